"""Slide decks as NATO briefings arrive: PowerPoint's PPTX and Impress's ODP, read slide by slide in the order
the presentation shows them, each slide's title first, its tables cell by cell, its speaker notes after it;
hidden slides, fields and the footer repeated on every slide left out."""

from __future__ import annotations

import zipfile

import pytest
from click.testing import CliRunner

from slidedocs import (Slide, chart_frame, diagram_frame, frame, group, image_frame, page, para, picture, run, shape,
                       slide_number, table,
                       write_odp, write_pptx)
from test_pdf_odt import write_odt
from test_written_documents import smart_art
from tmtool.cli import main
from tmtool.errors import TmtoolError
from tmtool.text.readers import read_document
from worddocs import p, r, write_docx

CHART = ('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title><c:tx><c:rich>'
         '<a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="fr-FR"/><a:t>Dépenses de défense '
         'des Alliés</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
         '<c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef>'
         '<c:f>Feuil1!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Part du PIB</c:v></c:pt>'
         '</c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:f>Feuil1!$A$2:$A$4</c:f><c:strCache><c:ptCount val="3"/>'
         '<c:pt idx="0"><c:v>Europe du Nord</c:v></c:pt><c:pt idx="1"><c:v>Europe du Sud</c:v></c:pt>'
         '<c:pt idx="2"><c:v>2024</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Feuil1!$B$2:$B$4'
         '</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>2.4</c:v>'
         '</c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx>'
         '<c:axId val="1"/><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/>'
         '<c:delete val="0"/><c:axPos val="l"/><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Pourcentage du '
         'produit intérieur brut</a:t></a:r></a:p></c:rich></c:tx></c:title><c:crossAx val="1"/></c:valAx></c:plotArea>'
         '<c:plotVisOnly val="1"/></c:chart></c:chartSpace>')


