"""The board's chief and deputy may run their own banners; the chief and the site
administrator may change the site's branding. In every schema (template and existing sites),
so every new site is born with it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Trưởng ban": (
        "change_sitebranding",
        "add_sitebanner",
        "change_sitebanner",
        "delete_sitebanner",
        "view_sitebanner",
    ),
    "Phó ban": ("add_sitebanner", "change_sitebanner", "view_sitebanner"),
    "Quản trị trang": ("change_sitebranding",),
}


def grant(apps, schema_editor):
    config = apps.get_app_config("branding")
    config.models_module = True  # permissions appear only after migrate otherwise
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="branding", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("branding", "0001_site_branding_and_banners"),
        ("editorial", "0001_board_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
