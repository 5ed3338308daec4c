"""The questions people ask of the graph, as SPARQL, and the lookups that turn what they type into IRIs.

Each named query is a function returning frozen rows; the SPARQL text behind it is available too
(`tree_sparql`), so a user can run or adapt it anywhere a SPARQL endpoint is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal as OneOf

import pyoxigraph as ox
from rdflib import Literal, URIRef

from graph.identity import instrument_id
from graph.store import GraphStore
from graph.vocab import ENDS_FORCE, RELATION_NAMES
from ingest import extract_text
from ingest.records import Subdivision

_ORDER = list(RELATION_NAMES.values())


class LookupFailed(LookupError):
    """An identifier the graph does not know, or knows several instruments by."""

    def __init__(self, message: str, candidates: list[Instrument] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


@dataclass(frozen=True, slots=True)
class Instrument:
    """An instrument as lists show it."""

    iri: URIRef
    label: str
    type: str | None
    date: date | None
    year: int | None
    issuer: str | None
    jurisdiction: str | None
    in_corpus: bool
    title: str | None = None
    level: str | None = None
    cited_by: int = 0
    number: str | None = None
    signer: str | None = None
    # A corpus document replaces or repeals it as a whole (see `status` for since when and why).
    superseded: bool = False


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One document in an implementation tree: its depth, the instrument it carries out, and how.

    `lag_days` counts from the instrument the tree was asked for (how fast it was carried out, at any
    depth); `lag_from_parent` from the instrument this document carries out.
    """

    depth: int
    instrument: Instrument
    parent: URIRef
    relations: tuple[str, ...]
    lag_days: int | None
    sentence: str | None
    lag_from_parent: int | None = None


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """One edge with its evidence: who states it, the relations, the quoted sentence and where it is."""

    other: Instrument
    relations: tuple[str, ...]
    stated_in: URIRef
    sentence: str | None
    source: str | None
    line: int | None


_DESCRIBE = """
  OPTIONAL { ?x rdfs:label ?label }
  OPTIONAL { ?x a ?cls . ?cls lex:typeCode ?code ; rdfs:label ?type . FILTER (LANG(?type) = "vi") }
  OPTIONAL { ?x eli:date_document ?date }
  OPTIONAL { ?x lex:year ?year }
  OPTIONAL { ?x eli:title ?title }
  OPTIONAL { ?x eli:passed_by ?body . ?body rdfs:label ?issuer . OPTIONAL { ?body lex:level/lex:levelCode ?level } }
  OPTIONAL { ?x eli:jurisdiction/skos:prefLabel ?jurisdiction }
  OPTIONAL { ?x lex:citedByCount ?n }
  OPTIONAL { ?x eli:id_local ?number }
  OPTIONAL { ?x lex:signer ?signer }
  BIND (EXISTS { ?x lex:source ?file } AS ?text)
  BIND (EXISTS { ?x eli:in_force eli:InForce-notInForce } AS ?ended)
"""
_DESCRIBE_VARS = "?label ?type ?date ?year ?title ?issuer ?level ?jurisdiction ?n ?number ?signer ?text ?ended"


def describe(store: GraphStore, iris: list[URIRef] | None) -> dict[URIRef, Instrument]:
    """The list view of each instrument in `iris` that the graph knows; of every instrument for None."""
    if iris is not None and not iris:
        return {}
    values = f"VALUES ?x {{ {' '.join(i.n3() for i in sorted(set(iris)))} }}" if iris is not None else ""
    out: dict[URIRef, Instrument] = {}
    sparql = f"SELECT ?x {_DESCRIBE_VARS} WHERE {{ {values} ?x lex:workKey ?k . {_DESCRIBE} }}"
    for row in store.select(sparql):
        x = row["x"]
        if x in out:
            continue
        out[x] = Instrument(
            iri=x,
            label=str(row.get("label", x)),
            type=_str(row.get("type")),
            date=row["date"].toPython() if "date" in row else None,
            year=int(row["year"]) if "year" in row else None,
            issuer=_str(row.get("issuer")),
            jurisdiction=_str(row.get("jurisdiction")),
            in_corpus=bool(row["text"].toPython()),
            title=_str(row.get("title")),
            level=_str(row.get("level")),
            cited_by=int(row["n"]) if "n" in row else 0,
            number=_str(row.get("number")),
            signer=_str(row.get("signer")),
            superseded=bool(row["ended"].toPython()),
        )
    return out


