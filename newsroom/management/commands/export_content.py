"""python manage.py export_content [--output FILE]"""

from pathlib import Path

from django.core.management.base import BaseCommand

from newsroom import backup


class Command(BaseCommand):
    help = (
        "Write all content (sections, tags, correspondents, articles, comments, "
        "pages) as JSON; newsroom/backup.py documents the format. The file "
        "includes private e-mail addresses: keep it safe."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="The file to write; standard output if left out.",
        )

    def handle(self, *args, output, **options):
        data = backup.export_content()
        text = backup.dumps(data)
        if output is None:
            self.stdout.write(text)
            return
        output.write_text(text + "\n", encoding="utf-8")
        self.stderr.write(
            f"Wrote {len(data['articles'])} articles and {len(data['comments'])} "
            f"comments to {output}.",
            style_func=str,
        )
