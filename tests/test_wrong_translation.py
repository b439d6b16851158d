"""A file given as a document's translation that is none (another article): told, as the aligner cannot tell it."""

import logging
import os
import re
import shlex
import shutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from workbench import client, seeded_store

from conftest import REPO, SEED_EN, SEED_FR, run_output
from tmtool import api, progress
from tmtool.align.anchors import anchors, shared_anchors, unlike_translation
from tmtool.cli import main
from tmtool.pipeline import align_files
from tmtool.store import open_store

PAIRS = sorted((folder / f"{folder.name}.fr.txt", folder / f"{folder.name}.en.txt")
               for folder in (REPO / "bench" / "data").glob("terms-*/*") if (folder / f"{folder.name}.fr.txt").is_file())

MEETING_FR = ["Le 3 mai 2024, la frégate Vauban est arrivée à Tallinn.",
              "Le commandant Dupont a accueilli 40 officiers estoniens.",
              "L'exercice Baltic Shield a duré 12 jours.",
              "Les équipages ont neutralisé 8 mines près de Paldiski.",
              "La frégate repartira vers Kiel le 20 mai."]
MEETING_EN = ["On 3 May 2024, the frigate Vauban arrived in Tallinn.",
              "Commander Dupont welcomed 40 Estonian officers.",
              "Exercise Baltic Shield lasted 12 days.",
              "The crews neutralised 8 mines near Paldiski.",
              "The frigate will sail for Kiel on 20 May."]
OTHER_EN = ["Allied ministers met in Brussels on Thursday.",
            "The Secretary General opened the meeting at 9 o'clock.",
            "Ministers approved the Defence Production Action Plan.",
            "Spending rose by 18 per cent across Europe and Canada.",
            "The next meeting will take place in Ankara."]


def test_numbers_and_names_inside_a_sentence_are_its_anchors():
    assert anchors("Le 3 mai 2024, la frégate Vauban est arrivée à Tallinn (Estonie).") == {
        "3", "2024", "vaub", "tall", "esto"}
    # a sentence's first word, acronyms (OTAN / NATO differ) and short words are none; accents are folded
    assert anchors("Hier l'OTAN et l'UE ont vu Ève à Évora.") == {"evor"}
    assert anchors("Встреча в Москве 12 мая") == {"12"}  # a name in another script is transliterated: not kept


def test_a_translation_shares_them_and_another_article_does_not():
    assert shared_anchors(zip(MEETING_FR, MEETING_EN)) == (5, 5)
    assert unlike_translation(zip(MEETING_FR, MEETING_EN)) is None
    assert unlike_translation(zip(MEETING_FR, OTHER_EN)) == (5, 0)
    assert unlike_translation(zip(MEETING_FR[:4], OTHER_EN[:4])) is None  # too few to tell


def test_no_pair_of_the_news_sets_is_told_and_most_of_them_mismatched_are():
    assert len(PAIRS) == 34
    told = [unlike_translation((u.source, u.target) for u in align_files(fr, en).units("x")) for fr, en in PAIRS]
    assert told == [None] * len(PAIRS)
    mismatched = [unlike_translation((u.source, u.target) for u in align_files(fr, PAIRS[(i + 1) % len(PAIRS)][1]).units("x"))
                  for i, (fr, _) in enumerate(PAIRS)]
    assert sum(t is not None for t in mismatched) >= 20  # 24 of 34 (bench/README.md)


def test_ingest_stores_a_wrong_pair_as_asked_and_says_so(tmp_path):
    fr, en = tmp_path / "visite.fr.txt", tmp_path / "visite.en.txt"
    fr.write_text("\n\n".join(MEETING_FR), encoding="utf-8")
    en.write_text("\n\n".join(OTHER_EN), encoding="utf-8")
    db = tmp_path / "t.db"
    said = run_output(db, "ingest", fr, en, "--no-terms")
    assert "visite: 5 units" in said
    assert ("visite.fr.txt and visite.en.txt do not read as a translation of each other: of 5 aligned sentence pairs "
            "with numbers or names on both sides, 0 share one") in said and f"(tmtool --db {db} remove visite)" in said
    with open_store(db) as store:
        result = api.ingest(store, SEED_FR, SEED_EN, extract_terms=False)
        assert result["unlike_translation"] is None  # the seed pair is one
        assert store.document("visite") is not None  # stored, as asked
    en.write_text("\n\n".join(MEETING_EN), encoding="utf-8")
    with open_store(db) as store:
        result = api.ingest(store, fr, en, document_id="visite-2", extract_terms=False)
    assert result["unlike_translation"] is None


