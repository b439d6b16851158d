"""Documents as the tools that write them write them: Word 365's DOCX (tracked changes, notes, comments,
text boxes, fields, content controls, hidden text), LibreOffice's ODT, pages saved from a browser or
written by a CMS, and plain text from Windows editors. What a translator reads in the document is
read, once, in its order; what the tool keeps beside it (deleted text, comments, field codes,
placeholders, menus) is not."""

from __future__ import annotations

import codecs
import logging
import zipfile

import pytest
from click.testing import CliRunner

from test_pdf_odt import write_odt
from test_real_formats import REAL
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.text.readers import read_document
from worddocs import note, p, r, reference, style, write_docx

DATE = 'w:author="Ana Dupont" w:date="2026-11-02T10:14:00Z"'


def segment(path, lang: str = "fr") -> list[str]:
    """``tmtool segment FILE``'s lines, as a translator sees them."""
    result = CliRunner().invoke(main, ["segment", str(path), "--lang", lang])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def field(instruction: str, *result: str) -> str:
    """A complex field as Word writes it: begin, the instruction (split over runs), separate, result, end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            + "".join(f'<w:r><w:instrText xml:space="preserve">{part}</w:instrText></w:r>'
                      for part in instruction.split("|"))
            + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + "".join(result)
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def text_box(*paragraphs: str) -> str:
    """A text box as Word 365 writes it: a DrawingML shape, and the same text again in VML for readers
    that know no DrawingML, as the two alternatives of one ``mc:AlternateContent``."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    return (
        '<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>3810</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>184150</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2360930" cy="1404620"/><wp:effectExtent l="0" t="0" r="22860" b="11430"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="217" name="Zone de texte 2"/><wp:cNvGraphicFramePr>'
        '<a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/></wp:cNvGraphicFramePr>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1">'
        '<a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr><wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2360930" cy="1404620"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f'<wps:txbx>{content}</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t" anchorCtr="0">'
        '<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,'
        'l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="Zone de texte 2" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;'
        'margin-left:.3pt;margin-top:14.5pt;width:185.9pt;height:110.6pt;z-index:251659264">'
        f'<v:textbox style="mso-fit-shape-to-text:t">{content}</v:textbox><w10:wrap type="square"/></v:shape></w:pict>'
        "</mc:Fallback></mc:AlternateContent></w:r>")


# ---- DOCX ----


def math_run(text: str) -> str:
    """A run of an equation as Word writes it: in Cambria Math, italic unless it is a number or a sign."""
    return ('<m:r><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr>'
            f"<m:t>{text}</m:t></m:r>")


def test_word_equations_read_as_their_linear_text(tmp_path):
    """An equation in a sentence is read in it, as Word's linear form writes it (a fraction's bar, a delimiter's
    brackets are properties, not text; an n-ary operator's limits are its scripts); an equation displayed on its own
    line is a paragraph of its own."""
    control = '<m:ctrlPr><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/><w:i/></w:rPr></m:ctrlPr>'
    fraction = (f"<m:oMath>{math_run('v=')}<m:f><m:fPr>{control}</m:fPr><m:num>{math_run('d')}</m:num>"
                f"<m:den>{math_run('t')}</m:den></m:f></m:oMath>")
    displayed = (f'<m:oMathPara><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr><m:oMath>{math_run("P=")}'
                 f'<m:nary><m:naryPr><m:chr m:val="∑"/>{control}</m:naryPr><m:sub>{math_run("i=1")}</m:sub>'
                 f"<m:sup>{math_run('n')}</m:sup><m:e><m:d><m:dPr>{control}</m:dPr><m:e>{math_run('a')}</m:e>"
                 f"<m:e>{math_run('b')}</m:e></m:d></m:e></m:nary></m:oMath></m:oMathPara>")
    body = (p(r("La vitesse "), fraction, r(" reste constante pendant la manœuvre.")) + p(r("Soit :"), displayed)
            + p(r("Le rayon d’action en découle : "), f"<m:oMath><m:func><m:funcPr>{control}</m:funcPr><m:fName>"
                f"{math_run('sin')}</m:fName><m:e>{math_run('θ')}</m:e></m:func>{math_run('=0,5')}</m:oMath>", r(".")))
    path = write_docx(tmp_path / "calcul.fr.docx", body)
    assert read_document(path).paragraphs == ("La vitesse v=d/t reste constante pendant la manœuvre.", "Soit :",
                                              "P=∑_(i=1)^n (a|b)", "Le rayon d’action en découle : sin θ=0,5.")
    assert segment(path) == ["La vitesse v=d/t reste constante pendant la manœuvre.", "Soit :", "P=∑_(i=1)^n (a|b)",
                             "Le rayon d’action en découle : sin θ=0,5."]


def test_word_tracked_changes_read_as_accepted(tmp_path):
    """Insertions and text moved here are read, deletions and text moved away are not; a paragraph mark
    deleted joins its paragraph to the next, as accepting the changes would."""
    body = (
        p(r("Le Conseil a "), f'<w:del w:id="1" {DATE}><w:r w:rsidDel="00B1C2D3"><w:delText>rejeté</w:delText></w:r>'
          f'</w:del><w:ins w:id="2" {DATE}><w:r><w:t>approuvé</w:t></w:r></w:ins>', r(" le plan.")) +
        p(f'<w:moveFromRangeStart w:id="3" {DATE} w:name="move427"/><w:moveFrom w:id="4" {DATE}><w:r>'
          '<w:t xml:space="preserve">La séance est levée. </w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/>',
          r("Les Alliés ont voté.")) +
        p(r("Le Secrétaire général a pris la parole."), f'<w:ins w:id="5" {DATE}><w:r><w:t xml:space="preserve"> '
          f'</w:t></w:r></w:ins><w:moveToRangeStart w:id="6" {DATE} w:name="move427"/><w:moveTo w:id="7" {DATE}>'
          '<w:r><w:t>La séance est levée.</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="6"/>') +
        p(r("La réunion s’est tenue"), props=f'<w:rPr><w:del w:id="8" {DATE}/></w:rPr>') +
        p(r(" à Bruxelles le 3 mars.")) +
        p(f'<w:del w:id="9" {DATE}><w:r><w:delText>Paragraphe entier supprimé.</w:delText></w:r></w:del>',
          props=f'<w:rPr><w:del w:id="10" {DATE}/></w:rPr>') +
        p(r("Fin."))
    )
    path = write_docx(tmp_path / "changes.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Le Conseil a approuvé le plan.", "Les Alliés ont voté.",
        "Le Secrétaire général a pris la parole. La séance est levée.",
        "La réunion s’est tenue à Bruxelles le 3 mars.", "Fin.")


