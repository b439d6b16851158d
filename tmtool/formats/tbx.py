"""TBX glossaries: TBX v3 (ISO 30042:2019, TBX-Basic dialect, DCA style) and TBX 2008 ``<martif>``.

Terminology tools exchange TBX v3; OmegaT 3.6 and translate-toolkit read only martif, so both are
written. The two dialects lay an :class:`Entry` out the same way and differ only in element names and
namespace::

    conceptEntry | termEntry  @id               Entry.id (escaped when it is not an XML ID)
      descrip type=definition                   Entry.definition
      note                                      Entry.note
      note "x-status: …", "x-frequency: …", "x-score: …"
      transacGrp origination | modification     first_seen | last_seen (the earliest origination, the latest
                                                modification: model.dated_by_transactions; read from its
                                                language sections and terms too)
        transacNote type=responsibility         who: a line "Created by: …" | "Modified by: …" of the note
      langSec | langSet  @xml:lang              one per language, terms in their order
        termSec | tig
          term
          termNote partOfSpeech, grammaticalGender, termType, administrativeStatus (see below)
          descripGrp                            one Context (on the first term of its language, ``Context.lang``,
                                                or of the entry's context language):
            descrip type=context                  the sentence
            admin type=source                     the document
            note xml:lang=en                      its English translation
            note "x-unit: …"                      the translation unit
          descripGrp … note "x-of: term"        a Context of this term only (Term.contexts); an English
                                                term's pair: its English sentence the descrip, the other
                                                sentence a note in its language (xml:lang=fr)
          note "x-lemma: …", "x-form: …", "x-confidence: …", "x-frequency: …", "x-pos: …", "x-gender: …",
               "x-usage: …"
          note                                  Term.note

TBX-Basic has no data category for review status, counts, scores or lemmas, and DCA style forbids
foreign elements, so those travel as notes ``x-KEY: value`` (the ``x-`` prefix TMX uses for private
properties); a reader that does not know them shows them as plain notes. Picklist values outside
TBX-Basic's (e.g. ``properNoun``) are written as ``other`` with the exact value in an ``x-`` note.

The administrativeStatus a translator's tool sees is the term's usage only in an approved entry: TBX-Basic
allows preferred, admitted, deprecated and superseded, so an unreviewed candidate's terms are at best
``admittedTerm-admn-sts`` and a rejected entry's are ``deprecatedTerm-admn-sts`` (never to be used).
When that differs from the term's own usage, an ``x-usage`` note keeps the latter.

Reading takes entries in any languages (a term's ``lang`` is the base language of its section) from
every layout tools write, by element names whatever their namespace: ``martif`` (also in the 2019
namespace) with ``langSet/tig/term`` or ``langSet/ntig/termGrp/term`` (SDL MultiTerm, IBM, Oracle,
the Microsoft Terminology Collection; the term's notes inside ``termGrp``, its contexts beside it in
``ntig``), TBX v3 ``tbx`` with ``langSec/termSec/term`` in DCA style (``termNote type="…"``) or DCT
style (``min:partOfSpeech`` …), and the TBX-Min of 2013 (``<TBX dialect="TBX-Min">``,
``langGroup/termGroup/term``, ``termStatus``). Usage comes from ``administrativeStatus``, ``termStatus``,
``usageStatus``, ``normativeAuthorization`` or Phrase's ``forbidden``, and an entry whose terms Phrase's
``status`` all says Approved is approved (a New term makes it a candidate); picklist values and data
categories are read however tools spell them (``Noun``, ``PROPER_NOUN``, ``FULL_FORM``, ``Definition``).
A definition in each language section is the entry's definition, a line each (the same one given in every
section, once). An entry without any term is passed over and reported. A context read beside a term of the entry's context
language (``model.context_language``) is the entry's, one beside a term of another language that term's own
(``model.place_contexts``): the German sentence of a French, English and German entry stays German. An entry's
context that says its language (``Context.lang``: an edit gave a German entry a French term) is written beside
the first term of that language, and read back as that term's own.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from lxml import etree

from ..errors import Invalid, TmtoolError
from ..io.files import open_output
from ..langtags import TermLanguages, base_language, normalize_tag, term_locale
from ..model import (
    Context, Entry, ReviewStatus, Term, TermType, UsageStatus, context_language,
    ID_LABEL, RESPONSIBLE_LABELS, dated_by_transactions, grammatical_gender, part_of_speech, place_contexts,
    responsible_lines, sentence_language,
)
from .skips import OnSkip, Unusable, history_date, refuse
from ..io.xmlsafe import XMLSource, iterparse_xml, source_name, split_tag

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
_ISO_30042 = "urn:iso:std:iso:30042"  # TBX v3's namespace, and that of some martif files
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INDENTED_LINE = re.compile(r"\n[ \t]")  # a line of a text starting with white space
# lxml's incremental writer binds the Clark name above to a wrong prefix on the root element, and writes
# a prefixed name verbatim, so the root's attribute is given as such
_ROOT_XML_LANG = "xml:lang"

# Where validators find the schemas of a TBX-Basic DCA file (the published locations of the LTAC files)
_SCHEMA_DECLARATIONS = (
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"',
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" '
    'type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"',
)

# TBX-Basic picklists
_PARTS_OF_SPEECH = frozenset({"noun", "verb", "adjective", "adverb", "other"})
_GENDERS = frozenset({"masculine", "feminine", "neuter", "other"})
_ADMINISTRATIVE_STATUS = {
    UsageStatus.PREFERRED: "preferredTerm-admn-sts",
    UsageStatus.ADMITTED: "admittedTerm-admn-sts",
    UsageStatus.DEPRECATED: "deprecatedTerm-admn-sts",
}
_USAGE_OF_STATUS = {value: usage for usage, value in _ADMINISTRATIVE_STATUS.items()} | {
    "supersededTerm-admn-sts": UsageStatus.DEPRECATED
}
# ISO 12620's further types, to the nearest of ours: an initialism (*EU*, spelled letter by letter) is
# what tmtool calls an acronym, a clipped term (*lab*) an abbreviation
_TERM_TYPE_OF = {t.value: t for t in TermType} | {
    "shortForm": TermType.ABBREVIATION, "initialism": TermType.ACRONYM, "clippedTerm": TermType.ABBREVIATION}


def _folded(value: str) -> str:
    """A picklist value as tools spell it, folded: Phrase writes FULL_FORM for TBX's fullForm."""
    return value.lower().replace("_", "").replace("-", "").replace(" ", "")


