"""The spec pipeline: Swagger 2.0 -> OpenAPI 3 (facts only) -> our overlay -> drift report."""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED_SWAGGER = ROOT / ".." / "shared" / "reference" / "sipgate-swagger-2.0.yaml"
sys.path.insert(0, str(ROOT / "scripts"))

from drift import drift, report  # noqa: E402
from overlay import OverlayError, apply, stale_actions  # noqa: E402
from pipeline import import_upstream, write_spec  # noqa: E402
from swagger2oas import convert, load  # noqa: E402

FIXTURE = HERE / "swagger-fixture.yaml"
OVERLAY = HERE / "overlay-fixture.yaml"


def converted() -> dict[str, Any]:
    return convert(load(FIXTURE))


def _all_keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        keys = set(node)
        for key, value in node.items():
            if key != "properties":  # property names are data, not keywords
                keys |= _all_keys(value)
            else:
                for sub in value.values():
                    keys |= _all_keys(sub)
        return keys
    if isinstance(node, list):
        return set().union(*(_all_keys(v) for v in node)) if node else set()
    return set()


# -- conversion ---------------------------------------------------------------------------------


def test_conversion_keeps_the_facts() -> None:
    doc = converted()
    assert doc["openapi"] == "3.0.3"
    assert doc["servers"] == [{"url": "https://api.example.test/v2"}]
    get = doc["paths"]["/things"]["get"]
    assert get["operationId"] == "getThings" and get["tags"] == ["things"]
    kinds = get["parameters"][0]
    assert kinds == {
        "name": "kinds",
        "in": "query",
        "style": "form",
        "explode": True,  # collectionFormat multi: the key repeats
        "schema": {"type": "array", "items": {"type": "string", "enum": ["A", "B"]}},
    }
    assert get["parameters"][1]["schema"] == {"type": "boolean", "default": False}
    assert get["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ThingsResponse"
    }
    assert "content" not in get["responses"]["403"]
    path_param = doc["paths"]["/things/{thingId}"]["delete"]["parameters"][0]
    assert path_param["required"] is True and path_param["schema"] == {"type": "string"}
    thing = doc["components"]["schemas"]["Thing"]
    assert thing["properties"]["note"] == {"type": "string", "nullable": True}


def test_a_body_without_consumes_is_json() -> None:
    post = converted()["paths"]["/things"]["post"]
    assert post["requestBody"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/ThingRequest"}}
    }
    assert post["responses"] == {"default": {"description": "Any other answer"}}


def test_conversion_drops_the_prose() -> None:
    doc = converted()
    assert not {"summary", "example", "title"} & _all_keys(
        {k: v for k, v in doc.items() if k != "info"}
    )
    # descriptions remain only where OpenAPI requires one: responses, as status phrases
    for item in doc["paths"].values():
        for op in item.values():
            assert "description" not in op
            for status, response in op["responses"].items():
                assert response["description"] == _phrase(status)
    assert "description" not in doc["info"]
    assert doc["tags"] == [{"name": "things"}]


def _phrase(status: str) -> str:
    import http

    return "Any other answer" if status == "default" else http.HTTPStatus(int(status)).phrase


def test_conversion_refuses_other_documents() -> None:
    with pytest.raises(ValueError, match=r"not a Swagger 2\.0"):
        convert({"openapi": "3.0.0"})


# -- overlay ------------------------------------------------------------------------------------


def test_overlay_updates_removes_and_leaves_the_input_alone() -> None:
    doc = converted()
    before = copy.deepcopy(doc)
    out = apply(doc, load(OVERLAY))
    assert doc == before
    params = {p["name"]: p for p in out["paths"]["/things"]["get"]["parameters"]}
    assert params["archived"]["schema"] == {"type": "boolean"}
    assert params["from"]["schema"] == {"type": "string", "format": "date-time"}
    thing = out["components"]["schemas"]["Thing"]
    assert thing["properties"]["created"] == {"type": "string", "format": "date-time"}
    assert thing["properties"]["id"] == {"type": "string"}  # merged, not replaced
    assert thing["required"] == ["id"]


def test_an_update_of_an_array_appends_to_it() -> None:
    overlay = {
        "overlay": "1.0.0",
        "actions": [
            {
                "target": "$.paths['/things'].get.parameters",
                "update": {"name": "limit", "in": "query", "schema": {"type": "integer"}},
            }
        ],
    }
    params = apply(converted(), overlay)["paths"]["/things"]["get"]["parameters"]
    assert [p["name"] for p in params] == ["kinds", "archived", "from", "limit"]


