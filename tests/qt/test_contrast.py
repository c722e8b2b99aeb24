"""Warnings and chart words readable in both modes: at least 7:1 (WCAG AAA) on what they are
written on, measured on the colours the screens use or on their pixels. In high contrast dark
red measured 1.9:1 on black, and the allergies, overdue doses and breaches nearly vanished while
"no known allergy" stayed bright white."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from downtime.qt.style import ErrorLabel, set_high_contrast

AAA = 7.0


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def most_contrasted(image: QImage, background: QColor) -> float:
    """The contrast of the image's pixel farthest from `background`: its words' own colour, where
    anti-aliased edges only blend it with the background."""
    return max(contrast(image.pixelColor(x, y), background) for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize(("one", "other", "ratio"), [("#000000", "#ffffff", 21.0), ("#777777", "#777777", 1.0),
                                                     ("#800000", "#000000", 1.92), ("#b00000", "#000000", 2.85)])
def test_the_contrast_ratio_is_wcags(one: str, other: str, ratio: float) -> None:
    assert contrast(QColor(one), QColor(other)) == pytest.approx(ratio, abs=0.01)


@pytest.fixture(params=[False, True], ids=["light", "high contrast"])
def mode(request, qapp) -> QPalette:
    """The app styled as a ward's laptop in either mode (undone after the test by conftest)."""
    set_high_contrast(qapp, request.param)
    return qapp.palette()


def test_warning_words_of_every_list_stand_out_of_its_rows(mode: QPalette) -> None:
    from downtime.qt.tables import TextTableModel

    class Doses(TextTableModel):
        columns = ("Status",)

        def texts(self, row: int) -> list[str]:
            return [self.rows[row]]

    model = Doses()
    model.set_rows(["OVERDUE"])
    colour = model.data(model.index(0, 0), 9)  # Qt.ItemDataRole.ForegroundRole
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast(colour, mode.color(role)) >= AAA, (colour.name(), mode.color(role).name())


def test_the_strips_allergies_and_hold_are_in_a_readable_red(mode: QPalette, session_for,
                                                                          admission_values) -> None:
    from downtime.qt.patient_header import identity_html
    from downtime.services import records, wards
    from downtime.services.census import patient_with_location

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    html = identity_html(patient_with_location(nurse.db, nurse.forms, patient), held=True)
    colours = re.findall(r"color: ?(#[0-9a-fA-F]{6})", html)
    assert colours, html
    assert all(contrast(QColor(found), mode.color(QPalette.ColorRole.Window)) >= AAA for found in colours), colours


def test_an_error_label_reads_at_seven_to_one(mode: QPalette, qtbot) -> None:
    label = ErrorLabel("ALLERGIE : Penicillin")
    qtbot.addWidget(label)
    label.show()
    assert most_contrasted(label.grab().toImage(), mode.color(QPalette.ColorRole.Window)) >= AAA


def test_the_charts_times_and_axis_are_written_in_the_modes_words_colour(mode: QPalette, qtbot, session_for,
                                                                        admission_values) -> None:
    from downtime.qt.observations_view import News2Plot
    from downtime.services import observations, records, wards
    from downtime.services.census import patient_with_location

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", admission_values).patient_id
    for hour in ("11", "13"):
        records.save_new(nurse, "observations", {
            "taken_at": f"2026-11-28T{hour}:00+01:00", "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1",
            "on_oxygen": False, "systolic_bp": 110, "diastolic_bp": 70, "pulse": 90, "consciousness": "alert",
            "temperature": 37.0}, patient_id=patient)
    plot = News2Plot()
    qtbot.addWidget(plot)
    plot.resize(500, 240)
    plot.show_sets(observations.chart(nurse.db, patient_with_location(nurse.db, nurse.forms, patient)))
    plot.show()
    image = plot.grab().toImage()
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    times = image.copy(0, image.height() - 22, image.width(), 22)
    axis = image.copy(0, 0, 30, image.height())
    assert most_contrasted(times, window) >= AAA and most_contrasted(axis, window) >= AAA


@pytest.fixture
def admitted(session_for, admission_values):
    """A nurse's session and the patient she admitted to bed 12 of ward 3B."""
    from downtime.services import records, wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    return nurse, records.save_new(nurse, "admission", admission_values).patient_id


def _points(label) -> int:
    label.ensurePolished()
    return label.font().pointSize()


def test_at_the_largest_text_size_the_patients_identity_banner_hints_and_score_grow_too(qtbot, qapp, admitted):
    """The View menu's largest text set the fields at 20 points while the patient's name stayed
    at 13, the banner at 11, the hints at 10 and the NEWS2 headline at 14; on a screen already
    open too."""
    from downtime.qt.banner import Banner
    from downtime.qt.form_view import FormView
    from downtime.qt.observations_view import ObservationsView
    from downtime.qt.style import TEXT_SIZES, apply_style, change_text_size

    nurse, patient = admitted
    apply_style(qapp)
    chart, banner = ObservationsView(nurse, patient), Banner(nurse)
    for widget in (chart, banner):
        qtbot.addWidget(widget)
        widget.show()
    assert change_text_size(qapp, len(TEXT_SIZES)) == 20
    form = FormView(nurse, nurse.form("admission"))
    qtbot.addWidget(form)
    form.show()
    assert "font-size:22pt" in chart.identity.text()
    assert _points(chart.latest) == 23
    assert {_points(label) for label in (banner.device, banner.user, banner.time)} == {20}
    assert _points(banner.mode) == 22
    hints = [label for label in form.findChildren(type(chart.latest)) if "cannot be identified" in label.text()]
    assert hints and _points(hints[0]) == 19


