"""Reading an account-slip PDF back in tests (poppler's pdftotext, pdfinfo, pdffonts)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def slip_password(text: str, login: str) -> str:
    """The initial password printed on ``login``'s slip (the line after its 登录名)."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if re.search(rf"登录名\s+{re.escape(login)}(\s|$)", line))
    return re.search(r"初始密码\s+(\S+)", "\n".join(lines[at : at + 4])).group(1)


def embedded_fonts(path: Path) -> list[tuple[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(row[0], row[-5]) for row in rows]  # name, emb (yes/no)
