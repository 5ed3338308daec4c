"""Documents as they arrive from the web and from scanners: the site's own material, official letters,
signature blocks, OCR damage, laws' own headers. Each case is a realistic document of another province,
body or year than the sentence the rule was first written for."""

from __future__ import annotations

import pytest

from ingest import extract_text
from ingest.chrome import chrome_spans
from ingest.clean import clean, normalise

from .conftest import cites


def doc(text: str) -> dict:
    return extract_text(text).to_json()["document"]


# A legal-document website's page: banner, metadata block, the document, its title again, related
# documents, and a footer with a privacy notice naming Decree 13/2023/NĐ-CP and a "THÔNG BÁO".
SITE_HEAD = """Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép mà không có sự đồng ý là vi phạm pháp luật.
Đang tải văn bản...
**Số hiệu:**
|
2210/UBND-KTN
|
**Loại văn bản:**
|
Công văn
|
**Người ký:**
|
Nguyễn Văn Sơn
|
"""
LETTER = """ỦY BAN NHÂN DÂN
**TỈNH THANH HÓA**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 2210/UBND-KTN
*V/v triển khai thực hiện Quyết định số 456/QĐ-BTC ngày 12/3/2025 của Bộ Tài chính*
|
*Thanh Hóa, ngày 05 tháng 4 năm 2025*
|
**Kính gửi:** Các sở, ban, ngành cấp tỉnh.
Để triển khai kịp thời, UBND tỉnh yêu cầu các đơn vị thực hiện nghiêm Quyết định số 456/QĐ-BTC./.
|
*Nơi nhận:*
- Như trên;
- Lưu: VT, KTN.
|
**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
**Nguyễn
Văn Sơn**
|
"""
SITE_TAIL = """Công văn 2210/UBND-KTN năm 2025 triển khai Quyết định 456/QĐ-BTC do Tỉnh Thanh Hóa ban hành
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Ban hành:
12/03/2025
Hiệu lực: Đã biết
**FILE ĐƯỢC ĐÍNH
KÈM THEO VĂN BẢN**
Thưa Quý khách,
**THÔNG BÁO **
**về Lưu trữ, Sử dụng Thông tin Khách hàng**
Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân (hiệu lực từ ngày 01/07/2023) yêu cầu xác nhận.
Cảm ơn đã dùng ThuVienPhapLuat.vn
"""


def test_a_web_copy_is_read_as_the_document_alone():
    record = extract_text(SITE_HEAD + LETTER + SITE_TAIL).to_json()
    d = record["document"]
    assert (d["type"], d["number"], d["date"], d["jurisdiction"], d["signer"]) == (
        "Công văn", "2210/UBND-KTN", "2025-04-05", "Thanh Hóa", "Nguyễn Văn Sơn")
    # The footer's decree and the site's title line are not citations; the letter's subject is implemented.
    assert {c["number"]: c["relations"] for c in record["citations"]} == {"456/QĐ-BTC": ["implements"]}


def test_site_material_is_blanked_and_offsets_kept():
    text = normalise(SITE_HEAD + LETTER + SITE_TAIL)
    cleaned = clean(text)
    assert len(cleaned) == len(text) and cleaned.count("\n") == text.count("\n")
    assert "Số hiệu" not in cleaned and "Nghị định 13/2023" not in cleaned and "Cảm ơn" not in cleaned
    assert cleaned.index("Số: 2210/UBND-KTN") == text.index("Số: 2210/UBND-KTN")


def test_a_site_summary_above_the_header_is_not_the_document():
    summary = ("## Hạn ngạch thuế quan nhập khẩu từ Lào\n**Ngày 2/12/2025, Bộ trưởng Bộ Công Thương ban hành "
               "Thông tư 61/2025/TT-BCT quy định về hạn ngạch theo Nghị định 206/2025/NĐ-CP ngày 15 tháng 7 năm "
               "2025.**\nXem chi tiết nội dung tại Thông tư 61/2025/TT-BCT có hiệu lực từ ngày 2/12/2025.\n")
    header = ("**BỘ\nCÔNG THƯƠNG**\n-------\n**CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 61/2025/TT-BCT\n*Hà Nội, ngày 02\ntháng 12 năm 2025*\n**THÔNG TƯ**\nQUY ĐỊNH VỀ HẠN NGẠCH\n"
              "Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;\n")
    record = extract_text(summary + header).to_json()
    assert record["document"]["date"] == "2025-12-02"
    assert set(cites(summary + header)) == {"40/2025/NĐ-CP"}
    assert chrome_spans(normalise(summary + header))[0][0] == 0


