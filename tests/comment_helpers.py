"""What a reader's browser sends to post a comment, written once for the suite."""

import re
import secrets
import time

from django.conf import settings
from django.core import signing

from comments.forms import TIMESTAMP_SALT

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def started(seconds_ago=30, client=None):
    """A form-start token as the page would have issued it `seconds_ago`, to
    `client`'s browser (bound to its CSRF cookie, if it has one)."""
    cookie = client.cookies.get(settings.CSRF_COOKIE_NAME) if client else None
    secret = cookie.value if cookie else ""
    signer = signing.TimestampSigner(salt=f"{TIMESTAMP_SALT}:{secret}")
    return signer.sign(f"{time.time() - seconds_ago}:{secrets.token_hex(12)}")


def comment_data(**overrides):
    """A complete, valid comment form; `overrides` replace or add fields."""
    data = {
        "name": "Ada Reader",
        "email": "ada@reader.example",
        "body": "A considered point about the reporting.",
        "started": started(),
        "website": "",
        "parent": "",
    }
    data.update(overrides)
    return data


def comments_url(article) -> str:
    return f"/articles/{article.slug}/comments/"


def post_comment(client, article, **overrides):
    overrides.setdefault("started", started(client=client))
    return client.post(comments_url(article), comment_data(**overrides))


def csrf_token(page) -> str:
    """The CSRF token in a page's comment form (a response or its HTML)."""
    html = page if isinstance(page, str) else page.content.decode()
    match = CSRF_FIELD.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)
