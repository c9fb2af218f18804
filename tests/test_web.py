"""The web app and REST API against SQLite and a real PostgreSQL server: listing and filtering,
a document with its findings, review decisions that persist, uploads processed in the
background by the isolated worker, Chinese JSON errors, downloads that never run in a browser,
and document text escaped on every page."""

from __future__ import annotations

import hashlib
import time

import pytest
from fastapi.testclient import TestClient

from conftest import seed_path
from yusuan.api import open_store, process_file
from yusuan.web import create_app


def _store_seed(url: str, seed: str, name: str | None = None, text: str | None = None, folder=None) -> None:
    path = seed_path(seed)
    if text is not None:
        path = folder / "hostile.txt"
        path.write_text(text, encoding="utf-8")
    data = path.read_bytes()
    store = open_store(url)
    store.save(process_file(path, name or path.name, hashlib.sha256(data).hexdigest(), len(data)), data)
    store.close()


@pytest.fixture
def client(store_url, tmp_path):
    _store_seed(store_url, "000")
    _store_seed(store_url, "001")
    app = create_app(store_url, data_folder=tmp_path / "uploads", workers=1)
    with TestClient(app) as test_client:
        yield test_client


def test_listing_filters_and_a_document_with_its_findings(client):
    documents = client.get("/api/documents").json()["documents"]
    assert [d["department"] for d in documents] == ["三门峡市人力资源和社会保障局", "济源产城融合示范区人力资源和社会保障局"]
    assert documents[0]["errors"] >= documents[1]["errors"]  # ranked by errors
    assert [d["year"] for d in client.get("/api/documents", params={"year": 2024}).json()["documents"]] == [2024]
    detail = client.get(f"/api/documents/{documents[1]['document_id']}").json()
    assert detail["findings"] and detail["figures"]["total_income"] == "11844.1"  # seed 000: 收入总计, 万元
    assert all(f["evidence"] and f["review"] is None for f in detail["findings"])
    body = client.get(f"/api/documents/{documents[1]['document_id']}/disclosure").json()
    assert body["schema"] == "yusuan.disclosure/2"


def test_review_decisions_persist_and_show_on_the_page(client):
    document = client.get("/api/documents").json()["documents"][0]
    finding = client.get(f"/api/documents/{document['document_id']}").json()["findings"][0]
    answer = client.post(f"/api/findings/{finding['id']}/review",
                         json={"decision": "dismissed", "reviewer": "审核员甲", "comment": "表下已注明"})
    assert answer.status_code == 201
    again = client.get(f"/api/documents/{document['document_id']}").json()["findings"][0]
    assert again["review"]["decision"] == "dismissed" and again["review"]["reviewer"] == "审核员甲"
    form = client.post(f"/documents/{document['document_id']}/findings/{finding['id']}/review",
                       data={"decision": "confirmed", "reviewer": "审核员乙"}, follow_redirects=False)
    assert form.status_code == 303
    page = client.get(f"/documents/{document['document_id']}").text
    assert "已确认（审核员乙）" in page


def test_errors_are_json_with_chinese_messages(client):
    missing = client.get("/api/documents/999999")
    assert missing.status_code == 404 and missing.json() == {"detail": "没有编号为 999999 的文件"}
    assert "没有编号为" in client.post("/api/findings/999999/review", json={"decision": "confirmed"}).json()["detail"]
    invalid = client.post("/api/findings/1/review", json={"decision": "maybe"})
    assert invalid.status_code == 422 and invalid.json()["detail"].startswith("请求参数有误")


def test_uploads_are_processed_in_the_background(client):
    data = seed_path("002").read_bytes()
    accepted = client.post("/api/upload", files=[("files", ("新绛县.txt", data, "text/plain")),
                                                ("files", ("坏.pdf", b"%PDF-1.4 broken", "application/pdf"))])
    assert accepted.status_code == 202
    jobs = accepted.json()["jobs"]
    deadline = time.monotonic() + 60
    states = {}
    while time.monotonic() < deadline:
        states = {j["name"]: client.get(f"/api/jobs/{j['job']}").json() for j in jobs}
        if all(s["state"] in ("done", "failed") for s in states.values()):
            break
        time.sleep(0.2)
    assert states["新绛县.txt"]["state"] == "done" and states["新绛县.txt"]["document"]
    assert states["坏.pdf"]["state"] == "failed" and "PDF" in states["坏.pdf"]["reason"]
    departments = [d["department"] for d in client.get("/api/documents").json()["documents"]]
    assert "新绛县人力资源和社会保障局" in departments
    download = client.get(f"/api/documents/{states['新绛县.txt']['document']}/file")
    assert download.content == data and download.headers["content-type"] == "application/octet-stream"
    assert download.headers["x-content-type-options"] == "nosniff"


