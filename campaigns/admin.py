from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, TimelineEntry


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
