"""NARR: the narrative against the tables and against its own arithmetic."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ...catalogue import data, figure_name
from ...model import Claim, ClaimKind, Direction, Disclosure, Figure, NarrativeSection, Severity
from ...model.tolerance import allowance, half_unit
from ..context import Context, Skip, claim_evidence, fmt, place, unit_slip
from ..engine import rule
from ..subjects import (
    MONEY_UNITS,
    claim_wan,
    claims_by_line,
    figure_of,
    figure_quantity,
    money_claims,
    named_items,
    signed,
)


@rule("NARR-001")
def key_amounts(ctx: Context) -> None:
    d = ctx.disclosure
    compared = 0
    for claim in money_claims(d):
        figure = figure_of(d, claim)
        if figure is None or unit_slip(claim_wan(claim), figure.value):
            continue
        compared += 1
        name = figure_name(figure.key)
        target = figure_quantity(figure, name)
        if _named_for_another(ctx, claim, figure):
            continue
        ctx.compare(target.evidence, claim_evidence(claim),
                    lambda e, a, d_, n=name, c=claim: f"情况说明{place(c.location)}{n}为 {a} 万元，表中为 {e} 万元，相差 {d_} 万元")
    if not compared:
        raise Skip("情况说明中没有可与表格核对的金额")


def _named_for_another(ctx: Context, claim: Claim, figure: Figure) -> bool:
    """The amount is the table's figure of a neighbouring name (本年收入合计 stated as 收入总计):
    say so as a wording slip instead of reporting an amount that differs."""
    stated = claim_wan(claim)
    if abs(stated - figure.value) <= allowance([stated, figure.value]):
        return False
    for key in data("narrative.toml").get("alternates", {}).get(figure.key, []):
        other = ctx.disclosure.figures.get(key)
        if other is None or other.source == "narrative" or abs(stated - other.value) > allowance([stated, other.value]):
            continue
        ctx.report(f"情况说明{place(claim.location)}称{figure_name(figure.key)} {fmt(claim.value)} {claim.unit}，这是表中"
                   f"“{figure_name(key)}”的数（{fmt(other.value)} 万元）；表中{figure_name(figure.key)}为 {fmt(figure.value)} 万元。"
                   "名称与表格不一致", [figure_quantity(other, figure_name(key)).evidence, claim_evidence(claim)],
                   severity=Severity.WARNING, expected=figure.value, actual=stated, unit="万元")
        return True
    return False


@rule("NARR-002")
def item_amounts(ctx: Context) -> None:
    d = ctx.disclosure
    if not any(p.amount is not None for p in d.projects) and not any(t.amount is not None for t in d.performance):
        raise Skip("没有项目支出表或项目绩效目标表")
    compared = 0
    for claim in money_claims(d):
        if claim.other_year:
            continue
        matches = named_items(d, claim)
        if not matches or any(unit_slip(claim_wan(claim), t.value) for t in matches):
            continue
        compared += 1
        target = matches[0]
        ctx.compare(target.evidence, claim_evidence(claim),
                    lambda e, a, d_, t=target, c=claim: (f"情况说明{place(c.location)}「{t.name}」为 {a} 万元，"
                                                          f"项目表中为 {e} 万元，相差 {d_} 万元"))
    if not compared:
        raise Skip("情况说明中没有点名项目的金额")


def _by_line(d: Disclosure) -> list[tuple[NarrativeSection, list[Claim]]]:
    groups: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for index, section in enumerate(d.narrative):
        for claim in section.claims:
            groups[(index, claim.location.line or 0)].append(claim)
    return [(d.narrative[index], group) for (index, _), group in groups.items()]


def _money(claim: Claim) -> bool:
    return claim.unit in MONEY_UNITS


@rule("NARR-003")
def shares(ctx: Context) -> None:
    d = ctx.disclosure
    wholes = {k: f.value for k, f in d.figures.items() if f.unit is not None and f.source != "narrative" and f.value}
    checked = 0
    for _, group in _by_line(d):
        for i, claim in enumerate(group):
            if claim.kind != ClaimKind.SHARE:
                continue
            before = [c for c in group[:i] if _money(c) and c.kind == ClaimKind.AMOUNT]
            if not before:
                continue
            part = before[-1]
            candidates = [claim_wan(c) for c in before[:-1] if claim_wan(c) > 0] + list(wholes.values())
            if not candidates:
                continue
            checked += 1
            part_value = claim_wan(part)
            allowed = half_unit(claim.value) + ctx.meta.slack
            ratios = [part_value / w * 100 for w in candidates]
            if any(abs(r - claim.value) <= allowed for r in ratios):
                continue
            closest = min(ratios, key=lambda r: abs(r - claim.value))
            ctx.report(f"情况说明{place(claim.location)}称「{part.subject}{part.text}」{claim.subject}{claim.text}，"
                       f"与同句或表中任何总额都对不上（最接近的是 {closest:.2f}%）",
                       [claim_evidence(part), claim_evidence(claim)], expected=closest.quantize(Decimal("0.01")),
                       actual=claim.value, unit="%")
    if not checked:
        raise Skip("情况说明中没有“占…%”的表述")


@rule("NARR-004")
def year_over_year(ctx: Context) -> None:
    d = ctx.disclosure
    checked = 0
    for section, group in _by_line(d):
        position = {id(c): i for i, c in enumerate(group)}
        # for each claim, the next amount of another year after it (found once, not per change)
        next_other: list[int | None] = [None] * len(group)
        upcoming: int | None = None
        for j in range(len(group) - 1, -1, -1):
            next_other[j] = upcoming
            if group[j].kind == ClaimKind.AMOUNT and group[j].other_year:
                upcoming = j
        for i, change in enumerate(group):
            if change.kind != ClaimKind.CHANGE_AMOUNT or not _money(change) or change.base is None:
                continue
            current = section.claims[change.base]
            if current.unit != change.unit or id(current) not in position:
                continue
            after_current = next_other[position[id(current)]]
            previous = group[after_current] if after_current is not None and after_current < i else None
            following = group[i + 1] if i + 1 < len(group) else None
            checked += 1
            if previous is not None and previous.unit == change.unit:
                stated = current.value - previous.value
                allowed = half_unit(current.value) + half_unit(previous.value) + half_unit(change.value)
                if abs(stated - signed(change)) > allowed:
                    direction = "增加" if change.direction == Direction.INCREASE else "减少"
                    ctx.report(f"情况说明{place(change.location)}：本年 {current.value}、上年 {previous.value}，"
                               f"实际变化 {fmt(stated)}，文中写{direction} {change.value}",
                               [claim_evidence(current), claim_evidence(previous), claim_evidence(change)],
                               expected=stated, actual=signed(change), unit=change.unit)
                    continue
            if following is not None and following.kind == ClaimKind.CHANGE_RATE:
                base = current.value - signed(change)
                if base <= 0:
                    continue
                rate = signed(change) / base * 100
                printed = signed(following)
                # the rate moves with the rounding of both printed amounts, and is itself rounded
                reach = 100 * (half_unit(change.value) * abs(current.value) / (base * base) + half_unit(current.value) / base)
                if abs(abs(rate) - abs(printed)) > half_unit(following.value) + reach + ctx.meta.slack or (rate * printed < 0):
                    ctx.report(f"情况说明{place(following.location)}：本年 {current.value}、变化 {signed(change)}，"
                               f"上年应为 {fmt(base)}，变化率应为 {rate:.2f}%，文中为 {printed}%",
                               [claim_evidence(current), claim_evidence(change), claim_evidence(following)],
                               severity=Severity.WARNING, expected=rate.quantize(Decimal("0.01")), actual=printed, unit="%")
    if not checked:
        raise Skip("情况说明中没有同时给出本年金额与增减额的表述")


@rule("NARR-005")
def change_parts(ctx: Context) -> None:
    d = ctx.disclosure
    checked = 0
    for section in d.narrative:
        on_line = claims_by_line(section)
        for paragraph in section.paragraphs:
            claims = on_line.get(paragraph.location.line, [])
            changes = [c for c in claims if c.kind == ClaimKind.CHANGE_AMOUNT and _money(c)]
            if len(changes) < 3:
                continue
            whole, parts = changes[0], changes[1:]
            head = paragraph.text.find(whole.text)
            if head < 0 or "其中" not in paragraph.text[head:]:
                continue
            if any(p.unit != whole.unit for p in parts):
                continue
            checked += 1
            total = sum((signed(p) for p in parts), Decimal(0))
            allowed = sum((half_unit(c.value) for c in changes), Decimal(0))
            if abs(total - signed(whole)) > allowed:
                ctx.report(f"情况说明{place(whole.location)}：各分项增减之和 {fmt(total)} 与总增减 {fmt(signed(whole))} 不符，"
                           f"相差 {fmt(total - signed(whole))}",
                           [claim_evidence(c) for c in changes], expected=signed(whole), actual=total, unit=whole.unit)
    if not checked:
        raise Skip("情况说明中没有“增减额，其中：分项增减”的表述")
