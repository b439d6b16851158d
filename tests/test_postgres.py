"""The PostgreSQL store's own concerns: its schema applied once however many clients start at once,
credentials never shown, stale updates refused, hostile text kept as data. (The behaviour both
backends share is tested once for both: see the backend-parametrised store tests.)"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import psycopg.conninfo
import pytest

from conftest import tool_missing

from click.testing import CliRunner

from tmtool import api
from tmtool.cli import main
from tmtool.errors import Conflict, NotFound, TmtoolError
from tmtool.model import Context, Entry, Term, Unit, Variant
from tmtool.search import similarity
from tmtool.store.postgres import PostgresStore, masked
from tmtool.store.postgres.schema import MIGRATIONS
from tmtool.store.sqlite import SQLiteStore

HOSTILE = ["'; DROP TABLE units; --", 'x" OR 1=1 --', "%s %(x)s {0} \\", "Robert'); DROP TABLE entries;--",
           "a' | 'b", "!(&:*)", "l'acier d'« armure »"]


def _port(url: str) -> str:
    """The server's port, which the test server's URL gives as a parameter (its host is a socket)."""
    return psycopg.conninfo.conninfo_to_dict(url).get("port", "5432")


def _entry(fr: str, en: str) -> Entry:
    return Entry(terms=[Term(fr, "fr"), Term(en, "en")])


def test_clients_starting_at_once_create_the_schema_once(pg_url):
    opener = ("import sys; from tmtool.store.postgres import PostgresStore;"
              " PostgresStore.open(sys.argv[1]).close()")
    clients = [subprocess.Popen([sys.executable, "-c", opener, pg_url], stderr=subprocess.PIPE, text=True)
               for _ in range(6)]
    for client in clients:
        assert client.wait(timeout=120) == 0, client.stderr.read()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM tmtool_schema").fetchall() == [(len(MIGRATIONS),)]
        assert {name for name, in conn.execute("SELECT extname FROM pg_extension")} >= {"pg_trgm", "unaccent"}


def _store_of_schema_2(pg_url: str, source: str, target: str) -> None:
    """A store as schema 2 made it, holding one unit."""
    from tmtool.text.normalize import normalize_for_match

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent")
        conn.execute("CREATE TABLE tmtool_schema (version integer NOT NULL); INSERT INTO tmtool_schema VALUES (2)")
        for script in MIGRATIONS[:2]:
            conn.execute(script)
        conn.execute("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key, tuid)"
                     " VALUES (%s, %s, 'fr', 'en', %s, 'k', '1')", (source, target, normalize_for_match(source)))


def test_a_store_made_before_the_stored_words_finds_its_units_once_upgraded(pg_url):
    """Schema 3 computes the words of the units already stored, and its indexes stand."""
    from tmtool.store.copy import check_store

    _store_of_schema_2(pg_url, "Le comité se réunit.", "The committee meets.")
    with PostgresStore.open(pg_url) as store:
        assert [u.target for u, _ in store.concordance("comite")] == ["The committee meets."]
        assert check_store(store) == []


def test_a_database_without_a_store_is_not_found_unless_creating(pg_url):
    with pytest.raises(NotFound, match="no tmtool store in this database"):
        PostgresStore.open(pg_url, create=False)
    with PostgresStore.open(pg_url) as store:
        assert store.created and store.is_empty()
    with PostgresStore.open(pg_url, create=False) as store:
        assert not store.created


def test_a_stale_version_is_a_conflict_across_connections(pg_url):
    with PostgresStore.open(pg_url) as first, PostgresStore.open(pg_url) as second:
        entry_id = first.insert_entry(_entry("comité militaire", "military committee"), reviewed=True)
        read_by_both = second.entries([entry_id])[entry_id].version
        assert first.set_entry_fields(entry_id, {"note": "ana"}, expected_version=read_by_both) == 2
        with pytest.raises(Conflict, match=f"entry {entry_id} was changed by someone else"):
            second.set_entry_fields(entry_id, {"note": "ben"}, expected_version=read_by_both)
        assert second.entries([entry_id])[entry_id].note == "ana"


def test_an_id_given_is_never_handed_out_again(pg_url):
    with PostgresStore.open(pg_url) as store:
        assert store.insert_entry(_entry("a", "a"), reviewed=False, entry_id=41) == 41
        assert store.insert_entry(_entry("b", "b"), reviewed=False) == 42


def test_an_entry_takes_as_many_round_trips_whatever_its_number_of_terms(pg_url, monkeypatch):
    """Each round trip to the server waits for it (and, under load, for a core): an entry's terms
    and their look-up keys are written together, not two statements a term."""
    with PostgresStore.open(pg_url) as store:
        waits = []
        wait = store._pg.wait
        monkeypatch.setattr(store._pg, "wait", lambda *args, **kwargs: waits.append(1) or wait(*args, **kwargs))

        def round_trips(terms: list[Term]) -> int:
            waits.clear()
            entry_id = store.insert_entry(Entry(terms=terms), reviewed=False)
            assert [t.text for t in store.entries([entry_id])[entry_id].terms] == [t.text for t in terms]
            return len(waits)

        two = round_trips([Term("comité", "fr"), Term("committee", "en")])
        six = round_trips([Term(f"comité {n}", "fr") for n in range(3)]
                          + [Term(f"committee {n}", "en") for n in range(3)])
        assert two == six
        assert store.terms_by_key(["comite 2"])[0].text == "comité 2"


def test_a_document_s_glossary_writes_are_sent_without_waiting_for_each(pg_url, monkeypatch):
    """A document's counts, supports and contexts (hundreds of rows a document, each a statement)
    go in psycopg's pipeline: sent one after the other, the server's answers read when a read needs
    them, rather than a round trip each; and a write that fails there still fails the whole save."""
    from tmtool import glossary
    from tmtool.store import DocumentRecord

    def save(store, document: str, proposals: list[Entry]) -> None:
        unit = Unit(f"Une phrase de {document}.", f"A sentence of {document}.", "fr-FR", "en-GB", tuid="1")
        record = DocumentRecord(document, f"{document}.fr.txt", f"{document}.en.txt", document, document,
                                "fr-FR", "en-GB")
        glossary.save_document(store, record, [unit], proposals)

    def proposals(document: str) -> list[Entry]:
        return [Entry(terms=[Term(fr, "fr"), Term(f"{fr} (en)", "en")], score=0.7,
                      contexts=[Context(f"Sur {fr}.", f"On {fr}.", document, "1")]) for fr in ("char", "zone")]

    with PostgresStore.open(pg_url) as store:
        save(store, "a", proposals("a"))
        sent = []
        for method in ("execute", "executemany"):
            real = getattr(psycopg.Cursor, method)

            def spied(cursor, query, *args, _real=real, **kwargs):
                table = str(query).split()[2] if str(query).startswith("INSERT INTO") else None
                if cursor.connection is store._pg and table in ("entry_documents", "entry_equivalents", "contexts"):
                    sent.append((table, cursor.connection.pgconn.pipeline_status))
                return _real(cursor, query, *args, **kwargs)

            monkeypatch.setattr(psycopg.Cursor, method, spied)
        save(store, "b", proposals("b"))  # the same concepts: counts, supports, contexts for known entries
        assert {table for table, _ in sent} == {"entry_documents", "entry_equivalents", "contexts"}
        assert all(status == psycopg.pq.PipelineStatus.ON for _, status in sent), sent
        before = store.stats()
        monkeypatch.setattr(store, "add_equivalent_support", lambda *args: store._pg.execute(
            "INSERT INTO entry_equivalents (entry_id) VALUES (NULL)"))  # refused by the server, later
        with pytest.raises(psycopg.errors.NotNullViolation):
            save(store, "c", proposals("c"))
        assert store.stats() == before


def test_errors_show_the_url_with_its_password_masked(pg_server):
    port = _port(pg_server)
    url = f"postgresql://ana:s3cret-pw@127.0.0.1:{port}/tmtool?password=s3cret-pw&connect_timeout=5"
    with pytest.raises(TmtoolError) as raised:
        PostgresStore.open(url)
    message = str(raised.value)
    assert "s3cret" not in message and "ana:***@127.0.0.1" in message and "password=***" in message


def test_credentials_from_a_password_file(pg_server, tmp_path, monkeypatch):
    """A team's URL names no password: libpq reads it from PGPASSFILE (or ~/.pgpass)."""
    port = _port(pg_server)
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS team")
        admin.execute("DROP ROLE IF EXISTS translator")
        admin.execute("CREATE ROLE translator LOGIN PASSWORD 'pass-from-file'")
        admin.execute("CREATE DATABASE team OWNER translator")
    with psycopg.connect(pg_server.replace("/tmtool?", "/team?"), autocommit=True) as admin:
        admin.execute("CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent")  # as a database owner would ask
    url = f"postgresql://translator@127.0.0.1:{port}/team?connect_timeout=5"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(TmtoolError, match="cannot open store"):
        PostgresStore.open(url)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{port}:team:translator:pass-from-file\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with PostgresStore.open(url) as store:
        assert store.url == url and store.stats()["units"] == 0


