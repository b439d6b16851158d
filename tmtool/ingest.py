"""Ingest: a document pair (or an inbox of them) into the store — align, store units, extract terms.

Re-ingesting an unchanged pair does nothing (content hashes), nor does the same text read from
other files (a .docx saved as .txt: hashes of the segmented text) — but extract the terms of a pair
stored without them (``ingest --no-terms``), its units as stored; a revised version of a document
replaces its earlier units and counts; what a person decided about an entry is never overwritten
(see :func:`tmtool.glossary.merge_extracted`).
"""

from __future__ import annotations

import hashlib
import logging
import re
import signal
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import glossary
from .errors import Invalid, TmtoolError
from .io.files import input_file
from .langtags import base_language, known_language, language_pair, normalize_tag
from .model import Segment
from .progress import NOTICE_COMMANDS, Progress, Step, shell_quoted
from .store import DocumentRecord, Store, open_store
from .store.evidence import EVIDENCE_FLOOR
from .store.rows import other_language

_WORD = re.compile(r"\w+")


# a language's script and region after it in a file's name: rapport.fr-FR.docx, news.zh-Hans.txt, informe_es_419
_SUBTAGS = r"(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}))*"


@cache
def _language_in_name(*langs: str) -> re.Pattern:
    """NAME.fr.EXT, NAME_fr.EXT or NAME-fr.EXT for each of ``langs``, in any case (rapport_FR.docx), the
    language's script and region after it or not (rapport.fr-FR.docx, news.zh-Hans.txt)."""
    return re.compile(rf"^(?P<name>.+?)[._-](?P<lang>{'|'.join(langs)}){_SUBTAGS}\.(?P<ext>[^.]+)$", re.I)


# a name ending as a language's would: NAME.es.EXT, NAME_DE.EXT, NAME.pt-BR.EXT
# a folder's notes, as Markdown names them (README.md, CHANGELOG.md): skipped as such, not as a document misnamed
_NOTES = re.compile(r"(readme|changelog|changes|history|notes|licen[cs]e|contributing|authors|todo)([._-].*)?\.[^.]+$",
                    re.IGNORECASE)
_ANY_LANGUAGE_IN_NAME = re.compile(rf"[._-](?P<tag>[A-Za-z]{{2,3}}{_SUBTAGS})\.[^.]+$")


# a language as CAT tools and translators mark a file's: after a dot, before the extension
# (report.en.docx, news.zh-Hans.txt); after _ or - it is as often a word (rapport_fin, memo-hr, budget-it)
_LANGUAGE_BEFORE_EXTENSION = re.compile(rf"\.(?P<tag>[A-Za-z]{{2,3}}{_SUBTAGS})\.[^.]+$")


def _tag_in_name(path: str | Path) -> str | None:
    """The tag a file's name is marked with as ``NAME.LANG.EXT``, whatever language it names."""
    match = _LANGUAGE_BEFORE_EXTENSION.search(Path(path).name)
    return match["tag"] if match else None


def language_in_name(path: str | Path) -> str | None:
    """The language a file's name is marked with as ``NAME.LANG.EXT``, when tmtool knows it
    (``bericht.de.txt``: *de*), as a BCP 47 tag; None otherwise.

    >>> language_in_name("bericht.de.txt"), language_in_name("report.EN-us.docx"), language_in_name("notes.no.txt")
    ('de', 'en-US', None)
    """
    tag = _tag_in_name(path)
    return normalize_tag(tag) if tag is not None and known_language(tag) is not None else None


def unknown_language_in_name(path: str | Path, beside: str | Path | None = None) -> str | None:
    """The tag a file's name is marked with as ``NAME.LANG.EXT``, when tmtool knows no such language
    (``notes.no.txt``: *no*, a number column's header as often as Norwegian, whose written standard is *nb*).
    Two letters, as ISO 639-1 codes are; three (ISO 639-3: *gsw*, Swiss German) only where the file ``beside``
    it, its translation, is named with a language tmtool knows (``b.gsw.txt`` beside ``b.en.txt``): alone, a
    three-letter word there is as often no language (``.old.``, ``.bak.``).

    >>> unknown_language_in_name("notes.no.txt"), unknown_language_in_name("b.gsw.txt", beside="b.en.txt")
    ('no', 'gsw')
    >>> unknown_language_in_name("b.gsw.txt"), unknown_language_in_name("rapport.fr.txt")
    (None, None)
    """
    tag = _tag_in_name(path)
    if tag is None or known_language(tag) is not None:
        return None
    letters = len(re.match(r"[A-Za-z]*", tag).group())
    return tag if letters == 2 or (letters == 3 and beside is not None and language_in_name(beside)) else None


