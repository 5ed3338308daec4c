"""Free text against the graph: resolve one citation to its instrument, check every citation of a draft.

A drafter's common error is a wrong date on a real number. `check_text` extracts each citation of a
text and compares what it states (date, issuer, type) with what the graph holds for that instrument,
and flags a number cited with two different dates in the same text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from rdflib import Literal as RdfLiteral
from rdflib import URIRef

from graph.identity import body_of, instrument_id
from graph.queries import CORPUS_CAVEAT, Instrument, Status, describe, lookup, status
from graph.search import fold
from graph.store import GraphStore
from ingest import extract_text
from ingest.records import Citation

Verdict = Literal["known", "unknown", "inconsistent", "ambiguous", "superseded"]


@dataclass(frozen=True, slots=True)
class Stated:
    """What a citation's text says about the instrument."""

    type: str | None
    number: str | None
    date: date | None
    year: int | None
    issuer: str | None
    jurisdiction: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Resolution:
    """A free-text citation resolved: the IRI it names (minted when the graph does not know it yet)."""

    text: str
    stated: Stated | None
    iri: URIRef | None
    known: bool
    candidates: tuple[Instrument, ...]


@dataclass(frozen=True, slots=True)
class CheckedCitation:
    """One citation of a checked text, its verdict, and why.

    known: the graph holds the instrument and agrees with what the text states. inconsistent: the text
    states a date, issuer or type that differs from the graph's, or gives one number two dates.
    ambiguous: no date, and the graph knows several instruments by that number. unknown: not in the
    graph (`suggestions` lists instruments with the same number in other years). superseded: a corpus document
    replaced or repealed it before the text's date (or today), or repealed the article the text cites;
    `replaced_by` names what did.
    """

    stated: Stated
    quote: str
    line: int
    start: int
    end: int
    verdict: Verdict
    instrument: Instrument | None
    problems: tuple[str, ...]
    suggestions: tuple[Instrument, ...]
    replaced_by: tuple[Instrument, ...] = ()


def resolve_citation(store: GraphStore, text: str, year: int | None = None) -> Resolution:
    """The instrument `text` names ("Nghị quyết số 11/NQ-CP ngày 30/01/2022", "11/NQ-CP", "Luật Đầu tư").

    Known: the graph holds it (`candidates` has one entry, or several when the text fits several
    instruments: add the year). Unknown: `iri` is the IRI the graph would give it.
    """
    text = " ".join(text.split())
    citations = extract_text(text).citations if text else ()
    stated = _stated(citations[0]) if citations else None
    found = lookup(store, text, year) if text else []
    described = describe(store, found)
    candidates = tuple(described[f] for f in found if f in described)
    if len(candidates) == 1:
        iri: URIRef | None = candidates[0].iri
    elif not candidates and stated is not None:
        c = citations[0]
        ident = instrument_id(c.type, c.number, year or c.year, c.issuer, c.jurisdiction, c.title, "")
        iri = URIRef(store.iris.instrument(ident).value)
    else:
        iri = None
    return Resolution(text, stated, iri, bool(candidates), candidates)


