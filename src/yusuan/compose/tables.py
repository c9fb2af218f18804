"""The standard tables, each an aggregation over the ledger's rounded line items.

One builder per table kind, registered by name; the layout catalogue picks which builders run,
in which order and under which title. Zero cells print blank (as published tables do), totals
always print.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .document import Cell, ComposedTable, Record
from .ledger import Entry, Ledger, function_lines
from .schema import funds, three_public_items

Builder = Callable[[Ledger, str], list[ComposedTable]]
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


def _head(*texts: str) -> list[Cell]:
    return [Cell(t, bold=True) for t in texts]


def _numbers(values: list[Decimal], always: bool = False) -> list[Cell]:
    return [Cell(money(v, always), numeric=True) for v in values]


def _empty_note(ledger: Ledger, what: str) -> str:
    return f"本部门{ledger.data.year}年没有{what}安排的支出，故本表为空表。"


# ------------------------------------------------------------------ function-classification tables

def _function_table(ledger: Ledger, title: str, kind: str, entries: list[Entry], empty: str | None = None
                    ) -> ComposedTable:
    header = [_head("科目编码", "科目名称", "合计", "基本支出", "项目支出")]
    table = ComposedTable(kind, title, ledger.unit, header, [])

    def add(code: str | None, label: str, chosen: list[Entry], role: str) -> None:
        basic = sum((e.value for e in chosen if e.basic), Decimal(0))
        project = sum((e.value for e in chosen if not e.basic), Decimal(0))
        total = basic + project
        bold = role != "item" or (code is not None and len(code) < 7)
        table.body.append([Cell(code or ""), Cell(label, bold=bold),
                           *_numbers([total, basic, project], always=role == "total")])
        table.records.append(Record(label, {"total": total, "basic": basic, "project": project}, code, role))

    add(None, "合计", entries, "total")
    for code in function_lines(entries):
        chosen = [e for e in entries if e.item.function.startswith(code)]
        add(code, ledger.name("function", code), chosen, "item")
    if not entries and empty:
        table.note = _empty_note(ledger, empty)
    return table


@builder("expenditure")
def expenditure(ledger: Ledger, title: str) -> list[ComposedTable]:
    return [_function_table(ledger, title, "expenditure", ledger.entries)]


@builder("gpb_expenditure")
def gpb_expenditure(ledger: Ledger, title: str) -> list[ComposedTable]:
    entries = ledger.select(lambda e: e.item.fund == "一般公共预算")
    return [_function_table(ledger, title, "gpb_expenditure", entries, "使用一般公共预算拨款")]


@builder("gov_fund")
def gov_fund(ledger: Ledger, title: str) -> list[ComposedTable]:
    entries = ledger.select(lambda e: e.item.fund == "政府性基金")
    return [_function_table(ledger, title, "gov_fund", entries, "使用政府性基金预算拨款")]


@builder("soe_capital")
def soe_capital(ledger: Ledger, title: str) -> list[ComposedTable]:
    entries = ledger.select(lambda e: e.item.fund == "国有资本经营")
    return [_function_table(ledger, title, "soe_capital", entries, "使用国有资本经营预算拨款")]


# ------------------------------------------------------------------ two-sided summaries

def _classes(ledger: Ledger, entries: list[Entry]) -> list[str]:
    return sorted({e.item.function[:3] for e in entries})


@builder("summary")
def summary(ledger: Ledger, title: str) -> list[ComposedTable]:
    header = [[Cell("收入", colspan=2, bold=True), Cell("支出", colspan=2, bold=True)],
              _head("项目", "预算数", "项目", "预算数")]
    table = ComposedTable("summary", title, ledger.unit, header, [])
    left: list[tuple[str, Decimal, str]] = []
    for n, fund in enumerate(funds(), start=1):
        value = ledger.sum(lambda e, f=fund["name"]: e.item.fund == f and not e.item.carryover)
        left.append((f"{numeral(n)}、{fund['income_label']}", value, "item"))
    right = [(f"{numeral(n)}、{ledger.name('function', c)}",
              ledger.sum(lambda e, c=c: e.item.function.startswith(c)), "item")
             for n, c in enumerate(_classes(ledger, ledger.entries), start=1)]
    current = ledger.sum(lambda e: not e.item.carryover)
    carry = ledger.sum(lambda e: e.item.carryover)
    total = ledger.sum()
    _two_sided(table, left, right, [
        (("本年收入合计", current), ("本年支出合计", total)),
        (("上年结转结余", carry), ("年终结转结余", Decimal(0))),
        (("收入总计", current + carry), ("支出总计", total)),
    ], ["total"])
    return [table]


@builder("fiscal_summary")
def fiscal_summary(ledger: Ledger, title: str) -> list[ComposedTable]:
    fiscal = [f for f in funds() if f.get("fiscal")]
    header = [[Cell("收入", colspan=2, bold=True), Cell("支出", colspan=2 + len(fiscal), bold=True)],
              _head("项目", "预算数", "项目", "合计", *[f["name"] for f in fiscal])]
    table = ComposedTable("fiscal_summary", title, ledger.unit, header, [])
    entries = ledger.select(lambda e: e.fiscal)

    def by_fund(where) -> list[Decimal]:
        parts = [sum((e.value for e in entries if where(e) and e.item.fund == f["name"]), Decimal(0))
                 for f in fiscal]
        return [sum(parts, Decimal(0)), *parts]

    left: list[tuple[str, Decimal, str]] = []
    for n, (label, carry) in enumerate((("本年收入", False), ("上年结转", True)), start=1):
        left.append((f"{numeral(n)}、{label}",
                     sum((e.value for e in entries if e.item.carryover == carry), Decimal(0)), "heading"))
        for m, fund in enumerate(fiscal, start=1):
            value = sum((e.value for e in entries if e.item.carryover == carry and e.item.fund == fund["name"]),
                        Decimal(0))
            left.append((f"（{numeral(m)}）{fund['fiscal_label']}", value, "item"))
    right: list[tuple[str, list[Decimal], str]] = [("一、本年支出", by_fund(lambda e: True), "heading")]
    for m, c in enumerate(_classes(ledger, entries), start=1):
        right.append((f"（{numeral(m)}）{ledger.name('function', c)}",
                      by_fund(lambda e, c=c: e.item.function.startswith(c)), "item"))
    right.append(("二、年终结转结余", [Decimal(0)] * (1 + len(fiscal)), "item"))
    total = sum((e.value for e in entries), Decimal(0))
    _two_sided(table, left, right, [(("收入总计", total), ("支出总计", by_fund(lambda e: True)))],
               ["total", *[f["key"] for f in fiscal]])
    return [table]


def _two_sided(table: ComposedTable, left: list, right: list, totals: list, right_keys: list[str]) -> None:
    """Lay income lines beside expenditure lines; totals rows at the bottom."""
    for i in range(max(len(left), len(right))):
        cells: list[Cell] = []
        for side, lines, keys in (("income", left, ["total"]), ("expenditure", right, right_keys)):
            if i < len(lines):
                label, value, role = lines[i]
                values = value if isinstance(value, list) else [value]
                cells += [Cell(label, bold=role == "heading"), *_numbers(values)]
                table.records.append(Record(label, dict(zip(keys, values, strict=True)), role=role, section=side))
            else:
                cells += [Cell("")] + [Cell("", numeric=True)] * len(keys)
        table.body.append(cells)
    for (left_label, left_value), (right_label, right_value) in totals:
        values = right_value if isinstance(right_value, list) else [right_value]
        always = "总计" in left_label
        table.body.append([Cell(left_label, bold=True), *_numbers([left_value], always),
                           Cell(right_label, bold=True), *_numbers(values, always)])
        for label, section, measures in ((left_label, "income", {"total": left_value}),
                                         (right_label, "expenditure", dict(zip(right_keys, values, strict=True)))):
            role = "total" if "总计" in label or "合计" in label else "item"
            table.records.append(Record(label, measures, role=role, section=section))


# ------------------------------------------------------------------ income by unit

@builder("income")
def income(ledger: Ledger, title: str) -> list[ComposedTable]:
    names = [f["name"] for f in funds()]
    header = [[Cell("单位代码", rowspan=2, bold=True), Cell("单位名称", rowspan=2, bold=True),
               Cell("合计", rowspan=2, bold=True), Cell("本年收入", colspan=len(names), bold=True),
               Cell("上年结转", rowspan=2, bold=True)],
              _head(*names)]
    table = ComposedTable("income", title, ledger.unit, header, [])
    keys = [f["key"] for f in funds()]

    def add(code: str, label: str, chosen: list[Entry], role: str) -> None:
        parts = [sum((e.value for e in chosen if e.item.fund == n and not e.item.carryover), Decimal(0))
                 for n in names]
        carry = sum((e.value for e in chosen if e.item.carryover), Decimal(0))
        total = sum(parts, Decimal(0)) + carry
        always = role == "total"
        table.body.append([Cell(code), Cell(label, bold=always), *_numbers([total, *parts, carry], always)])
        table.records.append(Record(label, {"total": total, **dict(zip(keys, parts, strict=True)),
                                            "carryover": carry}, code or None, role))

    add("", "合计", ledger.entries, "total")
    for unit in ledger.data.units:
        add(unit.code, unit.name, ledger.select(lambda e, u=unit.code: e.item.unit == u), "item")
    return [table]


# ------------------------------------------------------------------ economic classification

@builder("gpb_basic_econ")
def gpb_basic_econ(ledger: Ledger, title: str) -> list[ComposedTable]:
    header = [_head("科目编码", "科目名称", "合计", "人员经费", "公用经费")]
    table = ComposedTable("gpb_basic_econ", title, ledger.unit, header, [])
    entries = ledger.select(lambda e: e.basic and e.item.fund == "一般公共预算")

    def add(code: str | None, label: str, chosen: list[Entry], role: str) -> None:
        personnel = sum((e.value for e in chosen if e.personnel), Decimal(0))
        public = sum((e.value for e in chosen if not e.personnel), Decimal(0))
        always = role == "total"
        table.body.append([Cell(code or ""), Cell(label, bold=always or len(code or "") == 3),
                           *_numbers([personnel + public, personnel, public], always)])
        table.records.append(Record(label, {"total": personnel + public, "personnel": personnel,
                                            "public": public}, code, role))

    add(None, "合计", entries, "total")
    codes = sorted({e.item.econ[:3] for e in entries} | {e.item.econ for e in entries})
    for code in codes:
        add(code, ledger.name("econ_dept", code), [e for e in entries if e.item.econ.startswith(code)], "item")
    return [table]


# ------------------------------------------------------------------ 三公

@builder("three_public")
def three_public(ledger: Ledger, title: str) -> list[ComposedTable]:
    items = {t["key"]: t["name"] for t in three_public_items()}
    header = [[Cell("合计", rowspan=2, bold=True), Cell(items["abroad"], rowspan=2, bold=True),
               Cell("公务用车购置及运行费", colspan=3, bold=True), Cell(items["reception"], rowspan=2, bold=True)],
              _head("小计", items["car_purchase"], items["car_operation"])]
    values = ledger.three_public()
    car = values["car_purchase"] + values["car_operation"]
    total = sum(values.values(), Decimal(0))
    row = [total, values["abroad"], car, values["car_purchase"], values["car_operation"], values["reception"]]
    table = ComposedTable("three_public", title, ledger.unit, header, [_numbers(row, always=True)])
    table.records.append(Record("", {"total": total, "abroad": values["abroad"], "car_total": car,
                                     "car_purchase": values["car_purchase"],
                                     "car_operation": values["car_operation"], "reception": values["reception"]}))
    return [table]


# ------------------------------------------------------------------ projects and their targets

@builder("projects")
def projects(ledger: Ledger, title: str) -> list[ComposedTable]:
    header = [_head("单位代码", "项目名称", "项目类型", "合计", *[f["name"] for f in funds()])]
    table = ComposedTable("projects", title, ledger.unit, header, [])

    def add(code: str, label: str, kind: str, chosen: list[Entry], role: str) -> None:
        parts = [sum((e.value for e in chosen if e.item.fund == f["name"]), Decimal(0)) for f in funds()]
        total = sum(parts, Decimal(0))
        always = role == "total"
        table.body.append([Cell(code), Cell(label, bold=always), Cell(kind), *_numbers([total, *parts], always)])
        table.records.append(Record(label, {"total": total, **{f["key"]: p for f, p in zip(funds(), parts, strict=True)}},
                                    code or None, role))

    add("", "合计", "", [e for *_, es in ledger.projects for e in es], "total")
    for name, kind, unit, entries in ledger.projects:
        add(unit, name, kind, entries, "item")
    return [table]


@builder("project_performance")
def project_performance(ledger: Ledger, title: str) -> list[ComposedTable]:
    units = {u.code: u.name for u in ledger.data.units}
    tables = []
    for name, kind, unit, entries in ledger.projects:
        amount = sum((e.value for e in entries), Decimal(0))
        fiscal = sum((e.value for e in entries if e.fiscal), Decimal(0))
        unit_label = f"（{ledger.unit.value}）"
        body = [
            [Cell("项目名称", bold=True), Cell(name), Cell("项目类型", bold=True), Cell(kind)],
            [Cell("主管部门", bold=True), Cell(ledger.data.department), Cell("实施单位", bold=True), Cell(units[unit])],
            [Cell(f"年度资金总额{unit_label}", bold=True), Cell(money(amount, True), numeric=True),
             Cell(f"其中：财政拨款{unit_label}", bold=True), Cell(money(fiscal, True), numeric=True)],
            _head("一级指标", "二级指标", "三级指标", "指标值"),
        ]
        targets = [t for t in ledger.data.targets if t.project == name]
        start = len(body)
        for t in targets:
            body.append([Cell(t.level1), Cell(t.level2), Cell(t.name), Cell(t.value)])
        _merge_runs(body, start, 0)
        _merge_runs(body, start, 1, within=0)
        table = ComposedTable("project_performance", title.replace("{project}", name), ledger.unit, [], body,
                              key_value=True)
        table.records.append(Record(name, {"total": amount}, role="item"))
        tables.append(table)
    return tables


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
