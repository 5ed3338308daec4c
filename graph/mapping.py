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

from dataclasses import dataclass, replace
from datetime import date

from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.term import Node

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
from graph.vocab import ELI, LEVELS, LEX, LINK_PROPERTIES, RELATION_PROPERTIES
from ingest.laws import catalogue
from ingest.records import Citation, Record
from ingest.tables import PROVINCE_SUCCESSORS

Triple = tuple[Node, Node, Node]

# Plans, programmes and directives carry out what their legal basis lays down when it comes from a
# higher authority: such a basis puts them in its implementation tree.
IMPLEMENTING_TYPES = frozenset({"Kế hoạch", "Chương trình", "Chỉ thị"})


@dataclass(frozen=True, slots=True)
class MappedDocument:
    """The triples of one source's named graph, and what the derived layer needs from it."""

    source_id: str
    graph: URIRef
    document: URIRef
    triples: tuple[Triple, ...]
    shared: tuple[Triple, ...]
    identities: dict[URIRef, InstrumentId]


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
    out: list[Triple] = []
    shared: dict[Triple, None] = {}
    identities: dict[URIRef, InstrumentId] = {}
    source = iris.source(source_id)
    doc = record.document

    doc_year = doc.date.year if doc.date else None
    doc_id = instrument_id(doc.type, doc.number, doc_year, doc.issuer, doc.jurisdiction, None, source_id)
    d = iris.instrument(doc_id.issuer, doc_id.year, doc_id.type_code, doc_id.number)
    identities[d] = doc_id
    doc_body = body_of(doc.issuer, doc.number, doc.jurisdiction)
    doc_rank = LEVELS[doc_body.level][1] if doc_body else LEVELS[doc.issuer_level or "other"][1]

    out += [
        (source, RDF.type, LEX.SourceFile),
        (source, LEX.fileName, Literal(source_id)),
        (source, LEX.path, Literal(record.path)),
        (source, LEX.sha256, Literal(record.sha256)),
        (source, LEX.describes, d),
        (d, LEX.source, source),
        (d, RDFS.label, Literal(
            instrument_label(doc.type, doc.number, None) or f"{doc.type or 'Văn bản'} ({source_id})"
        )),
    ]
    if extractor:
        out.append((source, LEX.extractor, Literal(extractor)))
    out += [(source, LEX.warning, Literal(w)) for w in record.warnings]
    out += _optional(d, [
        (ELI.id_local, doc.number),
        (ELI.date_document, doc.date),
        (ELI.title, doc.title),
        (LEX.issuerName, doc.issuer),
        (LEX.signer, doc.signer),
        (LEX.placeOfIssue, doc.place),
    ])
    out += _body_links(d, doc_body, iris, shared, ELI.passed_by, ELI.jurisdiction)

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
    targets = [iris.instrument(i.issuer, i.year, i.type_code, i.number) for i in ids]

    span_owner: dict[tuple[int, int], tuple[int, int]] = {}
    for n, citation in enumerate(record.citations):
        for m, ref in enumerate(citation.mentions):
            span_owner.setdefault((ref.start, ref.end), (n, m))

    for n, citation in enumerate(record.citations):
        x = targets[n]
        if x == d:
            continue
        identities[x] = ids[n]
        body = body_of(citation.issuer, citation.number, citation.jurisdiction)
        props = [ELI.cites, *(RELATION_PROPERTIES[r] for r in citation.relations)]
        out += [(d, p, x) for p in props]
        rank = LEVELS[body.level][1] if body else LEVELS[citation.issuer_level or "other"][1]
        if "implements" in citation.relations or (
            "based_on" in citation.relations and doc.type in IMPLEMENTING_TYPES and rank < doc_rank
        ):
            out.append((d, LEX.inImplementationOf, x))
        c = iris.edge(source, n)
        out += [
            (c, RDF.type, LEX.Citation),
            (c, RDF.type, LEX.Edge),
            (c, LEX["from"], d),
            (c, LEX.to, x),
            (c, LEX.statedIn, d),
            (c, LEX.statedType, type_class(citation.type, citation.number)),
        ]
        out += [(c, LEX.relation, p) for p in props]
        out += _optional(c, [
            (LEX.statedNumber, citation.number),
            (LEX.statedDate, citation.date),
            (LEX.statedTitle, citation.title),
            (LEX.statedIssuer, citation.issuer),
        ])
        out += [(c, LEX.dateConflict, Literal(v, datatype=XSD.date)) for v in citation.conflicts]
        if inferred[n]:
            out.append((c, LEX.yearInferred, Literal(True)))
        out += _body_links(c, body, iris, shared, LEX.statedBody, LEX.statedJurisdiction)
        for m, ref in enumerate(citation.mentions):
            node = iris.mention(source, n, m)
            out += [
                (c, LEX.hasMention, node),
                (node, RDF.type, LEX.Mention),
                (node, LEX.quote, Literal(ref.text)),
                (node, LEX.sentence, Literal(ref.sentence)),
                (node, LEX.start, Literal(ref.start)),
                (node, LEX.end, Literal(ref.end)),
                (node, LEX.line, Literal(ref.line)),
                (node, LEX.inSource, source),
            ]
        for k, link in enumerate(citation.links):
            owner = span_owner.get((link.start, link.end))
            if owner is None or targets[owner[0]] in (x, d):
                continue
            j, m = owner
            node = iris.edge(source, n, k)
            out += [
                (node, RDF.type, LEX.DescribedLink),
                (node, RDF.type, LEX.Edge),
                (node, LEX["from"], x),
                (node, LEX.to, targets[j]),
                (node, LEX.relation, LINK_PROPERTIES[link.relation]),
                (node, LEX.statedIn, d),
                (node, LEX.statedType, type_class(record.citations[j].type, record.citations[j].number)),
                (node, LEX.hasMention, iris.mention(source, j, m)),
            ]
    return MappedDocument(source_id, source, d, tuple(out), tuple(shared), identities)


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


