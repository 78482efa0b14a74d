"""The review choice in the board's settings, default royalty rates, and the rights of the
chief (rates, budget, ledger, settings) and the site administrator (settings) in every schema.

Runs in the clone template and in every existing site, so clones get the rates for free.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations, models

import editorial.models
from editorial.roles import CHIEF, SITE_ADMIN

# Đồng per published item: a commune board's usual rates (Decree 18/2014 leaves the figure to
# each agency within its budget); the chief changes them on the "Mức nhuận bút" screen.
DEFAULT_RATES = {
    "tin": 100_000,
    "bai": 300_000,
    "tin-anh": 150_000,
    "bai-anh": 400_000,
    "video": 500_000,
    "audio": 300_000,
}
RIGHTS = {
    CHIEF.group_name: (
        "add_royaltyrate",
        "change_royaltyrate",
        "view_royaltyrate",
        "add_royaltybudget",
        "change_royaltybudget",
        "view_royaltybudget",
        "add_royaltyline",
        "view_royaltyline",
        "change_boardsettings",
    ),
    SITE_ADMIN.group_name: ("change_boardsettings",),
}


def seed(apps, schema_editor):
    app_config = apps.get_app_config("editorial")
    app_config.models_module = True  # permissions appear only after migrate otherwise
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    RoyaltyRate = apps.get_model("editorial", "RoyaltyRate")
    for kind, amount in DEFAULT_RATES.items():
        RoyaltyRate.objects.get_or_create(kind=kind, defaults={"amount": amount})

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in RIGHTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="editorial", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editorial_records"),
    ]

    operations = [
        migrations.AddField(
            model_name="boardsettings",
            name="approval_steps",
            field=models.PositiveSmallIntegerField(
                choices=[
                    (1, "Một bước: Trưởng ban duyệt"),
                    (2, "Hai bước: Phó ban, rồi Trưởng ban"),
                ],
                default=editorial.models.current_approval_steps,
                help_text="Áp dụng ngay cho các tin bài gửi duyệt sau khi lưu.",
                verbose_name="quy trình duyệt tin",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
