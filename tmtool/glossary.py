"""The glossary's rules, written once over the store interface (:mod:`tmtool.store.base`), so every
backend gets them: term extraction's proposals merged into entries, a person's review (add, edit,
approve, reject, deprecate, merge, remove) recorded and revertible, imports de-duplicated, and the
evidence of documents recounted whenever a document is replaced or removed.

Each function that writes runs in one transaction of the store. ``user`` names who made a
recorded change.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import replace
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from .errors import Conflict, Invalid, NotFound, ReadOnly, Unavailable
from .io.xmlchars import named, not_xml
from .langtags import base_language, term_locale
from .progress import Progress, Step
from .model import (
    ENTRY_KEYS, ID_LABEL, Context, Entry, ReviewStatus, Term, TermType, Unit, UsageStatus, context_language,
    entry_from_dict, entry_to_dict, grammatical_gender, held_languages, iso, parse_time, part_of_speech,
    sentence_language, utcnow,
)
from .store.base import Store
from .store.evidence import entry_score, kept_equivalents
from .store.rows import lookup_key_rows, other_language, term_context
from .store.records import (
    Change, DocumentRecord, EntryState, ImportRecord, Removal, StoredUnit, entry_snapshot, review_state, spellings,
)
from .text.normalize import capitals, fold, french_stem, inflection_key, spelling_key, stem, visible

CONTEXTS_PER_DOCUMENT = 3  # enough to show a term in use without storing every sentence
# entries' counts by document, as Store.document_counts reads them
_Counts = Mapping[int, list[tuple[str, int, str | None, float | None]]]


# ---- a person's edits, as functions on the model ------------------------------------------------


def _find(entry: Entry, text: str, lang: str | None = None) -> Term:
    """The entry's term written ``text``, in ``lang`` (a base language) when given: *radar* is the French
    and the English term of one entry. The term written as given first, then one written alike folded (*emi* for
    *EMI*): of *Internet* and *internet*, both an entry's, ``internet`` is the second (the first was dropped or
    deprecated in its place)."""
    candidates = [term for term in entry.terms if lang in (None, term.lang)]
    for same in (_same_text, lambda a, b: fold(a) == fold(b)):
        for term in candidates:
            if same(term.text, text):
                return term
    raise Invalid(f"entry {entry.id} has no {lang + ' ' if lang else ''}term {text!r}")


# line breaks, tabs and runs of spaces inside a term are layout (an indented <term>, a wrapped cell);
# a no-break space is kept, as French typography chose it
_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def term_text(text: str) -> str:
    """A term's text as it is stored: its layout spaces made one space, none around it."""
    return _LAYOUT_SPACE.sub(" ", text).strip()


def _writable(text: str | None, what: str) -> str | None:
    """``text`` a person wrote, refused when it holds a character no XML file holds (a control character)
    nor PostgreSQL's text (NUL): stored, it stopped every TMX and TBX export of the store."""
    found = text and not_xml(text)
    if found:
        raise Invalid(f"{what} {text!r} holds {named(found)}: no export could write it")
    return text


def _written_term(text: str, lang: str) -> str:
    """A term a person wrote, tidied; an empty one is refused rather than stored as a blank term."""
    tidy = _writable(term_text(text), f"the {lang} term")
    if not tidy:
        raise Invalid(f"an empty {lang} term: give its text, or drop the term to remove it")
    return tidy


def _new_term(text: str, tag: str) -> Term:
    """A term a person wrote in the language ``tag`` names: its base language, and the tag as its ``locale`` where
    it says more (``en-US``: a region, as a termbase's term keeps it)."""
    lang = base_language(tag)
    text = _written_term(text, lang)
    # an all-capitals single word written by a person is an acronym (EMI, IMS, C-IED, НАТО); a word of a
    # script without capitals (北约, الجاهزية) is no acronym for having no lower-case letter
    is_acronym = " " not in text and text.upper() == text and any(c.isupper() for c in text)
    return Term(text=text, lang=lang, term_type=TermType.ACRONYM if is_acronym else TermType.FULL_FORM,
                locale=term_locale(tag))


def new_entry(fr: Sequence[str], en: Sequence[str], **fields) -> Entry:
    """An entry written by hand: its French and English terms, the first of each preferred."""
    return new_entry_in({"fr": fr, "en": en}, **fields)


def new_entry_in(terms: Mapping[str, Sequence[str]], **fields) -> Entry:
    """An entry written by hand: its terms by language tag (``{"de": ["Militärausschuss"], "en-US": [...]}``,
    a region kept as the term's ``locale``), the first of each language preferred."""
    if not any(terms.values()):
        raise Invalid("an entry needs a term")
    for name in ("definition", "note"):
        _writable(fields.get(name), f"the {name}")
    return Entry(terms=_unrepeated([], terms), **fields)


def _unrepeated(held: Sequence[Term], added: Mapping[str, Sequence[str]]) -> list[Term]:
    """The terms ``added`` by language that are not among the ``held`` ones nor given before in the same list
    (the same text, its spacing tidied, in either Unicode form: :func:`_same_text`): a term given twice
    (``--add-en IMS --add-en IMS``) was stored twice, one entry holding two of one term. A term in another case
    or with other accents is another term, kept, as an imported termbase keeps it: *CM* and *cm*, *Internet* and
    *internet* (one preferred, one deprecated), *résumé* and *resume*."""
    seen = {(term.lang, term.locale, visible(term.text)) for term in held}  # program in en-GB and en-US: two terms
    kept = []
    for tag, texts in added.items():
        for text in texts:
            term = _new_term(text, tag)
            if (term.lang, term.locale, visible(term.text)) not in seen:
                seen.add((term.lang, term.locale, visible(term.text)))
                kept.append(term)
    return kept


def _same_text(a: str, b: str) -> bool:
    """Two terms' texts are one term's: written alike, in either Unicode form, spacing tidied (as an import's
    ``_once`` reads a file's terms); a case or an accent makes another term."""
    return _text_key(a) == _text_key(b)


def _text_key(text: str) -> str:
    """What :func:`_same_text` compares of a term's text."""
    return visible(term_text(text))


def edit(
    entry: Entry,
    *,
    terms: Mapping[str, str] | None = None,
    add: Mapping[str, Sequence[str]] | None = None,
    drop: Sequence[str | tuple[str, str]] = (),
    definition: str | None = None,
    note: str | None = None,
    status: ReviewStatus | None = None,
    genders: Mapping[str, str] | None = None,
    parts_of_speech: Mapping[str, str] | None = None,
) -> None:
    """Change an entry in place: ``terms`` replaces the first term of each language it names (or adds
    one), ``add`` adds terms by language, ``drop`` removes terms by text (or by (text, language), for a term
    written alike in two: *radar*), ``status`` sets the status,
    ``genders`` and ``parts_of_speech`` (by language) those of the language's first term, after the
    terms' changes (a gender written empty clears it).

    Without ``status`` an edited candidate becomes approved: the person editing it has reviewed
    it (:func:`update_entry` marks it reviewed, so extraction keeps off it), and a candidate
    left so would sit among the proposals still to review. An edit that changes nothing (a form saved
    as it was shown) is no review, and leaves the candidate as it is."""
    before = deepcopy((entry.terms, entry.definition, entry.note))
    for tag, text in (terms or {}).items():
        lang, locale = base_language(tag), term_locale(tag)
        text = _written_term(text, lang)
        current = entry.terms_in(lang)
        if any(fold(term.text) == fold(text) for term in current[1:]):  # two of one term: never what was meant
            raise Invalid(f"entry {entry.id} already has the {lang} term {text!r}: drop the one to replace instead")
        if not current:
            entry.terms.append(_new_term(text, tag))
        elif current[0].text != text:  # the same text keeps its lemma and forms: no edit
            current[0].text, current[0].lemma, current[0].forms = text, None, []
        if current and locale:  # a region given (en-US=…) is the term's; none given keeps the one it has
            current[0].locale = locale
    entry.terms += _unrepeated([t for tag in (add or {}) for t in entry.terms_in(base_language(tag))], add or {})
    for text, lang in ((item, None) if isinstance(item, str) else item for item in drop):
        entry.terms.remove(_find(entry, text, lang))
    for field, values, written in (("gender", genders, grammatical_gender), ("pos", parts_of_speech, part_of_speech)):
        for lang, value in (values or {}).items():
            current = entry.terms_in(lang)
            if not current:
                raise Invalid(f"entry {entry.id} has no {lang} term to set the {field} of")
            setattr(current[0], field, written(_writable(value, f"the {field}")))
    if definition is not None:
        entry.definition = _writable(definition, "the definition") or None
    if note is not None:
        entry.note = _writable(note, "the note") or None
    if status is not None:
        entry.status = status
    elif entry.status is ReviewStatus.CANDIDATE and (entry.terms, entry.definition, entry.note) != before:
        entry.status = ReviewStatus.APPROVED


def set_usage(entry: Entry, text: str, usage: UsageStatus, lang: str | None = None) -> None:
    """Set one term's usage: preferred, admitted, or deprecated (kept, so that look-ups still explain it);
    ``lang``: the term's base language, for a term written alike in two."""
    _find(entry, text, lang).usage = usage


# ---- reading ------------------------------------------------------------------------------------


def entry(store: Store, entry_id: int) -> Entry:
    """One entry with all its contexts; NotFound when there is none."""
    found = store.entries([entry_id]).get(entry_id)
    if found is None:
        raise missing(store, entry_id)
    return found


def missing(store: Store, entry_id: int) -> NotFound:
    """That there is no entry ``entry_id``, and where it went when the history says: merged into another
    (a reviewer acting on it from an older page is told which), removed, replaced by a re-extraction."""
    gone = _last_removal(store, entry_id)
    if gone is None:
        return NotFound(f"no glossary entry {entry_id}")
    return NotFound(f"no glossary entry {entry_id}: it was {_where_it_went(gone, entry_id)}")


def _last_removal(store: Store, entry_id: int) -> Change | None:
    """The recorded change that last took entry ``entry_id`` out of the glossary, if any."""
    return next((change for change in reversed(store.history(entry_id))
                 if str(entry_id) in change.after and change.after[str(entry_id)] is None), None)


def _removals(store: Store) -> dict[int, Change]:
    """Each entry taken out of the glossary → the recorded change that last took it out (``_last_removal`` of
    every entry), the history read once."""
    last: dict[int, Change] = {}
    for change in store.history():
        for key, kept in change.after.items():
            if kept is None and key in change.before:
                last[int(key)] = change
    return last


def merged_into(store: Store, entry_id: int) -> int | None:
    """The entry that entry ``entry_id`` went into, when a merge is what last took it out of the glossary."""
    gone = _last_removal(store, entry_id)
    into = [other for other, kept in gone.after.items() if kept is not None] if gone and gone.action == "merge" else []
    return int(into[0]) if into else None


def _where_it_went(gone: Change, entry_id: int) -> str:
    """What ``gone`` did with entry ``entry_id``: "merged into entry 16 (change 4, by ben)", "removed
    (reextract, change 9)"."""
    by = f", by {gone.user}" if gone.user else ""
    into = [other for other, kept in gone.after.items() if kept is not None]
    if gone.action == "merge" and into:
        return f"merged into entry {into[0]} (change {gone.id}{by})"
    return f"removed ({gone.action}, change {gone.id}{by})"


def snapshot(store: Store, entry_id: int) -> dict | None:
    """An entry as the history keeps it (``records.entry_snapshot``), None when there is none."""
    found = store.entries([entry_id]).get(entry_id)
    if found is None:
        return None
    return entry_snapshot(found, reviewed=store.entry_state(entry_id).reviewed)


def _read_for_change(store: Store, entry_ids: Sequence[int]) -> tuple[dict[int, Entry], dict[int, dict]]:
    """Entries about to change, read once: as the change will edit them, and as the history keeps
    them before it (copies). NotFound for any that is not stored."""
    found = store.entries(entry_ids)
    for entry_id in entry_ids:
        if entry_id not in found:
            raise missing(store, entry_id)
    return found, {i: entry_snapshot(found[i], reviewed=store.entry_state(i).reviewed) for i in entry_ids}


# ---- review: every change recorded, every change revertible ------------------------------------


def add_entry(store: Store, new: Entry, *, user: str | None = None) -> int:
    """Add an entry a person wrote (reviewed unless it is left a candidate)."""
    with changing(store):
        entry_id = store.insert_entry(new, reviewed=new.status != ReviewStatus.CANDIDATE)
        _record_change(store, "add", {entry_id: None}, {entry_id: snapshot(store, entry_id)}, user=user)
    return entry_id


def _as_seen(entry_id: int, current: Entry, expected_version: int | None) -> None:
    """A Conflict when the entry is no longer at the version the person saw (None: any will do)."""
    if expected_version is not None and current.version != expected_version:
        raise Conflict(f"entry {entry_id} was changed by someone else (version {current.version}, "
                       f"not {expected_version}); reload it")


def update_entry(store: Store, entry_id: int, action: str, change: Callable[[Entry], None], *,
                 expected_version: int | None = None, user: str | None = None, confirms: bool = False,
                 histories: Callable[[], Mapping[int, list[Change]]] | None = None) -> int | None:
    """Apply a person's ``change`` to an entry, mark it reviewed and record it. Returns the change
    id, or None when it changes nothing (the same terms, status, definition and note, the entry
    reviewed already or still a candidate): then nothing is written or recorded and the version stays, unless the
    change ``confirms`` a decision (an approval) only a termbase's import made: that is recorded (``histories``:
    :func:`_histories`, read once for a batch of entries, else the entry's own history is read). With
    ``expected_version`` (the version the person saw), an entry changed since is a Conflict and is
    left as it is."""
    with changing(store):
        found, before = _read_for_change(store, [entry_id])
        current = found[entry_id]
        _as_seen(entry_id, current, expected_version)
        french = bool(current.terms_in("fr"))
        change(current)
        # French is the glossary's first language; an entry imported without it (German–English) stays so
        if french and not current.terms_in("fr"):
            raise Invalid(f"entry {entry_id} would have no French term")
        if not current.terms:
            raise Invalid(f"entry {entry_id} would have no term")
        # nothing a person decides changed: no change, and a candidate left as it was is not reviewed yet; but a
        # person approving (rejecting) an entry whose decision only a termbase's import gave makes it this store's,
        # recorded, so that the termbase's next update no longer overrides it (_decided_here)
        if review_state(entry_snapshot(current, reviewed=True)) == review_state(before[entry_id]) and (
                before[entry_id]["reviewed"] or current.status is ReviewStatus.CANDIDATE) and (
                not confirms or not before[entry_id]["reviewed"] or _decided_here(store, current, histories)):
            return None
        # the version read above: a writer that got in between is refused here, not overwritten
        store.set_entry_fields(entry_id, {"status": current.status, "reviewed": True, "definition": current.definition,
                                          "note": current.note}, expected_version=current.version)
        store.write_terms(entry_id, current.terms)
        return _record_change(store, action, before, {entry_id: snapshot(store, entry_id)}, user=user)


def set_status(store: Store, entry_id: int, status: ReviewStatus, *, expected_version: int | None = None,
               user: str | None = None,
               histories: Callable[[], Mapping[int, list[Change]]] | None = None) -> int | None:
    return update_entry(store, entry_id, status.value, lambda e: setattr(e, "status", status),
                        expected_version=expected_version, user=user, confirms=True, histories=histories)


def set_statuses(store: Store, entry_ids: Sequence[int], status: ReviewStatus, *,
                 expected_version: int | None = None, user: str | None = None) -> list[int | None]:
    """:func:`set_status` of each entry, in the caller's transaction. Whether an entry already of that status was
    decided by its termbase alone (:func:`_decided_here`) is read from the history read once for them all, when one
    asks: each entry's own history would parse a termbase's import of thousands of entries again for each (a page of
    entries approved already, minutes on a large store); the changes made here touch only their own entry, so the
    history read stays true for the others."""
    histories = cache(lambda: _histories(store)) if len(entry_ids) > 1 else None
    return [set_status(store, entry_id, status, expected_version=expected_version, user=user, histories=histories)
            for entry_id in entry_ids]


def remove_entry(store: Store, entry_id: int, *, user: str | None = None) -> int:
    with changing(store):
        before = snapshot(store, entry_id)
        if before is None:
            raise missing(store, entry_id)
        before = _with_evidence(store, {entry_id: before})
        store.delete_entry(entry_id)
        return _record_change(store, "remove", before, {entry_id: None}, user=user)


def merge_entries(store: Store, source_id: int, target_id: int, *, expected_version: int | None = None,
                  user: str | None = None) -> int:
    """Merge entry ``source_id`` into ``target_id``: its other terms, counts, contexts, definition and
    note (after the target's own, when it has another) move over and it is removed. With
    ``expected_version`` (of ``source_id``, as the person saw it), one changed since is a Conflict."""
    if source_id == target_id:
        raise Invalid("cannot merge an entry into itself")
    with changing(store):
        found, before = _read_for_change(store, [source_id, target_id])
        source, target = found[source_id], found[target_id]
        _as_seen(source_id, source, expected_version)
        # what documents counted of each, which a revert splits back between them
        before = _with_evidence(store, before)
        twice = _counted_twice(store, source, target)
        # a term of the source written as one of the target's is that term (_same_text: a case or an accent makes
        # another term, as an edit keeps them: *CM* and *cm*)
        held = {(t.lang, _text_key(t.text)) for t in target.terms}
        # the source's contexts keep their language (German) where the target's, before or after the merge, is
        # another (French); the target's own keep theirs (Store.write_terms)
        language, before_merge = (context_language(t.lang for t in e.terms) for e in (source, target))
        target.terms += [t for t in source.terms if (t.lang, _text_key(t.text)) not in held]
        merged = context_language(t.lang for t in target.terms)
        if not language == before_merge == merged:
            for term in source.terms:
                held_languages(term.contexts, language, term.lang)
        store.write_terms(target_id, target.terms)
        store.move_evidence(source_id, target_id, twice, None if language == merged else language)
        # what a reviewer wrote of either entry is kept: a variant's note went with it
        written = {name: "; ".join(dict.fromkeys(text for text in (getattr(target, name), getattr(source, name)) if text))
                   or None for name in ("definition", "note")}
        store.set_entry_fields(target_id, {"frequency": target.frequency + source.frequency - sum(twice.values()),
                                           "score": max(target.score, source.score), "reviewed": True, **written})
        store.delete_entry(source_id)
        return _record_change(store, "merge", before, _with_evidence(store, {source_id: None,
                                                                             target_id: snapshot(store, target_id)}),
                              user=user)


