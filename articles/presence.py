"""Who has a story open: each open edit screen says so when it opens and
every half minute after; an editor may take a story over from the others.

Kept in the database, so every worker and process sees the same people.
A screen not heard from for AWAY_AFTER has gone (closed, asleep, offline).
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import workflow
from articles.desk import Presence
from articles.models import Article

HEARTBEAT_SECONDS = 30
AWAY_AFTER = timedelta(seconds=HEARTBEAT_SECONDS * 2 + 15)


def name_of(user) -> str:
    """How the newsroom knows a person: their byline name, else their own."""
    correspondent = getattr(user, "correspondent", None)
    if correspondent is not None:
        return correspondent.name
    return user.get_full_name() or user.get_username()


def _check(article: Article, user) -> None:
    if not article.can_be_edited_by(user):
        raise PermissionDenied


def arrive(article: Article, user) -> Presence:
    """`user` opens the story's edit screen (again): here since now, unless
    their screen was already here a moment ago; a takeover is forgotten."""
    _check(article, user)
    now = timezone.now()
    with transaction.atomic():
        presence = _mine(article, user)
        if presence.seen_at < now - AWAY_AFTER or presence.taken_over_by_id:
            presence.opened_at = now
        presence.seen_at = now
        presence.taken_over_by = None
        presence.taken_over_at = None
        presence.save()
    return presence


def beat(article: Article, user) -> Presence:
    """`user`'s open screen is still there. A screen whose story was taken
    over stays taken over, so it can say so."""
    _check(article, user)
    with transaction.atomic():
        presence = _mine(article, user)
        if presence.taken_over_by_id is None:
            if presence.seen_at < timezone.now() - AWAY_AFTER:
                presence.opened_at = timezone.now()
            presence.seen_at = timezone.now()
            presence.save(update_fields=["seen_at", "opened_at"])
    return presence


def leave(article: Article, user) -> None:
    """`user` closed the screen."""
    Presence.objects.filter(article=article, user=user).delete()


def others(article: Article, user) -> list[Presence]:
    """Everyone else with the story open now, longest first."""
    return list(
        Presence.objects.filter(
            article=article,
            seen_at__gte=timezone.now() - AWAY_AFTER,
            taken_over_by=None,
        )
        .exclude(user=user)
        .select_related("user__correspondent")
        .order_by("opened_at", "id")
    )


def may_take_over(article: Article, user) -> bool:
    return user.has_perm(workflow.PUBLISH) and article.can_be_edited_by(user)


def take_over(article: Article, by) -> list[Presence]:
    """An editor takes the story over: everyone else's screen learns it at
    its next heartbeat (their autosaves are kept). Returns whom it was
    taken from."""
    if not may_take_over(article, by):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        taken = others(article, by)
        Presence.objects.filter(pk__in=[p.pk for p in taken]).update(
            taken_over_by=by, taken_over_at=now
        )
        arrive(article, by)
    return taken


def _mine(article: Article, user) -> Presence:
    try:
        with transaction.atomic():
            return Presence.objects.get_or_create(article=article, user=user)[0]
    except IntegrityError:  # the same person's other tab made it just now
        return Presence.objects.get(article=article, user=user)


def describe(presence: Presence) -> dict:
    """A presence as the screen shows it."""
    return {
        "name": name_of(presence.user),
        "since": timezone.localtime(presence.opened_at).strftime("%H:%M"),
    }
