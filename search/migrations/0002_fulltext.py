"""The full-text machinery of the PostgreSQL backend, in SQL Django cannot express.

* ``public.search_fold``: NFC, lower case, unaccent, đ→d. IMMUTABLE (``unaccent()`` itself
  is only STABLE, as it reads its dictionary by name) so generated columns and indexes can use
  it; the dictionary is named with its schema so the result never depends on search_path.
* ``public.search_vi``: a text search configuration that unaccents, used only by
  ``ts_headline`` on the original text, so "dak doa" marks "Đak Đoa" in snippets.
* Generated columns: the weighted folded tsvector (title and document fields A, summary B,
  body C), an accented tsvector of title and summary (exact diacritics rank first), the folded
  title for trigrams, and the year for facets.
* ``toast_tuple_target``: body and tsvectors leave the row, which stays ~200 bytes, so the
  index scans that visit thousands of matches read narrow rows.
"""

from django.db import migrations

FORWARD = r"""
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public;

CREATE OR REPLACE FUNCTION public.search_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary,
                           translate(lower(normalize($1, NFC)), 'đ', 'd'));

DROP TEXT SEARCH CONFIGURATION IF EXISTS public.search_vi;
CREATE TEXT SEARCH CONFIGURATION public.search_vi (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION public.search_vi
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH public.unaccent, pg_catalog.simple;

ALTER TABLE public.search_entry
    ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, public.search_fold(title || ' ' || keywords)), 'A')
        || setweight(to_tsvector('simple'::regconfig, public.search_fold(summary)), 'B')
        || setweight(to_tsvector('simple'::regconfig, public.search_fold(body)), 'C')) STORED,
    ADD COLUMN exact_tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, lower(normalize(title || ' ' || summary, NFC)))) STORED,
    ADD COLUMN title_folded text GENERATED ALWAYS AS (public.search_fold(title)) STORED,
    ADD COLUMN year smallint GENERATED ALWAYS AS (
        extract(year FROM published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::smallint) STORED;

ALTER TABLE public.search_entry SET (toast_tuple_target = 256);

CREATE INDEX search_entry_tsv ON public.search_entry USING gin (tsv);
CREATE INDEX search_entry_date ON public.search_entry (published_at DESC);
CREATE INDEX search_entry_site_date ON public.search_entry (site_id, published_at DESC);
CREATE INDEX search_entry_title_trgm ON public.search_entry USING gin (title_folded gin_trgm_ops);
CREATE INDEX search_word_trgm ON public.search_word USING gin (word gin_trgm_ops);
"""

BACKWARD = r"""
DROP INDEX IF EXISTS public.search_word_trgm;
DROP INDEX IF EXISTS public.search_entry_title_trgm;
DROP INDEX IF EXISTS public.search_entry_site_date;
DROP INDEX IF EXISTS public.search_entry_date;
DROP INDEX IF EXISTS public.search_entry_tsv;
ALTER TABLE public.search_entry DROP COLUMN tsv, DROP COLUMN exact_tsv,
    DROP COLUMN title_folded, DROP COLUMN year;
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.search_vi;
DROP FUNCTION IF EXISTS public.search_fold(text);
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
