"""The README works as written: its set-up job, then every example of its usage section, in order.

The set-up command is read from the README (as .ci/run reads it), less the virtual environment and
pip steps, and run in a copy of the repository's files; then each ``tmtool …`` line of the usage
section's code blocks runs there, on the store the set-up made. A failing example fails this test with
its line and output.
"""

import re
import shlex
import shutil
import subprocess
import sys

from conftest import REPO
from crash_helpers import tmtool_executable

README = (REPO / "README.md").read_text(encoding="utf-8")
# what each example may exit with; `tmtool check` exits 1 when it finds something, by design
ALLOWED_EXIT = {0}
CHECK_EXIT = {0, 1}


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


def run(command: str, cwd, executable: str) -> subprocess.CompletedProcess:
    argv = shlex.split(command)
    return subprocess.run([executable, *argv[1:]], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_readme_has_examples():
    assert len(setup_commands()) >= 3
    assert len(usage_examples()) >= 20
    assert python_examples()


def test_setup_then_every_usage_example_runs_as_written(tmp_path):
    work = tmp_path / "checkout"
    for name in ("seeds", "glossaries", "bench/data"):
        shutil.copytree(REPO / name, work / name)
    (work / "exports").mkdir()
    executable = tmtool_executable()
    for command in setup_commands():
        done = run(command, work, executable)
        assert done.returncode == 0, f"set-up step failed: {command}\n{done.stderr}"
    for command in usage_examples():
        done = run(command, work, executable)
        allowed = CHECK_EXIT if command.startswith("tmtool check ") else ALLOWED_EXIT
        assert done.returncode in allowed, f"README example failed: {command}\n{done.stdout}\n{done.stderr}"
    for code in python_examples():
        done = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"README Python example failed:\n{code}\n{done.stderr}"
