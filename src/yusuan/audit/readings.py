"""Read a catalogue-described quantity out of a disclosure's tables, with the cells it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Disclosure, Row, Table
from ..money import Unit, convert
from ..recognize.text import compact, strip_enumerator
from .context import cell
from .findings import Evidence
from .structure import certain

_SUBITEM = re.compile(r"^其中[:：]?")


@dataclass
class Reading:
    value: Decimal  # 万元
    cells: list[Evidence]
    table: Table


def plain_label(label: str) -> str:
    return _SUBITEM.sub("", compact(strip_enumerator(compact(label))))


def condition_holds(disclosure: Disclosure, condition: str | None) -> bool:
    if not condition:
        return True
    figures = disclosure.figures
    if condition == "gpb_only":
        total, gpb = figures.get("total_income"), figures.get("general_public_budget")
        return bool(total and gpb and total.value == gpb.value)
    if condition == "no_carryover":
        carry = figures.get("carry_over")
        return carry is None or carry.value == 0
    if condition == "no_carryover_table":
        return not any(t.rows for t in disclosure.tables_of("projects_carryover"))
    raise ValueError(f"unknown condition {condition}")


def _rows(table: Table, spec: dict) -> list[Row]:
    rows = [r for r in table.rows if not spec.get("section") or r.section == spec["section"]]
    if spec.get("role"):
        return [r for r in rows if r.role == spec["role"] and not r.section][:1]
    if spec.get("after"):
        after = re.compile(spec["after"])
        start = next((i for i, r in enumerate(rows) if after.search(plain_label(r.label))), None)
        if start is None:
            return []
        rows = rows[start + 1: start + 3]
    pattern = re.compile(spec["row"])
    return [r for r in rows if pattern.search(plain_label(r.label))][:1]


def read(disclosure: Disclosure, spec: dict) -> Reading | None:
    """The quantity as one table prints it, or None when that table does not state it."""
    if not condition_holds(disclosure, spec.get("when")):
        return None
    for table in disclosure.tables_of(spec["table"]):
        for row in _rows(table, spec):
            if not certain(row, table):
                return None
            for columns in spec.get("columns", [["total"]]):
                if all(c in table.columns for c in columns) and any(c in row.values for c in columns):
                    cells = [cell(table, row, c) for c in columns if c in row.values]
                    total = sum((row.values[c] for c in columns if c in row.values), Decimal(0))
                    return Reading(convert(total, table.unit or Unit.WAN, Unit.WAN), cells, table)
    return None
