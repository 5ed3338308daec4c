"""Every regular expression that reads Vietnamese legal text, built from `ingest.tables`.

The patterns run on cleaned text (see `ingest.clean`): markup is already blanked, so they need only
allow for white space, hard line breaks and case. Each is anchored on something cheap (a digit, a
capitalised type word, "Căn cứ") and has no nested unbounded repetition, so matching stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.tables import ISSUER_PHRASES, NAMED_TYPES, PROVINCE_ALIASES, PROVINCES, ROMAN, TYPE_WORDS
from ingest.tables import NOT_A_LAW_BEFORE as NOT_A_LAW_BEFORE_WORDS


def _words(phrase: str) -> str:
    """A phrase whose words may be separated by any white space, including a line break."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _alternation(phrases: list[str]) -> str:
    return "|".join(_words(p) for p in sorted(set(phrases), key=len, reverse=True))


def _alternation_at_word_start(phrases: list[str], ignore_case: bool = False) -> str:
    """`_alternation` matched only where a word starts, in any case when `ignore_case`.

    The look-behind stands after each phrase's first letter: a pattern that opens with literals lets the
    engine skip to those letters in C, where a look-behind first makes it try every position (five to ten
    times slower on real documents). For the same reason case is ignored by one alternative per case of
    the first letter and `(?i:...)` after it, never by re.I on the whole pattern.
    """
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        assert phrase[0].isalpha(), phrase
        rest = _words(phrase)[1:]
        for first in _cases(phrase[0]) if ignore_case else phrase[0]:
            alternatives.append(first + r"(?<!\w.)" + (f"(?i:{rest})" if ignore_case else rest))
    return "|".join(alternatives)


def _cases(letter: str) -> str:
    """Every character re.I takes for `letter` (the Kelvin sign for "k", a dotted "İ" for "i" ...)."""
    candidates = {letter, letter.lower(), letter.upper(), "\u212a", "\u0130", "\u0131", "\u017f"}
    return "".join(sorted(c for c in candidates if len(c) == 1 and re.fullmatch(re.escape(letter), c, re.I)))


class Anchored:
    """A pattern looked for only where a cheap anchor matches, with the `search`, `finditer` and `match`
    of `re.Pattern` and the same results.

    For a case-insensitive pattern, one whose alternatives open with groups, or one that opens with a
    look-behind or a line start, the engine cannot skip ahead and tries the whole pattern at every
    position. The anchor is a case-sensitive pattern that opens with a literal or a character class, which
    the engine scans for in C; it should rarely match where the pattern does not. Every match of the
    pattern starts where the anchor matches, or (`back`) just before it, over characters of `back` only:
    "Nơi nhận:" after a line's indentation. Tests hold the results equal to the pattern's on real text.
    """

    def __init__(self, pattern: re.Pattern[str], anchor: str, back: str = "") -> None:
        self.pattern = pattern
        self._anchor = re.compile(anchor)
        self._back = back

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        anchor, match, back = self._anchor.search, self.pattern.match, self._back
        while (hit := anchor(text, pos, endpos)) is not None:
            at = start = hit.start()
            while start > pos and text[start - 1] in back:
                start -= 1
            for candidate in range(start, at + 1):
                if (m := match(text, candidate, endpos)) is not None:
                    return m
            pos = at + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1


TYPE_ALT = _alternation(list(TYPE_WORDS))
# Capitalised type words only: a lower-case "kế hoạch 5 năm" is prose, not a short citation.
TYPE_ALT_CAPITAL = _alternation([w for w in TYPE_WORDS if w[0].isupper()])
PROVINCE_ALT = _alternation([*PROVINCES, *PROVINCE_ALIASES])
ISSUER_ALT = "|".join("(?:" + p.replace(" ", r"\s+") + ")" for p, _ in ISSUER_PHRASES)

# A number-symbol: "11/NQ-CP", "43/2022/QH15", "59-NQ/TW", "22 /KH-UBND", "57/NQ-\nCP".
# A separator may have a space before it or white space (a line break) after it, not both, so
# "59-NQ/TW - Kết luận" stops at "TW". Tokens are checked against the tables in `ingest.find`.
SYMBOL = re.compile(
    r"(?P<num>\d(?<![\w/.,\-]\d)\d{0,4})"  # the look-behind after the first digit: the engine skips to digits
    r"(?P<rest>(?:(?:[ ]?[/\-](?=\S)|[/\-]\s{1,8})"
    r"(?:\d{4}(?=[ ]?[/\-])|[A-ZĐ][A-Za-zĐđ0-9]*(?:\.[A-ZĐ][A-Za-zĐđ0-9]*)*(?!\w)))+)"  # "V.I": a unit with a dot
)
SYMBOL_SEPARATOR = re.compile(r"\s*[/\-]\s*")

_SO = r"(?:số|sô|so)\b\s*[:.]?\s*"
# Words allowed between a type word and "số": "Chương trình hành động số", "Công điện hỏa tốc số".
_MODIFIER_WORDS = r"hành\s+động|hỏa\s+tốc|khẩn|chuyên\s+đề|kết\s+luận|liên\s+tịch|liên\s+ngành|mật"
_MODIFIERS = rf"(?:\s+(?:{_MODIFIER_WORDS}))?"

HEADING_MODIFIER = re.compile(rf"\s+(?:{_MODIFIER_WORDS})[ \t]*$", re.I | re.M)

