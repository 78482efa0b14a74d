"""Nothing personal is ever cached (issue 19): an admin's session, a form's errors, a preview;
forms keep working from a cached page; every view served from the cache is counted; the cached
answer carries validators and is compressed."""

import gzip

from django.core.cache import caches
from django.utils import timezone

from tests.conftest import site_client
from tests.content.test_questions import _form
from tests.serving.conftest import admin_client


def _anonymous(tenant, path="/", **extra):
    return site_client(tenant).get(path, **extra)


def test_a_logged_in_admin_never_gets_nor_leaves_a_cached_page(network, cached):
    iabang = network["iabang"]
    admin = admin_client(iabang)
    mine = admin.get("/")
    assert mine.status_code == 200 and "X-Page-Cache" not in mine
    assert _anonymous(iabang)["X-Page-Cache"] == "miss", "the admin's page was not stored"
    assert _anonymous(iabang)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in admin.get("/"), "the admin is not served the anonymous copy"


def test_a_page_that_sets_a_cookie_or_a_preview_is_not_stored(network, cached):
    iabang = network["iabang"]
    admin = admin_client(iabang)
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    with schema_context(iabang.schema_name):
        home = Page.objects.get(depth=2)
    preview = admin.get(f"/admin/pages/{home.pk}/edit/preview/")
    assert "X-Page-Cache" not in preview
    assert "X-Page-Cache" not in _anonymous(iabang, "/?giao-dien=modern")
    assert not any(key.startswith(":") and "giao-dien" in key for key in caches["pages"]._cache)


def test_a_question_form_with_errors_is_never_cached_and_posting_works_from_a_cached_page(
    network, cached
):
    from content.models import Question

    iabang = network["iabang"]
    host = iabang.get_primary_domain().domain
    path = "/hoi-dap/"
    first = _anonymous(iabang, path)
    assert first.status_code == 200
    assert 'name="csrfmiddlewaretoken"' not in first.content.decode()
    assert not first.cookies, "no CSRF cookie: the page is the same for everyone"
    assert _anonymous(iabang, path)["X-Page-Cache"] == "hit"

    client = site_client(iabang, HTTP_ORIGIN=f"http://{host}")
    client.handler.enforce_csrf_checks = True
    wrong = client.post(path, {"name": "", "question": ""})
    assert wrong.status_code == 400 and "X-Page-Cache" not in wrong
    assert "errorlist" in wrong.content.decode()
    assert "errorlist" not in _anonymous(iabang, path).content.decode()

    from django_tenants.utils import schema_context

    with schema_context(iabang.schema_name):
        before = Question.objects.count()
    form = _form()
    sent = client.post(path, form)
    assert sent.status_code == 302, sent.content.decode()[:3000]
    with schema_context(iabang.schema_name):
        assert Question.objects.count() == before + 1

    forged = site_client(iabang, HTTP_ORIGIN="https://evil.example")
    forged.handler.enforce_csrf_checks = True
    assert forged.post(path, form).status_code == 403


def test_every_view_served_from_the_cache_is_counted(network, cached):
    from reports import visits

    iabang = network["iabang"]
    agent = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}
    from django_tenants.utils import schema_context

    with schema_context(iabang.schema_name):
        key = f"visits:site:{timezone.localdate().isoformat()}"
        before = visits.cache.get(key) or 0
    for _ in range(5):
        _anonymous(iabang, "/tin-tuc/", **agent)
    assert _anonymous(iabang, "/tin-tuc/", **agent)["X-Page-Cache"] == "hit"
    with schema_context(iabang.schema_name):
        assert (visits.cache.get(key) or 0) == before + 6


def test_a_cached_page_carries_validators_is_compressed_and_answers_304(network, cached):
    iabang = network["iabang"]
    first = _anonymous(iabang)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=1, must-revalidate"
    hit = _anonymous(iabang, HTTP_ACCEPT_ENCODING="gzip, br")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == first.content
    assert hit["ETag"] == etag and hit["Last-Modified"] == modified
    assert "Cookie" not in hit.get("Vary", "")
    assert _anonymous(iabang, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert "Content-Security-Policy" in hit and "X-Frame-Options" in hit
