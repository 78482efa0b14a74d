"""Signals of the network's life, for the apps above ``tenants`` to react to.

``tenants`` imports no content app (README, "Import directions"): what other apps do when a
site appears (index its pages for the cross-site search…) they do by listening here.
"""

from django.dispatch import Signal

# Sent inside the creation's transaction, with the site's schema selected, once its pages,
# board and lists are in place: ``sender`` is the Tenant class, ``tenant`` the new site.
site_created = Signal()
