"""The generation counters (public schema): one row per site (``site:<schema>``) and one for
the network (``network``)."""

from django.db import models


class Generation(models.Model):
    """A counter bumped by every change that may show on a site's public pages.

    Values come from one PostgreSQL sequence, which never goes back even when a transaction
    is rolled back: a value once used for cache keys is never used again for other content.
    """

    scope = models.CharField(max_length=80, primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "generation"

    def __str__(self):
        return f"{self.scope}={self.value}"
