"""Mutation harness: plant one defect at a time into real disclosures and measure what the audit catches.

Each document is read once into its layout (the lines a reader hands to the recogniser). For
every defect kind, sites are chosen from the document itself — a table cell, a narrative amount
that restates a table value, a sentence stating a change — and one mutated copy of the layout is
recognised and audited per site. A planted defect is caught when the audit reports a finding of
at least warning severity (notice for style kinds) that the unmutated document does not have,
and, for defects in one line, that finding points at that line.

The sites are found by plain text patterns and the document's own numbers, not by asking which
rules would fire, so the share caught is recall, not a tautology. The unmutated documents are
audited too: their error findings are listed so a new false positive shows up here first.

    .venv/bin/python bench/mutation.py [--sites N] [--kind KIND …] [--corpus-part seeds pdf more]

Exit status 1 when a kind falls under --min-recall (default 0: report only).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from yusuan.audit import audit
from yusuan.catalogue import data
from yusuan.model import AuditReport, Disclosure, DocumentKind, Severity
from yusuan.model.layout import Layout, Line
from yusuan.readers import read_layout
from yusuan.recognize import recognize

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("YUSUAN_CORPUS", REPO.parent / "shared" / "corpus"))

AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?=\s*万元)")
RATE = re.compile(r"(增长|增加|减少|下降|上升|降低)了?\s*(\d+(?:\.\d+)?)\s*[%％]")
CHANGE_WORD = re.compile(r"(增加|减少|增长|下降)")
FLIP = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长"}
SENTENCE = re.compile(r"[^。；;]+")
# tables whose every amount sits in a sum (a total row, the 类/款/项 tree, the summary's sides)
SUMMED_KINDS = {"summary", "income", "expenditure", "fiscal_summary", "gpb_expenditure", "gpb_basic_econ",
                "fiscal_expenditure", "basic_econ", "fiscal_basic_econ", "gov_fund", "soe_capital"}


@dataclass
class Mutation:
    kind: str
    describe: str
    lines: dict[int, Line | None]  # layout index → replacement line (None deletes it)
    at: tuple[str, int] | None  # (file, line) a catching finding must point at; None: anywhere


@dataclass
class Document:
    path: Path
    layout: Layout
    disclosure: Disclosure
    baseline: AuditReport
    index: dict[tuple[str, int], int]  # (file, line) → position in layout.lines


# ---- sites ---------------------------------------------------------------------------------------

def _narrative_lines(doc: Document) -> Iterator[tuple[int, Line]]:
    seen: set[int] = set()
    for section in doc.disclosure.narrative:
        for paragraph in section.paragraphs:
            position = doc.index.get((paragraph.location.file, paragraph.location.line or -1))
            if position is None or position in seen:
                continue
            seen.add(position)
            line = doc.layout.lines[position]
            if line.cells is None:
                yield position, line


def _table_values(doc: Document) -> set[Decimal]:
    """Every amount the tables print, in 万元 (so a narrative can be matched to a table value)."""
    values: set[Decimal] = set()
    for table in doc.disclosure.tables:
        factor = Decimal(10000) if table.unit and table.unit.value == "元" else Decimal(1)
        for row in table.rows:
            for value in row.values.values():
                if value is not None and value != 0:
                    values.add((value / factor).quantize(Decimal("0.01")))
    return values


def _number(match: re.Match[str]) -> Decimal:
    return Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))


def _edit(line: Line, start: int, end: int, new: str) -> Line:
    return replace(line, text=line.text[:start] + new + line.text[end:])


def _bumped(text: str) -> str:
    """A clearly different amount with the same printed shape: the leading digit changed."""
    first = next(i for i, ch in enumerate(text) if ch.isdigit())
    digit = int(text[first])
    return text[:first] + str(digit + 1 if digit < 9 else digit - 1) + text[first + 1:]


def restated_amounts(doc: Document) -> Iterator[tuple[int, Line, re.Match[str]]]:
    """Narrative amounts in 万元 that restate a value printed in a table."""
    values = _table_values(doc)
    for position, line in _narrative_lines(doc):
        for match in AMOUNT.finditer(line.text):
            try:
                value = _number(match)
            except InvalidOperation:
                continue
            if value != 0 and value.quantize(Decimal("0.01")) in values:
                yield position, line, match


def cell_sites(doc: Document) -> Iterator[Mutation]:
    for table in doc.disclosure.tables:
        if table.kind not in SUMMED_KINDS or table.doubts:
            continue
        for row in table.rows:
            if not row.certain or not row.values or row.location.line is None:
                continue
            position = doc.index.get((row.location.file, row.location.line))
            if position is None:
                continue
            line = doc.layout.lines[position]
            if not line.cells:
                continue
            for column, c in row.cell_columns.items():
                text = line.cells[c] if c < len(line.cells) else ""
                if row.values.get(column) and re.fullmatch(r"\s*-?[\d,]*[1-9][\d,]*(\.\d+)?\s*", text):
                    cells = list(line.cells)
                    cells[c] = _bumped(text)
                    mutated = replace(line, cells=cells, text=line.text.replace(text.strip(), cells[c].strip(), 1))
                    yield Mutation("table_cell", f"{table.title or table.kind} 第{row.location.line}行 {text.strip()}→{cells[c].strip()}",
                                   {position: mutated}, None)
                    break


def narrative_amount_sites(doc: Document) -> Iterator[Mutation]:
    for position, line, match in restated_amounts(doc):
        new = _bumped(match.group(0))
        yield Mutation("narrative_amount", f"第{line.line}行 {match.group(0)}万元→{new}万元",
                       {position: _edit(line, match.start(), match.end(), new)}, (line.file, line.line))


def unit_slip_sites(doc: Document) -> Iterator[Mutation]:
    for position, line, match in restated_amounts(doc):
        at = line.text.index("万元", match.end())
        yield Mutation("unit_slip", f"第{line.line}行 {match.group(0)}万元→元",
                       {position: _edit(line, at, at + 2, "元")}, (line.file, line.line))


def placeholder_sites(doc: Document) -> Iterator[Mutation]:
    for position, line, match in restated_amounts(doc):
        yield Mutation("placeholder", f"第{line.line}行 {match.group(0)}→XX",
                       {position: _edit(line, match.start(), match.end(), "XX")}, (line.file, line.line))


def _recomputable(doc: Document) -> Iterator[tuple[int, Line, int, str]]:
    """Sentences stating two amounts and then a change: (position, line, sentence start, sentence)."""
    for position, line in _narrative_lines(doc):
        for sentence in SENTENCE.finditer(line.text):
            text = sentence.group(0)
            change = CHANGE_WORD.search(text)
            if change and len(AMOUNT.findall(text[:change.start()])) >= 2 and (
                    AMOUNT.search(text, change.end()) or RATE.search(text, change.start())):
                yield position, line, sentence.start(), text


def rate_sites(doc: Document) -> Iterator[Mutation]:
    for position, line, start, text in _recomputable(doc):
        rate = RATE.search(text)
        if rate is None:
            continue
        value = Decimal(rate.group(2))
        new = format(value + Decimal("1.7"), "f") if value < 90 else format(value - Decimal("1.7"), "f")
        at = start + rate.start(2)
        yield Mutation("rate", f"第{line.line}行 {value}%→{new}%",
                       {position: _edit(line, at, at + len(rate.group(2)), new)}, (line.file, line.line))


def direction_sites(doc: Document) -> Iterator[Mutation]:
    for position, line, start, text in _recomputable(doc):
        change = CHANGE_WORD.search(text)
        assert change is not None
        amounts = AMOUNT.findall(text[:change.start()])
        if len(amounts) >= 2 and amounts[-1] == amounts[-2]:
            continue  # no change to contradict
        at = start + change.start()
        yield Mutation("direction", f"第{line.line}行 {change.group(0)}→{FLIP[change.group(0)]}",
                       {position: _edit(line, at, at + 2, FLIP[change.group(0)])}, (line.file, line.line))


def _text_sites(doc: Document, kind: str, pattern: str, new: Callable[[re.Match[str]], str]) -> Iterator[Mutation]:
    for position, line in _narrative_lines(doc):
        match = re.search(pattern, line.text)
        if match:
            yield Mutation(kind, f"第{line.line}行 {match.group(0)}→{new(match)}",
                           {position: _edit(line, match.start(), match.end(), new(match))}, (line.file, line.line))


def doubled_sites(doc: Document) -> Iterator[Mutation]:
    return _text_sites(doc, "doubled_punctuation", r"[。，](?=.)", lambda m: m.group(0) * 2)


def repeated_word_sites(doc: Document) -> Iterator[Mutation]:
    return _text_sites(doc, "repeated_word", r"(预算|支出|经费|增加|减少)", lambda m: m.group(0) * 2)


def leftover_sites(doc: Document) -> Iterator[Mutation]:
    return _text_sites(doc, "template_leftover", r"(?<![（(])(增加|增长)(?![（(])", lambda m: m.group(0) + "（减少）")


def wrong_year_sites(doc: Document) -> Iterator[Mutation]:
    year = doc.disclosure.meta.year
    if not year:
        return
    wrong = year if doc.disclosure.meta.kind != DocumentKind.FINAL_ACCOUNT else year - 2
    yield from _text_sites(doc, "wrong_year", r"比上年", lambda m: f"比{wrong}年")
    yield from _text_sites(doc, "wrong_year", r"比上年", lambda m: f"比 {year - 2} 年")


def deleted_table_sites(doc: Document) -> Iterator[Mutation]:
    listed = bool(doc.disclosure.projects)
    for table in doc.disclosure.tables:
        if table.kind == "unknown" or not table.rows or table.location.line is None:
            continue
        if table.kind.endswith("performance") and not listed:
            continue  # one project's target table, and no project table to miss it from
        last = max((r.location.end_line or r.location.line or 0) for r in table.rows)
        doomed = {i: None for i, line in enumerate(doc.layout.lines)
                  if line.file == table.location.file and table.location.line <= line.line <= last}
        if doomed:
            yield Mutation("deleted_table", f"删除 {table.title or table.kind}", doomed, None)


_UP, _DOWN = "增加", "减少"
REASON = re.compile(r"(增加|减少|增长|下降)[^。]{0,30}?原因(?:是|为)?[:：]?([^。]{2,60})")


def reason_sites(doc: Document) -> Iterator[Mutation]:
    """A change whose reason names a direction once, and no other direction word: the reason's
    word flipped (a reason with words both ways would not contradict its change plainly)."""
    words = data("narrative.toml")["changes"]
    every = [*words["increase_words"], *words["decrease_words"]]
    for position, line in _narrative_lines(doc):
        for match in REASON.finditer(line.text):
            change, reason = match.group(1), match.group(2)
            same = _UP if change in ("增加", "增长") else _DOWN
            other = _DOWN if same == _UP else _UP
            if reason.count(same) != 1 or sum(reason.count(w) for w in every) != 1:
                continue
            at = match.start(2) + reason.index(same)
            yield Mutation("reason_flip", f"第{line.line}行 原因中的“{same}”→“{other}”",
                           {position: _edit(line, at, at + 2, other)}, (line.file, line.line))


def stale_name_sites(doc: Document) -> Iterator[Mutation]:
    """The 2019 name of class 210 put back where the document prints the current one."""
    if (doc.disclosure.meta.year or 0) < 2019:
        return
    for position, line in enumerate(doc.layout.lines):
        texts = line.cells if line.cells is not None else [line.text]
        for c, text in enumerate(texts):
            if "卫生健康支出" in text:
                new = text.replace("卫生健康支出", "医疗卫生与计划生育支出", 1)
                mutated = replace(line, cells=[*texts[:c], new, *texts[c + 1:]]) if line.cells is not None else \
                    replace(line, text=new)
                yield Mutation("stale_name", f"第{line.line}行 卫生健康支出→医疗卫生与计划生育支出",
                               {position: mutated}, (line.file, line.line))
                break


def department_name_sites(doc: Document) -> Iterator[Mutation]:
    """The department's full name in the narrative with its last character dropped (…委员会 → …委员)."""
    name = doc.disclosure.meta.department
    if not name or len(name) < 6 or doc.disclosure.meta.template:
        return
    for position, line in _narrative_lines(doc):
        at = line.text.find(name)
        if at < 0 or line.text.find(name, at + 1) >= 0:
            continue
        following = line.text[at + len(name):].lstrip()
        if following.startswith("部门") and not following.startswith(("部门预算", "部门决算")):
            continue  # "…保障部门的职能" with the last character gone is the generic 人社部门: no defect
        yield Mutation("department_name", f"第{line.line}行 {name}→{name[:-1]}",
                       {position: _edit(line, at, at + len(name), name[:-1])}, (line.file, line.line))


