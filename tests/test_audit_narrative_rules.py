"""NARR rules on the narrative's own arithmetic (synthetic narratives): each planted defect with
its clean twin. The phrasings are the ones families print (Shanghai per-line statements, county
summaries, final accounts)."""

from __future__ import annotations

from decimal import Decimal

from synthetic import document
from yusuan.audit import audit
from yusuan.model import DocumentKind, Severity


def found(d, rule: str):
    return [f for f in audit(d, select=[rule]).findings if f.rule == rule]


def narrative(*lines: str, final: bool = False):
    d = document(narrative=list(lines))
    if final:
        d.meta.kind = DocumentKind.FINAL_ACCOUNT
    return d


PER_LINE = ("4.“一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）”110.60万元，主要用于宣传。"
            "2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数{word}{rate}%。主要原因是：{reason}。")


def per_line(word: str = "减少", rate: str = "2.98", reason: str = "项目调整"):
    return narrative(PER_LINE.format(word=word, rate=rate, reason=reason))


def test_rate_recomputed_from_the_stated_previous_and_current_amounts():
    assert found(per_line(), "NARR-007") == []
    wrong = found(per_line(rate="3.98"), "NARR-007")
    assert [(f.severity, f.expected, f.actual) for f in wrong] == [(Severity.ERROR, Decimal("-2.98"), Decimal("-3.98"))]
    flipped = found(per_line(word="增加"), "NARR-007")
    assert len(flipped) == 1 and "实为减少 2.98%" in flipped[0].message


def test_rate_from_a_zero_base_says_the_base_is_zero():
    text = "2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。"
    planted = found(narrative(text), "NARR-007")
    assert [f.severity for f in planted] == [Severity.WARNING] and "上年为 0" in planted[0].message
    clean = "2023年当年预算执行数为12.50万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。"
    assert found(narrative(clean), "NARR-007") == []


def test_reason_against_the_direction_of_the_change():
    planted = found(per_line(reason="宣传事务一般行政管理事务经费增加"), "NARR-008")
    assert len(planted) == 1 and planted[0].severity == Severity.WARNING
    assert found(per_line(reason="宣传事务经费减少"), "NARR-008") == []
    assert found(per_line(reason="退休人员增加5人，在职人员相关经费相应减少"), "NARR-008") == []
    assert found(per_line(reason="未增加新的宣传项目"), "NARR-008") == []


def test_contradictory_change_wording():
    zero = found(narrative("公务用车购置费0万元，比上年增加0.53万元。"), "NARR-009")
    assert len(zero) == 1 and "本年为 0" in zero[0].message
    assert found(narrative("公务用车购置费0.53万元，比上年增加0.53万元。"), "NARR-009") == []
    larger = found(narrative("机关运行经费12.00万元，比上年增加15.00万元。"), "NARR-009")
    assert len(larger) == 1 and "上年将为负数" in larger[0].message
    flat = found(narrative("政府性基金预算支出0万元，与上年相比增加持平。"), "NARR-009")
    assert len(flat) == 1
    # a list of changes after a reason is not a current amount and its change
    listed = "主要原因是基本支出增加养老保险缴费等1447.63万元、单位预留机动经费增加3075.14万元。"
    assert found(narrative(listed), "NARR-009") == []


def test_parts_listed_after_qizhong_add_up_to_the_whole():
    clean = "2024年收入合计11844.10万元，其中：一般公共预算收入9386.60万元；政府性基金收入1573万元；上年结转结余884.50万元。"
    assert found(narrative(clean), "NARR-010") == []
    over = clean.replace("9386.60", "9486.60")
    planted = found(narrative(over), "NARR-010")
    assert [(f.severity, f.actual) for f in planted] == [(Severity.ERROR, Decimal("11944.10"))]
    under = found(narrative(clean.replace("9386.60", "9286.60")), "NARR-010")
    assert [f.severity for f in under] == [Severity.WARNING]


