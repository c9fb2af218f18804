"""LAYOUT rules: from page facts the PDF reader records (hand-written PDFs with one page shape
each), and on the shared corpus where such pages occur."""

from __future__ import annotations

from pdf_fixture import write_pdf
from yusuan.api import parse_file
from yusuan.audit import audit
from yusuan.model import Severity

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]


def _line(n: int) -> str:
    return f"Budget statement {WORDS[n]} with enough characters to count as a page of text."


def _page(*lines: int, x: float = 72, top: float = 400) -> list[tuple[float, float, str]]:
    return [(x, top - 14 * i, _line(n)) for i, n in enumerate(lines)]


def found(path, rule: str):
    return [f for f in audit(parse_file(path), select=[rule]).findings if f.rule == rule]


def test_a_blank_page_inside_the_document_but_not_at_its_end(tmp_path):
    inside = write_pdf(tmp_path / "inside.pdf", [_page(1, 2), [], _page(3, 4)])
    # with no frame either, it may be a deliberate blank page: a notice
    assert [(f.severity, f.evidence[0].location.page) for f in found(inside, "LAYOUT-001")] == [(Severity.NOTICE, 2)]
    trailing = write_pdf(tmp_path / "trailing.pdf", [_page(1, 2), _page(3, 4), []])
    assert found(trailing, "LAYOUT-001") == []


def test_a_page_printed_twice(tmp_path):
    twice = write_pdf(tmp_path / "twice.pdf", [_page(1, 2), _page(1, 2), _page(3, 4)])
    assert [[e.location.page for e in f.evidence] for f in found(twice, "LAYOUT-002")] == [[1, 2]]
    once = write_pdf(tmp_path / "once.pdf", [_page(1, 2), _page(3, 4)])
    assert found(once, "LAYOUT-002") == []


def test_text_outside_the_visible_page(tmp_path):
    clipped = write_pdf(tmp_path / "clipped.pdf", [_page(1, 2) + _page(9, top=900)])
    planted = found(clipped, "LAYOUT-003")
    assert len(planted) == 1 and planted[0].evidence[0].location.page == 1 and "Budgetstatementjulie" in planted[0].message
    assert found(write_pdf(tmp_path / "inside.pdf", [_page(1, 2)]), "LAYOUT-003") == []


def test_text_exports_have_no_pages_to_check(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("2024年部门预算\n一、部门收支总表\n", encoding="utf-8")
    report = audit(parse_file(text), select=["LAYOUT"])
    assert report.findings == [] and {n.rule for n in report.not_checked} == {
        "LAYOUT-001", "LAYOUT-002", "LAYOUT-003", "LAYOUT-004"}


def test_characters_without_text_are_reported_but_symbol_font_bullets_are_not():
    from synthetic import document
    from yusuan.model import PageFacts
    from yusuan.readers.pdf import _unmapped

    d = document(narrative=["说明。"])
    d.pages = [PageFacts("synthetic.pdf", 1, characters=400), PageFacts("synthetic.pdf", 2, characters=380, unmapped=12,
                                                                       unmapped_sample="U+E01A U+E02B")]
    planted = [f for f in audit(d, select=["LAYOUT-004"]).findings]
    assert [(f.evidence[0].location.page, "U+E01A" in f.message) for f in planted] == [(2, True)]
    assert _unmapped({"text": "\ue01a", "fontname": "ABCDEF+SimSun"})
    assert _unmapped({"text": "(cid:17)", "fontname": "ABCDEF+SimSun"})
    assert not _unmapped({"text": "\uf0b7", "fontname": "Symbol"})  # Word's bullet
    assert not _unmapped({"text": "(cid:108)", "fontname": "Wingdings-Regular"})
    assert not _unmapped({"text": "预", "fontname": "ABCDEF+SimSun"})
