"""The real worker (`manage.py db_worker`) in its own process, delivering to
a real receiver on loopback: the receiver is down and comes back, and the
worker is killed mid-retry and started again, and nothing is lost or sent
twice.

The worker and the commands that make the content run as subprocesses on
one database: the test database on PostgreSQL (transactional test), a
SQLite file otherwise.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests import servers
from tests.webhook_support import Receiver, verify

pytestmark = pytest.mark.django_db(transaction=True)

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
SECRET = "whsec_test-secret-for-the-receiver"
PATIENCE = 60  # seconds before a step is declared stuck (not a speed target)


@pytest.fixture
def env(tmp_path):
    if ON_POSTGRES:
        db = settings.DATABASES["default"]
        url = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        )
    else:
        url = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    environment = servers.production_env(
        url,
        os.environ.get("CACHE_URL", "locmemcache://"),
        tmp_path / "static",
        LOG_LEVEL="INFO",
        LOG_FORMAT="plain",
        WEBHOOK_RETRY_SECONDS="1",
        WEBHOOK_TIMEOUT="1",
        WEBHOOK_MAX_ATTEMPTS="10",
    )
    if not ON_POSTGRES:
        manage(environment, "migrate", "-v0")
    return environment


def manage(env, *args, timeout=300):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def shell(env, code):
    return manage(env, "shell", "-v0", "-c", code, timeout=120).strip().splitlines()


class Worker:
    """`manage.py db_worker` as `make serve` starts it, logging to a file."""

    def __init__(self, env):
        self.log = Path(tempfile.mkstemp(suffix=".log")[1])
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            cwd=servers.ROOT,
            env=env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_for_log(self, text):
        deadline = time.monotonic() + PATIENCE
        while text not in self.log.read_text():
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            assert time.monotonic() < deadline, self.log.read_text()[-3000:]
            time.sleep(0.1)

    def kill(self):
        """As a crash or a restart would: no chance to finish anything."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


PUBLISH = """
from tests.factories import ArticleFactory, CorrespondentFactory
writer = CorrespondentFactory(slug={slug!r} + "-writer")
story = ArticleFactory(
    published=True, headline={headline!r}, slug={slug!r}, bylines=[writer]
)
print(story.pk)
"""
STATE = """
from api.models import Delivery
for d in Delivery.objects.order_by("created_at"):
    print(d.status, d.attempts, d.response_code, d.event)
"""


def test_receiver_down_then_back_and_worker_killed_mid_retry(env):
    port = servers.free_port()  # nothing listens there yet: the receiver is down
    shell(
        env,
        "from api.models import WebhookEndpoint, Event; "
        "WebhookEndpoint.objects.create("
        f"url='http://127.0.0.1:{port}/hooks/', events=list(Event.values), "
        f"secret={SECRET!r})",
    )
    [first_id] = shell(env, PUBLISH.format(headline="Ferry resumes", slug="ferry"))

    worker = Worker(env)
    try:
        worker.wait_for_log("webhook delivery attempt")  # attempt 1 refused
        worker.kill()  # attempt 2 is queued for later: the kill is mid-retry
    finally:
        worker.stop()
    [state] = shell(env, STATE)
    assert state.split()[:2] == ["pending", "1"]

    with Receiver(port=port) as receiver:
        worker = Worker(env)  # the restart
        try:
            assert receiver.arrived.wait(PATIENCE), worker.log.read_text()[-3000:]
            receiver.arrived.clear()
            [second_id] = shell(
                env, PUBLISH.format(headline="Bridge opens", slug="bridge")
            )
            deadline = time.monotonic() + PATIENCE
            while len(receiver.requests) < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            worker.stop()

    assert len(receiver.requests) == 2, worker.log.read_text()[-3000:]
    stories = []
    for headers, body in receiver.requests:
        assert verify(SECRET, headers, body, now=int(time.time()))
        payload = json.loads(body)
        assert payload["event"] == "story.published"
        stories.append(
            (payload["data"]["story"]["id"], payload["data"]["story"]["headline"])
        )
    assert stories == [
        (int(first_id), "Ferry resumes"),
        (int(second_id), "Bridge opens"),
    ]
    first, second = [line.split() for line in shell(env, STATE)]
    assert first[0] == "delivered" and int(first[1]) >= 2 and first[2] == "200"
    assert second[:3] == ["delivered", "1", "200"]