def _advised(stderr: str) -> list[str]:
    """The command a notice advises, as a person would type it."""
    [command] = re.findall(r"\((tmtool [^)]*)\)", stderr)
    return shlex.split(command)


@pytest.mark.parametrize("given", ["option", "environment"])
def test_the_removal_it_advises_works_as_shown_on_the_store_ingested_into(tmp_path, monkeypatch, given):
    """The notice said ``tmtool remove visite`` whatever store the pair was ingested into: typed as shown after
    ``--db 'team store.db'`` it looked for ./tmtool.db and removed nothing. A store given by --db is named in
    the command, which works typed in another folder; one $TMTOOL_DB names is not: the command as written finds
    it again in the same shell, and a --db would override the variable (a password it holds too, which the
    advice would have masked). A command on the default store stays as it was."""
    fr, en = tmp_path / "visite.fr.txt", tmp_path / "visite.en.txt"
    fr.write_text("\n\n".join(MEETING_FR), encoding="utf-8")
    en.write_text("\n\n".join(OTHER_EN), encoding="utf-8")
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir(), elsewhere.mkdir()
    monkeypatch.chdir(work)
    db = work / "team store.db"
    options, env = (["--db", str(db)], {"TMTOOL_DB": None}) if given == "option" else ([], {"TMTOOL_DB": str(db)})
    for store, where in ((db, elsewhere), (work / "tmtool.db", work)):  # the store given, then the default one
        ingested = CliRunner().invoke(main, [*options, "ingest", str(fr), str(en), "--no-terms"], env=env)
        assert ingested.exit_code == 0, ingested.output
        advised = _advised(ingested.stderr)
        named = store == db and given == "option"
        assert advised == ["tmtool", *(["--db", str(store)] if named else []), "remove", "visite"]
        monkeypatch.chdir(where)  # typed in another folder, in the same shell ($TMTOOL_DB as it was)
        removed = CliRunner().invoke(main, advised[1:], env=env)
        assert removed.exit_code == 0, removed.output
        with open_store(store) as opened:
            assert opened.document("visite") is None
        options, env = [], {"TMTOOL_DB": None}
        monkeypatch.chdir(work)
    assert not (elsewhere / "tmtool.db").exists()


def _notice(db: str | None) -> str:
    """What the command line says of a notice advising ``tmtool remove visite``, on the store ``db``."""
    from tmtool.cli import _Notices

    record = logging.LogRecord("tmtool.ingest", logging.INFO, "", 0, "remove it (%s)", ("tmtool remove visite",),
                               None)
    record.__dict__[api.NOTICE_COMMANDS] = ("tmtool remove visite",)
    return CliRunner().invoke(click.command()(lambda: _Notices(db).emit(record))).stderr


def test_a_password_in_the_store_s_url_is_left_out_of_the_advice_not_masked():
    """The advice named the store ``--db 'postgresql://ana:***@db/tm'``: typed as shown, libpq sent ``***`` as
    the password and the server refused it. The password is never said; it is left out of the URL, which libpq
    completes from PGPASSWORD or ~/.pgpass, as the line says."""
    said = _notice("postgresql://ana:s3cret@db/tm?password=s3cret&sslmode=require")
    assert "s3cret" not in said and "***" not in said
    assert said == ("tmtool: remove it (tmtool --db 'postgresql://ana@db/tm?sslmode=require' remove visite)"
                    " (the store's password left out: libpq reads it from PGPASSWORD or the password file,"
                    " ~/.pgpass)\n")
    assert _notice("postgresql://ana@db/tm") == "tmtool: remove it (tmtool --db postgresql://ana@db/tm remove visite)\n"


