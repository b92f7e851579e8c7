"""List filters shared by the apps' admins."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# Parameters of a list that a filter's own form must not carry over: the page number would
# point past the end of a shorter list.
NOT_KEPT = {"p"}


class CountryFilter(admin.FieldListFilter):
    """A country filter on one line: a drop-down list and a button, no script.

    Django's own filter lists every country as a link, which made list pages over 6,000 pixels
    tall. Works for any field with choices (a CountryField: `("country", CountryFilter)`).
    """

    template = "admin/filter_select.html"

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.lookup_kwarg = f"{field_path}__exact"
        super().__init__(field, request, params, model, model_admin, field_path)
        # "All countries" sends an empty value: no filter, rather than "no country".
        values = [value for value in self.used_parameters.pop(self.lookup_kwarg, []) if value]
        if values:
            self.used_parameters[self.lookup_kwarg] = values
        self.selected = values[-1] if values else ""
        self.kept_parameters = [
            (name, value)
            for name, values in request.GET.lists()
            if name not in NOT_KEPT and name != self.lookup_kwarg
            for value in values
        ]

    def expected_parameters(self):
        return [self.lookup_kwarg]

    def choices(self, changelist):
        yield {"value": "", "display": _("All countries"), "selected": not self.selected}
        for code, name in self.field.flatchoices:
            yield {"value": code, "display": name, "selected": code == self.selected}
