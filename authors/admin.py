from django.contrib import admin

from authors.models import Correspondent, ProfileLink


class ProfileLinkInline(admin.TabularInline):
    model = ProfileLink
    extra = 1


@admin.register(Correspondent)
class CorrespondentAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "based_in", "user"]
    search_fields = ["name", "job_title", "beat", "based_in"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]
    inlines = [ProfileLinkInline]
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
