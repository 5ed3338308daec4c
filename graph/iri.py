"""Every IRI the graph uses is minted here, from a configurable base.

Instruments get ELI-style readable paths, ``{base}eli/vn/{issuer}/{year}/{type}/{number}``, with
``undated`` for a year no text states. Issuing bodies, jurisdictions, source files (which also name
the named graph holding the file's triples) and the edge and mention nodes inside a source follow.

>>> from graph.identity import InstrumentId
>>> iris = Iris("https://example.org/")
>>> iris.instrument(InstrumentId("cp", 2022, "nq", "11", "cp"))
<NamedNode value=https://example.org/eli/vn/cp/2022/nq/11>
>>> iris.instrument(InstrumentId("ubnd-can-tho", None, "kh", "35", "ubnd"))
<NamedNode value=https://example.org/eli/vn/ubnd-can-tho/undated/kh/35>
>>> iris.source("raw/Kế hoạch 35.txt")
<NamedNode value=https://example.org/source/raw/K%E1%BA%BF%20ho%E1%BA%A1ch%2035.txt>
>>> iris.edge(iris.source("a.txt"), 3)
<NamedNode value=https://example.org/source/a.txt#c3>
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

if TYPE_CHECKING:
    from graph.identity import InstrumentId
    from ingest.records import Subdivision

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

    def instrument(self, ident: InstrumentId) -> ox.NamedNode:
        """An instrument: issuer segment, year (None: undated), type code, number segment."""
        year = ident.year if ident.year else UNDATED
        return ox.NamedNode(f"{self.base}eli/vn/{ident.issuer}/{year}/{ident.type_code}/{ident.number}")

    def subdivision(self, instrument: ox.NamedNode, sub: Subdivision) -> list[ox.NamedNode]:
        """The nodes of a subdivision under its instrument, from the article down to `sub` itself:
        ``…/dieu/5``, ``…/dieu/5/khoan/2``, ``…/dieu/5/khoan/2/diem/a``.

        >>> from ingest.records import Subdivision
        >>> decree = ox.NamedNode("https://example.org/eli/vn/cp/2020/nd/15")
        >>> [n.value for n in Iris("https://example.org/").subdivision(decree, Subdivision("5", "2", "đ"))][-1]
        'https://example.org/eli/vn/cp/2020/nd/15/dieu/5/khoan/2/diem/%C4%91'
        """
        return [ox.NamedNode(instrument.value + "".join(
            f"/{segment}/{quote(value, safe='')}"
            for segment, value in (("dieu", level.article), ("khoan", level.clause), ("diem", level.point)) if value
        )) for level in sub.levels()]

    def body(self, key: str) -> ox.NamedNode:
        """An issuing body by its key ("chinh-phu", "uy-ban-nhan-dan-can-tho")."""
        return ox.NamedNode(f"{self.base}body/{key}")

    def jurisdiction(self, key: str) -> ox.NamedNode:
        """Vietnam ("viet-nam") or a province ("can-tho")."""
        return ox.NamedNode(f"{self.base}place/{key}")

    def source(self, source_id: str) -> ox.NamedNode:
        """A source file by its id (path relative to the ingested folder); also its named graph."""
        return ox.NamedNode(f"{self.base}source/{quote(source_id, safe='/-._~')}")

    def edge(self, source: ox.NamedNode, index: int, link: int | None = None) -> ox.NamedNode:
        """The node of a source's citation `index`, or of link `link` described in it."""
        return ox.NamedNode(f"{source.value}#c{index}" if link is None else f"{source.value}#c{index}l{link}")

    def change(self, source: ox.NamedNode, index: int, change: int) -> ox.NamedNode:
        """The node of change `change` the document makes to the instrument of its citation `index`."""
        return ox.NamedNode(f"{source.value}#c{index}x{change}")

    def change_mention(self, source: ox.NamedNode, index: int, change: int) -> ox.NamedNode:
        """The node of the sentence that states change `change` of citation `index`."""
        return ox.NamedNode(f"{source.value}#c{index}x{change}m")

    def mention(self, source: ox.NamedNode, index: int, mention: int) -> ox.NamedNode:
        """The node of mention `mention` of citation `index` in a source."""
        return ox.NamedNode(f"{source.value}#c{index}m{mention}")

    def dataset(self) -> ox.NamedNode:
        """The dataset as a whole (its VoID description)."""
        return ox.NamedNode(self.base)

    def path_of(self, iri: str) -> str | None:
        """The part of `iri` after the base, or None when it is not under the base."""
        return iri[len(self.base) :] if iri.startswith(self.base) else None
