"""bench/data/terms-free: each free translation goes with an unchanged copy of its pair's French and gold
glossary, and bench/terms.py reads it as the pair's third input."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import terms as bench_terms  # noqa: E402


def test_every_free_translation_keeps_its_pairs_french_and_gold():
    free = {d.name for d in bench_terms.FREE_TERMS.iterdir() if d.is_dir()}
    with_gold = [d for d in bench_terms.datasets() if d.glossary is not None]
    assert {d.name for d in with_gold} <= free  # all eight pairs of --set all: dev, test and held-out
    unseen = [d for d in bench_terms.datasets(("unseen",)) if d.name in free]
    assert [d.name for d in unseen] == ["jfc-logistics-exercise", "nato-space-centre"]  # two of the four
    assert free == {d.name for d in with_gold + unseen}
    for dataset in with_gold + unseen:
        folder = bench_terms.FREE_TERMS / dataset.name
        assert (folder / f"{dataset.name}.fr.txt").read_bytes() == dataset.fr.read_bytes()
        assert (folder / "glossary.gold.json").read_bytes() == dataset.glossary.read_bytes()
        english = (folder / f"{dataset.name}.en.txt").read_text(encoding="utf-8")
        assert english != dataset.en.read_text(encoding="utf-8")
        assert english.count("\n\n") == dataset.fr.read_text(encoding="utf-8").count("\n\n")  # same paragraphs
        assert dataset.sources() == ("pipeline", "gold", "free")
