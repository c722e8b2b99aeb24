"""Plain text as a flowable that draws its lines straight onto the canvas, where a Paragraph
would put them: a Paragraph parses its text as markup and wraps it word by word, which costs
more than drawing it when every line already fits."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph


class Lines(Flowable):
    """Lines of text in one font that each fit the width: drawn as a Paragraph draws them
    (first baseline one font size below the top, then a leading apart)."""

    def __init__(self, lines: Sequence[str], style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = tuple(lines)
        self.style = style
        self.height = len(self.lines) * style.leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(self.style.textColor)
        self.canv.setFont(self.style.fontName, self.style.fontSize, self.style.leading)
        self.draw_at(self.canv, 0, self.height)

    def draw_at(self, canv: Canvas, x: float, top: float) -> None:
        """Draw with the font and colour already set, the first line's top at `top`."""
        y = top - self.style.fontSize
        for line in self.lines:
            canv.drawString(x, y, line)
            y -= self.style.leading


def text(value: str, style: ParagraphStyle, width: float) -> Flowable:
    """Plain text (lines split on newlines) set in `style`: drawn lines when every line fits
    `width`, else a Paragraph, which wraps. Spaces are collapsed as a Paragraph collapses them."""
    lines = [" ".join(line.split()) for line in value.split("\n")]
    if all(lines) and all(stringWidth(line, style.fontName, style.fontSize) <= width for line in lines):
        return Lines(lines, style)
    return Paragraph(escape(value).replace("\n", "<br/>"), style)
