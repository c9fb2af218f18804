"""NARR-007 … NARR-009, NARR-011: changes the narrative states — rates against the amounts it
prints beside them, reasons against the direction, wording that contradicts itself, and what
final accounts say of the outcome against the budget."""

from __future__ import annotations

import re
from decimal import Decimal

from ...catalogue import data
from ...model import Claim, ClaimKind, Direction, DocumentKind, Evidence, Severity
from ...model.text import outside_brackets
from ...model.tolerance import half_unit
from ..context import Context, Skip, claim_evidence, fmt, place
from ..engine import rule
from ..subjects import (
    MONEY_UNITS,
    Sentence,
    claim_wan,
    claims_by_line,
    money_amount,
    sentences,
    signed,
)

HUNDRED = Decimal(100)


def _spec() -> dict:
    return data("narrative.toml")["changes"]


def _moves(claim: Claim) -> bool:
    return claim.kind in (ClaimKind.CHANGE_AMOUNT, ClaimKind.CHANGE_RATE) and claim.direction in (
        Direction.INCREASE, Direction.DECREASE)


def _word(direction: Direction | None) -> str:
    return "增加" if direction == Direction.INCREASE else "减少"


def _sentence_evidence(sentence: Sentence) -> Evidence:
    text = sentence.text.strip()
    return Evidence(f"情况说明{place(sentence.paragraph.location)} · “{text[:60]}”", sentence.paragraph.location,
                    table="narrative")


@rule("NARR-007")
def stated_rates(ctx: Context) -> None:
    """A rate printed after both the previous and the current amount (…执行数为 A 万元，…预算安排 B
    万元，比上年减少 C%): C = (B − A) / A, in the direction the word says. A rate that follows a
    change amount is NARR-004's."""
    checked = 0
    for sentence in sentences(ctx.disclosure):
        claims = sentence.claims
        for i, rate in enumerate(claims):
            if rate.kind != ClaimKind.CHANGE_RATE or not _moves(rate):
                continue
            if i and claims[i - 1].kind == ClaimKind.CHANGE_AMOUNT:
                continue
            pair = _stated_pair(sentence, i)
            if pair is None:
                continue
            previous, current = pair
            checked += 1
            a, b = claim_wan(previous), claim_wan(current)
            evidence = [claim_evidence(previous), claim_evidence(current), claim_evidence(rate)]
            printed = signed(rate)
            if a != 0 and any(_rate_fits(ctx, previous, other, rate) for other in _restatements(sentence, current)):
                continue  # the line states this year's amount twice, differently: NARR-006 names the wrong one
            if a == 0:
                if b != 0 and rate.value != 0:
                    ctx.report(f"情况说明{place(rate.location)}：上年为 0，本年 {fmt(current.value)} {current.unit}，"
                               f"增减率无从计算，文中却写{_word(rate.direction)} {fmt(rate.value)}%（应写明上年为 0 或“新增”）",
                               evidence, severity=Severity.WARNING, actual=printed, unit="%")
                continue
            actual = (b - a) / a * HUNDRED
            if actual * printed < 0:
                ctx.report(f"情况说明{place(rate.location)}：上年 {fmt(previous.value)}、本年 {fmt(current.value)} {current.unit}，"
                           f"实为{'增加' if actual > 0 else '减少'} {abs(actual):.2f}%，文中写{_word(rate.direction)} {fmt(rate.value)}%",
                           evidence, expected=actual.quantize(Decimal("0.01")), actual=printed, unit="%")
                continue
            if not _rate_fits(ctx, previous, current, rate):
                ctx.report(f"情况说明{place(rate.location)}：上年 {fmt(previous.value)}、本年 {fmt(current.value)} {current.unit}，"
                           f"增减率应为 {actual:.2f}%，文中为 {fmt(printed)}%",
                           evidence, expected=actual.quantize(Decimal("0.01")), actual=printed, unit="%")
    if not checked:
        raise Skip("情况说明中没有同时给出上年数、本年数与增减率的表述")


