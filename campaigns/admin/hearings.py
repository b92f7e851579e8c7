from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaigns.models import Hearing
from sitewide.admin_translation import TranslatedAdmin, by_language, in_every_language


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        match self.value():
            case "upcoming":
                return queryset.upcoming()
            case "past":
                return queryset.past()
        return queryset


@admin.register(Hearing)
class HearingAdmin(TranslatedAdmin):
    list_display = ["starts_on", "start_time", "court", "campaign", "public_access", "is_published"]
    list_display_links = ["starts_on", "court"]
    list_filter = [WhenFilter, "campaign", "is_published", "public_access"]
    list_select_related = ["campaign"]
    search_fields = in_every_language("court", "subject", "outcome")
    date_hierarchy = "starts_at"
    ordering = ["-starts_at", "-pk"]
    fields = [
        "campaign",
        ("starts_on", "start_time", "time_zone"),
        by_language("court"),
        by_language("courtroom"),
        by_language("address"),
        by_language("subject"),
        "public_access",
        by_language("outcome"),
        "is_published",
    ]
