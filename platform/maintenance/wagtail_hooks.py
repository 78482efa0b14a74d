"""The planned-stop screens: "Tạm ngừng hoạt động" for a board, and the network's in the console."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from maintenance import views
from maintenance.access import can_schedule
from tenants.access import NetworkMenuItem

board_urls = (
    [
        path("", views.board_windows, name="list"),
        path("<int:pk>/huy/", views.board_delete, name="delete"),
    ],
    "maintenance_board",
)
network_urls = (
    [
        path("", views.network_windows, name="list"),
        path("<int:pk>/huy/", views.network_delete, name="delete"),
    ],
    "maintenance_network",
)


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_schedule(request)


@hooks.register("register_admin_urls")
def register_maintenance_urls():
    return [
        path("tam-ngung/", include(board_urls)),
        path("mang-luoi-tam-ngung/", include(network_urls)),
    ]


@hooks.register("register_settings_menu_item")
def register_board_menu_item():
    return BoardMenuItem(
        _("Tạm ngừng hoạt động"), reverse("maintenance_board:list"), icon_name="warning", order=900
    )


@hooks.register("register_admin_menu_item")
def register_network_menu_item():
    return NetworkMenuItem(
        _("Tạm ngừng toàn mạng lưới"),
        reverse("maintenance_network:list"),
        icon_name="warning",
        order=152,
    )
