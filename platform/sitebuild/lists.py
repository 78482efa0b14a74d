"""The lists a commune board uses from its first day, each site editing its own copy.

Until these existed a created site could not publish a document: type and issuing body are
required and both lists were empty (only ``seed_demo`` filled them).

* Document types: the forms of administrative documents of Decree 30/2020/NĐ-CP on clerical
  work (art. 7 and Appendix III, with their abbreviations as used in document numbers; Công
  văn and Thư công have none).
* Issuing bodies and contributing units: derived from the site's authority ("Ủy ban nhân
  dân xã Ia Băng"), so they are filled at provisioning with the unit's name.
* Sectors (lĩnh vực): the commune-level sectors of the national database of administrative
  procedures, so documents, procedures and questions filter by the names citizens meet on
  the national public-service portal.
* Royalty rates: a commune board's usual rates per item kind (Decree 18/2014 leaves the
  figure to each agency within its budget); the chief changes them.
"""

DOCUMENT_TYPES = (
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Quy chế", "QC"),
    ("Quy định", "QyĐ"),
    ("Thông cáo", "TC"),
    ("Thông báo", "TB"),
    ("Hướng dẫn", "HD"),
    ("Chương trình", "CTr"),
    ("Kế hoạch", "KH"),
    ("Phương án", "PA"),
    ("Đề án", "ĐA"),
    ("Dự án", "DA"),
    ("Báo cáo", "BC"),
    ("Biên bản", "BB"),
    ("Tờ trình", "TTr"),
    ("Hợp đồng", "HĐ"),
    ("Công văn", ""),
    ("Công điện", "CĐ"),
    ("Bản ghi nhớ", "GN"),
    ("Bản thỏa thuận", "TTh"),
    ("Giấy ủy quyền", "GUQ"),
    ("Giấy mời", "GM"),
    ("Giấy giới thiệu", "GGT"),
    ("Giấy nghỉ phép", "GNP"),
    ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"),
    ("Phiếu báo", "PB"),
    ("Thư công", ""),
)

SECTORS = (
    "Hộ tịch",
    "Chứng thực",
    "Nuôi con nuôi",
    "Tư pháp",
    "Phổ biến, giáo dục pháp luật",
    "Hòa giải ở cơ sở",
    "Bồi thường nhà nước",
    "Đăng ký biện pháp bảo đảm",
    "Đất đai",
    "Xây dựng",
    "Môi trường",
    "Tài nguyên nước",
    "Nông nghiệp",
    "Lâm nghiệp",
    "Thủy lợi",
    "Phòng, chống thiên tai",
    "Thú y",
    "Trồng trọt",
    "Kinh tế hợp tác",
    "Hộ kinh doanh",
    "Công thương",
    "Giao thông vận tải",
    "Tài chính",
    "Bảo trợ xã hội",
    "Người có công",
    "Giảm nghèo",
    "Trẻ em",
    "Phòng, chống tệ nạn xã hội",
    "Lao động, việc làm",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Dân số",
    "Văn hóa cơ sở",
    "Gia đình",
    "Thể dục, thể thao",
    "Thi đua, khen thưởng",
    "Tôn giáo",
    "Tín ngưỡng",
    "Nội vụ",
    "Quốc phòng",
    "Tiếp công dân",
    "Giải quyết khiếu nại",
    "Giải quyết tố cáo",
)

# Each is formatted with the unit as it reads in a sentence ("xã Ia Băng") and, for the
# party committee, its kind's word ("Đảng ủy xã Ia Băng", "Huyện ủy Đak Đoa").
ISSUING_BODIES = (
    "Ủy ban nhân dân {unit}",
    "Hội đồng nhân dân {unit}",
    "{party_committee}",
)

# (name, board unit?): the board's own office first, then the unit's organisations.
CONTRIBUTING_UNITS = (
    ("Văn phòng HĐND và UBND {unit}", True),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam {unit}", False),
    ("Công an {unit}", False),
    ("Ban Chỉ huy Quân sự {unit}", False),
    ("Trạm Y tế {unit}", False),
    ("Hội Nông dân {unit}", False),
    ("Hội Liên hiệp Phụ nữ {unit}", False),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh {unit}", False),
    ("Hội Cựu chiến binh {unit}", False),
)

ROYALTY_RATES = (
    ("tin", 100_000),
    ("bai", 300_000),
    ("tin-anh", 150_000),
    ("bai-anh", 400_000),
    ("video", 500_000),
    ("audio", 300_000),
)


def unit_in_sentence(name: str) -> str:
    """ "Xã Ia Băng" as it reads inside a sentence: "xã Ia Băng"."""
    return name[:1].lower() + name[1:]


def party_committee(kind: str, name: str, short_name: str) -> str:
    """The unit's party committee: "Đảng ủy xã Ia Băng", "Huyện ủy Đak Đoa", "Tỉnh ủy Gia Lai"."""
    if kind == "province":
        return f"Tỉnh ủy {short_name}"
    if kind == "district":
        return f"Huyện ủy {short_name}"
    return f"Đảng ủy {unit_in_sentence(name)}"