def _optional(subject: URIRef, pairs: list[tuple[URIRef, str | date | None]]) -> list[Triple]:
    out: list[Triple] = []
    for prop, value in pairs:
        if value is None or value == "":
            continue
        literal = Literal(value, datatype=XSD.date) if isinstance(value, date) else Literal(value)
        out.append((subject, prop, literal))
    return out


def _body_links(
    subject: URIRef, body: Body | None, iris: Iris, shared: dict[Triple, None], body_prop: URIRef, place_prop: URIRef
) -> list[Triple]:
    """Link `subject` to a body and its jurisdiction; describe both in `shared`."""
    if body is None:
        return []
    b = iris.body(body.key)
    level = LEVELS[body.level][0]
    for t in ((b, RDF.type, LEX.IssuingBody), (b, RDFS.label, Literal(body.label, lang="vi")), (b, LEX.level, level)):
        shared[t] = None
    out: list[Triple] = [(subject, body_prop, b)]
    place = jurisdiction_of(body)
    if place is not None:
        p = _describe_place(place, iris, shared)
        if body.province:
            shared[(b, ELI.jurisdiction, p)] = None
            if body.province in PROVINCE_SUCCESSORS:
                # A former province points at the one that took it in: queries by either name find both.
                successor, on = PROVINCE_SUCCESSORS[body.province]
                shared[(p, LEX.mergedInto, _describe_place((slugify(successor), successor), iris, shared))] = None
                shared[(p, LEX.mergedOn, Literal(on))] = None
        out.append((subject, place_prop, p))
    return out


def _describe_place(place: tuple[str, str], iris: Iris, shared: dict[Triple, None]) -> URIRef:
    p = iris.jurisdiction(place[0])
    for t in (
        (p, RDF.type, LEX.Jurisdiction),
        (p, RDF.type, SKOS.Concept),
        (p, SKOS.prefLabel, Literal(place[1], lang="vi")),
        (p, SKOS.inScheme, LEX.Jurisdictions),
    ):
        shared[t] = None
    return p