# Look-behind patterns, each matched against the text just before a number-symbol (anchored at \Z).
# A type word in any case, where a word starts (see `_alternation_at_word_start`).
_ANY_CASE_TYPE = _alternation_at_word_start(list(TYPE_WORDS), ignore_case=True)
BEFORE_TYPED = re.compile(rf"(?P<type>{_ANY_CASE_TYPE})(?i:{_MODIFIERS}\s*(?::\s*)?(?:{_SO})?)\Z")
BEFORE_TYPE_OF_ISSUER = re.compile(
    # The issuer stays in its clause: no blank line, no new "Căn cứ" ("... CỦA THỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Luật").
    rf"(?P<type>{_ANY_CASE_TYPE})(?i:\s+(?:của|do)\s+"
    r"(?P<issuer>(?:(?!Căn\s+cứ)(?:[^,;.:\d\n]|\n(?![ \t]*\n))){2,80}?)\s*:?\s*" + _SO + r")\Z"
)
BEFORE_LAW_NAME = re.compile(
    r"(?<!\w)(?P<type>Bộ luật|Luật|Pháp lệnh)\s+(?P<name>[^,;.:\d()“”\"]{2,120}?)\s+" + _SO + r"\Z"
)
# The amending law whose name ends with the law it amends: "Luật sửa đổi, bổ sung một số điều của ".
AMENDING_BEFORE = re.compile(
    r"(?<!\w)(?P<type>Bộ\s+luật|Luật|Pháp\s+lệnh)\s+sửa\s+đổi(?:\s*,\s*|\s+)bổ\s+sung(?:\s+một\s+số\s+điều)?"
    r"(?:\s+(?:của|tại))?\s*\Z",
    re.I,
)
BEFORE_LIST = re.compile(rf"(?:,|;|\bvà|\bhoặc|\bvà\s+các)\s*(?P<so>{_SO})?\Z", re.I)
BEFORE_SO = re.compile(rf"(?<!\w){_SO}\Z", re.I)
BEFORE_HEADER_SO = re.compile(r"(?:\A|\n)[ \t]*Số\s*[:.]?\s*\Z")

# A day, month and year: "01 tháng 12 năm 2025", "01/12/2025", "01-12-2025".
_DMY = r"(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:năm|/|-|\.)\s*(?P<y>\d{4})(?!\d)"
DATE_AFTER = re.compile(
    # "năm 15/5/2016" is a slip for "ngày 15/5/2016" when a whole date follows it
    r"[\s,]*(?:(?:ban\s+hành|ký)\s+)?(?:ngày|ngầy|năm(?=\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}))\s*" + _DMY,
    re.I,
)
# "Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số 169-CP": the date comes first.
DATE_BEFORE = re.compile(
    r"(?<!\w)ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4}),?\s+[^.;\d]{0,80}?"
    r"(?:đã\s+)?(?:ban\s+hành|ra|ký)\s*\Z",
    re.I,
)
YEAR_AFTER = re.compile(r"\s*(?:năm\s+)?(?P<y>(?:19|20)\d\d)(?!\d)", re.I)
KHOA = rf"\s*\(?\s*(?:khóa|khoá)\s+{ROMAN}\s*\)?"
ISSUER_AFTER = re.compile(
    rf"[\s,]*(?:của|do)\s+(?P<issuer>(?:{ISSUER_ALT})(?:{KHOA})?(?:\s+(?P<province>{PROVINCE_ALT})(?!\w))?)",
    re.I,
)
ISSUER_PHRASE = re.compile(
    rf"(?P<issuer>(?:{ISSUER_ALT})(?:{KHOA})?(?:\s+(?P<province>{PROVINCE_ALT})(?!\w))?)", re.I
)
PROVINCE = re.compile(rf"(?<!\w)(?:{PROVINCE_ALT})(?!\w)", re.I)
# A subject phrase opens with "về", a quotation, or a verb saying what the instrument does.
SUBJECT_LEAD = re.compile(
    r"[\s,]*(?P<lead>về\s+việc|về|v/v|“|\"|ban\s+hành|phê\s+duyệt|hướng\s+dẫn|quy\s+định|thông\s+báo"
    r"|triển\s+khai|thực\s+hiện|sửa\s+đổi|bãi\s+bỏ|thay\s+thế|tổ\s+chức\s+thực\s+hiện|Triển\s+khai|Hỗ\s+trợ"
    r"|Phê\s+duyệt|Phát\s+triển|Ứng\s+dụng)(?!\w)",
    re.I,
)
# Where a subject phrase ends: a clause break, a new sentence, or a new actor taking over the sentence.
SUBJECT_END = re.compile(
    r";|\.(?=\s|$)|:\s|”|\n\s*\n|\n(?=\s*(?:[-+•]|\d+\.|[a-zđ]\)|[IVX]+\.))"
    r"|\n(?=[ \t]*(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Xét|Theo\s+đề\s+nghị|Nhằm|Để|Điều\s+\d)(?!\w))"
    r"|,\s+(?=(?:Ủy\s+ban|UBND|Hội\s+đồng|HĐND|Chủ\s+tịch|Thành\s+ủy|Tỉnh\s+ủy|Ban\s+Thường\s+vụ|Sở|Bộ\s+trưởng"
    r"|Thủ\s+tướng|Giám\s+đốc)(?!\w))"
)

