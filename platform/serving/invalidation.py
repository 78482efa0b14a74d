"""What bumps which generation (issue 19): the triggers of cache invalidation, in one place.

Pages: Wagtail's own signals. Publishing, unpublishing, moving or deleting a live page bumps
its site's generation: the page, its parents' listings, the home page, the menus, feeds and
sitemaps all show it, and a per-site bump clears them all with one write (exact per path would
need a map from each page to every listing that shows it; one site's pages re-render in a few
milliseconds each, so the whole site is cleared instead). A new site's pages need no bump: the
site's creation (``tenants.signals.site_created``) bumps the network.

Models: a save or delete of

- any Wagtail site setting (``BaseSiteSetting``: branding, visit counter, board settings, and
  any setting added later) or of a model of an app in ``PORTAL_CACHE_SITE_APPS``, or a model
  in ``PORTAL_CACHE_SITE_MODELS`` → that site's generation;
- a model in ``PORTAL_CACHE_NETWORK_MODELS`` (campaign banners, network themes, sites and
  their domains: public-schema rows every site reads) → the network's generation.

A citizen's new question is not shown anywhere until the board answers and publishes it
(``UNSEEN_UNTIL_REVIEWED``): its creation bumps nothing, so a busy Hỏi – Đáp does not empty its
site's cache with every submission; the board's later save does bump. (A draft comment does
bump: the draft's page shows how many comments it has received.)

Index entries: when the search index has applied a member's entries (``search.outbox.
entries_applied``: at publish time with PostgreSQL, at delivery with Elasticsearch) and one of
them may be a news item its parent portal lists ("Tin từ các xã/phường", ``search.network``),
the parent's generation is bumped, so its cached home page shows the change on the next request.

Another app hooks its own models by adding them to those settings (``"ratings.Rating"``), or
by calling ``serving.generations.bump_site()`` / ``bump_network()`` itself.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.network import concerns_member_news
from search.outbox import entries_applied
from serving import generations
from tenants.signals import site_changed, site_created, site_restored

DEFAULT_SITE_APPS = ("content", "branding")
DEFAULT_SITE_MODELS = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",  # who may see a page: remembered by serving.restrictions
    "wagtaildocs.Document",
    "wagtailimages.Image",
    "wagtailredirects.Redirect",
)
DEFAULT_NETWORK_MODELS = (
    "themes.CampaignBanner",
    "themes.NetworkTheme",
    "tenants.Tenant",
    "tenants.Domain",
    # Planned stops (issue 20, F21): public-schema rows a site's or every member's notice reads.
    "maintenance.MaintenanceWindow",
)
# Rows a citizen creates that no public page shows before the board acts on them.
UNSEEN_UNTIL_REVIEWED = ("content.Question",)
_ready = False


def _table_ready() -> bool:
    """False while ``migrate`` has not yet made the counters' table (data migrations save
    models before it exists)."""
    global _ready
    if not _ready:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('public.serving_generation')")
            _ready = cursor.fetchone()[0] is not None
    return _ready


def _safely(bump, *args) -> None:
    """One query per bump (no savepoint: creating a site bumps a dozen times, and its query
    count is pinned by tests/sitebuild); skipped while the counters' table does not exist."""
    try:
        ready = _table_ready()
    except DatabaseError:  # the database is being built (migrations, schema cloning)
        return
    if ready:
        bump(*args)


def _site_apps() -> set[str]:
    return set(getattr(settings, "PORTAL_CACHE_SITE_APPS", DEFAULT_SITE_APPS))


def _site_models() -> set[str]:
    return set(getattr(settings, "PORTAL_CACHE_SITE_MODELS", DEFAULT_SITE_MODELS))


def _network_models() -> set[str]:
    return set(getattr(settings, "PORTAL_CACHE_NETWORK_MODELS", DEFAULT_NETWORK_MODELS))


def scope_of(instance) -> str | None:
    """ "site", "network" or None: which generation a change of ``instance`` bumps."""
    meta = instance._meta
    if isinstance(instance, Page):
        return None  # pages go by Wagtail's publishing signals, not by every draft save
    if meta.label in _network_models():
        return "network"
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return "site"
    if meta.app_label in _site_apps() or meta.label in _site_models():
        return "site"
    return None


def _model_changed(sender, instance, raw=False, created=False, **kwargs) -> None:
    if raw:
        return
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return  # made with its defaults on first read (``for_request``): nothing changed
    if created and instance._meta.label in UNSEEN_UNTIL_REVIEWED:
        return
    _bump_scope_of(instance)


def _bump_scope_of(instance) -> None:
    scope = scope_of(instance)
    if scope == "site":
        _safely(generations.bump_site)
    elif scope == "network":
        _safely(generations.bump_network)


def _page_changed(sender, instance=None, **kwargs) -> None:
    _safely(generations.bump_site)


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        _safely(generations.bump_site)


def _m2m_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        _bump_scope_of(instance)


def _site_changed(sender, tenant=None, **kwargs) -> None:
    _safely(generations.bump_network)


def _entries_applied(sender, events=(), **kwargs) -> None:
    sites = sorted({event.site_id for event in events if concerns_member_news(event)})
    if sites:
        _safely(generations.bump_parents_of, sites)


def connect() -> None:
    site_changed.connect(_site_changed, dispatch_uid="serving.site_changed")
    site_created.connect(_site_changed, dispatch_uid="serving.site_created")
    site_restored.connect(_site_changed, dispatch_uid="serving.site_restored")
    page_published.connect(_page_changed, dispatch_uid="serving.published")
    page_unpublished.connect(_page_changed, dispatch_uid="serving.unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="serving.moved")
    post_delete.connect(_page_deleted, dispatch_uid="serving.page_deleted")
    post_save.connect(_model_changed, dispatch_uid="serving.saved")
    post_delete.connect(_model_changed, dispatch_uid="serving.deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="serving.m2m")
    entries_applied.connect(_entries_applied, dispatch_uid="serving.entries_applied")
