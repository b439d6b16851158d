"""Synthetic translation memories of any size, made from real French–English pairs.

The pairs are the TransRead gold 1-1 beads (literary sentences), the gold sentence alignment of the
seed and of the terminology documents (NATO news) and the gold glossary term pairs. A memory of N
units mixes what real memories hold: near-duplicates of a sentence (a number, a date or a word
changed), short segments (terms, headings, list items), long ones (two or three sentences joined)
and the original pairs. Generation is seeded, so a size always gives the same memory.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

_NUMBER = re.compile(r"\d+")
_MONTHS = list(zip(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "January February March April May June July August September October November December".split(),
))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _transread_pairs() -> list[tuple[str, str]]:
    folder = SHARED / "data" / "align" / "transread-fr-en"
    pairs = []
    for gold in sorted((folder / "gold").glob("*.txt")):
        fr, en = _lines(folder / "fr" / gold.name), _lines(folder / "en" / gold.name)
        for line in _lines(gold):
            src, tgt = (part.strip("[]") for part in line.split(":"))
            if src and tgt and "," not in src and "," not in tgt:
                pairs.append((fr[int(src)], en[int(tgt)]))
    return pairs


def _gold_alignment_pairs(alignment: Path) -> list[tuple[str, str]]:
    """The joined sentences of each bead of an ``alignment.gold.json`` file that has both sides."""
    gold = json.loads(alignment.read_text(encoding="utf-8"))
    return [(" ".join(gold["fr"][i] for i in fr), " ".join(gold["en"][j] for j in en))
            for fr, en in gold["beads"] if fr and en]


def _term_pairs() -> list[tuple[str, str]]:
    pairs = []
    for glossary in sorted((SHARED / "data" / "terms").glob("*/glossary.gold.json")):
        for entry in json.loads(glossary.read_text(encoding="utf-8")):
            pairs.extend(zip(entry["fr"], entry["en"]))
    return pairs


def base_pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(sentence pairs, term pairs) every memory is built from."""
    sentences = _transread_pairs()
    alignments = [REPO / "tests" / "data" / "seed.alignment.gold.json",
                  *sorted((SHARED / "data" / "terms").glob("*/alignment.gold.json"))]
    for alignment in alignments:
        sentences.extend(_gold_alignment_pairs(alignment))
    return [p for p in sentences if p[0].strip() and p[1].strip()], _term_pairs()


def _renumber(fr: str, en: str, rng: random.Random) -> tuple[str, str]:
    """Change the numbers of a pair consistently, or append a numbered reference to both sides."""
    number = str(rng.randint(1, 2030))
    if _NUMBER.search(fr) and _NUMBER.search(en):
        return _NUMBER.sub(number, fr, count=1), _NUMBER.sub(number, en, count=1)
    day, (month_fr, month_en) = rng.randint(1, 28), rng.choice(_MONTHS)
    return f"{fr} ({day} {month_fr} {number})", f"{en} ({month_en} {day}, {number})"


def _edit_word(fr: str, en: str, rng: random.Random, vocabulary: list[str]) -> tuple[str, str]:
    """A near-duplicate: one French word replaced, dropped or doubled (a revised source)."""
    words = fr.split()
    i = rng.randrange(len(words))
    action = rng.random()
    if action < 0.5:
        words[i] = rng.choice(vocabulary)
    elif action < 0.75 and len(words) > 3:
        del words[i]
    else:
        words.insert(i, words[i])
    return " ".join(words), en


def generate_units(count: int, seed: int = 13) -> Iterator[tuple[str, str]]:
    """``count`` distinct (French, English) pairs."""
    rng = random.Random(seed)
    sentences, terms = base_pairs()
    vocabulary = sorted({w for fr, _ in sentences for w in fr.split() if w.isalpha()})
    seen: set[int] = set()
    emitted = 0
    while emitted < count:
        kind = rng.random()
        fr, en = rng.choice(sentences)
        if kind < 0.15:
            pass  # the original pair (repeated ones are skipped below)
        elif kind < 0.45:
            fr, en = _renumber(fr, en, rng)
        elif kind < 0.70:
            fr, en = _edit_word(fr, en, rng, vocabulary)
        elif kind < 0.85:
            extra = [rng.choice(sentences) for _ in range(rng.randint(1, 2))]
            fr, en = " ".join([fr, *(p[0] for p in extra)]), " ".join([en, *(p[1] for p in extra)])
        else:
            term_fr, term_en = rng.choice(terms)
            number = rng.randint(1, 999)
            fr, en = rng.choice([(term_fr, term_en), (f"{number}. {term_fr}", f"{number}. {term_en}"),
                                 (f"Article {number} – {term_fr}", f"Article {number} – {term_en}")])
        key = hash((fr, en))
        if key in seen:
            continue
        seen.add(key)
        emitted += 1
        yield fr, en
