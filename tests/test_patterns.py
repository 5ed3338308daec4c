"""Each pattern family on the real seed sentence it was written for and on sentences of other
provinces, issuers and years, including the damaged forms of "Text as it arrives" (DOMAIN.md)."""

from __future__ import annotations

import pytest

from ingest import extract_text

from .conftest import cites

# (sentence, number as output, type)
NUMBER_SHAPES = [
    # seeds
    ("Thực hiện Nghị quyết số 11/NQ-CP ngày\n30 tháng 01 năm 2022 của Chính phủ về Chương trình", "11/NQ-CP", "Nghị quyết"),
    ("gắn kết chặt chẽ với Nghị quyết số 59-NQ/TW ngày 05 tháng 8 năm 2020 của Bộ Chính trị", "59-NQ/TW", "Nghị quyết"),
    ("và triển khai Nghị quyết số 43/2022/QH15 của Quốc hội về chính sách tài khóa", "43/2022/QH15", "Nghị quyết"),
    ("Chương trình số 14-CTr/TU ngày 16/01/2017 của Thành ủy Cần Thơ", "14-CTr/TU", "Chương trình"),
    ("Tổ chức triển khai thực hiện Đề án số 09-ĐA/TU ngày 29 tháng 12 năm 2021 của Thành ủy", "09-ĐA/TU", "Đề án"),
    ("Khẩn trương triển khai thực hiện Quyết định số 3538/QĐ-UBND ngày 25/11/2021 của UBND thành phố",
     "3538/QĐ-UBND", "Quyết định"),
    ("theo Công văn số 964/UBND-GT ngày 16/02/2022 của Ủy ban nhân dân thành phố.", "964/UBND-GT", "Công văn"),
    ("Căn cứ Công điện số 126/CĐ-TTg ngày\n12/02/2022 của Thủ tướng Chính phủ", "126/CĐ-TTg", "Công điện"),
    # other provinces, issuers, years
    ("Thực hiện Thông tư số 03/2022/TT-NHNN ngày 20 tháng 5 năm 2022 của Thống đốc Ngân hàng Nhà nước",
     "03/2022/TT-NHNN", "Thông tư"),
    ("Căn cứ Thông tư liên tịch số 03/2016/TTLT-BTC-BTP ngày 10/3/2016", "03/2016/TTLT-BTC-BTP", "Thông tư liên tịch"),
    ("Căn cứ Pháp lệnh số 28/2005/PL-UBTVQH11 ngày 29 tháng 6 năm 2005", "28/2005/PL-UBTVQH11", "Pháp lệnh"),
    ("theo Nghị quyết số 07/2018/NQ-HĐND ngày 07 tháng 12 năm 2018 của HĐND tỉnh Hậu Giang",
     "07/2018/NQ-HĐND", "Nghị quyết"),
    ("Thông báo kết luận số 272-TB/TW ngày 10/5/2019 của Ban Bí thư", "272-TB/TW", "Thông báo"),
    ("Chương trình hành động số 20-CTr/TU ngày 15/4/2022 của Tỉnh ủy Quảng Ninh", "20-CTr/TU", "Chương trình"),
    ("Xét đề nghị của Sở Lao động tại Tờ trình số 33/TTr-SLĐTBXH ngày 20/4/2023", "33/TTr-SLĐTBXH", "Tờ trình"),
    ("theo hướng dẫn tại văn bản số 15292/BTC-QLĐT ngày 28/12/2021 của Bộ Tài chính", "15292/BTC-QLĐT", "Công văn"),
    ("Luật số 87/2025/QH15 ngày 25 tháng 6 năm 2025", "87/2025/QH15", "Luật"),
    ("Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số 169-CP về việc", "169-CP", "Quyết định"),
    ("Nghị định 404-CP ngày 07/11/1994 của Chính phủ", "404-CP", "Nghị định"),
    ("Quyết định số 1519/QĐ-TTg ngày 02 tháng 12 năm 2023 và Quyết định số 589/QĐ-TTg ngày 03 tháng 7 năm 2024",
     "589/QĐ-TTg", "Quyết định"),
    ("Kế hoạch số 05/KH-BCĐ ngày 13/01/2022 của Ban Chỉ đạo Phát triển du lịch thành phố", "05/KH-BCĐ", "Kế hoạch"),
]


