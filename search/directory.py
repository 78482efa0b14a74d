"""/xa-phuong/ on a parent portal: the directory of its member sites (issue 16, part 4).

A route rather than a Wagtail page type: the list is the network's (public-schema rows every
parent has), not content a board writes, so every parent portal has it at the same address
without a page to create, and a member site answers 404. The filter ``q`` is a GET form
matched in Python without diacritics (``search.network.directory``), so it works without JS.
"""

from django.db import connection
from django.http import Http404
from django.shortcuts import render

from search.network import MAX_FILTER_LENGTH, directory, filter_words
from tenants.links import site_address


def network_directory(request):
    tenant = getattr(connection, "tenant", None)
    if tenant is None or not getattr(tenant, "is_parent_portal", False):
        raise Http404
    text = " ".join(request.GET.get("q", "")[:MAX_FILTER_LENGTH].split())
    groups = directory(tenant, lambda host: site_address(request, host), text)
    return render(
        request,
        "search/network_directory.html",
        {
            "tenant": tenant,
            "query_text": text,
            "filtered": bool(filter_words(text)),
            "groups": groups,
            "count": sum(len(group.members) for group in groups),
        },
    )
