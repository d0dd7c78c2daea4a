"""Our OpenAPI spec at the sandbox's service: find the operation, check a request against it.

The spec is ``openapi/sipgate-v2.yaml``: in a wheel it is shipped inside this package
(a build-time mapping in ``pyproject.toml``), in a checkout it is read from the
repository. Requests are checked with the spec's own schemas (path and query parameters
converted by their declared types, JSON bodies as they are), so the sandbox refuses
exactly what the spec says the API refuses, and answers can be checked the same way.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Operation", "Spec", "load_spec", "spec_path"]

_SPEC_NAME = "sipgate-v2.yaml"
_URN = "urn:sipgate-v2"
_METHODS = ("get", "put", "post", "delete", "patch")


def spec_path() -> Path:
    """Where the spec is: inside the installed package, or in the repository checkout."""
    packaged = resources.files(__package__ or "sipgateio.sandbox") / _SPEC_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "openapi" / _SPEC_NAME


def template_key(template: str) -> str:
    """A path template with its parameter names erased: ``/{userId}/sms`` -> ``/{}/sms``."""
    return re.sub(r"\{[^}/]+\}", "{}", template)


def template_regex(template: str) -> re.Pattern[str]:
    """A regex matching ``template``'s paths, one group per parameter."""
    parts = re.split(r"(\{[^}/]+\})", template)
    pattern = "".join("([^/]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(pattern + "$")


@attrs.frozen
class Operation:
    """One operation of the spec: its method, path template and definition."""

    method: str
    path: str
    definition: Mapping[str, Any]
    parameters: tuple[Mapping[str, Any], ...]


class Spec:
    """The loaded spec: operations by (method, template key), schemas and validators."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT4

        self.document = document
        self._registry: Registry[Any] = Registry().with_resource(
            _URN, Resource.from_contents(dict(document), default_specification=DRAFT4)
        )
        self.operations: dict[tuple[str, str], Operation] = {}
        for path, item in document.get("paths", {}).items():
            shared = [self.resolve(p) for p in item.get("parameters", [])]
            for method in _METHODS:
                op = item.get(method)
                if op is None:
                    continue
                own = [self.resolve(p) for p in op.get("parameters", [])]
                names = {(p["name"], p["in"]) for p in own}
                params = tuple(own + [p for p in shared if (p["name"], p["in"]) not in names])
                self.operations[(method.upper(), template_key(path))] = Operation(
                    method.upper(), path, op, params
                )

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """``node`` with a top-level ``$ref`` (within the spec) followed."""
        while "$ref" in node:
            target: Any = self.document
            for part in str(node["$ref"]).lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def validator(self, schema: Mapping[str, Any]) -> Any:
        """An OpenAPI 3.0 schema validator for ``schema`` (which may ``$ref`` the spec)."""
        return _validator(self, json.dumps(schema, sort_keys=True))

    def errors(self, schema: Mapping[str, Any], instance: Any) -> list[str]:
        """What is wrong with ``instance`` under ``schema``: one message per violation."""
        out = []
        for error in self.validator(schema).iter_errors(instance):
            where = "/".join(str(p) for p in error.absolute_path)
            out.append(f"{where}: {error.message}" if where else error.message)
        return out

    def schema_ref(self, name: str) -> dict[str, str]:
        """A schema that refers to ``#/components/schemas/<name>``."""
        return {"$ref": f"{_URN}#/components/schemas/{name}"}

    def absolute(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """``schema`` with its local ``$ref``s pointed at the spec's registry resource."""
        text = json.dumps(schema).replace('"$ref": "#/', f'"$ref": "{_URN}#/')
        result: Mapping[str, Any] = json.loads(text)
        return result

    def response_schema(self, op: Operation, status: int) -> Mapping[str, Any] | None:
        """The JSON schema of ``op``'s ``status`` answer, or None if it has none."""
        responses = op.definition.get("responses", {})
        answer = responses.get(str(status)) or responses.get("default")
        if answer is None:
            return None
        content = self.resolve(answer).get("content", {})
        media = content.get("application/json")
        if media is None or "schema" not in media:
            return None
        return self.absolute(media["schema"])

    def oauth_scopes(self, op: Operation) -> frozenset[str]:
        """The OAuth scopes ``op``'s security names (any one of them suffices)."""
        security = op.definition.get("security", self.document.get("security")) or []
        schemes = self.document.get("components", {}).get("securitySchemes", {})
        scopes: set[str] = set()
        for requirement in security:
            for name, values in requirement.items():
                if schemes.get(name, {}).get("type") == "oauth2":
                    scopes.update(values)
        return frozenset(scopes)

    def error_schema(self) -> Mapping[str, Any] | None:
        """The spec's ``Error`` schema, if it has one."""
        if "Error" not in self.document.get("components", {}).get("schemas", {}):
            return None
        return self.schema_ref("Error")

    def documented_statuses(self, op: Operation) -> set[int]:
        """The statuses the spec lists for ``op``."""
        return {int(s) for s in op.definition.get("responses", {}) if s.isdigit()}

    # -- requests -------------------------------------------------------------------------
    def check_request(
        self,
        op: Operation,
        path_params: Mapping[str, str],
        query: Mapping[str, list[str]],
        body: bytes,
        content_type: str | None,
    ) -> tuple[dict[str, Any], Any, list[str]]:
        """Convert and check a request: (parameters by name, JSON body, problems)."""
        problems: list[str] = []
        values: dict[str, Any] = {}
        for param in op.parameters:
            name, where = param["name"], param["in"]
            schema = self.absolute(param.get("schema", {}))
            if where == "path":
                raw: list[str] | None = [path_params[name]] if name in path_params else None
            elif where == "query":
                raw = query.get(name)
            else:
                continue
            if raw is None:
                if param.get("required"):
                    problems.append(f"the {where} parameter {name!r} is required")
                continue
            value, problem = _convert(self.resolve(param.get("schema", {})), raw)
            if problem is not None:
                problems.append(f"the {where} parameter {name!r} {problem}")
                continue
            problems += [f"the {where} parameter {name!r}: {e}" for e in self.errors(schema, value)]
            values[name] = value
        document: Any = None
        request_body = op.definition.get("requestBody")
        if request_body is not None:
            request_body = self.resolve(request_body)
            media = request_body.get("content", {}).get("application/json")
            if not body.strip():
                if request_body.get("required"):
                    problems.append("the request needs a JSON body")
            elif media is not None:
                if content_type is not None and "json" not in content_type.lower():
                    problems.append(f"the body must be application/json, not {content_type}")
                else:
                    try:
                        document = json.loads(body)
                    except ValueError as exc:
                        problems.append(f"the body is not valid JSON: {exc}")
                    else:
                        schema = self.absolute(media.get("schema", {}))
                        problems += [f"body: {e}" for e in self.errors(schema, document)]
        return values, document, problems


def _convert(schema: Mapping[str, Any], raw: list[str]) -> tuple[Any, str | None]:
    """A parameter's text as its schema's type, or (None, why not)."""
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items", {})
        out = []
        for text in raw:
            value, problem = _convert(items, [text])
            if problem is not None:
                return None, problem
            out.append(value)
        return out, None
    if len(raw) > 1:
        return None, "must be given once"
    text = raw[0]
    if kind == "integer":
        try:
            return int(text), None
        except ValueError:
            return None, f"must be an integer, got {text!r}"
    if kind == "number":
        try:
            return float(text), None
        except ValueError:
            return None, f"must be a number, got {text!r}"
    if kind == "boolean":
        if text.lower() in ("true", "false"):
            return text.lower() == "true", None
        return None, f"must be true or false, got {text!r}"
    if schema.get("format") == "date-time":
        from .clock import parse_iso

        try:
            parse_iso(text)
        except ValueError:
            return None, f"must be an ISO 8601 time with offset, got {text!r}"
    return text, None


@functools.lru_cache(maxsize=512)
def _validator(spec: Spec, schema_json: str) -> Any:
    from openapi_schema_validator import OAS30Validator, oas30_format_checker

    return OAS30Validator(
        json.loads(schema_json), registry=spec._registry, format_checker=oas30_format_checker
    )


def _require_extra() -> None:
    """Raise a clear error if the ``sandbox`` extra is not installed."""
    import importlib.util

    missing = [
        name
        for name in ("yaml", "openapi_schema_validator", "referencing")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        from ..errors import SipgateIOError

        raise SipgateIOError(
            "the sandbox checks requests against the spec and needs the 'sandbox' extra: "
            f"pip install 'sipgateio[sandbox]' (missing: {', '.join(missing)})"
        )


@functools.cache
def load_spec(path: str | None = None) -> Spec:
    """The spec at ``path`` (default: :func:`spec_path`), parsed once per process."""
    _require_extra()
    import yaml

    text = Path(path or spec_path()).read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return Spec(yaml.load(text, Loader=loader))
