"""The REST API beyond listing and reviewing, against SQLite and a real PostgreSQL server: the
tables, key figures and findings of a document, its HTML report, re-auditing a stored file,
exports, the OpenAPI document built from the model's schema, and the comparisons — spending by
function class, a year's 预算 against its 决算 and a 部门 against its 单位."""

from __future__ import annotations

import hashlib
import io
import time
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from conftest import CORPUS, seed_path
from yusuan.api import Outcome, Status, open_store, process_file
from yusuan.web import create_app


def _store(url: str, *paths) -> None:
    store = open_store(url)
    for path in paths:
        data = path.read_bytes()
        store.save(process_file(path, path.name, hashlib.sha256(data).hexdigest(), len(data)), data)
    store.close()


@pytest.fixture
def client(store_url, tmp_path):
    _store(store_url, seed_path("000"), seed_path("001"))
    with TestClient(create_app(store_url, data_folder=tmp_path / "uploads", workers=1)) as test_client:
        yield test_client


def _seed_000(client) -> dict:
    return next(d for d in client.get("/api/documents").json()["documents"] if d["department"].startswith("济源"))


def test_tables_figures_and_findings_of_a_document(client):
    document = _seed_000(client)["document_id"]
    tables = client.get(f"/api/documents/{document}/tables").json()
    summary = next(t for t in tables if t["title"] == "2024年部门收支预算表")
    # seed 000 line 194: "一、一般公共预算 9,386.60", 单位：万元 (line 190)
    row = next(r for r in summary["rows"] if r["label"] == "一、一般公共预算")
    assert row["values"] == {"total": "9386.60"} and summary["unit"] == "万元"
    figures = client.get(f"/api/documents/{document}/figures").json()
    # seed 000 line 226: 收入总计 11,844.10
    assert figures["total_income"]["value"] == "11844.10" and figures["total_income"]["location"]["line"] == 226
    every = client.get(f"/api/documents/{document}/findings").json()
    xtab = client.get(f"/api/documents/{document}/findings", params={"family": "XTAB"}).json()
    warnings = client.get(f"/api/documents/{document}/findings", params={"severity": "warning"}).json()
    assert xtab and all(f["rule"].startswith("XTAB-") for f in xtab)
    assert warnings and all(f["severity"] == "warning" for f in warnings)
    assert len(xtab) < len(every) and {f["id"] for f in warnings} < {f["id"] for f in every}
    assert client.get(f"/api/documents/{document}/findings", params={"severity": "fatal"}).status_code == 422


def test_the_html_report_cannot_run_scripts(client):
    document = _seed_000(client)["document_id"]
    report = client.get(f"/api/documents/{document}/report.html")
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    assert "script-src" not in report.headers["content-security-policy"]
    assert report.headers["content-security-policy"].startswith("default-src 'none'")
    assert "济源产城融合示范区人力资源和社会保障局" in report.text and "XTAB-001" in report.text


def test_a_stored_file_is_audited_again_and_earlier_reviews_are_kept(client):
    before = _seed_000(client)
    finding = client.get(f"/api/documents/{before['document_id']}/findings").json()[0]
    client.post(f"/api/findings/{finding['id']}/review", json={"decision": "confirmed", "reviewer": "甲"})
    job = client.post(f"/api/documents/{before['document_id']}/audit")
    assert job.status_code == 202
    deadline = time.monotonic() + 60
    while client.get(f"/api/jobs/{job.json()['job']}").json()["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    after = client.get(f"/api/documents/{before['document_id']}").json()
    assert after["run_id"] != before["run_id"] and after["errors"] == before["errors"]
    assert [f["rule"] for f in after["findings"]] == [f["rule"] for f in client.get(
        f"/api/documents/{before['document_id']}/findings").json()]
    assert client.app.state.store.decisions(finding["id"])  # the decision on the earlier run stays
    assert len(client.get("/api/documents").json()["documents"]) == 2  # the same document, not a new one


def test_exports_of_figures_and_findings(client):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get("/api/export", params={"format": "xlsx"}).content))
    assert book.sheetnames == ["文件与关键数字", "审核发现"]
    assert book["文件与关键数字"].max_row == 3  # a header and the two seeds
    findings = client.get("/api/export", params={"format": "csv", "what": "findings"})
    assert findings.headers["content-type"].startswith("text/csv")
    assert findings.content.decode("utf-8-sig").startswith("文件,部门,年度,规则,级别")
    exported = client.get("/api/export", params={"format": "json", "year": 2024}).json()
    assert [d["年度"] for d in exported["documents"]] == [2024]


