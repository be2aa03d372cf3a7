"""A real shared cache in front of `make serve`: Varnish with the project's VCL.

newsroom/varnish/default.vcl keeps what the site marks public (list pages,
feeds, sitemaps) and nothing of a reader's own; the site's purge hook
(CDN_PURGE_URL) bans Varnish's copies when a story is published or
withdrawn, before the editor's page comes back. Needs Debian's varnish
(`apt-get install varnish`): without it these skip, except in CI
(SCALE_OUT_REQUIRED=1), where that is a failure. They run in the suite's
SQLite pass (the site gets a database of its own either way).
"""

import contextlib
import http.client
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests import servers

VCL = servers.ROOT / "newsroom" / "varnish" / "default.vcl"
REQUIRED = "SCALE_OUT_REQUIRED"
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

SEED = """
import json
from tests.factories import ArticleFactory, UserFactory
UserFactory(username="editor", role="Editor")
kept = ArticleFactory(published=True, slug="kept-story", headline="The story that stays")
gone = ArticleFactory(published=True, slug="gone-story", headline="The story withdrawn")
soon = ArticleFactory(in_review=True, slug="soon-story", headline="The story published")
print(json.dumps({"section": kept.section.slug, "gone": gone.pk, "soon": soon.pk}))
"""


def varnishd():
    found = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
    if found is None:
        reason = (
            "varnishd not found; install Debian's varnish (apt-get install varnish)"
        )
        if os.environ.get(REQUIRED):
            pytest.fail(f"the Varnish tests are required here: {reason}")
        pytest.skip(reason)
    return found


@contextlib.contextmanager
def varnish(program, port, backend_port):
    """varnishd on 127.0.0.1:`port` with the project's VCL, pointed at the backend."""
    folder = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
    vcl, replaced = re.subn(
        r'\.port = "8000";', f'.port = "{backend_port}";', VCL.read_text()
    )
    assert replaced == 1, "the VCL's backend port is not where the test expects it"
    (folder / "site.vcl").write_text(vcl)
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [
            program, "-F", "-j", "none", "-a", f"127.0.0.1:{port}",
            "-f", str(folder / "site.vcl"), "-n", str(folder / "work"),
            "-s", "malloc,64m",
        ],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(log.read().decode()[-3000:]) from None
                time.sleep(0.2)
        yield SimpleNamespace(base=base, work=folder / "work", program=program)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory, collected_static):
    """`make serve` on a database of its own, with Varnish in front."""
    if ON_POSTGRES:
        pytest.skip("runs in the SQLite pass")
    program = varnishd()
    folder = tmp_path_factory.mktemp("varnish-site")
    proxy_port = servers.free_port()
    env = servers.production_env(
        f"sqlite:///{folder / 'newsroom.sqlite3'}",
        None,
        collected_static,
        CDN_PURGE_URL=f"http://127.0.0.1:{proxy_port}/",
        # The second ban, seconds later, would land amid later tests' checks
        # (tests/test_page_cache.py checks that it is sent).
        CDN_PURGE_AGAIN_SECONDS=0,
    )
    servers.manage(env, "migrate", "--noinput", "-v0")
    seeded = json.loads(servers.manage(env, "shell", "-c", SEED).splitlines()[-1])
    with servers.server(env) as backend:
        with varnish(program, proxy_port, backend.rsplit(":", 1)[1]) as proxy:
            yield SimpleNamespace(env=env, proxy=proxy, backend=backend, **seeded)


def fetch(site, path, cookie=None, method="GET", headers=None):
    request = urllib.request.Request(
        site.proxy.base + path, method=method, headers=headers or {}
    )
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), error.headers


def from_varnish(headers) -> bool:
    """Served from Varnish's store: X-Varnish names this request and the
    one that fetched the copy."""
    return len(headers["X-Varnish"].split()) == 2


def backend_requests(site) -> int:
    out = subprocess.run(
        [
            shutil.which("varnishstat") or "/usr/bin/varnishstat",
            "-n", str(site.proxy.work), "-1", "-f", "MAIN.backend_req",
        ],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return int(out.split()[1])


def shared_paths(site):
    return ["/", f"/sections/{site.section}/", "/feed/", "/sitemap.xml"]


def test_list_pages_feeds_and_sitemaps_are_kept_and_served_by_varnish(site):
    for path in shared_paths(site):
        fetch(site, path)  # whatever came before, a copy is kept now
        before = backend_requests(site)
        status, body, headers = fetch(site, path)
        again = fetch(site, path, cookie="csrftoken=abc")  # the CSRF cookie: shared

        assert status == 200 and "public" in headers["Cache-Control"], path
        assert from_varnish(headers) and int(headers["Age"]) >= 0, path
        assert from_varnish(again[2]) and again[1] == body, path
        assert backend_requests(site) == before, path  # the site was not asked
        assert "X-Url" not in headers


def test_a_page_with_a_readers_token_is_never_kept(site):
    pages = [fetch(site, "/articles/kept-story/") for _ in range(2)]

    for status, body, headers in pages:
        assert status == 200 and "The story that stays" in body
        assert headers["Cache-Control"].startswith("private")
        assert not from_varnish(headers)
        assert "csrftoken=" in headers["Set-Cookie"]
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1]
        for _, body, _ in pages
    ]
    assert tokens[0] != tokens[1]  # each reader's own


