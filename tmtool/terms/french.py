"""French analysis with spaCy: tokens with their part of speech, morphology and dependency head.

spaCy is loaded once per process, on first use, so that importing ``tmtool.terms`` stays cheap; named
entities are not computed with the parse: ``names`` asks the model's recogniser about the few
words around the candidates that need it. Words joined by a hyphen are merged into one
token before the parser sees them (*état-major*, *lieutenant-colonel*, *C-IED*), as the treebanks the
model was trained on write them. Analysis runs on a copy of the text whose typographic apostrophes and
no-break spaces are replaced one-for-one (same length), so token offsets point into the original text
and surface forms are shown as the author wrote them. A plural adjective the parser attached to a
singular noun complement goes to the plural noun it agrees with (``_number_repaired``).

The parse is most of an ingest's work and needs nothing else of it: ``analysing`` runs it in a process
of its own, forked once the model is loaded, while the caller does the rest on the other core.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from ..errors import TmtoolError
from ..text.normalize import sentence_case, spellings
from .acronyms import is_acronym
from . import lexicon

MODEL = "fr_core_news_sm"  # the spaCy package loaded (bench/ can compare another before loading)
_ANALYSIS_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})
_BATCH = 256  # sentences per nlp.pipe batch
_OPENING_QUOTES = frozenset({"«", '"', "“", "(", "["})
# a sentence the parser starts inside a segment starts the text's only after one of these (or a line break):
# elsewhere it is the parse's slip (*le général de brigade aérienne Marc Lefèvre, …, « la police du ciel … »*
# parsed as two sentences from *Marc*), and a capital there is a name's, not a sentence's
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", ":"})
# Relations of nominals: a word in one of them is a noun whatever its tag (the tagger reads unknown
# nouns as adverbs or verbs: *le prépositionnement*, *des wagons plats*), unless it is a word of grammar.
_NOMINAL_RELATIONS = frozenset({"nsubj", "obj", "iobj", "obl", "nmod", "appos"})
_CONTENT_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "ADV", "VERB"})
_INSIDE_WORDS = frozenset("-'’")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # surface form: the characters as written, a heading in capitals as read (``analyse``)
    lemma: str
    pos: str  # universal part of speech (NOUN, PROPN, ADJ, VERB, ADP, DET, CCONJ, NUM, PUNCT …)
    dep: str  # relation to the head
    head: int  # index of the head in the sentence; the root is its own head
    gender: str | None  # "masculine" / "feminine" where the word shows it
    plural: bool
    singular: bool  # the tagger's number; neither for invariable or unknown words (*pays*)
    start: int  # character offset in the sentence
    sentence_initial: bool
    participle: bool  # a past or present participle (a verb that may modify a noun)
    nominal: bool  # a noun or a proper noun made of words (see ``_nominal``)
    stop: bool  # a word of grammar (spaCy's French stop list: *ensemble*, *davantage*, *plus*)

    @property
    def is_acronym(self) -> bool:
        return is_acronym(self.text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def __reduce__(self):
        # the parse worker sends every token through a pipe: rebuilt from its fields' values, a token
        # unpickles in half the time of the field-by-field state that frozen dataclasses pickle
        return Token, tuple(getattr(self, name) for name in self.__slots__)


@lru_cache(maxsize=1)
def _nlp():
    try:
        import spacy
        from spacy.language import Language

        if not Language.has_factory("tmtool_merge_hyphens"):
            Language.component("tmtool_merge_hyphens", func=_merge_hyphenated)
        nlp = spacy.load(MODEL, disable=["ner"])  # loaded, not run with the parse: see ``names``
    except (ImportError, OSError) as exc:  # the model is a declared dependency; say so if it is missing
        raise TmtoolError(f"French model {MODEL} is not installed ({exc.__class__.__name__})") from exc
    nlp.add_pipe("tmtool_merge_hyphens", first=True)
    _remember_lemmas(nlp.get_pipe("lemmatizer"))
    lexicon.load()  # before the parse worker forks, which reads it too
    # The model is half a million objects that live as long as the process: out of the cyclic
    # collector's sight, which would otherwise walk them all at each full collection (0.35 s, a
    # fifth of an ingest's own CPU; bench/README.md), and touch their pages in the parse worker.
    # Garbage is collected first, as ``check.load_glossary`` does, so that none is frozen with it.
    gc.collect()
    gc.freeze()
    return nlp


def _remember_lemmas(lemmatizer) -> None:
    """spaCy's French rule lemmatizer was two thirds of the parse (136 sentences/s): its index of known
    words is a list of 66,000 nouns, read through for each word and each candidate form, and it caches
    only the words that list holds. The index becomes a set and every word's lemma is remembered (a
    lemma depends only on the text and the part of speech): 385 sentences/s warm, the same lemmas."""
    index = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(index.items()):
        index[key] = frozenset(words)
    rule = lemmatizer.lemmatize
    known: dict[tuple[int, int], list[str]] = {}

    def lemmatize(token) -> list[str]:
        key = (token.orth, token.pos)
        if key not in known:
            known[key] = rule(token)
        return known[key]

    lemmatizer.lemmatize = lemmatize


def load_model() -> None:
    """Load spaCy now (benchmarks time extraction apart from model loading)."""
    _nlp()


def model_loaded() -> bool:
    """Whether this process has loaded the model (loading it takes seconds: ingest says so while it does)."""
    return _nlp.cache_info().currsize > 0


def analyse(sentences: Sequence[str], written: dict[str, str] | None = None) -> list[list[Token]]:
    """The tokens of each sentence, parsed; a heading in capitals read in sentence case, each word as
    the input writes it elsewhere (``written``: ``normalize.spellings`` of the whole input, else of
    these sentences), so that a heading's capitals make no acronyms and spoil none."""
    written = spellings(sentences) if written is None else written
    cased = [sentence_case(s, written) for s in sentences]
    texts = [s.translate(_ANALYSIS_FOLD) for s in cased]
    return [_number_repaired(_tokens(doc, text)) for doc, text in zip(_nlp().pipe(texts, batch_size=_BATCH), cased)]


