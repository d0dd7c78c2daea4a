"""The sandbox's HTTP side: a Falcon WSGI app that authenticates, checks and dispatches.

Every request under ``/v2`` goes through :meth:`SandboxAPI.handle`: find the operation
(the handlers' routes and the spec's paths), authenticate (personal access token,
OAuth token or e-mail/password, as the API takes them), check the request against the
spec (400 with the API's error shape when it does not fit), run the handler, and
optionally check the answer against the spec too (``check_responses``).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import attrs
import falcon

from .spec import Operation, Spec, template_key, template_regex

if TYPE_CHECKING:
    from .server import Sandbox

__all__ = ["ApiError", "Ctx", "Identity", "Result", "SandboxAPI", "route"]

logger = logging.getLogger("sipgateio.sandbox")

_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    500: "Internal Server Error",
    501: "Not Implemented",
}


class ApiError(Exception):
    """Raised by a handler: answer ``status`` with the API's error body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict[str, Any]:
    """The API's error shape."""
    return {"status": status, "error": _REASONS.get(status, "Error"), "message": message}


@attrs.frozen
class Result:
    """A handler's answer: status and JSON (or raw bytes with a content type)."""

    status: int = 200
    json: Any = None
    body: bytes | None = None
    content_type: str | None = None


NO_CONTENT = Result(204)


@attrs.frozen
class Identity:
    """Who a request comes from: the web user, whether an admin, and the OAuth scopes.

    ``scopes`` is None for personal access tokens and passwords (not limited here).
    """

    user: str
    admin: bool
    scopes: frozenset[str] | None = None

    def may(self, required: frozenset[str]) -> bool:
        """Whether these credentials grant one of ``required`` (empty: nothing needed)."""
        if self.scopes is None or not required or "all" in self.scopes:
            return True
        return bool(self.scopes & required)


@attrs.frozen
class Ctx:
    """What a handler gets: the sandbox, the caller, the checked parameters and body."""

    sandbox: Sandbox
    user: str
    admin: bool
    params: dict[str, Any]
    query: dict[str, list[str]]
    body: Any

    def own_user(self, user_id: str) -> None:
        """403 unless the caller is ``user_id`` or an admin; 404 if there is no such user."""
        if self.sandbox.store.get("user", user_id) is None:
            raise ApiError(404, f"there is no web user {user_id!r}")
        if user_id != self.user and not self.admin:
            raise ApiError(403, f"{self.user} may not access the data of {user_id}")


Handler = Callable[[Ctx], Result]
_ROUTES: dict[tuple[str, str], tuple[str, Handler]] = {}
_READS_BODY: dict[tuple[str, str], bool] = {}


def route(method: str, template: str, *, body: bool | None = None) -> Callable[[Handler], Handler]:
    """Register a handler for ``method`` on ``template`` (relative to ``/v2``).

    ``body``: whether the handler needs a JSON body (default: for POST and PUT).
    """

    def register(fn: Handler) -> Handler:
        key = template_key(template)
        _ROUTES[(method, key)] = (template, fn)
        if method in ("POST", "PUT"):
            _READS_BODY[(method, key)] = True if body is None else body
        return fn

    return register


class Params(dict[str, Any]):
    """A request's parameters: one the handler needs and the request lacks is a 400."""

    def __missing__(self, key: str) -> Any:
        raise ApiError(400, f"the parameter {key!r} is required")


class Fields(dict[str, Any]):
    """A JSON object of a request: a field that is missing is a 400, not a crash.

    sipgate's own description marks almost no field as required; the handlers still
    need theirs, and say so in the API's error shape.
    """

    def __missing__(self, key: str) -> Any:
        raise ApiError(400, f"the body lacks the field {key!r}")


def _fields(document: Any) -> Any:
    """``document`` with its objects (and those of a top-level list) as :class:`Fields`."""
    if isinstance(document, dict):
        return Fields(document)
    if isinstance(document, list):
        return [Fields(item) if isinstance(item, dict) else item for item in document]
    return document


def _load_handlers() -> None:
    from .handlers import calls, contacts, history, messaging, settings, users  # noqa: F401


