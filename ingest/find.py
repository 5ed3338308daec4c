"""Find every mention of an instrument in cleaned text. Finding never resolves.

Three kinds of mention are found: numbered ("Nghị quyết số 11/NQ-CP ngày 30/01/2022 của Chính phủ"),
named ("Luật Đầu tư công"), and bare short forms ("Nghị quyết 11", "Đề án 06"). For each, the
words that travel with it are read off the text around it: the type word before the number, the date,
issuer and subject phrase after it. Which instrument a short form means, and how the document relates
to it, are decided later (`ingest.resolve`, `ingest.relations`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from ingest import patterns as P
from ingest.laws import catalogue
from ingest.records import Mention
from ingest.tables import (
    ISSUER_TOKENS,
    NAMED_TYPES,
    NOT_A_LAW_NAME,
    TYPE_TOKENS,
    TYPE_WORDS,
    canonical_token,
    issuer_for_token,
)

_LOOKBACK = 200
_SUBJECT_MAX = 400
# Only a document's first few thousand characters hold its own "Số: ..." line.
_HEADER_LIMIT = 4000
_FOOTNOTE_BASES = {"TW", "TU", "CP", "TTg", "UBND", "HĐND", "VPCP", "NHNN", "BCĐ"}


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed number-symbol: display form as printed (spaces removed), match key, tokens.

    `lead` is the number before the symbol ("11" of "11/NQ-CP"); `extras` the tokens that are neither
    the type nor the issuer ("GT" of "964/UBND-GT").
    """

    display: str
    key: str
    type_token: str | None
    issuer_token: str | None
    year: int | None
    known: bool
    lead: str = ""
    extras: tuple[str, ...] = ()


@lru_cache(maxsize=1 << 16)  # the same symbols recur across a corpus; a Symbol is frozen
def parse_symbol(num: str, rest: str) -> Symbol | None:
    """Parse the part after the number of a number-symbol; None when it is not one.

    >>> parse_symbol("57", "/NQ-\\nCP").display
    '57/NQ-CP'
    >>> parse_symbol("66", "-NQ/TW1").display
    '66-NQ/TW'
    >>> parse_symbol("14", "-CTR/TU").key
    '14/ctr/tu'
    """
    parts = P.SYMBOL_SEPARATOR.split(rest.strip())
    seps = P.SYMBOL_SEPARATOR.findall(rest.strip())
    if parts and parts[0] == "":
        parts = parts[1:]
    if not parts:
        return None
    year = None
    if parts[0].isdigit():
        year = int(parts[0])
        if not 1945 <= year <= 2100:
            return None
    letters = [p for p in parts if not p.isdigit()]
    if not letters or len(letters) != len(parts) - (year is not None):
        return None
    last = letters[-1]
    base = last.rstrip("0123456789")
    if base != last and canonical_token(base) in _FOOTNOTE_BASES:
        letters[-1] = base
    canon = [canonical_token(t) for t in letters]
    type_token = canon[0] if canon[0] in TYPE_TOKENS else None
    issuer_tokens = canon[1:] if type_token else canon
    issuer_token = next((t for t in issuer_tokens if issuer_for_token(t)), None)
    known = type_token is not None or issuer_token is not None
    pieces = [num]
    tokens = ([str(year)] if year is not None else []) + canon
    for sep, tok in zip(seps, tokens, strict=False):
        pieces += [sep.strip(), tok]
    display = "".join(pieces)
    key = "/".join([num.lstrip("0") or "0", *([str(year)] if year else []), *(t.casefold() for t in canon)])
    extras = tuple(t for t in issuer_tokens if t != issuer_token)
    return Symbol(display, key, type_token, issuer_token, year, known, num, extras)


@lru_cache(maxsize=1 << 16)
def symbol_of(number: str | None) -> Symbol | None:
    """The parsed symbol of a number-symbol as records write it ("11/NQ-CP"), or of a bare number ("06"
    of "Đề án 06"); None for no number. The one reading of a number-symbol: graph/ and the issuer
    lookup call this instead of splitting the string again.

    >>> symbol_of("964/UBND-GT").issuer_token, symbol_of("964/UBND-GT").extras, symbol_of("06").lead
    ('UBND', ('GT',), '06')
    """
    if not number:
        return None
    m = P.SYMBOL.match(number.strip())
    if m is not None and (parsed := parse_symbol(m.group("num"), m.group("rest"))) is not None:
        return parsed
    bare = number.strip()
    if bare.isdigit():
        return Symbol(bare, bare.lstrip("0") or "0", None, None, None, False, bare)
    return None


