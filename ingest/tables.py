"""Reference tables of Vietnamese legal practice: instrument types, symbol tokens, issuers, provinces.

Every pattern in `ingest.patterns` is built from these tables, so teaching the extractor a new type,
issuer or province is a one-line change here. Sources: Decree 30/2020/ND-CP (Annexes I and III) and
the Party's Regulation 66-HD/VPTW on document numbering; see ``../shared/DOMAIN.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

Level = Literal[
    "party_central",
    "state_central",
    "ministry",
    "provincial_party",
    "provincial_council",
    "provincial_committee",
    "provincial_department",
    "other",
]
# The rank of each level, 1 the highest: the order of `Level`.
LEVEL_RANK: dict[str, int] = {level: rank for rank, level in enumerate(get_args(Level), 1)}

# Type words as written before a number ("Nghị quyết số ..."), mapped to the schema's type name.
# Longer phrases first matters only for readability: the pattern builder sorts by length.
TYPE_WORDS: dict[str, str] = {
    "Nghị quyết liên tịch": "Nghị quyết liên tịch",
    "Nghị quyết": "Nghị quyết",
    "Quyết định": "Quyết định",
    "Kế hoạch": "Kế hoạch",
    "Chương trình": "Chương trình",
    "Chỉ thị": "Chỉ thị",
    "Kết luận": "Kết luận",
    "Công điện": "Công điện",
    "Thông báo": "Thông báo",
    "Nghị định": "Nghị định",
    "Thông tư liên tịch": "Thông tư liên tịch",
    "Thông tư": "Thông tư",
    "Thông tri": "Thông tri",
    "Luật": "Luật",
    "Bộ luật": "Bộ luật",
    "Pháp lệnh": "Pháp lệnh",
    "Hiến pháp": "Hiến pháp",
    "Công văn": "Công văn",
    "văn bản": "Công văn",
    "Văn bản": "Công văn",
    "Đề án": "Đề án",
    "Dự án": "Dự án",
    "Hướng dẫn": "Hướng dẫn",
    "Quy định": "Quy định",
    "Quy chế": "Quy chế",
    "Quy trình": "Quy trình",
    "Phương án": "Phương án",
    "Báo cáo": "Báo cáo",
    "Tờ trình": "Tờ trình",
    "Thông cáo": "Thông cáo",
    "Lệnh": "Lệnh",
    "Văn bản hợp nhất": "Văn bản hợp nhất",
}

# Instruments cited by name alone ("Luật Đầu tư công", "Hiến pháp").
NAMED_TYPES: dict[str, str] = {
    "Bộ luật": "Bộ luật",
    "Bộ Luật": "Bộ luật",
    "Luật": "Luật",
    "Pháp lệnh": "Pháp lệnh",
    "Hiến pháp": "Hiến pháp",
}

# Types whose bare number names a part or a programme rather than an instrument, unless the text
# also cites an instrument of that type and number: "Dự án 1 ... Dự án 9" of a national target
# programme, "Chương trình 135" (a programme known by the number of its founding decision).
NUMBERED_PARTS = frozenset({"Dự án", "Chương trình"})

# Words that follow "Luật" without making it a law's name: the profession, the discipline, "this law".
NOT_A_LAW_NAME = ("sư", "gia", "học", "pháp", "này", "định", "lệ", "chơi", "tháng", "áp", "chuyên", "có", "trình",
                  "hiện", "liên", "mẫu", "khác")
# Words before "Luật" that make it a draft, a school or a faculty, not an instrument in force:
# "dự thảo Luật ...", "xây dựng Luật Chuyển đổi số", "Trường Đại học Luật Hà Nội".
NOT_A_LAW_BEFORE = ("dự án", "dự thảo", "xây dựng", "soạn thảo", "Đại học", "đại học", "Trường", "Khoa")

# Type tokens inside a number-symbol ("11/NQ-CP"), keyed by their canonical spelling.
TYPE_TOKENS: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "QĐi": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "CĐ": "Công điện",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "PL": "Pháp lệnh",
    "L": "Lệnh",
    "VBHN": "Văn bản hợp nhất",
    "KL": "Kết luận",
    "QTr": "Quy trình",
    "CV": "Công văn",
}

# OCR and keyboard damage seen in real copies, mapped to the canonical token.
TOKEN_VARIANTS: dict[str, str] = {
    "QD": "QĐ",
    "CD": "CĐ",
    "ND": "NĐ",
    "HDND": "HĐND",
    "QDI": "QĐi",
    "QYD": "QyĐ",
    "KHDT": "KHĐT",
    "BKHDT": "BKHĐT",
}


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuing body as the tables know it: its canonical name, level, and whether it is local."""

    name: str
    level: Level
    local: bool = False


