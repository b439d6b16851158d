import pytest
from hypothesis import given, strategies as st

from tmtool.errors import TmtoolError
from tmtool.langtags import base_language, normalize_tag


@pytest.mark.parametrize(
    "given_tag, expected",
    [("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr-FR"), ("FR-fr", "fr-FR"), ("en-gb", "en-GB"),
     ("sr-latn-rs", "sr-Latn-RS"), ("es-419", "es-419"), (" de ", "de")],
)
def test_tags_are_written_as_bcp47(given_tag, expected):
    assert normalize_tag(given_tag) == expected


@pytest.mark.parametrize("bad", ["", "f", "french", "fr-FRA-x", "12", "fr--FR", "*all*", "IT-Support", "de-facto"])
def test_invalid_tags_are_refused_with_the_tag_named(bad):
    with pytest.raises(TmtoolError, match="invalid language tag"):
        normalize_tag(bad)


@pytest.mark.parametrize("written, bcp47", [
    ("de-DE-1996", "de-DE-1996"), ("de-1901", "de-1901"), ("en-US-x-NATO", "en-US-x-nato"), ("fr_x_mil", "fr-x-mil"),
    ("zh-CHS", "zh-Hans"), ("ZH-CHT", "zh-Hant"), ("sr-SP-Latn", "sr-Latn"), ("SR-SP-CYRL", "sr-Cyrl"),
    ("az-AZ-Latn", "az-Latn-AZ"), ("ca-ES-valencia", "ca-ES-valencia"), ("en-GB-oxendict", "en-GB-oxendict")])
def test_variants_private_use_and_older_windows_names_are_read(written, bcp47):
    """BCP 47 allows variants and private-use subtags (a TMX with de-DE-1996 or en-x-… had every unit
    skipped); .NET 1.x culture names, which Trados 2007 and Windows resource tools wrote, are
    mapped to BCP 47 (zh-CHS was refused). A variant of letters after a region (Valencian, ca-ES-valencia,
    in the Microsoft Terminology Collection) was refused, and a termbase entry holding one skipped whole."""
    assert normalize_tag(written) == bcp47
    assert base_language(written) == bcp47.split("-")[0]


def test_base_language():
    assert base_language("fr_FR") == "fr"
    assert base_language("EN-gb") == "en"


@given(st.sampled_from(["fr", "en", "de"]), st.sampled_from(["", "FR", "gb", "De"]), st.sampled_from(["-", "_"]))
def test_normalising_is_idempotent(lang, region, sep):
    tag = lang + (sep + region if region else "")
    once = normalize_tag(tag)
    assert normalize_tag(once) == once


@pytest.mark.parametrize("written, bcp47", [("fre-FR", "fr-FR"), ("FRA", "fr"), ("ger_DE", "de-DE"),
                                             ("eng-GB", "en-GB"), ("uig", "ug"), ("ast", "ast")])
def test_three_letter_codes_with_a_two_letter_one_are_shortened(written, bcp47):
    # memoQ writes ISO 639-2 codes; BCP 47 takes the ISO 639-1 code where there is one
    assert normalize_tag(written) == bcp47


@pytest.mark.parametrize("made_up", ["zz", "qq-QQ", "xx_XX", "fe"])
def test_a_two_letter_language_iso_639_does_not_have_is_refused_not_stored(made_up):
    # "zz" was a valid tag: `lookup OTAN --lang zz` answered "No glossary entry for 'OTAN'", an ingest
    # with --srclang qq stored its units as qq, an export --srclang zz wrote an empty file
    with pytest.raises(TmtoolError, match=f"invalid language tag '{made_up}'"):
        normalize_tag(made_up)
    # withdrawn codes older files still write are read, as the registry's preferred value where it gives one
    assert [normalize_tag(old) for old in ("iw", "in-ID", "sh")] == ["he", "id-ID", "sh"]


