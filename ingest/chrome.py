"""The publishing site's own material in a web copy: where it lies, so cleaning can blank it.

A page saved from a legal-document website wraps the document in the site's banner, a metadata block
("Số hiệu:", "Loại văn bản:", "Người ký:" ...), a repeated title line, related-document lists, an
English translation and a footer (a privacy notice that names Decree 13/2023/NĐ-CP, a "THÔNG BÁO" to
members). None of it is the document: read as text it would give the document a wrong type, a job
title for a signer, and citations that every page of the site shares.

Three conventions are read, each with its own pattern in `ingest.patterns`:
- the head: when an official header (issuer block, national motto) follows site material (its labels
  and banners, or a summary that names the document's own number), everything before the header's
  issuer block is the site's;
- the tail: the first site marker after the header ("Văn bản này chưa cập nhật nội dung Tiếng Anh",
  "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN", "Văn bản liên quan", the heading of an appended English translation),
  or the site's own title line just above it ("Công văn 5348/CT-CS năm 2025 ... ban hành"), starts the
  site's footer, which runs to the end;
- stray lines of the site's vocabulary anywhere else.
"""

from __future__ import annotations

import re

from ingest import patterns as P

# The header's issuer block and motto lie in the first few KB of any document.
_HEADER_WINDOW = 8000
# The site's title line stands just above the first footer marker.
_TITLE_REACH = 1500


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` (normalised) that are the publishing site's material, in order, not overlapping."""
    spans: list[tuple[int, int]] = []
    head_end = _head_end(text)
    if head_end:
        spans.append((0, head_end))
    body_start = max(head_end, _header_start(text, head_end))
    tail = P.CHROME_TAIL.search(text, body_start)
    tail_start = _line_start(text, tail.start()) if tail else len(text)
    if tail is not None and (title := P.SITE_TITLE_LINE.search(text, max(body_start, tail_start - _TITLE_REACH),
                                                              tail_start)):
        tail_start = title.start()
    for line in P.CHROME_LINE.finditer(text, head_end, tail_start):
        spans.append((line.start(), line.end()))
    if tail_start < len(text):
        spans.append((tail_start, len(text)))
    return spans


def _head_end(text: str) -> int:
    """Where the official header begins, when site material stands before it; else 0."""
    motto = P.NATIONAL_MOTTO.search(text, 0, _HEADER_WINDOW)
    if motto is None:
        return 0
    site = P.CHROME_HEAD.search(text, 0, motto.start())
    if site is None:
        site = _summary_of_itself(text, motto.end())
    if site is None:
        return 0
    # The issuer block is the run of upper-case, rule and table-cell lines just above the motto.
    start = _line_start(text, motto.start())
    while start > site.end():
        prev = _line_start(text, start - 1)
        if any(c.islower() for c in text[prev : start - 1]):
            break
        start = prev
    return max(start, _line_start(text, site.end()))


def _summary_of_itself(text: str, motto_end: int) -> re.Match[str] | None:
    """A site's summary above the header names the document's own number ("Ngày 2/12/2025, Bộ Công
    Thương ban hành Thông tư 61/2025/TT-BCT ..."): the last place it does so."""
    number = P.HEADER_NUMBER.search(text, motto_end, motto_end + _HEADER_WINDOW // 4)
    symbol = P.SYMBOL.match(text, number.end()) if number else None
    if symbol is None:
        return None
    own = "".join(symbol.group().split())
    found = None
    for m in P.SYMBOL.finditer(text, 0, number.start()):
        if "".join(m.group().split()) == own:
            found = m
    return found


def _header_start(text: str, after: int) -> int:
    """Where a site footer may begin: after the official header ("Số: ..." or the motto), or, in a
    copy that lost its header, after the recipients list or the second half of the text begins."""
    found = [m.start() for m in (P.NATIONAL_MOTTO.search(text, after, after + _HEADER_WINDOW),
                                 P.HEADER_NUMBER.search(text, after, after + _HEADER_WINDOW)) if m]
    if found:
        return min(found)
    recipients = P.RECIPIENTS.search(text, after)
    return recipients.start() if recipients else max(after, len(text) // 2)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1
