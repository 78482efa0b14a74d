"""Keep Django's ContentType cache apart for the public schema and the sites' schemas.

Django caches content types per database alias, but their ids differ between the public
schema and the site schemas: Wagtail's data migrations create content types in the sites'
schemas that the public schema never runs (measured: ``wagtailcore.page`` is 33 in public and
1 in every site). A lookup cached in public and reused in a site would give a page the wrong
type. Every site schema is a clone of one template and migrated in the same order, so their
ids agree among themselves: one cache for public and one for all sites is enough.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django_tenants.utils import get_public_schema_name


class SchemaFamilyCache(dict):
    """The manager's ``_cache``, keyed by (alias, is the public schema active)."""

    @staticmethod
    def _key(alias):
        schema = getattr(connections[alias], "schema_name", None)
        return alias, schema == get_public_schema_name()

    def __getitem__(self, alias):
        return super().__getitem__(self._key(alias))

    def setdefault(self, alias, default=None):
        return super().setdefault(self._key(alias), default)


def install() -> None:
    ContentType.objects._cache = SchemaFamilyCache()
