"""django-tenants' database backend, with Django's content-type cache kept per schema.

django-tenants empties ``ContentType.objects``' cache each time the connection switches
schema, because a content type's id may differ between schemas. Every request switches to its
site's schema, so every page paid for the content types again: one query per page model that
``.specific`` or Wagtail's routing met (issue 19, the query budget). Here each schema keeps
its own cache instead (the correctness django-tenants wants, without the cost), bounded to the
most recently used schemas.
"""

from collections import OrderedDict

from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper

MAX_SCHEMAS = 256

_caches: OrderedDict[str, dict] = OrderedDict()


def _cache_of(schema: str) -> dict:
    cache = _caches.pop(schema, None)
    if cache is None:
        cache = {}
    _caches[schema] = cache
    while len(_caches) > MAX_SCHEMAS:
        _caches.popitem(last=False)
    return cache


class DatabaseWrapper(TenantDatabaseWrapper):
    def set_tenant(self, tenant, include_public=True):
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects._cache = {}  # what django-tenants' switch empties
        super().set_tenant(tenant, include_public)
        ContentType.objects._cache = _cache_of(self.schema_name)
