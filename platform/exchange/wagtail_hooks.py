"""The exchange in the admin: its screens, menu entries, page buttons, and the canonical link
of copies (issue 18)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from exchange import downward, upward
from exchange.access import current_site, is_board
from exchange.network.models import Receipt, Submission
from portal import site_memo

urls = (
    [
        path("gui-len/<int:page_id>/", upward.send_up, name="send_up"),
        path("da-gui-len/", upward.sent, name="sent"),
        path("tin-co-so/", upward.queue, name="queue"),
        path("tin-co-so/<int:pk>/", upward.review, name="review"),
        path("tin-co-so/<int:pk>/xu-ly/", upward.act, name="act"),
        path("gui-xuong/<int:page_id>/", downward.send_down, name="send_down"),
        path("da-gui-xuong/", downward.dispatches, name="dispatches"),
        path("da-gui-xuong/<int:pk>/", downward.dispatch_detail, name="dispatch"),
        path("da-gui-xuong/<int:pk>/nhac/", downward.remind, name="remind"),
        path("tu-cap-tren/", downward.inbox, name="inbox"),
        path("tu-cap-tren/<int:pk>/", downward.inbox_item, name="inbox_item"),
        path("tu-cap-tren/<int:pk>/xu-ly/", downward.inbox_act, name="inbox_act"),
    ],
    "exchange",
)


@hooks.register("register_admin_urls")
def register_exchange_urls():
    return [path("trao-doi/", include(urls))]


class BoardMenuItem(MenuItem):
    """Shown to the board of a parent portal (``parent=True``) or of a member site."""

    def __init__(self, *args, parent: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_parent = parent

    def is_shown(self, request):
        site = current_site()
        if site is None or not is_board(request.user):
            return False
        return site.is_parent_portal if self.for_parent else site.parent_id is not None


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return BoardMenuItem(
        _("Tin từ cơ sở"), reverse("exchange:queue"), icon_name="download", order=160, parent=True
    )


@hooks.register("register_admin_menu_item")
def register_dispatches_menu_item():
    return BoardMenuItem(
        _("Đã gửi xuống"),
        reverse("exchange:dispatches"),
        icon_name="upload",
        order=161,
        parent=True,
    )


@hooks.register("register_admin_menu_item")
def register_sent_menu_item():
    return BoardMenuItem(
        _("Tin đã gửi lên"), reverse("exchange:sent"), icon_name="upload", order=160, parent=False
    )


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return BoardMenuItem(
        _("Từ cấp trên"), reverse("exchange:inbox"), icon_name="download", order=161, parent=False
    )


def _buttons(page, user):
    from content.models import DocumentPage, NewsPage

    site = current_site()
    if site is None or not page.live or not is_board(user):
        return
    specific_class = page.specific_class
    if site.parent_id and specific_class is NewsPage:
        yield Button(
            _("Gửi lên %(portal)s") % {"portal": site.parent.name},
            reverse("exchange:send_up", args=[page.pk]),
            icon_name="upload",
            priority=80,
        )
    if site.is_parent_portal and specific_class in (NewsPage, DocumentPage):
        yield Button(
            _("Gửi xuống trang thành viên"),
            reverse("exchange:send_down", args=[page.pk]),
            icon_name="download",
            priority=81,
        )


@hooks.register("register_page_header_buttons")
def exchange_header_buttons(page, user, view_name=None, next_url=None):
    yield from _buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def exchange_listing_buttons(page, user, next_url=None):
    yield from _buttons(page, user)


@hooks.register("portal_canonical_url")
def canonical_of_copy(page):
    """A copy names its original (the sending commune's item, the parent's document)."""
    from content.models import DocumentPage, NewsPage

    site = current_site()
    if site is None or not isinstance(page, NewsPage | DocumentPage):
        return None
    # Asked on every news item and document: remembered until the site changes (a copy is
    # published when its row is accepted, which bumps the site: portal.site_memo).
    original = site_memo.remembered(f"original-of:{page.pk}", lambda: _original_of(site, page))
    return original or None


def _original_of(site, page) -> str:
    return (
        Submission.objects.filter(
            portal=site, copy_page_id=page.pk, state=Submission.State.ACCEPTED
        )
        .values_list("source_url", flat=True)
        .first()
        or Receipt.objects.filter(site=site, copy_page_id=page.pk, state=Receipt.State.PUBLISHED)
        .values_list("dispatch__source_url", flat=True)
        .first()
        or ""
    )
