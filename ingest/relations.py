"""How mentions hang together and how the document relates to what it cites.

`nest` decides, for each mention, whether it is a sibling in a list ("Nghị quyết số A, Nghị quyết số B")
or sits inside another mention's subject phrase ("Nghị quyết số A ... và triển khai Nghị quyết số B"):
only the outer one is what the sentence is about. `document_relations` then types the document's link
to each top-level mention: `implements` from the title or the opening "Thực hiện ..." sentence,
`based_on` from the opening "Căn cứ ..." clauses, before the body starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import patterns as P
from ingest.issuers import body_of_number, body_of_phrase
from ingest.records import Link, Mention, Relation
from ingest.tables import LEVEL_RANK, TYPE_WORDS, Issuer


@dataclass(frozen=True, slots=True)
class Nesting:
    """For each mention (by index): the mention whose subject phrase holds it, and the verb linking them.

    `passive[i]` is true when the verb is passive ("được cụ thể hóa bằng"): then the nested mention
    does to its holder what the verb says, not the other way round.
    """

    parent: tuple[int | None, ...]
    link: tuple[Link | None, ...]
    passive: tuple[bool, ...]
    coordinated: tuple[bool, ...] = ()

    def shared_with(self, i: int, mentions: list[Mention]) -> list[int]:
        """The mentions listed just before mention i with no subject of their own: a subject phrase
        after the last item of "Kế hoạch A và Kế hoạch B thực hiện Nghị quyết C" describes them all."""
        out = []
        while i > 0 and self.coordinated[i] and mentions[i - 1].subject is None:
            i -= 1
            out.append(i)
        return out


def nest(text: str, mentions: list[Mention]) -> Nesting:
    """Find which mentions sit inside another mention's subject phrase."""
    parent: list[int | None] = []
    link: list[Link | None] = []
    passive: list[bool] = []
    coordinated: list[bool] = []
    for i, mention in enumerate(mentions):
        prev = mentions[i - 1] if i else None
        coordinated.append(prev is not None and prev.end <= mention.start
                           and _is_connector(text[prev.end : mention.start]))
        if prev is None:
            parent.append(None)
            link.append(None)
            passive.append(False)
            continue
        if coordinated[i]:
            # Plain coordination: "Nghị quyết số A và Nghị quyết số B" share their level.
            parent.append(parent[i - 1])
            link.append(link[i - 1])
            passive.append(passive[i - 1])
            continue
        holder = _holder(text, mentions, parent, i)
        if holder is None or P.LIST_CONNECTOR_END.search(text, max(0, mention.start - 12), mention.start):
            parent.append(None)
            link.append(None)
            passive.append(False)
        else:
            verb, is_passive = _verb(text[mentions[holder].end : mention.start])
            parent.append(holder)
            link.append(verb)
            passive.append(is_passive)
    return Nesting(tuple(parent), tuple(link), tuple(passive), tuple(coordinated))


def _is_connector(gap: str) -> bool:
    # ";" separates list items that need not share a level: `_holder` decides for those.
    return P.LIST_CONNECTOR.fullmatch(gap) is not None


def _holder(text: str, mentions: list[Mention], parent: list[int | None], i: int) -> int | None:
    """The nearest earlier mention whose subject phrase reaches mention i, walking up enclosing ones.

    A ";" between them ends the holder's clause: "...; Nghị quyết số B" starts a new list item.
    """
    j: int | None = i - 1
    start = mentions[i].start
    while j is not None:
        candidate = mentions[j]
        if candidate.end <= start < candidate.subject_end and ";" not in text[candidate.end : start]:
            return j
        j = parent[j]
    return None


def _verb(between: str) -> tuple[Link, bool]:
    """The relation named by the last verb before a nested mention ("... và triển khai" -> implements),
    and whether that verb is passive ("được cụ thể hóa bằng")."""
    best: tuple[re.Match[str], Link] | None = None
    for pattern, name in P.LINK_VERBS:
        for m in pattern.finditer(between):
            if best is None or m.start() > best[0].start():
                best = (m, name)  # type: ignore[assignment]
    if best is None:
        return "cites", False
    m, name = best
    passive = bool(P.PASSIVE_BEFORE.search(between, 0, m.start()) and P.PASSIVE_AFTER.match(between, m.end()))
    return name, passive


def basis_spans(text: str, body_start: int) -> list[tuple[int, int]]:
    """The opening "Căn cứ ..." clauses: spans that end where a clause no longer continues the basis."""
    spans = []
    for m in P.BASIS_START.finditer(text, 0, body_start):
        if spans and m.start() < spans[-1][1]:
            continue
        end = m.end()
        while end < body_start:
            stop = P.BASIS_CLAUSE_END.search(text, end, body_start)
            if stop is None:
                end = body_start
                break
            end = stop.end()
            if stop.group() != ";" or not P.BASIS_CONTINUES.match(text, end):
                break
        spans.append((m.start(), end))
    return spans


