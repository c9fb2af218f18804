"""Reader for plain-text exports of disclosures.

Two shapes occur, sometimes in one file:

* tab-separated rows: one table row per line, cells split by TAB (empty cells may collapse
  after page breaks; realignment is the recogniser's job);
* Word exports: one cell per line, each cell line starting with a TAB, rows separated by blank
  lines, an empty cell written as a lone TAB, and a cell's own line breaks continuing without
  the TAB.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model.layout import Line
from ..model.limits import Limits, ReadError
from ..model.text import HEADING

_DEBRIS = re.compile(r"^\s*(page\s*number|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|-\s*\d+\s*-)\s*$", re.I)
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_BULLET = re.compile(r"^[-*]\s+")
_WORD_CELL = re.compile(r"^\t[^\t]*$")
# a narrative heading after a Word row is its own line, not a continuation of the last cell


def clean_text(text: str) -> tuple[str, int | None]:
    """Strip export markup (bookmarks, markdown emphasis/headings/bullets); return text and heading level."""
    text = _BOOKMARK.sub("", text)
    level = None
    match = _MD_HEADING.match(text)
    if match:
        level = len(match.group(1))
        text = text[match.end() :]
    text = _MD_BULLET.sub("", text)
    text = text.replace("**", "")
    return text.strip(), level


_CELL_SPACES = re.compile(r"[ \u3000]+")


def clean_cell(cell: str) -> str:
    cell = _BOOKMARK.sub("", cell).replace("**", "")
    return _CELL_SPACES.sub(" ", cell).strip()


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    data = data.replace(b"\x00", b"")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8/gb18030", data, 0, 1, "undecodable")


def parse_text(text: str, limits: Limits | None = None, path: str = "") -> list[Line]:
    """Turn the raw export into layout lines, keeping 1-based source line numbers."""
    limits = limits or Limits()
    raw = text.splitlines()
    if len(raw) > limits.max_lines * 3:  # (blank lines and page debris count for nothing)
        raise ReadError(f"{path}：文件行数过多（{len(raw)} 行），不像是一份预算公开文件")
    out: list[Line] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block:
            out.extend(_parse_block(block))
            block.clear()

    for number, line in enumerate(raw, start=1):
        if number % 10_000 == 0:
            limits.check_time(path, f"第 {number} 行")
        if _DEBRIS.match(line):
            continue
        if not line.strip() and "\t" not in line:
            flush()
            continue
        block.append((number, line))
    flush()
    return out


def _parse_block(block: list[tuple[int, str]]) -> list[Line]:
    """A blank-line-delimited block: either plain lines or one Word-export row."""
    word_lines = [i for i, (_, text) in enumerate(block) if _WORD_CELL.match(text)]
    if not word_lines:
        return [_plain_line(number, text) for number, text in block]
    # Lines before the first cell line (a title, say) stay plain lines.
    first = word_lines[0]
    result = [_plain_line(number, text) for number, text in block[:first]]
    cells: list[str] = []
    start = block[first][0]
    end = start
    for number, text in block[first:]:
        if _WORD_CELL.match(text):
            cells.append(text[1:])
            end = number
        elif "\t" in text:
            result.append(_row(cells, start, end))
            cells, start = [], number
            result.append(_plain_line(number, text))
        elif HEADING.match(text) or len(text.strip()) > 40:
            if cells:
                result.append(_row(cells, start, end))
                cells = []
            result.append(_plain_line(number, text))
        elif cells:
            cells[-1] += text
            end = number
        else:
            result.append(_plain_line(number, text))
    if cells:
        result.append(_row(cells, start, end))
    return [line for line in result if line.text or line.cells]


def _row(cells: list[str], start: int, end: int) -> Line:
    cleaned = [clean_cell(c) for c in cells]
    return Line(line=start, end_line=end, text="\t".join(cleaned), cells=cleaned)


def _plain_line(number: int, text: str) -> Line:
    if "\t" in text and not _WORD_CELL.match(text):
        cells = [clean_cell(c) for c in text.split("\t")]
        return Line(line=number, end_line=number, text="\t".join(cells), cells=cells)
    cleaned, level = clean_text(text)
    return Line(line=number, end_line=number, text=cleaned, heading_level=level)


MAX_LINE = 4000  # characters: longer than any printed paragraph of a disclosure


def bounded_lines(lines: list[Line]) -> list[Line]:
    """Lines no longer than MAX_LINE characters: a longer one is cut after the last sentence
    end (。；) before the limit, or at the limit, into lines with the same source line number.
    Every pattern the recogniser and the audit run on a line then costs at most a constant per
    character, however the file was made."""
    bounded: list[Line] = []
    for line in lines:
        if line.cells is not None or len(line.text) <= MAX_LINE:
            bounded.append(line)
            continue
        text = line.text
        while text:
            cut = len(text) if len(text) <= MAX_LINE else max(text.rfind("。", 0, MAX_LINE), text.rfind("；", 0, MAX_LINE)) + 1
            if cut <= 0:
                cut = MAX_LINE
            bounded.append(replace(line, text=text[:cut]))
            text = text[cut:]
    return bounded
