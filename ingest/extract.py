"""The extraction pipeline: text -> cleaned text -> header and mentions -> nesting -> relations -> record."""

from __future__ import annotations

import bisect
from itertools import accumulate
from pathlib import Path

from ingest import patterns as P
from ingest.changes import Layout, find_changes
from ingest.clean import clean, normalise, squash
from ingest.find import find_mentions
from ingest.force import effective_of
from ingest.header import read_header
from ingest.readers import read_text
from ingest.records import Record
from ingest.relations import basis_spans, document_relations, main_text_end, nest
from ingest.resolve import resolve
from ingest.subdivisions import find_runs

_SENTENCE_MAX = 600


def extract_text(text: str, source: str = "<text>", path: str = "", sha256: str = "", source_id: str = "") -> Record:
    """Extract the record of one document from its text."""
    text = normalise(text)
    cleaned = clean(text)
    header = read_header(cleaned)
    mentions = find_mentions(cleaned)
    nesting = nest(cleaned, mentions)
    bases = basis_spans(cleaned, header.body_start)
    relations = document_relations(cleaned, mentions, nesting, header.title_span, header.body_start, bases)
    breaks = [m.end() for m in P.SENTENCE_BREAK.finditer(cleaned)]
    # Where each line after the first starts, summed in C (a match object per line costs more).
    line_starts = list(accumulate(map((1).__add__, map(len, text.split("\n")[:-1]))))

    def sentence_of(pos: int) -> str:
        k = bisect.bisect_right(breaks, pos)
        start = breaks[k - 1] if k else 0
        end = breaks[k] if k < len(breaks) else len(cleaned)
        start = max(start, pos - _SENTENCE_MAX // 2)
        end = min(end, start + _SENTENCE_MAX)
        return squash(cleaned[start:end])

    def line_of(pos: int) -> int:
        return bisect.bisect_right(line_starts, pos) + 1

    runs = find_runs(cleaned, mentions)
    layout = Layout(header.title_span, tuple(bases), tuple(breaks),
                    main_text_end(cleaned))
    changes = find_changes(cleaned, mentions, nesting, header.info, layout, runs)
    citations = resolve(cleaned, mentions, nesting, relations, header.info, sentence_of, line_of, runs, changes)
    effective = effective_of(cleaned, header.info, header.title_span[1] if header.title_span else 0)
    return Record(source=source, path=path, sha256=sha256, document=header.info, citations=tuple(citations),
                  source_id=source_id, effective=effective)


def extract_file(path: str | Path, source_id: str | None = None) -> Record:
    """Extract the record of the document in `path` (recorded by its absolute path; its source id is
    `source_id`, else its name); raises `InputError` when it cannot be read."""
    path = Path(path)
    text, digest = read_text(path)
    return extract_text(text, source=path.name, path=str(path.resolve()), sha256=digest,
                        source_id=source_id or path.name)
