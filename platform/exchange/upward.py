"""Sending news up: a commune's board sends a live item to its parent portal, whose board
accepts it into a section (as a draft that goes through the portal's own review), asks for
changes or declines it; both sides see the request's state (issue 18, item 1).
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from exchange import copying, sources
from exchange.access import actor, board_required, now
from exchange.network.models import Submission, site_blocked_reason


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ghi chú gửi Ban biên tập cấp trên (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Hãy ghi lý do để trang gửi biết cần làm gì.")},
    )


def news_sections():
    """The sections of the current site a news item may be placed in."""
    from content.models import NewsPage, SectionPage

    allowed = NewsPage.allowed_parent_page_models()
    return [p for p in SectionPage.objects.order_by("path") if type(p) in allowed]


class AcceptForm(forms.Form):
    section = forms.TypedChoiceField(label=gettext_lazy("Đưa vào chuyên mục"), coerce=int)
    submit_for_review = forms.BooleanField(
        label=gettext_lazy("Gửi duyệt ngay theo quy trình duyệt của cổng"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [(s.pk, s.title) for s in sections]


# --- the sending site ----------------------------------------------------------------------


@board_required
def send_up(request, page_id):
    """The "Gửi lên <cổng>" action on a live news item; sending again updates the request."""
    from content.models import NewsPage

    site = request.tenant
    if site.parent_id is None:
        raise Http404
    page = get_object_or_404(NewsPage, pk=page_id)
    portal = site.parent
    existing = next(iter(sources.rows_for(Submission.objects.for_source(site), page)), None)
    form = NoteForm(request.POST or None, initial={"note": existing.note if existing else ""})
    if request.method == "POST" and form.is_valid():
        blocked = site_blocked_reason(portal)
        if not page.live:
            messages.error(request, _("Chỉ gửi được tin đang đăng."))
        elif page.get_view_restrictions().exists():
            messages.error(
                request, _("Bản gốc chỉ dành cho người được phép xem: không gửi đi được.")
            )
        elif blocked:
            messages.error(request, _("Không gửi được: %(why)s") % {"why": blocked})
        else:
            _record(request, page, portal, form.cleaned_data["note"])
            return HttpResponseRedirect(reverse("exchange:sent"))
    return TemplateResponse(
        request,
        "exchange/send_up.html",
        {"page": page, "portal": portal, "form": form, "existing": existing},
    )


def _record(request, page, portal, note):
    site = request.tenant
    snapshot = copying.page_snapshot_of(page)
    fields = {
        "portal": portal,
        "source_url": page.get_full_url(request),
        "title": page.title,
        "author": page.author,
        "snapshot": snapshot,
        "note": note,
        "sent_by": actor(request),
        "sent_at": now(),
        "source_withdrawn": False,
    }
    with transaction.atomic():
        rows = Submission.objects.select_for_update().filter(source=site)
        submission = next(iter(sources.rows_for(rows, page)), None)
        fields["source_translation_key"] = page.translation_key
        if submission is None:
            Submission.objects.create(source=site, source_page_id=page.pk, **fields)
            messages.success(
                request,
                _("Đã gửi “%(title)s” lên %(portal)s.")
                % {"title": page.title, "portal": portal.name},
            )
            return
        for name, value in fields.items():
            setattr(submission, name, value)
        if submission.state == Submission.State.ACCEPTED:
            submission.source_changed = snapshot != submission.copied_snapshot
        else:
            submission.state, submission.reason = Submission.State.SENT, ""
        submission.save()
    messages.success(
        request, _("Đã gửi lại “%(title)s”: yêu cầu cũ được cập nhật.") % {"title": page.title}
    )


@board_required
def sent(request):
    """Everything this site sent up, with the parent's answer."""
    rows = Submission.objects.for_source(request.tenant).select_related("portal")
    return TemplateResponse(request, "exchange/sent.html", {"rows": rows})


# --- the parent portal ---------------------------------------------------------------------


