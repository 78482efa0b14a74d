"""Signals of the network's life, for the apps above ``tenants`` to react to.

``tenants`` imports no content app (README, "Import directions"): what other apps do when a
site appears or comes back from a backup (index its pages for the cross-site search…) they do
by listening here.
"""

from django.dispatch import Signal

# Sent inside the creation's transaction, with the site's schema selected, once its pages,
# board and lists are in place: ``sender`` is the Tenant class, ``tenant`` the new site.
site_created = Signal()

# Sent after a site was restored from a backup (tenants/backup.py), with ``tenant``: its
# pages are those of the archive, so whatever mirrors them (the search index) starts afresh.
site_restored = Signal()

# Sent after a site's status, name, domains or merger changed (tenants/lifecycle.py, which
# writes with ``update()`` and so sends no ``post_save``), with ``tenant``: whatever keeps a
# copy of what a site's pages show (the page caches, serving/) starts afresh.
site_changed = Signal()
