"""What the composer hands to the renderers: a model Disclosure, and how to print it.

The Disclosure is what the composed document says — every table row, project, performance
target, key figure and narrative section in the same model the recogniser builds from a file —
so the round-trip tests compare a parsed file with it like with like. Printing needs more than
what a document says: each table's grid of cells with its merges already decided (so DOCX, XLSX,
HTML and PDF print the same thing), which headings are parts, the title and the rounding note.
Those rendering hints travel beside the Disclosure, never inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Disclosure, Location, NarrativeSection, Paragraph, Table, TableKind


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    numeric: bool = False
    bold: bool = False


@dataclass
class Grid:
    """How one table is printed: header and body rows of cells, merges decided."""

    header: list[list[Cell]]
    body: list[list[Cell]] = field(default_factory=list)
    key_value: bool = False  # a performance-target form (label | value pairs), not a list

    @property
    def width(self) -> int:
        rows = self.header or self.body
        return sum(c.colspan for c in rows[0]) if rows else 0


@dataclass
class ContentsLine:
    """One line of the printed 目录: its words, its depth (0 = part, 1 = a table under a part),
    the heading on the page it points to (the renderers find that page to print its number) and,
    for a table, its kind."""

    text: str
    depth: int
    target: str
    kind: TableKind | None = None


@dataclass(frozen=True)
class Block:
    """One piece of the body in print order: narrative section i or table i."""

    table: bool
    index: int


@dataclass
class ComposedDocument:
    """A composed disclosure: the model, plus the hints that say how each part is printed."""

    disclosure: Disclosure
    title: str
    rounding_note: str  # printed under every list table ("" when the tables keep 元)
    cover: list[str] = field(default_factory=list)  # the cover page's lines, the first the largest
    landscape: bool = False  # every page landscape (Shanghai), not only the wide tables'
    grids: list[Grid] = field(default_factory=list)  # grids[i] prints disclosure.tables[i]
    levels: list[int] = field(default_factory=list)  # of disclosure.narrative[i]: 1 = part, 2 = item, 3 = sub-item
    order: list[Block] = field(default_factory=list)
    contents: list[ContentsLine] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)  # 目录 target → its page, once a PDF was printed
    section_grids: dict[int, Grid] = field(default_factory=dict)  # narrative[i]'s own small table (决算单位构成)

    @property
    def stem(self) -> str:
        """The output files' name without suffix (the disclosure's source path)."""
        return self.disclosure.source.path

    @property
    def where(self) -> Location:
        """The location of every composed object: the output file's stem and no line, since
        nothing was read from a file."""
        return Location(self.stem)

    def add_table(self, table: Table, grid: Grid) -> None:
        self.order.append(Block(True, len(self.disclosure.tables)))
        self.disclosure.tables.append(table)
        self.grids.append(grid)

    def add_section(self, heading: str, paragraphs: list[str], level: int) -> None:
        self.order.append(Block(False, len(self.disclosure.narrative)))
        self.disclosure.narrative.append(NarrativeSection(
            heading, self.where, "\n".join(paragraphs), paragraphs=[Paragraph(p, self.where) for p in paragraphs]))
        self.levels.append(level)

    def extend_section(self, paragraphs: list[str]) -> None:
        """More paragraphs for the last narrative section (a part whose text has no headings)."""
        section = self.disclosure.narrative[-1]
        section.paragraphs.extend(Paragraph(p, self.where) for p in paragraphs)
        section.text = "\n".join(p.text for p in section.paragraphs)

    def body(self) -> Iterator[tuple[NarrativeSection, int] | tuple[Table, Grid]]:
        """The narrative sections (with their level) and tables (with their grid) in print order."""
        for block in self.order:
            if block.table:
                yield self.disclosure.tables[block.index], self.grids[block.index]
            else:
                yield self.disclosure.narrative[block.index], self.levels[block.index]

    def grid_of(self, section: NarrativeSection) -> Grid | None:
        """The small table printed inside a narrative section (决算单位构成), if it has one."""
        return next((g for i, g in self.section_grids.items() if self.disclosure.narrative[i] is section), None)

    def printed_tables(self) -> Iterator[tuple[Table, Grid]]:
        return zip(self.disclosure.tables, self.grids, strict=True)

    def sections(self) -> Iterator[tuple[NarrativeSection, int]]:
        return zip(self.disclosure.narrative, self.levels, strict=True)


def file_stem(title: str) -> str:
    """The output files' name (without suffix) for a document title: characters no file system
    takes replaced, cut to 80 characters (a long department name must not make a name the
    file system refuses)."""
    stem = re.sub(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+', "_", title).strip("._")
    return stem[:80] or "disclosure"


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