# Issuer tokens at the end of a number-symbol. Tokens with a legislature number (QH15) are matched
# on their letters; see `issuer_for_token`.
ISSUER_TOKENS: dict[str, Issuer] = {
    "CP": Issuer("Chính phủ", "state_central"),
    "TTg": Issuer("Thủ tướng Chính phủ", "state_central"),
    "QH": Issuer("Quốc hội", "state_central"),
    "UBTVQH": Issuer("Ủy ban Thường vụ Quốc hội", "state_central"),
    "CTN": Issuer("Chủ tịch nước", "state_central"),
    "VPCP": Issuer("Văn phòng Chính phủ", "ministry"),
    "NHNN": Issuer("Ngân hàng Nhà nước Việt Nam", "ministry"),
    "TTCP": Issuer("Thanh tra Chính phủ", "ministry"),
    "KTNN": Issuer("Kiểm toán Nhà nước", "ministry"),
    "TANDTC": Issuer("Tòa án nhân dân tối cao", "state_central"),
    "VKSNDTC": Issuer("Viện kiểm sát nhân dân tối cao", "state_central"),
    "UBDT": Issuer("Ủy ban Dân tộc", "ministry"),
    "BTC": Issuer("Bộ Tài chính", "ministry"),
    "BKHĐT": Issuer("Bộ Kế hoạch và Đầu tư", "ministry"),
    "BXD": Issuer("Bộ Xây dựng", "ministry"),
    "BCT": Issuer("Bộ Công Thương", "ministry"),
    "BGDĐT": Issuer("Bộ Giáo dục và Đào tạo", "ministry"),
    "BYT": Issuer("Bộ Y tế", "ministry"),
    "BNV": Issuer("Bộ Nội vụ", "ministry"),
    "BTP": Issuer("Bộ Tư pháp", "ministry"),
    "BCA": Issuer("Bộ Công an", "ministry"),
    "BQP": Issuer("Bộ Quốc phòng", "ministry"),
    "BNG": Issuer("Bộ Ngoại giao", "ministry"),
    "BLĐTBXH": Issuer("Bộ Lao động - Thương binh và Xã hội", "ministry"),
    "BNNPTNT": Issuer("Bộ Nông nghiệp và Phát triển nông thôn", "ministry"),
    "BNNMT": Issuer("Bộ Nông nghiệp và Môi trường", "ministry"),
    "BTNMT": Issuer("Bộ Tài nguyên và Môi trường", "ministry"),
    "BGTVT": Issuer("Bộ Giao thông vận tải", "ministry"),
    "BTTTT": Issuer("Bộ Thông tin và Truyền thông", "ministry"),
    "BKHCN": Issuer("Bộ Khoa học và Công nghệ", "ministry"),
    "BVHTTDL": Issuer("Bộ Văn hóa, Thể thao và Du lịch", "ministry"),
    "BDTTG": Issuer("Bộ Dân tộc và Tôn giáo", "ministry"),
    "TW": Issuer("Ban Chấp hành Trung ương Đảng", "party_central"),
    "VPTW": Issuer("Văn phòng Trung ương Đảng", "party_central"),
    "TU": Issuer("Thành ủy", "provincial_party", local=True),
    "UBND": Issuer("Ủy ban nhân dân", "provincial_committee", local=True),
    "HĐND": Issuer("Hội đồng nhân dân", "provincial_council", local=True),
    "BCĐ": Issuer("Ban Chỉ đạo", "other"),
}

