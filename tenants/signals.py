"""What ``tenants`` announces about sites, so that the apps built on it react without being
imported by it (DESIGN.md, decision 8)."""

from django.dispatch import Signal

# Sent after a site was restored from a backup (tenants/backup.py), with ``tenant``: its
# pages are those of the archive, so whatever mirrors them (the search index) starts afresh.
site_restored = Signal()
