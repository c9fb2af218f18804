"""Compose a disclosure from budget data: tables and narrative from one set of rounded figures.

    data = load("budget.xlsx")            # checked input (InputError lists every mistake)
    doc = compose(data, "national")       # Composition: sections + tables
    write(doc, "out/", ["docx", "xlsx", "html", "pdf"])
"""

from __future__ import annotations

from decimal import Decimal

from .. import catalogue
from ..money import Unit
from . import narrative, tables
from .document import Composition, Section
from .inputs import load
from .ledger import Ledger
from .schema import BudgetInput, InputError

__all__ = ["compose", "load", "layouts", "InputError", "Composition"]


def layouts() -> dict[str, dict]:
    return catalogue.data("compose_layouts.toml")["layout"]


def compose(data: BudgetInput, layout: str = "national") -> Composition:
    spec = layouts().get(layout)
    if spec is None:
        raise ValueError(f"未知的模板：{layout}（可选：{'、'.join(layouts())}）")
    unit = Unit(spec["unit"])
    ledger = Ledger(data, unit)
    words = ledger if spec["narrative_unit"] == spec["unit"] else Ledger(data, Unit(spec["narrative_unit"]))
    composed = []
    for entry in spec["tables"]:
        title = entry["title"].replace("{year}", str(data.year))
        composed.extend(tables.BUILDERS[entry["builder"]](ledger, title))
    title = spec["title"].format(department=data.department, year=data.year)
    sections = [
        Section("第一部分 部门概况", [], level=1),
        Section("一、主要职责", [data.duties], level=2),
        Section("二、机构设置", [data.organisation], level=2),
        Section(f"第二部分 {data.department}{data.year}年部门预算情况说明", [], level=1),
        *narrative.write(words, spec["narrative"]),
        Section("第三部分 名词解释", [f"{numeral}、{g['term']}：{g['text']}" for numeral, g in
                                     zip(_numerals(), catalogue.data("compose_layouts.toml")["glossary"], strict=False)],
                level=1),
        Section(f"第四部分 {data.department}{data.year}年部门预算表", [], level=1),
    ]
    note = ("注：本表金额由元换算为万元并保留两位小数，尾差按功能分类逐级以最大余数法分配，"
            "各表合计与明细严格相等。") if unit is Unit.WAN else ""
    return Composition(title=title, department=data.department, year=data.year, layout=layout, unit=unit,
                       sections=sections, tables=composed, rounding_note=note, date=data.date,
                       figures=_figures(words))


def _numerals():
    for n in range(1, 100):
        yield tables.numeral(n)


def _figures(ledger: Ledger) -> dict[str, Decimal]:
    """Key figures in the narrative's unit, for summaries and tests."""
    basic = ledger.sum(lambda e: e.basic)
    return {"total": ledger.sum(), "basic": basic, "project": ledger.sum() - basic,
            "three_public": sum(ledger.three_public().values(), Decimal(0)),
            "running_cost": ledger.running_cost()}
