"""Typed relations: `implements` from the title or opening, `based_on` from the opening "Căn cứ" clauses."""

from __future__ import annotations

import pytest

from ingest import extract_text

from .conftest import RAW, cites

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 99/KH-UBND\n"
        "Nghệ An, ngày 01 tháng 6 năm 2023\n")


BASES = (HEAD + "KẾ HOẠCH\nPhát triển du lịch năm 2023\nCĂN CỨ PHÁP LÝ\n- Nghị quyết số 07/2021/NQ-HĐND ngày "
         "15/3/2021 của HĐND tỉnh về phát triển du lịch;\n- Luật Phòng, chống tác hại của rượu, bia ngày 14 tháng 6 "
         "năm 2019;\nXét đề nghị của Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 20/5/2023;\nI. MỤC ĐÍCH\n")
SHARED = (HEAD + "KẾ HOẠCH\nPhát triển kinh tế tư nhân\nThực hiện Kế hoạch số 21-KH/TU ngày 01/6/2025 của Tỉnh ủy "
          "và Kế hoạch số 37/KH-UBND ngày 3/6/2025 của UBND tỉnh thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 "
          "của Bộ Chính trị về phát triển kinh tế tư nhân, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")


def relations(text: str) -> dict[str, list[str]]:
    return {k: v["relations"] for k, v in cites(text).items()}


