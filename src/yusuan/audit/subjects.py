"""The things narrative claims and performance tables are about, as the recogniser recorded them
(Claim.figure/projects/targets, PerformanceTarget.project), turned into evidence the rules compare.
Nothing here decides what a claim means: it only reads the model."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..model import (
    PAIRED_TABLES,
    Claim,
    ClaimKind,
    Direction,
    Disclosure,
    Evidence,
    Figure,
    NarrativeSection,
    Paragraph,
    PerformanceTarget,
    Project,
    TableKind,
    Unit,
)
from ..model.money import convert
from ..model.text import bracket_depths

MONEY_UNITS = ("万元", "元")


@dataclass
class Quantity:
    """A table quantity a claim can be compared with, in 万元 (and as printed)."""

    name: str
    value: Decimal
    printed: Decimal
    unit: Unit
    evidence: Evidence


def money_amount(claim: Claim) -> bool:
    """An amount of money (not a change, share or count)."""
    return claim.kind == ClaimKind.AMOUNT and claim.unit in MONEY_UNITS


def signed(claim: Claim) -> Decimal:
    """A change's value with its direction as the sign."""
    return -claim.value if claim.direction == Direction.DECREASE else claim.value


def money_claims(d: Disclosure) -> Iterator[Claim]:
    for _, claim in d.claims():
        if money_amount(claim):
            yield claim


def claim_wan(claim: Claim) -> Decimal:
    return convert(claim.value, Unit(claim.unit or "万元"), Unit.WAN)


def figure_of(d: Disclosure, claim: Claim) -> Figure | None:
    """The table-sourced key figure the claim's subject names, if the recogniser found one."""
    return d.figures.get(claim.figure) if claim.figure else None


def figure_quantity(figure: Figure, name: str) -> Quantity:
    return Quantity(name, figure.value, figure.value, Unit.WAN,
                    Evidence(f"{figure.source} · {name}", figure.location, figure.value, "万元", figure.source))


def named_items(d: Disclosure, claim: Claim) -> list[Quantity]:
    """The projects, then the performance targets, the claim's subject names."""
    return ([_project_quantity(d.projects[i]) for i in claim.projects]
            + [_target_quantity(d.performance[i]) for i in claim.targets])


def _project_quantity(project: Project) -> Quantity:
    assert project.amount is not None
    unit = project.unit or Unit.WAN
    evidence = replace(project_evidence(project), what=f"{project.source_table} · {project.name}")
    return Quantity(project.name, convert(project.amount, unit, Unit.WAN), project.amount, unit, evidence)


def _target_quantity(target: PerformanceTarget) -> Quantity:
    assert target.amount is not None
    unit = target.unit or Unit.WAN
    evidence = replace(target_evidence(target), what=f"绩效目标表 · {target.name}")
    return Quantity(target.name, convert(target.amount, unit, Unit.WAN), target.amount, unit, evidence)


def pairs(d: Disclosure) -> list[tuple[Project, PerformanceTarget]]:
    return [(d.projects[t.project], t) for t in d.performance if t.project is not None]


def projects_alone(d: Disclosure) -> list[Project]:
    paired = {t.project for t in d.performance}
    return [p for i, p in enumerate(d.projects) if p.source_table in PAIRED_TABLES and i not in paired]


def targets_alone(d: Disclosure) -> list[PerformanceTarget]:
    """Project target tables no project was found for (a special fund's are not expected to have one)."""
    return [t for t in d.performance if t.project is None and t.source_table == TableKind.PROJECT_PERFORMANCE]


def paired_amounts(d: Disclosure) -> Iterator[tuple[Project, PerformanceTarget, Decimal, Decimal]]:
    """Pairs where both sides state an amount, with both amounts in 万元."""
    for project, target in pairs(d):
        if project.amount is not None and target.amount is not None:
            yield (project, target, convert(project.amount, project.unit or Unit.WAN, Unit.WAN),
                   convert(target.amount, target.unit or Unit.WAN, Unit.WAN))


def project_evidence(project: Project) -> Evidence:
    return Evidence(f"项目支出表 · {project.name}", project.location, project.amount,
                    (project.unit or Unit.WAN).value, project.source_table, project.name, "total")


def target_evidence(target: PerformanceTarget) -> Evidence:
    return Evidence(f"绩效目标表 · {target.name} · 资金总额", target.location, target.amount,
                    (target.unit or Unit.WAN).value, "project_performance", target.name)


@dataclass
class Sentence:
    """One sentence of the narrative (up to 。), with the claims printed in it, in order. A
    sentence a printed line leaves open (a list after "其中：" set one item per line) continues
    on the next lines of its section."""

    paragraph: Paragraph  # the line it starts on
    section: NarrativeSection
    text: str
    claims: list[Claim]
    line: list[Claim]  # every claim of the lines it spans, the sentence's among them
    positions: dict[int, int] = field(default_factory=dict)  # id(claim) → offset in text
    _starts: list[int] | None = field(default=None, repr=False)
    _depths: list[int] | None = field(default=None, repr=False)

    def at(self, claim: Claim) -> int:
        return self.positions[id(claim)]

    def between(self, start: int, end: int) -> list[Claim]:
        """The claims printed in text[start:end] (claims are in reading order: bisection)."""
        starts = [self.positions[id(c)] for c in self.claims] if self._starts is None else self._starts
        self._starts = starts
        return self.claims[bisect_left(starts, start):bisect_left(starts, end)]

    def bracketed(self, at: int) -> bool:
        """Whether position `at` stands inside brackets (a remark, not the statement's figure)."""
        if self._depths is None:
            self._depths = bracket_depths(self.text)
        return at < len(self._depths) and self._depths[at] > 0


_SENTENCE_END = "。！？"
MAX_CONTINUED_LINES = 12


def claims_by_line(section: NarrativeSection) -> dict[int | None, list[Claim]]:
    """A section's claims with a place in their line, by printed line, in reading order."""
    found: dict[int | None, list[Claim]] = {}
    for claim in section.claims:
        if claim.offset is not None:
            found.setdefault(claim.location.line, []).append(claim)
    return found


def sentences(d: Disclosure) -> Iterator[Sentence]:
    """Every sentence of the narrative with its claims (placed by the claim's offset in its
    line). Linear in the text: each line's claims are walked once, in order."""
    for section in d.narrative:
        by_line = claims_by_line(section)
        open_: Sentence | None = None
        continued = 0
        for paragraph in section.paragraphs:
            text = paragraph.text
            claims = sorted(by_line.get(paragraph.location.line, []), key=lambda c: c.offset or 0)
            next_claim = 0
            start = 0
            ends = [i + 1 for i, ch in enumerate(text) if ch in _SENTENCE_END]
            for end in [*ends, len(text)]:
                if end <= start:
                    continue
                first = next_claim
                while next_claim < len(claims) and (claims[next_claim].offset or 0) < end:
                    next_claim += 1
                inside = claims[first:next_claim]
                if open_ is None:
                    open_ = Sentence(paragraph, section, "", [], claims)
                elif start == 0:  # carried over from the line before: it spans this line too
                    open_.line = [*open_.line, *claims]
                base = len(open_.text) - start
                open_.text += text[start:end]
                open_.claims += inside
                open_.positions.update({id(c): base + (c.offset or 0) for c in inside})
                start = end
                if text[end - 1] in _SENTENCE_END or continued >= MAX_CONTINUED_LINES:
                    yield open_
                    open_, continued = None, 0
            if open_ is not None:
                continued += 1
        if open_ is not None:
            yield open_
