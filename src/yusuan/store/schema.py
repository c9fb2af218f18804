"""Tables of the store. The schema itself is created and changed only by the Alembic migrations
in `migrations/versions` (tests check that the models and the migrations agree)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MONEY = Numeric(20, 4)  # 万元, four decimals: every printed 元 amount survives the conversion


class Decision(StrEnum):
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class Role(StrEnum):
    """What an account may do in team mode: look, also review and upload, also manage accounts."""

    VIEWER = "viewer"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """A file, once per content (sha256): importing the same file again finds this row."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(1024))
    format: Mapped[str] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # the stored copy, loaded only when asked
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    disclosure: Mapped[DisclosureRow | None] = relationship(back_populates="document", uselist=False)
    runs: Mapped[list[AuditRunRow]] = relationship(back_populates="document", order_by="AuditRunRow.id")


class DisclosureRow(Base):
    """The disclosure read from a document (the lossless JSON) with the columns people filter
    and compare by. Re-reading with a newer yusuan replaces it; audit runs keep their history."""

    __tablename__ = "disclosures"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    yusuan_version: Mapped[str] = mapped_column(String(32))
    department: Mapped[str | None] = mapped_column(String(256), index=True)
    region: Mapped[str | None] = mapped_column(String(128), index=True)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    scope: Mapped[str | None] = mapped_column(String(16))
    total_income: Mapped[Decimal | None] = mapped_column(MONEY)
    total_expenditure: Mapped[Decimal | None] = mapped_column(MONEY)
    basic_expenditure: Mapped[Decimal | None] = mapped_column(MONEY)
    project_expenditure: Mapped[Decimal | None] = mapped_column(MONEY)
    three_public_total: Mapped[Decimal | None] = mapped_column(MONEY)
    running_cost: Mapped[Decimal | None] = mapped_column(MONEY)
    body: Mapped[str] = mapped_column(Text, deferred=True)  # yusuan.disclosure JSON
    document: Mapped[DocumentRow] = relationship(back_populates="disclosure")


class AuditRunRow(Base):
    """One processing of a document under one rule catalogue version."""

    __tablename__ = "audit_runs"
    __table_args__ = (Index("ix_audit_runs_document_catalogue", "document_id", "catalogue_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    catalogue_version: Mapped[str] = mapped_column(String(32))
    yusuan_version: Mapped[str] = mapped_column(String(32))
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seconds: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    notices: Mapped[int] = mapped_column(Integer, default=0)
    by_family: Mapped[str] = mapped_column(Text, default="{}")  # {"ARITH": {"error": 1, …}, …} as JSON
    document: Mapped[DocumentRow] = relationship(back_populates="runs")
    findings: Mapped[list[FindingRow]] = relationship(back_populates="run", order_by="FindingRow.ordinal")


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("audit_runs.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(16), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(String(64))  # decimal text, as the report prints it
    actual: Mapped[str | None] = mapped_column(String(64))
    unit: Mapped[str | None] = mapped_column(String(16))
    evidence: Mapped[str] = mapped_column(Text)  # the evidence list (locations included) as JSON
    run: Mapped[AuditRunRow] = relationship(back_populates="findings")
    decisions: Mapped[list[ReviewRow]] = relationship(back_populates="finding", order_by="ReviewRow.id")


class ReviewRow(Base):
    """A reviewer's decision on a finding; decisions are added, never overwritten (the trail)."""

    __tablename__ = "review_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finding: Mapped[FindingRow] = relationship(back_populates="decisions")


class UserRow(Base):
    """An account of team mode. `regions`: the regions (prefixes such as 上海市普陀区) whose
    documents it sees, one per line; empty: all."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    regions: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