def test_word_rows_and_cells_deleted_with_changes_tracked_are_left_out(tmp_path):
    """A table row deleted with changes tracked (``w:trPr/w:del``) is gone once the changes are accepted, and so is
    a cell (``w:tcPr/w:cellDel``): Word marks the row's runs deleted too, another writer may mark the row alone,
    as the specification allows; the note a deleted row cites goes with it. An inserted row is read."""
    def cell(*runs: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr><w:tcW w:w=\"4536\" w:type=\"dxa\"/>{props}</w:tcPr>{p(*runs)}</w:tc>"

    body = (
        p(r("Calendrier des réunions.")) +
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        + "<w:tr>" + cell(r("Lundi")) + cell(r("Comité militaire")) + "</w:tr>"
        + f"<w:tr><w:trPr><w:del w:id=\"11\" {DATE}/></w:trPr>" + cell(r("Mardi"))
        + cell(r("Conseil annulé"), reference("footnote", 1)) + "</w:tr>"
        + "<w:tr>" + cell(r("Mercredi")) + cell(r("Salle 3"), props=f"<w:cellDel w:id=\"12\" {DATE}/>") + "</w:tr>"
        + f"<w:tr><w:trPr><w:ins w:id=\"13\" {DATE}/></w:trPr>" + cell(r("Jeudi")) + cell(r("Conseil")) + "</w:tr>"
        + "</w:tbl>" + p(r("Fin."))
    )
    path = write_docx(tmp_path / "calendrier.fr.docx", body, footnotes=note("footnote", 1, r("Reporté.")))
    assert read_document(path).paragraphs == (
        "Calendrier des réunions.", "Lundi", "Comité militaire", "Mercredi", "Jeudi", "Conseil", "Fin.")


def test_word_legacy_form_fields_read_as_they_show(tmp_path):
    """A form made with Word's legacy form fields (Word 97–2003 templates, still in use): a text field reads as its
    result, a drop-down as the entry it shows, which it holds in its list (``w:ddList``), not as a result (it was
    lost), its default one where none was chosen; a check box gives no text."""
    def field(data: str, instruction: str, result: str = "") -> str:
        begin = f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Champ"/><w:enabled/>{data}</w:ffData>'
        return (begin + f'</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
                + (f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{r(result)}' if result else "")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    entries = '<w:listEntry w:val="Oui"/><w:listEntry w:val="Non"/><w:listEntry w:val="Peut-être"/>'
    body = (p(r("Lieu : "), field("<w:textInput/>", "FORMTEXT", "Bruxelles"), r("."))
            + p(r("Participation : "), field(f'<w:ddList><w:result w:val="1"/>{entries}</w:ddList>', "FORMDROPDOWN"),
                r("."))
            + p(r("Repas : "), field(f'<w:ddList><w:default w:val="2"/>{entries}</w:ddList>', "FORMDROPDOWN"), r("."))
            + p(field('<w:checkBox><w:sizeAuto/><w:default w:val="1"/></w:checkBox>', "FORMCHECKBOX"),
                r(" Hébergement demandé.")))
    path = write_docx(tmp_path / "formulaire.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Lieu : Bruxelles.", "Participation : Non.", "Repas : Peut-être.", "Hébergement demandé.")


def form_text(*result: str) -> str:
    """A legacy text form field as Word writes it: its data in the begin's ``w:ffData``, a bookmark named after it
    around the field, the result's runs (``w:noProof``) between the separator and the end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Texte1"/><w:enabled/>'
            '<w:calcOnExit w:val="0"/><w:textInput/></w:ffData></w:fldChar></w:r><w:bookmarkStart w:id="0" '
            'w:name="Texte1"/><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + "".join(r(text, "<w:noProof/>") for text in result)
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="0"/>')


def test_an_empty_word_text_form_field_is_no_text(tmp_path):
    """Word fills a text form field nobody filled in with five en spaces (U+2002), a run each, for the form's user to
    type over (LibreOffice writes the same): no text of the author's. The field goes with the spaces around it, as the
    line reads without it, one space between words, none before a full stop or a comma; a filled one reads as typed."""
    blank = ["\u2002"] * 5
    body = (p(r("Je soussigné "), form_text(*blank), r(" déclare avoir pris connaissance du règlement."))
            + p(r("Nom :\t"), form_text(*blank))
            + p(form_text(*blank))
            + p(r("Fait à "), form_text(*blank), r(", le "), form_text(*blank), r(". Signature :"))
            + p(r("Lieu : "), form_text("Bruxelles"), r(".")))
    path = write_docx(tmp_path / "formulaire.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Je soussigné déclare avoir pris connaissance du règlement.", "Nom :", "Fait à, le. Signature :",
        "Lieu : Bruxelles.")
    assert segment(path) == ["Je soussigné déclare avoir pris connaissance du règlement.", "Nom :", "Fait à, le.",
                             "Signature :", "Lieu : Bruxelles."]
    # LibreOffice 7.4's ODT of the same form: each field a fieldmark, its five en spaces between its separator and end
    fieldmark = ('<field:fieldmark-start text:name="{name}" field:type="vnd.oasis.opendocument.field.FORMTEXT"/>'
                 '<field:fieldmark-separator/>{result}<field:fieldmark-end/>')
    field_ns = 'xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"'
    odt = (f'<text:p {field_ns} text:style-name="Standard">Je soussigné '
           + fieldmark.format(name="Texte1", result="\u2002" * 5)
           + '<text:bookmark-start text:name="Bookmark"/> déclare avoir pris connaissance du règlement.</text:p>'
           + f'<text:p {field_ns} text:style-name="Standard">Fait à <text:bookmark-end text:name="Bookmark"/>'
           + fieldmark.format(name="Texte2", result="\u2002" * 5) + ", le "
           + fieldmark.format(name="Texte3", result="\u2002" * 5) + ". Signature :</text:p>"
           + f'<text:p {field_ns} text:style-name="Standard">Lieu : '
           + fieldmark.format(name="Texte4", result="Bruxelles") + ".</text:p>")
    assert read_document(write_odt(tmp_path / "formulaire.fr.odt", odt)).paragraphs == (
        "Je soussigné déclare avoir pris connaissance du règlement.", "Fait à, le. Signature :", "Lieu : Bruxelles.")


def test_an_empty_form_field_between_tabs_leaves_no_space_between_them(tmp_path):
    """A form's line of labels, each field after a tab (*Nom :⇥[field]⇥Prénom :⇥[field]*): an empty field between two
    tabs was read as a space between them, a space the translator's segment kept (*Nom :⇥ ⇥Prénom :*). A field goes
    with no space where a tab or the paragraph's end is beside it."""
    blank = ["\u2002"] * 5
    body = p(r("Nom :\t"), form_text(*blank), r("\tPrénom :\t"), form_text(*blank), r(" \tDate : "), form_text(*blank))
    path = write_docx(tmp_path / "formulaire.fr.docx", body)
    assert read_document(path).paragraphs == ("Nom :\t\tPrénom :\t\tDate :",)
    assert segment(path) == ["Nom :\t\tPrénom :\t\tDate :"]

def test_an_empty_form_field_of_an_odt_written_before_libreoffice_7_2_is_no_text(tmp_path):
    """LibreOffice wrote a fieldmark's separator from 7.2 on: before it (and as it still reads such files), a text form
    field's result is all between its start and its end, and its type may still name Word's (``msoffice.field.FORMTEXT``,
    ``ecma.office-open-xml.field.FORMTEXT``). Such an empty field's five en spaces stayed in the sentence."""
    field_ns = 'xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"'
    fieldmark = ('<field:fieldmark-start text:name="__Fieldmark__{number}_1432" field:type="{kind}"/>{result}'
                 '<field:fieldmark-end/>')
    odt = (f'<text:p {field_ns} text:style-name="Standard">Je soussigné '
           + fieldmark.format(number=0, kind="vnd.oasis.opendocument.field.FORMTEXT", result="\u2002" * 5)
           + " déclare avoir pris connaissance du règlement.</text:p>"
           + f'<text:p {field_ns} text:style-name="Standard">Fait à '
           + fieldmark.format(number=1, kind="msoffice.field.FORMTEXT", result="\u2002" * 5) + ", le "
           + fieldmark.format(number=2, kind="ecma.office-open-xml.field.FORMTEXT", result="\u2002" * 5)
           + ". Lieu : " + fieldmark.format(number=3, kind="vnd.oasis.opendocument.field.FORMTEXT", result="Mons")
           + ".</text:p>")
    assert read_document(write_odt(tmp_path / "formulaire.fr.odt", odt)).paragraphs == (
        "Je soussigné déclare avoir pris connaissance du règlement.", "Fait à, le. Lieu : Mons.")


def test_word_error_for_a_lost_cross_reference_is_not_the_authors_text(tmp_path):
    """A cross-reference (REF, PAGEREF, NOTEREF) whose bookmark was deleted with its heading or caption shows, once
    updated, Word's error in the language of its interface (*Erreur ! Source du renvoi introuvable.*, *Error! Reference
    source not found.*, *Fehler! Verweisquelle konnte nicht gefunden werden.*, *Erreur ! Signet non défini.*): not the
    author's words, and its *!* would end the author's sentence. It is read as nothing, in a complex or a simple field;
    a reference found reads as it shows, and so does the message where the author typed it."""
    body = (
        p(r("Les effectifs figurent au tableau "),
          field(" REF _Ref45873 \\h ", r("Erreur\u00a0! Source du renvoi introuvable.")), r(". Ils ont augmenté."))
        + p(r("Voir la section "), field(" REF _Ref45874 \\r \\h ", r("Erreur ! "), r("Source du renvoi introuvable.")),
            r(" pour le détail, page "), '<w:fldSimple w:instr=" PAGEREF _Ref45874 \\h "><w:r><w:t>Erreur ! Signet non '
            'défini.</w:t></w:r></w:fldSimple>', r("."))
        + p(r("See Table "), field(" REF _Ref1 \\h ", r("Error! Reference source not found.")), r(" and note "),
            field(" NOTEREF _Ref2 \\h ", r("Fehler! Verweisquelle konnte nicht gefunden werden.")), r(" below."))
        + p(r("Le "), field(" REF _Ref45875 \\h ", r("Tableau 3")), r(" résume les effectifs."))
        + p(r("Le message « Erreur ! Source du renvoi introuvable. » signale un renvoi rompu.")))
    path = write_docx(tmp_path / "renvois.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Les effectifs figurent au tableau. Ils ont augmenté.", "Voir la section pour le détail, page.",
        "See Table and note below.", "Le Tableau 3 résume les effectifs.",
        "Le message « Erreur ! Source du renvoi introuvable. » signale un renvoi rompu.")
    assert segment(path)[:3] == ["Les effectifs figurent au tableau.", "Ils ont augmenté.",
                                 "Voir la section pour le détail, page."]
    # the same document saved as ODT by LibreOffice 7.4: each reference a text:bookmark-ref keeping Word's text
    odt = ('<text:p text:style-name="Standard">Les effectifs figurent au tableau <text:bookmark-ref '
           'text:reference-format="text" text:ref-name="_Ref45873">Erreur ! Source du renvoi introuvable.'
           '</text:bookmark-ref>. Ils ont augmenté.</text:p><text:p text:style-name="Standard">Voir la section '
           '<text:bookmark-ref text:reference-format="number" text:ref-name="_Ref45874">Erreur ! Source du renvoi '
           'introuvable.</text:bookmark-ref><text:s/>pour le détail, page <text:bookmark-ref '
           'text:reference-format="page" text:ref-name="_Ref45874">Erreur ! Signet non défini.</text:bookmark-ref>.'
           '</text:p>'
           '<text:p text:style-name="Standard">Le <text:bookmark-ref text:reference-format="text" '
           'text:ref-name="_Ref45875">Tableau 3</text:bookmark-ref><text:s/>résume les effectifs.</text:p>')
    assert read_document(write_odt(tmp_path / "renvois.fr.odt", odt)).paragraphs == (
        "Les effectifs figurent au tableau. Ils ont augmenté.", "Voir la section pour le détail, page.",
        "Le Tableau 3 résume les effectifs.")


def test_word_s_other_field_errors_are_not_the_authors_text(tmp_path):
    """Word's error where another field could make no result was read as text: a caption's chapter number
    (``STYLEREF 1 \\s``) with no *Heading 1* in the document, *Figure Error! No text of specified style in document.-1*,
    its *!* ending the caption's sentence; a document's property gone (*Error! Unknown document property name.*); a
    hyperlink to a bookmark gone; a formula's (*!Syntax Error, )*); in every language of Word's interface, whichever of
    its messages (each opens with Word's word for an error: *Erreur !*, *Fehler!*, *Errore.*). They are read as nothing,
    as a lost cross-reference's error is; a field's own result reads as it shows, and so does the author's text."""
    body = (
        p(r("Figure "), field(" STYLEREF 1 \\s ", r("Error! No text of specified style in document.")), r("-"),
          field(" SEQ Figure \\* ARABIC \\s 1 ", r("1")), r(" Structure de commandement de l’OTAN"))
        + p(r("Le chapitre "), field(' STYLEREF "Titre 1" ',
                                     r("Erreur\u00a0! Il n'y a pas de texte répondant à ce style dans ce document.")),
            r(" traite des capacités."))
        + p(r("Das Kapitel "), field(" STYLEREF 1 ", r("Fehler! Kein Text mit angegebener Formatvorlage im Dokument.")),
            r(" behandelt die Fähigkeiten."))
        + p(r("Rédacteur : "), field(" DOCPROPERTY Rédacteur ", r("Error! Unknown document property name.")),
            r(". Classification : "), field(" DOCPROPERTY Classification ", r("OTAN SANS CLASSIFICATION")), r("."))
        + p(r("Voir "), field(' HYPERLINK \\l "_Toc4567" ', r("Error! Hyperlink reference not valid.")),
            r(" pour le détail. Le total est de "), field(" =SUM(ABOVE) ", r("!Syntax Error, )")), r(" euros."))
        + p(r("Le message « Error! No text of specified style in document. » signale un style absent.")))
    path = write_docx(tmp_path / "legendes.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Figure -1 Structure de commandement de l’OTAN", "Le chapitre traite des capacités.",
        "Das Kapitel behandelt die Fähigkeiten.", "Rédacteur :. Classification : OTAN SANS CLASSIFICATION.",
        "Voir pour le détail. Le total est de euros.",
        "Le message « Error! No text of specified style in document. » signale un style absent.")
    assert segment(path)[:2] == ["Figure -1 Structure de commandement de l’OTAN", "Le chapitre traite des capacités."]
    # the same document saved as ODT by LibreOffice 7.4: the STYLEREF a fieldmark it does not handle, keeping Word's
    # text, the property a user-defined field, the hyperlink a link; a reference it updates shows its own error
    fieldmark = ('<field:fieldmark-start text:name="Bookmark" field:type="vnd.oasis.opendocument.field.UNHANDLED">'
                 '<field:param field:name="vnd.oasis.opendocument.field.code" field:value="STYLEREF 1 \\s"/>'
                 '</field:fieldmark-start><field:fieldmark-separator/>{result}<field:fieldmark-end/>')
    field_ns = 'xmlns:field="urn:openoffice:names:experimental:ooo-ms-interop:xmlns:field:1.0"'
    odt = (f'<text:p {field_ns} text:style-name="Standard">Figure '
           + fieldmark.format(result="Error! No text of specified style in document.") + "-<text:sequence "
           'text:ref-name="refFigure0" text:name="Figure" text:formula="ooow:Figure+1" style:num-format="1">1'
           "</text:sequence> Structure de commandement de l’OTAN</text:p>"
           '<text:p text:style-name="Standard">Rédacteur : <text:user-defined text:name="Rédacteur" '
           'text:fixed="true">Error! Unknown document property name.</text:user-defined>.</text:p>'
           '<text:p text:style-name="Standard">Voir <text:a xlink:type="simple" xlink:href="#_Toc4567">Error! '
           "Hyperlink reference not valid.</text:a> pour le détail.</text:p>"
           '<text:p text:style-name="Standard">Voir la figure <text:bookmark-ref text:reference-format="text" '
           'text:ref-name="_Ref1">Error: Reference source not found</text:bookmark-ref> et le <text:bookmark-ref '
           'text:reference-format="text" text:ref-name="_Ref2">Erreur : source de la référence non trouvée'
           "</text:bookmark-ref>, puis le <text:bookmark-ref text:reference-format=\"text\" text:ref-name=\"_Ref3\">"
           "Tableau 3</text:bookmark-ref>.</text:p>")
    assert read_document(write_odt(tmp_path / "legendes.fr.odt", odt)).paragraphs == (
        "Figure -1 Structure de commandement de l’OTAN", "Rédacteur :.", "Voir pour le détail.",
        "Voir la figure et le, puis le Tableau 3.")


def test_a_field_showing_the_author_s_words_opening_with_error_is_read(tmp_path):
    """Any field's result opening with Word's word for an error (*Erreur !*, *!*) was left out as Word's error: a
    manual's cross-reference to a message it lists (its bookmark there, *Erreur ! Le serveur ne répond pas.*), a
    QUOTE's text, a merge field's data, what a form's user typed, a link reading *!important*, all lost. Word writes
    its error only where it computes a result and can make none (a bookmark gone, a style's text, a formula): the
    others are the author's words, Word's error there only as one of its messages whole."""
    body = (
        p('<w:bookmarkStart w:id="1" w:name="_Ref1"/>', r("Erreur ! Le serveur ne répond pas."),
          '<w:bookmarkEnd w:id="1"/>')
        + p(r("Si le message « "), field(" REF _Ref1 \\h ", r("Erreur ! Le serveur ne répond pas.")),
            r(" » s’affiche, redémarrez."))
        + p(r("Le message "), field(' QUOTE "Erreur ! Accès refusé." ', r("Erreur ! Accès refusé.")),
            r(" signale un droit manquant."))
        + p(r("Objet : "), field(" MERGEFIELD Objet ", r("Erreur ! Mise à jour de la base.")), r(" Merci."))
        + p(r("Réponse : "), form_text("Erreur ! Le formulaire est incomplet."), r(" Fin."))
        + p(r("Évitez "), field(' HYPERLINK "https://developer.mozilla.org/fr/docs/Web/CSS/important" ',
                                r("!important")), r(" dans vos feuilles de style."))
        + p(r("Voir "), field(" REF _Ref9 \\h ", r("Erreur ! Il n’y a pas de signet de ce nom.")), r(" plus haut."))
        + p(r("Rédacteur : "), field(" DOCPROPERTY Rédacteur ", r("Erreur ! Nom de propriété de document inconnu.")),
            r(". Voir "), field(' HYPERLINK \\l "_Toc1" ', r("Erreur ! Référence de lien hypertexte non valide.")),
            r(" plus bas.")))
    assert read_document(write_docx(tmp_path / "messages.fr.docx", body)).paragraphs == (
        "Erreur ! Le serveur ne répond pas.",
        "Si le message « Erreur ! Le serveur ne répond pas. » s’affiche, redémarrez.",
        "Le message Erreur ! Accès refusé. signale un droit manquant.",
        "Objet : Erreur ! Mise à jour de la base. Merci.", "Réponse : Erreur ! Le formulaire est incomplet. Fin.",
        "Évitez !important dans vos feuilles de style.",
        "Voir plus haut.", "Rédacteur :. Voir plus bas.")
    # the same as LibreOffice saves it as ODT: the cross-reference a bookmark-ref, the link a text:a
    odt = ('<text:p text:style-name="Standard"><text:bookmark text:name="_Ref1"/>Erreur ! Le serveur ne répond pas.'
           '</text:p><text:p text:style-name="Standard">Si le message « <text:bookmark-ref '
           'text:reference-format="text" text:ref-name="_Ref1">Erreur ! Le serveur ne répond pas.</text:bookmark-ref>'
           ' » s’affiche, redémarrez.</text:p><text:p text:style-name="Standard">Évitez <text:a '
           'xlink:type="simple" xlink:href="https://developer.mozilla.org/">!important</text:a> dans vos feuilles de '
           "style.</text:p>"
           '<text:p text:style-name="Standard">Voir <text:a xlink:type="simple" xlink:href="https://example.org/faq">'
           "Erreur ! Connexion impossible</text:a> dans la FAQ.</text:p>")
    assert read_document(write_odt(tmp_path / "messages.fr.odt", odt)).paragraphs == (
        "Erreur ! Le serveur ne répond pas.",
        "Si le message « Erreur ! Le serveur ne répond pas. » s’affiche, redémarrez.",
        "Évitez !important dans vos feuilles de style.", "Voir Erreur ! Connexion impossible dans la FAQ.")


def test_word_notes_follow_their_paragraph_and_comments_are_left_out(tmp_path):
    body = (
        p(r("Le Comité militaire"), reference("footnote", 1), r(" s’est réuni à Bruxelles"),
          reference("footnote", 2), r(".")) +
        p('<w:commentRangeStart w:id="0"/>', r("Les chefs d’état-major ont approuvé le rapport."),
          '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
          '<w:commentReference w:id="0"/></w:r>') +
        p(r("Voir l’annexe"), reference("endnote", 1), r(".")) +
        p(r("Dernier paragraphe."))
    )
    path = write_docx(
        tmp_path / "notes.fr.docx", body,
        footnotes=note("footnote", 1, r("Le plus haut organe militaire de l’OTAN.")) +
        note("footnote", 2, r("Au siège de l’OTAN."), r("Deuxième paragraphe de la note.")),
        endnotes=note("endnote", 1, r("L’annexe A donne la liste des participants.")),
        comments=f'<w:comment w:id="0" {DATE} w:initials="AD">' + p(
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>',
            r("Vérifier la date.")) + "</w:comment>",
        header=p(r("OTAN SANS CLASSIFICATION")), footer=p(r("Page "), field(" PAGE ", r("1"))))
    assert segment(path) == [
        "Le Comité militaire s’est réuni à Bruxelles.", "Le plus haut organe militaire de l’OTAN.",
        "Au siège de l’OTAN.", "Deuxième paragraphe de la note.",
        "Les chefs d’état-major ont approuvé le rapport.", "Voir l’annexe.", "Dernier paragraphe.",
        "L’annexe A donne la liste des participants.", "OTAN SANS CLASSIFICATION"]


def test_word_headers_and_footers_are_read_once_after_the_body_without_page_numbers(tmp_path):
    """A translator translates a document's headers and footers (OmegaT, Trados and memoQ offer them): they were left
    out. Each header and footer part is read once, however many sections show it, after the body and its endnotes,
    headers then footers, each by its number, as OmegaT orders them; a page's number (the PAGE and NUMPAGES fields)
    goes with the words that label it (*Page 2 sur 9*), the text beside it across a tab stays."""
    tab = "<w:r><w:tab/></w:r>"
    second_section = ('<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:headerReference w:type="first" '
                      'r:id="rId11"/><w:footerReference w:type="default" r:id="rId9"/><w:titlePg/></w:sectPr>')
    body = (p(r("Le Conseil a approuvé le plan.")) + p(r("Annexe A"), props=second_section)
            + p(r("Les Alliés ont voté."), reference("endnote", 1)))
    path = write_docx(
        tmp_path / "rapport.fr.docx", body, endnotes=note("endnote", 1, r("Vote à l’unanimité.")),
        header=p(r("OTAN SANS CLASSIFICATION")), first_header=p(r("Division des affaires politiques")),
        footer=p(r("Rapport annuel 2024"), tab, r("Page "), field(" PAGE ", r("2")), r(" sur "),
                 '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>'))
    assert read_document(path).paragraphs == (
        "Le Conseil a approuvé le plan.", "Annexe A", "Les Alliés ont voté.", "Vote à l’unanimité.",
        "OTAN SANS CLASSIFICATION", "Division des affaires politiques", "Rapport annuel 2024")


def test_a_footer_s_sentence_beside_its_page_number_stays(tmp_path):
    """A footer's page number went with the whole piece of the line holding it: a footer typed as one line, its
    notice or its marking then the page's number without a tab between them, was lost, sentence and all. The
    number goes with the words labelling it and the dash before them; the rest of the line stays."""
    path = write_docx(
        tmp_path / "note.fr.docx", p(r("Le Conseil a approuvé le plan.")),
        header=p(r("OTAN SANS CLASSIFICATION – Page "), field(" PAGE ", r("2")), r(" sur "), field(" NUMPAGES ", r("9"))),
        footer=p(r("Ce document est la propriété de l’OTAN et ne peut être diffusé sans autorisation. p. "),
                 field(" PAGE ", r("2")), r("/"), field(" NUMPAGES ", r("9"))))
    assert read_document(path).paragraphs == (
        "Le Conseil a approuvé le plan.", "OTAN SANS CLASSIFICATION",
        "Ce document est la propriété de l’OTAN et ne peut être diffusé sans autorisation.")


def test_running_heads_dates_and_times_in_headers_and_footers_are_no_units(tmp_path):
    """A running head (Word's STYLEREF, LibreOffice's ``text:chapter``: the heading the page is under, repeated) and
    the date and time printed in a footer (DATE, TIME, ``text:date``, ``text:time``) became units, with the text
    beside them: generated text, no author's words, which changes with each printing. They go as a page's number
    does, with the words bound to them (*Imprimé le … à*), as LibreOffice writes them in a DOCX and in an ODT;
    a title before a date (*Rapport annuel 2024*) and the text across a tab stay."""
    tab = "<w:r><w:tab/></w:r>"
    path = write_docx(
        tmp_path / "rapport.fr.docx", p(r("Introduction"), style="Heading1") + p(r("Le Conseil a approuvé le plan.")),
        header=p(field(' STYLEREF  1 \\* MERGEFORMAT ', r("Introduction")), tab, r("Rapport annuel")),
        footer=p(r("Imprimé le "), field(' DATE \\@"dd/MM/yyyy" ', r("07/12/2026")), r(" à "),
                 field(' TIME \\@"HH:mm" ', r("06:39")), tab, r("Page "), field(" PAGE ", r("1")))
        + p(r("Rapport annuel 2024 "), '<w:fldSimple w:instr=" SAVEDATE \\@ &quot;d MMMM yyyy&quot; "><w:r><w:t>7 '
            "décembre 2026</w:t></w:r></w:fldSimple>"))
    assert read_document(path).paragraphs == ("Introduction", "Le Conseil a approuvé le plan.", "Rapport annuel",
                                              "Rapport annuel 2024")
    pages = master_page(
        "Standard", ("style:header", '<text:p text:style-name="Header"><text:chapter text:display="name" '
                                     'text:outline-level="1">Introduction</text:chapter><text:tab/>Rapport annuel'
                                     "</text:p>"),
        ("style:footer", '<text:p text:style-name="Footer">Imprimé le <text:date style:data-style-name="N30" '
                         'text:date-value="2026-12-07T06:39:30.833066850">07/12/2026</text:date><text:s/>à <text:time '
                         'style:data-style-name="N61" text:time-value="2026-12-07T06:39:30.833225897">06:39:30'
                         '</text:time><text:tab/>Page <text:page-number text:select-page="current">1</text:page-number>'
                         '<text:s/>sur <text:page-count>1</text:page-count></text:p><text:p text:style-name="Footer">'
                         'Version : <text:file-name text:display="name">rapport-v3</text:file-name></text:p>'))
    body = ('<text:h text:style-name="Heading_20_1" text:outline-level="1">Introduction</text:h>'
            '<text:p text:style-name="P1">Le Conseil a approuvé le plan.</text:p>')
    assert read_document(write_odt(tmp_path / "rapport.fr.odt", body, master_pages=pages)).paragraphs == (
        "Introduction", "Le Conseil a approuvé le plan.", "Rapport annuel")


@pytest.mark.parametrize("label, count, text", [
    ("Стр. ", " из ", "Министерство обороны"), ("Strona ", " z ", "Ministerstwo Obrony Narodowej"),
    ("صفحة ", " من ", "وزارة الدفاع"), ("第", "页，共", "国防部"), ("", " / ", "防衛省"), ("Sayfa ", " / ", "Savunma Bakanlığı"),
    ("Σελίδα ", " από ", "Υπουργείο Άμυνας"), ("Page ", " sur ", "Page d’accueil de la section de")],
    ids=["ru", "pl", "ar", "zh", "ja", "tr", "el", "fr"])
def test_a_page_number_s_label_goes_in_every_language_the_text_beside_it_stays(tmp_path, label, count, text):
    """A page's number went with its label in a few European languages only (*Page*, *Seite*, *p.*): *Стр. 3 из 9*,
    *第3页，共9页*, *3 / 9 ページ* left their labels as units. Each language's labels go (``_PAGE_LABELS``), before the
    number, after it (页, ページ) and between it and the count, and only beside the field: the text before it in the
    same piece stays."""
    after = {"第": "页", "": " ページ"}.get(label, "")
    path = write_docx(tmp_path / "document.docx", p(r("Le Conseil a approuvé le plan.")),
                      footer=p(r(f"{text} – {label}"), field(" PAGE ", r("3")), r(count), field(" NUMPAGES ", r("9")),
                               r(after)))
    assert read_document(path).paragraphs == ("Le Conseil a approuvé le plan.", text)


def test_a_paragraph_s_private_use_characters_are_kept_beside_a_footer_s_page_number(tmp_path):
    """U+E000, a private-use character a font or an input method gives a glyph or a company's logo, stood in a
    paragraph as read for a header's page number, and was taken out of every paragraph, the body's too: an author's
    character was lost. Fields are marked apart from the text, and a footer's own U+E000 beside its page number
    stays too."""
    path = write_docx(tmp_path / "logo.fr.docx", p(r("Le logo \ue000 de l’Alliance.")),
                      footer=p(r("\ue000 OTAN – Page "), field(" PAGE ", r("3"))))
    assert read_document(path).paragraphs == ("Le logo \ue000 de l’Alliance.", "\ue000 OTAN")
    body = '<text:p text:style-name="P1">Le logo \ue000 de l’Alliance.</text:p>'
    pages = master_page("Standard", ("style:footer", '<text:p text:style-name="Footer">\ue000 OTAN – Page '
                                                     '<text:page-number text:select-page="current">3</text:page-number>'
                                                     "</text:p>"))
    assert read_document(write_odt(tmp_path / "logo.fr.odt", body, master_pages=pages)).paragraphs == (
        "Le logo \ue000 de l’Alliance.", "\ue000 OTAN")


def test_a_word_header_no_page_shows_gives_no_units(tmp_path):
    """Word keeps a first page's header when *Different first page* is unticked, and the even pages' when *Different
    odd and even* is: the section still names them (``w:headerReference``), but no ``w:titlePg`` nor
    ``w:evenAndOddHeaders`` shows them on any page. Their text became units. A header is read where a page shows it."""
    import docx

    document = docx.Document()
    document.add_paragraph("Le Conseil a approuvé le plan.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "OTAN SANS CLASSIFICATION"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Page de garde : projet"
    section.even_page_header.paragraphs[0].text = "Rapport annuel (pages paires)"
    section.different_first_page_header_footer = False
    document.save(tmp_path / "rapport.fr.docx")
    assert read_document(tmp_path / "rapport.fr.docx").paragraphs == ("Le Conseil a approuvé le plan.",
                                                                      "OTAN SANS CLASSIFICATION")
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    document.save(tmp_path / "rapport.fr.docx")
    assert read_document(tmp_path / "rapport.fr.docx").paragraphs == (
        "Le Conseil a approuvé le plan.", "OTAN SANS CLASSIFICATION", "Page de garde : projet",
        "Rapport annuel (pages paires)")


def test_a_marking_in_several_headers_is_read_once(tmp_path):
    """Word keeps the default, first-page and even-page headers in parts of their own, and a classification marking
    is typed in each (*OTAN SANS CLASSIFICATION*): it made as many identical units. A header's or a footer's
    paragraph is read once however many of them repeat it; the others' own text stays."""
    section = ('<w:sectPr><w:headerReference w:type="default" r:id="rId8"/><w:headerReference w:type="first" '
               'r:id="rId11"/><w:headerReference w:type="even" r:id="rId12"/><w:footerReference w:type="default" '
               'r:id="rId9"/><w:titlePg/></w:sectPr>')
    marking = p(r("OTAN SANS CLASSIFICATION"))
    path = write_docx(tmp_path / "rapport.fr.docx", p(r("Le Conseil a approuvé le plan."), props=section),
                      header=marking, first_header=marking + p(r("Division des affaires politiques")),
                      even_header=p(r("Rapport annuel 2024")) + marking, footer=marking)
    assert read_document(path).paragraphs == (
        "Le Conseil a approuvé le plan.", "OTAN SANS CLASSIFICATION", "Division des affaires politiques",
        "Rapport annuel 2024")


def test_a_number_typed_before_a_tab_is_left_out_as_word_s_numbering_is(tmp_path):
    """Word's own numbering (a list's, a heading's) is no text of the paragraph; a number or a letter a writer types
    before a tab to number by hand (*1.⇥*, *a)⇥*, *(iv)⇥*, *2.1⇥*) stayed in the unit, tab and all. Both are read
    alike; a number in the text, or a tab further on, stays."""
    tab = "<w:r><w:tab/></w:r>"
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = (p(r("2.1"), tab, r("Contexte"), style="Titre2")
            + p(r("1."), tab, r("Les Alliés réaffirment leur engagement."))
            + p(r("a)"), tab, r("renforcer la dissuasion ;"))
            + p(r("(iv)"), tab, r("améliorer l’interopérabilité."))
            + p(r("Les ministres se réunissent."), props=numbered)
            + p(r("32 Alliés ont signé."))
            + p(r("Lieu :"), tab, r("Bruxelles"))
            + p(r("(2)"), tab, r("Les délégations arrivent."))
            + p(r("12"), tab, r("Alliés ont signé la déclaration."))  # a count, not a number of the paragraph's
            + p(r("09.30"), tab, r("Arrivée des délégations")))  # an agenda's time
    path = write_docx(tmp_path / "plan.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Contexte", "Les Alliés réaffirment leur engagement.", "renforcer la dissuasion ;",
        "améliorer l’interopérabilité.", "Les ministres se réunissent.", "32 Alliés ont signé.", "Lieu :\tBruxelles",
        "Les délégations arrivent.", "12\tAlliés ont signé la déclaration.", "09.30\tArrivée des délégations")


def test_an_agenda_s_time_before_a_tab_stays_and_a_tenth_section_s_number_goes(tmp_path):
    """A time of day typed before a tab (*10.30⇥*, *14.00⇥*) was left out as a paragraph's number, where *09.30⇥*
    stayed: an agenda lost its times. A time (hours 0–23, minutes 00–59) stays; a section numbered 7.10 after 7.1 to
    7.9 typed by hand is a section's number and goes, as a number with a dot after it (*2.10.⇥*) does."""
    tab = "<w:r><w:tab/></w:r>"
    agenda = (p(r("Ordre du jour")) + p(r("09.30"), tab, r("Arrivée des délégations"))
              + p(r("10.30"), tab, r("Ouverture de la séance")) + p(r("14.00"), tab, r("Déjeuner de travail"))
              + p(r("23.45"), tab, r("Clôture")))
    sections = (p(r("7.1"), tab, r("Contexte"), style="Titre2")
                + "".join(p(r(f"7.{n}"), tab, r(f"Point {n}"), style="Titre2") for n in range(2, 10))
                + p(r("7.10"), tab, r("Conclusions"), style="Titre2") + p(r("2.10."), tab, r("Annexes"), style="Titre2"))
    path = write_docx(tmp_path / "programme.fr.docx", agenda + sections)
    assert read_document(path).paragraphs == (
        "Ordre du jour", "09.30\tArrivée des délégations", "10.30\tOuverture de la séance", "14.00\tDéjeuner de travail",
        "23.45\tClôture", "Contexte", *(f"Point {n}" for n in range(2, 10)), "Conclusions", "Annexes")
    body = ('<text:p text:style-name="P1">10.30<text:tab/>Ouverture de la séance</text:p>'
            '<text:p text:style-name="P1">2.1<text:tab/>Contexte</text:p>')
    assert read_document(write_odt(tmp_path / "programme.fr.odt", body)).paragraphs == (
        "10.30\tOuverture de la séance", "Contexte")


def test_an_agenda_after_paragraphs_numbered_by_hand_keeps_its_times(tmp_path):
    """A report numbers its paragraphs by hand (*1.⇥* … *12.⇥*, NATO's way) and its annex holds the meeting's
    agenda (*10.30⇥Ouverture*): the agenda's times from 10.30 on were dropped, taken for section 10's tenth, 11's
    …, as were an agenda's *9.30⇥* after a section *9.1⇥*. A time reads as a section's number only after the
    section before it (*7.9⇥* before *7.10⇥*), which no agenda types."""
    tab = "<w:r><w:tab/></w:r>"
    report = "".join(p(r(f"{n}."), tab, r(f"Le Conseil note le point {n}.")) for n in range(1, 13))
    sections = p(r("9.1"), tab, r("Contexte"), style="Titre2") + p(r("9.2"), tab, r("Calendrier"), style="Titre2")
    agenda = "".join(p(r(time), tab, r(item)) for time, item in (
        ("9.30", "Arrivée des délégations"), ("10.30", "Ouverture de la séance"), ("11.00", "Pause"),
        ("12.15", "Déjeuner de travail")))
    path = write_docx(tmp_path / "rapport.fr.docx", report + sections + p(r("Annexe A – Ordre du jour")) + agenda)
    assert read_document(path).paragraphs == (
        *(f"Le Conseil note le point {n}." for n in range(1, 13)), "Contexte", "Calendrier", "Annexe A – Ordre du jour",
        "9.30\tArrivée des délégations", "10.30\tOuverture de la séance", "11.00\tPause",
        "12.15\tDéjeuner de travail")


def test_a_word_note_s_custom_mark_is_dropped_as_its_number_is(tmp_path):
    """A note given a custom mark (References > Footnote > Custom mark: *, †, a letter) has it written as text
    after its reference, in the run, and again as the note's first run: neither is read, as a number is not."""
    def cited(kind: str, number: int, mark: str) -> str:
        style = "Appelnotedebasdep" if kind == "footnote" else "Appeldenotedefin"
        return (f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:{kind}Reference w:customMarkFollows="1" '
                f'w:id="{number}"/>{mark}</w:r>')

    def custom(kind: str, number: int, mark: str, text: str) -> str:
        style = "Appelnotedebasdep" if kind == "footnote" else "Appeldenotedefin"
        return (f'<w:{kind} w:id="{number}">' + p(f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>{mark}</w:r>',
                                                   r(" " + text), style="Notedebasdepage") + f"</w:{kind}>")

    star, dagger = "<w:t>*</w:t>", '<w:sym w:font="Times New Roman" w:char="2020"/>'
    body = (p(r("Le Conseil"), cited("footnote", 1, star), r(" a siégé à Bruxelles"), cited("footnote", 2, dagger),
              r(".")) + p(r("Voir l’annexe"), cited("endnote", 1, "<w:t>a</w:t>"), r(".")))
    path = write_docx(tmp_path / "appels.fr.docx", body,
                      footnotes=custom("footnote", 1, star, "Session extraordinaire.")
                      + custom("footnote", 2, dagger, "Au siège de l’OTAN."),
                      endnotes=custom("endnote", 1, "<w:t>a</w:t>", "La liste des participants."))
    assert read_document(path).paragraphs == (
        "Le Conseil a siégé à Bruxelles.", "Session extraordinaire.", "Au siège de l’OTAN.", "Voir l’annexe.",
        "La liste des participants.")


def test_a_word_text_box_is_read_once_after_its_paragraph(tmp_path):
    body = (p(r("Les effectifs ont augmenté. "), text_box(p(r("Chiffres clés : 30 Alliés."))),
              r("Le budget aussi.")) + p(r("Suite du rapport.")))
    path = write_docx(tmp_path / "box.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Les effectifs ont augmenté. Le budget aussi.", "Chiffres clés : 30 Alliés.", "Suite du rapport.")


def smart_art(*texts: str) -> tuple[str, str]:
    """A SmartArt diagram as Word writes it: the drawing in a run naming its parts by relationship id (rId21:
    data, the others layout, quick style and colours), and the data part: the document's point, a point
    per shape holding its text, the connections' points (empty text) and the layout's (none)."""
    def point(model: str, text: str, kind: str = "") -> str:
        body = (f'<a:p><a:r><a:rPr lang="fr-FR"/><a:t>{text}</a:t></a:r></a:p>' if text
                else '<a:p><a:endParaRPr lang="fr-FR"/></a:p>')
        typed = f' type="{kind}"' if kind else ""
        return (f'<dgm:pt modelId="{{{model}}}"{typed}><dgm:prSet phldrT="[Texte]"/>'
                f"<dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>{body}</dgm:t></dgm:pt>")

    drawing = ('<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
               '<wp:extent cx="5486400" cy="3200400"/><wp:docPr id="1" name="Diagramme 1"/><wp:cNvGraphicFramePr/>'
               '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData '
               'uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds xmlns:dgm="http://schemas.'
               'openxmlformats.org/drawingml/2006/diagram" r:dm="rId21" r:lo="rId31" r:qs="rId32" r:cs="rId33"/>'
               "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    points = point("5A1C0E2B-0001", "", "doc") + "".join(
        point(f"5A1C0E2B-1{n:03}", text) + point(f"5A1C0E2B-2{n:03}", "", "parTrans")
        + point(f"5A1C0E2B-3{n:03}", "", "sibTrans") for n, text in enumerate(texts))
    data = ('<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://'
            f'schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>{points}<dgm:pt modelId="{{5A1C0E2B-9000}}" '
            'type="pres"><dgm:prSet presAssocID="{5A1C0E2B-0001}" presName="hierChild1" presStyleCnt="0"/><dgm:spPr/>'
            '</dgm:pt></dgm:ptLst><dgm:cxnLst><dgm:cxn modelId="{5A1C0E2B-8000}" srcId="{5A1C0E2B-0001}" '
            'destId="{5A1C0E2B-1000}" srcOrd="0" destOrd="0"/></dgm:cxnLst><dgm:bg/><dgm:whole/></dgm:dataModel>')
    return drawing, data


def test_a_word_smart_art_diagram_s_text_follows_its_paragraph(tmp_path):
    """A SmartArt diagram (an organisation chart) keeps its text in a part of its own: each shape's text is
    a paragraph after the paragraph holding the diagram, as a text box's is."""
    drawing, data = smart_art("Secrétaire général", "Comité militaire", "État-major international")
    body = p(r("L’organigramme ci-dessous présente les organes.")) + p(drawing) + p(r("Fin du rapport."))
    path = write_docx(tmp_path / "organigramme.fr.docx", body, diagrams=(data,))
    assert read_document(path).paragraphs == (
        "L’organigramme ci-dessous présente les organes.", "Secrétaire général", "Comité militaire",
        "État-major international", "Fin du rapport.")


def test_word_fields_give_their_result_never_their_code(tmp_path):
    """A field's instruction (HYPERLINK "…", PAGEREF, MERGEFIELD) is no text, its result is, in a simple
    field too; a table of contents, the headings again with page numbers, is left out."""
    toc_entry = p(field(' HYPERLINK \\l "_Toc1" ', r("1. Introduction"), '<w:r><w:tab/></w:r>',
                        field(" PAGEREF _Toc1 \\h ", r("2"))), style="TM1")
    body = (
        p(field(' TOC \\o "1-3" \\h \\z \\u '), style="TM1")  # the table's first entry shares the begin's paragraph
        .replace('<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>') +
        toc_entry + p('<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
        p(r("1. Introduction"), style="Heading1") +
        p(r("Consultez le "), field(' HYPERLINK "https://www.nato.int/|cps/fr/natohq/index.htm" ',
                                    r("site de l’OTAN", '<w:rStyle w:val="Hyperlink"/>')), r(".")) +
        p(r("Voir la page "), '<w:fldSimple w:instr=" PAGEREF _Ref4521 \\h "><w:r><w:t>4</w:t></w:r></w:fldSimple>',
          r(" et le tableau "), field(" REF _Ref4522 \\h ", r("2")), r(".")) +
        p(r("Cher "), field(" IF ", r("mon Général")).replace(  # the IF field's condition holds a field
            "</w:instrText></w:r>", "</w:instrText></w:r>" + field(" MERGEFIELD Titre ", r("«Titre»"))
            + '<w:r><w:instrText xml:space="preserve"> = "Général" "mon Général" "Monsieur" </w:instrText></w:r>'),
          r(","))
    )
    path = write_docx(tmp_path / "fields.fr.docx", body)
    assert read_document(path).paragraphs == (
        "1. Introduction", "Consultez le site de l’OTAN.", "Voir la page 4 et le tableau 2.", "Cher mon Général,")



def test_a_word_table_of_contents_whose_field_was_unlinked_is_left_out(tmp_path):
    """A table of contents whose field was unlinked (Ctrl+Shift+F9, as before sending a document out), or that
    LibreOffice wrote: its entries are plain paragraphs, each a heading again with a tab and its page number
    (*Contexte stratégique⇥3*), in Word's styles for a table's entries, whose ids the interface's language gives
    (TM1 in French) and whose names are English (toc 1; LibreOffice's Contents 1; a table of figures'). They
    are left out, as the field's are; the table's title, the headings, a cross-reference's page are text."""
    entry = '<w:r><w:tab/></w:r>'
    styles = "".join(style("paragraph", style_id, name, based_on="Normal") for style_id, name in (
        ("TM1", "toc 1"), ("TM2", "toc 2"), ("Contents1", "Contents 1"), ("Tabledesillustrations", "table of figures"),
        ("Titre1", "heading 1")))
    body = (p(r("Table des matières"))
            + p('<w:hyperlink w:anchor="_Toc1" w:history="1">' + r("1. Introduction") + entry + r("2")
                + "</w:hyperlink>", style="TM1")
            + p(r("1.1 Contexte stratégique") + entry + r("3"), style="TM2")
            + p(r("Annexe A") + entry + r("5"), style="Contents1")
            + p(r("Figure 1 : Organigramme") + entry + r("4"), style="Tabledesillustrations")
            + p(r("1. Introduction"), style="Titre1")
            + p(r("Voir la page "), '<w:fldSimple w:instr=" PAGEREF _Toc2 \\h "><w:r><w:t>3</w:t></w:r></w:fldSimple>',
                r("."))
            + p(r("1.1 Contexte stratégique"), style="Titre1"))
    path = write_docx(tmp_path / "rapport.fr.docx", body, styles=styles)
    assert read_document(path).paragraphs == (
        "Table des matières", "1. Introduction", "Voir la page 3.", "1.1 Contexte stratégique")

def test_word_content_controls_smart_tags_and_a_table_of_contents_control(tmp_path):
    body = (
        '<w:sdt><w:sdtPr><w:id w:val="-1742484519"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtEndPr/><w:sdtContent>'
        + p(r("Table des matières"), style="En-ttedetabledesmatires") + p(r("Introduction 1"), style="TM1")
        + "</w:sdtContent></w:sdt>" +
        p(r("Réunion tenue à "), '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="City">'
          '<w:r><w:t>Bruxelles</w:t></w:r></w:smartTag>', r(" le "),
          '<w:sdt><w:sdtPr><w:id w:val="1195120"/><w:date w:fullDate="2026-11-12T00:00:00Z"><w:dateFormat '
          'w:val="dd/MM/yyyy"/><w:lid w:val="fr-FR"/></w:date></w:sdtPr><w:sdtContent><w:r><w:t>12/11/2026</w:t>'
          '</w:r></w:sdtContent></w:sdt>', r(".")) +
        p('<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
          '<w:id w:val="1394238573"/><w14:checkbox><w14:checked w14:val="1"/><w14:checkedState w14:val="2612" '
          'w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
          '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" '
          'w:hint="eastAsia"/></w:rPr><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>',
          r(" Le demandeur dispose d’une habilitation.")) +
        '<w:sdt><w:sdtPr><w:alias w:val="Résumé"/><w:tag w:val="resume"/><w:id w:val="77"/></w:sdtPr><w:sdtContent>'
        + p(r("Le Conseil a approuvé le plan.")) + "</w:sdtContent></w:sdt>" +
        '<w:sdt><w:sdtPr><w:id w:val="78"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/>'
        '</w:placeholder><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
        + p('<w:r><w:rPr><w:rStyle w:val="Textedelespacerserv"/></w:rPr><w:t>Cliquez ou appuyez ici pour entrer du '
            'texte.</w:t></w:r>') + "</w:sdtContent></w:sdt>" +
        '<w:customXml w:uri="urn:example:rapport" w:element="conclusion">' + p(r("Fin du rapport.")) + "</w:customXml>"
    )
    path = write_docx(tmp_path / "controls.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Réunion tenue à Bruxelles le 12/11/2026.", "Le demandeur dispose d’une habilitation.",
        "Le Conseil a approuvé le plan.", "Fin du rapport.")


def test_word_run_characters_symbols_and_hidden_text(tmp_path):
    body = (
        p(r("Sigle"), "<w:r><w:tab/></w:r>", r("Forme développée")) +
        p(r("Rue de la Loi"), "<w:r><w:br/></w:r>", r("1000 Bruxelles")) +
        p(r("Fin du chapitre."), '<w:r><w:br w:type="page"/></w:r>', r("Le chapitre suivant commence.")) +
        p(r("La zone euro"), "<w:r><w:noBreakHyphen/></w:r>", r("atlantique et ses opé"),
          "<w:r><w:softHyphen/></w:r>", r("rations.")) +
        p(r("Une précision de ± 5 "), '<w:r><w:sym w:font="Symbol" w:char="F06D"/></w:r>',
          r("m "), '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
          '<w:sym w:font="Wingdings" w:char="F0E0"/></w:r>', r(" validée.")) +
        p(r("Texte lu."), r(" Note masquée au traducteur.", "<w:vanish/>"), r(" Texte lu aussi.", '<w:vanish w:val="0"/>')) +
        p(r("Avant le saut"), '<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve"> de page rendu.</w:t></w:r>') +
        p(r("Premier point"), style="Paragraphedeliste",  # its number (1.) is the numbering's, not text
          props='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')
    )
    path = write_docx(tmp_path / "runs.fr.docx", body)
    assert read_document(path).paragraphs == (
        "Sigle\tForme développée", "Rue de la Loi", "1000 Bruxelles", "Fin du chapitre.",
        "Le chapitre suivant commence.", "La zone euro-atlantique et ses opérations.",
        "Une précision de ± 5 μm  validée.", "Texte lu. Texte lu aussi.", "Avant le saut de page rendu.",
        "Premier point")


HIDDEN = "<w:vanish/>"
SHOWN = '<w:vanish w:val="0"/>'


def test_word_text_hidden_by_its_style_is_left_out(tmp_path):
    """Text hidden through word/styles.xml, as Word resolves the hidden property, a toggle (ECMA-376 Part 1
    §17.7.3): a style's value is the first its ``basedOn`` chain states; direct formatting on the run
    overrides the styles; a character style's value is combined with its paragraph style's by XOR."""
    styles = (
        style("character", "Notemasque", "Note masquée", HIDDEN + '<w:color w:val="7F7F7F"/>')
        + style("character", "Notemasquerouge", "Note masquée rouge", '<w:color w:val="C00000"/>',
                based_on="Notemasque")
        + style("character", "Notevisible", "Note visible", SHOWN, based_on="Notemasque")
        + style("paragraph", "Consigne", "Consigne", HIDDEN, based_on="Normal")
        + style("paragraph", "Consignedtaille", "Consigne détaillée", '<w:i/>', based_on="Consigne")
        + style("character", "Lien", "Lien", '<w:u w:val="single"/>'))
    body = (
        p(r("Le Conseil a approuvé le plan."), r(" Vérifier la date.", '<w:rStyle w:val="Notemasque"/>'),
          r(" À relire.", '<w:rStyle w:val="Notemasquerouge"/>'), r(" Il entre en vigueur en mai.",
                                                                 '<w:rStyle w:val="Notevisible"/>'))
        + p(r("Traduire ce rapport pour lundi."), style="Consigne")
        + p(r("Ne pas traduire les annexes."), r(" Voir le "), r("guide.", '<w:rStyle w:val="Lien"/>'),
            style="Consignedtaille")
        + p(r("Le Comité s’est réuni à Bruxelles."), style="Normal")
        # a run shown by its own formatting in a hidden paragraph; the paragraph's mark is hidden with it, so
        # the run's text runs on into the next paragraph, as Word shows it
        + p(r("La séance"), r(" a été levée", SHOWN), style="Consigne")
        + p(r(" à midi."))
        # hidden in the paragraph style and again in the character style: the two toggles cancel out
        + p(r("Voir la note.", '<w:rStyle w:val="Notemasque"/>'), style="Consigne"))
    path = write_docx(tmp_path / "styles.fr.docx", body, styles=styles)
    assert segment(path) == ["Le Conseil a approuvé le plan.", "Il entre en vigueur en mai.",
                             "Le Comité s’est réuni à Bruxelles.", "a été levée à midi.", "Voir la note."]


def test_word_text_hidden_by_the_document_defaults_or_the_default_paragraph_style(tmp_path):
    """Run properties that every run inherits: the document defaults' (w:rPrDefault) hidden text is hidden
    whatever the styles say (§17.7.3), and the default paragraph style's applies to a paragraph naming none;
    only direct formatting shows text again."""
    shown_mark = f"<w:rPr>{SHOWN}</w:rPr>"
    both = style("paragraph", "Consigne", "Consigne", HIDDEN) + style("character", "Notemasque", "Note", HIDDEN)
    body = (p(r("Seul ce texte est visible.", SHOWN), r(" Le reste non."), props=shown_mark)
            + p(r("Ni ce paragraphe."))
            + p(r("Ni celui-ci.", '<w:rStyle w:val="Notemasque"/>'), style="Consigne", props=shown_mark))
    path = write_docx(tmp_path / "defaults.fr.docx", body, styles=both, run_defaults=HIDDEN)
    assert read_document(path).paragraphs == ("Seul ce texte est visible.",)
    styles = (style("paragraph", "Normal", "Normal", HIDDEN, default=True)
              + style("paragraph", "Corpsdetexte", "Body Text", SHOWN, based_on="Normal"))
    body = p(r("Modèle à compléter.")) + p(r("Le Conseil a approuvé le plan."), style="Corpsdetexte")
    path = write_docx(tmp_path / "normal.fr.docx", body, styles=styles)
    assert read_document(path).paragraphs == ("Le Conseil a approuvé le plan.",)


def test_word_tables_with_merged_cells_and_rows_in_a_content_control(tmp_path):
    def cell(text: str, props: str = "") -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="3020" w:type="dxa"/>{props}</w:tcPr>{p(r(text) if text else "")}</w:tc>'

    RESTART = '<w:vMerge w:val="restart"/>'
    body = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grilledutableau"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" '
        'w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="3020"/><w:gridCol w:w="3021"/><w:gridCol w:w="3021"/></w:tblGrid>'
        f'<w:tr w:rsidR="00A1B2C3"><w:trPr><w:tblHeader/></w:trPr>{cell("Sigle")}{cell("Français")}{cell("Anglais")}</w:tr>'
        f'<w:tr>{cell("ACO", RESTART)}{cell("Commandement allié Opérations")}'
        f'{cell("Allied Command Operations")}</w:tr>'
        '<w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent>'
        f'<w:tr>{cell("", "<w:vMerge/>")}{cell("Opérations (commandement)")}{cell("Operations (command)")}</w:tr>'
        "</w:sdtContent></w:sdt>"
        f'<w:tr>{cell("EMI")}<w:tc><w:tcPr><w:tcW w:w="6042" w:type="dxa"/><w:gridSpan w:val="2"/></w:tcPr>'
        f'{p(r("État-major militaire international"))}</w:tc></w:tr></w:tbl>' + p()
    )
    document = read_document(write_docx(tmp_path / "table.fr.docx", body))
    assert document.paragraphs == (
        "Sigle", "Français", "Anglais", "ACO", "Commandement allié Opérations", "Allied Command Operations",
        "Opérations (commandement)", "Operations (command)", "EMI", "État-major militaire international")
    assert document.rows == ((0, 1, 2), (3, 4, 5), (6, 7), (8, 9))


def test_a_word_drop_cap_runs_on_into_its_paragraph(tmp_path):
    """Word's Insert > Drop Cap cuts the paragraph's first letter into a framed paragraph of its own, in the
    text (drop) or in the margin: the word it begins is read whole."""
    def drop_cap(letter: str, kind: str) -> str:
        large = '<w:position w:val="-7"/><w:sz w:val="84"/>'
        return p(r(letter, large), props=f'<w:framePr w:dropCap="{kind}" w:lines="3" w:wrap="around" '
                 f'w:vAnchor="text" w:hAnchor="text"/><w:spacing w:after="0" w:line="1131" w:lineRule="exact"/>'
                 f'<w:textAlignment w:val="baseline"/><w:rPr>{large}</w:rPr>')

    body = (p(r("Le Conseil approuve le plan"), style="Titre1") + drop_cap("L", "drop")
            + p(r("e Conseil a approuvé le plan d’action.")) + drop_cap("D", "margin")
            + p(r("ès l’ouverture, les Alliés ont voté.")) + p(r("Encadré."), props='<w:framePr w:w="2000" '
                                                             'w:hSpace="180" w:wrap="around" w:vAnchor="text"/>')
            + p(r("Fin.")))
    assert read_document(write_docx(tmp_path / "lettrine.fr.docx", body)).paragraphs == (
        "Le Conseil approuve le plan", "Le Conseil a approuvé le plan d’action.",
        "Dès l’ouverture, les Alliés ont voté.", "Encadré.", "Fin.")


def test_a_document_imported_whole_is_read_in_its_place(tmp_path):
    """Generators (html-docx-js, reporting tools) write a DOCX as an HTML page imported whole (w:altChunk),
    which Word converts when it opens the file: the page is read where it stands, from an MHTML message or
    as HTML; a chunk in a format that is not read (RTF) is refused, not lost."""
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Rapport</title></head><body><h1 class="titre">'
            "Le Conseil approuve le plan</h1><p>Les Alli\u00e9s ont vot\u00e9 \u00e0 l\u2019unanimit\u00e9.</p>"
            "<table><tr><td>ACO</td><td>Commandement allié Opérations</td></tr></table></body></html>")
    mht = ('MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n    type="text/html";\r\n    boundary="----=mht'
           'DocumentPart"\r\n\r\n\r\n------=mhtDocumentPart\r\nContent-Type: text/html;\r\n    charset="utf-8"\r\n'
           "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n"
           + page.replace("=", "=3D") + "\r\n\r\n\r\n\r\n------=mhtDocumentPart--\r\n").encode("utf-8")
    expected = ("Le Conseil approuve le plan", "Les Alliés ont voté à l’unanimité.", "ACO", "Commandement allié Opérations")
    for target, data in (("afchunk.mht", mht), ("chunk1.htm", page.encode("utf-8"))):
        path = write_docx(tmp_path / "genere.fr.docx", p(r("Rapport généré.")) + '<w:altChunk r:id="htmlChunk"/>'
                          + p(r("Fin.")), chunks={"htmlChunk": (target, data)})
        document = read_document(path)
        assert document.paragraphs == ("Rapport généré.", *expected, "Fin.")
        assert document.rows == ((3, 4),)
    path = write_docx(tmp_path / "rtf.fr.docx", '<w:altChunk r:id="rtfChunk"/>',
                      chunks={"rtfChunk": ("chunk2.rtf", b"{\\rtf1\\ansi Le Conseil.}")})
    with pytest.raises(TmtoolError, match="holds a document imported whole \\(word/chunk2.rtf\\)"):
        read_document(path)


def test_a_strict_open_xml_document(tmp_path):
    """Word's "Strict Open XML Document" names its namespaces and relationship types otherwise."""
    path = write_docx(tmp_path / "strict.fr.docx", p(r("Le Conseil"), reference("footnote", 1), r(" a siégé.")),
                      footnotes=note("footnote", 1, r("À Bruxelles.")))
    strict = tmp_path / "strict2.fr.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item).decode("utf-8")
                            .replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                     "http://purl.oclc.org/ooxml/wordprocessingml/main")
                            .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                     "http://purl.oclc.org/ooxml/officeDocument/relationships"))
    assert read_document(strict).paragraphs == ("Le Conseil a siégé.", "À Bruxelles.")