def project_count_sites(doc: Document) -> Iterator[Mutation]:
    """A sentence giving the number of projects the project table lists: the number changed."""
    listed = len({(p.name, p.amount) for p in doc.disclosure.projects if p.source_table == "projects"})
    if listed < 2:
        return
    for position, line in _narrative_lines(doc):
        for match in re.finditer(r"项目(?:共|共计)?\s*(\d+)\s*个|(\d+)\s*个(?:预算)?项目", line.text):
            group = 1 if match.group(1) else 2
            clause = line.text[max(0, line.text.rfind("，", 0, match.start()) + 1):match.start()]
            if re.search("(其中|类|以上|以下)", clause + match.group(0)):
                continue  # a subset (其中特定目标类项目…): not the number of projects
            if int(match.group(group)) != listed:
                continue
            at, end = match.start(group), match.end(group)
            yield Mutation("project_count", f"第{line.line}行 {listed}个→{listed + 1}个",
                           {position: _edit(line, at, end, str(listed + 1))}, (line.file, line.line))


KINDS: dict[str, Callable[[Document], Iterator[Mutation]]] = {
    "table_cell": cell_sites,
    "narrative_amount": narrative_amount_sites,
    "unit_slip": unit_slip_sites,
    "rate": rate_sites,
    "direction": direction_sites,
    "doubled_punctuation": doubled_sites,
    "repeated_word": repeated_word_sites,
    "template_leftover": leftover_sites,
    "wrong_year": wrong_year_sites,
    "placeholder": placeholder_sites,
    "deleted_table": deleted_table_sites,
    "reason_flip": reason_sites,
    "stale_name": stale_name_sites,
    "project_count": project_count_sites,
    "department_name": department_name_sites,
}
# style kinds are caught by a notice too
STYLE = {"doubled_punctuation"}


