"""Find where each table starts and ends in a Layout.

A title only opens a table when rows of cells follow it; titles followed by other titles are
the table of contents (目录), recorded so that the audit can later check the inventory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..catalogue import TableKindSpec, data, kind_for_title
from ..model import TocEntry
from ..model.layout import Line
from ..model.money import parse_amount, parse_unit
from ..model.text import compact, strip_enumerator

_META = re.compile(
    r"(单位[:：]|^单位$|^万元$|^元$|预算年度|部门名称[:：]|部门[（(]单位[)）][:：]|^预算\d+表$|^[（(]\d{4}年度?[)）]$|编制单位[:：])"
)
_PAGE_NO = re.compile(r"^[\d\s.…·-]*$")
_REFERENCE = re.compile(r"^(详见|参见|见)")  # "详见单位的项目绩效目标表" points elsewhere
_NOTE = re.compile(r"^(注|备注|说明)\s*\d*[:：.、]")
# Notes saying a table has nothing to show. A line right after a title must say so plainly to
# make the title an empty table rather than a 目录 entry; a note already under a table may say
# it in looser words ("本部门无…支出").
_EMPTY_NOTE = re.compile(r"(无数据|空表|没有.*(支出|收入|预算)|无.*(预算|支出|收入|经费|项目)|本表为空)")
_EMPTY_TABLE = re.compile(r"(本表无数据|本表为空|无数据|空表|本(部门|单位)(本年度?)?(没有|无)\S{0,20}(收支|支出|收入|预算|经费|安排))")
_TABLE_NUMBER = re.compile(r"^(?:附件|附表|表)\s*[\d一二三四五六七八九十]+(?:[:：、.．]\s*|\s+)")
_INLINE_META = re.compile(r"(?<=表)\s*(?:部门(?:名称)?[:：]|编制(?:单位|部门)[:：]|(?:金额)?单位[:：])")
_TRAILING = re.compile(r"([（(][^（()）]*[)）]|[\d.…·\s]+)$")


@dataclass
class TableBlock:
    kind: TableKindSpec
    title: str
    title_line: Line
    preamble: list[Line] = field(default_factory=list)
    rows: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)


def title_text(line: Line) -> str | None:
    """The candidate title carried by a line (a text line, or a row whose only text is a title)."""
    if line.cells is None:
        return line.text
    texts = [c for c in line.cells if c.strip()]
    if not texts:
        return None
    if all(_PAGE_NO.match(t) for t in texts[1:]):
        return texts[0]
    return None


MAX_TITLE = 200


def title_kind(line: Line) -> TableKindSpec | None:
    text = title_text(line)
    if not text or len(text) > MAX_TITLE:
        return None  # (a long line is no title: and the patterns below need not read it)
    # a table number before the title ("表二 一般公共预算支出表", "表1：…", "附表3"), cut only where
    # a separator or a space ends it — "表一般…" is no number
    text = _TABLE_NUMBER.sub("", text.strip(), count=1)
    # a title printed in the table's first merged row carries the meta after it:
    # "收支预算总表部门：江苏省政协办公厅 单位：万元"
    text = _INLINE_META.split(compact(text), maxsplit=1)[0]
    full = compact(strip_enumerator(compact(text)))
    full = re.sub(r"^(附件|附表)\d*[:：]?", "", full)
    full = re.sub(r"[\d.…·]+$", "", full)
    key = full
    while True:
        trimmed = _TRAILING.sub("", key)
        if trimmed == key:
            break
        key = trimmed
    if not key.endswith("表") or len(key) > 70 or _REFERENCE.match(key):
        return None
    return kind_for_title(full)


def is_toc_row(line: Line) -> bool:
    """A contents entry exported as a row: a title and a page number."""
    printed = [c for c in line.cells or [] if c.strip()]
    return len(printed) == 2 and bool(re.fullmatch(r"\d{1,3}", printed[1].strip()))


def is_meta(line: Line) -> bool:
    texts = [line.text] if line.cells is None else [c for c in line.cells if c.strip()]
    return bool(texts) and any(_META.search(compact(t)) for t in texts)


def is_note(line: Line) -> bool:
    """"注：…" under a table — as a text line, or alone in a spreadsheet row's first cell."""
    if line.cells is not None and any(c.strip() for c in line.cells[1:]):
        return False
    return bool(_NOTE.match(line.text.strip()))


def _is_title_fragment(line: Line) -> bool:
    """A wrapped remainder of a title such as "预算表（不含上年结转）" or "（上年结转）"."""
    if line.cells is not None:
        return False
    text = compact(line.text)
    return bool(text) and len(text) <= 30 and (text.endswith("表") or text.endswith("）") or text.endswith(")")) and not _NOTE.match(text)


def _is_meta_value(line: Line, preamble: list[Line]) -> bool:
    """A short line between a title and its rows: a meta value printed on its own line
    ("部门名称:" then the name) or a repeated, wrapped title."""
    return (line.cells is None and len(preamble) < 4 and len(compact(line.text)) <= 40
            and not re.search(r"[。，；]", line.text))


