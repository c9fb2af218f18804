"""TEXT: defects in the wording — truncated reasons, punctuation, quotes, placeholders, years."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ...catalogue import column_name, data
from ...model import DocumentKind, DocumentScope, Evidence, Paragraph, Severity
from ...model.text import compact, normal_name
from ..context import Context, Skip, cell, place, table_name
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
    yield from _matches_pattern(ctx, _patterns()[key])


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


# a bracket may close this many printed lines after it opened: a PDF breaks a paragraph wherever
# the page is full, and a parenthesis can hold whole sentences
WRAP_LINES = 4


@rule("TEXT-003")
def unmatched(ctx: Context) -> None:
    """Brackets and quotes, paired across the two widths, within a section (its heading
    included, which may wrap into the first line) and a few printed lines."""
    spec = _patterns()
    closing_of = {opening: closing for opening, closing in spec["pairs"]}
    twins = spec["width_twins"]

    def same(a: str, b: str) -> bool:
        return a == b or twins.get(a) == b or twins.get(b) == a

    for section in ctx.disclosure.narrative:
        stack: list[tuple[str, Paragraph, int]] = []
        mixed: dict[int, tuple[Paragraph, list[str]]] = {}
        lines = [Paragraph(section.heading, section.location), *section.paragraphs]
        for index, paragraph in enumerate(lines):
            for opening, where, _ in (s for s in stack if s[2] < index - WRAP_LINES):
                _unclosed(ctx, opening, where, closing_of)
            stack = [s for s in stack if s[2] >= index - WRAP_LINES]
            markers = {m.end() - 1 for m in re.finditer(spec["list_marker"], paragraph.text)}
            for at, ch in enumerate(paragraph.text):
                if at in markers:
                    continue  # "1)负责…": a list marker, not half of a pair
                if ch in closing_of:
                    stack.append((ch, paragraph, index))
                elif ch in closing_of.values():
                    match = next((i for i in range(len(stack) - 1, -1, -1) if same(closing_of[stack[i][0]], ch)), None)
                    if match is None:
                        ctx.report(f"情况说明{place(paragraph.location)}“{ch}”没有对应的开始符号",
                                   [_evidence(paragraph, _around(paragraph.text, ch))])
                        continue
                    opening = stack[match][0]
                    if closing_of[opening] != ch:
                        mixed.setdefault(index, (paragraph, []))[1].append(f"“{opening}”与“{ch}”")
                    for inner, where, _ in stack[match + 1:]:  # opened inside the pair, never closed
                        _unclosed(ctx, inner, where, closing_of)
                    del stack[match:]
        for opening, where, _ in stack:
            _unclosed(ctx, opening, where, closing_of)
        for paragraph, pairs in mixed.values():
            ctx.report(f"情况说明{place(paragraph.location)}全角与半角括号混用：{'、'.join(dict.fromkeys(pairs))}配对"
                       + (f"（{len(pairs)} 处）" if len(pairs) > 1 else ""),
                       [_evidence(paragraph, paragraph.text[:40])], severity=Severity.NOTICE)


def _around(text: str, ch: str) -> str:
    at = text.find(ch)
    return _quote(text, at, at + 1)


def _unclosed(ctx: Context, opening: str, paragraph: Paragraph, closing_of: dict[str, str]) -> None:
    ctx.report(f"情况说明{place(paragraph.location)}“{opening}”没有对应的“{closing_of[opening]}”",
               [_evidence(paragraph, _around(paragraph.text, opening))])


@rule("TEXT-004")
def placeholders(ctx: Context) -> None:
    if ctx.disclosure.meta.template:
        found = list(_matches(ctx, "placeholder"))
        if not found:
            raise Skip("未填写的模板，情况说明中没有占位符")
        paragraph, match, excerpt = found[0]
        ctx.report(f"本文件是未填写的模板：情况说明中有 {len(found)} 处占位符（如{place(paragraph.location)}"
                   f"「{excerpt}」中的“{match.group(0)}”），不逐条列出", [_evidence(paragraph, excerpt)])
        return
    for paragraph, match, excerpt in _matches(ctx, "placeholder"):
        ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」含未替换的占位符“{match.group(0)}”",
                   [_evidence(paragraph, excerpt)])
    pattern = re.compile(_patterns()["placeholder"])
    for section in ctx.disclosure.narrative:
        match = pattern.search(section.heading)
        if match:
            ctx.report(f"情况说明标题{place(section.location)}「{section.heading}」含未替换的占位符“{match.group(0)}”",
                       [Evidence(f"标题 · {section.heading}", section.location, table="narrative")])
    for table in ctx.disclosure.tables:
        for text, where in [(table.title, table.location), *((n, table.location) for n in table.notes)]:
            match = pattern.search(text or "")
            if match:
                ctx.report(f"{table_name(table)}{place(where)}的标题或注释「{text[:60]}」含未替换的占位符“{match.group(0)}”",
                           [Evidence(f"{table_name(table)} · {text[:30]}", where, table=table.kind)])
        for row in table.rows:
            match = pattern.search(row.label)
            if match:
                ctx.report(f"{table_name(table)}{place(row.location)}「{row.label}」含未替换的占位符“{match.group(0)}”",
                           [Evidence(f"{table_name(table)} · {row.label}", row.location, table=table.kind, row=row.label)])


@rule("TEXT-005")
def wrong_year(ctx: Context) -> None:
    """The year a statement compares with or dates itself by, against the document's year and
    kind: a budget for N compares with N−1 and states assets as of N−1 (or early N); final
    accounts for N compare with N−1 or N's own budget and state the end of N."""
    meta = ctx.disclosure.meta
    year = meta.year
    if not year:
        raise Skip("未识别到预算年度")
    final = meta.kind == DocumentKind.FINAL_ACCOUNT
    allowed = {year - 1, year} if final else {year - 1}
    expected = f"{year - 1} 年或本年度（{year} 年）预算" if final else f"{year - 1} 年"
    reach = int(_patterns()["comparison_reach"])
    for paragraph, match, excerpt in _matches(ctx, "comparison"):
        compared = int(match.group("year") or match.group("year2"))
        if compared not in allowed and compared >= year - reach:
            ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：{year} 年{_kind(final)}应与 {expected}比较，"
                       f"这里写的是 {compared} 年", [_evidence(paragraph, excerpt)])
    for paragraph, match, excerpt in _matches(ctx, "as_of"):
        stated, month, end = int(match.group(1)), match.group(2), match.group(3)
        year_end = end is not None or month == "12"
        if final:
            fits = stated == year if year_end else stated in (year, year + 1)
            should = f"{year} 年末"
        else:
            fits = stated == year - 1 or (stated == year and month is not None and int(month) <= 6)
            should = f"{year - 1} 年（编制预算时）"
        if not fits:
            ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：{year} 年{_kind(final)}所述情况应截至 {should}，"
                       f"这里写的是 {stated} 年", [_evidence(paragraph, excerpt)])


