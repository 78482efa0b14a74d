"""The parked search events' screen, under the network console's address."""

from django.urls import include, path
from wagtail import hooks

from search import console

console_urls = (
    [
        path("", console.parked_list, name="parked"),
        path("thu-lai/", console.parked_retry, name="parked_retry"),
    ],
    "search_console",
)


@hooks.register("register_admin_urls")
def register_console_urls():
    return [path("trang-thanh-vien/tac-vu/tim-kiem/", include(console_urls))]


@hooks.register("tenants_console_task_panels")
def parked_events_panel(request):
    return console.task_panel(request)
