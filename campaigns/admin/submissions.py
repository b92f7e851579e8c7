from django.contrib import admin, messages
from django.db.models import Case, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns import moderation
from campaigns.admin.events import LOCAL_ACTION_FIELDS
from campaigns.models import LocalAction, Moderation, Photo


class ModerationAdmin(admin.ModelAdmin):
    """A moderation queue: pending submissions first, approved or rejected in bulk."""

    actions = ["approve", "reject"]
    list_filter = ["status", "event", "country"]
    list_select_related = ["event"]
    date_hierarchy = "submitted_at"

    ordering = [
        Case(When(status=Moderation.PENDING, then=Value(0)), default=Value(1)).asc(),
        "-submitted_at",
    ]

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            moderation.record_review(obj, obj.status)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Approve: publish on the site"), permissions=["change"])
    def approve(self, request, queryset):
        count = moderation.approve(queryset)
        self.message_user(
            request,
            ngettext("%(count)d item approved.", "%(count)d items approved.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject: keep off the site"), permissions=["change"])
    def reject(self, request, queryset):
        count = moderation.reject(queryset)
        self.message_user(
            request,
            ngettext("%(count)d item rejected.", "%(count)d items rejected.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(LocalAction)
class LocalActionAdmin(ModerationAdmin):
    list_display = ["city", "country", "place", "starts_on", "event", "status", "submitted_at"]
    search_fields = ["city", "place", "organiser_name", "submitter_email", "description"]
    readonly_fields = ["submitted_at", "reviewed_at"]
    fields = ["event", *LOCAL_ACTION_FIELDS, ("submitted_at", "reviewed_at")]


@admin.register(Photo)
class PhotoAdmin(ModerationAdmin):
    list_display = ["thumbnail_preview", "city", "country", "name", "caption", "event", "status"]
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