NOT_A_LAW_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(_words(w) for w in NOT_A_LAW_BEFORE_WORDS)})\s+(?:các\s+)?\Z")
NAMED = re.compile(rf"(?P<type>{_alternation_at_word_start(list(NAMED_TYPES))})(?!\w)")
_CAPITAL_TYPE_WORD = _alternation_at_word_start([w for w in TYPE_WORDS if w[0].isupper()])
# A bare short form stays on one line: "Văn bản |\n| 1" across table cells is no citation.
BARE = re.compile(
    rf"(?P<type>{_CAPITAL_TYPE_WORD})[^\S\n]+(?:{_SO})?(?P<num>\d{{1,4}})(?![\w/\-]|[ ]?[/\-]\s?[A-ZĐ\d]|[.,]\d)"
)
# A number after a type word that is a quantity or a year, not an instrument's number.
BARE_NOT_NUMBER = re.compile(
    r"\s*(?:năm|tháng|ngày|giờ|tuần|quý|%|tuổi|người|lần|đồng|tỷ|triệu|nghìn|ha\b|km|m2|dự\s+án|xã|huyện"
    r"|tỉnh|nội\s+dung|nhiệm\s+vụ|giải\s+pháp|mục\s+tiêu|chỉ\s+tiêu|điểm|khoản|điều|văn\s+bản)",
    re.I,
)

# The frame line of an annex: "(Ban hành kèm theo Quyết định số ...)", "(Kèm theo Nghị quyết số ...)".
ANNEX_FRAME = re.compile(r"\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s*\Z")

# Clause structure.
# The words that open a clause of the preamble: a basis, a purpose, the submission that prompted it.
_CLAUSE_OPENER = r"(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Xét|Theo\s+đề\s+nghị)(?!\w)"
# A sentence also ends where a line opens a new clause: a title in capitals above it is not part of it.
# One character class opens it, so the engine skips to those characters in C.
SENTENCE_BREAK = re.compile(
    rf"[.;!?\n](?:(?<!\n)(?=\s)|(?<=\n)(?:\s*\n|(?=\s*(?:[-+•]|\d+\.|[a-zđ]\)|[IVX]+\.))|(?=[ \t]*{_CLAUSE_OPENER})))"
)
BODY_START = re.compile(
    r"(?m)^[ \t]*(?:[IVX]+\s*[.:]\s|Điều\s+1\b|Phần\s+(?:I|1|thứ\s+nhất)\b|1\s*\.\s|A\s*\.\s|MỤC\s+(?:I|1)\b"
    r"|Chương\s+I\b)"
)
# A basis clause opens a line or follows a clause; Party documents list them as "- Căn cứ ...".
BASIS_START = Anchored(re.compile(r"(?:(?<=\n)|(?<=\A)|(?<=[.;]\s))[ \t]*(?:[-+•][ \t]*)?Căn\s+cứ(?!\w)"),
                       "Căn", back=" \t-+•")
# A basis clause goes on after ";" with another "Căn cứ" or another instrument; "Xét đề nghị ..." (the
# submission that prompted the document) is not a legal basis.
BASIS_CONTINUES = re.compile(rf"\s*(?:Căn\s+cứ|(?:các\s+)?(?:{TYPE_ALT})(?!\w))", re.I)
# A section of legal bases: "I. CĂN CỨ PHÁP LÝ", "1. Cơ sở pháp lý:", "CĂN CỨ PHÁP LÝ VÀ SỰ CẦN THIẾT";
# "Căn cứ pháp lý của thủ tục hành chính" is an annexed procedure's basis, not the document's.
BASIS_SECTION = re.compile(
    r"(?m)^[ \t]*(?:(?:[IVX]+|[A-Z]|\d+)[ \t]*[.:)][ \t]*)?(?:CĂN\s+CỨ\s+PHÁP\s+LÝ|CƠ\s+SỞ\s+PHÁP\s+LÝ"
    r"|Căn\s+cứ\s+pháp\s+lý|Cơ\s+sở\s+pháp\s+lý)(?!\s+(?:của|thủ|đối|để|cho)\b)[^\n]*"
)
LINE = re.compile(r"[^\n]*\n?")
# A line that ends a list of bases: a roman or numbered/lettered heading, a line in capitals, or a
# clause of another kind ("Xét đề nghị ...", "Thực hiện ...").
SECTION_HEADING = re.compile(
    rf"[ \t]*(?:{_CLAUSE_OPENER}|[IVX]+[ \t]*[.:)]"
    r"|(?:\d+(?:\.\d+)*|[a-zđA-Z])[ \t]*[.:)][ \t]+\S|[A-ZĐÀ-Ỹ]{2,}(?:[ \t]+[A-ZĐÀ-Ỹ,]+)+[ \t]*$)"
)
# A list item naming an instrument ("1. Luật ...", "- Nghị định số ..."): part of the list, not a heading.
LISTED_INSTRUMENT = re.compile(
    rf"[ \t]*(?:[-+•]|(?:\d+(?:\.\d+)*|[a-zđ])[ \t]*[.:)])?[ \t]*(?:Căn\s+cứ\s+)?(?:các\s+)?"
    rf"(?:{TYPE_ALT}|Hiến\s+pháp)(?!\w)",
    re.I,
)
OPENING_VERB = re.compile(
    r"(?:(?<=\n)|(?<=\A)|(?<=[.;]\s))[ \t]*(?:Tiếp\s+tục\s+|Để\s+|Nhằm\s+)?(?:thực\s+hiện|triển\s+khai"
    r"|cụ\s+thể\s+hóa|quán\s+triệt(?:\s+và\s+triển\s+khai)?)(?!\w)",
    re.I,
)
# The opening sentence ends at a full stop, a colon, a blank line, or a basis clause on the next line.
OPENING_END = re.compile(r"\.(?=\s)|:\s|\n\s*\n|\n(?=[ \t]*(?:[-+•][ \t]*)?Căn\s+cứ(?!\w))")
TITLE_IMPLEMENTS = re.compile(r"(?<!\w)(?:thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa)(?!\w)", re.I)
# Words before "thực hiện" that make the phrase about the carrying out, not an act of it: a report,
# a review, a meeting's conclusions, a letter on problems met ("vướng mắc trong quá trình thực hiện").
REPORTS_ON = re.compile(
    r"(?:tình\s+hình|kết\s+quả|sơ\s+kết|tổng\s+kết|đánh\s+giá|kiểm\s+tra|giám\s+sát|báo\s+cáo|liên\s+quan\s+đến"
    r"|vướng\s+mắc|khó\s+khăn|tiến\s+độ)(?:\s+(?:việc|trong|khi|quá\s+trình|\d+\s+năm|của|tổ\s+chức))*\s+\Z",
    re.I,
)
GENERIC_TITLE_TARGET = re.compile(
    rf"(?:thực\s+hiện|triển\s+khai)\s+(?:các\s+)?(?P<type>{TYPE_ALT})\s+(?:của|do)\s+"
    rf"(?P<issuers>[^.;:\d]{{3,200}}?)\s+(?:về|số|ngày)(?!\w)",
    re.I,
)
ISSUER_LIST_SPLIT = re.compile(r"\s*(?:,|\bvà\b)\s*")

