"""What the comments app tells the page cache, connected by CommentsConfig.ready().

- A moderation decision (or an approved comment, or a deletion) purges the
  story's thread, `story-comments:<id>`, and its card, `card:<id>`, which
  shows the count; a new pending comment changes no public page.
- The comment form's `started` token is per reader: filled on every hit.
- A browser with a pending comment of its own, or a remembered name, gets
  a page of its own (the cookies that say so).
"""

from django.db.models.signals import post_delete, post_save

from comments.forms import issue_start
from comments.models import Comment
from comments.thread import OWN_COOKIE, REMEMBER_COOKIES
from pagecache import middleware
from pagecache.tags import purge


def thread_tags(article_id) -> tuple[str, str]:
    return f"story-comments:{article_id}", f"card:{article_id}"


def comment_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or (created and instance.status != Comment.Status.APPROVED):
        return
    purge(*thread_tags(instance.article_id))


def connect() -> None:
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="pagecache-comment")
    post_delete.connect(
        comment_saved, sender=Comment, dispatch_uid="pagecache-comment-delete"
    )
    middleware.fill_per_reader("started", issue_start)
    middleware.bypass_cookies(OWN_COOKIE, *REMEMBER_COOKIES.values())
