"""A person's edits to an entry, as functions on the model; ``Store.update_entry`` records them."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import TmtoolError
from ..model import Entry, ReviewStatus, Term, TermType, UsageStatus
from ..text.normalize import fold


def _find(entry: Entry, text: str) -> Term:
    for term in entry.terms:
        if fold(term.text) == fold(text):
            return term
    raise TmtoolError(f"entry {entry.id} has no term {text!r}")


def _new_term(text: str, lang: str) -> Term:
    # an all-capitals single word written by a person is an acronym (EMI, IMS, C-IED)
    is_acronym = " " not in text and text.upper() == text and any(c.isalpha() for c in text)
    return Term(text=text, lang=lang, term_type=TermType.ACRONYM if is_acronym else TermType.FULL_FORM)


def new_entry(fr: Sequence[str], en: Sequence[str], **fields) -> Entry:
    """An entry written by hand: its French and English terms, the first of each preferred."""
    if not fr:
        raise TmtoolError("an entry needs a French term")
    return Entry(terms=[_new_term(t, "fr") for t in fr] + [_new_term(t, "en") for t in en], **fields)


def edit(
    entry: Entry,
    *,
    fr: str | None = None,
    en: str | None = None,
    add_fr: Sequence[str] = (),
    add_en: Sequence[str] = (),
    drop: Sequence[str] = (),
    definition: str | None = None,
    note: str | None = None,
    status: ReviewStatus | None = None,
) -> None:
    """Change an entry in place: ``fr``/``en`` replace the first term of that language (or add
    one), ``add_*`` add terms, ``drop`` removes terms by text, ``status`` sets the status.

    Without ``status`` an edited candidate becomes approved: the person editing it has reviewed
    it (``Store.update_entry`` marks it reviewed, so extraction keeps off it), and a candidate
    left so would sit among the proposals still to review."""
    for lang, text in (("fr", fr), ("en", en)):
        if text is None:
            continue
        current = entry.terms_in(lang)
        if current:
            current[0].text, current[0].lemma, current[0].forms = text, None, []
        else:
            entry.terms.append(_new_term(text, lang))
    for lang, texts in (("fr", add_fr), ("en", add_en)):
        held = {fold(t.text) for t in entry.terms_in(lang)}
        entry.terms += [_new_term(t, lang) for t in texts if fold(t) not in held]
    for text in drop:
        entry.terms.remove(_find(entry, text))
    if definition is not None:
        entry.definition = definition or None
    if note is not None:
        entry.note = note or None
    if status is not None:
        entry.status = status
    elif entry.status is ReviewStatus.CANDIDATE:
        entry.status = ReviewStatus.APPROVED


def deprecate(entry: Entry, text: str) -> None:
    """Mark one term of the entry as deprecated (kept, so that look-ups still explain it)."""
    _find(entry, text).usage = UsageStatus.DEPRECATED
