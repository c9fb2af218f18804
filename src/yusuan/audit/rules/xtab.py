"""XTAB: the same quantity printed in different tables must agree."""

from __future__ import annotations

import re
from decimal import Decimal

from ...catalogue import column_name, data
from ...model import Disclosure, Evidence, Row, RowRole, Severity, Side, Table
from ...model.money import Unit, convert
from ...model.text import plain_label
from ...model.tolerance import agrees, allowance
from ..context import Context, Skip, cell, fmt, table_name
from ..engine import rule
from ..readings import Reading, condition_holds, read


def _as_evidence(reading: Reading, name: str) -> Evidence:
    if len(reading.cells) == 1:
        return reading.cells[0]
    first = reading.cells[0]
    parts = " + ".join(c.column or "" for c in reading.cells)
    return Evidence(what=f"{table_name(reading.table)} · {first.row or '合计'} · {parts}（{name}）",
                    location=first.location, value=reading.value, unit="万元", table=first.table, row=first.row)


@rule("XTAB-001")
def same_quantity(ctx: Context) -> None:
    compared = 0
    for quantity in data("xtab.toml")["quantity"]:
        readings = [r for r in (read(ctx.disclosure, spec) for spec in quantity["readings"]) if r]
        if len(readings) < 2:
            continue
        reference = readings[0]
        for other in readings[1:]:
            compared += 1
            name = quantity["name"]
            ctx.compare(
                _as_evidence(reference, name), _as_evidence(other, name),
                lambda e, a, d, r=reference, o=other, n=name: (
                    f"{n}：{table_name(r.table)}为 {e} 万元，{table_name(o.table)}为 {a} 万元，相差 {d} 万元"),
                tolerance_terms=reference.cells, actual_terms=other.cells,
            )
    if not compared:
        raise Skip("同一数字至少要在两张表中出现才能核对，本文件未找到")


def _class_of(label: str) -> str | None:
    text = re.sub(r"支出$", "", plain_label(label))
    for entry in data("function_classes.toml")["class"]:
        if re.search(entry["pattern"], text):
            return entry["code"]
    return None


def _leaves(table: Table) -> list[Row]:
    """The tree's rows without rows below them: coded function lines of 款 or 项 level."""
    parents = {r.parent for r in table.rows if r.parent is not None}
    return [r for i, r in enumerate(table.rows)
            if r.depth is not None and i not in parents and r.role == RowRole.ITEM and r.code and len(r.code) >= 5]


def _class_sums(table: Table, column: str) -> dict[str, tuple[Decimal, list[Evidence]]] | None:
    """Per function class, the sum of the table's lowest coded lines (None if the table is in
    doubt; a class with an uncertain line carries that doubt in its cells)."""
    rows = _leaves(table)
    if not rows or table.doubts or not all(r.code and r.code.startswith("2") for r in rows):
        return None
    sums: dict[str, tuple[Decimal, list[Evidence]]] = {}
    for row in rows:
        value = row.values.get(column)
        if value is None:
            continue
        key = (row.code or "")[:3]
        total, cells = sums.get(key, (Decimal(0), []))
        sums[key] = (total + value, [*cells, cell(table, row, column)])
    return sums


def _class_rows(two_sided: Table) -> dict[str, list[Row]]:
    """Expenditure-side rows per function class (a class may be printed under two names, e.g.
    医疗卫生与计划生育 and 卫生健康)."""
    found: dict[str, list[Row]] = {}
    for row in two_sided.rows:
        code = _class_of(row.label) if row.section == Side.EXPENDITURE else None
        if code is not None:
            found.setdefault(code, []).append(row)
    return found