def test_hostile_text_is_data_in_every_query(pg_url):
    with PostgresStore.open(pg_url) as store:
        units = [Unit(f"{text} numéro {i}", f"{text} number {i}", "fr-FR", "en-GB", tuid=text)
                 for i, text in enumerate(HOSTILE)]
        assert store.add_units(units, "'; DROP TABLE imports; --.tmx")[0] == len(HOSTILE)
        for text in HOSTILE:
            entry_id = store.insert_entry(Entry(terms=[Term(text, "fr"), Term(text, "en")],
                                                contexts=[Context(text, text, text, text)]), reviewed=True)
            assert store.entries([entry_id])[entry_id].terms[0].text == text
            store.concordance(text)
            store.concordance_count(text, 10)
            store.fuzzy_candidates(text.lower(), 70)
            store.terms_spelt_like(text)
            store.terms_by_prefix(text, 5)
            store.terms_by_key([text])
            assert store.list_entries(text=text)
            store.memory_contexts(text.split(), exclude_document=text)
        assert store.stats()["units"] == len(HOSTILE) and store.stats()["entries"] == len(HOSTILE)
        assert {unit.tuid for unit in store.units()} == set(HOSTILE)


def test_masked_leaves_a_url_without_password_alone():
    assert masked("postgresql://ana@db/tm?sslmode=require") == "postgresql://ana@db/tm?sslmode=require"
    assert masked("postgres://ana:p%40ss@db:5433/tm") == "postgres://ana:***@db:5433/tm"


# URLs libpq reads a password from, as people write them: a password with a raw '#', '?' or ':' (libpq takes
# everything between '://' and the first '@' before a '/' as the user and the password, and a URL has no
# fragment to it), a password= parameter said twice (libpq takes the last), one beside other parameters
PASSWORD_URLS = [
    ("postgresql://ana:s3#cret@db.example.org/tm", ["s3#cret"]),
    ("postgresql://ana:s3?cret@db.example.org:5433/tm?sslmode=require", ["s3?cret"]),
    ("postgres://ana:s3:c#r?et@/tm?host=/var/run/postgresql", ["s3:c#r?et"]),
    ("postgresql://ana@db.example.org/tm?password=s3cret1&password=s3cret2", ["s3cret1", "s3cret2"]),
    ("postgresql://ana@db.example.org/tm?sslmode=require&password=s3cret&application_name=tm", ["s3cret"]),
    ("postgresql://ana@db.example.org/tm?password=s3#cret&sslmode=require", ["s3#cret"]),
]


@pytest.mark.parametrize(("url", "passwords"), PASSWORD_URLS)
def test_no_password_libpq_reads_from_a_url_is_shown(url, passwords):
    """A password holding a raw '#' or '?' (which libpq reads as the password: only '@' and '/' end the user
    part) was shown whole by the masked URL of every message and by the URL an advised command names; of a
    ``password=`` said twice, the second was left in the advised command. Whatever password the URL gives
    libpq, neither shows it, and the URL advised reads as the same connection without it."""
    from tmtool.store.url import without_password

    read = psycopg.conninfo.conninfo_to_dict(url)
    assert read["password"] == passwords[-1]  # as libpq reads the URL
    bare, had = without_password(url)
    assert had
    for password in passwords:
        assert password not in masked(url) and password not in bare
    assert psycopg.conninfo.conninfo_to_dict(bare) == {k: v for k, v in read.items() if k != "password"}


# libpq's other secret, the password of the client's SSL key (sslpassword), and a secret parameter whose name is
# percent-encoded, which libpq decodes as it decodes a value (pass%77ord is password)
SECRET_PARAMETER_URLS = [
    ("postgresql://ana@db.example.org/tm?sslmode=verify-full&sslpassword=k3yphrase", {"sslpassword": "k3yphrase"}),
    ("postgresql://ana:s3cret@db.example.org/tm?sslpassword=k3yphrase&sslmode=require",
     {"password": "s3cret", "sslpassword": "k3yphrase"}),
    ("postgresql://ana@db.example.org/tm?pass%77ord=s3cret&sslmode=require", {"password": "s3cret"}),
    ("postgresql://ana@db.example.org/tm?ssl%70assword=k3yphrase", {"sslpassword": "k3yphrase"}),
]


@pytest.mark.parametrize(("url", "secrets"), SECRET_PARAMETER_URLS)
def test_no_secret_libpq_reads_from_a_url_is_shown(url, secrets, tmp_path):
    """``sslpassword``, the passphrase of the client's SSL key, was shown in every message naming the store (``cannot
    open store``) and in the command a notice advised, where ``password`` was masked or left out; so was a password
    given as ``pass%77ord``, which libpq decodes to ``password``. Neither is shown now, and the URL advised reads as
    the same connection without them."""
    from tmtool.store.url import without_password

    read = psycopg.conninfo.conninfo_to_dict(url)
    assert {key: read[key] for key in secrets} == secrets  # as libpq reads the URL
    bare, had = without_password(url)
    assert had and psycopg.conninfo.conninfo_to_dict(bare) == {k: v for k, v in read.items() if k not in secrets}
    advised = api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], url)
    refused = CliRunner().invoke(main, ["--db", url.replace("db.example.org", "127.0.0.1:9"), "stats"])
    assert refused.exit_code != 0 and "cannot open store" in refused.stderr
    for secret in secrets.values():
        assert secret not in masked(url) and secret not in bare and secret not in advised
        assert secret not in refused.stderr



def test_every_secret_libpq_hides_is_a_secret_parameter():
    """libpq marks the parameters whose value it never shows (``dispchar`` ``*``): ``password``, ``sslpassword``
    and, since PostgreSQL 18, ``oauth_client_secret``, the OAuth client's secret, which was shown in every message
    naming the store and left in the command a notice advised. Each is masked and left out as a password is."""
    from tmtool.store.url import SECRET_PARAMETERS

    hidden = {option.keyword.decode() for option in psycopg.pq.Conninfo.get_defaults() if option.dispchar == b"*"}
    assert {"password", "sslpassword"} <= hidden <= SECRET_PARAMETERS


def test_an_oauth_client_secret_is_neither_shown_nor_advised():
    """PostgreSQL 18's OAuth: a client's secret in the store's URL (oauth_client_secret) was shown as typed by the
    masked URL and kept in the command advised on the store. It is masked, and the advised URL is the same
    connection without it."""
    from tmtool.store.url import scrubbed, without_password

    url = ("postgresql://ana@db.example.org/tm?oauth_issuer=https://login.example.org&oauth_client_id=tmtool"
           "&oauth_client_secret=0a5Fz9&sslmode=require")
    assert masked(url) == url.replace("secret=0a5Fz9", "secret=***")
    assert without_password(url) == (url.replace("&oauth_client_secret=0a5Fz9", ""), True)
    assert "0a5Fz9" not in api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], url)
    assert scrubbed("connection refused for secret 0a5Fz9", url) == "connection refused for secret ***"


def test_a_secret_other_than_the_password_left_out_is_not_said_to_be_read_from_pgpassword():
    """A URL's sslpassword (or OAuth client secret) left out of an advised command was said to be "the store's
    password", which libpq "reads from PGPASSWORD or ~/.pgpass": it reads neither secret from there, and one set
    as told was sent as the server's password. The note names what was left out, and where each comes from."""
    def note(url: str) -> str:
        return api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], url).partition(" visite) ")[2]

    assert note("postgresql://ana@db.example.org/tm?sslpassword=k3yphrase") == (
        "(the store's sslpassword left out: add sslpassword to the URL as your connection needs)")
    assert note("postgresql://ana:s3cret@db.example.org/tm?oauth_client_secret=0a5Fz9") == (
        "(the store's password, oauth_client_secret left out: libpq reads the password from PGPASSWORD or the"
        " password file, ~/.pgpass; add oauth_client_secret to the URL as your connection needs)")
    assert note("postgresql://ana:s3cret@db.example.org/tm") == (
        "(the store's password left out: libpq reads it from PGPASSWORD or the password file, ~/.pgpass)")

def test_units_copied_across_batches_are_all_found(pg_url, monkeypatch):
    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 3)
    units = [Unit(f"Phrase numéro mot{n}x.", f"Sentence number word{n}y.", "fr-FR", "en-GB", tuid=str(n),
                  variants=[Variant("de", f"Satz {n}")] if n % 4 == 0 else []) for n in range(23)]
    with PostgresStore.open(pg_url) as store:
        assert store.add_units(units + units[:5], "a.tmx") == (23, 5, 0)  # the repeats are stored once
        assert list(store.units()) == units
        for n in range(23):
            assert [u.tuid for u, _ in store.concordance(f"mot{n}x")] == [str(n)]
            assert [u.tuid for u, _ in store.concordance(f"word{n}y")] == [str(n)]
            best = max(store.fuzzy_candidates(f"phrase numéro mot{n}x.", 90).items(),
                       key=lambda hit: similarity(hit[1], f"phrase numéro mot{n}x."))
            assert store.units_by_id([best[0]])[best[0]].tuid == str(n)


