"""The network's dataset: the cross-site index's entries of a parent portal and its members.

The index holds only live, public pages and published questions (search.indexing); suspended
members are left out, and archived ones unless the network shows them in search too.

Read through the search backend's ``newest`` (issue 16, part 4), so the dataset answers with
Elasticsearch as with PostgreSQL (it read ``search.Entry``, which Elasticsearch leaves empty,
and answered 503 there).
"""

from django.utils import timezone

from opendata.params import BadParameter, ListParams
from search.backends import NEWEST_WINDOW, NewEntry, get_backend, hidden_site_ids
from search.documents import KINDS
from tenants.models import Tenant


class NewestEntries:
    """The entries as a sequence Django's ``Paginator`` pages through: ``count()`` and a
    slice each ask the backend for what they need only."""

    def __init__(self, site_ids: list[int], chosen: ListParams):
        self.site_ids, self.chosen = site_ids, chosen
        self._total = None

    def _ask(self, limit: int, offset: int = 0, with_total: bool = False):
        return get_backend().newest(
            self.site_ids,
            kinds=[self.chosen.type] if self.chosen.type else (),
            since=self.chosen.date_from,
            until=self.chosen.date_to,
            limit=limit,
            offset=offset,
            with_total=with_total,
        )

    def count(self) -> int:
        if self._total is None:
            self._total = self._ask(0, with_total=True).total or 0
        return min(self._total, NEWEST_WINDOW)  # pages beyond the window are not reachable

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("NewestEntries is read by slices")
        start = index.start or 0
        stop = min(index.stop if index.stop is not None else self.count(), NEWEST_WINDOW)
        return self._ask(max(0, stop - start), offset=start).entries


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
    return NewestEntries(list(sites), chosen), sites


def entry_item(entry: NewEntry, site: Tenant) -> dict:
    return {
        "site": {"slug": site.slug, "name": site.name},
        "type": entry.kind,
        "title": entry.title,
        "url": entry.url,
        "summary": entry.summary,
        "date": timezone.localdate(entry.date).isoformat(),
        "locale": entry.locale,
        "extra": entry.extra,
    }


__all__ = ["KINDS", "entries", "entry_item"]
