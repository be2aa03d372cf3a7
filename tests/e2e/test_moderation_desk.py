"""A moderator clears the queue: one click per comment, the next one ready
each time, with a script, without one, and from the keyboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment
from tests.factories import ArticleFactory, CommentFactory, UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]
QUEUE = "/admin/comments/comment/?status__exact=pending"
DECISIONS = ["approve", "reject", "spam"]
DONE = {"approve": "approved", "reject": "rejected", "spam": "spam"}


@pytest.fixture
def waiting():
    """A function making `n` comments waiting, newest first, as the queue lists them."""
    UserFactory(username="moderator", role="Moderator")
    story = ArticleFactory(published=True, headline="Harbour walls rise")

    def make(n):
        now = timezone.now()
        return [
            CommentFactory(
                article=story,
                name=f"Reader {i:02}",
                body=(
                    f"Comment {i:02}: the council's figures on the new harbour "
                    "walls do not match what the engineers told residents at "
                    "the public meeting last spring, and the story should say so."
                ),
                signals=["3 links (more than 2)"] if i % 5 == 0 else [],
                created_at=now - timedelta(minutes=i),
            )
            for i in range(1, n + 1)
        ]

    return make


def sign_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "pass-word-123")
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def focused_card(page):
    return page.evaluate(
        "(document.activeElement.closest('.mod-card') || {}).id || null"
    )


def test_a_moderator_clears_twenty_comments_with_one_click_each(
    new_page, shots, waiting
):
    comments = waiting(20)
    page = new_page(width=1440)
    sign_in(page)
    page.goto(QUEUE)
    shots(page, "queue-1440")
    loads = []
    page.on("load", lambda _: loads.append(page.url))

    for index, comment in enumerate(comments):
        decision = DECISIONS[index % 3]
        card = f"#comment-{comment.pk}"
        page.click(f"{card} button[value={decision}]")
        page.wait_for_selector(f"{card}[data-status={DONE[decision]}]")
        if index + 1 < len(comments):
            # The next comment waiting is ready for its click.
            assert focused_card(page) == f"comment-{comments[index + 1].pk}"
        if index == 2:
            shots(page, "three-decided")

    page.wait_for_selector("text=No more comments are waiting here.")
    shots(page, "queue-cleared")
    assert loads == []  # twenty decisions, no page load
    assert page.evaluate("document.activeElement.className") == "mod-notice"
    assert page.text_content(".header-pending") == "0 comments waiting"
    assert page.text_content(".mod-story__waiting") == "0 waiting"
    statuses = list(
        Comment.objects.order_by("-created_at").values_list("status", flat=True)
    )
    assert statuses == [DONE[DECISIONS[i % 3]] for i in range(20)]
    assert all(c.moderated_at for c in Comment.objects.all())


def test_the_queue_works_without_javascript(new_page, shots, waiting):
    comments = waiting(4)
    page = new_page(width=1440, java_script_enabled=False)
    sign_in(page)
    page.goto(QUEUE)

    for index, comment in enumerate(comments):
        page.click(f"#comment-{comment.pk} button[value=approve]")
        page.wait_for_load_state()
        if index + 1 < len(comments):
            # Back on the list, at the next comment waiting.
            assert page.url.endswith(f"#comment-{comments[index + 1].pk}")
            assert page.evaluate("document.querySelector(':target').id") == (
                f"comment-{comments[index + 1].pk}"
            )
        if index == 0:
            shots(page, "after-first-decision")

    assert "No more comments are waiting here." in page.content()
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}


def test_the_keys_decide_and_move(new_page, waiting):
    first, second, third = waiting(3)
    page = new_page(width=1440)
    sign_in(page)
    page.goto(QUEUE)

    page.keyboard.press("j")
    assert focused_card(page) == f"comment-{first.pk}"
    page.keyboard.press("a")
    page.wait_for_selector(f"#comment-{first.pk}[data-status=approved]")
    assert focused_card(page) == f"comment-{second.pk}"
    page.keyboard.press("s")
    page.wait_for_selector(f"#comment-{second.pk}[data-status=spam]")
    page.keyboard.press("k")  # back up to the one just decided...
    assert focused_card(page) == f"comment-{second.pk}"
    page.keyboard.press("j")
    page.keyboard.press("r")
    page.wait_for_selector(f"#comment-{third.pk}[data-status=rejected]")

    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "approved", second.pk: "spam", third.pk: "rejected"}


def test_keys_do_nothing_while_the_moderator_types(new_page, waiting):
    (only,) = waiting(1)
    page = new_page(width=1440)
    sign_in(page)
    page.goto(QUEUE)

    page.fill("#searchbar", "")
    page.keyboard.type("a spam search")

    assert Comment.objects.get(pk=only.pk).status == "pending"


def test_a_decision_from_the_comments_page_opens_the_next(new_page, waiting):
    first, second = waiting(2)
    page = new_page(width=1440)
    sign_in(page)
    page.goto(QUEUE)
    page.click(f"#comment-{first.pk} a:text('Details')")

    page.click(".workflow-panel button[value=approve]")

    page.wait_for_selector(f"text={second.body[:40]}")
    assert f"/{second.pk}/change/" in page.url
    assert not page.locator("input[name=_save]").count()


def test_the_queue_reads_at_full_width_and_passes_axe(
    new_page, shots, axe_check, waiting
):
    waiting(6)
    page = new_page(width=1440, axe=True)
    sign_in(page)
    page.goto(QUEUE)
    shots(page, "queue-axe")

    text_width = page.evaluate(
        "document.querySelector('.mod-card__body').getBoundingClientRect().width"
    )
    assert text_width >= 600  # a line of prose, not three words
    assert page.evaluate("document.documentElement.scrollWidth") <= 1440
    assert axe_check(page) == []