def names(sentences: Sequence[str], label: str = "PER") -> list[list[tuple[int, int]]]:
    """Character spans (start, end) of the names of persons in each text: the entities the model's
    named-entity recogniser labels PER (or ``label``: LOC, the names of places). It reads the words
    alone (its own embedding of their forms, not the parser's), so it runs on the tokenised text, as
    written but for the parse's reading of a heading in capitals (it was trained on text as written;
    the parse's folding of no-break spaces changes its reading of *l'exercice « Baltic Shield »*). Run
    on every sentence it would add three quarters to the parse's CPU time (bench/README.md, ninth
    round): it is asked about a few words around a few candidates (``tmtool.terms.persons``)."""
    nlp = _nlp()
    if "ner" not in nlp.component_names:  # a model without a recogniser (``MODEL`` set to compare one)
        return [[] for _ in sentences]
    docs = nlp.get_pipe("ner").pipe((nlp.make_doc(text) for text in sentences), batch_size=_BATCH)
    return [[(e.start_char, e.end_char) for e in doc.ents if e.label_ == label] for doc in docs]


@contextmanager
def analysing(sentences: Sequence[str]) -> Iterator[Callable[[], list[list[Token]]]]:
    """``analyse(sentences)`` under way while the caller does other work: the call yielded gives the
    tokens. The parse runs in the parse worker when this process may have one and it is free (another
    thread's parse may hold it), else here, when the tokens are asked for; the tokens are the same."""
    worker = _free_worker()
    if worker is None:
        yield lambda: analyse(sentences)
        return
    received: list[list[list[Token]] | None] = []  # the worker's answer once read (None: parse here)
    try:
        worker.connection.send(list(sentences))
    except OSError:  # the worker is gone
        received.append(None)

    def tokens() -> list[list[Token]]:
        if not received:
            received.append(worker.receive())
        return received[0] if received[0] is not None else analyse(sentences)

    try:
        yield tokens
        if not received:
            received.append(worker.receive())  # the answer is read, so that the next parse gets its own
    except BaseException:
        if not received:
            worker.stop()  # not waited for (Ctrl-C); its answer would be taken for the next parse's
        raise
    finally:
        worker.busy.release()


class _Worker:
    """A process that parses for this one, forked with the model loaded (the pages are shared), over a
    pipe: one parse at a time (``busy``)."""

    def __init__(self):
        context = multiprocessing.get_context("fork")
        self.connection, theirs = context.Pipe()
        self.owner = os.getpid()
        self.busy = threading.Lock()
        self.process = context.Process(target=_serve, args=(theirs, self.connection), daemon=True)
        self.process.start()
        theirs.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()

    def receive(self) -> list[list[Token]] | None:
        """The tokens of the parse asked for; None if the worker failed (the caller parses them)."""
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            return None


_WORKER: _Worker | None = None


def _free_worker() -> _Worker | None:
    """This process's parse worker, started on first use and marked busy; None when it is busy or
    this process should not have one: a single core, a process that is itself a worker (``ingest
    --jobs``: the cores are taken), or threads running (a fork copies their locks, held or not)."""
    global _WORKER
    if _WORKER is None or _WORKER.owner != os.getpid() or not _WORKER.process.is_alive():
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        if (cores < 2 or multiprocessing.parent_process() is not None or threading.active_count() > 1
                or "fork" not in multiprocessing.get_all_start_methods()):
            return None
        _nlp()
        _WORKER = _Worker()
    return _WORKER if _WORKER.busy.acquire(blocking=False) else None


def _serve(connection, parents_end) -> None:
    """The worker's loop: sentences in, tokens out (None if the parse failed: the parent parses
    them again and meets the error itself). It ends when the parent is gone."""
    parents_end.close()  # the parent's end closed here too, so that its death ends ``recv``
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    while True:
        try:
            sentences = connection.recv()
        except (EOFError, OSError):  # the parent closed its end, or was killed (connection reset)
            return
        try:
            tokens = analyse(sentences)
        except Exception:
            tokens = None
        connection.send(tokens)


