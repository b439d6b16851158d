"""HTML pages: the article a reader reads, decoded as browsers decode it."""

from __future__ import annotations

import codecs
import functools
import io
import logging
import re
from dataclasses import dataclass, field
from itertools import takewhile

from ...errors import Invalid
from ...io.decoding import BOMS, decode_western_text
from ...io.xmlsafe import check_prolog
from .base import _ASCII_SPACE, DATUM_WORDS, LINE_BREAK, _add_raised, _Reading, column_span, image_descriptions
from .equations import mathml_text


HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# what browsers decode a declared charset as (the WHATWG Encoding Standard): Latin-1 and ASCII pages are
# read as Windows-1252, whose quotation marks and dashes they hold in 0x80-0x9F; a page cannot be UTF-16
# by its own declaration, which it could not have been read to find
_BROWSER_ENCODINGS = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8",
                      "utf-16-be": "utf-8"}
# a Western code page a page declares while its bytes are UTF-8, which no Western text in that code page
# makes (é would read Ã©): the page's template was never changed when its site went over to UTF-8, which its
# server says in the HTTP header that browsers follow and a saved page loses
_WESTERN_CODE_PAGES = {"cp1252", "iso8859-15"}


# what a page holds besides its article: code, the page's menus, banner, footer and side bars (the
# elements and the ARIA roles that name them), controls, the fallback text of media a browser plays,
# dialogs: windows over the page (cookie consent, newsletter, log-in), never its article, and not shown
# until opened, deleted text (a correction struck through, Word's tracked deletions), read as a
# document's tracked changes are, accepted, ruby annotations (the reading of the text they annotate), and
# the other forms of an equation that MathML keeps beside the one shown (its TeX source, as MathJax and
# Wikipedia write it)
_DROPPED = ("script", "style", "nav", "header", "footer", "aside", "noscript", "template", "button", "select",
            "datalist", "textarea", "video", "audio", "canvas", "iframe", "object", "svg", "dialog", "del", "rt",
            "rp", "annotation", "annotation-xml")
_DROPPED_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "alert"}
# and, as Firefox's Reader View (Mozilla's Readability) reads a page, what the page hides from assistive technology
# (``aria-hidden="true"``: a closed dialog that Micromodal or a11y-dialog hides by that attribute and a stylesheet, a
# subscription's or a newsletter's prompt, an icon's glyph) and a window over the page (``aria-modal="true"``, a
# paywall's, without a dialog's role), by the page's own marks, not by their words: an article may quote any notice.
# Not the part of the page that holds its main content, which scripts hide from assistive technology while a dialog
# is open over it (react-modal, a11y-dialog): that is the page's text
_MAIN_CONTENT = ("main", "article", "h1")
# a carousel's slide, by the class its library gives it (Slick's and react-slick's slick-slide, Swiper's, Splide's, Glide's,
# Keen Slider's, Bootstrap's carousel-item), not a prompt sliding in (slide-in)
_SLIDE = re.compile(r"(?:.*[-_])?slide|carousel-item")
# a cookie notice outside the article, by the id or class a site or its consent manager gives it
# (#cookie-banner, .bandeau-cookies, #onetrust-consent-sdk, #CybotCookiebotDialog, #tarteaucitronRoot, #didomi-host,
# #iubenda-cs-banner, #axeptio_overlay, #qc-cmp2-container, Klaro's, Orejime's (the French State's sites), Osano's,
# Usercentrics', Complianz's #cmplz-…)
_CONSENT_NOTICE = re.compile(r"cookie|consent|gdpr|rgpd|tarteaucitron|didomi|iubenda|axeptio|qc-cmp|klaro|orejime|"
                             r"osano|usercentrics|cmplz", re.IGNORECASE)
# readers' comments under the article and the form to leave one, by the id or class CMSs give them (WordPress's
# #comments, .comments-area, #respond; Drupal's .comments, .comment-wrapper; Disqus's #disqus_thread)
_READER_COMMENTS = re.compile(r"comments(?:[-_](?:area|wrapper|section|list|container))?|comment-(?:respond|wrapper|"
                              r"list|form)|commentlist|commentform|respond|disqus_thread", re.IGNORECASE)
# a form is the page's control (a comment's, a search's, a newsletter's, a log-in's: a few labels and notices), unless
# it holds the page (ASP.NET's and SharePoint's form wraps the whole body): its heading, its article, or more words
_FORM_WORDS = 100
_FORM_CONTROLS = ("input", "button", "select", "textarea")
# a breadcrumb (Accueil > Actualités > the page's title), wherever it stands, by the ARIA label or schema.org type
# sites give it (BreadcrumbList, "Fil d'Ariane"), or by a class or id that names one (.breadcrumb, #breadcrumbs,
# .fr-breadcrumb, .breadcrumb__list, .fil-ariane): a name saying a block *has* one (.has-breadcrumb, wrapping the
# page's content or its title) is not one
_BREADCRUMB = re.compile(r"breadcrumb|fil[\W_]*(?:d[\W_]*)?ariane", re.IGNORECASE)
_BREADCRUMB_NAME = re.compile(r"(?:(?!has-|with-|no-)[a-z0-9]{1,6}-)?(?:breadcrumbs?|fil-(?:d-)?ariane)(?:[-_].*)?",
                              re.IGNORECASE)
# the page's footer where only its id or class names it (<div id="footer">, .site-footer), outside the article
_FOOTER = re.compile(r"(?:(?:site|page|global|main)[-_]?)?footer", re.IGNORECASE)
# a page's date stamp, which its system writes and which is no sentence of its article ("Last updated: 12 Mar. 2024
# 14:05", "Publié le 3 mai 2024", "Posted on … by …"): an element whose class or id names a date, an update, a
# publication or the page's metadata, by one of its words (.date, .article-date, .last-updated, .entry-meta,
# .gem-c-metadata, #pubdate, .byline, .posted-on, camelCase too: .publishedDate); short, with a date
# (``_DATE_OR_TIME``), holding no heading nor table, and in no table cell (a table's dates are its data)
_STAMP_NAME_WORDS = {"date", "dateline", "datetime", "time", "timestamp", "pubdate", "published", "updated", "modified",
                     "lastmod", "meta", "metadata", "byline", "posted"}
