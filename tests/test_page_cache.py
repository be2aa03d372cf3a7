import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from articles.models import Article
from comments.models import Comment
from pagecache import expiry
from pagecache import tags as page_cache
from tests.comment_helpers import (
    comment_data,
    comments_url,
    csrf_token,
    post_comment,
    started,
)
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def get(url, **headers):
    return Client().get(url, headers=headers)


def test_second_anonymous_read_is_served_from_the_cache(django_assert_num_queries):
    article = ArticleFactory(published=True)
    first = get(article.get_absolute_url())

    with django_assert_num_queries(0):
        second = get(article.get_absolute_url())

    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert (
        first.content.split(b"csrfmiddlewaretoken")[0]
        == second.content.split(b"csrfmiddlewaretoken")[0]
    )


def test_every_reader_of_a_cached_page_gets_a_working_csrf_token():
    article = ArticleFactory(published=True)
    get(article.get_absolute_url())  # fills the cache
    readers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = []
    for n, reader in enumerate(readers):
        page = reader.get(article.get_absolute_url())
        assert page["X-Page-Cache"] == "hit"
        token = csrf_token(page)
        tokens.append(token)
        response = reader.post(
            comments_url(article),
            comment_data(
                csrfmiddlewaretoken=token,
                started=started(client=reader),
                body=f"Reader {n} agrees.",
            ),
        )
        assert response.status_code == HTTPStatus.SEE_OTHER, response.content[:500]

    assert tokens[0] != tokens[1]
    assert Comment.objects.count() == 2


def test_a_hit_carries_the_headers_every_middleware_gave_the_page(settings):
    settings.SECURE_HSTS_SECONDS = 3600
    article = ArticleFactory(published=True)
    miss = Client().get(article.get_absolute_url(), secure=True)
    hit = Client().get(article.get_absolute_url(), secure=True)

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Strict-Transport-Security",
        "Content-Type",
        "Vary",
        "ETag",
        "Cache-Control",
    ):
        assert hit[header] == miss[header], header
    assert "Cookie" in hit["Vary"]
    assert int(hit["Content-Length"]) == len(hit.content)
    cookie = hit.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["samesite"] == "Lax" and cookie["max-age"] == settings.CSRF_COOKIE_AGE


