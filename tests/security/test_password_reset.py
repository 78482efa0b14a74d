"""Finding 5 of issue 14: reset e-mails linked to WAGTAILADMIN_BASE_URL (localhost), and an
unknown address answered visibly faster than a known one."""

from django.contrib.auth import tokens
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from tenants import password_reset
from tests.security.conftest import make_user

RESET = "/admin/password_reset/"


def client_of(tenant, **extra):
    return Client(HTTP_HOST=tenant.get_primary_domain().domain, **extra)


def test_the_reset_link_leads_to_the_users_own_site_and_port(commune, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://localhost:8000"
    make_user(commune, "canbo", email="canbo@xa.gov.vn")
    host = commune.get_primary_domain().domain
    response = client_of(commune).post(RESET, {"email": "canbo@xa.gov.vn"}, SERVER_PORT="8080")
    assert response.status_code == 302
    [message] = mail.outbox
    assert f"http://{host}:8080/admin/password_reset/confirm/" in message.body
    assert "localhost:8000" not in message.body
    link = message.body.split(f"http://{host}:8080", 1)[1].split()[0]
    follow = client_of(commune).get(link, follow=True)
    assert 'name="new_password1"' in follow.content.decode()  # the link works on that site


def test_a_user_of_another_site_gets_no_link_from_this_one(commune, parent_portal):
    make_user(parent_portal, "canbohuyen", email="canbo@huyen.gov.vn")
    response = client_of(commune).post(RESET, {"email": "canbo@huyen.gov.vn"})
    assert response.status_code == 302
    assert mail.outbox == []


def _work(tenant, email, monkeypatch):
    """What a reset request for ``email`` does: templates rendered, tokens made, queries."""
    rendered, made = [], []
    real_render = password_reset.loader.render_to_string
    real_token = tokens.default_token_generator.make_token
    monkeypatch.setattr(
        password_reset.loader,
        "render_to_string",
        lambda name, context=None, *a, **k: rendered.append(name) or real_render(name, context),
    )
    monkeypatch.setattr(
        tokens.default_token_generator,
        "make_token",
        lambda user: made.append(user.email) or real_token(user),
    )
    client = client_of(tenant)
    client.get(RESET)  # session and CSRF cookie, outside the measured request
    with CaptureQueriesContext(connection) as queries:
        response = client.post(RESET, {"email": email})
    monkeypatch.undo()
    tables = [q["sql"].split(" FROM ")[1].split()[0] for q in queries if " FROM " in q["sql"]]
    return response, rendered, len(made), tables


def test_an_unknown_address_does_the_same_work_as_a_known_one(commune, monkeypatch):
    make_user(commune, "canbo", email="canbo@xa.gov.vn")
    known = _work(commune, "canbo@xa.gov.vn", monkeypatch)
    sent = len(mail.outbox)
    unknown = _work(commune, "khongco@xa.gov.vn", monkeypatch)
    assert sent == 1 and len(mail.outbox) == 1  # nothing went to the unknown address
    assert (unknown[0].status_code, unknown[0]["Location"]) == (
        known[0].status_code,
        known[0]["Location"],
    )
    assert unknown[1] == known[1]  # the same templates rendered
    assert unknown[2] == known[2] == 1  # one token made each time
    assert unknown[3] == known[3]  # the same queries on the same tables


def test_the_mail_leaves_only_after_the_response(commune, rf):
    make_user(commune, "canbo", email="canbo@xa.gov.vn")
    request = rf.post(
        RESET, {"email": "canbo@xa.gov.vn"}, HTTP_HOST=commune.get_primary_domain().domain
    )
    request.tenant = commune
    request._dont_enforce_csrf_checks = True
    with schema_context(commune.schema_name):
        response = password_reset.SiteLinkPasswordResetView.as_view()(request)
        assert response.status_code == 302
        assert mail.outbox == []  # the answer is ready, nothing sent yet
        response.close()  # what the server does once the answer is delivered
    assert len(mail.outbox) == 1
