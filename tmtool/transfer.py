"""Import files into the store and export it, through the readers and writers of ``tmtool.formats``;
glossaries are imported through the glossary's rules (:func:`tmtool.glossary.import_entries`).

A file is imported whole or not at all: it is read inside the store transaction, so an error on
its last line rolls back everything read before it. Units or entries that a well-formed file holds
but that cannot be used are passed over and listed, unless the import is strict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import chain
from pathlib import Path

from . import glossary
from .errors import Invalid
from .formats import registry
from .formats.skips import Skipped, refuse
from .formats.tmx import confirming, is_unconfirmed
from .io.files import input_file
from .langtags import base_language, language_pair
from .model import MULTILINGUAL, Entry, ReviewStatus, Unit, Variant, context_language, sentence_language
from .progress import Progress, Step, counted
from .store import Store
from .store.rows import without_target

# what `export` writes when no --status is given: what a person approved, so that no unreviewed
# candidate reaches a translator unasked (asked for, every format marks it; see the writers)
DEFAULT_EXPORT_STATUSES = (ReviewStatus.APPROVED,)


@dataclass(slots=True)
class ImportResult:
    """What an import did. ``languages``: units added by (source, target) language; for a glossary,
    the languages of the terms read, each with its count."""

    kind: str  # "units" or "entries"
    added: int = 0
    already_stored: int = 0  # stored before the import (units: repeats of the file's own are ``repeated``)
    repeated: int = 0  # units only: repeats of a unit earlier in the file
    untranslated: int = 0  # units only: left out, holding no translation or one not confirmed
    unconfirmed: int = 0  # units only: of those untranslated, translations their tool has not confirmed
    unconfirmed_included: int = 0  # units only: translations not confirmed read as drafts (include_unconfirmed)
    drafts_confirmed: int = 0  # units only: of those already stored, drafts the file holds confirmed
    reviewed: int = 0  # entries only: of those already stored, candidates given the file's review
    corrected: int = 0  # entries only: of those reviewed, with terms the file corrected
    languages: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    # entries only: of those already stored, reviewed in the store (or merged away since the export) where the
    # file would change them, kept as the store has them: counted already stored, not skipped a second time
    conflicts: list[Skipped] = field(default_factory=list)


def import_file(store: Store, path: str | Path, fmt: str | None = None, *, strict: bool = False,
                progress: Progress | None = None, user: str | None = None,
                recorded_as: str | None = None, status: ReviewStatus = ReviewStatus.CANDIDATE,
                include_unconfirmed: bool = False) -> ImportResult:
    """Import a bilingual file; identical units or entries already stored are skipped, and so are
    units without a translation (a pre-translation file's untranslated segments) or whose translation
    the tool that wrote it has not confirmed (a Trados draft).

    A unit or entry the file's reader cannot use (see :mod:`tmtool.formats.skips`) is passed over
    and listed in the result, the rest imported; with ``strict`` the first refuses the whole file.
    ``progress`` hears of the units or entries read: out of the file's bytes for the formats read
    as they are parsed (TMX, TBX), out of all for the others, which are parsed whole first.
    The import is recorded (``tmtool imports``) so that what it added can be taken out again, under
    ``recorded_as`` when the path read is a copy (an upload), else under the path, and so are the
    items passed over; ``user`` is who the glossary's history records it as. A glossary entry the
    file gives no status gets ``status``; one reviewed in the store that the file would change is
    listed among its ``conflicts`` (see :func:`tmtool.glossary.import_entries`). With
    ``include_unconfirmed``, units whose translation is not confirmed are stored too, each keeping the
    state its file gave it (a TMX's ``x-ConfirmationLevel`` prop, an XLIFF's ``x-state``), which marks it as
    a draft wherever it is exported (see :func:`tmtool.formats.tmx.is_unconfirmed`): :func:`export_store` leaves
    it out unless its ``include_unconfirmed``.
    """
    path = input_file(path)
    fmt = registry.get(fmt, reading=True) if fmt else registry.infer(path)
    registry.check_content(fmt, path)
    result = ImportResult("units" if fmt.kind == registry.MEMORY else "entries")
    origin = recorded_as or str(path)
    tell = refuse if strict else result.skipped.append

    def on_skip(skipped: Skipped) -> None:  # told under the name the import is recorded as
        tell(replace(skipped, path=origin) if skipped.path == str(path) else skipped)

    # the approved entries read are counted in the stored documents once the import is committed
    with ExitStack() as files, glossary.changing(store, progress):
        import_id = store.new_import(origin, fmt.name, result.kind)
        if progress and fmt.streamed:
            stream = files.enter_context(open(path, "rb"))
            size = max(path.stat().st_size, 1)
            items = counted(fmt.read(stream, on_skip=on_skip), progress,
                            lambda n: Step(stream.tell(), size, n, path.name))
        elif progress:
            read_whole = list(fmt.read(str(path), on_skip=on_skip))
            items = counted(read_whole, progress, lambda n: Step(n, len(read_whole), n, path.name))
        else:
            items = fmt.read(str(path), on_skip=on_skip)
        if result.kind == "units":
            # a format may tell a unit that holds no translation beyond an empty target (XLIFF's copies),
            # or one whose translation its tool has not confirmed (a draft): neither is stored
            untranslated = {"untranslated": _untranslated_counting(fmt, result, include_unconfirmed)} \
                if fmt.is_untranslated or fmt.is_unconfirmed else {}
            repeats = Counter()
            result.added, result.already_stored, result.untranslated = store.add_units(
                items, origin, import_id, pairs=result.languages, repeats=repeats,
                confirmed=_confirming_counted(result), **untranslated)
            result.repeated = sum(repeats.values())
            result.already_stored -= result.repeated
        else:
            result.added, result.already_stored, result.reviewed, result.corrected = glossary.import_entries(
                store, _counting_languages(items, result.languages), origin, import_id, user=user, status=status,
                on_conflict=lambda line: (refuse if strict else result.conflicts.append)(Skipped(line, origin)),
                notes_apart=fmt.name != "tsv")  # an OmegaT glossary's comment holds definition and note in one
        store.finish_import(import_id, result.added)
    return result


def _confirming_counted(result: ImportResult) -> Callable[[dict, Unit], dict | None]:
    """:func:`tmtool.formats.tmx.confirming`, counting in ``result`` the stored drafts it confirms."""
    def confirmed(stored: dict, unit: Unit) -> dict | None:
        props = confirming(stored, unit)
        result.drafts_confirmed += props is not None
        return props
    return confirmed


def _untranslated_counting(fmt: registry.Format, result: ImportResult,
                           include_unconfirmed: bool = False) -> Callable[[Unit], bool]:
    """``fmt``'s test of a unit to leave out, counting in ``result`` those left out as unconfirmed (or,
    ``include_unconfirmed``, those kept although unconfirmed)."""
    def untranslated(unit: Unit) -> bool:
        # a format that tells no untranslated unit of its own (TMX) still has those without a target
        if fmt.is_untranslated(unit) if fmt.is_untranslated else without_target(unit):
            return True
        unconfirmed = bool(fmt.is_unconfirmed and fmt.is_unconfirmed(unit))
        if include_unconfirmed:
            result.unconfirmed_included += unconfirmed
            return False
        result.unconfirmed += unconfirmed
        return unconfirmed
    return untranslated


def _counting_languages(entries: Iterable[Entry], languages: Counter) -> Iterator[Entry]:
    for entry in entries:
        languages.update({term.lang for term in entry.terms})
        yield entry


def document_named(path: str | Path) -> str | None:
    """See :func:`tmtool.api.document_named`."""
    from .text.readers import DOCUMENT_EXTENSIONS

    suffix = Path(path).suffix.lower()
    if suffix in (*DOCUMENT_EXTENSIONS, ".doc", ".rtf", ".ppt") and suffix != ".txt":
        return {".htm": "HTML", ".xhtml": "HTML", ".markdown": "Markdown", ".md": "Markdown"}.get(suffix, suffix[1:].upper())
    return None


def check_export(name: str, all_languages: bool = False, out: str | None = None) -> registry.Format:
    """The format an export named ``name`` writes; ``all_languages`` (every language of every unit or
    entry) only where the format holds more than two; to a file ``out`` whose name ending names no other
    format (a CSV written to ``glossary.tsv`` was read back by its name, every row of it skipped; a TMX
    in ``memory.tbx`` refused)."""
    fmt = registry.get(name, writing=True)
    if all_languages and not fmt.multilingual:
        raise Invalid(f"{fmt.name} holds two languages: choose them with srclang and tgtlang, not langs=all",
                      options=("srclang", "tgtlang", "langs=all"))
    named = registry.by_extension(out) if out and out != "-" else None
    if named is None and out and out != "-" and (document := document_named(out)):
        raise Invalid(f"its name says a {document} document, which tmtool does not write: name the file"
                      f" {fmt.extensions[0] if fmt.extensions else '.tbx'}", path=out)
    if named is not None and named.name not in (fmt.name, fmt.read_as):
        raise Invalid(f"its name says {named.name}, not {fmt.name}: export {named.name}, or name the file"
                      f" {fmt.extensions[0] if fmt.extensions else '.tbx'}", path=out)
    return fmt


def export_store(
    store: Store,
    fmt: str,
    out: str,
    *,
    statuses: Sequence[ReviewStatus] = DEFAULT_EXPORT_STATUSES,
    since: datetime | None = None,
    srclang: str = "fr",
    tgtlang: str = "en",
    all_languages: bool = False,
    progress: Progress | None = None,
    bom: bool = True,
    include_unconfirmed: bool = False,
    drafts_left_out: Callable[[int], None] | None = None,
) -> int:
    """Write the memory (a memory format: tmx) or the glossary (a glossary format) to ``out`` (a path or ``-``).
    Returns how many units or entries were written. ``progress`` hears of the units or entries
    read out of all.

    A memory's drafts (units whose tool had not confirmed them, imported with ``include_unconfirmed``: see
    :func:`tmtool.formats.tmx.is_unconfirmed`) are left out unless ``include_unconfirmed``, as an import leaves
    them out: the tools that read the file (OmegaT, memoQ) ignore the prop that marks them and would offer
    each as a 100% match. ``drafts_left_out`` hears how many of the pair's units were left out so, once written
    (counted while writing: the store is read once).

    What is written is the pair ``srclang`` → ``tgtlang`` (see :func:`unit_in_pair`,
    :func:`entry_in_pair`), or with ``all_languages`` every language of every unit and entry (the
    formats the registry calls multilingual only: the others hold two languages). ``bom`` false: a format
    whose files start with a byte-order mark (CSV, for Excel) writes none; the others never do."""
    fmt = check_export(fmt, all_languages, out)
    srclang, tgtlang = language_pair(srclang, tgtlang)
    from .io.files import open_output

    name = "stdout" if out == "-" else Path(out).name
    if fmt.kind == registry.MEMORY:
        from .formats.tmx import ANY_SOURCE

        total = store.unit_count(since=since) if progress else 0
        units = counted(store.units(since=since, excluded=False), progress, lambda n: Step(n, total, n, name), every=1000)
        if all_languages:
            sources = store.source_languages(since=since)
            header = sources[0] if len(sources) == 1 else ANY_SOURCE
        else:
            units = filter(None, (unit_in_pair(unit, srclang, tgtlang) for unit in units))
        drafts = 0

        def confirmed(unit: Unit) -> bool:
            nonlocal drafts
            draft = is_unconfirmed(unit)
            drafts += draft
            return not draft

        if not include_unconfirmed:
            units = filter(confirmed, units)
        if not all_languages:  # the header names the source language of the first unit written
            first = next(units, None)
            header = first.srclang if first else srclang
            units = chain([first] if first else [], units)
        with open_output(out, "wb") as stream:
            written = fmt.write(units, stream, srclang=header)
        if drafts_left_out:
            drafts_left_out(drafts)
        return written
    listed = store.list_entries(statuses=statuses, since=since)
    entries = counted(listed, progress, lambda n: Step(n, len(listed), n, name))
    if not all_languages:
        entries = filter(None, (entry_in_pair(entry, srclang, tgtlang) for entry in entries))
    marked = {"bom": bom} if fmt.byte_order_mark else {}
    return fmt.write(entries, out, srclang=srclang, tgtlang=tgtlang, **marked)


def unit_in_pair(unit: Unit, srclang: str, tgtlang: str) -> Unit | None:
    """``unit`` as a ``srclang`` → ``tgtlang`` pair, its texts in those languages taken from its
    source, target and variants (an en→fr unit is written fr→en); None when it lacks either
    language. A tag matches the text in exactly that language, else the first in its base language
    (``fr`` matches ``fr-FR``)."""
    if not unit.variants and _base(unit.srclang) == _base(srclang) and _base(unit.tgtlang) == _base(tgtlang):
        return unit  # most units are the pair already: not copied (a third of an export's time)
    texts = [Variant(unit.srclang, unit.source, unit.source_markup)]
    if unit.tgtlang:
        texts.append(Variant(unit.tgtlang, unit.target, unit.target_markup))
    source = _text_in(texts + unit.variants, srclang)
    target = _text_in([text for text in texts + unit.variants if text is not source], tgtlang)
    if source is None or target is None:
        return None
    return replace(unit, source=source.text, target=target.text, srclang=source.lang, tgtlang=target.lang,
                   source_markup=source.markup, target_markup=target.markup, variants=[])


def _text_in(texts: list[Variant], lang: str) -> Variant | None:
    exact = next((text for text in texts if text.lang == lang), None)
    return exact or next((text for text in texts if _base(text.lang) == _base(lang)), None)


# a memory repeats a handful of language tags millions of times
_base = lru_cache(maxsize=256)(base_language)


def entry_in_pair(entry: Entry, srclang: str, tgtlang: str) -> Entry | None:
    """``entry`` with its terms in the two base languages only; None when it has no term in the
    source language (a glossary of the pair is looked up by those). An entry whose target term is
    not known yet is written, as a French entry without English always was. Its contexts in a language the
    pair leaves out go with that language's terms (``model.sentence_language``): the French of a French,
    English and German entry written as German–English would be read back as German; those it keeps
    say their language where the pair's terms would give them another (``model.context_language``)."""
    languages = (base_language(srclang), base_language(tgtlang))
    if not entry.terms_in(languages[0]):
        return None
    # a term in IATE's "mul" (a Latin name, a symbol, a formula) is every language's: written with the pair's
    terms = [term for term in entry.terms if term.lang in languages or term.lang == MULTILINGUAL]
    language, kept = (context_language(t.lang for t in held) for held in (entry.terms, terms))
    contexts = [replace(c, lang=lang) if lang != kept else c for c in entry.contexts
                if (lang := sentence_language(c, language)) in languages]
    return replace(entry, terms=terms, contexts=contexts)


def other_languages(store: Store, fmt: str, srclang: str = "fr", tgtlang: str = "en") -> list[str]:
    """The base languages of the store's units (tmx) or terms (the other formats) that an export of
    the pair ``srclang`` → ``tgtlang`` leaves out (a glossary's ``mul`` terms go with every pair)."""
    memory = registry.get(fmt).kind == registry.MEMORY
    held = store.unit_languages() if memory else store.term_languages()
    pair = {base_language(srclang), base_language(tgtlang)} | (set() if memory else {MULTILINGUAL})
    return [lang for lang in held if lang not in pair]
