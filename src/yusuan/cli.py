"""The `yusuan` command. A thin shell: all work happens in yusuan.api."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from .api import parse_file
from .export import to_dict
from .model import Disclosure
from .readers import ReadError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="yusuan 预算：部门预算/决算公开文件的读取与审核")
console = Console()

FIGURE_NAMES = {
    "total_income": "收入总计", "total_expenditure": "支出总计", "current_year_income": "本年收入合计",
    "carry_over": "上年结转", "general_public_budget": "一般公共预算", "government_fund": "政府性基金",
    "soe_capital": "国有资本经营", "basic_expenditure": "基本支出", "project_expenditure": "项目支出",
    "personnel": "人员经费", "public_operating": "公用经费", "three_public_total": "“三公”经费合计",
    "three_public_abroad": "因公出国（境）费", "three_public_car_purchase": "公务用车购置费",
    "three_public_car_operation": "公务用车运行维护费", "three_public_reception": "公务接待费",
    "running_cost": "机关运行经费", "procurement_total": "政府采购合计", "procurement_goods": "政府采购货物",
    "procurement_works": "政府采购工程", "procurement_services": "政府采购服务",
    "project_count": "项目个数", "project_total": "项目支出合计",
}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@app.callback()
def main() -> None:
    """yusuan 预算：部门预算/决算公开文件的读取与审核。"""


@app.command()
def parse(
    files: list[Path] = typer.Argument(..., help="要读取的公开文件"),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="输出格式：text 或 json"),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录（每个文件写一个结果）"),
) -> None:
    """读取预算公开文件，识别标准表格、关键数字与情况说明。"""
    failed = False
    for path in files:
        try:
            disclosure = parse_file(path)
        except ReadError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            failed = True
            continue
        rendered = (json.dumps(to_dict(disclosure), ensure_ascii=False, indent=2)
                    if format is OutputFormat.json else render_text(disclosure))
        if out:
            out.mkdir(parents=True, exist_ok=True)
            suffix = ".json" if format is OutputFormat.json else ".txt"
            target = out / (path.stem + suffix)
            tmp = target.with_suffix(target.suffix + ".part")
            tmp.write_text(rendered + "\n", encoding="utf-8")
            tmp.replace(target)  # never leave a half-written result behind
            console.print(f"已写入 {target}", highlight=False)
        elif format is OutputFormat.json:
            print(rendered)
        else:
            print(rendered)
    if failed:
        raise typer.Exit(code=2)


def render_text(disclosure: Disclosure) -> str:
    meta = disclosure.meta
    kind = "部门决算" if meta.kind == "final_account" else "部门预算"
    lines = [f"文件：{disclosure.source.path}",
             f"部门：{meta.department or '未识别'}　年度：{meta.year or '未识别'}　类型：{kind}", "",
             f"识别到的表格（{len(disclosure.tables)} 张）："]
    for table in disclosure.tables:
        state = "（空表）" if table.empty_by_design else f"{len(table.rows)} 行"
        unit = table.unit.value if table.unit else "?"
        lines.append(f"  第 {table.location.line:>5} 行  {table.kind:<24} {table.title}　[{unit}] {state}")
    lines += ["", "关键数字（万元）："]
    for key, figure in disclosure.figures.items():
        where = f"第 {figure.location.line} 行" if figure.location.line else ""
        lines.append(f"  {FIGURE_NAMES.get(key, key):<12} {figure.value:>14}   来源：{figure.source} {where}")
    claims = sum(len(s.claims) for s in disclosure.narrative)
    lines += ["", f"情况说明：{len(disclosure.narrative)} 节，{claims} 处数字表述；项目 {len(disclosure.projects)} 个，"
                  f"绩效目标表 {len(disclosure.performance)} 张"]
    if disclosure.warnings:
        lines += ["", f"提示（{len(disclosure.warnings)} 条）："]
        lines += [f"  {w}" for w in disclosure.warnings]
    return "\n".join(lines)