# Verbs in a subject phrase that say how the cited instrument relates to one named inside it.
LINK_VERBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"sửa\s+đổi|bổ\s+sung", re.I), "amends"),
    (re.compile(r"bãi\s+bỏ", re.I), "repeals"),
    (re.compile(r"thay\s+thế", re.I), "replaces"),
    (re.compile(r"hướng\s+dẫn|quy\s+định\s+chi\s+tiết", re.I), "guides"),
    (re.compile(r"thực\s+hiện|triển\s+khai|cụ\s+thể\s+hóa|thi\s+hành", re.I), "implements"),
)
# "X được cụ thể hóa bằng Y": the verb is passive, so Y does to X what the verb says.
PASSIVE_BEFORE = re.compile(r"(?<!\w)được\s+\Z", re.I)
PASSIVE_AFTER = re.compile(r"\s*(?:bằng|bởi)(?!\w)", re.I)
# A list connector just before a mention: it is a sibling of what came before, not nested in it.
LIST_CONNECTOR_END = re.compile(r"(?:,|;|\bvà|\bhoặc)\s*(?:các\s+)?\Z", re.I)

# The document's own header and signature.
# "Số: 12/QĐ-UBND", "Số 15-QĐ/TW"; a law's header opens its line with "Luật số: 59/2020/QH14".
HEADER_NUMBER = re.compile(r"(?<!\w)Số\s*[:.]?\s*(?=\d)|(?m:^)[ \t]*(?:Bộ\s+)?(?:Luật|Pháp\s+lệnh)\s+số\s*:\s*(?=\d)")
# An official letter's subject line under its number: "V/v triển khai ...", "V/v: ...", "Về việc ...".
LETTER_SUBJECT = re.compile(r"(?m)^[ \t]*(?:V/v|V/V|v/v|Về\s+việc|Về(?=\s))\s*[:.]?[ \t]*(?=\S)")
ADDRESSEE = re.compile(r"(?m)^[ \t]*Kính\s+gửi\s*:")
# The subject runs on over wrapped lines until a blank line, the place and date, or the addressee.
LETTER_SUBJECT_END = re.compile(r"\n[ \t]*\n|\n(?=[^\n]*,\s*ngày\s*\d)|Kính\s+gửi|\n[ \t]*Số\s*[:.]")
PLACE_DATE = re.compile(
    rf"(?:(?P<place>[^\W\d_][\w.]*(?:[ \t\n]+[^\W\d_]\w*){{0,4}})\s*,|(?m:^)[ \t]*(?P<bare>{PROVINCE_ALT})[ \t]+)"
    r"\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*"
    r"(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
)  # "Hà Nội ngày 01 tháng 12 năm 2025": a province that opens its line may drop the comma.
# Web and OCR copies may write the header's date in figures ("Hà Nội, ngày 05/3/2023"); so do citations
# ("số 57-NQ/TW, ngày 22/12/2024"), so this form counts only where the place opens its line.
PLACE_DATE_FIGURES = re.compile(
    r"(?m)^[ \t]*(?P<place>[^\W\d_][^\n,;\d]{0,40}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*"
    r"(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"
)
# "Luật này đã được Quốc hội ... thông qua ngày 17 tháng 6 năm 2020": the closing line of a law or a
# resolution of an elected body, about itself ("này"), not a basis passed on some other day.
PASSED_ON = re.compile(
    r"(?<!\w)này\s[^.;]{0,300}?thông\s+qua\s+ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"
)
# Notes that stand between a role line and the signer's name.
SIGNED_NOTE = re.compile(r"[(\[]\s*(?:Đã\s+ký|đã\s+ký|ĐÃ\s+KÝ|Ký|ký)[^)\]\n]*[)\]]|(?<!\w)(?:Đã\s+ký|đã\s+ký)(?!\w)")
# A rank or degree before a signer's name: "Thượng tướng Võ Minh Lương", "PGS.TS. Nguyễn Văn A".
RANK = re.compile(
    r"^\s*(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Chuẩn\s+đô\s+đốc|Phó\s+Đô\s+đốc|Đô\s+đốc"
    r"|(?:GS|PGS|TS|ThS|BS|KS|CN|TSKH|BSCKII?)\.\s*)+",
    re.I,
)
# The tail of a name broken by markup: "H    òa" (a capital, spaces left by "****", the rest).
NAME_FRAGMENT = re.compile(r"[ \t]*([A-ZÀ-ỸĐ])[ \t]+([a-zà-ỹđ]+)[ \t]*")
# The role lines of a signature block: every head of a body ("CỤC TRƯỞNG", "VỤ TRƯỞNG", "HIỆU TRƯỞNG" end
# in TRƯỞNG), and the "for" forms (TM., KT., TL., Q. and the Party's T/M, K/T, T/L).
SIGNATURE_ROLE = re.compile(
    r"(?:CHỦ\s+TỊCH|BÍ\s+THƯ|TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|CHÁNH\s+THANH\s+TRA|CHÁNH\s+ÁN"
    r"|THỐNG\s+ĐỐC|TỔNG\s+THƯ\s+KÝ|CHỦ\s+NHIỆM|TM\.|T/M|KT\.|K/T|TL\.|T/L|Q\.)"
)

