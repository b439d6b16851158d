"""What every reader shares: a document's paragraphs as they are read (``_Reading``), each line a
paragraph of bounded length, and plain text told from markup and binary data."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable

from ...errors import Invalid
from ..langid import _FUNCTION_WORDS, PHRASE_OPENERS
from ..normalize import visible
from ..segment import LIST_MARKER


# about 15,000 words: ten times the longest paragraph of a real report, far below a runaway line
MAX_PARAGRAPH_CHARS = 100_000

# C0 controls other than tab, line feed, vertical tab, form feed and carriage return mean binary data
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MARKUP_START = re.compile(r"\s*<(\?xml|!doctype|html)", re.IGNORECASE)
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")  # collapse HTML whitespace, but keep no-break spaces

# A line break inside a paragraph (Word's and PowerPoint's Shift+Enter: w:br, a:br; ODF's text:line-break;
# HTML's <br>), as every reader gives it to ``_Reading.add``: Unicode's LINE SEPARATOR. A page's or column's
# break, a paragraph's end are "\n". ``_line_breaks`` decides what each is, the one rule for every format.
LINE_BREAK = "\u2028"
_BREAK = re.compile(r"[ \t]*\u2028[ \t]*")
# a line that ends a sentence, introduces a list or ends one of its items, with its closing quote or bracket
_ENDS_UNIT = re.compile(r"[.!?…:;][\"'»”’)\]]*$")
_LETTER_ITEM = re.compile(r"[a-z][.)]\s")  # a list item lettered a), b)
# a line's last word, elided or not (*de*, *l’*), not a pronoun after its verb's hyphen (*fais-le*)
_LINE_END_WORD = re.compile(r"(?<![\w-])(\w+)['’]?$")
_OPENERS = frozenset().union(*PHRASE_OPENERS.values())
_FUNCTION_WORD_SET = frozenset().union(*_FUNCTION_WORDS.values())
# characters of a text's end that the rules reading it look at (its last word or bracketed group, the punctuation
# and quotes after it, many times over): a paragraph of thousands of line breaks or raised numbers is not read
# whole again at each
_LINE_END = 200


def column_span(count: str) -> int:
    """The columns a table's cell covers, as its file writes the number (DOCX ``gridSpan``, ODT
    ``number-columns-spanned``, HTML ``colspan``): 1 for none or nonsense, at most 64."""
    return min(int(count), 64) if count.isdecimal() and int(count) > 0 else 1


def refuse_control_characters(text: str, path: str) -> None:
    """Refuse a text holding C0 control characters (``_CONTROL``): binary data, said with its line."""
    if match := _CONTROL.search(text):
        line = text.count("\n", 0, match.start()) + 1
        raise Invalid(f"binary data, not text (control character U+{ord(match.group()):04X})", path=path, line=line)


def _text_paragraphs(text: str, path: str) -> list[str]:
    if _MARKUP_START.match(text):
        raise Invalid(
            "is XML or HTML markup, not plain text (name HTML pages .html; TMX, XLIFF and TBX files are "
            "imported, not read as documents)",
            path=path,
        )
    refuse_control_characters(text, path)
    unwrapped = _unwrapped(text)
    return _paragraphs([unwrapped], path, numbered=unwrapped is text)


# a text wrapped at a fixed width (an e-mail's lines, a licence's, what fmt or pdftotext writes) breaks its lines where
# the width fell, mid-sentence: its lines are no paragraphs. Told by its lines: their width (the 95th percentile's
# length, a stray long line aside) between the widths wrappers use, and of its lines that end no sentence, three or
# more and most of them near the width (80 % of it or more: a title, a salutation, a list's label end none and are
# short, a list of titles or a poem's lines are as long as they are, not near one width)
_WRAP_WIDTHS = range(60, 101)
_WRAP_PERCENTILE = 0.95
_FUNCTION_END_SHARE = 0.2
_LONG_LINE = 0.8
# a line whose words are set in columns (a plain-text table's row: a tab or three spaces between two of them), which no
# wrapper writes: it ends its paragraph, as a row is a line of its own
_COLUMNS = re.compile(r"\S(?:\t| {3,})\S")
# a line that starts a list's item or a numbered clause, which its writer put on a line of its own: its dash, its
# bullet (the segmenter's list marker, ``segment.LIST_MARKER``: ● ➢ ✓, Word's pasted as private-use codes), its number
# or letter, which the segmenter keeps as the item's text
_ITEM_START = re.compile(rf"\s*(?:{LIST_MARKER}|\(?(?:\d{{1,3}}(?:\.\d{{1,3}})*|[a-z]|[ivx]{{1,5}})[.)]\s)")
_FIRST_WORD = re.compile(r"\s*(\S+)")
_QUOTE = re.compile(r"[ \t]*>(?:[ \t]?>)*[ \t]?")


def _quote_marks(line: str) -> str:
    """The marks an e-mail's reply puts before each line it quotes (``>``, ``>>``, ``> >``), as one key: lines run on
    within one quotation only, its marks left out where they do."""
    marks = _QUOTE.match(line)
    return re.sub(r"\s", "", marks.group()) if marks else ""


def _unquoted(line: str) -> str:
    marks = _QUOTE.match(line)
    return line[marks.end():] if marks else line


def _ended(line: str) -> bool:
    """Whether ``line`` (right-stripped) ends its paragraph whatever its width: it ends a sentence, or is a table's row
    (``_COLUMNS``)."""
    return bool(_ENDS_UNIT.search(line) or _COLUMNS.search(line))


def _unwrapped(text: str) -> str:
    """``text`` itself, unless it is wrapped at a fixed width (``_WRAP_WIDTHS``); then its lines joined into the
    paragraphs they wrap. A line runs on into the next where the next line's first word would not have fitted on it
    (within two characters of the width: a wrapper breaks there only), or where it is long and ends no sentence (a
    writer wrapping by hand leaves a ragged edge); not before a blank line nor before a list's item. Lines run on with a
    space, or none after a hyphen (a wrapper breaks after a compound's hyphen, *état-*/*major*, and hyphenates no
    word), the next line's indentation left out."""
    lines = text.splitlines()
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 4:
        return text
    width = lengths[int(_WRAP_PERCENTILE * (len(lengths) - 1))]
    unended = [line.rstrip() for line in lines if line.strip() and not _ended(line.rstrip())]
    long = sum(len(line) >= _LONG_LINE * width for line in unended)
    if width not in _WRAP_WIDTHS or long < 3 or 2 * long <= len(unended):
        return text
    # a wrapper breaks a sentence where the width falls, between any two of its words: the lines that would run on end
    # with a function word often (*de*, *the*, *der*), go on with a word in lower case mostly; each line of a list of
    # titles ends with a noun and starts with a capital
    breaks = [(line.rstrip(), after.lstrip()[:1]) for line, after in zip(lines, lines[1:])
              if len(line.rstrip()) >= _LONG_LINE * width and not _ended(line.rstrip()) and not _ITEM_START.match(after)]
    function_ends = sum(bool(word := _LINE_END_WORD.search(line)) and word.group(1).casefold() in _FUNCTION_WORD_SET
                        for line, _ in breaks)
    if (sum(start.isupper() for _, start in breaks) > sum(start.islower() for _, start in breaks)
            and _FUNCTION_END_SHARE * len(breaks) > function_ends):
        return text
    joined: list[str] = []
    ran_on = False
    quotes = [_quote_marks(line) for line in lines] + [""]
    for index, original in enumerate(lines):
        after = lines[index + 1] if index + 1 < len(lines) else ""
        line = _unquoted(original).strip() if ran_on else original.rstrip()
        length, word = len(original.rstrip()), _FIRST_WORD.match(_unquoted(after))
        ran_on = (bool(line) and quotes[index] == quotes[index + 1] and word is not None
                  and not _ITEM_START.match(_unquoted(after)) and (
                      length + 1 + len(word.group(1)) > width - 2
                      or (length >= _LONG_LINE * width and not _ENDS_UNIT.search(line)))
                  and not _COLUMNS.search(line) and not _COLUMNS.search(after))
        joined.append(line + ("\n" if not ran_on else "" if line[-1] == "-" and line[-2:-1].isalpha() else " "))
    return "".join(joined)


