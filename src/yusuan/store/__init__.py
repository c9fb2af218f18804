"""The store: documents, the disclosures read from them, audit runs, findings and review
decisions, in one database — a SQLite file by default (nothing to set up), PostgreSQL for teams —
through SQLAlchemy 2, its schema kept by Alembic migrations.

The store knows records, not formats or rules: what goes in is an `Outcome` (what processing one
file gave), what comes out are rows to list, compare and export."""

from .database import Store, database_url, default_url
from .outcome import Outcome, Status
from .schema import Decision

__all__ = ["Decision", "Outcome", "Status", "Store", "database_url", "default_url"]
