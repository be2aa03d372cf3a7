"""python manage.py import_content FILE"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom import backup


class Command(BaseCommand):
    help = (
        "Restore a file written by export_content into an empty database, "
        "keeping every id."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A file from export_content.")

    def handle(self, *args, file, **options):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{file} is not a JSON file: {error}.") from error
        try:
            counts = backup.import_content(data)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{number} {name}" for name, number in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored {summary}."))
