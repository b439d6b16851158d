"""The workbench: HTTP API and server-rendered pages over the library.

Handlers are thin: they parse the request, open the store for this request (one SQLite connection
per request, used by the one thread that runs the handler, as the store's concurrency rules need),
call the library and return its data — as JSON under ``/api``, through a template elsewhere.
"""

from __future__ import annotations

import logging
import re
import reprlib
import shutil
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path, PurePath
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin
from urllib.parse import quote, unquote

from fastapi import Body, Depends, FastAPI, File, Form, Header, Query, Request, UploadFile, params
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.routing import Match, Mount

from .. import api
from ..corrections import LOW_CONFIDENCE
from ..errors import Conflict, Invalid, NotFound, TmtoolError, Unavailable
from ..formats import registry
from ..langtags import RIGHT_TO_LEFT_LANGUAGES, RIGHT_TO_LEFT_SCRIPTS, base_language, direction
from ..text.normalize import unspaced, visible
from ..text.readers import DOCUMENT_EXTENSIONS
from . import schemas
from .schemas import answers
from .security import HEADERS as SECURITY_HEADERS
from .security import WRITE_METHODS, Guard, new_secret

HERE = Path(__file__).parent
MAX_UPLOAD = 50 * 1024 * 1024  # a large TMX is tens of megabytes; more is not a hand-made upload
PAGE_SIZE = 10  # review candidates shown at a time
TEXT_COUNTED = 10_000  # a review queue filtered by text counts its total this far (api.ENTRIES_COUNTED: one not)
STATUSES = Literal["candidate", "approved", "rejected"]
ORDERS = Literal["score", "frequency", "newest"]  # api.entries' orders
USAGES = Literal[api.USAGES]  # a term's usage: preferred, admitted, deprecated
# a filter of the review page's form left empty (any status, no minimum score): None, so that a wrong value is
# refused in one line ("min_score: Input should be a valid number"), not once for each type it might have been
Unfilled = BeforeValidator(lambda value: None if value == "" else value)
# what a browser is told a downloaded export is; a format not named here is plain bytes
EXPORT_MEDIA = {"tmx": "application/x-tmx+xml", "xliff": "application/xliff+xml", "tbx": "application/x-tbx+xml", "tbx-martif": "application/x-tbx+xml",
                "tsv": "text/tab-separated-values; charset=utf-8", "csv": "text/csv; charset=utf-8",
                "po": "text/x-gettext-translation; charset=utf-8",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
# the extensions an upload's name may have: its reader is chosen by them
INGEST_SUFFIXES = set(DOCUMENT_EXTENSIONS)
IMPORT_SUFFIXES = {extension for fmt in registry.FORMATS if fmt.reader for extension in fmt.extensions} | set(
    registry.SIGNED_ENDINGS)

class Error(BaseModel):
    """What every refused request gets, with a status that means it."""

    error: str  # "invalid" (400), "unauthorized" (401), "forbidden" (403), "not found" (404), "method not allowed" (405), "conflict" (409), "too large" (413), "internal" (500), "unavailable" (503)
    message: str


ERRORS = {status: {"model": Error, "description": description} for status, description in (
    (400, "Invalid input: a parameter, a body, an uploaded file"), (401, "No access token (a server given --token)"),
    (403, "A write from another origin, or without the CSRF token"), (404, "No such entry, document, unit or change"),
    (409, "The entry changed since the version sent"), (413, "The request body is over the size limit"),
    (500, "A failure of tmtool's own (a bug): the server's log has its traceback"),
    (503, "The store cannot answer now (its server refused or lost the connection, cancelled the command, its disk is"
          " full): nothing was written, the same request may succeed later"))}


SECURITY_SCHEMES = {
    "token": {"type": "http", "scheme": "bearer", "description": "The server's --token (TMTOOL_TOKEN), when it was"
              " given one: every request then carries it (a server without one asks none)"},
    "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token", "description": "Every write carries it: the"
             " csrf of GET /api/session"}}


def reviewer(request: Request, x_tmtool_user: Annotated[str | None, Header(
        max_length=300, description="Who makes the change, as the history records it (UTF-8, percent-encoded where"
                                    " not ASCII); without it, the server's --user")] = None) -> str | None:
    """Who a write is made by: the person the request names (a team sharing one server: the workbench
    sends the name its reviewer gave), else the user the server was started as."""
    sent = x_tmtool_user or ""
    try:  # a name sent as its UTF-8 bytes, not percent-encoded (curl from a terminal), read as HTTP gives Latin-1
        sent = sent.encode("latin-1").decode("utf-8")
    except UnicodeError:
        pass  # Latin-1 bytes (Python's requests sends a str so) are read as sent
    try:
        name = unquote(sent, errors="strict").strip()
    except UnicodeDecodeError:  # was a U+FFFD in the history for good
        raise Invalid("X-Tmtool-User: a name percent-encoded from its UTF-8 (B%C3%A9atrice), not from another"
                      " encoding") from None
    if name and not name.isprintable():
        raise Invalid("X-Tmtool-User: a person's name, without control characters")
    return name or request.app.state.user


By = Annotated[str | None, Depends(reviewer)]

# the library's notices given while this request is answered (None: not collected)
_NOTICES: ContextVar[tuple[list[str], str] | None] = ContextVar("tmtool_notices", default=None)


class Notices(logging.Handler):
    """The library's notices (a CSV read as Windows-1252, en-GB and en-US terms kept as en) for the answer to
    the upload that gave them: the person uploading from a browser sees no server's log."""

    def emit(self, record: logging.LogRecord) -> None:
        noticing = _NOTICES.get()
        if noticing is not None:
            said, db = noticing
            said.append(api.as_uploaded(api.notice_on_store(record, db)))


@contextmanager
def noticed(db: str) -> Iterator[list[str]]:
    """The notices given in the block (by this request: each runs in its own context), a tmtool command one
    advises said on ``db``, the store served (``api.notice_on_store``): the server's, not the browser's folder's."""
    said: list[str] = []
    token = _NOTICES.set((said, db))
    try:
        yield said
    finally:
        _NOTICES.reset(token)


