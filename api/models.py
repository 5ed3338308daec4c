"""The JSON shapes of the REST API (pydantic, at the HTTP edge only), built from the graph's dataclasses."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.check import CheckedCitation, Resolution, Stated
from graph.iri import Iris
from graph.queries import ChangeRow, EdgeRow, Instrument, SourceRow, Status, TreeRow


class InstrumentOut(BaseModel):
    """An instrument: a document in the corpus, or one known only from citations."""

    id: str = Field(description="The IRI's path under the base: what /documents/{id} takes.")
    iri: str
    label: str
    type: str | None
    number: str | None
    date: date | None
    year: int | None
    issuer: str | None
    level: str | None = Field(description="Level of the issuing body (Party central, province ...).")
    jurisdiction: str | None
    title: str | None
    signer: str | None
    in_corpus: bool = Field(description="Whether the graph holds its full text.")
    cited_by_count: int

    @classmethod
    def of(cls, i: Instrument, iris: Iris) -> InstrumentOut:
        """The JSON view of `i`."""
        return cls(id=iris.path_of(str(i.iri)) or str(i.iri), iri=str(i.iri), label=i.label, type=i.type,
                   number=i.number, date=i.date, year=i.year, issuer=i.issuer, level=i.level,
                   jurisdiction=i.jurisdiction, title=i.title, signer=i.signer, in_corpus=i.in_corpus,
                   cited_by_count=i.cited_by)


class EdgeOut(BaseModel):
    """A citation edge seen from one end: the instrument at the other end, how, and the evidence."""

    other: InstrumentOut
    relations: list[str] = Field(description="implements, based_on, cites, guides, replaces, amends, repeals ...")
    stated_in: str = Field(description="IRI of the document whose text states the edge.")
    sentence: str | None
    source: str | None = Field(description="Source file of the sentence.")
    line: int | None

    @classmethod
    def of(cls, e: EdgeRow, iris: Iris) -> EdgeOut:
        """The JSON view of `e`."""
        return cls(other=InstrumentOut.of(e.other, iris), relations=list(e.relations), stated_in=str(e.stated_in),
                   sentence=e.sentence, source=e.source, line=e.line)


class EdgePageOut(BaseModel):
    """One page of the edges at an instrument."""

    total: int
    limit: int
    offset: int
    items: list[EdgeOut]
    next: str | None = Field(description="URL of the next page, or null on the last.")


class SourceOut(BaseModel):
    """A source file holding an instrument's text."""

    iri: str
    file: str
    path: str
    sha256: str

    @classmethod
    def of(cls, s: SourceRow) -> SourceOut:
        """The JSON view of `s`."""
        return cls(iri=str(s.iri), file=s.file, path=s.path, sha256=s.sha256)


class ChangeOut(BaseModel):
    """A change a corpus document makes to the instrument, with the sentence that says so."""

    document: InstrumentOut = Field(description="The document that makes the change.")
    relation: Literal["replaces", "repeals", "amends"]
    effective: date | None = Field(description="The day the change takes effect, when known.")
    whole: bool = Field(description="Whether it acts on the instrument as a whole (not some articles or items).")
    articles: list[str] = Field(description="The subdivisions it names (\"khoản 2 Điều 5\").")
    sentence: str | None
    source: str | None
    line: int | None

    @classmethod
    def of(cls, c: ChangeRow, iris: Iris) -> ChangeOut:
        """The JSON view of `c`."""
        return cls(document=InstrumentOut.of(c.document, iris), relation=c.relation, effective=c.effective,
                   whole=c.whole, articles=list(c.articles), sentence=c.sentence, source=c.source, line=c.line)


class StatusOut(BaseModel):
    """Whether the instrument is in force today, as far as the corpus knows, and which documents say so."""

    in_force: bool
    on: date = Field(description="The day the status is for (today).")
    since: date | None = Field(description="The day it enters into force, as its own text says.")
    until: date | None = Field(description="Its last day in force, when its text or a corpus document ends it.")
    from_signing: bool = Field(description="It says it enters into force on the day it is signed.")
    reason: str = Field(description="Why, in a sentence; always as far as this corpus knows.")
    replaced_by: list[ChangeOut]
    repealed_by: list[ChangeOut] = Field(description="Repeals, whole or of some articles (see `whole`).")
    amended_by: list[ChangeOut]

    @classmethod
    def of(cls, s: Status, iris: Iris) -> StatusOut:
        """The JSON view of `s`."""
        def out(relation: str) -> list[ChangeOut]:
            return [ChangeOut.of(c, iris) for c in s.by(relation)]

        return cls(in_force=s.in_force, on=s.on, since=s.since, until=s.until, from_signing=s.from_signing,
                   reason=s.reason, replaced_by=out("replaces"), repealed_by=out("repeals"), amended_by=out("amends"))


class DocumentOut(InstrumentOut):
    """An instrument with its status, its sources and every citation in and out, with relations and provenance."""

    status: StatusOut
    sources: list[SourceOut]
    cites: list[EdgeOut]
    cited_by: list[EdgeOut]


class DocumentPage(BaseModel):
    """One page of a filtered list of instruments."""

    total: int
    limit: int
    offset: int
    items: list[InstrumentOut]
    next: str | None = Field(description="URL of the next page, or null on the last.")


