"""Gettext PO: glossary entries and translation units, written and read through polib.

A glossary entry becomes one PO message::

    # the entry's note                      (translator comment: editable in Poedit)
    #. Status: candidate, not reviewed      (extracted comments, for the reader's eyes; no Status line
    #. Definition: …                         for an approved entry)
    #. Context: <French sentence> ⇒ <English sentence>
    #. x-tmtool:{"status": "candidate",     (the entry's record, readable JSON, so that nothing is lost:
    #.  "score": "12.375",                    a member a line, a long line broken before a space)
    #.  "definition": "Organe exécutif …"}
    #: <document of each context>
    #, fuzzy                                 (an entry not approved; clearing it in a PO editor approves a candidate)
    msgctxt "<entry id>"                     (only when two entries share their French term)
    msgid "<French term>"                    (a pair of :func:`tabular.term_pairs`: acronym with acronym,
    msgstr "<English term>"                   full form with full form)

The JSON holds the same flat record as the CSV (:func:`tabular.entry_to_row`) but the two terms of
msgid and msgstr. What a translator edits in a PO editor wins over it: msgstr, the fuzzy flag, and the
translator comment when its words changed (a mere re-wrap keeps the recorded note, exact to the
character). A PO file from elsewhere reads as msgid ↔ msgstr pairs with the comments and msgctxt as note
(homographs translated alike, one msgid under two msgctxt, one entry with both notes),
msgid in English (gettext's convention; ``X-Source-Language`` when the header names one, as ours does)
and msgstr in the header's ``Language`` (see :func:`read_po`).

A translation unit is a message source → target with its notes as translator comments, its
provenance as ``#:`` reference, and its languages, id, dates and props in the ``x-tmtool`` comment.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import polib

from ..errors import Invalid, TmtoolError
from ..io.files import input_file, open_output
from ..langtags import base_language, normalize_tag
from ..model import Entry, ReviewStatus, Term, Unit, iso, parse_time
from .skips import OnSkip, Skipped, refuse
from .tabular import entry_from_row, entry_to_row, single_line, status_label

_RECORD_PREFIX = "x-tmtool:"
_FUZZY = "fuzzy"
# the longest record line: polib re-wraps a comment line longer than 78 columns, "#. " included
_RECORD_WIDTH = 75
_BREAK = re.compile(r"(?<=\S) ")
_CARRIAGE_RETURNS = re.compile(r"\r\n?")
# a comment line gettext reads as a translator comment and polib refuses: "#" without the space
_LOOSE_COMMENT = re.compile(rb"^#(?=[^ \t\r\n,.:|~])", re.MULTILINE)
_NO_LANGUAGE = 'the PO header names no Language, so the language of msgstr is unknown; add one (e.g. "Language: fr\\n")'
# a line of a message: a keyword and a quoted string, or a continuation string (comments aside)
_PO_LINE = re.compile(r'\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*\Z')


def write_po(entries: Iterable[Entry], out: str | Path, *, srclang: str = "fr", tgtlang: str = "en") -> int:
    """Write glossary entries as a PO file (msgid in ``srclang``, French; msgstr in ``tgtlang``,
    English); return the entry count."""
    entries = list(entries)  # msgctxt depends on whether a source term occurs twice
    source, target = base_language(srclang), base_language(tgtlang)
    rows = [entry_to_row(entry, source, target) for entry in entries]
    occurrences = Counter(row[source] for row in rows)
    po = _po_file("tmtool glossary", srclang, tgtlang)
    for number, (entry, row) in enumerate(zip(entries, rows), 1):
        # the terms of msgid and msgstr are not repeated in the record
        record = {key: value for key, value in row.items() if key not in (source, target) and value}
        if "details" in record:  # JSON inside the JSON record: nest it rather than quote it
            record["details"] = json.loads(record["details"])
        # msgid "" without a context would be taken for the PO header
        homograph = occurrences[row[source]] > 1 or not row[source]
        display = [f"Status: {status_label(entry.status)}"] if status_label(entry.status) else []
        display += [f"Definition: {entry.definition}"] if entry.definition else []
        display += [f"Context: {c.fr} ⇒ {c.en}" if c.en else f"Context: {c.fr}" for c in entry.contexts]
        po.append(
            polib.POEntry(
                msgctxt=(entry.id or f"entry-{number}") if homograph else None,
                msgid=row[source],
                msgstr=row[target],
                tcomment=_comment_text(row["note"]),
                comment="\n".join([*map(single_line, display), _record_line(record)]),
                occurrences=[(single_line(document), "") for document in _documents(entry)],
                flags=[_FUZZY] if entry.status is not ReviewStatus.APPROVED else [],
            )
        )
    _save(po, out)
    return len(entries)


def read_po(path: str | Path, *, on_skip: OnSkip = refuse) -> Iterator[Entry]:
    """Read glossary entries from a PO file: ours, or any other.

    msgid is in the language the header's ``X-Source-Language`` names (tmtool writes it: French),
    else in English, as gettext has it; msgstr is in the header's ``Language``, without which a file
    from elsewhere is refused (its msgstr could be in any language). A message of ours restores the
    entry its ``x-tmtool`` record holds; one from elsewhere is the pair msgid ↔ msgstr (for a plural,
    ``msgstr[0]``, the other forms as the term's forms) with its translator comment, extracted comment
    and msgctxt as note; obsolete messages (``#~``) are left out, as gettext leaves them. A message
    whose record cannot be read is passed over and told to ``on_skip``.
    """
    po = _load(path)
    named_source = _header_language(po, "X-Source-Language", path)
    source = named_source or "en"
    target = _header_language(po, "Language", path)
    # ours names both; were either missing, its record would be of French–English, tmtool's first pair
    recorded_pair = (named_source or "fr", target or "en")
    # a message from elsewhere by its terms and status: homographs (one msgid, told apart by msgctxt)
    # translated alike are one entry to the glossary, which keeps one entry of the same terms, so the
    # later ones' notes (their msgctxt) join the first's rather than being lost as its duplicates
    alike: dict[tuple, tuple[Entry, list[str]]] = {}
    entries: list[Entry] = []
    for message in _messages(po, path):
        try:
            record = _record_of(message, path)
            entry = _recorded_entry(message, record, path, recorded_pair) if record else None
        except TmtoolError as exc:
            on_skip(Skipped(exc.message, str(path), message.linenum))
            continue
        if entry is None:
            if target is None:
                raise Invalid(_NO_LANGUAGE, path=str(path))
            entry = _message_entry(message, source, target)
            key = (tuple((term.lang, term.text, tuple(term.forms)) for term in entry.terms), entry.status)
            first, notes = alike.setdefault(key, (entry, []))
            notes.append(entry.note)
            if first is not entry:
                first.note = "\n".join(dict.fromkeys(note for note in notes if note)) or None
                continue
        entries.append(entry)
    yield from entries


def _header_language(po: polib.POFile, field: str, path: str | Path) -> str | None:
    """The base language a header field names, if it names one."""
    tag = _gettext_tag(po.metadata.get(field, ""))
    try:
        return base_language(tag) if tag else None
    except TmtoolError as exc:
        raise Invalid(f"the PO header's {field}: {exc.message}", path=str(path)) from None


# gettext's locale modifiers that name a script (sr@latin, uz@cyrillic, as Weblate, Transifex and Crowdin write
# Serbian in Latin letters), which BCP 47 says as a script subtag
_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl"}


def _gettext_tag(written: str) -> str:
    """A PO header's language (gettext's ``ll_CC@modifier``) as a tag ``normalize_tag`` reads: ``sr@latin`` →
    ``sr-Latn``, ``sr_RS@latin`` → ``sr-Latn-RS``; another modifier (``ca@valencia``, ``be@tarask``) left out."""
    tag, _, modifier = written.strip().partition("@")
    script = _SCRIPT_MODIFIERS.get(modifier.lower())
    if not script or not tag:
        return tag
    language, _, region = tag.replace("_", "-").partition("-")
    return "-".join(filter(None, (language, script, region)))


def _recorded_entry(message: polib.POEntry, record: dict, path: str | Path, pair: tuple[str, str]) -> Entry:
    """The entry a message of ours records, msgid in ``pair``'s source language, msgstr in its target."""
    if isinstance(record.get("details"), dict):
        record["details"] = json.dumps(record["details"])
    note = _edited_or_recorded(message.tcomment, record.get("note", ""))
    source, target = pair
    try:
        entry = entry_from_row({**record, source: message.msgid, target: message.msgstr, "note": note}, pair)
    except (ValueError, TypeError, AttributeError) as exc:
        raise _invalid(message, path, exc) from None
    entry.status = _status(message, entry.status if "status" in record else None)
    return entry


def _message_entry(message: polib.POEntry, source: str, target: str) -> Entry:
    plural = [message.msgid_plural] if message.msgid_plural not in ("", message.msgid) else []
    terms = [Term(message.msgid, source, forms=plural)]
    translation, forms = _translation(message)
    if translation:
        terms.append(Term(translation, target, forms=[form for form in forms if form != translation]))
    # the extracted comment (a glossary's explanation of the term) and msgctxt (the sense that sets
    # apart two messages of one msgid) are notes too: a glossary of two "board"s keeps which is which
    notes = [message.tcomment, message.comment, f"msgctxt: {message.msgctxt}" if message.msgctxt else ""]
    # a fuzzy message's previous msgid (msgmerge's #|): what the translation was made for, which a reviewer weighs
    notes += [f"previous {name}: {value}" for name, value in (
        ("msgctxt", message.previous_msgctxt), ("msgid", message.previous_msgid),
        ("msgid_plural", message.previous_msgid_plural)) if value]
    return Entry(terms, status=_status(message, None), note="\n".join(note for note in notes if note) or None)


def _translation(message: polib.POEntry) -> tuple[str, list[str]]:
    """A message's translation and, for a plural, its other forms (``msgstr[1]`` …)."""
    if not message.msgid_plural:
        return message.msgstr, []
    forms = [text for _, text in sorted(message.msgstr_plural.items()) if text]
    return (forms[0], forms[1:]) if forms else ("", [])


def write_units_po(units: Iterable[Unit], out: str | Path) -> int:
    """Write translation units as a PO file (source msgid, target msgstr); return the unit count."""
    units = list(units)  # msgctxt depends on whether a source occurs twice
    occurrences = Counter(unit.source for unit in units)
    first = units[0] if units else None
    po = _po_file("tmtool memory", first.srclang if first else "fr", first.tgtlang if first else "en")
    for number, unit in enumerate(units, 1):
        record = {"srclang": unit.srclang, "tgtlang": unit.tgtlang, "tuid": unit.tuid, "props": unit.props}
        record |= {"created": iso(unit.created), "changed": iso(unit.changed), "notes": unit.notes}
        homograph = occurrences[unit.source] > 1 or not unit.source
        document, paragraph = unit.props.get("x-document"), unit.props.get("x-paragraph", "")
        po.append(
            polib.POEntry(
                msgctxt=(unit.tuid or f"unit-{number}") if homograph else None,
                msgid=unit.source,
                msgstr=unit.target,
                tcomment=_comment_text("\n".join(unit.notes)),
                comment=_record_line({key: value for key, value in record.items() if value}),
                occurrences=[(single_line(document), single_line(paragraph))] if document else [],
            )
        )
    _save(po, out)
    return len(units)


def read_units_po(path: str | Path, *, srclang: str = "en", tgtlang: str | None = None) -> Iterator[Unit]:
    """Read translation units from a PO file; ``srclang``/``tgtlang`` apply when the file does not say.
    As :func:`read_po` has it, msgid is English unless the header says otherwise, and a file whose
    header names no ``Language`` (nor the caller ``tgtlang``) is refused. A plural message is a unit
    ``msgid`` → ``msgstr[0]`` and one ``msgid_plural`` → each further form (``msgstr[1]`` …)."""
    po = _load(path)
    file_source = _gettext_tag(po.metadata.get("X-Source-Language", "")) or srclang
    file_target = _gettext_tag(po.metadata.get("Language", "")) or tgtlang
    if not file_target:
        raise Invalid(_NO_LANGUAGE, path=str(path))
    for message in _messages(po, path):
        record = _record_of(message, path)
        try:
            unit = Unit(
                source=message.msgid,
                target=_translation(message)[0],
                srclang=normalize_tag(record.get("srclang") or file_source),
                tgtlang=normalize_tag(record.get("tgtlang") or file_target),
                tuid=record.get("tuid"),
                created=parse_time(record.get("created")),
                changed=parse_time(record.get("changed")),
                props=dict(record.get("props", {})),
                # msgctxt sets apart two messages of one msgid; ours (with a record) holds the unit's id
                notes=_unit_notes(message.tcomment, record.get("notes", []))
                + ([f"msgctxt: {message.msgctxt}"] if message.msgctxt and not record else []),
            )
        except (ValueError, TypeError, TmtoolError) as exc:  # TmtoolError: a bad language tag
            raise _invalid(message, path, exc) from None
        yield unit
        # a plural's other forms translate msgid_plural: units of their own, so that a check sees them
        for number, form in sorted(message.msgstr_plural.items())[1:] if message.msgid_plural else ():
            if form:
                yield replace(unit, source=message.msgid_plural, target=form,
                              tuid=f"{unit.tuid}[{number}]" if unit.tuid else None)


def _po_file(project: str, srclang: str, tgtlang: str) -> polib.POFile:
    """An empty PO file whose header has every field ``msgfmt -c`` asks for: the export's time as its
    revision date, no translator nor team named (a glossary has many)."""
    po = polib.POFile(wrapwidth=0)  # no wrapping: one message line per string, easy to diff and grep
    po.metadata = {
        "Project-Id-Version": project,
        "PO-Revision-Date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "",
        "Language-Team": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": normalize_tag(tgtlang),
        "X-Source-Language": normalize_tag(srclang),
        "X-Generator": "tmtool",
    }
    return po


def _save(po: polib.POFile, out: str | Path) -> None:
    with open_output(out, "w") as stream:
        stream.write(str(po))


def _load(path: str | Path) -> polib.POFile:
    input_file(path)  # polib takes a string that is not an existing file for PO text: check first
    # a UTF-8 byte-order mark, which Windows editors (Notepad) write and Poedit drops on reading, is no text
    data = Path(path).read_bytes().removeprefix(b"\xef\xbb\xbf")
    _check_syntax(data, str(path))
    # polib reads the loose comments once written "# "; it is given a file, not text, because it
    # would break text at every character str.splitlines breaks at (U+0085, U+2028 …), where a
    # file's lines end at line ends only
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        copy.write(_LOOSE_COMMENT.sub(b"# ", data))
        copy.flush()
        try:
            return polib.pofile(copy.name, wrapwidth=0)
        except (OSError, ValueError) as exc:
            problem = str(exc).replace(copy.name, str(path))
            raise Invalid(f"not a valid PO file: {problem}", path=str(path)) from None


def _check_syntax(data: bytes, path: str) -> None:
    """Refuse what polib would misread without a word: it drops the last character of an unterminated
    string (``msgid "comité`` becomes ``comit``) and takes an empty file for an empty catalogue."""
    if not data.strip():
        raise Invalid("empty file (no PO header or message)", path=path)
    # the syntax is ASCII; Latin-1 maps every byte to one character, whatever the declared charset, and
    # only \n ends a line (str.splitlines would also break at U+0085, a byte of UTF-8 sequences)
    for number, line in enumerate(data.decode("latin-1").split("\n"), 1):
        if line.strip() and not line.startswith("#") and not _PO_LINE.match(line):
            shown = line.encode("latin-1").decode("utf-8", errors="replace")[:40]
            raise Invalid(f"not a valid PO file: cannot read {shown!r}", path=path, line=number)


def _messages(po: polib.POFile, path: str | Path) -> Iterator[polib.POEntry]:
    """The messages in use (not ``#~``); one whose plural forms do not match its msgid, which gettext refuses
    and polib reads with its translation left out (``msgstr[0]`` without ``msgid_plural``, or the reverse),
    is an error."""
    for message in po:
        if message.obsolete:
            continue
        if bool(message.msgid_plural) != bool(message.msgstr_plural):
            missing = "msgstr[0], msgstr[1] …" if message.msgid_plural else "msgid_plural"
            raise Invalid(f"not a valid PO file: message {message.msgid[:40]!r} has no {missing}",
                              path=str(path), line=message.linenum)
        yield message


def _record_of(message: polib.POEntry, path: str | Path) -> dict:
    lines = message.comment.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(_RECORD_PREFIX)), None)
    if start is None:
        return {}
    line = "".join(lines[start:])
    try:
        record = json.loads(line[len(_RECORD_PREFIX):])
    except ValueError:
        record = None
    if not isinstance(record, dict):
        raise _invalid(message, path, "the x-tmtool comment is not a JSON object")
    return record


