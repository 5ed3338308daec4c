"""Every IRI the graph uses is minted here, from a configurable base.

Instruments get ELI-style readable paths, ``{base}eli/vn/{issuer}/{year}/{type}/{number}``, with
``undated`` for a year no text states. Issuing bodies, jurisdictions, source files (which also name
the named graph holding the file's triples) and the edge and mention nodes inside a source follow.

>>> iris = Iris("https://example.org/")
>>> iris.instrument("cp", 2022, "nq", "11")
rdflib.term.URIRef('https://example.org/eli/vn/cp/2022/nq/11')
>>> iris.instrument("ubnd-can-tho", None, "kh", "35")
rdflib.term.URIRef('https://example.org/eli/vn/ubnd-can-tho/undated/kh/35')
>>> iris.source("raw/Kế hoạch 35.txt")
rdflib.term.URIRef('https://example.org/source/raw/K%E1%BA%BF%20ho%E1%BA%A1ch%2035.txt')
>>> iris.edge(iris.source("a.txt"), 3)
rdflib.term.URIRef('https://example.org/source/a.txt#c3')
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from rdflib import URIRef

DEFAULT_BASE = "https://w3id.org/lexgraph/"
UNDATED = "undated"


class BaseIriError(ValueError):
    """A base IRI that cannot prefix lexgraph's paths."""


@dataclass(frozen=True, slots=True)
class Iris:
    """Mints IRIs under one base (it must end with "/" or "#")."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.startswith(("http://", "https://", "urn:")) or not self.base.endswith(("/", "#")):
            raise BaseIriError(
                f"base IRI {self.base!r} must start with http://, https:// or urn: and end with '/' or '#'"
            )

    def instrument(self, issuer: str, year: int | None, type_code: str, number: str) -> URIRef:
        """An instrument: issuer segment, year (None: undated), type code, number segment."""
        return URIRef(f"{self.base}eli/vn/{issuer}/{year if year else UNDATED}/{type_code}/{number}")

    def body(self, key: str) -> URIRef:
        """An issuing body by its key ("chinh-phu", "uy-ban-nhan-dan-can-tho")."""
        return URIRef(f"{self.base}body/{key}")

    def jurisdiction(self, key: str) -> URIRef:
        """Vietnam ("viet-nam") or a province ("can-tho")."""
        return URIRef(f"{self.base}place/{key}")

    def source(self, source_id: str) -> URIRef:
        """A source file by its id (path relative to the ingested folder); also its named graph."""
        return URIRef(f"{self.base}source/{quote(source_id, safe='/-._~')}")

    def edge(self, source: URIRef, index: int, link: int | None = None) -> URIRef:
        """The node of a source's citation `index`, or of link `link` described in it."""
        return URIRef(f"{source}#c{index}" if link is None else f"{source}#c{index}l{link}")

    def mention(self, source: URIRef, index: int, mention: int) -> URIRef:
        """The node of mention `mention` of citation `index` in a source."""
        return URIRef(f"{source}#c{index}m{mention}")

    def dataset(self) -> URIRef:
        """The dataset as a whole (its VoID description)."""
        return URIRef(self.base)

    def path_of(self, iri: str) -> str | None:
        """The part of `iri` after the base, or None when it is not under the base."""
        return iri[len(self.base) :] if iri.startswith(self.base) else None
