"""Cross-site search on PostgreSQL: build a synthetic corpus, time queries, print the figures.

Run:  .venv/bin/python bench/search.py [--entries 100000] [--queries 300] [--reuse] [--keep]
                                       [--compare OLD_POSTGRES_PY]

Works on a scratch database (``bench_search_<entries>``) of the embedded server (or of
DATABASE_URL's server), dropped at the end unless --keep; --reuse queries a kept corpus again.
The corpus is built with set-based SQL (generate_series), never row by row: Vietnamese
government text from the vocabulary below over 1,000 sites (a lognormal share each),
2015–2025 with recent years denser, written in date order as a live index is.

Queries go through the real code path (``PostgresBackend.search``: validation, hidden sites,
facets by site/kind/year, ranking, snippets of the ten hits): 1–4 words, half typed without
diacritics, with and without filters. Printed: build time, index size, latency p50/p95/p99/max
overall and per kind of query, and publish → visible on another site, through Wagtail.
"""

import argparse
import os
import random
import statistics
import time

import scratch
from scratch import percentile

SCRATCH = "bench_search"  # + the number of entries: a kept 100k and 1M corpus live side by side
SITES = 1000


# ---------------------------------------------------------------------------- vocabulary
# Hand-written phrases in topics, real place names of the Central Highlands and elsewhere,
# document types. The words are drawn with Zipf-like weights in SQL.

TOPICS = {
    "chuyển đổi số": [
        "chuyển đổi số",
        "dịch vụ công trực tuyến",
        "định danh điện tử",
        "thanh toán không dùng tiền mặt",
        "tổ công nghệ số cộng đồng",
        "chữ ký số",
        "hồ sơ điện tử",
        "cơ sở dữ liệu dân cư",
        "ứng dụng VNeID",
        "nền tảng số",
        "kết nối mạng",
        "Cổng dịch vụ công quốc gia",
    ],
    "nông thôn mới": [
        "nông thôn mới",
        "xây dựng nông thôn mới",
        "tiêu chí nông thôn mới",
        "giao thông nông thôn",
        "bê tông hóa đường làng",
        "thủy lợi nội đồng",
        "nước sạch nông thôn",
        "thu nhập bình quân",
        "xã nông thôn mới nâng cao",
        "làng kiểu mẫu",
    ],
    "nông nghiệp": [
        "cây cà phê",
        "hồ tiêu",
        "cao su",
        "chăn nuôi bò",
        "dịch tả lợn châu Phi",
        "tái canh cà phê",
        "mùa vụ đông xuân",
        "khuyến nông",
        "hợp tác xã nông nghiệp",
        "chuyển đổi cây trồng",
        "sản phẩm OCOP",
        "sầu riêng",
        "giá nông sản",
    ],
    "y tế": [
        "phòng chống dịch",
        "sốt xuất huyết",
        "tiêm chủng mở rộng",
        "bảo hiểm y tế",
        "trạm y tế",
        "khám chữa bệnh",
        "an toàn thực phẩm",
        "diệt lăng quăng bọ gậy",
        "sức khỏe sinh sản",
        "dinh dưỡng trẻ em",
        "bệnh tay chân miệng",
    ],
    "giáo dục": [
        "năm học mới",
        "khai giảng",
        "học sinh giỏi",
        "phổ cập giáo dục",
        "trường mầm non",
        "tuyển sinh lớp 1",
        "học bổng",
        "kiên cố hóa trường lớp",
        "giáo viên",
        "thi tốt nghiệp",
    ],
    "an ninh trật tự": [
        "an ninh trật tự",
        "phòng cháy chữa cháy",
        "an toàn giao thông",
        "tội phạm ma túy",
        "công an xã",
        "tuần tra kiểm soát",
        "tạm trú",
        "thường trú",
        "căn cước",
        "dân quân tự vệ",
        "gọi công dân nhập ngũ",
    ],
    "đất đai": [
        "giấy chứng nhận quyền sử dụng đất",
        "bồi thường giải phóng mặt bằng",
        "quy hoạch sử dụng đất",
        "tranh chấp đất đai",
        "đo đạc địa chính",
        "thu hồi đất",
        "giá đất",
        "cấp sổ đỏ",
    ],
    "an sinh xã hội": [
        "hộ nghèo",
        "giảm nghèo bền vững",
        "nhà ở cho hộ nghèo",
        "người có công",
        "trợ cấp xã hội",
        "bảo hiểm xã hội tự nguyện",
        "việc làm cho lao động nông thôn",
        "xóa nhà tạm",
        "đồng bào dân tộc thiểu số",
        "vay vốn ưu đãi",
    ],
    "văn hóa": [
        "lễ hội cồng chiêng",
        "nhà rông",
        "văn hóa truyền thống",
        "thể dục thể thao",
        "giải bóng đá",
        "ngày hội đại đoàn kết",
        "gia đình văn hóa",
        "di tích lịch sử",
        "du lịch cộng đồng",
    ],
    "hành chính": [
        "cải cách hành chính",
        "thủ tục hành chính",
        "một cửa liên thông",
        "tiếp công dân",
        "lịch tiếp công dân",
        "phản ánh kiến nghị",
        "trả lời kiến nghị cử tri",
        "kỳ họp Hội đồng nhân dân",
        "đại biểu Hội đồng nhân dân",
        "bầu cử",
        "kê khai tài sản",
        "phòng chống tham nhũng",
    ],
    "môi trường": [
        "vệ sinh môi trường",
        "thu gom rác thải",
        "trồng cây xanh",
        "bảo vệ rừng",
        "phòng chống cháy rừng",
        "biến đổi khí hậu",
        "hạn hán",
        "mưa lũ",
        "sạt lở đất",
    ],
}