def term_type_named(value: str) -> TermType | None:
    """The term type a picklist value names however a tool spells it (``fullForm``, ``FULL_FORM``, MultiTerm's
    ``Abbreviation``, ``Short form``); None for a value that names none."""
    return _TYPE_OF_FOLDED.get(_folded(value))

# the x- notes a reader turns back into fields, and how
_ENTRY_PROPERTIES = {"status": ReviewStatus, "frequency": int, "score": float}
_TERM_PROPERTIES = {"lemma": str, "confidence": float, "frequency": int, "usage": UsageStatus}
_PROPERTY_NOTE = re.compile(r"x-([a-z]+): (.*)\Z", re.DOTALL)
_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9.-]*\Z")
_ID_ESCAPE = re.compile(r"_([0-9a-f]+)_")


@dataclass(frozen=True)
class _Dialect:
    namespace: str | None
    root: str
    header: str
    entry: str
    language_section: str
    term_section: str
    body_required: bool  # martif's schema wants a <body> even for an empty glossary

    def tag(self, local: str) -> str:
        return f"{{{self.namespace}}}{local}" if self.namespace else local


TBX_V3 = _Dialect(TBX_NAMESPACE, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", False)
TBX_MARTIF = _Dialect(None, "martif", "martifHeader", "termEntry", "langSet", "tig", True)


def write_tbx(
    entries: Iterable[Entry],
    out: str | Path,
    *,
    srclang: str = "fr",
    tgtlang: str = "en",
    title: str = "tmtool glossary",
) -> int:
    """Write TBX v3, TBX-Basic dialect, DCA style, to a path (atomically) or ``-``; return the entry count."""
    root_attributes = {"type": "TBX-Basic", "style": "dca", _ROOT_XML_LANG: "en"}  # the language of notes, header
    return _write(TBX_V3, entries, out, srclang, tgtlang, title, root_attributes)


def write_tbx_martif(
    entries: Iterable[Entry],
    out: str | Path,
    *,
    srclang: str = "fr",
    tgtlang: str = "en",
    title: str = "tmtool glossary",
) -> int:
    """Write TBX 2008 ``<martif type="TBX">`` (OmegaT, translate-toolkit); return the entry count."""
    # translate-toolkit takes the root's xml:lang as the glossary's source language
    root_attributes = {"type": "TBX", _ROOT_XML_LANG: normalize_tag(srclang)}
    return _write(TBX_MARTIF, entries, out, srclang, tgtlang, title, root_attributes)


def read_tbx(path: XMLSource, *, on_skip: OnSkip = refuse) -> Iterator[Entry]:
    """Read the entries of a TBX file, one at a time, in whatever languages they hold (see
    "Reading" above). An entry that cannot be used (no term, a language section without
    ``xml:lang``, a bad value) is passed over and told to ``on_skip``."""
    name = source_name(path)
    checked = False
    languages = TermLanguages()
    for _, element in iterparse_xml(path):
        if not checked:
            _check_root(element.getroottree().getroot(), name)
            checked = True
        if _local(element) in _ENTRIES:
            try:
                yield _EntryReader(name, languages).read(element)
            except Unusable as unusable:
                on_skip(unusable.skipped(name))
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


# ---- writing ----


class _Languages:
    """Maps the model's languages ("fr", "de" …) to the tags written in the file (``fr-FR`` …): the
    source's and target's as given, the others as they are."""

    def __init__(self, srclang: str, tgtlang: str):
        self._tags = {base_language(tag): tag for tag in map(normalize_tag, (srclang, tgtlang))}

    def tag_for(self, lang: str) -> str:
        return self._tags.get(lang, lang)


def _write(
    dialect: _Dialect,
    entries: Iterable[Entry],
    out: str | Path,
    srclang: str,
    tgtlang: str,
    title: str,
    root_attributes: dict[str, str],
) -> int:
    languages = _Languages(srclang, tgtlang)
    entries = iter(entries)
    first = next(entries, None)
    ids_written: set[str] = set()
    count = 0
    with open_output(out) as stream, etree.xmlfile(stream, encoding="utf-8") as xml:
        xml.write_declaration()
        if dialect is TBX_V3:
            for declaration in _SCHEMA_DECLARATIONS:
                xml.write(etree.ProcessingInstruction("xml-model", declaration))
        nsmap = {None: dialect.namespace} if dialect.namespace else None
        with xml.element(dialect.tag(dialect.root), root_attributes, nsmap=nsmap):
            xml.write("\n", _header(dialect, title), pretty_print=True)
            with xml.element(dialect.tag("text")):
                if first is not None or dialect.body_required:
                    with xml.element(dialect.tag("body")):
                        xml.write("\n")
                        for entry in itertools.chain([first] if first else [], entries):
                            count += 1
                            xml_id = _xml_id(entry.id) if entry.id is not None else f"entry-{count}"
                            if xml_id in ids_written:
                                raise Invalid(f"two entries have the id {entry.id or xml_id!r}")
                            ids_written.add(xml_id)
                            element = _entry_element(dialect, entry, xml_id, languages)
                            # a line of a text indented deeper than its element would read back as the layout's
                            # wrap (see _unwrapped): such an entry is written without the layout's indentation
                            laid_out = not any(_INDENTED_LINE.search(text) for text in element.itertext())
                            xml.write(element, pretty_print=laid_out)
                            if not laid_out:
                                xml.write("\n")
            xml.write("\n")
    return count


def _header(dialect: _Dialect, title: str) -> etree._Element:
    header = _element(dialect, dialect.header)
    file_description = _sub(dialect, header, "fileDesc")
    try:
        _sub(dialect, _sub(dialect, file_description, "titleStmt"), "title", title)
    except ValueError as exc:  # lxml refuses control characters and lone surrogates
        raise Invalid(f"the title cannot be written as XML: {exc}") from None
    _sub(dialect, _sub(dialect, file_description, "sourceDesc"), "p", "Written by tmtool")
    return header


def _entry_element(dialect: _Dialect, entry: Entry, xml_id: str, languages: _Languages) -> etree._Element:
    if not entry.terms:
        raise Invalid(f"entry {entry.id or xml_id!r} has no terms; TBX needs at least one")
    try:
        element = _element(dialect, dialect.entry, {"id": xml_id})
        if entry.definition is not None:
            _sub(dialect, element, "descrip", entry.definition, type="definition")
        dated = {"origination": entry.first_seen, "modification": entry.last_seen}
        # who made and changed it (lines of its note) as its transactions' responsibility, where they are written
        note, responsible = responsible_lines(entry.note, [kind for kind, when in dated.items() if when is not None])
        # the transactions stand where those lines stood, between the note's lines before and after them: a reader
        # puts the lines back there (_EntryReader.read), and the entry read back is the one written
        before, after = _around_responsible(entry.note, note, responsible)
        if before is not None:
            _sub(dialect, element, "note", before)
        _property(dialect, element, "status", entry.status.value)
        _property(dialect, element, "frequency", str(entry.frequency))
        _property(dialect, element, "score", repr(entry.score))
        for transaction, when in dated.items():
            if when is not None:
                group = _sub(dialect, element, "transacGrp")
                _sub(dialect, group, "transac", transaction, type="transactionType")
                _sub(dialect, group, "date", when.isoformat())
                if transaction in responsible:
                    _sub(dialect, group, "transacNote", responsible[transaction], type="responsibility")
        if after is not None:
            _sub(dialect, element, "note", after)
        # a context is a sentence in one language (French, for a French–English extraction) with its English
        # translation, whatever the pair written: the first term of that language holds it (of the entry's
        # context language when the entry has none of it)
        holder = context_language(t.lang for t in entry.terms)
        first = {}
        for term in entry.terms:
            first.setdefault(base_language(term.lang), term)
        context_holder = first.get(holder, entry.terms[0])
        held: dict[int, list[Context]] = {}
        for context in entry.contexts:
            held.setdefault(id(first.get(sentence_language(context, holder), context_holder)), []).append(context)
        for tag, terms in _by_language(entry.terms, languages):
            section = _sub(dialect, element, dialect.language_section, **{XML_LANG: tag})
            for term in terms:
                _term_element(dialect, section, term, held.get(id(term), []), languages, entry.status, holder)
        return element
    except ValueError as exc:  # lxml refuses control characters and lone surrogates
        raise Invalid(f"entry {entry.id or xml_id!r} cannot be written as XML: {exc}") from None


def _term_element(
    dialect, parent, term: Term, contexts: list[Context], languages: _Languages, status: ReviewStatus, holder: str
) -> None:
    section = _sub(dialect, parent, dialect.term_section)
    _sub(dialect, section, "term", term.text)
    # termNote elements come before descrip/admin/note inside a termSec
    _sub(dialect, section, "termNote", _picklisted(term.pos, _PARTS_OF_SPEECH), type="partOfSpeech")
    if term.gender is not None:
        _sub(dialect, section, "termNote", _picklisted(term.gender, _GENDERS), type="grammaticalGender")
    _sub(dialect, section, "termNote", term.term_type.value, type="termType")
    shown_usage = _shown_usage(term.usage, status)
    _sub(dialect, section, "termNote", _ADMINISTRATIVE_STATUS[shown_usage], type="administrativeStatus")
    # in an English term's section, a pair's English sentence is the context and its other one a note
    english = base_language(term.lang) == "en"
    for context in contexts:
        _context_group(dialect, section, context, languages, (context.lang or holder) if english else None)
    for context in term.contexts:
        group = _context_group(dialect, section, context, languages, (context.lang or holder) if english else None)
        _property(dialect, group, "of", "term")
    if term.pos not in _PARTS_OF_SPEECH:
        _property(dialect, section, "pos", term.pos)
    if term.gender is not None and term.gender not in _GENDERS:
        _property(dialect, section, "gender", term.gender)
    if term.lemma is not None:
        _property(dialect, section, "lemma", term.lemma)
    for form in term.forms:
        _property(dialect, section, "form", form)
    if term.confidence is not None:
        _property(dialect, section, "confidence", repr(term.confidence))
    if term.frequency:
        _property(dialect, section, "frequency", str(term.frequency))
    if shown_usage is not term.usage:
        _property(dialect, section, "usage", term.usage.value)
    if term.note is not None:
        _sub(dialect, section, "note", term.note)


def _around_responsible(written: str | None, note: str | None, responsible: dict[str, str]
                        ) -> tuple[str | None, str | None]:
    """``note`` (``written`` without the lines naming who made and changed the entry, ``responsible``) split where
    the first of those lines stood: the text before it and after it, None for none (all of it before, when none)."""
    if note is None or not responsible:
        return note, None
    prefixes = tuple(f"{RESPONSIBLE_LABELS[kind]}: " for kind in responsible)
    at = next(at for at, line in enumerate(written.split("\n"))
              if line.startswith(prefixes) and line.split(": ", 1)[1].strip())
    lines = note.split("\n")
    return "\n".join(lines[:at]) if at else None, "\n".join(lines[at:]) if lines[at:] else None


def _shown_usage(usage: UsageStatus, status: ReviewStatus) -> UsageStatus:
    """The usage a term's administrativeStatus claims: only an approved entry's terms can be preferred."""
    if status is ReviewStatus.REJECTED:
        return UsageStatus.DEPRECATED
    if status is ReviewStatus.CANDIDATE and usage is UsageStatus.PREFERRED:
        return UsageStatus.ADMITTED
    return usage


def _shows(shown: UsageStatus, usage: UsageStatus, status: ReviewStatus | None) -> bool:
    """Whether an administrativeStatus read as ``shown`` is what the writer shows of a term of ``usage``
    (its ``x-usage`` note) in an entry now of ``status``: an unreviewed entry's preferred term as admitted
    (approved in the file since, too), a rejected entry's as deprecated. Otherwise a person changed it in
    a terminology tool (a candidate's term marked deprecated), and that stands."""
    return shown is _shown_usage(usage, ReviewStatus.CANDIDATE) or (
        status is ReviewStatus.REJECTED and shown is UsageStatus.DEPRECATED)


def _context_group(dialect, section, context: Context, languages: _Languages, other: str | None) -> etree._Element:
    """A context in a term's section: its sentence in the section's language, the other as a note in its
    own. ``other``: in an English term's section, the language of a pair's first sentence (the entry's
    context language), a note under its English sentence (a term's sentence alone is written as it is)."""
    sentence, note, note_lang = context.fr, context.en, "en"
    if other and context.en:
        sentence, note, note_lang = context.en, context.fr, other
    group = _sub(dialect, section, "descripGrp")
    _sub(dialect, group, "descrip", sentence, type="context")
    if context.document:
        _sub(dialect, group, "admin", context.document, type="source")
    if note:
        _sub(dialect, group, "note", note, **{XML_LANG: languages.tag_for(note_lang)})
    if context.unit:
        _property(dialect, group, "unit", context.unit)
    return group


def _by_language(terms: list[Term], languages: _Languages) -> list[tuple[str, list[Term]]]:
    """Terms grouped by the tag of their language section, in the order they first appear: a term's own locale (the
    region or script its termbase gave it) where the export names none for its language (es, not es-MX) or where the
    entry's terms of that language are of two (en-GB beside en-US); else the tag the export names."""
    locales: dict[str, set[str | None]] = {}
    for term in terms:
        locales.setdefault(term.lang, set()).add(term.locale)
    groups: dict[str, list[Term]] = {}
    for term in terms:
        asked = languages.tag_for(term.lang)
        own = term.locale and (asked == term.lang or len(locales[term.lang]) > 1)
        groups.setdefault(term.locale if own else asked, []).append(term)
    return list(groups.items())


def _picklisted(value: str, picklist: frozenset[str]) -> str:
    return value if value in picklist else "other"


def _element(dialect: _Dialect, local: str, attributes: dict[str, str] | None = None) -> etree._Element:
    nsmap = {None: dialect.namespace} if dialect.namespace else None
    return etree.Element(dialect.tag(local), attributes or {}, nsmap=nsmap)


def _sub(dialect: _Dialect, parent, local: str, text: str | None = None, **attributes) -> etree._Element:
    child = etree.SubElement(parent, dialect.tag(local), attributes)
    child.text = text
    return child


def _property(dialect: _Dialect, parent, key: str, value: str) -> None:
    _sub(dialect, parent, "note", f"x-{key}: {value}")


def _xml_id(entry_id: str) -> str:
    """An entry id as an XML ID; ids that are not plain ASCII names are escaped reversibly.

    The escaped form starts with ``_`` and writes every character outside ``[A-Za-z0-9.-]`` as ``_hex_``,
    so ``"42"`` becomes ``"_42"`` and ``"a b"`` becomes ``"_a_20_b"``.
    """
    if _PLAIN_ID.match(entry_id):
        return entry_id
    return "_" + "".join(c if c.isascii() and (c.isalnum() or c in ".-") else f"_{ord(c):x}_" for c in entry_id)


# IATE's concept ids as its older export writes them (IATE-1118513; iate.europa.eu/entry/result/1118513): no number a
# store could keep as the entry's id, kept as a line of the entry's note (model.ID_LABEL)
_IATE_ID = re.compile(r"IATE-\d+\Z")


def _entry_id(xml_id: str | None) -> str | None:
    if xml_id is None or not xml_id.startswith("_"):
        return xml_id
    return _ID_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), xml_id[1:])