@pytest.mark.parametrize(("sentence", "number", "kind"), NUMBER_SHAPES)
def test_number_shapes(sentence, number, kind):
    found = cites(sentence)
    assert number in found, found.keys()
    assert found[number]["type"] == kind


# (sentence, number as output): variants that must be normalised
DAMAGED = [
    # The header's "Số: 22 /KH-UBND" is the document's own number; the plan it cites is another one.
    ("Số: 22 /KH-UBND là số của văn bản; Kế hoạch số 12 /KH-UBND ngày 06/02/2023", "12/KH-UBND"),
    ("Nghị quyết số 57/NQ-\n\n\n\nCP ngày 21/4/2022 của Chính phủ", "57/NQ-CP"),
    ("Công văn số 119/2026/ \nUBTVQH15 ngày 01/3/2026", "119/2026/UBTVQH15"),
    ("theo văn bản số 3374/ BKHCN-CNCNTT ngày 01/02/2024", "3374/BKHCN-CNCNTT"),
    ("thực hiện Nghị quyết số 66-NQ/TW1 ngày 30/4/2025 của Bộ Chính trị", "66-NQ/TW"),
    ("Chương trình số 14-CTR/TU ngày 16 tháng 01 năm 2017", "14-CTr/TU"),
    ("Chương trình số 06-Ctr/TU ngày 16 tháng 01 năm 2021", "06-CTr/TU"),
    ("Quyết định sô 12/QD-UBND ngày03 tháng 01 năm 2023 của Uỷ ban nhân dân tỉnh", "12/QĐ-UBND"),
    ("Chỉ_thị số 751/CT-TTg của Thủ_tướng Chính_phủ", "751/CT-TTg"),
    ("**Nghị quyết số 14-NQ/TU** ngày 06 tháng 12 năm 2022 | của Thành ủy", "14-NQ/TU"),
    ("Chỉ thị của Ban bí thư số 42/CT/TW về tăng cường sự lãnh đạo", "42/CT/TW"),
    ("thực hiện Nghị quyết số 72-NQ-TW của Bộ Chính trị", "72-NQ-TW"),
    ("Quyết định số 3538/QÐ-UBND ngày 25/11/2021", "3538/QĐ-UBND"),
]


@pytest.mark.parametrize(("sentence", "number"), DAMAGED)
def test_damaged_numbers_are_normalised(sentence, number):
    assert number in cites(sentence)


NOT_CITATIONS = [
    "Quyết định số      /QĐ-UBND (dự thảo) gửi kèm #sovb",
    "nâng cấp mở rộng Quốc lộ 91 đoạn từ Km 0-Km7; cầu Cần Thơ 2",
    "phòng COVID-19 cho trẻ từ 05-11 tuổi theo hướng dẫn của Bộ Y tế",
    "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025",
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "Luật sư Nguyễn Văn B tham gia tư vấn theo quy định của pháp luật",
    "các Nghị quyết, kết luận của Trung ương, Quốc hội, Chính phủ",
    "đạt bình quân tối thiểu 14,5%/năm; tỷ trọng GRDP năm 2025 chiếm 6,4%",
    "Kế hoạch 2023 của thành phố",
    "mã số 1/500 bản đồ tỷ lệ",
]


@pytest.mark.parametrize("sentence", NOT_CITATIONS)
def test_not_citations(sentence):
    assert cites(sentence) == {}


# (sentence, number, ISO date)
DATES = [
    ("Nghị quyết số 11/NQ-CP ngày\n30 tháng 01 năm 2022 của Chính phủ", "11/NQ-CP", "2022-01-30"),
    ("Căn cứ Nghị quyết số 11/NQ-CP ngày\n30/01/2022 của Chính phủ", "11/NQ-CP", "2022-01-30"),
    ("Nghị quyết số 59-NQ/TW ngày 05/8/2020 của Bộ Chính trị", "59-NQ/TW", "2020-08-05"),
    ("Kết luận số 07-KL/TW ngày 28/9/2016", "07-KL/TW", "2016-09-28"),
    ("Quyết định số 12/QĐ-UBND ngày03 tháng 01 năm 2023", "12/QĐ-UBND", "2023-01-03"),
    ("Quyết định số 1479/QĐ-TTg ngày 29/11/2022 của Thủ tướng Chính phủ", "1479/QĐ-TTg", "2022-11-29"),
    ("Chỉ thị số 05/CT-UBND ngày 5-3-2021 của UBND tỉnh Nghệ An", "05/CT-UBND", "2021-03-05"),
    ("Nghị quyết số 128/NQ-CP của Chính phủ ngày 11 tháng 10 năm 2021", "128/NQ-CP", "2021-10-11"),
    ("Nghị quyết số 128/NQ-CP ngày 11/10/2021. Theo Nghị quyết số 128/NQ-CP, các địa phương", "128/NQ-CP",
     "2021-10-11"),
    ("Nghị quyết 11/NQ-CP sẽ được thực hiện; Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ", "11/NQ-CP",
     "2022-01-30"),
    ("Quyết định số 99/QĐ-UBND ngày 31/02/2022 của UBND tỉnh Lào Cai", "99/QĐ-UBND", None),
]


