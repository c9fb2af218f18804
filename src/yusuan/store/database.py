"""Opening the store (a URL, a file path, or the default SQLite file), migrating it, and the
operations on it: save what processing a file gave, ask whether a file is done, list, export and
review."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .outcome import Outcome, Status
from .schema import AuditRunRow, Decision, DisclosureRow, DocumentRow, FindingRow, ReviewRow

ENV_URL = "YUSUAN_DATABASE_URL"
MIGRATIONS = Path(__file__).parent / "migrations"
# key figures kept as columns (万元), by the figure keys of figures.toml
FIGURE_COLUMNS = ("total_income", "total_expenditure", "basic_expenditure", "project_expenditure",
                  "three_public_total", "running_cost")


class StoreError(Exception):
    """The database cannot be opened or written; the message is Chinese."""


def default_url() -> str:
    """YUSUAN_DATABASE_URL, else a SQLite file under the user's data folder (XDG)."""
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{base / 'yusuan' / 'yusuan.db'}"


def database_url(value: str | Path | None) -> str:
    """A SQLAlchemy URL from what a user typed: a URL as it is, a file path as a SQLite file."""
    if value is None or str(value) == "":
        return default_url()
    text = str(value)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


@dataclass
class Listing:
    """One document as lists show it: what it is, its latest run's counts and key figures."""

    document_id: int
    name: str
    sha256: str
    format: str
    pages: int | None
    status: Status
    reason: str
    department: str | None
    region: str | None
    year: int | None
    kind: str | None
    scope: str | None  # department / unit (部门 or 单位 document), when its title says so
    errors: int
    warnings: int
    notices: int
    by_family: dict[str, dict[str, int]]
    figures: dict[str, Decimal | None]
    run_id: int
    catalogue_version: str


