"""Small text helpers shared by the recognisers."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s\u3000]+")
ENUMERATOR = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)


def compact(text: str) -> str:
    """Remove all whitespace (exports break words with spaces and line wraps)."""
    return _SPACES.sub("", text or "")


def strip_enumerator(text: str) -> str:
    return ENUMERATOR.sub("", text or "", count=1)


def normalize_label(text: str) -> str:
    """Label as printed but without wrap spaces between Chinese characters."""
    text = (text or "").strip()
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", text)
