"""Disclosure → the stable JSON contract `yusuan.disclosure/1` (documented in docs/json.md)."""

from __future__ import annotations

from typing import Any

from .model import Claim, Disclosure, Location, Row, Table
from .money import format_decimal

SCHEMA = "yusuan.disclosure/1"


def location_dict(location: Location) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("line", "end_line", "page", "column", "sheet", "row"):
        value = getattr(location, key)
        if value is not None:
            out[key] = value
    if location.bbox is not None:
        out["bbox"] = list(location.bbox)
    return out


def _row(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {
        "label": row.label,
        "code": row.code,
        "values": {k: format_decimal(v) for k, v in row.values.items()},
        "location": location_dict(row.location),
        "role": row.role,
    }
    if row.unit_code:
        out["unit_code"] = row.unit_code
    if row.section:
        out["section"] = row.section
    if row.texts:
        out["texts"] = row.texts
    if row.flags:
        out["flags"] = row.flags
    return out


def _table(table: Table) -> dict[str, Any]:
    return {
        "kind": table.kind,
        "title": table.title,
        "unit": table.unit.value if table.unit else None,
        "location": location_dict(table.location),
        "columns": table.columns,
        "empty_by_design": table.empty_by_design,
        "rows": [_row(r) for r in table.rows],
        "notes": table.notes,
        "warnings": table.warnings,
    }


def _claim(claim: Claim) -> dict[str, Any]:
    out = {
        "text": claim.text,
        "kind": claim.kind,
        "value": format_decimal(claim.value),
        "unit": claim.unit,
        "subject": claim.subject,
        "location": location_dict(claim.location),
    }
    if claim.direction:
        out["direction"] = claim.direction
    return out


def to_dict(disclosure: Disclosure) -> dict[str, Any]:
    meta = disclosure.meta
    return {
        "schema": SCHEMA,
        "source": {"path": disclosure.source.path, "sha256": disclosure.source.sha256,
                   "format": disclosure.source.format},
        "meta": {"department": meta.department, "year": meta.year, "kind": meta.kind,
                 "region": meta.region, "unit": meta.unit.value if meta.unit else None},
        "tables": [_table(t) for t in disclosure.tables],
        "figures": {
            key: {"value": format_decimal(f.value), "unit": f.unit.value if f.unit else None,
                  "source": f.source, "location": location_dict(f.location)}
            for key, f in disclosure.figures.items()
        },
        "narrative": [
            {"heading": s.heading, "location": location_dict(s.location), "claims": [_claim(c) for c in s.claims]}
            for s in disclosure.narrative
        ],
        "projects": [
            {"name": p.name, "type": p.project_type, "unit_code": p.unit_code,
             "amount": format_decimal(p.amount) if p.amount is not None else None,
             "unit": p.unit.value if p.unit else None, "table": p.source_table,
             "location": location_dict(p.location)}
            for p in disclosure.projects
        ],
        "performance": [
            {"name": t.name, "code": t.code,
             "amount": format_decimal(t.amount) if t.amount is not None else None,
             "unit": t.unit.value if t.unit else None, "location": location_dict(t.location),
             "indicators": [
                 {"level1": i.level1, "level2": i.level2, "name": i.name, "value": i.value_text,
                  "operator": i.operator, "number": format_decimal(i.number) if i.number is not None else None,
                  "unit": i.unit, "location": location_dict(i.location)}
                 for i in t.indicators
             ]}
            for t in disclosure.performance
        ],
        "toc": disclosure.toc,
        "warnings": disclosure.warnings,
    }
