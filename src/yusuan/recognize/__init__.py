"""Layout → Disclosure. The recogniser knows budgets, not formats."""

from __future__ import annotations

from ..model import Disclosure, Source
from ..readers.layout import Layout
from .classification import link_classification_claims
from .figures import key_figures
from .meta import detect_meta
from .narrative import narrative_sections
from .projects import performance_targets, projects, untitled_targets
from .segment import segment
from .tables import build_table


def recognize(layout: Layout) -> Disclosure:
    meta = detect_meta(layout.lines)
    disclosure = Disclosure(source=Source(layout.path, layout.sha256, layout.format), meta=meta)
    blocks, rest, toc = segment(layout.lines)
    disclosure.toc = toc
    disclosure.tables = [build_table(block, layout.path, meta.year, meta.unit) for block in blocks]
    untitled, rest = untitled_targets(rest, layout.path)
    disclosure.narrative = narrative_sections(rest, layout.path)
    link_classification_claims(disclosure)
    disclosure.projects = projects(disclosure.tables)
    disclosure.performance = performance_targets(blocks, disclosure.tables, layout.path) + untitled
    disclosure.figures = key_figures(disclosure)
    for table in disclosure.tables:
        disclosure.warnings.extend(f"{table.title}：{w}" for w in table.warnings)
    disclosure.warnings.extend(layout.warnings)
    return disclosure
