from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from campaigns.sitemaps import sitemaps as campaign_sitemaps
from petitions.sitemaps import sitemaps as petition_sitemaps
from sitewide import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {**campaign_sitemaps, **petition_sitemaps}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # The read-only JSON API: one address per resource, the language in ?lang= (sitewide/api.py).
    path("api/v1/", include("sitewide.api_urls")),
]

# Public pages: English at the root, other languages under their prefix (/fr/...).
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("campaigns/", include("campaigns.urls")),
    path("petitions/", include("petitions.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "sitewide.views.bad_request"
handler403 = "sitewide.views.permission_denied"
handler404 = "sitewide.views.page_not_found"
handler500 = "sitewide.views.server_error"
