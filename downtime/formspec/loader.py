"""Reading form files, with errors that name the file, the field and the problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from downtime.errors import FormSpecError
from downtime.formspec.schema import FormSpec, copy_problems


def _where(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Turn pydantic's index path into section and field ids a form author recognises."""
    parts: list[str] = []
    node = raw
    rest = list(loc)
    while rest:
        key = rest.pop(0)
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            ident = node.get("id") if isinstance(node, dict) else None
            kind = node.get("kind") if isinstance(node, dict) else None
            if ident:
                label = "field" if kind else "section"
                parts.append(f"{label} {ident!r}")
            else:
                parts.append(f"item {key + 1}")
            if kind and rest and rest[0] == kind:
                rest.pop(0)
        elif isinstance(node, dict) and key in node:
            node = node[key]
            if key not in ("sections", "fields"):
                parts.append(str(key))
        else:
            parts.append(str(key))
            parts.extend(str(k) for k in rest)
            break
    return ", ".join(parts) or "form"


def load_form(path: Path) -> FormSpec:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FormSpecError(path, [f"cannot be read: {exc}"]) from exc
    except yaml.YAMLError as exc:
        raise FormSpecError(path, [f"is not valid YAML: {exc}"]) from exc
    if not isinstance(raw, dict):
        raise FormSpecError(path, ["must hold a mapping with id, version, title and sections"])
    try:
        spec = FormSpec.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = _where(raw, tuple(error["loc"]))
            problems.append(f"{where}: {error['msg']}")
        raise FormSpecError(path, problems) from exc
    if spec.id != path.stem:
        raise FormSpecError(path, [f"form id {spec.id!r} must match the file name {path.stem!r}"])
    return spec


def load_forms(directory: Path) -> dict[str, FormSpec]:
    """Every form of a folder; all problems of all files are reported together."""
    forms: dict[str, FormSpec] = {}
    problems: list[str] = []
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise FormSpecError(directory, ["holds no form definition (*.yaml)"])
    for path in files:
        try:
            forms[path.stem] = load_form(path)
        except FormSpecError as exc:
            problems.extend(f"{path.name}: {problem}" for problem in exc.problems)
    if not problems:
        problems.extend(copy_problems(forms))
    if problems:
        raise FormSpecError(directory, problems)
    return forms
