"""The moderation lists of what supporters send in: local actions and photos."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from campaigns.admin.events import LOCAL_ACTION_FIELDS
from campaigns.admin.moderated import ModerationAdmin
from campaigns.models import LocalAction, Photo
from sitewide.admin_display import short_date


@admin.register(LocalAction)
class LocalActionAdmin(ModerationAdmin):
    list_display = ["city", "country", "place", "date", "event", "status_badge"]
    search_fields = ["city", "place", "organiser_name", "submitter_email", "description"]
    readonly_fields = ["submitted_at", "reviewed_at"]
    fields = ["event", *LOCAL_ACTION_FIELDS, ("submitted_at", "reviewed_at")]

    @admin.display(description=_("date"), ordering="starts_on")
    def date(self, action):
        return short_date(action.starts_on)


@admin.register(Photo)
class PhotoAdmin(ModerationAdmin):
    list_display = [
        "thumbnail_preview",
        "city",
        "country",
        "caption_and_name",
        "event",
        "status_badge",
    ]
    list_display_links = ["thumbnail_preview", "city"]
    search_fields = ["city", "name", "caption"]
    readonly_fields = ["large_preview", "width", "height", "submitted_at", "reviewed_at"]
    fields = [
        "large_preview",
        "event",
        "status",
        ("city", "country"),
        "name",
        "caption",
        "consent",
        ("width", "height"),
        ("submitted_at", "reviewed_at"),
    ]

    def has_add_permission(self, request):
        # Photos come through the public form, which cleans them; never straight in here.
        return False

    def can_approve(self, photo):
        # A rejected photo's files are deleted: nothing left to publish.
        return super().can_approve(photo) and bool(photo.image)

    @admin.display(description=_("caption"), ordering="caption")
    def caption_and_name(self, photo):
        if not photo.name:
            return photo.caption or "–"
        return format_html("{}<br><small>{}</small>", photo.caption or "–", photo.name)

    @admin.display(description=_("photo"))
    def thumbnail_preview(self, photo):
        if not photo.thumbnail:
            return _("deleted on rejection")
        return format_html(
            '<img src="{}" alt="{}" class="admin-photo-thumbnail">',
            photo.thumbnail.url,
            photo.alt_text,
        )

    @admin.display(description=_("photo"))
    def large_preview(self, photo):
        if not photo.image:
            return _("deleted on rejection")
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" class="admin-photo-preview"></a>',
            photo.image.url,
            photo.thumbnail.url,
            photo.alt_text,
        )
