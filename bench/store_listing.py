"""Benchmark: list 10,000 stored documents' results by department and year, a page of 50 at a time.

Target from the store-and-batch issue: under 200 ms per page. The rows are generated (300
departments × 34 years, a run with ten findings each) and written in one transaction; then each
listing — ranked by errors, filtered by department, by year, by department and year — is timed
on SQLite and on a throwaway PostgreSQL server (tests/pg_server.py; skipped without one).

    .venv/bin/python bench/store_listing.py [--documents 10000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from yusuan.api import open_store
from yusuan.store.schema import AuditRunRow, DisclosureRow, DocumentRow, FindingRow

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 200.0


def fill(store, count: int) -> None:
    now = datetime.now(UTC)
    with store.session() as session:
        for i in range(count):
            department, year = f"部门{i % 300:03d}", 1990 + (i // 300) % 34
            document = DocumentRow(sha256=f"{i:064x}", name=f"{department}{year}年部门预算.pdf", format="pdf",
                                   size=1000, pages=30, content=b"%PDF", added_at=now)
            session.add(document)
            session.flush()
            session.add(DisclosureRow(document_id=document.id, yusuan_version="bench", department=department,
                                      region="示例市", year=year, kind="budget", body="{}",
                                      total_income=Decimal(i), total_expenditure=Decimal(i)))
            run = AuditRunRow(document_id=document.id, catalogue_version="bench", yusuan_version="bench",
                              finished_at=now, seconds=1.0, status="done", reason="", errors=i % 7, warnings=i % 5,
                              notices=i % 3, by_family=json.dumps({"ARITH": {"error": i % 7}}))
            session.add(run)
            session.flush()
            session.add_all(FindingRow(run_id=run.id, ordinal=k, rule="ARITH-002", severity="error", message="合计不等",
                                       evidence="[]") for k in range(10))


def timed(store) -> dict[str, float]:
    queries = {
        "按错误排序": dict(),
        "按部门": dict(department="部门123", order="year"),
        "按年度": dict(year=2005, order="department"),
        "按部门和年度": dict(department="部门042", year=2001),
        "第 100 页": dict(page=100),
    }
    worst = {}
    for name, filters in queries.items():
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            rows = store.listing(per_page=50, **filters)
            best = min(best, time.perf_counter() - start)
        assert rows, name
        worst[name] = best * 1000
    return worst


def web_timed(url: str) -> dict[str, float]:
    """The same listings through the web app: the API's JSON and the list page."""
    from fastapi.testclient import TestClient

    from yusuan.web import create_app

    worst = {}
    with tempfile.TemporaryDirectory() as folder, TestClient(create_app(url, data_folder=Path(folder))) as client:
        for name, path in {"接口按部门": "/api/documents?department=部门123&order=year",
                           "接口第 100 页": "/api/documents?page=100", "列表页": "/?year=2005&order=department"}.items():
            best = float("inf")
            for _ in range(5):
                start = time.perf_counter()
                answer = client.get(path)
                best = min(best, time.perf_counter() - start)
            assert answer.status_code == 200, name
            worst[name] = best * 1000
    return worst


def report(label: str, store, count: int) -> bool:
    start = time.perf_counter()
    fill(store, count)
    filled = time.perf_counter() - start
    times = timed(store)
    times.update(web_timed(store.url))
    print(f"{label}: {count} documents written in {filled:.1f} s; a page of 50: "
          + "，".join(f"{k} {v:.1f} ms" for k, v in times.items()) + f" (target < {TARGET_MS:.0f} ms)")
    store.close()
    return max(times.values()) < TARGET_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        ok &= report("SQLite", open_store(Path(folder) / "bench.db"), args.documents)
    sys.path.insert(0, str(REPO / "tests"))
    from pg_server import Server, binaries

    if binaries() is None:
        print("PostgreSQL: skipped (no initdb; scripts/setup-system.sh installs it)")
        return 0 if ok else 1
    server = Server()
    try:
        ok &= report("PostgreSQL", open_store(server.database("bench")), args.documents)
    finally:
        server.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
