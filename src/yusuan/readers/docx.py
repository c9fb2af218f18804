"""Word (.docx) reader on python-docx: body paragraphs and tables in document order.

Merged cells are resolved from the XML itself (gridSpan across, vMerge down, gridBefore for rows
that start late), so each table becomes a rectangular grid. Headings keep their level from the
paragraph style (Heading N / 标题 N). Word has no fixed pages, so locations are line numbers in
reading order plus the table's row number.
"""

from __future__ import annotations

import re

from ..model.layout import Layout, Line
from ..model.limits import Limits, open_zipped
from ..model.text import join_wrapped
from .grid import MAX_COLSPAN, Span, lay_out
from .text import clean_cell, clean_text

_HEADING_STYLE = re.compile(r"(Heading|标题)\s*(\d)", re.I)


def read_docx(data: bytes, layout: Layout, limits: Limits) -> None:
    import docx
    from docx.oxml.ns import qn

    document = open_zipped(layout.path, data, limits, "Word ", docx.Document)
    counter = 0
    for element in document.element.body.iterchildren():
        limits.check_time(layout.path)
        if element.tag == qn("w:p"):
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            cleaned, level = clean_text(text)
            if not cleaned:
                continue
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            match = _HEADING_STYLE.search(style.get(qn("w:val"), "")) if style is not None else None
            counter += 1
            layout.lines.append(Line(counter, cleaned, heading_level=int(match.group(2)) if match else level,
                                     end_line=counter))
        elif element.tag == qn("w:tbl"):
            grid, covered = _table_grid(element, qn)
            for row_number, (cells, hidden) in enumerate(zip(grid, covered, strict=True), start=1):
                if not any(cells):
                    continue
                counter += 1
                cleaned = [clean_cell(c) for c in cells]
                layout.lines.append(Line(counter, "\t".join(cleaned), cells=cleaned, end_line=counter, exact=True,
                                         covered=hidden, row=row_number))


def _table_grid(table, qn) -> tuple[list[list[str]], list[list[int]]]:
    rows: list[list[Span]] = []
    continued: dict[tuple[int, int], Span] = {}  # (row, grid column) → the span a vMerge continues
    for r, tr in enumerate(table.iterchildren(qn("w:tr"))):
        spans: list[Span] = []
        column = 0
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        if before is not None:
            skip = min(_count(before.get(qn("w:val")), 0), MAX_COLSPAN)
            spans.extend(Span("") for _ in range(skip))
            column += skip
        for tc in tr.iterchildren(qn("w:tc")):
            props = tc.find(qn("w:tcPr"))
            colspan = 1
            merge = None
            if props is not None:
                span_el = props.find(qn("w:gridSpan"))
                colspan = _count(span_el.get(qn("w:val")), 1) if span_el is not None else 1
                merge_el = props.find(qn("w:vMerge"))
                merge = (merge_el.get(qn("w:val")) or "continue") if merge_el is not None else None
            if merge == "continue" and (r - 1, column) in continued:
                owner = continued[(r - 1, column)]
                owner.rowspan += 1
                continued[(r, column)] = owner
                column += colspan
                continue
            text = join_wrapped(["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))])
            span = Span(text, colspan)
            spans.append(span)
            if merge == "restart":
                continued[(r, column)] = span
            column += colspan
        rows.append(spans)
    return lay_out(rows)


def _count(value: str | None, default: int) -> int:
    """A span count as Word writes it; anything else (missing, "abc", -3) is the default."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if number >= 1 else default