@pytest.mark.parametrize(("db", "shown"), [
    (r"C:\Users\ana\tm.db", r"C:\Users\ana\tm.db"),
    (r"C:\Users\ana\team store.db", r'"C:\Users\ana\team store.db"'),
    ("D:\\TM & co\\l'équipe.db", "\"D:\\TM & co\\l'équipe.db\""),
    ("postgresql://ana@db/tm?sslmode=require", '"postgresql://ana@db/tm?sslmode=require"'),
])
def test_the_store_is_quoted_as_cmd_and_powershell_read_it_on_windows(monkeypatch, db, shown):
    """On Windows the advice quoted the store for a POSIX shell (``'team store.db'``), which cmd passes on with
    its quotes and cuts at the space. There it is a bare word or in double quotes, which cmd and PowerShell both
    read as written."""
    monkeypatch.setattr(progress, "_on_windows", lambda: True)
    assert api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], db) == f"(tmtool --db {shown} remove visite)"


@pytest.mark.parametrize("db", [r"C:\TM\100%store%.db", r"C:\TM\$env.db", 'C:\\TM\\"x".db', "C:\\TM dir\\", "C:\\a`b.db",
                                # PowerShell reads typographic double quotes as '"' (Word's AutoCorrect writes them)
                                "C:\\TM\\Client \u201cAlpha\u201d.db", "C:\\TM\\\u201eBeta\u201c.db"])
def test_a_store_no_quoting_writes_for_cmd_and_powershell_is_named_apart_on_windows(monkeypatch, db):
    """cmd expands ``%`` inside double quotes, PowerShell ``$`` and the backtick, and a backslash before the
    closing quote escapes it: no quoting writes such a name for both. The command shows a placeholder that
    fails in both as typed, never acting on another store, and the line names the store."""
    monkeypatch.setattr(progress, "_on_windows", lambda: True)
    said = api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], db)
    assert said == f"(tmtool --db <STORE> remove visite) (<STORE>: {db}, quoted as your shell needs)"


def test_a_document_named_with_a_space_is_quoted_as_cmd_and_powershell_read_it_on_windows(tmp_path, monkeypatch):
    """The store in the advised removal was quoted for Windows, the document's id for a POSIX shell
    (``remove 'rapport annuel'``): cmd passes the single quotes on and cuts the id at the space, so that the
    command removed nothing. On Windows the id is quoted as the store is; one no quoting writes for both shells
    is named apart, the command failing as typed rather than taking another document out."""
    monkeypatch.setattr(progress, "_on_windows", lambda: True)
    monkeypatch.chdir(tmp_path)
    for db, name, said in (("a.db", "rapport annuel", '"rapport annuel"'), ("b.db", "rapport 100%", None)):
        fr, en = tmp_path / f"{name}.fr.txt", tmp_path / f"{name}.en.txt"
        fr.write_text("\n\n".join(MEETING_FR), encoding="utf-8")
        en.write_text("\n\n".join(OTHER_EN), encoding="utf-8")
        ingested = CliRunner().invoke(main, ["--db", db, "ingest", str(fr), str(en), "--no-terms"],
                                      env={"TMTOOL_DB": None})  # a store each: the same texts are ingested once
        assert ingested.exit_code == 0, ingested.output
        [command] = re.findall(r"\((tmtool [^)]*)\)", ingested.stderr)
        if said is None:
            assert command == f"tmtool --db {db} remove <DOC_ID>"
            assert f"(<DOC_ID>: {name}, quoted as your shell needs)" in ingested.stderr
        else:
            assert command == f"tmtool --db {db} remove {said}"


