"""PDF reader (text layer) built on PDFium (pypdfium2, see pdfium_page.py).

Per page: ruled tables (ruling lines and cell rectangles) become rows of cells through
pdfplumber's table geometry; everything else becomes text lines, and a text line whose words stand
apart by wide gaps becomes a row of cells too (unruled tables: column clustering by gaps). A
cell's wrapped text is joined by the cell's geometry, so a long name stays in its row. Page
numbers and running headers/footers are dropped. Tables continued on the next page come out as
consecutive rows; merging them (and skipping the repeated header rows) is the recogniser's job,
exactly as for the text exports.

Every line carries its page and box (PDF points, origin top-left). Line numbers run through the
whole document so evidence can still be keyed by line.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from ..model.layout import Layout, Line, PageFacts
from ..model.limits import Limits, ReadError
from ..model.text import HEADING, glue, is_cjk, join_wrapped
from .pdf_tables import extract
from .pdfium_page import MAX_EDGES, PDFIUM_LOCK, PdfiumPage, odd_glyph
from .radicals import fold_radical
from .text import clean_cell, clean_text

_PAGE_NUMBER = re.compile(r"^\s*([-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$")
_MARGIN = 0.09  # top and bottom share of the page where headers, footers and page numbers live
_SCANNED_SHARE = 0.3  # images covering this much of a textless page make it a scan
OCR_SECONDS = 10.0  # added to the time limit for each scanned page recognised


@dataclass
class _Item:
    top: float
    x0: float
    line: Line
    margin: bool = False  # printed in the top or bottom margin band of its page
    grid: list[tuple[float, float]] | None = None  # column x-spans of the ruled table it is from


def _open(data: bytes, path: str):
    """The PDFium document; ReadError saying whether the file is encrypted or broken."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower() or re.search(rb"/Encrypt\s", data[-65536:]):
            reason = "已加密（需要密码或不允许提取文字），无法读取；请提供未加密的版本"
        else:
            reason = f"已损坏，无法打开（{message.split(':')[-1].strip() or type(exc).__name__}）"
        raise ReadError(f"{path}：PDF 文件{reason}") from exc


def read_pdf(data: bytes, layout: Layout, limits: Limits) -> None:
    with PDFIUM_LOCK:
        document = _open(data, layout.path)
        try:
            count = len(document)
            if count > limits.max_pages:
                raise ReadError(f"{layout.path}：PDF 共 {count} 页，超过上限 {limits.max_pages} 页")
            per_page = [_read_page(document, index, layout, limits) for index in range(count)]
        finally:
            document.close()
    _drop_running_lines(per_page)
    _align_continuations(per_page)
    counter = 0
    for items in per_page:
        for item in items:
            counter += 1
            item.line.line = item.line.end_line = counter
            layout.lines.append(item.line)


def _read_page(document, index: int, layout: Layout, limits: Limits) -> list[_Item]:
    """One page's items (its facts added to the layout); a page that floods drawing objects or
    cannot be parsed is skipped with a warning — never the whole document."""
    import pypdfium2.raw as pdfium_c

    number = index + 1
    limits.check_time(layout.path, f"第 {number} 页")
    try:
        raw_page = document[index]
    except Exception as exc:  # noqa: BLE001 — PDFium refuses a broken page object
        layout.warnings.append(f"第 {number} 页无法解析（{type(exc).__name__}），已跳过")
        layout.pages.append(PageFacts(file=layout.path, number=number))
        return []
    try:
        objects = pdfium_c.FPDFPage_CountObjects(raw_page.raw)
        if objects > MAX_PAGE_OBJECTS:
            layout.warnings.append(f"第 {number} 页有 {objects} 个绘图对象，远超正常页面，已跳过（疑似恶意文件）")
            layout.pages.append(PageFacts(file=layout.path, number=number))
            return []
        try:
            page = PdfiumPage(raw_page)
        except Exception as exc:  # noqa: BLE001 — one broken page must not lose the others
            layout.warnings.append(f"第 {number} 页无法解析（{type(exc).__name__}），已跳过")
            layout.pages.append(PageFacts(file=layout.path, number=number))
            return []
        if page.truncated:
            layout.warnings.append(f"第 {number} 页的线条过多，只读取了前一部分（疑似恶意文件）")
        scanned = not page.chars and _scanned(page)
        if scanned:
            page = _recognised(raw_page, page, number, len(document), layout, limits)
        try:
            facts = page_facts(page, number, layout.path)
        except Exception:  # noqa: BLE001 — the facts only serve the layout checks
            facts = PageFacts(file=layout.path, number=number)
        facts.scanned = facts.scanned or scanned
        layout.pages.append(facts)
        if len(page.edges) > MAX_EDGES:
            layout.warnings.append(f"第 {number} 页有 {len(page.edges)} 条线段，远超正常表格，未识别表格（疑似恶意文件）")
            page.edges = []
        limits.check_time(layout.path, f"第 {number} 页")
        try:
            return _page_items(page, number, layout)
        except Exception as exc:  # noqa: BLE001
            layout.warnings.append(f"第 {number} 页无法解析（{type(exc).__name__}），已跳过")
            return []
    finally:
        raw_page.close()


