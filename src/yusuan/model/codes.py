"""Classification codes: function (支出功能分类) and economic (经济分类) codes.

Disclosures print the same code as "2080101", "208 01 01", "20801 01" or across three 类|款|项
columns where a blank means "same as above"; everything is normalised here to the plain digit
string so that tables, narrative and registries can be joined on it.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^\d+$")


def parse_code(text: str, unit_code: bool = False) -> str | None:
    """Parse one printed code: "2080101", "208 01 01", "２０８０１" … → its digits; None if not a
    code. Classification codes have at most 8 digits; budget-unit codes may be longer."""
    compact = re.sub(r"[\s\u3000]+", "", text or "")
    compact = compact.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not compact or not _DIGITS.match(compact):
        return None
    if len(compact) > 8 and not unit_code:
        return None
    return compact


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
