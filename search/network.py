"""What a parent portal shows of its network (issue 16, part 4): "Tin từ các xã/phường", the
newest news of its members from the cross-site index, and the directory of its members.

Both read only what citizens may see: the index holds live, public pages only
(``search.indexing``), and suspended members, or archived ones unless the network shows them in
search (``hidden_site_ids``), are left out of both. A parent's own items are not "from the
communes": they are on its home page already.

Here in ``search`` because both read the network through the search's view of it
(``Backend.newest``, ``hidden_site_ids``); ``tenants`` may not import content apps and
``serving``, which keeps the home page fresh, sits above.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from portal.text import fold_vietnamese, vietnamese_sort_key
from search.backends import NewEntry, SearchUnavailable, get_backend, hidden_site_ids
from tenants.models import Tenant

# "Tin từ các xã/phường" lists news (tin, bài: the ``news`` kind of every news page type):
# documents, procedures, questions and consultations have their own lists and the search.
NEWS_KINDS = ("news",)
NEWS_COUNT = 8
MAX_FILTER_LENGTH = 100  # characters of ``q`` the directory looks at; a name is shorter


def visible_members(parent: Tenant):
    """The parent's members a citizen may see, as a queryset (name order is Vietnamese order,
    applied in Python by the callers)."""
    return Tenant.objects.filter(parent=parent).exclude(pk__in=hidden_site_ids())


def member_news(parent: Tenant, language: str, limit: int = NEWS_COUNT) -> list[NewEntry]:
    """The newest news of ``parent``'s members in ``language``; none when the index is down
    (the home page must still answer)."""
    members = list(Tenant.objects.filter(parent=parent).values_list("pk", flat=True))
    if not members:
        return []
    try:
        return get_backend().newest(members, kinds=NEWS_KINDS, locale=language, limit=limit).entries
    except SearchUnavailable:
        return []


def concerns_member_news(event) -> bool:
    """Whether an index event may change a parent's "Tin từ các xã/phường": an upsert of a
    news entry, or any delete (it carries no kind). A new site's skeleton pages do not."""
    return event.document is None or (event.document or {}).get("kind") in NEWS_KINDS


@dataclass
class DirectoryMember:
    name: str
    kind: str
    url: str
    archived: bool


@dataclass
class DirectoryGroup:
    name: str
    members: list[DirectoryMember] = field(default_factory=list)


def _folded(text: str) -> str:
    return " ".join(fold_vietnamese(text).lower().split())


def filter_words(text: str) -> list[str]:
    """The words of a directory filter, folded: "Hà Tĩnh", "ha tinh", "HA TINH" are alike."""
    return _folded((text or "")[:MAX_FILTER_LENGTH]).split()


def directory(parent: Tenant, address, text: str = "") -> list[DirectoryGroup]:
    """The parent's visible members grouped by their ``group`` ("Cụm, khu vực"), groups and
    members in Vietnamese order, members without a group last under "Khác"; only those whose
    name, short name or group hold every word of ``text`` (without diacritics: "đ" is "d").

    In Python: a network has some hundreds of members, and both the folding and the order
    (Đ after D) are simplest on the names themselves (as the console's list does).
    ``address(hostname)`` is a member's home page address (``tenants.links.site_address``)."""
    words = filter_words(text)
    groups: dict[str, DirectoryGroup] = {}
    members = visible_members(parent).prefetch_related("domains")
    for member in sorted(members, key=lambda m: vietnamese_sort_key(m.name)):
        searchable = _folded(f"{member.name} {member.short_name} {member.group}")
        if any(word not in searchable for word in words):
            continue
        primary = next((d.domain for d in member.domains.all() if d.is_primary), "")
        if not primary:
            continue
        group = groups.setdefault(member.group, DirectoryGroup(member.group or _("Khác")))
        group.members.append(
            DirectoryMember(
                name=member.name,
                kind=member.get_kind_display(),
                url=address(primary),
                archived=member.status == Tenant.Status.ARCHIVED,
            )
        )
    named = sorted(
        (g for key, g in groups.items() if key), key=lambda g: vietnamese_sort_key(g.name)
    )
    return named + ([groups[""]] if "" in groups else [])
