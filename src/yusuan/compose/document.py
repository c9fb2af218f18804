"""What the composer hands to the renderers: a disclosure as printable parts.

Each table is a grid of cells with its merges already decided (so DOCX, XLSX, HTML and PDF
print the same thing) plus, per body row, the figures it stands for — the round-trip tests
compare a parsed file with these figures, not with text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..money import Unit


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False
    bold: bool = False


@dataclass
class Record:
    """The figures one printed row stands for, keyed like the recogniser's measures."""

    label: str
    values: dict[str, Decimal]
    code: str | None = None
    role: str = "item"  # item / total / heading
    section: str | None = None  # income / expenditure in two-sided tables


@dataclass
class ComposedTable:
    kind: str
    title: str
    unit: Unit
    header: list[list[Cell]]
    body: list[list[Cell]]
    records: list[Record] = field(default_factory=list)
    note: str | None = None
    key_value: bool = False  # a performance-target form (label | value pairs), not a list

    @property
    def width(self) -> int:
        rows = self.header or self.body
        return sum(c.colspan for c in rows[0]) if rows else 0


@dataclass
class Section:
    heading: str
    paragraphs: list[str]
    level: int = 2  # 1 = part (第一部分), 2 = numbered item, 3 = sub-item


@dataclass
class Composition:
    title: str
    department: str
    year: int
    layout: str
    unit: Unit
    sections: list[Section]
    tables: list[ComposedTable]
    rounding_note: str
    date: str | None = None
    figures: dict[str, Decimal] = field(default_factory=dict)  # key figures in 万元, for tests and summaries

    def contents(self) -> list[str]:
        """The 目录: parts, then the tables by title (performance forms once, as a group)."""
        entries = [s.heading for s in self.sections if s.level == 1]
        seen = set()
        for table in self.tables:
            if table.kind == "project_performance":
                if table.kind in seen:
                    continue
                seen.add(table.kind)
            entries.append(table.title)
        return entries


def positions(rows: list[list[Cell]]) -> list[dict[int, tuple[Cell, bool]]]:
    """Per row: grid column → (cell, continued). `continued` marks a position that a cell from a
    row above covers (a vertical merge); covered positions may be implicit (header rows) or
    held by placeholder cells with rowspan 0 (merged indicator columns)."""
    placed: list[dict[int, tuple[Cell, bool]]] = [{} for _ in rows]
    covered: dict[tuple[int, int], int] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if cell.rowspan == 0:
                c += cell.colspan
                continue
            while (r, c) in covered:
                c += covered[(r, c)]
            placed[r][c] = (cell, False)
            for below in range(r + 1, min(r + cell.rowspan, len(rows))):
                placed[below][c] = (cell, True)
                covered[(below, c)] = cell.colspan
            c += cell.colspan
    return placed
