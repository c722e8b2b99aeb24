"""Plain text as a flowable that draws its lines straight onto the canvas, where a Paragraph
would put them: a Paragraph parses its text as markup and wraps it word by word, which costs
more than drawing it when every line already fits."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph


Setting = tuple[object, str, float, float]
"""A text object's colour, font, size and leading."""


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
        words = self.canv.beginText()
        self.write(words, 0, self.height, None)
        self.canv.drawText(words)

    def write(self, into: PDFTextObject, x: float, top: float, current: Setting | None) -> Setting:
        """Add the lines to a text object, the first line's top at `top`. Many cells share one
        text object (a drawString makes one of its own, which costs more than the text), so
        the font and colour are set only when they differ from `current`, what the text
        object already has; returns what it has now."""
        style = self.style
        setting = (style.textColor, style.fontName, style.fontSize, style.leading)
        if setting != current:
            into.setFillColor(style.textColor)
            into.setFont(style.fontName, style.fontSize, style.leading)
        y = top - style.fontSize
        for line in self.lines:
            into.setTextOrigin(x, y)
            into.textOut(line)
            y -= style.leading
        return setting


def text(value: str, style: ParagraphStyle, width: float) -> Flowable:
    """Plain text (lines split on newlines) set in `style`: drawn lines when every line fits
    `width`, else a Paragraph, which wraps. Spaces are collapsed as a Paragraph collapses them."""
    lines = [" ".join(line.split()) for line in value.split("\n")]
    if all(lines) and all(stringWidth(line, style.fontName, style.fontSize) <= width for line in lines):
        return Lines(lines, style)
    return Paragraph(escape(value).replace("\n", "<br/>"), style)
