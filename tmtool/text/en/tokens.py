"""English words as UD English EWT cuts them, with their character offsets.

EWT splits clitics (*do|n't*, *ca|n't*, *it|'s*, *can|not*, *gon|na*), cuts hyphenated words at the
hyphen (*Al|-|Zaman*, *long|-|range*) except after a bound prefix (*non-state*, *counter-piracy*,
*e-mail*), and keeps abbreviations with their periods (*U.S.*, *Dr.*, *e.g.*), numbers with their
separators (*1,000.50*, *10:30*) and web or e-mail addresses whole. One regular expression does it all,
so that tokenising costs no Python per character.
"""

from __future__ import annotations

import re

# Prefixes that EWT keeps attached with their hyphen (counted on train and dev, completed with the
# prefixes of the same kind that the UD English guidelines name).
_PREFIXES = (
    "anti|bi|co|counter|cross|de|e|ex|extra|hyper|inter|intra|macro|mega|micro|mid|mini|mis|multi|neo|non"
    "|over|post|pre|pro|pseudo|psycho|quasi|re|semi|socio|sub|super|trans|tri|ultra|un|uni"
)
# Abbreviations written with a final period that EWT keeps inside the token.
_ABBREVIATIONS = (
    "Adm|Apr|Aug|Capt|Cdr|Co|Col|Corp|Dec|Dept|Dr|Feb|Fig|Fri|Gen|Gov|Inc|Jan|Jr|Jul|Jun|Lt|Ltd|Maj|Mar"
    "|Mon|Mr|Mrs|Ms|Nov|Oct|Prof|Rep|Rev|Sat|Sen|Sep|Sept|Sgt|Sr|St|Sun|Thu|Thur|Thurs|Tue|Tues|Wed"
    "|approx|dept|etc|est|vs"
)
_CLITIC = r"['’](?:[sSdDmM]|re|RE|ve|VE|ll|LL)(?![^\W_])"
_TOKEN = re.compile(
    rf"""
    (?:https?://|ftp://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’]   # web address, less its closing punctuation
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                          # e-mail address
    | [\w-]+(?:\.[\w-]+)*\.(?i:com|org|net|int|gov|edu|eu|pdf|docx?|xlsx?|html?|txt)(?![^\W_])  # nato.int
    | (?:[^\W\d_]\.){{2,}}                                  # U.S., e.g., a.m.
    | (?:{_ABBREVIATIONS})\.(?!\w)                          # Dr., etc.
    | No\.(?=\s*\d)                                         # No. 5
    | [A-Z]\.(?=\s[A-Z])                                    # an initial: J. Smith
    | \d+(?:[.,:/]\d+)+                                     # 1,000.50  10:30  12/05/2021
    | (?:\d{{3}}-)?\d{{1,3}}-\d{{4}}(?![\d-])                      # a telephone number
    | (?i:can)(?=not\b) | (?i:gon|wan)(?=na\b) | (?i:got)(?=ta\b)
    | [^\W_]*[^\W_nN](?=[nN]['’][tT](?![^\W_]))             # do|n't, ca|n't
    | [nN]['’][tT](?![^\W_])
    | {_CLITIC}
    | (?i:{_PREFIXES})-[^\W_]+(?:['’](?!(?i:[sdm]|re|ve|ll)(?![^\W_]))[^\W_]+)*
    | [^\W_]+(?:['’](?!(?i:[sdm]|re|ve|ll)(?![^\W_]))[^\W_]+)*  # a word, o'clock, O'Brien
    | ([^\w\s])\1+ | _+ | [!?]+ | [:;]-?[()DPp](?![^\W_])    # ... -- '' *** ?! :)
    | \S
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for every token of ``text``, ``text[start:end] == word``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    """The tokens of ``text`` as strings."""
    return [m.group() for m in _TOKEN.finditer(text)]  # not findall: the pattern has a group
