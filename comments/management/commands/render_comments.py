"""Store comments' HTML again after the markup rules change (comments/markup.py)."""

from django.core.management.base import BaseCommand

from comments.models import Comment


class Command(BaseCommand):
    help = (
        "Store the HTML of comments rendered under an older markup format, or "
        "never (rows bulk-created past save()). Run it after a change to "
        "comments/markup.py bumps FORMAT; until then such comments are rendered "
        "on every read. --all renders every comment again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Render every comment again."
        )

    def handle(self, *args, **options):
        if options["all"]:
            Comment.objects.update(body_format=0)
        done = Comment.objects.render_html()
        self.stdout.write(f"Rendered {done} comment(s).")
