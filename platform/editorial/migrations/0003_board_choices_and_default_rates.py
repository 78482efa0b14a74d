"""The review choice in the board's settings.

The default royalty rates and the rights of the chief and the site administrator that this
migration used to grant now belong to the site blueprint (``sitebuild.lists`` and the roles of
``editorial.roles``), applied by ``migrate`` to the template and to every site.
"""

from django.db import migrations, models

import editorial.models


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
    ]
