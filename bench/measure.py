"""Timing a job in a child process of its own: wall and CPU time, peak memory, what it printed."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

GNU_TIME = "/usr/bin/time"  # Debian package `time`


def measured(command: list[str], *, ok: tuple[int, ...] = (0,)) -> dict:
    """Run a command in a child: wall and CPU time (its ``os.wait4`` rusage), peak memory, stdout.

    The peak comes from GNU time run between us and the command: a child spawned straight from a
    benchmark, which may hold a whole memory's texts, would count its pages in its ``ru_maxrss``
    (``vfork``; exec keeps the high-water mark), while time's own child starts from a small process."""
    if not Path(GNU_TIME).is_file():
        raise SystemExit(f"benchmarks measure peak memory with GNU time: {GNU_TIME} is missing (apt-get install time)")
    start = time.perf_counter()
    child = subprocess.Popen([GNU_TIME, "-f", "peak-kib %M", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = child.stdout.read()
    err = child.stderr.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    returncode = os.waitstatus_to_exitcode(status)
    if returncode not in ok:
        raise SystemExit(f"{' '.join(command[:6])} failed:\n{err}")
    peak_kib = int(err.splitlines()[-1].removeprefix("peak-kib "))
    return {"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mib": peak_kib / 1024, "out": out.decode().strip()}
