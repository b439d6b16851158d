"""Import and export: round trips through every format, duplicates skipped, invalid files refused whole."""

import pytest
from click.testing import CliRunner

from tmtool.cli import main
from tmtool.model import Context, Entry, ReviewStatus, Term, TermType, Unit
from tmtool.store import Store
from tmtool.store.transfer import export_store, import_file, infer_format

GLOSSARY = [
    Entry(terms=[Term("État-major militaire international", "fr", gender="masculine"),
                 Term("EMI", "fr", term_type=TermType.ACRONYM),
                 Term("International Military Staff", "en"), Term("IMS", "en", term_type=TermType.ACRONYM)],
          status=ReviewStatus.APPROVED, definition="Organe exécutif du Comité militaire.",
          contexts=[Context("Le directeur de l’État-major militaire international.",
                            "The Director of the International Military Staff.")]),
    Entry(terms=[Term("Comité militaire", "fr"), Term("Military Committee", "en")], status=ReviewStatus.CANDIDATE),
    Entry(terms=[Term("pays partenaire", "fr"), Term("partner nation", "en")], status=ReviewStatus.REJECTED),
]
UNITS = [
    Unit("Les partenaires de l’OTAN sont un atout inestimable.", "NATO partners are an invaluable asset.",
         "fr-FR", "en-GB", tuid="seed:1", props={"x-document": "seed", "x-bead": "1-1"}),
    Unit("« Nous sommes confrontés à de nombreux défis. »", "“We face many challenges.”", "fr-FR", "en-GB",
         tuid="seed:2", notes=["checked"]),
]


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def pairs(store):
    return sorted((tuple(t.text for t in e.terms_in("fr")), tuple(t.text for t in e.terms_in("en")), e.status)
                  for e in store.list_entries())


@pytest.fixture
def filled(tmp_path):
    with Store.open(tmp_path / "source.db") as store:
        store.import_entries(GLOSSARY, "hand")
        store.add_units(UNITS, "hand")
        yield store


def test_tmx_round_trip_keeps_every_unit(filled, tmp_path):
    assert run(filled.path, "export", "tmx", "-o", str(tmp_path / "a.tmx")).exit_code == 0
    fresh = tmp_path / "fresh.db"
    result = run(fresh, "import", str(tmp_path / "a.tmx"))
    assert result.exit_code == 0 and result.output.startswith("2 units added, 0 skipped")
    assert run(fresh, "import", str(tmp_path / "a.tmx")).output.startswith("0 units added, 2 skipped")
    with Store.open(fresh) as store:
        got = [(u.source, u.target, u.tuid, u.props, u.notes) for u in store.units()]
    assert got == [(u.source, u.target, u.tuid, u.props, u.notes) for u in UNITS]


@pytest.mark.parametrize("fmt, suffix", [("tbx", "tbx"), ("tbx-martif", "tbx"), ("csv", "csv"), ("po", "po")])
def test_glossary_round_trip(filled, tmp_path, fmt, suffix):
    first = tmp_path / f"first.{suffix}"
    assert export_store(filled, fmt, str(first)) == 2  # rejected entries are left out by default
    with Store.open(tmp_path / "fresh.db") as fresh:
        assert import_file(fresh, first) == ("entries", 2, 0)
        assert import_file(fresh, first) == ("entries", 0, 2)
        assert pairs(fresh) == [p for p in pairs(filled) if p[2] != ReviewStatus.REJECTED]
        (imported,) = [e for e in fresh.list_entries() if e.definition]
        assert imported.definition == GLOSSARY[0].definition


def test_omegat_tsv_round_trip(filled, tmp_path):
    """OmegaT's glossary holds pairs, one a line: the pairs survive a trip through the store."""
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    export_store(filled, "tsv", str(first))
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_file(fresh, first)
        export_store(fresh, "tsv", str(second))
    assert sorted(second.read_text(encoding="utf-8").splitlines()) == \
        sorted(first.read_text(encoding="utf-8").splitlines())


def test_export_filters_by_status_and_date(filled, tmp_path):
    out = tmp_path / "g.tsv"
    assert run(filled.path, "export", "tsv", "--status", "approved", "-o", str(out)).exit_code == 0
    french = {line.split("\t")[0] for line in out.read_text(encoding="utf-8").splitlines()}
    assert french == {"État-major militaire international", "EMI"}
    export_store(filled, "tsv", str(out), statuses=tuple(ReviewStatus))
    assert "partner nation" in out.read_text()
    result = run(filled.path, "export", "csv", "--since", "2999-01-01")
    assert result.exit_code == 0 and "Comité militaire" not in result.output


def test_an_invalid_file_is_refused_whole(filled, tmp_path):
    run(filled.path, "export", "tmx", "-o", str(tmp_path / "good.tmx"))
    broken = tmp_path / "broken.tmx"
    text = (tmp_path / "good.tmx").read_text(encoding="utf-8")
    broken.write_text(text.replace("</body>", "<tu><tuv xml:lang='fr-FR'><seg>Sans fin</seg></tuv>\n</body>")
                      .replace("</tmx>", ""), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    result = run(fresh, "import", str(broken))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and result.output.startswith("tmtool: error: ")
    assert str(broken) in result.output
    with Store.open(fresh) as store:
        assert store.stats()["units"] == 0  # the good units before the error were rolled back


def test_untranslated_units_are_skipped(tmp_path):
    one_sided = tmp_path / "one.tmx"
    one_sided.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" creationtool="x" '
                         'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>'
                         '<body><tu><tuv xml:lang="fr-FR"><seg>Seul</seg></tuv></tu>'
                         '<tu><tuv xml:lang="fr-FR"><seg>Un</seg></tuv><tuv xml:lang="en-GB"><seg>One</seg></tuv></tu>'
                         '</body></tmx>', encoding="utf-8")
    assert run(tmp_path / "t.db", "import", str(one_sided)).output .startswith("1 units added, 1 skipped")


def test_format_inference_and_unknown_formats(filled, tmp_path):
    renamed = tmp_path / "memory.xml"
    run(filled.path, "export", "tmx", "-o", str(renamed))
    assert infer_format(renamed) == "tmx"
    mystery = tmp_path / "notes.txt"
    mystery.write_text("nothing tabular here\n")
    for args in (["import", str(mystery)], ["import", str(renamed), "--format", "doc"],
                 ["export", "xlsx"], ["import", str(tmp_path / "missing.tmx")]):
        result = run(filled.path, *args)
        assert result.exit_code == 1 and result.output.count("\n") == 1, args


def test_a_refused_file_does_not_leave_a_new_empty_store_behind(tmp_path):
    bad = tmp_path / "broken.tmx"
    bad.write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr"/><body><tu>', encoding="utf-8")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(bad)])
    assert result.exit_code == 1 and "broken.tmx" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.tmx"]