_CLASS_NAME = re.compile(r"[A-Za-z0-9_-]+")
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_STAMP_WORDS = 20
# a date has its year (a version, "Added in: v0.6.12", or "posted 5 weeks ago" is no date stamp), a time its hour
_DATE_OR_TIME = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|(?<!\d)\d{1,2}[:h]\d\d(?!\d)")
# and a block that is a <time> element behind a label of a few words of the page's own ("Last updated:", "Dernière mise
# à jour le"), with nothing after it but a separator: not a sentence citing a date ("They met on <time>…</time>.")
_STAMP_LABEL_WORDS = 5
# and, named or not, a line that is a page's date stamp (``_stamp_line``, the one rule: the element's and the
# paragraph's as gathered), as a system writes the moment a page was saved or published:
# - a date with its year and a time of day behind a label of a few words ("Last updated: 12 Mar. 2024 14:05", "Mis à
#   jour le 12/03/2024 à 14h05", "Published 2024-03-12T14:05"), which no full stop ends, the day it was first published
#   before it or not ("05 Jul. 2024 - | Last updated: 05 Jul. 2024 16:17", NATO's list): a person writing an article
#   puts no clock time on a line of its own, unless the line is a clause (``_clause``: *The ceremony begins on 5 May
#   2024 at 10:30*, *La cérémonie commence le 5 mai 2024 à 10 h 30*), a headline's without its article too (*Ceremony
#   begins on 5 May 2024 at 10:30*, *Cérémonie le 5 mai 2024 à 10 h 30*);
# - an update's or a publication's label and a date alone, in digits or with its month and weekday named in French or
#   English (``_STAMP``, ``_DATE_WORDS``: "Dernière mise à jour : 15 mars 2026", "Publié le 14/03/2026", "Updated 2
#   March 2026"; not "Mise à jour du plan de défense 2026")
# A label's word is whole (\b): a pattern free to cut a long word into up to five pieces took minutes over one long
# file name in a list (found by bench/fuzz.py html).
_DAY_MONTH_YEAR = (r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2}"  # 12/03/2024, 2024-03-12
                   r"|(?:\d{1,2}(?:er)?\s+)?\w{3,9}\.?\s+(?:\d{1,2},?\s+)?\d{4})")  # 1er mars 2024, March 12, 2024
# 14:05, 14h05, 10 h 30 (French typography), 2:30 p.m. (CET)
_TIME_OF_DAY = r"\d{1,2}(?::|\s?h\s?)\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?"
_TIMESTAMP = re.compile(
    rf"(?:{_DAY_MONTH_YEAR}[^\w.!?…]{{0,5}})?(?P<label>(?:\w+\b\W{{0,3}}\s*){{0,{_STAMP_LABEL_WORDS}}})"
    rf"{_DAY_MONTH_YEAR},?\s*(?:à|at|-|T|\|)?\s*{_TIME_OF_DAY}[^\w.!?…]{{0,3}}", re.IGNORECASE)
_STAMP = re.compile(
    r"(?:(?:last\s+)?(?:updated|modified|reviewed)(?:\s+on)?|published(?:\s+on)?|(?:dernière\s+)?mise\s+à\s+jour"
    r"(?:\s+le)?|(?:mis|mise)\s+à\s+jour\s+le|(?:modifié|publié|actualisé)\s+le|date\s+de\s+(?:mise\s+à\s+jour|"
    r"publication))\s*:?\s*((?:(?:\d{1,4}|[^\W\d_]{3,9}\.?|à|at|h)[\s,./:\-h]*){1,8})", re.IGNORECASE)
_DATE_WORDS = frozenset(
    "janvier janv février févr fév mars avril avr mai juin juillet juil août septembre sept octobre oct novembre nov "
    "décembre déc lundi mardi mercredi jeudi vendredi samedi dimanche à h le "
    "january jan february feb march mar april apr may june jun july jul august aug september sep october "
    "november december dec monday tuesday wednesday thursday friday saturday sunday at on "
    # the weekday as Drupal's and RFC 822's dates abbreviate it (*Tue, 05/07/2024*, *lun. 5 mai*), an ordinal's ending
    "lun mer jeu ven sam dim mon tue tues wed thu thur thurs fri sat sun st nd rd th er".split())
# what opens a clause's subject, which a stamp's label never has: an article, a determiner, a subject pronoun (closed
# classes of French and English grammar); a stamp's label is a participle or a noun with its preposition ("Posted on",
# "Mis à jour le", "Date de publication :"), the article of the date after it ("le 5 mai") standing last
_SUBJECT_OPENERS = frozenset(
    "the a an this that these those its our their his her my your we they he she it i you there "
    "le la les l un une des du au aux ce cet cette ces c son sa ses leur leurs notre nos votre vos mon ma mes il elle "
    "ils elles nous vous on je j".split())
# the words of a stamp's label, which speak of the page only (its publication, its update, its posting) in French and
# English, and those of the date after it (``_DATE_WORDS``): a word of a label outside them is a clause's subject or
# verb, or a headline's (*Ceremony begins on*, *Cérémonie le*)
_STAMP_LABEL_VOCABULARY = frozenset(
    "page article version last first updated update modified modification reviewed revised published publication "
    "posted submitted created generated issued released release edited changed date time of "
    "dernière dernier mis mise jour publié publiée modifié modifiée modification actualisé actualisée "
    "actualisation créé créée généré générée posté postée rédigé rédigée en ligne de du".split()) | _DATE_WORDS
# and the word before a byline's name (*Submitted by admin on*, *Publié par la rédaction le*), which the system writes
# whatever its words: the label is judged by its words before it
_BYLINE = frozenset({"by", "par"})
_NOT_SHOWN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# but an equation Wikipedia shows as a picture keeps its MathML beside it, not displayed: the equation shown
_SHOWN_AS_PICTURE = "mwe-math-mathml-a11y"
# text for screen readers only ("(ouvre une nouvelle fenêtre)" in a link, a skip link), by the class CSS
# frameworks and CMSs hide it with: Bootstrap's sr-only and visually-hidden, WordPress's screen-reader-text,
# Drupal's element-invisible, the French State's fr-sr-only
_SCREEN_READER_ONLY = re.compile(
    r"(?:.+-)?(?:sr-only|visually-?hidden|screen-reader-text|element-invisible)(?:-focusable)?", re.IGNORECASE)
