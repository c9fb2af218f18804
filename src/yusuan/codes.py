"""Classification codes: function (支出功能分类) and economic (经济分类) codes.

Disclosures print the same code as "2080101", "208 01 01", "20801 01" or across three 类|款|项
columns where a blank means "same as above"; everything is normalised here to the plain digit
string so that tables, narrative and registries can be joined on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Code:
    """A normalised classification code."""

    digits: str
    scheme: str  # "function", "econ_dept" (301…), "econ_gov" (501…), "unit"

    @property
    def level(self) -> int:
        """1 = 类, 2 = 款, 3 = 项 (function); 1 = 类, 2 = 款 (economic)."""
        if self.scheme == "function":
            return {3: 1, 5: 2, 7: 3}.get(len(self.digits), 0)
        if self.scheme.startswith("econ"):
            return {3: 1, 5: 2}.get(len(self.digits), 0)
        return 0


def scheme_of(digits: str) -> str:
    """Guess the scheme from the digits alone (used when the column does not say)."""
    if len(digits) in (3, 5) and digits[0] == "3":
        return "econ_dept"
    if len(digits) in (3, 5) and digits[0] == "5":
        return "econ_gov"
    if len(digits) in (3, 5, 7) and digits[0] == "2":
        return "function"
    return "unit"


def parse_code(text: str, scheme: str | None = None) -> Code | None:
    """Parse one printed code: "2080101", "208 01 01", "２０８０１" …; None if not a code."""
    compact = re.sub(r"[\s\u3000]+", "", text or "")
    compact = compact.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not compact or not _DIGITS.match(compact):
        return None
    if len(compact) > 8 and scheme != "unit":
        return None
    return Code(compact, scheme or scheme_of(compact))


def join_code_parts(parts: list[str], previous: list[str] | None) -> tuple[str | None, list[str]]:
    """Combine 类|款|项 columns into one code, filling blanks from the row above.

    `parts` are the printed cells (blank allowed); `previous` is the state returned for the row
    above. A blank 类 with a printed 款 means "same 类 as above". Returns the joined digits (None
    when nothing usable was printed) and the state for the next row.
    """
    cleaned = [re.sub(r"\s+", "", p or "") for p in parts]
    state = list(previous or [])
    printed = [i for i, cell in enumerate(cleaned) if cell]
    if not printed:
        return None, state
    joined: list[str] = []
    for level in range(printed[-1] + 1):
        cell = cleaned[level] or (state[level] if level < len(state) else "")
        if not _DIGITS.match(cell):
            return None, state
        if level and len(cell) == 1:  # 款/项 are two digits; spreadsheets drop the leading 0
            cell = "0" + cell
        joined.append(cell)
    return "".join(joined), joined
