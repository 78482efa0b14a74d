"""An exchange row means its source page by the page's ``translation_key``, not by an id that
another page may take (a page deleted and made again, a site restored under new ids)."""

import json
from importlib import import_module
from types import SimpleNamespace

from django.apps import apps as django_apps
from django.db import connection
from django_tenants.utils import schema_context

from exchange.network.models import Dispatch, Receipt, Submission
from tests.exchange.conftest import (
    fetch,
    login,
    make_document,
    make_news,
    section,
)

FIRST = "Ia Một khánh thành cầu treo thôn 3"
OTHER = "Ia Một tổ chức giải bóng chuyền"


def _delete(tenant, page_id):
    with schema_context(tenant.schema_name):
        fetch(tenant, page_id).delete()


def _news_with_id(tenant, page_id, title):
    """A new news item that gets the id a deleted one had (as a site remade or restored may
    hand out ids again): the schema's page sequence is set back, then the item made."""
    from django.db import connection as db

    with schema_context(tenant.schema_name), db.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), %s, false)",
            [page_id],
        )
    return fetch(tenant, make_news(tenant, title, lead="Sapô khác.", with_files=False))


def test_a_submission_whose_page_id_went_to_another_page_does_not_take_that_page(network):
    commune, portal = network.commune, network.portal
    source_id = make_news(commune, FIRST, with_files=False)
    chief = login(commune)
    assert chief.post(f"/admin/trao-doi/gui-len/{source_id}/", {"note": ""}).status_code == 302
    submission = Submission.objects.get()
    assert submission.source_translation_key == fetch(commune, source_id).translation_key

    # The item is deleted; another one is made under its id.
    _delete(commune, source_id)
    other = _news_with_id(commune, source_id, OTHER)
    assert other.pk == submission.source_page_id
    assert other.translation_key != submission.source_translation_key
    submission.refresh_from_db()
    assert submission.source_withdrawn, "publishing the other item does not revive the request"
    assert submission.title == FIRST and OTHER not in json.dumps(submission.snapshot)

    # The portal cannot accept the other item in its place.
    reviewer = login(portal)
    response = reviewer.post(
        f"/admin/trao-doi/tin-co-so/{submission.pk}/xu-ly/",
        {"action": "accept", "section": section(portal, "tin-tuc")},
    )
    assert "Không tìm thấy bản gốc" in reviewer.get(response.url).content.decode()
    submission.refresh_from_db()
    assert submission.state == Submission.State.SENT and submission.copy_page_id is None
    with schema_context(portal.schema_name):
        from content.models import NewsPage

        assert not NewsPage.objects.filter(title=OTHER).exists()

    # The other item, sent up, is a request of its own, under the same id.
    assert chief.post(f"/admin/trao-doi/gui-len/{other.pk}/", {"note": ""}).status_code == 302
    assert Submission.objects.count() == 2
    second = Submission.objects.exclude(pk=submission.pk).get()
    assert (second.source_page_id, second.title) == (other.pk, OTHER)
    assert second.source_translation_key == other.translation_key
    sent = chief.get("/admin/trao-doi/da-gui-len/").content.decode()
    assert FIRST in sent and OTHER in sent


def test_a_dispatch_does_not_carry_a_page_that_took_its_source_id_down_to_members(network):
    portal, commune = network.portal, network.commune
    source_id = make_document(portal, "Thông báo lịch tiếp công dân tháng 12")
    chief = login(portal)
    chief.post(f"/admin/trao-doi/gui-xuong/{source_id}/", {"target": "all"})
    dispatch = Dispatch.objects.get()
    receipt = Receipt.objects.get(site=commune)
    login(commune).post(
        f"/admin/trao-doi/tu-cap-tren/{receipt.pk}/xu-ly/",
        {"action": "publish", "section": section(commune, "van-ban")},
    )
    receipt.refresh_from_db()
    assert receipt.state == Receipt.State.PUBLISHED

    _delete(portal, source_id)
    _news_with_id(portal, source_id, "Tin khác của huyện")
    dispatch.refresh_from_db()
    assert dispatch.withdrawn and dispatch.version == 1, "the other page is not a new version"
    copy = fetch(commune, receipt.copy_page_id)
    assert copy.title == "Thông báo lịch tiếp công dân tháng 12"


def test_rows_written_before_the_key_go_by_the_id_and_the_migration_fills_them(network):
    """An old row (no key) still finds its page by id; the data migration gives it the key of
    the page at its id, unless the row was withdrawn and that page bears another title."""
    from exchange.sources import source_page

    commune = network.commune
    kept = make_news(commune, FIRST, with_files=False)
    gone = make_news(commune, OTHER, with_files=False)
    rows = {}
    for page_id, title, withdrawn in ((kept, FIRST, False), (gone, "Tin đã xóa", True)):
        rows[page_id] = Submission.objects.create(
            source=commune,
            portal=network.portal,
            source_page_id=page_id,
            source_url=f"http://iamot.thunghiem.localhost/tin-tuc/{page_id}/",
            title=title,
            sent_by="truongban",
            sent_at="2026-11-30T08:00:00+07:00",
            source_withdrawn=withdrawn,
        )
    with schema_context(commune.schema_name):
        assert source_page(rows[kept]).pk == kept

    migration = import_module("exchange.network.migrations.0003_fill_source_translation_key")
    migration.fill_keys(django_apps, SimpleNamespace(connection=connection))
    for row in rows.values():
        row.refresh_from_db()
    assert rows[kept].source_translation_key == fetch(commune, kept).translation_key
    assert rows[gone].source_translation_key is None, "a withdrawn row whose id changed hands"
