"""Resolve mentions to distinct instruments: short forms to their full mention, one citation each.

Identity follows Vietnamese practice: type, number-symbol and year (the number restarts each year),
with the issuer's province for local bodies. A short mention ("Nghị quyết số 11/NQ-CP" without a
date, "Nghị quyết 11") inherits the date and issuer of the full mention of the same instrument: the
nearest one before it, else the nearest after it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ingest.clean import squash
from ingest.issuers import body_of_number, body_of_phrase, province_in
from ingest.records import Citation, DescribedLink, DocumentInfo, Link, Mention, MentionRef, Relation
from ingest.relations import Nesting
from ingest.tables import Issuer


@dataclass(slots=True)
class _Group:
    """The mentions of one instrument, gathered before the citation is built."""

    members: list[int] = field(default_factory=list)
    year: int | None = None


def resolve(
    text: str,
    mentions: list[Mention],
    nesting: Nesting,
    relations: list[set[Relation]],
    document: DocumentInfo,
    sentence_of,
    line_of,
) -> list[Citation]:
    """Merge mentions into one citation per distinct instrument, in order of first mention."""
    group_of = _group(mentions)
    groups: dict[tuple, _Group] = {}
    for i, key in enumerate(group_of):
        if key is None:
            continue
        groups.setdefault(key, _Group()).members.append(i)
    own = _own_key(document)
    citations: dict[tuple, Citation] = {}
    for key, group in groups.items():
        if own is not None and key[:2] == own[:2] and key[2] in (own[2], None):
            continue
        citations[key] = _citation(text, [mentions[i] for i in group.members], group.members, relations,
                                   document, sentence_of, line_of)
    links: dict[tuple, list[DescribedLink]] = defaultdict(list)
    for i, holder in enumerate(nesting.parent):
        if holder is None or group_of[i] is None or group_of[holder] is None:
            continue
        source, target = group_of[holder], group_of[i]
        if source == target or source not in citations or target not in citations:
            continue
        cited = citations[target]
        link = DescribedLink(
            relation=nesting.link[i] or "cites",
            type=cited.type,
            number=cited.number,
            date=cited.date,
            title=cited.title if cited.number is None else None,
            sentence=sentence_of(mentions[i].start),
        )
        if all((x.relation, x.number, x.title) != (link.relation, link.number, link.title) for x in links[source]):
            links[source].append(link)
    out = []
    for key, citation in citations.items():
        if links.get(key):
            citation = _with_links(citation, tuple(links[key]))
        out.append(citation)
    return out


def _with_links(citation: Citation, links: tuple[DescribedLink, ...]) -> Citation:
    from dataclasses import replace

    return replace(citation, links=links)


def _group(mentions: list[Mention]) -> list[tuple | None]:
    """A group key per mention: ("n", symbol key, year) for numbered, ("t", type, title, year) for named."""
    keys: list[tuple | None] = [None] * len(mentions)
    dated: dict[str, list[tuple[int, int]]] = defaultdict(list)  # symbol key -> [(position, year)]
    for i, m in enumerate(mentions):
        if m.kind == "numbered" and m.key:
            year = m.year or (m.date.year if m.date else None)
            if year:
                dated[m.key].append((m.start, year))
    for i, m in enumerate(mentions):
        if m.kind == "numbered" and m.key:
            year = m.year or (m.date.year if m.date else None) or _nearest_year(dated.get(m.key, []), m.start)
            keys[i] = ("n", m.key, year)
        elif m.kind == "named" and m.title:
            keys[i] = ("t", m.type, m.title.casefold(), m.year)
        elif m.kind == "bare" and m.key:
            keys[i] = _bare_key(m, mentions, keys, i)
    _merge_undated_titles(keys)
    return keys


def _nearest_year(candidates: list[tuple[int, int]], pos: int) -> int | None:
    if not candidates:
        return None
    years = {y for _, y in candidates}
    if len(years) == 1:
        return years.pop()
    before = [(p, y) for p, y in candidates if p < pos]
    return max(before)[1] if before else min(candidates)[1]


def _bare_key(m: Mention, mentions: list[Mention], keys: list[tuple | None], i: int) -> tuple:
    """ "Nghị quyết 11" means the cited Nghị quyết numbered 11 nearest to it, if there is one."""
    best = None
    for j, other in enumerate(mentions):
        if other.kind != "numbered" or other.type != m.type or not other.key:
            continue
        if other.key.split("/")[0] != m.key:
            continue
        distance = abs(other.start - m.start) + (0 if other.start < m.start else 10**6)
        if best is None or distance < best[0]:
            best = (distance, j)
    if best is not None:
        j = best[1]
        return keys[j] or ("n", mentions[j].key, mentions[j].year or (mentions[j].date.year if mentions[j].date else None))
    return ("b", m.type, m.key, None)


def _merge_undated_titles(keys: list[tuple | None]) -> None:
    """A law named once with its year and once without is one law, when only one year is named."""
    years: dict[tuple, set[int]] = defaultdict(set)
    for key in keys:
        if key and key[0] == "t" and key[3] is not None:
            years[key[:3]].add(key[3])
    for i, key in enumerate(keys):
        if key and key[0] == "t" and key[3] is None and len(years.get(key[:3], ())) == 1:
            keys[i] = (*key[:3], next(iter(years[key[:3]])))


def _own_key(document: DocumentInfo) -> tuple | None:
    if not document.number:
        return None
    from ingest.find import P, parse_symbol

    m = P.SYMBOL.match(document.number)
    parsed = parse_symbol(m.group("num"), m.group("rest")) if m else None
    if parsed is None:
        return None
    return ("n", parsed.key, document.date.year if document.date else None)


def _citation(
    text: str,
    members: list[Mention],
    indices: list[int],
    relations: list[set[Relation]],
    document: DocumentInfo,
    sentence_of,
    line_of,
) -> Citation:
    typed = [m for m in members if m.type]
    kind = typed[0].type if typed else None
    number = next((m.number for m in members if m.kind == "numbered"), None) or next(
        (m.number for m in members if m.number), None
    )
    dates = [m.date for m in members if m.date]
    when: date | None = dates[0] if dates else None
    conflicts = tuple(sorted({d.isoformat() for d in dates if d != when}))
    issuer_phrase = next((m.issuer for m in members if m.issuer), None)
    body: Issuer | None = body_of_phrase(issuer_phrase) or body_of_number(number)
    issuer = issuer_phrase or (body.name if body else None)
    jurisdiction = None
    if body is not None and body.local:
        jurisdiction = province_in(issuer_phrase) or document.jurisdiction
    title = next((m.title for m in members if m.kind == "named" and m.title), None) or next(
        (m.title for m in members if m.title), None
    )
    if number is not None:
        title = next((m.subject for m in members if m.subject), None) or title
    year = next((m.year for m in members if m.year), None) or (when.year if when else None)
    rels: set[Relation] = set()
    for i in indices:
        rels |= relations[i]
    refs = tuple(
        MentionRef(start=m.start, end=m.end, text=squash(text[m.start : m.end]), sentence=sentence_of(m.start),
                   line=line_of(m.start))
        for m in members
    )
    order: tuple[Relation, ...] = tuple(r for r in ("implements", "based_on") if r in rels)  # type: ignore[misc]
    return Citation(
        type=kind,
        number=number,
        date=when,
        issuer=issuer,
        issuer_level=body.level if body else None,
        jurisdiction=jurisdiction,
        title=title,
        year=year,
        relations=order,
        mentions=refs,
        conflicts=conflicts,
    )


__all__ = ["Link", "resolve"]
