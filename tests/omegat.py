"""Helpers for the real-client checks: seed units from the gold alignment, and headless OmegaT runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from conftest import REPO
from tmtool.model import Unit

SEED_GOLD = REPO / "tests" / "data" / "seed.alignment.gold.json"
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


def seed_gold_units() -> list[Unit]:
    """One unit per bead of the seed's gold alignment, with the provenance props the pipeline writes."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    created = datetime(2021, 7, 13, 9, 30, tzinfo=timezone.utc)
    return [
        Unit(
            source=" ".join(gold["fr"][i] for i in src),
            target=" ".join(gold["en"][i] for i in tgt),
            srclang="fr-FR",
            tgtlang="en-GB",
            tuid=f"seed:{number}",
            created=created,
            changed=created,
            props={"x-document": "seed", "x-bead": f"{len(src)}-{len(tgt)}", "x-confidence": "1.000"},
            notes=[f"gold bead {number}"],
        )
        for number, (src, tgt) in enumerate(gold["beads"], 1)
    ]


def omegat_missing() -> str | None:
    """Why OmegaT cannot run here (the reason a test skips with), or None when it can.

    CI installs OmegaT (.ci/run), so there a missing OmegaT is a failure, not a skip.
    """
    reason = None
    if shutil.which("java") is None:
        reason = "java is not installed"
    elif not OMEGAT_JAR.exists():
        reason = f"OmegaT is not installed ({OMEGAT_JAR} missing; apt-get install omegat)"
    if reason and os.environ.get("CI"):
        raise RuntimeError(f"CI must run the OmegaT checks: {reason}")
    return reason


@dataclass
class OmegaTRun:
    project: Path
    log: str

    def target(self, name: str) -> str:
        return (self.project / "target" / name).read_text(encoding="utf-8")


PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>FR-FR</source_lang>
    <target_lang>EN-GB</target_lang>
    <sentence_seg>true</sentence_seg>
  </project>
</omegat>
"""


def omegat_project(root: Path) -> Path:
    """An empty FR-FR → EN-GB OmegaT project under ``root``: its folders and ``omegat.project``."""
    project = root / "project"
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT_FILE, encoding="utf-8")
    return project


def translate_with_omegat(root: Path, sources: dict[str, bytes], tm: dict[str, bytes], script: str = "") -> OmegaTRun:
    """Build a project under ``root`` (files in ``source/``, memories in ``tm/auto/``), run console-translate
    with OmegaT's defaults. OmegaT writes the project's memory, with its tags as text, to
    ``project-omegat.tmx`` beside ``target/``.

    OmegaT exits 0 even when it rejects a file, so callers must check ``target/`` and the log. A Groovy
    ``script`` runs on the project's events (its ``project`` at hand); what it prints is in the log.
    """
    project = omegat_project(root)
    for name, data in sources.items():
        (project / "source" / name).write_bytes(data)
    for name, data in tm.items():
        (project / "tm" / "auto" / name).write_bytes(data)
    config = root / "config"
    config.mkdir()
    scripted = []
    if script:  # OmegaT takes the script's folder for its own: the path must have one
        (root / "check.groovy").write_text(script, encoding="utf-8")
        scripted = [f"--script={(root / 'check.groovy').resolve()}"]
    result = subprocess.run(
        ["java", "-Djava.awt.headless=true", "-jar", str(OMEGAT_JAR), str(project),
         "--mode=console-translate", f"--config-dir={config}", *scripted],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise AssertionError(f"OmegaT failed with exit code {result.returncode}:\n{log}")
    return OmegaTRun(project, log)
