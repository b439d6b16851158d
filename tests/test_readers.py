"""Document readers: encodings, line ends, HTML noise, DOCX, and one clear error per bad input."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import docx
import pytest

from test_pdf_odt import write_odt
from tmtool.errors import TmtoolError
from tmtool.text.readers import read_document

REPO = Path(__file__).resolve().parents[1]
SEED_FR = REPO / "seeds" / "2021-07-13-partners-meeting.fr.txt"
DOCS = REPO / "tests" / "data" / "docs"
SHARED = REPO.parent / "shared"

PARAGRAPHS = [
    "Le 13 juillet 2021, le général a ouvert la réunion.",
    "« Bienvenue ! » a-t-il dit\u00a0: merci.",
    "𝔘𝔫 dernier mot",
]


def test_seed_paragraphs_are_its_non_blank_lines():
    document = read_document(SEED_FR, lang="fr_FR")
    lines = [line for line in SEED_FR.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert document.paragraphs == tuple(lines)
    assert len(document.paragraphs) == 6 and document.lang == "fr-FR" and document.path == str(SEED_FR)


def test_gold_set_with_a_language_extension_reads_as_text():
    path = SHARED / "data" / "align" / "textberg-de-fr" / "test0.fr"
    assert len(read_document(path).paragraphs) == len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_line_ends_and_blank_lines(tmp_path, encoding, bom, newline):
    text = newline.join([PARAGRAPHS[0], "", "   ", PARAGRAPHS[1], "\t" + PARAGRAPHS[2] + "  ", ""])
    path = tmp_path / "doc.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_document(path).paragraphs == tuple(PARAGRAPHS)


def test_html_keeps_the_article_and_drops_the_noise():
    paragraphs = read_document(DOCS / "nato-news.html").paragraphs
    assert paragraphs == (
        "OTAN - Actualités : Réunion des partenaires",
        "Les partenaires de l’OTAN sont un atout inestimable",
        "Le 13 juillet 2021, le directeur général de l’EMI a organisé la première réunion en présentiel.",
        "Cette réunion a été l’occasion de faire le point.",
        "« Nous sommes confrontés à de nombreux défis sécuritaires communs ; »",
        "Une division avec du texte direct et une emphase.",
        "Un paragraphe imbriqué.",
        "Le Dialogue méditerranéen",
        "L’Initiative de coopération d’Istanbul",
        "Cellule A",
        "Cellule B",
    )
    noise = ("Accueil", "Actualités", "analytics", "injecté", "À lire", "Articles liés", "OTAN 2021", "cookies",
             "Partager")  # fmt: skip
    assert not any(word in p for p in paragraphs[1:] for word in noise)  # the page's title names its section


def test_html_images_descriptions_and_the_page_s_title_are_read_as_paragraphs_of_their_own(tmp_path):
    """The page's ``<title>`` (its tab's name) and an image's ``alt`` and ``title`` are text a translator translates,
    which OmegaT's and Okapi's HTML filters extract as segments of their own; they were not read. The title is read first,
    unless the article's heading says the same (with the site's name around it: *Exercice Steadfast | OTAN*); each description after the paragraph its image stands in (a figure's
    before its caption, a table's in its cell), the sentence closing where the image stood; once, where it says what
    the text beside it says (a flag beside its country's name). A linked image (the site's
    logo, a thumbnail), a decorative one (``alt=""``, hidden from screen readers), a file's name (a CMS's upload) and
    Word 365's own description of what it saw are no author's words."""
    path = tmp_path / "exercice.fr.html"
    path.write_text(
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Exercice Steadfast | OTAN</title></head>'
        '<body><header><a href="/fr/"><img src="logo.svg" alt="OTAN - Accueil"></a></header><main><article>'
        '<h1>Exercice Steadfast</h1><p><a href="/fr/photos"><img src="vignette.jpg" alt="Galerie de photos"></a></p>'
        '<p>Voir la carte <img src="carte.png" alt="Carte des zones d’exercice" title="Zones">. Les navires '
        '<img src="puce.png" alt="" role="presentation">sont partis de Kiel.</p>'
        '<figure><img src="IMG_2041.JPG" alt="IMG_2041.JPG"><figcaption>Le départ des navires.</figcaption></figure>'
        '<figure><img src="fregate.jpg" alt="Une frégate à quai"><figcaption>La frégate.</figcaption></figure>'
        '<p><img src="x.png" alt="Une image contenant eau, ciel, bateau&#10;&#10;Description générée '
        'automatiquement" aria-hidden="false">Fin.</p>'
        '<table><tr><th>Pays</th><th>Navires</th></tr><tr><td><img src="fr.png" alt="France"> France</td>'
        '<td>trois frégates</td></tr><tr><td><img src="it.png" alt="Italie"></td><td>deux frégates</td></tr></table>'
        '</article></main></body></html>', encoding="utf-8")
    document = read_document(path)
    assert document.paragraphs == (
        "Exercice Steadfast", "Voir la carte. Les navires sont partis de Kiel.",
        "Carte des zones d’exercice", "Zones", "Le départ des navires.", "Une frégate à quai", "La frégate.", "Fin.",
        "Pays", "Navires", "France", "trois frégates", "Italie", "deux frégates")
    assert document.rows == ((8, 9), (10, 11), (12, 13))
    same = tmp_path / "titre.fr.html"
    same.write_text('<html><head><title> Exercice  Steadfast </title></head><body><h1>Exercice Steadfast</h1>'
                    '<p>Dix pays.</p></body></html>', encoding="utf-8")
    assert read_document(same).paragraphs == ("Exercice Steadfast", "Dix pays.")
    # the heading's own punctuation around it, and its no-break spaces, as DocBook writes them (OmegaT's manuals)
    same.write_text('<html><head><title>¡Aprenda a usar OmegaT en 5 minutos!</title></head><body><h1>¡Aprenda a usar '
                    'OmegaT en 5 minutos!</h1></body></html>', encoding="utf-8")
    assert read_document(same).paragraphs == ("¡Aprenda a usar OmegaT en 5 minutos!",)
    same.write_text('<html><head><title>Appendix D. Plugin Tokenizer&amp;</title></head><body><h1>Appendix&nbsp;D.&nbsp;'
                    'Plugin Tokenizer&amp;</h1></body></html>', encoding="utf-8")
    assert read_document(same).paragraphs == ("Appendix\u00a0D.\u00a0Plugin Tokenizer&",)


def test_html_page_title_saying_its_heading_with_the_site_s_name_or_a_date_is_read_once(tmp_path):
    """A site writes its name and the page's section or date around the heading in the page's ``<title>`` (NATO's
    *OTAN - Actualités: … , 12-mars-2024*, *… | NATO*): read, it was the heading again, a unit pairing *Actualités* and
    a date with no English for them, and each of the heading's terms counted twice. It is read once, as the heading;
    a title saying more than the heading, or a site's title over another heading, is read."""
    french, english, other = (tmp_path / name for name in ("visite.fr.html", "visit.en.html", "sommet.fr.html"))
    french.write_text(
        '<html lang="fr"><head><meta charset="utf-8"><title>OTAN - Actualités: Le Secrétaire général se rend en '
        'Pologne, 12-mars-2024</title></head><body><main><article><h1>Le Secrétaire général se rend en Pologne</h1>'
        '<p>Il a rencontré le président polonais à Varsovie.</p></article></main></body></html>', encoding="utf-8")
    english.write_text(
        '<html lang="en"><head><meta charset="utf-8"><title>Secretary-General visits Poland | NATO</title></head><body>'
        '<main><article><h1>Secretary General visits Poland</h1><p>He met the Polish President in Warsaw.</p>'
        '</article></main></body></html>', encoding="utf-8")
    other.write_text(
        '<html lang="fr"><head><meta charset="utf-8"><title>Le sommet de Vilnius renforce la défense aérienne - OTAN'
        '</title></head><body><main><article><h1>Le sommet de Vilnius</h1><p>Les Alliés se sont réunis.</p></article>'
        '</main></body></html>', encoding="utf-8")
    assert read_document(french).paragraphs == (
        "Le Secrétaire général se rend en Pologne", "Il a rencontré le président polonais à Varsovie.")
    assert read_document(english).paragraphs == ("Secretary General visits Poland", "He met the Polish President in Warsaw.")
    assert read_document(other).paragraphs == (
        "Le sommet de Vilnius renforce la défense aérienne - OTAN", "Le sommet de Vilnius", "Les Alliés se sont réunis.")


def test_html_image_description_saying_its_caption_again_is_read_once(tmp_path):
    """WordPress writes an image's caption as its ``alt`` too, and sites a figure's caption as its image's description
    (with its credit after it in the caption): the description was read as a paragraph of its own over the caption, the
    same sentence twice. A description the words of its figure (or its paragraph, its caption's block) hold is read
    once, in the caption; one saying something else is read."""
    path = tmp_path / "exercice.fr.html"
    path.write_text(
        '<html><body><main><article><h1>Exercice</h1><div class="wp-caption"><img src="a.jpg" alt="Des soldats polonais '
        'lors de l’exercice" title="Des soldats polonais lors de l’exercice"><p class="wp-caption-text">Des soldats '
        'polonais lors de l’exercice.</p></div><figure><img src="sg.jpg" alt="Le Secrétaire général à Varsovie, le 12 '
        'mars 2024"><figcaption>Le Secrétaire général à Varsovie, le 12 mars 2024 (photo OTAN)</figcaption></figure>'
        '<figure><img src="f.jpg" alt="Une frégate à quai"><figcaption>La frégate Normandie.</figcaption></figure>'
        '</article></main></body></html>', encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Exercice", "Des soldats polonais lors de l’exercice.",
        "Le Secrétaire général à Varsovie, le 12 mars 2024 (photo OTAN)", "Une frégate à quai", "La frégate Normandie.")


def test_html_icon_beside_a_table_cell_s_text_keeps_the_row_in_the_table_s_rows(tmp_path):
    """An icon beside a cell's text (a flag beside its country, a file's type beside a document's title) had its
    description read as a second paragraph of the cell, which left the row out of the table's rows (a list of
    abbreviations read as lines, a column of amounts): it is the datum's decoration, not read; a cell holding an image
    alone, or a page laid out in a cell, keeps its description."""
    path = tmp_path / "sigles.fr.html"
    path.write_text(
        '<html><body><main><h1>Sigles</h1><table><tr><td><img src="otan.png" alt="Drapeau de l’OTAN"> OTAN</td>'
        '<td>Organisation du Traité de l’Atlantique Nord</td></tr><tr><td><img src="pdf.gif" alt="PDF"> ACO</td>'
        '<td>Commandement allié Opérations</td></tr><tr><td><img src="ue.png" alt="Drapeau de l’Union européenne"></td>'
        '<td>Union européenne</td></tr></table></main></body></html>', encoding="utf-8")
    document = read_document(path)
    assert document.paragraphs == (
        "Sigles", "OTAN", "Organisation du Traité de l’Atlantique Nord", "ACO", "Commandement allié Opérations",
        "Drapeau de l’Union européenne", "Union européenne")
    assert document.rows == ((1, 2), (3, 4), (5, 6))


