"""The network console in the parent portal's admin, and the support-login log action."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from tenants import console, console_backups, console_tasks, lockouts
from tenants.support import END_ACTION, LOG_ACTION

console_urls = (
    [
        path("", console.member_list, name="list"),
        path("tao-moi/", console.member_create, name="create"),
        path("nhap-csv/", console.member_import, name="import"),
        path("nhap-csv/<uuid:task_id>/", console_tasks.import_progress, name="import_progress"),
        path("tac-vu/", console_tasks.task_list, name="tasks"),
        path("<int:pk>/", console.member_detail, name="detail"),
        path("<int:pk>/trang-thai/", console.member_status, name="status"),
        path("<int:pk>/ho-tro/", console.member_support, name="support"),
        path("<int:pk>/gui-lai-thu/", console.member_resend, name="resend"),
        path("<int:pk>/sap-nhap/", console.member_merge, name="merge"),
        path("khoa-dang-nhap/", lockouts.lockout_list, name="lockouts"),
        path("<int:pk>/sao-luu/", console_backups.member_backup, name="backup"),
    ],
    "tenants_console",
)


@hooks.register("register_admin_urls")
def register_console_urls():
    return [path("trang-thanh-vien/", include(console_urls))]


@hooks.register("register_admin_menu_item")
def register_console_menu_item():
    return console.NetworkMenuItem(
        _("Trang thành viên"), reverse("tenants_console:list"), icon_name="site", order=150
    )


@hooks.register("register_log_actions")
def register_support_log_action(actions):
    actions.register_action(
        LOG_ACTION, _("Đăng nhập hỗ trợ"), _("Đăng nhập hỗ trợ từ cổng cấp trên")
    )
    actions.register_action(END_ACTION, _("Kết thúc hỗ trợ"), _("Kết thúc phiên hỗ trợ"))
    actions.register_action(
        console_backups.DOWNLOAD_ACTION,
        _("Tải bản sao lưu"),
        _("Tải bản sao lưu của một trang thành viên"),
    )