MAX_PAGE_OBJECTS = 100_000  # a dense table page has a few thousand; PDFium counts them in microseconds


_CID = re.compile(r"^\(cid:\d+\)$")
_DIGEST_MIN_CHARACTERS = 50


_SYMBOL_FONT = re.compile(r"(Symbol|Wingdings|Webdings|Dingbats)", re.I)


def _unmapped(char: dict) -> bool:
    """A glyph the PDF gives no text for: private-use code points, the replacement character (what
    the reader puts for a glyph PDFium cannot map to Unicode), or "(cid:n)" as pdfminer wrote it.
    Symbol fonts (Word's bullets, U+F0xx) are pictures by design, not lost text."""
    text = char["text"]
    if _SYMBOL_FONT.search(char.get("fontname") or "") or all(0xF000 <= ord(ch) <= 0xF0FF for ch in text):
        return False
    return bool(_CID.match(text)) or any(ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def page_facts(page: PdfiumPage, number: int, path: str) -> PageFacts:
    """Counts for the layout checks, from the characters and drawing objects of the page (one
    pass over the characters: this runs on every page)."""
    x0, top, x1, bottom = page.bbox
    printed = 0
    unmapped: list[str] = []
    clipped: list[str] = []
    text: list[str] = []
    for char in _reading_order(page.chars):
        glyph = char["text"]
        if not glyph.strip():
            continue
        printed += 1
        text.append(glyph)
        if odd_glyph(glyph) and _unmapped(char):
            unmapped.append(glyph)
        if char["x1"] <= x0 or char["x0"] >= x1 or char["bottom"] <= top or char["top"] >= bottom:
            clipped.append(glyph)
    images = 0.0 if printed else sum(abs((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    samples = list(dict.fromkeys(u if _CID.match(u) else f"U+{ord(u[0]):04X}" for u in unmapped))[:10]
    return PageFacts(
        file=path, number=number, characters=printed, unmapped=len(unmapped), unmapped_sample=" ".join(samples),
        clipped=len(clipped), clipped_sample="".join(clipped[:20]),
        drawings=0 if printed else page.drawings,
        scanned=not printed and images / ((page.width * page.height) or 1) >= _SCANNED_SHARE,
        digest=hashlib.sha1("".join(text).encode()).hexdigest() if printed >= _DIGEST_MIN_CHARACTERS else None)


def _reading_order(chars: list[dict]) -> list[dict]:
    """Characters by position (line by line, left to right) rather than by the order the content
    stream draws them, so that the same page printed by two producers has the same digest."""
    return sorted(chars, key=lambda c: (round((c["top"] + c["bottom"]) / 2), c["x0"]))


def _fold_radicals(chars: list[dict]) -> None:
    """Radicals to the ideographs they stand for, before any text is assembled (see radicals.py)."""
    for char in chars:
        char["text"] = fold_radical(char["text"])


def _scanned(page: PdfiumPage) -> bool:
    """A page without text whose images cover most of it: a scan."""
    area = page.width * page.height or 1
    covered = sum(abs((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    return covered / area >= _SCANNED_SHARE


def _recognised(raw_page, page: PdfiumPage, number: int, count: int, layout: Layout, limits: Limits):
    """A scanned page read by OCR when the extra is installed; otherwise the page as it is (no
    text) and one warning naming the extra."""
    from . import ocr

    if not ocr.available():
        layout.warnings.append(f"第 {number} 页为扫描图像，未能读取文字（安装 {ocr.EXTRA}，即 rapidocr-onnxruntime，"
                               "后可用文字识别读取）")
        return page
    limits.check_time(layout.path, f"第 {number} 页")
    limits.max_seconds += OCR_SECONDS  # a scanned page takes seconds to recognise, not milliseconds
    if limits.progress is not None:
        limits.progress(f"第 {number}/{count} 页为扫描图像，文字识别（OCR）中…")
    try:
        recognised = ocr.OcrPage(raw_page, page.width, page.height)
    except Exception as exc:  # noqa: BLE001 — one page the recogniser fails on must not lose the document
        layout.warnings.append(f"第 {number} 页为扫描图像，文字识别（OCR）失败（{type(exc).__name__}），未能读取文字")
        return page
    if recognised.chars:
        layout.warnings.append(f"第 {number} 页为扫描图像，已用文字识别（OCR）读取：识别出的表格须经勾稽关系验证才作为审核依据")
    else:
        layout.warnings.append(f"第 {number} 页为扫描图像，文字识别（OCR）未识别出文字")
    return recognised


def _page_items(page, number: int, layout: Layout) -> list[_Item]:
    _fold_radicals(page.chars)
    if not page.chars:
        return []
    tables = [t for t in page.find_tables() if len(t.cells) > 1]
    items: list[_Item] = []
    for table in tables:
        items.extend(_table_rows(table, page.chars, number))
    boxes = [t.bbox for t in tables]
    chars = [c for c in page.chars if not _inside(c, boxes)] if boxes else list(page.chars)
    for line_chars in _group_lines(chars):
        line = _text_line(line_chars, number)
        if line is not None:
            top, bottom = line.bbox[1], line.bbox[3]
            margin = top < page.height * _MARGIN or bottom > page.height * (1 - _MARGIN)
            if margin and _PAGE_NUMBER.match(line.text):
                continue
            items.append(_Item(top, line.bbox[0], line, margin))
    items.sort(key=lambda i: (round(i.top, 1), i.x0))
    return _join_paragraphs(items)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _table_rows(table, chars: list[dict], number: int) -> list[_Item]:
    """Rows of a ruled table; a one-column "table" (a framed contents list) is just text lines."""
    extracted = [[join_wrapped((t or "").split("\n")) for t in texts] for texts in extract(table, chars)]
    single = all(sum(1 for c in cells if c) <= 1 for cells in extracted)
    grid = [(c.bbox[0], c.bbox[2]) for c in table.columns]
    scored = [c for c in chars if "confidence" in c]  # an OCR page's characters
    items = []
    for row, texts in zip(table.rows, extracted, strict=False):
        if not any(texts):
            continue
        x0, top, x1, bottom = row.bbox
        confidence = _confidence([c for c in scored if top <= (c["top"] + c["bottom"]) / 2 < bottom
                                  and x0 <= (c["x0"] + c["x1"]) / 2 < x1]) if scored else None
        if single:
            text, level = clean_text(next(c for c in texts if c))
            line = Line(line=0, text=text, heading_level=level, page=number, bbox=row.bbox)
        else:
            cells = [clean_cell(c) for c in texts]
            line = Line(line=0, text="\t".join(cells), cells=cells, page=number, bbox=row.bbox, exact=True)
            line.cell_boxes = list(row.cells)
            line.covered = [i for i, box in enumerate(row.cells) if box is None]
        line.confidence = confidence
        items.append(_Item(top, x0, line, grid=None if single else grid))
    return items


def _group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters → printed lines, by vertical centre.

    Some producers shift digits (set in a Latin font) a few points below the Chinese text of the
    same line, and line spacing can be tight, so a character joins the current line while its
    centre is within 0.45 of its size from the line's first centre; pdfplumber's fixed
    tolerance splits such lines in two.
    """
    visible = [c for c in chars if c["text"].strip()]
    visible.sort(key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    lines: list[list[dict]] = []
    anchor = 0.0
    for char in visible:
        centre = (char["top"] + char["bottom"]) / 2
        size = char.get("size") or (char["bottom"] - char["top"]) or 10
        if lines and centre - anchor <= 0.45 * size:
            lines[-1].append(char)
        else:
            lines.append([char])
            anchor = centre
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _confidence(chars: list[dict]) -> float | None:
    """The lowest OCR score among the characters (None for a text layer's characters)."""
    scores = [c["confidence"] for c in chars if "confidence" in c]
    return min(scores) if scores else None


def _text_line(chars: list[dict], number: int) -> Line | None:
    line = _plain_line(chars, number)
    if line is not None:
        line.confidence = _confidence(chars)
    return line


def _plain_line(chars: list[dict], number: int) -> Line | None:
    bbox = (min(c["x0"] for c in chars), min(c["top"] for c in chars),
            max(c["x1"] for c in chars), max(c["bottom"] for c in chars))
    cells, extents = _gap_cells(chars)
    if len(cells) > 1:
        cleaned = [clean_cell(c) for c in cells]
        line = Line(line=0, text="\t".join(cleaned), cells=cleaned, page=number, bbox=bbox)
        line.cell_boxes = [(x0, bbox[1], x1, bbox[3]) for x0, x1 in extents]  # the text's extent, not a ruled cell
        return line
    cleaned, level = clean_text(cells[0])
    if not cleaned:
        return None
    return Line(line=0, text=cleaned, heading_level=level, page=number, bbox=bbox)


def _gap_cells(chars: list[dict]) -> tuple[list[str], list[tuple[float, float]]]:
    """The line's text, split where characters stand far apart (an unruled table row), with
    each piece's horizontal extent.

    A gap wider than three characters of the line's own size separates cells; ordinary word
    spacing and justified narrative never come close to that. Inside a cell, a space is kept
    between Latin words and dropped between Chinese characters.
    """
    size = sorted(c["x1"] - c["x0"] for c in chars)[len(chars) // 2] or 1
    em = max(c.get("size") or size for c in chars)
    cells: list[str] = []
    extents: list[tuple[float, float]] = []
    current, start = chars[0]["text"], chars[0]["x0"]
    for before, after in zip(chars, chars[1:], strict=False):
        gap = after["x0"] - before["x1"]
        if gap > 3 * max(em, 4):
            cells.append(current)
            extents.append((start, before["x1"]))
            current, start = after["text"], after["x0"]
            continue
        latin = not (is_cjk(after["text"][:1]) or is_cjk(before["text"][:1]))
        current += (" " if gap > em * 0.25 and (latin or gap > em * 0.9) else "") + after["text"]
    cells.append(current)
    extents.append((start, chars[-1]["x1"]))
    if len(cells) > 1 and all(len(c) == 1 for c in cells):  # a title spaced out: "目    录"
        return ["".join(cells)], [(extents[0][0], extents[-1][1])]
    if len(cells) > 1:
        return _split_run_on(cells, extents)
    return cells, extents


# an amount set so close to the next column's enumerated label that no gap parts them:
# "24,458.43二、一般公共服务支出"
_RUN_ON = re.compile(r"^(-?[\d,]*\d\.\d{1,2})((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]).+)$")


def _split_run_on(cells: list[str], extents: list[tuple[float, float]]) -> tuple[list[str], list[tuple[float, float]]]:
    """A table row's cells with run-on amount+label cells split in two (extents by length)."""
    out_cells: list[str] = []
    out_extents: list[tuple[float, float]] = []
    for text, (x0, x1) in zip(cells, extents, strict=True):
        match = _RUN_ON.match(text.strip())
        if match is None:
            out_cells.append(text)
            out_extents.append((x0, x1))
            continue
        amount, label = match.groups()
        cut = x0 + (x1 - x0) * len(amount) / len(text.strip())
        out_cells += [amount, label]
        out_extents += [(x0, cut), (cut, x1)]
    return out_cells, out_extents


_SLACK = 0.5  # points: a line ending exactly 1.5 em short of the right edge still reached it
_SHORT_FIELD = re.compile(r"^[^\s，。；：:]{1,6}[：:].{0,10}$")  # "单位：元" under "部门名称：…"


def _join_paragraphs(items: list[_Item]) -> list[_Item]:
    """Narrative lines wrapped by the page width, joined back into paragraphs.

    A line continues the previous one when the previous reached the right edge of the page's
    text and this one starts at the left edge without a heading mark; an indented line or one
    starting 一、/（一）/1. begins a new paragraph.
    """
    text = [i for i in items if i.line.cells is None and not i.margin and i.line.bbox]
    if len(text) < 2:
        return items
    left = min(i.line.bbox[0] for i in text)
    right = max(i.line.bbox[2] for i in text)
    out: list[_Item] = []
    for item in items:
        previous = out[-1] if out else None
        if (previous is not None and item.line.cells is None and previous.line.cells is None
                and not item.margin and not previous.margin and item.line.bbox and previous.line.bbox):
            em = max(item.line.bbox[3] - item.line.bbox[1], 6)
            if (previous.line.bbox[2] >= right - 1.5 * em - _SLACK and item.line.bbox[0] <= left + 0.5 * em
                    and not HEADING.match(item.line.text)
                    and not _SHORT_FIELD.match(item.line.text)
                    and item.line.bbox[1] - previous.line.bbox[3] < em):
                joined = previous.line
                joined.text += glue(joined.text, item.line.text) + item.line.text
                if item.line.confidence is not None:
                    joined.confidence = min(joined.confidence or 1.0, item.line.confidence)
                x0, top, _, _ = joined.bbox
                joined.bbox = (x0, top, max(joined.bbox[2], item.line.bbox[2]), item.line.bbox[3])
                continue
        out.append(item)
    return out


def _align_continuations(per_page: list[list[_Item]]) -> None:
    """A table continued on the next page may be cut into fewer columns there (the 合计 row
    alone, with code and name cells merged): put its cells back under the columns of the part
    before the break, by their left edges."""
    grid: list[tuple[float, float]] | None = None
    for items in per_page:
        continuing = grid is not None
        for item in items:
            if item.grid is None:
                continuing, grid = False, None
                continue
            if continuing and len(item.grid) != len(grid):
                item.line.cells, item.line.cell_boxes = _regrid(item.line, grid)
                item.line.text = "\t".join(item.line.cells)
                item.line.covered = [i for i, box in enumerate(item.line.cell_boxes) if box is None]
            else:
                continuing, grid = False, item.grid


def _regrid(line: Line, grid: list[tuple[float, float]]):
    cells = [""] * len(grid)
    boxes: list[tuple[float, float, float, float] | None] = [None] * len(grid)
    for text, box in zip(line.cells or [], line.cell_boxes or [], strict=False):
        if box is None:
            continue
        target = next((k for k, (_, x1) in enumerate(grid) if x1 > box[0] + 1), len(grid) - 1)
        cells[target] = (cells[target] + " " + text).strip() if cells[target] else text
        boxes[target] = box
    return cells, boxes


def _drop_running_lines(per_page: list[list[_Item]]) -> None:
    """Remove running headers/footers: the same text in the page margin on most pages."""
    if len(per_page) < 3:
        return
    counts: Counter[str] = Counter()
    for items in per_page:
        seen = {_margin_key(i) for i in items if _margin_key(i)}
        counts.update(seen)
    running = {key for key, n in counts.items() if n >= max(3, len(per_page) // 2)}
    if not running:
        return
    for items in per_page:
        items[:] = [i for i in items if _margin_key(i) not in running]


def _margin_key(item: _Item) -> str | None:
    if not item.margin or item.line.cells is not None:
        return None
    return re.sub(r"\d+", "#", item.line.text)  # "第 3 页" and "第 4 页" are the same footer
