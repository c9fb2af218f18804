"""The store against SQLite and a real PostgreSQL server: migrations (from empty and from the
previous revision, and the models agree with them), saving processed files, re-audits keeping
history, review decisions, listing and export."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import create_engine, inspect, text

from conftest import seed_path
from yusuan.api import Outcome, Status, export_store, open_store, process_file
from yusuan.store import Decision, Store


def _processed(seed: str, name: str | None = None) -> tuple[Outcome, bytes]:
    path = seed_path(seed)
    data = path.read_bytes()
    import hashlib

    return process_file(path, name or path.name, hashlib.sha256(data).hexdigest(), len(data)), data


def test_migrations_from_empty_and_from_the_previous_revision(store_url):
    old = Store(store_url, migrate=False)
    old.migrate("0001")
    assert old.revision() == "0001"
    with old.engine.begin() as connection:
        connection.execute(text("INSERT INTO documents (sha256, name, format, size, content, added_at) "
                                "VALUES ('a', 'x.pdf', 'pdf', 1, :c, CURRENT_TIMESTAMP)"), {"c": b"x"})
    assert "review_decisions" not in inspect(old.engine).get_table_names()
    old.migrate("0002")
    assert old.revision() == "0002" and "review_decisions" in inspect(old.engine).get_table_names()
    assert "users" not in inspect(old.engine).get_table_names()
    old.migrate()  # the previous revision to the head
    assert old.revision() == "0003" and "users" in inspect(old.engine).get_table_names()
    assert old.count() == 1  # the row written under 0001 survives
    old.close()


def test_the_models_agree_with_the_migrations(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from yusuan.store.schema import Base

    store = Store(store_url)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert differences == []


def test_saving_listing_reviewing_and_history(store_url):
    store = open_store(store_url)
    outcome, data = _processed("000")
    assert outcome.status == Status.DONE
    run = store.save(outcome, data)
    (entry,) = store.listing()
    # hand-read from seed 000: 济源…人力资源和社会保障局, 2024, 收入总计 11,844.10 万元
    assert (entry.department, entry.year, entry.kind) == ("济源产城融合示范区人力资源和社会保障局", 2024, "budget")
    assert entry.figures["total_income"] == Decimal("11844.10")
    assert (entry.errors, entry.run_id) == (outcome.audit["summary"]["errors"], run)
    assert store.content(outcome.sha256) == data  # the stored copy
    assert store.is_done(outcome.sha256, outcome.catalogue_version)
    assert not store.is_done(outcome.sha256, "another-catalogue")
    # a newer rule catalogue: a new run, the old one kept; the document and disclosure once
    outcome.catalogue_version = "newer"
    store.save(outcome, data)
    assert [version for version, _ in store.runs(outcome.sha256)] == [entry.catalogue_version, "newer"]
    assert store.count() == 1 and len(store.listing()) == 1 and store.listing()[0].catalogue_version == "newer"
    # review decisions are kept as a trail
    finding = store.findings(store.listing()[0].run_id)[0]
    store.review(finding["id"], Decision.DISMISSED, "审核员甲", "表内已说明")
    store.review(finding["id"], Decision.CONFIRMED, "审核员乙")
    assert store.decisions(finding["id"]) == [(Decision.DISMISSED, "审核员甲", "表内已说明"),
                                              (Decision.CONFIRMED, "审核员乙", "")]
    store.close()


def test_listing_filters_and_ranks(store_url):
    store = open_store(store_url)
    for seed in ("000", "001", "002"):
        store.save(*_processed(seed))
    ranked = store.listing()
    assert [e.errors for e in ranked] == sorted((e.errors for e in ranked), reverse=True)
    assert [e.year for e in store.listing(year=2023)] == [2023]  # seed 001 is the 2023 budget
    assert {e.department for e in store.listing(department="新绛县人力资源和社会保障局")} == {"新绛县人力资源和社会保障局"}
    assert all(e.errors > 0 for e in store.listing(has_errors=True))
    assert len(store.listing(per_page=2)) == 2 and len(store.listing(page=2, per_page=2)) == 1
    store.close()


def test_export_escapes_text_that_would_be_a_formula(store_url, tmp_path):
    store = open_store(store_url)
    outcome, data = _processed("002", name="=cmd|' /C calc'!A0.txt")
    store.save(outcome, data)
    files = export_store(store, "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(files["yusuan-export.xlsx"]))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert book["文件与关键数字"]["A2"].value == "'=cmd|' /C calc'!A0.txt"
    assert [r["规则"] for r in json.loads(export_store(store, "json")["yusuan-export.json"])["findings"]]
    documents = export_store(store, "csv")["yusuan-documents.csv"].decode("utf-8-sig")
    assert "\n'=cmd|" in documents
    assert export_store(store, "json", year=1999)["yusuan-export.json"].count(b'"documents": []') == 1
    store.close()


def test_a_database_that_cannot_be_opened_is_a_clear_error(tmp_path):
    from yusuan.api import StoreError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="无法"):
        open_store(f"sqlite:///{blocker}/sub/yusuan.db")
    with pytest.raises(StoreError):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert create_engine  # (imported for the dialects' registration)
