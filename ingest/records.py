"""The records each ingest stage hands to the next: mentions, citations, the document, the record.

All are frozen, slotted dataclasses; stages derive new ones with `dataclasses.replace`.
`Record.to_json` gives the JSON Lines shape of ``../shared/eval/SCHEMA.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Relation = Literal["implements", "based_on"]
Link = Literal["implements", "amends", "repeals", "replaces", "guides", "cites"]
MentionKind = Literal["numbered", "named", "bare"]
ChangeKind = Literal["replaces", "repeals", "amends"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the text names an instrument, as found, before any resolution.

    `start`/`end` span the citation's core (type word to issuer) in the cleaned text, whose offsets
    are those of the NFC source. `subject_end` is where the subject phrase that follows it ends.
    """

    kind: MentionKind
    start: int
    end: int
    type: str | None
    number: str | None = None
    key: str | None = None
    title: str | None = None
    date: date | None = None
    year: int | None = None
    issuer: str | None = None
    subject: str | None = None
    subject_end: int = 0
    list_head: int | None = None


@dataclass(frozen=True, slots=True)
class MentionRef:
    """Where one citation is mentioned: span in the normalised text and the sentence around it."""

    start: int
    end: int
    text: str
    sentence: str
    line: int


@dataclass(frozen=True, slots=True)
class DescribedLink:
    """What a mention's subject phrase says the cited instrument itself does to another one.

    "Nghị quyết số 11/NQ-CP ... và triển khai Nghị quyết số 43/2022/QH15" gives 11/NQ-CP
    `implements` 43/2022/QH15, with the sentence as evidence. `start`/`end`/`line` locate the mention
    of the other instrument; the citation whose mentions include that span is the link's target.
    """

    relation: Link
    type: str | None
    number: str | None
    date: date | None
    title: str | None
    sentence: str
    start: int = 0
    end: int = 0
    line: int = 0


@dataclass(frozen=True, slots=True)
class Subdivision:
    """An article (Điều), clause (khoản) or point (điểm) of an instrument, as a path from the article down.

    >>> str(Subdivision("3", "1", "a")), str(Subdivision("198a"))
    ('điểm a khoản 1 Điều 3', 'Điều 198a')
    >>> Subdivision.parse("khoản 2 Điều 5") == Subdivision("5", "2")
    True
    """

    article: str
    clause: str | None = None
    point: str | None = None

    def __str__(self) -> str:
        """The normal form of ``SCHEMA.md``: "điểm a khoản 1 Điều 3"."""
        parts = [f"điểm {self.point}"] if self.point else []
        parts += [f"khoản {self.clause}"] if self.clause else []
        return " ".join([*parts, f"Điều {self.article}"])

    def levels(self) -> list[Subdivision]:
        """This subdivision and those that hold it, from its article down.

        >>> [str(s) for s in Subdivision("3", "1", "a").levels()]
        ['Điều 3', 'khoản 1 Điều 3', 'điểm a khoản 1 Điều 3']
        """
        out = [Subdivision(self.article)]
        if self.clause:
            out.append(Subdivision(self.article, self.clause))
            if self.point:
                out.append(self)
        return out

    def sort_key(self) -> tuple:
        """Order of the text: Điều 2 before Điều 10, an article before its clauses, a clause before its points."""
        def number(value: str | None) -> tuple[int, str]:
            digits = "".join(ch for ch in value or "" if ch.isdigit())
            return (int(digits) if digits else -1, value or "")

        return (number(self.article), number(self.clause), self.point or "")

    @classmethod
    def parse(cls, text: str) -> Subdivision:
        """The subdivision a record's JSON wrote in normal form; raises ValueError for anything else."""
        words = text.split()
        found = {words[i].casefold(): words[i + 1] for i in range(0, len(words) - 1, 2)}
        if "điều" not in found or len(words) % 2:
            raise ValueError(f"not a subdivision in normal form: {text!r}")
        return cls(found["điều"], found.get("khoản"), found.get("điểm"))


