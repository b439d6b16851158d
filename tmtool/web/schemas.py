"""What the HTTP API's JSON paths answer, as the OpenAPI document declares it (a 200's schema): the shapes
``tmtool.api`` gives (``entry_to_dict``'s entry, a unit, a check's report …), so that a client generated from
``/openapi.json`` reads typed results. They describe the answers and change none: a handler returns the
library's dicts as they are (``tests/test_web_api.py`` checks each real answer against its schema). A field
the library adds is added here too, or that test fails (each model forbids the fields it does not name)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- the glossary ------------------------------------------------------------------------------------------


class Context(Answer):
    """A sentence pair showing a term in use: ``fr`` in the language ``lang`` (null: the entry's context
    language), ``en`` its English."""

    fr: str
    en: str
    document: str
    unit: str
    lang: str | None


class Term(Answer):
    text: str
    lang: str = Field(description="its base language (de), the region kept as locale")
    pos: str = Field(description="noun, properNoun, verb, adjective, adverb, other, or a termbase's own")
    gender: str | None
    type: str = Field(description="fullForm, acronym, abbreviation, …")
    usage: Literal["preferred", "admitted", "deprecated"]
    lemma: str | None
    forms: list[str]
    confidence: float | None = Field(description="of an extracted equivalent; null for one a person or file gave")
    frequency: int
    contexts: list[Context]
    note: str | None
    locale: str | None = Field(None, description="a region or script a file gave (en-US), else absent")


class TermAtAGlance(Answer):
    text: str
    type: str
    usage: Literal["preferred", "admitted", "deprecated"]


class Entry(Answer):
    """A glossary entry, every field of it and of its terms (``terms``); beside them, each language of the entry
    is a key (``fr``, ``en``, ``de`` …) listing its terms at a glance."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, list[TermAtAGlance]]

    id: str = Field(description="text, as every entry id in JSON (ARCHITECTURE.md, Ids)")
    status: Literal["candidate", "approved", "rejected"]
    version: int = Field(description="sent back as version with a decision: changed since, 409")
    score: float
    frequency: int
    definition: str | None
    note: str | None
    first_seen: str | None
    last_seen: str | None
    terms: list[Term]
    contexts: list[Context]


class Change(Answer):
    """A recorded change of the glossary."""

    id: int
    time: str
    action: str
    user: str | None
    entries: list[int]
    reverted_by: int | None


class EntryWithHistory(Entry):
    history: list[Change]


class EntriesPage(Answer):
    offset: int
    limit: int
    more: bool
    next: str | None = Field(description="the cursor for after: the page that follows; null on the last")
    previous: str | None = Field(description="the cursor for before: the page before; null on the first")
    entries: list[Entry]


class EntryStanding(Answer):
    id: str
    version: int
    status: str
    by: str | None = Field(description="who made its last change the history records; null: none recorded")


class EntryGone(Answer):
    id: str
    gone: Literal[True]
    into: int | None = Field(description="the entry a merge took it into; null: removed otherwise")


class EntryVersions(Answer):
    """Where each entry asked about stands now, or that it is gone."""

    entries: list[EntryStanding | EntryGone]


class EntriesCount(Answer):
    total: int
    capped: bool = Field(description="true: counted up to a bound, at least that many")


class Decision(Answer):
    """A decision on an entry: the change recorded (null: nothing changed) and the entry as it is now."""

    change: int | None
    entry: Entry


class Reverted(Answer):
    change: int = Field(description="the change that undid it")


# ---- the memory ----------------------------------------------------------------------------------------------


class Variant(Answer):
    lang: str
    text: str


class StoredUnit(Answer):
    """A translation unit as stored."""

    source: str
    target: str
    srclang: str
    tgtlang: str
    tuid: str | None
    variants: list[Variant]
    draft: bool = Field(description="its translation not confirmed (imported with include_unconfirmed)")
    context_pre: str | None
    context_post: str | None


class Unit(StoredUnit):
    """A translation unit as stored, and the document or file it came from."""

    document: str | None