def segment(path) -> list[str]:
    result = CliRunner().invoke(main, ["segment", str(path), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_pptx_slides_in_the_order_shown_title_first_notes_after_each(tmp_path):
    """The slides were moved: slide3.xml is shown first. A text box drawn before the title is read after it;
    the date, footer and slide number placeholders and fields are not text; the notes follow their slide."""
    slides = [
        Slide([shape(para("La logistique reste le point faible de l’exercice."), ph="obj", idx=1, number=3),
               shape(para("Enseignements tirés"), ph="title", number=2)],
              notes=[para("Insister sur les délais de ravitaillement."), para("Laisser cinq minutes aux questions.")]),
        Slide([shape(para("Calendrier des travaux"), ph="title", number=2),
               shape(para("Le Comité militaire se réunira en mars."), para("Page ", slide_number()), number=3)]),
        Slide([shape(para("OTAN SANS CLASSIFICATION"), ph="ftr", idx=11, number=5),
               shape(para(slide_number()), ph="sldNum", idx=12, number=6),
               shape(para("12/03/2026"), ph="dt", idx=10, number=7),
               shape(para("Exercice Steadfast 2026"), ph="ctrTitle", number=2),
               shape(para("Bilan présenté au Conseil"), ph="subTitle", idx=1, number=3)]),
    ]
    path = write_pptx(tmp_path / "exposé.fr.pptx", slides, order=[2, 1, 0])
    assert read_document(path).paragraphs == (
        "Exercice Steadfast 2026", "Bilan présenté au Conseil",
        "Calendrier des travaux", "Le Comité militaire se réunira en mars.", "Page",
        "Enseignements tirés", "La logistique reste le point faible de l’exercice.",
        "Insister sur les délais de ravitaillement.", "Laisser cinq minutes aux questions.")


def test_pptx_tables_groups_line_breaks_and_hidden_things(tmp_path):
    """A table's cells are paragraphs of their own, in rows; a group's shapes are read in its place; a line
    break in a title is a space (one paragraph per paragraph); a hidden slide and a hidden shape are not read."""
    slides = [
        Slide([shape(para("Effectifs", '<a:br><a:rPr lang="fr-FR"/></a:br>', "par composante"), ph="title", number=2),
               table(["Composante", "Effectif"], ["Terre", "Douze mille"]),
               group(shape(para("Les chiffres sont provisoires."), number=11),
                     shape(para("Ils seront confirmés en juin."), number=12)),
               shape(para("Brouillon à ne pas montrer."), hidden=True, number=13)]),
        Slide([shape(para("Diapositive masquée"), ph="title", number=2)], notes=[para("Notes masquées.")],
              hidden=True),
        Slide([shape(para("Conclusion"), ph="title", number=2)]),
    ]
    document = read_document(write_pptx(tmp_path / "effectifs.fr.pptx", slides))
    assert document.paragraphs == ("Effectifs par composante", "Composante", "Effectif", "Terre", "Douze mille",
                                   "Les chiffres sont provisoires.", "Ils seront confirmés en juin.", "Conclusion")
    assert document.rows == ((1, 2), (3, 4))


def test_a_pptx_equation_reads_as_a_docx_one(tmp_path):
    """An equation PowerPoint writes (Office Math in ``a14:m``, in an alternative whose fallback is its picture) is
    read as its linear text, as Word's is, in its sentence: its fraction and its power were read as bare letters
    (*v=dt*, *E=mc2*)."""
    math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    control = '<m:ctrlPr><a:rPr lang="fr-FR" i="1"><a:latin typeface="Cambria Math"/></a:rPr></m:ctrlPr>'

    def math_run(text: str, word: bool = False) -> str:  # a run's properties: PowerPoint's, or Word's
        properties = ('<w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr>' if word
                      else '<a:rPr lang="fr-FR" i="1"><a:latin typeface="Cambria Math"/></a:rPr>')
        return f"<m:r>{properties}<m:t>{text}</m:t></m:r>"

    def equation(text: str) -> str:
        return ('<a14:m xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main">'
                f"<m:oMath {math}>{text}</m:oMath></a14:m>")

    def fraction(word: bool = False) -> str:
        return (f"<m:f><m:fPr>{control}</m:fPr><m:num>{math_run('d', word)}</m:num>"
                f"<m:den>{math_run('t', word)}</m:den></m:f>")

    def power(word: bool = False) -> str:
        return (f"<m:sSup><m:sSupPr>{control}</m:sSupPr><m:e>{math_run('c', word)}</m:e>"
                f"<m:sup>{math_run('2', word)}</m:sup></m:sSup>")

    box = shape(para("La vitesse vaut ", equation(math_run("v=") + fraction()), " et l’énergie ",
                     equation(math_run("E=m") + power()), "."), name="ZoneTexte 5", number=5)
    alternatives = ('<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                    '<mc:Choice xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main" Requires="a14">'
                    f"{box}</mc:Choice><mc:Fallback>{shape(para(), name='ZoneTexte 5', number=5)}</mc:Fallback>"
                    "</mc:AlternateContent>")
    slides = [Slide([shape(para("Formules"), ph="title", number=2), alternatives])]
    assert read_document(write_pptx(tmp_path / "formules.fr.pptx", slides)).paragraphs == (
        "Formules", "La vitesse vaut v=d/t et l’énergie E=mc^2.")
    docx = write_docx(tmp_path / "formules.fr.docx", p(
        r("La vitesse vaut "), f"<m:oMath>{math_run('v=', True)}{fraction(True)}</m:oMath>", r(" et l’énergie "),
        f"<m:oMath>{math_run('E=m', True)}{power(True)}</m:oMath>", r(".")))
    assert read_document(docx).paragraphs == ("La vitesse vaut v=d/t et l’énergie E=mc^2.",)


def test_pptx_charts_and_smart_art_are_read_in_their_place(tmp_path):
    """A chart's title, its axis's title, its series' name and the labels of its categories are text to
    translate, read in the chart's place; a label without letters (a year) is not. A SmartArt diagram's shapes
    are read in its place too."""
    _, organisation = smart_art("Secrétaire général", "Comité militaire")
    slides = [Slide([shape(para("Budget"), ph="title", number=2), chart_frame("rId3"),
                     shape(para("Source : rapports nationaux."), number=7)], drawings=[CHART]),
              Slide([shape(para("Organigramme"), ph="title", number=2), diagram_frame("rId3")],
                    drawings=[organisation])]
    assert read_document(write_pptx(tmp_path / "budget.fr.pptx", slides)).paragraphs == (
        "Budget", "Dépenses de défense des Alliés", "Pourcentage du produit intérieur brut", "Part du PIB",
        "Europe du Nord", "Europe du Sud", "Source : rapports nationaux.",
        "Organigramme", "Secrétaire général", "Comité militaire")


def test_docx_chart_titles_are_read_at_the_chart_s_place(tmp_path):
    drawing = ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5486400" '
               'cy="3200400"/><wp:docPr id="1" name="Graphique 1"/><a:graphic><a:graphicData '
               'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart '
               'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId31"/></a:graphicData>'
               '</a:graphic></wp:inline></w:drawing></w:r>')
    path = write_docx(tmp_path / "budget.fr.docx", p(r("Le graphique suivant résume les dépenses.")) + p(drawing)
                      + p(r("Les chiffres de 2025 sont provisoires.")), charts=(CHART,))
    assert read_document(path).paragraphs == (
        "Le graphique suivant résume les dépenses.", "Dépenses de défense des Alliés",
        "Pourcentage du produit intérieur brut", "Part du PIB", "Europe du Nord", "Europe du Sud",
        "Les chiffres de 2025 sont provisoires.")


# a waterfall chart as Word 2016 and later write it: its data beside it, its title and its series' name given as text
WATERFALL = ('<cx:chartSpace xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.'
             'openxmlformats.org/officeDocument/2006/relationships" xmlns:cx="http://schemas.microsoft.com/office/'
             'drawing/2014/chartex"><cx:chartData><cx:externalData r:id="rId1" cx:autoUpdate="0"/><cx:data id="0">'
             '<cx:strDim type="cat"><cx:f>Feuil1!$A$2:$A$4</cx:f><cx:lvl ptCount="3"><cx:pt idx="0">Budget initial'
             '</cx:pt>'
             '<cx:pt idx="1">Économies</cx:pt><cx:pt idx="2">Budget final</cx:pt></cx:lvl></cx:strDim><cx:numDim '
             'type="val"><cx:f>Feuil1!$B$2:$B$4</cx:f><cx:lvl ptCount="3" formatCode="Standard"><cx:pt idx="0">100'
             '</cx:pt><cx:pt idx="1">-20</cx:pt><cx:pt idx="2">80</cx:pt></cx:lvl></cx:numDim></cx:data></cx:chartData>'
             '<cx:chart><cx:title pos="t" align="ctr" overlay="0"><cx:tx><cx:txData><cx:v>Évolution du budget</cx:v>'
             '</cx:txData></cx:tx><cx:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:endParaRPr '
             'lang="fr-FR"/></a:p></cx:txPr></cx:title><cx:plotArea><cx:plotAreaRegion><cx:series layoutId="waterfall" '
             'uniqueId="{6F0B2C55-1A2B-4C3D-8E9F-0A1B2C3D4E5F}"><cx:tx><cx:txData><cx:f>Feuil1!$B$1</cx:f><cx:v>Crédits'
             '</cx:v></cx:txData></cx:tx><cx:dataId val="0"/></cx:series></cx:plotAreaRegion><cx:axis id="0">'
             '<cx:catScaling gapWidth="0.5"/><cx:tickLabels/></cx:axis><cx:axis id="1"><cx:valScaling/><cx:title>'
             '<cx:tx>'
             '<cx:txData><cx:v>Millions d’euros</cx:v></cx:txData></cx:tx></cx:title><cx:tickLabels/></cx:axis>'
             "</cx:plotArea></cx:chart></cx:chartSpace>")


def test_docx_office_2016_chart_titles_are_read_not_its_fallback_notice(tmp_path):
    """A waterfall chart, a kind Office 2016 added: Word writes it as an alternative, the fallback a shape telling
    older versions that they cannot show it, which is no text of the document."""
    chart = ('<w:r><mc:AlternateContent><mc:Choice xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/'
             'chartex" Requires="cx1"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent '
             'cx="5486400" cy="3200400"/><wp:docPr id="2" name="Graphique 2"/><a:graphic><a:graphicData '
             'uri="http://schemas.microsoft.com/office/drawing/2014/chartex"><cx:chart xmlns:cx="http://schemas.'
             'microsoft.com/office/drawing/2014/chartex" r:id="rId31"/></a:graphicData></a:graphic></wp:inline>'
             '</w:drawing></mc:Choice><mc:Fallback><w:drawing><wp:inline><wp:extent cx="5486400" cy="3200400"/>'
             '<wp:docPr id="2" name="Graphique 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/'
             'word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr/><wps:spPr/><wps:txbx><w:txbxContent>'
             + p(r("Ce graphique n’est pas disponible dans votre version de Word.")) + "</w:txbxContent></wps:txbx>"
             "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Fallback>"
             "</mc:AlternateContent></w:r>")
    path = write_docx(tmp_path / "budget.fr.docx", p(r("Le budget a baissé.")) + p(chart) + p(r("Fin.")),
                      charts=(WATERFALL,))
    assert read_document(path).paragraphs == ("Le budget a baissé.", "Évolution du budget", "Millions d’euros",
                                              "Crédits", "Budget initial", "Économies", "Budget final", "Fin.")


# the same chart as LibreOffice writes it in an ODP or an ODT: an object of its own, its data in its own table
ODF_CHART = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
    'xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:'
    'opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:svg="urn:oasis:'
    'names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"><office:body><office:chart><chart:chart '
    'svg:width="16cm" svg:height="9cm" xlink:href=".." xlink:type="simple" chart:class="chart:bar" '
    'chart:style-name="ch1"><chart:title svg:x="4.1cm" svg:y="0.3cm" chart:style-name="ch2"><text:p>Dépenses de '
    'défense des Alliés</text:p></chart:title><chart:legend chart:legend-position="end" svg:x="13cm" svg:y="4cm" '
    'chart:style-name="ch3"/><chart:plot-area chart:style-name="ch4" table:cell-range-address="local-table.$A$1:.$B$4" '
    'chart:data-source-has-labels="both" svg:x="0.3cm" svg:y="1.4cm" svg:width="12cm" svg:height="7cm"><chart:axis '
    'chart:dimension="x" chart:name="primary-x" chart:style-name="ch5"><chart:categories '
    'table:cell-range-address="local-table.$A$2:.$A$4"/></chart:axis><chart:axis chart:dimension="y" '
    'chart:name="primary-y" chart:style-name="ch6"><chart:title svg:x="0.1cm" svg:y="3cm" chart:style-name="ch7">'
    '<text:p>Pourcentage du produit intérieur brut</text:p></chart:title><chart:grid chart:style-name="ch8" '
    'chart:class="major"/></chart:axis><chart:series chart:style-name="ch9" '
    'chart:values-cell-range-address="local-table.$B$2:.$B$4" chart:label-cell-address="local-table.$B$1" '
    'chart:class="chart:bar"><chart:data-point chart:repeated="3"/></chart:series><chart:wall chart:style-name="ch10"/>'
    '</chart:plot-area><table:table table:name="local-table"><table:table-header-columns><table:table-column/>'
    '</table:table-header-columns><table:table-columns><table:table-column/></table:table-columns>'
    '<table:table-header-rows><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell '
    'office:value-type="string"><text:p>Part du PIB</text:p></table:table-cell></table:table-row>'
    '</table:table-header-rows><table:table-rows>'
    + "".join('<table:table-row><table:table-cell office:value-type="string">'
              f"<text:p>{label}</text:p></table:table-cell>"
              f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
              "</table:table-cell></table:table-row>"
              for label, value in (("Europe du Nord", "2.4"), ("Europe du Sud", "1.9"), ("2024", "2.1")))
    + "</table:table-rows></table:table></chart:chart></office:chart></office:body></office:document-content>")
