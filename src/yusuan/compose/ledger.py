"""Line items rounded to the printed unit, and the sums every table and sentence draws on.

All printed figures come from `Ledger.sum(...)` over the same rounded items, which is what
makes the composed tables and narrative consistent by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property

from .. import catalogue
from ..model.money import Unit
from .rounding import allocate, round_tree, to_unit
from .schema import BudgetInput, LineItem, funds, three_public_items

_FISCAL = {f["name"] for f in funds() if f.get("fiscal")}
# 人员经费 = the economic classes the audit groups as personnel (codes.toml: 301 工资福利支出,
# 303 对个人和家庭的补助); everything else in basic spending is 公用经费
PERSONNEL_CLASSES = tuple(g["prefix"] for g in catalogue.data("codes.toml")["econ_group"] if g["group"] == "personnel")
# the 部门经济分类 codes each “三公” item is booked on, as the audit checks them (xtab.toml)
THREE_PUBLIC_CODES = {line["column"]: tuple(line["codes"]) for line in catalogue.data("xtab.toml")["three_public_line"]}
RUNNING_COST_UNITS = ("行政单位", "参公事业单位")


@dataclass(frozen=True)
class Entry:
    """A line item with its printed amount."""

    item: LineItem
    value: Decimal

    @property
    def basic(self) -> bool:
        return self.item.category == "基本支出"

    @property
    def fiscal(self) -> bool:
        return self.item.fund in _FISCAL

    @property
    def personnel(self) -> bool:
        return self.item.econ[:3] in PERSONNEL_CLASSES


class Ledger:
    """The department's line items in one unit, with the registry to name codes."""

    def __init__(self, data: BudgetInput, unit: Unit, grouped: bool = False):
        self.data = data
        self.unit = unit
        self.grouped = grouped  # sentences print 3,121.42万元 (and a zero as 0万元), as Shanghai does
        values = round_tree(data.items, lambda i: i.amount,
                            [lambda i: i.function[:3], lambda i: i.function[:5], lambda i: i.function], unit)
        self.entries = [Entry(i, v) for i, v in zip(data.items, values, strict=True)]
        self.registry = catalogue.data("classification.toml")
        self.unit_kinds = {u.code: u.kind for u in data.units}
        # a final account's carries, rounded like the line items: (fund, 项 code, 年初, 年末)
        levels = [lambda c: c.function[:3], lambda c: c.function[:5], lambda c: c.function]
        opening = round_tree(data.carries, lambda c: c.opening, levels, unit)
        closing = round_tree(data.carries, lambda c: c.closing, levels, unit)
        self.carries = [(c.fund, c.function, o, e) for c, o, e in zip(data.carries, opening, closing, strict=True)]

    @cached_property
    def budget(self) -> Ledger:
        """A final account's 年初预算: the same line items at their budgeted amounts."""
        return Ledger(replace(self.data, items=self.data.budget_items, budget_items=[], carries=[]), self.unit,
                      self.grouped)

    def opening(self, funds: Iterable[str] | None = None, prefix: str = "") -> Decimal:
        """年初结转和结余 of some funds (all when None) on the 功能分类 codes under `prefix`."""
        return sum((o for f, code, o, _ in self.carries if (funds is None or f in funds) and code.startswith(prefix)),
                   Decimal(0))

    def closing(self, funds: Iterable[str] | None = None, prefix: str = "") -> Decimal:
        """年末结转和结余, as `opening`."""
        return sum((c for f, code, _, c in self.carries if (funds is None or f in funds) and code.startswith(prefix)),
                   Decimal(0))

    def income(self, funds: Iterable[str] | None = None, prefix: str = "") -> Decimal:
        """A final account's income this year: spending, plus what is carried out, less what was
        carried in (so 本年收入 + 年初 = 本年支出 + 年末 holds on every line)."""
        funds = list(funds) if funds is not None else None
        spent = self.sum(lambda e: (funds is None or e.item.fund in funds) and e.item.function.startswith(prefix))
        return spent + self.closing(funds, prefix) - self.opening(funds, prefix)

    def sum(self, where: Callable[[Entry], bool] = lambda e: True) -> Decimal:
        return sum((e.value for e in self.entries if where(e)), Decimal(0))

    def current(self, fund: str | None = None) -> Decimal:
        """This year's money (not carried over), of one fund source or of all."""
        return self.sum(lambda e: not e.item.carryover and (fund is None or e.item.fund == fund))

    def carried(self) -> Decimal:
        """上年结转: money carried over from the previous year."""
        return self.sum(lambda e: e.item.carryover)

    def basic(self) -> Decimal:
        return self.sum(lambda e: e.basic)

    def select(self, where: Callable[[Entry], bool]) -> list[Entry]:
        return [e for e in self.entries if where(e)]

    def name(self, scheme: str, code: str) -> str:
        return self.registry[scheme][code]

    def convert(self, value_yuan: Decimal) -> Decimal:
        """A figure that is not a sum of line items (a previous-year amount) in the printed unit."""
        return to_unit(value_yuan, self.unit)

    @cached_property
    def projects(self) -> list[tuple[str, str, str, list[Entry]]]:
        """(name, type, unit code, entries) per project, in order of first appearance."""
        found: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.item.project:
                found.setdefault(entry.item.project, []).append(entry)
        return [(name, es[0].item.project_type or "", es[0].item.unit, es) for name, es in found.items()]

    def three_public(self) -> dict[str, Decimal]:
        """“三公”经费 by item: 一般公共预算 line items booked on the item's economic codes."""
        return {t["key"]: self.sum(lambda e, codes=THREE_PUBLIC_CODES[t["key"]]: e.item.fund == "一般公共预算"
                                   and e.item.econ in codes)
                for t in three_public_items()}

    def three_public_measures(self) -> dict[str, Decimal]:
        """What a “三公” table prints: the total, each item, and the car items' 小计 (car_total)."""
        items = self.three_public()
        return {"total": sum(items.values(), Decimal(0)), **items,
                "car_total": items["car_purchase"] + items["car_operation"]}

    def carried_lines(self, fund: str | None = None) -> set[str]:
        """The 类, 款 and 项 codes a final account carries money on (of one fund, or any)."""
        return {code[:n] for f, code, *_ in self.carries if fund is None or f == fund for n in (3, 5, 7)}

    def running_cost(self) -> Decimal:
        """机关运行经费: 公用经费 of 行政单位 and 参公事业单位 from 一般公共预算 basic spending."""
        return self.sum(lambda e: e.basic and not e.personnel and e.item.fund == "一般公共预算"
                        and self.unit_kinds.get(e.item.unit) in RUNNING_COST_UNITS)

    def procurement(self) -> dict[str, Decimal]:
        """政府采购 by category (货物/工程/服务), rounded so the categories add to the total."""
        purchases = self.data.procurement
        exact = [p.amount / self.unit.factor for p in purchases]
        values = allocate(exact, to_unit(sum((p.amount for p in purchases), Decimal(0)), self.unit))
        result = {c: Decimal(0) for c in ("货物", "工程", "服务")}
        for purchase, value in zip(purchases, values, strict=True):
            result[purchase.category] += value
        return result


def function_lines(entries: Iterable[Entry], more: Iterable[str] = ()) -> list[str]:
    """The 类, 款 and 项 codes the entries use (and `more` codes), in code order: a prefix sorts
    before its extensions, so 类 comes before its 款 before its 项."""
    codes = set(more)
    for entry in entries:
        f = entry.item.function
        codes.update((f[:3], f[:5], f))
    return sorted(codes)
