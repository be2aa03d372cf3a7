"""Browser journeys in Debian's headless Chromium, driven by Playwright.

Playwright never downloads a browser here: it launches /usr/bin/chromium.
Without it the journeys skip, saying why, except in CI (E2E_REQUIRED=1),
where a missing browser is a failure.
"""

import importlib
import os
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(
    os.environ.get("ARTIFACTS_DIR", Path(__file__).resolve().parents[2] / "artifacts")
)

# Playwright's sync API runs an event loop in this thread; the live server's
# database work happens in its own thread, so this only lifts Django's guard.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable(reason):
    if os.environ.get("E2E_REQUIRED"):
        pytest.fail(f"browser tests are required here but cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def staff_roles(transactional_db):
    """Transactional tests empty every table, the migration's groups included."""
    from django.apps import apps

    importlib.import_module("newsroom.migrations.0002_roles").create_roles(apps, None)
    importlib.import_module(
        "library.migrations.0002_move_heroes_and_give_roles"
    ).give_roles(apps, None)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(
            f"{CHROMIUM} not found; install Debian's chromium (apt-get install chromium)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (make install)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def shots(request):
    """Save a numbered screenshot of `page` under artifacts/screenshots/<test>/."""
    folder = ARTIFACTS / "screenshots" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 1000))

    def take(page, name):
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def new_page(browser, live_server):
    """Pages on the live server; any Content Security Policy violation fails the test."""
    contexts, violations = [], []

    def make(width=1280, height=900, axe=False, **options):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            base_url=live_server.url,
            **options,
        )
        contexts.append(context)
        page = context.new_page()
        if axe:
            if not AXE.exists():
                _unavailable(f"{AXE} not found; run `npm install` (make install does)")
            # An init script is injected by the browser itself, so the site's
            # strict CSP (no inline scripts) stays on while axe runs.
            page.add_init_script(path=str(AXE))
        page.set_default_timeout(15_000)
        page.on(
            "console",
            lambda message: (
                violations.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        # A closing page says goodbye (the story screen's beacons); none may
        # reach the server while the test database is being emptied.
        context.route("**/*", lambda route: route.abort())
        context.set_offline(True)
        context.close()
    _let_requests_finish()
    assert violations == []


def _let_requests_finish(longest=10.0):
    """Wait for the live server's request threads (a heartbeat sent just
    before the pages closed) before the test database is emptied: a request
    still holding row locks would deadlock the flush on PostgreSQL."""
    deadline = time.monotonic() + longest
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))


@pytest.fixture
def axe_check():
    """Run axe-core in a page made with new_page(axe=True); return serious and
    critical violations."""

    def run(page):
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']})"
        )
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"][:5]],
            }
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run
