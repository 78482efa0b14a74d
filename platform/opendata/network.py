"""The network's dataset: the cross-site index's entries of a parent portal and its members.

The index holds only live, public pages and published questions (search.indexing); suspended
members are left out, and archived ones unless the network shows them in search too.
"""

from django.utils import timezone

from opendata.params import BadParameter, ListParams
from search.backends import hidden_site_ids
from search.documents import KINDS
from search.models import Entry
from tenants.models import Tenant


def entries(parent: Tenant, chosen: ListParams):
    """(entries newest first, sites by id) of ``parent``'s network, as ``chosen`` filters."""
    hidden = set(hidden_site_ids())
    sites = {
        site.pk: site
        for site in Tenant.objects.filter(pk=parent.pk) | parent.members.all()
        if site.pk not in hidden
    }
    if chosen.site:
        picked = [pk for pk, site in sites.items() if site.slug == chosen.site]
        if not picked:
            raise BadParameter("site", f"Không có trang '{chosen.site}' trong mạng lưới.")
        sites = {pk: sites[pk] for pk in picked}
    found = Entry.objects.filter(site_id__in=list(sites))
    if chosen.date_from:
        found = found.filter(published_at__date__gte=chosen.date_from)
    if chosen.date_to:
        found = found.filter(published_at__date__lte=chosen.date_to)
    if chosen.type:
        found = found.filter(kind=chosen.type)
    return found.order_by("-published_at", "-id"), sites


def entry_item(entry: Entry, site: Tenant) -> dict:
    return {
        "site": {"slug": site.slug, "name": site.name},
        "type": entry.kind,
        "title": entry.title,
        "url": entry.url,
        "summary": entry.summary,
        "date": timezone.localdate(entry.published_at).isoformat(),
        "locale": entry.locale,
        "extra": entry.extra,
    }


__all__ = ["KINDS", "entries", "entry_item"]
