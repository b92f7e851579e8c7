import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from campaigns import photos
from campaigns.dates import time_zone_choices
from campaigns.models import LocalAction, Photo, SolidarityMessage
from campaigns.models.messages import MESSAGE_MAX_LENGTH
from sitewide import links_in_text, text
from sitewide.countries import CountrySelect, countries_to_choose
from sitewide.form_guard import GuardedForm

COUNTRY_PLACEHOLDER = _("Choose your country")

# A local action belongs to the event's day, give or take a week (a rally the weekend before).
ACTION_DAYS_AROUND_EVENT = datetime.timedelta(days=7)


class LocalActionForm(forms.ModelForm):
    """ "Join with your own action": what a supporter tells about the action they organise."""

    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = LocalAction
        fields = [
            "country",
            "city",
            "place",
            "starts_on",
            "start_time",
            "time_zone",
            "description",
            "link",
            "organiser_name",
            "public_contact",
            "contact_is_public",
            "submitter_email",
        ]
        # Free text is stripped of hidden characters; addresses holding any are refused.
        field_classes = {
            "city": text.OneLineTextField,
            "place": text.OneLineTextField,
            "description": text.MultilineTextField,
            "link": text.LinkField,
            "organiser_name": text.OneLineTextField,
            "public_contact": text.OneLineTextField,
            "submitter_email": text.EmailAddressField,
        }
        widgets = {
            "country": CountrySelect,
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    @staticmethod
    def is_open_for(event):
        return event.accepts_actions and not event.is_over()

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.fields["country"].choices = countries_to_choose(COUNTRY_PLACEHOLDER)
        self.fields["starts_on"].initial = event.starts_on
        self.fields["starts_on"].widget.attrs.update(
            min=(event.starts_on - ACTION_DAYS_AROUND_EVENT).isoformat(),
            max=(event.starts_on + ACTION_DAYS_AROUND_EVENT).isoformat(),
        )
        self.fields["time_zone"].initial = event.time_zone
        self.fields["submitter_email"].widget.attrs["autocomplete"] = "email"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        event_day = self.instance.event.starts_on
        first, last = event_day - ACTION_DAYS_AROUND_EVENT, event_day + ACTION_DAYS_AROUND_EVENT
        if not first <= starts_on <= last:
            raise forms.ValidationError(
                _("Choose a date within a week of the event: from %(first)s to %(last)s."),
                code="far_from_event",
                params={
                    "first": date_format(first, "DATE_FORMAT"),
                    "last": date_format(last, "DATE_FORMAT"),
                },
            )
        return starts_on

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("public_contact") and not cleaned_data.get("contact_is_public"):
            self.add_error(
                "contact_is_public",
                _("Tick this box to publish your contact, or leave the contact empty."),
            )
        return cleaned_data


class PhotoForm(forms.ModelForm):
    """The photo action: a supporter's photo with the poster, checked and cleaned on upload."""

    image = forms.FileField(
        label=_("Your photo"),
        help_text=_("JPEG, PNG or WebP. Location data and other metadata are removed."),
        widget=forms.FileInput(attrs={"accept": photos.ACCEPT}),
        error_messages={"required": _("Choose the photo to send.")},
    )

    field_order = ["image"]

    class Meta:
        model = Photo
        # The image is not a model field here: only the cleaned copy is ever stored.
        fields = ["city", "country", "name", "caption", "consent"]
        widgets = {"country": CountrySelect}
        field_classes = {
            "city": text.OneLineTextField,
            "name": text.OneLineTextField,
            "caption": text.OneLineTextField,
        }

    @staticmethod
    def is_open_for(event):
        return event.accepts_photos

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.fields["country"].choices = countries_to_choose(COUNTRY_PLACEHOLDER)
        self.fields["consent"].required = True
        self.fields["consent"].label = _("I agree that this photo is published on this site.")
        self.fields["consent"].error_messages["required"] = _(
            "We can only publish your photo with your consent."
        )
        self.clean_photo_result = None

    def clean_image(self):
        upload = self.cleaned_data["image"]
        self.clean_photo_result = photos.clean_photo(upload)
        return upload

    def save(self, commit=True):
        """Store the cleaned JPEG and its thumbnail, never the uploaded file itself."""
        photo = super().save(commit=False)
        result = self.clean_photo_result
        photo.image.save(result.image.name, result.image, save=False)
        photo.thumbnail.save(result.thumbnail.name, result.thumbnail, save=False)
        photo.width, photo.height = result.width, result.height
        if commit:
            photo.save()
        return photo


class SolidarityMessageForm(GuardedForm, forms.ModelForm):
    """A message of solidarity: a name or pseudonym, a country and a few words, no links."""

    message = text.MultilineTextField(
        label=_("Your message"),
        help_text=format_lazy(
            _("At most {count} characters, without links."),
            count=MESSAGE_MAX_LENGTH,
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your message.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that my message is published on this site with my name and country."),
        error_messages={"required": _("We can only publish your message with your agreement.")},
    )

    class Meta:
        model = SolidarityMessage
        fields = ["name", "country", "message"]
        field_classes = {"name": text.OneLineTextField}
        labels = {"name": _("Your name or a pseudonym")}
        widgets = {"country": CountrySelect}
        error_messages = {
            "name": {"required": _("Enter your name or a pseudonym.")},
            "country": {
                "required": _("Choose your country."),
                "invalid_choice": _("Choose your country."),
            },
        }

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, guard_scope=f"messages.{campaign.pk}", **kwargs)
        self.instance.campaign = campaign
        self.fields["country"].choices = countries_to_choose(COUNTRY_PLACEHOLDER)
        self.fields["name"].widget.attrs["autocomplete"] = "nickname"

    def clean_name(self):
        name = self.cleaned_data["name"]
        if "<" in name or ">" in name:
            raise forms.ValidationError(
                _("A name cannot hold the signs < or >."), code="angle_brackets"
            )
        _refuse_links(name, _("A name cannot hold links or web addresses (“%(link)s”)."))
        return name

    def clean_message(self):
        message = self.cleaned_data["message"]
        # Counted as stored: a line break is one character, invisible characters none.
        if len(message) > MESSAGE_MAX_LENGTH:
            raise forms.ValidationError(
                _("Your message has %(length)d characters; please shorten it to %(max)d at most."),
                code="too_long",
                params={"length": len(message), "max": MESSAGE_MAX_LENGTH},
            )
        _refuse_links(
            message,
            _("Messages cannot hold links or web addresses: please remove “%(link)s”."),
            domain_error=_(
                "Messages cannot hold links or web addresses: please remove “%(link)s”. If it "
                "is the end of a sentence, add a space after the full stop."
            ),
        )
        return message


def _refuse_links(value, error, domain_error=None):
    link = links_in_text.find_link(value)
    if link:
        if domain_error and links_in_text.is_bare_domain(link):
            error = domain_error
        raise forms.ValidationError(error, code="link", params={"link": link[:80]})
