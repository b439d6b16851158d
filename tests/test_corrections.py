"""A reviewer's corrections to a document's alignment: merge, split, move, exclude — stored with
their record, kept out of exports where asked, made again when a revised document is ingested."""

from pathlib import Path

import pytest

from tmtool import corrections
from tmtool.errors import TmtoolError
from tmtool.ingest import ingest_pair
from tmtool.model import Context, Entry, Term
from tmtool import glossary
from tmtool.store import open_store
from tmtool.transfer import export_store

FR = ["Le chat dort. Il fait beau.", "La maison est grande.", "Le jardin est vert. Les fleurs sont belles."]
EN = ["The cat sleeps. The weather is fine.", "The house is big.", "The garden is green. The flowers are beautiful."]


def write_pair(folder: Path, fr: list[str], en: list[str]) -> tuple[Path, Path]:
    (folder / "d.fr.txt").write_text("\n\n".join(fr) + "\n", encoding="utf-8")
    (folder / "d.en.txt").write_text("\n\n".join(en) + "\n", encoding="utf-8")
    return folder / "d.fr.txt", folder / "d.en.txt"


@pytest.fixture
def store(tmp_path, store_url):
    """A store holding one ingested document, on each backend (the corrections are shared code)."""
    with open_store(store_url, create=True) as store:
        ingest_pair(store, *write_pair(tmp_path, FR, EN), extract_terms=False)
        yield store


def texts(store) -> list[tuple[str, str]]:
    return [(u.unit.source, u.unit.target) for u in store.document_units("d")]


def test_the_aligner_gives_one_unit_a_sentence(store):
    assert texts(store)[:2] == [("Le chat dort.", "The cat sleeps."), ("Il fait beau.", "The weather is fine.")]
    assert len(texts(store)) == 5


def test_merge_joins_a_unit_with_the_next_and_the_indexes_follow(store):
    first = store.document_units("d")[0]
    corrections.merge_units(store, "d", first.id)
    units = store.document_units("d")
    assert (units[0].unit.source, units[0].unit.target) == ("Le chat dort. Il fait beau.",
                                                            "The cat sleeps. The weather is fine.")
    assert units[0].bead == "2-2" and units[0].confidence is None and units[0].unit.tuid == "d:1"
    assert [u.position for u in units] == [0, 1, 2, 3]
    assert [u.source for u, _ in store.concordance("beau")] == ["Le chat dort. Il fait beau."]
    assert [e.action for e in store.unit_edits("d")] == ["merge"]


def test_split_at_a_sentence_boundary_then_move_a_sentence_back(store):
    first = store.document_units("d")[0]
    corrections.merge_units(store, "d", first.id)
    merged = store.document_units("d")[0]
    corrections.split_unit(store, "d", merged.id, 1, 2)
    assert texts(store)[:2] == [("Le chat dort.", "The cat sleeps. The weather is fine."), ("Il fait beau.", "")]
    assert [u.bead for u in store.document_units("d")[:2]] == ["1-2", "1-0"]
    assert [u.unit.tuid for u in store.document_units("d")[:2]] == ["d:1", "d:1.2"]
    with pytest.raises(TmtoolError, match="would leave an empty unit"):
        corrections.move_sentence(store, "d", store.document_units("d")[1].id, "source", "up")
    corrections.move_sentence(store, "d", store.document_units("d")[0].id, "target", "down")
    assert texts(store)[:2] == [("Le chat dort.", "The cat sleeps."), ("Il fait beau.", "The weather is fine.")]
    assert [u.position for u in store.document_units("d")] == [0, 1, 2, 3, 4]


def test_bad_corrections_are_refused_and_change_nothing(store):
    units = store.document_units("d")
    before = texts(store)
    with pytest.raises(TmtoolError, match="last of document"):
        corrections.merge_units(store, "d", units[-1].id)
    with pytest.raises(TmtoolError, match="leaves an empty unit"):
        corrections.split_unit(store, "d", units[0].id, 1, 1)
    with pytest.raises(TmtoolError, match="no previous unit"):
        corrections.move_sentence(store, "d", units[0].id, "source", "up")
    with pytest.raises(TmtoolError, match="no unit 999"):
        corrections.exclude_unit(store, "d", 999)
    with pytest.raises(TmtoolError, match="no document nope"):
        corrections.exclude_unit(store, "nope", units[0].id)
    assert texts(store) == before and store.unit_edits("d") == []


