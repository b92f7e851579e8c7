"""The read-only JSON API's addresses (/api/v1/), described by sitewide/openapi.json."""

from django.urls import path

from campaigns import api as campaigns_api
from petitions import api as petitions_api
from sitewide import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi, name="openapi"),
    path("petitions/", petitions_api.petition_list, name="petitions"),
    path("petitions/<slug:slug>/", petitions_api.petition_detail, name="petition"),
    path("campaigns/", campaigns_api.campaign_list, name="campaigns"),
    path("campaigns/<slug:slug>/", campaigns_api.campaign_detail, name="campaign"),
    path("updates/", campaigns_api.update_list, name="updates"),
    path("events/", campaigns_api.event_list, name="events"),
    path("<path:rest>", api.unknown, name="unknown"),
]