async def json_bodies(request: Request) -> None:
    """A body sent to a path that reads JSON is JSON (``Content-Type: application/json``): a form's or plain
    text's was read as no body at all, so that the ``version`` it gave went unchecked (a decision from a stale
    page was made) and its other fields were dropped. Paths reading forms (the uploads) take a form: JSON sent
    there was told "file: Field required", of a file it held (its body is not read here: an upload may be large)."""
    route = request.scope.get("route")
    body = route.dependant.body_params if hasattr(route, "dependant") else []
    if not body:
        return
    media = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if any(isinstance(param.field_info, params.Form) for param in body):
        if media and media not in ("multipart/form-data", "application/x-www-form-urlencoded"):
            raise Invalid(f"body: a form is expected, sent as Content-Type: multipart/form-data with the files as its"
                          f" fields, not {media}")
        return
    if not await request.body():
        return
    if media and media != "application/json" and not (media.startswith("application/") and media.endswith("+json")):
        raise Invalid(f"body: JSON is expected, sent as Content-Type: application/json, not {media}")
    try:
        sent = await request.json()
    except ValueError:
        return  # FastAPI says where it stops being JSON
    if not isinstance(sent, dict):  # [3] was "version: Field required", of a version that is optional
        kind = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}.get(type(sent), "a number")
        raise Invalid(f'body: a JSON object ({{"version": 3}}), not {kind}')
    # the fields of a body read field by field (a model's forbids others itself): one misspelt was passed over,
    # so that {"verison": 3} approved an entry without checking the version
    if len(body) > 1 or getattr(body[0].field_info, "embed", False):
        known = sorted(param.alias for param in body)
        unknown = [name for name in sent if name not in known]
        if unknown:
            raise Invalid(f"body: no field {unknown[0]!r} here (the fields: {', '.join(known)})")


async def single_values(request: Request) -> None:
    """A query parameter an API path takes once, given more than once (``q=mines&q=chasseur``, ``limit=5&limit=50``):
    the last was read alone, the others dropped without a word. ``status`` of /api/entries takes several. And one
    the path does not take (``staus=candidate``, /api/search's ``min_score`` before it took one) was passed over as a misspelt
    JSON field is not (:func:`json_bodies`): every entry listed, every match above the default answered."""
    route = request.scope.get("route")
    if not request.url.path.startswith("/api/") or not hasattr(route, "dependant"):
        return
    given = Counter(name for name, _ in request.query_params.multi_items())
    taken = _query_params(route.dependant)
    if unknown := [name for name in given if name not in {param.alias for param in taken}]:
        names = ", ".join(sorted(param.alias for param in taken)) or "none"
        raise Invalid(f"{unknown[0]}: no such parameter of {request.url.path} (its parameters: {names})")
    for param in taken:
        if given[param.alias] > 1 and not _several(param.field_info.annotation):
            raise Invalid(f"{param.alias}: given {given[param.alias]} times, and {request.url.path} takes one")


def _query_params(dependant) -> list:
    """The query parameters a route reads, its dependencies' too."""
    return [*dependant.query_params, *(param for needed in dependant.dependencies for param in _query_params(needed))]


def _several(annotation) -> bool:
    """Whether a parameter's type takes several values (``list[str] | None``)."""
    return get_origin(annotation) in (list, tuple, set) or (
        get_origin(annotation) in (Union, UnionType) and any(map(_several, get_args(annotation))))


