from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandingConfig(AppConfig):
    """The tenant-side half of ``themes``: what each site sets for itself (its branding, its
    own banners), stored in the site's schema. The network-wide half (the network's theme,
    campaign banners) is ``themes`` itself, in the public schema."""

    name = "themes.branding"
    label = "branding"
    verbose_name = _("Nhận diện trang")