def _compare_classes(ctx: Context, lines: Table, line_column: str, two_sided: Table, side_column: str) -> int:
    sums = _class_sums(lines, line_column)
    if sums is None:
        return 0
    compared = 0
    unit = lines.unit or Unit.WAN
    for code, rows in _class_rows(two_sided).items():
        if not all(r.certain for r in rows):
            continue
        printed_rows = [r for r in rows if r.values.get(side_column) is not None]
        total, cells = sums.get(code, (Decimal(0), []))
        if not printed_rows and not cells:
            continue
        compared += 1
        label = "、".join(plain_label(r.label) for r in (printed_rows or rows))
        side_cells = [cell(two_sided, r, side_column) for r in (printed_rows or rows[:1])]
        printed = sum((c.value for c in side_cells if c.value is not None), Decimal(0))
        side_evidence = Evidence(what=f"{table_name(two_sided)} · {label} · {column_name(side_column)}",
                                 location=side_cells[0].location, value=printed, unit=side_cells[0].unit,
                                 table=two_sided.kind, row=label, column=side_column)
        summed = Evidence(what=f"{table_name(lines)} · {code} 类各科目 · {column_name(line_column)}之和",
                          location=cells[0].location if cells else lines.location, value=total, unit=unit.value,
                          table=lines.kind, row=f"{code}类", doubt=next((c.doubt for c in cells if c.doubt), None))
        ctx.compare(
            summed, side_evidence,
            lambda e, a, d, n=label: (f"功能分类「{n}」：{table_name(lines)}各科目之和为 {e} 万元，"
                                      f"{table_name(two_sided)}为 {a} 万元，相差 {d} 万元"),
            expected_value=convert(total, unit, Unit.WAN), tolerance_terms=cells or [summed],
            actual_terms=side_cells, extra=cells[:20],
        )
    return compared


@rule("XTAB-002")
def function_classes(ctx: Context) -> None:
    d: Disclosure = ctx.disclosure
    compared = 0
    pairs = [("expenditure", "total", "summary", "total", None),
             ("expenditure", "total", "fiscal_summary", "total", "gpb_only"),
             ("gpb_expenditure", "total", "fiscal_summary", "gpb", "no_carryover")]
    for lines_kind, line_column, side_kind, side_column, condition in pairs:
        lines, two_sided = d.table(lines_kind), d.table(side_kind)
        if lines is None or two_sided is None or not condition_holds(d, condition):
            continue
        if side_column not in two_sided.columns:
            continue
        compared += _compare_classes(ctx, lines, line_column, two_sided, side_column)
    if not compared:
        raise Skip("没有可对照的功能分类：缺少带科目编码的支出表或总表，或其中各行对齐不确定")


def _basic_tables(d: Disclosure) -> list[Table]:
    return [t for t in d.tables if t.kind in ("gpb_basic_econ", "basic_econ") and t.rows][:1]


@rule("XTAB-003")
def three_public_lines(ctx: Context) -> None:
    d = ctx.disclosure
    three = next((t for t in d.tables_of("three_public") if t.rows), None)
    basics = _basic_tables(d)
    if three is None or not basics:
        raise Skip("缺少“三公”经费表或基本支出经济分类表")
    basic = basics[0]
    row = three.rows[0]
    if not row.certain:
        raise Skip("“三公”经费表各栏对齐不确定")
    for spec in data("xtab.toml")["three_public_line"]:
        column = spec["column"]
        if column not in three.columns:
            continue
        lines = [r for r in basic.rows if r.role == RowRole.ITEM and r.code in spec["codes"] and r.certain]
        booked = sum((r.values.get("total", Decimal(0)) for r in lines), Decimal(0))
        printed = row.values.get(column, Decimal(0))
        three_unit, basic_unit = three.unit or Unit.WAN, basic.unit or Unit.WAN
        booked_wan, printed_wan = convert(booked, basic_unit, Unit.WAN), convert(printed, three_unit, Unit.WAN)
        slack = (allowance([r.values.get("total") for r in lines], basic_unit, Unit.WAN)
                 + allowance([printed], three_unit, Unit.WAN))
        if booked_wan <= printed_wan + slack:
            continue
        cells = [cell(basic, r, "total") for r in lines]
        ctx.report(
            f"{column_name(column)}：{table_name(basic)}中经济科目 {'、'.join(spec['codes'])} 合计 {fmt(booked_wan)} 万元，"
            f"高于{table_name(three)}所列 {fmt(printed_wan)} 万元，相差 {fmt(booked_wan - printed_wan)} 万元"
            "（“三公”经费应包含基本支出中的全部相关支出）",
            [cell(three, row, column), *cells], expected=printed_wan, actual=booked_wan, unit="万元")


