"""The operations a person or a program performs on tmtool: the one entry point of the CLI, the web
workbench and any script.

Each function takes an open store (:func:`open_store`) first, paths *or* uploaded bytes (an
:class:`Upload`) for its inputs, and returns plain JSON-ready data (dicts, lists, numbers, strings);
entries always as :func:`tmtool.model.entry_to_dict` writes them. Problems raise one of
:class:`~tmtool.errors.NotFound`, :class:`~tmtool.errors.Conflict`, :class:`~tmtool.errors.Invalid` (a wrong
argument, and a file that cannot be read) or :class:`~tmtool.errors.Unavailable` (the store cannot answer now), all
:class:`~tmtool.errors.TmtoolError`.
Every change to the glossary is recorded with ``user`` (None: no one named).

>>> import os, tempfile
>>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
>>> added = add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
>>> [hit["en"][0]["text"] for hit in lookup(store, "comites militaires")["entries"]]
['Military Committee']
>>> approve(store, [added["id"]], user="ana")
[2]
>>> entry(store, added["id"])["status"], history(store, added["id"])[-1]["user"]
('approved', 'ana')
>>> store.close()
"""

from __future__ import annotations

import base64
import getpass
import io
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from . import glossary
from .errors import Conflict, Invalid, NotFound, ReadOnly, TmtoolError, Unavailable
from .ingest import IngestInterrupted as _Interrupted
from .ingest import extracts_terms, ingest_pair, language_in_name, languages_in_names, unknown_language_in_name
from .io.files import input_file, is_store_file
from .io.xmlchars import named
from .langtags import base_language, language_pair, normalize_tag
from .lookup import MEMORY_COUNT_CAP
from .model import (ReviewStatus, UsageStatus, context_language, entry_to_dict, labelled_contexts, said_as_known,
                    shown_languages)
from .progress import NOTICE_COMMANDS, Progress, shell_quoted
from .store import Store, open_store
from .store.base import ENTRY_ORDERS
from .store.copy import MEND_KEYS
from .text.normalize import visible

__all__ = [
    "Conflict", "ENTRY_ORDERS", "IngestInterrupted", "Invalid", "MEMORY_COUNT_CAP", "NOTICE_COMMANDS", "NotFound", "STATUSES", "STORE_CHECK_COMMANDS", "TmtoolError", "USAGES",
    "ReadOnly", "Unavailable", "Upload", "add_entry", "advised_on", "align", "approve", "as_uploaded", "backup", "base_language", "check", "check_document",
    "check_export", "check_import", "check_report", "check_store", "concordance", "context_language", "copy_store", "count_entries", "count_left", "counts_left", "default_user", "deprecate", "document_named", "document_units", "documents", "edit", "entries", "entries_cursor",
    "entries_sharing_terms",
    "entry", "entry_versions", "error_on_store", "exclude_unit", "export", "export_counted", "export_format_of", "export_srx", "extract", "extracts_terms",
    "format_names", "history", "import_file", "imports", "ingest", "ingest_dir", "labelled_contexts", "language_in_name", "language_pair", "languages_in_names", "languages_left_out", "lookup",
    "masked_url", "merge", "merged_into", "named_from_anywhere", "notice_on_store", "merge_units", "move_sentence", "nothing_imported", "open_store", "reextract", "reject", "remove", "remove_entry", "revert", "search",
    "segment", "set_usage", "shown_languages", "split_unit", "stats", "term_languages", "undo_correction", "unit_edits", "unknown_language_in_name",
    "writes_bom",
]


@dataclass(frozen=True, slots=True)
class Upload:
    """A file given as bytes (an upload, a file read elsewhere): its name tells its format and is
    what the store records; nothing of it becomes a path but its last component.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> terms = Upload("../shared/terms.tsv", "fr\\ten\\nespace aérien\\tairspace\\n".encode())
    >>> import_file(store, terms)["added"], imports(store)[0]["path"]
    (1, 'terms.tsv')
    >>> store.close()
    """

    name: str
    data: bytes


Source = str | Path | Upload


def default_user() -> str | None:
    """Who a change is recorded as when no one is named: the login name, if the system has one.

    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"LOGNAME": "ana"}):
    ...     default_user()
    'ana'
    """
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container's anonymous uid)
        return None


@contextmanager
def _local_files(*sources: Source) -> Iterator[list[Path]]:
    """Paths for ``sources``: paths as given, uploads written to a private folder under their own
    (last-component) names, removed afterwards. An error naming an upload's copy names the upload."""
    folder = None
    paths = []
    copies: dict[str, str] = {}
    try:
        for source in sources:
            if not isinstance(source, Upload):
                if not isinstance(source, (str, os.PathLike)):  # None or a number was a TypeError of os's
                    raise Invalid(f"a file is given as its path or as an Upload, not {_shown(source)}")
                paths.append(input_file(source))
                continue
            name = _file_name(source)
            if not isinstance(source.data, (bytes, bytearray, memoryview)):
                raise Invalid(f"{name}: an Upload's data are bytes (text.encode()), not {type(source.data).__name__}")
            folder = folder or Path(tempfile.mkdtemp(prefix=_UPLOADS))
            target = folder / f"{len(paths)}" / name  # two uploads may share a name
            target.parent.mkdir()
            target.write_bytes(source.data)
            paths.append(target)
            copies[str(target)] = name
        try:
            yield paths
        except TmtoolError as exc:
            exc.path = copies.get(str(exc.path), exc.path)  # a path given as a Path too
            raise
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


_UPLOADS = "tmtool-upload-"  # the private folders uploads are copied into
_UPLOAD_COPY = re.compile(rf"(?:[A-Za-z]:)?[^\s:]*{_UPLOADS}[^\s/\\]+[/\\]\d+[/\\]")


def as_uploaded(message: str) -> str:
    """A notice given while reading an upload (``…/tmtool-upload-x1y2/0/terms.csv: not UTF-8, read as
    Windows-1252``) naming the upload as it was named (``terms.csv: …``), as errors name it.

    >>> as_uploaded("/tmp/tmtool-upload-x1y2/0/terms.csv: not UTF-8")
    'terms.csv: not UTF-8'
    """
    return _UPLOAD_COPY.sub("", message)


def _name(source: Source) -> str:
    """What the store records and messages name: a path as given, an upload by its file name."""
    return _file_name(source) if isinstance(source, Upload) else str(source)


def _file_name(upload: Upload) -> str:
    if not isinstance(upload.name, str):
        raise Invalid(f"an upload needs a file name, not {_shown(upload.name)}")
    name = Path(upload.name.replace("\\", "/")).name
    if name in ("", ".", ".."):
        raise Invalid(f"an upload needs a file name, not {_shown(upload.name)}")
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > 255:  # no file system holds a longer one: it was an OSError
        raise Invalid(f"an upload's file name is 255 bytes at most, as a file system holds it, not {name[:40]!r}…"
                      f" ({size} bytes)")
    return name


# ---- memory: ingest, import, export, search --------------------------------------------------------


def ingest(store: Store, fr: Source, en: Source, *, document_id: str | int | None = None, extract_terms: bool = True,
           srclang: str = "fr-FR", tgtlang: str = "en-GB", progress: Progress | None = None) -> dict:
    """Align a document with its translation, store the units and update the glossary (see
    :func:`tmtool.ingest.ingest_pair`). Returns ``{"document", "units", "new_entries",
    "updated_entries", "removed_entries", "held_by", "terms_extracted", "unlike_translation"}`` (removed_entries: the
    candidates an earlier version of the document alone gave, which this one no longer proposes, taken out); ``held_by`` names the stored
    document that already holds the same text (no unit was stored), else None; ``terms_extracted``: that
    document was stored without its terms, extracted now (the entries counted); ``unlike_translation``: the
    files read as no translation of each other, ``{"pairs", "sharing"}``: of the aligned sentence pairs with
    numbers or names on both sides, how many share one (:mod:`tmtool.align.anchors`), else None. Such a
    pair is stored all the same, as asked: :func:`remove` takes it out.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> fr, en = "Le chat dort. Il fait beau.".encode(), b"The cat sleeps. The weather is fine."
    >>> done = ingest(store, Upload("d.fr.txt", fr), Upload("d.en.txt", en), extract_terms=False)
    >>> done["document"], done["units"], done["held_by"]
    ('d', 2, None)
    >>> again = ingest(store, Upload("copy.fr.txt", fr), Upload("copy.en.txt", en), extract_terms=False)
    >>> again["document"], again["units"], again["held_by"]
    ('copy', 0, 'd')
    >>> store.close()
    """
    with _local_files(fr, en) as (fr_path, en_path):
        result = ingest_pair(store, fr_path, en_path, document_id=_new_document(document_id),
                             extract_terms=extract_terms, srclang=_tag(srclang, "srclang"),
                             tgtlang=_tag(tgtlang, "tgtlang"), progress=progress, recorded_as=(_name(fr), _name(en)))
    return _ingest_result(result)


def _ingest_result(result) -> dict:
    return {"document": result.document_id, "units": result.units, "new_entries": result.new_entries,
            "updated_entries": result.updated_entries, "removed_entries": result.removed_entries,
            "held_by": result.held_by,
            "terms_extracted": result.terms_extracted,
            "unlike_translation": dict(zip(("pairs", "sharing"), result.unlike_translation))
            if result.unlike_translation else None}


def _ingest_summary(summary) -> dict:
    return {"documents": [_ingest_result(r) for r in summary.results], "saved": summary.saved,
            "terms_extracted": summary.terms_extracted,
            "failures": [list(f) for f in summary.failures], "ignored": [list(i) for i in summary.ignored],
            "new_units": summary.new_units, "new_entries": summary.new_entries,
            "updated_entries": summary.updated_entries, "removed_entries": summary.removed_entries}


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`ingest_dir`: ``summary`` (as ingest_dir returns it) holds the pairs saved
    before it, each committed; ``current`` the pair being ingested (None: between pairs).

    >>> try:  # as ingest_dir raises it on Ctrl-C
    ...     raise IngestInterrupted({"saved": ["d"], "documents": []}, current="e")
    ... except KeyboardInterrupt as stopped:
    ...     print(stopped.summary["saved"], stopped.current)
    ['d'] e
    """

    def __init__(self, summary: dict, current: str | None):
        super().__init__()
        self.summary = summary
        self.current = current


def ingest_dir(store: Store, inbox: str | Path, *, extract_terms: bool = True, srclang: str = "fr-FR",
               tgtlang: str = "en-GB", jobs: int = 1, progress: Progress | None = None) -> dict:
    """Ingest every document pair of a folder (see :func:`tmtool.ingest.ingest_dir`), one transaction
    each. Returns ``{"documents": [as ingest returns], "saved": [ids], "terms_extracted": [ids of
    documents stored without terms, extracted now], "failures": [[name, why]],
    "ignored": [[file, why]], "new_units", "new_entries", "updated_entries", "removed_entries"}``.

    >>> import os, tempfile
    >>> inbox = Path(tempfile.mkdtemp())
    >>> _ = (inbox / "d.fr.txt").write_text("Le chat dort.", encoding="utf-8")
    >>> _ = (inbox / "d.en.txt").write_text("The cat sleeps.", encoding="utf-8")
    >>> _ = (inbox / "notes.txt").write_text("à relire", encoding="utf-8")
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> done = ingest_dir(store, inbox, extract_terms=False)
    >>> done["saved"], done["new_units"], done["failures"], [name for name, why in done["ignored"]]
    (['d'], 1, [], ['notes.txt'])
    >>> store.close()
    """
    from .ingest import ingest_dir as ingest_folder

    inbox = _path(inbox, "inbox")  # a number was os's TypeError
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:  # "2" was a TypeError, 0 read as 1
        raise Invalid(f"jobs is a whole number from 1, not {_shown(jobs)}")
    try:
        summary = ingest_folder(store, inbox, extract_terms=extract_terms, srclang=_tag(srclang, "srclang"),
                                tgtlang=_tag(tgtlang, "tgtlang"), jobs=jobs, progress=progress)
    except _Interrupted as interrupted:
        raise IngestInterrupted(_ingest_summary(interrupted.summary), interrupted.current) from None
    return _ingest_summary(summary)


def import_file(store: Store, source: Source, fmt: str | None = None, *, strict: bool = False,
                progress: Progress | None = None, user: str | None = None, status: str = "candidate",
                include_unconfirmed: bool = False) -> dict:
    """Import a memory or a glossary in any format read (see :func:`format_names`), from a path or an
    upload (see :func:`tmtool.transfer.import_file`). Returns ``{"kind", "added", "already_stored",
    "repeated", "reviewed", "corrected", "untranslated", "unconfirmed", "without_translation",
    "unconfirmed_included", "drafts_confirmed", "languages", "skipped", "conflicts"}`` (repeated:
    units the file holds more than once, their first stored or already stored; untranslated: the units
    left out, ``without_translation`` (no translation, or a copy of the source) and ``unconfirmed`` (a
    translation its tool has not confirmed: a draft) added up; unconfirmed_included: drafts
    ``include_unconfirmed`` took in, each keeping its state, so that an export asked for drafts
    (:func:`export`'s ``include_unconfirmed``) writes it as a draft again, and one not asked leaves it out; drafts_confirmed: of the units already stored, drafts (imported so) the file holds confirmed, which
    are confirmed translations now; reviewed: entries already stored that
    awaited review and took the file's terms, status, definition and note, see
    :func:`tmtool.glossary.import_entries`; corrected: those of them whose terms changed); languages as
    ``{"fr-FR→en-GB": 3}`` (units added by language pair) or ``{"fr": 2}`` (entries read holding each
    language), most first; skipped as one line each; conflicts, one line each, the entries among those already
    stored that the file would change but a person reviewed in the store (or merged away since the export): kept as
    the store has them. ``status``: what a glossary entry the file gives no status is ("candidate",
    "approved", "rejected"; a client's termbase without a status column is approved with "approved").

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> tsv = "fr\\ten\\nComité militaire\\tMilitary Committee\\n".encode()
    >>> done = import_file(store, Upload("terms.tsv", tsv), user="ana")
    >>> done["added"], done["languages"], imports(store)[0]["path"]
    (1, {'en': 1, 'fr': 1}, 'terms.tsv')
    >>> store.close()
    """
    from . import transfer

    default = _status(status)
    with _local_files(source) as (path,):
        result = transfer.import_file(store, path, _format(fmt, optional=True), strict=strict, progress=progress,
                                      user=_user(user), recorded_as=_name(source), status=default,
                                      include_unconfirmed=bool(include_unconfirmed))
    # most first, then by language: (source, target) tags for units, a base language for entries
    counts = sorted(result.languages.items(), key=lambda item: (-item[1], item[0]))
    languages = {("→".join(key) if isinstance(key, tuple) else key): count for key, count in counts}
    return {"kind": result.kind, "added": result.added, "already_stored": result.already_stored,
            "repeated": result.repeated, "reviewed": result.reviewed, "corrected": result.corrected,
            "untranslated": result.untranslated, "unconfirmed": result.unconfirmed,
            "without_translation": result.untranslated - result.unconfirmed,
            "unconfirmed_included": result.unconfirmed_included, "drafts_confirmed": result.drafts_confirmed,
            "languages": languages,
            "skipped": [str(skipped) for skipped in result.skipped],
            "conflicts": [str(conflict) for conflict in result.conflicts]}


def nothing_imported(result: dict, path: str | None = None) -> Invalid | None:
    """The error to report for an import (:func:`import_file`'s ``result``) whose file ``path`` held units or entries
    but gave the store none, new or already stored: every one was skipped, and the error says why (the command line
    fails with it, exit 1, the HTTP import answers it, 400). None
    when something was imported or found stored, or the file held nothing at all.

    >>> print(nothing_imported({"kind": "units", "added": 0, "already_stored": 0, "repeated": 0,
    ...                         "without_translation": 2, "unconfirmed": 1, "skipped": []}))
    nothing imported: every unit was skipped (2 untranslated, 1 not confirmed: include_unconfirmed imports it as a draft)
    """
    if result["added"] or result["already_stored"] or result.get("repeated"):
        return None
    reasons = []
    if result["kind"] == "units":
        if untranslated := result["without_translation"]:
            reasons.append(f"{untranslated} untranslated")
        if unconfirmed := result["unconfirmed"]:
            them = "it as a draft" if unconfirmed == 1 else "them as drafts"
            reasons.append(f"{unconfirmed} not confirmed: include_unconfirmed imports {them}")
    if skipped := len(result["skipped"]):
        # the first named: over HTTP, the error is all that is answered
        reasons.append(f"{skipped} that cannot be used: {result['skipped'][0]}{' …' if skipped > 1 else ''}")
    if not reasons:
        return None
    what = "unit" if result["kind"] == "units" else "entry"
    return Invalid(f"nothing imported: every {what} was skipped ({', '.join(reasons)})", path=path,
                   options=("include_unconfirmed",))


STATUSES = tuple(status.value for status in ReviewStatus)
USAGES = tuple(usage.value for usage in UsageStatus)  # a term's: preferred, admitted, deprecated


def export(store: Store, fmt: str, out: str | Path | BinaryIO = "-", *,
           statuses: Sequence[str] | None = None, since: datetime | None = None, srclang: str = "fr",
           tgtlang: str = "en", all_languages: bool = False, progress: Progress | None = None,
           bom: bool = True, include_unconfirmed: bool = False,
           drafts_left_out: Callable[[int], None] | None = None) -> int:
    """Export the memory or the glossary in a format written (see :func:`format_names`) to the path
    ``out`` (``-``: stdout), written atomically, or to the binary stream ``out``; returns how many
    units or entries were written. ``statuses``: the entries written ("approved", "candidate",
    "rejected"; by default the approved only, so that no unreviewed candidate reaches a translator
    unasked). ``bom`` false: a CSV file without the UTF-8 byte-order mark Excel needs (see
    :func:`writes_bom`). The memory's drafts (translations their tool had not confirmed, imported with
    :func:`import_file`'s ``include_unconfirmed``) are left out, as an import leaves them out, unless
    ``include_unconfirmed``: then each is written marked as a draft (a prop that OmegaT and memoQ ignore,
    offering it as a 100% match). ``drafts_left_out``, for the memory, hears how many were left out.

    >>> import io, os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> written = io.BytesIO()
    >>> export(store, "tsv", written), written.getvalue().decode().split("\\t")[:2]
    (1, ['Comité militaire', 'Military Committee'])
    >>> draft = os.path.join(tempfile.mkdtemp(), "draft.tmx")
    >>> with open(draft, "w", encoding="utf-8") as file:
    ...     _ = file.write('<tmx version="1.4"><header srclang="fr"/><body><tu>'
    ...                    '<prop type="x-ConfirmationLevel">Draft</prop><tuv xml:lang="fr"><seg>Bonjour</seg></tuv>'
    ...                    '<tuv xml:lang="en"><seg>Hi</seg></tuv></tu></body></tmx>')
    >>> import_file(store, draft, include_unconfirmed=True)["unconfirmed_included"]
    1
    >>> left_out = []
    >>> export(store, "tmx", io.BytesIO(), drafts_left_out=left_out.append), left_out
    (0, [1])
    >>> export(store, "tmx", io.BytesIO(), include_unconfirmed=True)
    1
    >>> store.close()
    """
    from . import transfer

    chosen = (transfer.DEFAULT_EXPORT_STATUSES if statuses is None
              else [_status(s) for s in _listed(statuses, "statuses")])
    fmt, out = _format(fmt), _written_to(out)
    options = dict(statuses=chosen, since=_since(since), srclang=_tag(srclang, "srclang"),
                   tgtlang=_tag(tgtlang, "tgtlang"), all_languages=all_languages, progress=progress,
                   bom=bool(bom), include_unconfirmed=bool(include_unconfirmed), drafts_left_out=drafts_left_out)
    if isinstance(out, (str, os.PathLike)):
        return transfer.export_store(store, fmt, os.fspath(out), **options)
    # through a file, as the CLI writes it (a workbook is a zip, written otherwise to a stream that
    # cannot seek), then copied a chunk at a time: never the whole export in memory
    with tempfile.TemporaryDirectory(prefix="tmtool-export-") as folder:
        path = Path(folder, "export")
        count = transfer.export_store(store, fmt, str(path), **options)
        with open(path, "rb") as written:
            shutil.copyfileobj(written, out)
    return count


def writes_bom(fmt: str) -> bool:
    """Whether a file :func:`export` writes in ``fmt`` starts with a byte-order mark (unless ``bom=False``).

    >>> writes_bom("csv"), writes_bom("tsv")
    (True, False)
    """
    from .formats import registry

    return registry.get(fmt, writing=True).byte_order_mark


def export_counted(fmt: str, count: int) -> str:
    """``count``, as :func:`export` returned it for ``fmt``, with what it counts: a memory's units, a
    glossary's entries, the term pairs of an OmegaT glossary (tsv: a line a pair, an entry's acronyms
    on a line of their own).

    >>> export_counted("tmx", 35), export_counted("tbx", 1), export_counted("tsv", 64)
    ('35 units', '1 entry', '64 term pairs')
    """
    from .formats import registry

    singular, plural = registry.get(fmt, writing=True).counted
    return f"{count} {singular if count == 1 else plural}"


def check_import(fmt: str) -> None:
    """Refuse a format :func:`import_file` does not read, before any store is opened (:class:`Invalid`).

    >>> check_import("tbx")
    >>> check_import("tbx-martif")
    Traceback (most recent call last):
    tmtool.errors.Invalid: unknown import format 'tbx-martif' (expected one of tmx, xliff, sdltm, package, wordfast, tbx, multiterm, po, tsv, csv, xlsx)
    """
    from .formats import registry

    registry.get(fmt, reading=True)


def check_export(fmt: str, *, all_languages: bool = False, out: str | Path | None = None) -> None:
    """Refuse an export :func:`export` would refuse for its options alone, before any store is read:
    an unknown format, every language (``all_languages``) in a format holding two, or a file ``out``
    whose name ends as another format's (csv to ``glossary.tsv``) (:class:`Invalid`).

    >>> check_export("tbx", all_languages=True)
    >>> check_export("tsv", all_languages=True)
    Traceback (most recent call last):
    tmtool.errors.Invalid: tsv holds two languages: choose them with srclang and tgtlang, not langs=all
    """
    from . import transfer

    transfer.check_export(fmt, all_languages, None if out is None or not isinstance(out, (str, os.PathLike))
                          else os.fspath(out))


def document_named(path: str | Path) -> str | None:
    """The kind of document a file's name ending says (``rapport.docx``: ``"DOCX"``), of those tmtool reads and
    the legacy Office ones, None for any other name (plain ``.txt`` too: a TSV glossary is named so for OmegaT).
    tmtool writes no document, so an output named so is a slip (``export tmx -o rapport.docx``): written, it
    replaced the document with a file that no longer opens as one.

    >>> document_named("rapport.docx"), document_named("notes.md"), document_named("glossary.txt")
    ('DOCX', 'Markdown', None)
    """
    from .transfer import document_named as named

    return named(path)


def languages_left_out(store: Store, fmt: str, *, srclang: str = "fr", tgtlang: str = "en") -> dict:
    """What an export of the pair ``srclang`` → ``tgtlang`` in ``fmt`` leaves out: ``{"languages": the
    base languages of the store's units (a memory format) or terms (a glossary format) beyond the
    pair, "kind": "memory" or "glossary", "multilingual": whether the format can hold them all}``.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> tmx = ('<tmx version="1.4"><header srclang="fr-FR"/><body><tu><tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv>'
    ...        '<tuv xml:lang="en-GB"><seg>Hello</seg></tuv><tuv xml:lang="de-DE"><seg>Hallo</seg></tuv></tu></body></tmx>')
    >>> import_file(store, Upload("m.tmx", tmx.encode()))["added"]
    1
    >>> languages_left_out(store, "tmx")
    {'languages': ['de'], 'kind': 'memory', 'multilingual': True}
    >>> store.close()
    """
    from . import transfer
    from .formats import registry

    written = registry.get(_format(fmt))
    languages = transfer.other_languages(store, fmt, _tag(srclang, "srclang"), _tag(tgtlang, "tgtlang"))
    return {"languages": languages, "kind": written.kind, "multilingual": written.multilingual}


def format_names() -> dict[str, list[str]]:
    """The file formats tmtool reads and writes, by name (see :mod:`tmtool.formats.registry`):
    ``read``, ``written``; ``memory`` and ``glossary`` those read of each kind, ``written_memory``
    and ``written_glossary`` those written; ``multilingual`` those written holding every language.

    >>> names = format_names()
    >>> names["written_memory"], "sdltm" in names["read"], "sdltm" in names["written"]
    (['tmx', 'xliff'], True, False)
    """
    from .formats import registry

    return {
        "read": list(registry.names(readable=True)),
        "written": list(registry.names(writable=True)),
        "memory": list(registry.names(registry.MEMORY, readable=True)),
        "glossary": list(registry.names(registry.GLOSSARY, readable=True)),
        "written_memory": list(registry.names(registry.MEMORY, writable=True)),
        "written_glossary": list(registry.names(registry.GLOSSARY, writable=True)),
        "multilingual": [fmt.name for fmt in registry.FORMATS if fmt.multilingual and fmt.writer],
    }


def export_format_of(path: str | Path) -> str | None:
    """The format an export to ``path`` writes, as its extension names it (``.tbx``: tbx); None
    when the extension names none that tmtool writes.

    >>> export_format_of("glossary.tbx"), export_format_of("out/memory.TMX"), export_format_of("notes.docx")
    ('tbx', 'tmx', None)
    """
    from .formats import registry

    named = registry.by_extension(_path(path))  # None or a number was os's TypeError
    return named.name if named and named.writer else None


def search(store: Store, text: str, *, min_score: float = 70.0, limit: int = 5, lang: str = "auto") -> list[dict]:
    """Fuzzy matches of ``text`` among the memory's texts in ``lang`` (a language tag such as fr, or
    "auto": every language of every unit), best first: ``{"score", "side"`` (of the unit that matched,
    "source" or "target", or "variant": one of its other languages), ``"lang"`` (its language),
    ``"matched"`` (its text), ``"translation", "translation_lang"`` (the other side; a variant's: the
    unit's source), ``"source", "target", "srclang", "tgtlang", "tuid", "variants", "draft"}`` (the unit as stored; draft: its
    translation not confirmed, see :func:`import_file`'s ``include_unconfirmed``), ``"context_pre", "context_post"``
    (its context, see :func:`concordance`) and ``"document"`` (where it came from, as :func:`concordance` names it):
    what tells apart units of the same texts in several contexts.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> tmx = ('<tmx version="1.4"><header srclang="en-GB"/><body><tu>'
    ...        '<tuv xml:lang="en-GB"><seg>The Alliance is strong.</seg></tuv>'
    ...        '<tuv xml:lang="fr-FR"><seg>L’Alliance est forte.</seg></tuv></tu></body></tmx>')
    >>> import_file(store, Upload("memory.tmx", tmx.encode()))["added"]
    1
    >>> [(m["score"], m["side"], m["lang"], m["matched"], m["translation"])
    ...  for m in search(store, "L’Alliance est très forte.", lang="fr")]
    [(80.8, 'target', 'fr-FR', 'L’Alliance est forte.', 'The Alliance is strong.')]
    >>> store.close()
    """
    from .search import search_memory

    matches = search_memory(store, visible(_sought(text, "text")),
                            min_score=_score(min_score, "min_score", optional=False), limit=_limit(limit),
                            lang=_tag(lang))
    return [{"score": m.score, "side": m.side, "lang": m.lang, "matched": m.text,
             "translation": getattr(m.unit, _OTHER_SIDE[m.side]),
             "translation_lang": m.unit.tgtlang if m.side == "source" else m.unit.srclang,
             **_unit_dict(m.unit), "document": m.document} for m in matches]


# the text shown as a match's translation: the other side, or for one of the unit's other languages its source
_OTHER_SIDE = {"source": "target", "target": "source", "variant": "source"}


def concordance(store: Store, text: str, *, limit: int = 20, lang: str = "auto") -> list[dict]:
    """Units whose source, target or other languages (``variants``) hold ``text`` (whole words,
    accent-insensitive), those holding it in their source or target first, then the shortest, then by
    unit id (the same order on every backend), each with the document or file it came from (of an imported unit, the
    document its tool names: memoQ's ``x-document``) and its context, the source segments before and after it
    where its tool kept them (``context_pre``, ``context_post``: memoQ's and MateCat's; None where it has none),
    which tell apart units of the same texts: memoQ keeps a unit for each context a sentence was translated in;
    with ``lang`` (a
    language tag) the texts in that language only (a French ``text`` in a fr→en unit's source, an en→fr
    one's target, a fr/en/de unit's German).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort. Les chats jouent.".encode()),
    ...            Upload("d.en.txt", b"The cat sleeps. The cats play."), extract_terms=False)
    >>> [(u["source"], u["target"], u["document"]) for u in concordance(store, "chat")]
    [('Le chat dort.', 'The cat sleeps.', 'd')]
    >>> [u["source"] for u in concordance(store, "cats", lang="en")]
    ['Les chats jouent.']
    >>> store.close()
    """
    side = None if _tag(lang) == "auto" else base_language(lang)
    sought = visible(_sought(text, "text"))
    if not sought.strip():  # nothing to look for, as an empty look-up: not a phrase no unit holds
        raise Invalid("empty concordance text")
    return [{**_unit_dict(unit), "document": origin}
            for unit, origin in store.concordance(sought, _limit(limit), side)]


def _unit_dict(unit) -> dict:
    """A unit as search, concordance and look-up give it; ``draft``: its translation not confirmed (imported with
    ``include_unconfirmed``), not to be taken for one that is; ``context_pre``, ``context_post``: the texts of the
    source segments before and after it, as its tool kept them (memoQ's ContexTM, MateCat's), None for none."""
    from .formats.tmx import is_unconfirmed, neighbour_text

    return {"source": unit.source, "target": unit.target, "srclang": unit.srclang, "tgtlang": unit.tgtlang,
            "tuid": unit.tuid, "variants": [{"lang": v.lang, "text": v.text} for v in unit.variants],
            "draft": is_unconfirmed(unit), "context_pre": neighbour_text(unit, "x-context-pre"),
            "context_post": neighbour_text(unit, "x-context-post")}


# ---- glossary: look-up and review -----------------------------------------------------------------


def lookup(store: Store, term: str, *, lang: str = "auto", limit: int = 10) -> dict:
    """Look ``term`` up in the glossary (see :func:`tmtool.lookup.lookup`), and in the memory when the
    glossary has no entry for it. Returns ``{"entries": [entry dict + "match", "matched",
    "similarity"], "memory": [unit dict + "document"], "memory_count"}``; fuzzy matches come last
    among the entries, and ``memory_count`` is counted up to ``lookup.MEMORY_COUNT_CAP`` + 1.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> found = lookup(store, "comite militaire")
    >>> [(e["en"][0]["text"], e["match"]) for e in found["entries"]], found["memory"]
    ([('Military Committee', 'folded')], [])
    >>> lookup(store, "")
    Traceback (most recent call last):
    tmtool.errors.Invalid: empty look-up term
    >>> store.close()
    """
    from .lookup import lookup_with_memory

    answer = lookup_with_memory(store, _sought(term, "term"), lang=_tag(lang), limit=_limit(limit))
    return {
        "entries": [{**entry_to_dict(h.entry), "match": h.match, "matched": h.matched,
                     "similarity": round(h.similarity, 1)} for h in answer.hits],
        "memory": [{**_unit_dict(m.unit), "document": m.document} for m in answer.memory],
        "memory_count": answer.memory_count,
    }


_LARGEST_ID = 2**63 - 1  # both backends' ids are 64-bit integers: a larger number names nothing stored


def _id(value: int | str, what: str = "glossary entry") -> int:
    """An id of an entry, a change, a unit or an import (``what``) as given: a number, or its text
    (``entry_to_dict`` gives an entry's id as text, the others are numbers: see ARCHITECTURE.md, Ids)."""
    try:  # True was entry 1 and 2.5 entry 2, as int() reads them
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(value)
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        raise Invalid(f"not an id: {_shown(value)}") from None
    if abs(number) > _LARGEST_ID:
        raise NotFound(f"no {what} {number}")
    return number


def _shown(value) -> str:
    """``value`` as an error message quotes it (its ``repr``), cut short: a file's bytes given where its path goes,
    or a page of text holding a NUL, was quoted whole, a message of megabytes for a line."""
    shown = repr(value)
    if len(shown) <= _SHOWN:
        return shown
    size = f" ({len(value):,} {'bytes' if isinstance(value, bytes) else 'characters'})" if isinstance(
        value, (str, bytes)) else ""
    return f"{shown[:_SHOWN]}…{size}"


_SHOWN = 120  # characters of a value an error message quotes


def _limit(limit: int, name: str = "limit") -> int:
    """How many answers a search may give: 0 made a ValueError of Python's, a negative number some answers."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise Invalid(f"{name} is a whole number from 1, not {_shown(limit)}")
    return min(limit, _LARGEST_ID)  # more than a store can hold is all it holds


def _since(since: datetime | None) -> datetime | None:
    if since is not None and not isinstance(since, datetime):  # text failed deep down, as an AttributeError
        raise Invalid(f"since is a datetime (datetime.fromisoformat({_shown(since)})), not {_shown(since)}")
    return since


def _listed(values, name: str) -> list:
    """``values`` as a list; a string or a number where a list is expected is refused, not read a
    character at a time (``approve(store, "12")`` would approve entries 1 and 2)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise Invalid(f"{name} is a list, not {_shown(values)}: give [{_shown(values)}]")
    return list(values)


def _terms(values, name: str) -> list[str]:
    """A list of terms, each a string (``[5]``, ``[None]`` were TypeErrors from the glossary's rules)."""
    terms = _listed(values, name)
    for i, term in enumerate(terms):
        if not isinstance(term, str):
            raise Invalid(f"{name}[{i}] is a string, not {_shown(term)}")
    return terms


def _document(value: str | int | None, *, optional: bool = False) -> str | None:
    """A document's id as given: its name, or the number a name of digits reads as (``2021``); None only where
    ``optional`` (a filter not given), else Invalid: it was "no document None in the store", or a TypeError of
    str.join's (``remove(store, documents=[None])``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _sought(value, "a document's id", optional=optional)


def _new_document(value: str | int | None) -> str | None:
    """The id a document is to be stored under (None: named after its files): a name to give in a path, a page's
    address and a command line, so not blank, without control characters (a line break: no path reached it), and
    neither ``.`` nor ``..`` (which a browser's address takes for the folder, not the document)."""
    name = _document(value, optional=True)
    if name is not None and (not name.strip() or not name.isprintable() or name in (".", "..")):
        raise Invalid(f"a document's id is a name of letters, digits or signs on one line, not {_shown(name)}")
    return name


def _sought(text: str | None, what: str, *, optional: bool = False) -> str | None:
    """Text to look for, as given (None too, when ``optional``); anything else than text, or text with
    a NUL character, which no stored text holds (PostgreSQL's text cannot, an XML file neither), is
    Invalid: a NUL was an error of the database's (an HTTP 500), a number or None an AttributeError."""
    if _string(text, f"{what} is a string", optional=optional) is None:
        return None
    if "\x00" in text:
        raise Invalid(f"{what} holds a NUL character (U+0000): {_shown(text)}")
    # a byte of another encoding, as Python reads a command line's argument or a file name that is not UTF-8
    # (café typed on a Latin-1 terminal), or half a character (\ud800 in JSON): no stored text holds it, and
    # the store's driver raised UnicodeEncodeError ("surrogates not allowed") for it
    if (half := _SURROGATE.search(text)) is not None:
        raise Invalid(f"{what} holds {named(half.group())}: {_shown(text)}")
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _texts(**given: str | None) -> None:
    """Arguments that are text or None (an entry's term, definition, note): a list or a number is Invalid,
    named, rather than a TypeError from deep in the glossary's rules."""
    for name, value in given.items():
        _string(value, f"{name} is a string", optional=True)


def _string(value: str | None, what: str, *, optional: bool = False) -> str | None:
    """A string argument as given (None too, when ``optional``); anything else is Invalid, ``what`` saying what
    it is, rather than an AttributeError or a driver's error from deep down."""
    if not (isinstance(value, str) or (value is None and optional)):
        raise Invalid(f"{what}, not {_shown(value)}")
    return value


def _score(value: float | None, name: str, *, optional: bool = True) -> float | None:
    """A minimum score as given: a number (None: no minimum, where ``optional``), never text, True or NaN (which
    no score is above: no answer, said as none found)."""
    if (value is not None or not optional) and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or value != value):
        raise Invalid(f"{name} is a number, not {_shown(value)}")
    # as a float: a whole number past 64 bits was SQLite's OverflowError ("Python int too large"); one past a
    # float's range (10**400) is beyond every score, as infinity is (float() was OverflowError: "int too large")
    if value is None:
        return None
    return float(value) if abs(value) < 2 ** 1000 else float("inf") if value > 0 else float("-inf")


def _tag(value: str | None, name: str = "lang", *, optional: bool = False) -> str | None:
    """A language tag as given (None too, when ``optional``); what it names is checked where it is read. A
    number or a list was an AttributeError from deep down ('int' object has no attribute 'strip')."""
    return _string(value, f"{name} is a language tag (fr, en-GB)", optional=optional)


def _user(value: str | None) -> str | None:
    """Who a change is recorded as: a name, or None (no one named). A list was SQLite's ProgrammingError, and
    PostgreSQL recorded ['ana'] as the name '{ana}'."""
    return _string(value, "user is a person's name", optional=True)


def _format(value: str | None, *, optional: bool = False) -> str | None:
    """A format's name as given (None too, when ``optional``: the file's extension tells); a list was a
    TypeError of the format registry's ('unhashable type')."""
    return _string(value, "fmt is a format's name (tsv)", optional=optional)


def _path(value: str | Path, name: str = "path") -> str | Path:
    """A path to write to, as text or a path; a number was a TypeError of os's."""
    if not isinstance(value, (str, os.PathLike)):
        raise Invalid(f"{name} is a path, not {_shown(value)}")
    if "\x00" in os.fspath(value):  # no file is named so: os's ValueError ("embedded null byte")
        raise Invalid(f"{name} holds a NUL character (U+0000): {_shown(os.fspath(value))}")
    try:
        os.fsencode(value)
    except UnicodeEncodeError as error:  # half a character (\ud800), which no file system's name holds
        raise Invalid(f"{name} holds {named(error.object[error.start])}: {_shown(os.fspath(value))}") from None
    return value


def _written_to(out):
    """Where a file is written: a path, or a binary stream; a text stream (``sys.stdout``, ``io.StringIO()``) was
    a TypeError at its first write ("string argument expected, got 'bytes'"), and None or a number another."""
    if isinstance(out, (str, os.PathLike)):
        return _path(out, "out")
    if isinstance(out, io.TextIOBase) or not callable(getattr(out, "write", None)):
        raise Invalid(f"out is a path or a binary stream (sys.stdout.buffer, io.BytesIO()), not {_shown(out)}")
    return out


@contextmanager
def _output(out: str | Path | BinaryIO, mode: str) -> Iterator[BinaryIO | io.TextIOBase]:
    """Where :func:`segment`, :func:`align` and :func:`extract` write, as :func:`export` does: a path (``-``: stdout),
    written atomically, or a binary stream (``io.BytesIO()``, ``sys.stdout.buffer``), left open, text written to it
    as UTF-8. A stream was a TypeError of os's ("expected str, bytes or os.PathLike object, not BytesIO")."""
    from .io.files import open_output

    out = _written_to(out)
    if isinstance(out, (str, os.PathLike)):
        with open_output(out, mode) as stream:
            yield stream
        return
    if "b" in mode:
        yield out
        return
    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    try:
        yield text
        text.flush()
    finally:
        text.detach()  # the caller's stream stays open


def _version(value: int | str | None) -> int | None:
    """The version of an entry as read (None: any), a number or its text as an id is: ``"5"`` was compared
    with 5 as unequal and refused as a Conflict that said "version 5, not 5"."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
        raise Invalid(f"expected_version is the entry's version as read, a whole number, not {_shown(value)}")
    return int(value)


def _status(value: str | ReviewStatus) -> ReviewStatus:
    try:
        return ReviewStatus(value)
    except ValueError:
        raise Invalid(f"unknown status {_shown(value)} (expected candidate, approved or rejected)") from None


def entries(store: Store, *, statuses: Sequence[str] = (), min_score: float | None = None,
            since: datetime | None = None, text: str | None = None, document: str | int | None = None,
            limit: int | None = None, offset: int = 0, order: str = "score", after: str | None = None,
            before: str | None = None, lang: str | None = None) -> list[dict]:
    """Entries matching every filter given (see ``Store.list_entries``), in ``order``: "score" (best
    first), "frequency" (most frequent first) or "newest" (latest added first); ``document``: those
    its extraction counted; ``lang``: those holding a term in that language (``de-DE``: any German term);
    ``after``: the cursor of the last entry of the page before
    (:func:`entries_cursor`), which this page follows whatever entries were added or decided since
    (``offset`` then counts from there); ``before``: the cursor of the first entry of the page after,
    for the page that comes before it (the ``limit`` entries nearest it, still in ``order``).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> for fr, en in (("chasseur de mines", "minehunter"), ("espace aérien", "airspace"), ("état-major", "staff")):
    ...     _ = add_entry(store, [fr], [en], status="candidate")
    >>> first = entries(store, limit=2, order="newest")
    >>> _ = add_entry(store, ["sous-marin"], ["submarine"], status="candidate")  # added meanwhile
    >>> cursor = entries_cursor(first[-1], "newest")
    >>> [e["terms"][0]["text"] for e in entries(store, limit=2, order="newest", after=cursor)]
    ['chasseur de mines']
    >>> [e["terms"][0]["text"] for e in entries(store, limit=2, order="newest", before=cursor)]
    ['sous-marin', 'état-major']
    >>> _ = add_entry(store, ["Comité militaire"], terms={"de": ["Militärausschuss"]})
    >>> [e["terms"][0]["text"] for e in entries(store, lang="de-DE")]
    ['Comité militaire']
    >>> store.close()
    """
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        # 1.5 was SQLite's "datatype mismatch" and PostgreSQL's no entries
        raise Invalid(f"offset is a whole number from 0, not {_shown(offset)}")
    # "0.5" was PostgreSQL's "invalid input syntax for type double precision" and SQLite's no entries
    min_score = _score(min_score, "min_score")
    _order(order)
    if after is not None and before is not None:  # were read as the entries both after and before one: none, said so
        raise Invalid("give after (the page that follows) or before (the page before), not both")
    found = store.list_entries(statuses=[_status(s) for s in _listed(statuses, "statuses")], min_score=min_score,
                               since=_since(since), text=_sought(text, "text", optional=True),
                               document=_document(document, optional=True),
                               limit=None if limit is None else _limit(limit), offset=min(offset, _LARGEST_ID),
                               order=order, after=None if after is None else _keyset(after, order),
                               before=None if before is None else _keyset(before, order, "before"),
                               lang=None if lang is None else _language(_tag(lang)))
    return [entry_to_dict(e) for e in found]


ENTRIES_COUNTED = 100_000  # a queue's total is counted up to this many: a count bounded in time on any glossary


def count_entries(store: Store, *, statuses: Sequence[str] = (), min_score: float | None = None,
                  text: str | None = None, document: str | int | None = None, lang: str | None = None,
                  cap: int = ENTRIES_COUNTED, order: str = "score", before: str | None = None) -> int:
    """How many entries :func:`entries` gives for these filters (all its pages), counted up to ``cap``: the
    review queue's "of 1,234" (``cap`` reached: at least that many). With ``before`` (a cursor of ``order``, as
    :func:`entries_cursor` gives it), those coming before that entry: the exact number of a page's first entry.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> for fr, en in (("chasseur de mines", "minehunter"), ("espace aérien", "airspace"), ("état-major", "staff")):
    ...     _ = add_entry(store, [fr], [en], status="candidate")
    >>> count_entries(store, statuses=["candidate"]), count_entries(store, text="mines"), count_entries(store, cap=2)
    (3, 1, 2)
    >>> first = entries(store, statuses=["candidate"], limit=1)[0]
    >>> count_entries(store, statuses=["candidate"], before=entries_cursor(first))
    0
    >>> store.close()
    """
    if order not in ENTRY_ORDERS:
        raise Invalid(f"unknown order {_shown(order)} (expected {', '.join(ENTRY_ORDERS)})")
    return store.count_entries(statuses=[_status(s) for s in _listed(statuses, "statuses")],
                               min_score=_score(min_score, "min_score"), text=_sought(text, "text", optional=True),
                               document=_document(document, optional=True), lang=None if lang is None else _language(_tag(lang)),
                               cap=_limit(cap, "cap"), order=order,
                               before=None if before is None else _keyset(before, order, "before"))


def term_languages(store: Store) -> list[str]:
    """The languages the glossary's terms are in (base languages, sorted): what its entries are filtered by.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], terms={"de-DE": ["Militärausschuss"], "en-GB": ["Military Committee"]})
    >>> term_languages(store)
    ['de', 'en', 'fr']
    >>> store.close()
    """
    return store.term_languages()


def entries_cursor(entry: Mapping, order: str = "score") -> str:
    """The cursor of ``entry`` (as :func:`entries` gives it) in ``order``: what :func:`entries` takes as
    ``after`` for the page that follows it. Opaque text (URL-safe): its place in the order.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> for fr, en in (("chasseur de mines", "minehunter"), ("espace aérien", "airspace")):
    ...     _ = add_entry(store, [fr], [en], status="candidate")
    >>> [first] = entries(store, limit=1, order="newest")
    >>> [e["terms"][0]["text"] for e in entries(store, order="newest", after=entries_cursor(first, "newest"))]
    ['chasseur de mines']
    >>> entries(store, order="score", after=entries_cursor(first, "newest"))
    Traceback (most recent call last):
    tmtool.errors.Invalid: after: '...' is not the cursor of a page of entries in the order score
    >>> store.close()
    """
    _order(order)  # a cursor of no order was made, and refused by entries() only
    try:
        keyset = [order, float(entry["score"]), int(entry["frequency"]), int(entry["id"])]
    except (KeyError, TypeError, ValueError):
        raise Invalid(f"entries_cursor takes an entry as entries() gives it, not {entry!r:.80}") from None
    return base64.urlsafe_b64encode(json.dumps(keyset).encode()).decode().rstrip("=")


def _order(order: str) -> str:
    if not isinstance(order, str) or order not in ENTRY_ORDERS:
        raise Invalid(f"unknown order {_shown(order)} (expected {', '.join(ENTRY_ORDERS)})")
    return order


def _keyset(cursor: str, order: str, name: str = "after") -> tuple[float, int, int]:
    """The (score, frequency, id) an :func:`entries_cursor` of ``order`` holds; Invalid for another."""
    try:
        kept, score, frequency, entry_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        # numbers a store holds: a score (no NaN nor infinity), a count and an id of 64 bits (a larger one was
        # SQLite's OverflowError, an HTTP 500)
        if kept == order and all(isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) <= _LARGEST_ID
                                 for v in (score, frequency, entry_id)):
            return float(score), int(frequency), int(entry_id)
    except (ValueError, TypeError):
        pass
    raise Invalid(f"{name}: {str(cursor)[:40]!r} is not the cursor of a page of entries in the order {order}")


def entry(store: Store, entry_id: int | str) -> dict:
    """One entry, with all its contexts; NotFound if there is none.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> added = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> shown = entry(store, int(added["id"]))
    >>> shown["id"], shown["status"], shown["fr"][0]["text"], shown["en"][0]["text"]
    ('1', 'approved', 'Comité militaire', 'Military Committee')
    >>> entry(store, 7)
    Traceback (most recent call last):
    tmtool.errors.NotFound: no glossary entry 7
    >>> store.close()
    """
    return entry_to_dict(glossary.entry(store, _id(entry_id)))


def add_entry(store: Store, fr: Sequence[str] = (), en: Sequence[str] = (), *,
              terms: Mapping[str, Sequence[str]] | None = None, status: str = "approved",
              definition: str | None = None, note: str | None = None, user: str | None = None) -> dict:
    """Add an entry by hand: its French terms (the first preferred; all-capitals single words are
    acronyms), its English ones, and ``terms`` in any language by tag (``{"de": ["Militärausschuss",
    "MA"], "es-ES": ["Comité Militar"]}``: each its tag's base language, a region or script kept as the term's
    ``locale``, as a termbase's: en-GB and en-US terms stay apart). Returns it.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> added = add_entry(store, terms={"de-DE": ["Militärausschuss", "MA"], "es": ["Comité Militar"]})
    >>> [(term["lang"], term["text"], term["type"], term.get("locale")) for term in added["terms"]]
    [('de', 'Militärausschuss', 'fullForm', 'de-DE'), ('de', 'MA', 'acronym', 'de-DE'), ('es', 'Comité Militar', 'fullForm', None)]
    >>> store.close()
    """
    _texts(definition=definition, note=note)
    by_language = _by_language({"fr": _terms(fr, "fr"), "en": _terms(en, "en")},
                               {lang: _terms(texts, f"terms[{lang!r}]") for lang, texts in _mapping(terms).items()},
                               tags=True)
    new = glossary.new_entry_in(by_language, status=_status(status), definition=definition, note=note)
    return entry(store, glossary.add_entry(store, new, user=_user(user)))


def _mapping(given: Mapping | None, name: str = "terms") -> Mapping:
    """Terms (genders, parts of speech) by language as given (None: none); anything but a mapping is Invalid."""
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise Invalid(f"{name} are a mapping of languages to {name} ({{'de': ...}}), not {_shown(given)}")
    return given


def _language(tag: str) -> str:
    """The base language of a tag given (``en-GB``: ``en``); a tag that is none is Invalid."""
    try:
        return base_language(tag)
    except TmtoolError as exc:
        raise Invalid(str(exc)) from None


def _by_language(given: dict, terms: Mapping, what: str = "terms to replace its first term with", *,
                 tags: bool = False) -> dict:
    """``given`` (French and English, from their own arguments) with ``terms`` by base language (the
    lists of two tags of one language, ``de`` and ``de-DE``, joined), or with ``tags`` by their tag as
    written (``en-US``: the terms' region kept, as a termbase's ``locale``); a bad tag, or a term to replace (or
    ``what`` else) given twice for one language, is Invalid."""
    given = {lang: texts for lang, texts in given.items() if texts not in (None, [])}
    for tag, texts in terms.items():
        lang = _language(tag)
        key = normalize_tag(tag) if tags else lang
        held = next((k for k in given if (k if tags else _language(k)) == key), None) if isinstance(texts, list) \
            else next((k for k in given if _language(k) == lang), None)
        if isinstance(texts, list) and held is not None:
            given[held] = given[held] + texts
        elif held is not None:
            raise Invalid(f"two {lang} {what} ({_shown(given[held])}, {_shown(texts)})")
        else:
            given[key] = texts
    return given


def edit(store: Store, entry_id: int | str, *, fr: str | None = None, en: str | None = None,
         add_fr: Sequence[str] = (), add_en: Sequence[str] = (), terms: Mapping[str, str] | None = None,
         add_terms: Mapping[str, Sequence[str]] | None = None, drop: Sequence[str] = (),
         drop_terms: Mapping[str, Sequence[str]] | None = None,
         definition: str | None = None, note: str | None = None, status: str | None = None,
         genders: Mapping[str, str] | None = None, parts_of_speech: Mapping[str, str] | None = None,
         expected_version: int | None = None, user: str | None = None, progress: Progress | None = None) -> dict:
    """Edit an entry (see :func:`tmtool.glossary.edit`): ``fr``/``en``, and ``terms`` by language tag
    (``{"de": "Militärausschuss"}``), replace that language's first term (or add one); ``add_fr``,
    ``add_en`` and ``add_terms`` (``{"de": ["MA"]}``) add terms; ``drop`` removes terms by text, and
    ``drop_terms`` by language (``{"en": ["radar"]}``, for a term written alike in two); ``genders`` and ``parts_of_speech`` by
    language tag (``{"fr": "masculine"}``, ``{"fr": "properNoun"}``, as TBX or a spreadsheet writes them:
    ``m``, ``nom propre``) set those of the language's first term. With ``expected_version``, an entry
    changed since that version is a Conflict and stays as it is. Returns ``{"change", "entry"}``: the
    change None when the edit changes nothing, which is then neither written nor recorded (the version
    stays).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> seen = add_entry(store, ["Comité militaire"], ["Military Comittee"])
    >>> edit(store, seen["id"], en="Military Committee", expected_version=seen["version"])["entry"]["en"][0]["text"]
    'Military Committee'
    >>> same = edit(store, seen["id"], en="Military Committee")
    >>> same["change"], same["entry"]["version"]
    (None, 2)
    >>> edit(store, seen["id"], note="too late", expected_version=seen["version"])
    Traceback (most recent call last):
    tmtool.errors.Conflict: entry 1 was changed by someone else (version 2, not 1); reload it
    >>> [t["text"] for t in edit(store, seen["id"], terms={"de": "Militärausschuss"}, add_terms={"de": ["MA"]})
    ...  ["entry"]["de"]]
    ['Militärausschuss', 'MA']
    >>> [(t["gender"], t["pos"]) for t in edit(store, seen["id"], genders={"fr-FR": "m"})["entry"]["terms"]
    ...  if t["lang"] == "fr"]
    [('masculine', 'noun')]
    >>> store.close()
    """
    _texts(fr=fr, en=en, definition=definition, note=note,
           **{f"terms[{lang!r}]": text for lang, text in _mapping(terms).items()})
    new_status = _status(status) if status else None
    replaced = _by_language({"fr": fr, "en": en}, _mapping(terms), tags=True)
    added = _by_language({"fr": _terms(add_fr, "add_fr"), "en": _terms(add_en, "add_en")},
                         {lang: _terms(texts, f"add_terms[{lang!r}]") for lang, texts in _mapping(add_terms).items()},
                         tags=True)
    dropped = _by_language({}, {lang: _terms(texts, f"drop_terms[{lang!r}]") for lang, texts in
                                _mapping(drop_terms, "drop_terms").items()}, "terms to drop")
    drop = [*_terms(drop, "drop"), *((text, lang) for lang, texts in dropped.items() for text in texts)]
    genders, parts_of_speech = _mapping(genders, "genders"), _mapping(parts_of_speech, "parts_of_speech")
    _texts(**{f"genders[{lang!r}]": value for lang, value in genders.items()},
           **{f"parts_of_speech[{lang!r}]": value for lang, value in parts_of_speech.items()})
    genders = _by_language({}, genders, "genders")
    parts_of_speech = _by_language({}, parts_of_speech, "parts of speech")
    for kind, values in (("gender", genders), ("part of speech", parts_of_speech)):
        if wrong := next(filter(None, (said_as_known(value, kind) for value in values.values())), None):
            raise Invalid(wrong)
    with glossary.changing(store, progress):
        change = glossary.update_entry(store, _id(entry_id), "edit", lambda e: glossary.edit(
            e, terms=replaced, add=added, drop=drop, definition=definition, note=note, status=new_status,
            genders=genders, parts_of_speech=parts_of_speech), expected_version=_version(expected_version),
            user=_user(user))
    return {"change": change, "entry": entry(store, entry_id)}


def _set_status(store: Store, entry_ids: Sequence[int | str], status: ReviewStatus, expected_version: int | None,
                user: str | None, progress: Progress | None) -> list[int]:
    entry_ids = _listed(entry_ids, "entry_ids")
    if expected_version is not None and len(entry_ids) != 1:
        raise Invalid("an expected version is given for one entry at a time")
    expected_version = _version(expected_version)
    with glossary.changing(store, progress):  # an id given twice (12 12, 12 012) is one change
        changes = glossary.set_statuses(store, list(dict.fromkeys(_id(i) for i in entry_ids)), status,
                                        expected_version=expected_version, user=_user(user))
    return [change for change in changes if change is not None]


def approve(store: Store, entry_ids: Sequence[int | str], *, expected_version: int | None = None,
            progress: Progress | None = None,
            user: str | None = None) -> list[int]:
    """Approve entries, all or none (one transaction); returns the ids of the changes made (none for an
    entry approved and reviewed already: nothing changes; but one a termbase's import approved, which no person here
    had decided on, is approved by the person, recorded: the termbase's next update no longer overrides it). The stored documents using them are counted once the
    approval is committed, a batch at a time (:func:`tmtool.glossary.count_queued`; ``progress``: the documents
    counted), as after every change to the approved entries.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> first = add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    >>> second = add_entry(store, ["état-major"], ["staff"], status="candidate")
    >>> approve(store, [first["id"], second["id"], first["id"]])
    [3, 4]
    >>> approve(store, [first["id"]])
    []
    >>> approve(store, [first["id"], 99])
    Traceback (most recent call last):
    tmtool.errors.NotFound: no glossary entry 99
    >>> [e["status"] for e in entries(store)]
    ['approved', 'approved']
    >>> store.close()
    """
    return _set_status(store, entry_ids, ReviewStatus.APPROVED, expected_version, user, progress)


def reject(store: Store, entry_ids: Sequence[int | str], *, expected_version: int | None = None,
           progress: Progress | None = None,
           user: str | None = None) -> list[int]:
    """Reject entries, all or none; returns the ids of the changes made (none for an entry rejected
    already). Extraction never proposes them again.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> added = add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    >>> reject(store, [added["id"]], expected_version=added["version"])
    [2]
    >>> entry(store, added["id"])["status"]
    'rejected'
    >>> store.close()
    """
    return _set_status(store, entry_ids, ReviewStatus.REJECTED, expected_version, user, progress)


def deprecate(store: Store, entry_id: int | str, term: str, *, lang: str | None = None,
              expected_version: int | None = None, user: str | None = None,
              progress: Progress | None = None) -> int | None:
    """Mark one term of an entry deprecated; ``lang``: its language, for a term written alike in two (*radar*,
    French and English), else the first term so written; returns the change id, None when it was already.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> radar = add_entry(store, ["radar"], ["radar", "radio detection and ranging"])
    >>> deprecate(store, radar["id"], "radar", lang="en-GB")
    2
    >>> [(t["lang"], t["text"], t["usage"]) for t in entry(store, radar["id"])["terms"]][:2]
    [('fr', 'radar', 'preferred'), ('en', 'radar', 'deprecated')]
    >>> store.close()
    """
    return set_usage(store, entry_id, term, "deprecated", lang=lang, expected_version=expected_version, user=user,
                     progress=progress)


# the history's name of each change of usage
_USAGE_ACTIONS = {UsageStatus.PREFERRED: "prefer", UsageStatus.ADMITTED: "admit", UsageStatus.DEPRECATED: "deprecate"}


def set_usage(store: Store, entry_id: int | str, term: str, usage: str, *, lang: str | None = None,
              expected_version: int | None = None, user: str | None = None,
              progress: Progress | None = None) -> int | None:
    """Set one term's usage, ``preferred``, ``admitted`` or ``deprecated`` (TBX's administrative status):
    a term a termbase delivered deprecated is admitted again so. ``lang`` as :func:`deprecate`'s; returns
    the change id, None when the term had that usage already.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> seen = add_entry(store, ["Comité militaire", "Comité militaire OTAN"], ["Military Committee"])
    >>> deprecate(store, seen["id"], "Comité militaire OTAN")
    2
    >>> set_usage(store, seen["id"], "comité militaire otan", "admitted")
    3
    >>> [(t["text"], t["usage"]) for t in entry(store, seen["id"])["fr"]]
    [('Comité militaire', 'preferred'), ('Comité militaire OTAN', 'admitted')]
    >>> set_usage(store, seen["id"], "Comité militaire OTAN", "obsolete")
    Traceback (most recent call last):
    tmtool.errors.Invalid: usage must be one of preferred, admitted, deprecated, not 'obsolete'
    >>> store.close()
    """
    term, usage = _sought(term, "term"), _sought(usage, "usage")
    if usage not in USAGES:
        raise Invalid(f"usage must be one of {', '.join(USAGES)}, not {_shown(usage)}")
    value = UsageStatus(usage)
    lang = None if _sought(lang, "lang", optional=True) is None else _language(lang)
    with glossary.changing(store, progress):
        return glossary.update_entry(store, _id(entry_id), _USAGE_ACTIONS[value],
                                     lambda e: glossary.set_usage(e, term, value, lang),
                                     expected_version=_version(expected_version), user=_user(user))


def entries_sharing_terms(store: Store, entry_id: int | str) -> dict[str, list[str]]:
    """Other entries holding a term of entry ``entry_id``, written the same way in the same language,
    with the terms they share, by entry id as :func:`entry` gives it: a concept entered twice
    (``merge`` joins them).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> first = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> again = add_entry(store, terms={"en": ["military committee"], "de": ["Militärausschuss"]})
    >>> entries_sharing_terms(store, again["id"]) == {first["id"]: ["Military Committee"]}
    True
    >>> store.close()
    """
    return {str(other): shared for other, shared in glossary.entries_sharing_terms(store, _id(entry_id)).items()}


def merge(store: Store, source_id: int | str, target_id: int | str, *, expected_version: int | None = None,
          user: str | None = None, progress: Progress | None = None) -> int:
    """Merge entry ``source_id`` into ``target_id``; returns the change id. With ``expected_version`` (of
    ``source_id``, as read), an entry changed since is a Conflict: a rejection made meanwhile is not merged away.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> kept = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> twice = add_entry(store, terms={"en": ["Military Committee"], "de": ["Militärausschuss"]})
    >>> merge(store, twice["id"], kept["id"])
    3
    >>> [(t["lang"], t["text"]) for t in entry(store, kept["id"])["terms"]]
    [('fr', 'Comité militaire'), ('en', 'Military Committee'), ('de', 'Militärausschuss')]
    >>> merged_into(store, twice["id"])
    1
    >>> store.close()
    """
    with glossary.changing(store, progress):
        return glossary.merge_entries(store, _id(source_id), _id(target_id),
                                      expected_version=_version(expected_version), user=_user(user))


def remove_entry(store: Store, entry_id: int | str, *, user: str | None = None,
                 progress: Progress | None = None) -> int:
    """Remove an entry; returns the change id (revert brings it back).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> added = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> removed = remove_entry(store, added["id"])
    >>> entry(store, added["id"])
    Traceback (most recent call last):
    tmtool.errors.NotFound: no glossary entry 1: it was removed (remove, change 2)
    >>> revert(store, removed)
    3
    >>> entry(store, added["id"])["en"][0]["text"]
    'Military Committee'
    >>> store.close()
    """
    with glossary.changing(store, progress):
        return glossary.remove_entry(store, _id(entry_id), user=_user(user))


def revert(store: Store, change_id: int | str, *, user: str | None = None, progress: Progress | None = None) -> int:
    """Undo a recorded change; returns the id of the change that undid it (see :func:`remove_entry`'s example);
    NotFound for a change never recorded.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> revert(store, 9)
    Traceback (most recent call last):
    tmtool.errors.NotFound: no change 9
    >>> store.close()
    """
    with glossary.changing(store, progress):
        return glossary.revert(store, _id(change_id, "change"), user=_user(user))


def count_left(store: Store, *, progress: Progress | None = None) -> int:
    """Make the approved entries' counts in the stored documents that a change left to make: a process stopped
    (killed) after committing it, or its count waited past the store's lock timeout. Every change to the glossary
    and every ingest makes them once committed, and the command line as it opens a store; a program that only
    reads the glossary calls this. A store still locked, or read-only, leaves them to make later (told in the
    log). Returns how many documents were counted (0: none was left).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> counts_left(store), count_left(store)
    (False, 0)
    >>> store.close()
    """
    return glossary.count_left(store, progress)


def entry_versions(store: Store, entry_ids: Sequence[int | str]) -> list[dict]:
    """Where each entry stands now, for a page showing them to notice what someone else changed meanwhile:
    ``{"id", "version", "status", "by"}`` (``by``: who made its last change the history records; a document's
    correction moving its quotes, a new version too, is recorded with the document's), or for one no longer
    there ``{"id", "gone": true, "into"}`` (``into``: the entry a merge took it into, else null).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> one = add_entry(store, ["chasseur de mines"], ["minehunter"], status="candidate", user="ana")
    >>> two = add_entry(store, ["mines"], ["mines"], status="candidate")
    >>> _ = approve(store, [one["id"]], user="ben"); _ = merge(store, two["id"], one["id"], user="cleo")
    >>> entry_versions(store, [1, "2"])
    [{'id': '1', 'version': 3, 'status': 'approved', 'by': 'cleo'}, {'id': '2', 'gone': True, 'into': 1}]
    >>> store.close()
    """
    if len(entry_ids) > 100:
        raise Invalid(f"entry_versions: at most 100 entries at a time, not {len(entry_ids)}")
    found = []
    for entry_id in map(_id, entry_ids):
        try:
            shown = entry(store, entry_id)
        except NotFound:
            found.append({"id": str(entry_id), "gone": True, "into": merged_into(store, entry_id)})
            continue
        changes = store.history(entry_id)
        found.append({"id": shown["id"], "version": shown["version"], "status": shown["status"],
                      "by": changes[-1].user if changes else None})
    return found


def merged_into(store: Store, entry_id: int | str) -> int | None:
    """The entry a merge took entry ``entry_id`` into, when that is what last took it out of the glossary (None:
    it is there, or was removed otherwise), so that a page or a link naming it leads on to where it went.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> kept, twice = add_entry(store, ["radar"], ["radar"]), add_entry(store, ["radar"], terms={"de": ["Radar"]})
    >>> merged_into(store, twice["id"]), merge(store, twice["id"], kept["id"]), merged_into(store, twice["id"])
    (None, 3, 1)
    >>> store.close()
    """
    return glossary.merged_into(store, _id(entry_id))


def counts_left(store: Store) -> bool:
    """Whether counts are left to make (:func:`count_left` would count): one query of a table empty but after a
    change, so that a server can ask it at every read.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> counts_left(store)
    False
    >>> store.close()
    """
    return bool(store.queued_counts(1))


def history(store: Store, entry_id: int | str | None = None) -> list[dict]:
    """Recorded changes (of one entry when given), oldest first: ``{"id", "time", "action", "user",
    "entries", "reverted_by"}``; NotFound for an entry that neither exists nor ever changed (a removed
    entry keeps its history).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> added = add_entry(store, ["Comité militaire"], ["Military Comittee"], status="candidate", user="ana")
    >>> edited = edit(store, added["id"], en="Military Committee", user="ben")
    >>> [(c["id"], c["action"], c["user"], c["entries"], c["reverted_by"]) for c in history(store, added["id"])]
    [(1, 'add', 'ana', [1], None), (2, 'edit', 'ben', [1], None)]
    >>> store.close()
    """
    changes = store.history(None if entry_id is None else _id(entry_id))
    if entry_id is not None and not changes:
        glossary.entry(store, _id(entry_id))
    return [{"id": c.id, "time": c.time, "action": c.action, "user": c.user, "entries": c.entry_ids,
             "reverted_by": c.reverted_by} for c in changes]


# ---- terminology checks ----------------------------------------------------------------------------


def check(store: Store, *sources: Source, srclang: str | None = None, tgtlang: str | None = None,
          progress: Progress | None = None) -> dict:
    """Check a translation against the store's approved glossary: one bilingual file (XLIFF, TMX,
    PO; checked in its own languages), or a document and its translation, aligned first, in
    ``srclang`` and ``tgtlang`` (default: a French document and its English translation; see
    :mod:`tmtool.check`). Returns ``{"findings", "entries", "checked", "untranslated",
    "other_languages", "skipped", "unmatched", "pairs", "summary"}`` (``unmatched``: the sentences of a document or
    its translation aligned to nothing of the other, ``{"lang", "text"}`` each, not checked), each finding ``{"unit", "unit_id", "kind",
    "lang", "term", "entry", "expected", "found", "message", "source", "target"}``. ``progress`` hears of the units checked.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> report = check(store, Upload("n.fr.txt", "Le Comité militaire se réunit. Il fait beau.".encode()),
    ...                Upload("n.en.txt", b"The Military Board meets. The weather is fine."))
    >>> [(f["unit"], f["kind"], f["term"], f["expected"], f["entry"]) for f in report["findings"]]
    [(1, 'missing', 'Comité militaire', ['Military Committee'], '1')]
    >>> report["summary"]
    '1 finding in 1 of 2 units checked (fr-FR→en-GB 2) against 1 approved entry'
    >>> store.close()
    """
    from .check import check_files

    srclang, tgtlang = _tag(srclang, "srclang", optional=True), _tag(tgtlang, "tgtlang", optional=True)
    languages = None if srclang is None and tgtlang is None else (srclang or "fr-FR", tgtlang or "en-GB")
    with _local_files(*sources) as paths:
        return check_files(store, [str(path) for path in paths], languages, progress).as_dict()


def check_document(store: Store, document_id: str | int) -> dict:
    """The same report for an ingested document's units; a finding's ``unit`` is the unit's position
    in the document (from 1), its ``unit_id`` the unit's id in the store (as :func:`document_units`).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> _ = ingest(store, Upload("n.fr.txt", "Il fait beau. Le Comité militaire se réunit.".encode()),
    ...            Upload("n.en.txt", b"The weather is fine. The Military Board meets."), extract_terms=False)
    >>> [(f["unit"], f["unit_id"], f["kind"]) for f in check_document(store, "n")["findings"]]
    [(2, '2', 'missing')]
    >>> store.close()
    """
    from .check import check_stored_units

    units = [replace(stored.unit, tuid=str(stored.id)) for stored in store.document_units(_document(document_id))]
    return check_stored_units(store, units).as_dict()


def check_report(findings: Sequence[dict], fmt: str = "text") -> str:
    """Findings of :func:`check` as ``text`` (for a translator: each unit with its findings),
    ``json`` (a list of objects) or ``csv`` (a header, then a row a finding).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> findings = check(store, Upload("n.fr.txt", "Le Comité militaire se réunit.".encode()),
    ...                  Upload("n.en.txt", b"The Military Board meets."))["findings"]
    >>> print(check_report(findings))
    unit 1
      source: Le Comité militaire se réunit.
      target: The Military Board meets.
      missing       entry 1: "Comité militaire" is not translated by the glossary's "Military Committee"
    >>> check_report(findings, "csv").splitlines()[0]
    'unit,unit_id,kind,lang,term,entry,expected,found,message,source,target'
    >>> store.close()
    """
    from .check import render

    if isinstance(findings, Mapping):  # the report itself, whose keys were read as findings
        raise Invalid("findings is a report's list of findings (check(...)[\"findings\"]), not the report")
    findings = _listed(findings, "findings")
    for i, finding in enumerate(findings):
        if not isinstance(finding, Mapping):  # was a TypeError of the renderer's ("string indices must be integers")
            raise Invalid(f"findings[{i}] is a finding as check() gives it (a dict), not {_shown(finding)}")
    return render(findings, fmt)


# ---- documents, imports, the store ----------------------------------------------------------------


def documents(store: Store) -> list[dict]:
    """The ingested documents, in the order ingested; ``updated``: when its units were last stored;
    ``revised``: when a revised version last replaced them, None while they are the first ingest's (a revision
    keeps the first ingest's date, ``ingested``); ``terms``: the release of term extraction that extracted a document's
    terms (``ingest.extraction_release``: the version and a digest of the method; ``"unrecorded"``: one before
    releases were recorded), None if not extracted.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort.".encode()), Upload("d.en.txt", b"The cat sleeps."),
    ...            extract_terms=False)
    >>> [(d["id"], d["fr_file"], d["en_file"], d["srclang"], d["units"], d["revised"], d["terms"]) for d in documents(store)]
    [('d', 'd.fr.txt', 'd.en.txt', 'fr-FR', 1, None, None)]
    >>> store.close()
    """
    return [{"id": d.id, "fr_file": d.src_path, "en_file": d.tgt_path, "srclang": d.srclang, "tgtlang": d.tgtlang,
             "units": units, "ingested": d.ingested, "updated": d.updated,
             "revised": d.updated if d.updated and d.updated != d.ingested else None, "terms": d.terms}
            for d, units in store.documents()]


def document_units(store: Store, document_id: str | int) -> list[dict]:
    """A document's units in order, with their ids, bead, the aligner's confidence (None for a unit a
    reviewer made), whether a reviewer excluded it from exports, and its ``sentences`` on each side
    (``{"source": [...], "target": [...]}``, the places a unit can be split).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
    ...            Upload("d.en.txt", b"The cat sleeps. The weather is fine."), extract_terms=False)
    >>> [(u["id"], u["position"], u["bead"], u["source"], u["excluded"]) for u in document_units(store, "d")]
    [(1, 0, '1-1', 'Le chat dort.', False), (2, 1, '1-1', 'Il fait beau.', False)]
    >>> document_units(store, "e")
    Traceback (most recent call last):
    tmtool.errors.NotFound: no document e in the store
    >>> store.close()
    """
    from .corrections import sides

    return [{"id": u.id, "position": u.position, **_unit_dict(u.unit), "bead": u.bead, "confidence": u.confidence,
             "excluded": u.excluded, "sentences": dict(zip(("source", "target"), sides(u)))}
            for u in store.document_units(_document(document_id))]


# ---- documents: a reviewer's corrections to the alignment (see tmtool.corrections) ----------------


def unit_edits(store: Store, document_id: str | int) -> list[dict]:
    """A document's recorded corrections, oldest first: ``{"id", "time", "action", "user", "before",
    "after"}``: who made it (None: no one named, or made before corrections recorded it), the runs of
    units replaced (``[source, target, excluded, ...]``) and put in their place (``[[source sentences],
    [target sentences], excluded]``). A document the store does not hold is NotFound, as for
    :func:`document_units` (it was an empty list, as for a document never corrected).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> unit_edits(store, "rapport")
    Traceback (most recent call last):
    tmtool.errors.NotFound: no document rapport in the store
    >>> store.close()
    """
    document_id = _document(document_id)
    if store.document(document_id) is None:
        raise NotFound(f"no document {document_id} in the store")
    return [_unit_edit_dict(e) for e in store.unit_edits(document_id)]


def _unit_edit_dict(edit) -> dict:
    return {"id": edit.id, "time": edit.time, "action": edit.action, "user": edit.user, "before": edit.before,
            "after": edit.after}


def undo_correction(store: Store, document_id: str | int, *, last: int | str | None = None) -> dict:
    """Undo a document's last correction: the units it replaced come back as they were (with the
    aligner's bead and confidence), and re-ingesting the document no longer makes it. Returns the
    correction undone, as :func:`unit_edits` gives it; Invalid when there is none. ``last``: the id of
    the last correction the person saw; another made since is a Conflict, not undone.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
    ...            Upload("d.en.txt", b"The cat sleeps. The weather is fine."), extract_terms=False)
    >>> first = exclude_unit(store, "d", 1)
    >>> second = exclude_unit(store, "d", 2)
    >>> undo_correction(store, "d", last=first)
    Traceback (most recent call last):
    tmtool.errors.Conflict: the last correction of document d is now 2 (exclude), made since 1; reload it
    >>> undo_correction(store, "d", last=second)["id"], [u["excluded"] for u in document_units(store, "d")]
    (2, [True, False])
    >>> store.close()
    """
    document_id = _document(document_id)
    with store.transaction():
        edits = store.unit_edits(document_id) if last is not None else []
        if edits and edits[-1].id != _id(last, "correction"):
            raise Conflict(f"the last correction of document {document_id} is now {edits[-1].id} ({edits[-1].action}),"
                           f" made since {last}; reload it")
        return _unit_edit_dict(store.undo_unit_edit(document_id))


def merge_units(store: Store, document_id: str | int, unit_id: int | str, *, neighbour: int | str | None = None,
                user: str | None = None) -> int:
    """Merge a unit of a document with the next one; returns the correction's id. ``neighbour``: the
    id of the next unit as the person saw it; when another stands there now (the document was
    corrected since), Conflict. Every correction records its ``user``, as the glossary's history does.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> for lang, text in (("fr", "Le chat dort. Il fait beau."), ("en", "The cat sleeps. The weather is fine.")):
    ...     _ = Path(folder, f"d.{lang}.txt").write_text(text, encoding="utf-8")
    >>> store = open_store(os.path.join(folder, "t.db"), create=True)
    >>> ingest(store, os.path.join(folder, "d.fr.txt"), os.path.join(folder, "d.en.txt"), extract_terms=False)["units"]
    2
    >>> merge_units(store, "d", document_units(store, "d")[0]["id"], user="ana")
    1
    >>> [(u["bead"], u["sentences"]["source"]) for u in document_units(store, "d")]
    [('2-2', ['Le chat dort.', 'Il fait beau.'])]
    >>> [(e["action"], e["user"]) for e in unit_edits(store, "d")]
    [('merge', 'ana')]
    >>> undo_correction(store, "d")["action"], [u["bead"] for u in document_units(store, "d")], unit_edits(store, "d")
    ('merge', ['1-1', '1-1'], [])
    >>> store.close()
    """
    from . import corrections

    return corrections.merge_units(store, _document(document_id), _id(unit_id, "unit"), _neighbour(neighbour),
                                   user=_user(user))


def _neighbour(unit_id: int | str | None) -> int | None:
    return None if unit_id is None else _id(unit_id, "unit")


def split_unit(store: Store, document_id: str | int, unit_id: int | str, source_at: int, target_at: int, *,
               user: str | None = None) -> int:
    """Split a unit after its first ``source_at`` source and ``target_at`` target sentences; returns the
    correction's id.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
    ...            Upload("d.en.txt", b"The cat sleeps. The weather is fine."), extract_terms=False)
    >>> merged = merge_units(store, "d", 1)
    >>> [merged] = document_units(store, "d")
    >>> split_unit(store, "d", merged["id"], 1, 1)
    2
    >>> [(u["bead"], u["source"], u["target"]) for u in document_units(store, "d")]
    [('1-1', 'Le chat dort.', 'The cat sleeps.'), ('1-1', 'Il fait beau.', 'The weather is fine.')]
    >>> store.close()
    """
    from . import corrections

    for name, at in (("source_at", source_at), ("target_at", target_at)):
        if isinstance(at, bool) or not isinstance(at, int) or at < 0:
            raise Invalid(f"{name} is a whole number from 0, not {_shown(at)}")
    return corrections.split_unit(store, _document(document_id), _id(unit_id, "unit"), source_at, target_at,
                                  user=_user(user))


def move_sentence(store: Store, document_id: str | int, unit_id: int | str, side: str, direction: str, *,
                  neighbour: int | str | None = None, user: str | None = None) -> int:
    """Move the last (``down``) or first (``up``) ``source`` or ``target`` sentence of a unit to the
    neighbouring unit; returns the correction's id. ``neighbour``: that unit's id as the person saw it
    (another there now is a Conflict).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
    ...            Upload("d.en.txt", b"The cat sleeps. The weather is fine."), extract_terms=False)
    >>> move_sentence(store, "d", 2, "target", "up", neighbour=1)
    1
    >>> [(u["sentences"]["source"], u["sentences"]["target"]) for u in document_units(store, "d")]
    [(['Le chat dort.'], ['The cat sleeps.', 'The weather is fine.']), (['Il fait beau.'], [])]
    >>> store.close()
    """
    from . import corrections

    return corrections.move_sentence(store, _document(document_id), _id(unit_id, "unit"), side, direction,
                                     _neighbour(neighbour), user=_user(user))


def exclude_unit(store: Store, document_id: str | int, unit_id: int | str, excluded: bool = True, *,
                 user: str | None = None) -> int | None:
    """Exclude a unit from exports (``excluded=False``: include it again); it stays in the store. Returns
    the correction's id, None when the unit was excluded (included) already: no correction is recorded.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
    ...            Upload("d.en.txt", b"The cat sleeps. The weather is fine."), extract_terms=False)
    >>> exclude_unit(store, "d", 2, user="ana"), exclude_unit(store, "d", 2)
    (1, None)
    >>> import io
    >>> export(store, "tmx", io.BytesIO())  # the excluded unit is not exported
    1
    >>> exclude_unit(store, "d", 2, excluded=False)
    2
    >>> store.close()
    """
    from . import corrections

    if not isinstance(excluded, bool):  # "no" was a ValueError, 0 and 1 a TypeError from deep down
        raise Invalid(f"excluded is True or False, not {_shown(excluded)}")
    return corrections.exclude_unit(store, _document(document_id), _id(unit_id, "unit"), excluded, user=_user(user))


def imports(store: Store) -> list[dict]:
    """The imported files still in the store, oldest first.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = import_file(store, Upload("terms.tsv", "fr\\ten\\nespace aérien\\tairspace\\n".encode()))
    >>> [(i["id"], i["path"], i["format"], i["kind"], i["count"]) for i in imports(store)]
    [(1, 'terms.tsv', 'tsv', 'entries', 1)]
    >>> store.close()
    """
    return [{"id": i.id, "path": i.path, "file": os.path.basename(i.path), "format": i.format, "kind": i.kind,
             "count": i.count, "imported": i.imported} for i in store.imports()]


def remove(store: Store, *, documents: Sequence[str | int] = (), imports: Sequence[int | str] = (),
           user: str | None = None) -> dict:
    """Take documents and imports out of the store, all in one transaction (see
    :func:`tmtool.glossary.remove_documents`, :func:`tmtool.glossary.remove_import`). Returns
    ``{"documents": {"count", "units", "entries_removed", "entries_kept"} or None, "imports": [{"id",
    "file", "kind", "units", "entries_removed", "entries_kept"}]}``.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = ingest(store, Upload("d.fr.txt", "Le chat dort.".encode()), Upload("d.en.txt", b"The cat sleeps."),
    ...            extract_terms=False)
    >>> _ = import_file(store, Upload("terms.tsv", "fr\\ten\\nespace aérien\\tairspace\\n".encode()))
    >>> done = remove(store, documents=["d"], imports=[1])
    >>> done["documents"]["units"], [(i["file"], i["entries_removed"]) for i in done["imports"]]
    (1, [('terms.tsv', 1)])
    >>> documents(store), imports(store)
    ([], [])
    >>> remove(store, imports=[1])
    Traceback (most recent call last):
    tmtool.errors.NotFound: ...
    >>> store.close()
    """
    documents, imports = _listed(documents, "documents"), _listed(imports, "imports")
    if not documents and not imports:
        raise Invalid("give documents or imports to remove")
    result: dict = {"documents": None, "imports": []}
    with glossary.changing(store):
        if documents:
            documents = [_document(document_id) for document_id in documents]
            removal = glossary.remove_documents(store, documents)
            result["documents"] = {"count": len(set(documents)), "units": removal.units,
                                   "entries_removed": removal.entries_removed, "entries_kept": removal.entries_kept}
        for import_id in imports:
            record, removal = glossary.remove_import(store, _id(import_id, "import"), user=_user(user))
            result["imports"].append({"id": record.id, "file": os.path.basename(record.path), "kind": record.kind,
                                      "units": removal.units, "entries_removed": removal.entries_removed,
                                      "entries_kept": removal.entries_kept})
    return result


def reextract(store: Store, documents: Sequence[str | int] = (), *, everything: bool = False, older: bool = False,
              user: str | None = None, progress: Progress | None = None) -> dict:
    """Extract the terms of stored documents again, with this release, from their units as stored
    (the files are not read; see :mod:`tmtool.reextract`), one transaction per document: the
    ``documents`` named; else, with ``everything``, every document whose pair has terms (French–English, or
    English and another language: :func:`extracts_terms`); else those whose
    terms this release has not extracted — by an earlier release or one not recorded, and (unless
    ``older``) those stored without terms. The earlier extraction's candidates that no one reviewed
    and no other document vouches for are replaced by the new proposals (one recorded change per
    document, which revert undoes); reviewed entries keep their decisions. A document whose new
    extraction leaves the glossary as it was is not written. Returns ``{"documents": [{"document",
    "sentences", "changed", "new_entries", "updated_entries", "replaced", "change", "skipped"}],
    "changed": [ids], "new_entries", "updated_entries", "replaced"}``.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> for lang, text in (("fr", "Le Comité militaire se réunit. Le Comité militaire conseille le Conseil."),
    ...                    ("en", "The Military Committee meets. The Military Committee advises the Council.")):
    ...     _ = Path(folder, f"d.{lang}.txt").write_text(text, encoding="utf-8")
    >>> store = open_store(os.path.join(folder, "t.db"), create=True)
    >>> ingest(store, os.path.join(folder, "d.fr.txt"), os.path.join(folder, "d.en.txt"), extract_terms=False)["units"]
    2
    >>> done = reextract(store)
    >>> done["changed"], done["new_entries"] > 0, [d["terms"] is not None for d in documents(store)]
    (['d'], True, [True])
    >>> reextract(store)["documents"], reextract(store, everything=True)["changed"]
    ([], [])
    >>> store.close()
    """
    from .reextract import reextract as extract_again
    from .reextract import selected

    chosen = selected(store, [_document(document) for document in _listed(documents, "documents")],
                      everything=everything, older=older)
    summary = extract_again(store, chosen, user=_user(user), progress=progress)
    results = [{"document": r.document_id, "sentences": r.sentences, "changed": r.changed,
                "new_entries": r.new_entries, "updated_entries": r.updated_entries, "replaced": r.replaced,
                "change": r.change, "skipped": r.skipped} for r in summary.results]
    return {"documents": results, "changed": summary.changed,
            **{key: sum(r[key] for r in results) for key in ("new_entries", "updated_entries", "replaced")}}


def stats(store: Store) -> dict[str, int]:
    """How many of each thing the store holds (see ``Store.stats``).

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")
    >>> counted = stats(store)
    >>> counted["entries"], counted["entries candidate"], counted["units"]
    (1, 1, 0)
    >>> store.close()
    """
    return store.stats()


def backup(store: Store, path: str | Path) -> None:
    """Copy the store to the SQLite file ``path`` (a path or a ``sqlite:///`` URL), consistent while others write to
    it.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> store = open_store(os.path.join(folder, "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> backup(store, os.path.join(folder, "backup.db"))
    >>> with open_store(os.path.join(folder, "backup.db")) as copy:
    ...     stats(copy)["entries"]
    1
    >>> store.close()
    """
    from .store.url import sqlite_file

    path = _path(path)
    target = Path(sqlite_file(path) if isinstance(path, str) else path)
    if target.is_file() and target.stat().st_size and not is_store_file(target):
        # a name mistyped or completed to the wrong file (the week's TMX, a Trados memory): an earlier backup,
        # a tmtool store, is replaced, no other file
        raise Invalid("not an earlier backup (a tmtool store): it would be replaced; give the backup a new file's "
                      "name, or remove that file first", path=str(target))
    store.backup(target)


def copy_store(source: str | Path, target: str | Path) -> dict[str, int]:
    """Copy the whole store at the URL ``source`` into ``target``, a new or empty store of either
    backend (SQLite → PostgreSQL and back), ids and history as they were; rows copied by table.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open_store(os.path.join(folder, "t.db"), create=True) as store:
    ...     _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> copied = copy_store(os.path.join(folder, "t.db"), os.path.join(folder, "copy.db"))
    >>> copied["entries"], copied["changes"]
    (1, 1)
    """
    from .store.copy import copy_between

    return copy_between(str(source), str(target))


def advised_on(message: str, commands: Iterable[str], db: str | Path | None) -> str:
    """``message`` as a front end working on the store ``db`` says it, so that each tmtool command it advises
    (``commands``, as it writes them: :data:`NOTICE_COMMANDS`, ``TmtoolError.commands``) works as shown on
    that store: with ``--db`` naming it, quoted for the shell of this platform (POSIX, or cmd and PowerShell
    on Windows). ``db`` None: the command as written finds the store (the default ``./tmtool.db``, or the one
    ``$TMTOOL_DB`` names, which a ``--db`` would only override). A password in the store's URL is left out of
    the command, never masked (a ``***`` typed as shown is sent as the password and refused), and the message
    says where libpq reads it from instead.

    >>> advised_on("remove it (tmtool remove visite)", ["tmtool remove visite"], "postgresql://ana:pw@db/tm")
    "remove it (tmtool --db postgresql://ana@db/tm remove visite) (the store's password left out: libpq reads it from PGPASSWORD or the password file, ~/.pgpass)"
    """
    commands = [command for command in commands if command in message]
    if db is None or not commands:
        return message
    from .store.url import secrets_named, without_password

    url, had_password = without_password(str(db))
    quoted = shell_quoted(url)
    for command in commands:
        message = message.replace(command, f"tmtool --db {quoted or STORE_PLACEHOLDER}{command.removeprefix('tmtool')}")
    if quoted is None:
        message += f" ({STORE_PLACEHOLDER}: {url}, quoted as your shell needs)"
    if had_password:  # libpq reads a password from elsewhere, not the others (sslpassword, oauth_client_secret …)
        names = secrets_named(str(db))
        others = [name for name in names if name != "password"]
        said = [f"libpq reads {'the password' if others else 'it'} from PGPASSWORD or the password file, ~/.pgpass"
                ] if "password" in names else []
        said += [f"add {', '.join(others)} to the URL as your connection needs"] if others else []
        message += f" (the store's {', '.join(names)} left out: {'; '.join(said)})"
    return message


# what an advised command says in place of a store whose name no quoting writes for both cmd and PowerShell: typed
# as shown it fails in both (a redirection from a file "STORE"; an operator PowerShell reserves), never acting on
# another store
STORE_PLACEHOLDER = "<STORE>"


def notice_on_store(record: logging.LogRecord, db: str | Path | None) -> str:
    """A notice (a record of the ``tmtool`` logger) as a front end working on the store ``db`` says it: each
    tmtool command it advises (:data:`NOTICE_COMMANDS`) as :func:`advised_on` says it, so that it works as
    shown on the same store.

    >>> record = logging.LogRecord("tmtool", logging.INFO, "", 0, "remove it (%s)", ("tmtool remove visite",), None)
    >>> record.tmtool_commands = ("tmtool remove visite",)
    >>> notice_on_store(record, "team store.db")
    "remove it (tmtool --db 'team store.db' remove visite)"
    """
    return advised_on(record.getMessage(), getattr(record, NOTICE_COMMANDS, ()), db)


def error_on_store(error: TmtoolError, db: str | Path | None, said: str | None = None) -> str:
    """An error's line (``said``, else ``str(error)``) as a front end working on the store ``db`` says it: the
    commands it advises (``error.commands``) as :func:`advised_on` says them.

    >>> error_on_store(NotFound("no import 7 (see 'tmtool imports')", commands=("tmtool imports",)), "team.db")
    "no import 7 (see 'tmtool --db team.db imports')"
    """
    return advised_on(str(error) if said is None else said, error.commands, db)


def named_from_anywhere(db: str | Path) -> str:
    """The store ``db`` named so that a command advised on it works in any folder (:func:`advised_on` for a
    server, whose reader types it in a shell of their own): a SQLite file's path made absolute.

    >>> named_from_anywhere("team.db") == os.path.abspath("team.db"), named_from_anywhere("postgresql://ana@db/tm")
    (True, 'postgresql://ana@db/tm')
    """
    from .store.url import named_from_anywhere as anywhere

    return anywhere(os.fspath(_path(db, "db")))


def masked_url(url: str | Path) -> str:
    """A store's URL as it may be shown: any password in it replaced by ``***``.

    >>> masked_url("postgresql://ana:s3cret@db/tm"), masked_url("team.db")
    ('postgresql://ana:***@db/tm', 'team.db')
    """
    from .store.url import masked

    return masked(str(url))


def check_store(store: Store, *, unchecked: list[str] | None = None) -> list[str]:
    """What is wrong with the store, one line a problem; none when it is sound. A line may advise a tmtool
    command (:data:`STORE_CHECK_COMMANDS`), which a front end says on its store (:func:`advised_on`).
    ``unchecked``: a list given gets what could not be checked, one line each (a read-only store's full-text
    indexes, whose check writes), which is no problem found.

    >>> import os, tempfile
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "t.db"), create=True)
    >>> _ = add_entry(store, ["Comité militaire"], ["Military Committee"])
    >>> check_store(store)
    []
    >>> store.close()
    """
    from .store.copy import check_store as check

    return check(store, unchecked)


STORE_CHECK_COMMANDS = (MEND_KEYS,)


# ---- documents without a store: segment, align, extract -------------------------------------------

SEGMENT_FORMATS = ("txt", "tmx", "xliff")
ALIGN_FORMATS = ("tmx", "tsv", "json", "beads")
EXTRACT_FORMATS = ("tsv", "json")
EXTRACT_LANGUAGES = ("fr", "en")  # term extraction's: a parser and its French model, the English tagger


def _not_read(out, *sources: Source, rules: str | Path | None = None) -> None:
    """Refuse an ``out`` that is one of the documents read (``segment x.fr.txt -o x.fr.txt``): written over, the
    document was lost, its paragraphs and formatting with it, for a list of its sentences; or the SRX ``rules``
    read (``--srx rules.srx -o rules.srx``), which became a list of sentences."""
    if not isinstance(out, (str, os.PathLike)) or str(out) == "-" or not os.path.isfile(out):
        return
    for source, what in [*((source, "the document read") for source in sources), (rules, "the SRX rules read")]:
        if isinstance(source, (str, os.PathLike)) and os.path.isfile(source) and os.path.samefile(out, source):
            raise Invalid(f"cannot write {out}: it is {what} ({source}), which this would replace; give "
                          "another file name")


def _rules(srx: str | Path | None):
    if srx is None:
        return None
    from .text.segment import load_rules

    return load_rules(srx)


def export_srx(out: str | Path | BinaryIO = "-", *, srx: str | Path | None = None) -> None:
    """Write the default SRX 2.0 segmentation rules (or those of the file ``srx``) to ``out``.

    >>> import io
    >>> written = io.BytesIO()
    >>> export_srx(written)
    >>> b'<srx xmlns="http://www.lisa.org/srx20" version="2.0">' in written.getvalue()
    True
    """
    from .text.segment import default_rules, export_rules

    rules = _rules(srx) or default_rules()
    with _output(out, "wb") as stream:
        export_rules(rules, stream)


def segment(source: Source, lang: str | None, out: str | Path | BinaryIO = "-", *, fmt: str = "txt", tgtlang: str | None = None,
            srx: str | Path | None = None) -> int:
    """Split a document into sentences and write them to ``out`` (a path, ``-``: stdout, or a binary stream, as
    :func:`export` writes to): ``txt`` one a line;
    ``tmx`` or ``xliff`` as source-only units for pre-translation, the xliff with a copy of each
    sentence as its target for CAT tools to translate over, into ``tgtlang`` (default: English for a
    French document, French for an English one). ``lang`` None: the language the file's name is marked
    with (``rapport.fr.docx``), as ``ingest`` reads it. Returns how many sentences were written.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "sentences.txt"
    >>> segment(Upload("note.fr.txt", "Le chat dort. Il fait beau, n’est-ce pas ?".encode()), None, out)
    2
    >>> out.read_text(encoding="utf-8").splitlines()
    ['Le chat dort.', 'Il fait beau, n’est-ce pas ?']
    """
    from .langtags import regional, target_language
    from .model import Unit
    from .pipeline import segmented_document

    out = _written_to(out)  # refused before the documents are read
    _not_read(out, source, rules=srx)
    if lang is None:
        lang = language_in_name(_name(source))
        if lang is None:
            raise Invalid(f"{_name(source)}: its name says no language (NAME.fr.EXT): give its language (lang)")
    lang, tgtlang = _tag(lang), _tag(tgtlang, "tgtlang", optional=True)
    if fmt not in SEGMENT_FORMATS:
        raise Invalid(f"unknown segment format {_shown(fmt)} (expected one of {', '.join(SEGMENT_FORMATS)})")
    lang = regional(lang)  # fr: fr-FR, as the target it is translated into is en-GB, not en
    if fmt == "xliff":
        tgtlang = target_language(lang, tgtlang and regional(tgtlang))
    with _local_files(source) as (path,):
        _, segments = segmented_document(path, lang, _rules(srx))
    if fmt == "txt":
        with _output(out, "w") as stream:
            stream.writelines(s.text + "\n" for s in segments)
        return len(segments)
    name = Path(_name(source)).name
    units = [
        Unit(source=s.text, target="", srclang=lang, tgtlang="", tuid=f"{name}:{s.index + 1}",
             props={"x-document": name, "x-paragraph": str(s.paragraph)})
        for s in segments
    ]
    with _output(out, "wb") as stream:
        if fmt == "tmx":
            from .formats.tmx import write_tmx

            write_tmx(units, stream, srclang=lang)
        else:
            from .formats.xliff import write_xliff

            # OmegaT's XLIFF filter skips units without <target>: a copy of the source marked
            # needs-translation is what CAT tools pre-translate over
            write_xliff(units, stream, srclang=lang, tgtlang=tgtlang, original=name, source_as_target=True)
    return len(units)


def align(fr: Source, en: Source, out: str | Path | BinaryIO = "-", *, fmt: str = "tmx", presegmented: bool = False,
          srclang: str = "fr-FR", tgtlang: str = "en-GB", srx: str | Path | None = None) -> int:
    """Align a document with its translation and write the result to ``out`` (a path, ``-``: stdout, or a binary
    stream, as :func:`export` writes to): ``tmx`` units, ``tsv``
    or ``json`` sentence pairs, ``beads`` one bead a line as ``[0, 1]:[2]``. Returns how many it wrote: units (a
    1-0 or 0-1 bead, a paragraph the other document lacks, is none), or beads.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "pairs.tsv"
    >>> align(Upload("d.fr.txt", "Le chat dort. Il fait beau.".encode()),
    ...       Upload("d.en.txt", b"The cat sleeps. The weather is fine."), out, fmt="tsv")
    2
    >>> out.read_text(encoding="utf-8").splitlines()[0].split("\\t")
    ['Le chat dort.', 'The cat sleeps.']
    """
    from .formats import alignment
    from .pipeline import align_files

    if fmt not in ALIGN_FORMATS:
        raise Invalid(f"unknown alignment format {_shown(fmt)} (expected one of {', '.join(ALIGN_FORMATS)})")
    out = _written_to(out)  # refused before the documents are read
    _not_read(out, fr, en, rules=srx)
    with _local_files(fr, en) as (fr_path, en_path):
        pair = align_files(fr_path, en_path, srclang=_tag(srclang, "srclang"), tgtlang=_tag(tgtlang, "tgtlang"),
                           rules=_rules(srx), presegmented=presegmented)
    if fmt == "tmx":
        from .formats.tmx import write_tmx

        units = pair.units()
        with _output(out, "wb") as stream:
            write_tmx(units, stream, srclang=pair.srclang)
        return len(units)
    with _output(out, "w") as stream:
        if fmt == "beads":
            alignment.write_beads(pair.beads, stream)
        elif fmt == "tsv":
            alignment.write_pairs_tsv(pair.beads, pair.src_segments, pair.tgt_segments, stream)
        else:
            alignment.write_pairs_json(pair.beads, pair.src_segments, pair.tgt_segments, stream)
    return len(pair.beads)


def extract(sources: Sequence[Source], out: str | Path | BinaryIO = "-", *, lang: str = "fr", fmt: str = "tsv",
            top: int | None = None, progress: Progress | None = None) -> dict:
    """Rank the terms of documents in ``lang``, French or English (monolingual), and write them to ``out`` (a path,
    ``-``: stdout, or a binary stream, as :func:`export` writes to) as tsv or json, one row a term. A document whose name says another language (``bericht.de.txt``,
    ``report.en.txt`` read as French) is refused. Returns ``{"terms", "sentences", "files"}``: terms
    written, sentences read.

    >>> import json, tempfile
    >>> text = ("The naval mine threatens shipping lanes. Minehunters clear naval mines from shipping lanes. "
    ...         "A minehunter destroyed two naval mines.")
    >>> out = Path(tempfile.mkdtemp()) / "terms.json"
    >>> extract([Upload("report.en.txt", text.encode())], out, lang="en", fmt="json")
    {'terms': 3, 'sentences': 3, 'files': 1}
    >>> [(t["term"], t["lemma"], t["pos"]) for t in json.loads(out.read_text(encoding="utf-8"))]
    [('minehunter', 'minehunter', 'noun'), ('naval mine', 'mine', 'noun'), ('shipping lane', 'lane', 'noun')]
    """
    from .pipeline import term_contexts
    from .terms import extract_english, extract_french
    from .terms.listing import write_json, write_tsv

    language = base_language(_tag(lang))
    if language not in EXTRACT_LANGUAGES:
        raise Invalid(f"term extraction supports French and English (fr, en), not {lang!r}")
    if fmt not in EXTRACT_FORMATS:
        raise Invalid(f"unknown extraction format {_shown(fmt)} (expected one of {', '.join(EXTRACT_FORMATS)})")
    sources = _listed(sources, "sources")
    if top is not None:  # "3" was a TypeError of slicing's, -1 every term but the last
        top = _limit(top, "top")
    out = _written_to(out)  # refused before the documents are read
    _not_read(out, *sources)
    for source in sources:
        named = language_in_name(_name(source))
        if named is not None and base_language(named) != language:
            fix = (f"give --lang {base_language(named)}" if base_language(named) in EXTRACT_LANGUAGES
                   else "term extraction supports French and English (fr, en)")
            raise Invalid(f"{_name(source)}: its name says {named}, not {language}; {fix}")
    with _local_files(*sources) as paths:
        sentences = [context for source, path in zip(sources, paths)
                     for context in term_contexts(path, language, _name(source))]
    entries = (extract_english if language == "en" else extract_french)(sentences, top=top, progress=progress)
    with _output(out, "w") as stream:
        (write_json if fmt == "json" else write_tsv)(entries, stream, language)
    return {"terms": sum(len(e.terms_in(language)) for e in entries), "sentences": len(sentences),
            "files": len(sources)}
