"""Admin screens of the board: members ("Ban biên tập") and the royalty ledger ("Nhuận bút").

Each view checks the role itself (``editorial.access``): a menu item hidden from a contributor
is not enough, since anyone can type the URL.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from editorial import members, royalties, stats
from editorial.access import contributor_sections, is_chief, manages_board, set_contributor_sections
from editorial.accounts import grantable_role_keys, may_change
from editorial.forms import (
    ROLE_CHOICES,
    AdjustRoyaltyForm,
    ContributorSectionsForm,
    InviteForm,
    MemberForm,
)
from editorial.models import BoardMember, RoyaltyLine


class BoardManagerRequired:
    """The chief and the site administrator only."""

    def dispatch(self, request, *args, **kwargs):
        if not manages_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChiefRequired:
    def dispatch(self, request, *args, **kwargs):
        if not is_chief(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BoardPage(WagtailAdminTemplateMixin):
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("editorial_members"), "label": _("Ban biên tập")},
            {"url": "", "label": self.get_page_title()},
        ]


class MembersView(BoardManagerRequired, BoardPage, TemplateView):
    template_name = "editorial/members.html"
    page_title = gettext_lazy("Ban biên tập")

    def get_breadcrumbs_items(self):
        return WagtailAdminTemplateMixin.get_breadcrumbs_items(self) + [
            {"url": "", "label": self.page_title}
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            members=members.members(), sections=contributor_sections(), **kwargs
        )


class RolesInReach:
    """Only the roles the acting user may give are offered (``editorial.accounts``); a forged
    one is refused by the field as an invalid choice."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        keys = grantable_role_keys(self.request.user)
        field = form.fields["roles"]
        field.choices = [(key, label) for key, label in field.choices if key in keys]
        return form


class InviteView(RolesInReach, BoardManagerRequired, BoardPage, FormView):
    template_name = "editorial/member_form.html"
    form_class = InviteForm
    page_title = gettext_lazy("Mời thành viên")

    def form_valid(self, form):
        data = form.cleaned_data
        user, link = members.invite(
            email=data["email"],
            full_name=data["full_name"],
            roles=data["roles"],
            unit=data["unit"],
            position=data["position"],
            base_url=self.request.build_absolute_uri("/"),
        )
        return self.response_class(
            request=self.request,
            template="editorial/invited.html",
            context=self.get_context_data(invited=user, link=link),
        )


class EditMemberView(RolesInReach, BoardManagerRequired, BoardPage, FormView):
    template_name = "editorial/member_form.html"
    form_class = MemberForm
    page_title = gettext_lazy("Sửa thông tin thành viên")

    @cached_property
    def member(self):
        """Looked up after the role check of ``dispatch``."""
        member = get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])
        if not may_change(self.request.user, member):
            raise PermissionDenied  # the platform's operators are not the board's to change
        return member

    def get_initial(self):
        detail = BoardMember.objects.filter(user=self.member).first()
        return {
            "full_name": self.member.get_full_name() or self.member.get_username(),
            "roles": members.roles_of(self.member),
            "unit": detail.unit if detail else None,
            "position": detail.position if detail else "",
        }

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.member == self.request.user and not self.request.user.is_superuser:
            # His own roles are someone else's to change: shown, never taken from the post.
            form.fields["roles"].disabled = True
            form.fields["roles"].choices = ROLE_CHOICES
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(member=self.member, **kwargs)

    def form_valid(self, form):
        members.change(self.member, **form.cleaned_data)
        messages.success(self.request, _("Đã lưu thông tin của %(name)s.") % {"name": self.member})
        return redirect("editorial_members")


class ToggleActiveView(BoardManagerRequired, View):
    http_method_names = ["post"]

    def post(self, request, user_id):
        member = get_object_or_404(get_user_model(), pk=user_id)
        if member == request.user:
            messages.error(request, _("Không thể tự khóa tài khoản của chính mình."))
        elif not may_change(request.user, member):
            raise PermissionDenied  # the platform's operators are not the board's to lock
        else:
            members.set_active(member, not member.is_active)
            message = (
                _("Đã mở lại tài khoản %(name)s.")
                if member.is_active
                else _("Đã khóa tài khoản %(name)s: người này không đăng nhập được nữa.")
            )
            messages.success(request, message % {"name": member.get_full_name() or member})
        return redirect("editorial_members")


