"""Article-level citations: the Điều, khoản and điểm of an instrument a text cites.

"điểm a, b khoản 1 Điều 3 và Điều 5 Nghị định số 15/2020/NĐ-CP" cites three subdivisions of one decree.
A run of subdivisions belongs to the instrument mentioned right after it; a run followed by "này"
("khoản 1 Điều này", "Điều 3 Quyết định này") or by nothing names the document's own articles and is
no citation. Each is a `Subdivision`, written in the normal form of ``SCHEMA.md``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ingest import patterns as P
from ingest.records import Mention, Subdivision

_RUN_GAP = 40
_SLACK = 24
_LIST_GAP = 300


@dataclass(frozen=True, slots=True)
class Run:
    """One run of subdivisions: where it lies, what it names, and the mention it belongs to (None when
    no instrument follows it)."""

    start: int
    end: int
    items: tuple[Subdivision, ...]
    target: int | None


def find_runs(text: str, mentions: list[Mention]) -> list[Run]:
    """Every run of subdivisions in cleaned `text` outside quoted wording, with its instrument."""
    quoted = [(m.start(), m.end()) for m in P.QUOTED.finditer(text)]
    starts = [m.start for m in mentions]
    runs: list[Run] = []
    pos = 0
    while (first := P.SUBDIVISION.search(text, pos)) is not None:
        items, end = _read_run(text, first.start())
        pos = max(end, first.end())
        if not items or _inside(first.start(), quoted):
            continue
        gap = P.SUBDIVISION_TO_INSTRUMENT.match(text, end)
        at = gap.end() if gap else end
        k = bisect.bisect_left(starts, at)
        target = None
        if k < len(mentions) and (mentions[k].start == at or (
                mentions[k].start - at <= _SLACK and P.TARGET_SLACK.fullmatch(text, at, mentions[k].start))):
            target = k
        runs.append(Run(first.start(), end, items, target))
    return _share_list_targets(text, runs)


def _share_list_targets(text: str, runs: list[Run]) -> list[Run]:
    """A long list names its instrument once, after its last run: the runs before it in the same list take
    that instrument ("khoản 1, 2 Điều 1; Chương II; các Điều 30, 31; các khoản 2, 3 Điều 32 ... của Thông tư
    số ...")."""
    for i in range(len(runs) - 2, -1, -1):
        run, following = runs[i], runs[i + 1]
        if (run.target is None and following.target is not None and following.start - run.end <= _LIST_GAP
                and P.RUN_LIST_GAP.fullmatch(text, run.end, following.start)):
            runs[i] = replace(run, target=following.target)
    return runs


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _read_run(text: str, pos: int) -> tuple[tuple[Subdivision, ...], int]:
    """The subdivisions a run starting at `pos` names, and where the run ends.

    Points wait for their clause, clauses for their article: "điểm a, b khoản 1, khoản 2 Điều 3" gives
    "điểm a khoản 1 Điều 3", "điểm b khoản 1 Điều 3", "khoản 2 Điều 3". A run that names no article
    ("khoản 2 của Kế hoạch") gives nothing.
    """
    points: list[str] = []
    clauses: list[tuple[str, list[str]]] = []
    out: list[Subdivision] = []
    level = ""
    end = pos
    while True:
        m = P.SUBDIVISION.match(text, pos)
        if m is not None:
            level = "point" if m.group("point") else "clause" if m.group("clause") else "article"
            ident = (m.group("p") or m.group("k") or m.group("a")).lower()
        elif level and pos > end and (bare := P.SUBDIVISION_BARE.match(text, pos)) is not None:
            ident = bare.group("id").lower()
            if (level == "point") != ident[0].isalpha():
                break
            m = bare
        else:
            break
        if level == "point":
            points.append(ident)
        elif level == "clause":
            clauses.append((ident, points))
            points = []
        else:
            out += _articles(ident, clauses, points)
            clauses, points = [], []
        end = m.end()
        join = P.SUBDIVISION_JOIN.match(text, end)
        if join is None or join.end() - end > _RUN_GAP:
            break
        pos = join.end()
    return tuple(dict.fromkeys(out)), end


def _articles(article: str, clauses: list[tuple[str, list[str]]], points: list[str]) -> list[Subdivision]:
    """The subdivisions that wait for `article`."""
    if not clauses:
        return [Subdivision(article, None, p) for p in points] or [Subdivision(article)]
    out = []
    for clause, its_points in clauses:
        out += [Subdivision(article, clause, p) for p in its_points] or [Subdivision(article, clause)]
    return out
