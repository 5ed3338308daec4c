"""Resolve mentions to distinct instruments: short forms to their full mention, one citation each.

Identity follows Vietnamese practice: type, number-symbol and year (the number restarts each year),
with the issuer's province for local bodies. A short mention ("Nghị quyết số 11/NQ-CP" without a
date, "Nghị quyết 11") inherits the date and issuer of the full mention of the same instrument: the
nearest one before it, else the nearest after it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ingest import patterns as P
from ingest.changes import FoundChange
from ingest.clean import squash
from ingest.find import symbol_of
from ingest.issuers import body_of_number, body_of_phrase, province_in
from ingest.laws import catalogue, fold
from ingest.records import Change, ChangeKind, Citation, DescribedLink, DocumentInfo, Mention, MentionRef, Relation
from ingest.relations import Nesting
from ingest.subdivisions import Run
from ingest.tables import NUMBERED_PARTS, Issuer


@dataclass(frozen=True, slots=True)
class Numbered:
    """The group of a numbered instrument: its symbol key, year, and province when a local body issued it."""

    symbol: str
    year: int | None
    province: str | None


@dataclass(frozen=True, slots=True)
class Named:
    """The group of an instrument cited by name: its type, its name (case-folded) and year."""

    type: str | None
    title: str
    year: int | None


@dataclass(frozen=True, slots=True)
class Bare:
    """The group of a short form ("Nghị quyết 11") that joins no numbered mention."""

    type: str | None
    number: str


Group = Numbered | Named | Bare


def resolve(
    text: str,
    mentions: list[Mention],
    nesting: Nesting,
    relations: list[set[Relation]],
    document: DocumentInfo,
    sentence_of: Callable[[int], str],
    line_of: Callable[[int], int],
    runs: list[Run] = (),  # type: ignore[assignment]
    changes: list[FoundChange] = (),  # type: ignore[assignment]
) -> list[Citation]:
    """Merge mentions into one citation per distinct instrument, in order of first mention; each carries
    the subdivisions cited of it (`runs`) and what the document does to it (`changes`)."""
    group_of = _group(mentions, document.jurisdiction)
    groups: dict[Group, list[int]] = defaultdict(list)
    for i, key in enumerate(group_of):
        if key is not None:
            groups[key].append(i)
    own = _own_key(document)
    runs_of: dict[int, list[Run]] = defaultdict(list)
    for run in runs:
        if run.target is not None:
            runs_of[run.target].append(run)
    changes_of: dict[int, list[FoundChange]] = defaultdict(list)
    for change in changes:
        changes_of[change.mention].append(change)
    citations: dict[Group, Citation] = {}
    for key, members in groups.items():
        if _is_self(key, own, document) or _frames_document(text, [mentions[i] for i in members], document):
            continue
        province = key.province if isinstance(key, Numbered) else None
        citation = _citation(text, [mentions[i] for i in members], members, relations,
                             document, province, sentence_of, line_of)
        citations[key] = _with_changes(text, citation, [r for i in members for r in runs_of.get(i, ())],
                                       [c for i in members for c in changes_of.get(i, ())], sentence_of, line_of)
    links: dict[Group, list[DescribedLink]] = defaultdict(list)
    described = [(i, holder) for i, holder in enumerate(nesting.parent) if holder is not None]
    # "Kế hoạch A và Kế hoạch B thực hiện Nghị quyết C": C is described of A as well as of B.
    described += [(i, j) for i, holder in described if not nesting.passive[i]
                  for j in nesting.shared_with(holder, mentions)]
    for i, holder in described:
        if group_of[i] is None or group_of[holder] is None:
            continue
        source, target = group_of[holder], group_of[i]
        # The target's own mention locates the link: the nested one, or the holder when passive.
        at = mentions[i]
        if nesting.passive[i]:
            source, target, at = target, source, mentions[holder]
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
            start=at.start,
            end=at.end,
            line=line_of(at.start),
        )
        if all((x.relation, x.number, x.title) != (link.relation, link.number, link.title) for x in links[source]):
            links[source].append(link)
    out = []
    for key, citation in citations.items():
        if links.get(key):
            citation = replace(citation, links=tuple(links[key]))
        out.append(citation)
    return out


def _with_changes(text: str, citation: Citation, runs: list[Run], mine: list[FoundChange],
                  sentence_of: Callable[[int], str], line_of: Callable[[int], int]) -> Citation:
    """The citation with the subdivisions its mentions' `runs` name (each once, in order of the text) and one
    change per relation of the changes found on its mentions."""
    runs = sorted(runs, key=lambda r: r.start)
    mine = sorted(mine, key=lambda c: c.at)
    items = [item for r in runs for item in r.items]
    items += [item for c in mine for item in c.articles]
    by_relation: dict[ChangeKind, list[FoundChange]] = defaultdict(list)
    for c in mine:
        by_relation[c.relation].append(c)
    changes = tuple(
        Change(relation=relation,
               articles=tuple(dict.fromkeys(a for c in group for a in c.articles)),
               effective=next((c.effective for c in group if c.effective), None),
               whole=any(c.whole for c in group),
               sentence=sentence_of(group[0].at), line=line_of(group[0].at), start=group[0].at,
               end=group[0].end, quote=squash(text[group[0].at : group[0].end]))
        for relation, group in by_relation.items()
    )
    if not items and not changes:
        return citation
    return replace(citation, subdivisions=tuple(dict.fromkeys(items)), changes=changes)


def _group(mentions: list[Mention], home: str | None) -> list[Group | None]:
    """The group of each mention (None: not a citation); mentions of one instrument share one."""
    keys: list[Group | None] = [None] * len(mentions)
    dated: dict[str, list[tuple[int, int]]] = defaultdict(list)  # symbol key -> [(position, year)]
    for m in mentions:
        if m.kind == "numbered" and m.key and (year := m.year or (m.date.year if m.date else None)):
            dated[m.key].append((m.start, year))
    last_province: dict[tuple[str, int | None], str | None] = {}
    for i, m in enumerate(mentions):
        if m.kind == "numbered" and m.key:
            year = m.year or (m.date.year if m.date else None) or _nearest_year(dated.get(m.key, []), m.start)
            province = _province(m, home, last_province.get((m.key, year)))
            keys[i] = Numbered(m.key, year, province)
            last_province[(m.key, year)] = province
        elif m.kind == "named" and m.title:
            keys[i] = Named(m.type, m.title.casefold(), m.year)
        elif m.kind == "bare" and m.key:
            keys[i] = _bare_key(m, mentions, keys)
    _merge_undated_titles(keys)
    _merge_named_into_numbered(mentions, keys)
    return keys


def _merge_named_into_numbered(mentions: list[Mention], keys: list[Group | None]) -> None:
    """ "Luật Đầu tư công số 39/2019/QH14 ..." and later "Luật Đầu tư công" are one law: a name joins the
    numbered mention that carries the same name, or the number the catalogue gives for it."""
    numbered_by_title: dict[tuple[str | None, str], Numbered] = {}
    numbered_by_symbol: dict[str, Numbered] = {}
    for m, key in zip(mentions, keys, strict=True):
        if isinstance(key, Numbered):
            numbered_by_symbol.setdefault(key.symbol, key)
            if m.title:
                numbered_by_title.setdefault((m.type, fold(m.title)), key)
    if not numbered_by_symbol:
        return
    for i, (m, key) in enumerate(zip(mentions, keys, strict=True)):
        if not isinstance(key, Named) or not m.title:
            continue
        same = numbered_by_title.get((m.type, fold(m.title)))
        if same is not None and key.year in (None, same.year):
            keys[i] = same
            continue
        editions = catalogue().editions(m.title, m.date, key.year, None)
        symbol = symbol_of(editions[0].number) if len(editions) == 1 else None
        if symbol is not None and symbol.key in numbered_by_symbol:
            keys[i] = numbered_by_symbol[symbol.key]


def _province(m: Mention, home: str | None, previous: str | None) -> str | None:
    """The province of a local issuer: named in the mention, else the previous full mention's (for a
    short form), else the citing document's own."""
    body = body_of_phrase(m.issuer) or body_of_number(m.number)
    if body is None or not body.local:
        return None
    if named := province_in(m.issuer):
        return named
    short = m.date is None and m.issuer is None
    return previous if short and previous else home


