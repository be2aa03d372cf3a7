"""Contract tests: every API answer matches the OpenAPI schema it publishes.

The schema is read from /api/v1/schema/, as a client would; each answer is
validated against the schema of its path, method and status, with no
property the schema does not declare.
"""

import copy
import re
from http import HTTPStatus

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.models import PartnerKey
from articles.models import Article
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    CorrespondentFactory,
    SectionFactory,
    TagFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db


def strict(schema):
    """The schema with undeclared properties refused everywhere."""
    schema = copy.deepcopy(schema)

    def walk(node):
        if isinstance(node, dict):
            if "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema["components"])
    return schema


@pytest.fixture
def contract(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == HTTPStatus.OK
    schema = strict(response.json())
    registry = Registry().with_resource(
        "urn:api", Resource.from_contents(schema, default_specification=DRAFT202012)
    )
    checked = set()

    def check(template, path, status, *, method="get", **headers):
        response = client.get(path, **headers)
        assert response.status_code == status, (path, response.content[:300])
        operation = schema["paths"][template][method]
        declared = operation["responses"][str(status)]
        checked.add((template, status))
        if "content" not in declared:
            assert response.content == b""
            return response
        pointer = "/".join(
            part.replace("~", "~0").replace("/", "~1")
            for part in ("paths", template, method, "responses", str(status))
        )
        validator = Draft202012Validator(
            {"$ref": f"urn:api#/{pointer}/content/application~1json/schema"},
            registry=registry,
        )
        errors = sorted(validator.iter_errors(response.json()), key=str)
        assert not errors, (path, [e.message for e in errors[:5]])
        if status == HTTPStatus.OK:  # the check itself can fail
            leaky = response.json() | {"email": "x@private.example"}
            assert not validator.is_valid(leaky)
        return response

    check.schema = schema
    check.checked = checked
    return check


@pytest.fixture
def content(db):
    section = SectionFactory(name="World")
    tag = TagFactory(name="Shipping", slug="shipping")
    reporter = CorrespondentFactory(slug="amara", photo=image_upload(800, 1000))
    reporter.links.create(label="Mastodon", url="https://example.social/@amara")
    story = ArticleFactory(
        published=True,
        section=section,
        bylines=[reporter],
        tags=[tag],
        hero_image=image_upload(1600, 900),
        hero_alt="A container ship at dawn",
    )
    story.corrections.create(kind="correction", note="The port is in Kaohsiung.")
    CommentFactory(article=story, approved=True)
    # Live without a section, as a WordPress import may leave a story.
    sectionless = ArticleFactory(published=True, bylines=[reporter])
    Article.objects.filter(pk=sectionless.pk).update(section=None)
    return story


def test_every_answer_matches_the_published_schema(contract, content, settings):
    story = content
    ok, bad, missing = HTTPStatus.OK, HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND
    page = contract("/api/v1/stories/", "/api/v1/stories/?limit=1", ok).json()
    assert page["next"] and len(page["results"]) == 1
    contract("/api/v1/stories/", page["next"].split("8000", 1)[1], ok)
    contract("/api/v1/stories/", "/api/v1/stories/?limit=0", bad)
    detail = contract("/api/v1/stories/{id}/", f"/api/v1/stories/{story.pk}/", ok)
    assert detail.json()["hero_image"]["renditions"]
    contract("/api/v1/stories/{id}/", "/api/v1/stories/999999/", missing)
    contract(
        "/api/v1/stories/{id}/",
        f"/api/v1/stories/{story.pk}/",
        HTTPStatus.NOT_MODIFIED,
        HTTP_IF_NONE_MATCH=detail["ETag"],
    )
    for kind, slug in [
        ("sections", "world"),
        ("tags", "shipping"),
        ("correspondents", "amara"),
    ]:
        contract(f"/api/v1/{kind}/", f"/api/v1/{kind}/", ok)
        contract(f"/api/v1/{kind}/", f"/api/v1/{kind}/?cursor=nonsense", bad)
        contract(f"/api/v1/{kind}/{{slug}}/", f"/api/v1/{kind}/{slug}/", ok)
        contract(f"/api/v1/{kind}/{{slug}}/", f"/api/v1/{kind}/nobody/", missing)

    key = PartnerKey(name="Partner", rate="1/m")
    raw = key.issue()
    key.save()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    contract("/api/v1/sections/", "/api/v1/sections/", ok, **auth)
    contract(
        "/api/v1/sections/", "/api/v1/sections/", HTTPStatus.TOO_MANY_REQUESTS, **auth
    )
    contract(
        "/api/v1/sections/",
        "/api/v1/sections/",
        HTTPStatus.UNAUTHORIZED,
        HTTP_AUTHORIZATION="Bearer nrk_wrong",
    )

    data_paths = [
        p for p in contract.schema["paths"] if not p.endswith(("schema/", "docs/"))
    ]
    assert {template for template, _status in contract.checked} == set(data_paths)


def test_schema_and_docs_are_at_stable_addresses(client):
    schema = client.get("/api/v1/schema/")
    docs = client.get("/api/v1/docs/")

    assert schema.json()["openapi"].startswith("3.")
    assert docs.status_code == HTTPStatus.OK
    script = client.get("/api/v1/docs/?script=")
    assert b"/api/v1/schema/" in script.content
    # Swagger UI from our own static files (no CDN), nothing inline for the
    # CSP to block.
    assert not re.search(rb'(src|href)="https?://', docs.content)
    assert b"<style" not in docs.content and b"<script>" not in docs.content
