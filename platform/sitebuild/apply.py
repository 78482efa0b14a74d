"""Applying the blueprint in the current schema, idempotently (applied twice = once).

The clone template gets everything, page tree included; an existing site gets what can be
added without touching a board's work: locales, groups and their permissions, workflows, and
lists that are still empty. Its page tree is the board's own and is never rebuilt.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.log_actions import LogContext
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.board import set_workflow
from sitebuild import blueprint, lists
from sitebuild.models import BlueprintState

TEMPLATE_HOST = "template.invalid"  # the template is never served


def apply_to_template() -> bool:
    """Build the template's site, rebuilding its sections when the page tree changed, and
    apply everything else; return whether anything was (re)built."""
    with LogContext(user=None):
        rebuilt = _ensure_page_tree()
        current = BlueprintState.objects.filter(fingerprint=blueprint.fingerprint()).exists()
        if rebuilt or not current:
            apply_common(authority=None)
            set_workflow(_home(), approval_steps=2)
            return True
        return False


def apply_common(authority=None) -> None:
    """Locales, board, workflows and lists; ``authority`` (a tenant) names the per-site lists."""
    for code in blueprint.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    _remove_wagtail_defaults()
    title = blueprint.ROOT_TITLE
    Page.objects.filter(depth=1).exclude(title=title).update(title=title, draft_title=title)
    groups = _apply_roles()
    _apply_workflows(groups)
    fill_lists(authority)
    state = BlueprintState.objects.first() or BlueprintState()
    state.fingerprint = blueprint.fingerprint()
    state.save()


def fill_lists(authority=None) -> None:
    """Fill each list that is still empty; the authority's named lists when it is known."""
    from content.models import ContributingUnit, DocumentType, IssuingBody, Sector
    from editorial.models import RoyaltyRate

    if not DocumentType.objects.exists():
        DocumentType.objects.bulk_create(
            DocumentType(name=name, code=code, sort_order=position)
            for position, (name, code) in enumerate(lists.DOCUMENT_TYPES)
        )
    if not Sector.objects.exists():
        Sector.objects.bulk_create(
            Sector(name=name, sort_order=position) for position, name in enumerate(lists.SECTORS)
        )
    if not RoyaltyRate.objects.exists():
        RoyaltyRate.objects.bulk_create(
            RoyaltyRate(kind=kind, amount=amount) for kind, amount in lists.ROYALTY_RATES
        )
    if authority is None:
        return
    names = {
        "unit": lists.unit_in_sentence(authority.name),
        "party_committee": lists.party_committee(
            authority.kind, authority.name, authority.short_name or authority.name
        ),
    }
    if not IssuingBody.objects.exists():
        IssuingBody.objects.bulk_create(
            IssuingBody(name=pattern.format(**names), sort_order=position)
            for position, pattern in enumerate(lists.ISSUING_BODIES)
        )
    if not ContributingUnit.objects.exists():
        board, outside = ContributingUnit.Group.BOARD, ContributingUnit.Group.OUTSIDE
        ContributingUnit.objects.bulk_create(
            ContributingUnit(
                name=pattern.format(**names),
                group=board if is_board else outside,
                sort_order=position,
            )
            for position, (pattern, is_board) in enumerate(lists.CONTRIBUTING_UNITS)
        )


def _home():
    return Site.objects.get(is_default_site=True).root_page


def _ensure_page_tree() -> bool:
    from content.models import HomePage
    from content.skeleton import build_site_tree

    expected = [(s.slug, s.page_type.lower()) for s in blueprint.page_tree()]
    home = HomePage.objects.filter(depth=2).first()
    if home is not None and Page.objects.filter(depth=2).count() == 1:
        types = ContentType.objects.in_bulk()
        actual = [
            (slug, f"{types[ct].app_label}.{types[ct].model}")
            for slug, ct in home.get_children().values_list("slug", "content_type_id")
        ]
        if actual == expected:
            return False
    vietnamese, _created = Locale.objects.get_or_create(language_code=blueprint.LANGUAGES[0])
    if home is None:
        root = Page.get_first_root_node()
        old_pages = list(root.get_children())  # Wagtail's "Welcome" page
        home = HomePage(title=blueprint.HOME_TITLE, slug=blueprint.HOME_SLUG, locale=vietnamese)
        root.add_child(instance=home)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.site_name, site.root_page = TEMPLATE_HOST, 80, "", home
        site.save()
        for page in old_pages:
            page.delete()
    else:  # outdated sections: rebuild them under the same home page
        for page in home.get_children():
            page.delete()
        home.refresh_from_db()
    build_site_tree(home)
    return True


