"""Image uploads shared by articles and correspondents.

An upload is checked before anything is stored (a real image of an allowed
type, within byte and pixel limits), then re-encoded: orientation applied,
EXIF (GPS included) and every other metadata block dropped. Renditions at
fixed widths, WebP and JPEG, are written once next to the original and named
from it, so templates build a srcset without touching the database or disk.
"""

import io
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 MP: any real camera; far below a decompression bomb
RENDITION_WIDTHS = (480, 800, 1200, 1600)
RENDITION_FORMATS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))

NOT_AN_IMAGE = "This file is not an image we can read. Upload a JPEG, PNG or WebP."
WRONG_TYPE = "{format} images are not accepted. Upload a JPEG, PNG or WebP."
TOO_LARGE = "The file is {size} MB; the limit is {limit} MB."
TOO_MANY_PIXELS = (
    "The image is {width}×{height} pixels; the limit is {limit} megapixels."
)
FAR_TOO_MANY_PIXELS = "The image is far larger than the {limit} megapixel limit."
TRUNCATED = "The image file is damaged or incomplete. Export it again and re-upload."
NEEDS_ALT = "Describe the image in its alt text, for readers who cannot see it."

# Pillow's own guard raises at twice this; keep it at our limit.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def validate_image(file) -> None:
    """Raise ValidationError unless `file` is a whole, allowed, modest image.

    Only a new upload is checked. An image already in storage passed these
    checks when it arrived and was re-encoded by us since; saving a story or
    a profile whose image did not change must not depend on reading it back
    (the model's field validators see the stored file on every save).
    """
    if is_stored(file):
        return
    size = getattr(file, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(
            TOO_LARGE.format(size=round(size / 1024 / 1024, 1), limit=MAX_BYTES >> 20),
            code="too_large",
        )
    _open_checked(file)


def _open_checked(file) -> Image.Image:
    file.seek(0)
    try:
        image = Image.open(file)
        width, height = image.size
        # Check the header's size before decoding a single pixel.
        if width * height > MAX_PIXELS:
            raise ValidationError(
                TOO_MANY_PIXELS.format(
                    width=width, height=height, limit=MAX_PIXELS // 1_000_000
                ),
                code="too_many_pixels",
            )
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(
                WRONG_TYPE.format(format=image.format), code="wrong_type"
            )
        image.load()
    except Image.DecompressionBombError as error:
        raise ValidationError(
            FAR_TOO_MANY_PIXELS.format(limit=MAX_PIXELS // 1_000_000),
            code="too_many_pixels",
        ) from error
    except UnidentifiedImageError as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(TRUNCATED, code="truncated") from error
    finally:
        file.seek(0)
    return image


def field(upload_to: str, size: str, **options) -> models.ImageField:
    """An optional image on a model, checked on upload, its pixel size kept
    in the model's `<size>_width` and `<size>_height` (see `dimension()`)."""
    return models.ImageField(
        upload_to=upload_to,
        blank=True,
        width_field=f"{size}_width",
        height_field=f"{size}_height",
        validators=[validate_image],
        **options,
    )


def dimension() -> models.PositiveIntegerField:
    """An image's width or height, kept by its field."""
    return models.PositiveIntegerField(null=True, blank=True, editable=False)


@contextmanager
def saving(instance, name: str):
    """Around a model's save: a new upload in the image field `name` is
    re-encoded before the row is written (see clean_upload), and its
    renditions are made once the row is saved."""
    is_new = is_new_upload(getattr(instance, name))
    if is_new:
        setattr(instance, name, clean_upload(getattr(instance, name)))
    yield
    if is_new:
        make_renditions(getattr(instance, name).name)


def lacks_alt(image, alt: str | None) -> bool:
    """An image shown to readers needs words for those who cannot see it."""
    return bool(image) and not (alt or "").strip()


def clean_upload(file) -> ContentFile:
    """Return the upload re-encoded: upright, metadata-free, with a fresh name."""
    image = _open_checked(file)
    extension = ALLOWED_FORMATS[image.format]
    image = ImageOps.exif_transpose(image)
    out = io.BytesIO()
    if extension == "jpg":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    elif extension == "png":
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=85)
    # A new random name: nothing of the uploader's file name reaches the URL.
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def is_new_upload(fieldfile) -> bool:
    """True for a file just uploaded through a form, not yet in storage."""
    return bool(fieldfile) and not fieldfile._committed


def is_stored(file) -> bool:
    """True for a model's image that is already in storage."""
    return isinstance(file, FieldFile) and bool(file) and file._committed


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    mime: str

    @property
    def url(self) -> str:
        return default_storage.url(self.name)


def rendition_widths(original_width: int) -> list[int]:
    widths = [w for w in RENDITION_WIDTHS if w < original_width]
    return [*widths, min(original_width, RENDITION_WIDTHS[-1])]


def rendition_name(name: str, width: int, extension: str) -> str:
    path = PurePosixPath(name)
    return str(path.parent / "renditions" / f"{path.stem}-{width}w.{extension}")


def renditions(name: str, original_width: int) -> dict[str, list[Rendition]]:
    """The srcset candidates for an image, by MIME type; computed from the name."""
    return {
        mime: [
            Rendition(rendition_name(name, width, extension), width, mime)
            for width in rendition_widths(original_width)
        ]
        for extension, _format, mime in RENDITION_FORMATS
    }


def make_renditions(name: str) -> None:
    """Write each missing rendition of a stored image (idempotent)."""
    with default_storage.open(name) as file:
        source = Image.open(file)
        source.load()
    source = source.convert("RGB")
    for width in rendition_widths(source.width):
        height = round(source.height * width / source.width)
        resized = None
        for extension, pil_format, _mime in RENDITION_FORMATS:
            target = rendition_name(name, width, extension)
            if default_storage.exists(target):
                continue
            resized = resized or source.resize(
                (width, height), Image.Resampling.LANCZOS
            )
            out = io.BytesIO()
            resized.save(out, pil_format, quality=82)
            default_storage.save(target, ContentFile(out.getvalue()))


# Sizes and focal-point crops -------------------------------------------------

ORIENTATION_TAG = 0x0112
SIDEWAYS = {5, 6, 7, 8}  # EXIF orientations that swap width and height


def checked_size(file) -> tuple[int, int]:
    """Validate an upload as validate_image() does; return its upright size.

    The size is the one readers will see: a phone's portrait photo stored
    sideways with an orientation tag counts as tall, as clean_upload() makes it.
    """
    validate_image(file)
    image = _open_checked(file)
    width, height = image.size
    if image.getexif().get(ORIENTATION_TAG) in SIDEWAYS:
        width, height = height, width
    return width, height


def focal_crop_box(
    width: int, height: int, ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of `ratio` (w, h) inside a width × height image, centred
    on the focal point (x, y as fractions) as far as the edges allow."""
    aspect = ratio[0] / ratio[1]
    if width / height > aspect:
        box_width, box_height = max(1, round(height * aspect)), height
    else:
        box_width, box_height = width, max(1, round(width / aspect))
    fx, fy = (min(max(value, 0.0), 1.0) for value in focal)
    left = min(max(round(fx * width - box_width / 2), 0), width - box_width)
    top = min(max(round(fy * height - box_height / 2), 0), height - box_height)
    return left, top, left + box_width, top + box_height


def crop_tag(ratio: tuple[int, int], focal: tuple[float, float]) -> str:
    """The part of a crop's file names that says its ratio and focal point,
    so a moved focal point gets new addresses rather than stale caches."""
    fx, fy = (round(min(max(value, 0.0), 1.0) * 1000) for value in focal)
    return f"{ratio[0]}x{ratio[1]}-f{fx}-{fy}"


def crop_rendition_name(name: str, tag: str, width: int, extension: str) -> str:
    path = PurePosixPath(name)
    return str(path.parent / "renditions" / f"{path.stem}-{tag}-{width}w.{extension}")


def crop_renditions(
    name: str,
    size: tuple[int, int],
    ratio: tuple[int, int],
    focal: tuple[float, float],
) -> tuple[dict[str, list[Rendition]], tuple[int, int]]:
    """The srcset candidates of a focal-point crop, by MIME type, and the
    crop's size. An image already of that ratio is its own crop."""
    left, top, right, bottom = focal_crop_box(*size, ratio, focal)
    crop_size = (right - left, bottom - top)
    if crop_size == tuple(size):
        return renditions(name, size[0]), crop_size
    tag = crop_tag(ratio, focal)
    return {
        mime: [
            Rendition(crop_rendition_name(name, tag, width, extension), width, mime)
            for width in rendition_widths(crop_size[0])
        ]
        for extension, _format, mime in RENDITION_FORMATS
    }, crop_size


def make_crop_renditions(
    name: str, ratio: tuple[int, int], focal: tuple[float, float]
) -> None:
    """Write each missing rendition of a focal-point crop (idempotent)."""
    with default_storage.open(name) as file:
        source = Image.open(file)
        source.load()
    box = focal_crop_box(source.width, source.height, ratio, focal)
    if (box[2] - box[0], box[3] - box[1]) == source.size:
        return  # the plain renditions serve
    cropped = source.convert("RGB").crop(box)
    by_type, (width, height) = crop_renditions(name, source.size, ratio, focal)
    for _extension, pil_format, mime in RENDITION_FORMATS:
        for rendition in by_type[mime]:
            if default_storage.exists(rendition.name):
                continue
            resized = cropped.resize(
                (rendition.width, round(height * rendition.width / width)),
                Image.Resampling.LANCZOS,
            )
            out = io.BytesIO()
            resized.save(out, pil_format, quality=82)
            default_storage.save(rendition.name, ContentFile(out.getvalue()))