class ContributorSectionsView(BoardManagerRequired, BoardPage, FormView):
    template_name = "editorial/member_form.html"
    form_class = ContributorSectionsForm
    page_title = gettext_lazy("Chuyên mục cho cộng tác viên")

    def get_initial(self):
        return {"sections": list(contributor_sections())}

    def form_valid(self, form):
        set_contributor_sections(form.cleaned_data["sections"])
        messages.success(self.request, _("Đã lưu các chuyên mục cộng tác viên được viết bài."))
        return redirect("editorial_members")


# --- royalties ------------------------------------------------------------------------------

PERIOD_KINDS = {
    "month": gettext_lazy("Tháng"),
    "quarter": gettext_lazy("Quý"),
    "year": gettext_lazy("Năm"),
}


def _period(request) -> tuple[str, int, int, date, date]:
    """The period asked for by ?ky=month|quarter|year&nam=YYYY&so=N (default: this month)."""
    today = timezone.localdate()
    kind = request.GET.get("ky", "month")
    kind = kind if kind in PERIOD_KINDS else "month"
    try:
        year = int(request.GET.get("nam", today.year))
        number = int(
            request.GET.get("so", today.month if kind == "month" else (today.month - 1) // 3 + 1)
        )
    except ValueError:
        year, number = today.year, today.month
    limit = 12 if kind == "month" else 4
    year = min(max(year, 2000), 2100)
    number = min(max(number, 1), limit)
    return (kind, year, number, *stats.period_bounds(kind, year, number))


class LedgerView(ChiefRequired, BoardPage, TemplateView):
    template_name = "editorial/ledger.html"
    page_title = gettext_lazy("Sổ nhuận bút")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return WagtailAdminTemplateMixin.get_breadcrumbs_items(self) + [
            {"url": "", "label": self.page_title}
        ]

    def get_context_data(self, **kwargs):
        kind, year, number, start, end = _period(self.request)
        lines = royalties.lines_in(start, end).order_by("created_at", "pk")
        return super().get_context_data(
            kinds=PERIOD_KINDS,
            kind=kind,
            year=year,
            number=number,
            numbers=range(1, 13 if kind == "month" else 5),
            start=start,
            last_day=date.fromordinal(end.toordinal() - 1),
            lines=lines,
            total=sum(line.amount for line in lines),
            outlook=royalties.year_outlook(year, timezone.localdate()),
            query=self.request.GET.urlencode(),
            **kwargs,
        )


class AdjustRoyaltyView(ChiefRequired, BoardPage, FormView):
    template_name = "editorial/member_form.html"
    form_class = AdjustRoyaltyForm
    page_title = gettext_lazy("Điều chỉnh nhuận bút")
    header_icon = "doc-full"

    def setup(self, request, *args, line_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.line = get_object_or_404(RoyaltyLine, pk=line_id, corrects=None)

    def get_initial(self):
        return {"amount": royalties.item_total(self.line)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            line=self.line, current=royalties.item_total(self.line), **kwargs
        )

    def form_valid(self, form):
        try:
            royalties.adjust(
                self.line,
                form.cleaned_data["amount"],
                form.cleaned_data["reason"],
                self.request.user,
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                for message in field_errors:
                    form.add_error(field, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã ghi dòng điều chỉnh cho “%(title)s”.") % {"title": self.line.page_title},
        )
        return redirect("editorial_ledger")


class PaymentListView(ChiefRequired, View):
    def get(self, request):
        kind, year, number, start, end = _period(request)
        site = Site.find_for_request(request)
        content = royalties.payment_list_xlsx(start, end, site.site_name if site else "")
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"nhuan-but-{year}" + ("" if kind == "year" else f"-{kind[0]}{number:02d}")
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
