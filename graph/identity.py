"""What identifies an instrument and who issued it, read off an extraction record.

An instrument is identified as Vietnamese practice does: the issuer named in its number-symbol
(with the province for a local body), the year, the type and the number. All the ways a text writes
one instrument ("Nghị quyết 11/NQ-CP", "Nghị quyết số 11/NQ-CP ngày 30 tháng 01 năm 2022 của Chính
phủ") give the same `InstrumentId`; Cần Thơ's 35/KH-UBND and Hải Phòng's do not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import pyoxigraph as ox
from slugify import slugify as _slugify

from graph.vocab import CLASS_OF_CODE, LEX, TYPE_CLASSES, TYPE_CODES
from ingest.find import symbol_of
from ingest.issuers import body_of_number, body_of_phrase, canonical_province
from ingest.tables import ISSUER_TOKENS, TYPE_TOKENS, Issuer, canonical_token, issuer_for_token

# Bodies that issue laws and ordinances, which are often cited by name alone.
_ISSUER_BY_TYPE = {"Luật": "qh", "Bộ luật": "qh", "Hiến pháp": "qh", "Pháp lệnh": "ubtvqh"}
_TOKEN_OF_BODY: dict[Issuer, str] = {body: token for token, body in ISSUER_TOKENS.items()}
# Centrally-run cities have a "Thành ủy" and a "thành phố" People's Committee; provinces a "Tỉnh ủy".
_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
_CENTRAL_LEVELS = {"party_central", "state_central", "ministry"}
VIETNAM = ("viet-nam", "Việt Nam")
_NAME_OF_CLASS: dict[ox.NamedNode, str] = {}
for _name, _cls in TYPE_CLASSES.items():
    _NAME_OF_CLASS.setdefault(_cls, _name)
_NAME_MAX = 80


@lru_cache(maxsize=1 << 16)
def slugify(text: str, max_length: int = 0, word_boundary: bool = False) -> str:
    """python-slugify, cached: the same names and places come back in every document."""
    return _slugify(text, max_length=max_length, word_boundary=word_boundary)


@dataclass(frozen=True, slots=True)
class InstrumentId:
    """The parts of an instrument's IRI.

    >>> InstrumentId("ubnd-can-tho", 2022, "kh", "35", "ubnd").work_key
    'ubnd-can-tho/kh/35'
    """

    issuer: str
    year: int | None
    type_code: str
    number: str
    issuer_token: str

    @property
    def work_key(self) -> str:
        """Issuer, type and number without the year: what an undated mention can be matched on."""
        return f"{self.issuer}/{self.type_code}/{self.number}"

    @property
    def symbol_key(self) -> str:
        """The work key without the province: what a number-symbol alone identifies."""
        return f"{self.issuer_token}/{self.type_code}/{self.number}"

    def under_every_type(self) -> list[InstrumentId]:
        """The same issuer and number under each type: what a number-symbol of unknown or mistaken type
        may name.

        >>> [i.symbol_key for i in InstrumentId("cp", 2022, "nq", "11", "cp").under_every_type()][:3]
        ['cp/nq/11', 'cp/nqlt/11', 'cp/qd/11']
        """
        return [replace(self, type_code=code) for code in TYPE_CODES.values()]

    def recorded(self) -> Recorded:
        """What the default graph records of this identity."""
        return Recorded(CLASS_OF_CODE[self.type_code], self.work_key, self.symbol_key, self.year)


@dataclass(frozen=True, slots=True)
class Recorded:
    """An instrument's identity as the default graph records it (class, keys, year): what derivation
    writes, and reads back from the store for an instrument no record of the run restates."""

    cls: ox.NamedNode
    work_key: str
    symbol_key: str
    year: int | None


@dataclass(frozen=True, slots=True)
class Body:
    """An issuing body: key (its IRI segment), label, level, and province for a local body."""

    key: str
    label: str
    level: str
    province: str | None


def type_class(type_name: str | None, number: str | None) -> ox.NamedNode:
    """The ontology class of an instrument: from its type word, else its symbol's type token.

    >>> type_class(None, "22/KH-UBND").value, type_class("Chương trình", "26-CT/TU").value
    ('https://w3id.org/lexgraph/ontology#Plan', 'https://w3id.org/lexgraph/ontology#Programme')
    """
    if type_name in TYPE_CLASSES:
        return TYPE_CLASSES[type_name]
    symbol = symbol_of(number)
    token = symbol.type_token if symbol else None
    if token is not None and TYPE_TOKENS[token] in TYPE_CLASSES:
        return TYPE_CLASSES[TYPE_TOKENS[token]]
    return LEX.UntypedInstrument


def instrument_label(type_name: str | None, number: str | None, title: str | None) -> str | None:
    """How people write an instrument's name: "Nghị quyết 11/NQ-CP", else its title ("Luật Đầu tư").

    >>> instrument_label("Nghị quyết", "11/NQ-CP", None), instrument_label("Luật", None, "Luật Đầu tư")
    ('Nghị quyết 11/NQ-CP', 'Luật Đầu tư')
    """
    if number:
        return f"{type_name or 'Văn bản'} {number}"
    return title or None


def type_name_of(cls: ox.NamedNode) -> str | None:
    """The Vietnamese type name of an ontology class ("Nghị quyết" for lex:Resolution)."""
    return _NAME_OF_CLASS.get(cls)


def instrument_id(
    type_name: str | None,
    number: str | None,
    year: int | None,
    issuer: str | None,
    jurisdiction: str | None,
    title: str | None,
    fallback: str,
) -> InstrumentId:
    """The identity of an instrument from what a record states about it.

    `fallback` names an instrument that has neither number nor title (a corpus document whose
    header gives no number): its source id.

    >>> instrument_id("Nghị quyết", "11/NQ-CP", 2022, "Chính phủ", None, None, "").work_key
    'cp/nq/11'
    >>> instrument_id("Nghị quyết", "43/2022/QH15", 2022, "Quốc hội", None, None, "").work_key
    'qh/nq/43'
    >>> instrument_id("Kế hoạch", "35/KH-UBND", 2022, "UBND thành phố", "Cần Thơ", None, "").work_key
    'ubnd-can-tho/kh/35'
    >>> instrument_id("Công văn", "964/UBND-GT", 2022, None, "Hải Phòng", None, "").work_key
    'ubnd-hai-phong/cv/964-gt'
    >>> instrument_id("Luật", None, 2020, None, None, "Luật Doanh nghiệp", "").work_key
    'qh/luat/doanh-nghiep'
    """
    symbol = symbol_of(number)
    year = year if year is not None else symbol.year if symbol else None
    cls = type_class(type_name, number)
    type_code = TYPE_CODES[cls]
    issuer_token, extras, lead = (symbol.issuer_token, symbol.extras, symbol.lead) if symbol else (None, (), None)
    body = issuer_for_token(issuer_token) if issuer_token else body_of_phrase(issuer)
    if issuer_token:
        token_seg = slugify(canonical_token(issuer_token).rstrip("0123456789") or issuer_token)
    elif body is not None:
        token_seg = _token_of(body)
    else:
        token_seg = _ISSUER_BY_TYPE.get(type_name or "", "unknown")
    # A body of level "other" (a steering committee) is local when the record places it in a province.
    local = body.local if body is not None and body.level != "other" else jurisdiction is not None
    issuer_seg = token_seg
    if local and jurisdiction:
        issuer_seg = f"{token_seg}-{slugify(jurisdiction)}"
    if lead:
        num = str(int(lead)) if lead.isdigit() else slugify(lead)
        number_seg = "-".join([num, *(slugify(e) for e in extras)]) if extras else num
    elif title:
        name = title
        if type_name and name.casefold().startswith(type_name.casefold() + " "):
            name = name[len(type_name) + 1 :]
        number_seg = slugify(name, max_length=_NAME_MAX, word_boundary=True) or type_code
    else:
        number_seg = "src-" + slugify(fallback, max_length=_NAME_MAX)
    return InstrumentId(issuer_seg, year, type_code, number_seg, token_seg)


def body_of(issuer: str | None, number: str | None, jurisdiction: str | None) -> Body | None:
    """The issuing body a record names, from its issuer phrase or else its number-symbol.

    >>> body_of("UBND thành phố", "35/KH-UBND", "Cần Thơ").key
    'uy-ban-nhan-dan-can-tho'
    >>> body_of("UBND thành phố", "35/KH-UBND", "Cần Thơ").label
    'Ủy ban nhân dân thành phố Cần Thơ'
    >>> body_of("Ban Chấp hành Trung ương Đảng (khóa XII)", "20-NQ/TW", None).label
    'Ban Chấp hành Trung ương Đảng'
    """
    found = body_of_phrase(issuer) or body_of_number(number)
    if found is None:
        return None
    province = canonical_province(jurisdiction) if jurisdiction else None
    if not found.local:
        return Body(slugify(found.name), found.name, found.level, None)
    if found.name in ("Sở", "Ban Chỉ đạo"):
        # Many departments and steering committees: the phrase says which one.
        label = " ".join((issuer or found.name).split())
        if province and province.casefold() not in label.casefold():
            label = f"{label} {province}"
        return Body(slugify(label, max_length=_NAME_MAX, word_boundary=True), label, found.level, province)
    if province is None:
        return Body(slugify(found.name), found.name, found.level, None)
    city = province in _CITIES
    if found.name == "Thành ủy":
        label = f"{'Thành ủy' if city else 'Tỉnh ủy'} {province}"
    else:
        label = f"{found.name} {'thành phố' if city else 'tỉnh'} {province}"
    return Body(f"{slugify(found.name)}-{slugify(province)}", label, found.level, province)


def jurisdiction_of(body: Body | None) -> tuple[str, str] | None:
    """The jurisdiction (key, label) of an instrument its body issued: the province or all Vietnam."""
    if body is None:
        return None
    if body.province:
        return slugify(body.province), body.province
    return VIETNAM if body.level in _CENTRAL_LEVELS else None


def _token_of(body: Issuer) -> str:
    if body in _TOKEN_OF_BODY:
        return slugify(_TOKEN_OF_BODY[body])
    if body.level == "party_central":
        return "tw"
    return slugify(body.name)