@pytest.mark.parametrize("named", ["team.db", "sqlite:///team.db"])
def test_the_workbench_names_a_store_given_by_a_relative_path_from_anywhere(tmp_path, monkeypatch, named):
    """``tmtool --db team.db serve`` advised ``tmtool --db team.db imports``: typed in the reader's own shell, in
    another folder than the server's, it named another store (or none). The command a server advises names its
    SQLite store by its absolute path, which works wherever it is pasted."""
    served = tmp_path / "server"
    served.mkdir()
    shutil.copyfile(seeded_store(tmp_path), served / "team.db")
    monkeypatch.chdir(served)
    http, _ = client(named)

    def failing(store):
        raise api.NotFound("no import 7 in the store (see 'tmtool imports')", commands=("tmtool imports",))

    monkeypatch.setattr(api, "stats", failing)
    said = http.get("/api/stats").json()["message"]
    assert said == f"no import 7 in the store (see 'tmtool --db {shlex.quote(str(served / 'team.db'))} imports')"
    elsewhere = tmp_path / "reader"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # typed as shown in another folder, it lists the served store's imports
    [command] = re.findall(r"'(tmtool [^']*)'", said)
    listed = CliRunner().invoke(main, shlex.split(command)[1:], env={"TMTOOL_DB": None})
    assert listed.exit_code == 0, listed.output
    assert not (elsewhere / "team.db").exists()



def test_a_store_named_through_a_link_and_dotdot_is_advised_by_the_file_served(tmp_path, monkeypatch):
    """``--db current/../team.db``, ``current`` a symbolic link to a release's folder, names the store beside that
    folder, as the system reads ``..`` after a link. The path advised had ``current/..`` taken out as text, naming a
    ``team.db`` in the server's own folder: another store, or none. The path advised names the file served."""
    stores = tmp_path / "stores"
    (stores / "release-5").mkdir(parents=True)
    shutil.copyfile(seeded_store(tmp_path), stores / "team.db")
    served = tmp_path / "server"
    served.mkdir()
    (served / "current").symlink_to(stores / "release-5", target_is_directory=True)
    monkeypatch.chdir(served)
    http, _ = client("current/../team.db")

    def failing(store):
        raise api.NotFound("no import 7 in the store (see 'tmtool imports')", commands=("tmtool imports",))

    monkeypatch.setattr(api, "stats", failing)
    [command] = re.findall(r"'(tmtool [^']*)'", http.get("/api/stats").json()["message"])
    named = shlex.split(command)[2]
    assert os.path.isabs(named) and os.path.samefile(named, stores / "team.db")

def test_the_workbench_says_it_of_an_upload(tmp_path):
    http, headers = client(seeded_store(tmp_path))
    files = {"fr_file": ("visite.fr.txt", "\n\n".join(MEETING_FR).encode()),
             "en_file": ("visite.en.txt", "\n\n".join(OTHER_EN).encode())}
    done = http.post("/api/ingest", files=files, headers=headers)
    assert done.status_code == 200, done.text
    assert done.json()["unlike_translation"] == {"pairs": 5, "sharing": 0}
    assert any(n.startswith("visite.fr.txt and visite.en.txt do not read as a translation") for n in done.json()["notices"])



