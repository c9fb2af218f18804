"""The one rounding policy: printed amounts are rounded, so identities hold only up to half a
unit of the last printed digit per term.

Documents say so themselves ("报表金额单位转换时可能存在四舍五入尾数误差"). The tolerance of a
comparison is the sum of the half-units of every number in it, each in the unit it was printed
in and converted to the unit of comparison; a difference inside it is not an error. The
recogniser (realigning rows) and the audit (comparing quantities) both decide with this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .money import Unit, convert

HALF = Decimal("0.5")


def half_unit(value: Decimal, unit: Unit | None = None, target: Unit | None = None) -> Decimal:
    """Half a unit of the last printed digit of value, expressed in target."""
    exponent = value.as_tuple().exponent
    step = Decimal(1).scaleb(min(int(exponent), 0)) if isinstance(exponent, int) else Decimal(1)
    half = HALF * step
    if unit is not None and target is not None:
        half = convert(half, unit, target)
    return half


def allowance(values: Iterable[Decimal | None], unit: Unit | None = None, target: Unit | None = None) -> Decimal:
    """The tolerance of a comparison between these printed values (all in one unit)."""
    return sum((half_unit(v, unit, target) for v in values if v is not None), Decimal(0))


def agrees(total: Decimal, parts: Iterable[Decimal | None]) -> bool:
    """total = Σ parts within the policy (every number printed in the same unit)."""
    parts = [p for p in parts if p is not None]
    return abs(total - sum(parts, Decimal(0))) <= allowance([total, *parts])
