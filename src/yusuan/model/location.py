"""Where something stands in its source file."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Location:
    """Where something stands in the source: line numbers (1-based, unique in the document) for
    every format, plus page/bbox for PDF and sheet/row for Excel and Word tables; `column` is the
    cell's index in its printed row when a value was read from one cell. `confidence` is set only
    for text read by OCR from a scanned page: nothing read that way is certain by itself."""

    file: str
    line: int | None = None
    end_line: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # PDF points: x0, top, x1, bottom
    column: int | None = None
    sheet: str | None = None  # worksheet name (Excel)
    row: int | None = None  # the row number the source itself shows (Excel row; Word table row)
    confidence: float | None = None  # read by OCR from a scanned page: the recogniser's lowest score (0–1) here

    def with_column(self, column: int) -> Location:
        return replace(self, column=column)
