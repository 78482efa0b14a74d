"""The Elasticsearch mapping and request bodies, checked without a server."""

from search.backends.elastic import alias_names, build_search, document_source, new_index
from search.query import SearchQuery


def test_the_index_folds_vietnamese_and_keeps_an_exact_form_of_every_text_field():
    body = new_index("gialai", stamp="20260101000000").to_dict()
    analyzers = body["settings"]["analysis"]["analyzer"]
    assert analyzers["vi_folded"]["filter"] == ["lowercase", "asciifolding"]  # đ→d included
    assert analyzers["vi_exact"]["filter"] == ["lowercase"]
    fields = body["mappings"]["properties"]
    for name in ("title", "summary", "body", "keywords"):
        assert fields[name]["analyzer"] == "vi_folded"
        assert fields[name]["fields"]["exact"]["analyzer"] == "vi_exact"
    for name in ("kind", "locale", "section"):
        assert fields[name]["type"] == "keyword"
    assert fields["site_id"]["type"] == fields["year"]["type"] == "integer"
    assert fields["published_at"]["type"] == "date"


def test_index_and_alias_names_carry_the_deployment():
    assert new_index("GiaLai", stamp="20260101000000")._name == "gialai-search-20260101000000"
    assert alias_names("gialai") == ("gialai-search-read", "gialai-search-write")


def test_a_query_body_has_the_filters_facets_highlights_and_page():
    query = SearchQuery.build("Đak Đoa", sites=[3, 1], kinds=["news"], years=[2024], page=2)
    body = build_search(query, hidden=[9], index="x").to_dict()
    boolean = body["query"]["bool"]
    assert boolean["must"][0]["simple_query_string"]["query"] == "Đak Đoa"
    assert boolean["must"][0]["simple_query_string"]["default_operator"] == "and"
    assert boolean["filter"] == [
        {"terms": {"site_id": [1, 3]}},
        {"terms": {"kind": ["news"]}},
        {"terms": {"year": [2024]}},
    ]
    assert boolean["must_not"] == [{"terms": {"site_id": [9]}}]
    assert set(body["aggs"]) == {"site", "kind", "year"}
    assert set(body["highlight"]["fields"]) == {"title", "body"}
    assert (body["from"], body["size"], body["track_total_hits"]) == (10, 10, True)


def test_diacritics_typed_add_a_boost_on_the_exact_fields_only_then():
    accented = build_search(SearchQuery.build("bản tin"), hidden=[]).to_dict()
    [should] = accented["query"]["bool"]["should"]
    assert should["simple_query_string"]["fields"][0].startswith("title.exact")
    plain = build_search(SearchQuery.build("ban tin"), hidden=[]).to_dict()
    assert not plain["query"]["bool"].get("should")


def test_a_document_gets_its_year_for_the_year_facet():
    source = document_source({"published_at": "2024-06-01T09:00:00+07:00", "title": "x"})
    assert source["year"] == 2024
