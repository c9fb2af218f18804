"""Word, Excel and HTML readers against hand-written fixtures printed the way offices do."""

from __future__ import annotations

import pytest

from office_fixture import (
    DEPARTMENT,
    FIGURES,
    TABLES,
    build_docx,
    build_html,
    build_xlsx,
    expected_rows,
)
from yusuan.api import audit_file, parse_file
from yusuan.readers import ReadError, read_layout, sniff_format
from yusuan.readers.grid import to_grid


def _table_rows(layout, table) -> list[list[str]]:
    """The rows a reader returned after a fixture table's title, up to the next title (unit rows
    and text lines left out)."""
    titles = {t.title for t in TABLES}

    def first(line) -> str:
        return (line.cells or [line.text])[0]

    start = next(i for i, line in enumerate(layout.lines) if first(line) == table.title)
    rows = []
    for line in layout.lines[start + 1:]:
        if first(line) in titles:
            break
        if line.cells is not None and not first(line).startswith("单位"):
            rows.append(line.cells)
    return rows


@pytest.mark.parametrize("build, split", [(build_docx, True), (build_xlsx, False), (build_html, False)],
                         ids=["docx", "xlsx", "html"])
def test_reader_returns_the_fixture_cells_exactly(tmp_path, build, split):
    path = build(tmp_path / f"fixture.{build.__name__[6:]}")
    layout = read_layout(path)
    for table in TABLES:
        expected = expected_rows(table) if split else table.grid()
        assert _table_rows(layout, table) == expected, table.title


@pytest.mark.parametrize("build", [build_docx, build_xlsx, build_html], ids=["docx", "xlsx", "html"])
def test_parsed_disclosure_has_the_fixture_figures_and_no_errors(tmp_path, build):
    path = build(tmp_path / f"fixture.{build.__name__[6:]}")
    disclosure = parse_file(path)
    assert disclosure.meta.department == DEPARTMENT
    assert disclosure.meta.year == 2025
    assert {t.kind for t in disclosure.tables} >= {"summary", "expenditure", "three_public"}
    assert {k: disclosure.figures[k].value for k in FIGURES} == FIGURES
    expenditure = disclosure.table("expenditure")
    assert len([r for r in expenditure.rows if r.code]) == 10  # the split part was merged back
    assert disclosure.table("three_public").unit.value == "元"
    report = audit_file(path)
    assert [f.rule for f in report.findings if f.severity == "error"] == []


def test_formula_cells_read_as_cached_values_and_hidden_cells_are_skipped(tmp_path):
    layout = read_layout(build_xlsx(tmp_path / "fixture.xlsx"))
    texts = " ".join(line.text for line in layout.lines)
    assert "隐藏" not in texts and "不应读到" not in texts
    total = next(line for line in layout.lines if line.cells and line.cells[1:2] == ["合计"])
    assert total.cells[2:] == ["1,250.00", "800.00", "450.00"]
    assert total.sheet == "表2" and total.row == 5


def test_gbk_page_without_declared_charset_is_detected(tmp_path):
    path = build_html(tmp_path / "page.html", declare=False)
    assert path.read_bytes().decode("gbk")  # really GBK on disk
    layout = read_layout(path)
    assert any(DEPARTMENT in line.text for line in layout.lines)


def test_html_rowspan_colspan_grid(tmp_path):
    layout = read_layout(build_html(tmp_path / "page.html"))
    header = to_grid(TABLES[1].header)
    rows = [line.cells for line in layout.lines if line.cells]
    assert header[0] in rows and header[1] in rows
    assert header[1] == ["科目编码", "科目名称", "", "", ""]  # rowspan columns are empty below


def test_content_sniffing_ignores_the_extension(tmp_path):
    docx_path = build_docx(tmp_path / "a.docx")
    disguised = tmp_path / "a.txt"
    disguised.write_bytes(docx_path.read_bytes())
    assert sniff_format(disguised.read_bytes()) == "docx"
    assert parse_file(disguised).meta.department == DEPARTMENT


@pytest.mark.parametrize("content, message", [
    (b"PK\x03\x04 not really a zip", "zip"),
    (b"%PDF-1.7\n garbage", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "OLE 复合文档"),  # no Word or Excel stream in it
])
def test_broken_or_unsupported_files_fail_with_a_chinese_reason(tmp_path, content, message):
    path = tmp_path / "bad.bin"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_layout(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w/>" + b"\x00" * 50_000_000)
    with pytest.raises(ReadError, match="压缩"):
        read_layout(path)


def _scanned_pdf() -> bytes:
    """A one-page PDF whose page is only an image (a scan): no text layer at all."""
    image = b"\xff" * 3  # one white RGB pixel, stretched over the page
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> "
        b"/Contents 4 0 R >>",
    ]
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB "
                   b"/BitsPerComponent 8 /Length 3 >>\nstream\n" + image + b"\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_scanned_pdf_page_is_reported_not_read_as_empty(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scanned_pdf())
    # without the OCR extra: 未能读取文字（安装 yusuan[ocr]…）; with it, a blank scan: 未识别出文字
    with pytest.raises(ReadError, match="没有可读取的文字.*第 1 页为扫描图像，(未能读取文字|文字识别（OCR）未识别出文字)"):
        read_layout(path)
