"""Sentence segmentation benchmark: tmtool's SRX rules against pysbd and sentence-splitter (Moses-style).

Runs the hand-written cases of ``tests/data/segmentation/{fr,en}.txt`` through each tool and prints,
per tool and language: cases segmented exactly right, boundary precision / recall / F1 (pooled over
all cases), and the time to segment 10,000 sentences (measured on the case paragraphs and the seed,
repeated). The rules were written with those cases in view, so a second table scores the documents
that have gold sentences and were not used to write the rules (the seed and the two shared
``data/terms`` pairs): sentences found exactly, and P / R / F1 of the boundaries inside paragraphs. ``--ewt`` adds
UD English EWT's 4,066 paragraphs rebuilt from their gold sentences (web text, far from NATO's: its gold splits some
fragments a translator would keep whole, so only a change between two versions of the rules says much).

Outputs are compared after the same normalisation for every tool (spaces collapsed, ends trimmed, a
leading list marker dropped), so that only sentence boundaries are judged. A boundary is the number
of non-blank characters before a segment start, which makes it independent of how a tool treats
spaces.

    python bench/segment.py [--sentences 3000] [--ewt]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Callable, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data" / "segmentation"))
from segmentation_cases import LANGUAGES, read_cases  # noqa: E402

Splitter = Callable[[str], list[str]]
_LEADING_MARKER = re.compile(r"^[-–—•▪◦‣\s]+(?=\S)")
_BLANKS = re.compile(r"\s+")


def splitters(lang: str) -> dict[str, Splitter]:
    import pysbd
    from sentence_splitter import SentenceSplitter

    from tmtool.text.segment import segment_text

    pysbd_segmenter = pysbd.Segmenter(language=lang, clean=False)
    moses = SentenceSplitter(language=lang)
    return {
        "tmtool (SRX)": lambda text: segment_text(text, lang),
        "pysbd": pysbd_segmenter.segment,
        "sentence-splitter": moses.split,
    }


def normalise(segments: list[str]) -> list[str]:
    normalised = (_BLANKS.sub(" ", _LEADING_MARKER.sub("", s)).strip() for s in segments)
    return [s for s in normalised if s]


def boundaries(segments: list[str]) -> set[int]:
    """Non-blank character offsets of every segment start but the first."""
    offsets, count = set(), 0
    for segment in segments[:-1]:
        count += len(_BLANKS.sub("", segment))
        offsets.add(count)
    return offsets


def precision_recall_f1(true_positive: int, predicted: int, expected: int) -> tuple[float, float, float]:
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / expected if expected else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(split: Splitter, cases) -> tuple[float, float, float, float]:
    right = true_positive = predicted = expected = 0
    for case in cases:
        gold = normalise(list(case.expected))
        got = normalise(split(case.paragraph))
        right += got == gold
        gold_bounds, got_bounds = boundaries(gold), boundaries(got)
        true_positive += len(gold_bounds & got_bounds)
        predicted += len(got_bounds)
        expected += len(gold_bounds)
    return (right / len(cases), *precision_recall_f1(true_positive, predicted, expected))


def read_paragraphs(path: Path, separator: str) -> list[str]:
    return [block.strip() for block in path.read_text(encoding="utf-8").split(separator) if block.strip()]


def gold_sentences(path: Path, lang: str) -> list[str]:
    return json.loads(path.read_text(encoding="utf-8"))[lang]


def seed(lang: str) -> tuple[list[str], list[str]]:
    """The seed's paragraphs (one a line) and its gold sentences."""
    text = ROOT / "seeds" / f"2021-07-13-partners-meeting.{lang}.txt"
    return read_paragraphs(text, "\n"), gold_sentences(ROOT / "tests" / "data" / "seed.alignment.gold.json", lang)


def gold_documents(lang: str) -> list[tuple[list[str], list[str]]]:
    """(paragraphs, gold sentences) of the seed and of the shared term-extraction documents that have a
    gold sentence alignment (other data sets there, such as ACTER's term lists, have none)."""
    documents = [seed(lang)]
    for folder in sorted((ROOT.parent / "shared" / "data" / "terms").iterdir()):
        if not (folder / "alignment.gold.json").is_file():
            continue
        text = folder / f"{folder.name}.{lang}.txt"
        documents.append((read_paragraphs(text, "\n\n"), gold_sentences(folder / "alignment.gold.json", lang)))
    return documents