def test_a_page_without_site_material_is_untouched():
    text = normalise(LETTER)
    assert chrome_spans(text) == []


@pytest.mark.parametrize(("block", "signer"), [
    # provincial committee, markdown bold name
    ("TM. ỦY BAN NHÂN DÂN\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Phạm Văn Thịnh**", "Phạm Văn Thịnh"),
    # ministry: the deputy's title is not the name
    ("**KT. BỘ TRƯỞNG**\nTHỨ TRƯỞNG\nCao Anh Tuấn", "Cao Anh Tuấn"),
    # Party forms with slashes, name in capitals after "(Đã ký)"
    ("T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nPHÓ BÍ THƯ\n(Đã ký)\nLÊ QUANG TÙNG", "Lê Quang Tùng"),
    # a department's deputy head signing for the director
    ("**KT.\nTRƯỞNG THUẾ TỈNH**\n**PHÓ TRƯỞNG THUẾ TỈNH**\n**Nguyễn Tấn Lợi**", "Nguyễn Tấn Lợi"),
    # a name wrapped over two lines, and one broken inside a word by markup
    ("**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n**Trần\nChí Hùng**", "Trần Chí Hùng"),
    ("**CHỦ TỊCH**\n**Lê Hải\nH****òa**", "Lê Hải Hòa"),
    # a rank before the name
    ("**KT. BỘ TRƯỞNG**\nTHỨ TRƯỞNG\nThượng tướng Võ Minh Lương", "Võ Minh Lương"),
    # a Central Highlands name
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nY Giang Gry Niê Knơng", "Y Giang Gry Niê Knơng"),
    # heads of departments and offices that sign alone
    ("**CỤC TRƯỞNG**\nMai Xuân Thành", "Mai Xuân Thành"),
    ("THỨ TRƯỞNG THƯỜNG TRỰC\n(Đã ký)\nPhạm Ngọc Thưởng |", "Phạm Ngọc Thưởng"),
    ("CHÁNH THANH TRA\nLê Văn Cường", "Lê Văn Cường"),
    ("Q. CHỦ TỊCH\nHồ Văn Mười", "Hồ Văn Mười"),
])
def test_signature_blocks(block, signer):
    text = (f"ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 15/QĐ-UBND\nĐắk Lắk, ngày 03 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
            f"Về việc X\nĐiều 1. Nội dung./.\n|\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n|\n{block}\n|\n"
            "**PHỤ LỤC I**\nDANH MỤC\n|\n**CHỦ TỊCH**\n|\nNội dung phụ lục\n")
    assert doc(text)["signer"] == signer


def test_signer_block_before_the_recipients_list():
    text = ("BỘ TÀI CHÍNH\nSố: 120/BTC-CST\nHà Nội, ngày 03 tháng 3 năm 2025\nKính gửi: Cục Thuế.\nNội dung./.\n"
            "TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ CHÍNH SÁCH THUẾ\nNguyễn Quốc Hưng\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    assert doc(text)["signer"] == "Nguyễn Quốc Hưng"


@pytest.mark.parametrize(("header", "kind", "number", "title"), [
    # "V/v" under the number
    ("BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nSố: 5155/CHQ-GSQL\nV/v hướng dẫn thủ tục hải quan\nHà Nội, ngày 28 tháng 11 "
     "năm 2025\nKính gửi: Hải quan khu vực II.\n", "Công văn", "5155/CHQ-GSQL", "hướng dẫn thủ tục hải quan"),
    # "Về ..." over two lines
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 5155/SGDĐT-GDTX\nVề hướng dẫn đánh giá "
     "trung tâm\nhọc tập cộng đồng\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\nKính gửi: Ủy ban nhân dân "
     "phường, xã.\n", "Công văn", "5155/SGDĐT-GDTX", "hướng dẫn đánh giá trung tâm học tập cộng đồng"),
    # no subject line at all, but addressed
    ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 881/UBND-TH\nLào Cai, ngày 02 tháng 10 năm 2025\nKính gửi: Sở Tài chính.\n"
     "Nội dung.\n", "Công văn", "881/UBND-TH", None),
])
def test_official_letters(header, kind, number, title):
    d = doc(header)
    assert (d["type"], d["number"], d["title"]) == (kind, number, title)


def test_a_letter_reporting_problems_does_not_implement():
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 3310/CT-CS\nV/v vướng mắc khi thực hiện Nghị định số 181/2025/NĐ-CP\n"
            "Hà Nội, ngày 01 tháng 9 năm 2025\nKính gửi: Thuế tỉnh Phú Thọ.\nNội dung.\n")
    assert cites(text)["181/2025/NĐ-CP"]["relations"] == []


