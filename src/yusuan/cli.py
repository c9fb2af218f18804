"""The `yusuan` command. A thin shell: all work happens in yusuan.api."""

from __future__ import annotations

import os
import re
import sys
import time
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from . import __version__


def _lazy(name: str):
    """A module loaded on first use: `yusuan --help` and `--version` answer without importing
    the readers, the recogniser, the audit and their catalogues (api imports them all)."""
    import importlib.util

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


api = _lazy("yusuan.api")

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="yusuan 预算：部门预算/决算公开文件的读取与审核")
console = Console()


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class AuditFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"


_SUFFIX = {"text": ".txt", "json": ".json", "jsonl": ".json", "html": ".html"}


def _write(out: Path, name: str, rendered: str) -> Path:
    """Write atomically: a result file is either complete or absent, never half-written."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / name
    tmp = target.with_suffix(target.suffix + ".part")
    tmp.write_text(rendered + "\n", encoding="utf-8")
    tmp.replace(target)
    return target


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]|[\ud800-\udfff]")


def _output_name(used: set[str], stem: str, suffix: str) -> str:
    """A result file's name from its input's: characters a file name cannot hold (control
    characters, undecodable bytes) replaced, cut to a length every file system takes, and
    numbered when another input of the same run had the same name."""
    stem = _UNSAFE_NAME.sub("_", stem)[:100] or "file"
    name, count = f"{stem}{suffix}", 1
    while name in used:
        count += 1
        name = f"{stem}（{count}）{suffix}"
    used.add(name)
    return name


def _shown(path: Path) -> str:
    return _UNSAFE_NAME.sub("?", str(path))


def _output_folder(out: Path | None) -> Path | None:
    """--out must name a folder (it is created when missing): an existing file there is a
    one-line error, before any work is done."""
    if out is not None and out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} 已存在且不是目录，请指定一个输出目录")
    return out


def _split(values: list[str] | None) -> list[str]:
    return [v for value in values or [] for v in value.replace("，", ",").split(",") if v.strip()]


def _emit(out: Path | None, name: str, rendered: str) -> None:
    if out:
        console.print(f"已写入 {_write(out, name, rendered)}", highlight=False)
    else:
        print(rendered)


def _show_version(value: bool) -> None:
    if value:
        print(f"yusuan {__version__}")
        raise typer.Exit()


def _progress(path: Path):
    """Progress lines of a slow read (OCR of scanned pages) on stderr, naming the file."""
    errors = Console(stderr=True)
    return lambda message: errors.print(f"{path.name}：{message}", style="dim", highlight=False)


@app.callback()
def main(version: bool = typer.Option(False, "--version", help="显示版本并退出", callback=_show_version,
                                      is_eager=True)) -> None:
    """yusuan 预算：部门预算/决算公开文件的读取与审核。"""


@app.command()
def parse(
    files: list[Path] = typer.Argument(..., help="要读取的公开文件"),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f",
                                        help="输出格式：text、json（多个文件时为一个 JSON 数组）或 jsonl（每行一个）"),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录（每个文件写一个结果）",
                                         callback=_output_folder),
) -> None:
    """读取预算公开文件，识别标准表格、关键数字与情况说明。"""
    failed = False
    documents = []
    used: set[str] = set()
    for path in files:
        try:
            disclosure = api.parse_file(path, progress=_progress(path))
        except api.ReadError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            failed = True
            continue
        except Exception as exc:  # noqa: BLE001 — one file's failure never stops the others
            print(f"错误：{_shown(path)}：处理时出现内部错误（{type(exc).__name__}），已跳过", file=sys.stderr)
            failed = True
            continue
        if format is OutputFormat.text:
            _emit(out, _output_name(used, path.stem, ".txt"), api.disclosure_text(disclosure))
        elif out:
            _emit(out, _output_name(used, path.stem, ".json"), api.json_documents([api.disclosure_dict(disclosure)]))
        else:
            documents.append(api.disclosure_dict(disclosure))
    if documents:
        print(api.json_documents(documents, lines=format is OutputFormat.jsonl))
    if failed:
        raise typer.Exit(code=2)


@app.command()
def audit(
    files: list[Path] = typer.Argument(..., help="要审核的公开文件（也可以是 yusuan parse 保存的 JSON）"),
    format: AuditFormat = typer.Option(AuditFormat.text, "--format", "-f",
                                       help="输出格式：text、json（多个文件时为一个 JSON 数组）、jsonl 或 html"),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录（每个文件写一份报告）",
                                         callback=_output_folder),
    select: list[str] = typer.Option(None, "--select", help="只运行这些规则或规则族，如 ARITH,XTAB-001"),
    ignore: list[str] = typer.Option(None, "--ignore", help="不运行这些规则或规则族"),
    strict: bool = typer.Option(False, "--strict", help="把四舍五入允许误差以内的差异也列为提示"),
    as_one: bool = typer.Option(False, "--as-one", help="这些文件是同一份公开文件的几个部分（如情况说明与表格分开发布），合并审核"),
) -> None:
    """审核预算公开文件：表内运算、表间核对、说明与表格、单位、绩效、科目、完整性与文字。

    退出码：0 无错误；1 发现错误级问题；2 有文件无法读取。
    """
    try:
        api.check_rule_selection(_split(select), _split(ignore))
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    unreadable = has_errors = False
    documents = []
    chosen = dict(select=_split(select), ignore=_split(ignore), strict=strict)
    jobs = [(files[0], lambda: api.audit_as_one(files, **chosen))] if as_one else \
        [(path, lambda path=path: api.audit_file(path, progress=_progress(path), **chosen)) for path in files]
    used: set[str] = set()
    for path, run in jobs:
        try:
            report = run()
        except api.ReadError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            unreadable = True
            continue
        except Exception as exc:  # noqa: BLE001 — one file's failure never stops the others
            print(f"错误：{_shown(path)}：处理时出现内部错误（{type(exc).__name__}），已跳过", file=sys.stderr)
            unreadable = True
            continue
        has_errors = has_errors or report.has_errors
        name = _output_name(used, path.stem, f".audit{_SUFFIX[format.value]}")
        if format is AuditFormat.html:
            _emit(out, name, api.audit_html(report))
        elif format is AuditFormat.text:
            _emit(out, name, api.audit_text(report))
        elif out:
            _emit(out, name, api.json_documents([api.audit_dict(report)]))
        else:
            documents.append(api.audit_dict(report))
    if documents:
        print(api.json_documents(documents, lines=format is AuditFormat.jsonl))
    if unreadable:
        raise typer.Exit(code=2)
    if has_errors:
        raise typer.Exit(code=1)


@app.command()
def batch(
    paths: list[Path] = typer.Argument(..., help="文件、文件夹或 zip 压缩包（文件夹逐层查找）"),
    db: str | None = typer.Option(None, "--db", help="数据库：SQLite 文件路径或 URL（如 postgresql+psycopg://…）；"
                                                     "默认 YUSUAN_DATABASE_URL 或 ~/.local/share/yusuan/yusuan.db"),
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录：汇总表（xlsx、csv）、索引页和每个文件的报告",
                                         callback=_output_folder),
    workers: int = typer.Option(max(1, (os.cpu_count() or 1)), "--workers", "-w", help="本机并行处理的文件数"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask 集群调度器地址，如 tcp://host:8786"),
    timeout: float = typer.Option(180.0, "--timeout", help="每个文件的处理时限（秒）"),
    memory: int = typer.Option(3072, "--memory", help="每个文件的内存上限（MB）"),
) -> None:
    """批量读取并审核：逐个文件隔离处理，结果存入数据库，已处理过的文件（内容与规则版本相同）自动跳过。

    退出码：0 全部完成（包括已记为失败的文件）；2 输入或数据库无法使用。
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from .batch import WorkerLimits, run_batch

    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"错误：找不到 {'、'.join(str(p) for p in missing)}", file=sys.stderr)
        raise typer.Exit(code=2)
    try:
        store = api.open_store(db)
    except api.StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TextColumn("失败 {task.fields[failed]}"), TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("审核", total=None, rate="", failed=0)

        def show(tally, outcome) -> None:
            elapsed = max(time.monotonic() - tally.started, 1e-6)
            rate = f"{tally.pages / elapsed:.1f} 页/秒" if tally.pages else f"{tally.done / elapsed:.2f} 个/秒"
            progress.update(task, total=tally.total, completed=tally.finished, rate=rate, failed=tally.failed,
                            description=f"审核（跳过已完成 {tally.skipped}）" if tally.skipped else "审核")

        try:
            result = run_batch(paths, store, out=out, workers=workers, scheduler=scheduler,
                               limits=WorkerLimits(seconds=timeout, memory=memory << 20), on_progress=show)
        except OSError as exc:
            progress.stop()
            print(f"错误：{exc}", file=sys.stderr)
            raise typer.Exit(code=2) from None
        finally:
            store.close()
    tally = result.tally
    console.print(f"共 {tally.total} 个文件：本次处理 {tally.done} 个，跳过已完成 {tally.skipped} 个；"
                  f"失败 {tally.failed} 个，未识别为公开文件 {tally.not_disclosure} 个", highlight=False)
    for path in result.outputs:
        console.print(f"已写入 {path}", highlight=False)


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


