"""Demo content of one site, written in the style of the boards' reports in shared/context.

``seed_demo`` calls ``populate_site`` for each demo site; it is idempotent: each part checks
whether it is already there. Files (document PDFs, photos, a radio programme) are generated on
the fly, so seeding needs no network.
"""

import io
import struct
import zlib
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.rich_text import RichText

from portal.text import fold_vietnamese, slugify_vietnamese

# (days before today, kind, title, lead, body paragraphs, featured); {unit} is the short name.
NEWS = [
    (
        1,
        "tin",
        "{unit} triển khai kế hoạch chuyển đổi số năm 2026",
        "Ủy ban nhân dân {unit} ban hành kế hoạch đẩy mạnh chuyển đổi số, phấn đấu 100% hồ sơ"
        " thủ tục hành chính được tiếp nhận và giải quyết trực tuyến.",
        [
            "Sáng nay, Ủy ban nhân dân {unit} tổ chức hội nghị triển khai kế hoạch chuyển đổi số"
            " năm 2026 với sự tham dự của cán bộ, công chức và đại diện các thôn, làng.",
            "Theo kế hoạch, tổ công nghệ số cộng đồng sẽ hướng dẫn người dân cài đặt và sử dụng"
            " ứng dụng định danh điện tử, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến"
            " trên Cổng dịch vụ công quốc gia.",
        ],
        True,
    ),
    (
        2,
        "tin-anh",
        "Ngày hội Đại đoàn kết toàn dân tộc ở làng Đê Kôn",
        "Bà con làng Đê Kôn, {unit} vui Ngày hội Đại đoàn kết với nhiều hoạt động văn hóa,"
        " thể thao truyền thống.",
        [
            "Ngày hội có các tiết mục cồng chiêng, múa xoang, thi nấu cơm lam và kéo co giữa các"
            " tổ dân cư.",
        ],
        False,
    ),
    (
        3,
        "tin",
        "Ra quân tổng vệ sinh môi trường, phòng chống sốt xuất huyết",
        "Hưởng ứng chiến dịch diệt lăng quăng, bọ gậy, các đoàn thể của {unit} đồng loạt ra quân"
        " vệ sinh môi trường tại các khu dân cư.",
        [
            "Hơn 300 đoàn viên, hội viên và người dân đã tham gia phát quang bụi rậm, khơi thông"
            " cống rãnh, thu gom vật dụng chứa nước đọng quanh nhà.",
            "Trạm y tế {unit} khuyến cáo người dân ngủ màn, đến cơ sở y tế ngay khi có dấu hiệu"
            " sốt cao liên tục.",
        ],
        False,
    ),
    (
        4,
        "bai",
        "Mô hình trồng cà phê xen sầu riêng giúp nông dân {unit} tăng thu nhập",
        "Từ vài hộ làm thử, mô hình trồng xen đã lan ra hơn 120 hộ, cho thu nhập bình quân"
        " 350 triệu đồng mỗi héc-ta.",
        [
            "Ông Rơ Châm H'Lách, làng Đê Kôn, cho biết nhờ trồng xen, gia đình ông giảm được rủi"
            " ro khi giá cà phê xuống thấp.",
            "Hội Nông dân {unit} phối hợp với trạm khuyến nông mở các lớp tập huấn kỹ thuật tưới"
            " tiết kiệm nước và bón phân hữu cơ.",
        ],
        True,
    ),
    (
        5,
        "audio",
        "Chương trình phát thanh tuần: phòng chống cháy rừng mùa khô",
        "Bản tin phát thanh của Đài truyền thanh {unit} nhắc bà con không đốt nương rẫy gần"
        " rừng trong mùa khô.",
        ["Chương trình phát vào 17 giờ thứ Bảy hằng tuần trên hệ thống loa truyền thanh."],
        False,
    ),
    (
        6,
        "tin",
        "Thông báo lịch tiếp công dân tháng này",
        "Chủ tịch Ủy ban nhân dân {unit} tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ"
        " sở Ủy ban nhân dân.",
        [
            "Công dân có nhu cầu phản ánh, kiến nghị xin mang theo căn cước và giấy tờ liên quan.",
            "Trường hợp ngày 15 trùng ngày nghỉ, lịch tiếp công dân chuyển sang ngày làm việc"
            " kế tiếp.",
        ],
        False,
    ),
]