class Store:
    def __init__(self, url: str | Path | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(url)
        try:
            if self.url.startswith("sqlite:///"):
                Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(self.url)
        except (SQLAlchemyError, OSError, ModuleNotFoundError, ValueError) as exc:
            raise StoreError(f"无法打开数据库 {self._shown()}：{exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    def _shown(self) -> str:
        """The URL without a password, for messages."""
        head, at, tail = self.url.rpartition("@")
        return f"{head.split(':')[0]}:***@{tail}" if at and ":" in head.split("//", 1)[-1] else self.url

    def close(self) -> None:
        self.engine.dispose()

    # ---- schema ---------------------------------------------------------------------------

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (Alembic); a no-op when it is there already."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        except SQLAlchemyError as exc:
            raise StoreError(f"数据库 {self._shown()} 无法升级到当前结构：{exc}") from exc

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    # ---- writing --------------------------------------------------------------------------

    def is_done(self, sha256: str, catalogue_version: str) -> bool:
        """Whether the file with this content was processed under this rule catalogue."""
        with self.session() as session:
            found = session.execute(
                select(AuditRunRow.id).join(DocumentRow).where(
                    DocumentRow.sha256 == sha256, AuditRunRow.catalogue_version == catalogue_version).limit(1))
            return found.first() is not None

    def save(self, outcome: Outcome, content: bytes) -> int:
        """Store one processed file in one transaction: the document (once per content), its
        disclosure (replaced when read again), a new audit run with its findings. The run's id."""
        now = datetime.now(UTC)
        with self.session() as session:
            document = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == outcome.sha256))
            if document is None:
                document = DocumentRow(sha256=outcome.sha256, name=outcome.name, format=outcome.format,
                                       size=outcome.size, pages=outcome.pages, content=content, added_at=now)
                session.add(document)
                session.flush()
            elif outcome.pages is not None:
                document.pages = outcome.pages
            audit = outcome.audit or {}
            if "disclosure" in audit:
                _put_disclosure(session, document, audit, outcome.yusuan_version)
            summary = audit.get("summary", {})
            findings = audit.get("findings", [])
            run = AuditRunRow(document_id=document.id, catalogue_version=outcome.catalogue_version,
                              yusuan_version=outcome.yusuan_version, finished_at=now, seconds=outcome.seconds,
                              status=outcome.status.value, reason=outcome.reason,
                              errors=summary.get("errors", 0), warnings=summary.get("warnings", 0),
                              notices=summary.get("notices", 0),
                              by_family=json.dumps(_by_family(findings), ensure_ascii=False, sort_keys=True))
            session.add(run)
            session.flush()
            session.add_all(FindingRow(run_id=run.id, ordinal=i, rule=f["rule"], severity=f["severity"],
                                       message=f["message"], expected=f.get("expected"), actual=f.get("actual"),
                                       unit=f.get("unit"), evidence=json.dumps(f.get("evidence", []), ensure_ascii=False))
                            for i, f in enumerate(findings))
            return run.id

    def review(self, finding_id: int, decision: Decision, reviewer: str, comment: str = "") -> int:
        with self.session() as session:
            if session.get(FindingRow, finding_id) is None:
                raise StoreError(f"没有编号为 {finding_id} 的审核发现")
            row = ReviewRow(finding_id=finding_id, decision=Decision(decision).value, comment=comment,
                            reviewer=reviewer, decided_at=datetime.now(UTC))
            session.add(row)
            session.flush()
            return row.id

    def decisions(self, finding_id: int) -> list[tuple[Decision, str, str]]:
        with self.session() as session:
            rows = session.scalars(select(ReviewRow).where(ReviewRow.finding_id == finding_id).order_by(ReviewRow.id))
            return [(Decision(r.decision), r.reviewer, r.comment) for r in rows]

    # ---- reading --------------------------------------------------------------------------

    def listing(self, *, department: str | None = None, region: str | None = None, year: int | None = None,
                kind: str | None = None, status: Status | None = None, has_errors: bool | None = None,
                sha256s: list[str] | None = None, document_ids: list[int] | None = None,
                regions: tuple[str, ...] | list[str] | None = None,
                page: int = 1, per_page: int = 50,
                order: str = "errors") -> list[Listing]:
        """Documents with their latest run, filtered, ranked (by errors, then warnings, or by
        name / department / year) and paged."""
        query = latest_runs()
        filters = {DisclosureRow.department: department, DisclosureRow.region: region, DisclosureRow.year: year,
                   DisclosureRow.kind: kind, AuditRunRow.status: status.value if status else None}
        for column, value in filters.items():
            if value is not None:
                query = query.where(column == value)
        if has_errors is not None:
            query = query.where((AuditRunRow.errors > 0) if has_errors else (AuditRunRow.errors == 0))
        if sha256s is not None:
            query = query.where(DocumentRow.sha256.in_(sha256s))
        if document_ids is not None:
            query = query.where(DocumentRow.id.in_(document_ids))
        if regions:  # an account's regions: documents of a region starting with one of them
            query = query.where(in_regions(regions))
        orders = {
            "errors": (AuditRunRow.errors.desc(), AuditRunRow.warnings.desc(), DocumentRow.name),
            "name": (DocumentRow.name,),
            "department": (DisclosureRow.department, DisclosureRow.year, DocumentRow.name),
            "year": (DisclosureRow.year.desc(), DisclosureRow.department, DocumentRow.name),
        }
        query = query.order_by(*orders.get(order, orders["errors"])).offset((page - 1) * per_page).limit(per_page)
        with self.session() as session:
            return [_listing(document, disclosure, run) for document, disclosure, run in session.execute(query)]

    def document(self, document_id: int) -> Listing | None:
        """One document as lists show it (its latest run), or None."""
        found = self.listing(document_ids=[document_id], per_page=1)
        return found[0] if found else None

    def disclosure_body(self, document_id: int) -> str | None:
        """The stored yusuan.disclosure JSON of a document, or None (not read, or not a disclosure)."""
        with self.session() as session:
            return session.scalar(select(DisclosureRow.body).where(DisclosureRow.document_id == document_id))

    def facets(self, regions: tuple[str, ...] | list[str] | None = None) -> tuple[list[str], list[int]]:
        """The departments and years stored (within the given regions), for pickers."""
        departments = select(DisclosureRow.department).where(DisclosureRow.department.is_not(None)).distinct()
        years = select(DisclosureRow.year).where(DisclosureRow.year.is_not(None)).distinct()
        if regions:
            scope = in_regions(regions)
            departments, years = departments.where(scope), years.where(scope)
        with self.session() as session:
            return (sorted(d for d in session.scalars(departments) if d),
                    sorted((y for y in session.scalars(years) if y), reverse=True))

    def count(self, regions: tuple[str, ...] | list[str] = ()) -> int:
        """Documents stored (those of `regions` only, when an account is limited to some)."""
        query = select(func.count(DocumentRow.id))
        if regions:
            query = query.join(DisclosureRow, DisclosureRow.document_id == DocumentRow.id).where(in_regions(regions))
        with self.session() as session:
            return session.scalar(query) or 0

    def findings(self, run_id: int) -> list[dict[str, Any]]:
        """A run's findings, each with its latest review decision (None when not reviewed)."""
        with self.session() as session:
            rows = list(session.scalars(select(FindingRow).where(FindingRow.run_id == run_id).order_by(FindingRow.ordinal)))
            latest: dict[int, ReviewRow] = {}
            if rows:
                for review in session.scalars(select(ReviewRow).where(ReviewRow.finding_id.in_([r.id for r in rows]))
                                              .order_by(ReviewRow.id)):
                    latest[review.finding_id] = review
            return [{"id": r.id, "rule": r.rule, "severity": r.severity, "message": r.message,
                     "expected": r.expected, "actual": r.actual, "unit": r.unit,
                     "evidence": json.loads(r.evidence),
                     "review": ({"decision": latest[r.id].decision, "reviewer": latest[r.id].reviewer,
                                 "comment": latest[r.id].comment, "at": latest[r.id].decided_at.isoformat()}
                                if r.id in latest else None)} for r in rows]

    def finding_document(self, finding_id: int) -> int | None:
        """The document a finding belongs to."""
        with self.session() as session:
            return session.scalar(select(AuditRunRow.document_id).join(FindingRow, FindingRow.run_id == AuditRunRow.id)
                                  .where(FindingRow.id == finding_id))

    def content(self, sha256: str) -> bytes | None:
        with self.session() as session:
            document = session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            return document.content if document is not None else None

    def runs(self, sha256: str) -> list[tuple[str, str]]:
        """(catalogue version, status) of every run of a document, oldest first."""
        with self.session() as session:
            rows = session.execute(select(AuditRunRow.catalogue_version, AuditRunRow.status).join(DocumentRow)
                                   .where(DocumentRow.sha256 == sha256).order_by(AuditRunRow.id))
            return [(version, status) for version, status in rows]


