"""What the authors app tells the page cache: a profile changed, purge its pages.

`correspondent:<id>` is what pages record when they show a person: their
profile page, the bio box and byline under each of their stories, their
feed; pages showing everybody (the list of correspondents, sitemaps, the
API) record `correspondent:*`, which every such purge bumps too.
Connected by AuthorsConfig.ready().
"""

from django.db.models.signals import post_delete, post_save

from authors.models import Correspondent, PreviousOutlet, ProfileLink
from pagecache.tags import purge


def person_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        purge(f"correspondent:{instance.pk}")


def their_detail_changed(sender, instance, raw=False, **kwargs):
    """A profile link or a previous outlet."""
    if not raw:
        purge(f"correspondent:{instance.correspondent_id}")


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            person_changed, sender=Correspondent, dispatch_uid="pagecache-person"
        )
        for model in (ProfileLink, PreviousOutlet):
            signal.connect(
                their_detail_changed,
                sender=model,
                dispatch_uid=f"pagecache-person-{model.__name__}",
            )