def _merge_hyphenated(doc):
    """Merge word-hyphen-word sequences written without spaces into one token."""
    spans = []
    i = 0
    while i < len(doc) - 2:
        j = i
        while (
            j + 2 < len(doc)
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and doc[j].text[-1:].isalnum()
            and doc[j + 2].text[:1].isalnum()
        ):
            j += 2
        if j > i:
            spans.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def _tokens(doc, original: str) -> list[Token]:
    tokens = []
    previous = ""
    for t in doc:
        text, pos, dep, stop = t.text, t.pos_, t.dep_, t.is_stop
        gender, plural, singular, participle, finite = _morphology(t.morph)
        if pos == "PROPN" and text[:1].islower():  # French writes a proper noun with a capital
            # a common noun, whose one inflection, number, the tagger left out with the proper noun's tag
            pos, plural = "NOUN", plural or t.lemma_.casefold() != text.casefold()
        if pos in ("NOUN", "ADJ") and text.islower() and lexicon.finite_verb_only(text):
            pos, finite = "VERB", True  # the tagger's slip on a sentence it misreads (*le Fonds investit*)
        tokens.append(
            Token(
                text=original[t.idx : t.idx + len(text)],
                lemma=t.lemma_,
                pos=pos,
                dep=dep,
                head=t.head.i,
                gender=gender,
                plural=plural,
                singular=singular,
                start=t.idx,
                sentence_initial=t.i == 0 or previous in _OPENING_QUOTES
                or (t.is_sent_start and (previous in _SENTENCE_ENDS or not previous.strip())),
                participle=participle,
                nominal=_nominal(text, pos, dep, stop, finite),
                stop=stop,
            )
        )
        previous = text
    return tokens


def _number_repaired(tokens: list[Token]) -> list[Token]:
    """The tokens with each plural adjective or participle that the parser attached to a singular noun
    complement just before it put on the plural noun that complement belongs to (*dépôts de carburant
    temporaires*: *temporaires* on *dépôts*, not *carburant*): French adjectives agree in number with
    their noun, which the parser does not check. It stays where the genders both show differ, where it
    is a word of grammar (*tels*) or a participle with complements of its own (a clause's verb)."""
    repaired = tokens
    for j, word in enumerate(tokens):
        noun = word.head
        if not (word.plural and word.dep in ("amod", "acl") and (word.pos == "ADJ" or word.participle) and noun < j):
            continue
        if word.stop:
            continue
        # a noun in -s or -x read as singular (*peptides*) shows no disagreement
        if not (tokens[noun].singular and tokens[noun].nominal and not tokens[noun].text.endswith(("s", "x"))):
            continue
        if any(tokens[k].dep != "amod" or not noun <= tokens[k].head < j for k in range(noun + 1, j)):
            continue  # the word does not follow its noun, or adjectives of it, directly
        target = noun
        while tokens[target].dep == "nmod" and tokens[target].head < target and not tokens[target].plural:
            target = tokens[target].head
        if target == noun or not tokens[target].plural or not tokens[target].nominal:
            continue
        if (word.gender and tokens[target].gender and word.gender != tokens[target].gender) or any(
            t.head == j and k != j for k, t in enumerate(tokens)
        ):
            continue
        if repaired is tokens:
            repaired = list(tokens)
        repaired[j] = replace(word, head=target)
    return repaired


_MORPHOLOGIES: dict[int, tuple[str | None, bool, bool, bool, bool]] = {}


def _morphology(morph) -> tuple[str | None, bool, bool, bool, bool]:
    """(gender, plural, singular, participle, finite verb) of a token's morphological analysis, read
    once per analysis: a model has a few hundred, each token asking them anew was a third of ``_tokens``."""
    if morph.key not in _MORPHOLOGIES:
        _MORPHOLOGIES[morph.key] = (
            {"Masc": "masculine", "Fem": "feminine"}.get(next(iter(morph.get("Gender")), "")),
            "Plur" in morph.get("Number"),
            "Sing" in morph.get("Number"),
            "Part" in morph.get("VerbForm"),
            "Fin" in morph.get("VerbForm"),
        )
    return _MORPHOLOGIES[morph.key]


@lru_cache(maxsize=65536)
def wordlike(text: str) -> bool:
    """Letters of the Latin script (digits too, as in acronyms: *G20*), hyphens and apostrophes
    inside, and at least one letter: not a web or e-mail address, a formula, a variable name or a
    symbol (*presse@nato.int*, *P_ref*, *N1.13*, *Ω*)."""
    return any(c.isalpha() for c in text) and all(
        c in _INSIDE_WORDS or c.isdigit() or (c.isalpha() and _latin(c)) for c in text
    )


@lru_cache(maxsize=4096)
def _latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def _nominal(text: str, pos: str, dep: str, stop: bool, finite: bool) -> bool:
    """A noun or a proper noun made of a word (``wordlike``): tagged so, or a content
    word (not a stop word, not a finite verb) in the relation of a nominal to its head."""
    if not wordlike(text):
        return False
    if pos in ("NOUN", "PROPN"):
        return True
    return dep.split(":")[0] in _NOMINAL_RELATIONS and pos in _CONTENT_TAGS and not stop and not finite
