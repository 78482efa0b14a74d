"""Registers the network console's theme and banner screens in the parent portal's admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from tenants.access import NetworkMenuItem
from themes import console

console_urls = (
    [
        path("giao-dien/", console.network_theme, name="theme"),
        path("bang-ron/", console.banner_list, name="banners"),
        path("bang-ron/tao-moi/", console.banner_create, name="banner_create"),
        path("bang-ron/<int:pk>/", console.banner_detail, name="banner"),
        path("bang-ron/<int:pk>/sua/", console.banner_edit, name="banner_edit"),
        path("bang-ron/<int:pk>/go/", console.banner_withdraw, name="banner_withdraw"),
    ],
    "themes_console",
)


@hooks.register("register_admin_urls")
def register_theme_console_urls():
    return [path("mang-luoi/", include(console_urls))]


@hooks.register("register_admin_menu_item")
def register_theme_menu_item():
    return NetworkMenuItem(
        _("Giao diện mạng lưới"), reverse("themes_console:theme"), icon_name="desktop", order=151
    )


@hooks.register("register_admin_menu_item")
def register_banner_menu_item():
    return NetworkMenuItem(
        _("Băng rôn tuyên truyền"), reverse("themes_console:banners"), icon_name="pick", order=152
    )
