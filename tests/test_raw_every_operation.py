"""Every generated operation, called through ``client.raw`` against a local server.

The table is the generated package itself (one row per endpoint module); the server
answers each with a body shaped by the spec's schema for its success response, and then
with bodiless error statuses, which must raise our typed APIError.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import re
import typing
from types import ModuleType
from typing import Any

import pytest

import sipgateio
import sipgateio.raw.api
from tests.apistub import Answer, APIStub
from tests.conftest import TOKEN, TOKEN_ID
from tests.spec_shapes import SPEC, sample

METHODS = ("get", "put", "post", "delete", "patch")


def _endpoint_modules() -> list[ModuleType]:
    modules = []
    for tag in pkgutil.iter_modules(sipgateio.raw.api.__path__):
        package = importlib.import_module(f"sipgateio.raw.api.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{op.name}"))
    return modules


MODULES = _endpoint_modules()


def _shape(method: str, path: str) -> tuple[str, str]:
    return method.upper(), re.sub(r"\{[^}]+\}", "{}", path)


OPERATIONS = {
    _shape(method, path): op
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in METHODS
}


def _success(op: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    """The first documented success status and its JSON or text schema (None: no body)."""
    for status, response in op["responses"].items():
        if status.isdigit() and int(status) < 400:
            content = response.get("content", {})
            for media in ("application/json", "text/csv"):
                if media in content:
                    return int(status), {"media": media, **content[media]["schema"]}
            return int(status), None
    return 204, None


def _arguments(module: ModuleType) -> tuple[dict[str, Any], str]:
    """Values for the required arguments of ``module.sync`` and the concrete request path."""
    _, template = module.OPERATION.split(" ", 1)
    signature = inspect.signature(module.sync)
    kwargs: dict[str, Any] = {}
    for name, param in signature.parameters.items():
        if name == "client" or param.default is not inspect.Parameter.empty:
            continue
        if name == "body":  # a required body: the model, filled from its schema
            op = OPERATIONS[_shape(*module.OPERATION.split(" ", 1))]
            schema = op["requestBody"]["content"]["application/json"]["schema"]
            model = param.annotation
            if typing.get_origin(model) is list:  # a JSON array of models
                (item,) = typing.get_args(model)
                kwargs[name] = [item.from_dict(sample(schema["items"]))]
            else:
                kwargs[name] = model.from_dict(sample(schema))
            continue
        kwargs[name] = 7 if "int" in str(param.annotation) else f"id-{name}"
    path = template.format(**kwargs)
    return kwargs, "/v2" + path


def _client(api: APIStub) -> sipgateio.SipgateIO:
    return sipgateio.SipgateIO(token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0)


def test_every_published_operation_is_generated() -> None:
    assert len(MODULES) == len(OPERATIONS) == 179
    assert {_shape(*m.OPERATION.split(" ", 1)) for m in MODULES} == set(OPERATIONS)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.OPERATION)
def test_every_operation_through_client_raw(api: APIStub, module: ModuleType) -> None:
    method, _ = module.OPERATION.split(" ", 1)
    op = OPERATIONS[_shape(*module.OPERATION.split(" ", 1))]
    status, schema = _success(op)
    kwargs, path = _arguments(module)
    if schema is None:
        api.reply(method, path, Answer(status))
    elif schema["media"] == "text/csv":
        api.reply(method, path, Answer(status, body="id,type\n1,CALL\n", content_type="text/csv"))
    else:
        api.reply(method, path, Answer(status, json=sample(schema)))
    with _client(api) as client:
        response = module.sync_detailed(client=client.raw, **kwargs)
        assert response.status_code == status
        if schema is None:
            assert response.parsed is None
        elif schema["media"] == "text/csv":
            assert response.parsed == "id,type\n1,CALL\n"
        else:
            assert response.parsed is not None
            if "$ref" in schema:  # a model: every property the server sent was read
                name = schema["$ref"].rsplit("/", 1)[-1]
                assert type(response.parsed).__name__ == name
                dumped = response.parsed.to_dict()
                assert set(dumped) == set(sample(schema))

        # bodiless error answers: typed errors, never a decode error
        for error_status, error in (
            (402, sipgateio.PaymentRequiredError),
            (503, sipgateio.ServerError),
        ):
            api.reply(method, path, Answer(error_status, body=b""))
            with pytest.raises(error) as caught:
                module.sync(client=client.raw, **kwargs)
            assert caught.value.status_code == error_status
    assert api.requests[0].method == method
    assert api.requests[0].headers["authorization"].startswith("Basic ")


def test_every_operation_through_async_client_raw(api: APIStub) -> None:
    async def go() -> list[str]:
        called = []
        async with sipgateio.AsyncSipgateIO(
            token_id=TOKEN_ID, token=TOKEN, base_url=api.url, max_retries=0
        ) as client:
            for module in MODULES:
                method, _ = module.OPERATION.split(" ", 1)
                kwargs, path = _arguments(module)
                api.reply(
                    method, path, Answer(404, body="<html>no</html>", content_type="text/html")
                )
                with pytest.raises(sipgateio.NotFoundError):
                    await module.asyncio(client=client.raw, **kwargs)
                called.append(module.OPERATION)
        return called

    assert len(asyncio.run(go())) == 179
    assert len(api.requests) == 179
