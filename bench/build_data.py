"""Build one benchmark data set in the bench database; run by bench/run.py.

    DJANGO_SETTINGS_MODULE=newsroom.settings DATABASE_URL=<bench db> \
        python bench/build_data.py demo|large

"demo" is `migrate` + `load_demo`. "large" is the demo plus bulk-created
published stories and approved comments, up to 10,000 articles and 100,000
comments in all. bulk_create() skips Article.save(), so the fields save()
derives (word count, reading time) and the approved-comment count are
computed here. Progress goes to stderr; the last line on stdout is JSON
naming the pages the benchmark measures.
"""

import io
import json
import logging
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATA = Path(os.environ.get("BENCH_DATA_DIR") or ROOT / "bench" / ".data")

LARGE_ARTICLES = 10_000
LARGE_COMMENTS = 100_000
SPREAD_DAYS = 2 * 365
REPLY_SHARE = 0.3  # of the comments, how many answer an earlier one
SEARCH_WORD = "harbour"
SEED = 6  # the issue number: the same data set on every run
# The reference page has 20 approved comments; the measured story's
# thread is topped up to that, a few of them replies.
REFERENCE_COMMENTS = 20


class Progress:
    """A one-line progress bar on stderr (a line per 10% when not a terminal)."""

    WIDTH = 30

    def __init__(self, total: int, label: str):
        self.total, self.label, self.done = max(total, 1), label, 0
        self.tty = sys.stderr.isatty()
        self.started = self.last_draw = time.monotonic()
        self.last_tenth = 0

    def add(self, count: int, note: str = "") -> None:
        self.done = min(self.total, self.done + count)
        now = time.monotonic()
        if self.tty and (now - self.last_draw > 0.1 or self.done == self.total):
            self.last_draw = now
            filled = round(self.WIDTH * self.done / self.total)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            percent = 100 * self.done / self.total
            sys.stderr.write(
                f"\r  {self.label} [{bar}] {percent:5.1f}%  {now - self.started:5.1f}s"
                f"  {note:<28}"
            )
            sys.stderr.flush()
        elif not self.tty and 10 * self.done // self.total > self.last_tenth:
            self.last_tenth = 10 * self.done // self.total
            sys.stderr.write(f"  {self.label}: {10 * self.last_tenth}% {note}\n")
            sys.stderr.flush()

    def finish(self) -> None:
        self.add(self.total - self.done, "done")
        if self.tty:
            sys.stderr.write("\n")


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    logging.disable(logging.INFO)  # workflow moves are logged at INFO
    from django.conf import settings

    database = settings.DATABASES["default"]
    name = str(database["NAME"])
    is_bench = name.endswith("_bench") or Path(name).resolve().is_relative_to(
        BENCH_DATA.resolve()
    )
    if not is_bench:
        sys.exit(f"build_data: refusing to write to {name!r}: not a benchmark database")


def build_demo() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())


