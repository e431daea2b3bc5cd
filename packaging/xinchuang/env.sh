# Sourced by build.sh and check.sh: where the 信创 build lives.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
B=$ROOT/build/xinchuang                  # chroot, wheels (gitignored)
CH=$B/chroot                             # Debian 11 (bullseye, glibc 2.31) as build system
PYPREFIX=/opt/py311                      # CPython 3.11 built in the chroot, glibc symbols <= 2.28
OUT=$ROOT/dist/xinchuang
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/workload_app/__init__.py")
NAME=workload-app-$VERSION-linux-x86_64
BUNDLE=$CH/build/dist/workload-app       # the PyInstaller onedir, inside the chroot
GLIBC_MAX=2.28                           # UOS 20, Kylin Server V10
GLIBCXX_MAX=3.4.21
stamp() { date +%s; }
mount_chroot() {  # /proc, /dev and /sys for the chroot; undone by umount_chroot (trap)
  mountpoint -q "$CH/proc" || mount -t proc proc "$CH/proc"
  mountpoint -q "$CH/dev" || mount --bind /dev "$CH/dev"
  mountpoint -q "$CH/sys" || mount --bind /sys "$CH/sys"
}
umount_chroot() { for m in sys dev proc; do mountpoint -q "$CH/$m" && umount -l "$CH/$m"; done; true; }
in_chroot() { chroot "$CH" /usr/bin/env -i HOME=/root PATH=$PYPREFIX/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