def _nearest_year(candidates: list[tuple[int, int]], pos: int) -> int | None:
    if not candidates:
        return None
    years = {y for _, y in candidates}
    if len(years) == 1:
        return years.pop()
    before = [(p, y) for p, y in candidates if p < pos]
    return max(before)[1] if before else min(candidates)[1]


def _bare_key(m: Mention, mentions: list[Mention], keys: list[Group | None]) -> Group | None:
    """ "Nghị quyết 11" means the cited Nghị quyết numbered 11 nearest to it, if there is one; "Dự án 1"
    with no such instrument is a numbered part of a programme, not a citation."""
    best = None
    for j, other in enumerate(mentions):
        if other.start > m.start or other.kind != "numbered" or other.type != m.type:
            continue
        symbol = symbol_of(other.number)
        if symbol is None or (symbol.lead.lstrip("0") or "0") != m.key:
            continue
        if best is None or other.start > best[0]:
            best = (other.start, j)
    if best is not None and keys[best[1]] is not None:
        return keys[best[1]]
    if m.type in NUMBERED_PARTS:
        return None
    return Bare(m.type, m.key)


def _merge_undated_titles(keys: list[Group | None]) -> None:
    """A law named once with its year and once without is one law, when only one year is named."""
    years: dict[Named, set[int]] = defaultdict(set)
    for key in keys:
        if isinstance(key, Named) and key.year is not None:
            years[replace(key, year=None)].add(key.year)
    for i, key in enumerate(keys):
        if isinstance(key, Named) and key.year is None and len(years.get(key, ())) == 1:
            keys[i] = replace(key, year=next(iter(years[key])))