def _stated_pair(sentence: Sentence, index: int) -> tuple[Claim, Claim] | None:
    """The previous and the current amount a rate compares: the two claims right before it, one
    of another year and one of this, neither in brackets, and the previous one of the kind the
    rate names (比…执行数 against an 执行数, 比…预算 against a 预算数)."""
    if index < 2:
        return None
    first, second, rate = sentence.claims[index - 2], sentence.claims[index - 1], sentence.claims[index]
    if not (money_amount(first) and money_amount(second)) or first.other_year == second.other_year:
        return None
    if sentence.bracketed(sentence.at(first)) or sentence.bracketed(sentence.at(second)):
        return None
    previous, current = (first, second) if first.other_year else (second, first)
    spec = _spec()
    if re.sub(spec["rate_comparison"], "", rate.subject):
        return None  # a rate of something else: 占比提高…, 其中基本支出增长…, 年均增长…
    base = re.search(spec["rate_base"], rate.subject)
    if base and base.group(0) not in previous.subject:
        return None  # 较年初预算增长… is not measured from the 2023年决算 before it
    if base is None and "预算" in rate.subject and re.search("(执行|决算)", previous.subject):
        return None  # 比2023年预算… is not measured from the 预算执行数 before it
    return previous, current


def _rate_fits(ctx: Context, previous: Claim, current: Claim, rate: Claim) -> bool:
    """The printed rate is (current − previous) / previous, allowing for the rounding of both
    amounts and of the rate itself."""
    a, b = claim_wan(previous), claim_wan(current)
    actual = (b - a) / a * HUNDRED
    reach = HUNDRED * (half_unit(previous.value) * abs(b) / (a * a) + half_unit(current.value) / abs(a))
    return abs(actual - signed(rate)) <= half_unit(rate.value) + reach + ctx.meta.slack


def _restatements(sentence: Sentence, current: Claim) -> list[Claim]:
    """Other amounts of this year the line states for the same classification line (its opening
    “…（项）”X万元 beside “2024年预算安排 Y 万元”)."""
    if not current.code:
        return []
    return [c for c in sentence.line if c is not current and money_amount(c) and not c.other_year
            and c.code == current.code and c.value != current.value]


def _direction_words(text: str, year: int | None = None) -> tuple[bool, bool]:
    """Whether the text says up, and whether it says down (未增加, 不再减少 say neither)."""
    spec = _spec()
    negated = re.compile("(" + "|".join(spec["negations"]) + ")$")
    other_years = spec["other_year_clause"]
    if year:  # the document's own year is this change's year, not another
        other_years = other_years.replace("20\\d{2}", f"(?!{year})20\\d{{2}}")
    for pattern in (spec["not_directions"], spec["purpose"], other_years):
        text = re.sub(pattern, "", text)

    def says(words: list[str]) -> bool:
        return any(not negated.search(text[max(0, m.start() - 3):m.start()])
                   for word in words for m in re.finditer(word, text))

    return says(spec["increase_words"]), says(spec["decrease_words"])


