"""NARR-010: a whole and the parts listed after it ("收入 X 万元，其中：A a 万元；B b 万元 …") —
the parts add up to the whole.

The list usually follows the whole in one sentence. Two other shapes are common enough to read:
the whole closing the sentence before ("…涉及项目预算资金598.46万元。其中：A…，B…。"), and an
outline whose items are sentences of their own, each with remarks after it
("基本支出X万元，其中：（一）人员经费A万元。主要包括：…。（二）公用经费B万元。主要包括：…。")."""

from __future__ import annotations

import re
from decimal import Decimal

from ...catalogue import data
from ...model import Claim, ClaimKind, Severity
from ...model.text import bracket_depths, outside_brackets
from ...model.tolerance import half_unit
from ..context import Context, Skip, claim_evidence, fmt, place
from ..engine import rule
from ..subjects import MONEY_UNITS, Sentence, claim_wan, money_amount, sentences


def _spec() -> dict:
    return data("narrative.toml")["parts"]


def _segments(text: str, start: int, separators: str) -> list[tuple[int, int]]:
    """(start, end) of the top-level pieces of text[start:] split at the separators."""
    depths = bracket_depths(text)
    pieces, begin = [], start
    for i in range(start, len(text)):
        if depths[i] == 0 and text[i] in separators:
            pieces.append((begin, i))
            begin = i + 1
    pieces.append((begin, len(text)))
    return [(a, b) for a, b in pieces if b > a]


def _part(sentence: Sentence, piece: tuple[int, int], not_a_part: re.Pattern[str], lenient: bool = False) -> Claim | None:
    """The amount a list piece gives a part ("政府性基金收入1573万元"), or None when the piece
    is a clause about the previous part (占…%, 比上年…, 主要包括…) or has no amount."""
    text = sentence.text[piece[0]:piece[1]].strip()
    if not text or not_a_part.match(text):
        return None
    inside = [c for c in sentence.between(piece[0], piece[1]) if not sentence.bracketed(sentence.at(c))]
    if not inside or inside[0].unit not in MONEY_UNITS or inside[0].other_year:
        return None
    before = sentence.text[piece[0]:sentence.at(inside[0])]
    if inside[0].kind == ClaimKind.AMOUNT and not re.search("(增加|减少|增长|下降|比|较)", before):
        return inside[0]
    # "支持商销稳增长30.00万" reads like a change but is a name: only when allowed (a second
    # reading that may clear a list, never one that accuses)
    if lenient and inside[0].kind == ClaimKind.CHANGE_AMOUNT and not re.search(_spec()["part_change"], before):
        return inside[0]
    return None


def _readings(sentence: Sentence, begin: int, lenient: bool = False) -> list[list[Claim]]:
    """The ways the list can be read: the first amount of each piece between "；" (parts with
    clauses of their own), and the amounts of the first such piece split at "，、" (a list of
    short parts, "；" closing it)."""
    not_a_part = re.compile(_spec()["not_a_part"])
    readings = []
    coarse = _before_sub_list(sentence, _segments(sentence.text, begin, "；;"), anywhere=False)
    readings.append([p for p in (_part(sentence, piece, not_a_part, lenient) for piece in coarse) if p])
    first = coarse[0] if coarse else (begin, len(sentence.text))
    fine = _before_sub_list(sentence, _segments(sentence.text[:first[1]], first[0], "，,、；;"), anywhere=True)
    readings.append([p for p in (_part(sentence, piece, not_a_part, lenient) for piece in fine) if p])
    return [r for r in readings if len(r) >= 2]