def _kind(final: bool) -> str:
    return "决算" if final else "预算"


@rule("TEXT-006")
def repeated_words(ctx: Context) -> None:
    words = set(_patterns()["reduplications"])
    forms = re.compile(_patterns()["repeated_words"])
    for paragraph, match, excerpt in _matches(ctx, "repeated"):
        if match.group(0) not in words and not forms.match(match.group(1)):
            ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：“{match.group(1)}”连写了两次",
                       [_evidence(paragraph, excerpt)])


@rule("TEXT-007")
def template_leftovers(ctx: Context) -> None:
    if ctx.disclosure.meta.template:
        raise Skip("未填写的模板，可选表述本应保留")
    if not ctx.disclosure.narrative and not any(t.notes for t in ctx.disclosure.tables):
        raise Skip("没有情况说明，也没有表格注释")
    for paragraph, match, excerpt in (_matches(ctx, "leftover") if ctx.disclosure.narrative else ()):
        ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：模板中的可选表述“{match.group(0)}”未按实际情况取舍",
                   [_evidence(paragraph, excerpt)])
    fill_in = re.compile(_patterns()["fill_in"])
    under: dict[str, list] = {}  # one instruction repeated under many tables is one slip
    for table in ctx.disclosure.tables:
        for note in table.notes:
            match = fill_in.search(note)
            if match:
                under.setdefault(match.group(0), []).append((table, note))
    for words, tables in under.items():
        table, note = tables[0]
        where = "、".join(f"{table_name(t)}{place(t.location)}" for t, _ in tables[:3]) + (" 等" if len(tables) > 3 else "")
        ctx.report(f"{len(tables)} 张表下留有填表说明「{note.strip()[:40]}」（“{words}”，见{where}），公开时应删去",
                   [Evidence(f"{table_name(t)} · 注", t.location, table=t.kind) for t, _ in tables])


@rule("TEXT-008")
def ascii_punctuation(ctx: Context) -> None:
    """One notice per printed line: a line typed with half-width punctuation throughout is one
    slip, not dozens."""
    grouped: dict[int, tuple[Paragraph, list[str], str]] = {}
    for paragraph, match, excerpt in _matches(ctx, "ascii_punctuation"):
        mark = match.group(1) or match.group(2)
        grouped.setdefault(id(paragraph), (paragraph, [], excerpt))[1].append(mark)
    for paragraph, marks, excerpt in grouped.values():
        count = f"共 {len(marks)} 处，" if len(marks) > 1 else ""
        ctx.report(f"情况说明{place(paragraph.location)}「{excerpt}」：中文中使用了半角标点"
                   f"{'、'.join(f'“{m}”' for m in dict.fromkeys(marks))}（{count}应为全角）",
                   [_evidence(paragraph, excerpt)])