@rule("NARR-008")
def reasons(ctx: Context) -> None:
    """The reason given for a change names only the opposite movement ("减少2.98%，主要原因是：
    …经费增加")."""
    spec = _spec()
    pattern = re.compile(spec["reason"])
    checked = 0
    for sentence in _with_following(ctx):
        change, text, paragraph = sentence
        match = pattern.search(text)
        if match is None:
            continue
        reason = match.group("reason")
        if not re.match(spec["reason_items"], reason):
            reason = re.split("[；;]", reason)[0]
        up, down = _direction_words(reason, ctx.disclosure.meta.year)
        checked += 1
        opposite = down and not up if change.direction == Direction.INCREASE else up and not down
        if opposite:
            ctx.report(f"情况说明{place(change.location)}：{change.subject}{change.text}，但所述原因“{reason.strip()[:50]}”"
                       f"说的是{'减少' if change.direction == Direction.INCREASE else '增加'}，原因与增减方向矛盾",
                       [claim_evidence(change), Evidence(f"情况说明{place(paragraph.location)} · 原因", paragraph.location,
                                                         table="narrative")])
    worded = re.compile(spec["worded_reason"])
    for section in ctx.disclosure.narrative:
        for paragraph in section.paragraphs:
            for match in worded.finditer(paragraph.text):
                checked += 1
                up, down = _direction_words(match.group("reason"), ctx.disclosure.meta.year)
                increase = match.group("change") in ("增加", "增长")
                if (down and not up) if increase else (up and not down):
                    ctx.report(f"情况说明{place(paragraph.location)}：说“{match.group('change')}的原因”是"
                               f"“{match.group('reason').strip()[:50]}”，说的却是{'减少' if increase else '增加'}，原因与增减方向矛盾",
                               [Evidence(f"情况说明{place(paragraph.location)} · 原因", paragraph.location, table="narrative")])
    if not checked:
        raise Skip("情况说明中没有紧随增减表述的原因说明")


def _with_following(ctx: Context):
    """(change, the text after it from its reason on, paragraph) for the last change of each run —
    the reason follows the last figure of a change statement, in its sentence or the next."""
    reach = int(_spec()["reason_reach"])
    for section in ctx.disclosure.narrative:
        on_line = claims_by_line(section)
        for paragraph in section.paragraphs:
            claims = on_line.get(paragraph.location.line, [])
            for i, claim in enumerate(claims):
                if not _moves(claim):
                    continue
                following = claims[i + 1] if i + 1 < len(claims) else None
                text, start = paragraph.text, claim.offset or 0
                if following is not None and claim.kind == ClaimKind.CHANGE_AMOUNT and \
                        following.kind == ClaimKind.CHANGE_RATE and text.find("原因", start, following.offset or 0) < 0:
                    continue  # the rate after an amount: the reason follows the rate
                at = text.find("原因", start, start + reach + len(claim.text) + 10)
                if at < 0:
                    continue
                # the reason runs to its sentence's end; slicing only that keeps a long line linear
                end = text.find("。", at)
                yield claim, text[max(0, at - 2): end if end >= 0 else len(text)], paragraph


@rule("NARR-009")
def contradictory_changes(ctx: Context) -> None:
    """Wording that contradicts itself: a current amount of 0 said to have increased, an increase
    larger than the amount it leads to, "增加持平", and one total stated with two changes."""
    d = ctx.disclosure
    flat = re.compile(_spec()["contradiction"])
    stated: dict[str, list[Claim]] = {}
    checked = 0
    for sentence in sentences(d):
        for match in flat.finditer(sentence.text):
            checked += 1
            ctx.report(f"情况说明{place(sentence.paragraph.location)}“{match.group(0)}”：既说有增减又说持平，自相矛盾",
                       [_sentence_evidence(sentence)], severity=Severity.WARNING)
        for i, change in enumerate(sentence.claims):
            if change.kind != ClaimKind.CHANGE_AMOUNT or not _moves(change) or change.unit not in MONEY_UNITS:
                continue
            current = _compared(sentence, i)
            if current is None:
                continue
            checked += 1
            now, moved = claim_wan(current), claim_wan(change)
            if change.direction == Direction.INCREASE and moved > 0 and now == 0:
                ctx.report(f"情况说明{place(change.location)}「{current.subject}{current.text}」：本年为 0，却说比上年增加 "
                           f"{fmt(change.value)} {change.unit}",
                           [claim_evidence(current), claim_evidence(change)], expected=Decimal(0), actual=moved, unit="万元")
            elif change.direction == Direction.INCREASE and moved > now + half_unit(current.value) + half_unit(change.value):
                ctx.report(f"情况说明{place(change.location)}「{current.subject}」本年 {fmt(current.value)} {current.unit}，比上年增加 "
                           f"{fmt(change.value)} {change.unit}，上年将为负数，不可能",
                           [claim_evidence(current), claim_evidence(change)], expected=now, actual=moved, unit="万元")
            if current.figure:
                stated.setdefault(f"{_same_total(d, current.figure)}:{now}:{_base(d, change)}", []).append(change)
    for changes in stated.values():
        values = {claim_wan(c) * (-1 if c.direction == Direction.DECREASE else 1) for c in changes}
        if len(values) > 1 and max(values) - min(values) > sum(half_unit(c.value) for c in changes):
            first = changes[0]
            ctx.report("情况说明中同一金额的增减说法不一：" + "；".join(
                f"{place(c.location)}{_word(c.direction)} {fmt(c.value)} {c.unit}" for c in changes),
                [claim_evidence(c) for c in changes], unit=first.unit)
    if not checked:
        raise Skip("情况说明中没有本年金额与增减额同句的表述，也没有“增加持平”之类的说法")


