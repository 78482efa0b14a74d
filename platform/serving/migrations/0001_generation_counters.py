"""The generation counters of the page and fragment caches (issue 19), and the sequence their
values come from (non-transactional, so a rolled-back bump never hands out a value twice)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Generation",
            fields=[
                ("scope", models.CharField(max_length=80, primary_key=True, serialize=False)),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "generation"},
        ),
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS serving_generation_seq",
            "DROP SEQUENCE IF EXISTS serving_generation_seq",
        ),
    ]
