"""English for the platform's own strings (msgids are Vietnamese): fills and compiles
locale/platform/en/LC_MESSAGES/django.po. After adding strings to templates or models:

    PYTHONPATH=... manage.py makemessages (see locale/platform/README.md), add the new strings
    to ENGLISH below, then: .venv/bin/python locale/platform/english.py
"""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent / "en" / "LC_MESSAGES" / "django.po"

ENGLISH = {
    "Nội dung": "Content",
    "Đoạn văn": "Paragraph",
    "Ảnh": "Photo",
    "Văn bản thay thế": "Alternative text",
    "Mô tả ảnh cho người không nhìn thấy ảnh (bắt buộc).": (
        "Describe the photo for people who cannot see it (required)."
    ),
    "Chú thích": "Caption",
    "Nguồn ảnh": "Photo credit",
    "Ảnh có chú thích": "Photo with caption",
    "Tiêu đề": "Title",
    "Bộ ảnh": "Gallery",
    "Đường dẫn video (YouTube…)": "Video address (YouTube…)",
    "Tệp video MP4": "MP4 video file",
    "Nội dung tóm tắt": "Summary",
    "Văn bản thay thế cho người không xem được video.": (
        "Text alternative for people who cannot watch the video."
    ),
    "Hãy nhập đường dẫn video hoặc chọn một tệp MP4.": (
        "Enter a video address or choose an MP4 file."
    ),
    "Video": "Video",
    "Tệp âm thanh MP3": "MP3 audio file",
    "Văn bản thay thế cho người không nghe được.": "Text alternative for people who cannot listen.",
    "Âm thanh": "Audio",
    "Trích dẫn": "Quotation",
    "Người nói": "Speaker",
    "Tên bảng": "Table caption",
    "Bảng": "Table",
    "Tệp": "File",
    "Tên hiển thị": "Display name",
    "Tệp đính kèm": "Attachment",
    "Trang liên quan": "Related page",
    "Tên": "Name",
    "Địa chỉ": "Address",
    "Liên kết nhanh": "Quick links",
    "Họ và tên": "Full name",
    "Chức vụ": "Position",
    "Ảnh chân dung": "Portrait",
    "Điện thoại": "Phone",
    "Nhiệm vụ đảm nhiệm": "Duties",
    "Tiểu sử tóm tắt": "Short biography",
    "Lãnh đạo": "Leaders",
    "Đơn vị": "Unit",
    "Thư điện tử": "E-mail",
    "Đầu mối tiếp nhận yêu cầu cung cấp thông tin": "Contact point for information requests",
    "Cán bộ đầu mối": "Contact officers",
    "Ngày": "Day",
    "Giờ": "Time",
    "Ví dụ: 7 giờ 30": "For example: 7:30",
    "Thành phần": "Attendees",
    "Địa điểm": "Place",
    "Mục lịch công tác": "Schedule entry",
    "Số ký hiệu": "Document number",
    "Từ khóa trong trích yếu": "Words in the abstract",
    "Loại văn bản": "Document type",
    "Tất cả": "All",
    "Cơ quan ban hành": "Issuing body",
    "Lĩnh vực": "Sector",
    "Năm ban hành": "Year of issue",
    "Sắp xếp": "Order",
    "Mới ban hành trước": "Newest first",
    "Cũ trước": "Oldest first",
    "Giá trị đã chọn không hợp lệ.": "The chosen value is not valid.",
    "Tên hoặc mã thủ tục": "Procedure name or code",
    "Để trống ô này": "Leave this field empty",
    "Điện thoại hoặc thư điện tử (không bắt buộc, không công khai)": (
        "Phone or e-mail (optional, never published)"
    ),
    "Nội dung câu hỏi": "Your question",
    "Hãy nhập họ và tên.": "Please enter your full name.",
    "Hãy nhập nội dung câu hỏi.": "Please enter your question.",
    "Chọn lĩnh vực": "Choose a sector",
    "Câu hỏi quá ngắn. Hãy viết rõ điều bạn muốn hỏi (ít nhất 10 ký tự).": (
        "The question is too short. Please say what you want to ask (at least 10 characters)."
    ),
    "Câu hỏi dài quá 5.000 ký tự. Hãy rút gọn.": (
        "The question is longer than 5,000 characters. Please shorten it."
    ),
    "Không gửi được câu hỏi. Hãy tải lại trang, viết câu hỏi rồi gửi lại.": (
        "The question could not be sent. Please reload the page, write it and send it again."
    ),
    "Bạn đã gửi %(count)s câu hỏi trong một giờ qua. Vui lòng đợi rồi gửi tiếp, hoặc gọi "
    "đường dây nóng nếu việc gấp.": (
        "You have sent %(count)s questions in the past hour. Please wait before sending more,"
        " or call the hotline if it is urgent."
    ),
    "Câu hỏi này vừa được gửi. Hãy dùng mã theo dõi đã nhận để xem kết quả.": (
        "This question has just been sent. Use the tracking code you received to follow it."
    ),
    "Không nhận tệp “%(name)s”: chỉ nhận PDF, DOC, DOCX, XLS, XLSX, MP3 và MP4.": (
        "The file “%(name)s” is not accepted: only PDF, DOC, DOCX, XLS, XLSX, MP3 and MP4."
    ),
    "Tệp “%(name)s” nặng %(size)s, quá giới hạn %(limit)s cho tệp %(kind)s.": (
        "The file “%(name)s” is %(size)s, over the %(limit)s limit for %(kind)s files."
    ),
    "Tệp “%(name)s” không phải là tệp %(kind)s thật. Hãy kiểm tra lại tệp.": (
        "The file “%(name)s” is not a real %(kind)s file. Please check the file."
    ),
    "Tệp “%(name)s” bị hỏng hoặc chưa tải hết (tệp %(kind)s không trọn vẹn). Hãy mở thử tệp"
    " trên máy, lưu lại rồi tải lên lần nữa.": (
        "The file “%(name)s” is damaged or was not fully uploaded (an incomplete %(kind)s"
        " file). Open it on your computer, save it again and upload it once more."
    ),
    "Không đọc được tệp này như một ảnh: tệp bị hỏng, chưa tải hết hoặc không phải là ảnh."
    " Hãy mở thử ảnh trên máy rồi tải lên lại (JPG, PNG, GIF hoặc WEBP).": (
        "This file cannot be read as an image: it is damaged, incomplete or not an image. Open"
        " it on your computer and upload it again (JPG, PNG, GIF or WEBP)."
    ),
    "Ảnh quá lớn: %(num_pixels)s điểm ảnh, tối đa %(max_pixels_count)s. Hãy thu nhỏ ảnh rồi"
    " tải lên lại.": (
        "The image is too large: %(num_pixels)s pixels, at most %(max_pixels_count)s. Make it"
        " smaller and upload it again."
    ),
    "Dành cho máy tìm kiếm": "For search engines",
    "Dành cho trình đơn": "For site menus",
    "giới thiệu": "introduction",
    "danh mục văn bản": "document index",
    "loại văn bản": "document type",
    "cơ quan ban hành": "issuing body",
    "số ký hiệu": "document number",
    "Ví dụ: 164/TB-UBND, 12/2024/QĐ-UBND": "For example: 164/TB-UBND, 12/2024/QĐ-UBND",
    "ngày ban hành": "issue date",
    "ngày hiệu lực": "effective date",
    "trích yếu": "abstract",
    "tệp văn bản": "document file",
    "PDF, DOC/DOCX hoặc XLS/XLSX.": "PDF, DOC/DOCX or XLS/XLSX.",
    "người ký": "signer",
    "lĩnh vực": "sector",
    "Thông tin văn bản": "Document details",
    "văn bản": "document",
    "Ngày ban hành không thể sau ngày hôm nay.": "The issue date cannot be after today.",
    "Ngày hiệu lực không thể trước ngày ban hành.": (
        "The effective date cannot be before the issue date."
    ),
    "đường dây nóng": "hotline",
    "liên kết nhanh": "quick links",
    "trang chủ": "home page",
    "chuyên mục": "section",
    "Tin": "News item",
    "Bài": "Article",
    "Tin ảnh": "Photo news",
    "Bài ảnh": "Photo article",
    "thể loại": "kind",
    "ngày đăng": "publication date",
    "sapô": "lead",
    "ảnh đại diện": "main photo",
    "nội dung": "body",
    "tác giả": "author",
    "đơn vị cung cấp tin": "contributing unit",
    "tin liên quan": "related items",
    "tin nổi bật": "featured",
    "Hiển thị ở mục tin nổi bật trên trang chủ.": "Show among the featured items on the home page.",
    "Phân loại": "Classification",
    "Nguồn tin": "Source",
    "tin bài": "news item",
    "chức năng, nhiệm vụ, quyền hạn": "functions, duties and powers",
    "cơ cấu tổ chức": "organisation",
    "sơ đồ tổ chức": "organisation chart",
    "lãnh đạo": "leaders",
    "địa phương": "locality",
    "Bản đồ hành chính, điều kiện tự nhiên, lịch sử, văn hóa, di tích, danh thắng.": (
        "Administrative map, geography, history, culture, heritage sites, landmarks."
    ),
    "trang giới thiệu": "introduction page",
    "địa chỉ": "address",
    "điện thoại": "phone",
    "fax": "fax",
    "thư điện tử": "e-mail",
    "giờ làm việc": "working hours",
    "cán bộ đầu mối": "contact officers",
    "Thông tin liên hệ": "Contact details",
    "trang liên hệ": "contact page",
    "danh mục thủ tục hành chính": "procedure index",
    "Dịch vụ công trực tuyến toàn trình": "Fully online public service",
    "Dịch vụ công trực tuyến một phần": "Partly online public service",
    "Cung cấp thông tin": "Information only",
    "mã thủ tục": "procedure code",
    "Mã thủ tục theo Cơ sở dữ liệu quốc gia có dạng 1.001612 hoặc 2.002154.": (
        "A code of the national procedure database looks like 1.001612 or 2.002154."
    ),
    "Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001612": (
        "Code in the national database of administrative procedures, for example 1.001612"
    ),
    "mức độ": "level",
    "cơ quan thực hiện": "handling agency",
    "thời hạn giải quyết": "processing time",
    "phí, lệ phí": "fees",
    "thành phần hồ sơ": "documents required",
    "trình tự thực hiện": "steps",
    "đường dẫn dịch vụ công trực tuyến": "online service address",
    "Thông tin thủ tục": "Procedure details",
    "thủ tục hành chính": "administrative procedure",
    "Đã tiếp nhận": "Received",
    "Đang xử lý": "In progress",
    "Đã trả lời": "Answered",
    "Không xử lý": "Declined",
    "mã theo dõi": "tracking code",
    "họ và tên người hỏi": "name of the asker",
    "thông tin liên hệ": "contact details",
    "Không bao giờ hiển thị công khai.": "Never shown publicly.",
    "nội dung câu hỏi": "question",
    "thời điểm gửi": "sent at",
    "trạng thái": "status",
    "nội dung trả lời": "answer",
    "đơn vị, người trả lời": "answered by",
    "thời điểm trả lời": "answered at",
    "công khai câu trả lời": "publish the answer",
    "Đăng câu hỏi và câu trả lời trong danh sách Hỏi – Đáp.": (
        "Show the question and its answer in the Questions and answers list."
    ),
    "Câu hỏi": "Question",
    "Trả lời": "Answer",
    "câu hỏi": "question",
    "Hãy nhập nội dung trả lời trước khi chuyển sang “Đã trả lời”.": (
        "Enter the answer before setting the status to “Answered”."
    ),
    "Chỉ công khai được câu hỏi đã trả lời.": "Only answered questions can be published.",
    "hỏi – đáp": "questions and answers",
    "lịch công tác": "work schedule",
    "tuần bắt đầu từ thứ Hai": "week starting on Monday",
    "Ngày thứ Hai của tuần.": "The Monday of the week.",
    "lịch công tác tuần": "weekly work schedule",
    "Tuần phải bắt đầu từ một ngày thứ Hai.": "A week must start on a Monday.",
    "Ngày %(day)s không thuộc tuần từ %(start)s đến %(end)s.": (
        "The day %(day)s is not in the week from %(start)s to %(end)s."
    ),
    "tên": "name",
    "thứ tự": "order",
    "chữ viết tắt": "abbreviation",
    "Ví dụ: QĐ, KH, TB": "For example: QĐ, KH, TB",
    "Ủy ban nhân dân %(unit)s": "People's Committee of %(unit)s",
    "Số ký hiệu “%(value)s” không đúng dạng. Hãy nhập theo mẫu 164/TB-UBND hoặc 12/2024/QĐ-UBND.": (
        "The document number “%(value)s” is not well formed. Write it like 164/TB-UBND or"
        " 12/2024/QĐ-UBND."
    ),
    "Đơn vị cung cấp tin": "Contributing units",
    "Danh mục dùng chung": "Shared lists",
    "Hỏi – Đáp": "Questions and answers",
    "Trang thành viên": "Member site",
    "Tỉnh, thành phố": "Province or city",
    "Huyện": "District",
    "Xã": "Commune",
    "Phường": "Ward",
    "Thị trấn": "Township",
    "Đang hoạt động": "Active",
    "Tạm ngừng": "Suspended",
    "Lưu trữ": "Archived",
    "tên đơn vị": "unit name",
    "Tên chính thức, ví dụ: Xã Ia Băng.": "Official name, for example: Xã Ia Băng.",
    "tên ngắn": "short name",
    "mã trang": "site code",
    "Chữ thường không dấu, dùng trong địa chỉ trang, ví dụ: iabang.": (
        "Lower-case letters without diacritics, used in the site address, for example: iabang."
    ),
    "cấp": "level",
    "cổng thông tin cấp trên": "parent portal",
    "ngày tạo": "created",
    "ngày cập nhật": "updated",
    "trang": "site",
    "các trang": "sites",
    "Cổng thông tin cấp tỉnh/huyện không có cấp trên.": (
        "A province or district portal has no parent."
    ),
    "Trang thành viên phải thuộc một cổng thông tin cấp tỉnh/huyện.": (
        "A member site must belong to a province or district portal."
    ),
    "Cấp trên phải là cổng thông tin của tỉnh hoặc huyện.": (
        "The parent must be a province or district portal."
    ),
    "tên miền": "domain",
    "Mã trang hoặc tên miền vừa được một trang khác sử dụng. Hãy thử lại.": (
        "The site code or domain was just taken by another site. Please try again."
    ),
    "Mã trang “%(slug)s” đã được dùng.": "The site code “%(slug)s” is already used.",
    "Hãy nhập tên đơn vị.": "Please enter the unit name.",
    "Cấp đơn vị “%(kind)s” không hợp lệ.": "The unit level “%(kind)s” is not valid.",
    "Hãy nhập tên miền của trang.": "Please enter the site's domain.",
    "Tên miền “%(domain)s” không hợp lệ.": "The domain “%(domain)s” is not valid.",
    "Một tên miền được nhập hai lần.": "A domain was entered twice.",
    "Tên miền “%(domain)s” đã thuộc một trang khác.": (
        "The domain “%(domain)s” already belongs to another site."
    ),
    "Mã trang “%(slug)s” không hợp lệ: chỉ dùng chữ thường không dấu (a–z), chữ số và dấu "
    "gạch ngang, bắt đầu bằng một chữ cái, tối đa %(max)d ký tự.": (
        "The site code “%(slug)s” is not valid: use only lower-case letters without diacritics"
        " (a–z), digits and hyphens, starting with a letter, at most %(max)d characters."
    ),
    "Mã trang “%(slug)s” được hệ thống dành riêng, hãy chọn mã khác.": (
        "The site code “%(slug)s” is reserved by the system; please choose another."
    ),
    "Giao diện": "Themes",
    "Bỏ qua, đến nội dung chính": "Skip to main content",
    "Trình duyệt không phát được tệp âm thanh này.": "Your browser cannot play this audio file.",
    "Tải tệp âm thanh": "Download the audio file",
    "Nội dung bản tin": "Transcript",
    "Điện thoại:": "Phone:",
    "Thư điện tử:": "E-mail:",
    "Nhiệm vụ:": "Duties:",
    "Tiểu sử:": "Biography:",
    "Trình duyệt không phát được video này.": "Your browser cannot play this video.",
    "Tải video": "Download the video",
    "Nội dung video": "Video transcript",
    "Fax": "Fax",
    "Đường dây nóng": "Hotline",
    "Giờ làm việc": "Working hours",
    "Tra cứu văn bản": "Document search",
    "Tra cứu": "Search",
    "Xóa bộ lọc": "Clear filters",
    "Tìm thấy %(counter)s văn bản.": (
        "%(counter)s document found.",
        "%(counter)s documents found.",
    ),
    "Danh sách văn bản": "Document list",
    "Danh sách văn bản, mới ban hành trước": "Documents, newest first",
    "Ngày ban hành": "Issue date",
    "Trích yếu": "Abstract",
    "Không có văn bản nào phù hợp.": "No document matches.",
    "Ngày hiệu lực": "Effective date",
    "Người ký": "Signer",
    "Tải văn bản": "Download the document",
    "Tin nổi bật": "Featured",
    "Tin mới": "Latest news",
    "Chưa có tin bài nào.": "No news yet.",
    "Văn bản mới": "New documents",
    "Chưa có văn bản nào.": "No documents yet.",
    "Lịch công tác tuần": "This week's schedule",
    "Chưa có lịch công tác tuần này.": "No schedule for this week yet.",
    "Sơ đồ trang": "Site map",
    "Trang chủ": "Home",
    "Chức năng, nhiệm vụ, quyền hạn": "Functions, duties and powers",
    "Cơ cấu tổ chức": "Organisation",
    "Sơ đồ tổ chức": "Organisation chart",
    "Giới thiệu địa phương": "About the locality",
    "Xem thêm": "See also",
    "Tác giả:": "Author:",
    "Nguồn:": "Source:",
    "Tin liên quan": "Related items",
    "Tra cứu thủ tục hành chính": "Procedure search",
    "Mã:": "Code:",
    "Không có thủ tục nào phù hợp.": "No procedure matches.",
    "Mã thủ tục": "Procedure code",
    "Mức độ": "Level",
    "Cơ quan thực hiện": "Handling agency",
    "Thời hạn giải quyết": "Processing time",
    "Phí, lệ phí": "Fees",
    "Thành phần hồ sơ": "Documents required",
    "Trình tự thực hiện": "Steps",
    "Nộp hồ sơ trực tuyến trên Cổng dịch vụ công": "Apply online on the public service portal",
    "Tra cứu câu hỏi theo mã": "Look up a question by its code",
    "Mã theo dõi câu hỏi": "Question tracking code",
    "Câu hỏi đã trả lời": "Answered questions",
    "gửi ngày": "sent on",
    "Chưa có câu hỏi nào được trả lời.": "No question has been answered yet.",
    "Gửi câu hỏi": "Ask a question",
    "Câu hỏi được ban biên tập chuyển đến cơ quan có thẩm quyền trả lời. Thông tin liên hệ "
    "của bạn không được công khai.": (
        "The editorial board forwards your question to the authority that can answer it. Your"
        " contact details are never published."
    ),
    "Tra cứu câu hỏi": "Look up a question",
    "Câu hỏi của bạn đã được gửi. Hãy ghi lại mã theo dõi để xem kết quả trả lời:": (
        "Your question has been sent. Note down the tracking code to follow the answer:"
    ),
    "Câu hỏi %(code)s": "Question %(code)s",
    "Ngày gửi": "Sent on",
    "Trạng thái": "Status",
    "Không tìm thấy câu hỏi có mã “%(code)s”. Hãy kiểm tra lại mã.": (
        "No question has the code “%(code)s”. Please check the code."
    ),
    "Về trang Hỏi – Đáp": "Back to Questions and answers",
    "Từ %(start)s đến %(end)s": "From %(start)s to %(end)s",
    "Chưa có lịch công tác.": "No schedule yet.",
    "Các tuần khác": "Other weeks",
    "Lịch theo ngày": "Schedule by day",
    "Chuyên mục chưa có bài.": "This section has no items yet.",
    "Các bài trong chuyên mục": "Items in this section",
    "Vị trí trang": "Breadcrumb",
    "Ban hành": "Issued",
    "Theo dõi qua RSS": "Follow by RSS",
    "Cơ quan chủ quản: Ủy ban nhân dân %(unit)s": "Owner: People's Committee of %(unit)s",
    "Chuyên mục chính": "Main sections",
    "Ngôn ngữ": "Language",
    "In trang": "Print",
    "Chia sẻ:": "Share:",
    "(mở cửa sổ mới)": "(opens a new window)",
    "Phân trang": "Pagination",
    "« Trang trước": "« Previous page",
    "Trang %(number)s/%(total)s": "Page %(number)s of %(total)s",
    "Trang sau »": "Next page »",
    "Tuần này chưa có lịch.": "No schedule for this week.",
    # accounts and logins (issue 14)
    "Chỉ quản trị viên cấp cao nhất mới được thay đổi tài khoản này.": (
        "Only a superuser may change this account."
    ),
    "Bạn không được gán nhóm “%(group)s”.": "You may not give the group “%(group)s”.",
    "Chỉ quản trị viên cấp cao nhất mới được cấp quyền quản trị toàn phần.": (
        "Only a superuser may grant full administrator rights."
    ),
    "Đã mở khóa đăng nhập của %(who)s trên %(site)s.": (
        "Logins of %(who)s on %(site)s are unlocked."
    ),
    "mọi tài khoản": "every account",
    "Tạm khóa đăng nhập": "Logins temporarily locked",
    "Bạn đã nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)s phút.": (
        "Too many wrong attempts. Try again in %(minutes)s minute.",
        "Too many wrong attempts. Try again in %(minutes)s minutes.",
    ),
    "Nếu cần vào ngay, hãy nhờ quản trị mạng lưới của cổng cấp trên mở khóa.": (
        "If you need to get in now, ask the network administrators of the parent portal"
        " to unlock it."
    ),
    "Đăng nhập bị khóa": "Locked logins",
    (
        "Sau 5 lần nhập sai liên tiếp từ cùng một địa chỉ, tài khoản đó bị khóa đăng nhập 15 phút "
        "trên trang đó."
    ): (
        "After 5 wrong attempts in a row from one address, that account cannot log in to that site "
        "for 15 minutes."
    ),
    "Tên đăng nhập": "Username",
    "Địa chỉ IP": "IP address",
    "Số lần sai": "Failures",
    "Lần sai gần nhất": "Latest failure",
    "Mở khóa": "Unlock",
    "Không có đăng nhập nào đang bị khóa.": "No login is locked.",
    "Phiên hỗ trợ": "Support session",
    (
        "Phiên hỗ trợ vào trang quản trị của %(site)s chỉ mở được từ trang quản trị mạng lưới của "
        "cổng cấp trên (Trang thành viên › Hỗ trợ)."
    ): (
        "A support session in the admin of %(site)s can only be opened from the parent portal's "
        "network admin (Member sites › Support)."
    ),
    "Xác nhận phiên hỗ trợ": "Confirm the support session",
    (
        "Bạn sắp vào trang quản trị của %(site)s bằng phiên hỗ trợ của %(who)s. Phiên này được ghi "
        "lại ở cả hai trang."
    ): (
        "You are about to enter the admin of %(site)s in a support session of %(who)s."
        " The session is recorded on both sites."
    ),
    "Vào trang quản trị": "Enter the admin",
    "Đã kết thúc phiên hỗ trợ": "Support session ended",
    "Phiên hỗ trợ trên %(site)s đã kết thúc và được ghi lại.": (
        "The support session on %(site)s has ended and is recorded."
    ),
    "Phiên hỗ trợ của %(who)s": "Support session of %(who)s",
    "kết thúc": "end",
    "Mở phiên hỗ trợ": "Open a support session",
    "Quyền vào trang quản trị của %(site)s đã được cấp cho bạn, dùng được một lần trong 5 phút.": (
        "You may enter the admin of %(site)s once, within 5 minutes."
    ),
    "Tiếp tục sang %(site)s": "Go on to %(site)s",
    "Kết thúc hỗ trợ": "Support ended",
    "Kết thúc phiên hỗ trợ": "Support session ended",
    # Publishing across levels (issue 18)
    "Tin từ cơ sở": "News from member sites",
    "Đã gửi xuống": "Sent down",
    "Tin đã gửi lên": "News sent up",
    "Từ cấp trên": "From the parent portal",
    "Gửi lên %(portal)s": "Send up to %(portal)s",
    "Gửi xuống trang thành viên": "Send down to member sites",
    "Sapô / trích yếu": "Lead / abstract",
    "ảnh": "image",
    "tệp": "file",
    "Không đọc được %(what)s “%(title)s” của bản gốc (%(error)s): thiếu tệp.": (
        "Could not read the original's %(what)s “%(title)s” (%(error)s): the file is missing."
    ),
    "Không tìm thấy bản gốc: trang đã bị xoá hoặc không phải tin bài, văn bản.": (
        "Original not found: the page was deleted or is not a news item or document."
    ),
    "Bản gốc đã bị gỡ khỏi trang gửi.": "The original was withdrawn from the sending site.",
    "Bản gốc dùng một %(what)s đã bị xoá (mã %(id)s).": (
        "The original uses a deleted %(what)s (id %(id)s)."
    ),
    "Chuyên mục “%(section)s” đã có một trang với đường dẫn “%(slug)s”.": (
        "Section “%(section)s” already has a page at “%(slug)s”."
    ),
    "Chuyên mục “%(section)s” đã có một trang tên “%(title)s”.": (
        "Section “%(section)s” already has a page titled “%(title)s”."
    ),
    "Chuyên mục đã chọn không nhận loại trang này.": (
        "The chosen section does not take this type of page."
    ),
    "Không tạo được bản sao: %(error)s": "Could not make the copy: %(error)s",
    "Bản sao không còn trên trang này.": "The copy is no longer on this site.",
    "Không cập nhật được bản sao: %(error)s": "Could not update the copy: %(error)s",
    "Trao đổi tin giữa các cấp": "Publishing across levels",
    "Trao đổi tin giữa các cấp (toàn mạng lưới)": "Publishing across levels (network)",
    "Ghi chú gửi Ban biên tập cấp trên (không bắt buộc)": (
        "Note to the parent portal's board (optional)"
    ),
    "Lý do": "Reason",
    "Hãy ghi lý do để trang gửi biết cần làm gì.": (
        "Give a reason so the sending site knows what to do."
    ),
    "Đưa vào chuyên mục": "Place in section",
    "Gửi duyệt ngay theo quy trình duyệt của cổng": (
        "Submit for review now in the portal's workflow"
    ),
    "Chỉ gửi được tin đang đăng.": "Only a live news item can be sent.",
    "Không gửi được: %(why)s": "Could not send: %(why)s",
    "Đã gửi “%(title)s” lên %(portal)s.": "Sent “%(title)s” up to %(portal)s.",
    "Đã gửi lại “%(title)s”: yêu cầu cũ được cập nhật.": (
        "Sent “%(title)s” again: the earlier request was updated."
    ),
    "Thao tác không hợp lệ.": "Invalid action.",
    "Không xử lý được yêu cầu này: %(why)s": "This request cannot be handled: %(why)s",
    "Tin này đã được nhận.": "This item has already been accepted.",
    "Tin này vừa được nhận (có lẽ nút “Nhận vào chuyên mục” được bấm hai lần): "
    "cổng chỉ giữ một bản sao.": (
        "This item has just been accepted (the “Accept into section” button was probably "
        "clicked twice): the portal keeps a single copy."
    ),
    "Hãy chọn chuyên mục sẽ đưa tin vào.": "Choose the section to place the item in.",
    "Chưa nhận được tin: %(error)s": "The item was not accepted: %(error)s",
    "Đã tạo bản nháp “%(title)s” và gửi duyệt.": (
        "Draft “%(title)s” created and submitted for review."
    ),
    "Đã tạo bản nháp “%(title)s” chờ Ban biên tập.": ("Draft “%(title)s” created for the board."),
    "Đã trả lời %(site)s.": "Answered %(site)s.",
    "Cổng không còn bản sao của tin này.": "The portal no longer has a copy of this item.",
    "Bản gốc chưa thay đổi kể từ lần sao.": "The original has not changed since it was copied.",
    "Chưa cập nhật được: %(error)s": "Not updated: %(error)s",
    "Đã cập nhật bản sao theo bản gốc.": "The copy now matches the original.",
    "Bạn không có quyền gỡ trang này.": "You may not unpublish this page.",
    "Đã gỡ bản sao vì bản gốc bị gỡ.": "Copy unpublished because the original was withdrawn.",
    "Đã gỡ bản sao khỏi cổng.": "Copy unpublished from the portal.",
    "Giữ bản sao dù bản gốc đã bị gỡ.": "Copy kept although the original was withdrawn.",
    "Đã giữ bản sao.": "Copy kept.",
    "Gửi dưới dạng": "Send as",
    "Gửi tới": "Send to",
    "Mọi trang thành viên": "All member sites",
    "Ghi chú (không bắt buộc)": "Note (optional)",
    "Hãy chọn ít nhất một trang thành viên.": "Choose at least one member site.",
    "Chỉ gửi được trang đang đăng.": "Only a live page can be sent.",
    "Đã gửi “%(title)s” tới %(count)s trang thành viên.": (
        "Sent “%(title)s” to %(count)s member sites."
    ),
    "Nhắc việc: “%(title)s” từ %(portal)s chưa được xử lý": (
        "Reminder: “%(title)s” from %(portal)s awaits your decision"
    ),
    "%(portal)s đã gửi “%(title)s” tới %(site)s ngày %(when)s. Xin Ban biên tập xem và đăng "
    "hoặc từ chối (kèm lý do) tại: %(link)s": (
        "%(portal)s sent “%(title)s” to %(site)s on %(when)s. Please publish it or decline it "
        "(with a reason) at: %(link)s"
    ),
    "Đã nhắc %(count)s trang.": "Reminded %(count)s sites.",
    "Đăng vào chuyên mục": "Publish in section",
    "Không xử lý được: %(why)s": "Cannot be handled: %(why)s",
    "Trang này đã xử lý mục này.": "This site has already handled this item.",
    "Đã từ chối và báo lại cấp trên.": "Declined; the parent portal has been told.",
    "Hãy chọn chuyên mục sẽ đăng.": "Choose the section to publish in.",
    "Chưa đăng được: %(error)s": "Not published: %(error)s",
    "Đã đăng “%(title)s”.": "Published “%(title)s”.",
    "%(site)s đã sáp nhập vào trang khác.": "%(site)s has been merged into another site.",
    "%(site)s đang tạm ngừng hoạt động.": "%(site)s is suspended.",
    "%(site)s đã chuyển sang lưu trữ (chỉ đọc).": "%(site)s is archived (read-only).",
    "Chờ cấp trên xem xét": "Awaiting the parent portal",
    "Cấp trên đề nghị sửa": "Changes requested",
    "Cấp trên từ chối": "Declined",
    "Cấp trên đã nhận": "Accepted",
    "trang gửi": "sending site",
    "cổng nhận": "receiving portal",
    "mã tin ở trang gửi": "item id at the sending site",
    "địa chỉ bản gốc": "original's address",
    "bản gốc hiện tại": "original as it stands",
    "người gửi": "sent by",
    "lúc gửi": "sent at",
    "lý do": "reason",
    "người xử lý": "handled by",
    "lúc xử lý": "handled at",
    "mã bản sao ở cổng": "copy's id at the portal",
    "bản gốc lúc sao": "original when copied",
    "bản gốc đã thay đổi": "original changed",
    "bản gốc đã bị gỡ": "original withdrawn",
    "tin gửi lên": "news sent up",
    "cổng gửi": "sending portal",
    "mã trang ở cổng": "page id at the portal",
    "bản hiện tại": "current version",
    "phiên bản": "version",
    "trang gửi xuống": "page sent down",
    "Chưa xem": "Not seen",
    "Đã xem": "Seen",
    "Từ chối": "Declined",
    "trang nhận": "receiving site",
    "lúc xem": "seen at",
    "mã bản sao": "copy's id",
    "lỗi cập nhật gần nhất": "last update error",
    "lúc nhắc gần nhất": "last reminded at",
    "biên nhận": "receipt",
    "Lúc gửi": "Sent at",
    "Cấp trên chưa gửi gì tới trang này.": "The parent portal has sent nothing to this site.",
    "Chưa gửi trang nào xuống.": "Nothing has been sent down yet.",
    "Người gửi": "Sent by",
    "Phiên bản": "Version",
    "Bản gốc": "Original",
    "đã bị gỡ": "withdrawn",
    "Biên nhận của từng trang": "Receipt of each site",
    "Lúc": "At",
    "Lý do / ghi chú": "Reason / note",
    "(đã nhắc %(when)s)": "(reminded %(when)s)",
    "Nhắc %(n)s trang chưa xử lý": (
        "Remind %(n)s site that has not acted",
        "Remind %(n)s sites that have not acted",
    ),
    "Gửi lên": "Send up",
    "Gửi tin “%(title)s” để Ban biên tập %(portal)s xem xét đăng lại, ghi rõ nguồn là trang "
    "của đơn vị.": (
        "Send “%(title)s” for the board of %(portal)s to consider republishing, crediting "
        "this site as the source."
    ),
    "Tin này đã được gửi lúc %(when)s (%(state)s). Gửi lại sẽ cập nhật yêu cầu cũ.": (
        "This item was sent at %(when)s (%(state)s). Sending again updates that request."
    ),
    "Từ": "From",
    "Đăng lên trang": "Publish on this site",
    "Đăng": "Publish",
    "Trang gửi": "Sending site",
    "Bản gốc đã bị gỡ khỏi trang gửi. Ban biên tập quyết định gỡ hay giữ bản sao.": (
        "The original was withdrawn from the sending site. The board decides whether to "
        "unpublish or keep the copy."
    ),
    "Xem trước tin như hiện nay": "Preview of the item as it stands",
    "Mở bản sao trên cổng": "Open the portal's copy",
    "Cập nhật bản sao theo bản gốc": "Update the copy from the original",
    "Gỡ bản sao": "Unpublish the copy",
    "Giữ bản sao": "Keep the copy",
    "Nhận tin": "Accept the item",
    "Nhận vào chuyên mục": "Accept into section",
    "Đề nghị sửa hoặc từ chối": "Ask for changes or decline",
    "Đề nghị sửa": "Ask for changes",
    "Chưa có tin nào từ các trang thành viên.": "No news from member sites yet.",
    "Lý do / ghi chú của cấp trên": "Parent portal's reason / note",
    "Chưa gửi tin nào lên cấp trên.": "No news sent up yet.",
    "Gửi xuống": "Send down",
    "Gửi “%(title)s” để Ban biên tập các trang thành viên đăng lại hoặc từ chối kèm lý do. Bản "
    "đăng lại tự cập nhật khi cổng sửa bản gốc.": (
        "Send “%(title)s” for the member sites' boards to republish or decline with a reason. "
        "Republished copies follow the portal's changes to the original."
    ),
    "Tin cơ sở gửi lên": "News sent up by member sites",
    "Tin gửi lên cấp trên": "News sent up to the parent portal",
    "Trong đó được nhận đăng": "Of which accepted",
    "Trang cổng gửi xuống trong kỳ": "Pages the portal sent down in the period",
    "Đã nhận": "Received",
    "Chưa xử lý": "Not acted on",
    "Bản sao của mục này đang chờ duyệt trên trang.": "This site's copy is awaiting review.",
    "Đã tạo bản sao “%(title)s” và gửi duyệt.": "Copy “%(title)s” made and sent for review.",
    "Tin bài": "News item",
    "Thông báo": "Announcement",
    "Các trang được chọn": "Chosen sites",
    "tiêu đề": "title",
    "ghi chú": "note",
    "Văn bản": "Document",
    "loại": "type",
    "Đã đăng": "Published",
    "Trang": "Site",
    "Loại": "Type",
    "Ghi chú": "Note",
    "Tác giả": "Author",
    "Trang này đã được lưu trữ nên không nhận câu hỏi mới. "
    "Câu hỏi đã trả lời vẫn được giữ để tra cứu.": (
        "This site is archived and takes no new "
        "questions. Answered questions are kept for reference."
    ),
    "Thư gửi trưởng ban": "E-mails to the board chief",
    "Thư có liên kết đặt mật khẩu đã gửi": "E-mails sent with a set-password link",
    "Người nhận": "Recipient",
    "Kết quả": "Result",
    "Đã gửi": "Sent",
    "Không gửi được": "Not sent",
    "Gửi lại liên kết đặt mật khẩu cho trưởng ban": "Send the board chief a new set-password link",
    "Chưa gửi thư nào: trang được tạo không kèm địa chỉ thư của trưởng ban.": (
        "No e-mail sent: the site was created without the chief’s address."
    ),
    "Đã gửi thư có liên kết đặt mật khẩu cho trưởng ban. Liên kết (dùng được một lần):": (
        "The board chief was e-mailed a set-password link. The link (single use):"
    ),
    "Trang này chưa có trưởng ban để gửi thư.": "This site has no board chief to e-mail.",
    "Đã gửi lại thư cho %(email)s.": "E-mail sent again to %(email)s.",
    "Không gửi được thư cho %(email)s; hãy kiểm tra máy chủ thư.": (
        "Could not e-mail %(email)s; check the mail server."
    ),
    "%(site)s đã được tạo": "%(site)s has been created",
    "%(site)s: đặt mật khẩu": "%(site)s: set your password",
    "Tạo trang": "Site created",
    "Nhập từ CSV": "Imported from CSV",
    "Gửi lại": "Sent again",
    "người nhận": "recipient",
    "đã chuyển cho máy chủ thư": "handed to the mail server",
    "thư gửi trưởng ban": "e-mail to the board chief",
    "Tìm theo tên, mã, tên miền": "Search by name, code, domain",
    "Lọc": "Filter",
    "Bỏ lọc": "Clear filters",
    "Không có trang nào khớp với bộ lọc.": "No site matches the filters.",
    "Báo cáo định kỳ": "Periodic report",
    "công khai": "public",
    "Công khai": "Public",
    "Chưa": "Not yet",
    # Issue 20: open data, monitoring code, planned downtime
    "Bắt buộc khi thông báo trước dưới 7 ngày làm việc.": (
        "Required when notice is under 7 working days."
    ),
    "Chỉ cổng cấp tỉnh/huyện thông báo cho cả mạng lưới.": (
        "Only a province or district portal announces for the whole network."
    ),
    "Cả mạng lưới (mọi trang thành viên)": "The whole network (every member site)",
    "Cả mạng lưới": "Whole network",
    "Dữ liệu mở": "Open data",
    "Lý do bất khả kháng đã được ghi lại.": "The force majeure reason has been recorded.",
    "Mã giám sát các trang": "Monitoring codes of the sites",
    "Mã giám sát phải có đúng một thẻ <script>.": (
        "The monitoring code must have exactly one <script> tag."
    ),
    "Mã giám sát quá dài: chỉ dán đúng một thẻ <script> được cấp.": (
        "The monitoring code is too long: paste only the one <script> tag you were issued."
    ),
    "Mã giám sát từ %(origin)s không được chấp nhận; chỉ chấp nhận: %(allowed)s.": (
        "A monitoring code from %(origin)s is not accepted; accepted: %(allowed)s."
    ),
    'Mã giám sát chỉ được gồm một thẻ <script src="…"></script>, không có nội dung khác.': (
        'The monitoring code may only be one <script src="…"></script> tag, with nothing else.'
    ),
    "Mã giám sát": "Monitoring code",
    "mã giám sát": "monitoring code",
    (
        "Dán nguyên thẻ <script> do Hệ thống giám sát, đo lường (EMC) cấp cho trang. Để trống"
        " nếu chưa được cấp."
    ): (
        "Paste the <script> tag the monitoring system (EMC) issued for the site, as is. Leave"
        " empty if none was issued yet."
    ),
    "Phạm vi": "Scope",
    "Thẻ <script> có thuộc tính không được phép: %(names)s.": (
        "The <script> tag has attributes that are not allowed: %(names)s."
    ),
    "Thẻ <script> của mã giám sát phải có địa chỉ src.": (
        "The monitoring code's <script> tag must have a src address."
    ),
    "Thẻ <script> của mã giám sát phải là JavaScript thông thường.": (
        "The monitoring code's <script> tag must be plain JavaScript."
    ),
    "Thời điểm hoạt động trở lại phải sau thời điểm tạm ngừng.": (
        "The return time must be after the start of the stop."
    ),
    "Thời điểm tạm ngừng phải ở tương lai.": "The stop must start in the future.",
    "Tạm ngừng hoạt động": "Planned downtime",
    "Tạm ngừng toàn mạng lưới": "Network downtime",
    "Tạm ngừng hoạt động trong mạng lưới": "Planned downtime in the network",
    (
        "Tạm ngừng phải được thông báo trước ít nhất %(n)s ngày làm việc (không kể thứ Bảy, "
        "Chủ nhật và ngày lễ); chậm nhất ngày %(day)s. Nếu do bất khả kháng, hãy ghi rõ lý "
        "do."
    ): (
        "A stop must be announced at least %(n)s working days ahead (Saturdays, Sundays and "
        "public holidays not counted); by %(day)s at the latest. If it is due to force "
        "majeure, state the reason."
    ),
    "bắt đầu tạm ngừng": "stop begins",
    "cả mạng lưới": "whole network",
    "dự kiến hoạt động trở lại": "expected back",
    "lý do bất khả kháng": "force majeure reason",
    "lịch tạm ngừng hoạt động": "planned downtime",
    "người thông báo": "announced by",
    "nội dung công việc": "work to be done",
    "số ngày làm việc báo trước": "working days of notice",
    "thời điểm thông báo": "announced at",
    "Đã hủy lịch tạm ngừng.": "The planned downtime was cancelled.",
    "Đã lên lịch tạm ngừng; thông báo hiện trên trang từ %(day)s.": (
        "Downtime scheduled; the notice shows on the site from %(day)s."
    ),
    "Địa chỉ src của mã giám sát phải bắt đầu bằng https://.": (
        "The monitoring code's src address must start with https://."
    ),
    "Bắt đầu": "Starts",
    "Chưa có lịch tạm ngừng nào.": "No planned downtime.",
    "Chưa gắn mã giám sát": "No monitoring code",
    "Dự kiến trở lại": "Expected back",
    "Hiện thông báo từ": "Notice shown from",
    "Hủy lịch": "Cancel",
    "Lên lịch tạm ngừng": "Schedule downtime",
    "Lên lịch": "Schedule",
    "Lý do bất khả kháng": "Force majeure reason",
    "Người thông báo": "Announced by",
    "Thông báo tạm ngừng hoạt động": "Planned downtime notice",
    "Đã gắn": "Set",
    "%(counter)s trang chưa gắn mã giám sát (EMC).": (
        "%(counter)s site has no monitoring code (EMC).",
        "%(counter)s sites have no monitoring code (EMC).",
    ),
    (
        "Trang phải thông báo tạm ngừng chậm nhất 7 ngày làm việc trước (không kể thứ Bảy, "
        "Chủ nhật và ngày lễ), nêu thời gian dự kiến hoạt động trở lại. Thông báo với thời "
        "gian ngắn hơn chỉ được chấp nhận khi có lý do bất khả kháng, và lý do được ghi lại."
    ): (
        "A site must announce a stop at least 7 working days ahead (Saturdays, Sundays and "
        "public holidays not counted), with the expected return time. Shorter notice is "
        "accepted only for force majeure, and the reason is recorded."
    ),
    "trang tạm ngừng từ %(start)s, dự kiến hoạt động trở lại lúc %(end)s.": (
        "the site stops from %(start)s and is expected back at %(end)s."
    ),
    "Dữ liệu có cấu trúc chia sẻ qua dịch vụ web (dữ liệu mở)": (
        "Structured data shared through a web service (open data)"
    ),
    # Background tasks (issue 21)
    "Tác vụ nền": "Background tasks",
    "công việc": "job",
    "lượt": "slot",
    "Thư cho %(email)s đang được gửi.": "The e-mail to %(email)s is being sent.",
    "Đang chờ: %(waiting)s. Đang chạy: %(running)s.": "Waiting: %(waiting)s. Running: %(running)s.",
    "Tác vụ thất bại": "Failed tasks",
    "Không có tác vụ nào thất bại.": "No task has failed.",
    "Tác vụ đang chờ thử lại": "Tasks waiting to be retried",
    "Không có tác vụ nào đang chờ thử lại.": "No task is waiting to be retried.",
    # The parked search events (search.console).
    "Thay đổi tìm kiếm bị tạm dừng": "Parked search changes",
    "Chọn": "Select",
    "Thay đổi": "Change",
    "Tạm dừng lúc": "Parked at",
    "Gỡ khỏi tìm kiếm": "Removal from search",
    "Cập nhật": "Update",
    "Không có thay đổi nào bị tạm dừng.": "No search change is parked.",
    "Xem và thử lại": "View and retry",
    "Thử lại": "Retry",
    "Không chọn dòng nào: thử lại tất cả.": "With no row selected, all are retried.",
    "Đã đưa %(count)s thay đổi trở lại hàng đợi tìm kiếm.": (
        "%(count)s change(s) sent back to the search queue."
    ),
    "Chỉ mục tìm kiếm đã từ chối những thay đổi này %(max)s lần; các thay đổi khác vẫn được "
    "cập nhật. Sửa nguyên nhân (xem lỗi) rồi đưa chúng trở lại hàng đợi.": (
        "The search index refused these changes %(max)s times; other changes are still "
        "indexed. Fix the cause (see the error), then send them back to the queue."
    ),
    "Tác vụ": "Task",
    "Số lần thử": "Attempts",
    "Thời điểm": "When",
    "Lỗi": "Error",
    "Toàn hệ thống": "Whole platform",
    "Thử lại lúc": "Next try at",
    "Chi tiết": "Details",
    "Đang tạo các trang: %(done)s/%(total)s dòng đã xử lý.": (
        "Creating the sites: %(done)s/%(total)s rows done."
    ),
    "Việc nhập đang chờ được xử lý.": "The import is waiting to be processed.",
    "Trang này tự cập nhật; có thể đóng trang, việc nhập vẫn tiếp tục.": (
        "This page updates itself; you may close it, the import goes on."
    ),
    "Việc nhập không hoàn thành": "The import did not finish",
    "Trưởng ban của mỗi trang mới nhận liên kết đặt mật khẩu qua thư điện tử.": (
        "The chief of each new site receives their set-password link by e-mail."
    ),
    "Nhập tệp khác": "Import another file",
    # Consultation on drafts and satisfaction rating (issue 20)
    "lấy ý kiến dự thảo": "consultation on drafts",
    "cơ quan chủ trì soạn thảo": "drafting body",
    "ngày bắt đầu lấy ý kiến": "consultation opens on",
    "ngày kết thúc lấy ý kiến": "consultation closes on",
    "toàn văn dự thảo": "full text of the draft",
    "tệp đính kèm": "attachment",
    "tệp dự thảo và tài liệu kèm theo": "draft files and attachments",
    "địa chỉ tiếp nhận ý kiến": "address for comments",
    "Địa chỉ, thư điện tử, điện thoại của cơ quan nhận ý kiến góp ý.": (
        "Address, e-mail and phone of the body receiving comments."
    ),
    "cách thức tiếp nhận, xử lý ý kiến": "how comments are received and handled",
    "Ý kiến được tổng hợp, tiếp thu, giải trình thế nào và công khai ở đâu.": (
        "How comments are compiled, taken into account or answered, and where that is published."
    ),
    "kết quả lấy ý kiến": "consultation result",
    "Tổng hợp ý kiến nhận được, việc tiếp thu, giải trình; đăng sau khi kết thúc.": (
        "Summary of the comments received and how they were taken into account; published "
        "after closing."
    ),
    "Thông tin lấy ý kiến": "Consultation details",
    "dự thảo lấy ý kiến": "draft for comment",
    "Ngày kết thúc không thể trước ngày bắt đầu lấy ý kiến.": (
        "The closing date cannot be before the opening date."
    ),
    "Tiếp thu": "Taken into account",
    "Giải trình, không tiếp thu": "Answered, not taken into account",
    "Không liên quan đến dự thảo": "Not about the draft",
    "dự thảo": "draft",
    "họ và tên người góp ý": "commenter's name",
    "nội dung góp ý": "comment",
    "xử lý": "handling",
    "nhãn": "tags",
    "trả lời, giải trình": "answer",
    "Ý kiến góp ý": "Comment",
    "Xử lý": "Handling",
    "ý kiến góp ý dự thảo": "comment on a draft",
    "Góp ý dự thảo": "Comments on drafts",
    "Họ và tên (không bắt buộc, không công khai)": "Name (optional, never published)",
    "Nội dung góp ý": "Your comment",
    "Hãy nhập nội dung góp ý.": "Please write your comment.",
    "Góp ý quá ngắn. Hãy viết rõ ý kiến của bạn (ít nhất 10 ký tự).": (
        "The comment is too short. Please say what you think (at least 10 characters)."
    ),
    "Góp ý dài quá %(limit)s ký tự. Hãy rút gọn hoặc gửi bản đầy đủ qua thư.": (
        "The comment is longer than %(limit)s characters. Please shorten it or send the "
        "full text by post or e-mail."
    ),
    "Góp ý không được chứa mã HTML hay mã lệnh. Hãy viết bằng chữ thường.": (
        "A comment cannot contain HTML or code. Please write plain text."
    ),
    "Dự thảo này chưa mở lấy ý kiến. Thời gian góp ý bắt đầu từ %(day)s.": (
        "This draft is not open for comment yet. Comments are received from %(day)s."
    ),
    "Đã hết thời gian lấy ý kiến dự thảo này (kết thúc ngày %(day)s).": (
        "The consultation on this draft has closed (on %(day)s)."
    ),
    "Không gửi được góp ý. Hãy tải lại trang, viết góp ý rồi gửi lại.": (
        "The comment could not be sent. Please reload the page, write your comment and "
        "send it again."
    ),
    "Bạn đã gửi %(count)s góp ý trong một giờ qua. Vui lòng đợi rồi gửi tiếp.": (
        "You have sent %(count)s comments in the last hour. Please wait before sending more."
    ),
    "Góp ý này vừa được gửi. Ban biên tập đã nhận được.": (
        "This comment was just sent. The board has received it."
    ),
    "Dự thảo đang lấy ý kiến": "Drafts open for comment",
    "Hiện không có dự thảo nào đang lấy ý kiến.": "No draft is open for comment at the moment.",
    "Dự thảo sắp lấy ý kiến": "Drafts opening soon",
    "Dự thảo đã kết thúc lấy ý kiến": "Closed consultations",
    "Chưa có dự thảo nào kết thúc lấy ý kiến.": "No consultation has closed yet.",
    "Lấy ý kiến từ": "Comments from",
    "đến": "to",
    "Cơ quan chủ trì soạn thảo": "Drafting body",
    "Thời gian lấy ý kiến": "Consultation period",
    "đến hết": "until",
    "Địa chỉ tiếp nhận ý kiến": "Address for comments",
    "Số ý kiến đã nhận": "Comments received",
    "Tệp dự thảo và tài liệu kèm theo": "Draft files and attachments",
    "Toàn văn dự thảo": "Full text of the draft",
    "Cách thức tiếp nhận, xử lý ý kiến": "How comments are received and handled",
    "Kết quả lấy ý kiến": "Consultation result",
    "Đã nhận %(counter)s ý kiến góp ý.": (
        "%(counter)s comment received.",
        "%(counter)s comments received.",
    ),
    "Ban biên tập đang tổng hợp kết quả lấy ý kiến.": (
        "The board is compiling the result of the consultation."
    ),
    "Gửi góp ý": "Send a comment",
    "Cảm ơn bạn. Góp ý đã được gửi tới cơ quan soạn thảo.": (
        "Thank you. Your comment has been sent to the drafting body."
    ),
    "Trang này đã được lưu trữ nên không nhận góp ý mới.": (
        "This site is archived and takes no new comments."
    ),
    "Họ tên và thông tin liên hệ không bắt buộc và không được công khai.": (
        "Name and contact details are optional and never published."
    ),
    "Nội dung bạn đã viết:": "What you wrote:",
    "Đã hết thời gian lấy ý kiến dự thảo này.": "The consultation on this draft has closed.",
    "Dự thảo này chưa mở lấy ý kiến.": "This draft is not open for comment yet.",
    "Dự thảo đang lấy ý kiến trên các trang thành viên": "Drafts open for comment on member sites",
    "Đánh giá mức độ hài lòng": "Satisfaction rating",
    "Chất lượng thông tin": "Quality of information",
    "Hỗ trợ người dùng": "User support",
    "trang được đánh giá": "page rated",
    "ngày đánh giá": "day of rating",
    "giao diện": "interface",
    "chất lượng thông tin": "quality of information",
    "hỗ trợ người dùng": "user support",
    "ý kiến": "comment",
    "đánh giá": "rating",
    "Ý kiến thêm (không bắt buộc)": "Further comment (optional)",
    "Hãy chọn một mức từ 1 đến 5.": "Please choose a level from 1 to 5.",
    "Ý kiến dài quá %(limit)s ký tự. Hãy rút gọn.": (
        "The comment is longer than %(limit)s characters. Please shorten it."
    ),
    "Ý kiến không được chứa mã HTML hay mã lệnh. Hãy viết bằng chữ thường.": (
        "A comment cannot contain HTML or code. Please write plain text."
    ),
    "Không gửi được đánh giá. Hãy tải lại trang.": (
        "The rating could not be sent. Please reload the page."
    ),
    "Đánh giá phải được gửi từ chính trang này.": (
        "A rating must be sent from this site's own pages."
    ),
    "Trang này đã được lưu trữ nên không nhận đánh giá.": (
        "This site is archived and takes no ratings."
    ),
    "Đánh giá chưa gửi được.": "The rating was not sent.",
    "Trang này không còn nhận đánh giá.": "This page no longer takes ratings.",
    "Bạn đã gửi nhiều đánh giá trong một giờ qua. Vui lòng thử lại sau.": (
        "You have sent many ratings in the last hour. Please try again later."
    ),
    "Bạn đã đánh giá trang này hôm nay. Mỗi trình duyệt được đánh giá một lần mỗi ngày.": (
        "You have already rated this page today. Each browser can rate once a day."
    ),
    "Cảm ơn bạn đã đánh giá.": "Thank you for your rating.",
    "Đánh giá mức độ hài lòng về trang này": "How satisfied are you with this page?",
    "Đánh giá mức độ hài lòng về cổng thông tin": "How satisfied are you with this site?",
    "Đánh giá không ghi tên, địa chỉ hay bất kỳ thông tin nào về người đánh giá.": (
        "Ratings record no name, address or anything else about the person rating."
    ),
    "(1: rất không hài lòng – 5: rất hài lòng)": "(1: very dissatisfied – 5: very satisfied)",
    "Gửi đánh giá": "Send rating",
    "Gửi lại đánh giá": "Send the rating again",
    "Quay lại trang trước": "Back to the previous page",
    "Số lượt đánh giá": "Ratings",
    "Đánh giá chung về cổng thông tin": "Ratings of the whole site",
    "Điểm trung bình (thang 5)": "Average (out of 5)",
    "Điểm trung bình": "Average",
    "Ý kiến kèm theo đánh giá": "Comments with the ratings",
    "Lấy ý kiến dự thảo": "Consultation on drafts",
    # Issue 16 part 4: a parent portal shows its network (search/network.py, /xa-phuong/).
    "Tin từ các xã/phường": "News from communes and wards",
    "Nguồn và ngày đăng": "Source and date",
    "Chưa có tin nào từ các xã/phường.": "No news from communes and wards yet.",
    "Các xã, phường trong mạng lưới": "Communes and wards of the network",
    "Danh bạ các xã/phường": "Directory of communes and wards",
    "%(n)s trang thành viên": ("%(n)s member site", "%(n)s member sites"),
    "%(n)s trang khớp với “%(q)s”": (
        "%(n)s site matches “%(q)s”",
        "%(n)s sites match “%(q)s”",
    ),
    "Trang thông tin điện tử của các xã, phường, thị trấn thuộc %(name)s.": (
        "The websites of the communes, wards and townships of %(name)s."
    ),
    "Tìm xã, phường theo tên (có thể gõ không dấu)": (
        "Find a commune or ward by name (diacritics optional)"
    ),
    "Tìm": "Search",
    "Xem tất cả": "Show all",
    "đã lưu trữ": "archived",
    "Khác": "Other",
    "Không có xã, phường nào khớp. Hãy thử gõ ít chữ hơn, có thể gõ không dấu.": (
        "No commune or ward matches. Try fewer letters; diacritics are optional."
    ),
    "Chưa có trang thành viên nào.": "No member sites yet.",
    "cụm, khu vực": "group, area",
    "Cụm, khu vực": "Group, area",
    "Nhóm của trang trong danh bạ các xã/phường của cổng, ví dụ tên huyện cũ hoặc "
    "“Khu vực phía Bắc”. Để trống: xếp vào nhóm “Khác”.": (
        "The site's group in the portal's directory of communes and wards, for example a"
        " former district or “Northern area”. Blank: under “Other”."
    ),
    "Nhóm của trang trong danh bạ các xã/phường trên cổng, ví dụ tên huyện cũ hoặc "
    "“Khu vực phía Bắc”. Để trống: nhóm “Khác”.": (
        "The site's group in the portal's directory of communes and wards, for example a"
        " former district or “Northern area”. Blank: “Other”."
    ),
    "Cột: ten_don_vi, cap, ma_trang, email_truong_ban, ten_mien_khac, cum_khu_vuc (UTF-8).": (
        "Columns: ten_don_vi, cap, ma_trang, email_truong_ban, ten_mien_khac, cum_khu_vuc (UTF-8)."
    ),
    # Public chrome and metadata (issue 16: English pages in English).
    "Tìm kiếm trên mọi trang của mạng": "Search every site of the network",
    "Tìm kiếm…": "Search…",
    "Cỡ chữ và độ tương phản": "Text size and contrast",
    "Chữ nhỏ": "Smaller text",
    "Chữ thường": "Normal text",
    "Chữ lớn": "Larger text",
    "Tương phản cao": "High contrast",
    "Tuyên truyền": "Public information",
    "Đang xem thử giao diện %(name)s. Chỉ bạn thấy trang như thế này.": (
        "Previewing the theme %(name)s. Only you see the site like this."
    ),
    "Chịu trách nhiệm nội dung:": "Responsible for content:",
    "Địa chỉ:": "Address:",
    "Đường dây nóng:": "Hotline:",
    "Mạng xã hội": "Social media",
    "Cơ quan chủ quản: %(authority)s": "Owner: %(authority)s",
    "Lượt truy cập": "Visits",
    "Không tìm thấy trang": "Page not found",
    "Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ.": (
        "The page you are looking for does not exist or has been removed."
    ),
    "Về trang chủ": "Go to the home page",
    "Trang này chưa có bản tiếng Anh.": "This page has no English version yet.",
    "Cổng thông tin điện tử %(unit)s": "Web portal of %(unit)s",
    "Trang thông tin điện tử %(unit)s": "Website of %(unit)s",
    (
        "%(title)s: tin tức, văn bản, thủ tục hành chính, lịch công tác và hỏi đáp của "
        "%(authority)s."
    ): (
        "%(title)s: news, documents, administrative procedures, work schedules and questions"
        " and answers of the %(authority)s."
    ),
    "Tìm kiếm": "Search",
    "Tìm kiếm: %(q)s": "Search: %(q)s",
    "Từ khóa": "Keywords",
    "Ví dụ: chuyen doi so, tạm trú, lịch tiếp công dân": (
        "For example: chuyen doi so, tạm trú, lịch tiếp công dân"
    ),
    "Toàn mạng (mọi trang)": "The whole network (every site)",
    "Chỉ trang %(name)s": "Only %(name)s",
    "Có phải bạn muốn tìm": "Did you mean",
    "Trang kết quả": "Result pages",
    "‹ Trước": "‹ Previous",
    "Sau ›": "Next ›",
    "Trang kết quả này không còn mục nào.": "This page of results has no more items.",
    "Về trang đầu": "Back to the first page",
    "Không tìm thấy kết quả phù hợp.": "No matching results.",
    "Kiểm tra lỗi chính tả; có thể gõ không dấu, ví dụ: dak doa.": (
        "Check the spelling; you may type without diacritics, for example: dak doa."
    ),
    "Dùng ít từ hơn hoặc từ chung hơn.": "Use fewer or more general words.",
    "Bỏ bớt bộ lọc đơn vị, loại nội dung hoặc năm.": (
        "Remove some of the site, content type or year filters."
    ),
    "Tìm trên toàn mạng": "Search the whole network",
    "Thu hẹp kết quả": "Narrow the results",
    (
        "Tìm tin tức, văn bản, thủ tục hành chính và hỏi đáp trên mọi trang của mạng; gõ có dấu"
        " hay không dấu đều được."
    ): (
        "Search news, documents, administrative procedures and questions on every site of the"
        " network, with or without diacritics."
    ),
    "Không tìm thấy “%(q)s”.": "Nothing found for “%(q)s”.",
    "Kết quả cho “%(s)s”:": "Results for “%(s)s”:",
    "%(n)s kết quả cho “%(q)s”": ("%(n)s result for “%(q)s”", "%(n)s results for “%(q)s”"),
    "Từ khóa quá dài: hãy dùng tối đa %(n)s ký tự.": (
        "The search words are too long: use at most %(n)s characters."
    ),
    "Từ khóa cần có chữ hoặc số.": "The search words need letters or digits.",
    "Hơn %(n)s kết quả cho “%(q)s”, mới nhất trước": (
        "More than %(n)s results for “%(q)s”, newest first"
    ),
    # Design system (issue 16)
    "Danh mục": "Menu",
    "Xem chi tiết": "See details",
    "chữ trên nút liên kết": "link button text",
    "Ví dụ: Xem kế hoạch. Để trống: “Xem chi tiết”.": "E.g. See the plan. Empty: “See details”.",
    "Một hai câu ngắn, hiện thành chữ bên cạnh ảnh (không viết chữ lên ảnh).": (
        "One or two short sentences, shown as text beside the image (write no text on the image)."
    ),
    "Lọc văn bản": "Filter documents",
    # The server error page (500.html, issue 16).
    "Lỗi hệ thống": "System error",
    "Đã có lỗi xảy ra. Xin vui lòng thử lại sau ít phút.": (
        "Something went wrong. Please try again in a few minutes."
    ),
}


def main() -> None:
    po = polib.pofile(str(PO))
    po.metadata.update(
        {
            "Project-Id-Version": "portal-platform",
            "Language": "en",
            "Language-Team": "English",
            "Last-Translator": "Portal platform team",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    missing = []
    for entry in po:
        english = ENGLISH.get(entry.msgid)
        if english is None:
            missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            one, many = english if isinstance(english, tuple) else (english, english)
            entry.msgstr_plural = {0: one, 1: many}
        else:
            entry.msgstr = english
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.header = "English for the platform's own strings; msgids are the Vietnamese source."
    po.save()
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    if missing:
        raise SystemExit("untranslated:\n" + "\n".join(missing))


if __name__ == "__main__":
    main()
