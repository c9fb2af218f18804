"""What each narrative claim is about, written into the claim.

A claim's subject is the phrase just before its number. It names a key figure (catalogue
narrative.toml), a project or a performance target; a change ("比上年增加12万元") refers to an
amount said before it. Claims about another year are marked and never tied to this year's
figures: "2023年预算收入…" is not this year's 收入.
"""

from __future__ import annotations

import re

from ..catalogue import data
from ..model import Claim, ClaimKind, Disclosure, NarrativeSection
from ..model.text import compact, normal_name

_CHANGE_WORDS = re.compile(r"(与|比|较|同|对比)?(\d{4}年|上年)(预算)?(相比|比较)?|增加|减少|增长|下降|降低|提高|上升|持平")
_MONEY = ("万元", "元")


def link_claims(d: Disclosure) -> None:
    """Fill other_year, figure, projects, targets and base of every claim."""
    projects = [(i, normal_name(p.name)) for i, p in enumerate(d.projects) if p.amount is not None]
    targets = [(i, normal_name(t.name)) for i, t in enumerate(d.performance) if t.amount is not None]
    for section in d.narrative:
        for claim in section.claims:
            claim.other_year = _other_year(d, claim.subject)
        for claim in section.claims:
            if claim.kind == ClaimKind.AMOUNT and claim.unit in _MONEY:
                claim.figure = _figure_for(d, section, claim)
                subject = normal_name(claim.subject)
                claim.projects = [i for i, name in projects if _normal_names_match(subject, name)]
                claim.targets = [i for i, name in targets if _normal_names_match(subject, name)]
        for claim in section.claims:
            if claim.kind == ClaimKind.CHANGE_AMOUNT and claim.unit in _MONEY:
                base = _base_of(d, section, claim)
                claim.base = section.claims.index(base) if base is not None else None


def _other_year(d: Disclosure, subject: str) -> bool:
    if any(re.search(p, subject) for p in data("narrative.toml")["previous_year"]["patterns"]):
        return True
    years = [int(y) for y in re.findall(r"(20\d{2})年", subject)]
    return bool(d.meta.year and any(y != d.meta.year for y in years))


def core_subject(d: Disclosure, subject: str) -> str:
    """The subject without department name, year, linking words and 2024年-style prefixes."""
    trim = data("narrative.toml")["subject_trim"]
    text = re.sub(r"^.*\d{4}年度?", "", compact(subject))
    department = compact(d.meta.department or "")
    if department and text.startswith(department):
        text = text[len(department):]
    for _ in range(3):
        text = re.sub(trim["leading"], "", text)
        text = re.sub(trim["trailing"], "", text)
    return text


def _paragraph_text(section: NarrativeSection, claim: Claim) -> str:
    return next((p.text for p in section.paragraphs if p.location.line == claim.location.line), "")


def _sentence_before(section: NarrativeSection, claim: Claim) -> str:
    """The printed line up to the claim's subject, for scope words such as 一般公共预算 (which a
    "其中：基本支出…" sentence inherits from the sentence before it)."""
    if claim.offset is None:
        return ""
    head = _paragraph_text(section, claim)[: claim.offset]
    return head[: max(0, len(head) - len(claim.subject))]


def _figure_for(d: Disclosure, section: NarrativeSection, claim: Claim) -> str | None:
    """The table-sourced key figure the claim's subject names, if any."""
    if claim.other_year:
        return None
    subject = core_subject(d, claim.subject)
    for entry in data("narrative.toml")["subject"]:
        if re.search(entry["pattern"], subject):
            # the section's heading scopes its sentences: "九、一般公共预算基本支出预算表情况说明：支出
            # 预算17123.19万元" is not the department's 支出总计
            scope = compact(section.heading) + _sentence_before(section, claim)
            if entry.get("unless") and re.search(entry["unless"], scope):
                return None
            figure = d.figures.get(entry["figure"])
            if figure is not None and figure.source != "narrative" and figure.unit is not None:
                return figure.key
            return None
    return None


def _normal_names_match(a: str, b: str) -> bool:
    """A claim's subject names a project (both already normalised): the same name, or one ends
    with the other."""
    if len(a) < 4 or len(b) < 4:
        return False
    return a == b or a.endswith(b) or (len(a) >= 6 and b.endswith(a))


def _base_of(d: Disclosure, section: NarrativeSection, change: Claim) -> Claim | None:
    """The amount a change refers to: the earlier amount on the line with the same subject, else
    the first amount of the change's clause or sentence, else of the sentence before."""
    line = [c for c in section.claims if c.location.line == change.location.line]
    before = [c for c in line[: line.index(change)]
              if c.kind == ClaimKind.AMOUNT and c.unit in _MONEY and not c.other_year]
    stem = _CHANGE_WORDS.sub("", core_subject(d, change.subject))
    if stem:
        named = [c for c in before if core_subject(d, c.subject) == stem]
        if named:
            return named[-1]
    paragraph = _paragraph_text(section, change)
    start = paragraph.rfind("。", 0, change.offset or 0) + 1
    clause = max(start, paragraph.rfind("；", 0, change.offset or 0) + 1)
    same = [c for c in before if (c.offset or 0) >= start]
    in_clause = [c for c in same if (c.offset or 0) >= clause]
    if clause > start and in_clause:
        return in_clause[0]  # "其中：A x万元，比上年增加…；B y万元，比上年减少…": each clause its own
    if same:
        return same[0]  # the sentence's head figure; later ones are its 其中 parts
    previous_start = paragraph.rfind("。", 0, max(start - 1, 0)) + 1
    earlier = [c for c in before if previous_start <= (c.offset or 0) < start]
    return earlier[0] if earlier and start > 0 else None
