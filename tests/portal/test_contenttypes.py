"""Content types resolved in the public schema are never reused inside a site."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django_tenants.utils import schema_context


def _row_id(app_label, model):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM django_content_type WHERE app_label = %s AND model = %s",
            [app_label, model],
        )
        return cursor.fetchone()[0]


def test_a_sites_content_type_ids_come_from_its_own_schema(db, demo_network):
    from wagtail.models import Page

    public_id = ContentType.objects.get_for_model(Page).pk
    assert public_id == _row_id("wagtailcore", "page")
    with schema_context(demo_network["iabang"].schema_name):
        site_id = ContentType.objects.get_for_model(Page).pk
        assert site_id == _row_id("wagtailcore", "page")
        assert ContentType.objects.get_for_id(site_id).model_class() is Page
    assert public_id != site_id  # the case this guards against does arise
