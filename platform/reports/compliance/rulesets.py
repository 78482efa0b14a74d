"""The rule sets, one per legal basis. Decree 42/2022 applied until 30/6/2026; since 1/7/2026
Decree 224/2026 (with the Law on Access to Information 2016) is the basis
(portal-requirements.md §0). Codes and references are the rows of that note."""

from datetime import date

from reports.compliance import checks
from reports.compliance.rules import Rule, RuleSet

C1 = Rule("C1", "Chức năng, nhiệm vụ, cơ cấu tổ chức, sơ đồ tổ chức", "", checks.organisation)
RULES = {
    rule.code: rule
    for rule in (
        C1,
        Rule("C2", "Địa chỉ, điện thoại, thư điện tử của cơ quan", "", checks.contact_details),
        Rule("C3", "Cán bộ đầu mối liên hệ", "", checks.contact_officers),
        Rule("C4", "Tiểu sử tóm tắt và nhiệm vụ của lãnh đạo", "", checks.leaders),
        Rule(
            "C5", "Giới thiệu địa phương: bản đồ, tự nhiên, lịch sử, văn hóa", "", checks.locality
        ),
        Rule("C6", "Văn bản đủ 7 trường thông tin và tệp tải về", "", checks.documents, weight=2),
        Rule("C8", "Thủ tục hành chính, dịch vụ công trực tuyến", "", checks.procedures),
        Rule("C9", "Phổ biến, hướng dẫn thực hiện pháp luật", ""),
        Rule("C10", "Chiến lược, kế hoạch, chương trình công tác năm", ""),
        Rule("C11", "Chuyên mục Tiếp cận thông tin", "", checks.access_to_information),
        Rule("C12", "Báo cáo tài chính năm, thông tin thống kê", ""),
        Rule("C13", "Dự án, đầu tư công, mua sắm công", ""),
        Rule("C14", "Đầu mối tiếp nhận yêu cầu cung cấp thông tin", "", checks.information_contact),
        Rule("C15", "Tin tức, sự kiện cập nhật trong tuần", "", checks.recent_news, weight=2),
        Rule("C16", "Lịch công tác tuần này", "", checks.weekly_schedule),
        Rule("C17", "Dự thảo văn bản lấy ý kiến Nhân dân", "", checks.consultation_drafts),
        Rule("C18", "Thông tin phải công khai rộng rãi (ngân sách, đất đai, tuyển dụng…)", ""),
        Rule("C19", "Thông tin bằng tiếng Anh: tổ chức và liên hệ", "", checks.english_pages),
        Rule("C20", "Công khai chất lượng dịch vụ công trực tuyến", ""),
        Rule("C22", "Chân trang: cơ quan chủ quản, người chịu trách nhiệm, liên hệ", ""),
        Rule("C24", "Hỏi – Đáp, tiếp nhận phản ánh, kiến nghị", "", checks.questions_answered),
        Rule("F1", "Tìm kiếm toàn bộ nội dung", "", checks.provided_by_platform, by_platform=True),
        Rule("F2", "Liên kết tới cổng thông tin cơ quan nhà nước liên quan", ""),
        Rule("F3", "In và lưu từng tin, bài", "", checks.provided_by_platform, by_platform=True),
        Rule("F6", "Tính năng mạng xã hội", ""),
        Rule("F7", "Lấy ý kiến dự thảo, thực thi chính sách", "", checks.consultation_results),
        Rule("F8", "Đánh giá mức độ hài lòng", "", checks.satisfaction_rating),
        Rule(
            "F10",
            "Sơ đồ cổng (HTML và sitemap.xml)",
            "",
            checks.provided_by_platform,
            by_platform=True,
        ),
        Rule(
            "F11",
            "Hiển thị trên thiết bị di động",
            "",
            checks.provided_by_platform,
            by_platform=True,
        ),
        Rule("F12", "Hỗ trợ người khuyết tật", ""),
        Rule("F13", "HTTPS trên mọi tên miền", ""),
        Rule("F15", "Tên miền .gov.vn theo cấp", "", checks.gov_domain),
        Rule(
            "F17", "Dữ liệu đặc tả (Dublin Core)", "", checks.provided_by_platform, by_platform=True
        ),
        Rule(
            "F18", "Dữ liệu có cấu trúc chia sẻ qua dịch vụ web (dữ liệu mở)", "", checks.open_data
        ),
        Rule("F20", "Gắn mã giám sát, thống kê (EMC)", "", checks.monitoring_code),
        Rule("F21", "Thông báo tạm ngừng trước 7 ngày làm việc", "", checks.downtime_notice),
    )
}
# Legal references differ by rule set: kept apart from the rules so one rule serves both.
LAW_42 = {
    "C1": "NĐ 42 Đ.4(1)(e)", "C2": "NĐ 42 Đ.4(1)(e)", "C3": "NĐ 42 Đ.4(1)(e)",
    "C6": "NĐ 42 Đ.4(1)(a)", "C8": "NĐ 42 Đ.4(1)(c)", "C9": "NĐ 42 Đ.4(1)(d)",
    "C10": "NĐ 42 Đ.4(1)(đ)", "C11": "NĐ 42 Đ.4; NĐ 13/2018 Đ.6", "C12": "NĐ 42 Đ.4",
    "C13": "Luật TCTT Đ.19(1)(d)", "C14": "Luật TCTT Đ.19(1)(đ)", "C15": "chính sách",
    "C17": "NĐ 42 Đ.8(1)(c)", "C19": "NĐ 42 Đ.7(2)", "C22": "TT 32/2017 Đ.16(3)(c)",
    "C24": "NĐ 42 Đ.8(1)(a)", "F1": "NĐ 42 Đ.7(1)(a)", "F2": "NĐ 42 Đ.7(1)(b)",
    "F3": "NĐ 42 Đ.7(1)(c)", "F6": "NĐ 42 Đ.8(1)(b)", "F7": "NĐ 42 Đ.8(1)(c)",
    "F8": "NĐ 42 Đ.8(1)(d)", "F10": "TT 32/2017 Đ.16(4)(b)", "F11": "TT 32/2017 Đ.17",
    "F12": "TT 32/2017 Đ.18", "F13": "TT 32/2017 Đ.20",
}  # fmt: skip
LAW_224 = {
    "C1": "NĐ 224 Đ.9(1)(b)(c); Luật TCTT Đ.19(1)(đ)", "C2": "NĐ 224 Đ.9(1)",
    "C3": "Luật TCTT Đ.19(1)(đ)", "C4": "NĐ 224 Đ.9(1)(c)", "C5": "NĐ 224 Đ.9(1)(c)",
    "C6": "Luật TCTT Đ.19(1)(a); Đ.18(4)", "C8": "NĐ 224 Đ.9(1)(a)",
    "C9": "Luật TCTT Đ.19(1)(b)", "C10": "Luật TCTT Đ.19(1)(c)",
    "C11": "Luật TCTT Đ.19(1)(g); NĐ 13/2018 Đ.6, 11", "C12": "Luật TCTT Đ.19(1)(e)",
    "C13": "Luật TCTT Đ.19(1)(d)", "C14": "Luật TCTT Đ.19(1)(đ)", "C15": "chính sách",
    "C16": "chính sách", "C17": "Luật TCTT Đ.17(1)(c)", "C18": "Luật TCTT Đ.17(1)",
    "C20": "Luật CĐS Đ.34(2)", "C24": "NĐ 224 Đ.10(3)", "F1": "NĐ 224 Đ.10(3)",
    "F8": "NĐ 224 Đ.10(3)(b)", "F11": "NĐ 224 Đ.10(3)(a)", "F12": "NĐ 224 Đ.10(3)(c)",
    "F15": "NĐ 224 Đ.11(4)(c)", "F17": "NĐ 224 Đ.11(5)", "F20": "NĐ 224 Đ.12",
    "F21": "NĐ 224 Đ.13(1)(a)", "F18": "TT 22/2023/TT-BTTTT (yêu cầu chung)",
}  # fmt: skip


def _ruleset(key, name, start, end, laws) -> RuleSet:
    rules = tuple(
        Rule(r.code, r.title, laws[r.code], r.check, r.weight, r.by_platform)
        for code, r in RULES.items()
        if code in laws
    )
    return RuleSet(key, name, start, end, rules)


DECREE_42 = _ruleset(
    "nd42-2022", "Nghị định 42/2022/NĐ-CP (áp dụng đến 30/6/2026)", "2022-08-15", "2026-06-30",
    LAW_42,
)  # fmt: skip
DECREE_224 = _ruleset(
    "nd224-2026", "Nghị định 224/2026/NĐ-CP và Luật Tiếp cận thông tin", "2026-07-01", None,
    LAW_224,
)  # fmt: skip
RULESETS = {r.key: r for r in (DECREE_224, DECREE_42)}


def current_ruleset(on: date | None = None) -> RuleSet:
    """The rule set in force on ``on`` (today by default)."""
    from django.utils import timezone

    day = (on or timezone.localdate()).isoformat()
    for ruleset in RULESETS.values():
        if ruleset.effective_from <= day and (
            not ruleset.effective_until or day <= ruleset.effective_until
        ):
            return ruleset
    return DECREE_224
