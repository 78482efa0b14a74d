from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from maintenance.models import MaintenanceWindow

WHOLE_NETWORK = "mang-luoi"


class WindowForm(forms.ModelForm):
    """A window of the instance's site (set by the view before validation)."""

    class Meta:
        model = MaintenanceWindow
        fields = ["starts_at", "ends_at", "description", "force_majeure"]
        widgets = {"starts_at": AdminDateTimeInput(), "ends_at": AdminDateTimeInput()}


class NetworkWindowForm(WindowForm):
    """The console's: the whole network, the parent portal or one member."""

    scope = forms.ChoiceField(label=_("Phạm vi"))

    class Meta(WindowForm.Meta):
        fields = ["scope", *WindowForm.Meta.fields]

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent
        self.sites = {str(site.pk): site for site in [parent, *parent.members.order_by("name")]}
        self.fields["scope"].choices = [
            (WHOLE_NETWORK, _("Cả mạng lưới (mọi trang thành viên)")),
            *((pk, site.name) for pk, site in self.sites.items()),
        ]

    def _post_clean(self):
        scope = self.cleaned_data.get("scope")
        self.instance.whole_network = scope == WHOLE_NETWORK
        self.instance.site = self.parent if scope == WHOLE_NETWORK else self.sites.get(scope)
        if self.instance.site is None:
            self.instance.site = self.parent
        super()._post_clean()
