"""A writer embeds a chart and sets a pull quote from the editor's toolbar; a
reader's browser fetches nothing from the service until the reader asks."""

from urllib.parse import urlsplit

import pytest

from articles.models import Article
from tests.e2e.steps import sign_in, submit, visit
from tests.factories import CorrespondentFactory, SectionFactory, UserFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]

CHART = "https://www.datawrapper.de/_/Ab3dE/"
PLAYER = "https://datawrapper.dwcdn.net/Ab3dE/1/"


def test_writer_embeds_a_chart_and_a_reader_loads_it_on_request(
    new_page, shots, live_server
):
    section = SectionFactory(name="Business", slug="business")
    writer = UserFactory(username="writer", role="Journalist")
    chief = UserFactory(username="chief", role="Editor")
    hana = CorrespondentFactory(name="Hana Sato", user=writer)

    page = new_page()
    sign_in(page, "writer")
    visit(page, "/admin/articles/article/add/")
    page.fill("#id_headline", "Freight rates fall for a sixth month")
    page.fill(
        "#id_dek", "Shipping a container from Asia to Europe costs less than in spring."
    )
    body = page.locator("[contenteditable=true].ProseMirror")
    body.click()
    page.keyboard.type("Shipping costs fell again in November.")
    page.keyboard.press("Enter")

    # A pasted address no service here serves is refused in the dialog.
    page.click("button[aria-label='Embed a video, post, chart or map']")
    dialog = page.get_by_role("dialog", name="Embed a video, post, chart or map")
    dialog.get_by_label("Address").fill("https://evil.example/chart")
    dialog.get_by_role("button", name="Insert").click()
    assert "can't be embedded" in dialog.get_by_role("alert").inner_text()
    dialog.get_by_label("Address").fill(CHART)
    dialog.get_by_label("Caption (optional)").fill("Container rates, 2024 to now")
    dialog.get_by_role("button", name="Insert").click()
    page.wait_for_selector(".editor-embed")
    assert "Datawrapper embed" in page.locator(".editor-embed").inner_text()

    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Nobody expected the fall to last this long.")
    page.click("button[aria-label='Pull quote']")
    page.select_option("#id_section", str(section.pk))
    shots(page, "writer-embeds")
    submit(page, "input[name=_continue]")

    story = Article.objects.get(headline="Freight rates fall for a sixth month")
    assert (
        '<figure data-embed="https://datawrapper.dwcdn.net/Ab3dE/1/">'
        "<figcaption>Container rates, 2024 to now</figcaption></figure>"
    ) in story.body
    assert (
        '<aside data-pullquote=""><p>Nobody expected the fall to last this long.</p>'
        "</aside>"
    ) in story.body
    if not story.bylines.exists():
        story.bylines.create(correspondent=hana, position=0)
    story.publish(by=chief)

    reader = new_page()
    fetched = []
    reader.on("request", lambda request: fetched.append(request.url))
    reader.route(
        "https://datawrapper.dwcdn.net/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<p>chart</p>"
        ),
    )
    visit(reader, story.get_absolute_url())
    still = reader.locator("figure.embed")
    assert "hosted by Datawrapper" in still.inner_text()
    assert reader.locator("figure.embed iframe").count() == 0
    own = urlsplit(live_server.url).netloc
    assert {urlsplit(url).netloc for url in fetched} == {own}
    shots(reader, "reader-sees-the-still")

    reader.get_by_role("button", name="Load content from Datawrapper").click()
    frame = reader.locator("figure.embed iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == PLAYER
    assert frame.get_attribute("title") == "Datawrapper: Container rates, 2024 to now"
    reader.wait_for_timeout(300)
    assert PLAYER in fetched  # and the CSP let it through (new_page checks)
    shots(reader, "reader-loaded-the-chart")
