"""The PDF corpus (Shanghai budgets, a final account, the final-account template).

Every expected value below was read off the printed page by hand (page numbers as printed by a
PDF viewer); amounts are in 万元 as the key figures are, converted from the 元 the tables print.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from conftest import CORPUS, parse_cached
from yusuan.audit import audit
from yusuan.model.tolerance import agrees

PDF = CORPUS / "pdf"
SHANGHAI_BUDGET_PAGES = {"summary": 9, "income": 10, "expenditure": 12, "fiscal_summary": 14, "gpb_expenditure": 15,
                         "gov_fund": 17, "soe_capital": 18, "gpb_basic_econ": 19, "three_public": 21}
D = Decimal

EXPECTED = {
    "上海市普陀区人民政府万里街道办事处2024年部门预算.pdf": {
        "kind": "budget", "year": 2024, "department": "上海市普陀区人民政府万里街道办事处",
        "pages": {"summary": 10, "income": 11, "expenditure": 16, "fiscal_summary": 21, "gpb_expenditure": 22,
                  "gov_fund": 27, "soe_capital": 28, "gpb_basic_econ": 29, "three_public": 31},
        # p.10 收入总计 156,211,123 元; p.20 合计 156,211,123 | 99,706,020 | 56,505,103;
        # p.30 合计 99,706,020 | 88,537,451 | 11,168,569; p.31 (万元) 47.91 0 1.35 46.56 25 21.56 443.18
        "figures": {"total_income": D("15621.1123"), "total_expenditure": D("15621.1123"),
                    "basic_expenditure": D("9970.602"), "project_expenditure": D("5650.5103"),
                    "personnel": D("8853.7451"), "public_operating": D("1116.8569"),
                    "three_public_total": D("47.91"), "three_public_reception": D("1.35"),
                    "three_public_car_purchase": D("25"), "three_public_car_operation": D("21.56"),
                    "running_cost": D("443.18")},
    },
    "上海市普陀区商务委员会2025年部门预算.pdf": {
        "kind": "budget", "year": 2025, "department": "上海市普陀区商务委员会", "pages": SHANGHAI_BUDGET_PAGES,
        # p.9 371,514,655.00; p.13 合计 371,514,655.00 | 19,830,655.00 | 351,684,000.00;
        # p.20 合计 19,830,655.00 | 18,120,593.00 | 1,710,062.00; p.21 1.00 … 1.00 | 171.01
        "figures": {"total_income": D("37151.4655"), "total_expenditure": D("37151.4655"),
                    "basic_expenditure": D("1983.0655"), "project_expenditure": D("35168.40"),
                    "personnel": D("1812.0593"), "public_operating": D("171.0062"),
                    "three_public_total": D("1.00"), "three_public_reception": D("1.00"), "running_cost": D("171.01")},
    },
    "上海市普陀区财政局2025年部门预算.pdf": {
        "kind": "budget", "year": 2025, "department": "上海市普陀区财政局", "pages": SHANGHAI_BUDGET_PAGES,
        # p.9 31,214,205.80; p.13 合计 31,214,205.80 | 25,121,091.00 | 6,093,114.80;
        # p.20 合计 25,121,091.00 | 22,826,756.00 | 2,294,335.00; p.21 0.95 … 0.95 | 229.43
        "figures": {"total_income": D("3121.42058"), "total_expenditure": D("3121.42058"),
                    "basic_expenditure": D("2512.1091"), "project_expenditure": D("609.31148"),
                    "personnel": D("2282.6756"), "public_operating": D("229.4335"),
                    "three_public_total": D("0.95"), "running_cost": D("229.43")},
    },
    "上海市普陀区财政局2024年度部门决算.pdf": {
        "kind": "final_account", "year": 2024, "department": "上海市普陀区财政局",
        "pages": {"summary": 6, "income": 8, "expenditure": 10, "fiscal_summary": 12, "gpb_expenditure": 15,
                  "gpb_basic_econ": 16, "three_public": 18, "gov_fund": 19, "soe_capital": 20},
        # p.6-7 本年收入合计 2,946.25, 年初结转和结余 49.14, 总计 2,995.39 (both sides);
        # p.10 合计 2,940.05 | 2,336.91 | 603.14; p.17 人员经费合计 2,152.26, 公用经费合计 184.65
        "figures": {"total_income": D("2995.39"), "total_expenditure": D("2995.39"),
                    "current_year_income": D("2946.25"), "basic_expenditure": D("2336.91"),
                    "project_expenditure": D("603.14"), "personnel": D("2152.26"), "public_operating": D("184.65")},
    },
    "部门决算模板2024.pdf": {
        "kind": "final_account", "year": 2024, "department": "上海市XX局",
        "pages": {"summary": 5, "income": 6, "expenditure": 7, "fiscal_summary": 8, "gpb_expenditure": 10,
                  "gpb_basic_econ": 11, "three_public": 12, "gov_fund": 13, "soe_capital": 14},
        "figures": {},
    },
}

pytestmark = pytest.mark.skipif(not PDF.is_dir(), reason=f"PDF corpus not found at {PDF} (set YUSUAN_CORPUS)")


@pytest.fixture(scope="module")
def pdfs():
    return {name: parse_cached(PDF / name) for name in EXPECTED}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_standard_tables_found_with_kind_and_page(pdfs, name):
    d, expected = pdfs[name], EXPECTED[name]
    assert (d.meta.kind, d.meta.year, d.meta.department) == (expected["kind"], expected["year"], expected["department"])
    assert {t.kind: t.location.page for t in d.tables} == expected["pages"]
    assert all(t.location.bbox for t in d.tables)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_key_figures_match_the_document_and_totals_balance(pdfs, name):
    d, expected = pdfs[name], EXPECTED[name]
    assert {k: d.figures[k].value for k in expected["figures"]} == expected["figures"]
    if expected["figures"]:
        assert d.figures["total_income"].value == d.figures["total_expenditure"].value
        summary_pages = {r.location.page for r in d.table("summary").rows}
        assert d.figures["total_income"].location.page in summary_pages


def test_table_continued_over_pages_is_one_table(pdfs):
    """万里街道's 一般公共预算支出表 runs over pp.22–26; the 合计 row alone on p.15 of 收入表 keeps its columns."""
    d = pdfs["上海市普陀区人民政府万里街道办事处2024年部门预算.pdf"]
    table = d.table("gpb_expenditure")
    assert {r.location.page for r in table.rows} == {22, 23, 24, 25, 26}
    assert not any(r.label in ("功能分类科目名称", "项目") for r in table.rows)  # repeated headers skipped
    income_total = next(r for r in d.table("income").rows if r.role == "total")
    assert income_total.location.page == 15
    assert income_total.values == {"total": D(156211123), "fiscal": D(156211123), "business_income": D(0),
                                   "operating_income": D(0), "other_income": D(0)}