# ---- running ---------------------------------------------------------------------------------------

def _signature(report: AuditReport) -> Counter[tuple[str, str]]:
    return Counter((f.rule, f.message) for f in report.findings)


def load(path: Path) -> Document:
    layout = read_layout(path)
    disclosure = recognize(layout)
    index = {(line.file, line.line): i for i, line in enumerate(layout.lines)}
    return Document(path, layout, disclosure, audit(disclosure), index)


def _mutated(layout: Layout, lines: dict[int, Line | None]) -> Layout:
    kept = [lines.get(i, line) if i in lines else line for i, line in enumerate(layout.lines)]
    return replace(layout, lines=[line for line in kept if line is not None])


def caught(doc: Document, mutation: Mutation, kind: str) -> str | None:
    """The rule that caught the planted defect, or None."""
    report = audit(recognize(_mutated(doc.layout, mutation.lines)))
    before = _signature(doc.baseline)
    floor = {Severity.ERROR, Severity.WARNING} | ({Severity.NOTICE} if kind in STYLE else set())
    for finding in report.findings:
        key = (finding.rule, finding.message)
        if before[key] > 0:
            before[key] -= 1
            continue
        if finding.severity not in floor:
            continue
        if mutation.at is None or any(
                e.location.file == mutation.at[0] and (e.location.line or 0) <= mutation.at[1] <= (e.location.end_line or e.location.line or 0)
                for e in finding.evidence):
            return finding.rule
    return None


