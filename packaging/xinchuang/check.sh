#!/usr/bin/env bash
# The 信创 bundle's checks in the Debian 11 chroot (make dist-xinchuang runs them; make
# dist-xinchuang-check reruns them with the gate on an existing build):
#   check.sh bundle  the onedir: --smoke on a fresh database (offscreen), --self-test
#   check.sh deb     the .deb installed by apt in the chroot: files under /opt/workload-app, the
#                    desktop entry, /usr/bin/workload-app --smoke; removed again by apt
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mode=${1:-bundle}
trap umount_chroot EXIT
mount_chroot

run_app() {  # the program in the chroot with its arguments, as a user's session would start it
  in_chroot env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/runtime-check HOME=/tmp/home-check \
    bash -c 'mkdir -p -m 700 /tmp/runtime-check /tmp/home-check; timeout 300 "$@"' _ "$@" 2>&1
}
expect() {  # $1 description, $2 output, $3 status, $4 a line the output must contain
  if [ "$3" != 0 ] || ! grep -qF -- "$4" <<<"$2"; then
    echo "FAILED: $1 (exit $3)"; echo "$2" | tail -40; exit 1
  fi
  echo "ok: $1"
}

if [ "$mode" = bundle ]; then
  [ -x "$BUNDLE/workload-app" ] || { echo "no bundle: run make dist-xinchuang first"; exit 1; }
  rm -rf "$CH/tmp/fresh" && mkdir -p "$CH/tmp/fresh"
  t=$(stamp); set +e; out=$(run_app /build/dist/workload-app/workload-app --smoke --db /tmp/fresh/fresh.sqlite); st=$?; set -e
  expect "bundle --smoke on a fresh database in the bullseye chroot ($(( $(stamp) - t ))s)" "$out" $st "smoke: main window shown (法官工作量计算器"
  [ -s "$CH/tmp/fresh/fresh.sqlite" ] || { echo "FAILED: --smoke created no database"; exit 1; }
  t=$(stamp); set +e; out=$(run_app /build/dist/workload-app/workload-app --self-test); st=$?; set -e
  echo "$out" | grep '^self-test:' || true
  expect "bundle --self-test in the bullseye chroot ($(( $(stamp) - t ))s)" "$out" $st "self-test: 通过"
  exit 0
fi

deb=$OUT/workload-app_${VERSION}_amd64.deb
[ -f "$deb" ] || { echo "no .deb: run make dist-xinchuang first"; exit 1; }
cp "$deb" "$CH/tmp/workload-app.deb"
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/workload-app.deb >/dev/null
for f in /opt/workload-app/workload-app /usr/share/applications/workload-app.desktop \
         /usr/share/icons/hicolor/256x256/apps/workload-app.png; do
  [ -e "$CH$f" ] || { echo "FAILED: the .deb did not install $f"; exit 1; }
done
echo "ok: apt installed the .deb: /opt/workload-app, desktop entry, icon"
t=$(stamp); set +e; out=$(run_app workload-app --smoke --db /tmp/fresh/deb.sqlite); st=$?; set -e
expect "installed workload-app --smoke ($(( $(stamp) - t ))s)" "$out" $st "smoke: main window shown (法官工作量计算器"
in_chroot env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq workload-app >/dev/null
[ ! -e "$CH/opt/workload-app/workload-app" ] || { echo "FAILED: apt remove left /opt/workload-app"; exit 1; }
echo "ok: apt remove took the program away"
