"""How the rows of a table nest, and which rows the recogniser is sure of — written into the model.

Identities between rows (合计 = Σ units, 类 = Σ款 = Σ项, 一、 = Σ（一）…) need the tree the
printed table implies; the audit reads it from Row.parent/Row.depth instead of rebuilding it.
A row whose cells could not be aligned with certainty is marked (Row.certain = False): checking
it would report the reader's doubt as the document's error.
"""

from __future__ import annotations

import re

from ..catalogue import data, identities
from ..model import Row, RowFlag, RowRole, Table
from ..model.text import enumerator_depth
from ..model.tolerance import agrees

_UNCERTAIN = {RowFlag.AMBIGUOUS, RowFlag.UNBALANCED}


def understand_table(table: Table) -> None:
    """Certainty, enumerator depth, the tree and the doubts of one table (idempotent)."""
    numeric = {key for row in table.rows for key in row.values}
    for row in table.rows:
        row.certain = _certain(row, table, numeric)
        row.enumerator = enumerator_depth(row.label)
    nest(table)
    table.doubts = _doubts(table)


def _doubts(table: Table) -> list[str]:
    """Why the table as a whole may be misread: amounts under headings yusuan could not name, or
    row identities (合计 = 基本 + 项目 …) failing in most rows — a document errs in a row or two,
    a misread column makes nearly every row fail."""
    doubts = ["表格没有可识别的标题，类型由表头和行内容推断"] if table.kind_inferred else []
    unnamed = sorted({k for r in table.rows for k in r.values if k not in table.columns})
    if unnamed:
        doubts.append(f"有 {len(unnamed)} 列数字的表头未能识别")
    checked = failed = 0
    rules = [(i.total, i.parts) for i in identities()
             if i.total in table.columns and sum(p in table.columns for p in i.parts) >= 2]
    for row in table.rows:
        for total, parts in rules:
            present = [row.values.get(p) for p in parts if p in row.values]
            if row.values.get(total) is None or not present:
                continue
            checked += 1
            failed += not agrees(row.values[total], present)
    if checked >= 4 and failed * 2 > checked:
        doubts.append(f"多数行（{failed}/{checked}）不满足表内勾稽关系，可能误读了列")
    if any(r.location.confidence is not None for r in table.rows) and not _proven(table, checked, failed):
        doubts.append("由文字识别（OCR）从扫描页读出，表内勾稽关系未能全部验证")
    return doubts


def _side_sums(table: Table, side) -> list[tuple[Row, list[Row]]]:
    """Each total of one side of a two-sided table (which nest() leaves untreed) with the rows it
    sums: the first (本年收入合计) the side's items at the shallowest enumerator level before it,
    each later one (收入总计) the total before it plus the items between (上年结转结余)."""
    rows = [r for r in table.rows if r.section == side and r.role in (RowRole.ITEM, RowRole.TOTAL)]
    levels = [r.enumerator for r in rows if r.role == RowRole.ITEM and r.enumerator is not None]
    top = min(levels) if levels else None
    sums: list[tuple[Row, list[Row]]] = []
    pending: list[Row] = []
    for row in rows:
        if row.role == RowRole.TOTAL:
            sums.append((row, ([sums[-1][0]] if sums else []) + pending))
            pending = []
        elif row.enumerator == top or sums:  # after a total: the lines that complete the next one
            pending.append(row)
    return sums


def _proven(table: Table, checked: int, failed: int) -> bool:
    """A table read by OCR is taken as read only when identities prove it: every row identity
    (合计 = 基本 + 项目 …) it has holds, every sum the table prints — its 合计 row over its top rows,
    类 = Σ款 = Σ项, each total of a two-sided table's side — holds in every column, and a two-sided
    table's 收入 and 支出 totals agree; and at least one of them was checked. A misread digit
    breaks one of them; then nothing in the table is used (no finding rests on it)."""
    if failed:
        return False
    children: dict[int, list[Row]] = {}
    for row in table.rows:
        if row.parent is not None:
            children.setdefault(row.parent, []).append(row)
    sums = [(table.rows[index], rows) for index, rows in children.items()]
    total = table.total_row()
    if total is not None:
        sums.append((total, [r for r in table.rows if r.depth == 0 and r.role == RowRole.ITEM and not r.section]))
    sides: dict = {}
    for row in table.rows:
        if row.role == RowRole.TOTAL and row.section is not None and row.values:
            sides[row.section] = row  # the last of a side: 收入总计 / 支出总计
    for side in sides:
        sums += _side_sums(table, side)
    proofs = checked
    for whole, rows in sums:
        for key, value in whole.values.items():
            parts = [r.values[key] for r in rows if key in r.values]
            if parts:
                if not agrees(value, parts):
                    return False
                proofs += 1
    if len(sides) >= 2:  # 收入总计 = 支出总计
        amounts = [side.values.get("total", next(iter(side.values.values()))) for side in sides.values()]
        if not all(agrees(amounts[0], [other]) for other in amounts[1:]):
            return False
        proofs += 1
    return proofs > 0


def _certain(row: Row, table: Table, numeric: set[str]) -> bool:
    """Not flagged, every value under a named column, and no text in a column that holds amounts
    (either means the header or a page's continuation was not understood). Text under a heading
    yusuan does not know (采购品目, 采购组织形式 …) is fine while no row puts a number there."""
    if _UNCERTAIN & set(row.flags):
        return False
    stray_text = any(key in table.columns or key in numeric for key in row.texts)
    return not stray_text and all(key in table.columns for key in row.values)


def _classification(code: str | None) -> bool:
    """Function (2xx) and economic (3xx/5xx) codes; anything else in a code column is a budget
    unit's code printed as a row."""
    shape = data("codes.toml")["shape"]
    return bool(code) and any(re.match(shape[k], code or "") for k in ("function", "economic"))


def nest(table: Table) -> None:
    """Set parent and depth of the rows of a one-sided table.

    Budget units nest by unit-code prefix; items belong to the unit printed above them and nest
    by code prefix; an item printed without a code directly after a coded one ("same as above")
    is its sibling. Totals, headings, a two-sided table's rows and tables that are not lists of
    amounts stay outside the tree (depth None).
    """
    for row in table.rows:
        row.parent = row.depth = None
    if table.kind in data("arith.toml")["not_amount_tables"]:
        return
    index = {id(row): i for i, row in enumerate(table.rows)}
    unit_stack: list[Row] = []
    item_stack: list[tuple[str, Row]] = []
    last_code: str | None = None

    def attach(row: Row, parent: Row | None) -> None:
        row.parent = index[id(parent)] if parent is not None else None
        row.depth = (parent.depth or 0) + 1 if parent is not None else 0

    for row in table.rows:
        if row.role == RowRole.TOTAL or row.section:
            continue
        if row.role == RowRole.UNIT or (row.role == RowRole.ITEM and row.code and not _classification(row.code)):
            item_stack = []
            key = row.unit_code or row.code or ""
            while unit_stack:
                parent_code = unit_stack[-1].unit_code or unit_stack[-1].code or ""
                if key and parent_code and key != parent_code and key.startswith(parent_code):
                    break
                unit_stack.pop()
            attach(row, unit_stack[-1] if unit_stack else None)
            unit_stack.append(row)
            continue
        if row.role != RowRole.ITEM:
            continue
        code = row.code or last_code
        last_code = code
        while item_stack and not (code and code.startswith(item_stack[-1][0]) and code != item_stack[-1][0]):
            item_stack.pop()
        attach(row, item_stack[-1][1] if item_stack else (unit_stack[-1] if unit_stack else None))
        if code:
            item_stack.append((code, row))
