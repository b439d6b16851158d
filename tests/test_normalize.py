"""The one folding (``tmtool.text.normalize``): the keys the store persists, and French elision as the
aligner and the term word aligner both see it."""

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tmtool.align.languages import token_normalizer
from tmtool.terms.wordalign import words
from tmtool.text.normalize import (
    english_stem, fold, fold_word, french_elision, initials, normalize_for_match, sentence_case, spellings,
    stem,
)

# Stores hold these keys (entry keys, look-up keys, FTS columns): they were computed by the code this
# module replaced (store/folding.py), and a change to any of them needs a migration recomputing keys.
PERSISTED = [
    # text, match form, folded key, stem, English stem, initials
    ("État-major militaire international", "état-major militaire international",
     "etat-major militaire international", "etat-major militaire international",
     "etat-major militaire international", "emi"),
    ("l’OTAN", "l'otan", "l'otan", "l'otan", "l'otan", ""),
    ("Quʼil", "qu'il", "qu'il", "qu'il", "qu'il", ""),
    ("cyber‑défense — OTAN", "cyber-défense - otan", "cyber-defense - otan", "cyber-defense - otan",
     "cyber-defense - otan", "c-o"),
    ("  Centre\u00a0d’excellence\t", "centre d'excellence", "centre d'excellence", "centre d'excellence",
     "centre d'excellence", ""),
    ("ﬁnances", "finances", "finances", "finance", "finance", ""),
    ("Straße", "strasse", "strasse", "strasse", "strasse", ""),
    ("İzmir", "i̇zmir", "izmir", "izmir", "izmir", ""),
    ("ᾳ", "αι", "αι", "αι", "αι", ""),
    ("Comités militaires", "comités militaires", "comites militaires", "comite militaire", "comite militaire", ""),
    ("généraux", "généraux", "generaux", "general", "general", ""),
    ("crises approaches", "crises approaches", "crises approaches", "crise approache", "crisis approach", ""),
    ("countries", "countries", "countries", "country", "country", ""),
]  # fmt: skip


@pytest.mark.parametrize("text, match, key, stemmed, english, acronym", PERSISTED)
def test_persisted_keys_are_those_stores_already_hold(text, match, key, stemmed, english, acronym):
    assert (normalize_for_match(text), fold(text)) == (match, key)
    assert (stem(key), english_stem(key), initials(key)) == (stemmed, english, acronym)


# French and English text: Latin letters, some with a combining accent, digits, apostrophes, dashes, spaces
letter = st.characters(min_codepoint=0x41, max_codepoint=0x24F, categories=["L", "N"])
accented = st.tuples(letter, st.sampled_from(["", "\u0300", "\u0301", "\u0302", "\u0308", "\u0327"])).map("".join)
latin_text = st.lists(accented | st.sampled_from(list(" -'’‘ʼ`‐‑–—\u00a0\u202f\t"))).map("".join)


@given(latin_text)
@example("ı")  # dotless i upper-cases to I
def test_a_key_ignores_case_accents_and_typography(text):
    key = fold(text)
    assert fold(key) == key == fold(text.upper()) == fold(normalize_for_match(text))
    assert not any(unicodedata.combining(c) or c in "’‘ʼ`‐‑–—\u00a0\u202f\t" for c in key)
    assert key == " ".join(key.split())


@given(latin_text)
def test_a_word_remembered_folds_as_fold(text):
    assert fold_word(text) == fold(text) == fold_word(text)


def test_a_word_is_folded_once_and_the_memory_is_bounded():
    fold_word.cache_clear()
    assert [fold_word(w) for w in ["État", "État", "etat"]] == ["etat"] * 3
    assert fold_word.cache_info().hits == 1
    assert fold_word.cache_info().maxsize is not None  # a long-running server reads unbounded words


@pytest.mark.parametrize(
    "word, elided",
    [("l’OTAN", 2), ("L'Alliance", 2), ("d’euros", 2), ("s’il", 2), ("qu’il", 3), ("jusqu’en", 6),
     ("Lorsqu’elle", 7), ("puisqu’on", 7), ("quoiqu’il", 7), ("ç’a", 2), ("Ç’aurait", 2),
     ("presqu’île", 0), ("quelqu’un", 0), ("aujourd’hui", 0), ("lorsque", 0), ("l", 0)],
)  # fmt: skip
def test_french_elision(word, elided):
    assert french_elision(word) == elided


def test_the_aligner_and_the_term_word_aligner_elide_alike():
    """One elision list for both (they were two regexes); *ç’* (*ç’a été*) was in neither."""
    french = token_normalizer("fr")
    for word, core in [("quoiqu’il", "il"), ("l’OTAN", "OTAN"), ("ç’a", "a"), ("presqu’île", "presqu’île")]:
        assert french(word) == core
        assert words(word)[0].text == core.lower().split("’")[0]