def _counted_twice(store: Store, source: Entry, target: Entry) -> dict[str, int]:
    """The occurrences each document counted for both entries about to be merged: where a French term
    of one stands over one of the other (*chasseur de mines* inside every *chasseur de mines
    tripartite*, the same words spelt alike), found in the document's units, and at most what either
    entry's count there holds (extraction may have given an occurrence to a third entry)."""
    counts = store.document_counts([int(source.id), int(target.id)])
    by_source = {document: frequency for document, frequency, *_ in counts.get(int(source.id), [])}
    twice = {}
    for document, frequency, *_ in counts.get(int(target.id), []):
        if document in by_source:
            overlapping = _overlapping(_sentences(store, document), _phrases(source), _phrases(target))
            if (taken := min(overlapping, frequency, by_source[document])):
                twice[document] = taken
    return twice


def _sentences(store: Store, document: str, lang: str = "fr") -> list[str]:
    """A document's sentences in ``lang`` beside English, or its English ones (``lang`` "en"): the language its
    extraction's terms are found by (``pivot``)."""
    found = []
    for stored in store.document_units(document):
        unit = stored.unit
        if (context := term_context(unit, document)) and lang in ("en", other_language(unit.srclang, unit.tgtlang)):
            found.append(context.en if lang == "en" else context.fr)
    return found


def pivot(proposals: Iterable[Entry]) -> str:
    """The language extraction's proposals (of one document) are found by, the first one's first term's:
    French for a French–English pair's (French terms, then their English equivalents), English for another
    pair's (``terms.pivot``); French when there is none."""
    return next((entry.terms[0].lang for entry in proposals if entry.terms), "fr")


