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
# wine's output goes to a file, not a terminal (wine writes to a terminal differently), and is
# printed when the program ends: helpers that wine starts may hold a pipe open long after
winrun() {
  local log st
  log=$(mktemp)
  wine "$@" < /dev/null > "$log" 2>&1; st=$?
  cat "$log"; rm -f "$log"
  return $st
}
winpy() { winrun "$PYDIR/python.exe" "$@"; }
stamp() { date +%s; }
