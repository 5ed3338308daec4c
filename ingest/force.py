"""When a document enters into force, as its own words say.

Read from the clause whose subject is the document itself: "Quyết định này có hiệu lực thi hành kể từ
ngày 01 tháng 12 năm 2025", "Nghị quyết này đã được Hội đồng nhân dân ... thông qua ngày ... và có hiệu
lực từ ngày ...", "... có hiệu lực kể từ ngày ký" (then the date is the document's own, and null when the
text does not state it). A subject with a number ("Nghị định số 15/2020/NĐ-CP có hiệu lực ...") or inside
a parenthesis is another instrument, and "được áp dụng từ ngày ..." is a date of application, not of force.
"""

from __future__ import annotations

import re
from datetime import timedelta

from ingest import patterns as P
from ingest.find import date_of
from ingest.records import DocumentInfo, Effective
from ingest.tables import TYPE_WORDS

_OTHER_SUBJECTS = ("văn bản", "quy định", "quy chế")


def effective_of(text: str, document: DocumentInfo, start: int = 0) -> Effective | None:
    """The document's entry into force, read after `start` (the end of its title); None when the text does
    not say. The clause whose subject is
    the document's own type wins over one on a regulation it issues ("Quy định này có hiệu lực ...")."""
    best: tuple[int, Effective] | None = None
    quoted = [(q.start(), q.end()) for q in P.QUOTED.finditer(text, start)]
    for m in _clauses(text, start):
        subject = m if m.re is P.IN_FORCE else _sentence_subject(text, m.start())
        if subject is None:
            continue
        rank = _subject_rank(subject.group("subject"), bool(subject.group("this")), document.type)
        # A quoted clause is another instrument's wording ("Nghị định này có hiệu lực ..." in a letter).
        if rank is None or _in_parenthesis(text, subject.start()) or any(s < m.start() < e for s, e in quoted):
            continue
        found = _when(text, m.end(), document)
        if found is None:
            continue
        if best is None or rank < best[0]:
            best = (rank, found)
        if rank == 0:
            break
    return best[1] if best else None


_SENTENCE_REACH = 400
# How far before "có hiệu lực" its subject may be: "Nghị quyết này đã được Hội đồng nhân dân ... thông qua ngày
# ... và có hiệu lực ..." is the longest way there.
_SUBJECT_REACH = 400
_TAIL = 40  # room for "thi hành" after "có hiệu lực"


def _clauses(text: str, start: int) -> list[re.Match[str]]:
    """The force clauses after `start`, in order: each "có hiệu lực" with its subject before it, or joined to
    a sentence that opens with the document ("... và có hiệu lực ...")."""
    out = []
    for anchor in P.HAS_FORCE.finditer(text, start):
        at = anchor.start()
        window = max(start, at - _SUBJECT_REACH)
        found = next((m for m in P.IN_FORCE.finditer(text, window, anchor.end() + _TAIL) if m.start("force") == at),
                     None)
        if found is None:
            found = P.IN_FORCE_JOINED.search(text, max(start, at - 12), anchor.end() + 12)
        if found is not None:
            out.append(found)
    return out


def _sentence_subject(text: str, pos: int) -> re.Match[str] | None:
    """The document named as the subject that opens the sentence holding `pos`, if it is one."""
    start = max(0, pos - _SENTENCE_REACH)
    for end in P.SENTENCE_END.finditer(text, start, pos):
        start = end.end()
    return P.THIS_DOCUMENT_SUBJECT.match(text, start)


def _subject_rank(subject: str, this: bool, own_type: str | None) -> int | None:
    """How surely the subject is this document: its own type with "này" (0), its own type alone (1), a
    regulation or text "này" (2); None for anything else."""
    kind = " ".join(subject.split()[: -1 if this else None]).casefold()
    own = (own_type or "").casefold()
    if kind == own:
        return 0 if this else 1
    if this and (kind in _OTHER_SUBJECTS or kind in _TYPE_WORDS_FOLDED):
        return 2
    return None


_TYPE_WORDS_FOLDED = frozenset(w.casefold() for w in TYPE_WORDS)


def _in_parenthesis(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[max(line_start, pos - 200) : pos]
    return before.count("(") > before.count(")")


def _when(text: str, pos: int, document: DocumentInfo) -> Effective | None:
    """The date a force clause gives after `pos`, and the end of its period when it states one."""
    if (m := P.FORCE_DATE.match(text, pos)) is not None:
        start, from_signing, end = date_of(m), False, m.end()
    elif (m := P.FORCE_FROM_SIGNING.match(text, pos)) is not None:
        start, from_signing, end = document.date, True, m.end()
    elif (m := P.FORCE_AFTER_DAYS.match(text, pos)) is not None:
        days = int(m.group("n"))
        start = document.date + timedelta(days=days) if document.date else None
        from_signing, end = False, m.end()
    else:
        return None
    until = P.FORCE_UNTIL.match(text, end)
    return Effective(date=start, from_signing=from_signing, until=date_of(until) if until else None)
