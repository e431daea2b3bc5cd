"""The CJK TrueType font embedded (subset) in every PDF: the bundle's first, then the system's.

reportlab cannot embed CFF-outline fonts (Noto CJK .otf/.ttc) and its built-in STSong-Light is not
embedded at all, so a TrueType-outline font is required. Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workload_app.core.problems import WorkloadError

FONT_NAME = "CJK"
BOLD_NAME = "CJK-Bold"

_CANDIDATES = (
    # bundled with the desktop build (resources/fonts), then Linux, then Windows and macOS
    "wqy-microhei.ttc",
    "NotoSansSC-Regular.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/msyh.ttf",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
)


def _bundle_dirs() -> list[Path]:
    here = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"
    dirs = [here]
    if getattr(sys, "_MEIPASS", None):
        dirs.insert(0, Path(sys._MEIPASS) / "resources" / "fonts")
    return dirs


def find_font() -> Path:
    env = os.environ.get("WORKLOAD_FONT")
    if env and Path(env).exists():
        return Path(env)
    for candidate in _CANDIDATES:
        if "/" in candidate:
            if Path(candidate).exists():
                return Path(candidate)
            continue
        for d in _bundle_dirs():
            if (d / candidate).exists():
                return d / candidate
    raise WorkloadError(
        "找不到可嵌入 PDF 的中文 TrueType 字体。请安装文泉驿微米黑（Debian：apt-get install fonts-wqy-microhei），"
        "或在 Windows 上确认有微软雅黑/黑体/宋体，或设置环境变量 WORKLOAD_FONT 指向一个 .ttf/.ttc 文件。"
    )


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the CJK font with reportlab (once per process); returns its name."""
    path = find_font()
    font = (
        TTFont(FONT_NAME, str(path), subfontIndex=0)
        if path.suffix.lower() == ".ttc"
        else TTFont(FONT_NAME, str(path))
    )
    pdfmetrics.registerFont(font)
    # one face only: bold is drawn by the same font so that nothing falls back to a non-CJK face
    pdfmetrics.registerFont(
        TTFont(BOLD_NAME, str(path), subfontIndex=0)
        if path.suffix.lower() == ".ttc"
        else TTFont(BOLD_NAME, str(path))
    )
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=BOLD_NAME, italic=FONT_NAME, boldItalic=BOLD_NAME
    )
    # reportlab starts every canvas and every chart label in Helvetica, which would leave a
    # non-embedded font in each PDF; start them in the embedded face instead
    from reportlab import rl_config
    from reportlab.graphics import shapes

    rl_config.canvas_basefontname = FONT_NAME
    shapes.STATE_DEFAULTS["fontName"] = FONT_NAME
    return FONT_NAME