def test_an_excluded_unit_stays_in_the_store_and_out_of_exports(store, tmp_path):
    house = store.document_units("d")[2]
    corrections.exclude_unit(store, "d", house.id)
    assert store.document_units("d")[2].excluded and store.document_units("d")[2].id == house.id
    export_store(store, "tmx", str(tmp_path / "out.tmx"))
    written = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert "Le chat dort." in written and "La maison est grande." not in written
    corrections.exclude_unit(store, "d", house.id, excluded=False)
    export_store(store, "tmx", str(tmp_path / "out.tmx"))
    assert "La maison est grande." in (tmp_path / "out.tmx").read_text(encoding="utf-8")


def entry_quoting_the_second_unit(store) -> int:
    """A glossary entry whose context is the document's second unit: its id."""
    second = store.document_units("d")[1]
    entry_id = glossary.add_entry(store, Entry([Term("beau", "fr"), Term("fine", "en")]))
    store.add_contexts(entry_id, [Context(second.unit.source, second.unit.target, "d", second.unit.tuid)],
                       {second.unit.tuid: second.id})
    return entry_id


def test_glossary_contexts_quoting_a_merged_unit_follow_it_and_quote_it_as_merged(store):
    """A context quoting its unit whole quotes the merged unit whole: it kept the text of the unit merged away, its
    sentences as the aligner had paired them (the misalignment the merge mended), under the merged unit's name."""
    entry_id = entry_quoting_the_second_unit(store)
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    assert glossary.entry(store, entry_id).contexts == [
        Context("Le chat dort. Il fait beau.", "The cat sleeps. The weather is fine.", "d", "d:1")]


def test_a_merged_unit_split_again_is_quoted_by_the_part_holding_the_entry_s_term(store):
    """Split, the merged unit's contexts quote the part holding their entry's term (the first part was taken, whose
    French held the quote's first sentence), whole as it now is."""
    units = store.document_units("d")
    entry_id = glossary.add_entry(store, Entry([Term("fleur", "fr"), Term("flower", "en")]))
    store.add_contexts(entry_id, [Context(units[4].unit.source, units[4].unit.target, "d", units[4].unit.tuid)],
                       {units[4].unit.tuid: units[4].id})
    corrections.merge_units(store, "d", units[3].id)
    assert glossary.entry(store, entry_id).contexts == [Context(
        "Le jardin est vert. Les fleurs sont belles.", "The garden is green. The flowers are beautiful.", "d", "d:4")]
    corrections.split_unit(store, "d", store.document_units("d")[3].id, 1, 1)
    assert glossary.entry(store, entry_id).contexts == [Context(
        "Les fleurs sont belles.", "The flowers are beautiful.", "d", "d:4.2")]
    assert store._query("SELECT unit_id FROM contexts")[0][0] == store.document_units("d")[4].id


def test_corrections_are_made_again_when_a_revised_document_is_ingested(store, tmp_path):
    units = store.document_units("d")
    corrections.merge_units(store, "d", units[0].id)
    corrections.exclude_unit(store, "d", units[2].id)
    corrections.merge_units(store, "d", store.document_units("d")[2].id)  # the garden with its flowers
    # the revision rewrites the last paragraph: the first two corrections still apply, not the third
    revised = FR[:2] + ["Le jardin est très vert. Les fleurs sont belles."]
    result = ingest_pair(store, *write_pair(tmp_path, revised, EN), extract_terms=False)
    assert result.units == len(store.document_units("d")) == 4  # the units stored, the merge made again: not 5
    units = store.document_units("d")
    assert texts(store)[0] == ("Le chat dort. Il fait beau.", "The cat sleeps. The weather is fine.")
    assert units[1].unit.source == "La maison est grande." and units[1].excluded
    assert [u.unit.source for u in units[2:]] == ["Le jardin est très vert.", "Les fleurs sont belles."]
    assert len(store.unit_edits("d")) == 3  # kept: a later revision may bring the text back


def test_removing_a_document_removes_its_corrections(store):
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    glossary.remove_documents(store, ["d"])
    assert store.unit_edits("d") == []


def state(store) -> list[tuple]:
    """Everything a document's units hold that a correction may change, in order."""
    return [(u.unit.source, u.unit.target, u.unit.tuid, u.unit.props, u.bead, u.confidence, u.excluded, u.sentences,
             u.position) for u in store.document_units("d")]


