"""A journalist writes and submits, an editor publishes, a reader sees it."""

import pytest

from articles.models import Article
from tests.e2e.steps import follow, sign_in, submit, visit
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    SectionFactory,
    UserFactory,
    image_upload,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_story_goes_from_draft_to_the_front_page(new_page, shots):
    section = SectionFactory(name="Science", slug="science")
    writer = UserFactory(username="writer", role="Journalist")
    UserFactory(username="chief", role="Editor")
    CorrespondentFactory(
        name="Hana Sato", user=writer, job_title="Science Correspondent"
    )

    page = new_page()
    sign_in(page, "writer")
    visit(page, "/admin/articles/article/add/")
    page.fill("#id_headline", "Glacier retreat doubles in a decade")
    page.fill(
        "#id_dek", "Satellite records show the ice is going faster than models said."
    )
    editor_area = page.locator("[contenteditable=true].ProseMirror")
    editor_area.click()
    page.keyboard.type("The ice is retreating faster than any model predicted.")
    page.select_option("#id_section", str(section.pk))
    shots(page, "journalist-writes")
    submit(page, "input[name=_continue]")
    page.wait_for_selector(".workflow-panel")
    submit(page, "button[value=in_review]")
    page.wait_for_selector("text=is now in review")
    shots(page, "journalist-submitted")

    article = Article.objects.get(headline="Glacier retreat doubles in a decade")
    assert article.status == "in_review"
    assert "faster than any model predicted" in article.body

    editor = new_page()
    sign_in(editor, "chief")
    visit(editor, "/admin/articles/article/?queue=review")
    follow(editor, "text=Glacier retreat doubles in a decade")
    submit(editor, "button[value=published]")
    editor.wait_for_selector("text=is now published")
    shots(editor, "editor-published")

    reader = new_page(width=375, height=800)
    visit(reader, "/")
    shots(reader, "reader-home")
    follow(reader, "text=Glacier retreat doubles in a decade")
    assert reader.locator("h1").inner_text() == "Glacier retreat doubles in a decade"
    assert "Hana Sato" in reader.locator(".byline").inner_text()
    shots(reader, "reader-reads")
    visit(reader, "/sections/science/")
    assert reader.locator("text=Glacier retreat doubles in a decade").count() == 1
    shots(reader, "reader-section")
    for path in ("/feed/", "/sitemap-articles.xml"):
        response = reader.request.get(path)
        assert response.ok
        assert article.slug in response.text(), path


def test_writer_edit_to_a_live_illustrated_story_goes_through_review(new_page, shots):
    writer = UserFactory(username="writer", role="Journalist")
    chief = UserFactory(username="chief", role="Editor")
    me = CorrespondentFactory(name="Hana Sato", user=writer)
    story = ArticleFactory(
        headline="Flood barrier holds through the spring tide",
        body="<p>The barrier closed twice overnight.</p>",
        bylines=[me],
        hero_image=image_upload(1600, 900),
        hero_alt="The flood barrier at dusk",
    )
    story.publish(by=chief)

    reader = new_page()
    visit(reader, story.get_absolute_url())
    assert reader.locator("article img").count() >= 1

    page = new_page()
    sign_in(page, "writer")
    visit(page, f"/admin/articles/article/{story.pk}/change/")
    body = page.locator("[contenteditable=true].ProseMirror")
    body.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Engineers will inspect the gates on Monday.")
    submit(page, "input[name=_continue]")
    page.wait_for_selector("text=waits for an editor's review")
    shots(page, "writer-change-waits")

    visit(reader, story.get_absolute_url())
    assert "closed twice overnight" in reader.locator("article").inner_text()
    assert "inspect the gates" not in reader.content()

    editor = new_page()
    sign_in(editor, "chief")
    visit(editor, "/admin/articles/article/?queue=review")
    follow(editor, "text=Flood barrier holds through the spring tide")
    follow(editor, "text=Review the change")
    diff = editor.locator(".revision-diff .diff-added").all_inner_texts()
    assert any("inspect the gates on Monday" in line for line in diff)
    shots(editor, "editor-reads-diff")
    submit(editor, "button[value=publish]")
    editor.wait_for_selector("text=The change is live.")

    visit(reader, story.get_absolute_url())
    assert "inspect the gates on Monday" in reader.locator("article").inner_text()
    assert reader.locator("article img").count() >= 1
    shots(reader, "reader-sees-the-change")