_WORD = re.compile(r"\w+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(french_stem(fold(word)) for word in _WORD.findall(text))


def _phrases(entry: Entry, lang: str = "fr") -> set[tuple[str, ...]]:
    """An entry's French terms (or those in ``lang``) and their forms, as folded singular words."""
    return {words for term in entry.terms_in(lang) for text in (term.text, *term.forms) if (words := _words(text))}


def _overlapping(sentences: Iterable[str], one: set[tuple[str, ...]], other: set[tuple[str, ...]]) -> int:
    """How many occurrences of ``one``'s phrases in ``sentences`` overlap one of ``other``'s: each
    run of overlapping occurrences counts as many as the fewer of either side it holds."""
    total = 0
    for sentence in sentences:
        words = _words(sentence)
        spans = sorted((at, at + len(phrase), side) for side, phrases in enumerate((one, other)) for phrase in phrases
                       for at in range(len(words) - len(phrase) + 1) if words[at:at + len(phrase)] == phrase)
        run, end = [0, 0], -1
        for start, stop, side in spans:
            if start >= end:  # a new run of overlapping occurrences
                total += min(run)
                run = [0, 0]
            run[side] += 1
            end = max(end, stop)
        total += min(run)
    return total


def revert(store: Store, change_id: int, *, user: str | None = None) -> int:
    """Undo one recorded change (itself recorded). Refused when an entry it touched has been
    reviewed again since, so that no later decision is lost silently, and when an entry it brought in
    (added, imported, brought back) has been counted by a document since: the revert would take that
    document's evidence out of the glossary with it.

    An entry the revert takes out keeps what documents counted of it in the history, and one it brings back
    or restores with that kept gets it back (``_with_evidence``): reverting a merge gives the entry merged away
    and the one it went into each its own counts, equivalents' support and sentences again."""
    with changing(store):
        change = store.change(change_id)
        if change is None:
            raise NotFound(f"no change {change_id}")
        if change.reverted_by is not None:
            raise Conflict(f"change {change_id} was already reverted by change {change.reverted_by}")
        # an entry an import found as it was, only its id in the file recorded: nothing of it to undo, nor to refuse
        # the revert for when a person reviewed it since
        alike = {key for key, was in change.before.items()
                 if was is not None and {k: v for k, v in (change.after.get(key) or {}).items() if k != FILE_ID} == was}
        if alike:
            change = replace(change, before={k: v for k, v in change.before.items() if k not in alike},
                             after={k: v for k, v in change.after.items() if k not in alike})
        # what documents count of the entries now, for a revert of this revert to give back
        current = _with_evidence(store, {int(k): snapshot(store, int(k)) for k in change.after})
        for entry_id, snap in current.items():
            if review_state(snap) != review_state(change.after[str(entry_id)]):
                raise Conflict(f"entry {entry_id} has changed since change {change_id}; revert the later change first")
            if change.before.get(str(entry_id)) is None and snap is not None:
                _not_counted_since(change, entry_id, snap)
        documents = _counting_as_left(store, change, current)
        said: dict[str, set] = {}  # each document's sentences, read once for all the entries (an import's hundreds)
        for key, snap in change.before.items():
            _restore(store, int(key), snap, documents, said)
        # an entry given back its counts has their frequency (what a document removed meanwhile counted is gone);
        # one that documents counted, and none counts any more, what it came with; one none ever counted, its own
        given = [int(key) for key, snap in change.before.items() if snap is not None and "evidence" in snap]
        counts = store.document_counts(given) if given else {}
        _count_frequencies(store, [i for i in given if i in counts or _counted(change.before[str(i)])], counts)
        revert_id = _record_change(
            store, f"revert {change_id}", current, _with_evidence(store, {int(k): snapshot(store, int(k))
                                                                   for k in change.before}), user=user)
        store.mark_reverted(change_id, revert_id)
        return revert_id


def _counted(snap: dict | None) -> list[list]:
    """What documents counted of an entry as a snapshot keeps it (``_with_evidence``): [document, frequency, seen,
    score] rows, none when it keeps none."""
    return [list(row) for row in ((snap or {}).get("evidence") or {}).get("documents", [])]


def _not_counted_since(change: Change, entry_id: int, now: dict) -> None:
    """A Conflict when a document counts an entry that ``change`` brought in otherwise than it did then: a
    document ingested since found its terms. Reverting an add or an import would take the document's evidence out
    of the glossary with the entry, and ingesting it again would not bring it back: a person removes the entry
    instead, knowingly (``glossary remove``, ``remove --import`` keeps the entries documents count)."""
    then, when = _counted(change.after[str(entry_id)]), parse_time(change.time)
    # an approved entry's count in a document stored before the change is the change's own (count_queued)
    document = next((row[0] for row in _counted(now) if row not in then
                     and not (row[3] is None and (parse_time(row[2]) or when) <= when)), None)
    if document is not None:
        remove = f"tmtool glossary remove {entry_id}"
        raise Conflict(f"entry {entry_id} has been counted by document {document!r} since change {change.id}: "
                       f"reverting it would take that evidence out of the glossary; '{remove}' removes the entry if it"
                       " should go", commands=(remove,))


def _counting_as_left(store: Store, change: Change, current: Mapping[int, dict | None]) -> set[str]:
    """The documents whose counts a revert of ``change`` gives back, as its snapshots before it keep them: those
    still stored, not revised since, and counting its entries as it left them. A document read again since (a
    revision ingested, its terms extracted again) counts them as it reads now, which stays; one ingested since is
    in no snapshot before the change, and stays too."""
    named = {row[0] for snap in change.before.values() if snap for row in _counted(snap)} | {
        row[0] for snap in change.before.values() if snap for row in snap.get("evidence", {}).get("supports", [])}
    when = parse_time(change.time)
    # the entries whose counts the change's snapshots after it keep (a merge's target): how it left them
    left = {int(key): snap for key, snap in change.after.items() if snap is not None and "evidence" in snap}
    documents = set()
    for document in named:
        record = store.document(document)
        if record is None or (record.updated and parse_time(record.updated) > when):
            continue
        if all(sorted(row for row in _counted(current[i]) if row[0] == document)
               == sorted(row for row in _counted(snap) if row[0] == document) for i, snap in left.items()):
            documents.add(document)
    return documents


def _restore(store: Store, entry_id: int, snap: dict | None, documents: set[str],
             said: dict[str, set] | None = None) -> None:
    """Make an entry what ``snap`` holds (None: take it out); one whose snapshot keeps what documents counted of it
    gets back what ``documents`` counted, in place of what they count now. ``said``: see :func:`_quote_terms_again`."""
    if snap is None:
        store.delete_entry(entry_id)
        return
    restored = entry_from_dict(snap)
    evidence = snap.get("evidence")
    # the sentences of a document that counted it then and is gone, or counts otherwise now, are not brought back
    gone = {row[0] for row in _counted(snap)} - documents
    restored.contexts = [c for c in restored.contexts if c.document not in gone]
    current = store.entries([entry_id], contexts=0).get(entry_id)
    if store.entry_state(entry_id) is None:
        store.insert_entry(restored, reviewed=snap["reviewed"], entry_id=entry_id)
    else:
        fields = {"status": restored.status, "reviewed": snap["reviewed"], "definition": restored.definition,
                  "note": restored.note}
        if evidence is not None:  # a merge's target: the score it had, not the better of the two
            fields |= {"frequency": restored.frequency, "score": restored.score}
        store.set_entry_fields(entry_id, fields)
        store.write_terms(entry_id, restored.terms)
        if evidence is not None:
            # and its sentences that cite no document ("": a termbase's, one added by hand), which a merge moved too
            given_back = documents | {""}
            store.forget_entry_evidence(entry_id, sorted(given_back))
            store.add_contexts(entry_id, [c for c in restored.contexts if c.document in given_back], {})
    # its terms' own sentences as the snapshot quoted them, where the documents still say them so; those of a
    # document revised or removed since, as the entry quoted it before the revert (_quote_terms_again)
    quoted = {c.document for term in restored.terms for c in term.contexts if c.document}
    quoted = {d for d in quoted if d in {row[0] for row in _counted(snap)} or store.document(d) is not None}
    if quoted:
        _quote_terms_again(store, quoted, [entry_id], {entry_id: [current]} if current else {}, said)
    _give_back_evidence(store, entry_id, evidence, documents)


def _with_evidence(store: Store, snaps: dict[int, dict | None]) -> dict[int, dict | None]:
    """Snapshots of entries with what documents counted of each (its frequency and its equivalents' support in
    each), which goes with an entry a change takes out: a revert that brings it back gives them back
    (``_give_back_evidence``), so that removing a document still takes its share away."""
    ids = [i for i, snap in snaps.items() if snap is not None]
    if not ids:
        return snaps
    counts, supports = store.document_counts(ids), store.document_supports(ids)
    return {i: snap if snap is None else snap | {"evidence": {"documents": [list(row) for row in counts.get(i, [])],
                                                              "supports": [list(row) for row in supports.get(i, [])]}}
            for i, snap in snaps.items()}


def _give_back_evidence(store: Store, entry_id: int, evidence: dict | None, documents: set[str]) -> None:
    """What ``_with_evidence`` kept of an entry, from ``documents`` (those still stored, counting as then)."""
    if not evidence:
        return
    for document, frequency, seen, score in evidence["documents"]:
        if document in documents:
            store.count_in_document(entry_id, document, frequency, parse_time(seen) or utcnow(), score)
    for document in sorted({row[0] for row in evidence["supports"]} & documents):
        store.add_equivalent_support(entry_id, document, [tuple(row[1:]) for row in evidence["supports"]
                                                          if row[0] == document])


# ---- term extraction's proposals ----------------------------------------------------------------


EN = "en"  # the language every pair's extraction gives terms in: a French term's equivalent, another's own
CONTEXT = "context"  # a finder's key of an English sentence a proposal is quoted in
OTHER = "other"  # a finder's key of an English-led proposal's term in its other language (a German term), by its form


class _Open(NamedTuple):
    """What the finder reads of an entry another pair may have made, to tell whether a proposal joins it."""
    langs: set[str]  # the languages it holds terms in (as written since, too)
    decided: bool  # rejected, or a person decided on it (reviewed): extraction adds it no term
    quoted: set[str]  # the English sentences it quotes, folded
    concept: tuple  # the subject fields and definition its termbase gave it: homonyms' differ (see _another_concept)


class _EntryFinder:
    """The stored entry that each of extraction's proposals is about — the oldest one holding a
    French term (a term in ``lang``: ``pivot``) with the same folded text or lemma, singular or plural, else
    the oldest that held one before a person's change (:meth:`held_before`) — for a document's many
    proposals in few reads: each key is read from the store once, and the keys of the French terms
    written since (entries made or extended) are added as they are written. Saving a document never
    takes a French term away (weighing evidence rewrites the equivalents only), so nothing is removed.

    A proposal is about the entry of another pair holding its English term (a German–English document's
    *Military Committee* = *Militärausschuss* for a French–English one's *Comité militaire*, and the other way
    round) when that entry holds no term in the proposal's other language yet (French, German: one holding another
    is another concept, or a synonym for a person to merge), no person has decided on it (rejected, approved,
    edited: extraction adds no term to it), and the evidence says one concept: an English term of several words
    names one, and one of a single word, which may be a homonym (*tank*: a *Panzer*, a *réservoir*), only where
    the translations agree, the entry quoting an English sentence the proposal quotes (the German and the French
    translate the one English text, the term in it). Within an English-led pair (German–English) an entry is
    found by its English term, as before: one holding a German term is that pair's, whatever its German."""

    def __init__(self, store: Store, lang: str = "fr"):
        self._store = store
        self.lang = lang
        self._holders: dict[str, set[int]] = {}  # key → the entries holding it, for every key read
        self._held_before: dict[str, set[int]] = {}  # key → the entries a person's change took it from
        self._english: dict[str, set[int]] = {}  # an English term's form key → the entries holding it
        self._other: dict[tuple[str, str], set[int]] = {}  # (language, form key) → the entries holding it
        self._read: dict[int, _Open] = {}  # the entries read to tell whether a proposal joins them

    def held_before(self, snapshots: Mapping[int, list[dict]]) -> None:
        """Entries as they were before recorded changes (``Store.snapshots_before_changes``): a
        proposal with a key none holds now is about the entry that held it before a person edited
        it away (*chef d'état-major* made *chef d'état-major de la défense*), not a new concept."""
        for entry_id, earlier in snapshots.items():
            for data in earlier:
                for term in entry_from_dict(data).terms_in(self.lang):
                    for key, kind, _ in lookup_key_rows(term, entry_id):
                        if kind in ("form", "stem"):
                            self._held_before.setdefault(key, set()).add(entry_id)

    def keys(self, proposal: Entry) -> frozenset:
        """The keys a proposal's French terms are looked up by (among them, the keys its terms are
        stored under, once written), and (tuples) the English that finds it an entry of another pair."""
        # and as lookup finds it spelt otherwise (manœuvre: a glossary's manoeuvre, whose keys hold the spelling key)
        forms = {key for t in proposal.terms_in(self.lang) for text in spellings(t)
                 for key in (fold(text), spelling_key(text))}
        # and its English equivalent's (its own English, English-led), as (EN, key), and the English it is quoted in,
        # as (CONTEXT, sentence): the entry of another pair it may be about; English-led, its other terms, as
        # (OTHER, language, key): an entry of its own pair is one holding a term in that language
        english = {(EN, fold(text)) for t in proposal.terms_in(EN)[:1] for text in spellings(t)} | {
            (CONTEXT, fold(c.en)) for c in proposal.contexts if c.en}
        if self.lang == EN:
            english |= {(OTHER, t.lang, fold(text)) for t in proposal.terms if t.lang != EN for text in spellings(t)}
        return frozenset(forms | {stem(form) for form in forms} | english)

    def _own(self, keys: frozenset) -> set[int]:
        """The entries holding a proposal's terms in the pivot language: French-led, those it is about; English-led,
        those of its English, of its own pair or of another."""
        return {entry_id for key in keys if isinstance(key, str) for entry_id in self._holders[key]}

    def _same_pair(self, keys: frozenset, own: set[int]) -> set[int]:
        """Of the entries holding an English-led proposal's English, those of its own pair: holding a term in its other
        language (the same one, or another: a synonym), or any when it has none."""
        langs = {key[1] for key in keys if isinstance(key, tuple) and key[0] == OTHER}
        if not langs:
            return own
        same = {entry_id for key in keys if isinstance(key, tuple) and key[0] == OTHER
                for entry_id in self._other[key[1:]]} & own
        return same | {entry_id for entry_id in own - same if entry_id in self._read
                       and self._read[entry_id].langs & langs}

    def read(self, keys: Iterable[frozenset]) -> None:
        """Read the keys (of proposals) not read yet, in one query, then the entries of other pairs that a proposal
        may join, in another (none, in a store of French–English alone, or of one English-led pair's documents
        proposing its terms again)."""
        keys = list(keys)
        every = set().union(*keys)
        wanted = sorted({key for key in every if isinstance(key, str)} - self._holders.keys())
        english = {key[1] for key in every if isinstance(key, tuple) and key[0] == EN} - self._english.keys()
        other = {key[1:] for key in every if isinstance(key, tuple) and key[0] == OTHER} - self._other.keys()
        if wanted or english or other:
            self._holders.update((key, set()) for key in wanted)
            self._english.update((key, set()) for key in english)
            self._other.update((key, set()) for key in other)
            for hit in self._store.terms_by_key(sorted({*wanted, *english, *(key for _, key in other)})):
                if hit.kind in ("form", "stem") and hit.lang == self.lang and hit.key in self._holders:
                    self._holders[hit.key].add(hit.entry_id)
                if hit.kind == "form" and hit.lang == EN and hit.key in english:
                    self._english[hit.key].add(hit.entry_id)
                if hit.kind == "form" and (hit.lang, hit.key) in other:
                    self._other[(hit.lang, hit.key)].add(hit.entry_id)
        maybe = set()
        for found in keys:
            own = self._own(found)
            if self.lang == EN:  # unless an entry of its English holds its German too, those of its English are read
                if own & {entry_id for key in found if isinstance(key, tuple) and key[0] == OTHER
                          for entry_id in self._other[key[1:]]}:
                    continue
                maybe |= own
            elif own:
                continue
            maybe |= {entry_id for key in found if isinstance(key, tuple) and key[0] == EN
                      for entry_id in self._english[key[1]]}
        maybe -= self._read.keys()
        if maybe:
            states = self._store.entry_states(sorted(maybe))
            for entry_id, entry in self._store.entries(sorted(maybe), contexts=0).items():
                self._read[entry_id] = _Open({t.lang for t in entry.terms},
                                             entry.status == ReviewStatus.REJECTED or states[entry_id].reviewed,
                                             set(), (frozenset(_subjects(entry)), fold(entry.definition or "")))
            # the sentences an entry quotes (hundreds, for a term of many documents) only where a term of one word
            # may join it: a term of several needs none, nor one of its own pair (English-led) or decided on
            words = {entry_id for found in keys for key in found if isinstance(key, tuple) and key[0] == EN
                     and len(key[1].split()) == 1 for entry_id in self._english[key[1]]}
            langs = {key[1] for found in keys for key in found if isinstance(key, tuple) and key[0] == OTHER} \
                if self.lang == EN else {self.lang}
            if quoting := sorted(entry_id for entry_id in maybe & words if entry_id in self._read
                                 and not self._read[entry_id].decided and not self._read[entry_id].langs & langs):
                for entry_id, entry in self._store.entries(quoting).items():
                    self._read[entry_id].quoted.update(fold(c.en) for c in entry.contexts if c.en)

    def holders(self, key: str) -> set[int]:
        """The entries holding a key read."""
        return self._holders[key]

    def find(self, keys: frozenset) -> int | None:
        """The entry a proposal with these keys is about, None for a new concept."""
        self.read([keys])
        own = self._own(keys)
        found = min(self._same_pair(keys, own) if self.lang == EN else own, default=None)
        if found is None:
            found = min((entry_id for key in keys if isinstance(key, str)
                         for entry_id in self._held_before.get(key, ())), default=None)
        if found is None:
            # its other language: French, or an English-led pair's (German)
            langs = {self.lang} if self.lang != EN else {key[1] for key in keys
                                                         if isinstance(key, tuple) and key[0] == OTHER}
            quoted = {key[1] for key in keys if isinstance(key, tuple) and key[0] == CONTEXT}
            # a term of one word is the one a homonym may be (tank); a term of several names one concept
            joined = {entry_id for key in keys if isinstance(key, tuple) and key[0] == EN
                      for entry_id in self._english[key[1]]
                      if (entry := self._read.get(entry_id)) and langs and not entry.langs & langs
                      and not entry.decided and (len(key[1].split()) > 1 or quoted & entry.quoted)}
            # homonyms a termbase gave apart (operating theatre: of medicine, of the military): which one the
            # proposal is about, nothing says; an entry of its own, for a person to merge
            if len({self._read[entry_id].concept for entry_id in joined} - {(frozenset(), "")}) < 2:
                found = min(joined, default=None)
        return found

    def wrote(self, entry_id: int, terms: Iterable[Term]) -> None:
        """An entry's terms as just written: it holds their keys from now on."""
        for term in terms:
            if entry_id in self._read:  # it holds a term in this language now: another one is another concept
                self._read[entry_id].langs.add(term.lang)
            for text in spellings(term):
                if (term.lang, fold(text)) in self._other:
                    self._other[(term.lang, fold(text))].add(entry_id)
            if term.lang == self.lang:
                for key, kind, _ in lookup_key_rows(term, entry_id):
                    if kind in ("form", "stem") and key in self._holders:
                        self._holders[key].add(entry_id)


def save_document(store: Store, record: DocumentRecord, units: Sequence[Unit], proposals: Sequence[Entry],
                  near: Sequence[Entry] = ()) -> tuple[dict[str, int], int, int, int]:
    """Store a document and its units (replacing an earlier version with its id), merge term
    extraction's ``proposals`` into the glossary, keep its proposals under the threshold (``near``)
    as evidence (:func:`keep_evidence`) and recount the entries the earlier version counted. What
    the earlier version gave an entry the new one no longer counts is taken back as a removal takes
    it (:func:`_take_back`): a candidate nothing else vouches for goes, rather than staying with no
    document, no context and the earlier version's score.
    Returns (unit ids by tuid, new entries, updated entries, entries taken out: candidates the earlier version
    alone gave, which the new one no longer proposes)."""
    with store.transaction():
        counted_before = store.document_entry_ids(record.id)
        earlier = {entry_id: [(seen, score) for document, _, seen, score in rows if document == record.id]
                   for entry_id, rows in store.document_counts(counted_before).items()} if counted_before else {}
        unit_ids = store.replace_document(record, units)
        new, updated, removed = _fold_document(store, record.id, unit_ids, proposals, near, earlier)
    return unit_ids, new, updated, removed


def _fold_document(store: Store, document_id: str, unit_ids: Mapping[str, int], proposals: Sequence[Entry],
                   near: Sequence[Entry], earlier: Mapping[int, list[tuple[str | None, float | None]]],
                   ) -> tuple[int, int, int]:
    """Fold a stored document's extraction into the glossary, in the caller's transaction, once what
    it gave before is gone: ``earlier`` holds the (seen, score) it had given each entry. What an
    entry no longer counted had from it is taken back (:func:`_take_back`); the others are
    recounted. Returns (new entries, updated entries, entries taken out: those the earlier version
    alone vouched for)."""
    finder = _EntryFinder(store, pivot([*proposals, *near]))
    finder.read(map(finder.keys, [*proposals, *near]))
    if earlier:
        # a revision proposes again what its earlier version did: what a person edited stays their entry's,
        # within the entries this document counted (another document's term may be another concept)
        finder.held_before(store.snapshots_before_changes(list(earlier)))
    placed: dict[int, list[Entry]] = {}
    # hundreds of small writes, each an entry's count, support or context: not one wait each
    with store.pipeline():
        new, updated = merge_extracted(store, proposals, document_id, unit_ids, recount_also=list(earlier),
                                       finder=finder, placed=placed)
        raised, counted = keep_evidence(store, near, document_id, unit_ids, finder=finder, placed=placed)
        _count_kept_evidence(store, document_id, placed, finder)
        counted += count_approved(store, document_id, unit_ids)
        counted_now = set(store.document_entry_ids(document_id)) if earlier else set()
        dropped = {entry_id: shares for entry_id, shares in earlier.items() if entry_id not in counted_now}
        taken = _take_back(store, dropped, store.entry_states(list(dropped)), store.document_counts(list(dropped)),
                           store.origin_snapshots(list(dropped))) if dropped else set()
        fallen = _fall_back(store, [entry_id for entry_id in earlier if entry_id not in taken])
        _quote_terms_again(store, {document_id}, [entry_id for entry_id in earlier if entry_id not in taken | fallen],
                           placed, figures=True)
    # an entry this version counted (its evidence kept) and then took out is a removed entry, not an updated one
    return new + raised, updated + counted - len(fallen & counted_now), len(taken) + len(fallen)


# look-up keys asked in one query: well under SQLite's bound on a statement's parameters
_KEYS_A_QUERY = 5000


# the first parts of the approved terms' look-up keys (``termindex.approved_heads``), by store, with the
# ``approved_version`` they were read at: read again only when an approved entry changed
_HEADS: dict[str, tuple[tuple, frozenset[str]]] = {}
_HEADS_LOCK = threading.Lock()


def _approved_heads(store: Store) -> frozenset[str]:
    """The first parts of the approved terms' look-up keys, empty when no entry is approved."""
    from .termindex import approved_heads

    version = store.approved_version()
    if not version[0]:
        return frozenset()
    url = str(store.url)
    held = _HEADS.get(url)
    if held is None or held[0] != version or url == ":memory:":  # a name many stores share
        held = (version, approved_heads(store.approved_keys()))
        with _HEADS_LOCK:  # the workbench's requests run in threads
            _HEADS[url] = held
    return held[1]


def count_approved(store: Store, document_id: str, unit_ids: Mapping[str, int]) -> int:
    """Count the approved entries a stored document uses that its extraction did not propose (a termbase's
    *dissuasion*, one word, or a term the parse cut otherwise): each gains the document's count of its terms, found
    as ``tmtool check`` finds them (folded, singularised; an overlap counted for the longest term, the terms
    extraction counted in the document among them, which an approved term as long as theirs overlaps wins:
    *commandement maritime* approved is not counted again inside the *Commandement maritime allié* extraction
    counted; ``Glossary.occurrences``), a few of the sentences as contexts, and its
    ``last_seen``; its terms and score stay, and no candidate is made. Counted as extraction counts, by document, so
    that a removed or revised document takes its count back. In the caller's transaction, after extraction has
    counted what it proposed. Returns how many entries it counted."""
    heads = _approved_heads(store)
    if not heads:  # no approved entry to count: a document's look-up keys cost a fifth of its ingest
        return 0
    counts, quoted = _approved_occurrences(store, _sides(store, document_id), set(store.document_entry_ids(document_id)),
                                           heads)
    now = utcnow()
    for entry_id, found in counts.items():
        store.count_in_document(entry_id, document_id, found, now, None)
        store.add_contexts(entry_id, quoted[entry_id], unit_ids)
    store.set_entries_fields((entry_id, {"last_seen": now}) for entry_id in counts)
    recount(store, sorted(counts))
    return len(counts)


def _sides(store: Store, document_id: str) -> list[tuple[Context, str]]:
    """A stored document's sentences in the language beside English (as contexts), each with that language."""
    return [(context, other_language(stored.unit.srclang, stored.unit.tgtlang))
            for stored in store.document_units(document_id)
            if (context := term_context(stored.unit, document_id)) is not None and context.fr]


def _named(store: Store, sides: Sequence[tuple[Context, str]], heads: frozenset[str]) -> set[int]:
    """The entries some run of the words of ``sides`` is a term of, by the terms' look-up keys: the document's
    size, not the glossary's, is what finding them costs. Only the runs that start as an approved term's key does
    are made keys of (``heads``)."""
    from .termindex import term_keys_in

    keys = sorted({key for context, lang in sides for key in term_keys_in(context.fr, lang, heads=heads)})
    return {hit.entry_id for chunk in range(0, len(keys), _KEYS_A_QUERY)
            for hit in store.terms_by_key(keys[chunk:chunk + _KEYS_A_QUERY])}


def _read_entries(store: Store, ids: set[int], read: dict[int, Entry | None] | None) -> dict[int, Entry]:
    """``store.entries`` of ``ids`` (no contexts), those in ``read`` taken from it and the others added to it: what a
    recount of many documents has read of the entries they name, whose terms and status it does not change."""
    if read is None:
        return store.entries(sorted(ids), contexts=0)
    if missing := sorted(ids - read.keys()):
        found = store.entries(missing, contexts=0)
        read.update((entry_id, found.get(entry_id)) for entry_id in missing)
    return {entry_id: entry for entry_id in ids if (entry := read[entry_id]) is not None}


def _approved_occurrences(store: Store, sides: Sequence[tuple[Context, str]], extracted: set[int],
                          heads: frozenset[str], named: set[int] | None = None,
                          read: dict[int, Entry | None] | None = None) -> tuple[Counter[int], dict[int, list[Context]]]:
    """How many times each approved entry not in ``extracted`` (those extraction counted in the document) occurs in
    a document's ``sides``, an overlap going to the longest term, the terms of ``extracted`` among them; with up to
    ``CONTEXTS_PER_DOCUMENT`` of its sentences. ``named``: ``_named`` of the sides, when known; ``read``: see
    ``_read_entries``."""
    from .termindex import Glossary

    # the entries named, indexed as a check indexes them, and matched
    named = _named(store, sides, heads) if named is None else named
    counts: Counter[int] = Counter()
    quoted: dict[int, list[Context]] = {}
    if not named - extracted:
        return counts, quoted
    found = _read_entries(store, named | extracted, read)
    # what extraction counted is counted, and it holds what it overlaps: indexed whatever its status, not counted
    terms = Glossary([entry if int(entry.id) not in extracted else replace(entry, status=ReviewStatus.APPROVED)
                      for entry in found.values()])
    held = frozenset(map(str, extracted))
    for context, lang in sides:
        for entry, times in terms.occurrences(context.fr, lang, held).items():
            counts[int(entry)] += times
            if len(quoted.setdefault(int(entry), [])) < CONTEXTS_PER_DOCUMENT:
                # a German sentence of an entry shown in French is marked as German
                quoted[int(entry)].append(context if context_language(terms.languages(entry)) == lang
                                          else replace(context, lang=lang))
    return counts, quoted


def _changes_approved_terms(before: dict | None, after: dict | None) -> bool:
    """Whether a recorded change to an entry (its snapshots) changes what ``count_approved`` counts of it: the entry
    approved, or no longer, or an approved entry's terms changed."""
    approved = [bool(snapshot) and snapshot["status"] == ReviewStatus.APPROVED.value for snapshot in (before, after)]
    if not any(approved):
        return False
    return approved[0] != approved[1] or _approved_terms(before) != _approved_terms(after)


def _approved_terms(snapshot: dict | None) -> list[tuple]:
    """What ``count_approved`` reads of an entry's terms, as a snapshot keeps them."""
    return [(t["text"], t["lang"], t.get("type"), t.get("usage")) for t in (snapshot or {}).get("terms", [])]


def _record_change(store: Store, action: str, before: Mapping[int, dict | None], after: Mapping[int, dict | None], *,
                   user: str | None = None) -> int:
    """Record a change to the glossary, with the counts it leaves to make in the stored documents queued in the same
    transaction (``_queue_counts``; :func:`changing` makes them once it is committed): every change a person, a file
    or a revert makes goes through here."""
    _queue_counts(store, before, after)
    return store.record_change(action, before, after, user=user)


@contextmanager
def changing(store: Store, progress: Progress | None = None) -> Iterator[None]:
    """A transaction of changes to the glossary; once it is committed (the outermost: one it joins leaves that to the
    outer one), the counts they queued are made, a batch of documents a transaction (:func:`count_queued`)."""
    outermost = not store.in_transaction()
    with store.transaction():
        yield
    if outermost:
        count_left(store, progress)


def count_left(store: Store, progress: Progress | None = None) -> int:
    """Make the counts left queued, when any is (:func:`count_queued`): by a change just committed, or by a process
    that stopped before it had made them (killed, or its count timed out on the write lock), which the next change,
    ingest or command line reading the store makes. A store locked past its timeout leaves them queued, told in
    the log: the change is made, only its counts wait; one read-only to this user (a reader's role) raises
    ReadOnly, the counts left to the next who may write. In a transaction, none are made (the
    outermost one's end makes them). Returns how many documents were counted."""
    if store.in_transaction() or not store.queued_counts(1):
        return 0
    try:
        return count_queued(store, progress)
    except Unavailable as error:
        if isinstance(error, ReadOnly):  # no change of this user's waits: theirs to say (a reader's command, a server)
            raise
        logging.getLogger("tmtool.glossary").info(
            "the glossary's change is made; the stored documents using it are counted at the next change (%s)", error)
        return 0


_TO_FIND = ""  # the queued document of an entry whose documents are to be found (``_find_documents``)


def _queue_counts(store: Store, before: Mapping[int, dict | None], after: Mapping[int, dict | None]) -> None:
    """Queue the documents where a change's entries approved, no longer approved, or whose approved terms changed are
    to be counted again (as ``count_approved`` counts them when a document is ingested, where extraction did not
    count them): those it was counted in, and for an entry now approved those that use its terms, found after the
    change (``_TO_FIND``: the word index is asked outside its transaction). Where an entry's terms as they were are
    gone (the entry removed, or its approved terms edited), every approved entry of the documents it was counted in
    is counted again (entry 0): the overlaps its terms held there go back to the shorter ones."""
    changed = [entry_id for entry_id in after if _changes_approved_terms(before.get(entry_id), after[entry_id])]
    if not changed:
        return
    counted = store.document_counts(changed)
    pairs: set[tuple[str, int]] = set()
    for entry_id in changed:
        now, was = after[entry_id], before.get(entry_id)
        # what documents counted of it, as its snapshot before keeps it when the change took it out
        rows = counted.get(entry_id, []) if now is not None else _counted(was)
        terms_gone = now is None or (bool(was) and was["status"] == ReviewStatus.APPROVED.value
                                     and _approved_terms(was) != _approved_terms(now))
        pairs |= {(row[0], 0 if terms_gone else entry_id) for row in rows if row[3] is None}  # count_approved's
        if now is not None and now["status"] == ReviewStatus.APPROVED.value:
            pairs.add((_TO_FIND, entry_id))
    store.queue_counts(sorted(pairs))


_Indexed = dict[int, tuple[int, list[list[list[str]]], dict[str, set[int]] | None]]  # _indexed_words by entry, at a version


def _find_documents(store: Store, indexed: _Indexed) -> None:
    """Queue, for each entry queued ``_TO_FIND``, the documents a unit of which holds the words of one of its terms
    (by their starts, in the word index: ``_indexed_words``; every document for a term with no word the index can
    be asked about) but those whose extraction counted it: asked outside a transaction, each entry's queued in
    one of its own; what the index says is kept in ``indexed`` for the count."""
    for entry_id in sorted(store.queued_counts(1).get(_TO_FIND, ())):
        entry = store.entries([entry_id], contexts=0).get(entry_id)
        pairs = []
        if entry is not None and entry.status is ReviewStatus.APPROVED:
            holding = _indexed(store, entry, indexed)[2]
            documents = {record.id for record, _ in store.documents()} if holding is None else set(holding)
            by_extraction = {row[0] for row in store.document_counts([entry_id]).get(entry_id, []) if row[3] is not None}
            pairs = [(document, entry_id) for document in sorted(documents - by_extraction)]
        with store.transaction():
            store.queue_counts(pairs)
            store.unqueue_counts([(_TO_FIND, entry_id)])


COUNT_BATCH = 20  # documents counted again in one transaction: what another writer may wait for


def count_queued(store: Store, progress: Progress | None = None) -> int:
    """Make the counts changes to the glossary queued (``_queue_counts``), ``COUNT_BATCH`` documents a transaction,
    so that another writer waits for one batch at most, not for every document an approval reaches. Each document
    is counted as it reads when its batch runs (an entry changed again meanwhile counts as it now reads), so that
    counts left queued by a process that stopped are made by the next change, and a document counted twice counts
    the same. Reports the documents counted to ``progress``. Returns how many were counted."""
    indexed: _Indexed = {}
    _find_documents(store, indexed)
    total = len(store.queued_counts())
    done = 0
    while True:
        with store.transaction():
            batch = store.queued_counts(COUNT_BATCH)
            if batch and _TO_FIND not in batch:
                _count_batch(store, batch, indexed)
                store.unqueue_counts([(document, entry_id) for document, entry_ids in sorted(batch.items())
                                      for entry_id in sorted(entry_ids)])
        if not batch:
            return done
        if _TO_FIND in batch:  # queued by another program's change meanwhile
            _find_documents(store, indexed)
            continue
        done += len(batch)
        if progress is not None:
            progress(Step(done, max(total, done), done, sorted(batch)[-1]))


def _indexed(store: Store, entry: Entry, indexed: _Indexed) -> tuple[int, list[list[list[str]]], dict[str, set[int]] | None]:
    """``_indexed_words`` of an entry, asked once a version of it."""
    if indexed.get(int(entry.id), (None,))[0] != entry.version:
        indexed[int(entry.id)] = (entry.version, *_indexed_words(store, entry))
    return indexed[int(entry.id)]


def _count_batch(store: Store, batch: Mapping[str, set[int]], indexed: _Indexed) -> None:
    """Count queued entries again in a batch of documents (entry 0: every approved entry of the document), in the
    units the word index names for their words (``indexed``: read once an entry's version, for the batches
    after)."""
    found = store.entries(sorted({entry_id for wanted in batch.values() for entry_id in wanted} - {0}), contexts=0)
    words: dict[int, list[list[list[str]]]] = {}  # the words of each approved entry's terms (none: any sentence)
    gone: dict[int, list[list[list[str]]]] = {}  # and of each entry no longer approved
    units: dict[int, dict[str, set[int]] | None] = {}  # the units holding them, by document (None: any unit)
    for entry_id, entry in found.items():
        _, looked_for, units[entry_id] = _indexed(store, entry, indexed)
        (words if entry.status is ReviewStatus.APPROVED else gone)[entry_id] = looked_for
    heads = _approved_heads(store)
    changed: set[int] = set()
    read: dict[int, Entry | None] = {}  # the entries the documents name, read once
    for document_id in sorted(batch):
        if store.document(document_id) is None:
            continue
        if 0 in batch[document_id]:
            changed |= _count_whole(store, document_id, heads, read)
            continue
        wanted = batch[document_id] & found.keys()
        held = [units[entry_id] for entry_id in wanted]
        units_read = None if None in held else set().union(*(holding.get(document_id, ()) for holding in held))
        changed |= _count_again_in(store, document_id, wanted, words, heads, gone, units_read, read)
    recount(store, sorted(changed))


def _counted_in(store: Store, document_id: str) -> tuple[set[int], dict[int, int]]:
    """The entries extraction counted in a stored document, and what ``count_approved`` counted of the others."""
    extracted, prior = set(), {}
    for entry_id, counts in store.document_counts(store.document_entry_ids(document_id)).items():
        for document, frequency, _, score in counts:
            if document == document_id:
                if score is not None:
                    extracted.add(entry_id)
                else:
                    prior[entry_id] = frequency
    return extracted, prior


def _sides_of(units: Iterable[StoredUnit], document_id: str) -> list[tuple[Context, str]]:
    """Units of a stored document, as contexts in the language beside English, each with that language."""
    return [(context, other_language(s.unit.srclang, s.unit.tgtlang)) for s in units
            if (context := term_context(s.unit, document_id)) is not None and context.fr]


def _count_whole(store: Store, document_id: str, heads: frozenset[str], read: dict[int, Entry | None]) -> set[int]:
    """Every approved entry of a stored document counted again, as its ingest counts them (``count_approved``), an
    entry counted there that is no longer approved, or gone, counting nothing: where an entry's terms as they were
    are gone, the overlaps they held go back to the approved terms they overshadowed. Returns the entries whose
    count changed."""
    extracted, prior = _counted_in(store, document_id)
    stored = store.document_units(document_id)
    counts, quoted = _approved_occurrences(store, _sides_of(stored, document_id), extracted, heads, read=read) \
        if heads else (Counter(), {})
    changed = {entry_id for entry_id in prior.keys() | counts.keys() if prior.get(entry_id, 0) != counts[entry_id]}
    _write_counts(store, document_id, stored, changed, prior, counts, quoted)
    return changed


def _count_again_in(store: Store, document_id: str, entry_ids: set[int], words: Mapping[int, list[list[list[str]]]],
                    heads: frozenset[str], gone: Mapping[int, list[list[list[str]]]] | None = None,
                    units_read: set[int] | None = None, read: dict[int, Entry | None] | None = None) -> set[int]:
    """Count ``entry_ids`` again in a stored document, as ``count_approved`` counts them at its ingest (the others
    named in the same sentences, and what extraction counted there, holding the overlaps they win), in the
    sentences that hold the words of one of their terms (``words``; an entry's absent: no longer approved, not
    counted; ``gone``: the words of those no longer approved; ``units_read``: the ids of the units the word index
    found those words in, the others not read, None: every unit, as for a document stored again since the index
    was read; ``read``: see ``_read_entries``). The other approved entries whose term overlaps
    one of theirs in those sentences are counted again in the whole document: an overlap goes to the longest term,
    so approving *commandement maritime allié* takes from *commandement maritime* what it now holds, and taking
    its approval back gives it back. An entry whose count
    changes has what the document gave it (count and contexts) replaced. Returns those entries."""
    extracted, prior = _counted_in(store, document_id)
    before = {entry_id: frequency for entry_id, frequency in prior.items() if entry_id in entry_ids}
    counting = {entry_id for entry_id in entry_ids if entry_id in words}
    looked_for = {entry_id: found for entry_id in entry_ids
                  if (found := words.get(entry_id, (gone or {}).get(entry_id))) is not None}
    stored = store.document_units(document_id) if looked_for else []
    if units_read is not None and not units_read <= {s.id for s in stored}:
        units_read = None  # stored again since the word index was read: its units are others
    sides = _sides_of(stored if units_read is None else (s for s in stored if s.id in units_read), document_id)
    named = _named(store, sides, heads) if sides and heads else set()
    counts, quoted = _approved_occurrences(store, sides, extracted, heads, named, read) if counting and named \
        else (Counter(), {})
    changed = {entry_id for entry_id in entry_ids
               if before.get(entry_id, 0) != (counts[entry_id] if entry_id in counting else 0)}
    near = _approved_overlapping(store, sides, set(looked_for), extracted, named, read) if named else set()
    if near:  # counted again in the whole document, as its ingest counts them
        whole, whole_quoted = _approved_occurrences(store, _sides_of(stored, document_id), extracted, heads, read=read)
        moved = {entry_id for entry_id in near if prior.get(entry_id, 0) != whole[entry_id]}
        before.update((entry_id, prior[entry_id]) for entry_id in moved if entry_id in prior)
        for entry_id in moved:  # (their count in the sentences read is part of the whole)
            counts[entry_id] = whole[entry_id]
        quoted.update({entry_id: whole_quoted.get(entry_id, []) for entry_id in moved})
        changed |= moved
    _write_counts(store, document_id, stored, changed, before, counts, quoted)
    return changed


def _write_counts(store: Store, document_id: str, stored: Sequence[StoredUnit], changed: set[int],
                  before: Mapping[int, int], counts: Mapping[int, int], quoted: Mapping[int, list[Context]]) -> None:
    """Replace what a document gave the ``changed`` entries (``before``: those it had counted) by ``counts`` and
    their contexts ``quoted``."""
    if not changed:
        return
    unit_ids = {s.unit.tuid: s.id for s in stored}
    record = store.document(document_id)
    seen = (parse_time(record.updated or record.ingested) if record else None) or utcnow()
    for entry_id in sorted(changed):
        if entry_id in before:
            store.forget_entry_evidence(entry_id, [document_id])
        if counts.get(entry_id):
            store.count_in_document(entry_id, document_id, counts[entry_id], seen, None)
            store.add_contexts(entry_id, quoted[entry_id], unit_ids)


def _approved_overlapping(store: Store, sides: Sequence[tuple[Context, str]], entry_ids: set[int], extracted: set[int],
                          named: set[int], read: dict[int, Entry | None] | None = None) -> set[int]:
    """The approved entries, other than ``entry_ids`` and than those extraction counted in the document, a term of
    which overlaps a term of ``entry_ids`` (whatever their status) in one of ``sides``: those whose count an
    overlap won or lost may change. ``named``: ``_named`` of the sides."""
    from .termindex import Glossary, Side

    named = named - entry_ids - extracted
    if not named:
        return set()
    found = _read_entries(store, named | entry_ids, read)
    others = {entry_id for entry_id in named if (entry := found.get(entry_id)) and entry.status is ReviewStatus.APPROVED}
    if not others:
        return set()
    mine = frozenset(map(str, entry_ids))
    terms = Glossary([found[entry_id] if entry_id in others else replace(found[entry_id], status=ReviewStatus.APPROVED)
                      for entry_id in others | (entry_ids & set(found))])
    near: set[int] = set()
    for context, lang in sides:
        matches = Side(terms, context.fr, lang).found
        spans = [(match.start, match.end) for match in matches if any(term.entry in mine for term in match.terms)]
        for match in matches:
            if any(start < match.end and match.start < end for start, end in spans):
                near.update(int(term.entry) for term in match.terms if term.entry not in mine)
    return near & others


# a word the word index finds by its start, folded: where a term's word can be looked for in the index
_INDEXED_WORD = re.compile(r"[a-z0-9œæß]+")
# letters a text may write otherwise than a term does, which the word index keeps apart (a term matches either):
# each word holding them is looked for both ways
_SPELLINGS = (("œ", "oe"), ("æ", "ae"), ("ß", "ss"))


def _word_start(word: str, lang: str) -> str:
    """What every form of a (folded) word starts with, as a term's word is matched: in French and English, all but a
    plural's or a singular's ending (*général*, *généraux*; *policy*, *policies*; *OTAN*), elsewhere all but the
    last three letters, which a Snowball stem or a Polish or Czech ending may change (*marynarka*, *marynarce*)."""
    if lang in ("fr", "en"):
        cut = 2 if len(word) > 5 else 1 if len(word) > 3 else 0
    else:
        cut = 3 if len(word) > 5 else 1 if len(word) > 3 else 0
    return word[:len(word) - cut]


def _spelt_both_ways(start: str) -> list[str]:
    """A word's start, and as a text may write it otherwise (``_SPELLINGS``: *œuvre*, *oeuvre*)."""
    spelt = {start}
    for one, other in _SPELLINGS:
        spelt |= {form.replace(one, other) for form in spelt} | {form.replace(other, one) for form in spelt}
    return sorted(spelt)


def _indexed_words(store: Store, entry: Entry) -> tuple[list[list[list[str]]], dict[str, set[int]] | None]:
    """The words a sentence holding one of an entry's terms holds, for each term: each word by the starts of its
    spellings (folded, ``_word_start``, ``_spelt_both_ways``; a word of three letters or more only, where the term
    has one: *de*, *l'* say little); and the units holding the words of a term, by document (by the word
    index). None for the units when a term has no word the word index can be asked about (``_INDEXED_WORD``:
    a word in another script than Latin, Chinese): every document may hold it."""
    from .termindex import _TOKEN

    terms: list[list[list[str]]] = []
    holding: dict[str, set[int]] = {}
    for term in entry.terms:
        if term.lang == "en":  # a document's sentences beside the English are counted, never its English ones
            continue
        words = [fold(match.group(1)) for match in _TOKEN.finditer(visible(term.text)) if match.group(1)]
        starts = list(dict.fromkeys(_word_start(word, term.lang) for word in words if _INDEXED_WORD.fullmatch(word)))
        if not starts:
            return [], None
        starts = [start for start in starts if len(start) >= 3] or starts
        terms.append([_spelt_both_ways(start) for start in starts])
        for document, found in store.documents_with_words(terms[-1]).items():
            holding.setdefault(document, set()).update(found)
    return terms, holding


def add_document_terms(store: Store, document_id: str, unit_ids: Mapping[str, int], proposals: Sequence[Entry],
                       near: Sequence[Entry] = ()) -> tuple[int, int]:
    """Fold the terms extracted from a document stored without them into the glossary, as
    :func:`save_document` folds a new document's; its units stay. The approved entries it was stored counting
    (:func:`count_approved`) are counted again with the rest, as a revision counts them, not on top of their count.
    Returns (new entries, updated entries)."""
    with store.transaction():
        earlier = store.forget_document_terms(document_id)
        return _fold_document(store, document_id, unit_ids, proposals, near, earlier)[:2]


class Replaced(NamedTuple):
    new_entries: int
    updated_entries: int
    replaced: int  # candidates of the earlier extraction removed, the new one's proposals in their place
    change: int | None  # the recorded change that removed them (revert brings them back)


def replace_document_terms(store: Store, document_id: str, unit_ids: Mapping[str, int], proposals: Sequence[Entry],
                           near: Sequence[Entry] = (), *, replaceable: Iterable[str] = (),
                           user: str | None = None) -> Replaced:
    """Replace what a stored document's earlier term extraction gave the glossary by a new
    extraction's ``proposals`` (and ``near``, kept as evidence), in one transaction; its units stay.

    The candidates of the earlier extraction go, recorded as one change (``reextract``, which
    revert undoes): extraction made them (no import, person or revert did), no one reviewed them,
    and no document vouches for them but this one and those of ``replaceable`` (documents whose
    extraction is being replaced too). Those are the entries this document counts, and those its
    new proposals would merge with. The new proposals then come in as a new document's do
    (:func:`merge_extracted`, :func:`keep_evidence`); a candidate a proposal gives again term for term stays,
    counted anew in place. An entry someone reviewed keeps its decision
    and terms; one that other documents vouch for keeps their evidence, and has this document's
    counts, contexts and equivalents' support replaced."""
    replaceable = {document_id, *replaceable}
    with changing(store):
        finder = _EntryFinder(store, pivot([*proposals, *near]))
        keys = [finder.keys(proposal) for proposal in [*proposals, *near]]
        finder.read(keys)
        # and the entry of another pair a proposal joins by its English
        named = {entry_id for found in keys for key in found if isinstance(key, str) for entry_id in finder.holders(key)}
        named |= {entry_id for found in keys if (entry_id := finder.find(found)) is not None}
        ids = sorted(named | set(store.document_entry_ids(document_id)))
        states, counts, origins = store.entry_states(ids), store.document_counts(ids), store.origin_snapshots(ids)
        found = store.entries(ids)
        stale = [entry_id for entry_id in ids if entry_id in found and found[entry_id].status is ReviewStatus.CANDIDATE
                 and not states[entry_id].reviewed and entry_id not in origins and counts.get(entry_id)
                 and all(document in replaceable for document, *_ in counts[entry_id])]
        # a candidate the new extraction proposes again, term for term, is that proposal: it stays the entry it
        # is (its id and first-seen time, which a reviewer's open page and an exported file name it by, so that
        # a review sent back is not lost), given the proposal's terms and counted again below, as a revised
        # document's entries are
        proposed = {_term_set(proposal.terms): proposal for proposal in proposals}
        again = {entry_id: proposed.pop(key) for entry_id in stale if (key := _term_set(found[entry_id].terms)) in proposed}
        stale = [entry_id for entry_id in stale if entry_id not in again]
        for entry_id, proposal in again.items():
            store.write_terms(entry_id, proposal.terms)
        change = None
        if stale:
            change = _record_change(store, "reextract", {i: entry_snapshot(found[i], reviewed=False) for i in stale},
                                    {i: None for i in stale}, user=user)
            for entry_id in stale:
                store.delete_entry(entry_id)
        earlier = store.forget_document_terms(document_id)
        new, updated, _ = _fold_document(store, document_id, unit_ids, proposals, near, earlier)
    return Replaced(new, updated, len(stale), change)


def _term_set(terms: Sequence[Term]) -> frozenset[tuple[str, str]]:
    """An entry's terms as written, each with its language, in no order."""
    return frozenset((term.lang, term.text) for term in terms)


def document_footprint(store: Store, document_id: str) -> list[str]:
    """What a document's extraction gives the glossary, ids, times and order aside: the entries it
    counts (as the history keeps them, their counts by document) and the evidence it kept. Two
    extractions with the same footprint leave the glossary as one."""
    ids = store.document_entry_ids(document_id)
    found, states, counts = store.entries(ids), store.entry_states(ids), store.document_counts(ids)
    supports = store.document_supports(ids)
    rows = []
    for entry_id in ids:
        data = entry_snapshot(found[entry_id], reviewed=states[entry_id].reviewed)
        data["counts"] = [(document, frequency, score) for document, frequency, _, score in counts.get(entry_id, [])]
        # its equivalents' figures as it gives them: rows written before they were kept (unknown) are made again
        data["supports"] = [list(row[1:]) for row in supports.get(entry_id, []) if row[0] == document_id]
        rows.append(data)
    rows += [{"key": key, "score": score, "kept": proposal}
             for key, score, proposal in store.document_evidence(document_id)]
    return sorted(_timeless(row) for row in rows)


def _timeless(data) -> str:
    """``data`` as sorted JSON, without ids, versions and times, each list of contexts in order of its text."""
    def strip(value):
        if isinstance(value, dict):
            return {key: (sorted(map(_timeless, item)) if key == "contexts" else strip(item))
                    for key, item in value.items() if key not in ("id", "version", "first_seen", "last_seen")}
        if isinstance(value, (list, tuple)):
            return [strip(item) for item in value]
        return value

    return json.dumps(strip(data), sort_keys=True, ensure_ascii=False)


def merge_extracted(store: Store, proposals: Sequence[Entry], document_id: str, unit_ids: Mapping[str, int], *,
                    recount_also: Iterable[int] = (), seen: datetime | None = None,
                    finder: _EntryFinder | None = None, placed: dict[int, list[Entry]] | None = None,
                    ) -> tuple[int, int]:
    """Fold term extraction's proposals for one (stored) document into the glossary.

    New concepts become candidates; known ones gain the document's count, contexts and
    ``last_seen``, and — unless a person has reviewed them — new equivalents, forms and score.
    Every entry touched is then recounted once, with ``recount_also`` (those an earlier version of
    the document counted). ``seen``: when the document was read (now, unless its evidence was kept
    from earlier). ``finder``: the keys a caller has read already; ``placed`` is given each entry's proposals
    (:func:`_quote_terms_again`). Returns (new entries, updated entries).

    The entries the proposals name are read at once, and the fields their proposals change written
    at once before the recount (nothing in between reads those fields), so that the other writes
    need no answer from the store (see :meth:`Store.pipeline`).
    """
    created: set[int] = set()
    updated: set[int] = set()
    now = seen or utcnow()
    finder = finder or _EntryFinder(store, pivot(proposals))
    with store.transaction():
        keys = [finder.keys(proposal) for proposal in proposals]
        finder.read(keys)
        named = sorted({entry_id for found in keys if (entry_id := finder.find(found)) is not None})
        states = store.entry_states(named)
        stored = store.entries([entry_id for entry_id in named if not states[entry_id].reviewed], contexts=0)
        # an English-led extraction names entries by their English term, which an entry of another context
        # language may hold (a French one): the reviewed ones' terms are read too (see _quotes)
        read_too = store.entries([i for i in named if states[i].reviewed], contexts=0) if finder.lang == "en" else {}
        fields: list[tuple[int, dict]] = []
        quoted: dict[int, set[tuple[str, str]]] = {}  # the units this document quotes for each entry
        counted: dict[int, tuple[int, set[tuple[str, ...]]]] = {}  # what earlier proposals counted of each
        sentences: list[str] = []  # the document's French, read for the first entry two proposals name
        for proposal, found in zip(proposals, keys):
            entry_id = finder.find(found)
            # a term and its variant (merged, or added by a person) quote one sentence once
            contexts = [c for c in proposal.contexts[:CONTEXTS_PER_DOCUMENT]
                        if (c.unit, c.fr) not in quoted.get(entry_id, ())]
            if entry_id is None:
                proposal.status = ReviewStatus.CANDIDATE
                proposal.first_seen = proposal.first_seen or now
                proposal.last_seen = now
                proposal.contexts = contexts
                entry_id = store.insert_entry(proposal, reviewed=False, unit_ids=unit_ids)
                finder.wrote(entry_id, proposal.terms)
                created.add(entry_id)
            else:
                # two proposals of one document may name one concept (a term and its variant): the
                # second finds the entry the first made
                if entry_id not in states:
                    states.update(store.entry_states([entry_id]))
                    stored.update(store.entries([entry_id], contexts=0))
                fields.append((entry_id, _extend_entry(store, entry_id, proposal, now, states[entry_id].reviewed,
                                                       stored, finder)))
                contexts = _quotes(stored.get(entry_id) or read_too.get(entry_id), proposal, contexts)
                store.add_contexts(entry_id, contexts, unit_ids)
                if entry_id not in created:
                    updated.add(entry_id)
            quoted.setdefault(entry_id, set()).update((c.unit, c.fr) for c in contexts)
            if placed is not None:
                placed.setdefault(entry_id, []).append(proposal)
            frequency, phrases = proposal.frequency, _phrases(proposal, finder.lang)
            if entry_id in counted:  # a term and its variant: an occurrence of one inside the other counts once
                sentences = sentences or _sentences(store, document_id, finder.lang)
                before, named = counted[entry_id]
                frequency -= min(_overlapping(sentences, phrases, named), frequency, before)
                phrases |= named
            counted[entry_id] = (counted.get(entry_id, (0, set()))[0] + frequency, phrases)
            store.count_in_document(entry_id, document_id, frequency, now, proposal.score)
            store.add_equivalent_support(entry_id, document_id, _supports(proposal))
        store.set_entries_fields(fields)
        recount(store, sorted(created | updated | set(recount_also)))
    return len(created), len(updated)


def _quote_terms_again(store: Store, documents: set[str], entry_ids: Iterable[int],
                       placed: Mapping[int, list[Entry]], said: dict[str, set] | None = None, *,
                       figures: bool = False) -> None:
    """Give the terms of ``entry_ids`` that quote one of ``documents`` (an English equivalent's own sentence
    pairs, ``Term.contexts``) what those documents say now, where a sentence quoted is no longer there as quoted
    (the document revised or removed): the contexts the documents' extraction gave the same term this time
    (``placed``: the proposals folded into each entry), else those of its quotes still standing. Those sentences are
    evidence, as an entry's contexts are, and go stale as they do: a reviewed entry's are quoted again too, its
    decision (terms, status, version) left alone. ``said``: the documents' sentences read already, by document, and
    kept there for the next call of the same transaction (a revert's entries: each read once, not once an entry).
    ``figures`` (a revised document's extraction): an equivalent the documents alone quote takes its sentences from
    their extraction this time, and a reviewed entry's the frequency its documents give it too (an unreviewed one's
    frequency and confidence are its documents' already: ``_rank_equivalents``)."""
    found = store.entries(sorted(set(entry_ids)), contexts=0)
    citing = {entry_id: entry for entry_id, entry in found.items()
              if any(c.document in documents for term in entry.terms for c in term.contexts)}
    if not citing:
        return
    said = {} if said is None else said
    # a reviewed entry's confidences are the reviewer's to keep (records.review_state): its counts and sentences only
    reviewed = {i for i, state in store.entry_states(list(citing)).items() if state.reviewed} if figures else set()
    # a reviewed entry's equivalents' frequencies: what its documents give them (recount weighs no reviewed entry)
    documents_gave = store.document_supports(sorted(reviewed)) if reviewed else {}
    read: dict[int, Entry] = {}  # entries read with their contexts, when a term needs them
    standing = set()  # the documents' sentence pairs as stored now, as a context quotes them
    for document in documents:
        if document not in said:
            said[document] = {(document, c.unit, c.fr, c.en) for stored in store.document_units(document)
                              if (c := term_context(stored.unit, document)) is not None} \
                if store.document(document) is not None else set()
        standing |= said[document]
    for entry_id, entry in citing.items():
        language = context_language(t.lang for t in entry.terms)
        fresh: dict[tuple[str, str], list[Context]] = {}
        given: dict[tuple[str, str], Term] = {}  # the term as the documents' extraction gave it this time
        for proposal in placed.get(entry_id, ()):
            proposed = context_language(t.lang for t in proposal.terms)
            for term in proposal.terms:
                # a proposal in another context language than the entry's keeps its sentences' own (_extend_entry)
                contexts = [c if proposed == language else replace(c, lang=sentence_language(c, proposed, term.lang))
                            for c in term.contexts if c.document in documents]
                for key in ((term.lang, fold(term.text)), (term.lang, spelling_key(term.text))):
                    fresh.setdefault(key, []).extend(contexts)
                    given.setdefault(key, term)
        changed = False
        for term in entry.terms:
            quoted = [c for c in term.contexts if c.document in documents]
            source = given.get((term.lang, fold(term.text))) or given.get((term.lang, spelling_key(term.text)))
            if figures and source is not None and quoted and len(quoted) == len(term.contexts) \
                    and term.confidence is not None:
                # an extracted equivalent these documents alone gave (its sentences are theirs): their extraction's
                # figures and sentences as they read now, all of them (a sentence added that writes it too), as a
                # store made afresh from them holds; the equivalent a revision gave stayed with the earlier version's
                again = list({(c.document, c.unit, c.fr, c.en): c
                              for c in fresh.get((term.lang, fold(term.text))) or
                              fresh.get((term.lang, spelling_key(term.text)), [])}.values())
                # an unreviewed entry's figures are its documents' as recount made them (_rank_equivalents)
                frequency = term.frequency
                if entry_id in reviewed:
                    key = (term.lang, term.term_type.value, _equivalent_key(term))
                    known = _equivalent_figures([row for row in documents_gave.get(entry_id, [])
                                                if tuple(row[1:4]) == key])
                    frequency = known[0] if known else source.frequency
                if (again, frequency) != (term.contexts, term.frequency):
                    term.contexts, term.frequency = again, frequency
                    changed = True
                continue
            if all((c.document, c.unit, c.fr, c.en) in standing for c in quoted):
                continue
            again = fresh.get((term.lang, fold(term.text))) or fresh.get((term.lang, spelling_key(term.text))) or \
                [c for c in quoted if (c.document, c.unit, c.fr, c.en) in standing]
            if not again and term.confidence is not None:
                # an extracted equivalent whose every quote went (its document removed, or revised without it):
                # the entry's sentences of the documents still stored that write it, rather than none while they do
                again = _writing(term, [c for c in _entry_contexts(store, entry_id, read)
                                        if c.document and c.document not in documents])
            term.contexts = [c for c in term.contexts if c.document not in documents] + \
                list({(c.document, c.unit, c.fr, c.en): c for c in again}.values())
            changed = True
        if changed:
            store.write_terms(entry_id, entry.terms)


def _entry_contexts(store: Store, entry_id: int, read: dict[int, Entry]) -> list[Context]:
    """An entry's own contexts, read once (``read``)."""
    if entry_id not in read:
        read[entry_id] = store.entries([entry_id])[entry_id]
    return read[entry_id].contexts


def _writing(term: Term, contexts: Sequence[Context]) -> list[Context]:
    """The contexts whose sentence in the term's language (an English term's: the English one) writes it or one
    of its forms, as words, at most ``CONTEXTS_PER_DOCUMENT`` a document."""
    spelt = {fold(text) for text in [term.text, *term.forms] if text}
    found: list[Context] = []
    for context in contexts:
        sentence = fold((context.en if term.lang == "en" else context.fr) or "")
        if sum(c.document == context.document for c in found) < CONTEXTS_PER_DOCUMENT and any(
                re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence) for text in spelt):
            found.append(replace(context))
    return found


