"""Finding 1 of issue 14: a site administrator made himself superuser, then network
administrator. Each test is the attack, through one path that changes a user, and checks the
refusal and that no account changed."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context

from editorial.board import create_network_admins_group
from editorial.roles import CHIEF, DEPUTY, EDITOR, NETWORK_ADMINS, SITE_ADMIN
from tests.security.conftest import login, make_user


def accounts(tenant):
    """Every account's name, rights, password hash and groups: what an attack would change."""
    with schema_context(tenant.schema_name):
        return {
            user.username: (
                user.is_superuser,
                user.is_active,
                user.password,
                sorted(group.name for group in user.groups.all()),
            )
            for user in get_user_model().objects.prefetch_related("groups")
        }


def group_pk(tenant, name):
    with schema_context(tenant.schema_name):
        return Group.objects.get(name=name).pk


def user_pk(tenant, username):
    with schema_context(tenant.schema_name):
        return get_user_model().objects.get(username=username).pk


def new_user_data(username="moi", **extra):
    return {
        "username": username,
        "email": f"{username}@xa.gov.vn",
        "first_name": "Người",
        "last_name": "Mới",
        "password1": "Mat-khau-moi-2026",
        "password2": "Mat-khau-moi-2026",
        **extra,
    }


def edit_data(tenant, username, **extra):
    with schema_context(tenant.schema_name):
        user = get_user_model().objects.get(username=username)
        data = {
            "username": user.username,
            "email": user.email or f"{username}@xa.gov.vn",
            "first_name": user.first_name or "Tên",
            "last_name": user.last_name or "Họ",
            "is_active": "on",
            "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        }
    data.update(extra)
    return data


# --- Wagtail's user screens --------------------------------------------------------------------


def test_site_admin_is_offered_neither_is_superuser_nor_the_network_group(parent_portal):
    client = login(parent_portal, "quantri")
    page = client.get("/admin/users/new/").content.decode()
    assert 'name="groups"' in page
    assert 'name="is_superuser"' not in page
    assert NETWORK_ADMINS not in page
    assert EDITOR.group_name in page  # the board's roles are still on offer


def test_site_admin_cannot_tick_is_superuser_on_new_user(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    response = client.post("/admin/users/new/", new_user_data(is_superuser="on"))
    assert response.status_code == 200  # the form again, with the reason
    assert "Chỉ quản trị viên cấp cao nhất mới được cấp quyền quản trị toàn phần." in (
        response.content.decode()
    )
    assert accounts(parent_portal) == before


def test_site_admin_cannot_give_the_network_group_to_a_new_user(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    network = group_pk(parent_portal, NETWORK_ADMINS)
    response = client.post("/admin/users/new/", new_user_data(groups=[str(network)]))
    assert response.status_code == 200
    assert accounts(parent_portal) == before


def test_site_admin_cannot_give_the_network_group_to_an_existing_user(parent_portal):
    make_user(parent_portal, "bientap", EDITOR.group_name)
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    network = group_pk(parent_portal, NETWORK_ADMINS)
    data = edit_data(parent_portal, "bientap")
    data["groups"].append(str(network))
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'bientap')}/", data)
    assert response.status_code == 200
    assert accounts(parent_portal) == before


def test_site_admin_cannot_make_an_existing_user_superuser(parent_portal):
    make_user(parent_portal, "bientap", EDITOR.group_name)
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    data = edit_data(parent_portal, "bientap", is_superuser="on")
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'bientap')}/", data)
    assert response.status_code == 200
    assert accounts(parent_portal) == before


def test_site_admin_cannot_open_a_superusers_edit_page(parent_portal):
    client = login(parent_portal, "quantri")
    response = client.get(f"/admin/users/edit/{user_pk(parent_portal, 'sieuquantri')}/")
    assert response.status_code == 302
    messages = client.get(response["Location"]).content.decode()
    assert "Chỉ quản trị viên cấp cao nhất mới được thay đổi tài khoản này." in messages


def test_site_admin_cannot_set_a_new_password_on_a_superuser(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    data = edit_data(
        parent_portal, "sieuquantri", password1="Chiem-quyen-2026", password2="Chiem-quyen-2026"
    )
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'sieuquantri')}/", data)
    assert response.status_code == 302
    assert accounts(parent_portal) == before
    assert site_login_fails(parent_portal, "sieuquantri", "Chiem-quyen-2026")


def site_login_fails(tenant, username, password):
    from tests.conftest import site_client

    response = site_client(tenant).post(
        "/admin/login/", {"username": username, "password": password}
    )
    return response.status_code == 200