@pytest.mark.parametrize("sentence, cased", [
    ("CONTEXTE", "Contexte"),  # a heading
    ("ANNEXE A – RÉFÉRENCES", "Annexe a – références"),
    ("« CONTEXTE »", "« Contexte »"),
    ("LE COMITÉ MILITAIRE (CM) SE RÉUNIT", "Le comité militaire (CM) se réunit"),  # the heading defines CM
    ("(OTAN)", "(OTAN)"),
    ("PHOTO : les chefs d'état-major au siège.", "Photo : les chefs d'état-major au siège."),  # a label
    ("L'OTAN se réunit à Bruxelles.", "L'OTAN se réunit à Bruxelles."),  # an acronym in a sentence
    ("Le 12 MAI : réunion", "Le 12 MAI : réunion"),  # capitals inside a sentence: not a label
    ("M. RUTTE : Oui, les Alliés.", "M. Rutte : Oui, les Alliés."),  # a speaker: a civility, a name
    ("MR RUTTE: Good afternoon.", "Mr Rutte: Good afternoon."),
    ("MME DUPONT ET M. MARTIN : Bonjour.", "Mme Dupont et M. Martin : Bonjour."),
    # a label's name is every word up to the colon; a heading's, the word after the civility
    ("MR JEAN-PAUL VIDAL: Thank you.", "Mr Jean-Paul Vidal: Thank you."),
    ("MME ANNE DUPONT-MARTIN : Merci.", "Mme Anne Dupont-Martin : Merci."),
    ("DÉCLARATION DE M. RUTTE SUR LA SITUATION", "Déclaration de M. Rutte sur la situation"),
    ("A", "A"),  # one letter: a letter, not a heading (*the letter A of the arena*)
    ("", ""),
])
def test_a_heading_or_label_in_capitals_is_read_in_sentence_case(sentence, cased):
    assert sentence_case(sentence) == cased


def test_a_heading_writes_each_word_as_the_input_does_elsewhere():
    written = spellings(["L'OTAN et la KFOR se réunissent à Bruxelles.", "La suite est en annexe.",
                         "OTAN: a first word is written as the sentence's, not as the input's."])
    assert written["otan"] == "OTAN" and written["bruxelles"] == "Bruxelles" and written["suite"] == "suite"
    assert sentence_case("L'OTAN ET LA KFOR À BRUXELLES", written) == "L'OTAN et la KFOR à Bruxelles"
    assert sentence_case("OTAN", written) == "OTAN"  # an acronym alone in a cell of a table
    assert sentence_case("OTAN : réunion des ministres", written) == "OTAN : réunion des ministres"
    assert sentence_case("ANNEXE B (SUITE)", written) == "Annexe b (suite)"  # written so elsewhere
    assert sentence_case("LE COMITÉ MILITAIRE (CM)", written) == "Le comité militaire (CM)"  # defined here
    # a paragraph's number does not make its first word one written inside the sentence
    assert "crisis" not in spellings(["10. Crisis management remains a core task."])
    # a speaker's label in capitals is read by the input's spellings, never a source of them
    assert "rutte" not in spellings(["M. RUTTE : Oui.", "M. RUTTE : Merci à tous."])


@given(st.text())
def test_sentence_case_keeps_every_offset_and_changes_only_case(text):
    cased = sentence_case(text)
    assert len(cased) == len(text)
    assert cased.casefold() == text.casefold() or cased == text
    assert cased == text or not any(c.islower() for c in text.split(":")[0])


def test_words_stemmed_at_once_in_several_threads_get_their_own_stems():
    """The web server's threads shared one Snowball stemmer a language, which keeps the word it is stemming:
    German look-ups under load raised IndexError in each other's words (a 500)."""
    import sys
    import threading

    from tmtool.text.normalize import _stem_word, inflection_key

    words = ["Militärausschusses", "Verteidigungsministerien", "Truppenbewegungen", "Luftverteidigungssysteme",
             "Minenabwehrverbänden", "Unterwasserfahrzeugen", "sicherheitspolitischen", "Bündnispartnern"] * 50
    expected = [inflection_key(word, "de") for word in words]
    failures = []

    def stem_all() -> None:
        try:
            # past the memory of stems (``_stem_word``), whose first reading of a word is the stemmer's
            if [_stem_word.__wrapped__(word.lower(), "de") for word in words] != [e.lower() for e in expected]:
                failures.append("another stem")
        except Exception as error:  # what the race raised: IndexError
            failures.append(repr(error))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can: the race, every time
    try:
        threads = [threading.Thread(target=stem_all) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []


def test_a_german_text_s_words_are_stemmed_once_however_many_of_its_runs_hold_them(monkeypatch):
    """``term_keys_in`` makes the inflection key of every run of up to 16 words of a text, and each key stemmed its
    words anew: a word was stemmed once for every run holding it, nine tenths of a German ingest's look-up keys'
    time. A word's stem is remembered: the stemmer reads each distinct word once."""
    from tmtool.termindex import term_keys_in
    from tmtool.text import normalize

    normalize._stem_word.cache_clear()
    stemmer = normalize._stemmer("de")
    read = []

    class Counting:
        def stemWord(self, word):
            read.append(word)
            return stemmer.stemWord(word)

    monkeypatch.setitem(normalize._STEMMERS.by_language, "de", Counting())
    sentence = ("Die Minenabwehrverbände der Alliierten üben in der Ostsee mit den Minenjagdbooten der "
                "Bundeswehr und den Minentauchern der Marine die Räumung von Blindgängern.")
    keys = term_keys_in(sentence, "de")
    assert "minenabwehrverband der alliiert" in keys
    assert sorted(read) == sorted(set(read))
    assert len(read) == len({w.lower() for w in normalize._LETTERS.findall(sentence)})
