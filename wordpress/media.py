"""Featured images: an export's attachments, found in --media-dir and checked
before they become a story's hero image."""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File

from blocks import images
from library.models import Image
from wordpress.report import CREATED, REFUSED, SKIPPED, UPDATED

IMAGE_REFUSED = "{item}: featured image {file} refused. {reason}"
UPLOADS = "wp-content/uploads/"


@dataclass
class Attachment:
    """An attachment record of the export: where its file was, and its words."""

    url: str
    file: str  # the _wp_attached_file meta: the path under wp-content/uploads
    alt: str
    caption: str


def attach(
    article, attachment, text, label, *, media_dir: Path | None, dry_run: bool
) -> tuple[str, str]:
    """Validate the attachment's file, add it to the library and make it the
    article's hero image."""
    path = media_file(attachment, media_dir)
    if path is None:
        return SKIPPED, ""
    with path.open("rb") as handle:
        upload = File(handle, name=path.name)
        try:
            images.validate_image(upload)
        except ValidationError as error:
            problem = IMAGE_REFUSED.format(
                item=label,
                file=path.relative_to(media_dir),
                reason=" ".join(error.messages),
            )
            return REFUSED, problem
        outcome = UPDATED if article.hero_id else CREATED
        # Storage is not transactional: a dry run writes no files.
        if not dry_run:
            # save() re-encodes it and strips EXIF.
            article.hero = Image.objects.create(file=upload, **text)
            article.save()
    return outcome, ""


def media_file(attachment: Attachment, media_dir: Path | None) -> Path | None:
    """The attachment's file in --media-dir: by its path under uploads/, or name."""
    if media_dir is None:
        return None
    url_path = unquote(urlsplit(attachment.url).path)
    for candidate in (
        attachment.file,
        url_path.partition(UPLOADS)[2],
        PurePosixPath(url_path).name,
    ):
        if not candidate:
            continue
        path = (media_dir / candidate).resolve()
        # The export is untrusted input: read nothing outside the folder.
        if path.is_relative_to(media_dir) and path.is_file():
            return path
    return None
