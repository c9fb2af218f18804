"""The key figures a composed document states, in 万元 under the keys of catalogue/figures.toml.

A figure is stated where compose prints it — in a table (in the tables' unit) or in a sentence
of the 情况说明 (in the narrative's unit) — and takes its value from that printing, converted
exactly to 万元, so it is the number the recogniser reads back from any rendered file. A layout
that prints neither the table nor the sentence states no such figure.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..model import Figure, Location, TableKind
from ..model.money import Unit, convert
from .ledger import Ledger

Value = Callable[[Ledger], Decimal | None]  # None: the place prints no such figure
_GPB = "一般公共预算"


def _three_public(key: str | None) -> Value:
    def value(ledger: Ledger) -> Decimal:
        items = ledger.three_public()
        return items[key] if key else sum(items.values(), Decimal(0))
    return value


def _procurement(category: str | None) -> Value:
    def value(ledger: Ledger) -> Decimal | None:
        parts = ledger.procurement()
        total = sum(parts.values(), Decimal(0))
        if not total:  # the narrative says there is none
            return None
        return parts[category] if category else total
    return value


_NATIONAL_SUMMARY = "national summary"  # a summary that prints 本年收入合计 and 上年结转结余 rows
_FINAL_SUMMARY = ("final_summary",)
_THREE_PUBLIC = ("three_public", "three_public_running", "final_three_public")
# figure key → (the table builders that print it, its value). A final account's ledger holds what
# was spent and its carries (a budget's has none, so income() + opening() is its sum()); a summary
# built from a family's own income lines (Shanghai) prints neither 本年收入合计 nor 上年结转.
_IN_TABLES: dict[str, tuple[tuple[str, ...], Value]] = {
    "total_income": (("summary", *_FINAL_SUMMARY), lambda ledger: ledger.income() + ledger.opening()),
    "total_expenditure": (("summary", *_FINAL_SUMMARY), lambda ledger: ledger.sum() + ledger.closing()),
    "current_year_income": ((_NATIONAL_SUMMARY,), lambda ledger: ledger.current()),
    "carry_over": ((_NATIONAL_SUMMARY,), Ledger.carried),
    "general_public_budget": (("summary",), lambda ledger: ledger.current(_GPB)),
    "government_fund": (("summary",), lambda ledger: ledger.current("政府性基金")),
    "soe_capital": (("summary",), lambda ledger: ledger.current("国有资本经营")),
    "basic_expenditure": (("expenditure",), Ledger.basic),
    "project_expenditure": (("expenditure",), lambda ledger: ledger.sum() - ledger.basic()),
    "personnel": (("gpb_basic_econ", "final_basic_econ"),
                  lambda ledger: ledger.sum(lambda e: e.basic and e.personnel and e.item.fund == _GPB)),
    "public_operating": (("gpb_basic_econ", "final_basic_econ"),
                         lambda ledger: ledger.sum(lambda e: e.basic and not e.personnel and e.item.fund == _GPB)),
    "three_public_total": (_THREE_PUBLIC, _three_public(None)),
    "three_public_abroad": (_THREE_PUBLIC, _three_public("abroad")),
    "three_public_car_purchase": (_THREE_PUBLIC, _three_public("car_purchase")),
    "three_public_car_operation": (_THREE_PUBLIC, _three_public("car_operation")),
    "three_public_reception": (_THREE_PUBLIC, _three_public("reception")),
    "running_cost": (("three_public_running",), Ledger.running_cost),
    "gpb_expenditure_total": (("gpb_expenditure",), lambda ledger: ledger.sum(lambda e: e.item.fund == _GPB)),
    "project_total": (("projects",),
                      lambda ledger: sum((e.value for *_, es in ledger.projects for e in es), Decimal(0))),
}
# the final account's own: its summary's year lines and carries, and the appropriation total
_IN_FINAL_TABLES: dict[str, tuple[tuple[str, ...], Value]] = {
    "current_year_income": (_FINAL_SUMMARY, lambda ledger: ledger.income()),
    "current_year_expenditure": (_FINAL_SUMMARY, lambda ledger: ledger.sum()),
    "carry_forward": (_FINAL_SUMMARY, lambda ledger: ledger.closing()),
    "government_fund": (_FINAL_SUMMARY, lambda ledger: ledger.income(["政府性基金"])),
    "fiscal_expenditure_total": (("final_fiscal_summary",), lambda ledger: ledger.sum(lambda e: e.fiscal)),
}
# figure key → (the narrative writers that state it, its value)
_IN_NARRATIVE: dict[str, tuple[tuple[str, ...], Value]] = {
    "running_cost": (("running_cost", "running_cost_statement", "final_other"), Ledger.running_cost),
    "procurement_total": (("procurement",), _procurement(None)),
    "procurement_goods": (("procurement",), _procurement("货物")),
    "procurement_works": (("procurement",), _procurement("工程")),
    "procurement_services": (("procurement",), _procurement("服务")),
}


def key_figures(tables: dict[str, tuple[Ledger, dict, TableKind]], words: Ledger, writers: list[str],
                where: Location) -> dict[str, Figure]:
    """The figures stated by a layout's tables (`tables`: builder → the ledger in that table's
    unit, the table's options and its kind) and its narrative (`writers`, valued on the `words`
    ledger). A figure printed both in a table and a sentence is the table's."""
    figures: dict[str, Figure] = {}
    printed = dict(tables)
    if "summary" in tables and "income_rows" not in tables["summary"][1]:
        printed[_NATIONAL_SUMMARY] = tables["summary"]

    def state(key: str, value: Decimal | None, ledger: Ledger, source: str) -> None:
        if value is not None and key not in figures:
            figures[key] = Figure(key, convert(value, ledger.unit, Unit.WAN), source, where)

    for key, (builders, value) in [*_IN_FINAL_TABLES.items(), *_IN_TABLES.items()]:
        builder = next((b for b in builders if b in printed), None)
        if builder is not None:
            ledger, _, kind = printed[builder]
            state(key, value(ledger), ledger, kind)
    for key, (names, value) in _IN_NARRATIVE.items():
        if any(n in writers for n in names):
            state(key, value(words), words, "narrative")
    return figures
