"""A site's life after creation: suspend, resume, archive, rename, merge. Nothing is deleted.

After the 2025 reorganisation communes merge: the old site is archived (read-only, saying so)
and its domains send visitors to the site it merged into, so old links keep working.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_tenants.utils import schema_context

from tenants.models import Domain, Tenant
from tenants.services import HOSTNAME_PATTERN
from tenants.signals import site_changed


def set_status(tenant: Tenant, status: str) -> None:
    if status not in Tenant.Status.values:
        raise ValidationError(_("Trạng thái “%(status)s” không hợp lệ.") % {"status": status})
    if tenant.merged_into_id and status != Tenant.Status.ARCHIVED:
        raise ValidationError(_("Trang đã sáp nhập vào trang khác, không thể mở lại."))
    Tenant.objects.filter(pk=tenant.pk).update(status=status)
    tenant.status = status
    site_changed.send(sender=Tenant, tenant=tenant)


def rename(tenant: Tenant, name: str, short_name: str = "") -> None:
    """Change the official name (e.g. after a merger) and the site's title with it; the home
    page is retitled too unless the board gave it a title of its own."""
    from wagtail.models import Page, Site

    from tenants.slugs import strip_unit_prefix

    name = name.strip()
    if not name:
        raise ValidationError({"name": [_("Hãy nhập tên đơn vị.")]})
    old_title = tenant.site_title
    with transaction.atomic():
        Tenant.objects.filter(pk=tenant.pk).update(
            name=name, short_name=short_name.strip() or strip_unit_prefix(name)
        )
        tenant.refresh_from_db()
        with schema_context(tenant.schema_name):
            site = Site.objects.get(is_default_site=True)
            Site.objects.filter(pk=site.pk).update(site_name=tenant.site_title)
            Page.objects.filter(pk=site.root_page_id, title=old_title).update(
                title=tenant.site_title, draft_title=tenant.site_title
            )
        site_changed.send(sender=Tenant, tenant=tenant)


def set_group(tenant: Tenant, group: str) -> None:
    """The member's group in its parent portal's directory ("Cụm, khu vực"; blank: "Khác")."""
    group = " ".join(group.split())[:100]
    if group == tenant.group:
        return
    Tenant.objects.filter(pk=tenant.pk).update(group=group)
    tenant.group = group
    site_changed.send(sender=Tenant, tenant=tenant)


def set_extra_domains(tenant: Tenant, hostnames: list[str]) -> None:
    """Replace the site's extra domains; the primary one stays."""
    hostnames = sorted({h.strip().lower() for h in hostnames if h.strip()})
    errors = [
        _("Tên miền “%(domain)s” không hợp lệ.") % {"domain": h}
        for h in hostnames
        if not HOSTNAME_PATTERN.match(h)
    ]
    taken = Domain.objects.filter(domain__in=hostnames).exclude(tenant=tenant)
    errors += [
        _("Tên miền “%(domain)s” đã thuộc một trang khác.") % {"domain": d.domain} for d in taken
    ]
    if errors:
        raise ValidationError({"domains": errors})
    with transaction.atomic():
        tenant.domains.filter(is_primary=False).exclude(domain__in=hostnames).delete()
        existing = set(tenant.domains.values_list("domain", flat=True))
        Domain.objects.bulk_create(
            Domain(domain=h, tenant=tenant, is_primary=False)
            for h in hostnames
            if h not in existing
        )
        site_changed.send(sender=Tenant, tenant=tenant)


def merge(old: Tenant, into: Tenant) -> None:
    """Archive ``old`` and send its visitors to ``into``; both stay in the database."""
    if old.pk == into.pk or into.merged_into_id or into.status != Tenant.Status.ACTIVE:
        raise ValidationError(_("Chỉ sáp nhập vào một trang khác đang hoạt động."))
    if old.parent_id != into.parent_id:
        raise ValidationError(_("Chỉ sáp nhập các trang thuộc cùng một cổng thông tin."))
    Tenant.objects.filter(pk=old.pk).update(status=Tenant.Status.ARCHIVED, merged_into=into)
    old.status, old.merged_into = Tenant.Status.ARCHIVED, into
    site_changed.send(sender=Tenant, tenant=old)