class TreeRowOut(BaseModel):
    """A document in an implementation tree."""

    depth: int
    document: InstrumentOut
    parent: str = Field(description="id of the instrument this document carries out.")
    relations: list[str]
    lag_days: int | None = Field(description="Days from the date of the instrument asked about to the document's.")
    lag_from_parent: int | None = Field(description="Days from the date of the instrument it carries out (parent).")
    evidence: str | None

    @classmethod
    def of(cls, r: TreeRow, iris: Iris) -> TreeRowOut:
        """The JSON view of `r`."""
        return cls(depth=r.depth, document=InstrumentOut.of(r.instrument, iris),
                   parent=iris.path_of(str(r.parent)) or str(r.parent), relations=list(r.relations),
                   lag_days=r.lag_days, lag_from_parent=r.lag_from_parent, evidence=r.sentence)


class TreeOut(BaseModel):
    """The implementation tree below an instrument."""

    root: InstrumentOut
    rows: list[TreeRowOut]


class StatedOut(BaseModel):
    """What a citation's text states."""

    type: str | None
    number: str | None
    date: date | None
    year: int | None
    issuer: str | None
    jurisdiction: str | None
    title: str | None

    @classmethod
    def of(cls, s: Stated) -> StatedOut:
        """The JSON view of `s`."""
        return cls(type=s.type, number=s.number, date=s.date, year=s.year, issuer=s.issuer,
                   jurisdiction=s.jurisdiction, title=s.title)


class ResolutionOut(BaseModel):
    """A free-text citation resolved against the graph."""

    citation: str
    parsed: StatedOut | None = Field(description="What the text states; null when no citation was recognised.")
    id: str | None
    iri: str | None = Field(description="The instrument's IRI: the graph's when known, else the one it would mint.")
    known: bool
    candidates: list[InstrumentOut] = Field(description="Every instrument the text fits (several: add the year).")

    @classmethod
    def of(cls, r: Resolution, iris: Iris) -> ResolutionOut:
        """The JSON view of `r`."""
        return cls(citation=r.text, parsed=StatedOut.of(r.stated) if r.stated else None,
                   id=iris.path_of(str(r.iri)) if r.iri else None, iri=str(r.iri) if r.iri else None,
                   known=r.known, candidates=[InstrumentOut.of(c, iris) for c in r.candidates])


class TextIn(BaseModel):
    """A document's text."""

    text: str = Field(max_length=8_000_000, description="Plain text (UTF-8), as in a .txt file.")


class CheckedOut(BaseModel):
    """One citation of a checked text and its verdict."""

    quote: str
    line: int
    start: int
    end: int
    stated: StatedOut
    verdict: Literal["known", "unknown", "inconsistent", "ambiguous", "superseded"]
    problems: list[str]
    instrument: InstrumentOut | None
    suggestions: list[InstrumentOut]
    replaced_by: list[InstrumentOut] = Field(description="What replaced or repealed the instrument, as far as the "
                                                         "corpus knows.")

    @classmethod
    def of(cls, c: CheckedCitation, iris: Iris) -> CheckedOut:
        """The JSON view of `c`."""
        return cls(quote=c.quote, line=c.line, start=c.start, end=c.end, stated=StatedOut.of(c.stated),
                   verdict=c.verdict, problems=list(c.problems),
                   instrument=InstrumentOut.of(c.instrument, iris) if c.instrument else None,
                   suggestions=[InstrumentOut.of(s, iris) for s in c.suggestions],
                   replaced_by=[InstrumentOut.of(r, iris) for r in c.replaced_by])


class CheckOut(BaseModel):
    """Every citation of a text with its verdict, and how many of each."""

    citations: list[CheckedOut]
    counts: dict[str, int]


class DocumentIn(TextIn):
    """A document to ingest: a text with something in it, held to the limits of a file `lexgraph ingest` reads
    (an empty or binary one is refused with the same message)."""

    text: str = Field(description="Plain text (UTF-8), as in a .txt file; not empty or only white space.")

    source: str = Field(min_length=1, max_length=200, pattern=r"^[\w.\- ]+$",
                        description="File name to record it under, e.g. kh-35-2022.txt; the same name replaces it.")


class IngestOut(BaseModel):
    """What ingesting a document did."""

    status: Literal["ingested", "unchanged"]
    source: str
    document: InstrumentOut | None


class ExtractOut(BaseModel):
    """The extraction record of a text (the JSON Lines shape of `lexgraph extract`)."""

    document: dict[str, Any]
    citations: list[dict[str, Any]]
    warnings: list[str]


class CitedOut(BaseModel):
    """An instrument and how many documents cite it."""

    label: str
    count: int


class StatsOut(BaseModel):
    """What the graph holds."""

    counts: dict[str, int]
    edges_by_relation: dict[str, int]
    most_cited: list[CitedOut]
    interrupted_ingest: bool = Field(
        description="An ingest stopped before it finished; the next `lexgraph ingest` completes it.")


class HealthOut(BaseModel):
    """Whether the server can answer, and from what. Cheap to ask: counting quads scans the whole store
    (seconds at 17M quads), so the count is in /stats."""

    status: Literal["ok"]
    writable: bool
    version: str
    stale: bool = Field(description="A read-only server whose store another process wrote after it opened it: "
                                    "its answers are of the store as it was; restart it.")


class Problem(BaseModel):
    """An error: what was wrong and what to do; `candidates` when an id fits several instruments."""

    detail: str
    candidates: list[InstrumentOut] = []
