"""Word 97–2003 and Excel 97–2003 files (and WPS's .wps/.et, the same formats), made by the tests
from the hand-written office fixture by LibreOffice: they read with the same cells, tables and
figures as the .docx/.xlsx they were saved from, whatever their file names say; without
LibreOffice a .doc gets one clear message."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from office_fixture import FIGURES, TABLES, build_docx, build_xlsx
from test_office_readers import _table_rows
from yusuan.api import parse_file
from yusuan.readers import ReadError, read_layout, sniff_format

SOFFICE = shutil.which("soffice")


def _saved_as(source, target: str, folder, name: str):
    """`source` saved by LibreOffice in the old binary format `target` (doc or xls), under `name`."""
    out = folder / f"out-{target}"
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", target, "--outdir", str(out), str(source)], check=True, capture_output=True,
                   timeout=180)
    converted = out / f"{source.stem}.{target}"
    return converted.rename(folder / name)


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: scripts/setup-system.sh installs it")
    import docx as python_docx

    folder = tmp_path_factory.mktemp("legacy")
    docx, xlsx = build_docx(folder / "fixture.docx"), build_xlsx(folder / "fixture.xlsx")
    # Word always ends a document with a paragraph; the fixture ends with a table, which LibreOffice
    # does not carry into a .doc as a table
    document = python_docx.Document(docx)
    document.add_paragraph("")
    document.save(docx)
    # the names say nothing true: WPS's extensions, and none at all
    return {"docx": docx, "xlsx": xlsx, "doc": _saved_as(docx, "doc", folder, "公开文件.wps"),
            "xls": _saved_as(xlsx, "xls", folder, "公开表格")}


def test_formats_are_named_by_content(legacy):
    assert (sniff_format(legacy["doc"].read_bytes()), sniff_format(legacy["xls"].read_bytes())) == ("doc", "xls")
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600) == "ole"


def test_an_xls_reads_the_cells_of_its_xlsx(legacy):
    """Hidden rows and columns stay hidden, merged cells are their top-left text, amounts keep
    the decimals their number format prints."""
    layout = read_layout(legacy["xls"])
    for table in TABLES:
        assert _table_rows(layout, table) == table.grid(), table.title
    assert all(line.sheet and line.row for line in layout.lines if line.cells)


@pytest.mark.parametrize("kind, original", [("xls", "xlsx"), ("doc", "docx")])
def test_old_formats_read_as_their_originals(legacy, kind, original):
    old, new = parse_file(legacy[kind]), parse_file(legacy[original])
    assert old.source.format == kind
    assert {k: old.figures[k].value for k in FIGURES} == FIGURES
    assert [(t.kind, t.title) for t in old.tables] == [(t.kind, t.title) for t in new.tables]
    for a, b in zip(old.tables, new.tables, strict=True):
        assert [(r.label, r.values) for r in a.rows] == [(r.label, r.values) for r in b.rows], a.title


def test_without_libreoffice_a_doc_says_what_to_install(legacy, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ReadError, match="LibreOffice.*libreoffice-writer-nogui"):
        read_layout(legacy["doc"])
