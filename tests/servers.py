"""Real app servers in subprocesses, for tests that need more than one process."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, cache_url, static_root, **extra):
    """What `make serve` runs with; `cache_url` None keeps the default store."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "DJANGO_ALLOW")) and k != "CACHE_URL"
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="test-" + "s3cr3t!" * 8,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
        COMMENT_MIN_SECONDS="0",
    )
    if cache_url is not None:
        env["CACHE_URL"] = cache_url
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args) -> str:
    """Run `manage.py` with `args` in its own process; return what it printed."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def settings_in(env, expression):
    """Evaluate `expression` on the settings a fresh process reads from `env`."""
    code = (
        "import django, os; "
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'newsroom.settings'); "
        "django.setup(); from django.conf import settings as s; "
        f"print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def collectstatic(env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )


@contextlib.contextmanager
def server(env, *, workers=1, runserver=False):
    """A gunicorn (or runserver) on a free loopback port; yields its base URL."""
    port = free_port()
    if runserver:
        command = [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            f"127.0.0.1:{port}",
        ]
    else:
        command = [
            str(GUNICORN),
            "newsroom.wsgi:application",
            "-c",
            "newsroom/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ]
    # A file, not a pipe: a full pipe nobody reads would block the server.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
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
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
        log.close()


class Browser:
    """A tiny cookie-keeping HTTP client for talking to a real server."""

    def __init__(self, base, headers=None):
        import http.cookiejar

        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.headers = headers or {}

    def request(self, path, data=None, timeout=15):
        import urllib.parse

        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers=self.headers
        )
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return (
                error.code,
                error.read().decode(errors="replace"),
                dict(error.headers),
            )

    def csrf_token(self, page_html):
        return page_html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    def comment_form(self, slug, body, email="load@reader.example"):
        """The story's comment form as its page fills it in, with `body`."""
        status, page, _ = self.request(f"/articles/{slug}/")
        assert status == 200, page[:300]
        return {
            "csrfmiddlewaretoken": self.csrf_token(page),
            "started": page.split('name="started" value="')[1].split('"')[0],
            "name": "Load Reader",
            "email": email,
            "body": body,
            "website": "",
        }

    def sign_in(self, username, password="pass-word-123"):
        """Sign in through the admin's own form, as a person would."""
        status, page, _ = self.request("/admin/login/")
        assert status == 200, page[:300]
        form = {
            "csrfmiddlewaretoken": self.csrf_token(page),
            "username": username,
            "password": password,
            "next": "/admin/",
        }
        status, page, headers = self.request("/admin/login/", form)
        assert status == 302 and headers["Location"] == "/admin/", page[:500]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
