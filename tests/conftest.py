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
