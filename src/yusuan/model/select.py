"""Pick rows of a table the way the catalogues name them (figures.toml, xtab.toml sources)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .disclosure import Row, Table
from .text import plain_label


def select_rows(table: Table, source: Mapping[str, Any]) -> list[Row]:
    """Rows a catalogue source names: in one side (`section`) of a two-sided table, the 合计 row
    (`role`), or rows whose plain label matches `row` — optionally only the two rows right after
    the row matching `after` (the 其中 under 一般公共预算)."""
    rows = [r for r in table.rows if not source.get("section") or r.section == source["section"]]
    if source.get("role"):
        return [r for r in rows if r.role == source["role"] and (source.get("section") or not r.section)][:1]
    if source.get("after"):
        after = re.compile(source["after"])
        start = next((i for i, r in enumerate(rows) if after.search(plain_label(r.label))), None)
        rows = [] if start is None else rows[start + 1: start + 3]
    if source.get("row"):
        pattern = re.compile(source["row"])
        return [r for r in rows if pattern.search(plain_label(r.label))]
    return rows[:1]
