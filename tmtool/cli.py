"""The command line: thin click functions over the library API (:mod:`tmtool.api`).

Each command parses options, calls the API, prints what it returns. The API imports heavy modules
(spaCy, translate-toolkit, the aligner) inside the operations that need them, so that ``tmtool
lookup`` starts fast.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from contextlib import ExitStack, contextmanager

import click

from . import api
from .errors import TmtoolError

DEFAULT_DB = "tmtool.db"
# what click (8.2 on) raises for a group given no command; older clicks print the help themselves
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class _Commands(click.Group):
    """A group whose command list gives each command's purpose whole, wrapped, where click cut it
    to the width left ("Move a whole store between SQLite and PostgreSQL; check a...")."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, command.get_short_help_str(limit=1000)) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class _Group(_Commands):
    """Turns expected failures into one line on stderr and a non-zero exit, never a traceback."""

    group_class = _Commands  # tmtool glossary, tm, db

    def invoke(self, ctx: click.Context):
        with _sigterm_as_interrupt():
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except _NO_ARGS_IS_HELP as exc:  # `tmtool glossary` alone: its help as `tmtool` alone shows it, not in an error line
            exc.show()
            ctx.exit(exc.exit_code)
        except click.UsageError as exc:
            _discard_new_store(ctx)
            # a wrong option or a missing file is bad input too: one line, not click's usage block
            where = exc.ctx.command_path if exc.ctx else "tmtool"
            click.echo(f"tmtool: error: {exc.format_message()} (see '{where} --help')", err=True)
            ctx.exit(2)
        except BrokenPipeError:
            # the reader went away (`tmtool glossary list | head`): stop quietly, as Unix tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(141)
        except TmtoolError as exc:
            _discard_new_store(ctx)
            click.echo(f"tmtool: error: {_said(exc)}", err=True)
            ctx.exit(exc.exit_code)
        except (OSError, UnicodeError) as exc:
            _discard_new_store(ctx)
            click.echo(f"tmtool: error: {_describe_os_error(exc)}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            _discard_new_store(ctx)
            click.echo("tmtool: interrupted", err=True)
            ctx.exit(130)


@contextmanager
def _sigterm_as_interrupt():
    """SIGTERM (kill, a service stopping, a CI job's time-out) ends a command as Ctrl-C does: the
    transaction rolled back, temporary files removed, one line said; by default it would end the
    process on the spot, silently, leaving a half-written export's temporary file behind."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread sets handlers
        yield
        return
    owner = os.getpid()

    def interrupt(signum, _frame):
        if os.getpid() != owner:  # a worker forked meanwhile: it ends as before, on the spot; the parent speaks
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _discard_new_store(ctx: click.Context) -> None:
    """A command that fails leaves the store as it was, and that includes not creating one."""
    url = (ctx.obj or {}).pop("new_store", None)
    if url is None:
        return
    # the command's own connection is closed by now; another process may have started writing to
    # the new store meanwhile: then it is theirs, and discard leaves it
    try:
        api.open_store(url).discard()
    except TmtoolError:
        pass  # the store cannot be reached (the command may have failed on that): the error said so


def _said(exc: TmtoolError) -> str:
    """The error's line, the settings it names named as this command line's options (``--srclang``,
    ``--langs all``, ``--include-unconfirmed``), not as the HTTP API's parameters (``srclang``, ``langs=all``,
    ``include_unconfirmed``), and a tmtool command it advises said on this run's store (``_advising_db``)."""
    said = exc.naming(lambda name, value: f"--{name.replace('_', '-')}" + (f" {value}" if value else ""))
    return api.error_on_store(exc, _advising_db(), said)


