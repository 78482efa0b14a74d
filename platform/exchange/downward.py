"""Sending down: the parent portal's board pushes a document, an announcement or a news item
to all its members or chosen ones; each member's board publishes it (a linked copy that
follows the parent's version) or declines it; the parent sees a receipt per site and can
remind the sites that have not acted (issue 18, item 2).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_tenants.utils import schema_context

from exchange import copying, sources
from exchange.access import BOARD_GROUPS, actor, board_required, now
from exchange.network.models import Dispatch, Receipt, site_blocked_reason
from exchange.upward import ReasonForm
from tenants.models import Tenant


def members_of(portal):
    """The member sites a portal may send to: its own, active, not merged away."""
    return Tenant.objects.filter(
        parent=portal, status=Tenant.Status.ACTIVE, merged_into=None
    ).order_by("name")


class SendDownForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Gửi dưới dạng"),
        choices=[
            (Dispatch.Kind.NEWS, gettext_lazy("Tin bài")),
            (Dispatch.Kind.ANNOUNCEMENT, gettext_lazy("Thông báo")),
        ],
        required=False,
    )
    target = forms.ChoiceField(
        label=gettext_lazy("Gửi tới"),
        choices=[
            ("all", gettext_lazy("Mọi trang thành viên")),
            ("chosen", gettext_lazy("Các trang được chọn")),
        ],
        initial="all",
        widget=forms.RadioSelect,
    )
    sites = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Các trang được chọn"),
        queryset=Tenant.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, portal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sites"].queryset = members_of(portal)

    def clean(self):
        data = super().clean()
        if data.get("target") == "chosen" and not data.get("sites"):
            raise forms.ValidationError(_("Hãy chọn ít nhất một trang thành viên."))
        return data

    def chosen(self):
        if self.cleaned_data["target"] == "chosen":
            return list(self.cleaned_data["sites"])
        return list(self.fields["sites"].queryset)


def _kind_of(page, chosen):
    from content.models import DocumentPage

    if isinstance(page, DocumentPage):
        return Dispatch.Kind.DOCUMENT
    return chosen or Dispatch.Kind.NEWS


# --- the parent portal ---------------------------------------------------------------------


@board_required
def send_down(request, page_id):
    from wagtail.models import Page

    portal = request.tenant
    if not portal.is_parent_portal:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    from content.models import DocumentPage, NewsPage

    if not isinstance(page, NewsPage | DocumentPage):
        raise Http404
    form = SendDownForm(request.POST or None, portal=portal)
    if request.method == "POST" and form.is_valid():
        if not page.live:
            messages.error(request, _("Chỉ gửi được trang đang đăng."))
        elif page.get_view_restrictions().exists():
            messages.error(
                request, _("Bản gốc chỉ dành cho người được phép xem: không gửi đi được.")
            )
        else:
            dispatch = _record(request, page, form)
            return HttpResponseRedirect(reverse("exchange:dispatch", args=[dispatch.pk]))
    return TemplateResponse(
        request,
        "exchange/send_down.html",
        {"page": page, "form": form, "is_document": isinstance(page, DocumentPage)},
    )


def _record(request, page, form) -> Dispatch:
    source = copying.page_snapshot_of(page)
    with transaction.atomic():
        rows = Dispatch.objects.select_for_update().filter(portal=request.tenant)
        dispatch = next(iter(sources.rows_for(rows, page)), None)
        created = dispatch is None
        if created:  # get_or_create: two first sends at once make one dispatch
            dispatch, created = Dispatch.objects.get_or_create(
                portal=request.tenant,
                source_page_id=page.pk,
                source_translation_key=page.translation_key,
                defaults={
                    "source_url": page.get_full_url(request),
                    "kind": _kind_of(page, form.cleaned_data["kind"]),
                    "title": page.title,
                    "snapshot": source,
                    "note": form.cleaned_data["note"],
                    "sent_by": actor(request),
                    "sent_at": now(),
                },
            )
        if not created:
            dispatch.source_translation_key = page.translation_key
            dispatch.kind = _kind_of(page, form.cleaned_data["kind"])
            dispatch.note = form.cleaned_data["note"]
            dispatch.sent_by, dispatch.sent_at = actor(request), now()
            dispatch.withdrawn = False
            dispatch.save()
        sites = form.chosen()
        existing = set(dispatch.receipts.values_list("site_id", flat=True))
        Receipt.objects.bulk_create(
            [Receipt(dispatch=dispatch, site=s) for s in sites if s.pk not in existing]
        )
    messages.success(
        request,
        _("Đã gửi “%(title)s” tới %(count)s trang thành viên.")
        % {"title": page.title, "count": len(sites)},
    )
    return dispatch


def _counts(queryset):
    states = Receipt.State
    return queryset.annotate(
        **{
            f"n_{state}": Count("receipts", filter=Q(receipts__state=state))
            for state in states.values
        },
        n_all=Count("receipts"),
    )


@board_required
def dispatches(request):
    if not request.tenant.is_parent_portal:
        raise Http404
    rows = _counts(Dispatch.objects.filter(portal=request.tenant))
    return TemplateResponse(request, "exchange/dispatches.html", {"rows": rows})


@board_required
def dispatch_detail(request, pk):
    dispatch = get_object_or_404(Dispatch, pk=pk, portal=request.tenant)
    receipts = list(dispatch.receipts.select_related("site"))
    for receipt in receipts:
        receipt.blocked = site_blocked_reason(receipt.site)
    pending = [r for r in receipts if r.state in Receipt.PENDING and not r.blocked]
    return TemplateResponse(
        request,
        "exchange/dispatch.html",
        {"dispatch": dispatch, "receipts": receipts, "pending": pending},
    )


def _site_admin_url(request, site, path) -> str:
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    return f"{request.scheme}://{site.get_primary_domain().domain}{suffix}{path}"


def board_emails(site) -> list[str]:
    with schema_context(site.schema_name):
        return sorted(
            set(
                get_user_model()
                .objects.filter(groups__name__in=BOARD_GROUPS, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
        )


@require_POST
@board_required
def remind(request, pk):
    """An e-mail to the chief and deputy of every site that has not acted yet."""
    dispatch = get_object_or_404(Dispatch, pk=pk, portal=request.tenant)
    reminded = 0
    receipts = dispatch.receipts.filter(state__in=Receipt.PENDING).select_related("site")
    for receipt in receipts:
        if site_blocked_reason(receipt.site):
            continue
        emails = board_emails(receipt.site)
        if not emails:
            continue
        link = _site_admin_url(
            request, receipt.site, reverse("exchange:inbox_item", args=[receipt.pk])
        )
        send_mail(
            _("Nhắc việc: “%(title)s” từ %(portal)s chưa được xử lý")
            % {"title": dispatch.title, "portal": request.tenant.name},
            _(
                "%(portal)s đã gửi “%(title)s” tới %(site)s ngày %(when)s. Xin Ban biên tập "
                "xem và đăng hoặc từ chối (kèm lý do) tại: %(link)s"
            )
            % {
                "portal": request.tenant.name,
                "title": dispatch.title,
                "site": receipt.site.name,
                "when": dispatch.sent_at.strftime("%d/%m/%Y"),
                "link": link,
            },
            settings.DEFAULT_FROM_EMAIL,
            emails,
        )
        receipt.reminded_at = now()
        receipt.save(update_fields=["reminded_at"])
        reminded += 1
    messages.success(request, _("Đã nhắc %(count)s trang.") % {"count": reminded})
    return HttpResponseRedirect(reverse("exchange:dispatch", args=[dispatch.pk]))


# --- the member site -----------------------------------------------------------------------


def target_sections(kind):
    """Where a copy of this kind may go in the current site."""
    from content.models import DocumentIndexPage, DocumentPage, NewsPage, SectionPage

    if kind == Dispatch.Kind.DOCUMENT:
        allowed, candidates = DocumentPage.allowed_parent_page_models(), DocumentIndexPage
    else:
        allowed, candidates = NewsPage.allowed_parent_page_models(), SectionPage
    return [p for p in candidates.objects.order_by("path") if type(p) in allowed]


class PublishForm(forms.Form):
    section = forms.TypedChoiceField(label=gettext_lazy("Đăng vào chuyên mục"), coerce=int)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s.pk, s.title) for s in sections]


def _receipt(request, pk) -> Receipt:
    return get_object_or_404(
        Receipt.objects.select_related("dispatch__portal"),
        pk=pk,
        site=request.tenant,
        dispatch__portal_id=request.tenant.parent_id,
    )


@board_required
def inbox(request):
    """ "Từ cấp trên": what the parent portal sent to this site."""
    if request.tenant.parent_id is None:
        raise Http404
    rows = Receipt.objects.filter(
        site=request.tenant, dispatch__portal_id=request.tenant.parent_id
    ).select_related("dispatch")
    return TemplateResponse(request, "exchange/inbox.html", {"rows": rows})


@board_required
def inbox_item(request, pk):
    receipt = _receipt(request, pk)
    if receipt.state == Receipt.State.UNSEEN:
        receipt.state, receipt.seen_at = Receipt.State.SEEN, now()
        receipt.save(update_fields=["state", "seen_at"])
    return TemplateResponse(
        request,
        "exchange/inbox_item.html",
        {
            "receipt": receipt,
            "dispatch": receipt.dispatch,
            "blocked": site_blocked_reason(receipt.dispatch.portal),
            "publish_form": PublishForm(sections=target_sections(receipt.dispatch.kind)),
            "reason_form": ReasonForm(),
        },
    )


@require_POST
@board_required
def inbox_act(request, pk):
    receipt = _receipt(request, pk)
    dispatch = receipt.dispatch
    back = HttpResponseRedirect(reverse("exchange:inbox_item", args=[receipt.pk]))
    blocked = site_blocked_reason(dispatch.portal) or site_blocked_reason(request.tenant)
    if blocked:
        messages.error(request, _("Không xử lý được: %(why)s") % {"why": blocked})
        return back
    if receipt.state not in Receipt.PENDING:
        messages.error(request, _("Trang này đã xử lý mục này."))
        return back
    if receipt.copy_page_id:
        messages.error(request, _("Bản sao của mục này đang chờ duyệt trên trang."))
        return back
    action = request.POST.get("action")
    if action == "decline":
        form = ReasonForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["reason"][0])
            return back
        receipt.state, receipt.reason = Receipt.State.DECLINED, form.cleaned_data["reason"]
        receipt.acted_by, receipt.acted_at = actor(request), now()
        receipt.save()
        messages.success(request, _("Đã từ chối và báo lại cấp trên."))
        return back
    if action != "publish":
        messages.error(request, _("Thao tác không hợp lệ."))
        return back
    form = PublishForm(request.POST, sections=target_sections(dispatch.kind))
    if not form.is_valid():
        messages.error(request, _("Hãy chọn chuyên mục sẽ đăng."))
        return back
    try:
        source = copying.read_source(
            dispatch.portal.schema_name,
            dispatch.source_page_id,
            require_live=True,
            translation_key=dispatch.source_translation_key,
        )
        with transaction.atomic():
            page, file_map = copying.write_copy(
                request.tenant.schema_name, form.cleaned_data["section"], source, request.user
            )
            # A board member who may not publish in that section (the deputy, outside the
            # documents) sends the copy through the site's review; it counts as published
            # when the review publishes it (signals.copy_published).
            may_publish = page.get_parent().permissions_for_user(request.user)
            if may_publish.can_publish_subpage():
                page.get_latest_revision().publish(user=request.user)
                receipt.state = Receipt.State.PUBLISHED
            elif page.get_workflow() is not None:
                page.get_workflow().start(page, request.user)
            receipt.copy_page_id, receipt.copied_version = page.pk, dispatch.version
            receipt.file_map, receipt.error = file_map, ""
            receipt.acted_by, receipt.acted_at = actor(request), now()
            receipt.save()
    except copying.CopyError as error:
        messages.error(request, _("Chưa đăng được: %(error)s") % {"error": error})
        return back
    if receipt.state == Receipt.State.PUBLISHED:
        messages.success(request, _("Đã đăng “%(title)s”.") % {"title": page.title})
    else:
        messages.success(
            request, _("Đã tạo bản sao “%(title)s” và gửi duyệt.") % {"title": page.title}
        )
    return back


def follow_source(portal, page):
    """The parent published a new version of a page it sent down: every member's linked copy
    that is live gets it (a new published revision); a member whose copy cannot be updated
    keeps the old one and its receipt shows why. A copy its board took down stays down, and
    its drafts stay the board's: only the board brings it back."""
    dispatch = next(iter(sources.rows_for(Dispatch.objects.filter(portal=portal), page)), None)
    if dispatch is None:
        return
    try:
        source = copying.read_source(
            portal.schema_name, page.pk, translation_key=dispatch.source_translation_key
        )
    except copying.CopyError:
        return
    dispatch.title, dispatch.snapshot = source.title, source.snapshot()
    dispatch.version += 1
    dispatch.withdrawn = False
    dispatch.save()
    published = dispatch.receipts.filter(state=Receipt.State.PUBLISHED).select_related("site")
    for receipt in published:
        if site_blocked_reason(receipt.site):
            continue
        if not copying.is_live(receipt.site.schema_name, receipt.copy_page_id):
            continue
        try:
            with transaction.atomic():
                _, file_map = copying.update_copy(
                    receipt.site.schema_name,
                    receipt.copy_page_id,
                    source,
                    file_map=receipt.file_map,
                    publish=True,
                )
                receipt.file_map, receipt.copied_version = file_map, dispatch.version
                receipt.error = ""
                receipt.save()
        except copying.CopyError as error:
            Receipt.objects.filter(pk=receipt.pk).update(error=str(error)[:500])