@rule("XTAB-004")
def running_cost(ctx: Context) -> None:
    figures = ctx.disclosure.figures
    running, public = figures.get("running_cost"), figures.get("public_operating")
    if running is None or public is None:
        raise Skip("未找到机关运行经费或公用经费")
    if running.value <= public.value + ctx.meta.slack:
        return  # lower is normal: 机关运行经费 covers only administrative units' 公用经费
    ctx.report(
        f"机关运行经费 {fmt(running.value)} 万元高于一般公共预算基本支出中的公用经费 {fmt(public.value)} 万元，"
        f"相差 {fmt(running.value - public.value)} 万元。机关运行经费是行政单位（含参公事业单位）公用经费的一部分，"
        "通常不应超过公用经费；若部门有其他资金安排的运行经费，请在说明中注明",
        [Evidence("机关运行经费", running.location, running.value, "万元", running.source),
         Evidence("公用经费", public.location, public.value, "万元", public.source)],
        expected=public.value, actual=running.value, unit="万元")


_FUNCTION_CODE = re.compile(r"^2\d{2}(\d{2}){0,2}$")


def _by_code(table: Table, column: str) -> dict[str, Row]:
    return {r.code: r for r in table.rows
            if r.role == RowRole.ITEM and r.code and _FUNCTION_CODE.match(r.code) and r.certain
            and r.values.get(column) is not None}


def _totals_agree(first: Table, second: Table, column: str) -> bool:
    totals = [next((r.values.get(column) for r in t.rows if r.role == RowRole.TOTAL and r.certain), None)
              for t in (first, second)]
    if None in totals:
        return False
    return agrees(totals[0], [totals[1]])


def _parents(codes) -> set[str]:
    """The 类/款 prefixes of the codes: the codes that have lines below them (a set, looked up
    instead of scanning every code for every code)."""
    return {code[:n] for code in codes for n in (3, 5) if len(code) > n}


@rule("XTAB-005")
def lines_by_code(ctx: Context) -> None:
    """Two tables listing the same function classification lines: each code in both, with the
    same amount."""
    d = ctx.disclosure
    compared = 0
    for spec in data("xtab.toml")["code_pair"]:
        first, second = d.table(spec["first"]), d.table(spec["second"])
        if first is None or second is None or not condition_holds(d, spec.get("condition")):
            continue
        if d.meta.kind.value not in spec.get("kinds", [d.meta.kind.value]):
            continue
        if first.doubts or second.doubts:
            ctx.skip_part(f"未能可靠识别，未检查：{table_name(first)}与{table_name(second)}（表格读取存疑）")
            continue
        column = spec["column"]
        a, b = _by_code(first, column), _by_code(second, column)
        if len(a) < spec["at_least"] or len(b) < spec["at_least"]:
            continue
        if not _totals_agree(first, second, column):
            continue  # the tables cover different money (this year's income, spending with carry-over)
        parents = _parents(a.keys() | b.keys())
        # the deepest lines only: a wrong 项 would otherwise be reported again at its 款 and 类
        for code in sorted(c for c in a.keys() & b.keys() if c not in parents):
            compared += 1
            ctx.compare(cell(first, a[code], column), cell(second, b[code], column),
                        lambda e, x, diff, c=code, r=a[code], f=first, s=second: (
                            f"科目 {c}「{r.label}」：{table_name(f)}为 {e} 万元，{table_name(s)}为 {x} 万元，相差 {diff} 万元"))
        parents_a, parents_b = _parents(a.keys()), _parents(b.keys())
        for code in sorted(a.keys() ^ b.keys()):
            present, table, absent = (a, first, second) if code in a else (b, second, first)
            other = b if code in a else a
            row = present[code]
            related = code in (parents_b if code in a else parents_a) or any(code[:n] in other for n in (3, 5))
            if not row.values.get(column) or related:
                continue  # a line of 0, or a subtotal the other table prints without (its lines are there)
            compared += 1
            ctx.report(f"科目 {code}「{row.label}」列在{table_name(table)}（{fmt(row.values[column])}），"
                       f"{table_name(absent)}中却没有这一行", [cell(table, row, column)],
                       severity=Severity.WARNING)
    if not compared:
        raise Skip("没有两张都按功能分类科目列示金额的表")
