"""The signer: the personal name under the role lines of the document's signature block.

The block reads "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Phạm Văn Thịnh", in
Party form "T/M BAN THƯỜNG VỤ / K/T BÍ THƯ / PHÓ BÍ THƯ / Nguyễn Văn A", or for a ministry "KT. BỘ
TRƯỞNG / THỨ TRƯỞNG / Cao Anh Tuấn". Web copies flatten the two-column table that holds it beside
"Nơi nhận:", so the block stands just before or just after the recipients list; annexes and appended
material can follow it. The name is the first line under a role line that reads as a person's name:
words that open with a capital, the first a family name (job titles such as "Thứ trưởng" are not).
"""

from __future__ import annotations

import re

from ingest import patterns as P
from ingest.tables import FAMILY_NAMES

# How far around the recipients list the signature block may stand.
_BEFORE_RECIPIENTS = 1500
_AFTER_RECIPIENTS = 4000
# Lines between a role line and the name: further role lines, "(Đã ký)", a seal note.
_NAME_REACH = 7


def signer(text: str) -> str | None:
    """The first signer of the document in cleaned `text`, or None when no block names one."""
    recipients = [m.start() for m in P.RECIPIENTS.finditer(text)]
    if recipients:
        start = max(0, recipients[0] - _BEFORE_RECIPIENTS)
        names = _names_after_roles(text, start, recipients[-1] + _AFTER_RECIPIENTS)
        if (first := next(names, None)) is not None:
            return first
    # No recipients list (or no name near it): the last block of the document.
    found = list(_names_after_roles(text, max(0, len(text) - 20000), len(text)))
    return found[-1] if found else None


def _names_after_roles(text: str, start: int, end: int):
    """The names under each role line between `start` and `end`, in order."""
    lines = text[start:end].split("\n")
    i = 0
    while i < len(lines):
        if P.SIGNATURE_ROLE.search(lines[i]) and _is_upper(lines[i]):
            name, used = _name_below(lines, i + 1)
            if name:
                yield name
                i += used
        i += 1


def _name_below(lines: list[str], i: int) -> tuple[str | None, int]:
    for k in range(i, min(len(lines), i + _NAME_REACH)):
        line = P.SIGNED_NOTE.sub(" ", lines[k])
        words = P.RANK.sub("", line).split()
        if not words:
            continue
        if k + 1 < len(lines):
            words += _continuation(lines[k + 1], len(words))
        if _is_name(words):
            return _name_case(words), k - i + 1
        if not _is_upper(line) or P.RECIPIENTS.match(line):
            return None, k - i
    return None, _NAME_REACH


def _continuation(line: str, have: int) -> list[str]:
    """The rest of a name that a web copy wrapped onto the next line ("**Vũ\nChiến Thắng**"), or
    broke inside a word with markup ("**Lê Hải\nH****òa**")."""
    if fragment := P.NAME_FRAGMENT.fullmatch(line):
        return [fragment.group(1) + fragment.group(2)]
    words = line.split()
    if 1 <= len(words) <= 3 and have + len(words) <= 6 and all(
        _NAME_WORD.fullmatch(w) and w[0].isupper() and w[1:].islower() for w in words
    ):
        return words
    return []


def _is_name(words: list[str]) -> bool:
    if not 2 <= len(words) <= 6 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    return words[0].capitalize() in FAMILY_NAMES or words[0] in FAMILY_NAMES


_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_']*(?:'[^\W\d_]+)?|[^\W\d_]'")


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _name_case(words: list[str]) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in words)
