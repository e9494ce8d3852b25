"""The simulated page drawn as a PDF with reportlab, and its text extracted as users
extract it: pdftotext (poppler, default mode), pdfminer.six and pypdfium2. What is drawn
comes from pdfpage.layout_page; reportlab, pdfminer and pypdfium2 are imported inside
the functions.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .pdfpage import DrawnLine, register_fonts


def render_pdf(
    drawn: list[DrawnLine], graphics: list[tuple], size: tuple[float, float], path: Path
) -> None:
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    register_fonts()
    c = canvas.Canvas(str(path), pagesize=size, pageCompression=1)
    c.setTitle(path.stem)
    c.setStrokeGray(0.3)
    c.setLineWidth(0.5)
    for g in graphics:
        if g[0] == "rect":
            c.setFillGray(0.8)
            c.rect(g[1], g[2], g[3], g[4], stroke=0, fill=1)
        elif g[0] == "hline":
            c.line(g[1], g[2], g[3], g[2])
        elif g[0] == "vline":
            c.line(g[1], g[2], g[1], g[3])
    c.setFillGray(0)
    for d in drawn:
        c.setFont(d.font, d.size)
        if d.align == "center":
            c.drawCentredString(d.x, d.y, d.text)
        elif d.align == "right":
            c.drawRightString(d.x, d.y, d.text)
        else:
            c.drawString(d.x, d.y, d.text)
    c.showPage()
    c.save()


def extract_pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def extract_pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text  # noqa: PLC0415

    return extract_text(str(path))


def extract_pypdfium2(path: Path) -> str:
    import pypdfium2  # noqa: PLC0415

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


EXTRACTORS = {
    "pdftotext": extract_pdftotext,
    "pdfminer": extract_pdfminer,
    "pypdfium2": extract_pypdfium2,
}
