"""Alembic environment: always run by yusuan itself (Store.migrate) on a connection it opened."""

from __future__ import annotations

from alembic import context

from yusuan.store.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