def find_mentions(text: str) -> list[Mention]:
    """All mentions in cleaned `text`, in order of position, without overlaps."""
    numbered = _numbered(text)
    covered = [(m.start, m.end) for m in numbered]
    others = [m for m in (*_named(text), *_bare(text)) if not _overlaps(m, covered)]
    return sorted((*numbered, *others), key=lambda m: m.start)


def _numbered(text: str) -> list[Mention]:
    found: list[Mention] = []
    for match in P.SYMBOL.finditer(text):
        symbol = parse_symbol(match.group("num"), match.group("rest"))
        if symbol is None:
            continue
        start = match.start()
        window = text[max(0, start - _LOOKBACK) : start]
        mention = _typed(window, start, symbol, found, text)
        if mention is None:
            continue
        mention = _with_tail(text, mention, match.end())
        if mention.date is None and (d := P.DATE_BEFORE.search(text, max(0, mention.start - _LOOKBACK),
                                                                mention.start)):
            mention = replace(mention, date=date_of(d))
        found.append(mention)
    return _share_list_issuer(found)


def _share_list_issuer(found: list[Mention]) -> list[Mention]:
    """ "các Nghị quyết số 19-NQ/TW, 20-NQ/TW, 21-NQ/TW của Ban Chấp hành Trung ương": one issuer for all."""
    members: dict[int, list[int]] = {}
    for i, m in enumerate(found):
        members.setdefault(i if m.list_head is None else m.list_head, []).append(i)
    for group in members.values():
        issuer = next((found[i].issuer for i in group if found[i].issuer), None)
        if len(group) > 1 and issuer:
            for i in group:
                if found[i].issuer is None:
                    found[i] = replace(found[i], issuer=issuer)
    return found


def _typed(window: str, start: int, symbol: Symbol, found: list[Mention], text: str) -> Mention | None:
    """Decide the mention's type from the words before its number-symbol."""
    offset = start - len(window)
    if start < _HEADER_LIMIT and P.BEFORE_HEADER_SO.search(window):
        return None
    base = Mention(kind="numbered", start=start, end=start, type=None, number=symbol.display, key=symbol.key)
    if m := P.BEFORE_TYPED.search(window):
        kind = TYPE_WORDS.get(_type_word(m.group("type")))
        return replace(base, start=offset + m.start(), type=kind, year=symbol.year)
    if m := P.BEFORE_TYPE_OF_ISSUER.search(window):
        kind = TYPE_WORDS.get(_type_word(m.group("type")))
        issuer = " ".join(m.group("issuer").split())
        return replace(base, start=offset + m.start(), type=kind, issuer=issuer, year=symbol.year)
    if m := P.BEFORE_LAW_NAME.search(window):
        kind, title, start = m.group("type"), f"{m.group('type')} {' '.join(m.group('name').split())}", m.start()
        if amending := P.AMENDING_BEFORE.search(window, 0, m.start()):
            # "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng số 62/2020/QH14": the number is the
            # amending law's, and so is the name.
            kind, start = amending.group("type"), amending.start()
            title = " ".join(f"{amending.group()} {title}".split())
        return replace(base, start=offset + start, type=NAMED_TYPES[" ".join(kind.split())], title=title,
                       year=symbol.year)
    if found and (m := P.BEFORE_LIST.search(window)):
        prev = found[-1]
        gap = text[prev.end : start]
        explicit = m.group("so") is not None
        if prev.type and ((explicit and start - prev.end < 400) or len(gap.strip()) <= 6):
            head = prev.list_head if prev.list_head is not None else len(found) - 1
            return replace(base, type=prev.type, year=symbol.year, list_head=head)
    if not symbol.known:
        return None
    kind = _type_from_symbol(symbol)
    if kind is None:
        return None
    if P.BEFORE_SO.search(window) or (symbol.type_token and symbol.issuer_token):
        return replace(base, type=kind, year=symbol.year)
    return None


def _type_word(word: str) -> str:
    """The TYPE_WORDS key for a matched type word, whatever its case and line breaks."""
    folded = " ".join(word.split()).casefold()
    return _TYPE_WORD_BY_FOLD.get(folded, word)


