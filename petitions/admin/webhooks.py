"""Webhooks in the admin: the endpoints (administrators only: they send signers' data out of
the site) and the log of every delivery and attempt."""

import json

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from petitions import webhooks
from petitions.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from petitions.models.webhooks import new_secret
from sitewide.admin_display import badge, short_datetime

HOW_TO_CHECK = _(
    "Each event is POSTed as JSON with the header <code>Solidarity-Signature: "
    "t=&lt;unix time&gt;,v1=&lt;signature&gt;</code>. To check that it comes from this site, "
    "compute HMAC-SHA256 of <code>&lt;t&gt;.&lt;body&gt;</code> (the time, a dot, and the body "
    "exactly as received) with the signing secret as key, compare it in constant time with "
    "<code>v1</code>, and refuse a <code>t</code> more than five minutes away from your "
    "clock. Answer 2xx within a few seconds; other answers are tried again after 1 minute, "
    "5, 30, 2 hours and 12 hours. The name and email of a signer are sent only when they "
    "asked to hear from the organiser. The README has a code example."
)


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=capfirst(pgettext_lazy("webhook", "events")),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["url", "description", "events", "is_active"]


class AdministratorsOnly:
    """Only superusers: an endpoint sends signers' names and addresses out of the site."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(AdministratorsOnly, admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["__str__", "url", "is_active", "event_list", "deliveries_link"]
    list_filter = ["is_active"]
    readonly_fields = ["secret", "created_at"]
    actions = ["new_secret"]
    fieldsets = [
        (None, {"fields": ["url", "description", "events", "is_active"]}),
        (_("Checking the requests"), {"fields": ["secret"], "description": HOW_TO_CHECK}),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # the secret is drawn on saving, then shown on the endpoint's page
            return [
                (None, self.fieldsets[0][1]),
                (_("Checking the requests"), {"fields": [], "description": HOW_TO_CHECK}),
            ]
        return self.fieldsets

    @admin.display(description=pgettext_lazy("webhook", "events"))
    def event_list(self, endpoint):
        labels = dict(WebhookEvent.choices)
        return ", ".join(str(labels.get(event, event)) for event in endpoint.events) or "–"

    @admin.display(description=_("deliveries"))
    def deliveries_link(self, endpoint):
        url = reverse("admin:petitions_webhookdelivery_changelist")
        return format_html('<a href="{}?endpoint__id__exact={}">{}</a>', url, endpoint.pk, _("log"))

    def response_add(self, request, obj, post_url_continue=None):
        """To the new endpoint's page, where its secret is shown to copy into the tool."""
        self.message_user(request, _("Copy the signing secret below into your tool."))
        return HttpResponseRedirect(
            reverse("admin:petitions_webhookendpoint_change", args=[obj.pk])
        )

    @admin.action(description=_("Generate a new signing secret"))
    def new_secret(self, request, queryset):
        for endpoint in queryset:
            endpoint.secret = new_secret()
            endpoint.save(update_fields=["secret"])
        self.message_user(
            request, _("New secrets generated: copy them into your tools."), messages.SUCCESS
        )


class WebhookAttemptInline(admin.TabularInline):
    model = WebhookAttempt
    fields = ["started_at", "status_code", "error_or_ok", "duration_ms", "next_retry_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("error"))
    def error_or_ok(self, attempt):
        if attempt.succeeded:
            return "–"
        return attempt.error or _("answered %(code)s") % {"code": attempt.status_code}


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(AdministratorsOnly, admin.ModelAdmin):
    list_display = [
        "event",
        "endpoint",
        "status_badge",
        "attempts",
        "last_error",
        "next_attempt",
        "created",
    ]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint"]
    search_fields = ["event_id"]
    fields = [
        "endpoint",
        "event",
        "event_id",
        "signature_id",
        "status",
        "attempts",
        "next_attempt_at",
        "created_at",
        "finished_at",
        "payload_shown",
    ]
    readonly_fields = fields
    inlines = [WebhookAttemptInline]
    actions = ["send_now"]

    # A log: read, never written by hand.
    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_send_permission(self, request):
        return request.user.is_superuser

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, delivery):
        return badge(delivery.status, delivery.get_status_display())

    @admin.display(description=_("last error"))
    def last_error(self, delivery):
        last = delivery.attempt_log.last()
        return (last.error if last else "") or "–"

    @admin.display(description=_("next attempt"), ordering="next_attempt_at")
    def next_attempt(self, delivery):
        return short_datetime(delivery.next_attempt_at)

    @admin.display(description=_("created"), ordering="created_at")
    def created(self, delivery):
        return short_datetime(delivery.created_at)

    @admin.display(description=_("payload"))
    def payload_shown(self, delivery):
        if not delivery.payload:
            return _("Erased once delivered, given up or cancelled.")
        return format_html("<pre>{}</pre>", json.dumps(delivery.payload, indent=2))

    @admin.action(description=_("Send the selected waiting deliveries now"), permissions=["send"])
    def send_now(self, request, queryset):
        count = webhooks.send_now(deliveries=queryset)
        self.message_user(
            request,
            ngettext("%d delivery queued.", "%d deliveries queued.", count) % count,
            messages.SUCCESS,
        )