@app.command()
def export(
    out: Path = typer.Option(..., "--out", "-o", help="输出目录", callback=_output_folder),
    db: str | None = typer.Option(None, "--db", help="数据库：SQLite 文件路径或 URL；默认同 yusuan batch"),
    format: ExportFormat = typer.Option(ExportFormat.xlsx, "--format", "-f", help="xlsx（两张工作表）、csv（两个文件）或 json"),
    region: str | None = typer.Option(None, "--region", help="只导出这个地区"),
    department: str | None = typer.Option(None, "--department", help="只导出这个部门"),
    year: int | None = typer.Option(None, "--year", help="只导出这一年度"),
    kind: str | None = typer.Option(None, "--kind", help="budget（预算）或 final_account（决算）"),
) -> None:
    """从数据库导出各文件的关键数字与审核发现（每个文件取最近一次审核）。"""
    try:
        store = api.open_store(db)
    except api.StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    try:
        files = api.export_store(store, format.value, region=region, department=department, year=year, kind=kind)
    finally:
        store.close()
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = out / name
        partial = target.with_name(name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
        console.print(f"已写入 {target}", highlight=False)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只接受本机访问）"),
    port: int = typer.Option(8000, "--port", help="端口"),
    db: str | None = typer.Option(None, "--db", help="数据库：SQLite 文件路径或 URL；默认同 yusuan batch"),
    example: bool = typer.Option(False, "--example", help="先导入仓库自带的示例文件（examples/ 与 out/example/）再启动"),
    team: bool = typer.Option(False, "--team", help="团队模式：账号登录（yusuan user add）、按角色和地区授权"),
    secret_key: str | None = typer.Option(None, "--secret-key", envvar="YUSUAN_SECRET_KEY",
                                          help="团队模式的会话密钥（至少 16 个字符；也可用环境变量 YUSUAN_SECRET_KEY）"),
) -> None:
    """启动网页应用和 REST 接口（浏览器打开 http://127.0.0.1:8000 ；接口文档在 /docs）。"""
    import uvicorn

    from .web import create_app

    if example:
        _import_examples(db)
    try:
        application = create_app(db, team=team, secret_key=secret_key)
    except (api.StoreError, ValueError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    console.print(f"yusuan 已启动：http://{host}:{port}/ （接口文档 /docs；按 Ctrl+C 停止）", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _import_examples(db: str | None) -> None:
    """The bundled examples (a text export, and the disclosure the quickstart composed) into the store."""
    from .batch import run_batch

    repo = Path(__file__).resolve().parents[2]
    found = sorted((repo / "examples").glob("*.txt")) + sorted(p for p in (repo / "out" / "example").glob("*")
                                                              if p.suffix in (".docx", ".xlsx", ".pdf", ".html"))
    if not found:
        print("提示：没有找到示例文件（examples/、out/example/），直接启动", file=sys.stderr)
        return
    store = api.open_store(db)
    try:
        result = run_batch(found, store)
    finally:
        store.close()
    console.print(f"已导入示例文件 {result.tally.total} 个（本次处理 {result.tally.done} 个）", highlight=False)


users = typer.Typer(help="团队模式的账号")
app.add_typer(users, name="user")


class RoleName(StrEnum):
    viewer = "viewer"
    reviewer = "reviewer"
    admin = "admin"


@users.command("add")
def user_add(
    name: str = typer.Argument(..., help="账号名称"),
    role: RoleName = typer.Option(RoleName.reviewer, "--role", help="viewer（查看）、reviewer（审核）或 admin（管理）"),
    region: list[str] = typer.Option(None, "--region", help="只能看到这些地区的文件（可多次给出，如 上海市普陀区）；不给：全部"),
    db: str | None = typer.Option(None, "--db", help="数据库：SQLite 文件路径或 URL；默认同 yusuan batch"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（用于脚本）"),
) -> None:
    """新建账号（密码只以 argon2 散列保存）。"""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else \
        typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    try:
        store = api.open_store(db)
        try:
            api.add_user(store, name, password, api.Role(role.value), list(region or []))
        finally:
            store.close()
    except api.StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    console.print(f"已新建账号 {name}（{role.value}）", highlight=False)


@app.command()
def rules(
    rule_id: str | None = typer.Argument(None, help="规则编号或规则族，如 XTAB-001 或 NARR"),
    markdown: bool = typer.Option(False, "--markdown", help="输出 Markdown（用于生成 docs/rules.md）"),
) -> None:
    """列出审核规则目录。"""
    try:
        print(api.rules_listing(rule_id, markdown=markdown))
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        raise typer.Exit(code=2) from None


@app.command()
def template(
    out: Path = typer.Argument(..., help="要生成的输入工作簿，如 budget.xlsx"),
    source: Path | None = typer.Option(None, "--from", help="用 YAML/JSON 数据预先填好（如 examples/ 中的示例）"),
) -> None:
    """生成编制用的输入工作簿模板（部门信息、预算单位、支出明细、上年数、三公、采购、资产、绩效目标）。"""
    try:
        api.write_budget_template(out, source)
    except api.InputError as error:
        _input_problems(error)
        raise typer.Exit(2) from error
    console.print(f"已生成 {out}")


@app.command()
def compose(
    source: Path = typer.Argument(..., help="预算数据：工作簿（.xlsx）或 YAML/JSON"),
    out: Path = typer.Option(..., "--out", "-o", help="输出目录", callback=_output_folder),
    layout: str = typer.Option("national", "--template", "-t", help="模板：national（全国通用预算）、shanghai（上海预算）或 final（部门决算）"),
    formats: list[str] = typer.Option(["docx,xlsx,pdf,html"], "--format", "-f",
                                      help="输出格式，逗号分隔：docx、xlsx、pdf、html"),
    units: list[str] = typer.Option([], "--unit", "-u",
                                    help="编制单位预算：单位代码（可多次给出），或 all（每个预算单位一份）；不给则编制部门预算"),
) -> None:
    """由预算数据生成完整的部门预算公开文件（全部标准表与情况说明，口径一致）；--unit 编制单位预算。"""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    chosen = _split(formats)
    known, layouts = api.compose_formats(), api.compose_layouts()
    unknown = [f for f in chosen if f not in known]
    if unknown or layout not in layouts:
        problem = (f"不支持的输出格式：{'、'.join(unknown)}（可选：{'、'.join(known)}）" if unknown
                   else f"未知的模板：{layout}（可选：{'、'.join(layouts)}）")
        console.print(f"[red]{problem}[/red]")
        raise typer.Exit(2)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=console, transient=True) as progress:
        task = progress.add_task("读取并检查预算数据", total=2 + len(chosen))
        try:
            data = api.load_budget(source)
        except api.InputError as error:
            progress.stop()
            _input_problems(error)
            raise typer.Exit(2) from error
        errors, warnings = api.check_budget(data)
        if errors:
            progress.stop()
            console.print(f"[red]输入数据有 {len(errors)} 处不能公开的内容，未生成任何文件：[/red]")
            for problem in errors:
                console.print(f"  {problem}", highlight=False)
            raise typer.Exit(2)
        for problem in warnings:
            console.print(f"[yellow]请核对：[/yellow]{problem}", highlight=False)
        every = _split(units) == ["all"]
        inputs = []
        for code in [u.code for u in data.units] if every else _split(units):
            try:
                inputs.append(api.unit_budget(data, code))
            except api.UnknownUnit as error:
                if not every:  # a unit asked for by its code must be there
                    progress.stop()
                    console.print(f"[red]{error}[/red]（未写出任何文件）")
                    raise typer.Exit(2) from error
                console.print(f"[yellow]跳过：[/yellow]{error}", highlight=False)
        inputs = inputs or ([] if every else [data])
        if not inputs:
            progress.stop()
            console.print("[red]没有可以编制单位预算的预算单位[/red]（未写出任何文件）")
            raise typer.Exit(2)
        progress.update(task, total=1 + len(inputs) * (1 + len(chosen)), advance=1,
                        description=f"汇总 {len(data.items)} 笔支出明细")
        documents = []
        for budget in inputs:
            try:
                document = api.compose_budget(budget, layout)
            except api.InputError as error:  # a final account without 决算数, or with a negative income
                progress.stop()
                _input_problems(error)
                raise typer.Exit(2) from error
            progress.update(task, advance=1, description=f"生成 {budget.department}")
            try:
                written = api.write_composed(document, out, chosen,
                                             step=lambda fmt: progress.update(task, advance=1,
                                                                              description=f"已生成 {fmt.upper()}"))
            except api.PdfEngineMissing as error:
                progress.stop()
                done = [p for _, paths in documents for p in paths]
                console.print(f"[red]{error}[/red]（{budget.department}未写出任何文件"
                              + (f"；此前已生成 {len(done)} 个文件）" if done else "）"))
                raise typer.Exit(1) from error
            documents.append((document, written))
    problems = []
    for document, written in documents:
        for path in written:
            console.print(f"已生成 {path}")
        problems += api.preflight(written, document)
    if problems:
        console.print(f"[red]生成后检查发现 {len(problems)} 处问题，文件不宜直接公开：[/red]")
        for problem in problems:
            console.print(f"  {problem}", highlight=False)
        raise typer.Exit(1)


def _input_problems(error) -> None:
    console.print(f"[red]输入数据有 {len(error.problems)} 处问题，未生成任何文件：[/red]")
    for problem in error.problems:
        console.print(f"  {problem}", highlight=False)
