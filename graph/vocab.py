"""The vocabularies the graph is written in, as pyoxigraph IRIs in namespaces that reject misspelt terms.

`LEX` is our own (``ontology.ttl``; `tests/test_ontology.py` checks the two agree term for term);
`ELI` lists the European Legislation Identifier terms we reuse. `TYPE_CLASSES` and `LEVELS` map
extraction's vocabulary (type names, level names) onto the ontology's classes and individuals.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox

from ingest.tables import LEVEL_RANK

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILE = ROOT / "ontology.ttl"
SHAPES_FILE = ROOT / "shapes.ttl"
ONTOLOGY_IRI = "https://w3id.org/lexgraph/ontology"


class Vocabulary:
    """A namespace whose terms are the class's annotated names, each set as a pyoxigraph IRI: a misspelt
    term is an AttributeError, not a new IRI. A term that is a Python keyword is read as `LEX["from"]`."""

    _NS: ClassVar[str]
    _extras: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        for name, annotation in cls.__annotations__.items():
            if not name.startswith("_") and "ClassVar" not in str(annotation):
                setattr(cls, name, ox.NamedNode(cls._NS + name))
        cls._extra_terms = {name: ox.NamedNode(cls._NS + name) for name in cls._extras}

    def __class_getitem__(cls, name: str) -> ox.NamedNode:
        term = cls._extra_terms.get(name) or getattr(cls, name, None)
        if not isinstance(term, ox.NamedNode):
            raise AttributeError(f"{name!r} is not a term of {cls._NS}")
        return term

    @classmethod
    def terms(cls) -> list[ox.NamedNode]:
        """Every term the namespace declares."""
        names = [n for n, a in cls.__annotations__.items() if not n.startswith("_") and "ClassVar" not in str(a)]
        return [*(getattr(cls, n) for n in names), *cls._extra_terms.values()]


class VOID(Vocabulary):
    """The VoID terms the store's dataset description uses."""

    _NS = "http://rdfs.org/ns/void#"
    Dataset: ox.NamedNode
    uriSpace: ox.NamedNode


class RDF(Vocabulary):
    """RDF, RDFS, SKOS and XSD terms the graph writes."""

    _NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    type: ox.NamedNode


class RDFS(Vocabulary):
    _NS = "http://www.w3.org/2000/01/rdf-schema#"
    label: ox.NamedNode


class SKOS(Vocabulary):
    _NS = "http://www.w3.org/2004/02/skos/core#"
    Concept: ox.NamedNode
    prefLabel: ox.NamedNode
    inScheme: ox.NamedNode


class XSD(Vocabulary):
    _NS = "http://www.w3.org/2001/XMLSchema#"
    string: ox.NamedNode
    integer: ox.NamedNode
    boolean: ox.NamedNode
    date: ox.NamedNode


