"""Glossaries as tables: OmegaT's tab-separated glossary and CSV with a header row.

The OmegaT TSV (``source<TAB>target<TAB>comment``, UTF-8, no header, ``#`` lines skipped — what OmegaT's
``GlossaryReaderTSV`` reads) holds one French–English pair a line: it is for translators' tools, and
loses whatever an entry holds beyond its pairs and a one-line comment. It has no status column, so the
comment of an entry that is not approved starts with its status (``candidate, not reviewed``), which
translators see in OmegaT's glossary pane; reading takes it back, and a line without one is approved.
A pair holding a deprecated term says so next (``deprecated: mine hunter``; a rejected entry's label says it
of all its terms), read back too.

The CSV holds one entry a row and loses nothing: the columns a person reads and edits in a spreadsheet
(the first French term and its English pair, status, scores, definition, note, first context …), and a
``details`` column, JSON, with the rest (further terms, term attributes, further contexts, and whose
term the ``pos`` and ``gender`` cells describe, so that they stay its own when a person moves the columns).
An empty cell and a missing value are the same thing.

Reading accepts either layout, with or without a header (column names ``fr``/``en``, ``FR-FR``,
``Français``/``English term``, ``source``/``target`` … in any order, case or accents), and plain
two-column files; an XLSX sheet is read the same way (:mod:`tmtool.formats.xlsx`). A header column that
names no field is passed over and reported; empty rows are skipped. A ``Forbidden`` column (Matecat's,
TRUE or FALSE) saying yes makes the row's terms deprecated. A term cell may hold several
terms, one a line, as the TSV holds one pair a line: in a table from elsewhere (no ``details`` column), and
in ours, where a line under the exported term is a synonym a person added.
A list of abbreviations (``Abbreviation;French;English``, ``Sigle``, ``Acronyme`` …) gives each entry
the acronym beside the full form of each language, in English too unless it is the French name's
initials only (*EMI* beside *État-major militaire international* is no English term).

Both pair terms by :func:`term_pairs` (the TSV's lines, the CSV's ``fr`` and ``en`` cells): an acronym
with an acronym, a full form with a full form — ``Force de réaction de l'OTAN``/``NATO Response Force``
and ``NRF``/``NRF``, never ``Force de réaction de l'OTAN``/``NRF`` while the English full form is there.

Written for another language pair (``tmtool export csv --srclang de --tgtlang fr``), its two languages
stand where French and English do, and the CSV's first two columns are named after them (``de``, ``fr``).
Read, a header column named by a language's code (``de``, ``es-ES``, ``pt_BR``) or its name, as people and
CAT tools write it (``Deutsch``, ``Spanish (Spain)``, memoQ's ``German`` and ``English_United_Kingdom``,
Glossary Converter's ``>>L<<German``: :func:`tmtool.langtags.language_named`), or by a code beside a word
(``Source (en-US)``, ``Term [fr]``) holds that language's terms: such a table is read in its own languages,
and one with columns in more than two keeps them all. A header may take two rows, each language's name over
the columns the row below names (``Term``, ``Definition``); a table without a header whose rows name their
languages after their terms (DeepL's glossary, ``battalion,bataillon,en,fr``) is read in those languages.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import unicodedata
from dataclasses import replace
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from ..errors import Invalid
from ..io.decoding import decode_western_text
from ..io.files import open_output
from ..io.xmlchars import not_xml
from ..langtags import base_language, known_language, language_named, term_locale
from ..model import (
    MULTILINGUAL, RESPONSIBLE_LABELS, Context, Entry, ReviewStatus, Term, TermType, UsageStatus, context_language, grammatical_gender, iso,
    parse_time, part_of_speech, place_contexts,
)
from ..text.normalize import french_only_acronym
from .skips import OnSkip, Skipped, Unusable, refuse

# A cell a spreadsheet would take for a formula (=, +, -, @, a tab or carriage return first; OWASP's CSV
# injection) is written after an apostrophe, which Excel and LibreOffice show as text, and read back
# without it; a cell already opening with apostrophes before such a character gets one more, so that
# every cell comes back as it was
_FORMULA_LIKE = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as a CSV a spreadsheet opens can hold it: never read as a formula (see ``_FORMULA_LIKE``)."""
    return "'" + cell if _FORMULA_LIKE.match(cell) else cell


def _unguarded(cell: str) -> str:
    """The inverse of :func:`spreadsheet_safe`."""
    return cell[1:] if _GUARDED.match(cell) else cell


CSV_COLUMNS = (
    "fr", "en", "status", "pos", "gender", "score", "frequency", "definition", "note",
    "context", "context_en", "document", "unit", "first_seen", "last_seen", "id", "details",
)  # fmt: skip

# Header names other tools use, for ours; compared folded (case, accents, spaces, "_" as "-": _folded_name)
_COLUMN_ALIASES = {
    "fr": ("fr", "french", "français", "french term", "terme français", "source", "src", "term", "source term",
           "terme", "terme source"),
    "en": ("en", "english", "anglais", "english term", "terme anglais", "target", "tgt", "translation",
           "target term", "traduction", "terme cible"),
    "note": ("note", "notes", "comment", "comments", "remarque", "remarques", "commentaire", "commentaires",
             "observations", "entry-note"),  # entry-note: memoQ
    "status": ("status", "statut"),
    # as TBX (partOfSpeech, grammaticalGender), MultiTerm and people name them
    "pos": ("pos", "part of speech", "partofspeech", "word class", "grammatical category", "catégorie grammaticale",
            "nature grammaticale", "wortart"),
    "gender": ("gender", "genre", "grammatical gender", "grammaticalgender", "genre grammatical", "genus"),
    # a row whose terms are not to be used (Matecat's glossary, Lokalise: TRUE or FALSE)
    "forbidden": ("forbidden", "interdit", "do not use"),
    # a list of abbreviations: the acronym beside its full forms (Abbreviation;French;English)
    "acronym": ("acronym", "acronyms", "acronyme", "acronymes", "abbreviation", "abbreviations", "abréviation",
                "abréviations", "abbr", "abbr.", "abbrev.", "sigle", "sigles", "short form", "forme abrégée"),
    # memoQ's entry fields the model has none for, kept as lines of the note (ENTRY_FIELD_LABELS): its term base
    # CSV names the client and project Entry_ClientID and Entry_ProjectID (memoQ's WS API documentation, "Term base
    # in CSV format"), people typing a table Entry_Client and Entry_Project; the example of use it writes after
    # each language's term, a context of that term, and the term's note and info (its matching settings), the
    # term's note (see read_rows, TERM_FIELDS)
    "subject": ("entry-subject", "subject", "subject field", "subjectfield", "subject area", "champ thématique"),
    "domain": ("entry-domain", "domain", "domaine"), "subdomain": ("subdomain", "sub-domain", "sous-domaine"),
    "client": ("entry-client", "entry-clientid"),
    "project": ("entry-project", "entry-projectid"), "example": ("term-example", "example of use"), "term-note": ("term-note",),
    "term-info": ("term-info",),
    # memoQ's Entry_ID: the entry's number in its term base (from 0, never changed), which memoQ shows as its ID;
    # a line of the note as the other entry fields, not this store's id, which numbers its own entries
    "memoq-id": ("entry-id",),
    # memoQ's who created and last changed an entry, and when (its export writes them after Entry_ProjectID): the
    # dates the entry's first and last seen, as a TBX's transacGrp gives them; who, lines of the note
    "created": ("entry-created",), "creator": ("entry-creator",), "modified": ("entry-lastmodified",),
    "modifier": ("entry-modifier",),
    # the publication a term is cited from (a NATO glossary's Source: AAP-6), a line of the note; a column of that
    # name is the French terms' only where no other column names French (see _roles_beside_their_language)
    "cited-source": ("cited source",),
} | {column: (column,) for column in CSV_COLUMNS if column not in ("fr", "en", "note", "status", "pos", "gender")}
# a header naming a language by its tag: fr, FR-FR, en_US, de, pt-BR, zh-Hant-TW, es-419, de-DE-1996, ca-ES-valencia,
# en-x-nato. Its subtags are a script, a region and variants as BCP 47 has them, a variant of letters one registered
# (else en-GB-notes, fr_def, en_US_Context, words after a tag, were read as that language's terms: _CODE_BESIDE)
_SCRIPTS = ("latn|cyrl|arab|grek|hebr|hans|hant|jpan|kore|deva|beng|taml|telu|knda|mlym|gujr|guru|orya|sinh|thai|"
            "laoo|khmr|mymr|tibt|mong|geor|armn|ethi|syrc|thaa|tfng|cans|cher|vaii|olck|adlm|nkoo|rohg")
