"""The entry point through which ``tenants`` builds sites (``settings.PORTAL_SITE_BUILDER``).

``tenants`` is infrastructure and imports no content app: it clones schemas, routes hosts and
runs ``migrate``, and asks this module, by the setting's name, for what goes inside a site.
Every function runs in the schema the caller has selected.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from wagtail.models import Page, Site

from sitebuild import apply, blueprint


@dataclass(frozen=True)
class Provisioned:
    site_url: str  # "http://iabang.dakdoa.gov.vn:8000/"
    chief: object | None  # the chief's user, when an e-mail was given
    set_password_url: str | None  # the chief's one-time link, absolute, on the site's own host


def fingerprint() -> str:
    return blueprint.fingerprint()


def build_template() -> bool:
    """In the clone template: build or refresh everything; whether anything changed."""
    return apply.apply_to_template()


def outdated(schemas: list[str]) -> list[str]:
    """The schemas, in order, built with another blueprint than the code's: one query."""
    if not schemas:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relname = 'sitebuild_blueprintstate' AND c.relkind = 'r'"
            " AND n.nspname = ANY(%s)",
            [schemas],
        )
        with_table = sorted(row[0] for row in cursor.fetchall())
        current = set()
        if with_table:
            union = " UNION ALL ".join(
                f"SELECT %s AS s, fingerprint FROM {connection.ops.quote_name(s)}"  # noqa: S608
                ".sitebuild_blueprintstate"
                for s in with_table
            )
            cursor.execute(
                f"SELECT s FROM ({union}) b WHERE fingerprint = %s",  # noqa: S608
                [*with_table, blueprint.fingerprint()],
            )
            current = {row[0] for row in cursor.fetchall()}
    return [schema for schema in schemas if schema not in current]


def upgrade(tenant) -> None:
    """In an existing site: add what the blueprint gained (never rebuilds its pages)."""
    apply.apply_common(authority=tenant)


def provision(tenant, *, hostname: str, port: int | None, chief_email: str) -> Provisioned:
    """Make the cloned template this site's own: title, host, review, lists, chief.

    The page tree, locales, groups and workflows came with the clone.
    """
    from django.utils import timezone

    from editorial.board import (
        create_chief,
        create_network_admins_group,
        set_password_path,
        set_workflow,
    )

    site = Site.objects.select_related("root_page").get(is_default_site=True)
    home = site.root_page
    Page.objects.filter(pk=home.pk).update(title=tenant.site_title, draft_title=tenant.site_title)
    now = timezone.now()
    Page.objects.filter(depth__gte=2).update(first_published_at=now, last_published_at=now)
    Site.objects.filter(pk=site.pk).update(
        hostname=hostname, port=port or settings.PORTAL_SITE_PORT, site_name=tenant.site_title
    )
    site.refresh_from_db()
    if tenant.approval_steps != 2:  # the template applies the two-step review
        set_workflow(home, tenant.approval_steps)
    apply.fill_lists(authority=tenant)
    if tenant.is_parent_portal:
        create_network_admins_group()
    chief = link = None
    if chief_email:
        chief = create_chief(chief_email, network_admin=tenant.is_parent_portal)
        link = site.root_url + set_password_path(chief)
    return Provisioned(site_url=site.root_url + "/", chief=chief, set_password_url=link)


def set_password_url(user) -> str:
    """A fresh one-time link for ``user`` on the current site's own host and port."""
    from editorial.board import set_password_path

    return Site.objects.get(is_default_site=True).root_url + set_password_path(user)


def site_url() -> str:
    """The current site's public address, with its own port: ``http://host:8000/``."""
    return Site.objects.get(is_default_site=True).root_url + "/"
