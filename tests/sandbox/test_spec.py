"""The sandbox against our spec: bad requests get 400 in the API's shape, answers fit the schemas.

The answer checks here use openapi-schema-validator directly on openapi/sipgate-v2.yaml,
independently of the sandbox's own ``check_responses`` (which every other sandbox test
turns on as well).
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

import sipgateio
from sipgateio.sandbox import Sandbox
from sipgateio.sandbox.api import _ROUTES, _load_handlers
from sipgateio.sandbox.spec import spec_path, template_key, template_regex

SPEC_FILE = spec_path()  # the checkout's openapi/sipgate-v2.yaml (or the installed copy)
SPEC: dict[str, Any] = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
PATH_VALUES = {
    "userId": "w0",
    "smsId": "s0",
    "callerId": "1",
    "contactId": "nope",
    "entryId": "h1001",
    "callId": "nope",
}


def fill(template: str) -> str:
    for name, value in PATH_VALUES.items():
        template = template.replace("{" + name + "}", value)
    return template


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    _load_handlers()
    handled = {key for key in _ROUTES}
    out = []
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if (
                method in ("get", "put", "post", "delete")
                and (
                    method.upper(),
                    template_key(path),
                )
                in handled
            ):
                out.append((method.upper(), path, op))
    return out


def resolve(node: dict[str, Any], root: dict[str, Any] = SPEC) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = root
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def with_body(ops: list[tuple[str, str, dict[str, Any]]]) -> list[tuple[str, str]]:
    return [(m, p) for m, p, op in ops if "requestBody" in op]


def auth(sb: Sandbox) -> tuple[str, str]:
    return (sb.token_id, sb.token)


def is_api_error(answer: httpx.Response, status: int) -> bool:
    body = answer.json()
    return answer.status_code == status and body["status"] == status and bool(body["message"])


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()  # getHistoryCSV: get_history_csv


def facade_operations() -> set[str]:
    """The generated endpoint modules the facade imports (``from ..raw.api.x import a``)."""
    used: set[str] = set()
    root = Path(sipgateio.__file__).parent
    for source in root.rglob("*.py"):
        if "raw" in source.relative_to(root).parts:
            continue
        text = source.read_text(encoding="utf-8")
        pattern = r"from (?:sipgateio\.|\.+)raw\.api\.\w+ import (?:\(([^)]*)\)|([\w, ]+)$)"
        for grouped, single in re.findall(pattern, text, flags=re.MULTILINE):
            used |= {n.strip() for n in (grouped or single).split(",") if n.strip()}
    return used


def test_every_operation_the_facade_uses_is_simulated() -> None:
    simulated = {snake(op["operationId"]) for _, _, op in operations()}
    used = facade_operations()
    assert len(used) >= 31
    assert used - simulated == set()


@pytest.mark.parametrize(("method", "path"), with_body(operations()))
def test_body_violating_the_schema_is_400(sandbox: Sandbox, method: str, path: str) -> None:
    url = sandbox.base_url + fill(path)
    answer = httpx.request(method, url, auth=auth(sandbox), content=b'{"id": 1', headers={
        "Content-Type": "application/json"})  # fmt: skip
    assert is_api_error(answer, 400), answer.text
    assert "not valid JSON" in answer.json()["message"]
    answer = httpx.request(method, url, auth=auth(sandbox), json=["wrong", "shape"])
    if path != "/history":  # PUT /history takes an array: a list of strings fails on its items
        assert is_api_error(answer, 400), answer.text
        assert "is not of type 'object'" in answer.json()["message"]
    answer = httpx.request(method, url, auth=auth(sandbox))
    assert is_api_error(answer, 400), answer.text


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("/history?limit=abc", "must be an integer"),
        ("/history?limit=1001", "maximum"),
        ("/history?types=PHONE", "is not one of"),
        ("/history?from=yesterday", "ISO 8601"),
        ("/history?archived=maybe", "true or false"),
        ("/contacts?offset=-1", ""),  # the spec's minimum, or the sandbox's own check
        ("/numbers?limit=-1", ""),
    ],
)
def test_query_parameters_are_checked(sandbox: Sandbox, url: str, problem: str) -> None:
    answer = httpx.get(sandbox.base_url + url, auth=auth(sandbox))
    assert is_api_error(answer, 400)
    assert problem in answer.json()["message"]


def test_required_query_parameter(sandbox: Sandbox) -> None:
    answer = httpx.delete(sandbox.base_url + "/history", auth=auth(sandbox))
    assert is_api_error(answer, 400) and "'id' is required" in answer.json()["message"]


def test_unsigned_dtmf_sequence_is_refused(sandbox: Sandbox) -> None:
    call = sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    answer = httpx.post(f"{sandbox.base_url}/calls/{call.call_id}/dtmf", auth=auth(sandbox),
                        json={"sequence": "12x"})  # fmt: skip
    assert is_api_error(answer, 400)  # the spec's pattern, or the sandbox's own check
    assert "12x" in answer.json()["message"]
    assert call.dtmf_sent == []


def validator(schema: dict[str, Any]) -> OAS30Validator:
    registry: Registry[Any] = Registry().with_resource(
        "urn:spec", Resource.from_contents(SPEC, default_specification=DRAFT4)
    )
    text = json.dumps(schema).replace('"$ref": "#/', '"$ref": "urn:spec#/')
    return OAS30Validator(json.loads(text), registry=registry)


GETS = [
    "/authorization/userinfo", "/users", "/w0/sms", "/w0/sms/s0/callerids", "/w0/faxlines",
    "/settings/sipgateio", "/contacts", "/contacts/internal", "/history", "/history/h1004",
    "/numbers", "/voicemails", "/w0/devices", "/calls",
]  # fmt: skip


def test_answers_fit_the_spec(sandbox: Sandbox) -> None:
    sandbox.simulate_incoming_call(from_="+4921100000", to="+492111234567")
    client = httpx.Client(auth=auth(sandbox))
    with client:
        for path in GETS:
            candidates = [p for p in SPEC["paths"] if template_regex(p).match(path)]
            spec_path = min(candidates, key=lambda p: p.count("{"))
            response = resolve(SPEC["paths"][spec_path]["get"]["responses"]["200"])
            schema = response["content"]["application/json"]["schema"]
            answer = client.get(sandbox.base_url + path)
            assert answer.status_code == 200, path
            errors = [e.message for e in validator(schema).iter_errors(answer.json())]
            assert errors == [], path
            assert answer.json(), path


def test_spec_naming_path_parameters_differently_still_routes(sandbox: Sandbox) -> None:
    import copy

    from sipgateio.sandbox.api import SandboxAPI
    from sipgateio.sandbox.spec import Spec

    document = copy.deepcopy(SPEC)
    item = document["paths"].pop("/{userId}/sms/{smsId}/callerids")
    for op in item.values():
        if isinstance(op, dict):
            op.pop("parameters", None)
    item["parameters"] = [
        {"name": "webuserId", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": "extensionId", "in": "path", "required": True, "schema": {"type": "string"}},
    ]
    document["paths"]["/{webuserId}/sms/{extensionId}/callerids"] = item
    api = SandboxAPI(sandbox, Spec(document))
    basic = "Basic " + base64.b64encode(f"{sandbox.token_id}:{sandbox.token}".encode()).decode()
    result = api.handle("GET", "/v2/w0/sms/s0/callerids", "", basic, None, b"")
    assert result.status == 200
    assert [c["phonenumber"] for c in result.json["items"]][:1] == ["+492111234567"]


def test_spec_operation_not_simulated_is_501_and_wrong_method_405(sandbox: Sandbox) -> None:
    import copy

    from sipgateio.sandbox.api import SandboxAPI
    from sipgateio.sandbox.spec import Spec

    document = copy.deepcopy(SPEC)
    document["paths"]["/{userId}/phonelines"] = {
        "get": {"operationId": "listPhonelines", "responses": {"200": {"description": "ok"}}}
    }
    api = SandboxAPI(sandbox, Spec(document))
    basic = "Basic " + base64.b64encode(f"{sandbox.token_id}:{sandbox.token}".encode()).decode()
    result = api.handle("GET", "/v2/w0/phonelines", "", basic, None, b"")
    assert result.status == 501 and result.json["status"] == 501
    assert "not simulated" in result.json["message"]
    result = api.handle("PATCH", "/v2/history", "", basic, None, b"")
    assert result.status == 405 and result.json["error"] == "Method Not Allowed"
    result = api.handle("GET", "/v2/w0/phonelines", "", None, None, b"")
    assert result.status == 401


def test_fields_the_handlers_need_are_400_even_where_the_spec_leaves_them_optional(
    sandbox: Sandbox,
) -> None:
    import copy

    from sipgateio.sandbox.api import SandboxAPI
    from sipgateio.sandbox.spec import Spec

    document = copy.deepcopy(SPEC)  # sipgate's own description marks nothing as required
    request = resolve(document["paths"]["/sessions/sms"]["post"]["requestBody"], document)
    request["required"] = False
    resolve(request["content"]["application/json"]["schema"], document).pop("required", None)
    api = SandboxAPI(sandbox, Spec(document))
    basic = "Basic " + base64.b64encode(f"{sandbox.token_id}:{sandbox.token}".encode()).decode()
    for body, problem in ((b'{"smsId": "s0"}', "lacks the field 'recipient'"),
                          (b"", "needs a JSON body")):  # fmt: skip
        result = api.handle("POST", "/v2/sessions/sms", "", basic, "application/json", body)
        assert result.status == 400 and problem in result.json["message"]


def test_oauth_scopes_named_by_the_spec_are_enforced(sandbox: Sandbox) -> None:
    import copy

    from sipgateio.sandbox.api import SandboxAPI
    from sipgateio.sandbox.spec import Spec

    document = copy.deepcopy(SPEC)
    document["components"]["securitySchemes"]["oauth2"] = {
        "type": "oauth2",
        "flows": {"authorizationCode": {"authorizationUrl": "https://a", "tokenUrl": "https://t",
                                        "scopes": {"all": "", "balance:read": ""}}},
    }  # fmt: skip
    document["paths"]["/voicemails"]["get"]["security"] = [{"oauth2": ["all", "voicemail:read"]}]
    document["paths"]["/numbers"]["get"]["security"] = [{"basicAuth": []}]  # no OAuth scope
    api = SandboxAPI(sandbox, Spec(document))
    narrow = "Bearer " + sandbox.issue_oauth_token("w0", ["sms:write"])
    wide = "Bearer " + sandbox.issue_oauth_token("w0", ["voicemail:read"])
    result = api.handle("GET", "/v2/voicemails", "", narrow, None, b"")
    assert result.status == 403 and "voicemail:read" in result.json["message"]
    assert api.handle("GET", "/v2/voicemails", "", wide, None, b"").status == 200
    everything = "Bearer " + sandbox.oauth_token  # scope "all"
    assert api.handle("GET", "/v2/voicemails", "", everything, None, b"").status == 200
    assert api.handle("GET", "/v2/numbers", "", narrow, None, b"").status == 200  # no scopes named