_CHART_OBJECT = ('<draw:object xlink:href="./Object 1" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
                 '<draw:image xlink:href="./ObjectReplacements/Object 1" xlink:type="simple" xlink:show="embed" '
                 'xlink:actuate="onLoad"/>')


def _chart_odp(path):
    return write_odp(path, page(frame("<text:p>Budget</text:p>", kind="title"),
                                '<draw:frame draw:style-name="gr2" draw:layer="layout" svg:width="16cm" '
                                f'svg:height="9cm" svg:x="2cm" svg:y="4cm">{_CHART_OBJECT}</draw:frame>',
                                frame("<text:p>Source : rapports nationaux.</text:p>")))


def _chart_odt(path):
    return write_odt(path, '<text:p text:style-name="P1">Budget<draw:frame draw:style-name="fr1" draw:name="Object 1" '
                           'text:anchor-type="paragraph" svg:width="16cm" svg:height="9cm" draw:z-index="0">'
                           f'{_CHART_OBJECT}</draw:frame></text:p><text:p>Source : rapports nationaux.</text:p>')


@pytest.mark.parametrize("write", [_chart_odp, _chart_odt])
def test_a_libreoffice_chart_gives_what_a_powerpoint_one_does(tmp_path, write):
    """A chart in an Impress presentation or a Writer document gives its title, its axes' titles, its series'
    names and its categories' labels (those with letters), read from the chart's own table by the cells its series
    and categories name, as the same chart in a PPTX or a DOCX does; its values are not read."""
    path = write(tmp_path / f"budget.fr.{write.__name__[-3:]}")
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("Object 1/content.xml", ODF_CHART)
    powerpoint = write_pptx(tmp_path / "budget.fr.pptx", [Slide([shape(para("Budget"), ph="title", number=2),
                                                                chart_frame("rId3"),
                                                                shape(para("Source : rapports nationaux."), number=7)],
                                                               drawings=[CHART])])
    assert read_document(path).paragraphs == read_document(powerpoint).paragraphs == (
        "Budget", "Dépenses de défense des Alliés", "Pourcentage du produit intérieur brut", "Part du PIB",
        "Europe du Nord", "Europe du Sud", "Source : rapports nationaux.")