COMMON = [
    "xã",
    "huyện",
    "Ủy ban nhân dân",
    "thông báo",
    "kế hoạch",
    "người dân",
    "cán bộ",
    "triển khai",
    "tổ chức",
    "năm 2024",
    "hội nghị",
    "công tác",
    "thực hiện",
    "tình hình",
    "kết quả",
    "năm",
    "tháng",
    "chỉ đạo",
    "đơn vị",
    "địa phương",
    "nhân dân",
    "thôn",
    "làng",
    "cộng đồng",
]

FILLER = [
    "theo đó",
    "đồng thời",
    "bên cạnh đó",
    "trong thời gian tới",
    "với sự tham dự của",
    "đại diện lãnh đạo",
    "các ban ngành đoàn thể",
    "phấn đấu hoàn thành",
    "chỉ tiêu đề ra",
    "góp phần nâng cao",
    "đời sống vật chất tinh thần",
    "trên địa bàn",
    "đến nay",
    "tính đến",
    "đạt tỷ lệ",
    "so với cùng kỳ",
    "tăng cường",
    "tuyên truyền vận động",
    "quán triệt",
    "nghiêm túc",
    "hiệu quả",
    "kịp thời",
    "thiết thực",
    "ý nghĩa",
]

DOC_TYPES = ["Quyết định", "Kế hoạch", "Thông báo", "Báo cáo", "Công văn", "Chỉ thị", "Nghị quyết"]

PLACES = [
    "Đak Đoa",
    "Ia Băng",
    "Hà Bầu",
    "Glar",
    "Nam Yang",
    "Kon Gang",
    "Hải Yang",
    "Trang",
    "Hnol",
    "Đak Sơmei",
    "Ia Pết",
    "Hà Đông",
    "Tân Bình",
    "Chư Păh",
    "Ia Grai",
    "Chư Sê",
    "Mang Yang",
    "Kbang",
    "Đak Pơ",
    "An Khê",
    "Ayun Pa",
    "Krông Pa",
    "Phú Thiện",
    "Ia Pa",
    "Đức Cơ",
    "Chư Prông",
    "Chư Pưh",
    "Kông Chro",
    "Pleiku",
    "Tuy Phong",
    "Bạch Thông",
    "Tân Thạnh",
    "Cư M'gar",
    "Buôn Đôn",
    "Ea Súp",
    "Krông Búk",
    "Lắk",
    "Đắk Mil",
    "Đắk Song",
    "Tuy Đức",
    "Ngọc Hồi",
    "Đắk Hà",
    "Sa Thầy",
    "Kon Plông",
    "Đắk Glei",
    "Hòa Bình",
    "Hoà Phú",
    "Thạnh Phú",
    "Quảng Điền",
    "Phong Điền",
]


