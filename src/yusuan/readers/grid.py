"""Spanning cells → a rectangular grid, the convention every reader hands over.

A merged cell's text stands in its top-left grid position; the positions it covers are empty
strings (as pdfplumber reports merged cells), so the recogniser names columns from headings
that span several columns the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass


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
            line.append(span.text)
            for _ in range(max(span.colspan, 1) - 1):
                hidden.append(len(line))
                line.append("")
            for dr in range(max(span.rowspan, 1)):
                for dc in range(max(span.colspan, 1)):
                    taken[(r + dr, c + dc)] = True
            c += max(span.colspan, 1)
        while taken.get((r, c)):
            hidden.append(len(line))
            line.append("")
            c += 1
        grid.append(line)
        covered.append(hidden)
    width = max((len(line) for line in grid), default=0)
    return [line + [""] * (width - len(line)) for line in grid], covered
