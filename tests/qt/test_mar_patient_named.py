"""A MAR names its patient so that the wrong one cannot be taken for them: two patients of a
ward sharing a family name are told apart on the chart, its tab, the dose dialog and the
printed chart, and a long name neither widens its tab to the window nor hides the bed."""

import pytest
from PySide6.QtWidgets import QLabel

from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.main_window import MainWindow
from downtime.services import medication, records

LONG_BIRTH_NAME = "De La Rochefoucauld-Montmorency-Laval"
LONG_GIVEN_NAMES = "Marie-Hélène Geneviève Bernadette Françoise"


@pytest.fixture
def chart_window(qtbot, session_for, answers) -> MainWindow:
    main = MainWindow(session_for("nurse"))
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    return main


def _tab(window: MainWindow, view) -> tuple[str, str]:
    index = window.tabs.indexOf(view)
    return window.tabs.tabText(index), window.tabs.tabToolTip(index)


def test_namesakes_mar_tabs_headers_and_dose_dialogs_tell_them_apart(chart_window, medication_ward, twin, qtbot):
    """Both tabs read "MAR — MARTIN Hélène Marie (née LEFÈVRE)", and the chart's header and the
    dose dialog's said nothing of the other, where the patient list said "SAME NAME: bed 3"."""
    patient, amox, _ = medication_ward
    first, second = chart_window.open_mar_of(patient), chart_window.open_mar_of(twin)
    (first_tab, first_tip), (second_tab, second_tip) = _tab(chart_window, first), _tab(chart_window, second)
    assert first_tab == "MAR — MARTIN Hélène Marie (née LEFÈVRE) — bed 12 — SAME NAME"
    assert second_tab == "MAR — MARTIN Hélène Marie (née LEFÈVRE) — bed 3 — SAME NAME"
    assert "SAME NAME: bed 3" in first_tip and first.patient.downtime_number in first_tip
    assert "SAME NAME: bed 12" in second_tip and second.patient.downtime_number in second_tip
    assert "SAME NAME: bed 3" in first.identity.text() and "SAME NAME: bed 12" in second.identity.text()
    dialog = DoseDialog(chart_window.session, medication.order(chart_window.session.db, amox), None, first)
    qtbot.addWidget(dialog)
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "SAME NAME: bed 3" in said and first.patient.downtime_number in said


def test_a_patient_alone_with_their_name_reads_no_alert(chart_window, medication_ward):
    patient, _, _ = medication_ward
    chart = chart_window.open_mar_of(patient)
    assert _tab(chart_window, chart)[0] == "MAR — MARTIN Hélène Marie (née LEFÈVRE) — bed 12"
    assert "SAME NAME" not in chart.identity.text()


def test_a_long_name_is_cut_on_its_tab_whole_in_its_tooltip_the_bed_kept(
        chart_window, session_for, medication_ward, admission_values):
    """A name of 85 characters opened a tab as wide as the window, "Patients" pushed out of the
    tab bar."""
    long = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "nir": None, "birth_name": LONG_BIRTH_NAME, "used_name": "",
        "given_names": LONG_GIVEN_NAMES, "bed": "7"}).patient_id
    chart = chart_window.open_mar_of(long)
    text, tip = _tab(chart_window, chart)
    assert text == "MAR — DE LA ROCHEFOUCAULD-MONTMORENCY-LAVAL M… — bed 7"
    assert chart.patient.display_name in tip and chart.patient.downtime_number in tip
    bar = chart_window.tabs.tabBar()
    assert bar.tabRect(chart_window.tabs.indexOf(chart)).width() < bar.fontMetrics().horizontalAdvance(
        f"MAR — {chart.patient.display_name} — bed 7"), "the tab is narrower than the whole name would make it"
    assert bar.tabRect(0).left() >= 0 and chart_window.tabs.tabText(0) == "Patients"


TAZOCILLINE = "Pipéracilline/tazobactam (Tazocilline) 4 g/500 mg poudre pour solution pour perfusion"


