"""factory_boy factories; every one defaults to the safe state (draft, pending)."""

import importlib
import io
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles import revisions
from articles.models import Article, Byline, Section, Tag
from articles.workflow import Status
from authors.models import Correspondent
from comments.models import Comment
from library.models import Image as LibraryImage


def image_upload(width=1600, height=900, fmt="JPEG", name="photo.jpg", exif=None):
    """A real image made by Pillow, as a browser would upload it."""
    out = io.BytesIO()
    image = Image.new("RGB", (width, height), (200, 80, 40))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, fmt, **kwargs)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{fmt.lower()}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@staff.example")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(role_group(extracted))
        self.save()


def role_group(name: str) -> Group:
    """The role's group, as the roles migration made it.

    A transactional test (live server, several processes) empties every
    table when it ends, and the migration's groups do not come back; the
    next test that needs an editor makes the group again from the same table.
    """
    group = Group.objects.filter(name=name).first()
    if group is None:
        roles = importlib.import_module("newsroom.migrations.0002_roles").ROLES
        group = Group.objects.create(name=name)
        for dotted in roles[name]:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        library = importlib.import_module(
            "library.migrations.0002_move_heroes_and_give_roles"
        ).ROLES
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="library", codename__in=library.get(name, [])
            )
        )
    return group


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda s: s.name.lower().replace(" ", "-"))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda t: t.name.lower().replace(" ", "-"))


class CorrespondentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correspondent

    name = factory.Sequence(lambda n: f"Reporter Number{n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    job_title = "Foreign Correspondent"
    based_in = "Lisbon"
    beat = "Southern Europe"
    languages = "English, Portuguese"
    experience = "Ten years on the foreign desk."
    education = "BA Politics, University of Leeds"
    bio = "Reports on Southern Europe."
    email = factory.Sequence(lambda n: f"reporter{n}@private.example")

    class Params:
        with_photo = factory.Trait(
            photo=factory.LazyFunction(
                lambda: image_upload(640, 640, name="portrait.jpg")
            )
        )


def desk_editor():
    """The editor who moves factory stories through the workflow."""
    return UserFactory(username="desk-editor", role="Editor")


def hero_upload():
    return image_upload(1600, 900, name="IMG_0412.jpg")


class ImageFactory(factory.django.DjangoModelFactory):
    """A library image: a real Pillow picture, re-encoded, with renditions."""

    class Meta:
        model = LibraryImage

    file = factory.LazyFunction(hero_upload)
    alt = "Fishing boats tied up along a harbour wall at dawn."
    caption = "The harbour on the morning the strike ended."
    credit = "Photograph: The Update Desk"


HERO_WORDS = {"hero_alt": "alt", "hero_caption": "caption", "hero_credit": "credit"}


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft with one byline and a section, saved as the admin saves one
    (a revision kept). Traits move it on the way the newsroom does, through
    the workflow's own methods with their audit events: `in_review`,
    `published`, `scheduled`, `withdrawn`. `with_hero` stores a real image,
    re-encoded with its renditions, in the library. As before the library,
    `hero_image=<upload>` with `hero_alt`, `hero_caption` and `hero_credit`
    makes the story's hero from those."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # A trait left off passes its fields as factory.declarations.Skip.
        upload = kwargs.pop("hero_image", None)
        words = {}
        for old, field in HERO_WORDS.items():
            value = kwargs.pop(old, None)
            if isinstance(value, str):
                words[field] = value
        if isinstance(upload, File):
            kwargs["hero"] = LibraryImage.objects.create(file=upload, **words)
        return kwargs

    headline = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    dek = "Why this matters to readers, in one sentence under the headline."
    body = "<p>One two three four five.</p><h2>More</h2><p>Six seven.</p>"
    section = factory.SubFactory(SectionFactory, name="World")

    class Params:
        with_hero = factory.Trait(
            hero_image=factory.LazyFunction(hero_upload),
            hero_alt="Fishing boats tied up along a harbour wall at dawn.",
            hero_caption="The harbour on the morning the strike ended.",
            hero_credit="Photograph: The Update Desk",
        )
        in_review = factory.Trait(workflow__to=Status.IN_REVIEW)
        published = factory.Trait(
            workflow__to=Status.PUBLISHED,
            publish_at=factory.LazyFunction(
                lambda: timezone.now() - timedelta(hours=1)
            ),
        )
        scheduled = factory.Trait(
            workflow__to=Status.PUBLISHED,
            publish_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1)),
        )
        withdrawn = factory.Trait(
            workflow__to=Status.WITHDRAWN,
            publish_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )

    @factory.post_generation
    def bylines(self, create, extracted, **kwargs):
        if not create:
            return
        for position, person in enumerate(extracted or [CorrespondentFactory()]):
            Byline.objects.create(article=self, correspondent=person, position=position)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)

    @factory.post_generation
    def workflow(self, create, extracted, to=None, by=None, **kwargs):
        """Keep the first revision, then make the moves that reach `to`, as
        `by` (an editor unless given; `workflow__by=user`)."""
        if not create:
            return
        writer = next(
            (b.correspondent.user for b in self.bylines.all() if b.correspondent.user),
            None,
        )
        revisions.record(self, by=writer or by or desk_editor())
        if to is None:
            return
        editor = by or desk_editor()
        if to == Status.IN_REVIEW:
            self.submit(by=writer or editor)
            return
        self.publish(by=editor, at=self.publish_at)
        if to == Status.WITHDRAWN:
            self.withdraw(by=editor, note="Withdrawn on legal advice.")


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory, published=True)
    name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.Sequence(lambda n: f"reader{n}@mail.example")
    body = factory.Sequence(lambda n: f"A thoughtful remark, number {n}.")
    status = Comment.Status.PENDING

    class Params:
        approved = factory.Trait(status=Comment.Status.APPROVED)
