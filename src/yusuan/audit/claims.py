"""Which table quantity a narrative claim speaks about.

A claim's subject is the phrase just before its number. It names a key figure (catalogue
narrative.toml), a project or a performance target. Claims about another year are left alone:
"2023年预算收入…" is not this year's 收入.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..catalogue import audit_catalogue
from ..model import Claim, Disclosure, Figure
from ..money import Unit, convert
from ..recognize.text import compact
from .findings import Evidence

_BRACKETS = str.maketrans("（）［］【】", "()[][]")


@dataclass
class Target:
    """A table quantity a claim can be compared with, in 万元."""

    name: str
    value: Decimal
    printed: Decimal
    unit: Unit
    evidence: Evidence


def money_claims(d: Disclosure) -> Iterator[Claim]:
    for section in d.narrative:
        for claim in section.claims:
            if claim.kind == "amount" and claim.unit in ("万元", "元"):
                yield claim


def other_year(d: Disclosure, subject: str) -> bool:
    if any(re.search(p, subject) for p in audit_catalogue("narrative.toml")["previous_year"]["patterns"]):
        return True
    years = [int(y) for y in re.findall(r"(20\d{2})年", subject)]
    return bool(d.meta.year and any(y != d.meta.year for y in years))


def claim_wan(claim: Claim) -> Decimal:
    return convert(claim.value, Unit(claim.unit or "万元"), Unit.WAN)


def core_subject(d: Disclosure, subject: str) -> str:
    """The subject without department name, year, linking words and 2024年-style prefixes."""
    trim = audit_catalogue("narrative.toml")["subject_trim"]
    text = re.sub(r"^.*\d{4}年度?", "", compact(subject))
    department = compact(d.meta.department or "")
    if department and text.startswith(department):
        text = text[len(department):]
    for _ in range(3):
        text = re.sub(trim["leading"], "", text)
        text = re.sub(trim["trailing"], "", text)
    return text


def sentence_before(d: Disclosure, claim: Claim) -> str:
    """The printed line up to the claim's subject, for scope words such as 一般公共预算 (which a
    "其中：基本支出…" sentence inherits from the sentence before it)."""
    for section in d.narrative:
        for paragraph in section.paragraphs:
            if paragraph.location.line == claim.location.line and claim.offset is not None:
                head = paragraph.text[: claim.offset]
                return head[: max(0, len(head) - len(claim.subject))]
    return ""


def figure_for(d: Disclosure, claim: Claim) -> Figure | None:
    """The table-sourced key figure the claim's subject names, if any."""
    if other_year(d, claim.subject):
        return None
    subject = core_subject(d, claim.subject)
    for entry in audit_catalogue("narrative.toml")["subject"]:
        if re.search(entry["pattern"], subject):
            if entry.get("unless") and re.search(entry["unless"], sentence_before(d, claim)):
                return None
            figure = d.figures.get(entry["figure"])
            if figure is not None and figure.source != "narrative" and figure.unit is not None:
                return figure
            return None
    return None


def figure_target(figure: Figure, name: str) -> Target:
    return Target(name, figure.value, figure.value, Unit.WAN,
                  Evidence(f"{figure.source} · {name}", figure.location, figure.value, "万元", figure.source))


def normal_name(name: str) -> str:
    text = compact(name).translate(_BRACKETS)
    return re.sub(r"[“”\"'、，,。.·\-—_]", "", text)


def item_targets(d: Disclosure) -> list[Target]:
    """Projects (project tables) and performance targets, by name."""
    found: list[Target] = []
    for project in d.projects:
        if project.amount is not None:
            unit = project.unit or Unit.WAN
            found.append(Target(project.name, convert(project.amount, unit, Unit.WAN), project.amount, unit,
                                Evidence(f"{project.source_table} · {project.name}", project.location, project.amount,
                                         unit.value, project.source_table, project.name, "total")))
    for target in d.performance:
        if target.amount is not None:
            unit = target.unit or Unit.WAN
            found.append(Target(target.name, convert(target.amount, unit, Unit.WAN), target.amount, unit,
                                Evidence(f"绩效目标表 · {target.name}", target.location, target.amount, unit.value,
                                         "project_performance", target.name)))
    return found


def names_match(subject: str, name: str) -> bool:
    a, b = normal_name(subject), normal_name(name)
    if len(a) < 4 or len(b) < 4:
        return False
    return a == b or a.endswith(b) or (len(a) >= 6 and b.endswith(a))