def _quotes(entry: Entry | None, proposal: Entry, contexts: list[Context]) -> list[Context]:
    """The contexts of a proposal that a known entry takes: none when their language (the proposal's
    context language, ``model.context_language``) is not the entry's — an English–German document's
    German sentences are no contexts of an entry with a French term, which would show them as French
    (the German term's own sentence pairs support it)."""
    languages = {context_language(t.lang for t in e.terms) for e in (entry, proposal) if e is not None}
    return contexts if len(languages) == 1 else []


def _supports(proposal: Entry) -> list[tuple[str, str, str, str, float, int, int, float | None]]:
    """The support a proposal gives its equivalents: (lang, term type, key, text, support, and the figures it gives
    it, ``_equivalent_figures`` reads: frequency, weight (the occurrences its confidence is weighed by), confidence)."""
    return [(t.lang, t.term_type.value, _equivalent_key(t), t.text,
             max(t.frequency, 1) * (t.confidence if t.confidence is not None else 1.0),
             t.frequency, max(t.frequency, 1), t.confidence)
            for t in proposal.terms if t.lang != pivot([proposal])]


def _equivalent_figures(rows: Sequence[tuple]) -> tuple[int, float | None] | None:
    """An equivalent's frequency and confidence from what its documents gave it (``Store.document_supports``' rows
    of one key, by document): one document's as it gave them; several documents' frequencies summed, their
    confidence averaged over their occurrences (to four places); None when a row's are unknown (written before
    they were kept)."""
    if not rows or any(row[6] is None or row[7] is None for row in rows):
        return None
    if len(rows) == 1:
        return rows[0][6], rows[0][8]
    return sum(row[6] for row in rows), round(sum(row[5] for row in rows) / sum(row[7] for row in rows), 4)


