from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Case, Count, Q, Value, When
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns import moderation, photos, posters
from campaigns.models import (
    Campaign,
    CaseUpdate,
    Event,
    LocalAction,
    Moderation,
    Photo,
    TimelineEntry,
)


class TimelineEntryInline(admin.StackedInline):
    model = TimelineEntry
    extra = 0
    fields = [("starts_on", "ends_on", "precision"), "sort_date", "title", "text", "sources"]


class CampaignAdminForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def clean_portrait(self):
        """A new portrait goes through the same cleaning as public photos: no EXIF, no GPS."""
        portrait = self.cleaned_data.get("portrait")
        if isinstance(portrait, UploadedFile):
            return photos.clean_photo(portrait).image
        return portrait


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignAdminForm
    list_display = ["portrait_thumbnail", "name", "status", "is_published", "order", "is_demo"]
    list_display_links = ["portrait_thumbnail", "name"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published", "status", "is_demo"]
    search_fields = ["name", "summary", "organiser_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TimelineEntryInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "status", "is_published", "order"]}),
        (_("Portrait"), {"fields": ["portrait", "portrait_alt"]}),
        (
            _("Detention"),
            {
                "fields": [
                    ("detained_on", "detained_on_precision"),
                    "detention_ended_on",
                    "time_zone",
                    "place_of_detention",
                    "charges",
                    "sentence",
                ]
            },
        ),
        (_("Biography"), {"fields": ["biography"]}),
        (_("Organising group"), {"fields": ["organiser_name", "organiser_email", "organiser_url"]}),
        (_("Demo"), {"fields": ["is_demo"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("portrait"))
    def portrait_thumbnail(self, campaign):
        if not campaign.portrait:
            return "—"
        return format_html(
            '<img src="{}" alt="" class="admin-portrait-thumbnail">',
            campaign.portrait.url,
        )


class UpdateStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return CaseUpdate.Status.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case CaseUpdate.Status.DRAFT:
                return queryset.filter(publish_at__isnull=True)
            case CaseUpdate.Status.SCHEDULED:
                return queryset.filter(publish_at__gt=now)
            case CaseUpdate.Status.PUBLISHED:
                return queryset.filter(publish_at__lte=now)
        return queryset


@admin.register(CaseUpdate)
class CaseUpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "campaign", "publish_at", "status_label"]
    list_filter = [UpdateStatusFilter, "campaign"]
    list_select_related = ["campaign"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "publish_at"
    fields = ["campaign", "title", "slug", "summary", "body", "publish_at"]

    @admin.display(description=_("status"))
    def status_label(self, update):
        return update.status().label


LOCAL_ACTION_FIELDS = [
    "status",
    ("country", "city"),
    "place",
    ("starts_on", "start_time", "time_zone"),
    "description",
    "link",
    ("organiser_name", "public_contact", "contact_is_public"),
    "submitter_email",
]


class LocalActionInline(admin.StackedInline):
    model = LocalAction
    extra = 0
    fields = LOCAL_ACTION_FIELDS


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = "__all__"  # noqa: DJ007 - the admin's fields choose what is shown

    def clean_poster(self):
        """A new poster must be what it claims; an image one loses its metadata."""
        poster = self.cleaned_data.get("poster")
        if isinstance(poster, UploadedFile):
            return posters.clean_poster(poster)
        return poster


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    list_display = ["title", "campaign", "starts_on", "is_published", "pending_actions"]
    list_filter = ["is_published", "campaign"]
    list_select_related = ["campaign"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    inlines = [LocalActionInline]
    fields = [
        "campaign",
        "title",
        "slug",
        ("starts_on", "start_time", "time_zone"),
        "description",
        "call_to_action",
        "poster",
        ("accepts_actions", "accepts_photos"),
        "is_published",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                pending_count=Count(
                    "local_actions", filter=Q(local_actions__status=Moderation.PENDING)
                )
            )
        )

    @admin.display(description=_("local actions to moderate"), ordering="pending_count")
    def pending_actions(self, event):
        return event.pending_count

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if "status" in inline_form.changed_data:
                moderation.record_review(inline_form.instance, inline_form.instance.status)
        super().save_formset(request, form, formset, change)


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
