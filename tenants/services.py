"""Creating a site: the one code path used by the console, the commands, the bench and tests.

A site's schema is a spare clone of the migrated template, renamed (``tenants.spares``), or,
when none is ready, a clone made there and then (under a second). The site builder
(``tenants.building``) then makes it a site of its own: its title, its host name, its review,
its lists and its chief; ``tenants.signals.site_created`` lets other apps (search) react.
Everything happens in one transaction (PostgreSQL DDL is transactional), so a failure at any
step leaves no schema, tenant or domain behind (and gives a spare back).

The schema is made by ``tenants.cloning`` (the template's DDL replayed), not by django-tenants,
which would also follow its clone with a faked ``migrate``: the copy carries the template's
migration records, and a template behind the code is refused before cloning instead of being
silently faked forward.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context
from wagtail.log_actions import LogContext

from tenants import spares
from tenants.building import site_builder
from tenants.cloning import clone_template
from tenants.mail import enqueue_chief_email
from tenants.models import ChiefEmail, Domain, Tenant
from tenants.signals import site_created
from tenants.slugs import schema_name_for, strip_unit_prefix, suggest_slug, validate_slug
from tenants.upgrades import site_migrations

HOSTNAME_PATTERN = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)


@dataclass(frozen=True)
class NewSite:
    """A created site, and the chief's one-time link to set a password (shown once)."""

    tenant: Tenant
    site_url: str
    set_password_url: str | None


def create_site(*, email_reason: str = ChiefEmail.Reason.CREATED, **details) -> NewSite:
    """Create a complete site; raise ``ValidationError`` (in Vietnamese) on bad input.

    ``details`` are those of ``check_site``. Works from any schema (the console runs in the
    parent portal's): the tenant rows are written in the public schema. The chief, when an
    address is given, is e-mailed their link once the site exists (``tenants.mail``).
    """
    tenant, hostnames, chief_email, port = _prepare(**details)
    with schema_context(get_public_schema_name()):
        _validate(tenant, hostnames, chief_email)
        try:
            with transaction.atomic():
                _check_template_is_current()
                tenant.save()
                if not spares.take(tenant.schema_name):
                    clone_template(tenant.schema_name)
                for position, hostname in enumerate(hostnames):
                    Domain.objects.create(domain=hostname, tenant=tenant, is_primary=position == 0)
                # A fresh audit-log context: the caller's user (a console admin) lives in
                # another schema, and Wagtail would log the new pages in their name.
                with schema_context(tenant.schema_name), LogContext(user=None):
                    built = site_builder().provision(
                        tenant, hostname=hostnames[0], port=port, chief_email=chief_email
                    )
                    # Listeners (the search index…) see the complete site, in this transaction.
                    site_created.send(sender=Tenant, tenant=tenant)
                new_site = NewSite(
                    tenant=tenant,
                    site_url=built.site_url,
                    set_password_url=built.set_password_url,
                )
        except IntegrityError as error:  # a concurrent creation took the slug or a host name
            raise ValidationError(
                _("Mã trang hoặc tên miền vừa được một trang khác sử dụng. Hãy thử lại.")
            ) from error
    if built.chief is not None:
        enqueue_chief_email(
            tenant, recipient=chief_email, reason=email_reason, sent_by=tenant.created_by
        )
    if not connection.in_atomic_block:
        # A session that cloned a schema keeps the new catalog entries in its caches, and
        # each further clone in it is slower (measured: 1 s → 5 s over 50 sites in one
        # session, flat 0.8 s with a fresh one). Start the next piece of work afresh.
        connection.close()
        spares.replenish()
    return new_site


def check_site(**details) -> tuple[Tenant, str]:
    """Check a site's details as ``create_site`` would, creating nothing (the import preview).

    Raises ``ValidationError``; returns the unsaved tenant (slug filled in) and its domain.
    """
    tenant, hostnames, chief_email, _port = _prepare(**details)
    with schema_context(get_public_schema_name()):
        _validate(tenant, hostnames, chief_email)
    return tenant, hostnames[0]


