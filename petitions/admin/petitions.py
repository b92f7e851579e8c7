from django.contrib import admin
from django.contrib.admin import widgets
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from petitions import delivery_pack, widget
from petitions.admin import optins, reports
from petitions.admin.paper import PaperImportsAdminMixin
from petitions.models import Delivery, Demand, Petition
from sitewide.admin_display import badge, short_datetime
from sitewide.admin_preview import MarkdownPreviewMixin
from sitewide.admin_translation import (
    TranslatedAdmin,
    TranslatedTabularInline,
    by_language,
    in_every_language,
)

# Text boxes as tall as what they usually hold, so that the form's sections fit the screen.
TEXT_ROWS = {"introduction": 5, "body": 10, "thank_you_text": 3, "partner_origins": 3}


class DemandInline(TranslatedTabularInline):
    model = Demand
    extra = 1
    fields = [*by_language("text"), "order"]
    # A demand is a sentence or two: a box that shows it whole.
    formfield_overrides = {
        models.CharField: {"widget": widgets.AdminTextareaWidget(attrs={"rows": 2})}
    }


class DeliveryInline(admin.TabularInline):
    """The log of emails to the target (petitions.delivery): read only."""

    model = Delivery
    extra = 0
    fields = ["sent_at", "recipient", "signature_count", "names_included", "outcome", "error"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Petition)
class PetitionAdmin(PaperImportsAdminMixin, MarkdownPreviewMixin, TranslatedAdmin):
    list_display = ["title", "status_badge", "language", "campaign", "counter", "goal", "opens"]
    list_filter = ["status", "language", "is_demo"]
    search_fields = [*in_every_language("title", "target"), "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [DemandInline, DeliveryInline]

    def get_inlines(self, request, obj):
        # A petition being added has no deliveries to list.
        return self.inlines if obj else [DemandInline]

    readonly_fields = ["confirmed_count", "paper_count", "embed_snippets"]
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
        (_("Emails to signers"), {"fields": ["milestone_emails"]}),
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
        (
            _("Handover to the target"),
            {"fields": ["hand_over_names", ("target_email", "email_target_when_closed")]},
        ),
        (
            _("On partner sites"),
            {"fields": ["partner_origins", "partner_return_url", "embed_snippets"]},
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

    @admin.display(description=_("snippets to copy"))
    def embed_snippets(self, petition):
        if not petition.partner_origin_list:
            return _(
                "List a partner site above and save: until then no site may show the petition "
                "in a frame."
            )
        context = {"snippets": widget.snippets(petition)}
        return render_to_string("admin/petitions/embed_snippets.html", context)

    @admin.display(description=_("signatures"))
    def counter(self, petition):
        return petition.signature_count

    @admin.display(description=_("opens"), ordering="opens_at")
    def opens(self, petition):
        return short_datetime(petition.opens_at)

    def get_urls(self):
        views = [
            ("export/", self.export_view, "export"),
            ("optins.csv", self.optins_view, "optins"),
            ("delivery.pdf", self.delivery_pdf_view, "delivery_pdf"),
            ("delivery.csv", self.delivery_csv_view, "delivery_csv"),
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

    def optins_view(self, request, pk):
        """The opt-ins with their email addresses: only with the export permission."""
        if not request.user.has_perm(optins.PERMISSION):
            raise PermissionDenied
        return optins.optins_csv(self._petition_for(request, pk))

    def delivery_pdf_view(self, request, pk):
        pack = delivery_pack.gather(self._petition_for(request, pk))
        return _attachment(delivery_pack.pdf_bytes(pack), pack.filename("pdf"), "application/pdf")

    def delivery_csv_view(self, request, pk):
        pack = delivery_pack.gather(self._petition_for(request, pk))
        csv_type = "text/csv; charset=utf-8"
        return _attachment(delivery_pack.csv_text(pack), pack.filename("csv"), csv_type)

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


def _attachment(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
