"""What every finding owes its reader, on every corpus document: a place to look, and one report
per defect however often the document repeats it."""

from __future__ import annotations

import pytest

from conftest import CORPUS, parse_cached
from synthetic import document, row, table
from yusuan.audit import audit

DOCUMENTS = sorted([*CORPUS.glob("seeds/*.txt"), *CORPUS.glob("pdf/*.pdf"), *CORPUS.glob("more/*.pdf")])


@pytest.mark.parametrize("path", DOCUMENTS or [pytest.param(None, marks=pytest.mark.skip(
    reason=f"corpus not found at {CORPUS}"))], ids=lambda p: p.name[:24] if p else "none")
def test_every_finding_points_at_a_page_or_line(path):
    report = audit(parse_cached(path))
    unplaced = [(f.rule, f.message) for f in report.findings
                if not any(e.location.page or e.location.line for e in f.evidence)]
    assert unplaced == []


def test_a_statement_printed_twice_is_one_finding_with_both_places():
    lines = ["2024年支出预算合计120.00万元。", "2024年支出预算合计120.00万元。"]
    expenditure = table("expenditure", ["total", "basic", "project"], [
        row("合计", 10, role="total", total="100.00", basic="60.00", project="40.00"),
        row("行政运行", 11, code="2010101", total="100.00", basic="60.00", project="40.00")])
    findings = [f for f in audit(document(expenditure, narrative=lines), select=["NARR-001"]).findings]
    assert len(findings) == 1
    assert sorted(e.location.line for e in findings[0].evidence if e.table == "narrative") == [100, 101]
    assert "2 处出现" in findings[0].message
