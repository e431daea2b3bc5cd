"""TLS to the court server (README, "TLS"): ``sslmode``/``sslrootcert`` in the server's address (or
the court's settings file) reach libpq. The session's server gets a certificate signed by a CA of
the test's own for the duration of the test (``ssl`` is reloadable), then goes back to plain."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess

import pytest

from workload_app.services.session import ServerError, ServerLogin, open_db
from workload_app.storage import pg

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")


def _openssl(*args: str, cwd) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def tls_server(pg_server, tmp_path):
    """The server with TLS on (CN and SAN 127.0.0.1, signed by ``ca.crt``); yields the CA file."""
    certs = pg_server.folder / "tls"
    certs.mkdir(exist_ok=True)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=court test CA",
             "-keyout", "ca.key", "-out", "ca.crt", cwd=certs)  # fmt: skip
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
             "-keyout", "server.key", "-out", "server.csr", cwd=certs)  # fmt: skip
    (certs / "san.ext").write_text("subjectAltName = IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", "san.ext", "-out", "server.crt", cwd=certs)  # fmt: skip
    (certs / "server.key").chmod(0o600)
    if pg_server.run_as:
        entry = pwd.getpwnam(pg_server.run_as)
        for path in [certs, *certs.iterdir()]:
            os.chown(path, entry.pw_uid, entry.pw_gid)
    ca = tmp_path / "court-ca.crt"
    shutil.copy(certs / "ca.crt", ca)
    with pg_server.admin_connect() as su:
        su.execute(f"ALTER SYSTEM SET ssl_cert_file = '{certs / 'server.crt'}'")
        su.execute(f"ALTER SYSTEM SET ssl_key_file = '{certs / 'server.key'}'")
        su.execute("ALTER SYSTEM SET ssl = on")
        su.execute("SELECT pg_reload_conf()")
    try:
        yield ca
    finally:
        with pg_server.admin_connect("postgres") as su:
            for setting in ("ssl", "ssl_cert_file", "ssl_key_file"):
                su.execute(f"ALTER SYSTEM RESET {setting}")
            su.execute("SELECT pg_reload_conf()")


def _ssl_in_use(login: ServerLogin) -> bool:
    """Whether the program's connection to ``login`` (its conninfo, as every connection it opens)
    is encrypted, as the server sees it."""
    raw = pg.connect_raw(login)
    try:
        return bool(raw.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0])
    finally:
        raw.close()


def test_without_tls_on_the_server_sslmode_require_is_refused_and_disable_connects(pg_server, pg_database):
    base = pg_server.url(pg_database)
    with pytest.raises(ServerError) as caught:
        open_db(ServerLogin.from_url(base + "?sslmode=require"), migrate=False)
    assert caught.value.code == "server.unreachable" and "SSL" in str(caught.value)
    assert not _ssl_in_use(ServerLogin.from_url(base + "?sslmode=disable"))


def test_verify_full_with_the_courts_ca_connects_encrypted_and_another_ca_is_refused(
    pg_server, pg_database, tls_server, tmp_path
):
    base = pg_server.url(pg_database)
    assert _ssl_in_use(ServerLogin.from_url(f"{base}?sslmode=verify-full&sslrootcert={tls_server}"))
    assert not _ssl_in_use(ServerLogin.from_url(base + "?sslmode=disable"))
    stranger = tmp_path / "other"
    stranger.mkdir()
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=someone else",
             "-keyout", "k", "-out", "other-ca.crt", cwd=stranger)  # fmt: skip
    with pytest.raises(ServerError) as caught:
        open_db(
            ServerLogin.from_url(f"{base}?sslmode=verify-full&sslrootcert={stranger / 'other-ca.crt'}"),
            migrate=False,
        )
    assert caught.value.code == "server.unreachable" and "certificate verify failed" in str(caught.value)