def _paragraphs(blocks: Iterable[str], path: str, *, numbered: bool = False) -> list[str]:
    """Each line of each block is a paragraph; stripped, empty ones dropped, and without the characters
    that show nothing (``visible``).

    A line longer than ``MAX_PARAGRAPH_CHARS`` is refused: it is data, not prose, and segmenting and
    aligning it would take minutes. ``numbered``: the lines are the file's, so the error names one.
    """
    paragraphs = []
    for number, line in enumerate((line for block in blocks for line in block.splitlines()), 1):
        if len(line) > MAX_PARAGRAPH_CHARS:
            raise Invalid(
                f"a paragraph {len(line):,} characters long (at most {MAX_PARAGRAPH_CHARS:,} are read); "
                "is this a document?",
                path=path,
                line=number if numbered else None,
            )
        line = visible(line).strip()
        if line:
            paragraphs.append(line)
    return paragraphs


def _line_breaks(block: str) -> str:
    """``block`` with each of its line breaks (``LINE_BREAK``) a space where the sentence runs on across it,
    else the end of a paragraph.

    Writers break a line by hand for two reasons: to wrap a sentence or a title where they want it on the
    page or the slide (*Dépenses de défense* / *en pourcentage du PIB*), and to set lines apart that are
    units of their own: an address, a signature, a list typed as lines, a title over its subtitle, a
    sentence per line on a slide. A CAT tool's segment should hold the first as one sentence and the second
    as one segment a line, as the translation, wrapped elsewhere, is segmented too. The line after a break
    runs on when it is no lettered item (*a)*) and the line before does not end a sentence, introduce a list or
    end one of its items (``. ! ? … : ;``), and either it starts with a lower-case letter or the line before
    ends with a word that never ends a sentence nor a title, an article, a determiner, a preposition, a
    conjunction (``langid.PHRASE_OPENERS``: *rencontre le* / *Président du Conseil*); else, a capital, a digit, a
    bullet, a script without case, two breaks in a row, the break ends the paragraph, as a paragraph's mark
    would. Plain text has no such breaks: its lines are its paragraphs, unless it is wrapped at a width
    (``_unwrapped``)."""
    lines = _BREAK.split(block)
    text = [lines[0]]
    # the end of the line the text ends with (_LINE_END), all the rules read of it
    before = lines[0].rpartition("\n")[2][-_LINE_END:]
    for line in lines[1:]:
        runs_on = (before and line and not _ENDS_UNIT.search(before) and not _LETTER_ITEM.match(line)
                   and (line[:1].islower() or _opens_phrase(before)))
        joint = "" if runs_on and before[-1] in "'’" else " " if runs_on else "\n"  # l’⏎OTAN: l’OTAN
        text += (joint, line)
        before = (before + joint + line if runs_on and "\n" not in line else line.rpartition("\n")[2])[-_LINE_END:]
    return "".join(text)



