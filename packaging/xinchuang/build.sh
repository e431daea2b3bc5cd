#!/usr/bin/env bash
# make dist-xinchuang: the x86_64 bundle for Kylin V10 / UOS 20 (glibc 2.28), built on Debian 12.
#  1 debootstrap Debian 11 (bullseye) into build/xinchuang/chroot, with the build and Qt libraries
#  2 CPython 3.11 from Debian's python3.11 source (bookworm), compiled in the chroot with every glibc
#    symbol bound to a version <= 2.28 (symver.py's header)
#  3 the wheels of requirements/linux-compat.lock (manylinux_2_28 or older, hash-checked), installed
#    offline into a venv of that CPython; translations; PyInstaller with build.spec
#    (WORKLOAD_BUNDLE=linux-compat leaves out the system's libsqlite3/libpng16/libsystemd)
#  4 the gate (gate.sh): no file of the bundle needs a glibc > 2.28 or a GLIBCXX > 3.4.21
#  5 smoke + self-test in the chroot (check.sh), the .tar.gz and the .deb (installed in the
#    chroot by apt and smoke-tested there)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
[ "$(id -u)" = 0 ] || { echo "make dist-xinchuang runs as root (debootstrap, chroot)"; exit 1; }
t0=$(stamp)
log() { echo "[dist-xinchuang $(( $(stamp) - t0 ))s] $*"; }
for p in debootstrap binutils xz-utils; do
  dpkg -s "$p" >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
mkdir -p "$B" "$OUT"
trap umount_chroot EXIT

QT_LIBS="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libx11-6 libxkbcommon0 \
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 \
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1"
BUILD_DEPS="build-essential binutils ca-certificates xz-utils dpkg-dev libssl-dev zlib1g-dev libbz2-dev \
  liblzma-dev libffi-dev libsqlite3-dev uuid-dev libexpat1-dev fonts-wqy-microhei fonts-hanazono"
if [ ! -f "$CH/.debootstrapped" ]; then
  log "debootstrap bullseye"
  umount_chroot; rm -rf "$CH"
  debootstrap --variant=minbase bullseye "$CH" http://deb.debian.org/debian >/dev/null
  touch "$CH/.debootstrapped"
fi
mount_chroot
if [ ! -f "$CH/.ready" ]; then
  log "build and Qt libraries in the chroot"
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$CH/etc/apt/sources.list.d/bookworm-src.list"
  in_chroot apt-get update -qq
  in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $BUILD_DEPS $QT_LIBS >/dev/null
  touch "$CH/.ready"
fi

if [ ! -x "$CH$PYPREFIX/bin/python3.11" ]; then
  log "CPython 3.11 from Debian's python3.11 source, glibc symbols <= $GLIBC_MAX"
  tp=$(stamp)
  rm -rf "$CH/src/python" && mkdir -p "$CH/src/python"
  # Debian's source as Debian ships it (upstream 3.11.2 with Debian's security fixes applied)
  in_chroot bash -c "cd /src/python && apt-get source -qq python3.11 >/dev/null 2>&1 && test -x python3.11-3.11.*/configure"
  # Debian builds pyexpat into the interpreter; its backported recursion fix includes an internal
  # header that a shared pyexpat module may only use as upstream 3.11 does (Py_BUILD_CORE_MODULE)
  sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' "$CH"/src/python/python3.11-3.11.*/Modules/pyexpat.c
  # and its install links _sysconfigdata for the multiarch name even when it exists
  sed -i 's/\$(LN) -s _sysconfigdata_/$(LN) -sf _sysconfigdata_/' "$CH"/src/python/python3.11-3.11.*/Makefile.pre.in
  python3 packaging/xinchuang/symver.py "$GLIBC_MAX" "$CH/lib/x86_64-linux-gnu" > "$CH/src/python/glibc.h"
  in_chroot bash -c "cd /src/python/python3.11-3.11.* && \
    ./configure -q --prefix=$PYPREFIX --enable-shared --with-ensurepip=no \
      LDFLAGS='-Wl,-rpath,$PYPREFIX/lib' CFLAGS='-include /src/python/glibc.h' \
      ac_cv_func_sem_clockwait=no ac_cv_func_pthread_cond_clockwait=no ac_cv_func_gettid=no \
      ac_cv_func_posix_spawn_file_actions_addchdir_np=no ac_cv_func_pidfd_open=no \
      ac_cv_func_close_range=no ac_cv_func_twalk_r=no >/dev/null && \
    make -s -j2 >/tmp/python-make.log 2>&1 && make -s altinstall >>/tmp/python-make.log 2>&1" \
    || { tail -30 "$CH/tmp/python-make.log"; exit 1; }
  log "CPython built in $(( $(stamp) - tp ))s"