def _before_sub_list(sentence: Sentence, pieces: list[tuple[int, int]], anywhere: bool) -> list[tuple[int, int]]:
    """The pieces up to the first that opens a list of its own (其中：…, 主要用于…, 包括…, 与上年
    数分别为…): what follows breaks down one part, or is another list, not the whole's parts. A
    short piece (split at "，") opens one wherever the word stands; a long one (split at "；")
    only when it starts with it — its own clauses may break its part down."""
    sub_list, list_end = re.compile(_spec()["sub_list"]), re.compile(_spec()["list_end"])
    for i, (start, end) in enumerate(pieces):
        text = outside_brackets(sentence.text[start:end]).strip()
        if (sub_list.search(text) if anywhere else sub_list.match(text)) or list_end.search(text):
            return pieces[:i]
    return pieces



@rule("NARR-010")
def parts_of_a_whole(ctx: Context) -> None:
    opening = re.compile(_spec()["opening"])
    checked = 0
    narrative = list(sentences(ctx.disclosure))
    for i, sentence in enumerate(narrative):
        match = opening.search(sentence.text)
        if match is None or bracket_depths(sentence.text)[match.start()]:
            continue
        whole = _whole(sentence, match.start())
        if whole is None and i and narrative[i - 1].section is sentence.section and _leads(sentence.text, match.start()):
            whole = _closing_amount(narrative[i - 1])
        if whole is None:
            continue
        items = _outline_items(narrative, i, match.end())
        if items is not None:
            checked += 1
            _check_outline(ctx, whole, items)
            continue
        if _outline(sentence.text[match.end():]):
            continue  # 其中：（一）… 1、… （1）…: an outline of several levels, not one list
        readings = _readings(sentence, match.end())
        if not readings:
            continue
        checked += 1
        target = claim_wan(whole)
        if any(_adds_up(parts, whole, target) for parts in _readings(sentence, match.end(), lenient=True)):
            continue
        best = None
        for parts in readings:
            total = sum((claim_wan(p) for p in parts), Decimal(0))
            allowed = half_unit(whole.value) + sum((half_unit(p.value) for p in parts), Decimal(0))
            if abs(total - target) <= allowed:
                best = None
                break
            if best is None or abs(total - target) < abs(best[1] - target):
                best = (parts, total)
        if best is None:
            continue
        parts, total = best
        # more than the whole is certain only when nothing in the sentence breaks a part down
        over = total > target
        nested = bool(re.search(_spec()["sub_list"], outside_brackets(sentence.text[match.end():])))
        if any(abs(claim_wan(p) - target) <= half_unit(p.value) + half_unit(whole.value) for p in parts):
            continue  # one part is the whole ("其中：财政拨款 X" = X): what follows is not its parts
        _report(ctx, whole, parts, total, certain=over and not nested)
    if not checked:
        raise Skip("情况说明中没有“总额，其中：各项金额”的表述")


def _report(ctx: Context, whole: Claim, parts: list[Claim], total: Decimal, certain: bool) -> None:
    target = claim_wan(whole)
    over = total > target
    names = "、".join(f"{_name(p)}{fmt(p.value)}" for p in parts)
    ctx.report(f"情况说明{place(whole.location)}：{whole.subject.strip()}{fmt(whole.value)} {whole.unit}，其中所列"
               f"{names}，合计 {fmt(total)} 万元，{'超过' if over else '少于'}总额 {fmt(abs(total - target))} 万元"
               + ("" if over else "（如并未列全可忽略）"),
               [claim_evidence(whole), *(claim_evidence(p) for p in parts)],
               severity=None if certain else Severity.WARNING, expected=target, actual=total, unit="万元")


def _leads(text: str, at: int) -> bool:
    """The list word opens the sentence ("其中：…" after the sentence that stated the whole)."""
    return not text[:at].strip(" \u3000")


def _closing_amount(sentence: Sentence) -> Claim | None:
    """The amount a sentence ends on ("…涉及项目预算资金598.46万元。"): the whole a list in the
    next sentence divides."""
    if not sentence.claims:
        return None
    last = sentence.claims[-1]
    rest = sentence.text[sentence.at(last):]
    if (money_amount(last) and not last.other_year and not sentence.bracketed(sentence.at(last))
            and re.fullmatch(r"[\d,.]+\s*万?元\s*[。！]?\s*", rest)):
        return last
    return None


