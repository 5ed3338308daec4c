"""The catalogue of Vietnam's laws and codes: where a law's name ends, and which edition a name means.

Laws are cited by name as often as by number ("Luật Đầu tư công", "Luật Đầu tư công ngày 13 tháng 6
năm 2019", "Luật Đầu tư công số 39/2019/QH14"). The catalogue (`ingest/data/laws.tsv`, its sources in
its header) tells where a name ends when the name itself holds commas and "và" ("Luật Phòng, chống tác
hại của rượu, bia"), and which edition a name cited without a number means:

- the edition passed on the date the citation gives, or in the year it gives;
- without a date, the edition in force on the citing document's date;
- otherwise, when two editions remain (no date anywhere, or a new edition passed but not yet in
  force), every candidate is returned and nothing is guessed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Law:
    """One law or code as the catalogue records it."""

    number: str
    type: str
    title: str
    passed: date
    in_force: date | None
    replaces: str | None
    amends: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The laws by folded title, and one pattern for all their names."""

    laws: tuple[Law, ...]
    by_number: dict[str, Law]
    by_title: dict[str, tuple[Law, ...]]
    names: re.Pattern[str]

    def name_end(self, text: str, pos: int) -> int | None:
        """Where the longest catalogue name that starts at `pos` (just after the type word) ends."""
        m = self.names.match(text, pos)
        return m.end() if m else None

    def editions(self, title: str, when: date | None, year: int | None, cited_on: date | None) -> tuple[Law, ...]:
        """The editions a citation by name can mean: one when the catalogue decides, several when it
        cannot, none when the title is not in the catalogue.

        >>> [law.number for law in catalogue().editions("Luật Đầu tư công", None, None, date(2022, 2, 18))]
        ['39/2019/QH14']
        >>> [law.number for law in catalogue().editions("Luật Đầu tư công", None, None, None)]
        ['49/2014/QH13', '39/2019/QH14', '58/2024/QH15']
        """
        candidates = self.by_title.get(fold(title), ())
        if len(candidates) <= 1:
            return candidates
        if when is not None:
            return tuple(law for law in candidates if law.passed == when)
        if year is not None:
            return tuple(law for law in candidates if law.passed.year == year)
        if cited_on is None:
            return candidates
        passed = [law for law in candidates if law.passed <= cited_on]
        if not passed:
            return ()
        newest = passed[-1]
        if newest.in_force is not None and newest.in_force <= cited_on:
            return (newest,)
        # The newest edition was passed but is not yet (or not known to be) in force: either may be meant.
        return tuple(passed[-2:])


def fold(title: str) -> str:
    """A title as compared: case, spacing and commas ignored ("Luật phòng chống tham nhũng")."""
    return " ".join(title.replace(",", " ").split()).casefold()


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with lexgraph, read once."""
    text = files("ingest").joinpath("data/laws.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    laws = tuple(
        Law(
            number=row["number"],
            type=row["type"],
            title=row["title"],
            passed=date.fromisoformat(row["passed"]),
            in_force=date.fromisoformat(row["in_force"]) if row["in_force"] else None,
            replaces=row["replaces"] or None,
            amends=tuple(n.strip() for n in row["amends"].split(",") if n.strip()),
            source=row["source"],
        )
        for row in rows
    )
    by_title: dict[str, list[Law]] = {}
    for law in laws:
        by_title.setdefault(fold(law.title), []).append(law)
    names = {law.title.split(" ", 1 + (law.type == "Bộ luật"))[-1] for law in laws}
    alternation = "|".join(_flexible(name) for name in sorted(names, key=len, reverse=True))
    return Catalogue(
        laws=laws,
        by_number={law.number: law for law in laws},
        by_title={k: tuple(sorted(v, key=lambda law: law.passed)) for k, v in by_title.items()},
        names=re.compile(rf"\s+(?:{alternation})(?!\w)", re.I),
    )


def _flexible(name: str) -> str:
    """A name whose words may be split by any white space and whose commas may have space around them."""
    words = re.split(r"\s*,\s*|\s+", name)
    seps = re.findall(r"\s*,\s*|\s+", name)
    out = [re.escape(words[0])]
    for sep, word in zip(seps, words[1:], strict=True):
        out.append(r"(?:\s*,\s*|\s+)" if "," in sep else r"\s+")
        out.append(re.escape(word))
    return "".join(out)