@pytest.mark.parametrize(("status", "allergies", "warned"), [
    ("nka", [], False), ("unknown", [], True),
    ("allergies", [{"substance": "Penicillin", "reaction": "Rash", "severity": "moderate"}], True)])
def test_the_strip_warns_of_allergies_as_the_prints_do_not_of_none_known(session_for, admission_values, status,
                                                                         allergies, warned) -> None:
    """"ALLERGIES: none known" was red and bold on every screen's strip, as alarming as a listed
    allergy, while the printed pages write it in black."""
    from reportlab.lib import colors

    from downtime.pdf.forms import allergy_colour
    from downtime.qt.patient_header import identity_html
    from downtime.qt.style import warning_colour
    from downtime.services import records, wards
    from downtime.services.census import patient_with_location

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = patient_with_location(nurse.db, nurse.forms, records.save_new(
        nurse, "admission", {**admission_values, "allergy_status": status, "allergies": allergies}).patient_id)
    line = identity_html(patient).split("<br>")[1]
    assert (warning_colour().name() in line) is warned, line
    assert (allergy_colour(patient) != colors.black) is warned


def test_the_news2_shades_darken_as_the_risk_rises_under_black_words() -> None:
    """On screen the HIGH shade was paler than MEDIUM's: lighter in grey, and grey as LOW's to a
    deuteranope. Darker with each band, as on paper, and black words at 7:1 on each."""
    from downtime.domain.news2 import Band
    from downtime.qt.observations_view import RISK_SHADES

    rising = [luminance(QColor(RISK_SHADES[band])) for band in (Band.LOW, Band.LOW_MEDIUM, Band.MEDIUM, Band.HIGH)]
    assert rising == sorted(rising, reverse=True) and len(set(rising)) == 4, rising
    assert all(contrast(QColor(shade), QColor("#000000")) >= AAA for shade in RISK_SHADES.values())


def test_a_fields_hint_reads_at_seven_to_one(mode: QPalette, qtbot, session_for) -> None:
    """A hint can carry a clinical rule ("leave blank…"): in the placeholder's grey it measured 3.5:1."""
    from PySide6.QtWidgets import QLabel

    from downtime.qt.form_view import FormView

    form = FormView(session_for("nurse"), session_for("nurse").form("admission"))
    qtbot.addWidget(form)
    form.show()
    hint = next(label for label in form.findChildren(QLabel) if "cannot be identified" in label.text())
    assert most_contrasted(hint.grab().toImage(), mode.color(QPalette.ColorRole.Window)) >= AAA


def test_on_the_mar_the_cell_enter_records_in_is_outlined_and_read_out_whole(qtbot, session_for, medication_ward,
                                                                             clock) -> None:
    """By the keyboard the whole row was highlighted and the current cell had a 1-pixel frame; a
    screen reader said "NF 06:17" and nothing of which dose it was."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from downtime.qt.mar_view import MarView

    patient, _, _ = medication_ward
    mar = MarView(session_for("nurse"), patient)
    qtbot.addWidget(mar)
    mar.resize(1024, 600)
    mar.show()
    qtbot.waitExposed(mar)
    table = mar.table
    mar.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    line = next(line for line in range(mar.model.rowCount()) if mar.model.rows[line][1] == "14:00")
    table.setCurrentIndex(mar.model.index(line, 1))
    QTest.keyClick(table, Qt.Key.Key_Right)
    cell = table.currentIndex()
    assert cell.column() == 2
    day = mar.model.columns[2]
    said = mar.model.data(cell, Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith(f"Amoxicillin 1 g IV, {day} 14:00: ") and said.endswith(mar.model.text(line, 2) or
                                                                                 "nothing recorded"), said
    box = table.visualRect(cell)
    image = table.viewport().grab().toImage()
    blue = QColor("#1c5fb0")
    for offset in range(3):
        assert image.pixelColor(box.center().x(), box.top() + offset) == blue, offset
    assert image.pixelColor(box.center().x(), box.top() + 4) != blue


def test_the_shortcuts_second_heading_is_on_screen_and_a_forms_scroll_area_takes_no_tab_stop(qtbot, session_for):
    """The second column's heading ("Action") was centred in a column wider than the dialog, out
    of sight; Tab stopped on a form's scroll area, which showed no focus."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QScrollArea

    from downtime.qt.form_view import FormView
    from downtime.qt.shortcuts_help import ShortcutsDialog

    dialog = ShortcutsDialog([QAction("Find a patient")])
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table.horizontalHeader()
    heading = header.fontMetrics().horizontalAdvance(dialog.table.horizontalHeaderItem(1).text())
    assert header.sectionViewportPosition(1) + heading + 8 < header.viewport().width(), "its words in sight"
    assert header.defaultAlignment() & Qt.AlignmentFlag.AlignLeft
    form = FormView(session_for("nurse"), session_for("nurse").form("admission"))
    qtbot.addWidget(form)
    assert all(area.focusPolicy() == Qt.FocusPolicy.NoFocus for area in form.findChildren(QScrollArea))


