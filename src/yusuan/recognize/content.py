"""Tables without a title yusuan recognises, classified by what they contain.

A region's template may title a table in words no catalogue pattern knows, or print no title at
all. A run of table rows left over after segmentation is matched against the catalogue's
`[[content]]` rules (tables.toml): the measures its header names and the codes its rows carry
(人员经费 and 公用经费 columns over 301/302 rows is a basic-spending table, whatever it is called).
Such a table is read like any other but marked kind_inferred, so it is doubtful: its numbers are
shown, never used to accuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..catalogue import data, header_token, kind_by_key
from ..model.layout import Line
from ..model.text import compact
from .segment import TableBlock

MIN_ROWS = 3


@dataclass(frozen=True)
class _Rule:
    kind: str
    columns: frozenset[str]
    codes: re.Pattern[str] | None


@cache
def _rules() -> tuple[_Rule, ...]:
    return tuple(_Rule(r["kind"], frozenset(r["columns"]), re.compile(r["codes"]) if r.get("codes") else None)
            for r in data("tables.toml").get("content", []))


def untitled_tables(lines: list[Line]) -> tuple[list[TableBlock], list[Line]]:
    """Blocks for the runs of rows that the rules classify; the other lines, as they were."""
    blocks: list[TableBlock] = []
    rest: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].cells is not None:
            j += 1
        run = lines[i:j]
        rule = _classify(run) if len(run) >= MIN_ROWS else None
        if rule is not None:
            blocks.append(TableBlock(kind=kind_by_key(rule.kind), title="", title_line=run[0], rows=run))
        else:
            rest.extend(run)
        if j < len(lines):
            rest.append(lines[j])
        i = j + 1
    return blocks, rest


def _classify(run: list[Line]) -> _Rule | None:
    header = [compact(c) for line in run[:4] for c in line.cells or []]
    keys = {token.key for text in header if text and (token := header_token(text)) is not None}
    codes = [compact(c) for line in run for c in (line.cells or [])[:3]]
    for rule in _rules():
        if rule.columns <= keys and (rule.codes is None or any(rule.codes.match(c) for c in codes)):
            return rule
    return None
