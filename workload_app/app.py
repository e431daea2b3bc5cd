"""Composition root: QApplication, translations, the database, the main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from workload_app import __version__


def _setup_logging() -> Path:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("workload-app", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "workload.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)
    return folder / "workload.log"


def _display_missing() -> bool:
    if sys.platform != "linux":
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return not platform and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workload-app", description="法官工作量计算器")
    parser.add_argument(
        "--db", default=None, help="数据库文件，或法院服务器 postgresql://主机:端口/数据库（打开连接对话框）"
    )
    parser.add_argument(
        "--user",
        default=None,
        help="账户：法院服务器或数据库文件上的登录名（密码在对话框中输入，或取自 $WORKLOAD_PASSWORD）",
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="界面语言")
    parser.add_argument("--smoke", action="store_true", help="启动、显示主窗口后立即退出（用于检查安装）")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="在临时数据库上导入、计算、生成一份考核表 PDF 并读回，检查安装（不打开窗口）",
    )
    parser.add_argument(
        "--self-test-workers", type=int, default=2, metavar="N", help="自检时生成考核表的进程数（默认 2）"
    )
    parser.add_argument("--version", action="version", version=f"workload-app {__version__}")
    args = parser.parse_args(argv)
    if args.self_test:
        from workload_app import self_test

        return self_test.run(workers=args.self_test_workers)
    if _display_missing():
        print("没有图形显示（DISPLAY 未设置）。请在虚拟屏幕上运行：xvfb-run -a workload-app", file=sys.stderr)
        return 2
    _setup_logging()
    from workload_app.ui.application import run

    return run(args.db, args.lang, smoke=args.smoke, user=args.user)


if __name__ == "__main__":
    sys.exit(main())