def test_the_schema_refuses_a_unit_without_languages(pg_url):
    insert = ("INSERT INTO units (source, target, srclang, tgtlang, match_text, content_key)"
              " VALUES ('Le Comité.', 'The Committee.', %s, %s, 'le comite', 'k')")
    PostgresStore.open(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for srclang, tgtlang in (("fr-FR", ""), ("", "en-GB"), ("fr FR", "en-GB"), ("fr-FR", "e")):
            with pytest.raises(psycopg.errors.CheckViolation):
                conn.execute(insert, (srclang, tgtlang))
        conn.execute(insert, ("fr_FR", "zh-Hant-TW"))
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE units SET tgtlang = ''")
        assert conn.execute("SELECT srclang, tgtlang FROM units").fetchall() == [("fr_FR", "zh-Hant-TW")]


def test_a_slip_in_a_short_term_is_still_looked_up(pg_url):
    """One slip takes most of a short word's trigrams: "otn" shares 2 of the 7 of "otan"."""
    from tmtool import glossary
    from tmtool.lookup import lookup

    with PostgresStore.open(pg_url) as store:
        glossary.add_entry(store, _entry("OTAN", "NATO"))
        assert [(hit.matched, hit.match) for hit in lookup(store, "otn")] == [("OTAN", "fuzzy")]


def test_a_process_opening_a_store_again_and_again_keeps_its_connections_in_a_pool(pg_url):
    """A server answering requests: from the second open on, connections come from a pool."""
    from tmtool.store.postgres import store as backend

    def backend_pid() -> int:
        with PostgresStore.open(pg_url) as store:
            return store._pg.info.backend_pid

    first = backend_pid()
    pooled = {backend_pid() for _ in range(5)}
    assert first not in pooled and len(pooled) == 1  # one connection, reused
    key = (os.getpid(), pg_url)
    assert backend._POOLS[key].get_stats()["pool_size"] <= backend.POOL_SIZE
    backend._POOLS.pop(key).close()


def test_pooled_connections_the_server_ended_are_replaced_not_told_as_errors(pg_url):
    """The database server restarted overnight (here: its connections ended): a workbench's pooled
    connections are dead, and the first requests after it each met one, a 503 apiece, until the pool
    held only new ones."""
    from contextlib import ExitStack

    from tmtool.store.postgres import store as backend

    with PostgresStore.open(pg_url, create=True):
        pass
    with ExitStack() as stack:  # three requests at once: three connections in the pool
        for _ in range(3):
            stack.enter_context(PostgresStore.open(pg_url))
    with psycopg.connect(pg_url, autocommit=True) as admin:
        ended = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                              " WHERE datname = current_database() AND application_name = 'tmtool'").fetchone()[0]
    assert ended == 3
    try:
        for _ in range(5):
            with PostgresStore.open(pg_url) as store:
                assert store.stats()["entries"] == 0
    finally:
        backend._POOLS.pop((os.getpid(), pg_url)).close()


def test_a_first_import_builds_the_search_indexes_after_its_rows(pg_url, monkeypatch):
    from tmtool.store.copy import check_store
    from tmtool.store.postgres.schema import SEARCH_INDEXES

    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)
    units = [Unit(f"Phrase numéro mot{n}x.", f"Sentence number word{n}y.", "fr-FR", "en-GB", tuid=str(n))
             for n in range(30)]
    indexes = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'units' ORDER BY 1"
    with PostgresStore.open(pg_url) as store:
        before = store._query(indexes)
        store.add_units(units[:20], "a.tmx")  # into an empty memory: the indexes built once, after
        store.add_units(units[20:], "b.tmx")  # into a memory: the indexes grow
        assert check_store(store) == []
        assert store._query(indexes) == before  # every one of them, as it was
        with psycopg.connect(pg_url) as conn:
            assert {name for name, in conn.execute("SELECT indexname FROM pg_indexes")} >= set(SEARCH_INDEXES)
        for n in (3, 25):
            assert [u.tuid for u, _ in store.concordance(f"word{n}y")] == [str(n)]
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("DROP INDEX units_source_words")
        assert check_store(store) == ["index units_source_words is missing"]


def test_an_import_reads_the_next_batch_while_the_server_stores_this_one(pg_url, monkeypatch):
    import threading

    from tmtool.store.postgres import store as backend

    monkeypatch.setattr(backend, "IMPORT_BATCH", 7)
    second_batch_read = threading.Event()
    read_while_writing = []  # whether the second batch was read while the first was being written
    copy_units = PostgresStore._copy_units

    def writing(self, *args):
        if not read_while_writing:
            read_while_writing.append(second_batch_read.wait(timeout=10))
        return copy_units(self, *args)

    monkeypatch.setattr(PostgresStore, "_copy_units", writing)

    def units():
        for n in range(20):
            if n == 13:  # the second batch's last unit
                second_batch_read.set()
            yield Unit(f"Phrase {n}.", f"Sentence {n}.", "fr-FR", "en-GB")

    with PostgresStore.open(pg_url) as store:
        assert store.add_units(units(), "a.tmx") == (20, 0, 0)
    assert read_while_writing == [True]


def test_a_file_failing_mid_import_leaves_the_empty_memory_as_it_was(pg_url, monkeypatch):
    """The reader's error (raised in its thread) ends the import's transaction: no unit stored, the
    indexes and foreign keys dropped for the bulk write are back."""
    from tmtool.store.copy import check_store

    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)

    def units():
        for n in range(10):
            yield Unit(f"Phrase {n}.", f"Sentence {n}.", "fr-FR", "en-GB")
        raise TmtoolError("not well-formed", path="a.tmx")

    with PostgresStore.open(pg_url) as store:
        constraints = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint ORDER BY 1"
        indexes = "SELECT indexname, indexdef FROM pg_indexes ORDER BY 1"
        before = store._query(constraints), store._query(indexes)
        with pytest.raises(TmtoolError, match="not well-formed"):
            store.add_units(units(), "a.tmx")
        assert store.stats()["units"] == 0 and check_store(store) == []
        assert (store._query(constraints), store._query(indexes)) == before


def test_a_first_import_checks_its_units_references_in_one_join(pg_url, monkeypatch):
    """Not a look-up of the import's row for each unit (a trigger per row), and they are checked."""
    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)
    units = [Unit(f"Phrase {n}.", f"Sentence {n}.", "fr-FR", "en-GB") for n in range(30)]
    with PostgresStore.open(pg_url) as store:
        import_id = store.new_import("a.tmx", "tmx", "units")
        store.add_units(units, "a.tmx", import_id)
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            store.add_units([Unit("Autre.", "Other.", "fr-FR", "en-GB")], "b.tmx", import_id + 1)  # row by row
    with psycopg.connect(pg_url) as conn:  # the store's connection closed: its counts are flushed
        scans, = conn.execute("SELECT idx_scan FROM pg_stat_user_tables WHERE relname = 'imports'").fetchone()
    assert scans < 5


def test_a_bulk_import_analyses_the_words_and_leaves_the_rest_to_autovacuum(pg_url, monkeypatch):
    """The words' statistics (which fuzzy search and the memory contexts read) are there when the
    import ends; the other columns' (long texts to sort, for the planner alone) are not taken on
    its time: the table stays counted as changed, for autovacuum's next round."""
    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)
    units = [Unit(f"Phrase numéro {n}.", f"Sentence number {n}.", "fr-FR", "en-GB") for n in range(30)]
    with PostgresStore.open(pg_url) as store:
        store.add_units(units, "a.tmx")
        assert store._common_words()[0]["numero"] == 30
        analysed = {column for column, in store._query("SELECT attname FROM pg_stats WHERE tablename = 'units'")}
        assert analysed == {"source_words", "target_words"}
    with psycopg.connect(pg_url) as conn:  # the store's connection closed: its counts are flushed
        changed, autoanalysed = conn.execute("SELECT n_mod_since_analyze, last_autoanalyze IS NOT NULL"
                                             " FROM pg_stat_user_tables WHERE relname = 'units'").fetchone()
    assert changed == 30 or autoanalysed  # on a busy machine autovacuum may have taken its round already


def test_the_memory_contexts_leave_out_words_common_in_the_memory(pg_url, monkeypatch):
    """With statistics (taken after a bulk import), a word's count comes from them, not a count."""
    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)
    units = [Unit(f"La réunion du comité numéro {n}.", f"Committee meeting {n}.", "fr-FR", "en-GB", tuid=str(n))
             for n in range(40)] + [Unit("Le dispositif explosif de circonstance.", "The improvised explosive device.",
                                         "fr-FR", "en-GB", tuid="ied")]
    with PostgresStore.open(pg_url) as store:
        store.add_units(units, "a.tmx")
        assert store._common_words()[0]["reunion"] == pytest.approx(40, abs=1)
        found = store.memory_contexts(["réunion", "dispositif"], limit=10)
        assert [context.unit for context in found] == ["ied"]


def test_a_word_the_statistics_miss_is_counted_as_sqlite_counts_it(pg_url, monkeypatch):
    """The statistics list only the commonest words: one they leave out may still be in more than
    ``limit`` units, and is left out as on SQLite, not taken as specific."""
    units = [Unit(f"La réunion du comité numéro {n}.", f"Committee meeting {n}.", "fr-FR", "en-GB", tuid=str(n))
             for n in range(12)]
    units.append(Unit("Le dispositif explosif.", "The explosive device.", "fr-FR", "en-GB", tuid="ied"))
    with PostgresStore.open(pg_url) as store:
        store.add_units(units, "a.tmx")
        monkeypatch.setattr(store, "_common_words", lambda side="source": ({"dispositif": 1.0}, 13.0))  # "réunion" missed
        assert [c.unit for c in store.memory_contexts(["réunion", "dispositif"], limit=10)] == ["ied"]


