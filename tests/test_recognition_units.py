"""Each class of recognition problem on a small synthetic table: a layout as a reader would hand
it over (exact grid cells, or a text export whose empty cells collapsed), recognised and audited."""

from __future__ import annotations

from decimal import Decimal

from yusuan.audit import audit
from yusuan.model import Layout, Line, Severity, Side, SourceFormat
from yusuan.recognize import recognize

FILE = "synthetic.pdf"


def _layout(rows: list[list[str] | str], *, exact: bool) -> Layout:
    lines = []
    for number, row in enumerate(rows, 1):
        if isinstance(row, str):
            lines.append(Line(number, row, file=FILE))
        else:
            lines.append(Line(number, "\t".join(row), cells=list(row), exact=exact, file=FILE))
    return Layout(FILE, SourceFormat.PDF, "0" * 64, lines)


def _expenditure(rows: list[list[str]], *, exact: bool = True, header: list[str] | None = None) -> Layout:
    return _layout(["2025年部门支出预算表", "单位：万元",
                    header or ["功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"], *rows], exact=exact)


def _errors(layout: Layout, rule: str) -> list:
    return [f for f in audit(recognize(layout), select=[rule]).findings if f.severity == Severity.ERROR]


def test_a_grid_row_with_a_wrong_cell_is_an_error_at_that_row():
    layout = _expenditure([["", "合计", "100.00", "60.00", "40.00"],
                           ["2080101", "行政运行", "105.00", "60.00", "40.00"]])
    table = recognize(layout).table("expenditure")
    assert table.rows[1].certain and not table.rows[1].flags  # exact cells are not moved
    errors = _errors(layout, "ARITH-001")
    assert [(e.evidence[0].location.line, e.expected, e.actual) for e in errors] == [
        (5, Decimal("100.00"), Decimal("105.00"))]


def test_a_collapsed_text_export_row_is_still_realigned():
    # the second line's 公用经费 is empty and its cell was lost: 30.00 slid under 公用经费
    layout = _expenditure([["", "合计", "100.00", "70.00", "50.00", "20.00", "30.00"],
                           ["2080101", "行政运行", "50.00", "50.00", "30.00", "20.00", "0.00"],
                           ["2080102", "一般行政管理事务", "50.00", "20.00", "20.00", "30.00"]], exact=False,
                          header=["科目编码", "科目名称", "合计", "基本支出", "人员经费", "公用经费", "项目支出"])
    row = recognize(layout).table("expenditure").rows[2]
    assert row.flags == ["realigned"] and row.values == {
        "total": Decimal("50.00"), "basic": Decimal("20.00"), "personnel": Decimal("20.00"), "project": Decimal("30.00")}
    assert _errors(layout, "ARITH-001") == [] and _errors(layout, "ARITH-002") == []


def test_an_uncertain_table_yields_no_error():
    # two amount columns under headings yusuan cannot name, and most rows do not add up: the
    # table is in doubt, so its sums are "not checked" instead of accused
    layout = _expenditure([["", "合计", "100.00", "70.00", "9.00", "1.00"],
                           ["2080101", "行政运行", "50.00", "30.00", "8.00", "1.00"],
                           ["2080102", "一般行政管理事务", "50.00", "20.00", "9.00", "5.00"]],
                          header=["功能分类科目编码", "科目名称", "合计", "基本支出", "某某甲", "某某乙"])
    d = recognize(layout)
    assert d.table("expenditure").doubts
    report = audit(d)
    assert [f for f in report.findings if f.severity == Severity.ERROR] == []
    assert any("未能可靠识别" in n.reason for n in report.not_checked)


def test_a_function_classification_code_heading_marks_the_code_column():
    layout = _expenditure([["", "合计", "30.00", "30.00", ""],
                           ["2080101", "行政运行", "30.00", "30.00", ""]])
    row = recognize(layout).table("expenditure").rows[1]
    assert row.code == "2080101" and row.label == "行政运行"
    assert row.values == {"total": Decimal("30.00"), "basic": Decimal("30.00")}  # the code is no amount


def test_a_blank_government_fund_cell_is_a_stated_zero():
    rows = ["2025年部门收支预算总表", "单位：万元",
            ["收入项目", "预算数", "支出项目", "预算数"],
            ["一、一般公共预算拨款收入", "90.00", "一、一般公共服务支出", "90.00"],
            ["二、政府性基金预算拨款收入", "", "", ""],
            ["收入总计", "90.00", "支出总计", "90.00"]]
    figure = recognize(_layout(rows, exact=True)).figures["government_fund"]
    assert (figure.value, figure.blank) == (Decimal(0), True)
    # the same rows from a text export, which cannot tell a blank cell from a lost one: the
    # table is read, but no stated zero
    exported = recognize(_layout(rows, exact=False))
    assert exported.figures["general_public_budget"].value == Decimal("90.00")
    assert "government_fund" not in exported.figures