def lookup(store: GraphStore, text: str, year: int | None = None) -> list[URIRef]:
    """The instruments `text` names: an IRI, an IRI path ("eli/vn/cp/2022/nq/11"), a number-symbol
    ("11/NQ-CP", "43/2022/QH15") or a citation ("Nghị quyết số 11/NQ-CP ngày 30/01/2022", "Luật Đầu tư").

    `year` narrows a number-symbol that several years share. Returns every match, best first.
    """
    text = " ".join(text.split())
    if text.startswith(("http://", "https://", "urn:")):
        candidate = text
    elif text.startswith("eli/"):
        candidate = store.iris.base + text
    else:
        return _by_citation(store, text, year)
    if not _is_iri(candidate):
        return []
    iri = URIRef(candidate)
    return [iri] if store.select(f"SELECT ?k WHERE {{ {iri.n3()} lex:workKey ?k }}") else []


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def lookup_one(store: GraphStore, text: str, year: int | None = None) -> URIRef:
    """The one instrument `text` names; raises `LookupFailed` (with candidates) when none or several."""
    found = lookup(store, text, year)
    if len(found) == 1:
        return found[0]
    if not found:
        if year:
            raise LookupFailed(f"no instrument {text!r} in {year} in the graph; check the number-symbol, or try "
                               "without --year")
        raise LookupFailed(f"no instrument {text!r} in the graph; check the number-symbol (as the documents write "
                           "it, e.g. 11/NQ-CP), or give a citation or an IRI")
    described = describe(store, found)
    raise LookupFailed(
        f"{text!r} names {len(found)} instruments; add --year or give the IRI path",
        [described[f] for f in found if f in described],
    )


def _by_citation(store: GraphStore, text: str, year: int | None) -> list[URIRef]:
    record = extract_text(text)
    if record.citations:
        c = record.citations[0]
        ident = instrument_id(c.type, c.number, c.year, c.issuer, c.jurisdiction, c.title, "")
        keys = [ident.symbol_key]
        year = year or c.year
        typed = c.type is not None
    else:
        ident = instrument_id(None, text, None, None, None, None, "")
        year = year or ident.year  # a normative symbol's year ("43/2022/QH15")
        keys = [ident.symbol_key]
        typed = ident.type_code != "vb"
    if not typed:
        keys = [i.symbol_key for i in ident.under_every_type()]
    values = " ".join(Literal(k).n3() for k in keys)
    year_filter = f"FILTER (?y = {int(year)})" if year else ""
    rows = store.select(
        f"""SELECT ?x ?y ?n WHERE {{ VALUES ?k {{ {values} }} ?x lex:symbolKey ?k .
              OPTIONAL {{ ?x lex:year ?y }} OPTIONAL {{ ?x lex:citedByCount ?n }} {year_filter} }}
            ORDER BY DESC(?n) ?x"""
    )
    return list(dict.fromkeys(r["x"] for r in rows))


def tree_sparql(store: GraphStore, target: URIRef, batch: int = 1000) -> list[str]:
    """The queries `implementers` runs for `target`, in order, each with its PREFIX lines (ready to paste):
    the instruments of the tree, then their implementers `batch` instruments at a time, each with the
    instrument it carries out and how. Running the first here gives the instruments the others list.

    Two steps, not one query joining both: Oxigraph evaluates the joined path once per document in the
    graph, and Virtuoso 7.2 answers the join under a subquery with no rows.
    """
    members = f"SELECT DISTINCT ?parent WHERE {{ ?parent lex:inImplementationOf* {target.n3()} }}"
    parents = [r["parent"] for r in store.select(members)]
    queries = [members]
    for k in range(0, len(parents), batch):
        values = " ".join(p.n3() for p in parents[k:k + batch])
        queries.append(f"""SELECT ?document ?parent (GROUP_CONCAT(DISTINCT STR(?relation); separator=" ") AS ?relations)
WHERE {{
  VALUES ?parent {{ {values} }}
  ?document lex:inImplementationOf ?parent ; ?relation ?parent .
  FILTER (?relation IN (lex:implements, eli:based_on))
}}
GROUP BY ?document ?parent""")
    return [store.prologue() + q for q in queries]


