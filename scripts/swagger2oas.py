"""Convert a Swagger 2.0 document into OpenAPI 3.0.3, keeping the facts and none of the prose.

    python scripts/swagger2oas.py sipgate-swagger-2.0.yaml > converted.yaml

What carries over: paths, operation ids, tags, parameters (with their types, formats,
enums, defaults and array styles), request bodies, response statuses and schemas,
definitions, security. What does not: ``description``, ``summary``, ``example`` and the
like, because the prose of our spec is ours; response descriptions (required by OpenAPI 3)
become the status' standard reason phrase.

Swagger 2.0 details handled here:
* ``in: body`` parameters become ``requestBody``; an operation without ``consumes`` (and
  none globally) takes JSON, as every sipgate endpoint does.
* ``in: formData`` parameters become a form body (multipart when a file is among them).
* ``collectionFormat: multi`` becomes ``style: form, explode: true`` (repeated keys),
  ``csv`` becomes ``explode: false``.
* ``x-nullable: true`` becomes ``nullable: true``; ``type: file`` a binary string.
* ``#/definitions/X`` references become ``#/components/schemas/X``.
"""

from __future__ import annotations

import argparse
import copy
import http
import sys
from pathlib import Path
from typing import Any

import yaml

__all__ = ["convert", "dump", "load"]

PROSE = frozenset({"description", "summary", "example", "examples", "x-example", "externalDocs"})
METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
PARAM_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
)
JSON = "application/json"