def test_ocr_header():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 52 /QD-UBND\n"
            "Đà Nẵng, ngay12 tháng 4 năm 2024\nQUYÉT ĐỊNH\nVề việc phê duyệt kế hoạch\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\nCăn cu Quyết định số 15/2021/QĐ-UBND ngày 03/5/2021;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt.\n")
    d = doc(text)
    assert (d["type"], d["number"], d["date"], d["title"]) == (
        "Quyết định", "52/QĐ-UBND", "2024-04-12", "Về việc phê duyệt kế hoạch")
    assert cites(text)["15/2021/QĐ-UBND"]["relations"] == ["based_on"]


@pytest.mark.parametrize(("header", "kind", "number", "date"), [
    # a heading wrapped over two table-cell lines, a month glued to "tháng"
    ("**ỦY BAN NHÂN DÂN **\nTỈNH HÀ TĨNH\nSố: 80/2025/QĐ-UBND\n*Hà Tĩnh, ngày 24 tháng11 năm 2025*\n**QUYẾT\nĐỊNH**\n"
     "BÃI BỎ QUYẾT ĐỊNH SỐ 15/2025/QĐ-UBND\n", "Quyết định", "80/2025/QĐ-UBND", "2025-11-24"),
    # emphasis inside a word, no comma after the place
    ("**CHÍNH PHỦ**\nSố: 386/NQ-CP\n*Hà Nội ngày 01\ntháng 1**2** n**ă**m 2025*\n**NGHỊ QUYẾT**\nVỀ VIỆC TIẾP THU\n",
     "Nghị quyết", "386/NQ-CP", "2025-12-01"),
    # a consolidated text keeps the heading of what it consolidates; its number says what it is
    ("**BỘ QUỐC PHÒNG**\nSố: 92/VBHN-BQP\n*Hà Nội, ngày 24 tháng 11 năm 2025*\n**QUYẾT ĐỊNH**\nVỀ THỰC HIỆN CHẾ ĐỘ\n",
     "Văn bản hợp nhất", "92/VBHN-BQP", "2025-11-24"),
    # a unit of the Government Office with a dot in its token
    ("VĂN PHÒNG CHÍNH PHỦ\nSố: 11554/VPCP-V.I\nV/v thực hiện chế độ báo cáo\nHà Nội, ngày 20 tháng 11 năm 2025\n",
     "Công văn", "11554/VPCP-V.I", "2025-11-20"),
    # a Party programme: "Số" without a colon, the heading's modifier is not the title
    ("ĐẢNG BỘ TỈNH NGHỆ AN\nTỈNH ỦY\n*\nSố 15-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nNghệ An, ngày 10 tháng 3 năm 2025\n"
     "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\n- Căn cứ Nghị quyết số 57-NQ/TW;\n",
     "Chương trình", "15-CTr/TU", "2025-03-10"),
])
def test_headers_of_web_and_party_copies(header, kind, number, date):
    d = doc(header)
    assert (d["type"], d["number"], d["date"]) == (kind, number, date)


def test_party_programme_title_and_jurisdiction():
    d = doc("ĐẢNG BỘ TỈNH NGHỆ AN\nTỈNH ỦY\n*\nSố 15-CTr/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nNghệ An, ngày 10 tháng 3 năm 2025\n"
            "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\n- Căn cứ Nghị quyết số 57-NQ/TW;\n")
    assert d["title"] == "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị" and d["jurisdiction"] == "Nghệ An"


def test_a_law_reads_its_own_header_and_closing_line():
    text = ("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLuật số: 59/2020/QH14\nLUẬT\n"
            "DOANH NGHIỆP\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật Doanh "
            "nghiệp.\nChương I\nĐiều 1. Luật Đất đai được Quốc hội thông qua ngày 29 tháng 11 năm 2013 không bị ảnh "
            "hưởng.\nLuật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, kỳ họp thứ 9 thông "
            "qua ngày 17 tháng 6 năm 2020.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân\n")
    d = doc(text)
    assert (d["type"], d["number"], d["date"], d["signer"]) == ("Luật", "59/2020/QH14", "2020-06-17", "Nguyễn Thị Kim Ngân")
    # the law names itself, by number and by name, and is not its own citation
    assert "59/2020/QH14" not in cites(text) and "Luật Doanh nghiệp" not in cites(text)