def _level(text: str) -> int | None:
    """Which numbering level (an index in _LEVELS) the text starts with."""
    text = text.lstrip(" \u3000")
    return next((i for i, level in enumerate(_LEVELS) if re.match(level, text)), None)


MAX_OUTLINE_SENTENCES = 40


def _outline_items(narrative: list[Sentence], i: int, begin: int) -> list[Claim] | None:
    """The parts of an outline whose items are sentences: the list word ends its sentence's
    text but for one numbered item ("其中：（一）人员经费A万元。"), the next items open later
    sentences with the same numbering, and the sentences between them say no amount. None
    when the list is not of that shape."""
    sentence = narrative[i]
    level = _level(sentence.text[begin:])
    if level is None:
        return None
    first = _item_amount(sentence, begin)
    if first is None or len([c for c in sentence.between(begin, len(sentence.text)) if money_amount(c)]) != 1:
        return None
    items = [first]
    for following in narrative[i + 1:i + 1 + MAX_OUTLINE_SENTENCES]:
        if following.section is not sentence.section:
            break
        if _level(following.text) == level:
            amount = _item_amount(following, 0)
            if amount is None:
                break
            items.append(amount)
        elif any(money_amount(c) for c in following.claims) or _level(following.text) is not None:
            break
    return items if len(items) >= 2 else None


def _item_amount(sentence: Sentence, begin: int) -> Claim | None:
    """An outline item's amount: the first of its sentence, of this year, named before any
    comparison."""
    inside = [c for c in sentence.between(begin, len(sentence.text)) if not sentence.bracketed(sentence.at(c))]
    if not inside or not money_amount(inside[0]) or inside[0].other_year:
        return None
    if re.search(_spec()["part_change"], sentence.text[begin:sentence.at(inside[0])]):
        return None
    return inside[0]


def _check_outline(ctx: Context, whole: Claim, items: list[Claim]) -> None:
    """An outline's items against the whole; a warning either way (an item may name something
    other than a part, which one sentence's list would not)."""
    target = claim_wan(whole)
    if _adds_up(items, whole, target):
        return
    if any(abs(claim_wan(p) - target) <= half_unit(p.value) + half_unit(whole.value) for p in items):
        return  # one item is the whole: what follows is not its parts
    _report(ctx, whole, items, sum((claim_wan(p) for p in items), Decimal(0)), certain=False)


_LEVELS = (r"[（(][一二三四五六七八九十]+[)）]", r"(?<![\d.])[一二三四五六七八九十]+、", r"(?<![\d.,])\d+[、．](?!\d)",
           r"[（(]\d+[)）]", r"[①②③④⑤⑥⑦⑧⑨⑩]")


def _adds_up(parts: list[Claim], whole: Claim, target: Decimal) -> bool:
    total = sum((claim_wan(p) for p in parts), Decimal(0))
    return abs(total - target) <= half_unit(whole.value) + sum((half_unit(p.value) for p in parts), Decimal(0))


def _outline(text: str) -> bool:
    """Numbering of two or more levels in the list."""
    return sum(1 for level in _LEVELS if re.search(level, text)) >= 2


def _name(part: Claim) -> str:
    return re.sub("^(其中)?[:：，,]?", "", part.subject.strip("，,：:；; "))


def _whole(sentence: Sentence, at: int) -> Claim | None:
    """The amount "其中" divides: the last amount of this year before it, outside brackets, and
    not itself a change ("减少 X 万元，其中：…" lists changes — NARR-005's)."""
    depths = bracket_depths(sentence.text)
    for claim in reversed(sentence.claims):
        offset = sentence.at(claim)
        if offset >= at or depths[offset]:
            continue
        if claim.kind in (ClaimKind.CHANGE_AMOUNT, ClaimKind.CHANGE_RATE):
            return None
        if money_amount(claim) and not claim.other_year:
            return claim
        if claim.kind == ClaimKind.AMOUNT:
            return None
    return None
