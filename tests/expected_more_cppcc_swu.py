"""Hand-transcribed reference values for four more real budget / final-account PDFs
(../shared/corpus/more): 江苏省政协办公厅 2017 部门预算 (narrative file + tables file, one
disclosure published as two PDFs), 西南大学 2021 部门预算, 西南大学 2023 部门决算.

Every value below was read from the PDF pages themselves (pdfplumber text checked against
rendered page images), never from yusuan's output.

Conventions
-----------
* page            = 1-based PDF page number (page index + 1), NOT the page number printed in the
                    footer (the SWU 2023 final account prints footer "6" on PDF page 8, etc.).
* amounts         = Decimal in 万元, exactly as printed (thousands separators removed, trailing
                    zeros kept as printed).
* "tables"        = (page, kind, printed_title, unit); printed_title is compact (spaces removed)
                    and excludes the separate table number ("表一" / "表1："), which is noted in
                    the comment instead.  unit None = no unit printed for that table.
* "function_lines"= {"count": n, "first": [3 rows], "last": [3 rows]}, rows are
                    (code, name, total, basic, project); None = blank cell (or no such column,
                    see comment).
* "narrative"     = (page, quoted phrase, Decimal value, unit); the phrase is quoted with the
                    PDF line breaks joined and the CJK/digit spacing removed.
* "defects"       = dicts {"page", "what", "numbers", "why"}; each checked on the page image.
* "notes"         = observations that are NOT clear-cut defects (kept apart on purpose).

Table kinds: the 财政拨款 (all appropriations) function and economic tables are the kinds
fiscal_expenditure and fiscal_basic_econ (the 一般公共预算 ones are gpb_*); the transcriber's
list of kinds lacked these two, and the kinds were renamed accordingly afterwards.
"""

from decimal import Decimal as D

CPPCC_TEXT = "js-cppccoffice-2017-dept-budget-text.pdf"
CPPCC_TABLES = "js-cppccoffice-2017-dept-budget-tables.pdf"
SWU_2021 = "cq-swu-2021-dept-budget.pdf"
SWU_2023 = "cq-swu-2023-dept-final.pdf"


