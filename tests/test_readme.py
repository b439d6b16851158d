"""The README works as written: its set-up job, then every example of its usage section, in order.

The set-up command is read from the README (as .ci/run reads it), less the virtual environment and
pip steps, and run in a copy of the repository's files; then each ``tmtool …`` line of the usage
section's code blocks runs there, on the store the set-up made. A failing example fails this test with
its line and output.
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, tool_missing
from crash_helpers import tmtool_executable
from tmtool.terms import dictionary

README = (REPO / "README.md").read_text(encoding="utf-8")
# what each example may exit with; `tmtool check` exits 1 when it finds something, by design
ALLOWED_EXIT = {0}
CHECK_EXIT = {0, 1}

# The glossary examples name entries by id and say what they do to them (*a variant into the approved
# entry*, *general language*): what each id holds, read when its example runs. Ids follow what
# extraction proposes, so a change there can move them onto other entries, and the examples would then
# approve, merge or reject the wrong ones without failing: the README's ids must follow, and this table.
NAMED_ENTRIES = {
    7: "Comité militaire", 22: "programme OTAN 2030",
    83: "Commandement maritime allié", 84: "Groupe naval permanent de lutte contre les mines 1",
    85: "plongeur démineur", 86: "marine participante", 88: "munition non explosée", 89: "navire de commandement",
    91: "guerre mondiale", 92: "infrastructure sous-marine", 93: "infrastructure sous-marine critique",
    94: "capacité essentielle", 95: "véhicule sous-marin autonome", 97: "Comité militaire de l'OTAN",
    98: "liberté de navigation", 99: "chasseur de mines", 103: "Force de réaction de l'OTAN",
}
_ENTRY_COMMANDS = ("approve", "reject", "edit", "merge", "show", "history", "deprecate")


def setup_commands() -> list[str]:
    block = re.search(r"<!-- setup:install -->\n```\n(.*?)\n```", README, re.S)
    assert block, "README has no set-up block"
    steps = [s.strip() for s in block.group(1).split("&&")]
    return [s.replace(".venv/bin/tmtool", "tmtool") for s in steps if s.startswith(".venv/bin/tmtool")]


def usage_examples() -> list[str]:
    usage = README.split("## Usage", 1)[1].split("\n## ", 1)[0]
    lines = []
    for block in re.findall(r"```\n(.*?)\n```", usage, re.S):
        for line in block.splitlines():
            command = re.split(r"\s{2,}#", line)[0].strip()  # a comment after the command
            if command.startswith("tmtool "):
                lines.append(command)
    return lines


def python_examples() -> list[str]:
    """The README's Python blocks, run after the usage examples, on the same store."""
    return re.findall(r"```python\n(.*?)\n```", README, re.S)


def entry_ids(command: str) -> list[int]:
    """The ids of the entries a ``tmtool glossary …`` example acts on (a revert's is a change's)."""
    argv = shlex.split(command)
    if argv[1:2] != ["glossary"] or argv[2] not in _ENTRY_COMMANDS:
        return []
    ids = []
    for arg in argv[3:]:
        if not arg.isdigit():
            break
        ids.append(int(arg))
    return ids


def run(command: str, cwd, executable: str) -> subprocess.CompletedProcess:
    argv = shlex.split(command)
    return subprocess.run([executable, *argv[1:]], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_readme_has_examples():
    assert len(setup_commands()) >= 3
    assert len(usage_examples()) >= 20
    assert python_examples()


def test_setup_then_every_usage_example_runs_as_written(tmp_path):
    # the entries the examples name are those extraction proposes with FreeDict's dictionaries as the word
    # aligner's prior, as .ci/run installs them; without, it proposes others, under other ids
    folder = Path(os.environ.get("TMTOOL_DICTIONARY_DIR", dictionary.DICTD))
    if not all((folder / name).is_file() for name, _ in dictionary.SOURCES):
        tool_missing(f"the README's glossary examples name the entries extraction proposes with FreeDict's "
                     f"dictionaries, not in {folder} (apt-get install dict-freedict-fra-eng dict-freedict-eng-fra)")
    work = tmp_path / "checkout"
    for name in ("seeds", "glossaries", "bench/data"):
        shutil.copytree(REPO / name, work / name)
    (work / "exports").mkdir()
    executable = tmtool_executable()
    for command in setup_commands():
        done = run(command, work, executable)
        assert done.returncode == 0, f"set-up step failed: {command}\n{done.stderr}"
    for command in usage_examples():
        for entry in entry_ids(command):
            assert entry in NAMED_ENTRIES, f"README example names entry {entry}, which NAMED_ENTRIES does not: {command}"
            shown = run(f"tmtool glossary show {entry} --json", work, executable)
            french = [t["text"] for t in json.loads(shown.stdout)["terms"] if t["lang"] == "fr"] if shown.stdout else []
            assert NAMED_ENTRIES[entry] in french, (
                f"README example acts on entry {entry} as {NAMED_ENTRIES[entry]!r}, but it holds {french or shown.stderr}: "
                f"extraction has moved the ids; give the README's examples (and NAMED_ENTRIES) the ones it proposes now\n{command}")
        done = run(command, work, executable)
        allowed = CHECK_EXIT if command.startswith("tmtool check ") else ALLOWED_EXIT
        assert done.returncode in allowed, f"README example failed: {command}\n{done.stdout}\n{done.stderr}"
    for code in python_examples():
        done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"README Python example failed:\n{code}\n{done.stderr}"
