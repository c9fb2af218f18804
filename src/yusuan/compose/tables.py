"""The standard tables, each an aggregation over the ledger's rounded line items.

One builder per table kind, registered by name; the layout catalogue picks which builders run,
in which order and under which title. Each builder adds to the document both what a table says
(model rows keyed like the recogniser's measures, and the projects and performance targets it
lists) and how it is printed (the cell grid), row by row from the same figures. Zero cells print
blank (as published tables do) but stand for 0 in the model; totals always print.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..model import (
    Indicator,
    Pairing,
    PerformanceTarget,
    Project,
    Row,
    RowRole,
    Side,
    Table,
    TableKind,
)
from ..model.text import enumerator_depth
from .document import Cell, ComposedDocument, Grid
from .ledger import Entry, Ledger, function_lines
from .schema import funds, three_public_items

Options = dict[str, Any]  # a table's entry in the layout catalogue: header words, row labels, keys
Builder = Callable[[Ledger, str, ComposedDocument, Options], None]
BUILDERS: dict[str, Builder] = {}
_NUMERALS = "一二三四五六七八九十"


def builder(name: str) -> Callable[[Builder], Builder]:
    def register(function: Builder) -> Builder:
        BUILDERS[name] = function
        return function
    return register


def money(value: Decimal | None, always: bool = False) -> str:
    if value is None or (value == 0 and not always):
        return ""
    return f"{value:,.2f}"


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (enough for table enumerations)."""
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (_NUMERALS[ones - 1] if ones else "")


def head_cells(*texts: str) -> list[Cell]:
    return [Cell(t, bold=True) for t in texts]


def number_cells(values: list[Decimal], always: bool = False) -> list[Cell]:
    return [Cell(money(v, always), numeric=True) for v in values]


def empty_note(ledger: Ledger, what: str, options: Options) -> str:
    if "empty_note" in options:
        return options["empty_note"].replace("{year}", str(ledger.data.year)).replace("本部门", f"本{ledger.data.own}")
    return f"注：本{ledger.data.own}{ledger.data.year}年没有{what}安排的支出，故本表为空表。"


def header_rows(spec: list[list[str | dict]]) -> list[list[Cell]]:
    """Header rows from the catalogue: a cell is its words, or {text, span (columns), rows}."""
    return [[Cell(c, bold=True) if isinstance(c, str) else
             Cell(c["text"], colspan=c.get("span", 1), rowspan=c.get("rows", 1), bold=True) for c in row]
            for row in spec]


def code_cells(code: str | None, columns: list[str]) -> list[Cell]:
    """A classification code in one cell, or split over the family's 类|款|项 columns."""
    if not columns:
        return [Cell(code or "")]
    widths = (3, 2, 2)
    parts, at = [], 0
    for width in widths[:len(columns)]:
        parts.append((code or "")[at:at + width])
        at += width
    return [Cell(p) for p in parts]


def _classified_header(options: Options, code_header: str, name_header: str, amounts: list[str]) -> list[list[Cell]]:
    """The header of a table listed by classification code: one row, or with code columns split
    (类|款|项) the three published rows: 项目 | group; 编码 | 名称 | amounts; 类 款 项."""
    columns = options.get("code_columns", [])
    if not columns:
        return [head_cells(code_header, name_header, *amounts)]
    n = len(columns)
    return [[Cell("项目", colspan=n + 1, bold=True), Cell(options["group"], colspan=len(amounts), bold=True)],
            [Cell(options.get("code_header", code_header), colspan=n, bold=True),
             Cell(options.get("name_header", name_header), rowspan=2, bold=True),
             *[Cell(a, rowspan=2, bold=True) for a in amounts]],
            head_cells(*columns)]


def _total_cells(options: Options) -> list[Cell]:
    """Where a classified table's 合计 label goes: across the code and name columns when split."""
    columns = options.get("code_columns", [])
    if not columns:
        return [Cell(""), Cell("合计", bold=True)]
    return [Cell("合计", colspan=len(columns) + 1, bold=True)]


