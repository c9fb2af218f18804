"""The rounding policy: printed amounts are rounded, so identities hold only up to half a unit
of the last printed digit per term.

Documents say so themselves ("报表金额单位转换时可能存在四舍五入尾数误差"). The tolerance of a
comparison is the sum of the half-units of every number in it, each in the unit it was printed
in and converted to the unit of comparison; a difference inside it is not an error.
"""

from __future__ import annotations

from decimal import Decimal

from ..money import Unit, convert

HALF = Decimal("0.5")


def half_unit(value: Decimal, unit: Unit | None = None, target: Unit | None = None) -> Decimal:
    """Half a unit of the last printed digit of value, expressed in target."""
    exponent = value.as_tuple().exponent
    step = Decimal(1).scaleb(min(int(exponent), 0)) if isinstance(exponent, int) else Decimal(1)
    half = HALF * step
    if unit is not None and target is not None:
        half = convert(half, unit, target)
    return half


def tolerance(terms: list[tuple[Decimal, Unit | None]], target: Unit | None = None) -> Decimal:
    return sum((half_unit(v, u, target) for v, u in terms), Decimal(0))


def within(difference: Decimal, allowed: Decimal) -> bool:
    return abs(difference) <= allowed
