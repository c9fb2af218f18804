"""Layout → Disclosure. The recogniser knows budgets, not formats.

Two passes: `recognize` reads the parts (tables, narrative, projects, targets, 目录) off the
layout; `understand` then works out what they mean — row trees and certainty, key figures, what
each claim refers to, project ↔ target pairs — and writes it into the model, so that everything
downstream reads it instead of redoing it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Disclosure, Location, Source
from ..model.layout import Layout
from ..model.serialize import canonical
from .classification import link_classification_claims
from .figures import key_figures
from .meta import detect_meta
from .narrative import narrative_sections
from .pairing import pair_targets
from .projects import performance_targets, projects, untitled_targets
from .references import link_claims
from .segment import segment
from .structure import understand_table
from .tables import build_table

__all__ = ["recognize", "understand"]


def recognize(layout: Layout) -> Disclosure:
    meta = detect_meta(layout.lines)
    disclosure = Disclosure(source=Source(layout.path, layout.sha256, layout.format), meta=meta)
    blocks, rest, toc = segment(layout.lines)
    disclosure.toc = toc
    disclosure.tables = [build_table(block, meta.year, meta.unit) for block in blocks]
    untitled, rest = untitled_targets(rest)
    disclosure.narrative = narrative_sections(rest)
    disclosure.projects = projects(disclosure.tables)
    disclosure.performance = performance_targets(blocks, disclosure.tables) + untitled
    for table in disclosure.tables:
        disclosure.warnings.extend(f"{table.title}：{w}" for w in table.warnings)
    disclosure.warnings.extend(layout.warnings)
    understand(disclosure)
    disclosure.excerpts = _excerpts(disclosure, layout)
    return canonical(disclosure)


def understand(disclosure: Disclosure) -> Disclosure:
    """Derive what the parts mean and write it into the model (idempotent). Also used on
    disclosures built by hand (tests) so that they carry what a recognised one carries."""
    for table in disclosure.tables:
        understand_table(table)
    link_classification_claims(disclosure)
    disclosure.figures = key_figures(disclosure)
    link_claims(disclosure)
    pair_targets(disclosure)
    return disclosure


def _excerpts(disclosure: Disclosure, layout: Layout) -> dict[int, str]:
    """The printed text of every source line a located value of the disclosure stands on."""
    wanted = {location.line for location in _locations(disclosure) if location.line is not None}
    printed: dict[int, str] = {}
    for line in layout.lines:
        if line.line in wanted and line.line not in printed:
            printed[line.line] = line.printed
    return printed


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
    yield from (f.location for f in d.figures.values())
    yield from (e.location for e in d.toc)
