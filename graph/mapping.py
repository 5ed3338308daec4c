"""Map one extraction record to the triples of its named graph.

A source file's named graph holds what that file says: the document's own description, one
`lex:Citation` node per instrument it cites (relations, what it states about it, every mention with
sentence and offsets), one `lex:DescribedLink` node per link its sentences describe between two cited
instruments, and the document's direct edges (`eli:cites`, `eli:based_on`, `lex:implements`,
`lex:inImplementationOf`). What several files may say about the same instrument (its identity, the
description of an instrument known only from citations, described edges) is derived into the default
graph by `graph.derive`, so that every triple appears once however many files support it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import pyoxigraph as ox

from graph.identity import (
    Body,
    InstrumentId,
    body_of,
    instrument_id,
    instrument_label,
    jurisdiction_of,
    slugify,
    type_class,
)
from graph.iri import Iris
from graph.vocab import CHANGES, EDGES, ELI, LEVELS, LEX, RDF, RDFS, SKOS, TREE_EDGE, literal
from ingest.laws import catalogue
from ingest.records import Citation, Record, Subdivision
from ingest.relations import carries_out
from ingest.tables import PROVINCE_SUCCESSORS

Term = ox.NamedNode | ox.Literal
Triple = tuple[ox.NamedNode, ox.NamedNode, Term]

@dataclass(frozen=True, slots=True)
class MappedDocument:
    """The triples of one source's named graph, and what the derived layer needs from it."""

    source_id: str
    graph: ox.NamedNode
    document: ox.NamedNode
    triples: tuple[Triple, ...]
    shared: tuple[Triple, ...]
    identities: dict[ox.NamedNode, InstrumentId]


@dataclass(slots=True)
class _Graph:
    """What mapping one record accumulates: the named graph's triples, the shared descriptions of bodies
    and places, and the identity of every instrument it names."""

    iris: Iris
    source: ox.NamedNode
    triples: list[Triple] = field(default_factory=list)
    shared: dict[Triple, None] = field(default_factory=dict)
    identities: dict[ox.NamedNode, InstrumentId] = field(default_factory=dict)

    def instrument(self, ident: InstrumentId) -> ox.NamedNode:
        iri = self.iris.instrument(ident)
        self.identities[iri] = ident
        return iri


def map_record(
    record: Record,
    source_id: str,
    iris: Iris,
    extractor: str = "",
) -> MappedDocument:
    """The named graph of `record`, ingested as source `source_id`.

    Mapping reads nothing from the store, so a record maps the same whatever was ingested before it:
    a citation with no year takes the year of a dated citation of the same instrument in this record;
    across documents, the store's `reconcile` points it at the one dated instrument, once all are in.
    """
    graph = _Graph(iris, iris.source(source_id))
    d, level = _map_document(graph, record, source_id, extractor)
    ids, inferred = _citation_ids(record, source_id)
    targets = [iris.instrument(i) for i in ids]
    mention_of: dict[tuple[int, int], tuple[int, int]] = {}
    for n, citation in enumerate(record.citations):
        for m, ref in enumerate(citation.mentions):
            mention_of.setdefault((ref.start, ref.end), (n, m))
    for n in range(len(record.citations)):
        if targets[n] == d:
            continue
        graph.identities[targets[n]] = ids[n]
        _map_citation(graph, record, n, d, level, targets[n], inferred[n])
        _map_changes(graph, record, n, d, targets[n])
        _map_links(graph, record, n, d, targets, mention_of)
    return MappedDocument(source_id, graph.source, d, tuple(graph.triples), tuple(graph.shared), graph.identities)


def _map_document(graph: _Graph, record: Record, source_id: str, extractor: str) -> tuple[ox.NamedNode, str]:
    """The source file and the document it holds; returns the document's node and its issuer's level."""
    doc, source = record.document, graph.source
    doc_id = instrument_id(doc.type, doc.number, doc.date.year if doc.date else None, doc.issuer, doc.jurisdiction,
                           None, source_id)
    d = graph.instrument(doc_id)
    body = body_of(doc.issuer, doc.number, doc.jurisdiction)
    label = instrument_label(doc.type, doc.number, None) or f"{doc.type or 'Văn bản'} ({source_id})"
    graph.triples += [
        (source, RDF.type, LEX.SourceFile),
        (source, LEX.fileName, literal(source_id)),
        (source, LEX.path, literal(record.path)),
        (source, LEX.sha256, literal(record.sha256)),
        (source, LEX.describes, d),
        (d, LEX.source, source),
        (d, RDFS.label, literal(label)),
        *([(source, LEX.extractor, literal(extractor))] if extractor else []),
        *((source, LEX.warning, literal(w)) for w in record.warnings),
        *_optional(d, [
            (ELI.id_local, doc.number),
            (ELI.date_document, doc.date),
            (ELI.title, doc.title),
            (LEX.issuerName, doc.issuer),
            (LEX.signer, doc.signer),
            (LEX.placeOfIssue, doc.place),
        ]),
        *_body_links(graph, d, body, ELI.passed_by, ELI.jurisdiction),
        *_in_force(d, record),
    ]
    return d, body.level if body else doc.issuer_level or "other"