@pytest.mark.parametrize(("sentence", "number", "iso"), DATES)
def test_dates(sentence, number, iso):
    assert cites(sentence)[number]["date"] == iso


def test_same_number_in_two_years_is_two_instruments():
    found = extract_citations(
        "Nghị quyết số 11/NQ-CP ngày 30/01/2022 và Nghị quyết số 11/NQ-CP ngày 10/01/2026 của Chính phủ"
    )
    assert sorted(c["date"] for c in found if c["number"] == "11/NQ-CP") == ["2022-01-30", "2026-01-10"]


def extract_citations(text: str) -> list[dict]:
    return extract_text(text).to_json()["citations"]


# (document header for the home province or None, sentence, number, jurisdiction)
JURISDICTIONS = [
    ("Cần Thơ", "Kế hoạch số 202/KH-UBND ngày 01 tháng 10 năm 2021 của Ủy ban nhân dân thành phố", "202/KH-UBND",
     "Cần Thơ"),
    ("Cần Thơ", "Nghị quyết số 14-NQ/TU ngày 06 tháng 12 năm 2022 của Thành ủy về nhiệm vụ năm 2023",
     "14-NQ/TU", "Cần Thơ"),
    ("Cần Thơ", "Kế hoạch số 116/KH-UBND ngày 21 tháng 9 năm 2020 thực hiện Chiến lược", "116/KH-UBND",
     "Cần Thơ"),
    ("Hải Phòng", "Kế hoạch số 05/KH-BCĐ ngày 13/01/2022 của Ban Chỉ đạo Phát triển du lịch thành phố về",
     "05/KH-BCĐ", "Hải Phòng"),
    ("Quảng Ninh", "Quyết định số 40/2026/QĐ-UBND của UBND tỉnh Hà Nam", "40/2026/QĐ-UBND", "Hà Nam"),
    ("Quảng Ninh", "Chỉ thị số 05/CT-UBND ngày 5/3/2021 của UBND TP. Hồ Chí Minh", "05/CT-UBND", "Hồ Chí Minh"),
    ("Nghệ An", "Nghị quyết số 07/2018/NQ-HĐND ngày 07/12/2018 của HĐND tỉnh Hậu Giang", "07/2018/NQ-HĐND",
     "Hậu Giang"),
    ("Nghệ An", "Tờ trình số 33/TTr-SXD ngày 20/4/2023 của Sở Xây dựng", "33/TTr-SXD", "Nghệ An"),
    ("Nghệ An", "Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ", "11/NQ-CP", None),
    ("Nghệ An", "Kế hoạch số 11/KH-TW ngày 28 tháng 11 năm 2022 thực hiện Nghị quyết", "11/KH-TW", None),
    ("Thừa Thiên Huế", "Kế hoạch số 35/KH-UBND ngày 18/02/2022 của UBND thành phố Cần Thơ", "35/KH-UBND",
     "Cần Thơ"),
    ("Khánh Hòa", "Chương trình số 26-CTr/TU ngày 31/12/2021 của Tỉnh uỷ Khánh Hoà về cải cách hành chính",
     "26-CTr/TU", "Khánh Hòa"),
]


def _with_header(province: str, sentence: str) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            f"Số: 99/KH-UBND\n{province}, ngày 01 tháng 6 năm 2023\nKẾ HOẠCH\nVề công tác năm 2023\n"
            f"I. NỘI DUNG\n1. {sentence}.\n")


@pytest.mark.parametrize(("province", "sentence", "number", "jurisdiction"), JURISDICTIONS)
def test_jurisdiction_of_local_issuers(province, sentence, number, jurisdiction):
    assert cites(_with_header(province, sentence))[number]["jurisdiction"] == jurisdiction