def test_word_365_s_descriptions_with_their_confidence_or_ai_warning_are_no_author_s(tmp_path):
    """Word 365 ends the description it writes of a picture with *Description automatically generated with low
    confidence*, and since 2024 with a warning instead (*Le contenu généré par l’IA peut être incorrect.*, *KI-generierte
    Inhalte können fehlerhaft sein.*), in the language of its interface: those were read as the author's descriptions,
    Pandoc's Markdown of the document and its page alike."""
    converted = tmp_path / "guide.fr.md"
    converted.write_text(
        "Voir le tableau de bord.\n\n![Une image contenant texte, capture d’écran, Police, logo\nLe contenu généré "
        "par l’IA peut être incorrect.](media/image1.png)\n\n![Ein Bild, das Text, Screenshot enthält. KI-generierte "
        "Inhalte können fehlerhaft sein.](media/image2.png)\n\n![Imagen que contiene Diagrama\nEl contenido "
        "generado por IA puede ser incorrecto.](media/image3.png)\n\n![Immagine che contiene mappa, testo Il contenuto "
        "generato dall'IA potrebbe non essere corretto.](media/image4.png)\n\n![A group of people posing on a tree "
        "trunk\nDescription automatically generated with low confidence](media/image5.png)\n\n![A diagram of a "
        "network AI-generated content may be incorrect.](media/image6.png)\n\n![Carte des zones](media/image7.png)\n",
        encoding="utf-8")
    assert read_document(converted).paragraphs == ("Voir le tableau de bord.", "Carte des zones")


def test_bold_words_of_word_s_error_on_a_site_s_page_are_the_author_s(tmp_path):
    """Word's error where no field is left is looked for in a page a word processor or a converter wrote: on a help
    site's page, the same words in bold are the author's, cited in a sentence, and were left out of it (*If you see ,
    press F9*)."""
    path = tmp_path / "help.en.html"
    path.write_text(
        '<html><head><meta charset="utf-8"><title>Fix broken cross-references</title></head><body><main><article>'
        '<h1>Fix broken cross-references</h1><p>If you see <strong>Error! Reference source not found.</strong>, press '
        'F9 to update the fields.</p><p>Word affiche <b>Erreur ! Source du renvoi introuvable.</b> lorsque le signet a '
        'été supprimé.</p></article></main></body></html>', encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Fix broken cross-references", "If you see Error! Reference source not found., press F9 to update the fields.",
        "Word affiche Erreur ! Source du renvoi introuvable. lorsque le signet a été supprimé.")


