"""The board report: items per unit per month cell by cell, totals, every figure, and the same
numbers in the XLSX and the DOCX downloads."""

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context
from docx import Document
from openpyxl import load_workbook
from wagtail.models import Site

from content.models import ContributingUnit, DocumentType, IssuingBody, Question
from content.skeleton import find_section
from editorial.models import BoardSettings, RoyaltyBudget, RoyaltyLine
from reports.network.models import DailyVisit
from tests.conftest import site_client
from tests.reports.conftest import (
    PASSWORD,
    admin_client,
    local,
    publish_document,
    publish_item,
)

HALF_2021 = {"ky": "6-thang", "nam": 2021, "so": 1}
UNITS = [  # name, group, sort order, quota, items by month Jan–Jun
    ("Trung tâm Văn hóa", "board", 1, 3, [2, 1, 3, 0, 0, 0]),
    ("Công an xã", "board", 2, None, [0, 0, 0, 0, 0, 1]),
    ("Phòng Tài chính", "board", 3, None, [0, 0, 0, 0, 0, 0]),
    ("Huyện Đoàn", "outside", 10, None, [0, 0, 0, 2, 0, 0]),
    ("Trường THCS", "outside", 11, None, [0, 0, 0, 0, 0, 0]),
]
NO_UNIT = [0, 0, 0, 0, 1, 0]
TOTALS = [2, 1, 3, 2, 1, 1]


@pytest.fixture
def reported_site(commune):
    """A site with items, documents, questions, royalties and visits on known dates."""
    with schema_context(commune.schema_name):
        site = Site.objects.get()
        ContributingUnit.objects.all().delete()  # this board keeps its own list of units
        units = {
            name: ContributingUnit.objects.create(
                name=name, group=group, sort_order=order, monthly_target=quota
            )
            for name, group, order, quota, _ in UNITS
        }
        board = BoardSettings.for_site(site)
        board.monthly_target = 2
        board.save()
        culture, police, youth = (
            units[n] for n in ("Trung tâm Văn hóa", "Công an xã", "Huyện Đoàn")
        )
        # January: two, one late in the evening of the 31st (still January in Việt Nam).
        publish_item("Hội nghị", local(2021, 1, 5, 9), culture, event_date=date(2021, 1, 3))
        publish_item("Đêm văn nghệ", local(2021, 1, 31, 23, 30), culture, "bai", date(2021, 1, 29))
        # 00:30 on 1 February local time is still 31 January in UTC: it counts in February.
        publish_item("Tết trồng cây", local(2021, 2, 1, 0, 30), culture, "tin-anh")
        publish_item("Ngày hội", local(2021, 3, 10, 8), culture, "bai", date(2021, 3, 1))
        publish_item("Tọa đàm", local(2021, 3, 11, 8), culture, "video")
        publish_item("Giải bóng đá", local(2021, 3, 12, 8), culture)
        publish_item("Ra quân", local(2021, 4, 5, 8), youth, event_date=date(2021, 4, 5))
        publish_item("Hiến máu", local(2021, 4, 20, 8), youth, "audio")
        publish_item("Không rõ nguồn", local(2021, 5, 2, 8))
        publish_item("Tuần tra", local(2021, 6, 30, 23, 59), police)
        # Outside the period, or not live: not counted.
        publish_item("Năm cũ", local(2020, 12, 31, 23, 59), culture)
        publish_item("Nửa sau", local(2021, 7, 1, 0, 0, 30), culture)
        draft = publish_item("Bản nháp", local(2021, 3, 15, 8), culture)
        draft.live = False
        draft.save()

        decision = DocumentType.objects.get(name="Quyết định")  # from the site blueprint
        plan = DocumentType.objects.get(name="Kế hoạch")
        body = IssuingBody.objects.create(name="UBND xã")
        documents = find_section(site.root_page, "documents")
        for number, kind, published in [
            ("12/QĐ-UBND", decision, local(2021, 2, 3, 8)),
            ("13/QĐ-UBND", decision, local(2021, 5, 3, 8)),
            ("5/KH-UBND", plan, local(2021, 6, 3, 8)),
            ("20/QĐ-UBND", decision, local(2021, 8, 3, 8)),
        ]:
            publish_document(documents, number, kind, body, published)

        for submitted, answered in [
            (local(2021, 2, 1, 8), local(2021, 2, 5, 8)),  # 4 days
            (local(2021, 3, 1, 8), local(2021, 3, 11, 8)),  # 10 days
            (local(2021, 5, 1, 8), None),  # still open
            (local(2020, 12, 1, 8), local(2021, 1, 7, 8)),  # asked before, answered in: 37 days
        ]:
            Question.objects.create(
                name="Người dân",
                question="Hỏi",
                submitted_at=submitted,
                status="da-tra-loi" if answered else "moi",
                answer="<p>Trả lời</p>" if answered else "",
                answered_at=answered,
            )

        for when, amount in [
            (local(2021, 2, 10, 8), 100_000),
            (local(2021, 3, 10, 8), 150_000),
            (local(2021, 3, 12, 8), -50_000),  # a correction
            (local(2021, 8, 1, 8), 70_000),  # after the period
        ]:
            RoyaltyLine.objects.create(page_title="Tin", kind="tin", amount=amount, created_at=when)
        RoyaltyBudget.objects.create(year=2021, amount=10_000_000)

    for day, views in [
        (date(2020, 12, 31), 7),
        (date(2021, 1, 15), 100),
        (date(2021, 6, 30), 50),
        (date(2021, 7, 1), 999),
    ]:
        DailyVisit.objects.create(tenant=commune, day=day, views=views)
    return commune


