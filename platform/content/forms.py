"""Forms citizens and editors fill in on the sites: document and procedure filters, the
question form with its spam guard and rate limit, and the upload check for documents.

Every refusal is a Vietnamese sentence that says what to do; nothing is saved on a refusal.
"""

import re
import struct
import time
import zipfile

from django import forms
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from content.models import DocumentType, DraftComment, IssuingBody, Question, Sector
from content.models.documents import fold_for_lookup
from content.validators import normalise_document_number
from portal import site_memo

MB = 1024 * 1024


class DocumentFilterForm(forms.Form):
    """The document search of C6: by number, keyword, type, issuer, sector and year."""

    so = forms.CharField(label=_("Số ký hiệu"), required=False, max_length=60)
    tukhoa = forms.CharField(label=_("Từ khóa trong trích yếu"), required=False, max_length=200)
    loai = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )
    coquan = forms.ModelChoiceField(
        label=_("Cơ quan ban hành"),
        queryset=IssuingBody.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )
    linhvuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )
    nam = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int)
    sapxep = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("moi-nhat", _("Mới ban hành trước")), ("cu-nhat", _("Cũ trước"))],
    )

    def __init__(self, *args, documents=None, listing=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices change only when a document or a list is edited: remembered per site
        # and documents list (portal.site_memo), they cost no query per page (issue 19).
        if listing is None:
            years, *lists = self._choices(documents)
        else:
            years, *lists = site_memo.remembered(
                f"document-filter:{listing.pk}", lambda: self._choices(documents)
            )
        self.fields["nam"].choices = [("", _("Tất cả")), *[(y, str(y)) for y in years]]
        for name, choices in zip(("loai", "coquan", "linhvuc"), lists, strict=True):
            self.fields[name].choices = [("", self.fields[name].empty_label), *choices]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Giá trị đã chọn không hợp lệ.")

    def _choices(self, documents) -> tuple:
        years = ()
        if documents is not None:
            dates = documents.values_list("issue_date", flat=True)
            years = tuple(sorted({d.year for d in dates if d}, reverse=True))
        return (
            years,
            *(
                tuple((item.pk, str(item)) for item in self.fields[name].queryset)
                for name in ("loai", "coquan", "linhvuc")
            ),
        )

    def filter(self, documents):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.is_bound and not self.is_valid():
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        if data.get("so"):
            number = fold_for_lookup(normalise_document_number(data["so"]))
            documents = documents.filter(lookup_text__contains=number)
        for word in fold_for_lookup(data.get("tukhoa", "")).split():
            documents = documents.filter(lookup_text__contains=word)
        if data.get("loai"):
            documents = documents.filter(document_type=data["loai"])
        if data.get("coquan"):
            documents = documents.filter(issuing_body=data["coquan"])
        if data.get("linhvuc"):
            documents = documents.filter(sector=data["linhvuc"])
        if data.get("nam"):
            documents = documents.filter(issue_date__year=data["nam"])
        if data.get("sapxep") == "cu-nhat":
            return documents.order_by("issue_date", "pk")
        return documents.order_by("-issue_date", "-pk")


class ProcedureFilterForm(forms.Form):
    """Procedures by keyword (name or national code) and sector."""

    tukhoa = forms.CharField(label=_("Tên hoặc mã thủ tục"), required=False, max_length=200)
    linhvuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Sector.objects.all(),
        required=False,
        empty_label=_("Tất cả"),
    )

    def filter(self, procedures):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        for word in fold_for_lookup(data.get("tukhoa", "")).split():
            procedures = procedures.filter(lookup_text__contains=word)
        if data.get("linhvuc"):
            procedures = procedures.filter(sector=data["linhvuc"])
        return procedures.order_by("title")


class HumanPacedForm(forms.Form):
    """The guards of a citizen's public form: a honeypot field people never fill in, and a
    signed start time, since people take longer than ``MIN_SECONDS`` to write and scripts do
    not. Mixed into the question and draft-comment forms (before ``forms.ModelForm``)."""

    MIN_SECONDS = 3
    MAX_AGE = 24 * 3600
    SALT = ""  # one per form, so a start token of one form does not pass in another

    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = self.start_token()

    @classmethod
    def start_token(cls, at: float | None = None) -> str:
        return signing.dumps(int(at if at is not None else time.time()), salt=cls.SALT)

    def looks_automated(self, cleaned: dict) -> bool:
        return bool(cleaned.get("website")) or not self._started_in_time(cleaned.get("started", ""))

    def _started_in_time(self, token: str) -> bool:
        try:
            started = signing.loads(token, salt=self.SALT, max_age=self.MAX_AGE)
        except signing.BadSignature:
            return False
        return time.time() - started >= self.MIN_SECONDS


