"""The rating form: four scores on a 1–5 scale, an optional short comment, a honeypot."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ratings.models import CRITERIA, SCALE

COMMENT_LIMIT = 1000
SCRIPTED = re.compile(r"<\s*/?\s*[a-z!?]|javascript\s*:|\bon[a-z]+\s*=", re.IGNORECASE)
CHOICES = [(n, str(n)) for n in range(SCALE[0], SCALE[1] + 1)]


class RatingForm(forms.Form):
    trang = forms.IntegerField(required=False, widget=forms.HiddenInput)
    interface = forms.TypedChoiceField(label=CRITERIA[0][1], choices=CHOICES, coerce=int)
    content = forms.TypedChoiceField(label=CRITERIA[1][1], choices=CHOICES, coerce=int)
    quality = forms.TypedChoiceField(label=CRITERIA[2][1], choices=CHOICES, coerce=int)
    support = forms.TypedChoiceField(label=CRITERIA[3][1], choices=CHOICES, coerce=int)
    comment = forms.CharField(
        label=_("Ý kiến thêm (không bắt buộc)"), required=False, widget=forms.Textarea
    )
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, _label in CRITERIA:
            self.fields[name].error_messages = {
                "required": _("Hãy chọn một mức từ 1 đến 5."),
                "invalid_choice": _("Hãy chọn một mức từ 1 đến 5."),
            }

    def clean_comment(self):
        text = " ".join(self.cleaned_data["comment"].split(" ")).strip()
        if len(text) > COMMENT_LIMIT:
            raise forms.ValidationError(
                _("Ý kiến dài quá %(limit)s ký tự. Hãy rút gọn."),
                code="too_long",
                params={"limit": "1.000"},
            )
        if SCRIPTED.search(text):
            raise forms.ValidationError(
                _("Ý kiến không được chứa mã HTML hay mã lệnh. Hãy viết bằng chữ thường."),
                code="scripted",
            )
        return text

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Không gửi được đánh giá. Hãy tải lại trang."))
        return ""
