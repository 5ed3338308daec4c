"""Who issued an instrument: the body a phrase or a number-symbol names, and the province it names."""

from __future__ import annotations

import re

from ingest import patterns as P
from ingest.find import symbol_of
from ingest.tables import ISSUER_PHRASES, PROVINCE_ALIASES, PROVINCE_SUCCESSORS, PROVINCES, Issuer, issuer_for_token

_PHRASES = [(re.compile(p.replace(" ", r"\s+") + r"(?!\w)", re.I), body) for p, body in ISSUER_PHRASES]
_PROVINCE_BY_FOLD = {p.casefold(): p for p in PROVINCES} | {a.casefold(): p for a, p in PROVINCE_ALIASES.items()}


def body_of_phrase(phrase: str | None) -> Issuer | None:
    """The issuing body a phrase starts with ("Thủ tướng Chính phủ", "UBND thành phố Cần Thơ").

    >>> body_of_phrase("Ủy ban nhân dân thành phố").level
    'provincial_committee'
    """
    if not phrase:
        return None
    phrase = " ".join(phrase.split())
    for pattern, body in _PHRASES:
        if pattern.match(phrase):
            return body
    return None


def body_of_number(number: str | None) -> Issuer | None:
    """The issuing body a number-symbol's tokens name, last token first ("964/UBND-GT" -> UBND).

    >>> body_of_number("11/NQ-CP").name
    'Chính phủ'
    """
    symbol = symbol_of(number)
    return issuer_for_token(symbol.issuer_token) if symbol and symbol.issuer_token else None


def province_in(text: str | None) -> str | None:
    """The first province or centrally-run city named in `text`, by its canonical name."""
    if not text:
        return None
    m = P.PROVINCE.search(text)
    return canonical_province(m.group()) if m else None


def related_provinces(name: str) -> set[str]:
    """A province and those the 2025 reorganisation joined it with: the one it merged into, and the
    ones merged into it. A query by either a former or a present name finds the documents of both.

    >>> sorted(related_provinces("Bắc Giang"))
    ['Bắc Giang', 'Bắc Ninh']
    >>> sorted(related_provinces("Cần Thơ"))
    ['Cần Thơ', 'Hậu Giang', 'Sóc Trăng']
    """
    present = PROVINCE_SUCCESSORS[name][0] if name in PROVINCE_SUCCESSORS else name
    return {name, present} | {former for former, (successor, _) in PROVINCE_SUCCESSORS.items() if successor == present}


def canonical_province(name: str) -> str | None:
    """A province's canonical name from any of its spellings, or None."""
    return _PROVINCE_BY_FOLD.get(" ".join(name.split()).casefold())