def test_the_memory_contexts_rank_a_long_unit_s_matches_lower(pg_url):
    """A word twice in a long unit ranks below it once in a short unit, as bm25 ranks them on
    SQLite (a long context costs the aligner more, and says less about the word)."""
    long = " ".join(["Le détonateur"] + ["et encore un texte sans rapport"] * 12 + ["avec un détonateur."])
    units = [Unit(long, "A long unit.", "fr-FR", "en-GB", tuid="long"),
             Unit("Un détonateur.", "A detonator.", "fr-FR", "en-GB", tuid="short")]
    with PostgresStore.open(pg_url) as store, SQLiteStore.open(":memory:") as sqlite:
        for backend in (store, sqlite):
            backend.add_units(units, "a.tmx")
            assert [c.unit for c in backend.memory_contexts(["détonateur"])] == ["short", "long"]


# ---- a connection lost mid-command: one line naming the store, never a traceback --------------------

LOST = "lost the connection to the store"


def _end_connection(store: PostgresStore, url: str) -> None:
    """End the store's connection from the server's side, as a server stopped or restarted does (its process gone)."""
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s, 10000)", (store._pg.info.backend_pid,))


@pytest.mark.parametrize("command", [
    lambda store: store.stats(),  # a read
    lambda store: store.insert_entry(_entry("comité", "committee"), reviewed=False),  # a write
    lambda store: list(store.units()),  # read a batch at a time
    lambda store: store.terms_spelt_like("comite"),
    lambda store: __import__("tmtool.store.copy").store.copy.check_store(store),  # db check
], ids=["read", "write", "units", "spelt-like", "check"])
def test_a_connection_the_server_ended_between_commands_is_replaced(pg_url, command):
    """The server restarted (here: it ended the store's connection) while the store was idle between two commands of
    one process: the next was "lost the connection to the store" though the server answered again, and so was each
    one after it ("the connection is closed"). It runs on a new connection, as do those after it."""
    with PostgresStore.open(pg_url) as store:
        _end_connection(store, pg_url)
        command(store)
        pid = store._pg.info.backend_pid
        command(store)
        assert store._pg.info.backend_pid == pid


def test_a_server_down_between_commands_is_one_error_naming_the_store(pg_url, monkeypatch):
    url = pg_url + "&password=s3cret-pw"  # unused by the socket (trusted), shown masked all the same
    with PostgresStore.open(url) as store:
        _end_connection(store, pg_url)
        monkeypatch.setattr("tmtool.store.postgres.store._connect", lambda url, failing: (_ for _ in ()).throw(
            __import__("tmtool").Unavailable(f"{failing}: connection refused", path=masked(url))))
        with pytest.raises(TmtoolError, match=LOST) as raised:
            store.stats()
    assert raised.value.path == masked(url) and "s3cret" not in str(raised.value)


def test_an_ingest_of_a_folder_goes_on_past_a_server_that_ended_its_connection(pg_url, tmp_path, monkeypatch):
    """``ingest --dir`` of a week's documents while the server restarted: the document whose transaction it ended
    failed, rightly, but so did every one after it ("lost the connection to the store: the connection is closed"),
    the server answering again. Those after it are stored; the failed one is stored when the command is run again."""
    import shutil

    from test_week import PAIRS, WEEK

    for name in PAIRS:
        for lang in ("fr", "en"):
            shutil.copy(WEEK / f"{name}.{lang}.txt", tmp_path)
    replace_document = PostgresStore.replace_document
    stored = []

    def restarting(store, record, units):  # ends the connection in the second document's transaction, and while
        stored.append(record.id)  # idle before the third's
        if len(stored) == 2:
            _end_connection(store, pg_url)
        result = replace_document(store, record, units)
        if len(stored) == 2:
            _end_connection(store, pg_url)
        return result

    monkeypatch.setattr(PostgresStore, "replace_document", restarting)
    result = _cli("--db", pg_url, "ingest", "--dir", str(tmp_path), "--no-terms")
    assert result.exit_code == 1 and stored == PAIRS, result.output
    assert f"failed: {PAIRS[1]}: {masked(pg_url)}: {LOST}: terminating connection due to administrator command" \
           in result.stderr.splitlines()
    assert result.stdout.startswith("2 documents ingested, 0 already stored, 1 failed")
    with PostgresStore.open(pg_url) as store:
        assert sorted(record.id for record, _ in store.documents()) == [PAIRS[0], PAIRS[2]]
    again = _cli("--db", pg_url, "ingest", "--dir", str(tmp_path), "--no-terms")
    assert again.exit_code == 0 and again.stdout.splitlines()[-1].startswith("1 document ingested, 2 already stored")


def test_a_connection_lost_in_a_transaction_leaves_the_store_as_it_was(pg_url):
    with PostgresStore.open(pg_url) as store:
        with pytest.raises(TmtoolError, match=LOST):
            with store.transaction():
                store.insert_entry(_entry("comité", "committee"), reviewed=False)
                _end_connection(store, pg_url)
                store.insert_entry(_entry("réunion", "meeting"), reviewed=False)
    with PostgresStore.open(pg_url) as store:
        assert store.stats()["entries"] == 0


def test_a_connection_lost_in_a_transaction_whose_failure_was_caught_is_not_replaced_inside_it(pg_url):
    """A script's transaction of several changes, one of which failed as the connection was lost, its error caught
    (logged, the loop going on): the next changes were written on a new connection, each committed on its own outside
    the transaction and its lock, the earlier ones rolled back, and the transaction ended without a word, the script
    taking it for committed. What follows the loss fails as lost, the transaction too, and nothing is written."""
    with PostgresStore.open(pg_url) as store:
        failed = []
        with pytest.raises(TmtoolError, match=LOST):
            with store.transaction():
                store.insert_entry(_entry("comité", "committee"), reviewed=False)
                _end_connection(store, pg_url)
                for fr, en in [("réunion", "meeting"), ("ordre du jour", "agenda")]:
                    try:
                        store.insert_entry(_entry(fr, en), reviewed=False)
                    except Exception as error:  # noqa: BLE001 (a script's loop, going on past one change)
                        failed.append(error)
                assert store.in_transaction()
        assert len(failed) == 2
    with PostgresStore.open(pg_url) as store:
        assert store.stats()["entries"] == 0


def test_the_cli_says_in_one_line_that_the_server_went_away(monkeypatch, tmp_path):
    """The server stopped in the middle of a command that was creating the store: one line on
    stderr naming the store, its password masked, and exit 1 (the store cannot be discarded)."""
    import pgcluster
    from click.testing import CliRunner

    from tmtool import api
    from tmtool.cli import main

    if pgcluster.binaries() is None:
        tool_missing("no PostgreSQL installed to start a cluster of the test's own and stop it")
    directory = Path(tempfile.mkdtemp(prefix="tmtool-pg-"))
    try:
        url = pgcluster.start(directory) + "&password=s3cret-pw"
        add_entry = api.add_entry

        def stopping_the_server(*args, **kwargs):
            pgcluster.stop(directory)
            return add_entry(*args, **kwargs)

        monkeypatch.setattr(api, "add_entry", stopping_the_server)
        result = CliRunner().invoke(main, ["--db", url, "glossary", "add", "Comité militaire", "Military Committee"])
    finally:
        pgcluster.stop(directory)
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    assert result.output.startswith(f"tmtool: error: {masked(url)}: {LOST}: ")
    assert result.output.count("\n") == 1 and "s3cret" not in result.output


