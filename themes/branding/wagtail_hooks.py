"""A site's board manages its own banners as a snippet ("Băng rôn của trang")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from themes.branding.models import SiteBanner


class SiteBannerViewSet(SnippetViewSet):
    model = SiteBanner
    icon = "pick"
    menu_label = _("Băng rôn")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["title", "starts_at", "ends_at", "withdrawn"]
    list_filter = ["withdrawn"]


register_snippet(SiteBannerViewSet)
