"""UNIT: 元/万元 slips — a value off by exactly 10⁴ from the value it should equal."""

from __future__ import annotations

from decimal import Decimal

from ...catalogue import figure_name
from ...model import ClaimKind, Disclosure, Evidence, Severity
from ...model.money import Unit, convert
from ...model.tolerance import half_unit
from ..context import TEN_THOUSAND, Context, Skip, cell, claim_evidence, fmt, place, unit_slip
from ..engine import rule
from ..subjects import (
    claim_wan,
    figure_of,
    figure_quantity,
    money_claims,
    named_items,
    paired_amounts,
    pairs,
    project_evidence,
    signed,
    target_evidence,
)


@rule("UNIT-001")
def narrative_units(ctx: Context) -> None:
    d = ctx.disclosure
    compared = 0
    for claim in money_claims(d):
        figure = figure_of(d, claim)
        targets = [figure_quantity(figure, figure_name(figure.key))] if figure else []
        targets += named_items(d, claim)
        for target in targets[:1]:
            compared += 1
            value = claim_wan(claim)
            if unit_slip(value, target.value):
                ctx.report(
                    f"情况说明{place(claim.location)}「{claim.subject}{claim.text}」即 {fmt(value)} 万元，"
                    f"而{target.evidence.what}为 {target.printed} {target.unit.value}（{fmt(target.value)} 万元），"
                    f"相差整整一万倍，疑为“万元”误写为“元”（或相反）",
                    [claim_evidence(claim), target.evidence], expected=target.value, actual=value, unit="万元")
    compared += _unnamed_slips(ctx)
    compared += _change_slips(ctx)
    if not compared:
        raise Skip("情况说明中没有可与表格对照单位的金额")


def _table_amounts(d: Disclosure) -> dict[Decimal, Evidence]:
    """Every nonzero amount the tables print, in 万元, with the first cell printing it."""
    amounts: dict[Decimal, Evidence] = {}
    for table in d.tables:
        if table.unit not in (Unit.YUAN, Unit.WAN) or table.doubts:
            continue
        for row in table.rows:
            if not row.certain:
                continue
            for column, value in row.values.items():
                if value:
                    amounts.setdefault(convert(value, table.unit, Unit.WAN).normalize(), cell(table, row, column))
    return amounts


def _distinctive(value: Decimal) -> bool:
    """Digits enough that meeting them by chance in a table is unlikely: not a round number."""
    digits = format(value.normalize(), "f").replace(".", "").strip("0")
    return len(digits) >= 4


def _unnamed_slips(ctx: Context) -> int:
    """Amounts whose subject names no figure, project or target: one that no table prints but
    whose 10⁴ multiple (or fraction) a table does print, with digits enough to rule out chance,
    is the table's amount in the wrong unit (a warning: the subject is not known)."""
    d = ctx.disclosure
    amounts = _table_amounts(d)
    if not amounts:
        return 0
    compared = 0
    for claim in money_claims(d):
        if figure_of(d, claim) or named_items(d, claim) or claim.other_year or not _distinctive(claim.value):
            continue
        compared += 1
        value = claim_wan(claim).normalize()
        if value in amounts:
            continue
        for meant in (value * TEN_THOUSAND, value / TEN_THOUSAND):
            match = amounts.get(meant.normalize())
            if match is not None:
                ctx.report(f"情况说明{place(claim.location)}「{claim.subject}{claim.text}」即 {fmt(value)} 万元，表中没有这个数，"
                           f"却有 {fmt(match.value)} {match.unit}（{match.what}），相差整整一万倍，疑为单位写错",
                           [claim_evidence(claim), match], severity=Severity.WARNING,
                           expected=meant, actual=value, unit="万元")
                break
    return compared


@rule("UNIT-002")
def table_units(ctx: Context) -> None:
    if not pairs(ctx.disclosure):
        raise Skip("没有能与绩效目标表配对的项目")
    for project, target, project_wan, target_wan in paired_amounts(ctx.disclosure):
        if unit_slip(target_wan, project_wan):
            ctx.report(
                f"项目「{project.name}」：项目支出表为 {project.amount} {(project.unit or Unit.WAN).value}，绩效目标表为 "
                f"{target.amount} {(target.unit or Unit.WAN).value}，相差整整一万倍，疑为单位标错",
                [project_evidence(project), target_evidence(target)],
                expected=project_wan, actual=target_wan, unit="万元")


def _rate(current: Decimal, delta: Decimal) -> Decimal | None:
    """The change rate (%) of `delta` on the year before (`current` − `delta`)."""
    previous = current - delta
    return abs(delta) / previous * 100 if previous > 0 else None


def _change_slips(ctx: Context) -> int:
    """"公务接待费 4.6 万元，比上年减少 2.6 元，下降 36.11%": a change printed in another unit than
    the amount it changes, where the rate the sentence states holds with the change read in the
    amount's unit and not in its own — the unit of the change is the slip, and the rate proves it."""
    d = ctx.disclosure
    compared = 0
    for section in d.narrative:
        claims = section.claims
        for index, change in enumerate(claims):
            if (change.kind != ClaimKind.CHANGE_AMOUNT or change.base is None or change.unit not in ("元", "万元")
                    or index + 1 >= len(claims) or claims[index + 1].kind != ClaimKind.CHANGE_RATE):
                continue
            current, rate = claims[change.base], claims[index + 1]
            if current.unit not in ("元", "万元") or current.unit == change.unit or rate.location.line != change.location.line:
                continue
            compared += 1
            printed = convert(signed(change), Unit(change.unit), Unit(current.unit))  # the change as printed, in the amount's unit

            as_printed, as_amount = _rate(current.value, printed), _rate(current.value, signed(change))
            allowed = half_unit(rate.value) + ctx.meta.slack
            if as_amount is None or abs(as_amount - rate.value) > allowed:
                continue  # the rate does not prove the other unit
            if as_printed is not None and abs(as_printed - rate.value) <= allowed:
                continue
            ctx.report(f"情况说明{place(change.location)}「{current.subject}{current.text}」{change.subject}{change.text}、"
                       f"{rate.subject}{rate.text}：按{rate.value}%的变动率，变动额应为 {change.value} {current.unit}，"
                       f"文中写作 {change.value} {change.unit}，疑为单位误写",
                       [claim_evidence(current), claim_evidence(change), claim_evidence(rate)],
                       expected=change.value, actual=convert(change.value, Unit(change.unit), Unit(current.unit)),
                       unit=current.unit)
    return compared
