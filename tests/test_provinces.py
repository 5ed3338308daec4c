"""Provinces after the 2025 reorganisation: former names keep their documents, and either name finds both."""

from __future__ import annotations

from pathlib import Path

from graph.search import Filters, list_instruments
from ingest.issuers import related_provinces
from ingest.tables import PROVINCE_SUCCESSORS, PROVINCES

from .conftest import cites, plan, store_of


def test_the_successor_table():
    present = set(PROVINCES) - set(PROVINCE_SUCCESSORS)
    assert len(present) == 34
    assert all(successor in present for successor, _ in PROVINCE_SUCCESSORS.values())
    assert related_provinces("Bắc Ninh") == {"Bắc Ninh", "Bắc Giang"}
    assert related_provinces("Phú Thọ") == {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"}
    assert related_provinces("Sơn La") == {"Sơn La"}


def test_a_merged_province_repeals_a_regulation_of_its_former_part():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 451/QĐ-UBND\nBắc Ninh, ngày 20 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
            "Bãi bỏ Quyết định số 15/2021/QĐ-UBND ngày 03/5/2021 của UBND tỉnh Bắc Giang\nĐiều 1. Bãi bỏ.\n")
    assert cites(text)["15/2021/QĐ-UBND"]["jurisdiction"] == "Bắc Giang"


def test_a_query_by_either_name_finds_both(tmp_path: Path):
    store = store_of(tmp_path, {"old.txt": plan("Bắc Giang", "88/KH-UBND", "02/3/2024", "I. MỤC ĐÍCH"),
                                "new.txt": plan("Bắc Ninh", "12/KH-UBND", "02/9/2025", "I. MỤC ĐÍCH")})
    for name in ("Bắc Giang", "bac ninh"):
        total, rows = list_instruments(store, Filters(jurisdiction=name, in_corpus=True))
        assert total == 2 and {r.jurisdiction for r in rows} == {"Bắc Giang", "Bắc Ninh"}
    merged = store.query("ASK { ?old lex:mergedInto ?new ; lex:mergedOn ?on . ?new skos:prefLabel 'Bắc Ninh'@vi }")
    assert bool(merged)
    store.close()
