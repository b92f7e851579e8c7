from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from campaigns import moderation, posters
from campaigns.models import Event, LocalAction, Moderation
from sitewide.admin_preview import MarkdownPreviewMixin
from sitewide.admin_translation import (
    MainLanguageForm,
    TranslatedAdmin,
    by_language,
    in_every_language,
)

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


class EventAdminForm(MainLanguageForm):
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
class EventAdmin(MarkdownPreviewMixin, TranslatedAdmin):
    form = EventAdminForm
    markdown_fields = ["description", "call_to_action"]
    list_display = ["title", "campaign", "starts_on", "is_published", "pending_actions"]
    list_filter = ["is_published", "campaign"]
    list_select_related = ["campaign"]
    search_fields = in_every_language("title", "description")
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    inlines = [LocalActionInline]
    fields = [
        "campaign",
        by_language("title"),
        "slug",
        ("starts_on", "start_time", "time_zone"),
        by_language("description"),
        by_language("call_to_action"),
        "poster_headline",
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
