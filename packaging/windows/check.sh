#!/usr/bin/env bash
# The Windows bundle's checks under wine (make dist-windows runs them; make dist-windows-check
# reruns them on an existing build):
#   check.sh bundle     build/windows/dist/workload-app: --smoke on a fresh database, --self-test
#   check.sh installer  dist/windows/…-setup.exe: silent install (/S) into the prefix, Start-menu
#                       entry, --smoke of the installed program on the profile's own database,
#                       silent uninstall: the program is gone, the user's database stays
# Qt runs offscreen (wine 8 cannot host Qt's windows platform plugin) on a virtual X screen that
# wine itself needs, with the bundle's CJK font as Qt's font folder.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mode=${1:-bundle}

run_app() {  # $1 the program (unix path), then its arguments; prints its output, returns its status
  local exe=$1; shift
  local fonts
  fonts=$(dirname "$exe")/_internal/resources/fonts
  # wine passes QT_* variables to Windows programs only under a WINE prefix
  WINEQT_QPA_PLATFORM=offscreen WINEQT_QPA_FONTDIR=$fonts timeout 600 xvfb-run -a -s "-screen 0 1280x1024x24" \
    bash -c 'source "$0"; winrun "$@"' "$ROOT/packaging/windows/env.sh" "$exe" "$@"
}

run_plain() {  # a Windows program on the virtual screen (the installer, the uninstaller)
  timeout 600 xvfb-run -a bash -c 'source "$0"; winrun_file "$@"' "$ROOT/packaging/windows/env.sh" "$@"
}

expect() {  # $1 description, $2 output, $3 status, $4 a line the output must contain
  if [ "$3" != 0 ] || ! grep -qF -- "$4" <<<"$2"; then
    echo "FAILED: $1 (exit $3)"; echo "$2" | tail -40; exit 1
  fi
  echo "ok: $1"
}

if [ "$mode" = bundle ]; then
  [ -f "$BUNDLE/workload-app.exe" ] || { echo "no bundle: run make dist-windows first"; exit 1; }
  fresh=$(mktemp -d "$B/check.XXXXXX")
  t=$(stamp); set +e; out=$(run_app "$BUNDLE/workload-app.exe" --smoke --db "$fresh/fresh.sqlite"); st=$?; set -e
  expect "bundle --smoke on a fresh database ($(( $(stamp) - t ))s)" "$out" $st "smoke: main window shown (法官工作量计算器"
  [ -s "$fresh/fresh.sqlite" ] || { echo "FAILED: --smoke created no database"; exit 1; }
  # one process: wine 8 cannot run Python's process pool (a plain python.exe with a
  # ProcessPoolExecutor hangs too), so the spawned sheet workers are checked on Windows itself
  t=$(stamp); set +e; out=$(run_app "$BUNDLE/workload-app.exe" --self-test --self-test-workers 1); st=$?; set -e
  echo "$out" | grep '^self-test:' || true
  expect "bundle --self-test ($(( $(stamp) - t ))s)" "$out" $st "self-test: 通过"
  rm -rf "$fresh"
  exit 0
fi

[ -f "$SETUP" ] || { echo "no installer: run make dist-windows first"; exit 1; }
C=$WINEPREFIX/drive_c
INSTDIR="$C/Program Files/WorkloadApp"
MENU="$C/ProgramData/Microsoft/Windows/Start Menu/Programs/法官工作量计算器"
t=$(stamp)
run_plain "$SETUP" /S
wineserver -w
[ -f "$INSTDIR/workload-app.exe" ] || { echo "FAILED: silent install left no $INSTDIR/workload-app.exe"; exit 1; }
[ -f "$MENU/法官工作量计算器.lnk" ] || { echo "FAILED: no Start-menu entry in $MENU"; exit 1; }
echo "ok: silent install (/S) into C:\\Program Files\\WorkloadApp with a Start-menu entry ($(( $(stamp) - t ))s)"
t=$(stamp); set +e; out=$(run_app "$INSTDIR/workload-app.exe" --smoke); st=$?; set -e
expect "installed program --smoke on the profile's database ($(( $(stamp) - t ))s)" "$out" $st "smoke: main window shown (法官工作量计算器"
profile_db=$(find "$C/users" -path '*AppData*' -name '*.sqlite' -newer "$SETUP" | head -1)
[ -n "$profile_db" ] || { echo "FAILED: no database in the user's profile"; exit 1; }
echo "ok: the user's database is ${profile_db#$C/}"
run_plain "$INSTDIR/uninstall.exe" /S "_?=C:\\Program Files\\WorkloadApp"
wineserver -w
if [ -f "$INSTDIR/workload-app.exe" ] || [ -d "$MENU" ]; then echo "FAILED: the uninstaller left the program"; exit 1; fi
[ -f "$profile_db" ] || { echo "FAILED: the uninstaller removed the user's database"; exit 1; }
echo "ok: silent uninstall removed the program and its Start-menu entry, kept the user's database"