_LETTER_VARIANTS = "valencia|oxendict|tarask|ekavsk|ijekavsk|polyton|monoton|fonipa|pinyin|wadegile|scotland|rozaj"
_LANGUAGE_COLUMN = re.compile(rf"([a-z]{{2,3}})(?:-(?:{_SCRIPTS}))?(?:-(?:[a-z]{{2}}|\d{{3}}))?"
                              rf"(?:-(?:\d[a-z0-9]{{3}}|{_LETTER_VARIANTS}))*(?:-x(?:-[a-z0-9]{{1,8}})+)?\Z")
# Glossary Converter's annotated headers (MultiTerm to Excel) say each column's level: >>E<<Note, >>L<<English,
# >>I<<Definition; one marked X (>>XT<<Note) is to be left out
_ANNOTATION = re.compile(r"\s*>>(X?)[A-Z]<<")
TITLE_ROWS = 5  # rows read for a header at first; more while each holds one cell (a title block, table_head)
# the names of a definition's column beside a language's name (Description (en)) or under it (a header of two rows)
_DEFINITION_WORDS = frozenset({"description", "definition", "def"})
# a language's code beside a word in a header: "source (en-us)", "term [fr]", or "en-us term", "en - english",
# "en-gb-notes" and "en-gb-definition" (en-GB_Definition folded), "note-en", "description nb-no"
_CODE_BESIDE = re.compile(r"(?P<before>.*?)\s*[(\[]\s*(?P<inside>[a-z]{2,3}(?:-[a-z0-9]{1,8})*)\s*[)\]]"
                          r"|(?P<lead>[a-z]{2,3}(?:-[a-z0-9]{1,8})*)(?:\s+|\s*-\s*)(?P<after>.+)"
                          r"|(?P<word>.+?)(?:\s+|\s*-\s*)(?P<tail>[a-z]{2,3}(?:-[a-z0-9]{1,8})*)")
# the words of such a header saying the column holds the language's terms
_TERM_WORDS = frozenset({"", "term", "terms", "terme", "termes", "source", "target", "source term", "target term",
                         "translation", "traduction", "terme source", "terme cible"})
_POSITIONAL_COLUMNS = ("fr", "en", "note")  # a file without a header: OmegaT's order
_LANGUAGES_LINE = "#"  # a TSV's first line "#<TAB>de<TAB>fr": a comment to OmegaT, the pair to tmtool
_FIELDS = frozenset(_COLUMN_ALIASES) - {"fr", "en"}  # the columns that are no language's terms
# an entry's fields the model has no place for, each a line of its note after the note's own text, named as memoQ
# names them (as a TBX's subjectField is a line "subjectField: …")
ENTRY_FIELD_LABELS = (("subject", "Subject"), ("domain", "Domain"), ("subdomain", "Subdomain"),
                      ("cited-source", "Source"), ("client", "Client"), ("project", "Project"),
                      ("memoq-id", "ID"), ("created", "Created"), ("creator", RESPONSIBLE_LABELS["origination"]),
                      ("modified", "Modified"), ("modifier", RESPONSIBLE_LABELS["modification"]))
# memoQ's dates of an entry, read as its first and last seen: the column of each, and the field it gives
_MEMOQ_DATES = (("created", "first_seen"), ("modified", "last_seen"))
# a date as memoQ writes one: ISO 8601 (2024-03-12 10:15:00, an XLSX date cell as the sheet reader gives it), or
# with dots (2024.03.12 10:15:00)
_DOTTED_DATE = re.compile(r"(\d{4})\.(\d{2})\.(\d{2})(?=[ T]|\Z)")
# or as its CSV export documents it ("Term base in CSV format", WS API): M/d/yyyy h:mm:ss tt, in the en-US culture,
# no leading zero and an AM or PM: a day-first culture's 12/03/2024 16:42:31 (en-GB) or 12/03/2024 4:42:31 PM
# (en-AU) is no such date, kept as written rather than read as 3 December
_US_DATE = re.compile(r"([1-9]\d?)/([1-9]\d?)/(\d{4}) ([1-9]\d?):(\d\d):(\d\d) ([AP])M\Z", re.IGNORECASE)
EXAMPLE = "example"  # an example column's cells are the row's under "example:" and the language of the term before it
# the columns memoQ writes after each language's term that are that term's, each keyed as EXAMPLE is: the example a
# context, the note and info (memoQ's matching, case sensitivity and forbidden settings, kept as written under
# TERM_INFO_LABEL: their code is memoQ's own) lines of the term's note
TERM_FIELDS = (EXAMPLE, "term-note", "term-info")
TERM_INFO_LABEL = "memoQ term info"
_FORBIDDEN = "forbidden"
_SYNONYM = "#"  # in a row's key, before the rank of a language's further term column (en#2)
_LINE_BREAK = re.compile(r"\r\n|[\n\r]")
# what a translator reads first in a comment when an entry is not approved
_STATUS_LABELS = {ReviewStatus.CANDIDATE: "candidate, not reviewed", ReviewStatus.REJECTED: "rejected, do not use"}
_COMMENT_SEPARATOR = " — "
_DEPRECATED_LABEL = "deprecated: "  # in a comment, before the text of a pair's term not to be used

_TERM_DEFAULTS = Term(text="", lang="")
_GRAMMAR_OF = "pos_gender_of"  # in details: the language of the term the pos and gender cells describe
_GRAMMAR = {"pos": part_of_speech, "gender": grammatical_gender}  # those cells, and how each is read
_TRUE = frozenset({"true", "yes", "1", "x", "vrai", "oui"})  # a yes/no cell saying yes (Excel's TRUE, folded)
_Row = tuple[int, list[str]]  # the line a row starts on, and its cells
# what str.splitlines() breaks at, and the tab
# a cell as Excel quotes it: whole, a doubled quote inside; or opened and not closed on its line (a tab
# or a line break inside)
_EXCEL_QUOTED = re.compile(r'"(?:[^"]|"")*""(?:[^"]|"")*"\Z|"[^"]*(?:""[^"]*)*\Z')
_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def term_pairs(entry: Entry, srclang: str = "fr", tgtlang: str = "en") -> list[tuple[Term, Term]]:
    """The entry's source–target pairs (French–English unless base languages are given), source terms
    in order: each source term with the target terms of its type (acronym with acronym EMI → IMS, full
    form with full form); with every target term when none is of its type (a full form whose only
    equivalent is an acronym keeps a pair)."""
    targets = entry.terms_in(tgtlang)
    return [(source, target) for source in entry.terms_in(srclang)
            for target in [t for t in targets if t.term_type is source.term_type] or targets]


def status_label(status: ReviewStatus) -> str | None:
    """What exports say of an entry that is not approved ("candidate, not reviewed"); None when approved."""
    return _STATUS_LABELS.get(status)


def csv_columns(srclang: str = "fr", tgtlang: str = "en") -> tuple[str, ...]:
    """:data:`CSV_COLUMNS` with the first two named after the pair's base languages."""
    return (srclang, tgtlang, *CSV_COLUMNS[2:])