def _in_force(d: ox.NamedNode, record: Record) -> list[Triple]:
    """When the document says it enters into force, and until when."""
    effective = record.effective
    if effective is None:
        return []
    return [
        *([(d, LEX.inForceFromSigning, literal(True))] if effective.from_signing else []),
        *_optional(d, [(ELI.first_date_entry_in_force, effective.date),
                       (ELI.date_no_longer_in_force, effective.until)]),
    ]


def _takes_effect(record: Record, own: date | None) -> date | None:
    """The day a change takes effect: its clause's own date, else the document's entry into force."""
    if own is not None:
        return own
    return record.effective.date if record.effective else None


def _map_changes(graph: _Graph, record: Record, n: int, d: ox.NamedNode, x: ox.NamedNode) -> None:
    """What the document does to the instrument of citation `n`: a direct edge and a `lex:Change` node per
    relation, with the day it takes effect, whether it acts on the whole, the subdivisions it touches and
    the sentence that says it."""
    citation, source = record.citations[n], graph.source
    for k, change in enumerate(citation.changes):
        prop = CHANGES[change.relation]
        node = graph.iris.change(source, n, k)
        mention = graph.iris.change_mention(source, n, k)
        graph.triples += [
            (d, prop, x),
            (node, RDF.type, LEX.Change),
            (node, RDF.type, LEX.Edge),
            (node, LEX["from"], d),
            (node, LEX.to, x),
            (node, LEX.relation, prop),
            (node, LEX.statedIn, d),
            (node, LEX.statedType, type_class(citation.type, citation.number)),
            (node, LEX.wholly, literal(change.whole)),
            *_optional(node, [(LEX.effectiveFrom, _takes_effect(record, change.effective))]),
            *((node, LEX.touches, _subdivision(graph, x, sub)) for sub in change.articles),
            (node, LEX.hasMention, mention),
            *_mention(mention, change.quote, change.sentence, change.start, change.end, change.line, source),
        ]


def _subdivision(graph: _Graph, x: ox.NamedNode, sub: Subdivision) -> ox.NamedNode:
    """The node of subdivision `sub` of instrument `x`; each level down from the article is described in
    the shared triples, part of the one above it."""
    nodes = graph.iris.subdivision(x, sub)
    parent = x
    for node, level in zip(nodes, sub.levels(), strict=True):
        for t in ((node, RDF.type, ELI.LegalResourceSubdivision), (node, ELI.is_part_of, parent),
                  (node, LEX.subdivisionOf, x), (node, RDFS.label, literal(str(level)))):
            graph.shared[t] = None
        parent = node
    return nodes[-1]


def _citation_ids(record: Record, source_id: str) -> tuple[list[InstrumentId], list[bool]]:
    """The identity of each cited instrument; a citation with no year takes the one year the record's
    other citations of the same instrument give (and is marked as inferred)."""
    ids = [_citation_id(c, source_id) for c in record.citations]
    undated = {i.work_key for i in ids if i.year is None}
    known: dict[str, set[int]] = {}
    for i in ids:
        if i.year is not None and i.work_key in undated:
            known.setdefault(i.work_key, set()).add(i.year)
    inferred = [False] * len(ids)
    for n, i in enumerate(ids):
        years = known.get(i.work_key, set())
        if i.year is None and len(years) == 1:
            ids[n], inferred[n] = replace(i, year=next(iter(years))), True
    return ids, inferred


def _map_citation(graph: _Graph, record: Record, n: int, d: ox.NamedNode, level: str, x: ox.NamedNode,
                  inferred: bool) -> None:
    """Citation `n` of the record: the document's direct edges to `x`, and the citation node with what it
    states and every mention."""
    citation, source = record.citations[n], graph.source
    body = body_of(citation.issuer, citation.number, citation.jurisdiction)
    props = [ELI.cites, *(EDGES[r] for r in citation.relations)]
    out = graph.triples
    out += [(d, p, x) for p in props]
    cited_level = body.level if body else citation.issuer_level or "other"
    if carries_out(citation.relations, record.document.type, level, cited_level):
        out.append((d, TREE_EDGE, x))
    c = graph.iris.edge(source, n)
    out += [
        (c, RDF.type, LEX.Citation),
        (c, RDF.type, LEX.Edge),
        (c, LEX["from"], d),
        (c, LEX.to, x),
        (c, LEX.statedIn, d),
        (c, LEX.statedType, type_class(citation.type, citation.number)),
        *((c, LEX.relation, p) for p in props),
        *_optional(c, [
            (LEX.statedNumber, citation.number),
            (LEX.statedDate, citation.date),
            (LEX.statedTitle, citation.title),
            (LEX.statedIssuer, citation.issuer),
        ]),
        *((c, LEX.dateConflict, literal(v)) for v in citation.conflicts),
        *((c, LEX.subdivision, _subdivision(graph, x, sub)) for sub in citation.subdivisions),
        *([(c, LEX.yearInferred, literal(True))] if inferred else []),
        *_body_links(graph, c, body, LEX.statedBody, LEX.statedJurisdiction),
    ]
    for m, ref in enumerate(citation.mentions):
        node = graph.iris.mention(source, n, m)
        out.append((c, LEX.hasMention, node))
        out += _mention(node, ref.text, ref.sentence, ref.start, ref.end, ref.line, source)


