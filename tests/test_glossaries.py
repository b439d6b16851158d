"""The project's own reviewed glossary (glossaries/): valid, and its decisions survive re-extraction."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree, isoschematron

from conftest import REPO, SHARED
from tmtool.cli import main
from tmtool.formats.tabular import read_tsv
from tmtool.formats.tbx import read_tbx
from tmtool.model import ReviewStatus
from tmtool.store import open_store
from tmtool.text.normalize import fold

GLOSSARY_TBX = REPO / "glossaries" / "nato-seeds.tbx"
GLOSSARY_TSV = REPO / "glossaries" / "nato-seeds.tsv"


def _french(entry) -> frozenset[str]:
    return frozenset(fold(t.text) for t in entry.terms_in("fr"))


def test_the_reviewed_tbx_is_valid_tbx_basic():
    document = etree.parse(str(GLOSSARY_TBX))
    relaxng = etree.RelaxNG(etree.parse(str(SHARED / "schemas" / "tbx" / "TBXcoreStructV03.rng")))
    schematron = isoschematron.Schematron(
        etree.parse(str(SHARED / "schemas" / "tbx" / "TBX-Basic_DCA.xslt1.sch")))
    assert relaxng.validate(document), relaxng.error_log
    assert schematron.validate(document), schematron.error_log


def test_every_entry_was_reviewed_and_the_tsv_holds_the_approved_pairs():
    entries = list(read_tbx(GLOSSARY_TBX))
    assert entries and all(e.status is not ReviewStatus.CANDIDATE for e in entries)
    approved_pairs = {(t.text, u.text) for e in entries if e.status is ReviewStatus.APPROVED
                      for t in e.terms_in("fr") for u in e.terms_in("en")}
    tsv_pairs = {(t.text, u.text) for e in read_tsv(GLOSSARY_TSV) for t in e.terms_in("fr") for u in e.terms_in("en")}
    assert tsv_pairs and tsv_pairs <= approved_pairs
    by_french = {t.text: e for e in entries for t in e.terms_in("fr")}
    assert [t.text for t in by_french["allocution liminaire"].terms_in("en")] == ["opening remarks"]
    assert by_french["pandémie"].status is ReviewStatus.REJECTED


def test_re_extraction_keeps_the_review(tmp_path):
    """The README's main job: import the reviewed glossary, then ingest the seeds."""
    db = str(tmp_path / "tmtool.db")
    runner = CliRunner()
    for args in (["import", str(GLOSSARY_TBX)], ["ingest", "--dir", str(REPO / "seeds")]):
        result = runner.invoke(main, ["--db", db, *args])
        assert result.exit_code == 0, result.output
    reviewed = {_french(e): e for e in read_tbx(GLOSSARY_TBX)}
    with open_store(db, create=True) as store:
        stored = list(store.list_entries())
    for entry in stored:
        if _french(entry) in reviewed:
            before = reviewed[_french(entry)]
            assert entry.status is before.status
            assert [t.text for t in entry.terms_in("en")] == [t.text for t in before.terms_in("en")]
    assert {_french(e) for e in stored} >= set(reviewed)
    # no new candidate repeats a French term a person already decided on
    decided = {form for key in reviewed for form in key}
    assert not [e for e in stored if e.status is ReviewStatus.CANDIDATE and _french(e) & decided]


def test_the_files_are_what_export_writes_from_them(tmp_path):
    """Regenerated with the writers of today: the TBX by `export tbx --status all`, the TSV by the
    default export (approved entries only)."""
    db = str(tmp_path / "tmtool.db")
    runner = CliRunner()
    written = {"tbx": tmp_path / "all.tbx", "tsv": tmp_path / "default.tsv"}
    for args in (["import", str(GLOSSARY_TBX)], ["export", "tbx", "--status", "all", "-o", str(written["tbx"])],
                 ["export", "tsv", "-o", str(written["tsv"])]):
        result = runner.invoke(main, ["--db", db, *args])
        assert result.exit_code == 0, result.output
    assert written["tbx"].read_bytes() == GLOSSARY_TBX.read_bytes()
    assert written["tsv"].read_bytes() == GLOSSARY_TSV.read_bytes()
