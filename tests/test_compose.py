"""Compose: the bundled example becomes a disclosure in four formats that our own readers parse
back to the very Disclosure compose built, and that our own audit passes without a single error
or warning."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.api import audit_file, parse_file
from yusuan.audit import audit
from yusuan.compose import ComposedDocument, compose, load
from yusuan.compose.output import write
from yusuan.model import Disclosure, Row, Table
from yusuan.model.serialize import dumps, loads

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
FORMATS = ["docx", "xlsx", "pdf", "html"]


@pytest.fixture(scope="module", params=["national", "shanghai"])
def composed(request, tmp_path_factory) -> tuple[ComposedDocument, dict[str, Path]]:
    doc = compose(load(EXAMPLE), request.param)
    out = tmp_path_factory.mktemp(request.param)
    paths = write(doc, out, FORMATS)
    return doc, {p.suffix[1:]: p for p in paths}


def _family(doc: ComposedDocument) -> str:
    """The layout the fixture composed with, told by its first table's title (each family words
    it its own way)."""
    return {"2025年部门收支预算总表": "national", "2025年部门财务收支预算总表": "shanghai"}[doc.disclosure.tables[0].title]


def test_every_format_is_written(composed):
    doc, paths = composed
    assert sorted(paths) == sorted(FORMATS)
    assert all(p.stat().st_size > 1000 for p in paths.values())
    assert all(p.stem == doc.stem for p in paths.values())
    assert not [p for p in paths["pdf"].parent.iterdir() if p.name.startswith(".")]  # staging removed


def test_the_composed_disclosure_is_a_complete_model(composed):
    doc, _ = composed
    d = doc.disclosure
    assert loads(dumps(d)) == d  # a real Disclosure: saved and loaded without loss
    assert len(doc.grids) == len(d.tables) and len(doc.levels) == len(d.narrative)
    assert (d.source.format, d.meta.kind, d.meta.year) == ("composed", "budget", 2025)
    if _family(doc) == "national":  # Shanghai publishes its 项目绩效目标表 apart
        assert len(d.projects) == len(d.performance) == 8
        assert [t.project for t in d.performance] == list(range(8))  # each form tied to its project
    else:
        assert d.projects == d.performance == []
    expenditure = d.table("expenditure")
    first_class = expenditure.top_rows()[0]
    assert first_class.code == "208" and [r.code for r in expenditure.children(first_class)] == \
        ["20801", "20805", "20807"]  # 类 → 款 → 项
    assert d.table("soe_capital").empty_by_design


@pytest.mark.parametrize("fmt", FORMATS)
def test_audit_finds_nothing(composed, fmt):
    doc, paths = composed
    report = audit_file(paths[fmt])
    problems = [f"{f.rule} {f.message}" for f in report.findings if f.severity in ("error", "warning")]
    assert problems == []
    # the composed file, parsed, saved and loaded, audits exactly alike (notices included)
    reloaded = audit(loads(dumps(report.disclosure)))
    assert reloaded.findings == report.findings and reloaded.not_checked == report.not_checked
    ran = {r for r in report.rules_run}
    assert {"ARITH-001", "ARITH-002", "ARITH-003", "XTAB-001", "NARR-001", "NARR-004", "COMP-002", "COMP-003"} <= ran
    if _family(doc) == "national":  # the forms the performance rules read (Shanghai publishes them apart)
        assert {"NARR-003", "PERF-001"} <= ran


def _printed(row: Row, keys) -> tuple:
    """What a row says: its codes, label, side and every value (a blank cell is 0)."""
    return (row.code, row.unit_code, row.label, row.section, {k: row.values.get(k, Decimal(0)) for k in keys})


def _same_rows(mine: Table, theirs: Table) -> None:
    # the XLSX reader takes a note printed right under a table for one more row
    rows = [r for r in theirs.rows if r.label not in mine.notes]
    assert len(rows) == len(mine.rows), mine.title
    for composed_row, parsed_row in zip(mine.rows, rows, strict=True):
        keys = composed_row.values.keys() | parsed_row.values.keys()
        assert _printed(parsed_row, keys) == _printed(composed_row, keys), mine.title


def _same_disclosure(parsed: Disclosure, doc: ComposedDocument) -> None:
    composed = doc.disclosure
    assert (parsed.meta.department, parsed.meta.year, parsed.meta.unit) == \
        (composed.meta.department, composed.meta.year, composed.meta.unit)
    assert [(t.kind, t.title, t.unit) for t in parsed.tables] == [(t.kind, t.title, t.unit) for t in composed.tables]
    for (table, grid), read in zip(doc.printed_tables(), parsed.tables, strict=True):
        if not grid.key_value:  # what a performance form says is its target, compared below
            _same_rows(table, read)
    assert [(t.title, t.kind) for t in parsed.toc if t.kind] == [(t.title, t.kind) for t in composed.toc if t.kind]
    # key figures in 万元 on both sides (the Shanghai tables print 元; the figure converts exactly)
    assert {k: (f.value, f.unit) for k, f in parsed.figures.items() if k in composed.figures} == \
        {k: (f.value, f.unit) for k, f in composed.figures.items()}
    assert [(p.name, p.amount, p.unit_code, p.project_type) for p in parsed.projects] == \
        [(p.name, p.amount, p.unit_code, p.project_type) for p in composed.projects]
    assert [(t.name, t.amount, len(t.indicators)) for t in parsed.performance] == \
        [(t.name, t.amount, len(t.indicators)) for t in composed.performance]


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_gives_back_the_composed_disclosure(composed, fmt):
    doc, paths = composed
    composed_disclosure = doc.disclosure
    _same_disclosure(parse_file(paths[fmt]), doc)
    assert {"total_income", "basic_expenditure", "project_expenditure", "three_public_total",
            "running_cost"} <= composed_disclosure.figures.keys()
    if _family(doc) == "national":
        assert len(composed_disclosure.performance) == 8
        assert all(len(t.indicators) >= 3 for t in composed_disclosure.performance)


def test_narrative_has_no_placeholder_and_uses_the_reasons(composed):
    doc, _ = composed
    text = "".join(p.text for s in doc.disclosure.narrative for p in s.paragraphs)
    assert not re.search(r"XX|××|\{|\}|None|主要原因是。", text)
    assert "主要原因是严格执行公务接待标准，压减接待批次" in text
    # 三公: 21.50 now, 22.60 before — nationally with the rate, in Shanghai's words against the budget
    assert {"national": "比2024年减少1.10万元，下降4.87%", "shanghai": "比2024年预算减少1.10万元"}[_family(doc)] in text
    assert doc.disclosure.figures["three_public_total"].value == Decimal("21.50")
