"""Forms of the board screens, with the messages a commune's chief should read."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from content.models import ContributingUnit, DocumentIndexPage, SectionPage
from editorial.models import MAX_BUDGET, MAX_RATE, RoyaltyBudget, RoyaltyRate
from editorial.roles import BOARD_ROLES, CONTRIBUTOR

ROLE_CHOICES = [(role.key, role.group_name) for role in BOARD_ROLES]


def _money(limit: int) -> str:
    return f"{limit:,}".replace(",", ".")


class MemberForm(forms.Form):
    """A member's roles, unit and position; the invitation adds the e-mail address."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    roles = forms.MultipleChoiceField(
        label=_("Vai trò"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một vai trò.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=ContributingUnit.objects.all(), required=False
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if CONTRIBUTOR.key in data.get("roles", ()) and not data.get("unit"):
            self.add_error("unit", _("Cộng tác viên phải thuộc một đơn vị cung cấp tin."))
        return data


class InviteForm(MemberForm):
    field_order = ["email", "full_name", "roles", "unit", "position"]

    email = forms.EmailField(
        label=_("Thư điện tử"),
        error_messages={
            "required": _("Nhập địa chỉ thư điện tử của người được mời."),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
        },
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        users = get_user_model().objects
        if (
            users.filter(username__iexact=email).exists()
            or users.filter(email__iexact=email).exists()
        ):
            raise forms.ValidationError(_("Địa chỉ này đã có tài khoản trong trang."))
        return email


class ContributorSectionsForm(forms.Form):
    sections = forms.ModelMultipleChoiceField(
        label=_("Chuyên mục cộng tác viên được viết bài"),
        queryset=Page.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # News sections and the documents section: a contributor may draft a document too.
        # (Built here: ``type()`` reads content types, which a class body runs too early for.)
        self.fields["sections"].queryset = Page.objects.type(
            SectionPage, DocumentIndexPage
        ).order_by("path")


class AdjustRoyaltyForm(forms.Form):
    amount = forms.IntegerField(
        label=_("Số tiền mới cho tin bài (đồng)"),
        error_messages={
            "required": _("Nhập số tiền."),
            "invalid": _("Số tiền phải là số nguyên."),
        },
    )
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Cần ghi lý do điều chỉnh.")},
    )


def _check_amount(value, limit: int, what: str):
    if value is None:
        return value
    if value < 0:
        raise forms.ValidationError(_("%(what)s không được âm.") % {"what": what})
    if value > limit:
        raise forms.ValidationError(
            _("%(what)s quá lớn: tối đa %(max)s đồng. Có thể đã gõ thừa chữ số 0.")
            % {"what": what, "max": _money(limit)}
        )
    return value


class RoyaltyRateForm(forms.ModelForm):
    amount = forms.IntegerField(label=_("Mức nhuận bút (đồng)"))

    class Meta:
        model = RoyaltyRate
        fields = ["kind", "amount"]

    def clean_amount(self):
        return _check_amount(self.cleaned_data.get("amount"), MAX_RATE, _("Mức nhuận bút"))


class RoyaltyBudgetForm(forms.ModelForm):
    amount = forms.IntegerField(label=_("Kinh phí (đồng)"))
    year = forms.IntegerField(label=_("Năm"))

    class Meta:
        model = RoyaltyBudget
        fields = ["year", "amount"]

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Năm phải trong khoảng 2000–2100."))
        return year

    def clean_amount(self):
        return _check_amount(self.cleaned_data.get("amount"), MAX_BUDGET, _("Kinh phí"))