_TYPE_WORD_BY_FOLD = {w.casefold(): w for w in TYPE_WORDS}


def _type_from_symbol(symbol: Symbol) -> str | None:
    if symbol.type_token:
        return TYPE_TOKENS[symbol.type_token]
    token = symbol.issuer_token or ""
    if token.rstrip("0123456789") in ("QH", "UBTVQH"):
        return "Nghị quyết"
    if token in ISSUER_TOKENS or issuer_for_token(token):
        return "Công văn"
    return None


def _with_tail(text: str, mention: Mention, pos: int) -> Mention:
    """Read the date, issuer and subject phrase that follow a mention's number or name."""
    when = mention.date
    issuer = mention.issuer
    for _ in range(2):
        if when is None and (m := P.DATE_AFTER.match(text, pos)):
            when = date_of(m)
            pos = m.end()
            continue
        if issuer is None and (m := P.ISSUER_AFTER.match(text, pos)):
            issuer = " ".join(m.group("issuer").split())
            pos = m.end()
            continue
        break
    subject, subject_end = _subject(text, pos)
    return replace(mention, end=pos, date=when, issuer=issuer, subject=subject, subject_end=subject_end)


def _subject(text: str, pos: int) -> tuple[str | None, int]:
    """The subject phrase after a citation's core, and where its clause ends."""
    lead = P.SUBJECT_LEAD.match(text, pos)
    limit = min(len(text), pos + _SUBJECT_MAX)
    stop = P.SUBJECT_END.search(text, pos, limit)
    end = stop.start() if stop else limit
    if lead is None or lead.end() > end:
        return None, end
    words = lead.group("lead").casefold()
    begin = lead.end() if words in ("về", "về việc", "v/v", "“", '"') else lead.start("lead")
    subject = " ".join(text[begin:end].split()).strip(" ,“”\"")
    return (subject or None), end


def date_of(m: re.Match[str]) -> date | None:
    """The date a match's groups `d`, `m` and `y` spell, or None when there is no such day."""
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _named(text: str) -> list[Mention]:
    """Laws, codes, ordinances and the constitution cited by name."""
    found: list[Mention] = []
    for m in P.NAMED.finditer(text):
        if found and m.start() < found[-1].end:
            continue  # "Luật sửa đổi ... của Luật X": X is part of the amending law's name
        if P.NOT_A_LAW_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        type_word = " ".join(m.group("type").split())
        kind = NAMED_TYPES[type_word]
        if kind == "Hiến pháp":
            title, end = "Hiến pháp", m.end()
            if n := P.CONSTITUTION_TAIL.match(text, end, end + 80):
                end = n.end()
        elif (known := catalogue().name_end(text, m.end())) is not None:
            # A catalogued name ends where the law's title ends, commas and "và" inside it included.
            title, end = f"{type_word} {' '.join(text[m.end() : known].split())}", known
        else:
            name, end = _law_name(text, m.end())
            if not name:
                continue
            title = f"{type_word} {name}"
        year = None
        when = None
        if d := P.DATE_AFTER.match(text, end):
            when = date_of(d)
            end = d.end()
        elif (y := P.YEAR_AFTER.match(text, end)) and P.YEAR_WORD.match(text, end, end + 8):
            year = int(y.group("y"))
            end = y.end()
        mention = Mention(kind="named", start=m.start(), end=end, type=kind, title=title, date=when,
                          year=year or (when.year if when else None))
        found.append(_with_tail(text, mention, end))
    return found


_NAME_WORD = re.compile(r"\s*(?P<sep>,\s*)?(?P<word>[^\W\d_]+)")
_NAME_STOP = {
    "của", "năm", "ngày", "số", "theo", "đã", "được", "để", "nhằm", "trong", "tại", "cho", "thì",
    "là", "hiện", "mới", "này", "các", "những", "trên", "đến", "từ", "khi", "sau", "trước", "vào",
    "đối", "nhưng", "hoặc", "thuộc", "như", "gồm", "bao", "và", "do", "bởi", "mà", "nên",
}
# Two-word phrases that end a law's name: "Luật Đất đai quy định ...", "Luật ... hướng dẫn ...".
_NAME_STOP_PAIRS = {
    ("quy", "định"), ("hướng", "dẫn"), ("thi", "hành"), ("văn", "bản"), ("sửa", "đổi"), ("có", "hiệu"),
    ("với", "các"), ("với", "những"), ("có", "liên"), ("thực", "hiện"), ("bảo", "đảm"), ("với", "việc"),
    ("quyết", "định"),
}
_NAME_CONTINUES_AFTER_COMMA = {"chống", "bổ", "chăm", "thể", "công", "du", "thương", "sử", "bảo", "tôn", "khen", "giáo",
                               "an", "môi", "vệ"}
