"""The court's settings file (workload.ini) IT places beside the program, and TLS in the server's
address: read by value, a wrong file named by file, line and key."""

from __future__ import annotations

import sys

import pytest

from workload_app.core.problems import WorkloadError
from workload_app.services import site_settings
from workload_app.storage.pg import ServerLogin


def write(tmp_path, text: str):
    path = tmp_path / "workload.ini"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_file_is_read_by_value(tmp_path, monkeypatch):
    path = write(
        tmp_path,
        "\ufeff# 本院\n[server]\nhost = 10.1.2.3   ; 法院服务器\nport = 6543\ndatabase = court\n"
        "sslmode = verify-full\nsslrootcert = /etc/workload-app/ca.crt\n",
    )
    monkeypatch.setenv("WORKLOAD_INI", str(path))
    site = site_settings.load()
    assert site.path == path
    assert site.server == ServerLogin(
        "10.1.2.3", 6543, "court", "", sslmode="verify-full", sslrootcert="/etc/workload-app/ca.crt"
    )
    assert site.server.url == (
        "postgresql://10.1.2.3:6543/court?sslmode=verify-full&sslrootcert=%2Fetc%2Fworkload-app%2Fca.crt"
    )


def test_port_and_database_have_defaults_and_a_file_without_server_names_none(tmp_path):
    site = site_settings.read(write(tmp_path, "[server]\nhost = court-db\n"))
    assert (site.server.host, site.server.port, site.server.database, site.server.sslmode) == (
        "court-db", 5432, "workload", "",
    )  # fmt: skip
    assert site_settings.read(write(tmp_path, "; nothing yet\n")).server is None


@pytest.mark.parametrize(
    ("text", "line", "key", "why"),
    [
        ("[server]\nhost = a\nport = 70000\n", 3, "port", "1–65535"),
        ("[server]\nhost = a\nport = x\n", 3, "port", "1–65535"),
        ("[server]\n\nhost =\n", 3, "host", ("不能为空", "may not be empty")),
        (
            "[server]\nhost = a\nsslmode = on\n",
            3,
            "sslmode",
            "disable / allow / prefer / require / verify-ca / verify-full",
        ),
        ("[server]\nhost = a\n\nhots = b\n", 4, "hots", ("未知的设置项", "unknown key")),
    ],
)
def test_a_wrong_value_names_file_line_and_key(tmp_path, text, line, key, why):
    path = write(tmp_path, text)
    with pytest.raises(WorkloadError) as caught:
        site_settings.read(path)
    zh, en = why if isinstance(why, tuple) else (why, why)
    assert caught.value.code == "site.bad_file"
    assert str(caught.value) == f"法院设置文件「{path}」第 {line} 行（{key}）有误：{zh}。请信息技术人员改正。"
    assert caught.value.render("en") == (
        f"The court settings file “{path}”, line {line} ({key}), is wrong: {en}. IT must correct it."
    )


def test_a_file_that_is_not_ini_names_its_line(tmp_path):
    path = write(tmp_path, "[server]\nhost = a\nno equals sign here\n")
    with pytest.raises(WorkloadError) as caught:
        site_settings.read(path)
    assert caught.value.arguments["line"] == 3


def test_where_it_is_looked_for(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKLOAD_INI", "")
    assert site_settings.locations() == [] and site_settings.load() is None
    monkeypatch.setenv("WORKLOAD_INI", str(tmp_path / "absent.ini"))
    assert site_settings.load() is None  # named but not there: no court file
    monkeypatch.delenv("WORKLOAD_INI")
    beside, system = site_settings.locations()
    if sys.platform != "win32":
        assert system == site_settings.Path("/etc/workload-app/workload.ini")
    import workload_app

    assert beside == site_settings.Path(workload_app.__file__).resolve().parent.parent / "workload.ini"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "workload-app.exe"))
    assert site_settings.locations()[0] == tmp_path / "workload.ini"  # the bundle: beside the .exe


def test_the_servers_address_carries_tls_to_libpq():
    login = ServerLogin.from_url(
        "postgresql://court-db:5432/workload?sslmode=require", user="zhangsan", password="pw"
    )
    assert (login.sslmode, login.sslrootcert) == ("require", "")
    info = login.conninfo()
    assert info["sslmode"] == "require" and "sslrootcert" not in info
    assert login.url == "postgresql://zhangsan@court-db:5432/workload?sslmode=require"
    assert login.with_password("x").sslmode == "require"  # a worker's copy keeps TLS
    assert "sslmode" not in ServerLogin.from_url("postgresql://court-db/workload").conninfo()
    for wrong in ("postgresql://h/db?sslmode=maybe", "postgresql://h/db?timeout=3"):
        with pytest.raises(ValueError):
            ServerLogin.from_url(wrong)
