"""LAYOUT rules: from page facts the PDF reader records (hand-written PDFs with one page shape
each), and on the shared corpus where such pages occur."""

from __future__ import annotations

import pytest

from conftest import CORPUS, parse_cached
from pdf_fixture import write_pdf
from yusuan.api import parse_file
from yusuan.audit import audit

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]


def _line(n: int) -> str:
    return f"Budget statement {WORDS[n]} with enough characters to count as a page of text."


def _page(*lines: int, x: float = 72, top: float = 400) -> list[tuple[float, float, str]]:
    return [(x, top - 14 * i, _line(n)) for i, n in enumerate(lines)]


def found(path, rule: str):
    return [f for f in audit(parse_file(path), select=[rule]).findings if f.rule == rule]


def test_a_blank_page_inside_the_document_but_not_at_its_end(tmp_path):
    inside = write_pdf(tmp_path / "inside.pdf", [_page(1, 2), [], _page(3, 4)])
    assert [f.evidence[0].location.page for f in found(inside, "LAYOUT-001")] == [2]
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


@pytest.mark.parametrize(("name", "rule", "pages"), [
    # p14 prints only the ruled frame of an empty table row (looked at the rendered page)
    ("上海市普陀区财政局2024年度部门决算.pdf", "LAYOUT-001", [14]),
    # p8 carries 705 characters above the page — p7's text again, invisible (rendered page shows
    # only items 9–11)
    ("上海市普陀区财政局2025年部门预算.pdf", "LAYOUT-003", [8]),
])
def test_layout_defects_in_the_shanghai_corpus(name, rule, pages):
    path = CORPUS / "pdf" / name
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    report = audit(parse_cached(path), select=[rule])
    assert [f.evidence[0].location.page for f in report.findings] == pages


@pytest.mark.parametrize(("name", "page"), [
    # the 三公 table prints 47.91 万元 (rendered page 31) under "故本表为空表"
    ("上海市普陀区人民政府万里街道办事处2024年部门预算.pdf", 31),
    # the 国有资本经营 table's note speaks of 政府性基金
    ("上海市普陀区财政局2025年部门预算.pdf", 18),
])
def test_notes_that_contradict_their_tables_in_the_shanghai_corpus(name, page):
    path = CORPUS / "pdf" / name
    if not path.exists():
        pytest.skip(f"corpus not found at {path}")
    report = audit(parse_cached(path), select=["TEXT-009"])
    assert [f.evidence[0].location.page for f in report.findings] == [page]
