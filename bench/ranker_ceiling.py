"""How far the features the glossary ranks by can go: a trained combination against the shipped score.

    .venv/bin/python bench/ranker_ceiling.py [--train dev|dev,test] [--penalty 5] [--english]
        [--sets dev,test,heldout,unseen,fresh,fresh2]

The bilingual score (``equivalents.paired_entries``) multiplies a handful of factors, each chosen on
the development pairs or ACTER DEV. This asks whether another weighting of the same evidence would
rank the gold terms higher: a logistic regression over every feature the score is made of (French
score, its value as a unit, C-value frequency, mean, least and greatest word weirdness, the shape
flags, name, acronym, definition, the equivalent's confidence, a word left out, English words of
grammar, words, capital), trained on the gold pairs of ``--train`` (an entry is positive when its
pair is right, ``bench/terms.py``'s metric) and scored on every set at the shipped score's own
budget: each document gets as many proposals as the shipped score puts above the threshold, the
learned ranking fills them with its best. Candidates are all those paired down to a bilingual
score of 0.1 (gold alignment). If the learned weighting barely beats the shipped one on the held-out
pairs, the features are spent: more pairs right at the same budget need evidence the score does not
have yet, not other weights. ``--english`` adds four features of the English side (the specificity of the
equivalent's words against general English, measured as the French; a compound without words of grammar;
every word capitalised; its words less the French term's content words).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terms import datasets, entry_forms, fold  # noqa: E402

from tmtool.terms import DEFAULT_THRESHOLD, termhood  # noqa: E402
from tmtool.terms.candidates import term_key  # noqa: E402
from tmtool.terms.equivalents import (  # noqa: E402
    _ENGLISH_LINKS, _acronym_pairs, _EquivalentFinder, analyse_french, leaves_out_words, paired_entries,
)
from tmtool.terms.french import load_model  # noqa: E402

POOL = 0.1  # bilingual score down to which entries are paired and ranked
FEATURES = ("log French score", "log unit score", "log2(1 + frequency)", "specificity", "least weirdness",
            "greatest weirdness", "single word", "article complement", "coordinated", "numbered", "name",
            "acronym", "defined", "confidence", "has an equivalent", "word left out", "content words (≤ 4)",
            "English words of grammar", "capital", "log bilingual score")
ENGLISH_FEATURES = ("English specificity", "English compound", "English capitals", "English words less French")


@lru_cache(maxsize=65536)
def _general_english(word: str) -> float:
    from wordfreq import zipf_frequency

    zipf = min((zipf_frequency(p, "en") for p in re.split(r"[-'’]", word) if p), default=0.0)
    return 10 ** (max(zipf, termhood._UNKNOWN_ZIPF) - 9)


def english_specificity(phrase: str, counts: Counter, total: int) -> float:
    """``termhood.specificity`` of an English phrase, against general English."""
    words = [w.lower() for w in phrase.split() if any(c.isalpha() for c in w) and w.lower() not in _ENGLISH_LINKS]
    values, measured = [], []
    for word in words:
        ratio = max(counts[word], 1) / total / _general_english(word)
        values.append(min(termhood._MAX_WEIRDNESS, max(0.0, math.log10(ratio))) / termhood._MAX_WEIRDNESS)
        if total * _general_english(word) >= termhood._MEASURED:
            measured.append(values[-1])
    return min([sum(values) / len(values), *measured]) if values else 0.0


def rows(english_side: bool = False, sets: tuple[str, ...] = ("dev", "test", "heldout")
         ) -> list[tuple[str, str, list[float], bool, float]]:
    """(set, document, features, pair right, shipped score) of every entry of the pairs of ``sets`` paired down
    to ``POOL``."""
    found = []
    for dataset in datasets(sets):
        gold = dataset.gold()
        if gold is None:
            continue
        pairs = dataset.pairs("gold")
        analysis = analyse_french(pairs)
        finder = _EquivalentFinder(pairs, (), (), _acronym_pairs(pairs, analysis))
        gold_pairs = [({fold(f) for f in item["fr"]}, {fold(e) for e in item["en"]}) for item in gold]
        counts, total = analysis.words, analysis.words.total()
        english_counts = Counter(w.lower() for c in pairs for w in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", c.en))
        for entry in paired_entries(analysis, pairs, finder, POOL):
            french = entry.terms[0]
            candidate = analysis.candidates[term_key(french.text)]
            english = next((t for t in entry.terms if t.lang != "fr"), None)
            words = [w.lower() for w in candidate.content_words if any(c.isalpha() for c in w)]
            weird = [termhood.weirdness(counts, total, w) for w in words] or [0.0]
            features = [
                math.log(max(analysis.scores[candidate.key], 1e-3)),
                math.log(max(analysis.units.get(candidate.key, 0.0), 1e-3)),
                math.log2(1 + candidate.frequency),
                termhood.specificity(candidate, counts, total), min(weird), max(weird),
                len(candidate.content_words) == 1, candidate.article_complement, candidate.coordinated,
                candidate.numbered, candidate.name, candidate.acronym, bool(candidate.defined_by),
                (english.confidence or 0.0) if english else 0.0, english is not None,
                english is not None and leaves_out_words(french.text, english.text),
                min(len(candidate.content_words), 4),
                english is not None and any(w.lower() in _ENGLISH_LINKS for w in english.text.split()),
                french.text[:1].isupper(), math.log(max(entry.score, 1e-3)),
            ]
            if english_side:
                words_en = english.text.split() if english else []
                features += [
                    english_specificity(english.text, english_counts, english_counts.total()) if english else 0.0,
                    len(words_en) >= 2 and not any(w.lower() in _ENGLISH_LINKS for w in words_en),
                    bool(words_en) and all(w[:1].isupper() for w in words_en),
                    len(words_en) - len(candidate.content_words) if english else 0.0,
                ]
            fr_forms, en_forms = entry_forms(entry, "fr"), entry_forms(entry, "en")
            right = any(fr_forms & g_fr and en_forms & g_en for g_fr, g_en in gold_pairs)
            found.append((dataset.role, dataset.name, [float(f) for f in features], right, entry.score))
    return found


def train(x: np.ndarray, y: np.ndarray, penalty: float, steps: int = 3000, rate: float = 0.1) -> np.ndarray:
    """Logistic regression by gradient descent, L2 ``penalty`` on the weights (the last is the bias)."""
    x = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(x.shape[1])
    for _ in range(steps):
        error = 1 / (1 + np.exp(-(x @ weights))) - y
        gradient = x.T @ error / len(y)
        gradient[:-1] += penalty * weights[:-1] / len(y)
        weights -= rate * gradient
    return weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="dev", help="sets trained on, comma-separated (dev, test)")
    parser.add_argument("--penalty", type=float, default=5.0, help="L2 penalty of the regression")
    parser.add_argument("--english", action="store_true", help="add the English side's features")
    parser.add_argument("--sets", default="dev,test,heldout",
                        help="sets read, comma-separated (bench/terms.py's: unseen, fresh … only when named)")
    args = parser.parse_args()
    load_model()
    data = rows(args.english, tuple(args.sets.split(",")))
    feature_names = FEATURES + (ENGLISH_FEATURES if args.english else ())
    roles = np.array([r[0] for r in data])
    documents = np.array([r[1] for r in data])
    x = np.array([r[2] for r in data])
    y = np.array([r[3] for r in data], dtype=float)
    shipped = np.array([r[4] for r in data])
    trained_on = np.isin(roles, args.train.split(","))
    mean, spread = x[trained_on].mean(axis=0), x[trained_on].std(axis=0) + 1e-9
    z = (x - mean) / spread
    weights = train(z[trained_on], y[trained_on], args.penalty)
    learned = np.hstack([z, np.ones((len(z), 1))]) @ weights
    print(f"trained on {args.train} ({int(y[trained_on].sum())} right pairs among {int(trained_on.sum())} "
          f"entries), L2 penalty {args.penalty}; weights on standardised features:")
    print("  " + ", ".join(f"{name} {w:+.2f}" for name, w in zip(feature_names, weights)))
    print()
    print("| set | documents | proposals (shipped score ≥ threshold) | pairs right, shipped score "
          "| pairs right, learned ranking at the same budget |")
    print("|---|---|---|---|---|")
    for role in dict.fromkeys(roles):
        budget = shipped_right = learned_right = 0
        names = sorted(set(documents[roles == role]))
        for name in names:
            here = (roles == role) & (documents == name)
            above = shipped[here] >= DEFAULT_THRESHOLD
            best = np.argsort(-learned[here], kind="stable")[: int(above.sum())]
            budget += int(above.sum())
            shipped_right += int(y[here][above].sum())
            learned_right += int(y[here][best].sum())
        print(f"| {role} | {len(names)} | {budget} | {shipped_right} | {learned_right} |")


if __name__ == "__main__":
    main()