_CHART_FRAME = ('<draw:frame draw:style-name="fr1" draw:name="Object 1" text:anchor-type="paragraph" svg:width="16cm" '
                f'svg:height="9cm" draw:z-index="0">{_CHART_OBJECT}</draw:frame>')
# a chart in a table's cell, beside its comment, and in a frame's text box, under its caption
_CHART_PLACES = {
    "cell": ('<table:table table:name="Tableau2" table:style-name="Tableau2"><table:table-column '
             'table:number-columns-repeated="2"/><table:table-row><table:table-cell office:value-type="string"><text:p>'
             f'{_CHART_FRAME}</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Budget'
             "</text:p></table:table-cell></table:table-row></table:table>"),
    "frame": ('<text:p><draw:frame draw:style-name="fr2" draw:name="Cadre1" text:anchor-type="paragraph" '
              'svg:width="17cm" draw:z-index="1"><draw:text-box fo:min-height="9cm"><text:p>'
              f"{_CHART_FRAME}</text:p><text:p>Budget</text:p></draw:text-box></draw:frame></text:p>"),
}


@pytest.mark.parametrize("place", sorted(_CHART_PLACES))
def test_a_writer_chart_in_a_table_cell_or_a_frame_gives_its_labels_too(tmp_path, place):
    """A chart in a Writer table's cell or in a frame gives what one in the text does: its titles, its series' names
    and its categories' labels, after the table or the frame's paragraph."""
    path = write_odt(tmp_path / "budget.fr.odt", _CHART_PLACES[place] + "<text:p>Source : rapports nationaux.</text:p>")
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("Object 1/content.xml", ODF_CHART)
    paragraphs = read_document(path).paragraphs
    assert paragraphs == ((("Budget",) if place == "cell" else ()) + (
        "Dépenses de défense des Alliés", "Pourcentage du produit intérieur brut", "Part du PIB", "Europe du Nord",
        "Europe du Sud") + (() if place == "cell" else ("Budget",)) + ("Source : rapports nationaux.",))


