"""Listing instruments by type, date, place, issuer and free text, a page at a time.

Every value a user gives enters the query as a term written by Oxigraph's own N-Triples serialiser
(which escapes it), never pasted into the query text as typed; not through VALUES, whose bindings
Virtuoso 7.2 does not see inside a FILTER. Text filters ignore case
and Vietnamese diacritics ("can tho" finds "Cần Thơ"): they compare through `fold`, which the query
does in standard SPARQL (`fold_sparql`), so the embedded store and a SPARQL server answer alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox
from rdflib import URIRef

from graph.queries import Instrument, describe
from graph.store import GraphStore
from graph.vocab import literal
from ingest.issuers import related_provinces
from ingest.tables import PROVINCES

# The letters `fold` takes the marks off, by the letter left: what `fold_sparql` replaces.
_MARKED = {
    "a": "àáảãạăằắẳẵặâầấẩẫậ",
    "e": "èéẻẽẹêềếểễệ",
    "i": "ìíỉĩị",
    "o": "òóỏõọôồốổỗộơờớởỡợ",
    "u": "ùúủũụưừứửữự",
    "y": "ỳýỷỹỵ",
    "d": "đ",
}


def fold(text: str) -> str:
    """`text` without case or diacritics, for matching what people type against Vietnamese labels.

    >>> fold("Ủy ban nhân dân thành phố Cần Thơ")
    'uy ban nhan dan thanh pho can tho'
    >>> fold("ĐẦU TƯ")
    'dau tu'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_sparql(expression: str) -> str:
    """`fold` as a SPARQL 1.1 expression over `expression`, for Vietnamese text (NFC, as extraction writes it).

    >>> fold_sparql("?t")[:40]
    'LCASE(STR(REPLACE(STR(REPLACE(STR(REPLAC'
    """
    # Each step's input goes through STR: Virtuoso 7.2 matches no non-ASCII letter in the result of a REPLACE.
    for plain, marked in _MARKED.items():
        expression = f'REPLACE(STR({expression}), "[{marked}{marked.upper()}]", "{plain}")'
    return f"LCASE(STR({expression}))"


@dataclass(frozen=True, slots=True)
class Filters:
    """What to list; None means no condition. `type` is a type code ("kh") or name ("Kế hoạch")."""

    type: str | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    jurisdiction: str | None = None
    issuer: str | None = None
    text: str | None = None
    in_corpus: bool | None = None


def _where(store: GraphStore, filters: Filters) -> str | None:
    """The graph pattern for `filters`, or None when a filter matches nothing.

    Types, places and issuing bodies are few: their labels are matched here in Python and the query
    gets their IRIs. Only the free text is folded inside the query, one title at a time.
    """
    parts = ["?x a lex:Instrument ; lex:workKey ?key ."]

    def one_of(variable: str, iris: list[ox.NamedNode]) -> str:
        return f"VALUES ?{variable} {{ {' '.join(str(i) for i in iris)} }}"

    if filters.type is not None:
        want = fold(filters.type.strip())
        classes = _matching(store, "?v lex:typeCode ?code ; rdfs:label ?label",
                            lambda code, label: want in (fold(code), fold(label)))
        if not classes:
            return None
        parts.append(f"{one_of('cls', classes)} ?x a ?cls .")
    if filters.year is not None:
        parts.append(f"?x lex:year {ox.Literal(filters.year)} .")
    if filters.date_from is not None or filters.date_to is not None:
        parts.append("?x eli:date_document ?date .")
        if filters.date_from is not None:
            parts.append(f"FILTER (?date >= {literal(filters.date_from)})")
        if filters.date_to is not None:
            parts.append(f"FILTER (?date <= {literal(filters.date_to)})")
    # (words given, how the named things are labelled, variable, how an instrument points at them)
    labelled = [
        (filters.jurisdiction, "?v a lex:Jurisdiction ; skos:prefLabel ?label", "place", "eli:jurisdiction"),
        (filters.issuer, "?v a lex:IssuingBody ; rdfs:label ?label", "body", "eli:passed_by"),
    ]
    for given, pattern, variable, link in labelled:
        if given is None:
            continue
        want = fold(given.strip())
        also = _merged_with(want) if variable == "place" else set()
        found = _matching(store, pattern,
                          lambda label, want=want, also=also: want in fold(label) or fold(label) in also)
        if not found:
            return None
        parts.append(f"{one_of(variable, found)} ?x {link} ?{variable} .")
    if filters.text is not None:
        want = ox.Literal(fold(filters.text.strip()))
        parts.append(f"FILTER EXISTS {{ ?x rdfs:label|eli:title ?words ."
                     f" FILTER (CONTAINS({fold_sparql('?words')}, {want})) }}")
    if filters.in_corpus is True:
        parts.append("FILTER EXISTS { ?x lex:source ?file }")
    elif filters.in_corpus is False:
        parts.append("FILTER NOT EXISTS { ?x lex:source ?file }")
    return "\n  ".join(parts)


def _merged_with(want: str) -> set[str]:
    """The folded names of the provinces the 2025 reorganisation joined with those `want` names."""
    named = [p for p in PROVINCES if want in fold(p)]
    return {fold(related) for p in named for related in related_provinces(p)}


def _matching(store: GraphStore, pattern: str, keep) -> list[ox.NamedNode]:
    """The ?v of `pattern` whose other variables' values (in order) satisfy `keep`."""
    result = store.query(f"SELECT DISTINCT * WHERE {{ {pattern} }}")
    names = [v.value for v in result.variables if v.value != "v"]
    return sorted({row["v"] for row in result if keep(*(row[n].value for n in names))}, key=str)


def list_instruments(
    store: GraphStore, filters: Filters, limit: int = 50, offset: int = 0
) -> tuple[int, list[Instrument]]:
    """The number of instruments matching `filters`, and one page of them: newest first, then by IRI."""
    where = _where(store, filters)
    if where is None:
        return 0, []
    count = store.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}")
    total = int(next(iter(count))["n"].value)
    page = store.query(
        f"""SELECT DISTINCT ?x ?sortDate WHERE {{ {where} OPTIONAL {{ ?x eli:date_document ?sortDate }} }}
            ORDER BY DESC(?sortDate) ?x LIMIT {int(limit)} OFFSET {int(offset)}"""
    )
    iris = [URIRef(row["x"].value) for row in page]
    described = describe(store, iris)
    return total, [described[i] for i in iris if i in described]