def test_document_text_is_escaped_on_every_page(store_url, tmp_path):
    text = seed_path("000").read_text(encoding="utf-8")
    department = "济源产城融合示范区人力资源和社会保障局"
    hostile = text.replace(department, "<script>alert(1)</script>局", 3).replace("收支预算", "收支<img src=x onerror=alert(2)>预算", 2)
    _store_seed(store_url, "000", name="<script>alert(3)</script>.txt", text=hostile, folder=tmp_path)
    with TestClient(create_app(store_url, data_folder=tmp_path / "uploads", workers=1)) as client:
        document = client.get("/api/documents").json()["documents"][0]
        pages = [client.get("/").text, client.get(f"/documents/{document['document_id']}").text, client.get("/rules").text]
    assert "&lt;script&gt;alert(3)&lt;/script&gt;.txt" in pages[0]
    assert not [p for p in pages if "<script>alert" in p or "<img src=x" in p]


def test_a_pdf_finding_is_boxed_on_its_page_image(store_url, tmp_path):
    from conftest import CORPUS

    pdf = CORPUS / "pdf" / "上海市普陀区财政局2025年部门预算.pdf"
    if not pdf.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    data = pdf.read_bytes()
    store = open_store(store_url)
    store.save(process_file(pdf, pdf.name, hashlib.sha256(data).hexdigest(), len(data)), data)
    store.close()
    with TestClient(create_app(store_url, data_folder=tmp_path / "uploads", workers=1)) as client:
        document = client.get("/api/documents").json()["documents"][0]
        findings = client.get(f"/api/documents/{document['document_id']}").json()["findings"]
        # the TEXT-009 warning on p18 (the 国有资本经营 table's note speaks of 政府性基金), with its box
        finding = next(f for f in findings if f["rule"] == "TEXT-009")
        place = next(e["location"] for e in finding["evidence"] if e["location"].get("bbox"))
        image = client.get(f"/api/documents/{document['document_id']}/pages/{place['page']}.png")
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
        page = client.get(f"/documents/{document['document_id']}/pages/{place['page']}?finding={finding['id']}").text
        x0, top = place["bbox"][0], place["bbox"][1]
        assert f"left:{round(x0 * 1.5, 1)}px; top:{round(top * 1.5, 1)}px" in page
        assert client.get(f"/api/documents/{document['document_id']}/pages/999.png").status_code == 404


def test_two_years_of_one_department_compared(store_url, tmp_path):
    from conftest import CORPUS

    files = [CORPUS / "more" / f"js-highcourt-{year}-dept-budget.pdf" for year in (2018, 2019)]
    if not all(f.exists() for f in files):
        pytest.skip(f"corpus not found at {CORPUS}")
    store = open_store(store_url)
    for path in files:
        data = path.read_bytes()
        store.save(process_file(path, path.name, hashlib.sha256(data).hexdigest(), len(data)), data)
    store.close()
    with TestClient(create_app(store_url, data_folder=tmp_path / "uploads", workers=1)) as client:
        rows = client.get("/api/compare", params={"department": "江苏省高级人民法院"}).json()["rows"]
        # 支出合计, read by hand: 2018 p10 33,172.15; 2019 p8 37,188.34 (the 2019 narrative: 增加4016.19万元)
        assert [(r["year"], r["total_expenditure"], r["total_expenditure_change"]) for r in rows] == [
            (2018, "33172.15", None), (2019, "37188.34", "4016.19")]
        csv = client.get("/api/compare.csv", params={"department": "江苏省高级人民法院"}).content.decode("utf-8-sig")
        assert "37188.34" in csv and csv.startswith("部门,年度,类型")
        page = client.get("/compare", params={"department": "江苏省高级人民法院"}).text
        assert '<script src="/static/echarts.min.js"></script>' in page and '"total_expenditure": "37188.34"' in page
        assert client.get("/static/echarts.min.js").status_code == 200


def test_a_zip_upload_becomes_a_job_per_member(client):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("春季/新绛县.txt", seed_path("002").read_bytes())
        archive.writestr("春季/inner.zip", b"PK\x05\x06" + b"\0" * 18)
    jobs = client.post("/api/upload", files=[("files", ("公开文件.zip", buffer.getvalue(), "application/zip"))]).json()["jobs"]
    assert sorted(j["name"] for j in jobs) == ["公开文件.zip/春季/inner.zip", "公开文件.zip/春季/新绛县.txt"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        states = {j["name"]: client.get(f"/api/jobs/{j['job']}").json() for j in jobs}
        if all(s["state"] in ("done", "failed") for s in states.values()):
            break
        time.sleep(0.2)
    assert states["公开文件.zip/春季/新绛县.txt"]["state"] == "done"
    assert states["公开文件.zip/春季/inner.zip"]["state"] == "failed" and "压缩包中的压缩包" in states["公开文件.zip/春季/inner.zip"]["reason"]
