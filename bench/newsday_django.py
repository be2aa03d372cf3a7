"""The news-day mix's Django side: its list of pages, and the background writer.

Run by bench/newsday.py with the bench's settings and database:

    python bench/newsday_django.py urls <file>
    python bench/newsday_django.py write <seconds> <comment s> <story s> <person s>

`urls` writes the pages readers ask for, one "<kind> <path>" a line: every
live story, newest (hottest) first, then home, sections, searches and feeds.
`write` is the newsroom at work for <seconds>, through the domain's own
methods, so the page cache hears of every change as it would from the admin:
it approves a comment every <comment s> seconds (on a story drawn by the same
Zipf law the readers follow), publishes a new story or adds a correction to a
hot one, in turn, every <story s>, and edits a correspondent's profile every
<person s>. It prints "ready" once set up, then, at the end, a JSON line:
what it did, and how late it fell behind.
"""

import itertools
import json
import logging
import os
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIPF_EXPONENT = 1.0  # the readers' law too (bench/newsday.py passes it to wrk)
SEARCH_WORDS = ("harbour", "election", "market", "climate", "court", "energy")


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    logging.disable(logging.INFO)  # workflow moves are logged at INFO


def ranked_story_ids() -> list[int]:
    """Live stories, the newest first: the hottest on a news day."""
    from articles.models import Article

    return list(
        Article.objects.published()
        .order_by("-publish_at", "-pk")
        .values_list("pk", flat=True)
    )


def write_urls(target: str) -> None:
    from articles.models import Article, Section

    stories = Article.objects.in_bulk(ranked_story_ids())
    lines = [f"story {stories[pk].get_absolute_url()}" for pk in stories]
    lines.append("home /")
    for section in Section.objects.order_by("pk"):
        lines.append(f"section {section.get_absolute_url()}")
        lines.append(f"feed {section.get_absolute_url()}feed/")
    lines += [f"search /search/?q={word}" for word in SEARCH_WORDS]
    lines += ["feed /feed/", "feed /feed/atom/"]
    Path(target).write_text("\n".join(lines) + "\n")
    print(json.dumps({"stories": len(stories), "pages": len(lines)}))


class Newsroom:
    """The changes a news day brings, made as the admin makes them."""

    def __init__(self, rng: random.Random):
        from django.contrib.auth import get_user_model

        from articles.models import Article
        from authors.models import Correspondent

        users = get_user_model().objects
        self.rng = rng
        self.moderator = users.get(username="moderator")
        self.editor = users.get(username="editor")
        self.ranked = ranked_story_ids()
        weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, len(self.ranked) + 1)]
        self.cumulative = list(itertools.accumulate(weights))
        self.sources = list(
            Article.objects.published().exclude(hero=None).order_by("pk")[:20]
        )
        self.people = itertools.cycle(Correspondent.objects.order_by("pk"))
        self.serial = itertools.count(1)
        self.done = {"comments": 0, "publishes": 0, "corrections": 0, "people": 0}

    def hot_story(self):
        from articles.models import Article

        pk = self.rng.choices(self.ranked, cum_weights=self.cumulative)[0]
        return Article.objects.get(pk=pk)

    def approve_comment(self) -> None:
        from comments.models import Comment

        story = self.hot_story()
        comment = Comment.objects.create(  # a new pending comment changes no page
            article=story,
            name="News-day reader",
            email="reader@example.com",
            body=f"A reader's view, number {next(self.serial)}.",
        )
        comment.approve(by=self.moderator)
        self.done["comments"] += 1

    def publish_or_correct(self) -> None:
        if self.done["publishes"] <= self.done["corrections"]:
            self.publish()
        else:
            self.hot_story().add_correction(
                by=self.editor,
                kind="correction",
                note=f"An earlier version misstated a figure ({next(self.serial)}).",
            )
            self.done["corrections"] += 1

    def publish(self) -> None:
        from articles.models import Article, Byline

        source = self.rng.choice(self.sources)
        number = next(self.serial)
        story = Article.objects.create(
            headline=f"{source.headline[:75]}: latest",  # within the checklist's 90
            slug=f"news-day-{os.getpid()}-{number}",
            dek=source.dek,
            body=source.body,
            section=source.section,
            hero_id=source.hero_id,  # the library image, shared
        )
        for position, byline in enumerate(source.bylines.all()):
            Byline.objects.create(
                article=story, correspondent=byline.correspondent, position=position
            )
        story.tags.set(source.tags.all())
        story.publish(by=self.editor)
        self.done["publishes"] += 1

    def edit_correspondent(self) -> None:
        person = next(self.people)
        marker = " (Updated on a news day.)"
        person.bio = (
            person.bio.removesuffix(marker)
            if person.bio.endswith(marker)
            else person.bio + marker
        )
        person.save()
        self.done["people"] += 1


def write(seconds: float, every: dict[str, float]) -> None:
    """Each kind of change at its own pace, offset so they seldom coincide."""
    newsroom = Newsroom(random.Random(18))
    print("ready", flush=True)  # the readers start now (bench/newsday.py)
    actions = {
        "comment": newsroom.approve_comment,
        "story": newsroom.publish_or_correct,
        "person": newsroom.edit_correspondent,
    }
    started = time.monotonic()
    due = {kind: every[kind] / 2 for kind in actions}
    late, errors = 0.0, []
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    while not stop:
        kind = min(due, key=due.get)
        if due[kind] >= seconds:
            break
        wait = started + due[kind] - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        late = max(late, -wait)
        try:
            actions[kind]()
        except Exception as error:  # noqa: BLE001 - reported, the day goes on
            errors.append(f"{kind}: {error!r}"[:200])
        due[kind] += every[kind]
    print(json.dumps({**newsroom.done, "late_s": round(late, 2), "errors": errors}))


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    setup_django()
    if command == "urls" and len(sys.argv) == 3:
        write_urls(sys.argv[2])
    elif command == "write" and len(sys.argv) == 6:
        seconds, comment, story, person = map(float, sys.argv[2:])
        write(seconds, {"comment": comment, "story": story, "person": person})
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
