import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from petitions.models import Demand, Petition

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def spreadsheet_safe(value):
    """Make a cell inert in spreadsheets: a leading quote before anything formula-like."""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


class DemandInline(admin.TabularInline):
    model = Demand
    extra = 1
    fields = ["order", "text"]


@admin.register(Petition)
class PetitionAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "language", "campaign", "counter", "goal", "opens_at"]
    list_filter = ["status", "language", "is_demo"]
    search_fields = ["title", "target", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [DemandInline]
    readonly_fields = ["confirmed_count", "organiser_links"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "target", "campaign", "language", "status"]}),
        (_("Text"), {"fields": ["introduction", "body"]}),
        (_("Counter"), {"fields": ["goal", "goal_steps_up", "offset", "confirmed_count"]}),
        (_("Dates"), {"fields": ["opens_at", "closes_at"]}),
        (
            _("After signing"),
            {"fields": ["thank_you_text", "share_text", "next_action_text", "next_action_url"]},
        ),
        (_("Signatures"), {"fields": ["organiser_links", "is_demo"]}),
    ]

    @admin.display(description=_("signatures"))
    def counter(self, petition):
        return petition.signature_count

    @admin.display(description=_("Delivery and statistics"))
    def organiser_links(self, petition):
        if not petition.pk:
            return "-"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:petitions_petition_export", args=[petition.pk]),
            _("Download confirmed signatures (CSV)"),
            reverse("admin:petitions_petition_statistics", args=[petition.pk]),
            _("Signatures by country and by day"),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/export/",
                self.admin_site.admin_view(self.export_view),
                name="petitions_petition_export",
            ),
            path(
                "<int:pk>/statistics/",
                self.admin_site.admin_view(self.statistics_view),
                name="petitions_petition_statistics",
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
        petition = self._petition_for(request, pk)
        signatures = (
            petition.signatures.confirmed()
            .not_anonymised()
            .order_by("confirmed_at", "pk")
            .values_list("first_name", "last_name", "country", "postal_code", "confirmed_at")
        )
        writer = csv.writer(Echo())

        def rows():
            yield writer.writerow(
                [_("First name"), _("Last name"), _("Country"), _("Postal code"), _("Signed on")]
            )
            for first_name, last_name, country, postal_code, confirmed_at in signatures.iterator(
                chunk_size=2000
            ):
                yield writer.writerow(
                    [
                        spreadsheet_safe(first_name),
                        spreadsheet_safe(last_name),
                        country,
                        spreadsheet_safe(postal_code),
                        confirmed_at.date().isoformat() if confirmed_at else "",
                    ]
                )

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{petition.slug}-signatures.csv"'
        return response

    def statistics_view(self, request, pk):
        petition = self._petition_for(request, pk)
        confirmed = petition.signatures.confirmed()
        by_country = (
            confirmed.values("country").annotate(total=Count("pk")).order_by("-total", "country")
        )
        by_day = (
            confirmed.annotate(day=TruncDate("confirmed_at"))
            .values("day")
            .annotate(total=Count("pk"))
            .order_by("-day")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "petition": petition,
            "title": _("Signatures by country and by day"),
            "by_country": [
                {"country": countries.name(row["country"]) or row["country"], "total": row["total"]}
                for row in by_country
            ],
            "by_day": by_day,
        }
        return TemplateResponse(request, "admin/petitions/petition_statistics.html", context)