def test_wrapped_cell_text_stays_in_its_row(pdfs):
    d = pdfs["上海市普陀区财政局2024年度部门决算.pdf"]
    row = next(r for r in d.table("income").rows if r.code == "2080505")
    assert row.label == "机关事业单位基本养老保险缴费支出" and row.values["total"] == D("160.75")


def test_final_account_identity_is_checked(pdfs):
    """收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余: a changed 总计 is an error."""
    d = copy.deepcopy(pdfs["上海市普陀区财政局2024年度部门决算.pdf"])  # the parse is shared: change a copy
    assert not [f for f in audit(d).findings if f.rule == "ARITH-005"]
    summary = d.table("summary")
    grand = next(r for r in summary.rows if r.section == "income" and r.label == "总计")
    grand.values["total"] = D("2995.93")
    findings = [f for f in audit(d).findings if f.rule == "ARITH-005" and f.severity == "error"]
    assert findings and "2995.93" in findings[0].message


def test_template_is_recognised_as_such(pdfs):
    d = pdfs["部门决算模板2024.pdf"]
    assert d.meta.template
    findings = audit(d).findings
    assert [f.rule for f in findings if f.severity == "error"] == []
    assert len([f for f in findings if f.rule == "TEXT-004"]) == 1


# The errors the audit reports on the PDFs, each checked against the printed page.
GENUINE_ERRORS = {
    # p.9 item 31: “…住房公积金（项）”350.35万元 … 2024年预算安排352.67万元; table 2210201 = 3,503,499 元
    "上海市普陀区人民政府万里街道办事处2024年部门预算.pdf": [("NARR-006", 9, D("352.67"))],
    # p.7 item 7: “…机关事业单位职业年金缴费支出（项）”887.36万元; table 2080506 = 873,617.00 元
    "上海市普陀区财政局2025年部门预算.pdf": [("NARR-006", 7, D("887.36"))],
    "上海市普陀区商务委员会2025年部门预算.pdf": [],
    "上海市普陀区财政局2024年度部门决算.pdf": [],
    "部门决算模板2024.pdf": [],
}


@pytest.mark.parametrize("name", list(GENUINE_ERRORS))
def test_audit_errors_on_pdfs_are_the_genuine_ones(pdfs, name):
    errors = [f for f in audit(pdfs[name]).findings if f.severity == "error"]
    # the page the statement is printed on (a statement printed twice is one finding with both pages)
    found = [(f.rule, min(e.location.page for e in f.evidence if e.table == "narrative"), f.actual) for f in errors]
    assert found == GENUINE_ERRORS[name]


def test_pdf_locations_carry_page_and_box(pdfs):
    d = pdfs["上海市普陀区商务委员会2025年部门预算.pdf"]
    row = next(r for r in d.table("gpb_basic_econ").rows if r.role == "total")
    assert row.location.page == 20 and row.location.bbox is not None
    x0, top, x1, bottom = row.location.bbox
    assert 0 <= x0 < x1 and 0 <= top < bottom


def _all_pdfs():
    found = sorted(p for folder in ("pdf", "more") for p in (CORPUS / folder).glob("*.pdf"))
    if not found:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(p, id=p.name[:24]) for p in found]


@pytest.mark.parametrize("path", _all_pdfs())
def test_every_function_line_is_read_with_code_name_and_amount(path):
    """The main function-line table of every PDF: each line has its code, its name and its amount,
    is read with certainty, and the 类 lines add up to the 合计 — so no line was lost or misread
    (hand-read first and last lines are checked in test_more_corpus and above)."""
    d = parse_cached(path)
    if d.meta.template or not d.tables:  # an unfilled template prints no amounts, a narrative-only file no table
        assert d.meta.template or not any(r.values for t in d.tables for r in t.rows)
        return
    table = next(t for kind in ("expenditure", "fiscal_expenditure", "gpb_expenditure")
                 for t in d.tables_of(kind) if any(r.code for r in t.rows))
    lines = [r for r in table.rows if r.role == "item"]
    assert lines and all(r.code and r.label and "total" in r.values and r.certain for r in lines)
    total = table.total_row()
    classes = [r for r in lines if len(r.code) == 3]
    if total is not None and classes:  # within the rounding of the printed figures (决算 in 万元)
        assert agrees(total.values["total"], [r.values["total"] for r in classes])