@dataclass(frozen=True, slots=True)
class Change:
    """What the document does to a cited instrument: replaces, repeals or amends it (once per relation).

    `articles` are the subdivisions the clauses name ("bãi bỏ Điều 5" gives "Điều 5"); `whole` is true
    when a clause acts on the instrument as a whole. `effective` is the change's own date when its clause
    gives one ("... hết hiệu lực kể từ ngày 01/01/2026"); otherwise it takes effect with the document.
    """

    relation: ChangeKind
    articles: tuple[Subdivision, ...]
    effective: date | None
    whole: bool
    sentence: str
    line: int
    # The verb that makes the change, in the normalised text: the change's evidence.
    start: int = 0
    end: int = 0
    quote: str = ""

    def to_json(self) -> dict[str, Any]:
        """The change's own fields (the target is the citation that holds it)."""
        return {"relation": self.relation, "articles": [str(a) for a in self.articles],
                "effective": _iso(self.effective), "whole": self.whole, "sentence": self.sentence,
                "line": self.line, "start": self.start, "end": self.end, "quote": self.quote}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        """The change `to_json` wrote."""
        return cls(data["relation"], tuple(Subdivision.parse(a) for a in data.get("articles", ())),
                   _date(data.get("effective")), bool(data.get("whole")), data.get("sentence", ""),
                   data.get("line", 0), data.get("start", 0), data.get("end", 0), data.get("quote", ""))


@dataclass(frozen=True, slots=True)
class Effective:
    """When the document says it enters into force: a date, or the date of signing ("kể từ ngày ký"),
    which is None when the text does not state the document's date; `until` ends a stated period."""

    date: date | None
    from_signing: bool = False
    until: date | None = None

    def to_json(self) -> dict[str, Any]:
        """The schema's `effective` object."""
        return {"date": _iso(self.date), "from_signing": self.from_signing, "until": _iso(self.until)}