def model_row(doc: ComposedDocument, label: str, values: dict[str, Decimal], role: RowRole = RowRole.ITEM, *,
         code: str | None = None, unit_code: str | None = None, section: Side | None = None,
         texts: dict[str, str] | None = None) -> Row:
    return Row(label, values, doc.where, code=code, unit_code=unit_code, section=section, role=role,
               texts=texts or {}, enumerator=enumerator_depth(label))


def add_table(doc: ComposedDocument, table: Table, grid: Grid) -> None:
    """Add a finished table with its list rows nested by code: a 款 under its 类, a 项 under its
    款, an economic 款 under its class; budget units (by unit code) and projects at the top.
    Totals, headings and the rows of a two-sided table stay outside the tree."""
    stack: list[tuple[str, int]] = []  # (code, row index) of the open branch
    for index, row in enumerate(table.rows):
        if row.role not in (RowRole.ITEM, RowRole.UNIT) or row.section:
            continue
        key = (row.code if row.role == RowRole.ITEM else row.unit_code) or ""
        while stack and not (key.startswith(stack[-1][0]) and key != stack[-1][0]):
            stack.pop()
        row.parent = stack[-1][1] if stack else None
        row.depth = len(stack)
        if key:
            stack.append((key, index))
    doc.add_table(table, grid)


# ------------------------------------------------------------------ function-classification tables

def _function_table(ledger: Ledger, title: str, doc: ComposedDocument, kind: TableKind, entries: list[Entry],
                    options: Options, empty: str | None = None) -> None:
    """A table by 功能分类 (类, 款, 项) with 合计 / 基本支出 / 项目支出.

    Options: code_columns (split the code over 类|款|项), group (the words over the amounts when
    split), total_last (合计 as the last row, not the first), empty_note."""
    extra = options.get("extra_columns", [])  # columns a final account prints that budgets leave at 0
    table = Table(kind, title, doc.where, ledger.unit, ["total", "basic", "project", *[c["key"] for c in extra]])
    grid = Grid(_classified_header(options, "科目编码", "科目名称",
                                   [options.get("total_header", "合计"), "基本支出", "项目支出",
                                    *[c["header"] for c in extra]]))
    total_last = options.get("total_last", False)
    zeros = [Decimal(0)] * len(extra)

    def add(code: str | None, label: str, chosen: list[Entry], role: RowRole) -> None:
        basic = sum((e.value for e in chosen if e.basic), Decimal(0))
        project = sum((e.value for e in chosen if not e.basic), Decimal(0))
        total = basic + project
        if role == RowRole.TOTAL and not chosen and total_last:
            grid.body.append([*_total_cells(options), *number_cells([total, basic, project, *zeros])])
            return  # an empty table's 合计 prints blank, as published, and says nothing
        bold = role != RowRole.ITEM or (code is not None and len(code) < 7)
        label_cells = (_total_cells(options) if role == RowRole.TOTAL
                       else [*code_cells(code, options.get("code_columns", [])), Cell(label, bold=bold)])
        grid.body.append([*label_cells, *number_cells([total, basic, project, *zeros], always=role == RowRole.TOTAL)])
        table.rows.append(model_row(doc, label, {"total": total, "basic": basic, "project": project}, role, code=code))

    if not total_last:
        add(None, "合计", entries, RowRole.TOTAL)
    for code in function_lines(entries):
        chosen = [e for e in entries if e.item.function.startswith(code)]
        add(code, ledger.name("function", code), chosen, RowRole.ITEM)
    if total_last:
        add(None, "合计", entries, RowRole.TOTAL)
    if not entries and empty:
        table.notes.append(empty_note(ledger, empty, options))
        table.empty_by_design = True
    add_table(doc, table, grid)