_NAME_CONTINUES_AFTER_AND = {"vừa", "đào", "phát", "du", "xã", "môi", "giáo", "đầu", "dịch", "truyền", "công", "kiểm",
                             "chữa", "cứu", "lệ", "nông", "khoáng", "hải", "bản"}
_OTHER_TYPES = {"nghị", "quyết", "thông", "chỉ", "kế", "công"}
_NAMES_AMENDED = re.compile(r"(?:Luật|luật|Pháp\s+lệnh|Bộ\s+luật)\s+\w", re.U)


def _law_name(text: str, pos: int) -> tuple[str | None, int]:
    """Read a law's name after "Luật": words up to punctuation, a date/number, or a function word."""
    words: list[str] = []
    end = pos
    amending = False
    while len(words) < (40 if amending else 14):
        m = _NAME_WORD.match(text, end)
        if m is None:
            break
        word = m.group("word")
        low = word.casefold()
        if _new_heading(text, end, m.start("word")):
            break
        if not words:
            # A name opens with a word of its own: not a function word, a letter, or another type word.
            if low in NOT_A_LAW_NAME or low in _NAME_STOP or m.group("sep") or len(word) == 1 or low in _OTHER_TYPES:
                return None, pos
            amending = low == "sửa"
        else:
            if m.group("sep") and low not in _NAME_CONTINUES_AFTER_COMMA:
                break
            if low == "và":
                nxt = _NAME_WORD.match(text, m.end())
                follows = nxt.group("word").casefold() if nxt else ""
                if follows not in _NAME_CONTINUES_AFTER_AND and not (amending and follows == "luật"):
                    break
            elif low in _NAME_STOP and not (amending and low in ("của", "số", "các")):
                break
            nxt = _NAME_WORD.match(text, m.end())
            pair = (low, nxt.group("word").casefold()) if nxt else None
            # "Luật Ban hành văn bản quy phạm pháp luật": there "văn bản" is the name, not what follows it.
            names_documents = pair == ("văn", "bản") and "".join(words).casefold().endswith("ban hành")
            if pair in _NAME_STOP_PAIRS and not nxt.group("sep") and not names_documents:
                break
            if word[0].isupper() and low in ("luật", "nghị", "quyết", "thông", "chỉ", "kế") and not amending:
                break
        words.append(("," if m.group("sep") else "") + (" " if words else "") + word)
        end = m.end()
    if not words:
        return None, pos
    name = "".join(words).strip()
    if amending and not _NAMES_AMENDED.search(name):
        return None, pos  # "Luật sửa đổi, bổ sung các Luật: ..." names no law it amends
    return name, end


def _new_heading(text: str, end: int, word_start: int) -> bool:
    """Whether the next word of a law's name starts a line in capitals: an OCR copy's broken lines
    ("Căn cứ Luật\nQUYẾT ĐỊNH:") are not a name."""
    if "\n" not in text[end:word_start]:
        return False
    line_end = text.find("\n", word_start)
    letters = [c for c in text[word_start : line_end if line_end >= 0 else len(text)] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _bare(text: str) -> list[Mention]:
    """Short forms with a bare number: "Nghị quyết 11", "Đề án 06"."""
    found = []
    for m in P.BARE.finditer(text):
        num = m.group("num")
        if len(num) == 4 and num[:2] in ("19", "20"):
            continue
        if P.BARE_NOT_NUMBER.match(text, m.end()):
            continue
        kind = TYPE_WORDS[_type_word(m.group("type"))]
        mention = Mention(kind="bare", start=m.start(), end=m.end(), type=kind, number=num,
                          key=num.lstrip("0") or "0")
        found.append(_with_tail(text, mention, m.end()))
    return found


def _overlaps(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s < mention.end and mention.start < e for s, e in spans)