def test_provincial_branch_of_a_central_agency_has_its_province():
    d = doc("CỤC THUẾ\n**THUẾ TỈNH TÂY NINH**\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 3257/TNI-QLDN1\n"
            "V/v thuế suất thuế GTGT\nTây Ninh, ngày 01 tháng 12 năm 2025\nKính gửi: Công ty X.\n")
    assert d["jurisdiction"] == "Tây Ninh"


def test_old_tone_placement_in_capitals():
    d = doc("**UỶ BAN NHÂN DÂN**\nTỈNH CAO BẰNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2003/QĐ-UBND\n"
            "Cao Bằng, ngày 25 tháng 11 năm 2025\nQUYẾT ĐỊNH\nPHÊ DUYỆT DANH SÁCH XÃ\n")
    assert d["jurisdiction"] == "Cao Bằng" and d["issuer"] == "Ủy ban nhân dân tỉnh Cao Bằng"


def test_a_department_under_its_provincial_committee():
    d = doc("UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 455/KH-SYT\n"
            "Lâm Đồng, ngày 15 tháng 3 năm 2024\nKẾ HOẠCH\nPhòng chống dịch\n")
    assert (d["jurisdiction"], d["issuer_level"]) == ("Lâm Đồng", "provincial_department")
    assert d["issuer"].startswith("Sở y tế")


@pytest.mark.parametrize(("heading", "kind"), [
    ("QUYẾT ĐINH", "Quyết định"), ("KÊ HOẠCH", "Kế hoạch"), ("THONG BAO", "Thông báo"), ("NGHỊ QUYÊT", "Nghị quyết"),
])
def test_ocr_headings_without_their_marks(heading, kind):
    d = doc(f"ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 12/UBND-VX\nBình Định, ngày 05 thảng 3 nãm 2023\n{heading}\nVề việc X\n")
    assert (d["type"], d["date"]) == (kind, "2023-03-05")


def test_a_document_listing_instruments_like_a_site_title_keeps_them():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 77/UBND-TH\nV/v rà soát văn bản\nAn Giang, ngày 02 tháng 10 năm 2025\n"
            "Kính gửi: Sở Tư pháp.\nĐề nghị rà soát các văn bản sau:\n"
            "Quyết định 12/2024/QĐ-UBND năm 2024 quy định giá dịch vụ do UBND tỉnh An Giang ban hành\n"
            "Quyết định 30/2023/QĐ-UBND năm 2023 quy định phân cấp do UBND tỉnh An Giang ban hành\n")
    assert {"12/2024/QĐ-UBND", "30/2023/QĐ-UBND"} <= set(cites(text))


@pytest.mark.parametrize(("header", "province", "level"), [
    ("BAN CHẤP HÀNH ĐẢNG BỘ\nTỈNH THANH HÓA\n*\nSố 15-NQ/TU\nThanh Hóa, ngày 10 tháng 4 năm 2023\nNGHỊ QUYẾT\nX\n",
     "Thanh Hóa", "provincial_party"),
    ("ĐẢNG BỘ TỈNH NINH BÌNH\nBAN THƯỜNG VỤ\n*\nSố 15-KH/TU\nNinh Bình, ngày 10 tháng 4 năm 2023\nKẾ HOẠCH\nX\n",
     "Ninh Bình", "provincial_party"),
    # a spelling of the province the tables did not know, and a place line that is a city, not the province
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐĂK NÔNG\nSố: 33/KH-UBND\nGia Nghĩa, ngày 10 tháng 4 năm 2023\nKẾ HOẠCH\nX\n",
     "Đắk Nông", "provincial_committee"),
    # both columns of an OCR'd header on one line
    ("UỶ BAN NHÂN DÂN TỈNH QUẢNG NAM CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 123 /UBND-KTN Độc lập - Tự do - Hạnh "
     "phúc\nV/v triển khai Kế hoạch số 45/KH-UBND\nQuảng Nam, ngày 5 tháng 3 năm 2023\nKính gửi: Các Sở, ngành\n",
     "Quảng Nam", "provincial_committee"),
])
def test_provincial_headers(header, province, level):
    d = doc(header)
    assert (d["jurisdiction"], d["issuer_level"]) == (province, level)


def test_a_header_date_in_figures_but_not_a_citations_date():
    d = doc("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 12/KH-UBND\nCần Thơ, ngày 05/3/2023\nKẾ HOẠCH\nX\n")
    assert (d["date"], d["place"]) == ("2023-03-05", "Cần Thơ")
    assert doc("Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị;\nThực hiện X.")["date"] is None
