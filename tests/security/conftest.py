"""A network of our own for the attacks: a parent portal and one of its communes, created in
the test (rolled back with it), each with a superuser, a site administrator and a chief."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context

from editorial.board import create_network_admins_group
from editorial.roles import CHIEF, SITE_ADMIN
from tenants.services import create_site
from tests.conftest import site_client

PASSWORD = "Mat-khau-thu-2026"


def make_user(tenant, username, *group_names, superuser=False, email=""):
    with schema_context(tenant.schema_name):
        user = get_user_model().objects.create_user(
            username,
            email=email or f"{username}@{tenant.slug}.gov.vn",
            password=PASSWORD,
            is_superuser=superuser,
            is_staff=superuser,
            first_name=username,
            last_name="Thử",
        )
        for name in group_names:
            if name == "Quản trị mạng lưới":
                user.groups.add(create_network_admins_group())
            else:
                user.groups.add(Group.objects.get(name=name))
    return user


def login(tenant, username, password=PASSWORD):
    client = site_client(tenant)
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, f"{username} should log in on {tenant.slug}"
    return client


@pytest.fixture
def parent_portal(db, demo_network):
    tenant = create_site(
        name="Huyện Thử Nghiệm", kind="district", slug="huyenthu", domain="huyenthu.localhost"
    ).tenant
    make_user(tenant, "sieuquantri", superuser=True)
    make_user(tenant, "quantri", SITE_ADMIN.group_name)
    make_user(tenant, "mangluoi", "Quản trị mạng lưới")
    make_user(tenant, "truongban", CHIEF.group_name)
    return tenant


@pytest.fixture
def commune(parent_portal):
    tenant = create_site(name="Xã Thử Nghiệm", kind="commune", parent=parent_portal).tenant
    make_user(tenant, "sieuquantri", superuser=True)
    make_user(tenant, "quantri", SITE_ADMIN.group_name)
    make_user(tenant, "truongban", CHIEF.group_name)
    return tenant
