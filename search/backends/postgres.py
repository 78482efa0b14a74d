"""The default backend: a table in the public schema, full-text searched by PostgreSQL.

Design (measured in bench/search.py, after research/search-baseline.md):

* Text is folded once, in the database (``public.search_fold``: NFC, lower case, unaccent,
  đ→d), into a ``simple`` tsvector with the title (and document fields) weighted A, the
  summary B, the body C. A GIN index serves ``@@``.
* Ranking is bounded. PostgreSQL cannot take the top k by relevance without scoring every
  match, and common words ("xã", "thông báo") match most of a government corpus. So only the
  newest ``COUNTED`` matches are taken; the total and the facets are counted over them (exact
  below that, "at least" above), and the newest ``RANKED`` of them are scored with
  ``ts_rank`` over ``rank_tsv``, a small tsvector of title, document fields and summary
  kept in the row (migration 0003): the body's tsvector, in TOAST, is only matched. When the
  query carries diacritics, a match of the exact accented words in the title or summary
  ranks first.
* How the newest matches are found is chosen per query (``_choose_path``): by walking the
  date index (dense words), or through the GIN index in a window of the newest entries (in
  the years asked for), widened by what it held until it holds enough (everything else).
* The GIN index holds the filters too (``btree_gin``, migration 0004): site, type, year and
  month are intersected with the words inside the index, so a filter or a window costs no
  visit to the rows it excludes (at 1M entries, "bệnh tay chân miệng" in 2020's documents:
  54,000 pages read → 1,400).
* The planner's own choice of scan was the main cause of slow queries: it prices ``@@`` as
  cheap and assumes syllables independent, which Vietnamese words are not.
* Quoted phrases and apostrophes ("Cư M'gar") are matched as words first and checked as
  phrases only on those candidates, since a phrase needs every candidate's whole tsvector.
* Filters: one chosen site uses the (site, date) index; years are also a date range, where
  a walk of the date index starts.
* The heap is kept narrow (``toast_tuple_target``): body and tsvector live in TOAST, so
  visiting a match costs a short row, not a 3 KB one.
* Snippets (``ts_headline`` with an unaccenting configuration, so "dak doa" marks "Đak Đoa")
  are made for the ten hits shown only.
* Typos: when nothing matches, each word is corrected against the lexicon of title words
  (trigram similarity and edit distance over a few thousand words, not over the corpus) and
  the corrected query is offered and run; if that fails too and the search is limited to a
  few sites, the newest titles of those sites are compared by trigrams (a bounded number).
* Every search runs under ``statement_timeout``; a timeout becomes a polite 503 page.
"""

import json
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import DatabaseError, connection, transaction
from django.utils.dateparse import parse_datetime
from django.utils.html import escape

from search.backends import Backend, NewEntry, Newest, NewestQuery, SearchUnavailable
from search.outbox import DELETE
from search.query import COUNTED, RANKED, Bucket, Hit, SearchQuery, SearchResult

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
START, STOP = "\x02", "\x03"
HEADLINE = (
    'MaxFragments=2, MinWords=10, MaxWords=28, FragmentDelimiter=" … ",'
    f" StartSel={START}, StopSel={STOP}"
)
TITLE_HEADLINE = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
FOLDED_QUERY = "websearch_to_tsquery('simple', public.search_fold(%(q)s))"
LOOSE_QUERY = "websearch_to_tsquery('simple', public.search_fold(%(loose)s))"
EXACT_QUERY = "websearch_to_tsquery('simple', lower(%(q)s))"
TRIGRAM_SITE_LIMIT = 5
TRIGRAM_SCANNED = 5000  # titles compared by trigrams when nothing else matched
WINDOW_SLACK = 3
WINDOW_GROWTH = 8
MAX_WINDOW = 0.5  # beyond half of the entries, a window saves nothing
BITMAP_FACTOR = 3  # date-index row cost / bitmap row cost, measured (bench/search.py)

