from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitewideConfig(AppConfig):
    """What belongs to the whole site rather than to campaigns or petitions.

    The home page and other site-wide pages, the demo loader, the shared template tags, the
    visitor's IP address and the site-wide deploy checks. It may import both apps; they import
    only its neutral modules (client_ip, views' error pages, template tags), never each other.
    """

    name = "sitewide"
    verbose_name = _("Site")

    def ready(self):
        from sitewide import checks  # noqa: F401 - registers the deployment checks
        from sitewide.page_cache import watch_content

        watch_content()
