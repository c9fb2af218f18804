"""Expected values for three 江苏省高级人民法院 部门预算 documents (2017, 2018, 2019),
transcribed by hand from the PDFs in ../shared/corpus/more (page text plus page images
checked cell by cell), not from yusuan's output.

Conventions
-----------
* Pages are 1-based PDF page numbers (page index + 1).
* ``printed_title`` is the title as printed, compacted (no spaces).  In 2017/2018 every title
  line is printed *outside* the ruled grid as "<ordinal>、<title>" (e.g. "一、2017年度…收支预算总表");
  the ordinal ("一、") is the table number and is NOT included in ``printed_title``.  In 2019 the
  number is printed on its own line above the title ("公开 01表" … "公开12表"), the title is a
  large centred line, and a line "部门名称：江苏省高级人民法院 … 单位：万元" sits directly above the
  grid; all of it is outside the grid.  The unit line "单位：万元" is always outside the grid,
  right-aligned above it.  No title/number/unit is printed inside a merged first row of a grid.
* Quotation marks in 三公 titles are U+201C/U+201D (“三公”); parentheses in 2019 titles are
  full-width （）.
* All tables of the three documents are in 万元; every figure below is in 万元 as printed.
* The main 支出预算总表 of all three documents has NO function-classification lines (it is a
  single row: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金).  ``function_lines`` is
  therefore taken from the first table that lists expenditure by function line, the
  财政拨款支出预算表 (one 金额 column only, so basic/project are None: the table has no such
  columns).  The 一般公共预算支出预算表 that follows repeats it row for row.
* 人员经费 / 公用经费: the basic-expenditure tables of these documents are by economic class only
  (301 工资福利支出 / 302 商品和服务支出 / 303 对个人和家庭的补助, with 款 rows) and print no
  人员经费 or 公用经费 row, so ``personnel`` / ``public_operating`` are omitted.  The narrative
  states them (人员经费 = 301 + 303, 公用经费 = 302); see ``narrative``.
* soe_capital (国有资本经营) has no row/cell anywhere in these documents, so it is omitted.

Table kinds: the 财政拨款 (all appropriations) function and economic tables are the kinds
fiscal_expenditure and fiscal_basic_econ (the 一般公共预算 ones are gpb_*); the transcriber's
list of kinds lacked these two, and the kinds were renamed accordingly afterwards.
"""

from decimal import Decimal

D = Decimal

