import datetime

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from campaigns import photos
from campaigns.dates import time_zone_choices
from campaigns.models import LocalAction, Photo
from sitewide import text
from sitewide.countries import CountrySelect, countries_to_choose

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
