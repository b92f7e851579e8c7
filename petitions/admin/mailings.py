"""Emails to the signers who asked: organisers write an update or a milestone email in each
language the petition has (or an update for a whole campaign), send it with the action, and
read its report."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from petitions import mailings
from petitions.models import Mailing
from sitewide.admin_display import short_datetime
from sitewide.admin_preview import MarkdownPreviewMixin
from sitewide.admin_translation import TranslatedAdmin, by_language

REFUSALS = {
    "already_started": _("“%(mailing)s” was already sent."),
    "milestones_off": _(
        "“%(mailing)s” is a milestone email, and milestone emails are off for its petition: "
        "turn them on in the petition first."
    ),
    "no_text": _("“%(mailing)s” has no subject in the main language of its petition or campaign."),
    "not_found": _("“%(mailing)s” no longer exists."),
}


@admin.register(Mailing)
class MailingAdmin(MarkdownPreviewMixin, TranslatedAdmin):
    list_display = ["__str__", "petition", "campaign", "kind", "sending", "report"]
    list_filter = ["kind", "campaign", "petition"]
    list_select_related = ["petition", "campaign"]
    markdown_fields = ["body"]
    preview_title_field = "subject"
    fields = ["petition", "campaign", "kind", by_language("subject"), by_language("body"), "report"]
    readonly_fields = ["report"]
    actions = ["send"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.sending_started_at is not None:
            # What went out stays as it went.
            return [
                "petition",
                "campaign",
                "kind",
                *by_language("subject"),
                *by_language("body"),
                "report",
            ]
        return self.readonly_fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":  # the goal reached is sent by itself (petitions.milestones)
            kwargs["choices"] = [
                choice for choice in Mailing.Kind.choices if choice[0] != Mailing.Kind.GOAL_REACHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("sending started"), ordering="sending_started_at")
    def sending(self, mailing):
        return short_datetime(mailing.sending_started_at) if mailing.sending_started_at else "–"

    @admin.display(description=_("report"))
    def report(self, mailing):
        if mailing.pk is None or mailing.sending_started_at is None:
            return _("Not sent yet.")
        counts = mailing.report()
        return (
            _(
                "Sent: %(sent)d · Failed: %(failed)d · Unsubscribed since: %(unsubscribed)d · "
                "Pending: %(pending)d · Skipped: %(skipped)d"
            )
            % counts
        )

    @admin.action(description=_("Send the selected emails to the signers"), permissions=["change"])
    def send(self, request, queryset):
        for mailing in queryset:
            try:
                count = mailings.start_sending(mailing_id=mailing.pk)
            except mailings.MailingError as error:
                message = REFUSALS.get(error.code, REFUSALS["not_found"])
                self.message_user(request, message % {"mailing": mailing}, messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "“%(mailing)s”: %(count)d email queued.",
                    "“%(mailing)s”: %(count)d emails queued.",
                    count,
                )
                % {"mailing": mailing, "count": count},
                messages.SUCCESS,
            )