# the list of comments Word writes at the end of a page it saves; Google Docs' calls of a comment, and the link
# back to its call that opens each comment at the end of the page
_WORD_COMMENTS = re.compile(r"mso-element\s*:\s*comment-list", re.IGNORECASE)
# the label Word writes before each item of a list in a page it saves (its bullet, a Symbol-font "·", or its number,
# and the spaces that align the text), for browsers that cannot number a list: in a conditional comment, and in a
# span styled mso-list:Ignore since Word 2010; Word numbers the list itself, as the DOCX does, where no label is text
_WORD_LIST_LABEL = re.compile(r"<!\[if !supportLists\]>.*?<!\[endif\]>", re.IGNORECASE | re.DOTALL)
_WORD_LIST_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)
# where Word's filtered page keeps neither (Save as Web Page, Filtered), the label is told by the span of no-break
# spaces Word sets after it, in 7-point Times New Roman, at the start of the item or the numbered heading: a bullet,
# one character of any kind (Wingdings and Symbol spell theirs with letters: *Ø* for ➢, *ü* for ✓, *§* for ■,
# Courier New's *o*), or a number or letter
_WORD_LABEL_SPACE = re.compile(r"font\s*:\s*7\.0pt\s+['\"]?Times New Roman", re.IGNORECASE)
_WORD_LABEL = re.compile(r"\S|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]?")
_GOOGLE_COMMENT_CALL, _GOOGLE_COMMENT_BACK = re.compile(r"#cmnt\d+"), re.compile(r"#cmnt_ref\d+")
# a link to a place in the page holding a note's number or sign is a note's call (or its way back); markdown-it numbers
# a note's second call after its first, in its brackets (*[1:1]*), where a link reading *10:30* or *3:16* is a time's, a
# verse's; a number in brackets is a call however many notes come before it (a book's *[1000]*), a bare one of three
# digits at most (a link reading *2024* is a year's)
_NOTE_MARK = re.compile(r"\s*(?:\[\s*\d{1,5}(?::\d{1,3})?\s*\]"
                        r"|\[?\s*(\d{1,3}|[ivx]{1,5}|[*†‡§]{1,3}|[↩↑^]\ufe0e?)\s*\]?)\s*")
# text raised above the line by its style, as Word's and editors' pages write it beside <sup>
_SUPERSCRIPT = re.compile(r"vertical-align\s*:\s*super", re.IGNORECASE)
_BOLD = re.compile(r"font-weight\s*:\s*(?:bold|[7-9]00)", re.IGNORECASE)
# the marks around a quotation (a manual quoting Word's error): French, English and typewriter ones
_OPENING_QUOTES, _CLOSING_QUOTES = ("«", "“", "‘", '"', "'", "„"), ("»", "”", "’", '"', "'")
_PAGE_BREAK = re.compile(r"page-break-(?:before|after)\s*:\s*always", re.IGNORECASE)
# elements that start and end a paragraph; everything else is inline text
_BLOCKS = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "legend", "li",
    "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul",
}  # fmt: skip


def _html_paragraphs(data: bytes, path: str, titled: bool = True, converted: bool = False) -> _Reading:
    """The article of a page: its ``<main>`` (or the element whose role is main), else its body; in it,
    the ``<article>`` holding the most text when there is one (the story, not the teasers of others), after the page's
    title (its ``<h1>``) when the article holds none and no other article holds it (Drupal writes the title in a block
    above the article), after the page's ``<title>`` when ``titled`` (``_add_page_title``). Word's error where no field
    is left (``_word_error``) is looked for in a page a word processor or a converter wrote (``_converted_page``), or
    when ``converted`` (Pandoc's Markdown of a document)."""
    import lxml.html
    from lxml import etree

    # lxml refuses str input that carries an XML declaration (XHTML); the text is already decoded
    text = _WORD_LIST_LABEL.sub("", _XML_DECLARATION.sub("", _decode_html(data, path), count=1))
    # the HTML parser ignores a DOCTYPE's internal subset: its entities would come out as "&name;" text
    check_prolog(io.BytesIO(text.encode("utf-8")), path)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise Invalid(f"cannot parse HTML: {exc}", path=path) from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # libxml2 stops reading past elements nested 256 deep and keeps the page so far: the rest would be lost
        # unsaid (a browser reads on). A real page is never that deep but where tags are left open (<font> …)
        raise Invalid("elements nested more than 256 deep (tags left open?), past which the page cannot be "
                          "read: close them, or save the page as plain text", path=path)
    for element in root.iter():
        _replace_controls(element)
    _drop_word_list_labels(root)
    converted = converted or _converted_page(root)
    for element in [element for element in root.iter() if isinstance(element.tag, str) and _left_out(element)]:
        if element.tag in _FORM_CONTROLS:  # a box between two labels parts them as a space does
            element.tail = " " + (element.tail or "")
        element.drop_tree()
    for element in root.iter("input"):
        element.tail = " " + (element.tail or "")
    # the forms that are the page's controls, beside its text; a page whose text is mostly in its forms (a survey, a
    # questionnaire under a skip link) is theirs
    forms = [form for form in root.iter("form")
             if _control_form(form) and not any(ancestor.tag == "form" for ancestor in form.iterancestors())]
    body = root.find("body")
    in_forms = sum(len(form.text_content().split()) for form in forms)
    if forms and body is not None and len(body.text_content().split()) - in_forms >= in_forms:
        for form in forms:
            form.drop_tree()
    # a date stamp as the page shows it: read without what is not shown (a label for screen readers only)
    for element in [element for element in root.iter() if isinstance(element.tag, str) and _date_stamp(element)]:
        element.drop_tree()
    for equation in root.iter("math"):  # MathML read as its linear text (a/b, x^2), as Word's equations
        text = mathml_text(equation)
        for child in list(equation):
            equation.remove(child)
        equation.text = text
    read = _Reading(path)
    main = next((e for e in root.iter() if e.tag == "main" or e.get("role") == "main"), None)
    for scope in (main, root.find("body")):
        if scope is not None and not read.paragraphs:  # a main without text is no article: the body is read
            articles = list(scope.iter("article"))
            article = max(articles, key=lambda a: len(a.text_content())) if articles else scope
            title = next(scope.iter("h1"), None)
            if article is not scope and next(article.iter("h1"), None) is None and title is not None and not any(
                    ancestor.tag == "article" for ancestor in title.iterancestors()):
                # the page's title, over its article (Drupal's title block)
                _collect_blocks(title, read, [], seen=_Seen(word_errors=converted))
            _collect_blocks(article, read, [], seen=_Seen(word_errors=converted))
    if titled:
        _add_page_title(root, read)
    return read


def _add_page_title(root, read: _Reading) -> None:
    """The page's ``<title>``, the name its window and its tab show, read first, as the CAT tools extract it (OmegaT's and
    Okapi's HTML filters); unless it says the article's heading again (the first paragraph, or an ``<h1>`` read), with
    the site's name or a date around it or not (``_title_repeats``)."""
    title = root.find("head/title")
    text = " ".join(title.text_content().split()) if title is not None else ""
    headings = {" ".join(heading.text_content().split()) for heading in root.iter("h1")}
    candidates = read.paragraphs[:1] + [paragraph for paragraph in read.paragraphs if paragraph in headings]
    if text and not any(_title_repeats(text, heading) for heading in candidates):
        first = _Reading(read.path)
        first.add(text)
        read.paragraphs[:0] = first.paragraphs
        read.rows = [tuple(index + len(first.paragraphs) for index in row) for row in read.rows]