def test_html_without_article_uses_the_body_and_keeps_no_break_spaces(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(
        "<html><body><nav>Menu</nav><h2>Titre\n  sur deux lignes</h2><p>Pourquoi&nbsp;?\u202f!</p></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).paragraphs == ("Titre sur deux lignes", "Pourquoi\u00a0?\u202f!")


def test_html_blocks_that_are_mostly_links_are_no_text(tmp_path):
    """A page saved from a site that marks its menus with nothing but classes: the language links, the
    menu, the sharing bar, the related pages with their heading and the footer's links are left out (and the page's
    date stamp, ``p.date``); a paragraph holding a link among its words, and a line of text with no link, stay."""
    path = tmp_path / "page.html"
    path.write_text(
        '<html><body><div id="top"><a href="/">Accueil</a> | <a href="/en">English</a> | <a href="/ru">Русский</a></div>'
        '<ul class="menu"><li><a href="#">Qui sommes-nous ?</a></li><li><a href="#">Actualités</a></li></ul>'
        '<div class="content"><h1>Les ministres se réunissent</h1><p class="date">4 déc. 2026</p>'
        '<p>Les ministres ont adopté le <a href="/plan.htm">plan d\'action</a> présenté par le Secrétaire général.</p>'
        '<h2>À lire aussi</h2><ul><li><a href="#">Comité militaire</a></li><li><a href="#">Contact : presse@example.org</a></li></ul>'
        '</div><div class="share">Partager : <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">Imprimer</a></div>'
        '<div class="bottom"><p>© 2026. <a href="#">Conditions d\'utilisation</a> | <a href="#">Plan du site</a></p></div>'
        "</body></html>",
        encoding="utf-8",
    )
    assert read_document(path).paragraphs == (
        "Les ministres se réunissent",
        "Les ministres ont adopté le plan d'action présenté par le Secrétaire général.")


def test_html_date_stamps_are_no_text(tmp_path):
    """The date a site's system stamps on a page is no sentence of its article: a line naming nothing but a date and
    a time of day behind a label, the day it was published before it or not (NATO's "05 Jul. 2024 - | Last updated:
    05 Jul. 2024 16:17"), a block named for a date or the page's metadata (GOV.UK's .gem-c-metadata, WordPress's
    .entry-meta), a <time> behind a short label (the French State's "Publié le"). A sentence citing a date, a
    heading, a table's dates, a timeline's years, a list of documents with their dates, a block of metadata without a
    date (tags, a version), a sentence in a block named for metadata (it was dropped whole) are kept."""
    path = tmp_path / "page.html"
    path.write_text(
        '<html lang="en"><body><main><h1>Defence Ministers meet in Brussels</h1>'
        '<ul class="event-info"><li>05 Jul. 2024 -</li><li>|</li><li>Last updated: 05 Jul. 2024 16:17</li></ul>'
        '<div class="gem-c-metadata"><dl><dt>From:</dt><dd><a href="/mod">Ministry of Defence</a></dd>'
        '<dt>Published</dt><dd>12 March 2024</dd><dt>Last updated</dt><dd>14 March 2024 —'
        ' <a href="#full-history">see all updates</a></dd></dl></div>'
        '<div class="entry-meta"><span class="posted-on">Posted on <time datetime="2024-03-12">March 12, 2024</time>'
        '</span><span class="byline"> by Press Office</span></div>'
        '<p class="fr-text--sm">Publié le <time datetime="2024-03-12">12/03/2024</time></p>'
        '<p>The ministers met on <time datetime="2024-03-12">12 March 2024</time>.</p>'
        '<p>They met again on 14 March 2024 at 10:30.</p>'
        '<h2>Meeting of <time>13 March 2024</time></h2>'
        '<table><tr><td class="date">15 March 2024</td><td>Closing session</td></tr></table>'
        '<ul class="timeline"><li><span class="date">1949</span> The Treaty is signed</li></ul>'
        '<ul><li><a href="/d1">Final declaration</a> <time>14 March 2024</time></li>'
        '<li>Press release (<time>15 March 2024</time>)</li></ul>'
        '<p class="meta">Tags: Ukraine, Defence</p><p class="api_metadata">Added in: v0.6.12</p>'
        '<div class="article-meta">The 2024 Washington Summit marked a turning point for the Alliance.</div>'
        "</main></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).paragraphs == (
        "Defence Ministers meet in Brussels", "The ministers met on 12 March 2024.",
        "They met again on 14 March 2024 at 10:30.", "Meeting of 13 March 2024", "15 March 2024", "Closing session",
        "1949 The Treaty is signed", "Final declaration 14 March 2024", "Press release (15 March 2024)",
        "Tags: Ukraine, Defence", "Added in: v0.6.12",
        "The 2024 Washington Summit marked a turning point for the Alliance.")


def test_a_title_with_its_date_is_no_date_stamp(tmp_path):
    """A <time> behind a few words was taken for a date stamp behind its label ("Publié le"), however the words read:
    a figure's caption naming the treaty it shows and a timeline's event written before its year were dropped, and the
    terms they name with them. A label names nothing: no word of it but the first has a capital, unless a colon ends
    it ("Last Updated:")."""
    path = tmp_path / "page.html"
    path.write_text(
        '<html lang="en"><body><main><h1>History</h1>'
        '<figure><img src="treaty.jpg" alt=""><figcaption>Signing of the Washington Treaty, <time>4 April 1949</time>'
        '</figcaption></figure>'
        '<ul><li>Accession of Greece and Turkey <time>1952</time></li></ul>'
        '<p>Last Updated: <time>12 March 2024</time></p><p>mis à jour le <time>12/03/2024</time></p>'
        "</main></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).paragraphs == (
        "History", "Signing of the Washington Treaty, 4 April 1949", "Accession of Greece and Turkey 1952")


def test_a_date_stamp_is_one_rule_for_a_block_and_for_a_line_among_blocks(tmp_path):
    """A page's date stamp was read by two rules: a block's (a date and a time behind a label, a block named for a
    date) and a paragraph's as gathered (an update's label and a date alone), each with its own patterns and its own
    exceptions. A stamp written as text among blocks, with no element of its own, was kept when it had a time but no
    label the second rule named (*Publié 5 mai 2024 10:30*), and an update's date in a table's cell was dropped, where
    a table's dates are its data. One rule now reads both, with the same exceptions."""
    path = tmp_path / "page.fr.html"
    path.write_text(
        '<html lang="fr"><body><main><div class="chapeau"><h1>Les ministres se réunissent</h1>'
        "Publié 5 mai 2024 10:30<p>Les ministres ont adopté le plan.</p>"
        "Dernière mise à jour : 6 mai 2024</div>"
        "<table><tr><td>Rapport annuel</td><td>Mis à jour le 3 mars 2026</td></tr></table>"
        "</main></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).paragraphs == (
        "Les ministres se réunissent", "Les ministres ont adopté le plan.", "Rapport annuel",
        "Mis à jour le 3 mars 2026")


def test_a_sentence_giving_a_date_and_a_time_is_no_date_stamp(tmp_path):
    """A line with a date, a time of day and no full stop was taken for the stamp a site prints (*Published 5 May 2024
    10:30*) whatever its words: a sentence announcing an event, its subject and its verb before the date, was dropped.
    A stamp's label has no subject (*Published*, *Mis à jour le*, *Last updated:*); a clause opens with its article, a
    determiner or a pronoun, or names someone."""
    for lang, sentences, stamps in (
            ("en", ["The ceremony begins on 5 May 2024 at 10:30", "NATO opens its summit on 5 May 2024 at 10:30",
                    "It starts on 5 May 2024 at 10:30"],
             ["Published 5 May 2024 10:30", "Last updated: 5 May 2024 10:30", "Posted on 5 May 2024 at 10:30"]),
            ("fr", ["La cérémonie commence le 5 mai 2024 à 10 h 30", "Les ministres se réunissent le 5 mai 2024 à 10:30",
                    "L’exercice débute le 5 mai 2024 à 10h30"],
             ["Mis à jour le 5 mai 2024 à 10:30", "Publié le 5 mai 2024 à 10 h 30",
              "Dernière mise à jour : 5 mai 2024 10:30"])):
        path = tmp_path / f"page.{lang}.html"
        path.write_text(f'<html lang="{lang}"><body><main><h1>Sommet</h1>'
                        + "".join(f"<p>{line}</p>" for line in stamps + sentences) + "</main></body></html>",
                        encoding="utf-8")
        assert read_document(path).paragraphs == ("Sommet", *sentences)


def test_a_headline_giving_a_date_and_a_time_is_no_date_stamp(tmp_path):
    """A headline written without its article (*Ceremony begins on 5 May 2024 at 10:30*, *Cérémonie le 5 mai 2024 à
    10 h 30*) was taken for the stamp a site prints and dropped: only a clause opening with an article or a name in
    capitals was kept. A stamp's label speaks of the page only (*Published*, *Mis en ligne le*, *Last updated:*);
    a word of another kind, a noun or a verb of the line's own, makes it text."""
    for lang, headlines, stamps in (
            ("en", ["Ceremony begins on 5 May 2024 at 10:30", "Summit opens 5 May 2024 10:30"],
             ["Last updated: 05 May 2024 10:30", "Posted on 5 May 2024 at 10:30", "05 May 2024 - 10:30",
              "Page last updated: 5 May 2024 10:30", "Generated on 5 May 2024 at 10:30"]),
            ("fr", ["Cérémonie le 5 mai 2024 à 10 h 30", "Réunion du Conseil de l’Atlantique Nord le 5 mai 2024 à 10:30"],
             ["05 mai 2024 - 10:30", "Mis en ligne le 5 mai 2024 à 10h30", "Dernière mise à jour : 5 mai 2024 10:30"])):
        path = tmp_path / f"page.{lang}.html"
        path.write_text(f'<html lang="{lang}"><body><main><h1>Sommet</h1>'
                        + "".join(f"<p>{line}</p>" for line in stamps + headlines) + "</main></body></html>",
                        encoding="utf-8")
        assert read_document(path).paragraphs == ("Sommet", *headlines)


def test_stamps_with_a_weekday_a_byline_or_a_label_s_own_noun_stay_stamps(tmp_path):
    """The stamps sites write with a weekday abbreviated (Drupal's *Tue, 05/07/2024 - 16:17*, RFC 822's *Mon, 05 May
    2024*), an ordinal (*5th May*), a byline (Drupal's *Submitted by admin on …*, *Publié par la rédaction le …*) or
    a label's noun of its own (*Date of publication*, *Dernière actualisation*) came back as text once a stamp's label
    had to speak of the page only: the byline's name, and the words of a date, are the system's too. A headline
    (*Summit hosted by Canada on …*) is read."""
    for lang, stamps, headlines in (
            ("en", ["Last updated: Tue, 05/07/2024 - 16:17", "Submitted by admin on Tue, 05/07/2024 - 16:17",
                    "Published Mon, 05 May 2024 10:30:00 GMT", "Last updated on 5th May 2024 at 10:30",
                    "Date of publication: 5 May 2024 10:30", "Last changed: 5 May 2024 10:30"],
             ["Summit hosted by Canada on 5 May 2024 at 10:30"]),
            ("fr", ["Mis à jour le lun. 5 mai 2024 à 10h30", "Publié par la rédaction le 5 mai 2024 à 10h30",
                    "Dernière actualisation : 05/05/2024 10:30"],
             ["Cérémonie présidée par le Secrétaire général le 5 mai 2024 à 10 h 30"])):
        path = tmp_path / f"page.{lang}.html"
        path.write_text(f'<html lang="{lang}"><body><main><h1>Sommet</h1>'
                        + "".join(f"<p>{line}</p>" for line in stamps + headlines) + "</main></body></html>",
                        encoding="utf-8")
        assert read_document(path).paragraphs == ("Sommet", *headlines)


def test_html_breadcrumbs_and_headings_over_nothing_but_links_are_no_text(tmp_path):
    """A news page as a CMS writes it, without a main or an article: a breadcrumb that ends with the page's
    title, unlinked (by its class, or by its schema.org type), a box of related news under its heading and the
    footer (by its id: its address line too) are the site's, left out. The headings over text, over a list of documents with their dates,
    over a table, and the article's title over its sharing bar, are kept."""
    path = tmp_path / "page.fr.html"
    path.write_text(
        '<html lang="fr"><body><div class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/news">Actualités</a>'
        ' &gt; Les ministres de la Défense se réunissent</div><div id="content">'
        '<div class="title"><h2>Les ministres de la Défense se réunissent</h2><div class="share"><a href="#">Partager'
        '</a> <a href="#">Imprimer</a></div></div>'
        '<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li><a href="/">Accueil</a></li>'
        '<li>Réunion des ministres</li></ol>'
        "<p>Les ministres ont approuvé les plans régionaux.</p>"
        "<h3>Contexte</h3><p>Les plans ont été adoptés en 2023.</p>"
        '<h3>Documents</h3><ul><li><a href="/d1">Déclaration finale</a> (14 février 2024)</li></ul>'
        "<h3>Chiffres</h3><table><tr><td>Alliés</td><td>32</td></tr></table>"
        '<div class="related"><h3>Articles connexes</h3><ul><li><a href="/n1">Les ministres se réunissent à '
        'Bruxelles</a></li><li><a href="/n2">Le Conseil adopte le budget</a></li></ul></div>'
        '</div><div id="footer"><p>© OTAN 2024 – Boulevard Léopold III, 1110 Bruxelles</p><p><a href="/contact">'
        "Nous contacter</a></p></div></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).paragraphs == (
        "Les ministres de la Défense se réunissent", "Les ministres ont approuvé les plans régionaux.", "Contexte",
        "Les plans ont été adoptés en 2023.", "Documents", "Déclaration finale (14 février 2024)", "Chiffres",
        "Alliés")
    # a block whose class says it *has* a breadcrumb is no breadcrumb: it held the whole article, or its title
    wrapped = tmp_path / "wrapped.fr.html"
    wrapped.write_text('<html><body><div class="page has-breadcrumb"><div class="block-header--has-breadcrumb">'
                       '<h1>Les ministres se réunissent</h1></div><p>Les plans sont adoptés.</p></div></body></html>',
                       encoding="utf-8")
    assert read_document(wrapped).paragraphs == ("Les ministres se réunissent", "Les plans sont adoptés.")


def test_html_declared_charset_is_honoured(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes('<html><head><meta charset="windows-1252"></head><body><p>Sécurité coopérative</p>'
                     "</body></html>".encode("cp1252"))  # fmt: skip
    assert read_document(path).paragraphs == ("Sécurité coopérative",)


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    document = docx.Document()
    document.add_heading("Réunion des partenaires", level=1)
    document.add_paragraph("Premier paragraphe.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Pays"
    table.cell(0, 1).text = "Représentants"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Cellule fusionnée"
    document.add_paragraph("")
    document.add_paragraph("Dernier paragraphe\u00a0!")
    path = tmp_path / "meeting.docx"
    document.save(path)
    assert read_document(path, lang="fr").paragraphs == (
        "Réunion des partenaires",
        "Premier paragraphe.",
        "Pays",
        "Représentants",
        "Cellule fusionnée",
        "Dernier paragraphe\u00a0!",
    )


def test_a_docx_cell_merged_down_rows_is_read_once(tmp_path):
    """A vertically merged cell (a category spanning rows) is one cell: its text is read once, not once
    for each row it spans."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "OTAN", "Organisation du Traité de l'Atlantique Nord"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Divers"
    table.cell(1, 1).text, table.cell(2, 1).text = "Premier point.", "Second point."
    path = tmp_path / "table.docx"
    document.save(path)
    read = read_document(path)
    assert read.paragraphs == ("OTAN", "Organisation du Traité de l'Atlantique Nord", "Divers", "Premier point.",
                               "Second point.")
    assert read.rows == ((0, 1), (2, 3), (4,))


def test_a_table_s_cells_holding_a_number_alone_are_no_units(tmp_path):
    """A cell that is a number alone (*32*, *3,5 %*, *2024*, *1 250*) is a table's data, which CAT tools do not offer
    for translation: it became a unit of its own. It is left out; a cell with a word, a unit or a date beside its
    number stays, and so do the rows' other cells, those of a table inside a cell too."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for row, texts in zip(table.rows, [("Pays", "2024", "Part du PIB"), ("Estonie", "1 250", "3,5 %"),
                                       ("Lettonie", "12/03/2024", "2,1 % du PIB"), ("Total", "32", "")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    inner = table.cell(3, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "-0,5", "Écart"
    path = tmp_path / "budget.docx"
    document.save(path)
    read = read_document(path)
    assert read.paragraphs == ("Pays", "Part du PIB", "Estonie", "Lettonie", "12/03/2024", "2,1 % du PIB", "Total",
                               "Écart")
    assert read.rows == ((0, 1), (2,), (3, 4, 5), (7,), (6, 7))


def test_a_table_s_dates_and_phone_numbers_are_units_its_quantities_not(tmp_path):
    """A cell holding a date written with dots (*12.05.2024*) or a phone number (*+32 2 707 41 11*) was left out as a
    number alone; translators localise both (*05/12/2024*, *+32 2 707 41 11* written *02 707 41 11* at home). They are
    units; a quantity, its thousands grouped by threes (*1.234.567*, *1 234,5*), is left out as before."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for row, texts in zip(table.rows, [("Date", "12.05.2024", "1.234.567"), ("Standard", "+32 2 707 41 11", "1 234,5"),
                                       ("Bureau", "02 707 41 11", "3,5 %"), ("Échéance", "1.6.2024", "2024")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "contacts.docx"
    document.save(path)
    read = read_document(path)
    assert read.paragraphs == ("Date", "12.05.2024", "Standard", "+32 2 707 41 11", "Bureau", "02 707 41 11",
                               "Échéance", "1.6.2024")
    assert read.rows == ((0, 1), (2, 3), (4, 5), (6, 7))


def test_an_agenda_table_s_times_stay_with_their_items_a_table_s_amounts_go(tmp_path):
    """A time of day in a table's cell was kept or left out by its shape: *08.30* stayed, *9.15*, *10.30* and
    *14.00* went as amounts with two decimals, so that an agenda's items lost their times from 9 o'clock on. A
    column whose every number is a time keeps them all, as a translator localises them (*10:30*, *10 h 30*); a
    number that is no time in its column (*8.75*) says its *10.30* is an amount, left out with it, in a DOCX as in
    a CMS's page."""
    document = docx.Document()
    agenda = document.add_table(rows=5, cols=2)
    for row, texts in zip(agenda.rows, [("Heure", "Point"), ("08.30", "Accueil des délégations"), ("9.15", "Ouverture"),
                                        ("10.30", "Pause"), ("14.00", "Déjeuner de travail")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    costs = document.add_table(rows=3, cols=2)
    for row, texts in zip(costs.rows, [("Poste", "Montant"), ("Transport", "10.30"), ("Repas", "8.75")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "programme.docx"
    document.save(path)
    read = read_document(path)
    assert read.paragraphs == ("Heure", "Point", "08.30", "Accueil des délégations", "9.15", "Ouverture", "10.30",
                               "Pause", "14.00", "Déjeuner de travail", "Poste", "Montant", "Transport", "Repas")
    assert read.rows == ((0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11), (12,), (13,))
    page = tmp_path / "programme.html"
    page.write_text('<!DOCTYPE html><html lang="fr"><body><main><h1>Programme</h1><figure class="wp-block-table">'
                    "<table><thead><tr><th>Heure</th><th>Point</th></tr></thead><tbody><tr><td>9.30</td><td>Ouverture"
                    "</td></tr><tr><td>11.00</td><td>Pause</td></tr></tbody></table></figure><table><tbody><tr><td>"
                    "Transport</td><td>10.30</td></tr><tr><td>Repas</td><td>8.75</td></tr></tbody></table></main>"
                    "</body></html>", encoding="utf-8")
    assert read_document(page).paragraphs == ("Programme", "Heure", "Point", "9.30", "Ouverture", "11.00", "Pause",
                                              "Transport", "Repas")


def test_a_price_list_going_up_under_a_header_naming_money_is_no_agenda(tmp_path):
    """A price list whose prices go up, each under 24 with its cents under 60 (*9.50*, *10.00*, *12.50*, *14.00*),
    read as an agenda's day: its prices were kept as times, each a unit of its own. A header naming money above the
    column's numbers (*Prix (€)*, *Price*, *Tarif*, a currency) says they are amounts, left out as the table's data, in
    a DOCX as in a page; an agenda's times under *Heure* stay, and so do a column's under a header naming no money."""
    prices = [("Coffee", "9.50"), ("Sandwich", "10.00"), ("Salad", "12.50"), ("Lunch menu", "14.00"),
              ("Dinner", "18.30")]
    document = docx.Document()
    for header in ("Price", "Prix (€)", "EUR"):
        table = document.add_table(rows=6, cols=2)
        for row, texts in zip(table.rows, [("Item", header), *prices]):
            for cell, text in zip(row.cells, texts):
                cell.text = text
    agenda = document.add_table(rows=5, cols=2)
    for row, texts in zip(agenda.rows, [("Point", "Heure"), ("Accueil", "9.30"), ("Ouverture", "10.00"),
                                        ("Pause", "12.30"), ("Clôture", "14.00")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "tarifs.docx"
    document.save(path)
    items = tuple(item for item, _ in prices)
    assert read_document(path).paragraphs == (
        "Item", "Price", *items, "Item", "Prix (€)", *items, "Item", "EUR", *items,
        "Point", "Heure", "Accueil", "9.30", "Ouverture", "10.00", "Pause", "12.30", "Clôture", "14.00")
    page = tmp_path / "tarifs.html"
    page.write_text("<table><thead><tr><th>Prestation</th><th>Tarif</th></tr></thead><tbody>"
                    + "".join(f"<tr><td>{item}</td><td>{price}</td></tr>" for item, price in prices)
                    + "</tbody></table><table><tr><th>Séance</th><th>Début</th></tr><tr><td>Accueil</td><td>9.30</td>"
                    "</tr><tr><td>Ouverture</td><td>10.00</td></tr></table>", encoding="utf-8")
    assert read_document(page).paragraphs == ("Prestation", "Tarif", *items, "Séance", "Début", "Accueil", "9.30",
                                              "Ouverture", "10.00")


def test_a_money_header_merged_over_columns_names_each_and_a_table_s_title_names_none(tmp_path):
    """A header merged over the columns it names (*Prix (€)* over *Adulte* and *Enfant*) named the first only: the
    second's prices going up were kept as an agenda's times. A title merged over the whole table (*Comité du budget
    – ordre du jour*) names no column: its *budget* made the agenda's times below it amounts, and they were lost."""
    document = docx.Document()
    prices = document.add_table(rows=5, cols=3)
    for row, texts in zip(prices.rows, [("Prestation", "Prix (€)", ""), ("", "Adulte", "Enfant"),
                                        ("Musée", "9.50", "5.00"), ("Visite guidée", "12.50", "7.50"),
                                        ("Concert", "18.00", "9.00")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    prices.cell(0, 1).merge(prices.cell(0, 2)).text = "Prix (€)"
    agenda = document.add_table(rows=5, cols=2)
    for row, texts in zip(agenda.rows, [("", ""), ("Heure", "Point"), ("9.30", "Accueil"), ("10.00", "Ouverture"),
                                        ("12.30", "Déjeuner")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    agenda.cell(0, 0).merge(agenda.cell(0, 1)).text = "Comité du budget – ordre du jour"
    path = tmp_path / "tarifs.docx"
    document.save(path)
    expected = ("Prestation", "Prix (€)", "Adulte", "Enfant", "Musée", "Visite guidée", "Concert",
                "Comité du budget – ordre du jour", "Heure", "Point", "9.30", "Accueil", "10.00", "Ouverture", "12.30",
                "Déjeuner")
    assert read_document(path).paragraphs == expected
    page = tmp_path / "tarifs.html"
    page.write_text('<table><tr><th>Prestation</th><th colspan="2">Prix (€)</th></tr><tr><th></th><th>Adulte</th>'
                    "<th>Enfant</th></tr><tr><td>Musée</td><td>9.50</td><td>5.00</td></tr><tr><td>Visite guidée</td>"
                    "<td>12.50</td><td>7.50</td></tr><tr><td>Concert</td><td>18.00</td><td>9.00</td></tr></table>"
                    '<table><tr><th colspan="2">Comité du budget – ordre du jour</th></tr><tr><th>Heure</th>'
                    "<th>Point</th></tr><tr><td>9.30</td><td>Accueil</td></tr><tr><td>10.00</td><td>Ouverture</td>"
                    "</tr><tr><td>12.30</td><td>Déjeuner</td></tr></table>", encoding="utf-8")
    assert read_document(page).paragraphs == expected


def test_a_body_cell_naming_money_makes_no_column_amounts(tmp_path):
    """A word naming money in a body cell (*Séance sur les dépenses de défense* above an agenda's first time, in the
    times' column) marked the column as amounts, as a header's *Prix (€)* does: the agenda's times were all left out.
    Only a header names a column's money: the table's first row under its titles, or a row marked as a header."""
    rows = [("Heure", "Point"), ("Séance sur les dépenses de défense", "Salle 1"),
            ("9.30", "Ouverture de la séance par le président."), ("10.15", "Examen du budget militaire pour 2027."),
            ("11.00", "Pause café."), ("14.30", "Rapport sur les coûts des opérations.")]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=2)
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "ordre-du-jour.fr.docx"
    document.save(path)
    expected = tuple(text for row in rows for text in row)
    assert read_document(path).paragraphs == expected
    page = tmp_path / "ordre-du-jour.fr.html"
    page.write_text("<table><thead><tr><th>Heure</th><th>Point</th></tr></thead><tbody>" + "".join(
        f"<tr><td>{time}</td><td>{item}</td></tr>" for time, item in rows[1:]) + "</tbody></table>", encoding="utf-8")
    assert read_document(page).paragraphs == expected
    # a header marked as one names money below a title row, and so does a second header row
    page.write_text('<table><tr><th colspan="2">Comité du budget</th></tr><tr><td>Article</td><td>Coût</td></tr>'
                    "<tr><td>Café</td><td>9.50</td></tr><tr><td>Déjeuner</td><td>12.50</td></tr></table>",
                    encoding="utf-8")
    assert read_document(page).paragraphs == ("Comité du budget", "Article", "Coût", "Café", "Déjeuner")
    # a header of two rows, the first's cell spanning the names of the second's (no row marked as a header)
    document = docx.Document()
    prices = document.add_table(rows=6, cols=3)
    rows = [("Prestation", "", ""), ("", "Prix (€)", "Places"), ("Café", "9.50", "40"), ("Déjeuner", "10.00", "25"),
            ("Dîner", "12.50", "30"), ("Gala", "14.00", "12")]
    for row, texts in zip(prices.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    prices.cell(0, 1).merge(prices.cell(0, 2)).text = "Exercice 2026"
    path = tmp_path / "tarifs.fr.docx"
    document.save(path)
    assert read_document(path).paragraphs == ("Prestation", "Exercice 2026", "Prix (€)", "Places", "Café", "Déjeuner",
                                              "Dîner", "Gala")


def test_cells_spanning_rows_keep_the_columns_of_the_cells_beside_them(tmp_path):
    """A cell spanning rows (an HTML ``rowspan``, an ODT's ``table:number-rows-spanned``, its rows below holding a
    ``table:covered-table-cell``) was not counted in the rows it covers: their cells stood one column left, the times
    of a day's agenda under *Lundi* in the days' column, and, weighed apart, they went as amounts. Each cell is read
    once, in its row, in its own column."""
    days = [("Lundi", [("9.00", "Accueil des délégations"), ("10.30", "Ouverture de la conférence"),
                       ("14.00", "Débat sur la posture de dissuasion")]),
            ("Mardi", [("9.30", "Visite du quartier général"), ("11.00", "Clôture")])]
    expected = ("Jour", "Heure", "Point", *(text for day, items in days
                                            for index, (time, item) in enumerate(items)
                                            for text in ((day,) if index == 0 else ()) + (time, item)))
    page = tmp_path / "programme.fr.html"
    page.write_text('<table><thead><tr><th>Jour</th><th>Heure</th><th>Point</th></tr></thead><tbody>' + "".join(
        "<tr>" + (f'<td rowspan="{len(items)}">{day}</td>' if index == 0 else "") + f"<td>{time}</td><td>{item}</td>"
        "</tr>" for day, items in days for index, (time, item) in enumerate(items)) + "</tbody></table>",
        encoding="utf-8")
    read = read_document(page)
    assert read.paragraphs == expected
    assert read.rows[1:3] == ((3, 4, 5), (6, 7))
    # the same table as LibreOffice Writer 7.4 saves it as ODT
    cell = '<table:table-cell table:style-name="Table1.A1"{span} office:value-type="string"><text:p>{text}</text:p>' \
           "</table:table-cell>"
    body = ('<table:table table:name="Table1"><table:table-column table:number-columns-repeated="3"/>'
            "<table:table-header-rows><table:table-row>" + "".join(cell.format(span="", text=text) for text in
                                                                  ("Jour", "Heure", "Point"))
            + "</table:table-row></table:table-header-rows>" + "".join(
                "<table:table-row>" + (cell.format(span=f' table:number-rows-spanned="{len(items)}"', text=day)
                                       if index == 0 else '<table:covered-table-cell table:style-name="Table1.A1"/>')
                + cell.format(span="", text=time) + cell.format(span="", text=item) + "</table:table-row>"
                for day, items in days for index, (time, item) in enumerate(items)) + "</table:table>")
    assert read_document(write_odt(tmp_path / "programme.fr.odt", body)).paragraphs == expected
    # a covered cell after a cell spanning columns stands for that cell's other column, no column of its own
    body = ('<table:table table:name="Table2"><table:table-row>' + cell.format(span="", text="Point")
            + cell.format(span="", text="Heure") + cell.format(span="", text="Coût") + "</table:table-row>"
            "<table:table-row>" + cell.format(span="", text="Accueil") + cell.format(span="", text="9.30")
            + cell.format(span="", text="12.50") + "</table:table-row><table:table-row>"
            + cell.format(span=' table:number-columns-spanned="2"', text="Total") + "<table:covered-table-cell/>"
            + cell.format(span="", text="125.40") + "</table:table-row></table:table>")
    assert read_document(write_odt(tmp_path / "total.fr.odt", body)).paragraphs == (
        "Point", "Heure", "Coût", "Accueil", "9.30", "Total")


def test_a_table_s_footer_written_before_its_body_is_read_after_it(tmp_path):
    """HTML 4 wrote a table's ``<tfoot>`` before its ``<tbody>``, and browsers show it under the body: its total was
    read first, before the rows it sums up. It is read where it shows, last."""
    page = tmp_path / "effectifs.fr.html"
    page.write_text("<table><caption>Effectifs déployés</caption><thead><tr><th>Pays</th><th>Unité</th></tr></thead>"
                    "<tfoot><tr><td>Total</td><td>Deux bataillons</td></tr></tfoot><tbody><tr><td>Belgique</td>"
                    "<td>Un bataillon</td></tr><tr><td>Pologne</td><td>Un bataillon</td></tr></tbody></table>",
                    encoding="utf-8")
    read = read_document(page)
    assert read.paragraphs == ("Effectifs déployés", "Pays", "Unité", "Belgique", "Un bataillon", "Pologne",
                               "Un bataillon", "Total", "Deux bataillons")
    assert read.rows == ((1, 2), (3, 4), (5, 6), (7, 8))


def test_a_table_s_merged_cells_keep_the_columns_its_times_are_weighed_in(tmp_path):
    """A cell merged across columns (Word's ``w:gridSpan``, an HTML ``colspan``) moved the cells after it one column
    left: a total's amount (*125.40*) under a merged label counted in the times' column, and the agenda's times went
    as amounts. A cell counts for the columns it covers."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for row, texts in zip(table.rows, [("Point", "Heure", "Coût"), ("Accueil", "9.30", "12.50"),
                                       ("Ouverture", "10.30", "8.75"), ("Total", "", "125.40")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    table.cell(3, 0).merge(table.cell(3, 1)).text = "Total"
    path = tmp_path / "programme.docx"
    document.save(path)
    assert read_document(path).paragraphs == ("Point", "Heure", "Coût", "Accueil", "9.30", "Ouverture", "10.30",
                                              "Total")
    page = tmp_path / "programme.html"
    page.write_text("<table><tr><th>Point</th><th>Heure</th><th>Coût</th></tr><tr><td>Accueil</td><td>9.30</td><td>"
                    '12.50</td></tr><tr><td colspan="2">Total</td><td>125.40</td></tr></table>', encoding="utf-8")
    assert read_document(page).paragraphs == ("Point", "Heure", "Coût", "Accueil", "9.30", "Total")


def test_table_rows_are_kept_beside_their_cells(tmp_path):
    """Each cell is a paragraph; ``rows`` says which make a row, when each cell with text is one."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "ACO", "Allied Command Operations"
    table.cell(1, 0).text, table.cell(1, 1).text = "Two", "paragraphs"
    table.cell(1, 1).add_paragraph("in a cell")
    table.cell(2, 1).text = "An empty cell beside"
    table.cell(3, 0).text = "A table inside"
    inner = table.cell(3, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "IN", "Inner"
    path = tmp_path / "abbreviations.docx"
    document.save(path)
    read = read_document(path)
    assert read.paragraphs == ("ACO", "Allied Command Operations", "Two", "paragraphs", "in a cell",
                               "An empty cell beside", "A table inside", "IN", "Inner")
    assert read.rows == ((0, 1), (5,), (7, 8))

    path = tmp_path / "abbreviations.html"
    path.write_text("<html><body><p>Liste</p><table><thead><tr><th>Sigle</th> <th>Forme</th></tr></thead>"
                    "<tr><td>ACO</td><td>Allied <b>Command</b>\n Operations</td></tr>"
                    "<tr><td><p>Two</p><p>paragraphs</p></td><td>x</td></tr><tr><td></td><td>Alone</td></tr>"
                    "<tr><td>A table inside</td><td><table><tr><td>IN</td><td>Inner</td></tr></table></td></tr>"
                    "</table><p>Fin</p></body></html>", encoding="utf-8")
    read = read_document(path)
    assert read.paragraphs == ("Liste", "Sigle", "Forme", "ACO", "Allied Command Operations", "Two", "paragraphs",
                               "x", "Alone", "A table inside", "IN", "Inner", "Fin")
    assert read.rows == ((1, 2), (3, 4), (8,), (10, 11))


def _zip_bytes(tmp_path: Path) -> bytes:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("hello.txt", "bonjour")
    return archive.read_bytes()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \r\n\t\n", "empty document"),
        ("blank16.txt", codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "empty document"),
        ("nav-only.html", b"<html><body><nav>Menu</nav><script>x()</script></body></html>", "empty document"),
        # Mac Roman: no UTF-8, and no Windows-1252 either (its è is a byte 1252 leaves undefined)
        ("macroman.txt", "Première ligne\nSécurité".encode("mac-roman"), "not valid UTF-8: byte 0x8F at offset 5"),
        ("nobom.txt", "Sans marque d’ordre".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        ("binary.txt", bytes(range(256)) * 4, "binary data"),
        ("control.txt", b"texte\x01\x02 binaire", "control character U+0001"),
        ("memory.tmx", b'<?xml version="1.0"?>\n<tmx version="1.4"/>', "XML or HTML markup"),
        ("page.txt", b"\n<!DOCTYPE html>\n<html><body>x</body></html>", "XML or HTML markup"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF file, not plain text or HTML"),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a readable PDF file"),
        ("notes.txt", None, "a ZIP archive"),
        ("fake.docx", b"Ceci n'est pas un DOCX", "not a DOCX file"),
        # a .doc renamed .docx (an OLE2 compound file, not encrypted): said so, not "not a ZIP archive"
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
         "a Word 97–2003 document (.doc), not a DOCX file: open it and save it as .docx"),
        ("broken.docx", None, "not a readable DOCX file"),
    ],
)  # fmt: skip
def test_bad_input_is_one_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(_zip_bytes(tmp_path) if data is None else data)
    with pytest.raises(TmtoolError) as caught:
        read_document(path)
    assert message in caught.value.message
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)


def test_bad_utf8_names_the_line(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"ligne un\nligne deux\nS\x8ecurit\x8e\n")  # Mac Roman's é, Windows-1252's Ž
    with pytest.raises(TmtoolError) as caught:
        read_document(path)
    assert caught.value.line == 3 and str(caught.value).startswith(f"{path}:3: not valid UTF-8")


def test_invalid_language_tag_is_refused():
    with pytest.raises(TmtoolError, match="invalid language tag"):
        read_document(SEED_FR, lang="français")


MARKDOWN_FR = """---
title: "Sommet de l'OTAN à Vilnius"
date: 2023-07-12
tags: [otan, sommet]
---

# Sommet de l’OTAN

Le **Conseil** a approuvé le [plan d’action](https://www.nato.int/plan) et
la [déclaration][1].\\
Les ministres ont signé.

* Premier point.
* Second point avec `code`.

| Pays | Objectif |
|------|----------|
| Estonie | 3 % du PIB |

```python
print("Bonjour")
```

    indented code

[1]: https://www.nato.int/declaration
"""


def test_markdown_is_read_as_it_renders_not_with_its_syntax(tmp_path):
    """A Markdown file was read as plain text: a heading kept its ``#``, a sentence its ``**`` and its links'
    addresses, a table its bars and its ruler row, a block of code its fences and lines, each a unit, and the front
    matter's YAML lines too. It is read as it renders (CommonMark, GitHub's
    tables): a link's text without its address, a sentence wrapped over lines as one, a hard break as a Word line
    break, cells as cells, no code block; the front matter's title first, its other keys not."""
    path = tmp_path / "sommet.fr.md"
    path.write_text(MARKDOWN_FR, encoding="utf-8")
    read = read_document(path)
    assert read.paragraphs == (
        "Sommet de l'OTAN à Vilnius", "Sommet de l’OTAN", "Le Conseil a approuvé le plan d’action et la déclaration.",
        "Les ministres ont signé.", "Premier point.", "Second point avec code.", "Pays", "Objectif", "Estonie",
        "3 % du PIB")
    assert read.rows == ((6, 7), (8, 9))


WRAPPED_FR = """Le Conseil de l'Atlantique Nord s'est réuni aujourd'hui à Bruxelles pour
examiner la situation sécuritaire dans la région euro-atlantique. Les
ministres ont adopté un plan de renforcement de la dissuasion et de la
défense de l'Alliance, présenté par le Comité militaire et l'état-
major international.

Objectifs :
- renforcer la posture de défense avancée sur le flanc est de
  l'Alliance ;
- améliorer l'interopérabilité.

Cordialement,
Le Secrétariat
"""


def test_a_text_wrapped_at_a_width_is_read_by_its_paragraphs_not_its_lines(tmp_path):
    """An e-mail saved as text, a licence, what ``fmt`` or pdftotext writes are wrapped at a width (72 here): each
    line was a paragraph, so that a sentence wrapped over three lines made three units, none a sentence (*Les* alone
    ended one). A wrapped text's lines run on where the wrap broke them (a long line ending no sentence, a line the
    next word would not have fitted on), after a compound's hyphen without a space, the next line's indentation left
    out; a list's items, a salutation, a signature stay lines. A text written a paragraph a line, its titles and
    list of titles as long as they are, is read as before."""
    path = tmp_path / "courriel.fr.txt"
    path.write_text(WRAPPED_FR, encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Le Conseil de l'Atlantique Nord s'est réuni aujourd'hui à Bruxelles pour examiner la situation sécuritaire "
        "dans la région euro-atlantique. Les ministres ont adopté un plan de renforcement de la dissuasion et de la "
        "défense de l'Alliance, présenté par le Comité militaire et l'état-major international.",
        "Objectifs :", "- renforcer la posture de défense avancée sur le flanc est de l'Alliance ;",
        "- améliorer l'interopérabilité.", "Cordialement,", "Le Secrétariat")
    titles = ["Rapport annuel du Secrétaire général", "Communiqué du sommet de Washington sur la défense collective",
              "Concept stratégique de l'Alliance", "Déclaration des ministres de la Défense de l'Alliance atlantique",
              "Plan d'action pour la réaction rapide", "Le Conseil a approuvé le plan de renforcement de la défense."]
    path.write_text("\n".join(titles) + "\n", encoding="utf-8")
    assert read_document(path).paragraphs == tuple(titles)


def test_a_list_of_long_titles_or_a_plain_text_table_is_not_read_as_wrapped_text(tmp_path):
    """A text whose lines are near one width was read as wrapped: a list of long titles (each ending with a noun,
    starting with a capital) ran on into one paragraph, and a plain-text table's rows (columns set apart by runs of
    spaces) into one line. A wrapper breaks between any two words of a sentence, so its lines end with a function word
    often and go on in lower case; and it never sets words in columns."""
    titles = ["Rapport du Secrétaire général sur la mise en œuvre de la stratégie de défense collective",
              "Déclaration des chefs d'État et de gouvernement sur la sécurité énergétique en Europe du Nord",
              "Communiqué final de la réunion des ministres de la Défense tenue à Bruxelles en juin dernier",
              "Plan d'action pour la résilience des infrastructures critiques face aux menaces hybrides",
              "Concept stratégique de l'Alliance adopté par les chefs d'État au sommet de Madrid en 2022",
              "Examen de la posture de dissuasion et de défense de l'Alliance face aux menaces émergentes"]
    path = tmp_path / "titres.fr.txt"
    path.write_text("\n".join(titles) + "\n", encoding="utf-8")
    assert read_document(path).paragraphs == tuple(titles)
    rows = [f"{name:<41}{planned:>15}  {spent:>14}" for name, planned, spent in (
        ("Personnel civil", 1000, 900), ("Personnel militaire", 1037, 941), ("Déplacements officiels", 1074, 982),
        ("Fournitures de bureau", 1111, 1023), ("Entretien des bâtiments", 1148, 1064))]
    lines = ["Poste budgétaire                            Montant prévu    Montant réel", *rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_document(path).paragraphs == tuple(lines)
    german = ("Der Nordatlantikrat ist heute in Brüssel zusammengetreten, um die\nLage der Sicherheit im "
              "euro-atlantischen Raum zu prüfen. Die Minister\nhaben einen Plan zur Stärkung der Abschreckung und "
              "Verteidigung\ndes Bündnisses angenommen, den der Militärausschuss und der\nInternationale Militärstab "
              "vorgelegt haben. Die Verbündeten\nbekräftigen ihre Verpflichtung zur kollektiven Verteidigung nach\n"
              "Artikel 5 des Vertrags von Washington und zur Unterstützung der\nUkraine.\n")
    path = tmp_path / "bericht.de.txt"
    path.write_text(german, encoding="utf-8")
    assert read_document(path).paragraphs == (german.replace("\n", " ").strip(),)


def test_a_markdown_file_opening_with_a_rule_keeps_its_text_and_a_folded_title_is_read(tmp_path):
    """A Markdown file opening with a thematic break (``---``) had everything down to a setext heading's underline
    (``---`` under *Annexe*) taken for its front matter: its sentences were lost, with no word said. A front matter is
    YAML or TOML, keys and values; prose between two rules is the page's. A front matter's title or description
    folded over indented lines (YAML's ``>-``, ``|``, a plain scalar carried on) was read as ``>-`` or its first line
    only."""
    path = tmp_path / "note.fr.md"
    path.write_text("---\n\nLe Conseil a approuvé le plan d'action.\n\nLes ministres se réuniront en juin.\n\n"
                    "Annexe\n---\n\nLa liste des participants figure ci-dessous.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Le Conseil a approuvé le plan d'action.", "Les ministres se réuniront en juin.", "Annexe",
        "La liste des participants figure ci-dessous.")
    path.write_text("---\ntitle: >-\n  Rapport annuel du\n  Secrétaire général\ndescription:\n  Les activités de\n"
                    "  l'Alliance.\nlayout: post\n---\n\nLe Conseil a approuvé le plan.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Rapport annuel du Secrétaire général", "Les activités de l'Alliance.", "Le Conseil a approuvé le plan.")


def test_a_markdown_list_nested_ten_deep_keeps_its_text_and_deeper_is_refused(tmp_path):
    """markdown-it stops at CommonMark's preset's nesting limit (20 levels, a list's item in a list two of them) and
    renders what it read so far: an outline's list ten deep lost its last item and every paragraph after it, with no
    word said. Lists nested as deep as an outline goes are read; past the raised limit the file is refused in one
    line, its text not lost unsaid."""
    path = tmp_path / "plan.fr.md"
    path.write_text("".join("  " * level + f"- niveau {level}\n" for level in range(10))
                    + "\nLe Conseil a approuvé le plan.\n", encoding="utf-8")
    assert read_document(path).paragraphs[-2:] == ("niveau 9", "Le Conseil a approuvé le plan.")
    path.write_text(">" * 200 + " citation\n\nLe Conseil a approuvé le plan.\n", encoding="utf-8")
    with pytest.raises(TmtoolError, match="nested more than"):
        read_document(path)


def test_markdown_footnotes_are_notes_of_their_own_not_text_of_the_sentence(tmp_path):
    """Footnotes as GitHub, Pandoc and PHP Markdown Extra write them (``[^1]`` where the note is called, ``[^1]: …``
    defining it, a continuation line indented under it) were read as plain Markdown: the call stayed in the sentence
    (*dissuasion[^1].*) and the notes ran on into one paragraph with their labels. They are read as GitHub renders them:
    the sentence without its call, each note a paragraph of its own at the end; a ``[^x]`` that no note defines is the
    author's text."""
    path = tmp_path / "rapport.fr.md"
    path.write_text("# Rapport annuel\n\nL'Alliance a renforcé sa posture de dissuasion[^1]. Les Alliés ont augmenté "
                    "leurs dépenses en 2024[^depenses].\n\nLe sommet s'est tenu à Vilnius.\n\n"
                    "[^1]: Décision prise au sommet de Madrid en 2022.\n"
                    "[^depenses]: Voir le tableau 3.\n    Les chiffres sont provisoires.\n\n"
                    "La clé [^x] n'est définie nulle part.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Rapport annuel", "L'Alliance a renforcé sa posture de dissuasion. Les Alliés ont augmenté leurs dépenses en "
        "2024.", "Le sommet s'est tenu à Vilnius.", "La clé [^x] n'est définie nulle part.",
        "Décision prise au sommet de Madrid en 2022.", "Voir le tableau 3. Les chiffres sont provisoires.")


def test_a_markdown_note_no_call_cites_is_read_after_the_notes_cited(tmp_path):
    """A footnote that no call cites (its call deleted with its sentence, a note kept for later) was lost: markdown-it's
    plugin renders a note only where the text calls it. The translator translates it all the same: it is read after
    the notes cited, in the order the file defines them, each of its paragraphs one."""
    path = tmp_path / "rapport.fr.md"
    path.write_text("# Rapport annuel\n\n[^orpheline]: Une note que rien ne cite.\n\n"
                    "Le Conseil s’est réuni à Bruxelles[^2]. Les ministres ont adopté la déclaration.\n\n"
                    "[^2]: Au siège de l’OTAN.\n\n[^3]: Ce paragraphe n’est cité nulle part.\n\n"
                    "    Il doit pourtant être traduit.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Rapport annuel", "Le Conseil s’est réuni à Bruxelles. Les ministres ont adopté la déclaration.",
        "Au siège de l’OTAN.", "Une note que rien ne cite.", "Ce paragraphe n’est cité nulle part.",
        "Il doit pourtant être traduit.")


def test_a_markdown_note_defined_twice_is_read_once_each_definition(tmp_path):
    """A label defined twice (two sections merged, each with its ``[^1]:``): markdown-it's plugin showed the last
    definition and lost the first; GitHub (cmark-gfm) shows the first, as CommonMark keeps a link's first reference.
    The call cites the first, as GitHub shows it; the second is read as a note no call cites, after the notes cited:
    nothing lost, nothing read twice."""
    path = tmp_path / "rapport.fr.md"
    path.write_text("Le Conseil s’est réuni[^1]. Les ministres ont conclu[^2].\n\n"
                    "[^1]: Au siège de l’OTAN, à Bruxelles.\n[^2]: Le 14 juin.\n\n## Annexe\n\n"
                    "La déclaration suit.\n\n[^1]: Texte adopté par consensus.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Le Conseil s’est réuni. Les ministres ont conclu.", "Annexe", "La déclaration suit.",
        "Au siège de l’OTAN, à Bruxelles.", "Le 14 juin.", "Texte adopté par consensus.")


def test_a_markdown_note_s_call_is_left_out_past_the_thousandth_note(tmp_path):
    """A book's notes run past a thousand (Pandoc's Markdown of a thesis): from the thousandth on, the call markdown-it
    renders, *[1000]*, was read in the sentence, taken for no note's call. Each call is left out, each note read once,
    after the notes before it."""
    count = 1002
    path = tmp_path / "these.fr.md"
    path.write_text("".join(f"Le chapitre {number} conclut[^{number}].\n\n" for number in range(1, count + 1))
                    + "".join(f"[^{number}]: Note {number}.\n" for number in range(1, count + 1)), encoding="utf-8")
    paragraphs = read_document(path).paragraphs
    assert paragraphs == (*(f"Le chapitre {number} conclut." for number in range(1, count + 1)),
                          *(f"Note {number}." for number in range(1, count + 1)))


def test_a_markdown_image_s_description_is_read_as_a_paragraph_after_its_own(tmp_path):
    """An image's description and title (``![carte des zones](carte.png "Carte")``) are the author's text, which a
    translator translates (the page reads them to those who cannot see the image; Okapi and OmegaT extract an HTML
    image's ``alt`` and ``title`` as segments of their own): each is read as a paragraph after the one the image stands
    in, as an HTML page's image is, and the sentence closes where the image stood (*l’image.*, not *l’image .*). An image
    with no description leaves nothing, nor does an image a link shows (a badge, *Build Status*), nor GitHub's *image*
    for a picture pasted in."""
    path = tmp_path / "note.fr.md"
    path.write_text("![Carte des zones d’exercice](carte.png)\n\nVoir la [page de l’exercice](https://www.nato.int/x) "
                    "et l’image ![*schéma* des forces](schema.png \"Schéma\").\n\nUn logo ![](logo.png) sans "
                    "description.\n\n# Rapport [![Build Status](https://ci.example.org/b.svg)](https://ci.example.org)"
                    "\n\nUne capture ![image](https://github.com/user-attachments/assets/1.png) collée.\n\n"
                    "Les drapeaux ![France](fr.png)![Italie](it.png).\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Carte des zones d’exercice", "Voir la page de l’exercice et l’image.", "schéma des forces", "Schéma",
        "Un logo sans description.", "Rapport", "Une capture collée.", "Les drapeaux.", "France", "Italie")


def test_a_markdown_admonition_is_read_as_its_site_shows_it(tmp_path):
    """An admonition as MkDocs writes it (``!!! note "Remarque"``, ``???`` folded, its text indented under it) was read
    as CommonMark reads it: its mark and title ran into its first paragraph, and its second paragraph, indented, was
    code, left out. GitHub's alert (``> [!NOTE]``) kept its mark in the sentence. Each is read as the site shows it: its
    title a paragraph, its text unindented; the kind (note, warning) is the site's label, not the author's text. A
    fenced block of code showing one is still code."""
    path = tmp_path / "guide.fr.md"
    path.write_text("# Guide\n\n> [!NOTE]\n> Les délégations doivent s’inscrire avant lundi.\n\n"
                    '!!! note "Remarque importante"\n    Le texte de la remarque doit être traduit.\n\n'
                    "    Un second paragraphe de la remarque.\n\n!!! warning\n    Sans titre.\n\n"
                    '??? info "Détails"\n    Contenu repliable.\n\n```\n!!! note "Exemple"\n    code\n```\n\n'
                    "Fin du guide.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Guide", "Les délégations doivent s’inscrire avant lundi.", "Remarque importante",
        "Le texte de la remarque doit être traduit.", "Un second paragraphe de la remarque.", "Sans titre.", "Détails",
        "Contenu repliable.", "Fin du guide.")


def test_a_markdown_admonition_with_more_classes_is_read_and_a_line_of_marks_stays(tmp_path):
    """An admonition whose kind has more classes after it (Material for MkDocs' ``!!! info inline end "Conseil"``,
    Python-Markdown's ``!!! danger highlight``) was taken for no admonition: its mark ran into its first paragraph and
    its second paragraph, indented, was code, lost. A line of marks with neither a title nor text indented under it
    (*!!! Work in progress*, a README's) is the author's line, not an admonition's kind: it was lost."""
    path = tmp_path / "guide.fr.md"
    path.write_text('# Guide\n\n!!! info inline end "Conseil"\n    Lisez d’abord le guide.\n\n    Puis contactez le '
                    'bureau.\n\n!!! danger highlight "N’essayez pas chez vous"\n    Ce produit est dangereux.\n\n'
                    "    Tenez-le hors de portée.\n\n!!! Travaux en cours\n\nCette page sera complétée.\n",
                    encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Guide", "Conseil", "Lisez d’abord le guide.", "Puis contactez le bureau.", "N’essayez pas chez vous",
        "Ce produit est dangereux.", "Tenez-le hors de portée.", "!!! Travaux en cours",
        "Cette page sera complétée.")


def test_a_markdown_note_called_twice_leaves_no_call_in_the_text(tmp_path):
    """A note called a second time renders its call as markdown-it numbers it (*[1:1]*, the note's first call again),
    as pages written with markdown-it-footnote (VitePress, Docusaurus) show it: that call stayed in the sentence
    (*encore[1:1].*). Each call is left out, in a Markdown file as in such a page; each note a paragraph. A link in
    the page reading a time (*10:30*) is no call."""
    path = tmp_path / "rapport.fr.md"
    path.write_text("Les dépenses ont augmenté[^1]. Elles augmenteront encore[^1].\n\n"
                    "[^1]: Chiffres provisoires.\n\n    Ils seront revus en juin.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Les dépenses ont augmenté. Elles augmenteront encore.", "Chiffres provisoires.", "Ils seront revus en juin.")
    page = tmp_path / "rapport.fr.html"
    page.write_text('<main><p>Les dépenses ont augmenté<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a>'
                    '</sup>. Elles augmenteront encore<sup class="footnote-ref"><a href="#fn1" id="fnref1:1">[1:1]</a>'
                    '</sup>.</p><hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">'
                    '<li id="fn1" class="footnote-item"><p>Chiffres provisoires. <a href="#fnref1" '
                    'class="footnote-backref">↩︎</a> <a href="#fnref1:1" class="footnote-backref">↩︎</a></p></li>'
                    '</ol></section><p>La séance de <a href="#s2">10:30</a> est reportée.</p></main>', encoding="utf-8")
    assert read_document(page).paragraphs == (
        "Les dépenses ont augmenté. Elles augmenteront encore.", "Chiffres provisoires.",
        "La séance de 10:30 est reportée.")


def test_amounts_shaped_as_times_go_an_agenda_over_two_days_keeps_its_times(tmp_path):
    """A column of amounts with two decimals, each under 24 and its cents under 60 (*12.50*, *8.00*, *15.40*), was
    taken for an agenda's times and kept, each a unit of its own. An agenda's times follow the day, going back once a
    day at most (a second day's morning); amounts go up and down as they come, and go, as the table's data."""
    document = docx.Document()
    costs = document.add_table(rows=5, cols=2)
    for row, texts in zip(costs.rows, [("Poste", "Montant"), ("Transport", "12.50"), ("Repas", "8.00"),
                                       ("Hébergement", "15.40"), ("Documentation", "3.20")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    agenda = document.add_table(rows=6, cols=2)
    for row, texts in zip(agenda.rows, [("9.00", "Accueil"), ("10.30", "Ouverture"), ("16.00", "Clôture du premier jour"),
                                        ("9.00", "Reprise"), ("11.00", "Conclusions"), ("12.30", "Déjeuner")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "frais.docx"
    document.save(path)
    assert read_document(path).paragraphs == (
        "Poste", "Montant", "Transport", "Repas", "Hébergement", "Documentation", "9.00", "Accueil", "10.30",
        "Ouverture", "16.00", "Clôture du premier jour", "9.00", "Reprise", "11.00", "Conclusions", "12.30", "Déjeuner")


def test_a_wrapped_reply_s_quoted_lines_run_on_without_their_marks(tmp_path):
    """A reply quotes the message it answers with ``>`` before each wrapped line: the lines ran on with their marks
    inside the sentence (*… à Bruxelles pour > examiner la situation …*). Lines run on within one quotation, its marks
    left out where they do; the quotation does not run on into the reply's text."""
    path = tmp_path / "reponse.fr.txt"
    path.write_text(
        "Merci pour votre message. Je vous confirme que la délégation arrivera à\nBruxelles mardi matin et que les "
        "documents seront transmis avant la fin de\nla semaine au secrétariat du Comité.\n\nLe 5 mai 2024, Jean Dupont "
        "a écrit :\n> Le Conseil de l'Atlantique Nord s'est réuni aujourd'hui à Bruxelles pour\n> examiner la situation "
        "sécuritaire dans la région euro-atlantique. Les\n> ministres ont adopté un plan de renforcement de la "
        "dissuasion et de la\n> défense de l'Alliance.\n", encoding="utf-8")
    assert read_document(path).paragraphs[-2:] == (
        "Le 5 mai 2024, Jean Dupont a écrit :",
        "> Le Conseil de l'Atlantique Nord s'est réuni aujourd'hui à Bruxelles pour examiner la situation sécuritaire "
        "dans la région euro-atlantique. Les ministres ont adopté un plan de renforcement de la dissuasion et de la "
        "défense de l'Alliance.")


def test_a_wrapped_text_s_items_with_word_s_bullets_stay_items(tmp_path):
    """A wrapped text's line ran on into the next unless it started a list's item by a dash, ``*``, ``•`` or ``·``:
    items bulleted as Word pastes them (● ➢, its Symbol bullet as U+F0B7), each long and ending no sentence, ran on
    into one paragraph, their bullets inside it, where the segmenter takes the same bullets for list markers. The
    reader's items start with any bullet the segmenter knows."""
    path = tmp_path / "objectifs.fr.txt"
    path.write_text(
        "Le Conseil de l'Atlantique Nord s'est réuni aujourd'hui à Bruxelles pour\nexaminer la situation sécuritaire "
        "dans la région euro-atlantique. Les\nministres ont adopté un plan de renforcement de la dissuasion et de la\n"
        "défense de l'Alliance, dont les objectifs sont les suivants pour les\n"
        "● renforcer la posture de défense avancée sur le flanc est de l'Alliance\n"
        "➢ améliorer l'interopérabilité des forces des pays membres de l'Alliance\n"
        "\uf0b7 augmenter les dépenses de défense à deux pour cent du produit intérieur\n", encoding="utf-8")
    assert read_document(path).paragraphs[-3:] == (
        "● renforcer la posture de défense avancée sur le flanc est de l'Alliance",
        "➢ améliorer l'interopérabilité des forces des pays membres de l'Alliance",
        "\uf0b7 augmenter les dépenses de défense à deux pour cent du produit intérieur")


def test_markdown_task_boxes_definition_lists_and_heading_attributes_read_as_they_render(tmp_path):
    """A task list's boxes (GitHub's ``- [x]``) were read as text (*[x] Relire la traduction*), a definition list's term
    and definition (Pandoc's, PHP Markdown Extra's, MkDocs' ``Terme`` over ``: définition``) ran into one paragraph
    (*Gisement : Zone où…*), and a heading's attributes (``{#installation}``, ``{.unnumbered}``, ``{-}``, Python-Markdown's
    ``{: #id }``), which name its anchor, stayed in its text. Each reads as its page shows it: the item's text, the term
    and its definitions as paragraphs of their own, the heading's words; braces of the author's are kept."""
    path = tmp_path / "guide.fr.md"
    path.write_text(
        "# Installation {#installation}\n\n## Annexes {.unnumbered}\n\nRemerciements {-}\n-----------------\n\n"
        "## Glossaire {: #glossaire .court }\n\n## Le format {json}\n\n"
        "- [x] Relire la traduction\n- [ ] Valider le glossaire\n\n"
        "Gisement\n: Zone où se trouvent des ressources exploitables.\n\n"
        "Chenal\n:   Passage navigable.\n\n    Il est balisé.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Installation", "Annexes", "Remerciements", "Glossaire", "Le format {json}", "Relire la traduction",
        "Valider le glossaire", "Gisement", "Zone où se trouvent des ressources exploitables.", "Chenal",
        "Passage navigable.", "Il est balisé.")


def test_a_wrapped_paragraph_whose_second_line_opens_with_a_colon_or_a_tilde_stays_one_paragraph(tmp_path):
    """French prose wrapped by an editor at 80 columns puts the space before a colon at a line's end now and then, and
    a line may open with *~* (about): a paragraph of two lines whose second opened so was read as a definition list,
    its first line a term, the sentence cut in two and its *:* or *~* lost, where GitHub shows the paragraph as
    written. A term is a few words: a line of prose over the mark is the paragraph's, going on; a definition list with
    a short term still reads term and definition apart."""
    path = tmp_path / "rapport.fr.md"
    path.write_text(
        "Le Conseil a examiné trois points lors de la réunion de printemps, dans cet ordre\n"
        ": la dissuasion, le financement commun et les partenariats.\n\n"
        "Le coût total du programme est estimé, selon les dernières prévisions, à environ\n"
        "~ 30 millions d'euros par an.\n\n"
        "Gisement\n: Zone où se trouvent des ressources exploitables.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Le Conseil a examiné trois points lors de la réunion de printemps, dans cet ordre : la dissuasion, le "
        "financement commun et les partenariats.",
        "Le coût total du programme est estimé, selon les dernières prévisions, à environ ~ 30 millions d'euros par "
        "an.",
        "Gisement", "Zone où se trouvent des ressources exploitables.")


def test_markdown_abbreviation_definitions_are_no_text_of_the_page(tmp_path):
    """A page written for PHP Markdown Extra, Pandoc or MkDocs (Python-Markdown's abbr) defines its abbreviations on
    lines of their own (``*[OTAN]: Organisation du Traité de l'Atlantique Nord``), which those tools take out of the
    page, marking the abbreviation where the text uses it: the lines were read as a paragraph of text, *[OTAN]:* and
    all. They are left out; a list item's link (``* [OTAN](…)``) is text."""
    path = tmp_path / "communique.fr.md"
    path.write_text(
        "# Réunion des ministres de la Défense\n\n"
        "Les ministres de la Défense de l'OTAN se sont réunis à Bruxelles.\n"
        "Le SACEUR a présenté les plans régionaux.\n\n"
        "*[OTAN]: Organisation du Traité de l'Atlantique Nord\n"
        "*[SACEUR]:  Commandant suprême des forces alliées en Europe\n"
        "   *[Etat-major] : état-major\n\n"
        "* [OTAN](https://www.nato.int/): le site de l'Alliance\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Réunion des ministres de la Défense",
        "Les ministres de la Défense de l'OTAN se sont réunis à Bruxelles. Le SACEUR a présenté les plans régionaux.",
        "OTAN: le site de l'Alliance")


def test_kramdown_attribute_lists_and_pandoc_div_fences_are_no_text(tmp_path):
    """A Jekyll page (kramdown) sets a block's class on the line under it (``{: .lead }``), a Pandoc or Quarto document
    fences a block in a div (``::: {.warning}`` … ``:::``, ``::: callout-note``): the marks were read as text, into the
    paragraph's sentence (*… à Bruxelles. {: .lead }*) or around the fenced text as one paragraph. They show nothing:
    left out, the blocks they mark read; braces and colons in a sentence are text."""
    path = tmp_path / "communique.fr.md"
    path.write_text(
        "# Réunion des ministres de la Défense\n\nLes ministres se sont réunis à Bruxelles.\n{: .lead }\n\n"
        "{:note: .callout}\n\n::: {.warning}\nCe texte est provisoire.\n:::\n\n::: callout-note\n"
        "## Remarque\n\nLe format {json} est accepté : voir l'annexe.\n:::\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Réunion des ministres de la Défense", "Les ministres se sont réunis à Bruxelles.", "Ce texte est provisoire.",
        "Remarque", "Le format {json} est accepté : voir l'annexe.")


def test_hugo_shortcodes_and_liquid_tags_are_read_as_the_site_shows_them(tmp_path):
    """A Hugo page calls shortcodes on lines of their own (``{{< figure src="…" caption="…" >}}``, a note's ``{{% note
    %}}`` … ``{{% /note %}}``), a Jekyll page Liquid tags (``{% include … %}``): the calls were read as text, braces,
    attributes and all. The site shows a figure's caption (Markdown, as Hugo renders it) and alternative text, and the
    text a shortcode encloses: those are read, each a paragraph, the calls not; a variable in a sentence stays."""
    path = tmp_path / "galerie.fr.md"
    path.write_text(
        "# Galerie\n\nLes ministres se sont réunis.\n\n"
        '{{< figure src="photo.jpg" caption="Les ministres à Bruxelles (*photo* OTAN)" alt="Photo de groupe" >}}\n\n'
        "{{% note %}}\nCe texte est provisoire.\n{{% /note %}}\n\n"
        '{% include note.html content="Texte inclus" %}\n\nLe modèle {{ page.title }} reste.\n', encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Galerie", "Les ministres se sont réunis.", "Les ministres à Bruxelles (photo OTAN)", "Photo de groupe",
        "Ce texte est provisoire.", "Texte inclus", "Le modèle {{ page.title }} reste.")


def test_inline_attributes_after_an_image_a_link_or_a_span_are_no_text(tmp_path):
    """Pandoc and Quarto set an image's size or a link's target in braces right after it (``![Carte](carte.png)
    {width=50%}``, ``[site](…){target="_blank"}``), a bracketed span's class after its text (``[texte]{.smallcaps}``),
    kramdown an emphasis' class (``*mot*{: .rouge}``): the braces were read into the sentence (*Voir la carte
    {width=50%} ci-dessous.*). They are left out, the span read as its text; braces of the author's stay."""
    path = tmp_path / "note.fr.md"
    path.write_text("Voir la carte ![Carte des zones](carte.png){width=50%} ci-dessous.\n\n"
                    'Le [texte]{.smallcaps} et le [site](https://www.nato.int){target="_blank"} ici.\n\n'
                    "Un mot *important*{: .rouge} ici, et le format {json}.\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Voir la carte ci-dessous.", "Carte des zones", "Le texte et le site ici.",
        "Un mot important ici, et le format {json}.")


def test_a_template_call_s_text_on_its_own_line_a_note_s_content_and_a_callout_s_title_are_read(tmp_path):
    """Docsy's and Hugo's themes enclose a note's text on the call's own line (``{{< alert title="…" >}}Texte{{<
    /alert >}}``), Liquid a sentence shown on a condition (``{% if … %}Texte{% endif %}``), the Jekyll documentation
    theme writes a note's text in its call (``{% include note.html content="…" %}``), Quarto and VitePress a callout's
    title on its fence (``::: {.callout-warning title="…"}``, ``::: warning Titre``): the whole line was left out as a
    call or a fence, the author's sentences with it. They are read, a paragraph each; a Pandoc fence closed by colons
    (``::: warning :::``) is a fence."""
    path = tmp_path / "installation.fr.md"
    path.write_text(
        "# Installation\n\nTéléchargez le paquet.\n\n"
        '{{< alert title="Attention" color="warning" >}}Sauvegardez vos données avant la mise à jour.{{< /alert >}}\n\n'
        "{{% notice tip %}}Pensez à redémarrer.{{% /notice %}}\n\n"
        '{% include note.html content="Cette procédure supprime les journaux." %}\n\n'
        '{% if site.lang == "fr" %}Le service ferme le 3 mai.{% endif %}\n\n'
        '::: {.callout-warning title="Attention au froid"}\nLe boîtier ne supporte pas le gel.\n:::\n\n'
        "::: tip Astuce\nUn redémarrage suffit.\n:::\n\n::: warning :::\nLe câble est fourni.\n::::::\n", encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Installation", "Téléchargez le paquet.", "Attention", "Sauvegardez vos données avant la mise à jour.",
        "Pensez à redémarrer.", "Cette procédure supprime les journaux.", "Le service ferme le 3 mai.",
        "Attention au froid", "Le boîtier ne supporte pas le gel.", "Astuce", "Un redémarrage suffit.",
        "Le câble est fourni.")


def test_an_editor_s_note_in_italics_opening_with_brackets_is_no_abbreviation_s_definition(tmp_path):
    """A news page's editor's note set in italics whole, its date bracketed (``*[Mis à jour le 3 mars] : …*``), shown
    as such by CommonMark's and GitHub's renderers, was taken for an abbreviation's definition (``*[OTAN]: …``) and
    left out. A line in italics whole is text; an abbreviation's definition is still left out."""
    path = tmp_path / "article.fr.md"
    path.write_text(
        "# Réunion des ministres\n\n*[Mis à jour le 3 mars] : la date de la réunion a été corrigée.*\n\n"
        "Les ministres de l'OTAN se sont réunis à Bruxelles.\n\n*[OTAN]: Organisation du Traité de l'Atlantique Nord\n",
        encoding="utf-8")
    assert read_document(path).paragraphs == (
        "Réunion des ministres", "[Mis à jour le 3 mars] : la date de la réunion a été corrigée.",
        "Les ministres de l'OTAN se sont réunis à Bruxelles.")


def test_a_block_of_code_a_jekyll_or_hugo_highlight_call_sets_is_code(tmp_path):
    """Jekyll's pages set a block of code with Liquid's ``{% highlight python %}`` … ``{% endhighlight %}``, Hugo's with
    the ``{{< highlight go >}}`` shortcode: the calls were left out as template calls and the code between them read as
    the author's prose (*def f(): return 1*). It is code, left out as a fenced block is."""
    path = tmp_path / "guide.fr.md"
    path.write_text(
        "# Guide\n\nVoici la fonction.\n\n{% highlight python linenos %}\ndef total(effectifs):\n"
        "    return sum(effectifs)\n{% endhighlight %}\n\nPuis le programme :\n\n"
        '{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}\n\nFin du guide.\n', encoding="utf-8")
    assert read_document(path).paragraphs == ("Guide", "Voici la fonction.", "Puis le programme :", "Fin du guide.")