def build_large(rng: random.Random) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from articles.models import Article, Byline, Section, Tag, count_words
    from articles.models import reading_minutes as minutes_for
    from articles.sanitize import plain_text
    from articles.workflow import Status
    from authors.models import Correspondent
    from comments.models import Comment

    sources = list(
        Article.objects.published().exclude(hero=None).order_by("pk")
    ) or list(Article.objects.exclude(body="").order_by("pk"))
    sections = list(Section.objects.all())
    people = list(Correspondent.objects.all())
    tag_ids = list(Tag.objects.values_list("pk", flat=True))
    voices = list(Comment.objects.values_list("name", "email", "body"))
    moderator = get_user_model().objects.filter(username="moderator").first()
    article_total = LARGE_ARTICLES - Article.objects.count()
    comment_total = LARGE_COMMENTS - Comment.objects.count()
    if article_total <= 0 or not sources or not voices:
        return

    # Approved comments per new story: a few popular stories, a long quiet tail.
    weights = [rng.paretovariate(1.3) for _ in range(article_total)]
    per_article = [0] * article_total
    for index in rng.choices(range(article_total), weights=weights, k=comment_total):
        per_article[index] += 1

    # Each new story reuses one demo story's text, so stories are as long as
    # the demo's and only the archive's size differs between the two sizes.
    words_for: dict[int, int] = {}
    now = timezone.now()
    progress = Progress(article_total + comment_total, "large")
    with transaction.atomic():
        stories = []  # (pk, publish_at, comment count) for the comments below
        batch = []
        for number in range(article_total):
            source = rng.choice(sources)
            if source.pk not in words_for:
                words_for[source.pk] = count_words(plain_text(source.body))
            words = words_for[source.pk]
            publish_at = now - timedelta(seconds=rng.uniform(3600, SPREAD_DAYS * 86400))
            batch.append(
                Article(
                    headline=source.headline,
                    slug=f"{source.slug[:180]}-{number:05d}",
                    dek=source.dek,
                    body=source.body,
                    section=rng.choice(sections),
                    hero_id=source.hero_id,  # the library image, shared
                    status=Status.PUBLISHED,
                    publish_at=publish_at,
                    first_published_at=publish_at,
                    word_count=words,
                    reading_minutes=minutes_for(words),
                    comment_count=per_article[number],
                    version=1,
                )
            )
            if len(batch) == 500 or number == article_total - 1:
                offset = len(stories)
                created = Article.objects.bulk_create(batch)
                _add_bylines_and_tags(created, people, tag_ids, rng, Byline, Article)
                stories.extend(
                    (a.pk, a.publish_at, per_article[offset + i])
                    for i, a in enumerate(created)
                )
                progress.add(len(batch), f"articles {len(stories):,}")
                batch = []
        # auto_now and auto_now_add overwrite these on insert: set them after.
        Article.objects.filter(pk__in=[pk for pk, _, _ in stories]).update(
            created_at=F("publish_at"), updated_at=F("publish_at")
        )
        _add_comments(stories, voices, moderator, now, rng, progress, Comment)
    progress.finish()


def _add_bylines_and_tags(articles, people, tag_ids, rng, Byline, Article):
    bylines, tagged = [], []
    for article in articles:
        writers = rng.sample(people, 2 if rng.random() < 0.2 else 1)
        for position, person in enumerate(writers):
            bylines.append(
                Byline(
                    article_id=article.pk,
                    correspondent_id=person.pk,
                    position=position,
                    job_title=person.job_title,  # what publish() would keep
                )
            )
        for tag_id in rng.sample(tag_ids, min(len(tag_ids), rng.randint(2, 4))):
            tagged.append(Article.tags.through(article_id=article.pk, tag_id=tag_id))
    Byline.objects.bulk_create(bylines, batch_size=2000)
    Article.tags.through.objects.bulk_create(tagged, batch_size=2000)


def _add_comments(stories, voices, moderator, now, rng, progress, Comment):
    """Approved comments, inserted a thread level at a time so replies get parents."""
    # Plan every comment first: (story, parent plan index or None, depth, time).
    plans = []
    for pk, publish_at, count in stories:
        first = len(plans)
        for _ in range(count):
            parent = None
            if len(plans) > first and rng.random() < REPLY_SHARE:
                candidate = rng.randrange(first, len(plans))
                if plans[candidate][2] < 3:
                    parent = candidate
            base = plans[parent][3] if parent is not None else publish_at
            created = min(now, base + timedelta(minutes=rng.uniform(5, 3 * 24 * 60)))
            plans.append(
                (pk, parent, 1 if parent is None else plans[parent][2] + 1, created)
            )
    ids = [None] * len(plans)
    for depth in (1, 2, 3):
        level = [i for i, plan in enumerate(plans) if plan[2] == depth]
        for start in range(0, len(level), 2000):
            chunk = level[start : start + 2000]
            rows = []
            for i in chunk:
                article_id, parent, _depth, created = plans[i]
                name, email, body = rng.choice(voices)
                rows.append(
                    Comment(
                        article_id=article_id,
                        parent_id=ids[parent] if parent is not None else None,
                        name=name,
                        email=email,
                        body=body,
                        status=Comment.Status.APPROVED,
                        created_at=created,
                        moderated_at=min(now, created + timedelta(hours=1)),
                        moderated_by=moderator,
                    )
                )
            for i, comment in zip(
                chunk, Comment.objects.bulk_create(rows), strict=True
            ):
                ids[i] = comment.pk
            progress.add(len(chunk), f"comments (level {depth})")


