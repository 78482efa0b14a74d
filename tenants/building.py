"""The one door through which ``tenants`` builds what is inside a site.

``settings.PORTAL_SITE_BUILDER`` names a module (``sitebuild.builder``) that provides:

* ``fingerprint() -> str``: digest of what a site contains, part of the template's
  fingerprint (a spare of an older blueprint is never taken);
* ``build_template() -> bool``: build or refresh the clone template (current schema);
* ``outdated(schemas) -> list[str]``: the schemas built with an older blueprint;
* ``upgrade(tenant)``: bring an existing site up to the blueprint (its schema selected);
* ``provision(tenant, *, hostname, port, chief_email)``: make a fresh clone the site's own;
  returns ``site_url``, ``chief`` and ``set_password_url``;
* ``set_password_url(user) -> str``: a fresh one-time link on the current site.

A setting rather than an import keeps ``tenants`` free of the content apps, as DESIGN.md
(decision 8) requires; the tests check the direction of every import.
"""

import importlib

from django.conf import settings


def site_builder():
    return importlib.import_module(settings.PORTAL_SITE_BUILDER)
