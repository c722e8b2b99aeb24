"""A number typed with one to three digits, then a point or a comma and three zeros ("1.000",
"10,000") is refused wherever it is typed, as a thousand-fold dose misread is: the dialogs that
read a dose or a quantity name its two readings, as a form's box does, rather than saying it
"cannot be read" or is "not a number" (the nurse had written a number, and could not tell what to
change)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from downtime.qt.cd_register_panel import CdEntryDialog
from downtime.qt.i18n import set_language
from downtime.qt.mar_view import MarView
from downtime.qt.paper_doses_dialog import GIVEN, NOT_ON_PAPER
from downtime.services import cd_register


@pytest.fixture
def speaking(qapp, request):
    """speaking(lang): the interface in `lang` for the test, English again after it."""
    request.addfinalizer(lambda: set_language("en"))
    return set_language


def _typed_over(box, text: str) -> None:
    """`text` typed in `box` in place of what it held, as a nurse selecting it all does."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, text)


@pytest.mark.parametrize("lang, typed, said", [
    ("en", "1.000", "Row 1: “Dose”: write 1000 or 1: no thousands separator."),
    ("fr", "1.000", "« Dose » : écrivez 1000 ou 1 : sans séparateur de milliers."),
    ("en", "2.400.000", "Row 1: “Dose”: write 2400000: no thousands separator."),
])
def test_a_paper_dose_copied_as_1_000_is_refused_naming_both_readings(qtbot, paper_night, speaking, lang, typed, said):
    """Paracetamol 1 g, the night's paper chart saying "1.000": refused with "Row 1: “Dose” cannot
    be read.". Extencilline's "2.400.000" UI has its one reading (it was "cannot be read" too)."""
    speaking(lang)
    nurse, patient, _, _, _ = paper_night
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    view.show()
    view.paper.enter_button.click()
    dialog = view.paper_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    row = dialog.rows[0]
    row.outcome.setCurrentIndex(GIVEN)
    _typed_over(row.dose, typed)
    dialog.save_button.click()
    assert dialog.error.text().endswith(said)
    assert QApplication.focusWidget() is row.dose
    assert dialog.isVisible(), "nothing saved"
    assert all(other.outcome.currentIndex() == NOT_ON_PAPER for other in dialog.rows[1:])


@pytest.mark.parametrize("lang, counted, typed, said", [
    ("en", True, "10.000", "“Counted in the cupboard”: write 10000 or 10: no thousands separator."),
    ("en", False, "10.000", "“Quantity received”: write 10000 or 10: no thousands separator."),
    ("fr", True, "10.000", "« Compté dans l’armoire » : écrivez 10000 ou 10 : sans séparateur de milliers."),
    ("en", False, "1.000.000", "“Quantity received”: write 1000000: no thousands separator."),
])
def test_a_register_quantity_typed_10_000_is_refused_naming_both_readings(qtbot, session_for, medication_ward,
                                                                          speaking, lang, counted, typed, said):
    """Morphine 10 mL counted, written "10.000": refused with "Quantity: write a number, e.g. 20 or
    2,5.", which she had; "1.000.000" told the one number it can be. The register writes nothing."""
    speaking(lang)
    nurse = session_for("nurse", lang)
    cd_register.cd_receive(nurse, "3B", "Morphine", "mL", 10, witness=("doctor", "2222"))
    pages = cd_register.cd_stock(nurse.db, nurse.forms, "3B")
    dialog = CdEntryDialog(nurse, "3B", pages, pages[0], counted)
    qtbot.addWidget(dialog)
    _typed_over(dialog.quantity, typed)
    dialog.save_button.click()
    assert dialog.error.text() == said
    assert cd_register.cd_stock(nurse.db, nurse.forms, "3B") == pages


@pytest.mark.parametrize("typed, said", [("1.000", "“Dose given”: write 1000 or 1: no thousands separator."),
                                         ("2.400.000", "“Dose given”: write 2400000: no thousands separator.")])
def test_a_dose_given_typed_with_its_thousands_grouped_names_what_to_write(dose_dialog, medication_ward, session_for,
                                                                           typed, said):
    """The dose dialog names the dose's box and the number(s) to write, the cursor put back in it;
    "2.400.000" UI was told only that the dose "must be a number"."""
    from datetime import datetime

    from downtime.services import medication

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    dialog = dose_dialog(nurse, amox, datetime.fromisoformat("2026-11-28T14:00+01:00"))
    _typed_over(dialog.dose, typed)
    dialog.save_button.click()
    assert dialog.error.text() == said
    assert dialog.focusWidget() is dialog.dose
    assert medication.administrations(nurse.db, patient) == []
