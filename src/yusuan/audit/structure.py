"""How the rows of a table nest, read from codes, budget-unit codes and enumerators.

Identities between rows (合计 = Σ units, 类 = Σ款 = Σ项, 一、 = Σ（一）…) need the tree the
printed table implies. Rows whose cells the recogniser could not align are left out: checking
them would report the reader's doubt as the document's error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..catalogue import audit_catalogue
from ..model import Row, Table
from ..recognize.text import compact

UNCERTAIN = {"ambiguous", "unbalanced"}
_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_SUBITEM = re.compile(r"^其中[:：]?")


def certain(row: Row, table: Table | None = None) -> bool:
    """The recogniser is sure of the row's cells: not flagged, and (given its table) every value
    sits under a named column and no text sits in an amount column (either means the header or
    a page's continuation was not understood)."""
    if UNCERTAIN & set(row.flags):
        return False
    if table is None:
        return True
    stray_text = any(key in table.columns or key.startswith("col") for key in row.texts)
    return not stray_text and all(key in table.columns for key in row.values)


def table_certain(table: Table) -> bool:
    return all(certain(r, table) for r in table.rows)


@dataclass
class Node:
    row: Row
    children: list[Node] = field(default_factory=list)


def _classification(code: str | None) -> bool:
    """Function (2xx) and economic (3xx/5xx) codes; anything else in a code column is a budget
    unit's code printed as a row."""
    shape = audit_catalogue("codes.toml")["shape"]
    return bool(code) and any(re.match(shape[k], code or "") for k in ("function", "economic"))


def tree(table: Table) -> tuple[Row | None, list[Node]]:
    """(the 合计 row, top-level nodes) for a one-sided table.

    Budget units nest by unit-code prefix; items belong to the unit printed above them and
    nest by code prefix; an item printed without a code directly after a coded one ("same as
    above") is its sibling.
    """
    total = next((r for r in table.rows if r.role == "total" and not r.section), None)
    if table.kind in audit_catalogue("arith.toml")["not_amount_tables"]:
        return None, []
    top: list[Node] = []
    unit_stack: list[Node] = []
    item_stack: list[tuple[str, Node]] = []
    last_code: str | None = None
    for row in table.rows:
        if row.role == "total" or row.section:
            continue
        node = Node(row)
        if row.role == "unit" or (row.role == "item" and row.code and not _classification(row.code)):
            item_stack = []
            key = row.unit_code or row.code or ""
            while unit_stack:
                parent_code = unit_stack[-1].row.unit_code or unit_stack[-1].row.code or ""
                if key and parent_code and key != parent_code and key.startswith(parent_code):
                    break
                unit_stack.pop()
            (unit_stack[-1].children if unit_stack else top).append(node)
            unit_stack.append(node)
            continue
        if row.role != "item":
            continue
        code = row.code or last_code
        last_code = code
        while item_stack and not (code and code.startswith(item_stack[-1][0]) and code != item_stack[-1][0]):
            item_stack.pop()
        parent = item_stack[-1][1] if item_stack else (unit_stack[-1] if unit_stack else None)
        (parent.children if parent else top).append(node)
        if code:
            item_stack.append((code, node))
    return total, top


def level(row: Row) -> int | None:
    """Enumerator depth of a two-sided table's row: 一、 → 1, （一） → 2, 其中 → 3."""
    label = compact(row.label)
    if _LEVEL1.match(label):
        return 1
    if _LEVEL2.match(label):
        return 2
    if _SUBITEM.match(label):
        return 3
    return None


def is_subitem(row: Row) -> bool:
    return bool(_SUBITEM.match(compact(row.label)))


def side(table: Table, section: str) -> list[Row]:
    return [r for r in table.rows if r.section == section]


def uncoded(table: Table) -> bool:
    return not any(r.code for r in table.rows) and not any(r.role == "unit" for r in table.rows)


def enumerated_top(rows: list[Row]) -> list[Row]:
    """Rows numbered 一、二、… (the first level of an uncoded list), if the list is numbered."""
    return [r for r in rows if _LEVEL1.match(compact(r.label))]


def subtotal_top(rows: list[Row], column: str = "total") -> list[Row]:
    """First-level rows of an uncoded list whose headings are followed by their details
    (工资福利支出 then 基本工资, 津贴补贴 …): a row is a heading when the rows right after it add
    up to it. Only used as an alternative reading when the flat sum does not hold."""
    top: list[Row] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        value = row.values.get(column)
        top.append(row)
        i += 1
        if value is None:
            continue
        running = Decimal(0)
        for j in range(i, len(rows)):
            running += rows[j].values.get(column) or Decimal(0)
            if abs(running - value) <= Decimal("0.005") * (j - i + 2) and j > i:
                i = j + 1
                break
            if running > value:
                break
    return top
