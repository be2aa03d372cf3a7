"""python manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import ImportAborted, Importer
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.0-1.2): authors, categories, tags, "
        "posts with their comments and featured images, and pages. Running it "
        "again updates what changed and duplicates nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The file from Tools → Export.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of wp-content/uploads, where featured images are found.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do the whole import, then roll it back and report what it did.",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr even when it is not a terminal.",
        )

    def handle(self, *args, export, media_dir, dry_run, progress, **options):
        if not export.is_file():
            raise CommandError(f"There is no file {export}.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"The media folder {media_dir} does not exist.")
        importer = Importer(media_dir=media_dir, dry_run=dry_run)
        with export.open("rb") as file:
            show = None
            if progress or self.stderr.isatty():
                show = self.progress_meter(file, export.stat().st_size)
            try:
                report = importer.run(file, on_progress=show)
            except (WXRError, ImportAborted) as error:
                raise CommandError(str(error)) from error
            finally:
                if show is not None:
                    self.stderr.write("", style_func=str)  # end the progress line
        for line in report.lines():
            self.stdout.write(line)
        for problem in report.problems:
            self.stdout.write(f"  {problem}", style_func=self.style.WARNING)
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {export.name}."))

    def progress_meter(self, file, total: int):
        """A callback that rewrites one stderr line: the share of bytes read."""
        shown = None

        def show():
            nonlocal shown
            percent = file.tell() * 100 // max(total, 1)
            if percent != shown:
                shown = percent
                self.stderr.write(f"\rReading… {percent}%", style_func=str, ending="")
                self.stderr.flush()

        return show
