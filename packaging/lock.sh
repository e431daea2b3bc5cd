#!/usr/bin/env bash
# Recompile the bundles' locks from pyproject.toml (runtime dependencies + the `dist` extra) and
# each target's constraints, with every wheel's sha256. Run after changing a dependency:
#   make locks
# uv resolves for the target's platform (Windows markers such as pywin32-ctypes are evaluated for
# win32, which pip on Linux cannot do). uv lives in build/tools, not in the development venv.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8
if ! build/tools/bin/uv --version 2>/dev/null | grep -q " $UV_VERSION"; then
  python3 -m venv build/tools
  build/tools/bin/pip install -q "uv==$UV_VERSION"
fi
compile() {  # $1 lock name, $2 uv platform
  build/tools/bin/uv pip compile pyproject.toml --extra dist --python-version 3.11 \
    --python-platform "$2" --only-binary :all: --generate-hashes --no-header \
    -c "requirements/$1.constraints" -o "requirements/$1.lock" --quiet
  sed -i "1i # Compiled by packaging/lock.sh for $2 (CPython 3.11) from pyproject.toml and requirements/$1.constraints" \
    "requirements/$1.lock"
}
compile windows x86_64-pc-windows-msvc
compile linux-compat x86_64-manylinux_2_28
echo "requirements/windows.lock and requirements/linux-compat.lock written"
