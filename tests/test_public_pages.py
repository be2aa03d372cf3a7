from http import HTTPStatus

import pytest
from django.utils import dateformat, timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article, Page
from comments.models import Comment
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    ana = CorrespondentFactory(name="Ana Costa", job_title="Iberia Correspondent")
    ben = CorrespondentFactory(name="Ben Okoro", job_title="Data Editor")
    article = ArticleFactory(
        headline="Reservoirs fall to a record low",
        dek="Farmers face the driest summer in forty years, and the harvest is at risk.",
        body="<p>Opening words here.</p><h2>The long dry</h2><blockquote><p>We pray.</p></blockquote>",
        hero_image=image_upload(1600, 900),
        hero_alt="A cracked reservoir bed",
        hero_caption="The Alqueva reservoir in July.",
        hero_credit="Photograph: Ana Costa",
        bylines=[ana, ben],
        tags=[TagFactory(name="Drought")],
    )
    editor_user = _editor()
    article.submit(by=editor_user)
    article.publish(by=editor_user)
    return article


def _editor():
    from tests.factories import UserFactory

    return UserFactory(username="desk", role="Editor")


def test_article_page_shows_everything_a_reader_expects(client, story):
    CommentFactory(article=story, approved=True, name="Maria", body="Useful reporting.")
    CommentFactory(article=story, name="Pending Pete", body="Not yet approved.")
    Comment.objects.recount(story)

    response = client.get(story.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assertContains(
        response,
        '<h1 class="story__headline">Reservoirs fall to a record low</h1>',
        html=False,
    )
    assertContains(
        response,
        "Farmers face the driest summer in forty years, and the harvest is at risk.",
    )
    # bylines link to profiles, with job titles as published
    assertContains(
        response,
        f'href="{story.bylines.first().correspondent.get_absolute_url()}" rel="author">Ana Costa</a>',
    )
    assertContains(response, "Iberia Correspondent")
    assertContains(response, "Data Editor")
    published = timezone.localtime(story.publish_at)
    assertContains(
        response,
        f'Published <time datetime="{dateformat.format(published, "c")}">'
        f"{dateformat.format(published, 'j F Y, H:i T')}</time>",
        count=1,
    )
    assert response.content.count(b"min read") == 1
    assertContains(response, '<img src="/media/library/renditions/')
    assertContains(response, 'type="image/webp"')
    assertContains(response, 'alt="A cracked reservoir bed"')
    assertContains(response, "Photograph: Ana Costa")
    assertContains(response, "<h2>The long dry</h2>", html=True)
    # one bio box per byline
    assert response.content.count(b'class="bio"') == 2
    for network in [
        "x.com/intent/post",
        "facebook.com/sharer",
        "linkedin.com/sharing",
        "wa.me",
        "mailto:?subject",
        "Copy link",
    ]:
        assertContains(response, network)
    assertContains(response, "Useful reporting.")
    assertNotContains(response, "Not yet approved.")
    assertContains(response, "Your email address will not be published.")
    assertContains(response, 'name="email"')
    assertContains(response, "Drought")


def test_article_page_is_timezone_aware(client, story, settings):
    settings.TIME_ZONE = "Asia/Singapore"
    timezone.deactivate()

    response = client.get(story.get_absolute_url())

    local = timezone.localtime(story.publish_at, timezone.get_default_timezone())
    assertContains(response, local.strftime("%H:%M"))
    assertContains(response, "+08")


def test_home_shows_lead_latest_and_section_rows(client):
    world, business = SectionFactory(name="World"), SectionFactory(name="Business")
    ArticleFactory(
        published=True, headline="Lead story", section=world, is_featured=True
    )
    ArticleFactory(published=True, headline="Markets rally", section=business)

    response = client.get("/")

    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Lead story")
    assertContains(response, "Markets rally")
    assertContains(response, 'id="row-business"')
    assertContains(response, 'id="row-world"')


def test_section_page_lists_its_stories_only(client):
    world, business = SectionFactory(name="World"), SectionFactory(name="Business")
    ArticleFactory(published=True, headline="World story", section=world)
    ArticleFactory(published=True, headline="Business story", section=business)

    response = client.get(world.get_absolute_url())

    assertContains(response, "<h1>World</h1>", html=True)
    assertContains(response, "World story")
    assertNotContains(response, "Business story")


def test_unknown_section_tag_and_person_are_404(client):
    for url in [
        "/sections/nope/",
        "/tags/nope/",
        "/correspondents/nope/",
        "/articles/nope/",
        "/nope/",
    ]:
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url


def test_404_page_is_friendly(client):
    response = client.get("/articles/not-here/")

    assertContains(response, "We couldn’t find that page", status_code=404)
    assertContains(response, 'role="search"', status_code=404)


def test_bad_page_numbers_are_404_not_500(client):
    section = SectionFactory(name="World")
    for page in ["999", "abc", "-1", "0"]:
        response = client.get(f"{section.get_absolute_url()}?page={page}")
        assert response.status_code == HTTPStatus.NOT_FOUND, page


def test_profile_page_shows_the_structured_profile_and_articles(client):
    person = CorrespondentFactory(
        name="Kofi Mensah",
        job_title="World Affairs Correspondent",
        based_in="Nairobi",
        languages="English, Swahili",
        email="kofi@private.example",
    )
    ArticleFactory(published=True, headline="Grain corridor opens", bylines=[person])

    response = client.get(person.get_absolute_url())

    assertContains(response, "<h1>Kofi Mensah</h1>", html=True)
    assertContains(response, "World Affairs Correspondent")
    assertContains(response, "Nairobi")
    assertContains(response, "English, Swahili")
    assertContains(response, "Grain corridor opens")
    assertNotContains(response, "kofi@private.example")


def test_correspondents_directory_lists_everyone(client):
    CorrespondentFactory(name="Hana Sato")
    CorrespondentFactory(name="Lena Fischer")

    response = client.get("/correspondents/")

    assertContains(response, "Hana Sato")
    assertContains(response, "Lena Fischer")


def test_terms_and_privacy_are_editable_pages(client):
    Page.objects.create(
        slug="terms",
        title="Terms of Service",
        body="<p>Be kind.</p><script>x()</script>",
    )
    Page.objects.create(
        slug="privacy", title="Privacy Policy", body="<p>We keep little.</p>"
    )

    terms = client.get("/terms/")
    privacy = client.get("/privacy/")

    assertContains(terms, "Be kind.")
    assertNotContains(terms, "<script>x()")
    assertContains(privacy, "We keep little.")


def test_footer_has_copyright_and_legal_links(client, settings):
    response = client.get("/")

    year = timezone.localdate().year
    assertContains(response, f"© {year} {settings.SITE_NAME}. All rights reserved.")
    assertContains(response, 'href="/terms/"')
    assertContains(response, 'href="/privacy/"')


def test_draft_preview_is_for_staff_who_may_edit_and_never_cached(client, editor):
    draft = ArticleFactory(headline="Work in progress")

    client.force_login(editor)
    response = client.get(draft.get_absolute_url())

    assertContains(response, "Preview.")
    assert "no-cache" in response["Cache-Control"]
    assert (
        "private" in response["Cache-Control"]
        or "no-store" in response["Cache-Control"]
    )


def test_articles_list_in_newest_first_order(client):
    ArticleFactory(
        published=True,
        headline="Older one",
        publish_at=timezone.now() - timezone.timedelta(days=2),
    )
    ArticleFactory(published=True, headline="Newer one")

    content = client.get("/sections/world/").content.decode()

    assert content.index("Newer one") < content.index("Older one")
    assert Article.objects.published().count() == 2