def test_a_stale_overlay_target_is_an_error() -> None:
    overlay = load(OVERLAY)
    overlay["actions"].append(
        {"target": "$.components.schemas.Gone.properties", "update": {"x": {"type": "string"}}}
    )
    with pytest.raises(OverlayError) as caught:
        apply(converted(), overlay)
    assert "action 5: target $.components.schemas.Gone.properties matches nothing" in str(
        caught.value
    )
    assert [s.action.number for s in stale_actions(converted(), overlay)] == [5]


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        ({"overlay": "2.0.0", "actions": [{"target": "$"}]}, r"not an Overlay 1\.x"),
        ({"overlay": "1.0.0", "actions": []}, "no actions"),
        ({"overlay": "1.0.0", "actions": [{"target": "$.info"}]}, "exactly one of"),
        ({"overlay": "1.0.0", "actions": [{"target": "$[", "remove": True}]}, "bad JSONPath"),
    ],
)
def test_malformed_overlays_are_refused(overlay: dict[str, Any], message: str) -> None:
    with pytest.raises(OverlayError, match=message):
        apply(converted(), overlay)


# -- drift --------------------------------------------------------------------------------------


def _changed_upstream(tmp_path: Path) -> Path:
    """The fixture as a newer upstream: one operation more, one property less, one changed."""
    swagger = load(FIXTURE)
    swagger["paths"]["/things/{thingId}"]["get"] = {
        "operationId": "getThing",
        "parameters": [{"name": "thingId", "in": "path", "required": True, "type": "string"}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}},
    }
    del swagger["definitions"]["Thing"]["properties"]["name"]
    swagger["definitions"]["Thing"]["properties"]["kind"]["enum"].append("C")
    swagger["paths"]["/things"]["get"]["parameters"][0]["collectionFormat"] = "csv"
    path = tmp_path / "newer.yaml"
    path.write_text(yaml.safe_dump(swagger), encoding="utf-8")
    return path


def test_drift_report_since_the_last_import(tmp_path: Path) -> None:
    spec_path = tmp_path / "spec.yaml"
    first = import_upstream(FIXTURE, OVERLAY, spec_path)
    assert first.spec is not None
    write_spec(first.spec, spec_path, OVERLAY)
    assert spec_path.read_text().startswith("# sipgateio's OpenAPI description")

    again = import_upstream(FIXTURE, OVERLAY, spec_path)
    assert not again.drift
    assert report(again.drift) == "no drift: operations and schema properties are unchanged\n"

    newer = import_upstream(_changed_upstream(tmp_path), OVERLAY, spec_path)
    d = newer.drift
    assert d.operations_added == ["GET /things/{thingId}"]
    assert d.operations_removed == []
    assert d.operations_changed == ["GET /things: parameters"]
    assert d.properties_removed == ["Thing.name"]
    assert d.properties_changed == ["Thing.kind"]
    assert d.properties_added == []
    text = report(d)
    assert "operations added (1):\n  GET /things/{thingId}" in text
    assert "schema properties removed (1):\n  Thing.name" in text


def test_drift_report_names_overlay_actions_that_no_longer_apply(tmp_path: Path) -> None:
    swagger = load(FIXTURE)
    del swagger["paths"]["/things"]["get"]["parameters"][2]  # 'from' is gone upstream
    newer = tmp_path / "newer.yaml"
    newer.write_text(yaml.safe_dump(swagger), encoding="utf-8")
    result = import_upstream(newer, OVERLAY, None)
    assert result.spec is None
    assert result.drift.stale_actions == [
        "action 2: target $.paths['/things'].get.parameters[?@.name == 'from'].schema "
        "matches nothing"
    ]
    assert "overlay actions that no longer apply (1):" in report(result.drift)


def test_drift_compares_operations_and_properties() -> None:
    old = apply(converted(), load(OVERLAY))
    new = copy.deepcopy(old)
    del new["paths"]["/things/{thingId}"]
    new["components"]["schemas"]["Thing"]["properties"]["size"] = {"type": "integer"}
    new["components"]["schemas"]["Thing"]["required"] = ["id", "size"]
    d = drift(old, new)
    assert d.operations_removed == ["DELETE /things/{thingId}"]
    assert d.properties_added == ["Thing.size"]
    assert d.properties_changed == ["Thing required: ['id'] -> ['id', 'size']"]


# -- the real thing -----------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED_SWAGGER.exists(), reason="../shared is not beside the checkout")
def test_the_checked_in_spec_is_sipgates_description_with_our_overlay() -> None:
    result = import_upstream(
        SHARED_SWAGGER,
        ROOT / "openapi" / "sipgate-v2.overlay.yaml",
        ROOT / "openapi" / "sipgate-v2.yaml",
    )
    assert result.spec is not None, report(result.drift)
    assert not result.drift, report(result.drift)
