"""Shared by the compose tests: what a table row says, and a composed PDF read back with PDFium."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium

from yusuan.model import Disclosure, Row, RowRole
from yusuan.model.text import compact
from yusuan.readers.pdf_facts import pdf_facts


def printed_row(row: Row) -> tuple:
    """What a table row says, compared between a composed and a parsed table: its codes, label,
    side and role (a grouping line that compose marks as a heading reads back as an item line),
    and its amounts (a blank cell and 0 alike)."""
    role = RowRole.ITEM if row.role == RowRole.HEADING else row.role
    return (row.code, row.unit_code, row.label, row.section, role,
            {k: v for k, v in row.values.items() if v != Decimal(0)})


def assert_says_the_same(read: Disclosure, composed: Disclosure) -> None:
    """`read` (a composed file parsed back, or a published original) has the tables `composed`
    holds, row for row and with the same empty-by-design flags, and states every figure `composed`
    states, with its value. A performance form's content is its target, not rows; a note printed
    right under a table, which the XLSX reader takes for one more row, is left out."""
    assert [(t.kind, t.title, t.unit) for t in read.tables] == [(t.kind, t.title, t.unit) for t in composed.tables]
    for mine, theirs in zip(composed.tables, read.tables, strict=True):
        if mine.columns:
            rows = [r for r in theirs.rows if r.label not in mine.notes]
            assert [printed_row(r) for r in rows] == [printed_row(r) for r in mine.rows], mine.title
            assert theirs.empty_by_design == mine.empty_by_design, mine.title
    assert {k: f.value for k, f in read.figures.items() if k in composed.figures} == \
        {k: f.value for k, f in composed.figures.items()}


def _pdf_pages(path: Path) -> list[list[str]]:
    """Each page's text lines; the first pages are also saved as PNG screenshots beside the PDF
    (cover, 目录, first page of the body), for a person to look at."""
    document = pdfium.PdfDocument(path)
    try:
        for i in range(min(3, len(document))):
            document[i].render(scale=1).to_pil().save(path.with_name(f"{path.stem}-p{i + 1}.png"))
        return [[line.strip() for line in document[i].get_textpage().get_text_range().splitlines()]
                for i in range(len(document))]
    finally:
        document.close()


def check_pdf(doc, pdf: Path) -> None:
    """The composed PDF read back: "— N —" on every page but the cover, every 目录 line's printed
    page is where its heading is (in the 目录's order), every font embedded and none Type 3."""
    pages = _pdf_pages(pdf)
    # "— N —" at the foot of every page but the cover
    numbers = [[line for line in lines if re.fullmatch(r"— \d+ —", line)] for lines in pages]
    assert numbers[0] == [] and all(numbers[i] == [f"— {i + 1} —"] for i in range(1, len(pages)))
    # every 目录 line prints the page its heading is on, and the headings come in the 目录's order
    contents = next(i for i, lines in enumerate(pages) if "目录" in [compact(x) for x in lines])
    printed: list[tuple[str, int]] = []
    listing = pages[contents] + pages[contents + 1]
    start = 0
    for line in doc.contents:  # a long line wraps: its number ends the first line ending in one
        start = next(i for i in range(start, len(listing)) if compact(listing[i]).startswith(compact(line.text)[:12]))
        row = next(x for x in listing[start:] if re.search(r"[·.…]\s*\d+$", x))
        printed.append((line.target, int(re.search(r"(\d+)$", row).group(1))))
    last = 0
    for target, number in printed:
        lines = [compact(x) for x in pages[number - 1]]
        joined = ["".join(pair) for pair in zip(lines, lines[1:], strict=False)]
        assert compact(target) in lines + joined, (target, number)
        assert number >= last
        last = number
    facts = pdf_facts(pdf.read_bytes())
    assert facts.fonts and all(facts.fonts.values()) and not facts.type3