# The national motto under which every official header stands (state and Party forms).
NATIONAL_MOTTO = Anchored(re.compile(r"CỘNG\s+H[ÒO]A\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*-", re.I),
                          r"[cCđĐ][ộỘảẢ]")  # "cộ", "đả", "độ" in any case
RECIPIENTS = Anchored(re.compile(r"(?m)^[ \t]*Nơi\s+nhận\s*:"), "Nơi", back=" \t")

# A web copy's site material (see `ingest.chrome`); these run on cleaned text, markup already blanked.
# Site material that can stand above the official header: the publisher's metadata labels and banners.
CHROME_HEAD = re.compile(
    r"""(?mx)^[ \t]*(?:
        # the publisher's metadata labels
        (?:Số\s+hiệu|Loại\s+văn\s+bản|Nơi\s+ban\s+hành|Cơ\s+quan\s+ban\s+hành|Người\s+ký|Ngày\s+ban\s+hành
          |Ngày\s+hiệu\s+lực|Ngày\s+công\s+báo|Số\s+công\s+báo|Tình\s+trạng(?:\s+hiệu\s+lực)?|Lĩnh\s+vực)\s*:
        |Đang\s+tải\s+văn\s+bản                                  # the loading banner
        |Bản\s+dịch\s+này\s+thuộc\s+quyền\s+sở\s+hữu               # translation copyright
        |CÁC\s+NỘI\s+DUNG\s+ĐƯỢC\s+SỬA\s+ĐỔI,\s+HƯỚNG\s+DẪN         # the amendment-highlighting legend
        |Văn\s+bản\s+gốc|Lược\s+đồ|Tải\s+văn\s+bản|Thuộc\s+tính\s+văn\s+bản  # page tabs
    )""")
# Where the site's footer starts, once the document's header is behind.
CHROME_TAIL = re.compile(
    r"""(?mx)^[ \t]*(?:
        Văn\s+bản\s+này\s+chưa\s+cập\s+nhật\s+nội\s+dung\s+Tiếng\s+Anh
        |FILE\s+ĐƯỢC\s+ĐÍNH\s+KÈM\s+THEO\s+VĂN\s+BẢN|FILE\s+ATTACHED\s+TO\s+DOCUMENT
        |\#*[ \t]*Văn\s+bản\s+liên\s+quan\b
        |Cảm\s+ơn\s+đã\s+dùng|Thưa\s+Quý\s+khách
        # The heading of an appended English translation.
        |(?:Circular|Joint\s+Circular|Decision|Decree|Resolution|Law|Directive|Plan|Notice|Official\s+(?:Dispatch|Letter)
          |Ordinance|Telegram|Conclusion|Program(?:me)?|Instruction|Regulation|Report)\s+No\.?\s*\d
    )""")
# The site's own title line just above its footer: "Công văn 5348/CT-CS năm 2025 hướng dẫn ... do Cục Thuế
# ban hành". Only next to a footer marker: a document's own list of instruments can look the same.
SITE_TITLE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:{TYPE_ALT_CAPITAL})[ \t]+\d\S*/\S+[ \t]+(?:năm[ \t]+\d{{4}}|ngày[ \t]+\d\d?/\d\d?/\d{{4}})"
    r"[^\n]*ban[ \t]+hành[ \t]*$"
)
# Single lines of site vocabulary between header and footer.
CHROME_LINE = re.compile(
    r"(?m)^[ \t]*(?:Rà\s+chuột\s+vào\s+nội\s+dụng\s+văn\s+bản|Click\s+vào\s+phần\s+bôi\s+vàng"
    r"|Đang\s+tải\s+văn\s+bản)[^\n]*"
)

# -- patterns that used to sit in the modules that run them --------------------------------------

