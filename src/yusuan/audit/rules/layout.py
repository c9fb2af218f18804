"""LAYOUT: what the pages of a PDF show, from the reader's page facts — no rendering needed."""

from __future__ import annotations

from ...model import Evidence, Location, PageFacts, Severity
from ..context import Context, Skip
from ..engine import rule


def _pages(ctx: Context) -> list[PageFacts]:
    if not ctx.disclosure.pages:
        raise Skip("不是按页排版的文件（PDF），没有版面信息")
    return ctx.disclosure.pages


def _page(page: PageFacts, what: str) -> Evidence:
    return Evidence(f"第 {page.number} 页 · {what}", Location(page.file, page=page.number), table="layout")


@rule("LAYOUT-001")
def blank_pages(ctx: Context) -> None:
    """A page with no text inside the document (between pages that have text); a scanned page
    is not blank, and blank pages after the last text are not "inside"."""
    pages = _pages(ctx)
    by_file: dict[str, list[PageFacts]] = {}
    for page in pages:
        by_file.setdefault(page.file, []).append(page)
    for file_pages in by_file.values():
        printed = [p.number for p in file_pages if p.characters]
        if not printed:
            continue
        for page in file_pages:
            if not page.characters and not page.scanned and printed[0] < page.number < printed[-1]:
                if page.drawings:  # an empty table frame: a table printed without its content
                    ctx.report(f"第 {page.number} 页没有文字，只有 {page.drawings} 条表格线框，夹在正文中间：可能漏印了内容",
                               [_page(page, "空白页")])
                else:  # may be a deliberate blank page (a section starting on an odd page)
                    ctx.report(f"第 {page.number} 页是空白页，夹在正文中间：如非有意留空，可能漏印了内容",
                               [_page(page, "空白页")], severity=Severity.NOTICE)


@rule("LAYOUT-002")
def repeated_pages(ctx: Context) -> None:
    pages = _pages(ctx)
    for previous, page in zip(pages, pages[1:], strict=False):
        if page.file == previous.file and page.digest and page.digest == previous.digest:
            ctx.report(f"第 {page.number} 页的文字与第 {previous.number} 页完全相同：同一页印了两次",
                       [_page(previous, "原页"), _page(page, "重复页")])


@rule("LAYOUT-003")
def clipped_text(ctx: Context) -> None:
    for page in _pages(ctx):
        if page.clipped:
            ctx.report(f"第 {page.number} 页有 {page.clipped} 个字符排在页面可见范围之外（如“{page.clipped_sample}”），"
                       "读者看不到，复制或检索时却会出现；多为分页或排版错误，请核对该页内容是否完整",
                       [_page(page, "页面外的文字")])


@rule("LAYOUT-004")
def unmapped_characters(ctx: Context) -> None:
    for page in _pages(ctx):
        if page.unmapped:
            ctx.report(f"第 {page.number} 页有 {page.unmapped} 个字符没有对应的文字编码（{page.unmapped_sample}）：屏幕上"
                       "看得到，复制、检索和机器读取得到的却是乱码，其中的数字无法核对",
                       [_page(page, "无法识别的字符")])