def test_a_chart_made_from_a_writer_table_gives_its_labels_once_as_the_table_s_text(tmp_path):
    """A chart made from a Writer table names that table's cells (``Tableau1.B1``), its labels, read as the table's
    text; LibreOffice's copy of them in the chart's own table (each cell with the address it copies) is not read
    again, nor looked for there by those addresses, which its own table need not keep: its titles are read."""
    cells = (("", "Part du PIB"), ("Europe du Nord", "2,4"), ("Europe du Sud", "1,9"))
    table = ('<table:table table:name="Tableau1"><table:table-column table:number-columns-repeated="2"/>'
             + "".join("<table:table-row>" + "".join(f'<table:table-cell office:value-type="string"><text:p>{text}'
                                                     "</text:p></table:table-cell>" for text in row)
                       + "</table:table-row>" for row in cells) + "</table:table>")
    path = write_odt(tmp_path / "budget.fr.odt", table + f"<text:p>Budget{_CHART_FRAME}</text:p>"
                     "<text:p>Source : rapports nationaux.</text:p>")
    chart = ODF_CHART.replace("local-table.$", "Tableau1.$").replace(
        "Part du PIB</text:p>", "Part du PIB</text:p><draw:g><svg:desc>Tableau1.$B$1</svg:desc></draw:g>").replace(
        'xmlns:xlink=', 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink=')
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("Object 1/content.xml", chart)
    # the table's numbers are its data, no text (``_Reading.add_row``)
    assert read_document(path).paragraphs == ("Part du PIB", "Europe du Nord", "Europe du Sud", "Budget",
                                              "Dépenses de défense des Alliés",
                                              "Pourcentage du produit intérieur brut", "Source : rapports nationaux.")


def test_a_chart_s_table_repeating_a_row_to_the_sheet_s_end_gives_a_bounded_read(tmp_path):
    """A chart's table may say that a row or a cell stands for a million (as a spreadsheet's empty rows do), and its
    categories' range may reach the sheet's end: a thousand labels are read at most, not a million paragraphs."""
    path = _chart_odp(tmp_path / "budget.fr.odp")
    row = ('<table:table-row table:number-rows-repeated="1048576"><table:table-cell '
           'table:number-columns-repeated="16384"><text:p>Sans objet</text:p></table:table-cell></table:table-row>')
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("Object 1/content.xml", ODF_CHART.replace("<table:table-rows>", "<table:table-rows>" + row * 3)
                         .replace("local-table.$A$2:.$A$4", "local-table.$A$2:.$XFD$1048576"))
    paragraphs = read_document(path).paragraphs
    assert paragraphs[:4] == ("Budget", "Dépenses de défense des Alliés", "Pourcentage du produit intérieur brut",
                              "Part du PIB")
    assert paragraphs[4:-1] == ("Sans objet",) * 1000


def test_odp_slides_title_first_notes_after_hidden_slides_and_fields_left_out(tmp_path):
    hidden = ('<style:style style:name="dp3" style:family="drawing-page"><style:drawing-page-properties '
              'presentation:visibility="hidden"/></style:style>')
    pages = (
        page(frame("<text:p>Le plan sera révisé en juin.</text:p>", kind="outline"),
             frame("<text:p>Calendrier<text:line-break/>des travaux</text:p>", kind="title"),
             frame('<text:p>Diapositive <text:page-number>1</text:page-number></text:p>'),
             frame("<text:p>Objet masqué.</text:p>").replace("<draw:frame", '<draw:frame draw:display="none"'),
             notes=("<text:p>Rappeler la date limite.</text:p>",), number=1)
        + page(frame("<text:p>Diapositive de réserve</text:p>", kind="title"), style="dp3", number=2)
        + page(frame("<text:p>Effectifs</text:p>", kind="title"),
               '<draw:frame draw:style-name="gr1" svg:width="20cm" svg:height="3cm"><table:table>'
               "<table:table-column/><table:table-column/><table:table-row><table:table-cell><text:p>Terre</text:p>"
               "</table:table-cell><table:table-cell><text:p>Douze mille</text:p></table:table-cell></table:table-row>"
               "</table:table></draw:frame>",
               '<draw:frame presentation:class="footer" svg:width="9cm" svg:height="1cm"><draw:text-box><text:p>'
               "<presentation:footer/></text:p></draw:text-box></draw:frame>", number=3))
    document = read_document(write_odp(tmp_path / "plan.fr.odp", pages, automatic_styles=hidden))
    assert document.paragraphs == ("Calendrier des travaux", "Le plan sera révisé en juin.", "Diapositive",
                                   "Rappeler la date limite.", "Effectifs", "Terre", "Douze mille")
    assert document.rows == ((5, 6),)


def test_a_presentation_pair_is_ingested_from_a_folder(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_pptx(inbox / "exposé.fr.pptx", [Slide([shape(para("Le Conseil a approuvé le plan de défense."),
                                                        ph="title", number=2)])])
    write_odp(inbox / "exposé.en.odp", page(frame("<text:p>The Council approved the defence plan.</text:p>",
                                                  kind="title")))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "t.db"), "ingest", "--dir", str(inbox), "--no-terms"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("1 document ingested")


def _encrypted_office_file(path):
    # Word and PowerPoint encrypt a package saved with a password into an OLE compound file
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le")
                     + bytes(100))
    return path


