"""Which page of the sending site an exchange row means.

A ``Submission`` or ``Dispatch`` names its source page twice: ``source_page_id``, an id inside
the sending site's schema, and ``source_translation_key``, Wagtail's identity of a page across
copies. An id is not an identity: a page deleted and made again, or a site's backup restored
as a new site (``restore_site --as``), gives the same id to another page or the same page
another id. So a row that has a key follows it: the page with that key and the row's id (the
usual case), else the page with that key in the site's default language (the same page under
a new id); never a page that merely took the old id. Rows written before the key was kept
(``source_translation_key`` null, and the data migration found no page) still go by the id.

Every function here runs inside the sending site's schema.
"""

from django.db.models import Q


def find_page(page_id: int, key):
    """The page a row with ``page_id`` and ``key`` means, or None when it is gone."""
    from wagtail.models import Locale, Page

    if key is None:
        return Page.objects.filter(pk=page_id).first()
    pages = list(Page.objects.filter(translation_key=key))
    for page in pages:
        if page.pk == page_id:
            return page
    default = Locale.get_default()
    return next((page for page in pages if page.locale_id == default.pk), None)


def source_page(row):
    """The page ``row`` means, or None when it is gone."""
    return find_page(row.source_page_id, row.source_translation_key)


def refers_to(row, page) -> bool:
    """Does ``row`` mean ``page``? (Not merely: does it carry its id.)"""
    if row.source_translation_key is None:
        return row.source_page_id == page.pk
    if row.source_translation_key != page.translation_key:
        return False
    if row.source_page_id == page.pk:
        return True
    found = source_page(row)
    return found is not None and found.pk == page.pk


def candidates(queryset, page_id: int, key):
    """The rows of ``queryset`` that may mean the page ``page_id`` with ``key``: one query."""
    return queryset.filter(
        Q(source_translation_key=key)
        | Q(source_translation_key__isnull=True, source_page_id=page_id)
    )


def rows_for(queryset, page) -> list:
    """The rows of ``queryset`` (one sending site's) that mean ``page``, each pointed at the
    page's id as it is now (a page restored under a new id keeps its rows)."""
    rows = [
        row for row in candidates(queryset, page.pk, page.translation_key) if refers_to(row, page)
    ]
    for row in rows:
        row.source_page_id = page.pk
    return rows


def rows_for_deleted(queryset, page) -> list:
    """The rows that meant ``page``, just deleted: its id and key, and no other page with the
    key has taken its place."""
    return [
        row
        for row in candidates(queryset, page.pk, page.translation_key)
        if row.source_translation_key is None
        or row.source_page_id == page.pk
        or source_page(row) is None
    ]