def use_scratch_database(entries: int) -> None:
    global SCRATCH
    SCRATCH = f"{SCRATCH}_{entries}"
    scratch.use_scratch_database(SCRATCH)
    os.environ.pop("ELASTICSEARCH_URL", None)  # this bench measures the PostgreSQL backend


def recreate_database(drop_only=False):
    scratch.recreate_database(SCRATCH, drop_only=drop_only)


def timed(label, function, *args):
    start = time.perf_counter()
    value = function(*args)
    elapsed = time.perf_counter() - start
    print(f"  {label:<52} {elapsed:8.1f} s", flush=True)
    return value


def create_network():
    """Two real sites (for publish → visible) and 998 more tenant rows without schemas."""
    from django.db import connection

    from tenants.services import create_site

    parent = create_site(
        name="Huyện Bench", slug="bench", kind="district", domain="bench.local"
    ).tenant
    commune = create_site(
        name="Xã Bench Một", slug="benchmot", kind="commune", domain="benchmot.local", parent=parent
    ).tenant

    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO public.tenants_tenant
                (schema_name, name, short_name, slug, kind, parent_id, status, created_at,
                 updated_at, approval_steps, created_by)
            SELECT 'nosite_' || g,
                   'Xã ' || (%s::text[])[1 + g %% cardinality(%s::text[])] || ' ' || g,
                   '', 'site' || g, 'commune', %s,
                   CASE WHEN g %% 200 = 0 THEN 'suspended' ELSE 'active' END, now(), now(),
                   2, 'bench'
            FROM generate_series(3, %s) g
            """,
            [PLACES, PLACES, parent.pk, SITES],
        )
        cursor.execute("SELECT id FROM public.tenants_tenant ORDER BY id")
        site_ids = [row[0] for row in cursor.fetchall()]
    return parent, commune, site_ids


def site_pool(site_ids, size=20_000):
    """Each site's share is lognormal (a province portal writes far more than a commune)."""
    rng = random.Random(7)
    weights = [rng.lognormvariate(0, 1.2) for _ in site_ids]
    total = sum(weights)
    pool = []
    for site_id, weight in zip(site_ids, weights, strict=True):
        pool.extend([site_id] * max(1, round(size * weight / total)))
    return pool


def load_corpus(entries, site_ids):
    from django.db import connection

    width = max(len(p) for p in TOPICS.values())
    topics = [[phrases[i % len(phrases)] for i in range(width)] for phrases in TOPICS.values()]
    params = {
        "n": entries,
        "topics": topics,
        "width": width,
        "ntopics": len(topics),
        "ncommon": len(COMMON),
        "common": COMMON,
        "filler": FILLER,
        "places": PLACES,
        "doctypes": DOC_TYPES,
        "pool": site_pool(site_ids),
    }
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute("SET work_mem = '64MB'")
        timed("drop indexes, truncate", _drop_indexes, cursor)
        timed(f"insert {entries:,} entries (generated columns computed)", _insert, cursor, params)
        timed("create indexes (GIN words + filters, dates, trigram title)", _create_indexes, cursor)
        timed("lexicon of title words", _lexicon, cursor)
        timed("vacuum analyze", _vacuum, cursor)


def _drop_indexes(cursor):
    cursor.execute("TRUNCATE public.search_entry, public.search_word")
    for name in INDEXES:
        cursor.execute(f"DROP INDEX IF EXISTS public.{name}")


INDEXES = {
    "search_entry_match": "USING gin (tsv, site_id, kind, year, public.search_month(published_at))",
    "search_entry_date": "(published_at DESC)",
    "search_entry_site_date": "(site_id, published_at DESC)",
    "search_entry_title_trgm": "USING gin (title_folded gin_trgm_ops)",
}


def _create_indexes(cursor):
    for name, definition in INDEXES.items():
        cursor.execute(f"CREATE INDEX {name} ON public.search_entry {definition}")


def _lexicon(cursor):
    cursor.execute(
        "INSERT INTO public.search_word (word) SELECT DISTINCT w FROM public.search_entry,"
        " regexp_split_to_table(public.search_fold(title || ' ' || keywords), '[^a-z0-9]+') w"
        " WHERE length(w) BETWEEN 2 AND 30 ON CONFLICT DO NOTHING"
    )


