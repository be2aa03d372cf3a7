"""The library's screens: thumbnails, search, the focal point, and the picker."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from library.forms import ImageForm
from library.models import Image

PICKER_PAGE = 20


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "caption_or_alt", "credit", "size", "uploaded_at"]
    list_display_links = ["caption_or_alt"]
    list_per_page = 40
    search_fields = ["alt", "caption", "credit", "original_name"]
    search_help_text = _("Words of the caption, alt text, credit or file name.")
    readonly_fields = [
        "focal_preview",
        "card_preview",
        "hero_ready",
        "uploaded",
        "used_in",
    ]
    list_select_related = ["uploaded_by"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [
                (None, {"fields": ["file", "kept_upload", "alt", "caption", "credit"]})
            ]
        return [
            (None, {"fields": ["file", "alt", "caption", "credit"]}),
            (
                _("Focal point"),
                {
                    "fields": [
                        "focal_preview",
                        ("focal_x", "focal_y"),
                        "card_preview",
                    ],
                    "description": _(
                        "Click the part of the picture that must stay in every "
                        "crop, or type where it is."
                    ),
                },
            ),
            (None, {"fields": ["hero_ready", "uploaded", "used_in"]}),
        ]

    # Columns and read-only parts ---------------------------------------------

    @admin.display(description=_("Image"))
    def thumbnail(self, obj):
        return format_html(
            '<img class="library-thumb" src="{}" alt="" width="120" height="68" '
            'loading="lazy">',
            obj.thumbnail_url(),
        )

    @admin.display(description=_("Caption or alt text"), ordering="caption")
    def caption_or_alt(self, obj):
        return obj.caption or obj.alt or obj.original_name

    @admin.display(description=_("Size"))
    def size(self, obj):
        label = f"{obj.width}×{obj.height}"
        if not obj.can_be_hero():
            return format_html("{} <small>(inside stories only)</small>", label)
        return label

    @admin.display(description=_("Where the focal point is"))
    def focal_preview(self, obj):
        return format_html(
            '<div class="library-focal" data-focal-x="{}" data-focal-y="{}">'
            '<img src="{}" alt="{}" width="{}" height="{}">'
            '<span class="library-focal__mark" aria-hidden="true"></span></div>',
            obj.focal_x,
            obj.focal_y,
            obj.preview_url(),
            obj.alt,
            obj.width,
            obj.height,
        )

    @admin.display(description=_("As story cards show it"))
    def card_preview(self, obj):
        return format_html(
            '<img class="library-card" src="{}" alt="" width="320" height="180">',
            obj.thumbnail_url(),
        )

    @admin.display(description=_("As a hero"))
    def hero_ready(self, obj):
        return obj.hero_warning() or _("Wide enough to be a story's hero.")

    @admin.display(description=_("Uploaded"))
    def uploaded(self, obj):
        who = obj.uploaded_by.get_username() if obj.uploaded_by else _("unknown")
        return format_html(
            "{} by {} (as {})",
            obj.uploaded_at.strftime("%d %b %Y"),
            who,
            obj.original_name or "—",
        )

    @admin.display(description=_("Used in"))
    def used_in(self, obj):
        uses = obj.uses()
        rows = [(a.headline, _("hero")) for a in uses["hero"]]
        rows += [(a.headline, _("inside the story")) for a in uses["body"]]
        if not rows:
            return _("No story yet.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{} ({})</li>", rows)
        )

    # Saving ------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if change and {"focal_x", "focal_y"} & set(form.changed_data):
            obj.make_crops()
        form.forget_kept()
        warning = obj.hero_warning()
        if warning:
            self.message_user(request, warning, messages.WARNING)

    @property
    def media(self):
        return super().media + forms.Media(
            js=["library/focal.js"], css={"screen": ["library/library.css"]}
        )

    # The picker ---------------------------------------------------------------

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="library_image_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """Library images matching ?term=, as JSON with thumbnails, for the
        story form's hero picker and the editor's image button."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        found = self.get_queryset(request).matching(request.GET.get("term", ""))
        try:
            number = max(1, int(request.GET.get("page") or 1))
        except ValueError:
            number = 1
        page = Paginator(found, PICKER_PAGE).get_page(number)
        return JsonResponse(
            {
                "results": [image.picker_facts() for image in page],
                "pagination": {"more": page.has_next()},
            }
        )
