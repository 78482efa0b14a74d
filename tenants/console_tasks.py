"""The console's background tasks: failed tasks with their error, and an import's progress.

Network administrators of a parent portal see the tasks of their own network's sites (the
schema each task carries, ``tasks.backend``) and the network-wide ones (public schema: periodic
jobs); never another network's. A failed task is one the worker gave up on after its retries;
one waiting for its next try shows with its last error too.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import get_public_schema_name
from wagtail import hooks

from tasks import progress
from tenants.console import network_admin_required

SHOWN = 200


def _sites(request) -> dict[str, object]:
    sites = [request.tenant, *request.tenant.members.all()]
    return {site.schema_name: site for site in sites}


def _row(task: DBTaskResult, sites) -> dict:
    schema = task.args_kwargs.get("schema") or get_public_schema_name()
    lines = [line for line in task.traceback.strip().splitlines() if line.strip()]
    return {
        "id": task.id,
        "name": task.task_path,
        "site": sites.get(schema),
        "attempts": len(task.worker_ids),
        "status": task.status,
        "when": task.finished_at or task.started_at or task.enqueued_at,
        "next_try": task.run_after if task.status == TaskResultStatus.READY else None,
        "error": lines[-1] if lines else task.exception_class_path,
        "traceback": task.traceback,
    }


def _visible(tasks, sites):
    schemas = {*sites, get_public_schema_name()}
    for task in tasks:
        if (task.args_kwargs.get("schema") or get_public_schema_name()) in schemas:
            yield task


@network_admin_required
def task_list(request):
    sites = _sites(request)
    failed = DBTaskResult.objects.failed().order_by("-finished_at")[:SHOWN]
    retrying = (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        .exclude(traceback="")
        .order_by("run_after")[:SHOWN]
    )
    return TemplateResponse(
        request,
        "tenants/console/tasks.html",
        {
            "failed": [_row(t, sites) for t in _visible(failed, sites)],
            "retrying": [_row(t, sites) for t in _visible(retrying, sites)],
            "waiting": DBTaskResult.objects.filter(status=TaskResultStatus.READY).count(),
            "running": DBTaskResult.objects.running().count(),
            # Other apps' stuck work, beside the tasks (search: parked outbox events).
            "panels": [panel(request) for panel in hooks.get_hooks("tenants_console_task_panels")],
        },
    )


def import_progress_response(request, result):
    """The import's page: its progress while it runs, each row's outcome once done."""
    done = result.is_finished
    report = progress.of(result.id)
    rows = result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None
    error = result.errors[-1].traceback.strip().splitlines()[-1] if result.errors else ""
    return TemplateResponse(
        request,
        "tenants/console/import_progress.html",
        {
            "task_id": result.id,
            "done": done,
            "failed": result.status == TaskResultStatus.FAILED,
            "error": error,
            "report": report,
            "rows": rows,
        },
    )


@network_admin_required
def import_progress(request, task_id):
    try:
        result = default_task_backend.get_result(str(task_id))
    except (TaskResultDoesNotExist, NotImplementedError) as error:
        raise Http404 from error
    schema = result.db_result.args_kwargs.get("schema")
    if (
        result.task.module_path != "tenants.tasks.import_sites"
        or schema != request.tenant.schema_name
    ):
        raise Http404
    return import_progress_response(request, result)
