"""The demo network: a district portal and four communes of Đak Đoa (Gia Lai), real units.

Their content comes from ``content.demo``.
"""

PARENT = {"name": "Huyện Đak Đoa", "short_name": "Đak Đoa", "slug": "dakdoa", "kind": "district"}
COMMUNES = [
    {"name": "Xã Ia Băng", "short_name": "Ia Băng", "slug": "iabang", "kind": "commune"},
    {"name": "Xã Hà Bầu", "short_name": "Hà Bầu", "slug": "habau", "kind": "commune"},
    {"name": "Xã Glar", "short_name": "Glar", "slug": "glar", "kind": "commune"},
    {"name": "Xã Nam Yang", "short_name": "Nam Yang", "slug": "namyang", "kind": "commune"},
]


def set_monitoring_code(tenant) -> None:
    """Give a demo site its national monitoring code (F20), as a board pastes the one EMC
    issues (the address is illustrative; in the current schema)."""
    from wagtail.models import Site

    from monitoring.models import MonitoringCode

    code = MonitoringCode.for_site(Site.objects.get(is_default_site=True))
    code.snippet = (
        f'<!-- EMC -->\n<script src="https://emc.gov.vn/ma-giam-sat.js?trang={tenant.slug}"'
        " async></script>"
    )
    code.save()
