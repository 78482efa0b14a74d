"""A member's group in the parent portal's directory of its members (issue 16, part 4).

One column of the public schema's ``tenants_tenant``, blank by default: PostgreSQL adds it
without rewriting the table, and no site's schema is behind for it (tenants.upgrades).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0005_chief_emails"),
    ]

    operations = [
        migrations.AddField(
            model_name="tenant",
            name="group",
            field=models.CharField(
                blank=True,
                help_text="Nhóm của trang trong danh bạ các xã/phường của cổng, ví dụ tên huyện cũ hoặc “Khu vực phía Bắc”. Để trống: xếp vào nhóm “Khác”.",
                max_length=100,
                verbose_name="cụm, khu vực",
            ),
        ),
    ]
