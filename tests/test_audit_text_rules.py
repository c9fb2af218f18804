"""TEXT rules on synthetic narratives: each planted defect with its clean twin."""

from __future__ import annotations

from synthetic import document
from yusuan.audit import audit
from yusuan.model import DocumentKind, Severity


def found(d, rule: str):
    return [f for f in audit(d, select=[rule]).findings if f.rule == rule]


def narrative(*lines: str, year: int = 2024, final: bool = False):
    d = document(narrative=list(lines), year=year)
    if final:
        d.meta.kind = DocumentKind.FINAL_ACCOUNT
    return d


def test_doubled_punctuation_is_a_warning_and_a_dotted_leader_is_not():
    planted = found(narrative("比上年增加5.00万元。。主要原因是人员增加。"), "TEXT-002")
    assert [(f.severity, f.evidence[0].location.line) for f in planted] == [(Severity.WARNING, 100)]
    assert found(narrative("部门预算编制说明。。。。。。。。。3"), "TEXT-002") == []
    assert found(narrative("比上年增加5.00万元。主要原因是人员增加。"), "TEXT-002") == []


def test_brackets_unbalanced_in_a_sentence_but_not_when_wrapped_to_the_next_lines():
    planted = found(narrative("公务用车运行维护费（含燃油费1.00万元，主要用于车辆运行。"), "TEXT-003")
    assert [(f.severity, f.evidence[0].location.line) for f in planted] == [(Severity.WARNING, 100)]
    wrapped = narrative("三、财政专户管理资金：包括专户管理行政事业性收费（主要", "是教育收费）、其他非税收入。")
    assert found(wrapped, "TEXT-003") == []
    quotes = narrative("主要用于“三公", "经费”和会议支出。")
    assert found(quotes, "TEXT-003") == []


def test_brackets_mixed_widths_are_a_notice_naming_the_characters():
    planted = found(narrative("公务用车购置及运维费3.00万元（其中：购置费0.00万元)。"), "TEXT-003")
    assert [(f.severity, "“（”与“)”" in f.message) for f in planted] == [(Severity.NOTICE, True)]
    assert found(narrative("公务用车购置及运维费3.00万元（其中：购置费0.00万元）。"), "TEXT-003") == []


def test_budget_compares_with_the_previous_year_with_or_without_spaces():
    assert len(found(narrative("2024年支出预算100.00万元，比2024年预算增加5.00万元。"), "TEXT-005")) == 1
    assert len(found(narrative("2024年支出预算100.00万元，比 2022 年增加5.00万元。"), "TEXT-005")) == 1
    assert found(narrative("2024年支出预算100.00万元，比 2023 年增加5.00万元。"), "TEXT-005") == []


def test_final_accounts_compare_with_the_previous_year_or_their_own_budget():
    assert found(narrative("支出决算100.00万元，比2023年度决算数增长5.00%，完成2024年预算的98%。", final=True),
                 "TEXT-005") == []
    assert len(found(narrative("支出决算100.00万元，比2022年度决算数增长5.00%。", final=True), "TEXT-005")) == 1


def test_dated_statements_against_year_and_kind():
    budget_ok = narrative("截至2023年8月31日，本部门共有车辆3辆。")
    assert found(budget_ok, "TEXT-005") == []
    assert len(found(narrative("截至2024年12月31日，本部门共有车辆3辆。"), "TEXT-005")) == 1
    assert found(narrative("截至2024年12月31日，本部门共有车辆3辆。", final=True), "TEXT-005") == []
    assert len(found(narrative("截至2023年底，本部门共有车辆3辆。", final=True), "TEXT-005")) == 1


def test_repeated_word_planted_and_clean():
    planted = found(narrative("2024年部门预算预算收入100.00万元。"), "TEXT-006")
    assert len(planted) == 1 and "“预算”连写了两次" in planted[0].message
    assert found(narrative("2024年部门预算收入100.00万元。"), "TEXT-006") == []