def test_openapi_describes_model_types_with_the_model_schema(client):
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {"Disclosure", "Table", "Row", "Figure", "DocumentList", "FindingOut"} <= set(schemas)
    tables = document["paths"]["/api/documents/{document_id}/tables"]["get"]["responses"]["200"]
    assert tables["content"]["application/json"]["schema"]["items"] == {"$ref": "#/components/schemas/Table"}
    assert schemas["Table"]["properties"]["rows"]["items"] == {"$ref": "#/components/schemas/Row"}
    assert "#/$defs/" not in str(document)


def test_spending_by_function_class_and_the_comparison_workbook(store_url, tmp_path):
    from openpyxl import load_workbook

    files = [CORPUS / "more" / f"js-highcourt-{year}-dept-budget.pdf" for year in (2018, 2019)]
    if not all(f.exists() for f in files):
        pytest.skip(f"corpus not found at {CORPUS}")
    _store(store_url, *files)
    with TestClient(create_app(store_url, data_folder=tmp_path / "uploads", workers=1)) as client:
        rows = client.get("/api/compare", params={"department": "江苏省高级人民法院"}).json()["rows"]
        # 财政拨款支出预算表, read by hand: 2018 p11, 2019 p10 (204 / 208 / 221 class lines, 万元)
        assert [[(c["code"], c["amount"]) for c in r["classes"]] for r in rows] == [
            [("204", "26200.88"), ("208", "2254.76"), ("221", "4716.51")],
            [("204", "27488.23"), ("208", "2355.65"), ("221", "7344.46")]]
        book = load_workbook(io.BytesIO(client.get("/api/compare.xlsx", params={"department": "江苏省高级人民法院"}).content))
        assert book.sheetnames == ["关键数字", "功能分类构成", "预算与决算", "部门与单位"]
        classes = [[c.value for c in line] for line in book["功能分类构成"].iter_rows(min_row=2)]
        assert [(line[1], line[3], line[5]) for line in classes][:3] == [(2018, "204", 26200.88), (2018, "208", 2254.76),
                                                                          (2018, "221", 4716.51)]
        assert client.get("/api/compare.pdf").status_code == 404


def _saved(store, name: str, department: str, kind: str, scope: str, figures: dict[str, str]) -> None:
    """A stored disclosure with only its key figures: what the comparisons read (no corpus pair
    of one year's 预算 and 决算, or of a 部门 and its 单位, exists to read them from)."""
    disclosure = {"meta": {"department": department, "year": 2024, "kind": kind, "scope": scope, "region": "甲市"},
                  "figures": {key: {"value": value} for key, value in figures.items()}}
    outcome = Outcome(name=name, sha256=hashlib.sha256(name.encode()).hexdigest(), size=1, format="pdf",
                      status=Status.DONE, audit={"disclosure": disclosure, "summary": {}, "findings": []})
    store.save(outcome, b"")


def test_a_years_budget_against_its_final_accounts_and_a_department_against_its_units(store_url, tmp_path):
    store = open_store(store_url)
    _saved(store, "a.pdf", "甲局", "budget", "department", {"total_expenditure": "1000.00", "three_public_total": "20.00"})
    _saved(store, "b.pdf", "甲局", "final_account", "department", {"total_expenditure": "950.50", "three_public_total": "20.00"})
    _saved(store, "c.pdf", "甲局机关服务中心", "budget", "unit", {"total_expenditure": "300.00", "three_public_total": "12.00"})
    _saved(store, "d.pdf", "甲局信息中心", "budget", "unit", {"total_expenditure": "200.00", "three_public_total": "9.00"})
    store.close()
    units = ["甲局", "甲局机关服务中心", "甲局信息中心"]
    with TestClient(create_app(store_url, data_folder=tmp_path / "uploads", workers=1)) as client:
        result = client.get("/api/compare", params={"department": units}).json()
        [pair] = result["budget_vs_final"]
        spent = next(line for line in pair["lines"] if line["figure"] == "total_expenditure")
        assert (spent["budget"], spent["final"], spent["difference"], spent["rate"]) == ("1000", "950.5", "-49.5", "95.05")
        assert not next(line for line in pair["lines"] if line["figure"] == "three_public_total")["differs"]
        [family] = result["department_vs_units"]
        assert [u["name"] for u in family["units"]] == ["甲局信息中心", "甲局机关服务中心"]
        spent = next(line for line in family["lines"] if line["figure"] == "total_expenditure")
        assert (Decimal(spent["units_total"]), Decimal(spent["rest"]), spent["exceeds"]) == (500, 500, False)
        three = next(line for line in family["lines"] if line["figure"] == "three_public_total")
        assert (Decimal(three["rest"]), three["exceeds"]) == (-1, True)  # 12 + 9 > 20: cannot be right
        page = client.get("/compare", params={"department": units}).text
        assert "同年预算与决算" in page and 'class="exceeds"' in page and 'class="differs"' in page