def _vacuum(cursor):
    cursor.execute("VACUUM ANALYZE public.search_entry")
    cursor.execute("VACUUM ANALYZE public.search_word")


def _insert(cursor, params):
    # z(n): a Zipf-like index in 1..n (small indexes far more often).
    cursor.execute(
        """
        INSERT INTO public.search_entry
            (site_id, page_id, locale, url, title, summary, body, keywords, kind, section, extra,
             published_at, updated_at)
        SELECT d.site_id, d.g, 'vi',
               'http://s' || d.site_id || '.bench.local/muc/' || d.g || '/',
               t.title, t.title || ', ' || t.lead, t.lead || '. ' || b.body,
               CASE WHEN d.kind = 'document'
                    THEN (d.g %% 900 + 1) || '/' || 'KH-UBND ' || 'Ủy ban nhân dân ' || d.place
                    ELSE '' END,
               d.kind, 'Tin tức – Sự kiện', '{}'::jsonb, d.ts, d.ts
        FROM (
            SELECT x.g, x.ts, x.site_id, x.topic,
                   (%(places)s::text[])[1 + (x.site_id * 7 + x.g %% 3)
                                           %% cardinality(%(places)s::text[])] AS place,
                   CASE WHEN x.r < 0.60 THEN 'news' WHEN x.r < 0.75 THEN 'document'
                        WHEN x.r < 0.80 THEN 'procedure' WHEN x.r < 0.90 THEN 'question'
                        ELSE 'page' END AS kind
            FROM (
                SELECT g, random() AS r,
                       '2015-01-01'::timestamptz
                       + sqrt(random()) * interval '10 years 11 months' AS ts,
                       (%(pool)s::int[])[1 + floor(random() * cardinality(%(pool)s::int[]))::int]
                       AS site_id,
                       1 + floor(random() * %(ntopics)s)::int AS topic
                FROM generate_series(1, %(n)s) g
            ) x
            ORDER BY x.ts
        ) d
        CROSS JOIN LATERAL (
            SELECT
                CASE WHEN d.kind = 'document'
                     THEN (%(doctypes)s::text[])[1 + (d.g %% 7)] || ' về ' ELSE '' END
                || (%(topics)s::text[])[d.topic][1 + floor(%(width)s * random() ^ 2)::int] || ' '
                || (%(common)s::text[])[1 + floor(%(ncommon)s * random() ^ 2)::int]
                || ' ' || d.place || ' '
                || (%(topics)s::text[])[d.topic][1 + floor(%(width)s * random() ^ 2)::int]
                || ' năm ' || extract(year FROM d.ts) AS title,
                (%(common)s::text[])[1 + floor(cardinality(%(common)s::text[]) * random() ^ 2)::int]
                || ' ' || d.place || ' '
                || (%(filler)s::text[])[1 + floor(24 * random())::int] || ' '
                || (%(topics)s::text[])[d.topic][1 + floor(%(width)s * random() ^ 2)::int] AS lead
        ) t
        CROSS JOIN LATERAL (
            SELECT string_agg(
                CASE WHEN w.r < 0.45
                     THEN (%(topics)s::text[])[d.topic][1 + floor(%(width)s * random() ^ 2)::int]
                     WHEN w.r < 0.55
                     THEN (%(topics)s::text[])[1 + floor(random() * %(ntopics)s)::int]
                                             [1 + floor(%(width)s * random() ^ 3)::int]
                     WHEN w.r < 0.75
                     THEN (%(common)s::text[])[1 + floor(%(ncommon)s * random() ^ 2)::int]
                     WHEN w.r < 0.80 THEN d.place
                     ELSE (%(filler)s::text[])[1 + floor(24 * random() ^ 1.5)::int] END,
                CASE WHEN w.i %% 9 = 0 THEN '. ' ELSE ' ' END) AS body
            FROM (SELECT i, random() AS r
                  FROM generate_series(1, 90 + (d.g %% 60) + 0 * d.g) i) w
        ) b
        """,
        params,
    )


# ------------------------------------------------------------------------------- queries
STRIP = str.maketrans("", "")


def fold(text):
    from portal.text import fold_vietnamese

    return fold_vietnamese(text)