# ---- reading ----


# Every layout is read by element names, whatever their namespace: martif's (none), TBX v3's, and the
# module namespaces of the DCT style (min:, basic:), whose elements are named after data categories.
_ROOTS = frozenset({"martif", "tbx"})  # TBX-Min of 2013: <TBX dialect="TBX-Min">
_ENTRIES = frozenset({"termEntry", "conceptEntry"})
_LANGUAGE_SECTIONS = frozenset({"langSet", "langSec", "langGroup"})
_TERM_SECTIONS = frozenset({"tig", "ntig", "termSec", "termGroup"})
_TERM_GROUP = "termGrp"  # TBX 2008's ntig holds its term and termNotes in one
# a term's notes grouped with a note on them (TBX 2008 and v3: translate-toolkit's Terminator writes an
# administrativeStatus and the reason for it so), read as the term's own
_TERM_NOTE_GROUP = "termNoteGrp"
_TERM_NOTES = frozenset({"partOfSpeech", "grammaticalGender", "termType", "administrativeStatus", "termStatus",
                         "usageStatus", "normativeAuthorization", "forbidden"})
# administrativeStatus (TBX-Basic, 2008 and v3), termStatus (TBX-Min 2013), usageStatus (TBX-Min v3),
# normativeAuthorization (ISO 12620's, which termbases of TBX 2008 such as translate5's write: preferredTerm,
# admittedTerm, deprecatedTerm …), forbidden (Phrase TMS's export: true or false). IATE's export also writes
# proposedTerm-admn-sts, a term proposed but not yet adopted: admitted, never offered as the preferred one
_USAGE_WORDS = (("preferred", UsageStatus.PREFERRED), ("admitted", UsageStatus.ADMITTED),
                ("deprecated", UsageStatus.DEPRECATED), ("superseded", UsageStatus.DEPRECATED),
                ("notrecommended", UsageStatus.DEPRECATED), ("obsolete", UsageStatus.DEPRECATED),
                ("forbidden", UsageStatus.DEPRECATED), ("proposed", UsageStatus.ADMITTED))