def test_a_workbook_named_docx_is_refused_as_one(tmp_path):
    path = tmp_path / "tableur.fr.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        package.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                         'main"><sheets/></workbook>')
    with pytest.raises(TmtoolError, match="not a Word document \\(its main part is 'workbook'\\)"):
        read_document(path)


# ---- ODT ----


def test_libreoffice_hidden_text_sections_fields_and_placeholders_are_left_out(tmp_path):
    """LibreOffice's Hidden character attribute (an automatic style displayed as none), a hidden section,
    a hidden-text or hidden-paragraph field whose condition holds, a placeholder's prompt; the rest as LibreOffice 7 writes it is read as before:
    tracked changes, notes, spaces, frames, captions, soft page breaks, annotations."""
    styles = ('<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/>'
              '</style:style><style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">'
              '<style:text-properties text:display="none"/></style:style><style:style style:name="T2" '
              'style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
              '<style:style style:name="Sect1" style:family="section"><style:section-properties '
              'style:editable="false"/></style:style>')
    body = (
        '<text:tracked-changes text:track-changes="true"><text:changed-region xml:id="ct1" text:id="ct1">'
        '<text:deletion><office:change-info><dc:creator>Ana Dupont</dc:creator><dc:date>2026-11-02T10:14:00</dc:date>'
        '</office:change-info><text:p text:style-name="P1">rejeté</text:p></text:deletion></text:changed-region>'
        '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>Ana Dupont'
        '</dc:creator><dc:date>2026-11-02T10:14:00</dc:date></office:change-info></text:insertion></text:changed-region>'
        '</text:tracked-changes><text:sequence-decls><text:sequence-decl text:display-outline-level="0" '
        'text:name="Illustration"/></text:sequence-decls>'
        '<text:p text:style-name="P1">Le Conseil a <text:change text:change-id="ct1"/><text:change-start '
        'text:change-id="ct2"/>approuvé<text:change-end text:change-id="ct2"/> le <text:span text:style-name="T2">plan'
        '</text:span>.<text:span text:style-name="T1"> Note masquée.</text:span></text:p>'
        '<text:p text:style-name="P2">Paragraphe masqué.</text:p>'
        '<text:p text:style-name="P1">Destinataire : <text:placeholder text:placeholder-type="text" '
        'text:description="Nom">&lt;Nom du destinataire&gt;</text:placeholder></text:p>'
        '<text:section text:style-name="Sect1" text:name="Section1" text:display="none"><text:p text:style-name="P1">'
        'Section masquée.</text:p></text:section>'
        '<text:p text:style-name="P1"><text:hidden-text text:condition="ooow:1" text:string-value="Si vrai." '
        'text:is-hidden="true">Si vrai.</text:hidden-text>Le Comité<text:note text:id="ftn1" text:note-class="footnote">'
        '<text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Militaire.'
        '</text:p></text:note-body></text:note> s’est réuni<text:soft-page-break/> à Bruxelles.</text:p>'
        '<text:p text:style-name="P1"><text:hidden-paragraph text:condition="ooow:Brouillon == 1" text:is-hidden='
        '"true"/>Version provisoire.</text:p><text:p text:style-name="P1"><text:hidden-paragraph text:condition='
        '"ooow:Brouillon == 0" text:is-hidden="false"/>Version définitive.<text:note text:id="ftn2" text:note-class='
        '"footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p><text:hidden-paragraph '
        'text:condition="ooow:1" text:is-hidden="true"/>Note masquée.</text:p></text:note-body></text:note></text:p>'
        '<text:soft-page-break/><text:p text:style-name="P1"><office:annotation office:name="__Annotation__1">'
        '<dc:creator>Ana Dupont</dc:creator><dc:date>2026-11-02T10:14:00</dc:date><text:p>Vérifier.</text:p>'
        '</office:annotation>Texte commenté.<office:annotation-end office:name="__Annotation__1"/></text:p>'
        '<text:p text:style-name="P1"><draw:frame draw:style-name="fr1" draw:name="Cadre1" text:anchor-type="as-char" '
        'svg:width="10cm"><draw:text-box><text:p text:style-name="Illustration"><draw:frame draw:name="Image1" '
        'text:anchor-type="as-char"><draw:image xlink:href="Pictures/1.png" xlink:type="simple"/><svg:title>Photo'
        '</svg:title></draw:frame>Illustration <text:sequence text:ref-name="refIllustration0" text:name="Illustration"'
        ' text:formula="ooow:Illustration+1" style:num-format="1">1</text:sequence>: Le général à Bruxelles.</text:p>'
        '</draw:text-box></draw:frame></text:p>')
    path = write_odt(tmp_path / "rapport.fr.odt", body, automatic_styles=styles)
    assert segment(path) == ["Le Conseil a approuvé le plan.", "Destinataire :", "Le Comité s’est réuni à Bruxelles.",
                             "Militaire.", "Version définitive.",
                             "Texte commenté.", "Illustration 1: Le général à Bruxelles.", "Photo"]


