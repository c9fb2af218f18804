"""PERF: projects against their performance-target tables, and the targets themselves."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from difflib import SequenceMatcher

from ...catalogue import data, figure_name
from ...model import (
    Evidence,
    FundLine,
    Indicator,
    OrgTarget,
    Pairing,
    PerformanceTarget,
    Severity,
    StatedAmount,
)
from ...model.money import Unit, convert
from ...model.text import compact, normal_name
from ...model.tolerance import half_unit
from ..context import Context, Skip, fmt, unit_slip
from ..engine import rule
from ..subjects import (
    figure_quantity,
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
        difference = _name_difference(project.name, target.name) if target.paired_by in (
            Pairing.SIMILAR, Pairing.NAME) else None
        if difference is not None:
            words, severity = difference
            ctx.report(f"项目名称不一致：项目支出表为「{project.name}」，绩效目标表为「{target.name}」（{words}）",
                       [project_evidence(project), target_evidence(target)], severity=severity)
        if not target.indicators:
            ctx.report(f"项目「{target.name}」的绩效目标表没有列出绩效指标", [target_evidence(target)])


def _words(name: str) -> str:
    """A name's words: one character width (NFKC), no punctuation, symbols or spaces."""
    folded = unicodedata.normalize("NFKC", normal_name(name))
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZS")


def _name_difference(project: str, target: str) -> tuple[str, Severity] | None:
    """How two names of one project differ: a different word is a warning (体检 for 休养);
    punctuation or character width only, or one name cut short (a cell the page cut), a notice;
    spacing only is nothing (wrapped text)."""
    a, b = compact(project), compact(target)
    if a == b:
        return None
    plain_a, plain_b = _words(a), _words(b)
    if plain_a == plain_b:
        return "仅标点或全角半角不同", Severity.NOTICE
    ops = [op for op in SequenceMatcher(None, plain_a, plain_b, autojunk=False).get_opcodes() if op[0] != "equal"]
    at_ends = all(op[0] in ("insert", "delete") and (op[1] == 0 or op[2] == len(plain_a)) for op in ops)
    if at_ends:
        return "一个名称是另一个的截断", Severity.NOTICE
    changed = "、".join(f"“{plain_a[i1:i2]}”与“{plain_b[j1:j2]}”" if tag == "replace" else
                        f"“{plain_a[i1:i2] or plain_b[j1:j2]}”" for tag, i1, i2, j1, j2 in ops[:3])
    return f"用词不同：{changed}", Severity.WARNING


_UNIT_COST = "(单位|单价|人均|每|单次|次均|标准|定额|/)"
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
        costs: list[tuple[Indicator, Decimal]] = []
        for indicator in target.indicators:
            labels = f"{indicator.level1 or ''}{indicator.level2 or ''}{indicator.name}"
            if "成本" not in labels or indicator.number is None or not _MONEY_UNIT.match(indicator.unit or ""):
                continue
            if _VALUE_AS_NAME.match(indicator.name):
                continue  # the name cell holds a value: the row was not read reliably
            cost = convert(indicator.number, Unit(indicator.unit), Unit.WAN)
            if indicator.operator not in ("≥", ">"):  # a floor is not a cost to add up
                costs.append((indicator, cost))
            if cost > amount * (1 + ctx.meta.slack_ratio) and not unit_slip(cost, amount):
                ctx.report(f"项目「{target.name}」的成本指标「{indicator.name}」为 {indicator.value_text}，"
                           f"高于项目资金 {amount} 万元", [_indicator_evidence(target, indicator), target_evidence(target)],
                           expected=amount, actual=cost, unit="万元")
        _summed_costs(ctx, target, amount, costs)


def _indicator_evidence(target: PerformanceTarget, indicator: Indicator) -> Evidence:
    return Evidence(f"绩效目标表 · {indicator.name}", indicator.location, indicator.number, indicator.unit,
                    "project_performance", target.name)