def test_a_store_of_schema_version_2_loses_the_trigram_index_fuzzy_search_no_longer_reads(pg_url):
    from tmtool.search import search_memory

    def indexes() -> set[str]:
        with psycopg.connect(pg_url) as conn:
            return {name for name, in conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'units'")}

    _store_of_schema_2(pg_url, "Le Comité militaire se réunira demain.", "x")
    assert "units_match_grams" in indexes()
    with PostgresStore.open(pg_url) as store:
        assert "units_match_grams" not in indexes() and "units_source_words" in indexes()
        assert [h.unit.tuid for h in search_memory(store, "Le Comité militaire se réunira lundi.")] == ["1"]


def test_fuzzy_search_never_reads_every_unit_holding_a_common_word(pg_url, monkeypatch):
    """A query of common words that no unit shares two of finds nothing, rather than read every unit
    holding the rarest of them."""
    monkeypatch.setattr("tmtool.store.postgres.store.WORD_COUNT_CAP", 5)  # a word in more units is common
    with PostgresStore.open(pg_url) as store:
        store.add_units([Unit(f"Le rapport numéro {n}.", "x", "fr-FR", "en-GB") for n in range(8)]
                        + [Unit(f"Une note {n}.", "x", "fr-FR", "en-GB") for n in range(8)], "a.tmx")
        read = []
        monkeypatch.setattr(store, "_word_matches", lambda words, band, side, codes: read.append(words) or {})
        assert store.fuzzy_candidates("le rapport, une note", 70) == {}
        assert read == ["'le' & 'note' | 'le' & 'rapport' | 'note' & 'rapport'"]


# ---- the server's refusals and failures: one line naming the store, never a traceback ------------

def _cli(*args: str):
    from click.testing import CliRunner

    from tmtool.cli import main

    return CliRunner().invoke(main, list(args))


def _one_line_error(result, url: str, says: str) -> None:
    assert isinstance(result.exception, SystemExit) and result.exit_code != 0, result.exception
    assert result.output.startswith(f"tmtool: error: {masked(url)}: {says}"), result.output
    assert result.output.count("\n") == 1 and "s3cret" not in result.output


@pytest.fixture
def role(pg_server):
    """A login role of the test's own (dropped again), made with the attributes given."""
    made = []

    def make(name: str, attributes: str) -> str:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f"DROP ROLE IF EXISTS {name}")
            admin.execute(f"CREATE ROLE {name} LOGIN {attributes}")
        made.append(name)
        return name

    yield make
    with psycopg.connect(pg_server, autocommit=True) as admin:
        for name in made:
            admin.execute(f"DROP ROLE IF EXISTS {name}")


def test_a_database_that_does_not_exist_is_named(pg_server):
    url = pg_server.replace("/tmtool?", "/no_such_db?")
    _one_line_error(_cli("--db", url, "stats"), url, 'cannot open store: database "no_such_db" does not exist')


def test_a_wrong_password_is_said_without_showing_it(pg_server, role, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    role("reviser", "PASSWORD 'right-pw'")
    url = f"postgresql://reviser:s3cret-pw@127.0.0.1:{_port(pg_server)}/tmtool?connect_timeout=5"
    _one_line_error(_cli("--db", url, "stats"), url,
                    'cannot open store: password authentication failed for user "reviser"')


@pytest.mark.parametrize("credentials, query, says", [
    ("reviser:s3cret pw@", "", 'cannot open store: unexpected spaces found in "***"'),
    ("reviser:s3cret%ZZ@", "", 'cannot open store: invalid percent-encoded token: "***"'),
    ("reviser@", "?password=s3cret%ZZ", 'cannot open store: invalid percent-encoded token: "***"'),
])
def test_a_password_libpq_cannot_read_is_not_shown_either(pg_server, credentials, query, says):
    """libpq quotes the part of a URL it cannot parse: a password with a space or a stray % was printed."""
    url = f"postgresql://{credentials}127.0.0.1:{_port(pg_server)}/tmtool{query}"
    _one_line_error(_cli("--db", url, "stats"), url, says)


def test_too_many_connections_are_said_as_the_server_says_it(pg_server, role):
    role("busy", "CONNECTION LIMIT 0")
    url = pg_server.replace("postgresql://tmtool@", "postgresql://busy@")
    _one_line_error(_cli("--db", url, "stats"), url, 'cannot open store: too many connections for role "busy"')


@pytest.mark.parametrize("setting, said", [
    ("statement_timeout", "the server cancelled the command: canceling statement due to statement timeout"),
    ("lock_timeout", "the store was busy: the command waited longer than the server's lock_timeout"),  # 55P03
])
def test_a_write_waiting_past_a_timeout_is_one_line(pg_url, setting, said):
    """A write waiting longer than the URL's statement_timeout or lock_timeout for another writer's lock."""
    from tmtool.store.postgres.store import WRITE_LOCK

    with PostgresStore.open(pg_url):
        pass
    url = pg_url + f"&options=-c%20{setting}%3D300"
    with psycopg.connect(pg_url, autocommit=True) as writer:
        writer.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        result = _cli("--db", url, "glossary", "add", "Comité militaire", "Military Committee")
    _one_line_error(result, url, said)
    with PostgresStore.open(pg_url) as store:
        assert store.stats()["entries"] == 0


def test_a_server_failure_no_entry_names_is_one_error_not_a_traceback(pg_url):
    from tmtool.store.postgres.store import _server_errors

    with PostgresStore.open(pg_url) as store:
        with pytest.raises(TmtoolError, match="the store's server failed: statement is too complex"):
            with _server_errors(store._connection, pg_url):
                raise psycopg.errors.StatementTooComplex("statement is too complex")


def test_a_server_short_of_resources_is_one_error_naming_the_store(pg_url):
    """A sort the server may not spill to disk (temp_file_limit; a full disk is told the same way)."""
    url = pg_url + "&options=-c%20work_mem%3D64%20-c%20temp_file_limit%3D64"
    with PostgresStore.open(url) as store:
        with pytest.raises(TmtoolError, match="the server is short of resources: temporary file size") as raised:
            store._query("SELECT g FROM generate_series(1, 100000) g ORDER BY g DESC")
        assert raised.value.path == masked(url)


def test_fuzzy_candidates_read_the_statistics_of_the_words_and_the_units_in_one_statement(pg_url, monkeypatch):
    """A word's count and the number of units (a word in more than a share of them is too common to
    select units by) come from one statement: each is a wait on a server, and the two agree."""
    monkeypatch.setattr("tmtool.store.postgres.store.IMPORT_BATCH", 7)
    units = [Unit(f"La réunion du comité numéro {n}.", f"Committee meeting {n}.", "fr-FR", "en-GB")
             for n in range(40)]
    with PostgresStore.open(pg_url) as store:
        store.add_units(units, "a.tmx")  # a bulk import: the words' statistics are taken
        statements = []
        query = store._query
        monkeypatch.setattr(store, "_query", lambda sql, params=(): statements.append(sql) or query(sql, params))
        assert store.fuzzy_candidates("La réunion du comité numéro 7.", 70)
        assert len([sql for sql in statements if "pg_class" in sql or "pg_stats" in sql]) == 1


def test_fuzzy_candidates_check_the_length_band_on_the_rows_their_words_select(pg_url, monkeypatch):
    """The planner ANDed the word index's bitmap with a length index's, a third of the units at
    1M (23-29 ms of the server's CPU a search on average, 7 without): no length index, the band is a filter."""
    import random

    rng, words = random.Random(1), [f"mot{i}" for i in range(50)]
    units = [Unit(" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))) + f" fin{i}.", "x", "fr-FR", "en-GB")
             for i in range(5000)]
    with PostgresStore.open(pg_url) as store:
        store.add_units(units, "a.tmx")
        store._pg.execute("ANALYZE units")
        statements = []
        query = store._query
        monkeypatch.setattr(store, "_query", lambda sql, params=(): statements.append((sql, params)) or query(sql, params))
        store.fuzzy_candidates("mot1 mot2 mot3 mot4 mot5 mot6 mot7 mot8", 70)
        (sql, params), = [(sql, params) for sql, params in statements if "source_words @@" in sql]
        plan = "\n".join(line for line, in query("EXPLAIN " + sql, params))
        assert "units_source_words" in plan
        assert not [name for name, in query("SELECT indexname FROM pg_indexes WHERE tablename = 'units'"
                                              " AND indexdef LIKE '%%length(%%'")]


def test_a_team_s_members_share_the_store_whoever_makes_it(pg_url, pg_server, role):
    """The database belongs to the team's group role, each member logging in as themself: the store the
    first member makes belongs to the group, so every member reads, reviews and writes it; a role
    outside the team is refused in one line, not a traceback."""
    from urllib.parse import urlsplit

    team, ana, ben, eve = (role(name, "") for name in ("team_members", "ana_member", "ben_member", "eve_outsider"))
    database = urlsplit(pg_url).path[1:]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"GRANT {team} TO {ana}, {ben}")
        admin.execute(f'ALTER DATABASE "{database}" OWNER TO {team}')
    as_role = {name: pg_url.replace("postgresql://tmtool@", f"postgresql://{name}@") for name in (ana, ben, eve)}
    try:
        assert _cli("--db", as_role[ana], "glossary", "add", "espace aérien", "airspace",
                    "--status", "candidate").exit_code == 0
        approved = _cli("--db", as_role[ben], "--user", "ben", "glossary", "approve", "1")
        assert (approved.exit_code, approved.output) == (0, "1 entry approved (change 2)\n")
        with psycopg.connect(pg_url) as conn:
            assert {owner for owner, in conn.execute(
                "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema()")} == {team}
        _one_line_error(_cli("--db", as_role[eve], "glossary", "list"), as_role[eve],
                        "permission denied for table tmtool_schema: the store belongs to a role this one is not"
                        " a member of")
    finally:  # the roles own the store's tables: the database goes before them
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


def test_a_role_that_may_not_make_the_store_is_told_what_its_owner_does(pg_url, role):
    """A new database, a role that may neither create the extensions nor tables: one line naming the
    store and what the database's owner runs (it said "its owner must open it first", without the store)."""
    url = pg_url.replace("postgresql://tmtool@", f"postgresql://{role('newcomer', '')}@")
    _one_line_error(_cli("--db", url, "glossary", "add", "espace aérien", "airspace"), url,
                    "cannot create the store's schema: permission denied to create extension \"pg_trgm\" (the"
                    " database's owner runs once CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent and opens the"
                    " store first, or makes this role a member of the database's owning role)")


@pytest.mark.parametrize("maker", ["team", "superuser"])
def test_a_store_is_upgraded_as_the_role_owning_it(pg_url, pg_server, role, maker):
    """What a migration adds belongs to the role owning the store, whoever upgrades it: a member of the
    team upgrading the team's store adds the team's tables; a store the superuser made in a database
    the team owns stays the superuser's (the team's role may not alter its tables)."""
    from urllib.parse import urlsplit

    team, ben = role("team_upgrade", ""), role("ben_upgrade", "")
    database = urlsplit(pg_url).path[1:]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"GRANT {team} TO {ben}")
        admin.execute(f'ALTER DATABASE "{database}" OWNER TO {team}')
    try:
        made_as = f"&options=-c%20role%3D{team}" if maker == "team" else ""
        _store_of_schema_2(pg_url + made_as, "Le comité se réunit.", "The committee meets.")
        upgrader = pg_url.replace("postgresql://tmtool@", f"postgresql://{ben}@") if maker == "team" else pg_url
        with PostgresStore.open(upgrader) as store:
            assert [u.target for u, _ in store.concordance("comite")] == ["The committee meets."]
        with psycopg.connect(pg_url) as conn:
            assert {owner for owner, in conn.execute(
                "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema()")} == {
                team if maker == "team" else psycopg.conninfo.conninfo_to_dict(pg_url)["user"]}
    finally:  # the roles own the store's tables: the database goes before them
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{database}" WITH (FORCE)')


