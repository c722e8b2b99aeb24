"""The wheel and the folder app (resources/packaging/downtime.spec) ship the same forms and
resources, where `downtime.paths` finds them; the build recipe itself ships in neither."""

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "resources" / "packaging" / "downtime.spec"


def _pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


NOT_SHIPPED = ("packaging", "screenshots")  # the build recipe and the README's pictures


def test_the_wheel_ships_every_resource_but_the_build_recipe_and_the_readme_pictures():
    forced = _pyproject()["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    shipped = {source for source in forced if source.startswith("resources/")}
    expected = {f"resources/{item.name}" for item in (REPO / "resources").iterdir() if item.name not in NOT_SHIPPED}
    assert shipped == expected
    assert all(forced[source] == f"downtime/_data/{source}" for source in shipped)
    assert forced["forms"] == "downtime/_data/forms"


def test_the_folder_app_puts_forms_and_resources_where_the_app_looks_and_leaves_its_recipe_out(monkeypatch):
    """The recipe run with PyInstaller's parts replaced by recorders (PyInstaller is the
    `package` extra, not installed for the tests): what it would bundle, and where."""
    import sys
    import types

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, subdir=None: []
    hooks.collect_submodules = lambda package, filter=None: [f"{package}.stub"]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    analysed = {}

    def analysis(scripts, **options):
        analysed.update(options, scripts=scripts)
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])

    spec_globals = {"SPECPATH": str(SPEC.parent), "Analysis": analysis, "PYZ": lambda *a, **k: None,
                    "EXE": lambda *a, **k: None, "COLLECT": lambda *a, **k: None}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), spec_globals)

    assert analysed["scripts"] == [str(REPO / "downtime" / "__main__.py")]
    datas = {Path(source): target for source, target in analysed["datas"]}
    assert datas.pop(REPO / "forms") == "downtime/_data/forms"
    resources = REPO / "resources"
    expected = {path: str(Path("downtime/_data/resources") / path.parent.relative_to(resources))
                for path in resources.rglob("*")
                if path.is_file() and not set(NOT_SHIPPED) & set(path.relative_to(resources).parts)}
    assert datas == expected
    assert "fhir.resources.R4B.stub" in analysed["hiddenimports"]


def test_pyinstaller_is_an_extra_of_its_own_not_a_test_dependency():
    extras = _pyproject()["project"]["optional-dependencies"]
    assert any(requirement.startswith("pyinstaller") for requirement in extras["package"])
    assert not any(requirement.startswith("pyinstaller") for requirement in extras["test"])
