"""The organisation's other languages, as a translator of each works with them: a Chinese or Japanese
word found inside a sentence written without spaces (concordance, terminology checks), right-to-left
text in the workbench, one original translated into several languages ingested as several documents."""

from __future__ import annotations

import pytest

from conftest import run
from tmtool import api
from tmtool.store import open_store


CJK_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="1"><tuv xml:lang="en-GB"><seg>NATO ministers discussed cyber defence.</seg></tuv>
 <tuv xml:lang="zh-Hans-CN"><seg>北约部长讨论了网络防御。</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="en-GB"><seg>The ministers met in Brussels today.</seg></tuv>
 <tuv xml:lang="zh-Hans-CN"><seg>部长们今天在布鲁塞尔开会。</seg></tuv></tu>
<tu tuid="3"><tuv xml:lang="en-GB"><seg>Tokyo hosts the meeting.</seg></tuv>
 <tuv xml:lang="ja-JP"><seg>東京で会議が開かれる。</seg></tuv>
 <tuv xml:lang="zh-Hans"><seg>东京主办北约会议。</seg></tuv></tu>
</body></tmx>
"""


def test_concordance_finds_a_chinese_or_japanese_word_inside_a_sentence(store_url, tmp_path):
    tmx = tmp_path / "cjk.tmx"
    tmx.write_text(CJK_TMX, encoding="utf-8")
    run(store_url, "import", tmx)
    found = run(store_url, "tm", "concordance", "北约")
    assert "NATO ministers discussed cyber defence.\n    北约部长讨论了网络防御。\n" in found.stdout
    assert "    [zh-Hans] 东京主办北约会议。\n" in found.stdout
    with open_store(store_url) as store:
        # in a unit's target, and in a unit's third language, each unit once
        assert sorted(u["tuid"] for u in api.concordance(store, "北约")) == ["1", "3"]
        assert sorted(u["tuid"] for u in api.concordance(store, "北约", lang="zh")) == ["1", "3"]
        assert [u["tuid"] for u in api.concordance(store, "会議")] == ["3"]
        assert api.concordance(store, "会議", lang="zh") == []
        assert [u["tuid"] for u in api.concordance(store, "布鲁塞尔", lang="zh-Hans")] == ["2"]
        assert store.concordance_count("北约", 10) == 2 and store.concordance_count("北约", 10, "ja") == 0
        # the look-up shows them when no glossary entry holds the word
        answer = api.lookup(store, "网络防御")
        assert [u["tuid"] for u in answer["memory"]] == ["1"] and answer["memory_count"] == 1


# ---- terminology checks of a translation into a language written without spaces --------------------

def test_check_finds_a_chinese_or_japanese_term_inside_a_sentence():
    from tmtool.check import Glossary, check_units
    from tmtool.model import Entry, ReviewStatus, Term, Unit

    glossary = Glossary([
        Entry([Term("NATO", "en"), Term("北约", "zh"), Term("北大西洋条約機構", "ja")], id="1", status=ReviewStatus.APPROVED),
        Entry([Term("cyber defence", "en"), Term("网络防御", "zh")], id="2", status=ReviewStatus.APPROVED)])
    units = [Unit("NATO ministers discussed cyber defence.", "北约部长讨论了网络防御。", "en-GB", "zh-Hans-CN"),
             Unit("NATO met.", "他们开会了。", "en-GB", "zh-Hans-CN"),
             Unit("NATO met in Tokyo.", "北大西洋条約機構は東京で会合した。", "en", "ja")]
    report = check_units(glossary, units)
    # the first and third units have their terms, the second lacks 北约
    assert [(f.unit, f.kind, f.term) for f in report.findings if f.kind == "missing"] == [(2, "missing", "NATO")]


# ---- right-to-left text in the workbench -----------------------------------------------------------

ARABIC_EN_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ar" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="1"><tuv xml:lang="ar-EG"><seg>اجتمع وزراء دفاع الناتو في بروكسل.</seg></tuv>
 <tuv xml:lang="en-GB"><seg>NATO defence ministers met in Brussels.</seg></tuv></tu>
</body></tmx>
"""


