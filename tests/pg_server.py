"""A throwaway PostgreSQL server for the test session.

Debian's ``postgresql`` package (installed by the Makefile's system-package step) provides
``initdb``/``pg_ctl`` under ``/usr/lib/postgresql/<major>/bin``. The cluster is created in a
temporary folder, listens on a private port of 127.0.0.1 only (and on a socket in that folder),
and is stopped and removed at the end of the session. PostgreSQL refuses to run as root, so when
the tests run as root the cluster belongs to ``nobody``.

The superuser ``workload_super`` logs in with a password over TCP (scram-sha-256), as a court's
DBA would; every application login is a role of its own, created by the tests or by the program.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "workload_super"
SUPERUSER_PASSWORD = "super-Secret-1"


def _bin_dir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def available() -> bool:
    return _bin_dir() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running throwaway cluster."""

    folder: Path
    port: int
    bin_dir: Path
    run_as: str | None

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> str:
        password = SUPERUSER_PASSWORD if password is None and user == SUPERUSER else password
        auth = f"{user}:{password}@" if password else f"{user}@"
        return f"postgresql://{auth}127.0.0.1:{self.port}/{database}"

    def admin_connect(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def create_database(self, prefix: str = "t", template: str | None = None) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self.admin_connect() as conn:
            extra = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name}{extra}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin_connect() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True)

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package: postgresql); run `make test`.")
    run_as = None
    folder = Path(tempfile.mkdtemp(prefix="workload-pg-"))
    if os.geteuid() == 0:
        run_as = "nobody"
        entry = pwd.getpwnam(run_as)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o700)
    server = Server(folder, _free_port(), bin_dir, run_as)
    pwfile = folder / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if run_as:
        os.chown(pwfile, pwd.getpwnam(run_as).pw_uid, -1)
    server._run(
        "initdb", "-D", str(folder / "data"), "-U", SUPERUSER, f"--pwfile={pwfile}",
        "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
        "--locale=C", "--no-sync",
    )  # fmt: skip
    pwfile.unlink()
    options = (
        f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
        "-c shared_buffers=64MB"
    )
    server._run("pg_ctl", "-D", str(folder / "data"), "-o", options, "-l", str(folder / "log"), "-w", "start")
    deadline = time.monotonic() + 30
    while True:
        try:
            with server.admin_connect():
                break
        except Exception:
            if time.monotonic() > deadline:
                log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
                server.stop()
                raise RuntimeError(f"the test PostgreSQL did not start:\n{log[-2000:]}") from None
            time.sleep(0.2)
    return server