@builder("expenditure")
def expenditure(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    _function_table(ledger, title, doc, TableKind.EXPENDITURE, ledger.entries, options)


@builder("gpb_expenditure")
def gpb_expenditure(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    entries = ledger.select(lambda e: e.item.fund == "一般公共预算")
    _function_table(ledger, title, doc, TableKind.GPB_EXPENDITURE, entries, options, "使用一般公共预算拨款")


@builder("gov_fund")
def gov_fund(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    entries = ledger.select(lambda e: e.item.fund == "政府性基金")
    _function_table(ledger, title, doc, TableKind.GOV_FUND, entries, options, "使用政府性基金预算拨款")


@builder("soe_capital")
def soe_capital(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    entries = ledger.select(lambda e: e.item.fund == "国有资本经营")
    _function_table(ledger, title, doc, TableKind.SOE_CAPITAL, entries, options, "使用国有资本经营预算拨款")


@builder("income_by_function")
def income_by_function(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """收入预算总表 by 功能分类 (Shanghai): each 类/款/项 with its income by source.

    Options: columns ({header, key, funds}: a column sums those fund sources), code_columns,
    group; 合计 is the last row."""
    columns = options["columns"]
    keys = ["total", *[c["key"] for c in columns]]
    table = Table(TableKind.INCOME, title, doc.where, ledger.unit, keys)
    grid = Grid(_classified_header(options, "科目编码", "科目名称",
                                   [options.get("total_header", "合计"), *[c["header"] for c in columns]]))

    final = options.get("final", False)  # a final account's income: spending plus carried out less carried in

    def add(code: str | None, label: str, chosen: list[Entry], role: RowRole) -> None:
        if final:
            parts = [ledger.income(c["funds"], code or "") for c in columns]
        else:
            parts = [sum((e.value for e in chosen if e.item.fund in c["funds"]), Decimal(0)) for c in columns]
        values = [sum(parts, Decimal(0)), *parts]
        always = role == RowRole.TOTAL
        label_cells = (_total_cells(options) if always
                       else [*code_cells(code, options.get("code_columns", [])), Cell(label, bold=len(code or "") < 7)])
        grid.body.append([*label_cells, *number_cells(values, always)])
        table.rows.append(model_row(doc, label, dict(zip(keys, values, strict=True)), role, code=code))

    total_last = options.get("total_last", True)
    if not total_last:
        add(None, "合计", ledger.entries, RowRole.TOTAL)
    for code in function_lines(ledger.entries, ledger.carried_lines()):
        add(code, ledger.name("function", code), [e for e in ledger.entries if e.item.function.startswith(code)],
            RowRole.ITEM)
    if total_last:
        add(None, "合计", ledger.entries, RowRole.TOTAL)
    add_table(doc, table, grid)


# ------------------------------------------------------------------ two-sided summaries

def class_codes(ledger: Ledger, entries: list[Entry]) -> list[str]:
    return sorted({e.item.function[:3] for e in entries})


def _income_lines(ledger: Ledger, entries: list[Entry], options: Options) -> list[tuple[str, Decimal, RowRole]]:
    """A summary's income lines from the catalogue (income_rows: label, funds, carryover,
    optional): each the sum of its fund sources."""
    lines = []
    for line in options["income_rows"]:
        carry = line.get("carryover", False)
        value = sum((e.value for e in entries if e.item.fund in line["funds"] and e.item.carryover == carry), Decimal(0))
        if value or not line.get("optional", False):
            lines.append((line["label"], value, RowRole.ITEM))
    return lines


@builder("summary")
def summary(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """收支总表. Options (a family's own wording): header, income_key, income_rows, totals."""
    current = ledger.current()
    carry = ledger.carried()
    total = ledger.sum()
    right = [(f"{numeral(n)}、{ledger.name('function', c)}",
              ledger.sum(lambda e, c=c: e.item.function.startswith(c)), RowRole.ITEM)
             for n, c in enumerate(class_codes(ledger, ledger.entries), start=1)]
    if "income_rows" in options:
        table = Table(TableKind.SUMMARY, title, doc.where, ledger.unit, [options["income_key"], "total"])
        grid = Grid(header_rows(options["header"]))
        (income_total, spending_total), = options["totals"]
        two_sided(doc, table, grid, _income_lines(ledger, ledger.entries, options), right,
                   [((income_total, total), (spending_total, total))], ["total"], options["income_key"])
        return
    table = Table(TableKind.SUMMARY, title, doc.where, ledger.unit, ["total"])
    grid = Grid([[Cell("收入", colspan=2, bold=True), Cell("支出", colspan=2, bold=True)],
                 head_cells("项目", "预算数", "项目", "预算数")])
    left = [(f"{numeral(n)}、{fund['income_label']}", ledger.current(fund["name"]), RowRole.ITEM)
            for n, fund in enumerate(funds(), start=1)]
    two_sided(doc, table, grid, left, right, [
        (("本年收入合计", current), ("本年支出合计", total)),
        (("上年结转结余", carry), ("年终结转结余", Decimal(0))),
        (("收入总计", current + carry), ("支出总计", total)),
    ], ["total"])


@builder("fiscal_summary")
def fiscal_summary(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """财政拨款收支总表. Options as the summary's; without them the national layout (本年收入 and
    上年结转 headings with a line per fund, 本年支出 heading, 年终结转结余)."""
    fiscal = [f for f in funds() if f.get("fiscal")]
    keys = ["total", *[f["key"] for f in fiscal]]
    entries = ledger.select(lambda e: e.fiscal)

    def by_fund(where) -> list[Decimal]:
        parts = [sum((e.value for e in entries if where(e) and e.item.fund == f["name"]), Decimal(0))
                 for f in fiscal]
        return [sum(parts, Decimal(0)), *parts]

    total = sum((e.value for e in entries), Decimal(0))
    classes = [(ledger.name("function", c), by_fund(lambda e, c=c: e.item.function.startswith(c)))
               for c in class_codes(ledger, entries)]
    if "income_rows" in options:
        table = Table(TableKind.FISCAL_SUMMARY, title, doc.where, ledger.unit, [options["income_key"], *keys])
        grid = Grid(header_rows(options["header"]))
        right = [(f"{numeral(n)}、{name}", values, RowRole.ITEM) for n, (name, values) in enumerate(classes, start=1)]
        (income_total, spending_total), = options["totals"]
        two_sided(doc, table, grid, _income_lines(ledger, entries, options), right,
                   [((income_total, total), (spending_total, by_fund(lambda e: True)))], keys, options["income_key"])
        return
    table = Table(TableKind.FISCAL_SUMMARY, title, doc.where, ledger.unit, keys)
    grid = Grid([[Cell("收入", colspan=2, bold=True), Cell("支出", colspan=2 + len(fiscal), bold=True)],
                 head_cells("项目", "预算数", "项目", "合计", *[f["name"] for f in fiscal])])
    left: list[tuple[str, Decimal, RowRole]] = []
    for n, (label, carry) in enumerate((("本年收入", False), ("上年结转", True)), start=1):
        left.append((f"{numeral(n)}、{label}",
                     sum((e.value for e in entries if e.item.carryover == carry), Decimal(0)), RowRole.HEADING))
        for m, fund in enumerate(fiscal, start=1):
            value = sum((e.value for e in entries if e.item.carryover == carry and e.item.fund == fund["name"]),
                        Decimal(0))
            left.append((f"（{numeral(m)}）{fund['fiscal_label']}", value, RowRole.ITEM))
    right: list[tuple[str, list[Decimal], RowRole]] = [("一、本年支出", by_fund(lambda e: True), RowRole.HEADING)]
    right += [(f"（{numeral(m)}）{name}", values, RowRole.ITEM) for m, (name, values) in enumerate(classes, start=1)]
    right.append(("二、年终结转结余", [Decimal(0)] * len(keys), RowRole.ITEM))
    two_sided(doc, table, grid, left, right, [(("收入总计", total), ("支出总计", by_fund(lambda e: True)))], keys)


def two_sided(doc: ComposedDocument, table: Table, grid: Grid, left: list, right: list, totals: list,
               right_keys: list[str], left_key: str = "total", finish: bool = True) -> None:
    """Lay income lines beside expenditure lines; totals rows at the bottom. Each printed line
    holds up to two model rows, the income half's first. `finish` = False leaves the table open
    for more lines (the caller adds it)."""
    for i in range(max(len(left), len(right))):
        cells: list[Cell] = []
        for side, lines, keys in ((Side.INCOME, left, [left_key]), (Side.EXPENDITURE, right, right_keys)):
            if i < len(lines):
                label, value, role = lines[i]
                values = value if isinstance(value, list) else [value]
                cells += [Cell(label, bold=role == RowRole.HEADING), *number_cells(values)]
                table.rows.append(model_row(doc, label, dict(zip(keys, values, strict=True)), role, section=side))
            else:
                cells += [Cell("")] + [Cell("", numeric=True)] * len(keys)
        grid.body.append(cells)
    for (left_label, left_value), (right_label, right_value) in totals:
        values = right_value if isinstance(right_value, list) else [right_value]
        always = True  # a totals line prints 0.00 rather than a blank line a reader would drop
        grid.body.append([Cell(left_label, bold=True), *number_cells([left_value], always),
                          Cell(right_label, bold=True), *number_cells(values, always)])
        for label, side, measures in ((left_label, Side.INCOME, {left_key: left_value}),
                                      (right_label, Side.EXPENDITURE, dict(zip(right_keys, values, strict=True)))):
            role = RowRole.TOTAL if "总计" in label or "合计" in label else RowRole.ITEM
            table.rows.append(model_row(doc, label, measures, role, section=side))
    if finish:
        add_table(doc, table, grid)


# ------------------------------------------------------------------ income by unit

@builder("income")
def income(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    names = [f["name"] for f in funds()]
    keys = [f["key"] for f in funds()]
    table = Table(TableKind.INCOME, title, doc.where, ledger.unit, ["total", *keys, "carryover"])
    grid = Grid([[Cell("单位代码", rowspan=2, bold=True), Cell("单位名称", rowspan=2, bold=True),
                  Cell("合计", rowspan=2, bold=True), Cell("本年收入", colspan=len(names), bold=True),
                  Cell("上年结转", rowspan=2, bold=True)],
                 head_cells(*names)])

    def add(code: str, label: str, chosen: list[Entry], role: RowRole) -> None:
        parts = [sum((e.value for e in chosen if e.item.fund == n and not e.item.carryover), Decimal(0))
                 for n in names]
        carry = sum((e.value for e in chosen if e.item.carryover), Decimal(0))
        total = sum(parts, Decimal(0)) + carry
        always = role == RowRole.TOTAL
        grid.body.append([Cell(code), Cell(label, bold=always), *number_cells([total, *parts, carry], always)])
        table.rows.append(model_row(doc, label, {"total": total, **dict(zip(keys, parts, strict=True)), "carryover": carry},
                               role, unit_code=code or None))

    add("", "合计", ledger.entries, RowRole.TOTAL)
    for unit in ledger.data.units:
        add(unit.code, unit.name, ledger.select(lambda e, u=unit.code: e.item.unit == u), RowRole.UNIT)
    add_table(doc, table, grid)


# ------------------------------------------------------------------ economic classification

@builder("gpb_basic_econ")
def gpb_basic_econ(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """一般公共预算基本支出 by 部门经济分类 (类, 款) with 人员经费 / 公用经费.

    Options: code_columns, group, code_header, name_header (the split layout), print_zeros
    (0.00 in every empty cell, as Shanghai prints), total_last is implied by code_columns."""
    table = Table(TableKind.GPB_BASIC_ECON, title, doc.where, ledger.unit, ["total", "personnel", "public"])
    grid = Grid(_classified_header(options, "科目编码", "科目名称", ["合计", "人员经费", "公用经费"]))
    entries = ledger.select(lambda e: e.basic and e.item.fund == "一般公共预算")
    zeros = options.get("print_zeros", False)
    split = bool(options.get("code_columns"))

    def add(code: str | None, label: str, chosen: list[Entry], role: RowRole) -> None:
        personnel = sum((e.value for e in chosen if e.personnel), Decimal(0))
        public = sum((e.value for e in chosen if not e.personnel), Decimal(0))
        always = role == RowRole.TOTAL or zeros
        label_cells = (_total_cells(options) if role == RowRole.TOTAL
                       else [*code_cells(code, options.get("code_columns", [])),
                             Cell(label, bold=len(code or "") == 3)])
        if role == RowRole.TOTAL and not split:
            label_cells = [Cell(""), Cell(label, bold=True)]
        grid.body.append([*label_cells, *number_cells([personnel + public, personnel, public], always)])
        table.rows.append(model_row(doc, label, {"total": personnel + public, "personnel": personnel, "public": public},
                               role, code=code))

    if not split:
        add(None, "合计", entries, RowRole.TOTAL)
    codes = sorted({e.item.econ[:3] for e in entries} | {e.item.econ for e in entries})
    for code in codes:
        add(code, ledger.name("econ_dept", code), [e for e in entries if e.item.econ.startswith(code)], RowRole.ITEM)
    if split:
        add(None, "合计", entries, RowRole.TOTAL)
    add_table(doc, table, grid)


# ------------------------------------------------------------------ 三公

@builder("three_public")
def three_public(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """One printed line of amounts: the department's “三公” total and its items."""
    items = {t["key"]: t["name"] for t in three_public_items()}
    grid = Grid([[Cell("合计", rowspan=2, bold=True), Cell(items["abroad"], rowspan=2, bold=True),
                  Cell("公务用车购置及运行费", colspan=3, bold=True), Cell(items["reception"], rowspan=2, bold=True)],
                 head_cells("小计", items["car_purchase"], items["car_operation"])])
    printed = ledger.three_public_measures()
    measures = {k: printed[k] for k in ("total", "abroad", "car_total", "car_purchase", "car_operation", "reception")}
    grid.body.append(number_cells(list(measures.values()), always=True))
    table = Table(TableKind.THREE_PUBLIC, title, doc.where, ledger.unit, list(measures),
                  [model_row(doc, "", measures, RowRole.TOTAL)])
    add_table(doc, table, grid)


@builder("three_public_running")
def three_public_running(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """“三公”经费和机关运行经费预算表 (Shanghai): one line of amounts, in the table's own unit
    (万元), 机关运行经费 in the last column. Options: header (the family's words, columns in the
    order total, abroad, reception, car_total, car_purchase, car_operation, running_cost)."""
    grid = Grid(header_rows(options["header"]))
    printed = {**ledger.three_public_measures(), "running_cost": ledger.running_cost()}
    measures = {k: printed[k] for k in ("total", "abroad", "reception", "car_total", "car_purchase", "car_operation",
                                        "running_cost")}
    grid.body.append([Cell(money(v, key in ("total", "running_cost")), numeric=True) for key, v in measures.items()])
    table = Table(TableKind.THREE_PUBLIC, title, doc.where, ledger.unit, list(measures),
                  [model_row(doc, "", measures, RowRole.TOTAL)])
    add_table(doc, table, grid)


# ------------------------------------------------------------------ projects and their targets

@builder("projects")
def projects(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """The project table; each of its project lines is also one of the document's projects."""
    table = Table(TableKind.PROJECTS, title, doc.where, ledger.unit, ["total", *[f["key"] for f in funds()]])
    grid = Grid([head_cells("单位代码", "项目名称", "项目类型", "合计", *[f["name"] for f in funds()])])

    def add(code: str, label: str, kind: str, chosen: list[Entry], role: RowRole) -> dict[str, Decimal]:
        parts = [sum((e.value for e in chosen if e.item.fund == f["name"]), Decimal(0)) for f in funds()]
        total = sum(parts, Decimal(0))
        always = role == RowRole.TOTAL
        values = {"total": total, **{f["key"]: p for f, p in zip(funds(), parts, strict=True)}}
        grid.body.append([Cell(code), Cell(label, bold=always), Cell(kind), *number_cells([total, *parts], always)])
        table.rows.append(model_row(doc, label, values, role, unit_code=code or None,
                               texts={"project_type": kind} if kind else {}))
        return values

    add("", "合计", "", [e for *_, es in ledger.projects for e in es], RowRole.TOTAL)
    for name, kind, unit, entries in ledger.projects:
        values = add(unit, name, kind, entries, RowRole.ITEM)
        doc.disclosure.projects.append(Project(name, values["total"], ledger.unit, doc.where, unit_code=unit,
                                               project_type=kind, values=dict(values)))
    add_table(doc, table, grid)


@builder("project_performance")
def project_performance(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """One performance-target form per project. What a form says is its PerformanceTarget (tied
    to the project it is printed for); its Table, kept so the tables stay in print order, lists
    no amounts."""
    units = {u.code: u.name for u in ledger.data.units}
    listed = {p.name: i for i, p in enumerate(doc.disclosure.projects)}
    for name, kind, unit, entries in ledger.projects:
        amount = sum((e.value for e in entries), Decimal(0))
        fiscal = sum((e.value for e in entries if e.fiscal), Decimal(0))
        unit_label = f"（{ledger.unit.value}）"
        body = [
            [Cell("项目名称", bold=True), Cell(name), Cell("项目类型", bold=True), Cell(kind)],
            [Cell("主管部门", bold=True), Cell(ledger.data.parent or ledger.data.department), Cell("实施单位", bold=True),
             Cell(units[unit])],
            [Cell(f"年度资金总额{unit_label}", bold=True), Cell(money(amount, True), numeric=True),
             Cell(f"其中：财政拨款{unit_label}", bold=True), Cell(money(fiscal, True), numeric=True)],
            head_cells("一级指标", "二级指标", "三级指标", "指标值"),
        ]
        targets = [t for t in ledger.data.targets if t.project == name]
        start = len(body)
        for t in targets:
            body.append([Cell(t.level1), Cell(t.level2), Cell(t.name), Cell(t.value)])
        _merge_runs(body, start, 0)
        _merge_runs(body, start, 1, within=0)
        form_title = title.replace("{project}", name)
        project = listed.get(name)
        doc.disclosure.performance.append(PerformanceTarget(
            name, doc.where, amount=amount, unit=ledger.unit,
            indicators=[Indicator(t.level1, t.level2, t.name, t.value, doc.where) for t in targets],
            project=project, paired_by=Pairing.NAME if project is not None else None))
        doc.add_table(Table(TableKind.PROJECT_PERFORMANCE, form_title, doc.where, ledger.unit, []),
                      Grid([], body, key_value=True))


def _merge_runs(body: list[list[Cell]], start: int, column: int, within: int | None = None) -> None:
    """Merge equal consecutive cells of a column downwards (一级指标 spanning its rows)."""
    i = start
    while i < len(body):
        j = i + 1
        while (j < len(body) and body[j][column].text == body[i][column].text
               and (within is None or body[j][within].text == body[i][within].text or body[j][within].text == "")):
            j += 1
        if j - i > 1:
            body[i][column].rowspan = j - i
            for k in range(i + 1, j):
                body[k][column] = Cell("", rowspan=0)  # covered by the merge above
        i = j