def languages_in_names(source: str | Path, target: str | Path) -> tuple[str, str] | None:
    """The languages two files' names carry as ``NAME.LANG.EXT``, when each carries one tmtool knows
    and they differ: ``report.en.docx``, ``rapport.fr.docx`` → ``("en", "fr")``; ``bericht.DE.txt``,
    ``report.en-US.txt`` → ``("de", "en-US")``. None when either name carries none (``minutes.txt``,
    ``rapport_fin.txt``), or names the pair's direction (``memory.fr-en.txt``: *en* is no region).

    >>> languages_in_names("report.en.docx", "rapport.fr.docx"), languages_in_names("bericht.DE.txt", "report.en-US.txt")
    (('en', 'fr'), ('de', 'en-US'))
    >>> languages_in_names("minutes.txt", "rapport.fr.txt") is None, languages_in_names("memory.fr-en.txt", "b.en.txt")
    (True, None)
    """
    tags = [language_in_name(path) for path in (source, target)]
    if None in tags:
        return None
    first, second = (base_language(tag) for tag in tags)
    direction = any(tag.lower().endswith(f"-{other}") for tag, other in ((tags[0], second), (tags[1], first)))
    return None if first == second or direction else (tags[0], tags[1])


def name_patterns(srclang: str = "fr", tgtlang: str = "en") -> str:
    """The names ``find_pairs`` pairs, as said to a person whose file it passed over."""
    return f"NAME.{srclang}.EXT, NAME_{srclang}.EXT or NAME-{srclang}.EXT, {tgtlang} likewise"


def extracts_terms(srclang: str, tgtlang: str) -> bool:
    """Whether ingest extracts terms from a pair in these languages: extraction finds French terms
    and their English equivalents, in a French original or a French translation of an English
    one; in a pair of English and another language written with spaces between words, English terms
    and their equivalents in that language (``terms.pivot``); other pairs are stored without it.

    >>> extracts_terms("fr-FR", "en-GB"), extracts_terms("en-GB", "fr-FR"), extracts_terms("en", "de"), extracts_terms("de", "fr")
    (True, True, True, False)
    """
    return terms_language(srclang, tgtlang) is not None


def terms_language(srclang: str, tgtlang: str) -> str | None:
    """The base language a pair's terms are extracted in beside English (``fr`` for French–English), None
    for a pair without English, or whose other language is written without spaces between words (its
    words cannot be read apart: Chinese, Japanese, Thai …)."""
    lang = other_language(srclang, tgtlang)
    return None if lang is None or lang in _UNSPACED_LANGUAGES else lang


_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


@dataclass(frozen=True, slots=True)
class IngestResult:
    document_id: str
    held_by: str | None = None  # the stored document that already holds this text (maybe this one)
    units: int = 0
    new_entries: int = 0
    updated_entries: int = 0
    removed_entries: int = 0  # candidates an earlier version alone gave, which a revision no longer proposes
    sentences: int = 0  # source sentences aligned
    terms_extracted: bool = False  # the terms of the stored document ``held_by``, stored without them, extracted now
    # (sentence pairs with numbers or names on both sides, those sharing one) when the two files read as no
    # translation of each other (``align.anchors.unlike_translation``); stored all the same, as asked
    unlike_translation: tuple[int, int] | None = None

    @property
    def skipped(self) -> bool:
        return self.held_by is not None


@dataclass(slots=True)
class IngestSummary:
    results: list[IngestResult] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (pair or file, why)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (file, why it is no document of a pair)

    @property
    def saved(self) -> list[str]:
        """The documents stored (or replaced) by this run."""
        return [r.document_id for r in self.results if not r.skipped]

    @property
    def new_units(self) -> int:
        return sum(r.units for r in self.results)

    @property
    def new_entries(self) -> int:
        return sum(r.new_entries for r in self.results)

    @property
    def updated_entries(self) -> int:
        return sum(r.updated_entries for r in self.results)

    @property
    def removed_entries(self) -> int:
        return sum(r.removed_entries for r in self.results)

    @property
    def skipped(self) -> list[IngestResult]:
        return [r for r in self.results if r.skipped]

    @property
    def terms_extracted(self) -> list[str]:
        """The documents stored without terms whose terms this run extracted."""
        return [r.held_by for r in self.results if r.terms_extracted]


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during ``ingest_dir``: ``summary`` holds the pairs done before it, each committed."""

    def __init__(self, summary: IngestSummary, current: str | None):
        super().__init__()
        self.summary = summary
        self.current = current  # the pair being ingested, not saved (None: between pairs)


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def text_hash(segments: Iterable[Segment]) -> str:
    """What a document says, whatever file format it was read from: its sentences in order."""
    return hashlib.sha256("\n".join(s.text for s in segments).encode("utf-8")).hexdigest()


# what an advised removal says in place of a document's id no quoting writes for both cmd and PowerShell (Windows:
# progress.shell_quoted), failing as typed in both rather than taking another document out
DOC_PLACEHOLDER = "<DOC_ID>"


def document_id_for(fr_path: str | Path, lang: str = "fr") -> str:
    """``2021-07-13-partners-meeting.fr.txt`` → ``2021-07-13-partners-meeting`` (``rapport_FR.docx``
    → ``rapport``); ``lang`` is the base language of the file's name."""
    match = _language_in_name(lang).match(Path(fr_path).name)
    return match["name"] if match else Path(fr_path).stem