def test_parts_with_their_own_clauses_and_lists_set_one_per_line():
    shares = ("支出合计9679.70万元，其中基本支出1344.96万元，包括人员经费1298.40万元和日常公用经费46.56万元；"
              "项目支出8334.74万元，主要为养老保险补贴230万元，社会保障费4000万元。")
    assert found(narrative(shares), "NARR-010") == []
    wrapped = narrative("本年支出预算合计28849.38万元，其中：", "基本支出17123.19万元，占59.35%；",
                        "项目支出11543.27万元，占40.01%；", "单位预留机动经费182.92万元，占0.64%。")
    assert found(wrapped, "NARR-010") == []
    wrong = narrative("本年支出预算合计28849.38万元，其中：", "基本支出17123.19万元，占59.35%；",
                      "项目支出12543.27万元，占40.01%；", "单位预留机动经费182.92万元，占0.64%。")
    assert len(found(wrong, "NARR-010")) == 1
    outline = "基本支出预算5836.27万元，其中：（一）人员经费4704.35万元1、工资福利支出（类）2097.51万元（1）基本工资（款）737.94万元。"
    assert found(narrative(outline), "NARR-010") == []


def test_a_number_whose_unit_wrapped_onto_the_next_line_is_still_a_claim():
    def wrapped(part: str):
        return document(narrative=["2021年收入预算490,808.40万元，其中：一般公共预算拨款收入216,552.53",
                                   f"万元，占44.12%；事业收入{part}万元，占55.88%。"], year=2021)
    assert found(wrapped("274,255.87"), "NARR-010") == []  # read without the wrapped unit, 216,552.53 would be lost
    assert len(found(wrapped("284,255.87"), "NARR-010")) == 1


def test_final_accounts_completion_and_comparison_wording():
    text = ("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的{rate}%。"
            "决算数{word}预算数的主要原因：个别项目未实施。")
    assert found(narrative(text.format(rate="98.20", word="小于"), final=True), "NARR-011") == []
    wrong_rate = found(narrative(text.format(rate="99.20", word="小于"), final=True), "NARR-011")
    assert [f.expected for f in wrong_rate] == [Decimal("98.20")]
    wrong_word = found(narrative(text.format(rate="98.20", word="大于"), final=True), "NARR-011")
    assert len(wrong_word) == 1 and "决算数大于预算数" in wrong_word[0].message
    flat = text.format(rate="98.20", word="小于").replace("决算数小于预算数的主要原因：个别项目未实施。", "决算数与预算数基本持平。")
    assert found(narrative(flat, final=True), "NARR-011") == []  # 1.8 % less: “基本持平” is vague enough
    far = flat.replace("2940.05", "2640.05").replace("98.20", "88.18")
    assert [f.severity for f in found(narrative(far, final=True), "NARR-011")] == [Severity.WARNING]
    zero = "“三公”经费年初预算为0.00万元，支出决算为1.20万元，完成年初预算的100%。"
    assert [f.severity for f in found(narrative(zero, final=True), "NARR-011")] == [Severity.WARNING]
    assert found(narrative(text.format(rate="99.20", word="大于")), "NARR-011") == []  # a budget: not checked
    sub_item = ("支出年初预算为100.00万元，支出决算为98.00万元，完成年初预算的98%，其中：基本支出决算为60.00万元，"
                "完成年初预算的100%。项目支出决算数大于预算数的原因是追加。")
    assert found(narrative(sub_item, final=True), "NARR-011") == []
    adjusted = "年初预算为100.00万元，调整预算为120.00万元，支出决算为118.00万元，完成年初预算的118%。"
    assert found(narrative(adjusted, final=True), "NARR-011") == []


def test_final_accounts_roughly_equal_and_parts_after_yongyu_yixia_fangmian():
    same = "年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。"
    assert found(narrative(same, final=True), "NARR-011") == []
    listed = ("一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；"
              "社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占15.16%。")
    assert found(narrative(listed), "NARR-010") == []
    assert len(found(narrative(listed.replace("2940.05", "3940.05")), "NARR-010")) == 1


def test_project_counts_against_the_project_table():
    from synthetic import project

    def counted(text: str):
        d = document(narrative=[text], projects=[project("信息化建设经费", "10.00"), project("公开招聘经费", "5.00")])
        return found(d, "NARR-012")

    planted = counted("我部门支出项目共3个，支出总额15.00万元。")
    assert [(f.severity, f.expected, f.actual) for f in planted] == [(Severity.WARNING, Decimal(2), Decimal(3))]
    assert counted("我部门支出项目共2个，支出总额15.00万元。") == []
    assert counted("其中100万元以上支出项目0个。") == []  # a subset: the pattern matches, 其中/以上 exclude it
    assert counted("本年新增支出项目共1个。") == []


def test_a_reason_introduced_by_its_direction_word():
    planted = found(narrative("财政拨款收入支出增加的主要原因是：政策资金项目预算减少。"), "NARR-008")
    assert len(planted) == 1
    assert found(narrative("财政拨款收入支出增加的主要原因是：政策资金项目预算增加。"), "NARR-008") == []


