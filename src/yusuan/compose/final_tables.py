"""The final account's own tables (部门决算): the shapes the 2024 决算 template prints that the
budget tables do not — income as spending plus carries, the 结转和结余 lines, the economic table
in two column pairs, 预算数 beside 决算数 for “三公”, and the fund tables with their carries.

Each builder registers under its name in `tables.BUILDERS`, so a family's table list picks it
like any other; the options (header words, row labels) come from the layout catalogue.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import RowRole, Side, Table, TableKind
from .document import Cell, ComposedDocument, Grid
from .ledger import Ledger, function_lines
from .schema import funds
from .tables import (
    Options,
    add_table,
    builder,
    class_codes,
    code_cells,
    empty_note,
    head_cells,
    header_rows,
    model_row,
    money,
    number_cells,
    numeral,
    two_sided,
)

_FISCAL = [f["name"] for f in funds() if f.get("fiscal")]


@builder("final_summary")
def final_summary(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """收入支出决算总表: each income line its funds' income, each class its spending; below, the
    year's totals, 使用非财政拨款结余 / 结余分配, the carries in and out, and 总计."""
    table = Table(TableKind.SUMMARY, title, doc.where, ledger.unit, ["total"])
    grid = Grid(header_rows(options["header"]))
    left = [(line["label"], ledger.income(line["funds"]), RowRole.ITEM) for line in options["income_rows"]]
    right = [(f"{numeral(n)}、{ledger.name('function', c)}", ledger.sum(lambda e, c=c: e.item.function.startswith(c)),
              RowRole.ITEM) for n, c in enumerate(class_codes(ledger, ledger.entries), start=1)]
    income, spent = ledger.income(), ledger.sum()
    opening, closing = ledger.opening(), ledger.closing()
    two_sided(doc, table, grid, left, right, [
        (("本年收入合计", income), ("本年支出合计", spent)),
        (("使用非财政拨款结余（含专用结余）", Decimal(0)), ("结余分配", Decimal(0))),
        (("年初结转和结余", opening), ("年末结转和结余", closing)),
        (("总计", income + opening), ("总计", spent + closing)),
    ], ["total"])


