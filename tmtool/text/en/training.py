"""Training the English tagger on CoNLL-U (UD English EWT): used by ``bench/train_en_tagger.py``.

The perceptron is averaged with the running-sum trick: each update ``d`` at step ``c`` also adds
``c * d`` to a second matrix ``U``, and the average of all the weight vectors seen is ``W - U / c``.
Training is deterministic: sentence order is shuffled by a seeded generator and ties go to the first tag.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from .phrases import PARTICIPLE
from .tagger import (
    BIGRAMS,
    FIRST_FEATURE_ROW,
    HISTORY,
    PADS,
    PAIR_SPACE,
    PREV2_ROW,
    PREV_ROW,
    SPACES,
    START,
    TABLE_COLUMNS,
    TABLE_OFFSETS,
    TAG_PREFIX,
    TAGS,
    ZERO_ROW,
    Tagger,
    table_values,
    word_features,
)

TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
FOLDS = 10


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    words: tuple[str, ...]
    tags: tuple[str, ...]  # UPOS
    lemmas: tuple[str, ...]
    plural: tuple[bool, ...]  # Number=Plur in the features
    relations: tuple[str, ...]  # dependency relations


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file, syntactic words only (no multiword-token lines, no empty nodes)."""
    text, rows = "", []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# text = "):
                text = line[9:].rstrip("\n")
            elif not line.strip():
                if rows:
                    yield Sentence(text, *map(tuple, zip(*rows)))
                text, rows = "", []
            elif not line.startswith("#"):
                cols = line.rstrip("\n").split("\t")
                if cols[0].isdigit():
                    rows.append((cols[1], cols[3], cols[2], "Number=Plur" in cols[5].split("|"), cols[7]))
    if rows:
        yield Sentence(text, *map(tuple, zip(*rows)))