@dataclass(frozen=True, slots=True)
class Citation:
    """One distinct instrument the document cites, with all its mentions."""

    type: str | None
    number: str | None
    date: date | None
    issuer: str | None
    issuer_level: str | None
    jurisdiction: str | None
    title: str | None
    year: int | None
    relations: tuple[Relation, ...]
    mentions: tuple[MentionRef, ...]
    links: tuple[DescribedLink, ...] = ()
    conflicts: tuple[str, ...] = ()
    # For a law cited by name: the number-symbols of the editions the law catalogue says it can be; one
    # when the catalogue decides, several when it cannot (see `ingest.laws`).
    catalogue: tuple[str, ...] = ()
    # The subdivisions of the instrument the text cites, in the schema's normal form ("khoản 2 Điều 5").
    subdivisions: tuple[Subdivision, ...] = ()
    changes: tuple[Change, ...] = ()

    def target(self) -> dict[str, Any]:
        """How a change names this instrument in the schema: type and number, or type and title."""
        return {"type": self.type, "number": self.number, "date": _iso(self.date),
                "title": self.title if self.number is None else None}

    def to_json(self) -> dict[str, Any]:
        """The citation in the schema's shape, with mentions and described links as extras."""
        return {
            "type": self.type,
            "number": self.number,
            "date": _iso(self.date),
            "issuer": self.issuer,
            "issuer_level": self.issuer_level,
            "jurisdiction": self.jurisdiction,
            "title": self.title,
            "year": self.year,
            "relations": list(self.relations),
            "mentions": [
                {"start": m.start, "end": m.end, "line": m.line, "text": m.text, "sentence": m.sentence}
                for m in self.mentions
            ],
            "links": [
                {
                    "relation": link.relation,
                    "type": link.type,
                    "number": link.number,
                    "date": _iso(link.date),
                    "title": link.title,
                    "sentence": link.sentence,
                    "start": link.start,
                    "end": link.end,
                    "line": link.line,
                }
                for link in self.links
            ],
            "conflicts": list(self.conflicts),
            "catalogue": list(self.catalogue),
            "subdivisions": [str(sub) for sub in self.subdivisions],
            "changes": [change.to_json() for change in self.changes],
        }


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document's own identity as its text states it; a field the text does not state is None."""

    type: str | None = None
    number: str | None = None
    date: date | None = None
    place: str | None = None
    issuer: str | None = None
    issuer_level: str | None = None
    jurisdiction: str | None = None
    signer: str | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The document fields in the schema's shape."""
        return {
            "type": self.type,
            "number": self.number,
            "date": _iso(self.date),
            "place": self.place,
            "issuer": self.issuer,
            "issuer_level": self.issuer_level,
            "jurisdiction": self.jurisdiction,
            "signer": self.signer,
            "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class Record:
    """Everything extraction learns from one source document."""

    source: str
    path: str
    sha256: str
    document: DocumentInfo
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()
    # The source's id in a store: its path relative to the folder the user named (`ingest.readers.source_ids`).
    source_id: str = ""
    effective: Effective | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """The record `to_json` wrote (what `lexgraph extract` prints); raises KeyError/ValueError if malformed."""
        doc = data["document"]
        return cls(
            source=data["source"], path=data.get("path", ""), sha256=data.get("sha256", ""),
            source_id=data.get("id", ""),
            document=DocumentInfo(
                type=doc.get("type"), number=doc.get("number"), date=_date(doc.get("date")), place=doc.get("place"),
                issuer=doc.get("issuer"), issuer_level=doc.get("issuer_level"), jurisdiction=doc.get("jurisdiction"),
                signer=doc.get("signer"), title=doc.get("title"),
            ),
            citations=tuple(
                Citation(
                    type=c.get("type"), number=c.get("number"), date=_date(c.get("date")), issuer=c.get("issuer"),
                    issuer_level=c.get("issuer_level"), jurisdiction=c.get("jurisdiction"), title=c.get("title"),
                    year=c.get("year"), relations=tuple(c.get("relations", ())),
                    mentions=tuple(MentionRef(m["start"], m["end"], m["text"], m["sentence"], m["line"])
                                   for m in c.get("mentions", ())),
                    links=tuple(DescribedLink(link["relation"], link.get("type"), link.get("number"),
                                              _date(link.get("date")), link.get("title"), link["sentence"],
                                              link.get("start", 0), link.get("end", 0), link.get("line", 0))
                                for link in c.get("links", ())),
                    conflicts=tuple(c.get("conflicts", ())),
                    catalogue=tuple(c.get("catalogue", ())),
                    subdivisions=tuple(Subdivision.parse(x) for x in c.get("subdivisions", ())),
                    changes=tuple(Change.from_json(x) for x in c.get("changes", ())),
                )
                for c in data.get("citations", ())
            ),
            warnings=tuple(data.get("warnings", ())),
            effective=_effective(data.get("effective")),
        )

    def to_json(self) -> dict[str, Any]:
        """The record as one JSON Lines object (``SCHEMA.md`` fields plus extras)."""
        return {
            "source": self.source,
            "id": self.source_id,
            "path": self.path,
            "sha256": self.sha256,
            "document": self.document.to_json(),
            # SCHEMA.md: an object with a null date when the text says nothing of its entry into force.
            "effective": (self.effective or Effective(None)).to_json(),
            "changes": [
                {"relation": change.relation, "target": c.target(), "articles": [str(a) for a in change.articles],
                 "effective": _iso(change.effective)}
                for c in self.citations for change in c.changes
            ],
            "citations": [c.to_json() for c in self.citations],
            "warnings": list(self.warnings),
        }


def _effective(data: dict[str, Any] | None) -> Effective | None:
    effective = Effective(_date((data or {}).get("date")), bool((data or {}).get("from_signing")),
                          _date((data or {}).get("until")))
    return None if effective == Effective(None) else effective


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