# a paragraph's automatic style breaking into the page style *Landscape*, as LibreOffice writes it
LANDSCAPE_BREAK = ('<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard" '
                   'style:master-page-name="Landscape"><style:paragraph-properties style:page-number="auto"/>'
                   "</style:style>")


def master_page(name: str, *parts: tuple[str, str]) -> str:
    """A page style of styles.xml as LibreOffice writes it, its headers and footers (``style:header``,
    ``style:footer-first`` …: their element and their paragraphs)."""
    return (f'<style:master-page style:name="{name}" style:page-layout-name="pm1">'
            + "".join(f"<{kind}>{paragraphs}</{kind.split()[0]}>" if paragraphs else f"<{kind}/>"
                      for kind, paragraphs in parts) + "</style:master-page>")


def test_libreoffice_headers_and_footers_are_read_once_after_the_body_without_page_numbers(tmp_path):
    """An ODT's headers and footers (its page styles', in styles.xml) were left out, where a DOCX's are read. They are
    read as a DOCX's: after the body and its endnotes, the headers of each page style then the footers, a first
    page's as LibreOffice writes it in ODF 1.3 and in 1.2 extended, one switched off not; the page's number and count
    (``text:page-number``, ``text:page-count``) go with the words labelling them, the sentence beside them stays."""
    footer = ('<text:p text:style-name="MP2">Rapport annuel 2024<text:tab/>Page <text:page-number '
              'text:select-page="current">2</text:page-number> sur <text:page-count>9</text:page-count></text:p>')
    pages = (master_page("Standard", ("style:header", '<text:p text:style-name="MP1">OTAN SANS CLASSIFICATION</text:p>'),
                         ("style:header-left style:display=\"false\"", ""),
                         ("style:header-first", '<text:p text:style-name="Header">Division des affaires politiques'
                                                "</text:p>"),
                         ("style:footer", footer))
             + master_page("Landscape", ("loext:header-first", '<text:p text:style-name="Header">Annexe A</text:p>'),
                           ("style:footer", '<text:p text:style-name="Footer">Ce document est la propriété de l’OTAN. '
                                            'p. <text:page-number text:select-page="current">3</text:page-number>/'
                                            "<text:page-count>9</text:page-count></text:p>")))
    body = ('<text:p text:style-name="P1">Le Conseil a approuvé le plan.</text:p><text:p text:style-name="P2">Les '
            'Alliés ont voté.<text:note text:id="ftn1" text:note-class="endnote"><text:note-citation>i'
            '</text:note-citation><text:note-body><text:p text:style-name="Endnote">Vote à l’unanimité.</text:p>'
            "</text:note-body></text:note></text:p>")
    path = write_odt(tmp_path / "rapport.fr.odt", body, master_pages=pages, automatic_styles=LANDSCAPE_BREAK)
    assert read_document(path).paragraphs == (
        "Le Conseil a approuvé le plan.", "Les Alliés ont voté.", "Vote à l’unanimité.", "OTAN SANS CLASSIFICATION",
        "Division des affaires politiques", "Annexe A", "Rapport annuel 2024", "Ce document est la propriété de l’OTAN.")


def test_a_marking_in_several_libreoffice_headers_is_read_once(tmp_path):
    """A marking typed in a page style's header, its first page's and another page style's is one unit, as a DOCX's."""
    marking = '<text:p text:style-name="Header">OTAN SANS CLASSIFICATION</text:p>'
    pages = (master_page("Standard", ("style:header", marking), ("style:header-first", marking),
                         ("style:footer", marking))
             + master_page("Landscape", ("style:header", '<text:p text:style-name="Header">Annexe A</text:p>' + marking)))
    path = write_odt(tmp_path / "rapport.fr.odt", '<text:p text:style-name="P1">Le plan.</text:p><text:p '
                     'text:style-name="P2">Annexe</text:p>', master_pages=pages, automatic_styles=LANDSCAPE_BREAK)
    assert read_document(path).paragraphs == ("Le plan.", "Annexe", "OTAN SANS CLASSIFICATION", "Annexe A")


def test_a_libreoffice_page_style_no_page_uses_gives_no_units(tmp_path):
    """Every page style of styles.xml gave its header and footer as units, those of a template's styles no page uses
    too (*Envelope*, a *Landscape* never applied): text no page of the document shows. The default page style's are
    read, those of the styles the body's paragraphs and tables name, themselves or through a parent
    (``style:master-page-name``, a page break into another page style), and of the style each names for its next page
    (*First Page* followed by *Index*)."""
    def header(text: str) -> str:
        return f'<text:p text:style-name="Header">{text}</text:p>'

    pages = ('<style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name='
             f'"pm2" style:next-style-name="Index"><style:header>{header("Page de titre")}</style:header>'
             "</style:master-page>" + master_page("Standard", ("style:header", header("OTAN SANS CLASSIFICATION")))
             + master_page("Index", ("style:header", header("Index des termes")))
             + master_page("Landscape", ("style:header", header("Annexe A")))
             + master_page("Envelope", ("style:header", header("Enveloppe : adresse du destinataire"))))
    title = ('<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Title" '
             'style:master-page-name="First_20_Page"><style:paragraph-properties style:page-number="auto"/>'
             "</style:style>")
    annex = ('<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Annexe">'
             '<style:text-properties fo:font-weight="bold"/></style:style>')
    path = write_odt(tmp_path / "rapport.fr.odt", '<text:p text:style-name="P3">Rapport annuel</text:p><text:p '
                     'text:style-name="P1">Le plan.</text:p>', master_pages=pages, automatic_styles=title + annex,
                     styles='<style:style style:name="Annexe" style:family="paragraph" style:master-page-name='
                            '"Landscape"/>')
    assert read_document(path).paragraphs == ("Rapport annuel", "Le plan.", "Page de titre",
                                              "OTAN SANS CLASSIFICATION", "Index des termes")
    path = write_odt(tmp_path / "rapport.fr.odt", '<text:p text:style-name="P3">Rapport annuel</text:p><text:p '
                     'text:style-name="P4">Annexe</text:p>', master_pages=pages, automatic_styles=title + annex,
                     styles='<style:style style:name="Annexe" style:family="paragraph" style:master-page-name='
                            '"Landscape"/>')
    assert read_document(path).paragraphs == ("Rapport annuel", "Annexe", "Page de titre",
                                              "OTAN SANS CLASSIFICATION", "Index des termes", "Annexe A")


def test_a_header_s_styles_are_styles_xml_s_whatever_content_xml_names_alike(tmp_path):
    """A header's direct formatting is styled in styles.xml's automatic styles, the body's in content.xml's: two sets
    whose names ODF keeps apart, so that each part may name its own *T1*. Read as one, content.xml's *T1* (hidden
    text of the body) hid the header's *T1* (bold), and styles.xml's hidden *T2* showed in the header as text."""
    def text_style(name: str, properties: str) -> str:
        return f'<style:style style:name="{name}" style:family="text"><style:text-properties {properties}/></style:style>'

    header = ('<text:p text:style-name="Header"><text:span text:style-name="T1">OTAN SANS CLASSIFICATION</text:span>'
              '<text:span text:style-name="T2"> (brouillon)</text:span></text:p>')
    body = ('<text:p text:style-name="P1">Le Conseil a approuvé le plan.<text:span text:style-name="T1"> Note de '
            'la rédaction.</text:span><text:span text:style-name="T2"> Les Alliés ont voté.</text:span></text:p>')
    path = write_odt(tmp_path / "rapport.fr.odt", body,
                     automatic_styles=text_style("T1", 'text:display="none"') + text_style("T2", 'fo:font-style="italic"'),
                     master_automatic_styles=text_style("T1", 'fo:font-weight="bold"')
                     + text_style("T2", 'text:display="none"'),
                     master_pages=master_page("Standard", ("style:header", header)))
    assert read_document(path).paragraphs == ("Le Conseil a approuvé le plan. Les Alliés ont voté.",
                                              "OTAN SANS CLASSIFICATION")


def test_a_number_typed_before_a_tab_in_libreoffice_is_left_out_as_in_word(tmp_path):
    """A number or a letter typed before a tab (LibreOffice's ``text:tab``) to number by hand is left out, as in a
    DOCX and as LibreOffice's own numbering is: it stayed in the unit, tab and all. A bare count, a time stay."""
    def paragraph(number: str, text: str) -> str:
        return f'<text:p text:style-name="P1">{number}<text:tab/>{text}</text:p>'

    body = ('<text:h text:style-name="Heading_20_2" text:outline-level="2">2.1<text:tab/>Contexte</text:h>'
            + paragraph("1.", "Les Alliés réaffirment leur engagement.") + paragraph("a)", "renforcer la dissuasion ;")
            + paragraph("(iv)", "améliorer l’interopérabilité.")
            + '<text:list text:style-name="L1"><text:list-item><text:p text:style-name="P2">Les ministres se '
              "réunissent.</text:p></text:list-item></text:list>"
            + paragraph("Lieu :", "Bruxelles") + paragraph("12", "Alliés ont signé la déclaration.")
            + paragraph("09.30", "Arrivée des délégations"))
    assert read_document(write_odt(tmp_path / "plan.fr.odt", body)).paragraphs == (
        "Contexte", "Les Alliés réaffirment leur engagement.", "renforcer la dissuasion ;",
        "améliorer l’interopérabilité.", "Les ministres se réunissent.", "Lieu :\tBruxelles",
        "12\tAlliés ont signé la déclaration.", "09.30\tArrivée des délégations")


