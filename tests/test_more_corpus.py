"""The generalisation set: real disclosures from other provinces and templates
(../shared/corpus/more), checked against values hand-transcribed from the documents
(tests/expected_more_*.py — read off the pages, never from yusuan's output)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from conftest import CORPUS, parse_cached
from expected_more_cppcc_swu import EXPECTED as CPPCC_SWU
from expected_more_highcourt import EXPECTED as HIGHCOURT
from yusuan.api import parse_as_one
from yusuan.audit import audit
from yusuan.model import Disclosure, RowRole, Severity, Table
from yusuan.model.text import compact, strip_enumerator

MORE = CORPUS / "more"
EXPECTED = {**HIGHCOURT, **CPPCC_SWU}


def _documents():
    if not MORE.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=f"corpus not found at {MORE}"))]
    return [pytest.param(name, spec, id=name[:28]) for name, spec in sorted(EXPECTED.items())]


def _parsed(name: str) -> Disclosure:
    return parse_cached(MORE / name)


def _title(table: Table) -> str:
    """The title without its table number ("一、", "表1：")."""
    return re.sub(r"^表[一二三四五六七八九十\d]+[：:、.]?", "", compact(strip_enumerator(compact(table.title))))


@pytest.mark.parametrize(("name", "spec"), _documents())
def test_meta(name, spec):
    meta = _parsed(name).meta
    assert (meta.department, meta.year, meta.kind) == (
        spec["meta"]["department"], spec["meta"]["year"], spec["meta"]["kind"])


@pytest.mark.parametrize(("name", "spec"), _documents())
def test_table_inventory(name, spec):
    d = _parsed(name)
    found = [(t.location.page, t.kind, _title(t)) for t in d.tables]
    for page, kind, title, unit in spec["tables"]:
        match = [t for t in d.tables if t.location.page == page and t.kind == kind and title in _title(t)]
        assert match, f"p{page} {kind} {title} not among {found}"
        if unit is not None:
            assert match[0].unit == unit


@pytest.mark.parametrize(("name", "spec"), _documents())
def test_key_figures(name, spec):
    figures = _parsed(name).figures
    got = {key: figures[key].value if key in figures else None for key in spec["figures"]}
    assert got == spec["figures"]
    if "total_income" in spec["figures"] and "total_expenditure" in spec["figures"]:
        assert figures["total_income"].value == figures["total_expenditure"].value


@pytest.mark.parametrize(("name", "spec"), _documents())
def test_function_lines(name, spec):
    lines = spec["function_lines"]
    if lines is None:
        return
    d = _parsed(name)
    table = next(t for t in d.tables if t.kind in ("expenditure", "fiscal_expenditure", "gpb_expenditure")
                 and sum(1 for r in t.rows if r.code) == lines["count"])
    coded = [r for r in table.rows if r.code and r.role == RowRole.ITEM]
    assert len(coded) == lines["count"]
    read = [(r.code, r.label, r.values.get("total"), r.values.get("basic"), r.values.get("project"))
            for r in coded[:3] + coded[-3:]]
    for got, want in zip(read, lines["first"] + lines["last"], strict=True):
        assert got[:3] == want[:3]
        assert [g for g, w in zip(got[3:], want[3:], strict=True) if w is not None] == [w for w in want[3:] if w is not None]


@pytest.mark.parametrize(("name", "spec"), _documents())
def test_no_error_that_is_not_a_defect(name, spec):
    """None of these documents has a defect of a kind an error rule checks — the defects the
    transcribers found are rounding-sized slips reported as warnings (below) and 0.01 roundings.
    So: no error at all."""
    report = audit(_parsed(name))
    assert [(f.rule, f.message) for f in report.findings if f.severity == Severity.ERROR] == []


# Defects the transcribers found reading the pages by hand: (file, rule, page, the wrong number
# as printed). Each is a warning: certain arithmetic, but a rounding-sized slip or a list that
# might not be complete.
TRANSCRIBED_DEFECTS = [
    # p9 lists 本年收入 390,140.45 + 结余 18,953.73 + 结转 81,714.17 = 490,808.35 for a total of
    # 490,808.40; p10 prints the 结余 as 18,953.78
    ("cq-swu-2021-dept-budget.pdf", "NARR-010", 9, Decimal("490808.35")),
    # 提租补贴 1,959.99 万元, up 865.57 from 1,094.42: 79.09 %, printed 79.05 %
    ("js-highcourt-2017-dept-budget.pdf", "NARR-004", 22, Decimal("79.05")),
    # 6,049.97 万元, down 392.92 from 6,442.89: 6.10 %, printed 5.95 % (382.92 would give it)
    ("js-highcourt-2018-dept-budget.pdf", "NARR-004", 19, Decimal("-5.95")),
]


@pytest.mark.parametrize(("name", "rule", "page", "printed"), TRANSCRIBED_DEFECTS, ids=[d[0][:24] for d in TRANSCRIBED_DEFECTS])
def test_the_defects_the_transcribers_found_are_reported(name, rule, page, printed):
    if not MORE.exists():
        pytest.skip(f"corpus not found at {MORE}")
    report = audit(_parsed(name), select=[rule])
    assert [(f.severity, f.evidence[0].location.page, f.actual) for f in report.findings] == [
        (Severity.WARNING, page, printed)]


def test_a_disclosure_published_as_two_files_is_audited_as_one():
    parts = [MORE / "js-cppccoffice-2017-dept-budget-text.pdf", MORE / "js-cppccoffice-2017-dept-budget-tables.pdf"]
    if not all(p.exists() for p in parts):
        pytest.skip(f"corpus not found at {MORE}")
    d = parse_as_one(parts)
    assert (d.meta.department, d.meta.year, len(d.parts)) == ("江苏省政协办公厅", 2017, 2)
    report = audit(d)
    assert [f for f in report.findings if f.severity == Severity.ERROR] == []
    assert "COMP-001" in report.rules_run  # the 目录 of one file is checked against the other's tables
    # the narrative's 一般公共预算 share is checked against the other file's 收入总计 (9,066.79 / 9,146.79)
    assert "NARR-003" in report.rules_run and not [f for f in report.findings if f.rule == "NARR-003"]
    alone = audit(_parsed("js-cppccoffice-2017-dept-budget-text.pdf"))
    assert [(f.rule, f.severity) for f in alone.findings if f.rule.startswith("COMP-00") and f.rule != "COMP-003"] == [
        ("COMP-002", "notice")]  # one notice instead of one error per table listed in the 目录


def test_cli_as_one(tmp_path):
    from typer.testing import CliRunner

    from yusuan.cli import app

    parts = [MORE / "js-cppccoffice-2017-dept-budget-text.pdf", MORE / "js-cppccoffice-2017-dept-budget-tables.pdf"]
    if not all(p.exists() for p in parts):
        pytest.skip(f"corpus not found at {MORE}")
    result = CliRunner().invoke(app, ["audit", *map(str, parts), "--as-one", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # one report for the two files
    assert data["summary"]["errors"] == 0 and " + " in data["document"]["source"]["path"]
