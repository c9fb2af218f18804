"""Documents, their disclosures, audit runs and findings.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

MONEY = sa.Numeric(20, 4)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(1024), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("pages", sa.Integer),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "disclosures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, unique=True),
        sa.Column("yusuan_version", sa.String(32), nullable=False),
        sa.Column("department", sa.String(256)),
        sa.Column("region", sa.String(128)),
        sa.Column("year", sa.Integer),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(16)),
        sa.Column("total_income", MONEY),
        sa.Column("total_expenditure", MONEY),
        sa.Column("basic_expenditure", MONEY),
        sa.Column("project_expenditure", MONEY),
        sa.Column("three_public_total", MONEY),
        sa.Column("running_cost", MONEY),
        sa.Column("body", sa.Text, nullable=False),
    )
    for column in ("department", "region", "year", "kind"):
        op.create_index(f"ix_disclosures_{column}", "disclosures", [column])
    op.create_table(
        "audit_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("catalogue_version", sa.String(32), nullable=False),
        sa.Column("yusuan_version", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("notices", sa.Integer, nullable=False),
        sa.Column("by_family", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_runs_document_catalogue", "audit_runs", ["document_id", "catalogue_version"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("audit_runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("expected", sa.String(64)),
        sa.Column("actual", sa.String(64)),
        sa.Column("unit", sa.String(16)),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_index("ix_findings_run_id", "findings", ["run_id"])
    op.create_index("ix_findings_rule", "findings", ["rule"])


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("audit_runs")
    op.drop_table("disclosures")
    op.drop_table("documents")
