"""Back on the laptop after a night on paper: the banner says when it last recorded anything,
and the round and the chart say which doses to look for on paper before giving them again."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from downtime.qt.banner import Banner
from downtime.qt.mar_view import MarView
from downtime.qt.medication_panel import MedicationPanel

NIGHT = datetime.fromisoformat("2026-11-28T21:30+01:00")  # the ward's records last written at 14:00
SAID = ("No dose recorded on this laptop between 28/11 14:00 and 28/11 21:30: doses given then may be on paper. "
        "Enter them first (at the time they were given) before giving anything due. Amoxicillin was written on this "
        "laptop at 28/11 14:00, to start at 27/11 10:00: its doses due before it was written may have been given from "
        "the paper chart. Enter them first (at the time they were given) before giving anything due.")


def test_the_round_says_the_doses_to_check_on_paper(qtbot, session_for, medication_ward, clock):
    clock.now = NIGHT
    panel = MedicationPanel(session_for("nurse"))
    qtbot.addWidget(panel)
    panel.refresh()
    assert not panel.paper.isHidden() and panel.paper.text() == SAID
    first = panel.model.index(0, 0)
    assert panel.model.data(first) == "NOT RECORDED — check the paper"
    assert panel.model.data(panel.model.index(0, 1)) == "28/11 20:00"
    assert panel.model.data(first, Qt.ItemDataRole.ForegroundRole) == QColor(Qt.GlobalColor.darkRed)


def test_the_chart_says_them_too(qtbot, session_for, medication_ward, clock):
    patient, amox, _ = medication_ward
    clock.now = NIGHT
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    assert not view.paper.isHidden() and view.paper.text() == SAID
    line = next(n for n, (row, at) in enumerate(view.model.rows) if row.order.record_id == amox and at == "20:00")
    assert view.model.data(view.model.index(line, 4)) == "NOT RECORDED — check the paper"  # 28/11
    # 27/11: before the laptop's last record, but before the order was typed in too.
    assert view.model.data(view.model.index(line, 3)) == "NOT RECORDED — check the paper"


def test_the_chart_says_each_stretch_the_laptop_was_off(qtbot, session_for, medication_ward, admission_values, clock):
    """Off from 14:00 to 22:30, then all night: the evening's dose read OVERDUE beside the
    morning's "check the paper", and the notice named the night alone."""
    from downtime.services import records

    patient, amox, _ = medication_ward
    clock.now = datetime.fromisoformat("2026-11-28T22:30+01:00")
    records.save_new(session_for("nurse"), "admission", {**admission_values, "nir": None, "bed": "3",
                                                         "birth_date": "1961-07-02", "arrival_at": "2026-11-28T22:15+01:00"})
    clock.now = datetime.fromisoformat("2026-11-29T10:00+01:00")
    view = MarView(session_for("nurse"), patient)
    qtbot.addWidget(view)
    assert view.paper.text().startswith("No dose recorded on this laptop in 2 stretches: 28/11 14:00–22:30, "
                                        "28/11 22:30–29/11 10:00. ")
    lines = {at: n for n, (row, at) in enumerate(view.model.rows) if row.order.record_id == amox}
    assert view.model.data(view.model.index(lines["20:00"], 3)) == "NOT RECORDED — check the paper"  # 28/11
    assert view.model.data(view.model.index(lines["08:00"], 4)) == "NOT RECORDED — check the paper"  # 29/11


def test_the_banner_says_the_laptops_last_record_whoever_wrote_it(qtbot, session_for, medication_ward, clock):
    clock.now = NIGHT
    banner = Banner(session_for("records"))
    qtbot.addWidget(banner)
    assert banner.last_save.text() == "Last save: 14:00:00"
    clock.now = datetime.fromisoformat("2026-11-29T07:15+01:00")
    banner = Banner(session_for("records"))
    qtbot.addWidget(banner)
    assert banner.last_save.text() == "Last save: 28/11 14:00"


def test_a_dose_typed_late_says_so_in_its_cell_and_tooltip(qtbot, session_for, medication_ward, clock):
    from downtime.domain.medication import Check
    from downtime.services import medication

    patient, amox, _ = medication_ward
    nurse = session_for("nurse")
    medication.record_dose(nurse, amox, {"outcome": "given", "given_at": "2026-11-28T08:05+01:00",
                                         "scheduled_for": "2026-11-28T08:00+01:00", "dose_given": 1.0, "route": "IV"},
                           overrides={Check.ALLERGY: "tolerated before"})  # typed at 14:00
    view = MarView(nurse, patient)
    qtbot.addWidget(view)
    line = next(n for n, (row, at) in enumerate(view.model.rows) if row.order.record_id == amox and at == "08:00")
    cell = view.model.index(line, 4)  # 28/11
    assert view.model.data(cell).endswith("08:05 (typed 14:00) ⚠")
    assert "08:05 given, typed 14:00" in view.model.data(cell, Qt.ItemDataRole.ToolTipRole)