def segment(lines: list[Line]) -> tuple[list[TableBlock], list[Line], list[TocEntry]]:
    """Split lines into table blocks and the remaining (narrative) lines; also return TOC titles."""
    blocks: list[TableBlock] = []
    rest: list[Line] = []
    toc: list[TocEntry] = []
    rest_at_block_end = 0
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        kind = title_kind(line)
        if kind is None:
            rest.append(line)
            i += 1
            continue
        if line.cells is None and _TOC_LINE.search(line.text):  # "九、…决算表······14": a 目录 line, never a title
            toc.append(toc_entry(line))
            rest.append(line)
            i += 1
            continue
        # look ahead for the first row that is not itself a title
        j = i + 1
        preamble: list[Line] = []
        while j < n:
            nxt = lines[j]
            nxt_kind = title_kind(nxt)
            # the same title again (or a broader reading of it, e.g. a wrapped "（上年结转）")
            if nxt_kind is not None and kind.key.startswith(nxt_kind.key) and nxt.cells is None:
                preamble.append(nxt)
                j += 1
                continue
            if nxt_kind is None and (is_meta(nxt) or _is_title_fragment(nxt) or _is_meta_value(nxt, preamble)):
                preamble.append(nxt)
                j += 1
                continue
            break
        says_empty = j < n and lines[j].cells is None and _EMPTY_TABLE.search(compact(lines[j].text))
        if not says_empty and (j >= n or lines[j].cells is None or title_kind(lines[j]) is not None
                               or is_toc_row(lines[j])):
            toc.append(toc_entry(line))
            rest.append(line)
            i += 1
            continue
        title = _INLINE_META.split((title_text(line) or "").strip(), maxsplit=1)[0].strip()
        previous = blocks[-1] if blocks else None
        if (previous is not None and previous.kind == kind and compact(previous.title) == compact(title)
                and kind.key not in data("arith.toml")["not_amount_tables"]  # one form per project
                and previous.rows and line.page is not None and previous.rows[-1].page == line.page - 1
                and all(len(compact(x.text)) <= 8 for x in rest[rest_at_block_end:])
                and not _another_table(previous, preamble, lines[j:j + 4])):
            block = previous  # the same title again at the top of the next page: the table goes on
            del rest[rest_at_block_end:]
        else:
            block = TableBlock(kind=kind, title=title, title_line=line, preamble=preamble)
            blocks.append(block)
        while j < n:
            nxt = lines[j]
            if nxt.cells is not None:
                if title_kind(nxt) is not None:
                    break
                if is_note(nxt):
                    block.notes.append(nxt)
                    j += 1
                    continue
                block.rows.append(nxt)
                j += 1
                continue
            if title_kind(nxt) is not None:
                break
            if _is_page_number(nxt) and j + 1 < n and lines[j + 1].cells is not None:
                j += 1  # a page number between a table's rows: the table goes on
                continue
            if is_meta(nxt):
                block.preamble.append(nxt)
                j += 1
                continue
            if is_note(nxt) or _continues_note(block, nxt) or (not block.rows and _EMPTY_TABLE.search(compact(nxt.text))):
                block.notes.append(nxt)
                j += 1
                continue
            break
        rest_at_block_end = len(rest)
        i = j
    return blocks, rest, toc


_OWN_TOTAL = re.compile(r"^(合计|总计)$")


def _another_table(previous: TableBlock, preamble: list[Line], first_rows: list[Line]) -> bool:
    """The same title again is a new table, not the next page of the old one, when its preamble
    names another unit (单位名称：…所属中心) or it opens with a 合计 row of its own."""
    def named(lines: list[Line]) -> set[str]:
        return {compact(x.text) for x in lines if is_meta(x) and not parse_unit(x.text)}

    if named(preamble) - named(previous.preamble):
        return True
    return any(any(_OWN_TOTAL.match(compact(c)) for c in row.cells or [])
               and any(parse_amount(c) is not None for c in row.cells or []) for row in first_rows)


# a 目录 line's leader (……, ·····, ....) and the page number after it
_TOC_LEADER = re.compile(r"\s*(?:[.．·…⋯・_\-—]\s?){2,}\s*(?:[-—－]?\s*\d{1,4}\s*[-—－]?)?\s*$"
                         r"|\s+\d{1,3}\s*$|(?<=[^附]表)\d{1,3}$")


_TOC_LINE = re.compile(r"(?:……|(?:[.．·⋯・—]\s?){4,})\s*\d{1,4}\s*$")


def toc_entry(line: Line) -> TocEntry:
    """A 目录 line with the standard table it names (a title ending in 表 of a known kind); the
    leader and page number are not part of the title."""
    title = _TOC_LEADER.sub("", (title_text(line) or line.text).strip())
    key = compact(strip_enumerator(compact(title)))
    kind = kind_for_title(key) if key.endswith("表") else None
    return TocEntry(title, line.location, kind.key if kind else None)


def says_empty(notes: list[str]) -> bool:
    """The notes under a table say it has nothing to show ("本表无数据", "本部门无…支出")."""
    return bool(_EMPTY_NOTE.search(" ".join(notes)))


def _is_page_number(line: Line) -> bool:
    """A line that is only a page number ("6", "- 6 -", "第6页")."""
    return line.cells is None and bool(re.fullmatch(r"[-—－\s]*(第\s*)?\d{1,3}(\s*页)?[-—－\s]*", line.text))


def _continues_note(block: TableBlock, line: Line) -> bool:
    """A short line right after a note ("本表无数据…") still belongs to the table."""
    text = line.text.strip()
    return bool(block.notes) and ("本表" in text or "无数据" in text or "空表" in text)
