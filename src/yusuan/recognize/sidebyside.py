"""Tables printed as two copies side by side (基本支出决算表: 人员经费 left, 公用经费 right).

When the header repeats itself half-way across, each printed row holds two logical rows; the
left halves are read first and the right halves after, each keeping the printed line.
"""

from __future__ import annotations

from dataclasses import replace

from ..model.layout import Line
from ..model.text import compact


def halves(header: list[str]) -> int | None:
    """The column where a repeated header starts again, or None."""
    texts = [compact(c) for c in header]
    width = len(texts)
    if width < 4 or width % 2:
        return None
    half = width // 2
    left, right = texts[:half], texts[half:]
    if left == right and any(left):
        return half
    return None


def unfold(rows: list[Line]) -> list[Line]:
    """Rows of a side-by-side table as one column of rows (left block, then right block)."""
    header = []
    for row in rows:
        if not row.cells or any(_is_number(c) for c in row.cells):
            break
        header.append(row)
    splits = {halves(r.cells or []) for r in header}
    if len(splits) != 1 or None in splits:  # every header row must repeat at the same place
        return rows
    if max(sum(1 for c in r.cells or [] if c.strip()) for r in header) < 4:
        return rows
    split = splits.pop()
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        cells = row.cells or []
        if len(cells) != 2 * split:
            left.append(row)
            continue
        boxes = row.cell_boxes or [None] * len(cells)
        for target, part, part_boxes, offset in ((left, cells[:split], boxes[:split], 0),
                                                 (right, cells[split:], boxes[split:], split)):
            if any(c.strip() for c in part):
                covered = [i - offset for i in row.covered if offset <= i < offset + split]
                target.append(replace(row, cells=list(part), text="\t".join(part), cell_boxes=list(part_boxes),
                                      covered=covered))
    header_count = next((i for i, r in enumerate(right) if r.cells and any(c.strip().isdigit() for c in r.cells)), 0)
    return left + right[header_count:]


def _is_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and not any("\u4e00" <= ch <= "\u9fff" for ch in text)