def test_one_total_with_two_changes_against_the_same_base():
    from synthetic import row, table

    def stated(*lines: str):
        totals = table("summary", ["total"], [row("收入总计", 10, role="total", section="income", total="90.00"),
                                              row("支出总计", 11, role="total", section="expenditure", total="90.00")])
        return found(document(totals, narrative=list(lines)), "NARR-009")

    assert len(stated("收入总计90.00万元，比上年增加10.00万元。", "收入总计90.00万元，比2023年增加15.00万元。")) == 1
    # a balanced document: income and expenditure cannot move in opposite directions
    assert len(stated("收入总计90.00万元，比上年增加10.00万元。", "支出总计90.00万元，比上年减少10.00万元。")) == 1
    assert stated("收入总计90.00万元，比上年增加10.00万元。", "收入总计90.00万元，比2023年执行数增加15.00万元。") == []


def test_reasons_that_state_purposes_other_years_or_negations_say_no_direction():
    for clean in ("公用经费5.00万元，比上年减少1.00万元，主要原因是厉行节约，提高资金使用效率。",
                  "设备购置费9.00万元，比上年增加2.00万元，主要原因是为降低运行成本购置节能设备。",
                  "项目支出30.00万元，比上年减少5.00万元，主要原因是上年度新增的项目本年不再新增。",
                  "基本支出50.00万元，比上年减少1.00万元，主要原因是人员退休；项目支出30.00万元，比上年增加5.00万元。"):
        assert found(narrative(clean), "NARR-008") == [], clean
    assert len(found(narrative("公用经费5.00万元，比上年减少1.00万元，原因是经费增加。"), "NARR-008")) == 1


def test_the_amount_stated_with_a_project_count_against_the_projects():
    from synthetic import project

    def stated(text: str):
        d = document(narrative=[text], projects=[project("信息化建设经费", "10.00"), project("公开招聘经费", "5.00")])
        return found(d, "NARR-012")

    assert stated("纳入绩效目标管理的二级项目2个，共计金额15.00万元。") == []
    planted = stated("纳入绩效目标管理的二级项目2个，共计金额25.00万元。")
    assert [(f.expected, f.actual) for f in planted] == [(Decimal("15.00"), Decimal("25.00"))]


def test_lines_named_by_their_code_in_brackets_against_the_fiscal_table_of_their_section():
    from synthetic import row, table

    def explained(amount: str):
        fiscal = table("fiscal_expenditure", ["total"], [
            row("合计", 30, role="total", total="7970.38"),
            row("小学教育", 31, code="2050202", total="7970.38")])
        everything = table("expenditure", ["total"], [
            row("合计", 40, role="total", total="9256.09"),
            row("小学教育", 41, code="2050202", total="9256.09")])
        lines = ["（四）高等学校财政拨款支出决算表说明",
                 f"1.小学教育（2050202），2023年度决算数为{amount}万元，比2022年度决算数增长0.39%。"]
        d = document(fiscal, everything, narrative=lines, year=2023)
        d.meta.kind = DocumentKind.FINAL_ACCOUNT
        return found(d, "NARR-006")

    assert explained("7970.38") == []  # the fiscal table's line, not the all-funds one
    planted = explained("7070.38")
    assert [(f.expected, f.actual) for f in planted] == [(Decimal("7970.38"), Decimal("7070.38"))]
    assert "小学教育（2050202）" in planted[0].message


def test_lists_that_end_in_a_total_a_remark_or_the_next_whole_are_not_parts():
    for clean in ("2024年收入预算总额1234.56万元，其中：一般公共预算拨款收入1234.56万元；支出预算总额1234.56万元，全部为基本支出。",
                  "收入预算1000万元，其中：财政拨款300万元、事业收入700万元，合计1000万元。",
                  "政府采购预算140万元，其中：货物类100万元，服务类40万元，面向中小企业预留100万元。",
                  "公用经费100万元，其中：会议费50万元，差旅费50万元，人均5万元。",
                  "支出预算1000万元，其中：基本支出600万元，项目支出400万元，另有上年结转300万元。",
                  "“三公”经费预算10.00万元，其中：因公出国（境）费0.00万元，公务接待费2.00万元，公务用车购置及运行费8.00万元"
                  "（其中：公务用车购置费0.00万元，公务用车运行费8.00万元）。"):
        assert found(narrative(clean), "NARR-010") == [], clean


