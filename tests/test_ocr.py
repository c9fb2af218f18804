"""Scanned pages read by OCR: a shared PDF whose table pages the test itself turns into 150 dpi
images (no text layer left) gives the key figures of the original, raises no error the original
does not have, and says which pages were read by OCR; every number read so carries the OCR's
confidence; without the extra, a scan gets one message naming it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import CORPUS
from pdf_fixture import scanned
from yusuan.api import parse_file
from yusuan.audit import audit

ORIGINAL = CORPUS / "more" / "cq-swu-2021-dept-budget.pdf"
TABLE_PAGES = (6, 7, 8, 9)  # 收支总表, 收入总表, 支出总表, 财政拨款支出表


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    if not ORIGINAL.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed (pip install yusuan[ocr])")
    return scanned(ORIGINAL, tmp_path_factory.mktemp("ocr") / "scanned.pdf", TABLE_PAGES)


@pytest.fixture(scope="module")
def read(mixed):
    return parse_file(mixed)


def test_scanned_table_pages_give_the_key_figures_of_the_original(read):
    original = parse_file(ORIGINAL)
    assert [p.number for p in read.pages if p.scanned] == list(TABLE_PAGES)
    expected = {k: f.value for k, f in original.figures.items()}
    # read by hand from the original (p7 收支总表: 收入总计 490,808.40; p8 支出总表: 基本 326,582.94, 项目 89,225.46)
    assert (expected["total_income"], expected["basic_expenditure"], expected["project_expenditure"]) == (
        Decimal("490808.40"), Decimal("326582.94"), Decimal("89225.46"))
    found = {k: f.value for k, f in read.figures.items()}
    same = [k for k in expected if found.get(k) == expected[k]]
    assert len(same) >= 0.9 * len(expected), {k: (expected[k], found.get(k)) for k in expected if k not in same}
    assert not [k for k in found if k not in expected]
    assert all(read.figures[k].location.confidence is not None for k in same if read.figures[k].location.page in TABLE_PAGES)
    assert any("已用文字识别（OCR）读取" in w for w in read.warnings)


def test_no_error_that_the_original_does_not_have(read):
    original = {(f.rule, f.message) for f in audit(parse_file(ORIGINAL)).findings if f.severity == "error"}
    assert [f.message for f in audit(read).findings if f.severity == "error" and (f.rule, f.message) not in original] == []


def test_without_the_extra_a_scan_names_it(mixed, monkeypatch):
    from yusuan.readers import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    read = parse_file(mixed)
    assert any("未能读取文字" in w and "yusuan[ocr]" in w for w in read.warnings)
    assert not read.table("expenditure")
