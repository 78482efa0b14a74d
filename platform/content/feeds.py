"""RSS feeds: one for the whole site (``/rss.xml``) and one per section (``<section>/rss/``).

A feed lists the news items and documents under its page, newest first. Each site's pages live
in its own schema, so a feed can only ever show that site's pages; unpublished and private
pages are left out like everywhere a citizen looks.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

FEED_SIZE = 30


def feed_items(root, limit: int = FEED_SIZE) -> list:
    """The latest news items and documents under ``root``, newest first."""
    from content.models import DocumentPage, NewsPage

    news = NewsPage.objects.live().public().descendant_of(root).order_by("-date", "-pk")
    documents = (
        DocumentPage.objects.live().public().descendant_of(root).order_by("-issue_date", "-pk")
    )
    items = [*news[:limit], *documents[:limit]]
    items.sort(key=lambda page: (page.search_date(), page.pk), reverse=True)
    return items[:limit]


class PageFeed(Feed):
    """The RSS 2.0 feed of one page and what is under it."""

    feed_type = Rss201rev2Feed

    def __init__(self, root):
        super().__init__()
        self.root = root

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.root

    def title(self, obj):
        site = obj.get_site()
        if site and site.root_page_id != obj.pk:
            return f"{obj.title} – {site.site_name}"
        return obj.title

    def link(self, obj):
        return obj.get_url(self.request) or "/"

    def description(self, obj):
        return obj.search_summary() or obj.title

    def items(self, obj):
        return feed_items(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.search_summary()

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        day = item.search_date()
        if day is None:
            return None
        return timezone.make_aware(datetime.combine(day, time(7, 0)))


class FeedRoutesMixin(RoutablePageMixin):
    """Gives an index page its own feed at ``rss/``."""

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return PageFeed(self)(request)

    def feed_url(self):
        return self.url + self.reverse_subpage("rss")
