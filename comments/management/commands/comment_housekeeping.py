"""Comment housekeeping for cron: the trailing notify batch, old address hashes."""

from django.core.management.base import BaseCommand

from comments import notify, privacy


class Command(BaseCommand):
    help = (
        "Send moderators any comments not yet announced and forget network-address "
        "hashes past the retention period. Safe to run from cron every few minutes."
    )

    def handle(self, *args, **options):
        sent = notify.send_batch()
        forgotten = privacy.forget_old_addresses()
        self.stdout.write(
            f"Announced {sent} comment(s); forgot {forgotten} address hash(es)."
        )
