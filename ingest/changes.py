"""What a document changes: the instruments it replaces, repeals or amends, and the articles it touches.

A change is made by the document itself: in its title ("Quyết định bãi bỏ Quyết định số ..."), in an
article that opens with the verb ("Điều 1. Bãi bỏ ...", "2. Sửa đổi, bổ sung khoản 3 Điều 5 ..."), with
the document as subject ("Quyết định này có hiệu lực ... và thay thế ...", "Quy định này thay thế ..."),
or when it says that an instrument expires ("Quyết định số ... hết hiệu lực kể từ ngày ..."). A verb in a
cited instrument's own description ("Nghị định số 14 sửa đổi, bổ sung Nghị định số 15"), a passive,
planned or conditional one ("được sửa đổi, bổ sung hoặc thay thế", "đề xuất thay thế"), and the legal
bases are not changes this document makes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from ingest import patterns as P
from ingest.find import date_of, symbol_of
from ingest.records import ChangeKind, DocumentInfo, Mention, Subdivision
from ingest.relations import Nesting
from ingest.subdivisions import Run

# A verb's clause may list a few dozen instruments.
_SCOPE_MAX = 3000
_NOT_MADE_REACH = 40
_CLAUSE_MAX = 800
_SUBJECT_REACH = 1500
# A submission proposes changes (the instrument it proposes makes them); a consolidated text restates
# those of the instruments it consolidates; letters, reports, notices and telegrams quote or explain changes
# that instruments make, they make none.
_MAKES_NO_CHANGES = frozenset({"Tờ trình", "Văn bản hợp nhất", "Công văn", "Báo cáo", "Thông báo", "Công điện"})
_VERB_RELATION: dict[str, ChangeKind] = {"replace": "replaces", "repeal": "repeals", "amend": "amends",
                                         "expire": "repeals"}


@dataclass(frozen=True, slots=True)
class FoundChange:
    """One change as found: the mention of its target, what is done to it, and where it is said."""

    mention: int
    relation: ChangeKind
    articles: tuple[Subdivision, ...]
    effective: date | None
    whole: bool
    at: int
    end: int


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the parts of the document lie that decide whether a verb is the document's own."""

    title: tuple[int, int] | None
    bases: tuple[tuple[int, int], ...]
    breaks: tuple[int, ...]
    main_end: int