@pytest.mark.parametrize(
    "cookie",
    [
        "sessionid=staff",
        "comment_pending=1",
        "messages=x",
        "csrftoken=a; use_primary=1",
    ],
)
def test_requests_with_a_readers_own_cookie_go_to_the_site(site, cookie):
    fetch(site, "/")
    assert from_varnish(fetch(site, "/")[2])

    before = backend_requests(site)
    status, _, headers = fetch(site, "/", cookie=cookie)

    assert status == 200 and not from_varnish(headers)
    assert backend_requests(site) == before + 1


def test_publish_and_withdraw_purge_varnish_before_the_editor_sees_done(site):
    for path in shared_paths(site):
        fetch(site, path)
    editor = servers.Browser(site.proxy.base)  # the admin through Varnish too
    editor.sign_in("editor")

    for pk, move in [(site.soon, "published"), (site.gone, "withdrawn")]:
        change = f"/admin/articles/article/{pk}/change/"
        status, page, _ = editor.request(change)
        assert status == 200
        status, _, headers = editor.request(
            f"/admin/articles/article/{pk}/transition/",
            {"csrfmiddlewaretoken": editor.csrf_token(page), "to": move},
        )
        assert status == 302 and headers["Location"] == change

        # At once: Varnish's copies are gone, the next reader gets the news.
        for path in shared_paths(site):
            status, body, headers = fetch(site, path)
            assert status == 200 and not from_varnish(headers), (move, path)
            assert ("The story published" in body) == (path != "/sitemap.xml")
            assert "The story withdrawn" not in body or move == "published"
            assert from_varnish(fetch(site, path)[2])
    assert fetch(site, "/articles/gone-story/")[0] == 404


def test_bans_are_by_path_and_only_from_the_sites_servers(site):
    fetch(site, "/")
    fetch(site, "/feed/")
    status, _, _ = fetch(site, "/", method="BAN", headers={"X-Purge-Regex": "^/feed/"})
    assert status == 200
    assert not from_varnish(fetch(site, "/feed/")[2])
    assert from_varnish(fetch(site, "/")[2])

    assert fetch(site, "/", method="BAN")[0] == 400  # nothing named
    # From an address outside the VCL's `purgers`: refused, nothing dropped.
    port = int(site.proxy.base.rsplit(":", 1)[1])
    outsider = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=15, source_address=("127.0.0.2", 0)
    )
    outsider.request("BAN", "/", headers={"X-Purge-Regex": "^/"})
    assert outsider.getresponse().status == 403
    outsider.close()
    assert from_varnish(fetch(site, "/")[2])


def test_a_shared_cache_keeps_no_page_past_the_next_scheduled_story(db, clock):
    from tests.factories import ArticleFactory

    ArticleFactory(published=True, slug="now")
    ArticleFactory(scheduled=True, publish_at=timezone.now() + timedelta(seconds=90))

    first = Client().get("/")
    clock.advance(seconds=30)
    second = Client().get("/")  # from the page cache, 30 s later

    assert "s-maxage=90," in first["Cache-Control"]
    assert second["X-Page-Cache"] == "hit"
    assert "s-maxage=60," in second["Cache-Control"]


def test_the_purge_hook_bans_every_page_at_each_cdn_purge_url(settings, caplog):
    from pagecache import tags as page_cache

    received = []

    class Proxy(BaseHTTPRequestHandler):
        def do_BAN(self):  # noqa: N802 - the method's name
            received.append(
                (self.path, self.headers["X-Purge-Regex"], self.headers["X-Purge-Keys"])
            )
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    proxies = [HTTPServer(("127.0.0.1", 0), Proxy) for _ in range(2)]
    for proxy in proxies:
        threading.Thread(target=proxy.handle_request, daemon=True).start()
    settings.CDN_PURGE_URL = ", ".join(
        f"http://127.0.0.1:{proxy.server_port}/" for proxy in proxies
    )

    page_cache._purge_cdn(page_cache.ban_headers(["all"], everything=True))

    assert received == [("/", "^/", None), ("/", "^/", None)]
    for proxy in proxies:
        proxy.server_close()

    settings.CDN_PURGE_URL = f"http://127.0.0.1:{servers.free_port()}/"
    page_cache._purge_cdn({"X-Purge-Regex": "^/"})  # nobody there: logged, not raised
    assert "CDN purge failed" in caplog.text