def _invalid(message: polib.POEntry, path: str | Path, problem: Exception | str) -> Invalid:
    return Invalid(f"message {message.msgid[:40]!r}: invalid x-tmtool record: {problem}", path=str(path))


def _documents(entry: Entry) -> list[str]:
    """The documents of the entry's contexts, each once, in order."""
    return list(dict.fromkeys(context.document for context in entry.contexts if context.document))


def _status(message: polib.POEntry, recorded: ReviewStatus | None) -> ReviewStatus:
    """The fuzzy flag is the review state a PO editor shows: set, not approved (a candidate unless the
    entry was rejected); cleared on a candidate, approved. A rejected entry stays rejected either way:
    files written before rejected entries were flagged have them unflagged."""
    if _FUZZY in message.flags:
        return ReviewStatus.REJECTED if recorded is ReviewStatus.REJECTED else ReviewStatus.CANDIDATE
    if recorded is None:  # a PO file from elsewhere: a translated message counts as approved
        return ReviewStatus.APPROVED if _translation(message)[0] else ReviewStatus.CANDIDATE
    if recorded is ReviewStatus.CANDIDATE:  # the flag was cleared in an editor
        return ReviewStatus.APPROVED
    return recorded


def _record_line(record: dict) -> str:
    """The record as the last comment lines: readable JSON, one member a line, and a line longer than
    :data:`_RECORD_WIDTH` broken before a space that follows a non-space character.

    :func:`_record_of` joins the lines back as they are. No line ends with whitespace, which PO readers
    strip, and the space that starts a continuation line is kept (``#.  "note":…``). Tools that re-wrap
    long comment lines (polib beyond 78 columns) leave these alone; a word longer than a line they can
    only break after a hyphen, dropping nothing.
    """
    # JSON escapes line breaks: a member is one line
    members = [json.dumps(key) + ": " + json.dumps(value, ensure_ascii=False) for key, value in record.items()]
    lines = (_RECORD_PREFIX + "{" + ",\n ".join(members) + "}").split("\n")
    return "\n".join(piece for line in lines for piece in _broken(line, _RECORD_WIDTH))


def _broken(line: str, width: int) -> list[str]:
    """``line`` in pieces of at most ``width`` characters where a break allows it (a word longer than
    that stays whole), each break before a space that follows a non-space character."""
    pieces = []
    while len(line) > width:
        breaks = [match.start() for match in _BREAK.finditer(line, 1)]
        if not breaks:
            break
        cut = max((i for i in breaks if i <= width), default=breaks[0])
        pieces.append(line[:cut])
        line = line[cut:]
    return [*pieces, line]


def _comment_text(text: str) -> str:
    """A carriage return would end a comment line in the file; the record keeps the exact text."""
    return _CARRIAGE_RETURNS.sub("\n", text)


def _edited_or_recorded(comment: str, recorded: str) -> str:
    """The recorded text unless the comment was edited: PO tools re-wrap comments and trim their lines."""
    return recorded if comment.split() == recorded.split() else comment


def _unit_notes(comment: str, recorded: list[str]) -> list[str]:
    if comment.split() == "\n".join(recorded).split():
        return list(recorded)
    return comment.split("\n") if comment else []  # edited, or from elsewhere: a note a line
