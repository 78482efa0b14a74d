"""Wagtail's own search inside each site (the admin's page search), made accent-insensitive.

Wagtail's PostgreSQL backend indexes with the ``simple`` configuration for autocomplete, which
keeps diacritics: an editor typing "dak doa" would not find "Đak Đoa". The same backend with
``public.search_vi`` (unaccent, then simple; created by search migration 0002 in the public
schema, which every site's search_path reaches) folds both the index and the query.
"""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

CONFIG = "public.search_vi"


class AccentInsensitiveSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or CONFIG
        self.autocomplete_config = CONFIG


SearchBackend = AccentInsensitiveSearchBackend
