from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, CaseUpdate, Event, LocalAction, TimelineEntry


class TimelineEntryInline(admin.StackedInline):
    model = TimelineEntry
    extra = 0
    fields = [("starts_on", "ends_on", "precision"), "sort_date", "title", "text", "sources"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "is_published", "order", "is_demo"]
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


class LocalActionInline(admin.StackedInline):
    model = LocalAction
    extra = 0
    fields = [
        "status",
        ("country", "city"),
        "place",
        ("starts_on", "start_time", "time_zone"),
        "description",
        "link",
        ("organiser_name", "public_contact", "contact_is_public"),
        "submitter_email",
    ]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "campaign", "starts_on", "is_published"]
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