def test_a_hit_keeps_the_csrf_cookie_a_reader_already_has():
    article = ArticleFactory(published=True)
    get(article.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    first_tab = reader.get(article.get_absolute_url())
    second_tab = reader.get(article.get_absolute_url())  # sends the cookie back

    assert second_tab["X-Page-Cache"] == "hit"
    secret = first_tab.cookies["csrftoken"].value
    assert second_tab.cookies["csrftoken"].value == secret
    response = reader.post(
        comments_url(article),
        comment_data(
            csrfmiddlewaretoken=csrf_token(first_tab), started=started(client=reader)
        ),
    )
    assert response.status_code == HTTPStatus.SEE_OTHER


def test_a_cached_page_is_not_served_to_an_unknown_host_or_over_plain_http(settings):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    get(url)
    assert get(url)["X-Page-Cache"] == "hit"

    assert Client().get(url, HTTP_HOST="evil.example").status_code == 400
    settings.SECURE_SSL_REDIRECT = True
    redirected = get(url)
    assert redirected.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert redirected["Location"] == f"https://testserver{url}"


def test_a_foreign_csrf_token_is_refused():
    article = ArticleFactory(published=True)
    alice, mallory = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    alice.get(article.get_absolute_url())
    stolen = csrf_token(mallory.get(article.get_absolute_url()))

    response = alice.post(
        comments_url(article), comment_data(csrfmiddlewaretoken=stolen)
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "change",
    [
        "edit",
        "withdraw",
        "correction",
        "comment_approved",
        "profile",
        "section",
    ],
)
def test_cache_is_purged_when_what_the_page_shows_changes(change, editor, moderator):
    person = CorrespondentFactory(name="Ana Costa")
    section = SectionFactory(name="World")
    article = ArticleFactory(
        published=True, headline="Old headline", bylines=[person], section=section
    )
    pending = CommentFactory(article=article, body="Fresh insight")
    url = article.get_absolute_url()
    get(url)
    assert get(url)["X-Page-Cache"] == "hit"

    expected = {
        "edit": lambda: (
            setattr(article, "headline", "New headline"),
            article.save(),
            "New headline",
        ),
        "withdraw": lambda: (article.withdraw(by=editor), None),
        "correction": lambda: (
            article.add_correction(
                by=editor, kind="correction", note="Fixed the date."
            ),
            "Fixed the date.",
        ),
        "comment_approved": lambda: (pending.approve(by=moderator), "Fresh insight"),
        "profile": lambda: (
            setattr(person, "name", "Ana C. Costa"),
            person.save(),
            "Ana C. Costa",
        ),
        "section": lambda: (
            setattr(section, "name", "Global"),
            section.save(),
            "Global",
        ),
    }[change]()[-1]

    response = get(url)
    if expected is None:
        assert response.status_code == HTTPStatus.NOT_FOUND
    else:
        assert response["X-Page-Cache"] == "miss"
        assertContains(response, expected)


def test_publishing_a_story_purges_the_home_page(editor):
    draft = ArticleFactory(headline="Breaking: dam holds")
    assertNotContains(get("/"), "Breaking: dam holds")

    draft.publish(by=editor)

    assertContains(get("/"), "Breaking: dam holds")


def test_scheduled_story_bounds_the_cache_lifetime(settings, clock):
    settings.PAGE_CACHE_SECONDS = 300
    ArticleFactory(published=True)
    ArticleFactory(scheduled=True, publish_at=clock.now + timedelta(seconds=40))

    assert expiry.seconds_to_keep() == 40
    clock.advance(seconds=39)
    assert expiry.seconds_to_keep() == 1
    # Now the story is live, and nothing else is scheduled.
    clock.advance(seconds=2)
    assert expiry.seconds_to_keep() == 300


def test_a_new_pending_comment_does_not_purge(client, no_comment_delays):
    article = ArticleFactory(published=True)
    get(article.get_absolute_url())
    generation = page_cache.generation()

    post_comment(client, article)

    assert page_cache.generation() == generation
    assert get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_commenter_with_a_pending_comment_gets_a_fresh_page(client, no_comment_delays):
    article = ArticleFactory(published=True)
    get(article.get_absolute_url())

    post_comment(client, article, body="My own pending words")
    page = client.get(article.get_absolute_url())

    assert "X-Page-Cache" not in page
    assertContains(page, "My own pending words")
    assertNotContains(get(article.get_absolute_url()), "My own pending words")


def test_staff_and_previews_are_never_cached(client, editor):
    article = ArticleFactory(published=True)
    draft = ArticleFactory()
    client.force_login(editor)

    assert "X-Page-Cache" not in client.get(article.get_absolute_url())
    preview = client.get(draft.get_absolute_url())
    assert "X-Page-Cache" not in preview
    assert "no-cache" in preview["Cache-Control"]


def test_conditional_get_answers_304():
    article = ArticleFactory(published=True)
    first = get(article.get_absolute_url())

    again = get(article.get_absolute_url(), if_none_match=first["ETag"])

    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""
    assert first["Last-Modified"]
    for header in ("ETag", "Vary", "Cache-Control", "Content-Security-Policy"):
        assert again[header] == first[header], header


def test_cache_control_fits_a_cdn_where_pages_are_shared():
    section = SectionFactory(name="World")
    ArticleFactory(published=True, section=section)

    listing = get(section.get_absolute_url())
    feed = get("/feed/")

    for response in (listing, feed):
        assert "s-maxage=" in response["Cache-Control"]
        assert "stale-while-revalidate=" in response["Cache-Control"]


def test_pages_with_a_comment_form_are_not_shared_by_a_cdn():
    article = ArticleFactory(published=True)

    response = get(article.get_absolute_url())

    assert "s-maxage" not in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_cdn_purge_hook_is_called_on_change(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.CDN_PURGE_URL = "http://127.0.0.1:9/purge"
    calls = []
    monkeypatch.setattr(page_cache, "_purge_cdn", lambda headers: calls.append(headers))
    monkeypatch.setattr(
        page_cache.threading,
        "Timer",
        lambda seconds, target, args: _RunAtOnce(lambda: target(*args)),
    )
    received = []
    page_cache.pages_changed.connect(
        lambda **kw: received.append(kw), weak=False, dispatch_uid="test"
    )

    with django_capture_on_commit_callbacks(execute=True):
        SectionFactory(name="Opinion")

    page_cache.pages_changed.disconnect(dispatch_uid="test")
    assert len(received) == 1
    assert {"masthead", "section:*"} <= set(received[0]["tags"])
    assert received[0]["everything"] is False
    # At once, and again a little later: a BAN on the pages that show it.
    assert len(calls) == 2 and calls[0] == calls[1]
    keys = re.compile(calls[0]["X-Purge-Keys"])
    assert keys.search("all masthead nav:3") and keys.search("untagged")
    assert not keys.search("all card:4 story:4")


class _RunAtOnce:
    def __init__(self, target):
        self.target = target

    def start(self):
        self.target()


def test_rendered_story_fragment_is_reused_and_purged(settings, editor):
    settings.PAGE_CACHE_SECONDS = 0  # the fragment cache works on its own
    article = ArticleFactory(published=True, headline="Fragment story")
    first = get(article.get_absolute_url()).content
    assert (
        get(article.get_absolute_url()).content.split(b"csrfmiddlewaretoken")[0]
        == first.split(b"csrfmiddlewaretoken")[0]
    )

    article.add_correction(
        by=editor, kind="update", note="Added a reply from the council."
    )

    assertContains(get(article.get_absolute_url()), "Added a reply from the council.")


def test_previews_never_use_the_fragment_cache(client, editor):
    draft = ArticleFactory(headline="Draft headline")
    client.force_login(editor)
    client.get(draft.get_absolute_url())
    Article.objects.filter(pk=draft.pk).update(headline="Changed quietly")

    assertContains(client.get(draft.get_absolute_url()), "Changed quietly")
