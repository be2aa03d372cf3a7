"""Hostile bodies to the endpoints anyone may post to: a clear 4xx, bounded logs."""

from http import HTTPStatus
from types import SimpleNamespace

import pytest

from blocks import ratelimit
from newsroom import views

HOSTILE_REPORTS = [
    b"[]",
    b'"x"',
    b"[" * 10_000,
    b"null",
    b"42",
    b"\xff\xfe not json",
    b"",
]


@pytest.mark.parametrize("body", HOSTILE_REPORTS)
def test_a_csp_report_that_is_not_a_json_object_is_a_400(client, body):
    answer = client.post("/csp-report/", data=body, content_type="application/json")

    assert answer.status_code == HTTPStatus.BAD_REQUEST


def test_an_oversized_csp_report_is_refused_unread(client, caplog):
    body = b'{"csp-report": {"blocked-uri": "' + b"a" * 20_000 + b'"}}'

    answer = client.post("/csp-report/", data=body, content_type="application/json")

    assert answer.status_code == HTTPStatus.BAD_REQUEST
    assert "csp violation" not in caplog.text


def test_a_csp_report_is_logged_as_one_short_line(client, caplog):
    body = '{"csp-report": {"blocked-uri": "x\\ny", "sample": "' + "b" * 5000 + '"}}'

    answer = client.post("/csp-report/", data=body, content_type="application/json")

    assert answer.status_code == HTTPStatus.NO_CONTENT
    [record] = [r for r in caplog.records if r.getMessage() == "csp violation"]
    assert len(record.csp_report) == views.CSP_LOGGED_CHARS
    assert "\n" not in record.csp_report
    assert '"blocked-uri": "x\\ny"' in record.csp_report


def test_csp_reports_are_limited_per_address(client, monkeypatch):
    # One fixed-window minute for the whole test, whenever it runs.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_000))
    body = '{"csp-report": {"blocked-uri": "inline"}}'
    allowed = int(views.CSP_REPORT_RATE.split("/")[0])
    answers = [
        client.post(
            "/csp-report/", data=body, content_type="application/json"
        ).status_code
        for _ in range(allowed + 1)
    ]
    other = client.post(
        "/csp-report/",
        data=body,
        content_type="application/json",
        REMOTE_ADDR="198.51.100.20",
    )

    assert answers[:allowed] == [HTTPStatus.NO_CONTENT] * allowed
    assert answers[-1] == HTTPStatus.TOO_MANY_REQUESTS
    assert other.status_code == HTTPStatus.NO_CONTENT
