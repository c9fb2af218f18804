"""What calamine does not give of an Excel 97–2003 workbook (BIFF8, the `Workbook` stream of an
.xls or WPS .et): which rows and columns are hidden, and each number cell's number format, so an
.xls reads as the .xlsx it was saved from does — hidden rows skipped, 1234.5 formatted "0.00"
read as printed, 1234.50.

One pass over the stream's records (type, length, body), bounds-checked; anything malformed ends
the pass with what was found so far (the values themselves still come from calamine)."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

BOF, EOF, BOUNDSHEET, FORMAT, XF = 0x0809, 0x000A, 0x0085, 0x041E, 0x00E0
ROW, COLINFO, NUMBER, RK, MULRK, FORMULA = 0x0208, 0x007D, 0x0203, 0x027E, 0x00BD, 0x0006
# the built-in number formats (ECMA-376 18.8.30, the same ids in BIFF8) that amounts use
BUILT_IN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
            37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)"}
MAX_COLUMNS = 16_384


@dataclass
class SheetFacts:
    hidden_rows: set[int] = field(default_factory=set)  # 0-based, as calamine counts
    hidden_columns: set[int] = field(default_factory=set)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) of a number → its format


def _records(stream: bytes, start: int = 0):
    offset = start
    while offset + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4: offset + 4 + size]
        if len(body) < size:
            return
        yield offset, kind, body
        offset += 4 + size


def _unicode_string(body: bytes, offset: int, count: int) -> str:
    """An XLUnicodeString's characters (flags byte first: bit 0 set = two bytes a character)."""
    wide = body[offset] & 1 if offset < len(body) else 0
    raw = body[offset + 1: offset + 1 + count * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def sheet_facts(stream: bytes) -> dict[str, SheetFacts]:
    """Facts per sheet name; {} for a stream that is not BIFF8."""
    formats = dict(BUILT_IN)
    xf_formats: list[int] = []
    sheets: list[tuple[str, int]] = []
    try:
        for _, kind, body in _records(stream):
            if kind == FORMAT and len(body) >= 5:
                formats[struct.unpack_from("<H", body)[0]] = _unicode_string(body, 4, struct.unpack_from("<H", body, 2)[0])
            elif kind == XF and len(body) >= 4:
                xf_formats.append(struct.unpack_from("<H", body, 2)[0])
            elif kind == BOUNDSHEET and len(body) >= 8:
                position = struct.unpack_from("<I", body)[0]
                sheets.append((_unicode_string(body, 7, body[6]), position))
            elif kind == EOF:
                break  # the end of the workbook globals
    except (struct.error, IndexError):
        return {}
    return {name: _sheet(stream, position, formats, xf_formats) for name, position in sheets}


def _sheet(stream: bytes, position: int, formats: dict[int, str], xf_formats: list[int]) -> SheetFacts:
    facts = SheetFacts()

    def number_at(row: int, column: int, xf: int) -> None:
        ifmt = xf_formats[xf] if xf < len(xf_formats) else 0
        facts.formats[(row, column)] = formats.get(ifmt, "General")

    try:
        for _, kind, body in _records(stream, position):
            if kind == EOF:
                break
            if kind == ROW and len(body) >= 14:
                row, flags = struct.unpack_from("<H", body)[0], struct.unpack_from("<H", body, 12)[0]
                if flags & 0x20:
                    facts.hidden_rows.add(row)
            elif kind == COLINFO and len(body) >= 10:
                first, last, _, _, flags = struct.unpack_from("<HHHHH", body)
                if flags & 1:
                    facts.hidden_columns.update(range(first, min(last, MAX_COLUMNS - 1) + 1))
            elif kind in (NUMBER, RK, FORMULA) and len(body) >= 6:
                number_at(*struct.unpack_from("<HHH", body))
            elif kind == MULRK and len(body) >= 12:
                row, first = struct.unpack_from("<HH", body)
                for index in range((len(body) - 6) // 6):
                    number_at(row, first + index, struct.unpack_from("<H", body, 4 + 6 * index)[0])
    except (struct.error, IndexError):
        pass
    return facts