def test_direction_of_a_language_tag():
    from tmtool.langtags import direction

    assert [direction(tag) for tag in ("ar", "ar-EG", "he_IL", "fa", "ur-PK", "az-Arab", "ug-Latn", "fr", "zh-Hans-CN",
                                       "sr-Latn-RS", "not a tag")] == [
        "rtl", "rtl", "rtl", "rtl", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr", "auto"]


def test_the_workbench_writes_arabic_and_hebrew_right_to_left(tmp_path):
    from workbench import client

    db = tmp_path / "t.db"
    tmx = tmp_path / "ar.tmx"
    tmx.write_text(ARABIC_EN_TMX, encoding="utf-8")
    run(db, "import", tmx)
    run(db, "glossary", "add", "--term", "ar=حلف شمال الأطلسي", "--term", "en=NATO", "--term", "he=נאט\"ו",
        "--status", "candidate")
    http = client(str(db))[0]
    found = http.get("/?q=NATO").text
    assert '<li lang="ar" dir="rtl" class="preferred"><b>ar</b> <span class="term">حلف شمال الأطلسي</span></li>' in found
    assert '<li lang="en" dir="ltr" class="preferred"><b>en</b> <span class="term">NATO</span></li>' in found
    assert '<li lang="he" dir="rtl"' in found
    memory = http.get("/?q=" + "بروكسل").text
    assert '<p lang="ar-EG" dir="rtl"><span class="doc" dir="ltr">ar.tmx</span> اجتمع' in memory
    assert '<p lang="en-GB" dir="ltr">NATO defence ministers met in Brussels.</p>' in memory
    review = http.get("/review").text
    assert '<ul class="terms" lang="ar" dir="rtl">' in review and 'name="terms.ar" lang="ar" dir="rtl"' in review
    with open_store(str(db)) as store:
        entry_id = store.list_entries(statuses=None)[0].id
    assert '<li lang="ar" dir="rtl"' in http.get(f"/entries/{entry_id}").text
    # a document's units, each side in its language, its findings too
    (tmp_path / "ar.txt").write_text("اجتمع الوزراء في بروكسل. ناقشوا الدفاع الجوي.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The ministers met in Brussels. They discussed air defence.\n", encoding="utf-8")
    run(db, "ingest", tmp_path / "ar.txt", tmp_path / "en.txt", "--srclang", "ar", "--tgtlang", "en", "--doc-id", "news")
    document = http.get("/documents/news").text
    assert document.count('<td class="side" data-side="source" lang="ar" dir="rtl">') == 2
    assert document.count('<td class="side" data-side="target" lang="en" dir="ltr">') == 2
    assert 'lang="fr"' not in document
    # the page names the languages and scripts written right to left, for the look-up as you type
    assert 'data-right-to-left="Adlm Arab ' in found and " ar " in found.split('data-right-to-left="')[1].split('"')[0]


# ---- one original, several translations ------------------------------------------------------------

def test_translations_of_one_original_into_several_languages_are_several_documents(tmp_path):
    (tmp_path / "news.en.txt").write_text("The ministers met in Brussels. They discussed air defence.\n", encoding="utf-8")
    (tmp_path / "news.zh.txt").write_text("部长们在布鲁塞尔开会。他们讨论了空中防御。\n", encoding="utf-8")
    (tmp_path / "news.ar.txt").write_text("اجتمع الوزراء في بروكسل. ناقشوا الدفاع الجوي.\n", encoding="utf-8")
    (tmp_path / "news.de.txt").write_text("Die Minister trafen sich in Brüssel. Sie sprachen über Luftverteidigung.\n",
                                          encoding="utf-8")
    db = tmp_path / "t.db"
    run(db, "ingest", tmp_path / "news.zh.txt", tmp_path / "news.en.txt", "--srclang", "zh-Hans", "--tgtlang", "en")
    # the Arabic translation of the same English was taken for a revision of the Chinese one, which it replaced
    assert run(db, "ingest", tmp_path / "news.ar.txt", tmp_path / "news.en.txt", "--srclang", "ar", "--tgtlang",
               "en").stdout.startswith("news.ar-en: 2 units")
    run(db, "ingest", "--dir", tmp_path, "--srclang", "de", "--tgtlang", "en")
    with open_store(str(db)) as store:
        assert {d["id"]: d["srclang"] for d in api.documents(store)} == {
            "news": "zh-Hans", "news.ar-en": "ar", "news.de-en": "de"}
    # a revision of a pair stored under its own name replaces it
    (tmp_path / "news.ar.txt").write_text("اجتمع الوزراء اليوم في بروكسل. ناقشوا الدفاع الجوي.\n", encoding="utf-8")
    run(db, "ingest", tmp_path / "news.ar.txt", tmp_path / "news.en.txt", "--srclang", "ar", "--tgtlang", "en")
    (tmp_path / "news.zh.txt").write_text("部长们今天在布鲁塞尔开会。他们讨论了空中防御。\n", encoding="utf-8")
    run(db, "ingest", tmp_path / "news.zh.txt", tmp_path / "news.en.txt", "--srclang", "zh", "--tgtlang", "en")
    with open_store(str(db)) as store:
        assert sorted(d["id"] for d in api.documents(store)) == ["news", "news.ar-en", "news.de-en"]
        assert "اليوم" in api.document_units(store, "news.ar-en")[0]["source"]
        assert "今天" in api.document_units(store, "news")[0]["source"]


def test_a_chinese_sentence_looked_up_in_the_workbench_finds_its_fuzzy_matches(tmp_path):
    from workbench import client

    db = tmp_path / "t.db"
    tmx = tmp_path / "cjk.tmx"
    tmx.write_text(CJK_TMX, encoding="utf-8")
    run(db, "import", tmx)
    http = client(str(db))[0]
    # a sentence pasted from a new text: no unit holds it as it is, and it has no spaces to count words by
    found = http.get("/api/lookup", params={"q": "北约部长讨论了网络安全。"}).json()
    assert found["memory"] == [] and [m["tuid"] for m in found["matches"]] == ["1"]
    assert http.get("/api/lookup", params={"q": "网络安全"}).json() == {"entries": [], "memory": [], "matches": []}  # a term


# ---- language tags kept as written ------------------------------------------------------------------

TAGGED_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="en-GB"><seg>The meeting ends tomorrow.</seg></tuv>
 <tuv xml:lang="sr-Latn-RS"><seg>Sastanak se završava sutra.</seg></tuv>
 <tuv xml:lang="sr-Cyrl-RS"><seg>Састанак се завршава сутра.</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>The meeting was held in Mexico.</seg></tuv>
 <tuv xml:lang="es-419"><seg>La reunión se realizó en México.</seg></tuv></tu>
<tu><tuv xml:lang="en-GB"><seg>NATO ministers met.</seg></tuv>
 <tuv xml:lang="zh-Hans-CN"><seg>北约部长开会了。</seg></tuv>
 <tuv xml:lang="zh-Hant-TW"><seg>北約部長開會了。</seg></tuv>
 <tuv xml:lang="pt-BR"><seg>Os ministros da OTAN se reuniram.</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_keeps_script_and_region_tags_through_import_and_export(tmp_path):
    from lxml import etree

    def tags(path):
        lang = "{http://www.w3.org/XML/1998/namespace}lang"
        return [[tuv.get(lang) for tuv in tu.iterfind("tuv")] for tu in etree.parse(str(path)).iterfind(".//tu")]

    tmx = tmp_path / "tagged.tmx"
    tmx.write_text(TAGGED_TMX, encoding="utf-8")
    run(tmp_path / "a.db", "import", tmx)
    run(tmp_path / "a.db", "export", "tmx", "--langs", "all", "-o", tmp_path / "a.tmx")
    run(tmp_path / "b.db", "import", tmp_path / "a.tmx")
    run(tmp_path / "b.db", "export", "tmx", "--langs", "all", "-o", tmp_path / "b.tmx")
    written = [["en-GB", "sr-Latn-RS", "sr-Cyrl-RS"], ["en-GB", "es-419"], ["en-GB", "zh-Hans-CN", "zh-Hant-TW", "pt-BR"]]
    assert sorted(tags(tmp_path / "a.tmx")) == sorted(tags(tmp_path / "b.tmx")) == sorted(written)


# ---- concordance of words a word index spells apart --------------------------------------------------

SPELT_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-GB" adminlang="en" segtype="sentence" datatype="plaintext"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="ar"><tuv xml:lang="en-GB"><seg>The Secretary General said the Alliance is strong.</seg></tuv>
 <tuv xml:lang="ar"><seg>قال الأمين العام إن الحلف قوي.</seg></tuv></tu>
<tu tuid="el"><tuv xml:lang="en-GB"><seg>SUMMIT MEETING</seg></tuv>
 <tuv xml:lang="el"><seg>ΣΥΝΑΝΤΗΣΗ ΚΟΡΥΦΗΣ</seg></tuv></tu>
<tu tuid="el2"><tuv xml:lang="en-GB"><seg>The summit meeting ended.</seg></tuv>
 <tuv xml:lang="el"><seg>Η συνάντηση κορυφής τελείωσε.</seg></tuv></tu>
<tu tuid="de"><tuv xml:lang="en-GB"><seg>The street is closed.</seg></tuv>
 <tuv xml:lang="de-DE"><seg>Die Straße ist gesperrt.</seg></tuv></tu>
<tu tuid="tr"><tuv xml:lang="en-GB"><seg>The door is open.</seg></tuv>
 <tuv xml:lang="tr"><seg>KAPI AÇIK.</seg></tuv></tu>
<tu tuid="ja"><tuv xml:lang="en-GB"><seg>The NATO Military Committee met in Brussels.</seg></tuv>
 <tuv xml:lang="ja"><seg>NATO軍事委員会がブリュッセルで開催された。</seg></tuv></tu>
</body></tmx>
"""


def test_concordance_finds_words_spelt_with_or_without_hamza_greek_accents_or_sharp_s(store_url, tmp_path):
    tmx = tmp_path / "spelt.tmx"
    tmx.write_text(SPELT_TMX, encoding="utf-8")
    run(store_url, "import", tmx)
    with open_store(store_url) as store:
        def found(text, lang=None):
            return sorted(u["tuid"] for u in api.concordance(store, text, lang=lang or "auto"))

        # hamza on alef, typed or not
        assert found("الامين العام") == found("الأمين العام") == found("الامين", "ar") == ["ar"]
        # Greek capitals are written without accents, and a search may be typed either way
        assert found("συνάντηση κορυφής") == found("συναντηση κορυφης") == found("ΣΥΝΑΝΤΗΣΗ", "el") == ["el", "el2"]
        assert found("strasse") == found("STRASSE") == found("Straße") == ["de"]
        assert found("kapı") == ["tr"]
        # full-width letters, as a Japanese or Chinese keyboard types them, find the units' NATO
        assert found("ＮＡＴＯ") == found("NATO") == found("ｎａｔｏ", "en") == ["ja"]
        assert found("ＮＡＴＯ Military Committee") == ["ja"]
        assert store.concordance_count("συναντηση", 10) == 2 and store.concordance_count("الامين", 10, "ar") == 1
    assert "ΣΥΝΑΝΤΗΣΗ ΚΟΡΥΦΗΣ" in run(store_url, "tm", "concordance", "συνάντηση").stdout


# ---- a file given on the wrong side ------------------------------------------------------------------

def test_a_document_in_another_script_than_its_language_s_is_refused_as_given_on_the_wrong_side(tmp_path):
    from tmtool.errors import TmtoolError
    from tmtool.text.readers import read_document

    english = tmp_path / "news.en.txt"
    english.write_text("The ministers met in Brussels. They discussed air defence and cyber defence.\n", encoding="utf-8")
    chinese = tmp_path / "news.zh.txt"
    chinese.write_text("部长们在布鲁塞尔开会。他们讨论了空中防御和网络防御。\n", encoding="utf-8")
    (tmp_path / "news.ja.txt").write_text("大臣たちはブリュッセルで会合し、防空とサイバー防衛について話し合った。\n", encoding="utf-8")
    (tmp_path / "news.sr.txt").write_text("Министри су се састали у Бриселу и разговарали о противваздушној одбрани.\n",
                                          encoding="utf-8")
    # the pair given the wrong way round went in as a Chinese "source" in English
    result = run(tmp_path / "t.db", "ingest", english, chinese, "--srclang", "zh", "--tgtlang", "en", code=1)
    assert result.stderr.endswith(f"tmtool: error: {english}: is written in the Latin script, not in that of zh (Han); "
                                  "are the files given in the right order?\n")
    with pytest.raises(TmtoolError, match="is written in the Han script, not in that of en-GB \\(Latin\\)"):
        read_document(chinese, lang="en-GB")
    with pytest.raises(TmtoolError, match="is written in the Cyrillic script, not in that of sr-Latn \\(Latin\\)"):
        read_document(tmp_path / "news.sr.txt", lang="sr-Latn")
    for path, lang in ((chinese, "zh-Hant"), (tmp_path / "news.ja.txt", "ja"), (tmp_path / "news.sr.txt", "sr"),
                       (tmp_path / "news.sr.txt", "sr-Cyrl-RS"), (english, "es")):
        assert read_document(path, lang=lang).paragraphs  # its own script, or one the language is not told by


def test_files_named_with_a_region_or_script_after_their_language_pair_up(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bericht.de-DE.txt").write_text("Die Minister trafen sich in Brüssel. Sie sprachen über Luftverteidigung.\n",
                                             encoding="utf-8")
    (inbox / "bericht.es-419.txt").write_text("Los ministros se reunieron en Bruselas. Hablaron de defensa aérea.\n",
                                              encoding="utf-8")
    (inbox / "news_zh_Hans.txt").write_text("部长们在布鲁塞尔开会。他们讨论了空中防御。\n", encoding="utf-8")
    (inbox / "news.pt-BR.txt").write_text("Os ministros reuniram-se em Bruxelas.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    # bericht.de-DE.txt had "no language in the name": only NAME.de.EXT was read as German
    result = run(db, "ingest", "--dir", inbox, "--srclang", "de", "--tgtlang", "es")
    assert "skipped: news.pt-BR.txt: in pt, not de or es" in result.stderr
    assert "skipped: news_zh_Hans.txt: in zh, not de or es" in result.stderr
    run(db, "ingest", inbox / "news_zh_Hans.txt", inbox / "news.pt-BR.txt", "--srclang", "zh-Hans", "--tgtlang", "pt-BR")
    with open_store(str(db)) as store:
        assert {d["id"]: (d["srclang"], d["tgtlang"]) for d in api.documents(store)} == {
            "bericht": ("de", "es"), "news": ("zh-Hans", "pt-BR")}


def test_a_text_saved_in_the_cyrillic_or_greek_windows_code_page_is_refused_not_read_as_western(tmp_path):
    from tmtool.errors import TmtoolError
    from tmtool.text.readers import read_document

    for name, text, code_page in (("a.ru.txt", "Министры встретились в Брюсселе.\n", "cp1251"),
                                  ("a.el.txt", "Οι υπουργοί συναντήθηκαν στις Βρυξέλλες.\n", "cp1253")):
        (tmp_path / name).write_bytes(text.encode(code_page))
        with pytest.raises(TmtoolError, match="not valid UTF-8"):
            read_document(tmp_path / name, lang=name.split(".")[1])