@pytest.mark.parametrize("name, make, message", [
    ("pas-un-zip.fr.pptx", lambda path: path.write_text("Une note, pas un exposé.", encoding="utf-8"),
     "not a PPTX file (not a ZIP archive)"),
    ("abime.fr.pptx", lambda path: path.write_bytes(b"PK\x03\x04" + bytes(300)), "not a readable PPTX file"),
    ("secret.fr.pptx", _encrypted_office_file, "is protected by a password"),
    ("lettre.fr.pptx", lambda path: write_docx(path, p(r("Une lettre."))),
     "not a PowerPoint presentation (its main part is 'document')"),
    ("texte.fr.odp", lambda path: path.write_bytes(b"PK\x03\x04" + bytes(300)), "not a readable ODP file"),
    ("pas-un-zip.fr.odp", lambda path: path.write_text("Une note.", encoding="utf-8"),
     "not an ODP file (not a ZIP archive)"),
])
def test_a_presentation_that_cannot_be_read_is_one_clear_error(tmp_path, name, make, message):
    path = tmp_path / name
    make(path)
    result = CliRunner().invoke(main, ["segment", str(path), "--lang", "fr"])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert message in result.output
    with pytest.raises(TmtoolError):
        read_document(path)


def test_an_odt_named_odp_names_its_mimetype(tmp_path):
    path = tmp_path / "note.fr.odp"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<x/>")
    with pytest.raises(TmtoolError, match="not an OpenDocument presentation \\(its mimetype is "
                                          "'application/vnd.oasis.opendocument.text'\\)"):
        read_document(path)


