"""Pair each project of the project tables with its performance-target table.

Names are printed with small variations between the two (spaces, brackets, a dropped year), so
pairing goes from exact code, to exact normalised name, to the most similar name when that is
clearly the best candidate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from ..model import Disclosure, PerformanceTarget, Project
from ..money import Unit, convert
from .claims import normal_name
from .findings import Evidence

SIMILAR = 0.75


@dataclass
class Pairing:
    pairs: list[tuple[Project, PerformanceTarget, str]]  # how: "code", "name", "similar"
    projects_alone: list[Project]
    targets_alone: list[PerformanceTarget]


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, normal_name(a), normal_name(b), autojunk=False).ratio()


def pair(d: Disclosure) -> Pairing:
    projects = [p for p in d.projects if p.source_table in ("projects", "projects_carryover")]
    targets = list(d.performance)
    pairs: list[tuple[Project, PerformanceTarget, str]] = []
    for how, same in (("code", lambda p, t: bool(p.code and t.code and p.code == t.code)),
                      ("name", lambda p, t: normal_name(p.name) == normal_name(t.name))):
        for project in list(projects):
            target = next((t for t in targets if same(project, t)), None)
            if target is not None:
                pairs.append((project, target, how))
                projects.remove(project)
                targets.remove(target)
    scored = sorted(((_similarity(p.name, t.name), i, j) for i, p in enumerate(projects) for j, t in enumerate(targets)),
                    reverse=True)
    used_p: set[int] = set()
    used_t: set[int] = set()
    for score, i, j in scored:
        if score < SIMILAR:
            break
        if i in used_p or j in used_t:
            continue
        used_p.add(i)
        used_t.add(j)
        pairs.append((projects[i], targets[j], "similar"))
    return Pairing(pairs, [p for i, p in enumerate(projects) if i not in used_p],
                   [t for j, t in enumerate(targets) if j not in used_t])


def amounts(pairing: Pairing) -> Iterator[tuple[Project, PerformanceTarget, Decimal, Decimal]]:
    """Pairs where both sides state an amount, with both amounts in 万元."""
    for project, target, _ in pairing.pairs:
        if project.amount is not None and target.amount is not None:
            yield (project, target, convert(project.amount, project.unit or Unit.WAN, Unit.WAN),
                   convert(target.amount, target.unit or Unit.WAN, Unit.WAN))


def project_evidence(project: Project) -> Evidence:
    return Evidence(f"项目支出表 · {project.name}", project.location, project.amount,
                    (project.unit or Unit.WAN).value, project.source_table, project.name, "total")


def target_evidence(target: PerformanceTarget) -> Evidence:
    return Evidence(f"绩效目标表 · {target.name} · 资金总额", target.location, target.amount,
                    (target.unit or Unit.WAN).value, "project_performance", target.name)
