"""A file given as a document's translation that is none: how often ``tmtool.align.anchors`` tells it.

Each French–English news pair of ``bench/data`` is aligned as it is, then with the next pair's English (another
article, as a wrong file in an inbox); the TransRead books (French–English) and Text+Berg (German–French) are
aligned as they are. For each, the share of aligned sentence pairs with numbers or names on both sides that share
one, and whether the pair is told to be no translation; beside it the peer, the aligner's own mean bead confidence
(what tmtool had to go on before).

    python bench/translation_check.py [--books]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from statistics import mean

from tmtool.align.anchors import shared_anchors, unlike_translation
from tmtool.pipeline import align_files

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "align"


def news_pairs() -> list[tuple[Path, Path]]:
    return sorted((folder / f"{folder.name}.fr.txt", folder / f"{folder.name}.en.txt")
                  for folder in (ROOT / "bench" / "data").glob("terms-*/*") if (folder / f"{folder.name}.fr.txt").is_file())


def measured(pair) -> tuple[float | None, bool, float]:
    """(share sharing an anchor, told, mean bead confidence) of an aligned pair."""
    units = [(u.source, u.target) for u in pair.units("x")]
    holding, sharing = shared_anchors(units)
    return (sharing / holding if holding else None, unlike_translation(units) is not None,
            mean(b.confidence for b in pair.beads) if pair.beads else 0.0)


def row(kind: str, results: list) -> str:
    shares = [s for s, _, _ in results if s is not None]
    told = sum(t for _, t, _ in results)
    confidence = [c for _, _, c in results]
    return (f"| {kind} | {len(results)} | {min(shares):.2f}–{max(shares):.2f} | {told} | "
            f"{min(confidence):.2f}–{max(confidence):.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--books", action="store_true", help="also the TransRead books and Text+Berg (slower)")
    args = parser.parse_args(argv)
    pairs = news_pairs()
    print("| pairs | count | share of sentence pairs sharing a number or name | told no translation | "
          "peer: the aligner's mean bead confidence |")
    print("|---|---|---|---|---|")
    print(row("news, as they are", [measured(align_files(fr, en)) for fr, en in pairs]))
    print(row("news, with the next pair's English", [measured(align_files(fr, pairs[(i + 1) % len(pairs)][1]))
                                                      for i, (fr, _) in enumerate(pairs)]))
    if args.books:
        books = SHARED / "transread-fr-en"
        print(row("TransRead books fr–en", [measured(align_files(fr, books / "en" / fr.name, presegmented=True))
                                            for fr in sorted((books / "fr").iterdir())]))
        berg = SHARED / "textberg-de-fr"
        print(row("Text+Berg de–fr", [measured(align_files(de, de.with_suffix(".fr"), presegmented=True,
                                                            srclang="de", tgtlang="fr"))
                                      for de in sorted(berg.glob("*.de"))]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
