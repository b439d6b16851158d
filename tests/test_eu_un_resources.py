"""Multilingual resources a terminology office imports, read as their producers mean them: IATE's TBX export,
and the UN's glossaries of six columns, one a language, headed in any of the six."""

from __future__ import annotations

import json

from click.testing import CliRunner
from lxml import etree

from tmtool.cli import main

TBX = "{urn:iso:std:iso:30042:ed-2}"

# shaped as IATE's export (iate.europa.eu, "Download"): one subject field an entry, each term its termType,
# reliabilityCode and, for some, an administrativeStatus, among them IATE's proposedTerm-admn-sts
IATE = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="7654321"><descrip type="subjectField">defence</descrip>
<langSec xml:lang="de"><termSec><term>Schnelle Eingreiftruppe</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>Krisenreaktionskräfte</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">6</descrip><termNote type="administrativeStatus">proposedTerm-admn-sts</termNote></termSec>
</langSec>
<langSec xml:lang="en"><termSec><term>rapid reaction force</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip></termSec>
<termSec><term>RRF</term><termNote type="termType">abbreviation</termNote><descrip type="reliabilityCode">9</descrip></termSec>
<termSec><term>rapid deployment force</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">6</descrip><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
</langSec>
<langSec xml:lang="fr"><termSec><term>force de réaction rapide</term><termNote type="termType">fullForm</termNote>
<descrip type="reliabilityCode">9</descrip></termSec>
<termSec><term>FRR</term><termNote type="termType">abbreviation</termNote><descrip type="reliabilityCode">9</descrip></termSec>
</langSec>
</conceptEntry>
</body></text></tbx>
"""


def run(db, *args, code=0):
    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
    assert result.exit_code == code, result.output
    return result


def test_a_term_iate_gives_as_proposed_is_admitted_not_preferred(tmp_path):
    """IATE marks a term proposed but not yet adopted ``proposedTerm-admn-sts``: it was read as preferred,
    and exported as ``preferredTerm-admn-sts`` beside the entry's preferred term; now admitted."""
    (tmp_path / "iate.tbx").write_text(IATE, encoding="utf-8")
    db = tmp_path / "store.db"
    run(db, "import", tmp_path / "iate.tbx", "--status", "approved")
    [hit] = json.loads(run(db, "lookup", "Krisenreaktionskräfte", "--json").output)
    usages = {t["text"]: t["usage"] for t in hit["terms"]}
    assert usages == {"Schnelle Eingreiftruppe": "preferred", "Krisenreaktionskräfte": "admitted",
                      "rapid reaction force": "preferred", "RRF": "preferred",
                      "rapid deployment force": "deprecated", "force de réaction rapide": "preferred",
                      "FRR": "preferred"}
    run(db, "export", "tbx", "--langs", "all", "-o", tmp_path / "out.tbx")
    statuses = {section.findtext(f"{TBX}term"): section.findtext(f"{TBX}termNote[@type='administrativeStatus']")
                for section in etree.parse(str(tmp_path / "out.tbx")).iter(f"{TBX}termSec")}
    assert statuses["Krisenreaktionskräfte"] == "admittedTerm-admn-sts"
    assert statuses["Schnelle Eingreiftruppe"] == "preferredTerm-admn-sts"