def test_libreoffice_content_controls_prompt_and_check_box_are_left_out_as_word_s_are(tmp_path):
    """A content control (LibreOffice 7.4's, and Word's converted to ODT) showing its placeholder's prompt, and a
    check box's box, are left out as in a DOCX; a control's typed text is read."""
    loext = 'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
    body = (f'<text:p text:style-name="P1">Destinataire : <loext:content-control {loext} '
            'loext:showing-place-holder="true"><text:span text:style-name="T1">Cliquez ici pour saisir du texte.'
            '</text:span></loext:content-control></text:p>'
            f'<text:p text:style-name="P1"><loext:content-control {loext} loext:checkbox="true" '
            'loext:checked="true" loext:checked-state="☒" loext:unchecked-state="☐">☒</loext:content-control> Le '
            f'demandeur dispose d’une habilitation, délivrée le <loext:content-control {loext} loext:date="true" '
            'loext:date-format="DD/MM/YYYY" loext:current-date="2026-11-12T00:00:00Z">12/11/2026'
            "</loext:content-control>.</text:p>")
    assert read_document(write_odt(tmp_path / "formulaire.fr.odt", body)).paragraphs == (
        "Destinataire :", "Le demandeur dispose d’une habilitation, délivrée le 12/11/2026.")


def test_libreoffice_text_hidden_by_a_named_style_or_its_parent_is_left_out(tmp_path):
    """LibreOffice's Hidden attribute on a style of the document's author (styles.xml), applied directly or
    through the automatic style of a paragraph with direct formatting, and inherited by the styles whose
    parent it is unless one of them shows the text again."""
    hidden = '<style:text-properties text:display="none"/>'
    styles = (
        '<style:style style:name="Note_20_interne" style:display-name="Note interne" style:family="text">'
        f"{hidden}</style:style>"
        '<style:style style:name="Consigne" style:family="paragraph" style:parent-style-name="Text_20_body" '
        f'style:class="text">{hidden}</style:style>'
        '<style:style style:name="Consigne_20_urgente" style:display-name="Consigne urgente" style:family="paragraph"'
        ' style:parent-style-name="Consigne"><style:text-properties fo:color="#c9211e"/></style:style>'
        '<style:style style:name="Consigne_20_levée" style:display-name="Consigne levée" style:family="paragraph" '
        'style:parent-style-name="Consigne"><style:text-properties text:display="true"/></style:style>'
        # a character style named as a paragraph style is: the names of each family are its own
        '<style:style style:name="Consigne" style:family="text"><style:text-properties fo:font-style="italic"/>'
        "</style:style>")
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Consigne">'
                 '<style:paragraph-properties fo:text-align="center"/></style:style>')
    body = ('<text:p text:style-name="Text_20_body">Le Conseil a approuvé le plan.<text:span text:style-name='
            '"Note_20_interne"> Vérifier la date.</text:span> Il entre en vigueur en mai.</text:p>'
            '<text:p text:style-name="Consigne">Traduire ce rapport pour lundi.</text:p>'
            '<text:p text:style-name="P1">Ne pas traduire les annexes.</text:p>'
            '<text:p text:style-name="Consigne_20_urgente">Envoyer avant midi.</text:p>'
            '<text:p text:style-name="Consigne_20_levée">Le Comité s’est réuni à <text:span text:style-name="Consigne">'
            "Bruxelles</text:span>.</text:p>")
    path = write_odt(tmp_path / "styles.fr.odt", body, automatic_styles=automatic, styles=styles)
    assert segment(path) == ["Le Conseil a approuvé le plan.", "Il entre en vigueur en mai.",
                             "Le Comité s’est réuni à Bruxelles."]


def picture(number: int, description: str, title: str = "", link: bool = False) -> str:
    """A picture as Word 365 writes one inserted from a file, its alternative text (Alt Text) in ``wp:docPr``'s
    ``descr`` and ``title`` and again in ``pic:cNvPr``; ``link``: a link set on the picture (Ctrl+K)."""
    extra = f' title="{title}"' if title else ""
    click = ('<a:hlinkClick xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:id="rId51"/>'
             if link else "")
    return ('<w:r><w:rPr><w:noProof/></w:rPr><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            '<wp:extent cx="5486400" cy="3200400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{number}" name="Image {number}" descr="{description}"{extra}>{click}</wp:docPr>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
            'drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
            f'<pic:cNvPr id="{number}" name="Image {number}" descr="{description}"/><pic:cNvPicPr/></pic:nvPicPr>'
            '<pic:blipFill><a:blip r:embed="rId41"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
            '<a:xfrm><a:off x="0" y="0"/><a:ext cx="5486400" cy="3200400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            '</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def test_word_s_error_for_a_lost_cross_reference_is_left_out_of_its_page_where_no_field_is_left(tmp_path):
    """Word's error where a cross-reference lost its bookmark (*Erreur ! Source du renvoi introuvable.*) was left out
    of a DOCX's field but read from the page Word saves filtered (no field left, the error a bold run of its own) and
    from the Markdown Pandoc converts of the document (``**…**``): a sentence of Word's in the author's, its *!* and
    full stop cutting it in three. It is left out where it is one of Word's messages whole, in bold; an author quoting
    it (in quotation marks, or in plain text) is read."""
    page = tmp_path / "rapport.fr.html"
    page.write_text(
        '<html><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator '
        'content="Microsoft Word 15 (filtered)"></head><body lang=FR-BE style=\'word-wrap:break-word\'>'
        '<div class=WordSection1><p class=MsoNormal><span lang=FR>Les effectifs figurent au tableau </span><b><span '
        'lang=FR>Erreur ! Source du renvoi introuvable.</span></b><span lang=FR> ci-dessous.</span></p><p '
        'class=MsoNormal><span lang=FR>Voir la section </span><b><span lang=FR>Erreur&nbsp;! Signet non défini.</span>'
        '</b><span lang=FR>.</span></p><p class=MsoNormal><span lang=FR>Si Word affiche « <b>Erreur ! Source du renvoi '
        'introuvable.</b> », mettez à jour les champs. Le message Erreur ! Signet non défini. dit la même chose.</span>'
        '</p></div></body></html>', encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Les effectifs figurent au tableau ci-dessous.", "Voir la section.",
        "Si Word affiche « Erreur ! Source du renvoi introuvable. », mettez à jour les champs. Le message Erreur ! "
        "Signet non défini. dit la même chose.")
    converted = tmp_path / "guide.en.md"
    converted.write_text("The units are listed in section **Error! Reference source not found.** below.\n\n"
                         "See **Error! Bookmark not defined.**, then the annex.\n", encoding="utf-8")
    assert read_document(converted).paragraphs == ("The units are listed in section below.", "See, then the annex.")


def _odt_frame(number: int, description: str, width: str = "0.5cm", height: str | None = None, *,
               title: str = "") -> str:
    """A picture with its description (and ``title``), as LibreOffice 7.4 writes one in an ODT (square unless
    ``height``)."""
    return (f'<draw:frame draw:style-name="fr1" draw:name="Image{number}" text:anchor-type="as-char" '
            f'svg:width="{width}" svg:height="{height or width}" draw:z-index="{number}"><draw:image xlink:href="Pictures/'
            f'{number}.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type='
            f'"image/png"/>{f"<svg:title>{title}</svg:title>" if title else ""}<svg:desc>{description}</svg:desc>'
            "</draw:frame>")


def test_a_picture_s_alternative_text_is_read_after_its_paragraph_in_a_docx_and_an_odt(tmp_path):
    """A picture's alternative text (Word's Alt Text: ``wp:docPr``'s ``descr`` and ``title``; LibreOffice's: a
    frame's ``svg:desc`` and ``svg:title``) is the author's description, which an HTML page's ``alt`` is too: it was
    not read. It is read, each text once, as a paragraph after the one the picture stands in, as a text box's text is;
    not the description Word 365 writes by itself (*Description générée automatiquement*), the file's name Word 2010
    wrote, nor a linked picture's (it names its link). The ODT LibreOffice 7.4 saves of the DOCX reads the same."""
    body = (p(r("Voir la carte ci-dessous."))
            + p(picture(1, "Carte des zones d’exercice en mer Baltique", "Zones"))
            + p(r("Les navires "), picture(2, "Une image contenant eau, ciel&#10;&#10;Description générée "
                                              "automatiquement"), r("sont partis de Kiel."))
            + p(picture(3, "C:\\Users\\jdupont\\Pictures\\fregate.jpg"), r("La frégate à quai."))
            + p(r("Le logo "), picture(4, "Logo de l’OTAN", link=True), r("mène au site."))
            + p(r("Fin.")))
    docx = write_docx(tmp_path / "carte.fr.docx", body)
    expected = ("Voir la carte ci-dessous.", "Carte des zones d’exercice en mer Baltique", "Zones",
                "Les navires sont partis de Kiel.", "La frégate à quai.", "Le logo mène au site.", "Fin.")
    assert read_document(docx).paragraphs == expected

    def frame(number: int, description: str, title: str = "") -> str:  # a figure's width
        return _odt_frame(number, description, "15.24cm", "8.89cm", title=title)

    odt = write_odt(tmp_path / "carte.fr.odt", (
        '<text:p text:style-name="Standard">Voir la carte ci-dessous.</text:p><text:p text:style-name="Standard">'
        f'{frame(1, "Carte des zones d’exercice en mer Baltique", "Zones")}</text:p><text:p text:style-name='
        f'"Standard">Les navires {frame(2, "Une image contenant eau, ciel Description générée automatiquement")}'
        f'sont partis de Kiel.</text:p><text:p text:style-name="Standard">{frame(3, "fregate.jpg")}La frégate à quai.'
        '</text:p><text:p text:style-name="Standard">Le logo <draw:a xlink:type="simple" xlink:href="https://www.nato.int/">'
        f'{frame(4, "Logo de l’OTAN")}</draw:a>mène au site.</text:p><text:p text:style-name="Standard">Fin.'
        "</text:p>"))
    assert read_document(odt).paragraphs == expected


def test_a_picture_s_alternative_text_saying_its_caption_again_is_read_once_in_a_docx_and_an_odt(tmp_path):
    """Authors copy a figure's caption into its picture's alternative text, as accessibility checkers ask (*Figure 1 :
    Carte des zones d’exercice* under the picture, *Carte des zones d’exercice* its Alt Text): the description was read
    as a paragraph of its own before the caption, the same words twice, a unit pairing with the English caption too.
    A description the picture's paragraph or the one under or over it says again is read once, there; one saying
    something else is read."""
    body = (p(picture(1, "Carte des zones d’exercice"))
            + p(r("Figure 1 : Carte des zones d’exercice"))
            + p(r("Tableau 2 : La frégate Normandie à quai"))
            + p(picture(2, "La frégate Normandie à quai, à Kiel", "La frégate Normandie à quai"))
            + p(r("Fin.")))
    docx = write_docx(tmp_path / "figures.fr.docx", body)
    expected = ("Figure 1 : Carte des zones d’exercice", "Tableau 2 : La frégate Normandie à quai",
                "La frégate Normandie à quai, à Kiel", "Fin.")
    assert read_document(docx).paragraphs == expected

    def frame(number: int, description: str, title: str = "") -> str:  # a figure's width
        return _odt_frame(number, description, "15.24cm", "8.89cm", title=title)

    odt = write_odt(tmp_path / "figures.fr.odt", (
        f'<text:p text:style-name="Standard">{frame(1, "Carte des zones d’exercice")}</text:p><text:p text:style-name='
        '"Standard">Figure 1 : Carte des zones d’exercice</text:p><text:p text:style-name="Standard">Tableau 2 : La '
        'frégate Normandie à quai</text:p><text:p text:style-name="Standard">'
        f'{frame(2, "La frégate Normandie à quai, à Kiel", "La frégate Normandie à quai")}</text:p>'
        '<text:p text:style-name="Standard">Fin.</text:p>'))
    assert read_document(odt).paragraphs == expected


def test_libreoffice_shapes_text_follows_its_paragraph_without_title_or_description(tmp_path):
    """A shape drawn in Writer (a callout, a group of boxes) holds paragraphs, read after the paragraph it
    is anchored in as a text box's are; its title and description (the alternative text) are not read."""
    def shape(name: str, text: str, kind: str = "rectangle") -> str:
        return (f'<draw:custom-shape text:anchor-type="paragraph" draw:z-index="0" draw:name="{name}" '
                'draw:style-name="gr1" draw:text-style-name="P2" svg:width="4cm" svg:height="2cm" svg:x="1cm" '
                f'svg:y="0.5cm"><svg:title>{name}</svg:title><svg:desc>Encadré bleu du rapport</svg:desc>'
                f'<text:p text:style-name="P2">{text}</text:p><draw:enhanced-geometry svg:viewBox="0 0 21600 21600" '
                f'draw:type="{kind}" draw:enhanced-path="M 0 0 L 21600 0 21600 21600 0 21600 0 0 Z N"/>'
                "</draw:custom-shape>")

    body = (f'<text:p text:style-name="P1">{shape("Bulle", "Chiffres clés : 32 Alliés.", "round-callout")}'
            "Les effectifs ont augmenté.</text:p>"
            '<text:p text:style-name="P1">Le budget aussi.<draw:g draw:z-index="1" draw:name="Groupe 1">'
            f'{shape("Forme 1", "Avant")}{shape("Forme 2", "Après")}</draw:g></text:p>'
            '<text:p text:style-name="P1">Fin du rapport.</text:p>')
    path = write_odt(tmp_path / "formes.fr.odt", body)
    assert read_document(path).paragraphs == (
        "Les effectifs ont augmenté.", "Chiffres clés : 32 Alliés.", "Le budget aussi.", "Avant", "Après",
        "Fin du rapport.")


def test_libreoffice_formulas_are_read_in_their_sentence_and_charts_titles_after_their_paragraph(tmp_path):
    """A formula LibreOffice embeds (an object of its own, MathML beside its StarMath source) is read as its
    linear text, in the sentence it is anchored in as a character; a chart's title and its axes' titles after
    the paragraph it is anchored in, its values not."""
    def embedded(name: str, anchor: str) -> str:
        return (f'<draw:frame draw:style-name="fr1" draw:name="{name}" text:anchor-type="{anchor}" svg:width="1.2cm" '
                f'svg:height="0.8cm" draw:z-index="0"><draw:object xlink:href="./{name}" xlink:type="simple" '
                f'xlink:show="embed" xlink:actuate="onLoad"/><draw:image xlink:href="./ObjectReplacements/{name}" '
                'xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>')

    formula = ('<?xml version="1.0" encoding="UTF-8"?>\n<math xmlns="http://www.w3.org/1998/Math/MathML" '
               'display="block">\n <semantics>\n  <mrow>\n   <mi>v</mi>\n   <mo stretchy="false">=</mo>\n   <mfrac>\n'
               '    <mi>d</mi>\n    <mi>t</mi>\n   </mfrac>\n  </mrow>\n  <annotation encoding="StarMath 5.0">v = d '
               'over t</annotation>\n </semantics>\n</math>')
    chart = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:'
             'opendocument:xmlns:office:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
             'xmlns:table:1.0" office:version="1.3"><office:body><office:chart><chart:chart chart:class="chart:bar">'
             '<chart:title><text:p>Effectifs par armée</text:p></chart:title><chart:legend chart:legend-position="end"/>'
             '<chart:plot-area><chart:axis chart:dimension="x" chart:name="primary-x"><chart:title><text:p>Armée</text:p>'
             '</chart:title></chart:axis><chart:axis chart:dimension="y" chart:name="primary-y"><chart:title><text:p>'
             'Nombre de militaires</text:p></chart:title></chart:axis><chart:series chart:class="chart:bar" '
             'chart:label-cell-address="local-table.$B$1"/></chart:plot-area><table:table table:name="local-table">'
             '<table:table-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Terre</text:p>'
             '</table:table-cell><table:table-cell office:value-type="float" office:value="12000"><text:p>12000</text:p>'
             "</table:table-cell></table:table-row></table:table-rows></table:table></chart:chart></office:chart>"
             "</office:body></office:document-content>")
    path = write_odt(tmp_path / "calcul.fr.odt",
                     f'<text:p>La vitesse {embedded("Object 1", "as-char")} reste constante.</text:p>'
                     f'<text:p>Le graphique suivant résume les effectifs.{embedded("Object 2", "paragraph")}</text:p>'
                     "<text:p>Les chiffres sont provisoires.</text:p>")
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("Object 1/content.xml", formula)
        package.writestr("Object 2/content.xml", chart)
    assert read_document(path).paragraphs == (
        "La vitesse v=d/t reste constante.", "Le graphique suivant résume les effectifs.", "Effectifs par armée",
        "Armée", "Nombre de militaires", "Les chiffres sont provisoires.")


# ---- HTML ----

SAVED_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0058)https://www.example.org/fr/actualites/2026/11/conseil.html -->
<html lang="fr" class="js"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Le Conseil approuve le plan | Actualités</title>
<link rel="stylesheet" href="./Le Conseil approuve le plan_files/main.css">
<script async src="./Le Conseil approuve le plan_files/gtm.js"></script></head>
<body class="page-article">
<div class="skip"><a href="#contenu">Aller au contenu</a></div>
<div id="bandeau" role="banner"><a href="/fr/">Portail</a><form role="search"><label>Rechercher</label>
  <input type="search"></form><select aria-label="Langue"><option>Français</option><option>English</option></select></div>
<div class="menu" role="navigation"><ul><li><a href="/fr/actualites">Actualités</a></li></ul></div>
<div class="a-la-une"><article class="teaser"><h3><a href="/fr/autre">À la une : un autre sujet</a></h3></article></div>
<main id="contenu">
<article class="story">
<header><h1>Le Conseil approuve le plan</h1><p class="date">12&nbsp;novembre&nbsp;2026</p></header>
<div class="share"><a href="https://x.example/share"><svg viewBox="0 0 24 24"><title>Partager sur X</title>
  <path d="M0 0h24v24H0z"/></svg></a></div>
<p><span class="lettrine">L</span>e Conseil a approuvé le plan d’action<sup id="ref1"><a href="#note1">1</a></sup>
  lors de sa réunion à <span lang="en">NATO Headquarters</span>.</p>
<figure><video controls src="./Le Conseil approuve le plan_files/conseil.mp4">Votre navigateur ne lit pas les
  vidéos.</video><figcaption>Le Secrétaire général à l’ouverture de la séance.</figcaption></figure>
