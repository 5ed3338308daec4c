"""The views in a real browser: Debian's Chromium, headless, driven by Playwright, with the network cut off
from everything but loopback. Set LEXGRAPH_SCREENSHOTS=docs to refresh the screenshots in docs/."""

from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image, ImageStat
from playwright.sync_api import sync_playwright

from graph import GraphStore, lookup_one
from graph.views import corpus_view, ego_view

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test does it)")


@pytest.fixture(scope="module")
def expected(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    target = lookup_one(store, "11/NQ-CP", 2022)
    return {"ego": ego_view(store, target), "corpus": corpus_view(store)}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield chromium
        chromium.close()


def open_view(browser, url: str, screenshot_name: str) -> dict:
    """Load `url` with only loopback reachable; return what the page did."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    left_loopback: list[str] = []
    errors: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            left_loopback.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(url, wait_until="networkidle")
    page.wait_for_function("window.lexgraph && window.lexgraph.ready", timeout=60_000)
    counts = page.evaluate("({nodes: window.lexgraph.nodes.length, edges: window.lexgraph.edges.length,"
                           " drawn: Object.keys(window.lexgraph.network.body.nodes).length})")
    png = page.screenshot(full_page=False)
    target = os.environ.get("LEXGRAPH_SCREENSHOTS")
    if target:
        folder = ROOT / target  # an absolute path stays as it is
        folder.mkdir(parents=True, exist_ok=True)
        (folder / screenshot_name).write_bytes(png)
    return {"status": response.status, "left": left_loopback, "errors": errors, "counts": counts, "png": png,
            "page": page, "context": context}


def not_blank(png: bytes) -> bool:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    spread = ImageStat.Stat(image.convert("L")).stddev[0]
    return len(colours) > 50 and spread > 5


def test_ego_view_of_11_nq_cp(browser, server, expected):
    state = open_view(browser, f"{server.url}/views/eli/vn/cp/2022/nq/11.html", "view-11-nq-cp.png")
    assert state["status"] == 200
    assert state["left"] == [] and state["errors"] == []
    assert state["counts"]["nodes"] == expected["ego"].nodes == state["counts"]["drawn"]
    assert state["counts"]["edges"] == expected["ego"].edges
    assert expected["ego"].nodes >= 5 and expected["ego"].edges >= 4
    labels = state["page"].evaluate("window.lexgraph.nodes.get().map(n => n.label)")
    assert {"NQ 11/NQ-CP", "KH 35/KH-UBND Cần Thơ", "CTr 01/CTr-UBND Hải Phòng"} <= set(labels)
    assert not_blank(state["png"])
    state["context"].close()


def test_corpus_view_and_its_filters(browser, server, expected):
    state = open_view(browser, f"{server.url}/views/corpus.html", "view-corpus.png")
    assert state["status"] == 200
    assert state["left"] == [] and state["errors"] == []
    assert state["counts"]["nodes"] == expected["corpus"].nodes == 106
    assert state["counts"]["edges"] == expected["corpus"].edges
    assert not_blank(state["png"])
    page = state["page"]
    page.select_option("#filter-place", "Cần Thơ")
    shown = page.evaluate("window.lexgraph.nodes.get().filter(n => !n.hidden).length")
    places = page.evaluate("window.lexgraph.nodes.get().filter(n => !n.hidden).map(n => n.lexPlace)")
    assert 0 < shown < 106 and set(places) == {"Cần Thơ"}
    assert "of 106 instruments shown" in page.inner_text("#status")
    state["context"].close()


def offline_page(browser, url: str) -> tuple:
    """A page at `url` that can reach only loopback: (context, page, URLs refused, page errors)."""
    context = browser.new_context()
    left: list[str] = []
    context.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname == "127.0.0.1"
                  else (left.append(r.request.url), r.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return context, page, left, errors


def test_the_query_page_runs_a_query_offline(browser, server):
    context, page, left, errors = offline_page(browser, f"{server.url}/sparql")
    page.click("#run")
    page.wait_for_selector("#results table")
    rows = page.locator("#results tbody tr").count()
    assert rows >= 2 and left == [] and errors == []
    assert "rows in" in page.inner_text("#status")
    context.close()


def test_the_api_docs_render_offline(browser, server):
    """Swagger UI at /docs draws every operation from the server's own copy of its scripts."""
    context, page, left, errors = offline_page(browser, f"{server.url}/docs")
    page.wait_for_selector(".opblock", timeout=30_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/cited-by" in p for p in paths) and any("/documents" in p for p in paths)
    assert left == [] and errors == []
    context.close()