def score_documents(split: Splitter, documents) -> tuple[float, float, float, float]:
    found = total = true_positive = predicted = expected = 0
    for document, sentences in documents:
        gold = normalise(sentences)
        got = normalise([sentence for paragraph in document for sentence in split(paragraph)])
        found += len(set(got) & set(gold))
        total += len(gold)
        # paragraph ends are given to every tool: only boundaries inside paragraphs are judged
        given = boundaries(normalise(document))
        gold_bounds, got_bounds = boundaries(gold) - given, boundaries(got) - given
        true_positive += len(gold_bounds & got_bounds)
        predicted += len(got_bounds)
        expected += len(gold_bounds)
    return (found / total, *precision_recall_f1(true_positive, predicted, expected))


class Paragraph(NamedTuple):
    paragraph: str
    expected: tuple[str, ...]


def ewt_paragraphs() -> list[Paragraph]:
    """UD English EWT's paragraphs (``# newpar``, ``# newdoc``) rebuilt from their gold sentences (``# text``), joined
    by a space: web text (reviews, e-mails, blogs, news groups) that the rules were not written on."""
    paragraphs: list[list[str]] = []
    for path in sorted((ROOT.parent / "shared" / "data" / "ud-english-ewt").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("# newdoc", "# newpar")) or not paragraphs:
                paragraphs.append([])
            if line.startswith("# text = "):
                paragraphs[-1].append(line[len("# text = "):].strip())
    return [Paragraph(" ".join(sentences), tuple(sentences)) for sentences in paragraphs if sentences]


def timing_corpus(lang: str, cases, sentences: int) -> tuple[list[str], int]:
    """Paragraphs (cases and seed, repeated) holding at least ``sentences`` sentences, and their count."""
    seed_paragraphs, seed_sentences = seed(lang)
    block = [case.paragraph for case in cases] + seed_paragraphs
    block_sentences = sum(len(case.expected) for case in cases) + len(seed_sentences)
    repeats = -(-sentences // block_sentences)
    return block * repeats, block_sentences * repeats


def seconds_per_10k(split: Splitter, paragraphs: list[str], sentence_count: int) -> float:
    start = time.perf_counter()
    for paragraph in paragraphs:
        split(paragraph)
    return (time.perf_counter() - start) * 10_000 / sentence_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=3000, help="sentences timed per tool and language")
    parser.add_argument("--ewt", action="store_true", help="also score English EWT's paragraphs (shared/data)")
    args = parser.parse_args()

    print(f"{'tool':<18} {'lang':<4} {'cases':>5} {'right':>7} {'P':>6} {'R':>6} {'F1':>6} {'s/10k sent.':>12}")
    for lang in LANGUAGES:
        cases = read_cases(lang)
        paragraphs, sentence_count = timing_corpus(lang, cases, args.sentences)
        for name, split in splitters(lang).items():
            right, precision, recall, f1 = score(split, cases)
            seconds = seconds_per_10k(split, paragraphs, sentence_count)
            print(
                f"{name:<18} {lang:<4} {len(cases):>5} {right:>7.1%} {precision:>6.3f} {recall:>6.3f} "
                f"{f1:>6.3f} {seconds:>12.2f}"
            )

    print(f"\n{'tool':<18} {'lang':<4} {'sent.':>5} {'found':>7} {'P':>6} {'R':>6} {'F1':>6}   (held-out documents)")
    for lang in LANGUAGES:
        documents = gold_documents(lang)
        sentences = sum(len(gold) for _, gold in documents)
        for name, split in splitters(lang).items():
            found, precision, recall, f1 = score_documents(split, documents)
            print(f"{name:<18} {lang:<4} {sentences:>5} {found:>7.1%} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}")

    if args.ewt:
        paragraphs = ewt_paragraphs()
        print(f"\n{'tool':<18} {'lang':<4} {'para.':>5} {'right':>7} {'P':>6} {'R':>6} {'F1':>6}   (EWT paragraphs)")
        for name, split in splitters("en").items():
            right, precision, recall, f1 = score(split, paragraphs)
            print(f"{name:<18} {'en':<4} {len(paragraphs):>5} {right:>7.1%} {precision:>6.3f} {recall:>6.3f} "
                  f"{f1:>6.3f}")


if __name__ == "__main__":
    main()