# what parts a page's title from the site's name or a date around its heading (*OTAN - Actualités: … , 12-mars-2024*,
# *… | NATO*, *… — Le Monde*), and the words those say at most
_TITLE_SEPARATORS = frozenset("|-–—:·•»«/,.!?…()[]")
_TITLE_FURNITURE_WORDS = 8


def _title_repeats(title: str, heading: str) -> bool:
    """Whether a page's ``title`` says its ``heading`` again, but for case, spaces and punctuation, and a few words set
    apart from it by a separator (``_TITLE_SEPARATORS``): the site's name, its section, a date. A title saying more
    about the same subject (*Le Secrétaire général se rend en Pologne pour parler de défense aérienne*) is read."""
    words = re.findall(r"\w+", heading.casefold())
    title = title.casefold()
    found = words and re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", title)
    if not found:
        return False
    # punctuation alone around the heading is the heading's own (*¡Aprenda …!*, *Plugin Tokenizer&*)
    before, after = (part.strip() if re.search(r"\w", part) else "" for part in (title[:found.start()],
                                                                                 title[found.end():]))
    return ((not before or before[-1] in _TITLE_SEPARATORS) and (not after or after[0] in _TITLE_SEPARATORS)
            and len(re.findall(r"\w+", before + " " + after)) <= _TITLE_FURNITURE_WORDS)


# characters XML 1.0 cannot carry, which the HTML parser keeps (typed, or as references: &#4;) and lxml refuses to
# set as an element's text, as dropping an element sets its tail after its neighbour's. A vertical tab is Word's line
# break (Shift+Enter), a form feed white space in HTML; the others show nothing
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_READ_AS = {"\x0b": LINE_BREAK, "\x0c": " "}


def _replace_controls(element) -> None:
    for name in ("text", "tail"):
        value = getattr(element, name)
        if value and _CONTROL.search(value):
            setattr(element, name, _CONTROL.sub(lambda control: _CONTROL_READ_AS.get(control.group(), ""), value))


def _control_form(form) -> bool:
    """Whether ``form`` is a control of the page (a comment's, a search's, a newsletter's, a log-in's: a few labels and
    notices, ``_FORM_WORDS``), not a form that holds the page (ASP.NET's and SharePoint's wrap the whole body: its
    main content, its article, its title)."""
    return len(form.text_content().split()) < _FORM_WORDS and not any(
        child.tag in _MAIN_CONTENT or child.get("role") == "main" for child in form.iter())


def _left_out(element) -> bool:
    """What a reader of the page does not read as its text: ``_DROPPED``, a cookie notice or a footer outside the
    article (by their id or class), a breadcrumb, readers' comments (``_READER_COMMENTS``), a form that is a control
    (``_FORM_WORDS``), what is not shown (the hidden attribute, an inline style, a class
    for screen readers only; not the MathML of an equation shown as a picture, ``_SHOWN_AS_PICTURE``), what the page
    hides from assistive technology and its windows over it (``_MAIN_CONTENT``), a note's
    call, a reviewer's comments, the label of a list's item Word wrote (``_WORD_LIST_IGNORE``). A tab's panel not
    chosen is read (``role="tabpanel"``), hidden or not."""
    if element.tag == "header" and any(a.tag in ("article", "main", "section") for a in element.iterancestors()):
        return False  # the header of an article or of the main content holds its title; the page's is its banner
    names = f'{element.get("id", "")} {element.get("class", "")}'
    # a heading's button is its title (an accordion's section, as WAI-ARIA's pattern writes it: ``<h3><button
    # aria-expanded…>Les chiffres</button></h3>``), not a control's label
    heading_button = element.tag == "button" and element.getparent() is not None and element.getparent().tag in _HEADINGS
    return ((element.tag in _DROPPED and element.get("role") != "tab" and not heading_button)
            or (element.get("role") in _DROPPED_ROLES and not (element.get("role") == "alert" and _main_alert(element)))
            or ((bool(_CONSENT_NOTICE.search(names)) or any(_FOOTER.fullmatch(name) for name in names.split()))
                and element.tag not in ("html", "body")
                and not any(a.tag in ("article", "main") or a.get("role") == "main" for a in element.iterancestors()))
            or ((any(_BREADCRUMB_NAME.fullmatch(name) for name in names.split())
                 or any(_BREADCRUMB.search(element.get(name, "")) for name in ("aria-label", "itemtype")))
                and element.tag not in ("html", "body"))
            or any(_READER_COMMENTS.fullmatch(name) for name in names.split())
            # found: the closed part of an accordion; a tab's panel (ARIA's, jQuery UI's, a framework's), hidden until
            # its tab is chosen, is the page's text as a closed <details> is
            or (element.get("hidden") not in (None, "until-found") and element.get("role") != "tabpanel")
            or element.get("aria-modal") == "true" or _hidden_from_assistance(element)
            or bool(_WORD_LIST_IGNORE.search(element.get("style", "")))
            or (bool(_NOT_SHOWN.search(element.get("style", "")))
                and _SHOWN_AS_PICTURE not in element.get("class", "").split() and element.get("role") != "tabpanel")
            or any(_SCREEN_READER_ONLY.fullmatch(name) for name in element.get("class", "").split())
            or (element.tag == "a" and element.get("href", "").startswith("#")
                and bool(_NOTE_MARK.fullmatch(element.text_content())))
            or _comment(element))


@functools.lru_cache(maxsize=1)  # the page being read: each of its hidden elements asks
def _controlled(root) -> frozenset[str]:
    """The ids of the elements that controls of the page whose ``root`` is given show (``aria-controls``)."""
    return frozenset(name for value in root.xpath("//@aria-controls") for name in value.split())


@functools.lru_cache(maxsize=1)  # the page being read: each of its hidden elements asks
def _window_holders(root) -> frozenset:
    """The elements of the page whose ``root`` is given that are or hold a window open over it (an open ``<dialog>``,
    a dialog's role or ``aria-modal``), neither hidden nor in a part hidden (a closed Micromodal window: ``aria-hidden``
    around it)."""
    holders = set()
    for window in root.xpath("//dialog[@open] | //*[@aria-modal='true' or (@role='dialog' and not(self::dialog))"
                             " or @role='alertdialog']"):
        chain = [window, *window.iterancestors()]
        if not any(part.get("aria-hidden") == "true" or part.get("hidden") is not None for part in chain):
            holders.update(chain)
    return frozenset(holders)


