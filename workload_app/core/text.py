"""Text as it arrives from exports: full-width characters, stray and odd spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


def normalize_text(value: object) -> str:
    """Full-width letters and digits to half-width (NFKC), spaces trimmed and collapsed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub(" ", s).strip()


def compact(value: object) -> str:
    """normalize_text without any space at all, lower-cased: for matching headers."""
    return normalize_text(value).replace(" ", "").lower()
