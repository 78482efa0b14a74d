"""Admin screens of the reports: the board report (with its downloads), the site's compliance,
and, in a parent portal, the network report and the network's compliance."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tenants.utils import tenant_context
from wagtail.models import Site

from reports import charts
from reports.access import board_report_required, network_report_required
from reports.board import build_board_report
from reports.compliance.rulesets import RULESETS, current_ruleset
from reports.compliance.service import evaluate, save_snapshot
from reports.links import site_address
from reports.models import ManualCheck
from reports.network.models import ComplianceSnapshot
from reports.network_figures import network_report as network_report_rows
from reports.network_figures import network_total, sort_rows
from reports.periods import PeriodForm

PASSING_SCORE = 80  # below this a site is highlighted in the console (policy)


def _report(request):
    form = PeriodForm.from_query(request.GET)
    if not form.is_valid():
        return form, None
    period = form.cleaned_data["period"]
    return form, build_board_report(request.tenant, period, Site.find_for_request(request))


def _filename(request, report, extension: str) -> str:
    return f"bao-cao-{request.tenant.slug}-{slugify(report.period.label)}.{extension}"


@board_report_required
def board_report(request):
    form, report = _report(request)
    context = {
        "title": "Báo cáo hoạt động của trang",
        "form": form,
        "report": report,
        "query": request.GET.urlencode(),
    }
    if report:
        labels = [m.strftime("%m/%Y") for m in report.months]
        context["items_chart"] = charts.bar_chart(
            "Tin, bài đã đăng theo tháng",
            labels,
            report.items_by_month,
            highlight=[not q.met for q in report.quota],
            target=report.monthly_target,
        )
        context["visits_chart"] = charts.bar_chart(
            "Lượt truy cập theo tháng", labels, report.visits_by_month
        )
    return TemplateResponse(request, "reports/board.html", context)


@board_report_required
def board_report_xlsx(request):
    # Imported here: python-docx and openpyxl weigh ~15 MB in every serving process, which
    # only ever needs them for these two downloads (issue 19, memory per worker).
    from reports import exports

    return _board_report_file(request, exports.board_report_xlsx, exports.XLSX_TYPE, "xlsx")


@board_report_required
def board_report_docx(request):
    from reports import exports

    return _board_report_file(request, exports.board_report_docx, exports.DOCX_TYPE, "docx")


def _board_report_file(request, render, content_type: str, extension: str):
    """The report as a download; back to the form (with its errors) when the period is bad."""
    _form, report = _report(request)
    if report is None:
        return board_report(request)
    response = HttpResponse(render(report), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(request, report, extension)}"'
    )
    return response


# ---------------------------------------------------------------------------------------------
# The site's compliance


@board_report_required
def site_compliance(request):
    ruleset = RULESETS.get(request.GET.get("bo") or request.POST.get("bo")) or current_ruleset()
    if request.method == "POST":
        form = ManualCheckForm(request.POST, codes=[r.code for r in ruleset.rules if r.manual])
        if form.is_valid():
            ManualCheck.objects.update_or_create(
                ruleset=ruleset.key,
                code=form.cleaned_data["code"],
                defaults={
                    "passed": form.cleaned_data["passed"] == "1",
                    "note": form.cleaned_data["note"],
                    "checked_by": request.user,
                    "checked_at": timezone.now(),
                },
            )
            messages.success(request, _("Đã ghi kết quả kiểm tra thủ công."))
            return redirect(f"{reverse('reports:compliance')}?bo={ruleset.key}")
        messages.error(request, _("Không ghi được kết quả: hãy chọn tiêu chí và kết quả."))
    result = evaluate(request.tenant, ruleset, Site.find_for_request(request))
    save_snapshot(request.tenant, result)
    return TemplateResponse(
        request,
        "reports/compliance.html",
        {
            "title": _("Mức độ tuân thủ quy định"),
            "result": result,
            "rulesets": RULESETS.values(),
        },
    )


class ManualCheckForm(forms.Form):
    code = forms.ChoiceField()
    passed = forms.ChoiceField(choices=[("1", "Đạt"), ("0", "Chưa đạt")])
    note = forms.CharField(max_length=500, required=False)

    def __init__(self, *args, codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [(c, c) for c in codes]


# ---------------------------------------------------------------------------------------------
# The network (parent portals only)


@network_report_required
def network_report(request):
    form = PeriodForm.from_query(request.GET)
    ruleset = current_ruleset()
    members = request.tenant.members.exclude(status="archived").order_by("name")
    context = {"title": _("Báo cáo mạng lưới"), "form": form, "ruleset": ruleset}
    if form.is_valid():
        sort = request.GET.get("sap-xep", "name")
        descending = request.GET.get("chieu") == "giam"
        rows = network_report_rows(members, form.cleaned_data["period"], ruleset.key)
        rows = sort_rows(rows, sort, descending)
        query = request.GET.copy()
        query.pop("sap-xep", None)
        query.pop("chieu", None)
        context |= {
            "period": form.cleaned_data["period"],
            "rows": rows,
            "total": network_total(rows),
            "sort": sort,
            "descending": descending,
            "base_query": query.urlencode(),
            "extra_params": [("sap-xep", sort)] + ([("chieu", "giam")] if descending else []),
            "columns": [
                ("name", _("Trang thành viên")),
                ("items", _("Tin, bài")),
                ("quota", _("Chỉ tiêu")),
                ("documents", _("Văn bản")),
                ("questions_received", _("Câu hỏi nhận")),
                ("questions_answered", _("Câu hỏi trả lời")),
                ("royalties", _("Nhuận bút (đ)")),
                ("visits", _("Lượt truy cập")),
                ("score", _("Điểm tuân thủ")),
            ],
            "items_chart": charts.bar_chart(
                _("Tin, bài đã đăng theo trang"),
                [r.tenant.short_name or r.tenant.name for r in rows],
                [r.items for r in rows],
                highlight=[r.below_quota for r in rows],
            ),
        }
    return TemplateResponse(request, "reports/network.html", context)


@network_report_required
def network_compliance(request):
    ruleset = RULESETS.get(request.GET.get("bo")) or current_ruleset()
    members = list(request.tenant.members.exclude(status="archived").order_by("name"))
    if request.method == "POST":
        for member in members:
            with tenant_context(member):
                save_snapshot(member, evaluate(member, ruleset))
        messages.success(request, _("Đã kiểm tra lại tất cả trang thành viên."))
        return redirect(f"{reverse('reports:network_compliance')}?bo={ruleset.key}")
    snapshots = {
        s.tenant_id: s
        for s in ComplianceSnapshot.objects.filter(tenant__in=members, ruleset=ruleset.key)
    }
    rows = [(m, snapshots.get(m.pk), site_address(m)) for m in members]
    scored = [(m, s) for m, s, _ in rows if s]
    return TemplateResponse(
        request,
        "reports/network_compliance.html",
        {
            "title": _("Tuân thủ quy định của các trang thành viên"),
            "ruleset": ruleset,
            "rulesets": RULESETS.values(),
            "rows": rows,
            "chart": charts.bar_chart(
                _("Điểm tuân thủ theo trang"),
                [m.short_name or m.name for m, _ in scored],
                [s.score for _, s in scored],
                highlight=[s.score < PASSING_SCORE for _, s in scored],
                target=PASSING_SCORE,
            )
            if scored
            else "",
        },
    )