def test_the_command_line_refuses_a_made_up_language_in_one_line(tmp_path):
    from click.testing import CliRunner

    from conftest import SEED_EN, SEED_FR
    from tmtool import api, open_store
    from tmtool.cli import main

    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["--db", str(db), "glossary", "add", "OTAN", "NATO"]).exit_code == 0
    for args in (["lookup", "OTAN", "--lang", "zz"], ["tm", "search", "les partenaires", "--lang", "zz"],
                 ["ingest", str(SEED_FR), str(SEED_EN), "--srclang", "qq"],
                 ["export", "tmx", "--srclang", "zz", "-o", str(tmp_path / "out.tmx")],
                 ["segment", str(SEED_FR), "--lang", "zz"]):
        result = CliRunner().invoke(main, ["--db", str(db), *args])
        assert (result.exit_code, result.output.count("\n")) == (1, 1), (args, result.output)
        assert result.output.startswith("tmtool: error: ") and ("'zz'" in result.output or "'qq'" in result.output)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.db"]
    with open_store(db) as store:
        assert api.stats(store)["units"] == 0
        # the API's kind of error for bad input, whichever operation is given the tag
        with pytest.raises(api.Invalid, match="unknown language 'zz'"):
            api.lookup(store, "OTAN", lang="zz")
        with pytest.raises(api.Invalid, match="invalid language tag 'qq'"):
            api.ingest(store, SEED_FR, SEED_EN, srclang="qq")
        with pytest.raises(api.Invalid, match="invalid language tag 'zz'"):
            api.segment(SEED_FR, "zz", str(tmp_path / "out.txt"))
        with pytest.raises(api.Invalid, match="source and target languages are both 'fr'"):
            api.align(SEED_FR, SEED_EN, str(tmp_path / "out.tmx"), srclang="fr", tgtlang="fr-CA")


@pytest.mark.parametrize("written, current", [("iw", "he"), ("iw-IL", "he-IL"), ("in_ID", "id-ID"), ("ji", "yi"),
                                               ("mo-MD", "ro-MD"), ("jw", "jv"), ("he", "he")])
def test_deprecated_codes_are_read_as_their_preferred_value(written, current):
    """Java's Locale wrote Hebrew as iw, Indonesian as in, Yiddish as ji until Java 17, and older tools kept
    Moldavian's mo and Javanese's jw: kept as written, he and iw were two languages."""
    assert normalize_tag(written) == current


def test_a_java_tools_iw_is_hebrew_in_tmx_tbx_and_xliff(tmp_path):
    """Files as a Java tool of before Java 17 wrote them (its Locale's old codes): their Hebrew is he, the one
    language a search or an export in he finds."""
    from tmtool.formats.tbx import read_tbx
    from tmtool.formats.tmx import read_tmx
    from tmtool.formats.xliff import read_xliff

    tmx = tmp_path / "memory.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT"'
        ' creationtoolversion="3.6.0_10" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US"'
        ' datatype="plaintext"/><body><tu><tuv xml:lang="EN-US"><seg>Welcome</seg></tuv>'
        '<tuv xml:lang="IW-IL"><seg>ברוכים הבאים</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    assert [(u.srclang, u.tgtlang) for u in read_tmx(tmx)] == [("en-US", "he-IL")]
    tbx = tmp_path / "glossary.tbx"
    tbx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body><termEntry id="1">'
        '<langSet xml:lang="en"><tig><term>staff</term></tig></langSet>'
        '<langSet xml:lang="iw"><tig><term>מטה</term></tig></langSet></termEntry></body></text></martif>\n',
        encoding="utf-8")
    assert [[(t.lang, t.text) for t in e.terms] for e in read_tbx(tbx)] == [[("en", "staff"), ("he", "מטה")]]
    xlf = tmp_path / "doc.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a.txt" source-language="en-US" target-language="iw-IL" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Welcome</source><target state="translated">ברוכים הבאים</target></trans-unit>'
        '</body></file></xliff>\n', encoding="utf-8")
    assert [(u.srclang, u.tgtlang) for u in read_xliff(xlf)] == [("en-US", "he-IL")]


def test_a_language_s_codes_include_its_withdrawn_ones_and_the_registry_is_not_needed(monkeypatch):
    """A store made before withdrawn codes were read as current ones holds units tagged ``iw-IL``: a query by language
    (PostgreSQL's, on the stored tag's first subtag) must name ``iw`` among Hebrew's codes, or they are not found.
    Without langcodes' registry file (a package shipped without its data), tags are still read, the common
    withdrawn codes too, not a traceback (review of files36)."""
    import importlib.util

    from tmtool import langtags

    assert "iw" in langtags.language_codes("he") and "in" in langtags.language_codes("id")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    langtags._preferred_languages.cache_clear()
    try:
        assert (normalize_tag("fr-FR"), normalize_tag("iw-IL"), normalize_tag("mo")) == ("fr-FR", "he-IL", "ro")
    finally:
        langtags._preferred_languages.cache_clear()
