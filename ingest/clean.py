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

# Markdown emphasis and headings, table pipes, footnote brackets: layout, not words.
_MARKUP = re.compile(r"\*+|^#+|\|", re.M)
# Emphasis inside a word ("n**ă**m", "tháng 1**1**", "H****òa"): web copies bold part of a word.
_INNER_MARKUP = re.compile(r"(?<!\w)\w+(?:\*+\w+)+")
# YAML front matter of crawler dumps: metadata about the copy, not the document's words.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.S)
# Word-segmented corpora join syllables with "_" ("Chỉ_thị", "Thủ_tướng").
_SEGMENT_JOIN = re.compile(r"(?<=\w)_(?=\w)")
_NOT_NEWLINE = re.compile(r"[^\n]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u3000\t\f\v]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
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
# The look-ahead on the first letter lets the engine skip every other position cheaply.
_OLD_TONE_RE = re.compile(r"(?<![qQ])(?=[oOuU])(" + "|".join(_OLD_TONES) + r")(?!\w)")

# OCR damage to the words that frame a citation or a header, each repaired letter for letter:
# a dropped hook or tone ("sô 12", "ngay12 tháng", "Căn cu"), a wrong accent on a capital ("QUYÉT ĐỊNH").
# Each word is repaired only where the word it should be is certain from what follows it.
_OCR_WORDS = {"sô": "số", "ngay": "ngày", "cu": "cứ", "quyét": "quyết", "ké": "kế", "trinh": "trình",
              "nãm": "năm", "nắm": "năm", "thảng": "tháng", "thàng": "tháng", "thạng": "tháng"}
_OCR = re.compile(
    r"(?<!\w)(?=[sSnNcQqKkTtC])(?:[sS]ô(?=\s*[:.]?\s*\d)|[nN]gay(?=\s*\d)|(?<=Căn )cu(?!\w)"
    r"|(?:QUYÉT|[Qq]uyét|KÉ|Ké)(?=\s+(?:ĐỊNH|định|HOẠCH|hoạch)(?!\w))|(?<=CHƯƠNG )TRINH(?!\w)"
    r"|[nN][ãắ]m(?=\s*\d{4}(?!\d))|[tT]h[ảàạ]ng(?=\s*\d{1,2}(?!\d)))"
)


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
    out = _FRONT_MATTER.sub(lambda m: _NOT_NEWLINE.sub(" ", m.group()), text) if text.startswith("---") else text
    if "*" in out:
        out = _INNER_MARKUP.sub(_close_word, out)
    out = _MARKUP.sub(lambda m: " " * len(m.group()), out) if "*" in out or "#" in out or "|" in out else out
    out = _SEGMENT_JOIN.sub(" ", out) if "_" in out else out
    out = _SPACES.sub(" ", out)
    out = _blank_spans(out, chrome_spans(out))
    out = _DASHES.sub("-", out)
    for eth, dyet in _ETH.items():
        if eth in out:
            out = out.replace(eth, dyet)
    out = _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], out)
    out = _OCR.sub(_repair, out)
    return out


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
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def squash(text: str) -> str:
    """Collapse runs of white space to one space: how a span is shown to people."""
    return " ".join(text.split())
