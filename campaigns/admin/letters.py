"""Letters in the admin: the postal addresses and postcard designs on a campaign's page, and
the moderation list of letters with its PDF batch, "mark as posted", replies and emails."""

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from campaigns import letter_emails, letter_pdf, moderation, photos
from campaigns.admin.moderated import DECISIONS, ModerationAdmin
from campaigns.models import Letter, Moderation, PostcardDesign, PrisonAddress
from sitewide.admin_filters import CountryFilter
from sitewide.admin_translation import TranslatedStackedInline, by_language


class PrisonAddressInline(admin.TabularInline):
    model = PrisonAddress
    extra = 0
    fields = ["address", "valid_from"]


class PostcardDesignForm(forms.ModelForm):
    def clean_image(self):
        """A design goes through the photos' cleaning: re-encoded, no metadata."""
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            self.cleaned = photos.clean_photo(image)
            return self.cleaned.image
        return image

    def save(self, commit=True):
        design = super().save(commit=False)
        cleaned = getattr(self, "cleaned", None)
        if cleaned is not None:
            design.thumbnail.save(cleaned.thumbnail.name, cleaned.thumbnail, save=False)
        if commit:
            design.save()
        return design


class PostcardDesignInline(TranslatedStackedInline):
    model = PostcardDesign
    form = PostcardDesignForm
    extra = 0
    fields = ["image", by_language("title"), "order"]


class PostedFilter(admin.SimpleListFilter):
    title = _("posted")
    parameter_name = "posted"

    def lookups(self, request, model_admin):
        return [("yes", _("Posted")), ("no", _("Not posted yet"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(posted_at__isnull=self.value() == "no")
        return queryset


@admin.register(Letter)
class LetterAdmin(ModerationAdmin):
    list_display = ["kind", "name", "country", "excerpt", "campaign", "status_badge", "posted"]
    list_display_links = ["kind", "name"]
    list_filter = ["status", PostedFilter, "kind", "campaign", ("country", CountryFilter)]
    list_select_related = ["campaign"]
    search_fields = ["name", "text", "email"]
    actions = ["approve", "reject", "export_pdf", "mark_posted", "send_unsent_emails"]
    # An approved letter is not published: it goes to the prison (only an excerpt may show).
    decisions = {
        **DECISIONS,
        Moderation.APPROVED: (
            moderation.approve,
            _("Approved: to be printed and posted."),
            _("“%(item)s” is approved: it will be printed and posted."),
            DECISIONS[Moderation.APPROVED][3],
        ),
    }
    readonly_fields = [
        "campaign",
        "language",
        "submitted_at",
        "reviewed_at",
        "rejection_sent_at",
        "posted_at",
        "reply_sent_at",
    ]
    fields = [
        "campaign",
        "status",
        ("kind", "design"),
        "text",
        ("name", "country"),
        ("email", "language"),
        ("reply_by_email", "show_on_wall"),
        ("submitted_at", "reviewed_at", "posted_at"),
        ("rejection_reason", "rejection_sent_at"),
        ("reply", "reply_sent_at"),
    ]

    @admin.action(description=_("Approve: print and post"), permissions=["change"])
    def approve(self, request, queryset):
        return super().approve(request, queryset)

    def has_add_permission(self, request):
        # Letters come through the public form, which checks them.
        return False

    @admin.display(description=_("posted"), boolean=True, ordering="posted_at")
    def posted(self, letter):
        return letter.posted_at is not None

    @admin.display(description=_("text"))
    def excerpt(self, letter):
        return format_html("<span dir=auto>{}</span>", letter.excerpt)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._send_owed(request, Letter.objects.filter(pk=obj.pk))

    def decide(self, request, submissions, status):
        changed = super().decide(request, submissions, status)
        if status == Moderation.REJECTED:
            self._send_owed(request, submissions)
        return changed

    def _send_owed(self, request, letters):
        """Queue the rejections and replies still owed for `letters`; say which could not go."""
        sent = failed = 0
        for email_task, letter_id in letter_emails.unsent(letters):
            if letter_emails.queue(email_task, letter_id):
                sent += 1
            else:
                failed += 1
        if sent:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email to a writer sent.", "%(count)d emails to writers sent.", sent
                )
                % {"count": sent},
                messages.SUCCESS,
            )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d email to a writer could not be sent now. It is kept as unsent: "
                    "try again later with the action “Send unsent emails again”.",
                    "%(count)d emails to writers could not be sent now. They are kept as "
                    "unsent: try again later with the action “Send unsent emails again”.",
                    failed,
                )
                % {"count": failed},
                messages.ERROR,
            )

    @admin.action(description=_("Print approved letters (PDF)"), permissions=["view"])
    def export_pdf(self, request, queryset):
        letters = queryset.approved().select_related("campaign", "design").order_by("submitted_at")
        if not letters:
            self.message_user(
                request, gettext("Choose approved letters to print."), messages.WARNING
            )
            return None
        response = HttpResponse(letter_pdf.batch(letters), content_type="application/pdf")
        name = f"letters-{timezone.localdate().isoformat()}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @admin.action(description=_("Mark as posted"), permissions=["change"])
    def mark_posted(self, request, queryset):
        count = queryset.approved().filter(posted_at__isnull=True).update(posted_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d letter marked as posted.", "%(count)d letters marked as posted.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Send unsent emails again"), permissions=["change"])
    def send_unsent_emails(self, request, queryset):
        if not letter_emails.unsent(queryset):
            self.message_user(request, gettext("No email is waiting to be sent."), messages.INFO)
        self._send_owed(request, queryset)