# ---- libpq's connection strings (host=… dbname=…), and the passwords in them -------------------------------------

SEED = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def team_db(pg_url, role):
    """A new database on the test server owned by a role logging in with a password that holds a space, over TCP,
    where the server asks for the password: (port, database, role, password)."""
    from urllib.parse import urlsplit

    dbname, password = urlsplit(pg_url).path[1:], "s3cret pw"
    user = role("team_ann", f"PASSWORD '{password}'")
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{dbname}" OWNER TO {user}')
        admin.execute("CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent")  # as an administrator would, once
    yield _port(pg_url), dbname, user, password
    with psycopg.connect(pg_url.replace(f"/{dbname}?", "/tmtool?"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{dbname}" WITH (FORCE)')  # before its owner, the role, is dropped


def test_a_connection_string_opens_the_postgresql_store(team_db, tmp_path, monkeypatch):
    """``--db "host=… dbname=… password='…'"``, libpq's key=value form (psql's, a service file's), was taken for a
    SQLite file's name: "no such store", the password shown as typed. It opens the PostgreSQL store, wherever a store
    is named (--db, $TMTOOL_DB, db copy), its quoted password read as libpq reads it, a service of pg_service.conf too."""
    port, dbname, user, password = team_db
    monkeypatch.chdir(tmp_path)  # where a SQLite file of that name was made
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    conninfo = f"host=127.0.0.1 port={port} dbname={dbname} user={user} password='{password}' connect_timeout=5"
    assert psycopg.conninfo.conninfo_to_dict(conninfo)["password"] == password  # as libpq reads it
    added = _cli("--db", conninfo, "glossary", "add", "Comité militaire", "Military Committee")
    assert added.exit_code == 0, added.output
    assert "s3cret" not in added.output and not (tmp_path / conninfo).exists()
    url = f"postgresql://{user}:s3cret%20pw@127.0.0.1:{port}/{dbname}"
    with PostgresStore.open(url) as store:  # the same store, by its URL
        assert [t.text for t in store.list_entries()[0].terms] == ["Comité militaire", "Military Committee"]
    monkeypatch.setenv("TMTOOL_DB", conninfo)
    assert "entries              1" in _cli("stats").output
    copied = _cli("db", "copy", conninfo, str(tmp_path / "copy.db"))
    assert copied.exit_code == 0 and "password=***" in copied.output and "s3cret" not in copied.output
    with SQLiteStore.open(str(tmp_path / "copy.db")) as copy:
        assert copy.stats()["entries"] == 1
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost=127.0.0.1\nport={port}\ndbname={dbname}\nuser={user}\npassword={password}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.delenv("TMTOOL_DB")
    assert "entries              1" in _cli("--db", "service=team", "stats").output


@pytest.mark.parametrize("conninfo, secrets", [
    ("host=db.example.org dbname=tm user=ann password=s3cret", ["s3cret"]),
    ("host=db.example.org dbname=tm user=ann password='s3cret pw'", ["s3cret pw"]),
    (r"password = 's3\'cret\\pw' host=db.example.org dbname=tm", ["s3'cret\\pw"]),
    ("dbname=tm password=s3cret1 sslmode=require password=s3cret2 sslpassword=k3yphrase", ["s3cret1", "s3cret2",
                                                                                           "k3yphrase"]),
    ("hots=db.example.org dbname=tm password=s3cret", ["s3cret"]),  # a name mistyped: libpq's to refuse
])
def test_no_secret_of_a_connection_string_is_shown(conninfo, secrets):
    """Of a connection string, neither the masked form every message names the store by nor the one an advised
    command names shows a secret; the advised one reads as the same connection without them. Refused (a server
    that does not answer, a name mistyped), the one line said names the store without them."""
    from tmtool.store.url import without_password

    read = psycopg.conninfo.conninfo_to_dict(conninfo.replace("hots=", "host="))
    bare, had = without_password(conninfo)
    assert had and psycopg.conninfo.conninfo_to_dict(bare.replace("hots=", "host=")) == {
        k: v for k, v in read.items() if k not in ("password", "sslpassword")}
    advised = api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], conninfo)
    refused = CliRunner().invoke(main, ["--db", conninfo.replace("db.example.org", "127.0.0.1 port=9"), "stats"])
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1, refused.output
    assert "cannot open store" in refused.stderr and "***" in refused.stderr
    for secret in secrets:
        assert secret not in masked(conninfo) and secret not in bare and secret not in advised
        assert secret not in refused.stderr


def test_a_connection_string_s_name_in_capitals_is_no_file_s_name():
    """``--db PASSWORD=s3cret`` (a name libpq knows, in capitals, which it refuses) was a SQLite file's name: "no such
    store", the password shown. It is libpq's to refuse, the password masked."""
    result = CliRunner().invoke(main, ["--db", "PASSWORD=s3cret", "stats"])
    assert (result.exit_code, result.stderr) == (
        1, 'tmtool: error: PASSWORD=***: cannot open store: invalid connection option "PASSWORD"\n')


@pytest.mark.parametrize("conninfo, name", [
    ("Host=db.example.org;Port=5432;Database=tm;Username=ana;Password=s3cret", "Host"),  # .NET's (Npgsql), pasted
    ("host=127.0.0.1 port=9 dbname=tm user=ana pwd=s3cret", "pwd"),  # ODBC's name for it
    ("host=127.0.0.1 port=9 dbname=tm user=ana passwd=s3cret", "passwd"),
    ("postgresql://ana@127.0.0.1:9/tm?sslmode=disable&passwd=s3cret", "passwd"),  # a URL's: 'invalid URI query parameter'
])
def test_a_value_under_a_name_libpq_does_not_know_is_not_shown(conninfo, name):
    """A password under another tool's name (ODBC's ``pwd``, a .NET connection string, which libpq reads as one
    item ``Host``): libpq refuses the name, and the line naming the store showed the password as typed."""
    result = CliRunner().invoke(main, ["--db", conninfo, "stats"])
    assert (result.exit_code, result.stderr.count("\n")) == (1, 1), result.output
    assert f'"{name}"' in result.stderr and f"{name}=***" in result.stderr
    assert "s3cret" not in result.stderr


def test_a_password_with_a_space_left_unquoted_is_not_shown():
    """``password=s3cret pw``: libpq stops at ``pw`` and quotes it ("missing "=" after "pw""), a piece of the
    password. The line says what is wrong, the password's words masked."""
    result = CliRunner().invoke(main, ["--db", "host=127.0.0.1 port=9 dbname=tm password=s3cret pw", "stats"])
    assert result.exit_code == 1 and result.stderr == (
        "tmtool: error: host=127.0.0.1 port=9 dbname=tm password=*** ***: a word of the connection string has no '='"
        " after it (quote a value holding a space: password='a b')\n")


def test_a_backup_names_the_store_without_its_password(pg_url, tmp_path):
    """``tmtool backup`` said "postgresql://…:PASSWORD@… backed up to FILE", the only line naming the store as typed."""
    url = pg_url + "&password=s3cret-pw"  # unused by the socket (trusted), shown masked all the same
    assert _cli("--db", url, "glossary", "add", "Comité militaire", "Military Committee").exit_code == 0
    result = _cli("--db", url, "backup", str(tmp_path / "b.db"))
    assert result.exit_code == 0 and result.output == f"{masked(url)} backed up to {tmp_path / 'b.db'}\n"


