"""The English tagger's UPOS accuracy on UD English EWT with and without ``phrases.hidden_verbs``.

    .venv/bin/python bench/hidden_verbs.py [--data ../shared/data/ud-english-ewt] [--show 20]

Tags dev and test (gold tokens) with the shipped tagger, then reads as VERB the words ``hidden_verbs`` finds
(nouns the tagger gave a clause that has no verb yet); prints each part's accuracy before and after, how many
words the repair changed and what EWT tags them, and the first ``--show`` of those it got wrong. The repair is
not fitted on EWT: dev and test both measure it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tmtool.text.en import lemma, training  # noqa: E402
from tmtool.text.en.phrases import Word, hidden_verbs  # noqa: E402
from tmtool.text.en.tagger import TAGS, default_tagger  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "ud-english-ewt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="folder of en_ewt-ud-{dev,test}.conllu")
    parser.add_argument("--show", type=int, default=20, help="wrong changes printed a part")
    args = parser.parse_args()
    tagger = default_tagger()
    for part in ("dev", "test"):
        sentences = list(training.read_conllu(args.data / f"en_ewt-ud-{part}.conllu"))
        flat = tagger.tag_indices([s.words for s in sentences])
        right_before = right_after = total = 0
        changed: Counter = Counter()
        wrong = []
        at = 0
        for s in sentences:
            tags = [TAGS[t] for t in flat[at : at + len(s.words)]]
            at += len(s.words)
            words, offset = [], 0
            for text, tag in zip(s.words, tags):
                words.append(Word(text, offset, offset + len(text), tag, lemma(text, tag)))
                offset += len(text) + 1
            hidden = hidden_verbs(words)
            for k, (tag, gold) in enumerate(zip(tags, s.tags)):
                after = "VERB" if k in hidden else tag
                total += 1
                right_before += tag == gold
                right_after += after == gold
                if k in hidden:
                    changed[gold] += 1
                    if gold != "VERB" and len(wrong) < args.show:
                        wrong.append(" ".join(f"[{w}]" if i == k else w for i, w in enumerate(s.words)))
        print(f"{part}: {total} words, UPOS {right_before / total:.4f} -> {right_after / total:.4f}; "
              f"{sum(changed.values())} NOUN read as VERB, gold: {dict(changed.most_common())}")
        for line in wrong:
            print("   ", line)


if __name__ == "__main__":
    main()
