"""The admin's image upload (WAGTAILIMAGES_IMAGE_FORM_BASE): a broken image is a form error.

Wagtail's ``WagtailImageField`` asks Pillow only for the header, and lets Pillow's own errors
through: a GIF with a valid signature and garbage after it, or a PNG/JPEG cut short, gave a
500 (issue 14), and a truncated file that did open was stored and failed later, at each
rendition. We bend the field (the form base is Wagtail's documented extension point, used by
the single upload, the multiple upload and the chooser's upload alike) to decode the first
frame at upload time and turn every failure into a Vietnamese form error; nothing is stored.
Decompression bombs are refused before decoding: Pillow's warning is raised as an error, and
WAGTAILIMAGES_MAX_IMAGE_PIXELS (settings) bounds what may be decoded at all.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

BROKEN_IMAGE = _(
    "Không đọc được tệp này như một ảnh: tệp bị hỏng, chưa tải hết hoặc không phải là ảnh."
    " Hãy mở thử ảnh trên máy rồi tải lên lại (JPG, PNG, GIF hoặc WEBP)."
)
TOO_MANY_PIXELS = _(
    "Ảnh quá lớn: %(num_pixels)s điểm ảnh, tối đa %(max_pixels_count)s."
    " Hãy thu nhỏ ảnh rồi tải lên lại."
)


class PortalImageField(WagtailImageField):
    default_error_messages = {
        "invalid_image": BROKEN_IMAGE,
        "file_too_many_pixels": TOO_MANY_PIXELS,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = BROKEN_IMAGE
        self.error_messages["file_too_many_pixels"] = TOO_MANY_PIXELS

    def to_python(self, data):
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            try:
                upload = super().to_python(data)
                if upload is not None:
                    self._decode_first_frame(upload)
            except ValidationError:
                raise
            except Exception as error:  # noqa: BLE001 - any decoder failure is a broken file
                raise ValidationError(BROKEN_IMAGE, code="invalid_image") from error
        return upload

    @staticmethod
    def _decode_first_frame(upload) -> None:
        position = upload.tell()
        upload.seek(0)
        try:
            with PILImage.open(upload) as image:
                image.load()
        finally:
            upload.seek(position)


class PortalImageForm(BaseImageForm):
    """Wagtail's image form with ``PortalImageField`` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            replacement = PortalImageField(
                label=field.label, required=field.required, help_text=field.help_text
            )
            replacement.widget = field.widget
            self.fields["file"] = replacement