def _summed_costs(ctx: Context, target: PerformanceTarget, amount: Decimal,
                  costs: list[tuple[Indicator, Decimal]]) -> None:
    """Cost indicators each within the project's money but together above it. A cost that is
    the sum of the others is their total, not another cost: then nothing is summed."""
    if len(costs) < 2 or any(cost > amount * (1 + ctx.meta.slack_ratio) for _, cost in costs):
        return  # each one above the amount is reported on its own
    if any(cost >= amount * Decimal("0.9") for _, cost in costs):
        return  # one cost is about the whole amount: a total beside its parts
    if any(re.search(_UNIT_COST, i.name) for i, _ in costs):
        return  # a unit cost (人均, 单价, 每次 …) is not a part of the total
    values = [cost for _, cost in costs]
    total = sum(values, Decimal(0))
    if any(abs(v - (total - v)) <= amount * ctx.meta.slack_ratio for v in values):
        return
    if total > amount * (1 + ctx.meta.slack_ratio):
        names = "、".join(f"{i.name} {i.value_text}" for i, _ in costs[:4])
        ctx.report(f"项目「{target.name}」的成本指标合计 {fmt(total)} 万元（{names}{' 等' if len(costs) > 4 else ''}），"
                   f"高于项目资金 {amount} 万元", [*(_indicator_evidence(target, i) for i, _ in costs),
                                                target_evidence(target)],
                   expected=amount, actual=total, unit="万元")


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


@rule("PERF-005")
def fund_sources(ctx: Context) -> None:
    """The sources listed under a target table's 资金总额 add up to it (each column on its own)."""
    checked = 0
    for target in ctx.disclosure.performance:
        if target.template or not target.funds:
            continue
        for period, total in ((False, target.amount), (True, target.period_amount)):
            lines = [f for f in target.funds if f.period == period]
            if total is None or not lines or all(f.amount is None for f in lines):
                continue
            checked += 1
            _check_sources(ctx, target, total, lines, period)
    if not checked:
        raise Skip("绩效目标表没有列出资金来源")


def _check_sources(ctx: Context, target: PerformanceTarget, total: Decimal, lines: list[FundLine], period: bool) -> None:
    unit = (target.unit or Unit.WAN).value
    stated = [f for f in lines if f.amount is not None]
    parts = sum((f.amount for f in stated if f.amount is not None), Decimal(0))
    slack = half_unit(total) + sum((half_unit(f.amount) for f in stated if f.amount is not None), Decimal(0))
    if abs(parts - total) <= slack:
        return
    column = "实施期资金总额" if period else "年度资金总额"
    whole = Evidence(f"绩效目标表 · {target.name} · {column}", target.location, total, unit, "project_performance",
                     target.name, column)
    sources = [Evidence(f"绩效目标表 · {target.name} · {f.name}", f.location, f.amount, unit, "project_performance",
                        target.name, f.name) for f in stated]
    larger = next((f for f in stated if f.amount is not None and f.amount > total + slack), None)
    if larger is not None:
        message = (f"项目「{target.name}」：{column} {fmt(total)} {unit}，其中{larger.name} {fmt(larger.amount)} {unit}"
                   f"，超过资金总额")
    else:
        listed = "、".join(f"{f.name} {fmt(f.amount)}" for f in stated if f.amount is not None)
        message = (f"项目「{target.name}」：{column} {fmt(total)} {unit}，所列资金来源（{listed}）合计 {fmt(parts)} {unit}，"
                   f"{'超过' if parts > total else '少于'}资金总额 {fmt(abs(parts - total))} {unit}")
    ctx.report(message, [whole, *sources], severity=None if parts > total else Severity.WARNING,
               expected=total, actual=parts, unit=unit)


