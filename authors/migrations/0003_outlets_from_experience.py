"""Previous outlets from the free-text experience, where it is a list.

A profile whose experience reads as one outlet and its years per line (or
per semicolon), such as "Reuters, Jakarta (2012–2016)", gets those as
outlets and its free text cleared. Prose ("Amara spent six years at...")
is left as it is, for an editor to turn into outlets by hand.
"""

import re

from django.db import migrations

ITEM = re.compile(
    r"^(?P<outlet>.+?)[\s,(]+(?P<start>(?:19|20)\d\d)"
    r"(?:\s*[-–—]\s*(?P<end>(?:19|20)\d\d|present|now|today)?)?\)?\.?$",
    re.IGNORECASE,
)


def parse(text: str) -> list[tuple[str, int, int | None]] | None:
    """(outlet, first year, last year) for each item, or None unless every
    item of `text` reads as an outlet with its years."""
    items = [part.strip() for part in re.split(r"[\n;]", text) if part.strip()]
    found = []
    for item in items:
        match = ITEM.match(item)
        if match is None:
            return None
        end = match["end"]
        start = int(match["start"])
        if end is None and "-" not in item and "–" not in item and "—" not in item:
            last = start  # a single year
        else:
            last = int(end) if end and end.isdigit() else None
        if last is not None and last < start:
            return None
        found.append((match["outlet"].strip(" ,("), start, last))
    return found or None


def forwards(apps, schema_editor):
    Correspondent = apps.get_model("authors", "Correspondent")
    PreviousOutlet = apps.get_model("authors", "PreviousOutlet")
    for person in Correspondent.objects.exclude(experience=""):
        outlets = parse(person.experience)
        if outlets is None:
            continue
        PreviousOutlet.objects.bulk_create(
            PreviousOutlet(
                correspondent=person,
                outlet=outlet[:120],
                start_year=start,
                end_year=end,
                order=order,
            )
            for order, (outlet, start, end) in enumerate(outlets)
        )
        Correspondent.objects.filter(pk=person.pk).update(experience="")


def backwards(apps, schema_editor):
    Correspondent = apps.get_model("authors", "Correspondent")
    PreviousOutlet = apps.get_model("authors", "PreviousOutlet")
    for person in Correspondent.objects.filter(outlets__isnull=False).distinct():
        outlets = PreviousOutlet.objects.filter(correspondent=person).order_by(
            "order", "id"
        )
        lines = [
            f"{o.outlet} ({o.start_year or ''}–{o.end_year or ''})".replace(" (–)", "")
            for o in outlets
        ]
        text = "\n".join(filter(None, [person.experience, *lines]))
        Correspondent.objects.filter(pk=person.pk).update(experience=text)


class Migration(migrations.Migration):
    dependencies = [("authors", "0002_add_previous_outlets")]

    operations = [migrations.RunPython(forwards, backwards)]