# (days before today, type code, number, title, abstract, sector, signer)
DOCUMENTS = [
    (
        2,
        "TB",
        "164/TB-UBND",
        "Thông báo lịch tiếp công dân định kỳ",
        "Thông báo lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân {unit}.",
        "Tư pháp – Hộ tịch",
        "Nguyễn Văn Hùng",
    ),
    (
        9,
        "KH",
        "58/KH-UBND",
        "Kế hoạch chuyển đổi số năm 2026",
        "Kế hoạch thực hiện chuyển đổi số trên địa bàn {unit} năm 2026.",
        "Khoa học – Công nghệ",
        "Nguyễn Văn Hùng",
    ),
    (
        20,
        "QĐ",
        "12/2026/QĐ-UBND",
        "Quyết định ban hành quy chế quản lý Trang thông tin điện tử",
        "Quyết định ban hành Quy chế quản lý, vận hành Trang thông tin điện tử {unit}.",
        "Khoa học – Công nghệ",
        "Nguyễn Văn Hùng",
    ),
    (
        45,
        "BC",
        "231/BC-UBND",
        "Báo cáo tình hình kinh tế – xã hội 9 tháng",
        "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội 9 tháng đầu năm.",
        "Kế hoạch – Đầu tư",
        "Trần Thị Lan",
    ),
    (
        400,
        "CV",
        "415/UBND-VP",
        "Công văn về phòng chống dịch sốt xuất huyết",
        "Về việc tăng cường công tác phòng, chống dịch bệnh sốt xuất huyết trên địa bàn.",
        "Y tế",
        "Trần Thị Lan",
    ),
]

DOCUMENT_TYPES = [
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Thông báo", "TB"),
    ("Báo cáo", "BC"),
    ("Công văn", "CV"),
]
SECTORS = [
    "Tư pháp – Hộ tịch",
    "Đất đai",
    "Y tế",
    "Giáo dục",
    "Nông nghiệp",
    "Khoa học – Công nghệ",
    "Kế hoạch – Đầu tư",
]

# (title, code, level, sector, processing time, fees)
PROCEDURES = [
    ("Đăng ký khai sinh", "1.001193", "toan-trinh", "Tư pháp – Hộ tịch", "Ngay trong ngày", "Miễn"),
    ("Đăng ký kết hôn", "1.000894", "mot-phan", "Tư pháp – Hộ tịch", "Ngay trong ngày", "Miễn"),
    (
        "Chứng thực bản sao từ bản chính",
        "2.000815",
        "mot-phan",
        "Tư pháp – Hộ tịch",
        "Trong ngày làm việc",
        "2.000 đồng/trang",
    ),
]

# (question, asker, sector, answer or None)
QUESTIONS = [
    (
        "Con tôi sinh ở bệnh viện tỉnh, tôi có thể đăng ký khai sinh trực tuyến được không?",
        "Nguyễn Thị Hoa",
        "Tư pháp – Hộ tịch",
        "Được. Ông/bà đăng ký trên Cổng dịch vụ công quốc gia bằng tài khoản định danh điện tử"
        " mức 2; kết quả được trả qua bưu chính hoặc nhận tại bộ phận một cửa.",
    ),
    (
        "Thủ tục chuyển mục đích sử dụng đất vườn sang đất ở cần những giấy tờ gì?",
        "Rơ Châm Blơi",
        "Đất đai",
        "Hồ sơ gồm đơn đề nghị theo mẫu, giấy chứng nhận quyền sử dụng đất; nộp tại bộ phận"
        " một cửa của Ủy ban nhân dân để được hướng dẫn tiếp.",
    ),
    (
        "Trạm y tế có tiêm vắc xin sởi cho trẻ trên 5 tuổi không?",
        "Lê Văn Tâm",
        "Y tế",
        "Trạm y tế tiêm bổ sung vắc xin sởi theo đợt; lịch tiêm được thông báo qua loa truyền"
        " thanh và trưởng thôn.",
    ),
    ("Khi nào thôn tôi được làm đường bê tông nông thôn?", "Đinh Văn Rin", "Đất đai", None),
]


