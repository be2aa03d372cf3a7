"""Cursor (keyset) pagination: stable order, constant cost at any depth.

A cursor is an opaque token holding the ordering's values for the last item
of a page; the next page starts strictly after them. Each ordering ends with
the primary key, so no two items tie and none is skipped or repeated when
stories are published between two requests.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework.exceptions import ValidationError

BAD_CURSOR = "This cursor is not valid: use the “next” link from a previous page."
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True)
class Ordering:
    name: str
    fields: tuple[str, ...]  # e.g. ("-publish_at", "-id")

    def after(self, model, values: list) -> Q:
        """Rows strictly past `values` in this order."""
        conditions = []
        for position, field in enumerate(self.fields):
            name = field.lstrip("-")
            past = f"{name}__lt" if field.startswith("-") else f"{name}__gt"
            earlier = zip(self.fields[:position], values[:position], strict=True)
            equal = {f.lstrip("-"): v for f, v in earlier}
            conditions.append(Q(**equal, **{past: values[position]}))
        return reduce(lambda a, b: a | b, conditions)

    def encode(self, item) -> str:
        values = [_plain(getattr(item, field.lstrip("-"))) for field in self.fields]
        raw = json.dumps([self.name, values], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode(self, model, cursor: str) -> list:
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            name, values = json.loads(base64.urlsafe_b64decode(padded.encode()))
            if name != self.name or len(values) != len(self.fields):
                raise ValueError
            return [
                model._meta.get_field(field.lstrip("-")).to_python(value)
                for field, value in zip(self.fields, values, strict=True)
            ]
        except (
            ValueError,
            TypeError,
            binascii.Error,
            UnicodeDecodeError,
            DjangoValidationError,
        ):
            raise ValidationError({"cursor": [BAD_CURSOR]}) from None


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def page(queryset, ordering: Ordering, *, cursor: str | None, limit: int):
    """One page of `queryset` in `ordering`, and the cursor of the next page
    (None on the last)."""
    rows = queryset.order_by(*ordering.fields)
    if cursor:
        rows = rows.filter(
            ordering.after(queryset.model, ordering.decode(queryset.model, cursor))
        )
    items = list(rows[: limit + 1])
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    return items, ordering.encode(items[-1])
