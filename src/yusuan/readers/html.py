"""HTML reader (BeautifulSoup on lxml): text blocks and tables in document order.

The encoding comes from a BOM, then the page's own <meta charset>, then detection
(charset-normalizer): GBK/GB18030 pages are common on government sites and often declare
nothing. Tables keep rowspan/colspan on the grid; scripts, styles and hidden elements are
dropped.
"""

from __future__ import annotations

import re

from ..model.layout import Layout, Line
from ..model.limits import Limits, ReadError
from ..model.text import join_wrapped
from .grid import Span, lay_out
from .text import clean_cell, clean_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "section", "article", "td", "th",
           "caption", "pre", "blockquote", "center", "title", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "head"}
_CHINESE_ENCODINGS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030"}


def decode_html(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    candidates = []
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        candidates.append(_CHINESE_ENCODINGS.get(name, name))
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("gb18030", errors="replace")
    encoding = _CHINESE_ENCODINGS.get(best.encoding.lower(), best.encoding)
    return data.decode(encoding, errors="replace")


MAX_HTML_BYTES = 16 * 1024 * 1024  # a page's markup; parsed, it takes some 80 times that in memory


def read_html(data: bytes, layout: Layout, limits: Limits) -> None:
    from bs4 import BeautifulSoup

    if len(data) > MAX_HTML_BYTES:
        raise ReadError(f"{layout.path}：HTML 文件过大（{len(data)} 字节，上限 {MAX_HTML_BYTES} 字节），不像是一份预算公开网页")
    try:
        soup = BeautifulSoup(decode_html(data), "lxml")
        root = soup.body or soup
        reader = _Walker(layout, limits)
        reader.walk(root)
        reader.flush()
    except RecursionError as error:
        raise ReadError(f"{layout.path}：HTML 元素嵌套过深（上千层），无法读取") from error


class _Walker:
    def __init__(self, layout: Layout, limits: Limits) -> None:
        self.layout = layout
        self.limits = limits
        self.counter = 0
        self.pending: list[str] = []

    def count(self) -> None:
        self.counter += 1
        if self.counter > self.limits.max_lines:
            raise ReadError(f"{self.layout.path}：文件行数过多（超过 {self.limits.max_lines} 行），不像是一份预算公开文件")

    def emit_text(self, text: str, heading: int | None = None) -> None:
        cleaned, level = clean_text(re.sub(r"\s+", " ", text))
        if cleaned:
            self.count()
            self.layout.lines.append(Line(self.counter, cleaned, end_line=self.counter, heading_level=heading or level))

    def flush(self) -> None:
        if self.pending:
            self.emit_text("".join(self.pending))
            self.pending = []

    def walk(self, node) -> None:
        from bs4 import NavigableString, Tag

        for child in node.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                    continue
                self.pending.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in _SKIP or _hidden(child):
                continue
            if child.name == "br":
                self.flush()
                continue
            if child.name == "table":
                self.flush()
                self.table(child)
                continue
            if child.name in _BLOCKS:
                self.flush()
                leaf = child.find("table") is None and not child.find(_BLOCKS) and child.find("br") is None
                if leaf:
                    heading = int(child.name[1]) if re.fullmatch(r"h[1-6]", child.name) else None
                    self.emit_text(join_wrapped(list(child.stripped_strings)), heading)
                else:
                    self.walk(child)
                    self.flush()
                continue
            self.walk(child)  # inline element: its text joins the current block

    def table(self, table) -> None:
        self.limits.check_time(self.layout.path)
        rows: list[list[Span]] = []
        for tr in _rows(table):
            spans = []
            for cell in tr.find_all(["td", "th"], recursive=False):
                text = join_wrapped([s for s in cell.stripped_strings])
                spans.append(Span(text, _int(cell.get("colspan")), _int(cell.get("rowspan"))))
            rows.append(spans)
        caption = table.find("caption")
        if caption is not None:
            self.emit_text(caption.get_text(" ", strip=True))
        grid, covered = lay_out(rows)
        for number, (cells, hidden) in enumerate(zip(grid, covered, strict=True), start=1):
            if not any(cells):
                continue
            cleaned = [clean_cell(c) for c in cells]
            self.count()
            self.layout.lines.append(Line(self.counter, "\t".join(cleaned), cells=cleaned, end_line=self.counter, exact=True,
                                          covered=hidden, row=number))


def _rows(table):
    """The table's own rows (thead/tbody/tfoot included), not those of nested tables."""
    for child in table.children:
        name = getattr(child, "name", None)
        if name == "tr":
            yield child
        elif name in ("thead", "tbody", "tfoot"):
            yield from child.find_all("tr", recursive=False)


def _int(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _hidden(tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or tag.has_attr("hidden")