# Ranking: ``ts_rank`` over the small tsvector of migration 0003, kept in the row. Measured
# over 2,000 rows (100k corpus, loaded machine): ts_rank_cd on the whole-text ``tsv`` (in
# TOAST) costs ~42 µs a row, ts_rank_cd on ``rank_tsv`` ~16 µs, ts_rank on it ~0.
RANK_FUNCTION, RANK_COLUMN = "ts_rank", "rank_tsv"
# How the newest matches are found (``_choose_path``), as settings for the search statement.
WALK = "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexscan = on;"
BITMAP = "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = on;"

COLUMNS = (
    "site_id, page_id, locale, url, title, summary, body, keywords, kind, section, extra,"
    " published_at, updated_at"
)


def _bounds_within(bounds: list, years: tuple[int, ...]) -> list:
    """The histogram of publication dates, cut to the years asked for (windows start there)."""
    if not years:
        return bounds
    start = datetime(min(years), 1, 1, tzinfo=VIETNAM)
    end = datetime(max(years) + 1, 1, 1, tzinfo=VIETNAM)
    return [bound for bound in bounds if start <= bound < end]


def local_day_bounds(query) -> tuple[datetime | None, datetime | None]:
    """``since``/``until`` (local dates, both included) as instants: [start, end)."""
    start = datetime.combine(query.since, time.min, VIETNAM) if query.since else None
    end = (
        datetime.combine(query.until + timedelta(days=1), time.min, VIETNAM)
        if query.until
        else None
    )
    return start, end


def marked(text: str) -> str:
    """Escape a headline and turn its markers into <mark> elements."""
    return escape(text or "").replace(START, "<mark>").replace(STOP, "</mark>")


def _filters(query: SearchQuery, hidden: list[int], estimating=False) -> tuple[str, dict]:
    """SQL conditions and their parameters; ``estimating``: without the conditions that
    repeat another (the planner would count them twice)."""
    sql, params = [], {}
    if query.sites:
        if len(query.sites) == 1:  # equality lets the (site, date) index give the order
            sql.append("e.site_id = %(site)s")
            params["site"] = query.sites[0]
        else:
            sql.append("e.site_id = ANY(%(sites)s)")
            params["sites"] = list(query.sites)
    if hidden:
        sql.append("e.site_id <> ALL(%(hidden)s)")
        params["hidden"] = hidden
    if query.kinds:
        sql.append("e.kind = ANY(%(kinds)s)")
        params["kinds"] = list(query.kinds)
    if query.years:
        # The years for the GIN index (migration 0004), and a date range for the date index,
        # which a walk starts at the right year.
        if not estimating:
            sql.append("e.year = ANY(%(years)s::smallint[])")
        sql.append(
            "e.published_at >= make_timestamptz(%(first_year)s, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')"
            " AND e.published_at"
            " < make_timestamptz(%(last_year)s + 1, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')"
        )
        params.update(years=list(query.years), first_year=min(query.years))
        params["last_year"] = max(query.years)
    return "".join(f" AND {condition}" for condition in sql), params


