"""ingest --dir --jobs N: pairs prepared by worker processes, saved in order by one: the same units
and documents as one process makes, and nearly the same glossary (a pair in flight does not yet weigh
in the memory of the pairs prepared beside it)."""

import shutil

from click.testing import CliRunner

from conftest import REPO, SEED_EN, SEED_FR
from tmtool.cli import main
from tmtool.store import open_store


def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SEED_FR, folder / "seed.fr.txt")
    shutil.copy(SEED_EN, folder / "seed.en.txt")
    for pair in sorted((REPO / "bench" / "data" / "terms-dev").iterdir()):
        if pair.is_dir():
            for lang in ("fr", "en"):
                shutil.copy(pair / f"{pair.name}.{lang}.txt", folder / f"{pair.name}.{lang}.txt")
    shutil.copy(SEED_FR, folder / "copy.fr.txt")  # the seed's text again: stored once, whoever is first
    shutil.copy(SEED_EN, folder / "copy.en.txt")
    (folder / "broken.fr.txt").write_bytes(b"\xff\xfe\x00\xd8 not text")
    (folder / "broken.en.txt").write_text("Nothing.", encoding="utf-8")
    return folder


def dump(db) -> tuple:
    with open_store(db, create=True) as store:
        units = [(u.source, u.target, u.tuid) for u in store.units()]
        entries = [(e.status.value, e.score, e.frequency, [(t.lang, t.text) for t in e.terms])
                   for e in store.list_entries()]
        documents = sorted(record.id for record, _ in store.documents())
    return units, entries, documents


def test_two_jobs_make_the_store_one_job_makes(tmp_path):
    folder = inbox(tmp_path)
    outputs = {}
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.db"
        result = CliRunner().invoke(main, ["--db", str(db), "ingest", "--dir", str(folder), "--jobs", str(jobs)])
        assert result.exit_code == 1  # the broken pair fails, the others are saved
        outputs[jobs] = (result.stdout, dump(db))
    (_, (units_1, entries_1, documents_1)), (stdout, (units_2, entries_2, documents_2)) = outputs[1], outputs[2]
    assert (units_1, documents_1) == (units_2, documents_2)
    assert documents_2 == ["baltic-mine-countermeasures", "copy", "military-mobility-corridor"]
    assert "already stored: seed (same text as document copy)" in stdout  # copy comes first in the inbox
    french_1, french_2 = ({tuple(t for t in terms if t[0] == "fr") for *_, terms in e} for e in (entries_1, entries_2))
    assert len(french_1 & french_2) >= 0.9 * len(french_1 | french_2)
    assert len(french_2) == len(entries_2)  # no French term proposed twice
