"""Admin menu items and URLs of the reports, and the page-view counter.

"Báo cáo định kỳ" is shown to a site's board leaders (not "Báo cáo": Wagtail's own "Reports"
menu is called that in Vietnamese); "Báo cáo mạng lưới" only in a parent portal, to
its network administrators (the rule of the network console, ``tenants.console``).
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports import visits
from reports.access import can_view_board_report
from reports.urls import urlpatterns
from tenants.access import NetworkMenuItem


@hooks.register("before_serve_page")
def count_page_view(page, request, serve_args, serve_kwargs):
    visits.record_view(request, page)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("bao-cao/", include((urlpatterns, "reports")))]


class BoardReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_board_report(request)


@hooks.register("register_admin_menu_item")
def register_board_report_menu_item():
    return BoardReportMenuItem(
        _("Báo cáo định kỳ"), reverse("reports:board"), icon_name="doc-full", order=160
    )


@hooks.register("register_admin_menu_item")
def register_network_report_menu_item():
    return NetworkMenuItem(
        _("Báo cáo mạng lưới"), reverse("reports:network"), icon_name="table", order=151
    )
