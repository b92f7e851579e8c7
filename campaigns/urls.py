from django.urls import path

from campaigns import calendars, feeds, letter_views, message_views, views
from sitewide.page_cache import public_response

app_name = "campaigns"

urlpatterns = [
    path("updates/", views.update_list, name="updates"),
    path("updates/rss/", public_response(feeds.LatestUpdatesFeed()), name="updates_rss"),
    path("updates/atom/", public_response(feeds.LatestUpdatesAtomFeed()), name="updates_atom"),
    path("calendar.ics", calendars.site_calendar, name="calendar"),
    path("<slug:slug>/", views.campaign_detail, name="detail"),
    path("<slug:slug>/calendar.ics", calendars.campaign_calendar, name="campaign_calendar"),
    path("<slug:slug>/hearings/<int:pk>.ics", calendars.hearing_calendar, name="hearing_calendar"),
    path("<slug:slug>/share.png", views.share_image, name="share_image"),
    path("<slug:slug>/write/", letter_views.write, name="write"),
    path("<slug:slug>/write/thanks/", letter_views.write_thanks, name="write_thanks"),
    path("<slug:slug>/updates/", views.update_list, name="update_list"),
    path(
        "<slug:slug>/updates/rss/", public_response(feeds.CampaignUpdatesFeed()), name="update_rss"
    ),
    path(
        "<slug:slug>/updates/atom/",
        public_response(feeds.CampaignUpdatesAtomFeed()),
        name="update_atom",
    ),
    path("<slug:slug>/updates/<slug:update_slug>/", views.update_detail, name="update_detail"),
    path("<slug:slug>/events/<slug:event_slug>/", views.event_detail, name="event_detail"),
    path(
        "<slug:slug>/events/<slug:event_slug>/calendar.ics",
        calendars.event_calendar,
        name="event_calendar",
    ),
    path(
        "<slug:slug>/events/<slug:event_slug>/join/",
        views.event_form,
        {"kind": "local_action"},
        name="local_action_create",
    ),
    path(
        "<slug:slug>/events/<slug:event_slug>/join/thanks/",
        views.local_action_thanks,
        name="local_action_thanks",
    ),
    path(
        "<slug:slug>/events/<slug:event_slug>/photos/",
        views.photo_gallery,
        name="photo_gallery",
    ),
    path(
        "<slug:slug>/events/<slug:event_slug>/photos/send/",
        views.event_form,
        {"kind": "photo"},
        name="photo_create",
    ),
    path(
        "<slug:slug>/events/<slug:event_slug>/photos/send/thanks/",
        views.photo_thanks,
        name="photo_thanks",
    ),
    path("<slug:slug>/messages/write/", message_views.write_message, name="message_create"),
    path(
        "<slug:slug>/messages/write/thanks/",
        message_views.message_thanks,
        name="message_thanks",
    ),
]
