"""The PDF reader on PDFium: the same characters and the same ruled tables as pdfminer/pdfplumber
read from every page of the shared Shanghai PDFs (pdfplumber serves here as the independent
reference), and a page shown turned by /Rotate with its content drawn inside a form XObject reads
exactly as the upright original."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from conftest import CORPUS
from yusuan.api import parse_file
from yusuan.readers.pdf_tables import extract
from yusuan.readers.pdfium_page import PdfiumPage

SHANGHAI = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").exists() else []


@pytest.mark.skipif(not SHANGHAI, reason=f"corpus not found at {CORPUS}")
@pytest.mark.parametrize("path", SHANGHAI, ids=lambda p: p.stem)
def test_characters_and_tables_as_pdfplumber_reads_them(path):
    import pdfplumber
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    with pdfplumber.open(path) as reference:
        assert len(reference.pages) == len(document)
        for index, theirs in enumerate(reference.pages):
            ours = PdfiumPage(document[index])
            expected = [c for c in theirs.chars if c["text"].strip()]
            assert Counter(c["text"] for c in ours.chars) == Counter(c["text"] for c in expected), f"page {index + 1}"
            # boxes as pdfminer draws them: same advance, font-size height (a glyph box where the
            # font gives PDFium no ascent: within a few points)
            worst = _worst_box(ours.chars, expected)
            assert worst < 2.5, f"page {index + 1}: a character box is {worst:.2f} pt off"
            their_tables = [t.extract() for t in theirs.find_tables() if len(t.cells) > 1]
            our_tables = [extract(t, ours.chars) for t in ours.find_tables() if len(t.cells) > 1]
            assert our_tables == their_tables, f"page {index + 1}"
            theirs.close()
    document.close()


def _worst_box(ours: list[dict], reference: list[dict]) -> float:
    """The largest distance (x0, x1, bottom) between one of our characters and the nearest
    reference character of the same text."""
    near: dict[tuple[str, int], list[dict]] = {}
    for char in reference:
        near.setdefault((char["text"], round(char["x0"])), []).append(char)
    worst = 0.0
    for char in ours:
        candidates = [c for d in (-1, 0, 1) for c in near.get((char["text"], round(char["x0"]) + d), [])]
        worst = max(worst, min((max(abs(char[k] - c[k]) for k in ("x0", "x1", "bottom")) for c in candidates),
                               default=float("inf")))
    return worst


def _turned(path, folder):
    """The PDF with every page's content drawn a quarter turn to the left inside a form XObject,
    on a page of swapped width and height that /Rotate 90 shows upright again."""
    import pypdfium2 as pdfium

    source, turned = pdfium.PdfDocument(path), pdfium.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        content = source.page_as_xobject(index, turned).as_pageobject()
        content.transform(pdfium.PdfMatrix(0, 1, -1, 0, height, 0))
        page = turned.new_page(height, width)
        page.insert_obj(content)
        page.gen_content()
        page.set_rotation(90)
    buffer = io.BytesIO()
    turned.save(buffer)
    out = folder / f"turned-{path.name}"
    out.write_bytes(buffer.getvalue())
    return out


def test_a_turned_page_in_a_form_xobject_reads_as_the_upright_original(tmp_path):
    path = CORPUS / "pdf" / "上海市普陀区商务委员会2025年部门预算.pdf"
    if not path.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    upright, turned = parse_file(path), parse_file(_turned(path, tmp_path))
    assert [t.title for t in turned.tables] == [t.title for t in upright.tables] and len(upright.tables) == 9
    for a, b in zip(upright.tables, turned.tables, strict=True):
        assert [(r.label, r.values, r.location.page) for r in b.rows] == [(r.label, r.values, r.location.page) for r in a.rows]
        assert [v for r in b.rows for v in r.location.bbox] == pytest.approx([v for r in a.rows for v in r.location.bbox], abs=0.05)
    assert {k: f.value for k, f in turned.figures.items()} == {k: f.value for k, f in upright.figures.items()}
