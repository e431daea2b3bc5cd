"""The court-wide settings file (法院设置文件) the court's IT places beside the program: where the
court server is, so that the first start can offer it (README, "法院设置文件").

``workload.ini``, UTF-8 (a byte-order mark is allowed), one section::

    [server]
    host = court-db.example.cn      ; required
    port = 5432                     ; optional, default 5432
    database = workload             ; optional, default workload
    sslmode = verify-full           ; optional: disable, allow, prefer, require, verify-ca, verify-full
    sslrootcert = C:\\ProgramData\\workload-app\\court-ca.crt   ; optional: the court's CA certificate

Where it is looked for, the first found wins (``locations``):
1. ``$WORKLOAD_INI``, when set: that file only (set but empty, or naming no file: no court file;
   tests and group policies use it);
2. beside the program: the folder of ``workload-app.exe`` / ``workload-app`` in the desktop bundle,
   else the folder holding the ``workload_app`` package;
3. the system's settings folder: ``%PROGRAMDATA%\\workload-app\\`` on Windows,
   ``/etc/workload-app/`` elsewhere.

A file that cannot be read or holds a wrong value is an error naming the file, the line and the
key (``site.bad_file``); it is never half taken."""

from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from workload_app.core.problems import WorkloadError
from workload_app.storage.pg import SSL_MODES, ServerLogin

FILE_NAME = "workload.ini"
ENV = "WORKLOAD_INI"
KEYS = ("host", "port", "database", "sslmode", "sslrootcert")


@dataclass(frozen=True)
class SiteSettings:
    """What the court's file says; ``server`` None when it names no server."""

    path: Path
    server: ServerLogin | None


def locations() -> list[Path]:
    """The places looked at, in order (see the module's docstring)."""
    if ENV in os.environ:
        named = os.environ[ENV].strip()
        return [Path(named)] if named else []
    if getattr(sys, "frozen", False):
        beside = Path(sys.executable).resolve().parent
    else:
        beside = Path(__file__).resolve().parent.parent.parent
    if sys.platform == "win32":
        system = Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "workload-app"
    else:
        system = Path("/etc/workload-app")
    return [beside / FILE_NAME, system / FILE_NAME]


def find() -> Path | None:
    return next((p for p in locations() if p.is_file()), None)


def load() -> SiteSettings | None:
    """The court's settings file, or None when there is none; ``WorkloadError("site.bad_file")``
    when it is there but wrong."""
    path = find()
    return read(path) if path is not None else None


def read(path: Path) -> SiteSettings:
    def bad(line: int | str, key: str, why: object) -> WorkloadError:
        return WorkloadError("site.bad_file", file=str(path), line=line, key=key, why=why)

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise bad("—", "—", str(exc)) from exc
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"), interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        errors = getattr(exc, "errors", None)  # ParsingError: (line number, line) of each
        line = errors[0][0] if errors else getattr(exc, "lineno", "—")
        raise bad(line, "—", str(exc).splitlines()[0]) from exc
    if not parser.has_section("server"):
        return SiteSettings(path, None)
    section = parser["server"]
    lines = _key_lines(text)

    def line_of(key: str) -> int | str:
        return lines.get(key, "—")

    unknown = [k for k in section if k not in KEYS]
    if unknown:
        raise bad(line_of(unknown[0]), unknown[0], WorkloadError("site.unknown_key"))
    host = section.get("host", "").strip()
    if not host:
        raise bad(line_of("host"), "host", WorkloadError("site.empty"))
    try:
        port = int(section.get("port", "5432").strip())
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise bad(line_of("port"), "port", "1–65535")
    database = section.get("database", "workload").strip() or "workload"
    sslmode = section.get("sslmode", "").strip()
    if sslmode and sslmode not in SSL_MODES:
        raise bad(line_of("sslmode"), "sslmode", " / ".join(SSL_MODES))
    sslrootcert = section.get("sslrootcert", "").strip()
    server = ServerLogin(host, port, database, "", "", sslmode=sslmode, sslrootcert=sslrootcert)
    return SiteSettings(path, server)


def _key_lines(text: str) -> dict[str, int]:
    """key → its line number in the [server] section (for the error's line)."""
    found: dict[str, int] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
        elif section == "server" and "=" in line and not line.startswith((";", "#")):
            found.setdefault(line.split("=", 1)[0].strip().lower(), number)
    return found
