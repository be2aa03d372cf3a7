"""Administrators' screens: partner keys, webhook endpoints, deliveries."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from api.models import Delivery, Event, PartnerKey, WebhookEndpoint

SHOWN_ONCE = "admin/api/shown_once.html"
SENT_AGAIN = "Delivery queued to be sent again."


def shown_once(request, admin_site, *, title, label, values, back):
    """A page with a secret on it, the only time anyone sees it in clear."""
    context = {
        **admin_site.each_context(request),
        "title": title,
        "label": label,
        "values": values,
        "back": back,
    }
    response = TemplateResponse(request, SHOWN_ONCE, context)
    response.headers["Cache-Control"] = "no-store"
    return response


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "rate", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "prefix"]
    fields = ["name", "rate", "is_active", "prefix", "created_at", "created_by"]
    readonly_fields = ["prefix", "created_at", "created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            request._new_partner_key = obj.issue()
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return shown_once(
            request,
            self.admin_site,
            title=_("Partner key created"),
            label=_(
                "Give this key to %(name)s now: only its hash is kept, so it "
                "cannot be shown again. They send it as "
                "“Authorization: Bearer <key>”."
            )
            % {"name": obj.name},
            values=[(str(obj), request._new_partner_key)],
            back=reverse("admin:api_partnerkey_changelist"),
        )


class EndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "description", "events", "is_active"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["__str__", "url", "event_list", "is_active", "failing"]
    list_filter = ["is_active"]
    readonly_fields = ["created_at"]
    actions = ["rotate_secrets"]

    def get_queryset(self, request):
        failed = Count("deliveries", filter=Q(deliveries__status="failed"))
        return super().get_queryset(request).annotate(failed=failed)

    @admin.display(description=_("events"))
    def event_list(self, obj):
        return ", ".join(obj.events)

    @admin.display(description=_("failed deliveries"), ordering="failed")
    def failing(self, obj):
        return obj.failed

    def response_add(self, request, obj, post_url_continue=None):
        return shown_once(
            request,
            self.admin_site,
            title=_("Webhook endpoint added"),
            label=_(
                "The receiver checks each delivery's signature with this "
                "secret (README, “Webhooks”). Copy it now: it is not shown "
                "again; “Give a new signing secret” makes another."
            ),
            values=[(str(obj), obj.secret)],
            back=reverse("admin:api_webhookendpoint_changelist"),
        )

    @admin.action(description=_("Give a new signing secret"))
    def rotate_secrets(self, request, queryset):
        values = [(str(endpoint), endpoint.rotate_secret()) for endpoint in queryset]
        return shown_once(
            request,
            self.admin_site,
            title=_("New signing secrets"),
            label=_("Deliveries are signed with these from now on."),
            values=values,
            back=reverse("admin:api_webhookendpoint_changelist"),
        )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_code",
        "last_attempt_at",
        "next_attempt_at",
        "send_again_button",
    ]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "id",
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_code",
        "response_excerpt",
        "error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "body",
    ]
    fields = readonly_fields
    actions = ["send_again_selected"]

    def has_add_permission(self, request):
        return False

    def has_send_permission(self, request):
        return request.user.has_perm("api.change_delivery")

    def get_urls(self):
        view = self.admin_site.admin_view(require_POST(self.send_again_view))
        return [
            path("<uuid:pk>/send-again/", view, name="api_delivery_send_again"),
            *super().get_urls(),
        ]

    @admin.display(description=_("send again"))
    def send_again_button(self, obj):
        # Inside the change list's own form, which carries the CSRF token.
        return format_html(
            '<button type="submit" class="button" formmethod="post" '
            'formaction="{}">Send again</button>',
            reverse("admin:api_delivery_send_again", args=[obj.pk]),
        )

    def send_again_view(self, request, pk):
        if not self.has_send_permission(request):
            raise PermissionDenied
        get_object_or_404(Delivery, pk=pk).send_again()
        self.message_user(request, SENT_AGAIN, messages.SUCCESS)
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = reverse("admin:api_delivery_change", args=[pk])
        return HttpResponseRedirect(back)

    @admin.action(description=_("Send selected deliveries again"), permissions=["send"])
    def send_again_selected(self, request, queryset):
        for delivery in queryset:
            delivery.send_again()
        self.message_user(
            request, f"{queryset.count()} deliveries queued again.", messages.SUCCESS
        )
