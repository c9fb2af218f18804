"""A hostile corpus, generated: malformed, adversarial and oddly named files of every class the
store-and-batch issue lists. Each entry says what a correct run does with it: READ (a result, not
necessarily a disclosure) or FAIL (a failure row whose reason contains the given words)."""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pdf_fixture import raw_pdf, write_pdf

READ, FAIL = "read", "fail"


@dataclass
class Hostile:
    name: str
    expect: str
    words: tuple[str, ...] = ()  # a FAIL's reason contains one of them


def _page(content: bytes, extra: bytes = b"") -> list[bytes]:
    return [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << %s >> >>" % extra,
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_DOCX_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               b'<Default Extension="xml" ContentType="application/xml"/>'
               b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
               b'wordprocessingml.document.main+xml"/></Types>')
_DOCX_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'officeDocument" Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _xlsx_with_sheet(sheet: bytes) -> bytes:
    """A valid workbook (written by openpyxl) whose first sheet is replaced by the given XML."""
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "x"
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/worksheets/sheet1.xml"] = sheet
    return _zip(members)


def _docx(body: bytes) -> bytes:
    document = b'<?xml version="1.0"?><w:document %s><w:body>%s</w:body></w:document>' % (_W, body)
    return _zip({"[Content_Types].xml": _DOCX_TYPES, "_rels/.rels": _DOCX_RELS, "word/document.xml": document})


def _cell(text: bytes, span: bytes = b"") -> bytes:
    props = b"<w:tcPr><w:gridSpan w:val=\"%s\"/></w:tcPr>" % span if span else b""
    return b"<w:tc>%s<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % (props, text)


