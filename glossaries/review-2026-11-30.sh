#!/usr/bin/env bash
# The terminologist's review of the seed pair's glossary, 2026-11-30, as run against a store built by
# `tmtool ingest --dir seeds` (entry ids are that store's). Kept as the record of the decisions; the
# decisions themselves live in nato-seeds.tbx (review status of every entry, rejected ones included).
set -euo pipefail
T="tmtool --db ${TMTOOL_DB:-tmtool.db}"

# Corrected equivalents: the extractor's English span was partial or too literal.
$T glossary edit 15 --en "opening remarks"
$T glossary edit 22 --fr "programme OTAN 2030" --en "NATO 2030 agenda"
$T glossary edit 24 --en "Chair of the NATO Military Committee"
$T glossary edit 27 --en "land domain"
$T glossary edit 32 --fr "réunion en présentiel" --en "in-person meeting"
$T glossary edit 42 --en "Heads of State and Government"

# Variants merged into the main designation.
$T glossary merge 10 9     # Division Sécurité coopérative de l'EMI → Division Sécurité coopérative
$T glossary merge 45 46    # directeur de l'EMI (headline short form) → directeur général de l'EMI

# Kept: NATO designations, bodies, titles and the field's recurring collocations.
$T glossary approve 1 2 3 4 5 7 8 9 11 12 18 20 22 24 27 28 29 30 32 38 39 40 41 42 46 15

# Refused: general language, free phrases, names of persons, wrong spans.
$T glossary reject 6 13 14 16 17 19 21 23 25 26 31 33 34 35 36 37 43 44

# ---- Second pass, after the extractor improved: a store built the way the README's main job builds it
# (import nato-seeds.tbx, then ingest seeds/). Every decision above was kept; only new proposals remain.
$T glossary edit 48 --fr "général de corps d'armée"   # the rank, not a truncated span
$T glossary approve 48
$T glossary reject 47 49                              # "jalon → Today", "présentiel → Lieutenant"

# ---- Third pass, 2026-12-04, after extraction moved to the dependency parse and English noun phrases:
# the same store-building as the main job; every earlier decision kept, the new proposals decided.
$T glossary edit 54 --fr "sécurité coopérative" --en "cooperative security"   # one of NATO's core tasks, not the division
$T glossary merge 53 46    # directeur général de l'EMI → directeur général de l'État-major militaire international
$T glossary merge 61 46    # directeur de l'État-major militaire (headline form) → the same function
$T glossary approve 54 58 60 66 69 70
# persons, pieces of names, quantified or evaluative phrases, general language
$T glossary reject 50 51 52 55 56 57 59 62 63 64 65 67 68 71 72 73

# ---- Fourth pass, 2026-12-04 evening, after C-value stopped taking the occurrences of a term whose
# longer candidate only adds dependents to its head: the same store-building as the main job; every
# earlier decision kept, the four new proposals decided (défi sécuritaire is approved already).
# a free adjective on an approved term, a phrase cut after its quantifier, a wrong pair, a quantified phrase
$T glossary reject 74 75 76 77

# ---- Fifth pass, 2026-12-06, after term genders came from the French dictionary and adjectives that pick an
# instance stopped opening candidates: the same store-building as the main job; every earlier decision
# kept, the two new proposals decided, one approved gender mended.
$T glossary edit 8 --gender masculine   # le Dialogue méditerranéen: the tagger had guessed feminine
$T glossary approve 78 79               # pays non OTAN / non-NATO country (the partnerships' category), amiral / Admiral (a rank)

# ---- Sixth pass, 2026-12-06 afternoon, after the bilingual score's base was chosen on free translations
# (more proposals a page where the English is not word for word): the same store-building as the main
# job; every earlier decision kept, the one new proposal decided.
$T glossary edit 80 --en "health crisis"   # crise sanitaire: "current" renders the French "actuelle", outside the term
$T glossary approve 80

# ---- Seventh pass, 2026-12-08, after LIDF-value's part-of-speech pattern weights came into the bilingual score
# (a noun with an adjective or a complement weighs more): the same store-building as the main job; every earlier
# decision kept, the two new proposals decided.
$T glossary reject 81 82   # jalon nécessaire → "furthering dialogue" (a free phrase, a wrong pair), avantage des partenariats (a free phrase)
