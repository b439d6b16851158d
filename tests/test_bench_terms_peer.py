"""bench/terms_peer.py's own helpers: the peer's input and its absence (the tables are bench output)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import terms_peer  # noqa: E402

from tmtool.model import Context  # noqa: E402


def test_general_corpus_lines_are_detokenised_as_running_text():
    # TransRead writes "l' étable ," ; pyate finds a term in the general corpus by substring
    assert terms_peer.detokenise("dans l' étable , puis d’ un coup .") == "dans l'étable, puis d’un coup."
    # an apostrophe that ends a quotation is not an elision
    assert terms_peer.detokenise("il dit ' oui ' .") == "il dit ' oui '."


def test_documents_keep_their_order_and_straighten_the_apostrophe():
    sentences = [Context(fr="Le parc de l’éolienne.", document="a.txt"), Context(fr="Le rotor.", document="a.txt"),
                 Context(fr="La pale.", document="b.txt")]
    assert terms_peer.documents_of(sentences) == ["Le parc de l'éolienne.\nLe rotor.", "La pale."]


def test_a_missing_peer_is_skipped_with_a_line_on_stderr(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyate", None)  # import pyate raises ImportError
    assert terms_peer.load_pyate() is None
    err = capsys.readouterr().err
    assert "pyate is not installed" in err and "pip install -e '.[bench]'" in err