@rule("TEXT-009")
def table_notes(ctx: Context) -> None:
    """A note under a table that contradicts it: "本表为空表" over printed amounts, or "无政府性
    基金…" under the 国有资本经营 table (a note copied from the neighbouring table)."""
    spec = data("narrative.toml")["table_notes"]
    empty = re.compile(spec["empty"])
    funds: dict[str, str] = spec["funds"]
    checked = 0
    for table in ctx.disclosure.tables:
        for note in table.notes:
            checked += 1
            printed = [r for r in table.rows if r.certain and any(v for v in r.values.values())]
            evidence = Evidence(f"{table_name(table)} · 注", table.location, table=table.kind)
            if empty.search(note) and printed and not table.doubts:
                amounts = "、".join([f"{column_name(k)} {v}" for k, v in printed[0].values.items() if v][:3])
                ctx.report(f"{table_name(table)}{place(table.location)}的注释说“{note.strip()[:50]}”，但表中列有金额"
                           f"（{place(printed[0].location)}：{amounts} …）：注释与表格矛盾",
                           [evidence, cell(table, printed[0], next(k for k, v in printed[0].values.items() if v))])
            own = funds.get(table.kind)
            named = [f for kind, f in funds.items() if f != own and re.search(f"无.{{0,12}}{f}", note)]
            if own and named and own not in note:
                # a warning when it claims to describe this table (故本表为空), else a notice: notes
                # on an omitted table are often printed under its neighbour
                about_this = bool(empty.search(note))
                ctx.report(f"{table_name(table)}{place(table.location)}的注释说“{note.strip()[:50]}”，讲的是{named[0]}，"
                           f"而本表是{own}的表{'：注释可能是从别的表抄来的' if about_this else ''}", [evidence],
                           severity=None if about_this else Severity.NOTICE)
    if not checked:
        raise Skip("表格下没有注释")


@rule("TEXT-010")
def scope_words(ctx: Context) -> None:
    """A 单位 document that calls itself 本部门 (a warning: the unit is not the department), or a
    部门 document that calls itself 本单位 (a notice: common, but the scope is the department and
    all its units). One finding per document, with the count and the first place."""
    scope = ctx.disclosure.meta.scope
    if scope is None:
        raise Skip("未识别到文件是部门还是单位的预算（决算）")
    words = data("narrative.toml")["scope_words"]
    other = words["department"] if scope == DocumentScope.UNIT else words["unit"]
    found = list(_matches_pattern(ctx, other))
    if not found:
        return
    paragraph, match, excerpt = found[0]
    own = "单位" if scope == DocumentScope.UNIT else "部门"
    ctx.report(f"本文件是{own}{'预算' if ctx.disclosure.meta.kind == DocumentKind.BUDGET else '决算'}，情况说明却有 "
               f"{len(found)} 处以“{match.group(0)}”等{'部门' if own == '单位' else '单位'}口吻表述（如{place(paragraph.location)}"
               f"「{excerpt}」）", [_evidence(paragraph, excerpt)],
               severity=Severity.WARNING if scope == DocumentScope.UNIT else Severity.NOTICE)


def _matches_pattern(ctx: Context, pattern: str) -> Iterator[tuple[Paragraph, re.Match[str], str]]:
    compiled = re.compile(pattern)
    for paragraph in _paragraphs(ctx):
        for match in compiled.finditer(paragraph.text):
            yield paragraph, match, _quote(paragraph.text, match.start(), match.end())


@rule("TEXT-011")
def unfinished_sentences(ctx: Context) -> None:
    """A section whose last sentence runs into the next heading without its full stop — the
    place where deleted or truncated text most often shows."""
    spec = data("narrative.toml")["unfinished"]
    ends, table_like = re.compile(spec["ends"]), re.compile(spec["table_like"])
    sections = [s for s in ctx.disclosure.narrative if s.paragraphs]
    if len(sections) < 2:
        raise Skip("情况说明没有分节，无法判断句末")
    for section, following in zip(sections, sections[1:], strict=False):
        last = section.paragraphs[-1]
        text = last.text.strip()
        if len(text) < spec["min_length"] or "，" not in text or ends.search(text) or table_like.search(text):
            continue
        others = [p.text.strip() for p in section.paragraphs[:-1] if p.text.strip()]
        if others and not any(ends.search(t) for t in others):
            continue  # a list whose items never end in a full stop: the section's own style
        ctx.report(f"情况说明{place(last.location)}「…{text[-24:]}」之后直接是标题“{following.heading[:20]}”，句末缺少标点",
                   [_evidence(last, text[-24:])])


