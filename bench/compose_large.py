"""Benchmark: compose a large department — 2,000 line items, 300 projects — from its workbook.

Target from the compose issue: under 10 seconds. Times each stage (read and check the workbook,
derive tables and narrative, render DOCX / XLSX / HTML / PDF) and the whole; exits 1 if the
whole run misses the target. The department is synthetic (generated here, deterministic).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

from yusuan.compose import compose, load
from yusuan.compose.inputs import read_mapping
from yusuan.compose.output import write
from yusuan.compose.workbook import write_template

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "示例市人力资源和社会保障局2025年预算.yaml"
TARGET_SECONDS = 10.0
BASIC = [("2080101", "30101", "50101"), ("2080101", "30102", "50101"), ("2080101", "30201", "50201"),
         ("2080101", "30211", "50201"), ("2080505", "30108", "50102"), ("2101101", "30110", "50102"),
         ("2210201", "30113", "50103"), ("2080101", "30231", "50208"), ("2080101", "30217", "50206")]
PROJECT = [("2080701", "30399", "50999"), ("2080702", "30399", "50999"), ("2080105", "30226", "50299"),
           ("2080108", "30213", "50209"), ("2080106", "30227", "50205"), ("2080199", "30299", "50299")]


def large_department(items: int = 2000, projects: int = 300) -> dict:
    rng = random.Random(2025)
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    units = [{"单位代码": f"118{n:03d}", "单位名称": f"示例市人社局下属单位{n}", "单位性质": "事业单位" if n % 3 else "行政单位"}
             for n in range(1, 41)]
    rows = []
    for n in range(items):
        unit = units[n % len(units)]["单位代码"]
        amount = round(rng.uniform(1000, 900000), 2)
        if n < projects * 4:  # four line items per project
            function, econ, gov = PROJECT[(n // 4) % len(PROJECT)]
            rows.append({"单位代码": unit, "功能分类科目编码": function, "部门经济分类科目编码": econ,
                         "政府经济分类科目编码": gov, "资金来源": "一般公共预算", "支出类别": "项目支出",
                         "项目名称": f"示例专项{n // 4 + 1:03d}", "项目类型": "特定目标类", "金额（元）": amount})
        else:
            function, econ, gov = BASIC[n % len(BASIC)]
            if econ.startswith("30") and unit and int(unit[-3:]) % 3:
                gov = {"501": "50501", "502": "50502"}.get(gov[:3], gov)
            rows.append({"单位代码": unit, "功能分类科目编码": function, "部门经济分类科目编码": econ,
                         "政府经济分类科目编码": gov, "资金来源": "一般公共预算", "支出类别": "基本支出", "金额（元）": amount})
    data["预算单位"] = units
    data["支出明细"] = rows
    data["绩效目标"] = [{"项目名称": f"示例专项{p:03d}", "一级指标": level, "二级指标": second, "三级指标": name, "指标值": value}
                    for p in range(1, projects + 1)
                    for level, second, name, value in (("产出指标", "数量指标", "服务人次", "≥1000人次"),
                                                        ("效益指标", "社会效益指标", "就业率", "≥90%"),
                                                        ("满意度指标", "服务对象满意度指标", "满意度", "≥90%"))]
    data["政府采购"] = [{"单位代码": "118001", "采购项目": "信息系统运维服务", "采购类别": "服务", "金额（元）": 500000}]
    return data


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        source = folder / "large.yaml"
        source.write_text(yaml.safe_dump(large_department(), allow_unicode=True), encoding="utf-8")
        book = folder / "large.xlsx"
        write_template(book, read_mapping(source))
        timings = {}
        start = time.perf_counter()
        data = load(book)
        timings["读取并检查工作簿"] = time.perf_counter() - start
        mark = time.perf_counter()
        doc = compose(data, "national")
        timings["汇总表格与说明"] = time.perf_counter() - mark
        # the order `yusuan compose` writes them in: the PDF first, whose print finds the 目录's page
        # numbers that the DOCX's 目录 then shows (the PDF is printed twice for them)
        for fmt in ("pdf", "docx", "xlsx", "html"):
            mark = time.perf_counter()
            write(doc, folder / "out", [fmt])
            timings[fmt.upper()] = time.perf_counter() - mark
        total = time.perf_counter() - start
    pages = len(doc.disclosure.tables)
    print(f"compose 大型部门：{len(data.items)} 笔支出明细，{len({i.project for i in data.items if i.project})} 个项目，"
          f"{pages} 张表")
    for stage, seconds in timings.items():
        print(f"  {stage:<12} {seconds:6.2f} s")
    print(f"  合计         {total:6.2f} s（目标 < {TARGET_SECONDS:.0f} s）")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
