"""Background work of the webhooks, run by `manage.py db_worker`.

announce() turns a domain event into one delivery per endpoint that wants
it; deliver() makes one attempt. Both are rows in the database queue, so
they outlive a restart of the worker, the web server or the machine.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from api import webhooks
from api.models import Delivery, WebhookEndpoint

logger = logging.getLogger(__name__)

ENDPOINT_OFF = "The endpoint was switched off."


@task()
def announce(event: str, **ids) -> int:
    """Queue a delivery of `event` to every endpoint that wants it, if the
    event still holds when the worker gets to it."""
    data = webhooks.event_data(event, **ids)
    if data is None:
        return 0
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if endpoint.wants(event)
    ]
    with transaction.atomic():
        for endpoint in endpoints:
            delivery = Delivery(endpoint=endpoint, event=event)
            delivery.body = webhooks.body(delivery.pk, event, data)
            delivery.save()
            delivery.start()
    return len(endpoints)


@task()
def deliver(delivery_id: str, round: int, attempt: int) -> str:
    """Attempt `attempt` of a delivery, with the next one queued first."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("endpoint")
            .filter(pk=delivery_id)
            .first()
        )
        if (
            delivery is None
            or delivery.round != round
            or delivery.status != Delivery.Status.PENDING
            or delivery.attempts >= attempt
        ):
            return "stood down"  # done, sent again, or already made
        endpoint = delivery.endpoint
        delivery.attempts = attempt
        delivery.last_attempt_at = now
        delivery.next_attempt_at = None
        if not endpoint.is_active:
            delivery.status = Delivery.Status.FAILED
            delivery.error = ENDPOINT_OFF
        elif attempt < settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.next_attempt_at = now + Delivery.retry_delay(attempt)
            deliver.using(run_after=delivery.next_attempt_at).enqueue(
                delivery_id, round, attempt + 1
            )
        delivery.save()
    if delivery.status == Delivery.Status.FAILED:
        return delivery.status
    outcome = webhooks.post(endpoint.url, endpoint.secret, delivery.pk, delivery.body)
    changes = {
        "response_code": outcome.code,
        "response_excerpt": outcome.excerpt,
        "error": outcome.error,
    }
    if outcome.delivered:
        changes |= {
            "status": Delivery.Status.DELIVERED,
            "delivered_at": timezone.now(),
            "next_attempt_at": None,
        }
    elif attempt >= settings.WEBHOOK_MAX_ATTEMPTS:
        changes["status"] = Delivery.Status.FAILED
    # Only if no one pressed "send again" meanwhile.
    Delivery.objects.filter(pk=delivery.pk, round=round).update(**changes)
    logger.log(
        logging.INFO if outcome.delivered else logging.WARNING,
        "webhook delivery attempt",
        extra={
            "delivery": str(delivery.pk),
            "attempt": attempt,
            "code": outcome.code,
            "error": outcome.error,
        },
    )
    return changes.get("status", Delivery.Status.PENDING)