def _submission(request, pk) -> Submission:
    return get_object_or_404(
        Submission.objects.for_portal(request.tenant).select_related("source", "portal"), pk=pk
    )


@board_required
def queue(request):
    """ "Tin từ cơ sở": what the portal's members sent up, open requests first."""
    rows = Submission.objects.for_portal(request.tenant).select_related("source")
    open_rows = [r for r in rows if r.state == Submission.State.SENT]
    flagged = [
        r
        for r in rows
        if r.state == Submission.State.ACCEPTED and (r.source_changed or r.source_withdrawn)
    ]
    return TemplateResponse(
        request, "exchange/queue.html", {"rows": rows, "open": open_rows, "flagged": flagged}
    )


@board_required
def review(request, pk):
    submission = _submission(request, pk)
    return TemplateResponse(
        request,
        "exchange/review.html",
        {
            "submission": submission,
            "blocked": submission.blocked_reason(),
            "accept_form": AcceptForm(sections=news_sections()),
            "reason_form": ReasonForm(),
            "changes": copying.diff(submission.copied_snapshot, submission.snapshot)
            if submission.source_changed
            else [],
            "copy_url": _copy_admin_url(submission),
        },
    )


def _copy_admin_url(submission):
    from wagtail.models import Page

    if submission.copy_page_id and Page.objects.filter(pk=submission.copy_page_id).exists():
        return reverse("wagtailadmin_pages:edit", args=[submission.copy_page_id])
    return ""


class AlreadyAccepted(Exception):
    """Another accept of the same request committed first."""


ACTIONS = ("accept", "changes", "decline", "update", "unpublish", "keep")


@require_POST
@board_required
def act(request, pk):
    """One decision of the portal's board on a request; refused while either site cannot act."""
    submission = _submission(request, pk)
    action = request.POST.get("action")
    back = HttpResponseRedirect(reverse("exchange:review", args=[submission.pk]))
    if action not in ACTIONS:
        messages.error(request, _("Thao tác không hợp lệ."))
        return back
    blocked = submission.blocked_reason()
    if blocked:
        messages.error(request, _("Không xử lý được yêu cầu này: %(why)s") % {"why": blocked})
        return back
    handler = {
        "accept": _accept,
        "changes": _answer,
        "decline": _answer,
        "update": _update,
        "unpublish": _unpublish,
        "keep": _keep,
    }[action]
    return handler(request, submission, action) or back


def _accept(request, submission, action):
    if submission.state == Submission.State.ACCEPTED:
        messages.error(request, _("Tin này đã được nhận."))
        return None
    form = AcceptForm(request.POST, sections=news_sections())
    if not form.is_valid():
        messages.error(request, _("Hãy chọn chuyên mục sẽ đưa tin vào."))
        return None
    try:
        source = copying.read_source(
            submission.source.schema_name,
            submission.source_page_id,
            require_live=True,
            translation_key=submission.source_translation_key,
        )
        source.credit = submission.source.name
        with transaction.atomic():
            # Two accepts at once (a double click, two deputies): the second waits here for
            # the first to commit, then finds the request accepted and makes no second copy.
            submission = Submission.objects.select_for_update().get(pk=submission.pk)
            if submission.state == Submission.State.ACCEPTED:
                raise AlreadyAccepted
            page, file_map = copying.write_copy(
                request.tenant.schema_name, form.cleaned_data["section"], source, request.user
            )
            submitted = False
            if form.cleaned_data["submit_for_review"]:
                workflow = page.get_workflow()
                if workflow is not None:
                    workflow.start(page, request.user)
                    submitted = True
            submission.state = Submission.State.ACCEPTED
            submission.reason = ""
            submission.copy_page_id = page.pk
            submission.copied_snapshot = source.snapshot()
            submission.snapshot = source.snapshot()
            submission.file_map = file_map
            submission.source_changed = submission.source_withdrawn = False
            submission.reviewed_by, submission.reviewed_at = actor(request), now()
            submission.save()
    except AlreadyAccepted:
        messages.error(
            request,
            _(
                "Tin này vừa được nhận (có lẽ nút “Nhận vào chuyên mục” được bấm hai lần): "
                "cổng chỉ giữ một bản sao."
            ),
        )
        return None
    except copying.CopyError as error:
        messages.error(request, _("Chưa nhận được tin: %(error)s") % {"error": error})
        return None
    if submitted:
        messages.success(
            request, _("Đã tạo bản nháp “%(title)s” và gửi duyệt.") % {"title": page.title}
        )
    else:
        messages.success(
            request, _("Đã tạo bản nháp “%(title)s” chờ Ban biên tập.") % {"title": page.title}
        )
    return None