def implementers(store: GraphStore, target: URIRef, depth: int | None = None) -> list[TreeRow]:
    """The implementation tree below `target`, breadth first, each document once at its shallowest depth;
    within a depth, in order of date (undated last)."""
    children: dict[URIRef, list[dict]] = defaultdict(list)
    for query in tree_sparql(store, target)[1:]:
        for row in store.select(query):
            children[row["parent"]].append(row)
    level = [target]
    seen = {target}
    found: list[tuple[int, dict]] = []
    d = 0
    while level and (depth is None or d < depth):
        d += 1
        nxt = []
        for parent in level:
            for row in sorted(children.get(parent, []), key=lambda r: str(r["document"])):
                if row["document"] in seen:
                    continue
                seen.add(row["document"])
                found.append((d, row))
                nxt.append(row["document"])
        level = nxt
    described = describe(store, [target, *(r["document"] for _, r in found)])
    first = _first_sentences(store, [(r["document"], r["parent"]) for _, r in found])
    root = described.get(target)
    out = []
    for d, row in found:
        doc, parent = described.get(row["document"]), described.get(row["parent"])
        if doc is None:
            continue
        rels = tuple(sorted({RELATION_NAMES[r] for r in str(row["relations"]).split()}, key=_ORDER.index))
        sentence = first.get((row["document"], row["parent"], rels[0]))
        out.append(TreeRow(d, doc, row["parent"], rels, _days(root, doc), sentence, _days(parent, doc)))
    return sorted(out, key=lambda r: (r.depth, r.instrument.date or date.max, r.instrument.label))


TreeOrder = OneOf["depth", "date", "lag"]


def sort_tree(rows: list[TreeRow], order: TreeOrder = "depth") -> list[TreeRow]:
    """Tree rows in the order a reader asks for: by depth (then date, as `implementers` gives them), by date,
    or by lag from the instrument asked about (fastest first); undated rows last."""
    if order == "depth":
        return list(rows)
    if order == "date":
        return sorted(rows, key=lambda r: (r.instrument.date or date.max, r.depth, r.instrument.label))
    return sorted(rows, key=lambda r: (r.lag_days is None, r.lag_days or 0, r.depth, r.instrument.label))


def _days(earlier: Instrument | None, later: Instrument) -> int | None:
    return (later.date - earlier.date).days if later.date and earlier and earlier.date else None


def _first_sentences(store: GraphStore, pairs: list[tuple[URIRef, URIRef]]) -> dict[tuple[URIRef, URIRef, str], str]:
    """For each (document, parent) pair and relation, the first sentence stating it."""
    found: list[tuple[tuple[URIRef, URIRef, str], URIRef]] = []
    for k in range(0, len(pairs), 500):
        values = " ".join(f"({a.n3()} {b.n3()})" for a, b in pairs[k:k + 500])
        found += [((r["a"], r["b"], RELATION_NAMES[str(r["rel"])]), r["edge"]) for r in store.select(
            f"""SELECT ?edge ?a ?b ?rel WHERE {{ VALUES (?a ?b) {{ {values} }}
                  ?edge lex:from ?a ; lex:to ?b ; lex:relation ?rel }}""")]
    return {key: m.sentence for key, m in _earliest(store, found).items()}


@dataclass(frozen=True, slots=True, order=True)
class _Mention:
    """Where a mention is, in the order "first" means: file, line, offset."""

    file: str
    line: int
    start: int
    sentence: str


def _earliest(store: GraphStore, edges: list[tuple]) -> dict:
    """For each key of `edges` ((key, edge node) pairs), the first mention of any of its edge nodes: the
    fullest one, the title or the "Căn cứ" clause. The one evidence rule of every answer and view."""
    first_of_edge: dict[URIRef, _Mention] = {}
    ordered = sorted({edge for _, edge in edges})
    for k in range(0, len(ordered), 1000):
        values = " ".join(e.n3() for e in ordered[k:k + 1000])
        for row in store.select(
            f"""SELECT ?edge ?sentence ?line ?start ?file WHERE {{ VALUES ?edge {{ {values} }}
                  ?edge lex:hasMention ?m . ?m lex:sentence ?sentence ; lex:line ?line ; lex:start ?start ;
                  lex:inSource/lex:fileName ?file }}"""
        ):
            mention = _Mention(str(row["file"]), int(row["line"]), int(row["start"]), str(row["sentence"]))
            if row["edge"] not in first_of_edge or mention < first_of_edge[row["edge"]]:
                first_of_edge[row["edge"]] = mention
    first: dict = {}
    for key, edge in edges:
        mention = first_of_edge.get(edge)
        if mention is not None and (key not in first or mention < first[key]):
            first[key] = mention
    return first


