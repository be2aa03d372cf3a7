"""Finishing touches readers and editors meet: contact addresses from the
settings, sitemaps a browser can show, one "View on site", the admin's
own breadcrumbs on the story's extra pages."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions
from articles.models import Page
from newsroom import demo
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(settings):
    settings.CORRECTIONS_EMAIL = "fixes@paper.example"
    settings.PRIVACY_EMAIL = "data@paper.example"
    for data in demo.pages():
        Page.objects.create(**data)


def test_terms_give_both_addresses_from_the_settings(client, pages):
    page = client.get("/terms/")

    assertContains(page, '<a href="mailto:fixes@paper.example">', count=1)
    assertContains(page, '<a href="mailto:data@paper.example">', count=1)


def test_privacy_gives_the_privacy_address(client, pages):
    page = client.get("/privacy/")

    assertContains(page, '<a href="mailto:data@paper.example">', count=1)
    assertNotContains(page, "fixes@paper.example")


def test_the_corrections_page_gives_the_corrections_address(client, settings):
    settings.CORRECTIONS_EMAIL = "fixes@paper.example"

    page = client.get("/corrections/")

    assertContains(page, '<a href="mailto:fixes@paper.example">', count=1)


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-articles.xml", "/feed/"])
def test_xml_documents_may_be_styled_by_the_browsers_own_viewer(client, path):
    ArticleFactory(published=True)

    policy = client.get(path)["Content-Security-Policy"]

    assert "style-src 'unsafe-inline'" in policy
    assert "default-src 'none'" in policy  # and nothing else: no script at all
    assert "script-src" not in policy


def test_html_pages_keep_the_strict_policy(client):
    policy = client.get("/")["Content-Security-Policy"]

    assert "style-src 'self';" in policy
    assert "unsafe-inline" not in policy


def test_a_published_story_has_one_view_on_site_button(client, editor):
    story = ArticleFactory(published=True)
    client.force_login(editor)

    page = client.get(reverse("admin:articles_article_change", args=[story.pk]))

    assertContains(page, "View on site", count=1)
    assertContains(page, 'class="historylink"', count=1)


def test_the_storys_revision_pages_have_the_admins_breadcrumbs(client, editor):
    story = ArticleFactory(published=True)
    revisions.record(story, by=editor)
    client.force_login(editor)

    page = client.get(reverse("admin:articles_article_revisions", args=[story.pk]))

    assert page.status_code == HTTPStatus.OK
    assertContains(page, '<ol class="breadcrumbs">')
    assertNotContains(page, '<div class="breadcrumbs">')