def latest_runs() -> Any:
    """Every document with its latest audit run and its disclosure (outer: a failed file has none)."""
    latest = (select(AuditRunRow.document_id, func.max(AuditRunRow.id).label("run_id"))
              .group_by(AuditRunRow.document_id).subquery())
    return (select(DocumentRow, DisclosureRow, AuditRunRow)
            .join(latest, latest.c.document_id == DocumentRow.id)
            .join(AuditRunRow, AuditRunRow.id == latest.c.run_id)
            .outerjoin(DisclosureRow, DisclosureRow.document_id == DocumentRow.id))


def in_regions(regions: tuple[str, ...] | list[str]) -> Any:
    """An account's regions: disclosures of a region starting with one of them."""
    return or_(*(DisclosureRow.region.startswith(r, autoescape=True) for r in regions))


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def _put_disclosure(session: Session, document: DocumentRow, audit: dict[str, Any], version: str) -> None:
    disclosure = audit["disclosure"]
    meta = disclosure.get("meta", {})
    figures = disclosure.get("figures", {})
    values = {
        "yusuan_version": version, "department": meta.get("department"), "region": meta.get("region"),
        "year": meta.get("year"), "kind": meta.get("kind") or "budget", "scope": meta.get("scope"),
        "body": json.dumps(disclosure, ensure_ascii=False, sort_keys=True),
        **{key: _decimal((figures.get(key) or {}).get("value")) for key in FIGURE_COLUMNS},
    }
    row = session.scalar(select(DisclosureRow).where(DisclosureRow.document_id == document.id))
    if row is None:
        session.add(DisclosureRow(document_id=document.id, **values))
    else:
        for key, value in values.items():
            setattr(row, key, value)


def _by_family(findings: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for finding in findings:
        family = finding["rule"].split("-")[0]
        counts.setdefault(family, {}).setdefault(finding["severity"], 0)
        counts[family][finding["severity"]] += 1
    return counts


def _listing(document: DocumentRow, disclosure: DisclosureRow | None, run: AuditRunRow) -> Listing:
    return Listing(
        document_id=document.id, name=document.name, sha256=document.sha256, format=document.format,
        pages=document.pages, status=Status(run.status), reason=run.reason,
        department=disclosure.department if disclosure else None, region=disclosure.region if disclosure else None,
        year=disclosure.year if disclosure else None, kind=disclosure.kind if disclosure else None,
        scope=disclosure.scope if disclosure else None,
        errors=run.errors, warnings=run.warnings, notices=run.notices, by_family=json.loads(run.by_family),
        figures={key: getattr(disclosure, key) if disclosure else None for key in FIGURE_COLUMNS},
        run_id=run.id, catalogue_version=run.catalogue_version)
