"""A source page changed: flag the parent's copy, or carry the parent's new version down.

Connected to Wagtail's ``page_published``/``page_unpublished`` and to deletion, in whichever
site's schema they fire; the site is the connection's tenant (or, inside ``schema_context``,
the tenant of that schema).
"""

from django.db import connection
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from exchange import sources
from exchange.network.models import Dispatch, Receipt, Submission
from tenants.models import Tenant


def _site():
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Tenant):
        return tenant
    schema = getattr(connection, "schema_name", None)
    if not schema or schema == "public":
        return None
    return Tenant.objects.filter(schema_name=schema).first()


@receiver(page_published)
def source_published(sender, instance, **kwargs):
    from content.models import DocumentPage, NewsPage

    if not isinstance(instance, NewsPage | DocumentPage):
        return
    site = _site()
    if site is None:
        return
    from exchange.copying import page_snapshot_of

    if isinstance(instance, NewsPage):
        snapshot = page_snapshot_of(instance)
        for submission in sources.rows_for(Submission.objects.filter(source=site), instance):
            submission.title, submission.snapshot = instance.title, snapshot
            submission.author = instance.author
            submission.source_withdrawn = False
            if submission.state == Submission.State.ACCEPTED:
                submission.source_changed = snapshot != submission.copied_snapshot
            submission.save()
    # A member's copy of a page sent down, published through the member's own review.
    Receipt.objects.filter(site=site, copy_page_id=instance.pk).exclude(
        state=Receipt.State.PUBLISHED
    ).update(state=Receipt.State.PUBLISHED, acted_at=timezone.now())
    if (
        site.is_parent_portal
        and sources.candidates(
            Dispatch.objects.filter(portal=site), instance.pk, instance.translation_key
        ).exists()
    ):
        from exchange.downward import follow_source

        follow_source(site, instance)


def _withdrawn(page, find):
    """Flag the rows that mean ``page`` (``find``: ``sources.rows_for`` or, for a page just
    deleted, ``sources.rows_for_deleted``): by its key, not by an id another page may hold."""
    site = _site()
    if site is None:
        return
    for model, site_field, flag in (
        (Submission, "source", "source_withdrawn"),
        (Dispatch, "portal", "withdrawn"),
    ):
        rows = find(model.objects.filter(**{site_field: site}), page)
        model.objects.filter(pk__in=[row.pk for row in rows]).update(**{flag: True})


@receiver(page_unpublished)
def source_unpublished(sender, instance, **kwargs):
    _withdrawn(instance, sources.rows_for)


@receiver(post_delete)
def source_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and sender is Page:
        _withdrawn(instance, sources.rows_for_deleted)
