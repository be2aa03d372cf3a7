import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article
from authors.models import Correspondent
from blocks import images
from library.models import Image as LibraryImage
from tests.admin_forms import open_form
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    ImageFactory,
    image_upload,
)

pytestmark = pytest.mark.django_db


def test_a_text_file_named_jpg_is_refused():
    fake = SimpleUploadedFile(
        "photo.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg"
    )

    with pytest.raises(ValidationError) as error:
        images.validate_image(fake)

    assert error.value.messages == [images.NOT_AN_IMAGE]


def test_a_truncated_image_is_refused():
    whole = image_upload(1600, 900).read()
    truncated = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], "image/jpeg")

    with pytest.raises(ValidationError) as error:
        images.validate_image(truncated)

    assert error.value.messages == [images.TRUNCATED]


def _png_header_claiming(width, height):
    """A tiny PNG whose header claims a huge canvas: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_is_refused_before_decoding():
    bomb = SimpleUploadedFile(
        "bomb.png", _png_header_claiming(50_000, 50_000), "image/png"
    )

    with pytest.raises(ValidationError) as error:
        images.validate_image(bomb)

    assert error.value.messages == [images.FAR_TOO_MANY_PIXELS.format(limit=40)]


def test_an_image_over_the_pixel_limit_is_refused_with_its_size():
    big = SimpleUploadedFile("big.png", _png_header_claiming(8000, 6000), "image/png")

    with pytest.raises(ValidationError) as error:
        images.validate_image(big)

    assert error.value.messages == [
        images.TOO_MANY_PIXELS.format(width=8000, height=6000, limit=40)
    ]


def test_an_oversized_file_is_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)

    with pytest.raises(ValidationError) as error:
        images.validate_image(image_upload(1600, 900))

    assert error.value.code == "too_large"


def test_a_gif_is_refused_as_an_unaccepted_type():
    with pytest.raises(ValidationError) as error:
        images.validate_image(image_upload(100, 100, fmt="GIF", name="x.gif"))

    assert error.value.messages == [images.WRONG_TYPE.format(format="GIF")]


def test_gps_exif_is_stripped_and_orientation_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPSInfo
    exif[0x010F] = "SpyCam"
    upload = image_upload(1600, 900, exif=exif.tobytes())

    article = ArticleFactory(hero_image=upload, hero_alt="A test")

    with Image.open(article.hero_image.path) as stored:
        assert stored.getexif() == {}
        assert stored.size == (900, 1600)  # upright
    assert (article.hero_width, article.hero_height) == (900, 1600)
    assert "photo" not in article.hero_image.name  # the uploader's name is gone


def test_renditions_are_made_once_in_webp_and_jpeg(media_root):
    article = ArticleFactory(hero_image=image_upload(1600, 900), hero_alt="A test")

    by_type = images.renditions(article.hero_image.name, article.hero_width)

    assert [r.width for r in by_type["image/webp"]] == [480, 800, 1200, 1600]
    for rendition in by_type["image/webp"] + by_type["image/jpeg"]:
        path = media_root / rendition.name
        assert path.exists(), rendition.name
        with Image.open(path) as image:
            assert image.width == rendition.width
            assert image.format == (
                "WEBP" if rendition.mime == "image/webp" else "JPEG"
            )


def test_correspondent_photos_go_through_the_same_checks():
    person = CorrespondentFactory(photo=image_upload(640, 640))

    assert person.photo_width == 640
    with pytest.raises(ValidationError):
        CorrespondentFactory.build(
            photo=SimpleUploadedFile("x.png", b"nope")
        ).full_clean()


def test_library_refuses_a_bad_upload_with_a_message(client, editor):
    url = reverse("admin:library_image_add")
    client.force_login(editor)

    response = client.post(
        url,
        {
            "file": SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg"),
            "alt": "x",
            "focal_x": "0.5",
            "focal_y": "0.5",
        },
    )

    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()
    assert not LibraryImage.objects.exists()


def test_a_stored_image_is_not_read_again_when_the_image_is_saved():
    stored = ImageFactory()
    image = LibraryImage.objects.get(pk=stored.pk)
    # What the admin form does on a save: put the stored file back on the
    # field (which reads its size and closes it), then run the validators.
    image.file = image.file

    image.full_clean()
    image.save()

    image.refresh_from_db()
    assert image.file.name == stored.file.name
    assert (image.width, image.height) == (1600, 900)


def test_a_stored_photo_is_not_read_again_when_the_profile_is_saved():
    stored = CorrespondentFactory(with_photo=True)
    person = Correspondent.objects.get(pk=stored.pk)
    person.photo = person.photo

    person.full_clean()
    person.save()

    person.refresh_from_db()
    assert person.photo.name == stored.photo.name


def test_only_a_new_upload_is_checked_not_the_stored_file(media_root):
    article = ArticleFactory(with_hero=True)
    # Were the stored file read again, this would fail as "not an image".
    (media_root / article.hero_image.name).write_bytes(b"no longer an image")

    images.validate_image(Article.objects.get(pk=article.pk).hero_image)

    with pytest.raises(ValidationError) as error:
        images.validate_image(SimpleUploadedFile("x.jpg", b"no image", "image/jpeg"))
    assert error.value.messages == [images.NOT_AN_IMAGE]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("x.jpg", b"<?php ?>", "image/jpeg"), images.NOT_AN_IMAGE),
        (
            image_upload(100, 100, fmt="GIF", name="x.gif"),
            images.WRONG_TYPE.format(format="GIF"),
        ),
    ],
    ids=["not an image", "wrong type"],
)
def test_a_new_upload_replacing_a_stored_image_is_still_checked(upload, message):
    image = LibraryImage.objects.get(pk=ImageFactory().pk)
    image.file = upload

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert error.value.message_dict["file"] == [message]


def test_library_refuses_a_bad_replacement_and_keeps_the_stored_file(client, editor):
    image = ImageFactory()
    url = reverse("admin:library_image_change", args=[image.pk])
    client.force_login(editor)

    response = client.post(
        url,
        open_form(client, url).data(
            file=SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg")
        ),
    )

    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()
    assert LibraryImage.objects.get(pk=image.pk).file.name == image.file.name


def test_admin_saves_a_story_with_its_image_unchanged(client, editor):
    article = ArticleFactory(with_hero=True, published=True)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(editor)

    response = client.post(url, open_form(client, url).data())

    assert response.status_code == 302
    assert response["Location"] == url
    saved = Article.objects.get(pk=article.pk)
    assert saved.hero_image.name == article.hero_image.name
    assert saved.version == article.version + 1
