"""The command line: thin click functions over the public API.

Each command parses options, calls the library, prints. Heavy modules (spaCy, translate-toolkit, the
aligner) are imported inside the commands that need them so that ``tmtool lookup`` starts fast.
"""

from __future__ import annotations

import os
import sys

import click

from .errors import TmtoolError

DEFAULT_DB = "tmtool.db"


class _Group(click.Group):
    """Turns expected failures into one line on stderr and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TmtoolError as exc:
            click.echo(f"tmtool: error: {exc}", err=True)
            ctx.exit(1)
        except (OSError, UnicodeError) as exc:
            click.echo(f"tmtool: error: {_describe_os_error(exc)}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("tmtool: interrupted", err=True)
            ctx.exit(130)


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default=lambda: os.environ.get("TMTOOL_DB", DEFAULT_DB),
    show_default="$TMTOOL_DB, else ./tmtool.db",
    help="The embedded store (SQLite file).",
)
@click.version_option(package_name="tmtool")
@click.pass_context
def main(ctx: click.Context, db_path: str) -> None:
    """French–English translation memory and terminology tool.

    \b
    Example:
      tmtool align seeds/2021-07-13-partners-meeting.fr.txt \\
                   seeds/2021-07-13-partners-meeting.en.txt -o exports/seed.tmx
    """
    ctx.obj = {"db": db_path}


# ---- commands are added below, one section per capability ----

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