def _opens_phrase(line: str) -> bool:
    """Whether ``line`` ends with a word that opens a phrase (``PHRASE_OPENERS``), as written in lower case or
    capitalised (*Le*, not *A* of *Plan A*)."""
    word = _LINE_END_WORD.search(line)
    return word is not None and (word.group(1) in _OPENERS or (
        len(word.group(1)) > 1 and word.group(1).istitle() and word.group(1).lower() in _OPENERS))


# what a note's call raised above the line reads: its number, or several (3,4; 3-5), bracketed or not, or its sign
_CALL = re.compile(r"\s*\[?\s*(?:\d{1,3}(?:\s*[,–-]\s*\d{1,3})*|[*†‡§]{1,3})\s*\]?\s*")
# units a number raised after is the power of (km², ft³); a number raised after one letter is a power too (m², x²)
_UNITS = {"mm", "cm", "dm", "km", "µm", "μm", "nm", "ft", "in", "yd", "mi"}
_LAST_WORD = re.compile(r"(\w+)$")
# what a number is a power's base after: nothing, an operator, a relation, an opening bracket (*3² + 4² = 5²*)
_IN_EXPRESSION = re.compile(r"(?:^|[-+=−×·*/÷^<>≤≥≈≠±(\[])\s*$")
# a bracketed group at the end of the text, and what makes its content an expression: an operator, or a minus by a
# letter (*(a+b)*, *(n-1)*, *(2·5)*; not *(2024-2025)*), and no word (*(voir l’annexe)*, *(OTAN)*)
_LAST_GROUP = re.compile(r"[(\[]([^()\[\]]*)[)\]]$")
_OPERATOR = re.compile(r"[+=−×·*/÷^]|[^\W\d_]\s*-|-\s*[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _note_call(before: str, raised: str) -> bool:
    """Whether ``raised``, text set in superscript after the paragraph's text ``before``, is a note's call (or a
    note's own mark, at the start of its paragraph), which is no part of the word it follows: a number or a sign
    after a word of two letters or more (*l’Alliance³*, *OTAN²*), after a year (*en 2024²*), after a number in a
    sentence but a square's or a cube's (*l’article 5⁴*), after punctuation, a closing bracket or quotation mark, a
    space; a sign (*, †, ‡, §) anywhere. Not a power, a number after what it raises to it: one letter, a unit (*m²*,
    *km³*, *x²*), 10 (*10⁶*), a number in an expression, at its start or after an operator or a bracket
    (*3² + 4² = 2⁵ - 7*), a number in a sentence raised to 2 or 3 (*on a 5² = 25*), a bracketed expression
    (*(a+b)²*); nor letters (*1er*, *Mme*, *XIXe*, *nº*)."""
    if not _CALL.fullmatch(raised):
        return False
    if not any(character.isdigit() for character in raised):
        return True
    word = _LAST_WORD.search(before)
    if word is None:
        group = _LAST_GROUP.search(before)
        return group is None or not _OPERATOR.search(group.group(1)) or bool(_WORD.search(group.group(1)))
    text = word.group(1)
    if text.isdigit():
        return text != "10" and (len(text) == 4 or not (_IN_EXPRESSION.search(before[:word.start()])
                                                         or raised.strip() in ("2", "3")))
    return not text[-1].isdigit() and len(text) > 1 and text not in _UNITS


# a power typed in superscript, and its digits and signs as Unicode's superscript characters write them
_POWER = re.compile(r"[0-9+\-−=()]+")
_SUPERSCRIPTS = str.maketrans("0123456789+-−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")


def _add_raised(parts: list[str], raised: str) -> bool:
    """Add to ``parts``, a paragraph's text so far, what ``raised``, text set in superscript after it, reads as:
    nothing when it is a note's call (``_note_call``), a power in Unicode's superscript digits (*m²*, *10⁶*,
    *10⁻³*), where its plain digits would read as another number (*m2*, *106*); whether it did. Raised letters
    (*1er*, *Mme*, *XIXe*) are read as any text is, as they are typed."""
    if _note_call(_text_end(parts), raised):
        return True
    if _POWER.fullmatch(raised.strip()):
        parts.append(raised.strip().translate(_SUPERSCRIPTS))
        return True
    return False


def _text_end(parts: list[str]) -> str:
    """The last ``_LINE_END`` characters of the text ``parts`` make, joined from its last parts only; a text cut is
    marked so (…), that its cut is not taken for its start (a number at a paragraph's start is a note's own mark)."""
    end: list[str] = []
    size = 0
    for part in reversed(parts):
        end.append(part)
        size += len(part)
        if size > _LINE_END:
            return "…" + "".join(reversed(end))[-_LINE_END:]
    return "".join(reversed(end))


def _raised(position: str | None) -> bool:
    """Whether a run's position raises it above the line: ODF's ``style:text-position`` (``super 58%``,
    ``33% 58%``; not ``sub 58%``, ``-33% 58%``), DrawingML's ``baseline`` (``30000``, ``30%``)."""
    first = (position or "").split()[:1]
    if first == ["super"]:
        return True
    try:
        return bool(first) and float(first[0].rstrip("%")) > 0
    except ValueError:
        return False


# a table's cell holding a quantity alone (*12*, *3,5 %*, *1 234*, *1.234.567*, *-0.5*, *2024*): the table's data,
# which CAT tools (OmegaT, Trados, memoQ) offer for no translation. A quantity groups its thousands by threes, with one
# separator, and has one decimal part; a date (*12/03/2024*, *12.05.2024*), a phone number (*+32 2 707 41 11*, *02 707
# 41 11*), which translators localise, a unit or a word beside it do not read as one and are text
_NUMBER_ONLY = re.compile(r"[-+−±]?(?:(?:[1-9]\d{0,2}(?P<group>[\s.,\u202f])\d{3}(?:(?P=group)\d{3})*|[1-9]\d*|0)"
                          r"(?:[.,]\d+)?|0\d+)\s?[%‰]?")
# a time of day as an agenda writes it with a dot (*9.30*, *10.30*, *14.00*: hours 0–23, minutes 00–59), which a
# translator localises as a date (*10:30*, *10 h 30*) but which reads as an amount with two decimals too (*10.30 €*)
CLOCK_TIME = r"(?:[01]?\d|2[0-3])\.[0-5]\d"
_CLOCK_TIME = re.compile(CLOCK_TIME)
# an agenda's column of times goes back at most once in this many steps (a day's end to the next day's morning)
_BACK_IN_TIME = 3
# a column's header (its text above its first number) naming money, a price, a cost, an amount, a currency, in the
# languages of the documents read: its numbers are amounts, however they are ordered (a price list going up, *9.50*,
# *10.00*, *12.50*, *14.00*, under *Prix (€)*), never an agenda's times
_MONEY_HEADER = re.compile(
    r"[$€£¥₣₤₩₪₫₴₹₺₽₿]|\b(?:EUR|USD|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK|PLN|CZK|HUF|RON|TRY|RUB)\b"
    r"|(?i:\b(?:prix|co[uû]ts?|montants?|tarifs?|frais|d[ée]penses?|budgets?|prices?|costs?|amounts?|fees?|charges?"
    r"|expenses?|tariffs?|preis(?:e)?|betr[aä]ge?|kosten|geb[uü]hr(?:en)?|precios?|importes?|costes?|costos?|montos?"
    r"|tarifas?|prezz[oi]|import[oi]|cost[oi]|tariff[ae]|prijs|prijzen|bedrag(?:en)?|pre[cç]os?|custos?)\b)")


# what describes no image: a file's name (*IMG_2041.jpg*, *C:\Users\…\carte.png*: Word 2007 and 2010 wrote the picture's file
# as its description, CMSs the upload's name), the word GitHub writes for a picture pasted in (*image*), and the
# description Word 365 writes by itself, a list of what it saw (*Une image contenant texte, Police, logo* ending in
# *Description générée automatiquement*), in the languages of its interface
_FILE_NAME = re.compile(r".*\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|emf|wmf)", re.IGNORECASE)
# (*… Description automatically generated with low confidence*), and since 2024 the warning it ends them with instead
# (*Une image contenant carte, texte Le contenu généré par l’IA peut être incorrect.*, *Ein Bild, das Text enthält.
# KI-generierte Inhalte können fehlerhaft sein.*)
_MACHINE_DESCRIPTION = re.compile(
    r".*(?:(?:description (?:automatically generated|générée automatiquement)|automatisch generierte beschreibung"
    r"|descripción generada automáticamente|descrizione generata automaticamente"
    r"|descrição gerada automaticamente|automatisch gegenereerde beschrijving)(?: (?:with|avec|mit|con|com|met) .{1,60})?"
    r"|ai-generated content may be incorrect|le contenu généré par l['’]ia peut être incorrect"
    r"|ki-generierte inhalte können (?:fehlerhaft|falsch) sein|el contenido generado por ia puede ser incorrecto"
    r"|il contenuto generato dall['’]ia potrebbe (?:non essere corretto|essere errato))\.?", re.IGNORECASE | re.DOTALL)


# the words of a table's cell that is a datum (a country's name, an amount, a document's title), not a page laid out
# in a cell: an image beside them is their decoration (HTML's ``_beside_a_datum``, ``_Walk._cell_descriptions``)
DATUM_WORDS = 12


def image_descriptions(*texts: str | None) -> list[str]:
    """An image's descriptions to read, of its ``texts`` (its alternative text, then its title: HTML's ``alt`` and
    ``title``, Markdown's description and title, a DOCX's ``descr`` and ``title``, an ODT's ``svg:desc`` and
    ``svg:title``): the author's words, which the CAT tools extract (OmegaT's, Okapi's HTML filters) and a page reads to
    those who cannot see it, each read once, as a paragraph of its own after the one the image stands in. None
    that describes no image (``_FILE_NAME``, ``_MACHINE_DESCRIPTION``, *image*)."""
    kept: list[str] = []
    for text in texts:
        text = " ".join((text or "").split())
        if (text and text.casefold() != "image" and not _FILE_NAME.fullmatch(text)
                and not _MACHINE_DESCRIPTION.fullmatch(text)
                and text.casefold() not in (known.casefold() for known in kept)):
            kept.append(text)
    return kept


def said_beside(descriptions: list[str], *texts: str) -> list[str]:
    """``descriptions`` (``image_descriptions``) less those that ``texts`` say again but for case and punctuation:
    the picture's paragraph, the caption under or over it (an author copies *Carte des zones d’exercice* from *Figure 1 :
    Carte des zones d’exercice* into the picture's alternative text, as accessibility checkers ask)."""
    def words(text: str) -> str:
        return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "

    beside = words(" ".join(texts))
    return [description for description in descriptions if words(description) not in beside]


@dataclass(slots=True)
class _Reading:
    """A document's paragraphs as its blocks are read, and its table rows (``Document.rows``)."""

    path: str
    paragraphs: list[str] = field(default_factory=list)
    rows: list[tuple[int, ...]] = field(default_factory=list)
    # the paragraphs read so far of the parts whose paragraphs are read once each (headers and footers), or None
    once: set[str] | None = None
    # the tables being read (``open_table``), inner ones last: each its cells read as a number alone
    # (``_NUMBER_ONLY``), by their column and their paragraph
    tables: list[list[tuple[int, int]]] = field(default_factory=list)
    # how many ``rows`` each table being read found kept before it: the rows its numbers' leaving moves
    rows_before: list[int] = field(default_factory=list)
    # each table's columns with a number or a header naming money (``_MONEY_HEADER``) above their first number: whether
    # their header names money; a column is weighed once, where a set of the numbered columns built again for each row
    # made a long table's reading quadratic
    headers: list[dict[int, bool]] = field(default_factory=list)
    # whether each table being read is still before a row of its header, where the format marks none (``add_row``): its
    # first row that is no title spanning it whole, and the row under a header's cell spanning columns (their names)
    before_header: list[bool] = field(default_factory=list)

    def add(self, block: str) -> None:
        for paragraph in _paragraphs([_line_breaks(block)], self.path):
            if self.once is not None:
                if paragraph in self.once:
                    continue
                self.once.add(paragraph)
            self.paragraphs.append(paragraph)

    def open_table(self) -> None:
        """A table starts: its rows follow (``add_row``), then its end (``close_table``)."""
        self.tables.append([])
        self.rows_before.append(len(self.rows))
        self.headers.append({})
        self.before_header.append(True)

    def add_row(self, cells: Iterable[tuple[range, int]], header: bool = False) -> None:
        """A table row, each cell (empty ones too, that the cells keep their columns) the range of paragraphs read
        from it and the columns it spans; kept when each cell with text is one paragraph (a cell holding a table is not
        a column of text). Its cells that are a number alone are weighed when the table ends (``close_table``), by
        their first column, and a header naming money names each column it spans, but a title spanning the whole row.
        A header is the table's first row under its titles and empty rows (and the row under it where a cell of it
        spans columns, *Prix (€)* over *Adulte* and *Enfant*), or a row the format marks as one (``header``: HTML's
        ``<thead>`` or ``<th>`` cells, Word's repeated header rows, ODF's ``table:table-header-rows``): a body cell
        naming money (*Séance sur les dépenses de défense* over an agenda's times, *Budget* beside one) names no column.
        A row read outside a table opened is a table of its own."""
        cells = list(cells)
        if not self.tables:
            self.open_table()
            self.add_row(cells, header)
            return self.close_table()
        headers, width, column = self.headers[-1], sum(span for _, span in cells), 0
        filled = [span for cell, span in cells if cell]
        title = width > 1 and filled == [width]
        header = header or (self.before_header[-1] and bool(filled) and not title)
        if filled and not title:  # an empty row is no header either
            self.before_header[-1] = self.before_header[-1] and any(1 < span < width for cell, span in cells if cell)
        for cell, span in cells:
            if len(cell) == 1 and _NUMBER_ONLY.fullmatch(self.paragraphs[cell.start]):
                self.tables[-1].append((column, cell.start))
                headers.setdefault(column, False)
            elif (header and (span == 1 or span < width)
                  and any(_MONEY_HEADER.search(self.paragraphs[index]) for index in cell)):
                for spanned in range(column, column + span):
                    headers.setdefault(spanned, True)
            column += span
        cells = [cell for cell, _ in cells if cell]
        if cells and all(len(cell) == 1 for cell in cells):
            self.rows.append(tuple(cell.start for cell in cells))

    def _unordered_times(self, columns: set[int], numbers: list[tuple[int, int]]) -> set[int]:
        """Which of the ``columns`` whose numbers are all shaped as times (``numbers``: by column and paragraph, in the
        rows' order) go back in time too often to be an agenda's: an agenda follows the day, going back once a day
        (a second day's morning), where amounts with two decimals shaped as times (*12.50*, *8.00*, *15.40*) go up
        and down as they come."""
        unordered = set()
        for column in columns:
            minutes = [int(hours) * 60 + int(rest) for hours, rest in (
                self.paragraphs[index].split(".") for number_column, index in numbers if number_column == column)]
            back = sum(later < earlier for earlier, later in zip(minutes, minutes[1:]))
            if back and _BACK_IN_TIME * back > len(minutes) - 1:
                unordered.add(column)
        return unordered

    def close_table(self) -> None:
        """The table read last ends: its cells that are a number alone are left out, their paragraphs with them, but a
        time of day's (``_CLOCK_TIME``: an agenda's *10.30*) in a column whose every number is one, in the day's
        order (``_unordered_times``). A column of times is an agenda's or a timetable's, each time beside its item,
        which the translator localises; a number that is no time (*8.75*, *125*) in its column says its *10.30* is an
        amount, and so does a header naming money above the column's numbers (``_MONEY_HEADER``: *Prix (€)*, *Cost*),
        where a price list going up reads as a day. The table's paragraphs are the last read but for the footnotes
        after it, those of a table inside one of its cells, left out already, before them."""
        numbers, before, headers = self.tables.pop(), self.rows_before.pop(), self.headers.pop()
        self.before_header.pop()
        amounts = {column for column, index in numbers if not _CLOCK_TIME.fullmatch(self.paragraphs[index])}
        amounts |= {column for column, money in headers.items() if money}
        amounts |= self._unordered_times({column for column, _ in numbers} - amounts, numbers)
        dropped = sorted(index for column, index in numbers if column in amounts)  # a number no time made its column one
        if not dropped:
            return

        def moved(index: int) -> int:
            return index - bisect_left(dropped, index)

        for index in reversed(dropped):
            del self.paragraphs[index]
        gone = set(dropped)
        # the rows kept before the table hold the paragraphs read before it only: those after them move
        rows = (tuple(moved(index) for index in row if index not in gone) for row in self.rows[before:])
        self.rows[before:] = [row for row in rows if row]
        self.tables = [[(column, moved(index)) for column, index in table] for table in self.tables]