def make_queries(count, site_ids):

    rng = random.Random(42)
    phrases = [p for ps in TOPICS.values() for p in ps]
    short = [p for p in phrases if len(p.split()) <= 4]
    kinds = [
        ("place", 70, lambda: rng.choice(PLACES)),
        ("topic", 60, lambda: rng.choice(short)),
        (
            "place+topic",
            50,
            lambda: f"{rng.choice(PLACES)} {rng.choice([p for p in short if len(p.split()) <= 2])}",
        ),
        (
            "very common",
            40,
            lambda: rng.choice(
                [
                    "xã",
                    "thông báo",
                    "kế hoạch",
                    "ủy ban nhân dân",
                    "năm",
                    "người dân",
                    "huyện",
                    "tổ chức",
                ]
            ),
        ),
        (
            "document type",
            30,
            lambda: rng.choice(
                [f"{t.lower()} {w}" for t in DOC_TYPES for w in ("ubnd", "tiếp công dân", "số")]
                + ["lịch tiếp công dân"]
            ),
        ),
        (
            "rare",
            25,
            lambda: rng.choice(
                [
                    "sầu riêng",
                    "nhà rông",
                    "cồng chiêng",
                    "tay chân miệng",
                    "sạt lở đất",
                    "xóa nhà tạm",
                    "kê khai tài sản",
                    "VNeID",
                ]
            ),
        ),
        ("quoted phrase", 15, lambda: f'"{rng.choice(short)}"'),
        (
            "no match",
            10,
            lambda: rng.choice(
                ["chứng khoán ngân hàng", "tàu vũ trụ", "bitcoin", "quidditch", "điện hạt nhân nổi"]
            ),
        ),
    ]
    queries = []
    for kind, n, make in kinds:
        for _ in range(round(n * count / 300)):
            text = make()
            if rng.random() < 0.5:
                text = fold(text)
            roll = rng.random()
            filters = {}
            if roll < 0.40:
                pass
            elif roll < 0.60:
                filters["sites"] = [rng.choice(site_ids[:50])]
            elif roll < 0.80:
                filters["years"] = [rng.choice(range(2016, 2026))]
            else:
                filters["kinds"] = [rng.choice(["news", "document", "question"])]
                filters["years"] = [rng.choice(range(2020, 2026))]
            page = 2 if rng.random() < 0.1 else 1
            queries.append((kind, text, filters, page))
    rng.shuffle(queries)
    return queries


def run_queries(queries, repeat_label):
    from search.backends.postgres import PostgresBackend
    from search.query import SearchQuery

    backend = PostgresBackend()
    for _kind, text, filters, page in queries[:30]:  # warm-up
        backend.search(SearchQuery.build(text, page=page, **filters))
    timings, by_kind, matched = [], {}, 0
    for kind, text, filters, page in queries:
        start = time.perf_counter()
        result = backend.search(SearchQuery.build(text, page=page, **filters))
        elapsed = (time.perf_counter() - start) * 1000
        matched += bool(result.total)
        timings.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        by_kind.setdefault("filter: " + ("+".join(sorted(filters)) or "none"), []).append(elapsed)
    print(
        f"\n{repeat_label}: {len(queries)} queries, {matched} with hits"
        " (facets and snippets included)"
    )
    print(f"  {'class':<20} {'n':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}   (ms)")
    rows = [("ALL", timings), *sorted(by_kind.items())]
    for name, values in rows:
        print(
            f"  {name:<20} {len(values):>4} {statistics.median(values):7.1f}"
            f" {percentile(values, 0.95):7.1f} {percentile(values, 0.99):7.1f} {max(values):7.1f}"
        )
    return timings