<p class="premium" hidden>Réservé aux abonnés.</p>
<details><summary>Le plan en bref</summary><div hidden="until-found">Trois volets, cinq ans.</div></details>
<div class="cookie-text" style="display: none">Ce site utilise des cookies.</div>
<noscript><p>Activez JavaScript pour voir la carte.</p></noscript>
<template id="carte"><p>Gabarit de la carte</p></template>
<p>Adresse du siège :<br>Boulevard Léopold III<br>1110 Bruxelles</p>
<div class="encart" role="complementary"><h2>Chiffres clés</h2><p>32 Alliés</p></div>
<iframe src="https://ads.example/"><p>Publicité</p></iframe>
<p>Pour en savoir plus, voir le rapport annuel<a href="#note2" class="footnote-ref">[2]</a>.</p>
<section class="notes"><ol>
<li id="note1">Adopté en 2024. <a href="#ref1" class="retour">↩︎</a></li>
<li id="note2">Publié en mars.</li></ol></section>
</article>
<section class="lire-aussi"><h2>Lire aussi</h2>
<article class="teaser"><h3>Un sujet voisin</h3></article><article class="teaser"><h3>Un autre encore</h3></article>
</section>
</main>
<div role="contentinfo">© Exemple 2026 — Mentions légales</div>
</body></html>"""


def test_a_saved_news_page_gives_its_story_not_its_menus_teasers_or_controls(tmp_path):
    """The story is the article holding the most text in the page's main; the ARIA landmarks of the
    page's banner, menus and footer are left out as their elements are; so are what is not shown
    (hidden, display: none), controls, the fallback text of video, icons' titles, note calls and the date the page
    stamps on its story (``p.date``)."""
    path = tmp_path / "conseil.fr.html"
    path.write_text(SAVED_PAGE, encoding="utf-8")
    assert segment(path) == [
        "Le Conseil approuve le plan",  # the page's <title>, the heading and the site's section, read once
        "Le Conseil a approuvé le plan d’action lors de sa réunion à NATO Headquarters.",
        "Le Secrétaire général à l’ouverture de la séance.", "Le plan en bref", "Trois volets, cinq ans.",
        "Adresse du siège :", "Boulevard Léopold III",
        "1110 Bruxelles", "Pour en savoir plus, voir le rapport annuel.", "Adopté en 2024.", "Publié en mars."]


def test_a_page_s_equations_are_read_as_shown_not_with_their_tex_source(tmp_path):
    """MathML as MathJax and wikis write it keeps the equation's TeX beside it (``annotation``): it is not
    shown, and read it would garble the sentence. A fraction is read linear (a/b), as a Word equation is; an
    equation displayed apart is a paragraph of its own."""
    page = tmp_path / "calcul.fr.html"
    page.write_text(
        '<html lang="fr"><body><main><p>La vitesse <math><semantics><mrow><mi>v</mi><mo>=</mo><mfrac><mi>d</mi>'
        '<mi>t</mi></mfrac></mrow><annotation encoding="application/x-tex">v = \\frac{d}{t}</annotation>'
        '</semantics></math> reste constante.</p><p>On en tire <math display="block"><semantics><mrow><mi>d</mi>'
        '<mo>=</mo><mi>v</mi><mi>t</mi></mrow><annotation encoding="application/x-tex">d = vt</annotation>'
        '</semantics></math> pour chaque étape.</p></main></body></html>', encoding="utf-8")
    assert read_document(page).paragraphs == ("La vitesse v=d/t reste constante.", "On en tire", "d=vt",
                                              "pour chaque étape.")


def test_a_wikipedia_equation_shown_as_a_picture_is_read_from_its_mathml(tmp_path):
    """Wikipedia shows an equation as a picture (its TeX as the picture's alt) and keeps its MathML beside it for
    screen readers, not displayed: that MathML is the equation the page shows, read as a page's MathML is."""
    page = tmp_path / "energie.fr.html"
    page.write_text(
        '<html lang="fr"><body><main><div class="mw-parser-output"><p>L’énergie vaut <span class="mwe-math-element">'
        '<span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math xmlns="http://www.w3.'
        'org/1998/Math/MathML" alttext="{\\displaystyle E=mc^{2}}"><semantics><mrow class="MJX-TeXAtom-ORD"><mstyle '
        'displaystyle="true" scriptlevel="0"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mrow class="MJX-TeXAtom-'
        'ORD"><mn>2</mn></mrow></msup></mstyle></mrow><annotation encoding="application/x-tex">{\\displaystyle '
        'E=mc^{2}}</annotation></semantics></math></span><img src="https://wikimedia.org/api/rest_v1/media/math/'
        'render/svg/0c6f" class="mwe-math-fallback-image-inline mw-invert skin-invert" aria-hidden="true" '
        'style="vertical-align: -0.338ex; width:9.1ex; height:2.676ex;" alt="{\\displaystyle E=mc^{2}}"></span> au '
        "repos.</p></div></main></body></html>", encoding="utf-8")
    assert read_document(page).paragraphs == ("L’énergie vaut E=mc^2 au repos.",)


@pytest.mark.parametrize("main", ["", "<main class='hero'></main>"])
def test_a_page_without_main_reads_its_longest_article(tmp_path, main):
    path = tmp_path / "page.fr.html"
    path.write_text(f"<html><body>{main}<div class='side'><article><p>Brève sans rapport.</p></article></div>"
                    "<div class='content'><article><h1>Titre</h1><p>Le Comité militaire s’est réuni à Bruxelles pour "
                    "examiner les opérations en cours.</p></article></div></body></html>", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Titre", "Le Comité militaire s’est réuni à Bruxelles pour examiner les opérations en cours.")


def test_a_page_of_divisions_whose_roles_name_its_banner_menu_and_footer(tmp_path):
    """A page written before HTML5's elements, or by a CMS that uses none, says with ARIA roles which
    divisions are the banner, the menus, the search and the footer: they are left out as those elements
    are."""
    path = tmp_path / "page.fr.html"
    path.write_text(
        '<html><body><div id="entete" role="banner"><img src="logo.png" alt="Logo">Ministère des Armées</div>'
        '<div id="menu" role="navigation"><a href="/">Accueil</a> | <a href="/presse">Presse</a></div>'
        '<div role="search"><label>Rechercher</label><input></div>'
        '<div id="contenu"><h1>Communiqué</h1><p>La ministre s’est rendue au siège de l’OTAN.</p></div>'
        '<div id="colonne" role="complementary">Les derniers communiqués</div>'
        '<div id="pied" role="contentinfo">Plan du site — Mentions légales</div></body></html>', encoding="utf-8")
    assert read_document(path).paragraphs == ("Communiqué", "La ministre s’est rendue au siège de l’OTAN.")


def test_cookie_notices_and_dialogs_are_not_the_page_s_text(tmp_path):
    """A page saved from the browser keeps the cookie notice its consent manager put in (at the body's end,
    outside the article: a division named by its id or class, often without role), and the dialogs a script opens
    or will open (newsletter, consent): windows over the page, not its text. A cookie policy in the main
    content is the article."""
    page = tmp_path / "communique.fr.html"
    page.write_text(
        '<html lang="fr"><body><div id="entete" role="banner">Ministère des Armées</div>'
        '<div id="contenu"><h1>Communiqué</h1><p>La ministre s’est rendue au siège de l’OTAN.</p>'
        '<dialog id="lettre"><form method="dialog"><p>Abonnez-vous à notre lettre d’information.</p></form></dialog>'
        '</div><div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter ot-hide ot-fade-in"></div>'
        '<div id="onetrust-banner-sdk" class="otFlat" tabindex="0" role="region" aria-label="Bannière de cookies">'
        '<div id="onetrust-policy"><p id="onetrust-policy-text">En cliquant sur « Tout accepter », vous acceptez le '
        'stockage de cookies sur votre appareil.</p></div></div></div>'
        '<div id="CybotCookiebotDialog" role="dialog" aria-modal="true" lang="fr"><h2>Ce site utilise des cookies'
        '</h2></div><div class="modale" role="alertdialog"><p>Votre session va expirer.</p></div>'
        '<div class="bandeau-cookies"><p>Ce site utilise des cookies de mesure d’audience.</p><a href="#">OK</a></div>'
        "</body></html>",
        encoding="utf-8")
    assert read_document(page).paragraphs == ("Communiqué", "La ministre s’est rendue au siège de l’OTAN.")
    policy = tmp_path / "cookies.fr.html"
    policy.write_text('<html><body><main><h1>Gestion des cookies</h1><div id="cookie-policy"><p>Ce site dépose des '
                      "cookies de mesure d’audience.</p></div></main></body></html>", encoding="utf-8")
    assert read_document(policy).paragraphs == ("Gestion des cookies", "Ce site dépose des cookies de mesure d’audience.")


def test_readers_comments_forms_and_other_consent_managers_notices_are_not_the_page_s_text(tmp_path):
    """A page without ``<main>`` (SPIP's, Joomla's) is read from its body: the readers' comments and the form to
    leave one (*Laisser un commentaire*, *Votre adresse e-mail ne sera pas publiée.*, *Votre message*), and the notices
    of consent managers named neither cookie nor consent (iubenda, Axeptio, Quantcast) became units. They are left
    out; a page that ASP.NET wraps whole in its form is read."""
    page = tmp_path / "communique.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Communiqué</title></head><body>'
        '<div class="page"><div class="content" id="content"><h1>Communiqué du 12 juillet 2023</h1>'
        '<div class="texte"><p>L’ambassadeur a reçu la délégation.</p><p>La réunion a porté sur la coopération.</p>'
        '</div><div id="comments" class="comments-area"><h2 class="comments-title">2 commentaires</h2><ol '
        'class="comment-list"><li class="comment"><p>Très bonne nouvelle.</p></li></ol><div id="respond" '
        'class="comment-respond"><h3 id="reply-title">Laisser un commentaire</h3></div></div><div class="forum">'
        '<form action="/spip.php" method="post"><p class="explication">Votre adresse e-mail ne sera pas publiée.</p>'
        '<label for="texte">Votre message</label><textarea id="texte"></textarea><input type="submit" value="Envoyer">'
        '</form></div></div></div><div id="iubenda-cs-banner" class="iubenda-cs-container"><p class="iub-p">Nous et '
        'des tiers sélectionnés utilisons des traceurs à des fins techniques.</p></div><div id="axeptio_overlay">'
        '<p>Ce site utilise des traceurs pour mesurer l’audience.</p></div><div id="qc-cmp2-container"><p>Nous '
        "respectons votre vie privée.</p></div></body></html>", encoding="utf-8")
    assert read_document(page).paragraphs == ("Communiqué", "Communiqué du 12 juillet 2023", "L’ambassadeur a reçu la délégation.",
                                              "La réunion a porté sur la coopération.")
    aspnet = tmp_path / "annonce.fr.html"
    aspnet.write_text('<html><body><form method="post" action="./annonce.aspx" id="aspnetForm"><div class="aspNetHidden">'
                      '<input type="hidden" name="__VIEWSTATE" value="x"></div><div id="s4-workspace"><h1>Annonce</h1>'
                      "<p>Le ministère recrute des traducteurs.</p></div></form></body></html>", encoding="utf-8")
    assert read_document(aspnet).paragraphs == ("Annonce", "Le ministère recrute des traducteurs.")


def test_a_page_s_tabs_give_every_panel_and_its_label(tmp_path):
    """A page's tabs (ARIA's tablist of buttons, jQuery UI's of links) show one panel at a time: the others are hidden
    (``hidden``, or ``display: none`` as jQuery UI sets it) until their tab is chosen, and were lost with their text,
    and the tabs' labels with them (a button, a link list). Every panel is read, as a closed ``<details>`` is, and each
    label as its title; hidden text that is no panel stays out."""
    page = tmp_path / "sommet.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><body><main><h1>Le sommet</h1><div class="tabs"><div role="tablist" '
        'aria-label="Sections"><button role="tab" aria-selected="true" aria-controls="p1" id="t1">Contexte</button>'
        '<button role="tab" aria-selected="false" aria-controls="p2" id="t2" tabindex="-1">Décisions</button></div>'
        '<div role="tabpanel" id="p1" aria-labelledby="t1"><p>Les Alliés se sont réunis à Vilnius.</p></div>'
        '<div role="tabpanel" id="p2" aria-labelledby="t2" hidden><p>Ils ont adopté un plan de défense.</p></div></div>'
        '<div id="tabs" class="ui-tabs ui-widget"><ul role="tablist" class="ui-tabs-nav"><li role="tab" aria-controls='
        '"tabs-1" aria-selected="true"><a href="#tabs-1" class="ui-tabs-anchor" role="presentation">Calendrier</a></li>'
        '<li role="tab" aria-controls="tabs-2" aria-selected="false"><a href="#tabs-2" class="ui-tabs-anchor" '
        'role="presentation">Participants</a></li></ul><div id="tabs-1" role="tabpanel" aria-hidden="false"><p>Le '
        'sommet dure deux jours.</p></div><div id="tabs-2" role="tabpanel" aria-hidden="true" style="display: none;">'
        '<p>Trente et un pays y participent.</p></div></div><div class="note" style="display: none">Ce site utilise '
        "des cookies.</div><p hidden>Brouillon non publié.</p></main></body></html>", encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Le sommet", "Contexte", "Décisions", "Les Alliés se sont réunis à Vilnius.", "Ils ont adopté un plan de défense.",
        "Calendrier", "Participants", "Le sommet dure deux jours.", "Trente et un pays y participent.")


def test_a_drupal_page_s_title_above_its_article_is_read_and_its_comments_not(tmp_path):
    """Drupal (Olivero, Claro) writes a node's title in a block of its own above the ``<article>``, inside ``<main>``:
    the article alone was read and the page's title lost, while the comments section and its form inside the article
    (*Commentaires*, *Ajouter un commentaire*, *Objet*, the form's help) became units. The title is read first, where
    the article holds no ``<h1>``; the comments are not."""
    page = tmp_path / "exercice.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8"><title>Exercice | Site</title></head>'
        '<body class="path-node page-node-type-article"><div id="page"><header id="header" class="site-header" '
        'role="banner"><a href="/" rel="home">Ministère</a></header><div id="main-wrapper"><main role="main"><div '
        'class="region region--content-above"><div id="block-olivero-page-title" class="block block-page-title-block">'
        '<h1 class="title page-title"><span class="field field--name-title">Exercice Steadfast</span></h1></div></div>'
        '<div class="region region--content" id="content"><article data-history-node-id="12" class="node '
        'node--type-article node--view-mode-full"><div class="node__content"><div class="text-content field '
        'field--name-body"><p>L’exercice a réuni dix pays.</p><p>Il s’est déroulé en mer Baltique.</p></div><section '
        'class="section comments" data-drupal-selector="comments"><h2 class="comments__title">Commentaires</h2><h2 '
        'class="add-comment__heading">Ajouter un commentaire</h2><form class="comment-comment-form comment-form" '
        'action="/comment/reply/node/12/comment" method="post" id="comment-form"><label for="edit-subject">Objet'
        '</label><input type="text" id="edit-subject"><div class="description">Les adresses de pages web et de '
        'courriels sont transformées en liens automatiquement.</div><input type="submit" value="Enregistrer"></form>'
        "</section></div></article></div></main></div></div></body></html>", encoding="utf-8")
    assert read_document(page).paragraphs == ("Exercice | Site", "Exercice Steadfast", "L’exercice a réuni dix pays.",
                                              "Il s’est déroulé en mer Baltique.")


def test_text_for_screen_readers_only_is_not_the_page_s_text(tmp_path):
    """What a page hides from the eye and gives screen readers (a skip link, a link's "new window" warning, a
    heading naming a block), by the class names of Bootstrap, WordPress, Drupal and the French State's
    design system, is not read: it would be glued into the sentence it sits in."""
    page = tmp_path / "actualite.fr.html"
    page.write_text(
        '<html lang="fr"><body><a class="visually-hidden-focusable" href="#contenu">Aller au contenu</a>'
        '<main id="contenu"><article><h1>Le Conseil approuve le plan</h1><p><span class="screen-reader-text">Publié'
        ' le </span>12 novembre 2026</p><p>Le Conseil a publié <a href="rapport.pdf" target="_blank">son rapport'
        '<span class="fr-sr-only"> - nouvelle fenêtre</span></a> et <a href="carte.html">une carte<span '
        'class="sr-only"> (ouvre une nouvelle fenêtre)</span></a>.</p><div class="partage"><h2 class="element-'
        'invisible">Partager cet article</h2></div><p class="visually-hidden-mobile">Lire aussi le résumé.</p>'
        '</article></main></body></html>', encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Le Conseil approuve le plan", "12 novembre 2026", "Le Conseil a publié son rapport et une carte.",
        "Lire aussi le résumé.")


GOOGLE_DOCS_PAGE = (
    '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
    ".c0{font-size:11pt;font-family:\"Arial\"}.c1{padding-top:0pt;line-height:1.15}</style></head>"
    '<body class="c5 doc-content"><h1 class="c6" id="h.q1w2e3"><span class="c0">Rapport du Conseil</span></h1>'
    '<p class="c1"><span class="c0">Le Conseil a approuvé le plan</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a>'
    '</sup><span class="c0">&nbsp;d’action</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span class="c0">.'
    '</span></p><p class="c1 c8"><span class="c0"></span></p><p class="c1"><span class="c0">Les Alliés ont voté.</span>'
    '<sup><a href="#cmnt2" id="cmnt_ref2">[b]</a></sup></p><hr class="c7"><div><p class="c3"><a href="#ftnt_ref1" '
    'id="ftnt1">[1]</a><span class="c4">&nbsp;Adopté en 2024.</span></p></div><div class="c9"><p class="c4">'
    '<a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c2">Vérifier la date.</span></p><p class="c4"><span '
    'class="c2">Et la source.</span></p></div><div class="c9"><p class="c4"><a href="#cmnt_ref2" id="cmnt2">[b]</a>'
    '<span class="c2">D’accord.</span></p></div></body></html>')
WORD_PAGE = (
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head><meta '
    'http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15">'
    "<style>\n<!--\n.msocomoff {display:none;}\n-->\n</style></head><body lang=FR-BE><div class=WordSection1>"
    '<p class=MsoNormal>Le Conseil a approuvé le plan<a style=\'mso-footnote-id:ftn1\' href="#_ftn1" name="_ftnref1" '
    "title=\"\"><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>"
    "[1]<![endif]></span></span></a>. <span class=MsoCommentReference><span style='font-size:8.0pt'><![if "
    '!supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1" language=JavaScript '
    'name="_msoanchor_1">[AD1]</a><![endif]></span></span>Les Alliés ont <del cite="mailto:Ana%20Dupont" '
    'datetime="2026-11-02T10:14">rejeté</del><ins cite="mailto:Ana%20Dupont" datetime="2026-11-02T10:14">voté</ins>.'
    '<o:p></o:p></p></div><div '
    "style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width=\"33%\">"
    "<![endif]><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' "
    'href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> Adopté en 2024.</p></div>'
    "</div><div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 "
    "width=\"33%\"><![endif]><div style='mso-element:comment'><![if !supportAnnotations]><div id=\"_com_1\" "
    "class=msocomtxt onmouseover=\"msoCommentShow('_anchor_1','_com_1')\" onmouseout=\"msoCommentHide('_com_1')\" "
    "language=JavaScript><![endif]><div><![if !supportAnnotations]><a name=\"_msocom_1\"></a><![endif]><p "
    "class=MsoCommentText><span class=MsoCommentReference>&nbsp;</span>Vérifier la date.</p></div><![if "
    "!supportAnnotations]></div><![endif]></div></div></body></html>")


@pytest.mark.parametrize("name, page, paragraphs", [
    ("google.fr.html", GOOGLE_DOCS_PAGE.encode("utf-8"),
     ("Rapport du Conseil", "Le Conseil a approuvé le plan\xa0d’action.", "Les Alliés ont voté.", "Adopté en 2024.")),
    ("word.fr.htm", WORD_PAGE.encode("cp1252"), ("Le Conseil a approuvé le plan. Les Alliés ont voté.", "Adopté en 2024.")),
])
def test_a_document_saved_as_a_web_page_gives_its_notes_not_its_comments(tmp_path, name, page, paragraphs):
    """Google Docs' Download > Web page and Word's Save as Web Page write the reviewers' comments into the
    page, each called by a mark in the text (``[a]``, ``[AD1]``) and all at the end: neither is read, as
    from the DOCX; the footnotes are. Word's tracked changes are read accepted, as from the DOCX."""
    path = tmp_path / name
    path.write_bytes(page)
    assert read_document(path).paragraphs == paragraphs


# a bulleted item and a numbered one as Word 15 saves them: the label (a Symbol-font bullet, "·", or the number) and
# the no-break spaces that align the text, in a conditional comment for browsers that cannot number a list
WORD_LIST_ITEMS = (
    "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span "
    "style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; "
    "</span></span></span><![endif]>renforcer la dissuasion&nbsp;;<o:p></o:p></p>"
    "<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]>"
    "<span style='mso-bidi-font-family:Calibri'><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New "
    "Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>améliorer l’interopérabilité.<o:p></o:p></p>")


