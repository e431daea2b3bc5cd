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
# (and no desktop menu entries on the build machine: winemenubuilder off)
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b;winemenubuilder.exe=d"
# wine's output goes through a pipe (`| cat`): wine writes to a terminal differently (a program's
# output to a plain file hung the bundle under wine 8 here)
winrun() { wine "$@" < /dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
# the installer and uninstaller: output to a file, printed when they end (helpers that wine starts
# for them held a pipe open, and the silent installer never returned)
winrun_file() {
  local log st
  log=$(mktemp)
  wine "$@" < /dev/null > "$log" 2>&1; st=$?
  cat "$log"; rm -f "$log"
  return $st
}
winpy() { winrun "$PYDIR/python.exe" "$@"; }
stamp() { date +%s; }
