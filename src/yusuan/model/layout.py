"""What readers hand to the recogniser: lines of text and rows of cells, each with its place.

Readers know formats, not budgets: they only say "this line said X" or "this row had cells
A|B|C at lines 12-15". Page debris that is purely typographic (page-number placeholders,
markdown emphasis) is removed by the readers; anything needing budget knowledge is left to the
recogniser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import SourceFormat
from .location import Location


@dataclass
class Line:
    """A text line (cells is None) or a table row (cells holds the cell texts).

    `file` is filled in by the reader for every line, so that a line alone can say where it stands
    (`location`) and nothing downstream has to carry the file name beside it."""

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
    # the cells stand where the source put them (a Word/Excel/HTML table, a ruled PDF grid): an
    # empty cell is an empty cell. Text exports and rows split by gaps lose empty cells.
    exact: bool = False
    # positions whose emptiness says nothing: covered by a merged cell from the left or above, or
    # a formula the file never calculated — never a stated blank
    covered: list[int] = field(default_factory=list)
    file: str = ""
    confidence: float | None = None  # OCR: the lowest score of the line's characters (scanned pages only)

    @property
    def location(self) -> Location:
        """Where this line stands: line numbers, and page and box when the reader knows them."""
        return self.location_to(self.end_line)

    def location_to(self, end_line: int | None) -> Location:
        """This line's location, extended to end at another line (a block that starts here)."""
        return Location(self.file, self.line, end_line, self.page, self.bbox, sheet=self.sheet, row=self.row,
                        confidence=self.confidence)

    @property
    def printed(self) -> str:
        """The line as a reviewer sees it: the text, or the cells joined by │."""
        text = self.text if self.cells is None else " │ ".join(c.strip() for c in self.cells)
        return text.strip()


@dataclass
class PageFacts:
    """What one page holds, as the reader saw it: enough for the layout checks (blank pages, a
    page printed twice, clipped text, characters that map to no text) without rendering."""

    file: str
    number: int
    characters: int = 0  # printed characters, spaces excluded
    unmapped: int = 0  # characters that map to no text: private-use, U+FFFD, pdfminer's (cid:n)
    unmapped_sample: str = ""  # up to ten of them, as code points
    clipped: int = 0  # characters placed outside the page's visible box
    clipped_sample: str = ""  # the first of them, as text
    drawings: int = 0  # ruling lines and rectangles of a page without text (a blank page's frame)
    scanned: bool = False  # no text, an image covering most of the page
    digest: str | None = None  # of the page's text (pages of 50+ characters), to find repeats


@dataclass
class Layout:
    path: str
    format: SourceFormat
    sha256: str
    lines: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: list[PageFacts] = field(default_factory=list)  # paged formats (PDF) only