def basis_section_spans(text: str, end: int) -> list[tuple[int, int]]:
    """A "CĂN CỨ PHÁP LÝ" / "Cơ sở pháp lý" section of the document (not of an annexed procedure)
    before `end`: from its heading to the next heading that does not list an instrument."""
    heading = P.BASIS_SECTION.search(text, 0, end)
    if heading is None:
        return []
    pos = heading.end()
    limit = min(end, pos + _BASIS_SECTION_MAX)
    for line in P.LINE.finditer(text, pos, limit):
        if line.start() > pos and P.SECTION_HEADING.match(line.group()) and not P.LISTED_INSTRUMENT.match(line.group()):
            return [(heading.start(), line.start())]
    return [(heading.start(), limit)]


# A basis section lists a few dozen instruments at most.
_BASIS_SECTION_MAX = 6000


def opening_spans(text: str, start: int, body_start: int) -> list[tuple[int, int]]:
    """Sentences before the body that open with "Thực hiện ..." / "Triển khai ...": the plan's purpose."""
    spans = []
    for m in P.OPENING_VERB.finditer(text, start, body_start):
        stop = P.OPENING_END.search(text, m.end(), body_start)
        spans.append((m.start(), stop.start() if stop else body_start))
    return spans


# Plans, programmes and directives carry out what their legal basis lays down when it comes from a
# higher authority: such a basis puts them in its implementation tree.
IMPLEMENTING_TYPES = frozenset({"Kế hoạch", "Chương trình", "Chỉ thị"})


def carries_out(relations: frozenset[str] | set[str] | tuple[str, ...], document_type: str | None,
                document_level: str, cited_level: str) -> bool:
    """Whether a citation puts the citing document in the implementation tree of what it cites: it says
    it implements it, or it is a plan, programme or directive based on an instrument of a higher level.

    >>> carries_out(("based_on",), "Kế hoạch", "provincial_committee", "state_central")
    True
    >>> carries_out(("based_on",), "Quyết định", "provincial_committee", "state_central")
    False
    >>> carries_out(("based_on",), "Kế hoạch", "provincial_committee", "provincial_council")
    True
    >>> carries_out(("based_on",), "Kế hoạch", "provincial_committee", "provincial_department")
    False
    """
    if "implements" in relations:
        return True
    return ("based_on" in relations and document_type in IMPLEMENTING_TYPES
            and LEVEL_RANK[cited_level] < LEVEL_RANK[document_level])


def document_relations(
    text: str,
    mentions: list[Mention],
    nesting: Nesting,
    title_span: tuple[int, int] | None,
    body_start: int,
    bases: list[tuple[int, int]],
) -> list[set[Relation]]:
    """The document's typed relations to each mention (empty for plain citations and nested ones);
    `bases` are the opening's basis clauses (`basis_spans`)."""
    relations: list[set[Relation]] = [set() for _ in mentions]
    top = [i for i, p in enumerate(nesting.parent) if p is None]

    def inside(i: int, spans: list[tuple[int, int]]) -> bool:
        return any(s <= mentions[i].start < e for s, e in spans)

    implement_spans = list(opening_spans(text, title_span[1] if title_span else 0, body_start))
    if title_span and (verb := _carrying_out(text, *title_span)):
        implement_spans.append((verb.start(), title_span[1]))
    for i in top:
        if inside(i, implement_spans):
            relations[i].add("implements")
    bases = bases + basis_section_spans(text, main_text_end(text))
    for i in top:
        if inside(i, bases):
            relations[i].add("based_on")
    if title_span:
        _generic_title_targets(text, title_span, mentions, relations)
    return relations


def _carrying_out(text: str, start: int, end: int) -> re.Match[str] | None:
    """The title's "thực hiện" / "triển khai" that says the document carries something out; not the
    one of a report or a meeting's conclusions on it ("về tình hình thực hiện Nghị quyết ...")."""
    for verb in P.TITLE_IMPLEMENTS.finditer(text, start, end):
        if not P.REPORTS_ON.search(text, max(start, verb.start() - 40), verb.start()):
            return verb
    return None


def main_text_end(text: str) -> int:
    """Where the document's own text ends: at its recipients list, before signature and annexes."""
    recipients = P.RECIPIENTS.search(text)
    return recipients.start() if recipients else len(text)


def _generic_title_targets(
    text: str, title_span: tuple[int, int], mentions: list[Mention], relations: list[set[Relation]]
) -> None:
    """ "Thực hiện Nghị quyết của Quốc hội, Chính phủ, Thành ủy ..." names no number: the targets are the
    document's legal bases of that type from those issuers."""
    m = P.GENERIC_TITLE_TARGET.search(text, *title_span)
    if m is None:
        return
    kind = TYPE_WORDS.get(" ".join(m.group("type").split()).capitalize()) or TYPE_WORDS.get(
        " ".join(m.group("type").split())
    )
    wanted = {body.name for part in P.ISSUER_LIST_SPLIT.split(m.group("issuers")) if (body := body_of_phrase(part))}
    for i, mention in enumerate(mentions):
        if "based_on" not in relations[i] or mention.type != kind:
            continue
        body = _mention_body(mention)
        if body is not None and body.name in wanted:
            relations[i].add("implements")


def _mention_body(mention: Mention) -> Issuer | None:
    return body_of_phrase(mention.issuer) or body_of_number(mention.number)