# What follows "Hiến pháp" when the Constitution is named in full.
CONSTITUTION_TAIL = re.compile(r"\s+nước\s+Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam", re.I)
# "năm" before a bare year: "Luật Đầu tư năm 2020".
YEAR_WORD = re.compile(r"\s*năm", re.I)
# A non-blank line (the header's type heading is one), and any line with its end.
NONBLANK_LINE = re.compile(r"(?m)^[ \t]*(?P<line>\S[^\n]*)$")
ANY_LINE = re.compile(r"[^\n]*\n?")
# Rules and stars drawn under a header's issuer lines.
HEADER_RULE = re.compile(r"-{2,}|\*")
# In a copy without its header, the body that acts in the opening: "UBND tỉnh Bắc Ninh ban hành ...".
ACTING_COMMITTEE = re.compile(
    r"""(?P<who>
          (?:Chủ\s+tịch\s+)?(?:Ủy\s+ban\s+nhân\s+dân|UBND)
          (?:\s*\(UBND\))?                          # "Ủy ban nhân dân (UBND)"
          (?:\s+(?:tỉnh|thành\s+phố))?
          (?:\s+(?:""" + PROVINCE_ALT + r"""))?
        )
        \s+(?:ban\s+hành|xây\s+dựng|yêu\s+cầu|chỉ\s+thị)   # the verb that makes it the issuer
    """, re.X)
# A committee's signature block: "TM. ỦY BAN NHÂN DÂN", "T/M ỦY BAN".
FOR_THE_COMMITTEE = re.compile(r"TM\.\s*ỦY\s+BAN\s+NHÂN\s+DÂN|T/M\s*ỦY\s+BAN")
# What may stand between two mentions of one list: a comma, "và", "hoặc", and a "các" after it.
LIST_CONNECTOR = re.compile(r"\s*(?:,|và|hoặc|,\s*và)?\s*(?:các\s+)?", re.I)
# The end of one "Căn cứ ..." clause: a semicolon, a full stop, a colon ending its line, a blank line.
BASIS_CLAUSE_END = re.compile(r";|\.(?=\s)|:\s*\n|\n\s*\n")

# Article-level citations: "điểm a khoản 1 Điều 3", "khoản 2, 3 Điều 5", "các Điều 7, 8 và 9".
# A point is a letter ("đ", "a1"), a clause or an article a number with an optional letter ("Điều 198a").
SUBDIVISION = Anchored(re.compile(
    r"(?<!\w)(?:(?P<point>điểm)\s+(?P<p>[a-zđ]\d?)|(?P<clause>khoản)\s+(?P<k>\d{1,3}[a-zđ]?)"
    r"|(?P<article>điều)\s+(?P<a>\d{1,4}[a-zđ]?))(?!\w)",
    re.I,
), r"[đĐkK\u212a](?<!\w.)(?:[iIİı][ểỂềỀ]|[hH][oO][ảẢ])")  # "đi(ể|ề)", "khoả" in any case re.I knows
# What joins two items of one list of subdivisions, and a bare number or letter that goes on the list.
SUBDIVISION_JOIN = re.compile(r"\s*(?:,|;|\bvà\b|\bhoặc\b|\bđến\b|\bvà\s+các\b)?\s*(?:các\s+)?", re.I)
SUBDIVISION_BARE = re.compile(r"(?P<id>\d{1,4}[a-zđ]?|[a-zđ]\d?)(?!\w)")
# Between the last subdivision and the instrument it belongs to: "của", "tại", and the regulation an
# instrument issues ("khoản 2 Điều 5 Quy định ban hành kèm theo Quyết định số ...").
SUBDIVISION_TO_INSTRUMENT = re.compile(
    r"\s*(?:,|;(?=\s*(?:các\s+)?(?:Phụ\s+lục|Chương|Mục)(?!\w)))?\s*(?:(?:của|tại|thuộc|trong|theo)\s+)?"
    r"(?:(?:các\s+)?(?:Quy\s+định|Quy\s+chế|Điều\s+lệ|Quy\s+trình|Danh\s+mục|Phụ\s+lục)(?!\w)[^.;\n“”]{0,200}?"
    r"(?:(?:ban\s+hành\s+)?kèm\s+theo|tại|của)\s+)?",
    re.I,
)
# A slip between a run and its instrument's number: "khoản 5 Điều 22 Nghị định số số 268/2025/NĐ-CP".
TARGET_SLACK = re.compile(rf"(?:{TYPE_ALT})?\s*(?:số\s*)+", re.I)
# Between two runs of one long list whose instrument is named after the last: separators, and parts that are
# not articles ("khoản 1, 2 Điều 1; Chương II, Chương III; các Điều 30, 31; các khoản 2, 3 Điều 32 ...").
RUN_LIST_GAP = re.compile(
    r"[\s;,]*(?:(?:và|hoặc)\s+)?(?:(?:các\s+)?(?:Chương|Mục|Phần|mục|phần|tiểu\s+mục)\s+[0-9IVXLC]+[a-z]?"
    r"(?:\s*(?:,|;|và)\s*(?:(?:Chương|Mục|Phần|mục|phần)\s+)?[0-9IVXLC]+[a-z]?)*[\s;,]*(?:(?:và|hoặc)\s+)?)*"
    r"(?:các\s+)?"
)
QUOTED = re.compile(r"“[^“”]{0,3000}”")

