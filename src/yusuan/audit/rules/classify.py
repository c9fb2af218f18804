"""CLASS: classification codes — wrong column, names that do not match, duplicates, bad shapes."""

from __future__ import annotations

import re
from collections import defaultdict

from ...catalogue import column_name, data
from ...model import Evidence, Row, RowRole, Table
from ...model.text import compact
from ..context import Context, Skip, cell, place, table_name
from ..engine import rule

_BRACKETS = str.maketrans("（）［］", "()[]")


def _coded_rows(table: Table) -> list[tuple[str, Row]]:
    """(code, row) for item rows; a row printed without code after a coded one shares its code."""
    found: list[tuple[str, Row]] = []
    last: str | None = None
    for row in table.rows:
        if row.role != RowRole.ITEM:
            last = None
            continue
        code = row.code or last
        last = code
        if code:
            found.append((code, row))
    return found


@rule("CLASS-001")
def wrong_column(ctx: Context) -> None:
    groups = data("codes.toml")["econ_group"]
    tables = [t for t in ctx.disclosure.tables if {"personnel", "public"} <= set(t.columns)]
    if not tables:
        raise Skip("没有分人员经费、公用经费两栏的基本支出表")
    for table in tables:
        for code, row in _coded_rows(table):
            if not row.certain:
                continue
            expected = next((g["group"] for g in groups if code.startswith(g["prefix"])), None)
            wrong = {"personnel": "public", "public": "personnel"}.get(expected or "")
            if wrong and row.values.get(wrong):
                ctx.report(
                    f"{table_name(table)}{place(row.location)}「{code} {row.label}」属于{column_name(expected)}，"
                    f"却列在{column_name(wrong)}栏（{row.values[wrong]}），人员经费与公用经费因此各自失真",
                    [cell(table, row, wrong)], actual=row.values[wrong], unit=table.unit.value if table.unit else None)


def _name(label: str) -> str:
    return compact(label).translate(_BRACKETS)


@rule("CLASS-002")
def code_names(ctx: Context) -> None:
    names: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for table in ctx.disclosure.tables:
        for row in table.rows:
            if row.role == RowRole.ITEM and row.code and row.label and not row.label.isdigit() and row.certain:
                names[row.code][_name(row.label)].append(
                    Evidence(f"{table_name(table)} · {row.code} {row.label}", row.location, table=table.kind,
                             row=row.label))
    if not names:
        raise Skip("没有带科目编码的表格行")
    for code, variants in names.items():
        if len(variants) > 1:
            listed = "、".join(f"「{n}」" for n in variants)
            evidence = [places[0] for places in variants.values()]
            ctx.report(f"科目编码 {code} 在本文件中对应不同名称：{listed}", evidence)


@rule("CLASS-003")
def duplicates_and_shapes(ctx: Context) -> None:
    shape = data("codes.toml")["shape"]
    function, economic = re.compile(shape["function"]), re.compile(shape["economic"])
    checked = 0
    units = {r.unit_code for t in ctx.disclosure.tables for r in t.rows if r.unit_code}
    for table in ctx.disclosure.tables:
        if table.kind in shape["function_tables"]:
            pattern, family = function, "功能分类"
        elif table.kind in shape["economic_tables"]:
            pattern, family = economic, "经济分类"
        else:
            continue
        checked += 1
        seen: dict[tuple, Row] = {}
        for row in table.rows:
            if row.role != RowRole.ITEM or not row.code or not row.certain:
                continue
            if not pattern.match(row.code) and row.code not in units:
                ctx.report(f"{table_name(table)}{place(row.location)}科目编码「{row.code}」不是有效的{family}科目编码",
                           [Evidence(f"{table_name(table)} · {row.code} {row.label}", row.location, table=table.kind,
                                     row=row.label)])
            key = (row.code, row.unit_code, row.texts.get("gov_econ_code"), row.texts.get("gov_econ_code_2"))
            if key in seen:
                first = seen[key]
                ctx.report(f"{table_name(table)}科目 {row.code}「{row.label}」重复列示（{place(first.location)}与"
                           f"{place(row.location)}）",
                           [Evidence(f"{table_name(table)} · {row.code} {first.label}", first.location, table=table.kind),
                            Evidence(f"{table_name(table)} · {row.code} {row.label}", row.location, table=table.kind)])
            else:
                seen[key] = row
    if not checked:
        raise Skip("没有带科目编码的功能分类或经济分类表")
