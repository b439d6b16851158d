"""Sentence segmentation: the SRX engine, the shipped French and English rules, the public API."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tmtool.errors import TmtoolError
from tmtool.model import Document, Segment
from tmtool.text.segment import default_rules, export_rules, load_rules, segment_document, segment_text
from tmtool.text.srx import SRX20_NS, LanguageMap, SrxRule, SrxRules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "2021-07-13-partners-meeting"

sys.path.insert(0, str(ROOT / "tests" / "data" / "segmentation"))
from segmentation_cases import LANGUAGES, read_cases  # noqa: E402

CASES = [(lang, case) for lang in LANGUAGES for case in read_cases(lang)]


def test_there_are_at_least_60_cases_per_language():
    for lang in LANGUAGES:
        assert len(read_cases(lang)) >= 60


@pytest.mark.parametrize(("lang", "case"), CASES, ids=[f"{lang}:{case.line}" for lang, case in CASES])
def test_hand_written_case(lang, case):
    assert segment_text(case.paragraph, lang) == list(case.expected)


def _paragraphs(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_seed_segments_into_the_gold_sentences(lang):
    gold = json.loads((ROOT / "tests" / "data" / "seed.alignment.gold.json").read_text(encoding="utf-8"))
    path = SEED.with_suffix(f".{lang}.txt")
    document = Document(str(path), tuple(_paragraphs(path)))
    assert [segment.text for segment in segment_document(document, lang)] == gold[lang]


# the evaluation pairs of the term extractor: shared (test), written here (dev, held out, unseen, fresh ones)
GOLD_PAIRS = [SHARED / "data" / "terms" / name for name in ("c-ied-centre-of-excellence", "defence-ministers-cyber")] + [
    folder for role in ("terms-dev", "terms-heldout", "terms-unseen", "terms-fresh", "terms-fresh2", "terms-fresh3")
    for folder in sorted((ROOT / "bench" / "data" / role).iterdir())
    if (folder / "alignment.gold.json").is_file()]


@pytest.mark.parametrize("folder", GOLD_PAIRS, ids=lambda folder: folder.name)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_term_evaluation_pairs_segment_into_their_gold_sentences(folder, lang):
    name = folder.name
    gold = json.loads((folder / "alignment.gold.json").read_text(encoding="utf-8"))
    text = (folder / f"{name}.{lang}.txt").read_text(encoding="utf-8")
    paragraphs = [block.strip() for block in text.split("\n\n") if block.strip()]
    assert [sentence for paragraph in paragraphs for sentence in segment_text(paragraph, lang)] == gold[lang]


def test_segment_document_numbers_segments_and_keeps_paragraph_indices():
    document = Document("memo.txt", ("Communiqué de presse", "", "Il pleut. Le vent souffle.", "- Fin"))
    assert segment_document(document, "fr-FR") == [
        Segment("Communiqué de presse", 0, 0),
        Segment("Il pleut.", 2, 1),
        Segment("Le vent souffle.", 2, 2),
        Segment("Fin", 3, 3),
    ]


@pytest.mark.parametrize(
    ("tag", "base"), [("fr-FR", "fr"), ("fr_CA", "fr"), ("FR", "fr"), ("en_GB", "en"), ("EN-us", "en")]
)
def test_any_spelling_of_the_language_tag_selects_the_same_rules(tag, base):
    paragraph = "Le gén. Wiermann est arrivé. Mr. Smith too. Dr. Lee left."
    assert segment_text(paragraph, tag) == segment_text(paragraph, base)


def test_rules_are_chosen_by_language():
    # "gén." is a French abbreviation; "Mr." an English one; other languages get the common rules only
    assert segment_text("Le gén. Wiermann est arrivé.", "fr") == ["Le gén. Wiermann est arrivé."]
    assert segment_text("Le gén. Wiermann est arrivé.", "en") == ["Le gén.", "Wiermann est arrivé."]
    assert segment_text("Mr. Smith arrived.", "de") == ["Mr.", "Smith arrived."]
    assert segment_text("Herr J. Schmidt kam. Er blieb.", "de") == ["Herr J. Schmidt kam.", "Er blieb."]


def test_bad_language_tag_is_a_tmtool_error():
    with pytest.raises(TmtoolError, match="invalid language tag"):
        segment_text("Bonjour.", "français")


def test_whitespace_inside_segments_is_kept_as_written():
    paragraph = "  Le budget\u00a0: 2,5\u202f%.\tLes  Alliés\u00a0? Oui.  "
    assert segment_text(paragraph, "fr") == ["Le budget\u00a0: 2,5\u202f%.", "Les  Alliés\u00a0?", "Oui."]


def test_blank_paragraph_has_no_segments():
    assert segment_text(" \u00a0\t", "fr") == []


def test_a_dash_is_a_list_marker_only_before_text():
    assert segment_text("–", "en") == ["–"]
    assert segment_text("– ", "en") == ["–"]
    assert segment_text("– Dialogue", "en") == ["Dialogue"]


def test_the_bullets_word_and_e_mails_type_are_list_markers_as_a_dash_is():
    """A list pasted or saved as plain text keeps its bullets: Word's shapes (● ■ ➢ ✓), its Symbol and Wingdings
    bullets as their private-use codes (U+F0B7), its plain text's middle dot and second-level "o" before a tab, an
    e-mail's or Markdown's asterisk. They stayed in the units (*● Premier point.*); they go as • and – do, and text
    that only starts like one stays (*-5 °C*, *o Canada*, an asterisk against its word)."""
    for marker in ("● ", "■ ", "➢ ", "✓ ", "\uf0b7\t", "\uf0a7 ", "· ", "o\t", "* ", "○ "):
        assert segment_text(f"{marker}Premier point.", "fr") == ["Premier point."], marker
    assert segment_text("-5 °C la nuit.", "fr") == ["-5 °C la nuit."]
    assert segment_text("o Canada est un hymne.", "fr") == ["o Canada est un hymne."]
    assert segment_text("*Chiffres provisoires.", "fr") == ["*Chiffres provisoires."]


# ---- SRX files -----------------------------------------------------------------------------------


def test_export_then_load_gives_the_same_rules_and_segmentation(tmp_path):
    path = tmp_path / "rules.srx"
    export_rules(default_rules(), path)
    loaded = load_rules(path)
    assert loaded == default_rules()
    for lang, case in CASES:
        assert segment_text(case.paragraph, lang, loaded) == list(case.expected)


def test_export_writes_srx_20_to_a_stream():
    out = io.BytesIO()
    export_rules(default_rules(), out)
    root = etree.fromstring(out.getvalue())
    assert root.tag == f"{{{SRX20_NS}}}srx" and root.get("version") == "2.0"
    assert root.find(f"{{{SRX20_NS}}}header").get("cascade") == "yes"
    names = [e.get("languagerulename") for e in root.iter(f"{{{SRX20_NS}}}languagerule")]
    assert names[:2] == ["French", "English"] and names[-1] == "Default" and "German" in names
    rule_count = sum(len(rules) for rules in default_rules().language_rules.values())
    assert len(list(root.iter(f"{{{SRX20_NS}}}rule"))) == rule_count


USER_SRX = """<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="{cascade}"/>
  <body>
    <languagerules>
      <languagerule languagerulename="Semicolons">
        <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>\\bpar\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Sentences">
        <rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\\s\\p{{Lu}}</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="FR.*" languagerulename="Semicolons"/>
      <languagemap languagepattern=".*" languagerulename="Sentences"/>
    </maprules>
  </body>