def test_a_correction_reads_the_document_once(store, monkeypatch):
    reads, real = [], store.document_units
    monkeypatch.setattr(store, "document_units", lambda document_id: reads.append(document_id) or real(document_id))
    corrections.merge_units(store, "d", real("d")[0].id)
    assert reads == ["d"]


def test_undo_brings_back_the_units_a_correction_replaced_one_by_one(store):
    original = state(store)
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    after_merge = state(store)
    corrections.split_unit(store, "d", store.document_units("d")[0].id, 1, 2)
    corrections.move_sentence(store, "d", store.document_units("d")[0].id, "target", "down")
    corrections.exclude_unit(store, "d", store.document_units("d")[2].id)
    corrections.merge_units(store, "d", store.document_units("d")[3].id)
    undone = [store.undo_unit_edit("d").action for _ in range(4)]
    assert undone == ["merge", "exclude", "move target down", "split"]
    assert state(store) == after_merge and [e.action for e in store.unit_edits("d")] == ["merge"]
    store.undo_unit_edit("d")
    # the aligner's units again: texts, tuids, beads, confidences, places; no record left
    assert state(store) == original and store.unit_edits("d") == []
    with pytest.raises(TmtoolError, match="no correction to undo"):
        store.undo_unit_edit("d")
    with pytest.raises(TmtoolError, match="no document nope"):
        store.undo_unit_edit("nope")


def test_undo_puts_back_the_unit_it_changed_where_the_document_repeats_its_text(tmp_path, store_url):
    fr, en = ["Oui.", "Le chat dort.", "Non.", "Oui."], ["Yes.", "The cat sleeps.", "No.", "Yes."]
    with open_store(store_url, create=True) as store:
        ingest_pair(store, *write_pair(tmp_path, fr, en), extract_terms=False)
        corrections.exclude_unit(store, "d", store.document_units("d")[0].id)
        corrections.exclude_unit(store, "d", store.document_units("d")[3].id)
        store.undo_unit_edit("d")
        assert [u.excluded for u in store.document_units("d")] == [True, False, False, False]


def test_undo_gives_glossary_contexts_back_to_the_units_they_quote(store):
    entry_id = entry_quoting_the_second_unit(store)
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    store.undo_unit_edit("d")
    assert glossary.entry(store, entry_id).contexts == [Context("Il fait beau.", "The weather is fine.", "d", "d:2")]
    assert store._query("SELECT unit_id FROM contexts")[0][0] == store.document_units("d")[1].id


def test_contexts_quoting_an_english_original_follow_its_french_sentence(tmp_path, store_url):
    """In an English original's document (en→fr) a context quotes a unit's target, its French: a
    correction undone gives the context back to the unit translated into its sentence."""
    with open_store(store_url, create=True) as store:
        fr, en = write_pair(tmp_path, FR, EN)
        ingest_pair(store, en, fr, srclang="en", tgtlang="fr", extract_terms=False)
        second = store.document_units("d")[1]
        assert (second.unit.source, second.unit.target) == ("The weather is fine.", "Il fait beau.")
        entry_id = glossary.add_entry(store, Entry([Term("beau", "fr"), Term("fine", "en")]))
        store.add_contexts(entry_id, [Context("Il fait beau.", "The weather is fine.", "d", "d:2")], {"d:2": second.id})
        corrections.merge_units(store, "d", store.document_units("d")[0].id)
        store.undo_unit_edit("d")
        assert glossary.entry(store, entry_id).contexts == [Context("Il fait beau.", "The weather is fine.", "d", "d:2")]
        assert store._query("SELECT unit_id FROM contexts")[0][0] == store.document_units("d")[1].id


def test_contexts_quoting_a_german_english_unit_follow_its_german_sentence(tmp_path, store_url):
    """An English-led glossary's context quotes a German–English unit, its German first: a correction undone
    gives it back to the unit holding that sentence, as a French one's."""
    german = ["Die Katze schläft. Das Wetter ist schön.", "Das Haus ist groß.",
              "Der Garten ist grün. Die Blumen sind schön."]
    (tmp_path / "d.de.txt").write_text("\n\n".join(german) + "\n", encoding="utf-8")
    (tmp_path / "d.en.txt").write_text("\n\n".join(EN) + "\n", encoding="utf-8")
    with open_store(store_url, create=True) as store:
        ingest_pair(store, tmp_path / "d.de.txt", tmp_path / "d.en.txt", srclang="de", tgtlang="en",
                    extract_terms=False)
        second = store.document_units("d")[1]
        assert (second.unit.source, second.unit.target) == ("Das Wetter ist schön.", "The weather is fine.")
        entry_id = glossary.add_entry(store, Entry([Term("weather", "en"), Term("Wetter", "de")]))
        quoted = Context("Das Wetter ist schön.", "The weather is fine.", "d", "d:2")
        store.add_contexts(entry_id, [quoted], {"d:2": second.id})
        corrections.merge_units(store, "d", store.document_units("d")[0].id)
        store.undo_unit_edit("d")
        assert glossary.entry(store, entry_id).contexts == [quoted]
        assert store._query("SELECT unit_id FROM contexts")[0][0] == store.document_units("d")[1].id


