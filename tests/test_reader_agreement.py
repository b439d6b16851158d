"""What every document reader reads alike, in files shaped as Word, LibreOffice, PowerPoint, Impress and a
browser's save write them: a line break typed inside a paragraph, a note's call in superscript, an
equation's scripts."""

from __future__ import annotations

import pytest

from slidedocs import Slide, frame, page, para, run, shape, write_odp, write_pptx
from test_pdf_odt import write_odt
from tmtool.text.readers import read_document
from worddocs import p, r, write_docx

# ---- a line break inside a paragraph ----

# each paragraph's lines, as a writer types them with Shift+Enter: a title wrapped by hand, an address, a list
# introduced by a colon whose items end with semicolons, two lines set apart by an empty one
LINES = (("Dépenses de défense", "en pourcentage du PIB"),
         ("Siège de l’OTAN", "Boulevard Léopold III", "1110 Bruxelles"),
         ("Priorités :", "renforcer la dissuasion ;", "moderniser les forces."),
         ("Le Conseil a siégé", "", "puis les ministres ont voté."))
READ = ("Dépenses de défense en pourcentage du PIB", "Siège de l’OTAN", "Boulevard Léopold III", "1110 Bruxelles",
        "Priorités :", "renforcer la dissuasion ;", "moderniser les forces.", "Le Conseil a siégé",
        "puis les ministres ont voté.")


def _joined(lines, line_break, run) -> str:
    """The runs of ``lines`` with a line break between each two."""
    return line_break.join(run(line) if line else "" for line in lines)


def _docx(path, paragraphs):
    return write_docx(path, "".join(p(_joined(lines, "<w:r><w:br/></w:r>", r)) for lines in paragraphs))


def _odt(path, paragraphs):
    return write_odt(path, "".join(f"<text:p>{'<text:line-break/>'.join(lines)}</text:p>" for lines in paragraphs))


def _pptx(path, paragraphs):
    shapes = [shape(para(_joined(lines, '<a:br><a:rPr lang="fr-FR" dirty="0"/></a:br>', run)),
                    ph="title" if n == 0 else None, number=2 + n) for n, lines in enumerate(paragraphs)]
    return write_pptx(path, [Slide(shapes)])


def _odp(path, paragraphs):
    return write_odp(path, page(*(frame(f"<text:p>{'<text:line-break/>'.join(lines)}</text:p>",
                                        kind="title" if n == 0 else None) for n, lines in enumerate(paragraphs))))


def _html(path, paragraphs):
    # as a browser saves a page: <br> then a new line in the source
    path.write_text("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Note</title></head><body>"
                    + "".join("<p>" + "<br>\n".join(lines) + "</p>\n" for lines in paragraphs) + "</body></html>",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("extension, write", [(".docx", _docx), (".odt", _odt), (".pptx", _pptx), (".odp", _odp),
                                               (".html", _html)])
def test_a_line_break_runs_a_sentence_on_or_ends_its_paragraph_alike_in_every_format(tmp_path, extension, write):
    """A line break typed inside a paragraph is a space where the sentence runs on across it (the next line starts
    in lower case after a line that ends no sentence nor list item), else the end of a paragraph: a title wrapped
    by hand is one segment, an address's lines and a list's items are one each, whatever the format."""
    assert read_document(write(tmp_path / f"note.fr{extension}", LINES)).paragraphs == READ
