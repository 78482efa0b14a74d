"""Wagtail and Django signals that feed the index. They run in the schema of the site changed.

A move, a new slug or a changed restriction touches a whole subtree, which may be a section of
thousands of pages: that reindexing is a task (``search.tasks.reindex_subtree``), run by the
worker in the same site's schema after the change commits, not in the editor's request."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import indexing, questions


def _published(sender, instance, **kwargs):
    indexing.index_page(instance)


def _unpublished(sender, instance, **kwargs):
    indexing.remove_page(instance)


def _subtree_later(page) -> None:
    from search.tasks import reindex_subtree

    reindex_subtree.enqueue(page.pk)


def _moved(sender, instance, **kwargs):
    _subtree_later(instance)


def _slug_changed(sender, instance, **kwargs):
    if instance.live:
        _subtree_later(instance)


def _deleted(sender, instance, **kwargs):
    # Sent for every page of a deleted subtree, and for the base Page row of each as well.
    if isinstance(instance, Page):
        indexing.remove_page(instance)


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _subtree_later(page)


def _question_saved(sender, instance, **kwargs):
    questions.question_changed(instance)


def _question_deleted(sender, instance, **kwargs):
    questions.question_deleted(instance)


def _site_restored(sender, tenant, **kwargs):
    from django_tenants.utils import schema_context

    with schema_context(tenant.schema_name):
        indexing.reindex_site(tenant.pk)


def connect() -> None:
    from content.models import Question
    from tenants.signals import site_restored

    page_published.connect(_published, dispatch_uid="search_published")
    page_unpublished.connect(_unpublished, dispatch_uid="search_unpublished")
    post_page_move.connect(_moved, dispatch_uid="search_moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid="search_slug_changed")
    pre_delete.connect(_deleted, dispatch_uid="search_deleted")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr")
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="search_vr_deleted"
    )
    post_save.connect(_question_saved, sender=Question, dispatch_uid="search_question_saved")
    post_delete.connect(_question_deleted, sender=Question, dispatch_uid="search_question_deleted")
    site_restored.connect(_site_restored, dispatch_uid="search_site_restored")
