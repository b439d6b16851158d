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


@pytest.mark.parametrize("bad", ["", "f", "french", "fr-FRA-x", "12", "fr--FR", "*all*"])
def test_invalid_tags_are_refused_with_the_tag_named(bad):
    with pytest.raises(TmtoolError, match="invalid language tag"):
        normalize_tag(bad)


@pytest.mark.parametrize("written, bcp47", [
    ("de-DE-1996", "de-DE-1996"), ("de-1901", "de-1901"), ("en-US-x-NATO", "en-US-x-nato"), ("fr_x_mil", "fr-x-mil"),
    ("zh-CHS", "zh-Hans"), ("ZH-CHT", "zh-Hant"), ("sr-SP-Latn", "sr-Latn"), ("SR-SP-CYRL", "sr-Cyrl"),
    ("az-AZ-Latn", "az-Latn-AZ")])
def test_variants_private_use_and_older_windows_names_are_read(written, bcp47):
    """BCP 47 allows variants and private-use subtags (a TMX with de-DE-1996 or en-x-… had every unit
    skipped); .NET 1.x culture names, which Trados 2007 and Windows resource tools wrote, are
    mapped to BCP 47 (zh-CHS was refused)."""
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
