"""Radical code points that PDF writers emit in place of ideographs.

CJK fonts (Noto CJK, Source Han) draw 金 and the Kangxi radical ⾦ with one glyph; a PDF writer
that maps that glyph back to Unicode may pick the radical, so "基金" extracts as "基⾦" and no
title, header or name matches. Every code point of the CJK Radicals Supplement (U+2E80–U+2EFF)
and Kangxi Radicals (U+2F00–U+2FDF) blocks folds to the ideograph a mainland font draws with the
same glyph (catalogue/radicals.toml, generated from Noto Sans CJK SC: ⼾ is 户 there, where NFKC
would give the traditional 戶).
"""

from __future__ import annotations

from ..catalogue import radical_folds


def fold_radical(text: str) -> str:
    """The ideograph a single radical character stands for (other text unchanged)."""
    if not text or not ("\u2e80" <= text[0] <= "\u2fdf"):
        return text
    return radical_folds().get(text, text)
