"""Each decision row of the medicines reconciliation shows which medicine it decides: the admission's
lines copied into the Medicine boxes read from their start, drug and strength in sight, the whole
line in the box's tooltip, the rows not scrolled sideways for it. The boxes were 97 pixels wide,
each scrolled to its end ("matin et soir", "40 mg le soir"): no drug was seen on any row, and Held
or Stopped was picked for a line unread."""

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from downtime.qt.form_view import FormView
from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import records, wards

USUAL = ("Metformine 1 g matin et soir\nRamipril 5 mg le matin\nAtorvastatine 40 mg le soir\n"
         "Lévothyroxine 75 µg à jeun\nParacétamol 1 g si douleur, 3 fois par jour au plus")


def opened_on_a_laptop(session_for, admission_values, laptop_window, lang: str) -> FormView:
    """A doctor's new reconciliation of a patient admitted with `USUAL`, in a 1092×582 window."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    patient = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "usual_medicines": USUAL, "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    doctor = session_for("doctor", lang)
    form = laptop_window(doctor, 1092, 582).open_new(doctor.form("medicines_reconciliation"), patient)
    QApplication.processEvents()
    return form


@pytest.mark.parametrize("largest", [False, True])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_copied_medicine_reads_from_its_drug_and_strength(
        qtbot, laptop_window, session_for, admission_values, app_style, lang, largest):
    if largest:
        change_text_size(QApplication.instance(), len(TEXT_SIZES))
    form = opened_on_a_laptop(session_for, admission_values, laptop_window, lang)
    rows = form.editors["decisions"].rows
    assert [row.editors[0].raw() for row in rows] == USUAL.splitlines()
    for row in rows:
        box = row.editors[0].edit
        drug_and_strength = " ".join(box.text().split()[:3])  # "Atorvastatine 40 mg"
        assert box.cursorPosition() == 0, f"{box.text()!r} shown from its start"
        # a digit's width for the box's frame and margins (8 pixels at the usual text)
        assert box.width() >= box.fontMetrics().horizontalAdvance(drug_and_strength + "0"), \
            f"{drug_and_strength!r} in sight in a box {box.width()} pixels wide"
        assert box.toolTip() == box.text()
    (area,) = [area for area in form.findChildren(QScrollArea) if area.widget() is not None
               and area.widget().isAncestorOf(form.first_editor().widget)]
    assert area.widget().minimumSizeHint().width() <= area.viewport().width(), "the rows not scrolled sideways"
