"""Export or erase what a commenter gave us, by e-mail address."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from comments import privacy


class Command(BaseCommand):
    help = "Export (as JSON) or erase everything stored for one commenter's e-mail."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an e-mail address.") from error
        if action == "export":
            self.stdout.write(
                json.dumps(privacy.export(email), indent=2, ensure_ascii=False)
            )
        else:
            count = privacy.erase(email)
            self.stdout.write(f"Erased {email} from {count} comment(s).")
