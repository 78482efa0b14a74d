"""The console's screen of monitoring codes, for a parent portal's network administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from monitoring.network import network_monitoring
from tenants.access import NetworkMenuItem


@hooks.register("register_admin_urls")
def register_monitoring_urls():
    return [path("mang-luoi-ma-giam-sat/", network_monitoring, name="monitoring_network")]


@hooks.register("register_admin_menu_item")
def register_monitoring_menu_item():
    return NetworkMenuItem(
        _("Mã giám sát các trang"), reverse("monitoring_network"), icon_name="view", order=151
    )
