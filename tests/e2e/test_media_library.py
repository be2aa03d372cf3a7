"""A journalist illustrates a story from the media library, in Chromium:
upload, focal point, the picker's search with thumbnails, the hero, a figure
inside the text, and the page a reader would get."""

import io

import pytest
from PIL import Image as Pillow
from PIL import ImageDraw

from articles.models import Article
from blocks import images
from library.models import Image
from tests.e2e.steps import sign_in, submit, visit
from tests.factories import CorrespondentFactory, SectionFactory, UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]

CAPTION = "Fishing boats leave the harbour at first light"
CREDIT = "Photograph: Hana Sato"


def harbour_picture(path):
    """A real 1800 × 1200 JPEG with a bright boat in the upper right."""
    image = Pillow.new("RGB", (1800, 1200), (40, 70, 120))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 800, 1800, 1200), fill=(20, 40, 80))
    draw.ellipse((1300, 260, 1580, 460), fill=(240, 200, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    path.write_bytes(out.getvalue())
    return path


def test_journalist_illustrates_a_story_from_the_library(new_page, shots, tmp_path):
    section = SectionFactory(name="Business", slug="business")
    writer = UserFactory(username="writer", role="Journalist")
    CorrespondentFactory(name="Hana Sato", user=writer)
    page = new_page()
    sign_in(page, "writer")

    # Upload: the width is said as soon as the file is chosen.
    visit(page, "/admin/library/image/add/")
    page.set_input_files("#id_file", str(harbour_picture(tmp_path / "IMG_2231.jpg")))
    page.wait_for_selector(".library-check[data-state=ok]")
    assert "wide enough to be a story's hero" in page.inner_text(".library-check")
    page.fill("#id_alt", "Three small fishing boats heading out past the breakwater")
    page.fill("#id_caption", CAPTION)
    page.fill("#id_credit", CREDIT)
    shots(page, "upload-chosen")
    submit(page, "input[name=_continue]")
    image = Image.objects.get()
    assert image.uploaded_by == writer and image.width == 1800

    # The focal point: a click on the boat fills the two number fields.
    picture = page.locator(".library-focal img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.3})
    assert float(page.input_value("#id_focal_x")) == pytest.approx(0.8, abs=0.02)
    assert float(page.input_value("#id_focal_y")) == pytest.approx(0.3, abs=0.02)
    shots(page, "focal-point-set")
    submit(page, "input[name=_continue]")
    image.refresh_from_db()
    assert image.focal_x == pytest.approx(0.8, abs=0.02)

    visit(page, "/admin/library/image/?q=harbour")
    assert page.locator("img.library-thumb").count() == 1
    shots(page, "library-list")

    # A new story: the hero from the picker, searched by words of the caption.
    visit(page, "/admin/articles/article/add/")
    page.fill("#id_headline", "Harbour fleet returns to sea after the strike")
    page.fill("#id_dek", "Boats left at dawn as the dispute ended.")
    page.select_option("#id_section", str(section.pk))
    page.click(".field-hero .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "harbour light")
    option = page.locator(".select2-results__option .library-option")
    option.first.wait_for()
    assert option.locator("img").first.get_attribute("src").startswith("/media/")
    shots(page, "hero-picker")
    option.first.click()
    assert CAPTION in page.inner_text(".field-hero .select2-selection")

    # Inside the text: the toolbar's image button and its library search.
    body = page.locator("[contenteditable=true].ProseMirror")
    body.click()
    page.keyboard.type("The first boats slipped their moorings before six.")
    page.keyboard.press("Enter")
    page.click("button[title='Insert an image from the library']")
    page.fill("#library-figure-search", "boats")
    choice = page.locator(".library-figure-choice")
    choice.first.wait_for()
    assert choice.first.locator("img").get_attribute("src").startswith("/media/")
    shots(page, "figure-picker")
    choice.first.click()
    page.wait_for_selector(".ProseMirror figure[data-image] img")
    shots(page, "story-with-figure")
    submit(page, "input[name=_continue]")

    story = Article.objects.get(
        headline="Harbour fleet returns to sea after the strike"
    )
    assert story.hero == image
    assert f'<figure data-image="{image.pk}">' in story.body

    # The page as readers will get it, previewed by its writer.
    visit(page, story.get_absolute_url())
    hero = page.locator(".story__hero picture")
    assert "webp" in hero.locator("source").get_attribute("type")
    figure = page.locator(".story__body .story__figure")
    assert (
        figure.locator("source[type='image/webp']").get_attribute("srcset").count("w,")
        >= 1
    )
    img = figure.locator("img")
    assert img.get_attribute("loading") == "lazy"
    assert (img.get_attribute("width"), img.get_attribute("height")) == (
        "1800",
        "1200",
    )
    caption = figure.locator("figcaption").inner_text()
    assert CAPTION in caption and CREDIT.upper() in caption.upper()
    figure.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.story__figure img').naturalWidth > 0"
    )
    shots(page, "public-story-with-figure")


def test_upload_form_says_the_width_and_keeps_the_file_after_an_error(
    new_page, shots, tmp_path, axe_check
):
    UserFactory(username="writer", role="Journalist")
    narrow = tmp_path / "chart.png"
    Pillow.new("RGB", (900, 600), (250, 250, 250)).save(narrow, "PNG")
    page = new_page(axe=True)
    sign_in(page, "writer")
    visit(page, "/admin/library/image/add/")

    page.set_input_files("#id_file", str(narrow))
    page.wait_for_selector(".library-check[data-state=warning]")
    said = page.inner_text(".library-check")
    assert "900 px wide" in said and "a hero needs at least 1200 px" in said
    assert "Now describe it in the alt text." in said
    # Sent without alt text: refused, and the file need not be chosen again.
    submit(page, "input[name=_save]", redirected=False)
    assert images.NEEDS_ALT in page.inner_text(".errorlist")
    assert "chart.png is kept from your last try" in page.inner_text(".library-kept")
    shots(page, "alt-missing-file-kept")
    assert axe_check(page) == []
    page.fill("#id_alt", "A bar chart of ferry crossings by month")
    submit(page, "input[name=_save]")

    image = Image.objects.get()
    assert (image.width, image.original_name) == (900, "chart.png")
    assert "it can go inside a story, but a hero needs" in page.inner_text(
        ".messagelist"
    )
    shots(page, "narrow-image-saved")
    visit(page, f"/admin/library/image/{image.pk}/change/")
    assert axe_check(page) == []