@pytest.mark.parametrize("items", [
    WORD_LIST_ITEMS,
    WORD_LIST_ITEMS.replace("<![if !supportLists]>", "").replace("<![endif]>", ""),  # a cleaner took the comments out
    # Word's Save as Web Page, Filtered: no comment, no mso- style; the label's no-break spaces in a span of their own
    "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt'><span style='font-family:Symbol'>·<span "
    "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>renforcer la "
    "dissuasion&nbsp;;</p><p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt'>1.<span style='font:7.0pt "
    "\"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>améliorer l’interopérabilité.</p>",
    # its Wingdings bullets, spelt with letters (*Ø* shows ➢, *ü* ✓)
    "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt'><span style='font-family:Wingdings'>Ø<span "
    "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>renforcer la "
    "dissuasion&nbsp;;</p><p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt'><span "
    "style='font-family:Wingdings'>ü<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; "
    "</span></span>améliorer l’interopérabilité.</p>",
])
def test_a_list_saved_as_a_web_page_by_word_gives_its_items_without_their_labels(tmp_path, items):
    """Word saves each item of a list with its label typed before it (the bullet in the Symbol font, "·", or the
    number, and no-break spaces up to the text), for browsers that cannot number a list; Word reads them as the
    list's own numbering, which the DOCX gives as no text: the items are read without them, as from the DOCX. A page
    Word saved filtered marks no label but by the span of no-break spaces after it: its labels were read as text."""
    path = tmp_path / "priorites.fr.htm"
    page = WORD_PAGE.split("<p class=MsoNormal>")[0] + "<p class=MsoNormal>Les priorités sont les suivantes&nbsp;:</p>"
    path.write_bytes((page + items + "</div></body></html>").encode("cp1252"))
    assert read_document(path).paragraphs == (
        "Les priorités sont les suivantes\xa0:", "renforcer la dissuasion\xa0;", "améliorer l’interopérabilité.")

def test_a_heading_a_table_of_contents_links_to_is_read_in_a_page_word_saved(tmp_path):
    """Word saves each heading its table of contents links to wrapped in the link's target, ``<a name="_Toc…">``
    (and older pages, generators, wrap theirs in ``<a name>``, ``<a id>``): taken for a link, each heading was a block
    of links, a menu, and left out, every heading of the document lost. A target with no address is no link; the table
    of contents' entries, links to those targets, are still left out, as from the DOCX, and so is a heading's number
    as Word types it in a filtered page (*2.* before its span of no-break spaces), the DOCX's numbering."""
    toc = "".join(f'<p class=MsoToc1><a href="#_Toc16123456{number}">{title}<span style=\'color:windowtext;'
                  f"display:none'>. </span><span style='color:windowtext;display:none'>{number}</span></a></p>"
                  for number, title in ((1, "Introduction"), (2, "Capacités de défense aérienne")))
    body = (f'{toc}<h1><a name="_Toc161234561">Introduction</a></h1><p class=MsoNormal>Le Comité militaire s’est réuni '
            'à Bruxelles.</p><h1><a name="_Toc161234562"><span lang=FR-BE>2.<span style=\'font:7.0pt "Times New '
            'Roman"\'>&nbsp;&nbsp;&nbsp; </span></span>Capacités de défense aérienne</a></h1>'
            '<p class=MsoNormal>Les Alliés renforcent leur défense.</p><h2><a id="annexe">Annexe</a></h2>'
            '<p class=MsoNormal><a name="_Hlk1"></a>Liste des participants.</p>')
    path = tmp_path / "rapport.fr.htm"
    path.write_bytes((WORD_PAGE.split("<p class=MsoNormal>")[0] + body + "</div></body></html>").encode("cp1252"))
    assert read_document(path).paragraphs == (
        "Introduction", "Le Comité militaire s’est réuni à Bruxelles.", "Capacités de défense aérienne",
        "Les Alliés renforcent leur défense.", "Annexe", "Liste des participants.")


