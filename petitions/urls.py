from django.urls import path

from petitions import my_data, thanks, unsubscribe, views, widget

app_name = "petitions"

urlpatterns = [
    path("", views.petition_list, name="list"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("withdraw/<str:token>/", views.withdraw, name="withdraw"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe_view, name="unsubscribe"),
    path("my-data/<str:token>/", my_data.my_data_page, name="my_data"),
    path("my-data/<str:token>/data.json", my_data.my_data_download, name="my_data_download"),
    path("my-data/<str:token>/erase/", my_data.my_data_erase, name="my_data_erase"),
    path("<slug:slug>/", views.petition_detail, name="detail"),
    path("<slug:slug>/thanks/", thanks.thanks, name="thanks"),
    path("<slug:slug>/thanks/resend/", thanks.resend, name="resend"),
    path("<slug:slug>/thanks/sign-again/", thanks.sign_again, name="sign_again"),
    path("<slug:slug>/embed/", widget.embed, name="embed"),
    path("<slug:slug>/embed/counter/", widget.embed_counter, name="embed_counter"),
    path("<slug:slug>/count.json", views.count_json, name="count"),
    path("<slug:slug>/share.png", views.share_card, name="share_card"),
]
