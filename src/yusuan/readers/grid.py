"""Spanning cells → a rectangular grid, the convention every reader hands over.

A merged cell's text stands in its top-left grid position; the positions it covers are empty
strings (as pdfplumber reports merged cells), so the recogniser names columns from headings
that span several columns the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.limits import ReadError

MAX_COLSPAN = 64  # Word allows 63 columns; no disclosure table is wider
MAX_GRID_CELLS = 2_000_000  # positions a table's spans may cover, all together


@dataclass
class Span:
    text: str
    colspan: int = 1
    rowspan: int = 1


def to_grid(rows: list[list[Span]]) -> list[list[str]]:
    """Lay out rows of spanning cells (HTML/Word semantics) on a grid."""
    return lay_out(rows)[0]


def lay_out(rows: list[list[Span]]) -> tuple[list[list[str]], list[list[int]]]:
    """The grid, and per row the positions a merged cell covers (its text stands elsewhere)."""
    grid: list[list[str]] = []
    covered: list[list[int]] = []
    taken: dict[tuple[int, int], bool] = {}
    for r, spans in enumerate(rows):
        line: list[str] = []
        hidden: list[int] = []
        c = 0
        for span in spans:
            while taken.get((r, c)):
                hidden.append(len(line))
                line.append("")
                c += 1
            # spans past the table's last row or wider than any table are cut to fit
            colspan = min(max(span.colspan, 1), MAX_COLSPAN)
            rowspan = min(max(span.rowspan, 1), len(rows) - r)
            line.append(span.text)
            for _ in range(colspan - 1):
                hidden.append(len(line))
                line.append("")
            if len(taken) + rowspan * colspan > MAX_GRID_CELLS:
                raise ReadError(f"表格的合并单元格覆盖范围异常（超过 {MAX_GRID_CELLS} 格），疑似恶意文件")
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = True
            c += colspan
        while taken.get((r, c)):
            hidden.append(len(line))
            line.append("")
            c += 1
        grid.append(line)
        covered.append(hidden)
    width = max((len(line) for line in grid), default=0)
    return [line + [""] * (width - len(line)) for line in grid], covered
