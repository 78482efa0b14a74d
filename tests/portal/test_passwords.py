"""Passwords are stored as argon2id at our parameters, and the PBKDF2 hashes made before the
switch still open the admin (issue 21, part 3). The test settings hash with MD5 for speed:
these tests put the production list back."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django_tenants.utils import schema_context

from portal.settings import base
from tests.conftest import site_client
from tests.factories import PASSWORD, board, commune

PBKDF2 = "django.contrib.auth.hashers.PBKDF2PasswordHasher"


def _stored_password(tenant, username):
    with schema_context(tenant.schema_name):
        return get_user_model().objects.get(username=username).password


@pytest.fixture
def site_with_pbkdf2_chief(db, demo_network):
    """A commune whose chief's password was set before the switch, with Django's PBKDF2."""
    tenant = commune(demo_network["dakdoa"])
    with override_settings(PASSWORD_HASHERS=[PBKDF2]):
        board(tenant)
    assert _stored_password(tenant, "truongban").startswith("pbkdf2_sha256$1000000$")
    return tenant


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_existing_pbkdf2_user_logs_in_and_is_rehashed_as_argon2id(site_with_pbkdf2_chief):
    site = site_with_pbkdf2_chief
    response = site_client(site).post(
        "/admin/login/", {"username": "truongban", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert _stored_password(site, "truongban").startswith("argon2$argon2id$v=19$m=32768,t=2,p=1$")

    # The rewritten hash opens the admin too; a wrong password still does not.
    again = site_client(site)
    assert (
        again.post("/admin/login/", {"username": "truongban", "password": PASSWORD}).status_code
        == 302
    )
    assert again.get("/admin/").status_code == 200
    wrong = site_client(site).post("/admin/login/", {"username": "truongban", "password": "sai"})
    assert wrong.status_code == 200


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_new_passwords_meet_owasp_argon2id_minimum(db):
    from django.contrib.auth.hashers import identify_hasher, make_password

    encoded = make_password(PASSWORD)
    details = identify_hasher(encoded).decode(encoded)
    assert details["variety"] == "argon2id"
    assert details["memory_cost"] >= 19 * 1024
    assert details["time_cost"] >= 2
    assert details["parallelism"] == 1
