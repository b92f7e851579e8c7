"""The moderation list of the messages of solidarity, and their printing."""

import io

from django.contrib import admin, messages
from django.http import FileResponse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns import message_printing
from campaigns.admin.moderated import ModerationAdmin
from campaigns.models import SolidarityMessage
from sitewide.admin_filters import CountryFilter


@admin.register(SolidarityMessage)
class SolidarityMessageAdmin(ModerationAdmin):
    actions = [*ModerationAdmin.actions, "mark_to_print", "unmark_to_print", "download_print_pdf"]
    list_display = ["excerpt", "name", "country", "campaign", "to_print", "status_badge"]
    list_filter = ["status", "to_print", "campaign", ("country", CountryFilter)]
    list_select_related = ["campaign"]
    search_fields = ["name", "message"]
    # Supporters' words are approved or not, never rewritten.
    readonly_fields = ["campaign", "name", "country", "message", "submitted_at", "reviewed_at"]
    fields = [
        "campaign",
        "status",
        "to_print",
        ("name", "country"),
        "message",
        ("submitted_at", "reviewed_at"),
    ]

    def has_add_permission(self, request):
        # Messages come through the public form, which checks them.
        return False

    @admin.display(description=_("message"))
    def excerpt(self, message):
        return Truncator(message.message).chars(80)

    @admin.action(description=_("Mark to print"), permissions=["change"])
    def mark_to_print(self, request, queryset):
        count = queryset.filter(to_print=False).update(to_print=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked to print.", "%(count)d messages marked to print.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unmark: do not print"), permissions=["change"])
    def unmark_to_print(self, request, queryset):
        count = queryset.filter(to_print=True).update(to_print=False)
        self.message_user(
            request,
            ngettext("%(count)d message unmarked.", "%(count)d messages unmarked.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Download the messages to print (PDF)"), permissions=["view"])
    def download_print_pdf(self, request, queryset):
        chosen = list(
            queryset.to_print()
            .select_related("campaign")
            .order_by("campaign__name", "campaign", "submitted_at", "pk")
        )
        if not chosen:
            self.message_user(
                request,
                _("None of the chosen messages is approved and marked to print."),
                messages.WARNING,
            )
            return None
        blanks = [message for message in chosen if message_printing.lacks_glyphs(message)]
        if blanks:
            self.message_user(
                request,
                _(
                    "The print font has no letters for some characters of these messages, "
                    "which print with blanks: copy them by hand: %(messages)s."
                )
                % {"messages": ", ".join(str(message) for message in blanks)},
                messages.WARNING,
            )
        filename = f"messages-of-solidarity-{timezone.localdate().isoformat()}.pdf"
        return FileResponse(
            io.BytesIO(message_printing.print_pdf(chosen)),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
