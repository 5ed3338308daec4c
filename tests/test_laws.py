"""The law catalogue: package data that ends law names and joins a law by name to the law by number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph import queries as Q
from ingest.laws import catalogue, fold

from .conftest import cites, plan, store_of


def test_the_catalogue_is_package_data_with_sources():
    laws = catalogue().laws
    assert len(laws) > 150
    assert {law.source for law in laws} <= {"corpus", "text"}
    numbers = [law.number for law in laws]
    assert len(numbers) == len(set(numbers))
    for law in laws:
        assert law.title.startswith(law.type + " ") and law.number.split("/")[1] == str(law.passed.year)
        assert law.in_force is None or law.in_force >= law.passed
        assert law.replaces is None or catalogue().by_number[law.replaces].title.casefold() in (
            law.title.casefold(), catalogue().by_number[law.replaces].title.casefold())
        assert all(n in catalogue().by_number for n in law.amends)


@pytest.mark.parametrize(("sentence", "title"), [
    ("Căn cứ Luật Phòng, chống tác hại của rượu, bia ngày 14 tháng 6 năm 2019;", "Luật Phòng, chống tác hại của rượu, bia"),
    ("Căn cứ Luật Bảo vệ, chăm sóc và giáo dục trẻ em; Luật Trẻ em năm 2016.", "Luật Bảo vệ, chăm sóc và giáo dục trẻ em"),
    ("theo Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ năm 2024 và các văn bản hướng dẫn",
     "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ"),
    ("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo ngày 27 tháng 6 năm 2025;",
     "Luật Khoa học, công nghệ và đổi mới sáng tạo"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối "
     "tác công tư và Luật Đấu thầu ngày 29 tháng 11 năm 2024;",
     "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác "
     "công tư và Luật Đấu thầu"),
    # a law the catalogue does not hold still ends at the first clause break
    ("Căn cứ Luật Thủ đô ngày 28 tháng 6 năm 2024; Luật Phòng không nhân dân ngày 20 tháng 6 năm 2024.",
     "Luật Phòng không nhân dân"),
])
def test_law_names_end_where_their_title_ends(sentence, title):
    assert title in cites(sentence)


def test_ocr_fragments_after_luat_are_no_name():
    found = cites("Căn cứ Luật\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.")
    assert not any(k.startswith("Luật") for k in found)


@pytest.mark.parametrize(("title", "when", "year", "cited_on", "numbers"), [
    ("Luật Đầu tư công", date(2019, 6, 13), None, None, ["39/2019/QH14"]),
    ("Luật Đầu tư công", None, 2024, None, ["58/2024/QH15"]),
    ("Luật Đầu tư công", None, None, date(2022, 2, 18), ["39/2019/QH14"]),
    # passed but not yet in force when cited: either edition may be meant, so both are said
    ("Luật đầu tư công", None, None, date(2024, 12, 10), ["39/2019/QH14", "58/2024/QH15"]),
    ("Luật Đầu tư công", None, None, None, ["49/2014/QH13", "39/2019/QH14", "58/2024/QH15"]),
    ("Luật phòng chống tham nhũng", None, None, None, ["36/2018/QH14"]),
    ("Luật Chưa Có Trong Danh Mục", None, None, date(2025, 1, 1), []),
])
def test_which_edition_a_name_means(title, when, year, cited_on, numbers):
    assert [law.number for law in catalogue().editions(title, when, year, cited_on)] == numbers


def test_a_name_and_a_number_in_one_document_are_one_citation():
    found = cites("Căn cứ Luật Đầu tư công số 39/2019/QH14 ngày 13/6/2019;\nTheo quy định của Luật Đầu tư công, "
                  "các dự án phải được phê duyệt. Luật Đất đai ngày 29 tháng 11 năm 2013 và Luật Đất đai số 45/2013/QH13.")
    assert set(found) == {"39/2019/QH14", "45/2013/QH13"}


def test_the_record_says_what_the_catalogue_decided():
    found = cites("Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013; Luật Đầu tư công; Luật Phòng không nhân dân.")
    assert found["Luật Đất đai"]["catalogue"] == ["45/2013/QH13"]
    assert found["Luật Đầu tư công"]["catalogue"] == ["49/2014/QH13", "39/2019/QH14", "58/2024/QH15"]
    assert found["Luật Phòng không nhân dân"]["catalogue"] == []
    assert fold("Luật Phòng, chống  tham nhũng") == fold("luật phòng chống tham nhũng")


def test_a_law_by_name_and_by_number_is_one_node(tmp_path: Path):
    store = store_of(tmp_path, {
        "a.txt": plan("Nam Định", "12/KH-UBND", "18/2/2022", "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;"),
        "b.txt": plan("Thái Bình", "30/KH-UBND", "10/3/2022", "Căn cứ Luật Đầu tư công số 39/2019/QH14;\n"
                      "I. MỤC ĐÍCH\nTheo Luật Đầu tư công."),
        "c.txt": plan("Hà Nam", "7/KH-UBND", "10/5/2022", "Căn cứ Luật Đầu tư công;"),
    })
    law = Q.lookup_one(store, "39/2019/QH14", 2019)
    assert str(law).endswith("/eli/vn/qh/2019/luat/39")
    assert {r.other.label for r in Q.cited_by(store, law)} == {"Kế hoạch 12/KH-UBND", "Kế hoạch 30/KH-UBND",
                                                             "Kế hoạch 7/KH-UBND"}
    store.close()
