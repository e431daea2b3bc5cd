"""Text as it arrives from exports: full-width characters, stray and odd spaces, look-alike names."""

from __future__ import annotations

import functools
import re
import unicodedata

from workload_app.core.messages import Coded

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
# Invisible characters a copy-paste or an export carries inside a name: zero-width space, joiners,
# marks, word joiner, soft hyphen, BOM.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Every dot a minority name (买买提·艾力) is written with: middle dot, bullets, katakana middle dot,
# hyphenation point, dot operators, full-width and small full stops, ideographic-looking dots.
_DOTS = re.compile(r"[\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65\ufe52\uff0e.\u318d\u2e31\u16eb\ua78f]")
_NAME_SPACES = re.compile(r"[\s\u00a0\u3000]+")

# Longest part of a cell quoted back in a message: enough to recognise it, never a screenful.
QUOTE_LIMIT = 60


def normalize_text(value: object) -> str:
    """Full-width letters and digits to half-width (NFKC), spaces trimmed and collapsed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub(" ", s).strip()


def compact(value: object) -> str:
    """normalize_text without any space at all, lower-cased: for matching headers."""
    return normalize_text(value).replace(" ", "").lower()


def name_key(value: object) -> str:
    """What two spellings of one person's name share: no invisible characters, no spaces of any
    width, one middle dot for all its look-alikes (张·三, 张•三, 张・三 and 张 三 are one key each).
    Only for matching; the roster's own spelling is what gets stored."""
    if value is None:
        return ""
    s = _INVISIBLE.sub("", str(value))
    s = unicodedata.normalize("NFKC", s)
    s = _INVISIBLE.sub("", s)
    s = _NAME_SPACES.sub("", s)
    return _DOTS.sub("·", s)


def strip_invisible(value: str) -> str:
    """The text without zero-width and other invisible characters (they never separate words)."""
    return _INVISIBLE.sub("", value)


def clip(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A cell quoted in a message: one line, cut to ``limit`` characters with the length said."""
    if value is None:
        return ""
    s = str(value)
    if len(s) > limit * 4:
        s = s[: limit * 4]  # never normalise a megabyte to show sixty characters
        total = len(str(value))
    else:
        total = None
    s = " ".join(s.split())
    if total is None and len(s) <= limit:
        return s
    return Coded("text.clipped", head=s[:limit], count=total or len(s))


@functools.cache
def _t2s():  # noqa: ANN202 - opencc.OpenCC, imported on first use (its dictionaries load in a few ms)
    import opencc

    return opencc.OpenCC("t2s.json")


def to_simplified(value: str) -> str:
    """``value`` with traditional characters written simplified (趙靜 → 赵静), by OpenCC's t2s."""
    return _t2s().convert(value)


def folded_name_key(value: object) -> str:
    """What two names a person would take for one share: ``name_key`` (no invisible characters, no
    spaces, one middle dot), then traditional characters folded to simplified. 趙靜, 赵 静 and 赵静
    share a key. Two *different* names with one folded key are a probable duplicate to confirm,
    not the same judge: 乾 and 干 fold alike but can be two people's names."""
    return to_simplified(name_key(value))
