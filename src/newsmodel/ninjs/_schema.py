"""IPTC's ninjs JSON Schemas, shipped in the package, and validation against them.

Validation needs the optional ``jsonschema`` package. Nothing is fetched: a reference outside
the schema (ninjs 3.x points ``geoJSON`` at geojson.org) is refused, not retrieved.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_VERSIONS", "schema", "schema_problems", "version_of"]

#: Every version whose schema ships, newest first.
SCHEMA_VERSIONS = ("3.1", "3.0", "2.2", "2.1", "2.0")

_V3_ONLY = frozenset(
    {
        "versionCreated",
        "firstCreated",
        "contentCreated",
        "embargoedUntil",
        "pubStatus",
        "copyrightHolder",
        "copyrightNotice",
        "usageTerms",
        "edNote",
        "infoSources",
        "altIds",
        "trustIndicators",
        "rightsInfo",
        "representationType",
        "digitalSourceType",
    }
)
_V2_NAMES = frozenset(
    {name.lower() for name in _V3_ONLY}
    | {"embargoed", "contenttype", "charcount", "wordcount", "sizeinbytes", "contactinfo"}
)
_V1_ONLY = frozenset({"headline", "body_html", "body_text", "body_xhtml", "byline", "guid"})


@cache
def _text(version: str) -> str:
    path = (
        resources.files("newsmodel.ninjs")
        .joinpath("schema")
        .joinpath(f"ninjs-schema_{version}.json")
    )
    return path.read_text("utf-8")


def schema(version: str) -> dict[str, Any]:
    """A fresh copy of IPTC's JSON Schema of a ninjs version."""
    if version not in SCHEMA_VERSIONS:
        msg = f"no ninjs {version} schema (one of {', '.join(SCHEMA_VERSIONS)})"
        raise ValueError(msg)
    result: dict[str, Any] = json.loads(_text(version))
    return result


def version_of(item: dict[str, Any]) -> str | None:
    """The ninjs version an item says or looks like it follows; ``None`` for 1.x shapes."""
    standard = item.get("standard")
    if isinstance(standard, dict):
        said = standard.get("version")
        if isinstance(said, str):
            for version in SCHEMA_VERSIONS:
                if said == version or said.startswith(f"{version}."):
                    return version
    keys = set(_keys(item))
    if any(key != key.lower() for key in keys):  # 3.x's camelCase names
        return "3.1"
    if keys & _V1_ONLY:
        return None
    if keys & _V2_NAMES:
        return "2.2"
    return "3.1"


def _keys(item: dict[str, Any]) -> list[str]:
    """The names of an item's properties and of the objects in them, one level down."""
    keys = list(item)
    for value in item.values():
        entries = value if isinstance(value, list) else [value]
        for entry in entries:
            if isinstance(entry, dict):
                keys.extend(entry)
    return keys


@cache
def _validator(version: str) -> Any:  # noqa: ANN401 - jsonschema's validator classes are untyped
    # Optional, needed only here; imported by name, as it ships without type information.
    jsonschema = importlib.import_module("jsonschema")
    registry = importlib.import_module("referencing").Registry

    def refuse(uri: str) -> Any:  # noqa: ANN401
        msg = f"{uri} is never fetched"
        raise LookupError(msg)

    document = schema(version)
    cls = jsonschema.validators.validator_for(document)
    return cls(document, registry=registry(retrieve=refuse))


def schema_problems(item: object, version: str) -> list[tuple[str, str]]:
    """The ways an item breaks the schema of ``version``: (JSON path, message), in order.

    Raises:
        ModuleNotFoundError: ``jsonschema`` is not installed.
    """
    unresolvable = importlib.import_module("referencing.exceptions").Unresolvable

    validator = _validator(version)
    problems = []
    try:
        errors = sorted(validator.iter_errors(item), key=lambda e: list(e.absolute_path))
        for error in errors:
            path = "$" + "".join(
                f"[{step}]" if isinstance(step, int) else f".{step}" for step in error.absolute_path
            )
            problems.append((path, error.message))
    except unresolvable as exc:  # a reference outside the schema, never fetched
        message = f"not checked: the schema refers to {exc.ref}, which is never fetched"
        problems.append(("$", message))
    return problems
