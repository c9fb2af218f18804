"""yusuan batch: the shared corpus plus a generated hostile corpus in one run (every real file
read, every hostile file a failure row with a clear reason or a correct result, nothing
unescaped in the outputs), resuming after being killed, the Dask engine against the local one,
and same-named inputs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from conftest import CORPUS, seed_path
from hostile import READ, build
from yusuan.api import Status, open_store
from yusuan.batch import WorkerLimits, run_batch

PARTS = ("seeds", "pdf", "more")


def _corpus() -> list[Path]:
    folders = [CORPUS / part for part in PARTS]
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"corpus not found at {CORPUS} (set YUSUAN_CORPUS to the shared corpus folder)")
    return folders


def test_the_corpus_and_the_hostile_corpus_in_one_batch(tmp_path):
    folders = _corpus()
    hostile = build(tmp_path / "hostile", seed_path("000"), CORPUS / "pdf" / "上海市普陀区财政局2025年部门预算.pdf")
    store = open_store(tmp_path / "batch.db")
    out = tmp_path / "out"
    formula = tmp_path / "hostile" / "=cmd|' calc'!A0.txt"  # given on its own: its name starts a cell
    result = run_batch([*folders, tmp_path / "hostile", formula], store, out=out, workers=2,
                       limits=WorkerLimits(seconds=90))
    outcomes = {o.name: o for o in result.outcomes}
    real = [f"{f.name}/{p.name}" for f in folders for p in sorted(f.iterdir()) if p.suffix in (".txt", ".pdf")]
    assert len(real) >= 17
    for name in real:
        assert outcomes[name].status == Status.DONE, (name, outcomes[name].reason)
        assert outcomes[name].audit["summary"]["rules_run"] > 0
    readmes = [f"{f.name}/README.md" for f in folders if (f / "README.md").exists()]
    for name in readmes:  # a folder's README is readable text, but no disclosure
        assert outcomes[name].status == Status.NOT_DISCLOSURE and "未识别为预算/决算公开文件" in outcomes[name].reason
    for item in hostile:
        outcome = outcomes[f"hostile/{item.name}"]
        assert "内部错误" not in outcome.reason and "Traceback" not in outcome.reason, item.name
        assert "\n" not in outcome.reason.replace(item.name, ""), item.name  # one line (the name may hold one)
        if item.expect == READ:
            assert outcome.status in (Status.DONE, Status.NOT_DISCLOSURE), (item.name, outcome.reason)
        else:
            assert outcome.status == Status.FAILED and any(w in outcome.reason for w in item.words), \
                (item.name, outcome.reason)
    # the re-encoded seeds read as the seed itself
    for variant in ("seed-gbk.txt", "seed-gb18030.txt", "seed-utf16.txt"):
        assert outcomes[f"hostile/{variant}"].audit["document"]["department"] == "济源产城融合示范区人力资源和社会保障局"
    # outputs: one row per input, no formula, nothing unescaped, no partial file
    book = openpyxl.load_workbook(out / "summary.xlsx")
    sheet = book["汇总"]
    assert sheet.max_row == 1 + len(outcomes)
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert "'=cmd|' calc'!A0.txt" in [c.value for c in sheet["A"]]
    index = (out / "index.html").read_text(encoding="utf-8")
    reports = list((out / "reports").iterdir())
    pages = [p.read_text(encoding="utf-8") for p in [out / "index.html", *reports]]
    assert not [page for page in pages if "<script>alert" in page or "<img src=x" in page]
    assert "&lt;img src=x onerror=alert(9)&gt;.txt" in index
    assert index.count('href="reports/') == sum(o.status == Status.DONE for o in outcomes.values())
    assert not list(out.rglob("*.part"))
    assert store.count() == len({o.sha256 for o in outcomes.values()})
    store.close()


def test_a_killed_batch_resumes_with_the_files_not_done(tmp_path):
    folder = _corpus()[1]  # the Shanghai PDFs: about a second each
    database = tmp_path / "resume.db"
    command = [sys.executable, "-m", "yusuan", "batch", str(folder), "--db", str(database), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    store = open_store(database)
    deadline = time.monotonic() + 120
    while store.count() < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_before = store.count()
    assert 2 <= done_before < 5
    result = run_batch([folder], store, workers=2)
    assert (result.tally.skipped, result.tally.done) == (done_before, 5 - done_before)
    assert store.count() == 5 and all(len(store.runs(o.sha256)) == 1 for o in result.outcomes)
    again = run_batch([folder], store)  # importing the same files again changes nothing
    assert (again.tally.skipped, again.tally.done, store.count()) == (5, 0, 5)
    store.close()


def test_the_dask_engine_gives_the_local_engines_results(tmp_path):
    from distributed import LocalCluster

    folder = _corpus()[0]
    local = run_batch([folder], open_store(tmp_path / "local.db"), workers=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = run_batch([folder], open_store(tmp_path / "dask.db"), scheduler=cluster.scheduler_address)

    def essence(outcomes):
        return {o.name: (o.status, o.reason, o.format, o.pages, o.audit) for o in outcomes}

    assert len(local.outcomes) == 5 and essence(local.outcomes) == essence(remote.outcomes)


def test_same_named_inputs_keep_their_own_results(tmp_path):
    first, second = tmp_path / "one" / "x", tmp_path / "two" / "x"
    for folder, seed in ((first, "000"), (second, "001")):
        folder.mkdir(parents=True)
        (folder / "预算.txt").write_bytes(seed_path(seed).read_bytes())
    store = open_store(tmp_path / "same.db")
    result = run_batch([first, second], store, out=tmp_path / "out")
    assert sorted(o.name for o in result.outcomes) == ["x/预算.txt", "x/预算（2）.txt"]
    assert len(list((tmp_path / "out" / "reports").iterdir())) == 2
    departments = {o.name: o.audit["document"]["department"] for o in result.outcomes}
    assert departments == {"x/预算.txt": "济源产城融合示范区人力资源和社会保障局", "x/预算（2）.txt": "三门峡市人力资源和社会保障局"}
    store.close()


def test_the_cli_runs_a_batch_and_exports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_path("002").read_bytes())
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    done = subprocess.run([sys.executable, "-m", "yusuan", "batch", str(folder), "--db", database, "--out",
                           str(tmp_path / "out"), "--workers", "1"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"共 1 个文件：本次处理 1 个", done.stdout)
    exported = subprocess.run([sys.executable, "-m", "yusuan", "export", "--db", database, "--format", "csv",
                               "--out", str(tmp_path / "export"), "--year", "2024"],
                              capture_output=True, text=True, check=False)
    assert exported.returncode == 0, exported.stderr
    rows = (tmp_path / "export" / "yusuan-documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "新绛县人力资源和社会保障局" in rows[1]


def test_zip_archives_are_unpacked_under_limits(tmp_path):
    import zipfile

    archive = tmp_path / "公开文件.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2024/预算甲.txt", seed_path("000").read_bytes())
        z.writestr("2024/yusuan.txt", seed_path("001").read_bytes())  # renamed below, in GBK
        z.writestr("__MACOSX/2024/._预算甲.txt", b"\0\5\26\7")
        z.writestr("inner.zip", b"PK\x05\x06" + b"\0" * 18)
        z.writestr("../../escape.txt", seed_path("002").read_bytes())
    # a Windows archive: the member name in GBK bytes, without the UTF-8 flag
    archive.write_bytes(archive.read_bytes().replace(b"2024/yusuan.txt", "2024/预算乙.txt".encode("gbk")))
    broken = tmp_path / "坏.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    store = open_store(tmp_path / "zip.db")
    result = run_batch([archive, broken], store, workers=2)
    outcomes = {o.name: o for o in result.outcomes}
    assert set(outcomes) == {"公开文件.zip/2024/预算甲.txt", "公开文件.zip/2024/预算乙.txt", "公开文件.zip/inner.zip",
                             "公开文件.zip/escape.txt", "坏.zip"}
    assert outcomes["公开文件.zip/2024/预算乙.txt"].audit["document"]["department"] == "三门峡市人力资源和社会保障局"
    assert outcomes["公开文件.zip/escape.txt"].status == Status.DONE  # the member's path cannot climb out
    assert "压缩包中的压缩包" in outcomes["公开文件.zip/inner.zip"].reason
    assert outcomes["坏.zip"].status == Status.FAILED and "压缩包已损坏" in outcomes["坏.zip"].reason
    store.close()
