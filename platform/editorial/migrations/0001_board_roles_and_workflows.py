"""Board groups, their permissions and the two review workflows: now the site blueprint's.

This migration used to create them in every schema; the site blueprint (``sitebuild``) does
so now, in the clone template and, through ``migrate``, in every site, from the roles declared
in ``editorial.roles``. Kept, empty, for the schemas that recorded it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = []
