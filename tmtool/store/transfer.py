"""Import files into the store and export it, through the readers and writers of ``tmtool.formats``.

A file is imported whole or not at all: it is read inside the store transaction, so an error on
its last line rolls back everything read before it. Units or entries that a well-formed file holds
but that cannot be used are passed over and listed, unless the import is strict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from ..errors import TmtoolError
from ..formats.skips import OnSkip, Skipped, refuse
from ..langtags import base_language, normalize_tag
from ..model import Entry, ReviewStatus, Unit, Variant
from ..progress import Progress, Step, counted
from .db import Store

IMPORT_FORMATS = ("tmx", "tbx", "po", "xliff", "csv", "tsv")
EXPORT_FORMATS = ("tmx", "tbx", "tbx-martif", "tsv", "csv", "po")
UNIT_FORMATS = ("tmx", "xliff")  # the others hold glossary entries
MULTILINGUAL_FORMATS = ("tmx", "tbx", "tbx-martif")  # the others hold two languages
_STREAMED = ("tmx", "tbx")  # read as they are parsed, so the bytes read tell how far an import is
# what `export` writes when no --status is given: what a person approved, so that no unreviewed
# candidate reaches a translator unasked (asked for, every format marks it; see the writers)
DEFAULT_EXPORT_STATUSES = (ReviewStatus.APPROVED,)

_EXTENSIONS = {".tmx": "tmx", ".tbx": "tbx", ".po": "po", ".xlf": "xliff", ".xliff": "xliff",
               ".csv": "csv", ".tsv": "tsv"}
# the first bytes that give a file's format away when its extension does not
_SIGNATURES = (("<tmx", "tmx"), ("<martif", "tbx"), ("<tbx", "tbx"), ("<xliff", "xliff"), ("msgid", "po"))


def infer_format(path: str | Path) -> str:
    """The import format of ``path``: from its extension, else from its first bytes."""
    path = Path(path)
    if path.suffix.lower() in _EXTENSIONS:
        return _EXTENSIONS[path.suffix.lower()]
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", errors="replace")
    for signature, fmt in _SIGNATURES:
        if signature in head:
            return fmt
    first_line = head.splitlines()[0] if head else ""
    if "\t" in first_line:
        return "tsv"
    if "," in first_line:
        return "csv"
    raise TmtoolError("cannot tell the file format from its name or content; give --format", path=str(path))


def _read_units(fmt: str, path: str | BinaryIO, on_skip: OnSkip) -> Iterator[Unit]:
    if fmt == "tmx":
        from ..formats.tmx import read_tmx

        return read_tmx(path, on_skip=on_skip)
    from ..formats.xliff import read_xliff

    return read_xliff(path, on_skip=on_skip)


def _add_units(store: Store, fmt: str, units: Iterable[Unit], path: str, import_id: int,
               pairs: Counter) -> tuple[int, int, int]:
    if fmt == "tmx":
        return store.add_units(units, path, import_id, pairs=pairs)
    from ..formats.xliff import is_untranslated

    # an XLIFF target may be a copy of the source, or a state may say it is no translation yet
    return store.add_units(units, path, import_id, untranslated=is_untranslated, pairs=pairs)


def _read_entries(fmt: str, path: str | BinaryIO, on_skip: OnSkip) -> Iterator[Entry]:
    if fmt == "tbx":
        from ..formats.tbx import read_tbx

        return read_tbx(path, on_skip=on_skip)
    if fmt == "po":
        from ..formats.po import read_po

        return read_po(path, on_skip=on_skip)
    from ..formats import tabular

    return (tabular.read_tsv if fmt == "tsv" else tabular.read_csv)(path, on_skip=on_skip)


@dataclass(slots=True)
class ImportResult:
    """What an import did. ``languages``: units added by (source, target) language; for a glossary,
    the languages of the terms read, each with its count."""

    kind: str  # "units" or "entries"
    added: int = 0
    already_stored: int = 0
    untranslated: int = 0  # units only
    languages: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)


def import_file(store: Store, path: str | Path, fmt: str | None = None, *, strict: bool = False,
                progress: Progress | None = None) -> ImportResult:
    """Import a bilingual file; identical units or entries already stored are skipped, and so are
    units without a translation (a pre-translation file's untranslated segments).

    A unit or entry the file's reader cannot use (see :mod:`tmtool.formats.skips`) is passed over
    and listed in the result, the rest imported; with ``strict`` the first refuses the whole file.
    ``progress`` hears of the units or entries read: out of the file's bytes for the formats read
    as they are parsed (TMX, TBX), out of all for the others, which are parsed whole first.
    The import is recorded (``tmtool imports``) so that what it added can be taken out again.
    """
    path = Path(path)
    if not path.is_file():
        raise TmtoolError("no such file", path=str(path))
    fmt = fmt or infer_format(path)
    if fmt not in IMPORT_FORMATS:
        raise TmtoolError(f"unknown import format {fmt!r} (expected one of {', '.join(IMPORT_FORMATS)})")
    result = ImportResult("units" if fmt in UNIT_FORMATS else "entries")
    read = _read_units if fmt in UNIT_FORMATS else _read_entries
    on_skip = refuse if strict else result.skipped.append
    with ExitStack() as files, store.transaction():
        import_id = store.new_import(str(path), fmt, result.kind)
        if progress and fmt in _STREAMED:
            stream = files.enter_context(open(path, "rb"))
            size = max(path.stat().st_size, 1)
            items = counted(read(fmt, stream, on_skip), progress, lambda n: Step(stream.tell(), size, n, path.name))
        elif progress:
            read_whole = list(read(fmt, str(path), on_skip))
            items = counted(read_whole, progress, lambda n: Step(n, len(read_whole), n, path.name))
        else:
            items = read(fmt, str(path), on_skip)
        if result.kind == "units":
            result.added, result.already_stored, result.untranslated = _add_units(
                store, fmt, items, str(path), import_id, result.languages)
        else:
            result.added, result.already_stored = store.import_entries(
                _counting_languages(items, result.languages), str(path), import_id)
        store.finish_import(import_id, result.added)
    return result


def _counting_languages(entries: Iterable[Entry], languages: Counter) -> Iterator[Entry]:
    for entry in entries:
        languages.update({term.lang for term in entry.terms})
        yield entry


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
) -> int:
    """Write the memory (tmx) or the glossary (every other format) to ``out`` (a path or ``-``).
    Returns how many units or entries were written. ``progress`` hears of the units or entries
    read out of all.

    What is written is the pair ``srclang`` → ``tgtlang`` (see :func:`unit_in_pair`,
    :func:`entry_in_pair`), or with ``all_languages`` every language of every unit and entry (tmx
    and tbx only: the other formats hold two languages)."""
    if fmt not in EXPORT_FORMATS:
        raise TmtoolError(f"unknown export format {fmt!r} (expected one of {', '.join(EXPORT_FORMATS)})")
    if all_languages and fmt not in MULTILINGUAL_FORMATS:
        raise TmtoolError(f"{fmt} holds two languages: choose them with --srclang and --tgtlang, not --langs all")
    srclang, tgtlang = _pair(srclang, tgtlang)
    from ..io.files import open_output

    name = "stdout" if out == "-" else Path(out).name
    if fmt == "tmx":
        from ..formats.tmx import ANY_SOURCE, write_tmx

        total = store.unit_count(since=since) if progress else 0
        units = counted(store.units(since=since), progress, lambda n: Step(n, total, n, name), every=1000)
        if all_languages:
            sources = store.source_languages(since=since)
            header = sources[0] if len(sources) == 1 else ANY_SOURCE
        else:
            units = filter(None, (unit_in_pair(unit, srclang, tgtlang) for unit in units))
            first = next(units, None)
            header = first.srclang if first else srclang
            units = chain([first] if first else [], units)
        with open_output(out, "wb") as stream:
            return write_tmx(units, stream, srclang=header)
    listed = store.list_entries(statuses=statuses, since=since)
    entries = counted(listed, progress, lambda n: Step(n, len(listed), n, name))
    if not all_languages:
        entries = filter(None, (entry_in_pair(entry, srclang, tgtlang) for entry in entries))
    if fmt in ("tbx", "tbx-martif"):
        from ..formats import tbx

        writer = tbx.write_tbx if fmt == "tbx" else tbx.write_tbx_martif
        return writer(entries, out, srclang=srclang, tgtlang=tgtlang)
    if fmt == "po":
        from ..formats.po import write_po

        return write_po(entries, out, srclang=srclang, tgtlang=tgtlang)
    from ..formats import tabular

    write = tabular.write_tsv if fmt == "tsv" else tabular.write_csv
    return write(entries, out, srclang=base_language(srclang), tgtlang=base_language(tgtlang))


def _pair(srclang: str, tgtlang: str) -> tuple[str, str]:
    srclang, tgtlang = normalize_tag(srclang), normalize_tag(tgtlang)
    if base_language(srclang) == base_language(tgtlang):
        raise TmtoolError(f"source and target languages are both {base_language(srclang)!r}")
    return srclang, tgtlang


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
    not known yet is written, as a French entry without English always was."""
    languages = (base_language(srclang), base_language(tgtlang))
    if not entry.terms_in(languages[0]):
        return None
    return replace(entry, terms=[term for term in entry.terms if term.lang in languages])


def other_languages(store: Store, fmt: str, srclang: str = "fr", tgtlang: str = "en") -> list[str]:
    """The base languages of the store's units (tmx) or terms (the other formats) that an export of
    the pair ``srclang`` → ``tgtlang`` leaves out."""
    held = store.unit_languages() if fmt == "tmx" else store.term_languages()
    pair = {base_language(srclang), base_language(tgtlang)}
    return [lang for lang in held if lang not in pair]
