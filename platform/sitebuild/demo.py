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