class SandboxAPI:
    """The WSGI app of one sandbox (``.wsgi``)."""

    def __init__(self, sandbox: Sandbox, spec: Spec, *, check_responses: bool = False) -> None:
        _load_handlers()
        self.sandbox = sandbox
        self.spec = spec
        self.check_responses = check_responses
        self.response_problems: list[str] = []
        self._lock = threading.Lock()
        templates: dict[str, str] = {}
        for key, (template, _) in _ROUTES.items():
            templates[key[1]] = template
        for op in spec.operations.values():
            templates.setdefault(template_key(op.path), op.path)
        # literal segments first: /history/export before /history/{entryId}
        self._paths = sorted(
            ((template_regex(t), key, t) for key, t in templates.items()),
            key=lambda item: (item[1].count("{}"), -len(item[1])),
        )
        self.wsgi = falcon.App()
        self.wsgi.add_sink(self._sink, prefix="/")

    # -- routing --------------------------------------------------------------------
    def _match(self, path: str) -> tuple[str, str, tuple[str, ...]] | None:
        for regex, key, template in self._paths:
            found = regex.match(path)
            if found is not None:
                return key, template, found.groups()
        return None

    def _sink(self, req: falcon.Request, resp: falcon.Response, **_: Any) -> None:
        body = req.bounded_stream.read()
        result = self.handle(
            req.method,
            req.path,
            req.query_string,
            req.get_header("Authorization"),
            req.content_type,
            body,
        )
        resp.status = falcon.code_to_http_status(result.status)
        if result.json is not None:
            resp.data = json.dumps(result.json).encode()
            resp.content_type = "application/json"
        elif result.body is not None:
            resp.data = result.body
            resp.content_type = result.content_type or "application/octet-stream"

    def handle(
        self,
        method: str,
        path: str,
        query_string: str,
        authorization: str | None,
        content_type: str | None,
        body: bytes,
    ) -> Result:
        """Answer one request (the whole pipeline; also callable without HTTP)."""
        if not path.startswith("/v2/"):
            return _error(404, f"no such path {path!r}; the API lives under /v2")
        matched = self._match(path[3:])
        if matched is None:
            return _error(404, f"no such path {path!r}")
        key, template, path_values = matched
        identity = self.sandbox.authenticate(authorization)
        if identity is None:
            return _error(401, "missing or invalid credentials")
        entry = _ROUTES.get((method, key))
        op = self.spec.operations.get((method, key))
        if entry is None:
            if op is not None:
                return _error(501, f"{method} {template} is not simulated by the sandbox")
            return _error(405, f"{method} is not allowed on {template}")
        if op is not None and not identity.may(self.spec.oauth_scopes(op)):
            needed = ", ".join(sorted(self.spec.oauth_scopes(op)))
            return _error(
                403, f"the token has none of the scopes {method} {template} needs: {needed}"
            )
        query = parse_qs(query_string, keep_blank_values=True)
        # the handler's names for the path parameters; the spec may name them differently
        names = _parameter_names(entry[0])
        params: dict[str, Any] = dict(zip(names, path_values, strict=True))
        document: Any = None
        if op is not None:
            spec_names = _parameter_names(op.path)
            values, document, problems = self.spec.check_request(
                op, dict(zip(spec_names, path_values, strict=True)), query, body, content_type
            )
            if problems:
                return _error(400, "; ".join(problems))
            renamed = dict(zip(spec_names, names, strict=True))
            params.update({renamed.get(k, k): v for k, v in values.items()})
        elif body.strip():
            try:
                document = json.loads(body)
            except ValueError:
                return _error(400, "the body is not valid JSON")
        if document is None and method in ("POST", "PUT") and _READS_BODY.get((method, key), False):
            return _error(400, "the request needs a JSON body")
        self.sandbox.run_due_jobs()
        ctx = Ctx(
            self.sandbox, identity.user, identity.admin, Params(params), query, _fields(document)
        )
        try:
            result = entry[1](ctx)
        except ApiError as exc:
            result = _error(exc.status, exc.message)
        except Exception:
            logger.exception("the sandbox failed on %s %s", method, path)
            result = _error(500, "the sandbox failed on this request (see its log)")
        if self.check_responses and op is not None:
            self._check_response(op, result)
        return result

    def _check_response(self, op: Operation, result: Result) -> None:
        """Note where an answer strays from the spec.

        A success status must be documented (or covered by ``default``); an error status
        may be one the spec leaves out (sipgate's description lists few), and its body must
        then fit the spec's ``Error`` schema if it has one. A 204 has no body to check.
        """
        problems: list[str] = []
        documented = self.spec.documented_statuses(op)
        if (
            result.status < 400
            and result.status not in documented
            and "default" not in op.definition.get("responses", {})
        ):
            problems.append(f"status {result.status} is not documented")
        schema = self.spec.response_schema(op, result.status)
        if schema is None and result.status >= 400 and result.status not in documented:
            schema = self.spec.error_schema()
        if schema is not None and result.status != 204:
            if result.json is None:
                problems.append("the answer should be JSON")
            else:
                problems += self.spec.errors(schema, result.json)
        if problems:
            with self._lock:
                self.response_problems += [f"{op.method} {op.path}: {p}" for p in problems]


def _parameter_names(template: str) -> list[str]:
    return [part.strip("{}") for part in template.split("/") if part.startswith("{")]


def _error(status: int, message: str) -> Result:
    return Result(status, error_body(status, message))


def basic_credentials(authorization: str) -> tuple[str, str] | None:
    """``(user, password)`` of a Basic header, or None."""
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    name, sep, password = decoded.partition(":")
    return (name, password) if sep else None


def bearer_token(authorization: str) -> str | None:
    """The token of a Bearer header, or None."""
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def paging(ctx: Ctx, default_limit: int) -> tuple[int, int]:
    """``offset`` and ``limit`` of a paged request; negative ones are a 400."""
    offset = int(ctx.params.get("offset", 0))
    limit = int(ctx.params.get("limit", default_limit))
    if offset < 0 or limit < 0:
        raise ApiError(400, f"offset and limit must not be negative, got {offset} and {limit}")
    return offset, limit


def require(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """``mapping[key]`` or a 404 naming what is missing."""
    if mapping is None or key not in mapping:
        raise ApiError(404, f"{key} not found")
    return mapping[key]
