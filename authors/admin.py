"""The correspondents' admin, with their links and previous outlets."""

from django.contrib import admin

from authors.forms import CorrespondentAdminForm
from authors.models import Correspondent, PreviousOutlet, ProfileLink
from blocks.inlines import LabelledTabularInline

EDITS_PROFILES = "authors.change_correspondent"


class ProfileLinkInline(LabelledTabularInline):
    model = ProfileLink
    extra = 1


class PreviousOutletInline(LabelledTabularInline):
    """Part of the profile: whoever may edit the profile may edit these."""

    model = PreviousOutlet
    extra = 1
    fields = ["outlet", "start_year", "end_year", "order"]
    verbose_name = "previous outlet"

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("authors.view_correspondent")

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm(EDITS_PROFILES)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(EDITS_PROFILES)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(EDITS_PROFILES)


@admin.register(Correspondent)
class CorrespondentAdmin(admin.ModelAdmin):
    form = CorrespondentAdminForm
    list_display = ["name", "job_title", "based_in", "user"]
    search_fields = ["name", "job_title", "beat", "based_in"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    inlines = [PreviousOutletInline, ProfileLinkInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "job_title", "photo"]}),
        (
            "Profile",
            {
                "fields": [
                    "beat",
                    "based_in",
                    "languages",
                    "experience",
                    "education",
                    "bio",
                ]
            },
        ),
        (
            "Private",
            {
                "fields": ["email", "user"],
                "description": "Never shown on the public site.",
            },
        ),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.actor = request.user  # a new class on every call: this request's
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not Correspondent.may_link_accounts(request.user):
            fields.append("user")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.contact_visible_to(request.user):
            return fieldsets
        return [
            (
                name,
                {**options, "fields": [f for f in options["fields"] if f != "email"]},
            )
            for name, options in fieldsets
        ]
