"""What every document reader reads alike, in files shaped as Word, LibreOffice, PowerPoint, Impress and a
browser's save write them: a line break typed inside a paragraph, a note's call in superscript, an
equation's scripts."""

from __future__ import annotations

import pytest

from slidedocs import Slide, frame, page, para, run, shape, write_odp, write_pptx
from test_pdf_odt import write_odt
from tmtool.text.readers import read_document
from worddocs import p, r, style, write_docx

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


# ---- a note's call in superscript ----

# paragraphs as pieces of text, those raised above the line marked True: notes' calls typed as numbers in
# superscript (after a word, after a year), a note's own number at its start; powers and abbreviations that are no
# calls (km², m², 1er, Mme, XIXe)
RAISED = ([("Le Conseil de l’Alliance", False), ("3", True), (" a approuvé le plan en 2024", False), ("4", True),
           (".", False)],
          [("La zone couvre 12 km", False), ("2", True), (" et le 1", False), ("er", True), (" lot, remis à M", False),
           ("me", True), (" Durand au XIX", False), ("e", True), (" siècle, 3 m", False), ("2", True), (".", False)],
          [("3", True), (" Voir le communiqué final.", False)])
READ_RAISED = ("Le Conseil de l’Alliance a approuvé le plan en 2024.",
               "La zone couvre 12 km2 et le 1er lot, remis à Mme Durand au XIXe siècle, 3 m2.",
               "Voir le communiqué final.")


def _raised_docx(path, paragraphs):
    # a number raised by its character style (Word's footnote reference style, applied by hand), letters by the
    # run's own formatting
    def run(text, raised):
        if not raised:
            return r(text)
        raised_by = '<w:rStyle w:val="Appelnotedebasdep"/>' if text.isdigit() else '<w:vertAlign w:val="superscript"/>'
        return r(text, raised_by)

    return write_docx(path, "".join(p(*(run(*piece) for piece in pieces)) for pieces in paragraphs),
                      styles=style("character", "Appelnotedebasdep", "footnote reference",
                                   '<w:vertAlign w:val="superscript"/>'))


_SUPERSCRIPT_STYLE = ('<style:style style:name="T1" style:family="text"><style:text-properties '
                      'style:text-position="super 58%"/></style:style>')


def _spans(pieces) -> str:
    return "".join(f'<text:span text:style-name="T1">{text}</text:span>' if raised else text for text, raised in pieces)


def _raised_odt(path, paragraphs):
    return write_odt(path, "".join(f"<text:p>{_spans(pieces)}</text:p>" for pieces in paragraphs),
                     automatic_styles=_SUPERSCRIPT_STYLE)


def _raised_pptx(path, paragraphs):
    runs = [para(*(run(text, 'lang="fr-FR" baseline="30000" dirty="0"' if raised else 'lang="fr-FR" dirty="0"')
                   for text, raised in pieces)) for pieces in paragraphs]
    return write_pptx(path, [Slide([shape(*runs, ph="body", idx=1, number=3)])])


def _raised_odp(path, paragraphs):
    return write_odp(path, page(frame(*(f"<text:p>{_spans(pieces)}</text:p>" for pieces in paragraphs),
                                      kind="outline")), automatic_styles=_SUPERSCRIPT_STYLE)


def _raised_html(path, paragraphs):
    path.write_text("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Note</title></head><body>"
                    + "".join("<p>" + "".join(f"<sup>{text}</sup>" if raised else text for text, raised in pieces)
                              + "</p>\n" for pieces in paragraphs) + "</body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize("extension, write", [(".docx", _raised_docx), (".odt", _raised_odt), (".pptx", _raised_pptx),
                                               (".odp", _raised_odp), (".html", _raised_html)])
def test_a_note_s_call_in_superscript_is_no_part_of_its_word_in_every_format(tmp_path, extension, write):
    """A note's call typed as a number in superscript, where no note element makes it one, is left out as a
    note's reference is (*l’Alliance³* is not *l’Alliance3*, a term or a segment of its own), and a note's
    number at its start; a power (km², m²) and an abbreviation's raised letters (1er, Mme, XIXe) stay."""
    assert read_document(write(tmp_path / f"note.fr{extension}", RAISED)).paragraphs == READ_RAISED
