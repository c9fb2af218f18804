"""Put a ruled PDF table's data cells under the header cell they stand beneath.

A PDF table's grid is the union of every row's rules, so a row whose vertical rules differ from
the header's (a code cell drawn from the frame's edge, an amount cell spanning a sliver column)
puts its text at another grid index than the heading it belongs to. Where the reader kept each
cell's box, a cell that overlaps the heading at its own index stays; any other goes under the
printed header cell it overlaps most. A row whose cells cannot all be placed (two cells under
one heading) is left as printed.
"""

from __future__ import annotations

from dataclasses import replace

from ..model.layout import Line

Box = tuple[float, float, float, float]


def snap_to_header(header_rows: list[Line], data_rows: list[Line]) -> list[Line]:
    anchors = _anchors(header_rows)
    if len(anchors) < 2:
        return data_rows
    return [_snapped(line, anchors) or line for line in data_rows]


def _anchors(header_rows: list[Line]) -> dict[int, tuple[float, float]]:
    """Column index → the x-extent of the lowest printed header cell in that column."""
    anchors: dict[int, tuple[float, float]] = {}
    for line in header_rows:
        if not line.cells or not line.cell_boxes:
            return {}
        for index, (text, box) in enumerate(zip(line.cells, line.cell_boxes, strict=False)):
            if text.strip() and box is not None:
                anchors[index] = (box[0], box[2])
    # a heading over several columns ("基本支出" over 人员经费 | 公用经费) is not a column itself
    return {j: extent for j, extent in anchors.items()
            if not any(k != j and extent[0] <= (other[0] + other[1]) / 2 <= extent[1] and
                       other[1] - other[0] < extent[1] - extent[0] for k, other in anchors.items())}


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0]))


def _snapped(line: Line, anchors: dict[int, tuple[float, float]]) -> Line | None:
    if not line.cells or not line.cell_boxes:
        return None
    width = max(len(line.cells), max(anchors) + 1)
    cells = [""] * width
    boxes: list[Box | None] = [None] * width
    moved = False
    for index, (text, box) in enumerate(zip(line.cells, line.cell_boxes, strict=False)):
        if not text.strip():
            continue
        if box is None:
            return None
        extent = (box[0], box[2])
        own = anchors.get(index)
        if own is not None and _overlap(extent, own) > 0:
            target = index  # under its own heading already (a code cell merged over 类|款|项 stays at 类)
        else:
            best = max(anchors, key=lambda j: _overlap(extent, anchors[j]))
            target = best if _overlap(extent, anchors[best]) > 0 else index
        if cells[target]:
            return None  # two cells under one heading: not ours to decide
        cells[target], boxes[target] = text, box
        moved = moved or target != index
    if not moved:
        return None
    # which of the moved row's empty positions the source left blank is no longer known
    covered = [j for j, text in enumerate(cells) if not text]
    return replace(line, cells=cells, text="\t".join(cells), cell_boxes=boxes, covered=covered)
