"""An AuditReport as text (terminal), JSON (`yusuan.audit/2`, docs/json.md) and HTML (a
self-contained page a reviewer can read and print)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..catalogue import kind_by_key, rules
from ..model import SEVERITIES, SEVERITY_NAMES, AuditReport, Evidence, Finding, Location
from ..model.money import format_decimal
from ..model.serialize import plain, to_dict

SCHEMA = "yusuan.audit/2"


def location_dict(location: Location) -> dict[str, Any]:
    """A location's known fields (file omitted: the report names its document once)."""
    return {k: v for k, v in plain(location).items() if k != "file"}


def _number(value: Decimal | None) -> str | None:
    return format_decimal(value) if value is not None else None


def _evidence_dict(evidence: Evidence) -> dict[str, Any]:
    return {**plain(evidence), "location": location_dict(evidence.location)}


def finding_dict(finding: Finding) -> dict[str, Any]:
    meta = rules()[finding.rule]
    return {
        "rule": finding.rule, "title": meta.title, "severity": finding.severity, "message": finding.message,
        "expected": _number(finding.expected), "actual": _number(finding.actual),
        "difference": _number(finding.difference), "unit": finding.unit,
        "evidence": [_evidence_dict(e) for e in finding.evidence],
    }


def summary(report: AuditReport) -> dict[str, int]:
    partial = {n.rule for n in report.not_checked}
    return {"errors": report.count("error"), "warnings": report.count("warning"), "notices": report.count("notice"),
            "rules_run": len(report.rules_run), "rules_not_checked": len(partial - set(report.rules_run))}


def to_json_dict(report: AuditReport) -> dict[str, Any]:
    disclosure = to_dict(report.disclosure)
    meta = report.disclosure.meta
    return {
        "schema": SCHEMA,
        "document": {"source": disclosure["source"], "department": meta.department, "year": meta.year,
                     "kind": meta.kind.value, "region": meta.region, "unit": meta.unit.value if meta.unit else None},
        "summary": summary(report),
        "findings": [finding_dict(f) for f in report.findings],
        "not_checked": [{"rule": n.rule, "title": rules()[n.rule].title, "reason": n.reason} for n in report.not_checked],
        "disclosure": disclosure,
    }


def _where(evidence: Evidence) -> str:
    location = evidence.location
    if location.page:
        return f"第 {location.page} 页"
    if location.sheet:
        return f"工作表「{location.sheet}」第 {location.row} 行"
    if location.line:
        return f"第 {location.line} 行"
    return "全文"


def render_text(report: AuditReport) -> str:
    d = report.disclosure
    counts = summary(report)
    lines = [f"文件：{d.source.path}",
             f"部门：{d.meta.department or '未识别'}　年度：{d.meta.year or '未识别'}",
             f"审核结果：错误 {counts['errors']} 条，警告 {counts['warnings']} 条，提示 {counts['notices']} 条"
             f"（运行规则 {counts['rules_run']} 条，未能检查 {counts['rules_not_checked']} 条）", ""]
    for finding in report.findings:
        lines.append(f"[{SEVERITY_NAMES[finding.severity]}] {finding.rule} {finding.message}")
        for evidence in finding.evidence[:6]:
            excerpt = f"：{evidence.excerpt[:80]}" if evidence.excerpt else ""
            lines.append(f"    {_where(evidence)} {evidence.what}{excerpt}")
        if len(finding.evidence) > 6:
            lines.append(f"    …… 另有 {len(finding.evidence) - 6} 处")
    if report.not_checked:
        lines += ["", "未能检查："]
        lines += [f"  {n.rule} {rules()[n.rule].title}：{n.reason}" for n in report.not_checked]
    return "\n".join(lines)


def _highlight(excerpt: str | None, values: list[Decimal]) -> Markup:
    """The printed line with the finding's numbers marked (as printed: 1,234.50 or 1234.5)."""
    if not excerpt:
        return Markup("")
    text = str(escape(excerpt))
    for value in {v for v in values if v is not None}:
        plain = format_decimal(value)
        forms = {plain, f"{value:,}"}
        for form in sorted(forms, key=len, reverse=True):
            text = re.sub(rf"(?<![\d.,]){re.escape(form)}(?![\d])", lambda m: f"<mark>{m.group(0)}</mark>", text)
    return Markup(text)


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("yusuan.report", "templates"), autoescape=select_autoescape(["j2", "html"]))
    env.filters["highlight"] = _highlight
    return env


def _group_name(kind: str | None) -> str:
    if kind in (None, "narrative"):
        return "情况说明" if kind else "全文"
    if kind == "toc":
        return "目录"
    try:
        return kind_by_key(kind).name
    except KeyError:
        return kind


def render_html(report: AuditReport) -> str:
    groups: dict[str, dict[str, list[Finding]]] = {s: defaultdict(list) for s in SEVERITIES}
    for finding in report.findings:
        groups[finding.severity][_group_name(finding.table)].append(finding)
    return _environment().get_template("report.html.j2").render(
        report=report, d=report.disclosure, counts=summary(report), groups=groups, names=SEVERITY_NAMES,
        catalogue=rules(), where=_where,
    )
