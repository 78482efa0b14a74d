"""The board's chief and deputy may run their own banners; the chief and the site
administrator may change the site's branding. In every schema (template and existing sites),
so every new site is born with it.

The groups are fetched or created by name, as editorial's own migration does, rather than
depending on that migration: a site whose editorial history is replayed (``migrate`` after a
repair) must not find this one "applied before its dependency"."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import CHIEF, DEPUTY, SITE_ADMIN

GRANTS = {
    CHIEF.group_name: (
        "change_sitebranding",
        "add_sitebanner",
        "change_sitebanner",
        "delete_sitebanner",
        "view_sitebanner",
    ),
    DEPUTY.group_name: ("add_sitebanner", "change_sitebanner", "view_sitebanner"),
    SITE_ADMIN.group_name: ("change_sitebranding",),
}


def grant(apps, schema_editor):
    config = apps.get_app_config("branding")
    config.models_module = True  # permissions appear only after migrate otherwise
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="branding", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("branding", "0001_site_branding_and_banners"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