def _own_key(document: DocumentInfo) -> Numbered | None:
    """The group key the document itself would have, so that it never cites itself."""
    parsed = symbol_of(document.number)
    if parsed is None:
        return None
    year = document.date.year if document.date else parsed.year
    return Numbered(parsed.key, year, document.jurisdiction)


def _is_self(key: Group, own: Numbered | None, document: DocumentInfo) -> bool:
    if isinstance(key, Named):
        # A law names itself in its own text ("Quốc hội ban hành Luật Doanh nghiệp").
        own_name = f"{document.type} {' '.join((document.title or '').split())}".casefold()
        return bool(document.title) and key.type == document.type and key.title == own_name
    if own is None or not isinstance(key, Numbered) or key.symbol != own.symbol:
        return False
    # Without its own year the document is still the instrument its number names.
    return (own.year is None or key.year in (own.year, None)) and key.province in (own.province, None)


def _frames_document(text: str, members: list[Mention], document: DocumentInfo) -> bool:
    """An annex's "(Ban hành kèm theo Quyết định số ...)" names the document the annex belongs to: this
    one (its number sometimes garbled there), or, in a copy of the annex alone, its parent. A form taken
    from an instrument of another type ("Mẫu số 08 (Ban hành kèm theo Thông tư số ...)") stays a citation."""
    if document.type is not None and any(m.type != document.type for m in members):
        return False
    return all(P.ANNEX_FRAME.search(text, max(0, m.start - _FRAME_REACH), m.start) for m in members)


_FRAME_REACH = 40


def _citation(
    text: str,
    members: list[Mention],
    indices: list[int],
    relations: list[set[Relation]],
    document: DocumentInfo,
    province: str | None,
    sentence_of: Callable[[int], str],
    line_of: Callable[[int], int],
) -> Citation:
    typed = [m for m in members if m.type]
    kind = typed[0].type if typed else None
    number = next((m.number for m in members if m.kind == "numbered"), None) or next(
        (m.number for m in members if m.number), None
    )
    dates = [m.date for m in members if m.date]
    when: date | None = dates[0] if dates else None
    conflicts = tuple(sorted({d.isoformat() for d in dates if d != when}))
    phrases = [m.issuer for m in members if m.issuer]
    # Titles shout in capitals; prefer the issuer as a body-text mention writes it.
    issuer_phrase = next((p for p in phrases if not p.isupper()), phrases[0] if phrases else None)
    body: Issuer | None = body_of_phrase(issuer_phrase) or body_of_number(number)
    issuer = issuer_phrase if issuer_phrase and not issuer_phrase.isupper() else (body.name if body else None)
    jurisdiction = None
    if body is not None and body.local:
        jurisdiction = province if province is not None else province_in(issuer_phrase) or document.jurisdiction
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
    editions = catalogue().editions(title, when, year, document.date) if number is None and title else ()
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
        catalogue=tuple(law.number for law in editions),
    )

