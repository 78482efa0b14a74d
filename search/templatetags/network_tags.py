"""``{% member_network as network %}``: on a parent portal, what its home page shows of its
members (the newest news, the count and the directory's address); None elsewhere. Used inside
``{% cached_fragment %}`` (search/member_network.html), so it runs once per generation of the
parent (bumped when a member's entry changes: ``serving.invalidation``) and language."""

from dataclasses import dataclass

from django import template
from django.db import connection
from django.urls import reverse
from django.utils.translation import get_language

from search.backends import NewEntry
from search.network import member_news, visible_members

register = template.Library()


@dataclass
class NetworkSummary:
    news: list[NewEntry]
    member_count: int
    directory_url: str
    language: str


@register.simple_tag
def member_network():
    tenant = getattr(connection, "tenant", None)
    if tenant is None or not getattr(tenant, "is_parent_portal", False):
        return None
    language = (get_language() or "vi").split("-")[0]
    return NetworkSummary(
        news=member_news(tenant, language),
        member_count=visible_members(tenant).count(),
        directory_url=reverse("network_directory"),
        language=language,
    )
