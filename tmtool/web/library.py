"""The library operations the workbench calls, as JSON-ready data.

Interim: ``tmtool/api.py`` (issue 13) is being written beside this; when it lands, the web layer
calls it and this module goes. Until then these few functions stand where its operations will.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from ..errors import Conflict, NotFound, TmtoolError
from ..model import Entry, ReviewStatus
from ..store import Store
from ..store.records import entry_to_json


def _version(entry: Entry) -> str:
    """The entry's state as a short digest: a caller sending back an older one edits a stale copy."""
    state = entry_to_json(entry, reviewed=False)
    state.pop("contexts", None)
    return hashlib.sha256(json.dumps(state, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def entry_json(entry: Entry) -> dict:
    return {
        "id": int(entry.id),
        "version": _version(entry),
        "status": entry.status.value,
        "score": entry.score,
        "frequency": entry.frequency,
        "definition": entry.definition,
        "note": entry.note,
        "terms": [{"text": t.text, "lang": t.lang, "pos": t.pos, "type": t.term_type.value,
                   "usage": t.usage.value, "forms": t.forms} for t in entry.terms],
        "contexts": [{"fr": c.fr, "en": c.en, "document": c.document} for c in entry.contexts],
    }


def _entry(store: Store, entry_id: int) -> Entry:
    found = store.entries([entry_id]).get(entry_id)
    if found is None:
        raise NotFound(f"no glossary entry {entry_id}")
    return found


def get_entry(store: Store, entry_id: int) -> dict:
    entry = entry_json(_entry(store, entry_id))
    entry["history"] = [{"id": c.id, "time": c.time, "action": c.action, "reverted_by": c.reverted_by}
                        for c in store.history(entry_id)]
    return entry


def list_entries(store: Store, *, status: str | None = None, q: str | None = None, min_score: float | None = None,
                 document: str | None = None, offset: int = 0, limit: int = 20) -> dict:
    """A page of entries, best score first; ``more`` tells whether another page follows."""
    statuses = (ReviewStatus(status),) if status else ()
    # one more than the page, to know whether another follows
    found = store.list_entries(statuses=statuses, min_score=min_score, text=q or None,
                               limit=None if document else offset + limit + 1)
    if document:
        counted = set(store.document_entry_ids(document))
        found = [e for e in found if int(e.id) in counted]
    return {"offset": offset, "limit": limit, "more": len(found) > offset + limit,
            "entries": [entry_json(e) for e in found[offset:offset + limit]]}


def _checked(store: Store, entry_id: int, version: str | None) -> None:
    if version is not None and _version(_entry(store, entry_id)) != version:
        raise Conflict(f"entry {entry_id} has changed since version {version}; read it again")


def set_status(store: Store, entry_id: int, status: str, version: str | None = None) -> dict:
    with store.transaction():
        _entry(store, entry_id)
        _checked(store, entry_id, version)
        change = store.set_status(entry_id, ReviewStatus(status))
    return {"change": change, "entry": get_entry(store, entry_id)}


def edit_entry(store: Store, entry_id: int, version: str, fields: dict) -> dict:
    from ..store.review import edit

    with store.transaction():
        _checked(store, entry_id, version)
        change = store.update_entry(entry_id, "edit", lambda e: edit(e, **fields))
    return {"change": change, "entry": get_entry(store, entry_id)}


def deprecate(store: Store, entry_id: int, term: str) -> dict:
    from ..store.review import deprecate as deprecate_term

    change = store.update_entry(entry_id, f"deprecate {term}", lambda e: deprecate_term(e, term))
    return {"change": change, "entry": get_entry(store, entry_id)}


def merge(store: Store, source_id: int, target_id: int) -> dict:
    change = store.merge_entries(source_id, target_id)
    return {"change": change, "entry": get_entry(store, target_id)}


def revert(store: Store, change_id: int) -> dict:
    return {"change": store.revert(change_id)}


def lookup(store: Store, q: str, limit: int = 10) -> dict:
    from ..lookup import lookup as find

    hits = find(store, q, limit=limit) if q.strip() else []
    return {"entries": [{**entry_json(h.entry), "match": h.match, "matched": h.matched,
                         "similarity": round(h.similarity, 1)} for h in hits],
            "memory": concordance(store, q, limit)["units"] if q.strip() else []}


def search(store: Store, q: str, min_score: float, limit: int = 10) -> dict:
    from ..search import search_memory

    return {"matches": [{"score": m.score, "source": m.unit.source, "target": m.unit.target, "tuid": m.unit.tuid}
                        for m in search_memory(store, q, min_score=min_score, limit=limit)]}


def concordance(store: Store, q: str, limit: int = 20) -> dict:
    return {"units": [{"source": u.source, "target": u.target, "document": where, "tuid": u.tuid}
                      for u, where in store.located_concordance(q, limit)]}


def documents(store: Store) -> dict:
    return {"documents": [{"id": d.id, "fr_file": Path(d.src_path).name, "en_file": Path(d.tgt_path).name,
                           "srclang": d.srclang, "tgtlang": d.tgtlang, "units": units, "ingested": d.ingested,
                           "updated": d.updated} for d, units in store.documents()],
            "imports": [{"id": i.id, "file": Path(i.path).name, "format": i.format, "kind": i.kind,
                         "count": i.count, "imported": i.imported} for i in store.imports()]}


def stats(store: Store) -> dict:
    return store.stats()


def _named(exc: TmtoolError, paths: dict[str, str]) -> TmtoolError:
    """An error about an uploaded file, naming it as the caller did rather than its temporary copy."""
    if exc.path in paths:
        exc.path = paths[exc.path]
    return exc


def ingest(store: Store, fr: tuple[str, str, bytes], en: tuple[str, str, bytes], document_id: str) -> dict:
    """Ingest an uploaded pair; each side is (file name to store it under, name to show, content)."""
    from ..ingest import ingest_pair

    with tempfile.TemporaryDirectory(prefix="tmtool-upload-") as folder:
        paths = [Path(folder) / name for name, _, _ in (fr, en)]
        for path, (_, _, data) in zip(paths, (fr, en)):
            path.write_bytes(data)
        try:
            result = ingest_pair(store, *paths, document_id=document_id)
        except TmtoolError as exc:
            raise _named(exc, {str(paths[0]): fr[1], str(paths[1]): en[1]}) from None
    return {"document": result.document_id, "units": result.units, "new_entries": result.new_entries,
            "updated_entries": result.updated_entries, "already_stored_as": result.held_by}


def import_file(store: Store, name: str, shown: str, data: bytes, fmt: str | None) -> dict:
    """Import an uploaded file, stored under ``name`` for the reader, errors naming it ``shown``."""
    from ..store.transfer import import_file as read_in

    with tempfile.TemporaryDirectory(prefix="tmtool-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = read_in(store, path, fmt)
        except TmtoolError as exc:
            raise _named(exc, {str(path): shown}) from None
    return {"kind": result.kind, "added": result.added, "already_stored": result.already_stored,
            "skipped": [str(_named(s.error(), {str(path): shown})) for s in result.skipped]}


def export(store: Store, fmt: str, status: str | None) -> bytes:
    from ..store.transfer import DEFAULT_EXPORT_STATUSES, export_store

    statuses = {None: DEFAULT_EXPORT_STATUSES, "all": tuple(ReviewStatus)}.get(status) or (ReviewStatus(status),)
    with tempfile.TemporaryDirectory(prefix="tmtool-export-") as folder:
        path = Path(folder) / f"export.{fmt}"
        export_store(store, fmt, str(path), statuses=statuses)
        return path.read_bytes()