def test_segment_reads_a_slide_deck(tmp_path):
    path = write_pptx(tmp_path / "deck.fr.pptx", [Slide([shape(para(run("Le Conseil siège. Il décide.")), ph="body",
                                                                     idx=1, number=3)])])
    assert segment(path) == ["Le Conseil siège.", "Il décide."]


def test_a_slide_s_picture_gives_its_alternative_text_in_its_place_as_a_docx_s_does(tmp_path):
    """A picture's alternative text (PowerPoint's Alt Text, ``p:cNvPr``'s ``descr`` and ``title``; Impress's
    ``svg:desc`` and ``svg:title``) was not read from a slide, where a DOCX's, an ODT's and an HTML page's are: the
    author's description of a map a briefing shows, which its English deck describes too. It is read in the picture's
    place among the slide's shapes, as a DOCX's is, by the same rules: not the description Office writes by itself,
    a file's name, a picture marked as decorative or a linked one (its link's name), nor one the slide's text says
    again (its caption)."""
    slides = [
        Slide([shape(para("Zones d’exercice"), ph="title", number=2),
               shape(para("Les manœuvres se tiendront au large de Kiel."), ph="obj", idx=1, number=3),
               picture(4, "Carte des zones d’exercice en mer Baltique", title="Carte"),
               picture(5, "Une image contenant carte, texte&#10;&#10;Description générée automatiquement"),
               picture(6, "bandeau_otan.png"),
               picture(7, "Motif de fond bleu", decorative=True),
               picture(8, "Logo de l’OTAN", link=True)]),
        Slide([shape(para("La frégate Normandie à quai"), ph="title", number=2),
               picture(3, "La frégate Normandie à quai", ph="pic"),
               group(picture(11, "Le port de Kiel vu du ciel"), shape(para("Vue aérienne."), number=12))]),
    ]
    expected = ("Zones d’exercice", "Les manœuvres se tiendront au large de Kiel.",
                "Carte des zones d’exercice en mer Baltique", "Carte", "La frégate Normandie à quai",
                "Le port de Kiel vu du ciel", "Vue aérienne.")
    assert read_document(write_pptx(tmp_path / "zones.fr.pptx", slides)).paragraphs == expected

    pages = (page(frame("<text:p>Zones d’exercice</text:p>", kind="title"),
                  frame("<text:p>Les manœuvres se tiendront au large de Kiel.</text:p>", kind="outline"),
                  image_frame("Carte des zones d’exercice en mer Baltique", "Carte"),
                  image_frame("Une image contenant carte, texte Description générée automatiquement"),
                  image_frame("bandeau_otan.png"), image_frame("Logo de l’OTAN", link=True), number=1)
             + page(frame("<text:p>La frégate Normandie à quai</text:p>", kind="title"),
                    image_frame("La frégate Normandie à quai"),
                    f'<draw:g>{image_frame("Le port de Kiel vu du ciel")}'
                    f'{frame("<text:p>Vue aérienne.</text:p>")}</draw:g>', number=2))
    assert read_document(write_odp(tmp_path / "zones.fr.odp", pages)).paragraphs == expected