def _same_total(d, figure: str) -> str:
    """收入总计 and 支出总计 are one amount when the document balances: their changes must agree."""
    income, expenditure = d.figures.get("total_income"), d.figures.get("total_expenditure")
    balanced = income is not None and expenditure is not None and income.value == expenditure.value
    return "totals" if balanced and figure in ("total_income", "total_expenditure") else figure


def _base(d, change: Claim) -> str:
    """What a change is measured against, as a key: 上年, 上年执行数, 年初预算 …"""
    text = re.sub("(增加|减少|增长|下降|了|比|较|与|同|相比|同期|度)", "", change.subject)
    if d.meta.year:
        text = text.replace(f"{d.meta.year - 1}年", "上年")
    return text.replace("预算数", "预算").strip("，,、 ")


def _compared(sentence: Sentence, index: int) -> Claim | None:
    """The current amount a change compares with the previous year: the amount right before it,
    with a comparison word (比上年, 与2023年相比 …) and nothing else between them — not an amount
    of another item in a list of changes ("基本支出增加 A 万元、预留经费增加 B 万元")."""
    change = sentence.claims[index]
    # the amount before it, passing over remarks in brackets ("100万元（含结转20万元），比上年…")
    current = next((sentence.claims[j] for j in range(index - 1, -1, -1)
                    if not sentence.bracketed(sentence.at(sentence.claims[j]))), None)
    if current is None or not money_amount(current) or current.other_year:
        return None
    between = outside_brackets(sentence.text[sentence.at(current):sentence.at(change)])
    return current if re.search(_spec()["comparison"], between) and not re.search("[、；;]", between) else None



@rule("NARR-011")
def final_outcome(ctx: Context) -> None:
    """Final accounts: "完成年初预算的 X%" = 决算 / 预算, "决算数小于预算数" against the two
    amounts, and no completion rate of a budget of 0. The budget, the actual and the rate stand
    in one sentence; the wording follows the actual in that sentence or opens the next one, so
    a sub-item's words are never read against the whole's amounts."""
    d = ctx.disclosure
    if d.meta.kind != DocumentKind.FINAL_ACCOUNT:
        raise Skip("不是决算")
    spec = _spec()
    budget_word, actual_word = re.compile(spec["final_budget"]), re.compile(spec["final_actual"])
    wording, completion = re.compile(spec["final_wording"]), re.compile(spec["completion"])
    checked = 0
    listed = list(sentences(d))
    for index, sentence in enumerate(listed):
        budget = actual = None
        pair: tuple[Claim, Claim] | None = None  # the sentence's last budget and actual
        budgets: list[Claim] = []  # every budget amount of the sentence (年初, 调整 …)
        for claim in sentence.claims:
            if claim.other_year:
                continue  # 比上年决算… is not this year's outcome
            if money_amount(claim) and budget_word.search(claim.subject):
                budget, actual = claim, None
                budgets.append(claim)
            elif money_amount(claim) and actual_word.search(claim.subject) and budget is not None:
                actual = claim
                pair = (budget, actual)  # the wording after the amounts speaks of the last pair
            elif claim.kind in (ClaimKind.PERCENT, ClaimKind.SHARE) and budget is not None and actual is not None:
                said = completion.search(claim.subject)
                if said and _same_budget(said.group(1), budget.subject):
                    checked += 1
                    _completion(ctx, budget, actual, claim)
                budget = actual = None  # the next rate needs amounts of its own
        if pair is None:
            continue
        budget, actual = pair
        rest = sentence.text[sentence.at(actual):]
        said = wording.search(rest)
        if said is None and index + 1 < len(listed):
            said = wording.match(listed[index + 1].text.strip())
        if said is not None:
            # "决算数大于调整预算数" is read against the 调整预算, "…年初预算数" against the 年初
            named = "调整" if "调整" in said.group(0) else "年初"
            budget = next((b for b in reversed(budgets) if _same_budget(named, b.subject)
                           and sentence.at(b) < sentence.at(actual)), None)
            if budget is None:
                continue
            checked += 1
            _comparison(ctx, budget, actual, said, sentence.paragraph)
    if not checked:
        raise Skip("决算说明中没有“年初预算…决算…”的表述")


