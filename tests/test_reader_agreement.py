"""What every document reader reads alike, in files shaped as Word, LibreOffice, PowerPoint, Impress and a
browser's save write them: a line break typed inside a paragraph, a note's call in superscript, an
equation's scripts."""

from __future__ import annotations

import zipfile

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
    path.write_text("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>"
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


# a title wrapped by hand before a capital, after a word that ends no title (an article, a preposition, an elided
# one), in French and English; a slide's list of capitalised items typed as lines, and a label's letter
WRAPPED = (("Le Secrétaire général de l’", "OTAN rencontre le", "Président du Conseil européen"),
           ("Report of the Committee on", "Foreign Affairs"),
           ("Dissuasion", "Défense collective", "Gestion de crise"),
           ("Plan A", "Plan B"))
READ_WRAPPED = ("Le Secrétaire général de l’OTAN rencontre le Président du Conseil européen",
                "Report of the Committee on Foreign Affairs", "Dissuasion", "Défense collective", "Gestion de crise",
                "Plan A", "Plan B")


@pytest.mark.parametrize("extension, write", [(".docx", _docx), (".odt", _odt), (".pptx", _pptx), (".odp", _odp),
                                               (".html", _html)])
def test_a_line_break_after_an_article_or_a_preposition_runs_on_before_a_capital(tmp_path, extension, write):
    """A line broken by hand after a word that never ends a sentence nor a title (*le*, *de l’*, *on*) runs on
    into the next line, its capital a name's (*Président du Conseil*, *OTAN*, *Foreign Affairs*); a list of
    capitalised items typed as lines stays a paragraph a line, whatever the format."""
    assert read_document(write(tmp_path / f"titre.fr{extension}", WRAPPED)).paragraphs == READ_WRAPPED


# ---- a note's call in superscript ----

# paragraphs as pieces of text, those raised above the line marked True: notes' calls typed as numbers in
# superscript (after a word, a year, an article's number), a note's own number at its start; powers and
# abbreviations that are no calls (km², m², 10⁶, 1er, Mme, XIXe)
RAISED = ([("Le Conseil de l’Alliance", False), ("3", True), (" a approuvé le plan en 2024", False), ("4", True),
           (".", False)],
          [("La zone couvre 12 km", False), ("2", True), (" et le 1", False), ("er", True), (" lot, remis à M", False),
           ("me", True), (" Durand au XIX", False), ("e", True), (" siècle, 3 m", False), ("2", True),
           (" et 10", False), ("6", True), (" euros selon l’article 5", False), ("5", True), (".", False)],
          [("3", True), (" Voir le communiqué final.", False)])
READ_RAISED = ("Le Conseil de l’Alliance a approuvé le plan en 2024.",
               "La zone couvre 12 km² et le 1er lot, remis à Mme Durand au XIXe siècle, 3 m² et 10⁶ euros selon "
               "l’article 5.",
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
    path.write_text("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>"
                    + "".join("<p>" + "".join(f"<sup>{text}</sup>" if raised else text for text, raised in pieces)
                              + "</p>\n" for pieces in paragraphs) + "</body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize("extension, write", [(".docx", _raised_docx), (".odt", _raised_odt), (".pptx", _raised_pptx),
                                               (".odp", _raised_odp), (".html", _raised_html)])
def test_a_note_s_call_in_superscript_is_no_part_of_its_word_in_every_format(tmp_path, extension, write):
    """A note's call typed as a number in superscript, where no note element makes it one, is left out as a
    note's reference is (*l’Alliance³* is not *l’Alliance3*, a term or a segment of its own; *en 2024⁴* not
    *en 20244*), and a note's number at its start; a power is read in superscript digits (*km²*, *10⁶*, not *km2*,
    *106*) and an abbreviation's raised letters as they are typed (*1er*, *Mme*, *XIXe*)."""
    assert read_document(write(tmp_path / f"note.fr{extension}", RAISED)).paragraphs == READ_RAISED


# powers typed in superscript after a number in an expression, a bracketed expression and a unit, beside a note's
# call after a number in a sentence and after a closing bracket
POWERS = ([("3", False), ("2", True), (" + 4", False), ("2", True), (" = 5", False), ("2", True), (" = 2", False),
           ("5", True), (" - 7 et (a+b)", False),
           ("2", True), (" = a", False), ("2", True), (" + 2ab + b", False), ("2", True), (" ; la cuve fait 2 km", False),
           ("3", True), (".", False)],
          [("Le seuil de l’article 3", False), ("1", True), (" reste fixé (voir l’annexe)", False), ("2", True),
           (".", False)])
READ_POWERS = ("3² + 4² = 5² = 2⁵ - 7 et (a+b)² = a² + 2ab + b² ; la cuve fait 2 km³.",
               "Le seuil de l’article 3 reste fixé (voir l’annexe).")


@pytest.mark.parametrize("extension, write", [(".docx", _raised_docx), (".odt", _raised_odt), (".pptx", _raised_pptx),
                                               (".odp", _raised_odp), (".html", _raised_html)])
def test_a_power_after_a_number_or_a_bracketed_expression_is_no_note_s_call(tmp_path, extension, write):
    """A number raised after a number that opens an expression or follows an operator (*3² + 4² = 5²*), after a
    bracketed expression (*(a+b)²*) or a unit (*km³*) is a power, read in superscript digits, not dropped as a
    note's call (*3 + 4 = 5*, *(a+b)*); after a number in a sentence or a bracketed remark, it is a call."""
    assert read_document(write(tmp_path / f"calcul.fr{extension}", POWERS)).paragraphs == READ_POWERS


# ---- an equation's scripts ----

def _m(text: str) -> str:
    """A run of a Word equation, in Cambria Math as Word writes it."""
    return ('<m:r><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr>'
            f"<m:t>{text}</m:t></m:r>")


_CONTROL = '<m:ctrlPr><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/><w:i/></w:rPr></m:ctrlPr>'


def _omml(kind: str, **arguments: str) -> str:
    """An equation's structure as Word writes it: its properties (``chr`` for an n-ary's sign), then its arguments."""
    sign = arguments.pop("chr", "")
    properties = (f'<m:chr m:val="{sign}"/><m:limLoc m:val="undOvr"/>' if sign else "") + (
        '<m:degHide m:val="1"/>' if kind == "rad" else "")
    return (f"<m:{kind}><m:{kind}Pr>{properties}{_CONTROL}</m:{kind}Pr>"
            + "".join(f"<m:{name}>{value}</m:{name}>" for name, value in arguments.items()) + f"</m:{kind}>")


# a sentence and its equations: Word's (OMML) and MathML's (a LibreOffice formula, a page's), each with its linear text
EQUATIONS = (
    (_m("E=m") + _omml("sSup", e=_m("c"), sup=_m("2")),
     "<mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup>"),
    (_omml("sSubSup", e=_m("σ"), sub=_m("i"), sup=_m("2")),
     "<msubsup><mi>σ</mi><mi>i</mi><mn>2</mn></msubsup>"),
    (_omml("sSup", e=_m("x"), sup=_m("n+1")),
     "<msup><mi>x</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></msup>"),
    (_omml("nary", chr="∑", sub=_m("i=1"), sup=_m("n"), e=_omml("sSub", e=_m("x"), sub=_m("i"))) + _m("=")
     + _omml("rad", deg="", e=_m("a+b")),
     "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi>"
     "<mi>i</mi></msub><mo>=</mo><msqrt><mi>a</mi><mo>+</mo><mi>b</mi></msqrt>"),
)
SENTENCE = ("L’énergie vaut ", ", la variance ", ", le terme suivant ", " et la somme ", ".")
READ_EQUATIONS = ("L’énergie vaut E=mc^2, la variance σ_i^2, le terme suivant x^(n+1) et la somme "
                  "∑_(i=1)^n x_i=√(a+b).",)
MATHML = "http://www.w3.org/1998/Math/MathML"


def _sentence(text, equation) -> str:
    """The sentence, its text written by ``text`` and its equations by ``equation`` (given their index)."""
    return "".join(text(words) + (equation(n) if n < len(EQUATIONS) else "") for n, words in enumerate(SENTENCE))


def _equations_docx(path):
    return write_docx(path, p(_sentence(r, lambda n: f"<m:oMath>{EQUATIONS[n][0]}</m:oMath>")))


def _equations_odt(path):
    # each formula an object of its own, anchored as a character, as LibreOffice embeds one
    path = write_odt(path, "<text:p>" + _sentence(str, lambda n: (
        f'<draw:frame draw:style-name="fr1" draw:name="Object {n + 1}" text:anchor-type="as-char" svg:width="1.2cm" '
        f'svg:height="0.6cm" draw:z-index="{n}"><draw:object xlink:href="./Object {n + 1}" xlink:type="simple" '
        'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>')) + "</text:p>")
    with zipfile.ZipFile(path, "a") as package:
        for n, (_, mathml) in enumerate(EQUATIONS):
            package.writestr(f"Object {n + 1}/content.xml",
                             f'<?xml version="1.0" encoding="UTF-8"?>\n<math xmlns="{MATHML}" display="block">'
                             f'<semantics><mrow>{mathml}</mrow><annotation encoding="StarMath 5.0">…</annotation>'
                             "</semantics></math>")
    return path


def _equations_html(path):
    path.write_text('<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body><p>'
                    + _sentence(str, lambda n: f"<math>{EQUATIONS[n][1]}</math>") + "</p></body></html>",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("extension, write", [(".docx", _equations_docx), (".odt", _equations_odt),
                                               (".html", _equations_html)])
def test_an_equation_s_scripts_are_written_as_the_linear_format_writes_them(tmp_path, extension, write):
    """A superscript, a subscript, both, an n-ary operator's limits and a root are read as Office's linear format
    writes them (*mc^2*, *σ_i^2*, *x^(n+1)*, *∑_(i=1)^n x_i*, *√(a+b)*), not glued to their base (*mc2*, *σi2*,
    *xn+1*), in a Word equation, a LibreOffice formula and MathML in a page alike."""
    assert read_document(write(tmp_path / f"calcul.fr{extension}")).paragraphs == READ_EQUATIONS


def test_an_accent_over_a_letter_is_no_script():
    """MathML writes an accent (a vector's arrow, a mean's bar) as an over-script marked ``accent``: it stays
    beside its letter (*v→*), not a power (*v^→*)."""
    from lxml import etree

    from tmtool.text.readers.equations import mathml_text

    equation = etree.fromstring(f'<math xmlns="{MATHML}"><mover accent="true"><mi>v</mi><mo>→</mo></mover><mo>=</mo>'
                                "<mover><mi>x</mi><mn>2</mn></mover></math>")
    assert mathml_text(equation) == "v→=x^2"


def _structure(kind: str, properties: str, *arguments: str, name: str = "e") -> str:
    """An equation's structure as Word writes it, its properties given: ``m:{kind}Pr`` with its control's, then its
    arguments, each an ``m:{name}``."""
    return (f"<m:{kind}><m:{kind}Pr>{properties}{_CONTROL}</m:{kind}Pr>"
            + "".join(f"<m:{name}>{argument}</m:{name}>" for argument in arguments) + f"</m:{kind}>")


def _matrix(*rows) -> str:
    columns = f'<m:mcs><m:mc><m:mcPr><m:count m:val="{len(rows[0])}"/><m:mcJc m:val="center"/></m:mcPr></m:mc></m:mcs>'
    return _structure("m", columns, *("".join(f"<m:e>{_m(cell)}</m:e>" for cell in row) for row in rows), name="mr")


# accents (the circumflex Word leaves unnamed, a dot, a vector's arrow over two letters), bars over and under, a
# brace under, an equation array, a matrix in brackets, a function defined by cases (a brace on its left only)
ARRAYS = (("une estimation ", _structure("acc", "", _m("x"))),
          (", une vitesse ", _structure("acc", '<m:chr m:val="\u0307"/>', _m("x"))),
          (", un vecteur ", _structure("acc", '<m:chr m:val="\u20d7"/>', _m("AB"))),
          (", une moyenne ", _structure("bar", '<m:pos m:val="top"/>', _m("x"))),
          (" et ", _structure("bar", "", _m("a+b"))),
          (", un total ", _structure("groupChr", "", _m("a+b+c"))),
          (", le système ", _structure("eqArr", "", _m("x+y=1"), _m("x−y=0"))),
          (", l’équation numérotée ", _structure("eqArr", '<m:maxDist m:val="1"/>', _m("E=mc#(1)"))),
          (", la matrice ", _structure("d", '<m:begChr m:val="["/><m:endChr m:val="]"/>',
                                       _matrix(("a", "b"), ("c", "d")))),
          (" et la fonction ", _m("f(x)=") + _structure("d", '<m:begChr m:val="{"/><m:endChr m:val=""/>',
                                                       _structure("eqArr", "", _m("1&amp;x>0"), _m("0&amp;x≤0")))),
          (".", ""))
# read composed, as every text is (``visible``): x and a dot above is ẋ (U+1E8B), x and a circumflex has no one character
READ_ARRAYS = ("Soit une estimation x\u0302, une vitesse \u1e8b, un vecteur (AB)\u20d7, une moyenne ¯x et ▁(a+b), un total "
               "⏟(a+b+c), le système █(x+y=1@x−y=0), l’équation numérotée E=mc#(1), la matrice [■(a&b@c&d)] et la fonction f(x)={█(1&x>0@0&x≤0)┤.",)


def test_an_equation_s_accents_bars_arrays_and_matrices_are_written_as_the_linear_format_writes_them(tmp_path):
    """A Word equation's accent is its combining mark after its base (*x̂*, *(AB)⃗*), a bar or a brace a sign before
    it (*¯x*, *▁(a+b)*, *⏟(a+b+c)*), an equation array and a matrix the linear format's █ and ■ with rows split by
    @ and cells by & (*█(x+y=1@x−y=0)*, *[■(a&b@c&d)]*), an array of one row (a numbered equation) its row, a brace
    on one side only the other's ┤: not their letters run together (*x*, *x+y=1x−y=0*, *[abcd]*)."""
    path = write_docx(tmp_path / "calcul.fr.docx", p(r("Soit ") + "".join(
        r(words) + (f"<m:oMath>{equation}</m:oMath>" if equation else "") for words, equation in ARRAYS)))
    assert read_document(path).paragraphs == READ_ARRAYS


def test_a_mathml_table_is_a_matrix():
    """MathML's table (a matrix, between its brackets) is read as a Word matrix is: *[■(a&b@c&d)]*."""
    from lxml import etree

    from tmtool.text.readers.equations import mathml_text

    cells = "".join(f"<mtr><mtd><mi>{a}</mi></mtd><mtd><mi>{b}</mi></mtd></mtr>" for a, b in (("a", "b"), ("c", "d")))
    equation = etree.fromstring(f'<math xmlns="{MATHML}"><mrow><mo>[</mo><mtable>{cells}</mtable><mo>]</mo></mrow></math>')
    assert mathml_text(equation) == "[■(a&b@c&d)]"


@pytest.mark.parametrize("extension", [".docx", ".html"])
def test_a_page_break_ends_its_paragraph_whatever_follows(tmp_path, extension):
    """A page break inside a paragraph (Word's, and as Word saves it in a page) ends the paragraph, even before a
    line in lower case, where a line break would run the sentence on."""
    path = tmp_path / f"rapport.fr{extension}"
    if extension == ".docx":
        write_docx(path, p(r("Fin du chapitre premier"), '<w:r><w:br w:type="page"/></w:r>', r("suivi de l’annexe.")))
    else:
        path.write_text("<html><body><div class=WordSection1><p class=MsoNormal>Fin du chapitre premier<span "
                        "lang=FR><br clear=all style='page-break-before:always'></span>suivi de l’annexe.</p></div>"
                        "</body></html>", encoding="utf-8")
    assert read_document(path).paragraphs == ("Fin du chapitre premier", "suivi de l’annexe.")