</srx>
"""


def test_a_user_srx_file_overrides_the_defaults(tmp_path):
    path = tmp_path / "house.srx"
    path.write_text(USER_SRX.format(cascade="yes"), encoding="utf-8")
    rules = load_rules(path)
    paragraph = "Voir par. Trois points ; un accord. M. Dupont signe."
    expected = ["Voir par. Trois points ;", "un accord.", "M.", "Dupont signe."]
    assert segment_text(paragraph, "fr", rules) == expected
    assert segment_text(paragraph, "fr") == ["Voir par.", "Trois points ; un accord.", "M. Dupont signe."]


def test_without_cascade_only_the_first_matching_language_rule_applies(tmp_path):
    path = tmp_path / "house.srx"
    path.write_text(USER_SRX.format(cascade="no"), encoding="utf-8")
    rules = load_rules(path)
    paragraph = "Trois points ; un accord. Fin."
    assert segment_text(paragraph, "fr", rules) == ["Trois points ;", "un accord. Fin."]
    assert segment_text(paragraph, "en", rules) == ["Trois points ; un accord.", "Fin."]


def test_srx_10_files_are_read(tmp_path):
    path = tmp_path / "old.srx"
    path.write_text(
        """<srx xmlns="http://www.lisa.org/srx10" version="1.0">
  <header segmentsubflows="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="Default">
        <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <maprule maprulename="Default"><languagemap languagepattern=".*" languagerulename="Default"/></maprule>
    </maprules>
  </body>
