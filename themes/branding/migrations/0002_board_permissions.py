"""The board's rights on branding and banners: now declared on the roles (``editorial.roles``)
and granted by the site blueprint (``sitebuild``) through ``migrate``. Kept, empty, for the
schemas that recorded it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("branding", "0001_site_branding_and_banners"),
    ]

    operations = []