def test_template_leftover_planted_and_clean():
    for leftover in ("增加（减少）", "（增加/减少）", "增长/下降"):
        planted = found(narrative(f"比上年{leftover}5.00万元。"), "TEXT-007")
        assert len(planted) == 1, leftover
    assert found(narrative("比上年增加5.00万元（主要是人员增加）。"), "TEXT-007") == []
    template = narrative("比上年增加（减少）XX万元。")
    template.meta.template = True
    assert found(template, "TEXT-007") == []


def test_ascii_punctuation_one_notice_per_line():
    planted = found(narrative("增加 0.50 万元, 增加比例 23.81%, 主要原因是人员增加。"), "TEXT-008")
    assert [(f.severity, "共 2 处" in f.message) for f in planted] == [(Severity.NOTICE, True)]
    assert found(narrative("增加0.50万元，增加比例23.81%。项目共计1.5个百分点。"), "TEXT-008") == []


def _noted(kind: str, note: str, amount: str):
    from synthetic import row, table
    t = table(kind, ["total"], [row("合计", 10, role="total", total=amount)])
    t.notes = [note]
    return document(t)


def test_a_note_that_says_the_table_is_empty_over_printed_amounts():
    note = "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"
    assert [f.severity for f in found(_noted("three_public", note, "47.91"), "TEXT-009")] == [Severity.WARNING]
    assert found(_noted("three_public", note, "0"), "TEXT-009") == []


def test_a_note_naming_another_fund_than_its_table():
    wrong = "注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"
    assert len(found(_noted("soe_capital", wrong, "0"), "TEXT-009")) == 1
    right = "注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"
    assert found(_noted("soe_capital", right, "0"), "TEXT-009") == []


def test_words_that_look_like_defects_but_are_not():
    clean = {
        "TEXT-003": ["主要职责：1)负责全区就业工作；2)负责社会保险工作。", "（1）负责就业；a）负责社保。"],
        "TEXT-005": ["积极参与2025年全运会筹备工作。", "推动党建与2024年度重点工作深度融合。",
                     "单位GDP能耗较2020年下降13.5%。", "与2024年年初预算相比增加5.00万元。",
                     "截至2024年5月，本部门共有车辆3辆。"],
        "TEXT-006": ["要讨论讨论再定。", "一个一个地核查。", "二零二零年。"],
        "TEXT-007": ["在职人员增加、减少退休人员经费。", "各项支出有增长、下降。", "增加（减少部分公用经费）。"],
    }
    for rule, texts in clean.items():
        for text in texts:
            assert found(narrative(text), rule) == [], (rule, text)


def test_a_document_speaking_in_the_other_scope():
    from yusuan.model import DocumentScope

    def scoped(scope, text):
        d = narrative(text)
        d.meta.scope = scope
        return [f.severity for f in found(d, "TEXT-010")]

    assert scoped(DocumentScope.UNIT, "本部门2024年收入预算100.00万元。") == [Severity.WARNING]
    assert scoped(DocumentScope.UNIT, "本单位2024年收入预算100.00万元。") == []
    assert scoped(DocumentScope.DEPARTMENT, "本单位2024年收入预算100.00万元。") == [Severity.NOTICE]
    assert scoped(DocumentScope.DEPARTMENT, "部门预算包括局机关本级预算和9个局属单位预算。") == []


def test_the_last_sentence_before_a_heading_without_its_full_stop():
    def ended(last: str):
        return found(narrative("一、部门主要职能", f"负责全区就业工作，{last}", "二、部门机构设置", "本部门共有内设机构5个。"),
                     "TEXT-011")
    assert len(ended("针对案件审理中发现的问题提出司法建议")) == 1
    assert ended("针对案件审理中发现的问题提出司法建议。") == []
    assert found(narrative("一、机构", "3 上海市普陀区国库收付中心 预算不单列，并入本级", "二、说明", "无。"), "TEXT-011") == []


