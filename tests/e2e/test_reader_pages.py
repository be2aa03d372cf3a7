"""Reader pages as a browser draws them: the bio box, the footer of a short
page, the mobile menu's scroll cue, sitemaps (feeds a browser downloads),
and the admin's work tiles."""

import io

import pytest
from django.core.management import call_command
from django.utils.text import slugify
from PIL import Image

from articles.models import Article
from authors.models import Correspondent
from tests.factories import ArticleFactory, SectionFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def sections():
    """The demo's sections, more than a phone's menu shows at once."""
    names = ["World", "Politics", "Business", "Asia Pacific", "Science"]
    desks = [SectionFactory(name=name, slug=slugify(name)) for name in names]
    ArticleFactory(published=True, section=desks[0])


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    return Article.objects.published().filter(
        bylines__correspondent__slug="amara-okafor"
    )


def test_the_bio_box_shows_the_biography_then_the_facts(new_page, shots, demo):
    amara = Correspondent.objects.get(slug="amara-okafor")
    page = new_page(width=1280)
    page.goto(demo.first().get_absolute_url())

    box = page.locator(".bio", has_text="Amara Okafor")
    box.scroll_into_view_if_needed()
    shots(page, "bio-box")

    about = box.locator(".bio__about").inner_text()
    assert about == amara.bio_paragraphs[0]
    facts = box.locator(".facts dt").all_inner_texts()
    assert [f.lower() for f in facts] == [
        "based in",
        "covers",
        "languages",
        "previously",
        "education",
    ]
    outlets = box.locator(".facts__list li").all_inner_texts()
    assert outlets == [
        "West Africa Business Wire, Lagos and Jakarta 2011–2017",
        "Straits Shipping Weekly, Singapore 2017–2019",
    ]
    # Text first, the photo beside it.
    assert box.locator(".bio__photo img").count() == 1
    assert (
        box.locator(".bio__about").bounding_box()["y"]
        < (box.locator(".facts").bounding_box()["y"])
    )


def test_a_short_page_keeps_its_footer_at_the_bottom(new_page, shots, db):
    page = new_page(width=1280, height=1000)
    page.goto("/corrections/")
    shots(page, "short-page")

    bottom = page.evaluate(
        "document.querySelector('.site-footer').getBoundingClientRect().bottom"
    )
    assert bottom == pytest.approx(1000, abs=1)


def nav_edges(page):
    """Brightness of the menu's background at its left and right edges."""
    picture = Image.open(io.BytesIO(page.locator(".site-nav ul").screenshot()))
    grey = picture.convert("L")
    width, _ = grey.size
    # The top rows: above the words, only the background shows there.
    return (
        grey.getpixel((2, 2)),
        grey.getpixel((width // 2, 2)),
        grey.getpixel((width - 3, 2)),
    )


def test_the_mobile_menu_shows_that_it_scrolls(new_page, shots, sections):
    page = new_page(width=375)
    page.goto("/")
    menu = page.locator(".site-nav ul")
    assert menu.evaluate("ul => ul.scrollWidth > ul.clientWidth")

    left, middle, right = nav_edges(page)
    shots(page, "menu-start")
    menu.evaluate("ul => { ul.scrollLeft = ul.scrollWidth; }")
    end_left, end_middle, end_right = nav_edges(page)
    shots(page, "menu-end")

    # A shade on the side with more to see, none where the menu ends.
    assert right < middle - 20 and left == pytest.approx(middle, abs=3)
    assert end_left < end_middle - 20 and end_right == pytest.approx(end_middle, abs=3)


def test_a_wide_menu_that_fits_shows_no_shade(new_page, sections):
    page = new_page(width=1440)
    page.goto("/")

    left, middle, right = nav_edges(page)

    assert left == pytest.approx(middle, abs=3) and right == pytest.approx(
        middle, abs=3
    )


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-articles.xml"])
def test_sitemaps_show_in_the_browser(new_page, shots, sections, path):
    page = new_page(width=1280)
    page.goto(path)
    shots(page, path.strip("/").replace(".", "-"))

    text = page.inner_text("body")
    assert "<loc>http://" in text.replace("\n", "")
    # The browser's own viewer ran: new_page fails the test on any CSP report.
    assert page.locator("#xml-viewer-style").count() == 1


def test_todays_work_tiles_have_no_bullets(new_page, shots, demo):
    page = new_page(width=1440)
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "editor-demo")
    page.click("input[type=submit]")
    page.wait_for_selector(".newsroom-counts")
    shots(page, "admin-index")

    styles = page.eval_on_selector_all(
        ".newsroom-counts li",
        "items => items.map(i => getComputedStyle(i).listStyleType)",
    )
    assert styles and set(styles) == {"none"}