def _remove_wagtail_defaults() -> None:
    for old in Workflow.objects.filter(name=blueprint.WAGTAIL_DEFAULT_WORKFLOW, active=True):
        WorkflowPage.objects.filter(workflow=old).delete()
        Workflow.objects.filter(pk=old.pk).update(active=False)
    GroupApprovalTask.objects.filter(name=blueprint.WAGTAIL_DEFAULT_WORKFLOW).update(active=False)
    Group.objects.filter(name__in=blueprint.WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def _permissions(dotted: set[str]) -> dict[str, Permission]:
    """The permissions named ``app_label.codename``, creating missing ones first (Django
    makes them after ``migrate`` only, and a test or a fresh schema may not have them yet)."""

    def fetch():
        query = Q(pk__in=[])
        for name in dotted:
            app_label, codename = name.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        return {
            f"{p.content_type.app_label}.{p.codename}": p
            for p in Permission.objects.filter(query).select_related("content_type")
        }

    found = fetch()
    if len(found) < len(dotted):
        for config in apps.get_app_configs():
            create_permissions(config, verbosity=0)
        found = fetch()
    missing = dotted - set(found)
    if missing:
        raise LookupError(f"The blueprint names unknown permissions: {sorted(missing)}")
    return found


def _apply_roles() -> dict[str, Group]:
    roles = blueprint.board_roles()
    page_codenames = {
        f"wagtailcore.{c}"
        for role in roles
        for c in (*role.page_permissions, *(c for _k, cs in role.section_permissions for c in cs))
    }
    media = {
        f"{app}.{action}_{model}"
        for role in roles
        for action in role.media_permissions
        for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    }
    others = {name for role in roles for name in role.other_permissions}
    permissions = _permissions(page_codenames | media | others)
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    home = Site.objects.filter(is_default_site=True).values_list("root_page", flat=True).first()
    sections = {s.key: s.slug for s in blueprint.page_tree()}
    groups = {}
    for role in roles:
        group, _created = Group.objects.get_or_create(name=role.group_name)
        groups[role.key] = group
        group.permissions.add(*(permissions[name] for name in role.other_permissions))
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permissions[f"wagtailcore.{codename}"]
            )
        for key, codenames in role.section_permissions:
            section = Page.objects.filter(parent_id_is(home), slug=sections[key]).first()
            for codename in codenames if section else ():
                GroupPagePermission.objects.get_or_create(
                    group=group, page=section, permission=permissions[f"wagtailcore.{codename}"]
                )
        for action in role.media_permissions:
            for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permissions[f"{app}.{action}_{model}"],
                )
    return groups


def parent_id_is(home_pk) -> Q:
    """Children of the home page (Wagtail keeps no parent column: by path and depth)."""
    home = Page.objects.filter(pk=home_pk).values("path", "depth").first()
    if home is None:
        return Q(pk__in=[])
    return Q(path__startswith=home["path"], depth=home["depth"] + 1)


def _apply_workflows(groups: dict[str, Group]) -> None:
    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    tasks = {}
    for workflow_name, steps in blueprint.workflows().items():
        workflow, _created = Workflow.objects.get_or_create(
            name=workflow_name, defaults={"active": True}
        )
        for order, (task_name, role) in enumerate(steps):
            if task_name not in tasks:
                task, _created = GroupApprovalTask.objects.get_or_create(
                    name=task_name, defaults={"content_type": task_type, "active": True}
                )
                task.groups.add(groups[role.key])
                tasks[task_name] = task
            WorkflowTask.objects.get_or_create(
                workflow=workflow, task=tasks[task_name], defaults={"sort_order": order}
            )
