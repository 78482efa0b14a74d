"""A user's group names, read once per user object: one query where each check made its own.

Every admin page asks several times whether the user is on the board (menu items of
editorial, exchange, maintenance and reports, their views' guards): each asked the database
with ``user.groups.filter(...).exists()``, seven queries per page for a chief editor (issue 21,
part 3). ``request.user`` is loaded afresh for each request, so a cache on the user object
lives one request; a change of that user's groups through ``user.groups`` drops it.
"""

from django.db.models.signals import m2m_changed

_CACHE = "_portal_group_names"


def group_names(user) -> frozenset[str]:
    """The names of ``user``'s groups (none for an anonymous user)."""
    if user is None or getattr(user, "pk", None) is None:
        return frozenset()
    names = getattr(user, _CACHE, None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _CACHE, names)
    return names


def in_any_group(user, names) -> bool:
    """Whether ``user`` belongs to at least one of the groups named ``names`` (a name or many)."""
    if isinstance(names, str):
        names = (names,)
    return not group_names(user).isdisjoint(names)


def _forget(sender, instance, **kwargs):
    instance.__dict__.pop(_CACHE, None)


m2m_changed.connect(_forget, dispatch_uid="portal.groups.forget")
