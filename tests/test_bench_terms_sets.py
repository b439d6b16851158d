"""bench/terms.py's sets: the unseen pairs (bench/data/terms-unseen) are read only when named, so that
``--set all`` and every script calling ``datasets()`` read what they read before they were written."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import terms as bench_terms  # noqa: E402

UNSEEN = ["jfc-logistics-exercise", "nato-space-centre", "nmi-advisory-mission", "summit-defence-investment"]


def test_all_leaves_the_unseen_pairs_out():
    everything = bench_terms.datasets()
    assert {d.role for d in everything} == {"seed", "dev", "test", "heldout"}
    assert bench_terms.datasets(bench_terms.roles("all")) == everything
    assert [d.role for d in bench_terms.datasets(bench_terms.roles("heldout"))] == ["heldout"] * 4


def test_the_unseen_pairs_are_read_when_named():
    assert "unseen" in bench_terms.SET_CHOICES
    unseen = bench_terms.datasets(bench_terms.roles("unseen"))
    assert [d.name for d in unseen] == UNSEEN and {d.role for d in unseen} == {"unseen"}
    for dataset in unseen:
        alignment = json.loads(dataset.alignment.read_text(encoding="utf-8"))
        assert alignment["beads"] == [[[i], [i]] for i in range(len(alignment["fr"]))]  # 1-1, title first
        assert len(alignment["fr"]) == len(alignment["en"])
        assert all(item["fr"] and item["en"] for item in dataset.gold())
    assert [d.name for d in unseen if "free" in d.sources()] == UNSEEN[:2]  # two free translations
