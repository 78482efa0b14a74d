"""Which theme a request is drawn in: a preview, else the site's own choice, else its
network's, else the registry's default (issue 6, "central updates").

Preview: ``?giao-dien=modern`` (or ``modern:1``) for a user who may enter this site's admin,
or ``?giao-dien=<signed token>`` from the network console, which works for anyone holding the
link for seven days on the one site it was made for (a network administrator has no account
on the member sites). A preview changes only that response, which is never cached.
"""

from django.core import signing

from themes import registry
from themes.models import NetworkTheme

PREVIEW_PARAM = "giao-dien"
PREVIEW_SALT = "themes.preview"
PREVIEW_MAX_AGE = 7 * 24 * 3600
_UNKNOWN = object()


def network_theme_key(tenant) -> str | None:
    """The theme key the network of ``tenant`` has chosen, if any (one indexed query)."""
    if tenant is None or not hasattr(tenant, "is_parent_portal"):
        return None
    known = tenant.__dict__.get("_network_theme_key", _UNKNOWN)
    if known is not _UNKNOWN:
        # Kept on the tenant object, which the host lookup keeps only while the network's
        # generation stands (serving/): a network theme change makes a new one.
        return known
    portal_id = tenant.pk if tenant.is_parent_portal else tenant.parent_id
    key = None
    if portal_id is not None:
        rows = NetworkTheme.objects.filter(portal_id=portal_id).values_list("theme", flat=True)
        key = rows.first()
    tenant._network_theme_key = key
    return key


def preview_token(theme: registry.Theme, tenant) -> str:
    return signing.dumps({"theme": theme.key, "site": tenant.schema_name}, salt=PREVIEW_SALT)


def preview_theme(request) -> registry.Theme | None:
    """The theme asked for by ``?giao-dien=``, if the asker may preview it here."""
    value = request.GET.get(PREVIEW_PARAM, "").strip()
    if not value:
        return None
    theme = registry.find(value)
    if theme is not None:
        user = getattr(request, "user", None)
        allowed = user is not None and user.is_authenticated
        return theme if allowed and user.has_perm("wagtailadmin.access_admin") else None
    tenant = getattr(request, "tenant", None)
    try:
        data = signing.loads(value, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    if tenant is None or data.get("site") != tenant.schema_name:
        return None
    return registry.find(data.get("theme"))


def resolve(request, site_choice: str | None = None) -> tuple[registry.Theme, bool]:
    """(theme, is_preview) for this request."""
    preview = preview_theme(request) if request is not None else None
    if preview is not None:
        return preview, True
    chosen = registry.find(site_choice)
    if chosen is None:
        chosen = registry.find(network_theme_key(getattr(request, "tenant", None)))
    return chosen or registry.default(), False