def _table_rows(html: str, table_id: str) -> list[list[str]]:
    table = BeautifulSoup(html, "html.parser").find(id=table_id)
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.find_all("tr")
    ]


def _expected_appendix() -> list[list]:
    rows = [["I/ CÁC ĐƠN VỊ THUỘC BAN BIÊN TẬP:"]]
    rows += [[i, n, *c, sum(c)] for i, (n, g, _, _, c) in enumerate(UNITS[:3], 1)]
    rows.append(["II/ CÁC ĐƠN VỊ CỘNG TÁC GỬI TIN BÀI:"])
    rows += [[i, n, *c, sum(c)] for i, (n, g, _, _, c) in enumerate(UNITS[3:], 1)]
    rows.append([3, "Không ghi đơn vị", *NO_UNIT, 1])
    rows.append(["", "Tổng cộng", *TOTALS, 10])
    return rows


def test_the_appendix_counts_each_unit_per_month_with_totals(reported_site):
    client = admin_client(reported_site)
    html = client.get("/admin/bao-cao/", HALF_2021).content.decode()
    rows = _table_rows(html, "appendix")
    assert rows[1] == ["01/2021", "02/2021", "03/2021", "04/2021", "05/2021", "06/2021"]
    expected = [
        [row[0].rstrip(":")] if len(row) == 1 else [str(cell) for cell in row]
        for row in _expected_appendix()
    ]
    assert rows[2:] == expected
    # The unit with its own quota (3 a month) shows the months it fell short of it.
    culture = BeautifulSoup(html, "html.parser").find(id="appendix").find_all("tr")[3]
    short = ["short" in (cell.get("class") or []) for cell in culture.find_all("td")[2:8]]
    assert short == [True, True, False, True, True, True]


def test_the_report_shows_every_figure_of_the_period(reported_site):
    client = admin_client(reported_site)
    html = client.get("/admin/bao-cao/", HALF_2021).content.decode()
    page = BeautifulSoup(html, "html.parser")
    assert "6 tháng đầu năm 2021" in html
    kinds = dict(row[:2] for row in _table_rows(html, "items-by-kind")[1:])
    assert kinds == {
        "Tin": "5", "Bài": "2", "Tin ảnh": "1", "Bài ảnh": "0", "Video": "1", "Âm thanh": "1",
        "Tổng cộng": "10",
    }  # fmt: skip
    assert _table_rows(html, "documents-by-type") == [
        ["Quyết định", "2"],
        ["Kế hoạch", "1"],
        ["Tổng cộng", "3"],
    ]
    text = {i: page.find(id=i).get_text(strip=True) for i in (
        "questions-received", "questions-answered", "royalties-spent", "delay-median",
        "delay-worst", "visits-period", "visits-cumulative",
    )}  # fmt: skip
    assert text["questions-received"] == "3"
    assert text["questions-answered"] == "3"
    assert "10" in page.find(string="Thời gian trả lời trung vị").find_next("dd").get_text()
    assert text["royalties-spent"] == "200.000 đ"  # dots between thousands
    assert text["delay-median"] == "2 ngày"  # delays 2, 2, 9, 0 → median 2
    assert text["delay-worst"].startswith("9 ngày") and "Ngày hội" in text["delay-worst"]
    assert text["visits-period"] == "150"
    assert text["visits-cumulative"] == "157"  # everything up to the end of the period
    quota = _table_rows(html, "quota")[1:]
    assert [row[3] for row in quota] == ["Đạt", "Chưa đạt", "Đạt", "Đạt", "Chưa đạt", "Chưa đạt"]
    assert html.count('class="report-chart"') == 2  # items and visits per month, as SVG