def _prepare(
    *,
    name: str,
    slug: str = "",
    kind: str,
    domain: str = "",
    parent: Tenant | None = None,
    short_name: str = "",
    group: str = "",
    extra_domains: tuple[str, ...] = (),
    chief_email: str = "",
    approval_steps: int = 2,
    created_by: str = "",
    port: int | None = None,
):
    """Normalise the details of a new site. The slug defaults to one suggested from the name
    ("Xã Ia Băng" → ``iabang``); the domain to ``<slug>.<parent's domain>``, as Decree
    224/2026 art. 11(4)(c) names commune sites ``tenxa.tentinh.gov.vn``."""
    slug = (slug.strip() or suggest_slug(name)).lower()
    if not domain.strip() and parent is not None and parent.get_primary_domain():
        domain = f"{slug}.{parent.get_primary_domain().domain}"
    hostnames = [host.strip().lower() for host in (domain, *extra_domains) if host.strip()]
    tenant = Tenant(
        name=name.strip(),
        short_name=short_name.strip() or strip_unit_prefix(name),
        group=" ".join(group.split())[:100],
        slug=slug,
        kind=kind,
        parent=parent,
        schema_name=schema_name_for(slug),
        approval_steps=approval_steps,
        created_by=created_by[:150],
    )
    return tenant, hostnames, chief_email.strip().lower(), port


def _validate(tenant: Tenant, hostnames: list[str], chief_email: str) -> None:
    errors: dict[str, list[str]] = {}
    if tenant.approval_steps not in (1, 2):
        errors["approval_steps"] = [_("Quy trình duyệt chỉ có một hoặc hai bước.")]
    if chief_email:
        try:
            validate_email(chief_email)
        except ValidationError:
            errors["chief_email"] = [
                _("Địa chỉ thư điện tử “%(email)s” không hợp lệ.") % {"email": chief_email}
            ]
    if not tenant.name:
        errors["name"] = [_("Hãy nhập tên đơn vị.")]
    if tenant.slug or tenant.name:  # with neither, the missing name says it all
        try:
            validate_slug(tenant.slug)
        except ValidationError as error:
            errors["slug"] = error.messages
        else:
            taken = (
                Tenant.objects.filter(slug=tenant.slug).exists()
                or Tenant.objects.filter(schema_name__iexact=tenant.schema_name).exists()
            )
            if taken:
                errors["slug"] = [_("Mã trang “%(slug)s” đã được dùng.") % {"slug": tenant.slug}]
    if tenant.kind not in Tenant.Kind.values:
        errors["kind"] = [_("Cấp đơn vị “%(kind)s” không hợp lệ.") % {"kind": tenant.kind}]
    else:
        try:
            tenant.clean()
        except ValidationError as error:
            errors.update(error.message_dict)
    if tenant.slug or tenant.name:
        errors.update(_hostname_errors(hostnames))
    if errors:
        raise ValidationError(errors)


def _hostname_errors(hostnames: list[str]) -> dict[str, list[str]]:
    if not hostnames:
        return {"domain": [_("Hãy nhập tên miền của trang.")]}
    messages = [
        _("Tên miền “%(domain)s” không hợp lệ.") % {"domain": host}
        for host in hostnames
        if not HOSTNAME_PATTERN.match(host)
    ]
    if len(set(hostnames)) != len(hostnames):
        messages.append(_("Một tên miền được nhập hai lần."))
    for host in Domain.objects.filter(domain__in=hostnames).values_list("domain", flat=True):
        messages.append(_("Tên miền “%(domain)s” đã thuộc một trang khác.") % {"domain": host})
    return {"domain": messages} if messages else {}


def _check_template_is_current() -> None:
    """Refuse to clone a template that lags the code: its sites would lack tables or columns."""
    template = connection.ops.quote_name(settings.TENANT_BASE_SCHEMA)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {template}.django_migrations")  # noqa: S608
        applied = set(cursor.fetchall())
    missing = site_migrations() - applied
    if missing:
        raise RuntimeError(
            f"The template schema is behind the code by {len(missing)} migration(s), e.g."
            f" {sorted(missing)[0]}: run `manage.py migrate` before creating sites."
        )
    if site_builder().outdated([settings.TENANT_BASE_SCHEMA]):
        raise RuntimeError(
            "The template schema was built with an older site blueprint:"
            " run `manage.py migrate` before creating sites."
        )
