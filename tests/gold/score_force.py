#!/usr/bin/env python3
"""Score entry into force, changes and article-level citations against a gold file.

Usage: score_force.py GOLD.jsonl PRED.jsonl [--details]

Both files hold one JSON object per source in the shape of ``../shared/eval/SCHEMA.md`` (`effective`,
`changes`, and `subdivisions` on citations); the gold may give `subdivisions` as an object from a target's
number (or title) to its subdivisions, and scores them only for the sources where it does. Reported:
effective-date accuracy; changes precision / recall / F1 matched on (relation, target); subdivision
precision / recall / F1 on (target, subdivision). Numbers match as `score.py` matches them: spaces removed,
case and the stroke of Đ ignored.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    return "".join(text.split()).casefold().replace("đ", "d")


def target_key(target: dict) -> tuple[str | None, str | None]:
    number = target.get("number")
    return (norm(number), None) if number else (None, norm(target.get("title")))


def load(path: str | Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {row["source"]: row for row in map(json.loads, filter(str.strip, fh))}


def subdivisions_of(row: dict) -> set[tuple[str | None, str]]:
    """(target, subdivision) pairs: a prediction's citations, or a gold object of target -> list."""
    given = row.get("subdivisions")
    if isinstance(given, dict):
        return {(norm(target), sub) for target, subs in given.items() for sub in subs}
    return {(norm(c.get("number") or c.get("title")), sub) for c in row.get("citations", ())
            for sub in c.get("subdivisions", ())}


def prf(gold: set, pred: set) -> tuple[float, float, float]:
    hits = len(gold & pred)
    p = hits / len(pred) if pred else 1.0
    r = hits / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> tuple[dict[str, float], list[str]]:
    """The figures, and one line per miss."""
    misses: list[str] = []
    right = counted = 0
    gold_changes: set = set()
    pred_changes: set = set()
    gold_subs: set = set()
    pred_subs: set = set()
    for source, g in gold.items():
        p = pred.get(source, {})
        if "effective" in g:
            counted += 1
            want = (g["effective"] or {}).get("date")
            got = (p.get("effective") or {}).get("date")
            right += want == got
            if want != got:
                misses.append(f"{source}: effective {got} != gold {want}")
        gc = {(source, c["relation"], target_key(c["target"])) for c in g.get("changes", ())}
        pc = {(source, c["relation"], target_key(c["target"])) for c in p.get("changes", ())}
        gold_changes |= gc
        pred_changes |= pc
        misses += [f"{source}: missed change {c[1]} {c[2]}" for c in sorted(gc - pc, key=str)]
        misses += [f"{source}: spurious change {c[1]} {c[2]}" for c in sorted(pc - gc, key=str)]
        if "subdivisions" in g:
            gs = {(source, *pair) for pair in subdivisions_of(g)}
            ps = {(source, *pair) for pair in subdivisions_of(p)}
            gold_subs |= gs
            pred_subs |= ps
            misses += [f"{source}: missed subdivision {s[2]} of {s[1]}" for s in sorted(gs - ps, key=str)]
            misses += [f"{source}: spurious subdivision {s[2]} of {s[1]}" for s in sorted(ps - gs, key=str)]
    cp, cr, cf = prf(gold_changes, pred_changes)
    sp, sr, sf = prf(gold_subs, pred_subs)
    figures = {
        "effective_accuracy": right / counted if counted else 1.0,
        "changes_precision": cp, "changes_recall": cr, "changes_f1": cf,
        "subdivision_precision": sp, "subdivision_recall": sr, "subdivision_f1": sf,
        "documents": len(gold), "gold_changes": len(gold_changes), "gold_subdivisions": len(gold_subs),
    }
    return figures, misses


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    figures, misses = score(load(args[0]), load(args[1]))
    for name, value in figures.items():
        print(f"{name:<24} {value:.3f}" if isinstance(value, float) else f"{name:<24} {value}")
    if "--details" in argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
