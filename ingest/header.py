"""The document's own identity: issuer block, "Số: ...", place and date, type heading, title, signer.

Only what the text states is returned. Web copies often lose the header (two of the seeds do); then the
number and date stay None, and the issuer and province are taken from the opening sentence or the
signature block when those name them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ingest import patterns as P
from ingest.find import Symbol, date_of, parse_symbol
from ingest.issuers import body_of_number, body_of_phrase, canonical_province, province_in
from ingest.records import DocumentInfo
from ingest.signature import signer
from ingest.tables import PROVINCE_ALIASES, PROVINCES, TYPE_TOKENS, TYPE_WORDS, Issuer

_HEAD = 4000
_TYPE_HEADINGS = {w.upper(): t for w, t in TYPE_WORDS.items() if w[0].isupper()}


def _unmarked(words: str) -> str:
    """Capitals without tone and vowel marks, Đ as D: how an OCR copy may print a heading."""
    return "".join(c for c in unicodedata.normalize("NFD", words.replace("Đ", "D")) if not unicodedata.combining(c))


_HEADINGS_UNMARKED = {_unmarked(h): t for h, t in _TYPE_HEADINGS.items()}
# "LUẬT" heads a law on a line of its own, its name below; "LUẬT ĐẤT ĐAI" on one line could be a
# title's line, so it counts only under a legislature's number (".../QH14").
_LAW_HEADINGS = {"LUẬT", "BỘ LUẬT", "PHÁP LỆNH"}
_TITLE_STOP = re.compile(
    r"\s*(?:[-+•]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Xét|Nhằm|Để|Điều\s+1|[IVX]+\.\s|1\.\s|Kính\s+gửi"
    r"|Trên\s+cơ\s+sở)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Header:
    """The document's identity and where its title and opening lie in the text."""

    info: DocumentInfo
    title_span: tuple[int, int] | None
    body_start: int


def read_header(text: str) -> Header:
    """Read the document's own identity from cleaned `text`."""
    head = text[:_HEAD]
    symbol = _symbol(head)
    number = symbol.display if symbol else None
    when, place = _place_date(head)
    if when is None:
        when = _passed_on(text)
    heading = _type_heading(text, law_number=bool(symbol and (symbol.issuer_token or "").startswith("QH")))
    kind = heading[0] if heading else None
    title_span = _title_span(text, heading[2]) if heading else None
    if heading is None and (subject := _letter_subject(head)):
        # An official letter has no type heading: its "V/v ..." line under the number is its title.
        kind, title_span = "Công văn", subject
    kind = _type_of(kind, symbol, head)
    title = " ".join(text[title_span[0] : title_span[1]].split()) if title_span else None
    issuer, body = _issuer_block(head)
    body_start = _body_start(text, title_span[1] if title_span else 0)
    if body is None:
        issuer, body = _issuer_in_opening(text, body_start)
    if body is None and symbol is not None:
        # The header names its body in a form the tables lack; its own number still says whose it is.
        body = body_of_number(symbol.display)
    province = province_in(issuer) or (province_in(place) if body and body.local else None)
    if body and body.local and province is None:
        province = _most_named_province(text)
    if issuer and province and province_in(issuer) != province:
        issuer = f"{issuer} {province}"
    info = DocumentInfo(
        type=kind,
        number=number,
        date=when,
        place=place,
        issuer=issuer,
        issuer_level=body.level if body else None,
        jurisdiction=province if body is None or body.local else None,
        signer=signer(text),
        title=title,
    )
    return Header(info=info, title_span=title_span, body_start=body_start)


def _symbol(head: str) -> Symbol | None:
    for m in P.HEADER_NUMBER.finditer(head):
        sym = P.SYMBOL.match(head, m.end())
        if sym and (parsed := parse_symbol(sym.group("num"), sym.group("rest"))):
            return parsed
    return None


