"""Ruled tables of a PDF page: pdfplumber's table geometry (edges snapped and joined,
intersections, the smallest cell at each intersection, cells grouped into tables, default
settings), with its two quadratic steps done in linear time and the same results:

- the smallest cell at an intersection looks only at the points in its own column and row
  (pdfplumber scans every later point) and compares edges as precomputed sets;
- a table's cell texts take each character once, found by its vertical middle among the rows
  (pdfplumber tests every character against every row), and a cell printed on one line gets
  its words as pdfplumber's `extract_text` would, without its general machinery.

A test compares both on every page of the shared corpus."""

from __future__ import annotations

import bisect
from typing import Any

from pdfplumber.table import (
    Table,
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
)
from pdfplumber.utils import extract_text
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

Point = tuple[float, float]
Box = tuple[float, float, float, float]


def find_tables(page: Any) -> list[Table]:
    """The page's ruled tables (`page` has `edges`, `chars` and `bbox` as pdfplumber's pages)."""
    settings = TableSettings.resolve(None)
    finder = TableFinder.__new__(TableFinder)
    finder.page, finder.settings = page, settings
    edges = finder.get_edges()
    intersections = edges_to_intersections(edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance)
    return [Table(page, group) for group in cells_to_tables(_cells(intersections))]


def _edge_set(edges: list[dict]) -> frozenset[Box]:
    return frozenset((e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges)


def _cells(intersections: dict[Point, dict[str, list[dict]]]) -> list[Box]:
    """pdfplumber's `intersections_to_cells`: for each intersection (in sorted order), the first
    point below it and the first to its right, joined to it by an edge, whose opposite corner is
    an intersection joined to both."""
    vertical = {p: _edge_set(i["v"]) for p, i in intersections.items()}
    horizontal = {p: _edge_set(i["h"]) for p, i in intersections.items()}
    by_x: dict[float, list[Point]] = {}
    by_y: dict[float, list[Point]] = {}
    for point in sorted(intersections):
        by_x.setdefault(point[0], []).append(point)
        by_y.setdefault(point[1], []).append(point)

    def joined(p: Point, q: Point) -> bool:
        return (p[0] == q[0] and not vertical[p].isdisjoint(vertical[q])) or (
            p[1] == q[1] and not horizontal[p].isdisjoint(horizontal[q]))

    cells = []
    for point in sorted(intersections):
        column, row = by_x[point[0]], by_y[point[1]]
        below = column[column.index(point) + 1:]
        right = row[row.index(point) + 1:]
        found = None
        for under in below:
            if not joined(point, under):
                continue
            for beside in right:
                if not joined(point, beside):
                    continue
                corner = (beside[0], under[1])
                if corner in intersections and joined(corner, beside) and joined(corner, under):
                    found = (point[0], point[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def extract(table: Table, chars: list[dict]) -> list[list[str | None]]:
    """pdfplumber's `Table.extract()` (a cell's characters: those whose middle lies inside it,
    right and bottom edges excluded; their text as pdfplumber's `extract_text` gives it)."""
    middles = sorted(((c["top"] + c["bottom"]) / 2, index) for index, c in enumerate(chars))
    keys = [m for m, _ in middles]
    rows = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        span = middles[bisect.bisect_left(keys, top):bisect.bisect_left(keys, bottom)]
        candidates = [chars[i] for i in sorted(i for _, i in span)]  # in the page's order, as pdfplumber keeps them
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            x0, top, x1, bottom = cell
            inside = [c for c in candidates if x0 <= (c["x0"] + c["x1"]) / 2 < x1
                      and top <= (c["top"] + c["bottom"]) / 2 < bottom]
            texts.append(_text(inside) if inside else "")
        rows.append(texts)
    return rows


def _text(chars: list[dict]) -> str:
    """pdfplumber's `extract_text(chars)`. Most cells hold one line of upright text (every top
    within the line tolerance): its characters left to right, a new word where the gap to the
    previous character exceeds the tolerance, words joined by spaces. Anything else goes to
    pdfplumber itself."""
    tops = [c["top"] for c in chars]
    if max(tops) - min(tops) > DEFAULT_Y_TOLERANCE or not all(c["upright"] for c in chars):
        return extract_text(chars)
    ordered = sorted(chars, key=lambda c: c["x0"])
    words = [[ordered[0]]]
    for before, char in zip(ordered, ordered[1:], strict=False):
        if char["x0"] > before["x1"] + DEFAULT_X_TOLERANCE:
            words.append([char])
        else:
            words[-1].append(char)
    return " ".join("".join(LIGATURES.get(c["text"], c["text"]) for c in word) for word in words)