class QuestionForm(HumanPacedForm, forms.ModelForm):
    """A citizen's question."""

    SALT = "content.question-form"

    class Meta:
        model = Question
        fields = ["name", "contact", "sector", "question"]
        labels = {
            "name": _("Họ và tên"),
            "contact": _("Điện thoại hoặc thư điện tử (không bắt buộc, không công khai)"),
            "sector": _("Lĩnh vực"),
            "question": _("Nội dung câu hỏi"),
        }
        error_messages = {
            "name": {"required": _("Hãy nhập họ và tên.")},
            "question": {"required": _("Hãy nhập nội dung câu hỏi.")},
        }
        widgets = {"question": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, fingerprint: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fingerprint = fingerprint
        self.fields["sector"].empty_label = _("Chọn lĩnh vực")
        self.fields["contact"].help_text = ""

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Hãy nhập họ và tên."))
        return name

    def clean_question(self):
        text = self.cleaned_data["question"].strip()
        if len(text) < 10:
            raise forms.ValidationError(
                _("Câu hỏi quá ngắn. Hãy viết rõ điều bạn muốn hỏi (ít nhất 10 ký tự).")
            )
        if len(text) > 5000:
            raise forms.ValidationError(_("Câu hỏi dài quá 5.000 ký tự. Hãy rút gọn."))
        return text

    def clean(self):
        cleaned = super().clean()
        if self.looks_automated(cleaned):
            raise forms.ValidationError(
                _("Không gửi được câu hỏi. Hãy tải lại trang, viết câu hỏi rồi gửi lại."),
                code="spam",
            )
        recent = Question.objects.filter(
            client_hash=self.fingerprint,
            submitted_at__gte=timezone.now() - Question.RATE_WINDOW,
        )
        if self.fingerprint and recent.count() >= Question.RATE_LIMIT:
            raise forms.ValidationError(
                _(
                    "Bạn đã gửi %(count)s câu hỏi trong một giờ qua. Vui lòng đợi rồi gửi tiếp,"
                    " hoặc gọi đường dây nóng nếu việc gấp."
                ),
                code="rate_limited",
                params={"count": Question.RATE_LIMIT},
            )
        if cleaned.get("question") and recent.filter(question=cleaned["question"]).exists():
            raise forms.ValidationError(
                _("Câu hỏi này vừa được gửi. Hãy dùng mã theo dõi đã nhận để xem kết quả."),
                code="duplicate",
            )
        return cleaned

    def save(self, commit=True):
        self.instance.client_hash = self.fingerprint
        return super().save(commit=commit)


# Markup or script in a comment is never what a citizen means to send: tags, event handlers,
# ``javascript:`` links. The text is escaped when shown anyway; refusing it keeps the board's
# admin free of pasted payloads and tells a person who pasted HTML what to do.
SCRIPTED = re.compile(r"<\s*/?\s*[a-z!?]|javascript\s*:|\bon[a-z]+\s*=", re.IGNORECASE)


class DraftCommentForm(HumanPacedForm, forms.ModelForm):
    """A citizen's comment on a draft: the question form's guards, and the draft's window."""

    SALT = "content.draft-comment-form"

    class Meta:
        model = DraftComment
        fields = ["name", "contact", "text"]
        labels = {
            "name": _("Họ và tên (không bắt buộc, không công khai)"),
            "contact": _("Điện thoại hoặc thư điện tử (không bắt buộc, không công khai)"),
            "text": _("Nội dung góp ý"),
        }
        error_messages = {"text": {"required": _("Hãy nhập nội dung góp ý.")}}
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, draft, fingerprint: str = "", today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.fingerprint = fingerprint
        self.today = today or timezone.localdate()
        self.fields["contact"].help_text = ""

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 10:
            raise forms.ValidationError(
                _("Góp ý quá ngắn. Hãy viết rõ ý kiến của bạn (ít nhất 10 ký tự).")
            )
        if len(text) > DraftComment.MAX_LENGTH:
            raise forms.ValidationError(
                _("Góp ý dài quá %(limit)s ký tự. Hãy rút gọn hoặc gửi bản đầy đủ qua thư."),
                code="too_long",
                params={"limit": "10.000"},
            )
        if SCRIPTED.search(text):
            raise forms.ValidationError(
                _("Góp ý không được chứa mã HTML hay mã lệnh. Hãy viết bằng chữ thường."),
                code="scripted",
            )
        return text

    def clean(self):
        cleaned = super().clean()
        if not self.draft.is_open(self.today):
            if self.draft.opens_on and self.today < self.draft.opens_on:
                message = _("Dự thảo này chưa mở lấy ý kiến. Thời gian góp ý bắt đầu từ %(day)s.")
                day = self.draft.opens_on
            else:
                message = _("Đã hết thời gian lấy ý kiến dự thảo này (kết thúc ngày %(day)s).")
                day = self.draft.closes_on
            raise forms.ValidationError(
                message, code="closed", params={"day": day.strftime("%d/%m/%Y") if day else ""}
            )
        if self.looks_automated(cleaned):
            raise forms.ValidationError(
                _("Không gửi được góp ý. Hãy tải lại trang, viết góp ý rồi gửi lại."),
                code="spam",
            )
        recent = DraftComment.objects.filter(
            client_hash=self.fingerprint,
            submitted_at__gte=timezone.now() - DraftComment.RATE_WINDOW,
        )
        if self.fingerprint and recent.count() >= DraftComment.RATE_LIMIT:
            raise forms.ValidationError(
                _("Bạn đã gửi %(count)s góp ý trong một giờ qua. Vui lòng đợi rồi gửi tiếp."),
                code="rate_limited",
                params={"count": DraftComment.RATE_LIMIT},
            )
        if cleaned.get("text") and recent.filter(draft=self.draft, text=cleaned["text"]).exists():
            raise forms.ValidationError(
                _("Góp ý này vừa được gửi. Ban biên tập đã nhận được."), code="duplicate"
            )
        return cleaned

    def save(self, commit=True):
        self.instance.draft = self.draft
        self.instance.client_hash = self.fingerprint
        return super().save(commit=commit)


# Files a government site needs (issue 4, "Bad input"), with a size limit each and the first
# bytes each kind of file starts with, so that a renamed .exe is refused too.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
UPLOAD_RULES = {
    "pdf": (20 * MB, (b"%PDF",)),
    "doc": (20 * MB, (OLE,)),
    "docx": (20 * MB, (ZIP,)),
    "xls": (20 * MB, (OLE,)),
    "xlsx": (20 * MB, (ZIP,)),
    "mp3": (50 * MB, (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")),
    "mp4": (200 * MB, ()),  # checked by its "ftyp" box below
}


def check_upload(upload) -> None:
    """Refuse a file of a kind the site does not publish, too large, or not what it says."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in UPLOAD_RULES:
        raise forms.ValidationError(
            _("Không nhận tệp “%(name)s”: chỉ nhận PDF, DOC, DOCX, XLS, XLSX, MP3 và MP4."),
            code="file_type",
            params={"name": name},
        )
    limit, signatures = UPLOAD_RULES[extension]
    if upload.size > limit:
        raise forms.ValidationError(
            _("Tệp “%(name)s” nặng %(size)s, quá giới hạn %(limit)s cho tệp %(kind)s."),
            code="file_size",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
                "kind": extension.upper(),
            },
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(position)
    matches = head[4:8] == b"ftyp" if extension == "mp4" else head.startswith(signatures)
    if not matches:
        raise forms.ValidationError(
            _("Tệp “%(name)s” không phải là tệp %(kind)s thật. Hãy kiểm tra lại tệp."),
            code="file_content",
            params={"name": name, "kind": extension.upper()},
        )
    try:
        whole = STRUCTURE_CHECKS.get(extension, lambda _upload: True)(upload)
    except (OSError, ValueError, zipfile.BadZipFile, struct.error):
        whole = False
    finally:
        upload.seek(position)
    if not whole:
        raise forms.ValidationError(
            _(
                "Tệp “%(name)s” bị hỏng hoặc chưa tải hết (tệp %(kind)s không trọn vẹn)."
                " Hãy mở thử tệp trên máy, lưu lại rồi tải lên lần nữa."
            ),
            code="file_truncated",
            params={"name": name, "kind": extension.upper()},
        )


# Whole-file checks (issue 14): a file cut short in transfer starts with the right bytes but
# does not open. Each reads only what it needs: the PDF's last KB, the ZIP's directory, the
# MP3's first frame header, the MP4's top-level box headers.
def _pdf_is_whole(upload) -> bool:
    upload.seek(max(0, upload.size - 1024))
    return b"%%EOF" in upload.read()


def _office_zip_is_whole(part: str):
    def check(upload) -> bool:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
        return "[Content_Types].xml" in names and part in names

    return check


def _mp3_is_whole(upload) -> bool:
    upload.seek(0)
    head = upload.read(10)
    offset = 0
    if head.startswith(b"ID3"):  # the tag's size is four 7-bit bytes ("syncsafe")
        offset = 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(head[6:10]))
    upload.seek(offset)
    frame = upload.read(2)
    return len(frame) == 2 and frame[0] == 0xFF and frame[1] & 0xE0 == 0xE0


def _mp4_is_whole(upload) -> bool:
    """Top-level boxes must tile the file and include the movie header ("moov")."""
    offset, kinds = 0, set()
    while offset < upload.size:
        upload.seek(offset)
        size, kind = struct.unpack(">I4s", upload.read(8))
        if size == 1:
            size = struct.unpack(">Q", upload.read(8))[0]
        elif size == 0:
            size = upload.size - offset
        if size < 8 or offset + size > upload.size:
            return False
        kinds.add(kind)
        offset += size
    return b"moov" in kinds


STRUCTURE_CHECKS = {
    "pdf": _pdf_is_whole,
    "docx": _office_zip_is_whole("word/document.xml"),
    "xlsx": _office_zip_is_whole("xl/workbook.xml"),
    "mp3": _mp3_is_whole,
    "mp4": _mp4_is_whole,
}


class PortalDocumentForm(BaseDocumentForm):
    """The admin's document upload form (WAGTAILDOCS_DOCUMENT_FORM_BASE) with our checks."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_upload(upload)
        return upload