class LEX(Vocabulary):
    """The lexgraph ontology (``ontology.ttl``)."""

    _NS = ONTOLOGY_IRI + "#"
    _extras = ("from",)

    # instruments
    Instrument: ox.NamedNode
    Resolution: ox.NamedNode
    JointResolution: ox.NamedNode
    Decision: ox.NamedNode
    Plan: ox.NamedNode
    Programme: ox.NamedNode
    Directive: ox.NamedNode
    Conclusion: ox.NamedNode
    OfficialTelegram: ox.NamedNode
    Notice: ox.NamedNode
    Decree: ox.NamedNode
    Circular: ox.NamedNode
    JointCircular: ox.NamedNode
    Instruction: ox.NamedNode
    Law: ox.NamedNode
    Code: ox.NamedNode
    Ordinance: ox.NamedNode
    Constitution: ox.NamedNode
    OfficialLetter: ox.NamedNode
    Scheme: ox.NamedNode
    Project: ox.NamedNode
    Guidance: ox.NamedNode
    Regulation: ox.NamedNode
    Rules: ox.NamedNode
    Procedure: ox.NamedNode
    ActionPlan: ox.NamedNode
    Report: ox.NamedNode
    Submission: ox.NamedNode
    Communique: ox.NamedNode
    Order: ox.NamedNode
    ConsolidatedText: ox.NamedNode
    UntypedInstrument: ox.NamedNode
    typeCode: ox.NamedNode
    workKey: ox.NamedNode
    symbolKey: ox.NamedNode
    year: ox.NamedNode
    issuerName: ox.NamedNode
    signer: ox.NamedNode
    placeOfIssue: ox.NamedNode
    source: ox.NamedNode
    citedByCount: ox.NamedNode
    # direct edges
    implements: ox.NamedNode
    guides: ox.NamedNode
    replaces: ox.NamedNode
    inImplementationOf: ox.NamedNode
    # bodies, levels, jurisdictions
    IssuingBody: ox.NamedNode
    level: ox.NamedNode
    AuthorityLevel: ox.NamedNode
    rank: ox.NamedNode
    levelCode: ox.NamedNode
    PartyCentral: ox.NamedNode
    StateCentral: ox.NamedNode
    Ministry: ox.NamedNode
    ProvincialParty: ox.NamedNode
    ProvincialCouncil: ox.NamedNode
    ProvincialCommittee: ox.NamedNode
    ProvincialDepartment: ox.NamedNode
    OtherBody: ox.NamedNode
    Jurisdiction: ox.NamedNode
    Jurisdictions: ox.NamedNode
    mergedInto: ox.NamedNode
    mergedOn: ox.NamedNode
    # provenance
    SourceFile: ox.NamedNode
    fileName: ox.NamedNode
    path: ox.NamedNode
    sha256: ox.NamedNode
    extractor: ox.NamedNode
    warning: ox.NamedNode
    derivationPending: ox.NamedNode
    describes: ox.NamedNode
    Edge: ox.NamedNode
    Citation: ox.NamedNode
    DescribedLink: ox.NamedNode
    to: ox.NamedNode
    relation: ox.NamedNode
    statedIn: ox.NamedNode
    hasMention: ox.NamedNode
    statedType: ox.NamedNode
    statedNumber: ox.NamedNode
    statedDate: ox.NamedNode
    statedTitle: ox.NamedNode
    statedIssuer: ox.NamedNode
    statedBody: ox.NamedNode
    statedJurisdiction: ox.NamedNode
    dateConflict: ox.NamedNode
    yearInferred: ox.NamedNode
    Mention: ox.NamedNode
    Change: ox.NamedNode
    effectiveFrom: ox.NamedNode
    wholly: ox.NamedNode
    touches: ox.NamedNode
    subdivision: ox.NamedNode
    subdivisionOf: ox.NamedNode
    inForceFromSigning: ox.NamedNode
    replacedBy: ox.NamedNode
    partiallyRepealedBy: ox.NamedNode
    quote: ox.NamedNode
    sentence: ox.NamedNode
    start: ox.NamedNode
    end: ox.NamedNode
    line: ox.NamedNode
    inSource: ox.NamedNode


class ELI(Vocabulary):
    """The European Legislation Identifier terms lexgraph uses (ELI ontology 1.5)."""

    _NS = "http://data.europa.eu/eli/ontology#"
    _extras = ("InForce-inForce", "InForce-notInForce")

    LegalResource: ox.NamedNode
    LegalResourceSubdivision: ox.NamedNode
    is_part_of: ox.NamedNode
    number: ox.NamedNode
    first_date_entry_in_force: ox.NamedNode
    date_no_longer_in_force: ox.NamedNode
    in_force: ox.NamedNode
    amended_by: ox.NamedNode
    repealed_by: ox.NamedNode
    based_on: ox.NamedNode
    cites: ox.NamedNode
    ensures_implementation_of: ox.NamedNode
    amends: ox.NamedNode
    repeals: ox.NamedNode
    corrects: ox.NamedNode
    date_document: ox.NamedNode
    id_local: ox.NamedNode
    title: ox.NamedNode
    passed_by: ox.NamedNode
    jurisdiction: ox.NamedNode


# Extraction's type names (`ingest.tables.TYPE_WORDS` values) -> the ontology class.
TYPE_CLASSES: dict[str, ox.NamedNode] = {
    "Nghị quyết": LEX.Resolution,
    "Nghị quyết liên tịch": LEX.JointResolution,
    "Quyết định": LEX.Decision,
    "Kế hoạch": LEX.Plan,
    "Chương trình": LEX.Programme,
    "Chỉ thị": LEX.Directive,
    "Kết luận": LEX.Conclusion,
    "Công điện": LEX.OfficialTelegram,
    "Thông báo": LEX.Notice,
    "Nghị định": LEX.Decree,
    "Thông tư": LEX.Circular,
    "Thông tư liên tịch": LEX.JointCircular,
    "Thông tri": LEX.Instruction,
    "Luật": LEX.Law,
    "Bộ luật": LEX.Code,
    "Pháp lệnh": LEX.Ordinance,
    "Hiến pháp": LEX.Constitution,
    "Công văn": LEX.OfficialLetter,
    "Đề án": LEX.Scheme,
    "Dự án": LEX.Project,
    "Hướng dẫn": LEX.Guidance,
    "Quy định": LEX.Regulation,
    "Quy chế": LEX.Rules,
    "Quy trình": LEX.Procedure,
    "Phương án": LEX.ActionPlan,
    "Báo cáo": LEX.Report,
    "Tờ trình": LEX.Submission,
    "Thông cáo": LEX.Communique,
    "Lệnh": LEX.Order,
    "Văn bản hợp nhất": LEX.ConsolidatedText,
}

