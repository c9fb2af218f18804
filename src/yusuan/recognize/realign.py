"""Put back in place the values of rows whose empty cells collapsed (page breaks in exports).

A row is only moved when the table itself proves where its numbers belong: first its own
identities (合计 = 基本 + 项目 …), then, for rows those leave ambiguous, the column totals of the
table's 合计 row. A row for which more than one placement survives is left as printed and
marked, never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..catalogue import Identity
from ..model import Alignment
from ..model.tolerance import allowance

MAX_SHIFT = 2
MAX_COMBINATIONS = 50_000
Vector = tuple[Decimal | None, ...]


@dataclass
class Outcome:
    vector: Vector
    status: Alignment


def applicable(identities: Sequence[Identity], keys: Sequence[str]) -> list[tuple[int, list[int]]]:
    """Identities whose total and parts are columns (at least two parts for partial ones)."""
    index = {k: i for i, k in enumerate(keys)}
    found = []
    for identity in identities:
        parts = [index[p] for p in identity.parts if p in index]
        complete = len(parts) == len(identity.parts) or (identity.partial and len(parts) >= 2)
        if identity.total in index and complete:
            found.append((index[identity.total], parts))
    return found


def holds(vector: Vector, rules: list[tuple[int, list[int]]]) -> bool:
    for total, parts in rules:
        present = [vector[p] for p in parts if vector[p] is not None]
        if vector[total] is None and not present:
            continue
        value = vector[total] or Decimal(0)
        if abs(value - sum(present, Decimal(0))) > allowance([vector[total], *present]):
            return False
    return True


def placements(vector: Vector, rules: list[tuple[int, list[int]]]) -> list[Vector]:
    """Every order-preserving placement of the printed values (each moved at most MAX_SHIFT
    cells) that satisfies the row identities."""
    width = len(vector)
    printed = [(i, v) for i, v in enumerate(vector) if v is not None]
    results: list[Vector] = []

    def place(k: int, start: int, slots: list[Decimal | None]) -> None:
        if k == len(printed):
            candidate = tuple(slots)
            if holds(candidate, rules):
                results.append(candidate)
            return
        origin, value = printed[k]
        for pos in range(max(start, origin - MAX_SHIFT), min(width, origin + MAX_SHIFT + 1)):
            slots[pos] = value
            place(k + 1, pos + 1, slots)
            slots[pos] = None

    place(0, 0, [None] * width)
    return results


def realign(
    vectors: list[Vector],
    rules: list[tuple[int, list[int]]],
    totals: Vector | None,
    leaves: set[int],
) -> list[Outcome]:
    """Realign the rows (given as value vectors) of one table.

    `totals` is the table's 合计 row and `leaves` the indexes of the rows that add up to it.
    """
    outcomes = [Outcome(v, Alignment.OK) for v in vectors]
    if not rules:
        return outcomes
    open_rows: dict[int, list[Vector]] = {}
    for i, vector in enumerate(vectors):
        if holds(vector, rules):
            continue
        options = placements(vector, rules)
        if len(options) == 1:
            outcomes[i] = Outcome(options[0], Alignment.REALIGNED)
        elif options:
            open_rows[i] = options
        else:
            outcomes[i] = Outcome(vector, Alignment.UNBALANCED)
    if not open_rows:
        return outcomes
    solved = _by_column_totals(outcomes, open_rows, totals, leaves)
    for i in open_rows:
        choice = solved.get(i)
        outcomes[i] = Outcome(choice, Alignment.REALIGNED) if choice else Outcome(vectors[i], Alignment.AMBIGUOUS)
    return outcomes


def _by_column_totals(
    outcomes: list[Outcome], open_rows: dict[int, list[Vector]], totals: Vector | None, leaves: set[int]
) -> dict[int, Vector]:
    """Choose, for rows with several placements, the ones that make every column add up."""
    candidates = {i: opts for i, opts in open_rows.items() if i in leaves}
    if totals is None or not candidates:
        return {}
    count = 1
    for opts in candidates.values():
        count *= len(opts)
    if count > MAX_COMBINATIONS:
        return {}
    width = len(totals)
    fixed = [Decimal(0)] * width
    slack = [Decimal(0)] * width
    for i in leaves:
        if i in candidates:
            continue
        for c, value in enumerate(outcomes[i].vector):
            if value is not None:
                fixed[c] += value
                slack[c] += allowance([value])
    order = list(candidates)
    solutions: list[tuple[Vector, ...]] = []
    for combo in itertools.product(*(candidates[i] for i in order)):
        ok = True
        for c in range(width):
            target = totals[c]
            if target is None:
                continue
            printed = [v[c] for v in combo if v[c] is not None]
            column = fixed[c] + sum(printed, Decimal(0))
            if abs(column - target) > slack[c] + allowance([target, *printed]):
                ok = False
                break
        if ok:
            solutions.append(combo)
    chosen: dict[int, Vector] = {}
    if not solutions:
        return chosen
    for position, i in enumerate(order):
        picks = {s[position] for s in solutions}
        if len(picks) == 1:
            chosen[i] = picks.pop()
    return chosen
