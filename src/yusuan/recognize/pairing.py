"""Tie each performance-target table to its project of the project tables (written into
PerformanceTarget.project / paired_by).

Names are printed with small variations between the two (spaces, brackets, a dropped year), so
pairing goes from exact code, to exact normalised name, to the most similar remaining name
(greedily, best score first, at a similarity of at least 0.75).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..model import PAIRED_TABLES, Disclosure, Pairing, TableKind
from ..model.text import normal_name

SIMILAR = 0.75


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, normal_name(a), normal_name(b), autojunk=False).ratio()


def pair_targets(d: Disclosure) -> None:
    for target in d.performance:
        target.project = target.paired_by = None
    projects = [i for i, p in enumerate(d.projects) if p.source_table in PAIRED_TABLES]
    # a special fund's targets are a fund's, not a project's: never paired with the project table
    targets = [j for j, t in enumerate(d.performance) if t.source_table == TableKind.PROJECT_PERFORMANCE]
    for how, same in ((Pairing.CODE, lambda p, t: bool(p.code and t.code and p.code == t.code)),
                      (Pairing.NAME, lambda p, t: normal_name(p.name) == normal_name(t.name))):
        for i in list(projects):
            j = next((j for j in targets if same(d.projects[i], d.performance[j])), None)
            if j is not None:
                _tie(d, i, j, how)
                projects.remove(i)
                targets.remove(j)
    scored = sorted(((_similarity(d.projects[i].name, d.performance[j].name), i, j)
                     for i in projects for j in targets), reverse=True)
    used_p: set[int] = set()
    used_t: set[int] = set()
    for score, i, j in scored:
        if score < SIMILAR:
            break
        if i in used_p or j in used_t:
            continue
        used_p.add(i)
        used_t.add(j)
        _tie(d, i, j, Pairing.SIMILAR)


def _tie(d: Disclosure, project: int, target: int, how: Pairing) -> None:
    d.performance[target].project = project
    d.performance[target].paired_by = how