def cites(store: GraphStore, subject: URIRef) -> list[EdgeRow]:
    """What `subject` cites (as a corpus document) or is described as linked to, with evidence."""
    return edge_page(store, subject, cited=False).rows


def cited_by(store: GraphStore, subject: URIRef) -> list[EdgeRow]:
    """Everything that cites `subject` or is described as linked to it, with evidence."""
    return edge_page(store, subject, cited=True).rows


@dataclass(frozen=True, slots=True)
class EdgePage:
    """Rows `offset` on of the edges at an instrument, and how many there are in all."""

    total: int
    rows: list[EdgeRow]


def edge_page(store: GraphStore, subject: URIRef, cited: bool, limit: int | None = None,
              offset: int = 0) -> EdgePage:
    """The edges citing `subject` (`cited`) or that it states, in order of the other end's label and the
    stating document, `limit` of them from `offset`: only that page is described and given its evidence,
    so a resolution cited thousands of times answers a page at once."""
    here, there = ("lex:to", "lex:from") if cited else ("lex:from", "lex:to")
    rows = store.select(
        f"""SELECT ?edge ?other ?doc ?rel ?label WHERE {{
              ?edge {here} {subject.n3()} ; {there} ?other ; lex:statedIn ?doc ; lex:relation ?rel
              OPTIONAL {{ ?other rdfs:label ?label }} }}"""
    )
    # One row per instrument and stating document: a citation and the change the same text makes to the
    # same instrument ("cites, replaces") are one edge to a reader.
    edges: dict[tuple[URIRef, URIRef], dict] = {}
    for row in rows:
        edge = edges.setdefault((row["other"], row["doc"]), {"other": row["other"], "doc": row["doc"], "rels": set(),
                                                             "nodes": set(),
                                                             "label": str(row.get("label", row["other"]))})
        edge["rels"].add(RELATION_NAMES[str(row["rel"])])
        edge["nodes"].add(row["edge"])
    ordered = sorted(edges, key=lambda e: (edges[e]["label"], str(edges[e]["doc"]), str(e[0])))
    page = ordered[offset:None if limit is None else offset + limit]
    first = _earliest(store, [(key, node) for key in page for node in edges[key]["nodes"]])
    described = describe(store, [edges[e]["other"] for e in page])
    out = []
    for key in page:
        edge = edges[key]
        other = described.get(edge["other"])
        if other is None:
            continue
        mention = first.get(key)
        out.append(EdgeRow(
            other, tuple(sorted(edge["rels"], key=_ORDER.index)), edge["doc"],
            mention.sentence if mention else None, mention.file if mention else None,
            mention.line if mention else None,
        ))
    return EdgePage(len(edges), out)


def edge_evidence(store: GraphStore, among: list[URIRef]) -> dict[tuple[str, str], tuple[str, str]]:
    """For each edge between two of `among`, its first supporting sentence and where it is ("file:line")."""
    members = {str(i) for i in among}
    ordered = sorted(set(among))
    found: list[tuple[tuple[str, str], URIRef]] = []
    for k in range(0, len(ordered), 500):
        values = " ".join(i.n3() for i in ordered[k:k + 500])
        found += [((str(r["from"]), str(r["to"])), r["edge"]) for r in store.select(
            f"SELECT ?edge ?from ?to WHERE {{ VALUES ?from {{ {values} }} ?edge lex:from ?from ; lex:to ?to }}")
            if str(r["to"]) in members]
    return {key: (m.sentence, f"{m.file}:{m.line}") for key, m in _earliest(store, found).items()}


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source file that holds an instrument's full text."""

    iri: URIRef
    file: str
    path: str
    sha256: str


def sources(store: GraphStore, subject: URIRef) -> list[SourceRow]:
    """The source files whose text is `subject`'s."""
    rows = store.select(
        f"""SELECT ?s ?file ?path ?sha WHERE {{ {subject.n3()} lex:source ?s .
              ?s lex:fileName ?file ; lex:sha256 ?sha . OPTIONAL {{ ?s lex:path ?path }} }} ORDER BY ?file"""
    )
    return [SourceRow(r["s"], str(r["file"]), str(r.get("path", "")), str(r["sha"])) for r in rows]


