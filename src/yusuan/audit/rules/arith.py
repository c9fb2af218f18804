"""ARITH: arithmetic inside each table (row identities, column totals, hierarchy, 其中, sides)."""

from __future__ import annotations

import re
from decimal import Decimal

from ...catalogue import Identity, column_name, data, identities
from ...model import Evidence, Row, RowRole, Side, Table
from ...model.text import compact
from ...model.tolerance import agrees, allowance
from ..context import Context, Skip, cell, in_wan, money_unit, place, table_name
from ..engine import rule


def _where(table: Table, row: Row) -> str:
    return f"{table_name(table)}{place(row.location)}「{row.label or '合计'}」"


def _identities_for(table: Table) -> list[Identity]:
    scoped = [Identity(i["total"], tuple(i["parts"]), i.get("partial", False))
              for i in data("arith.toml").get("identity", []) if table.kind in i["tables"]]
    found = []
    for identity in [*identities(), *scoped]:
        parts = [p for p in identity.parts if p in table.columns]
        complete = len(parts) == len(identity.parts) or (identity.partial and len(parts) >= 2)
        if identity.total in table.columns and complete:
            found.append(identity)
    return found


def _sum_check(ctx: Context, table: Table, row: Row, column: str, parts: list[tuple[Row, str]], what: str) -> None:
    """row[column] must equal the sum of the given cells."""
    part_cells = [cell(table, r, c) for r, c in parts if r.values.get(c) is not None]
    if not part_cells:
        return
    total_cell = cell(table, row, column)
    if total_cell.value is None:
        total_cell.value = Decimal(0)
    expected = sum((c.value for c in part_cells if c.value is not None), Decimal(0))
    if money_unit(total_cell.unit):  # compare() works in 万元; the parts were summed as printed
        expected = in_wan(Evidence(total_cell.what, total_cell.location, value=expected, unit=total_cell.unit))
    ctx.compare(
        total_cell, total_cell,
        lambda e, a, d: f"{_where(table, row)}{column_name(column)}为 {a}，{what}为 {e}，相差 {d}",
        expected_value=expected, tolerance_terms=part_cells, extra=part_cells,
    )


@rule("ARITH-001")
def row_identities(ctx: Context) -> None:
    checked = 0
    for table in ctx.disclosure.tables:
        # two-sided tables: an identity holds on the side that prints its total column
        side_columns: dict[str | None, set[str]] = {}
        for row in table.rows:
            side_columns.setdefault(row.section, set()).update(row.values)
        for identity in _identities_for(table):
            for row in table.rows:
                if not row.certain or not any(p in row.values for p in identity.parts):
                    continue
                if row.section and identity.total not in side_columns[row.section]:
                    continue
                checked += 1
                names = " + ".join(column_name(p) for p in identity.parts if p in table.columns)
                _sum_check(ctx, table, row, identity.total, [(row, p) for p in identity.parts], names)
    if not checked:
        raise Skip("没有同时列出合计与其组成部分的表格行")


def _sum_rows(ctx: Context, table: Table, row: Row, rows: list[Row], what: str) -> bool:
    if not rows:
        return False
    if table.doubts:
        ctx.skip_part(f"未能可靠识别，未检查：{table_name(table)}（{table.doubts[0]}）")
        return False
    for column in row.values:
        _sum_check(ctx, table, row, column, [(r, column) for r in rows], what)
    return True


def _agrees(total: Row, rows: list[Row]) -> bool:
    return all(agrees(value, [r.values.get(column) for r in rows]) for column, value in total.values.items())


def _uncoded(table: Table) -> bool:
    return not any(r.code for r in table.rows) and not any(r.role == RowRole.UNIT for r in table.rows)


def _subtotal_top(rows: list[Row], column: str = "total") -> list[Row]:
    """First-level rows of an uncoded list whose headings are followed by their details
    (工资福利支出 then 基本工资, 津贴补贴 …): a row is a heading when the rows right after it add
    up to it. Only an alternative reading, tried when the flat sum does not hold."""
    top: list[Row] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        value = row.values.get(column)
        top.append(row)
        i += 1
        if value is None:
            continue
        running: list[Decimal | None] = []
        for j in range(i, len(rows)):
            running.append(rows[j].values.get(column))
            total = sum((v for v in running if v is not None), Decimal(0))
            if j > i and abs(total - value) <= allowance([value, *running]):
                i = j + 1
                break
            if total > value:
                break
    return top


@rule("ARITH-002")
def column_totals(ctx: Context) -> None:
    checked = 0
    for table in ctx.disclosure.tables:
        total, top = table.total_row(), table.top_rows()
        if total is None or not top:
            continue
        if _uncoded(table):
            readings = [top, [r for r in top if r.enumerator == 1], _subtotal_top(top)]
            if not table.doubts and any(r and _agrees(total, r) for r in readings):
                checked += 1
                continue
        if _sum_rows(ctx, table, total, top, f"下列 {len(top)} 行之和"):
            checked += 1
    if not checked:
        raise Skip("没有可核对合计行的表格（无合计行或各行对齐不确定）")