# Lists and short forms: (sentence, numbers expected, type of each)
LISTS = [
    ("quán triệt các Nghị quyết số 19-NQ/TW, 20-NQ/TW, 21-NQ/TW của Ban Chấp hành Trung ương khóa XII",
     ["19-NQ/TW", "20-NQ/TW", "21-NQ/TW"], "Nghị quyết"),
    ("Triển khai hiệu quả Luật Phòng, chống thiên tai; các Nghị quyết của Chính phủ: số 76/NĐ-CP về công tác "
     "phòng chống thiên tai, số 120/NĐ-CP về phát triển bền vững", ["76/NĐ-CP", "120/NĐ-CP"], "Nghị quyết"),
    ("Quyết định số 2868/QĐ-UBND ngày 12 tháng 12 năm 2024 về việc giao Kế hoạch, Quyết định số 2897/QĐ-UBND "
     "ngày 14 tháng 12 năm 2024", ["2868/QĐ-UBND", "2897/QĐ-UBND"], "Quyết định"),
    ("các Quyết định số 1/QĐ-UBND và 2/QĐ-UBND của UBND tỉnh Bình Định", ["1/QĐ-UBND", "2/QĐ-UBND"], "Quyết định"),
    ("các Thông tư số 01/2023/TT-BTC, 02/2023/TT-BTC và 03/2023/TT-BTC của Bộ Tài chính",
     ["01/2023/TT-BTC", "02/2023/TT-BTC", "03/2023/TT-BTC"], "Thông tư"),
    ("các Chỉ thị số 05-CT/TW; 35-CT/TW của Bộ Chính trị", ["05-CT/TW", "35-CT/TW"], "Chỉ thị"),
    ("Kết luận số 26-KL/TW và số 51-KL/TW của Bộ Chính trị", ["26-KL/TW", "51-KL/TW"], "Kết luận"),
    ("các Nghị định số 15/2022/NĐ-CP, 31/2022/NĐ-CP của Chính phủ", ["15/2022/NĐ-CP", "31/2022/NĐ-CP"],
     "Nghị định"),
    ("các Kế hoạch số 134/KH-UBND, số 135/KH-UBND ngày 30/6/2021 của UBND thành phố Cần Thơ",
     ["134/KH-UBND", "135/KH-UBND"], "Kế hoạch"),
    ("các Công điện số 46/CĐ-TTg, 125/CĐ-TTg của Thủ tướng Chính phủ", ["46/CĐ-TTg", "125/CĐ-TTg"], "Công điện"),
]


@pytest.mark.parametrize(("sentence", "numbers", "kind"), LISTS)
def test_lists_share_their_type(sentence, numbers, kind):
    found = cites(sentence)
    for number in numbers:
        assert found[number]["type"] == kind


def test_list_members_share_the_issuer_named_after_the_last():
    found = cites("các Quyết định số 1/QĐ-UBND và 2/QĐ-UBND của UBND tỉnh Bình Định")
    assert found["1/QĐ-UBND"]["jurisdiction"] == found["2/QĐ-UBND"]["jurisdiction"] == "Bình Định"


SHORT_FORMS = [
    # a short mention inherits the full mention's date
    ("Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ. Nghị quyết 11 được triển khai.", "11/NQ-CP", 2),
    ("Nghị quyết số 59-NQ/TW ngày 05/8/2020 của Bộ Chính trị; thực hiện Nghị quyết số 59-NQ/TW", "59-NQ/TW", 2),
    ("theo tiết a điểm 2 mục II Nghị quyết 11/NQ-CP ngày 30/01/2022 của Chính phủ; Nghị quyết 11/NQ-CP",
     "11/NQ-CP", 2),
    ("Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị ... thực hiện Nghị quyết 52 của Bộ Chính trị",
     "52-NQ/TW", 2),
    ("Quyết định số 1813/QĐ-TTg ngày 28/10/2021; Quyết định 1813 của Thủ tướng", "1813/QĐ-TTg", 2),
    ("Kế hoạch số 200/KH-UBND ngày 28/9/2021 của UBND thành phố; Kế hoạch 200/KH-UBND", "200/KH-UBND", 2),
    ("Kết luận số 07-KL/TW ngày 28/9/2016 của Bộ Chính trị. Kết luận số 07-KL/TW của Bộ Chính trị", "07-KL/TW", 2),
    ("Chỉ thị số 50-CT/TW ngày 07 tháng 12 năm 2015. Chỉ thị 50 của Bộ Chính trị", "50-CT/TW", 2),
    ("Đề án số 09-ĐA/TU ngày 29/12/2021 của Thành ủy; Đề án 09", "09-ĐA/TU", 2),
    ("Tiếp tục truyền thông chính sách: Đề án 06, cải cách hành chính", "06", 1),
]


