"""TEXT: defects in the wording — truncated reasons, punctuation, quotes, placeholders, years."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...catalogue import data
from ...model import Evidence, Paragraph
from ..context import Context, Skip, place, table_name
from ..engine import rule


def _patterns() -> dict:
    return data("narrative.toml")["text"]


def _paragraphs(ctx: Context) -> Iterator[Paragraph]:
    if not ctx.disclosure.narrative:
        raise Skip("未识别到情况说明")
    for section in ctx.disclosure.narrative:
        yield from section.paragraphs


def _quote(text: str, start: int, end: int) -> str:
    return text[max(0, start - 12): end + 12].strip()


def _evidence(paragraph: Paragraph, excerpt: str) -> Evidence:
    return Evidence(f"情况说明{place(paragraph.location)} · “{excerpt}”", paragraph.location, table="narrative")


def _matches(ctx: Context, key: str) -> Iterator[tuple[Paragraph, re.Match[str], str]]:
    """(paragraph, match, quoted context) for every match of a catalogue pattern in the narrative."""
    pattern = re.compile(_patterns()[key])
    for paragraph in _paragraphs(ctx):
        for match in pattern.finditer(paragraph.text):
            yield paragraph, match, _quote(paragraph.text, match.start(), match.end())


@rule("TEXT-001")
def truncated(ctx: Context) -> None:
    for paragraph, match, excerpt in _matches(ctx, "truncated"):
        ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：说明在“{match.group(1)}”之后就结束了，内容缺失",
                   [_evidence(paragraph, excerpt)])


@rule("TEXT-002")
def punctuation(ctx: Context) -> None:
    for paragraph, match, excerpt in _matches(ctx, "doubled"):
        ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：标点“{match.group(0)}”重复或连用",
                   [_evidence(paragraph, excerpt)])


@rule("TEXT-003")
def unmatched(ctx: Context) -> None:
    pairs = _patterns()["pairs"]
    for paragraph in _paragraphs(ctx):
        for opening, closing in pairs:
            opened, closed = paragraph.text.count(opening), paragraph.text.count(closing)
            if opened != closed:
                ctx.report(f"情况说明{place(paragraph.location)}“{opening}”{opened} 个、“{closing}”{closed} 个，不成对",
                           [_evidence(paragraph, paragraph.text[:40])])


@rule("TEXT-004")
def placeholders(ctx: Context) -> None:
    if ctx.disclosure.meta.template:
        found = list(_matches(ctx, "placeholder"))
        paragraph, match, excerpt = found[0]
        ctx.report(f"本文件是未填写的模板：情况说明中有 {len(found)} 处占位符（如{place(paragraph.location)}"
                   f"「{excerpt}」中的“{match.group(0)}”），不逐条列出", [_evidence(paragraph, excerpt)])
        return
    for paragraph, match, excerpt in _matches(ctx, "placeholder"):
        ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」含未替换的占位符“{match.group(0)}”",
                   [_evidence(paragraph, excerpt)])
    pattern = re.compile(_patterns()["placeholder"])
    for table in ctx.disclosure.tables:
        for row in table.rows:
            match = pattern.search(row.label)
            if match:
                ctx.report(f"{table_name(table)}{place(row.location)}「{row.label}」含未替换的占位符“{match.group(0)}”",
                           [Evidence(f"{table_name(table)} · {row.label}", row.location, table=table.kind, row=row.label)])


@rule("TEXT-005")
def wrong_year(ctx: Context) -> None:
    year = ctx.disclosure.meta.year
    if not year:
        raise Skip("未识别到预算年度")
    expected = year - 1
    for paragraph, match, excerpt in _matches(ctx, "comparison"):
        compared = int(match.group(2))
        if compared not in (expected, year):
            ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：{year} 年的文件应与 {expected} 年比较，"
                           f"这里写的是 {compared} 年", [_evidence(paragraph, excerpt)])
