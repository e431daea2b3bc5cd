"""The CJK TrueType font embedded (subset) in every PDF: the bundle's first, then the system's.

reportlab cannot embed CFF-outline fonts (Noto CJK .otf/.ttc) and its built-in STSong-Light is not
embedded at all, so a TrueType-outline font is required. Nothing is downloaded at run time.

Headings, titles and key figures are set in a real bold face, a second CJK TrueType face with
a bold weight: LXGW WenKai Bold (霞鹜文楷, SIL OFL 1.1, Debian's fonts-lxgw-wenkai, bundled with its
licence; 微软雅黑 Bold or 黑体 on Windows). A character that face lacks is drawn in the regular face
(``segments(..., bold=True)``), never left blank; without any bold face the regular one stands in.

Names with rare characters (CJK Extension B such as 𠮷) are outside WenQuanYi/YaHei: those
characters are drawn with a fallback face that has them (花園明朝 HanaMinB from Debian's
fonts-hanazono, bundled with its licence; SimSun-ExtB on Windows). ``markup`` and ``segments``
pick the face per character; ``missing`` names what no face can draw, so a batch warns instead
of printing a blank.
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
FALLBACK_NAME = "CJK-ExtB"

_FALLBACK_CANDIDATES = (
    "HanaMinB.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
    "C:/Windows/Fonts/simsunb.ttf",
)

_BOLD_CANDIDATES = (
    "LXGWWenKai-Bold.ttf",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
    "C:/Windows/Fonts/msyhbd.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)

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


def _first_present(candidates: tuple[str, ...]) -> Path | None:
    """The first of ``candidates`` on this machine: a path (with a "/") as it is, a bare file name
    in the fonts bundled with the program (the frozen bundle's first)."""
    for candidate in candidates:
        if "/" in candidate:
            if Path(candidate).exists():
                return Path(candidate)
            continue
        for d in _bundle_dirs():
            if (d / candidate).exists():
                return d / candidate
    return None


def find_font() -> Path:
    env = os.environ.get("WORKLOAD_FONT")
    if env and Path(env).exists():
        return Path(env)
    found = _first_present(_CANDIDATES)
    if found is not None:
        return found
    raise WorkloadError(
        "找不到可嵌入 PDF 的中文 TrueType 字体。请安装文泉驿微米黑（Debian：apt-get install fonts-wqy-microhei），"
        "或在 Windows 上确认有微软雅黑/黑体/宋体，或设置环境变量 WORKLOAD_FONT 指向一个 .ttf/.ttc 文件。"
    )


def find_bold_font() -> Path | None:
    env = os.environ.get("WORKLOAD_BOLD_FONT")
    if env is not None:  # "" switches the bold face off (the regular face stands in)
        return Path(env) if env and Path(env).exists() else None
    return _first_present(_BOLD_CANDIDATES)


def _tt(name: str, path: Path) -> TTFont:
    return (
        TTFont(name, str(path), subfontIndex=0) if path.suffix.lower() == ".ttc" else TTFont(name, str(path))
    )


def find_fallback_font() -> Path | None:
    env = os.environ.get("WORKLOAD_FALLBACK_FONT")
    if env is not None:  # "" switches the fallback off (tests of the warning)
        return Path(env) if env and Path(env).exists() else None
    return _first_present(_FALLBACK_CANDIDATES)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab writes ToUnicode targets as ``%04X``, which garbles code points above U+FFFF
    (text extraction and search then see U+20BB for 𠮷); write them as UTF-16 surrogate pairs."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(
            f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
            for i, v in enumerate(subset)
        ),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


@lru_cache(maxsize=1)
def _fallback_registered() -> bool:
    path = find_fallback_font()
    if path is None:
        return False
    pdfmetrics.registerFont(TTFont(FALLBACK_NAME, str(path)))
    pdfmetrics.registerFontFamily(
        FALLBACK_NAME,
        normal=FALLBACK_NAME,
        bold=FALLBACK_NAME,
        italic=FALLBACK_NAME,
        boldItalic=FALLBACK_NAME,
    )
    return True


@lru_cache(maxsize=1)
def _main_chars() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT_NAME).face.charToGlyph)


@lru_cache(maxsize=1)
def _bold_chars() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(BOLD_NAME).face.charToGlyph)


@lru_cache(maxsize=1)
def _fallback_chars() -> frozenset[int]:
    if not _fallback_registered():
        return frozenset()
    return frozenset(pdfmetrics.getFont(FALLBACK_NAME).face.charToGlyph)


def _needs_fallback(ch: str) -> bool:
    # control characters and plain spaces never need a glyph from another face
    return ord(ch) >= 0x2E80 and ord(ch) not in _main_chars()


def missing(text: str) -> str:
    """The characters of ``text`` that neither the main nor the fallback face can draw."""
    out = []
    for ch in text:
        if _needs_fallback(ch) and ord(ch) not in _fallback_chars() and ch not in out:
            out.append(ch)
    return "".join(out)


def _face(ch: str, bold: bool) -> str:
    if bold and ord(ch) in _bold_chars():
        return BOLD_NAME
    if _needs_fallback(ch) and ord(ch) in _fallback_chars():
        return FALLBACK_NAME
    return FONT_NAME


def segments(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` cut into runs of (font name, characters): the bold face (with ``bold``) where it has
    the character, else the regular face, the fallback face for the rare ones."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = _face(ch, bold)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def markup(text: str, bold: bool = False) -> str:
    """``text`` escaped for a reportlab Paragraph, rare characters wrapped in the fallback face;
    with ``bold`` every run names its face (bold where the bold face has the character), so the
    text is bold whatever the paragraph's style."""
    out = []
    for font, run in segments(text, bold):
        run = run.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(run if font == FONT_NAME and not bold else f'<font name="{font}">{run}</font>')
    return "".join(out)


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
    # the bold face: a second CJK face with a bold weight, or the regular face where none is found
    pdfmetrics.registerFont(_tt(BOLD_NAME, find_bold_font() or path))
    pdfmetrics.registerFontFamily(
        FONT_NAME, normal=FONT_NAME, bold=BOLD_NAME, italic=FONT_NAME, boldItalic=BOLD_NAME
    )
    # reportlab starts every canvas and every chart label in Helvetica, which would leave a
    # non-embedded font in each PDF; start them in the embedded face instead
    # (table cells too: their default Helvetica reached every page as a non-embedded font)
    from reportlab import rl_config
    from reportlab.graphics import shapes
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import tables

    rl_config.canvas_basefontname = FONT_NAME
    shapes.STATE_DEFAULTS["fontName"] = FONT_NAME
    tables.CellStyle.fontname = FONT_NAME
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    return FONT_NAME