def find_changes(text: str, mentions: list[Mention], nesting: Nesting, document: DocumentInfo, layout: Layout,
                 runs: list[Run]) -> list[FoundChange]:
    """The changes the document makes, in order of the text; a target named several times is found several
    times (`ingest.resolve` keeps one change per instrument and relation)."""
    if document.type in _MAKES_NO_CHANGES:
        return []
    own = symbol_of(document.number)
    own_key = own.key if own else None
    starts = [m.start for m in mentions]
    run_starts = [r.start for r in runs]
    found: list[FoundChange] = []
    current: tuple[int, ChangeKind] | None = None
    title_acts = False
    # A document makes its changes in its own articles, above the recipients and signature; its annexes
    # (procedures, recommendations, forms) describe, they do not enact.
    for verb in P.CHANGE_VERB.finditer(text, 0, layout.main_end):
        pos = verb.start()
        if any(s <= pos < e for s, e in layout.bases):
            continue
        if _inside_name(mentions, starts, pos):
            continue  # "Luật sửa đổi, bổ sung một số điều của Luật ...": the verb is part of a name
        kind = verb.lastgroup or ""
        holder = _holder(mentions, starts, pos)
        # An expiry follows the description of what expires; any other verb there describes a cited one.
        if kind != "expire" and holder is not None and not _is_own(mentions[holder], own_key):
            continue
        k = bisect.bisect_right(layout.breaks, pos)
        # A clause runs back to the last break, but never further than a long sentence reaches.
        clause_start = max(layout.breaks[k - 1] if k else 0, pos - _CLAUSE_MAX)
        in_title = layout.title is not None and layout.title[0] <= pos < layout.title[1]
        if in_title:
            clause_start = max(clause_start, layout.title[0])
        if kind == "expire":
            # What expires is named at the head of the sentence, whose title may hold a ";" of its own.
            j = k
            while j > 1 and text[layout.breaks[j - 1] - 1] == ";" and layout.breaks[j - 2] > pos - _CLAUSE_MAX:
                j -= 1
            clause_start = max(layout.breaks[j - 1] if j else 0, pos - _CLAUSE_MAX)
            targets, scope_end = _expiring(text, mentions, starts, nesting, verb, clause_start, layout)
            if targets is None:
                continue
        else:
            if in_title:
                made = _title_act(text, layout.title[0], pos, title_acts)  # type: ignore[index]
                title_acts = title_acts or made
            else:
                made = holder is not None or _made_here(text, clause_start, pos, layout.breaks, document.type)
            if not made:
                continue
            scope_end = _scope_end(text, verb.end(), starts, layout, in_title)
            targets = _objects(mentions, starts, nesting, pos, verb.end(), scope_end)
        # "Bãi bỏ cụm từ ...", "Thay thế cụm từ ... bằng ...": the verb's relation, on part of the text.
        wording = kind in ("replace", "repeal") and P.WORDING_CHANGE.match(text, verb.end()) is not None
        # "Bãi bỏ, sửa đổi, thay thế một số điều ...": several verbs at once amend the instrument.
        mixed = kind in ("replace", "repeal") and P.MIXED_VERBS.match(text, verb.end()) is not None
        targets = [t for t in targets if not _is_own(mentions[t], own_key)]
        effective = _expiry_date(text, verb.end()) if kind == "expire" else None
        in_scope = runs[bisect.bisect_left(run_starts, verb.end()) : bisect.bisect_left(run_starts, scope_end)]
        listed = False
        for t in targets:
            articles = tuple(item for r in in_scope if r.target == t for item in r.items)
            target = mentions[t]
            if target.start < pos:
                # "Quyết định số ... hết hiệu lực" expires as a whole; "Nội dung công bố ... tại Quyết định số
                # ... hết hiệu lực" in part.
                whole = P.PARTIAL_OBJECT.search(text, clause_start, target.start) is None
            elif not listed:
                whole = P.PARTIAL_OBJECT.search(text, verb.end(), target.start) is None
            else:
                # The next item of a list of instruments is acted on as the first one is.
                whole = whole and P.NEXT_ITEM.search(text, max(0, target.start - 24), target.start) is not None
            whole = whole and not articles and not wording and not mixed
            listed = True
            relation: ChangeKind = "amends" if mixed else _VERB_RELATION[kind]
            found.append(FoundChange(t, relation, articles, effective, whole, pos, verb.end()))
        if targets:
            current = (targets[-1], found[-1].relation)
        elif current is not None and current[1] == "amends":
            # "2. Sửa đổi, bổ sung khoản 3 Điều 5 như sau:" inside an amending document: the articles of the
            # instrument it amends.
            articles = tuple(item for r in in_scope if r.target is None for item in r.items)
            if articles:
                found.append(FoundChange(current[0], "amends", articles, None, False, pos, verb.end()))
    return found


def _holder(mentions: list[Mention], starts: list[int], pos: int) -> int | None:
    """The mention whose subject phrase holds position `pos`, if any."""
    k = bisect.bisect_right(starts, pos) - 1
    while k >= 0 and mentions[k].start > pos - _SUBJECT_REACH:
        m = mentions[k]
        if m.subject is not None and m.end <= pos < m.subject_end:
            return k
        k -= 1
    return None


def _is_own(mention: Mention, own_key: str | None) -> bool:
    return own_key is not None and mention.key == own_key


def _title_act(text: str, title_start: int, pos: int, acted: bool) -> bool:
    """Whether a verb in the title is the document's act: the title opens with it, or it follows one
    ("Sửa đổi, bổ sung Điều 5 và bãi bỏ Điều 7 ...")."""
    if P.TITLE_LEAD.fullmatch(text, title_start, pos):
        return True
    return acted and P.TITLE_NEXT_VERB.search(text, max(title_start, pos - 12), pos) is not None


def _made_here(text: str, clause_start: int, pos: int, breaks: tuple[int, ...], own_type: str | None) -> bool:
    """Whether the verb at `pos` is one the document performs (see the module's docstring). A clause
    that opens with the verb after a ";" goes on a sentence whose subject is the document, or is the
    next item of some other list ("...; sửa đổi, bổ sung lĩnh vực đất đai" in a cited title)."""
    near = max(clause_start, pos - _NOT_MADE_REACH)
    lead = text[clause_start:pos]
    if P.PROPOSAL.search(lead):
        return False
    if (issues := P.ISSUES_DOCUMENT.search(lead)) is not None:
        # "Ủy ban nhân dân tỉnh ban hành Quyết định bãi bỏ ...": the document names itself by its own type.
        return " ".join(issues.group("type").split()).casefold() == (own_type or "").casefold()
    if P.CHANGE_NOT_MADE.search(text, near, pos):
        return False
    if P.THIS_DOCUMENT.search(lead) is not None:
        return True
    if P.CLAUSE_LEAD.fullmatch(lead) is None:
        return False
    if clause_start > 0 and text[clause_start - 1] == ";":
        k = bisect.bisect_left(breaks, clause_start) - 1
        previous = breaks[k - 1] if k > 0 else 0
        return P.THIS_DOCUMENT.search(text, previous, clause_start) is not None
    return True


