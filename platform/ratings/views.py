"""POST /danh-gia/: one anonymous rating of a page or of the site (F8).

The widget sits on pages the public page cache may serve to everyone, so its form carries no
per-visitor CSRF token. Instead the endpoint accepts a POST only when its Origin (or, lacking
that, its Referer) is this very site: a form on another site cannot post a rating in a
visitor's name. A rating changes nothing a visitor owns, so this is the protection CSRF would
give. The answer is a page of its own (never cached), readable without JavaScript.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal.clients import client_address
from ratings.forms import RatingForm
from ratings.models import Rating, RatingMark, day_key, keyed, purge

RATE_LIMIT = 20  # ratings per client…
RATE_WINDOW = timedelta(hours=1)  # …in this window


def same_site(request) -> bool:
    """The POST came from a page of this host (Origin, else Referer)."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        return False
    return urlsplit(source).netloc.lower() == request.get_host().lower()


def _back_url(request, page) -> str:
    if page is not None:
        return page.url or "/"
    referer = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(referer, {request.get_host()}):
        return referer
    return "/"


def _answer(request, status, message, *, form=None, page=None):
    context = {
        "message": message,
        "form": form,
        "rated_page": page,
        "back_url": _back_url(request, page),
        "status": status,
        "rating_answer": True,
    }
    return TemplateResponse(request, "ratings/answer.html", context, status=status)


@csrf_exempt
@never_cache
@require_POST
def rate(request):
    if not same_site(request):
        return _answer(request, 403, _("Đánh giá phải được gửi từ chính trang này."))
    if getattr(request, "site_archived", False):
        return _answer(request, 403, _("Trang này đã được lưu trữ nên không nhận đánh giá."))
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _answer(request, 400, _("Đánh giá chưa gửi được."), form=form)
    page = None
    if form.cleaned_data.get("trang"):
        page = Page.objects.live().public().filter(pk=form.cleaned_data["trang"]).first()
        if page is None:
            return _answer(request, 404, _("Trang này không còn nhận đánh giá."))
        page = page.specific
    today = timezone.localdate()
    purge(today)
    key = day_key(today)
    agent = request.headers.get("User-Agent", "")
    address = client_address(request) or ""
    client = keyed(key, "client", address)
    if (
        RatingMark.objects.filter(client=client, at__gte=timezone.now() - RATE_WINDOW).count()
        >= RATE_LIMIT
    ):
        return _answer(
            request,
            429,
            _("Bạn đã gửi nhiều đánh giá trong một giờ qua. Vui lòng thử lại sau."),
            page=page,
        )
    token = keyed(key, "rating", address, agent, page.pk if page else "site", today)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            RatingMark.objects.create(token=token, client=client)
            Rating.objects.create(
                page=page,
                day=today,
                **{name: data[name] for name in ("interface", "content", "quality", "support")},
                comment=data["comment"],
            )
    except IntegrityError:
        return _answer(
            request,
            409,
            _("Bạn đã đánh giá trang này hôm nay. Mỗi trình duyệt được đánh giá một lần mỗi ngày."),
            page=page,
        )
    return _answer(request, 201, _("Cảm ơn bạn đã đánh giá."), page=page)
