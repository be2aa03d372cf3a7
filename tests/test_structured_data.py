import json
import re

import pytest
from django.test import Client

from authors.models import ProfileLink
from tests.factories import ArticleFactory, CorrespondentFactory, image_upload

pytestmark = pytest.mark.django_db


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_article_json_ld_is_a_complete_news_article(editor, settings):
    ana = CorrespondentFactory(
        name="Ana Costa", job_title="Iberia Correspondent", email="ana@private.example"
    )
    article = ArticleFactory(
        published=True,
        headline="Reservoirs fall",
        bylines=[ana],
        hero_image=image_upload(1600, 900),
        hero_alt="Alt",
    )
    article.add_correction(by=editor, kind="correction", note="The dam is 40 m tall.")

    data = json_ld(Client().get(article.get_absolute_url()))

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Reservoirs fall"
    assert data["image"][0].startswith(settings.SITE_URL + "/media/")
    assert data["datePublished"] and data["dateModified"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ana Costa",
            "url": settings.SITE_URL + ana.get_absolute_url(),
            "jobTitle": "Iberia Correspondent",
        }
    ]
    assert data["publisher"]["name"] == settings.SITE_NAME
    assert data["correction"][0]["text"] == "The dam is 40 m tall."
    assert "ana@private.example" not in json.dumps(data)


def test_profile_json_ld_is_a_person(settings):
    person = CorrespondentFactory(
        name="Kofi Mensah",
        job_title="World Affairs Correspondent",
        based_in="Nairobi",
        languages="English, Swahili",
        education="MA, University of Nairobi\nBA, Makerere University",
    )
    ProfileLink.objects.create(
        correspondent=person, label="Site", url="https://kofi.example"
    )

    data = json_ld(Client().get(person.get_absolute_url()))

    assert data["@type"] == "Person"
    assert data["jobTitle"] == "World Affairs Correspondent"
    assert data["workLocation"] == {"@type": "Place", "name": "Nairobi"}
    assert data["knowsLanguage"] == ["English", "Swahili"]
    assert data["alumniOf"] == ["MA, University of Nairobi", "BA, Makerere University"]
    assert data["sameAs"] == ["https://kofi.example"]


def test_json_ld_cannot_be_broken_out_of():
    article = ArticleFactory(
        published=True, headline="</script><script>alert(1)</script>"
    )

    body = Client().get(article.get_absolute_url()).content.decode()

    assert "</script><script>alert(1)" not in body
    assert json_ld(Client().get(article.get_absolute_url()))["headline"].startswith(
        "</script>"
    )


def test_social_meta_and_canonical(settings):
    article = ArticleFactory(
        published=True,
        headline="Harbour reopens",
        hero_image=image_upload(1600, 900),
        hero_alt="Alt",
    )

    body = Client().get(article.get_absolute_url()).content.decode()

    assert (
        f'<link rel="canonical" href="{settings.SITE_URL}{article.get_absolute_url()}">'
        in body
    )
    assert '<meta property="og:title" content="Harbour reopens">' in body
    assert '<meta name="twitter:card" content="summary_large_image">' in body
    assert "max-image-preview:large" in body
