"""The missing-patient form on a laptop: its "Needs a time-critical medicine or treatment
(insulin, anticoagulant, Parkinson's, oxygen, IV antibiotics)" tick, a check box that does not
wrap, widened the form to 1434 pixels in a 1054-pixel window at the largest text (1705 in
French), and "Hospitalisation sous contrainte, ou mesure de privation de liberté" to 537 in the
least French window: the nurse scrolled sideways to read the risk. The tick is short, its
examples are the treatment's help below it."""

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from downtime.qt.style import TEXT_SIZES, change_text_size


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("largest", [False, True], ids=["least_window", "largest_text"])
def test_the_missing_patient_form_never_scrolls_sideways(laptop_window, session_for, patient, lang, largest):
    app = QApplication.instance()
    change_text_size(app, len(TEXT_SIZES) if largest else 0)
    window = laptop_window(session_for("nurse", lang), 1092, 582)
    if not largest:
        window.resize(window.minimumSizeHint().expandedTo(window.minimumSize()))
    form = window.open_new(window.session.forms["missing_patient"], patient)
    app.processEvents()
    shown = [area for area in form.findChildren(QScrollArea) if area.isVisible()]
    assert shown and not any(area.horizontalScrollBar().maximum() for area in shown)