def _main_alert(element) -> bool:
    """Whether an alert (``role="alert"``) is the page's text: in its article or main content (Bootstrap's alerts, which
    its documentation marks so), or holding them (a warning's page, its title in the alert), not a notice over the page."""
    return _in_main_content(element) or any(inner.tag in _MAIN_CONTENT or inner.get("role") == "main"
                                            for inner in element.iter() if isinstance(inner.tag, str))


def _in_main_content(element) -> bool:
    """Whether ``element`` stands in the page's article or main content."""
    return any(a.tag in ("article", "main") or a.get("role") == "main" for a in element.iterancestors())


def _hidden_from_assistance(element) -> bool:
    """Whether ``element`` is hidden from assistive technology (``aria-hidden="true"``) and is no content of the page's:
    not the part holding its main content (``_MAIN_CONTENT``), nor a panel that a control of the page shows (a tab's,
    an accordion's, a slide's: its id in a control's ``aria-controls``), which is the page's text as a closed
    ``<details>`` is, nor a carousel's slide not shown (but its copies), nor the page beside a window open over it
    (its scripts hide the window's siblings, ``_window_holders``), nor what is shown beside the words a screen reader
    reads in its place (a class for screen readers only), which are left out."""
    if element.get("aria-hidden") != "true" or element.tag in ("html", "body") or element.get("role") == "tabpanel":
        return False
    own = element.get("id")
    if own and own in _controlled(element.getroottree().getroot()):
        return False
    classes = element.get("class", "").lower().split()
    if (element.get("aria-roledescription", "").lower() == "slide" or any(
            _SLIDE.fullmatch(name) for name in classes)) and not any(
            "clone" in name or "duplicate" in name for name in classes):
        return False  # a carousel's slide not shown (react-slick's, Splide's): its copies for looping are left out
    parent, holders = element.getparent(), _window_holders(element.getroottree().getroot())
    if parent is not None and any(other is not element and other in holders for other in parent):
        return False  # the page beside a window open over it, hidden by the window's script (react-modal's portal)
    for other in (element.getprevious(), element.getnext()):
        if other is not None and any(_SCREEN_READER_ONLY.fullmatch(name) for name in other.get("class", "").split()):
            return False  # what is shown, a screen reader's words for it beside it (*12 €*, *12 euros*)
    return not any(inner.tag in _MAIN_CONTENT or inner.get("role") == "main" for inner in element.iter())


def _date_stamp(element) -> bool:
    """A page's date stamp (``_STAMP_NAME_WORDS``, ``_STAMP_LABEL_WORDS``): a block named for one, or a block that is
    dates (``<time>``, or inline elements named for one) behind a short label; never a heading (a title), the article
    itself, nor a table's cell."""
    if element.tag not in _BLOCKS or element.tag in _HEADINGS or element.tag in ("html", "body", "main", "article"):
        return False
    text = element.text_content()
    if len(text.split()) > _STAMP_WORDS or not _DATE_OR_TIME.search(text):
        return False
    if element.tag in ("td", "th") or any(a.tag in ("td", "th") for a in element.iterancestors()) or any(
            e.tag in _HEADINGS or e.tag == "table" for e in element.iterdescendants()):
        return False
    # a block named for a date or the page's metadata that is a sentence (*The 2024 Washington Summit marked …*) is
    # the article's, whatever its name
    sentence = text.rstrip().endswith((".", "!", "?", "…"))
    names = f'{element.get("id", "")} {element.get("class", "")}'
    if (_names_a_date(names) and not sentence) or _stamp_line(text):
        return True
    if any(link.text_content().strip() for link in element.iter("a")):
        return False  # a linked title before its date: a list of documents or news, not a label
    before, after = _around_dates(element)
    return (before is not None and len(before.split()) <= _STAMP_LABEL_WORDS and _reads_as_label(before)
            and not any(c.isalnum() or c in ".!?…" for c in after)
            and not any(c in ".!?…([" for c in before.rstrip(" :")))  # nor a title with its date in brackets


def _stamp_line(text: str) -> bool:
    """Whether ``text``, a block's or a paragraph's, is a page's date stamp: a date and a time of day behind a short
    label that is no clause (``_TIMESTAMP``, ``_clause``), or an update's or a publication's label and a date alone
    (``_STAMP``, its words ``_DATE_WORDS``); short (``_STAMP_WORDS``) and dated (``_DATE_OR_TIME``),
    as a stamp is. Judged with its spaces collapsed, no-break ones too: the patterns' runs of spaces backtrack
    without end over a paragraph spaced out with thousands of them."""
    text = " ".join(text.split())
    if len(text.split()) > _STAMP_WORDS or not _DATE_OR_TIME.search(text):
        return False
    timestamp = _TIMESTAMP.fullmatch(text)
    if timestamp:
        return not _clause(timestamp.group("label"))
    stamp = _STAMP.fullmatch(text)
    return (bool(stamp) and any(c.isdigit() for c in text)
            and all(word.casefold() in _DATE_WORDS for word in re.findall(r"[^\W\d_]+", stamp.group(1))))


def _clause(label: str) -> bool:
    """Whether the words before a date are a clause's, with its subject (*The ceremony begins on*, *La cérémonie
    commence le*, *NATO opens its summit on*) or a headline's (*Ceremony begins on*, *Cérémonie le*), not a stamp's
    label (*Published*, *Mis à jour le*, *Last updated:*, *Mis en ligne le*): they open with an article, a determiner
    or a subject pronoun (``_SUBJECT_OPENERS``), hold a name in capitals, or a word no label has
    (``_STAMP_LABEL_VOCABULARY``: a noun, a verb of the line's own) before a byline's name (``_BYLINE``)."""
    words = re.findall(r"[^\W\d_]+", label)
    own = list(takewhile(lambda word: word.casefold() not in _BYLINE, words))
    return (len(words) > 1 and words[0].casefold() in _SUBJECT_OPENERS  # alone, the date's article (*Le 5 mai …*)
            or any(len(word) > 1 and word.isupper() for word in words)
            or any(word.casefold() not in _STAMP_LABEL_VOCABULARY for word in own))


def _reads_as_label(words: str) -> bool:
    """Whether the words before a date read as a stamp's label ("Publié le", "Posted on", "Last Updated:"), not as a
    title naming something (a caption's "Signing of the Washington Treaty,", a timeline's "Accession of Greece and
    Turkey"): no word but the first has a capital, or a colon ends them."""
    return words.rstrip().endswith(":") or not any(word[:1].isupper() for word in words.split()[1:])