def test_the_workbench_advises_the_removal_on_the_store_it_serves(tmp_path):
    """The workbench said ``tmtool remove visite`` of an upload to a server given its store by --db: typed as
    shown, the command looked for ./tmtool.db and removed nothing there, or another store's visite. It names the
    store it serves, as the command line does, and the advised command removes the document."""
    db = tmp_path / "team store.db"
    shutil.copyfile(seeded_store(tmp_path), db)
    http, headers = client(str(db))
    files = {"fr_file": ("visite.fr.txt", "\n\n".join(MEETING_FR).encode()),
             "en_file": ("visite.en.txt", "\n\n".join(OTHER_EN).encode())}
    done = http.post("/api/ingest", files=files, headers=headers)
    assert done.status_code == 200, done.text
    [notice] = [n for n in done.json()["notices"] if "do not read as a translation" in n]
    advised = _advised(notice)
    assert advised == ["tmtool", "--db", str(db), "remove", "visite"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    removed = subprocess.run([sys.executable, "-c", "from tmtool.cli import main; main()", *advised[1:]],
                             cwd=elsewhere, env={k: v for k, v in os.environ.items() if k != "TMTOOL_DB"}, capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    with open_store(db) as store:
        assert store.document("visite") is None
    assert not (elsewhere / "tmtool.db").exists()

MEETING_AR = ["في ٣ مايو ٢٠٢٤، وصلت الفرقاطة إلى العاصمة.",
              "استقبل القائد ٤٠ ضابطاً.",
              "استمر التمرين ١٢ يوماً.",
              "أبطلت الطواقم ٨ ألغام قرب الميناء.",
              "ستغادر الفرقاطة في ٢٠ مايو."]


def test_numbers_written_in_another_language_s_digits_are_the_same_numbers(tmp_path):
    # Arabic-Indic, Persian (extended) and full-width digits are the numbers they write
    assert anchors("في ٣ مايو ٢٠٢٤") == anchors("۳ مه ۲۰۲۴") == anchors("２０２４年の３日") == {"3", "2024"}
    # a run of digits too long for int() to read (Python refuses past 4,300) is a number all the same, no crash
    assert anchors("Le code " + "0" + "7" * 5000) == {"7" * 5000}
    fr, ar = tmp_path / "visite.fr.txt", tmp_path / "visite.ar.txt"
    fr.write_text("\n\n".join(MEETING_FR), encoding="utf-8")
    ar.write_text("\n\n".join(MEETING_AR), encoding="utf-8")
    with open_store(tmp_path / "t.db", create=True) as store:
        result = api.ingest(store, fr, ar, tgtlang="ar", extract_terms=False)
    assert result["units"] == 5 and result["unlike_translation"] is None  # a translation into Arabic, not told


COUNCIL_FR = ["Les ministres des affaires étrangères se sont réunis à Bruxelles.",
              "La Pologne et l'Allemagne ont demandé une aide accrue à l'Ukraine.",
              "Le Royaume-Uni a proposé une réunion à Londres au printemps.",
              "Selon le Conseil, la Chine et le Japon seront invités.",
              "Le Parlement européen examinera le texte avant l'été.",
              "La Grèce et l'Italie ont soutenu la proposition espagnole.",
              "Les États-Unis ont salué la décision du Conseil.",
              "La prochaine réunion aura lieu à Varsovie."]
COUNCIL_EN = ["Foreign ministers met in Brussels.",
              "Poland and Germany called for more aid to Ukraine.",
              "The United Kingdom proposed a meeting in London in the spring.",
              "According to the Council, China and Japan will be invited.",
              "The European Parliament will examine the text before the summer.",
              "Greece and Italy supported the Spanish proposal.",
              "The United States welcomed the Council's decision.",
              "The next meeting will take place in Warsaw."]


def test_a_translation_naming_countries_and_institutions_without_numbers_is_not_told():
    """Names a translation spells otherwise after their first letters (Londres, Chine, Parlement) and names behind an
    elided article (l'Ukraine, l'Italie): compared on five letters, with l'Ukraine one word, this true translation
    shared none in its 8 sentence pairs and was told to be no translation."""
    assert {"ukra", "alle"} <= anchors("La Pologne et l'Allemagne ont demandé une aide accrue à l'Ukraine.")
    assert unlike_translation(zip(COUNCIL_FR, COUNCIL_EN)) is None
    assert shared_anchors(zip(COUNCIL_FR, COUNCIL_EN)) == (8, 5)
    assert unlike_translation(zip(COUNCIL_FR, OTHER_EN + MEETING_EN[:3])) is not None  # beside another text: told


def test_the_workbench_says_a_command_an_error_advises_on_the_store_it_serves(tmp_path, monkeypatch):
    """An error advising a command (``see 'tmtool imports'``) reached the browser as written: typed as shown,
    the command ran on ./tmtool.db, not on the store the workbench serves. It names the store served."""
    db = tmp_path / "team store.db"
    shutil.copyfile(seeded_store(tmp_path), db)
    http, _ = client(str(db))

    def failing(store):
        raise api.NotFound("no import 7 in the store (see 'tmtool imports')", commands=("tmtool imports",))

    monkeypatch.setattr(api, "stats", failing)
    answer = http.get("/api/stats")
    assert (answer.status_code, answer.json()["message"]) == (
        404, f"no import 7 in the store (see 'tmtool --db {shlex.quote(str(db))} imports')")