@rule("PERF-006")
def indicator_units(ctx: Context) -> None:
    """A 数量指标 in money, a 成本指标 in persons or items: filed under the wrong category."""
    d = ctx.disclosure
    if not any(t.indicators for t in d.performance):
        raise Skip("绩效目标表中没有读到绩效指标")
    units = data("narrative.toml")["indicator_units"]
    money, count = re.compile(units["money"]), re.compile(units["count"])
    for target in d.performance:
        if target.template:
            continue
        for indicator in target.indicators:
            level1, level2, unit = indicator.level1 or "", indicator.level2 or "", (indicator.unit or "").strip()
            if not unit or indicator.number is None or re.search(units["other_levels"], level1):
                continue
            # only a consistent reading: 产出指标/数量指标, or 成本 named by the second level (or by
            # the first with no second) — a 成本指标 first level over 质量指标 rows is a misread outline
            quantity = units["quantity_level"] in level2 and units["output_level"] in level1
            cost = units["cost_level"] in level2 or (units["cost_level"] in level1 and not level2)
            if quantity and money.match(unit):
                wrong = f"数量指标以{unit}计量（金额应列入成本指标）"
            elif cost and count.match(unit):
                wrong = f"成本指标以“{unit}”计量（数量应列入数量指标）"
            else:
                continue
            ctx.report(f"项目「{target.name}」的指标「{indicator.name}」为 {indicator.value_text}：{wrong}",
                       [_indicator_evidence(target, indicator)])


# figures the 部门预算总额 may restate: the document's totals, the current year's first
_ORG_TOTALS = ("total_expenditure", "current_year_expenditure", "total_income", "current_year_income")
_ORG_PARTS = {"基本支出": "basic_expenditure", "项目支出": "project_expenditure"}


@rule("PERF-007")
def org_budget(ctx: Context) -> None:
    """The budget a 部门（单位）整体绩效目标表 states against the budget tables."""
    d = ctx.disclosure
    if not d.org_targets:
        raise Skip("没有读到部门（单位）整体绩效目标表的预算情况")
    for target in d.org_targets:
        unit = target.unit or Unit.WAN
        if target.total is not None:
            _org_total(ctx, target, target.total, unit)
        for stated in target.structure:
            figure = d.figures.get(_ORG_PARTS[stated.name])
            if figure is not None and figure.source != "narrative":
                _org_compare(ctx, target, stated, unit, figure.value, figure_quantity(figure, stated.name).evidence)
        parts = {s.name: s for s in target.structure}
        if target.total is not None and len(parts) == len(_ORG_PARTS):
            total = sum((s.value for s in parts.values()), Decimal(0))
            slack = half_unit(target.total.value) + sum((half_unit(s.value) for s in parts.values()), Decimal(0))
            if abs(total - target.total.value) > slack:
                ctx.report(f"{target.title}：基本支出 {fmt(parts['基本支出'].value)} 与项目支出 {fmt(parts['项目支出'].value)}"
                           f" 之和 {fmt(total)} {unit.value}，与部门预算总额 {fmt(target.total.value)} {unit.value} 不等",
                           [_stated_evidence(target, target.total, unit), *(_stated_evidence(target, s, unit) for s in parts.values())],
                           expected=target.total.value, actual=total, unit=unit.value)


def _stated_evidence(target: OrgTarget, stated: StatedAmount, unit: Unit) -> Evidence:
    return Evidence(f"{target.title} · {stated.name}", stated.location, stated.value, unit.value, "org_performance",
                    stated.name)


def _org_total(ctx: Context, target: OrgTarget, stated: StatedAmount, unit: Unit) -> None:
    figures = [ctx.disclosure.figures.get(key) for key in _ORG_TOTALS]
    known = [f for f in figures if f is not None and f.source != "narrative"]
    if not known:
        return
    value = convert(stated.value, unit, Unit.WAN)
    if any(abs(value - f.value) <= half_unit(stated.value, unit, Unit.WAN) + half_unit(f.value) for f in known):
        return
    first = known[0]
    _org_compare(ctx, target, stated, unit, first.value, figure_quantity(first, figure_name(first.key)).evidence)