# Changes a document makes. The verb, and what makes its clause a wording change ("thay thế cụm từ").
CHANGE_VERB = Anchored(re.compile(
    r"(?<!\w)(?:(?P<replace>thay\s+thế)|(?P<repeal>bãi\s+bỏ|hủy\s+bỏ|huỷ\s+bỏ)|(?P<amend>sửa\s+đổi(?:\s*,\s*|\s+và\s+|\s+)bổ\s+sung|sửa\s+đổi)"
    r"|(?P<expire>hết\s+hiệu\s+lực(?:\s+thi\s+hành)?))(?!\w)",
    re.I,
), r"[tTbBhHsSſ](?<!\w.)(?:[hH][aA]|[ãÃ][iIİı]|[ủỦ]|[uU][ỷỶ]|[ếẾ]|[ửỬ][aA])")  # "tha", "bãi", "hủ", "huỷ", "hế", "sửa"
WORDING_CHANGE = re.compile(
    r"(?:\s*,\s*(?:bãi\s+bỏ|thay\s+thế|sửa\s+đổi))?\s*(?:toàn\s+bộ\s+|một\s+số\s+|các\s+)?(?:cụm\s+từ|từ|câu|đoạn)(?!\w)",
    re.I,
)
# A verb that is passive ("được sửa đổi, bổ sung hoặc thay thế"), planned or proposed, conditional,
# or a noun ("việc bãi bỏ"): the document does not make that change.
CHANGE_NOT_MADE = re.compile(
    r"(?<!\w)(?:được|bị|đã|sẽ|cần|phải|chưa|đề\s+xuất|đề\s+nghị|kiến\s+nghị|tham\s+mưu|dự\s+kiến|nghiên\s+cứu"
    r"|xem\s+xét|xây\s+dựng|dự\s+thảo|trình|chuẩn\s+bị|rà\s+soát|việc|khi|nếu|trường\s+hợp|thủ\s+tục|hồ\s+sơ"
    r"|để|nhằm|tiếp\s+tục|có\s+thể)(?!\w)|\(\s*\Z",
    re.I,
)
# A title whose verb is the document's act opens with it: "Bãi bỏ ...", "Về việc sửa đổi, bổ sung ...";
# "Công bố danh mục thủ tục hành chính sửa đổi, bổ sung" and "Luật ... (sửa đổi)" are not acts on an instrument.
TITLE_LEAD = re.compile(r"(?:\s|\*|_|:|về\s+việc|về|v/v|quy\s+định)*", re.I)
TITLE_NEXT_VERB = re.compile(r"(?:,|\bvà|\bđồng\s+thời)\s*\Z", re.I)
# What may open a clause whose verb the document itself performs: enumerators, headings, emphasis.
CLAUSE_LEAD = re.compile(
    r"(?:\s|\*|_|Điều\s+\d+[a-zđ]?\s*[.:]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\s*\)|[-+•]|Nay|Đồng\s+thời\s*,?|Đồng\s+thời"
    r"|Kể\s+từ\s+ngày[^.;\n]{0,60}?có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s*,?)*",
    re.I,
)
# The document as subject: "Quyết định này ... thay thế", "Quy định này thay thế", "ban hành Quyết định bãi bỏ".
# What a document calls itself ("Quyết định này", "Văn bản này", "Quy định này" of a regulation it issues).
_DOCUMENT_WORD = rf"(?:{TYPE_ALT}|Văn\s+bản|Quy\s+định|Quy\s+chế)"
THIS_DOCUMENT = re.compile(rf"(?<!\w){_DOCUMENT_WORD}\s+này(?!\w)", re.I)
# "Xét Tờ trình ... đề nghị ban hành Nghị quyết thay thế ...": what was proposed, not what is done here.
PROPOSAL = re.compile(
    r"(?<!\w)(?:Xét|đề\s+nghị|đề\s+xuất|dự\s+thảo|kiến\s+nghị|trình|tham\s+mưu|xây\s+dựng)(?!\w)", re.I
)
# "Bãi bỏ, sửa đổi, thay thế một số điều ...": several verbs on one instrument amend it.
MIXED_VERBS = re.compile(r"\s*(?:,|và)\s*(?:sửa\s+đổi|thay\s+thế|bãi\s+bỏ|bổ\s+sung)(?!\w)", re.I)
ISSUES_DOCUMENT = re.compile(
    rf"(?<!\w)ban\s+hành\s+(?P<type>{TYPE_ALT})\s*(?:về\s+việc\s+|về\s+|v/v\s+)?\Z", re.I
)
# A clause of a change ends at a full stop, a blank line, the next numbered clause or article; a list it
# opens with a colon goes on over its lettered or dashed items.
CHANGE_SCOPE_END = re.compile(
    r"\.(?=\s)|\n\s*\n|\n(?=[ \t]*(?:\*\*)?[ \t]*(?:Điều\s+\d|\d+(?:\.\d+)*\s*[.)]\s|Chương\s|CHƯƠNG\s|Mục\s))"
)
LIST_ITEM_NEXT = re.compile(r"\s*(?:[a-zđ]\s*\)|[-+•])")
EXCEPT = re.compile(r"(?<!\w)(?:trừ|ngoại\s+trừ|trừ\s+trường\s+hợp)(?!\w)", re.I)
# What a change acts on when it names part of an instrument: an article, a phrase, a procedure in a list.
PARTIAL_OBJECT = re.compile(
    r"(?<!\w)(?:điều|khoản|điểm|cụm\s+từ|nội\s+dung|thủ\s+tục|TTHC|mục|tiểu\s+mục|phụ\s+lục|danh\s+mục|mẫu"
    r"|biểu\s+mẫu|quy\s+trình|số\s+thứ\s+tự|phần|chương|một\s+số\s+điều|quy\s+định\s+tại)(?!\w)",
    re.I,
)
# An expiry states when: "hết hiệu lực (thi hành) (kể) từ ngày ...", or it lists what expires.
EXPIRY_WHEN = re.compile(r"\s*(?:k[ểế]\s+từ|từ|vào)\s+ngày|\s*:|\s*(?:đối\s+với|k[ểế]\s+từ)|\s*[.;](?=\s|\Z)", re.I)

