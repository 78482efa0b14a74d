"""The site blueprint: applied twice is applied once; a change reaches existing sites through
``migrate``; every new site carries the default lists, its own copy of them."""

import dataclasses
import io

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django_tenants.utils import schema_context

from editorial import roles
from sitebuild import blueprint, builder
from tenants.models import Tenant
from tenants.services import create_site


def _snapshot() -> dict:
    from wagtail.models import (
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Locale,
        Workflow,
        WorkflowTask,
    )

    from content.models import ContributingUnit, DocumentType, IssuingBody, Sector
    from editorial.models import RoyaltyRate
    from sitebuild.models import BlueprintState

    return {
        "groups": sorted(
            (g.name, sorted(g.permissions.values_list("codename", flat=True)))
            for g in Group.objects.all()
        ),
        "page rights": sorted(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")
        ),
        "media rights": GroupCollectionPermission.objects.count(),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "tasks": sorted(GroupApprovalTask.objects.values_list("name", flat=True)),
        "steps": WorkflowTask.objects.count(),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "lists": [
            list(model.objects.values_list("name", flat=True))
            for model in (DocumentType, IssuingBody, Sector, ContributingUnit)
        ],
        "rates": sorted(RoyaltyRate.objects.values_list("kind", "amount")),
        "states": list(BlueprintState.objects.values_list("fingerprint", flat=True)),
    }


def _group_rights(group_name: str) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(group__name=group_name).select_related("content_type")
    }


def test_applying_the_blueprint_twice_equals_applying_it_once(commune):
    with schema_context(commune.schema_name):
        fresh = _snapshot()
        builder.upgrade(commune)
        once = _snapshot()
        builder.upgrade(commune)
        assert _snapshot() == once == fresh
        assert fresh["states"] == [blueprint.fingerprint()]
    with schema_context(settings.TENANT_BASE_SCHEMA):
        template = _snapshot()
        assert builder.build_template() is False
        assert _snapshot() == template


def test_a_role_gaining_a_permission_reaches_existing_sites_through_migrate(
    commune, demo_network, monkeypatch
):
    with schema_context(commune.schema_name):
        assert "content.view_question" not in _group_rights(roles.EDITOR.group_name)
    editor = dataclasses.replace(
        roles.EDITOR, other_permissions=(*roles.EDITOR.other_permissions, "content.view_question")
    )
    monkeypatch.setattr(
        roles, "BOARD_ROLES", tuple(editor if r.key == "editor" else r for r in roles.BOARD_ROLES)
    )
    sites = [commune.schema_name, *(t.schema_name for t in demo_network.values())]
    assert set(builder.outdated(sites)) == set(sites)  # the fingerprint changed

    out = io.StringIO()
    call_command("migrate", stdout=out)

    assert f"{commune.schema_name}: site blueprint applied" in out.getvalue()
    assert builder.outdated([settings.TENANT_BASE_SCHEMA, *sites]) == []
    for schema in (commune.schema_name, demo_network["habau"].schema_name):
        with schema_context(schema):
            assert "content.view_question" in _group_rights(roles.EDITOR.group_name)
    later = create_site(
        name="Xã Ia Nhin", slug="ianhin", kind=Tenant.Kind.COMMUNE, parent=commune.parent
    ).tenant
    with schema_context(later.schema_name):  # the template carries it to new sites too
        assert "content.view_question" in _group_rights(roles.EDITOR.group_name)

    out = io.StringIO()
    call_command("migrate", stdout=out)  # nothing left to apply
    assert "site blueprint applied" not in out.getvalue()


def test_a_new_site_has_the_default_lists_named_after_its_authority(commune):
    from content.models import ContributingUnit, DocumentType, IssuingBody, Sector

    with schema_context(commune.schema_name):
        types = dict(DocumentType.objects.values_list("name", "code"))
        assert len(types) == 29
        assert types["Quyết định"] == "QĐ" and types["Tờ trình"] == "TTr"
        assert types["Công văn"] == ""
        assert list(IssuingBody.objects.values_list("name", flat=True)) == [
            "Ủy ban nhân dân xã Ia Pết",
            "Hội đồng nhân dân xã Ia Pết",
            "Đảng ủy xã Ia Pết",
        ]
        sectors = set(Sector.objects.values_list("name", flat=True))
        assert {"Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Người có công"} <= sectors
        office = ContributingUnit.objects.get(name="Văn phòng HĐND và UBND xã Ia Pết")
        assert office.group == ContributingUnit.Group.BOARD


def test_each_board_edits_its_own_copy_of_the_lists(commune, district):
    from content.models import DocumentType, IssuingBody

    with schema_context(commune.schema_name):
        DocumentType.objects.filter(name="Thư công").delete()
        builder.upgrade(commune)  # a re-applied blueprint does not bring it back
        assert not DocumentType.objects.filter(name="Thư công").exists()
    with schema_context(district.schema_name):
        assert DocumentType.objects.filter(name="Thư công").exists()
        assert IssuingBody.objects.filter(name="Ủy ban nhân dân huyện Đak Đoa").exists()
        assert IssuingBody.objects.filter(name="Huyện ủy Đak Đoa").exists()