fi

lockhash=$(sha256sum requirements/linux-compat.lock | cut -c1-16)
if [ "$(cat "$CH/build/venv/.lock-installed" 2>/dev/null)" != "$lockhash" ]; then
  log "wheels for manylinux_2_28 x86_64 (requirements/linux-compat.lock, hashes checked), installed offline"
  mkdir -p "$CH/build/wheels"
  platforms=(); for m in $(seq 28 -1 5); do platforms+=(--platform "manylinux_2_${m}_x86_64"); done
  platforms+=(--platform manylinux2014_x86_64 --platform manylinux2010_x86_64 --platform manylinux1_x86_64)
  python3 -m pip download -q --only-binary=:all: "${platforms[@]}" --python-version 3.11 \
    --implementation cp --abi cp311 --no-deps --require-hashes -r requirements/linux-compat.lock \
    -d "$CH/build/wheels"
  cp requirements/linux-compat.lock "$CH/build/"
  rm -rf "$CH/build/venv"
  # Debian's python3.11 source disables ensurepip: the venv's pip comes from the lock's pip wheel
  in_chroot $PYPREFIX/bin/python3.11 -m venv --without-pip /build/venv
  in_chroot bash -c "/build/venv/bin/python \$(echo /build/wheels/pip-*.whl)/pip install -q --no-index \
    --find-links /build/wheels --no-deps --require-hashes -r /build/linux-compat.lock"
  echo "$lockhash" > "$CH/build/venv/.lock-installed"
fi

log "project source into the chroot; translations; PyInstaller (build.spec)"
rm -rf "$CH/build/src" && mkdir -p "$CH/build/src"
tar -C "$ROOT" --exclude=__pycache__ --exclude='*.qm' -cf - build.spec workload_app resources db \
  pyproject.toml README.md | tar -C "$CH/build/src" -xf -
in_chroot bash -c 'cd /build/src && for ts in resources/i18n/*.ts; do /build/venv/bin/pyside6-lrelease -silent $ts -qm ${ts%.ts}.qm; done'
tb=$(stamp)
in_chroot env WORKLOAD_BUNDLE=linux-compat bash -c "cd /build/src && /build/venv/bin/pyinstaller build.spec \
  --noconfirm --clean --log-level WARN --distpath /build/dist --workpath /build/work"
log "bundle built in $(( $(stamp) - tb ))s: $(du -sh "$BUNDLE" | cut -f1)"

bash packaging/xinchuang/gate.sh "$BUNDLE"
bash packaging/xinchuang/check.sh bundle

log "tar.gz and .deb"
rm -rf "$B/pkg" && mkdir -p "$B/pkg/$NAME"
cp -a "$BUNDLE" "$B/pkg/$NAME/workload-app"
cp packaging/xinchuang/workload-app.desktop "$B/pkg/$NAME/"
cp resources/icons/app.png "$B/pkg/$NAME/workload-app.png"
tar -C "$B/pkg" -czf "$OUT/$NAME.tar.gz" "$NAME"
bash packaging/xinchuang/deb.sh "$BUNDLE" "$OUT/workload-app_${VERSION}_amd64.deb"
bash packaging/xinchuang/check.sh deb
ls -l "$OUT"
log "done in $(( $(stamp) - t0 ))s: $(du -h "$OUT/$NAME.tar.gz" | cut -f1) tar.gz, $(du -h "$OUT/workload-app_${VERSION}_amd64.deb" | cut -f1) .deb"
