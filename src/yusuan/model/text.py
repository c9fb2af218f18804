"""Text helpers every layer shares: whitespace, enumerators, headings, joining wrapped lines.

Disclosures number their headings and table rows the same way (一、 （一） 1. ①) and wrap lines
wherever the page ends; one definition of each here keeps the readers, the recogniser, the audit
and compose reading them alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"[\s\u3000]+")
_NUMERAL = "[一二三四五六七八九十]+"
# an enumerator at the start of a label or heading: （一） 一、 1、 1. ①
ENUMERATOR = re.compile(
    rf"^\s*(?:[（(]\s*{_NUMERAL}\s*[)）]|{_NUMERAL}\s*[、.．]|\d+\s*[、.．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
# the start of a heading or of a new paragraph: 第一部分, 一、, （一）/（1）, 1、/1.
HEADING = re.compile(rf"^\s*(第{_NUMERAL}部分|{_NUMERAL}、|[（(](?:{_NUMERAL}|\d+)[)）]|\d+[、.．](?!\d))")
_DEPTHS = (
    re.compile(rf"^{_NUMERAL}[、.．]"),  # 一、
    re.compile(rf"^[（(]{_NUMERAL}[)）]"),  # （一）
    re.compile(r"^其中[:：]?"),  # 其中：
)
_WRAP_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]")


def compact(text: str) -> str:
    """Remove all whitespace (exports break words with spaces and line wraps)."""
    return _SPACES.sub("", text or "")


def strip_enumerator(text: str) -> str:
    return ENUMERATOR.sub("", text or "", count=1)


def enumerator_depth(label: str) -> int | None:
    """Numbering depth of a label: 一、 → 1, （一） → 2, 其中 → 3, else None."""
    text = compact(label)
    return next((depth for depth, pattern in enumerate(_DEPTHS, 1) if pattern.match(text)), None)


def plain_label(label: str) -> str:
    """A row label without spaces, enumerator and a leading 其中：."""
    return re.sub(r"^其中[:：]?", "", compact(strip_enumerator(compact(label))))


def normalize_label(text: str) -> str:
    """Label as printed but without wrap spaces between Chinese characters."""
    return _WRAP_SPACE.sub("", (text or "").strip())


def is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


def glue(before: str, after: str) -> str:
    """What goes between two pieces of one wrapped text: nothing when either side is Chinese (or
    full-width punctuation), one space between Latin words."""
    return "" if not before or not after or is_cjk(before[-1]) or is_cjk(after[0]) else " "


def join_wrapped(parts: Iterable[str]) -> str:
    """Lines of one wrapped text joined back: no space between Chinese, one between Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if part:
            out += glue(out, part) + part
    return out


_BRACKETS = str.maketrans("（）［］【】", "()[][]")


def normal_name(name: str) -> str:
    """A name compared by its words: no spaces, one bracket width, no punctuation."""
    text = compact(name).translate(_BRACKETS)
    return re.sub(r"[“”\"'、，,。.·\-—_]", "", text)


OPENING_BRACKETS, CLOSING_BRACKETS = "（(【[", "）)】]"


def bracket_depths(text: str) -> list[int]:
    """The bracket depth at every character (0 outside brackets; a bracket itself counts as
    outside), for telling a remark in brackets from the statement around it."""
    depth, found = 0, []
    for ch in text:
        if ch in CLOSING_BRACKETS:
            depth = max(0, depth - 1)
        found.append(depth)
        if ch in OPENING_BRACKETS:
            depth += 1
    return found


def outside_brackets(text: str) -> str:
    """The text with what stands in brackets (and the brackets) left out."""
    return "".join(ch for ch, depth in zip(text, bracket_depths(text), strict=True)
                   if depth == 0 and ch not in OPENING_BRACKETS and ch not in CLOSING_BRACKETS)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value: str) -> str:
    """Text for a spreadsheet or CSV cell that a spreadsheet shows but never runs: text starting
    with = + - @ (or a tab or carriage return) gets a leading apostrophe, so "=cmd|…" from a
    document stays text (formula injection)."""
    if not value.startswith(FORMULA_START) or not value.strip("-"):
        return value  # (a cell of dashes only, "-" for none, runs nothing)
    return "'" + value
