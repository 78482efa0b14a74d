"""Wagtail hooks of the board: its admin screens and menu, what contributors may see, the
withdrawal reason, the dashboard panels."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from editorial import accounts, views, withdrawal
from editorial.access import (
    BoardPagePermissionPolicy,
    is_chief,
    is_contributor_only,
    manages_board,
    visible_to_contributor,
)
from editorial.forms import RoyaltyBudgetForm, RoyaltyRateForm
from editorial.models import RoyaltyBudget, RoyaltyRate
from editorial.panels import AwaitingReviewPanel, QuotaPanel, awaiting_review
from editorial.roles import DEPUTY

# Wagtail's unpublish view stays the only way to withdraw; its confirmation page gains the
# reason field (the template extends Wagtail's own). Hooks cannot add a form field, and no app
# of ours comes before wagtail.admin in INSTALLED_APPS to override the template by name.
UnpublishView.template_name = "editorial/confirm_withdraw.html"


@hooks.register("register_admin_urls")
def urls():
    return [
        path("ban-bien-tap/", views.MembersView.as_view(), name="editorial_members"),
        path("ban-bien-tap/moi/", views.InviteView.as_view(), name="editorial_invite"),
        path(
            "ban-bien-tap/chuyen-muc/",
            views.ContributorSectionsView.as_view(),
            name="editorial_sections",
        ),
        path(
            "ban-bien-tap/<int:user_id>/", views.EditMemberView.as_view(), name="editorial_member"
        ),
        path(
            "ban-bien-tap/<int:user_id>/khoa/",
            views.ToggleActiveView.as_view(),
            name="editorial_toggle_active",
        ),
        path("nhuan-but/", views.LedgerView.as_view(), name="editorial_ledger"),
        path(
            "nhuan-but/<int:line_id>/dieu-chinh/",
            views.AdjustRoyaltyView.as_view(),
            name="editorial_adjust",
        ),
        path("nhuan-but/xuat/", views.PaymentListView.as_view(), name="editorial_payment_list"),
    ]


class _ShownTo(MenuItem):
    def __init__(self, *args, test, **kwargs):
        super().__init__(*args, **kwargs)
        self.test = test

    def is_shown(self, request):
        return self.test(request.user)


@hooks.register("register_admin_menu_item")
def board_menu_item():
    return _ShownTo(
        _("Ban biên tập"),
        reverse("editorial_members"),
        icon_name="group",
        order=250,
        name="editorial-board",
        test=manages_board,
    )


class RoyaltyRateViewSet(ModelViewSet):
    model = RoyaltyRate
    icon = "doc-full"
    add_to_admin_menu = False
    url_prefix = "nhuan-but/muc"
    name = "editorial_royaltyrate"
    list_display = ["kind", "amount"]

    def get_form_class(self, for_update=False):
        return RoyaltyRateForm


class RoyaltyBudgetViewSet(ModelViewSet):
    model = RoyaltyBudget
    icon = "doc-full"
    add_to_admin_menu = False
    url_prefix = "nhuan-but/kinh-phi"
    name = "editorial_royaltybudget"
    list_display = ["year", "amount"]

    def get_form_class(self, for_update=False):
        return RoyaltyBudgetForm


rate_viewset = RoyaltyRateViewSet()
budget_viewset = RoyaltyBudgetViewSet()


@hooks.register("register_admin_viewset")
def royalty_viewsets():
    return [rate_viewset, budget_viewset]


class _RoyaltyMenu(SubmenuMenuItem):
    def is_shown(self, request):
        return is_chief(request.user)


@hooks.register("register_admin_menu_item")
def royalty_menu_item():
    items = [
        _ShownTo(
            _("Sổ nhuận bút"),
            reverse("editorial_ledger"),
            icon_name="list-ul",
            order=1,
            test=is_chief,
        ),
        _ShownTo(
            _("Mức nhuận bút"),
            reverse(rate_viewset.get_url_name("index")),
            icon_name="doc-full",
            order=2,
            test=is_chief,
        ),
        _ShownTo(
            _("Kinh phí nhuận bút"),
            reverse(budget_viewset.get_url_name("index")),
            icon_name="doc-full",
            order=3,
            test=is_chief,
        ),
    ]
    return _RoyaltyMenu(
        _("Nhuận bút"),
        Menu(items=items),
        icon_name="doc-full",
        order=260,
        name="editorial-royalties",
    )


# --- contributors see their own drafts only ---------------------------------------------------

# The admin's page search filters by the registered policy's explorable pages, not by the
# explorer hook below; registered here, before anything looks the policy up.
register_permission_policy(Page, BoardPagePermissionPolicy(Page))


@hooks.register("construct_explorer_page_queryset")
def contributors_explore_their_own_drafts(parent_page, pages, request):
    if is_contributor_only(request.user):
        return visible_to_contributor(pages, request.user)
    return pages


@hooks.register("construct_page_chooser_queryset")
def contributors_choose_published_or_own(pages, request):
    if is_contributor_only(request.user):
        return visible_to_contributor(pages, request.user)
    return pages


@hooks.register("before_edit_page")
def contributors_edit_only_their_own(request, page):
    if is_contributor_only(request.user) and page.owner_id != request.user.pk:
        raise PermissionDenied


# --- withdrawal -------------------------------------------------------------------------------

hooks.register("before_unpublish_page", withdrawal.refuse_without_reason)
hooks.register("after_unpublish_page", withdrawal.record_reason)
hooks.register("before_bulk_action", withdrawal.refuse_bulk_unpublish)


@hooks.register("register_log_actions")
def withdrawal_log_action(actions):
    actions.register_action(withdrawal.WITHDRAW_ACTION)(withdrawal.WithdrawFormatter)


# --- dashboard --------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def board_panels(request, panels):
    items = awaiting_review(request.user)
    if items:
        panels.append(AwaitingReviewPanel(items))
    if manages_board(request.user) or DEPUTY.group_name in request.user.groups.values_list(
        "name", flat=True
    ):
        panels.append(QuotaPanel(request))


# --- accounts: user management that cannot escalate (editorial.accounts) ----------------------

register_permission_policy(Group, accounts.SuperuserOnlyPolicy(Group))
hooks.register("before_edit_user", accounts.refuse_privileged_target)
hooks.register("before_delete_user", accounts.refuse_privileged_target)
hooks.register("before_bulk_action", accounts.refuse_privileged_bulk)
@hooks.register("construct_help_menu")
def board_help_only(request, menu_items):
    """Wagtail's "What's new in Wagtail" and its English editor guide are for developers, in
    English; a commune board keeps the keyboard shortcuts."""
    menu_items[:] = [
        item
        for item in menu_items
        if not item.name.startswith("whats-new-in-wagtail") and item.name != "editor-guide"
    ]