def test_site_admin_cannot_set_a_new_password_on_a_network_administrator(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    data = edit_data(
        parent_portal, "mangluoi", password1="Chiem-quyen-2026", password2="Chiem-quyen-2026"
    )
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'mangluoi')}/", data)
    assert response.status_code == 302
    assert accounts(parent_portal) == before


def test_site_admin_cannot_deactivate_a_superuser_on_the_edit_page(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    data = edit_data(parent_portal, "sieuquantri")
    del data["is_active"]
    client.post(f"/admin/users/edit/{user_pk(parent_portal, 'sieuquantri')}/", data)
    assert accounts(parent_portal) == before


def test_site_admin_cannot_delete_a_superuser_or_a_network_administrator(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    for username in ("sieuquantri", "mangluoi"):
        url = f"/admin/users/delete/{user_pk(parent_portal, username)}/"
        assert client.get(url).status_code == 302
        assert client.post(url).status_code == 302
    assert accounts(parent_portal) == before


def test_commune_superuser_cannot_give_the_network_group(commune):
    """The commune's superuser may make superusers in the commune, but never hand out the
    network administrators' group there (it means nothing below a parent portal)."""
    with schema_context(commune.schema_name):
        network = create_network_admins_group().pk
    before = accounts(commune)
    client = login(commune, "sieuquantri")
    response = client.post("/admin/users/new/", new_user_data(groups=[str(network)]))
    assert response.status_code == 200
    assert accounts(commune) == before


# --- bulk actions ------------------------------------------------------------------------------


def bulk_url(action, *pks):
    ids = "&".join(f"id={pk}" for pk in pks)
    return f"/admin/bulk/auth/user/{action}/?next=/admin/users/&{ids}"


def test_site_admin_cannot_bulk_deactivate_a_superuser(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    target = user_pk(parent_portal, "sieuquantri")
    client.post(bulk_url("set_active_state", target), {"mark_as_active": "False"})
    assert accounts(parent_portal) == before


def test_site_admin_cannot_bulk_delete_a_network_administrator(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    client.post(bulk_url("delete", user_pk(parent_portal, "mangluoi")))
    assert accounts(parent_portal) == before


def test_site_admin_cannot_bulk_assign_the_network_group(parent_portal):
    make_user(parent_portal, "bientap", EDITOR.group_name)
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    network = group_pk(parent_portal, NETWORK_ADMINS)
    response = client.post(
        bulk_url("assign_role", user_pk(parent_portal, "bientap")), {"role": network}
    )
    assert response.status_code == 302
    assert "Bạn không được gán nhóm" in client.get(response["Location"]).content.decode()
    assert accounts(parent_portal) == before


# --- groups' own screens -----------------------------------------------------------------------


def group_state(tenant):
    with schema_context(tenant.schema_name):
        return {
            group.name: sorted(group.permissions.values_list("codename", flat=True))
            for group in Group.objects.all()
        }


def test_site_admin_cannot_edit_the_permissions_of_its_own_group(parent_portal):
    # Even a site whose administrators were given Django's group permissions by hand.
    from django.contrib.auth.models import Permission

    with schema_context(parent_portal.schema_name):
        group = Group.objects.get(name=SITE_ADMIN.group_name)
        group.permissions.add(*Permission.objects.filter(codename__endswith="_group"))
    before = group_state(parent_portal)
    client = login(parent_portal, "quantri")
    own = group_pk(parent_portal, SITE_ADMIN.group_name)
    assert client.get(f"/admin/groups/edit/{own}/").status_code == 302
    client.post(f"/admin/groups/edit/{own}/", {"name": SITE_ADMIN.group_name, "is_superuser": "on"})
    network = group_pk(parent_portal, NETWORK_ADMINS)
    client.post(f"/admin/groups/delete/{network}/")
    client.post("/admin/groups/new/", {"name": "Nhóm lạ"})
    assert group_state(parent_portal) == before


# --- the board screen --------------------------------------------------------------------------


def test_site_admin_cannot_change_or_lock_a_network_administrator_on_the_board_screen(
    parent_portal,
):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    target = user_pk(parent_portal, "mangluoi")
    response = client.post(
        f"/admin/ban-bien-tap/{target}/", {"full_name": "Bị đổi", "roles": ["editor"]}
    )
    assert response.status_code in (302, 403)
    client.post(f"/admin/ban-bien-tap/{target}/khoa/")
    assert accounts(parent_portal) == before


# --- the board's leaders: a site administrator who became chief publishes without review ------


def test_site_admin_cannot_make_himself_chief_on_wagtails_screen(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    own = edit_data(parent_portal, "quantri")
    own["groups"] = [str(group_pk(parent_portal, CHIEF.group_name))]
    client.post(f"/admin/users/edit/{user_pk(parent_portal, 'quantri')}/", own)
    assert accounts(parent_portal)["quantri"][3] == before["quantri"][3] == [SITE_ADMIN.group_name]


def test_site_admin_cannot_give_the_chief_or_deputy_group_to_a_new_user(parent_portal):
    client = login(parent_portal, "quantri")
    for role in (CHIEF, DEPUTY):
        data = new_user_data(
            f"moi{role.key}", groups=[str(group_pk(parent_portal, role.group_name))]
        )
        client.post("/admin/users/new/", data)
        assert f"moi{role.key}" not in accounts(parent_portal)


def test_site_admin_cannot_set_the_chiefs_password(parent_portal):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    data = edit_data(
        parent_portal, "truongban", password1="Chiem-quyen-2026", password2="Chiem-quyen-2026"
    )
    client.post(f"/admin/users/edit/{user_pk(parent_portal, 'truongban')}/", data)
    assert accounts(parent_portal) == before


def test_site_admin_cannot_appoint_a_chief_or_change_his_own_roles_on_the_board_screen(
    parent_portal,
):
    before = accounts(parent_portal)
    client = login(parent_portal, "quantri")
    response = client.post(
        "/admin/ban-bien-tap/moi/",
        {"email": "pho@xa.gov.vn", "full_name": "Phó Mới", "roles": ["chief"]},
    )
    assert response.status_code == 200  # the form again, with the reason
    own = user_pk(parent_portal, "quantri")
    client.post(f"/admin/ban-bien-tap/{own}/", {"full_name": "Quản Trị", "roles": ["chief"]})
    assert accounts(parent_portal) == before


def test_the_chief_still_appoints_a_deputy(parent_portal):
    client = login(parent_portal, "truongban")
    response = client.post(
        "/admin/ban-bien-tap/moi/",
        {"email": "pho@xa.gov.vn", "full_name": "Phó Mới", "roles": ["deputy"]},
    )
    assert response.status_code == 200
    assert accounts(parent_portal)["pho@xa.gov.vn"][3] == [DEPUTY.group_name]


# --- what stays possible -----------------------------------------------------------------------


def test_site_admin_still_creates_a_board_member_and_keeps_groups_out_of_its_reach(
    parent_portal,
):
    client = login(parent_portal, "quantri")
    editor = group_pk(parent_portal, EDITOR.group_name)
    response = client.post("/admin/users/new/", new_user_data(groups=[str(editor)]))
    assert response.status_code == 302
    with schema_context(parent_portal.schema_name):
        odd = Group.objects.create(name="Nhóm riêng của siêu quản trị")
        user = get_user_model().objects.get(username="moi")
        user.groups.add(odd)
    data = edit_data(parent_portal, "moi", groups=[str(editor)])
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'moi')}/", data)
    assert response.status_code == 302
    assert accounts(parent_portal)["moi"][0] is False
    assert accounts(parent_portal)["moi"][3] == sorted([EDITOR.group_name, odd.name])


def test_parent_superuser_gives_the_network_group(parent_portal):
    make_user(parent_portal, "nguoimoi")
    client = login(parent_portal, "sieuquantri")
    data = edit_data(
        parent_portal, "nguoimoi", groups=[str(group_pk(parent_portal, NETWORK_ADMINS))]
    )
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'nguoimoi')}/", data)
    assert response.status_code == 302
    assert accounts(parent_portal)["nguoimoi"][3] == [NETWORK_ADMINS]


def test_network_admin_with_user_rights_cannot_touch_another_network_admin(parent_portal):
    make_user(parent_portal, "mangluoi2", SITE_ADMIN.group_name, NETWORK_ADMINS)
    before = accounts(parent_portal)
    client = login(parent_portal, "mangluoi2")
    data = edit_data(
        parent_portal, "mangluoi", password1="Chiem-quyen-2026", password2="Chiem-quyen-2026"
    )
    client.post(f"/admin/users/edit/{user_pk(parent_portal, 'mangluoi')}/", data)
    assert accounts(parent_portal) == before
    # His own profile stays his to edit; his network rights stay out of his own reach.
    own = edit_data(parent_portal, "mangluoi2", first_name="Tên mới")
    own["groups"] = [str(group_pk(parent_portal, SITE_ADMIN.group_name))]
    response = client.post(f"/admin/users/edit/{user_pk(parent_portal, 'mangluoi2')}/", own)
    assert response.status_code == 302
    assert accounts(parent_portal)["mangluoi2"][3] == sorted(
        [NETWORK_ADMINS, SITE_ADMIN.group_name]
    )