_TYPE_OF_FOLDED = {_folded(value): term_type for value, term_type in _TERM_TYPE_OF.items()}
_ORIGINATION = frozenset({"origination", "creation"})
_INLINE = frozenset({"hi", "foreign", "bpt", "ept", "ph", None})  # what a note's text may hold (None: a comment)


def _local(element: etree._Element) -> str | None:
    """An element's name without its namespace; None for comments and processing instructions."""
    return split_tag(element.tag)[1] if isinstance(element.tag, str) else None


def _check_root(root: etree._Element, path: str | None) -> None:
    namespace, name = split_tag(root.tag)
    if name.lower() in _ROOTS and (namespace is None or namespace.startswith(_ISO_30042)):
        return
    found = f"<{name}> in namespace {namespace}" if namespace else f"<{name}>"
    raise Invalid(
        f"not a TBX file: the root element is {found}, expected <tbx> (TBX v3, namespace {TBX_NAMESPACE}) "
        "or <martif> (TBX 2008)",
        path=path,
        line=root.sourceline,
    )


class _EntryReader:
    """Reads one termEntry/conceptEntry element into an Entry; ``x-`` notes restore what TBX lacks."""

    def __init__(self, path: str | None, languages: TermLanguages):
        self.path = path
        self.languages = languages
        self.notes: list[str] = []
        self.reviews: list[str] = []  # Phrase's status of each term: Approved or New
        self.usages: list[tuple[Term, UsageStatus]] = []  # each term's x-usage note: its usage, when not shown
        # each term's x-pos and x-gender notes: its value outside TBX-Basic's picklist, shown as "other"
        self.beyond_picklists: list[tuple[Term, str, str]] = []
        self.contexts: list[tuple[Term, Context]] = []  # each context read beside a term, not of it only (x-of)
        # the transactions of its language sections and terms: the entry's history too (a termbase that dates its
        # terms only, as TBX-Basic's samples do, dates its entry by them)
        self.transactions: list[tuple[str, str, datetime | None]] = []
        self.unread_dates: list[str] = []  # the note lines of the dates of its transactions read as none

    def read(self, element: etree._Element) -> Entry:
        entry = Entry(terms=[], id=_entry_id(element.get("id")), status=None)  # unless an x-status note gives it
        transactions, at = [], None  # (kind, who, when) of its transacGrps; where the note names who
        for child in element:
            local = _local(child)
            if local in _LANGUAGE_SECTIONS:
                self._read_language_section(child, entry)
            elif local == "transacGrp":
                at = len(self.notes) if at is None else at
                transactions += self._transaction(child)
            else:
                self._read_description(child, entry, self._property_setter(entry, _ENTRY_PROPERTIES))
        transactions = list(dict.fromkeys(transactions + self.transactions))  # a section's repeating the entry's once
        if transactions:
            at = len(self.notes) if at is None else at
            self.notes[at:at] = dated_by_transactions(entry, transactions) + self.unread_dates
        entry.terms = [term for term in entry.terms if term.text.strip()]
        if not entry.terms:
            raise Unusable("an entry without any term", element.sourceline)
        place_contexts(entry, self.contexts)
        holder = context_language(t.lang for t in entry.terms)
        for term in entry.terms:  # a pair's language said where it is the one it goes without (model.Context)
            for context in term.contexts:
                if context.lang and context.lang == sentence_language(replace(context, lang=None), holder, term.lang):
                    context.lang = None
        if entry.id and _IATE_ID.match(entry.id):  # IATE's name for the concept, no store's id: kept where people read it
            self.notes.append(f"{ID_LABEL}: {entry.id}")
        entry.note = "\n".join(self.notes) if self.notes else None
        for term, usage in self.usages:
            if _shows(term.usage, usage, entry.status):
                term.usage = usage
        for term, key, value in self.beyond_picklists:
            if getattr(term, key) == "other":  # else a person has since chosen another value in the file
                setattr(term, key, value)
        if entry.status is None and self.reviews:  # approved when Phrase has every term approved
            approved = all(review == "approved" for review in self.reviews)
            entry.status = ReviewStatus.APPROVED if approved else ReviewStatus.CANDIDATE
        return entry

    def _read_language_section(self, section: etree._Element, entry: Entry) -> None:
        tag = section.get(XML_LANG)
        if not tag:
            raise Unusable(f"<{_local(section)}> without xml:lang", section.sourceline)
        try:
            lang = self.languages.base(tag)
        except TmtoolError as exc:
            raise Unusable(exc.message, section.sourceline) from None
        for child in section:
            local = _local(child)
            if local in _TERM_SECTIONS:
                entry.terms.append(self._read_term(child, lang, entry))
                entry.terms[-1].locale = term_locale(tag)  # en-GB beside en-US: each term keeps its own
            elif local == "transacGrp":
                self.transactions += self._transaction(child)
            else:
                self._read_description(child, entry, self._property_setter(None, {}))

    def _read_term(self, section: etree._Element, lang: str, entry: Entry) -> Term:
        term = Term(text="", lang=lang)
        self._read_term_data(section, term, entry, self._property_setter(term, _TERM_PROPERTIES))
        return term

    def _read_term_data(self, section: etree._Element, term: Term, entry: Entry, set_property) -> None:
        for child in section:
            local = _local(child)
            # a term note as termNote type="…", or as an element of its own (DCT style, TBX-Min 2013)
            kind = child.get("type") if local == "termNote" else local
            if kind == "status" and _text(child).strip().lower() in ("approved", "new"):
                self.reviews.append(_text(child).strip().lower())  # and kept as a note, which term it is
            if local in (_TERM_GROUP, _TERM_NOTE_GROUP):
                self._read_term_data(child, term, entry, set_property)
            elif local == "transacGrp":
                self.transactions += self._transaction(child)
            elif local == "term":
                term.text = _text(child)
            elif kind in _TERM_NOTES:
                self._read_term_note(kind, _text(child).strip(), term)
            elif self._is_context(child) or (local == "descripGrp" and len(child) and self._is_context(child[0])):
                context, owned_by_term = self._read_context(child, term.lang)
                if owned_by_term:
                    term.contexts.append(context)
                else:  # the entry's or the term's, by its language: see read
                    self.contexts.append((term, context))
            else:
                self._read_description(child, entry, set_property, term)

    @staticmethod
    def _read_term_note(kind: str, value: str, term: Term) -> None:
        if kind == "partOfSpeech":
            term.pos = part_of_speech(value)
        elif kind == "grammaticalGender":
            term.gender = grammatical_gender(value)
        elif kind == "termType":
            term.term_type = term_type_named(value) or TermType.FULL_FORM
        elif kind == "forbidden":
            if value.lower() == "true":
                term.usage = UsageStatus.DEPRECATED
        else:
            folded = value.lower()
            term.usage = next((usage for word, usage in _USAGE_WORDS if word in folded), UsageStatus.PREFERRED)

    def _read_context(self, element: etree._Element, lang: str) -> tuple[Context, bool]:
        """A context read beside a term of ``lang``, and whether it supports this term only (``x-of: term``)
        rather than the entry. In an English term's section, a note in another language is a pair's first
        sentence (its ``lang``), the context its English (a note in English: the English of the sentence, as
        tmtool wrote it before)."""
        if _local(element) != "descripGrp":
            return Context(fr=_text(element)), False
        context, owned_by_term = Context(fr=_text(element[0])), False
        for child in element[1:]:
            local = _local(child)
            match = _PROPERTY_NOTE.match(_text(child)) if local == "note" else None
            note_lang = _note_language(child.get(XML_LANG)) if local == "note" else None
            if (local == "admin" and child.get("type") == "source") or local == "source":  # DCT: basic:source
                context.document = _text(child)
            elif lang == "en" and note_lang not in (None, "en"):
                context.fr, context.en, context.lang = _text(child), context.fr, note_lang
            elif local == "note" and child.get(XML_LANG):
                context.en = _text(child)
            elif match and match[1] == "unit":
                context.unit = match[2]
            elif match and match[1] == "of":
                owned_by_term = match[2] == "term"
        return context, owned_by_term

    def _read_description(self, element: etree._Element, entry: Entry, on_property, term: Term | None = None) -> None:
        """Definitions and notes, wherever they stand; any other data category (subject field, source,
        customer, cross-reference, geographical usage …) becomes a note ``category: value``, or
        ``category (term): value`` for a term's own (as the MultiTerm reader names them)."""
        local = _local(element)
        # "Definition" as MultiTerm and translate5 name it too: data categories are told in any case; a
        # descrip of no type is what Weblate (translate-toolkit) writes a term's explanation in
        definition = local == "definition" or (local == "descrip" and _kind(element) in ("definition", ""))
        if local in ("descripGrp", "adminGrp"):
            for child in element:
                self._read_description(child, entry, on_property, term)
        elif definition:
            # a definition in each language section: the entry's, a line each (as a memoQ CSV's), the same
            # one given again (translate5 copies it into every section) once
            text = _text(element)
            held = [] if entry.definition is None else [entry.definition, *entry.definition.split("\n")]
            if text not in held:
                entry.definition = text if entry.definition is None else f"{entry.definition}\n{text}"
        elif local == "note":
            text = _text(element)
            match = _PROPERTY_NOTE.match(text)
            if match:
                on_property(match[1], match[2], element)
            elif term is not None:  # a note in a tig (termSec, termGrp): the term's own
                term.note = text if term.note is None else f"{term.note}\n{text}"
            else:
                self.notes.append(text)
        elif local and (_text(element).strip() or element.get("target")) and all(
                _local(child) in _INLINE for child in element):
            # descrip, admin, termNote, xref … name their category by type; DCT style by element name
            # (a group of several, a term's transacGrp, is no one value). A reference may name only its
            # target (a crossReference to another entry's id, as Terminator writes one): that is its value
            text, target = _text(element).strip(), element.get("target")
            value = f"{text} ({target})" if text and target else text or target
            of = f" ({term.text})" if term is not None and term.text else ""
            self.notes.append(f"{element.get('type') or local}{of}: {value}")

    def _transaction(self, group: etree._Element) -> list[tuple[str, str, datetime | None]]:
        """A transacGrp's origination or modification (model.dated_by_transactions): its kind, who, when. A date
        it does not read is none, kept as written as a line of the note: the entry's terms are not lost for it."""
        kinds = [_text(c) for c in group if _local(c) in ("transac", "transactionType")]
        if not kinds or kinds[0] not in (*_ORIGINATION, "modification"):
            return []
        kind = "origination" if kinds[0] in _ORIGINATION else "modification"
        who = next((_text(c).strip() for c in group if (_local(c) == "transacNote" and c.get("type") == "responsibility")
                    or _local(c) == "responsibility"), "")
        date = next((c for c in group if _local(c) == "date"), None)
        written = _text(date).strip() if date is not None else ""
        return [(kind, who, history_date(kind, written, self.unread_dates, self.path,
                                         None if date is None else date.sourceline))]

    def _property_setter(self, target: Entry | Term | None, conversions: dict):
        """The handler of ``x-`` notes that sets the fields of ``target`` named in ``conversions``."""

        def set_property(key: str, value: str, at: etree._Element) -> None:
            if key == "form" and isinstance(target, Term):
                target.forms.append(value)
            elif key == "usage" and isinstance(target, Term):  # weighed against the administrativeStatus read
                try:
                    self.usages.append((target, UsageStatus(value)))
                except ValueError:
                    raise Unusable(f"invalid x-{key} value {value!r}", at.sourceline) from None
            elif key in ("pos", "gender") and isinstance(target, Term):  # weighed against the termNote read
                self.beyond_picklists.append((target, key, value))
            elif key in conversions:
                try:
                    setattr(target, key, conversions[key](value))
                except ValueError:
                    raise Unusable(f"invalid x-{key} value {value!r}", at.sourceline) from None
            else:  # someone else's note that looks like ours: keep it as a note
                self.notes.append(f"x-{key}: {value}")

        return set_property

    @staticmethod
    def _is_context(element: etree._Element) -> bool:
        """A context sentence: ``descrip type="context"`` (DCA style), or DCT style's ``basic:context``."""
        return (_local(element) == "descrip" and _kind(element) == "context") or _local(element) == "context"


