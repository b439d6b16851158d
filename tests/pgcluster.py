"""A throwaway PostgreSQL cluster for the tests and CI: made in a temporary directory, run by an
unprivileged system user (initdb refuses root), reached on a unix socket in that directory and on a
free localhost port, stopped and deleted at the end.

Standard library only, so that ``.ci/run`` can start it before the project is installed:

    python3 tests/pgcluster.py start DIR   # prints the URL of a database with pg_trgm and unaccent
    python3 tests/pgcluster.py stop DIR

Socket connections are trusted (the directory is the owner's alone; root passes anyway); TCP
connections need a password (scram-sha-256), which the password tests give.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "tmtool"
DATABASE = "tmtool"
# a throwaway cluster need not survive a crash: no fsync, and room for the concurrency tests' clients
SETTINGS = {
    "fsync": "off", "full_page_writes": "off", "synchronous_commit": "off", "max_connections": "200",
    "listen_addresses": "127.0.0.1",
}


def binaries() -> Path | None:
    """The directory of initdb and pg_ctl: $PG_BIN, else Debian's newest PostgreSQL, else PATH's."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if debian:
        return Path(debian[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _run_as_owner() -> list[str]:
    """The prefix running a command as the cluster's owner: ``nobody`` when we are root."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", os.environ.get("TMTOOL_PG_OSUSER", "nobody"), "--"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def url(directory: Path) -> str:
    port = (directory / "port").read_text().strip()
    return f"postgresql://{SUPERUSER}@/{DATABASE}?host={quote(str(directory), safe='/')}&port={port}"


def start(directory: Path) -> str:
    """Make and start a cluster in ``directory`` (made if missing; empty); return its database's URL."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb; Debian: apt-get install postgresql)")
    directory.mkdir(parents=True, exist_ok=True)
    owner = _run_as_owner()
    if owner:
        user = owner[2]
        shutil.chown(directory, user)
    directory.chmod(0o700)
    data = directory / "data"
    subprocess.run([*owner, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-E", "UTF8",
                    "--auth-local=trust", "--auth-host=scram-sha-256"],
                   check=True, capture_output=True, text=True)
    port = _free_port()
    options = " ".join(f"-c {k}={v}" for k, v in {**SETTINGS, "port": port,
                                                   "unix_socket_directories": directory}.items())
    subprocess.run([*owner, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(directory / "log"), "-w",
                    "-o", options, "start"], check=True, capture_output=True, text=True)
    (directory / "port").write_text(str(port))
    psql = [*owner, str(bin_dir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(directory),
            "-p", str(port), "-U", SUPERUSER]
    subprocess.run([*psql, "-d", "postgres", "-c", f"CREATE DATABASE {DATABASE}"], check=True,
                   capture_output=True, text=True)
    subprocess.run([*psql, "-d", DATABASE, "-c", "CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent"],
                   check=True, capture_output=True, text=True)
    return url(directory)


def stop(directory: Path) -> None:
    """Stop the cluster in ``directory`` at once (its data is thrown away) and delete the directory."""
    bin_dir = binaries()
    if (directory / "data" / "postmaster.pid").exists() and bin_dir is not None:
        subprocess.run([*_run_as_owner(), str(bin_dir / "pg_ctl"), "-D", str(directory / "data"), "-m",
                        "immediate", "stop"], capture_output=True, text=True)
    shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: pgcluster.py start|stop DIR")
    target = Path(sys.argv[2]).resolve()
    if sys.argv[1] == "stop":
        stop(target)
        sys.exit()
    try:
        print(start(target))
    except subprocess.CalledProcessError as exc:
        sys.exit(f"pgcluster: {Path(exc.cmd[len(_run_as_owner())]).name} failed: {exc.stderr.strip()}")
    except RuntimeError as exc:
        sys.exit(f"pgcluster: {exc}")
