"""Run the catalogue's rules on a disclosure.

Rules are small functions registered under their catalogue ID. Each runs in isolation: a rule
that cannot apply raises Skip (reported as "not checked" with its reason) and a rule that fails
is reported the same way instead of stopping the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from ..catalogue import rules as rule_catalogue
from ..model import SEVERITIES, AuditReport, Disclosure, Evidence, Finding, NotChecked
from ..model.enums import Severity, TableKind
from ..model.money import format_decimal
from .context import Context, Skip

RuleFunction = Callable[[Context], Any]
_REGISTRY: dict[str, RuleFunction] = {}


def rule(rule_id: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule implementation under its catalogue ID."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in _REGISTRY:
            raise ValueError(f"rule {rule_id} registered twice")
        _REGISTRY[rule_id] = function
        return function

    return register


def implementations() -> dict[str, RuleFunction]:
    from . import rules  # noqa: F401  (importing registers every family)

    return dict(_REGISTRY)


def _matches(rule_id: str, pattern: str) -> bool:
    pattern = pattern.strip().upper()
    return rule_id == pattern or rule_id.startswith(pattern + "-") or (pattern.endswith("-") and rule_id.startswith(pattern))


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[str]:
    """Rule IDs to run: all, or those named by ID or family in select, minus those in ignore."""
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    unknown = [p for p in [*select, *ignore] if not any(_matches(r, p) for r in rule_catalogue())]
    if unknown:
        raise ValueError(f"未知的规则或规则族：{'、'.join(unknown)}（用 yusuan rules 查看全部规则）")
    chosen = [r for r in rule_catalogue() if not select or any(_matches(r, p) for p in select)]
    return [r for r in chosen if not any(_matches(r, p) for p in ignore)]


def audit(disclosure: Disclosure, *, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
          strict: bool = False) -> AuditReport:
    report = AuditReport(disclosure)
    functions = implementations()
    catalogue = rule_catalogue()
    for rule_id in select_rules(select, ignore):
        context = Context(disclosure, catalogue[rule_id], strict=strict)
        try:
            functions[rule_id](context)
        except Skip as skip:
            # what the rule left out on the way says more than "nothing to check"
            reasons = context.skipped or [str(skip)]
            report.not_checked.extend(NotChecked(rule_id, reason) for reason in reasons)
            continue
        except Exception as exc:  # a broken rule must not stop the audit
            report.not_checked.append(NotChecked(rule_id, f"规则执行出错（{type(exc).__name__}：{exc}），其他规则不受影响"))
            continue
        report.rules_run.append(rule_id)
        report.findings.extend(context.findings)
        report.not_checked.extend(NotChecked(rule_id, f"部分未检查：{reason}") for reason in context.skipped)
    report.findings = grouped(report.findings)
    for finding in report.findings:
        _temper_ocr(finding)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    report.findings.sort(key=lambda f: (order[f.severity], f.first_line, f.rule))
    for finding in report.findings:
        for evidence in finding.evidence:
            printed = disclosure.excerpt(evidence.location)
            if evidence.excerpt is None and printed is not None:
                evidence.excerpt = _window(printed, evidence)
    return report


_TABLE_KINDS = frozenset(TableKind)
OCR_NOTE = "（所依据的文字由文字识别（OCR）从扫描页读出，可能有误识，请核对原件）"


def _temper_ocr(finding: Finding) -> None:
    """Text read by OCR from a scanned page is not certain input. Tables read that way are used
    only when their identities prove their numbers — not their names and codes. So a finding
    that rests on OCR-read narrative, or on OCR-read names (a finding without numbers), drops a
    level: an error becomes a warning, a warning a notice. An OCR slip is not the document's error."""
    read = [e for e in finding.evidence if e.location.confidence is not None]
    if not read:
        return
    wording = finding.expected is None and finding.actual is None
    if not wording and all(e.table in _TABLE_KINDS for e in read):
        return  # numbers of tables the recogniser proved
    lower = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.NOTICE}.get(finding.severity)
    if lower is None:
        return
    finding.severity = lower
    finding.message += OCR_NOTE


_PLACE = re.compile(r"第 \d+ (页|行)|工作表「[^」]*」第 \d+ 行")


def grouped(findings: list[Finding]) -> list[Finding]:
    """One finding per defect: the same wrong number the document repeats (a statement printed
    in two places) is reported once, with every place as evidence. Findings are the same when
    rule, severity, the numbers compared and the message but for its places agree."""
    kept: dict[tuple, Finding] = {}
    places: dict[tuple, list[str]] = {}
    # the earliest place leads: a statement printed on p7 and again on p8 is p7's finding
    ordered = sorted(findings, key=lambda f: min(((e.location.page or 0, e.location.line or 0) for e in f.evidence),
                                                  default=(0, 0)))
    for finding in ordered:
        key = (finding.rule, finding.severity, finding.expected, finding.actual, _PLACE.sub("", finding.message))
        first = kept.get(key)
        if first is None:
            kept[key] = finding
            places[key] = [m.group(0) for m in _PLACE.finditer(finding.message)][:1]
            continue
        seen = {(e.location.file, e.location.page, e.location.line, e.what) for e in first.evidence}
        first.evidence += [e for e in finding.evidence
                           if (e.location.file, e.location.page, e.location.line, e.what) not in seen]
        places[key] += [m.group(0) for m in _PLACE.finditer(finding.message)][:1]
    for key, finding in kept.items():
        where = list(dict.fromkeys(places[key]))
        if len(where) > 1:
            finding.message += f"（同一内容在 {len(where)} 处出现：{'、'.join(where)}，合并报告）"
    return list(kept.values())


def _window(text: str, evidence: Evidence, width: int = 160) -> str:
    """The printed source line of a piece of evidence; a long narrative line is cut to the part
    around the evidence's number."""
    if len(text) <= width:
        return text
    needle = format_decimal(evidence.value) if evidence.value is not None else (evidence.row or "")
    at = text.find(evidence.row if evidence.row and evidence.row in text else needle)
    start = max(0, at - width // 3) if at >= 0 else 0
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