def _no_boolean(value):
    """JSON's true and false are no numbers: read as 1 and 0, ``"into": true`` merged an entry into entry 1 and
    ``"version": true`` checked it against version 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a whole number, not {value}",
                                  {"value": str(value).lower()})
    return value


# a number a JSON body gives (an id, a version, a position): a number or its text, not true or false
Whole = Annotated[int, BeforeValidator(_no_boolean)]
# the version of the entry as read, which a decision is made against (changed since: 409)
Version = Annotated[Whole | None, Body(embed=True, description="the entry's version as read; changed since: 409")]
# the language of the term an action names, for a term written alike in two (*radar*, French and English)
TermLanguage = Annotated[str | None, Body(embed=True, max_length=35,
                                          description="the term's language, for a term written alike in two (radar)")]


class EntryEdit(BaseModel):
    """``PATCH /api/entries/{id}``: the version read, and what to change (as ``tmtool glossary edit``)."""

    model_config = ConfigDict(extra="forbid")
    version: Whole
    fr: str | None = None
    en: str | None = None
    terms: dict[str, str] = {}  # by language tag: replace its first term (or add one), {"de": "Militärausschuss"}
    add_fr: list[str] = []
    add_en: list[str] = []
    add_terms: dict[str, list[str]] = {}  # by language tag: terms to add, {"de": ["MA"]}
    drop: list[str] = []
    drop_terms: dict[str, list[str]] = {}  # by language tag, for a term written alike in two: {"en": ["radar"]}
    definition: str | None = None
    note: str | None = None
    status: STATUSES | None = None
    genders: dict[str, str] = {}  # by language tag: its first term's gender, {"fr": "masculine"}
    parts_of_speech: dict[str, str] = {}  # by language tag: its first term's, {"en": "properNoun"}


class Split(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source_at: Whole
    target_at: Whole


class Move(BaseModel):
    model_config = ConfigDict(extra="forbid")
    side: Literal["source", "target"]
    direction: Literal["up", "down"]
    neighbour: Whole | None = None  # the unit the sentence goes to, as the page showed it: another there now is a 409


# the unit a correction takes in beside the one named, as the page showed it: another there now is a 409
Neighbour = Annotated[Whole | None, Body(embed=True, description="the id of the unit beside it (next, for a merge) as"
                                                                " the person saw it; another there now: 409")]


def create_app(db: str, *, token: str | None = None, hosts: set[str] | None = None,
               max_upload: int = MAX_UPLOAD, user: str | None = None, csrf: str | None = None) -> FastAPI:
    """The workbench over the store at ``db``. ``hosts``: the host names requests may use (default:
    the loopback names); ``token``: required of every request when set; ``user``: who the
    glossary's history records as making the changes; ``csrf``: the token writes carry (default:
    a new one; the worker processes of one server share theirs)."""
    app = FastAPI(title="tmtool workbench", version="1", docs_url=None, redoc_url=None, responses=ERRORS,
                  dependencies=[Depends(json_bodies), Depends(single_values)],
                  description="French–English translation memory and terminology: look-up, review, documents.")
    csrf = csrf or new_secret()
    # the store as a command advised to the browser names it: typed in the reader's own folder, not the server's
    advised_db = api.named_from_anywhere(db)
    notices = logging.getLogger("tmtool")
    if not any(isinstance(handler, Notices) for handler in notices.handlers):
        notices.addHandler(Notices())
    if not notices.isEnabledFor(logging.INFO):  # `tmtool -q serve` prints none; an upload's answer says them
        notices.setLevel(logging.INFO)
    app.state.user = user  # whom the history names when a request names no reviewer
    app.add_middleware(HeadAsGet)
    app.add_middleware(EmptyIsDefault)
    app.add_middleware(Guard, hosts=hosts or {"127.0.0.1", "localhost", "::1"}, token=token, csrf=csrf,
                       max_body=max_upload, served=lambda scope: served(app, scope))
    templates = Jinja2Templates(directory=HERE / "templates")  # .html: autoescaped
    templates.env.globals["csrf"] = csrf
    templates.env.globals["user"] = user  # whom the history names when a reviewer gives no name
    templates.env.filters["marked"] = marked
    templates.env.filters["spellings"] = lambda terms: [text for t in terms for text in (t["text"], *t["forms"])]
    templates.env.filters["url"] = lambda value: quote(str(value), safe="")
    templates.env.filters["basename"] = lambda path: PurePath(path).name
    templates.env.filters["direction"] = direction  # dir="rtl" for Arabic, Hebrew, Persian, Urdu …
    templates.env.globals["right_to_left"] = " ".join(sorted(RIGHT_TO_LEFT_LANGUAGES | RIGHT_TO_LEFT_SCRIPTS))
    # an entry's languages on a review card: the two side by side first (French and English, or those it has)
    # an entry's contexts, each with its sentence's language (its own, then its terms' in other languages)
    templates.env.filters["contexts"] = api.labelled_contexts
    templates.env.filters["found"] = found_line
    templates.env.filters["languages"] = lambda entry: list(dict.fromkeys(
        [*api.shown_languages(entry), *(term["lang"] for term in entry["terms"])]))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def store():
        """This request's own connection to the store (a context manager that closes it). One that cannot be
        opened any more (moved, deleted or overwritten since the server started on it) is the server's trouble:
        a 503, not a 404 or a 400 telling the client to check the server's --db."""
        try:
            return api.open_store(db)
        except Unavailable:
            raise
        except TmtoolError as exc:
            why = ("it is no longer there (moved or deleted since the server started)" if isinstance(exc, NotFound)
                   else exc.message.removeprefix("cannot open store: "))
            raise Unavailable(f"the workbench cannot open its store now: {why}", path=exc.path) from None

    app.state.left_counts = left = LeftCounts(store)

    @contextmanager
    def reading():
        """``store()`` for a request that reads: the counts a killed process left queued are started in the
        background (a reader saw its approvals' frequencies short until the next change), never waited for."""
        with store() as s:
            left.made(s)
            yield s

    def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"status": status, **context}, status_code=status)

    described = app.openapi

    def openapi() -> dict:
        """The document FastAPI writes, less the 422 it lists everywhere: invalid input is a 400 here."""
        schema = described()
        # what the Guard asks of a request, said where a client generated from the document reads it: the access
        # token of a server given one, and on a write the CSRF token (a client that knew neither was 401 or 403)
        schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                operation["responses"].pop("422", None)
                operation["security"] = [{"csrf": []}, {"csrf": [], "token": []}] if method.upper() in WRITE_METHODS \
                    else [{}, {"token": []}]
        return schema

    app.openapi = openapi

    # ---- errors: JSON under /api, a page elsewhere ------------------------------------------

    def error(request: Request, status: int, kind: str, message: str):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": kind, "message": message}, status_code=status)
        return page(request, "error.html", status, message=message)

    @app.exception_handler(TmtoolError)
    async def library_error(request: Request, exc: TmtoolError):
        status, kind = next(((status, kind) for cls, status, kind in (
            (NotFound, 404, "not found"), (Conflict, 409, "conflict"), (Unavailable, 503, "unavailable"))
            if isinstance(exc, cls)), (400, "invalid"))
        # a command it advises, on the store served
        return error(request, status, kind, api.error_on_store(exc, advised_db))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # a failure of tmtool's own (a bug): JSON as every other error (it was Starlette's plain text "Internal Server
        # Error", which a client reading the body as JSON failed on); the server's log has its traceback
        response = error(request, 500, "internal", f"tmtool failed ({type(exc).__name__}): the server's log says where")
        # sent by Starlette's outermost middleware, past the Guard that gives every other response its headers
        response.headers.update({name.decode(): value.decode() for name, value in SECURITY_HEADERS})
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(dict.fromkeys(map(problem, exc.errors())))  # a value sent twice, said once
        return error(request, 400, "invalid", problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        kind = {400: "invalid", 404: "not found", 405: "method not allowed"}.get(exc.status_code, "error")
        headers, message = dict(exc.headers or {}), str(exc.detail)
        if exc.status_code == 400 and exc.__cause__ is not None:  # FastAPI's "There was an error parsing the body"
            message = unreadable(exc.__cause__)
        elif exc.status_code == 400 and isinstance(exc.__context__, MultiPartException):  # "Invalid multipart data."
            message = f"body: not a multipart/form-data form that can be read ({message.rstrip('.')})"
        if exc.status_code == 404 and message == "Not Found":  # no route: the path itself is unknown
            message = (f"no path {request.url.path} here (the API's paths: /openapi.json)"
                       if request.url.path.startswith("/api/") else f"no page {request.url.path} here")
        if exc.status_code == 405:  # Allow: every method the path answers (Starlette names its first route's)
            allowed = allowed_methods(app, request.scope) or headers.get("Allow", "").split(", ")
            headers["Allow"] = ", ".join(allowed)
            message = f"{request.method} is not answered at {request.url.path} (answered: {headers['Allow']})"
        response = error(request, exc.status_code, kind, message)
        response.headers.update(headers)
        return response

    # ---- API: reading ------------------------------------------------------------------------

    @app.get("/api/session", tags=["session"], **answers(schemas.Session))
    def session() -> dict:
        """The CSRF token every write sends in ``X-CSRF-Token``."""
        return {"csrf": csrf}

    @app.get("/api/lookup", tags=["look-up"], **answers(schemas.Lookup))
    def api_lookup(q: Annotated[str, Query(max_length=500)], limit: Annotated[int, Query(ge=1, le=100)] = 10,
                   lang: Annotated[str, Query(max_length=35)] = "auto") -> dict:
        """Glossary entries holding ``q`` in ``lang`` (a language tag; auto: any language), each with its
        ``labelled_contexts`` (its contexts and its terms' own, as its page shows them, each with the ``lang`` of
        its first sentence), then the memory's units holding it; when none does and ``q`` has three words or
        more (six characters of Chinese or Japanese), ``matches``: the memory's fuzzy matches (as /api/search)."""
        with reading() as s:
            return lookup(s, q, limit, lang)

    @app.get("/api/search", tags=["memory"], **answers(schemas.Matches))
    def api_search(q: Annotated[str, Query(max_length=5000)],  # an empty q is refused in api.search's words
                   min_score: Annotated[float | None, Query(ge=1, le=100, description=(
                       "the lowest score answered, in % (default 70), as /api/entries and tmtool.api.search name"
                       " it"))] = None,
                   min: Annotated[float | None, Query(ge=1, le=100, deprecated=True, description=(
                       "min_score's first name, still read"))] = None,
                   limit: Annotated[int, Query(ge=1, le=100)] = 10,
                   lang: Annotated[str, Query(max_length=35)] = "auto") -> dict:
        """Fuzzy matches of ``q`` among the memory's texts in ``lang`` (a language tag; auto: every
        language of every unit), scored in % as CAT tools do; each says which side matched (``variant``:
        one of the unit's other languages, its source the translation)."""
        if min is not None and min_score is not None:  # the two names of one filter: which was meant is unknown
            raise Invalid("give min_score, or min (its first name), not both")
        with reading() as s:
            return {"matches": api.search(s, q, min_score=next((v for v in (min_score, min) if v is not None), 70),
                                          limit=limit, lang=lang)}

    @app.get("/api/concordance", tags=["memory"], **answers(schemas.Concordance))
    def api_concordance(q: Annotated[str, Query(max_length=500)],  # an empty q is refused in api.concordance's words
                        limit: Annotated[int, Query(ge=1, le=100)] = 20,
                        lang: Annotated[str, Query(max_length=35)] = "auto") -> dict:
        """Units whose source or target holds ``q`` (whole words, accent-insensitive); with ``lang``,
        the side in that language only."""
        with reading() as s:
            return {"units": api.concordance(s, q, limit=limit, lang=lang)}

    @app.get("/api/entries", tags=["glossary"], **answers(schemas.EntriesPage))
    def api_entries(status: Annotated[list[STATUSES] | None, Query(description=(
                        "the statuses of the entries listed, one or several (status=approved&status=candidate);"
                        " none: every status"))] = None,
                    q: Annotated[str | None, Query(max_length=500)] = None,
                    min_score: float | None = None, document: str | None = None,
                    offset: Annotated[int, Query(ge=0)] = 0, limit: Annotated[int, Query(ge=1, le=500)] = 20,
                    order: ORDERS = "score", after: Annotated[str | None, Query(max_length=200, description=(
                        "the next of the page before: the entries after its last one (offset then counts from"
                        " there), so that entries added or decided between two pages neither skip nor repeat"
                        " one"))] = None,
                    before: Annotated[str | None, Query(max_length=200, description=(
                        "the previous of the page after: the limit entries before its first one, in the same"
                        " order"))] = None,
                    lang: Annotated[str | None, Query(max_length=35, description=(
                        "a language tag: the entries holding a term in that language"))] = None) -> dict:
        """A page of glossary entries, filtered, best score first (``order`` frequency: the most frequent
        first; newest: the latest added first); ``more``: another page follows, from ``next`` (a cursor for
        ``after``; null on the last page); ``previous``: a cursor for ``before`` when entries come before
        this page's first (null on the first page)."""
        with reading() as s:
            # an empty document= is no filter, as an empty q= is (not the entries of a document named "")
            return entries_page(s, status=status, q=q, min_score=min_score, document=document or None, offset=offset,
                                limit=limit, order=order, after=after, before=before, lang=lang or None)

    # (before /api/entries/{entry_id}, which would take "versions" for an id and refuse it)
    @app.get("/api/entries/versions", tags=["glossary"], **answers(schemas.EntryVersions))
    def api_entry_versions(id: Annotated[list[int], Query(max_length=100, description=(
            "the entries asked about, one or several (id=12&id=15), at most 100"))]) -> dict:
        """Where each entry stands now (``version``, ``status``, ``by``: who made its last change; ``gone``,
        ``into`` for one merged away or removed): what a page showing them polls, to tell its reader what someone
        else decided meanwhile. Cheap: no contexts' sentences sent."""
        with reading() as s:
            return {"entries": api.entry_versions(s, id)}

    @app.get("/api/entries/count", tags=["glossary"], **answers(schemas.EntriesCount))
    def api_entries_count(status: Annotated[list[STATUSES] | None, Query(description=(
                              "the statuses counted, one or several; none: every status"))] = None,
                          q: Annotated[str | None, Query(max_length=500)] = None, min_score: float | None = None,
                          document: str | None = None,
                          lang: Annotated[str | None, Query(max_length=35)] = None) -> dict:
        """How many entries /api/entries lists for these filters, all its pages: ``total``, counted up to a bound
        (``capped`` true: at least that many), as the review queue says it."""
        cap = TEXT_COUNTED if q else api.ENTRIES_COUNTED
        with reading() as s:
            total = api.count_entries(s, statuses=status or [], text=q or None, min_score=min_score,
                                      document=document or None, lang=lang or None, cap=cap)
        return {"total": total, "capped": total >= cap}

    @app.get("/api/entries/{entry_id}", tags=["glossary"], **answers(schemas.EntryWithHistory))
    def api_entry(entry_id: int) -> dict:
        """One entry with its terms, contexts, version and history."""
        with reading() as s:
            return entry_with_history(s, entry_id)

    @app.get("/api/documents", tags=["documents"], **answers(schemas.Documents))
    def api_documents() -> dict:
        """The ingested documents and the imported files."""
        with reading() as s:
            return {"documents": api.documents(s), "imports": api.imports(s)}

    @app.get("/api/documents/{document_id:path}/units", tags=["documents"], **answers(schemas.DocumentView))
    def api_units(document_id: str) -> dict:
        """A document's units in order, with bead type, confidence, sentences, and its corrections."""
        with reading() as s:
            return document_view(s, document_id)

    @app.get("/api/documents/{document_id:path}/check", tags=["documents"], **answers(schemas.CheckReport))
    def api_check(document_id: str) -> dict:
        """The terminology check of a document's units against the approved glossary (as ``tmtool check``)."""
        with reading() as s:
            return api.check_document(s, document_id)

    @app.get("/api/stats", tags=["store"], **answers(schemas.Stats))
    def api_stats() -> dict:
        with reading() as s:
            return api.stats(s)

    @app.get("/api/export/{fmt}", tags=["store"], response_class=Response,
             responses={200: {"content": {media: {} for media in set(EXPORT_MEDIA.values())}}})
    def api_export(fmt: str, status: Literal["approved", "candidate", "rejected", "all"] | None = None,
                   srclang: Annotated[str, Query(max_length=35)] = "fr",
                   tgtlang: Annotated[str, Query(max_length=35)] = "en", langs: Literal["all"] | None = None,
                   include_unconfirmed: bool = False) -> Response:
        """The memory (``tmx``, ``xliff``) or the glossary (``tbx``, ``tbx-martif``, ``tsv``, ``csv``, ``po``, ``xlsx``) as a file:
        the pair ``srclang`` → ``tgtlang``, or with ``langs=all`` every language (tmx, tbx, tbx-martif), as
        ``tmtool export`` writes it; ``include_unconfirmed``: the memory's drafts (units not confirmed) too, marked
        as drafts, as ``tmtool export --include-unconfirmed`` (by default left out: the header
        ``X-Drafts-Left-Out`` says how many)."""
        statuses = None if status is None else list(api.STATUSES) if status == "all" else [status]
        written = registry.get(fmt, writing=True)
        extension = written.downloaded_as or (written.extensions or registry.get(written.read_as).extensions)[0]  # tbx-martif: .tbx
        name = ("memory" if written.kind == registry.MEMORY else "glossary") + extension
        # written to a file as the CLI writes it, sent from there a chunk at a time, then removed
        folder = Path(tempfile.mkdtemp(prefix="tmtool-export-"))
        drafts = []
        try:
            with reading() as s:
                api.export(s, fmt, folder / name, statuses=statuses, srclang=srclang, tgtlang=tgtlang,
                           all_languages=langs == "all", include_unconfirmed=include_unconfirmed,
                           drafts_left_out=drafts.append)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(folder / name, media_type=EXPORT_MEDIA.get(fmt, "application/octet-stream"),
                            headers={"content-disposition": f'attachment; filename="{name}"',
                                     **({"x-drafts-left-out": str(sum(drafts))} if sum(drafts) else {})},
                            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))

    # ---- API: writing (every one checked by Guard: same origin, CSRF token) ------------------

    @app.post("/api/entries/{entry_id}/approve", tags=["glossary"], **answers(schemas.Decision))
    def api_approve(entry_id: int, by: By, version: Version = None) -> dict:
        """Approve an entry; with the ``version`` read, a changed entry is a 409. ``change``: null when
        it was approved already (nothing changed)."""
        with store() as s:
            changes = api.approve(s, [entry_id], expected_version=version, user=by)
            return {"change": changes[0] if changes else None, "entry": api.entry(s, entry_id)}

    @app.post("/api/entries/{entry_id}/reject", tags=["glossary"], **answers(schemas.Decision))
    def api_reject(entry_id: int, by: By, version: Version = None) -> dict:
        """Reject an entry; with the ``version`` read, a changed entry is a 409. ``change``: null when
        it was rejected already."""
        with store() as s:
            changes = api.reject(s, [entry_id], expected_version=version, user=by)
            return {"change": changes[0] if changes else None, "entry": api.entry(s, entry_id)}

    @app.patch("/api/entries/{entry_id}", tags=["glossary"], **answers(schemas.Decision))
    def api_edit(entry_id: int, edit: EntryEdit, by: By) -> dict:
        """Edit an entry; a stale ``version`` (the entry changed since it was read) is a 409. An edit that
        changes nothing answers the entry as it is, ``change`` null, its version the same."""
        fields = edit.model_dump(exclude={"version"}, exclude_unset=True)
        with store() as s:
            return api.edit(s, entry_id, expected_version=edit.version, user=by, **fields)

    @app.post("/api/entries/{entry_id}/deprecate", tags=["glossary"], **answers(schemas.Decision))
    def api_deprecate(entry_id: int, term: Annotated[str, Body(embed=True)], by: By,
                      version: Version = None, lang: TermLanguage = None) -> dict:
        """Mark one of the entry's terms deprecated (``change`` null when it was already); with the
        ``version`` read, a changed entry is a 409."""
        with store() as s:
            return {"change": api.deprecate(s, entry_id, term, lang=lang, expected_version=version, user=by),
                    "entry": api.entry(s, entry_id)}

    @app.post("/api/entries/{entry_id}/usage", tags=["glossary"], **answers(schemas.Decision))
    def api_usage(entry_id: int, term: Annotated[str, Body(embed=True)],
                  usage: Annotated[USAGES, Body(embed=True)], by: By,
                  version: Version = None, lang: TermLanguage = None) -> dict:
        """Set one of the entry's terms preferred, admitted or deprecated (``change`` null when it was
        already); with the ``version`` read, a changed entry is a 409."""
        with store() as s:
            return {"change": api.set_usage(s, entry_id, term, usage, lang=lang, expected_version=version, user=by),
                    "entry": api.entry(s, entry_id)}

    @app.post("/api/entries/{entry_id}/merge", tags=["glossary"], **answers(schemas.Decision))
    def api_merge(entry_id: int, into: Annotated[Whole, Body(embed=True)], by: By,
                  version: Version = None) -> dict:
        """Merge this entry into entry ``into``; with the ``version`` read (of this entry), a changed entry is a 409."""
        with store() as s:
            change = api.merge(s, entry_id, into, expected_version=version, user=by)
            return {"change": change, "entry": api.entry(s, into)}

    @app.post("/api/changes/{change_id}/revert", tags=["glossary"], **answers(schemas.Reverted))
    def api_revert(change_id: int, by: By) -> dict:
        """Undo a recorded change (the review queue's undo)."""
        with store() as s:
            return {"change": api.revert(s, change_id, user=by)}

    @app.post("/api/documents/{document_id:path}/units/{unit_id}/merge", tags=["documents"], **answers(schemas.DocumentView))
    def api_unit_merge(document_id: str, unit_id: int, by: By, neighbour: Neighbour = None) -> dict:
        """Merge a unit with the next one (``neighbour``: its id, as the page showed it). Every correction
        records who made it (``X-Tmtool-User``, else the server's ``--user``), as the glossary's history does."""
        with store() as s:
            api.merge_units(s, document_id, unit_id, neighbour=neighbour, user=by)
            return document_view(s, document_id)

    @app.post("/api/documents/{document_id:path}/units/{unit_id}/split", tags=["documents"], **answers(schemas.DocumentView))
    def api_unit_split(document_id: str, unit_id: int, split: Split, by: By) -> dict:
        """Split a unit after ``source_at`` source and ``target_at`` target sentences."""
        with store() as s:
            api.split_unit(s, document_id, unit_id, split.source_at, split.target_at, user=by)
            return document_view(s, document_id)

    @app.post("/api/documents/{document_id:path}/units/{unit_id}/move", tags=["documents"], **answers(schemas.DocumentView))
    def api_unit_move(document_id: str, unit_id: int, move: Move, by: By) -> dict:
        """Move a unit's last (down) or first (up) sentence of one side to the neighbouring unit."""
        with store() as s:
            api.move_sentence(s, document_id, unit_id, move.side, move.direction, neighbour=move.neighbour, user=by)
            return document_view(s, document_id)

    @app.post("/api/documents/{document_id:path}/units/{unit_id}/exclude", tags=["documents"], **answers(schemas.DocumentView))
    def api_unit_exclude(document_id: str, unit_id: int, by: By,
                         excluded: Annotated[bool, Body(embed=True)] = True) -> dict:
        """Exclude a unit from exports (``excluded: false`` includes it again)."""
        with store() as s:
            api.exclude_unit(s, document_id, unit_id, excluded, user=by)
            return document_view(s, document_id)

    @app.post("/api/documents/{document_id:path}/corrections/undo", tags=["documents"], **answers(schemas.Undone))
    def api_undo_correction(document_id: str, last: Annotated[Whole | None, Body(
            embed=True, description="the id of the last correction as the person saw it; another made since: 409")] = None
                            ) -> dict:
        """Undo the document's last correction (the units it replaced come back as they were);
        ``undone``: that correction, as ``corrections`` lists it."""
        with store() as s:
            undone = api.undo_correction(s, document_id, last=last)
            return {**document_view(s, document_id), "undone": undone}

    @app.post("/api/documents/{document_id:path}/reextract", tags=["documents"], **answers(schemas.Reextracted))
    def api_reextract(document_id: str, by: By) -> dict:
        """Extract the document's terms again with this release, from its units as stored (as ``tmtool
        glossary reextract DOCUMENT``): what was done, as ``reextract`` gives it for one document."""
        with store() as s:
            return api.reextract(s, [document_id], user=by)["documents"][0]

    @app.post("/api/ingest", tags=["documents"], **answers(schemas.Ingested))
    def api_ingest(fr_file: Annotated[UploadFile, File()], en_file: Annotated[UploadFile, File()],
                   doc_id: Annotated[str | None, Form(max_length=200)] = None,
                   original: Annotated[Literal["fr", "en"], Form()] = "fr",
                   srclang: Annotated[str | None, Form(max_length=35)] = None,
                   tgtlang: Annotated[str | None, Form(max_length=35)] = None) -> dict:
        """Align an uploaded French document with its English version and store it (as ``tmtool ingest``);
        ``original`` "en": the English is the original and the French its translation (``--srclang en
        --tgtlang fr``). Another pair: ``srclang`` and ``tgtlang`` (de, fr) name the languages of
        ``fr_file`` (the original) and ``en_file`` (its translation), as ``--srclang``/``--tgtlang`` do.
        ``notices``: what reading the files said, a line each, as the command line says it on stderr (a text
        file read as Windows-1252)."""
        fr, en = upload(fr_file, INGEST_SUFFIXES), upload(en_file, INGEST_SUFFIXES)
        if srclang or tgtlang:
            if not (srclang and tgtlang) or original != "fr":
                raise Invalid("give srclang and tgtlang together, for a pair named by them (original is for French–English)")
            pair = (fr, en, srclang, tgtlang)
        else:  # an English original is the pair's source, its French translation the target
            pair = (en, fr, "en-GB", "fr-FR") if original == "en" else (fr, en, "fr-FR", "en-GB")
        with store() as s, noticed(advised_db) as said:
            done = api.ingest(s, pair[0], pair[1], document_id=doc_id or None, srclang=pair[2], tgtlang=pair[3])
        return {**done, "notices": said}

    @app.post("/api/import", tags=["documents"], **answers(schemas.Imported))
    def api_import(file: Annotated[UploadFile, File()], by: By,
                   format: Annotated[str | None, Form(max_length=20)] = None,
                   status: Annotated[STATUSES, Form()] = "candidate",
                   include_unconfirmed: Annotated[bool, Form()] = False) -> dict:
        """Import an uploaded memory (tmx, xliff) or glossary (tbx, po, csv, tsv, xlsx), as ``tmtool import``;
        ``status``: that of the glossary entries the file gives none; ``include_unconfirmed``: the units not
        confirmed (drafts) too, as ``tmtool import --include-unconfirmed``; ``notices``: what reading the file said, a
        line each, as the command line says it on stderr (a CSV read as Windows-1252, regional tags kept as their
        language)."""
        with store() as s, noticed(advised_db) as said:
            done = api.import_file(s, upload(file, IMPORT_SUFFIXES, required=False), format or None, user=by,
                                   status=status, include_unconfirmed=include_unconfirmed)
        if (failed := api.nothing_imported(done, file.filename)) is not None:  # bad input, as `tmtool import` has it
            raise failed
        return {**done, "notices": said}

    # ---- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def lookup_page(request: Request, q: Annotated[str, Query(max_length=500)] = ""):
        with reading() as s:
            found = lookup(s, q, 10) if visible(q).strip() else None  # the box left empty asks nothing
        return page(request, "lookup.html", q=q, found=found)

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_page(request: Request, status: Annotated[STATUSES | None, Unfilled] = "candidate",
                    q: Annotated[str, Query(max_length=500)] = "", min_score: Annotated[float | None, Unfilled] = None,
                    document: str = "", offset: Annotated[int, Query(ge=0)] = 0, order: ORDERS = "score",
                    after: Annotated[str | None, Query(max_length=200)] = None,
                    before: Annotated[str | None, Query(max_length=200)] = None,
                    lang: Annotated[str, Query(max_length=35)] = ""):
        # the filter form and the page links send every field: an empty score box is no minimum. The next
        # page's link gives the cursor of this page's last entry (after=), the previous page's that of its
        # first (before=): entries ingested, or decided here, meanwhile neither skip nor repeat one either way;
        # the offset then only counts the entries shown before
        chosen = {"status": status, "q": q, "min_score": min_score, "document": document or None, "order": order,
                  "limit": PAGE_SIZE, "lang": lang or None}
        with reading() as s:
            listed = entries_page(s, **chosen, offset=0 if after or before else offset, after=after or None,
                                  before=before or None)
            if before and not listed["entries"]:  # every entry before it decided meanwhile: the queue's start
                listed = entries_page(s, **chosen, offset=0)
            # a page with none before it is the first, whatever was counted on the way back
            listed["offset"] = offset if listed["previous"] else 0
            # how many the filters hold in all, the pages after this one too: "Entries 1–50" alone left a terminologist
            # not knowing how much was left. One count of the entries, bounded (api.ENTRIES_COUNTED), made as the page
            # is read: never the approved counts left queued, which no read waits for (LeftCounts)
            # a text's count reads each entry holding it: on PostgreSQL, "e" in a glossary of 100,000 took 0.7-1.1 s
            # counted to 100,000, where its page took 0.24 s; counted to 10,000, 0.12 s
            counted = TEXT_COUNTED if q else api.ENTRIES_COUNTED
            filtered = {"statuses": [status] if status else [], "text": q or None, "min_score": min_score,
                        "document": document or None, "lang": lang or None, "cap": counted}
            listed["total"] = api.count_entries(s, **filtered)
            # the offset a link carried counts the entries before as they were: some decided since elsewhere, a middle
            # page said "Entries 11–20" of a queue where its first was the eighth, the last "Entries 41–42 of 32". The
            # entries before the page's first are counted (bounded as the total is): its numbers are exact, or, past
            # the bound, the link's offset said as "about"
            listed["exact"] = True
            if listed["entries"] and listed["previous"]:
                before = api.count_entries(s, **filtered, order=order,
                                           before=api.entries_cursor(listed["entries"][0], order))
                listed["exact"] = before < counted
                if listed["exact"]:
                    listed["offset"] = before
            documents = [d["id"] for d in api.documents(s)]
            # the language filtered by as its box names it (de-DE, DE: de), one no term is in yet (es) among them: the
            # box said "any" over a queue filtered, and the next Filter dropped the language unsaid
            lang = base_language(lang) if lang else ""
            languages = sorted({*api.term_languages(s), *([lang] if lang else [])})
        return page(request, "review.html", listed=listed, documents=documents, languages=languages,
                    page_size=PAGE_SIZE, counted=counted,
                    filters={"status": status or "", "q": q, "lang": lang, "order": order,
                             "min_score": "" if min_score is None else min_score, "document": document})

    @app.get("/entries/{entry_id}", response_class=HTMLResponse, include_in_schema=False)
    def entry_page(request: Request, entry_id: int):
        with reading() as s:
            try:
                entry = entry_with_history(s, entry_id)
            except NotFound as gone:  # merged away: a link on to the entry it went into (a bookmark, another tab)
                into = api.merged_into(s, entry_id)
                if into is None:
                    raise
                return page(request, "error.html", 404, message=api.error_on_store(gone, advised_db), into=into)
        return page(request, "entry.html", entry=entry)

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request):
        with reading() as s:
            listed = {"documents": api.documents(s), "imports": api.imports(s)}
        return page(request, "documents.html", listed=listed)

    @app.get("/documents/{document_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: str):
        with reading() as s:
            view = document_view(s, document_id)
            report = api.check_document(s, document_id)
        flagged: dict[str, list[dict]] = {}
        for finding in report["findings"]:
            flagged.setdefault(finding["unit_id"], []).append(finding)
        return page(request, "document.html", view=view, low=LOW_CONFIDENCE, report=report, flagged=flagged)

    @app.get("/export", response_class=HTMLResponse, include_in_schema=False)
    def export_page(request: Request):
        with reading() as s:
            stats = api.stats(s)
        formats = api.format_names()
        return page(request, "export.html", stats=stats, formats=formats["written"], multilingual=formats["multilingual"],
                    memory=formats["written_memory"])

    return app


class LeftCounts:
    """The approved counts a process left queued (killed as it counted a change, or its count timed out on the
    write lock), made for the workbench's readers: ``tmtool serve`` makes them as it starts, its own changes once
    each commits, but those another process leaves while it serves waited for the next change, the frequencies
    shown short meanwhile. A read asks whether any is queued (one query of a table that is empty but after a
    change); when one is, a thread of its own counts them, on its own connection, and no read waits for it: each is
    answered as the store stands (a read that waited two seconds for a count, a look-up as one types or the first
    page opened, felt the workbench hang), those after it show it counted.
    A store that cannot be counted now (locked past its timeout, read-only) is tried again ``RETRY_S`` later."""

    RETRY_S = 30.0

    def __init__(self, store):
        self.store = store  # opens a connection of the thread's own
        self.lock = threading.Lock()
        self.idle = threading.Event()
        self.idle.set()
        self.failed_at: float | None = None

    def made(self, store) -> None:
        """Start making the counts left queued, when any is and none is under way (``store``: the read's
        connection), without waiting for them."""
        if not api.counts_left(store):
            return
        with self.lock:
            # a count under way (a long one, or another process's as it counts its change: the queue is not empty
            # until it is done), or one refused a moment ago: none started
            if not self.idle.is_set() or (self.failed_at is not None
                                          and time.monotonic() - self.failed_at < self.RETRY_S):
                return
            self.idle.clear()
            threading.Thread(target=self.count, name="tmtool-count-left", daemon=True).start()

    def count(self) -> None:
        try:
            with self.store() as s:
                api.count_left(s)  # a store locked or read-only: told in the log, left queued
                self.failed_at = time.monotonic() if api.counts_left(s) else None
        except Exception as error:  # a read is not to fail for a count it did not ask for; said in the log, in one
            # line when the store refuses (a role that may only read): its traceback, every RETRY_S, told no more
            logging.getLogger("tmtool.web").error("the counts left queued could not be made: %s", error,
                                                  exc_info=not isinstance(error, TmtoolError))
            self.failed_at = time.monotonic()
        finally:
            self.idle.set()


def served(app: FastAPI, scope: dict) -> bool:
    """Whether one of the app's routes answers the request's method at its path (the static files only read)."""
    return any(not isinstance(route, Mount) and route.matches(scope)[0] is Match.FULL for route in app.router.routes)


def allowed_methods(app: FastAPI, scope: dict) -> list[str]:
    """The methods the app's routes answer at the request's path, sorted, HEAD with GET (:class:`HeadAsGet`)."""
    methods = {method for route in app.router.routes if not isinstance(route, Mount)
               and route.matches(scope)[0] is not Match.NONE for method in route.methods}
    return sorted(methods | ({"HEAD"} if "GET" in methods else set()))


class HeadAsGet:
    """HEAD answered as GET is, without the body (HTTP: a server answering GET answers HEAD), for the
    monitors, link checkers and ``curl -I`` that ask it; FastAPI's routes answered it 405."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message):
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class EmptyIsDefault:
    """A query parameter of the API sent empty (``status=&lang=``, as a form or a generic client sends what
    was not filled in) is the parameter not sent: its default, not a 400 ("Input should be 'candidate', …").
    The text sought (``q``) stays as sent: an empty look-up is one. (The pages' own forms send every field,
    an empty status meaning any: /review reads them as sent.)"""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") and scope["path"].startswith("/api/") \
                and scope.get("query_string"):
            # the bytes as sent, but for the pieces naming no value (``status=``, ``status``)
            pieces = scope["query_string"].split(b"&")
            kept = [piece for piece in pieces if piece.partition(b"=")[2] or unquote(piece.partition(b"=")[0].decode(
                "latin-1")) == "q"]
            if len(kept) < len(pieces):
                scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)


def unreadable(cause: BaseException) -> str:
    """Why a body FastAPI could not parse was not read, in a line (it said "There was an error parsing the body")."""
    if isinstance(cause, UnicodeDecodeError):
        return f"body: JSON is sent as UTF-8, and byte {cause.start} is not UTF-8 ({cause.object[cause.start]:#04x})"
    if isinstance(cause, RecursionError):
        return "body: JSON nested too deeply to read"
    return f"body: not read ({type(cause).__name__}: {cause})"


def problem(error: dict) -> str:
    """One of a request's problems, as FastAPI found it, in a line naming the field."""
    if error["type"] == "json_invalid":  # its loc is the character where parsing stopped, not a field
        return f"body: not valid JSON at character {error['loc'][1]} ({error['ctx']['error']})"
    # the field as the client named it (``add_terms['de']``, as tmtool.api names it), not the validator's path
    # to the value: a list's positions (``status.0``) are said as the value given there
    names = [part for part in error["loc"][1:] if not isinstance(part, int)] or [error["loc"][0]]
    field = names[0] + "".join(f"[{name!r}]" for name in names[1:])
    if "Expected UploadFile" in error["msg"]:  # a form's text field (urlencoded) where a file is uploaded
        return f"{field}: a file with its name, uploaded as multipart/form-data"
    given = reprlib.repr(error.get("input"))
    if error["type"] == "literal_error":  # the value, and those taken (as click says an option's)
        expected = error["ctx"]["expected"]
        return f"{field}: {given} is not {'one of ' if ' or ' in expected else ''}{expected}"
    if isinstance(error["loc"][-1], int):  # one value of several
        return f"{field}: {given} (value {error['loc'][-1] + 1}): {error['msg']}"
    return f"{field}: {error['msg']}"


def upload(file: UploadFile, allowed: set[str], *, required: bool = True) -> api.Upload:
    """An uploaded file for the library, under its own name's last component, whose extension
    chooses its reader: one of ``allowed``, or (not ``required``) none, and the content tells."""
    name = PurePath((file.filename or "").replace("\\", "/")).name
    suffix = PurePath(name).suffix.lower()
    if not name.isprintable() or not (suffix in allowed or (not required and not suffix)):
        raise Invalid(f"upload files named *{', *'.join(sorted(allowed))}, not {file.filename!r}")
    return api.Upload(name, file.file.read())


def lookup(store, q: str, limit: int, lang: str = "auto") -> dict:
    """What the look-up shows: the glossary's entries for ``q`` (in ``lang``), then the memory's units holding
    it, and for words no unit holds as they are (a sentence pasted), the memory's fuzzy matches."""
    # the glossary first: a wrong q or lang (an empty q too, blank or a soft hyphen alone) is refused in the
    # look-up's own words, as api.lookup and the command line refuse it, not in the concordance's
    found = api.lookup(store, q, lang=lang, limit=limit)["entries"]
    memory = api.concordance(store, q, limit=limit, lang=lang)
    # a term is looked up word for word; a sentence (three words or more, or six characters of a script
    # written without spaces: a Chinese or Japanese sentence has no spaces to count) is matched as a CAT
    # tool would
    sentence = len(q.split()) >= 3 or (unspaced(q) and len("".join(q.split())) >= 6)
    matches = api.search(store, q, limit=limit, lang=lang) if not memory and sentence else []
    # each entry's contexts as its page shows them, each with the language of its first sentence (an Arabic
    # entry's Arabic, a German term's own German), and the two languages its terms stand in side by side (the
    # English on the left when it comes first): what the results shown as one types write them in
    entries = [{**entry, "shown_languages": list(api.shown_languages(entry)),
                "labelled_contexts": [{**context, "lang": language} for language, context in api.labelled_contexts(entry)]}
               for entry in found]
    return {"entries": entries, "memory": memory, "matches": matches}


def found_line(found: dict) -> str:
    """What a look-up found, in a line (the script's ``foundLine`` says it alike as one types)."""
    def counted(count: int, noun: str, plural: str) -> str:
        return f"{count} {noun if count == 1 else plural}"

    said = [counted(len(found["entries"]), "glossary entry", "glossary entries"),
            counted(len(found["memory"]), "unit of the memory", "units of the memory")]
    if found["matches"]:
        said.append(counted(len(found["matches"]), "fuzzy match", "fuzzy matches"))
    return ", ".join(said)


def entries_page(store, *, status: str | list[str] | None, q: str | None, min_score: float | None, document: str | None,
                 offset: int, limit: int, order: str = "score", after: str | None = None,
                 before: str | None = None, lang: str | None = None) -> dict:
    """A page of entries, and the cursors of the pages beside it: ``next`` (for ``after``) when an entry follows
    its last, ``previous`` (for ``before``) when one comes before its first, so that the pages either way are
    read from the entries shown, whatever was added or decided meanwhile."""
    # a status or several (the API's status=approved&status=candidate: the last alone was read)
    filters = {"statuses": [status] if isinstance(status, str) else list(status or []), "text": q or None, "min_score": min_score,
               "document": document, "order": order, "lang": lang}
    # one more than the page, to know whether another follows (before: precedes) the way it is read
    found = api.entries(store, **filters, offset=offset, limit=limit + 1, after=after, before=before)
    shown = found[-limit:] if before is not None else found[:limit]
    if not shown:
        return {"offset": offset, "limit": limit, "more": False, "next": None, "previous": None, "entries": []}
    first, last = api.entries_cursor(shown[0], order), api.entries_cursor(shown[-1], order)

    def any_beyond(side: str, cursor: str) -> bool:  # the other way: is there one entry beyond the page
        return bool(api.entries(store, **filters, limit=1, **{side: cursor}))

    more = len(found) > limit if before is None else any_beyond("after", last)
    earlier = len(found) > limit if before is not None else any_beyond("before", first)
    return {"offset": offset, "limit": limit, "more": more, "next": last if more else None,
            "previous": first if earlier else None, "entries": shown}


def entry_with_history(store, entry_id: int) -> dict:
    return {**api.entry(store, entry_id), "history": api.history(store, entry_id)}


def document_view(store, document_id: str) -> dict:
    units = api.document_units(store, document_id)
    for unit in units:
        unit["low_confidence"] = unit["confidence"] is not None and unit["confidence"] < LOW_CONFIDENCE
    return {"document": document_id, "units": units, "corrections": api.unit_edits(store, document_id)}


def marked(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, those that are one of ``terms`` (any case, whole words) flagged: the template
    wraps them in <mark>, each piece escaped."""
    wanted = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not wanted:
        return [(text, False)]
    # whole words only: the acronym EMI is not in "première"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in wanted) + r")(?!\w)", re.IGNORECASE)
    pieces, at = [], 0
    for match in pattern.finditer(text):
        pieces += [(text[at:match.start()], False), (match.group(), True)]
        at = match.end()
    return [piece for piece in pieces + [(text[at:], False)] if piece[0]]
