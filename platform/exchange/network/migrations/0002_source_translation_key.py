"""Exchange rows keep their source page's ``translation_key`` (the page's identity across
copies; its id is not): nullable, since a row whose page is gone has none to keep. The
once-per-page constraints take the key in, so a page that took a deleted page's id has a
row of its own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exchange_network", "0001_cross_site_exchange"),
        ("tenants", "0006_directory_group"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="dispatch", name="exchange_dispatch_once"),
        migrations.RemoveConstraint(model_name="submission", name="exchange_submission_once"),
        migrations.AddField(
            model_name="dispatch",
            name="source_translation_key",
            field=models.UUIDField(blank=True, null=True, verbose_name="định danh trang ở cổng"),
        ),
        migrations.AddField(
            model_name="submission",
            name="source_translation_key",
            field=models.UUIDField(blank=True, null=True, verbose_name="định danh tin ở trang gửi"),
        ),
        migrations.AddConstraint(
            model_name="dispatch",
            constraint=models.UniqueConstraint(
                fields=("portal", "source_page_id", "source_translation_key"),
                name="exchange_dispatch_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="submission",
            constraint=models.UniqueConstraint(
                fields=("source", "source_page_id", "source_translation_key"),
                name="exchange_submission_once",
            ),
        ),
    ]