def _spread(items: list[Mutation], count: int) -> list[Mutation]:
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def documents(parts: list[str]) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        folder = CORPUS / part
        found += sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".pdf"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=4, help="sites per kind per document")
    parser.add_argument("--kind", action="append", choices=sorted(KINDS))
    parser.add_argument("--corpus-part", nargs="+", default=["seeds", "pdf", "more"])
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true", help="list the missed mutations")
    args = parser.parse_args()
    paths = documents(args.corpus_part)
    if not paths:
        print(f"mutation harness skipped: no corpus under {CORPUS}")
        return 0
    kinds = args.kind or list(KINDS)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    missed: dict[str, list[str]] = defaultdict(list)
    started = time.perf_counter()
    for path in paths:
        doc = load(path)
        errors = [f for f in doc.baseline.findings if f.severity == Severity.ERROR]
        print(f"{path.parent.name}/{path.name}: {len(errors)} errors unmutated", file=sys.stderr)
        for kind in kinds:
            for mutation in _spread(list(KINDS[kind](doc)), args.sites):
                totals[kind][1] += 1
                rule = caught(doc, mutation, kind)
                if rule:
                    totals[kind][0] += 1
                    by_rule[kind][rule] += 1
                else:
                    missed[kind].append(f"{path.name}: {mutation.describe}")
    print(f"\n{'kind':22} {'caught':>7} {'planted':>8} {'recall':>7}  rules")
    worst = 1.0
    for kind in kinds:
        got, planted = totals[kind]
        recall = got / planted if planted else 1.0
        worst = min(worst, recall)
        rules = ", ".join(f"{r}×{n}" for r, n in by_rule[kind].most_common())
        print(f"{kind:22} {got:7} {planted:8} {recall:7.0%}  {rules}")
        if args.verbose:
            for line in missed[kind]:
                print(f"    missed {line}")
    print(f"({len(paths)} documents, {time.perf_counter() - started:.0f} s)")
    return 1 if worst < args.min_recall else 0


if __name__ == "__main__":
    sys.exit(main())