</srx>""",
        encoding="utf-8",
    )
    assert segment_text("Dr. Lee came. He left.", "en", load_rules(path)) == ["Dr. Lee came.", "He left."]


def test_java_only_regex_syntax_is_translated():
    rules = SrxRules(
        {"R": (SrxRule(False, r"\QU.S.\E"), SrxRule(True, r"\.", r"\s\p{javaUpperCase}"))},
        (LanguageMap(".*", "R"),),
    )
    paragraph = "The U.S. Army left. Others stayed."
    assert segment_text(paragraph, "en", rules) == ["The U.S. Army left.", "Others stayed."]

VALID = USER_SRX.format(cascade="yes")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<srx><header", "not well-formed XML"),
        ("<tmx version='1.4'/>", "not an SRX file"),
        (VALID.replace("[.?!]", "[.?!"), "bad regex in rule"),
        (VALID.replace('break="yes"', 'break="oui"', 1), "break='oui' must be yes or no"),
        (VALID.replace('languagerulename="Sentences"/>', 'languagerulename="Nope"/>'), "unknown languagerule 'Nope'"),
        (VALID.replace('languagerulename="Sentences">', 'languagerulename="Semicolons">'), "defined twice"),
        (VALID.replace(' languagepattern="FR.*"', ""), "<languagemap> lacks the languagepattern attribute"),
        ('<srx xmlns="http://www.lisa.org/srx20" version="2.0"><body/></srx>', "lacks <header> or <body>"),
        (
            '<!DOCTYPE srx [<!ENTITY boom "boom">]>'
            '<srx xmlns="http://www.lisa.org/srx20"><header/><body/></srx>',
            "declares entities",
        ),
    ],
)
def test_a_malformed_srx_file_is_one_tmtool_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "broken.srx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TmtoolError) as raised:
        load_rules(path)
    text = str(raised.value)
    assert message in text and str(path) in text and "\n" not in text


def test_a_missing_srx_file_is_a_tmtool_error(tmp_path):
    with pytest.raises(TmtoolError, match="cannot read SRX file") as raised:
        load_rules(tmp_path / "absent.srx")
    assert str(tmp_path / "absent.srx") in str(raised.value)


# ---- properties ----------------------------------------------------------------------------------

LIST_MARKERS = "-–—•▪◦‣"
_text = st.text(
    alphabet=st.sampled_from(list("aeEiL MOT.?!…:;,«»“”\"'()[]0123456789\u00a0\u202f\t" + LIST_MARKERS)),
    max_size=80,
)


def _significant(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in LIST_MARKERS)


@settings(max_examples=300, deadline=None)
@given(_text, st.sampled_from(LANGUAGES))
def test_segments_give_back_the_paragraph(paragraph, lang):
    segments = segment_text(paragraph, lang)
    assert all(segment and segment == segment.strip() for segment in segments)
    assert _significant("".join(segments)) == _significant(paragraph)


@settings(max_examples=300, deadline=None)
@given(_text, st.sampled_from(LANGUAGES))
def test_engine_pieces_join_to_the_exact_text(paragraph, lang):
    pieces = default_rules().segmenter(lang).split(paragraph)
    assert "".join(pieces) == paragraph
    assert all(pieces) or pieces == [""]
