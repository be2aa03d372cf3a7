"""What an API user expects: 304s, answers purged with the pages, CORS,
one error shape, and bad input refused with a message (never a 500)."""

from http import HTTPStatus

import pytest

from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(db):
    return ArticleFactory(published=True, headline="Port strike ends")


def test_etag_and_last_modified_give_304s(client, story):
    first = client.get("/api/v1/stories/")
    assert first["X-Page-Cache"] == "miss"

    by_etag = client.get("/api/v1/stories/", HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(
        "/api/v1/stories/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    other = client.get("/api/v1/stories/", HTTP_IF_NONE_MATCH='"something-else"')

    assert by_etag.status_code == by_date.status_code == HTTPStatus.NOT_MODIFIED
    assert by_etag.content == b"" and by_etag["ETag"] == first["ETag"]
    assert by_etag["X-Page-Cache"] == "hit"
    assert other.status_code == HTTPStatus.OK and other.content == first.content


def test_answers_are_purged_with_the_pages_that_show_the_same_story(client, story):
    api = client.get(f"/api/v1/stories/{story.pk}/")
    page = client.get(story.get_absolute_url())
    assert client.get(f"/api/v1/stories/{story.pk}/")["X-Page-Cache"] == "hit"

    story.headline = "Port strike ends after a week"
    story.save()

    fresh = client.get(f"/api/v1/stories/{story.pk}/", HTTP_IF_NONE_MATCH=api["ETag"])
    assert fresh.status_code == HTTPStatus.OK and fresh["X-Page-Cache"] == "miss"
    assert fresh.json()["headline"] == "Port strike ends after a week"
    assert fresh["ETag"] != api["ETag"]
    assert b"after a week" in client.get(story.get_absolute_url()).content
    assert page["X-Page-Cache"] == "miss"


def test_a_section_edit_purges_the_stories_that_name_it(client, story):
    client.get("/api/v1/stories/")
    section = story.section
    section.name = "Global"
    section.save()

    assert client.get("/api/v1/stories/").json()["results"][0]["section"]["name"] == (
        "Global"
    )


def test_get_is_open_to_any_origin(client, story):
    response = client.get("/api/v1/stories/", HTTP_ORIGIN="https://partner.example")
    cached = client.get("/api/v1/stories/", HTTP_ORIGIN="https://other.example")
    preflight = client.options(
        "/api/v1/stories/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    site = client.get("/", HTTP_ORIGIN="https://partner.example")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert (
        cached["X-Page-Cache"] == "hit" and cached["Access-Control-Allow-Origin"] == "*"
    )
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert preflight.status_code == HTTPStatus.OK
    assert "authorization" in preflight["Access-Control-Allow-Headers"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in site


@pytest.mark.parametrize(
    "address,status,field",
    [
        ("/api/v1/stories/?limit=0", 400, "limit"),
        ("/api/v1/stories/?limit=101", 400, "limit"),
        ("/api/v1/stories/?limit=ten", 400, "limit"),
        ("/api/v1/stories/?updated_since=yesterday", 400, "updated_since"),
        (
            "/api/v1/stories/?updated_since=2026-01-01T00:00:00 01:00",
            400,
            "updated_since",
        ),
        ("/api/v1/stories/?cursor=%00%ff", 400, "cursor"),
        ("/api/v1/stories/?cursor=WyJuZXdlc3QiLFsieCIsMV1d", 400, "cursor"),
        ("/api/v1/stories/?ordering=random", 400, "ordering"),
        ("/api/v1/stories/?section=no%20spaces", 400, "section"),
        ("/api/v1/stories/?q=-sport", 400, "q"),
        ("/api/v1/stories/?q=" + "x" * 201, 400, "q"),
        ("/api/v1/stories/?page=2", 400, "page"),
        ("/api/v1/stories/1/?limit=5", 400, "limit"),
        ("/api/v1/stories/99999999999999999999999/", 404, None),
        ("/api/v1/stories/abc/", 404, None),
        ("/api/v1/nothing-here/", 404, None),
        ("/api/v2/stories/", 404, None),
    ],
)
def test_bad_input_gets_a_clear_error_in_one_shape(
    client, story, address, status, field
):
    response = client.get(address)

    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]
    if field:
        assert list(error["fields"]) == [field]
        assert error["fields"][field][0]


def test_writes_are_refused_in_the_same_shape(client, story):
    response = client.post("/api/v1/stories/", {"headline": "Forged"})

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response.json()["error"]["code"] == "method_not_allowed"
    assert "Forged" not in client.get("/api/v1/stories/").content.decode()


def test_search_with_junk_characters_answers_without_error(client, story):
    response = client.get("/api/v1/stories/?q=port%20%22;%3C%3E%20--")
    with_nul = client.get("/api/v1/stories/?q=port%00")

    assert response.status_code == HTTPStatus.OK
    assert [s["headline"] for s in response.json()["results"]] == ["Port strike ends"]
    assert with_nul.status_code == HTTPStatus.BAD_REQUEST
    assert with_nul.json()["error"]["fields"]["q"] == [
        "Null characters are not allowed."
    ]


def test_unknown_slug_filters_select_nothing(client, story):
    SectionFactory(name="Sport")

    assert client.get("/api/v1/stories/?section=sport").json()["results"] == []
    assert client.get("/api/v1/stories/?section=nowhere").json()["results"] == []