def _equivalent_key(term: Term) -> str:
    """What the spellings of one equivalent share: its text folded and singularised, or in a language with
    a Snowball stemmer (German, Spanish …: ``normalize.SNOWBALL``) its words' stems (*Minentaucher*,
    *Minentauchern*)."""
    return inflection_key(term.text, term.lang) or stem(fold(term.text))


# ---- evidence under the threshold: documents that add up to an entry ----------------------------


def _threshold() -> float:
    # imported here: the terms package loads numpy, which commands that never weigh evidence skip
    from .terms.termhood import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD


def keep_evidence(store: Store, near: Sequence[Entry], document_id: str, unit_ids: Mapping[str, int], *,
                  finder: _EntryFinder | None = None, placed: dict[int, list[Entry]] | None = None) -> tuple[int, int]:
    """Keep a (stored) document's proposals under the threshold, so that documents add up where
    none alone is enough: a term scoring 0.25 in each of three documents is one (0.52).

    Each is kept as the document's evidence for its French term (``Store.add_candidate_evidence``).
    One whose concept has an entry counts for it as a proposal would (a term seen in ten documents
    outranks one seen once, :mod:`tmtool.store.evidence`); one that has none becomes an entry when
    the evidence of every document that kept it scores the threshold, weighed as an entry's is —
    merged document by document as if each had proposed it, so that it holds their counts,
    contexts and equivalents. None of those documents is read again. ``finder``: the keys a caller
    has read already; ``placed``: see :func:`merge_extracted`. Returns (new entries, updated entries)."""
    best: dict[str, Entry] = {}
    for proposal in near:  # a term and its variant may share a key: the better one speaks for both
        key = _evidence_key(proposal)
        if key not in best or proposal.score > best[key].score:
            best[key] = proposal
    now = utcnow()
    kept = [(key, proposal.score, _as_kept(proposal, now)) for key, proposal in best.items()]
    created = updated = 0
    threshold = _threshold()
    finder = finder or _EntryFinder(store, pivot(near))
    # proposals for known entries, merged together: before a term is raised (its merge makes an
    # entry), and before a proposal their terms may name once written
    known: list[Entry] = []
    known_keys: set[str] = set()

    def merge_known() -> None:
        nonlocal updated
        if known:
            updated += merge_extracted(store, known, document_id, unit_ids, seen=now, finder=finder, placed=placed)[1]
            known.clear()
            known_keys.clear()

    with store.transaction():
        store.add_candidate_evidence(document_id, kept)
        keys = {key: finder.keys(proposal) for key, proposal in best.items()}
        finder.read(keys.values())
        # read at once for the terms no entry holds yet: what this loop writes changes no evidence
        kept_before = store.candidate_evidence([key for key in best if finder.find(keys[key]) is None])
        for key, proposal in best.items():
            if keys[key] & known_keys:
                merge_known()  # their terms, once written, may name this proposal's entry
            if finder.find(keys[key]) is not None:
                known.append(proposal)
                known_keys.update(k for k in keys[key] if isinstance(k, str))  # its terms' (not its English's)
                continue
            evidence = [(document, data, _from_kept(data)) for document, _, data in kept_before.get(key, [])]
            supports = _grouped((lang, kind, equivalent, support) for *_, found in evidence
                                for lang, kind, equivalent, _, support, *_ in _supports(found))
            if _store_score([found.score for *_, found in evidence], supports) < threshold:
                continue
            merge_known()
            for document, data, found in evidence:
                units = {stored.unit.tuid or str(stored.position): stored
                         for stored in store.document_units(document)}
                _cite(found, data, document, units)
                merge_extracted(store, [found], document, {tuid: stored.id for tuid, stored in units.items()},
                                seen=found.last_seen, finder=finder, placed=placed)
            created += 1
        merge_known()
    return created, updated


