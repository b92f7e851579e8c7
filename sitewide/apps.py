from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
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


class SolidarityAdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site (sitewide.admin_site): listed in INSTALLED_APPS instead of
    "django.contrib.admin"."""

    default = False  # SitewideConfig stays this module's app
    default_site = "sitewide.admin_site.SolidarityAdminSite"