def _answer(request, submission, action):
    if submission.state == Submission.State.ACCEPTED:
        messages.error(request, _("Tin này đã được nhận."))
        return None
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reason"][0])
        return None
    submission.state = (
        Submission.State.CHANGES if action == "changes" else Submission.State.DECLINED
    )
    submission.reason = form.cleaned_data["reason"]
    submission.reviewed_by, submission.reviewed_at = actor(request), now()
    submission.save()
    messages.success(request, _("Đã trả lời %(site)s.") % {"site": submission.source.name})
    return None


def _own_copy(request, submission):
    from wagtail.models import Page

    page = Page.objects.filter(pk=submission.copy_page_id).first()
    if submission.state != Submission.State.ACCEPTED or page is None:
        messages.error(request, _("Cổng không còn bản sao của tin này."))
        return None
    return page.specific


def _update(request, submission, action):
    """The one-click update after the source changed: a new revision of the copy, published
    at once if the copy is live and the user may publish it, else sent through review."""
    page = _own_copy(request, submission)
    if page is None:
        return None
    if not submission.source_changed:
        messages.info(request, _("Bản gốc chưa thay đổi kể từ lần sao."))
        return None
    can_publish = page.permissions_for_user(request.user).can_publish()
    try:
        source = copying.read_source(
            submission.source.schema_name,
            submission.source_page_id,
            require_live=True,
            translation_key=submission.source_translation_key,
        )
        source.credit = submission.source.name
        with transaction.atomic():
            page, file_map = copying.update_copy(
                request.tenant.schema_name,
                page.pk,
                source,
                request.user,
                submission.file_map,
                publish=page.live and can_publish,
            )
            if not (page.live and can_publish) and page.get_workflow() is not None:
                if page.workflow_in_progress:
                    page.current_workflow_state.cancel(user=request.user)
                page.get_workflow().start(page, request.user)
            submission.copied_snapshot = submission.snapshot = source.snapshot()
            submission.file_map = file_map
            submission.source_changed = False
            submission.save()
    except copying.CopyError as error:
        messages.error(request, _("Chưa cập nhật được: %(error)s") % {"error": error})
        return None
    messages.success(request, _("Đã cập nhật bản sao theo bản gốc."))
    return None


def _unpublish(request, submission, action):
    page = _own_copy(request, submission)
    if page is None:
        return None
    if page.live and not page.permissions_for_user(request.user).can_unpublish():
        messages.error(request, _("Bạn không có quyền gỡ trang này."))
        return None
    copying.unpublish_copy(request.tenant.schema_name, page.pk, request.user)
    submission.source_withdrawn = False
    submission.reason = _("Đã gỡ bản sao vì bản gốc bị gỡ.")
    submission.reviewed_by, submission.reviewed_at = actor(request), now()
    submission.save()
    messages.success(request, _("Đã gỡ bản sao khỏi cổng."))
    return None


def _keep(request, submission, action):
    if not submission.source_withdrawn:
        return None
    submission.source_withdrawn = False
    submission.reason = _("Giữ bản sao dù bản gốc đã bị gỡ.")
    submission.reviewed_by, submission.reviewed_at = actor(request), now()
    submission.save()
    messages.success(request, _("Đã giữ bản sao."))
    return None