def _count_kept_evidence(store: Store, document_id: str, placed: Mapping[int, list[Entry]],
                         finder: _EntryFinder) -> None:
    """Count for the entries a document's proposals were folded into (``placed``) the evidence other documents
    kept for their terms under the threshold and do not count for them yet: kept while no entry held the term
    (that document came first), it counts once one does, as it would have had the entry been there. Without
    it, an entry's documents, frequency and score depended on the order its documents came in, and a revised
    document ingested again counted what a store built afresh from the same documents did not. The evidence of
    another pair's documents (German–English), kept by its English term, counts for a French entry holding that
    English where an English finder names it, as it counts when that document comes after the entry."""
    keys = {entry_id: {_evidence_key(proposal) for proposal in proposals} for entry_id, proposals in placed.items()}
    if finder.lang != EN:
        for entry_id, proposals in placed.items():
            keys[entry_id] |= {f"{EN}:{stem(fold(term.text))}" for proposal in proposals
                               for term in proposal.terms_in(EN)[:1]}
    kept = store.candidate_evidence(sorted(set().union(*keys.values()))) if keys else {}
    if not kept:
        return
    finders = {finder.lang: finder}
    counts = store.document_counts(sorted(keys))
    units_of: dict[str, dict[str, StoredUnit]] = {}
    seen: dict[int, tuple[datetime | None, datetime | None]] = {}  # (first, last) of the entries counting more
    for entry_id in sorted(keys):
        counting = {document for document, *_ in counts.get(entry_id, [])}
        for key in sorted(keys[entry_id]):
            for document, _, data in kept.get(key, []):
                if document == document_id or document in counting:
                    continue
                found = _from_kept(data)
                lang = pivot([found])
                by = finders[lang] if lang in finders else finders.setdefault(lang, _EntryFinder(store, lang))
                if by.find(by.keys(found)) != entry_id:
                    continue  # the kept term names another entry (a variant's own)
                if document not in units_of:
                    units_of[document] = {stored.unit.tuid or str(stored.position): stored
                                          for stored in store.document_units(document)}
                units = units_of[document]
                _cite(found, data, document, units)
                if entry_id not in seen:
                    before = store.entries([entry_id], contexts=0)[entry_id]
                    seen[entry_id] = (before.first_seen, before.last_seen)
                first, last = seen[entry_id]
                # merged now, the kept evidence is older than what counted the entry: it was seen then first, if
                # not before, and last where it was last seen (merging sets last_seen to the evidence's own time)
                at = found.last_seen or utcnow()
                seen[entry_id] = (min(first or at, at), max(last or at, at))
                merge_extracted(store, [found], document, {tuid: stored.id for tuid, stored in units.items()},
                                seen=at, finder=by)
                counting.add(document)
    store.set_entries_fields((entry_id, {"first_seen": first, "last_seen": last})
                             for entry_id, (first, last) in seen.items())


def _as_kept(proposal: Entry, seen: datetime) -> dict:
    """A proposal as its document's evidence: what :func:`merge_extracted` reads, without
    :func:`entry_to_dict`'s view of the terms by language, and its contexts by unit (tuid) — the
    document's units stay as long as its evidence, and the sentences would double its size."""
    data = entry_to_dict(replace(proposal, contexts=proposal.contexts[:CONTEXTS_PER_DOCUMENT], last_seen=seen))
    kept = {key: data[key] for key in ENTRY_KEYS}
    kept["contexts"] = [c["unit"] for c in kept["contexts"]]
    kept["terms"] = [{**term, "contexts": [c["unit"] for c in term["contexts"]]} for term in kept["terms"]]
    return kept


def _from_kept(data: dict) -> Entry:
    """A kept proposal, without its contexts (:func:`_cite` finds them)."""
    return entry_from_dict({**data, "contexts": [], "terms": [{**t, "contexts": []} for t in data["terms"]]})


def _cite(found: Entry, data: dict, document: str, units: Mapping[str, StoredUnit]) -> None:
    """Give a kept proposal the contexts it was kept with, their sentences from its document's units
    (by tuid); a unit a reviewer's correction has replaced since is no longer cited."""
    def cited(tuids: list[str]) -> list[Context]:
        return [term_context(units[tuid].unit, document) for tuid in tuids if tuid in units]

    found.contexts = cited(data["contexts"])
    for term, kept in zip(found.terms, data["terms"]):
        term.contexts = cited(kept["contexts"])


def _evidence_key(proposal: Entry) -> str:
    """What the proposals of different documents for one French term share: its text, folded and
    singularised (a key :class:`_EntryFinder` finds an entry by); an English term's (``pivot``) after *en:*."""
    lang = "fr" if proposal.terms_in("fr") else pivot([proposal])
    key = stem(fold(proposal.terms_in(lang)[0].text))
    return key if lang == "fr" else f"{lang}:{key}"


def _fall_back(store: Store, entry_ids: Iterable[int], *, states: Mapping[int, EntryState] | None = None,
               counts: _Counts | None = None, origins: Mapping[int, dict] | None = None) -> set[int]:
    """Take out the entries that only evidence under the threshold made (:func:`keep_evidence`)
    once it no longer adds up, a document having gone or changed: unreviewed candidates that
    extraction made (no recorded change created them), whose every document kept its evidence for
    the term under the threshold, and whose score across the store fell under it. That evidence
    stays kept, so that later documents may raise the term again. ``states``, ``counts`` and
    ``origins``: the entries' states, document counts and origin snapshots as the caller has read
    them in this transaction, else read here. Returns the ids of those that went."""
    threshold = _threshold()
    entry_ids = list(entry_ids)
    states = store.entry_states(entry_ids) if states is None else states
    ids = [entry_id for entry_id in entry_ids if entry_id in states and not states[entry_id].reviewed]
    origins = store.origin_snapshots(ids) if origins is None else origins
    keys = {entry_id: _evidence_key(found) for entry_id, found in store.entries(ids, contexts=0).items()
            if found.status is ReviewStatus.CANDIDATE and entry_id not in origins and found.score < threshold}
    kept = store.candidate_evidence(sorted(set(keys.values()))) if keys else {}
    # the common case: no document kept evidence for the term, nothing more to read
    ids = [entry_id for entry_id, key in keys.items() if key in kept]
    if counts is None:
        counts = store.document_counts(ids) if ids else {}
    removed = set()
    for entry_id in ids:
        documents = {document for document, *_ in kept[keys[entry_id]]}
        found = counts.get(entry_id)
        if found and all(document in documents and (score or 0.0) < threshold for document, _, _, score in found):
            store.delete_entry(entry_id)
            removed.add(entry_id)
    return removed


def _extend_entry(store: Store, entry_id: int, proposal: Entry, now: datetime, reviewed: bool,
                  stored: dict[int, Entry], finder: _EntryFinder) -> dict:
    """Give a known entry a proposal's new terms and forms (unless it is reviewed), writing its terms;
    ``stored`` holds the unreviewed entries as they are written. Returns the fields to set."""
    if reviewed:
        return {"last_seen": now}
    entry = stored[entry_id]
    # a term written alike (folded) is that term; one spelt as lookup finds it alike (manœuvre, manoeuvre) is the
    # first term so spelt, its spelling a form of it (an entry may hold both: mise en œuvre, mise en oeuvre)
    written = {(t.lang, fold(t.text)): t for t in entry.terms}
    spelt_alike = _first_by_spelling(entry.terms)
    changed = False
    # the proposal's sentence pairs are in its context language, which may not be the entry's (found by its
    # English term): a term it adds keeps them in theirs
    language = context_language(t.lang for t in proposal.terms)
    other = language != context_language(t.lang for t in entry.terms)
    for term in proposal.terms:
        known = written.get((term.lang, fold(term.text))) or spelt_alike.get((term.lang, spelling_key(term.text)))
        if known is None:
            added = replace(term, forms=list(term.forms))  # a copy: forms are added to it later
            if other:
                added.contexts = [replace(c, lang=sentence_language(c, language, term.lang)) for c in term.contexts]
            entry.terms.append(added)
            changed = True
        else:
            spelt = [term.text] if fold(term.text) != fold(known.text) else []
            forms = list(dict.fromkeys(f for f in [*spelt, *term.forms] if f not in known.forms))
            known.forms.extend(forms)
            changed = changed or bool(forms)
    if changed:  # most documents add nothing to a known entry's terms: rewriting them and their keys is slow
        store.write_terms(entry_id, entry.terms)
        finder.wrote(entry_id, entry.terms)
    entry.score = max(entry.score, proposal.score)
    return {"last_seen": now, "score": entry.score}


def recount(store: Store, entry_ids: Iterable[int]) -> None:
    """Set extracted entries' frequency to the sum of their per-document counts (when a replaced or
    removed document was the last to count them: what the entry came with, zero for extraction's own),
    and weigh the evidence of the documents that count an unreviewed entry (see
    :mod:`tmtool.store.evidence`): its score, and its equivalents ranked by the support they have
    across documents."""
    entry_ids = list(entry_ids)
    if not entry_ids:
        return
    with store.transaction():
        states = store.entry_states(entry_ids)
        ids = [entry_id for entry_id in entry_ids if entry_id in states]
        _recount(store, ids, states, store.document_counts(ids))


def _recount(store: Store, ids: Sequence[int], states: Mapping[int, EntryState], counts: _Counts,
             origins: Mapping[int, dict] | None = None) -> None:
    """:func:`recount` of stored entries, given their states and document counts as read in this
    transaction, and their origin snapshots when read already (else each is read when needed)."""
    _count_frequencies(store, ids, counts, origins)
    # with no document left, _take_back restores the rest of the origin
    _weigh_evidence(store, {entry_id: scores for entry_id in ids if not states[entry_id].reviewed
                            and (scores := [score for *_, score in counts.get(entry_id, []) if score is not None])},
                    origins)


def _count_frequencies(store: Store, ids: Sequence[int], counts: _Counts,
                       origins: Mapping[int, dict] | None = None) -> None:
    """Give each entry of ``ids`` the frequency its documents count (``counts``, as read in this transaction); one
    no document counts, the frequency it came with (an imported termbase's count, in its origin snapshot: ``origins``
    when read already), as if those documents had never been ingested."""
    uncounted = [entry_id for entry_id in ids if not counts.get(entry_id)]
    came_with = (store.origin_snapshots(uncounted) if origins is None else origins) if uncounted else {}
    store.set_entries_fields(
        (entry_id, {"frequency": sum(count[1] for count in counts[entry_id]) if counts.get(entry_id)
                    else came_with.get(entry_id, {}).get("frequency") or 0}) for entry_id in ids)


def _grouped(supports: Iterable[tuple[str, str, str, float]]) -> dict[tuple[str, str], dict[str, float]]:
    """(lang, term type, key, support) rows as (language, term type) → {equivalent key: support summed}."""
    grouped: dict[tuple[str, str], dict[str, float]] = {}
    for lang, term_type, key, support in supports:
        group = grouped.setdefault((lang, term_type), {})
        group[key] = group.get(key, 0.0) + support
    return grouped


def _store_score(scores: Sequence[float], supports: dict[tuple[str, str], dict[str, float]]) -> float:
    # consistency is judged where the alternatives compete most: the best-supported group
    main = max(supports.values(), key=lambda group: sum(group.values()), default={})
    return entry_score(scores, list(main.values()))


def _weigh_evidence(store: Store, scores: Mapping[int, list[float]], origins: Mapping[int, dict] | None) -> None:
    """Weigh entries' evidence, given the scores their documents gave each (and their origin
    snapshots, when read already): every entry's rows read at once, whatever their number."""
    if not scores:
        return
    found = store.document_supports(list(scores))  # by document: summed in one order, however they came
    supports = {entry_id: _grouped(row[1:4] + row[5:6] for row in found.get(entry_id, [])) for entry_id in scores}
    store.set_entries_fields((entry_id, {"score": _store_score(entry_scores, supports[entry_id])})
                             for entry_id, entry_scores in scores.items())
    supported = [entry_id for entry_id in scores if supports[entry_id]]
    stored = store.entries(supported, contexts=0)
    for entry_id in supported:
        rows: dict[tuple[str, str, str], list[tuple]] = {}
        for row in found[entry_id]:
            rows.setdefault(tuple(row[1:4]), []).append(row)
        _rank_equivalents(store, entry_id, stored[entry_id], supports[entry_id], origins, rows)


def _rank_equivalents(store: Store, entry_id: int, stored: Entry, supports: dict[tuple[str, str], dict[str, float]],
                      origins: Mapping[int, dict] | None, given: Mapping[tuple[str, str, str], list[tuple]] = {},
                      ) -> None:
    """Keep an entry's equivalents that its documents' support ranks high enough, best first, each extracted one
    (with a confidence) with the frequency and confidence its documents give it (``given``: their
    ``document_supports`` rows by (lang, term type, key); ``_equivalent_figures``), not those of the first document
    that proposed it. One dropped under the best's share earlier comes back once it ranks high enough (a document
    outweighing it removed, others agreeing with it ingested), as a store made afresh from the documents holds it:
    the spelling its documents give it most, their sentences that write it. The
    entry's origin snapshot is read when needed, unless ``origins`` holds the snapshots read already."""
    before = [(t.lang, t.text, t.frequency, t.confidence) for t in stored.terms]
    kept = [t for t in stored.terms if (t.lang, t.term_type.value) not in supports]
    origin = None
    for group, keys in supports.items():
        own: dict[str, Term] = {}
        for term in stored.terms:
            if (term.lang, term.term_type.value) == group:
                first = own.setdefault(_equivalent_key(term), term)  # one spelling, the others its forms
                if first is not term:
                    first.forms.extend(f for f in [term.text, *term.forms] if f not in first.forms)
        for key in kept_equivalents(keys):
            rows = given.get((*group, key), [])
            figures = _equivalent_figures(rows) if rows else None
            term = own.get(key) or (_dropped_equivalent(store, entry_id, group, rows, figures) if figures else None)
            if term is None:
                continue
            if term.confidence is not None and figures:
                term.frequency, term.confidence = figures[0], figures[1] if figures[1] is not None else term.confidence
            kept.append(term)
        # an equivalent no remaining document proposes stays only if the entry came with it
        # (imported or written by hand), not if a removed or revised document proposed it
        unsupported = [t for key, t in own.items() if key not in keys]
        if unsupported and origin is None:
            origin = (store.origin_snapshots([entry_id]) if origins is None else origins).get(entry_id, {})
        came_with = {(t.get("lang"), fold(t.get("text", ""))) for t in (origin or {}).get("terms", [])}
        kept += [t for t in unsupported if (t.lang, fold(t.text)) in came_with]
    if [(t.lang, t.text, t.frequency, t.confidence) for t in kept] != before:
        store.write_terms(entry_id, kept)


def _dropped_equivalent(store: Store, entry_id: int, group: tuple[str, str], rows: Sequence[tuple],
                        figures: tuple[int, float | None]) -> Term | None:
    """An equivalent of an entry that was dropped (under the best's share) and ranks high enough again, made from
    its documents' ``rows``: the spelling they give it most (their support; the first document's on a tie), the
    others its forms, and the entry's sentences of those documents that write it. None where the rows gave no
    confidence (an equivalent extraction did not propose)."""
    if figures[1] is None:
        return None
    support: dict[str, float] = {}
    for row in rows:
        support[row[4]] = support.get(row[4], 0.0) + row[5]
    texts = sorted(support, key=lambda text: -support[text])
    term = Term(texts[0], group[0], term_type=TermType(group[1]), forms=texts[1:], frequency=figures[0],
                confidence=figures[1])
    documents = {row[0] for row in rows}
    term.contexts = _writing(term, [c for c in store.entries([entry_id])[entry_id].contexts if c.document in documents])
    return term


# ---- what came in, taken out again --------------------------------------------------------------


def remove_documents(store: Store, document_ids: Sequence[str]) -> Removal:
    """Take documents out as if they had never been ingested, in one transaction.

    Their units go, and the contexts quoting them. The entries their extraction counted lose
    those counts, and the dates and score the documents gave them (see :func:`_take_back`);
    a candidate no other document, import or person vouches for goes; reviewed entries stay.
    An unknown id is refused before anything changes."""
    with store.transaction():
        units, shares = store.delete_documents(document_ids)
        # read once for the three steps: none of them reviews an entry, records a change or counts one
        ids = list(shares)
        states, counts, origins = store.entry_states(ids), store.document_counts(ids), store.origin_snapshots(ids)
        _recount(store, ids, states, counts, origins)
        taken = _take_back(store, shares, states, counts, origins)
        fallen = _fall_back(store, [entry_id for entry_id in ids if entry_id not in taken],
                            states=states, counts=counts, origins=origins)
        _quote_terms_again(store, set(document_ids), [entry_id for entry_id in ids if entry_id not in taken | fallen], {})
        removed = len(taken) + len(fallen)
    return Removal(units=units, entries_removed=removed, entries_kept=len(shares) - removed)


def _take_back(store: Store, shares: dict[int, list[tuple[str | None, float | None]]],
               states: Mapping[int, EntryState], counts: _Counts, origins: Mapping[int, dict]) -> set[int]:
    """Undo what removed documents' extraction did to entries, given each entry's (seen, score)
    from those documents. Extraction sets an entry's first_seen when it creates it, its
    last_seen whenever it counts it, and raises an unreviewed entry's score: each of these
    that a removed document set falls back to what the remaining documents gave, else to what
    the entry had from elsewhere (its import or a person: the snapshot that created it), given
    the entries' states, counts by the remaining documents and origin snapshots. Removes the
    candidates left with nothing behind them and returns their ids."""
    found = store.entries(list(shares), contexts=0)
    removed, fields = set(), []
    for entry_id, taken in shares.items():
        stored, reviewed = found[entry_id], states[entry_id].reviewed
        first, last, score = iso(stored.first_seen), iso(stored.last_seen), stored.score
        left = [(seen, document_score) for _, _, seen, document_score in counts.get(entry_id, [])]
        origin = origins.get(entry_id)
        if stored.status == ReviewStatus.CANDIDATE and not reviewed and not left and origin is None:
            store.delete_entry(entry_id)
            removed.add(entry_id)
            continue
        seen_by_removed = {seen for seen, _ in taken if seen}
        seen_left = [seen for seen, _ in left if seen]
        if first in seen_by_removed:
            first = min(seen_left, default=None)
        if last in seen_by_removed:
            last = max(seen_left, default=origin["last_seen"] if origin else None)
        if not reviewed and not left and score in {s for _, s in taken if s is not None}:
            # with documents left, recount has weighed their evidence; with none, the origin's
            score = origin["score"] if origin else 0.0
        fields.append((entry_id, {"first_seen": first, "last_seen": last, "score": score}))
    store.set_entries_fields(fields)
    return removed


class Imported(NamedTuple):
    added: int
    already_stored: int
    reviewed: int  # of those already stored: candidates given the review the file brought back
    corrected: int = 0  # of those reviewed: with terms the file corrected


