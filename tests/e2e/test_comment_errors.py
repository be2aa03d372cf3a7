"""A reader's refused comment comes back where the reader was: at the form,
the error summary focused, each field one link away, nothing typed lost."""

import pytest

from comments.models import Comment
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]
PARAGRAPH = (
    "<p>The harbour authority published its figures on Monday, and they do "
    "not match what the engineers told residents at the public meeting last "
    "spring. The gap matters because the walls are being built now.</p>"
)


@pytest.fixture
def story(settings):
    settings.COMMENT_MIN_SECONDS = 0
    # Long enough that the form sits thousands of pixels below the top.
    return ArticleFactory(published=True, body=PARAGRAPH * 60)


def write(page, *, name, email, body):
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_body", body)
    page.click("text=Post comment")


def summary_state(page):
    return page.evaluate(
        """() => {
            const box = document.getElementById('comment-form-errors');
            const rect = box.getBoundingClientRect();
            return {
                focused: document.activeElement === box,
                visible: rect.top >= 0 && rect.top < window.innerHeight,
                scrolled: window.scrollY,
            };
        }"""
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_a_refused_comment_lands_at_the_form_with_the_summary_focused(
    new_page, shots, story, javascript
):
    # Reduced motion: the page jumps to the summary instead of scrolling
    # there smoothly, so where it lands can be read at once.
    page = new_page(
        width=375, height=800, java_script_enabled=javascript, reduced_motion="reduce"
    )
    page.goto(story.get_absolute_url())

    write(
        page, name="Noor Reader", email="noor@", body="The figures differ by a third."
    )
    page.wait_for_selector("#comment-form-errors")
    state = summary_state(page)

    assert page.url.endswith(f"/articles/{story.slug}/comments/")
    assert state["focused"] and state["visible"], state
    assert state["scrolled"] > 3000  # at the form, not the top of the story
    assert page.input_value("#id_name") == "Noor Reader"
    assert page.input_value("#id_email") == "noor@"
    assert page.input_value("#id_body") == "The figures differ by a third."
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    assert not Comment.objects.exists()
    shots(page, "refused")


def test_the_summary_links_to_the_field_and_the_comment_then_goes_through(
    new_page, axe_check, story
):
    page = new_page(width=1280, axe=True)
    page.goto(story.get_absolute_url())
    write(page, name="", email="noor@reader.example", body="Kept while I fix it.")
    page.wait_for_selector("#comment-form-errors")
    assert axe_check(page) == []

    page.click("#comment-form-errors >> text=Name: This field is required.")

    assert page.evaluate("document.activeElement.id") == "id_name"
    page.keyboard.type("Noor Reader")
    page.click("text=Post comment")
    page.wait_for_selector("text=waiting for a moderator")
    comment = Comment.objects.get()
    assert (comment.name, comment.body) == ("Noor Reader", "Kept while I fix it.")
