"""What the API says about each kind of content: public fields only.

Every field is named here; nothing is serialised by default, so a private
field added to a model later (a correspondent's e-mail, a preview secret)
stays out of every answer and webhook until someone lists it here.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Byline, Correction, Section, Tag
from authors.models import Correspondent, ProfileLink
from blocks import images
from pagecache.tags import depends_on


def absolute(path: str) -> str:
    """An address readers can follow from anywhere."""
    return path if "://" in path else f"{settings.SITE_URL}{path}"


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return absolute(value.get_absolute_url())


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    type = serializers.CharField(help_text="MIME type, e.g. image/webp.")


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="The original, metadata removed.")
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    alt = serializers.CharField(allow_blank=True)
    caption = serializers.CharField(allow_blank=True)
    credit = serializers.CharField(allow_blank=True)
    renditions = RenditionSerializer(many=True, help_text="Narrower copies.")


def image(fieldfile, width, height, alt="", caption="", credit="") -> dict | None:
    if not fieldfile:
        return None
    renditions = [
        {"url": absolute(r.url), "width": r.width, "type": r.mime}
        for by_type in images.renditions(fieldfile.name, width or 0).values()
        for r in by_type
    ]
    return {
        "url": absolute(default_storage.url(fieldfile.name)),
        "width": width,
        "height": height,
        "alt": alt,
        "caption": caption,
        "credit": credit,
        "renditions": renditions,
    }


class SectionSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Section
        fields = ["name", "slug", "description", "url"]


class TagSerializer(serializers.ModelSerializer):
    url = PageUrlField()

    class Meta:
        model = Tag
        fields = ["name", "slug", "url"]


class ProfileLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProfileLink
        fields = ["label", "url"]


class CorrespondentSerializer(serializers.ModelSerializer):
    languages = serializers.ListField(
        source="language_list", child=serializers.CharField()
    )
    photo = serializers.SerializerMethodField()
    links = ProfileLinkSerializer(many=True)
    url = PageUrlField()

    class Meta:
        model = Correspondent
        fields = [
            "name",
            "slug",
            "job_title",
            "beat",
            "based_in",
            "languages",
            "experience",
            "education",
            "bio",
            "photo",
            "links",
            "url",
        ]

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_photo(self, correspondent):
        return image(
            correspondent.photo,
            correspondent.photo_width,
            correspondent.photo_height,
            alt=correspondent.name,
        )


class BylineSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="correspondent.name")
    slug = serializers.CharField(source="correspondent.slug")
    title = serializers.CharField(help_text="The job title as published.")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Byline
        fields = ["name", "slug", "title", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, byline):
        return absolute(byline.correspondent.get_absolute_url())


class CorrectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Correction
        fields = ["kind", "note", "created_at"]


class StorySerializer(serializers.ModelSerializer):
    url = PageUrlField()
    standfirst = serializers.CharField(source="dek")
    body_html = serializers.CharField(
        help_text="Cleaned HTML, as on the story page (library figures as pictures).",
    )
    section = SectionSerializer(allow_null=True)
    tags = TagSerializer(many=True)
    bylines = BylineSerializer(many=True)
    hero_image = serializers.SerializerMethodField()
    corrections = CorrectionSerializer(many=True)
    published_at = serializers.DateTimeField(source="publish_at")
    comments_open = serializers.BooleanField(source="accepts_comments")

    class Meta:
        model = Article
        fields = [
            "id",
            "slug",
            "url",
            "headline",
            "standfirst",
            "body_html",
            "section",
            "tags",
            "bylines",
            "hero_image",
            "corrections",
            "published_at",
            "first_published_at",
            "updated_at",
            "word_count",
            "reading_minutes",
            "comment_count",
            "comments_open",
        ]

    def to_representation(self, article):
        depends_on(f"card:{article.pk}")  # its comment count too
        return super().to_representation(article)

    @extend_schema_field(ImageSerializer(allow_null=True))
    def get_hero_image(self, article):
        return image(
            article.hero_image,
            article.hero_width,
            article.hero_height,
            alt=article.hero_alt,
            caption=article.hero_caption,
            credit=article.hero_credit,
        )


def page_serializer(name: str, item_serializer):
    """The schema of a page of items: the items and the next page's link."""
    return type(
        name,
        (serializers.Serializer,),
        {
            "results": item_serializer(many=True),
            "next": serializers.URLField(
                allow_null=True, help_text="The next page; null on the last."
            ),
        },
    )


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
