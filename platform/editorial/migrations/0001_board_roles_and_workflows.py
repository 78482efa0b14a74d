"""Board groups, their permissions and the two review workflows, in every schema.

Runs in the clone template (so every new site has them) and in sites that existed before.
Wagtail's own English defaults ("Moderators", "Editors", "Moderators approval") are removed:
a commune board should meet only its own roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import BOARD_ROLES, WORKFLOW_TASKS


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def create_board(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions appear only after migrate otherwise
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for old in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=old).delete()
        old.active = False
        old.save(update_fields=["active"])
    GroupApprovalTask.objects.filter(name="Moderators approval").update(active=False)
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {}
    for role in BOARD_ROLES:
        group, _created = Group.objects.get_or_create(name=role.group_name)
        groups[role.key] = group
        group.permissions.add(*(_permission(apps, name) for name in role.other_permissions))
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
            )
        for action in role.media_permissions:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, f"{app_label}.{action}_{model}"),
                )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    tasks = {}
    for workflow_name, steps in WORKFLOW_TASKS.items():
        workflow, _created = Workflow.objects.get_or_create(
            name=workflow_name, defaults={"active": True}
        )
        for order, (task_name, role) in enumerate(steps):
            if task_name not in tasks:
                task, created = GroupApprovalTask.objects.get_or_create(
                    name=task_name, defaults={"content_type": task_type, "active": True}
                )
                task.groups.add(groups[role.key])
                tasks[task_name] = task
            WorkflowTask.objects.get_or_create(
                workflow=workflow, task=tasks[task_name], defaults={"sort_order": order}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_board, migrations.RunPython.noop)]