def test_a_side_by_side_summary_is_not_double_counted():
    layout = _layout(["收支预算总表", "单位：万元",
                      ["收入", "", "支出", "", "", ""],
                      ["项目名称", "金额", "功能分类", "", "支出用途", ""],
                      ["", "", "功能科目名称", "金额", "项目名称", "金额"],
                      ["一、财政拨款", "100.00", "一、一般公共服务支出", "70.00", "一、基本支出", "60.00"],
                      ["", "", "二、社会保障和就业支出", "30.00", "二、项目支出", "40.00"],
                      ["收入合计", "100.00", "支出合计", "", "", "100.00"]], exact=True)
    d = recognize(layout)
    table = d.table("summary")
    use = [(r.label, r.values.get("total")) for r in table.side(Side.EXPENDITURE_USE)]
    assert use == [("一、基本支出", Decimal("60.00")), ("二、项目支出", Decimal("40.00"))]
    total = next(r for r in table.side(Side.EXPENDITURE) if r.label == "支出合计")
    assert total.values == {"total": Decimal("100.00")}
    assert [f for f in audit(d).findings if f.severity == Severity.ERROR] == []
    assert d.figures["basic_expenditure"].value == Decimal("60.00")


def test_a_table_of_whole_numbers_is_read():
    layout = _layout(["“三公”经费支出预算表", "单位：万元",
                      ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"],
                      ["190", "100", "0", "90"]], exact=True)
    figures = recognize(layout).figures
    assert (figures["three_public_total"].value, figures["three_public_reception"].value) == (Decimal(190), Decimal(90))


def test_a_title_followed_by_its_empty_note_is_an_empty_table_not_a_contents_line():
    layout = _layout(["2025年政府性基金预算支出表", "本部门2025年无政府性基金预算支出，本表无数据。",
                      "2025年部门支出预算表", "单位：万元", ["科目编码", "科目名称", "合计"],
                      ["", "合计", "10.00"], ["2080101", "行政运行", "10.00"]], exact=True)
    d = recognize(layout)
    assert d.table("gov_fund") is not None and d.table("gov_fund").empty_by_design
    assert not [e for e in d.toc if e.kind == "gov_fund"]


def test_a_table_whose_title_is_repeated_on_the_next_page_is_one_table():
    rows: list = ["2025年部门支出预算表", "单位：万元", ["科目编码", "科目名称", "合计"],
                  ["", "合计", "30.00"], ["2080101", "行政运行", "10.00"],
                  "2025年部门支出预算表", ["科目编码", "科目名称", "合计"], ["2080102", "一般行政管理事务", "20.00"]]
    layout = _layout(rows, exact=True)
    for line in layout.lines:
        line.page = 1 if line.line <= 5 else 2
    d = recognize(layout)
    assert len(d.tables_of("expenditure")) == 1
    assert [r.code for r in d.table("expenditure").rows] == [None, "2080101", "2080102"]


def test_a_table_without_a_known_title_is_classified_by_its_content_and_doubted():
    layout = _layout(["附表三 人员与公用支出明细（按经济科目）", "单位：万元",
                      ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
                      ["", "合计", "100.00", "70.00", "30.00"],
                      ["301", "工资福利支出", "70.00", "70.00", ""],
                      ["302", "商品和服务支出", "31.00", "", "31.00"]], exact=True)
    d = recognize(layout)
    table = d.table("gpb_basic_econ")
    assert table is not None and table.kind_inferred and table.doubts
    assert [r.code for r in table.rows] == [None, "301", "302"]
    # 30 + 70 ≠ 101 is shown but not accused: the table's kind was only inferred
    assert [f for f in audit(d).findings if f.severity == Severity.ERROR] == []
    assert "personnel" not in d.figures  # no figure comes from a doubtful table


def test_whole_numbers_one_per_row_with_a_note_are_read_not_taken_for_an_empty_table():
    layout = _layout(["“三公”经费支出预算表", "单位：万元", ["项目", "预算数"], ["合计", "5"],
                      ["因公出国（境）费", "0"], ["公务用车购置及运行费", "3"], ["公务接待费", "2"],
                      "注：本表反映本部门一般公共预算安排的“三公”经费。"], exact=True)
    d = recognize(layout)
    assert not d.table("three_public").empty_by_design
    assert all(not f.blank for f in d.figures.values())  # nothing read as a stated zero


