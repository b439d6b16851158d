"""bench/terms.py's sets: the unseen pairs (bench/data/terms-unseen) and the three fresh sets
(bench/data/terms-fresh, bench/data/terms-fresh2, bench/data/terms-fresh3) are read only when named, so that
``--set all`` and every script calling ``datasets()`` read what they read before they were written."""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import terms as bench_terms  # noqa: E402

UNSEEN = ["jfc-logistics-exercise", "nato-space-centre", "nmi-advisory-mission", "summit-defence-investment"]
FRESH = ["allied-reaction-force-certification", "cbrn-task-force-exercise", "undersea-infrastructure-protection",
         "women-peace-security-conference"]
FRESH2 = ["annual-report-common-funding", "baltic-air-policing-handover", "counter-hybrid-support-team",
          "force-protection-directive", "moldova-defence-education"]
FRESH3 = ["battlegroup-transfer-of-authority", "mine-countermeasures-factsheet", "secretary-general-press-conference",
          "sps-border-explosives-detection", "summit-declaration-excerpt"]


def _well_formed(dataset) -> None:
    alignment = json.loads(dataset.alignment.read_text(encoding="utf-8"))
    assert alignment["beads"] == [[[i], [i]] for i in range(len(alignment["fr"]))]  # 1-1, title first
    assert len(alignment["fr"]) == len(alignment["en"])
    assert all(item["fr"] and item["en"] for item in dataset.gold())


def _read_when_named(role: str, names: list[str]) -> list:
    """The pairs ``--set role`` reads: exactly ``names``, each well formed."""
    assert role in bench_terms.SET_CHOICES
    chosen = bench_terms.datasets(bench_terms.roles(role))
    assert [d.name for d in chosen] == names and {d.role for d in chosen} == {role}
    for dataset in chosen:
        _well_formed(dataset)
    return chosen


def test_all_leaves_the_unseen_and_fresh_pairs_out():
    everything = bench_terms.datasets()
    assert {d.role for d in everything} == {"seed", "dev", "test", "heldout"}
    assert bench_terms.datasets(bench_terms.roles("all")) == everything
    assert [d.role for d in bench_terms.datasets(bench_terms.roles("heldout"))] == ["heldout"] * 4


def test_the_unseen_pairs_are_read_when_named():
    unseen = _read_when_named("unseen", UNSEEN)
    assert [d.name for d in unseen if "free" in d.sources()] == UNSEEN[:2]  # two free translations


def test_the_fresh_pairs_are_read_when_named():
    fresh = _read_when_named("fresh", FRESH)
    for dataset in fresh:
        assert 25 <= len(dataset.gold()) <= 35
    assert [d.name for d in fresh if "free" in d.sources()] == []  # no free translation


def _written(form: str, text: str) -> bool:
    """``form`` occurs in ``text`` as whole words, both folded as the glossary metric folds them."""
    return re.search(rf"(?<!\w){re.escape(bench_terms.fold(form))}(?!\w)", bench_terms.fold(text)) is not None


def _read_when_named_and_written_out(role: str, names: list[str]) -> None:
    """A set written blind on one page a pair: read only when named, each page of a size, typeset in French,
    every gold concept written on it, no free translation."""
    chosen = _read_when_named(role, names)
    for dataset in chosen:
        assert 16 <= len(json.loads(dataset.alignment.read_text(encoding="utf-8"))["fr"]) <= 24  # title included
        gold = dataset.gold()
        assert 20 <= len(gold) <= 35
        texts = {lang: getattr(dataset, lang).read_text(encoding="utf-8") for lang in ("fr", "en")}
        paragraphs = {lang: [p for p in text.split("\n\n") if p.strip()] for lang, text in texts.items()}
        assert 4 <= len(paragraphs["fr"]) == len(paragraphs["en"]) <= 7  # title first, then 3 to 6 paragraphs
        assert not re.search(r"« | [:;!?%»]|\d \d{3}\b", texts["fr"])  # French typography: no-break spaces
        for item in gold:  # every concept is written on the page, in each language, in one of its forms
            for lang, text in texts.items():
                assert any(_written(form, text) for form in item[lang]), (dataset.name, lang, item[lang])
    assert [d.name for d in chosen if "free" in d.sources()] == []  # no free translation


def test_the_second_fresh_pairs_are_read_when_named():
    _read_when_named_and_written_out("fresh2", FRESH2)


def test_the_third_fresh_pairs_are_read_when_named():
    _read_when_named_and_written_out("fresh3", FRESH3)
