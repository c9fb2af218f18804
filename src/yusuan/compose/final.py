"""A final account (部门决算) from the budget input with each line item's 决算数.

The composer's ledger then holds what was spent; the budgeted amounts stay beside it as the
年初预算 the 情况说明 compares with, and the 结转结余 sheet gives what was carried in and out, from
which the year's income follows. A line item budgeted but not spent (决算数 0) prints nowhere in
the final tables but still counts in the 年初预算.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .schema import BudgetInput, InputError, Problem, Where, sheet


def final_input(data: BudgetInput) -> BudgetInput:
    missing = [item for item in data.items if item.actual is None]
    if missing:
        column = sheet("items").column("actual").header
        raise InputError([Problem(Where(item.where.sheet, item.where.row, column), "编制决算须填写每笔支出的决算数")
                          for item in missing])
    spent = [replace(item, amount=item.actual) for item in data.items if item.actual]
    if not spent:
        raise InputError([Problem(Where(sheet("items").name), "决算数均为 0，没有可编制的决算")])
    negative = _negative_income(data)
    if negative:
        raise InputError(negative)
    return replace(data, items=spent, budget_items=list(data.items))


def _negative_income(data: BudgetInput) -> list[Problem]:
    """A carry line whose 年初 exceeds what was spent plus its 年末 would make the year's income
    negative: a mistake in the 结转结余 sheet (or money handed back, which the template has no
    line for). Checked in 元 per unit, fund and 项."""
    spent: dict[tuple[str, str, str], Decimal] = {}
    for item in data.items:
        key = (item.unit, item.fund, item.function)
        spent[key] = spent.get(key, Decimal(0)) + (item.actual or Decimal(0))
    problems = []
    for carry in data.carries:
        income = spent.get((carry.unit, carry.fund, carry.function), Decimal(0)) + carry.closing - carry.opening
        if income < 0:
            problems.append(Problem(Where(sheet("carry").name, carry.row, sheet("carry").column("opening").header),
                                    f"年初结转和结余大于本年支出与年末结转和结余之和，本年收入将为负数（{income} 元）"))
    return problems