def test_a_cell_covered_by_a_merged_cell_is_not_a_stated_zero():
    layout = _layout(["“三公”经费支出预算表", "单位：万元",
                      ["合计", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"],
                      ["8.00", "", "5.00", "", "3.00"]], exact=True)
    layout.lines[3].covered = [3]  # 5.00 is one cell merged over 购置费 and 运行维护费
    figures = recognize(layout).figures
    assert "three_public_car_operation" not in figures  # unknown, not 0
    assert (figures["three_public_abroad"].value, figures["three_public_abroad"].blank) == (Decimal(0), True)


def test_a_dash_in_an_amount_cell_is_a_stated_zero_and_keeps_the_row_certain():
    layout = _layout(["“三公”经费支出预算表", "单位：万元",
                      ["合计", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"],
                      ["12.00", "—", "10.00", "—", "2.00"]], exact=True)
    d = recognize(layout)
    assert d.table("three_public").rows[0].certain
    assert d.figures["three_public_total"].value == Decimal("12.00")
    assert (d.figures["three_public_abroad"].value, d.figures["three_public_abroad"].blank) == (Decimal(0), True)


def test_the_same_title_over_another_unit_is_another_table():
    rows: list = ["项目支出预算表", "单位名称：某局本级", "单位：万元", ["项目名称", "合计"], ["合计", "30.00"],
                  ["甲项目", "10.00"], ["乙项目", "20.00"],
                  "项目支出预算表", "单位名称：某局所属中心", ["项目名称", "合计"], ["合计", "5.00"], ["丙项目", "5.00"]]
    layout = _layout(rows, exact=True)
    for line in layout.lines:
        line.page = 1 if line.line <= 7 else 2
    d = recognize(layout)
    assert len(d.tables_of("projects")) == 2
    assert [f for f in audit(d, select=["ARITH"]).findings if f.severity == Severity.ERROR] == []


def test_odd_cells_do_not_stop_a_file():
    layout = _expenditure([["", "合计", "①", "②", "³"], ["2080101", "行政运行", "1.00", "1.00", ""]])
    assert recognize(layout).table("expenditure") is not None


def test_a_numbered_title_is_recognised():
    layout = _layout(["表二 一般公共预算支出表", "单位：万元", ["科目编码", "科目名称", "合计"],
                      ["", "合计", "10.00"], ["2010101", "行政运行", "10.00"]], exact=True)
    assert recognize(layout).table("gpb_expenditure") is not None


def test_labels_in_word_tables_never_join_the_row_above():
    layout = _layout(["2025年部门收支预算总表", "单位：万元", ["收入项目", "预算数", "支出项目", "预算数"],
                      ["一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "100.00"],
                      ["捐赠收入", "", "", ""], ["收入总计", "100.00", "支出总计", "100.00"]], exact=True)
    d = recognize(layout)  # Word/Excel/HTML rows: no cell boxes, every cell holds all its text
    labels = [r.label for r in d.table("summary").side(Side.INCOME)]
    assert labels == ["一、一般公共预算拨款收入", "捐赠收入", "收入总计"]
    assert d.figures["general_public_budget"].value == Decimal("100.00")


def test_an_uncalculated_excel_formula_is_unknown_not_zero(tmp_path):
    import openpyxl

    from yusuan.readers import read_layout

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["“三公”经费支出预算表"])
    sheet.append(["单位：万元"])
    sheet.append(["合计", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"])
    sheet.append(["=B4+C4+D4+E4", 0, 5, 4, 3])  # written by a program: no cached result
    path = tmp_path / "三公.xlsx"
    book.save(path)
    layout = read_layout(path)
    assert any("没有保存计算结果" in w for w in layout.warnings)
    figures = recognize(layout).figures
    assert "three_public_total" not in figures  # unknown — not a stated zero
    assert figures["three_public_reception"].value == Decimal(3)


def test_department_names_are_read_whole():
    from yusuan.recognize.meta import detect_meta

    def department(*cover: str) -> str | None:
        return detect_meta([Line(i + 1, t) for i, t in enumerate(cover)]).department

    assert department("上海市普陀区规划和自然资源局2025年部门预算", "目录") == "上海市普陀区规划和自然资源局"
    assert department("中共上海市普陀区委社会工作部", "2025年部门预算", "目录") == "中共上海市普陀区委社会工作部"
    assert department("2018年度江苏省高级", "人民法院预算公开", "2018年2月24日") == "江苏省高级人民法院"


HEADER5 = ["功能分类科目编码", "科目名称", "合计", "基本支出", "人员经费", "公用经费", "项目支出"]


def test_a_text_row_printed_whole_that_does_not_add_up_is_the_documents_error_when_its_neighbours_do():
    rows = [["", "合计", "190.00", "150.00", "100.00", "50.00", "40.00"],
            ["2080101", "行政运行", "100.00", "100.00", "70.00", "30.00", ""],
            ["2080102", "一般行政管理事务", "40.00", "", "", "", "40.00"],
            ["2080150", "事业运行", "50.00", "50.00", "30.00", "25.00", ""]]
    layout = _expenditure(rows, exact=False, header=HEADER5)
    errors = _errors(layout, "ARITH-001")
    assert [(e.evidence[0].location.line, e.actual) for e in errors] == [(7, Decimal("50.00"))]


def test_whole_text_rows_under_a_misread_header_stay_uncertain():
    # every row fails under these columns however its cells are placed: the header is misread,
    # not every line of the document wrong
    rows = [["", "合计", "300.00", "21.00", "33.00", "39.00", "51.00"],
            ["2080101", "行政运行", "100.00", "7.00", "11.00", "13.00", "17.00"],
            ["2080102", "一般行政管理事务", "100.00", "7.00", "11.00", "13.00", "17.00"],
            ["2080150", "事业运行", "100.00", "7.00", "11.00", "13.00", "17.00"]]
    layout = _expenditure(rows, exact=False, header=HEADER5)
    assert _errors(layout, "ARITH-001") == []
    assert not any(r.certain for r in recognize(layout).table("expenditure").rows[1:])