class Match(Unit):
    """A fuzzy match: the unit, which of its texts matched and how well."""

    score: float
    side: Literal["source", "target", "variant"]
    lang: str
    matched: str
    translation: str
    translation_lang: str


class Matches(Answer):
    matches: list[Match]


class Concordance(Answer):
    units: list[Unit]


class LookupEntry(Entry):
    match: str = Field(description="how it matched: exact, folded, … fuzzy last")
    matched: str
    similarity: float
    shown_languages: list[str] = Field(min_length=2, max_length=2)
    labelled_contexts: list[Context]


class Lookup(Answer):
    entries: list[LookupEntry]
    memory: list[Unit]
    matches: list[Match] = Field(description="fuzzy matches of a sentence no unit holds as it is")


# ---- documents -----------------------------------------------------------------------------------------------


class Document(Answer):
    id: str = Field(description="its name, text")
    fr_file: str
    en_file: str
    srclang: str
    tgtlang: str
    units: int
    ingested: str
    updated: str | None
    revised: str | None
    terms: str | None = Field(description="the release that extracted its terms; null: not extracted")


class Import(Answer):
    id: int
    path: str
    file: str
    format: str
    kind: Literal["units", "entries"]
    count: int
    imported: str


class Documents(Answer):
    documents: list[Document]
    imports: list[Import]


class Sentences(Answer):
    source: list[str]
    target: list[str]


class DocumentUnit(StoredUnit):
    id: int
    position: int
    bead: str | None
    confidence: float | None = Field(description="the aligner's; null for a unit a reviewer made")
    excluded: bool
    sentences: Sentences
    low_confidence: bool


class Correction(Answer):
    id: int
    time: str
    action: str
    user: str | None
    before: list[list[Any]] = Field(description="the runs of units replaced")
    after: list[list[Any]] = Field(description="what took their place: [[source sentences], [target sentences], excluded]")


class DocumentView(Answer):
    document: str
    units: list[DocumentUnit]
    corrections: list[Correction]


class Undone(DocumentView):
    undone: Correction


class Finding(Answer):
    unit: int | None
    unit_id: str | None
    kind: str
    lang: str
    term: str
    entry: str
    expected: list[str]
    found: list[str]
    message: str
    source: str
    target: str


class Unmatched(Answer):
    lang: str
    text: str


class CheckReport(Answer):
    findings: list[Finding]
    entries: int
    checked: int
    untranslated: int
    other_languages: int
    skipped: list[str]
    unmatched: list[Unmatched]
    pairs: dict[str, int] = Field(description='units checked by language pair ({"fr-FR→en-GB": 19})')
    summary: str


class Reextracted(Answer):
    document: str
    sentences: int
    changed: bool
    new_entries: int
    updated_entries: int
    replaced: int
    change: int | None
    skipped: str | None = Field(description="why it was left as it was")


class UnlikeTranslation(Answer):
    pairs: int
    sharing: int


class Ingested(Answer):
    document: str
    units: int
    new_entries: int
    updated_entries: int
    removed_entries: int
    held_by: str | None = Field(description="the stored document already holding the same text (nothing stored)")
    terms_extracted: bool
    unlike_translation: UnlikeTranslation | None
    notices: list[str]


class Imported(Answer):
    kind: Literal["units", "entries"]
    added: int
    already_stored: int
    repeated: int
    reviewed: int
    corrected: int
    untranslated: int
    unconfirmed: int
    without_translation: int
    unconfirmed_included: int
    drafts_confirmed: int
    languages: dict[str, int]
    skipped: list[str]
    conflicts: list[str]
    notices: list[str]


class Session(Answer):
    csrf: str


class Stats(Answer):
    """How many of each thing the store holds: documents, units, entries … and by status, by language pair."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, int]

    documents: int
    imports: int
    units: int
    entries: int


def answers(model: type[BaseModel]) -> dict:
    """A route's options declaring ``model`` as its 200 answer's schema, the handler's dict sent as it is (not
    validated into the model and dumped again: its fields in the library's order, no time spent per answer)."""
    return {"response_model": None, "responses": {200: {"model": model, "description": "Successful Response"}}}
