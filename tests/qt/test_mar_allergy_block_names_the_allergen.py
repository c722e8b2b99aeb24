"""The red block above the MAR's chart: cut in its lines at the largest text, it said "NOT TO BE
GIVEN — ALLERGY RECORDED AFTER THE ORDER: …" and lost the allergen, which the header and the
rows named: the nurse read that an allergy forbade the dose, and not which. Given a second line
whatever its first showed, the allergy then cut the second "ALSO ORDERED" off the block even at
the usual text, where its first line named the allergen."""

import os

import pytest
from PySide6.QtWidgets import QApplication

from downtime.qt.mar_view import MarView
from downtime.qt.style import TEXT_SIZES, change_text_size
from tests.qt.test_mar_allergy_rows_whole_at_the_largest_text import allergy_after_orders

ALSO_ORDERED = {"en": "ALSO ORDERED", "fr": "AUSSI PRESCRIT"}


@pytest.mark.parametrize("size", [0, len(TEXT_SIZES)])  # the usual text, and the largest
@pytest.mark.parametrize("width", [1092, 0])  # a 125 % laptop's, and the least the window takes
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_allergy_block_names_the_allergen_and_each_order_also_ordered(
        qtbot, laptop_window, session_for, admission_values, clock, app_style, lang, width, size):
    admission = allergy_after_orders(session_for, admission_values, clock)
    change_text_size(QApplication.instance(), size)
    window = laptop_window(session_for("nurse", lang), width, 615)
    view = MarView(window.session, admission.patient_id, days=1)
    window.tabs.addTab(view, view.title)
    window.tabs.setCurrentWidget(view)
    qtbot.waitExposed(view)
    QApplication.processEvents()
    said = view.allergies_said
    if os.environ.get("F4_SHOTS"):
        said.grab().save(os.path.join(os.environ["F4_SHOTS"], f"mar_allergy_{lang}_{window.width()}_{size}.png"))
    assert said.isVisible()
    assert "Penicillin (Anaphyla" in said.text(), said.text()
    # Both where the allergy's first line names the allergen (the usual text, 1092 wide); where it
    # takes two lines to (the largest text, or the window at its narrowest, 560 to 590 wide at the
    # usual text), the last line says the first order also ordered.
    assert said.text().count(ALSO_ORDERED[lang]) == (2 if (width, size) == (1092, 0) else 1), said.text()
