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


# figure key → (the table builder that prints it, its value)
_IN_TABLES: dict[str, tuple[str, Value]] = {
    "total_income": ("summary", lambda ledger: ledger.sum()),
    "total_expenditure": ("summary", lambda ledger: ledger.sum()),
    "current_year_income": ("summary", lambda ledger: ledger.current()),
    "carry_over": ("summary", Ledger.carried),
    "general_public_budget": ("summary", lambda ledger: ledger.current(_GPB)),
    "government_fund": ("summary", lambda ledger: ledger.current("政府性基金")),
    "soe_capital": ("summary", lambda ledger: ledger.current("国有资本经营")),
    "basic_expenditure": ("expenditure", Ledger.basic),
    "project_expenditure": ("expenditure", lambda ledger: ledger.sum() - ledger.basic()),
    "personnel": ("gpb_basic_econ", lambda ledger: ledger.sum(lambda e: e.basic and e.personnel and e.item.fund == _GPB)),
    "public_operating": ("gpb_basic_econ",
                         lambda ledger: ledger.sum(lambda e: e.basic and not e.personnel and e.item.fund == _GPB)),
    "three_public_total": ("three_public", _three_public(None)),
    "three_public_abroad": ("three_public", _three_public("abroad")),
    "three_public_car_purchase": ("three_public", _three_public("car_purchase")),
    "three_public_car_operation": ("three_public", _three_public("car_operation")),
    "three_public_reception": ("three_public", _three_public("reception")),
    "project_total": ("projects", lambda ledger: sum((e.value for *_, es in ledger.projects for e in es), Decimal(0))),
}
# figure key → (the narrative writer that states it, its value)
_IN_NARRATIVE: dict[str, tuple[str, Value]] = {
    "running_cost": ("running_cost", Ledger.running_cost),
    "procurement_total": ("procurement", _procurement(None)),
    "procurement_goods": ("procurement", _procurement("货物")),
    "procurement_works": ("procurement", _procurement("工程")),
    "procurement_services": ("procurement", _procurement("服务")),
}


def key_figures(tables: Ledger, words: Ledger, builders: list[str], writers: list[str],
                where: Location) -> dict[str, Figure]:
    """The figures stated by a layout's tables (`builders`, valued on the `tables` ledger) and its
    narrative (`writers`, valued on the `words` ledger)."""
    figures: dict[str, Figure] = {}

    def state(key: str, value: Decimal | None, ledger: Ledger, source: str) -> None:
        if value is not None:
            figures[key] = Figure(key, convert(value, ledger.unit, Unit.WAN), source, where)

    for key, (builder, value) in _IN_TABLES.items():
        if builder in builders:
            state(key, value(tables), tables, TableKind(builder))
    for key, (writer, value) in _IN_NARRATIVE.items():
        if writer in writers:
            state(key, value(words), words, "narrative")
    return figures
