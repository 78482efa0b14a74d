"""A small tsvector to rank with, and the planner's estimates in one call.

``rank_tsv``: title and document fields (A) and summary (B), no body.

Ranking reads the tsvector of each of the newest candidates. The whole-text ``tsv`` averages
2.5 KB compressed in TOAST, and fetching and decompressing it was most of the ranking's cost
(~50 µs a row, 200 rows a query). ``rank_tsv`` is a few hundred bytes kept in the row
(storage MAIN: compressed but never moved out), so ranking costs a few µs a row. The body is
still searched, through ``tsv`` and its GIN index; a match in the body only ranks after
matches in titles and summaries, newest first. Adding the column rewrites the table once.

``public.search_estimate(query)``: the planner's row estimate of a statement (EXPLAIN, never
run), so that the backend asks for several in one round trip instead of one EXPLAIN each.
Our code calls it with statements it built and quoted itself.
"""

from django.db import migrations

FORWARD = r"""
ALTER TABLE public.search_entry
    ADD COLUMN rank_tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, public.search_fold(title || ' ' || keywords)), 'A')
        || setweight(to_tsvector('simple'::regconfig, public.search_fold(summary)), 'B')) STORED,
    ALTER COLUMN rank_tsv SET STORAGE MAIN;  -- one statement: the rewrite already keeps it in

CREATE OR REPLACE FUNCTION public.search_estimate(query text) RETURNS float8
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
    RETURN greatest((plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8, 1);
END
$$;
"""

BACKWARD = """
DROP FUNCTION IF EXISTS public.search_estimate(text);
ALTER TABLE public.search_entry DROP COLUMN rank_tsv;
"""


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
