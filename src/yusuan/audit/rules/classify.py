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
            if row.role == RowRole.ITEM and row.certain and _misprinted(row.texts.get("code"), shape["groupings"]):
                ctx.report(f"{table_name(table)}{place(row.location)}科目编码印作「{row.texts['code']}」，分段不规范，"
                           "无法确定是哪个科目", [Evidence(f"{table_name(table)} · {row.texts['code']} {row.label}",
                                                         row.location, table=table.kind, row=row.label)])
            if row.role != RowRole.ITEM or not row.code or not row.certain:
                continue
            if family == "功能分类" and economic.match(row.code):
                continue  # an economic breakdown line inside a function table, not a function code
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


def _misprinted(printed: str | None, groupings: list[list[int]]) -> bool:
    """A code cell printed in digit groups no classification uses ("301 2", "2031-39-99")."""
    if not printed or not re.search(r"\d", printed):
        return False
    groups = re.split(r"[\s\-－—.．]+", printed.strip())
    if not all(g.isdigit() for g in groups):
        return False  # words, not a code
    return len(groups) > 1 and [len(g) for g in groups] not in groupings


@rule("CLASS-004")
def stale_names(ctx: Context) -> None:
    """Names of the classification the document's year no longer uses (医疗卫生与计划生育支出 in
    a 2024 budget), in tables and narrative."""
    d = ctx.disclosure
    year = d.meta.year
    if not year:
        raise Skip("未识别到文件年度")
    stale = [r for r in data("classification.toml")["renamed"] if year >= r["from"]]
    for table in d.tables:
        for row in table.rows:
            for renamed in stale:
                if renamed["old"] in compact(row.label):
                    ctx.report(f"{table_name(table)}{place(row.location)}「{row.label}」：{renamed['from']} 年起科目 "
                               f"{renamed['code']} 已更名为“{renamed['new']}”，{year} 年的文件仍用旧名",
                               [Evidence(f"{table_name(table)} · {row.label}", row.location, table=table.kind,
                                         row=row.label)])
    for section in d.narrative:
        for paragraph in section.paragraphs:
            for renamed in stale:
                if renamed["old"] in paragraph.text:
                    ctx.report(f"情况说明{place(paragraph.location)}仍用“{renamed['old']}”：{renamed['from']} 年起科目 "
                               f"{renamed['code']} 已更名为“{renamed['new']}”",
                               [Evidence(f"情况说明 · {renamed['old']}", paragraph.location, table="narrative")])