def write_tsv(entries: Iterable[Entry], out: str | Path, *, srclang: str = "fr", tgtlang: str = "en") -> int:
    """Write the OmegaT glossary: a line per pair of :func:`term_pairs` in the two base languages
    (French, English); return the lines. Another pair is named on a first line, a comment to OmegaT
    (``#\tde\tfr``), that :func:`read_tsv` reads its languages from."""
    srclang, tgtlang = base_language(srclang), base_language(tgtlang)
    lines = 0
    with open_output(out, "w") as stream:
        if (srclang, tgtlang) != _POSITIONAL_COLUMNS[:2]:
            stream.write(f"{_LANGUAGES_LINE}\t{srclang}\t{tgtlang}\n")
        for entry in entries:
            # an entry's terms of every language (IATE's mul: a Latin name, a symbol), named in its comment
            every_language = [f"{MULTILINGUAL}: {term.text}" for term in entry.terms_in(MULTILINGUAL)]
            for source, target in term_pairs(entry, srclang, tgtlang):
                # a rejected entry's terms are all not to be used, as its label says
                texts = (status_label(entry.status), *(_DEPRECATED_LABEL + term.text for term in (source, target)
                                                       if term.usage is UsageStatus.DEPRECATED
                                                       and entry.status is not ReviewStatus.REJECTED),
                         *every_language, entry.definition, entry.note)
                comment = _COMMENT_SEPARATOR.join(text for text in texts if text)
                stream.write("\t".join(single_line(text) for text in (source.text, target.text, comment)) + "\n")
                lines += 1
    return lines


def read_tsv(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Entry]:
    """Read a tab-separated glossary (OmegaT's, or with a header row); ``#`` lines are comments.
    A line without a tab or without a source term is passed over and told to ``on_skip``, as OmegaT
    passes over it (see :mod:`tmtool.formats.skips`).

    OmegaT quotes nothing, but Excel's tab-delimited text does, as in CSV, a cell holding a quote, a
    tab or a line break (``"le ""bon"" terme"``); a file with such a cell is read as Excel wrote it, unless a
    quote it opens is never closed, which Excel never writes.
    Its terms are French and English, unless a first line ``#<TAB>de<TAB>fr`` names the pair (see
    :func:`write_tsv`).
    """
    lines = _lines(path)
    named = lines.readline().rstrip("\r\n").split("\t")
    languages = [known_language(cell) for cell in named[1:3]] if named[0] == _LANGUAGES_LINE else []
    positional = (*languages, "note") if len(languages) == 2 and all(languages) else _POSITIONAL_COLUMNS
    lines.seek(0)
    quoted = any(_EXCEL_QUOTED.match(cell) for line in lines for cell in line.rstrip("\r\n").split("\t"))
    lines.seek(0)
    # Excel closes every quote it opens: a cell's quote left open at the end is OmegaT's, a character as typed
    quoted = quoted and not _left_open(lines, 1, "\t")
    if quoted:
        rows = ((number, cells) for number, cells in _numbered(csv.reader(lines, delimiter="\t"), path, lines)
                if not cells[:1] or not cells[0].startswith("#"))
    else:
        rows = ((number, line.rstrip("\r\n").split("\t")) for number, line in enumerate(lines, 1)
                if not line.startswith("#"))
    # a first line without a tab is one line to pass over, not a sign of another separator
    return read_rows(rows, path, on_skip, _entry_from_tsv_row, one_column_refused=False, positional=positional,
                     languages_line=True)