def test_a_district_document_naming_the_city_level_as_its_own():
    def in_region(region: str, text: str):
        d = narrative(text)
        d.meta.region = region
        return [f.severity for f in found(d, "TEXT-012")]

    words = "“三公”经费：是与市级财政有经费领拨关系的部门使用市级财政拨款安排的支出。"
    assert in_region("上海市普陀区", words) == [Severity.NOTICE]
    assert in_region("上海市普陀区", words.replace("市级", "区级")) == []
    assert in_region("江苏省", "省级财政拨款。") == []


def test_fill_in_instructions_left_under_tables_are_one_finding():
    from synthetic import row, table

    def noted(*notes: str):
        tables = []
        for i, note in enumerate(notes):
            t = table("gpb_expenditure", ["total"], [row("合计", 10 + i, role="total", total="1.00")], line=10 + i)
            t.notes = [note]
            tables.append(t)
        return found(document(*tables), "TEXT-007")

    planted = noted("注：“科目编码”和“科目名称”为必填项。", "注：“科目编码”和“科目名称”为必填项。")
    assert len(planted) == 1 and planted[0].message.startswith("2 张表下")
    assert noted("注：本表反映部门一般公共预算支出。") == []


def test_a_header_printing_the_departments_name_cut_short():
    from yusuan.model import Location, PrintedName

    def printed(*names: str):
        d = narrative("说明。")
        d.meta.department = "三门峡市人力资源和社会保障局"
        d.printed_names = [PrintedName(n, Location("synthetic.txt", 200 + i)) for i, n in enumerate(names)]
        return found(d, "TEXT-013")

    planted = printed("三门峡市人力资源和社会保障局", "三门峡市人力资源和社会保障")
    assert [(f.severity, f.evidence[0].location.line) for f in planted] == [(Severity.WARNING, 201)]
    assert printed("三门峡市人力资源和社会保障局", "三门峡市人力资源和社会保障局（本级）") == []
    assert printed("三门峡市社会养老保障中心") == []  # another unit altogether


def test_a_name_wrapped_onto_the_next_row_of_its_cell_is_read_whole():
    from yusuan.model import Line
    from yusuan.recognize.meta import printed_names

    lines = [Line(1, "", cells=["", "部门名称：江苏省高级人民法", "", ""]), Line(2, "", cells=["", "院", "", "单位：万元"])]
    assert [p.name for p in printed_names(lines)] == ["江苏省高级人民法院"]


def test_the_departments_name_misspelt_in_the_narrative():
    def written(*lines: str):
        d = narrative(*lines)
        d.meta.department, d.meta.region = "上海市普陀区商务委员会", "上海市普陀区"
        return found(d, "TEXT-014")

    cut = written("2025年，上海市普陀区商务委员收入预算37151.47万元。", "上海市普陀区商务委员会是主管全区产业经济的区政府工作部门。")
    assert [(f.severity, f.evidence[0].location.line) for f in cut] == [(Severity.WARNING, 100)]
    assert "“上海市普陀区商务委员”" in cut[0].message
    wrong = written("上海市普陀区商务委员员会（部门）主要职能", "2025年，上海市普陀区商务委员员会收入预算100.00万元。")
    assert len(wrong) == 1 and len(wrong[0].evidence) == 2  # one spelling, both places
    # clean twins: the name itself, a second name plate, a subordinate unit, a short form
    assert written("2025年，上海市普陀区商务委员会收入预算37151.47万元。",
                   "加挂上海市普陀区经济委员会、上海市普陀区粮食和物资储备局牌子。",
                   "上海市普陀区商务委员会综合服务中心，事业单位。", "区商务委收入预算减少。") == []
    # another body of the same government, one character apart in its last two: 民政局 beside 财政局
    d = narrative("会同上海市普陀区财政局、区审计局开展检查。")
    d.meta.department, d.meta.region = "上海市普陀区民政局", "上海市普陀区"
    assert found(d, "TEXT-014") == []
