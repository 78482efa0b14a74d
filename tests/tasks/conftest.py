import pytest

from tasks.worker import SiteWorker
from tests.tasks import sample

DB_BACKEND = {
    "default": {
        "BACKEND": "tasks.backend.SiteDatabaseBackend",
        "OPTIONS": {"MAX_ATTEMPTS": 3, "RETRY_SECONDS": 30},
    }
}


@pytest.fixture
def db_tasks(db, settings):
    """The real database backend (the rest of the suite runs tasks immediately)."""
    settings.TASKS = DB_BACKEND
    sample.CALLS.clear()
    sample.FAIL_TIMES["n"] = 0
    sample.STOP_AFTER["n"] = None
    yield


def run_worker(worker_id: str = "worker-1", **options) -> SiteWorker:
    """The real worker loop, in this process (and this test's transaction), until the queue
    has nothing ready."""
    worker = SiteWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
        tick=options.pop("tick", False),
        **options,
    )
    worker.run()
    return worker