def test_the_xlsx_holds_the_same_appendix_and_figures(reported_site):
    response = admin_client(reported_site).get("/admin/bao-cao/xlsx/", HALF_2021)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    appendix = workbook["Phụ lục"]
    values = [list(row) for row in appendix.iter_rows(values_only=True)]
    assert values[2] == ["STT", "Tên đơn vị", "Tháng", None, None, None, None, None, "Tổng cộng"]
    assert values[3] == [None, None, "1", "2", "3", "4", "5", "6", None]
    expected = [
        [None if v == "" else v for v in row] + [None] * (9 - len(row))
        for row in _expected_appendix()
    ]
    assert values[4:] == expected
    summary = {row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(values_only=True) if row[0]}
    assert summary["Tổng số tin, bài đã đăng"] == 10
    assert summary["Câu hỏi đã tiếp nhận"] == 3
    assert summary["Nhuận bút đã chi trong kỳ (đồng)"] == 200_000
    assert summary["Kinh phí nhuận bút năm 2021 (đồng)"] == 10_000_000
    assert summary["Lượt truy cập trong kỳ"] == 150
    assert summary["Số tháng đạt chỉ tiêu"] == "3/6"


def test_the_docx_draft_is_laid_out_like_an_administrative_report(reported_site):
    response = admin_client(reported_site).get("/admin/bao-cao/docx/", HALF_2021)
    assert "attachment" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    heading = [cell.text for cell in document.tables[0].rows[0].cells]
    assert "ỦY BAN NHÂN DÂN XÃ THỬ BÁO CÁO" in heading[0] and "BAN BIÊN TẬP" in heading[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in heading[1]
    assert "Độc lập - Tự do - Hạnh phúc" in heading[1]
    paragraphs = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in paragraphs
    for section in ("I. ", "II. ", "III. ", "IV. ", "V. "):
        assert any(p.startswith(section) for p in paragraphs)
    text = "\n".join(paragraphs)
    assert "đã đăng tải 10 tin, bài" in text
    assert "Đã tiếp nhận 3 câu hỏi, trả lời 3" in text
    assert "nâng tổng số lượt truy cập lên 157 lượt." in text
    assert "Trong kỳ, trang thu hút 150 lượt truy cập, nâng" in text
    assert "200.000 đồng" in text and "10.000.000 đồng" in text
    assert "PHỤ LỤC" in paragraphs
    # A4, margins of Decree 30/2020 Appendix I (top/bottom 20–25, left 30–35, right 15–20 mm)
    page = document.sections[0]
    assert {round(page.page_width.mm), round(page.page_height.mm)} == {210, 297}
    assert 20 <= round(page.top_margin.mm) <= 25 and 20 <= round(page.bottom_margin.mm) <= 25
    assert 30 <= round(page.left_margin.mm) <= 35 and 15 <= round(page.right_margin.mm) <= 20
    table = document.tables[1]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][:3] == ["STT", "Tên đơn vị", "Tháng"] and cells[0][-1] == "Tổng cộng"
    assert cells[1][2:8] == ["1", "2", "3", "4", "5", "6"]
    expected = _expected_appendix()
    for row, want in zip(cells[2:], expected, strict=True):
        if len(want) == 1:
            assert row[0] == want[0]  # a group title across the whole row
        else:
            assert row == [str(v) for v in want]


def test_a_bad_period_is_refused_in_vietnamese(reported_site):
    client = admin_client(reported_site)
    html = client.get("/admin/bao-cao/", {"ky": "quy", "nam": 2021, "so": 5}).content.decode()
    assert "Hãy chọn số từ 1 đến 4 cho kỳ này." in html and 'id="appendix"' not in html
    html = client.get(
        "/admin/bao-cao/", {"ky": "tuy-chon", "nam": 2021, "tu": "2021-03-01", "den": "2021-02-01"}
    ).content.decode()
    assert "Ngày kết thúc phải sau ngày bắt đầu." in html
    response = client.get("/admin/bao-cao/xlsx/", {"ky": "quy", "nam": 2021, "so": 9})
    assert response["Content-Type"].startswith("text/html")  # the form again, not a file


def test_any_dates_and_a_quarter_give_their_own_months(reported_site):
    client = admin_client(reported_site)
    html = client.get(
        "/admin/bao-cao/", {"ky": "tuy-chon", "nam": 2021, "tu": "2021-01-31", "den": "2021-02-01"}
    ).content.decode()
    assert _table_rows(html, "appendix")[-1] == ["", "Tổng cộng", "1", "1", "2"]
    html = client.get("/admin/bao-cao/", {"ky": "quy", "nam": 2021, "so": 2}).content.decode()
    assert _table_rows(html, "appendix")[-1] == ["", "Tổng cộng", "2", "1", "1", "4"]


def test_only_the_boards_leaders_see_the_report(reported_site):
    with schema_context(reported_site.schema_name):
        user = get_user_model().objects.create_user("ctv", password=PASSWORD)
        user.groups.add(Group.objects.get(name="Cộng tác viên"))
    client = site_client(reported_site)
    client.post("/admin/login/", {"username": "ctv", "password": PASSWORD})
    assert "/admin/bao-cao/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/bao-cao/", HALF_2021)["Location"] == "/admin/"
    assert client.get("/admin/bao-cao/xlsx/", HALF_2021)["Location"] == "/admin/"