def test_workers_of_a_parallel_ingest_log_in_with_the_store_s_password(team_db, tmp_path, monkeypatch):
    """``ingest --dir --jobs 2`` on a store whose URL gives the password: each worker opened the masked URL and sent
    ``***`` as the password ("password authentication failed"), every document failed. They log in as the command."""
    port, dbname, user, password = team_db
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("partners", "partners-again"):
        for lang in ("fr", "en"):
            text = (SEED / f"2021-07-13-partners-meeting.{lang}.txt").read_text(encoding="utf-8")
            (inbox / f"{name}.{lang}.txt").write_text(text + ("\nFin." if lang == "fr" else "\nEnd.") * (name != "partners"),
                                                       encoding="utf-8")
    url = f"postgresql://{user}:s3cret%20pw@127.0.0.1:{port}/{dbname}"
    result = _cli("--db", url, "-q", "ingest", "--dir", str(inbox), "--no-terms", "--jobs", "2")
    assert result.exit_code == 0, result.output
    with PostgresStore.open(url) as store:
        assert sorted(record.id for record, _ in store.documents()) == ["partners", "partners-again"]


@pytest.mark.parametrize("scheme", ["postgresql+psycopg", "postgresql+psycopg2", "postgres", "jdbc:postgresql"])
def test_a_url_as_sqlalchemy_or_jdbc_writes_it_opens_the_store(team_db, tmp_path, monkeypatch, scheme):
    """A store's URL pasted from another tool: SQLAlchemy's dialect+driver (an Alembic or a Flask setting,
    ``postgresql+psycopg://``), JDBC's (DBeaver's, DataGrip's: ``jdbc:postgresql://host/db?user=…&password=…``). Were
    refused ("unknown kind of store postgresql+psycopg://"): the driver names the other tool's Python module, not
    where the store is. They open the store; a wrong password is one line without it, and so is an advised command."""
    port, dbname, user, password = team_db
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)

    def url(secret: str) -> str:
        if scheme.startswith("jdbc:"):
            return f"{scheme}://127.0.0.1:{port}/{dbname}?user={user}&password={secret}"
        return f"{scheme}://{user}:{secret}@127.0.0.1:{port}/{dbname}"

    added = _cli("--db", url("s3cret%20pw"), "glossary", "add", "Comité militaire", "Military Committee")
    assert (added.exit_code, added.output) == (0, "added entry 1\n")
    with PostgresStore.open(f"postgresql://{user}:s3cret%20pw@127.0.0.1:{port}/{dbname}") as store:
        assert [t.text for t in store.list_entries()[0].terms] == ["Comité militaire", "Military Committee"]
    refused = _cli("--db", url("wr0ng"), "stats")
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1 and "wr0ng" not in refused.stderr
    assert f'password authentication failed for user "{user}"' in refused.stderr
    advised = api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], url("s3cret%20pw"))
    assert "s3cret" not in advised and "tmtool --db" in advised


def test_a_jdbc_url_without_a_host_opens_the_store_on_this_machine(team_db, tmp_path, monkeypatch):
    """JDBC's forms with no host (``jdbc:postgresql:tm``, ``jdbc:postgresql:/``: the server on localhost, as pgjdbc
    reads them): a change wrote a new SQLite file named "jdbc:postgresql:tm" in the current folder and said "added
    entry 1", the team's store left without it. They open the store on localhost, over TCP as JDBC connects."""
    port, dbname, user, _ = team_db
    monkeypatch.chdir(tmp_path)
    params = f"port={port}&user={user}&password=s3cret%20pw"
    added = _cli("--db", f"jdbc:postgresql:{dbname}?{params}", "glossary", "add", "Comité militaire",
                 "Military Committee")
    assert (added.exit_code, added.output) == (0, "added entry 1\n")
    stats = _cli("--db", f"jdbc:postgresql:/?{params}&dbname={dbname}", "stats")
    assert stats.exit_code == 0 and "entries" in stats.output, stats.output
    assert list(tmp_path.iterdir()) == []
    with PostgresStore.open(f"postgresql://{user}:s3cret%20pw@127.0.0.1:{port}/{dbname}") as store:
        assert [t.text for t in store.list_entries()[0].terms] == ["Comité militaire", "Military Committee"]


def test_a_sqlite_url_as_sqlalchemy_writes_it_names_the_file(tmp_path, monkeypatch):
    """``sqlite+pysqlite:///tm.db``, SQLAlchemy's with its driver: "unknown kind of store"; it is the file's."""
    monkeypatch.chdir(tmp_path)
    assert _cli("--db", "sqlite+pysqlite:///team%20store.db", "glossary", "add", "Comité", "Committee").exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["team store.db"]
    assert api.named_from_anywhere("sqlite+pysqlite:///team%20store.db") == str(tmp_path / "team store.db")


@pytest.mark.parametrize("typed", ["ana:1234/x@h", "ana:s3cret@db.example.org/tm", "ana:s3/cret@db.example.org:5432/tm",
                                   "ana:s3cret@db"])
def test_a_url_without_its_scheme_is_no_file_and_shows_no_password(typed, tmp_path, monkeypatch):
    """``--db ana:1234/x@h``, a PostgreSQL URL with its ``postgresql://`` left out: taken for a SQLite file's name, every
    line showed it, password and all ("ana:1234/x@h: no such store", "cannot create store: directory …/ana:1234 does not
    exist"), and ``ana:s3cret@db`` was made, a file named with the password. One line says what to write, the
    password masked, and no file is made; a name of that shape in a folder that is there is a file's, as it was."""
    from tmtool.store.sqlite import SQLiteStore

    monkeypatch.chdir(tmp_path)
    password = typed.split(":")[1].rpartition("@")[0]
    shown = typed.split(":")[0] + ":***@" + typed.rpartition("@")[2]
    assert _cli("--db", "team.db", "glossary", "add", "Comité militaire", "Military Committee").exit_code == 0
    for args, code in ((["--db", typed, "stats"], 2), (["--db", typed, "glossary", "add", "a", "b"], 2),
                       (["db", "copy", "team.db", typed], 2), (["--db", "team.db", "backup", typed], 1)):
        result = _cli(*args)
        assert (result.exit_code, result.stderr.count("\n")) == (code, 1), (args, result.output)
        assert result.stderr.startswith(f"tmtool: error: {shown}: names no file"), result.stderr
        assert "postgresql://USER:PASSWORD@HOST/DATABASE" in result.stderr and password not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.db"]
    folder = os.path.dirname(typed)
    if folder:
        (tmp_path / folder).mkdir(parents=True)
        assert _cli("--db", typed, "glossary", "add", "a", "b").exit_code == 0
        with SQLiteStore.open(str(tmp_path / typed)) as store:
            assert store.stats()["entries"] == 1


def test_workers_of_the_workbench_get_the_store_s_password_in_no_environment(team_db, tmp_path):
    """``serve --workers 2``: the workers were told the store (its password), the token and the CSRF secret in an
    environment variable, which /proc/PID/environ shows to the same user (and a crash dump keeps), the workers' and
    every process they start. No process of the server holds them in its environment; the workers log in and answer,
    a worker that died is replaced by one that logs in as well."""
    import signal
    import socket
    import time

    import httpx

    port, dbname, user, _ = team_db
    url = f"postgresql://{user}:s3cret%20pw@127.0.0.1:{port}/{dbname}"
    assert _cli("--db", url, "glossary", "add", "Comité militaire", "Military Committee").exit_code == 0
    token = "a-token-of-twenty-chars"
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        http_port = free.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("PGPASSWORD", "TMTOOL_DB", "TMTOOL_TOKEN")}
    env["PGPASSFILE"] = str(tmp_path / "none")
    server = subprocess.Popen([sys.executable, "-m", "tmtool.cli", "--db", url, "serve", "--port", str(http_port),
                               "--workers", "2", "--token", token], stderr=subprocess.PIPE, text=True, env=env)
    headers = {"Authorization": f"Bearer {token}"}

    def children() -> list[Path]:
        return [stat.parent for stat in Path("/proc").glob("[0-9]*/stat") if _parent_pid(stat) == server.pid]

    def entries_when_up() -> list:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.poll() else "down"
            try:
                answer = httpx.get(f"http://127.0.0.1:{http_port}/api/entries", headers=headers, timeout=10)
                workers = [c for c in children() if b"spawn_main" in _bytes(c / "cmdline")]
                if answer.status_code == 200 and len(workers) == 2:
                    return [e["terms"][1]["text"] for e in answer.json()["entries"]]
            except httpx.TransportError:
                pass
            time.sleep(0.2)

    try:
        assert entries_when_up() == ["Military Committee"]
        processes = [Path(f"/proc/{server.pid}"), *children()]
        assert len(processes) >= 3  # the server, its two workers (and multiprocessing's tracker)
        csrf = httpx.get(f"http://127.0.0.1:{http_port}/api/session", headers=headers).json()["csrf"]
        for process in processes:
            environment = _bytes(process / "environ")
            assert environment and not any(secret.encode() in environment
                                           for secret in ("s3cret", "s3cret%20pw", token, csrf)), process
        worker = next(c for c in children() if b"spawn_main" in _bytes(c / "cmdline"))
        os.kill(int(worker.name), signal.SIGKILL)
        deadline = time.monotonic() + 60
        while worker.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert entries_when_up() == ["Military Committee"]  # a new worker in its place, logged in
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(30)
    assert server.returncode == 0