EXPECTED = {
    # ------------------------------------------------------------------------------------------
    "js-highcourt-2017-dept-budget.pdf": {
        "meta": {"department": "江苏省高级人民法院", "year": 2017, "kind": "budget"},
        # 27 pages; 第二部分 tables on pp. 11-18; 情况说明 pp. 19-26.  目录 (p1) lists the same 12 tables.
        # Every title line "N、<title>" and the "单位：万元" line are printed above (outside) the grid.
        "tables": [
            # "一、2017年度江苏省高级人民法院部门收支预算总表", grid continues on p12
            (11, "summary", "2017年度江苏省高级人民法院部门收支预算总表", "万元"),
            # "二、…部门收入预算总表", grid continues on p13
            (12, "income", "2017年度江苏省高级人民法院部门收入预算总表", "万元"),
            # "三、…部门支出预算总表" (one-row table 合计/基本支出/项目支出/单位预留机动经费/结转下年资金)
            (13, "expenditure", "2017年度江苏省高级人民法院部门支出预算总表", "万元"),
            # "四、…部门财政拨款收支预算总表"
            (13, "fiscal_summary", "2017年度江苏省高级人民法院部门财政拨款收支预算总表", "万元"),
            # "五、…部门财政拨款支出预算表" (function lines, one 金额 column), continues on p14
            (13, "fiscal_expenditure", "2017年度江苏省高级人民法院部门财政拨款支出预算表", "万元"),
            # "六、…部门财政拨款基本支出预算表" (economic class)
            (14, "fiscal_basic_econ", "2017年度江苏省高级人民法院部门财政拨款基本支出预算表", "万元"),
            # "七、…部门政府性基金支出预算表" (only a 合计 row, amount cell blank)
            (15, "gov_fund", "2017年度江苏省高级人民法院部门政府性基金支出预算表", "万元"),
            # "八、…部门一般公共预算支出预算表" (same rows as 五)
            (15, "gpb_expenditure", "2017年度江苏省高级人民法院部门一般公共预算支出预算表", "万元"),
            # "九、…部门一般公共预算基本支出预算表" (same rows as 六), continues on p16
            (15, "gpb_basic_econ", "2017年度江苏省高级人民法院部门一般公共预算基本支出预算表", "万元"),
            # "十、…部门一般公共预算机关运行经费支出预算表", continues on p17
            (16, "running_cost", "2017年度江苏省高级人民法院部门一般公共预算机关运行经费支出预算表", "万元"),
            # "十一、2017年江苏省…" (note: "2017年", not "2017年度")
            (17, "three_public",
             "2017年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、培训费支出预算表", "万元"),
            # "十二、2017年江苏省高级人民法院部门政府采购预算表", continues on p18
            (17, "procurement", "2017年江苏省高级人民法院部门政府采购预算表", "万元"),
        ],
        "figures": {
            # p12 收支预算总表 bottom row "收入合计 | 28,849.38"; p12 收入预算总表 "收入总计 28,849.38"
            "total_income": D("28849.38"),
            # p12 收支预算总表 "支出合计 | 28,849.38" (printed once, in the last column, spanning both
            # expenditure blocks); p13 支出预算总表 "合计 28,849.38"
            "total_expenditure": D("28849.38"),
            # p12 收支预算总表 "当年收入小计 | 28,849.38"
            "current_year_income": D("28849.38"),
            # p12 收支预算总表 "上年结转资金 | (blank)"; p13 收入预算总表 "上年结转和结余资金 小计" blank
            "carry_over": D("0"),  # left blank
            # p11 收支预算总表 "1.一般公共预算 | 28,849.38"; p13 财政拨款收支预算总表 "一、一般公共预算 28,849.38"
            "general_public_budget": D("28849.38"),
            # p11 "2.政府性基金预算 | (blank)"; p12 收入预算总表 "政府性基金 小计" blank;
            # p13 财政拨款收支预算总表 "二、政府性基金预算" blank
            "government_fund": D("0"),  # left blank
            # p11 收支预算总表 支出用途 block "一、基本支出 | 17,123.19"; p13 支出预算总表 基本支出 17,123.19;
            # p14 财政拨款基本支出预算表 "合计 17,123.19"
            "basic_expenditure": D("17123.19"),
            # p11 "二、项目支出 | 11,543.27"; p13 支出预算总表 项目支出 11,543.27
            # (the third purpose line "三、单位预留机动经费 182.92" is neither basic nor project)
            "project_expenditure": D("11543.27"),
            # p17 三公 table: 合计 2,599.37 = 三公 小计 670.12 + 会议费 228.00 + 培训费 1,701.25.
            # three_public_total is the “三公”经费 小计 670.12 (三公 items only), NOT the 合计 2,599.37.
            "three_public_total": D("670.12"),
            # p17 "因公出国（境）费 180.00"
            "three_public_abroad": D("180.00"),
            # p17 "公务用车购置费" cell left blank (narrative p25: 公务用车购置预算支出 0 万元)
            "three_public_car_purchase": D("0"),  # left blank
            # p17 "公务用车运行维护费 304.40" (公务用车购置及运行维护费 小计 also 304.40)
            "three_public_car_operation": D("304.40"),
            # p17 "公务接待费 185.72"
            "three_public_reception": D("185.72"),
            # p16 机关运行经费支出预算表 "合计 9,193.40" (302 商品和服务支出 9,050.00 + 310 其他资本性支出 143.40)
            "running_cost": D("9193.40"),
            # p17 政府采购预算表 "合计 … 3,742.40" (货物A 525.40 + 工程B 500.00 + 服务C 2,717.00)
            "procurement_total": D("3742.40"),
        },
        # From 五、财政拨款支出预算表 (p13-14): codes in one column "功能科目代码", as digits
        # ("204", "20405", "2040501"); 类, 款 and 项 rows all printed; one 金额 column only.
        "function_lines": {
            "table": (13, "2017年度江苏省高级人民法院部门财政拨款支出预算表"),
            "count": 15,  # 204, 20405, 6 项; 208, 20805, 2080504; 221, 22102, 2210201, 2210202
            "first": [
                ("204", "公共安全支出", D("23513.11"), None, None),
                ("20405", "法院", D("23513.11"), None, None),
                ("2040501", "行政运行", D("11786.92"), None, None),
            ],
            "last": [
                ("22102", "住房改革支出", D("2989.14"), None, None),  # p13
                ("2210201", "住房公积金", D("1029.15"), None, None),  # p14
                ("2210202", "提租补贴", D("1959.99"), None, None),  # p14
            ],
        },
        "narrative": [
            (19, "江苏省高级人民法院2017年度收入、支出预算总计28849.38万元", D("28849.38"), "万元"),
            (20, "基本支出预算数为17123.19万元", D("17123.19"), "万元"),
            (20, "项目支出预算数为11543.27万元", D("11543.27"), "万元"),
            (23, "（一）人员经费13594.82万元", D("13594.82"), "万元"),  # = 301 7,687.65 + 303 5,907.17
            (25, "公务接待费支出185.72万元", D("185.72"), "万元"),
            (26, "政府采购预算总金额为3742.4万元", D("3742.4"), "万元"),
        ],
        # Checked and consistent: every table sums (function block 23,513.11+2,347.13+2,989.14 and
        # purpose block 17,123.19+11,543.27+182.92 both = 28,849.38; 301/302/303 subtotals; 机关运行
        # 9,050.00+143.40; 三公 180+304.40+185.72 = 670.12; 采购 525.40+500+2,717.00).  Narrative
        # percentages 59.35/40.01/0.64 and the year-on-year changes agree with the tables.  The 三公
        # shares 26.86/45.43/27.71 % are forced to total 100 (304.4/670.12 = 45.42 %) — rounding, not
        # listed.  Narrative p21/p19 names 2040502 "一般行政事务管理" where the table prints
        # "一般行政管理事务" — wording only, not listed.
        "defects": [
            {
                "page": 22,
                "numbers": {"提租补贴": D("1959.99"), "increase": D("865.57"), "stated_growth_pct": D("79.05")},
                "why": "住房改革支出（款）提租补贴（项）支出 1959.99 万元 (matches table p14), '与上年相比增加 "
                       "865.57 万元，增长 79.05%': prior year = 1959.99 − 865.57 = 1094.42, and "
                       "865.57 / 1094.42 = 79.09 %, not 79.05 %. (865.57 itself is consistent with the "
                       "住房保障 class increase 1051.89 = 186.32 + 865.57.)",
            },
        ],
    },
    # ------------------------------------------------------------------------------------------
    "js-highcourt-2018-dept-budget.pdf": {
        "meta": {"department": "江苏省高级人民法院", "year": 2018, "kind": "budget"},
        # 25 pages; tables pp. 9-16; 情况说明 pp. 16-24.  Titles "N、<title>" and "单位：万元" above the grid.
        "tables": [
            # "一、2018年度江苏省高级人民法院收支预算总表", continues on p10
            (9, "summary", "2018年度江苏省高级人民法院收支预算总表", "万元"),
            # "二、…收入预算总表"
            (10, "income", "2018年度江苏省高级人民法院收入预算总表", "万元"),
            # "三、…支出预算总表" (one-row table)
            (10, "expenditure", "2018年度江苏省高级人民法院支出预算总表", "万元"),
            # "四、…财政拨款收支预算总表": title, unit and the header row "收入|支出" on p10, rest on p11
            (10, "fiscal_summary", "2018年度江苏省高级人民法院财政拨款收支预算总表", "万元"),
            # "五、…财政拨款支出预算表"
            (11, "fiscal_expenditure", "2018年度江苏省高级人民法院财政拨款支出预算表", "万元"),
            # "六、…财政拨款基本支出预算表", continues on p12
            (11, "fiscal_basic_econ", "2018年度江苏省高级人民法院财政拨款基本支出预算表", "万元"),
            # "七、…一般公共预算支出预算表", continues on p13
            (12, "gpb_expenditure", "2018年度江苏省高级人民法院一般公共预算支出预算表", "万元"),
            # "八、…一般公共预算基本支出预算表", continues on p14
            (13, "gpb_basic_econ", "2018年度江苏省高级人民法院一般公共预算基本支出预算表", "万元"),
            # "九、2018年江苏省…" ("2018年", not "年度")
            (14, "three_public", "2018年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表", "万元"),
            # "十、…政府性基金预算财政拨款支出预算表" (only 合计 row, amount blank)
            (14, "gov_fund", "2018年度江苏省高级人民法院政府性基金预算财政拨款支出预算表", "万元"),
            # "十一、…一般公共预算机关运行经费支出预算表", continues on p15
            (14, "running_cost", "2018年度江苏省高级人民法院一般公共预算机关运行经费支出预算表", "万元"),
            # "十二、2018年江苏省高级人民法院政府采购预算表", continues on p16
            (15, "procurement", "2018年江苏省高级人民法院政府采购预算表", "万元"),
        ],
        "figures": {
            # p10 收支预算总表 "收入合计 | 33,172.15"; p10 收入预算总表 "收入总计 33,172.15"
            "total_income": D("33172.15"),
            # p10 收支预算总表 "支出合计 | 33,172.15"; p10 支出预算总表 "合计 33,172.15"
            "total_expenditure": D("33172.15"),
            # p10 "当年收入小计 | 33,172.15"
            "current_year_income": D("33172.15"),
            # p10 "上年结转资金 | (blank)"; 收入预算总表 "上年结转和结余资金 小计" blank
            "carry_over": D("0"),  # left blank
            # p9 "1.一般公共预算 | 33,172.15"; p11 财政拨款收支预算总表 "一、一般公共预算 33,172.15"
            "general_public_budget": D("33172.15"),
            # p9 "2.政府性基金预算 | (blank)"; p10 收入预算总表 "政府性基金 小计" blank; p11 "二、政府性基金预算" blank
            "government_fund": D("0"),  # left blank
            # p9 支出用途 "一、基本支出 | 18,570.82"; p10 支出预算总表 18,570.82
            "basic_expenditure": D("18570.82"),
            # p9 "二、项目支出 | 11,343.27"; p10 支出预算总表 11,343.27 (单位预留机动经费 3,258.06 separate)
            "project_expenditure": D("11343.27"),
            # p14 三公 table: 合计 2,558.26 = 三公 小计 620.75 + 会议费 271.26 + 培训费 1,666.25;
            # three_public_total is the 三公 小计 620.75 only.
            "three_public_total": D("620.75"),
            "three_public_abroad": D("170.00"),  # p14 "因公出国（境）费 170.00"
            "three_public_car_purchase": D("0"),  # p14 "公务用车购置费" left blank
            "three_public_car_operation": D("266.80"),  # p14 "公务用车运行维护费 266.80" (小计 266.80)
            "three_public_reception": D("183.95"),  # p14 "公务接待费 183.95"
            # p14 机关运行经费支出预算表 "合计 3,407.38" (= 302 商品和服务支出 3,407.38)
            "running_cost": D("3407.38"),
            # p15 政府采购预算表 "合计 4,641.62" (货物A 962.86 + 工程B 539.00 + 服务C 3,139.76)
            "procurement_total": D("4641.62"),
        },
        # From 五、财政拨款支出预算表 (p11): one code column "功能科目代码", digits; one 金额 column.
        "function_lines": {
            "table": (11, "2018年度江苏省高级人民法院财政拨款支出预算表"),
            "count": 17,  # 204, 20405, 6 项; 208, 20805, 3 项; 221, 22102, 2 项
            "first": [
                ("204", "公共安全支出", D("26200.88"), None, None),
                ("20405", "法院", D("26200.88"), None, None),
                ("2040501", "行政运行", D("14857.61"), None, None),
            ],
            "last": [
                ("22102", "住房改革支出", D("4716.51"), None, None),
                ("2210201", "住房公积金", D("1398.26"), None, None),
                ("2210202", "提租补贴", D("3318.25"), None, None),
            ],
        },
        "narrative": [
            (17, "江苏省高级人民法院2018年度收入、支出预算总计33172.15万元", D("33172.15"), "万元"),
            (17, "基本支出预算数为18570.82万元", D("18570.82"), "万元"),
            (18, "项目支出预算数为11343.27万元", D("11343.27"), "万元"),
            (21, "（一）人员经费15163.44万元", D("15163.44"), "万元"),  # = 301 13,747.87 + 303 1,415.57
            (22, "公务接待费支出183.95万元", D("183.95"), "万元"),
            (24, "政府采购预算总金额为4641.62万元", D("4641.62"), "万元"),
        ],
        # Checked and consistent: all table sums; shares 55.98/34.20/9.82 %; class changes
        # +2,687.77/−92.37/+1,727.37; 三公 shares 27.39/42.98/29.63 %; 机关运行 −5,786.02 (−62.94 %).
        # p20 "减少 100 万元，减少 9.52，" lacks the % sign (typo only, not listed).
        "defects": [
            {
                "page": 19,
                "numbers": {"2040502_2018": D("6049.97"), "stated_decrease": D("392.92"),
                            "stated_pct": D("5.95"), "implied_decrease": D("382.92")},
                "why": "法院（款）一般行政事务管理（项）支出 6049.97 万元，'与上年相比减少 392.92 万元，减少 "
                       "5.95%'. The stated 5.95 % fits a decrease of 382.92 (382.92/6432.89, the 2017 "
                       "figure), not 392.92 (392.92/6442.89 = 6.10 %); and the item changes on pp.19-20 "
                       "(+3070.69 −392.92 +0 +100 −100 +0 = 2677.77) do not add up to the 公共安全（类） "
                       "increase of 2687.77 stated on p17 (26200.88 − 23513.11); with −382.92 they do.",
            },
        ],
    },
    # ------------------------------------------------------------------------------------------
    "js-highcourt-2019-dept-budget.pdf": {
        "meta": {"department": "江苏省高级人民法院", "year": 2019, "kind": "budget"},
        # 26 pages; tables pp. 8-17; 情况说明 pp. 17-25.  Each table: "公开 NN表" line, then the
        # centred title, then "部门名称：江苏省高级人民法院 … 单位：万元" (01/04 print "单位:万元" with an
        # ASCII colon) — all outside the grid.
        "tables": [
            (8, "summary", "收支预算总表", "万元"),  # 公开 01表
            (9, "income", "收入预算总表", "万元"),  # 公开 02表
            (9, "expenditure", "支出预算总表", "万元"),  # 公开 03表 (one-row table)
            (10, "fiscal_summary", "财政拨款收支预算总表", "万元"),  # 公开 04表
            (10, "fiscal_expenditure", "财政拨款支出预算表（功能科目）", "万元"),  # 公开05表
            (11, "fiscal_basic_econ", "财政拨款基本支出预算表（经济科目）", "万元"),  # 公开06表
            # 公开07表; 部门名称 wraps ("江苏省高级人民法" / "院") on the line above the grid
            (12, "gpb_expenditure", "一般公共预算支出预算表（功能科目）", "万元"),
            (13, "gpb_basic_econ", "一般公共预算基本支出预算表（经济科目）", "万元"),  # 公开08表
            # 公开 09表; the unit wraps over two lines above 部门名称: "单位：万" / "元"
            (14, "three_public", "“三公”经费、会议费、培训费支出预算表", "万元"),
            # 公开10表; prints "合 计 | 0" (explicit 0) and two empty rows
            (14, "gov_fund", "政府性基金预算财政拨款支出预算表", "万元"),
            (15, "running_cost", "一般公共预算机关运行经费支出预算表", "万元"),  # 公开11表
            (16, "procurement", "政府采购支出预算表", "万元"),  # 公开12表, continues on p17
        ],
        "figures": {
            # p8 收支预算总表 "收入合计 | 37,188.34"; p9 收入预算总表 "收入总计 37,188.34"
            "total_income": D("37188.34"),
            # p8 "支出合计 | 37,188.34"; p9 支出预算总表 "合计 37,188.34"
            "total_expenditure": D("37188.34"),
            # p8 "当年收入小计 | 37,188.34"
            "current_year_income": D("37188.34"),
            # p8 "上年结转资金 | (blank)"; p9 收入预算总表 "上年结转和结余资金 小计" blank
            "carry_over": D("0"),  # left blank
            # p8 "1.一般公共预算 | 37,188.34"; p10 财政拨款收支预算总表 "一、一般公共预算 37,188.34"
            "general_public_budget": D("37188.34"),
            # p8 "2.政府性基金预算 | (blank)"; p9 "政府性基金 小计" blank; p10 "二、政府性基金预算" blank.
            # (The 政府性基金 expenditure table p14 prints its 合计 as "0".)
            "government_fund": D("0"),  # income left blank
            # p8 "一、基本支出 | 21,968.00"; p9 支出预算总表 21,968.00
            "basic_expenditure": D("21968.00"),
            # p8 "二、项目支出 | 10,208.94"; p9 支出预算总表 10,208.94 (单位预留机动经费 5,011.40 separate)
            "project_expenditure": D("10208.94"),
            # p14 三公 table: 合计 2,382.02 = 三公 小计 513.75 + 会议费 271.02 + 培训费 1,597.25;
            # three_public_total is the 三公 小计 513.75 only.
            "three_public_total": D("513.75"),
            "three_public_abroad": D("160.00"),  # p14 "因公出国（境）费 160.00"
            "three_public_car_purchase": D("0"),  # p14 "公务用车购置费" left blank
            "three_public_car_operation": D("266.80"),  # p14 "公务用车运行维护费 266.80" (小计 266.80)
            "three_public_reception": D("86.95"),  # p14 "公务接待费 86.95"
            # p15 机关运行经费支出预算表 "合计 3,580.05" (= 302 商品和服务支出 3,580.05)
            "running_cost": D("3580.05"),
            # p16 政府采购支出预算表 "合计 5,227.59" (货物A 1,637.72 + 工程B 530.00 + 服务C 3,059.87)
            "procurement_total": D("5227.59"),
        },
        # From 公开05表 财政拨款支出预算表（功能科目）(p10): one code column "功能科目编码", digits;
        # one 金 额 column.  (2080505's name wraps in its cell: "机关事业单位基本养老保险缴费支" / "出".)
        "function_lines": {
            "table": (10, "财政拨款支出预算表（功能科目）"),
            "count": 17,
            "first": [
                ("204", "公共安全支出", D("27488.23"), None, None),
                ("20405", "法院", D("27488.23"), None, None),
                ("2040501", "行政运行", D("17279.29"), None, None),
            ],
            "last": [
                ("22102", "住房改革支出", D("7344.46"), None, None),
                ("2210201", "住房公积金", D("1879.36"), None, None),
                ("2210202", "提租补贴", D("5465.10"), None, None),
            ],
        },
        "narrative": [
            (17, "江苏省高级人民法院2019年度收入、支出预算总计37188.34万元", D("37188.34"), "万元"),
            (18, "基本支出预算数为21968万元", D("21968"), "万元"),
            (18, "项目支出预算数为10208.94万元", D("10208.94"), "万元"),
            (22, "（一）人员经费18387.95万元", D("18387.95"), "万元"),  # = 301 16,324.07 + 303 2,063.88
            (23, "公务接待费支出86.95万元", D("86.95"), "万元"),
            (24, "政府采购预算总金额为5227.59万元", D("5227.59"), "万元"),
        ],
        # Checked and consistent: all table sums (27,488.23+2,355.65+7,344.46 and
        # 21,968.00+10,208.94+5,011.40 = 37,188.34; 16,324.07+3,580.05+2,063.88 = 21,968.00;
        # 160+266.80+86.95 = 513.75; 1,637.72+530+3,059.87 = 5,227.59), all narrative year-on-year
        # changes and percentages vs the 2018 figures.  三公 share 16.93 % (86.95/513.75 = 16.92 %) is
        # forced so the shares total 100 — rounding, not listed.
        "defects": [],
    },
}
