#!/usr/bin/env bash
# The .deb for UOS/Kylin's package manager: the bundle under /opt/workload-app, /usr/bin/workload-app,
# the desktop entry and its icon.   deb.sh BUNDLE_DIR OUT.deb
set -euo pipefail
source "$(dirname "$0")/env.sh"
bundle=$1 out=$2
root=$B/deb
rm -rf "$root" && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps"
cp -a "$bundle" "$root/opt/workload-app"
ln -s /opt/workload-app/workload-app "$root/usr/bin/workload-app"
install -m 644 "$ROOT/packaging/xinchuang/workload-app.desktop" "$root/usr/share/applications/"
install -m 644 "$ROOT/resources/icons/app.png" "$root/usr/share/icons/hicolor/256x256/apps/workload-app.png"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$size/" "$ROOT/packaging/xinchuang/control.in" > "$root/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$out" >/dev/null
echo "built $out"
