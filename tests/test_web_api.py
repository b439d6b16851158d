"""The workbench's HTTP API: every path, its errors as JSON with a status that means it, the
OpenAPI document, the guard (host, token, same origin, CSRF, body size) and uploads going through
the same hostile-input checks as the CLI."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree
from workbench import HOST, SEED_ID, candidates, client, seeded_store

from conftest import SEED_EN, SHARED
from hostile_corpus import DOCUMENT, IMPORT, cases, concept, tbx, tmx, tu

from tmtool import api as tmtool_api
from tmtool import glossary
from tmtool.store import open_store


@pytest.fixture
def db(tmp_path) -> str:
    return seeded_store(tmp_path)


@pytest.fixture
def api(db):
    return client(db)


def dump(db: str) -> list[str]:
    with sqlite3.connect(db) as connection:
        return list(connection.iterdump())


# ---- reading -----------------------------------------------------------------------------------


def test_lookup_finds_glossary_entries_in_any_language_then_the_memory(api):
    http, _ = api
    found = http.get("/api/lookup", params={"q": "NATO"}).json()
    assert found["entries"][0]["terms"][0]["text"] == "OTAN"
    assert found["entries"][0]["match"] == "exact"
    assert found["entries"][0]["contexts"] and all(c["document"] == SEED_ID for c in found["entries"][0]["contexts"])
    assert any("NATO" in unit["target"] for unit in found["memory"])
    assert http.get("/api/lookup", params={"q": "zzyzx"}).json() == {"entries": [], "memory": [], "matches": []}


def test_search_scores_fuzzy_matches_above_the_minimum(api):
    http, _ = api
    stored = http.get(f"/api/documents/{SEED_ID}/units").json()["units"][0]["source"]
    query = stored.replace("inestimable", "précieux")
    matches = http.get("/api/search", params={"q": query, "min": 50}).json()["matches"]
    assert matches and matches[0]["source"] == stored and 50 <= matches[0]["score"] < 100
    assert http.get("/api/search", params={"q": query, "min": 99}).json() == {"matches": []}
    assert http.get("/api/search", params={"q": query, "min": 0}).status_code == 400


def test_search_takes_its_minimum_score_as_min_score_as_the_entries_and_the_library_name_it(api):
    """/api/search's minimum was ``min`` alone, where /api/entries and tmtool.api.search name it ``min_score``: a
    script passing min_score=99 got every match above 70, the parameter dropped without a word. Both are read,
    ``min`` as a deprecated name, and the two at once are refused rather than one chosen."""
    http, _ = api
    stored = http.get(f"/api/documents/{SEED_ID}/units").json()["units"][0]["source"]
    query = stored.replace("inestimable", "précieux")
    assert http.get("/api/search", params={"q": query, "min_score": 50}).json()["matches"]
    assert http.get("/api/search", params={"q": query, "min_score": 99}).json() == {"matches": []}
    assert http.get("/api/search", params={"q": query, "min": 99}).json() == {"matches": []}
    both = http.get("/api/search", params={"q": query, "min": 50, "min_score": 50})
    assert both.status_code == 400 and both.json()["message"] == "give min_score, or min (its first name), not both"
    assert http.get("/api/search", params={"q": query, "min_score": 0}).status_code == 400
    parameters = {p["name"]: p for p in http.get("/openapi.json").json()["paths"]["/api/search"]["get"]["parameters"]}
    assert parameters["min"]["deprecated"] and not parameters["min_score"].get("deprecated")


def test_concordance_finds_units_by_word(api):
    http, _ = api
    units = http.get("/api/concordance", params={"q": "pandémie"}).json()["units"]
    assert units and all("pandémie" in u["source"] for u in units) and units[0]["document"] == SEED_ID


def test_search_and_concordance_say_each_unit_s_context_and_document(api, tmp_path):
    """memoQ's units of one sentence in three contexts came back from /api/search, /api/concordance and the
    look-up as three answers alike. Each says its context (``context_pre``, ``context_post``: the segments
    around it, None where none) and where it came from (``document``, a search's match too); a unit without a
    context says None."""
    from test_real_formats import MEMOQ_THREE_CONTEXTS_TMX, THREE_CONTEXTS

    http, headers = api
    files = {"file": ("memoq.tmx", MEMOQ_THREE_CONTEXTS_TMX.encode())}
    assert http.post("/api/import", files=files, headers=headers).json()["added"] == 3
    matches = http.get("/api/search", params={"q": "Le convoi part."}).json()["matches"]
    units = http.get("/api/concordance", params={"q": "convoi"}).json()["units"]
    memory = http.get("/api/lookup", params={"q": "convoi"}).json()["memory"]
    for answers in (matches, units, memory):
        assert sorted((a["document"], a["context_pre"], a["context_post"]) for a in answers) == sorted(THREE_CONTEXTS)
    [seed] = http.get("/api/concordance", params={"q": "pandémie", "limit": 1}).json()["units"]
    assert (seed["document"], seed["context_pre"], seed["context_post"]) == (SEED_ID, None, None)


def test_entries_are_filtered_and_paged(api, db):
    http, _ = api
    count = candidates(db)
    first = http.get("/api/entries", params={"status": "candidate", "limit": 5}).json()
    assert first["more"] and len(first["entries"]) == 5
    last = http.get("/api/entries", params={"status": "candidate", "offset": count - 2, "limit": 5}).json()
    assert not last["more"] and len(last["entries"]) == 2
    scores = [e["score"] for e in first["entries"]]
    assert scores == sorted(scores, reverse=True)
    second = http.get("/api/entries", params={"status": "candidate", "offset": 5, "limit": 5}).json()
    assert not {e["id"] for e in first["entries"]} & {e["id"] for e in second["entries"]}
    assert http.get("/api/entries", params={"status": "approved"}).json()["entries"] == []
    by_document = http.get("/api/entries", params={"document": SEED_ID, "limit": 100}).json()["entries"]
    assert len(by_document) == count and http.get("/api/entries", params={"document": "other"}).json()["entries"] == []
    # an empty parameter, as a form or a generic client sends it, is no filter: not "the entries of document ''"
    assert len(http.get("/api/entries", params={"document": "", "q": "", "limit": 100}).json()["entries"]) == count
    texts = http.get("/api/entries", params={"q": "otan"}).json()["entries"]
    assert texts and all(any("otan" in t["text"].lower() for t in e["terms"]) for e in texts)
    assert http.get("/api/entries", params={"status": "bogus"}).status_code == 400
    assert http.get("/api/entries", params={"limit": 0}).status_code == 400


def test_an_entry_with_its_version_and_history(api):
    http, headers = api
    entry = http.get("/api/entries/1").json()
    assert entry["id"] == "1" and isinstance(entry["version"], int) and entry["history"] == []
    http.post("/api/entries/1/approve", headers=headers)
    approved = http.get("/api/entries/1").json()
    assert [h["action"] for h in approved["history"]] == ["approved"] and approved["version"] > entry["version"]
    missing = http.get("/api/entries/99999")
    assert missing.status_code == 404 and missing.json() == {"error": "not found", "message": "no glossary entry 99999"}
    assert http.get("/api/entries/abc").status_code == 400
    # beyond every id a store holds: a 404 as any id not there (it was a 500, the driver's OverflowError)
    huge = 10**20
    for path in (f"/api/entries/{huge}", f"/api/entries/{huge}/approve", f"/api/changes/{huge}/revert"):
        answer = http.request("GET" if path.count("/") == 3 else "POST", path, headers=headers)
        assert answer.status_code == 404 and answer.json()["message"].endswith(f" {huge}"), answer.text
    page = http.get("/api/entries", params={"offset": huge})
    assert page.status_code == 200 and page.json()["entries"] == []


def test_a_method_the_path_does_not_answer_is_a_405_naming_those_it_does(api):
    http, headers = api
    wrong = http.delete("/api/entries/1", headers=headers)
    assert (wrong.status_code, wrong.json()["error"]) == (405, "method not allowed")
    assert "GET" in wrong.headers["allow"]
    assert http.post("/api/lookup?q=OTAN", headers=headers).headers["allow"] == "GET, HEAD"  # HEAD: as GET


def test_a_method_no_path_answers_is_a_405_or_404_without_the_csrf_token_not_a_403(api, db):
    # DELETE and PUT were refused for want of the CSRF token (403), as if sending it would have done something,
    # and the Allow of a 405 named only the methods of the path's first route (GET of /api/entries/1, not PATCH)
    http, headers = api
    before = dump(db)
    for method, path, allowed in (("DELETE", "/api/entries/1", "GET, HEAD, PATCH"),
                                  ("PUT", "/api/entries/1", "GET, HEAD, PATCH"), ("PATCH", "/api/lookup", "GET, HEAD"),
                                  ("DELETE", "/review", "GET, HEAD"), ("PUT", "/api/entries/1/approve", "POST"),
                                  ("POST", "/static/workbench.js", "GET, HEAD")):
        for sent in ({}, headers):
            refused = http.request(method, path, headers=sent)
            assert (refused.status_code, refused.headers.get("allow")) == (405, allowed), (method, path, refused.text)
    wrong = http.delete("/api/entries/1").json()
    assert wrong == {"error": "method not allowed",
                     "message": "DELETE is not answered at /api/entries/1 (answered: GET, HEAD, PATCH)"}
    unknown = http.put("/api/no-such-path")
    assert (unknown.status_code, unknown.json()) == (404, {
        "error": "not found", "message": "no path /api/no-such-path here (the API's paths: /openapi.json)"})
    assert "no page /reveiw here" in http.get("/reveiw").text
    # a method the path answers still needs the token, and is not made without it
    assert http.patch("/api/entries/1", json={"version": 1, "note": "x"}).status_code == 403
    assert http.post("/api/entries/1/approve").status_code == 403
    assert dump(db) == before


def test_head_is_answered_as_get_without_the_body(api):
    # a monitor's or link checker's HEAD (curl -I) was a 405 on every page and API path
    http, _ = api
    for path in ("/", "/review", "/api/entries?limit=3", "/api/lookup?q=OTAN", "/api/export/tmx", "/static/workbench.js"):
        head, get = http.head(path), http.get(path)
        assert (head.status_code, head.content) == (200, b""), path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert head.headers["content-length"] == get.headers["content-length"], path
    missing = http.head("/api/entries/99999")
    assert (missing.status_code, missing.content) == (404, b"")
    assert http.head("/api/entries/1/approve").status_code == 405


def test_a_control_character_sought_or_written_is_a_400_on_either_backend(store_url):
    """A NUL in a query was an HTTP 500 (PostgreSQL's text cannot hold it; SQLite's word index stopped at
    it), and a control character written into a term or note was stored, after which every TBX and TMX
    export of the store stopped on that entry."""
    with open_store(store_url, create=True) as store:
        entry = tmtool_api.add_entry(store, ["Comité militaire"], ["Military Committee"])
    http, headers = client(store_url)
    for path in ("/api/lookup?q=OT%00AN", "/api/concordance?q=OT%00AN", "/api/search?q=Le%20comit%C3%A9%00%20militaire",
                 "/api/entries?q=a%00b", "/api/entries?document=a%00", "/api/documents/x%00/units", "/?q=OT%00AN",
                 "/review?q=a%00"):
        answer = http.get(path)
        assert answer.status_code == 400, (path, answer.text[:200])
        if path.startswith("/api/"):
            assert answer.json()["error"] == "invalid" and "NUL character" in answer.json()["message"], path
    for edit in ({"note": "checked\x07"}, {"en": "Military\x00Committee"}, {"definition": "\x1b[31m"}):
        refused = http.patch(f"/api/entries/{entry['id']}", json={"version": entry["version"], **edit}, headers=headers)
        assert refused.status_code == 400 and "control character" in refused.json()["message"], refused.text
    # half of a character (JSON's "\ud800" alone) was said to be "the control character U+D800"
    refused = http.patch(f"/api/entries/{entry['id']}", headers={**headers, "Content-Type": "application/json"},
                         content=b'{"version": %d, "fr": "Comit\\ud800"}' % entry["version"])
    assert refused.json()["message"] == ("the fr term 'Comit\\ud800' holds a lone surrogate U+D800 (half of a character,"
                                         " without its other half): no export could write it")
    added = http.patch(f"/api/entries/{entry['id']}", json={"version": entry["version"], "note": "line one\nline\ttwo"},
                       headers=headers)
    assert added.status_code == 200 and added.json()["entry"]["note"] == "line one\nline\ttwo"
    assert etree.fromstring(http.get("/api/export/tbx").content).findall(".//{*}conceptEntry")


def test_counts_a_killed_process_left_are_made_once_a_read_has_asked(store_url, tmp_path):
    # a process approving *dissuasion* killed as it counted it (1 document of 3): the server, started before, showed
    # frequency 1 and one context on every page and /api read until someone changed the glossary through it
    from test_week import PAIRS, killed_while_counting

    http, _ = client(store_url)
    deterrence = killed_while_counting(store_url, tmp_path)
    http.get(f"/api/entries/{deterrence}")  # answered as the store stands, the count started
    assert http.app.state.left_counts.idle.wait(30)
    read = http.get(f"/api/entries/{deterrence}").json()
    assert read["frequency"] == 3 and {c["document"] for c in read["contexts"]} == set(PAIRS)
    with open_store(store_url) as store:
        assert not tmtool_api.counts_left(store)
    assert "frequency 3" in http.get(f"/entries/{deterrence}").text


def test_no_read_waits_for_the_counts_left_and_the_reads_after_them_show_them(store_url, tmp_path, monkeypatch):
    # the read that started the count waited for it two seconds: the first page a reviewer opened, or the first key
    # of a look-up as one types, hung while a long count (a large corpus) went on. Every read is answered as the
    # store stands, the count going on in its own thread
    import time

    from test_week import killed_while_counting

    http, _ = client(store_url)
    deterrence = killed_while_counting(store_url, tmp_path)
    counting, release, calls = glossary.count_queued, threading.Event(), []

    def slow(store, progress=None):
        calls.append(store)
        release.wait(60)
        return counting(store, progress)

    monkeypatch.setattr(glossary, "count_queued", slow)
    try:
        for path in (f"/api/entries/{deterrence}", "/api/lookup?q=dissuasion", "/review?status=approved", "/"):
            started = time.monotonic()
            assert http.get(path).status_code == 200
            assert time.monotonic() - started < 1.0, path
        assert http.get(f"/api/entries/{deterrence}").json()["frequency"] == 1  # as the store stands
    finally:
        release.set()
    assert http.app.state.left_counts.idle.wait(30)
    assert len(calls) == 1  # the reads while it counted started none of their own
    assert http.get(f"/api/entries/{deterrence}").json()["frequency"] == 3


def test_entries_are_filtered_by_the_language_of_a_term_on_either_backend(store_url):
    # a terminologist checking the German of the glossary had no way to list the entries holding German: the queue
    # and /api/entries filtered by status, document, score and text only
    with open_store(store_url, create=True) as store:
        german = tmtool_api.add_entry(store, ["Comité militaire"], ["Military Committee"],
                                      terms={"de-DE": ["Militärausschuss"]}, status="candidate")
        arabic = tmtool_api.add_entry(store, ["État-major"], ["Staff"], terms={"ar": ["هيئة الأركان"]}, status="candidate")
        tmtool_api.add_entry(store, ["chasseur de mines"], ["minehunter"], status="candidate")
    http, _ = client(store_url)
    for lang, expected in (("de", [german["id"]]), ("de-AT", [german["id"]]), ("ar", [arabic["id"]]), ("es", []),
                           ("", None)):
        listed = http.get("/api/entries", params={"lang": lang, "order": "newest"}).json()["entries"]
        assert [e["id"] for e in listed] == (expected if expected is not None else [e["id"] for e in listed]), lang
    assert len(http.get("/api/entries", params={"lang": ""}).json()["entries"]) == 3
    refused = http.get("/api/entries", params={"lang": "not a tag"})
    assert refused.status_code == 400 and "not a tag" in refused.json()["message"]
    page = http.get("/review", params={"status": "", "lang": "ar"}).text
    assert page.count('class="card"') == 1 and "هيئة الأركان" in page
    assert '<option value="ar" selected>ar</option>' in page and '<option value="de" >de</option>' in page


def test_the_review_queue_s_language_box_names_the_language_filtered_by(tmp_path):
    # /review?lang=de-DE (or DE) listed the German entries under a Language box saying "any": the next Filter, the
    # sort changed, dropped the language without a word; one no term is in (es) was not in the box at all
    import re

    db = str(tmp_path / "glossary.db")
    with open_store(db, create=True) as store:
        tmtool_api.add_entry(store, ["Comité militaire"], ["Military Committee"], terms={"de": ["Militärausschuss"]},
                             status="candidate")
        tmtool_api.add_entry(store, ["État-major"], ["Staff"], status="candidate")
    http, _ = client(db)
    for lang, chosen, cards in (("de-DE", "de", 1), ("DE", "de", 1), ("es", "es", 0), ("", "", 2)):
        page = http.get("/review", params={"status": "", "lang": lang}).text
        box = re.search(r'<select name="lang">(.*?)</select>', page, re.S).group(1)
        assert re.findall(r'<option value="(\w*)" ?selected', box) == ([chosen] if chosen else []), lang
        assert page.count('class="card"') == cards, lang


def _list_parameters(document: dict) -> dict[tuple[str, str], set[str]]:
    """The parameters taking several values, by operation: a query's array, a JSON body's (or a mapping's of them)."""
    def several(schema: dict) -> bool:
        schema = schema.get("anyOf", [schema])
        return any(s.get("type") == "array" or (isinstance(s.get("additionalProperties"), dict)
                                                and several(s["additionalProperties"])) for s in schema)

    found: dict[tuple[str, str], set[str]] = {}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            names = {p["name"] for p in operation.get("parameters", []) if several(p["schema"])}
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            if "$ref" in body:
                body = document["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
            names |= {name for name, schema in body.get("properties", {}).items() if several(schema)}
            if names:
                found[(method, path)] = names
    return found


def test_a_wrong_value_of_a_list_parameter_is_named_with_the_values_taken(api, db):
    """``/api/entries?status=bogus`` answered "status.0: Input should be 'candidate', 'approved' or 'rejected'": the
    validator's path to the value (its position in the list), not the value. Every parameter taking several values
    now says which value was wrong and what is taken, in a line, as ``tmtool glossary list --status bogus`` does."""
    http, headers = api
    assert _list_parameters(http.get("/openapi.json").json()) == {
        ("get", "/api/entries"): {"status"}, ("get", "/api/entries/count"): {"status"},
        ("get", "/api/entries/versions"): {"id"},
        ("patch", "/api/entries/{entry_id}"): {"add_fr", "add_en", "add_terms", "drop", "drop_terms"}}
    statuses = "is not one of 'candidate', 'approved' or 'rejected'"
    for query, message in (("status=bogus", f"status: 'bogus' {statuses}"),
                           ("status=approved&status=bogus", f"status: 'bogus' {statuses}"),
                           ("status=bogus&status=bogus&status=Approved",
                            f"status: 'bogus' {statuses}; status: 'Approved' {statuses}")):
        for path in ("/api/entries", "/api/entries/count"):
            answer = http.get(f"{path}?{query}")
            assert (answer.status_code, answer.json()["message"]) == (400, message), (path, query)
    answer = http.get("/api/entries/versions?id=1&id=two")
    assert (answer.status_code, answer.json()["message"]) == (
        400, "id: 'two' (value 2): Input should be a valid integer, unable to parse string as an integer")
    version = http.get("/api/entries/1").json()["version"]
    for body, message in (({"add_fr": ["radar", 7]}, "add_fr: 7 (value 2): Input should be a valid string"),
                          ({"add_en": [None]}, "add_en: None (value 1): Input should be a valid string"),
                          ({"drop": [["OTAN"]]}, "drop: ['OTAN'] (value 1): Input should be a valid string"),
                          ({"add_terms": {"de": ["MA", 3]}}, "add_terms['de']: 3 (value 2): Input should be a valid string"),
                          ({"drop_terms": {"en": [False]}}, "drop_terms['en']: False (value 1): Input should be a valid string")):
        answer = http.patch("/api/entries/1", json={"version": version, **body}, headers=headers)
        assert (answer.status_code, answer.json()["message"]) == (400, message), body
    # a parameter of one value taken from a few says the value too
    assert http.get("/api/entries?order=best").json()["message"] == (
        "order: 'best' is not one of 'score', 'frequency' or 'newest'")
    assert http.get("/api/export/tbx?langs=every").json()["message"] == "langs: 'every' is not 'all'"
    # as the command line's matching options say it
    from click.testing import CliRunner

    from tmtool.cli import main
    for args in (["glossary", "list", "--status", "approved", "--status", "bogus"], ["export", "tbx", "--status", "bogus"]):
        said = CliRunner().invoke(main, ["--db", db, *args])
        assert said.exit_code == 2 and "'bogus' is not one of 'candidate', 'approved', 'rejected', 'all'" in said.output


def test_a_parameter_sent_empty_is_its_default(api):
    # what a form or a generic client sends for a box left empty: status= was a 400 ("Input should be
    # 'candidate', …"), lang= "invalid language tag ''", srclang= too; an empty document= and q= were no filter
    http, _ = api
    for path, empty in (("/api/entries", "status=&min_score=&order=&document=&q=&offset=&limit="),
                        ("/api/lookup?q=OTAN", "lang=&limit="), ("/api/concordance?q=OTAN", "lang"),
                        ("/api/search?q=Les%20partenaires%20de%20l%E2%80%99OTAN", "lang=&min="),
                        ("/api/export/tsv?status=all", "srclang=&tgtlang=&langs=")):
        plain, sent = http.get(path), http.get(path + ("&" if "?" in path else "?") + empty)
        assert (sent.status_code, sent.content) == (200, plain.content), (path, sent.text[:200])
    # q stays as sent: an empty one is an empty look-up, refused as the command line and api.lookup refuse it
    assert http.get("/api/lookup?q=").json() == {"error": "invalid", "message": "empty look-up term"}
    # and an empty search text in api.search's words, as `tmtool tm search ''` says it (it was the validator's: "q:
    # String should have at least 1 character", where a blank one was told the search's own rule)
    for q in ("", "%20", "ab"):
        assert http.get(f"/api/search?q={q}").json() == {
            "error": "invalid", "message": "search text must have at least 3 characters"}, q
    # the review queue's form sends every field, an empty status meaning any
    assert http.get("/review?status=&q=").text.count('class="card"') == 10
    assert 'value="" selected' in http.get("/review?status=&q=").text


def test_a_body_that_is_not_json_says_so_and_where(api):
    http, headers = api
    bad = http.patch("/api/entries/1", content=b'{"version": 1,', headers={**headers, "content-type": "application/json"})
    assert bad.status_code == 400 and bad.json() == {
        "error": "invalid", "message": "body: not valid JSON at character 14 (Expecting property name enclosed in double quotes)"}


def test_a_decision_sent_as_a_form_or_plain_text_is_refused_not_made_without_its_version(api, db):
    """A body that is not JSON was read as none: the version it gave went unchecked, so that a decision from a
    page showing an older version was made (and a PATCH's fields were dropped); now it is a 400 saying so."""
    http, headers = api
    seen = http.get("/api/entries/1").json()["version"]
    before = dump(db)
    for kind, body in (("application/x-www-form-urlencoded", b"version=99"), ("text/plain", b'{"version": 99}'),
                       ("multipart/form-data; boundary=b", b'--b\r\nContent-Disposition: form-data; name="version"'
                                                           b'\r\n\r\n99\r\n--b--\r\n')):
        for method, path in (("POST", "/api/entries/1/approve"), ("POST", "/api/entries/1/reject"),
                             ("PATCH", "/api/entries/1"), ("POST", "/api/entries/1/merge")):
            answer = http.request(method, path, content=body, headers={**headers, "content-type": kind})
            assert (answer.status_code, answer.json()) == (400, {"error": "invalid", "message": (
                f"body: JSON is expected, sent as Content-Type: application/json, not {kind.partition(';')[0]}")}), path
    assert dump(db) == before
    # JSON, in any of its media types, is read; no body at all is a decision on whatever version is stored
    stale = http.post("/api/entries/1/approve", content=b'{"version": 99}',
                      headers={**headers, "content-type": "application/json; charset=utf-8"})
    assert stale.status_code == 409
    assert http.post("/api/entries/1/approve", headers={**headers, "content-type": "text/plain"}).status_code == 200
    assert http.get("/api/entries/1").json()["version"] == seen + 1
    # JSON that is no object: "version: Field required" said an array, of a version that is optional
    for sent, kind in ((b"[99]", "an array"), (b"99", "a number"), (b'"99"', "a string"), (b"null", "null")):
        answer = http.post("/api/entries/1/approve", content=sent, headers={**headers, "content-type": "application/json"})
        assert (answer.status_code, answer.json()["message"]) == (400, f'body: a JSON object ({{"version": 3}}), not {kind}')
    assert http.get("/api/entries/1").json()["version"] == seen + 1
    # a form's text where an upload takes a file says so, not "Expected UploadFile, received: <class 'str'>"
    fields = http.post("/api/ingest", content=b"fr_file=a&en_file=b",
                       headers={**headers, "content-type": "application/x-www-form-urlencoded"})
    assert fields.json()["message"] == ("fr_file: a file with its name, uploaded as multipart/form-data; "
                                        "en_file: a file with its name, uploaded as multipart/form-data")


def test_a_merge_sent_with_the_version_read_is_a_409_when_the_entry_changed_since(api, db):
    http, headers = api
    first, second = http.get("/api/entries?limit=2").json()["entries"]
    assert http.post(f"/api/entries/{second['id']}/reject", headers=headers, json={}).status_code == 200
    before = dump(db)
    stale = http.post(f"/api/entries/{second['id']}/merge", headers=headers,
                      json={"into": first["id"], "version": second["version"]})
    assert (stale.status_code, stale.json()["error"]) == (409, "conflict") and dump(db) == before
    done = http.post(f"/api/entries/{second['id']}/merge", headers=headers,
                     json={"into": first["id"], "version": second["version"] + 1})
    assert done.status_code == 200 and done.json()["entry"]["id"] == first["id"]


def test_documents_and_their_units(api):
    http, _ = api
    listed = http.get("/api/documents").json()
    assert [d["id"] for d in listed["documents"]] == [SEED_ID] and listed["imports"] == []
    units = http.get(f"/api/documents/{SEED_ID}/units").json()
    assert len(units["units"]) == 19 and units["units"][0]["bead"] == "1-1"
    assert units["units"][0]["source"] and units["units"][0]["target"] and units["corrections"] == []
    assert http.get("/api/documents/nope/units").status_code == 404


def test_export_writes_the_glossary_with_the_status_filter(api, db):
    http, headers = api
    count = candidates(db)
    http.post("/api/entries/1/approve", headers=headers)
    response = http.get("/api/export/tbx")
    assert response.status_code == 200 and 'filename="glossary.tbx"' in response.headers["content-disposition"]
    approved = etree.fromstring(response.content).findall(".//{*}conceptEntry")
    assert len(approved) == 1
    every = etree.fromstring(http.get("/api/export/tbx", params={"status": "all"}).content)
    assert len(every.findall(".//{*}conceptEntry")) == count
    memory = http.get("/api/export/tmx")
    assert memory.content.count(b"<tu ") + memory.content.count(b"<tu>") == 19
    workbook = http.get("/api/export/xlsx", params={"status": "all"})
    assert workbook.content.startswith(b"PK") and 'filename="glossary.xlsx"' in workbook.headers["content-disposition"]
    martif = http.get("/api/export/tbx-martif")
    assert b"<martif" in martif.content and 'filename="glossary.tbx"' in martif.headers["content-disposition"]
    # the workbook comes back in as it went out: every entry already stored
    again = http.post("/api/import", files={"file": ("glossary.xlsx", workbook.content)}, headers=headers).json()
    assert (again["added"], again["already_stored"]) == (0, count)
    assert http.get("/api/export/docx").status_code == 400
    assert http.get("/api/export/tbx", params={"status": "maybe"}).status_code == 400


def test_an_export_downloaded_is_the_file_the_cli_writes(api, db, tmp_path, monkeypatch):
    import io
    import re
    import tempfile
    import zipfile

    from click.testing import CliRunner

    from tmtool.cli import main

    http, headers = api
    http.post("/api/entries/1/approve", headers=headers)
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    def clockless(fmt: str, data: bytes):
        """The file without the moment it was written: a TMX header's creation date, a workbook's core
        properties and its parts' dates (a loaded machine takes more than a second between two exports)."""
        if fmt == "xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return {name: package.read(name) for name in package.namelist() if name != "docProps/core.xml"}
        return re.sub(rb'(<header\b[^>]*?) creationdate="[^"]*"', rb"\1", data, count=1) if fmt == "tmx" else data

    for fmt in tmtool_api.format_names()["written"]:
        out = tmp_path / f"export.{fmt}"
        done = CliRunner().invoke(main, ["--db", db, "export", fmt, "--status", "all", "-o", str(out)])
        downloaded = http.get(f"/api/export/{fmt}", params={"status": "all"})
        assert done.exit_code == 0 and downloaded.status_code == 200, done.output
        assert clockless(fmt, downloaded.content) == clockless(fmt, out.read_bytes()), fmt
        assert int(downloaded.headers["content-length"]) == len(downloaded.content)
    assert list(spool.iterdir()) == []  # each file sent went with its response


def test_the_openapi_document_is_valid_and_lists_every_path():
    from openapi_spec_validator import validate

    http, _ = client(":memory:")
    document = http.get("/openapi.json").json()
    validate(document)
    assert {"/api/lookup", "/api/search", "/api/concordance", "/api/entries", "/api/entries/{entry_id}",
            "/api/entries/{entry_id}/approve", "/api/entries/{entry_id}/reject", "/api/documents",
            "/api/documents/{document_id}/units", "/api/documents/{document_id}/corrections/undo", "/api/ingest",
            "/api/import", "/api/export/{fmt}"} <= set(document["paths"])
    assert "patch" in document["paths"]["/api/entries/{entry_id}"]
    responses = document["paths"]["/api/entries/{entry_id}"]["patch"]["responses"]
    assert {"200", "400", "404", "409", "413"} <= set(responses) and "422" not in responses
    assert responses["409"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


def test_the_openapi_document_says_the_tokens_a_request_carries(db):
    """The document named no security: a client generated from it sent no ``X-CSRF-Token`` on a write (every one a
    403) and knew of no bearer token (a server given --token: every request a 401). It names both, the access token
    optional (a server without one asks none), the CSRF token on every write, and a client doing as it says is
    answered."""
    from openapi_spec_validator import validate

    http, _ = client(db, token="s3cret")
    document = http.get("/openapi.json", headers={"Authorization": "Bearer s3cret"}).json()
    validate(document)
    schemes = document["components"]["securitySchemes"]
    assert schemes["token"] == {**schemes["token"], "type": "http", "scheme": "bearer"}
    assert schemes["csrf"] == {**schemes["csrf"], "type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "get":
                assert operation["security"] == [{}, {"token": []}], path
            else:
                assert all("csrf" in way for way in operation["security"]), (method, path)
    # a client doing as the document says: the bearer token everywhere, the CSRF token read from /api/session
    bearer = {"Authorization": "Bearer s3cret"}
    csrf = http.get("/api/session", headers=bearer).json()["csrf"]
    header = schemes["csrf"]["name"]
    assert http.post("/api/entries/1/approve", headers=bearer).status_code == 403
    approved = http.post("/api/entries/1/approve", headers={**bearer, header: csrf})
    assert (approved.status_code, approved.json()["entry"]["status"]) == (200, "approved")
    assert http.get("/api/entries/1").status_code == 401


@pytest.fixture
def failing_stats(db, monkeypatch):
    """A client of a workbench whose statistics fail as a bug in a count would, answering as a server does."""
    def failing(store):
        raise KeyError("entries approved")

    monkeypatch.setattr(tmtool_api, "stats", failing)
    return client(db, raise_server_exceptions=False)[0]


def test_a_failure_of_tmtool_s_own_is_a_json_500(failing_stats):
    """An exception no handler foresaw (a bug) was Starlette's plain-text "Internal Server Error": a client reading
    every error's body as JSON, as the API's others are, failed on it. It is ``{"error", "message"}`` too, naming no
    more than the exception's kind (Starlette raises it on to the server, which logs its traceback)."""
    http = failing_stats
    answer = http.get("/api/stats")
    assert answer.status_code == 500 and answer.headers["content-type"] == "application/json"
    assert answer.json() == {"error": "internal", "message": "tmtool failed (KeyError): the server's log says where"}
    assert "entries approved" not in answer.text
    page = http.get("/export")  # a page: the error page, not plain text
    assert page.status_code == 500 and "<h1>Error 500</h1>" in page.text
    document = http.get("/openapi.json").json()
    assert document["paths"]["/api/stats"]["get"]["responses"]["500"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"}


def test_a_failure_of_tmtool_s_own_carries_the_headers_every_response_does(failing_stats):
    """The 500 is answered outside the Guard (Starlette's outermost middleware sends it), whose headers every other
    response carries: the error page, a whole page with the workbench's menu, came without its Content-Security-Policy
    (frame-ancestors 'none': another site could frame it) and both without X-Content-Type-Options: nosniff."""
    from tmtool.web.security import HEADERS

    for path in ("/api/stats", "/export"):
        answer = failing_stats.get(path)
        assert answer.status_code == 500
        assert {name.decode(): answer.headers.get(name.decode()) for name, _ in HEADERS} == {
            name.decode(): value.decode() for name, value in HEADERS}, path

# ---- writing -----------------------------------------------------------------------------------


def test_approve_and_reject_change_the_store(api, db):
    http, headers = api
    assert http.post("/api/entries/1/approve", headers=headers).json()["entry"]["status"] == "approved"
    assert http.post("/api/entries/2/reject", headers=headers).json()["entry"]["status"] == "rejected"
    with open_store(db) as store:
        assert glossary.entry(store, 1).status.value == "approved" and glossary.entry(store, 2).status.value == "rejected"
    assert http.post("/api/entries/99999/approve", headers=headers).status_code == 404


def test_patch_needs_the_current_version_and_a_stale_one_is_a_conflict(api, db):
    http, headers = api
    version = http.get("/api/entries/1").json()["version"]
    edited = http.patch("/api/entries/1", json={"version": version, "en": "North Atlantic Treaty Organization"},
                        headers=headers)
    assert edited.status_code == 200, edited.text
    assert [t["text"] for t in edited.json()["entry"]["terms"] if t["lang"] == "en"][0] == "North Atlantic Treaty Organization"
    stale = http.patch("/api/entries/1", json={"version": version, "en": "NATO"}, headers=headers)
    assert stale.status_code == 409 and stale.json()["error"] == "conflict"
    with open_store(db) as store:
        assert glossary.entry(store, 1).terms_in("en")[0].text == "North Atlantic Treaty Organization"
    assert http.patch("/api/entries/1", json={"en": "NATO"}, headers=headers).status_code == 400  # no version
    assert http.patch("/api/entries/1", json={"version": 1, "colour": "red"}, headers=headers).status_code == 400
    assert http.patch("/api/entries/99999", json={"version": 1}, headers=headers).status_code == 404


def test_an_edit_that_changes_nothing_answers_the_entry_as_it_is(api, db):
    http, headers = api
    entry = http.post("/api/entries/1/approve", headers=headers).json()["entry"]
    stored = dump(db)
    en = entry["en"][0]["text"]
    for same in ({"en": en}, {"status": "approved", "note": entry["note"] or ""}, {}):
        unchanged = http.patch("/api/entries/1", json={"version": entry["version"], **same}, headers=headers)
        assert unchanged.status_code == 200 and unchanged.json() == {"change": None, "entry": entry}, same
    again = http.post("/api/entries/1/approve", json={"version": entry["version"]}, headers=headers)
    assert again.status_code == 200 and again.json() == {"change": None, "entry": entry}
    assert dump(db) == stored  # not a row written: no new version, no history


def test_an_id_or_version_in_a_body_may_be_a_number_or_its_text(api, db):
    http, headers = api
    version = http.get("/api/entries/3").json()["version"]
    assert http.post("/api/entries/3/approve", json={"version": str(version)}, headers=headers).status_code == 200
    merged = http.post("/api/entries/03/merge", json={"into": "4"}, headers=headers)
    assert merged.status_code == 200 and merged.json()["entry"]["id"] == "4" and isinstance(merged.json()["change"], int)
    assert http.post(f"/api/changes/{merged.json()['change']}/revert", headers=headers).status_code == 200
    assert http.post("/api/entries/3/merge", json={"into": "four"}, headers=headers).status_code == 400


def test_merge_deprecate_and_undo(api, db):
    http, headers = api
    merged = http.post("/api/entries/3/merge", json={"into": 4}, headers=headers)
    assert merged.status_code == 200 and http.get("/api/entries/3").status_code == 404
    undone = http.post(f"/api/changes/{merged.json()['change']}/revert", headers=headers)
    assert undone.status_code == 200 and http.get("/api/entries/3").status_code == 200
    again = http.post(f"/api/changes/{merged.json()['change']}/revert", headers=headers)
    assert again.status_code == 409
    term = http.get("/api/entries/1").json()["terms"][0]["text"]
    deprecated = http.post("/api/entries/1/deprecate", json={"term": term}, headers=headers).json()["entry"]
    assert deprecated["terms"][0]["usage"] == "deprecated"
    assert http.post("/api/entries/1/deprecate", json={"term": "nothing"}, headers=headers).status_code == 400
    assert http.post("/api/entries/1/merge", json={"into": 1}, headers=headers).status_code == 400
    # a term deprecated (by a person, or by the termbase it came from) is admitted again, with the version read
    version = deprecated["version"]
    admitted = http.post("/api/entries/1/usage", json={"term": term, "usage": "admitted", "version": version},
                         headers=headers)
    assert admitted.status_code == 200 and admitted.json()["entry"]["terms"][0]["usage"] == "admitted"
    assert isinstance(admitted.json()["change"], int)
    assert http.post("/api/entries/1/usage", json={"term": term, "usage": "admitted", "version": version},
                     headers=headers).status_code == 409  # changed since it was read
    for bad in ({"term": term, "usage": "obsolete"}, {"term": term}, {"usage": "preferred"}):
        assert http.post("/api/entries/1/usage", json=bad, headers=headers).status_code in (400, 422), bad
    # a term written alike in two languages is dropped in the one named
    with open_store(db) as store:
        radar = tmtool_api.add_entry(store, ["radar"], ["radar", "radio detection and ranging"])
    dropped = http.patch(f"/api/entries/{radar['id']}", json={"version": radar["version"], "drop_terms": {"en": ["radar"]}},
                         headers=headers)
    assert [(t["lang"], t["text"]) for t in dropped.json()["entry"]["terms"]] == [
        ("fr", "radar"), ("en", "radio detection and ranging")]


def test_alignment_corrections_through_the_api(api, db):
    http, headers = api
    base = f"/api/documents/{SEED_ID}/units"
    units = http.get(base).json()["units"]
    merged = http.post(f"{base}/{units[0]['id']}/merge", headers=headers).json()["units"]
    assert len(merged) == 18
    assert merged[0]["sentences"]["source"] == units[0]["sentences"]["source"] + units[1]["sentences"]["source"]
    split = http.post(f"{base}/{merged[0]['id']}/split", json={"source_at": 1, "target_at": 1}, headers=headers)
    assert len(split.json()["units"]) == 19
    excluded = http.post(f"{base}/{units[2]['id']}/exclude", json={"excluded": True}, headers=headers).json()
    assert [u["excluded"] for u in excluded["units"]][2] is True
    assert [c["action"] for c in excluded["corrections"]] == ["merge", "split", "exclude"]
    moved = http.post(f"{base}/{units[3]['id']}/move", json={"side": "target", "direction": "sideways"}, headers=headers)
    assert moved.status_code == 400
    assert http.post(f"{base}/99999/merge", headers=headers).status_code == 404
    with open_store(db) as store:
        assert len(store.document_units(SEED_ID)) == 19 and store.document_units(SEED_ID)[2].excluded
    # undone, last first, back to the units as aligned
    undo = f"/api/documents/{SEED_ID}/corrections/undo"
    for action, left in (("exclude", ["merge", "split"]), ("split", ["merge"]), ("merge", [])):
        undone = http.post(undo, headers=headers).json()
        assert undone["undone"]["action"] == action and [c["action"] for c in undone["corrections"]] == left
    assert [{k: u[k] for k in ("source", "target", "tuid", "bead", "confidence", "excluded")} for u in undone["units"]] \
        == [{k: u[k] for k in ("source", "target", "tuid", "bead", "confidence", "excluded")} for u in units]
    nothing = http.post(undo, headers=headers)
    assert nothing.status_code == 400 and nothing.json()["message"] == f"document {SEED_ID} has no correction to undo"
    assert http.post("/api/documents/nope/corrections/undo", headers=headers).status_code == 404
    assert http.post(undo).status_code == 403  # a write: the CSRF token is asked for


def test_ingest_and_import_uploads(api, db, tmp_path):
    http, headers = api
    files = {"fr_file": ("rapport.fr.txt", b"Le Comite militaire s'est reuni.\n"),
             "en_file": ("rapport.en.txt", b"The Military Committee met.\n")}
    ingested = http.post("/api/ingest", files=files, headers=headers)
    assert ingested.status_code == 200, ingested.text
    assert ingested.json()["document"] == "rapport" and ingested.json()["units"] == 1
    imported = http.post("/api/import", files={"file": ("terms.tbx", tbx(concept(fr="interopérabilité", en="interoperability")))}, headers=headers)
    assert imported.status_code == 200 and imported.json()["added"] == 1
    assert [i["file"] for i in http.get("/api/documents").json()["imports"]] == ["terms.tbx"]  # as uploaded
    wrong = http.post("/api/ingest", files={**files, "en_file": ("x.exe", b"MZ")}, headers=headers)
    assert wrong.status_code == 400
    assert http.post("/api/import", headers=headers).status_code == 400  # no file
    # formats told by their content, under the endings their tools write
    real = Path(__file__).parent / "data" / "real"
    for name in ("wordfast-tm.txt", "multiterm-export.xml"):
        uploaded = http.post("/api/import", files={"file": (name, (real / name).read_bytes())}, headers=headers)
        assert uploaded.status_code == 200 and uploaded.json()["added"] > 0, uploaded.text
    # a Trados Studio memory, a database: uploaded as it is
    from trados import make_sdltm, segment, text

    memory = make_sdltm(tmp_path / "client.sdltm", [{"source_segment": segment("fr-FR", text("Le rapport est prêt.")),
                                                     "target_segment": segment("en-GB", text("The report is ready."))}])
    uploaded = http.post("/api/import", files={"file": ("client.sdltm", memory.read_bytes())}, headers=headers)
    assert uploaded.status_code == 200 and uploaded.json()["languages"] == {"fr-FR→en-GB": 1}, uploaded.text


def test_an_upload_of_which_nothing_could_be_used_is_refused_as_the_command_line_refuses_it(api, db):
    """Review: `tmtool import` fails (exit 1) on a file every unit or entry of which was skipped, saying why; the
    same upload was answered 200, a script told nothing went wrong. It is a 400 with the same line, the store as it
    was; include_unconfirmed imports the drafts."""
    http, headers = api
    drafts = ('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" creationtool="SDL Language Platform"'
              ' creationtoolversion="8.1" segtype="sentence" o-tmf="SDL TM8 Format" adminlang="en" datatype="xml"/>'
              '<body><tu><prop type="x-ConfirmationLevel">Draft</prop><tuv xml:lang="fr-FR"><seg>Le convoi part.</seg>'
              '</tuv><tuv xml:lang="en-GB"><seg>The convoy leaves.</seg></tuv></tu></body></tmx>').encode()
    before = dump(db)
    answer = http.post("/api/import", headers=headers, files={"file": ("drafts.tmx", drafts)})
    assert (answer.status_code, answer.json()) == (400, {"error": "invalid", "message": (
        "drafts.tmx: nothing imported: every unit was skipped (1 not confirmed: include_unconfirmed imports it as a "
        "draft)")})
    assert dump(db) == before
    rows = http.post("/api/import", headers=headers, files={"file": ("glossary.utf8", "Comité militaire\n".encode())})
    assert (rows.status_code, rows.json()["message"]) == (400, "glossary.utf8: nothing imported: every entry was "
                                                               "skipped (1 that cannot be used: glossary.utf8:1: no "
                                                               "tab: expected source<TAB>target)")
    answer = http.post("/api/import", headers=headers, files={"file": ("drafts.tmx", drafts)},
                       data={"include_unconfirmed": "true"})
    assert (answer.status_code, answer.json()["unconfirmed_included"]) == (200, 1), answer.text


def test_an_export_leaves_the_drafts_out_unless_include_unconfirmed(api):
    """A draft imported with include_unconfirmed was downloaded in the memory, marked with a prop OmegaT and memoQ
    ignore: it is left out, as the command line leaves it out, the header X-Drafts-Left-Out counting it;
    include_unconfirmed writes it, marked."""
    http, headers = api
    drafts = ('<?xml version="1.0"?><tmx version="1.4"><header srclang="fr-FR" creationtool="SDL Language Platform"'
              ' creationtoolversion="8.1" segtype="sentence" o-tmf="SDL TM8 Format" adminlang="en" datatype="xml"/>'
              '<body><tu><prop type="x-ConfirmationLevel">Draft</prop><tuv xml:lang="fr-FR"><seg>Le convoi part.</seg>'
              '</tuv><tuv xml:lang="en-GB"><seg>The convoy leaves.</seg></tuv></tu></body></tmx>').encode()
    answer = http.post("/api/import", headers=headers, files={"file": ("drafts.tmx", drafts)},
                       data={"include_unconfirmed": "true"})
    assert (answer.status_code, answer.json()["unconfirmed_included"]) == (200, 1), answer.text
    for fmt in ("tmx", "xliff"):
        memory = http.get(f"/api/export/{fmt}")
        assert memory.status_code == 200 and memory.headers["x-drafts-left-out"] == "1"
        assert b"The convoy leaves." not in memory.content and b"Participants" in memory.content
        drafts_too = http.get(f"/api/export/{fmt}", params={"include_unconfirmed": "true"})
        assert b"The convoy leaves." in drafts_too.content and "x-drafts-left-out" not in drafts_too.headers
    assert b'state="needs-translation"' in drafts_too.content  # the xliff's draft, marked


def test_an_upload_sent_as_json_or_text_is_told_to_come_as_a_form(api):
    # JSON sent to an upload's path was answered "file: Field required", of the file it held
    http, headers = api
    form = "body: a form is expected, sent as Content-Type: multipart/form-data with the files as its fields, not "
    for path, sent in (("/api/import", {"json": {"file": "terms.tbx", "format": "tbx"}}),
                       ("/api/ingest", {"json": {"fr_file": "rapport.fr.txt", "en_file": "rapport.en.txt"}}),
                       ("/api/import", {"content": b"OTAN\tNATO\n", "headers": {"Content-Type": "text/plain"}})):
        answer = http.post(path, **{**sent, "headers": {**headers, **sent.get("headers", {})}})
        media = "text/plain" if "content" in sent else "application/json"
        assert (answer.status_code, answer.json()) == (400, {"error": "invalid", "message": form + media})
    # a form without its file is told which field is missing, as before
    assert http.post("/api/import", data={"format": "tbx"}, headers=headers).json()["message"] == "file: Field required"
    # a form that cannot be read was answered Starlette's "Invalid multipart data.", naming no part of the request
    for content_type, content in (("multipart/form-data; boundary=xyz", b"garbage"), ("multipart/form-data", b"--x\r\n")):
        answer = http.post("/api/import", content=content, headers={**headers, "Content-Type": content_type})
        assert answer.status_code == 400 and answer.json()["message"].startswith(
            "body: not a multipart/form-data form that can be read ("), answer.text


def test_an_upload_answers_what_reading_it_noticed_naming_the_upload(api, db):
    """A CSV or a text in Windows-1252 is read so and said so on the command line; over HTTP the notice went to
    the server's log only, naming the upload's temporary copy."""
    http, headers = api
    excel = "Français;English\nforce de réaction rapide;rapid reaction force\n".encode("cp1252")
    imported = http.post("/api/import", headers=headers, files={"file": ("lexique.csv", excel)}).json()
    assert (imported["added"], imported["notices"]) == (1, [
        "lexique.csv: not UTF-8, read as Windows-1252 (what Excel saves as CSV or tab-delimited text in Western Europe)"])
    pair = {"fr_file": ("note.fr.txt", "Le Conseil s’est réuni à Bruxelles.\n".encode("cp1252")),
            "en_file": ("note.en.txt", "The Council met in Brussels.\n".encode())}
    ingested = http.post("/api/ingest", headers=headers, files=pair).json()
    assert (ingested["document"], ingested["notices"]) == ("note", [
        "note.fr.txt: not UTF-8, read as Windows-1252 (what Windows editors save as ANSI text in Western Europe)"])
    clean = http.post("/api/import", headers=headers, files={"file": ("t.csv", "fr;en\nchar;tank\n".encode())}).json()
    assert clean["notices"] == []


def test_an_english_original_is_uploaded_as_such(api, db):
    """Its English is the source, its French the translation, and it gives the glossary its terms."""
    http, headers = api
    fr, en = (SHARED / "data" / "terms" / "defence-ministers-cyber" / f"defence-ministers-cyber.{lang}.txt"
              for lang in ("fr", "en"))
    files = {"fr_file": ("report.fr.txt", fr.read_bytes()), "en_file": ("report.en.txt", en.read_bytes())}
    ingested = http.post("/api/ingest", files=files, data={"original": "en"}, headers=headers)
    assert ingested.status_code == 200, ingested.text
    assert ingested.json()["document"] == "report" and ingested.json()["new_entries"] > 10
    [report] = [d for d in http.get("/api/documents").json()["documents"] if d["id"] == "report"]
    assert (report["srclang"], report["tgtlang"]) == ("en-GB", "fr-FR")
    first = http.get("/api/documents/report/units").json()["units"][0]
    assert (first["source"], first["target"]) == (en.read_text(encoding="utf-8").splitlines()[0],
                                                  fr.read_text(encoding="utf-8").splitlines()[0])
    with open_store(db) as store:
        [nato] = [entry for entry in store.list_entries() if entry.terms[0].text == "OTAN"]
        assert "report" in {document for document, *_ in store.document_counts([int(nato.id)])[int(nato.id)]}
    wrong = http.post("/api/ingest", files=files, data={"original": "de"}, headers=headers)
    assert wrong.status_code == 400


@pytest.mark.parametrize("case", [c for c in cases() if c.command == IMPORT and not c.skipped], ids=lambda c: c.name)
def test_a_hostile_upload_is_refused_as_the_cli_refuses_it(case, api, db):
    http, headers = api
    before = dump(db)
    refused = http.post("/api/import", files={"file": (case.name, case.data)}, headers=headers)
    assert refused.status_code == 400, refused.text
    message = refused.json()["message"]
    assert message.startswith(case.name + (f":{case.line}: " if case.line else ":")) and case.message in message
    assert dump(db) == before


@pytest.mark.parametrize("case", [c for c in cases() if c.command == DOCUMENT][:6], ids=lambda c: c.name)
def test_a_hostile_document_upload_is_refused(case, api, db):
    http, headers = api
    before = dump(db)
    refused = http.post("/api/ingest", headers=headers, files={
        "fr_file": (case.name, case.data), "en_file": ("x.en.txt", SEED_EN.read_bytes())})
    assert refused.status_code == 400 and case.message in refused.json()["message"], refused.text
    assert dump(db) == before


# ---- the guard -----------------------------------------------------------------------------------


def test_a_write_without_the_csrf_token_or_from_another_origin_is_refused(api, db):
    http, headers = api
    before = dump(db)
    assert http.post("/api/entries/1/approve").status_code == 403
    assert http.post("/api/entries/1/approve", headers={"X-CSRF-Token": "guess"}).status_code == 403
    evil = {**headers, "Origin": "http://evil.example"}
    assert http.post("/api/entries/1/approve", headers=evil).status_code == 403
    cross = {**headers, "Sec-Fetch-Site": "cross-site"}
    assert http.post("/api/entries/1/approve", headers=cross).status_code == 403
    assert dump(db) == before
    same = {**headers, "Origin": HOST, "Sec-Fetch-Site": "same-origin"}
    assert http.post("/api/entries/1/approve", headers=same).status_code == 200


def test_a_request_naming_another_host_is_refused(api):
    """A site whose name is made to resolve to 127.0.0.1 (DNS rebinding) names its own host."""
    http, _ = api
    refused = http.get("/api/entries", headers={"Host": "evil.example:8765"})
    assert refused.status_code == 400 and refused.json()["error"] == "bad host"
    assert http.get("/api/entries", headers={"Host": "localhost:8765"}).status_code == 200


def test_with_a_token_every_request_needs_it(db):
    token = "s3cret-token-0123456789"
    http, _ = client(db, token=token, hosts={"*"}, base_url="http://192.0.2.7:8765")
    assert http.get("/api/entries").status_code == 401
    assert http.get("/").status_code == 401
    assert http.get("/api/entries", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert http.get("/api/entries", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    # a browser opens the link with the token once: a cookie, and the address without it
    opened = http.get("/review", params={"token": token, "status": "approved"}, follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/review?status=approved"
    assert "HttpOnly" in opened.headers["set-cookie"] and "SameSite=Strict" in opened.headers["set-cookie"]
    assert http.get("/review").status_code == 200  # the client keeps the cookie


def test_an_upload_over_the_limit_is_refused_with_413(db):
    http, headers = client(db, max_upload=10_000)
    big = tmx(tu() * 200)
    assert len(big) > 10_000
    refused = http.post("/api/import", files={"file": ("big.tmx", big)}, headers=headers)
    assert refused.status_code == 413 and refused.json()["error"] == "too large"

    body = (b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.tmx"\r\n\r\n' + big
            + b"\r\n--x--\r\n")

    def chunked():  # no Content-Length: counted as it arrives
        for start in range(0, len(body), 4096):
            yield body[start:start + 4096]

    streamed = http.post("/api/import", content=chunked(),
                         headers={**headers, "Content-Type": "multipart/form-data; boundary=x"})
    assert streamed.status_code == 413
    with open_store(db) as store:
        assert store.imports() == []


def test_serve_refuses_another_address_without_a_token():
    from tmtool.errors import TmtoolError
    from tmtool.web import check_binding

    with pytest.raises(TmtoolError, match="give --token"):
        check_binding("0.0.0.0", None)
    with pytest.raises(TmtoolError, match="16 or more"):
        check_binding("0.0.0.0", "short")
    check_binding("0.0.0.0", "a-long-enough-token")
    check_binding("127.0.0.1", None)
    check_binding("::1", None)
    check_binding("localhost", None)


def test_serve_says_an_ipv6_address_as_a_browser_opens_it(db, monkeypatch):
    """``serve --host ::1`` said it listened on http://::1:8765/, which no browser or curl opens."""
    from click.testing import CliRunner

    import tmtool.web
    from tmtool.cli import main

    served = []
    monkeypatch.setattr(tmtool.web, "check_port", lambda host, port, workers=1: None)
    monkeypatch.setattr(tmtool.web, "serve", lambda db, **options: served.append(options["host"]))
    for host, said in (("::1", "http://[::1]:8766/"), ("[::1]", "http://[::1]:8766/"),
                       ("127.0.0.1", "http://127.0.0.1:8766/"), ("localhost", "http://localhost:8766/")):
        result = CliRunner().invoke(main, ["--db", db, "serve", "--host", host, "--port", "8766"])
        assert (result.exit_code, result.stderr) == (0, f"tmtool workbench on {said} (Ctrl-C stops it)\n")
    assert served == ["::1", "[::1]", "127.0.0.1", "localhost"]



def test_serve_on_every_interface_says_a_url_a_browser_opens(db, monkeypatch):
    """``serve --host 0.0.0.0`` (or ``::``) said it was on http://0.0.0.0:8765/ (http://[::]:8765/), which Windows
    and Chrome do not open. It says the loopback's URL of that family, which the server answers on too, and that
    other machines reach it by this one's name or address."""
    from click.testing import CliRunner

    import tmtool.web
    from tmtool.cli import main

    served = []
    monkeypatch.setattr(tmtool.web, "check_port", lambda host, port, workers=1: None)
    monkeypatch.setattr(tmtool.web, "serve", lambda db, **options: served.append(options["host"]))
    everywhere = "(listening on every interface: other machines open it by this machine's name or address)"
    for host, said in (("0.0.0.0", "http://127.0.0.1:8766/"), ("::", "http://[::1]:8766/"),
                       ("[::]", "http://[::1]:8766/"), ("0:0::0", "http://[::1]:8766/"),
                       ("0", "http://127.0.0.1:8766/")):  # 0.0.0.0 as inet_aton reads "0", and the server with it
        result = CliRunner().invoke(main, ["--db", db, "serve", "--host", host, "--port", "8766",
                                           "--token", "a-token-of-twenty-chars"])
        assert (result.exit_code, result.stderr) == (0, f"tmtool workbench on {said} {everywhere} (Ctrl-C stops it)\n")
    assert served == ["0.0.0.0", "::", "[::]", "0:0::0", "0"]
    result = CliRunner().invoke(main, ["--db", db, "serve", "--host", "0.0.0.0", "--port", "8766"])
    assert result.exit_code == 1 and "--host 0.0.0.0 is reachable from other machines: give --token" in result.stderr


def test_serve_with_workers_on_every_ipv6_interface_refuses_an_ipv4_port_taken_before_saying_where(db, monkeypatch):
    """``serve --host :: --workers 2`` with the port taken on IPv4 (another server on 0.0.0.0): the probe bound IPv6
    only (one worker's asyncio), the workers' socket IPv4 too, so it said "tmtool workbench on http://[::1]:…/" and
    then "tmtool: error: [Errno 98] Address already in use". Probed as the workers bind, it is refused in one line
    before; one worker, which listens on IPv6 only, still starts."""
    import socket

    from click.testing import CliRunner

    import tmtool.web
    from tmtool.cli import main

    served = []
    monkeypatch.setattr(tmtool.web, "serve", lambda db, **options: served.append(options["workers"]))
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        options = ["--db", db, "serve", "--host", "::", "--port", str(port), "--token", "a-token-of-twenty-chars"]
        result = CliRunner().invoke(main, [*options, "--workers", "2"])
        assert (result.exit_code, result.stderr) == (1, f"tmtool: error: cannot listen on [::]:{port}: Address already"
                                                        " in use (another tmtool serve? --port chooses another)\n")
        assert CliRunner().invoke(main, options).exit_code == 0
    assert served == [1]


def test_serve_refuses_an_ipv4_mapped_address_before_saying_where_it_listens(db):
    """``serve --host ::ffff:127.0.0.1``: the port's probe bound it (dual-stack), then the server, binding IPv6 only
    as asyncio does, failed after the line saying where the workbench was ("ERROR: [Errno 22] error while attempting
    to bind", exit 3). It is refused in one line naming the IPv4 address to give instead."""
    import socket

    from click.testing import CliRunner

    from tmtool.cli import main

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    result = CliRunner().invoke(main, ["--db", db, "serve", "--host", "::ffff:127.0.0.1", "--port", str(port),
                                       "--token", "a-token-of-twenty-chars"])
    assert (result.exit_code, result.stderr) == (1, f"tmtool: error: cannot listen on [::ffff:127.0.0.1]:{port}: Invalid"
                                                    " argument (an IPv4 address is listened on as one: --host 127.0.0.1)\n")

def test_serve_listens_on_an_ipv6_address_written_in_brackets(db, monkeypatch):
    """``serve --host [::1]`` (the address as its URL writes it) had uvicorn look the name "[::1]" up: "Name or
    service not known", after the line saying where the workbench was."""
    import uvicorn

    import tmtool.web

    listened = []
    monkeypatch.setattr(tmtool.web, "check_port", lambda host, port, workers=1: None)
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: listened.append(options["host"]))
    for host in ("[::1]", "::1", "127.0.0.1"):
        tmtool.web.serve(db, host=host, port=8766)
    assert listened == ["::1", "::1", "127.0.0.1"]


def _link_local() -> str:
    """An IPv6 link-local address of this machine's, with its zone (``fe80::1%eth0``). The test skips where it has
    none (a container without IPv6): an address is the machine's network, which no package gives and .ci/run cannot
    install, so it is no ``tool_missing``; CI here has one and runs these tests whole."""
    try:
        lines = Path("/proc/net/if_inet6").read_text().splitlines()
    except OSError:
        lines = []
    for line in lines:
        hexes, _, _, scope, _, name = line.split()
        if scope == "20":  # link
            return ":".join(hexes[i:i + 4] for i in range(0, 32, 4)) + "%" + name
    pytest.skip("this machine has no IPv6 link-local address")


def test_serve_says_and_listens_on_a_link_local_ipv6_address_with_its_zone(db, monkeypatch):
    """``serve --host fe80::…%eth0``: refused ("cannot listen on fe80::…%eth0:8765: Invalid argument", the probe
    binding it without the zone's interface), and said as http://[fe80::…%eth0]:8765/, whose %eth reads as an escape
    (RFC 6874 writes the zone's % as %25, as curl opens it). An address in use is said in brackets too."""
    import socket

    from click.testing import CliRunner

    import tmtool.web
    from tmtool.cli import main
    from tmtool.errors import TmtoolError
    from tmtool.web import address, check_port

    assert address("fe80::1%eth0", 8765) == "http://[fe80::1%25eth0]:8765/"
    assert address("[fe80::1%eth0]", 8765) == "http://[fe80::1%25eth0]:8765/"
    with socket.socket(socket.AF_INET6) as taken:
        taken.bind(("::1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(TmtoolError, match=rf"^cannot listen on \[::1\]:{port}: Address already in use"):
            check_port("::1", port)
    link_local = _link_local()
    served = []
    monkeypatch.setattr(tmtool.web, "serve", lambda db, **options: served.append(options["host"]))
    result = CliRunner().invoke(main, ["--db", db, "serve", "--host", link_local, "--port", str(port),
                                       "--token", "a-token-of-twenty-chars"])
    assert (result.exit_code, result.stderr) == (
        0, f"tmtool workbench on http://[{link_local.replace('%', '%25')}]:{port}/ (Ctrl-C stops it)\n")
    assert served == [link_local]

# ---- many clients at once ------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def served_store(request, db) -> str:
    """The seeded store on each backend (PostgreSQL's a copy of it, by `tmtool db copy`)."""
    if request.param == "sqlite":
        return db
    url = request.getfixturevalue("pg_url")
    tmtool_api.copy_store(db, url)
    return url


def test_many_readers_and_writers_at_once_keep_the_store_consistent(served_store):
    """A real server, sixteen threads: the same stale-or-not edit sent eight times wins once (the
    others get 409), eight entries approved at once are all approved, reads answer throughout —
    on SQLite and on PostgreSQL."""
    db = served_store

    import httpx
    from workbench import Server

    server = Server(db)
    try:
        csrf = {"X-CSRF-Token": httpx.get(server.url + "/api/session").json()["csrf"]}
        version = httpx.get(server.url + "/api/entries/1").json()["version"]

        def edit(n: int) -> int:
            return httpx.patch(f"{server.url}/api/entries/1", json={"version": version, "note": f"note {n}"},
                               headers=csrf, timeout=30).status_code

        def approve(entry_id: int) -> int:
            return httpx.post(f"{server.url}/api/entries/{entry_id}/approve", headers=csrf, timeout=30).status_code

        def read(n: int) -> int:
            return httpx.get(f"{server.url}/api/lookup", params={"q": "OTAN"}, timeout=30).status_code

        with ThreadPoolExecutor(16) as pool:
            edits = pool.map(edit, range(8))
            approvals = pool.map(approve, range(10, 18))
            reads = pool.map(read, range(16))
            edits, approvals, reads = list(edits), list(approvals), list(reads)
    finally:
        server.stop()
    assert sorted(edits) == [200] + [409] * 7
    assert approvals == [200] * 8 and reads == [200] * 16
    with open_store(db) as store:
        assert [c.action for c in store.history(1)] == ["edit"]
        assert all(glossary.entry(store, i).status.value == "approved" for i in range(10, 18))


def test_tmtool_serve_refuses_in_one_line(db, tmp_path):
    from click.testing import CliRunner

    from tmtool.cli import main

    public = CliRunner().invoke(main, ["--db", db, "serve", "--host", "0.0.0.0"], env={"TMTOOL_TOKEN": None})
    assert public.exit_code == 1 and public.stdout == ""
    assert public.stderr.startswith("tmtool: error: --host 0.0.0.0 is reachable from other machines: give --token")
    missing = CliRunner().invoke(main, ["--db", str(tmp_path / "nothing.db"), "serve"])
    assert missing.exit_code == 2 and "no such store" in missing.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_tmtool_serve_on_a_port_already_in_use_says_so_in_one_line(db):
    import socket

    from click.testing import CliRunner

    from tmtool.cli import main

    with socket.socket() as taken:  # another server on the port: uvicorn said two lines and exited 3
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["--db", db, "serve", "--port", str(port)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"tmtool: error: cannot listen on 127.0.0.1:{port}: Address already in use "
                             "(another tmtool serve? --port chooses another)\n")


def test_serve_with_workers_runs_processes_that_share_the_csrf_token(db):
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "tmtool.cli", "--db", db, "serve", "--port", str(port),
                               "--workers", "2"], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"

    def workers() -> int:  # the server's children that are workers (multiprocessing also starts a tracker)
        return sum(1 for stat in Path("/proc").glob("[0-9]*/stat")
                   if _parent(stat) == server.pid and b"spawn_main" in _read(stat.with_name("cmdline")))

    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.poll() else "not up"
            try:
                if httpx.get(url + "/api/session").status_code == 200 and workers() >= 2:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        assert workers() == 2
        # a new connection a request, several at once: both workers answer, with one token
        with ThreadPoolExecutor(8) as pool:
            tokens = set(pool.map(lambda _: httpx.get(url + "/api/session").json()["csrf"], range(40)))
        assert len(tokens) == 1
        headers = {"X-CSRF-Token": tokens.pop()}
        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(lambda n: httpx.post(f"{url}/api/entries/{n}/approve", headers=headers,
                                                      timeout=30).status_code, range(1, 9)))
        assert codes == [200] * 8
        with open_store(db) as store:
            assert all(glossary.entry(store, n).status.value == "approved" for n in range(1, 9))
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(30)
    assert server.returncode == 0 and workers() == 0



def test_serve_with_workers_listens_on_a_link_local_address_with_its_zone(db):
    """``serve --host fe80::…%eth0 --workers 2`` said where the workbench was, then uvicorn's own bind, which drops the
    zone, failed: "ERROR: [Errno 22] Invalid argument", exit 3. The workers answer on the address, token and all."""
    import http.client
    import signal
    import socket
    import subprocess
    import sys
    import time

    link_local = _link_local()
    with socket.socket(socket.AF_INET6) as free:
        free.bind(socket.getaddrinfo(link_local, 0, socket.AF_INET6)[0][4])
        port = free.getsockname()[1]
    token = "a-token-of-twenty-chars"
    server = subprocess.Popen([sys.executable, "-m", "tmtool.cli", "--db", db, "serve", "--host", link_local,
                               "--port", str(port), "--workers", "2", "--token", token], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.poll() else "not up"
            try:
                answer = http.client.HTTPConnection(link_local, port, timeout=10)
                answer.request("GET", "/api/session", headers={"Authorization": f"Bearer {token}"})
                assert answer.getresponse().status == 200
                break
            except OSError:
                time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(30)
    assert server.returncode == 0
    assert server.stderr.read() == f"tmtool workbench on http://[{link_local.replace('%', '%25')}]:{port}/ (Ctrl-C stops it)\n"

def _parent(stat: Path) -> int | None:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):  # a process gone meanwhile
        return None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def test_the_history_names_the_user_the_workbench_serves_as(db):
    http, headers = client(db, user="ana")
    http.post("/api/entries/1/approve", headers=headers)
    assert [(h["action"], h["user"]) for h in http.get("/api/entries/1").json()["history"]] == [("approved", "ana")]


def test_a_team_sharing_one_server_has_each_reviewer_s_name_in_the_history(db):
    """Five terminologists on one `tmtool serve`: each request names its reviewer (the workbench sends
    the name given in its header), else the history named the server's --user for every change."""
    http, headers = client(db, user="server")
    http.post("/api/entries/1/approve", headers={**headers, "X-Tmtool-User": "ana"})
    version = http.get("/api/entries/2").json()["version"]
    http.patch("/api/entries/2", json={"version": version, "note": "vu"}, headers={**headers, "X-Tmtool-User": "Zo%C3%AB"})
    http.post("/api/entries/2/reject", headers=headers)
    assert [(h["action"], h["user"]) for h in http.get("/api/entries/1").json()["history"]] == [("approved", "ana")]
    assert [(h["action"], h["user"]) for h in http.get("/api/entries/2").json()["history"]] == [
        ("edit", "Zoë"), ("rejected", "server")]
    refused = http.post("/api/entries/3/approve", headers={**headers, "X-Tmtool-User": "ana%0Aben"})
    assert refused.status_code == 400 and refused.json()["message"].startswith("X-Tmtool-User: a person's name")
    # a stale deprecation is refused as a stale edit is
    stale = http.post("/api/entries/2/deprecate", json={"term": http.get("/api/entries/2").json()["terms"][0]["text"],
                                                        "version": version}, headers=headers)
    assert stale.status_code == 409, stale.text


def test_a_reviewer_s_name_with_accents_is_recorded_as_written_however_the_client_sends_it(db):
    """curl sends a name typed in a terminal as its UTF-8 bytes: the history recorded "BÃ©atrice"; a name
    percent-encoded from Latin-1 (B%E9atrice) was recorded "B\ufffdatrice". The first is read as UTF-8, the
    second refused, saying how to send it; Python's requests sends Latin-1 bytes, read as sent."""
    http, headers = client(db, user="server")
    for entry_id, sent in ((1, "Béatrice".encode()), (2, "Béatrice".encode("latin-1")), (3, b"B%C3%A9atrice")):
        done = http.post(f"/api/entries/{entry_id}/approve", headers={**headers, "X-Tmtool-User": sent})
        assert done.status_code == 200, done.text
        assert [h["user"] for h in http.get(f"/api/entries/{entry_id}").json()["history"]] == ["Béatrice"], sent
    refused = http.post("/api/entries/4/approve", headers={**headers, "X-Tmtool-User": "B%E9atrice"})
    assert (refused.status_code, refused.json()["message"]) == (400, (
        "X-Tmtool-User: a name percent-encoded from its UTF-8 (B%C3%A9atrice), not from another encoding"))
    assert http.get("/api/entries/4").json()["history"] == []


def test_a_documents_terminology_check(db):
    """An approved term whose approved equivalent the translation does not use is a finding, on
    the unit's row of the document view and in the API, as `tmtool check` reports it."""
    from tmtool.model import Entry, ReviewStatus, Term

    with open_store(db) as store:
        entry_id = glossary.add_entry(store, Entry([Term("pandémie", "fr"), Term("plague", "en")],
                                                   status=ReviewStatus.APPROVED))
        units = {str(u.id): u.unit for u in store.document_units(SEED_ID)}
    http, _ = client(db)
    report = http.get(f"/api/documents/{SEED_ID}/check").json()
    missing = [f for f in report["findings"] if f["entry"] == str(entry_id)]
    assert missing and all(f["kind"] == "missing" for f in missing)
    assert all("pandémie" in units[f["unit_id"]].source and "plague" not in units[f["unit_id"]].target for f in missing)
    page = http.get(f"/documents/{SEED_ID}").text
    assert report["summary"] in page and page.count('class="unit finding"') == len({f["unit_id"] for f in missing})
    assert http.get("/api/documents/nope/check").status_code == 404


def test_a_store_gone_since_the_server_started_is_a_503_naming_no_option(db, tmp_path):
    # the store moved or deleted under a running server answered 404 "no such store (check --db or
    # $TMTOOL_DB)", and one overwritten 400 "invalid": the request is not at fault, nor can it name a store
    http, _ = client(db)
    Path(db).rename(tmp_path / "moved.db")
    for path in ("/api/lookup?q=OTAN", "/api/entries"):
        answer = http.get(path)
        assert (answer.status_code, answer.json()) == (503, {"error": "unavailable", "message": f"{db}: the workbench"
                                                             " cannot open its store now: it is no longer there (moved"
                                                             " or deleted since the server started)"})
    assert http.get("/").status_code == 503
    Path(db).write_bytes(b"not a database, a text file saved over it\n" * 200)
    answer = http.get("/api/lookup?q=OTAN")
    assert (answer.status_code, answer.json()["message"]) == (503, f"{db}: the workbench cannot open its store now:"
                                                              " file is not a database")


def test_a_write_to_a_read_only_store_is_a_503_not_the_client_s_fault():
    # a workbench serving an archived copy (a file without write permission): an approval answered 400
    # "invalid", which tells a script to correct its request, when no request could succeed
    from crash_helpers import read_only_store, unprivileged

    with read_only_store() as db:
        http, headers = client(str(db))  # here: the user of the child may not read the modules it imports

        def approve():
            answer = http.post("/api/entries/1/approve", headers=headers)
            return answer.status_code, answer.json(), http.get("/api/lookup?q=OTAN").status_code

        assert unprivileged(approve) == str((503, {"error": "unavailable", "message": f"{db}: the store is read-only"
                                                   " (the file's permissions, or its disk), nothing was written"}, 200))


def test_a_store_that_cannot_answer_now_is_a_503_not_the_client_s_fault(pg_url):
    """A command the store's server cancels (the URL's statement_timeout; here a write waiting for
    another writer's lock) was a 400 "invalid": a script retries a 503 later, and corrects a 400."""
    import psycopg

    from tmtool.store.postgres.store import WRITE_LOCK

    with open_store(pg_url, create=True) as store:
        entry_id = tmtool_api.add_entry(store, ["Comité militaire"], ["Military Committee"], status="candidate")["id"]
    url = pg_url + "&options=-c%20statement_timeout%3D300"
    http, headers = client(url)
    with psycopg.connect(pg_url, autocommit=True) as writer, open_store(url) as store:
        writer.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        answer = http.post(f"/api/entries/{entry_id}/approve", headers=headers)
        assert answer.status_code == 503, answer.text
        assert answer.json() == {"error": "unavailable", "message": f"{tmtool_api.masked_url(url)}: the server"
                                 " cancelled the command: canceling statement due to statement timeout"}
        with pytest.raises(tmtool_api.Unavailable, match="the server cancelled the command"):
            tmtool_api.approve(store, [entry_id])
    assert http.post(f"/api/entries/{entry_id}/approve", headers=headers).json()["entry"]["status"] == "approved"


def test_alignment_corrections_name_their_reviewer_as_the_history_does(served_store):
    # each request names its reviewer, else the server's --user; the document's page shows who
    http, headers = client(served_store, user="server")
    base = f"/api/documents/{SEED_ID}/units"
    units = http.get(base).json()["units"]
    http.post(f"{base}/{units[0]['id']}/merge", headers={**headers, "X-Tmtool-User": "ana"})
    http.post(f"{base}/{units[2]['id']}/exclude", json={"excluded": True}, headers={**headers, "X-Tmtool-User": "Zo%C3%AB"})
    units = http.get(base).json()["units"]
    http.post(f"{base}/{units[0]['id']}/split", json={"source_at": 1, "target_at": 1}, headers=headers)
    moved = http.post(f"{base}/{units[4]['id']}/move", json={"side": "target", "direction": "up"},
                      headers={**headers, "X-Tmtool-User": "ben"}).json()
    assert [(c["action"], c["user"]) for c in moved["corrections"]] == [
        ("merge", "ana"), ("exclude", "Zoë"), ("split", "server"), ("move target up", "ben")]
    page = http.get(f"/documents/{SEED_ID}").text
    assert "· merge · by ana:" in page and "· exclude · by Zoë:" in page and "· split · by server:" in page


def test_entries_added_or_decided_between_two_pages_neither_skip_nor_repeat_one(served_store):
    # the review queue paged by offset: an ingest adding better-scored candidates between two pages
    # repeated the last of the first page on the second, a decision made meanwhile skipped one
    from html import unescape
    import re

    from tmtool.model import Entry, Term

    http, headers = client(served_store)
    params = {"status": "candidate", "limit": 5}
    queue = [e["id"] for e in http.get("/api/entries", params={**params, "limit": 500}).json()["entries"]]
    first = http.get("/api/entries", params=params).json()
    review = http.get("/review", params={"status": "candidate"}).text
    assert first["more"] and [e["id"] for e in first["entries"]] == queue[:5]

    def meanwhile(n: int) -> None:
        with open_store(served_store) as store:  # as an ingest adds them: the best candidates of all
            for k in range(n):
                store.insert_entry(Entry([Term(f"terme nouveau {n} {k}", "fr"), Term(f"new term {n} {k}", "en")],
                                         score=100.0 + k, frequency=50), reviewed=False)

    meanwhile(3)
    http.post(f"/api/entries/{queue[1]}/approve", headers=headers)  # decided on the first page
    second = http.get("/api/entries", params={**params, "after": first["next"]}).json()
    assert [e["id"] for e in second["entries"]] == queue[5:10] and second["more"]
    meanwhile(2)
    third = http.get("/api/entries", params={**params, "after": second["next"]}).json()
    assert [e["id"] for e in third["entries"]] == queue[10:15]
    # offset, as documented, pages as before, and counts from the cursor when both are given
    assert [e["id"] for e in http.get("/api/entries", params={**params, "after": first["next"], "offset": 2}
                                      ).json()["entries"]] == queue[7:12]
    now = [e["id"] for e in http.get("/api/entries", params={**params, "limit": 500}).json()["entries"]]
    assert [e["id"] for e in http.get("/api/entries", params={**params, "offset": 5}).json()["entries"]] == now[5:10]
    # the review page's next link follows its last card, whatever came in since
    next_page = http.get(unescape(re.search(r'<a rel="next" href="([^"]+)"', review).group(1))).text
    shown = [found for found in re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', next_page)]
    # numbered as the queue now stands: the five better candidates added meanwhile come before them, the one
    # approved no longer (the link's offset said 11–20)
    at = [e["id"] for e in http.get("/api/entries", params={**params, "limit": 500}).json()["entries"]].index(shown[0])
    assert shown == queue[10:20] and at == 14 and f"Entries {at + 1}–{at + 10} of" in next_page
    refused = http.get("/api/entries", params={**params, "after": "bm90IGEgY3Vyc29y"})
    assert refused.status_code == 400 and refused.json()["message"].startswith("after: 'bm90IGEgY3Vyc29y' is not the")
    assert http.get("/api/entries", params={**params, "order": "newest", "after": first["next"]}).status_code == 400


def test_an_edit_sets_a_terms_gender_and_part_of_speech_by_language(api, db):
    http, headers = api
    entry = http.get("/api/entries/1").json()
    edited = http.patch("/api/entries/1", json={"version": entry["version"], "genders": {"fr-FR": "f"},
                                                 "parts_of_speech": {"en": "Proper noun"}}, headers=headers)
    assert edited.status_code == 200
    first = {t["lang"]: t for t in reversed(edited.json()["entry"]["terms"])}
    assert (first["fr"]["gender"], first["en"]["pos"]) == ("feminine", "properNoun")
    missing = http.patch("/api/entries/1", json={"version": edited.json()["entry"]["version"], "genders": {"de": "n"}},
                         headers=headers)
    assert missing.status_code == 400 and "no de term" in missing.json()["message"]
    assert http.patch("/api/entries/1", json={"version": 1, "genders": ["f"]}, headers=headers).status_code == 400


def test_the_page_before_is_read_back_from_the_first_entry_shown_whatever_was_decided_or_added(served_store):
    # the previous page was fetched by offset while the next followed a cursor: after two decisions on the first
    # page and candidates ingested above it, "offset 0" passed over the entries just before the page shown
    from html import unescape
    import re

    from tmtool.model import Entry, Term

    http, headers = client(served_store)
    params = {"status": "candidate", "limit": 5}
    queue = [e["id"] for e in http.get("/api/entries", params={**params, "limit": 500}).json()["entries"]]
    first = http.get("/api/entries", params=params).json()
    assert first["previous"] is None
    second = http.get("/api/entries", params={**params, "after": first["next"]}).json()
    assert [e["id"] for e in second["entries"]] == queue[5:10] and second["previous"]
    for entry_id in (queue[1], queue[3]):
        http.post(f"/api/entries/{entry_id}/approve", headers=headers)
    with open_store(served_store) as store:  # as an ingest adds them: the best candidates of all
        new = [store.insert_entry(Entry([Term(f"terme nouveau {k}", "fr"), Term(f"new term {k}", "en")],
                                        score=100.0 + k, frequency=50), reviewed=False) for k in range(3)]
    back = http.get("/api/entries", params={**params, "before": second["previous"]}).json()
    # the five nearest before the page's first, in the queue's order: the two best new ones are further back
    assert [e["id"] for e in back["entries"]] == [str(new[1]), str(new[0]), queue[0], queue[2], queue[4]]
    assert back["more"] and back["next"] and back["previous"]
    assert [e["id"] for e in http.get("/api/entries", params={**params, "after": back["next"]}).json()["entries"]
            ] == queue[5:10]
    start = http.get("/api/entries", params={**params, "before": back["previous"]}).json()
    assert [e["id"] for e in start["entries"]] == [str(new[2])] and start["previous"] is None and start["more"]
    # the review page's previous link is read back the same way
    page = http.get("/review", params={"status": "candidate", "after": first["next"], "offset": 10}).text
    previous = http.get(unescape(re.search(r'<a rel="prev" href="([^"]+)"', page).group(1))).text
    shown = re.findall(r'class="card" tabindex="-1" data-entry="(\d+)"', previous)
    assert shown == [str(n) for n in reversed(new)] + [queue[0], queue[2], queue[4]] and "Entries 1–6 of " in previous
    assert 'rel="prev"' not in previous
    refused = http.get("/api/entries", params={**params, "before": "bm90IGEgY3Vyc29y"})
    assert refused.status_code == 400 and refused.json()["message"].startswith("before: 'bm90IGEgY3Vyc29y' is not")


def test_a_misspelt_field_or_true_for_a_number_is_refused_not_taken_as_no_version_or_as_1(api, db):
    # {"verison": 3} was passed over, so the approval was made without the version check a script meant to ask;
    # {"into": true} merged the entry into entry 1 and {"version": true} checked it against version 1
    http, headers = api
    with open_store(db) as store:
        entry = tmtool_api.entries(store, statuses=["candidate"], limit=1)[0]
    before = dump(db)
    for path, body, message in (
            ("approve", {"verison": entry["version"]}, "body: no field 'verison' here (the fields: version)"),
            ("reject", {"version": entry["version"], "user": "ana"}, "body: no field 'user' here (the fields: version)"),
            ("deprecate", {"term": entry["terms"][0]["text"], "vers": 1},
             "body: no field 'vers' here (the fields: lang, term, version)"),
            ("merge", {"into": True}, "into: Input should be a whole number, not true"),
            ("approve", {"version": True}, "version: Input should be a whole number, not true")):
        refused = http.post(f"/api/entries/{entry['id']}/{path}", json=body, headers=headers)
        assert (refused.status_code, refused.json()) == (400, {"error": "invalid", "message": message}), path
    excluded = http.post(f"/api/documents/{SEED_ID}/units/1/exclude", json={"exclude": False}, headers=headers)
    assert excluded.json()["message"] == "body: no field 'exclude' here (the fields: excluded)"
    assert http.patch(f"/api/entries/{entry['id']}", json={"version": False, "note": "x"},
                      headers=headers).json()["message"] == "version: Input should be a whole number, not false"
    assert dump(db) == before
    # the number or its text, as every id and version
    assert http.post(f"/api/entries/{entry['id']}/approve", json={"version": str(entry["version"])},
                     headers=headers).status_code == 200


def test_a_body_that_cannot_be_read_says_why_as_an_invalid_request(api):
    # "error": "error", "There was an error parsing the body": a Latin-1 body, or one nested past Python's limit
    http, headers = api
    sent = {**headers, "Content-Type": "application/json"}
    for body, message in (('{"version": 1, "note": "révisé"}'.encode("latin-1"),
                           "body: JSON is sent as UTF-8, and byte 25 is not UTF-8 (0xe9)"),
                          (b"[" * 100_000, "body: JSON nested too deeply to read")):
        refused = http.patch("/api/entries/1", content=body, headers=sent)
        assert (refused.status_code, refused.json()) == (400, {"error": "invalid", "message": message})


def test_an_upload_named_with_an_id_no_address_reaches_is_refused(api, db):
    # "a\nb", "..", " " were stored as documents' ids: no path reached the first two (the route stops at a line
    # break, a browser takes /documents/.. for the folder), the third was a blank name in every list
    http, headers = api
    before = dump(db)
    files = {"fr_file": ("note.fr.txt", "Le Comité militaire s'est réuni.\n".encode()),
             "en_file": ("note.en.txt", b"The Military Committee met.\n")}
    for name in ("a\nb", "..", ".", " ", "tab\there"):
        refused = http.post("/api/ingest", files=files, data={"doc_id": name}, headers=headers)
        assert (refused.status_code, refused.json()["message"]) == (
            400, f"a document's id is a name of letters, digits or signs on one line, not {name!r}"), name
    assert dump(db) == before
    stored = http.post("/api/ingest", files=files, data={"doc_id": "notes/2026 été"}, headers=headers)
    assert stored.status_code == 200 and stored.json()["document"] == "notes/2026 été"
    assert http.get("/api/documents/notes%2F2026%20%C3%A9t%C3%A9/units").json()["units"]


def test_a_term_written_alike_in_two_languages_is_deprecated_in_the_language_sent(api, db):
    http, headers = api
    with open_store(db) as store:
        radar = tmtool_api.add_entry(store, ["radar"], ["radar"], status="approved")
    done = http.post(f"/api/entries/{radar['id']}/deprecate", json={"term": "radar", "lang": "en-GB",
                                                                   "version": radar["version"]}, headers=headers)
    assert [(t["lang"], t["usage"]) for t in done.json()["entry"]["terms"]] == [("fr", "preferred"), ("en", "deprecated")]
    for lang, message in (("de", f"entry {radar['id']} has no de term 'radar'"),
                          ("<b>", "invalid language tag '<b>' (expected e.g. fr, fr-FR, en-GB)")):
        refused = http.post(f"/api/entries/{radar['id']}/deprecate", json={"term": "radar", "lang": lang},
                            headers=headers)
        assert (refused.status_code, refused.json()["message"]) == (400, message)


def test_a_cursor_holding_numbers_no_store_holds_is_refused_as_not_a_cursor(served_store):
    # a cursor's id of 10**30 was SQLite's OverflowError (an HTTP 500), NaN and infinity pages of nothing
    import base64
    import json

    http, _ = client(served_store)
    for keyset in (["score", 1.0, 1, 10**30], ["score", 1.0, 10**30, 1], ["score", float("nan"), 1, 1],
                   ["score", float("inf"), 1, 1]):
        cursor = base64.urlsafe_b64encode(json.dumps(keyset).encode()).decode().rstrip("=")
        for side in ("after", "before"):
            refused = http.get("/api/entries", params={side: cursor})
            assert (refused.status_code, refused.json()["message"]) == (
                400, f"{side}: {cursor[:40]!r} is not the cursor of a page of entries in the order score"), keyset


def test_a_page_asked_both_after_and_before_a_cursor_is_refused_not_empty(served_store):
    """A pager passing on both cursors it was given (``after`` the page's ``next``, ``before`` its ``previous``) read
    the entries after one and before the other at once: none, a 200 with an empty page (and ``api.entries`` []),
    which a script took for the end of the glossary."""
    http, _ = client(served_store)
    page = http.get("/api/entries", params={"limit": 1}).json()
    following = http.get("/api/entries", params={"limit": 1, "after": page["next"]}).json()
    assert page["next"] and following["previous"] and following["entries"]
    both = http.get("/api/entries", params={"limit": 1, "after": following["next"] or page["next"],
                                            "before": following["previous"]})
    assert (both.status_code, both.json()) == (400, {
        "error": "invalid", "message": "give after (the page that follows) or before (the page before), not both"})
    with open_store(served_store) as store:
        with pytest.raises(tmtool_api.Invalid, match="not both"):
            tmtool_api.entries(store, after=page["next"], before=following["previous"])


def test_entries_of_several_statuses_are_listed_as_the_api_lists_them(api, db):
    """``status=approved&status=rejected`` (httpx's ``params={"status": [...]}``, what ``api.entries(statuses=...)``
    takes) listed the rejected entries alone, the first status dropped without a word."""
    http, headers = api
    assert http.post("/api/entries/1/approve", headers=headers).status_code == 200
    assert http.post("/api/entries/2/reject", headers=headers).status_code == 200
    listed = http.get("/api/entries", params={"status": ["approved", "rejected"], "limit": 500})
    assert listed.status_code == 200, listed.text
    with open_store(db) as store:
        expected = [e["id"] for e in tmtool_api.entries(store, statuses=["approved", "rejected"], limit=500)]
        candidates = [e["id"] for e in tmtool_api.entries(store, statuses=["candidate"], limit=20)]
    assert [e["id"] for e in listed.json()["entries"]] == expected and {"1", "2"} <= set(expected)
    assert [e["id"] for e in http.get("/api/entries", params={"status": "candidate"}).json()["entries"]] == candidates
    refused = http.get("/api/entries", params={"status": ["approved", "pending"]})
    assert refused.status_code == 400 and refused.json()["message"] == (
        "status: 'pending' is not one of 'candidate', 'approved' or 'rejected'")


def test_a_query_parameter_taken_once_and_given_twice_is_refused(api):
    """``q=mines&q=chasseur`` looked up chasseur alone, ``limit=5&limit=50`` gave fifty: the last value was read,
    the others dropped without a word. A parameter that takes several (/api/entries' status) takes them."""
    http, _ = api
    for path, params in (("/api/lookup", [("q", "OTAN"), ("q", "Comité")]),
                         ("/api/entries", [("limit", "5"), ("limit", "50")]),
                         ("/api/search", [("q", "Les partenaires de l’OTAN"), ("min", "50"), ("min", "90")]),
                         ("/api/export/tsv", [("srclang", "fr"), ("srclang", "en")])):
        refused = http.get(path, params=params)
        name = params[-1][0]
        assert (refused.status_code, refused.json()) == (400, {
            "error": "invalid", "message": f"{name}: given 2 times, and {path} takes one"}), path
    assert http.get("/api/entries", params=[("status", "approved"), ("status", "candidate")]).status_code == 200
    assert http.get("/api/lookup", params={"q": "OTAN", "limit": 5}).status_code == 200


def test_a_query_parameter_the_path_does_not_take_is_refused_as_a_body_field_is(api, db):
    """A misspelt JSON field is a 400 (``{"verison": 3}``), but a misspelt query parameter was passed over:
    ``staus=candidate`` listed every entry, ``min_score`` on /api/search (whose name was ``min``) answered every
    match above 70, ``langs=every`` exported the pair. Each is refused, naming the path's parameters; a write's
    too (a script's ``?version=3`` is checked against nothing)."""
    http, headers = api
    for method, path, params, taken in (
            ("GET", "/api/entries", {"staus": "candidate"}, "after, before, document, lang, limit, min_score, offset,"
                                                              " order, q, status"),
            ("GET", "/api/lookup", {"q": "OTAN", "language": "fr"}, "lang, limit, q"),
            ("GET", "/api/export/tbx", {"lang": "all"}, "include_unconfirmed, langs, srclang, status, tgtlang"),
            ("GET", "/api/stats", {"verbose": "1"}, "none"),
            ("POST", "/api/entries/1/approve", {"version": "1"}, "none")):
        refused = http.request(method, path, params=params, headers=headers)
        assert (refused.status_code, refused.json()) == (400, {"error": "invalid", "message": (
            f"{list(params)[-1]}: no such parameter of {path} (its parameters: {taken})")}), path
    with open_store(db) as store:
        assert tmtool_api.entry(store, 1)["status"] == "candidate"  # the approval refused: nothing written
    assert http.get("/api/entries", params={"status": "", "lang": ""}).status_code == 200  # empty: not sent
    assert http.get("/api/lookup", params={"q": "OTAN", "lang": "fr"}).status_code == 200


def test_an_upload_named_longer_than_a_file_system_holds_is_refused_in_one_line(api, db):
    # a name of 300 characters was an OSError writing the upload's copy: an HTTP 500
    http, headers = api
    before = dump(db)
    long = "x" * 300
    for files, url in (({"file": (long + ".csv", b"fr,en\nchasseur de mines,minehunter\n")}, "/api/import"),
                       ({"fr_file": (long + ".fr.txt", "Le Comité militaire s'est réuni.\n".encode()),
                         "en_file": ("note.en.txt", b"The Military Committee met.\n")}, "/api/ingest")):
        refused = http.post(url, files=files, headers=headers)
        assert refused.status_code == 400, refused.text
        assert refused.json()["message"].startswith("an upload's file name is 255 bytes at most"), refused.text
    assert dump(db) == before
    accepted = http.post("/api/import", files={"file": ("é" * 125 + ".csv", b"fr,en\nguerre des mines,mine warfare\n")},
                         headers=headers)
    assert accepted.status_code == 200 and accepted.json()["added"] == 1


def test_the_look_up_refuses_a_mistyped_language_as_the_api_and_the_command_line_do(api, db):
    """The workbench's look-up read the memory before the glossary, so a mistyped ``lang`` was refused with the
    concordance's words ("invalid language tag 'zz' …") where ``api.lookup`` and ``tmtool lookup --lang zz`` say
    "unknown language 'zz' …": one operation, two errors."""
    from click.testing import CliRunner

    from tmtool.cli import main

    http, _ = api
    with open_store(db) as store, pytest.raises(tmtool_api.Invalid) as raised:
        tmtool_api.lookup(store, "OTAN", lang="zz")
    said = CliRunner().invoke(main, ["--db", db, "lookup", "OTAN", "--lang", "zz"])
    assert (said.exit_code, said.output) == (1, f"tmtool: error: {raised.value}\n")
    answer = http.get("/api/lookup", params={"q": "OTAN", "lang": "zz"})
    assert (answer.status_code, answer.json()) == (400, {"error": "invalid", "message": str(raised.value)})


def _declared_answer(document: dict, method: str, path: str):
    """A validator of the 200 answer ``document`` declares for ``method`` ``path`` (its $refs read in it)."""
    from jsonschema import Draft202012Validator

    schema = document["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "components": document["components"]})


def test_every_json_path_declares_the_answer_it_gives(store_url, tmp_path):
    """A 200 declared no schema but "an object": a client generated from /openapi.json got untyped dicts for every
    path. Each JSON path declares its answer's fields (tmtool/web/schemas.py), and a real answer of each, made as a
    script would, validates against the schema declared for it, with what the library gives (an entry's terms and
    contexts, a document's units and corrections, a fuzzy match, an import's counts); no field is left undeclared.
    On either backend: the seed copied into a new store of each."""
    if store_url.startswith("postgresql"):
        tmtool_api.copy_store(seeded_store(tmp_path), store_url)
        db = store_url
    else:
        db = seeded_store(tmp_path)
    http, headers = client(db)
    document = http.get("/openapi.json").json()
    json_operations = {(method, path) for path, operations in document["paths"].items()
                       for method, operation in operations.items()
                       if "application/json" in operation["responses"]["200"].get("content", {})}
    assert {(method, path) for path, operations in document["paths"].items() for method in operations} \
        - json_operations == {("get", "/api/export/{fmt}")}  # a file, not JSON
    for method, path in json_operations:
        declared = document["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
        named = document["components"]["schemas"][declared["$ref"].rsplit("/", 1)[1]]
        assert named["properties"] and named["required"], (method, path)

    stored = http.get(f"/api/documents/{SEED_ID}/units").json()["units"]
    sentence = stored[0]["source"].replace("inestimable", "précieux")  # no unit holds it: fuzzy matches
    files = {"fr_file": ("rapport.fr.txt", "Le Comité militaire s'est réuni.\n".encode()),
             "en_file": ("rapport.en.txt", b"The Military Committee met.\n")}
    terms = tbx(concept(fr="interopérabilité", en="interoperability"))
    base = f"/api/documents/{SEED_ID}"
    with open_store(db) as store:
        radar = tmtool_api.add_entry(store, ["radar"], ["radar"], terms={"en-US": ["radar set"]})
        twice = tmtool_api.add_entry(store, ["radar"], terms={"de": ["Radar"]}, status="candidate")
        tmtool_api.add_entry(store, ["Comité militaire"], ["Military Board"])  # rapport.en.txt says otherwise
    made = [
        ("get", "/api/session", http.get("/api/session")),
        ("post", "/api/ingest", http.post("/api/ingest", files=files, headers=headers)),
        ("post", "/api/import", http.post("/api/import", files={"file": ("terms.tbx", terms)}, headers=headers)),
        ("get", "/api/lookup", http.get("/api/lookup", params={"q": "OTAN"})),
        ("get", "/api/lookup", http.get("/api/lookup", params={"q": sentence})),
        ("get", "/api/search", http.get("/api/search", params={"q": sentence, "min": 50})),
        ("get", "/api/concordance", http.get("/api/concordance", params={"q": "pandémie"})),
        ("get", "/api/entries", http.get("/api/entries", params={"limit": 2, "order": "newest"})),
        ("post", "/api/entries/{entry_id}/approve", http.post("/api/entries/1/approve", headers=headers)),
        ("post", "/api/entries/{entry_id}/reject", rejected := http.post("/api/entries/2/reject", headers=headers)),
        ("patch", "/api/entries/{entry_id}", http.patch(f"/api/entries/{radar['id']}", headers=headers, json={
            "version": radar["version"], "note": "a set", "genders": {"fr": "m"}})),
        ("post", "/api/entries/{entry_id}/deprecate", http.post(f"/api/entries/{radar['id']}/deprecate", headers=headers,
                                                                 json={"term": "radar", "lang": "en"})),
        ("post", "/api/entries/{entry_id}/usage", http.post(f"/api/entries/{radar['id']}/usage", headers=headers,
                                                             json={"term": "radar", "lang": "en", "usage": "admitted"})),
        ("post", "/api/entries/{entry_id}/merge", http.post(f"/api/entries/{twice['id']}/merge", headers=headers,
                                                             json={"into": radar["id"]})),
        ("post", "/api/changes/{change_id}/revert", http.post(f"/api/changes/{rejected.json()['change']}/revert",
                                                            headers=headers)),
        ("get", "/api/entries/{entry_id}", http.get(f"/api/entries/{radar['id']}")),
        ("get", "/api/entries/versions", http.get("/api/entries/versions", params={"id": [radar["id"], 99999]})),
        ("get", "/api/entries/count", http.get("/api/entries/count", params={"status": "candidate"})),
        ("post", "/api/documents/{document_id}/units/{unit_id}/merge",
         merged := http.post(f"{base}/units/{stored[0]['id']}/merge", headers=headers)),
        ("post", "/api/documents/{document_id}/units/{unit_id}/split",
         http.post(f"{base}/units/{merged.json()['units'][0]['id']}/split", headers=headers, json={"source_at": 1, "target_at": 1})),
        ("post", "/api/documents/{document_id}/units/{unit_id}/move",
         http.post(f"{base}/units/{stored[3]['id']}/move", headers=headers, json={"side": "target", "direction": "up"})),
        ("post", "/api/documents/{document_id}/units/{unit_id}/exclude",
         http.post(f"{base}/units/{stored[4]['id']}/exclude", headers=headers)),
        ("post", "/api/documents/{document_id}/corrections/undo", http.post(f"{base}/corrections/undo", headers=headers)),
        ("get", "/api/documents/{document_id}/units", http.get(f"{base}/units")),
        ("get", "/api/documents/{document_id}/check", http.get("/api/documents/rapport/check")),
        ("post", "/api/documents/{document_id}/reextract", http.post(f"{base}/reextract", headers=headers)),
        ("get", "/api/documents", http.get("/api/documents")),
        ("get", "/api/stats", http.get("/api/stats")),
    ]
    assert {(method, path) for method, path, _ in made} == json_operations  # a new path: answer it here too
    for method, path, answer in made:
        assert answer.status_code == 200, (method, path, answer.text)
        problems = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
                    for error in _declared_answer(document, method, path).iter_errors(answer.json())]
        assert problems == [], (method, path, problems[:5])
    answered = {(method, path): answer.json() for method, path, answer in made}
    # what was checked holds what a client reads: matches, findings, corrections, a term's locale, an import
    assert answered["get", "/api/lookup"]["matches"] and answered["get", "/api/search"]["matches"]
    assert answered["get", "/api/documents/{document_id}/units"]["corrections"]
    assert answered["get", "/api/documents/{document_id}/check"]["findings"]
    assert any(term.get("locale") == "en-US" for term in answered["get", "/api/entries/{entry_id}"]["terms"])
    assert answered["get", "/api/documents"]["imports"] and answered["get", "/api/entries/{entry_id}"]["history"]


def test_a_page_polls_where_its_entries_stand_and_how_many_its_filters_hold(api, db):
    # what the review queue asks every few seconds to show another reviewer's decisions: versions and statuses (and who
    # made the last change), an entry merged away named as such, and the queue's total as its page counts it
    http, headers = api
    with open_store(db) as store:
        queue = [int(e.id) for e in store.list_entries(statuses=[glossary.ReviewStatus.CANDIDATE])]
    read = {e["id"]: e for e in http.get("/api/entries/versions", params={"id": queue[:3]}).json()["entries"]}
    before = http.get("/api/entries/count", params={"status": "candidate"}).json()
    assert before == {"total": candidates(db), "capped": False}
    done = http.post(f"/api/entries/{queue[0]}/approve", json={}, headers={**headers, "X-Tmtool-User": "ana"}).json()
    http.post(f"/api/entries/{queue[1]}/merge", json={"into": queue[2]}, headers=headers)
    now = http.get("/api/entries/versions", params={"id": queue[:3]}).json()["entries"]
    assert now[0] == {"id": str(queue[0]), "version": done["entry"]["version"], "status": "approved", "by": "ana"}
    assert now[0]["version"] > read[str(queue[0])]["version"]
    assert now[1] == {"id": str(queue[1]), "gone": True, "into": queue[2]}
    assert http.get("/api/entries/count", params={"status": "candidate"}).json()["total"] == before["total"] - 2
    assert http.get("/api/entries/count", params={"status": "candidate", "q": "militaire"}).json()["total"] == len(
        http.get("/api/entries", params={"status": "candidate", "q": "militaire", "limit": 500}).json()["entries"])
    refused = http.get("/api/entries/versions", params={"id": list(range(1, 102))})
    assert refused.status_code == 400 and "id" in refused.json()["message"], refused.text


def test_a_decision_read_before_a_unit_correction_moved_the_entry_s_quote_is_refused(api, db):
    # a reviewer read a card quoting a unit; someone merged that unit with the next in the document view: the card's
    # sentence was no longer the entry's, and the approval read against it went through (the version had not changed)
    http, headers = api
    units = http.get(f"/api/documents/{SEED_ID}/units").json()["units"]
    with open_store(db) as store:
        entry_id, unit = next((int(e.id), c.unit) for e in store.list_entries(statuses=[glossary.ReviewStatus.CANDIDATE])
                              for c in e.contexts if c.unit)
    index = next(i for i, u in enumerate(units) if u["tuid"] == unit)
    first = units[index - 1] if index + 1 == len(units) else units[index]
    http.post(f"/api/entries/{entry_id}/approve", json={}, headers={**headers, "X-Tmtool-User": "ana"})
    read = http.get(f"/api/entries/{entry_id}").json()
    polled = lambda: http.get("/api/entries/versions", params={"id": entry_id}).json()["entries"][0]  # noqa: E731
    assert polled()["by"] == "ana"
    merged = http.post(f"/api/documents/{SEED_ID}/units/{first['id']}/merge", json={}, headers=headers)
    assert merged.status_code == 200, merged.text
    now = http.get(f"/api/entries/{entry_id}").json()
    assert now["contexts"] != read["contexts"] and now["version"] > read["version"]
    # the queue's poll sees the new version (the last change the history records still ana's approval)
    assert polled() == {"id": str(entry_id), "version": now["version"], "status": "approved", "by": "ana"}
    refused = http.post(f"/api/entries/{entry_id}/reject", json={"version": read["version"]}, headers=headers)
    assert refused.status_code == 409 and "changed by someone else" in refused.json()["message"]
