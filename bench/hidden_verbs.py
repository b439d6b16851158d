"""The English tagger's UPOS accuracy on UD English EWT with and without ``phrases.hidden_verbs``, and what it finds
in the English sentences of the NATO term sets.

    .venv/bin/python bench/hidden_verbs.py [--data ../shared/data/ud-english-ewt] [--show 20]

Tags dev and test (gold tokens) with the shipped tagger (``text.en.analyse``'s reading: its close calls too), then
reads as VERB the words ``hidden_verbs`` finds: nouns the tagger gave a clause that has no verb yet, and verbs it read
by a close call to a noun before a bare object (those are verbs already: the phrases holding them are what
changes). Prints each part's accuracy before and after, what EWT tags the words found of each kind (a found word EWT
tags NOUN or PROPN is a real noun killed), and the first ``--show`` of those it got wrong; then each word found in
the English sentences of every NATO set (``bench/data``, ``../shared/data/terms``), for reading. The repair is not
fitted on EWT: dev and test both measure it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool.text.en import analyse, training  # noqa: E402
from tmtool.text.en.phrases import Word, hidden_verbs  # noqa: E402
from tmtool.text.en.tagger import TAGS, default_tagger  # noqa: E402
from tmtool.text.en.lemmas import lemma  # noqa: E402
from tmtool.text.segment import segment_text  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "ud-english-ewt"
NATO = [REPO / "bench" / "data", REPO.parent / "shared" / "data" / "terms"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder of en_ewt-ud-{dev,test}.conllu")
    parser.add_argument("--show", type=int, default=20, help="wrong changes printed a part")
    args = parser.parse_args()
    tagger = default_tagger()
    for part in ("dev", "test"):
        sentences = list(training.read_conllu(args.data / f"en_ewt-ud-{part}.conllu"))
        flat, runners_up = tagger.decode([s.words for s in sentences])
        right_before = right_after = total = 0
        found: dict[str, Counter] = {"NOUN": Counter(), "VERB": Counter()}
        wrong = []
        at = 0
        for s in sentences:
            words, offset = [], 0
            for k, text in enumerate(s.words, start=at):
                tag, (other, margin) = TAGS[flat[k]], runners_up.get(k, (None, 0.0))
                alternative = TAGS[other] if other is not None and margin < 6.0 else None
                words.append(Word(text, offset, offset + len(text), tag, lemma(text, tag),
                                  alternative if alternative in ("NOUN", "ADJ") else None))
                offset += len(text) + 1
            at += len(s.words)
            hidden = hidden_verbs(words)
            for k, (word, gold) in enumerate(zip(words, s.tags)):
                after = "VERB" if k in hidden else word.tag
                total += 1
                right_before += word.tag == gold
                right_after += after == gold
                if k in hidden:
                    found[word.tag][gold] += 1
                    if gold != "VERB" and len(wrong) < args.show:
                        wrong.append(" ".join(f"[{w}]" if i == k else w for i, w in enumerate(s.words)))
        print(f"{part}: {total} words, UPOS {right_before / total:.4f} -> {right_after / total:.4f}; "
              f"NOUN read as VERB: {sum(found['NOUN'].values())}, gold {dict(found['NOUN'].most_common())}; "
              f"close-call VERB before a bare object: {sum(found['VERB'].values())}, gold {dict(found['VERB'].most_common())}")
        for line in wrong:
            print("   ", line)
    texts = sorted({sentence for root in NATO for path in root.glob("**/*.en.txt")
                    for line in path.read_text(encoding="utf-8").splitlines()
                    for sentence in segment_text(line, "en")})
    fired = [(text, words, sorted(hidden_verbs(words))) for text, words in zip(texts, analyse(texts))]
    fired = [f for f in fired if f[2]]
    print(f"\nNATO sets: {len(texts)} distinct English sentences, {len(fired)} with a word found")
    for text, words, found_at in fired:
        print("   ", ", ".join(f"{words[k].text} ({words[k].tag})" for k in found_at), "|", text[:160])


if __name__ == "__main__":
    main()
