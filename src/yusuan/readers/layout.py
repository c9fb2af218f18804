"""What readers hand to the recogniser: lines of text and rows of cells, each with its place.

Readers know formats, not budgets: they only say "this line said X" or "this row had cells
A|B|C at lines 12-15". Page debris that is purely typographic (page-number placeholders,
markdown emphasis) is removed here; anything needing budget knowledge is left to the recogniser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Location


@dataclass
class Line:
    """A text line (cells is None) or a table row (cells holds the cell texts)."""

    line: int
    text: str
    cells: list[str] | None = None
    end_line: int | None = None
    heading_level: int | None = None  # markdown "#" depth when the export marks headings
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # PDF points: x0, top, x1, bottom
    cell_boxes: list[tuple[float, float, float, float] | None] | None = None  # one per cell (PDF)
    sheet: str | None = None  # worksheet name (Excel)
    row: int | None = None  # row number as the source shows it (Excel row, Word table row)

    @property
    def is_row(self) -> bool:
        return self.cells is not None

    def location(self, file: str, end_line: int | None = None) -> Location:
        """Where this line stands: line numbers, and page and box when the reader knows them."""
        return Location(file, self.line, end_line or self.end_line, self.page, self.bbox,
                        sheet=self.sheet, row=self.row)


@dataclass
class Layout:
    path: str
    format: str
    sha256: str
    lines: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ReadError(Exception):
    """A file that cannot be read; the message is Chinese and names the reason."""
