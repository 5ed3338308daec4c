"""The fast forms of the patterns give the matches of the plain forms they stand for.

Extraction is bound by the regex engine, which skips ahead in C only when a pattern opens with a literal
or a character class, case-sensitively. So look-behinds stand after a first letter, case-insensitive word
lists are spelt one alternative per case of their first letter, and the rest are `Anchored`. Each is held
here to the plain form, written as it was before, on every text the tests hold, sentences in odd cases,
and the real corpus of ../shared when it is there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import patterns as P
from ingest.clean import (
    _INNER_MARKUP,
    _OCR,
    _OLD_TONE_RE,
    _OLD_TONES,
    _close_word,
    _close_words,
    _retone,
    clean,
    normalise,
)
from ingest.readers import read_text
from ingest.tables import NAMED_TYPES

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "tvpl-2025"

ODD_CASES = """
ĐIỀU 5. Sửa đổi KHOẢN 2 ĐIỀU 3 và Điểm a khoản 1 điều 4 của Nghị định số 10/2020/NĐ-CP; kHOẢN 7 Điều 9.
QUYẾT ĐỊNH BÃI BỎ Quyết định số 12/2019/QĐ-UBND; HUỶ BỎ, Hủy bỏ, THAY THẾ, Sửa Đổi, Bổ Sung, HẾT HIỆU LỰC.
Quyết định này CÓ HIỆU LỰC từ ngày 01/7/2025. Nghị quyết Có Hiệu Lực kể từ ngày ký.
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
\t+ Căn cứ Nghị quyết số 11/NQ-CP; Căn cứ Luật Đầu tư công.
 •  Căn cứ Kế hoạch 35/KH-UBND.
NGHỊ QUYẾT số 43/2022/QH15, nghị quyết 11/NQ-CP, CHỈ THỊ SỐ 05-CT/TW, Kế Hoạch số: 22 /KH-UBND, Bộ Luật Dân sự,
BỘ LUẬT Hình sự, Pháp lệnh Dân số, Hiến pháp năm 2013. Chương trình hành động số 20-CTr/TU, Đề án 06, Kế hoạch 35.
xNghị quyết 12/NQ-CP, 1/2/2020, 30/01/2022/NQ, a.11/NQ-CP, Thông tư liên tịch của Bộ Tài chính số 03/2016/TTLT-BTC.
  Nơi nhận:
\tNơi  nhận :
xNơi nhận: (not a line start)
"""


def _texts() -> list[str]:
    paths = [p for d in (ROOT / "data", ROOT / "tests" / "fixtures") for p in sorted(d.rglob("*")) if p.is_file()]
    if CORPUS.is_dir():
        paths += sorted(CORPUS.iterdir())[::3]
    texts = [ODD_CASES, ODD_CASES.upper(), ODD_CASES.lower()]
    for path in paths:
        try:
            texts.append(clean(normalise(read_text(path)[0])))
        except Exception:  # unreadable fixtures are the bad-input tests' business
            continue
    return texts


TEXTS = _texts()


def _found(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


ANCHORED = [name for name, value in vars(P).items() if isinstance(value, P.Anchored)]


def test_the_corpus_is_read_when_present():
    assert len(TEXTS) > 20
    assert ANCHORED, "no Anchored pattern left: drop this file's Anchored tests"


@pytest.mark.parametrize("name", ANCHORED)
def test_anchored_patterns_find_what_the_pattern_finds(name):
    fast = getattr(P, name)
    for text in TEXTS:
        assert _found(fast.finditer(text)) == _found(fast.pattern.finditer(text)), name
        for pos in range(0, len(text), max(1, len(text) // 7)):
            a, b = fast.search(text, pos, pos + 3000), fast.pattern.search(text, pos, pos + 3000)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, pos)


def _same(fast: re.Pattern[str], plain: str, flags: int = 0) -> None:
    slow = re.compile(plain, flags)
    for text in TEXTS:
        assert _found(fast.finditer(text)) == _found(slow.finditer(text))


def test_word_start_alternations_match_the_look_behind_forms():
    _same(P.NAMED, rf"(?<!\w)(?P<type>{P._alternation(list(NAMED_TYPES))})(?!\w)")
    bare_tail = P.BARE.pattern.split(")[^\\S\\n]+", 1)[1]
    _same(P.BARE, rf"(?<!\w)(?P<type>{P.TYPE_ALT_CAPITAL})[^\S\n]+" + bare_tail)
    symbol_tail = P.SYMBOL.pattern.split("(?P<rest>", 1)[1]
    _same(P.SYMBOL, r"(?<![\w/.,\-])(?P<num>\d{1,5})(?P<rest>" + symbol_tail)
    _same(P.SENTENCE_BREAK, r"[.;!?](?=\s)|\n\s*\n|\n(?=\s*(?:[-+•]|\d+\.|[a-zđ]\)|[IVX]+\.))"
                            r"|\n(?=[ \t]*(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Xét|Theo\s+đề\s+nghị)(?!\w))")


def test_type_words_before_a_number_in_any_case():
    typed = re.compile(rf"(?<!\w)(?P<type>{P.TYPE_ALT})(?:\s+(?:{P._MODIFIER_WORDS}))?\s*(?::\s*)?(?:{P._SO})?\Z",
                       re.I)
    windows = [text[max(0, m.start() - 200) : m.start()] for text in TEXTS for m in P.SYMBOL.finditer(text)]
    windows += [w + " " for w in ("ĐỀ ÁN", "đề án số", "kế hoạch SỐ:", "xKế hoạch", "chương trình hành động số")]
    assert len(windows) > 100
    for window in windows:
        a, b = P.BEFORE_TYPED.search(window), typed.search(window)
        assert (a and (a.span(), a.group("type"))) == (b and (b.span(), b.group("type"))), window[-60:]


def test_cleaning_by_anchors_matches_the_plain_passes():
    tones = re.compile(r"(?<![qQ])(?=[oOuU])(" + "|".join(_OLD_TONES) + r")(?!\w)")
    ocr = re.compile(
        r"(?<!\w)(?=[sSnNcQqKkTtC])(?:[sS]ô(?=\s*[:.]?\s*\d)|[nN]gay(?=\s*\d)|(?<=Căn )cu(?!\w)"
        r"|(?:QUYÉT|[Qq]uyét|KÉ|Ké)(?=\s+(?:ĐỊNH|định|HOẠCH|hoạch)(?!\w))|(?<=CHƯƠNG )TRINH(?!\w)"
        r"|[nN][ãắ]m(?=\s*\d{4}(?!\d))|[tT]h[ảàạ]ng(?=\s*\d{1,2}(?!\d)))"
    )
    damaged = ("n**ă**m 2020, tháng 1**1**, H****òa, a*b*c d, x***a*b, **Uỷ** hoà HOÀ quá Quá thuỷ, Căn cu Luật, "
               "sô 12, Sô: 5, ngay 5, QUYÉT ĐỊNH, Ké hoạch, CHƯƠNG TRINH, nãm 2021, thảng 3, Thàng 12 hàng 5")
    for text in [damaged, damaged.upper(), *TEXTS]:
        assert _close_words(text) == _INNER_MARKUP.sub(_close_word, text)
        assert _OLD_TONE_RE.sub(_retone, text) == tones.sub(lambda m: _OLD_TONES[m.group(1)], text)
        assert _found(_OCR.finditer(text)) == _found(ocr.finditer(text))
