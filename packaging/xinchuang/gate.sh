#!/usr/bin/env bash
# The glibc <= 2.28 / GLIBCXX <= 3.4.21 gate over a bundle folder (default: the chroot's build).
set -euo pipefail
source "$(dirname "$0")/env.sh"
python3 "$ROOT/packaging/xinchuang/gate.py" "${1:-$BUNDLE}" "$GLIBC_MAX" "$GLIBCXX_MAX"
