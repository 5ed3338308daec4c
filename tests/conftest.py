"""Shared helpers: extract a snippet and look at its citations in a compact form."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import extract_text

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLD = Path(__file__).resolve().parent / "gold" / "seeds-gold.jsonl"


def cites(text: str) -> dict[str, dict]:
    """Citations of `text` keyed by number (or title for unnumbered ones)."""
    record = extract_text(text).to_json()
    return {(c["number"] or c["title"]): c for c in record["citations"]}


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(RAW.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """An on-disk store holding the seed corpus, built once per test run."""
    from tests.live import seed_store

    return seed_store(tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture(scope="session")
def server(seed_store_dir, tmp_path_factory):
    """A read-only server over the seed store: 2 s query time limit, 1,000-row limit."""
    from tests.live import copy_store, start_server

    root = tmp_path_factory.mktemp("server")
    live = start_server(copy_store(seed_store_dir, root / "store"), root / "server.log",
                        "--timeout", "2", "--row-limit", "1000")
    yield live
    live.stop()


@pytest.fixture(scope="module")
def writable_server(seed_store_dir, tmp_path_factory):
    """A server over its own copy of the seed store that accepts writes with `tests.live.TOKEN`."""
    from tests.live import TOKEN, copy_store, start_server

    root = tmp_path_factory.mktemp("writable")
    live = start_server(copy_store(seed_store_dir, root / "store"), root / "server.log", "--write-token", TOKEN)
    yield live
    live.stop()


@pytest.fixture(scope="module")
def http(server):
    """An HTTP client of the read-only server."""
    import httpx

    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def plan(province: str, number: str, day: str, body: str) -> str:
    """A provincial committee's plan: header, heading, title and `body` ("Căn cứ ...", sections).

    >>> plan("Nam Định", "12/KH-UBND", "18/2/2022", "I. MỤC ĐÍCH").splitlines()[3]
    'Nam Định, ngày 18 tháng 2 năm 2022'
    """
    d, m, y = day.split("/")
    return (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\nSố: {number}\n{province}, ngày {d} tháng {m} năm {y}\n"
            f"KẾ HOẠCH\nVề công tác năm {y}\n{body}\n")


def store_of(folder: Path, documents: dict[str, str]):
    """A store beside `folder/corpus` holding `documents` (file name -> text), ingested."""
    from graph import GraphStore, ingest_paths

    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in documents.items():
        (corpus / name).write_text(text, encoding="utf-8")
    store = GraphStore.open(folder / "store")
    assert [o.status for o in ingest_paths(store, [corpus])] == ["ingested"] * len(documents)
    return store