def _names_a_date(names: str) -> bool:
    """Whether a class or id of ``names`` has a word of ``_STAMP_NAME_WORDS`` (an id made of dotted parts, as a
    specification's rule ``r-macro.decl.meta.edition2024``, is no name of words)."""
    return any(word.lower() in _STAMP_NAME_WORDS
               for name in names.split() if _CLASS_NAME.fullmatch(name) for word in _NAME_WORDS.findall(name))


def _around_dates(element) -> tuple[str | None, str]:
    """The text of ``element`` outside its dates (``<time>``, an inline element named for a date): before the last of
    them (None when there is none), and after it."""
    before: list[str] | None = None
    after: list[str] = []

    def walk(node) -> None:
        nonlocal before
        if node is not element and (node.tag == "time" or node.tag not in _BLOCKS and _names_a_date(
                f'{node.get("id", "")} {node.get("class", "")}')):
            before = (before or []) + after
            after.clear()
            return
        after.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            after.append(child.tail or "")

    walk(element)
    return (None if before is None else "".join(before)), "".join(after)


def _drop_word_list_labels(root) -> None:
    """Leave out the label Word types before each item of a list and each numbered heading in a page it saves filtered
    (*·*, *1.*, *a)*, then its no-break spaces in a span of their own: ``_WORD_LABEL_SPACE``), the list's own numbering,
    which the DOCX gives as no text, as the labels it marks are (``_WORD_LIST_LABEL``, ``_WORD_LIST_IGNORE``)."""
    spacers = [span for span in root.iter("span") if _WORD_LABEL_SPACE.search(span.get("style", ""))
               and not span.text_content().strip()]
    for spacer in spacers:
        block = next((ancestor for ancestor in spacer.iterancestors() if ancestor.tag in _BLOCKS), None)
        slots = _text_slots_before(block, spacer) if block is not None else None
        if slots is not None and _WORD_LABEL.fullmatch("".join(getattr(element, slot) or ""
                                                              for element, slot in slots).strip()):
            for element, slot in slots:
                setattr(element, slot, None)
            spacer.drop_tree()


def _text_slots_before(block, stop) -> list[tuple] | None:
    """Where the text of ``block`` before its descendant ``stop`` is held, in order: each element's ``text`` or
    ``tail``; None when ``stop`` is not in it."""
    slots: list[tuple] = []

    def walk(element) -> bool:
        slots.append((element, "text"))
        for child in element:
            if child is stop or walk(child):
                return True
            slots.append((child, "tail"))
        return False

    return slots if walk(block) else None


# the programs that write a page of a document (Word's Save as Web Page, LibreOffice's export, Pandoc), by the page's
# generator, or Word's style names (*MsoNormal*)
_CONVERTER = re.compile(r"microsoft word|libreoffice|openoffice|pandoc", re.IGNORECASE)


def _converted_page(root) -> bool:
    """Whether the page is a document's a word processor or a converter wrote (``_CONVERTER``), where Word's error can
    stand where a field was (``_word_error``); on a site's page, a help's, the same words in bold are the author's
    (*If you see <b>Error! Reference source not found.</b>, press F9*)."""
    return any(_CONVERTER.search(meta.get("content", "")) for meta in root.iter("meta")
               if meta.get("name", "").casefold() == "generator") or any(
        name.startswith("Mso") for element in root.iter() if isinstance(element.tag, str)
        for name in element.get("class", "").split())


def _word_error(element) -> bool:
    """Whether ``element`` is Word's error where a field could make no result (*Erreur ! Source du renvoi
    introuvable.*), in a page Word saved, or converted from a Word document or its PDF, where no field is left: one of
    Word's messages whole (``_field_error``), in bold as Word sets it, a run of its own. An author quoting one (in
    quotation marks, or in a sentence of plain text) is read."""
    from .office import _field_error  # office reads a document's imported pages: imported here, when called

    if not ((element.tag in ("b", "strong") or _BOLD.search(element.get("style", "")))
            and _field_error(element.text_content().strip())):
        return False
    previous, parent = element.getprevious(), element.getparent()
    before = (previous.tail if previous is not None else parent.text if parent is not None else None) or ""
    return not (before.rstrip().endswith(_OPENING_QUOTES) or (element.tail or "").lstrip().startswith(_CLOSING_QUOTES))


def _anchor(element) -> bool:
    """Whether ``element``, an ``<a>``, is a link's target, named (``name``, ``id``) with no address to go to."""
    return element.get("href") is None and (element.get("name") is not None or element.get("id") is not None)


def _comment(element) -> bool:
    """A reviewer's comment or its call, in a page a word processor saved: Word's calls (``[AD1]``) and the
    list of comments at the page's end; Google Docs' calls (``[a]``, a link to ``#cmnt1``) and each comment,
    a division at the page's end opening with a link back to its call."""
    if element.tag == "a":
        return ("msocomanchor" in element.get("class", "").split()
                or bool(_GOOGLE_COMMENT_CALL.fullmatch(element.get("href", ""))))
    if element.tag == "div":
        back = element.find("p/a[@href]")
        return bool(_WORD_COMMENTS.search(element.get("style", ""))) or (
            back is not None and bool(_GOOGLE_COMMENT_BACK.fullmatch(back.get("href"))))
    return False


def _decode_html(data: bytes, path: str) -> str:
    """A BOM, else the charset the page declares (``<meta charset>``, else an XHTML page's XML
    declaration), read as browsers read its name (ISO-8859-1 is Windows-1252), unless it is a Western code
    page and the bytes are UTF-8 (``_WESTERN_CODE_PAGES``, said in a notice); else UTF-8, else
    Windows-1252 as browsers in Western Europe read a page that declares none."""
    declared = _META_CHARSET.search(data[:4096]) or _XML_ENCODING.match(data)
    if declared and not any(data.startswith(bom) for bom, _ in BOMS):
        name = declared.group(1).decode("ascii")
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            raise Invalid(f"the page declares an unknown charset {name!r}", path=path) from None
        encoding = _BROWSER_ENCODINGS.get(encoding, encoding)
        if encoding in _WESTERN_CODE_PAGES and not data.isascii():
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                logging.getLogger("tmtool.text").info("%s: declares charset %s but is UTF-8, read as UTF-8", path, name)
                return text
        if encoding != "utf-8":
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Invalid(f"not valid {name} (as declared) at byte {exc.start}", path=path) from None
    return decode_western_text(data, path, written_by="as browsers in Western Europe read a page declaring no charset")