def check_text(store: GraphStore, text: str) -> list[CheckedCitation]:
    """Every citation `text` makes, in order, with its verdict against the graph, as of the text's own date
    (today when it states none)."""
    record = extract_text(text)
    citations = record.citations
    on = record.document.date or date.today()
    keys = {id(c): _key(c) for c in citations}
    by_key = _instruments_by_key(store, {k for stated, others in keys.values() for k in (stated, *others)})
    # Numbers whose symbol carries no year are reused every year: two dates for one in a text is a slip.
    dates_of: dict[tuple[str | None, str | None], set[date]] = defaultdict(set)
    for c in citations:
        if c.number and c.date:
            dates_of[(c.type, c.number)].update({c.date, *(date.fromisoformat(d) for d in c.conflicts)})
    out = []
    for c in citations:
        stated_key, other_keys = keys[id(c)]
        same = by_key.get(stated_key, [])
        exact = [i for i in same if c.year is None or i.year == c.year] or [i for i in same if i.year is None]
        problems: list[str] = []
        suggestions = tuple(i for i in same if i not in exact)
        instrument = exact[0] if len(exact) == 1 else None
        if instrument is None and c.date:
            # The same day and month in another year: the year is the slip, not another instrument.
            instrument = next((i for i in suggestions if i.date and (i.date.day, i.date.month) ==
                               (c.date.day, c.date.month)), None)
        if instrument is not None:
            problems.extend(_disagreements(c, instrument))
        retyped = [i for k in other_keys for i in by_key.get(k, []) if c.year is None or i.year in (c.year, None)]
        if not same and retyped:
            instrument = retyped[0]
            problems.append(f"cited as {c.type}, but the graph knows {c.number} as {instrument.label}")
            problems.extend(_disagreements(c, instrument))
        several = sorted(dates_of.get((c.type, c.number), set()))
        if len(several) > 1:
            problems.append(f"{c.number} is cited with {len(several)} dates in this text: "
                            f"{', '.join(_dmy(d) for d in several)}")
        superseded: list[str] = []
        replaced_by: tuple[Instrument, ...] = ()
        if instrument is not None:
            force = status(store, instrument.iri, on)
            superseded, replaced_by = _superseded(force, c), tuple(e.document for e in force.ended_by())
        if problems:
            verdict: Verdict = "inconsistent"
            problems.extend(superseded)
        elif superseded:
            verdict, problems = "superseded", superseded
        elif len(exact) > 1:
            verdict, suggestions = "ambiguous", tuple(exact)
        else:
            verdict = "known" if instrument is not None else "unknown"
        first = c.mentions[0]
        out.append(CheckedCitation(_stated(c), first.text, first.line, first.start, first.end, verdict, instrument,
                                   tuple(problems), suggestions, replaced_by))
    return out



def _superseded(force: Status, c: Citation) -> list[str]:
    """Why citing the instrument of `force` as `c` does is out of date: it is no longer in force, or an
    article the citation names was repealed."""
    label = force.instrument.label
    problems = []
    if not force.in_force and force.until is not None:
        problems.append(f"{label} is no longer in force since {_dmy(force.until + timedelta(days=1))}: "
                        f"{force.reason}")
    elif not force.in_force and force.since is None:
        problems.append(f"{label}: {force.reason}")
    for change in force.by("repeals"):
        if change.whole or (change.effective and change.effective > force.on):
            continue
        for sub in c.subdivisions:
            # Citing "khoản 2 Điều 5" of a text whose Điều 5 was repealed cites repealed text.
            if any(str(level) in change.articles for level in sub.levels()):
                when = f" from {_dmy(change.effective)}" if change.effective else ""
                problems.append(f"{sub} of {label} was repealed by {change.document.label}{when}, {CORPUS_CAVEAT}")
    return problems


def _key(c: Citation) -> tuple[str, list[str]]:
    """The symbol key of the instrument as cited, and the keys of the same number under every other type."""
    ident = instrument_id(c.type, c.number, c.year, c.issuer, c.jurisdiction, c.title, "")
    if not c.number:
        return ident.symbol_key, []
    return ident.symbol_key, [i.symbol_key for i in ident.under_every_type() if i.type_code != ident.type_code]


def _instruments_by_key(store: GraphStore, keys: set[str]) -> dict[str, list[Instrument]]:
    if not keys:
        return {}
    values = " ".join(RdfLiteral(k).n3() for k in sorted(keys))
    rows = store.select(f"SELECT ?x ?k WHERE {{ VALUES ?k {{ {values} }} ?x lex:symbolKey ?k }} ORDER BY ?x")
    described = describe(store, [r["x"] for r in rows])
    out: dict[str, list[Instrument]] = defaultdict(list)
    for r in rows:
        if r["x"] in described:
            out[str(r["k"])].append(described[r["x"]])
    return out


def _disagreements(c: Citation, known: Instrument) -> list[str]:
    """How what citation `c` states differs from what the graph holds for `known`."""
    problems = []
    if c.date and known.date and c.date != known.date:
        problems.append(f"dated {_dmy(c.date)} here, but the graph has {known.label} of {_dmy(known.date)}")
    body = body_of(c.issuer, None, c.jurisdiction) if c.issuer else None
    if body is not None and known.issuer and fold(body.label) != fold(known.issuer):
        problems.append(f"issued by {c.issuer} here, but the graph has {known.label} issued by {known.issuer}")
    return problems


def _stated(c: Citation) -> Stated:
    return Stated(c.type, c.number, c.date, c.year, c.issuer, c.jurisdiction, c.title)


def _dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")
