"""Load "The Update Desk" demo: sections, correspondents, stories, comments, staff.

Idempotent: whatever already exists (matched by slug or username) is left as
it is, so running it again adds nothing twice.
"""

import logging
from contextlib import contextmanager
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Byline, Page, Section, Tag
from authors.models import Correspondent, PreviousOutlet, ProfileLink
from comments.models import Comment
from library.models import Image
from newsroom import demo
from newsroom.demo import pictures

# Development only: printed by `make run` and listed in the README.
DEMO_ACCOUNTS = [
    # username, password, role group, correspondent it belongs to
    ("journalist", "journalist-demo", "Journalist", "amara-okafor"),
    ("editor", "editor-demo", "Editor", "daniel-reyes"),
    ("moderator", "moderator-demo", "Moderator", None),
    ("admin", "admin-demo", None, None),
]


class Command(BaseCommand):
    help = "Load the demo publication and one staff account per role (idempotent)."

    def handle(self, *args, **options):
        # The workflow logs every move; here that is one line per story, all
        # made up, so the command says what it did in one line of its own.
        with quiet_logging(), transaction.atomic():
            comments_before = Comment.objects.count()
            users = self.load_accounts()
            sections = self.load_sections()
            correspondents = self.load_correspondents(users)
            created = self.load_articles(sections, correspondents, users)
            self.load_pages()
            comments = Comment.objects.count() - comments_before
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {created} new stories, {comments} new "
                f"comments, {len(correspondents)} correspondents."
            )
        )
        logins = ", ".join(
            f"{username} / {password}" for username, password, _, _ in DEMO_ACCOUNTS
        )
        self.stdout.write(f"Demo logins at /admin/ (development only): {logins}")

    def load_accounts(self):
        User = get_user_model()
        users = {}
        for username, password, role, _ in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "is_staff": True,
                    "is_superuser": role is None,
                    "email": f"{username}@theupdatedesk.example",
                },
            )
            if created:
                user.set_password(password)
                user.save()
                if role:
                    user.groups.add(Group.objects.get(name=role))
            users[username] = user
        return users

    def load_sections(self):
        sections = {}
        for position, data in enumerate(demo.people()["sections"]):
            sections[data["slug"]], _ = Section.objects.get_or_create(
                slug=data["slug"],
                defaults={**data, "position": position},
            )
        return sections

    def load_correspondents(self, users):
        owners = {
            slug: users[username] for username, _, _, slug in DEMO_ACCOUNTS if slug
        }
        correspondents = {}
        for data in demo.people()["correspondents"]:
            fields = {
                k: v for k, v in data.items() if k not in ("slug", "links", "outlets")
            }
            person, created = Correspondent.objects.get_or_create(
                slug=data["slug"], defaults=fields
            )
            if created:
                person.photo = pictures.portrait(person.name)
                person.user = owners.get(person.slug)
                person.save()
                for order, (label, url) in enumerate(data["links"]):
                    ProfileLink.objects.create(
                        correspondent=person, label=label, url=url, order=order
                    )
                for order, (outlet, start, end) in enumerate(data["outlets"]):
                    PreviousOutlet.objects.create(
                        correspondent=person,
                        outlet=outlet,
                        start_year=start,
                        end_year=end,
                        order=order,
                    )
            correspondents[person.slug] = person
        return correspondents

    def load_articles(self, sections, correspondents, users):
        created = 0
        now = timezone.now()
        for data in demo.stories():
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            created += 1
            publish_at = now - timedelta(days=data["days_ago"])
            article = Article(
                slug=data["slug"],
                headline=data["headline"],
                dek=data["dek"],
                body=data["body"],
                section=sections[data["section"]],
                hero=Image.objects.create(
                    file=pictures.hero(data["slug"]),
                    alt=data["hero_alt"],
                    caption=data["hero_caption"],
                    credit=data["hero_credit"],
                ),
            )
            article.save()
            for position, slug in enumerate(data["bylines"]):
                Byline.objects.create(
                    article=article,
                    correspondent=correspondents[slug],
                    position=position,
                )
            article.tags.set(
                Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})[
                    0
                ]
                for name in data["tags"]
            )
            self.move_through_workflow(article, data["status"], publish_at, users)
            self.load_comments(article, data.get("comments", []), publish_at)
            # Seeded stories were not edited after they went out.
            stamp = min(publish_at, now) if data["status"] != "draft" else now
            Article.objects.filter(pk=article.pk).update(
                created_at=stamp, updated_at=stamp
            )
        return created

    def move_through_workflow(self, article, status, publish_at, users):
        if status == "draft":
            return
        article.submit(
            by=users["journalist"]
            if article.can_be_edited_by(users["journalist"])
            else users["editor"]
        )
        if status in ("published", "scheduled"):
            article.publish(by=users["editor"], at=publish_at)

    def load_comments(self, article, comments, publish_at):
        """The story's thread, dated in the order written, between the story
        going out and now (a story not out yet gets its comments as if it
        had gone out an hour ago)."""
        now = timezone.now()
        start = min(publish_at, now - timedelta(hours=1))
        flat = list(_walk(comments))
        # At most three hours apart, and the last at least a minute ago.
        step = min(timedelta(hours=3), (now - start) / (len(flat) + 1))
        created = {}
        for index, (key, parent_key, data) in enumerate(flat, start=1):
            created[key] = Comment.objects.create(
                article=article,
                parent=created.get(parent_key),
                name=data["name"],
                email=data["email"],
                body=data["body"],
                status=data["status"],
                created_at=start + step * index,
            )
        Comment.objects.recount(article)

    def load_pages(self):
        for data in demo.pages():
            Page.objects.get_or_create(slug=data["slug"], defaults=data)


def _walk(comments, parent_key=None):
    """(key, parent's key, data) for every comment, each before its replies."""
    for index, data in enumerate(comments):
        key = (parent_key, index)
        yield key, parent_key, data
        yield from _walk(data.get("replies", []), key)


@contextmanager
def quiet_logging():
    """Hold back informational log lines for the duration."""
    previous = logging.root.manager.disable
    logging.disable(max(previous, logging.INFO))
    try:
        yield
    finally:
        logging.disable(previous)
