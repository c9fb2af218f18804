"""Amounts as Decimal with an explicit unit.

Disclosures print money in 万元 (most regions) or 元 (Shanghai, some performance tables); mixing
them silently is the most common review finding, so an amount never travels without its unit and
conversion is always an explicit call.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－（）＋", "0123456789.,-()+"
)
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
EMPTY_MARKS = {"", "-", "--", "—", "——", "/", "－", "…"}


class Unit(StrEnum):
    """Money unit as printed in a disclosure."""

    YUAN = "元"
    WAN = "万元"

    @property
    def factor(self) -> Decimal:
        """How many 元 one unit is."""
        return Decimal(1) if self is Unit.YUAN else Decimal(10000)


def convert(value: Decimal, source: Unit, target: Unit) -> Decimal:
    """Convert exactly between 元 and 万元 (no rounding: Decimal keeps every digit)."""
    if source is target:
        return value
    return value * source.factor / target.factor


def parse_unit(text: str) -> Unit | None:
    """Find the amount unit declared in a cell or line such as "单位：万元" or "金额单位：元"."""
    compact = re.sub(r"\s+", "", text)
    match = re.search(r"单位[:：]?(万元|元)", compact)
    if match:
        return Unit(match.group(1))
    match = re.search(r"[（(](万元|元)[）)]", compact)
    if match:
        return Unit(match.group(1))
    return None


def normalize_number_text(text: str) -> str:
    """Full-width digits and punctuation to ASCII, spaces removed."""
    return _SPACES.sub("", text.translate(_FULLWIDTH))


def parse_amount(text: str | None) -> Decimal | None:
    """Parse a printed amount; None when the cell holds no number.

    Accepts thousands separators, full-width digits, a leading sign and accounting
    parentheses for negatives: "（1,234.50）" is -1234.50. Anything else (words, codes with
    letters, dates) is not an amount.
    """
    if text is None:
        return None
    cleaned = normalize_number_text(text)
    if cleaned in EMPTY_MARKS:
        return None
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative = True
        cleaned = cleaned[1:-1]
    if not _NUMBER.match(cleaned):
        return None
    try:
        value = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return None
    return -value if negative else value


def format_decimal(value: Decimal) -> str:
    """Decimal as a plain string without exponent ("1234.50"), for JSON and messages.

    A value whose exponent a plain string cannot keep (Decimal("1E+2"), i.e. 100 printed to the
    hundreds) is written in scientific form so that reading it back gives the same Decimal."""
    plain = format(value, "f")
    return plain if Decimal(plain).as_tuple() == value.as_tuple() else str(value)