# (document text, number, expected relations)
CASES = [
    # seed 000: the title implements 11/NQ-CP only; 43/2022/QH15 sits inside its subject phrase
    ((RAW / "000_621a5b53acb9bbf6.txt").read_text(encoding="utf-8"), "11/NQ-CP", ["implements"]),
    ((RAW / "000_621a5b53acb9bbf6.txt").read_text(encoding="utf-8"), "43/2022/QH15", []),
    # seed 004: basis clauses; the nested 43/2022/QH15 is not itself a basis
    ((RAW / "004_7b5221423f9702f2.txt").read_text(encoding="utf-8"), "11/NQ-CP", ["based_on"]),
    ((RAW / "004_7b5221423f9702f2.txt").read_text(encoding="utf-8"), "43/2022/QH15", []),
    ((RAW / "004_7b5221423f9702f2.txt").read_text(encoding="utf-8"), "126/CĐ-TTg", ["based_on"]),
    # seed 002: title implements the city programme, not the Politburo conclusion it implements
    ((RAW / "002_fef4242a5e16bd21.txt").read_text(encoding="utf-8"), "14-CTr/TU", ["implements"]),
    ((RAW / "002_fef4242a5e16bd21.txt").read_text(encoding="utf-8"), "07-KL/TW", []),
    # seed 001: a title naming no number implements the bases of the issuers it names
    ((RAW / "001_030364c029553610.txt").read_text(encoding="utf-8"), "68/2022/QH15", ["implements", "based_on"]),
    ((RAW / "001_030364c029553610.txt").read_text(encoding="utf-8"), "14-NQ/TU", ["implements", "based_on"]),
    # seed 003: "Căn cứ" clause ends at "; Ủy ban nhân dân thành phố đã ban hành ..."
    ((RAW / "003_779b9acbcfade3d7.txt").read_text(encoding="utf-8"), "48/NQ-HĐND", ["based_on"]),
    ((RAW / "003_779b9acbcfade3d7.txt").read_text(encoding="utf-8"), "2868/QĐ-UBND", []),
    # other documents
    (HEAD + "KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 20/CT-TTg ngày 08/5/2020 của Thủ tướng Chính phủ\n"
     "I. MỤC ĐÍCH\n1. Thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023.\n", "20/CT-TTg", ["implements"]),
    (HEAD + "KẾ HOẠCH\nTriển khai thực hiện Chỉ thị số 20/CT-TTg ngày 08/5/2020 của Thủ tướng Chính phủ\n"
     "I. MỤC ĐÍCH\n1. Thực hiện Nghị quyết số 01/NQ-CP ngày 06/01/2023.\n", "01/NQ-CP", []),
    (HEAD + "KẾ HOẠCH\nCông tác cải cách hành chính năm 2023\nThực hiện Quyết định số 1291/QĐ-TTg ngày "
     "07/10/2019 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n",
     "1291/QĐ-TTg", ["implements"]),
    (HEAD + "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\nỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị định số 30/2020/NĐ-CP "
     "ngày 05/3/2020 của Chính phủ về công tác văn thư;\nXét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số "
     "45/TTr-SNV ngày 10/5/2023.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n", "30/2020/NĐ-CP", ["based_on"]),
    (HEAD + "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\nỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị định số 30/2020/NĐ-CP "
     "ngày 05/3/2020 của Chính phủ về công tác văn thư;\nXét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số "
     "45/TTr-SNV ngày 10/5/2023.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n", "45/TTr-SNV", []),
    (HEAD + "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\n"
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n",
     "Luật Tổ chức chính quyền địa phương", ["based_on"]),
    (HEAD + "KẾ HOẠCH\nVề công tác năm 2023\nI. NỘI DUNG\n- Căn cứ hướng dẫn của Bộ Tài chính tại văn bản số "
     "15292/BTC-QLĐT ngày 28/12/2021, các sở xây dựng dự toán.\n", "15292/BTC-QLĐT", []),
    (HEAD + "CHƯƠNG TRÌNH\nHành động thực hiện Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị và "
     "Nghị quyết số 148/NQ-CP ngày 11/11/2022 của Chính phủ\nI. MỤC TIÊU\n", "148/NQ-CP", ["implements"]),
    # a "CĂN CỨ PHÁP LÝ" section lists bases; the submission after it is none
    (BASES, "07/2021/NQ-HĐND", ["based_on"]),
    (BASES, "Luật Phòng, chống tác hại của rượu, bia", ["based_on"]),
    (BASES, "45/TTr-SNV", []),
    # "I. Cơ sở pháp lý" as the plan's first section, numbered items
    (HEAD + "KẾ HOẠCH\nChuyển đổi số năm 2025\nI. CƠ SỞ PHÁP LÝ\n1. Nghị quyết số 57-NQ/TW ngày 22/12/2024 của "
     "Bộ Chính trị;\n2. Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.\nII. MỤC ĐÍCH, YÊU CẦU\n"
     "1. Thực hiện Quyết định số 942/QĐ-TTg ngày 15/6/2021.\n", "749/QĐ-TTg", ["based_on"]),
    (HEAD + "KẾ HOẠCH\nChuyển đổi số năm 2025\nI. CƠ SỞ PHÁP LÝ\n1. Nghị quyết số 57-NQ/TW ngày 22/12/2024 của "
     "Bộ Chính trị;\n2. Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.\nII. MỤC ĐÍCH, YÊU CẦU\n"
     "1. Thực hiện Quyết định số 942/QĐ-TTg ngày 15/6/2021.\n", "942/QĐ-TTg", []),
    # a procedure's basis in an annex is not the document's
    (HEAD + "QUYẾT ĐỊNH\nCông bố thủ tục hành chính\nĐiều 1. Công bố.\nNơi nhận:\n- Lưu: VT.\nPHỤ LỤC\n"
     "l) Căn cứ pháp lý của thủ tục hành chính: Thông tư số 12/2024/TT-BYT ngày 01/7/2024.\n",
     "12/2024/TT-BYT", []),
    # Party-style basis lines
    (HEAD + "KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\n- Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của "
     "Bộ Chính trị;\n- Căn cứ Kế hoạch số 01-KH/BCĐTW, ngày 15/01/2025 của Ban Chỉ đạo Trung ương;\n"
     "Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:\nI. MỤC TIÊU\n", "01-KH/BCĐTW", ["based_on"]),
    # a meeting's conclusions on the carrying out of a resolution do not carry it out
    ("VĂN PHÒNG CHÍNH PHỦ\nSố: 272/TB-VPCP\nHà Nội, ngày 10 tháng 8 năm 2023\nTHÔNG BÁO\nKết luận của Phó Thủ "
     "tướng về tình hình thực hiện Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ\nNgày 5/8/2023, Phó "
     "Thủ tướng chủ trì họp.\n", "11/NQ-CP", []),
    # a decision issuing an action programme implements what the title names, not every basis
    (HEAD + "QUYẾT ĐỊNH\nBan hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ "
     "Chính trị\nCăn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ;\nCăn cứ Kế hoạch số 45-KH/TU "
     "ngày 5/3/2025 của Tỉnh ủy;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n", "03/NQ-CP", ["based_on"]),
    # "Thực hiện A và B thực hiện C": the document carries out A and B
    (SHARED, "21-KH/TU", ["implements"]),
    (SHARED, "37/KH-UBND", ["implements"]),
]


@pytest.mark.parametrize(("text", "number", "expected"), CASES)
def test_relations(text, number, expected):
    assert relations(text)[number] == expected


