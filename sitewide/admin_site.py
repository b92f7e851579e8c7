"""The organisers' admin: Django's, under the site's name, opening on the dashboard.

INSTALLED_APPS lists `sitewide.apps.SolidarityAdminConfig` instead of "django.contrib.admin",
so every `@admin.register` in the apps lands on this site.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The menu shows what organisers use most first, in the order they use it; any other app or
# model follows in Django's alphabetical order.
MENU_ORDER = {
    "petitions": ["petition", "signature", "blockeddomain", "blockediprange"],
    "campaigns": ["campaign", "caseupdate", "event", "hearing", "localaction", "photo"],
}
# Names from third-party apps, in plain words.
MENU_NAMES = {
    "django_tasks_database": (_("Background work"), {"dbtaskresult": _("Email queue")}),
}


class SolidarityAdminSite(admin.AdminSite):
    index_title = _("Dashboard")
    # The header's menu (templates/admin/base_site.html) leaves the width to the lists.
    enable_nav_sidebar = False

    @property
    def site_header(self):
        return settings.SITE_NAME

    @property
    def site_title(self):
        return _("%(site)s organisers") % {"site": settings.SITE_NAME}

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        for app in apps:
            name, model_names = MENU_NAMES.get(app["app_label"], (app["name"], {}))
            app["name"] = name
            order = MENU_ORDER.get(app["app_label"], [])
            for model in app["models"]:
                model_name = model["object_name"].lower()
                model["name"] = model_names.get(model_name, model["name"])
            app["models"].sort(key=lambda model: _position(order, model["object_name"].lower()))
        apps.sort(key=lambda app: _position(list(MENU_ORDER), app["app_label"]))
        return apps

    def index(self, request, extra_context=None):
        from sitewide import admin_dashboard  # the models are loaded by now

        context = {**admin_dashboard.context(request), **(extra_context or {})}
        return super().index(request, extra_context=context)


def _position(order, name):
    """Where `name` comes in `order`; names not in it come after, keeping their order."""
    return order.index(name) if name in order else len(order)
