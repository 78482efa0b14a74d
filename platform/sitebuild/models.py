"""The blueprint a schema was last built with: one row in the template and in each site."""

from django.db import models


class BlueprintState(models.Model):
    """Copied with the template into every new site, so a new site is up to date at once;
    ``migrate`` compares it with ``sitebuild.blueprint.fingerprint()`` across all schemas in
    one query."""

    fingerprint = models.CharField(max_length=64)
    applied_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "khung trang đã áp dụng"

    def __str__(self):
        return self.fingerprint