@pytest.mark.parametrize(("sentence", "number", "mentions"), SHORT_FORMS)
def test_short_forms_resolve_to_the_full_mention(sentence, number, mentions):
    found = cites(sentence)
    assert number in found
    assert len(found[number]["mentions"]) == mentions
    assert len([c for c in found.values() if c["type"] == found[number]["type"]]) == 1


# (sentence, title, date or None)
NAMED_LAWS = [
    ("Triển khai thực hiện tốt Luật Đầu tư, Luật Doanh nghiệp năm 2020, các nghị định", "Luật Đầu tư", None),
    ("Triển khai thực hiện tốt Luật Đầu tư, Luật Doanh nghiệp năm 2020, các nghị định", "Luật Doanh nghiệp", None),
    ("Đẩy mạnh triển khai hiệu quả Luật Hỗ trợ doanh nghiệp nhỏ và vừa (DNNVV), kế hoạch",
     "Luật Hỗ trợ doanh nghiệp nhỏ và vừa", None),
    ("gắn với thực hiện Luật thực hành tiết kiệm, chống lãng phí, Luật phòng chống tham nhũng.",
     "Luật thực hành tiết kiệm, chống lãng phí", None),
    ("thu nhập theo Luật Phòng, chống tham nhũng năm 2018 và Nghị định số 130/2020/NĐ-CP",
     "Luật Phòng, chống tham nhũng", None),
    ("Tiếp tục tổ chức thực hiện có hiệu quả Luật Thủy lợi. Phát triển thủy lợi", "Luật Thủy lợi", None),
    ("phê duyệt theo quy định của Luật Quy hoạch; thực hiện nghiêm túc", "Luật Quy hoạch", None),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "Luật Tổ chức chính quyền địa phương",
     "2015-06-19"),
    ("theo Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và các văn bản", "Luật Bảo hiểm y tế", "2008-11-14"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
     "ngày 22 tháng 11 năm 2019;",
     "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
     "2019-11-22"),
    ("Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015;", "Bộ luật Dân sự", "2015-11-24"),
    ("Tiếp tục tổ chức triển khai thi hành Hiến pháp và các văn bản pháp luật mới", "Hiến pháp", None),
    ("theo Pháp lệnh Ưu đãi người có công với cách mạng; hỗ trợ", "Pháp lệnh Ưu đãi người có công với cách mạng",
     None),
    ("thực hiện Luật Viên chức năm 2010, Luật Cán bộ, công chức", "Luật Viên chức", None),
]


@pytest.mark.parametrize(("sentence", "title", "iso"), NAMED_LAWS)
def test_laws_cited_by_name(sentence, title, iso):
    found = cites(sentence)
    assert title in found, found.keys()
    assert found[title]["number"] is None
    assert found[title]["date"] == iso


def test_law_with_name_and_number_is_one_citation():
    found = cites("theo Luật Đầu tư công số 39/2019/QH14 và Luật Thuế giá trị gia tăng số 13/2008/QH12")
    assert set(found) == {"39/2019/QH14", "13/2008/QH12"}
    assert found["39/2019/QH14"]["type"] == "Luật"
    assert found["39/2019/QH14"]["title"] == "Luật Đầu tư công"


def test_law_named_with_and_without_year_is_one_law():
    found = cites("Luật Doanh nghiệp năm 2020 quy định ... theo Luật Doanh nghiệp, doanh nghiệp")
    assert list(found) == ["Luật Doanh nghiệp"]


def test_bare_short_form_does_not_cross_a_table_row():
    # A .docx or HTML table read as markdown rows: "Văn bản" ends one row, "1" starts the next.
    found = cites("| TT | Văn bản |\n| 1 | Kế hoạch số 35/KH-UBND ngày 18/02/2022 |")
    assert set(found) == {"35/KH-UBND"}


def test_law_on_promulgating_legal_documents_keeps_its_whole_name():
    # The most cited law in "Căn cứ" clauses; "văn bản" ends other laws' names but belongs to this one.
    found = cites("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;")
    assert set(found) == {"Luật Ban hành văn bản quy phạm pháp luật"}