@builder("final_fiscal_summary")
def final_fiscal_summary(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """财政拨款收入支出决算总表: the appropriations' income by fund beside their spending by class
    and fund; the carries in (one line per fund) and out (by fund in the columns); 总计."""
    fiscal = [f for f in funds() if f.get("fiscal")]
    keys = ["total", *[f["key"] for f in fiscal]]
    table = Table(TableKind.FISCAL_SUMMARY, title, doc.where, ledger.unit, keys)
    grid = Grid(header_rows(options["header"]))
    entries = ledger.select(lambda e: e.fiscal)

    def by_fund(values: list[Decimal]) -> list[Decimal]:
        return [sum(values, Decimal(0)), *values]

    def spent(where) -> list[Decimal]:
        return by_fund([sum((e.value for e in entries if where(e) and e.item.fund == f["name"]), Decimal(0))
                        for f in fiscal])

    labels = options["fund_labels"]
    left = [(f"{numeral(n)}、{labels[f['key']]}", ledger.income([f["name"]]), RowRole.ITEM)
            for n, f in enumerate(fiscal, start=1)]
    right = [(f"{numeral(n)}、{ledger.name('function', c)}", spent(lambda e, c=c: e.item.function.startswith(c)),
              RowRole.ITEM) for n, c in enumerate(class_codes(ledger, entries), start=1)]
    closing = by_fund([ledger.closing([f["name"]]) for f in fiscal])
    income = ledger.income(_FISCAL)
    opening = ledger.opening(_FISCAL)
    total_spent = spent(lambda e: True)
    two_sided(doc, table, grid, left, right, [
        (("本年收入合计", income), ("本年支出合计", total_spent)),
        (("年初财政拨款结转和结余", opening), ("年末财政拨款结转和结余", closing)),
    ], keys, finish=False)
    for n, fund in enumerate(fiscal, start=1):  # the carries in, fund by fund, under the left side
        label = f"{numeral(n)}、{labels[fund['key']]}"
        value = ledger.opening([fund["name"]])
        grid.body.append([Cell(label), *number_cells([value]), Cell(""), *[Cell("", numeric=True)] * len(keys)])
        table.rows.append(model_row(doc, label, {"total": value}, RowRole.ITEM, section=Side.INCOME))
    grand = [a + b for a, b in zip(total_spent, closing, strict=True)]
    grid.body.append([Cell("总计", bold=True), *number_cells([income + opening], True), Cell("总计", bold=True),
                      *number_cells(grand, True)])
    table.rows.append(model_row(doc, "总计", {"total": income + opening}, RowRole.TOTAL, section=Side.INCOME))
    table.rows.append(model_row(doc, "总计", dict(zip(keys, grand, strict=True)), RowRole.TOTAL, section=Side.EXPENDITURE))
    add_table(doc, table, grid)


@builder("final_basic_econ")
def final_basic_econ(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """一般公共预算财政拨款基本支出决算表: 人员经费 codes in the left pair of columns, 公用经费 in
    the right, each closed by its 合计 on the last line."""
    table = Table(TableKind.GPB_BASIC_ECON, title, doc.where, ledger.unit, ["total"])
    grid = Grid([head_cells("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数")])
    entries = ledger.select(lambda e: e.basic and e.item.fund == "一般公共预算")
    sides = []
    for personnel in (True, False):
        chosen = [e for e in entries if e.personnel == personnel]
        codes = sorted({e.item.econ[:3] for e in chosen} | {e.item.econ for e in chosen})
        sides.append([(code, ledger.name("econ_dept", code),
                       sum((e.value for e in chosen if e.item.econ.startswith(code)), Decimal(0))) for code in codes])
    left, right = sides
    for i in range(max(len(left), len(right))):
        cells: list[Cell] = []
        for side in (left, right):
            if i < len(side):
                code, label, value = side[i]
                cells += [Cell(code), Cell(label, bold=len(code) == 3), *number_cells([value])]
            else:
                cells += [Cell(""), Cell(""), Cell("", numeric=True)]
        grid.body.append(cells)
    totals = [sum((v for code, _, v in side if len(code) == 3), Decimal(0)) for side in sides]
    grid.body.append([Cell("人员经费合计", colspan=2, bold=True), *number_cells([totals[0]], True),
                      Cell("公用经费合计", colspan=2, bold=True), *number_cells([totals[1]], True)])
    for side, label, total in ((left, "人员经费合计", totals[0]), (right, "公用经费合计", totals[1])):
        for code, name, value in side:
            table.rows.append(model_row(doc, name, {"total": value}, RowRole.ITEM, code=code))
        table.rows.append(model_row(doc, label, {"total": total}, RowRole.SUBTOTAL))
    add_table(doc, table, grid)


@builder("final_three_public")
def final_three_public(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    """财政拨款“三公”经费支出决算表: 预算数 beside 决算数 for the total and each item."""
    grid = Grid(header_rows(options["header"]))
    measures = {prefix + k: v for source, prefix in ((ledger.budget, "budget_"), (ledger, ""))
                for k, v in source.three_public_measures().items()}
    order = [p + k for k in ("total", "abroad", "car_total", "car_purchase", "car_operation", "reception")
             for p in ("budget_", "")]
    grid.body.append([Cell(money(measures[k], k in ("total", "budget_total")), numeric=True) for k in order])
    table = Table(TableKind.THREE_PUBLIC, title, doc.where, ledger.unit, order,
                  [model_row(doc, "", {k: measures[k] for k in order}, RowRole.TOTAL)])
    add_table(doc, table, grid)


def _fund_table(ledger: Ledger, title: str, doc: ComposedDocument, options: Options, kind: TableKind,
                fund: str) -> None:
    """A fund's 收入支出决算表 by 功能分类: carried in, income, spending (基本/项目), carried out."""
    keys = ["carryover", "current_total", "total", "basic", "project", "carry_forward"]
    table = Table(kind, title, doc.where, ledger.unit, keys)
    grid = Grid(header_rows(options["header"]))
    entries = ledger.select(lambda e: e.item.fund == fund)
    codes = function_lines(entries, ledger.carried_lines(fund))

    def values(prefix: str) -> list[Decimal]:
        chosen = [e for e in entries if e.item.function.startswith(prefix)]
        basic = sum((e.value for e in chosen if e.basic), Decimal(0))
        project = sum((e.value for e in chosen if not e.basic), Decimal(0))
        return [ledger.opening([fund], prefix), ledger.income([fund], prefix), basic + project, basic, project,
                ledger.closing([fund], prefix)]

    if codes:
        total = values("")
        grid.body.append([Cell("合计", colspan=2, bold=True), *number_cells(total, True)])
        table.rows.append(model_row(doc, "合计", dict(zip(keys, total, strict=True)), RowRole.TOTAL))
    for code in codes:
        line = values(code)
        grid.body.append([*code_cells(code, []), Cell(ledger.name("function", code), bold=len(code) < 7),
                          *number_cells(line)])
        table.rows.append(model_row(doc, ledger.name("function", code), dict(zip(keys, line, strict=True)), RowRole.ITEM,
                               code=code))
    if not codes:
        grid.body.append([Cell("合计", colspan=2, bold=True), *number_cells([Decimal(0)] * len(keys))])
        table.notes.append(empty_note(ledger, "", options))
        table.empty_by_design = True
    add_table(doc, table, grid)


@builder("final_gov_fund")
def final_gov_fund(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    _fund_table(ledger, title, doc, options, TableKind.GOV_FUND, "政府性基金")


@builder("final_soe_capital")
def final_soe_capital(ledger: Ledger, title: str, doc: ComposedDocument, options: Options) -> None:
    _fund_table(ledger, title, doc, options, TableKind.SOE_CAPITAL, "国有资本经营")
