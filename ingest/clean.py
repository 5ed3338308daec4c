"""Text cleaning that keeps every offset: markup and damage are overwritten, never cut out.

The source is first normalised to NFC (offsets everywhere refer to that text). Cleaning then only
replaces characters one for one (emphasis inside a word moves to the word's end; a web copy's site
material by spaces, see `ingest.chrome`; markdown and table pipes by spaces, word-segmentation
underscores by spaces, old-style tone placement "Uỷ" by "Ủy", OCR "sô" by "số", "QUYÉT" by "QUYẾT"),
so a span found in the cleaned text is the same span in the normalised source and provenance needs no offset map.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.chrome import chrome_spans

# Emphasis inside a word ("n**ă**m", "tháng 1**1**", "H****òa"): web copies bold part of a word.
_INNER_MARKUP = re.compile(r"(?<!\w)\w+(?:\*+\w+)+")
# Where such emphasis may be: a run of asterisks between two word characters. It opens with a literal
# "*" so the engine skips to asterisks in C; `_INNER_MARKUP` then runs only from the word before each.
_STAR_IN_WORD = re.compile(r"\*(?<=\w\*)\**(?=\w)")
# Markdown emphasis ("*"), headings ("#" opening a line) and table pipes ("|") are layout, not words.
_LINE_HASHES = re.compile(r"#(?<![^\n]#)#*")  # "#" first: the engine skips to it in C
# YAML front matter of crawler dumps: metadata about the copy, not the document's words.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
# Word-segmented corpora join syllables with "_" ("Chỉ_thị", "Thủ_tướng").
_SEGMENT_JOIN = re.compile(r"_(?<=\w_)(?=\w)")
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u3000\t\f\v]")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Legacy fonts type the Icelandic eth "Ð" for the Vietnamese "Đ".
_ETH = {"\u00d0": "\u0110", "\u00f0": "\u0111"}

# Old tone placement ("hoà", "uỷ") to the placement of the 2018 spelling rule, only where the vowel
# pair ends the syllable ("hoàn" is already right). "quý" keeps its accent on "y" after "q".
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONES.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_OLD_TONES.items())}
                  | {k.upper(): v.upper() for k, v in list(_OLD_TONES.items())})
# Every pair that may be one: the first letter opens the pattern so the engine skips to it in C;
# `_retone` keeps a pair that is not in `_OLD_TONES` ("uá" of "quá" is excluded by the look-behind).
_OLD_TONE_RE = re.compile(r"[oOuU](?<![qQ].)[" + "".join(sorted({k[1] for k in _OLD_TONES})) + r"](?!\w)")

# OCR damage to the words that frame a citation or a header, each repaired letter for letter:
# a dropped hook or tone ("sô 12", "ngay12 tháng", "Căn cu"), a wrong accent on a capital ("QUYÉT ĐỊNH").
# Each word is repaired only where the word it should be is certain from what follows it.
_OCR_WORDS = {"sô": "số", "ngay": "ngày", "cu": "cứ", "quyét": "quyết", "ké": "kế", "trinh": "trình",
              "nãm": "năm", "nắm": "năm", "thảng": "tháng", "thàng": "tháng", "thạng": "tháng"}
# Each form is a literal word, then what must stand around it. A literal opens every alternative, so the
# engine skips to those words' first letters in C (a look-behind first would make it try every position).
_OCR_FORMS = {
    r"(?=\s*[:.]?\s*\d)": ("sô", "Sô"),
    r"(?=\s*\d)": ("ngay", "Ngay"),
    r"(?=\s+(?:ĐỊNH|định|HOẠCH|hoạch)(?!\w))": ("QUYÉT", "Quyét", "quyét", "KÉ", "Ké"),
    r"(?=\s*\d{4}(?!\d))": ("nãm", "Nãm", "nắm", "Nắm"),
    r"(?=\s*\d{1,2}(?!\d))": ("thảng", "Thảng", "thàng", "Thàng", "thạng", "Thạng"),
}
_OCR = re.compile("|".join(
    [rf"{word}(?<!\w{'.' * len(word)}){ahead}" for ahead, words in _OCR_FORMS.items() for word in words]
    + [r"cu(?<=Căn cu)(?!\w)", r"TRINH(?<=CHƯƠNG TRINH)(?!\w)"]
))


def normalise(text: str) -> str:
    """NFC-normalise text; every offset lexgraph reports refers to this string."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean(text: str) -> str:
    """Return a same-length copy of normalised `text` with layout and damage neutralised.

    >>> clean("**Uỷ ban** | Chỉ_thị sô 12")
    '  Ủy ban     Chỉ thị số 12'
    """
    # Each step is skipped when the characters it rewrites are absent: a scan for one character is
    # far cheaper than a regex pass, and most documents have no front matter, segmentation or eth.
    front = _FRONT_MATTER.match(text) if text.startswith("---") else None
    out = _blank_spans(text, [front.span()]) if front else text
    if "*" in out:
        out = _close_words(out)
        out = out.replace("*", " ")
    if "#" in out:
        out = _LINE_HASHES.sub(lambda m: " " * len(m.group()), out)
    out = out.replace("|", " ")
    out = _SEGMENT_JOIN.sub(" ", out) if "_" in out else out
    out = _SPACES.sub(" ", out)
    out = _blank_spans(out, chrome_spans(out))
    for dash in _DASHES:
        if dash in out:
            out = out.replace(dash, "-")
    for eth, dyet in _ETH.items():
        if eth in out:
            out = out.replace(eth, dyet)
    out = _OLD_TONE_RE.sub(_retone, out)
    out = _OCR.sub(_repair, out)
    return out


def _retone(m: re.Match[str]) -> str:
    return _OLD_TONES.get(m.group(), m.group())


def _close_words(text: str) -> str:
    """`text` with the asterisks inside words moved to each word's end (see `_close_word`)."""
    parts, pos = [], 0
    for star in _STAR_IN_WORD.finditer(text):
        if star.start() < pos:
            continue  # inside a word already closed
        start = star.start()
        while start > pos and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word = _INNER_MARKUP.match(text, start)
        if word is None:
            continue
        parts.append(text[pos:start])
        parts.append(_close_word(word))
        pos = word.end()
    parts.append(text[pos:])
    return "".join(parts)


def _repair(m: re.Match[str]) -> str:
    """An OCR-damaged word repaired in the case it was written in."""
    word = m.group()
    fixed = _OCR_WORDS[word.lower()]
    return fixed.upper() if word.isupper() else fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed


def _close_word(m: re.Match[str]) -> str:
    """The word without its inner asterisks, padded with spaces after it to keep the length: only
    offsets inside that word move, by at most the asterisks it held."""
    word = m.group().replace("*", "")
    return word + " " * (len(m.group()) - len(word))


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span's characters but its line breaks overwritten by spaces."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def squash(text: str) -> str:
    """Collapse runs of white space to one space: how a span is shown to people."""
    return " ".join(text.split())
