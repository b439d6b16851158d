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
