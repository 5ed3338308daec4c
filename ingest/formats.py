"""Document formats to plain text: which format a file is (by its bytes), and how each one reads.

Text is decoded from UTF-8 (with or without BOM), UTF-16/32 (BOM), or Windows-1258, the legacy
Vietnamese code page; HTML loses its tags, scripts and styles, with table cells kept apart; a .docx
gives its paragraphs and tables in body order, then its footnotes; a PDF its text layer (pdfminer's
layout analysis for reading order), with words split across lines joined. Everything is returned
in Unicode NFC, the form the extractor's offsets refer to.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from typing import Literal

Format = Literal["text", "html", "docx", "pdf"]

# Characters Windows-1258 text is made of that no UTF-8 text has: C1 controls are unused there.
_CP1258_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323]")
# Well-formed UTF-8 multi-byte characters: Windows-1258 text almost never forms them, damaged UTF-8 does.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table)\b",
                         re.IGNORECASE | re.DOTALL)
_BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                     "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dt", "dd", "hr", "title"})


class FormatError(ValueError):
    """Bytes that do not read as the format they are; the message says why and what to do."""


def sniff(data: bytes) -> Format:
    """The format of a document from its first bytes, whatever its name says."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise FormatError("a Word 97-2003 (.doc) or other OLE file; save it as .docx or .txt")
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return "html" if _HTML_START.match(head) else "text"


def decode(data: bytes) -> str:
    """Text from bytes: a BOM's encoding, else UTF-8, else Windows-1258 (when it reads as Vietnamese)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return unicodedata.normalize("NFC", data.decode(codec))
            except UnicodeDecodeError as exc:
                raise FormatError(f"starts with a {codec} byte order mark but is not {codec} (byte {exc.start}); "
                                  "re-save it as UTF-8") from None
    if b"\x00" in data[:4096]:
        raise FormatError("binary content (NUL bytes), not a text document")
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    high = sum(b >= 0x80 for b in data)
    in_utf8 = sum(len(m.group()) for m in _UTF8_SEQUENCE.finditer(data))
    if in_utf8 > high * 0.3:
        raise FormatError(f"damaged UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 1]!r}); "
                          "re-save it as UTF-8 from a good copy")
    try:
        legacy = data.decode("cp1258")
    except UnicodeDecodeError:
        legacy = ""
    if legacy and _CP1258_VIETNAMESE.search(legacy):
        return unicodedata.normalize("NFC", legacy)
    raise FormatError(f"neither UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 1]!r}) "
                      "nor Vietnamese Windows-1258; re-save it as UTF-8")


def html_to_text(data: bytes) -> str:
    """The visible text of an HTML page: one line per block, table rows as "| cell | cell |"."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode(data), "html.parser")
    for hidden in soup(["script", "style", "noscript", "template", "head"]):
        hidden.decompose()
    # Rows become markdown table rows, the shape the extractor knows from the corpus.
    for cell in soup(["td", "th"]):
        cell.insert_before(" | ")
    for row in soup("tr"):
        row.append(" |")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return unicodedata.normalize("NFC", _collapse_blank_lines(lines))


def docx_to_text(data: bytes) -> str:
    """The text of a .docx: paragraphs and tables in body order (rows as "| cell | cell |"), then footnotes."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FormatError(f"not a readable .docx ({type(exc).__name__}: {exc}); the file may be truncated") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append(Paragraph(block, document).text)
        elif block.tag.endswith("}tbl"):
            for row in Table(block, document).rows:
                lines.append("| " + " | ".join(cell.text.replace("\n", " ") for cell in row.cells) + " |")
    lines.extend(_footnotes(document))
    return unicodedata.normalize("NFC", _collapse_blank_lines(lines))


def _footnotes(document) -> list[str]:
    from lxml import etree

    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = etree.fromstring(rel.target_part.blob)
            notes = []
            for note in root.iter(f"{namespace}footnote"):
                if note.get(f"{namespace}type") in ("separator", "continuationSeparator"):
                    continue
                text = "".join(t.text or "" for t in note.iter(f"{namespace}t")).strip()
                if text:
                    notes.append(text)
            return notes
    return []


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, in reading order; raises `FormatError` when there is none (a scan)."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        text = extract_text(io.BytesIO(data), laparams=LAParams())
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise FormatError(f"an encrypted PDF ({type(exc).__name__}); remove the password first") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise FormatError(f"not a readable PDF ({type(exc).__name__}: {exc}); the file may be truncated") from None
    if not text.strip():
        raise FormatError("a PDF with no text layer (a scan?); run OCR on it first (e.g. ocrmypdf), then ingest that")
    # A symbol split at a line end ("11/NQ-\nCP") is one token again; page breaks are line breaks.
    text = re.sub(r"(?<=[0-9A-ZĐ]-)\n(?=[A-ZĐ0-9])", "", text.replace("\f", "\n"))
    return unicodedata.normalize("NFC", _collapse_blank_lines(line.rstrip() for line in text.splitlines()))


def _collapse_blank_lines(lines) -> str:
    """The lines joined, with runs of blank lines made one."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.append(line)
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip() + "\n"
