"""What a reader meets, on a phone and a desktop, checked by axe-core."""

import pytest
from django.core.management import call_command

from articles.models import Article
from authors.models import Correspondent
from comments.models import Comment
from tests.e2e.steps import follow, submit, visit

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def demo(settings):
    settings.COMMENT_MIN_SECONDS = 0
    call_command("load_demo", verbosity=0)
    article = (
        Article.objects.published()
        .filter(comment_count__gt=0)
        .order_by("-publish_at")
        .first()
    )
    return {
        "article": article,
        "person": Correspondent.objects.get(slug="amara-okafor"),
    }


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_look_right_and_pass_axe(new_page, shots, axe_check, demo, width):
    page = new_page(width=width, axe=True)
    for name, url in [
        ("home", "/"),
        ("article", demo["article"].get_absolute_url()),
        ("profile", demo["person"].get_absolute_url()),
        ("section", "/sections/world/"),
        ("search", "/search/?q=water"),
    ]:
        visit(page, url)
        shots(page, f"{name}-{width}")
        # No sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        violations = axe_check(page)
        assert violations == [], (name, violations)


def test_dark_mode_passes_axe(new_page, shots, axe_check, demo):
    page = new_page(width=1280, color_scheme="dark", axe=True)
    visit(page, demo["article"].get_absolute_url())
    shots(page, "article-dark")

    assert axe_check(page) == []


@pytest.mark.parametrize("where", ["home", "article", "profile"])
def test_images_have_sizes_so_nothing_shifts(new_page, demo, where):
    url = {
        "home": "/",
        "article": demo["article"].get_absolute_url(),
        "profile": demo["person"].get_absolute_url(),
    }[where]
    page = new_page(width=1280)
    visit(page, url)

    images = page.evaluate(
        "[...document.images].map(i => [i.currentSrc || i.src, i.getAttribute('width'), i.getAttribute('height')])"
    )
    # The demo's stories and correspondents all have pictures: a page with
    # none would pass the size check below without checking anything.
    assert images, f"{url} shows no images"
    unsized = [src for src, width, height in images if not width or not height]
    assert unsized == []


def test_reader_comments_without_javascript_and_moderator_approves(
    new_page, shots, demo, browser, live_server
):
    article = demo["article"]
    reader = new_page(width=375, java_script_enabled=False)
    visit(reader, article.get_absolute_url())
    reader.fill("#id_name", "Noor Reader")
    reader.fill("#id_email", "noor@reader.example")
    reader.fill(
        "#id_body", "A clear piece: thank you for explaining the insurance side."
    )
    shots(reader, "reader-writes")
    submit(reader, "text=Post comment")
    assert reader.url.endswith(f"{article.get_absolute_url()}#comments")
    reader.wait_for_selector("text=waiting for a moderator")
    assert "Awaiting moderation" in reader.content()
    shots(reader, "reader-sees-pending")
    comment = Comment.objects.get(name="Noor Reader")
    assert comment.status == "pending"

    stranger = new_page(width=1280)
    visit(stranger, article.get_absolute_url())
    assert "thank you for explaining the insurance side" not in stranger.content()

    moderator = new_page(width=1280)
    visit(moderator, "/admin/login/")
    moderator.fill("#id_username", "moderator")
    moderator.fill("#id_password", "moderator-demo")
    assert submit(moderator, "input[type=submit]").url.endswith("/admin/")
    follow(moderator, "text=comments waiting")
    moderator.check(f"input[name=_selected_action][value='{comment.pk}']")
    moderator.select_option("select[name=action]", "approve_selected")
    submit(moderator, "button[name=index]")
    moderator.wait_for_selector("text=1 comment(s) approved")
    comment.refresh_from_db()
    assert comment.status == "approved"
    shots(moderator, "moderator-approved")

    visit(stranger, article.get_absolute_url())
    assert "thank you for explaining the insurance side" in stranger.content()
    assert "noor@reader.example" not in stranger.content()
    shots(stranger, "comment-public")


def test_share_copy_link_works_with_javascript(new_page, demo, settings):
    page = new_page(width=1280, permissions=["clipboard-read", "clipboard-write"])
    visit(page, demo["article"].get_absolute_url())

    page.click("text=Copy link")

    # The clipboard write resolves a moment after the click; wait for the label.
    page.wait_for_function(
        "document.querySelector('.share__copy').textContent === 'Link copied'"
    )
    assert page.locator(".share__copy").inner_text() == "Link copied"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == settings.SITE_URL + demo["article"].get_absolute_url()