def named_document(store: Store, name: str, srclang: str, tgtlang: str) -> str:
    """The id of a pair whose name comes from its files (``news.zh.txt`` → ``news``): ``name``, unless
    the store holds a document so named in another pair of languages — the same original translated into
    another language, not a revision of it —, then ``name.SRC-TGT`` (``news.ar-en``)."""
    languages = {base_language(srclang), base_language(tgtlang)}
    stored = store.document(name)
    if stored is None or {base_language(stored.srclang), base_language(stored.tgtlang)} == languages:
        return name
    return f"{name}.{base_language(srclang)}-{base_language(tgtlang)}"


def ingest_pair(
    store: Store,
    fr_path: str | Path,
    en_path: str | Path,
    *,
    document_id: str | None = None,
    stem: str | None = None,
    extract_terms: bool = True,
    srclang: str = "fr-FR",
    tgtlang: str = "en-GB",
    progress: Progress | None = None,
    recorded_as: tuple[str, str] | None = None,
) -> IngestResult:
    """Align a French document with its English version (or a ``srclang`` document with its
    ``tgtlang`` version), store the units (one transaction) and fold the extracted terms into the
    glossary — for a French–English pair only (see :func:`extracts_terms`). ``progress`` hears of
    each stage.

    Nothing is stored when the same files, or files with the same text, are stored already (under
    this id or another): the result names the document that holds them. But if that document was
    stored without its terms, they are extracted now (``terms_extracted``) and folded into the
    glossary as they would have been then, citing its units as stored. ``recorded_as`` names the
    files as the store records them and the document id is made from, when the paths read are copies
    (uploads). Without ``document_id``, the document is named after its files, or ``stem`` (see
    :func:`named_document`)."""
    extract_terms = extract_terms and extracts_terms(srclang, tgtlang)
    stages = ("aligning", "extracting terms", "saving") if extract_terms else ("aligning", "saving")
    name = Path(recorded_as[0] if recorded_as else fr_path).name

    def report(stage: str | None, aligned: int = 0, within: Step | None = None) -> None:
        """``stage`` begins (None: the pair is done), or is as far as ``within`` says (what it is on, done out of
        its total): a long document's extraction is told as it goes, not as one stage that seems stuck."""
        if progress:
            done = len(stages) if stage is None else stages.index(stage)
            part = within.done / within.total if within and within.total else 0.0
            detail = f" ({within.item})" if within and within.item else ""
            progress(Step(done + part, len(stages), aligned, name + (f": {stage}{detail}" if stage else "")))

    prepared = prepare_pair(store, fr_path, en_path, document_id=document_id, stem=stem, extract_terms=extract_terms,
                            srclang=srclang, tgtlang=tgtlang, report=report, recorded_as=recorded_as)
    if isinstance(prepared, IngestResult):
        return prepared
    report("saving", prepared.sentences)
    result = save_prepared(store, prepared)
    report(None, prepared.sentences)
    return result


@dataclass(slots=True)
class PreparedPair:
    """A document pair read, aligned and its terms extracted: all but the store's write."""

    record: DocumentRecord
    units: list
    proposals: list
    sentences: int
    near: list  # proposals under the threshold, kept as evidence (glossary.keep_evidence)
    # the id the pair was ingested under when ``record`` is the stored document, without terms, holding
    # its text: only its terms are saved
    asked_as: str | None = None
    unlike_translation: tuple[int, int] | None = None  # as IngestResult's