def finish_bulk_load() -> None:
    """What save() would have done for bulk-created rows, and the planner's stats."""
    from django.core.management import call_command, get_commands
    from django.db import connection

    # The full-text search document (PostgreSQL), as the command's help asks
    # after bulk loads that bypass save().
    if "update_search_index" in get_commands():
        call_command("update_search_index", stdout=io.StringIO())
    # On PostgreSQL autovacuum would analyse the new rows within a minute or so;
    # do it now so the first measurements see the planner's steady state.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def pages_to_measure() -> dict:
    """The demo's most representative story, its section, and a search word."""
    from articles.models import Article
    from newsroom import demo

    demo_slugs = [data["slug"] for data in demo.stories()]
    candidates = [
        article
        for article in Article.objects.published()
        .filter(slug__in=demo_slugs)
        .exclude(hero=None)
        .select_related("section")
        if article.accepts_comments() and article.comment_count and article.section
    ]
    if not candidates:
        sys.exit("build_data: no live demo story takes comments; cannot benchmark")
    # Typical length and typical thread: closest to the medians of the demo.
    words = statistics.median(a.word_count for a in candidates)
    comments = statistics.median(a.comment_count for a in candidates)
    article = min(
        candidates,
        key=lambda a: (
            abs(a.word_count - words) / words
            + abs(a.comment_count - comments) / comments,
            a.slug,
        ),
    )
    live = Article.objects.published()
    word = SEARCH_WORD
    if not live.filter(body__icontains=word).exists():
        word = max(article.headline.split(), key=len).strip(",.:;").lower()
    return {
        "article": article.get_absolute_url(),
        "article_headline": article.headline,
        "article_words": article.word_count,
        "article_comments": article.comment_count,
        "section": article.section.get_absolute_url(),
        "search": f"/search/?q={word}",
    }


def top_up_thread(path: str, rng: random.Random) -> int:
    """Give the measured story REFERENCE_COMMENTS approved comments."""
    from datetime import timedelta

    from articles.models import Article
    from comments.models import Comment

    article = Article.objects.get(slug=path.strip("/").split("/")[-1])
    voices = list(Comment.objects.values_list("name", "email", "body")[:200])
    approved = list(article.comments.approved().order_by("created_at"))
    created = max([c.created_at for c in approved] or [article.publish_at]) + timedelta(
        minutes=7
    )
    while len(approved) < REFERENCE_COMMENTS:
        name, email, body = rng.choice(voices)
        parent = rng.choice(approved) if approved and rng.random() < 0.3 else None
        approved.append(
            Comment.objects.create(
                article=article,
                parent=parent if parent and parent.parent_id is None else None,
                name=name,
                email=email,
                body=body,
                status=Comment.Status.APPROVED,
            )
        )
        Comment.objects.filter(pk=approved[-1].pk).update(created_at=created)
        created += timedelta(minutes=11)
    return Comment.objects.recount(article)


def counts() -> dict:
    from articles.models import Article
    from comments.models import Comment

    return {
        "articles": Article.objects.count(),
        "live_articles": Article.objects.published().count(),
        "comments": Comment.objects.count(),
        "approved_comments": Comment.objects.approved().count(),
    }


def main() -> None:
    size = sys.argv[1] if len(sys.argv) > 1 else "demo"
    if size not in ("demo", "large"):
        sys.exit(f"build_data: unknown size {size!r} (demo or large)")
    started = time.monotonic()
    setup_django()
    sys.stderr.write(f"  {size}: migrate + load_demo...\n")
    build_demo()
    if size == "large":
        build_large(random.Random(SEED))
    pages = pages_to_measure()
    pages["article_comments"] = top_up_thread(pages["article"], random.Random(SEED))
    finish_bulk_load()
    info = {"size": size, **pages, **counts()}
    info["build_seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(info))


if __name__ == "__main__":
    main()