def compare(queries, other_file):
    """Paired timing: another version of the PostgreSQL backend (a file, e.g. from
    ``git show REV:search/backends/postgres.py``) against this one, alternating query by query
    so that both see the same load. Prints p50/p95 of each and how many totals differ."""
    import importlib.util

    from search.backends.postgres import PostgresBackend
    from search.query import SearchQuery

    spec = importlib.util.spec_from_file_location("other_postgres", other_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    backends = {"other": module.PostgresBackend(), "this": PostgresBackend()}
    timings = {name: [] for name in backends}
    differ = 0
    for number, (_kind, text, filters, page) in enumerate(queries):
        query = SearchQuery.build(text, page=page, **filters)
        order = list(backends) if number % 2 else list(reversed(backends))
        totals = {}
        for name in order:
            start = time.perf_counter()
            result = backends[name].search(query)
            timings[name].append((time.perf_counter() - start) * 1000)
            totals[name] = (result.total, result.total_is_exact)
        differ += totals["other"] != totals["this"]
    print(f"\npaired with {other_file}: {len(queries)} queries, {differ} totals differ")
    for name, values in timings.items():
        print(
            f"  {name:<6} p50 {statistics.median(values):7.1f}  p95 {percentile(values, 0.95):7.1f}"
            f"  p99 {percentile(values, 0.99):7.1f}  (ms)"
        )


def publish_to_visible(parent, commune, tries=5):
    """A news item published on one site, searched from another: seconds until it shows."""
    from django.db import connection, transaction
    from django_tenants.utils import schema_context
    from wagtail.models import Site

    from content.models import NewsPage
    from content.skeleton import find_section
    from search.backends import get_backend
    from search.query import SearchQuery

    delays = []
    for attempt in range(tries):
        word = f"benchtoken{attempt}x{random.randrange(10**6)}"
        start = time.perf_counter()
        with schema_context(commune.schema_name), transaction.atomic():
            home = Site.objects.get(is_default_site=True).root_page
            news = find_section(home, "news")
            item = NewsPage(title=f"Tin thử nghiệm {word}", slug=word, lead="Xã Bench Một.")
            news.add_child(instance=item)
            item.save_revision().publish()
        with schema_context(parent.schema_name):
            while not get_backend().search(SearchQuery.build(word)).total:
                if time.perf_counter() - start > 10:
                    break
                time.sleep(0.01)
        delays.append(time.perf_counter() - start)
    connection.set_schema_to_public()
    print(
        f"\npublish (Wagtail, site {commune.slug}) → found from site {parent.slug}:"
        f" median {statistics.median(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms"
        f" over {tries} items"
    )


def sizes():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_relation_size('public.search_entry'),"
            " pg_total_relation_size('public.search_entry')"
            " - pg_relation_size('public.search_entry')"
            " - pg_indexes_size('public.search_entry'),"
            " pg_indexes_size('public.search_entry'),"
            " pg_total_relation_size('public.search_entry'), count(*),"
            " (SELECT count(*) FROM public.search_word)"
            " FROM public.search_entry"
        )
        heap, toast, indexes, total, rows, words = cursor.fetchone()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index"
            " WHERE indrelid = 'public.search_entry'::regclass ORDER BY 2 DESC"
        )
        each = ", ".join(
            f"{name.split('.')[-1]} {size / 2**20:.0f}" for name, size in cursor.fetchall()
        )
    mb = 2**20
    print(
        f"\nindex: {rows:,} entries, {words:,} lexicon words; heap {heap / mb:.0f} MB, TOAST"
        f" {toast / mb:.0f} MB, indexes {indexes / mb:.0f} MB ({each}), total {total / mb:.0f} MB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=2, help="measured passes over the queries")
    parser.add_argument("--reuse", action="store_true", help="query the kept corpus again")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument(
        "--compare", metavar="FILE", help="also time another postgres.py, paired query by query"
    )
    args = parser.parse_args()

    use_scratch_database(args.entries)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from tenants.models import Tenant

    print(f"Cross-site search bench: {args.entries:,} entries over {SITES} sites (PostgreSQL)")
    if not args.reuse:
        recreate_database()
        connection.close()
        print("build:")
        timed(
            "migrate (public schema + clone template)", lambda: call_command("migrate", verbosity=0)
        )
        parent, commune, site_ids = timed("create 2 real sites + 998 tenant rows", create_network)
        load_corpus(args.entries, site_ids)
    else:
        parent = Tenant.objects.get(slug="bench")
        commune = Tenant.objects.get(slug="benchmot")
        site_ids = list(Tenant.objects.order_by("id").values_list("id", flat=True))
    sizes()
    queries = make_queries(args.queries, site_ids)
    for run in range(1, args.runs + 1):
        run_queries(queries, f"run {run}")
    if args.compare:
        compare(queries, args.compare)
    publish_to_visible(parent, commune)
    if not args.keep:
        connection.close()
        recreate_database(drop_only=True)


if __name__ == "__main__":
    main()
