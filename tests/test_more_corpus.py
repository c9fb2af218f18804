"""The generalisation set: real disclosures from other provinces and templates
(../shared/corpus/more), checked against values hand-transcribed from the documents
(tests/expected_more_*.py — read off the pages, never from yusuan's output)."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, parse_cached
from expected_more_cppcc_swu import EXPECTED as CPPCC_SWU
from expected_more_highcourt import EXPECTED as HIGHCOURT
from yusuan.model import Disclosure, RowRole, Table
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
