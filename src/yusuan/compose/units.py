"""One budget unit's own budget (单位预算) from the department's input.

Units publish their own budgets from the same data as the department's: the unit's line items,
purchases and projects. What the input gives only for the department as a whole — previous-year
amounts, vehicles and equipment, the 项目经费情况说明 — is left out rather than attributed to a
unit it may not belong to; the unit's texts say what it is and whose it is.
"""

from __future__ import annotations

from dataclasses import replace

from .schema import BudgetInput, LineText


class UnknownUnit(ValueError):
    """No unit budget can be composed for the code asked for (not in the input, no spending, no
    职能 of its own); the message says which and why."""


def unit_budget(data: BudgetInput, code: str) -> BudgetInput:
    unit = next((u for u in data.units if u.code == code), None)
    if unit is None:
        raise UnknownUnit(f"预算单位中没有代码 {code}（可选：{'、'.join(u.code for u in data.units)}）")
    items = [i for i in data.items if i.unit == code]
    if not items:
        raise UnknownUnit(f"单位 {code}（{unit.name}）在支出明细中没有支出，无法编制单位预算")
    if not unit.duties:
        raise UnknownUnit(f"单位 {code}（{unit.name}）没有填写“单位职能”（预算单位表），无法编制单位预算")
    projects = {i.project for i in items if i.project}
    functions = {i.function for i in items}
    return replace(
        data, department=unit.name, parent=data.department, units=[unit], items=items, duties=unit.duties,
        organisation=f"{unit.name}是{data.department}所属{unit.kind}，本预算为{unit.name}的单位预算。",
        prior={}, assets={}, asset_purchases={}, explanations=[],
        procurement=[p for p in data.procurement if p.unit == code],
        carries=[c for c in data.carries if c.unit == code],
        targets=[t for t in data.targets if t.project in projects],
        project_info={name: info for name, info in data.project_info.items() if name in projects},
        lines={c: LineText(line.use) for c, line in data.lines.items() if c in functions},
        three_public_use=dict(data.three_public_use),
    )
