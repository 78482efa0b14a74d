"""Admin URLs of the reports, mounted under /admin/bao-cao/ by ``wagtail_hooks``."""

from django.urls import path

from reports import views

urlpatterns = [
    path("", views.board_report, name="board"),
    path("xlsx/", views.board_report_xlsx, name="board_xlsx"),
    path("docx/", views.board_report_docx, name="board_docx"),
]
urlpatterns += [
    path("tuan-thu/", views.site_compliance, name="compliance"),
    path("mang-luoi/", views.network_report, name="network"),
    path("mang-luoi/tuan-thu/", views.network_compliance, name="network_compliance"),
]