def prepare_pair(
    store: Store,
    fr_path: str | Path,
    en_path: str | Path,
    *,
    document_id: str | None = None,
    stem: str | None = None,
    extract_terms: bool = True,
    srclang: str = "fr-FR",
    tgtlang: str = "en-GB",
    report=lambda stage, aligned=0, within=None: None,
    recorded_as: tuple[str, str] | None = None,
) -> PreparedPair | IngestResult:
    """The work of :func:`ingest_pair` that only reads the store; an ``IngestResult`` when the pair
    is stored already. ``report(stage, sentences, within)`` hears of each stage (``within``: how far extraction is)."""
    fr_path, en_path = input_file(fr_path), input_file(en_path)
    language_pair(srclang, tgtlang)  # checked before a stored pair is told, which reads no language
    recorded_as = recorded_as or (str(fr_path), str(en_path))
    document_id = document_id or named_document(
        store, stem or document_id_for(recorded_as[0], base_language(srclang)), srclang, tgtlang)
    extract_terms = extract_terms and extracts_terms(srclang, tgtlang)
    src_hash, tgt_hash = content_hash(fr_path), content_hash(en_path)
    stored = None  # the document holding these files, stored without terms, whose terms are extracted now
    if holder := _holder(store, src_hash, tgt_hash):
        record = _stored_as_asked(store, holder, srclang, tgtlang)
        _given_as_stored(store, record, src_hash, tgt_hash, srclang, fr_path)
        if not (stored := _needing_terms(record, extract_terms)):
            return IngestResult(document_id, held_by=holder)

    from .align.anchors import unlike_translation
    from .pipeline import align_segments, segment_files

    report("aligning")
    pair = segment_files(fr_path, en_path, srclang=srclang, tgtlang=tgtlang)
    src_text, tgt_text = text_hash(pair.src_segments), text_hash(pair.tgt_segments)
    if not stored and (holder := _holder(store, src_text, tgt_text, text=True)):
        record = _stored_as_asked(store, holder, srclang, tgtlang)
        _given_as_stored(store, record, src_text, tgt_text, srclang, fr_path, text=True)
        if not (stored := _needing_terms(record, extract_terms)):
            return IngestResult(document_id, held_by=holder)
    asked_as = document_id
    if stored:
        if stored.src_hash != src_hash and stored.src_text_hash != src_text:  # stored the other way round
            pair = segment_files(en_path, fr_path, srclang=stored.srclang, tgtlang=stored.tgtlang)
        document_id = stored.id
    lexicon = store.lexicon_pairs(base_language(pair.srclang), base_language(pair.tgtlang))
    # a stored document's units as a first ingest would have aligned them: the contexts its terms
    # cite (save_prepared links them to its units as stored)
    units = align_segments(pair, lexicon=lexicon).units(document_id)
    aligned = len(pair.src_segments)
    if not units:  # stored, it was an empty document, or a revision that took every unit of the earlier one away
        kept = f"; document {document_id} kept as it was" if store.document(document_id) else ""
        raise Invalid(f"{fr_path.name} and {en_path.name}: no sentence of the one aligns with a sentence of the other "
                      f"({len(pair.src_segments)} in {pair.srclang}, {len(pair.tgt_segments)} in {pair.tgtlang}): are "
                      f"they a document and its translation? Nothing stored{kept}")
    unlike = unlike_translation((unit.source, unit.target) for unit in units)
    proposals, near = [], []
    if extract_terms:
        report("extracting terms", aligned)
        proposals, near = extract(store, pair.term_pairs(document_id), document_id,
                                  terms_language(pair.srclang, pair.tgtlang),
                                  progress=lambda step: report("extracting terms", aligned, step))
    if stored:
        return PreparedPair(stored, units, proposals, aligned, near, asked_as=asked_as)  # told when first stored
    record = DocumentRecord(document_id, *recorded_as, src_hash, tgt_hash, pair.srclang, pair.tgtlang,
                            src_text_hash=src_text, tgt_text_hash=tgt_text,
                            terms=extraction_release() if extract_terms else None)
    return PreparedPair(record, units, proposals, aligned, near, unlike_translation=unlike)


