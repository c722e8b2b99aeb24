"""Reading form files, with errors that name the file, the field and the problem."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from downtime.errors import WHERE, FormSpecError
from downtime.formspec.required_by_code import unread_problems
from downtime.formspec.schema import FormSpec, SpecProblems, copy_problems, answer_of_problems
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase


def _where(raw: Any, loc: tuple[int | str, ...]) -> Phrase:
    """Turn pydantic's index path into section and field ids a form author recognises."""
    parts: list[Phrase | str] = []
    node = raw
    rest = list(loc)
    while rest:
        key = rest.pop(0)
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            ident = node.get("id") if isinstance(node, dict) else None
            kind = node.get("kind") if isinstance(node, dict) else None
            if ident:
                parts.append(Phrase(QT_TRANSLATE_NOOP("messages", "field {id}") if kind
                                    else QT_TRANSLATE_NOOP("messages", "section {id}"), {"id": repr(ident)}))
            else:
                parts.append(Phrase(QT_TRANSLATE_NOOP("messages", "item {number}"), {"number": key + 1}))
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
    if not parts:
        return Phrase(QT_TRANSLATE_NOOP("messages", "form"))
    # The parts joined as they come, each said in the language: "section 's', field 'age', mni".
    return Phrase(", ".join(f"{{part{number}}}" for number in range(len(parts))),
                  {f"part{number}": part for number, part in enumerate(parts)})


def _problems(raw: Any, error: ValidationError) -> list[Phrase]:
    """Each problem where it is; one of the schema's own (`SpecProblems`) in the catalogue's words,
    pydantic's own ("Field required") in its English."""
    found = []
    for problem in error.errors():
        where = _where(raw, tuple(problem["loc"]))
        cause = problem.get("ctx", {}).get("error")
        said = cause.phrases if isinstance(cause, SpecProblems) else [problem["msg"]]
        found.extend(Phrase(WHERE, {"where": where, "problem": each}) for each in said)
    return found


class _AtLine(Exception):
    """What is wrong at a line of a form file that YAML itself lets by: a key given twice, bytes not UTF-8."""

    def __init__(self, phrase: Phrase):
        self.phrase = phrase
        super().__init__(str(phrase))


class _Once:
    """A loader refusing a key given twice in one mapping: YAML keeps the last one, so a line
    pasted under a field (`required: false` a few lines below `required: true`) silently made
    the Note optional, and a second `options:` came out as a puzzling `by_role` problem."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """Checked before YAML merges an anchor's keys in (`<<: *common`), which the mapping's own
        keys may override."""
        ident = next((value.value for key, value in node.value
                      if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode)),
                     None)
        seen: set[str] = set()
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            if key.value in seen:
                values = {"line": key.start_mark.line + 1, "key": repr(key.value)}
                if ident is None:
                    raise _AtLine(Phrase(QT_TRANSLATE_NOOP("messages", "line {line}: {key} given twice"), values))
                raise _AtLine(Phrase(QT_TRANSLATE_NOOP("messages", "line {line}: {key} given twice in {id}"),
                                     {**values, "id": repr(ident)}))
            seen.add(key.value)
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class _FastLoader(_Once, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


class _ExplainingLoader(_Once, yaml.SafeLoader):
    pass


def _parsed(text: str, name: str) -> Any:
    """The YAML read by libyaml (PyYAML's C parser), where PyYAML has it: the pure-Python parser
    took 170 ms for the thirteen forms, which every command of the command line read (and a
    merge four times). Text libyaml refuses is read again by the Python parser, whose message
    also quotes the line and points at the place: that is what a hospital's IT reads to mend
    a form they edited. Its reader is named as the file, which the message then names (a text
    is "<unicode string>" to it; a stream named as the file loses the quoted line)."""
    try:
        return yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        loader = _ExplainingLoader(text)
        loader.name = name
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()


def _decoded(data: bytes) -> str:
    """The file's text; text not in UTF-8 (saved as Latin-1 by an editor) is said with the line
    and column an editor shows, not Python's byte offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        raise _AtLine(Phrase(QT_TRANSLATE_NOOP("messages", "line {line}, column {column}: not UTF-8 text (save "
                                                           "the file as UTF-8)"),
                             {"line": data.count(b"\n", 0, exc.start) + 1,
                              "column": len(data[line_start:exc.start].decode("utf-8", "replace")) + 1})) from exc


def load_form(path: Path) -> FormSpec:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FormSpecError(path, [Phrase(QT_TRANSLATE_NOOP("messages", "cannot be read: {problem}"),
                                          {"problem": exc})]) from exc
    try:
        return _form_of(path.name, data)
    except _Refused as exc:
        raise FormSpecError(path, exc.problems) from exc.__cause__


class _Refused(Exception):
    """A form file's problems, for `load_form` to name the file they are in."""

    def __init__(self, problems: list[Phrase]):
        self.problems = problems
        super().__init__(problems)


@functools.lru_cache(maxsize=256)
def _form_of(name: str, data: bytes) -> FormSpec:
    """The form a file named `name` holding `data` defines, read once a process for each text: a
    folder with one file edited is read again in that file alone (the tests' edited copies of the
    forms read all 48 again, three quarters of a second each)."""
    try:
        raw = _parsed(_decoded(data), name)
    except _AtLine as exc:
        raise _Refused([exc.phrase]) from exc
    except yaml.YAMLError as exc:
        raise _Refused([Phrase(QT_TRANSLATE_NOOP("messages", "is not valid YAML: {problem}"), {"problem": exc})]) from exc
    if not isinstance(raw, dict):
        raise _Refused([Phrase(QT_TRANSLATE_NOOP("messages", "must hold a mapping with id, version, title and "
                                                             "sections"))])
    try:
        spec = FormSpec.model_validate(raw)
    except ValidationError as exc:
        raise _Refused(_problems(raw, exc)) from exc
    stem = Path(name).stem
    if spec.id != stem:
        raise _Refused([Phrase(QT_TRANSLATE_NOOP("messages", "form id {id} must match the file name {name}"),
                               {"id": repr(spec.id), "name": repr(stem)})])
    return spec


def load_forms(directory: Path) -> dict[str, FormSpec]:
    """Every form of a folder; all problems of all files are reported together. Read once a
    process while its files stay as they were (their names, sizes and times): a merge read the
    forms again after the window or the command had, a quarter of a second each time."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise FormSpecError(directory, [Phrase(QT_TRANSLATE_NOOP("messages", "holds no form definition (*.yaml)"))])
    return dict(_read_forms(directory, tuple(_stamp(path) for path in files)))


def _stamp(path: Path) -> tuple[str, int, int]:
    """A file's name, time and size; a file that cannot be read is read anyway, for its error."""
    try:
        stat = path.stat()
    except OSError:
        return path.name, -1, -1
    return path.name, stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=8)
def _read_forms(directory: Path, stamps: tuple[tuple[str, int, int], ...]) -> dict[str, FormSpec]:
    forms: dict[str, FormSpec] = {}
    problems: list[Phrase] = []
    for path in (directory / name for name, _, _ in stamps):
        try:
            forms[path.stem] = load_form(path)
        except FormSpecError as exc:
            problems.extend(Phrase(WHERE, {"where": path.name, "problem": problem}) for problem in exc.problems)
    if not problems:
        problems.extend(copy_problems(forms))
        problems.extend(answer_of_problems(forms))
        problems.extend(unread_problems(forms))
    if problems:
        raise FormSpecError(directory, problems)
    return forms
