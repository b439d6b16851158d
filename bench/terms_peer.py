"""A named peer for French term extraction: pyate beside tmtool, same inputs, same metrics.

    .venv/bin/python bench/terms_peer.py [--part nato|acter|all] [--methods combo_basic,cvalues,...]
                                         [--single-words]

The peer is pyate (PyPI, MIT; ``pip install -e '.[bench]'``): C-value, Basic, ComboBasic, Weirdness and
TermExtractor over spaCy part-of-speech patterns. It gets the French text tmtool gets, as one string a
document, and is configured for French (``configure_pyate``): the spaCy model is tmtool's
(``fr_core_news_sm``); its general-language reference corpus (for Weirdness and TermExtractor; the PyPI
release ships none in any language) is the French side of TransRead's eight literary books
(``../shared/data/align/transread-fr-en/fr``, CC BY-SA 4.0, read here, never copied), detokenised.
C-value, Basic and ComboBasic keep pyate's default, multi-word candidates only (``--single-words`` lets
single words in: on the dev pairs it sinks ComboBasic and Basic under single words, see bench/README);
Weirdness and TermExtractor rank single words whatever the switch.

Two cuts of each pyate ranking: its best N, N being the number of proposals tmtool makes on that input,
and its own cut, which for every method is every candidate it ranks (pyate sets no threshold).

Inputs and metrics are ``bench/terms.py``'s, by its loaders and scorers:
- ACTER French, DEV / TEST halves and whole domains: tmtool's unique lower-cased surface forms at the
  threshold (``extract_french``, its main ACTER figure) and pyate's terms (lower-cased by pyate), P / R / F1
  against the domain's gold list with named entities;
- the NATO-style pairs (dev, test, held-out; gold sentence alignment, French side): French terms found (a
  gold entry is found when a proposed French term folds equal to one of its French forms), precision
  against gold, proposals. tmtool's lists: ``extract_french`` at the threshold (monolingual, what pyate
  does) and the French side of ``build_glossary`` (what the glossary proposes); pyate at both lengths.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from importlib.metadata import version
from itertools import groupby
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from terms import REPO, ACTER_DOMAINS, acter_gold, acter_halves, datasets, occurring, prf, score  # noqa: E402

from tmtool.model import Context, Entry, Term  # noqa: E402
from tmtool.terms import DEFAULT_THRESHOLD, build_glossary, extract_french, french  # noqa: E402
from tmtool.terms.french import load_model  # noqa: E402

# pyate 0.5.5 calls pandas' DataFrame.applymap, deprecated in pandas 2.1 (removed in 3: see pyproject's pin)
warnings.filterwarnings("ignore", category=FutureWarning, module="pyate")

GENERAL_FR = REPO.parent / "shared" / "data" / "align" / "transread-fr-en" / "fr"
METHODS = ("combo_basic", "basic", "cvalues", "weirdness", "term_extractor")
# the methods that read the general-language corpus
CONTRASTIVE = ("weirdness", "term_extractor")
# the methods whose candidates are multi-word unless asked (pyate's have_single_word)
HAVE_SINGLE_WORD = ("combo_basic", "basic", "cvalues")


def load_pyate():
    """pyate's module, or None with a line on stderr: the peer is a bench extra, not a dependency."""
    try:
        import pyate
    except ImportError as error:
        print(f"terms_peer: pyate is not installed ({error}); peer columns skipped. "
              "Install the bench extra: .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        return None
    return pyate


def detokenise(line: str) -> str:
    """TransRead's French is tokenised (``l' étable``, ``mot ,``); pyate counts a term in the general
    corpus by substring, so the elisions and commas are put back as running text writes them."""
    line = re.sub(r"(\w['’]) (?=\w)", r"\1", line)
    return re.sub(r" ([,.)])", r"\1", line)


def general_corpus() -> list[str]:
    return [detokenise(line) for path in sorted(GENERAL_FR.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def configure_pyate(pyate, methods: list[str]) -> list[str]:
    """Set pyate up for French; the methods that can run.

    ``TermExtraction.set_language("fr", "fr_core_news_sm")``, as pyate's README says, sets the language
    but not the model (0.5.5 drops ``model_name``: the English model would be loaded), so the model is
    set through ``configure``, with wider counts. Every ``TermExtraction`` loads the language's general
    corpus from a file the release does not ship; it is handed over in the class's cache instead."""
    import numpy as np
    import pandas as pd

    extraction = pyate.TermExtraction
    # counts are uint16 by default: a short candidate found by substring in the general corpus passes 65,535
    extraction.configure({"language": "fr", "model_name": french.MODEL, "dtype": np.int64})
    size = extraction.config["DEFAULT_GENERAL_DOMAIN_SIZE"]
    general = general_corpus()
    if not general:
        print(f"terms_peer: no French general corpus at {GENERAL_FR}; "
              f"{', '.join(CONTRASTIVE)} skipped", file=sys.stderr)
        methods = [m for m in methods if m not in CONTRASTIVE]
    extraction.DEFAULT_GENERAL_DOMAINS[("fr", size)] = pd.Series(general, dtype=object)
    return methods


class Peer:
    """pyate's rankings of one input, each method timed (the shared part-of-speech count apart)."""

    def __init__(self, pyate, documents: list[str], methods: list[str], single_words: bool):
        self.single_words = single_words
        started = time.perf_counter()
        self.extraction = pyate.TermExtraction(documents)
        self.extraction.count_terms_from_documents()
        self.count_seconds = time.perf_counter() - started
        self.seconds: dict[str, float] = {}
        self.rankings = {method: self._rank(method) for method in methods}

    def _rank(self, method: str) -> list[str]:
        started = time.perf_counter()
        options = {"have_single_word": self.single_words} if method in HAVE_SINGLE_WORD else {}
        # the contrastive methods read the general corpus from the class's cache (configure_pyate)
        scores = getattr(self.extraction, method)(**options)
        self.seconds[method] = time.perf_counter() - started
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return list(dict.fromkeys(term.strip() for term, _ in ranked if term.strip()))


def as_entries(terms: list[str]) -> list[Entry]:
    """pyate's terms as French-only entries, for ``bench/terms.py``'s scorer."""
    return [Entry([Term(term, "fr", forms=[term])]) for term in terms]


def found_correct(entries: list[Entry], gold: list[dict]) -> tuple[int, int]:
    """Gold entries found and proposals in gold, as counts (so that sets can be summed)."""
    r = score(entries, gold)
    return round(r["found"] * len(gold)), len(entries) - len(r["not_in_gold"])


def documents_of(sentences: list[Context]) -> list[str]:
    """The sentences put back together as one text a document, in order: pyate's unit of input. The
    typographic apostrophe is written straight: the spaCy model, trained on straight ones, tags *l’* a
    noun, and pyate's patterns then take it into candidates (*enseignements de l’*); tmtool reads both."""
    return ["\n".join(c.fr.replace("’", "'") for c in group)
            for _, group in groupby(sentences, key=lambda c: c.document)]


def prf_cell(proposed: set[str], gold: set[str]) -> str:
    """``terms.py``'s P | R | F1, in one table cell."""
    return prf(proposed, gold).replace(" | ", " / ")


def acter(pyate, methods: list[str], threshold: float, single_words: bool) -> None:
    at_n, own, times = [], [], []
    for domain in ACTER_DOMAINS:
        gold_all = acter_gold(domain)
        for half, sentences in acter_halves(domain).items():
            gold = gold_all if half == "whole" else occurring(gold_all, sentences)
            started = time.perf_counter()
            entries = extract_french(sentences, threshold=threshold)
            tmtool_seconds = time.perf_counter() - started
            surface = {f.lower() for e in entries for t in e.terms_in("fr") for f in (t.text, *t.forms)}
            n = len(surface)
            head = f"| {domain} | {half} | {len(gold)} | {n} | {prf_cell(surface, gold)}"
            if pyate is None:
                at_n.append(head + " |")
                continue
            peer = Peer(pyate, documents_of(sentences), methods, single_words)
            at_n.append(head + "".join(f" | {prf_cell(set(peer.rankings[m][:n]), gold)}" for m in methods) + " |")
            own.append(f"| {domain} | {half} | {len(gold)}" + "".join(
                f" | {len(peer.rankings[m])} | {prf_cell(set(peer.rankings[m]), gold)}" for m in methods) + " |")
            times.append(f"| {domain} | {half} | {len(sentences)} | {tmtool_seconds:.1f} | {peer.count_seconds:.1f}"
                         + "".join(f" | {peer.seconds[m]:.1f}" for m in methods) + " |")
    print(f"ACTER French, named entities included; tmtool at threshold {threshold} (its lower-cased surface "
          "forms), pyate's best N where N = tmtool's proposals; P / R / F1")
    print("| domain | half | gold terms | N | tmtool |" + "".join(f" pyate {m} |" for m in methods))
    print("|---|---|---|---|---|" + "---|" * len(methods))
    print("\n".join(at_n))
    if pyate is None:
        return
    print("\nACTER, pyate's own cut (every candidate it ranks): proposals, P / R / F1")
    print("| domain | half | gold terms |" + "".join(f" {m} N | P / R / F1 |" for m in methods))
    print("|---|---|---|" + "---|---|" * len(methods))
    print("\n".join(own))
    print("\nACTER, seconds (tmtool: extract_french, parse included; pyate: the part-of-speech count shared "
          "by the methods, then each method's own time; term_extractor counts again)")
    print("| domain | half | sentences | tmtool | pyate count |" + "".join(f" {m} |" for m in methods))
    print("|---|---|---|---|---|" + "---|" * len(methods))
    print("\n".join(times))
    print()


def nato(pyate, methods: list[str], threshold: float, single_words: bool) -> None:
    rows, times = [], []
    totals: dict[tuple[str, str], list[int]] = {}  # (set, column) → [found, gold, correct, proposals]

    def cell(role: str, column: str, entries: list[Entry], gold: list[dict], with_n: bool = False) -> str:
        found, correct = found_correct(entries, gold)
        total = totals.setdefault((role, column), [0, 0, 0, 0])
        for i, value in enumerate((found, len(gold), correct, len(entries))):
            total[i] += value
        precision = correct / len(entries) if entries else 0.0
        return f"{found}/{len(gold)} · {precision:.2f}" + (f" · {len(entries)}" if with_n else "")

    for dataset in datasets():
        gold = dataset.gold()
        if gold is None:
            continue
        pairs = dataset.pairs("gold")
        started = time.perf_counter()
        extracted = extract_french(pairs, threshold=threshold)
        tmtool_seconds = time.perf_counter() - started
        glossary = build_glossary(pairs, threshold=threshold)
        peer = Peer(pyate, documents_of(pairs), methods, single_words) if pyate else None
        for cut, entries in (("extract", extracted), ("glossary", glossary)):
            row = (f"| {dataset.name} | {dataset.role} | tmtool {cut} | {len(entries)} "
                   f"| {cell(dataset.role, 'tmtool ' + cut, entries, gold)}")
            if peer:
                row += "".join(f" | {cell(dataset.role, f'{m} {cut}', as_entries(peer.rankings[m][:len(entries)]), gold)}"
                               for m in methods)
            rows.append(row + " |")
        if peer:
            rows.append(f"| {dataset.name} | {dataset.role} | pyate's own | — | —" + "".join(
                f" | {cell(dataset.role, f'{m} own', as_entries(peer.rankings[m]), gold, True)}" for m in methods)
                + " |")
            times.append(f"| {dataset.name} | {len(pairs)} | {tmtool_seconds:.2f} | {peer.count_seconds:.2f}"
                         + "".join(f" | {peer.seconds[m]:.2f}" for m in methods) + " |")
    print("NATO-style pairs, gold alignment, French side: gold entries found / gold entries · precision vs gold "
          f"(· proposals for pyate's own cut); tmtool at threshold {threshold}, pyate's best N (N = the "
          "row's tmtool proposals)")
    header = "| pair | set | cut | N | tmtool |" + "".join(f" pyate {m} |" for m in methods)
    print(header)
    print("|---|---|---|---|---|" + "---|" * len(methods))
    print("\n".join(rows))
    print("\nBy set (summed: found / gold · proposals in gold / proposals)")
    print("| set | cut | tmtool |" + "".join(f" pyate {m} |" for m in methods))
    print("|---|---|---|" + "---|" * len(methods))
    for role in ("dev", "test", "heldout"):
        for cut in ("extract", "glossary", "own")[:3 if methods else 2]:
            def summed(column: str) -> str:
                if (role, column) not in totals:
                    return "—"
                found, gold_n, correct, n = totals[(role, column)]
                return f"{found}/{gold_n} · {correct}/{n}"
            print(f"| {role} | {cut} | {summed('tmtool ' + cut)} |"
                  + "".join(f" {summed(f'{m} {cut}')} |" for m in methods))
    if times:
        print("\nNATO pairs, seconds (tmtool: extract_french; pyate: shared count, then each method)")
        print("| pair | sentence pairs | tmtool | pyate count |" + "".join(f" {m} |" for m in methods))
        print("|---|---|---|---|" + "---|" * len(methods))
        print("\n".join(times))
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--part", choices=("nato", "acter", "all"), default="all")
    parser.add_argument("--methods", default=",".join(METHODS),
                        help=f"pyate methods, comma-separated, from {', '.join(METHODS)}")
    parser.add_argument("--single-words", action="store_true",
                        help="single-word candidates for C-value, Basic and ComboBasic too (pyate's "
                             "have_single_word; off by default, in pyate as here)")
    args = parser.parse_args()
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    unknown = sorted(set(methods) - set(METHODS))
    if unknown:
        parser.error(f"unknown pyate method(s): {', '.join(unknown)}")
    pyate = load_pyate()
    methods = configure_pyate(pyate, methods) if pyate is not None else []
    pyate = pyate if methods else None
    load_model()
    if pyate is not None:
        pyate.TermExtraction.get_nlp("fr")  # loaded before the timings, as tmtool's model is
        print(f"pyate {version('pyate')}, model {french.MODEL}, methods {', '.join(methods)}, "
              f"single words {'in' if args.single_words else 'out'}\n")
    single_words = args.single_words
    if args.part in ("acter", "all"):
        acter(pyate, methods, args.threshold, single_words)
    if args.part in ("nato", "all"):
        nato(pyate, methods, args.threshold, single_words)


if __name__ == "__main__":
    main()
