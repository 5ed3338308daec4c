"""Entry into force, changes a document makes, and article-level citations, read from realistic sentences.

Each text is a short document of its own: a header of some province or central body, and the clause the
rule was written for, worded as real documents word it (see `../shared/corpus/tvpl-2025`).
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.extract import extract_text
from ingest.records import Record


def document(body: str, kind: str = "QUYẾT ĐỊNH", title: str = "Ban hành Quy định quản lý cụm công nghiệp",
             number: str = "45/2025/QĐ-UBND", issuer: str = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI",
             dated: str | None = "Gia Lai, ngày 12 tháng 12 năm 2025",
             bases: str = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;") -> Record:
    """A document with a header, its legal bases and `body`."""
    header = f"{issuer}\nSố: {number}\n{dated or ''}\n\n{kind}\n{title}\n\n{bases}\n\nQUYẾT ĐỊNH:\n\n"
    return extract_text(header + body)


def changes(record: Record) -> set[tuple[str, str | None]]:
    return {(change.relation, c.number or c.title) for c in record.citations for change in c.changes}


def change(record: Record, number: str):
    (found,) = [ch for c in record.citations if (c.number or c.title) == number for ch in c.changes]
    return found


def articles(record: Record, number: str) -> tuple[str, ...]:
    return tuple(str(a) for a in change(record, number).articles)


def subdivisions(record: Record) -> dict[str | None, tuple[str, ...]]:
    return {c.number or c.title: tuple(str(s) for s in c.subdivisions) for c in record.citations if c.subdivisions}


# Entry into force.

@pytest.mark.parametrize(("clause", "expected"), [
    ("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026.", date(2026, 1, 1)),
    ("Điều 3. Quyết định này có hiệu lực kể từ ngày 22/12/2025.", date(2025, 12, 22)),
    ("Điều 3. Quyết định này có hiệu lực từ ngày 05-01-2026.", date(2026, 1, 5)),
    ("Điều 4. Quyết định có hiệu lực thi hành từ ngày 15 tháng 01 năm 2026.", date(2026, 1, 15)),
    ("Điều 4. Quyết định này có hiệu lực thi hành kế từ ngày 20/01/2026.", date(2026, 1, 20)),  # a typing slip
    ("Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.", date(2025, 12, 22)),
    ("**Quyết định này có hiệu\nlực thi hành kể từ ngày 01 tháng 02 năm 2026.**", date(2026, 2, 1)),
    # Dates by category: the first is the document's entry into force (Huế, 2025).
    ("Điều 2. Quyết định này có hiệu lực thi hành:\n1. Kể từ ngày 15 tháng 11 năm 2025 đối với thủ tục hành chính "
     "tại Phụ lục I.\n2. Kể từ ngày 01 tháng 01 năm 2026 đối với thủ tục tại Phụ lục II.", date(2025, 11, 15)),
])
def test_effective_date_in_its_spellings(clause: str, expected: date) -> None:
    record = document(clause)
    assert record.effective is not None and record.effective.date == expected
    assert not record.effective.from_signing


@pytest.mark.parametrize("clause", [
    "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành.",
    "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ban hành.",
    "Điều 3. Quyết định này có hiệu lực từ ngày ký và ban hành.",
    "Điều 3. Hiệu lực thi hành Quyết định này có hiệu lực thi hành kể ngày ký.",
    "Điều 4. Quyết định này có hiệu lực kể từ ngày được Hội đồng nhân dân tỉnh thông qua.",
])
def test_effective_from_signing_is_the_documents_own_date(clause: str) -> None:
    record = document(clause)
    assert record.effective is not None
    assert (record.effective.date, record.effective.from_signing) == (date(2025, 12, 12), True)


def test_from_signing_without_a_stated_date_is_null_not_a_guess() -> None:
    record = document("Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", dated=None)
    assert record.effective is not None
    assert (record.effective.date, record.effective.from_signing) == (None, True)


def test_a_period_gives_its_end() -> None:
    # Bộ Tư pháp, 3303/QĐ-BTP: a decision that applies for a stated period.
    record = document("Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2025 đến hết ngày 31 tháng 12 "
                      "năm 2026.", issuer="BỘ TƯ PHÁP", number="3303/QĐ-BTP", dated="Hà Nội, ngày 19 tháng 11 năm 2025")
    assert record.effective is not None
    assert (record.effective.date, record.effective.until) == (date(2025, 7, 1), date(2026, 12, 31))


def test_force_and_application_given_apart() -> None:
    record = document("Điều 5. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026. Mức hỗ trợ quy định tại "
                      "Điều 2 Nghị quyết này được áp dụng từ ngày 01 tháng 7 năm 2025.", kind="NGHỊ QUYẾT",
                      number="24/2025/NQ-HĐND", issuer="HỘI ĐỒNG NHÂN DÂN\nTỈNH ĐỒNG THÁP")
    assert record.effective is not None and record.effective.date == date(2026, 1, 1)


def test_council_resolution_passed_then_in_force() -> None:
    record = document("Nghị quyết này đã được Hội đồng nhân dân tỉnh Gia Lai khóa XII, Kỳ họp thứ 30 thông qua "
                      "ngày 09 tháng 12 năm 2025 và có hiệu lực từ ngày 20 tháng 12 năm 2025./.", kind="NGHỊ QUYẾT",
                      number="61/2025/NQ-HĐND", issuer="HỘI ĐỒNG NHÂN DÂN\nTỈNH GIA LAI")
    assert record.effective is not None and record.effective.date == date(2025, 12, 20)


def test_clause_inside_another_article_and_joined_to_a_replacement() -> None:
    # Ban Bí thư, Quy định 383-QĐ/TW: the subject opens the sentence, the force clause ends it.
    record = document("Điều 20. Quy định này thay thế Quy định số 270-QĐ/TW, ngày 06/12/2014 của Ban Bí thư về "
                      "Phông lưu trữ Đảng Cộng sản Việt Nam và có hiệu lực thi hành kể từ ngày ký.", kind="QUY ĐỊNH",
                      number="383-QĐ/TW", issuer="BAN CHẤP HÀNH TRUNG ƯƠNG\n*", dated="Hà Nội, ngày 19 tháng 11 năm 2025")
    assert record.effective is not None
    assert (record.effective.date, record.effective.from_signing) == (date(2025, 11, 19), True)
    assert changes(record) == {("replaces", "270-QĐ/TW")}


@pytest.mark.parametrize("clause", [
    # Another instrument's date, in a parenthesis or with its number.
    "Điều 2. Thực hiện theo Nghị định số 15/2020/NĐ-CP (Nghị định này có hiệu lực từ ngày 15 tháng 4 năm 2020).",
    "Xem thêm chi tiết tại Nghị quyết 08/2025/NQ-CP có hiệu lực từ ngày 26/11/2025.",
    # A transitional clause names no date of this document.
    "Điều 4. Hồ sơ đã nộp trước ngày Quyết định này có hiệu lực thì tiếp tục giải quyết theo quy định cũ.",
    # A letter quoting a decree's clause.
    "Tại Điều 2 quy định: “1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024 đến hết ngày 31 "
    "tháng 12 năm 2024.”",
])
def test_dates_of_other_instruments_are_not_this_documents(clause: str) -> None:
    assert document(clause).effective is None


def test_retroactive_window_is_not_the_effective_date() -> None:
    record = document("Điều 3. Nghị quyết này có hiệu lực kể từ ngày ký. Chế độ hỗ trợ quy định tại Nghị quyết này "
                      "được thực hiện từ ngày 01 tháng 01 năm 2025.", kind="NGHỊ QUYẾT", number="12/2025/NQ-HĐND",
                      issuer="HỘI ĐỒNG NHÂN DÂN\nTỈNH LÀO CAI")
    assert record.effective is not None and record.effective.date == date(2025, 12, 12)


# Changes this document makes.

def test_single_replacement_in_the_force_sentence() -> None:
    record = document("Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025 và thay thế "
                      "Quyết định số 12/2020/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Gia Lai.")
    assert changes(record) == {("replaces", "12/2020/QĐ-UBND")}
    found = change(record, "12/2020/QĐ-UBND")
    assert found.whole and found.articles == () and "thay thế" in found.sentence and found.quote == "thay thế"


def test_lettered_list_of_repealed_instruments() -> None:
    record = document("Điều 1. Bãi bỏ toàn bộ các quyết định sau:\n"
                      "a) Quyết định số 10/2016/QĐ-UBND ngày 21/3/2016 của UBND tỉnh ban hành Quy định chức năng của "
                      "Sở Ngoại vụ;\nb) Quyết định số 14/2022/QĐ-UBND ngày 15/6/2022 của UBND tỉnh về sửa đổi, bổ sung "
                      "Quyết định số 10/2016/QĐ-UBND.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                      issuer="ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", number="84/2025/QĐ-UBND")
    assert changes(record) == {("repeals", "10/2016/QĐ-UBND"), ("repeals", "14/2022/QĐ-UBND")}


def test_semicolon_list_of_replaced_instruments() -> None:
    record = document("2. Nghị định này thay thế các Nghị định sau: Nghị định số 123/2016/NĐ-CP ngày 01 tháng 9 năm "
                      "2016 của Chính phủ quy định chức năng của bộ; Nghị định số 101/2020/NĐ-CP ngày 28 tháng 8 năm "
                      "2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 123/2016/NĐ-CP.",
                      kind="NGHỊ ĐỊNH", issuer="CHÍNH PHỦ", number="25/2025/NĐ-CP", dated="Hà Nội, ngày 21 tháng 02 năm 2025")
    assert changes(record) == {("replaces", "123/2016/NĐ-CP"), ("replaces", "101/2020/NĐ-CP")}


def test_replacement_in_a_council_resolutions_closing_line() -> None:
    record = document("Nghị quyết này đã được Hội đồng nhân dân thành phố Hà Nội khóa XVI, kỳ họp thứ 28 thông qua "
                      "ngày 26 tháng 11 năm 2025 và thay thế Nghị quyết số 10/2021/NQ-HĐND ngày 23 tháng 9 năm 2021 của "
                      "Hội đồng nhân dân Thành phố.", kind="NGHỊ QUYẾT", number="51/2025/NQ-HĐND",
                      issuer="HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI")
    assert changes(record) == {("replaces", "10/2021/NQ-HĐND")}


def test_whole_repeal_in_title_preamble_and_article_is_one_change() -> None:
    record = document(
        "Điều 1. Bãi bỏ Quyết định số 636/QĐ-UBND ngày 17/3/2025 của UBND tỉnh Quảng Nam về việc triển khai mua "
        "sắm trang thiết bị dạy học.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        title="Bãi bỏ Quyết định số 636/QĐ-UBND ngày 17/3/2025 của UBND tỉnh Quảng Nam",
        bases="Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nCăn cứ Luật Quản lý, sử dụng tài sản "
              "công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 64/2020/QH14;\n\nỦy ban nhân dân tỉnh ban "
              "hành Quyết định bãi bỏ Quyết định số 636/QĐ-UBND ngày 17/3/2025 của UBND tỉnh Quảng Nam.",
        issuer="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", number="2638/QĐ-UBND")
    assert changes(record) == {("repeals", "636/QĐ-UBND")}
    assert change(record, "636/QĐ-UBND").whole


def test_circular_repeals_a_joint_circular() -> None:
    record = document("Điều 1. Bãi bỏ Thông tư liên tịch số 07/2013/TTLT-BGDĐT-BNV-BTC ngày 08 tháng 03 năm 2013 "
                      "của Bộ trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Nội vụ và Bộ trưởng Bộ Tài chính.",
                      kind="THÔNG TƯ", title="Bãi bỏ Thông tư liên tịch hướng dẫn chế độ trả lương dạy thêm giờ",
                      issuer="BỘ GIÁO DỤC VÀ ĐÀO TẠO", number="21/2025/TT-BGDĐT", dated="Hà Nội, ngày 04 tháng 10 năm 2025")
    assert changes(record) == {("repeals", "07/2013/TTLT-BGDĐT-BNV-BTC")}


def test_expiry_from_this_documents_entry_into_force() -> None:
    record = document("Điều 6. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026.\nNghị quyết số 20/2022/NQ-HĐND "
                      "ngày 12 tháng 9 năm 2022 của HĐND Thành phố quy định một số nội dung chi đặc thù hết hiệu lực kể "
                      "từ ngày Nghị quyết này có hiệu lực thi hành.", kind="NGHỊ QUYẾT", number="55/2025/NQ-HĐND",
                      issuer="HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI")
    assert changes(record) == {("repeals", "20/2022/NQ-HĐND")}
    assert change(record, "20/2022/NQ-HĐND").effective is None


def test_expiry_of_an_instrument_whose_title_holds_a_semicolon() -> None:
    # Hà Nội, 78/2025/NQ-HĐND: the expiring resolution's own title has a ";" in it.
    record = document("2. Bãi bỏ khoản 1 Điều 3 Nghị quyết số 22/2024/NQ-HĐND ngày 04 tháng 10 năm 2024 của Hội đồng "
                      "nhân dân thành phố.\n3. Nghị quyết số 01/2024/NQ-HĐND ngày 29 tháng 3 năm 2024 của Hội đồng nhân "
                      "dân thành phố Hà Nội về việc quy định mức phân bổ kinh phí xây dựng văn bản; quy định mức chi "
                      "bảo đảm cho công tác kiểm tra văn bản hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi "
                      "hành.", kind="NGHỊ QUYẾT", number="78/2025/NQ-HĐND", issuer="HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI")
    assert changes(record) == {("repeals", "22/2024/NQ-HĐND"), ("repeals", "01/2024/NQ-HĐND")}
    assert articles(record, "22/2024/NQ-HĐND") == ("khoản 1 Điều 3",) and change(record, "01/2024/NQ-HĐND").whole


def test_expiry_without_a_date_in_its_own_sentence() -> None:
    record = document("Điều 4. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2026.\nQuyết định số 07/2019/QĐ-UBND "
                      "ngày 15/3/2019 của UBND tỉnh Kon Tum hết hiệu lực thi hành.",
                      issuer="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", number="70/2025/QĐ-UBND")
    assert changes(record) == {("repeals", "07/2019/QĐ-UBND")}


def test_expiry_list_with_different_dates() -> None:
    record = document("Điều 7. Hiệu lực thi hành\n1. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2026.\n"
                      "2. Quyết định số 05/2020/QĐ-UBND ngày 01/02/2020 của UBND tỉnh hết hiệu lực kể từ ngày 01 "
                      "tháng 01 năm 2026.\n3. Quyết định số 17/2021/QĐ-UBND ngày 10/5/2021 của UBND tỉnh hết hiệu lực "
                      "kể từ ngày 01 tháng 7 năm 2026.", issuer="ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", number="95/2025/QĐ-UBND")
    assert changes(record) == {("repeals", "05/2020/QĐ-UBND"), ("repeals", "17/2021/QĐ-UBND")}
    assert change(record, "05/2020/QĐ-UBND").effective == date(2026, 1, 1)
    assert change(record, "17/2021/QĐ-UBND").effective == date(2026, 7, 1)


def test_expiry_with_an_exception() -> None:
    record = document("Các Quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành: Quyết định "
                      "số 68/2024/QĐ-UBND ngày 10/10/2024, Quyết định số 41/2017/QĐ-UBND ngày 01/9/2017 của UBND tỉnh, "
                      "trừ Quyết định số 22/2019/QĐ-UBND ngày 02/7/2019 của UBND tỉnh.",
                      issuer="ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", number="138/2025/QĐ-UBND")
    assert changes(record) == {("repeals", "68/2024/QĐ-UBND"), ("repeals", "41/2017/QĐ-UBND")}


def test_partial_repeal_names_its_articles() -> None:
    record = document("Điều 2. Bãi bỏ khoản 2 Điều 5 và Điều 7 của Quy định ban hành kèm theo Quyết định số "
                      "12/2020/QĐ-UBND ngày 05/3/2020 của UBND tỉnh Bình Định (nay là tỉnh Gia Lai).")
    assert changes(record) == {("repeals", "12/2020/QĐ-UBND")}
    found = change(record, "12/2020/QĐ-UBND")
    assert articles(record, "12/2020/QĐ-UBND") == ("khoản 2 Điều 5", "Điều 7") and not found.whole


def test_decree_repeals_an_article_of_another_decree() -> None:
    record = document("Điều 30. Bãi bỏ Điều 2 Nghị định số 142/2018/NĐ-CP ngày 09 tháng 10 năm 2018 của Chính phủ "
                      "sửa đổi một số quy định về điều kiện đầu tư kinh doanh.", kind="NGHỊ ĐỊNH", issuer="CHÍNH PHỦ",
                      number="308/2025/NĐ-CP", dated="Hà Nội, ngày 28 tháng 11 năm 2025")
    assert articles(record, "142/2018/NĐ-CP") == ("Điều 2",)


def test_wording_changes_take_their_verbs_relation_on_part_of_the_text() -> None:
    record = document("Điều 1. Sửa đổi một số nội dung\n1. Bãi bỏ cụm từ “Công an cấp huyện” tại điểm a khoản 1 Điều 3 "
                      "Nghị quyết số 38/2024/NQ-HĐND ngày 10 tháng 12 năm 2024 của Hội đồng nhân dân thành phố.\n"
                      "2. Thay thế cụm từ “Ủy ban nhân dân cấp huyện” bằng cụm từ “Ủy ban nhân dân cấp xã” tại khoản 2 "
                      "Điều 4 Nghị quyết số 38/2024/NQ-HĐND.", kind="NGHỊ QUYẾT", number="80/2025/NQ-HĐND",
                      issuer="HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI")
    assert changes(record) == {("repeals", "38/2024/NQ-HĐND"), ("replaces", "38/2024/NQ-HĐND")}
    (repeal,) = [ch for c in record.citations for ch in c.changes if ch.relation == "repeals"]
    (replace,) = [ch for c in record.citations for ch in c.changes if ch.relation == "replaces"]
    assert [str(a) for a in repeal.articles] == ["điểm a khoản 1 Điều 3"] and not repeal.whole
    assert [str(a) for a in replace.articles] == ["khoản 2 Điều 4"] and not replace.whole


def test_article_by_article_amendment() -> None:
    record = document(
        "Điều 1. Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 40/2024/QĐ-UBND ngày "
        "04/9/2024 của UBND tỉnh Quảng Ninh như sau:\n1. Sửa đổi, bổ sung khoản 1 Điều 13 như sau:\n“1. Mức hỗ trợ "
        "bằng 50% theo quy định tại khoản 1 Điều này.”\n2. Bãi bỏ điểm a khoản 3 Điều 14.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 12 năm 2025.",
        title="Sửa đổi, bổ sung một số điều của Quy định về bồi thường ban hành kèm theo Quyết định số "
              "40/2024/QĐ-UBND ngày 04/9/2024 của UBND tỉnh Quảng Ninh",
        issuer="ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH", number="97/2025/QĐ-UBND")
    assert changes(record) == {("amends", "40/2024/QĐ-UBND")}
    assert articles(record, "40/2024/QĐ-UBND") == ("khoản 1 Điều 13", "điểm a khoản 3 Điều 14")
    assert subdivisions(record)["40/2024/QĐ-UBND"] == ("khoản 1 Điều 13", "điểm a khoản 3 Điều 14")


def test_replacing_part_of_a_list_is_a_partial_replacement() -> None:
    record = document("Điều 1. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành và thay thế ba (03) thủ tục "
                      "hành chính (số thứ tự 03, 04, 05) được công bố tại Quyết định số 1533/QĐ-UBND ngày 22 tháng 10 "
                      "năm 2025 của Chủ tịch UBND tỉnh.", issuer="ỦY BAN NHÂN DÂN\nTỈNH AN GIANG", number="2020/QĐ-UBND")
    assert changes(record) == {("replaces", "1533/QĐ-UBND")}
    assert not change(record, "1533/QĐ-UBND").whole


def test_several_verbs_at_once_amend() -> None:
    # Bộ Tư pháp: a heading that repeals, amends and replaces parts of one circular.
    record = document("Điều 3. Bãi bỏ, sửa đổi, thay thế một số điều, phụ lục của Thông tư số 02/2023/TT-BTP ngày 29 "
                      "tháng 6 năm 2023 của Bộ trưởng Bộ Tư pháp.", kind="THÔNG TƯ", issuer="BỘ TƯ PHÁP",
                      number="09/2025/TT-BTP", dated="Hà Nội, ngày 30 tháng 10 năm 2025")
    assert changes(record) == {("amends", "02/2023/TT-BTP")}


@pytest.mark.parametrize("body", [
    # A basis amended by another law.
    "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp.",
    # The standard dynamic-reference clause.
    "Điều 4. Trường hợp các văn bản dẫn chiếu tại Quyết định này được sửa đổi, bổ sung hoặc thay thế thì áp dụng "
    "theo văn bản mới. Quyết định số 12/2020/QĐ-UBND vẫn được áp dụng.",
    # Planned or proposed replacements.
    "Điều 3. Giao Sở Tư pháp chủ trì, tham mưu Ủy ban nhân dân tỉnh bãi bỏ Quyết định số 12/2020/QĐ-UBND trong "
    "quý I năm 2026.",
    "Sở Công Thương đề xuất thay thế Quyết định số 12/2020/QĐ-UBND cho phù hợp.",
    # A plan's task (Cần Thơ, 22/KH-UBND): the council will issue the replacing resolution.
    "- Sở Kế hoạch và Đầu tư rà soát, sửa đổi, trình UBND, HĐND thành phố ban hành Nghị quyết thay thế, điều chỉnh "
    "Nghị quyết số 07/2018/NQ-HĐND ngày 07 tháng 12 năm 2018 của HĐND thành phố.",
    # A cited decree's own description.
    "Thực hiện Nghị định số 14/2022/NĐ-CP ngày 27/01/2022 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định "
    "số 15/2020/NĐ-CP.",
    # A statement of fact about a past change.
    "Các thủ tục hành chính đã bị bãi bỏ theo Quyết định số 3470/QĐ-UBND ngày 10/11/2025 của Chủ tịch UBND tỉnh.",
])
def test_not_changes(body: str) -> None:
    bases = ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nCăn cứ Luật Ban hành văn bản quy phạm "
             "pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;")
    assert changes(document(body, bases=bases)) == set()


def test_a_letter_quoting_a_repeal_changes_nothing() -> None:
    # Cục Thuế, 5680/CT-CS: a letter explains what a resolution of the National Assembly repealed.
    record = document("Tại Điều 1 Nghị quyết số 206/2025/QH15 quy định:\nBãi bỏ các điều 3, 4 và 5 của Nghị quyết số "
                      "193/2025/QH15 về thí điểm một số cơ chế, chính sách đặc biệt.", kind="", title="V/v chính sách thuế",
                      issuer="BỘ TÀI CHÍNH\nCỤC THUẾ", number="5680/CT-CS", dated="Hà Nội, ngày 01 tháng 12 năm 2025")
    assert record.document.type == "Công văn" and changes(record) == set()


def test_a_submission_proposes_and_changes_nothing() -> None:
    record = document("Dự thảo Nghị quyết thay thế Nghị quyết số 46/2024/NQ-HĐND ngày 10/12/2024 của HĐND thành phố.\n"
                      "Điều 1. Thay thế Nghị quyết số 46/2024/NQ-HĐND ngày 10/12/2024 của HĐND thành phố.",
                      kind="TỜ TRÌNH", number="512/TTr-UBND", title="Về dự thảo Nghị quyết quy định chi thu nhập tăng thêm")
    assert changes(record) == set()


# Article-level citations.

def test_basis_and_body_subdivisions() -> None:
    record = document("Điều 1. Thực hiện theo quy định tại khoản 2 Điều 109 Luật Đất đai số 31/2024/QH15 và điểm a, b "
                      "khoản 1 Điều 3, khoản 4 Điều 5 Nghị định số 88/2024/NĐ-CP ngày 15 tháng 7 năm 2024 của Chính phủ.",
                      bases="Căn cứ khoản 2 Điều 12 Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ;")
    assert subdivisions(record) == {
        "78/2025/NĐ-CP": ("khoản 2 Điều 12",),
        "31/2024/QH15": ("khoản 2 Điều 109",),
        "88/2024/NĐ-CP": ("điểm a khoản 1 Điều 3", "điểm b khoản 1 Điều 3", "khoản 4 Điều 5"),
    }


def test_nested_amendment_note_and_law_by_name() -> None:
    record = document("Điều 2. Đối tượng theo quy định tại khoản 2 Điều 4 Luật Quản lý, sử dụng tài sản công (được "
                      "sửa đổi, bổ sung tại khoản 3 Điều 1 Nghị định số 114/2024/NĐ-CP).")
    assert subdivisions(record) == {"Luật Quản lý, sử dụng tài sản công": ("khoản 2 Điều 4",),
                                    "114/2024/NĐ-CP": ("khoản 3 Điều 1",)}


def test_long_list_named_at_its_end_with_capitals_commas_and_breaks() -> None:
    record = document("Điều 2. Áp dụng Khoản 1, Điều 3, điểm a\nkhoản 2 Điều 5, Điều 7 và Điều 198a của Luật Đầu tư "
                      "công số 58/2024/QH15; các điểm a, b và c khoản 1 Điều 10 Thông tư số 45/2024/TT-BTC.")
    assert subdivisions(record) == {
        "58/2024/QH15": ("khoản 1 Điều 3", "điểm a khoản 2 Điều 5", "Điều 7", "Điều 198a"),
        "45/2024/TT-BTC": ("điểm a khoản 1 Điều 10", "điểm b khoản 1 Điều 10", "điểm c khoản 1 Điều 10"),
    }


def test_a_list_broken_by_chapters_and_annexes_names_its_instrument_at_the_end() -> None:
    # Bộ Công Thương: a circular repealing parts of another, listed with chapters and annexes between them.
    record = document("Điều 2. Bãi bỏ khoản 1, 2 Điều 1; các khoản 1, 2 Điều 3; Chương II, Chương III; các Điều 30, 31; "
                      "các khoản 2, 3 Điều 32; Phụ lục I, III và IV của Thông tư số 42/2022/TT-BCT ngày 30 tháng 12 năm "
                      "2022 của Bộ trưởng Bộ Công Thương.", kind="THÔNG TƯ", issuer="BỘ CÔNG THƯƠNG",
                      number="40/2025/TT-BCT", dated="Hà Nội, ngày 20 tháng 11 năm 2025")
    assert subdivisions(record)["42/2022/TT-BCT"] == (
        "khoản 1 Điều 1", "khoản 2 Điều 1", "khoản 1 Điều 3", "khoản 2 Điều 3", "Điều 30", "Điều 31",
        "khoản 2 Điều 32", "khoản 3 Điều 32")
    assert changes(record) == {("repeals", "42/2022/TT-BCT")}


def test_a_doubled_so_between_a_run_and_its_number() -> None:
    record = document("Điều 1. Hỗ trợ lãi suất theo khoản 5 Điều 22 Nghị định số số 268/2025/NĐ-CP của Chính phủ.")
    assert subdivisions(record)["268/2025/NĐ-CP"] == ("khoản 5 Điều 22",)


def test_short_form_alias_and_subtitle() -> None:
    record = document("Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ (sau đây viết tắt là Nghị định 15) quy "
                      "định chi tiết khoản 3 Điều 9 Luật Đầu tư công số 58/2024/QH15. Mức phạt theo Điều 5 Nghị định 15.")
    found = subdivisions(record)
    assert found["15/2020/NĐ-CP"] == ("Điều 5",)
    assert found["58/2024/QH15"] == ("khoản 3 Điều 9",)


@pytest.mark.parametrize("body", [
    "Điều 3. Các cơ quan nêu tại khoản 1 Điều này và Điều 3 Quyết định này chịu trách nhiệm thi hành.",
    "Nơi nhận:\n- Như Điều 3;\n- Bộ Tư pháp;",
    "Điều 2. Thực hiện Điều lệ Hội; đáp ứng các điều kiện về đê điều theo Chương II, Mục 2 và Phụ lục I.",
    "Điều 1. Sửa đổi như sau: “Điều 5. Theo điểm c khoản này và khoản 2 Điều 7 Nghị định số 88/2024/NĐ-CP.”",
])
def test_not_subdivision_citations(body: str) -> None:
    assert subdivisions(document(body)) == {}


def test_a_document_that_says_nothing_of_force_gives_a_null_date():
    record = document("Điều 1. Giao Sở Công Thương thực hiện.")
    assert record.effective is None
    assert record.to_json()["effective"] == {"date": None, "from_signing": False, "until": None}
    assert Record.from_json(record.to_json()).effective is None


def test_record_json_round_trip_keeps_force_changes_and_subdivisions():
    record = document("Điều 1. Bãi bỏ khoản 2 Điều 5 Quyết định số 12/2020/QĐ-UBND ngày 05/3/2020 của UBND tỉnh.\n"
                      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    again = Record.from_json(record.to_json())
    assert again.effective == record.effective and again.citations == record.citations
    schema = record.to_json()
    assert schema["effective"] == {"date": "2025-12-12", "from_signing": True, "until": None}
    assert schema["changes"] == [{"relation": "repeals", "articles": ["khoản 2 Điều 5"], "effective": None,
                                  "target": {"type": "Quyết định", "number": "12/2020/QĐ-UBND", "date": "2020-03-05",
                                             "title": None}}]