def _compound(name: str, stream: bytes) -> bytes:
    """An OLE2 compound file (version 3, 512-byte sectors) holding one stream at its root — the
    container of .doc/.xls/.wps/.et — with the stream padded past the mini-stream cutoff."""
    import struct

    stream = stream.ljust(4096, b"\0")
    sectors = (len(stream) + 511) // 512
    end, free, fat_sector, nothing = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    fat = [fat_sector, end] + [2 + i + 1 for i in range(sectors - 1)] + [end]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))

    def entry(title: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (title + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", nothing, nothing, child) + b"\0" * 36 + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry(name, 2, nothing, 2, len(stream))
                 + (b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", nothing, nothing, nothing)
                    + b"\0" * 48) * 2)
    return header + fat_bytes + directory + stream.ljust(sectors * 512, b"\0")


def build(folder: Path, seed: Path | None = None, pdf: Path | None = None) -> list[Hostile]:
    """Write the hostile files into folder; seed and pdf are real files to derive some from."""
    rng = random.Random(20261201)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Hostile] = []

    def put(name: str, data: bytes, expect: str, *words: str) -> None:
        (folder / name).write_bytes(data)
        made.append(Hostile(name, expect, words))

    for suffix in ("pdf", "docx", "xlsx", "html", "txt", "bin"):
        put(f"random.{suffix}", bytes(rng.randrange(256) for _ in range(20_000)), FAIL,
            "不支持", "损坏", "无法", "没有可读取")
    put("empty.pdf", b"", FAIL, "为空")
    put("nul.txt", "部门预算\x00\x00说明\x00".encode() * 100, FAIL, "二进制")
    put("stray-nul.txt", ("部门预算说明，收入总计100万元。" * 50 + "\x00").encode() * 3, READ)
    put("zipbomb.docx", _zip({"[Content_Types].xml": _DOCX_TYPES, "word/document.xml": b"\0" * (60 << 20)}),
        FAIL, "压缩比", "解压后")
    sheet = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b"<sheetData>" + b"".join(b'<row r="%d">' % r + b'<c t="n"><v>1</v></c>' * 2000 + b"</row>"
                                        for r in range(1, 1201)) + b"</sheetData></worksheet>")
    put("cellbomb.xlsx", _xlsx_with_sheet(sheet), FAIL, "单元格", "压缩比")
    put("nested.html", b"<html><body>" + b"<div>" * 20_000 + "部门预算".encode() + b"</div>" * 20_000 + b"</body></html>",
        FAIL, "嵌套")
    put("colspan.html", '<table><tr><td colspan="1000000000" rowspan="99999999">收入总计</td><td>5</td></tr>'
                        '<tr><td colspan="x">支出</td></tr></table>'.encode(), READ)
    put("gridspan.docx", _docx(b"<w:tbl><w:tr>%s%s</w:tr><w:tr>%s</w:tr></w:tbl>" % (
        _cell("收入总计".encode(), b"999999999"), _cell(b"5", b"-3"), _cell("支出".encode(), b"abc"))), READ)
    nested = b"<w:tbl><w:tr><w:tc>" * 300 + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + b"</w:tc></w:tr></w:tbl>" * 300
    put("nested-tables.docx", _docx(nested), FAIL, "损坏", "嵌套")
    put("encrypted.pdf", raw_pdf(_page(b"BT /F1 10 Tf 50 50 Td (x) Tj ET") + [
        b"<< /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) "
        b"/U (0123456789abcdef0123456789abcdef) /P -4 >>"], trailer=b"/Encrypt 5 0 R /ID [<00> <00>] "), FAIL, "加密")
    put("image-only.pdf", raw_pdf(_page(b"q 595 0 0 842 0 0 cm /Im1 Do Q", b"/XObject << /Im1 5 0 R >>") + [
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 1 >>\nstream\n\x80\nendstream"]), FAIL, "文字", "扫描")
    put("self-reference.pdf", raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                         b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"]),
        FAIL, "损坏", "无法", "没有", "页")
    put("operator-flood.pdf", raw_pdf(_page(b"0 0 m 1 1 l S\n" * 400_000)), FAIL, "绘图对象")
    write_pdf(folder / "blank-pages.pdf", [[] for _ in range(2000)])
    made.append(Hostile("blank-pages.pdf", FAIL, ("页数", "页", "没有")))
    with (folder / "huge.docx").open("wb") as huge:  # 250 MB, sparse: refused by its size, unread
        huge.write(b"PK\x03\x04")
        huge.truncate(250 << 20)
    made.append(Hostile("huge.docx", FAIL, ("文件过大",)))
    row = "<tr><td>一般公共服务支出</td><td>100.00</td><td>50.00</td></tr>".encode()
    put("big.html", b"<html><body><table>" + row * 450_000 + b"</table></body></html>", FAIL, "过大")
    put("long-name-" + "长" * 70 + ".txt", "收入总计100万元。".encode(), READ)
    whole = _docx(_cell("收入总计".encode()) * 50)
    put("truncated.docx", whole[: len(whole) * 3 // 4], FAIL, "损坏")
    whole = _xlsx_with_sheet(b'<?xml version="1.0"?><worksheet/>')
    put("truncated.xlsx", whole[: len(whole) * 3 // 4], FAIL, "损坏")
    noise = random.Random(7).randbytes(6000)
    put("broken.xls", _compound("Workbook", noise), FAIL, "损坏", "没有")
    put("broken.wps", _compound("WordDocument", noise), FAIL, "无法转换", "LibreOffice", "没有")
    put("slides.ppt", _compound("PowerPoint Document", noise), FAIL, "不支持")
    put("header-only.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, FAIL, "不支持")
    put("one-line.txt", ("收入" + "1" * 998 + "，").encode() * 10_000, READ)
    put("big.txt", ("收入总计 100 万元\t支出 5\n" * 1_200_000).encode(), FAIL, "行数过多")
    if seed is not None:
        text = seed.read_text(encoding="utf-8")
        put("seed-gbk.txt", text.encode("gbk", errors="replace"), READ)
        put("seed-gb18030.txt", text.encode("gb18030"), READ)
        put("seed-utf16.txt", text.encode("utf-16"), READ)
        put('name with "quotes" and\nnewline.txt', text.encode(), READ)
        put("=cmd|' calc'!A0.txt", text.encode(), READ)
        put("<img src=x onerror=alert(9)>.txt", text.encode(), READ)
        put("script.txt", text.replace(text.splitlines()[0], "<script>alert(1)</script><img src=x onerror=alert(2)>", 1)
            .replace("主要职能", "<script>alert(3)</script>主要职能", 1).encode(), READ)
    if pdf is not None:
        data = pdf.read_bytes()
        put("truncated.pdf", data[: len(data) * 2 // 5], FAIL, "无法解析", "损坏")
        put("pdf-as.docx", data, READ)
    return made
