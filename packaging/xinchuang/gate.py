"""The 信创 gate: no ELF file of the bundle may need a glibc newer than 2.28 or a libstdc++ newer
than GLIBCXX_3.4.21 (what UOS 20 / Kylin V10 have). Prints each offender with the symbols that
need the newer version; exit 1 if there is any.

    python3 gate.py BUNDLE_DIR [2.28] [3.4.21]
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

NEEDED = re.compile(r"Name:\s+(GLIBC|GLIBCXX)_([0-9.]+)")


def version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def needs(path: Path) -> dict[str, set[str]]:
    """GLIBC/GLIBCXX -> the versions the file's version-needs section asks for."""
    out = subprocess.run(["readelf", "-V", "-W", str(path)], capture_output=True, text=True).stdout
    found: dict[str, set[str]] = {}
    section = out.split("Version needs section", 1)
    for family, ver in NEEDED.findall(section[1] if len(section) > 1 else ""):
        found.setdefault(family, set()).add(ver)
    return found


def offending_symbols(path: Path, tags: set[str]) -> list[str]:
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    found = set()
    for line in out.splitlines():
        fields = [f.strip("()") for f in line.split()]
        if "*UND*" in fields:
            found.update(f"{fields[-1]}@{tag}" for tag in tags if tag in fields)
    return sorted(found)


def main(bundle: Path, glibc_max: str = "2.28", glibcxx_max: str = "3.4.21") -> int:
    limits = {"GLIBC": version(glibc_max), "GLIBCXX": version(glibcxx_max)}
    files = [p for p in sorted(bundle.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)]
    highest = {"GLIBC": (0,), "GLIBCXX": (0,)}
    bad = 0
    for path in files:
        for family, versions in needs(path).items():
            top = max(versions, key=version)
            highest[family] = max(highest[family], version(top))
            too_new = {f"{family}_{v}" for v in versions if version(v) > limits[family]}
            if too_new:
                bad += 1
                print(f"TOO NEW {path.relative_to(bundle)}: {', '.join(offending_symbols(path, too_new)) or too_new}")
    shown = {k: ".".join(map(str, v)) for k, v in highest.items()}
    print(f"gate: {len(files)} ELF files; highest needed GLIBC_{shown['GLIBC']}, GLIBCXX_{shown['GLIBCXX']} "
          f"(limits {glibc_max}, {glibcxx_max})")
    if bad:
        print(f"gate: FAILED, {bad} files need a newer glibc/libstdc++ than UOS 20 / Kylin V10 have")
        return 1
    print("gate: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), *sys.argv[2:]))
