from django.urls import path

from petitions import views

app_name = "petitions"

urlpatterns = [
    path("", views.petition_list, name="list"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("<slug:slug>/", views.petition_detail, name="detail"),
    path("<slug:slug>/thanks/", views.thanks, name="thanks"),
    path("<slug:slug>/count.json", views.count_json, name="count"),
    path("<slug:slug>/share.png", views.share_card, name="share_card"),
]
