"""Rebuild the English tagger and lemmatiser shipped in ``tmtool/text/en/data/`` from UD English EWT.

    .venv/bin/python bench/train_en_tagger.py [--data ../shared/data/ud-english-ewt] [--check]

Trains the averaged perceptron on ``train`` for up to ``--iterations`` passes, keeps the pass that tags
``dev`` best, then prunes rare and near-zero features as far as ``dev`` loses at most ``--tolerance``
(both choices on dev only). Writes ``tagger.npz`` (weights as float16), ``lemmas.json.gz`` and
``participles.json.gz`` (participles EWT shows before nouns, or only as verbs), then
reports on ``test``: UPOS accuracy, noun lemma accuracy, tagging speed; and the peers: the most
frequent tag of each word, and NLTK's averaged perceptron (``nltk.tag.perceptron``, trained on the same
sentences) when NLTK is installed. The output is the same on every run (seeded shuffle, integer
updates). ``--check`` writes nothing and fails when the rebuilt files differ from the shipped ones.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool.text.en import lemmas, training  # noqa: E402
from tmtool.text.en.tagger import Tagger  # noqa: E402
from tmtool.text.en.tokens import words  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "ud-english-ewt"
OUT = REPO / "tmtool" / "text" / "en" / "data"
# (minimum occurrences in train, minimum largest |weight|) tried for pruning, smallest model first
PRUNING = [(c, w) for c in (5, 3, 2, 1) for w in (1.0, 0.5, 0.25, 0.0)]
LEMMA_ALPHAS = (0.5, 1.0, 2.0, 4.0, 8.0)  # lemma back-off weights tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder of en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--iterations", type=int, default=12, help="most training passes tried (default 12)")
    parser.add_argument("--tolerance", type=float, default=0.0005, help="dev accuracy pruning may lose (0.0005)")
    parser.add_argument("--check", action="store_true", help="compare with the shipped files, write nothing")
    args = parser.parse_args()
    train, dev, test = (list(training.read_conllu(args.data / f"en_ewt-ud-{p}.conllu")) for p in ("train", "dev", "test"))
    print(f"EWT: {len(train)} / {len(dev)} / {len(test)} sentences, {_tokens(train)} / {_tokens(dev)} / {_tokens(test)} words")

    started = time.perf_counter()
    dev_scores = []
    features, tagdict, snapshots = training.train(
        train, args.iterations, after_iteration=lambda n, t: dev_scores.append(_report(n, t, dev))
    )
    best = max(range(len(dev_scores)), key=lambda i: (dev_scores[i], -i))
    print(f"trained in {time.perf_counter() - started:.0f} s; best pass on dev: {best + 1} ({dev_scores[best]:.4f})")
    lexicon = training.build_lexicon(train)
    chosen = None
    for min_count, min_weight in PRUNING:
        kept, weights = training.prune(features, snapshots[best], min_count, min_weight)
        accuracy = training.accuracy(Tagger(kept.spaces, weights, tagdict, lexicon), dev)
        print(f"  pruned: seen >= {min_count}, |weight| >= {min_weight}: {kept.rows} rows, dev {accuracy:.4f}")
        if accuracy >= dev_scores[best] - args.tolerance:
            chosen = (kept, weights)
            break
    kept, weights = chosen or (features, snapshots[best])

    lemmatizer = _lemmatizer(train, dev)
    with tempfile.TemporaryDirectory() as scratch:
        built = {name: Path(scratch) / name for name in ("tagger.npz", "lemmas.json.gz", "participles.json.gz")}
        Tagger(kept.spaces, weights, tagdict, lexicon).save(built["tagger.npz"])
        built["lemmas.json.gz"].write_bytes(_json_gz(lemmatizer.to_json()))
        built["participles.json.gz"].write_bytes(_json_gz(training.learn_participles(train)))
        tagger = Tagger.load(built["tagger.npz"])  # measured as shipped: float16 weights
        for name, path in built.items():
            print(f"{name}: {path.stat().st_size / 1e6:.2f} MB, sha256 {hashlib.sha256(path.read_bytes()).hexdigest()[:16]}")
        if args.check:
            differ = [n for n, p in built.items() if p.read_bytes() != (OUT / n).read_bytes()]
            if differ:
                raise SystemExit(f"rebuilt files differ from the shipped ones: {', '.join(differ)}")
            print("the shipped files are the rebuilt ones")
        else:
            for name, path in built.items():
                (OUT / name).write_bytes(path.read_bytes())

    print(f"\nUPOS accuracy: dev {training.accuracy(tagger, dev):.4f}, test {training.accuracy(tagger, test):.4f}")
    _lemma_report(lemmatizer, tagger, train, test)
    _speed(tagger, test)
    _baseline(train, test)
    _nltk(train, test)


def _tokens(sentences) -> int:
    return sum(len(s.words) for s in sentences)


def _report(iteration: int, tagger: Tagger, dev) -> float:
    accuracy = training.accuracy(tagger, dev)
    print(f"  pass {iteration}: dev {accuracy:.4f}", flush=True)
    return accuracy


def _json_gz(data: dict) -> bytes:
    """Gzip with no time stamp and no file name, so that a rebuild is byte for byte the same."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        gz.write(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode())
    return out.getvalue()


