"""A disclosure as a reader of the web app sees it beside the findings: each table as rows of
named cells and each narrative paragraph, every piece carrying the source line (and page) a
finding's evidence points at, so the page can mark the cells a finding names. Also the function
class composition of spending, for comparisons. Plain values only (JSON-ready)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..catalogue import column_name, kind_by_key
from ..model import Disclosure
from ..model.disclosure import Row, Table
from ..model.enums import RowRole, Side, TableKind
from ..model.money import Unit, convert, format_decimal

SIDE_NAMES = {Side.INCOME: "收入", Side.EXPENDITURE: "支出", Side.EXPENDITURE_USE: "支出（按用途）"}
# where spending by function class (类) is printed, best first: every fund source, then 财政拨款, then 一般公共预算
COMPOSITION_TABLES = (TableKind.EXPENDITURE, TableKind.FISCAL_EXPENDITURE, TableKind.GPB_EXPENDITURE)


def _row_view(row: Row, columns: list[str]) -> dict[str, Any]:
    return {"label": row.label, "code": row.code, "line": row.location.line, "page": row.location.page,
            "depth": row.depth or 0, "total": row.role in (RowRole.TOTAL, RowRole.SUBTOTAL), "certain": row.certain,
            "cells": [{"key": key, "text": format_decimal(row.values[key]) if key in row.values else row.texts.get(key, "")}
                      for key in columns]}


def _section_columns(table: Table, rows: list[Row]) -> list[str]:
    used = [key for key in table.columns if any(key in r.values or key in r.texts for r in rows)]
    return used or list(table.columns)


def table_view(table: Table) -> dict[str, Any]:
    """One table as sections (a two-sided table's 收入 and 支出 blocks; one block otherwise) of
    rows whose cells are named by their column."""
    sections: dict[Side | None, list[Row]] = {}  # blocks in the order they first appear, rows in printed order
    for row in table.rows:
        sections.setdefault(row.section, []).append(row)
    shown = []
    for side, rows in sections.items():
        columns = _section_columns(table, rows)
        shown.append({"name": SIDE_NAMES.get(side, "") if side else "",
                      "columns": [{"key": key, "name": column_name(key)} for key in columns],
                      "rows": [_row_view(r, columns) for r in rows]})
    return {"kind": table.kind.value, "kind_name": kind_by_key(table.kind).name, "title": table.title,
            "unit": table.unit.value if table.unit else None, "line": table.location.line, "page": table.location.page,
            "certain": table.certain, "doubts": list(table.doubts), "notes": list(table.notes), "sections": shown}


def source_view(disclosure: Disclosure) -> dict[str, Any]:
    """Every table and narrative section of a disclosure in reading order of its kind."""
    return {
        "tables": [table_view(t) for t in disclosure.tables],
        "narrative": [{"heading": s.heading, "line": s.location.line, "page": s.location.page,
                       "paragraphs": [{"text": p.text, "line": p.location.line, "end": p.location.end_line or p.location.line,
                                       "page": p.location.page}
                                      for p in s.paragraphs]}
                      for s in disclosure.narrative],
    }


def class_composition(disclosure: Disclosure) -> dict[str, Any] | None:
    """Spending by function class (类, three-digit codes) in 万元, from the first table that
    prints it with certainty; None when no such table was read with certainty (a comparison then
    says so rather than showing guessed shares)."""
    for kind in COMPOSITION_TABLES:
        for table in disclosure.tables_of(kind):
            if not table.certain or table.unit is None:
                continue
            classes = [r for r in table.rows if r.code and len(r.code) == 3 and r.code.isdigit()]
            column = next((c for c in ("total", *table.columns) if all(c in r.values for r in classes)), None)
            if not classes or column is None:
                continue
            amounts: dict[str, Decimal] = {}
            names: dict[str, str] = {}
            for row in classes:
                amounts[row.code] = amounts.get(row.code, Decimal(0)) + convert(row.values[column], table.unit, Unit.WAN)
                names.setdefault(row.code, row.label)
            return {"table": table.title, "kind": kind.value, "column": column_name(column),
                    "classes": [{"code": code, "name": names[code], "amount": format_decimal(amounts[code])}
                                for code in sorted(amounts)]}
    return None