def test_the_lines_of_preformatted_text_are_lines(tmp_path):
    """A communiqué pasted into a page as preformatted text keeps its lines, as a text file's are kept,
    instead of running them into one paragraph."""
    path = tmp_path / "communique.fr.html"
    path.write_text("<html><body><main><h1>Communiqué</h1><pre>\nBruxelles, le 12 novembre 2026\n\nLe Conseil a approuvé "
                    "le plan.\nLes  Alliés ont voté.\n</pre><p>Fin.</p></main></body></html>", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Communiqué", "Bruxelles, le 12 novembre 2026", "Le Conseil a approuvé le plan.", "Les Alliés ont voté.", "Fin.")


@pytest.mark.parametrize("declaration", [
    '<meta charset="iso-8859-1">',
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    '<meta http-equiv="content-type" content="text/html; charset=us-ascii">',
])
def test_a_latin1_page_is_read_as_windows_1252_as_browsers_read_it(tmp_path, declaration):
    """Old CMSs declare ISO-8859-1 and write Word's curly quotes and dashes in it, bytes 0x80-0x9F that
    browsers (and the WHATWG standard) read as Windows-1252."""
    path = tmp_path / "ancien.fr.html"
    path.write_bytes(f"<html><head>{declaration}</head><body><p>L’OTAN – créée en 1949 – l’a "
                     "décidé.</p></body></html>".encode("cp1252"))
    assert read_document(path).paragraphs == ("L’OTAN – créée en 1949 – l’a décidé.",)


@pytest.mark.parametrize("declaration", [
    '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', '<meta charset="windows-1252">'])
def test_a_page_declaring_windows_1252_whose_bytes_are_utf8_is_read_as_utf8_with_a_notice(tmp_path, caplog, declaration):
    """A CMS's template that still declares Latin-1 years after its site went over to UTF-8: browsers follow the
    server's HTTP header, which a saved page has lost; read as declared, every accent would be Ã©."""
    caplog.set_level(logging.INFO, logger="tmtool")
    path = tmp_path / "ancien.fr.html"
    path.write_bytes(f"<html><head>{declaration}</head><body><p>L’OTAN a été créée en 1949 à Washington."
                     "</p></body></html>".encode("utf-8"))
    assert read_document(path).paragraphs == ("L’OTAN a été créée en 1949 à Washington.",)
    name = "iso-8859-1" if "iso" in declaration else "windows-1252"
    assert caplog.messages == [f"{path}: declares charset {name} but is UTF-8, read as UTF-8"]


def test_a_page_declaring_no_charset_in_windows_1252_is_read_so_with_a_notice(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="tmtool")
    path = tmp_path / "ancien.fr.htm"
    path.write_bytes("<html><body><p>L’OTAN – créée en 1949.</p></body></html>".encode("cp1252"))
    assert read_document(path).paragraphs == ("L’OTAN – créée en 1949.",)
    assert caplog.messages == [f"{path}: not UTF-8, read as Windows-1252 (as browsers in Western Europe read a page "
                               "declaring no charset)"]


def test_an_xhtml_page_s_xml_declaration_names_its_encoding(tmp_path):
    path = tmp_path / "page.fr.xhtml"
    path.write_bytes('<?xml version="1.0" encoding="ISO-8859-15"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
                     'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/'
                     '1999/xhtml" xml:lang="fr"><head><title>Budget</title></head><body><p>Un budget de 5 € pour '
                     'l’œuvre.</p></body></html>'.replace("’", "'").encode("iso-8859-15"))
    assert read_document(path).paragraphs == ("Budget", "Un budget de 5 € pour l'œuvre.")


def test_soft_hyphens_are_left_out_of_every_format(tmp_path):
    html = tmp_path / "page.fr.html"
    html.write_text("<p>Les opé&shy;rations de main&shy;tien de la paix.</p>", encoding="utf-8")
    odt = write_odt(tmp_path / "doc.fr.odt", "<text:p>Les opé\u00adrations de main\u00adtien de la paix.</text:p>")
    text = tmp_path / "doc.fr.txt"
    text.write_text("Les opé\u00adrations de main\u00adtien\ufeff de la paix.\n", encoding="utf-8")
    for path in (html, odt, text):
        assert read_document(path).paragraphs == ("Les opérations de maintien de la paix.",)


def test_a_ruby_annotation_is_not_read_beside_the_text_it_annotates(tmp_path):
    """Furigana over kanji (the reading of 東京, とうきょう) are read in no format: Word's w:rt was not, a page's
    <rt> and <rp> and LibreOffice's ruby text were, glued to the word they annotate."""
    html = tmp_path / "page.ja.html"
    html.write_text("<p>会議は<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>で開かれた。</p>", encoding="utf-8")
    odt = write_odt(tmp_path / "doc.ja.odt", "<text:p>会議は<text:ruby><text:ruby-base>東京</text:ruby-base><text:ruby-text>"
                                              "とうきょう</text:ruby-text></text:ruby>で開かれた。</text:p>")
    docx = write_docx(tmp_path / "doc.ja.docx", p(r("会議は"), '<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/>'
                                                 '<w:hps w:val="10"/><w:hpsRaise w:val="18"/><w:hpsBaseText w:val="21"/>'
                                                 '<w:lid w:val="ja-JP"/></w:rubyPr><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt>'
                                                 "<w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r>",
                                                 r("で開かれた。")))
    for path in (html, odt, docx):
        assert read_document(path).paragraphs == ("会議は東京で開かれた。",)


# ---- plain text ----


def test_text_saved_as_ansi_by_a_windows_editor_is_read_as_windows_1252_with_a_notice(tmp_path):
    path = tmp_path / "note.fr.txt"
    path.write_bytes("L’OTAN a été créée en 1949 – « bien » … œuvre.\r\nDeuxième paragraphe.\r\n".encode("cp1252"))
    result = CliRunner().invoke(main, ["segment", str(path), "--lang", "fr"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["L’OTAN a été créée en 1949 – « bien » … œuvre.", "Deuxième paragraphe."]
    assert result.stderr == f"tmtool: {path}: not UTF-8, read as Windows-1252 (what Windows editors save as ANSI " \
                            "text in Western Europe)\n"


@pytest.mark.parametrize("bom, encoding, newline", [
    (codecs.BOM_UTF16_LE, "utf-16-le", "\r\n"),  # Notepad's "Unicode"
    (codecs.BOM_UTF8, "utf-8", "\r\n"),  # Notepad's "UTF-8 with BOM"
    (b"", "utf-8", "\r"),  # classic Mac OS
])
def test_text_from_windows_and_mac_editors_with_form_feeds(tmp_path, bom, encoding, newline):
    """A form feed (a page break in a text export) ends a paragraph as a line end does."""
    path = tmp_path / "note.fr.txt"
    text = newline.join(["Première page.", "\fDeuxième page.", "", "Fin."]) + newline
    path.write_bytes(bom + text.encode(encoding))
    assert read_document(path).paragraphs == ("Première page.", "Deuxième page.", "Fin.")


def test_utf8_text_spoilt_by_a_stray_byte_is_refused_not_read_as_windows_1252(tmp_path):
    """A UTF-8 file with one Windows-1252 byte pasted in is no Windows-1252 text: read so, every accented
    letter of it would come out as Ã© with only a notice; it is refused, naming the line of the byte."""
    path = tmp_path / "note.fr.txt"
    path.write_bytes("Le Comité s’est réuni.\nL".encode("utf-8") + b"\x92OTAN aussi.\n")
    with pytest.raises(TmtoolError, match="not valid UTF-8: byte 0x92") as caught:
        read_document(path)
    assert caught.value.line == 2


def test_a_word_note_citing_itself_is_read_once(tmp_path):
    path = write_docx(tmp_path / "loop.fr.docx", p(r("Le Conseil"), reference("footnote", 1), r(" a siégé.")),
                      footnotes=note("footnote", 1, r("Voir la note") + reference("footnote", 1) + r(".")))
    assert read_document(path).paragraphs == ("Le Conseil a siégé.", "Voir la note.")


def test_a_deleted_paragraph_mark_joins_paragraphs_of_one_cell_or_note_only(tmp_path):
    deleted = f'<w:rPr><w:del w:id="8" {DATE}/></w:rPr>'

    def cell(*paragraphs: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="4531" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'

    body = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4531"/>'
            f'<w:gridCol w:w="4531"/></w:tblGrid><w:tr>{cell(p(r("Première"), props=deleted), p(r(" cellule")))}'
            f'{cell(p(r("Seconde cellule"), props=deleted))}</w:tr></w:tbl>'
            + p(r("Le Conseil"), reference("footnote", 1), r(" a siégé"), props=deleted) + p(r(" à Bruxelles."))
            + p(r("Fin"), reference("footnote", 2), r("."), props=deleted))
    path = write_docx(tmp_path / "marks.fr.docx", body,
                      footnotes=note("footnote", 1, r("Une note.")) + note("footnote", 2, r("Une autre.")))
    assert read_document(path).paragraphs == ("Première cellule", "Seconde cellule",
                                              "Le Conseil a siégé à Bruxelles.", "Une note.", "Fin.", "Une autre.")
    assert read_document(path).rows == ((0, 1),)


def test_the_header_of_the_main_content_is_its_title_not_the_page_banner(tmp_path):
    path = tmp_path / "page.fr.html"
    path.write_text('<html><body><header class="site"><a href="/">Ministère</a></header><main><header>'
                    '<h1>Communiqué de presse</h1><p class="chapo">La ministre s’est rendue à Bruxelles.</p></header>'
                    '<div class="corps"><p>Elle y a rencontré ses homologues.</p></div></main></body></html>',
                    encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Communiqué de presse", "La ministre s’est rendue à Bruxelles.", "Elle y a rencontré ses homologues.")


def damage(path, part: str):
    """Spoil the compressed data of a package's ``part``, as a disk or a download does: the part deflated,
    as word processors save it, then the first byte of its deflate stream flipped."""
    with zipfile.ZipFile(path) as package:
        parts = [(item, package.read(item)) for item in package.infolist()]
    with zipfile.ZipFile(path, "w") as package:
        for item, data in parts:
            item.compress_type = zipfile.ZIP_DEFLATED if item.filename == part else item.compress_type
            package.writestr(item, data)
        item = package.getinfo(part)
    data = bytearray(path.read_bytes())
    data[item.header_offset + 30 + len(item.filename.encode()) + len(item.extra)] ^= 0x55
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("make, part, kind", [
    (lambda path: write_docx(path, p(r("Le Conseil a siégé."))), "word/document.xml", "DOCX"),
    (lambda path: write_odt(path, "<text:p>Le Conseil a siégé.</text:p>"), "content.xml", "ODT"),
])
def test_a_package_whose_compressed_data_is_damaged_is_one_clear_error(tmp_path, make, part, kind):
    path = damage(make(tmp_path / f"abime.fr.{kind.lower()}"), part)
    result = CliRunner().invoke(main, ["segment", str(path), "--lang", "fr"])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith(f"tmtool: error: {path}: not a readable {kind} file (Error -3 while decompressing")


def test_a_document_saved_with_a_password_is_refused_as_such(tmp_path):
    """Word encrypts a package saved with a password into an OLE file (not a .doc for all that); LibreOffice
    keeps the ZIP and encrypts its parts, as its manifest says."""
    odt = write_odt(tmp_path / "confidentiel.fr.odt", "<text:p>Le Conseil a approuvé le plan.</text:p>")
    with zipfile.ZipFile(odt) as package:
        parts = {item.filename: package.read(item) for item in package.infolist()}
    parts["content.xml"] = bytes(range(256)) * 8  # AES-256 output
    parts["META-INF/manifest.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
        b'xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        b'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
        b'"content.xml" manifest:media-type="text/xml" manifest:size="3456"><manifest:encryption-data '
        b'manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum='
        b'"q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c="><manifest:algorithm manifest:algorithm-name='
        b'"http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="bXlJbml0VmVjdG9yMTIzNA=="/>'
        b'<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" '
        b'manifest:iteration-count="100000" manifest:salt="c2FsdHNhbHRzYWx0c2FsdA=="/></manifest:encryption-data>'
        b"</manifest:file-entry></manifest:manifest>")
    with zipfile.ZipFile(odt, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    for path in (REAL / "word-password.fr.docx", odt):
        result = CliRunner().invoke(main, ["segment", str(path), "--lang", "fr"])
        assert result.exit_code == 1 and result.output == (
            f"tmtool: error: {path}: is protected by a password (encrypted): open it and save it without one to read it\n")


def test_a_title_or_sentences_beside_a_footer_s_date_stay_as_written(tmp_path):
    """A footer's part holding a date went whole where a function word or a colon stood before the date: *Compte
    rendu de la réunion du 7 décembre*, *Document de travail établi pour la réunion : 7/12* were lost, title and all;
    the parts that stayed were joined again with a dash, between two sentences too (*Ce document est confidentiel. –
    Il ne peut …*), a bar made a dash. A label of a date (*Imprimé le*, *Date :*) holds two content words at most;
    the words of a title stay, without the date and the words binding it, the separators as written."""
    cases = [
        ([r("Compte rendu de la réunion du "), field(' DATE \\@"d MMMM yyyy" ', r("7 décembre 2026"))],
         "Compte rendu de la réunion"),
        ([r("Ce document est confidentiel. Il ne peut être diffusé. Imprimé le "), field(" DATE ", r("07/12/2026"))],
         "Ce document est confidentiel. Il ne peut être diffusé."),
        ([r("Rapport annuel | Division des affaires politiques | "), field(" SAVEDATE ", r("07/12/2026"))],
         "Rapport annuel | Division des affaires politiques"),
        ([r("Document de travail établi pour la réunion : "), field(" DATE ", r("07/12/2026"))],
         "Document de travail établi pour la réunion"),
        ([r("Date de création : "), field(" CREATEDATE ", r("07/12/2026")), r(" à "), field(" TIME ", r("06:39"))],
         None)]
    for number, (runs, kept) in enumerate(cases):
        path = write_docx(tmp_path / f"note{number}.fr.docx", p(r("Le Conseil a approuvé le plan.")), footer=p(*runs))
        assert read_document(path).paragraphs == ("Le Conseil a approuvé le plan.", *([kept] if kept else []))
    pages = master_page("Standard", ("style:footer", '<text:p text:style-name="Footer">Compte rendu de la réunion du '
                                                     '<text:date text:date-value="2026-12-07">7 décembre 2026</text:date>'
                                                     "</text:p>"))
    body = '<text:p text:style-name="P1">Le Conseil a approuvé le plan.</text:p>'
    assert read_document(write_odt(tmp_path / "note.fr.odt", body, master_pages=pages)).paragraphs == (
        "Le Conseil a approuvé le plan.", "Compte rendu de la réunion")


def test_a_page_whose_text_is_its_form_is_read(tmp_path):
    """A form of fewer than a hundred words with no ``<h1>`` was taken for the page's control (a comment's, a
    search's) and left out, also where it is the page: a survey's questions to translate were lost, and the page was
    refused as empty. A form is left out beside the page's text only, where the text outside forms outweighs them. A field's box between two labels parts them (*… l’accueil ?Avez-vous …* ran on into one word).
    """
    page = tmp_path / "enquete.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Enquête</title></head><body>'
        '<p><a class="skip" href="#q1">Aller au formulaire</a></p><form action="/enquete" method="post">'
        "<h2>Enquête de satisfaction</h2><p>Merci de répondre à ces questions sur nos services.</p>"
        '<label for="q1">Comment jugez-vous la qualité de l’accueil ?</label><input id="q1" name="q1">'
        '<label for="q2">Avez-vous trouvé les informations recherchées ?</label><input id="q2" name="q2">'
        '<button type="submit">Envoyer</button></form></body></html>', encoding="utf-8")
    assert read_document(page).paragraphs[-3:] == (
        "Enquête de satisfaction", "Merci de répondre à ces questions sur nos services.",
        "Comment jugez-vous la qualité de l’accueil ? Avez-vous trouvé les informations recherchées ?")


def test_a_later_section_s_first_page_shows_the_first_page_header_it_inherits(tmp_path):
    """A section that names no first page's header but has one (*Different first page* ticked, the header linked to
    the previous section's) shows the previous section's, as ECMA-376 §17.10.5 says: the first section keeps one that
    no page of its own shows (unticked there), and the second section's first page shows it. Its text was lost."""
    import docx
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    document.add_paragraph("Le Conseil a approuvé le plan.")
    first = document.sections[0]
    first.header.paragraphs[0].text = "OTAN SANS CLASSIFICATION"
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Annexe au rapport annuel"
    first.different_first_page_header_footer = False
    second = document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Les Alliés ont voté.")
    second.different_first_page_header_footer = True
    assert second.first_page_header.is_linked_to_previous
    document.save(tmp_path / "rapport.fr.docx")
    assert read_document(tmp_path / "rapport.fr.docx").paragraphs == (
        "Le Conseil a approuvé le plan.", "Les Alliés ont voté.", "OTAN SANS CLASSIFICATION",
        "Annexe au rapport annuel")


def _odt_cell(*paragraphs: str) -> str:
    return ('<table:table-cell table:style-name="Tableau1.A1" office:value-type="string">'
            + "".join(f'<text:p text:style-name="P1">{paragraph}</text:p>' for paragraph in paragraphs)
            + "</table:table-cell>")


def test_a_picture_s_alternative_text_in_a_table_cell_is_read_in_its_cell_in_a_docx_and_an_odt(tmp_path):
    """A picture in a table's cell (a status icon, a photo beside a biography) had its description read after the
    whole table, as a note cited in a cell is, away from its row: *Terminé* under the table instead of in its cell. It
    is read in its cell, as an HTML image's is: a cell holding the icon alone reads its description, the row kept in
    the table's rows; an icon beside a datum (a flag beside its country's name) is the datum's decoration, not read,
    the row kept too; a photo beside a page laid out in a cell is read after the cell's text."""
    def cell(*paragraphs: str) -> str:
        return '<w:tc><w:tcPr><w:tcW w:w="3020" w:type="dxa"/></w:tcPr>' + "".join(paragraphs) + "</w:tc>"

    def icon(number: int, description: str) -> str:  # an icon Word 365 inserted (Insert > Icons), 0.5 cm wide
        return picture(number, description).replace('cx="5486400" cy="3200400"', 'cx="180000" cy="180000"')

    biography = ("Le général Martin a commandé la brigade franco-allemande de 2019 à 2022 avant de rejoindre "
                 "l’état-major du Commandement allié Transformation à Norfolk.")
    body = (p(r("État des travaux :"))
            + '<w:tbl><w:tblPr><w:tblStyle w:val="Grilledutableau"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            '<w:tblGrid><w:gridCol w:w="3020"/><w:gridCol w:w="3020"/></w:tblGrid>'
            f'<w:tr>{cell(p(r("Rédaction du rapport")))}{cell(p(icon(1, "Terminé")))}</w:tr>'
            f'<w:tr>{cell(p(r("Traduction")))}{cell(p(icon(2, "En cours")))}</w:tr>'
            f'<w:tr>{cell(p(icon(3, "Drapeau de la France"), r(" France")))}{cell(p(r("Paris")))}</w:tr>'
            f'<w:tr>{cell(p(picture(4, "Portrait du général Martin")))}{cell(p(r(biography)))}</w:tr>'
            f'<w:tr>{cell(p(r(biography)), p(picture(5, "Le général Martin à Norfolk")))}{cell(p(r("Norfolk")))}</w:tr>'
            '</w:tbl>' + p(r("Fin.")))
    document = read_document(write_docx(tmp_path / "travaux.fr.docx", body))
    assert document.paragraphs == (
        "État des travaux :", "Rédaction du rapport", "Terminé", "Traduction", "En cours", "France", "Paris",
        "Portrait du général Martin", biography, biography, "Le général Martin à Norfolk", "Norfolk", "Fin.")
    assert document.rows == ((1, 2), (3, 4), (5, 6), (7, 8))

    odt = write_odt(tmp_path / "travaux.fr.odt", (
        '<text:p text:style-name="Standard">État des travaux :</text:p><table:table table:name="Tableau1" '
        'table:style-name="Tableau1"><table:table-column table:style-name="Tableau1.A" '
        'table:number-columns-repeated="2"/>'
        f'<table:table-row>{_odt_cell("Rédaction du rapport")}{_odt_cell(_odt_frame(1, "Terminé"))}</table:table-row>'
        f'<table:table-row>{_odt_cell("Traduction")}{_odt_cell(_odt_frame(2, "En cours"))}</table:table-row>'
        f'<table:table-row>{_odt_cell(_odt_frame(3, "Drapeau de la France") + " France")}{_odt_cell("Paris")}'
        '</table:table-row>'
        f'<table:table-row>{_odt_cell(_odt_frame(4, "Portrait du général Martin", "4cm"))}{_odt_cell(biography)}'
        '</table:table-row>'
        f'<table:table-row>{_odt_cell(biography, _odt_frame(5, "Le général Martin à Norfolk", "4cm"))}'
        f'{_odt_cell("Norfolk")}</table:table-row></table:table><text:p text:style-name="Standard">Fin.</text:p>'))
    read = read_document(odt)
    assert (read.paragraphs, read.rows) == (document.paragraphs, document.rows)


def test_a_picture_word_marks_as_decorative_gives_no_description(tmp_path):
    """A picture marked as decorative (Alt Text > Mark as decorative: a border, a background motif, which screen
    readers pass over) keeps the description it had written beside Office's mark, and it was read as the author's."""
    decorative = ('<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext '
                  'uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec='
                  '"http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst></wp:docPr>')
    body = (p(r("Le Conseil a approuvé le plan."))
            + p(picture(1, "Filet bleu décoratif").replace("</wp:docPr>", decorative))
            + p(picture(2, "Carte des zones d’exercice")))
    assert read_document(write_docx(tmp_path / "plan.fr.docx", body)).paragraphs == (
        "Le Conseil a approuvé le plan.", "Carte des zones d’exercice")


def test_a_picture_word_wrote_in_compatibility_mode_gives_its_alternative_text(tmp_path):
    """A document saved from a .doc, in compatibility mode, holds its pictures as VML shapes (``w:pict``, ``v:shape``
    and its ``v:imagedata``), their alternative text in the shape's ``alt``: it was not read, where a DrawingML
    picture's is. It is, by the same rules: after its paragraph, not a file's name, not a linked picture's, nor one its
    caption says again."""
    def vml(number: int, alt: str, href: str = "") -> str:
        link = f' href="{href}"' if href else ""
        return (f'<w:r><w:pict><v:shape id="Image {number}" o:spid="_x0000_i102{number}" type="#_x0000_t75" '
                f'alt="{alt}" style="width:432pt;height:252pt"{link}><v:imagedata r:id="rId4{number}" '
                f'o:title="image00{number}"/></v:shape></w:pict></w:r>')

    body = (p(r("Voir la carte ci-dessous."))
            + p(vml(1, "Carte des zones d’exercice en mer Baltique"))
            + p(vml(2, "fregate.jpg"), r("La frégate à quai."))
            + p(r("Le logo "), vml(3, "Logo de l’OTAN", "https://www.nato.int/"), r("mène au site."))
            + p(vml(4, "Le port de Kiel")) + p(r("Figure 2 : Le port de Kiel")))
    assert read_document(write_docx(tmp_path / "carte.fr.docx", body)).paragraphs == (
        "Voir la carte ci-dessous.", "Carte des zones d’exercice en mer Baltique", "La frégate à quai.",
        "Le logo mène au site.", "Figure 2 : Le port de Kiel")


def test_a_figure_beside_its_short_caption_in_a_table_s_cell_keeps_its_description(tmp_path):
    """Two figures side by side, each in a borderless table's cell over its caption (as Word's and LibreOffice's users
    lay them out): the figure's description, the map's long alternative text, was read after the table, and was then
    dropped as an icon's beside a datum (the caption's few words), lost. Only a picture no larger than an icon (a flag,
    a status mark) beside a cell's datum is its decoration; a figure's description is read in its cell, after its
    caption; a flag beside its country's name is still left out."""
    def cell(*paragraphs: str) -> str:
        return '<w:tc><w:tcPr><w:tcW w:w="4530" w:type="dxa"/></w:tcPr>' + "".join(paragraphs) + "</w:tc>"

    def figure(number: int, description: str) -> str:  # 7.5 cm by 5 cm
        return picture(number, description).replace('cx="5486400" cy="3200400"', 'cx="2700000" cy="1800000"')

    baltic = "Carte de la mer Baltique : trois zones d’exercice au large de la Lettonie, la plus grande au nord"
    kiel = "Photographie de trois frégates amarrées au quai du port de Kiel"
    flag = figure(3, "Drapeau de la France").replace("2700000", "180000").replace("1800000", "120000")
    body = (p(r("Les deux figures ci-dessous montrent le théâtre de l’exercice."))
            + '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="none" w:sz="0" w:space="0" '
            'w:color="auto"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4530"/><w:gridCol w:w="4530"/>'
            '</w:tblGrid>'
            f'<w:tr>{cell(p(figure(1, baltic)), p(r("Figure 1 : Zones d’exercice")))}'
            f'{cell(p(figure(2, kiel)), p(r("Figure 2 : Le port de Kiel")))}</w:tr>'
            f'<w:tr>{cell(p(flag, r(" France")))}'
            f'{cell(p(r("Paris")))}</w:tr></w:tbl>' + p(r("Fin.")))
    expected = ("Les deux figures ci-dessous montrent le théâtre de l’exercice.", "Figure 1 : Zones d’exercice",
                baltic, "Figure 2 : Le port de Kiel", kiel, "France", "Paris", "Fin.")
    assert read_document(write_docx(tmp_path / "exercice.fr.docx", body)).paragraphs == expected

    def vml(number: int, alt: str, width: str, height: str) -> str:  # a document in compatibility mode (from a .doc)
        return (f'<w:r><w:pict><v:shape id="Image {number}" o:spid="_x0000_i102{number}" type="#_x0000_t75" '
                f'alt="{alt}" style="width:{width};height:{height}"><v:imagedata r:id="rId4{number}" '
                f'o:title="image00{number}"/></v:shape></w:pict></w:r>')

    compatible = (body.replace(figure(1, baltic), vml(1, baltic, "212.6pt", "141.75pt"))
                  .replace(figure(2, kiel), vml(2, kiel, "212.6pt", "141.75pt")))
    compatible = compatible.replace(flag, vml(3, "Drapeau de la France", "13.5pt", "9pt"))
    assert read_document(write_docx(tmp_path / "exercice-doc.fr.docx", compatible)).paragraphs == expected

    odt = write_odt(tmp_path / "exercice.fr.odt", (
        '<text:p text:style-name="Standard">Les deux figures ci-dessous montrent le théâtre de l’exercice.</text:p>'
        '<table:table table:name="Tableau1" table:style-name="Tableau1"><table:table-column '
        'table:style-name="Tableau1.A" table:number-columns-repeated="2"/><table:table-row>'
        f'{_odt_cell(_odt_frame(1, baltic, "7.5cm", "5cm"), "Figure 1 : Zones d’exercice")}'
        f'{_odt_cell(_odt_frame(2, kiel, "2.953in", "1.969in"), "Figure 2 : Le port de Kiel")}</table:table-row>'
        f'<table:table-row>{_odt_cell(_odt_frame(3, "Drapeau de la France", "0.5cm", "0.33cm") + " France")}'
        f'{_odt_cell("Paris")}</table:table-row></table:table><text:p text:style-name="Standard">Fin.</text:p>'))
    assert read_document(odt).paragraphs == expected


def test_what_a_news_page_hides_from_assistive_technology_or_lays_over_it_is_not_its_text(tmp_path):
    """A news article saved from the browser keeps what its scripts put around the article: a subscription prompt for
    sighted readers only (``aria-hidden="true"``, as a closed Micromodal window is marked), a paywall's window over
    the page (``aria-modal="true"``, no dialog's role), an alert (``role="alert"``: *Votre essai se termine…*). They
    were read as the article's sentences. They are left out by the page's own marks (as Firefox's Reader View reads
    it), not by their words; but the article itself, hidden from assistive technology while a window is open over it,
    and an accordion's closed panel that a control shows (``aria-controls``), are the page's text."""
    page = tmp_path / "article.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Défense</title></head><body>'
        '<div id="__next" aria-hidden="true"><main><article><h1>Les Alliés renforcent leur défense aérienne</h1>'
        '<p>Les ministres de la Défense de l’OTAN se sont réunis jeudi à Bruxelles.</p>'
        '<div class="article__prompt" aria-hidden="true"><p>Il vous reste 80 % de cet article à lire. La suite est '
        'réservée aux abonnés.</p><p>Déjà abonné ? Se connecter</p></div>'
        '<h2>Les chiffres</h2><button aria-expanded="false" aria-controls="chiffres">Afficher</button>'
        '<div id="chiffres" aria-hidden="true"><p>Trente-deux pays participent au programme.</p></div>'
        '<p>Ils ont adopté un plan commun.<span class="icone" aria-hidden="true">▶</span></p>'
        '</article></main></div>'
        '<div class="gate" aria-modal="true"><h2>Cet article est réservé aux abonnés</h2><p>Abonnez-vous pour '
        '1 € le premier mois.</p></div>'
        '<div class="toast" role="alert"><p>Votre essai gratuit se termine dans 3 jours.</p></div>'
        '</body></html>', encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Défense", "Les Alliés renforcent leur défense aérienne",
        "Les ministres de la Défense de l’OTAN se sont réunis jeudi à Bruxelles.", "Les chiffres",
        "Trente-deux pays participent au programme.", "Ils ont adopté un plan commun.")


def test_an_accordion_s_section_title_in_its_heading_s_button_is_read(tmp_path):
    """An accordion written as WAI-ARIA's pattern has it (each section's title a button in a heading, which shows the
    section: ``<h3><button aria-expanded="false">…</button></h3>``, a FAQ's questions): the button was left out as a
    control, its section read without its title. A heading's button is its title; another button is a control."""
    page = tmp_path / "faq.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body><main><h1>Questions fréquentes</h1>'
        '<h3><button type="button" aria-expanded="true" aria-controls="r1" id="q1">Qui peut adhérer à l’OTAN ?'
        '</button></h3><div id="r1" role="region" aria-labelledby="q1"><p>Tout État européen en mesure de favoriser '
        'les principes du Traité.</p></div><p><button type="button">Imprimer</button></p></main></body></html>',
        encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Questions fréquentes", "Qui peut adhérer à l’OTAN ?",
        "Tout État européen en mesure de favoriser les principes du Traité.")


def test_an_equation_katex_renders_is_read_once_from_its_mathml(tmp_path):
    """KaTeX (MkDocs', Docusaurus', many a blog's) writes an equation twice: its MathML for assistive technology and
    its picture in styled spans, hidden from assistive technology (``aria-hidden="true"``): both were read, the
    equation glued to itself (*E=mc^2E=mc2*). The spans hidden from assistive technology are left out: read once."""
    page = tmp_path / "energie.en.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body><main><p>The energy is <span '
        'class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow>'
        '<mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">'
        'E=mc^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base">'
        '<span class="mord mathnormal">E</span><span class="mrel">=</span><span class="mord mathnormal">m</span><span '
        'class="mord"><span class="mord mathnormal">c</span><span class="msupsub"><span class="vlist-t"><span '
        'class="vlist-r"><span class="vlist"><span class="sizing reset-size6 size3 mtight"><span class="mord mtight">2'
        '</span></span></span></span></span></span></span></span></span></span> in this case.</p></main></body></html>',
        encoding="utf-8")
    assert read_document(page).paragraphs == ("The energy is E=mc^2 in this case.",)


def test_an_alert_in_the_article_the_page_behind_an_open_window_and_shown_words_a_screen_reader_reads_otherwise(
        tmp_path):
    """Three things a page hides from assistive technology, or marks as an alert, that are its text: a Bootstrap
    alert in the article (``<div class="alert alert-warning" role="alert">``, as Bootstrap's documentation writes every
    alert), the page itself saved while a window is open over it (react-modal hides the page's root, ``aria-hidden``,
    beside its portal; a blog's post, no ``<main>`` nor ``<h1>``), and what is shown beside the words a screen reader
    reads in its place (``<span aria-hidden="true">12 €</span><span class="sr-only">12 euros</span>``), and a warning's
    page whose text is an alert (its title, ``<h1>``, in it). Each was
    left out, the page's sentences lost (the post read as its title only). The toast outside the article, the
    window and a prompt hidden from assistive technology stay out."""
    page = tmp_path / "guide.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Guide</title></head><body><main>'
        '<h1>Installer le logiciel</h1><p>Téléchargez le paquet.</p><div class="alert alert-warning" role="alert">'
        '<strong>Attention :</strong> sauvegardez vos données avant la mise à jour.</div>'
        '<p>La licence coûte <span aria-hidden="true">12 €</span><span class="sr-only">12 euros</span> par poste.</p>'
        '<div class="invite" aria-hidden="true"><p>Abonnez-vous à la lettre.</p></div></main>'
        '<div class="toast" role="alert"><p>Votre essai gratuit se termine dans 3 jours.</p></div></body></html>',
        encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Guide", "Installer le logiciel", "Téléchargez le paquet.",
        "Attention : sauvegardez vos données avant la mise à jour.", "La licence coûte 12 € par poste.")
    post = tmp_path / "vacances.fr.html"
    post.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Blog</title></head><body>'
        '<div id="root" aria-hidden="true"><div class="post"><h2>Nos vacances</h2>'
        '<p>Nous sommes partis en Bretagne cet été.</p></div></div>'
        '<div class="ReactModalPortal"><div class="ReactModal__Overlay"><div class="ReactModal__Content" role="dialog" '
        'aria-modal="true"><p>Connectez-vous pour continuer.</p></div></div></div></body></html>', encoding="utf-8")
    assert read_document(post).paragraphs == ("Blog", "Nos vacances", "Nous sommes partis en Bretagne cet été.")
    # a warning's page whose text is the alert, its title in it; a session's toast is no text of it
    warning = tmp_path / "vigilance.fr.html"
    warning.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Préfecture</title></head><body>'
        '<div class="alerte" role="alert"><h1>Vigilance rouge canicule</h1><p>Le département est placé en vigilance '
        'rouge jusqu’à vendredi.</p></div><div class="toast" role="alert"><p>Votre session expire.</p></div>'
        '</body></html>', encoding="utf-8")
    assert read_document(warning).paragraphs == (
        "Préfecture", "Vigilance rouge canicule", "Le département est placé en vigilance rouge jusqu’à vendredi.")


def test_a_carousel_s_slides_not_shown_are_read_once_without_their_copies(tmp_path):
    """react-slick (and Splide without its pagination) hides each slide not shown from assistive technology
    (``aria-hidden="true"``), with no tab's role nor control naming it, and copies the first and last slides for
    looping (``slick-cloned``): the slides not shown were left out, a news page's stories lost. A slide is read
    (the page's text, as a closed ``<details>`` is), its copies are not."""
    page = tmp_path / "accueil.fr.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Accueil</title></head><body><main>'
        '<h1>Actualités</h1><div class="slick-slider slick-initialized" dir="ltr"><div class="slick-list">'
        '<div class="slick-track" style="width:3000px;opacity:1">'
        '<div data-index="-1" tabindex="-1" class="slick-slide slick-cloned" aria-hidden="true"><div>'
        '<h2>Le sommet de Vilnius</h2><p>Les dirigeants se sont réunis en juillet.</p></div></div>'
        '<div data-index="0" class="slick-slide slick-active slick-current" tabindex="-1" aria-hidden="false"><div>'
        '<h2>La réunion des ministres</h2><p>Les ministres ont adopté un plan.</p></div></div>'
        '<div data-index="1" class="slick-slide" tabindex="-1" aria-hidden="true"><div>'
        '<h2>Le sommet de Vilnius</h2><p>Les dirigeants se sont réunis en juillet.</p></div></div>'
        '<div data-index="2" tabindex="-1" class="slick-slide slick-cloned" aria-hidden="true"><div>'
        '<h2>La réunion des ministres</h2><p>Les ministres ont adopté un plan.</p></div></div>'
        '</div></div></div><div class="slide-in-lettre" aria-hidden="true"><p>Abonnez-vous à la lettre.</p></div>'
        '</main></body></html>', encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Accueil", "Actualités", "La réunion des ministres", "Les ministres ont adopté un plan.",
        "Le sommet de Vilnius", "Les dirigeants se sont réunis en juillet.")