# The IRI segment of each type; `ontology.ttl` states the same as lex:typeCode.
TYPE_CODES: dict[ox.NamedNode, str] = {
    LEX.Resolution: "nq", LEX.JointResolution: "nqlt", LEX.Decision: "qd", LEX.Plan: "kh",
    LEX.Programme: "ctr", LEX.Directive: "ct", LEX.Conclusion: "kl", LEX.OfficialTelegram: "cd",
    LEX.Notice: "tb", LEX.Decree: "nd", LEX.Circular: "tt", LEX.JointCircular: "ttlt",
    LEX.Instruction: "ttri", LEX.Law: "luat", LEX.Code: "bl", LEX.Ordinance: "pl", LEX.Constitution: "hp",
    LEX.OfficialLetter: "cv", LEX.Scheme: "dean", LEX.Project: "duan", LEX.Guidance: "hd",
    LEX.Regulation: "qdi", LEX.Rules: "qc", LEX.Procedure: "qtr", LEX.ActionPlan: "pa", LEX.Report: "bc",
    LEX.Submission: "ttr", LEX.Communique: "tc", LEX.Order: "lenh", LEX.ConsolidatedText: "vbhn",
    LEX.UntypedInstrument: "vb",
}
CLASS_OF_CODE: dict[str, ox.NamedNode] = {code: cls for cls, code in TYPE_CODES.items()}

# Extraction's level names (`ingest.tables.Level`) -> the individual, with its rank (1 the highest).
_LEVEL_INDIVIDUALS = {
    "party_central": LEX.PartyCentral,
    "state_central": LEX.StateCentral,
    "ministry": LEX.Ministry,
    "provincial_party": LEX.ProvincialParty,
    "provincial_council": LEX.ProvincialCouncil,
    "provincial_committee": LEX.ProvincialCommittee,
    "provincial_department": LEX.ProvincialDepartment,
    "other": LEX.OtherBody,
}
LEVELS: dict[str, tuple[ox.NamedNode, int]] = {
    name: (_LEVEL_INDIVIDUALS[name], rank) for name, rank in LEVEL_RANK.items()
}

# Every direct edge between instruments, by the relation name records, the API and the CLI use.
EDGES: dict[str, ox.NamedNode] = {
    "implements": LEX.implements,
    "based_on": ELI.based_on,
    "cites": ELI.cites,
    "guides": LEX.guides,
    "replaces": LEX.replaces,
    "amends": ELI.amends,
    "repeals": ELI.repeals,
    "corrects": ELI.corrects,
}
# The edge an implementation tree follows, derived from `implements` and from a basis of higher rank.
TREE_EDGE = LEX.inImplementationOf
EDGE_PROPERTIES = frozenset({*EDGES.values(), TREE_EDGE})
# The relation name of each edge property's IRI (what a query row carries).
RELATION_NAMES: dict[str, str] = {p.value: name for name, p in EDGES.items()}

# What `graph.derive.gather` reads of an edge node; the rest of a named graph (mentions, offsets) does not
# change the default graph.
EDGE_NODE_PROPERTIES = frozenset({
    RDF.type, LEX.to, LEX["from"], LEX.relation, LEX.statedIn, LEX.statedNumber, LEX.statedDate,
    LEX.statedTitle, LEX.statedIssuer, LEX.statedBody, LEX.statedJurisdiction, LEX.effectiveFrom, LEX.wholly,
})
# The changes a document makes to an instrument, by relation name (`ingest.records.ChangeKind`).
CHANGES: dict[str, ox.NamedNode] = {name: EDGES[name] for name in ("replaces", "repeals", "amends")}
# The relations that end an instrument's force when they act on it as a whole.
ENDS_FORCE = frozenset({LEX.replaces, ELI.repeals})


def literal(value: str | int | bool | date) -> ox.Literal:
    """The literal the graph writes for a Python value (a date as xsd:date, an int as xsd:integer)."""
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=XSD.date)
    return ox.Literal(value)


def value_of(term: ox.Literal) -> str | int | bool | date:
    """The Python value of a literal the graph wrote (`literal`'s inverse); other datatypes as text."""
    kind = term.datatype
    if kind == XSD.date:
        return date.fromisoformat(term.value)
    if kind == XSD.integer:
        return int(term.value)
    if kind == XSD.boolean:
        return term.value == "true"
    return term.value