def test_amounts_in_wan_without_yuan_and_part_names_with_direction_words():
    listed = ("2025年度项目总预算2921.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，区级支持总部经济1106.00万，"
              "市级支持总部经济1262.00万，进博会推进专项153.00万，合计2921.00万。")
    assert found(document(narrative=[listed], year=2025), "NARR-010") == []
    assert len(found(document(narrative=[listed.replace("370.00", "470.00")], year=2025), "NARR-010")) == 1
    people = narrative("全市新增就业人数≥3.2万人，推广电子社保卡80万张。")
    assert not any(c.unit == "万元" for _, c in people.claims())  # 3.2万人 and 80万张 are not money


def test_counts_whose_noun_follows_the_number():
    from synthetic import project

    def counted(text: str):
        d = document(narrative=[text], projects=[project("信息化建设经费", "10.00"), project("公开招聘经费", "5.00")])
        return found(d, "NARR-012")

    assert counted("对项目支出全面实施绩效目标管理，涉及预算拨款15.00万元，共2个项目。") == []
    assert [f.actual for f in counted("对项目支出全面实施绩效目标管理，涉及预算拨款15.00万元，共3个项目。")] == [Decimal(3)]
    assert counted("拟对 0 个项目开展部门重点绩效评价，涉及预算资金 0 万元。") == []


def test_third_review_phrasings():
    final = True
    assert found(narrative("基本支出年初预算为100万元，决算数为90万元；项目支出年初预算为200万元，决算数为250万元，"
                           "决算数大于年初预算数。", final=final), "NARR-011") == []
    assert len(found(narrative("会议费0.00万元，比上年增加5.00万元。", "培训费0.00万元，比上年增加5.00万元。"),
                     "NARR-009")) == 2  # two defects, not one printed twice
    assert found(narrative("2023年预算执行数为100.00万元，2024年预算安排120.00万元，比2023年预算增长10.00%。"),
                 "NARR-007") == []
    assert found(narrative("比上年增加100万元，主要原因是2024年新增项目经费，同时压减一般性支出。"), "NARR-008") == []
    assert found(narrative("支出预算1000万元，其中：基本支出600万元，项目支出300万元，预留经费100万元。"), "NARR-010") == []
    assert found(narrative("支出决算1000万元，其中：基本支出600万元，项目支出（其中：专项业务费500万元）400万元。"),
                 "NARR-010") == []
    people = narrative("就业补助资金500.00万元，其中：职业培训补贴300.00万元，惠及劳动者1.2万", "人，创业补贴200.00万元。")
    assert found(people, "NARR-010") == []
    assert found(narrative("项目支出400.00万元，其中：培训经费100.00万元，培训人次1万，会议费300.00万元。"), "NARR-010") == []


def test_parts_listed_after_the_sentence_stating_the_whole():
    """"…598.46万元。其中：A，B，C，D。": the whole closes the sentence before the list."""
    text = ("本单位编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元，"
            "财政业务费{fee}万元，信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。")
    assert found(narrative(text.format(fee="10.00")), "NARR-010") == []
    planted = found(narrative(text.format(fee="20.00")), "NARR-010")
    assert [(f.severity, f.expected, f.actual) for f in planted] == [(Severity.ERROR, Decimal("598.46"), Decimal("608.46"))]
    # a sentence ending on a change or a share does not give the list its whole
    assert found(narrative("比上年增加598.46万元。其中：中介机构服务费418.80万元，财政业务费20.00万元。"), "NARR-010") == []


def test_outline_items_set_as_sentences_of_their_own():
    lines = ("基本支出预算18570.82万元，其中：",
             "（一）人员经费15163.44万元。主要包括：基本工资、津贴补贴、奖金、离休费、退休费。",
             "（二）公用经费{public}万元。主要包括：办公费、水费、电费、差旅费、会议费、培训费。",
             "七、一般公共预算支出预算情况说明")
    assert found(narrative(*[line.format(public="3407.38") for line in lines]), "NARR-010") == []
    planted = found(narrative(*[line.format(public="4407.38") for line in lines]), "NARR-010")
    assert [(f.severity, f.actual) for f in planted] == [(Severity.WARNING, Decimal("19570.82"))]
    assert len({e.location.line for e in planted[0].evidence}) == 3  # the whole and both items, each on its line
    # the items of another list later on are not this one's
    other = ("基本支出预算18570.82万元，其中：", "（一）人员经费15163.44万元。", "另安排项目支出200.00万元。",
             "（二）公用经费9407.38万元。")
    assert found(narrative(*other), "NARR-010") == []
