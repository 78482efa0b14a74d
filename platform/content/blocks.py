"""StreamField blocks shared by every page type (STYLE.md 5: one module, ``Block`` names).

Each block renders through its own template under ``content/blocks/`` so that a theme can
override one block without touching the pages. Images always carry alternative text: the
accessibility rules (TT 32/2017 art. 18, portal-requirements F12) require it, so the field
is mandatory rather than left to the editor's memory.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    """Running text; headings start at h2 because the page title is the only h1."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "content/blocks/paragraph_block.html"
        icon = "pilcrow"
        label = _("Đoạn văn")


class CaptionedImageBlock(blocks.StructBlock):
    """One photo with its alternative text (required), caption and credit."""

    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Văn bản thay thế"),
        max_length=250,
        help_text=_("Mô tả ảnh cho người không nhìn thấy ảnh (bắt buộc)."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Nguồn ảnh"), required=False, max_length=120)

    class Meta:
        template = "content/blocks/captioned_image_block.html"
        icon = "image"
        label = _("Ảnh có chú thích")


class GalleryBlock(blocks.StructBlock):
    """A set of photos shown as a grid (tin ảnh, bài ảnh)."""

    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Ảnh"), min_num=1)

    class Meta:
        template = "content/blocks/gallery_block.html"
        icon = "image"
        label = _("Bộ ảnh")


class VideoBlock(blocks.StructBlock):
    """A video: embedded from a video site, or an MP4 file uploaded as a document."""

    embed = EmbedBlock(label=_("Đường dẫn video (YouTube…)"), required=False)
    file = DocumentChooserBlock(label=_("Tệp video MP4"), required=False)
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    transcript = blocks.TextBlock(
        label=_("Nội dung tóm tắt"),
        required=False,
        help_text=_("Văn bản thay thế cho người không xem được video."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("embed") and not value.get("file"):
            message = _("Hãy nhập đường dẫn video hoặc chọn một tệp MP4.")
            raise blocks.StructBlockValidationError(
                block_errors={"embed": ValidationError(message)}
            )
        return value

    class Meta:
        template = "content/blocks/video_block.html"
        icon = "media"
        label = _("Video")


class AudioBlock(blocks.StructBlock):
    """An audio file (a local radio programme, an announcement) with its transcript."""

    file = DocumentChooserBlock(label=_("Tệp âm thanh MP3"))
    title = blocks.CharBlock(label=_("Tiêu đề"), required=False, max_length=200)
    transcript = blocks.TextBlock(
        label=_("Nội dung tóm tắt"),
        required=False,
        help_text=_("Văn bản thay thế cho người không nghe được."),
    )

    class Meta:
        template = "content/blocks/audio_block.html"
        icon = "media"
        label = _("Âm thanh")


class QuoteBlock(blocks.StructBlock):
    """A quotation set apart from the text, with who said it."""

    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói"), required=False, max_length=200)

    class Meta:
        template = "content/blocks/quote_block.html"
        icon = "openquote"
        label = _("Trích dẫn")


class DataTableBlock(blocks.StructBlock):
    """A table with a caption and a header row, as the accessibility rules ask."""

    caption = blocks.CharBlock(label=_("Tên bảng"), max_length=250)
    table = TableBlock(
        label=_("Bảng"),
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )

    class Meta:
        template = "content/blocks/data_table_block.html"
        icon = "table"
        label = _("Bảng")


class DocumentLinkBlock(blocks.StructBlock):
    """A downloadable file attached to an item (a plan, a form, a report)."""

    document = DocumentChooserBlock(label=_("Tệp"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, max_length=250)

    class Meta:
        template = "content/blocks/document_link_block.html"
        icon = "doc-full"
        label = _("Tệp đính kèm")


class LenientStreamBlock(blocks.StreamBlock):
    """A stream that also accepts a form posted without the block editor's fields.

    Scripts and older clients post a body as one rich-text field (Draftail JSON), as it was
    before the body became a stream; that text becomes one paragraph instead of an error.
    """

    def value_from_datadict(self, data, files, prefix):
        if f"{prefix}-count" in data:
            return super().value_from_datadict(data, files, prefix)
        raw = []
        posted = data.get(prefix)
        if posted and "paragraph" in self.child_blocks:
            from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

            try:
                html = ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(posted)
            except ValueError:
                html = ""
            if html:
                raw.append({"type": "paragraph", "value": html})
        return self.to_python(raw)

    def value_omitted_from_data(self, data, files, prefix):
        return f"{prefix}-count" not in data and prefix not in data


class BodyBlock(LenientStreamBlock):
    """The body of a news item, article or introduction."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    quote = QuoteBlock()
    table = DataTableBlock()
    document = DocumentLinkBlock()

    class Meta:
        template = "content/blocks/body_block.html"
        icon = "doc-full"


class RelatedPageBlock(blocks.PageChooserBlock):
    """A page the editor links as related to an item."""

    class Meta:
        template = "content/blocks/related_page_block.html"
        icon = "link"
        label = _("Trang liên quan")


class RelatedPagesBlock(LenientStreamBlock):
    """The related items of a news item, in the editor's order."""

    page = RelatedPageBlock()

    class Meta:
        template = "content/blocks/related_pages_block.html"
        icon = "link"


class QuickLinkBlock(blocks.StructBlock):
    """A link on the home page to an online public service or a related agency (F2)."""

    title = blocks.CharBlock(label=_("Tên"), max_length=120)
    url = blocks.URLBlock(label=_("Địa chỉ"))

    class Meta:
        template = "content/blocks/quick_link_block.html"
        icon = "link-external"
        label = _("Liên kết nhanh")


class LeaderBlock(blocks.StructBlock):
    """A leader of the unit: photo, title, duties and a short biography (C4)."""

    name = blocks.CharBlock(label=_("Họ và tên"), max_length=120)
    position = blocks.CharBlock(label=_("Chức vụ"), max_length=200)
    photo = ImageChooserBlock(label=_("Ảnh chân dung"), required=False)
    phone = blocks.CharBlock(label=_("Điện thoại"), required=False, max_length=40)
    duties = blocks.TextBlock(label=_("Nhiệm vụ đảm nhiệm"), required=False)
    biography = blocks.TextBlock(label=_("Tiểu sử tóm tắt"), required=False)

    class Meta:
        template = "content/blocks/leader_block.html"
        icon = "user"
        label = _("Lãnh đạo")


class ContactOfficerBlock(blocks.StructBlock):
    """A named contact officer with official phone and e-mail (C3, C14)."""

    name = blocks.CharBlock(label=_("Họ và tên"), max_length=120)
    position = blocks.CharBlock(label=_("Chức vụ"), max_length=200)
    unit = blocks.CharBlock(label=_("Đơn vị"), required=False, max_length=200)
    phone = blocks.CharBlock(label=_("Điện thoại"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("Thư điện tử"), required=False)
    handles_information_requests = blocks.BooleanBlock(
        label=_("Đầu mối tiếp nhận yêu cầu cung cấp thông tin"), required=False
    )

    class Meta:
        template = "content/blocks/contact_officer_block.html"
        icon = "user"
        label = _("Cán bộ đầu mối")


class ScheduleEntryBlock(blocks.StructBlock):
    """One appointment of a leaders' weekly schedule."""

    day = blocks.DateBlock(label=_("Ngày"), format="%d/%m/%Y")
    time = blocks.CharBlock(label=_("Giờ"), max_length=40, help_text=_("Ví dụ: 7 giờ 30"))
    content = blocks.TextBlock(label=_("Nội dung"))
    attendees = blocks.CharBlock(label=_("Thành phần"), max_length=300)
    location = blocks.CharBlock(label=_("Địa điểm"), max_length=300)

    class Meta:
        template = "content/blocks/schedule_entry_block.html"
        icon = "date"
        label = _("Mục lịch công tác")
