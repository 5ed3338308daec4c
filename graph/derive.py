"""The default graph: what all source files together say about each instrument, once.

Each source's named graph states facts about the instruments it cites; several sources may state the
same fact, or disagree. For every instrument this module derives, from all of them, the triples the
default graph holds: its identity (class, work key, year), for an instrument known only from citations
the description most citations agree on, how many documents cite it, and the edges between cited
instruments that documents describe. An instrument whose full text is in the corpus keeps the
description its own text gives (in its own named graph) and is not described again here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from graph.identity import instrument_label, type_name_of
from graph.mapping import Triple
from graph.vocab import ELI, LEX


@dataclass(frozen=True, slots=True)
class Identity:
    """An instrument's identity as the default graph records it."""

    cls: URIRef
    work_key: str
    symbol_key: str
    year: int | None


@dataclass(frozen=True, slots=True)
class Stated:
    """What one citation states about the instrument it cites."""

    document: URIRef
    number: str | None = None
    date: date | None = None
    title: str | None = None
    issuer: str | None = None
    body: URIRef | None = None
    place: URIRef | None = None


@dataclass(slots=True)
class Evidence:
    """Everything the named graphs say about a set of instruments, gathered for `derive`."""

    identities: dict[URIRef, Identity] = field(default_factory=dict)
    stated: dict[URIRef, list[Stated]] = field(default_factory=dict)
    has_text: set[URIRef] = field(default_factory=set)
    described: dict[URIRef, set[tuple[URIRef, URIRef]]] = field(default_factory=dict)
    own_edges: dict[URIRef, set[tuple[URIRef, URIRef]]] = field(default_factory=dict)


# The properties of direct edges between instruments.
EDGE_PROPERTIES = frozenset({
    ELI.cites, ELI.based_on, ELI.amends, ELI.repeals, ELI.corrects,
    LEX.implements, LEX.guides, LEX.replaces, LEX.inImplementationOf,
})


# What `gather` reads of an edge node; the rest of a named graph (mentions, offsets) does not change the
# default graph.
EDGE_NODE_PROPERTIES = frozenset({
    RDF.type, LEX.to, LEX["from"], LEX.relation, LEX.statedIn, LEX.statedNumber, LEX.statedDate,
    LEX.statedTitle, LEX.statedIssuer, LEX.statedBody, LEX.statedJurisdiction,
})
_TO, _FROM, _DESCRIBES = LEX.to, LEX["from"], LEX.describes


def gather(triples: Iterable[tuple], evidence: Evidence) -> None:
    """Add to `evidence` what a set of named-graph triples says (edge nodes, direct edges, full texts).
    A literal may come as an rdflib Literal or as its Python value."""
    nodes: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if p in EDGE_PROPERTIES:
            evidence.own_edges.setdefault(s, set()).add((p, o))
        elif p == _DESCRIBES:
            evidence.has_text.add(o)
        elif p in EDGE_NODE_PROPERTIES:
            nodes[s][p].append(o)
    for props in nodes.values():
        kinds = props.get(RDF.type, [])
        if not props.get(_TO) or not props.get(_FROM):
            continue
        target, origin = props[_TO][0], props[_FROM][0]
        if LEX.Citation in kinds:
            evidence.stated.setdefault(target, []).append(Stated(
                document=props[LEX.statedIn][0],
                number=_first(props, LEX.statedNumber),
                date=_first(props, LEX.statedDate),
                title=_first(props, LEX.statedTitle),
                issuer=_first(props, LEX.statedIssuer),
                body=_first(props, LEX.statedBody, literal=False),
                place=_first(props, LEX.statedJurisdiction, literal=False),
            ))
        elif LEX.DescribedLink in kinds:
            for rel in props.get(LEX.relation, []):
                evidence.described.setdefault(origin, set()).add((rel, target))


def _first(props: dict, prop: URIRef, literal: bool = True):
    values = props.get(prop)
    if not values:
        return None
    value = values[0]
    return value.toPython() if literal and isinstance(value, Literal) else value


def derive(subject: URIRef, evidence: Evidence) -> list[Triple]:
    """The default-graph triples of one instrument; none when no source mentions it any more."""
    stated = evidence.stated.get(subject, [])
    in_corpus = subject in evidence.has_text
    identity = evidence.identities.get(subject)
    if identity is None or not (stated or in_corpus):
        return []
    out: list[Triple] = [
        (subject, RDF.type, identity.cls),
        (subject, RDF.type, LEX.Instrument),
        (subject, LEX.workKey, Literal(identity.work_key)),
        (subject, LEX.symbolKey, Literal(identity.symbol_key)),
    ]
    if identity.year is not None:
        out.append((subject, LEX.year, Literal(identity.year)))
    citing = {s.document for s in stated}
    if citing:
        out.append((subject, LEX.citedByCount, Literal(len(citing))))
    if not in_corpus:
        out += _description(subject, identity, stated)
    own = evidence.own_edges.get(subject, set())
    for prop, target in sorted(evidence.described.get(subject, set()) - own):
        if target == subject:
            continue
        out.append((subject, prop, target))
        if prop == LEX.implements and (LEX.inImplementationOf, target) not in own:
            out.append((subject, LEX.inImplementationOf, target))
    return out


def _description(subject: URIRef, identity: Identity, stated: list[Stated]) -> list[Triple]:
    """The description most citations agree on; ties go to the earliest date, the longest title."""
    # A full citation (with its date) spells the number-symbol more reliably than a short one.
    dated = {s.number for s in stated if s.date is not None}
    number = _most_common([s.number for s in stated], tie=lambda n: n in dated)
    title = _most_common([s.title for s in stated], tie=len)
    when = _most_common([s.date for s in stated], tie=lambda d: -d.toordinal())
    if when is not None and identity.year is not None and when.year != identity.year:
        # A date outside the year the number-symbol states is a misprint in the citing text.
        when = _most_common([s.date for s in stated if s.date and s.date.year == identity.year],
                            tie=lambda d: -d.toordinal())
    out: list[Triple] = [
        (subject, RDFS.label, Literal(instrument_label(type_name_of(identity.cls), number, title) or identity.work_key))
    ]
    if number:
        out.append((subject, ELI.id_local, Literal(number)))
    if when is not None:
        out.append((subject, ELI.date_document, Literal(when, datatype=XSD.date)))
    if title:
        out.append((subject, ELI.title, Literal(title)))
    if issuer := _most_common([s.issuer for s in stated], tie=len):
        out.append((subject, LEX.issuerName, Literal(issuer)))
    if body := _most_common([s.body for s in stated]):
        out.append((subject, ELI.passed_by, body))
    if place := _most_common([s.place for s in stated]):
        out.append((subject, ELI.jurisdiction, place))
    return out


def _most_common(values: list, tie=None):
    """The value stated most often (None values ignored); `tie` ranks equally frequent ones."""
    counts = Counter(v for v in values if v is not None and v != "")
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], tie(v) if tie else 0, str(v)))
