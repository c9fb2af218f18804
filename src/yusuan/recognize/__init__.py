"""Layout → Disclosure. The recogniser knows budgets, not formats.

Two passes: `recognize` reads the parts (tables, narrative, projects, targets, 目录) off the
layout; `understand` then works out what they mean — row trees and certainty, key figures, what
each claim refers to, project ↔ target pairs — and writes it into the model, so that everything
downstream reads it instead of redoing it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator

from ..model import Disclosure, DocumentKind, Location, Meta, Source
from ..model.layout import Layout
from ..model.serialize import canonical
from .classification import link_classification_claims
from .content import untitled_tables
from .figures import key_figures
from .meta import detect_meta, printed_names
from .narrative import narrative_sections
from .pairing import pair_targets
from .projects import org_targets, performance_targets, projects, untitled_targets
from .references import link_claims
from .segment import segment
from .structure import understand_table
from .tables import build_table

__all__ = ["recognize", "recognize_as_one", "understand"]


def recognize(layout: Layout) -> Disclosure:
    """One file's disclosure, understood."""
    return recognize_as_one([layout])


def recognize_as_one(layouts: list[Layout]) -> Disclosure:
    """Several files published as parts of one disclosure (the narrative in one PDF, the tables
    in another): each part is read on its own, then the whole is understood together, so the
    narrative is checked against the other file's tables."""
    if not layouts:
        raise ValueError("recognize_as_one needs at least one layout")
    parts = [_read_parts(layout) for layout in layouts]
    whole = parts[0]
    if len(parts) > 1:
        whole.parts = [p.source for p in parts]
        whole.source = _joined_source(whole.parts)
        whole.meta = _joined_meta([p.meta for p in parts])
        for part in parts[1:]:
            whole.tables += part.tables
            whole.narrative += part.narrative
            whole.projects += part.projects
            whole.performance += part.performance
            whole.toc += part.toc
            whole.warnings += part.warnings
            whole.pages += part.pages
            whole.printed_names += part.printed_names
    _relate(whole)  # its tables were understood as they were read
    whole.excerpts = _excerpts(whole, layouts)
    return canonical(whole)


def _read_parts(layout: Layout) -> Disclosure:
    """Tables, narrative, projects, targets and 目录 as printed, not yet understood."""
    meta = detect_meta(layout.lines)
    disclosure = Disclosure(source=Source(layout.path, layout.sha256, layout.format), meta=meta)
    blocks, rest, toc = segment(layout.lines)
    disclosure.toc = toc
    untitled, rest = untitled_targets(rest)
    inferred, rest = untitled_tables(rest)
    disclosure.tables = [build_table(block, meta.year, meta.unit) for block in blocks]
    for block in inferred:
        table = build_table(block, meta.year, meta.unit)
        table.kind_inferred = True
        disclosure.tables.append(table)
    for table in disclosure.tables:
        understand_table(table)  # projects are taken only from rows read with certainty
    disclosure.narrative = narrative_sections(rest)
    disclosure.projects = projects(disclosure.tables)
    disclosure.performance = performance_targets(blocks, disclosure.tables[:len(blocks)]) + untitled
    disclosure.org_targets = org_targets(blocks, disclosure.tables[:len(blocks)])
    for table in disclosure.tables:
        disclosure.warnings.extend(f"{table.title}：{w}" for w in table.warnings)
    disclosure.warnings.extend(layout.warnings)
    disclosure.pages = list(layout.pages)
    disclosure.printed_names = printed_names(layout.lines)
    return disclosure


def _joined_source(parts: list[Source]) -> Source:
    digest = hashlib.sha256("".join(p.sha256 for p in parts).encode()).hexdigest()
    return Source(" + ".join(p.path for p in parts), digest, parts[0].format)


def _joined_meta(metas: list[Meta]) -> Meta:
    """What the parts say, the first that says it; a final account if any part is one."""
    joined = Meta()
    for field in dataclasses.fields(Meta):
        values = [getattr(m, field.name) for m in metas if getattr(m, field.name) not in (None, False)]
        if values:
            setattr(joined, field.name, values[0])
    if any(m.kind == DocumentKind.FINAL_ACCOUNT for m in metas):
        joined.kind = DocumentKind.FINAL_ACCOUNT
    return joined


def understand(disclosure: Disclosure) -> Disclosure:
    """Derive what the parts mean and write it into the model (idempotent). Also used on
    disclosures built by hand (tests) so that they carry what a recognised one carries."""
    for table in disclosure.tables:
        understand_table(table)
    return _relate(disclosure)


def _relate(disclosure: Disclosure) -> Disclosure:
    """What ties the parts together: classification lines, key figures, claims, pairs."""
    link_classification_claims(disclosure)
    disclosure.figures = key_figures(disclosure)
    link_claims(disclosure)
    pair_targets(disclosure)
    return disclosure


def _excerpts(disclosure: Disclosure, layouts: list[Layout]) -> dict[str, dict[int, str]]:
    """The printed text of every source line a located value of the disclosure stands on."""
    wanted: dict[str, set[int]] = {}
    for location in _locations(disclosure):
        if location.line is not None:
            wanted.setdefault(location.file, set()).add(location.line)
    printed: dict[str, dict[int, str]] = {}
    for layout in layouts:
        lines = wanted.get(layout.path, set())
        found = printed.setdefault(layout.path, {})
        for line in layout.lines:
            if line.line in lines and line.line not in found:
                found[line.line] = line.printed
    return {path: found for path, found in printed.items() if found}


def _locations(d: Disclosure) -> Iterator[Location]:
    """Every location the disclosure holds (evidence can only point at these)."""
    for table in d.tables:
        yield table.location
        yield from (row.location for row in table.rows)
    for section in d.narrative:
        yield section.location
        yield from (p.location for p in section.paragraphs)
        yield from (c.location for c in section.claims)
    yield from (p.location for p in d.projects)
    for target in d.performance:
        yield target.location
        yield from (i.location for i in target.indicators)
    for org in d.org_targets:
        yield org.location
        yield from (a.location for a in [*([org.total] if org.total else []), *org.structure])
    yield from (f.location for f in d.figures.values())
    yield from (e.location for e in d.toc)
    yield from (n.location for n in d.printed_names)
