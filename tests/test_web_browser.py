"""End to end in Debian's chromium (Playwright, no browser downloaded): upload a seed and a
shared PDF through the page, see them processed, open the PDF's finding on its page image with
its box, dismiss a finding and see it persist after reload, and see the comparison charts
render. Screenshots are kept under the test's folder (tmp_path) as artefacts."""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import CORPUS, seed_path
from yusuan.web import create_app

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    found = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail("找不到 chromium：请运行 scripts/setup-system.sh（安装 Debian 的 chromium）")
    return found


@contextmanager
def _serving(app):
    """The app served by uvicorn on a free loopback port, in a thread; its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(10)


@pytest.fixture
def server(tmp_path):
    with _serving(create_app(tmp_path / "web.db", data_folder=tmp_path / "uploads", workers=2)) as base:
        yield base


def test_upload_review_page_image_and_charts_in_a_browser(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    pdf = CORPUS / "pdf" / "上海市普陀区财政局2025年部门预算.pdf"
    highcourt = [CORPUS / "more" / f"js-highcourt-{y}-dept-budget.pdf" for y in (2018, 2019)]
    if not pdf.exists() or not all(p.exists() for p in highcourt):
        pytest.skip(f"corpus not found at {CORPUS}")
    shots = tmp_path / "screenshots"
    shots.mkdir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        # upload through the form, wait until every job is done
        page.goto(f"{server}/upload")
        page.set_input_files("input[name=files]", [str(seed_path("000")), str(pdf), *map(str, highcourt)])
        with page.expect_navigation(url="**/upload?jobs=*"):
            page.click("text=上传并审核")
        # the page follows the jobs by itself (no reload): every state and the count of ended jobs
        expect(page.locator("text=已完成")).to_have_count(4, timeout=120_000)
        expect(page.locator("#jobs-count")).to_have_text("4 / 4")
        page.screenshot(path=str(shots / "upload.png"))
        # the PDF's document page: the selected finding's page beside it, with its box; j selects the next
        page.goto(server)
        page.click("text=上海市普陀区财政局2025年部门预算.pdf")
        expect(page.locator(".finding").first).to_have_class(re.compile(r"\bselected\b"))
        expect(page.locator("#page-pane .box").first).to_be_visible()
        page.keyboard.press("j")
        expect(page.locator(".finding").nth(1)).to_have_class(re.compile(r"\bselected\b"))
        assert page.url.endswith("#" + page.locator(".finding").nth(1).get_attribute("id"))
        page.screenshot(path=str(shots / "document-pdf.png"))
        link = page.locator(".finding a[href*='/pages/']").first
        link.click()
        box = page.locator(".page .box").first
        expect(box).to_be_visible()
        image = page.locator(".page img")
        expect(image).to_be_visible()
        page.wait_for_function("document.querySelector('.page img').complete")
        assert page.evaluate("document.querySelector('.page img').naturalWidth") > 500  # the image did load
        page.screenshot(path=str(shots / "finding-on-page.png"))
        # dismiss the first finding; it stays dismissed after a reload
        page.go_back()
        first = page.locator(".finding").first
        first.locator("input[name=reviewer]").fill("浏览器测试")
        with page.expect_navigation():
            first.locator("button[value=dismissed]").click()
        page.reload(wait_until="load")
        expect(page.locator(".finding").first).to_have_class(re.compile(r"\bdismissed\b"))
        expect(page.locator(".finding").first).to_contain_text("已排除（浏览器测试）")
        # a text export's document page: its tables as HTML, the selected finding's cells marked;
        # keys move between findings and x dismisses the selected one
        page.goto(server)
        page.click("text=" + seed_path("000").name)
        expect(page.locator("#tables")).to_have_attribute("open", "")
        hit = page.locator("#tables .hit").first
        expect(hit).to_be_visible()
        page.screenshot(path=str(shots / "document-text.png"))
        page.keyboard.press("j")
        page.keyboard.press("k")
        expect(page.locator(".finding").first).to_have_class(re.compile(r"\bselected\b"))
        with page.expect_navigation():
            page.keyboard.press("x")
        page.reload(wait_until="load")
        expect(page.locator(".finding").first).to_contain_text("已排除（审核人）")
        # two years of one department: both charts draw
        page.goto(f"{server}/compare?department=江苏省高级人民法院")
        expect(page.locator("#amounts canvas")).to_have_count(1)
        expect(page.locator("#trends canvas")).to_have_count(1)
        expect(page.locator("#classes canvas")).to_have_count(1)
        page.screenshot(path=str(shots / "compare.png"), full_page=True)
        browser.close()
    assert all((shots / name).stat().st_size > 10_000 for name in ("upload.png", "document-pdf.png", "finding-on-page.png",
                                                                   "document-text.png", "compare.png"))


def test_team_mode_in_a_browser(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from yusuan.api import Role, add_user, open_store, process_file

    store = open_store(tmp_path / "team.db")
    data = seed_path("001").read_bytes()
    store.save(process_file(seed_path("001"), "001.txt", hashlib.sha256(data).hexdigest(), len(data)), data)
    add_user(store, "viewer", "viewer-password", Role.VIEWER)
    store.close()
    app = create_app(tmp_path / "team.db", data_folder=tmp_path / "uploads", team=True,
                     secret_key="browser-test-secret-key", secure_cookies=False)
    with _serving(app) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=FLAGS)
        page = browser.new_page()
        page.goto(base)
        expect(page).to_have_url(f"{base}/login")
        page.fill("input[name=name]", "viewer")
        page.fill("input[name=password]", "viewer-password")
        page.click("button:has-text('登录')")
        page.click("text=001.txt")
        expect(page.locator(".finding").first).to_be_visible()
        expect(page.locator("button[value=dismissed]")).to_have_count(0)  # a viewer has no review buttons
        # a form posted without the CSRF token (as another site would) is refused
        status = page.evaluate("""async () => {
            const form = new FormData(); form.append("decision", "dismissed");
            const answer = await fetch(location.pathname + "/findings/1/review", {method: "POST", body: form});
            return [answer.status, (await answer.json()).detail];
        }""")
        assert status[0] == 403 and "CSRF" in status[1]
        page.screenshot(path=str(tmp_path / "team-viewer.png"))
        browser.close()
