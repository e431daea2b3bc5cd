# Sourced by build.sh and check.sh: where the Windows build lives and how wine runs it.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
B=$ROOT/build/windows                    # everything downloaded or built (gitignored)
PYDIR=$B/python                          # the Windows CPython (WinPython 3.11.9 dot)
BUNDLE=$B/dist/workload-app              # the PyInstaller onedir
OUT=$ROOT/dist/windows                   # the installer
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/workload_app/__init__.py")
SETUP=$OUT/workload-app-$VERSION-setup.exe
export WINEPREFIX=$B/prefix WINEARCH=win64 WINEDEBUG=-all
# no Mono/Gecko download prompts; the ProcessPrng stand-in (system32) before any builtin
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
# wine's console output goes through a pipe (`| cat`): wine writes to a terminal differently
winrun() { wine "$@" < /dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
winpy() { winrun "$PYDIR/python.exe" "$@"; }
stamp() { date +%s; }
