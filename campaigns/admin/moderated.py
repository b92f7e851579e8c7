"""The base of the moderation lists (local actions, photos): pending first, an Approve and a
Reject button on each row, bulk actions, and every decision in the admin's history."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from campaigns import moderation
from campaigns.models import Moderation
from sitewide.admin_display import badge
from sitewide.admin_filters import CountryFilter

# For each decision: the service that makes it, what the history says, and what the organiser
# reads once it is done or when it had been made already.
DECISIONS = {
    Moderation.APPROVED: (
        moderation.approve,
        _("Approved: published on the site."),
        _("“%(item)s” is approved: it is on the site now."),
        _("“%(item)s” was already approved."),
    ),
    Moderation.REJECTED: (
        moderation.reject,
        _("Rejected: kept off the site."),
        _("“%(item)s” is rejected: it stays off the site."),
        _("“%(item)s” was already rejected."),
    ),
}


class ModerationAdmin(admin.ModelAdmin):
    """A moderation queue: pending submissions first, approved or rejected one by one or in
    bulk, each decision logged in the admin's history."""

    actions = ["approve", "reject"]
    decisions = DECISIONS
    list_filter = ["status", "event", ("country", CountryFilter)]
    list_select_related = ["event"]
    date_hierarchy = "submitted_at"
    # Adds the list's address to the list's form, for the row buttons to come back to.
    change_list_template = "admin/moderation_change_list.html"

    ordering = [
        Case(When(status=Moderation.PENDING, then=Value(0)), default=Value(1)).asc(),
        "-submitted_at",
    ]

    def get_list_display(self, request):
        if self.has_change_permission(request):
            return [*self.list_display, "moderation_buttons"]
        return self.list_display

    def _url_name(self, view):
        return f"{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/approve/",
                self.admin_site.admin_view(self.decide_view),
                {"status": Moderation.APPROVED},
                name=self._url_name("approve"),
            ),
            path(
                "<path:object_id>/reject/",
                self.admin_site.admin_view(self.decide_view),
                {"status": Moderation.REJECTED},
                name=self._url_name("reject"),
            ),
            *super().get_urls(),
        ]

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            moderation.record_review(obj, obj.status)
        super().save_model(request, obj, form, change)

    def can_approve(self, submission):
        return submission.status != Moderation.APPROVED

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, submission):
        return badge(submission.status, submission.get_status_display())

    @admin.display(description=_("decision"))
    def moderation_buttons(self, submission):
        buttons = []
        if self.can_approve(submission):
            buttons.append(("approve", _("Approve")))
        if submission.status != Moderation.REJECTED:
            buttons.append(("reject", _("Reject")))
        if not buttons:
            return "–"
        # The buttons send the list's own form (and its CSRF token) to their address.
        return format_html_join(
            " ",
            '<button type="submit" class="button moderation-button moderation-button--{}" '
            'formaction="{}">{}<span class="visually-hidden">: {}</span></button>',
            (
                (
                    name,
                    reverse(f"admin:{self._url_name(name)}", args=[submission.pk]),
                    label,
                    submission,
                )
                for name, label in buttons
            ),
        )

    def decide_view(self, request, object_id, status):
        """One row's Approve or Reject button (a POST); back to the list it was clicked in."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        submission = self.get_object(request, unquote(object_id))
        if submission is None:
            raise Http404
        if not self.has_change_permission(request, submission):
            raise PermissionDenied
        changed = self.decide(request, self.model.objects.filter(pk=submission.pk), status)
        _decide, _logged, done, already = self.decisions[status]
        if changed:
            self.message_user(request, done % {"item": submission}, messages.SUCCESS)
        elif submission.status == status:
            self.message_user(request, already % {"item": submission}, messages.WARNING)
        else:
            self.message_user(
                request,
                gettext(
                    "“%(item)s” cannot be published: its files were deleted when it was rejected."
                )
                % {"item": submission},
                messages.WARNING,
            )
        return redirect(self._list_to_return_to(request))

    def decide(self, request, submissions, status):
        """Approve or reject `submissions` through campaigns.moderation; log each change in the
        admin's history. Returns how many changed."""
        decide, logged, _done, _already = self.decisions[status]
        candidates = [pk for pk, was in submissions.values_list("pk", "status") if was != status]
        decide(submissions)
        changed = list(self.model.objects.filter(pk__in=candidates, status=status))
        if changed:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=changed,
                action_flag=CHANGE,
                change_message=str(logged),
            )
        return len(changed)

    def _list_to_return_to(self, request):
        changelist = reverse(f"admin:{self._url_name('changelist')}")
        back = request.POST.get("next", "")
        if back.startswith(changelist) and url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return back
        return changelist

    @admin.action(description=_("Approve: publish on the site"), permissions=["change"])
    def approve(self, request, queryset):
        count = self.decide(request, queryset, Moderation.APPROVED)
        self.message_user(
            request,
            ngettext("%(count)d item approved.", "%(count)d items approved.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject: keep off the site"), permissions=["change"])
    def reject(self, request, queryset):
        count = self.decide(request, queryset, Moderation.REJECTED)
        self.message_user(
            request,
            ngettext("%(count)d item rejected.", "%(count)d items rejected.", count)
            % {"count": count},
            messages.SUCCESS,
        )
