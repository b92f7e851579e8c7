from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from petitions import checks  # noqa: F401 - registers the deployment checks