def build_tagdict(sentences: Sequence[Sentence], min_count: int = 20, min_share: float = 0.97) -> dict[str, int]:
    """Words seen at least ``min_count`` times with one tag at least ``min_share`` of the time."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sentences:
        for word, tag in zip(s.words, s.tags):
            counts[word][tag] += 1
    tagdict = {}
    for word in sorted(counts):
        (tag, top), total = counts[word].most_common(1)[0], sum(counts[word].values())
        if total >= min_count and top / total >= min_share:
            tagdict[word] = TAG_INDEX[tag]
    return tagdict


@dataclass
class FeatureSet:
    spaces: list[dict[str, int]]  # as Tagger.spaces
    counts: np.ndarray  # occurrences of each row in training
    rows: int


def build_lexicon(sentences: Sequence[Sentence], min_share: float = 0.05) -> dict[str, str]:
    """Each lower-cased word's ambiguity class: the tags it had at least ``min_share`` of the time.
    Regular inflections of the nouns and verbs seen (*rely* → *relies*, *relied*, *relying*) that were
    not seen themselves get the class of their base, so that an unseen form of a known word is not
    taken for a word of another kind."""
    counts: dict[str, Counter] = defaultdict(Counter)
    inflected: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        for word, tag, lemma in zip(s.words, s.tags, s.lemmas):
            counts[word_features(word, {})[0]][tag] += 1
            if tag in ("NOUN", "VERB") and lemma.isalpha() and lemma.islower():
                for form in _inflections(lemma, tag):
                    inflected[form].add(tag)
    lexicon = {}
    for word, tags in counts.items():
        total = sum(tags.values())
        lexicon[word] = "|".join(sorted(t for t, n in tags.items() if n >= min_share * total))
    for word in sorted(inflected.keys() - lexicon.keys()):
        lexicon[word] = "|".join(sorted(inflected[word]))
    return lexicon


def _inflections(lemma: str, tag: str) -> list[str]:
    """The regular plural of a noun; the -s, -ed and -ing forms of a verb."""
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        plural = lemma + "es"
    elif len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        plural = lemma[:-1] + "ies"
    else:
        plural = lemma + "s"
    if tag == "NOUN":
        return [plural]
    if lemma.endswith("e"):
        past, gerund = lemma + "d", (lemma[:-1] if not lemma.endswith(("ee", "ye", "oe")) else lemma) + "ing"
    elif len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, gerund = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, gerund = lemma + "ed", lemma + "ing"
    return [plural, past, gerund]


def build_features(sentences: Sequence[Sentence], lexicons: Sequence[dict[str, str]]) -> FeatureSet:
    """Every feature value seen in training gets a row; the rows of a space are consecutive.
    ``lexicons[n]`` gives the ambiguity classes seen by sentence ``n``."""
    values: list[Counter] = [Counter() for _ in SPACES]
    for s, lexicon in zip(sentences, lexicons):
        padded = (PADS[1], PADS[0], *s.words, PADS[2], PADS[3])
        features = [word_features(w, lexicon) for w in padded]
        table = [table_values(f) for f in features]
        for i in range(2, len(padded) - 2):
            for column, offset in enumerate(TABLE_OFFSETS):
                values[column][table[i + offset][column]] += 1
            if i == 2:
                values[TABLE_COLUMNS - 1][table[i][TABLE_COLUMNS - 1]] += 1
            for column, (a, b) in enumerate(BIGRAMS, start=TABLE_COLUMNS):
                values[column][f"{features[i + a][0]} {features[i + b][0]}"] += 1
            previous = TAG_INDEX[s.tags[i - 3]] if i > 2 else START
            values[PAIR_SPACE][TAG_PREFIX[previous] + features[i][0]] += 1
    spaces, counts, row = [], [0] * FIRST_FEATURE_ROW, FIRST_FEATURE_ROW
    for space_values in values:
        ordered = sorted(space_values)
        spaces.append({v: row + k for k, v in enumerate(ordered)})
        counts += [space_values[v] for v in ordered]
        row += len(ordered)
    return FeatureSet(spaces, np.array(counts, dtype=np.int64), row)


def train(
    sentences: Sequence[Sentence],
    iterations: int,
    seed: int = 1,
    tagdict: dict[str, int] | None = None,
    after_iteration: Callable[[int, Tagger], None] | None = None,
) -> tuple[FeatureSet, dict[str, int], list[np.ndarray]]:
    """Train for ``iterations`` passes; returns the features, the tag dictionary and the averaged
    weights after each pass (``after_iteration(n, tagger)`` sees each averaged model as it comes)."""
    tagdict = build_tagdict(sentences) if tagdict is None else tagdict
    # A sentence sees the ambiguity classes of the other folds only, as a new text would: a word
    # unseen there is "?" as often in training as it will be in use.
    folds = [build_lexicon([s for n, s in enumerate(sentences) if n % FOLDS != k]) for k in range(FOLDS)]
    lexicons = [folds[n % FOLDS] for n in range(len(sentences))]
    features = build_features(sentences, lexicons)
    weights = np.zeros((features.rows, len(TAGS)))
    totals = np.zeros_like(weights)
    static: list[np.ndarray] = [np.empty(0)] * len(sentences)
    for k, lexicon in enumerate(folds):
        blank = Tagger(features.spaces, weights, tagdict, lexicon)  # for its feature rows only
        for n in range(k, len(sentences), FOLDS):
            static[n] = blank.static_rows([sentences[n].words])[0]
    lexicon = build_lexicon(sentences)
    norms = [[word_features(w, {})[0] for w in s.words] for s in sentences]
    fixed = [[tagdict.get(w, -1) for w in s.words] for s in sentences]
    gold = [[TAG_INDEX[t] for t in s.tags] for s in sentences]
    pairs = features.spaces[PAIR_SPACE]
    order = list(range(len(sentences)))
    shuffle = random.Random(seed).shuffle
    step = 1
    snapshots = []
    for iteration in range(1, iterations + 1):
        shuffle(order)
        for n in order:
            p1 = p2 = START
            for k, rows in enumerate(static[n]):
                guess = fixed[n][k]
                if guess < 0:
                    pair = pairs.get(TAG_PREFIX[p1] + norms[n][k], ZERO_ROW)
                    every = np.concatenate([rows, (PREV_ROW + p1, PREV2_ROW + p2 * HISTORY + p1, pair)])
                    guess = int(weights[every].sum(axis=0).argmax())
                    truth = gold[n][k]
                    if guess != truth:
                        weights[every, truth] += 1
                        weights[every, guess] -= 1
                        totals[every, truth] += step
                        totals[every, guess] -= step
                        weights[ZERO_ROW] = totals[ZERO_ROW] = 0
                    step += 1
                p2, p1 = p1, guess
        averaged = weights - totals / step
        snapshots.append(averaged)
        if after_iteration is not None:
            after_iteration(iteration, Tagger(features.spaces, averaged, tagdict, lexicon))
    return features, tagdict, snapshots


def prune(features: FeatureSet, weights: np.ndarray, min_count: int, min_weight: float) -> tuple[FeatureSet, np.ndarray]:
    """Drop feature rows seen fewer than ``min_count`` times in training or whose weights are all
    below ``min_weight`` in magnitude; the fixed rows (bias, previous tags) stay."""
    keep = (features.counts >= min_count) & (np.abs(weights).max(axis=1) >= min_weight)
    keep[:FIRST_FEATURE_ROW] = True
    new_row = np.cumsum(keep) - 1
    spaces = [{v: int(new_row[r]) for v, r in space.items() if keep[r]} for space in features.spaces]
    return FeatureSet(spaces, features.counts[keep], int(keep.sum())), weights[keep]


def accuracy(tagger: Tagger, sentences: Sequence[Sentence]) -> float:
    predicted = tagger.tag_indices([s.words for s in sentences])
    gold = [TAG_INDEX[t] for s in sentences for t in s.tags]
    return sum(p == g for p, g in zip(predicted, gold)) / len(gold)


def learn_participles(sentences: Sequence[Sentence], min_count: int = 3) -> dict[str, list[str]]:
    """Participle-like words (-ed, -en, -wn, -ing; tagged VERB or ADJ) that modify a noun
    (relation ``amod``) somewhere in ``sentences``, and those seen ``min_count`` times or more that
    never do (*received*, *deployed*): the noun phrase grammar reads the first as adjectives and
    the second as the verbs they are."""
    seen: Counter = Counter()
    modifying: Counter = Counter()
    for s in sentences:
        for word, tag, relation in zip(s.words, s.tags, s.relations):
            lower = word.lower()
            if tag in ("VERB", "ADJ") and PARTICIPLE.search(lower):
                seen[lower] += 1
                modifying[lower] += relation.startswith("amod")
    return {
        "modifiers": sorted(w for w in seen if modifying[w]),
        "clausal": sorted(w for w in seen if not modifying[w] and seen[w] >= min_count),
    }
