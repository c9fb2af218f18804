"""Narrative sentences that name a function classification line, tied to that line's code.

Shanghai budgets explain every 项 as “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元;
final accounts as 一般公共服务支出（类）财政事务（款）行政运行（项）… 支出决算为 X 万元. The names
are resolved against the function-classification table of the same document (names repeat
across 类, so the path is walked from 类 down), giving each following claim of the sentence the
path and the code.
"""

from __future__ import annotations

import re

from ..catalogue import data
from ..model import Disclosure, Table
from ..model.text import compact


def link_classification_claims(disclosure: Disclosure) -> None:
    spec = data("narrative.toml")["classification_claim"]
    path_pattern = re.compile(spec["path"])
    tables = [t for k in spec["tables"] for t in disclosure.tables_of(k)]
    codes = _codes_by_path(tables)
    known = {row.code for table in tables for row in table.rows if row.code}
    coded_pattern = re.compile(spec["coded_path"])
    for section in disclosure.narrative:
        on_line: dict[int | None, list] = {}
        for claim in section.claims:
            if claim.offset is not None:
                on_line.setdefault(claim.location.line, []).append(claim)
        for paragraph in section.paragraphs:
            matches = list(path_pattern.finditer(paragraph.text))
            if not matches:
                _link_coded(paragraph.text, coded_pattern, on_line.get(paragraph.location.line, []), known)
                continue
            claims = [c for c in on_line.get(paragraph.location.line, []) if c.location == paragraph.location]
            for match in matches:
                path = tuple(compact(g) for g in match.groups() if g)
                stop = len(paragraph.text)  # the explanation of one line runs to the next path
                following = [m for m in matches if m.start() > match.start()]
                if following:
                    stop = min(stop, following[0].start())
                for claim in claims:
                    if match.end() <= (claim.offset or 0) < stop:
                        claim.classification = path
                        claim.code = codes.get(path)


def _link_coded(text: str, pattern: re.Pattern[str], claims: list, known: set[str]) -> None:
    """Lines naming a classification line by its code in brackets: each following claim, up to
    the next such name, is about that code (when the tables list it)."""
    matches = [m for m in pattern.finditer(text) if m.group(2) in known]
    for i, match in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        ends = [at for at in (text.find("。", match.end()), text.find("；", match.end())) if at >= 0]
        stop = min([stop, *ends])  # the name explains its own sentence, not the next item's
        for claim in claims:
            if match.end() <= (claim.offset or 0) < stop:
                claim.classification = (compact(match.group(1)).lstrip(".．、:："),)
                claim.code = match.group(2)


def _codes_by_path(tables: list[Table]) -> dict[tuple[str, ...], str]:
    """(类 name, 款 name[, 项 name]) → code, from coded rows of function-classification tables."""
    found: dict[tuple[str, ...], str] = {}
    for table in tables:
        names: dict[str, str] = {}
        for row in table.rows:
            if row.code and len(row.code) in (3, 5, 7):
                names[row.code] = compact(row.label)
        for code, _name in names.items():
            parents = [names.get(code[:n]) for n in range(3, len(code) + 1, 2)]
            if all(parents):
                found.setdefault(tuple(p for p in parents if p), code)
    return found