def _same_budget(rate_word: str | None, budget_subject: str) -> bool:
    """"完成年初预算的" is read against a 年初预算 amount, "完成调整预算的" against a 调整预算."""
    if rate_word in ("调整",):
        return "调整" in budget_subject
    return "调整" not in budget_subject


def _completion(ctx: Context, budget: Claim, actual: Claim, rate: Claim) -> None:
    evidence = [claim_evidence(budget), claim_evidence(actual), claim_evidence(rate)]
    planned, spent = claim_wan(budget), claim_wan(actual)
    if planned == 0:
        if rate.value != 0:
            ctx.report(f"情况说明{place(rate.location)}：年初预算为 0，完成率无从计算，文中却写 {fmt(rate.value)}%",
                       evidence, severity=Severity.WARNING, actual=rate.value, unit="%")
        return
    expected = spent / planned * HUNDRED
    reach = HUNDRED * (half_unit(budget.value) * spent / (planned * planned) + half_unit(actual.value) / planned)
    if abs(expected - rate.value) > half_unit(rate.value) + reach + ctx.meta.slack:
        ctx.report(f"情况说明{place(rate.location)}：年初预算 {fmt(budget.value)}、决算 {fmt(actual.value)} {actual.unit}，"
                   f"完成率应为 {expected:.2f}%，文中为 {fmt(rate.value)}%", evidence,
                   expected=expected.quantize(Decimal("0.01")), actual=rate.value, unit="%")


_SAYS = {"大于": 1, "高于": 1, "超过": 1, "小于": -1, "低于": -1, "等于": 0, "持平于": 0}


def _comparison(ctx: Context, budget: Claim, actual: Claim, said: re.Match[str], paragraph) -> None:
    planned, spent = claim_wan(budget), claim_wan(actual)
    allowed = half_unit(budget.value) + half_unit(actual.value)
    roughly = bool(said.group("roughly"))
    if roughly:  # “基本持平” is vague: only a clear difference is worth a word
        allowed += abs(planned) * Decimal(_spec()["roughly_equal"])
    real = 0 if abs(spent - planned) <= allowed else (1 if spent > planned else -1)
    if real != _SAYS.get(said.group("word") or "等于"):
        ctx.report(f"情况说明{place(paragraph.location)}：{'调整预算' if '调整' in budget.subject else '年初预算'} "
                   f"{fmt(budget.value)}、决算 {fmt(actual.value)} {actual.unit}，"
                   f"文中却说“{said.group(0)}”",
                   [claim_evidence(budget), claim_evidence(actual)], expected=planned, actual=spent, unit="万元",
                   severity=Severity.WARNING if roughly else None)