EXPECTED = {
    # ------------------------------------------------------------------------------------------
    # 江苏省政协办公厅 2017 — narrative part (20 pages, portrait, text only: no ruled grids,
    # no images on any page).
    # ------------------------------------------------------------------------------------------
    CPPCC_TEXT: {
        "meta": {
            # p1 heading: "江苏省政协办公厅 2017 年度部门预算"
            "department": "江苏省政协办公厅",
            "year": 2017,
            "kind": "budget",
            "has_tables": False,  # it says "2017 年度部门预算公开表附后" (p7) — tables are the other PDF
            "has_narrative": True,
        },
        "tables": [],  # prints no table at all
        # p1 目录, in printed order (parts in bold, items under them).
        "toc": [
            "第一部分部门概况",
            "一、主要职能",
            "二、2017年度部门主要工作任务及目标",
            "三、部门机构设置和所属单位情况",
            "四、部门收支预算编制的相关依据及测算分析情况",
            "第二部分江苏省政协办公厅2017年度部门预算表",
            "一、收支预算总表",
            "二、收入预算总表",
            "三、支出预算总表",
            "四、财政拨款收支预算总表",
            "五、财政拨款支出预算表",
            "六、财政拨款基本支出预算表",
            "七、财政拨款政府性基金支出预算表",
            "八、一般公共预算支出预算表",
            "九、一般公共预算基本支出预算表",
            "十、一般公共预算机关运行经费支出预算表",
            "十一、一般公共预算“三公”经费、会议费、培训费支出预算表",
            "十二、政府采购预算表",
            "第三部分江苏省政协办公厅2017年度部门预算情况说明",
            "第四部分名词解释",
        ],
        # No tables in this file -> no table figures (the narrative's numbers are in "narrative").
        "figures": {},
        "function_lines": None,  # no expenditure table in this file
        "narrative": [
            (7, "江苏省政协办公厅2017年度收入、支出预算总计9,146.79万元", D("9146.79"), "万元"),
            (7, "其中，一般公共预算收入预算9,066.79万元", D("9066.79"), "万元"),
            (8, "此外，基本支出预算数为5,916.27万元", D("5916.27"), "万元"),
            (8, "项目支出预算数为3,123.68万元", D("3123.68"), "万元"),
            (17, "江苏省政协办公厅2017年一般公共预算机关运行经费支出预算3,348.98万元", D("3348.98"), "万元"),
            (19, "公务接待费预算支出443.50万元", D("443.50"), "万元"),
            # others stated: 因公出国（境）费支出 76 万元 (p18/p19), 公务用车购置及运行维护费 156.60 (p18),
            # 会议费 1,094.62 / 培训费 81.60 (p19), 政府采购预算总金额为 1,271.22 万元 (p19),
            # 人员经费 4,704.35 / 公用经费 1,131.92 (p10, p12) — all agree with the tables file.
        ],
        # Cross-checked every narrative amount / percentage / year-on-year change on pp.6-19
        # against the tables file and against each other: all consistent.
        "defects": [],
    },
    # ------------------------------------------------------------------------------------------
    # 江苏省政协办公厅 2017 — tables part (13 pages; p1 portrait, pp2-13 landscape).
    # Layout on every page: "表X" small at top-left OUTSIDE the grid, big centred title under it
    # (outside the grid), then a line "部门：江苏省政协办公厅" (left) / "单位：万元" (right), then
    # the ruled grid.  Exception: p13 (continuation of 表十二) repeats the title and the
    # 部门/单位 line but has no "表十二" label.
    # ------------------------------------------------------------------------------------------
    CPPCC_TABLES: {
        "meta": {
            "department": "江苏省政协办公厅",  # "部门：江苏省政协办公厅" on every page
            "year": 2017,  # from 表十二 title "2017年政府采购预算表" / 表七 note "无2017年政府性基金支出安排"
            "kind": "budget",
            "has_tables": True,
            "has_narrative": False,  # only a one-line 注 under 表七
        },
        "tables": [
            (1, "summary", "收支预算总表", "万元"),  # 表一; 收入 | 支出(功能分类 + 支出用途) side by side
            (2, "income", "收入预算总表", "万元"),  # 表二
            (3, "expenditure", "支出预算总表", "万元"),  # 表三; ONE data row only (no function lines):
            #   合计 9,146.79 | 基本支出 5,916.27 | 项目支出 3,123.68 | 单位预留机动经费 106.84 | 结转下年资金 (blank)
            (4, "fiscal_summary", "财政拨款收支预算总表", "万元"),  # 表四
            (5, "fiscal_expenditure", "财政拨款支出预算表", "万元"),  # 表五; by function 项, single 金额 column
            (6, "fiscal_basic_econ", "财政拨款基本支出预算表", "万元"),  # 表六; by economic 类/款 (301/302/303)
            (7, "gov_fund", "财政拨款政府性基金支出预算表", "万元"),  # 表七; empty grid + 注：我单位无2017年政府性基金支出安排。
            (8, "gpb_expenditure", "一般公共预算支出预算表", "万元"),  # 表八; identical figures to 表五
            (9, "gpb_basic_econ", "一般公共预算基本支出预算表", "万元"),  # 表九; identical figures to 表六
            (10, "running_cost", "一般公共预算机关运行经费支出预算表", "万元"),  # 表十
            (11, "three_public", "“三公”经费、会议费、培训费支出预算表（一般公共预算）", "万元"),  # 表十一
            (12, "procurement", "2017年政府采购预算表", "万元"),  # 表十二; continues on p13
        ],
        "figures": {
            # p1 表一 bottom row "收入合计 9,146.79" (the table prints 收入合计, not 收入总计);
            # p2 表二 first row "收入总计 9,146.79" agrees.
            "total_income": D("9146.79"),
            # p1 表一 "支出合计 9,146.79"
            "total_expenditure": D("9146.79"),
            # p1 表一 "当年收入小计 9,146.79"
            "current_year_income": D("9146.79"),
            # p1 表一 "上年结转资金" — amount cell LEFT BLANK (also 表二 "上年结转和结余资金 小计" blank)
            "carry_over": D("0"),
            # p1 表一 "1.一般公共预算 9,066.79" (under "一、财政拨款 9,066.79")
            "general_public_budget": D("9066.79"),
            # p1 表一 "2.政府性基金预算" — cell LEFT BLANK (表二 "政府性基金 小计" blank; 表四 blank too)
            "government_fund": D("0"),
            # soe_capital: no 国有资本经营 row anywhere -> omitted
            # p1 表一 支出用途 "一、基本支出 5,916.27"; p3 表三 基本支出 5,916.27
            # (表四 财政拨款 basic is 5,836.27 — the 80.00 其他资金 is basic spending)
            "basic_expenditure": D("5916.27"),
            # p1 表一 "二、项目支出 3,123.68"; p3 表三 3,123.68
            "project_expenditure": D("3123.68"),
            # (third use class printed: "三、单位预留机动经费 106.84" — no key for it)
            # personnel / public_operating: omitted — 表九 (p9) lists economic classes
            # 301 工资福利支出 2,097.51 / 302 商品和服务支出 1,131.92 / 303 对个人和家庭的补助 2,606.84
            # but prints no 人员经费/公用经费 row or column (only the narrative p10/p14 says
            # 人员经费 4,704.35 = 301+303 and 公用经费 1,131.92 = 302).
            # p11 表十一: "合计 1,852.32" includes 会议费 1,094.62 and 培训费 81.60; the "三公"经费
            # "小计" column prints 676.10 = 76.00 + 156.60 + 443.50.  three_public_total = 小计.
            "three_public_total": D("676.10"),
            "three_public_abroad": D("76.00"),  # p11 因公出国（境）费 76.00
            "three_public_car_purchase": D("0"),  # p11 公务用车购置费 cell LEFT BLANK
            "three_public_car_operation": D("156.60"),  # p11 公务用车运行维护费 156.60 (车 小计 also 156.60)
            "three_public_reception": D("443.50"),  # p11 公务接待费 443.50
            # p10 表十 first data row "合计 3,348.98" (机关运行经费支出 column)
            "running_cost": D("3348.98"),
            # p12 表十二 first data row "合计 1,271.22" (总计 column); 一、货物A 259.32, 三、服务C 1,011.90,
            # no 工程 row printed
            "procurement_total": D("1271.22"),
            # p1 表一 "结转下年资金" — cell LEFT BLANK (p3 表三 结转下年资金 also blank).
            # 支出合计 9,146.79 = 当年支出小计 9,146.79 + blank 结转下年资金.
            "carry_forward": D("0"),
        },
        # 表三 支出预算总表 (kind expenditure) has no function lines, so these come from p5
        # 表五 财政拨款支出预算表 (p8 表八 一般公共预算支出预算表 prints the same 14 rows).
        # Header "功能科目代码 | 功能科目名称 | 金额"; codes as full digits in one column
        # (201 / 20102 / 2010201); a "合计 9,066.79" row first.  There are NO 基本支出 /
        # 项目支出 columns, so basic and project are None (no such cell).
        # Note 201 here is 6,463.55 (财政拨款 only) vs 6,543.55 in 表一 (incl. 80.00 其他资金).
        "function_lines": {
            "count": 14,  # 3 类 + 3 款 + 8 项
            "first": [
                ("201", "一般公共服务支出", D("6463.55"), None, None),
                ("20102", "政协事务", D("6463.55"), None, None),
                ("2010201", "行政运行", D("3233.03"), None, None),
            ],
            "last": [
                ("22102", "住房改革支出", D("1093.52"), None, None),
                ("2210201", "住房公积金", D("341.75"), None, None),
                ("2210202", "提租补贴", D("751.77"), None, None),
            ],
        },
        "narrative": [],  # the narrative is the other PDF
        # All tables add up (表一 both sides, 表五/八 类-款-项, 表六/九 classes, 表十, 表十一,
        # every 表十二 subtotal) — no defects found.
        "defects": [],
    },
    # ------------------------------------------------------------------------------------------
    # 西南大学 2021 部门预算 (14 pages, portrait).  Tables on pp6-9 inside the text flow
    # ("二、部门预算报表").  Each title is a centred line ABOVE the grid, prefixed with the
    # department name, no table number; "单位：万元" right-aligned above the grid.
    # ------------------------------------------------------------------------------------------
    SWU_2021: {
        "meta": {
            "department": "西南大学",  # cover p1 "西南大学 / 2021 年度部门预算"
            "year": 2021,
            "kind": "budget",
            "has_tables": True,
            "has_narrative": True,
        },
        "tables": [
            # p6 title + "单位：万元"; grid continues onto p7 (first row of p7:
            # "收入总计 490,808.40 | 支出总计 490,808.40")
            (6, "summary", "西南大学收支预算总表", "万元"),
            # p7 title above the grid; NO unit line printed for this table (values are the same
            # 万元 figures as the summary: 合计 390,140.45).  Columns: 科目编码 | 科目名称 |
            # 本年收入合计 | 财政拨款收入 | 事业收入(金额, 其中：教育收费) | 其他收入
            (7, "income", "西南大学收入预算表", None),
            # p8 title + "单位：万元"
            (8, "expenditure", "西南大学支出预算表", "万元"),
            # p9 title + "单位：万元"; columns 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 | 备注
            (9, "fiscal_expenditure", "西南大学财政拨款支出预算表", "万元"),
        ],
        "figures": {
            "total_income": D("490808.40"),  # p7 "收入总计 490,808.40"
            # p7 "支出总计 490,808.40" — INCLUDES 结转下年 75,000.00
            # (本年支出合计 415,808.40 + 结转下年 75,000.00)
            "total_expenditure": D("490808.40"),
            "current_year_income": D("390140.45"),  # p6 "本年收入合计 390,140.45"
            "carry_over": D("81714.17"),  # p6 "上年结转 81,714.17"
            # (p6 also "使用非财政拨款结余 18,953.78" — no key for it; 390,140.45 + 18,953.78
            #  + 81,714.17 = 490,808.40)
            # general_public_budget: omitted — p6 prints only "一、财政拨款 216,552.53" (all
            # appropriations); no 一般公共预算 line states the general-public-budget share.
            # government_fund / soe_capital: no such income row -> omitted
            # p8 支出预算表 "合计 415,808.40 | 326,582.94 | 89,225.46" (经营支出 and
            # 对下级单位补助支出 columns blank)
            "basic_expenditure": D("326582.94"),
            "project_expenditure": D("89225.46"),
            # no basic-by-economic-class, 三公, 机关运行经费 or 政府采购 table -> keys omitted
            "carry_forward": D("75000.00"),  # p6 "结转下年 75,000.00"; included in 支出总计
        },
        # p8 西南大学支出预算表: header "科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
        # 经营支出 | 对下级单位补助支出"; codes as full digits in the single 科目编码 column,
        # 类/款 rows bold with the name centred, 项 rows plain; "合计" row LAST (p8).
        "function_lines": {
            "count": 19,  # 3 类 + 6 款 + 10 项
            "first": [
                ("205", "教育支出", D("398593.09"), D("310067.63"), D("88525.46")),
                ("20502", "普通教育", D("395795.86"), D("308383.71"), D("87412.15")),
                ("2050202", "小学教育", D("9129.71"), D("8638.71"), D("491.00")),
            ],
            "last": [
                ("22102", "住房改革支出", D("15702.41"), D("15702.41"), None),
                ("2210201", "住房公积金", D("15076.55"), D("15076.55"), None),
                ("2210203", "购房补贴", D("625.86"), D("625.86"), None),
            ],
        },
        "narrative": [
            (9, "我校2021年收支总预算490,808.40万元", D("490808.40"), "万元"),
            (9, "其中本年收入预算390,140.45万元", D("390140.45"), "万元"),
            (9, "使用非财政拨款结余18,953.73万元", D("18953.73"), "万元"),  # sic — see defects
            (9, "本年支出预算415,808.40万元，结转下年75,000.00万元", D("415808.40"), "万元"),
            (10, "其中：一般公共预算拨款收入216,552.53万元", D("216552.53"), "万元"),
            (12, "我校2021年财政拨款支出预算216,552.53万元", D("216552.53"), "万元"),
        ],
        "defects": [
            {
                "page": 9,
                "what": "narrative 使用非财政拨款结余 differs from the table",
                "numbers": {"narrative_p9": D("18953.73"), "table_p6": D("18953.78"),
                            "narrative_p10": D("18953.78")},
                "why": "p9 says 使用非财政拨款结余 18,953.73 万元, but the 收支预算总表 (p6) prints "
                       "18,953.78 and the p10 narrative repeats 18,953.78; only 18,953.78 makes "
                       "390,140.45 + 18,953.78 + 81,714.17 = 490,808.40.",
            },
        ],
        # Every other sum checked: summary both sides, 收入预算表 rows/columns, 支出预算表 and
        # 财政拨款支出预算表 类/款/项 and 合计 rows, narrative shares (44.12 / 25.27 / 10.10 / 3.86 /
        # 16.65; 81.21 / 0.31 / 3.2 / 15.28; 95.96 / 0.7 / 3.34) and year-on-year changes.
    },
    # ------------------------------------------------------------------------------------------
    # 西南大学 2023 部门决算 (21 pages; narrative portrait, tables landscape pp8-15).
    # Each table: centred title line ABOVE the grid with the number as a prefix
    # ("表 1：高等学校收支决算总表"), then "单位名称：" (left, left empty) and "单位：万元"
    # (right) above the grid (表4 prints "单位：" left, empty).  Tables continue over two pages
    # each without repeating title or header.
    # ------------------------------------------------------------------------------------------
    SWU_2023: {
        "meta": {
            "department": "西南大学",  # cover p1 "西南大学 2023 年度部门决算" (单位名称 cells are empty)
            "year": 2023,
            "kind": "final_account",
            "has_tables": True,
            "has_narrative": True,
        },
        "tables": [
            (8, "summary", "高等学校收支决算总表", "万元"),  # 表1; pp8-9; 栏次 row 1 / 2
            (10, "income", "高等学校收入决算表", "万元"),  # 表2; pp10-11
            (12, "expenditure", "高等学校支出决算表", "万元"),  # 表3; pp12-13
            (14, "fiscal_expenditure", "高等学校财政拨款支出决算表", "万元"),  # 表4; pp14-15
        ],
        "figures": {
            # p9 bottom row "合计 569,496.54 | 合计 569,496.54" — the summary prints no
            # "收入总计/支出总计" label, the grand totals are the two "合计" cells.
            "total_income": D("569496.54"),
            # includes 结余分配 4,970.88 and 年末结转和结余 106,848.91
            # (本年支出合计 457,676.75 + 4,970.88 + 106,848.91 = 569,496.54)
            "total_expenditure": D("569496.54"),
            "current_year_income": D("430725.03"),  # p9 "本年收入合计 430,725.03"
            "carry_over": D("93660.54"),  # p9 "上年结转和结余 93,660.54"
            # (p9 also "使用非财政拨款结余（含专用结余） 45,110.97" — no key)
            # p8 "一、财政拨款收入 243,015.38" — this is ALL 财政拨款, including the next row
            # "其中：政府性基金预算财政拨款 109.50"; no separate 一般公共预算 figure is printed,
            # so general_public_budget is omitted (243,015.38 − 109.50 would be a derivation).
            "government_fund": D("109.50"),  # p8 "其中：政府性基金预算财政拨款 109.50"
            # soe_capital: no income row (only an empty expenditure line "二十一、国有资本经营预算支出") -> omitted
            # p13 表3 "合计 457,676.75 | 359,781.59 | 97,895.15" (上缴上级支出 / 经营支出 /
            # 对附属单位补助支出 columns blank)
            "basic_expenditure": D("359781.59"),
            "project_expenditure": D("97895.15"),
            # no basic-by-economic-class, 三公, 机关运行经费 or 政府采购 table -> keys omitted
            "carry_forward": D("106848.91"),  # p9 "年末结转和结余 106,848.91"; included in the 支出 合计
        },
        # p12-13 表3 高等学校支出决算表: header "科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
        # 上缴上级支出 | 经营支出 | 对附属单位补助支出" (these are the 决算数 columns; there is no
        # budget column); codes as full digits in one 科目编码 column; 项 names indented, long
        # names wrap inside the cell ("彩票公益金安排的支" / "出"); "合计" row LAST (p13).
        # (表4 on p14 instead has the 科目编码 header split into 类|款|项 sub-headers, with the
        # 合计 row FIRST and repeated last.)
        "function_lines": {
            "count": 25,  # 5 类 + 7 款 + 13 项
            "first": [
                ("205", "教育支出", D("425287.27"), D("329209.55"), D("96077.73")),
                ("20502", "普通教育", D("423102.24"), D("327900.55"), D("95201.69")),
                ("2050202", "小学教育", D("9256.09"), D("8931.76"), D("324.33")),
            ],
            "last": [
                ("229", "其他支出", D("109.50"), None, D("109.50")),
                ("22960", "彩票公益金安排的支出", D("109.50"), None, D("109.50")),
                ("2296004", "用于教育事业的彩票公益金支出", D("109.50"), None, D("109.50")),
            ],
        },
        "narrative": [
            (16, "学校2023年度收入总计430,725.03万元", D("430725.03"), "万元"),
            (16, "学校2023年度支出总计457,676.75万元", D("457676.75"), "万元"),
            (16, "财政拨款收入243,015.38万元，占收入总额56.42%", D("243015.38"), "万元"),
            (17, "其中基本支出359,781.59万元，占支出总额78.61%", D("359781.59"), "万元"),
            (17, "项目支出97,895.15万元，占支出总额21.39%", D("97895.15"), "万元"),
            (17, "学校2023年度财政拨款支出总计为237,100.00万元", D("237100.00"), "万元"),
        ],
        "defects": [
            {
                "page": 12,
                "what": "表3 row 205 教育支出: 基本 + 项目 ≠ 合计; 项目 ≠ sum of its 款",
                "numbers": {"total": D("425287.27"), "basic": D("329209.55"),
                            "project": D("96077.73"),
                            "basic_plus_project": D("425287.28"),
                            "project_of_20502_plus_20599": D("96077.72")},
                "why": "329,209.55 + 96,077.73 = 425,287.28 but 合计 prints 425,287.27; the 款 "
                       "rows give 95,201.69 + 876.03 = 96,077.72 (0.01 rounding).",
            },
            {
                "page": 13,
                "what": "表3 合计 row: 基本 + 项目 ≠ 合计, and column totals ≠ sum of 类 rows",
                "numbers": {"total": D("457676.75"), "basic": D("359781.59"),
                            "project": D("97895.15"),
                            "basic_plus_project": D("457676.74"),
                            "sum_of_lei_basic": D("359781.60"),
                            "sum_of_lei_project": D("97895.16")},
                "why": "359,781.59 + 97,895.15 = 457,676.74 ≠ 457,676.75; 类 basic "
                       "329,209.55 + 828.72 + 13,465.06 + 16,278.27 = 359,781.60; 类 project "
                       "96,077.73 + 1,707.93 + 109.50 = 97,895.16 (0.01 rounding each).",
            },
            {
                "page": 10,
                "what": "表2 row 2050204 高中教育: components ≠ 本年收入合计",
                "numbers": {"total": D("24804.57"), "fiscal": D("16600.08"),
                            "business": D("1133.95"), "other": D("7070.55"),
                            "sum": D("24804.58")},
                "why": "16,600.08 + 1,133.95 + 7,070.55 = 24,804.58 but the row prints 24,804.57 "
                       "(0.01 rounding).",
            },
            {
                "page": 10,
                "what": "表2 其他收入 column: 20502 普通教育 ≠ sum of its 项",
                "numbers": {"printed_20502": D("42555.90"), "sum_of_items": D("42555.91")},
                "why": "1,241.86 + 7,070.55 + 34,243.50 = 42,555.91 but 20502 (and 205) print "
                       "42,555.90 (0.01 rounding).",
            },
            {
                "page": 17,
                "what": "narrative share of 科学技术支出",
                "numbers": {"stated_pct": D("0.56"), "computed_pct": D("0.55"),
                            "amount": D("2536.65"), "base": D("457676.75")},
                "why": "2,536.65 / 457,676.75 = 0.554% -> 0.55%, the text says 0.56% (the five "
                       "stated shares are forced to sum to 100.00).",
            },
            {
                "page": 16,
                "what": "narrative calls 本年 figures 收入总计 / 支出总计",
                "numbers": {"narrative_收入总计": D("430725.03"),
                            "table_本年收入合计": D("430725.03"),
                            "table_合计": D("569496.54"),
                            "narrative_支出总计": D("457676.75"),
                            "table_本年支出合计": D("457676.75")},
                "why": "p16 (and p17 '各项支出总计') label 430,725.03 / 457,676.75 as 收入总计 / "
                       "支出总计, but in 表1 (p9) these are 本年收入合计 / 本年支出合计; the "
                       "table's grand totals (合计) are 569,496.54 on both sides. Label "
                       "mismatch only — the amounts themselves match the table.",
            },
        ],
        "notes": [
            # Not listed as a defect: a coverage question, not an arithmetic error.
            "p14-15 表4 高等学校财政拨款支出决算表 (合计 237,100.00) has no 229 其他支出 line, "
            "although 表1 (p8) says 财政拨款收入 243,015.38 includes 政府性基金预算财政拨款 109.50 "
            "and 表2/表3 (pp11,13) show 229 其他支出 / 2296004 用于教育事业的彩票公益金支出 109.50 "
            "funded by 财政拨款收入 and spent as 项目支出. 表4 seems to cover 一般公共预算 only.",
            "Narrative p17: 财政拨款支出 237,100.00 vs 财政拨款收入 243,015.38 is not a defect "
            "(final account: carry-overs).",
        ],
    },
}