# Issuing bodies as the text names them after "của" ("của Thủ tướng Chính phủ"). Regex fragments,
# tried longest first; a province name may follow a local body. Each maps to a token above or to
# its own Issuer.
ISSUER_PHRASES: list[tuple[str, Issuer]] = [
    (r"Ban Chấp hành Trung ương(?: Đảng)?", ISSUER_TOKENS["TW"]),
    (r"Trung ương(?: Đảng)?", ISSUER_TOKENS["TW"]),
    (r"Bộ Chính trị", Issuer("Bộ Chính trị", "party_central")),
    (r"Ban Bí thư(?: Trung ương Đảng)?", Issuer("Ban Bí thư", "party_central")),
    (r"Ủy ban Thường vụ Quốc hội", ISSUER_TOKENS["UBTVQH"]),
    (r"Quốc hội", ISSUER_TOKENS["QH"]),
    (r"Chủ tịch nước", ISSUER_TOKENS["CTN"]),
    (r"(?:Phó )?Thủ tướng(?: Chính phủ)?", ISSUER_TOKENS["TTg"]),
    (r"Văn phòng Chính phủ", ISSUER_TOKENS["VPCP"]),
    (r"Thanh tra Chính phủ", ISSUER_TOKENS["TTCP"]),
    (r"Chính phủ", ISSUER_TOKENS["CP"]),
    (r"(?:Thống đốc )?Ngân hàng Nhà nước(?: Việt Nam)?", ISSUER_TOKENS["NHNN"]),
    (r"Kiểm toán Nhà nước", ISSUER_TOKENS["KTNN"]),
    (r"Tòa án nhân dân tối cao", ISSUER_TOKENS["TANDTC"]),
    (r"Viện kiểm sát nhân dân tối cao", ISSUER_TOKENS["VKSNDTC"]),
    (r"Ủy ban Dân tộc", ISSUER_TOKENS["UBDT"]),
    (r"(?:Ban Thường vụ |Ban Chấp hành Đảng bộ |Thường trực )?(?:Thành ủy|Tỉnh ủy)", ISSUER_TOKENS["TU"]),
    # "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH THANH HÓA", "ĐẢNG BỘ TỈNH NINH BÌNH / BAN THƯỜNG VỤ": the provincial Party body.
    (r"(?:Ban Chấp hành |Ban Thường vụ )?Đảng bộ (?:tỉnh|thành phố)", ISSUER_TOKENS["TU"]),
    (r"(?:Thường trực )?(?:Hội đồng nhân dân|HĐND)(?: (?:tỉnh|thành phố|TP\.?))?", ISSUER_TOKENS["HĐND"]),
    (
        r"(?:Chủ tịch )?(?:Ủy ban nhân dân|UBND)(?: \(UBND\))?(?: (?:tỉnh|thành phố|TP\.?))?",
        ISSUER_TOKENS["UBND"],
    ),
    (r"Ban Chỉ đạo(?: [\wÀ-ỹ]+){0,8}? (?:tỉnh|thành phố)", Issuer("Ban Chỉ đạo", "other", local=True)),
    (r"Sở [A-ZĐ][\wÀ-ỹ]*(?: (?:và )?[\wÀ-ỹ]+){0,5}? (?:tỉnh|thành phố)", Issuer("Sở", "provincial_department", True)),
    # A department named without its province ("SỞ Y TẾ" under "UBND TỈNH LÂM ĐỒNG", "của Sở Nội vụ"):
    # the province is the parent's line or the citing document's.
    (r"Sở (?:[A-ZĐ][\wÀ-ỹ]*|[A-ZĐÀ-Ỹ]+)", Issuer("Sở", "provincial_department", True)),
    # Provincial branches of central agencies ("Thuế tỉnh Tây Ninh", "Hải quan thành phố Hải Phòng").
    (
        r"(?:Thuế|Hải quan|Kho bạc Nhà nước|Bảo hiểm xã hội|Công an|Thống kê|Chi cục(?: [\wÀ-ỹ]+){1,4}?)"
        r" (?:tỉnh|thành phố)",
        Issuer("Cơ quan ngành dọc", "provincial_department", True),
    ),
]

# Ministries by name ("của Bộ Tài chính", "của Bộ trưởng Bộ Y tế").
ISSUER_PHRASES += [
    ("(?:Bộ trưởng )?" + body.name, body) for body in ISSUER_TOKENS.values() if body.name.startswith("Bộ ")
]

# The 63 provinces and centrally-run cities before the 2025 merger (the 34 after it are among them;
# "Thừa Thiên Huế" became the city of Huế in 2025).
PROVINCES: tuple[str, ...] = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "An Giang",
    "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)

# The 2025 reorganisation: from 1 July 2025 the 63 provinces and centrally-run cities became 34. Each
# former unit merged into another is mapped to the unit that took it in (which keeps its own name), and
# the date.
# Source: Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh.
_MERGED = date(2025, 7, 1)
PROVINCE_SUCCESSORS: dict[str, tuple[str, date]] = {
    "Hà Giang": ("Tuyên Quang", _MERGED), "Yên Bái": ("Lào Cai", _MERGED), "Bắc Kạn": ("Thái Nguyên", _MERGED),
    "Vĩnh Phúc": ("Phú Thọ", _MERGED), "Hòa Bình": ("Phú Thọ", _MERGED), "Bắc Giang": ("Bắc Ninh", _MERGED),
    "Thái Bình": ("Hưng Yên", _MERGED), "Hải Dương": ("Hải Phòng", _MERGED), "Hà Nam": ("Ninh Bình", _MERGED),
    "Nam Định": ("Ninh Bình", _MERGED), "Quảng Bình": ("Quảng Trị", _MERGED), "Quảng Nam": ("Đà Nẵng", _MERGED),
    "Kon Tum": ("Quảng Ngãi", _MERGED), "Bình Định": ("Gia Lai", _MERGED), "Ninh Thuận": ("Khánh Hòa", _MERGED),
    "Đắk Nông": ("Lâm Đồng", _MERGED), "Bình Thuận": ("Lâm Đồng", _MERGED), "Phú Yên": ("Đắk Lắk", _MERGED),
    "Bình Dương": ("Hồ Chí Minh", _MERGED), "Bà Rịa - Vũng Tàu": ("Hồ Chí Minh", _MERGED),
    "Bình Phước": ("Đồng Nai", _MERGED), "Long An": ("Tây Ninh", _MERGED), "Sóc Trăng": ("Cần Thơ", _MERGED),
    "Hậu Giang": ("Cần Thơ", _MERGED), "Bến Tre": ("Vĩnh Long", _MERGED), "Trà Vinh": ("Vĩnh Long", _MERGED),
    "Tiền Giang": ("Đồng Tháp", _MERGED), "Bạc Liêu": ("Cà Mau", _MERGED), "Kiên Giang": ("An Giang", _MERGED),
    # Renamed, not merged: the province became the city of Huế on 1 January 2025
    # (Nghị quyết 1314/NQ-UBTVQH15 ngày 30/11/2024 của Ủy ban Thường vụ Quốc hội).
    "Thừa Thiên Huế": ("Huế", date(2025, 1, 1)),
}