def _mention(node: ox.NamedNode, quote: str, sentence: str, start: int, end: int, line: int,
             source: ox.NamedNode) -> list[Triple]:
    """A `lex:Mention`: the quoted words, their sentence, where they are in the source."""
    return [
        (node, RDF.type, LEX.Mention),
        (node, LEX.quote, literal(quote)),
        (node, LEX.sentence, literal(sentence)),
        (node, LEX.start, literal(start)),
        (node, LEX.end, literal(end)),
        (node, LEX.line, literal(line)),
        (node, LEX.inSource, source),
    ]


def _map_links(graph: _Graph, record: Record, n: int, d: ox.NamedNode, targets: list[ox.NamedNode],
               mention_of: dict[tuple[int, int], tuple[int, int]]) -> None:
    """The links citation `n`'s sentences describe from its instrument to another the record cites."""
    x = targets[n]
    for k, link in enumerate(record.citations[n].links):
        owner = mention_of.get((link.start, link.end))
        if owner is None or targets[owner[0]] in (x, d):
            continue
        j, m = owner
        node = graph.iris.edge(graph.source, n, k)
        graph.triples += [
            (node, RDF.type, LEX.DescribedLink),
            (node, RDF.type, LEX.Edge),
            (node, LEX["from"], x),
            (node, LEX.to, targets[j]),
            (node, LEX.relation, EDGES[link.relation]),
            (node, LEX.statedIn, d),
            (node, LEX.statedType, type_class(record.citations[j].type, record.citations[j].number)),
            (node, LEX.hasMention, graph.iris.mention(graph.source, j, m)),
        ]


def _citation_id(citation: Citation, source_id: str) -> InstrumentId:
    number, year = citation.number, citation.year
    if number is None and len(citation.catalogue) == 1:
        # A law cited by name is the node of the edition the catalogue names: "Luật Đầu tư công" and
        # "Luật số 39/2019/QH14" meet there.
        law = catalogue().by_number[citation.catalogue[0]]
        number, year = law.number, law.passed.year
    return instrument_id(
        citation.type, number, year, citation.issuer, citation.jurisdiction, citation.title,
        f"{source_id}-{citation.type}",
    )


def _optional(subject: ox.NamedNode, pairs: list[tuple[ox.NamedNode, str | date | None]]) -> list[Triple]:
    return [(subject, prop, literal(value)) for prop, value in pairs if value is not None and value != ""]


def _body_links(graph: _Graph, subject: ox.NamedNode, body: Body | None, body_prop: ox.NamedNode,
                place_prop: ox.NamedNode) -> list[Triple]:
    """Link `subject` to a body and its jurisdiction; describe both in the shared triples."""
    if body is None:
        return []
    b = graph.iris.body(body.key)
    shared = graph.shared
    for t in ((b, RDF.type, LEX.IssuingBody), (b, RDFS.label, ox.Literal(body.label, language="vi")),
              (b, LEX.level, LEVELS[body.level][0])):
        shared[t] = None
    out: list[Triple] = [(subject, body_prop, b)]
    place = jurisdiction_of(body)
    if place is not None:
        p = _describe_place(graph, place)
        if body.province:
            shared[(b, ELI.jurisdiction, p)] = None
            if body.province in PROVINCE_SUCCESSORS:
                # A former province points at the one that took it in: queries by either name find both.
                successor, on = PROVINCE_SUCCESSORS[body.province]
                shared[(p, LEX.mergedInto, _describe_place(graph, (slugify(successor), successor)))] = None
                shared[(p, LEX.mergedOn, literal(on))] = None
        out.append((subject, place_prop, p))
    return out


def _describe_place(graph: _Graph, place: tuple[str, str]) -> ox.NamedNode:
    p = graph.iris.jurisdiction(place[0])
    for t in (
        (p, RDF.type, LEX.Jurisdiction),
        (p, RDF.type, SKOS.Concept),
        (p, SKOS.prefLabel, ox.Literal(place[1], language="vi")),
        (p, SKOS.inScheme, LEX.Jurisdictions),
    ):
        graph.shared[t] = None
    return p
