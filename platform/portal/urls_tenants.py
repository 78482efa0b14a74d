"""URLs of every site (tenant): its Wagtail admin, documents, media, feed, sitemaps, robots.txt
and page tree.

Vietnamese pages are served without a language prefix, English ones under ``/en/``.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content import views as content_views
from portal.media import serve_media
from ratings import views as rating_views
from serving import routes
from tenants import throttling
from tenants.password_reset import SiteLinkPasswordResetView
from tenants.support import end_support, support_login

urlpatterns = [
    # Wagtail's reset view with links to the user's own site (tenants.password_reset).
    path("admin/password_reset/", SiteLinkPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every environment: a site's files only on its own host (portal.media, issue 14).
    path("media/<path:path>", serve_media, name="site_media"),
    path("sitemap.xml", content_views.sitemap_xml, name="sitemap"),
    path("robots.txt", content_views.robots_txt, name="robots_txt"),
    path("ho-tro/", support_login, name="support_login"),
    path("ho-tro/ket-thuc/", end_support, name="support_end"),
    path("du-lieu-mo/", include("opendata.urls")),  # open-data JSON API (issue 20, F18)
    path("danh-gia/", rating_views.rate, name="rating"),  # satisfaction rating (F8)
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    path("tim-kiem/", include("search.urls")),  # cross-site search (issue 7), in either language
    path("rss.xml", content_views.site_feed, name="site_feed"),
    path("so-do-trang/", content_views.html_sitemap, name="html_sitemap"),
    path("xa-phuong/", include("search.directory_urls")),  # a parent's members (issue 16)
    # Wagtail's password form of protected pages, throttled (tenants.throttling); same URL.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttling.page_password,
    ),
    # Wagtail's page view with the route of each path remembered (serving.routes, issue 19).
    re_path(r"^((?:[\w\-]+/)*)$", routes.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
