"""Build .docx, .pdf and .html versions of a text at test time (python-docx, fpdf2 with DejaVu Sans)."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

import docx
from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def to_docx(text: str, table: list[list[str]] | None = None, footnote: str | None = None) -> bytes:
    """A .docx with one paragraph per line, an optional table after them, and an optional footnote."""
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return _add_footnote(out.getvalue(), footnote) if footnote else out.getvalue()


def _add_footnote(data: bytes, note: str) -> bytes:
    """The .docx with a footnotes part holding `note` (python-docx cannot write footnotes)."""
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:t>{html.escape(note)}</w:t></w:r></w:p></w:footnote>'
                 "</w:footnotes>")
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="'
                                          b'application/vnd.openxmlformats-officedocument.wordprocessingml.'
                                          b'footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", b'<Relationship Id="rIdFootnotes" Type="http://'
                                          b'schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                          b'Target="footnotes.xml"/></Relationships>')
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", footnotes.encode("utf-8"))
    return out.getvalue()


def to_pdf(text: str | None) -> bytes:
    """A PDF with a text layer holding `text` (wrapped to the page), or with a drawing and no text if None."""
    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(20, 20, 100, 60, style="F")
        return bytes(pdf.output())
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def to_html(text: str, script: str = "") -> bytes:
    """An HTML page with one <p> per line, markdown tables as <table>, and an optional <script>."""
    body = []
    for line in text.splitlines():
        if line.startswith("|") and line.endswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                body.append("<table><tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr></table>")
        else:
            body.append(f"<p>{html.escape(line)}</p>")
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Văn bản</title><script>{script}</script>"
            f"<style>p {{ margin: 0 }}</style></head><body>{''.join(body)}</body></html>")
    return page.encode("utf-8")
