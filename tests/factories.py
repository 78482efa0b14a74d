"""One way to make what tests need (issue 17): a commune, its board, a news item, a document.

Each makes its object the way the product does — a site through ``create_site`` (inside the
test's transaction, so it rolls back with it), a page published through Wagtail (revision and
publish, so the signals that feed search, sitemaps and royalties fire) — and returns it.
Dates are explicit where a test depends on them: ``back_dated`` puts an item in the past.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tenants.utils import schema_context

from portal.text import slugify_vietnamese
from tenants.models import Tenant

PASSWORD = "Ban-bien-tap-2026"
_numbers = itertools.count(1)


def commune(parent: Tenant, name: str | None = None, **details) -> Tenant:
    """A new commune site under ``parent`` (a district or province), with its skeleton pages."""
    from tenants.services import create_site

    name = name or f"Xã Thử Nghiệm {next(_numbers)}"
    return create_site(name=name, kind="commune", parent=parent, **details).tenant


def board(tenant: Tenant, unit: str = "Trường Tiểu học") -> dict[str, object]:
    """One member per board role (``truongban``, ``phoban``, ``bientap``, ``ctv1``, ``ctv2``,
    ``quantri``; password ``PASSWORD``); the contributors write for ``unit`` in the news
    section. Returns the users by username."""
    from wagtail.models import Page

    from content.models import ContributingUnit
    from editorial.access import set_contributor_sections
    from editorial.models import BoardMember
    from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, SITE_ADMIN

    members = (
        ("truongban", CHIEF),
        ("phoban", DEPUTY),
        ("bientap", EDITOR),
        ("ctv1", CONTRIBUTOR),
        ("ctv2", CONTRIBUTOR),
        ("quantri", SITE_ADMIN),
    )
    users = {}
    with schema_context(tenant.schema_name):
        school = ContributingUnit.objects.create(name=unit, monthly_target=2)
        for username, role in members:
            user = get_user_model().objects.create_user(
                username, email=f"{username}@xa.gov.vn", password=PASSWORD
            )
            user.groups.add(Group.objects.get(name=role.group_name))
            if role is CONTRIBUTOR:
                BoardMember.objects.create(user=user, unit=school)
            users[username] = user
        set_contributor_sections([Page.objects.get(slug="tin-tuc")])
    return users


def _section(slug: str):
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    return home.get_children().get(slug=slug).specific


def _publish(page, parent, back_dated: datetime.datetime | None):
    parent.add_child(instance=page)
    page.save_revision().publish()
    if back_dated is not None:
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=back_dated, last_published_at=back_dated
        )
    page.refresh_from_db()
    return page


def news(
    tenant: Tenant,
    title: str,
    *,
    section: str = "tin-tuc",
    date: datetime.date | None = None,
    back_dated: datetime.datetime | None = None,
    lead: str = "",
    body: str = "",
    publish: bool = True,
):
    """A news item in ``tenant``'s ``section``, published through Wagtail (unless
    ``publish=False``: a draft). ``date`` is its date of publication shown to readers (today by
    default); ``back_dated`` also sets Wagtail's publication timestamps to that instant."""
    from content.models import NewsPage

    if back_dated is not None and date is None:
        date = timezone.localdate(back_dated)
    with schema_context(tenant.schema_name):
        page = NewsPage(
            title=title,
            slug=slugify_vietnamese(title),
            lead=lead,
            body=body,
            date=date or timezone.localdate(),
        )
        if not publish:
            page.live = False  # a Page is live by default, even one never published
            _section(section).add_child(instance=page)
            page.save_revision()
            page.refresh_from_db()
            return page
        return _publish(page, _section(section), back_dated)


def document(
    tenant: Tenant,
    title: str,
    *,
    number: str | None = None,
    issue_date: datetime.date | None = None,
    abstract: str = "Trích yếu.",
):
    """A document (văn bản) in ``tenant``'s documents section, published through Wagtail,
    with the site's first document type and issuing body (made if the site has none yet) and
    a small PDF of its own."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from content.demo import pdf_bytes
    from content.models import DocumentPage, DocumentType, IssuingBody

    number = number or f"{next(_numbers)}/TB-UBND"
    issue_date = issue_date or timezone.localdate()
    with schema_context(tenant.schema_name):
        stored = Document(title=number)
        stored.file.save(f"{slugify_vietnamese(number)}.pdf", ContentFile(pdf_bytes([number])))
        page = DocumentPage(
            title=title,
            slug=slugify_vietnamese(f"{number} {title}"),
            number=number,
            document_type=DocumentType.objects.first()
            or DocumentType.objects.create(name="Thông báo", code="TB"),
            issuing_body=IssuingBody.objects.first()
            or IssuingBody.objects.create(name="Ủy ban nhân dân xã"),
            issue_date=issue_date,
            effective_date=issue_date,
            abstract=abstract,
            file=stored,
        )
        return _publish(page, _section("van-ban"), None)
