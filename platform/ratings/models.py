"""Satisfaction ratings (đánh giá mức độ hài lòng, F8) without anything that names the rater.

Decree 224 art. 10(3)(b) asks that the rater's identity be protected, so a ``Rating`` holds
the four scores, an optional comment, the page rated (or none: the site as a whole) and the
day, and nothing else: no address, no browser, no time of day, no cookie.

One rating per browser per page per day is enforced apart from the ratings, by ``RatingMark``:
a keyed hash (HMAC-SHA256) of client address, user agent, page and day, under a random key of
that day (``RatingKey``). Why a mark cannot identify the rater:

* a mark has no link to the rating it allowed (no key, no id order: its primary key is the
  hash itself, and a rating records only its day);
* the hash cannot be reversed, and recomputing it for a suspected address needs the day's key,
  which is random (not derived from ``SECRET_KEY``) and lives only in this table;
* the day after, the key and every mark of the day are deleted (``purge``), so nothing is left
  from which anyone, the operator included, could test whether a person rated.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, time

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCALE = (1, 5)
CRITERIA = (
    ("interface", _("Giao diện")),
    ("content", _("Nội dung")),
    ("quality", _("Chất lượng thông tin")),
    ("support", _("Hỗ trợ người dùng")),
)


def _score(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(SCALE[0]), MaxValueValidator(SCALE[1])]
    )


class Rating(models.Model):
    """One anonymous rating of a page, or of the whole site when ``page`` is empty."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang được đánh giá"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("ngày đánh giá"), default=timezone.localdate, db_index=True)
    interface = _score(_("giao diện"))
    content = _score(_("nội dung"))
    quality = _score(_("chất lượng thông tin"))
    support = _score(_("hỗ trợ người dùng"))
    comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.day}: {self.overall:.1f}"

    @property
    def overall(self) -> float:
        return (self.interface + self.content + self.quality + self.support) / 4


class RatingKey(models.Model):
    """The random key of one day; deleted with that day's marks once the day is over."""

    day = models.DateField(primary_key=True)
    key = models.CharField(max_length=64)

    def __str__(self):
        return str(self.day)


class RatingMark(models.Model):
    """That some browser rated some page today (``token``), and an hour counter of the same
    client (``client``, keyed by the same daily key) for the rate limit."""

    token = models.CharField(max_length=64, primary_key=True)
    client = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.token[:8]


def day_key(day) -> bytes:
    """Today's random key, made on first use; a concurrent first use reads the winner's."""
    found = RatingKey.objects.filter(day=day).first()
    if found is None:
        try:
            with transaction.atomic():
                found = RatingKey.objects.create(day=day, key=secrets.token_hex(32))
        except IntegrityError:
            found = RatingKey.objects.get(day=day)
    return found.key.encode()


def keyed(key: bytes, *parts) -> str:
    message = "\x1f".join(str(part) for part in parts).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def purge(today) -> None:
    """Forget every key and mark of an earlier day (see the module's docstring)."""
    RatingKey.objects.filter(day__lt=today).delete()
    start = timezone.make_aware(datetime.combine(today, time.min))
    RatingMark.objects.filter(at__lt=start).delete()