def news_items(short_name: str, today: date | None = None):
    """The demo news of one unit: (date, kind, title, lead, paragraphs, featured), newest first."""
    today = today or date.today()
    for days_ago, kind, title, lead, paragraphs, featured in NEWS:
        yield (
            today - timedelta(days=days_ago),
            kind,
            title.format(unit=short_name),
            lead.format(unit=short_name),
            [paragraph.format(unit=short_name) for paragraph in paragraphs],
            featured,
        )


# -- generated files ------------------------------------------------------------------------


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF with the given lines (folded to ASCII: the base fonts lack Vietnamese)."""

    def escape(text):
        return fold_vietnamese(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = "BT /F1 12 Tf 56 780 Td 16 TL " + " ".join(
        f"({escape(line).encode('ascii', 'replace').decode()}) '" for line in lines
    )
    stream = (text + " ET").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, xref))
    return out.getvalue()


def png_bytes(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A plain-coloured PNG with a lighter band, made without any imaging library."""
    light = bytes(min(255, c + 60) for c in colour)
    rows = []
    for y in range(height):
        pixel = light if height // 3 <= y < height // 2 else bytes(colour)
        rows.append(b"\x00" + pixel * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def mp3_bytes(frames: int = 40) -> bytes:
    """A second of silence as MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) after an ID3 tag."""
    frame = b"\xff\xfb\x90\x64" + b"\x00" * 413
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + frame * frames


def unit_name(tenant) -> str:
    """ "Xã Ia Băng" as it reads inside a sentence: "xã Ia Băng"."""
    return tenant.name[:1].lower() + tenant.name[1:]


def _image(title: str, colour):
    from wagtail.images.models import Image

    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = io.BytesIO(png_bytes(640, 400, colour))
    image = Image(
        title=title,
        description=title,
        file=ImageFile(data, name=f"{slugify_vietnamese(title)}.png"),
    )
    image.save()
    return image


def _document(title: str, filename: str, content: bytes):
    from wagtail.documents.models import Document

    document = Document(title=title)
    document.file.save(filename, ContentFile(content))
    return document


# -- sections -------------------------------------------------------------------------------


def populate_site(tenant, home) -> None:
    """Fill every section of a demo site; each part is skipped if already there."""
    from content.skeleton import find_section

    unit = tenant.short_name
    lists = _ensure_lists(tenant)
    _populate_home(home)
    _populate_news(find_section(home, "news"), unit, lists)
    _populate_documents(find_section(home, "documents"), tenant, lists)
    _populate_procedures(find_section(home, "procedures"), tenant, lists)
    _populate_schedule(find_section(home, "schedule"), tenant)
    _populate_questions(lists)
    _populate_consultation(find_section(home, "consultations"), tenant, lists)
    _populate_introduction(find_section(home, "introduction"), tenant)
    _populate_organisation(find_section(home, "organisation"), tenant)
    _populate_contact(find_section(home, "contact"), tenant)
    if tenant.parent_id is None:  # the parent portal shows the English version (C19)
        _translate_to_english(
            home,
            [
                find_section(home, key)
                for key in ("introduction", "organisation", "contact", "news")
            ],
        )


def _ensure_lists(tenant) -> dict:
    from content.models import ContributingUnit, DocumentType, IssuingBody, Sector

    units = [
        ContributingUnit.objects.get_or_create(name=name)[0]
        for name in (
            f"Văn phòng HĐND và UBND {unit_name(tenant)}",
            f"Hội Nông dân {unit_name(tenant)}",
            f"Trạm Y tế {unit_name(tenant)}",
        )
    ]
    types = {
        code: DocumentType.objects.get_or_create(
            name=name, defaults={"code": code, "sort_order": position}
        )[0]
        for position, (name, code) in enumerate(DOCUMENT_TYPES)
    }
    issuer = IssuingBody.objects.get_or_create(name=f"Ủy ban nhân dân {unit_name(tenant)}")[0]
    sectors = {
        name: Sector.objects.get_or_create(name=name, defaults={"sort_order": position})[0]
        for position, name in enumerate(SECTORS)
    }
    return {"units": units, "types": types, "issuer": issuer, "sectors": sectors}


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _update(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _populate_home(home) -> None:
    home = home.specific
    if home.hotline:
        return
    _update(
        home,
        hotline="0269 3835 123",
        quick_links=[
            ("link", {"title": "Cổng dịch vụ công quốc gia", "url": "https://dichvucong.gov.vn"}),
            (
                "link",
                {"title": "Cổng thông tin điện tử tỉnh Gia Lai", "url": "https://gialai.gov.vn"},
            ),
            (
                "link",
                {"title": "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "url": "https://vbpl.vn"},
            ),
        ],
    )


def _populate_news(section, unit: str, lists) -> None:
    from content.models import NewsPage

    if section is None or NewsPage.objects.child_of(section).exists():
        return
    photo = _image(f"Toàn cảnh {unit}", (40, 110, 60))
    festival = [_image(f"Ngày hội {unit} {n}", (150, 60 + 30 * n, 40)) for n in range(1, 4)]
    programme = None
    for day, kind, title, lead, paragraphs, featured in reversed(list(news_items(unit))):
        body = [("paragraph", RichText("".join(f"<p>{p}</p>" for p in paragraphs)))]
        image = None
        if kind == "tin-anh":
            body.append(
                (
                    "gallery",
                    {
                        "title": title,
                        "images": [
                            {"image": i, "alt_text": i.title, "caption": i.title, "credit": ""}
                            for i in festival
                        ],
                    },
                )
            )
            image = festival[0]
        elif kind == "bai":
            image = photo
            body += [
                (
                    "image",
                    {
                        "image": photo,
                        "alt_text": f"Vườn cà phê xen sầu riêng ở {unit}",
                        "caption": "Vườn cà phê xen sầu riêng",
                        "credit": "Hội Nông dân",
                    },
                ),
                (
                    "quote",
                    {
                        "text": "Trồng xen giúp bà con không bỏ hết trứng vào một giỏ.",
                        "attribution": "Chủ tịch Hội Nông dân",
                    },
                ),
                (
                    "table",
                    {
                        "caption": "Diện tích trồng xen qua các năm (ha)",
                        "table": {
                            "data": [
                                ["Năm", "Diện tích"],
                                ["2024", "45"],
                                ["2025", "80"],
                                ["2026", "126"],
                            ],
                            "first_row_is_table_header": True,
                        },
                    },
                ),
            ]
        elif kind == "audio":
            programme = programme or _document(
                f"Chương trình phát thanh {unit}", "phat-thanh.mp3", mp3_bytes()
            )
            body.append(
                ("audio", {"file": programme, "title": title, "transcript": " ".join(paragraphs)})
            )
        item = NewsPage(
            title=title,
            kind=kind,
            date=day,
            lead=lead,
            body=body,
            image=image,
            featured=featured,
            author="Phóng viên Đài truyền thanh" if kind == "audio" else "Ban biên tập",
            contributing_unit=lists["units"][1 if kind == "bai" else 0],
        )
        _publish(section, item)


def _populate_documents(index, tenant, lists) -> None:
    from content.models import DocumentPage

    if index is None or DocumentPage.objects.child_of(index).exists():
        return
    today = timezone.localdate()
    for days_ago, code, number, title, abstract, sector, signer in reversed(DOCUMENTS):
        issued = today - timedelta(days=days_ago)
        abstract = abstract.format(unit=tenant.short_name)
        file = _document(
            f"{number} {title}",
            f"{slugify_vietnamese(number)}.pdf",
            pdf_bytes(
                [
                    f"UY BAN NHAN DAN {tenant.name.upper()}",
                    f"So: {number}",
                    f"Ngay {issued.strftime('%d/%m/%Y')}",
                    title,
                    abstract,
                    f"Nguoi ky: {signer}",
                ]
            ),
        )
        document = DocumentPage(
            title=title,
            slug=slugify_vietnamese(f"{title} {number}"),
            number=number,
            document_type=lists["types"][code],
            issuing_body=lists["issuer"],
            issue_date=issued,
            effective_date=issued + timedelta(days=0 if code != "QĐ" else 10),
            abstract=abstract,
            file=file,
            signer=signer,
            sector=lists["sectors"][sector],
        )
        _publish(index, document)


def _populate_procedures(index, tenant, lists) -> None:
    from content.models import ProcedurePage

    if index is None or ProcedurePage.objects.child_of(index).exists():
        return
    for title, code, level, sector, processing_time, fees in PROCEDURES:
        _publish(
            index,
            ProcedurePage(
                title=title,
                code=code,
                level=level,
                sector=lists["sectors"][sector],
                agency=f"Ủy ban nhân dân {unit_name(tenant)}",
                processing_time=processing_time,
                fees=fees,
                required_documents="<ul><li>Tờ khai theo mẫu</li><li>Giấy tờ tùy thân</li></ul>",
                steps="<ol><li>Nộp hồ sơ tại bộ phận một cửa hoặc trực tuyến.</li>"
                "<li>Công chức tư pháp – hộ tịch kiểm tra, giải quyết.</li>"
                "<li>Nhận kết quả.</li></ol>",
                online_service_url="https://dichvucong.gov.vn",
            ),
        )


def _populate_schedule(index, tenant) -> None:
    from content.models import ScheduleWeekPage
    from content.models.schedules import monday_of

    if index is None or ScheduleWeekPage.objects.child_of(index).exists():
        return
    this_monday = monday_of(timezone.localdate())
    for weeks_ago in (1, 0):
        monday = this_monday - timedelta(weeks=weeks_ago)
        number = monday.isocalendar().week
        entries = [
            (
                "entry",
                {
                    "day": monday,
                    "time": "7 giờ 30",
                    "content": "Giao ban Ủy ban nhân dân",
                    "attendees": "Chủ tịch, các Phó Chủ tịch",
                    "location": "Hội trường",
                },
            ),
            (
                "entry",
                {
                    "day": monday + timedelta(days=1),
                    "time": "8 giờ",
                    "content": "Tiếp công dân định kỳ",
                    "attendees": "Chủ tịch",
                    "location": "Phòng tiếp công dân",
                },
            ),
            (
                "entry",
                {
                    "day": monday + timedelta(days=3),
                    "time": "14 giờ",
                    "content": "Kiểm tra tiến độ làm đường giao thông nông thôn",
                    "attendees": "Phó Chủ tịch, công chức địa chính",
                    "location": "Làng Đê Kôn",
                },
            ),
        ]
        _publish(
            index,
            ScheduleWeekPage(
                title=f"Lịch công tác tuần {number} năm {monday.year}",
                week_start=monday,
                entries=entries,
            ),
        )


def _populate_questions(lists) -> None:
    from content.models import Question

    if Question.objects.exists():
        return
    now = timezone.now()
    for days_ago, (text, name, sector, answer) in enumerate(QUESTIONS, start=1):
        question = Question(
            name=name,
            contact=f"09{days_ago:02d}123456",
            sector=lists["sectors"][sector],
            question=text,
            submitted_at=now - timedelta(days=10 + days_ago),
        )
        if answer:
            question.answer = f"<p>{answer}</p>"
            question.answered_by = "Ủy ban nhân dân"
            question.status = Question.Status.ANSWERED
            question.answered_at = now - timedelta(days=days_ago)
            question.is_public = True
        question.save()


def _populate_consultation(index, tenant, lists) -> None:
    """One draft open for comment (C17, F7), with two comments received."""
    from content.models import DraftComment, DraftForComment

    if index is None or DraftForComment.objects.child_of(index).exists():
        return
    today = timezone.localdate()
    name = unit_name(tenant)
    draft = _publish(
        index,
        DraftForComment(
            title=f"Dự thảo Quy chế quản lý nghĩa trang nhân dân {name}",
            slug="du-thao-quy-che-quan-ly-nghia-trang",
            issuing_body=lists["issuer"],
            abstract="Lấy ý kiến Nhân dân về dự thảo quy chế quản lý, sử dụng nghĩa trang.",
            opens_on=today - timedelta(days=5),
            closes_on=today + timedelta(days=25),
            body=(
                "<h3>Chương I. Quy định chung</h3>"
                "<p>Điều 1. Quy chế này quy định việc quản lý, sử dụng nghĩa trang nhân dân.</p>"
                "<p>Điều 2. Mọi tổ chức, cá nhân có trách nhiệm giữ gìn cảnh quan nghĩa trang.</p>"
            ),
            contact_address=(
                f"Văn phòng HĐND và UBND {name}; điện thoại 0269 3835 123;"
                " thư điện tử vanphong@xa.gov.vn"
            ),
            handling=(
                "<p>Ý kiến được tổng hợp, tiếp thu hoặc giải trình trong báo cáo kết quả lấy"
                " ý kiến, đăng trên trang này sau khi kết thúc.</p>"
            ),
        ),
    )
    for days_ago, text in (
        (3, "Đề nghị bổ sung quy định về giờ mở cửa nghĩa trang vào dịp lễ, Tết."),
        (1, "Nên quy định rõ kích thước tối đa của mỗi phần mộ để tiết kiệm đất."),
    ):
        DraftComment.objects.create(
            draft=draft, text=text, submitted_at=timezone.now() - timedelta(days=days_ago)
        )


def _populate_introduction(page, tenant) -> None:
    if page is None:
        return
    page = page.specific
    if page.functions:
        return
    _update(
        page,
        functions=f"<p>Ủy ban nhân dân {unit_name(tenant)} là cơ quan hành chính nhà nước ở"
        " địa phương, tổ chức thi hành Hiến pháp, pháp luật và nghị quyết của Hội đồng nhân"
        " dân cùng cấp.</p>",
        organisation="<p>Ủy ban nhân dân gồm Chủ tịch, các Phó Chủ tịch và các ủy viên; giúp"
        " việc có văn phòng và các công chức chuyên môn.</p>",
        locality=[
            (
                "paragraph",
                RichText(
                    f"<h2>Điều kiện tự nhiên</h2><p>{tenant.short_name} nằm trên cao nguyên đất đỏ"
                    " bazan, khí hậu nhiệt đới gió mùa với hai mùa mưa, khô rõ rệt.</p>"
                    "<h2>Lịch sử, văn hóa</h2><p>Đồng bào Jrai, Bahnar gìn giữ không gian văn hóa"
                    " cồng chiêng và lễ hội mừng lúa mới.</p>"
                ),
            ),
        ],
    )


def _populate_organisation(page, tenant) -> None:
    if page is None:
        return
    page = page.specific
    if page.leaders:
        return
    _update(
        page,
        organisation="<p>Lãnh đạo Ủy ban nhân dân và các bộ phận chuyên môn.</p>",
        leaders=[
            (
                "leader",
                {
                    "name": "Nguyễn Văn Hùng",
                    "position": "Chủ tịch Ủy ban nhân dân",
                    "photo": None,
                    "phone": "0269 3835 100",
                    "duties": "Lãnh đạo, điều hành chung; phụ trách nội chính, tài chính.",
                    "biography": "Sinh năm 1975; cử nhân Luật.",
                },
            ),
            (
                "leader",
                {
                    "name": "Trần Thị Lan",
                    "position": "Phó Chủ tịch Ủy ban nhân dân",
                    "photo": None,
                    "phone": "0269 3835 101",
                    "duties": "Phụ trách văn hóa – xã hội, y tế, giáo dục.",
                    "biography": "Sinh năm 1982; thạc sĩ Quản lý công.",
                },
            ),
        ],
    )


def _populate_contact(page, tenant) -> None:
    if page is None:
        return
    page = page.specific
    if page.address:
        return
    _update(
        page,
        address=f"Trụ sở Ủy ban nhân dân {unit_name(tenant)}, huyện Đak Đoa, tỉnh Gia Lai",
        phone="0269 3835 100",
        email=f"ubnd.{tenant.slug}@gialai.gov.vn",
        hotline="0269 3835 123",
        working_hours="Sáng 7 giờ – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, thứ Hai đến thứ Sáu",
        officers=[
            (
                "officer",
                {
                    "name": "Lê Thị Mai",
                    "position": "Công chức Văn phòng – Thống kê",
                    "unit": "Văn phòng HĐND và UBND",
                    "phone": "0269 3835 102",
                    "email": f"vanphong.{tenant.slug}@gialai.gov.vn",
                    "handles_information_requests": True,
                },
            ),
        ],
    )


ENGLISH_TITLES = {
    "gioi-thieu": "About us",
    "to-chuc-bo-may": "Organisation",
    "lien-he": "Contact",
    "tin-tuc": "News",
}
# The parent's newest items in English: its English feed and news section are not empty.
ENGLISH_NEWS = (
    (
        "Provincial digital transformation week opens",
        "Departments and communes show the online public services citizens can use today.",
    ),
    (
        "Storm preparedness drill held in every commune",
        "Rescue teams, schools and health stations rehearsed the evacuation plan.",
    ),
)


def _translate_to_english(home, pages) -> None:
    """What an editor does in wagtail-localize: translate, fill in the English, publish."""
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    english = Locale.objects.filter(language_code="en").first()
    if english is None or home.get_translations().filter(locale=english, live=True).exists():
        return
    for page in [home, *[p for p in pages if p is not None]]:
        translate_object(page.specific, [english])
    home_en = home.specific.get_translation(english)
    _update(home_en, title=f"{home_en.title} (English)", intro="<p>Official portal.</p>")
    for page in pages:
        if page is None:
            continue
        translated = page.specific.get_translation(english)
        fields = {"title": ENGLISH_TITLES.get(page.slug, translated.title)}
        if hasattr(translated, "functions") and translated.functions:
            fields["functions"] = (
                "<p>The People's Committee is the local state administrative body; it carries"
                " out the Constitution, the laws and the resolutions of the People's Council.</p>"
            )
        if hasattr(translated, "working_hours"):
            fields["working_hours"] = "Monday to Friday, 7:00–11:30 and 13:30–17:00"
        _update(translated, **fields)
        if page.slug == "tin-tuc":
            _translate_news(page, english)


def _translate_news(section, english) -> None:
    """The section's newest items translated and published in English (ENGLISH_NEWS)."""
    from wagtail_localize.operations import translate_object

    from content.models import NewsPage

    newest = NewsPage.objects.child_of(section).live().public().order_by("-date", "-pk")
    for item, (title, lead) in zip(newest, ENGLISH_NEWS, strict=False):
        translate_object(item, [english])
        body = [("paragraph", RichText(f"<p>{lead}</p>"))]
        _update(item.get_translation(english), title=title, lead=lead, body=body)
