"""Maps the records of a WordPress export onto the newsroom's models.

One pass over the file, in one transaction: a bad record aborts everything,
so an import is all or nothing, and a dry run is an import rolled back.
Each record's WordPress id is kept in LegacyId, so running the import again
updates what changed and creates nothing twice.

Statuses are set directly rather than through the workflow: this is a data
migration, not an editorial decision, so it writes no audit events.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import revisions, sanitize
from articles.models import Article, Byline, Page, Section, Tag
from articles.workflow import Status
from authors.models import Correspondent
from comments.models import Comment
from library.models import Image
from wordpress import convert, ledger, media, wxr
from wordpress.models import LegacyId
from wordpress.report import (
    CREATED,
    REFUSED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    ImportAborted,
    Report,
)

Kind = LegacyId.Kind

NO_AUTHOR = (
    "{item} is by “{login}”, who is not among the export's authors (wp:author). "
    "Nothing was imported."
)
NO_AUTHOR_LIST = " The export lists no authors at all: export it again from WordPress."
NO_ID = "{record} has no WordPress id."
NO_MEDIA_DIR = (
    "Featured images were skipped: give --media-dir a copy of wp-content/uploads."
)
UNTITLED = "Untitled ({wp_id})"
ANONYMOUS = "Anonymous"
IMPORTED = "Imported from WordPress"

POST_STATUSES = {  # WordPress post_status: (status here, whether it is dated)
    "publish": (Status.PUBLISHED, True),
    "future": (Status.PUBLISHED, True),  # a future publish_at: scheduled
    "draft": (Status.DRAFT, False),
    "pending": (Status.IN_REVIEW, False),
    "private": (Status.DRAFT, False),  # readers never saw it
}  # trash, auto-draft and inherit are skipped
COMMENT_STATUSES = {
    "1": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REJECTED,
    "post-trashed": Comment.Status.REJECTED,
}
NOT_COMMENTS = ("pingback", "trackback")


class Importer:
    def __init__(self, *, media_dir: Path | None = None, dry_run: bool = False):
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.report = Report(dry_run=dry_run)
        # Small lookups from WordPress's keys to primary keys here, for posts.
        self.authors: dict[str, int] = {}  # login
        self.sections: dict[str, int] = {}  # category slug
        self.category_paths: dict[str, str] = {}
        self.tags: dict[str, int] = {}  # tag slug
        # Attachments may follow the posts that feature them, so featured
        # images are attached once the whole file has been read.
        self.attachments: dict[int, media.Attachment] = {}
        self.heroes: list[tuple[int, int, str]] = []  # post id, attachment id, label

    def run(self, file, *, on_progress=None) -> Report:
        """Import the WXR export in `file` (binary); raise on bad input."""
        with transaction.atomic():
            for record in wxr.parse(file, on_progress=on_progress):
                self.add(record)
            self.add_hero_images()
            if self.report.dry_run:
                transaction.set_rollback(True)
        return self.report

    def add(self, record: wxr.Record) -> None:
        match record:
            case wxr.Author():
                self.add_author(record)
            case wxr.Category() | wxr.Tag():
                self.add_term(record)
            case wxr.Term():
                self.report.add(record.taxonomy or "term", SKIPPED)
            case wxr.Item(wp_id=None):
                problem = NO_ID.format(record=record.label())
                self.report.add(record.post_type, REFUSED, problem)
            case wxr.Item(post_type="post"):
                self.add_post(record)
            case wxr.Item(post_type="page"):
                self.add_page(record)
            case wxr.Item(post_type="attachment"):
                self.attachments[record.wp_id] = media.Attachment(
                    url=record.attachment_url,
                    file=record.meta.get("_wp_attached_file", ""),
                    alt=record.meta.get("_wp_attachment_image_alt", ""),
                    caption=record.excerpt,
                )
                self.report.add("attachment", SKIPPED)
            case wxr.Item():  # nav_menu_item, revision, custom post types
                self.report.add(record.post_type or "item", SKIPPED)

    # Records ----------------------------------------------------------------

    def add_author(self, author: wxr.Author) -> None:
        if author.wp_id is None:
            self.report.add("author", REFUSED, NO_ID.format(record=author.label()))
            return
        person, legacy = ledger.existing(Kind.AUTHOR, Correspondent, author.wp_id)
        person = person or Correspondent()
        nicename = convert.nicename(author.login)
        name = (
            author.display_name
            or f"{author.first_name} {author.last_name}".strip()
            or author.login
        )
        values = {
            "name": convert.plain_line(name, Correspondent, "name"),
            "slug": convert.unique_value(
                Correspondent,
                "slug",
                nicename or f"author-{author.wp_id}",
                pk=person.pk,
            ),
            "email": author.email if convert.is_email(author.email) else "",
        }
        if author.description:  # WordPress's own exports leave it out
            values["bio"] = convert.plain_text(author.description)
        self.report.add("author", ledger.store(person, values))
        ledger.remember(legacy, Kind.AUTHOR, author.wp_id, person, slug=nicename)
        self.authors[author.login] = person.pk

    def add_term(self, term: wxr.Category | wxr.Tag) -> None:
        """A category becomes a section, a tag a tag."""
        is_category = isinstance(term, wxr.Category)
        kind, model = (Kind.CATEGORY, Section) if is_category else (Kind.TAG, Tag)
        known = self.sections if is_category else self.tags
        declared = term.wp_id is not None  # not only named on a post
        slug = slugify(term.slug) or slugify(term.name)
        obj, legacy = ledger.existing(kind, model, term.wp_id, slug=term.slug)
        obj = obj or ledger.adopt(model, kind, slug, term.name)
        if obj is not None and not declared:
            known[term.slug] = obj.pk
            return
        obj = obj or model()
        values = {
            "name": convert.unique_value(
                model,
                "name",
                convert.plain_line(term.name, model, "name") or term.slug,
                pk=obj.pk,
                suffix=" ({n})",
            ),
            "slug": convert.unique_value(
                model, "slug", slug or f"{kind}-{term.wp_id}", pk=obj.pk
            ),
        }
        path = term.slug
        if is_category:
            parent = self.category_paths.get(term.parent, term.parent)
            path = f"{parent}/{term.slug}" if parent else term.slug
            self.category_paths[term.slug] = path
            if declared:
                values["description"] = convert.plain_line(
                    term.description, Section, "description"
                )
        self.report.add(str(kind), ledger.store(obj, values))
        if declared:
            ledger.remember(legacy, kind, term.wp_id, obj, slug=term.slug, path=path)
        known[term.slug] = obj.pk

    def add_post(self, item: wxr.Item) -> None:
        if item.status not in POST_STATUSES:
            self.report.add("post", SKIPPED)
            return
        status, is_dated = POST_STATUSES[item.status]
        bylines = self.byline_ids(item)
        article, legacy = ledger.existing(Kind.POST, Article, item.wp_id)
        article = article or Article()
        date = convert.utc_datetime(item.date_gmt, item.date)
        publish_at = None
        if is_dated:
            publish_at = date or article.publish_at or timezone.now()
        categories = item.terms_in("category")
        values = {
            "headline": _headline(item),
            "slug": convert.unique_value(Article, "slug", _slug(item), pk=article.pk),
            "dek": convert.plain_line(item.excerpt, Article, "dek"),
            "body": sanitize.clean_body(convert.body_html(item.content)),
            "section_id": self.section_id(categories[0]) if categories else None,
            "status": status,
            "publish_at": publish_at,
            # As Article.publish() leaves it, for scheduled stories too.
            "first_published_at": publish_at,
            "comments_open": item.comment_status != "closed",
            "is_featured": item.is_sticky,
        }
        thumbnail_id = convert.to_int(item.meta.get("_thumbnail_id"))
        if thumbnail_id is None and legacy and legacy.thumbnail_id:
            values.update(hero=None)
        outcome = ledger.store(article, values)
        tag_ids = [self.tag_id(ref) for ref in item.terms_in("post_tag")]
        if self.set_relations(article, bylines, tag_ids) and outcome == UNCHANGED:
            outcome = UPDATED
        self.report.add("post", outcome)
        modified = convert.utc_datetime(item.modified_gmt, item.modified) or date
        Article.objects.filter(pk=article.pk).update(
            **_present(created_at=date, updated_at=modified)
        )
        ledger.remember(
            legacy,
            Kind.POST,
            item.wp_id,
            article,
            slug=item.slug,
            **({} if thumbnail_id else {"thumbnail_id": None}),
        )
        if thumbnail_id:  # its revision is recorded once the image is on
            self.heroes.append((item.wp_id, thumbnail_id, item.label()))
        else:
            revisions.record(article, by=None, note=IMPORTED)
        self.add_comments(article, item)

    def add_page(self, item: wxr.Item) -> None:
        if item.status != "publish":
            # A page here has no draft state: whatever is saved is public.
            self.report.add("page", SKIPPED)
            return
        page, legacy = ledger.existing(Kind.PAGE, Page, item.wp_id)
        page = page or Page()
        values = {
            "title": convert.plain_line(item.title, Page, "title")
            or UNTITLED.format(wp_id=item.wp_id),
            "slug": convert.unique_value(
                Page, "slug", _slug(item), pk=page.pk, is_taken=convert.shadows_a_url
            ),
            "body": sanitize.clean_body(convert.body_html(item.content)),
        }
        self.report.add("page", ledger.store(page, values))
        modified = convert.utc_datetime(item.modified_gmt, item.modified)
        Page.objects.filter(pk=page.pk).update(**_present(updated_at=modified))
        ledger.remember(legacy, Kind.PAGE, item.wp_id, page, slug=item.slug)
        for _comment in item.comments:  # pages take no comments here
            self.report.add("comment", SKIPPED)

    def add_comments(self, article: Article, item: wxr.Item) -> None:
        pks = {}  # WordPress comment id: primary key here, for replies
        parents = {}  # WordPress comment id: the one it hangs under here
        depths = {None: 0}
        # A reply is written after its parent, so in id order parents come first.
        for entry in sorted(item.comments, key=lambda entry: entry.wp_id or 0):
            if entry.wp_id is None or entry.type in NOT_COMMENTS:
                self.report.add("comment", SKIPPED)
                continue
            comment, legacy = ledger.existing(Kind.COMMENT, Comment, entry.wp_id)
            comment = comment or Comment()
            created_at = convert.utc_datetime(entry.date_gmt, entry.date)
            parent = entry.parent if entry.parent in pks else None
            # Past the thread's depth limit, under the deepest allowed ancestor.
            while depths[parent] >= settings.COMMENT_MAX_DEPTH:
                parent = parents[parent]
            parents[entry.wp_id], depths[entry.wp_id] = parent, depths[parent] + 1
            values = {
                "article_id": article.pk,
                "parent_id": pks.get(parent),
                "name": convert.plain_line(entry.author, Comment, "name") or ANONYMOUS,
                "email": entry.email[:254],
                "body": convert.truncate(
                    convert.plain_text(entry.content), Comment, "body"
                ),
                "status": COMMENT_STATUSES.get(entry.approved, Comment.Status.PENDING),
                "created_at": created_at or comment.created_at,
            }
            self.report.add("comment", ledger.store(comment, values))
            ledger.remember(legacy, Kind.COMMENT, entry.wp_id, comment)
            pks[entry.wp_id] = comment.pk
        Comment.objects.recount(article)

    def add_hero_images(self) -> None:
        if self.heroes and self.media_dir is None:
            self.report.problems.append(NO_MEDIA_DIR)
        for post_id, thumbnail_id, label in self.heroes:
            legacy = LegacyId.objects.get(kind=Kind.POST, wp_id=post_id)
            article = Article.objects.get(pk=legacy.object_id)
            attachment = self.attachments.get(thumbnail_id)
            if attachment is None:
                self.report.add("image", SKIPPED)
                revisions.record(article, by=None, note=IMPORTED)
                continue
            # Re-saving bumps updated_at; keep WordPress's date.
            updated_at = article.updated_at
            text = {
                "alt": convert.plain_line(attachment.alt, Image, "alt"),
                "caption": convert.plain_line(attachment.caption, Image, "caption"),
            }
            if legacy.thumbnail_id == thumbnail_id and article.hero_id:
                outcome, problem = ledger.store(article.hero, text), ""
            else:
                outcome, problem = media.attach(
                    article,
                    attachment,
                    text,
                    label,
                    media_dir=self.media_dir,
                    dry_run=self.report.dry_run,
                )
                if outcome in (CREATED, UPDATED):
                    legacy.thumbnail_id = thumbnail_id
                    legacy.save(update_fields=["thumbnail_id"])
            self.report.add("image", outcome, problem)
            Article.objects.filter(pk=article.pk).update(updated_at=updated_at)
            revisions.record(article, by=None, note=IMPORTED)

    # Helpers ----------------------------------------------------------------

    def byline_ids(self, item: wxr.Item) -> list[int]:
        missing = [login for login in item.creators if login not in self.authors]
        if missing or not item.creators:
            message = NO_AUTHOR.format(item=item.label(), login=(missing or [""])[0])
            raise ImportAborted(message + ("" if self.authors else NO_AUTHOR_LIST))
        return list(dict.fromkeys(self.authors[login] for login in item.creators))

    def section_id(self, ref: wxr.TermRef) -> int:
        if ref.slug not in self.sections:  # a category the export did not list
            self.add_term(wxr.Category(wp_id=None, slug=ref.slug, name=ref.name))
        return self.sections[ref.slug]

    def tag_id(self, ref: wxr.TermRef) -> int:
        if ref.slug not in self.tags:
            self.add_term(wxr.Tag(wp_id=None, slug=ref.slug, name=ref.name))
        return self.tags[ref.slug]

    def set_relations(self, article, byline_ids, tag_ids) -> bool:
        """Give the article these bylines, in order, and tags; True if they changed."""
        changed = False
        current = article.bylines.order_by("position").values_list(
            "correspondent_id", flat=True
        )
        if list(current) != byline_ids:
            article.bylines.all().delete()
            Byline.objects.bulk_create(
                Byline(article=article, correspondent_id=pk, position=position)
                for position, pk in enumerate(byline_ids)
            )
            changed = True
        if set(article.tags.values_list("pk", flat=True)) != set(tag_ids):
            article.tags.set(tag_ids)
            changed = True
        return changed


def _headline(item: wxr.Item) -> str:
    headline = convert.plain_line(item.title, Article, "headline")
    return headline or UNTITLED.format(wp_id=item.wp_id)


def _slug(item: wxr.Item) -> str:
    fallback = f"{item.post_type}-{item.wp_id}"
    return slugify(item.slug) or slugify(convert.plain_text(item.title)) or fallback


def _present(**values) -> dict:
    return {name: value for name, value in values.items() if value is not None}
