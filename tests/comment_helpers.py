import time

from django.core import signing

from comments.forms import TIMESTAMP_SALT


def started(seconds_ago=30):
    """A form-start token as the page would have signed it `seconds_ago`."""
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(
        str(time.time() - seconds_ago)
    )


def comment_data(**overrides):
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


def post_comment(client, article, **overrides):
    return client.post(f"/articles/{article.slug}/comments/", comment_data(**overrides))