def test_subject_phrase_records_what_the_cited_instrument_does():
    found = cites((RAW / "000_621a5b53acb9bbf6.txt").read_text(encoding="utf-8"))
    links = {(link["relation"], link["number"]) for link in found["11/NQ-CP"]["links"]}
    assert ("implements", "43/2022/QH15") in links
    chain = {(link["relation"], link["number"]) for link in found["202/KH-UBND"]["links"]}
    assert ("implements", "98/NQ-CP") in chain


def test_every_mention_keeps_its_offsets_and_sentence():
    text = (RAW / "000_621a5b53acb9bbf6.txt").read_text(encoding="utf-8")
    found = cites(text)
    for mention in found["59-NQ/TW"]["mentions"]:
        assert " ".join(text[mention["start"]:mention["end"]].split()).startswith("Nghị quyết số 59-NQ/TW")
        assert "59-NQ/TW" in mention["sentence"]


def test_unstructured_letter_has_no_basis_deep_in_its_text():
    filler = "Các sở, ngành tiếp tục rà soát, tổng hợp và báo cáo kết quả thực hiện nhiệm vụ được giao. " * 40
    text = (HEAD + "CÔNG VĂN\nV/v triển khai nhiệm vụ\nKính gửi: Các sở, ngành\n" + filler
            + "\nCăn cứ Nghị quyết số 01/NQ-CP ngày 06/01/2023 của Chính phủ, các đơn vị chủ động triển khai.\n")
    assert relations(text)["01/NQ-CP"] == []


def test_passive_verb_reverses_the_described_link():
    # 002_fef4242a5e16bd21.txt: the conclusion is carried out by the programme, not the other way round.
    text = ("ngày 28 tháng 9 năm 2016, Bộ Chính trị ban hành Kết luận số 07-KL/TW ngày 28/9/2016, được cụ thể hóa "
            "bằng Chương trình số 14-CTr/TU ngày 16/01/2017 của Thành ủy Cần Thơ, nhằm khai thác đúng mức những thế mạnh.")
    found = cites(text)
    assert found["07-KL/TW"]["links"] == []
    assert [(k["relation"], k["number"]) for k in found["14-CTr/TU"]["links"]] == [("implements", "07-KL/TW")]


def test_semicolon_ends_the_subject_phrase_of_a_basis_item():
    # 003_779b9acbcfade3d7.txt: 45/2022/QH15 is the next item of the list, not something 98/NQ-CP implements.
    text = ("Nghị quyết số 98/NQ-CP ngày 30 tháng 8 năm 2021 của Chính phủ về việc ban hành Chương trình hành động "
            "thực hiện Nghị quyết số 59-NQ/TW của Bộ Chính trị; Nghị quyết số 45/2022/QH15 ngày 11 tháng 01 năm 2022 "
            "của Quốc hội về thí điểm một số cơ chế, chính sách đặc thù phát triển thành phố Cần Thơ;")
    found = cites(text)
    assert [(k["relation"], k["number"]) for k in found["98/NQ-CP"]["links"]] == [("implements", "59-NQ/TW")]


def test_a_description_after_a_list_describes_every_item():
    found = cites(SHARED)
    for plan in ("21-KH/TU", "37/KH-UBND"):
        assert [(k["relation"], k["number"]) for k in found[plan]["links"]] == [("implements", "68-NQ/TW")]


def test_one_citation_for_an_issuer_written_two_ways():
    text = (HEAD + "KẾ HOẠCH\nX\nI. NỘI DUNG\nNghị quyết số 12/NQ-HĐND ngày 10/12/2024 của HĐND tỉnh; Nghị quyết "
            "12/NQ-HĐND của Hội đồng nhân dân tỉnh Nghệ An; Kế hoạch 21-KH/TU của Tỉnh ủy và Kế hoạch số 21-KH/TU "
            "của Tỉnh ủy Nghệ An.\n")
    found = extract_text(text).to_json()["citations"]
    assert sorted((c["number"], c["jurisdiction"]) for c in found) == [("12/NQ-HĐND", "Nghệ An"), ("21-KH/TU", "Nghệ An")]


def test_numbered_parts_and_programmes_named_by_number_are_not_citations():
    text = (HEAD + "CHƯƠNG TRÌNH\nX\nI. NỘI DUNG\nTriển khai Dự án 1, Dự án 2 và Tiểu dự án 3 của Chương trình; "
            "lồng ghép Chương trình 135 theo Quyết định số 06/QĐ-TTg ngày 06/01/2022.\n")
    assert set(cites(text)) == {"06/QĐ-TTg"}


def test_a_date_written_with_nam():
    text = "theo Chỉ thị số 05-CT/TW năm 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập"
    assert cites(text)["05-CT/TW"]["date"] == "2016-05-15"
