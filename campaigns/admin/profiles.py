from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from campaigns import photos
from campaigns.admin.letters import PostcardDesignInline, PrisonAddressInline
from campaigns.models import Campaign, CaseUpdate, TimelineEntry
from sitewide import artwork
from sitewide.admin_preview import MarkdownPreviewMixin
from sitewide.admin_translation import (
    MainLanguageForm,
    TranslatedAdmin,
    TranslatedStackedInline,
    by_language,
    in_every_language,
)


class TimelineEntryInline(TranslatedStackedInline):
    model = TimelineEntry
    extra = 0
    fields = [
        ("starts_on", "ends_on", "precision"),
        "sort_date",
        by_language("title"),
        by_language("text"),
        "sources",
    ]


class CampaignAdminForm(MainLanguageForm):
    class Meta:
        model = Campaign
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One clear message for any wrong colour (clean_colour), not a count of characters.
        self.fields["colour"].validators = []

    def clean_colour(self):
        """A colour as the validator wants it: lower case, with its # added if left out; the
        default when left empty."""
        colour = self.cleaned_data["colour"].lower() or artwork.DEFAULT_COLOUR
        colour = colour if colour.startswith("#") else f"#{colour}"
        artwork.validate_colour(colour)
        return colour

    def clean_portrait(self):
        """A new portrait goes through the same cleaning as public photos: no EXIF, no GPS."""
        portrait = self.cleaned_data.get("portrait")
        if isinstance(portrait, UploadedFile):
            return photos.clean_photo(portrait).image
        return portrait


@admin.register(Campaign)
class CampaignAdmin(MarkdownPreviewMixin, TranslatedAdmin):
    form = CampaignAdminForm
    markdown_fields = ["charges", "biography", "letter_rules"]
    markdown_inline_fields = {"timeline": ("text", "title")}
    preview_title_field = "name"
    list_display = ["portrait_thumbnail", "name", "status", "is_published", "order", "is_demo"]
    list_display_links = ["portrait_thumbnail", "name"]
    list_editable = ["is_published", "order"]
    list_filter = ["is_published", "status", "is_demo"]
    search_fields = in_every_language("name", "summary", "organiser_name")
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TimelineEntryInline, PrisonAddressInline, PostcardDesignInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "language",
                    by_language("name"),
                    "slug",
                    by_language("summary"),
                    "status",
                    "facts_checked_on",
                    "is_published",
                    "order",
                ]
            },
        ),
        (_("Portrait"), {"fields": ["portrait", by_language("portrait_alt")]}),
        (_("Poster and share images"), {"fields": [by_language("slogan"), "colour"]}),
        (
            _("Detention"),
            {
                "fields": [
                    ("detained_on", "detained_on_precision"),
                    "detention_ended_on",
                    "time_zone",
                    by_language("place_of_detention"),
                    by_language("charges"),
                    by_language("sentence"),
                ]
            },
        ),
        (_("Biography"), {"fields": [by_language("biography")]}),
        (
            _("Organising group"),
            {"fields": [by_language("organiser_name"), "organiser_email", "organiser_url"]},
        ),
        (_("Messages of solidarity"), {"fields": ["accepts_messages"]}),
        (
            _("How to help"),
            {
                "fields": [
                    "accepts_letters",
                    "letter_language",
                    by_language("letter_rules"),
                    "birthday",
                    "donation_url",
                    "channel_url",
                ],
                "description": _(
                    "Optional. The postal address for letters and the postcard designs are "
                    "below the page."
                ),
            },
        ),
        (_("Demo"), {"fields": ["is_demo"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("portrait"))
    def portrait_thumbnail(self, campaign):
        if not campaign.portrait:
            return "—"
        return format_html(
            '<img src="{}" alt="" class="admin-portrait-thumbnail">',
            campaign.portrait.url,
        )


class UpdateStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return CaseUpdate.Status.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case CaseUpdate.Status.DRAFT:
                return queryset.filter(publish_at__isnull=True)
            case CaseUpdate.Status.SCHEDULED:
                return queryset.filter(publish_at__gt=now)
            case CaseUpdate.Status.PUBLISHED:
                return queryset.filter(publish_at__lte=now)
        return queryset


@admin.register(CaseUpdate)
class CaseUpdateAdmin(MarkdownPreviewMixin, TranslatedAdmin):
    markdown_fields = ["body"]
    list_display = ["title", "campaign", "publish_at", "status_label"]
    list_filter = [UpdateStatusFilter, "campaign"]
    list_select_related = ["campaign"]
    search_fields = in_every_language("title", "summary", "body")
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "publish_at"
    fields = [
        "campaign",
        by_language("title"),
        "slug",
        by_language("summary"),
        by_language("body"),
        "publish_at",
    ]

    @admin.display(description=_("status"))
    def status_label(self, update):
        return update.status().label
