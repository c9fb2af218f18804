"""Rounding 元 to the printed unit so that every printed total still adds up.

Each line item is rounded once, and every table cell is a sum of rounded line items, so all
rows, columns and cross-table identities hold exactly in print. Which items absorb the rounding
residue is decided top-down along the function classification (department total → 类 → 款 →
项 → line items) by the largest-remainder method: the department total is its exact amount
rounded half-up; within each group every member is first rounded down and the quanta still
missing from the group's printed total go to the members with the largest dropped fractions
(ties: the larger amount, then input order), so no printed figure is more than one quantum
from its exact value. Figures outside that hierarchy (an
economic class, a fund source) are sums of the same rounded items and may differ from their own
half-up rounding by a few hundredths; the documents say so in a note.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TypeVar

from ..model.money import Unit

T = TypeVar("T")
QUANTUM = Decimal("0.01")


def to_unit(value_yuan: Decimal, unit: Unit) -> Decimal:
    """One amount in `unit`, rounded half-up to two decimals."""
    return (value_yuan / unit.factor).quantize(QUANTUM, rounding=ROUND_HALF_UP)


def allocate(exact: Sequence[Decimal], target: Decimal) -> list[Decimal]:
    """Round each value down to the quantum, then hand the remaining quanta (target − Σfloors)
    to the largest remainders."""
    floors = [v.quantize(QUANTUM, rounding=ROUND_FLOOR) for v in exact]
    left = int(((target - sum(floors, Decimal(0))) / QUANTUM).to_integral_value())
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), -exact[i], i))
    result = list(floors)
    for i in order[:max(left, 0)]:
        result[i] += QUANTUM
    return result


def round_tree(items: Sequence[T], amount: Callable[[T], Decimal], levels: Sequence[Callable[[T], str]],
               unit: Unit) -> list[Decimal]:
    """Rounded amount of every item (in `unit`), residue allocated level by level."""
    exact = [amount(i) / unit.factor for i in items]
    result: list[Decimal] = [Decimal(0)] * len(items)

    def split(indices: list[int], target: Decimal, depth: int) -> None:
        if depth == len(levels):
            for index, value in zip(indices, allocate([exact[i] for i in indices], target), strict=True):
                result[index] = value
            return
        groups: dict[str, list[int]] = {}
        for i in indices:
            groups.setdefault(levels[depth](items[i]), []).append(i)
        members = list(groups.values())
        sums = [sum((exact[i] for i in g), Decimal(0)) for g in members]
        for group, value in zip(members, allocate(sums, target), strict=True):
            split(group, value, depth + 1)

    everything = list(range(len(items)))
    total = sum(exact, Decimal(0)).quantize(QUANTUM, rounding=ROUND_HALF_UP)
    split(everything, total, 0)
    return result