def import_entries(store: Store, entries: Iterable[Entry], origin: str, import_id: int | None = None, *,
                   user: str | None = None, status: ReviewStatus = ReviewStatus.CANDIDATE,
                   on_conflict: Callable[[str], None] | None = None, notes_apart: bool = True) -> Imported:
    """Add glossary entries read from a file (import ``import_id``, see ``Store.new_import``),
    skipping any whose terms (folded, their case kept) are exactly those of a stored entry; an entry the file gives
    no status (``status`` None, see the readers) gets ``status``.

    An entry that is this store's export of a stored one (:func:`_exported_from`: its id, and what
    review does not touch) brings back what a person did to it in a spreadsheet or a PO editor when
    the stored entry still awaits review: its terms, for the languages the file's entry holds (a
    spelling corrected, a term added or removed), status, definition and note. One a person
    reviewed in the store keeps its review and terms, as it does from extraction, and a file that
    differs from it is told to ``on_conflict``, one line. One recorded change for the file.

    An entry keeps the file's id where it is a number this store has no entry by (see :func:`_free_id`);
    one that is no number (``c1``, a client's ``T-001``; IATE's ``IATE-127``, which the TBX reader keeps in
    the note) or that another entry holds here is not kept, and a notice names them.

    An entry of an id this file's earlier import (a file of that name) gave an entry that still holds one of its terms
    is that entry's update, a synonym renamed or removed too (:func:`_by_file_id`). A concept is its terms across
    languages: an entry whose terms a stored entry holds is its update (a client's termbase sent again under another
    name, a definition reworded), unless the two show other concepts, their subject fields or their terms of a
    language disjoint (homonyms: :func:`_concept_rank`), in two files or in one: then it is added.

    ``notes_apart``: the file keeps an entry's note apart from its definition (not an OmegaT glossary, whose
    comment holds both), so that a note it changes is the termbase's update (see :func:`_update_read_back`)."""
    before: dict[int, dict | None] = {}
    after: dict[int, dict | None] = {}
    ids_not_numbers: list[str] = []
    ids_taken: list[str] = []
    conflicts: list[tuple[Entry, int, str]] = []  # rows differing from a stored entry a person reviewed, and why
    added = skipped = reviewed = corrected = 0
    reviewed_ids: set[int] = set()  # the stored entries given the file's review
    named: set[int] = set()  # the stored entries the file's entries read so far are (exports of)
    # the stored entries the file's entries read so far added, are or updated: another entry of the file holding
    # all their terms and more is another concept of its termbase (homonyms, table and table, one with tableau
    # and Tabelle too), not their update
    in_file: set[int] = set()
    inserted: set[int] = set()  # the entries this file's entries added: one of them is never another's update
    removals = cache(lambda: _removals(store))  # read once, if a row's entry is gone
    histories = cache(lambda: _histories(store))  # read once, if an update reaches an entry reviewed
    name = Path(origin).name
    file_ids = cache(lambda: _file_ids(store, name))  # read once, if the file gives its entries ids
    with changing(store):
        for read in entries:
            for term in read.terms:
                term.text = term_text(term.text)
            read.terms = _once([term for term in read.terms if term.text])
            if not read.terms:
                raise Invalid(f"{f'entry {read.id}' if read.id else 'an entry'} has no term", path=origin)
            if read.status is None:
                read.status = status
            stored = _exported_from(store, read)
            if stored is not None and int(stored.id) in named:
                # a row copied in the sheet and changed: the first names the entry, the copy is another one
                stored, read.id = None, None
            if stored is None and (gone := _gone_since_export(store, read, removals)) is not None:
                # a review of an entry merged away or removed since the export: not a new entry (a duplicate of
                # the one it went into), nor one already stored said nothing of
                skipped += 1
                if on_conflict is not None:
                    on_conflict(f"entry {read.id}'s review in the file is not applied: it was {gone} since the export")
                continue
            if stored is None:
                # the entry itself, or a copy of some of its terms; else the stored entry the file's adds terms to
                # (a client's termbase imported again once a synonym was added to an entry)
                hits = _spelt_alike(store, read.terms)  # the stored terms written as the entry's, asked once
                # the entry this file's earlier import brought under the same id, holding one of its terms still: its
                # update, a synonym renamed or removed
                by_id = _by_file_id(store, read, file_ids, in_file)
                # of the entries holding its terms, one of its concept: not a homonym its subject field tells apart
                rank = _concept_rank(read, name, inserted, histories)
                stored = by_id or _identical_entry(store, read, hits, rank) or _entry_within(store, read, hits, in_file,
                                                                                          rank)
                # another file's copy of it, or of some of its terms: nothing to bring back but the spellings
                # it writes otherwise (manoeuvre for manœuvre), a variant of a term still awaiting review
                if stored is not None and (stored.id != read.id or _cased_terms(stored) != _cased_terms(read)):
                    skipped += 1
                    entry_id = int(stored.id)
                    in_file.add(entry_id)
                    respelt_from = _with_variants(store, read, stored)
                    told: list[str] = []  # what is kept as the store has it, each said once
                    # a termbase imported again once updated: its entry's definition and forbidden terms
                    updated_from = _update_read_back(store, read, stored, told.append, notes_apart, histories,
                                                     renamed=by_id is not None)
                    # and a decision it writes (a new row approving a term extraction proposed, a client's approved
                    # termbase), the entry's if no person has decided on it
                    decided_from = _decision_read_back(store, read, stored, told.append, histories)
                    conflicts += [(read, entry_id, line) for line in dict.fromkeys(told)]
                    if (was := respelt_from or updated_from or decided_from) is not None:
                        before.setdefault(entry_id, was)
                        after[entry_id] = _with_file_id(snapshot(store, entry_id), read)
                    elif (file_id := _file_id(read)) is not None and file_ids().get(file_id) != entry_id:
                        # found as it is: its id in the file recorded all the same (the entry before and after alike),
                        # or the file's next update, a synonym renamed, would find no entry by it and add it again
                        was = snapshot(store, entry_id)
                        before.setdefault(entry_id, was)
                        after.setdefault(entry_id, _with_file_id(dict(was), read))
                    if decided_from is not None and entry_id not in reviewed_ids:
                        reviewed_ids.add(entry_id)
                        reviewed += 1
                    continue
            if stored is not None:
                skipped += 1
                if (change := _review_read_back(store, read, stored,
                                                lambda entry_id, line: conflicts.append((read, entry_id, line)))):
                    before[int(stored.id)], after[int(stored.id)], terms_corrected = change
                    reviewed_ids.add(int(stored.id))
                    reviewed += 1
                    corrected += terms_corrected
                named.add(int(stored.id))
                in_file.add(int(stored.id))
                continue
            kept_id = _free_id(store, read.id)
            if read.id is not None and kept_id is None:
                (ids_taken if _numeric_id(read.id) else ids_not_numbers).append(read.id)
            entry_id = store.insert_entry(read, reviewed=read.status != ReviewStatus.CANDIDATE,
                                          entry_id=kept_id, import_id=import_id)
            before[entry_id], after[entry_id] = None, _with_file_id(snapshot(store, entry_id), read)
            added += 1
            named.add(entry_id)
            in_file.add(entry_id)
            inserted.add(entry_id)
        # a row as the entry was before one of its recorded changes is a copy exported before a review made in the
        # store since, handed back untouched: it decides nothing, no conflict
        earlier = _earlier_states(store, {entry_id for _, entry_id, _ in conflicts}) if conflicts else {}
        for read, entry_id, line in conflicts:
            if on_conflict is not None and all(_differs(read, was) for was in earlier.get(entry_id, ())):
                on_conflict(line)
        if after:
            change_id = _record_change(store, f"import {Path(origin).name}", before, after, user=user)
            if import_id is not None:
                store.set_import_change(import_id, change_id)
    _tell_ids_not_kept(origin, ids_not_numbers, ids_taken)
    return Imported(added, skipped, reviewed, corrected)


# the key of an import's recorded entry (its change's ``after``) naming the entry's id in the file (a TBX termEntry's id,
# a MultiTerm concept number), which no store numbers by: the file's next import finds its update by it
FILE_ID = "file_id"


# a line of an entry's note naming its id in its termbase where it is no id a store could keep: memoQ's Entry_ID, IATE's
_ID_LINE = re.compile(rf"{ID_LABEL}: (.+)")


def _file_id(read: Entry) -> str | None:
    """An entry's id in its file: the one it gives, else its termbase's id a line of its note keeps."""
    return read.id if read.id is not None else next(
        (m[1] for line in (read.note or "").split("\n") if (m := _ID_LINE.fullmatch(line.strip()))), None)


def _with_file_id(snap: dict, read: Entry) -> dict:
    if (file_id := _file_id(read)) is not None:
        snap[FILE_ID] = file_id
    return snap


def _file_ids(store: Store, name: str) -> dict[str, int]:
    """The entries the earlier imports of a file of this name added or updated, by their id in it (the latest): only
    those imports' changes are read (an import that added none, only updated entries, keeps no import record)."""
    ids: dict[str, int] = {}
    for change in store.history(action=f"import {name}"):
        for key, snap in change.after.items():
            if snap and snap.get(FILE_ID) is not None:
                ids[snap[FILE_ID]] = int(key)
    return ids


def _by_file_id(store: Store, read: Entry, file_ids: Callable[[], Mapping[str, int]], in_file: Set[int]) -> Entry | None:
    """The stored entry an earlier import of this file (by its name) brought under ``read``'s id, when it still holds
    one of ``read``'s terms (every termbase numbers its entries from 1 or c1: the id alone could be another's), and
    no other entry of the file is it already; None if none."""
    if (file_id := _file_id(read)) is None or (entry_id := file_ids().get(file_id)) is None or entry_id in in_file:
        return None
    stored = store.entries([entry_id], contexts=0).get(entry_id)
    return stored if stored is not None and _cased_terms(stored) & _cased_terms(read) else None


# the note lines an entry's subject field is read into: a TBX's subjectField, memoQ's Entry_Subject and Entry_Domain,
# a MultiTerm or spreadsheet Subject or Domain field
_SUBJECT_LINE = re.compile(r"(?:subjectField|Subject|Subject field|Domain|Subdomain): (.+)", re.IGNORECASE)


def _subjects(entry: Entry) -> set[str]:
    return {fold(m[1]) for line in (entry.note or "").split("\n") if (m := _SUBJECT_LINE.fullmatch(line.strip()))}


def _apart(read: Entry, stored: Entry) -> bool:
    """Whether two entries sharing terms show two concepts: subject fields given on both, none shared (table in
    furniture and in data), or their terms of a language they both hold disjoint (table: tableau, or table). A
    definition reworded says nothing: a termbase's update rewrites them."""
    held, given = _subjects(stored), _subjects(read)
    if held and given and not held & given:
        return True
    mine, theirs = _spelt_by_language(read), _spelt_by_language(stored)
    return any(not mine[lang] & theirs[lang] for lang in mine.keys() & theirs.keys())


def _spelt_by_language(entry: Entry) -> dict[str, set[str]]:
    by_language: dict[str, set[str]] = {}
    for term in entry.terms:
        by_language.setdefault(term.lang, set()).add(spelling_key(term.text))
    return by_language


def _concept_rank(read: Entry, name: str, inserted: Set[int],
                  histories: Callable[[], Mapping[int, list[Change]]]) -> Callable[[Entry], int | None]:
    """How a stored entry sharing ``read``'s terms is ``read``'s concept: 0, the same as far as the two show; 1, shown
    apart (:func:`_apart`) but an entry an earlier import of this file (its ``name``) made, which its update may give
    another subject field (a file without ids: nothing else names its entry), taken only where no entry is 0; None,
    another concept (a homonym: another file's, this store's own, or another entry of this file, ``inserted``)."""
    def rank(stored: Entry) -> int | None:
        if not _apart(read, stored):
            return 0
        if int(stored.id) in inserted:
            return None
        made = next((c for c in histories().get(int(stored.id), []) if c.before.get(stored.id) is None), None)
        return 1 if made is not None and made.action == f"import {name}" else None
    return rank


def _with_variants(store: Store, read: Entry, stored: Entry) -> dict | None:
    """Give the terms of a stored entry awaiting review the spellings of them ``read`` writes otherwise
    (``spelling_key``: *manoeuvre* for *manœuvre*) as variants (their ``forms``), the stored spelling kept;
    the entry as it was before, or None when nothing changed (a reviewed entry keeps its terms, as it
    does from extraction)."""
    entry_id = int(stored.id)
    held = _first_by_spelling(stored.terms)
    # a spelling one of its terms or variants folds alike (other capitals, no accents; mise en oeuvre where the
    # entry holds mise en œuvre and mise en oeuvre) is already the entry's, as extraction reads it
    written = {(t.lang, fold(text)) for t in stored.terms for text in (t.text, *t.forms)}
    variants = [(term, t.text) for t in read.terms if (t.lang, fold(t.text)) not in written
                and (term := held.get((t.lang, spelling_key(t.text))))]
    if not variants or store.entry_state(entry_id).reviewed:
        return None
    was = snapshot(store, entry_id)
    for term, text in variants:
        if text not in term.forms:
            term.forms.append(text)
    store.write_terms(entry_id, stored.terms)
    return was


_IDS_SHOWN = 3


def _tell_ids_not_kept(origin: str, not_numbers: list[str], taken: list[str]) -> None:
    """Say which of a file's entry ids are not the stored entries' ids, and why."""
    def shown(ids: list[str]) -> str:
        return ", ".join(ids[:_IDS_SHOWN]) + (f" and {len(ids) - _IDS_SHOWN} more" if len(ids) > _IDS_SHOWN else "")

    said = [f"{shown(ids)} {'is' if len(ids) == 1 else 'are'} {why}" for ids, why in (
        (not_numbers, "no number"), (taken, "another entry’s here")) if ids]
    if said:
        logging.getLogger("tmtool.glossary").info("%s: entry ids not kept: %s; the store numbers these entries itself",
                                                  origin, "; ".join(said))


def _once(terms: Sequence[Term]) -> list[Term]:
    """The terms without a repeated one (the same text in the same language, in either Unicode form:
    ``visible``), the first kept: a synonym typed into a spreadsheet's cell that the row's further terms
    already held is one term."""
    first: dict[tuple[str, str | None, str], Term] = {}
    for term in terms:  # the same characters in zh-Hans and zh-Hant are a term of each
        first.setdefault((term.lang, term.locale, visible(term.text)), term)
    return list(first.values())


def _exported_from(store: Store, read: Entry) -> Entry | None:
    """The stored entry of which ``read`` is this store's export, reviewed or not, if any.

    The id alone could be anyone's: every store numbers its entries from 1, and a client's table
    may have an ID column. So the file's entry must also keep what a review does not touch: at
    least one of the stored entry's terms, and the same first-seen time (to the microsecond for
    what extraction found; none for an entry imported without dates)."""
    if read.id is None or not _numeric_id(read.id):
        return None
    stored = store.entries([int(read.id)], contexts=0).get(int(read.id))
    return stored if stored is not None and _is_export_of(read, stored) else None


def _is_export_of(read: Entry, entry: Entry) -> bool:
    """Whether ``read`` keeps what a review does not touch of ``entry``: its first-seen time and one of its terms."""
    return entry.first_seen == read.first_seen and bool(_folded_terms(entry) & _folded_terms(read))


def _gone_since_export(store: Store, read: Entry, removals: Callable[[], dict[int, Change]]) -> str | None:
    """Where the stored entry went of which ``read`` is this store's export (:func:`_exported_from`, as the history
    kept the entry when it went: its id, one of its terms, its first-seen time), when the file brings back a review
    of it (status, terms, definition or note otherwise than exported): "merged into entry 16 (change 4, by ben)",
    "removed (reextract, change 9)"; None for a row no one changed, or no entry of this store's. ``removals``:
    ``_removals`` of the store, asked only of a row whose entry is gone (a file's rows share one reading)."""
    if read.id is None or not _numeric_id(read.id) or store.entry_state(int(read.id)) is not None:
        return None
    entry_id = int(read.id)
    went = removals().get(entry_id)
    if went is None or not went.before.get(str(entry_id)):
        return None
    was = entry_from_dict(went.before[str(entry_id)])
    if not _is_export_of(read, was) or (not _fields_differ(read, was) and _folded_terms(read) == _folded_terms(was)):
        return None
    return _where_it_went(went, entry_id)


def _review_read_back(store: Store, read: Entry, stored: Entry,
                      on_conflict: Callable[[int, str], None] | None) -> tuple[dict, dict, bool] | None:
    """Give a stored entry awaiting review the terms (for the languages ``read`` holds), status,
    definition and note of its exported copy, if they differ; the entry before and after, as the
    history keeps them, and whether its terms were corrected, or None. A reviewed entry is kept,
    told to ``on_conflict`` (its id, and a line) if they differ."""
    entry_id = int(stored.id)
    fields = {"status": read.status, "definition": read.definition, "note": read.note}
    terms, corrected = _terms_corrected(read, stored)
    if not corrected and not _fields_differ(read, stored):
        return None
    if store.entry_state(entry_id).reviewed:
        if on_conflict is not None:
            on_conflict(entry_id, f"entry {entry_id} was reviewed in the store ({stored.status.value}) and differs "
                        "from the file: kept as the store has it")
        return None
    was = snapshot(store, entry_id)
    # terms a person corrected are reviewed, even left a candidate: extraction would weigh them away
    store.set_entry_fields(entry_id, {**fields, "reviewed": corrected or read.status is not ReviewStatus.CANDIDATE})
    if corrected:  # the same terms in the file's order of languages are no correction
        store.write_terms(entry_id, terms)
    return was, snapshot(store, entry_id), corrected