# Other spellings of a province, mapped to the name above.
PROVINCE_ALIASES: dict[str, str] = {
    "Thành phố Hồ Chí Minh": "Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TP.HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "TP.Hồ Chí Minh": "Hồ Chí Minh",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Lăk": "Đắk Lắk",
    "Đắk Lăk": "Đắk Lắk",
    "Daklak": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông",
    "Đắc Nông": "Đắk Nông",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "Kontum": "Kon Tum",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
}

# Roman numerals of legislatures and Party congresses ("khóa XV").
ROMAN = r"[IVXL]{1,6}"


def canonical_token(token: str) -> str:
    """Return the canonical spelling of a symbol token, or the token unchanged when unknown.

    >>> canonical_token("CTR"), canonical_token("qd"), canonical_token("GT")
    ('CTr', 'QĐ', 'GT')
    """
    key = token.upper()
    if key in TOKEN_VARIANTS:
        return TOKEN_VARIANTS[key]
    return _CANONICAL_BY_UPPER.get(key, token)


def issuer_for_token(token: str) -> Issuer | None:
    """The issuing body a symbol's last token names ("CP", "QH15", "UBND"), or None.

    >>> issuer_for_token("QH15").name
    'Quốc hội'
    """
    token = canonical_token(token)
    if token in ISSUER_TOKENS:
        return ISSUER_TOKENS[token]
    base = token.rstrip("0123456789")
    if base in ("QH", "UBTVQH"):
        return ISSUER_TOKENS[base]
    if len(token) >= 3 and token.startswith("S") and token.isupper():
        return Issuer("Sở", "provincial_department", local=True)
    return None


_CANONICAL_BY_UPPER: dict[str, str] = {
    t.upper(): t for t in (*TYPE_TOKENS, *ISSUER_TOKENS)
}

# Vietnamese family names (the ~120 in use among officials, Kinh and minority), and the name prefixes
# of the Central Highlands peoples ("Y", "H'", "Ksor"): a signature line that opens with one is a
# person, one that opens with a job title ("Thứ trưởng", "Phó Cục trưởng") is not.
# Compiled by the team from the names that sign documents; extend it when a signer is missed.
FAMILY_NAMES: frozenset[str] = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Âu", "Mai", "Tạ", "Đinh", "Trương", "Phùng", "Cao", "Lâm", "Hà", "Lương", "Tô", "Đoàn",
    "Triệu", "Thái", "Quách", "Kiều", "La", "Lưu", "Chu", "Tăng", "Vương", "Đàm", "Lại", "Hứa", "Giang",
    "Khổng", "Lục", "Mạc", "Nông", "Lò", "Ông", "Thân", "Từ", "Kim", "Hầu", "Trịnh", "Tống", "Châu", "Diệp",
    "Doãn", "Đào", "Đồng", "Hàn", "Hồng", "Khúc", "Khương", "Kha", "Lã", "Lạc", "Lạng", "Lữ", "Mã", "Mẫn",
    "Nghiêm", "Ninh", "Phí", "Quan", "Quang", "Sầm", "Sơn", "Thạch", "Thiều", "Thôi", "Tiêu", "Tôn", "Trang",
    "Trình", "Ung", "Vi", "Viên", "Yên", "Bạch", "Bế", "Cù", "Cấn", "Chử", "Cung", "Đậu", "Điêu", "Đường",
    "Giáp", "Hạ", "Hoa", "Kông", "Lù", "Lỗ", "Mạch", "Mạnh", "Nhữ", "Ôn", "Phương", "Quản", "Sử", "Tào", "Thi",
    "Thều", "Tiết", "Trà", "Uông", "Ưng", "Vàng", "Vòng", "Y", "H'", "Ksor", "Siu", "Rơ", "Rah", "Niê", "Nay",
    "Kpă", "Mlô", "Byă", "Êban",
})
