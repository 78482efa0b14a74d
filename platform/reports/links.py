"""Absolute addresses of a site, for links that leave it (the console, e-mails)."""

from django.conf import settings


def site_address(tenant) -> str:
    """``http://iabang.localhost:8000`` or ``https://iabang.gialai.gov.vn``."""
    domain = tenant.get_primary_domain().domain
    port = settings.PORTAL_SITE_PORT
    if port == 443:
        return f"https://{domain}"
    return f"http://{domain}" + ("" if port == 80 else f":{port}")
