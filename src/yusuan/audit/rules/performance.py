"""PERF: projects against their performance-target tables, and the targets themselves."""

from __future__ import annotations

import re

from ...catalogue import data
from ...model import Evidence, Pairing, Severity
from ...model.money import Unit, convert
from ..context import Context, Skip, unit_slip
from ..engine import rule
from ..subjects import (
    paired_amounts,
    pairs,
    project_evidence,
    projects_alone,
    target_evidence,
    targets_alone,
)


@rule("PERF-001")
def amounts_agree(ctx: Context) -> None:
    if not pairs(ctx.disclosure):
        raise Skip("没有能与绩效目标表配对的项目")
    for project, target, project_wan, target_wan in paired_amounts(ctx.disclosure):
        if unit_slip(target_wan, project_wan):
            continue  # UNIT-002 reports it
        ctx.compare(project_evidence(project), target_evidence(target),
                    lambda e, a, d, p=project, t=target: (
                        f"项目「{p.name}」：项目支出表为 {e} 万元，绩效目标表为 {a} 万元"
                        f"（原表 {t.amount} {(t.unit or Unit.WAN).value}），相差 {d} 万元"))


@rule("PERF-002")
def coverage(ctx: Context) -> None:
    d = ctx.disclosure
    if not d.projects or not d.performance:
        raise Skip("缺少项目支出表或项目绩效目标表，无法核对覆盖情况")
    for project in projects_alone(d):
        ctx.report(f"项目「{project.name}」在项目支出表中列示，但没有找到它的绩效目标表", [project_evidence(project)])
    for target in targets_alone(d):
        ctx.report(f"绩效目标表「{target.name}」在项目支出表中没有对应项目", [target_evidence(target)],
                   severity=Severity.NOTICE)
    for project, target in pairs(d):
        if target.paired_by == Pairing.SIMILAR:
            ctx.report(f"项目名称不一致：项目支出表为「{project.name}」，绩效目标表为「{target.name}」",
                       [project_evidence(project), target_evidence(target)], severity=Severity.NOTICE)
        if not target.indicators:
            ctx.report(f"项目「{target.name}」的绩效目标表没有列出绩效指标", [target_evidence(target)])


_MONEY_UNIT = re.compile(r"^(万元|元)$")
_VALUE_AS_NAME = re.compile(r"^[≥≤<>=＞＜]?\s*[\d.,]+\s*(万元|元|%)?$")


@rule("PERF-003")
def cost_indicators(ctx: Context) -> None:
    d = ctx.disclosure
    if not d.performance:
        raise Skip("没有项目绩效目标表")
    stated = {id(t): p.amount for p, t in pairs(d)}
    for target in d.performance:
        amount_printed = target.amount if target.amount is not None else stated.get(id(target))
        if amount_printed is None:
            continue
        amount = convert(amount_printed, target.unit or Unit.WAN, Unit.WAN)
        for indicator in target.indicators:
            labels = f"{indicator.level1 or ''}{indicator.level2 or ''}{indicator.name}"
            if "成本" not in labels or indicator.number is None or not _MONEY_UNIT.match(indicator.unit or ""):
                continue
            if _VALUE_AS_NAME.match(indicator.name):
                continue  # the name cell holds a value: the row was not read reliably
            cost = convert(indicator.number, Unit(indicator.unit), Unit.WAN)
            if cost > amount * (1 + ctx.meta.slack_ratio) and not unit_slip(cost, amount):
                ctx.report(f"项目「{target.name}」的成本指标「{indicator.name}」为 {indicator.value_text}，"
                           f"高于项目资金 {amount} 万元",
                           [Evidence(f"绩效目标表 · {indicator.name}", indicator.location, indicator.number,
                                     indicator.unit, "project_performance", target.name),
                            target_evidence(target)],
                           expected=amount, actual=cost, unit="万元")


@rule("PERF-004")
def directions(ctx: Context) -> None:
    d = ctx.disclosure
    if not d.performance:
        raise Skip("没有项目绩效目标表")
    rates = re.compile(data("narrative.toml")["upward_indicator"]["pattern"])
    for target in d.performance:
        for indicator in target.indicators:
            if indicator.number is None or not rates.search(indicator.name):
                continue
            evidence = [Evidence(f"绩效目标表 · {target.name} · {indicator.name}", indicator.location, indicator.number,
                                 indicator.unit, "project_performance", target.name)]
            if indicator.operator in ("≤", "<"):
                ctx.report(f"项目「{target.name}」的指标「{indicator.name}」写作 {indicator.value_text}："
                           "这类指标越高越好，应为“≥”", evidence)
            elif (indicator.unit or "").startswith("%") and indicator.number > 100:
                ctx.report(f"项目「{target.name}」的指标「{indicator.name}」为 {indicator.value_text}，比率不能超过 100%",
                           evidence)
