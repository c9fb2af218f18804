"""What each narrative claim is about, written into the claim.

A claim's subject is the phrase just before its number. It names a key figure (catalogue
narrative.toml), a project or a performance target; a change ("比上年增加12万元") refers to an
amount said before it. Claims about another year are marked and never tied to this year's
figures: "2023年预算收入…" is not this year's 收入.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..catalogue import data
from ..model import Claim, ClaimKind, Disclosure, DocumentKind, NarrativeSection
from ..model.text import compact, normal_name, strip_enumerator

_CHANGE_WORDS = re.compile(r"(与|比|较|同|对比)?(\d{4}年|上年)(预算)?(相比|比较)?|增加|减少|增长|下降|降低|提高|上升|持平")
_MONEY = ("万元", "元")


def link_claims(d: Disclosure) -> None:
    """Fill other_year, figure, projects, targets and base of every claim."""
    projects = [(i, normal_name(p.name)) for i, p in enumerate(d.projects) if p.amount is not None]
    targets = [(i, normal_name(t.name)) for i, t in enumerate(d.performance) if t.amount is not None]
    for section in d.narrative:
        lines = _Lines(section)
        for claim in section.claims:
            claim.other_year = _other_year(d, claim.subject)
        for claim in section.claims:
            if claim.kind == ClaimKind.AMOUNT and claim.unit in _MONEY:
                claim.figure = _figure_for(d, lines, claim)
                subject = normal_name(claim.subject)
                claim.projects = [i for i, name in projects if _normal_names_match(subject, name)]
                claim.targets = [i for i, name in targets if _normal_names_match(subject, name)]
        for claim in section.claims:
            if claim.kind == ClaimKind.CHANGE_AMOUNT and claim.unit in _MONEY:
                base = _base_of(d, lines, claim)
                claim.base = lines.position[id(base)] if base is not None else None


class _Lines:
    """A section's printed lines and the claims on each, indexed once (every lookup per claim
    stays constant-time, so a long section costs linear time)."""

    def __init__(self, section: NarrativeSection) -> None:
        self.section = section
        self.texts: dict[int | None, str] = {}
        for paragraph in section.paragraphs:
            self.texts.setdefault(paragraph.location.line, paragraph.text)
        self.claims: dict[int | None, list[Claim]] = {}
        for claim in section.claims:
            self.claims.setdefault(claim.location.line, []).append(claim)
        self.position = {id(claim): i for i, claim in enumerate(section.claims)}
        self.indexes: dict[int | None, _LineIndex] = {}

    def text(self, claim: Claim) -> str:
        return self.texts.get(claim.location.line, "")

    def index(self, d: Disclosure, line: int | None) -> _LineIndex:
        if line not in self.indexes:
            self.indexes[line] = _LineIndex(d, self.texts.get(line, ""), self.claims.get(line, []))
        return self.indexes[line]


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
        text = re.sub(r"^[（(]\d{1,2}[)）]", "", strip_enumerator(text))  # "（二）公务接待费", "（2）…"
        text = re.sub(trim["leading"], "", text)
        text = re.sub(trim["trailing"], "", text)
    return text


def _sentence_before(lines: _Lines, claim: Claim) -> str:
    """The printed line up to the claim's subject, for scope words such as 一般公共预算 (which a
    "其中：基本支出…" sentence inherits from the sentence before it)."""
    if claim.offset is None:
        return ""
    head = lines.text(claim)[: claim.offset]
    return head[: max(0, len(head) - len(claim.subject))]


def _figure_for(d: Disclosure, lines: _Lines, claim: Claim) -> str | None:
    """The table-sourced key figure the claim's subject names, if any."""
    if claim.other_year or _names_the_budget(d, claim.subject):
        return None
    subject = core_subject(d, claim.subject)
    for entry in data("narrative.toml")["subject"]:
        if re.search(entry["pattern"], subject):
            # the section's heading scopes its sentences: "九、一般公共预算基本支出预算表情况说明：支出
            # 预算17123.19万元" is not the department's 支出总计
            scope = compact(lines.section.heading) + _sentence_before(lines, claim)
            if entry.get("unless") and re.search(entry["unless"], scope):
                return None
            figure = d.figures.get(entry["figure"])
            if figure is not None and figure.source != "narrative" and figure.unit is not None:
                return figure.key
            return None
    return None


def _names_the_budget(d: Disclosure, subject: str) -> bool:
    """In final accounts, a subject about the budget (年初预算 …): the tables' figures are 决算."""
    if d.meta.kind != DocumentKind.FINAL_ACCOUNT:
        return False
    words = data("narrative.toml")["final_subject"]
    text = re.sub(words["fund_names"], "", compact(subject))
    return bool(re.search(words["budget"], text)) and not re.search(words["actual"], text)


def _normal_names_match(a: str, b: str) -> bool:
    """A claim's subject names a project (both already normalised): the same name, or one ends
    with the other."""
    if len(a) < 4 or len(b) < 4:
        return False
    return a == b or a.endswith(b) or (len(a) >= 6 and b.endswith(a))


def _base_of(d: Disclosure, lines: _Lines, change: Claim) -> Claim | None:
    """The amount a change refers to: the earlier amount on the line with the same subject, else
    the first amount of the change's clause or sentence, else of the sentence before."""
    index = lines.index(d, change.location.line)
    at = change.offset or 0
    count = bisect_left(index.offsets, at)  # the amounts printed before the change
    stem = _CHANGE_WORDS.sub("", core_subject(d, change.subject))
    if stem and stem in index.by_stem:
        offsets, claims = index.by_stem[stem]
        named = bisect_left(offsets, at)
        if named:
            return claims[named - 1]
    start = index.stop_before(at, "。") + 1
    clause = max(start, index.stop_before(at, "；") + 1)
    first_in_sentence = bisect_left(index.offsets, start)
    first_in_clause = bisect_left(index.offsets, clause)
    if clause > start and first_in_clause < count:
        return index.amounts[first_in_clause]  # "其中：A x万元，比上年增加…；B y万元，比上年减少…": each clause its own
    if first_in_sentence < count:
        return index.amounts[first_in_sentence]  # the sentence's head figure; later ones are its 其中 parts
    if start == 0:
        return None
    previous_start = index.stop_before(start - 1, "。") + 1
    first_earlier = bisect_left(index.offsets, previous_start)
    return index.amounts[first_earlier] if first_earlier < first_in_sentence else None


class _LineIndex:
    """One printed line's current-year money amounts by offset and by subject stem, and where
    its sentences and clauses stop — so each change finds its base by bisection."""

    def __init__(self, d: Disclosure, text: str, claims: list[Claim]) -> None:
        ordered = sorted((c for c in claims if c.kind == ClaimKind.AMOUNT and c.unit in _MONEY and not c.other_year),
                         key=lambda c: c.offset or 0)
        self.amounts = ordered
        self.offsets = [c.offset or 0 for c in ordered]
        self.by_stem: dict[str, tuple[list[int], list[Claim]]] = {}
        for claim in ordered:
            offsets, found = self.by_stem.setdefault(core_subject(d, claim.subject), ([], []))
            offsets.append(claim.offset or 0)
            found.append(claim)
        self.stops = {mark: [i for i, ch in enumerate(text) if ch == mark] for mark in "。；"}

    def stop_before(self, at: int, mark: str) -> int:
        """Position of the last `mark` before `at`, or -1."""
        stops = self.stops[mark]
        i = bisect_left(stops, at)
        return stops[i - 1] if i else -1
