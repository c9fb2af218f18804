"""Read a catalogue-described quantity out of a disclosure's tables, with the cells it came from."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..model import Disclosure, Table
from ..model.findings import Evidence
from ..model.money import Unit, convert
from ..model.select import select_rows
from .context import cell


@dataclass
class Reading:
    value: Decimal  # 万元
    cells: list[Evidence]
    table: Table


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
    if condition == "no_carry_forward":
        forward = figures.get("carry_forward")
        return forward is None or forward.value == 0
    if condition == "no_carryover_table":
        return not any(t.rows for t in disclosure.tables_of("projects_carryover"))
    raise ValueError(f"unknown condition {condition}")


def read(disclosure: Disclosure, spec: dict) -> Reading | None:
    """The quantity as one table prints it, or None when that table does not state it."""
    if not condition_holds(disclosure, spec.get("when")):
        return None
    for table in disclosure.tables_of(spec["table"]):
        for row in select_rows(table, spec)[:1]:
            if not row.certain or table.doubts:
                return None
            for columns in spec.get("columns", [["total"]]):
                if all(c in table.columns for c in columns) and any(c in row.values for c in columns):
                    cells = [cell(table, row, c) for c in columns if c in row.values]
                    total = sum((row.values[c] for c in columns if c in row.values), Decimal(0))
                    return Reading(convert(total, table.unit or Unit.WAN, Unit.WAN), cells, table)
    return None