def _advising_db() -> str | None:
    """The store a tmtool command this run advises names with ``--db``: the one given by ``--db``; None (the
    command as written) for the default store and for the one ``$TMTOOL_DB`` names, which the command typed in
    the same shell finds again, and which a ``--db`` would override."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if root is None or root.obj is None or "db" not in root.obj:
        return None
    given = root.get_parameter_source("db_path") not in (None, click.core.ParameterSource.DEFAULT)
    return root.obj["db"] if given else None  # --db tmtool.db too: without it, $TMTOOL_DB would give another


def _advise(message: str, *commands: str) -> str:
    """A line of this run advising tmtool ``commands`` (as ``message`` writes them), each said on its store."""
    return api.advised_on(message, commands, _advising_db())


def _describe_os_error(exc: Exception) -> str:
    if isinstance(exc, TmtoolError):
        return _said(exc)
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    # a folder is refused by _open_store, in one line, rather than by click's usage block
    type=click.Path(),
    metavar="PATH|URL",
    default=lambda: os.environ.get("TMTOOL_DB", DEFAULT_DB),
    show_default="$TMTOOL_DB, else ./tmtool.db",
    help="The store: a SQLite file (or sqlite:///path), or PostgreSQL's postgresql://user@host/db (SQLAlchemy's "
         "postgresql+psycopg:// too) or 'host=… dbname=… user=…' (as psql takes it). "
         "Only ingest, import and glossary add create it.",
)
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bars, only the summary line (as when stderr is not a terminal).")
@click.option("--user", default=api.default_user, show_default="the login name",
              help="Who the glossary's history records as making a change.")
@click.version_option(package_name="tmtool")
@click.pass_context
def main(ctx: click.Context, db_path: str, quiet: bool, user: str | None) -> None:
    """Translation memory and terminology tool, French–English by default (other pairs too).

    Each command's --help says what it does, with an example.

    \b
    Examples:
      tmtool ingest --dir inbox/                # NAME.fr.* + NAME.en.* pairs
      tmtool lookup "Comité militaire"          # glossary, then memory
      tmtool glossary list --status candidate   # awaiting review
      tmtool export tmx -o exports/memory.tmx   # for a CAT tool
      tmtool align seeds/2021-07-13-partners-meeting.fr.txt \\
                   seeds/2021-07-13-partners-meeting.en.txt -o exports/seed.tmx
    """
    ctx.obj = {"db": db_path, "quiet": quiet, "user": user}
    notices = logging.getLogger("tmtool")
    notices.handlers = [h for h in notices.handlers if not isinstance(h, _Notices)]  # one per run
    if not quiet:
        notices.addHandler(_Notices(_advising_db()))
        notices.setLevel(logging.INFO)


class _Notices(logging.Handler):
    """The library's notices (a store being upgraded) on stderr, as tmtool's other lines are; a tmtool command a
    notice advises (``api.NOTICE_COMMANDS``) said on ``db``, the store this run was given by --db (None: the
    command as written, on the default store or $TMTOOL_DB's; ``_advising_db``), so that it works as shown."""

    def __init__(self, db: str | None):
        super().__init__()
        self.db = db

    def emit(self, record: logging.LogRecord) -> None:
        message = api.notice_on_store(record, self.db)
        click.echo(f"tmtool: {message}", err=True)


# ---- commands are added below, one section per capability ----

# ---- segment and align ----

_OUTPUT_FORMATS = {".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff", ".txt": "txt", ".tsv": "tsv",
                   ".json": "json", ".beads": "beads", ".align": "beads"}


def _format_from(output: str | None, chosen: str | None, default: str, written: tuple[str, ...]) -> str:
    """The --format given, else the output file's extension, else the default; a file whose name says
    another format than --format, or one this command does not write (``written``), is a usage error:
    a TMX named ``pairs.tsv``, text named ``memory.tmx`` or ``report.po`` was written as asked, and read
    back by its name."""
    named = None
    if output and output != "-":
        named = _OUTPUT_FORMATS.get(os.path.splitext(output)[1].lower()) or api.export_format_of(output)
    ending = {fmt: suffix for suffix, fmt in reversed(_OUTPUT_FORMATS.items())}  # each format's first name
    if named is None and output and output != "-" and (document := api.document_named(output)):
        names = [ending[fmt] for fmt in written]
        raise click.UsageError(f"{output}: its name says a {document} document, which tmtool does not write: name "
                               f"the file {', '.join(names[:-1])} or {names[-1]}")
    if named is not None and chosen and named != chosen:
        raise click.UsageError(f"{output}: its name says {named}, not {chosen}: give --format {named}, "
                               f"or name the file {ending[chosen]}")
    if named is not None and named not in written:
        names = [ending[fmt] for fmt in written]
        raise click.UsageError(f"{output}: its name says {named}, which this command does not write: name the file "
                               f"{', '.join(names[:-1])} or {names[-1]}")
    return chosen or named or default


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("--lang", help="Language of FILE (fr, fr-FR, en-GB …); fr and en are written fr-FR and en-GB. "
                             "Default: the language FILE's name is marked with (rapport.fr.docx: fr).")
@click.option("--srx", type=click.Path(exists=True, dir_okay=False), help="SRX 2.0 rules to use instead of the defaults.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(["txt", "tmx", "xliff"]), help="Default: from -o's extension, else txt.")
@click.option("--tgtlang", help="For xliff: the language to translate into (default: en-GB for a French FILE, "
                                  "fr-FR for an English one).")
@click.option("--export-srx", is_flag=True, help="Write the default SRX rules (or --srx's) instead of segmenting.")
def segment(file, lang, srx, output, fmt, tgtlang, export_srx):
    """Split a document into sentences.

    txt writes one segment a line; tmx and xliff write source-only units for pre-translation. The
    xliff names its target language, and holds a copy of each sentence as target for CAT tools
    (OmegaT) to translate over; tmtool import takes back the sentences translated.

    \b
    Examples:
      tmtool segment seeds/2021-07-13-partners-meeting.fr.txt --lang fr
      tmtool segment rapport.fr.docx -o rapport.xlf    # fr-FR, from the name
      tmtool segment report.docx --lang fr -o report.xlf
      tmtool segment report.docx --lang fr --tgtlang en-US -o report.xlf
      tmtool segment --export-srx -o tmtool-rules.srx
    """
    if export_srx:
        api.export_srx(output, srx=srx)
        _written(output, "SRX rules")
        return
    if not file:
        raise click.UsageError("FILE is required (or use --export-srx)")
    if not lang and api.language_in_name(file) is None:
        raise click.UsageError(f"--lang is required: the name of {file} says no language (NAME.fr.EXT)")
    count = api.segment(file, lang, output, fmt=_format_from(output, fmt, "txt", ("txt", "tmx", "xliff")), tgtlang=tgtlang, srx=srx)
    _written(output, _counted(count, "segment"))


def _runs(numbers: list[int]) -> str:
    """``2, 3``, ``1–60``: change ids, a run of three or more as its first and last (approving a page of
    entries said each of its 60 changes on one line)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def _counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 entry``, ``2 entries``: a count and its noun, singular for one."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _written(output: str, what: str) -> None:
    """What a command wrote to a file, said on stderr as export says it (to stdout, what it wrote shows)."""
    if output != "-":
        click.echo(f"{what} written to {output}", err=True)


@main.command()
@click.argument("fr_file", type=click.Path(exists=True, dir_okay=False))
@click.argument("en_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(["tmx", "tsv", "json", "beads"]),
              help="Default: from -o's extension, else tmx.")
@click.option("--presegmented", is_flag=True, help="Inputs hold one sentence per line (no segmentation).")
@click.option("--srclang", default="fr-FR", show_default=True, help="Language of FR_FILE (BCP 47).")
@click.option("--tgtlang", default="en-GB", show_default=True, help="Language of EN_FILE (BCP 47).")
@click.option("--srx", type=click.Path(exists=True, dir_okay=False), help="SRX 2.0 rules to use instead of the defaults.")
@click.pass_context
def align(ctx, fr_file, en_file, output, fmt, presegmented, srclang, tgtlang, srx):
    """Align a document with its translation into translation units.

    Beads 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, 1-0 and 0-1, paragraph-aware, each
    with a confidence. FR_FILE is French and EN_FILE English unless --srclang and --tgtlang say
    otherwise, or the files' names do (bericht.de.txt rapport.fr.txt; with one option, the other file's name).
    beads writes one bead a line as [0, 1]:[2] (0-based sentence indices).

    \b
    Examples:
      tmtool align seeds/2021-07-13-partners-meeting.fr.txt \\
                   seeds/2021-07-13-partners-meeting.en.txt -o exports/seed.tmx
      tmtool align book.de book.fr --presegmented --srclang de --tgtlang fr --format beads
    """
    srclang, tgtlang = _languages_of_files(ctx, fr_file, en_file, srclang, tgtlang)
    count = api.align(fr_file, en_file, output, fmt=_format_from(output, fmt, "tmx", ("tmx", "tsv", "json", "beads")), presegmented=presegmented,
                      srclang=srclang, tgtlang=tgtlang, srx=srx)
    _written(output, _counted(count, "unit"))


# ---- store: ingest, lookup, glossary review, tm search, stats, import, export ----


def _open_store(ctx: click.Context, *, create: bool = False):
    """The store --db names. Only a command that adds to a store passes ``create``: any other,
    given a path where there is none (a misspelt --db), stops with exit 2 rather than answer from
    an empty store it has just made."""
    root = ctx.find_root()
    with _no_store_is_usage_error(ctx):
        store = api.open_store(root.obj["db"], create=create)
    ctx.call_on_close(store.close)
    if store.created:
        root.obj["new_store"] = root.obj["db"]
    else:
        # counts a process stopped before making (killed as it counted a change): made by any command, one that only
        # reads the glossary too, so that none shows a count short for good (serve: once, as it starts)
        with ExitStack() as shown:
            bar: list = []  # the Counting bar, drawn once there is something to count

            def progress(step) -> None:
                if not bar:
                    bar.append(shown.enter_context(_counting_bar(ctx)))
                if bar[0] is not None:
                    bar[0](step)

            try:
                api.count_left(store, progress=progress)
            except api.ReadOnly:  # a reader's role: its command reads, the next writer's makes them
                pass
    return store


@contextmanager
def _no_store_is_usage_error(ctx: click.Context):
    """A store named where there is none (a misspelt --db or SOURCE): exit 2, as README says."""
    try:
        yield
    except api.NotFound as exc:
        click.echo(f"tmtool: error: {_said(exc)}", err=True)
        ctx.exit(2)


def _user(ctx: click.Context) -> str | None:
    return ctx.find_root().obj["user"]


def _progress_bar(ctx: click.Context, label: str, noun: str, **options):
    """The progress callback of one job of a command (see tmtool.progress): a bar on a terminal,
    None under --quiet or when stderr is not a terminal; the command prints its summary line."""
    from .progress import progress_bar

    return progress_bar(label, noun, quiet=ctx.find_root().obj["quiet"], **options)


def _counting_bar(ctx: click.Context):
    """The progress of counting a change to the approved entries in the stored documents (glossary.count_queued)."""
    return _progress_bar(ctx, "Counting", "documents", of="documents")


def _terms_text(entry: dict, lang: str) -> str:
    return " · ".join(
        t["text"] + (" (deprecated)" if t["usage"] == "deprecated" else "") for t in _terms_in(entry, lang)
    ) or "—"


def _terms_in(entry: dict, lang: str) -> list[dict]:
    return [t for t in entry["terms"] if t["lang"] == lang]


def _entry_line(entry: dict) -> str:
    return f"{entry['id']:>6}  {entry['status']:<9}  {entry['score']:6.2f}  {entry['frequency']:>4}  {_pair_text(entry)}"


def _pair_text(entry: dict) -> str:
    """``French  =  English``, or ``de: …  =  es: …`` for an entry of other languages."""
    shown = api.shown_languages(entry)
    if shown == ("fr", "en"):
        return f"{_terms_text(entry, 'fr')}  =  {_terms_text(entry, 'en')}"
    return "  =  ".join(f"{lang}: {_terms_text(entry, lang)}" for lang in shown)


def _other_languages(entry: dict) -> list[str]:
    """The languages of an entry's terms beyond the two its line shows, in their order."""
    shown = api.shown_languages(entry)
    return [lang for lang in dict.fromkeys(t["lang"] for t in entry["terms"]) if lang not in shown]


def _json(data) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _same_text(result: dict) -> str:
    """For a pair ingest did not store: the other document holding its text, if that is the reason."""
    return "" if result["held_by"] == result["document"] else f"same text as document {result['held_by']}"


@main.command()
@click.argument("fr_file", type=click.Path(exists=True, dir_okay=False), required=False)
@click.argument("en_file", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option("--dir", "inbox", type=click.Path(exists=True, file_okay=False),
              help="Ingest every NAME.fr.* / NAME.en.* pair in a folder (also NAME_fr.*, NAME-FR.*).")
@click.option("--doc-id", help="Document id (default: the file name without .fr.EXT).")
@click.option("--no-terms", is_flag=True, help="Store the units only; do not extract terms.")
@click.option("--srclang", default="fr-FR", show_default=True, help="Language of FR_FILE (BCP 47).")
@click.option("--tgtlang", default="en-GB", show_default=True, help="Language of EN_FILE (BCP 47).")
@click.option("--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="With --dir: pairs prepared by this many processes at once (2: both cores of a 2-core machine).")
@click.pass_context
def ingest(ctx, fr_file, en_file, inbox, doc_id, no_terms, srclang, tgtlang, jobs):
    """Align a document pair, store its units and update the glossary.

    FR_FILE is French and EN_FILE its English version, unless --srclang and --tgtlang name other
    languages, or the files' names do (report.en.docx rapport.fr.docx: an English original; with one
    option, the name of the file it does not name; with --dir, the file names carry the languages: NAME.de.EXT with NAME.fr.EXT). Terms
    are extracted from French–English pairs either way: an English original with its French
    translation (--srclang en --tgtlang fr) gives French terms and English equivalents as a French
    original does. Other pairs are stored as units, and said so. Documents are .txt, .html, .docx,
    .odt, .pptx, .odp or .pdf (a PDF's paragraphs are rebuilt from its layout; a scanned PDF needs OCR first).

    Re-ingesting an unchanged pair changes nothing, nor does the same text from other files (a
    .docx saved as .txt) or under another --doc-id: the message names the document holding it.
    But a pair stored with --no-terms gets its terms then: its units stay as stored (with a
    reviewer's corrections), and the glossary gains what a first ingest with terms gives.
    A revised document (same id, new content) replaces its earlier units and the sentences the
    glossary quoted from them. Entries a person approved, rejected or edited are never overwritten. With --dir, pairs are matched by name
    (.txt, .html, .docx, .odt, .pptx, .odp, .pdf), in any case: NAME.fr.EXT with NAME.en.EXT, NAME_fr.EXT with
    NAME_en.EXT, NAME-FR.EXT with NAME-EN.EXT. Other files are listed as skipped, with the reason; a pair that
    fails is reported and the others go on (exit 1 if any failed). Each pair is saved as it is
    done: Ctrl-C (or SIGTERM) lists the documents saved before it (exit 130).

    \b
    Examples:
      tmtool ingest seeds/2021-07-13-partners-meeting.fr.txt seeds/2021-07-13-partners-meeting.en.txt
      tmtool ingest --dir inbox/ --jobs 2
      tmtool ingest report.en.docx rapport.fr.docx --srclang en --tgtlang fr
      tmtool ingest bericht.de.txt rapport.fr.txt --srclang de --tgtlang fr
    """
    if fr_file and en_file and not inbox:
        srclang, tgtlang = _languages_of_files(ctx, fr_file, en_file, srclang, tgtlang)
    store = _open_store(ctx, create=True)
    api.language_pair(srclang, tgtlang)  # refused before the note below
    if not no_terms and not api.extracts_terms(srclang, tgtlang):
        # on stderr, first: stdout keeps its summary line, and the note stands before a long ingest
        click.echo(f"note: no term extraction for {api.base_language(srclang)}→{api.base_language(tgtlang)}: "
                   "terms are extracted from French–English pairs (either way) and from pairs of English and "
                   "another language written with spaces between words; "
                   "the units are stored", err=True)
    if inbox:
        if fr_file or en_file or doc_id:
            raise click.UsageError("--dir takes no FR_FILE, EN_FILE or --doc-id")
        try:
            with _progress_bar(ctx, "Ingesting", "sentences", of="pairs") as progress:
                summary = api.ingest_dir(store, inbox, extract_terms=not no_terms, srclang=srclang, tgtlang=tgtlang,
                                         jobs=jobs, progress=progress)
        except api.IngestInterrupted as interrupted:
            _inbox_summary(interrupted.summary)
            during = f" while ingesting {interrupted.current}" if interrupted.current else ""
            click.echo(f"tmtool: interrupted{during}; saved before the interrupt: "
                       f"{', '.join(interrupted.summary['saved']) or 'nothing'}", err=True)
            ctx.exit(130)
        _inbox_summary(summary)
        if summary["failures"]:
            store.close()
            _discard_new_store(ctx)  # every pair failed: a store made for them is not left behind, empty
            ctx.exit(1)
        return
    if not (fr_file and en_file):
        raise click.UsageError("give FR_FILE and EN_FILE, or --dir INBOX")
    # stages of one pair are unequal (extraction is most of it): no time-left estimate
    with _progress_bar(ctx, "Ingesting", "sentences", eta=False) as progress:
        result = api.ingest(store, fr_file, en_file, document_id=doc_id, extract_terms=not no_terms,
                            srclang=srclang, tgtlang=tgtlang, progress=progress)
    if result["held_by"]:
        same = _same_text(result)
        done = (f"terms extracted: {_entries_found(result)}" if result["terms_extracted"] else "nothing changed")
        click.echo(f"{result['document']}: {same + ', ' if same else ''}already stored, {done}")
    else:
        click.echo(f"{result['document']}: {_counted(result['units'], 'unit')}, {_entries_found(result)}")


def _languages_of_files(ctx, source: str, target: str, srclang: str | None, tgtlang: str | None) -> tuple:
    """The pair's languages: as --srclang and --tgtlang say, and, for a file neither names, as its name does
    (``report.en.docx rapport.fr.docx``: an English original; ``report.en.txt bericht.de.txt --tgtlang de``
    too), said on stderr when not French → English. A language named without its region keeps the default's
    (``fr``: fr-FR)."""
    given = {name for name in ("srclang", "tgtlang")
             if ctx.get_parameter_source(name) != click.core.ParameterSource.DEFAULT}
    if len(given) == 2:
        return srclang, tgtlang
    named = api.languages_in_names(source, target)
    default = (srclang or "fr-FR", tgtlang or "en-GB")  # check's options have no default of their own
    if named is None:
        unknown = [tag for path, beside in ((source, target), (target, source))
                   if (tag := api.unknown_language_in_name(path, beside))]
        if unknown and not given:  # notes.no.txt: said, not silently read as French or English
            click.echo(f"note: tmtool knows no language {unknown[0]!r} (named in a file's name); the files are "
                       f"taken as {default[0]} and {default[1]} (give --srclang and --tgtlang to say otherwise)",
                       err=True)
        return srclang, tgtlang
    defaults = {api.base_language(tag): tag for tag in ("fr-FR", "en-GB", *default)}
    chosen = tuple(given_tag if option in given else defaults.get(tag, tag)
                   for option, given_tag, tag in zip(("srclang", "tgtlang"), default, named))
    if chosen != default:
        taken = [(os.path.basename(path), tag, option) for path, tag, option
                 in zip((source, target), chosen, ("srclang", "tgtlang")) if option not in given]
        if len(taken) == 2:
            click.echo(f"note: {taken[0][0]} is taken as {taken[0][1]} and {taken[1][0]} as {taken[1][1]}, from "
                       "their names (give --srclang and --tgtlang to say otherwise)", err=True)
        else:
            [(name, tag, option)] = taken
            click.echo(f"note: {name} is taken as {tag}, from its name (give --{option} to say otherwise)", err=True)
    return chosen


def _entries_found(result: dict) -> str:
    """``3 new entries, 1 updated entry``: what an extraction gave the glossary (and ``, 2 entries no longer
    proposed removed``, what a revision took out of it)."""
    removed = result.get("removed_entries")
    return (f"{_counted(result['new_entries'], 'new entry', 'new entries')}, "
            f"{_counted(result['updated_entries'], 'updated entry', 'updated entries')}"
            + (f", {_counted(removed, 'entry', 'entries')} no longer proposed removed" if removed else ""))


def _inbox_summary(summary: dict) -> None:
    """What ingest --dir did: the files it passed over and why, then one summary line."""
    skipped = [r for r in summary["documents"] if r["held_by"]]
    if skipped:
        # an inbox ingested every day holds every document stored: those with news first, ten named
        named = sorted((r["document"] + (f" ({same})" if (same := _same_text(r)) else "")
                        + (" (terms extracted)" if r["terms_extracted"] else "") for r in skipped),
                       key=lambda text: text.count(" (") == 0)
        more = len(named) - _SHOWN_SKIPS
        click.echo("already stored: " + ", ".join(named[:_SHOWN_SKIPS]) + (f", … and {more} more" if more > 0 else ""))
    for name, reason in summary["ignored"]:
        click.echo(f"skipped: {name}: {reason}", err=True)
    for name, reason in summary["failures"]:
        click.echo(f"failed: {name}: {reason}", err=True)
    ignored = f", {_counted(len(summary['ignored']), 'file')} skipped" if summary["ignored"] else ""
    extracted = len(summary["terms_extracted"])
    terms = f" (terms extracted for {_counted(extracted, 'document')} already stored)" if extracted else ""
    click.echo(f"{_counted(len(summary['saved']), 'document')} ingested, {len(skipped)} already stored{terms}, "
               f"{len(summary['failures'])} failed{ignored}; {_counted(summary['new_units'], 'new unit')}, "
               f"{_entries_found(summary)}")


@main.command()
@click.argument("term")
@click.option("--lang", default="auto", show_default=True,
              help="Only terms, and memory texts, in this language (fr, en, de …); auto: any language.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@click.pass_context
def lookup(ctx, term, lang, as_json, limit):
    """Look a term up in the glossary, in any of its languages.

    Finds exact, plural/lemma (Comités militaires, parties contractantes, battlegroups), case- and
    accent-insensitive (etat-major; œ typed oe: mise en oeuvre; with its article: le Comité militaire),
    acronym (IMS, EMI, E.M.I.), prefix and fuzzy matches, best first, each shown as
    French = English, then its terms in other languages. With no glossary entry
    for TERM, shows the memory's units that hold it (with --json: objects whose "match" is
    "memory"), then any fuzzy matches, labelled with their similarity. Exit 1 when neither the
    glossary nor the memory has anything.

    \b
    Examples:
      tmtool lookup "Comités militaires"
      tmtool lookup IMS --json
      tmtool lookup Militärausschuss --lang de
    """
    answer = api.lookup(_open_store(ctx), term, lang=lang, limit=limit)
    if not (answer["entries"] or answer["memory"]):
        if as_json:  # still a JSON list for the script reading it; the exit status says nothing was found
            _json([])
        where = "" if lang == "auto" else f" in {api.base_language(lang)}"  # what --lang left out may hold it
        click.echo(f"No glossary entry for {term!r}{where}, and no unit of the memory holds it{where}.", err=True)
        ctx.exit(1)
    exact = [hit for hit in answer["entries"] if hit["match"] != "fuzzy"]
    fuzzy = [hit for hit in answer["entries"] if hit["match"] == "fuzzy"]
    if as_json:
        _json([*exact, *({"match": "memory", **unit} for unit in answer["memory"]), *fuzzy])
        return
    for hit in exact:
        _print_hit(hit)
    if exact:
        return
    count = answer["memory_count"]
    units = f"more than {count - 1}" if count > api.MEMORY_COUNT_CAP else str(count)
    heading = f"No glossary entry for {term!r}."
    if answer["memory"]:
        heading += f" In the memory ({units} {'unit' if count == 1 else 'units'}):"
    click.echo(heading)
    for unit in answer["memory"]:
        indent = " " * (len(unit["document"]) + 2)
        click.echo(f"  [{unit['document']}] {api.base_language(unit['srclang'])}: {unit['source']}")
        click.echo(f"  {indent} {api.base_language(unit['tgtlang'])}: {unit['target']}{_draft_mark(unit)}")
        for variant in unit["variants"]:
            click.echo(f"  {indent} {api.base_language(variant['lang'])}: {variant['text']}")
        if unit["context_pre"] is not None or unit["context_post"] is not None:  # memoQ's: what tells it apart
            click.echo(f"  {indent} {_where({**unit, 'document': None})}")
    if fuzzy:
        click.echo("Glossary entries spelt like it (fuzzy, with their similarity):")
        for hit in fuzzy:
            _print_hit(hit)


def _print_hit(hit: dict) -> None:
    similarity = f" {hit['similarity']:.0f}%" if hit["match"] == "fuzzy" else ""
    click.echo(f"{_pair_text(hit)}   [{hit['status']}; {hit['match']}{similarity}; #{hit['id']}]")
    for lang in _other_languages(hit):
        click.echo(f"  {lang}: {_terms_text(hit, lang)}")
    for label, context in api.labelled_contexts(hit):
        click.echo(f"    {label}: {context['fr']}")
        if context["en"]:
            click.echo(f"    en: {context['en']}")


@main.group()
def glossary():
    """Review the glossary: list, show, add, edit, approve, reject, deprecate, usage, merge, remove, reextract.

    Every change is recorded (glossary history) and can be undone (glossary revert).

    \b
    Example:
      tmtool glossary list --status candidate --min-score 0.5
    """


_STATUSES = click.Choice(api.STATUSES)
# what a reviewer read (glossary show): a change made since by someone else is refused, not overwritten
_EXPECTED_VERSION = click.option(
    "--expected-version", type=int, metavar="N",
    help="The entry's version you read (glossary show): if someone has changed it since, nothing is written (exit 3).")


@glossary.command("list", short_help="List entries, best score first, with their terms.")
@click.option("--status", type=click.Choice((*api.STATUSES, "all")), multiple=True,
              help="Only entries with this status (repeatable). Default: all, as export --status all.")
@click.option("--min-score", type=float, help="Only entries scoring at least this.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]), help="Only entries changed since DATE.")
@click.option("--text", help="Only entries with a term containing TEXT (case- and accent-insensitive).")
@click.option("--document", metavar="DOC_ID", help="Only entries the document counted: its extraction's, "
                                                   "and the approved ones it uses (an id tmtool documents lists).")
@click.option("--lang", metavar="TAG", help="Only entries holding a term in this language (de, de-DE: any German term).")
@click.option("--limit", type=click.IntRange(1), help="At most this many entries.")
@click.option("--sort", type=click.Choice(api.ENTRY_ORDERS), default="score", show_default=True,
              help="Best score first, the most frequent first, or the latest added first.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
@click.pass_context
def glossary_list(ctx, status, min_score, since, text, document, lang, limit, sort, as_json):
    """List entries, best score first: id, status, score, frequency, French = English
    (an entry of other languages: de: … = es: …).

    \b
    Examples:
      tmtool glossary list --status candidate --text militaire
      tmtool glossary list --status candidate --sort frequency --limit 20
      tmtool glossary list --status candidate --document 2021-07-13-partners-meeting
      tmtool glossary list --lang de
    """
    store = _open_store(ctx)
    entries = api.entries(store, statuses=() if "all" in status else status, min_score=min_score,
                          since=since, text=text, document=document, limit=limit, order=sort, lang=lang)
    if not entries and document is not None and document not in {d["id"] for d in api.documents(store)}:
        raise api.NotFound(f"no document {document} in the store (tmtool documents lists them)",
                           commands=("tmtool documents",))
    if as_json:
        _json(entries)
        return
    if not entries:  # on stderr, as documents and imports say theirs: stdout stays the list, empty
        filtered = ("all" not in status and status) or min_score is not None or since or text or document or lang
        click.echo("no entry matches" if filtered else "the glossary is empty", err=True)
    for entry in entries:
        click.echo(_entry_line(entry))


@glossary.command("show")
@click.argument("entry_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON (as glossary list --json does).")
@click.pass_context
def glossary_show(ctx, entry_id, as_json):
    """Show one entry with its terms, notes and contexts.

    \b
    Example:
      tmtool glossary show 12
    """
    from datetime import datetime

    entry = api.entry(_open_store(ctx), entry_id)
    if as_json:
        _json(entry)
        return
    click.echo(_entry_line(entry))
    for term in entry["terms"]:
        details = ", ".join(v for v in (term["type"], term["usage"], term["pos"], term["gender"]) if v)
        # an extracted equivalent none of the store's documents quotes any more (removed, or revised without it)
        unquoted = "  no sentence in the store's documents" if term["confidence"] is not None and not term["contexts"] \
            else ""
        click.echo(f"  {term['lang']}: {term['text']}  ({details})" + (f"  note: {term['note']}" if term["note"] else "")
                   + unquoted)
    for label in ("definition", "note"):
        if entry[label]:
            click.echo(f"  {label}: {entry[label]}")
    first, last = (datetime.fromisoformat(entry[key]) if entry[key] else "—" for key in ("first_seen", "last_seen"))
    click.echo(f"  seen: {first} … {last}")
    click.echo(f"  version: {entry['version']}")
    for lang, context in api.labelled_contexts(entry):
        click.echo(f"  context [{context['document']}] {lang}: {context['fr']}")
        if context["en"]:
            click.echo(f"          en: {context['en']}")


class _LanguageTerm(click.ParamType):
    """``LANG=TEXT``: a term and the language it is in, as a (tag, text) pair (the tag checked by the api);
    with a ``default`` language, ``TEXT`` alone is that language's (``--gender m``: the French term's)."""

    def __init__(self, default: str | None = None):
        self.default = default
        self.name = "LANG=TEXT" if default is None else "[LANG=]VALUE"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        tag, equals, text = value.partition("=")
        if not equals and self.default:
            return self.default, value
        if not equals or not tag.strip():
            self.fail(f"{value!r} is not LANG=TEXT (e.g. de=Militärausschuss)", param, ctx)
        return tag.strip(), text


def _terms_by_language(pairs) -> dict[str, list[str]]:
    by_language: dict[str, list[str]] = {}
    for tag, text in pairs:
        by_language.setdefault(tag, []).append(text)
    return by_language


@glossary.command("add")
@click.argument("fr", required=False)
@click.argument("en", required=False)
@click.option("--fr-also", multiple=True, help="Another French term (acronym, variant); repeatable.")
@click.option("--en-also", multiple=True, help="Another English term; repeatable.")
@click.option("--term", "terms", multiple=True, type=_LanguageTerm(),
              help="A term in any language (de=Militärausschuss, es-ES='Comité Militar'); repeatable, "
                   "the first of a language preferred.")
@click.option("--status", type=_STATUSES, default="approved", show_default=True)
@click.option("--definition")
@click.option("--note")
@click.pass_context
def glossary_add(ctx, fr, en, fr_also, en_also, terms, status, definition, note):
    """Add an entry by hand: FR and EN, and --term LANG=TEXT for any language (without FR for an entry
    of other languages). All-capitals single words are stored as acronyms.

    \b
    Examples:
      tmtool glossary add "État-major militaire international" "International Military Staff" \\
                          --fr-also EMI --en-also IMS
      tmtool glossary add --term de=Militärausschuss --term de=MA --term es="Comité Militar"
    """
    if fr is None and not terms:
        raise click.UsageError("give the French term (FR), or terms in other languages (--term LANG=TEXT)")
    store = _open_store(ctx, create=True)
    added = api.add_entry(store, [f for f in (fr, *fr_also) if f is not None],
                          [e for e in (en, *en_also) if e], terms=_terms_by_language(terms), status=status,
                          definition=definition, note=note, user=_user(ctx))
    click.echo(f"added entry {added['id']}")
    for other, shared in api.entries_sharing_terms(store, added["id"]).items():
        merge = f"tmtool glossary merge {added['id']} {other}"
        click.echo(_advise(f"note: entry {other} also holds {', '.join(shared)} ({merge} joins them)", merge), err=True)


@glossary.command("edit")
@click.argument("entry_id", type=int)
@click.option("--fr", help="Replace the first French term.")
@click.option("--en", help="Replace the first English term (or add one).")
@click.option("--term", "terms", multiple=True, type=_LanguageTerm(),
              help="Replace the first term in LANG (or add one): de=Militärausschuss; repeatable, once a language.")
@click.option("--add-fr", multiple=True, help="Add a French term; repeatable.")
@click.option("--add-en", multiple=True, help="Add an English term; repeatable.")
@click.option("--add-term", "add_terms", multiple=True, type=_LanguageTerm(),
              help="Add a term in any language: de=MA; repeatable.")
@click.option("--drop", multiple=True, help="Remove the term with this text; repeatable.")
@click.option("--drop-term", "drop_terms", multiple=True, type=_LanguageTerm(),
              help="Remove the LANG term with this text, for a term written alike in two: en=radar; repeatable.")
@click.option("--definition", help="Set the definition ('' clears it).")
@click.option("--note", help="Set the note ('' clears it).")
@click.option("--status", type=_STATUSES, help="Set the status. Default: a candidate becomes approved.")
@click.option("--gender", "genders", multiple=True, type=_LanguageTerm(default="fr"),
              help="Set the gender of the first French term (masculine, feminine, neuter, other; m, f), or of "
                   "LANG's: de=neuter; repeatable.")
@click.option("--pos", "parts_of_speech", multiple=True, type=_LanguageTerm(default="fr"),
              help="Set the part of speech of the first French term (noun, properNoun, adjective, verb, adverb), "
                   "or of LANG's: en=properNoun; repeatable.")
@_EXPECTED_VERSION
@click.pass_context
def glossary_edit(ctx, entry_id, fr, en, terms, add_fr, add_en, add_terms, drop, drop_terms, definition, note,
                  status, genders, parts_of_speech, expected_version):
    """Edit an entry's terms, their gender and part of speech, definition, note or status (marks it
    reviewed: extraction keeps off it).

    Editing a candidate approves it, as the person has reviewed it, unless --status says otherwise.

    \b
    Examples:
      tmtool glossary edit 12 --en "Military Committee" --add-en MC
      tmtool glossary edit 12 --term de=Militärausschuss --add-term es="Comité Militar"
      tmtool glossary edit 12 --gender masculine --pos properNoun
      tmtool glossary edit 12 --note "checked" --expected-version 3
    """
    replaced = {}
    for tag, text in terms:
        if tag in replaced:
            raise click.UsageError(f"--term {tag}= given twice: it replaces the first {tag} term (--add-term adds more)")
        replaced[tag] = text
    with _counting_bar(ctx) as progress:
        edited = api.edit(_open_store(ctx), entry_id, fr=fr, en=en, add_fr=add_fr, add_en=add_en, terms=replaced,
                          add_terms=_terms_by_language(add_terms), drop=drop, drop_terms=_terms_by_language(drop_terms),
                          definition=definition, note=note,
                          status=status, genders=dict(genders), parts_of_speech=dict(parts_of_speech),
                          expected_version=expected_version, user=_user(ctx), progress=progress)
    click.echo(f"entry {entry_id}: nothing changed" if edited["change"] is None
               else f"entry {entry_id} edited (change {edited['change']})")


def _status_command(name: str, status: str):
    @glossary.command(name, help=f"Mark entries {status}; later extraction never changes them.\n\n"
                                 f"\b\nExample:\n  tmtool glossary {name} 12 15\n")
    @click.argument("entry_ids", type=int, nargs=-1, required=True)
    @_EXPECTED_VERSION
    @click.pass_context
    def command(ctx, entry_ids, expected_version):
        with _counting_bar(ctx) as progress:
            changes = getattr(api, name)(_open_store(ctx), entry_ids, expected_version=expected_version, user=_user(ctx),
                                         progress=progress)
        unchanged = len(set(entry_ids)) - len(changes)  # those already so: no change
        said = [f"{_counted(len(changes), 'entry', 'entries')} {status} (change {_runs(changes)})"] if changes else []
        if unchanged:
            said.append(f"{_counted(unchanged, 'entry', 'entries')} {status} already: nothing changed")
        click.echo("; ".join(said))

    return command


_status_command("approve", "approved")
_status_command("reject", "rejected")


@glossary.command("deprecate")
@click.argument("entry_id", type=int)
@click.argument("term")
@click.option("--lang", help="The term's language, for a term written alike in two (radar: fr or en).")
@_EXPECTED_VERSION
@click.pass_context
def glossary_deprecate(ctx, entry_id, term, lang, expected_version):
    """Mark one term of an entry as deprecated (it stays, labelled, so look-ups explain it).

    \b
    Examples:
      tmtool glossary deprecate 12 "Military Commitee"
      tmtool glossary deprecate 31 radar --lang en
    """
    _set_usage(ctx, entry_id, term, "deprecated", lang, expected_version)


@glossary.command("usage")
@click.argument("entry_id", type=int)
@click.argument("term")
@click.argument("usage", type=click.Choice(api.USAGES))
@click.option("--lang", help="The term's language, for a term written alike in two (radar: fr or en).")
@_EXPECTED_VERSION
@click.pass_context
def glossary_usage(ctx, entry_id, term, usage, lang, expected_version):
    """Set one term's usage: preferred, admitted or deprecated (TBX's administrative status), e.g. to admit
    again a term a termbase delivered deprecated.

    \b
    Examples:
      tmtool glossary usage 12 "Comité militaire OTAN" admitted
      tmtool glossary usage 31 radar preferred --lang en
    """
    _set_usage(ctx, entry_id, term, usage, lang, expected_version)


def _set_usage(ctx, entry_id: int, term: str, usage: str, lang: str | None, expected_version: int | None) -> None:
    with _counting_bar(ctx) as progress:
        change = api.set_usage(_open_store(ctx), entry_id, term, usage, lang=lang, expected_version=expected_version,
                               user=_user(ctx), progress=progress)
    click.echo(f"{term!r} {usage} in entry {entry_id} already: nothing changed" if change is None
               else f"{term!r} {usage} in entry {entry_id} (change {change})")


@glossary.command("merge")
@click.argument("source_id", type=int)
@click.argument("target_id", type=int)
@_EXPECTED_VERSION
@click.pass_context
def glossary_merge(ctx, source_id, target_id, expected_version):
    """Merge entry SOURCE_ID into TARGET_ID (terms, counts, contexts) and remove SOURCE_ID.

    \b
    Example:
      tmtool glossary merge 15 12
    """
    with _counting_bar(ctx) as progress:
        change = api.merge(_open_store(ctx), source_id, target_id, expected_version=expected_version, user=_user(ctx),
                           progress=progress)
    click.echo(f"entry {source_id} merged into {target_id} (change {change})")


@glossary.command("remove")
@click.argument("entry_id", type=int)
@click.pass_context
def glossary_remove(ctx, entry_id):
    """Remove an entry (use reject instead to keep extraction from proposing it again).

    \b
    Example:
      tmtool glossary remove 12
    """
    with _counting_bar(ctx) as progress:
        change = api.remove_entry(_open_store(ctx), entry_id, user=_user(ctx), progress=progress)
    click.echo(f"entry {entry_id} removed (change {change})")


@glossary.command("history", short_help="List the recorded changes, of all entries or one.")
@click.argument("entry_id", type=int, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@click.pass_context
def glossary_history(ctx, entry_id, as_json):
    """List recorded changes (of one entry when ENTRY_ID is given): id, time, action, who made it
    (when recorded), entries.

    \b
    Example:
      tmtool glossary history 12
    """
    changes = api.history(_open_store(ctx), entry_id)
    if as_json:
        _json(changes)
        return
    if not changes:  # on stderr, as other commands' notes: stdout stays the list, empty
        click.echo(f"entry {entry_id}: no recorded change (extraction is not recorded)" if entry_id is not None
                   else "no recorded change", err=True)
    for change in changes:
        by = f"by {change['user']}  " if change["user"] else ""
        reverted = f"  (reverted by {change['reverted_by']})" if change["reverted_by"] else ""
        click.echo(f"{change['id']:>6}  {change['time']}  {change['action']:<12}  {by}"
                   f"entries {', '.join(map(str, change['entries']))}{reverted}")


@glossary.command("revert")
@click.argument("change_id", type=int)
@click.pass_context
def glossary_revert(ctx, change_id):
    """Undo one recorded change (the undo is recorded too).

    \b
    Example:
      tmtool glossary revert 7
    """
    with _counting_bar(ctx) as progress:
        reverted = api.revert(_open_store(ctx), change_id, user=_user(ctx), progress=progress)
    click.echo(f"change {change_id} reverted (change {reverted})")


@glossary.command("reextract", short_help="Extract the terms of stored documents again, from their units.")
@click.argument("documents", nargs=-1, metavar="[DOCUMENT]...")
@click.option("--all", "everything", is_flag=True,
              help="Every French–English document, those this release extracted too.")
@click.option("--older", is_flag=True,
              help="Only documents an earlier release extracted, not those stored with --no-terms.")
@click.option("--json", "as_json", is_flag=True, help="Print what was done, document by document, as JSON.")
@click.pass_context
def glossary_reextract(ctx, documents, everything, older, as_json):
    """Extract the terms of stored documents again with this release, from their units as stored
    (the files are not read: they may be gone).

    By default, the documents whose terms this release has not extracted: by an earlier release (or
    one before releases were recorded; see tmtool documents --json) or never (ingest --no-terms). A
    release is tmtool's version and a digest of term extraction's sources and data: any change to the
    extraction method is a new one, the version bumped or not.
    DOCUMENT ids name documents to re-extract whatever release extracted them. Each document is
    weighed against the memory as it is now, and saved in one transaction: a run stopped half-way
    goes on where it stopped when started again. Entries a person approved, rejected or edited keep
    their decisions; candidates no one reviewed that only the re-extracted documents vouch for are
    replaced by the new proposals (glossary history lists them, glossary revert brings them back).
    A document whose new extraction leaves the glossary as it was is not written. Units a reviewer
    corrected are read as corrected; a list of abbreviations laid out as a table is read unit by
    unit (the store keeps no table rows), where ingest reads each row as one line.

    \b
    Examples:
      tmtool glossary reextract
      tmtool glossary reextract 2021-07-13-partners-meeting
    """
    if documents and (everything or older) or everything and older:
        raise click.UsageError("give DOCUMENT ids, --all or --older, not several")
    store = _open_store(ctx)
    with _progress_bar(ctx, "Re-extracting", "sentences", of="documents") as progress:
        done = api.reextract(store, documents, everything=everything, older=older, user=_user(ctx),
                             progress=progress)
    if as_json:
        _json(done)
        return
    for result in done["documents"]:
        if result["skipped"]:
            click.echo(f"skipped: {result['document']}: {result['skipped']}", err=True)
    changes = [r["change"] for r in done["documents"] if r["change"]]
    recorded = f" (change {_runs(changes)})" if changes else ""
    unchanged = sum(not r["changed"] and not r["skipped"] for r in done["documents"])
    skipped = sum(bool(r["skipped"]) for r in done["documents"])
    click.echo(f"{_counted(len(done['changed']), 'document')} re-extracted, {unchanged} unchanged"
               f"{f', {skipped} skipped' if skipped else ''}; {_entries_found(done)}, "
               f"{_counted(done['replaced'], 'candidate')} replaced{recorded}")


@main.group()
def tm():
    """Search the translation memory.

    \b
    Example:
      tmtool tm search "Les participants se sont ensuite intéressés au programme OTAN 2025." --min 70
    """


@tm.command("search")
@click.argument("text")
@click.option("--min", "min_score", type=click.FloatRange(1, 100), default=70, show_default=True,
              help="Lowest match percentage shown.")
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True)
@click.option("--lang", default="auto", show_default=True,
              help="Language of TEXT (fr, en-GB, de …): only the units' texts in it; auto: every language of every unit.")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON.")
@click.pass_context
def tm_search(ctx, text, min_score, limit, lang, as_json):
    """Fuzzy matches of TEXT in the memory, scored as CAT tools do (edit distance, %).

    A unit is matched on its text in the language of TEXT (--lang), whichever
    way it was translated: a French TEXT finds the source of a fr→en unit and
    the target of an en→fr one. Without --lang both sides of every unit are
    matched, a unit scored by its better side. A match shows the text that
    matched, then its translation, then which side of which pair matched;
    a unit's other languages are searched too (a DGT memory's German beside
    its English and Bulgarian), shown with their tag and the unit's source as
    the translation. --json adds side (source, target or variant), lang,
    matched, translation and translation_lang to the unit's source, target,
    srclang, tgtlang, tuid and draft (a translation imported with
    import --include-unconfirmed, marked "draft, not confirmed"), and
    document, context_pre and context_post: where it came from and the
    segments before and after it. Matches of the same texts (memoQ keeps a
    unit for each context a sentence was translated in) are shown once,
    then a line each: in DOCUMENT, after "…", before "…".

    A match is scored on the whole sentence, as CAT tools score it: a phrase or a sentence cut short
    scores low against a long unit holding it (tm concordance finds units by their words).

    \b
    Examples:
      tmtool tm search "Les participants se sont ensuite intéressés au programme OTAN 2025." --min 60
      tmtool tm search "Participants then turned to the NATO 2025 agenda." --lang en
    """
    matches = api.search(_open_store(ctx), text, min_score=min_score, limit=limit, lang=lang)
    if as_json:  # a JSON list for the script reading it, [] too; the exit status says nothing was found
        _json(matches)
        ctx.exit(0 if matches else 1)
    if not matches:
        click.echo(f"no match of {min_score:g}% or more", err=True)
        ctx.exit(1)
    for group in _alike(matches, ("score", "side", "lang", "matched", "translation", "srclang", "tgtlang", "draft")):
        match = group[0]
        side = match["lang"] if match["side"] == "variant" else match["side"]  # another language: its tag
        click.echo(f"{match['score']:5.1f}%  {match['matched']}\n        {match['translation']}"
                   f"  [{side} of {match['srclang']}→{match['tgtlang']}{'; ' + _DRAFT if match['draft'] else ''}]")
        for where in _whereabouts(group):
            click.echo(f"        {where}")


def _alike(units: list[dict], keys: tuple[str, ...]) -> list[list[dict]]:
    """``units`` (of a search or a concordance) in groups showing the same (``keys``), each where its first
    stands: memoQ keeps a unit for each context a sentence was translated in, which would be lines alike."""
    import json

    groups: dict[str, list[dict]] = {}
    for unit in units:
        groups.setdefault(json.dumps([unit[key] for key in keys]), []).append(unit)
    return list(groups.values())


def _whereabouts(group: list[dict]) -> list[str]:
    """The lines telling apart the units of a group showing the same texts (:func:`_alike`): where each came from
    and its context (the segments before and after it, as memoQ keeps them), one line a unit, or a line for
    units alike in these too (``(3 units)``); none for a unit alone without a context."""
    from collections import Counter

    if len(group) == 1 and group[0]["context_pre"] is None and group[0]["context_post"] is None:
        return []
    lines = Counter(_where(unit) for unit in group)
    return [line + (f" ({count} units)" if count > 1 else "") for line, count in lines.items()]


def _where(unit: dict) -> str:
    """Where a unit came from and its context: ``in communique.docx, after "…", before "…"``."""
    parts = [f"in {unit['document']}"] if unit.get("document") else []
    parts += [f'after "{unit["context_pre"]}"'] if unit["context_pre"] is not None else []
    parts += [f'before "{unit["context_post"]}"'] if unit["context_post"] is not None else []
    return ", ".join(parts) or "in an unnamed source"


# a unit whose translation its tool had not confirmed (imported with --include-unconfirmed), shown as such
_DRAFT = "draft, not confirmed"


def _draft_mark(unit: dict) -> str:
    return f"  [{_DRAFT}]" if unit["draft"] else ""


@tm.command("concordance")
@click.argument("word")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--lang", default="auto", show_default=True,
              help="Only the units' texts in this language (fr, de-DE …); auto: every language of every unit.")
@click.option("--json", "as_json", is_flag=True, help="Print the units as JSON (source, target, srclang, tgtlang, "
                                                      "tuid, variants, draft, document, context_pre, context_post).")
@click.pass_context
def tm_concordance(ctx, word, limit, lang, as_json):
    """Units whose source, target or other languages contain WORD or phrase (accent-insensitive; œ typed oe).

    Each unit is shown as its source, its target, then its other languages with their tags; those
    holding WORD in their source or target first, then the shortest, then by unit id (on SQLite and
    PostgreSQL alike). Units of the same texts are shown once, then a line each saying where it came
    from and between which segments (memoQ's context), as a unit with a context is.

    \b
    Examples:
      tmtool tm concordance "état-major"
      tmtool tm concordance Militärausschuss --lang de
      tmtool tm concordance "practical cooperation" --lang en --json
    """
    units = api.concordance(_open_store(ctx), word, limit=limit, lang=lang)
    if as_json:  # as tm search --json: a list, [] too; the exit status says nothing was found
        _json(units)
        ctx.exit(0 if units else 1)
    if not units:
        click.echo(f"no unit contains {word!r}", err=True)
        ctx.exit(1)
    for group in _alike(units, ("source", "target", "srclang", "tgtlang", "variants", "draft")):
        unit = group[0]
        click.echo(f"{unit['source']}\n    {unit['target']}{_draft_mark(unit)}")
        for variant in unit["variants"]:
            click.echo(f"    [{variant['lang']}] {variant['text']}")
        for where in _whereabouts(group):
            click.echo(f"    {where}")


@main.command(short_help="Count what the store holds, by language and language pair too.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.pass_context
def stats(ctx, as_json):
    """Count what the store holds; then units by language pair (units fr→en), units' texts in
    languages beyond their source and target (variants de) and glossary terms by language (terms de).

    \b
    Example:
      tmtool --db team.db stats
    """
    counts = api.stats(_open_store(ctx))
    if as_json:
        _json(counts)
        return
    for name, count in counts.items():
        click.echo(f"{name:<20} {count}")


@main.command(short_help="Serve the workbench in a browser, and the HTTP API.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any but the loopback needs --token.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--token", envvar="TMTOOL_TOKEN", show_envvar=True,
              help="Access token every request must carry (a browser opens http://HOST:PORT/?token=TOKEN once).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes answering requests side by side: one a core for many users (each holds its own caches).")
@click.pass_context
def serve(ctx, host, port, token, workers):
    """Serve the workbench: look-up, review queue, documents and export in a browser, and the HTTP
    API (described at /openapi.json). The glossary's history records its changes as made by the name a
    reviewer gives in the workbench (a script: the X-Tmtool-User header), else by --user.

    \b
    Examples:
      tmtool serve                      # then open http://127.0.0.1:8765/
      TMTOOL_TOKEN=$(openssl rand -hex 16) tmtool --db team.db serve --host 0.0.0.0
      tmtool --db team.db serve --workers 2   # two processes: two cores answer at once
    """
    from .web import address, check_binding, check_port, on_every_interface, serve as serve_workbench

    check_binding(host, token)
    check_port(host, port, workers)
    _open_store(ctx).close()  # a misspelt --db stops here, and the store is brought up to date once
    # listening on every interface: other machines reach it by this one's name or address, which tmtool cannot know
    everywhere = " (listening on every interface: other machines open it by this machine's name or address)"
    click.echo(f"tmtool workbench on {address(host, port)}{everywhere if on_every_interface(host) else ''}"
               " (Ctrl-C stops it)", err=True)
    serve_workbench(ctx.find_root().obj["db"], host=host, port=port, token=token, user=_user(ctx), workers=workers)


# ---- trust: what came in, taken out again; backup ----


def _table(headers: tuple[str, ...], rows: list[tuple]) -> None:
    """Print rows under headers in aligned columns, numbers right-aligned."""
    numeric = [bool(rows) and all(isinstance(row[i], int) for row in rows) for i in range(len(headers))]
    cells = [headers, *[tuple(map(str, row)) for row in rows]]
    widths = [max(len(line[i]) for line in cells) for i in range(len(headers))]
    for line in cells:
        click.echo("  ".join(cell.rjust(width) if right else cell.ljust(width)
                             for cell, width, right in zip(line, widths, numeric)).rstrip())


def _local_time(stored: str | None) -> str:
    """A stored UTC time as the reader's local date and minute."""
    from datetime import datetime

    return datetime.fromisoformat(stored).astimezone().strftime("%Y-%m-%d %H:%M") if stored else "—"


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
def documents(ctx, as_json):
    """List the ingested documents: id, files, languages, units, when first ingested and when last revised.

    \b
    Examples:
      tmtool documents
      tmtool documents --json
    """
    found = api.documents(_open_store(ctx))
    if as_json:
        _json(found)
        return
    if not found:
        click.echo("no documents ingested", err=True)
        return
    _table(("ID", "FILES", "LANGUAGES", "UNITS", "INGESTED", "REVISED"),
           [(d["id"], f"{os.path.basename(d['fr_file'])}, {os.path.basename(d['en_file'])}",
             f"{d['srclang']} → {d['tgtlang']}", d["units"], _local_time(d["ingested"]),
             _local_time(d["revised"]) if d["revised"] else "") for d in found])


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
def imports(ctx, as_json):
    """List the imported files: id, file, format, units or entries, how many it added, when.

    Imports made before tmtool recorded them are found again: memory files by the file their
    units came from (no date; the format as the name tells it), glossary files by their recorded
    change.

    \b
    Examples:
      tmtool imports
      tmtool remove --import 3
    """
    found = api.imports(_open_store(ctx))
    if as_json:
        _json(found)
        return
    if not found:
        click.echo("no files imported", err=True)
        return
    _table(("ID", "FILE", "FORMAT", "KIND", "COUNT", "IMPORTED"),
           [(i["id"], i["file"], i["format"] or "?", i["kind"], i["count"], _local_time(i["imported"]))
            for i in found])


@main.command()
@click.argument("doc_ids", metavar="[DOC_ID]...", nargs=-1)
@click.option("--import", "import_ids", type=int, multiple=True, metavar="ID",
              help="Take out what import ID added (see tmtool imports); repeatable.")
@click.pass_context
def remove(ctx, doc_ids, import_ids):
    """Take documents or imports out of the store, all in one transaction.

    A document goes as if it had never been ingested: its units and the glossary contexts
    quoting it go; entries lose its counts and the dates and score it gave them; candidates only
    it had found go. Entries a person approved, rejected, edited or added, and imported ones,
    stay (updated).

    An import (--import ID) takes back what it added: its units, and its glossary entries
    unless they changed since — reviewed by a person, or counted by an ingested document —
    which stay. A unit or entry that a later import also held was skipped there as already
    stored, so it goes too. The entries an import took away are one recorded change, which
    tmtool glossary revert undoes.

    An unknown id is an error and nothing is removed.

    \b
    Examples:
      tmtool remove 2021-07-13-partners-meeting
      tmtool remove --import 3
    """
    if not doc_ids and not import_ids:
        raise click.UsageError("give DOC_ID … or --import ID")
    removed = api.remove(_open_store(ctx), documents=doc_ids, imports=import_ids, user=_user(ctx))
    lines = []
    if documents := removed["documents"]:
        count = documents["count"]
        lines.append(f"{_counted(count, 'document')} removed: {_counted(documents['units'], 'unit')}, "
                     f"{_counted(documents['entries_removed'], 'candidate entry', 'candidate entries')} removed, "
                     f"{_counted(documents['entries_kept'], 'entry', 'entries')} updated")
    for taken in removed["imports"]:
        what = (_counted(taken["units"], "unit") if taken["kind"] == "units" else
                f"{_counted(taken['entries_removed'], 'entry', 'entries')} removed, {taken['entries_kept']} changed since kept")
        lines.append(f"import {taken['id']} ({taken['file']}) removed: {what}")
    click.echo("\n".join(lines))


@main.command()
@click.argument("path", type=click.Path())  # a folder is refused as export -o refuses one, not as a usage error
@click.pass_context
def backup(ctx, path):
    """Copy the store to PATH, consistent even while others are writing to it.

    SQLite's online backup copies the store as it is at one moment into a temporary file beside
    PATH, which then replaces PATH: an earlier backup there is overwritten, the store or any other
    file never (a TMX, a Trados memory: an error says so).

    \b
    Example:
      tmtool backup exports/tmtool-2024-05-01.db
    """
    store = _open_store(ctx)  # none there: "no such store", exit 2, as every command says it
    api.backup(store, path)
    click.echo(f"{api.masked_url(ctx.find_root().obj['db'])} backed up to {path}")


class _NamingFormats(click.Command):
    """A command whose help, and its options' help, name the registry's formats, so that adding a
    format is one line there: {read} those read; {memory}, {glossary} those read of each kind;
    {written_memory}, {written_glossary} those written; {multilingual} those written holding every
    language. Filled in when help is shown: other commands (tmtool lookup) import no format."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._templates = {None: self.help} | {
            param.name: param.help for param in self.params if isinstance(param, click.Option) and param.help}

    def get_short_help_str(self, limit: int = 45) -> str:
        self._fill()
        return super().get_short_help_str(limit)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._fill()
        super().format_help(ctx, formatter)

    def _fill(self) -> None:
        names = {key: ", ".join(listed) for key, listed in api.format_names().items()}
        self.help = self._templates[None].format(**names)
        for param in self.params:
            if param.name in self._templates:
                param.help = self._templates[param.name].format(**names)


@main.command("import", cls=_NamingFormats)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", help="{read}. Default: from the extension, else the content.")
@click.option("--strict", is_flag=True,
              help="Refuse the whole file if any unit or entry in it cannot be used (default: import the "
                   "rest and list those skipped).")
@click.option("--status", type=click.Choice(api.STATUSES), default="candidate", show_default=True,
              help="The status of glossary entries the file gives none (a termbase without a status column); "
                   "entries with one keep theirs.")
@click.option("--include-unconfirmed", is_flag=True,
              help="Import the units whose translation their tool has not confirmed (drafts, pre-translations) "
                   "too, each keeping its state: export --include-unconfirmed writes it as a draft again, export "
                   "leaves it out (default: left out and counted).")
@click.pass_context
def import_(ctx, file, fmt, strict, status, include_unconfirmed):
    """Import a memory ({memory}) or a glossary ({glossary}).

    Identical units or entries already stored are skipped, and so are units without a
    translation and, unless --include-unconfirmed, those whose translation is not confirmed. A
    file that is not valid (malformed XML, a wrong encoding) is refused whole and the store is
    left as it was; one of which nothing could be used fails too, saying why. In a valid file, a
    unit or entry that cannot be used (a TMX <tu> without its source <tuv>, a TBX entry without
    any term, a TSV line without a tab) is skipped and listed with its line and why; the rest is
    imported. The summary counts the units added by language pair (for a glossary: the entries
    read in each language).

    A glossary exported from this store (export --status all) and reviewed in a spreadsheet or a
    PO editor comes back to the entries still awaiting review, matched by the id the export
    wrote: their corrected terms, status, definition and note, one change (glossary revert
    undoes it). An entry reviewed in the store since is kept and listed as a conflict. An entry
    holding exactly a stored entry's terms (a client's termbase imported again once updated)
    brings its new definition and the terms it deprecates to that entry in the same way.

    \b
    Examples:
      tmtool import exports/seed.tmx
      tmtool import termbase.tbx --strict
      tmtool import nato-terms.xlsx
      tmtool import client-termbase.csv --status approved
      tmtool import returned.sdlxliff --include-unconfirmed
    """
    if fmt:
        try:
            api.check_import(fmt)
        except api.Invalid as exc:  # a misspelt format: a usage error, as export's
            raise click.UsageError(_said(exc)) from None
    store = _open_store(ctx, create=True)
    try:
        with _progress_bar(ctx, "Importing", "read") as progress:
            result = api.import_file(store, file, fmt, strict=strict, progress=progress, user=_user(ctx), status=status,
                                     include_unconfirmed=include_unconfirmed)
    except KeyboardInterrupt:
        # the import is one transaction: after a long one, say that none of it is in (a re-run imports it whole)
        _discard_new_store(ctx)
        click.echo(f"tmtool: interrupted; nothing of {file} was imported", err=True)
        ctx.exit(130)
    click.echo(_import_summary(result))
    if (failed := api.nothing_imported(result, file)) is not None:  # a file of which nothing could be used is bad input
        raise failed


_SHOWN_SKIPS = 10  # the summary is one line: the first skipped items, then how many more


def _import_summary(result: dict) -> str:
    """``18 units added (fr-FR→en-GB 15, fr-FR→de-DE 3), 2 already stored, 1 draft confirmed, 1 untranslated
    skipped, 2 not confirmed skipped, 2 skipped: x.tmx:14: no source tuv; …``"""
    counts = ", ".join(f"{languages} {count}" for languages, count in result["languages"].items())
    if result["kind"] == "units":
        repeated = f", {result['repeated']} repeated in the file" if result["repeated"] else ""
        if drafts := result.get("drafts_confirmed"):  # stored drafts the file confirmed: stored, but changed
            repeated += f", {_counted(drafts, 'draft')} confirmed"
        line = (f"{_counted(result['added'], 'unit')} added{f' ({counts})' if counts else ''}, {result['already_stored']} "
                f"already stored{repeated}, {result['without_translation']} untranslated skipped")
        line += f", {result['unconfirmed']} not confirmed skipped" if result["unconfirmed"] else ""
        line += f", {result['unconfirmed_included']} not confirmed included as drafts" \
            if result["unconfirmed_included"] else ""
    else:
        line = f"{_counted(result['added'], 'entry', 'entries')} added, {result['already_stored']} already stored"
        corrected = f", {result['corrected']} with corrected terms" if result["corrected"] else ""
        line += f" ({result['reviewed']} of them reviewed from the file{corrected})" if result["reviewed"] else ""
        line += f" (entries in {counts})" if counts else ""
    for items, said in ((result["conflicts"], ("conflict", "conflicts")), (result["skipped"], ("skipped",) * 2)):
        if items:
            shown = "; ".join(items[:_SHOWN_SKIPS])
            more = len(items) - _SHOWN_SKIPS
            line += f", {_counted(len(items), *said)}: {shown}" + (f"; … and {more} more" if more > 0 else "")
    return line


@main.command(cls=_NamingFormats)
@click.argument("fmt", metavar="[FORMAT]", required=False)
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option("--status", type=click.Choice((*api.STATUSES, "all")),
              help="Glossary entries to write. Default: approved. Entries that are not approved are "
                   "marked as such in every format.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]), help="Only what changed since DATE.")
@click.option("--srclang", help="Source language of the pair written. Default: fr.")
@click.option("--tgtlang", help="Target language of the pair written. Default: en.")
@click.option("--langs", type=click.Choice(["all"]),
              help="Every language of each unit (tmx) or entry (tbx, tbx-martif) instead of one pair.")
@click.option("--no-bom", is_flag=True,
              help="csv: no UTF-8 byte-order mark at the file's start (default: one, as Excel needs to read the "
                   "accents; programs that take it for part of the first column's name want none).")
@click.option("--include-unconfirmed", is_flag=True,
              help="Write the memory's units whose translation their tool had not confirmed (drafts, imported with "
                   "import --include-unconfirmed) too, each marked as a draft (default: left out and counted: "
                   "OmegaT and memoQ ignore the mark and would offer each as a match).")
@click.pass_context
def export(ctx, fmt, output, status, since, srclang, tgtlang, langs, no_bom, include_unconfirmed):
    """Export the memory (FORMAT {written_memory}) or the glossary ({written_glossary}).

    Without FORMAT, the extension of -o's file names it (.tbx: tbx).

    One language pair is written, French–English unless --srclang/--tgtlang say otherwise: each
    unit's texts in those languages, from its source, target or other languages (a unit lacking
    either is left out), and each entry holding a source-language term with its terms in the two.
    --langs all writes every language instead ({multilingual}; the others hold two).

    \b
    Examples:
      tmtool export tmx -o exports/memory.tmx
      tmtool export tbx -o exports/glossary.tbx
      tmtool export po --status all -o review.po
      tmtool export tmx --srclang de --tgtlang fr -o memory.de-fr.tmx
      tmtool export tbx --langs all -o glossary.tbx
      tmtool export --status all -o review.xlsx
      tmtool export csv --no-bom -o glossary.csv
    """
    if langs and (srclang or tgtlang):
        raise click.UsageError("--langs all writes every language: give no --srclang or --tgtlang with it")
    if not fmt:
        fmt = api.export_format_of(output) if output != "-" else None
        if fmt is None:
            raise click.UsageError(f"give FORMAT ({', '.join(api.format_names()['written'])}) "
                                   f"or an -o file whose extension names one")
    try:
        api.check_export(fmt, all_languages=bool(langs), out=output)
    except api.Invalid as exc:  # options that contradict each other: a usage error
        raise click.UsageError(_said(exc)) from None
    if status and fmt in api.format_names()["written_memory"]:  # a script looping over formats passes it to all: no error
        click.echo(f"tmtool: --status chooses glossary entries: {fmt} writes the memory, every unit", err=True)
    if no_bom and not api.writes_bom(fmt):  # as --status: said, not refused
        click.echo(f"tmtool: --no-bom: {fmt} is written without a byte-order mark anyway", err=True)
    pair = {"srclang": srclang or "fr", "tgtlang": tgtlang or "en"}
    statuses = None if status is None else api.STATUSES if status == "all" else (status,)
    if include_unconfirmed and fmt in api.format_names()["written_glossary"]:  # as --status: said, not refused
        click.echo(f"tmtool: --include-unconfirmed writes the memory's drafts: {fmt} writes the glossary", err=True)
    store = _open_store(ctx)
    drafts = []
    with _progress_bar(ctx, "Exporting", "written", to_stdout=output == "-") as progress:
        count = api.export(store, fmt, output, statuses=statuses, since=since, all_languages=bool(langs),
                           progress=progress, bom=not no_bom, include_unconfirmed=include_unconfirmed,
                           drafts_left_out=drafts.append, **pair)
    # on stderr: stdout may be the export itself
    click.echo(f"{api.export_counted(fmt, count)} written to {'stdout' if output == '-' else output}", err=True)
    if left_out := sum(drafts):
        them = "it, marked as a draft" if left_out == 1 else "them, marked as drafts"
        click.echo(f"note: {_counted(left_out, 'draft')} (not confirmed) left out: --include-unconfirmed writes {them}",
                   err=True)
    if count == 0 and status is None and fmt in api.format_names()["written_glossary"]:
        # an empty file after a day's ingest: a glossary not reviewed yet, not an empty one
        held = api.stats(store)
        waiting = [_counted(n, noun, plural) for noun, plural, n in (
            ("candidate", None, held["entries candidate"]),
            ("rejected entry", "rejected entries", held["entries rejected"])) if n]
        if waiting and not held["entries approved"]:
            click.echo(f"note: exports hold approved entries, and none is: the glossary holds {' and '.join(waiting)} "
                       "(--status candidate, rejected or all writes them)", err=True)
    if not langs and (left_out := api.languages_left_out(store, fmt, **pair))["languages"]:
        what = "units' texts" if left_out["kind"] == "memory" else "terms"
        every = ", --langs all every language" if left_out["multilingual"] else ""
        click.echo(f"not written: the store's {what} in {', '.join(left_out['languages'])} (--srclang/--tgtlang choose "
                   f"the pair{every})", err=True)


# ---- terminology: checks of a translation against the glossary ----


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE | SRC_FILE TGT_FILE",
                type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True)
@click.option("--srclang", help="Language of SRC_FILE (default fr-FR); a FILE's languages are read from it.")
@click.option("--tgtlang", help="Language of TGT_FILE (default en-GB).")
@click.pass_context
def check(ctx, files, fmt, srclang, tgtlang):
    """Check a translation against the store's approved glossary.

    FILE is an XLIFF, TMX or PO file (its languages are read from it); SRC_FILE TGT_FILE are a
    document and its translation (French and English unless --srclang/--tgtlang, or without them
    the files' names, say otherwise: bericht.de.docx informe.es.docx),
    aligned first as tmtool align aligns them. Each unit is reported for: an approved term of the
    source whose approved equivalent is missing from the target (missing); a deprecated term, in
    either language (deprecated); a source term translated otherwise than in the units that give
    it an approved equivalent (inconsistent); an acronym spelt out in parentheses otherwise than
    its entry's full form (acronym). Terms match by whole words, folded (case, accents, elision,
    apostrophes; French and English plurals; German, Spanish, Italian, Portuguese, Dutch, Russian, Polish,
    Czech and Romanian words by their stems), the longest where they overlap.

    Any pair the glossary holds is checked, either way round: French–English, and two languages
    some approved entry has terms in (a de→es file against the German and Spanish terms, an
    English original's French translation against the French terms).

    Exit status: 0 when nothing is found, 1 when something is, 2 for a file that cannot be read.

    \b
    Examples:
      tmtool check translated.xlf
      tmtool check memory.tmx --format csv > findings.csv
      tmtool check rapport.fr.docx report.en.docx --format json
      tmtool check bericht.de.docx informe.es.docx
    """
    if len(files) == 2:
        srclang, tgtlang = _languages_of_files(ctx, *files, srclang, tgtlang)
    try:
        store = _open_store(ctx)
        with _progress_bar(ctx, "Checking", "units") as progress:
            report = api.check(store, *files, srclang=srclang, tgtlang=tgtlang, progress=progress)
    except (TmtoolError, OSError, UnicodeError) as exc:  # exit 1 means findings here: bad input is 2
        click.echo(f"tmtool: error: {_describe_os_error(exc)}", err=True)
        ctx.exit(2)
    if report["findings"] or fmt != "text":  # a clean file is still a JSON list, a CSV header, for the script reading them
        click.echo(api.check_report(report["findings"], fmt))
    for problem in report["skipped"]:
        click.echo(f"skipped: {problem}", err=True)
    for sentence in report["unmatched"]:  # no unit holds it: the user must know what was not checked
        click.echo(f"not checked, no counterpart in the other document ({sentence['lang']}): {sentence['text']}", err=True)
    click.echo(report["summary"], err=True)  # on stderr: stdout may be the json or csv itself
    ctx.exit(1 if report["findings"] else 0)


# ---- terminology: French or English term extraction ----


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--lang", default="fr", show_default=True, help="Language of FILES: fr (French) or en (English).")
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(["tsv", "json"]), help="Default: from -o's extension, else tsv.")
@click.option("--top", type=click.IntRange(min=1),
              help="The N best-ranked terms, whatever their score (default: every term over the threshold; "
                   "English has a higher one of its own, its scores running higher).")
@click.pass_context
def extract(ctx, files, lang, output, fmt, top):
    """Rank the French (or English) terms of documents (monolingual; bilingual equivalents come with ingest).

    One row per term (an acronym is a row apart from its full form). FILES are .txt, .html, .docx,
    .odt, .pptx, .odp or .pdf documents, all in the language of --lang; a file whose name says another
    language (report.en.txt without --lang en) is refused.

    \b
    Examples:
      tmtool extract seeds/2021-07-13-partners-meeting.fr.txt --top 20
      tmtool extract seeds/2021-07-13-partners-meeting.en.txt --lang en --top 20
    """
    # a list of terms in plain text (terms.txt) is the --format asked, as before: tsv unless json is
    fmt = _format_from(None if output.lower().endswith(".txt") else output, fmt, "tsv", ("tsv", "json"))
    with _progress_bar(ctx, "Extracting", "sentences", to_stdout=output == "-") as progress:
        done = api.extract(files, output, lang=lang, fmt=fmt, top=top, progress=progress)
    # on stderr: stdout may be the list itself
    click.echo(f"{_counted(done['terms'], 'term')} from {_counted(done['sentences'], 'sentence')} of "
               f"{_counted(len(files), 'file')} written to {'stdout' if output == '-' else output}",
               err=True)


# ---- the store itself: moved between backends, checked ----


@main.group()
def db():
    """Move a whole store between SQLite and PostgreSQL; check a store's integrity.

    \b
    Examples:
      tmtool db copy tmtool.db postgresql://ana@db.example.org/terminology
      tmtool --db postgresql://ana@db.example.org/terminology db check
    """


@db.command("copy", short_help="Copy a whole store into a new one (SQLite or PostgreSQL).")
@click.argument("source")
@click.argument("target")
@click.pass_context
def db_copy(ctx, source, target):
    """Copy every document, unit, entry, change and import of the store SOURCE into TARGET, a new
    or empty store (a file path, sqlite:///path, postgresql://user@host:port/dbname or a libpq
    connection string, 'host=… dbname=…'); ids and history stay as they were.

    \b
    Examples:
      tmtool db copy tmtool.db postgresql://ana@db.example.org/terminology
      tmtool db copy tmtool.db 'host=db.example.org dbname=terminology user=ana'
      tmtool db copy postgresql://ana@db.example.org/terminology backup.db
    """
    try:
        counts = api.copy_store(source, target)
    except api.NotFound as exc:  # exit 2, as _no_store_is_usage_error; the store here is SOURCE, not --db's
        click.echo(f"tmtool: error: {_said(exc).replace('(check --db or $TMTOOL_DB)', '(check SOURCE)')}", err=True)
        ctx.exit(2)
    click.echo(f"copied {_counted(counts['documents'], 'document')}, {_counted(counts['units'], 'unit')}, "
               f"{_counted(counts['entries'], 'entry', 'entries')}, {_counted(counts['changes'], 'change')} and "
               f"{_counted(counts['imports'], 'import')} from {api.masked_url(source)} to {api.masked_url(target)}")


@db.command("check", short_help="Check the store's integrity.")
@click.pass_context
def db_check(ctx):
    """Check the store's integrity: the backend's own checks (SQLite's pages, foreign keys and
    full-text indexes; PostgreSQL's indexes), every entry with a term, every term with its look-up
    keys and those current (missing or stale ones: how many, one of them, and how to mend them), every
    recorded change with entry snapshots. Exit 1 when something is wrong.

    \b
    Example:
      tmtool --db postgresql://ana@db.example.org/terminology db check
    """
    store = _open_store(ctx)
    unchecked: list[str] = []
    problems = api.check_store(store, unchecked=unchecked)
    for note in unchecked:  # said, as no problem: what "no problem found" does not cover
        click.echo(f"tmtool: {note}", err=True)
    for problem in problems:
        click.echo(_advise(problem, *api.STORE_CHECK_COMMANDS))
    if problems:
        raise TmtoolError(f"{_counted(len(problems), 'problem')} found", path=store.url)
    click.echo(f"{store.url}: no problem found")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
