"""Narrative (情况说明) → sections with numeric claims.

A claim is a number with its unit and the phrase it is about (the subject: the words since the
previous clause break), so that later checks can say "the text says X of Y, the table says Z".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from ..model import Claim, ClaimKind, Direction, Location, NarrativeSection, Paragraph
from ..model.layout import Line
from ..model.money import parse_amount
from ..model.text import HEADING, compact, is_cjk

# from a number's first digit only (not inside 1,234 or 1.5): linear on long runs of digits
_NUMBER = r"(?<![\d.])(?<!\d,)(\d[\d,]*(?:\.\d+)?)"
# "1170.00万，其中…" is 万元 with the 元 left out; "3.2万人", "80万张" are not money
_CLAIM = re.compile(_NUMBER + r"\s*(亿元|万元|万(?!\s*[\u4e00-\u9fffA-Za-z\d㎡²³+＋])|元|%|％|个|项|辆|人|台（套）|台|套)")
# a bare 万 is 万元 in a money subject, or on a line of money amounts — never after a count noun
# (培训人次1万, 覆盖人口3.2万)
_MONEY_SUBJECT = re.compile(r"(支出|收入|经费|资金|预算|费|拨款|补助|补贴|金额|成本|总额|合计|安排|结转|结余)")
_COUNT_SUBJECT = re.compile(r"(人次|人口|人数|人员|户|次数|张|件|份|册|面积|平方米|亩|公里|吨|千瓦|用户|群众|学生|企业数)")
_BREAK = re.compile(r"[，,；;。：:、]")
_INCREASE = re.compile(r"(增加|增长|上升|提高|增幅)")
_DECREASE = re.compile(r"(减少|下降|降低|减幅|压减)")
_FLAT = re.compile(r"(持平|无增减|无变化)")


_UNIT_AHEAD = re.compile(r"^\s*(亿元|万元|元|%|％|个|项|辆|人)")
_NUMBER_AT_END = re.compile(r"(?<![\d.])(?<!\d,)\d[\d,]*(?:\.\d+)?$")


def _printed(line: Line) -> str:
    return (line.text if line.cells is None else " ".join(c for c in line.cells if c)).strip()


def narrative_sections(lines: list[Line]) -> list[NarrativeSection]:
    sections: list[NarrativeSection] = []
    current: NarrativeSection | None = None
    texts = [_printed(line) for line in lines]
    bare_wan = False  # the line before was a sentence of amounts in bare 万, still open
    for index, line in enumerate(lines):
        text = texts[index]
        if not text:
            continue
        location = line.location
        is_heading = line.heading_level or (HEADING.match(text) and "。" not in text and not _CLAIM.search(text))
        if line.cells is None and is_heading and len(text) <= 40:
            current = NarrativeSection(heading=text, location=location)
            sections.append(current)
            continue
        if current is None:
            current = NarrativeSection(heading="", location=location)
            sections.append(current)
        current.paragraphs.append(Paragraph(text, location))  # (section.text joined at the end: linear)
        # a number whose unit the page pushed onto the next line ("收入216,552.53" / "万元，占…"),
        # and a bare 万 whose noun did ("惠及劳动者1.2万" / "人，…")
        following = texts[index + 1] if index + 1 < len(texts) else ""
        ahead = _UNIT_AHEAD.match(following) if _NUMBER_AT_END.search(text) else None
        claims = extract_claims(text + (ahead.group(1) if ahead else ""), location, money_context=bare_wan)
        if text.endswith("万") and following[:1] and is_cjk(following[0]):
            claims = [c for c in claims if not (c.unit == "万元" and c.text.endswith("万") and c.offset is not None
                                               and c.offset + len(c.text) >= len(text))]
        current.claims.extend(claims)
        bare_wan = any(c.unit == "万元" and c.text.endswith("万") for c in claims) and not text.endswith("。")
    for section in sections:
        section.text = "\n".join(p.text for p in section.paragraphs)
    return sections


def extract_claims(text: str, location: Location, money_context: bool = False) -> list[Claim]:
    """The numeric claims of one printed line. `money_context`: the line continues a sentence of
    amounts in bare 万 (the line before gave them), so a bare 万 here is 万元 too."""
    claims: list[Claim] = []
    breaks = [m.end() for m in _BREAK.finditer(text)]  # where each clause starts
    previous_end = 0  # a subject starts after the previous figure too ("人员经费1298.40万元和公用经费…")
    for match in _CLAIM.finditer(text):
        value = parse_amount(match.group(1))
        if value is None:
            continue
        unit = match.group(2).replace("％", "%")
        last = bisect_right(breaks, match.start()) - 1
        subject = compact(text[max(breaks[last] if last >= 0 else 0, previous_end): match.start()])
        previous_end = match.end()
        if unit == "万" and (_COUNT_SUBJECT.search(subject) or not (
                money_context or _MONEY_SUBJECT.search(subject) or "万元" in text
                or _MONEY_SUBJECT.search(text[:match.start()]))):
            continue
        kind, direction = _classify(unit, subject)
        claims.append(Claim(text=match.group(0), kind=kind, value=_scaled(value, unit), unit=_unit(unit),
                            subject=subject, location=location, direction=direction, offset=match.start()))
    return claims


def _classify(unit: str, subject: str) -> tuple[ClaimKind, Direction | None]:
    direction = None
    if _INCREASE.search(subject):
        direction = Direction.INCREASE
    elif _DECREASE.search(subject):
        direction = Direction.DECREASE
    elif _FLAT.search(subject):
        direction = Direction.FLAT
    if unit == "%":
        if direction:
            return ClaimKind.CHANGE_RATE, direction
        return (ClaimKind.SHARE, None) if "占" in subject else (ClaimKind.PERCENT, None)
    if unit in ("万元", "元", "亿元", "万"):
        if direction in (Direction.INCREASE, Direction.DECREASE):
            return ClaimKind.CHANGE_AMOUNT, direction
        return ClaimKind.AMOUNT, None
    return ClaimKind.COUNT, None


def _scaled(value: Decimal, unit: str) -> Decimal:
    return value * 10000 if unit == "亿元" else value


def _unit(unit: str) -> str:
    return "万元" if unit in ("亿元", "万") else unit