def _type_of(heading: str | None, symbol: Symbol | None, head: str) -> str | None:
    """The document's type from its heading, its own number's type token, or its letter form.

    A consolidated text (VBHN) carries the heading of the instrument it consolidates; a copy that lost
    its heading still has its number ("Số: 12/KH-UBND"); a letter addressed "Kính gửi" without a
    heading or type token is an official letter.
    """
    token = TYPE_TOKENS.get(symbol.type_token) if symbol and symbol.type_token else None
    if token == "Văn bản hợp nhất" or (heading is None and token):
        return token
    if heading is None and symbol is not None and P.ADDRESSEE.search(head):
        return "Công văn"
    return heading


def _place_date(head: str) -> tuple[date | None, str | None]:
    found = [m for m in (P.PLACE_DATE.search(head), P.PLACE_DATE_FIGURES.search(head)) if m]
    if not found:
        return None, None
    m = min(found, key=lambda f: f.start())
    when = date_of(m)
    words = (m.group("place") or m.groupdict().get("bare") or "").split()
    for size in range(min(4, len(words)), 0, -1):
        province = canonical_province(" ".join(words[-size:]))
        if province:
            return when, province
    return when, " ".join(words[-2:]) or None


def _passed_on(text: str) -> date | None:
    """A law or a council's resolution has no place and date line: its closing line says when the
    legislature passed it ("... thông qua ngày 17 tháng 6 năm 2020")."""
    closing = list(P.PASSED_ON.finditer(text))
    return date_of(closing[-1]) if closing else None


def _type_heading(text: str, law_number: bool = False) -> tuple[str, int, int] | None:
    """The capitalised type line ("KẾ HOẠCH"): (type, start, end of the type word)."""
    lines = list(P.NONBLANK_LINE.finditer(text[: _HEAD * 2]))
    for k, line in enumerate(lines):
        words = " ".join(line.group("line").split())
        # Only a heading itself or a line in capitals that opens with one can match: most lines are neither.
        for heading, kind in _TYPE_HEADINGS.items() if words in _TYPE_HEADINGS or words.isupper() else ():
            if words != heading and heading in _LAW_HEADINGS and not law_number:
                continue
            if words == heading or (words.startswith(heading + " ") and words.isupper()):
                start = line.start("line")
                end = start + len(line.group("line").split(heading.split()[-1], 1)[0]) + len(heading.split()[-1])
                # "CHƯƠNG TRÌNH HÀNH ĐỘNG": the modifier belongs to the heading, the title follows it.
                modifier = P.HEADING_MODIFIER.match(text, end, line.end("line"))
                return kind, start, modifier.end() if modifier else end
        # OCR drops marks from a heading in capitals ("QUYẾT ĐINH", "KÊ HOẠCH"): compared without them.
        if words.isupper() and (kind := _HEADINGS_UNMARKED.get(_unmarked(words))):
            return kind, line.start("line"), line.end("line")
        # Web copies wrap a heading over two table-cell lines: "QUYẾT" / "ĐỊNH".
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt and words.isupper() and text.count("\n", line.end(), nxt.start()) == 0:
            joined = words + " " + " ".join(nxt.group("line").split())
            if joined in _TYPE_HEADINGS:
                return _TYPE_HEADINGS[joined], line.start("line"), nxt.end("line")
    return None


# The subject line stands right under the number, before the place and date.
_SUBJECT_REACH = 300


def _letter_subject(head: str) -> tuple[int, int] | None:
    """The subject of an official letter ("V/v triển khai ..."), when it stands under a "Số:" line."""
    number = P.HEADER_NUMBER.search(head)
    subject = P.LETTER_SUBJECT.search(head, number.end(), number.end() + _SUBJECT_REACH) if number else None
    if subject is None:
        return None
    end = P.LETTER_SUBJECT_END.search(head, subject.end())
    stop = end.start() if end else len(head)
    while stop > subject.end() and head[stop - 1] in " \t\n.":
        stop -= 1
    return (subject.end(), stop) if stop > subject.end() else None


