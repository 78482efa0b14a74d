"""The network console: the parent portal's admins manage their member sites from Wagtail.

Shown as "Trang thành viên" in the admin of a parent portal (province or district) to its
network administrators and superusers only; a member site never sees it, and a console only
reaches the parent portal's own members. Every action goes through the services
(``tenants.services``, ``tenants.lifecycle``, ``tenants.importing``, ``tenants.support``).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.text import fold_vietnamese, vietnamese_sort_key
from tenants import importing, lifecycle, mail, support
from tenants.access import (  # noqa: F401 - also imported from here by older code
    NetworkMenuItem,
    can_manage_network,
    network_admin_required,
)
from tenants.across import one_row_per_schema
from tenants.links import public_port, site_address
from tenants.models import Tenant
from tenants.services import create_site

MEMBER_KINDS = [(k, v) for k, v in Tenant.Kind.choices if k not in Tenant.PARENT_KINDS]
IMPORT_SESSION_KEY = "tenants_import_csv"
MAX_UPLOAD = 1024 * 1024


def _member(request, pk) -> Tenant:
    return get_object_or_404(Tenant, pk=pk, parent=request.tenant)


def _actor(request) -> str:
    return f"{request.user.get_username()}@{request.tenant.slug}"


def _site_activity(members) -> dict[str, tuple]:
    """Last publication and page count of every member, in one query across their schemas."""
    rows = one_row_per_schema(
        [m.schema_name for m in members], "max(last_published_at), count(*) - 1", "wagtailcore_page"
    )
    return {schema: (last, count) for schema, last, count in rows}


class SiteForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên đơn vị"),
        max_length=200,
        help_text=gettext_lazy("Tên chính thức, ví dụ: Xã Ia Băng."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Cấp"), choices=MEMBER_KINDS)
    slug = forms.CharField(
        label=gettext_lazy("Mã trang"),
        max_length=40,
        required=False,
        help_text=gettext_lazy("Để trống để tự đặt theo tên (Xã Ia Băng → iabang)."),
    )
    chief_email = forms.EmailField(
        label=gettext_lazy("Thư điện tử của trưởng ban biên tập"),
        help_text=gettext_lazy("Người này nhận liên kết đặt mật khẩu."),
    )
    group = forms.CharField(
        label=gettext_lazy("Cụm, khu vực"),
        max_length=100,
        required=False,
        help_text=gettext_lazy(
            "Nhóm của trang trong danh bạ các xã/phường trên cổng, ví dụ tên huyện cũ hoặc "
            "“Khu vực phía Bắc”. Để trống: nhóm “Khác”."
        ),
    )
    extra_domains = forms.CharField(
        label=gettext_lazy("Tên miền khác"),
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text=gettext_lazy(
            "Mỗi dòng một tên miền; tên miền chính là mã trang + tên miền cổng."
        ),
    )
    approval_steps = forms.TypedChoiceField(
        label=gettext_lazy("Quy trình duyệt"),
        coerce=int,
        initial=2,
        choices=[
            (2, gettext_lazy("Hai bước: phó ban, rồi trưởng ban")),
            (1, gettext_lazy("Một bước: trưởng ban")),
        ],
    )

    def add_service_errors(self, error: ValidationError) -> None:
        fields = {"domain": "extra_domains", "parent": None}
        for key, texts in getattr(error, "message_dict", {None: error.messages}).items():
            field = fields.get(key, key) if key in self.fields or key in fields else None
            for text in texts:
                self.add_error(field, text)


class EditForm(forms.Form):
    name = SiteForm.base_fields["name"]
    short_name = forms.CharField(label=gettext_lazy("Tên ngắn"), max_length=100, required=False)
    group = SiteForm.base_fields["group"]
    extra_domains = SiteForm.base_fields["extra_domains"]


class MergeForm(forms.Form):
    """Merge this member into another active member of the same parent (a commune merger)."""

    into = forms.ModelChoiceField(
        label=gettext_lazy("Sáp nhập vào trang"),
        queryset=Tenant.objects.none(),
        empty_label=gettext_lazy("— Chọn trang tiếp nhận —"),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Tôi hiểu rằng trang này sẽ được lưu trữ (chỉ xem) và mọi địa chỉ của nó sẽ "
            "chuyển hướng sang trang tiếp nhận."
        ),
        error_messages={"required": gettext_lazy("Hãy xác nhận trước khi sáp nhập.")},
    )

    def __init__(self, member: Tenant, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Tenant.objects.filter(parent_id=member.parent_id, status=Tenant.Status.ACTIVE)
            .exclude(pk=member.pk)
            .order_by("name")
        )


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label=gettext_lazy("Tệp CSV"),
        help_text=gettext_lazy(
            "Cột: ten_don_vi, cap, ma_trang, email_truong_ban, ten_mien_khac, cum_khu_vuc (UTF-8)."
        ),
    )
    approval_steps = SiteForm.base_fields["approval_steps"]

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if upload.size > MAX_UPLOAD:
            raise ValidationError(_("Tệp quá lớn (tối đa 1 MB)."))
        if not upload.name.lower().endswith(".csv"):
            raise ValidationError(_("Chỉ nhận tệp .csv."))
        return upload.read()


class ListFilterForm(forms.Form):
    """Search (with or without diacritics: "dak" finds "Đak") and filters of the site list."""

    q = forms.CharField(label=gettext_lazy("Tìm theo tên, mã, tên miền"), required=False)
    kind = forms.ChoiceField(
        label=gettext_lazy("Cấp"), required=False, choices=[("", "—"), *MEMBER_KINDS]
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái"),
        required=False,
        choices=[("", "—"), *Tenant.Status.choices],
    )


@network_admin_required
def member_list(request):
    form = ListFilterForm(request.GET or None)
    members = request.tenant.members.prefetch_related("domains")
    words = ""
    if form.is_valid():
        if form.cleaned_data["kind"]:
            members = members.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["status"]:
            members = members.filter(status=form.cleaned_data["status"])
        words = fold_vietnamese(form.cleaned_data["q"].strip()).lower()
    # In Python: a network has hundreds of members, and both the accent-insensitive match and
    # the Vietnamese order (Đ after D) are simplest on the names themselves.
    members = [m for m in members if not words or words in _searchable(m)]
    members.sort(key=lambda m: vietnamese_sort_key(m.name))
    activity = _site_activity(members)
    rows = [(m, *activity.get(m.schema_name, (None, 0))) for m in members]
    return TemplateResponse(
        request, "tenants/console/list.html", {"rows": rows, "filter_form": form}
    )


def _searchable(member: Tenant) -> str:
    texts = [
        member.name,
        member.short_name,
        member.slug,
        member.group,
        *(d.domain for d in member.domains.all()),
    ]
    return fold_vietnamese(" ".join(texts)).lower()


@network_admin_required
def member_create(request):
    form = SiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new_site = create_site(
                name=data["name"],
                kind=data["kind"],
                slug=data["slug"],
                parent=request.tenant,
                group=data["group"],
                chief_email=data["chief_email"],
                extra_domains=tuple(data["extra_domains"].split()),
                approval_steps=data["approval_steps"],
                created_by=_actor(request),
                port=public_port(request),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            # The link is shown this once and stored nowhere.
            return TemplateResponse(request, "tenants/console/created.html", {"new": new_site})
    return TemplateResponse(request, "tenants/console/create.html", {"form": form})


@network_admin_required
def member_detail(request, pk):
    member = _member(request, pk)
    if request.method != "POST":
        return _detail_page(request, member)
    form = EditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["name"] != member.name or data["short_name"] != member.short_name:
                lifecycle.rename(member, data["name"], data["short_name"])
            lifecycle.set_group(member, data["group"])
            lifecycle.set_extra_domains(member, data["extra_domains"].split())
        except ValidationError as error:
            for texts in error.message_dict.values():
                for text in texts:
                    form.add_error(None, text)
        else:
            messages.success(request, _("Đã lưu thay đổi của %(site)s.") % {"site": member})
            return HttpResponseRedirect(reverse("tenants_console:detail", args=[member.pk]))
    return _detail_page(request, member, form=form)


def _detail_page(request, member, *, form=None, merge_form=None):
    from tenants.console_backups import recent_archives

    if form is None:
        extra = " ".join(member.domains.filter(is_primary=False).values_list("domain", flat=True))
        initial = {
            "name": member.name,
            "short_name": member.short_name,
            "group": member.group,
            "extra_domains": extra,
        }
        form = EditForm(initial=initial)
    return TemplateResponse(
        request,
        "tenants/console/detail.html",
        {
            "member": member,
            "form": form,
            "merge_form": merge_form or MergeForm(member),
            "grants": member.support_grants.all()[:10],
            "backups": recent_archives(member),
            "chief_emails": member.chief_emails.all()[:10],
            "statuses": Tenant.Status,
        },
    )


@network_admin_required
def member_merge(request, pk):
    member = _member(request, pk)
    if request.method != "POST":
        return HttpResponseRedirect(reverse("tenants_console:detail", args=[pk]))
    merge_form = MergeForm(member, request.POST)
    if merge_form.is_valid():
        into = merge_form.cleaned_data["into"]
        try:
            lifecycle.merge(member, into)
        except ValidationError as error:
            merge_form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Đã sáp nhập %(old)s vào %(new)s; địa chỉ cũ chuyển hướng sang trang mới.")
                % {"old": member, "new": into},
            )
            return HttpResponseRedirect(reverse("tenants_console:detail", args=[pk]))
    return _detail_page(request, member, merge_form=merge_form)


@network_admin_required
def member_status(request, pk):
    member = _member(request, pk)
    if request.method != "POST":
        return HttpResponseRedirect(reverse("tenants_console:detail", args=[pk]))
    try:
        lifecycle.set_status(member, request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(site)s: %(status)s.") % {"site": member, "status": member.get_status_display()},
        )
    return HttpResponseRedirect(reverse("tenants_console:detail", args=[pk]))


@network_admin_required
def member_support(request, pk):
    member = _member(request, pk)
    if request.method != "POST" or member.status == Tenant.Status.SUSPENDED:
        messages.error(request, _("Không thể mở trang quản trị của một trang đang tạm ngừng."))
        return HttpResponseRedirect(reverse("tenants_console:detail", args=[pk]))
    token = support.grant(member, _actor(request))
    action = site_address(request, member.get_primary_domain().domain, support.PATH)
    # The token goes on in a form's body, never in an address (tenants.support).
    response = TemplateResponse(
        request,
        "tenants/console/support_handoff.html",
        {"member": member, "token": token, "action": action},
        headers={"Cache-Control": "no-store"},
    )
    # The form posts to the member's host, which "form-action 'self'" would make browsers
    # refuse: that one origin is admitted, on this response only (portal.csp).
    scheme, _sep, rest = action.partition("://")
    response._csp_update = {"form-action": [f"{scheme}://{rest.split('/', 1)[0]}"]}
    return response


@network_admin_required
def member_resend(request, pk):
    """Send the chief a fresh one-time link (the old one still works until used or expired)."""
    member = _member(request, pk)
    if request.method == "POST":
        queued = mail.resend_chief_email(member, _actor(request))
        last = member.chief_emails.order_by("-sent_at").first()
        if queued is None:
            messages.error(request, _("Trang này chưa có trưởng ban để gửi thư."))
        elif not queued.is_finished:  # the worker sends it (tenants.tasks.send_chief_email)
            messages.success(
                request, _("Thư cho %(email)s đang được gửi.") % {"email": last.recipient}
            )
        elif last.delivered:
            messages.success(
                request, _("Đã gửi lại thư cho %(email)s.") % {"email": last.recipient}
            )
        else:
            messages.error(
                request,
                _("Không gửi được thư cho %(email)s; hãy kiểm tra máy chủ thư.")
                % {"email": last.recipient},
            )
    return HttpResponseRedirect(reverse("tenants_console:detail", args=[pk]))


@network_admin_required
def member_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    rows, done = None, False
    if request.method == "POST" and "confirm" in request.POST:
        content = request.session.pop(IMPORT_SESSION_KEY, None)
        if content is None:
            messages.error(request, _("Phiên xem trước đã hết; hãy tải tệp lên lại."))
        else:
            from tenants.console_tasks import import_progress_response
            from tenants.tasks import import_sites

            # Out of the request: the worker creates the sites, this page shows how far.
            result = import_sites.enqueue(
                content,
                request.tenant.pk,
                int(request.POST.get("approval_steps", 2)),
                _actor(request),
                public_port(request),
            )
            return import_progress_response(request, result)
    elif request.method == "POST" and form.is_valid():
        content = form.cleaned_data["csv_file"]
        try:
            rows = importing.plan(importing.read_rows(content), request.tenant)
        except ValidationError as error:
            form.add_error("csv_file", error)
        else:
            request.session[IMPORT_SESSION_KEY] = content.decode("utf-8-sig", "replace")
    return TemplateResponse(
        request,
        "tenants/console/import.html",
        {
            "form": form,
            "rows": rows,
            "done": done,
            "new_count": sum(r.status == "new" for r in rows or []),
            "approval_steps": form.data.get("approval_steps", 2),
        },
    )
