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
from datetime import date, timedelta

import pyoxigraph as ox

from graph.identity import Recorded, instrument_label, type_name_of
from graph.mapping import Triple
from graph.vocab import (
    EDGE_NODE_PROPERTIES,
    EDGE_PROPERTIES,
    ELI,
    ENDS_FORCE,
    LEX,
    RDF,
    RDFS,
    TREE_EDGE,
    literal,
    value_of,
)


@dataclass(frozen=True, slots=True)
class Stated:
    """What one citation states about the instrument it cites."""

    document: ox.NamedNode
    number: str | None = None
    date: date | None = None
    title: str | None = None
    issuer: str | None = None
    body: ox.NamedNode | None = None
    place: ox.NamedNode | None = None


@dataclass(frozen=True, slots=True)
class Changed:
    """A change a corpus document states it makes to an instrument, and the day it takes effect."""

    document: ox.NamedNode
    relation: ox.NamedNode
    effective: date | None
    whole: bool


@dataclass(slots=True)
class Evidence:
    """Everything the named graphs say about a set of instruments, gathered for `derive`."""

    identities: dict[ox.NamedNode, Recorded] = field(default_factory=dict)
    stated: dict[ox.NamedNode, list[Stated]] = field(default_factory=dict)
    has_text: set[ox.NamedNode] = field(default_factory=set)
    described: dict[ox.NamedNode, set[tuple[ox.NamedNode, ox.NamedNode]]] = field(default_factory=dict)
    own_edges: dict[ox.NamedNode, set[tuple[ox.NamedNode, ox.NamedNode]]] = field(default_factory=dict)
    changes: dict[ox.NamedNode, list[Changed]] = field(default_factory=dict)


_TO, _FROM, _DESCRIBES = LEX.to, LEX["from"], LEX.describes


def gather(triples: Iterable[tuple], evidence: Evidence) -> None:
    """Add to `evidence` what a set of named-graph triples says (edge nodes, direct edges, full texts)."""
    nodes: dict[ox.NamedNode, dict[ox.NamedNode, list]] = defaultdict(lambda: defaultdict(list))
    # Query results give a new object for every occurrence of a term: the same few thousand IRIs recur in
    # hundreds of thousands of triples, so each is kept once, and literals as the Python values derive reads.
    seen: dict[ox.NamedNode, ox.NamedNode] = {}
    for s, p, o in triples:
        if p in EDGE_PROPERTIES:
            evidence.own_edges.setdefault(s, set()).add((p, seen.setdefault(o, o)))
        elif p == _DESCRIBES:
            evidence.has_text.add(o)
        elif p in EDGE_NODE_PROPERTIES:
            nodes[s][p].append(value_of(o) if type(o) is ox.Literal else seen.setdefault(o, o))
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
                body=_first(props, LEX.statedBody),
                place=_first(props, LEX.statedJurisdiction),
            ))
        elif LEX.Change in kinds:
            evidence.changes.setdefault(target, []).append(Changed(
                document=props[LEX.statedIn][0], relation=props[LEX.relation][0],
                effective=_first(props, LEX.effectiveFrom), whole=bool(_first(props, LEX.wholly)),
            ))
        elif LEX.DescribedLink in kinds:
            for rel in props.get(LEX.relation, []):
                evidence.described.setdefault(origin, set()).add((rel, target))


def _first(props: dict, prop: ox.NamedNode):
    values = props.get(prop)
    return values[0] if values else None


def derive(subject: ox.NamedNode, evidence: Evidence) -> list[Triple]:
    """The default-graph triples of one instrument; none when no source mentions it any more."""
    stated = evidence.stated.get(subject, [])
    in_corpus = subject in evidence.has_text
    identity = evidence.identities.get(subject)
    if identity is None or not (stated or in_corpus):
        return []
    out: list[Triple] = [
        (subject, RDF.type, identity.cls),
        (subject, RDF.type, LEX.Instrument),
        (subject, LEX.workKey, literal(identity.work_key)),
        (subject, LEX.symbolKey, literal(identity.symbol_key)),
    ]
    if identity.year is not None:
        out.append((subject, LEX.year, literal(identity.year)))
    citing = {s.document for s in stated}
    if citing:
        out.append((subject, LEX.citedByCount, literal(len(citing))))
    if not in_corpus:
        out += _description(subject, identity, stated)
    out += _status(subject, evidence.changes.get(subject, []))
    own = evidence.own_edges.get(subject, set())
    for prop, target in sorted(evidence.described.get(subject, set()) - own):
        if target == subject:
            continue
        out.append((subject, prop, target))
        if prop == LEX.implements and (TREE_EDGE, target) not in own:
            out.append((subject, TREE_EDGE, target))
    return out


def _status(subject: ox.NamedNode, changes: list[Changed]) -> list[Triple]:
    """What the corpus says of the instrument's force: not in force once a document that replaces or repeals
    it as a whole takes effect (its last day in force is the day before), amended or partly repealed by
    others. An instrument no corpus document changes gets no status: the corpus knows nothing against it."""
    out: list[Triple] = []
    ending = [c for c in changes if c.relation in ENDS_FORCE and c.whole]
    if ending:
        out.append((subject, ELI.in_force, ELI["InForce-notInForce"]))
        dates = [c.effective for c in ending if c.effective is not None]
        if dates:
            out.append((subject, ELI.date_no_longer_in_force, literal(min(dates) - timedelta(days=1))))
    for c in sorted(set(changes), key=lambda c: (str(c.document), str(c.relation))):
        if c in ending:
            out.append((subject, LEX.replacedBy if c.relation == LEX.replaces else ELI.repealed_by, c.document))
        elif c.relation in ENDS_FORCE:
            out.append((subject, LEX.partiallyRepealedBy, c.document))
        else:
            out.append((subject, ELI.amended_by, c.document))
    return list(dict.fromkeys(out))


def _description(subject: ox.NamedNode, identity: Recorded, stated: list[Stated]) -> list[Triple]:
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
        (subject, RDFS.label, literal(instrument_label(type_name_of(identity.cls), number, title) or identity.work_key))
    ]
    if number:
        out.append((subject, ELI.id_local, literal(number)))
    if when is not None:
        out.append((subject, ELI.date_document, literal(when)))
    if title:
        out.append((subject, ELI.title, literal(title)))
    if issuer := _most_common([s.issuer for s in stated], tie=len):
        out.append((subject, LEX.issuerName, literal(issuer)))
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
