from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from petitions import moderation
from petitions.models import Signature
from sitewide.admin_display import badge, short_datetime
from sitewide.admin_filters import CountryFilter


class ReviewQueueFilter(admin.SimpleListFilter):
    """The two queues of the dashboard: what the automatic layers flagged, until settled."""

    title = _("review queue")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("review", _("Kept for review")),
            ("spam", _("Kept as spam by the automatic checks")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "review":
                return queryset.kept_for_review()
            case "spam":
                return queryset.kept_as_spam()
        return queryset


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = [
        "signer",
        "petition",
        "country",
        "status_badge",
        "flagged_because",
        "signed_at",
    ]
    list_filter = [
        ReviewQueueFilter,
        "status",
        "review_reason",
        "petition",
        "language",
        "wants_updates",
        "show_publicly",
        ("country", CountryFilter),
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["first_name", "last_name", "email", "postal_code"]
    date_hierarchy = "created_at"
    list_select_related = ["petition"]
    # The email is the signer's identity (one signature per address): never edited by hand.
    readonly_fields = [
        "petition",
        "email",
        "status",
        "review_reason",
        "ip_hash",
        "created_at",
        "confirmed_at",
        "confirmation_sent_at",
        "anonymised_at",
        "unsubscribed_at",
    ]
    actions = ["confirm", "mark_spam", "restore"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("signer"), ordering="last_name")
    def signer(self, signature):
        return format_html("{}<br><small>{}</small>", signature, signature.email or "–")

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, signature):
        return badge(signature.status, signature.get_status_display())

    @admin.display(description=_("review reason"), ordering="review_reason")
    def flagged_because(self, signature):
        return signature.get_review_reason_display() if signature.review_reason else "–"

    @admin.display(description=_("signed"), ordering="created_at")
    def signed_at(self, signature):
        return short_datetime(signature.created_at)

    # Deleting (one, or in bulk with Django's own action) goes through the service, which
    # keeps the counter right.
    def delete_model(self, request, obj):
        moderation.delete_signatures(signatures=Signature.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        moderation.delete_signatures(signatures=queryset)

    def _set_status(self, request, queryset, status, done_message):
        changed = moderation.set_status(signatures=queryset, status=status)
        self.message_user(request, done_message(changed), messages.SUCCESS)

    @admin.action(description=_("Confirm the selected signatures"), permissions=["change"])
    def confirm(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Signature.Status.CONFIRMED,
            lambda n: ngettext("%d signature confirmed.", "%d signatures confirmed.", n) % n,
        )

    @admin.action(description=_("Mark the selected signatures as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Signature.Status.SPAM,
            lambda n: (
                ngettext("%d signature marked as spam.", "%d signatures marked as spam.", n) % n
            ),
        )

    @admin.action(description=_("Restore the selected spam signatures"), permissions=["change"])
    def restore(self, request, queryset):
        count = moderation.restore(signatures=queryset)
        self.message_user(
            request,
            ngettext(
                "%d signature restored: counted again if it had been confirmed, otherwise a "
                "confirmation email goes out.",
                "%d signatures restored: those that had been confirmed count again, the others "
                "get a confirmation email.",
                count,
            )
            % count,
            messages.SUCCESS,
        )
