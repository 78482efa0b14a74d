"""/du-lieu-mo/ on every site: the open-data API (F18)."""

from django.urls import path

from opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.index, name="index"),
    path("mang-luoi/", views.network_entries, name="network"),
    path("<slug:key>/", views.dataset, name="dataset"),
]