def test_an_undone_correction_is_not_made_again_on_re_ingest(store, tmp_path):
    original = [(u.unit.source, u.unit.target) for u in store.document_units("d")]
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    store.undo_unit_edit("d")
    ingest_pair(store, *write_pair(tmp_path, FR[:2] + ["Le jardin est vert. Les fleurs sont très belles."], EN),
                extract_terms=False)
    assert texts(store)[:3] == original[:3] and store.unit_edits("d") == []


def test_undo_of_a_correction_a_revision_left_out_removes_only_its_record(store, tmp_path):
    corrections.merge_units(store, "d", store.document_units("d")[3].id)  # the garden with its flowers
    revised = FR[:2] + ["Le jardin est très vert. Les fleurs sont belles."]
    ingest_pair(store, *write_pair(tmp_path, revised, EN), extract_terms=False)
    before = state(store)
    assert store.undo_unit_edit("d").action == "merge"
    assert state(store) == before and store.unit_edits("d") == []


def test_a_correction_recorded_before_undo_existed_is_not_undone(store):
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    old_record = '[["Le chat dort.", "The cat sleeps.", false], ["Il fait beau.", "The weather is fine.", false]]'
    if hasattr(store, "_conn"):  # SQLite
        store._conn.execute("UPDATE unit_edits SET before = ?", (old_record,))
    else:
        store._pg.execute("UPDATE unit_edits SET before = %s", (old_record,))
    before = state(store)
    with pytest.raises(TmtoolError, match="recorded before corrections could be undone"):
        store.undo_unit_edit("d")
    assert state(store) == before and len(store.unit_edits("d")) == 1


def test_a_documents_sentences_are_segmented_once_however_often_it_is_viewed(store, monkeypatch):
    from tmtool import api
    from tmtool.text import segment

    first = api.document_units(store, "d")
    calls, real = [], segment.segment_text
    monkeypatch.setattr(segment, "segment_text", lambda text, lang: calls.append(text) or real(text, lang))
    assert api.document_units(store, "d") == first and calls == []


def test_each_correction_records_who_made_it(store):
    # as the glossary's history names its reviewers: the workbench's alignment page had no name to show
    from tmtool import api

    first = store.document_units("d")[0]
    api.merge_units(store, "d", first.id, user="ana")
    api.split_unit(store, "d", store.document_units("d")[0].id, 1, 1, user="Zoë")
    units = store.document_units("d")
    api.move_sentence(store, "d", units[3].id, "source", "up", user="ben")
    api.exclude_unit(store, "d", units[1].id)
    assert [(e["action"], e["user"]) for e in api.unit_edits(store, "d")] == [
        ("merge", "ana"), ("split", "Zoë"), ("move source up", "ben"), ("exclude", None)]
    assert api.undo_correction(store, "d")["user"] is None
    assert [e.user for e in store.unit_edits("d")] == ["ana", "Zoë", "ben"]


def test_corrections_of_a_store_made_before_name_no_one_once_upgraded(tmp_path, store_url, monkeypatch):
    from tmtool.store.postgres import schema
    from tmtool.store.postgres import store as postgres
    from tmtool.store.sqlite import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:migrations.MIGRATIONS.index(migrations._correction_user)])
    monkeypatch.setattr(postgres, "MIGRATIONS", schema.MIGRATIONS[:schema.MIGRATIONS.index(schema._V13)])
    row = ("d", "2026-01-05T10:00:00+00:00", "merge", '[["Le chat dort.", "The cat sleeps.", false]]',
           '[[["Le chat dort."], ["The cat sleeps."], false]]')
    with open_store(store_url, create=True) as old:  # as the release before recorded a correction
        with old.transaction():
            (old._conn.execute if hasattr(old, "_conn") else old._pg.execute)(
                "INSERT INTO unit_edits (document_id, time, action, before, after) VALUES "
                + ("(?, ?, ?, ?, ?)" if hasattr(old, "_conn") else "(%s, %s, %s, %s, %s)"), row)
    monkeypatch.undo()
    with open_store(store_url) as store:  # the store's own record: the row names no document the store holds
        assert [(e.id, e.time, e.action, e.user, e.before, e.after) for e in store.unit_edits("d")] \
            == [(1, row[1], "merge", None, [["Le chat dort.", "The cat sleeps.", False]],
                 [[["Le chat dort."], ["The cat sleeps."], False]])]


