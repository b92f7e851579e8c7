from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.dates import time_zone_choices
from campaigns.models import LocalAction


class LocalActionForm(forms.ModelForm):
    """ "Join with your own action": what a supporter tells about the action they organise."""

    time_zone = forms.ChoiceField(label=_("time zone"), choices=time_zone_choices)

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
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.fields["starts_on"].initial = event.starts_on
        self.fields["time_zone"].initial = event.time_zone
        self.fields["submitter_email"].widget.attrs["autocomplete"] = "email"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("public_contact") and not cleaned_data.get("contact_is_public"):
            self.add_error(
                "contact_is_public",
                _("Tick this box to publish your contact, or leave the contact empty."),
            )
        return cleaned_data
