"""SDL MultiTerm XML exports (``<mtf>``, usually ``.xml`` in UTF-16): read as glossary entries.

A MultiTerm termbase exports one ``conceptGrp`` an entry::

    conceptGrp
      concept                                   the entry's number (Entry.id)
      descripGrp/descrip type="…"               entry fields, named as the termbase's designer chose
      transacGrp/transac type="origination|modification" + date: first/last seen; the transac's text (who) a note line
      languageGrp
        language type="French" lang="FR"        the section's language
        descripGrp/descrip type="…"           language fields (a definition in each language), the entry's
        termGrp
          term
          descripGrp/descrip type="…"           term fields
          transacGrp                            the term's history: the entry's too (its latest change …)

Field names are the termbase's own, so they are matched loosely: a ``Definition`` is the entry's
definition (one in each language, a line each), a ``Term Type`` naming a TBX type the term's, ``Note``/``Comment`` a note (the entry's, or the term's whose field it is), ``Part of speech``
and ``Gender`` the term's, a ``Usage`` or ``Status`` naming preferred/admitted/deprecated/forbidden … the
term's usage, a term's ``Context`` a context (the entry's when the term is of the entry's context language,
else the term's own, which keeps it in its language: ``model.place_contexts``); any other field is kept as a
note ``field: value``. Entries are candidates until reviewed, as from TBX.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterator

from lxml import etree

from ..errors import Invalid, TmtoolError
from ..io.xmlsafe import XMLSource, iterparse_xml, source_name
from ..langtags import TermLanguages, term_locale
from ..model import (
    Context, Entry, Term, UsageStatus, dated_by_transactions, grammatical_gender, part_of_speech,
    place_contexts,
)
from .skips import OnSkip, Unusable, history_date, refuse
from .tbx import term_type_named

# a usage field's words, the first found deciding (MultiTerm picklists are the termbase's own); Acrolinx's "proposed",
# a term not yet adopted, is admitted, never offered as the preferred one (as TBX's proposedTerm-admn-sts is read)
_USAGE_WORDS = (("deprecated", UsageStatus.DEPRECATED), ("forbidden", UsageStatus.DEPRECATED),
                ("obsolete", UsageStatus.DEPRECATED), ("not recommended", UsageStatus.DEPRECATED),
                ("admitted", UsageStatus.ADMITTED), ("preferred", UsageStatus.PREFERRED),
                ("proposed", UsageStatus.ADMITTED))


def read_multiterm(path: XMLSource, *, on_skip: OnSkip = refuse) -> Iterator[Entry]:
    """The entries of a MultiTerm XML export, one at a time; an entry without any term, or a language
    group that names no language, is passed over and told to ``on_skip``."""
    name = source_name(path)
    checked = False
    languages = TermLanguages()
    for _, element in iterparse_xml(path):
        if not checked:
            root = element.getroottree().getroot()
            if root.tag != "mtf":
                raise Invalid(f"not a MultiTerm XML export: the root element is <{root.tag}>, not <mtf>",
                                  path=name, line=root.sourceline)
            checked = True
        if element.tag == "conceptGrp":
            try:
                yield _entry(element, languages, name)
            except Unusable as unusable:
                on_skip(unusable.skipped(name))
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def _entry(concept: etree._Element, languages: TermLanguages, path: str | None) -> Entry:
    entry, notes = Entry(terms=[], id=concept.findtext("concept"), status=None), []  # MultiTerm has no status
    contexts: list[tuple[Term, Context]] = []  # each term's Context fields
    transactions, at = [], None  # (kind, who, when) of its transacGrps; where the note names who
    term_transactions = []  # those of its terms
    unread_dates: list[str] = []  # the note lines of their dates read as none
    for child in concept:
        if child.tag == "languageGrp":
            lang, locale = _language(child, languages)
            for group in child:
                if group.tag == "termGrp":
                    entry.terms.append(_term(group, lang, entry, notes, contexts))
                    entry.terms[-1].locale = locale  # English (United Kingdom) beside English (United States)
                    # a term's history is the entry's too (MultiTerm dates each term it exports)
                    term_transactions += [t for grp in group.iterfind("transacGrp") for t in _transaction(grp, unread_dates, path)]
                elif group.tag == "descripGrp":  # a field of the language (a termbase's definitions often are)
                    _field(group, entry, None, notes)
        elif child.tag == "descripGrp":
            _field(child, entry, None, notes)
        elif child.tag == "transacGrp":
            at = len(notes) if at is None else at
            transactions += _transaction(child, unread_dates, path)
    transactions = list(dict.fromkeys(transactions + term_transactions))  # a term's repeating the entry's once
    if transactions:
        at = len(notes) if at is None else at
        notes[at:at] = dated_by_transactions(entry, transactions) + unread_dates
    entry.terms = [term for term in entry.terms if term.text.strip()]
    if not entry.terms:
        raise Unusable("a conceptGrp without any term", concept.sourceline)
    place_contexts(entry, contexts)
    entry.note = "\n".join(notes) or None
    return entry


def _language(group: etree._Element, languages: TermLanguages) -> tuple[str, str | None]:
    """A language group's base language and its term's locale (:func:`term_locale`: ``EN-GB`` → ``en-GB``)."""
    language = group.find("language")
    tag = language.get("lang") if language is not None else None
    if not tag:
        raise Unusable("a languageGrp without <language lang=…>", group.sourceline)
    try:
        return languages.base(tag), term_locale(tag)
    except TmtoolError as exc:
        raise Unusable(exc.message, language.sourceline) from None


def _term(group: etree._Element, lang: str, entry: Entry, notes: list[str], contexts: list) -> Term:
    term = Term(text=group.findtext("term") or "", lang=lang)
    for grp in group.iterfind("descripGrp"):
        _field(grp, entry, term, notes, contexts)
    return term


def _field(group: etree._Element, entry: Entry, term: Term | None, notes: list[str],
           contexts: list | None = None) -> None:
    """The descrips of a descripGrp (a field and, nested, its sub-fields) into the entry or term; a
    term's context into ``contexts``, beside its term."""
    for descrip in group.iter("descrip"):
        kind, value = (descrip.get("type") or "").strip(), "".join(descrip.itertext()).strip()
        folded = kind.casefold()
        if not value:
            continue
        if folded == "definition":
            # a definition in each language (MultiTerm's is a language field): the entry's, a line each, as TBX's
            held = [] if entry.definition is None else [entry.definition, *entry.definition.split("\n")]
            if value not in held:
                entry.definition = value if entry.definition is None else f"{entry.definition}\n{value}"
        elif term is not None and folded == "context":
            contexts.append((term, Context(value)))
        elif folded in ("note", "comment", "remark"):
            if term is None:
                notes.append(value)
            else:  # the term's own note, as a TBX tig's (which a TBX export writes back there)
                term.note = value if term.note is None else f"{term.note}\n{value}"
        elif term is not None and folded.replace(" ", "") in ("partofspeech", "pos", "grammar"):
            term.pos = part_of_speech(value)
        elif term is not None and folded in ("gender", "genre"):
            term.gender = grammatical_gender(value)
        elif term is not None and folded.replace(" ", "") in ("termtype", "type") and term_type_named(value):
            term.term_type = term_type_named(value)
        elif term is not None and folded in ("usage", "status", "term status", "usage status") and any(
                word in value.lower() for word, _ in _USAGE_WORDS):
            term.usage = next(usage for word, usage in _USAGE_WORDS if word in value.lower())
        else:
            notes.append(f"{kind}: {value}" if term is None else f"{kind} ({term.text}): {value}")


def _transaction(group: etree._Element, unread_dates: list[str], path: str | None
                 ) -> list[tuple[str, str, datetime | None]]:
    """A transacGrp's origination or modification (model.dated_by_transactions): its kind, who (its transac's
    text), when. A date it does not read is none, kept as written in ``unread_dates`` (lines of the entry's note):
    the entry's terms are not lost for it."""
    transac, date = group.find("transac"), group.find("date")
    kind = transac.get("type") if transac is not None else None
    if kind not in ("origination", "modification"):
        return []
    written = (date.text or "").strip() if date is not None else ""
    when = history_date(kind, written, unread_dates, path, None if date is None else date.sourceline)
    return [(kind, (transac.text or "").strip(), when)]
