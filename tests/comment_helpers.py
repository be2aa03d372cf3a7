"""What a reader's browser sends to post a comment, written once for the suite."""

import re
import time

from django.core import signing

from comments.forms import TIMESTAMP_SALT

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def started(seconds_ago=30):
    """A form-start token as the page would have signed it `seconds_ago`."""
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(
        str(time.time() - seconds_ago)
    )


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
    return client.post(comments_url(article), comment_data(**overrides))


def csrf_token(page) -> str:
    """The CSRF token in a page's comment form (a response or its HTML)."""
    html = page if isinstance(page, str) else page.content.decode()
    match = CSRF_FIELD.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)
