"""The document's own identity: header, type heading, title, signer; nothing guessed."""

from __future__ import annotations

from ingest import extract_file, extract_text

from .conftest import RAW


def doc(text: str) -> dict:
    return extract_text(text).to_json()["document"]


def test_seed_header_fields():
    d = extract_file(RAW / "000_621a5b53acb9bbf6.txt").to_json()["document"]
    assert (d["type"], d["number"], d["date"], d["jurisdiction"], d["signer"]) == (
        "Kế hoạch", "35/KH-UBND", "2022-02-18", "Cần Thơ", "Trần Việt Trường")
    assert d["issuer"] == "Ủy ban nhân dân thành phố Cần Thơ"
    assert d["title"].startswith("THỰC HIỆN NGHỊ QUYẾT SỐ 11/NQ-CP")


def test_headerless_seed_keeps_nulls_but_finds_province_and_signer():
    d = extract_file(RAW / "003_779b9acbcfade3d7.txt").to_json()["document"]
    assert d["number"] is None and d["date"] is None
    assert (d["type"], d["jurisdiction"], d["signer"]) == ("Chỉ thị", "Cần Thơ", "Trần Việt Trường")


def test_markdown_header_with_spaced_number():
    d = extract_file(RAW / "001_030364c029553610.txt").to_json()["document"]
    assert (d["number"], d["date"], d["jurisdiction"]) == ("22/KH-UBND", "2023-02-06", "Cần Thơ")
    assert d["title"].startswith("Thực hiện Nghị quyết của Quốc hội")


def test_party_header_and_upper_case_signer():
    d = doc("---\ntitle: x\n---\nTỈNH ỦY BẮC NINH\n*\nSố 15-CT/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Bắc Ninh, ngày 10 tháng 3 năm 2023\nCHỈ THỊ\nvề tăng cường chuyển đổi số\n\nNội dung.\n"
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nNGUYỄN ANH TUẤN\n")
    assert (d["type"], d["number"], d["date"], d["jurisdiction"], d["signer"]) == (
        "Chỉ thị", "15-CT/TU", "2023-03-10", "Bắc Ninh", "Nguyễn Anh Tuấn")


def test_central_decree_has_no_jurisdiction():
    d = doc("CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/2022/NĐ-CP | Hà Nội, ngày 28 tháng 01 năm "
            "2022\nNGHỊ ĐỊNH\nQUY ĐỊNH CHÍNH SÁCH MIỄN, GIẢM THUẾ\nCăn cứ Luật Tổ chức Chính phủ;\nĐiều 1. X\n"
            "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nLê Minh Khái\n")
    assert (d["type"], d["number"], d["jurisdiction"], d["issuer"], d["signer"]) == (
        "Nghị định", "15/2022/NĐ-CP", None, "Chính phủ", "Lê Minh Khái")


def test_document_never_cites_itself():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 12/KH-UBND\nLong An, ngày 01 tháng 3 năm 2024\nKẾ HOẠCH\n"
            "Về việc X\nI. NỘI DUNG\nKế hoạch số 12/KH-UBND ngày 01/3/2024 này thay thế Kế hoạch số "
            "12/KH-UBND ngày 05/01/2023 của UBND tỉnh.\n")
    found = extract_text(text).to_json()["citations"]
    assert [(c["number"], c["date"]) for c in found] == [("12/KH-UBND", "2023-01-05")]


def test_nothing_stated_nothing_returned():
    d = doc("Một đoạn văn không có tiêu đề, không số, không ngày.")
    assert all(d[k] is None for k in ("type", "number", "date", "jurisdiction", "signer", "issuer"))
