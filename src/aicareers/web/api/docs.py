"""The API's docs page, rendered on the server from the app's own OpenAPI document.

FastAPI's default ``/docs`` loads Swagger UI from a CDN, which an offline laptop cannot reach;
this page needs nothing but our stylesheet. ``/openapi.json`` stays the machine-readable truth.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..templating import render

router = APIRouter(include_in_schema=False)

METHODS = ("get", "post", "put", "patch", "delete")


def _resolve(node: Any, components: dict[str, Any], depth: int = 0) -> Any:
    """``node`` with ``$ref``s to ``#/components/schemas/...`` replaced by their schemas."""
    if depth > 8:
        return node
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            found = components.get(ref.rsplit("/", 1)[-1], {})
            return _resolve(found, components, depth + 1)
        return {k: _resolve(v, components, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(item, components, depth + 1) for item in node]
    return node


def _type(schema: dict[str, Any]) -> str:
    """A short name for a schema's type: ``string``, ``integer``, ``array of string``, ..."""
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"])
    if "anyOf" in schema:
        kinds = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " | ".join(dict.fromkeys(kinds)) or "null"
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {_type(schema.get('items', {}))}"
    return str(kind)


def _example(schema: dict[str, Any]) -> Any:
    """The schema's first example, or None."""
    for key in ("examples", "example"):
        value = schema.get(key)
        if value is not None:
            return value[0] if key == "examples" and isinstance(value, list) and value else value
    return None


def _parameters(operation: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for param in operation.get("parameters", []):
        schema = param.get("schema", {})
        example = _example(param) or _example(schema)
        shown = ", ".join(map(str, example)) if isinstance(example, list) else example
        rows.append(
            {
                "name": param["name"],
                "where": param["in"],
                "type": _type(schema),
                "required": bool(param.get("required")),
                "description": param.get("description") or schema.get("description", ""),
                "default": schema.get("default"),
                "example": example,
                "shown": shown,
            }
        )
    return rows


def _body(operation: dict[str, Any], components: dict[str, Any]) -> list[dict[str, Any]]:
    """Each content type the request body accepts, with its fields and an example."""
    content = operation.get("requestBody", {}).get("content", {})
    bodies = []
    for media, spec in content.items():
        schema = _resolve(spec.get("schema", {}), components)
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = [
            {
                "name": name,
                "type": "file" if prop.get("format") == "binary" else _type(prop),
                "required": name in required,
                "description": prop.get("description", ""),
            }
            for name, prop in props.items()
        ]
        example = _example(schema)
        shown = json.dumps(example, indent=2) if example is not None else None
        bodies.append({"media": media, "fields": fields, "example": shown})
    return bodies


def _curl(method: str, path: str, params: list[dict[str, Any]], bodies: list[dict[str, Any]],
          secured: bool) -> str:  # fmt: skip
    """A command line that calls the endpoint with example values."""
    url = path
    for p in params:
        if p["where"] == "path" and p["example"] is not None:
            url = url.replace("{" + p["name"] + "}", quote(str(p["example"])))
    query = [
        f"{p['name']}={quote(str(v))}"
        for p in params
        if p["where"] == "query" and p["required"] and p["example"] is not None
        for v in (p["example"] if isinstance(p["example"], list) else [p["example"]])
    ]
    if query:
        url += "?" + "&".join(query)
    parts = ["curl"] + ([f"-X {method.upper()}"] if method != "get" else [])
    if secured:
        parts.append("-H 'Authorization: Bearer $AICAREERS_TOKEN'")
    json_body = next((b for b in bodies if b["media"] == "application/json"), None)
    if json_body and json_body["example"]:
        compact = json.dumps(json.loads(json_body["example"]))
        parts += ["-H 'Content-Type: application/json'", f"-d '{compact}'"]
    elif bodies and bodies[0]["media"] == "multipart/form-data":
        parts.append("-F 'file=@FILE'")
    parts.append(f"'http://127.0.0.1:8000{url}'")
    return " ".join(parts)


def _paragraphs(text: str) -> list[list[tuple[str, bool]]]:
    """A docstring's paragraphs as (text, is_code) pieces: `backticks` mark code."""
    found = []
    for paragraph in text.split("\n\n"):
        pieces = " ".join(paragraph.split()).split("`")
        if any(pieces):
            found.append([(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece])
    return found


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the OpenAPI document, ready for the template, grouped by tag order."""
    components = spec.get("components", {}).get("schemas", {})
    found = []
    for path, item in spec.get("paths", {}).items():
        if not path.startswith("/api/"):  # HTML pages are for people, not for this list
            continue
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            params = _parameters(operation)
            bodies = _body(operation, components)
            responses = operation.get("responses", {})
            secured = "401" in responses
            found.append(
                {
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "tag": (operation.get("tags") or ["other"])[0],
                    "summary": operation.get("summary", ""),
                    "paragraphs": _paragraphs(operation.get("description", "")),
                    "parameters": params,
                    "bodies": bodies,
                    "responses": [
                        (code, r.get("description", "")) for code, r in responses.items()
                    ],
                    "secured": secured,
                    "curl": _curl(method, path, params, bodies, secured),
                }
            )
    return found


@router.get("/docs", response_class=HTMLResponse)
@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API documentation page, built from ``app.openapi()``; no external resources."""
    spec = request.app.openapi()
    items = endpoints(spec)
    tags = list(dict.fromkeys(item["tag"] for item in items))
    context = {"spec": spec, "endpoints": items, "tags": tags}
    return render(request, "api_docs.html", context)
