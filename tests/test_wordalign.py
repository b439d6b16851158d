"""The word aligner's training arrays against a plain reading of their definition: one entry per
(sentence, French position or NULL, English position or NULL), in that order, and each cell's prior
from the dictionary and cognates — the vectorised construction must give the same arrays, bit for bit,
so the trained model and the glossary built on it do not change."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.terms import dictionary, wordalign
from tmtool.text.normalize import french_elision
from tmtool.terms.wordalign import (COGNATE_PSEUDO_COUNT, DICTIONARY_PSEUDO_COUNT, IDENTICAL_PSEUDO_COUNT,
                                    NULL_PROBABILITY, Word, WordAligner, _Cells, _diagonal, cognate)


def reference_cells(encoded, width):
    """Entries sentence by sentence: forward (each English word from French word i or NULL) then
    backward (each French word from English word j or NULL); keys, groups and weights per entry."""
    keys, fwd_group, fwd_weight, bwd_group, bwd_weight = [], [], [], [], []
    fwd_next = bwd_next = 0
    for fr, en in encoded:
        m, n = len(fr), len(en)
        diagonal = _diagonal(m, n)
        rows = diagonal / diagonal.sum(axis=1, keepdims=True)
        for i, f in enumerate([0, *fr]):
            for j, e in enumerate(en):
                keys.append(f * width + e)
                fwd_group.append(fwd_next + j)
                fwd_weight.append(NULL_PROBABILITY if i == 0 else (1 - NULL_PROBABILITY) * diagonal[i - 1, j])
                bwd_group.append(-1)
                bwd_weight.append(0.0)
        fwd_next += n
        for i, f in enumerate(fr):
            for j, e in enumerate([0, *en]):
                keys.append(f * width + e)
                fwd_group.append(-1)
                fwd_weight.append(0.0)
                bwd_group.append(bwd_next + i)
                bwd_weight.append(NULL_PROBABILITY if j == 0 else (1 - NULL_PROBABILITY) * rows[i, j - 1])
        bwd_next += m
    pair_ids, cell = np.unique(np.array(keys, dtype=np.int64), return_inverse=True)
    return pair_ids, cell, fwd_group, fwd_weight, bwd_group, bwd_weight


sentences = st.lists(st.tuples(st.lists(st.integers(1, 6), min_size=1, max_size=7),
                               st.lists(st.integers(1, 5), min_size=1, max_size=7)), max_size=6)


@settings(max_examples=200, deadline=None)
@given(sentences)
def test_cells_are_the_entries_of_every_sentence_in_order(encoded):
    width = 6
    cells = _Cells(encoded, width)
    pair_ids, cell, fwd_group, fwd_weight, bwd_group, bwd_weight = reference_cells(encoded, width)
    assert np.array_equal(cells.pair_ids, pair_ids)
    for direction, group, weight in ((cells.forward, fwd_group, fwd_weight), (cells.backward, bwd_group, bwd_weight)):
        mine = [i for i, g in enumerate(group) if g >= 0]  # the entries of this direction, in order
        assert direction.cell.tolist() == cell[mine].tolist()
        assert direction.group.tolist() == [group[i] for i in mine]
        assert direction.distortion.tolist() == [weight[i] for i in mine]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([7, 300, 70_000]),  # the radix sort up to 16-bit vocabularies, np.unique beyond
       st.lists(st.tuples(st.integers(0, 70_000), st.integers(0, 69_999)), max_size=60))
def test_unique_keys_are_numpys_whatever_the_vocabulary_size(width, cells):
    keys = np.array([f * width + e % width for f, e in cells], dtype=np.int64)
    found, inverse = wordalign._unique_keys(keys, width)
    expected, expected_inverse = np.unique(keys, return_inverse=True)
    assert np.array_equal(found, expected) and np.array_equal(inverse, expected_inverse)


def reference_prior(fr_word: str, en_word: str) -> float:
    fk, ek = dictionary.key(fr_word), dictionary.key(en_word)
    value = DICTIONARY_PSEUDO_COUNT if (fk, ek) in dictionary.word_pairs() else 0.0
    if fk == ek and len(fk) >= 3:
        value += IDENTICAL_PSEUDO_COUNT
    elif fk[:1] == ek[:1]:
        value += COGNATE_PSEUDO_COUNT * cognate(fr_word, en_word)
    return value


FRENCH = ["paix", "défense", "otan", "kosovo", "navires", "mer", "sécurité", "de", "la", "opérations", "2024",
          "nato"]
ENGLISH = ["peace", "defence", "nato", "kosovo", "ships", "sea", "security", "of", "the", "operations", "2024",
           "sécurité"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(FRENCH), min_size=1, max_size=6),
                          st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=6)), min_size=1, max_size=5))
def test_each_cell_prior_is_its_words_dictionary_identity_and_cognate_evidence(corpus):
    saved = dictionary.word_pairs
    known = frozenset((dictionary.key(fr), dictionary.key(en))
                      for fr, en in (("paix", "peace"), ("mer", "sea"), ("navires", "ships"), ("otan", "nato")))
    dictionary.word_pairs = lambda: known
    try:
        aligner = WordAligner(corpus)
        cells = _Cells([([aligner._fr_ids[w] for w in f], [aligner._en_ids[w] for w in e]) for f, e in corpus],
                       len(aligner._en_ids))
        f, e = cells.pair_ids // len(aligner._en_ids), cells.pair_ids % len(aligner._en_ids)
        prior = aligner._priors(f, e)
        expected = [0.0 if not i or not j else reference_prior(aligner._fr_words[i], aligner._en_words[j])
                    for i, j in zip(f.tolist(), e.tolist())]
    finally:
        dictionary.word_pairs = saved
    assert prior.tolist() == expected


def test_translations_follow_the_dictionary_read():
    assert all(en in dictionary.translations()[fr] for fr, en in list(dictionary.word_pairs())[:1000])
    assert sum(map(len, dictionary.translations().values())) == len(dictionary.word_pairs())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("lLdDqQuUsjJ’'- \t\u00a0aéÉ1_İ.,")) | st.characters(), max_size=40))
def test_word_texts_are_the_texts_of_words(text):
    assert wordalign.word_texts(text) == [w.text for w in wordalign.words(text)]


def reference_words(text):
    """``words`` as defined: each whitespace-separated piece, less the elided word that starts it, cut
    into words, with their offsets in the text."""
    found = []
    for piece in re.finditer(r"\S+", text):
        offset = piece.start() + french_elision(piece.group())
        found += [Word(w.group().lower(), offset + w.start(), offset + w.end())
                  for w in wordalign._WORD.finditer(text[offset:piece.end()])]
    return tuple(found)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("lLdDqQuUsjJ’'- \t\u00a0aéÉ1_İ.,")) | st.characters(), max_size=40))
def test_words_read_one_whitespace_separated_piece_at_a_time(text):
    assert wordalign.words.__wrapped__(text) == reference_words(text)


def test_word_texts_leave_out_elided_words():
    assert wordalign.word_texts("L’OTAN et jusqu'à l'l'Est, qu’il-s 2024") == [
        "otan", "et", "à", "l", "est", "il", "s", "2024"]