def _reviewed_in_store(store: Store, stored: Entry, on_conflict: Callable[[str], None],
                       histories: Callable[[], Mapping[int, list[Change]]] | None = None) -> bool:
    """Whether a person here has decided on the stored entry a file's entry would change (:func:`_decided_here`):
    then it keeps its own, and ``on_conflict`` is told so in one line."""
    if not _decided_here(store, stored, histories):
        return False
    done = "reviewed" if store.entry_state(int(stored.id)).reviewed else "reverted"
    on_conflict(f"entry {stored.id} was {done} in the store ({stored.status.value}) and differs from the file: "
                "kept as the store has it")
    return True


def _decided_here(store: Store, stored: Entry,
                  histories: Callable[[], Mapping[int, list[Change]]] | None = None) -> bool:
    """Whether a person here has decided on ``stored``: it is reviewed, and not an entry a termbase's import added
    with the decision its file gave (a client's approved termbase) that only imports of termbases have changed
    since. The client's termbase is the authority for such an entry, so its update comes in; once a person approves,
    edits, merges or reverts it here, or an import reviews it (an exported sheet read back, its candidate approved
    or corrected), the decision is this store's, kept and said as a conflict. ``histories``: :func:`_histories`, read
    once for a file's entries (else the entry's own history is read)."""
    entry_id = int(stored.id)
    changes = histories().get(entry_id, []) if histories is not None else store.history(entry_id)
    if not store.entry_state(entry_id).reviewed:
        # awaiting review: the termbase's update comes in, unless a person reverted a change of it since it was
        # (last) added (a termbase's update undone: the next import of the file would bring it back without a word)
        made = max((at for at, change in enumerate(changes) if change.before.get(str(entry_id)) is None), default=0)
        return any(change.action.startswith("revert ") for change in changes[made:])
    if not changes or changes[0].before.get(str(entry_id)) is not None:
        return True  # reviewed by extraction's rules or a store older than its history: never overwritten
    return not all(change.action.startswith("import ") and (
        at == 0 or (change.before.get(str(entry_id)) or {}).get("reviewed")) for at, change in enumerate(changes))


def _update_read_back(store: Store, read: Entry, stored: Entry, on_conflict: Callable[[str], None],
                      notes_apart: bool = True,
                      histories: Callable[[], Mapping[int, list[Change]]] | None = None, *,
                      renamed: bool = False) -> dict | None:
    """Give a stored entry whose terms ``read`` holds all (another file's entry: a client's termbase imported
    again once updated, its ids no numbers of this store's) what the update gives of it: the terms it adds (a
    synonym), deprecates, or gives another note, gender or part of speech, their new examples (contexts), the
    entry's definition, note (``notes_apart``: not an OmegaT comment, which holds definition and note in one) and
    new contexts, when no person here has decided on it (:func:`_decided_here`); the entry as it was before, or
    None. What the file does not give (an empty definition, no gender) leaves the stored one: a file of fewer
    fields says nothing of it. An entry a person decided on keeps its own, told to ``on_conflict`` in one line.
    ``renamed``: ``stored`` is the entry the file's same id brought (:func:`_by_file_id`), which need not hold its terms
    all: the terms of the file's languages that the file no longer gives go (a synonym renamed or removed)."""
    if not renamed and not _cased_terms(stored) <= _cased_terms(read):  # one pair of an entry (an OmegaT line) brings
        return None  # no update
    terms = _terms_updated(stored.terms, read.terms)
    if renamed:  # the entry the file's same id brought: its terms of the file's languages that it no longer gives go
        languages, given = {t.lang for t in read.terms}, _cased_terms(read)
        kept = [t for t in (terms or stored.terms) if t.lang not in languages or _cased(t) in given]
        terms = kept if terms is not None or len(kept) < len(stored.terms) else None
    definition = read.definition if read.definition and read.definition != stored.definition else None
    note = read.note if notes_apart and read.note and read.note != stored.note else None
    entry_id = int(stored.id)
    contexts = []
    if read.contexts:  # the stored entry was read without its contexts (see _identical_entry)
        held = {(c.fr, c.en) for c in store.entries([entry_id])[entry_id].contexts}
        contexts = [c for c in read.contexts if (c.fr, c.en) not in held]
    if terms is None and definition is None and note is None and not contexts:
        return None
    if _reviewed_in_store(store, stored, on_conflict, histories):
        return None
    was = snapshot(store, entry_id)
    fields = {name: value for name, value in (("definition", definition), ("note", note)) if value is not None}
    if fields:
        for name, value in fields.items():
            setattr(stored, name, value)  # and the decision read back next keeps them
        store.set_entry_fields(entry_id, fields)
    if terms is not None:
        stored.terms = terms
        store.write_terms(entry_id, terms)
    if contexts:
        store.add_contexts(entry_id, contexts, {})
        if not fields and terms is None:
            store.set_entry_fields(entry_id, {})  # a new version: the entry changed
    return was


def _terms_updated(stored: Sequence[Term], read: Sequence[Term]) -> list[Term] | None:
    """The stored terms as a termbase's update of their entry gives them (``read``, holding them all): each
    deprecated where it deprecates it, with the note, gender, part of speech (but a noun, every reader's default)
    and the examples it gives otherwise; then the terms it adds, each after those of its language; None when it
    changes none."""
    given = {_cased(t): t for t in read}
    updated, changed = [], False
    for term in stored:
        new = given.get(_cased(term))
        fields = {} if new is None else {name: value for name, value in (
            ("usage", UsageStatus.DEPRECATED if new.usage is UsageStatus.DEPRECATED else None),
            ("note", new.note), ("gender", new.gender), ("pos", None if new.pos == "noun" else new.pos))
            if value is not None and value != getattr(term, name)}
        held = {(c.fr, c.en) for c in term.contexts}
        examples = [c for c in (new.contexts if new is not None else ()) if (c.fr, c.en) not in held]
        if examples:
            fields["contexts"] = [*term.contexts, *examples]
        updated.append(replace(term, **fields) if fields else term)
        changed = changed or bool(fields)
    known = {_cased(t) for t in stored}
    for term in read:
        if _cased(term) not in known:
            at = max((at + 1 for at, t in enumerate(updated) if t.lang == term.lang), default=len(updated))
            updated.insert(at, term)
            known.add(_cased(term))
            changed = True
    return updated if changed else None


def _decision_read_back(store: Store, read: Entry, stored: Entry, on_conflict: Callable[[str], None],
                        histories: Callable[[], Mapping[int, list[Change]]] | None = None) -> dict | None:
    """Give a stored entry holding the terms of ``read`` (another file's entry, or a row added to an export: no export
    of it) the decision ``read`` carries, approved or rejected (the file's status, or the one the import gives the
    entries without), with the file's definition and note where the entry has none, when no person has decided on
    it (an extraction's candidate); the entry as it was before, or None. A status a person gave it otherwise is
    kept, told to ``on_conflict`` in one line."""
    if read.status is ReviewStatus.CANDIDATE or read.status is None or read.status == stored.status:
        return None
    entry_id = int(stored.id)
    if _reviewed_in_store(store, stored, on_conflict, histories):
        return None
    was = snapshot(store, entry_id)
    store.set_entry_fields(entry_id, {"status": read.status, "reviewed": True,
                                      "definition": stored.definition or read.definition,
                                      "note": stored.note or read.note})
    return was


def _differs(read: Entry, stored: Entry) -> bool:
    """Whether the file's copy ``read`` of ``stored`` changes its terms (for the languages it holds), status,
    definition or note."""
    return _terms_corrected(read, stored)[1] or _fields_differ(read, stored)


def _terms_corrected(read: Entry, stored: Entry) -> tuple[list, bool]:
    """The terms ``stored`` takes from its file's copy ``read`` (``_terms_read_back``), and whether they differ."""
    terms = _terms_read_back(stored.terms, read.terms)
    # files list terms language by language, the store as they were added (an --add-fr after the English)
    return terms, _terms_by_language(terms) != _terms_by_language(stored.terms)


def _fields_differ(read: Entry, stored: Entry) -> bool:
    return (read.status, read.definition, read.note) != (stored.status, stored.definition, stored.note)


def _histories(store: Store) -> dict[int, list[Change]]:
    """Each entry's recorded changes, oldest first (``Store.history`` of each), the history read once."""
    touching: dict[int, list[Change]] = {}
    for change in store.history():
        for key in change.before:
            touching.setdefault(int(key), []).append(change)
    return touching


def _earlier_states(store: Store, entry_ids: set[int]) -> dict[int, list[Entry]]:
    """Each of ``entry_ids`` as it was before each of its recorded changes, the history read once for them all."""
    states: dict[int, list[Entry]] = {}
    for change in store.history():
        for key, was in change.before.items():
            if was and int(key) in entry_ids:
                states.setdefault(int(key), []).append(entry_from_dict(was))
    return states


# what a person marks of a term in an exported file, beside its text: deprecated (a Forbidden column, a
# TBX's administrativeStatus), an acronym, its part of speech and gender (a spreadsheet's pos and gender
# cells, a TBX's termNotes). Its forms, lemma, contexts and counts are evidence, kept
_EDITED_TERM_FIELDS = ("term_type", "usage", "pos", "gender")


def _terms_by_language(terms: Sequence[Term]) -> dict[str, list[tuple]]:
    """Each language's terms, in their order (the first is the preferred one), with what a person edits of them."""
    texts: dict[str, list[tuple]] = {}
    for term in terms:
        texts.setdefault(term.lang, []).append((term.text, *(getattr(term, name) for name in _EDITED_TERM_FIELDS)))
    return texts


def _terms_read_back(stored: Sequence[Term], read: Sequence[Term]) -> list[Term]:
    """An entry's terms as its exported copy has them: the file's terms, in its order, for the
    languages it holds (a stored term it keeps keeps its forms, lemma and contexts, with the file's
    spelling, type, usage, part of speech and gender; a term the file repeats is kept once), then the
    stored terms of the other languages."""
    languages = {t.lang for t in read}
    held = {(t.lang, fold(t.text)): t for t in reversed(stored)}  # the first of a text written in two regions
    # a text in two regions or scripts (program in en-GB and en-US, colour in en and en-GB) is a term of each, as
    # the import keeps them (_once): each its own stored term, else the file's copy had one term less
    in_region = {(t.lang, t.locale, fold(t.text)): t for t in stored}
    kept: dict[tuple[str, str | None, str], Term] = {}
    for t in read:
        key = (t.lang, t.locale, fold(t.text))
        if key not in kept:
            known = in_region.get(key) or held.get((t.lang, fold(t.text)))
            # the stored term's region kept: an export asked for en-US writes an en-GB term in its en-US section
            kept[key] = replace(known, text=t.text, **{name: getattr(t, name) for name in _EDITED_TERM_FIELDS}) \
                if known else t
    return [*kept.values(), *(t for t in stored if t.lang not in languages)]


def _numeric_id(wanted: str) -> bool:
    return wanted.isascii() and wanted.isdigit()


def _free_id(store: Store, wanted: str | None) -> int | None:
    """An imported entry keeps its numeric id when this store has no entry by that id, so that
    a glossary moved between stores keeps the ids people cite."""
    if wanted is None or not _numeric_id(wanted):
        return None
    return None if store.entry_state(int(wanted)) is not None else int(wanted)


def _identical_entry(store: Store, read: Entry, hits: Sequence | None = None,
                     rank: Callable[[Entry], int | None] = lambda stored: 0) -> Entry | None:
    """The stored entry whose terms are exactly those read, whichever way a keyboard spells them
    (``spelling_key``: *manoeuvre* is *manœuvre*, as ``lookup`` finds it) in the same case (*cm* is not *CM*), else one that holds them all (an
    OmegaT glossary's line is one pair of an entry), if any; of several, the one written as read, else the oldest.
    ``rank``: how each is ``read``'s concept (:func:`_concept_rank`), the lowest first, None never."""
    wanted, written = _spelt_terms(read), _cased_terms(read)
    first = {(read.terms[0].lang, spelling_key(read.terms[0].text))}  # ``hits``: _spelt_alike of its terms, if asked
    candidates = sorted({hit.entry_id for hit in (_spelt_alike(store, read.terms[:1]) if hits is None else hits)
                         if (hit.lang, spelling_key(hit.text)) in first})
    holding = [(ranked, stored) for stored in store.entries(candidates, contexts=0).values()
               if wanted <= _spelt_terms(stored) and (ranked := rank(stored)) is not None]

    def likeness(stored: Entry) -> int:  # the terms as written, those and more, then spelt otherwise, those and more
        held = _cased_terms(stored)
        return 0 if held == written else 1 if written <= held else 2 if _spelt_terms(stored) == wanted else 3
    return min(holding, key=lambda held: (held[0], likeness(held[1]), int(held[1].id)), default=(0, None))[1]


def _entry_within(store: Store, read: Entry, hits: Sequence, in_file: Set[int] = frozenset(),
                  rank: Callable[[Entry], int | None] = lambda stored: 0) -> Entry | None:
    """The stored entry whose terms ``read`` holds all and more (a client's termbase updated with a synonym since it
    was imported), written alike (``_cased_terms``), with terms in two languages at least (one term alone is no
    concept: *bank* may be another's); of several, the one holding most terms, then the oldest. None if there is
    none. ``hits``: :func:`_spelt_alike` of its terms; ``in_file``: the entries the file's other entries are, never
    this one's; ``rank``: as :func:`_identical_entry` takes it."""
    written = _cased_terms(read)
    languages: dict[int, set[str]] = {}
    for hit in hits:
        languages.setdefault(hit.entry_id, set()).add(hit.lang)
    # an entry of two languages within the file's holds terms of two of its languages: only those are read (a
    # common term's hundred entries are not)
    candidates = sorted(entry_id for entry_id, held in languages.items() if len(held) > 1 and entry_id not in in_file)
    within = [(ranked, stored) for stored in store.entries(candidates, contexts=0).values()
              if _cased_terms(stored) < written and len({t.lang for t in stored.terms}) > 1
              and (ranked := rank(stored)) is not None]
    return min(within, key=lambda held: (held[0], -len(held[1].terms), int(held[1].id)), default=(0, None))[1]


def entries_sharing_terms(store: Store, entry_id: int) -> dict[int, list[str]]:
    """The other entries holding a term of entry ``entry_id`` written the same way in the same language
    (folded, and whichever way a keyboard spells it: ``spelling_key``, *coeur* and *cœur*), each with the
    terms they share: one concept entered twice, which ``merge_entries`` joins."""
    entry = store.entries([entry_id], contexts=0).get(entry_id)
    if entry is None:
        raise missing(store, entry_id)  # where it went, as entry() says it
    shared: dict[int, list[str]] = {}
    for hit in sorted((h for h in _spelt_alike(store, entry.terms) if h.entry_id != entry_id), key=lambda h: h.entry_id):
        if hit.text not in shared.setdefault(hit.entry_id, []):
            shared[hit.entry_id].append(hit.text)
    return shared


def _spelt_alike(store: Store, terms: Sequence[Term]) -> list:
    """The stored terms written as one of ``terms``, whichever way a keyboard spells them (their language and
    ``spelling_key``), found by their form keys: a term's key is one of those, and so is its folded text."""
    wanted = {(t.lang, spelling_key(t.text)) for t in terms}
    keys = {key for t in terms for key in (fold(t.text), spelling_key(t.text))}
    return [hit for hit in store.terms_by_key(sorted(keys))
            if hit.kind == "form" and (hit.lang, spelling_key(hit.text)) in wanted]


def _folded_terms(entry: Entry) -> set[tuple[str, str]]:
    return {(t.lang, fold(t.text)) for t in entry.terms}


# an entry's terms as an import's "already stored" check compares them: folded, or as a keyboard spells them
# (spelling_key), their words in capitals kept (normalize.capitals: *CM* and *cm* are two terms)
def _cased_terms(entry: Entry) -> set[tuple[str, str, tuple[str, ...]]]:
    return {_cased(t) for t in entry.terms}


def _cased(term: Term) -> tuple[str, str, tuple[str, ...]]:
    return _cased_text(term.lang, term.text)


@lru_cache(maxsize=65536)  # an import compares each of a file's terms with a stored entry's several times
def _cased_text(lang: str, text: str) -> tuple[str, str, tuple[str, ...]]:
    return lang, fold(text), capitals(text)


def _spelt_terms(entry: Entry) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(t.lang, spelling_key(t.text), capitals(t.text)) for t in entry.terms}


def _first_by_spelling(terms: Sequence[Term]) -> dict[tuple[str, str], Term]:
    """Each (language, ``spelling_key``) of ``terms`` to the first term so spelt (an entry may hold two:
    *mise en œuvre*, *mise en oeuvre*)."""
    return {(t.lang, spelling_key(t.text)): t for t in reversed(terms)}


def remove_import(store: Store, import_id: int, *, user: str | None = None) -> tuple[ImportRecord, Removal]:
    """Take out what an import added, in one transaction: its units, and its entries but those
    changed since — by a person (a recorded change) or by extraction (a document counts
    them) — which stay. The entries removed are one recorded change (``glossary revert``)."""
    with changing(store):
        found = [r for r in store.imports() if r.id == import_id]
        if not found:
            raise NotFound(f"no import {import_id} in the store (see 'tmtool imports')", commands=("tmtool imports",))
        touched_since = store.entry_ids_changed_since_import(import_id)
        gone, kept = [], 0
        for entry_id, counted in store.import_entry_ids(import_id):
            if counted or entry_id in touched_since:
                kept += 1
            else:
                gone.append(entry_id)
        before = {entry_id: snapshot(store, entry_id) for entry_id in gone}
        for entry_id in gone:
            store.delete_entry(entry_id)
        if gone:
            _record_change(store, f"remove import {import_id} {Path(found[0].path).name}", before,
                                dict.fromkeys(gone), user=user)
        units = store.delete_import(import_id)
    return found[0], Removal(units=units, entries_removed=len(gone), entries_kept=kept)
