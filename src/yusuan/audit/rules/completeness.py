"""COMP: is everything there — tables the 目录 promises, the standard tables, narrative items."""

from __future__ import annotations

import re

from ...catalogue import data, table_kinds
from ...model import Disclosure, Evidence, Location, Severity
from ...model.text import compact
from ..context import Context, Skip
from ..engine import rule

_TOGETHER = "如表格与情况说明分开发布，请把几个文件一并审核（yusuan audit 文件… --as-one）"


def _only_part(d: Disclosure) -> str | None:
    """"narrative" or "tables" when the file clearly holds only that part of a disclosure — a
    disclosure published as two files — else None."""
    if d.parts:
        return None
    claims = sum(len(s.claims) for s in d.narrative)
    if not d.tables and claims >= 3:
        return "narrative"
    if d.tables and claims == 0:
        return "tables"
    return None


@rule("COMP-001")
def toc_tables(ctx: Context) -> None:
    d = ctx.disclosure
    listed = [entry for entry in d.toc if entry.kind]
    if not listed:
        raise Skip("未识别到目录中的表格条目")
    if _only_part(d) == "narrative":
        raise Skip(f"本文件只有情况说明，目录所列表格不在本文件中，未检查；{_TOGETHER}")
    present = {t.kind for t in d.tables}
    for entry in listed:
        if entry.kind not in present:
            ctx.report(f"目录列出「{entry.title}」，但正文中没有这张表",
                       [Evidence(f"目录 · {entry.title}", entry.location, table="toc")])


def _opening(d: Disclosure, part: str = "") -> Location:
    """Where a reader starts looking for something the document lacks: the start of the part
    it belongs in (the narrative, the tables), else the document's first located line — never
    a location without a page or line."""
    located = {
        "narrative": [s.location for s in d.narrative],
        "tables": [t.location for t in d.tables],
    }.get(part, [])
    located = located or [*(e.location for e in d.toc), *(s.location for s in d.narrative),
                          *(t.location for t in d.tables)]
    located = [loc for loc in located if loc.line or loc.page]
    if not located:
        return Location(d.source.path, 1)
    return min(located, key=lambda loc: (loc.file, loc.page or 0, loc.line or 0))


def _narrative_text(d: Disclosure) -> str:
    return "\n".join(s.heading + "\n" + s.text for s in d.narrative)


@rule("COMP-002")
def standard_tables(ctx: Context) -> None:
    d = ctx.disclosure
    if _only_part(d) == "narrative":
        ctx.report(f"本文件只有情况说明，没有识别到任何标准表，标准表是否齐全未检查；{_TOGETHER}",
                   [Evidence("全文", _opening(d), table="narrative")], severity=Severity.NOTICE)
        return
    if not d.tables:
        raise Skip("未识别到任何表格")
    present = {t.kind for t in d.tables}
    in_toc = {entry.kind for entry in d.toc if entry.kind}
    text = compact(_narrative_text(d))
    excuses = data("narrative.toml")["no_data"]["patterns"]
    for kind in table_kinds():
        if d.meta.kind not in kind.required_in or kind.key in present or kind.key in in_toc:
            continue
        stem = re.sub(r"(预算)?(支出)?表.*$", "", kind.name).strip("“”")
        excused = any(re.search(stem[:4] + ".{0,20}" + p, text) or re.search(p + ".{0,6}" + stem[:4], text)
                      for p in excuses)
        if not excused:
            ctx.report(f"未找到标准表「{kind.name}」，情况说明中也没有说明本部门无此项数据",
                       [Evidence(f"标准表部分 · {kind.name}", _opening(d, "tables"), table=kind.key)])


@rule("COMP-003")
def narrative_items(ctx: Context) -> None:
    d = ctx.disclosure
    if _only_part(d) == "tables":
        ctx.report(f"本文件只有表格，没有情况说明，说明各项是否齐全未检查；{_TOGETHER}",
                   [Evidence("全文", _opening(d), table="narrative")], severity=Severity.NOTICE)
        return
    if not d.narrative:
        raise Skip("未识别到情况说明")
    catalogue = data("narrative.toml")
    text = _narrative_text(d)
    for item in catalogue["required_item"]:
        if not any(re.search(p, text) for p in item["patterns"]):
            ctx.report(f"情况说明缺少「{item['name']}」",
                       [Evidence(f"情况说明 · {item['name']}", _opening(d, "narrative"), table="narrative")])
    reason = catalogue["three_public_reason"]
    paragraphs = [p for s in d.narrative for p in s.paragraphs if reason["topic"] in p.text and "万元" in p.text]
    if paragraphs and not any(re.search(pat, p.text) for p in paragraphs for pat in reason["patterns"]):
        first = paragraphs[0]
        ctx.report("“三公”经费说明只列了金额，没有说明增减变化的原因",
                   [Evidence("情况说明 · “三公”经费", first.location, table="narrative")])