def _lemmatizer(train, dev) -> lemmas.Lemmatizer:
    """The lemmatiser whose back-off weight (``lemmas.learn``'s alpha) lemmatises best the nouns and
    verbs of dev unseen in train (then its adjectives: ties), with their gold tags, one per word type."""
    tokens = _lemma_tokens(train)
    scored = []
    for alpha in LEMMA_ALPHAS:
        lemmatizer = lemmas.learn(tokens, alpha)
        right, total = _unseen_lemmas(lemmatizer, tokens, dev)
        nv, nva = (sum(right[t] for t in tags) / sum(total[t] for t in tags) for tags in (("NOUN", "VERB"), ("NOUN", "VERB", "ADJ")))
        counts = ", ".join(f"{t} {right[t]}/{total[t]}" for t in total)
        print(f"  lemma back-off alpha {alpha}: dev unseen types {counts}; nouns and verbs {nv:.4f}, with adjectives {nva:.4f}")
        scored.append((nv, nva, -alpha, lemmatizer))
    return max(scored, key=lambda s: s[:3])[3]


def _lemma_tokens(sentences) -> list[tuple[str, str, str, bool]]:
    return [(w, t, l, p) for s in sentences for w, t, l, p in zip(s.words, s.tags, s.lemmas, s.plural)]


def _unseen_lemmas(lemmatizer: lemmas.Lemmatizer, train_tokens, part) -> tuple[Counter, Counter]:
    """Right and total lemmas, per tag, of the word types (tag, lower-cased form) of ``part`` that train
    lacks, each with its most frequent gold lemma: the words the suffix rules decide."""
    known = {(t, w.lower()) for w, t, _, _ in train_tokens}
    gold: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for s in part:
        for word, tag, lemma in zip(s.words, s.tags, s.lemmas):
            if tag in ("NOUN", "VERB", "ADJ") and (tag, word.lower()) not in known:
                gold[(tag, word)][lemma.lower()] += 1
    right, total = Counter(), Counter()
    for (tag, word), lemmas_ in sorted(gold.items()):
        total[tag] += 1
        right[tag] += lemmatizer.lemma(word, tag).lower() == lemmas_.most_common(1)[0][0]
    return right, total


def _lemma_report(lemmatizer: lemmas.Lemmatizer, tagger: Tagger, train, test) -> None:
    """Lemma accuracy on test NOUN tokens (case-insensitive: EWT writes noun lemmas in lower case),
    with the gold tag and with the tagger's; and on the test word types train lacks, per tag."""
    predicted = tagger.tag_sentences([s.words for s in test])
    gold_right = tagged_right = total = unseen = unseen_right = 0
    for s, tags in zip(test, predicted):
        for word, tag, lemma, guess in zip(s.words, s.tags, s.lemmas, tags):
            if tag != "NOUN":
                continue
            total += 1
            ok = lemmatizer.lemma(word, "NOUN").lower() == lemma.lower()
            gold_right += ok
            tagged_right += lemmatizer.lemma(word, guess).lower() == lemma.lower()
            if word.lower() != lemma.lower() and word.lower() not in lemmatizer.plural_nouns:
                unseen += 1
                unseen_right += ok
    print(
        f"noun lemmas (test, {total} NOUN tokens): {gold_right / total:.4f} with the gold tag, "
        f"{tagged_right / total:.4f} with the tagger's; plural nouns unseen in train: {unseen_right}/{unseen}"
    )
    right, types = _unseen_lemmas(lemmatizer, _lemma_tokens(train), test)
    counts = ", ".join(f"{t} {right[t]}/{types[t]}" for t in types)
    print(f"lemmas of test word types unseen in train (gold tag): {counts}")


def _speed(tagger: Tagger, test) -> None:
    sentences = [s.words for s in test]
    count = _tokens(test)
    tagger.tag_indices(sentences)  # the word-type cache filled once, as in a long run
    tag_time = min(_timed(lambda: tagger.tag_indices(sentences)) for _ in range(5))
    cold = Tagger(tagger.spaces, tagger.weights, tagger.tagdict, tagger.lexicon)
    cold_time = _timed(lambda: cold.tag_indices(sentences))
    texts = [s.text for s in test]
    full_time = min(_timed(lambda: tagger.tag_indices([words(t) for t in texts])) for _ in range(5))
    print(
        f"speed (test, {count} words, one core): {count / tag_time:,.0f} words/s tagging, "
        f"{count / cold_time:,.0f} words/s with every word new to the cache, "
        f"{count / full_time:,.0f} words/s tokenising raw sentences and tagging"
    )


def _timed(job) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def _baseline(train, test) -> None:
    """Each word's most frequent tag in train; an unseen word: PROPN if capitalised, else NOUN."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in train:
        for word, tag in zip(s.words, s.tags):
            counts[word][tag] += 1
    right = 0
    for s in test:
        for word, tag in zip(s.words, s.tags):
            guess = counts[word].most_common(1)[0][0] if word in counts else ("PROPN" if word[:1].isupper() else "NOUN")
            right += guess == tag
    print(f"most frequent tag baseline: test {right / _tokens(test):.4f}")


def _nltk(train, test) -> None:
    try:
        import nltk
        from nltk.tag.perceptron import PerceptronTagger
    except ImportError:
        print("NLTK is not installed: no peer tagger measured")
        return
    peer = PerceptronTagger(load=False)
    started = time.perf_counter()
    peer.train([list(zip(s.words, s.tags)) for s in train], nr_iter=5)
    trained = time.perf_counter() - started
    sentences = [list(s.words) for s in test]
    started = time.perf_counter()
    predicted = [[t for _, t in peer.tag(words)] for words in sentences]
    elapsed = time.perf_counter() - started
    right = sum(p == g for s, tags in zip(test, predicted) for p, g in zip(tags, s.tags))
    print(
        f"NLTK {nltk.__version__} PerceptronTagger trained on the same sentences (5 passes, {trained:.0f} s): "
        f"test {right / _tokens(test):.4f}, {_tokens(test) / elapsed:,.0f} words/s"
    )


if __name__ == "__main__":
    main()