_NAVIGATION_WORDS = 2
# what closes a sentence or a clause right after an image, which the space before the image is left out before
_CLOSING = frozenset(".,;…)]")
# between the links of a bar (Imprimer | Envoyer); from a run of spaces' first only, which a split would
# otherwise scan again from each of its spaces, a page spaced out with thousands of them
_LINK_BAR = re.compile(r"(?<!\s)\s*[|·]\s*")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LISTS = {"ul", "ol", "menu", "dl"}


class _Linked(str):
    """Text inside a link (``_flush`` weighs how much of a paragraph is links)."""


class _Gap(str):
    """Where an image or Word's error (``_word_error``) stood in a paragraph: no text, the space before it left out
    before a full stop or a comma (``_flush``); an image's descriptions (``image_descriptions``) read after the
    paragraph."""

    descriptions: list[str]

    @classmethod
    def of(cls, descriptions: list[str]) -> _Gap:
        gap = cls()
        gap.descriptions = descriptions
        return gap


@dataclass(slots=True)
class _Seen:
    """What a page's walk has met so far: the list items it left out as links, the headings, and the columns that cells
    spanning rows cover in the rows to come, by the rows' group (a table, its ``<thead>``, ``<tbody>``, ``<tfoot>``):
    how many rows more each column is covered."""

    link_items: int = 0
    headings: int = 0
    covered: dict = field(default_factory=dict)
    word_errors: bool = False  # whether Word's error is looked for (``_converted_page``)
    # the words of the blocks around images met so far, by block (``_said_beside``)
    beside: dict = field(default_factory=dict)


def _collect_blocks(element, read: _Reading, current: list[str], linked: bool = False,
                    seen: _Seen | None = None, titled: bool = False) -> None:
    """Walk the tree in document order; a block element flushes the text gathered so far. A note's call in
    superscript that links nowhere (*l’Alliance<sup>3</sup>*) is left out, as a linked one is, and a power is
    read in superscript digits (*km²*: ``_add_raised``). A heading over nothing but links is left out with them
    (``_drop_heading_over_links``). ``titled``: in a heading or a table's cell, where a date is a title's or the
    table's data, never a stamp (``_stamp_line``), as ``_date_stamp`` leaves them; so is a line of preformatted text,
    as typed (a program's output: *mtime: Mon, 10 Oct 2011 23:24:11 GMT*)."""
    seen = _Seen() if seen is None else seen
    if seen.word_errors and _word_error(element):
        current.append(_Gap.of([]))
        return
    inside = titled or element.tag in _HEADINGS or element.tag in ("td", "th")
    if ((element.tag == "sup" or _SUPERSCRIPT.search(element.get("style", "")))
            and _add_raised(current, element.text_content())):
        return
    # an equation displayed apart is a paragraph of its own (MathML's display="block")
    # and so is a tab's label, a title over its panel
    is_block = isinstance(element.tag, str) and (element.tag in _BLOCKS or element.tag == "math"
                                                 and element.get("display") == "block" or element.get("role") == "tab")
    if is_block:
        _flush(read, current, titled)
    if element.tag == "table":
        read.open_table()
    if element.tag == "pre":  # preformatted: its lines are lines, as a text file's are
        for line in element.text_content().splitlines():
            _flush(read, [line], True)
        return
    # a tab's label is its panel's title, a link or not (ARIA's role on it, or on its item: jQuery UI's); an anchor
    # (``<a name="_Toc…">``, ``<a id>`` with no address: a link's target, as Word's pages wrap each heading a table of
    # contents links to) is no link, and the heading it wraps is no menu's
    linked = linked or (element.tag == "a" and "tab" not in (element.get("role"), element.getparent().get("role"))
                        and not _anchor(element))
    text = _Linked if linked else str
    # a linked image's description names the link (a logo, a badge); one hidden from screen readers is decoration
    if element.tag == "img" and not linked and element.get("aria-hidden") != "true" and element.get("role") not in (
            "presentation", "none"):
        current.append(_Gap.of([] if _beside_a_datum(element, seen) else [
            description for description in image_descriptions(element.get("alt"), element.get("title"))
            if not _said_beside(description, element, seen)]))
    if element.tag == "br":  # a line break, as a word processor's (``_line_breaks``); a page break Word saved ends
        if _PAGE_BREAK.search(element.get("style", "")):  # a paragraph, as in a DOCX
            _flush(read, current, inside)
        else:
            current.append(LINE_BREAK)
    if element.text:
        current.append(text(element.text))
    cells = []
    heading = None  # the last heading among the children: [its first paragraph, its end, link items seen by then]
    # a table's footer shows under its body wherever it is written (HTML 4 wrote it first)
    children = (sorted(element, key=lambda child: child.tag == "tfoot") if element.tag == "table" else element)
    for child in children:
        if child.tag in _HEADINGS:
            _drop_heading_over_links(read, current, heading, seen)
            _flush(read, current, inside)  # the text before the heading, which the heading's start would end
            # the first heading is the page's title, whatever follows it (a table of its sections, its sharing bar)
            heading = [len(read.paragraphs), None, 0] if seen.headings else None
            seen.headings += 1
        start = len(read.paragraphs)
        _collect_blocks(child, read, current, linked, seen, inside)
        if heading is not None and heading[1] is None:
            heading[1], heading[2] = len(read.paragraphs), seen.link_items
        if child.tag in ("td", "th"):
            cells.append((range(start, len(read.paragraphs)), column_span(child.get("colspan", "1").strip()),
                          _row_span(child.get("rowspan", "1").strip())))
        if child.tail:
            current.append(text(child.tail))
    _drop_heading_over_links(read, current, heading, seen)
    if is_block and not _flush(read, current, inside) and any(a.tag in _LISTS for a in element.iterancestors()):
        seen.link_items += 1  # an item of a list of links, or a link's paragraph in one
    if element.tag == "tr":
        header = element.getparent().tag == "thead" or bool(cells) and all(child.tag == "th" for child in element
                                                                            if child.tag in ("td", "th"))
        read.add_row(_placed(cells, seen.covered.setdefault(element.getparent(), {})), header)
    elif element.tag == "table":
        read.close_table()


def _beside_a_datum(image, seen: _Seen) -> bool:
    """Whether ``image`` stands beside the text of its table's cell, a datum (``DATUM_WORDS``): a flag beside its
    country's name (*Drapeau de la France*), a file's type beside a document's title (*PDF*), a trend's arrow beside an
    amount. Its description would be a paragraph of the cell's own, which leaves the row out of the table's rows
    (``_Reading.add_row``: a list of abbreviations, a column of amounts); a cell holding the image alone is read."""
    cell = next(image.iterancestors("td", "th"), None)
    if cell is None:
        return False
    words = _block_words(cell, seen).split()
    return 0 < len(words) <= DATUM_WORDS


