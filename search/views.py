"""The search page every site serves at /tim-kiem/, and its OpenSearch description.

Parameters are Vietnamese words without diacritics, like the rest of the public URLs:
``q`` (the words), ``pham_vi`` (``tat-ca`` every site, ``trang-nay`` this site), ``don_vi``
(sites, by slug), ``loai`` (kinds), ``nam`` (years), ``trang`` (result page).
"""

from urllib.parse import urlencode

from django.db import connection
from django.shortcuts import render
from django.utils.translation import gettext as _

from search.backends import SearchUnavailable, get_backend, site_directory
from search.query import KIND_LABELS, InvalidQuery, SearchQuery

SCOPE_ALL = "tat-ca"
SCOPE_SITE = "trang-nay"


def _link(params: dict, **changes) -> str:
    merged = {**params, **changes}
    return "?" + urlencode(
        [(k, v) for k, v in merged.items() if v not in ("", None, [])], doseq=True
    )


def search_page(request):
    tenant = getattr(connection, "tenant", None)
    text = request.GET.get("q", "")
    scope = request.GET.get("pham_vi") or SCOPE_ALL
    slugs = [slug for slug in request.GET.getlist("don_vi") if slug]
    kinds = [kind for kind in request.GET.getlist("loai") if kind]
    years = [year for year in request.GET.getlist("nam") if year]
    params = {"q": text, "pham_vi": scope, "don_vi": slugs, "loai": kinds, "nam": years}
    context = {
        "query_text": text,
        "scope": scope,
        "scope_all": SCOPE_ALL,
        "scope_site": SCOPE_SITE,
        "tenant": tenant,
        "result": None,
        "error": "",
        "kind_labels": KIND_LABELS,
    }
    if "q" not in request.GET:  # the page itself, before any search
        return render(request, "search/search.html", context)

    by_slug = {site.slug: site.id for site in site_directory(slugs=slugs).values()}
    status = 200
    try:
        if scope == SCOPE_SITE and tenant is not None:
            site_ids = [tenant.pk]
        else:
            unknown = [slug for slug in slugs if slug not in by_slug]
            if unknown:
                raise InvalidQuery(_("Không có đơn vị “%(slug)s”.") % {"slug": unknown[0]})
            site_ids = [by_slug[slug] for slug in slugs]
        query = SearchQuery.build(
            text, sites=site_ids, kinds=kinds, years=years, page=request.GET.get("trang", 1)
        )
    except InvalidQuery as error:
        context["error"] = str(error)
        return render(request, "search/search.html", context, status=400)

    try:
        result = get_backend().search(query)
    except SearchUnavailable:
        context["error"] = _(
            "Hệ thống tìm kiếm đang bận hoặc tạm gián đoạn. Hãy thử lại sau ít phút,"
            " hoặc thu hẹp tìm kiếm (chọn đơn vị, loại nội dung, năm)."
        )
        return render(request, "search/search.html", context, status=503)
    facets = []
    for name, param, title in (
        ("site", "don_vi", _("Đơn vị")),
        ("kind", "loai", _("Loại nội dung")),
        ("year", "nam", _("Năm")),
    ):
        if name == "site" and scope == SCOPE_SITE:
            continue
        chosen = params[param]
        buckets = []
        for bucket in result.facets.get(name, []):
            value = (bucket.slug or bucket.key) if name == "site" else bucket.key
            selected = value in chosen
            values = [v for v in chosen if v != value] if selected else [*chosen, value]
            buckets.append(
                {
                    "label": bucket.label,
                    "count": bucket.count,
                    "selected": selected,
                    "url": _link(params, **{param: values, "trang": ""}),
                }
            )
        if buckets:
            facets.append({"title": title, "buckets": buckets})
    pages = [
        {"number": n, "url": _link(params, trang=n), "current": n == query.page}
        for n in range(max(1, query.page - 3), min(result.pages, query.page + 3) + 1)
    ]
    context.update(
        result=result,
        query=query,
        facets=facets,
        pages=pages,
        previous_url=_link(params, trang=query.page - 1) if query.page > 1 else "",
        next_url=_link(params, trang=query.page + 1) if query.page < result.pages else "",
        suggestion_url=_link(params, q=result.suggestion, trang="") if result.suggestion else "",
        all_sites_url=_link(params, pham_vi=SCOPE_ALL, trang=""),
        first_page_url=_link(params, trang=""),
        first_number=query.offset + 1,
    )
    return render(request, "search/search.html", context, status=status)


def opensearch(request):
    """Lets a browser add this site's search to its own search box."""
    return render(
        request,
        "search/opensearch.xml",
        {"tenant": getattr(connection, "tenant", None), "base": request.build_absolute_uri("/")},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