@rule("TEXT-012")
def level_of_government(ctx: Context) -> None:
    """A district or county document speaking of 市级财政 or 市级预算主管部门 as its own — the
    名词解释 of a higher level's template kept as it was. A notice: a district may well mention
    city money it receives."""
    region = ctx.disclosure.meta.region
    if not region:
        raise Skip("未识别到文件所属的行政区划")
    # a municipality's districts (上海市普陀区) end in 区 like any county-level region
    levels = data("regions.toml")["level"]
    level = next((lv for lv in reversed(levels) if re.search(lv["ends"], region)), None)
    if level is None or not level["above"]:
        return
    found = [(p, m, e) for p, m, e in _matches_pattern(ctx, data("narrative.toml")["level_words"]["pattern"])
             if m.group(1) in level["above"]]
    if not found:
        return
    paragraph, match, excerpt = found[0]
    ctx.report(f"本文件属于{region}（{level['name']}），情况说明却有 {len(found)} 处称“{match.group(0)}”"
               f"（如{place(paragraph.location)}「{excerpt}」）：可能沿用了上级的模板", [_evidence(paragraph, excerpt)])


@rule("TEXT-013")
def printed_names_differ(ctx: Context) -> None:
    """A table header that prints the department's name differently from the document — cut
    short ("…人力资源和社会保障" for "…社会保障局") or misspelt. A header naming another body
    altogether (a subordinate unit) is not this rule's business: only names close to the
    document's are compared."""
    d = ctx.disclosure
    department = d.meta.department
    if not department or not d.printed_names:
        raise Skip("未识别到部门名称，或表头没有印部门名称")
    own = normal_name(department)
    close = float(data("meta.toml")["printed_name_similarity"])
    differing: dict[str, list] = {}
    for printed in d.printed_names:
        name = normal_name(printed.name)
        if name == own or name.startswith(own):  # "…局（本级）", "…局 单位：万元" read whole
            continue
        if own.startswith(name) or SequenceMatcher(None, name, own, autojunk=False).ratio() >= close:
            differing.setdefault(printed.name, []).append(printed)
    for name, places in differing.items():
        where = "、".join(place(p.location) for p in places[:3]) + (" 等" if len(places) > 3 else "")
        ctx.report(f"表头印的部门名称“{name}”与本文件的部门名称“{department}”不一致（{where}）",
                   [Evidence(f"表头 · 部门名称：{name}", p.location) for p in places])


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short names (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@rule("TEXT-014")
def narrative_name_differs(ctx: Context) -> None:
    """The department's name written in the narrative with a character missing or doubled, or cut
    short by one or two ("上海市普陀区商务委员收入预算…" for …商务委员会). A character replaced is
    not reported: 民政局 beside 财政局 is another body, not a slip. Only a full name is
    compared — one that starts as the document's does (its region) and stands where a name ends
    (before 收入/支出/（/，…, catalogue `name_followers`); a subordinate unit's longer name and the
    usual short forms (区商务委) are left alone."""
    d = ctx.disclosure
    department = d.meta.department
    if not department or d.meta.template:
        raise Skip("未识别到部门名称（或是未填写的模板）")
    own = normal_name(department)
    region = normal_name(d.meta.region or "")
    anchor = region if region and own.startswith(region) and len(region) >= 2 else own[:4]
    if len(own) < 6:
        raise Skip("部门名称过短，无法可靠比对")
    followers = tuple(data("meta.toml")["name_followers"])
    differing: dict[str, list[tuple[Paragraph, str]]] = {}
    for paragraph in _paragraphs(ctx):
        text = compact(paragraph.text)
        for start in (m.start() for m in re.finditer(re.escape(anchor), text)):
            if text.startswith(own, start):
                continue
            for length in range(len(own) - 2, len(own) + 3):
                written, rest = text[start:start + length], text[start + length:]
                if len(written) < length or (rest and not rest.startswith(followers)):
                    continue
                cut_short = own.startswith(written) and len(own) - len(written) <= 2
                # one character replaced is as often another body of the same government (民政局 and
                # 财政局, 教育局 and 体育局) as a slip: only a character missing or doubled is reported
                sibling = len(written) == len(own)
                if written != own and not sibling and (cut_short or _edits(written, own) == 1):
                    differing.setdefault(written, []).append((paragraph, _quote(text, start, start + length)))
                    break
    for written, places in differing.items():
        where = "、".join(place(p.location) for p, _ in places[:3]) + (" 等" if len(places) > 3 else "")
        ctx.report(f"情况说明中写作“{written}”（{where}），与本文件的部门名称“{department}”不一致",
                   [_evidence(p, excerpt) for p, excerpt in places])