@rule("ARITH-003")
def hierarchy(ctx: Context) -> None:
    checked = 0

    for table in ctx.disclosure.tables:
        children: dict[int, list[Row]] = {}
        for row in table.rows:
            if row.parent is not None:
                children.setdefault(row.parent, []).append(row)
        for index, row in enumerate(table.rows):
            below = children.get(index)
            if row.depth is None or not below:
                continue
            kind = "所属单位" if all(c.role == RowRole.UNIT for c in below) else "下级科目"
            if _sum_rows(ctx, table, row, below, f"{kind}（{len(below)} 行）之和"):
                checked += 1
    if not checked:
        raise Skip("没有带下级科目或所属单位的表格行")


@rule("ARITH-004")
def subitems(ctx: Context) -> None:
    subsets = data("arith.toml").get("subset", [])
    for table in ctx.disclosure.tables:
        for row in table.rows:
            if not row.certain:
                continue
            for subset in subsets:
                part, whole = row.values.get(subset["part"]), row.values.get(subset["whole"])
                if part is not None and whole is not None and part > whole:
                    ctx.report(f"{_where(table, row)}{column_name(subset['part'])} {part} 大于{column_name(subset['whole'])} {whole}",
                               [cell(table, row, subset["part"]), cell(table, row, subset["whole"])],
                               expected=whole, actual=part, unit=table.unit.value if table.unit else None)
        parent: Row | None = None
        for row in table.rows:
            if row.enumerator != 3:
                parent = row
                continue
            if parent is None or parent.section != row.section or not parent.certain or not row.certain:
                continue
            for column, value in row.values.items():
                whole = parent.values.get(column)
                if whole is not None and value > whole:
                    ctx.report(f"{_where(table, row)}为 {value}，大于其所属的「{parent.label}」{whole}",
                               [cell(table, row, column), cell(table, parent, column)],
                               expected=whole, actual=value, unit=table.unit.value if table.unit else None)


_CURRENT_TOTAL = re.compile(r"^(本年|当年)(收入|支出)(合计|小计)")
_GRAND_TOTAL = re.compile(r"^((收入|支出)(总计|合计)|总计)$")  # final accounts print a bare 总计


@rule("ARITH-005")
def two_sided(ctx: Context) -> None:
    tables = [t for t in ctx.disclosure.tables if any(r.section for r in t.rows)]
    if not tables:
        raise Skip("没有收支两栏的总表")
    for table in tables:
        grand: dict[Side, Row] = {}
        firsts: dict[Side, Row] = {}
        for section, name in ((Side.INCOME, "收入"), (Side.EXPENDITURE, "支出"), (Side.EXPENDITURE_USE, "支出")):
            rows = [r for r in table.side(section) if r.certain]
            current = next((r for r in rows if _CURRENT_TOTAL.match(compact(r.label))), None)
            total = next((r for r in rows if _GRAND_TOTAL.match(compact(r.label))), None)
            if total is not None:
                grand[section] = total
            first_total = current or total
            if first_total is None and section == Side.EXPENDITURE_USE and Side.EXPENDITURE in firsts:
                # the 支出用途 column printed beside the 功能分类 one, closed by the same 本年支出合计/小计:
                # its lines (基本支出, 项目支出, 预留…) add up to that row
                top = [r for r in rows if r.enumerator == 1] or [r for r in rows if r.enumerator == 2]
                _check_rows(ctx, table, firsts[Side.EXPENDITURE], top, f"各支出用途项目（{len(top)} 行）之和")
            if current is not None:
                firsts[section] = current  # (a 支出合计 may add 结转下年, which no 用途 line holds)
            if first_total is None:
                continue
            before = rows[: rows.index(first_total)]
            top = [r for r in before if r.enumerator == 1] or [r for r in before if r.enumerator == 2]
            _check_rows(ctx, table, first_total, top, f"各{name}项目（{len(top)} 行）之和")
            if current is not None and total is not None:
                between = rows[rows.index(current): rows.index(total)]
                # an unnumbered line (年初财政拨款结转和结余) lists its fund sources as 一、二、 below it
                if any(r.enumerator is None for r in between[1:]):
                    between = [between[0]] + [r for r in between[1:] if r.enumerator is None]
                _check_rows(ctx, table, total, between, f"本年{name}合计与其后各项之和")
            for parent in [r for r in before if r.enumerator == 1]:
                after = before[before.index(parent) + 1:]
                children = []
                for r in after:
                    if r.enumerator == 1:
                        break
                    if r.enumerator == 2:
                        children.append(r)
                _check_rows(ctx, table, parent, children, f"所属各项（{len(children)} 行）之和")
        if Side.INCOME in grand and Side.EXPENDITURE in grand:
            income, expenditure = grand[Side.INCOME], grand[Side.EXPENDITURE]
            if "total" in income.values and "total" in expenditure.values:
                ctx.compare(cell(table, income, "total"), cell(table, expenditure, "total"),
                            lambda e, a, d, t=table: f"{table_name(t)}收入总计 {e} 与支出总计 {a} 不相等，相差 {d}")


def _check_rows(ctx: Context, table: Table, total: Row, parts: list[Row], what: str) -> None:
    parts = [r for r in parts if r.values]
    if not parts:
        return
    for column in total.values:
        if any(column in r.values for r in parts):
            _sum_check(ctx, table, total, column, [(r, column) for r in parts], what)