def _inside_name(mentions: list[Mention], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and mentions[k].start <= pos < mentions[k].end


def _scope_end(text: str, pos: int, starts: list[int], layout: Layout, in_title: bool = False) -> int:
    """Where the clause of a verb ending at `pos` ends; a list opened by a colon runs over its items. A
    title's clause ends with the title, and no clause runs into the legal bases."""
    limit = min(len(text), pos + _SCOPE_MAX)
    if in_title and layout.title is not None:
        limit = min(limit, layout.title[1])
    limit = min([limit, *(s for s, _ in layout.bases if s >= pos)])
    listing = enumerated = False
    at = pos
    while (stop := P.CHANGE_SCOPE_END.search(text, at, limit)) is not None:
        if stop.group() == "." and P.ENUMERATOR_DOT.search(text, max(0, stop.start() - 8), stop.start()):
            at = stop.end()  # the dot of an item's number ("1. Quyết định số ...") ends nothing
            continue
        listing = listing or ":" in text[pos : stop.start()]
        if listing and stop.group() == "." and P.LIST_ITEM_NEXT.match(text, stop.end()):
            at = stop.end()
            continue
        opens_list = enumerated or bisect.bisect_left(starts, pos) == bisect.bisect_left(starts, stop.start())
        if opens_list and P.INSTRUMENT_ITEM.match(text, stop.end() if stop.group() == "." else stop.start()):
            # "Điều 1. Bãi bỏ toàn bộ một số văn bản ...\n1. Quyết định số ...\n2. Quyết định số ...": numbered
            # items that each name an instrument go on the list the clause opened before naming any.
            enumerated = True
            at = stop.end()
            continue
        limit = stop.start()
        break
    if (exception := P.EXCEPT.search(text, pos, limit)) is not None:
        limit = exception.start()
    if (following := P.NEXT_CHANGE_CLAUSE.search(text, pos, limit)) is not None:
        limit = following.start()  # "...;\n- Sửa đổi Danh mục ...": the next item has a verb of its own
    return limit


def _objects(mentions: list[Mention], starts: list[int], nesting: Nesting, verb_start: int, begin: int,
             end: int) -> list[int]:
    """The mentions a verb acts on: those in its clause that are not nested in another one there."""
    lo, hi = bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)
    out: list[int] = []
    for i in range(lo, hi):
        parent = nesting.parent[i]
        if parent is None or mentions[parent].start < verb_start:
            out.append(i)
        elif out and nesting.coordinated[i] and mentions[i].type == mentions[out[0]].type != mentions[i - 1].type:
            # "thay thế Nghị định số A ... của Luật X và Nghị định số B": B is coordinated with the law named
            # in A's title, but it is a second decree the verb acts on, as A is.
            out.append(i)
    return out


def _expiring(text: str, mentions: list[Mention], starts: list[int], nesting: Nesting, verb,
              clause_start: int, layout: Layout) -> tuple[list[int] | None, int]:
    """ "Quyết định số ... hết hiệu lực kể từ ngày ...": the instruments named before the verb in its
    clause, or listed after it ("Các văn bản sau hết hiệu lực ...: a) ..."); None when it is no statement
    of expiry (no date or list follows, or it is a condition)."""
    if not P.EXPIRY_WHEN.match(text, verb.end()) or P.EXPIRY_NOT_STATED.search(text, max(0, verb.start() - 12),
                                                                                 verb.start()):
        return None, verb.end()
    before = _objects(mentions, starts, nesting, clause_start, clause_start, verb.start())
    if before:
        if P.EXPIRY_CONDITION.search(text, clause_start, mentions[before[0]].start):
            return None, verb.end()
        return before, verb.end()
    end = _scope_end(text, verb.end(), starts, layout)
    return _objects(mentions, starts, nesting, verb.start(), verb.end(), end), end


def _expiry_date(text: str, pos: int) -> date | None:
    m = P.FORCE_DATE.match(text, pos)
    return date_of(m) if m else None