def extract(store: Store, sentences: list, document_id: str, lang: str = "fr",
            progress: Progress | None = None) -> tuple[list, list]:
    """Term extraction from a document's French–English sentence pairs (``Context``, French first),
    weighed against the memory but for the document's own units and the approved glossary: its
    proposals at the threshold, and those under it that are kept as evidence. With ``lang`` another
    language than French, the pairs hold it first and English second (``store.rows.term_context``), weighed
    against the memory's units of that language and English (``terms.pivot``). ``progress`` hears of the parts
    of a French extraction (``build_glossary``'s), and of the French model loading, which the first takes."""
    from .terms import DEFAULT_THRESHOLD, build_glossary
    from .terms.equivalents import EXTRACTION_STEPS
    from .terms.french import analysing, model_loaded

    if lang != "fr":
        from .terms.pivot import build_english_glossary

        words = _WORD.findall(" ".join(c.fr for c in sentences))
        memory = store.memory_contexts(words, exclude_document=document_id, lang=lang)
        found = build_english_glossary(sentences, lang, memory=memory, lexicon=store.lexicon_pairs(lang, "en"),
                                       threshold=EVIDENCE_FLOOR)
        return [e for e in found if e.score >= DEFAULT_THRESHOLD], [e for e in found if e.score < DEFAULT_THRESHOLD]
    if progress and not model_loaded():
        progress(Step(0, EXTRACTION_STEPS, 0, "loading the French model"))
    with analysing([c.fr for c in sentences]) as french_tokens:  # on the other core, while the rest is done
        words = _WORD.findall(" ".join(c.fr for c in sentences))
        memory = store.memory_contexts(words, exclude_document=document_id)
        found = build_glossary(sentences, memory=memory, lexicon=store.lexicon_pairs("fr", "en"),
                               threshold=EVIDENCE_FLOOR, french_tokens=french_tokens, progress=progress)
    return [e for e in found if e.score >= DEFAULT_THRESHOLD], [e for e in found if e.score < DEFAULT_THRESHOLD]


# what makes term extraction's proposals, inside the package: folders of sources and data files (their READMEs and
# licences aside) and single modules; ``extract`` above is left out, this module changing far more often for ingest
_EXTRACTION_SOURCES = ("terms", "text/en", "text/normalize.py")
_NOT_READ = frozenset({"README.md", "LICENSE.txt"})


@cache
def extraction_release() -> str:
    """What a document's record says extracted its terms (``DocumentRecord.terms``): this tmtool's version and a
    digest of the extraction's sources and data files, ``0.1.0+3f9c2a1b7d04`` — a change to the extraction
    method changes it though the version is not bumped, so that ``glossary reextract`` finds the documents an
    earlier method extracted. The files are read by their paths inside the package, so an installed wheel
    and an editable checkout of the same code give the same value; once per process (a few milliseconds)."""
    from importlib.metadata import version

    return f"{version('tmtool')}+{extraction_digest(Path(__file__).parent)}"