def description_sparql(subject: URIRef) -> str:
    """A CONSTRUCT of what the graph says about `subject` as Linked Data: its own triples (every graph),
    its bodies and place, and each edge to or from it with its mentions."""
    x = subject.n3()
    return f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  {{ {x} ?p ?o . BIND ({x} AS ?s) }}
  UNION {{ {x} eli:passed_by|eli:jurisdiction ?s . ?s ?p ?o }}
  UNION {{ ?s lex:from|lex:to {x} ; ?p ?o }}
  UNION {{ ?e lex:from|lex:to {x} ; lex:hasMention ?s . ?s ?p ?o }}
}}"""


def top_cited(store: GraphStore, n: int = 20) -> list[tuple[URIRef, str, int]]:
    """The `n` instruments cited by the most documents: (IRI, label, count), ties in label order.

    Sorting on the count alone takes Oxigraph milliseconds, and a string tie-break in the ORDER BY
    hundreds of them; so the count of the n-th is found first, and the ties are ordered here.
    """
    nth = store.select(f"SELECT ?n WHERE {{ ?x lex:citedByCount ?n }} ORDER BY DESC(?n) LIMIT {int(n)}")
    if not nth:
        return []
    floor = int(nth[-1]["n"])
    rows = store.select(f"""SELECT ?x ?label ?n WHERE {{ ?x lex:citedByCount ?n . FILTER (?n >= {floor})
                              OPTIONAL {{ ?x rdfs:label ?label }} }}""")
    ranked = sorted(((r["x"], str(r.get("label", r["x"])), int(r["n"])) for r in rows), key=lambda t: (-t[2], t[1]))
    return ranked[:n]


def stats(store: GraphStore) -> dict[str, bool | int | list[tuple[str, int]]]:
    """Counts of what the graph holds, the most cited instruments, and whether an ingest was stopped
    before it finished (the next ingest finishes it)."""
    def count(where: str, what: str = "*") -> int:
        rows = store.select(f"SELECT (COUNT({what}) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"]) if rows else 0

    top = top_cited(store, 10)
    by_relation = store.select(
        """SELECT ?rel (COUNT(*) AS ?n) WHERE { ?a ?rel ?b .
             FILTER (?rel IN (eli:cites, eli:based_on, lex:implements, lex:guides, lex:replaces, eli:amends,
                              eli:repeals, lex:inImplementationOf)) } GROUP BY ?rel ORDER BY ?rel"""
    )
    return {
        "quads": len(store),
        "source files": count("?s a lex:SourceFile"),
        "instruments": count("?x a lex:Instrument"),
        # One instrument read from two files (a .txt and a .docx of one plan) is one instrument.
        "instruments with full text": count("?x a lex:Instrument ; lex:source ?s", "DISTINCT ?x"),
        "instruments known only from citations": count(
            "?x a lex:Instrument FILTER NOT EXISTS { ?x lex:source ?s }"),
        "undated instruments": count("?x a lex:Instrument FILTER NOT EXISTS { ?x lex:year ?y }"),
        "citation nodes": count("?c a lex:Citation"),
        "described links": count("?c a lex:DescribedLink"),
        "mentions": count("?m a lex:Mention"),
        "issuing bodies": count("?b a lex:IssuingBody"),
        "jurisdictions": count("?j a lex:Jurisdiction"),
        "edges by relation": [(str(r["rel"]).rsplit("#", 1)[-1], int(r["n"])) for r in by_relation],
        "most cited": [(label, n) for _iri, label, n in top],
        "interrupted ingest": store.derivation_pending(),
    }


def _str(value) -> str | None:
    return str(value) if value is not None else None


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """A change a corpus document states it makes to an instrument, with its evidence."""

    document: Instrument
    relation: str
    effective: date | None
    whole: bool
    articles: tuple[str, ...]
    sentence: str | None
    source: str | None
    line: int | None

    @property
    def ends_force(self) -> bool:
        """Whether it replaces or repeals the instrument as a whole (the rule `graph.derive` derives by)."""
        return self.whole and self.relation in _ENDING


_ENDING = frozenset(RELATION_NAMES[p.value] for p in ENDS_FORCE)


@dataclass(frozen=True, slots=True)
class Status:
    """Whether an instrument is in force on a day, as far as the corpus knows, and why.

    `in_force` is False once a document that replaces or repeals it as a whole has taken effect (`until` is
    its last day in force), or before its own stated entry into force (`since`); True otherwise. `reason`
    says which, in a sentence; `changes` lists every change corpus documents make to it, with evidence.
    """

    instrument: Instrument
    on: date
    in_force: bool
    since: date | None
    until: date | None
    from_signing: bool
    reason: str
    changes: tuple[ChangeRow, ...]

    def by(self, *relations: str) -> list[ChangeRow]:
        """The changes of the given relations ("replaces", "repeals", "amends")."""
        return [c for c in self.changes if c.relation in relations]

    def ended_by(self) -> list[ChangeRow]:
        """The changes that end its force: whole replacements and repeals."""
        return [c for c in self.changes if c.ends_force]


CORPUS_CAVEAT = "as far as this corpus knows"


def changes_to(store: GraphStore, subject: URIRef) -> list[ChangeRow]:
    """Every change corpus documents state they make to `subject`, earliest effect first."""
    rows = store.select(
        f"""SELECT ?change ?doc ?rel ?whole ?from ?article WHERE {{
              ?change a lex:Change ; lex:to {subject.n3()} ; lex:statedIn ?doc ; lex:relation ?rel ; lex:wholly ?whole
              OPTIONAL {{ ?change lex:effectiveFrom ?from }}
              OPTIONAL {{ ?change lex:touches/rdfs:label ?article }} }}"""
    )
    changes: dict[URIRef, dict] = {}
    for row in rows:
        c = changes.setdefault(row["change"], {"doc": row["doc"], "rel": RELATION_NAMES[str(row["rel"])],
                                                "whole": bool(row["whole"].toPython()), "articles": [],
                                                "from": row["from"].toPython() if "from" in row else None})
        if "article" in row and str(row["article"]) not in c["articles"]:
            c["articles"].append(str(row["article"]))
    first = _earliest(store, [(node, node) for node in changes])
    described = describe(store, [c["doc"] for c in changes.values()])
    out = []
    for node, c in changes.items():
        if c["doc"] not in described:
            continue
        mention = first.get(node)
        articles = sorted((Subdivision.parse(a) for a in c["articles"]), key=Subdivision.sort_key)
        out.append(ChangeRow(described[c["doc"]], c["rel"], c["from"], c["whole"], tuple(str(a) for a in articles),
                             mention.sentence if mention else None, mention.file if mention else None,
                             mention.line if mention else None))
    return sorted(out, key=lambda r: (r.effective or date.max, r.document.label, r.relation))


def status(store: GraphStore, subject: URIRef, on: date | None = None) -> Status:
    """Whether `subject` is in force on `on` (today by default), as far as the corpus knows: read from the
    status `graph.derive` gives it and from its own stated entry into force, with every change to it."""
    on = on or date.today()
    instrument = describe(store, [subject])[subject]
    rows = store.select(
        f"""SELECT ?p ?o WHERE {{ {subject.n3()} ?p ?o FILTER (?p IN (eli:in_force, eli:first_date_entry_in_force,
              eli:date_no_longer_in_force, lex:inForceFromSigning)) }}"""
    )
    facts: dict[str, list] = defaultdict(list)
    for row in rows:
        facts[str(row["p"]).rsplit("#", 1)[-1]].append(row["o"])
    since = min((o.toPython() for o in facts["first_date_entry_in_force"]), default=None)
    until = min((o.toPython() for o in facts["date_no_longer_in_force"]), default=None)
    ended = any(str(o).endswith("InForce-notInForce") for o in facts["in_force"])
    changes = tuple(changes_to(store, subject))
    enders = [c for c in changes if c.ends_force]
    if ended and until is None:
        in_force, reason = False, f"{_names(enders)} {CORPUS_CAVEAT}; the text does not say from when"
    elif until is not None and until < on:
        in_force = False
        reason = (f"no longer in force since {(until + timedelta(days=1)).isoformat()}: "
                  f"{_names(enders) if enders else 'its own text sets that end'}, {CORPUS_CAVEAT}")
    elif since is not None and since > on:
        in_force, reason = False, f"not yet in force: it enters into force on {since.isoformat()}, {CORPUS_CAVEAT}"
    else:
        in_force = True
        reason = (f"in force {CORPUS_CAVEAT}"
                  + (f" until {until.isoformat()} ({_names(enders)})" if until and enders else
                     f" until {until.isoformat()}" if until else ": no corpus document replaces or repeals it"))
    return Status(instrument, on, in_force, since, until, bool(facts["inForceFromSigning"]), reason, changes)


def _names(changes: list[ChangeRow]) -> str:
    verbs = {"replaces": "replaced by", "repeals": "repealed by"}
    return "; ".join(f"{verbs[c.relation]} {c.document.label}" for c in changes) or "ended"
