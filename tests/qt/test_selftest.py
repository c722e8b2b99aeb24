"""`downtime selftest`, run here from the checkout: CI runs the same command in the frozen
folder app, so it must pass on a sound copy and fail, naming the step and never hanging, on a
broken one."""

import sys

from PySide6.QtWidgets import QApplication

from downtime import paths
from downtime.cli import main
from downtime.paths import forms_dir
from downtime.qt import selftest as qt_selftest
from downtime.qt.main_window import MainWindow
from downtime.services import selftest as checks


def test_selftest_passes_on_a_sound_copy_and_touches_nothing_of_the_laptop(qtbot, capsys):
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out
    every_form = len(list(forms_dir().glob("*.yaml")))
    for step in ("ok Qt", "ok modules", f"ok forms: {every_form} form definitions",
                 "ok bank holidays: GB-ENG, GB-WLS, GB-SCT, GB-NIR, FR, FR-6AE, FR-57", "ok database: encrypted demo ward", "SQLCipher",
                 "ok resources: snapshot templates", "ok sign-in window", "ok main window: Hélène Lefèvre signed in",
                 "DejaVu fonts embedded", "ok print preview: Qt PDF showed", "FHIR R4B bundle",
                 "ok backup: written when the window closed", "opened with a PIN and sound"):
        assert step in out
    assert out.rstrip().endswith("selftest passed")
    assert not [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)]
    assert not paths.data_dir().exists() or not any(paths.data_dir().rglob("*"))


def test_missing_forms_fail_the_selftest_naming_the_step(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "_PACKAGE", tmp_path / "downtime")
    assert main(["selftest"]) == 1
    err = capsys.readouterr().err
    assert "selftest failed at 'forms': FileNotFoundError: the forms/ folder of Downtime is missing" in err


def test_a_library_missing_from_the_bundle_is_named_before_anything_runs(qtbot, tmp_path, monkeypatch, capsys):
    import downtime

    (tmp_path / "needs_missing.py").write_text("import no_such_library_here\n", encoding="utf-8")
    monkeypatch.setattr(downtime, "__path__", [*downtime.__path__, str(tmp_path)])
    assert main(["selftest"]) == 1
    assert ("selftest failed at 'modules': downtime.needs_missing: ModuleNotFoundError: No module named "
            "'no_such_library_here'") in capsys.readouterr().err


def test_a_missing_qt_plugin_fails_the_selftest(qtbot, monkeypatch, capsys):
    monkeypatch.setitem(qt_selftest.REQUIRED_PLUGINS, sys.platform, {"platforms": ("offscreen", "nowhere")})
    assert main(["selftest"]) == 1
    assert "selftest failed at 'Qt plugins': nowhere missing from" in capsys.readouterr().err


def test_an_app_that_never_shows_its_window_fails_after_the_timeout_instead_of_hanging(
        qtbot, tmp_path, monkeypatch, capsys):
    """A ward database that is not the demo never gets the demo's sign-in hint, so the
    driver waits for it until the deadline, then closes the app and reports the step."""
    from downtime.services.unlock import create

    def plain_ward(folder, forms, report):
        path = folder / "ward.sqlite"
        vault, _ = create(path, encrypted=False, device_number=7, device_name="Ward 3B laptop", admin_id="admin",
                          admin_name="Alice Admin", admin_pin="0000")
        assert vault.db is not None
        vault.db.conn.close()
        return path

    monkeypatch.setattr(checks, "make_demo_ward", plain_ward)
    monkeypatch.setattr(qt_selftest, "TIMEOUT_SECONDS", 1)
    assert main(["selftest"]) == 1
    assert "selftest failed at 'sign-in window': nothing happened for 1 s" in capsys.readouterr().err


def test_plugin_file_names_read_the_same_on_every_system():
    from pathlib import Path

    assert qt_selftest._plugin_name(Path("plugins/platforms/libqxcb.so")) == "xcb"
    assert qt_selftest._plugin_name(Path("plugins/platforms/qwindows.dll")) == "windows"
    assert qt_selftest._plugin_name(Path("plugins/platforms/libqcocoa.dylib")) == "cocoa"
    assert qt_selftest._plugin_name(Path("plugins/printsupport/libcupsprintersupport.so")) == "cupsprintersupport"
