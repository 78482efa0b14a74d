"""A new site's pages arrive live with the schema clone, without publish signals: index them
when ``tenants`` announces the site (in its creation's transaction, so a failed creation
leaves no entry behind)."""

from search.indexing import index_site


def index_new_site(sender, tenant, **kwargs) -> None:
    index_site(tenant.pk)


def connect() -> None:
    from tenants.signals import site_created

    site_created.connect(index_new_site, dispatch_uid="search-index-new-site")
