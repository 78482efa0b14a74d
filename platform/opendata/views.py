"""The read-only JSON API of a site (/du-lieu-mo/) and of a network (/du-lieu-mo/mang-luoi/).

Custom views rather than Wagtail's API v2: the contract is the same for page datasets and for
published questions (not pages), and for the network's entries of the cross-site index; each
dataset filters on its own date and type; and only the fields the public pages show go out.
API v2 would add its own parameters (``search``, ``child_of``, ``fields=*``…) and every page
type's fields to that surface.
"""

from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404
from django.urls import reverse

from opendata import network, params
from opendata.datasets import DATASETS, types_of
from opendata.http import answer, api_view, error
from search.backends import SearchUnavailable


def _site(request) -> dict:
    tenant = connection.tenant
    return {"slug": tenant.slug, "name": tenant.name, "url": request.build_absolute_uri("/")}


def _link(request, page_number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page_number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(request, items, chosen: params.ListParams):
    """(page of items, meta), or a 400 answer when the page asked for does not exist."""
    paginator = Paginator(items, chosen.page_size)
    if chosen.page > max(paginator.num_pages, 1):
        raise params.BadParameter("page", f"Chỉ có {paginator.num_pages} trang kết quả.")
    page = paginator.page(chosen.page)
    meta = {
        "total_count": paginator.count,
        "page": chosen.page,
        "page_size": chosen.page_size,
        "next": _link(request, chosen.page + 1) if page.has_next() else None,
        "previous": _link(request, chosen.page - 1) if page.has_previous() else None,
    }
    return page.object_list, meta


@api_view
def index(request):
    """The datasets of the site and their addresses."""
    return answer(
        {
            "site": _site(request),
            "datasets": [
                {
                    "key": key,
                    "title": dataset.title,
                    "url": request.build_absolute_uri(reverse("opendata:dataset", args=[key])),
                    "types": list(types_of(dataset)),
                }
                for key, dataset in DATASETS.items()
            ],
        }
    )


@api_view
def dataset(request, key: str):
    dataset = DATASETS.get(key)
    if dataset is None:
        return error(404, "not_found", "Không có bộ dữ liệu này.")
    try:
        types = types_of(dataset) if dataset.type_field else ()
        chosen = params.parse(request.GET, types=types)
        items = dataset.items(request)
        if chosen.date_from:
            items = items.filter(**{f"{dataset.date_field}__gte": chosen.date_from})
        if chosen.date_to:
            items = items.filter(**{f"{dataset.date_field}__lte": chosen.date_to})
        if chosen.type:
            items = items.filter(**{dataset.type_field: chosen.type})
        objects, meta = paginate(request, items, chosen)
    except params.BadParameter as bad:
        return error(400, "invalid_parameter", bad.message, bad.parameter)
    return answer(
        {
            "meta": {**meta, "dataset": key, "site": _site(request)},
            "items": [dataset.serialize(obj, request) for obj in objects],
        }
    )


@api_view
def network_entries(request):
    """Every member's published items, from the cross-site index: parent portals only."""
    tenant = connection.tenant
    if not tenant.is_parent_portal:
        raise Http404
    try:
        chosen = params.parse(request.GET, types=network.KINDS, allowed=("site",))
        entries, sites = network.entries(tenant, chosen)
        objects, meta = paginate(request, entries, chosen)
    except params.BadParameter as bad:
        return error(400, "invalid_parameter", bad.message, bad.parameter)
    except SearchUnavailable:  # Elasticsearch down or slow: the same answer as a search's
        return error(503, "unavailable", "Dữ liệu toàn mạng lưới tạm thời chưa sẵn sàng.")
    return answer(
        {
            "meta": {**meta, "dataset": "mang-luoi", "site": _site(request)},
            "items": [network.entry_item(entry, sites[entry.site_id]) for entry in objects],
        }
    )