def test_at_the_largest_text_size_the_sign_in_names_the_laptop_larger_still(qtbot, qapp, ward_db, db_path, clock):
    """Which laptop, and whose ward, is read before the PIN is typed: it stayed at 13 points over
    the largest text size's 20-point fields. It is two points over the text size, as the
    banner's mode line."""
    from downtime.qt.sign_in import SignInDialog
    from downtime.qt.style import TEXT_SIZES, apply_style, change_text_size
    from downtime.services import this_laptop
    from downtime.services.context import Vault

    apply_style(qapp)
    assert change_text_size(qapp, len(TEXT_SIZES)) == 20
    vault = Vault(db_path, ward_db)
    dialog = SignInDialog(vault, clock, "Portable du service 3B", laptop=this_laptop.on_sign_in(vault))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.laptop.text() and _points(dialog.laptop) == 22
    assert _points(dialog.staff_label) == 20


def _warning_colours(html: str) -> set[str]:
    return set(re.findall(r"color: ?(#[0-9a-fA-F]{6})", html))


def test_a_forms_hints_switch_with_high_contrast_on_an_open_form(qtbot, qapp, session_for) -> None:
    """Switched to high contrast with a form open, its hints stayed in the light theme's dark
    grey on black (2.4:1); switched back, in the night's light grey on white."""
    from PySide6.QtWidgets import QLabel

    from downtime.qt.form_view import FormView

    set_high_contrast(qapp, False)
    form = FormView(session_for("nurse"), session_for("nurse").form("admission"))
    qtbot.addWidget(form)
    form.show()
    hint = next(label for label in form.findChildren(QLabel) if "cannot be identified" in label.text())
    for night in (True, False):
        set_high_contrast(qapp, night)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert most_contrasted(hint.grab().toImage(), window) >= AAA, (night, hint.styleSheet())


def test_a_dose_dialogs_late_warning_and_allergies_switch_with_high_contrast(qtbot, qapp, session_for,
                                                                           medication_ward, clock) -> None:
    """The 08:00 dose opened at 14:00 says how late it is in red, and the patient's allergies too:
    switched to high contrast with the dialog open, both kept the light theme's dark red (1.9:1)."""
    from downtime.qt.dose_dialog import DoseDialog
    from downtime.services import medication

    _, amox, _ = medication_ward
    nurse = session_for("nurse")
    set_high_contrast(qapp, False)
    dialog = DoseDialog(nurse, medication.order(nurse.db, amox), clock().replace(hour=8))
    qtbot.addWidget(dialog)
    dialog.show()
    identity = dialog.findChildren(type(dialog.order_line))[0]
    assert "overdue" in dialog.order_line.text() and "ALLERGIES" in identity.text()
    for night in (True, False):
        set_high_contrast(qapp, night)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        for label in (dialog.order_line, identity):
            colours = _warning_colours(label.text())
            assert colours and all(contrast(QColor(found), window) >= AAA for found in colours), (night, colours)


def test_an_open_forms_patient_strip_switches_with_high_contrast(qtbot, qapp, session_for, medication_ward) -> None:
    """A form for a patient opens under their strip: switched to high contrast with it open, its
    allergies kept the light theme's dark red on black (1.9:1)."""
    from downtime.qt.form_view import FormView

    patient, _, _ = medication_ward
    nurse = session_for("nurse")
    set_high_contrast(qapp, False)
    form = FormView(nurse, nurse.form("observations"), patient_id=patient)
    qtbot.addWidget(form)
    form.show()
    assert "ALLERGIES" in form.header.text()
    for night in (True, False):
        set_high_contrast(qapp, night)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        colours = _warning_colours(form.header.text())
        assert colours and all(contrast(QColor(found), window) >= AAA for found in colours), (night, colours)


def test_a_read_only_boxs_words_read_at_seven_to_one(mode: QPalette, qtbot) -> None:
    """The back-entry's box giving the chosen line in full is read-only: on high contrast it stayed
    light grey under white words (1.1:1)."""
    from PySide6.QtWidgets import QPlainTextEdit

    box = QPlainTextEdit("Marquer saisi au DPI")
    box.setReadOnly(True)
    qtbot.addWidget(box)
    box.resize(300, 80)
    box.show()
    image = box.viewport().grab().toImage()
    assert most_contrasted(image, image.pixelColor(image.width() - 3, image.height() - 3)) >= AAA