class PostgresBackend(Backend):
    name = "postgres"
    applies_in_transaction = True

    # ------------------------------------------------------------------ writes
    def apply(self, events) -> None:
        latest = {}
        for event in events:  # in outbox order: the last event of a page wins
            latest[(event.site_id, event.page_id)] = event
        with connection.cursor() as cursor:
            for event in latest.values():
                if event.action == DELETE:
                    cursor.execute(
                        "DELETE FROM public.search_entry WHERE site_id = %s AND page_id = %s",
                        [event.site_id, event.page_id],
                    )
                else:
                    self._upsert(cursor, event.document)

    def _upsert(self, cursor, doc: dict) -> None:
        values = [
            doc["site_id"], doc["page_id"], doc["locale"], doc["url"], doc["title"],
            doc["summary"], doc["body"], doc["keywords"], doc["kind"], doc["section"],
            json.dumps(doc.get("extra") or {}), doc["published_at"], doc["updated_at"],
        ]  # fmt: skip
        updates = ", ".join(
            f"{column} = EXCLUDED.{column}" for column in COLUMNS.replace(" ", "").split(",")[2:]
        )
        cursor.execute(
            f"INSERT INTO public.search_entry ({COLUMNS}) VALUES ({', '.join(['%s'] * 13)})"  # noqa: S608
            f" ON CONFLICT (site_id, page_id) DO UPDATE SET {updates}",
            values,
        )
        cursor.execute(
            "INSERT INTO public.search_word (word)"
            " SELECT DISTINCT w FROM regexp_split_to_table(public.search_fold(%s), '[^a-z0-9]+') w"
            " WHERE length(w) BETWEEN 2 AND 30 ON CONFLICT DO NOTHING",
            [f"{doc['title']} {doc['keywords']}"],
        )

    def clear(self, site_id: int | None = None) -> None:
        with connection.cursor() as cursor:
            if site_id is None:
                cursor.execute("TRUNCATE public.search_entry")
            else:
                cursor.execute("DELETE FROM public.search_entry WHERE site_id = %s", [site_id])

    def prune(self, site_id: int, keep_page_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM public.search_entry WHERE site_id = %s AND page_id <> ALL(%s)",
                [site_id, keep_page_ids],
            )

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM public.search_entry")
            return cursor.fetchone()[0]

    # ------------------------------------------------------------------ reads
    # A search is a handful of round trips, not a dozen: on a busy 2-core server each one
    # waits for the CPU, so statements are batched (the statistics with the timeout, the
    # estimates in one call of ``public.search_estimate``, the scan choice, the matches, facets,
    # ranking and snippets in one statement).
    def run(self, query: SearchQuery, hidden_sites: list[int]) -> SearchResult:
        with transaction.atomic(), connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT set_config('statement_timeout', '3s', true),"
                    " (SELECT greatest(reltuples, 1) FROM pg_class"
                    "  WHERE oid = 'public.search_entry'::regclass),"
                    " (SELECT histogram_bounds::text::timestamptz[] FROM pg_stats"
                    "  WHERE schemaname = 'public' AND tablename = 'search_entry'"
                    "  AND attname = 'published_at')"
                )
                _timeout, rows, bounds = cursor.fetchone()
                stats = (rows, bounds or [])
                result = self._run(cursor, query, hidden_sites, query.text, stats)
                if result.total == 0:
                    result = self._fallback(cursor, query, hidden_sites, result, stats)
            except DatabaseError as error:  # statement_timeout, mostly; the savepoint undoes SETs
                raise SearchUnavailable(str(error)) from error
            return result

    def run_newest(self, query: NewestQuery) -> Newest:
        """A walk of the date index (or of the site's): no text, so no ranking and no TOAST."""
        conditions, params = ["e.site_id = ANY(%(sites)s)"], {"sites": list(query.sites)}
        if query.kinds:
            conditions.append("e.kind = ANY(%(kinds)s)")
            params["kinds"] = list(query.kinds)
        if query.locale:
            conditions.append("e.locale = %(locale)s")
            params["locale"] = query.locale
        start, end = local_day_bounds(query)
        if start:
            conditions.append("e.published_at >= %(start)s")
            params["start"] = start
        if end:
            conditions.append("e.published_at < %(end)s")
            params["end"] = end
        where = " AND ".join(conditions)
        params.update(limit=query.limit, offset=query.offset)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "SELECT e.site_id, e.page_id, e.url, e.title, e.summary, e.kind, e.locale,"  # noqa: S608
                    f" e.published_at, e.extra FROM public.search_entry e WHERE {where}"
                    " ORDER BY e.published_at DESC, e.site_id DESC, e.page_id DESC"
                    " LIMIT %(limit)s OFFSET %(offset)s",
                    params,
                )
                rows = cursor.fetchall()
                total = None
                if query.with_total:
                    cursor.execute(
                        f"SELECT count(*) FROM public.search_entry e WHERE {where}",  # noqa: S608
                        params,
                    )
                    total = cursor.fetchone()[0]
        except DatabaseError as error:
            raise SearchUnavailable(str(error)) from error
        entries = [
            NewEntry(
                site_id=site_id,
                page_id=page_id,
                url=url,
                title=title,
                summary=summary or "",
                kind=kind,
                locale=locale,
                date=published_at,
                extra=extra if isinstance(extra, dict) else json.loads(extra or "{}"),
            )
            for site_id, page_id, url, title, summary, kind, locale, published_at, extra in rows
        ]
        return Newest(entries, total)

    def _fallback(self, cursor, query, hidden, result, stats) -> SearchResult:
        suggestion = self._correct(cursor, query.text)
        if suggestion and suggestion != _fold_words(query.text):
            result = self._run(cursor, query, hidden, suggestion, stats)
            result.suggestion = suggestion
            result.suggestion_used = result.total > 0
        if result.total == 0 and query.sites and len(query.sites) <= TRIGRAM_SITE_LIMIT:
            result.hits = self._trigram_titles(cursor, query, hidden)
            result.total = len(result.hits)
            result.suggestion_used = bool(result.hits)
        return result

    def _estimates(self, cursor, conditions: list[tuple[str, dict]]) -> list[float]:
        """The planner's row estimates for several conditions, in one round trip."""
        statements = [
            cursor.mogrify(f"SELECT 1 FROM public.search_entry e WHERE {condition}", params)  # noqa: S608
            for condition, params in conditions
        ]
        calls = ", ".join(["public.search_estimate(%s)"] * len(statements))
        cursor.execute(f"SELECT {calls}", [s.decode() for s in statements])  # noqa: S608
        return list(cursor.fetchone())

    def _choose_path(self, cursor, filters: str, params: dict, stats) -> tuple[str, float]:
        """Pick the scan that finds the newest matches fastest: (settings to apply, the share
        of the newest entries to look in first).

        Walking the date index checks each row it passes (detoasting its tsvector, ~6 µs):
        it reads COUNTED / density rows, cheap for a word in most entries, ruinous for one in
        2 % of them. Visiting every match through the GIN bitmap reads only the narrow row
        (~1–2.5 µs): cheap below some thousands of matches, ruinous for "xã". PostgreSQL's
        cost of ``@@`` does not see this, so we decide: the bitmap while
        density² · rows in the filters < BITMAP_FACTOR · COUNTED.

        The density comes from the planner, which knows single syllables well but assumes them
        independent. Vietnamese words are made of syllables that go together ("sốt xuất
        huyết", "sầu riêng", "Ia Băng"), so the joint estimate is far too low (10–20× here);
        the rarest syllable's count, an upper bound, is much closer and is used. (Counting
        the matches exactly through the GIN index was measured at 125–350 ms at 1M entries:
        dearer than the mistakes it would avoid.)
        """
        rows = stats[0]
        match = "e.tsv @@ websearch_to_tsquery('simple', public.search_fold(%(w)s))"
        words = params["loose"].split()[:6]
        conditions = [(match, {"w": params["loose"]})]
        if len(words) > 1:
            conditions += [(match, {"w": word}) for word in words]
        if filters:
            conditions.append((f"true{filters}", params))
        estimates = self._estimates(cursor, conditions)
        in_filters = estimates.pop() if filters else rows
        low = high = estimates[0]
        if len(words) > 1:
            high = max(low, min(estimates[1:]))

        if (low / rows) ** 2 * in_filters >= BITMAP_FACTOR * COUNTED:
            # Even the lowest estimate is dense: the date index finds COUNTED matches quickly.
            return WALK, 1.0
        # The share of the newest entries (in the filters) expected to hold WINDOW_SLACK ×
        # COUNTED matches, sized by the high estimate.
        return BITMAP, WINDOW_SLACK * COUNTED * rows / (high * max(in_filters, 1))

    def _run(self, cursor, query: SearchQuery, hidden, text: str, stats) -> SearchResult:
        filters, params = _filters(query, hidden)
        params.update(
            q=text,
            loose=_loose(text),
            counted=COUNTED,
            ranked=RANKED,
            limit=query.per_page,
            offset=query.offset,
            exact=query.has_diacritics,
            th=TITLE_HEADLINE,
            hl=HEADLINE,
        )
        estimated = _filters(query, hidden, estimating=True)[0]
        path, fraction = self._choose_path(cursor, estimated, params, stats)
        # Only the newest matches are wanted: a window of the newest entries (in the years
        # asked for) lets the GIN index intersect the words with the window's months, so only
        # the window's matches are visited. A window that holds fewer than COUNTED is widened
        # by what it held (at 1M entries, "Kong Chro": 19,000 pages read → 2,800).
        bounds = _bounds_within(stats[1], query.years)
        while bounds and fraction < MAX_WINDOW:
            window = bounds[max(0, int((1 - fraction) * (len(bounds) - 1)) - 1)]
            windowed = (
                f"{filters} AND public.search_month(e.published_at)"
                " >= public.search_month(%(window)s) AND e.published_at >= %(window)s"
            )
            result = self._query(cursor, query, path, windowed, {**params, "window": window})
            if not result.total_is_exact:  # the window held COUNTED matches: they are the newest
                return result
            fraction *= min(WINDOW_GROWTH, max(2, WINDOW_SLACK * COUNTED / max(result.total, 1)))
        return self._query(cursor, query, path, filters, params)

    def _query(self, cursor, query: SearchQuery, path: str, filters: str, params: dict):
        # Walking the date index checks each entry it passes: the small ``rank_tsv`` in the row
        # first, the body's ``tsv`` in TOAST only when the title and summary do not match.
        # (Equivalent for words, phrases and "or"; not for a "-word" the body may hold.)
        match = f"e.tsv @@ {LOOSE_QUERY}"
        if path == WALK and not any(word.startswith("-") for word in params["loose"].split()):
            match = f"(e.rank_tsv @@ {LOOSE_QUERY} OR e.tsv @@ {LOOSE_QUERY})"
        # A quoted phrase (or "M'gar": an apostrophe makes a phrase too) needs word
        # positions, that is the whole tsvector of every candidate: candidates are found with
        # the words alone, and the phrase is checked on those only.
        phrase = (
            f"WHERE (SELECT r.tsv FROM public.search_entry r WHERE r.id = m.id) @@ {FOLDED_QUERY}"  # noqa: S608
            if params["loose"] != params["q"]
            else ""
        )
        # The scan settings (``path``) come first, in the same round trip; the statement sets
        # them back at its end (the plan is made by then), as the search may run inside a
        # longer transaction.
        cursor.execute(
            f"""{path}
            WITH m AS MATERIALIZED (
                SELECT e.id, e.site_id, e.kind, e.year, e.published_at
                FROM public.search_entry e
                WHERE {match}{filters}
                ORDER BY e.published_at DESC
                LIMIT %(counted)s
            ), f AS MATERIALIZED (
                SELECT m.* FROM m {phrase}
            ), top AS MATERIALIZED (
                SELECT c.id,
                       {RANK_FUNCTION}(r.{RANK_COLUMN}, {FOLDED_QUERY})
                       + CASE WHEN %(exact)s AND r.exact_tsv @@ {EXACT_QUERY} THEN 10 ELSE 0 END
                       AS score,
                       c.published_at
                FROM (SELECT id, published_at FROM f ORDER BY published_at DESC LIMIT %(ranked)s) c
                JOIN public.search_entry r ON r.id = c.id
                ORDER BY score DESC, c.published_at DESC, c.id
                LIMIT %(limit)s OFFSET %(offset)s
            )
            SELECT (SELECT count(*) FROM m), (SELECT count(*) FROM f),
                   (SELECT json_agg(json_build_array(
                        t.id, t.score, e.site_id, e.page_id, e.url, e.kind, e.section, e.locale,
                        e.published_at,
                        ts_headline('public.search_vi', e.title, {FOLDED_QUERY}, %(th)s),
                        ts_headline('public.search_vi',
                                    left(coalesce(nullif(e.body, ''), e.summary), 1000),
                                    {FOLDED_QUERY}, %(hl)s))
                        ORDER BY t.score DESC, t.published_at DESC, t.id)
                    FROM top t JOIN public.search_entry e ON e.id = t.id),
                   (SELECT json_agg(json_build_array(f, k, n)) FROM (
                        SELECT 'site' AS f, site_id::text AS k, n
                        FROM (SELECT site_id, count(*) AS n FROM f GROUP BY 1) s
                        UNION ALL SELECT 'kind', kind, count(*) FROM f GROUP BY 2
                        UNION ALL SELECT 'year', year::text, n
                        FROM (SELECT year, count(*) AS n FROM f GROUP BY 1) y) x),
                   set_config('enable_bitmapscan', 'on', true),
                   set_config('enable_indexscan', 'on', true)
            """,  # noqa: S608
            params,
        )
        candidates, total, hit_rows, facet_rows, *_settings = cursor.fetchone()
        facets: dict[str, list[Bucket]] = {"site": [], "kind": [], "year": []}
        for facet, key, count in facet_rows or []:
            facets[facet].append(Bucket(key, count))
        for name, buckets in facets.items():
            buckets.sort(key=(lambda b: -int(b.key)) if name == "year" else (lambda b: -b.count))
        return SearchResult(
            query=query,
            hits=[_hit(row) for row in hit_rows or []],
            total=total,
            total_is_exact=candidates < COUNTED,
            facets=facets,
        )

    def _correct(self, cursor, text: str) -> str:
        """Each folded word of ``text``, replaced by the nearest known title word if unknown."""
        cursor.execute(
            """
            SELECT string_agg(coalesce(
                (SELECT w.word FROM public.search_word w WHERE w.word = u.w),
                (SELECT w.word FROM public.search_word w
                  WHERE length(u.w) >= 3
                    AND levenshtein_less_equal(w.word, u.w, 2)
                        <= CASE WHEN length(u.w) <= 4 THEN 1 ELSE 2 END
                  ORDER BY levenshtein_less_equal(w.word, u.w, 2),
                           similarity(w.word, u.w) DESC, w.word
                  LIMIT 1),
                u.w), ' ' ORDER BY u.i)
            FROM unnest(regexp_split_to_array(
                trim(regexp_replace(public.search_fold(%s), '[^a-z0-9]+', ' ', 'g')), ' '))
                WITH ORDINALITY AS u(w, i)
            WHERE u.w <> ''
            """,
            [text],
        )
        return cursor.fetchone()[0] or ""

    def _trigram_titles(self, cursor, query: SearchQuery, hidden) -> list[Hit]:
        filters, params = _filters(query, hidden)
        params.update(q=query.text, limit=query.per_page, scanned=TRIGRAM_SCANNED)
        cursor.execute("SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = on")
        cursor.execute(
            f"""
            WITH e AS MATERIALIZED (  -- a few sites' newest titles: bounded, whatever the corpus
                -- (the columns shown only: ``e.*`` would fetch each body from TOAST: 3 s at 1M)
                SELECT e.site_id, e.page_id, e.url, e.title, e.summary, e.kind, e.section,
                       e.locale, e.published_at, e.title_folded
                FROM public.search_entry e WHERE true{filters}
                ORDER BY e.published_at DESC LIMIT %(scanned)s
            )
            SELECT e.site_id, e.page_id, e.url, e.title, e.summary, e.kind, e.section,
                   e.locale, e.published_at,
                   word_similarity(public.search_fold(%(q)s), e.title_folded) AS score
            FROM e
            WHERE public.search_fold(%(q)s) <%% e.title_folded
            ORDER BY score DESC, e.published_at DESC
            LIMIT %(limit)s
            """,  # noqa: S608
            params,
        )
        return [
            Hit(
                site_id=row[0],
                page_id=row[1],
                url=row[2],
                title=escape(row[3]),
                snippet=escape(row[4]),
                kind=row[5],
                section=row[6],
                locale=row[7],
                date=row[8] if not isinstance(row[8], str) else parse_datetime(row[8]),
                score=row[9],
            )
            for row in cursor.fetchall()
        ]


def _hit(row) -> Hit:
    """A hit from the search statement's JSON row (ids, then the two headlines)."""
    _id, score, site_id, page_id, url, kind, section, locale, date, title, snippet = row
    return Hit(
        site_id=site_id,
        page_id=page_id,
        url=url,
        kind=kind,
        section=section,
        locale=locale,
        date=parse_datetime(date),
        title=marked(title),
        snippet=marked(snippet),
        score=score,
    )


def _loose(text: str) -> str:
    """``text`` without what makes phrases: quotes and apostrophes ("M'gar" is m <-> gar).

    Other punctuation stays: "164/KH-UBND" is one token of the index, a document number.
    """
    return " ".join(re.sub(r"[\"'‘’“”]", " ", text).split())


def _fold_words(text: str) -> str:
    from portal.text import fold_vietnamese

    return " ".join(re.split(r"[^a-z0-9]+", fold_vietnamese(text).lower())).strip()