def write_csv(entries: Iterable[Entry], out: str | Path, *, srclang: str = "fr", tgtlang: str = "en",
              bom: bool = True) -> int:
    """Write one entry a row under a header of :func:`csv_columns` (the two base languages' terms
    first: French, English); return the entry count. A file starts with UTF-8's byte-order mark, as Excel's own
    "CSV UTF-8" does: without it, Excel on Windows reads the file in the system's code page, and every accent is
    garbled ("Ã‰tat-major"); standard output, read by programs and terminals, gets none, nor does a file
    with ``bom`` false (for a program that takes the mark for part of the first column's name)."""
    srclang, tgtlang = base_language(srclang), base_language(tgtlang)
    count = 0
    with open_output(out, "w", encoding="utf-8-sig" if bom else "utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=csv_columns(srclang, tgtlang))
        writer.writeheader()
        for entry in entries:
            writer.writerow({key: spreadsheet_safe(value) for key, value in entry_to_row(entry, srclang, tgtlang).items()})
            count += 1
    return count


def read_csv(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Entry]:
    """Read a CSV glossary: ours, another tool's with a header naming fr/en columns, or two plain columns;
    separated by commas, semicolons (Excel in French) or tabs (memoQ's export to CSV, its delimiter set to tab):
    whichever the first lines each hold as many of, outside quoted cells (those under a title line; else the first
    line's most, commas when none).
    A row with a value of the wrong kind is passed over and told to ``on_skip``."""
    lines = _lines(path)
    hinted = _EXCEL_SEPARATOR_HINT.match(lines.getvalue())
    if hinted:  # Excel's "sep=;" line names the separator and is no row: a blank line keeps the lines' numbers
        lines = io.StringIO(lines.getvalue()[len(hinted[0]) - len(hinted[2]):], newline="")
    first = _unquoted_head(lines)
    lines.seek(0)
    # French spreadsheets separate fields with semicolons, the comma being their decimal mark; memoQ names
    # its term base export .csv whatever delimiter it was given. The mark the first lines hold as many of each,
    # outside quoted cells, separates, else the one those after the first do (a title above the header, alone in its
    # cell), else the one the first holds most of: a comma in a semicolon-separated line's text (a note "OTAN,
    # marine", a header "Remarques (usage, contexte)", a title) is no separator, nor are the semicolons of a note
    # in a comma-separated one
    delimiter = hinted[1] if hinted else max((",", ";", "\t"), key=lambda mark: (
        _every_line_holds(first, mark), _every_line_holds(first[1:], mark), first[0].count(mark)))
    reader = csv.reader(lines, delimiter=delimiter)
    yield from read_rows(((number, [_unguarded(cell) for cell in cells]) for number, cells in _numbered(reader, path, lines)),
                         path, on_skip)


# Excel's delimiter hint, a first line naming the CSV's separator, which Excel reads (it writes none) and so exports
# made for Excel begin with: "sep=;", "sep=," or "sep=" and a tab, its line end kept (group 2)
_EXCEL_SEPARATOR_HINT = re.compile(r'"?sep=([,;\t|])"?[ ]*(\r\n|\r|\n|$)', re.IGNORECASE)
_SEPARATOR_LINES = 5  # the lines a CSV's separator is told by


def _unquoted_head(lines: io.StringIO) -> list[str]:
    """The first lines of ``lines`` without their quoted cells, a cell's line breaks with it, read on to the end of
    a cell left open (up to ten times as many lines): half a row holds no row's count of separators."""
    head = ""
    for number, line in enumerate(lines, 1):
        head += line
        if number >= _SEPARATOR_LINES and head.count('"') % 2 == 0 or number >= 10 * _SEPARATOR_LINES:
            break
    return _LINE_BREAK.split(re.sub(r'"(?:[^"]|"")*"', "", head))  # as csv splits them (not at U+0085, U+2028 …)


def _every_line_holds(lines: list[str], mark: str) -> bool:
    """Whether each of ``lines`` that is not blank holds ``mark`` as many times, at least once."""
    counts = {line.count(mark) for line in lines if line.strip()}
    return len(counts) == 1 and 0 not in counts


def _numbered(reader, path: str | Path, lines: io.StringIO) -> Iterator[_Row]:
    """The rows of a csv reader over ``lines``, each with the line it starts on (a quoted cell may hold line
    breaks); a row it cannot read is an error naming its line, and so is a quote opened and never closed, which
    the reader takes for a cell running to the file's end (every row after it one entry's terms)."""
    start, last = 1, None
    try:
        for cells in reader:
            last = start
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:  # a field over csv.field_size_limit(), a quote in the wrong place
        raise Invalid(f"not valid CSV: {exc}", path=str(path), line=reader.line_num) from None
    if last is not None and reader.line_num > last and _left_open(lines, last, reader.dialect.delimiter):
        raise Invalid("a quote opened on this line is never closed: the cells after it would be one",
                          path=str(path), line=last)


def _left_open(lines: io.StringIO, line: int, delimiter: str) -> bool:
    """Whether the rows from ``line`` to the end of ``lines`` hold a quoted cell left open at the end (what
    the strict reader alone tells)."""
    tail = io.StringIO("".join(itertools.islice(io.StringIO(lines.getvalue(), newline=""), line - 1, None)),
                       newline="")
    try:
        for _ in csv.reader(tail, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc)
    return False


def entry_to_row(entry: Entry, srclang: str = "fr", tgtlang: str = "en") -> dict[str, str]:
    """An entry as one flat record of :func:`csv_columns` (also what PO comments carry); its source
    and target cells hold the head pair of :func:`term_pairs`, the details the other terms."""
    entry = _contexts_kept_in_language(entry, srclang, tgtlang)
    sources, targets = entry.terms_in(srclang), entry.terms_in(tgtlang)
    pairs = term_pairs(entry, srclang, tgtlang)
    # the pair a translator reads (a PO's msgid and msgstr): one of terms to use, while the entry has one
    usable = [pair for pair in pairs if UsageStatus.DEPRECATED not in (pair[0].usage, pair[1].usage)]
    head_source, head_target = (usable or pairs)[0] if pairs else ((sources[0] if sources else None),
                                                                   (targets[0] if targets else None))
    heads = ((srclang, sources, head_source), (tgtlang, targets, head_target))
    head_index = {lang: index for lang, terms, head in heads
                  if (index := next((i for i, term in enumerate(terms) if term is head), 0))}
    first_context = entry.contexts[0] if entry.contexts else Context(fr="")
    details = {
        "terms": [_term_record(t) for t in entry.terms if t is not head_source and t is not head_target],
        # the pos and gender cells hold the source term's, and the details an exact value the cell would
        # not read back as itself (``N``, a cell of spaces)
        srclang: _term_record(head_source, flat=("text", "lang", *_read_as_written(head_source))) if head_source else {},
        tgtlang: _term_record(head_target, flat=("text", "lang")) if head_target else {},
        # where a cell's term stands among its language's terms when it is not the first
        "head_index": head_index,
        # whose the pos and gender cells are, wherever a person moves the columns (the defaults need no owner)
        _GRAMMAR_OF: srclang if head_source and (head_source.pos, head_source.gender) != ("noun", None) else None,
        "contexts": [_record(c, Context(fr="")) for c in entry.contexts[1:]],
        "context_lang": first_context.lang,  # the language of the context cell's sentence, where it gives one
    }
    details = {key: value for key, value in details.items() if value}
    return {
        srclang: head_source.text if head_source else "",
        tgtlang: head_target.text if head_target else "",
        "status": entry.status.value,
        "pos": head_source.pos if head_source else "",
        "gender": (head_source.gender or "") if head_source else "",
        "score": repr(entry.score),
        "frequency": str(entry.frequency),
        "definition": entry.definition or "",
        "note": entry.note or "",
        "context": first_context.fr,
        "context_en": first_context.en,
        "document": first_context.document,
        "unit": first_context.unit,
        "first_seen": iso(entry.first_seen) or "",
        "last_seen": iso(entry.last_seen) or "",
        "id": entry.id or "",
        "details": json.dumps(details, ensure_ascii=False) if details else "",
    }


def _contexts_kept_in_language(entry: Entry, srclang: str, tgtlang: str) -> Entry:
    """The entry as its row keeps its contexts in their language. A row is read back in its columns' order
    of languages, the source's first (:func:`entry_from_row`), which may give an entry without French
    another context language (``model.context_language``: es, not de, written es→de): its contexts then
    say their language (``Context.lang``)."""
    languages = [t.lang for t in entry.terms]
    language = context_language(languages)
    if context_language([srclang, tgtlang, *languages]) == language:
        return entry
    return replace(entry, contexts=[replace(c, lang=c.lang or language) for c in entry.contexts])


def entry_from_row(row: dict[str, str], languages: Sequence[str] = ("fr", "en")) -> Entry:
    """The inverse of :func:`entry_to_row`; missing columns take the model's defaults. ``languages``:
    the row's columns of terms, the first the one an ``acronym`` column's full form belongs to, and
    ``pos`` and ``gender`` too unless the details name another (our export, its columns moved: see
    :func:`languages_of`); their cells as people write them (``Adj.``, ``f``, ``nom propre``).

    Raises ValueError on a value of the wrong kind (the callers say where).
    """
    row = _memoq_dates(row)
    details = json.loads(row["details"]) if row.get("details") else {}
    extra_terms = [_term_from_record(r) for r in details.get("terms", [])]
    terms, heads = [], {}
    acronym = (row.get("acronym") or "").strip()
    first = languages[0]
    grammar_of = details.get(_GRAMMAR_OF, first)
    for lang in languages:
        flat = _grammar_cells(row, details.get(lang, {})) if lang == grammar_of else {}
        in_lang = [t for t in extra_terms if t.lang == lang]
        if (row.get(lang) or "").strip():  # a cell of spaces is an empty cell
            head = heads[lang] = _term_from_record({"text": row[lang], "lang": lang, **details.get(lang, {}), **flat})
            in_lang.insert(details.get("head_index", {}).get(lang, 0), head)
        if acronym and (lang == first or not french_only_acronym(acronym, row.get(first, ""), row.get(lang, ""))):
            in_lang.append(Term(text=acronym, lang=lang, term_type=TermType.ACRONYM))
        terms += in_lang
    terms += [t for t in extra_terms if t.lang not in languages]
    if _folded_name(row.get("forbidden") or "") in _TRUE:
        for term in terms:
            term.usage = UsageStatus.DEPRECATED
    contexts = []
    first_context = [row.get(column, "") for column in ("context", "context_en", "document", "unit")]
    if any(first_context):
        contexts.append(Context(*first_context, details.get("context_lang")))
    contexts += [_context_from_record(record) for record in details.get("contexts", [])]
    note = "\n".join(filter(None, [row.get("note"), *(f"{label}: {row[field]}" for field, label in ENTRY_FIELD_LABELS
                                                       if (row.get(field) or "").strip())]))
    entry = Entry(
        terms=terms,
        id=row.get("id") or None,
        status=_status_of(row["status"]) if (row.get("status") or "").strip() else None,  # the importer's default
        definition=row.get("definition") or None,
        note=note or None,
        frequency=int(row["frequency"]) if row.get("frequency") else 0,
        score=float(row["score"]) if row.get("score") else 0.0,
        contexts=contexts,
        first_seen=parse_time(row.get("first_seen")),
        last_seen=parse_time(row.get("last_seen")),
    )
    # an example of a language's term is a context of that term (the entry's, in its context language); of a
    # language whose cell is empty, the entry's
    examples = [(heads.get(lang) or Term("", lang), Context(row[f"{EXAMPLE}:{lang}"].strip())) for lang in languages
                if (row.get(f"{EXAMPLE}:{lang}") or "").strip()]
    place_contexts(entry, examples)
    for lang in languages:  # a term's note and info: its note's lines; of a language whose cell is empty, the entry's
        info = (row.get(f"term-info:{lang}") or "").strip()
        said = [(row.get(f"term-note:{lang}") or "").strip(), f"{TERM_INFO_LABEL}: {info}" if info else ""]
        if any(said) and lang in heads:
            heads[lang].note = "\n".join(filter(None, [heads[lang].note, *said]))
            # memoQ's info names its settings (CasePermissive;HalfPrefix): a term it forbids is one not to use
            if _forbids(info):
                heads[lang].usage = UsageStatus.DEPRECATED
        elif any(said):
            entry.note = "\n".join(filter(None, [entry.note, *said]))
    return entry


def _memoq_dates(row: dict[str, str]) -> dict[str, str]:
    """The row with memoQ's dates of its entry (Entry_Created, Entry_LastModified, in UTC) as its first and last seen,
    where it gives none of its own; a date that reads as none is left for the note, as written."""
    read = {}
    for column, field in _MEMOQ_DATES:
        written = (row.get(column) or "").strip()
        if not written or (row.get(field) or "").strip():
            continue
        try:
            moment = _us_date(written) or parse_time(_DOTTED_DATE.sub(r"\1-\2-\3", written))
        except ValueError:
            continue
        if moment.tzinfo is None:  # "the creation UTC date of the TB entry" (memoQ's WS API, "Term base in CSV
            moment = moment.replace(tzinfo=timezone.utc)  # format"): not one in this machine's zone, nor in none
        read |= {field: moment.isoformat(), column: ""}
    return {**row, **read} if read else row


def _us_date(written: str) -> datetime | None:
    """A moment memoQ writes as ``3/12/2024 4:42:31 PM``; None for another shape (ValueError for no date)."""
    if not (match := _US_DATE.match(written)):
        return None
    month, day, year, hour, minute, second = map(int, match.groups()[:6])
    if hour > 12:
        raise ValueError(f"hour {hour} of a 12-hour clock")
    # 12 AM is midnight, 12 PM noon (strptime's %p would read the AM and PM of the process's locale)
    return datetime(year, month, day, hour % 12 + (12 if match[7].upper() == "P" else 0), minute, second)


def _read_as_written(term: Term) -> tuple[str, ...]:
    """Which of the pos and gender cells read back as the term's own value."""
    return tuple(name for name, read in _GRAMMAR.items() if read(getattr(term, name) or "") == getattr(term, name))


def _grammar_cells(row: dict[str, str], kept: dict) -> dict:
    """The pos and gender cells, read as people write them (``Adj.``, ``f``); where the details keep
    the exact value the cell was written from (see :func:`entry_to_row`), that value while the cell
    still reads as it does."""
    cells = {name: read(row.get(name) or "") for name, read in _GRAMMAR.items()}
    return {name: kept[name] if name in kept and _GRAMMAR[name](kept[name]) == value else value
            for name, value in cells.items()}


def _term_record(term: Term, flat: tuple[str, ...] = ()) -> dict:
    """A term's non-default attributes, leaving out those the flat columns already hold."""
    record = _record(term, _TERM_DEFAULTS)
    record["lang"] = term.lang
    return {key: value for key, value in record.items() if key not in flat}


def _record(obj, defaults) -> dict:
    """The fields of a model object that differ from ``defaults``, JSON-ready (enums as values)."""
    values = {name: getattr(obj, name) for name in obj.__slots__ if getattr(obj, name) != getattr(defaults, name)}
    return {name: _json_ready(value) for name, value in values.items()}


def _json_ready(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_record(item, Context(fr="")) if isinstance(item, Context) else item for item in value]
    return value


def _term_from_record(record: dict) -> Term:
    values = {"text": "", **record}
    if "term_type" in values:
        values["term_type"] = TermType(values["term_type"])
    if "usage" in values:
        values["usage"] = UsageStatus(values["usage"])
    if "contexts" in values:
        values["contexts"] = [_context_from_record(record) for record in values["contexts"]]
    return Term(**values)


def _context_from_record(record: dict) -> Context:
    return Context(**{"fr": "", **record})


def _entry_from_tsv_row(row: dict[str, str], languages: Sequence[str]) -> Entry:
    """A TSV row: without a status column, the comment's leading status label (see write_tsv) is the status."""
    if languages[1] not in row:
        raise Unusable("no tab: expected source<TAB>target", None)
    if not (row.get(languages[0]) or "").strip():  # a row ending before a header's source column holds no cell for it
        raise Unusable("no source term", None)
    if not row.get("status"):
        status, note = _split_status_label(row.get("note") or "")
        row = {**row, "status": status.value, "note": note}
    deprecated = []
    for lang in languages:  # the source's label first, as write_tsv writes them
        label = _DEPRECATED_LABEL + single_line(row.get(lang) or "")
        note = row.get("note") or ""
        if note == label or note.startswith(label + _COMMENT_SEPARATOR):
            deprecated.append(lang)
            row = {**row, "note": note[len(label) + len(_COMMENT_SEPARATOR):]}
    entry = entry_from_row(row, languages)
    for term in entry.terms:
        if term.lang in deprecated:
            term.usage = UsageStatus.DEPRECATED
    return entry


def _split_status_label(comment: str) -> tuple[ReviewStatus, str]:
    """The status whose label the comment starts with, and the rest of the comment; approved when none."""
    for status, label in _STATUS_LABELS.items():
        if comment == label or comment.startswith(label + _COMMENT_SEPARATOR):
            return status, comment[len(label) + len(_COMMENT_SEPARATOR) :]
    return ReviewStatus.APPROVED, comment


def read_rows(
    rows: Iterable[_Row], path: str | Path, on_skip: OnSkip = refuse,
    read_row: Callable[[dict[str, str], Sequence[str]], Entry] = entry_from_row, one_column_refused: bool = True,
    positional: tuple[str, ...] = _POSITIONAL_COLUMNS, languages_line: bool = False,
) -> Iterator[Entry]:
    """Entries of a table's rows, each numbered by its line (the CSV's and TSV's, an XLSX sheet's).
    The first row that is not empty may be a header, or rows of one cell each (a title, a
    date) above the header, which are reported to ``on_skip``: a header cell naming no field of ours is
    reported to ``on_skip``, its column passed over. A first row of one column refuses the file when
    ``one_column_refused`` (a CSV written with another separator). Without a header the columns are
    ``positional`` (French, English, note). Empty rows are skipped. Outside our layout (no ``details``
    column), a term cell may hold several terms, one a line; in ours too, where the first is the exported
    term and a further line a synonym a person added."""
    rows = (row for row in rows if any(cell.strip() for cell in row[1]))
    head = table_head(rows)
    pair = languages_given_per_row([cells for _, cells in head])
    if pair:  # DeepL's glossary: no header, each row's languages in its third and fourth cells
        yield from _rows_in_languages(itertools.chain(head, rows), pair, path, on_skip)
        return
    title_rows = header_index([cells for _, cells in head]) or 0
    for number, _ in head[:title_rows]:
        on_skip(Skipped("a title above the header row, not read", str(path), number))
    rows = itertools.chain(head[title_rows:], rows)
    first = next(rows, None)
    if first is None:
        return
    if _is_multiline(first[1]):
        first, rows = _widened(first, rows)
    columns = _columns_of_header(first[1], path)
    if columns is None:
        if len(first[1]) < 2 and one_column_refused:
            raise Invalid("no usable columns: expected a French and an English column", path=str(path))
        # the first rows tell the columns' scripts; the rest stream on (a glossary of a million lines is not held)
        columns, head = positional, [first, *itertools.islice(rows, _SCRIPT_ROWS)]
        languages = positional[:2]  # the source's column first
        _check_scripts(head, languages, path, languages_line)
        rows = itertools.chain(head, rows)
        beyond = "a table without a header row is read as its first three columns"
        unnamed: set[int] = set()
        locales: list[str | None] = []
    else:
        beyond = "the header names none"
        names = first[1]
        second = next(rows, None)
        spanned = _spanned_columns(first[1], columns, second[1]) if second else None
        if spanned:  # a header of two rows: each language's name over the columns the row below names
            columns, names, over = spanned, [], ""
            for above, below in itertools.zip_longest(first[1], second[1], fillvalue=""):
                over = above.strip() or over  # a name merged across columns is in the first only
                names.append(" / ".join(dict.fromkeys(filter(None, (over, below.strip())))))
        elif second:
            rows = itertools.chain([second], rows)
        columns = _roles_beside_their_language(names, columns, path, first[0], on_skip)
        for cell, column in zip(names, columns):
            if cell.strip() and column is None:
                on_skip(Skipped(f"column {cell.strip()!r} not read: no glossary field of that name", str(path),
                                first[0]))
        unnamed = {at for at, cell in enumerate(names) if not cell.strip()}
        languages = languages_of(columns)
        # a column's region or script (en-GB beside en-US, memoQ's English_United_Kingdom): its terms' locale, as a
        # TBX's langSec gives it, so that two regions' terms stay apart and are written back in their own
        locales = [_column_locale(name) if column in languages else None for name, column in zip(names, columns)]
    keys = _example_keys(columns, languages)
    regional = [(at, keys[at].partition(_SYNONYM)[0], locale) for at, locale in enumerate(locales) if locale]
    for number, cells in rows:
        if beyond and any(cell.strip() for cell in cells[len(columns):]):  # told once, at the first such row
            on_skip(Skipped(f"cells past column {len(columns)} not read: {beyond}", str(path), number))
            beyond = None
        for at in sorted(at for at in unnamed if at < len(cells) and cells[at].strip()):  # told once a column
            on_skip(Skipped(f"column {at + 1} not read: its header is empty", str(path), number))
            unnamed.discard(at)
        row: dict[str, str] = {}
        for column, cell in zip(keys, cells):
            if column:  # two columns of one field (memoQ's definition in each language) join, a line each
                row[column] = "\n".join(filter(None, (row.get(column), cell)))
        try:
            entry = read_row(row, languages)
            _add_synonyms(entry, row)
            if regional:
                _give_locales(entry, [(lang, line.strip(), locale) for at, lang, locale in regional if at < len(cells)
                                      for line in _LINE_BREAK.split(cells[at]) if line.strip()])
        except Unusable as exc:  # the row's shape, not a value
            problem = exc.reason
        except (ValueError, TypeError, AttributeError) as exc:  # a bad number, date, status or details JSON
            problem = f"invalid value: {exc}"
        else:
            unwritable = _unwritable(entry)
            if entry.terms and not unwritable:
                yield _one_term_a_line(entry)
                continue
            problem = unwritable or "no term: the term columns are empty"
        on_skip(Skipped(problem, str(path), number))


# memoQ's (and qTerm's) multiline term base export: a row a term, under Entry_* columns filled on an entry's first
# row, Language_Definition and Language on a language's first, then Term and its Term_* settings
_MULTILINE_LANGUAGE, _MULTILINE_TERM = "language", "term"  # as _folded_name gives them


def _is_multiline(header: list[str]) -> bool:
    names = [_folded_name(cell) for cell in header]
    return _MULTILINE_LANGUAGE in names and _MULTILINE_TERM in names and any(n.startswith("entry-") for n in names)


def _widened(first: _Row, rows: Iterable[_Row]) -> tuple[_Row, Iterator[_Row]]:
    """A multiline export's header and rows as the one-row-an-entry table memoQ's CSV export writes: the entry's
    cells, then for each language its terms (one a line), its definition (``NAME_Def``) and its terms' settings
    (``Term_Info``: Forbidden when every term of the language is, which deprecates them; a forbidden term beside
    one that is not is said in the note, as a cell's Term_Info would deprecate both), its notes (``Term_Note``: the
    first term's as it is, a synonym's after its term) and its first term's example (``Term_Example``; a synonym's
    is said in the note, after its term). Each entry's row is numbered by its first line."""
    names = [_folded_name(cell) for cell in first[1]]
    language_at, term_at = names.index(_MULTILINE_LANGUAGE), names.index(_MULTILINE_TERM)
    entry_at = [at for at, name in enumerate(names) if not name.startswith(("language", "term"))]
    definition_at = names.index("language-definition") if "language-definition" in names else None
    forbidden_at = names.index("term-forbidden") if "term-forbidden" in names else None
    note_at = names.index("term-note") if "term-note" in names else None
    example_at = names.index("term-example") if "term-example" in names else None
    entries: list[tuple[int, list[str], dict[str, dict]]] = []
    language = ""
    for number, cells in rows:
        cell = (lambda at: cells[at].strip() if at is not None and at < len(cells) else "")
        if not entries or any(cell(at) for at in entry_at):
            entries.append((number, [cell(at) for at in entry_at], {}))
            language = ""
        language = cell(language_at) or language
        held = entries[-1][2].setdefault(language, {"terms": [], "definition": "", "info": "", "note": []})
        held["definition"] = held["definition"] or cell(definition_at)
        if term := cell(term_at):
            held["terms"].append(term)
            if cell(forbidden_at).casefold() in ("true", "1", "yes"):
                held["forbidden"] = [*held.get("forbidden", []), term]
            if said := cell(note_at):  # a term's note and example, each said of its term
                held["note"].append(said if len(held["terms"]) == 1 else f"{term}: {said}")
            if example := cell(example_at):
                if len(held["terms"]) == 1:
                    held["example"] = example
                else:
                    held["note"].append(f"example of {term}: {example}")
    for _, _, languages_held in entries:
        for held in languages_held.values():
            forbidden = held.pop("forbidden", [])
            if forbidden and forbidden == held["terms"]:  # Term_Info's Forbidden deprecates each term of the cell
                held["info"] = "Forbidden"
            else:  # a synonym beside one that is allowed: said in the note, not deprecating the allowed one
                held["note"] += [f"forbidden: {term}" for term in forbidden]
    languages = list(dict.fromkeys(name for _, _, held in entries for name in held if name))
    header = [first[1][at] for at in entry_at]
    for name in languages:
        header += [name, f"{name}_Def", "Term_Info", "Term_Note", "Term_Example"]
    widened = [(number, values + [value for name in languages for value in (
        "\n".join(held.get(name, {}).get("terms", [])), held.get(name, {}).get("definition", ""),
        held.get(name, {}).get("info", ""), "\n".join(held.get(name, {}).get("note", [])),
        held.get(name, {}).get("example", ""))])
        for number, values, held in entries]
    return (first[0], header), iter(widened)


_SCRIPT_ROWS = 500  # rows enough for langid.other_script's sample of letters (terms of four letters and more)


def _check_scripts(rows: list[_Row], languages: Sequence[str], path: str | Path, languages_line: bool) -> None:
    """Refuse a table without a header whose term columns are written in other scripts than the languages they
    are read as (an OmegaT glossary, which names no language, from English to Belarusian, read as French and
    English: every Cyrillic term was stored as English). ``languages_line``: the file may name them on a first
    line, ``#<TAB>en<TAB>ru`` (a tab-separated one); a CSV or a sheet names them in a header row only."""
    from ..text.langid import other_script

    how = ("on a first line, as #<TAB>en<TAB>ru (a comment to OmegaT), or in a header row" if languages_line
           else "in a header row, as en and ru")
    for at, language in enumerate(languages):
        found = other_script((cells[at] for _, cells in rows if len(cells) > at), language)
        if found:
            raise Invalid(f"its column {at + 1}, read as {language} (a table without a header row is read as "
                              f"{' and '.join(languages)}), is written in the {found[0]} script: name its languages"
                              f" {how}", path=str(path))


def _column_locale(name: str) -> str | None:
    """The region or script a header of a language's terms names beside the language (``en-GB``, ``EN_us``, ``Source
    (en-US)``, memoQ's ``English_United_Kingdom``, MultiTerm's ``English (United Kingdom)``), as a term's ``locale``
    (:func:`term_locale`); None for a language alone (``en``, ``English``) or a region not told."""
    annotation = _ANNOTATION.match(name)
    folded = _folded_name(name[annotation.end():] if annotation else name)
    coded = _CODE_BESIDE.fullmatch(folded)
    code = folded if _LANGUAGE_COLUMN.match(folded) else coded and (coded["inside"] or coded["lead"] or coded["tail"])
    if code and known_language(code):
        try:
            return term_locale(code)
        except Invalid:
            return None
    named = language_named(folded)
    words = re.fullmatch(r"[^\W\d_]+\s*(?:\((.+)\)|-(.+))", folded)
    region = _REGIONS.get((words[1] or words[2]).replace("-", " ").strip()) if named and words else None
    return f"{named}-{region}" if region else None


# the regions memoQ and MultiTerm name a sublanguage's column by (English_United_Kingdom, English (United States)),
# folded as _folded_name folds a header: the region subtag each names
_REGIONS = {"united kingdom": "GB", "united states": "US", "canada": "CA", "australia": "AU", "new zealand": "NZ",
            "ireland": "IE", "south africa": "ZA", "india": "IN", "france": "FR", "belgium": "BE", "switzerland": "CH",
            "luxembourg": "LU", "germany": "DE", "austria": "AT", "spain": "ES", "mexico": "MX", "argentina": "AR",
            "portugal": "PT", "brazil": "BR", "italy": "IT", "netherlands": "NL",
            # Chinese: memoQ's and MultiTerm's PRC and Taiwan (Chinese_PRC, Chinese (Taiwan)), simplified and traditional
            "prc": "CN", "china": "CN", "singapore": "SG", "taiwan": "TW", "hong kong": "HK", "macau": "MO"}


def _give_locales(entry: Entry, regional: Sequence[tuple[str, str, str]]) -> None:
    """Give each of the entry's terms read from a column naming a region (``regional``: the language, text and locale
    of each term of those columns, in their order) its locale, the same text in two columns (program in en-GB and
    en-US) a term of each."""
    left = list(regional)
    for term in entry.terms:
        at = next((at for at, (lang, text, _) in enumerate(left) if (lang, text) == (term.lang, term.text)), None)
        if at is not None:
            term.locale = left.pop(at)[2]


def _example_keys(columns: Sequence[str | None], languages: Sequence[str]) -> list[str | None]:
    """The key of each column in a row's dict: its field, but an example's ``example:`` and the language of the
    term column before it (memoQ writes ``Term_Example`` after each language's term), else of the first. A
    language's further term column is a synonym's, keyed with its rank (``en#2``), and so are the fields after it:
    memoQ's CSV writes each term of a language in a column of its own, followed by that term's Term_Info and
    Term_Example (:func:`_add_synonyms`)."""
    keys, language, seen = [], languages[0] if languages else None, {}
    for column in columns:
        if column in languages:
            seen[column] = seen.get(column, 0) + 1
            language = column if seen[column] == 1 else f"{column}{_SYNONYM}{seen[column]}"
            keys.append(language)
            continue
        keys.append(f"{column}:{language}" if column in TERM_FIELDS and language else None if column in TERM_FIELDS
                    else column)
    return keys


def _add_synonyms(entry: Entry, row: dict[str, str]) -> None:
    """Give the entry the terms of its row's synonym columns (see :func:`_example_keys`), each after the terms of
    its language with its own note, memoQ term info (Forbidden: deprecated) and example: read into the first term's
    cell, a synonym's Forbidden deprecated the entry's preferred term and its example was joined to the first's."""
    forbidden_row = _folded_name(row.get("forbidden") or "") in _TRUE
    for key, cell in row.items():
        lang, synonym, _ = key.partition(_SYNONYM)
        if not synonym or ":" in key or not cell.strip():
            continue
        info = (row.get(f"term-info:{key}") or "").strip()
        note = [(row.get(f"term-note:{key}") or "").strip(), f"{TERM_INFO_LABEL}: {info}" if info else ""]
        usage = UsageStatus.DEPRECATED if forbidden_row or _forbids(info) else UsageStatus.PREFERRED
        terms = [Term(text=line.strip(), lang=lang, usage=usage) for line in _LINE_BREAK.split(cell) if line.strip()]
        terms[0].note = "\n".join(filter(None, note)) or None
        at = max((at + 1 for at, term in enumerate(entry.terms) if term.lang == lang), default=len(entry.terms))
        entry.terms[at:at] = terms
        if example := (row.get(f"{EXAMPLE}:{key}") or "").strip():
            place_contexts(entry, [(terms[0], Context(example))])


def _forbids(info: str) -> bool:
    """Whether memoQ's term info (CasePermissive;HalfPrefix;Forbidden) forbids its term."""
    return _FORBIDDEN in {_folded_name(setting) for setting in re.split(r"[;|,\s]+", info)}


def _roles_beside_their_language(names: Sequence[str], columns: Sequence[str | None], path: str | Path,
                                 line: int, on_skip: OnSkip) -> tuple[str | None, ...]:
    """``columns`` without those a header names by their role only (``term``, ``source``, ``target`` …: French
    and English in a table of two) where another column names that language by its code or name: a vocabulary
    of a column a language heads its headword ``term`` (IEC's Electropedia, in English), which is no French
    term. Each column passed over is told to ``on_skip``."""
    named = {column for name, column in zip(names, columns) if column and _folded_name(name) not in _ROLE_NAMES}
    kept = []
    for name, column in zip(names, columns):
        if column in named and _folded_name(name) == "source":  # where a term is cited from: a line of the note
            column = "cited-source"
        elif column in named and _folded_name(name) in _ROLE_NAMES:
            on_skip(Skipped(f"column {name.strip()!r} not read: the header names the {column} column too",
                            str(path), line))
            column = None
        kept.append(column)
    return (*kept, *columns[len(kept):])


def _spanned_columns(header: list[str], columns: Sequence[str | None],
                     below: list[str]) -> tuple[str | None, ...] | None:
    """The columns of a header of two rows, as a spreadsheet lays one out: each language's name over its
    columns (a cell merged across them, read as the first holding it), the row below naming what each holds
    (``English`` over ``Term | Definition``, ``French`` over ``Term | Definition``); None when ``below`` is
    no such row: it names no column beneath an empty header cell, none of its cells says terms (``Term``,
    ``Source``), one names a language (data), or besides words of terms it holds one that names nothing and
    no definition's nor note's column (*terme | term | à revoir*: the first entry as likely). Under a language,
    a column of its terms, or the entry's definition or note; any other column is not read."""
    words = [_folded_name(cell) for cell in below]
    if not any(at < len(words) and words[at] and not cell.strip() for at, cell in enumerate(header)) \
            or not any(word and word in _TERM_WORDS for word in words):
        return None
    spanned, language, unknown = [], None, False
    for at, word in enumerate(words):
        column = columns[at] if at < len(columns) else None
        above = header[at].strip() if at < len(header) else ""
        if above:
            language = column if column and column not in _FIELDS else None
        if not word:
            spanned.append(column if above else None)
        elif language and word in _TERM_WORDS:
            spanned.append(language)
        elif _COLUMN_OF_NAME.get(word) in ("note", "definition") or word in _DEFINITION_WORDS:
            spanned.append(_COLUMN_OF_NAME.get(word, "definition"))
        elif column and _column_of(word) == column:  # a field's name merged over the two rows
            spanned.append(column)
        elif _column_of(word) and _column_of(word) not in _FIELDS:
            return None  # a language's name: a glossary of languages' names, data
        else:
            spanned.append(None)  # reported, not read
            unknown = True
    if unknown and not any(column in ("definition", "note") for column in spanned):
        # words of terms and a word that names nothing (*terme | term | à revoir*), no field's name: as likely
        # a glossary's first entry as a header, and a header read as an entry is seen, a lost entry is not
        return None
    spanned += columns[len(spanned):]
    return tuple(spanned) if len(languages_of(spanned)) >= 2 else None


def languages_given_per_row(head: list[list[str]]) -> tuple[str, str] | None:
    """The two languages of a table whose rows each name them after their terms, as DeepL exports a glossary
    (``battalion,bataillon,en,fr``; its glossary generator a relevance after them): no header, language codes
    in the third and fourth cells of every row of ``head`` (a table's first rows that are not empty), the
    first row's two terms naming no column; its codes name the file's languages. None for any other table.
    Read as a header names its columns, or as its first columns are (French, English), such a table gave an
    entry of the codes alone, its source's terms stored as French."""
    def codes(cells: list[str]) -> tuple[str | None, ...]:
        return tuple(known_language(cell.strip()) if _LANGUAGE_COLUMN.match(_folded_name(cell)) else None
                     for cell in cells[2:4])

    if not head or any(len(cells) < 4 or not all(cell.strip() for cell in cells[:2]) or None in codes(cells)
                       for cells in head):
        return None
    languages = codes(head[0])
    if languages[0] == languages[1] or any(_column_of(cell) for cell in head[0][:2]):
        return None
    return languages


def _rows_in_languages(rows: Iterable[_Row], pair: tuple[str, str], path: str | Path,
                       on_skip: OnSkip) -> Iterator[Entry]:
    """The entries of a table whose rows name their languages after their two terms (see
    :func:`languages_given_per_row`); a row naming others is passed over and told to ``on_skip``."""
    for number, cells in rows:
        given = tuple(known_language(cell.strip()) for cell in (cells + ["", ""])[2:4])
        if given != pair:
            shown = ", ".join(cell.strip() for cell in (cells + ["", ""])[2:4])
            on_skip(Skipped(f"languages {shown!r}, not the file's {pair[0]} and {pair[1]}", str(path), number))
            continue
        entry = entry_from_row(dict(zip(pair, cells)), pair)
        problem = _unwritable(entry) or (None if len(entry.terms) == 2 else "no term: the term columns are empty")
        if problem:
            on_skip(Skipped(problem, str(path), number))
        else:
            yield _one_term_a_line(entry)


def _unwritable(entry: Entry) -> str | None:
    """Why no export could write the entry, if it holds a control character (a stray byte of a file
    saved by a script): stored, it stopped every TMX and TBX export of the store."""
    for text in (*(term.text for term in entry.terms), entry.definition or "", entry.note or ""):
        if bad := not_xml(text):
            return f"a control character U+{ord(bad):04X} in {text!r}: no export could write it"
    return None


def _one_term_a_line(entry: Entry) -> Entry:
    """The entry with each term whose text holds line breaks split into one term a line, in order."""
    entry.terms = [one for term in entry.terms for one in _term_lines(term)]
    return entry


def _term_lines(term: Term) -> list[Term]:
    """A cell's term, one a line: the first keeps what the row says of it (the details' forms, lemma,
    contexts), the others only its part of speech, gender, type and usage."""
    lines = _LINE_BREAK.split(term.text)
    if len(lines) == 1:
        return [term]
    first, *more = [line.strip() for line in lines if line.strip()] or [""]
    return [replace(term, text=first), *(Term(text=line, lang=term.lang, pos=term.pos, gender=term.gender,
                                              term_type=term.term_type, usage=term.usage) for line in more)]


def table_head(rows: Iterator) -> list:
    """A table's first rows that are not empty (``rows`` yields only those; each a row or its cells): the
    first ``TITLE_ROWS + 1``, and past them, while every row read holds one cell (a sheet's title block: its
    name, version, date, author, contact …), up to the first row of more cells, where its header may be."""
    head = list(itertools.islice(rows, TITLE_ROWS + 1))
    while head and all(_filled(row) == 1 for row in head) and (row := next(rows, None)) is not None:
        head.append(row)
    return head


def _filled(row) -> int:
    """How many cells of a row (``(line, cells)``, or its cells) hold anything."""
    cells = row[1] if isinstance(row, tuple) else row
    return sum(1 for cell in cells if cell.strip())


def header_index(head: list[list[str]]) -> int | None:
    """Where, among a table's first rows that are not empty (:func:`table_head`), its header naming a French
    and an English column stands: first, or under rows of one cell each (a sheet's title, a date or a source
    beneath it); None where no row is such a header."""
    for at, cells in enumerate(head):
        if names_fields(cells):
            return at
        if _filled(cells) != 1:
            return None
    return None


def names_fields(cells: list[str]) -> bool:
    """Whether a row is a header naming two languages' columns, French and English or any other two
    (``de``, ``es-ES``), among the fields tabular reads."""
    return len(languages_of([_column_of(cell) for cell in cells])) >= 2


def languages_of(columns: Sequence[str | None]) -> tuple[str, ...]:
    """The languages of a header's columns of terms, the one of its ``pos`` and ``gender`` first: in our
    layout (a ``details`` column) the first, as ``export csv --srclang de`` writes the source first (a
    row's details name that language when a person may have moved its column); in another table French
    when it has one (gender is a French noun's), else the first."""
    languages = [column for column in dict.fromkeys(columns) if column and column not in _FIELDS]
    return tuple(languages if "details" in columns else sorted(languages, key=lambda lang: lang != "fr"))


def _columns_of_header(cells: list[str], path: str | Path) -> tuple[str | None, ...] | None:
    """The model column of each cell when the row is a header, else None (the row is data)."""
    columns = tuple(_column_of(cell) for cell in cells)
    if not any(columns):
        return None
    if len(languages_of(columns)) < 2:
        if all(language_named(cell) for cell in cells if cell.strip()):  # a glossary of languages' names: data
            return None
        found = ", ".join(cell.strip() for cell in cells if cell.strip())
        raise Invalid(f"no usable columns: the header names {found}; expected fr and en (or two other "
                          "languages' columns, de and es …, or source and target)", path=str(path))
    return columns


def _column_of(name: str) -> str | None:
    """The field a header cell names: a language by its code (``de``, ``es-ES``) or its name (``Deutsch``,
    ``English (United Kingdom)``, memoQ's ``English_United_Kingdom`` and that language's definition
    ``English_United_Kingdom_Def``), or one of our columns by any of its names; None for any other."""
    annotation = _ANNOTATION.match(name)
    if annotation:
        if annotation.group(1):
            return None
        name = name[annotation.end():]
    folded = _folded_name(name)
    language = _LANGUAGE_COLUMN.match(folded)
    if language and known_language(language.group(1)):
        return known_language(language.group(1))
    if folded in _COLUMN_OF_NAME:
        return _COLUMN_OF_NAME[folded]
    named = language_named(folded)
    return "definition" if named and folded.endswith("-def") else named or _coded_column(folded)


def _coded_column(folded: str) -> str | None:
    """The field of a header naming its language by a code beside a word (``Source (en-US)``, ``Term [fr]``,
    ``en-US Term``, ``EN - English``, ``Description (en)``): the language's terms when the word says terms
    (or is the language's name), the definition or note the word names, else None."""
    match = _CODE_BESIDE.fullmatch(folded)
    if not match:
        return None
    code, word = (match["inside"], match["before"]) if match["inside"] else (match["lead"], match["after"]) \
        if match["lead"] else (match["tail"], match["word"])
    language, word = known_language(code), word.strip(" -–:")
    if language is None:
        return None
    if word in _TERM_WORDS or language_named(word) == language:
        return language
    # a definition or note is the entry's, joined with the other languages'; a part of speech or gender would
    # be read as another language's term's (entry_from_row): not read, and said
    if word in _DEFINITION_WORDS:
        return "definition"
    return "note" if _COLUMN_OF_NAME.get(word) == "note" else None


def _folded_name(name: str) -> str:
    """A header name without case, accents, runs of spaces, or the difference between "_" and "-"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("_", "-"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


_COLUMN_OF_NAME = {_folded_name(alias): column for column, aliases in _COLUMN_ALIASES.items() for alias in aliases}
# the names of French's and English's columns that say a column's role in a pair, not its language
_ROLE_NAMES = frozenset(_folded_name(name) for name in ("source", "src", "term", "source term", "terme",
                                                        "terme source", "target", "tgt", "translation",
                                                        "target term", "traduction", "terme cible"))
# a status cell as a person types it in a spreadsheet: any case, in English or French
_STATUS_OF_NAME = {_folded_name(name): status for status, names in (
    (ReviewStatus.CANDIDATE, ("candidate", "candidat")), (ReviewStatus.APPROVED, ("approved", "approuvé", "approuvée")),
    (ReviewStatus.REJECTED, ("rejected", "rejeté", "rejetée"))) for name in names}


def _status_of(cell: str) -> ReviewStatus:
    """The status a cell names; ValueError (the row is skipped, told with its line) for any other."""
    try:
        return _STATUS_OF_NAME[_folded_name(cell)]
    except KeyError:
        raise ValueError(f"status {cell!r}: expected candidate, approved or rejected") from None


def _lines(path: str | Path) -> io.StringIO:
    """The file's lines, line ends kept: UTF-8 with or without a BOM (as OmegaT reads it), UTF-16/32
    with a BOM, or Windows-1252 as Excel saves CSV (``decode_western_text``). Glossaries are small, so
    the file is decoded whole and a bad byte is named by its line."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise Invalid("empty file (no rows)", path=str(path))
    # newline="": lines end at \n, \r\n or \r only, as csv wants (not at U+2028 inside a cell)
    text = decode_western_text(data, str(path),
                               written_by="what Excel saves as CSV or tab-delimited text in Western Europe")
    return io.StringIO(text, newline="")


def single_line(text: str) -> str:
    """Tabs and line breaks (which split fields and lines) become spaces; no-break spaces stay."""
    return _BREAKS.sub(" ", text)
