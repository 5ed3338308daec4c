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

from benchmarks.synth import generate
from graph import GraphStore, ingest_paths, lookup_one
from graph.lag_chart import lag_chart
from graph.queries import implementers
from graph.views import corpus_view, tree_view

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test does it)")


# What a reader needs of a drawing in a 1400×900 window, as first opened: labels of at least 9 px on screen (font
# size × zoom after the fit), at most 5% of the drawn nodes overlapping another, and a drawing no more than six
# times wider than tall (or taller than wide).
READABLE = {"min_label_px": 9, "overlap": 0.05, "aspect": 6}
METRICS = """() => {
  const net = window.lexgraph.network;
  const ids = window.lexgraph.nodes.getIds().filter((id) => !window.lexgraph.nodes.get(id).hidden);
  const scale = net.getScale();
  const boxes = ids.map((id) => net.getBoundingBox(id));
  const sizes = ids.map((id) => net.body.nodes[id].options.font.size * scale);
  let overlapping = 0;
  boxes.forEach((a, i) => {
    if (boxes.some((b, j) => j !== i && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                              && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)) overlapping++;
  });
  const w = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
  const h = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
  return { drawn: ids.length, min_label_px: Math.min(...sizes), overlap: overlapping / ids.length,
           aspect: Math.max(w / h, h / w) };
}"""


def readable(page) -> dict:
    """The drawing's metrics, asserted against READABLE."""
    m = page.evaluate(METRICS)
    assert m["min_label_px"] >= READABLE["min_label_px"], m
    assert m["overlap"] <= READABLE["overlap"], m
    assert m["aspect"] <= READABLE["aspect"], m
    return m


@pytest.fixture(scope="module")
def expected(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    target = lookup_one(store, "11/NQ-CP", 2022)
    return {"tree": tree_view(store, target), "corpus": corpus_view(store)}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """2,000 synthetic documents, and the resolution most documents carry out."""
    root = tmp_path_factory.mktemp("synthetic")
    generate(root / "synth", 2000, seed=11, body_kb=1)
    store = GraphStore.open(root / "store")
    ingest_paths(store, [root / "synth" / "docs"], bulk=True)
    top = store.select("SELECT ?x (COUNT(?d) AS ?n) WHERE { ?d lex:inImplementationOf ?x } GROUP BY ?x "
                       "ORDER BY DESC(?n) LIMIT 1")[0]
    return store, top["x"], int(top["n"]), root


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield chromium
        chromium.close()


def open_view(browser, url: str, screenshot_name: str, ready: bool = True) -> dict:
    """Load `url` with only loopback reachable; return what the page did."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    left_loopback: list[str] = []
    errors: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "file:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            left_loopback.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(url, wait_until="networkidle")
    if ready:
        page.wait_for_function("window.lexgraph && window.lexgraph.ready", timeout=60_000)
    png = page.screenshot(full_page=False)
    target = os.environ.get("LEXGRAPH_SCREENSHOTS")
    if target:
        folder = ROOT / target  # an absolute path stays as it is
        folder.mkdir(parents=True, exist_ok=True)
        (folder / screenshot_name).write_bytes(png)
    return {"status": response.status if response else 200, "left": left_loopback, "errors": errors, "png": png,
            "page": page, "context": context}


def not_blank(png: bytes) -> bool:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    spread = ImageStat.Stat(image.convert("L")).stddev[0]
    return len(colours) > 50 and spread > 5


def test_tree_view_of_11_nq_cp_reads(browser, server, expected):
    state = open_view(browser, f"{server.url}/views/eli/vn/cp/2022/nq/11.html", "view-11-nq-cp.png")
    assert state["status"] == 200
    assert state["left"] == [] and state["errors"] == []
    labels = state["page"].evaluate("window.lexgraph.nodes.get().map(n => n.label)")
    assert set(labels) == {"NQ 11/NQ-CP", "KH 35/KH-UBND Cần Thơ", "CTr 01/CTr-UBND Hải Phòng"}
    readable(state["page"])
    assert not_blank(state["png"])
    # The toggle adds the plain citations, each way.
    state["page"].check("#show-citations")
    assert state["page"].evaluate("window.lexgraph.nodes.length") > 3
    readable(state["page"])
    state["context"].close()


def test_the_most_implemented_resolution_of_2000_documents_reads(browser, synthetic, tmp_path):
    store, target, count, _ = synthetic
    page_file = tmp_path / "tree.html"
    page_file.write_text(tree_view(store, target).html, encoding="utf-8")
    state = open_view(browser, page_file.as_uri(), "view-large-tree.png")
    assert state["left"] == [] and state["errors"] == []
    assert count >= 100
    first = readable(state["page"])
    assert first["drawn"] <= 30
    # A group opens on click: its members are drawn, and the drawing still reads.
    group = state["page"].evaluate("window.lexgraph.nodes.get().find(n => n.group && !n.label.endsWith('more')).id")
    box = state["page"].evaluate(f"window.lexgraph.network.canvasToDOM(window.lexgraph.network.getPosition({group!r}))")
    state["page"].mouse.click(box["x"], box["y"] + 37)  # the canvas sits below the page header
    after = state["page"].evaluate(METRICS)
    assert after["drawn"] > first["drawn"]
    readable(state["page"])
    state["context"].close()


def test_corpus_view_reads_and_filters(browser, server, expected):
    state = open_view(browser, f"{server.url}/views/corpus.html", "view-corpus.png")
    assert state["status"] == 200
    assert state["left"] == [] and state["errors"] == []
    assert expected["corpus"].nodes == 106
    readable(state["page"])
    assert not_blank(state["png"])
    page = state["page"]
    page.select_option("#filter-place", "Cần Thơ")
    places = page.evaluate("window.lexgraph.nodes.get().filter(n => !n.hidden && !n.group).map(n => n.lexPlace)")
    assert places and set(places) == {"Cần Thơ"}
    state["context"].close()


def test_the_lag_chart_draws_a_bar_per_document(browser, server, synthetic, tmp_path):
    state = open_view(browser, f"{server.url}/views/eli/vn/cp/2022/nq/11/lag.html", "lag-11-nq-cp.png",
                      ready=False)
    page = state["page"]
    assert state["status"] == 200 and state["left"] == [] and state["errors"] == []
    assert page.locator("g.bar").count() == 2
    assert min(page.evaluate("[...document.querySelectorAll('svg text')].map(t => "
                             "parseFloat(getComputedStyle(t).fontSize))")) >= 9
    state["context"].close()
    store, target, _, _ = synthetic
    chart = tmp_path / "lag.html"
    chart.write_text(lag_chart(store, target).html, encoding="utf-8")
    state = open_view(browser, chart.as_uri(), "lag-large.png", ready=False)
    dated = sum(1 for r in implementers(store, target) if r.lag_days is not None)
    assert state["page"].locator("g.bar").count() == dated > 50
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