def test_a_revision_s_summary_counts_the_units_stored_once_its_corrections_are_made_again(tmp_path):
    """The agenda's last two items merged by a reviewer, then a revision ingested: it said 'd: 3 units' where the
    store, and `tmtool documents`, held 2 (the merge made again)."""
    from conftest import run

    db = tmp_path / "t.db"
    fr, en = write_pair(tmp_path, ["11 h 45 Questions diverses", "12 h 00 Clôture de la séance"],
                        ["11.45 Any other business", "12.00 Closing of the session"])
    run(db, "ingest", fr, en, "--no-terms")
    with open_store(db) as opened:
        corrections.merge_units(opened, "d", opened.document_units("d")[0].id)
    fr.write_text("Ordre du jour\n\n" + fr.read_text(encoding="utf-8"), encoding="utf-8")
    en.write_text("Agenda\n\n" + en.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(db, "ingest", fr, en, "--no-terms").stdout.startswith("d: 2 units")
    assert "  2  " in run(db, "documents").stdout.splitlines()[1]


def test_a_unit_excluded_already_is_no_correction_and_the_undo_undoes_the_one_made(store):
    """A second click on exclude (or two reviewers excluding the same unit) recorded a second correction that
    changed nothing; "undo the last correction" then undid that one, and the unit stayed out of the exports."""
    house = store.document_units("d")[2]
    assert corrections.exclude_unit(store, "d", house.id, excluded=False) is None  # included already
    made = corrections.exclude_unit(store, "d", house.id)
    assert corrections.exclude_unit(store, "d", store.document_units("d")[2].id) is None
    assert [edit.id for edit in store.unit_edits("d")] == [made]
    assert store.undo_unit_edit("d").id == made
    assert not store.document_units("d")[2].excluded and store.unit_edits("d") == []


def test_an_undo_of_the_last_correction_seen_never_undoes_another_made_since_under_its_id(store):
    """Two reviewers on one document: Ana's page shows the last correction, an exclusion; Ben undoes it and excludes
    another unit. On SQLite the new correction took the undone one's id, and Ana's undo, guarded by the last id she
    saw, undid Ben's instead of being told it changed (PostgreSQL's identity gave it another id). A correction's id
    is never given again, on either backend: Ana is told, Ben's correction stands."""
    from tmtool import api
    from tmtool.errors import Conflict

    units = api.document_units(store, "d")
    api.exclude_unit(store, "d", units[1]["id"], user="ana")
    seen_by_ana = api.unit_edits(store, "d")[-1]["id"]
    api.undo_correction(store, "d", last=seen_by_ana)  # Ben's
    bens = api.exclude_unit(store, "d", units[3]["id"], user="ben")
    assert bens != seen_by_ana and [edit["id"] for edit in api.unit_edits(store, "d")] == [bens]
    with pytest.raises(Conflict, match=f"the last correction of document d is now .* made since {seen_by_ana}; reload it"):
        api.undo_correction(store, "d", last=seen_by_ana)
    assert [u["excluded"] for u in api.document_units(store, "d")] == [False, False, False, True, False]


def test_a_store_made_before_correction_ids_were_kept_numbers_new_ones_above_its_last_once_upgraded(tmp_path):
    """A SQLite store of the release before (its schema without the corrections' floor), two corrections recorded:
    upgraded, the last one undone, the next correction is numbered above it (3), never given the undone one's id
    (2), as a PostgreSQL store numbers it."""
    from tmtool import api
    from tmtool.store.sqlite import migrations

    db = str(tmp_path / "t.db")
    with open_store(db, create=True) as store:
        ingest_pair(store, *write_pair(tmp_path, FR, EN), extract_terms=False)
        units = api.document_units(store, "d")
        assert [api.exclude_unit(store, "d", units[n]["id"]) for n in (1, 3)] == [1, 2]
        # as the release before left it
        store._conn.execute("DROP TRIGGER unit_edits_id_floor")
        store._conn.execute("DROP TABLE unit_edit_id_floor")
        store._conn.execute(f"PRAGMA user_version = {migrations.MIGRATIONS.index(migrations._V35)}")
    with open_store(db) as store:
        assert api.undo_correction(store, "d", last=2)["id"] == 2
        assert api.exclude_unit(store, "d", units[4]["id"]) == 3
        assert [edit["id"] for edit in api.unit_edits(store, "d")] == [1, 3]


@pytest.mark.parametrize("fr, en, terms, part", [
    # the term in the second part alone, in its plural on both sides: "état d'urgence" is not in "états d'urgence"
    ("Le port est calme. Les états d'urgence sont levés.", "The harbour is calm. The states of emergency are lifted.",
     ("état d'urgence", "state of emergency"), 1),
    # in both parts: the first holding it
    ("Les fleurs poussent. Les fleurs sont belles.", "The flowers grow. The flowers are beautiful.",
     ("fleur", "flower"), 0),
    # in neither (a context imported with the entry): the first part, the text quoted as it was
    ("Le port est calme. Le jardin est vert.", "The harbour is calm. The garden is green.",
     ("floraison", "blooming"), None),
])
def test_a_split_unit_s_context_goes_to_the_part_holding_its_term_and_back_when_undone(tmp_path, store_url, fr, en,
                                                                                      terms, part):
    from tmtool import api

    with open_store(store_url, create=True) as store:
        ingest_pair(store, *write_pair(tmp_path, ["La maison est grande.", fr], ["The house is big.", en]),
                    extract_terms=False)
        first = next(u for u in store.document_units("d") if fr.startswith(u.unit.source))
        corrections.merge_units(store, "d", first.id)  # the aligner's two units made one, as a reviewer merges them
        unit = next(u for u in store.document_units("d") if u.unit.source == fr)
        assert unit.unit.target == en
        entry_id = glossary.add_entry(store, Entry([Term(terms[0], "fr"), Term(terms[1], "en")]))
        store.add_contexts(entry_id, [Context(fr, en, "d", unit.unit.tuid)], {unit.unit.tuid: unit.id})
        corrections.split_unit(store, "d", unit.id, 1, 1)
        parts = [u for u in store.document_units("d") if u.unit.tuid.startswith(unit.unit.tuid)]
        assert len(parts) == 2
        (context,) = glossary.entry(store, entry_id).contexts
        if part is None:
            assert context == Context(fr, en, "d", parts[0].unit.tuid)
        else:
            assert context == Context(parts[part].unit.source, parts[part].unit.target, "d", parts[part].unit.tuid)
        api.undo_correction(store, "d")
        assert glossary.entry(store, entry_id).contexts == [Context(fr, en, "d", unit.unit.tuid)]


def test_an_entry_whose_quotes_a_correction_moves_is_a_new_version_of_it(store):
    """A correction changing what an entry quotes (merge, split, undo) gives the entry a new version: a reviewer's card
    or page read before showed the old sentences, and a decision made from it is refused (as for any change made
    meanwhile), not taken as made on what the entry now shows. An exclusion changes no quote, nor does a correction
    to units an entry does not quote."""
    quoting = entry_quoting_the_second_unit(store)
    units = store.document_units("d")
    other = glossary.add_entry(store, Entry([Term("fleur", "fr"), Term("flower", "en")]))
    store.add_contexts(other, [Context(units[4].unit.source, units[4].unit.target, "d", units[4].unit.tuid)],
                       {units[4].unit.tuid: units[4].id})
    version = {entry_id: glossary.entry(store, entry_id).version for entry_id in (quoting, other)}
    corrections.exclude_unit(store, "d", units[1].id)
    corrections.exclude_unit(store, "d", units[1].id, False)
    assert glossary.entry(store, quoting).version == version[quoting]
    corrections.merge_units(store, "d", store.document_units("d")[0].id)
    assert glossary.entry(store, quoting).version == version[quoting] + 1
    assert glossary.entry(store, other).version == version[other]  # its unit untouched
    with pytest.raises(TmtoolError, match="changed by someone else"):
        glossary.set_status(store, quoting, glossary.ReviewStatus.REJECTED, expected_version=version[quoting])
    store.undo_unit_edit("d")  # the quote back as it was: again a new version
    assert glossary.entry(store, quoting).version == version[quoting] + 2
