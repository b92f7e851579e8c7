from django.contrib import admin
from django.contrib.admin import widgets
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from petitions.admin import reports
from petitions.admin.paper import PaperImportsAdminMixin
from petitions.models import Demand, Petition
from sitewide.admin_display import badge, short_datetime
from sitewide.admin_preview import MarkdownPreviewMixin
from sitewide.admin_translation import (
    TranslatedAdmin,
    TranslatedTabularInline,
    by_language,
    in_every_language,
)

# Text boxes as tall as what they usually hold, so that the form's sections fit the screen.
TEXT_ROWS = {"introduction": 5, "body": 10, "thank_you_text": 3}


class DemandInline(TranslatedTabularInline):
    model = Demand
    extra = 1
    fields = [*by_language("text"), "order"]
    # A demand is a sentence or two: a box that shows it whole.
    formfield_overrides = {
        models.CharField: {"widget": widgets.AdminTextareaWidget(attrs={"rows": 2})}
    }


@admin.register(Petition)
class PetitionAdmin(PaperImportsAdminMixin, MarkdownPreviewMixin, TranslatedAdmin):
    list_display = ["title", "status_badge", "language", "campaign", "counter", "goal", "opens"]
    list_filter = ["status", "language", "is_demo"]
    search_fields = [*in_every_language("title", "target"), "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [DemandInline]
    readonly_fields = ["confirmed_count", "paper_count"]
    save_on_top = True
    markdown_fields = ["introduction", "body", "thank_you_text"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("campaign", "status"),
                    "language",
                    by_language("title"),
                    "slug",
                    by_language("target"),
                ]
            },
        ),
        (_("Texts"), {"fields": [by_language("introduction"), by_language("body")]}),
        (
            _("Counter and goal"),
            {"fields": [("goal", "goal_steps_up"), ("offset", "confirmed_count", "paper_count")]},
        ),
        (_("Dates"), {"fields": [("opens_at", "closes_at")]}),
        (
            _("Sharing and after signing"),
            {
                "fields": [
                    by_language("share_text"),
                    by_language("thank_you_text"),
                    by_language("next_action_text"),
                    "next_action_url",
                ]
            },
        ),
        (_("Demo"), {"fields": ["is_demo"], "classes": ["collapse"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in TEXT_ROWS:
            kwargs["widget"] = widgets.AdminTextareaWidget(attrs={"rows": TEXT_ROWS[db_field.name]})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, petition):
        return badge(petition.status, petition.get_status_display())

    @admin.display(description=_("signatures"))
    def counter(self, petition):
        return petition.signature_count

    @admin.display(description=_("opens"), ordering="opens_at")
    def opens(self, petition):
        return short_datetime(petition.opens_at)

    def get_urls(self):
        views = [
            ("export/", self.export_view, "export"),
            ("statistics/", self.statistics_view, "statistics"),
            ("statistics/countries.csv", self.countries_csv_view, "statistics_countries"),
            ("statistics/days.csv", self.days_csv_view, "statistics_days"),
        ]
        return [
            *(
                path(
                    f"<int:pk>/{route}",
                    self.admin_site.admin_view(view),
                    name=f"petitions_petition_{name}",
                )
                for route, view, name in views
            ),
            *super().get_urls(),
        ]

    def _petition_for(self, request, pk):
        petition = get_object_or_404(Petition, pk=pk)
        if not self.has_view_permission(request, petition):
            raise PermissionDenied
        return petition

    def export_view(self, request, pk):
        """Stream the confirmed signatures as CSV, for delivery to the target."""
        return reports.signatures_csv(self._petition_for(request, pk))

    def countries_csv_view(self, request, pk):
        return reports.countries_csv(self._petition_for(request, pk))

    def days_csv_view(self, request, pk):
        return reports.days_csv(self._petition_for(request, pk))

    def statistics_view(self, request, pk):
        petition = self._petition_for(request, pk)
        counts = reports.by_day(petition)
        chart, first_day, last_day = reports.day_chart(petition, counts)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "petition": petition,
            "title": _("Signatures by country and by day"),
            "subtitle": petition.title,
            "by_country": reports.by_country(petition),
            "by_day": sorted(counts.items(), reverse=True),
            "confirmed": sum(counts.values()),
            "chart": chart,
            "first_day": first_day,
            "last_day": last_day,
        }
        return TemplateResponse(request, "admin/petitions/petition_statistics.html", context)