# When the document enters into force. The subject is the document ("Quyết định này", "Nghị quyết"),
# never an instrument with a number; a council's resolution puts it after its "thông qua" line.
IN_FORCE = re.compile(
    rf"(?<![\w/])(?P<subject>{_DOCUMENT_WORD}(?P<this>\s+này)?)"
    r"(?:\s+(?:đã\s+được|được)\s[^.;]{0,300}?\s(?:và|,))?\s+(?:chính\s+thức\s+)?(?P<force>có\s+hiệu\s+lực)"
    r"(?:\s+(?:thi\s+hành|pháp\s+luật))?(?!\w)",
    re.I,
)
# "(kể) từ", with the slips "kế từ" and "kể" alone.
_FROM = r"(?:(?:k[ểế]\s+)?từ|k[ểế]|vào)"
FORCE_DATE = re.compile(
    rf"\s*[,:]?\s*(?:(?:\d\.|[a-z]\))\s*)?(?:{_FROM}|trong\s+thời\s+gian\s+từ)?\s*(?:ngày\s*)?" + _DMY, re.I
)
FORCE_FROM_SIGNING = re.compile(
    rf"\s*,?\s*{_FROM}?\s*(?:ngày|thời\s+điểm)\s+(?:ký(?:\s+ban\s+hành)?|ban\s+hành|ký\s+và\s+ban\s+hành"
    r"|được\s+thông\s+qua|thông\s+qua|(?:được\s+)?Hội\s+đồng\s+nhân\s+dân[^.;\n]{0,60}?thông\s+qua)(?!\w)",
    re.I,
)
FORCE_AFTER_DAYS = re.compile(r"\s*,?\s*sau\s+(?P<n>\d{1,3})\s+ngày\s*,?\s*k[ểế]\s+từ\s+ngày\s+ký", re.I)
FORCE_UNTIL = re.compile(r"[^.;\n]{0,40}?(?:đến\s+hết\s+ngày|đến\s+ngày|cho\s+đến\s+hết\s+ngày)\s*" + _DMY, re.I)
# "đã hết hiệu lực" states a fact, "khi ... hết hiệu lực" a condition: neither is this document's change.
EXPIRY_NOT_STATED = re.compile(r"(?<!\w)(?:đã|sẽ|bị|chưa|không|còn|đều)\s+\Z", re.I)
EXPIRY_CONDITION = re.compile(
    r"(?<!\w)(?:khi|nếu|trường\s+hợp|trước|sau\s+khi|cho\s+đến|đến\s+khi|trong\s+thời\s+gian)(?!\w)", re.I
)
# What stands before the next item of a list of instruments a change acts on.
NEXT_ITEM = re.compile(r"(?:,|;|\bvà|\bhoặc|[a-zđ]\)|\d+\.|[-+•]|:|\n)\s*(?:các\s+)?(?:số\s+)?\Z", re.I)
# "Quy định này thay thế ... và có hiệu lực thi hành kể từ ngày ký": the subject opens the sentence.
# Where a force clause may be: the cheap anchor the clauses above are looked for around.
HAS_FORCE = Anchored(re.compile(r"có\s+hiệu\s+lực", re.I), r"[cC][óÓ]\s+[hH][iIİı]")
IN_FORCE_JOINED = re.compile(r"(?:,|\bvà)\s+(?:chính\s+thức\s+)?có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?!\w)", re.I)
SENTENCE_END = re.compile(r"[.;](?=\s)|:\s*\n|\n\s*\n")
THIS_DOCUMENT_SUBJECT = re.compile(
    rf"(?:\s|\*|_|Điều\s+\d+[a-zđ]?\s*[.:]|\d+\s*[.)])*(?P<subject>{_DOCUMENT_WORD}(?P<this>\s+này))(?!\w)",
    re.I,
)
# The next item of a list of instruments without a colon: "1. Quyết định số 104/2000/QĐ-TTg ...".
INSTRUMENT_ITEM = re.compile(rf"\s*(?:[-+•]|(?:\d+|[a-zđ])[ \t]*[.)])\s*(?:{TYPE_ALT})\s+(?:số\s*)?\d", re.I)
ENUMERATOR_DOT = re.compile(r"(?:\A|\n)[ \t]*(?:\d{1,3}|[IVX]{1,5})\Z")
NEXT_CHANGE_CLAUSE = re.compile(
    r"[;:]?[ \t]*\n[ \t]*(?:[-+•]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\s*\))?[ \t]*"
    r"(?:Bãi\s+bỏ|Sửa\s+đổi|Thay\s+thế|Hủy\s+bỏ|Bổ\s+sung)(?!\w)"
)
