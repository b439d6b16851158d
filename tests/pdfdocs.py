"""PDFs laid out the way word processors lay out reports, for the PDF reader's tests and bench.

Lines are justified (each word placed, the spaces stretched to the column's width) except a
paragraph's last; paragraphs are marked by a first-line indent or by space after them; a running
header and a page number stand on every page; text flows over columns and pages. The text uses
Helvetica, a font every PDF reader has, in Windows-1252, which holds French typography (’ « » œ).
"""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0  # A4, in points
MARGIN = 72.0


class Layout(FPDF):
    def __init__(self, size: float = 11.0, font: str = "Helvetica"):
        super().__init__(unit="pt", format="A4")
        self.core_fonts_encoding = "windows-1252"
        self.set_auto_page_break(False)
        self.size = size
        self.set_font(font, size=size)

    def width_of(self, text: str, size: float | None = None) -> float:
        self.set_font_size(size or self.size)
        return self.get_string_width(text)

    def wrap(self, text: str, width: float, hyphenate=None, indent: float = 0.0) -> list[str]:
        """Greedy line breaking, the first line ``indent`` narrower; ``hyphenate(word)`` gives a word's
        split points (e.g. ``[5]``: *opéra-tions*)."""
        lines, line = [], ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if self.width_of(candidate) <= width - (0 if lines else indent):
                line = candidate
                continue
            for split in sorted(hyphenate(word) if hyphenate else (), reverse=True):
                # a compound breaks after its own hyphen (état-⏎major), another word gets one (opéra-⏎tions)
                head = f"{line} {word[:split]}{'' if word[split - 1] == '-' else '-'}".strip()
                if self.width_of(head) <= width - (0 if lines else indent):
                    lines.append(head)
                    line, word = "", word[split:]
                    break
            if line:
                lines.append(line)
            line = word
        return lines + [line] if line else lines

    def justified(self, x: float, y: float, line: str, width: float | None, size: float) -> None:
        """The words of ``line`` stretched to ``width`` (None: a paragraph's last line, as it is);
        ``word^1`` has a footnote's mark, a small raised 1."""
        words = line.split()
        natural = sum(self.width_of(w, size) for w in words)
        gap = (width - natural) / max(len(words) - 1, 1) if width else self.width_of(" ", size)
        for word in words:
            word, _, mark = word.partition("^")
            self.set_font_size(size)
            self.text(x, y, word)
            x += self.width_of(word, size)
            if mark:
                self.set_font_size(0.6 * size)
                self.text(x, y - 0.35 * size, mark)
                x += self.width_of(mark, 0.6 * size)
            x += gap


def write_pdf(path: Path, paragraphs: list[str], *, width: float = 451.0, hyphenate=None,
              header: str | tuple[str, ...] | None = None,
              numbers: str | None = "Page {}", lines_per_column: int = 40, columns: int = 1, indent: bool = True,
              spaced: bool = True, size: float = 11.0, heading: str | None = None,
              notes: dict[int, list[str]] | None = None, numbers_even: str | None = None,
              font: str = "Helvetica", gutter: float = 24.0) -> list[list[str]]:
    """Lay ``paragraphs`` out in columns ``width`` wide and return their lines. ``hyphenate``: see
    :meth:`Layout.wrap`. ``header``: the running header, or the headers of odd and even pages (a book's
    title on one, its chapter's on the other). ``numbers``: the footer, ``{}`` the page number (``numbers_even``:
    the even pages' footer, when it differs).
    Paragraphs start indented, else (``spaced``) after a space. A ``heading`` opens page one in a larger font.
    ``font``: a core font (Helvetica, Courier: a typewriter's text), ``gutter``: between columns."""
    pdf = Layout(size, font)
    leading = 1.2 * size
    paragraphs = [pdf.wrap(text, width, hyphenate, 2 * size if indent else 0.0) for text in paragraphs]
    page, column, filled = 0, columns - 1, lines_per_column  # as if a full page came before the first
    y = 0.0
    for lines in paragraphs:
        for i, line in enumerate(lines):
            if filled == lines_per_column:
                filled, column = 0, column + 1
                y = MARGIN + size
                if column == columns:
                    page, column = page + 1, 0
                    pdf.add_page()
                    pdf.set_font_size(size)
                    if header:
                        pdf.text(MARGIN, MARGIN - 30, header if isinstance(header, str)
                                 else header[(page - 1) % len(header)])
                    if numbers:
                        footer = numbers_even if numbers_even and page % 2 == 0 else numbers
                        pdf.text(MARGIN, PAGE_HEIGHT - MARGIN + 30, footer.format(page))
                    for k, note in enumerate(reversed((notes or {}).get(page, []))):
                        pdf.justified(MARGIN, PAGE_HEIGHT - MARGIN - k * 10, note, None, 8)
                    if heading and page == 1:
                        pdf.set_font_size(1.4 * size)
                        pdf.text(MARGIN, y, heading)
                        pdf.set_font_size(size)
                        y += 2.5 * size
            x = MARGIN + column * (width + gutter)
            start = x + (2 * size if indent and i == 0 else 0)
            pdf.justified(start, y, line, x + width - start if i < len(lines) - 1 else None, size)
            y += leading + (0.5 * size if i == len(lines) - 1 and spaced and not indent else 0)
            filled += 1
    pdf.output(str(path))
    return paragraphs


def with_symbol_font_names(data: bytes) -> bytes:
    """The PDF ``data`` (written uncompressed) with its Symbol font's characters named as Word's PDFs name them in
    the font's ToUnicode map: by the font's code in Unicode's private use area (the round bullet, code 0xB7, is
    U+F0B7), not by the characters they show."""
    objects = {int(number): body for number, body in re.findall(rb"(\d+) 0 obj\n(.*?)\nendobj", data, re.S)}
    trailer = re.search(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S).group(1)
    font = next(number for number, body in objects.items() if b"/BaseFont /Symbol" in body)
    names = "".join(f"<{code:02X}> <{0xF000 + code:04X}>\n" for code in range(0x20, 0x100)).encode()
    cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Symbol-PUA def\n"
            b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n224 beginbfchar\n" + names
            + b"endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
    names_object = max(objects) + 1
    objects[names_object] = b"<</Length %d>>\nstream\n%s\nendstream" % (len(cmap), cmap)
    objects[font] = objects[font].replace(b"/Type /Font", b"/Type /Font\n/ToUnicode %d 0 R" % names_object)
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (max(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets.get(number, 0) for number in range(1, max(objects) + 1))
    size = re.sub(rb"/Size \d+", b"/Size %d" % (max(objects) + 1), trailer)
    return bytes(out + b"trailer\n<<%s>>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