def extraction_digest(root: Path) -> str:
    """A digest of the extraction's sources and data files in the package folder ``root``, by their
    paths inside it (line ends read as a checkout on any platform writes them)."""
    digest = hashlib.sha256()
    for source in _EXTRACTION_SOURCES:
        path = root / source
        files = [path] if path.is_file() else sorted(
            f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts
            and f.suffix not in (".pyc", ".pyo") and f.name not in _NOT_READ)
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(file.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()[:12]


def _without_terms(store: Store, document_id: str, extract_terms: bool) -> DocumentRecord | None:
    """The stored document's record, if ingest with ``extract_terms`` is to extract its terms now
    (``_needing_terms``)."""
    return _needing_terms(store.document(document_id), extract_terms)


def _needing_terms(record: DocumentRecord | None, extract_terms: bool) -> DocumentRecord | None:
    """``record``, if ingest with ``extract_terms`` is to extract its document's terms now: they were not
    (``ingest --no-terms``) and its languages have some."""
    needed = (extract_terms and record is not None and record.terms is None
              and extracts_terms(record.srclang, record.tgtlang))
    return record if needed else None


def _stored_as_asked(store: Store, holder: str, srclang: str, tgtlang: str) -> DocumentRecord | None:
    """The record of ``holder``, the stored document holding a pair's texts, when it holds them in the
    languages asked (either way round, in any region): the same texts given in others are a mistake (the
    German file given as the Spanish one), refused rather than told stored."""
    record = store.document(holder)
    if record and {base_language(record.srclang), base_language(record.tgtlang)} != {
            base_language(srclang), base_language(tgtlang)}:
        raise Invalid(f"these texts are stored as document {holder} in {record.srclang} and {record.tgtlang}, "
                          f"not {normalize_tag(srclang)} and {normalize_tag(tgtlang)}: are the languages given right? "
                          f"(remove document {holder} first to store them in others)")
    return record


def _given_as_stored(store: Store, record: DocumentRecord | None, src_hash: str, tgt_hash: str, srclang: str,
                     src_path: Path, *, text: bool = False) -> None:
    """Refuse a pair that ``record``'s document (``_stored_as_asked``: in the languages asked) stores with its two
    texts in each other's languages (the English file given as the French one), as a new store refuses it, rather
    than tell it stored."""
    if record is None or base_language(record.srclang) == base_language(record.tgtlang):
        return
    holder = record.id
    stored_as = record.srclang if store.document_with(src_hash, tgt_hash, text=text) == holder else record.tgtlang
    if base_language(stored_as) != base_language(srclang):
        raise Invalid(f"this text is stored as the {stored_as} of document {holder}, not as "
                          f"{base_language(srclang)}: are the files given in the right order?", path=str(src_path))


def _holder(store: Store, src_hash: str, tgt_hash: str, *, text: bool = False) -> str | None:
    """The stored document holding these files (or texts) either way round: an English original with
    its French translation is the pair that French with its English is, and counting it twice
    would double its evidence."""
    return store.document_with(src_hash, tgt_hash, text=text) or store.document_with(tgt_hash, src_hash, text=text)


def save_prepared(store: Store, prepared: PreparedPair) -> IngestResult:
    """Write a prepared pair in one transaction. A pair prepared beside others (``ingest_dir`` with
    several jobs) is checked again: one saved meanwhile may hold the same text."""
    record = prepared.record
    if prepared.asked_as:
        return _save_terms(store, prepared)
    # (a change to the glossary: once committed, the counts a stopped process left queued are made, as a change makes)
    with glossary.changing(store):
        holder = _holder(store, record.src_text_hash, record.tgt_text_hash, text=True)
        if holder:
            return IngestResult(record.id, held_by=holder)
        _, new, updated, removed = glossary.save_document(store, record, prepared.units, prepared.proposals,
                                                   prepared.near)
        # a reviewer's corrections to the earlier version's alignment, where its text is unchanged; the units
        # counted are those stored once they are made again (a merge makes one of two)
        units = len(store.document_units(record.id)) if store.replay_unit_edits(record.id) else len(prepared.units)
    if prepared.unlike_translation:  # said once stored (in the process saving, where notices are heard)
        holding, sharing = prepared.unlike_translation
        quoted = shell_quoted(record.id)  # for this platform's shell, as the store is (api.advised_on)
        remove = f"tmtool remove {quoted or DOC_PLACEHOLDER}"  # NOTICE_COMMANDS: the command line adds its --db
        logging.getLogger("tmtool.ingest").info(
            "%s and %s do not read as a translation of each other: of %d aligned sentence pairs with numbers or "
            "names on both sides, %d %s one, where most do in a translation; if a file is the wrong one, remove "
            "document %s (%s)%s", Path(record.src_path).name, Path(record.tgt_path).name, holding,
            sharing, "shares" if sharing == 1 else "share", record.id, remove,
            "" if quoted else f" ({DOC_PLACEHOLDER}: {record.id}, quoted as your shell needs)",
            extra={NOTICE_COMMANDS: (remove,)})
    return IngestResult(record.id, units=units, new_entries=new, updated_entries=updated, removed_entries=removed,
                        sentences=prepared.sentences, unlike_translation=prepared.unlike_translation)


def _save_terms(store: Store, prepared: PreparedPair) -> IngestResult:
    """Fold the terms of a document stored without them into the glossary and record that they were
    extracted, in one transaction, unless meanwhile (``ingest_dir`` with several jobs) an earlier
    pair of the inbox holding the same text has done it, or a revised version replaced the document. A context cites the stored unit the aligner's
    unit of its sentences matches; where a reviewer's corrections changed that unit, its sentences
    alone (the units stay as the reviewer left them)."""
    document_id = prepared.record.id
    with glossary.changing(store):
        current = _without_terms(store, document_id, True)
        if current is None or current.updated != prepared.record.updated:
            return IngestResult(prepared.asked_as, held_by=document_id)
        stored = {s.unit.tuid: s for s in store.document_units(document_id)}
        unit_ids = {unit.tuid: s.id for unit in prepared.units
                    if (s := stored.get(unit.tuid)) and (s.unit.source, s.unit.target) == (unit.source, unit.target)}
        new, updated = glossary.add_document_terms(store, document_id, unit_ids, prepared.proposals, prepared.near)
        store.set_document_terms(document_id, extraction_release())
    return IngestResult(prepared.asked_as, held_by=document_id, new_entries=new, updated_entries=updated,
                        sentences=prepared.sentences, terms_extracted=True)


def find_pairs(
    inbox: str | Path, srclang: str = "fr", tgtlang: str = "en"
) -> tuple[list[tuple[str, Path, Path]], list[tuple[str, str]], list[tuple[str, str]]]:
    """Pair the French and English documents (txt, md, html, docx, odt, pptx, odp, pdf) of a folder by name: ``NAME.fr.EXT``
    with ``NAME.en.EXT``, or ``NAME_fr``/``NAME-fr`` likewise, in any case (or the documents in the
    base languages ``srclang`` and ``tgtlang``: ``NAME.de.EXT`` with ``NAME.fr.EXT``).

    Returns the pairs (name, source path, target path), the documents that could not be paired
    and the other files, each with the reason. Hidden files (``.DS_Store``) are left out.
    """
    from .text.readers import DOCUMENT_EXTENSIONS  # not at the top: the look-up path imports this module

    inbox = Path(inbox)
    if not inbox.is_dir():
        raise Invalid("not a directory", path=str(inbox))
    readable = [extension[1:] for extension in DOCUMENT_EXTENSIONS]
    language_in_name = _language_in_name(srclang, tgtlang)
    sides: dict[str, dict[str, list[Path]]] = {}
    ignored = []
    in_other_languages: dict[str, tuple[str, str]] = {}  # a name → a file of it in a language outside the pair
    names: dict[Path, str] = {}  # each paired file's name without its language and extension
    for path in sorted(inbox.iterdir(), key=lambda p: (p.name.casefold(), p.name)):
        match = language_in_name.match(path.name)
        named = None if match else _ANY_LANGUAGE_IN_NAME.search(path.name)
        other = known_language(named["tag"]) if named else None
        if path.name.startswith("."):
            continue
        if path.is_dir():
            ignored.append((path.name, "a folder (--dir does not look inside folders)"))
        elif path.suffix.lower()[1:] not in readable:  # scan.fr.tif: whatever its name says
            ignored.append((path.name, f"not a document tmtool reads ({', '.join(readable)})"))
        elif not match and not other and path.suffix.lower() in (".md", ".markdown") and _NOTES.match(path.name):
            # a folder's README.md is its notes, not half of a pair: said so, not as a document misnamed
            ignored.append((path.name, f"Markdown with no language in its name: the folder's notes, not a document "
                                       f"to align (one is named NAME.{srclang}{path.suffix}, NAME.{tgtlang}{path.suffix})"))
        elif not match and other not in (srclang, tgtlang):
            if other:
                in_other_languages.setdefault(path.name[:named.start()].casefold(), (path.name, other))
            ignored.append((path.name, f"in {other}, not {srclang} or {tgtlang} (--srclang and --tgtlang choose the "
                                       "languages of the pairs)" if other else
                                       f"no language in the name (expected {name_patterns(srclang, tgtlang)})"))
        else:
            # the pair's language by its code (rapport.fr.docx) or by another of its codes (rapport_FRA.docx,
            # report_ENG.docx: ISO 639-2's); rapport_FR.docx pairs with Rapport.en.docx: a name is the same name
            # in any case
            name, lang = (match["name"], match["lang"].lower()) if match else (path.name[:named.start()], other)
            names[path] = name
            found = sides.setdefault(name.casefold(), {"name": name, srclang: [], tgtlang: []})
            found[lang].append(path)
    pairs, unpaired = [], []
    for found in sides.values():
        name = found["name"]
        if len(found[srclang]) == 1 and len(found[tgtlang]) == 1:
            source = found[srclang][0]
            pairs.append((names[source], source, found[tgtlang][0]))
            continue
        for lang, other in ((srclang, tgtlang), (tgtlang, srclang)):
            if len(found[lang]) > 1:
                unpaired.append((name, f"several {lang} files: {', '.join(p.name for p in found[lang])}"))
            elif not found[other] and name.casefold() in in_other_languages:
                # bericht.en.txt beside bericht.de.txt, when French and English are paired: of another pair
                counterpart, language = in_other_languages[name.casefold()]
                ignored.append((found[lang][0].name, f"its counterpart {counterpart} is in {language}, not {other} "
                                                     "(--srclang and --tgtlang choose the languages of the pairs)"))
            elif not found[other]:
                expected = f"{name}.{other}.*, {name}_{other}.* or {name}-{other}.*"
                unpaired.append((found[lang][0].name, f"no {other} counterpart ({expected})"))
    return pairs, unpaired, ignored


def ingest_dir(
    store: Store,
    inbox: str | Path,
    *,
    extract_terms: bool = True,
    srclang: str = "fr-FR",
    tgtlang: str = "en-GB",
    progress: Progress | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """Ingest every pair in ``inbox`` (see :func:`find_pairs`), one transaction each; a pair that
    fails is reported in the summary and does not stop the others. ``progress`` hears of pairs done
    out of all, sentences aligned and the file being ingested.

    With ``jobs`` above 1, pairs are read, aligned and their terms extracted by that many processes
    at once (forked once the models are loaded, so they share them) while this one saves each pair in
    turn, in the inbox's order; a pair then weighs its terms against the memory as it was when its
    work began, not against the pairs of the same inbox still in flight.

    Ctrl-C raises :class:`IngestInterrupted`, whose summary has the pairs saved before it."""
    language_pair(srclang, tgtlang)
    pairs, unpaired, ignored = find_pairs(inbox, base_language(srclang), base_language(tgtlang))
    own = _store_files_in(store, inbox)
    summary = IngestSummary(failures=list(unpaired), ignored=[(name, why) for name, why in ignored if name not in own])
    sentences, current = 0, None
    options = dict(extract_terms=extract_terms, srclang=srclang, tgtlang=tgtlang)

    def report(number: int, step: Step) -> None:
        # the pair's stage is news, not a fraction of the pair: extraction is most of it, alignment
        # little, and counting stages as equal parts would make the time left swing
        progress(Step(number, len(pairs), sentences + step.count, step.item))

    def one_by_one():
        for number, (name, fr_path, en_path) in enumerate(pairs):
            yield number, name, fr_path, lambda: ingest_pair(
                store, fr_path, en_path, stem=name,
                progress=progress and (lambda step, n=number: report(n, step)), **options)

    try:
        for number, name, fr_path, ingest in (_in_parallel(store, pairs, jobs, options) if jobs > 1 and len(pairs) > 1
                                              else one_by_one()):
            current = name
            try:
                result = ingest()
                summary.results.append(result)
                sentences += result.sentences
            except (TmtoolError, OSError, UnicodeError, ValueError) as exc:
                summary.failures.append((name, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
            current = None
            if progress:
                progress(Step(number + 1, len(pairs), sentences, fr_path.name))
    except KeyboardInterrupt:
        raise IngestInterrupted(summary, current) from None
    return summary


def _store_files_in(store: Store, inbox: str | Path) -> set[str]:
    """The names of the store's SQLite file and of those SQLite keeps beside it, where the store lies in the inbox
    (``tmtool --db inbox/tmtool.db ingest --dir inbox``): no document passed over, not to be told as one."""
    path = Path(store.opened_from)
    if not path.is_file() or path.resolve().parent != Path(inbox).resolve():
        return set()
    return {path.name + suffix for suffix in ("", "-wal", "-shm", "-journal")}


def _in_parallel(store: Store, pairs: list, jobs: int, options: dict):
    """(number, name, French path, a call that saves the pair) for each pair, in order, the pairs
    prepared by ``jobs`` worker processes. The models are loaded before the workers are forked."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if options["extract_terms"] and terms_language(options["srclang"], options["tgtlang"]) == "fr":
        from .terms.french import load_model

        load_model()
    context = multiprocessing.get_context("fork")
    # a worker takes SIGTERM (a service stopping tells every process of the group) as it takes Ctrl-C: ended on
    # the spot instead, it would break the pool (BrokenProcessPool; Python 3.11 adds a traceback of its own when
    # this process is cancelling the pairs left)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=signal.signal,
                             initargs=(signal.SIGTERM, signal.default_int_handler)) as pool:
        futures = [pool.submit(_prepare_in_worker, store.opened_from, fr_path, en_path, name, options)
                   for name, fr_path, en_path in pairs]
        try:
            for number, ((name, fr_path, _), future) in enumerate(zip(pairs, futures)):
                yield number, name, fr_path, lambda future=future: _save_worker_result(store, future.result())
        finally:
            for future in futures:
                future.cancel()


def _prepare_in_worker(store_url: str, fr_path: Path, en_path: Path, name: str, options: dict):
    """A worker's part: the pair prepared against the store (read only), or the error's one line
    (exceptions with arguments of their own do not all cross a process boundary)."""
    try:
        with open_store(store_url) as store:
            return prepare_pair(store, fr_path, en_path, stem=name, **options)
    except (TmtoolError, OSError, UnicodeError, ValueError) as exc:
        # of its kind (a file that cannot be read is Invalid in a worker as in the process that asked)
        kind = type(exc) if isinstance(exc, TmtoolError) else TmtoolError
        return kind(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def _save_worker_result(store: Store, prepared) -> IngestResult:
    if isinstance(prepared, TmtoolError):
        raise prepared
    return prepared if isinstance(prepared, IngestResult) else save_prepared(store, prepared)
