"""The `yusuan` command. A thin shell: all work happens in yusuan.api."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from .api import audit_file, parse_file
from .audit import select_rules
from .audit.catalogue_doc import rules_markdown, rules_text
from .audit.report import render_html, to_json_dict
from .audit.report import render_text as render_audit_text
from .catalogue import figure_name
from .export import to_dict
from .model import Disclosure
from .readers import ReadError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="yusuan 预算：部门预算/决算公开文件的读取与审核")
console = Console()

class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class AuditFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


def _write(out: Path, name: str, rendered: str) -> Path:
    """Write atomically: a result file is either complete or absent, never half-written."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / name
    tmp = target.with_suffix(target.suffix + ".part")
    tmp.write_text(rendered + "\n", encoding="utf-8")
    tmp.replace(target)
    return target


def _split(values: list[str] | None) -> list[str]:
    return [v for value in values or [] for v in value.replace("，", ",").split(",") if v.strip()]


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
            suffix = ".json" if format is OutputFormat.json else ".txt"
            target = _write(out, path.stem + suffix, rendered)
            console.print(f"已写入 {target}", highlight=False)
        else:
            print(rendered)
    if failed:
        raise typer.Exit(code=2)


@app.command()
def audit(
    files: list[Path] = typer.Argument(..., help="要审核的公开文件"),
    format: AuditFormat = typer.Option(AuditFormat.text, "--format", "-f", help="输出格式：text、json 或 html"),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录（每个文件写一份报告）"),
    select: list[str] = typer.Option(None, "--select", help="只运行这些规则或规则族，如 ARITH,XTAB-001"),
    ignore: list[str] = typer.Option(None, "--ignore", help="不运行这些规则或规则族"),
    strict: bool = typer.Option(False, "--strict", help="把四舍五入允许误差以内的差异也列为提示"),
) -> None:
    """审核预算公开文件：表内运算、表间核对、说明与表格、单位、绩效、科目、完整性与文字。

    退出码：0 无错误；1 发现错误级问题；2 有文件无法读取。
    """
    try:
        select_rules(_split(select), _split(ignore))
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    unreadable = has_errors = False
    for path in files:
        try:
            report = audit_file(path, select=_split(select), ignore=_split(ignore), strict=strict)
        except ReadError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            unreadable = True
            continue
        has_errors = has_errors or report.has_errors
        if format is AuditFormat.json:
            rendered = json.dumps(to_json_dict(report), ensure_ascii=False, indent=2)
        elif format is AuditFormat.html:
            rendered = render_html(report)
        else:
            rendered = render_audit_text(report)
        if out:
            target = _write(out, f"{path.stem}.audit.{format.value if format is not AuditFormat.text else 'txt'}", rendered)
            console.print(f"已写入 {target}", highlight=False)
        else:
            print(rendered)
    if unreadable:
        raise typer.Exit(code=2)
    if has_errors:
        raise typer.Exit(code=1)


@app.command()
def rules(
    rule_id: str | None = typer.Argument(None, help="规则编号或规则族，如 XTAB-001 或 NARR"),
    markdown: bool = typer.Option(False, "--markdown", help="输出 Markdown（用于生成 docs/rules.md）"),
) -> None:
    """列出审核规则目录。"""
    try:
        chosen = select_rules([rule_id] if rule_id else None)
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    print(rules_markdown(chosen) if markdown else rules_text(chosen, detailed=bool(rule_id)))


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
        lines.append(f"  {figure_name(key):<12} {figure.value:>14}   来源：{figure.source} {where}")
    claims = sum(len(s.claims) for s in disclosure.narrative)
    lines += ["", f"情况说明：{len(disclosure.narrative)} 节，{claims} 处数字表述；项目 {len(disclosure.projects)} 个，"
                  f"绩效目标表 {len(disclosure.performance)} 张"]
    if disclosure.warnings:
        lines += ["", f"提示（{len(disclosure.warnings)} 条）："]
        lines += [f"  {w}" for w in disclosure.warnings]
    return "\n".join(lines)


@app.command()
def template(
    out: Path = typer.Argument(..., help="要生成的输入工作簿，如 budget.xlsx"),
    source: Path | None = typer.Option(None, "--from", help="用 YAML/JSON 数据预先填好（如 examples/ 中的示例）"),
) -> None:
    """生成编制用的输入工作簿模板（部门信息、预算单位、支出明细、上年数、三公、采购、资产、绩效目标）。"""
    from .compose.inputs import InputError, read_mapping
    from .compose.workbook import write_template

    records = None
    if source is not None:
        try:
            records = read_mapping(source)
        except InputError as error:
            _input_problems(error)
            raise typer.Exit(2) from error
    out.parent.mkdir(parents=True, exist_ok=True)
    write_template(out, records)
    console.print(f"已生成 {out}")


@app.command()
def compose(
    source: Path = typer.Argument(..., help="预算数据：工作簿（.xlsx）或 YAML/JSON"),
    out: Path = typer.Option(..., "--out", "-o", help="输出目录"),
    layout: str = typer.Option("national", "--template", "-t", help="模板：national（全国通用）或 shanghai（上海）"),
    formats: list[str] = typer.Option(["docx,xlsx,pdf,html"], "--format", "-f",
                                      help="输出格式，逗号分隔：docx、xlsx、pdf、html"),
) -> None:
    """由预算数据生成完整的部门预算公开文件（全部标准表与情况说明，口径一致）。"""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .compose import InputError, layouts, load
    from .compose import compose as compose_document
    from .compose.output import FORMATS, write
    from .compose.render.pdf import PdfEngineMissing

    chosen = _split(formats)
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or layout not in layouts():
        problem = (f"不支持的输出格式：{'、'.join(unknown)}（可选：{'、'.join(FORMATS)}）" if unknown
                   else f"未知的模板：{layout}（可选：{'、'.join(layouts())}）")
        console.print(f"[red]{problem}[/red]")
        raise typer.Exit(2)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("读取并检查预算数据", total=2 + len(chosen))
        try:
            data = load(source)
        except InputError as error:
            progress.stop()
            _input_problems(error)
            raise typer.Exit(2) from error
        progress.update(task, advance=1, description=f"汇总 {len(data.items)} 笔支出明细")
        document = compose_document(data, layout)
        progress.update(task, advance=1, description="生成文件")
        try:
            written = write(document, out, chosen,
                            step=lambda fmt: progress.update(task, advance=1, description=f"已生成 {fmt.upper()}"))
        except PdfEngineMissing as error:
            progress.stop()
            console.print(f"[red]{error}[/red]（未写出任何文件）")
            raise typer.Exit(1) from error
    for path in written:
        console.print(f"已生成 {path}")


def _input_problems(error) -> None:
    console.print(f"[red]输入数据有 {len(error.problems)} 处问题，未生成任何文件：[/red]")
    for problem in error.problems:
        console.print(f"  {problem}", highlight=False)
