"""Compose: the bundled example becomes a disclosure in four formats that our own readers parse
back exactly and our own audit passes without a single error or warning."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.api import audit_file, parse_file
from yusuan.compose import compose, load
from yusuan.compose.document import Composition
from yusuan.compose.output import write
from yusuan.model import Disclosure

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
FORMATS = ["docx", "xlsx", "pdf", "html"]
_ENUMERATOR = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


@pytest.fixture(scope="module", params=["national", "shanghai"])
def composed(request, tmp_path_factory) -> tuple[Composition, dict[str, Path]]:
    doc = compose(load(EXAMPLE), request.param)
    out = tmp_path_factory.mktemp(request.param)
    paths = write(doc, out, FORMATS)
    return doc, {p.suffix[1:]: p for p in paths}


def test_every_format_is_written(composed):
    doc, paths = composed
    assert sorted(paths) == sorted(FORMATS)
    assert all(p.stat().st_size > 1000 for p in paths.values())
    assert not [p for p in paths["pdf"].parent.iterdir() if p.name.startswith(".")]  # staging removed


@pytest.mark.parametrize("fmt", FORMATS)
def test_audit_finds_nothing(composed, fmt):
    _, paths = composed
    report = audit_file(paths[fmt])
    problems = [f"{f.rule} {f.message}" for f in report.findings if f.severity in ("error", "warning")]
    assert problems == []
    ran = {r for r in report.rules_run}
    assert {"ARITH-001", "ARITH-002", "ARITH-003", "XTAB-001", "NARR-001", "NARR-003", "NARR-004",
            "PERF-001", "COMP-002", "COMP-003"} <= ran


def _label(text: str) -> str:
    return _ENUMERATOR.sub("", re.sub(r"\s+", "", text))


def _rows_match(parsed: Disclosure, doc: Composition) -> None:
    kinds = [t.kind for t in doc.tables if not t.key_value]
    for kind in dict.fromkeys(kinds):
        mine = [t for t in doc.tables if t.kind == kind]
        theirs = parsed.tables_of(kind)
        assert len(theirs) == len(mine), kind
        for composed_table, table in zip(mine, theirs, strict=True):
            assert table.unit == composed_table.unit, kind
            used: set[int] = set()  # a label printed twice (（一）一般公共预算拨款) matches in order
            for record in composed_table.records:
                same = [r for r in table.rows if id(r) not in used
                        and (record.section is None or r.section == record.section)
                        and (record.code is None or record.code in (r.code, r.unit_code))]
                candidates = [r for r in same if _label(r.label or "") == _label(record.label)]
                if not candidates and record.role == "total":  # a 合计 row printed without its word
                    candidates = [r for r in same if r.role == "total"]
                assert candidates, f"{kind}: row {record.label!r} not found"
                row = candidates[0]
                used.add(id(row))
                got = {k: row.values.get(k, Decimal(0)) for k in record.values}
                assert got == record.values, f"{kind} {record.label}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_gives_back_every_row_and_key_figure(composed, fmt):
    doc, paths = composed
    parsed = parse_file(paths[fmt])
    assert parsed.meta.department == doc.department and parsed.meta.year == doc.year
    _rows_match(parsed, doc)
    projects = {t.records[0].label: t.records[0].values["total"] for t in doc.tables if t.key_value}
    assert {p.name: p.amount for p in parsed.performance} == projects
    assert len(parsed.performance) == 8 and all(len(p.indicators) >= 3 for p in parsed.performance)
    figures = {k: f.value for k, f in parsed.figures.items()}
    # key figures are in 万元 on both sides (the Shanghai tables print 元; the figure converts)
    for key, mine in (("total_income", "total"), ("basic_expenditure", "basic"), ("project_expenditure", "project"),
                      ("three_public_total", "three_public"), ("running_cost", "running_cost")):
        assert abs(figures[key] - doc.figures[mine]) < Decimal("0.005"), key


def test_narrative_has_no_placeholder_and_uses_the_reasons(composed):
    doc, _ = composed
    text = "".join(p for s in doc.sections for p in s.paragraphs)
    assert not re.search(r"XX|××|\{|\}|None|主要原因是。", text)
    assert "主要原因是严格执行公务接待标准，压减接待批次" in text
    assert "比2024年减少1.10万元，下降4.87%" in text  # 三公: 21.50 now, 22.60 before
