"""How far a long task has come, for a screen that shows it while the task runs."""

from django_tenants.utils import get_public_schema_name, schema_context

from tasks.models import TaskProgress


def report(context, done: int, total: int, note: str = "") -> None:
    """Record progress of the task running with ``context`` (a django-tasks TaskContext)."""
    with schema_context(get_public_schema_name()):
        TaskProgress.objects.update_or_create(
            task_id=str(context.task_result.id),
            defaults={"done": done, "total": total, "note": note[:300]},
        )


def of(task_id: str) -> TaskProgress | None:
    with schema_context(get_public_schema_name()):
        return TaskProgress.objects.filter(task_id=str(task_id)).first()