def _parent_pid(stat: Path) -> int | None:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):  # a process gone meanwhile
        return None


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("url", ["postgresql://ana:s3/cret@127.0.0.1:9/tm", "postgresql://ana:s3@cret@127.0.0.1:9/tm",
                                 "postgres://ana:s3/c@r?et@127.0.0.1:9,[::1]:9/tm?sslmode=disable"])
def test_a_url_s_password_typed_with_a_raw_slash_or_at_sign_is_not_shown(url):
    """A password pasted into a URL as it is, its '/' or '@' not written %2F or %40: libpq reads a part of it as the
    host, the port or the database ("failed to resolve host 'ana'", "… host 'cret@127.0.0.1'"), and every line
    named the store with the password whole or in part. The line says what to write instead, the password masked."""
    result = CliRunner().invoke(main, ["--db", url, "stats"])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1, result.output
    assert result.stderr.startswith(f"tmtool: error: {url.split(':')[0]}://ana:***@127.0.0.1:9")
    assert "write them %40 and %2F" in result.stderr
    for piece in ("s3", "cret", "r?et"):
        assert piece not in result.stderr
    from tmtool.store.url import connection_problem

    for other in ("postgresql://tm.example.org:5432/tm?application_name=ana@laptop",  # no user: nothing masked
                  "postgresql://tm.example.org:5432/team@paris"):  # a database's name holding '@', no password
        assert masked(other) == other and connection_problem(other) is None


def test_a_server_s_refusal_is_shown_as_it_said_it_and_tells_no_password(team_db, monkeypatch, tmp_path):
    """A wrong password the same as the user's name (as a test server's often is) or a part of it: the server's
    'password authentication failed for user "team_ann"' was scrubbed of it wherever its letters were, to for user
    "***" or "***_ann", which told the password beside the user's name the same line showed. A server quotes no
    password: its line is shown as it said it. A URL given as a parameter of a URL, which libpq sends as the
    database's name, is masked in the store's name and in the server's line alike."""
    port, dbname, user, _ = team_db
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    for wrong in (user, "team"):
        for db in (f"host=127.0.0.1 port={port} dbname={dbname} user={user} password={wrong}",
                   f"postgresql://{user}:{wrong}@127.0.0.1:{port}/{dbname}"):
            result = _cli("--db", db, "stats")
            assert result.exit_code == 1 and result.stderr == (
                f'tmtool: error: {masked(db)}: cannot open store: password authentication failed for user "{user}"\n')
    url = f"postgresql://{user}:s3cret%20pw@127.0.0.1:{port}/{dbname}?dbname=postgresql://ben:zz9pw@db.example.org/tm"
    result = _cli("--db", url, "stats")
    assert result.exit_code == 1 and result.stderr == (
        f"tmtool: error: postgresql://{user}:***@127.0.0.1:{port}/{dbname}?dbname=postgresql://ben:***@db.example.org/tm:"
        ' cannot open store: database "postgresql://ben:***@db.example.org/tm" does not exist\n')


@pytest.mark.parametrize("conninfo", ["host=127.0.0.1 port=9 dbname=postgresql://ann:s3cret@db.example.org/tm",
                                      "host=127.0.0.1 port=9 dbname='host=db.example.org password=s3cret user=ann'"])
def test_a_connection_string_given_as_a_dbname_shows_no_password_either(conninfo):
    """``dbname=postgresql://ann:PASSWORD@…`` (psql expands a dbname so written into the connection it names): the
    line naming the store showed the inner password, which was no item named password of the outer string."""
    result = CliRunner().invoke(main, ["--db", conninfo, "stats"])
    assert result.exit_code == 1 and "cannot open store" in result.stderr and "s3cret" not in result.stderr
    assert "s3cret" not in masked(conninfo) and "***" in masked(conninfo)
    assert "s3cret" not in api.advised_on("(tmtool remove visite)", ["tmtool remove visite"], conninfo)


def test_a_workbench_whose_role_may_only_read_says_in_one_line_why_the_counts_left_wait(pg_url, role, caplog, tmp_path):
    # a team's reading account (SELECT granted) serving the workbench while a process killed as it counted had left
    # counts queued: each try, every thirty seconds, wrote a traceback of some thirty lines to the server's log
    import logging
    from urllib.parse import urlsplit

    from test_week import killed_while_counting
    from workbench import client

    deterrence = killed_while_counting(pg_url, tmp_path)
    reader = role("glossary_reader", "")
    try:
        with psycopg.connect(pg_url, autocommit=True) as owner:
            owner.execute(f"GRANT USAGE ON SCHEMA public TO {reader}")
            owner.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
        http, _ = client(pg_url.replace("postgresql://tmtool@", f"postgresql://{reader}@"))
        with caplog.at_level(logging.INFO, logger="tmtool"):
            assert http.get(f"/api/entries/{deterrence}").json()["frequency"] == 1  # answered all the same
            assert http.app.state.left_counts.idle.wait(30)
        said = [record for record in caplog.records if record.name == "tmtool.web"]
        assert [(record.levelname, bool(record.exc_info)) for record in said] == [("ERROR", False)]
        assert said[0].getMessage().startswith("the counts left queued could not be made: ")
        assert "permission denied for table " in said[0].getMessage()
    finally:  # the role is granted the store's tables: the database goes before it
        with psycopg.connect(pg_url.replace(urlsplit(pg_url).path, "/postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{urlsplit(pg_url).path[1:]}" WITH (FORCE)')


def test_a_role_that_may_only_read_runs_every_reading_command_and_is_told_in_one_line_what_needs_writing(
        pg_url, role, tmp_path):
    """A team's reading account (SELECT granted on the store's tables) on a store where a process killed as it counted
    left counts queued: every command, look-up, search and export too, stopped at its start ("permission denied for
    table queued_counts: the store belongs to a role this one is not a member of"), as the command line made the
    counts. The reading commands answer (the counts left to the next writer); a change is one line saying this
    role may read the store but not change it; a backup, which carries the ids' counters, says what to grant."""
    from urllib.parse import urlsplit

    from test_week import killed_while_counting

    deterrence = killed_while_counting(pg_url, tmp_path)
    reader = role("glossary_reader_cli", "")
    url = pg_url.replace("postgresql://tmtool@", f"postgresql://{reader}@")
    try:
        with psycopg.connect(pg_url, autocommit=True) as owner:
            owner.execute(f"GRANT USAGE ON SCHEMA public TO {reader}")
            owner.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
            (sentence,), = owner.execute("SELECT source FROM units WHERE source LIKE '%dissuasion%' LIMIT 1").fetchall()
        for args, says in ((["lookup", "dissuasion"], "dissuasion  =  deterrence"),
                           (["tm", "search", sentence], "100.0%"),
                           (["tm", "concordance", "dissuasion"], "dissuasion"),
                           (["glossary", "list", "--status", "all"], "dissuasion  =  deterrence"),
                           (["glossary", "show", str(deterrence)], "dissuasion"),
                           (["documents"], "2026-12-05-steadfast-exercise"),
                           (["stats"], "documents            3"),
                           (["export", "tmx", "-o", str(tmp_path / "memory.tmx")], "units written"),
                           (["export", "tbx", "--status", "all", "-o", str(tmp_path / "glossary.tbx")], "written"),
                           (["db", "check"], "no problem found")):
            result = _cli("--db", url, *args)
            assert result.exit_code == 0 and says in result.output and "error" not in result.stderr, (args, result.output)
        assert "deterrence" in (tmp_path / "glossary.tbx").read_text(encoding="utf-8")
        for args in (["glossary", "approve", str(deterrence)], ["glossary", "add", "frégate", "frigate"],
                     ["remove", "2026-12-01-mc-session"], ["import", str(tmp_path / "memory.tmx")]):
            result = _cli("--db", url, *args)
            assert (result.exit_code, result.stdout, result.stderr.count("\n")) == (1, "", 1), (args, result.output)
            assert result.stderr.startswith(f"tmtool: error: {masked(url)}: permission denied for table ")
            assert result.stderr.endswith(": this role may read the store but not change it, nothing was written"
                                          f" (its owner lets it: GRANT tmtool TO {reader})\n")
        backup = _cli("--db", url, "backup", str(tmp_path / "b.db"))
        assert (backup.exit_code, backup.output) == (1, f"tmtool: error: {masked(url)}: this role may read the store's"
                                                        " tables but not the counters of their ids, which a copy carries"
                                                        " (its owner grants them: GRANT SELECT ON ALL SEQUENCES IN"
                                                        f" SCHEMA public TO {reader})\n")
        with psycopg.connect(pg_url, autocommit=True) as owner:
            owner.execute(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {reader}")
        assert _cli("--db", url, "backup", str(tmp_path / "b.db")).exit_code == 0
        with SQLiteStore.open(str(tmp_path / "b.db")) as copy, PostgresStore.open(pg_url) as store:
            assert copy.stats() == store.stats() and store.queued_counts()  # left for a writer
    finally:  # the role is granted the store's tables: the database goes before it
        with psycopg.connect(pg_url.replace(urlsplit(pg_url).path, "/postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{urlsplit(pg_url).path[1:]}" WITH (FORCE)')
