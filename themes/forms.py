"""Forms of the network console's theme and banner screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tenants.models import Tenant
from themes import registry
from themes.models import MAX_BANNER_IMAGE, CampaignBanner

LOCAL_DATETIME = "%Y-%m-%dT%H:%M"


class NetworkThemeForm(forms.Form):
    theme = forms.ChoiceField(label=_("Giao diện của cả mạng lưới"), choices=registry.choices)


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's date-time picker; values are read in Asia/Ho_Chi_Minh (TIME_ZONE)."""

    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=LOCAL_DATETIME, **kwargs)


class CampaignBannerForm(forms.ModelForm):
    class Meta:
        model = CampaignBanner
        fields = [
            "title",
            "text",
            "image",
            "link",
            "link_text",
            "starts_at",
            "ends_at",
            "target",
            "sites",
            "kind",
        ]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "text": forms.Textarea({"rows": 3}),
            "sites": forms.CheckboxSelectMultiple,
            "target": forms.RadioSelect,
        }
        help_texts = {
            "text": _("Một hai câu ngắn, hiện thành chữ bên cạnh ảnh (không viết chữ lên ảnh)."),
            "starts_at": _("Giờ Việt Nam (UTC+7)."),
            "ends_at": _("Giờ Việt Nam (UTC+7). Băng rôn thôi hiện đúng lúc này."),
        }

    def __init__(self, *args, portal: Tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal = portal
        self.instance.portal = portal
        network = Tenant.objects.filter(pk=portal.pk) | Tenant.objects.filter(parent=portal)
        self.fields["sites"].queryset = network.order_by("name")
        self.fields["kind"].choices = [("", "—")] + list(Tenant.Kind.choices)

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and getattr(image, "size", 0) > MAX_BANNER_IMAGE:
            raise forms.ValidationError(_("Ảnh quá lớn: tối đa 1 MB."))
        return image

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target == CampaignBanner.Target.CHOSEN and not data.get("sites"):
            self.add_error("sites", _("Hãy chọn ít nhất một trang."))
        return data