def _org_compare(ctx: Context, target: OrgTarget, stated: StatedAmount, unit: Unit, table_wan: Decimal,
                 table_evidence: Evidence) -> None:
    value = convert(stated.value, unit, Unit.WAN)
    if abs(value - table_wan) <= half_unit(stated.value, unit, Unit.WAN) + half_unit(table_wan) or unit_slip(value, table_wan):
        return
    ctx.report(f"{target.title}：{stated.name} {fmt(stated.value)} {unit.value}，预算表中为 {fmt(table_wan)} 万元，"
               f"相差 {fmt(abs(value - table_wan))} 万元", [table_evidence, _stated_evidence(target, stated, unit)],
               expected=table_wan, actual=value, unit="万元")


_SAME_COUNT = {"名": "人"}  # counted things that are the same thing


def _standard(indicator: Indicator, spec: dict) -> tuple[str, Decimal] | None:
    """(counted thing, 元 per one of it) of a standard per head — from its unit ("2000 元/人/年")
    or, when the value is not a number, from its name ("每人每年2000元"). Caps (≤) are not
    standards: a cap times a count says nothing about the cost."""
    if indicator.operator in ("≤", "<"):
        return None
    match = re.match(spec["unit"], (indicator.unit or "").replace(" ", ""))
    number = indicator.number
    if match is None or number is None:
        match = re.search(spec["in_name"], compact(indicator.name))
        if match is None or indicator.number is not None:
            return None
        number = Decimal(match.group("number"))
    per = _SAME_COUNT.get(match.group("per"), match.group("per"))
    return per, convert(number, Unit(match.group("money")), Unit.YUAN)


@rule("PERF-008")
def quantity_times_standard(ctx: Context) -> None:
    """A standard per head times the number of heads the same target counts cannot exceed the
    project's money: 2000 元/人/年 for ≥ 750 人 is at least 150 万元, more than a 40.80 万元
    project. Only one standard and one count of the same thing per target are multiplied (two
    of either is ambiguous), and only standards that need no count of months or terms."""
    d = ctx.disclosure
    spec = data("narrative.toml")["standards"]
    allowance = Decimal(spec["allowance"])
    if not any(t.indicators for t in d.performance):
        raise Skip("绩效目标表中没有读到绩效指标")
    for target in d.performance:
        if target.template or target.amount is None or target.unit is None:
            continue
        standards: dict[str, list[tuple[Indicator, Decimal]]] = {}
        counts: dict[str, list[Indicator]] = {}
        for indicator in target.indicators:
            found = _standard(indicator, spec)
            if found is not None:
                standards.setdefault(found[0], []).append((indicator, found[1]))
            elif indicator.number is not None and indicator.unit and indicator.operator not in ("≤", "<"):
                unit = indicator.unit.strip()
                counts.setdefault(_SAME_COUNT.get(unit, unit), []).append(indicator)
        amount = convert(target.amount, target.unit, Unit.YUAN)
        for per, [(standard, each)] in ((k, v) for k, v in standards.items() if len(v) == 1):
            quantity = counts.get(per, [])
            if len(quantity) != 1:
                continue
            product = each * quantity[0].number
            if product <= amount * (1 + allowance):
                continue
            least = "至少" if quantity[0].operator in ("≥", ">") else ""
            ctx.report(f"项目「{target.name}」：「{quantity[0].name}」{quantity[0].value_text} × 「{standard.name}」"
                       f"{standard.value_text} = {least}{fmt(convert(product, Unit.YUAN, Unit.WAN).normalize())} 万元，"
                       f"超过项目资金 {fmt(target.amount)} {target.unit.value}",
                       [_indicator_evidence(target, quantity[0]), _indicator_evidence(target, standard),
                        Evidence(f"绩效目标表 · {target.name} · 资金", target.location, target.amount, target.unit.value,
                                 "project_performance", target.name)],
                       expected=target.amount, actual=convert(product, Unit.YUAN, target.unit))
