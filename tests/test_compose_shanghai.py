"""Recompose a published budget: 上海市普陀区财政局2025年部门预算, transcribed by hand into
examples/上海市普陀区财政局2025年部门预算.yaml, composed in the Shanghai family, gives the published
PDF's tables row for row, its key figures and its skeleton; the composed files print a cover, a
目录 whose page numbers are right, "— N —" from page 2 and real outline fonts; the audit finds
nothing. The same layout checks run on the national family."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from composed_pdf import assert_says_the_same, check_pdf
from conftest import CORPUS
from yusuan.api import audit_file, parse_file, preflight
from yusuan.compose import compose, load
from yusuan.compose.output import write
from yusuan.model.text import compact
from yusuan.readers.pdf_facts import pdf_facts

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "上海市普陀区财政局2025年部门预算.yaml"
NATIONAL = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
PUBLISHED = CORPUS / "pdf" / "上海市普陀区财政局2025年部门预算.pdf"

# the published 目录, read off page 2 of the PDF (the full-width "．" after 4–9 printed as ".")
PUBLISHED_CONTENTS = [
    "一、部门主要职能", "二、部门机构设置", "三、名词解释", "四、部门预算编制说明", "五、部门预算表",
    "1. 2025年部门财务收支预算总表", "2. 2025年部门收入预算总表", "3. 2025年部门支出预算总表",
    "4. 2025年部门财政拨款收支预算总表", "5. 2025年部门一般公共预算支出功能分类预算表",
    "6. 2025年部门政府性基金预算支出功能分类预算表", "7. 2025年部门国有资本经营预算支出功能分类预算表",
    "8. 2025年部门一般公共预算基本支出部门预算经济分类预算表", "9. 2025年部门“三公”经费和机关运行经费预算表",
    "六、其他相关情况说明", "七、项目经费情况说明",
]


def _same(text: str) -> str:
    return compact(text).replace("．", ".")


@pytest.fixture(scope="module")
def recomposed(tmp_path_factory):
    if not PUBLISHED.is_file():
        pytest.skip(f"corpus not found at {PUBLISHED} (set YUSUAN_CORPUS to the shared corpus folder)")
    doc = compose(load(EXAMPLE), "shanghai")
    paths = write(doc, tmp_path_factory.mktemp("shanghai"), ["pdf", "docx", "xlsx", "html"])
    return doc, {p.suffix[1:]: p for p in paths}


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    doc = compose(load(NATIONAL), "national")
    paths = write(doc, tmp_path_factory.mktemp("national"), ["pdf", "docx"])
    return doc, {p.suffix[1:]: p for p in paths}



def test_hand_read_rows_of_the_published_tables():
    """The published figures this test leans on, read off the PDF by hand: the recogniser reads
    them as printed (p.9 收入总计, p.12 行政运行, p.20 合计, p.21 三公 and 机关运行经费)."""
    if not PUBLISHED.is_file():
        pytest.skip(f"corpus not found at {PUBLISHED}")
    published = parse_file(PUBLISHED)
    summary = published.table("summary")
    assert summary.rows[-2].values["current_total"] == Decimal("31214205.80")
    running = next(r for r in published.table("expenditure").rows if r.code == "2010601")
    assert (running.values["basic"], running.values["project"]) == (Decimal("16093326.00"), Decimal("138514.80"))
    econ_total = published.table("gpb_basic_econ").rows[-1]
    assert (econ_total.values["personnel"], econ_total.values["public"]) == \
        (Decimal("22826756.00"), Decimal("2294335.00"))
    three = published.table("three_public").rows[0].values
    assert (three["total"], three["running_cost"]) == (Decimal("0.95"), Decimal("229.43"))


@pytest.mark.parametrize("source", ["published", "pdf", "docx", "xlsx", "html"])
def test_every_table_row_and_figure_of_the_published_pdf(recomposed, source):
    """The published PDF says what was composed, table row for row and figure for figure; so does
    each composed file, read back."""
    doc, paths = recomposed
    assert len(doc.disclosure.figures) >= 15
    assert_says_the_same(parse_file(PUBLISHED if source == "published" else paths[source]), doc.disclosure)


def test_the_skeleton_is_the_published_one(recomposed):
    doc, paths = recomposed
    assert [_same(e.title) for e in doc.disclosure.toc] == [_same(t) for t in PUBLISHED_CONTENTS]
    assert doc.cover == ["上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区财政局"]  # p.1
    # the body's part headings, as the published pages print them (p.3, 5, 6, 7, 22, 23)
    parts = [s.heading for s, level in doc.sections() if level == 1]
    assert parts == ["上海市普陀区财政局主要职能", "上海市普陀区财政局机构设置", "名词解释", "2025年部门预算编制说明",
                     "其他相关情况说明", "项目经费情况说明"]
    text = "".join(p.text for s in doc.disclosure.narrative for p in s.paragraphs)
    # p.7: 87.36 is what the tables say (the PDF prints 887.36 — a typo the audit reports)
    assert "“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”87.36万元" in text
    assert "比2024年预算增加107.62万元" in text  # p.7
    assert "2025年度，本部门编报绩效目标的项目共4个，涉及项目预算资金598.46万元" in text  # p.22
    assert "部级领导干部用车0辆" in text and "截至2024年8月31日" in text  # p.22


def test_the_shanghai_pdf_prints_cover_contents_and_page_numbers(recomposed):
    doc, paths = recomposed
    check_pdf(doc, paths["pdf"])
    facts = pdf_facts(paths["pdf"].read_bytes())
    assert all(page.width > page.height for page in facts.pages)  # landscape throughout, as published
    assert preflight(paths.values(), doc) == []


def test_the_national_pdf_prints_cover_contents_and_page_numbers(national):
    doc, paths = national
    check_pdf(doc, paths["pdf"])
    assert preflight(paths.values(), doc) == []


@pytest.mark.parametrize("family", ["recomposed", "national"])
def test_the_docx_has_a_finished_contents_field_and_black_styles(family, request):
    doc, paths = request.getfixturevalue(family)
    with zipfile.ZipFile(paths["docx"]) as docx:
        body = docx.read("word/document.xml").decode()
        footers = [docx.read(n).decode() for n in docx.namelist() if n.startswith("word/footer")]
        styles = docx.read("word/styles.xml").decode()
        settings = docx.read("word/settings.xml").decode()
    assert any("PAGE" in f and "— " in f for f in footers)
    assert "updateFields" not in settings  # no prompt to refresh on opening
    assert "TOC \\f" in body  # built from the TC fields, one per 目录 line at its heading
    for line in doc.contents:  # the cached result: each line with its page number after a tab
        assert f"{line.text}</w:t><w:tab/><w:t>{doc.pages[line.target]}</w:t>" in body, line.text
        assert f'TC "{line.text}" \\l {line.depth + 1}' in body, line.text
    assert "themeColor" not in styles.split("<w:style ", 1)[1]
    assert "仿宋" in styles and "黑体" in styles


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_audit_finds_nothing_in_the_recomposed_budget(recomposed, fmt):
    _, paths = recomposed
    report = audit_file(paths[fmt])
    assert [f"{f.rule} {f.message}" for f in report.findings if f.severity in ("error", "warning")] == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-writer-nogui) not installed")
@pytest.mark.parametrize("family", ["recomposed", "national"])
def test_the_docx_contents_pages_hold_in_an_independent_layout(family, request, tmp_path):
    """The DOCX's 目录 carries the pages the PDF print found; LibreOffice, laying the DOCX out on its
    own, puts every heading on the page the 目录 says (tables sized and spaced as in the PDF)."""
    from yusuan.compose.render.pdf import heading_pages

    doc, paths = request.getfixturevalue(family)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(paths["docx"])],
                   capture_output=True, timeout=180, check=True, env={**os.environ, "HOME": str(tmp_path)})
    found = heading_pages(next(tmp_path.glob("*.pdf")).read_bytes(), doc)
    assert len(found) >= len(doc.pages) - 1  # (LibreOffice writes the “三公” title's quotes apart)
    assert {t: doc.pages[t] for t in found} == found