@pytest.fixture
def tazocilline(session_for, medication_ward) -> str:
    """Piperacillin/tazobactam 4.5 g IV at 08:00 14:00 20:00, high-alert, by its full French name.
    Returns its order id."""
    patient, _, _ = medication_ward
    return records.save_new(session_for("doctor"), "medication_order", {
        "drug": TAZOCILLINE, "dose": 4.5, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
        "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
        "controlled": False, "high_alert": True, "allergy_reason": "Rash as a child; tolerated since"}, patient_id=patient).record_id


@pytest.mark.parametrize(("lang", "essentials"), [("en", "4.5 g IV [HIGH-ALERT]"), ("fr", "4,5 g IV [HAUT RISQUE]")])
def test_a_long_medicine_name_leaves_its_dose_route_and_flag_on_screen(qtbot, session_for, medication_ward,
                                                                       tazocilline, lang, essentials):
    """"Pipéracilline/tazobactam (Tazocilline) 4 g/500 mg poudre pour solution pour …": the 4.5 g,
    IV and [HIGH-ALERT] after the name were never on screen. The name is cut, whole in the tooltip,
    and each row is as tall as its wrapped text."""
    from PySide6.QtCore import QRect, Qt

    from downtime.qt.i18n import set_language
    from downtime.qt.mar_view import MarView

    patient, _, _ = medication_ward
    set_language(lang)
    try:
        mar = MarView(session_for("nurse", lang), patient)
        qtbot.addWidget(mar)
        # Styled when shown, as the app's style sheet styles every window: the rows were measured
        # before, in the unstyled font, and a third line of the medicine was cut.
        mar.setStyleSheet("QTableView { font-size: 14pt; }")
        mar.resize(1024, 600)
        mar.show()
        qtbot.waitExposed(mar)
        lines = [line for line in range(mar.model.rowCount()) if mar.model.rows[line][0].order.record_id == tazocilline]
        shown = [mar.model.text(line, 0) for line in lines]
        tips = [mar.model.data(mar.model.index(line, 0), Qt.ItemDataRole.ToolTipRole) for line in lines]
        room = mar.table.columnWidth(0) - 2 * mar.table.style().pixelMetric(mar.table.style().PixelMetric.PM_FocusFrameHMargin) - 4
        needed = [mar.table.fontMetrics().boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text).height()
                  for text in shown]
        heights = [mar.table.rowHeight(line) for line in lines]
    finally:
        set_language("en")
    assert len(lines) == 3
    assert all(text == f"Pipéracilline/tazobactam (Tazocilline) 4 g/500 mg… {essentials}" for text in shown)
    assert all(tip.startswith(f"{TAZOCILLINE} {essentials}") for tip in tips)
    assert all(need <= height for need, height in zip(needed, heights)), (needed, heights)


@pytest.mark.parametrize(("lang", "said"), [("en", "Prescriber: Dr Karim Benali (doctor)"),
                                            ("fr", "Prescripteur : Dr Karim Benali (doctor)")])
def test_each_orders_prescriber_is_named_over_its_medicine(qtbot, session_for, medication_ward, lang, said):
    """The paper chart prints each order's prescriber; the screen's chart named nobody, and a
    nurse at night with a question on an order did not know whom to call."""
    from PySide6.QtCore import Qt

    from downtime.qt.i18n import set_language
    from downtime.qt.mar_view import MarView

    patient, amoxicillin, _ = medication_ward
    set_language(lang)
    try:
        mar = MarView(session_for("nurse", lang), patient)
        qtbot.addWidget(mar)
        line = next(line for line in range(mar.model.rowCount()) if mar.model.rows[line][0].order.record_id == amoxicillin)
        tip = mar.model.data(mar.model.index(line, 0), Qt.ItemDataRole.ToolTipRole)
    finally:
        set_language("en")
    assert tip.splitlines()[-1] == said