def _title_span(text: str, pos: int) -> tuple[int, int] | None:
    """The title after the type heading: an upper-case run, or one mixed-case line or paragraph."""
    start = end = None
    upper_run = None
    for line in P.ANY_LINE.finditer(text, pos):
        content = line.group().strip()
        if not content:
            if start is not None:
                break
            continue
        if start is not None and (_TITLE_STOP.match(content) or P.ISSUER_PHRASE.fullmatch(" ".join(content.split()))):
            break  # the preamble, or the line naming the body that enacts ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")
        letters = [c for c in content if c.isalpha()]
        is_upper = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
        if start is None:
            if _TITLE_STOP.match(content) and not is_upper and "ban hành" in content:
                return None
            start = line.start() + (len(line.group()) - len(line.group().lstrip()))
            upper_run = is_upper
        elif upper_run != is_upper:
            break
        end = line.start() + len(line.group().rstrip())
        if not upper_run and content.endswith((".", ":")):
            break
    if start is None or end is None or end <= start:
        return None
    return start, end


# Without a numbered heading, only the first stretch after the title counts as the opening: a "Căn cứ"
# or "Thực hiện" deep in an unstructured letter is an instruction, not a basis or a purpose.
_OPENING_WITHOUT_HEADING = 2500


def _body_start(text: str, after: int) -> int:
    m = P.BODY_START.search(text, after)
    return m.start() if m else min(len(text), after + _OPENING_WITHOUT_HEADING)


def _issuer_block(head: str) -> tuple[str | None, Issuer | None]:
    """The issuing body from the lines above the national motto or the "Số:" line."""
    stop = min(
        (m.start() for m in (P.NATIONAL_MOTTO.search(head), P.HEADER_NUMBER.search(head)) if m),
        default=0,
    )
    lines = P.HEADER_RULE.sub(" ", head[:stop]).splitlines()
    kept: list[str] = []
    for line in reversed(lines):
        if line.strip() and not line.isupper():
            break
        kept.insert(0, line)
    block = " ".join(" ".join(kept).split())
    if not block:
        return None, None
    best: tuple[str, Issuer] | None = None
    for phrase in P.ISSUER_PHRASE.finditer(block):
        body = body_of_phrase(phrase.group("issuer"))
        if body is not None:
            best = (phrase.group(0), body)
    if best is None:
        return None, None
    text, body = best
    return _sentence_case(block[block.find(text) :]), body


def _issuer_in_opening(text: str, body_start: int) -> tuple[str | None, Issuer | None]:
    """For a headerless copy: the body that "ban hành" or "yêu cầu" in the opening, or that signs."""
    opening = text[: min(body_start, len(text)) + 600]
    acting = P.ACTING_COMMITTEE.search(opening)
    if acting:
        who = " ".join(acting.group("who").replace("(UBND)", "").split())
        return who, body_of_phrase(who)
    tail = text[-3000:]
    if P.FOR_THE_COMMITTEE.search(tail):
        return "Ủy ban nhân dân", body_of_phrase("Ủy ban nhân dân")
    return None, None


def _most_named_province(text: str) -> str | None:
    """The province a headerless local document names most, if it names one at least twice."""
    counts = Counter(canonical_province(m.group()) for m in P.PROVINCE.finditer(text))
    counts.pop(None, None)
    if not counts:
        return None
    province, n = counts.most_common(1)[0]
    return province if n >= 2 else None


_PROPER_NAMES = {name.lower(): name for name in (*PROVINCES, *PROVINCE_ALIASES, "Chính phủ", "Quốc hội", "Bộ Chính trị",
                                                  "Trung ương", "Thành ủy", "Tỉnh ủy", "Nhà nước", "Việt Nam", "UBND",
                                                  "HĐND", "TP.")}
_PROPER = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(_PROPER_NAMES, key=len, reverse=True))
                     + r")(?!\w)")


def _sentence_case(upper: str) -> str:
    """ "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" -> "Ủy ban nhân dân thành phố Cần Thơ"."""
    lowered = _PROPER.sub(lambda m: _PROPER_NAMES[m.group(1)], upper.lower())
    return lowered[:1].upper() + lowered[1:]
