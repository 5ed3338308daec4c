"""The vocabularies the graph is written in, as rdflib namespaces that reject misspelt terms.

`LEX` is our own (``ontology.ttl``; `tests/test_ontology.py` checks the two agree term for term);
`ELI` lists the European Legislation Identifier terms we reuse. `TYPE_CLASSES` and `LEVELS` map
extraction's vocabulary (type names, level names) onto the ontology's classes and individuals.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILE = ROOT / "ontology.ttl"
SHAPES_FILE = ROOT / "shapes.ttl"
ONTOLOGY_IRI = "https://w3id.org/lexgraph/ontology"
VOID = Namespace("http://rdfs.org/ns/void#")


class LEX(DefinedNamespace):
    """The lexgraph ontology (``ontology.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _extras: ClassVar[list[str]] = ["from"]  # a Python keyword: use LEX["from"]

    # instruments
    Instrument: URIRef
    Resolution: URIRef
    JointResolution: URIRef
    Decision: URIRef
    Plan: URIRef
    Programme: URIRef
    Directive: URIRef
    Conclusion: URIRef
    OfficialTelegram: URIRef
    Notice: URIRef
    Decree: URIRef
    Circular: URIRef
    JointCircular: URIRef
    Instruction: URIRef
    Law: URIRef
    Code: URIRef
    Ordinance: URIRef
    Constitution: URIRef
    OfficialLetter: URIRef
    Scheme: URIRef
    Project: URIRef
    Guidance: URIRef
    Regulation: URIRef
    Rules: URIRef
    Procedure: URIRef
    ActionPlan: URIRef
    Report: URIRef
    Submission: URIRef
    Communique: URIRef
    Order: URIRef
    ConsolidatedText: URIRef
    UntypedInstrument: URIRef
    typeCode: URIRef
    workKey: URIRef
    symbolKey: URIRef
    year: URIRef
    issuerName: URIRef
    signer: URIRef
    placeOfIssue: URIRef
    source: URIRef
    citedByCount: URIRef
    # direct edges
    implements: URIRef
    guides: URIRef
    replaces: URIRef
    inImplementationOf: URIRef
    # bodies, levels, jurisdictions
    IssuingBody: URIRef
    level: URIRef
    AuthorityLevel: URIRef
    rank: URIRef
    levelCode: URIRef
    PartyCentral: URIRef
    StateCentral: URIRef
    Ministry: URIRef
    ProvincialParty: URIRef
    ProvincialCouncil: URIRef
    ProvincialCommittee: URIRef
    ProvincialDepartment: URIRef
    OtherBody: URIRef
    Jurisdiction: URIRef
    Jurisdictions: URIRef
    mergedInto: URIRef
    mergedOn: URIRef
    # provenance
    SourceFile: URIRef
    fileName: URIRef
    path: URIRef
    sha256: URIRef
    extractor: URIRef
    warning: URIRef
    derivationPending: URIRef
    describes: URIRef
    Edge: URIRef
    Citation: URIRef
    DescribedLink: URIRef
    to: URIRef
    relation: URIRef
    statedIn: URIRef
    hasMention: URIRef
    statedType: URIRef
    statedNumber: URIRef
    statedDate: URIRef
    statedTitle: URIRef
    statedIssuer: URIRef
    statedBody: URIRef
    statedJurisdiction: URIRef
    dateConflict: URIRef
    yearInferred: URIRef
    Mention: URIRef
    quote: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    line: URIRef
    inSource: URIRef


class ELI(DefinedNamespace):
    """The European Legislation Identifier terms lexgraph uses (ELI ontology 1.5)."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")

    LegalResource: URIRef
    based_on: URIRef
    cites: URIRef
    ensures_implementation_of: URIRef
    amends: URIRef
    repeals: URIRef
    corrects: URIRef
    date_document: URIRef
    id_local: URIRef
    title: URIRef
    passed_by: URIRef
    jurisdiction: URIRef



def _materialise(namespace: type[DefinedNamespace]) -> None:
    """Set each declared term as a plain class attribute: a DefinedNamespace checks every attribute
    lookup against its term list (~0.7 µs), which the mapping and bulk writes do millions of times."""
    for name, annotation in namespace.__annotations__.items():
        if not name.startswith("_") and "ClassVar" not in str(annotation):
            type.__setattr__(namespace, name, namespace._NS[name])


_materialise(LEX)
_materialise(ELI)

# Extraction's type names (`ingest.tables.TYPE_WORDS` values) -> the ontology class.
TYPE_CLASSES: dict[str, URIRef] = {
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
TYPE_CODES: dict[URIRef, str] = {
    LEX.Resolution: "nq", LEX.JointResolution: "nqlt", LEX.Decision: "qd", LEX.Plan: "kh",
    LEX.Programme: "ctr", LEX.Directive: "ct", LEX.Conclusion: "kl", LEX.OfficialTelegram: "cd",
    LEX.Notice: "tb", LEX.Decree: "nd", LEX.Circular: "tt", LEX.JointCircular: "ttlt",
    LEX.Instruction: "ttri", LEX.Law: "luat", LEX.Code: "bl", LEX.Ordinance: "pl", LEX.Constitution: "hp",
    LEX.OfficialLetter: "cv", LEX.Scheme: "dean", LEX.Project: "duan", LEX.Guidance: "hd",
    LEX.Regulation: "qdi", LEX.Rules: "qc", LEX.Procedure: "qtr", LEX.ActionPlan: "pa", LEX.Report: "bc",
    LEX.Submission: "ttr", LEX.Communique: "tc", LEX.Order: "lenh", LEX.ConsolidatedText: "vbhn",
    LEX.UntypedInstrument: "vb",
}

# Extraction's level names (`ingest.tables.Level`) -> the individual, with its rank (1 the highest).
LEVELS: dict[str, tuple[URIRef, int]] = {
    "party_central": (LEX.PartyCentral, 1),
    "state_central": (LEX.StateCentral, 2),
    "ministry": (LEX.Ministry, 3),
    "provincial_party": (LEX.ProvincialParty, 4),
    "provincial_council": (LEX.ProvincialCouncil, 5),
    "provincial_committee": (LEX.ProvincialCommittee, 6),
    "provincial_department": (LEX.ProvincialDepartment, 7),
    "other": (LEX.OtherBody, 8),
}

# Extraction's link names (`ingest.records.Link`) -> the direct-edge property.
LINK_PROPERTIES: dict[str, URIRef] = {
    "implements": LEX.implements,
    "guides": LEX.guides,
    "replaces": LEX.replaces,
    "amends": ELI.amends,
    "repeals": ELI.repeals,
    "cites": ELI.cites,
}

# Relations of a citing document (`ingest.records.Relation`) -> the direct-edge property.
RELATION_PROPERTIES: dict[str, URIRef] = {
    "implements": LEX.implements,
    "based_on": ELI.based_on,
}
