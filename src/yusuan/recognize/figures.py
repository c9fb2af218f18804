"""Key figures in 万元, each read from the first catalogue source that states it.

A figure whose row the document prints with an empty cell is a stated zero (value 0, blank),
as is a figure of a table the document prints empty and says so in a note ("本表无数据"); a
figure the document has no place for — or a table yusuan could not read — stays absent."""

from __future__ import annotations

import re
from decimal import Decimal

from ..catalogue import figure_specs
from ..model import Disclosure, Figure, Location, Row, Table
from ..model.money import Unit, convert
from ..model.select import select_rows
from .segment import says_empty


def key_figures(disclosure: Disclosure) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    for spec in figure_specs():
        for source in spec["sources"]:
            found = _from_narrative(disclosure, source) if "narrative" in source else _from_table(disclosure, source)
            if found:
                value, origin, location, blank = found
                figures[spec["key"]] = Figure(spec["key"], value, origin, location, blank=blank)
                break
    count = _project_count(disclosure)
    if count:
        figures["project_count"] = count
    return figures


Found = tuple[Decimal, str, Location, bool]  # value in 万元, source, where, stated as blank


def _from_table(disclosure: Disclosure, source: dict) -> Found | None:
    for table in disclosure.tables_of(source["table"]):
        if source.get("requires") and source["requires"] not in table.columns:
            continue
        if any(column in table.columns for column in source.get("excludes", [])):
            continue
        if table.doubts:
            continue  # unknown stays unknown: a misread table must not supply a figure
        if (table.empty_by_design and source.get("column") and not any(r.values for r in table.rows)
                and says_empty(table.notes)):
            return Decimal(0), str(table.kind), table.location, True
        for row in select_rows(table, source):
            if not row.certain:
                continue
            column = source.get("column") or _only_column(table, row)
            if column and column in row.values:
                return _in_wan(row.values[column], table.unit), str(table.kind), _cell(row, column), False
            if column and column in row.blank:
                return Decimal(0), str(table.kind), row.location, True
    return None


def _only_column(table: Table, row: Row) -> str | None:
    """The column of a row that prints one amount (or leaves its one cell empty)."""
    return next((c for c in table.columns if c in row.values), None) or next(iter(row.blank), None)


def _cell(row: Row, column: str) -> Location:
    index = row.cell_columns.get(column)
    return row.location.with_column(index) if index is not None else row.location


def _in_wan(value: Decimal, unit: Unit | None) -> Decimal:
    return convert(value, unit or Unit.WAN, Unit.WAN)


def _from_narrative(disclosure: Disclosure, source: dict) -> Found | None:
    pattern = re.compile(source["narrative"])
    for section in disclosure.narrative:
        for claim in section.claims:
            if claim.kind == "amount" and claim.unit in ("万元", "元") and pattern.search(claim.subject):
                return _in_wan(claim.value, Unit(claim.unit)), "narrative", claim.location, False
    return None


def _project_count(disclosure: Disclosure) -> Figure | None:
    projects = [p for p in disclosure.projects if p.source_table == "projects"]
    if projects:
        first = projects[0].location
        return Figure("project_count", Decimal(len(projects)), "projects", first, None)
    return None
