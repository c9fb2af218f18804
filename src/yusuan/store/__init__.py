"""The store: documents, the disclosures read from them, audit runs, findings and review
decisions, in one database — a SQLite file by default (nothing to set up), PostgreSQL for teams —
through SQLAlchemy 2, its schema kept by Alembic migrations.

The store knows records, not formats or rules: what goes in is an `Outcome` (what processing one
file gave), what comes out are rows to list, compare and export. Importing this package is
cheap (a batch's worker processes need only `Outcome`); SQLAlchemy loads with `Store`."""

from __future__ import annotations

from typing import Any

from .outcome import Outcome, Status

__all__ = ["Decision", "Outcome", "Status", "Store", "StoreError", "database_url", "default_url"]


def __getattr__(name: str) -> Any:
    if name in ("Store", "StoreError", "database_url", "default_url"):
        from . import database

        return getattr(database, name)
    if name == "Decision":
        from .schema import Decision

        return Decision
    raise AttributeError(name)
