# Two commands on a fresh Debian 12 machine:
#   make run   set up, create the demo database on first run, open the window
#   make test  set up, then ruff, the import-linter contract and the whole suite, headless
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# What the PySide6 wheels need even offscreen, what a real window needs, and a CJK TrueType font
# for the window and for embedding in PDFs.
QT_PKGS := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libx11-6 libxkbcommon0
XCB_PKGS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
            libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
FONT_PKGS := fonts-wqy-microhei fonts-hanazono fonts-lxgw-wenkai
# pdffonts/pdftoppm: the tests check that every font in the sheets is embedded
TOOL_PKGS := poppler-utils
# the tests start a throwaway court server (initdb/pg_ctl from Debian's PostgreSQL 15)
SERVER_PKGS := postgresql
SYS_PKGS := $(QT_PKGS) $(XCB_PKGS) $(FONT_PKGS) $(TOOL_PKGS) $(SERVER_PKGS)

.PHONY: run test setup sysdeps lint demo bench dist dist-check i18n clean locks \
        dist-windows dist-windows-check dist-xinchuang dist-xinchuang-check

setup: sysdeps $(STAMP) i18n

sysdeps:
	@missing=""; \
	for p in $(SYS_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing system packages. Run once:"; \
	    echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

i18n: $(STAMP)
	@for ts in resources/i18n/*.ts; do \
	  [ -f $$ts ] || continue; qm=$${ts%.ts}.qm; \
	  if [ ! -f $$qm ] || [ $$ts -nt $$qm ]; then $(VENV)/bin/pyside6-lrelease -silent $$ts -qm $$qm; fi; \
	done

run: setup
	@$(PY) -m workload_app.cli demo --if-missing
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != "offscreen" ]; then \
	  echo "No display found. Run the window on a virtual screen instead:"; \
	  echo "  apt-get install -y xvfb && xvfb-run -a make run"; exit 1; \
	fi
	@# the demo database, named: the start screen (本机单独使用 / 连接法院服务器) is for a PC's first start
	$(PY) -m workload_app --db "$$($(PY) -c 'from workload_app.services.session import default_db_path; print(default_db_path())')"

lint: $(STAMP)
	$(VENV)/bin/ruff check workload_app tests benchmarks
	$(VENV)/bin/ruff format --check workload_app tests benchmarks
	$(VENV)/bin/lint-imports

test: setup lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

demo: setup
	$(PY) -m workload_app.cli demo

bench: setup
	$(PY) -m pip install -q -e '.[bench]'
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.run $(if $(SIZES),--sizes $(SIZES))

# The one-folder desktop bundle (build.spec), and a check that it starts: offscreen, on a fresh
# database, the main window comes up and the program exits 0.
dist: setup
	$(PY) -m pip install -q -e '.[dist]'
	$(VENV)/bin/pyinstaller build.spec --noconfirm --clean --log-level WARN --distpath dist --workpath build
	@du -sh dist/workload-app

dist-check: dist
	@tmp=$$(mktemp -d); \
	QT_QPA_PLATFORM=offscreen XDG_DATA_HOME=$$tmp XDG_CONFIG_HOME=$$tmp XDG_STATE_HOME=$$tmp \
	  timeout 120 dist/workload-app/workload-app --smoke --db $$tmp/fresh.sqlite; status=$$?; \
	test -s $$tmp/fresh.sqlite || { echo "no database created"; exit 1; }; \
	rm -rf $$tmp; exit $$status

# The bundles for the courts' PCs, each from its own lock (requirements/*.lock, with hashes;
# `make locks` recompiles them after a dependency changed). Run as root on Debian 12; they install
# the Debian packages they need and do not use the development venv. Not run by CI.
# Windows 10/11: the onedir built by a Windows CPython under wine, --smoke and --self-test under
# wine, the NSIS installer, a silent install (/S), the installed program started, uninstalled.
dist-windows:
	bash packaging/windows/build.sh

dist-windows-check:
	bash packaging/windows/check.sh bundle
	bash packaging/windows/check.sh installer

# Kylin V10 / UOS 20 (x86_64, glibc 2.28): built in a Debian 11 chroot, the glibc/GLIBCXX gate,
# --smoke and --self-test in the chroot, the .tar.gz and the .deb (installed and started there).
dist-xinchuang:
	bash packaging/xinchuang/build.sh

dist-xinchuang-check:
	bash packaging/xinchuang/gate.sh
	bash packaging/xinchuang/check.sh bundle
	bash packaging/xinchuang/check.sh deb

locks:
	bash packaging/lock.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache
