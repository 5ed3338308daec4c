"""A small corpus where documents replace, repeal and amend others, and a draft that cites what they replaced.

A (12/2020/QĐ-UBND of Gia Lai) is replaced by B (45/2025/QĐ-UBND) from 1 December 2025; B also cites khoản 2
Điều 5 of A. D repeals Điều 7 of 30/2021/QĐ-UBND from the same day. A Hà Nội council resolution replaces
61/2021/NQ-HĐND from 1 January 2026. The seed documents change nothing, so tests of status, of /check's
`superseded` verdict and of the README's example on replacements read this corpus.
"""

from __future__ import annotations

from pathlib import Path

HEADER = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: {number}\nGia Lai, ngày {day}\n\nQUYẾT ĐỊNH\n{title}\n\n"
A = HEADER.format(number="12/2020/QĐ-UBND", day="05 tháng 3 năm 2020", title="Ban hành Quy định quản lý cụm công "
                  "nghiệp trên địa bàn tỉnh") + (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2020.\n")
B = HEADER.format(number="45/2025/QĐ-UBND", day="12 tháng 11 năm 2025", title="Ban hành Quy định quản lý cụm công "
                  "nghiệp trên địa bàn tỉnh Gia Lai") + (
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp.\n"
    "Điều 2. Các dự án đã được chấp thuận theo khoản 2 Điều 5 Quyết định số 12/2020/QĐ-UBND thì tiếp tục thực "
    "hiện.\n"
    "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025 và thay thế Quyết định số "
    "12/2020/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Gia Lai.\n")
D = HEADER.format(number="46/2025/QĐ-UBND", day="12 tháng 11 năm 2025", title="Bãi bỏ Điều 7 của Quyết định số "
                  "30/2021/QĐ-UBND ngày 10 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh Gia Lai") + (
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Bãi bỏ Điều 7 của Quyết định số 30/2021/QĐ-UBND ngày 10 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh "
    "Gia Lai.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2025.\n")
DRAFT = HEADER.format(number="50/2026/QĐ-UBND", day="10 tháng 01 năm 2026", title="Về quản lý cụm công nghiệp") + (
    "Căn cứ Quyết định số 12/2020/QĐ-UBND ngày 05 tháng 3 năm 2020 của Ủy ban nhân dân tỉnh Gia Lai;\n"
    "Căn cứ khoản 1 Điều 7 Quyết định số 30/2021/QĐ-UBND ngày 10 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh Gia Lai;"
    "\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Giao Sở Công Thương thực hiện.\n")
HANOI = ("HỘI ĐỒNG NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 75/2025/NQ-HĐND\nHà Nội, ngày 27 tháng 11 năm 2025\n\nNGHỊ QUYẾT\n"
         "Quy định chế độ, chính sách cho dân quân tự vệ trên địa bàn thành phố Hà Nội\n\n"
         "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nQUYẾT NGHỊ:\n\n"
         "Điều 1. Quy định chế độ, chính sách cho dân quân tự vệ.\n"
         "Điều 2. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2026 và thay thế Nghị quyết số 61/2021/NQ-HĐND "
         "ngày 23 tháng 9 năm 2021 của Hội đồng nhân dân thành phố Hà Nội.\n")


def write_corpus(folder: Path) -> Path:
    """The corpus's documents (not the draft) as .txt files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("a.txt", A), ("b.txt", B), ("d.txt", D), ("hanoi.txt", HANOI)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder
