"""Demo content of one site, written in the style of the boards' reports in shared/context.

``seed_demo`` calls ``populate_site`` for each demo site; it is idempotent.
"""

from datetime import date, timedelta

from portal.text import slugify_vietnamese

# (days before today, title, lead, body paragraphs); {unit} is the unit's short name.
NEWS = [
    (
        1,
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
    ),
    (
        3,
        "Ra quân tổng vệ sinh môi trường, phòng chống sốt xuất huyết",
        "Hưởng ứng chiến dịch diệt lăng quăng, bọ gậy, các đoàn thể của {unit} đồng loạt ra quân"
        " vệ sinh môi trường tại các khu dân cư.",
        [
            "Hơn 300 đoàn viên, hội viên và người dân đã tham gia phát quang bụi rậm, khơi thông"
            " cống rãnh, thu gom vật dụng chứa nước đọng quanh nhà.",
            "Trạm y tế {unit} khuyến cáo người dân ngủ màn, đến cơ sở y tế ngay khi có dấu hiệu"
            " sốt cao liên tục.",
        ],
    ),
    (
        6,
        "Thông báo lịch tiếp công dân tháng này",
        "Chủ tịch Ủy ban nhân dân {unit} tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ"
        " sở Ủy ban nhân dân.",
        [
            "Công dân có nhu cầu phản ánh, kiến nghị xin mang theo căn cước và giấy tờ liên quan.",
            "Trường hợp ngày 15 trùng ngày nghỉ, lịch tiếp công dân chuyển sang ngày làm việc"
            " kế tiếp.",
        ],
    ),
]


def news_items(short_name: str, today: date | None = None):
    """The demo news of one unit: (date, title, lead, body HTML), newest first."""
    today = today or date.today()
    for days_ago, title, lead, paragraphs in NEWS:
        body = "".join(f"<p>{paragraph.format(unit=short_name)}</p>" for paragraph in paragraphs)
        yield (
            today - timedelta(days=days_ago),
            title.format(unit=short_name),
            lead.format(unit=short_name),
            body,
        )


def populate_site(tenant, home) -> None:
    """Fill the sections of a demo site, unless it already has its demo news."""
    from content.models import NewsPage
    from content.skeleton import find_section

    news = find_section(home, "news")
    if news is None or NewsPage.objects.child_of(news).exists():
        return
    for day, title, lead, body in reversed(list(news_items(tenant.short_name))):
        item = NewsPage(title=title, slug=slugify_vietnamese(title), date=day, lead=lead, body=body)
        news.add_child(instance=item)
        item.save_revision().publish()
