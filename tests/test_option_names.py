"""An error that names a setting names it as the front end the user is in takes it: the command line its
options (``--srclang``, ``--langs all``), the HTTP API its query parameters and form fields (``srclang``,
``langs=all``). The HTTP API told its users of options they do not have (``--srclang and --tgtlang, not
--langs all``; ``--format, or the upload's format field`` told both of both)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from workbench import client

from tmtool import api
from tmtool.cli import main
from tmtool.errors import Invalid
from tmtool.store import open_store


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "t.db")
    with open_store(path, create=True) as store:
        api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    return path


def cli(db: str, *args: str):
    result = CliRunner().invoke(main, ["--db", db, *args])
    return result.exit_code, result.output


def http_error(db: str, method: str, path: str, **request) -> tuple[int, str]:
    http, headers = client(db)
    answer = http.request(method, path, headers=headers, **request)
    return answer.status_code, answer.json()["message"]


def test_an_error_names_its_options_as_each_front_end_takes_them():
    error = Invalid("choose them with srclang and tgtlang, not langs=all", path="exports/srclang.tsv",
                    options=("srclang", "tgtlang", "langs=all"))
    assert str(error) == "exports/srclang.tsv: choose them with srclang and tgtlang, not langs=all"
    as_options = error.naming(lambda name, value: f"--{name} {value}" if value else f"--{name}")
    assert as_options == "exports/srclang.tsv: choose them with --srclang and --tgtlang, not --langs all"


def test_every_language_in_a_two_language_export(db, tmp_path):
    status, message = http_error(db, "GET", "/api/export/xlsx", params={"langs": "all"})
    assert (status, message) == (400, "xlsx holds two languages: choose them with srclang and tgtlang, not langs=all")
    code, output = cli(db, "export", "xlsx", "--langs", "all", "-o", str(tmp_path / "g.xlsx"))
    assert code == 2 and "xlsx holds two languages: choose them with --srclang and --tgtlang, not --langs all" in output


def test_a_file_of_no_format_it_can_tell(db, tmp_path):
    status, message = http_error(db, "POST", "/api/import", files={"file": ("notes", b"hello world\n")})
    assert status == 400 and "name it (format=NAME), NAME one of tmx," in message and "--" not in message
    path = tmp_path / "notes"
    path.write_bytes(b"hello world\n")
    code, output = cli(db, "import", str(path))
    assert code == 1 and "name it (--format NAME), NAME one of tmx," in output


def test_running_text_given_as_a_glossary(db, tmp_path):
    text = "Le Comité militaire, réuni à Bruxelles, a examiné la situation.\nLes ministres, à leur tour, ont décidé.\n" \
        "Rien d'autre.\n"
    status, message = http_error(db, "POST", "/api/import", files={"file": ("rapport", text.encode())})
    assert status == 400 and "name the format (format=csv) to read it as a table" in message and "--" not in message
    path = tmp_path / "rapport"
    path.write_text(text, encoding="utf-8")
    code, output = cli(db, "import", str(path))
    assert code == 1 and "name the format (--format csv) to read it as a table" in output


def test_a_trados_memory_under_a_tmx_name(db, tmp_path):
    memory = b"SQLite format 3\x00" + bytes(range(256))
    status, message = http_error(db, "POST", "/api/import", files={"file": ("client.tmx", memory)})
    assert status == 400 and "name it .sdltm, or import it with format=sdltm), not a TMX file" in message
    path = tmp_path / "client.tmx"
    path.write_bytes(memory)
    code, output = cli(db, "import", str(path))
    assert code == 1 and "name it .sdltm, or import it with --format sdltm), not a TMX file" in output


def test_a_file_in_a_language_of_no_default_pair(tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text("Der Militärausschuss tagte in Brüssel.\n", encoding="utf-8")
    with pytest.raises(Invalid) as caught:
        api.segment(path, "de", str(tmp_path / "out.xlf"), fmt="xliff")
    assert str(caught.value) == "give the target language (tgtlang) for a file in de"
    code, output = cli(str(tmp_path / "none.db"), "segment", str(path), "--lang", "de", "-o", str(tmp_path / "o.xlf"))
    assert code == 1 and "give the target language (--tgtlang) for a file in" in output
