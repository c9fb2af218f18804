"""Radical code points that PDF writers emit in place of ideographs.

CJK fonts (Noto CJK, Source Han) draw 金 and the Kangxi radical ⾦ with one glyph; a PDF writer
that maps that glyph back to Unicode may pick the radical, so "基金" extracts as "基⾦" and no
title, header or name matches. Kangxi radicals (U+2F00–U+2FDF) fold by NFKC; the simplified
forms in CJK Radicals Supplement (U+2E80–U+2EFF) have no decomposition and are listed here.
"""

from __future__ import annotations

import unicodedata

_SUPPLEMENT = {
    "⺠": "民", "⺼": "月", "⻄": "西", "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝", "⻋": "车", "⻏": "阝",
    "⻓": "长", "⻔": "门", "⻖": "阝", "⻘": "青", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻟": "饣",
    "⻠": "饣", "⻢": "马", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻩": "黄", "⻪": "黾", "⻫": "齐", "⻭": "齿",
    "⻯": "龙", "⻰": "龙", "⻳": "龟",
}


def fold_radical(text: str) -> str:
    """The ideograph a single radical character stands for (other text unchanged)."""
    if not text or not ("\u2e80" <= text[0] <= "\u2fdf"):
        return text
    return _SUPPLEMENT.get(text) or unicodedata.normalize("NFKC", text)