def _block_words(block, seen: _Seen) -> str:
    """The words of ``block``, lower case, between spaces; read once a block (a gallery's thousand images in one)."""
    if block not in seen.beside:
        seen.beside[block] = " " + " ".join(re.findall(r"\w+", block.text_content().casefold())) + " "
    return seen.beside[block]


def _said_beside(description: str, image, seen: _Seen) -> bool:
    """Whether an image's ``description`` says again, but for case and punctuation, words of the block the image
    stands in (its ``<figure>``, else its paragraph, its cell, its caption's ``div``): a caption repeated as the alt
    (WordPress writes the caption as both), a flag beside its country's name."""
    block = next(image.iterancestors("figure"), None)
    if block is None:
        block = next((ancestor for ancestor in image.iterancestors() if ancestor.tag in _BLOCKS), None)
    if block is None:
        return False
    words = " ".join(re.findall(r"\w+", description.casefold()))
    return bool(words) and f" {words} " in _block_words(block, seen)


# the rows a cell spans at most (HTML's limit), and those ``rowspan="0"`` spans: all the rows left in its group
_MAX_ROW_SPAN = 65534


def _row_span(count: str) -> int:
    """The rows a table's cell covers, as its ``rowspan`` says: 1 for none or nonsense."""
    if count.isdecimal():
        return min(int(count), _MAX_ROW_SPAN) or _MAX_ROW_SPAN
    return 1


def _placed(cells: list[tuple[range, int, int]], covered: dict[int, int]) -> list[tuple[range, int]]:
    """A row's ``cells`` (paragraphs read, columns and rows spanned) placed in their columns: a column that a cell of a
    row above covers (``covered``: the rows it covers yet, by column, which this updates) holds an empty cell, that the
    row's own cells after it stand in the columns they show in, as Word's and ODF's tables write them."""
    placed: list[tuple[range, int]] = []
    taken = {column for column, left in covered.items() if left > 0}
    column = 0
    for paragraphs, span, rows in cells:
        while column in taken:
            placed.append((range(paragraphs.start, paragraphs.start), 1))
            column += 1
        placed.append((paragraphs, span))
        for spanned in range(column, column + span):
            covered[spanned] = rows  # this row's included, counted off below
        column += span
    for spanned in covered:
        covered[spanned] = max(covered[spanned] - 1, 0)
    return placed


def _drop_heading_over_links(read: _Reading, current: list[str], heading: list | None, seen: _Seen) -> None:
    """Leave out the heading of a section that held nothing but a list of links (*Related news*, *Articles
    connexes*, *Voir aussi*), links ``_flush`` left out: with them, it is the page's navigation, not its
    article. A heading over text, over nothing, over links beside text is kept, and so is the page's first.
    ``heading``: where the heading's paragraphs start and end in ``read``, and how many list items of links
    had been left out when it ended."""
    if heading is None:
        return
    start, end, link_items = heading
    if end == len(read.paragraphs) and not "".join(current).strip() and seen.link_items > link_items:
        del read.paragraphs[start:end]


def _without_link_bar(current: list[str]) -> list[str]:
    """A paragraph's parts less the links it strings together with its own text between bars (a date line
    and the page's tools: *12 juin 2026 - | Imprimer | Envoyer par courriel*): each piece between two bars
    that is a link alone goes, with the bars and dashes left dangling; a paragraph that is all such links,
    or has no bar, is as it was."""
    pieces: list[list[str]] = [[]]
    for part in current:
        if isinstance(part, _Linked):
            pieces[-1].append(part)
            continue
        first, *others = _LINK_BAR.split(part)
        pieces[-1].append(first)
        pieces.extend([other] for other in others)
    links = [any(c.isalnum() for c in "".join(piece))
             and not any(c.isalnum() for part in piece if not isinstance(part, _Linked) for c in part)
             for piece in pieces]
    if len(pieces) < 2 or not any(links) or all(links):
        return current
    kept = [piece for piece, link in zip(pieces, links) if not link]
    parts = [part for piece in kept for part in [*piece, " | "]][:-1]
    while parts and not _ASCII_SPACE.sub("", parts[-1]).strip(" |-–—"):
        parts.pop()
    if parts and not isinstance(parts[-1], _Linked):
        parts[-1] = parts[-1].rstrip(" |-–—")
    return parts


def _flush(read: _Reading, current: list[str], titled: bool = False) -> bool:
    """The text gathered so far is a paragraph, unless it is links: a menu, a breadcrumb, a bar of
    sharing buttons, a list of related pages, a footer's links, where a page marks none of them as such.
    Links make half its letters or more (jusText's link density, Pomikálek 2011) and it has no more than
    ``_NAVIGATION_WORDS`` words of its own (*Partager :*), where a sentence citing links has its own
    (*Le Conseil a publié* | *son rapport* | *et* | *une carte*). A page's date stamp (``_stamp_line``) is left out
    too, but in a heading or a table's cell (``titled``), as the element's rule leaves them (``_date_stamp``): text
    among blocks, in an element that says nothing, is a paragraph only as gathered."""
    descriptions = [description for part in current if isinstance(part, _Gap) for description in part.descriptions]
    following = ""  # the first character after the part, read from the end: once, for a paragraph of a thousand images
    for index in range(len(current) - 1, 0, -1):
        part = current[index]
        if (isinstance(part, _Gap) and following and following in _CLOSING
                and not isinstance(current[index - 1], (_Gap, _Linked))):  # the sentence closes where its images stood
            current[index - 1] = current[index - 1].rstrip()  # (*l’image .*)
        following = part[:1] or following
    text = _ASCII_SPACE.sub(" ", "".join(current)).strip()
    own = "".join(part for part in current if not isinstance(part, _Linked))
    letters, own_letters = sum(c.isalnum() for c in "".join(current)), sum(c.isalnum() for c in own)
    own_words = sum(any(c.isalnum() for c in word) for word in own.split())
    navigation = 2 * own_letters <= letters and own_words <= _NAVIGATION_WORDS
    if text and not navigation:  # a bar of links with a label (*Partager : | Facebook | X*) went whole
        kept = _ASCII_SPACE.sub(" ", "".join(_without_link_bar(current))).strip()
        if titled or not _stamp_line(kept):
            read.add(kept)
    for description in descriptions:
        if description.casefold() != text.casefold():  # an icon beside its label (a flag and its country's name)
            read.add(description)
    current.clear()
    return not (text and navigation)  # whether it was no links