def test_a_picture_libreoffice_marks_as_decorative_gives_no_description_in_an_odp_and_an_odt(tmp_path):
    """LibreOffice (7.5 on) marks a picture as decorative in its graphic style (``loext:decorative``), keeping the
    description it had: it was read as the author's, where Office's mark (``adec:decorative``) leaves it out."""
    decorative = ('<style:style style:name="gr4" style:family="graphic"><style:graphic-properties draw:stroke="none" '
                  'loext:decorative="true"/></style:style>')
    pages = page(frame("<text:p>Zones d’exercice</text:p>", kind="title"),
                 image_frame("Filet bleu décoratif", style="gr4"),
                 image_frame("Carte des zones d’exercice en mer Baltique"), number=1)
    assert read_document(write_odp(tmp_path / "zones.fr.odp", pages, automatic_styles=decorative)).paragraphs == (
        "Zones d’exercice", "Carte des zones d’exercice en mer Baltique")

    def frame_in_text(number: int, description: str, style: str) -> str:  # as LibreOffice 7.6 writes a picture
        return (f'<draw:frame draw:style-name="{style}" draw:name="Image{number}" text:anchor-type="as-char" '
                f'svg:width="15.24cm" svg:height="8.89cm" draw:z-index="{number}"><draw:image xlink:href="Pictures/'
                f'{number}.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type='
                f'"image/png"/><svg:desc>{description}</svg:desc></draw:frame>')

    odt = write_odt(tmp_path / "zones.fr.odt", (
        '<text:p text:style-name="Standard">Zones d’exercice</text:p><text:p text:style-name="Standard">'
        f'{frame_in_text(1, "Filet bleu décoratif", "fr2")}</text:p><text:p text:style-name="Standard">'
        f'{frame_in_text(2, "Carte des zones d’exercice en mer Baltique", "fr1")}</text:p>'),
        automatic_styles=('<style:style style:name="fr1" style:family="graphic" style:parent-style-name="Graphics"/>'
                          '<style:style style:name="fr2" style:family="graphic" style:parent-style-name="Graphics">'
                          '<style:graphic-properties loext:decorative="true"/></style:style>'))
    assert read_document(odt).paragraphs == ("Zones d’exercice", "Carte des zones d’exercice en mer Baltique")