def _note_language(tag: str | None) -> str | None:
    """A note's xml:lang as a base language; None where there is none or it cannot be read (such a note is
    the English, as always)."""
    try:
        return base_language(tag) if tag else None
    except TmtoolError:
        return None


def _kind(element: etree._Element) -> str:
    """The data category an element names by its ``type``, folded to lower case."""
    return (element.get("type") or "").lower()


def _text(element: etree._Element) -> str:
    """The text of an element, inline markup (<hi> …) flattened, and lines its file's layout wrapped joined."""
    text = "".join(element.itertext()) if len(element) else element.text or ""
    return _unwrapped(element, text) if "\n" in text else text


def _unwrapped(element: etree._Element, text: str) -> str:
    """``text`` with the line breaks a file's layout put in it (LTAC's TBX-Basic samples wrap a definition or
    context at 80 columns, each next line indented deeper than the element: *…in the spiral⏎\t\t\t\t\t\t\tarms of
    a galaxy.*) read as the spaces they stand for; a line break not followed by such indentation (two lines of a
    note, as tmtool writes them) is kept, and so is every one where ``xml:space="preserve"`` (the element's own, else
    its nearest ancestor's) says the file's white space is its text."""
    if next((e.get(XML_SPACE) for e in (element, *element.iterancestors()) if e.get(XML_SPACE)), None) == "preserve":
        return text
    previous = element.getprevious()
    before = previous.tail if previous is not None else element.getparent().text if element.getparent() is not None \
        else None
    indent = before.rpartition("\n")[2] if before and "\n" in before else None
    if not indent or indent.strip():  # elements at the line's start: a file without indentation, whose text it is
        return text
    first, *lines = text.rstrip(" \t\n").split("\n")
    if not lines or not all(line.startswith(indent) and line[len(indent):][:1] in (" ", "\t") for line in lines):
        return text
    return " ".join(part for part in (first.strip(), *(line.strip() for line in lines)) if part)
