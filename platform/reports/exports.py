"""The board report as files: an XLSX workbook and a DOCX draft for the board to finish.

The DOCX follows the layout of a Vietnamese administrative report (Decree 30/2020 on
administrative documents, as the boards' own reports do): the heading block with the unit and
"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", the title "BÁO CÁO",
numbered sections, the recipients and signature block, then the appendix table of items per
unit per month (the layout of Đak Đoa's report 01/BC-BBT, 2021).
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.board import BoardReport

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BOARD_GROUP_TITLE = "I/ CÁC ĐƠN VỊ THUỘC BAN BIÊN TẬP:"
OUTSIDE_GROUP_TITLE = "II/ CÁC ĐƠN VỊ CỘNG TÁC GỬI TIN BÀI:"
TOTAL = "Tổng cộng"


def number(value: int) -> str:
    """Thousands separated by dots, as Vietnamese write them: 1.200.000."""
    return f"{value:,}".replace(",", ".")


def money(amount: int | None) -> str:
    """Đồng as Vietnamese write them: 46.276.000 đồng."""
    return "—" if amount is None else f"{number(amount)} đồng"


def days(value) -> str:
    return "—" if value is None else f"{value:g} ngày".replace(".", ",")


def month_headers(report: BoardReport) -> list[str]:
    """Month numbers, with the year once the period spans more than one year."""
    spans_years = len({m.year for m in report.months}) > 1
    return [f"{m.month}/{m.year}" if spans_years else str(m.month) for m in report.months]


def appendix_rows(report: BoardReport) -> list[list]:
    """The appendix as rows of cells: group titles, numbered units, the totals row."""
    rows = []
    for title, units in (
        (BOARD_GROUP_TITLE, report.board_units),
        (OUTSIDE_GROUP_TITLE, report.outside_rows),
    ):
        rows.append([title])
        for number, unit in enumerate(units, 1):
            rows.append([number, unit.name, *unit.counts, unit.total])
    rows.append(["", TOTAL, *report.month_totals, report.grand_total])
    return rows


def summary_lines(report: BoardReport) -> list[tuple[str, object]]:
    lines = [("Tổng số tin, bài đã đăng", report.items_total)]
    lines += [(f"  {label}", n) for label, n in report.items_by_kind]
    lines.append(("Tổng số văn bản đã đăng", report.documents_total))
    lines += [(f"  {name}", n) for name, n in report.documents_by_type]
    lines += [
        ("Câu hỏi đã tiếp nhận", report.questions_received),
        ("Câu hỏi đã trả lời", report.questions_answered),
        ("Thời gian trả lời trung vị (ngày)", report.median_answer_days),
        ("Chỉ tiêu tin bài mỗi tháng", report.monthly_target),
        ("Số tháng đạt chỉ tiêu", f"{report.months_met}/{len(report.months)}"),
        ("Độ trễ đăng tin trung vị (ngày)", report.delay_median_days),
        ("Độ trễ đăng tin lâu nhất (ngày)", report.delay_worst_days),
        ("Nhuận bút đã chi trong kỳ (đồng)", report.royalties_spent),
        (f"Nhuận bút đã chi năm {report.budget_year} (đồng)", report.royalties_year_to_date),
        (f"Kinh phí nhuận bút năm {report.budget_year} (đồng)", report.royalty_budget),
        ("Lượt truy cập trong kỳ", report.visits_period),
        ("Tổng lượt truy cập lũy kế", report.visits_cumulative),
    ]
    return lines


def board_report_xlsx(report: BoardReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append([f"BÁO CÁO {report.site_title.upper()}"])
    sheet.append([f"Kỳ báo cáo: {report.period.label}"])
    sheet.append([])
    for label, value in summary_lines(report):
        sheet.append([label, value])
    sheet.append([])
    sheet.append(["Tháng", "Tin bài đã đăng", "Chỉ tiêu", "Đạt", "Lượt truy cập"])
    for q, views in zip(report.quota, report.visits_by_month, strict=True):
        sheet.append(
            [
                q.month.strftime("%m/%Y"),
                q.published,
                q.target,
                "Đạt" if q.met else "Chưa đạt",
                views,
            ]
        )
    sheet.column_dimensions["A"].width = 42
    sheet["A1"].font = Font(bold=True)

    appendix = workbook.create_sheet("Phụ lục")
    width = len(report.months) + 3
    appendix.append(["DANH SÁCH CÁC ĐƠN VỊ CÓ TIN, BÀI ĐĂNG LÊN " + report.site_title.upper()])
    appendix.append([report.period.label.upper()])
    appendix.append(["STT", "Tên đơn vị", "Tháng", *[None] * (len(report.months) - 1), TOTAL])
    appendix.append([None, None, *month_headers(report), None])
    appendix.merge_cells(start_row=3, start_column=3, end_row=3, end_column=width - 1)
    for row in appendix_rows(report):
        appendix.append([None if value == "" else value for value in row])
        if len(row) == 1:
            current = appendix.max_row
            appendix.merge_cells(
                start_row=current, start_column=1, end_row=current, end_column=width
            )
            appendix.cell(current, 1).font = Font(bold=True)
    bold = Font(bold=True)
    for cell in appendix[appendix.max_row]:
        cell.font = bold
    for row in appendix.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center")
    short = PatternFill("solid", fgColor="FDE2E1")
    for row_number, unit in _unit_rows_in_sheet(report):
        for offset, (_, below) in enumerate(unit.cells()):
            if below:
                appendix.cell(row_number, 3 + offset).fill = short
    appendix.column_dimensions["B"].width = 44
    for column in range(3, width + 1):
        appendix.column_dimensions[get_column_letter(column)].width = 8
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _unit_rows_in_sheet(report: BoardReport):
    row_number = 5  # after the two title rows and the two header rows
    for units in (report.board_units, report.outside_units):
        row_number += 1  # the group's title
        for unit in units:
            yield row_number, unit
            row_number += 1


def _centred(document, text: str, bold=False, size=None):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


def _administrative_page(section, *, landscape: bool = False) -> None:
    """A4 with the margins of Decree 30/2020/NĐ-CP, Appendix I: top and bottom 20–25 mm,
    left 30–35 mm (the binding side), right 15–20 mm. python-docx starts on US Letter."""
    width, height = Mm(210), Mm(297)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def board_report_docx(report: BoardReport, issued=None) -> bytes:
    """The draft: every figure filled in, number and signature left for the board."""
    from django.utils import timezone

    issued = issued or timezone.localdate()
    document = Document()
    _administrative_page(document.sections[0])
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    left.paragraphs[0].add_run(report.authority.upper()).bold = False
    left.add_paragraph().add_run("BAN BIÊN TẬP").bold = True
    left.add_paragraph("Số:      /BC-BBT")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph().add_run(
        f"{report.place}, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}"
    ).italic = True
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    _centred(document, "BÁO CÁO", bold=True, size=14)
    _centred(
        document,
        f"Tình hình hoạt động {report.site_title} {report.period.label}",
        bold=True,
    )

    document.add_paragraph().add_run("I. Kết quả cung cấp thông tin").bold = True
    kinds = "; ".join(f"{label.lower()}: {n}" for label, n in report.items_by_kind if n)
    document.add_paragraph(
        f"1. Tin, bài: đã đăng tải {report.items_total} tin, bài"
        + (f" ({kinds})" if kinds else "")
        + "; chi tiết theo đơn vị tại phụ lục kèm theo."
    )
    doc_types = "; ".join(f"{name}: {n}" for name, n in report.documents_by_type)
    document.add_paragraph(
        f"2. Văn bản: đã đăng tải {report.documents_total} văn bản"
        + (f" ({doc_types})" if doc_types else "")
        + "."
    )
    document.add_paragraph(
        f"3. Chỉ tiêu: {report.months_met}/{len(report.months)} tháng đạt chỉ tiêu "
        f"{report.monthly_target} tin, bài mỗi tháng."
    )
    document.add_paragraph(
        f"4. Độ trễ đăng tin (từ ngày diễn ra sự kiện đến khi đăng): trung vị "
        f"{days(report.delay_median_days)}, lâu nhất {days(report.delay_worst_days)}"
        + (f" (“{report.delay_worst_title}”)" if report.delay_worst_title else "")
        + "."
    )

    document.add_paragraph().add_run("II. Tiếp nhận và trả lời câu hỏi").bold = True
    document.add_paragraph(
        f"Đã tiếp nhận {report.questions_received} câu hỏi, trả lời {report.questions_answered}"
        f" câu hỏi; thời gian trả lời trung vị {days(report.median_answer_days)}."
    )

    document.add_paragraph().add_run("III. Lượt truy cập").bold = True
    document.add_paragraph(
        f"Trong kỳ, trang thu hút {number(report.visits_period)} lượt truy cập, nâng tổng số"
        f" lượt truy cập lên {number(report.visits_cumulative)} lượt."
    )

    document.add_paragraph().add_run("IV. Kinh phí nhuận bút").bold = True
    document.add_paragraph(
        f"Trong kỳ đã chi {money(report.royalties_spent)}; từ đầu năm {report.budget_year} đã chi"
        f" {money(report.royalties_year_to_date)} trên tổng kinh phí"
        f" {money(report.royalty_budget)}."
    )

    document.add_paragraph().add_run("V. Phương hướng, nhiệm vụ kỳ tới").bold = True
    document.add_paragraph("(Ban Biên tập bổ sung.)")

    recipients = document.add_paragraph()
    recipients.add_run("Nơi nhận:").bold = True
    document.add_paragraph("- Như trên;\n- Thành viên Ban biên tập;\n- Lưu: VT, BBT.")
    _centred(document, "TRƯỞNG BAN", bold=True)

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _centred(document, "PHỤ LỤC", bold=True)
    _centred(
        document,
        f"DANH SÁCH CÁC ĐƠN VỊ CÓ TIN, BÀI ĐĂNG LÊN {report.site_title.upper()}"
        f" {report.period.label.upper()}",
        bold=True,
    )
    section = document.sections[-1]
    if len(report.months) > 6:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _administrative_page(section, landscape=section.orientation == WD_ORIENT.LANDSCAPE)

    rows = appendix_rows(report)
    columns = len(report.months) + 3
    table = document.add_table(rows=2, cols=columns)
    table.style = "Table Grid"
    header, months_row = table.rows
    header.cells[0].text, header.cells[1].text = "STT", "Tên đơn vị"
    month_cell = header.cells[2]
    if len(report.months) > 1:
        month_cell = month_cell.merge(header.cells[columns - 2])
    month_cell.text = "Tháng"
    header.cells[columns - 1].text = TOTAL
    for offset, label in enumerate(month_headers(report)):
        months_row.cells[2 + offset].text = label
    for row in rows:
        cells = table.add_row().cells
        if len(row) == 1:
            merged = cells[0].merge(cells[columns - 1])
            merged.text = str(row[0])
            merged.paragraphs[0].runs[0].bold = True
            continue
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