def load(path: Path) -> dict[str, Any]:
    """Read a YAML or JSON document."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: not an OpenAPI/Swagger document")
    return data


class _Dumper(yaml.SafeDumper):
    """Plain YAML: every node written out, no anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(doc: dict[str, Any]) -> str:
    """YAML text of ``doc``, keys in the order given (stable output, small diffs)."""
    return yaml.dump(doc, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _schema(node: Any) -> Any:
    """A Swagger 2.0 schema as an OpenAPI 3.0 schema: refs moved, prose dropped."""
    if isinstance(node, list):
        return [_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in PROSE or key == "title":
            continue
        if key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/definitions/", "#/components/schemas/")
        elif key == "x-nullable":
            if value:
                out["nullable"] = True
        elif key == "type" and value == "file":
            out["type"] = "string"
            out["format"] = "binary"
        elif key in ("properties", "definitions", "patternProperties"):
            out[key] = {name: _schema(sub) for name, sub in value.items()}
        else:
            out[key] = _schema(value)
    return out


def _param_schema(param: dict[str, Any]) -> dict[str, Any]:
    schema = {k: param[k] for k in PARAM_SCHEMA_KEYS if k in param}
    if param.get("x-nullable"):
        schema["nullable"] = True
    if schema.get("type") == "file":
        schema = {"type": "string", "format": "binary"}
    return _schema(schema)


def _parameter(param: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": param["name"], "in": param["in"]}
    if param.get("required") or param["in"] == "path":
        out["required"] = True
    if param.get("deprecated"):
        out["deprecated"] = True
    schema = _param_schema(param)
    if schema.get("type") == "array":
        fmt = param.get("collectionFormat", "csv")
        if param["in"] == "query":
            out["style"] = "form"
            out["explode"] = fmt == "multi"
        else:
            out["style"] = "simple"
    out["schema"] = schema
    return out


def _form_body(params: list[dict[str, Any]], consumes: list[str]) -> dict[str, Any]:
    has_file = any(p.get("type") == "file" for p in params)
    media = (
        "multipart/form-data"
        if has_file or "multipart/form-data" in consumes
        else "application/x-www-form-urlencoded"
    )
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {p["name"]: _param_schema(p) for p in params},
    }
    required = [p["name"] for p in params if p.get("required")]
    if required:
        schema["required"] = required
    body: dict[str, Any] = {"content": {media: {"schema": schema}}}
    if required:
        body["required"] = True
    return body


def _json_media(types: list[str]) -> list[str]:
    """The media types of a body: ``*/*`` or nothing declared means JSON."""
    kept = [t for t in types if t != "*/*"]
    return kept or [JSON]


def _operation(op: dict[str, Any], consumes: list[str], produces: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("tags", "operationId"):
        if key in op:
            out[key] = op[key]
    params = op.get("parameters", [])
    plain = [p for p in params if p.get("in") not in ("body", "formData")]
    if plain:
        out["parameters"] = [_parameter(p) for p in plain]
    op_consumes = op.get("consumes", consumes)
    body = next((p for p in params if p.get("in") == "body"), None)
    if body is not None:
        schema = _schema(body.get("schema", {}))
        request: dict[str, Any] = {
            "content": {
                media: {"schema": copy.deepcopy(schema)} for media in _json_media(op_consumes)
            }
        }
        if body.get("required"):
            request["required"] = True
        out["requestBody"] = request
    form = [p for p in params if p.get("in") == "formData"]
    if form:
        out["requestBody"] = _form_body(form, op_consumes)
    op_produces = _json_media(op.get("produces", produces))
    responses: dict[str, Any] = {}
    for status, response in op.get("responses", {}).items():
        responses[str(status)] = _response(str(status), response, op_produces)
    out["responses"] = responses or {"default": {"description": "Any answer"}}
    if op.get("deprecated"):
        out["deprecated"] = True
    if "security" in op:
        out["security"] = op["security"]
    return out


def _reason(status: str) -> str:
    try:
        return http.HTTPStatus(int(status)).phrase
    except ValueError:
        return "Any other answer"


def _response(status: str, response: dict[str, Any], produces: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"description": _reason(status)}
    if "schema" in response:
        schema = _schema(response["schema"])
        # A schema'd answer offered as JSON is JSON: octet-stream beside it is a generator quirk.
        media_types = [JSON] if JSON in produces else produces
        out["content"] = {media: {"schema": copy.deepcopy(schema)} for media in media_types}
    if "headers" in response:
        out["headers"] = {
            name: {"schema": _param_schema(h)} for name, h in response["headers"].items()
        }
    return out


def _security_schemes(defs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, scheme in defs.items():
        kind = scheme.get("type")
        if kind == "basic":
            out[name] = {"type": "http", "scheme": "basic"}
        elif kind == "apiKey":
            out[name] = {"type": "apiKey", "name": scheme["name"], "in": scheme["in"]}
        elif kind == "oauth2":
            flow_name = {
                "implicit": "implicit",
                "password": "password",
                "application": "clientCredentials",
                "accessCode": "authorizationCode",
            }[scheme["flow"]]
            flow: dict[str, Any] = {"scopes": {s: s for s in scheme.get("scopes", {})}}
            if "authorizationUrl" in scheme:
                flow["authorizationUrl"] = scheme["authorizationUrl"]
            if "tokenUrl" in scheme:
                flow["tokenUrl"] = scheme["tokenUrl"]
            out[name] = {"type": "oauth2", "flows": {flow_name: flow}}
    return out


def convert(swagger: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI 3.0.3 form of a Swagger 2.0 document (facts only)."""
    if str(swagger.get("swagger")) != "2.0":
        raise ValueError(f"not a Swagger 2.0 document (swagger: {swagger.get('swagger')!r})")
    swagger = copy.deepcopy(swagger)
    schemes = swagger.get("schemes") or ["https"]
    server = f"{schemes[0]}://{swagger.get('host', 'localhost')}{swagger.get('basePath', '')}"
    info = {k: v for k, v in swagger.get("info", {}).items() if k in ("title", "version")}
    consumes = swagger.get("consumes", [])
    produces = swagger.get("produces", [])
    paths: dict[str, Any] = {}
    for path, item in swagger.get("paths", {}).items():
        shared = item.get("parameters", [])
        out_item: dict[str, Any] = {}
        for method in METHODS:
            if method not in item:
                continue
            op = dict(item[method])
            if shared:
                names = {(p.get("name"), p.get("in")) for p in op.get("parameters", [])}
                op["parameters"] = [
                    p for p in shared if (p.get("name"), p.get("in")) not in names
                ] + list(op.get("parameters", []))
            out_item[method] = _operation(op, consumes, produces)
        paths[path] = out_item
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": info,
        "servers": [{"url": server}],
    }
    if swagger.get("tags"):
        doc["tags"] = [{"name": t["name"]} for t in swagger["tags"]]
    if swagger.get("security"):
        doc["security"] = swagger["security"]
    doc["paths"] = paths
    components: dict[str, Any] = {}
    if swagger.get("definitions"):
        components["schemas"] = {
            name: _schema(schema) for name, schema in swagger["definitions"].items()
        }
    if swagger.get("securityDefinitions"):
        components["securitySchemes"] = _security_schemes(swagger["securityDefinitions"])
    if components:
        doc["components"] = components
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("swagger", type=Path)
    args = parser.parse_args()
    sys.stdout.write(dump(convert(load(args.swagger))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
