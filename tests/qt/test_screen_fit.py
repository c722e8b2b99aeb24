"""The main window and its dialogs on a ward laptop's screen: 1366×768 at Windows' 125 % is
1,092×582 logical pixels, 1024×768 at 100 % is 1,024 wide, each less a taskbar."""

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea, QWidget

from downtime.qt import main_window
from downtime.qt.main_window import MainWindow
from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import records, theatre, wards
from downtime.services.context import Session

NARROWEST = 1_000
"""A tab may not need more: a 1024-pixel screen, less the window's frame."""
LAPTOP_125 = QSize(1092, 582)
"""A 1366×768 screen at Windows' 125 %, less its 40-pixel taskbar, in the app's pixels."""
LAPTOP_150 = QSize(910, 445)
"""The room for a dialog on a 1366×768 screen at 150 %: less the taskbar and its own title bar."""


def test_every_tab_of_a_french_nurses_window_fits_a_1024_pixel_screen(qtbot, session_for, medication_ward, listed,
                                                                      laptop_window, answers, app_style):
    """In French the window could not be narrower than 1,045 pixels, and once the Medication round
    was opened 1,330 (a tab bar's window is as wide as its widest page): the round's count ("… omise(s)
    depuis plus de 12 h, en fin de liste") sat beside its print button, the banner's lines and
    the theatre board's and MAR's buttons on one row each. At 125 % the round's Route and
    Alerts, the MAR's today column and the tabs' close buttons lay past the screen's edge."""
    patient, _, _ = medication_ward
    window = laptop_window(session_for("nurse", "fr"), 900, 600)
    window.show_round()
    window.open_mar_of(patient)
    window.open_observations_of(patient)
    assert "en fin de liste" in window.medication.count.text()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        if hasattr(page, "reader"):
            listed(page)
        assert page.minimumSizeHint().width() <= NARROWEST, window.tabs.tabText(index)
    assert window.banner.minimumSizeHint().width() <= NARROWEST
    assert window.minimumSizeHint().width() <= NARROWEST


def test_the_back_entry_tab_fits_a_1024_pixel_screen_in_french(session_for, back_entry_tab, app_style):
    from downtime.qt.i18n import set_language

    set_language("fr")
    try:
        window = back_entry_tab(session_for("records", "fr"))
        assert window.back_entry.minimumSizeHint().width() <= NARROWEST
        assert window.minimumSizeHint().width() <= NARROWEST
    finally:
        set_language("en")


def test_the_window_opens_within_the_screen_and_maximised_on_a_small_one(qtbot, session_for, answers):
    """It opened at a fixed 1340×740: on a 1366×768 laptop at 125 % with a taskbar, Save (Ctrl+S)
    lay under the taskbar. Where the screen has no room for that, the window opens maximised."""
    window = MainWindow(session_for("nurse"))
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert room.width() < main_window.PREFERRED.width(), "the test screen is smaller than the window's preferred size"
    assert window.width() <= room.width() and window.height() <= room.height()
    window.show_on_screen()
    qtbot.waitExposed(window)
    assert window.isMaximized()
    assert window.width() <= room.width() and window.height() <= room.height()


def test_the_rounds_alerts_come_after_the_dose_and_a_long_name_is_cut(qtbot, session_for, medication_ward,
                                                                      admission_values, laptop_window, app_style):
    """ON HOLD, HIGH-ALERT, the controlled drug's witness and a medicine ordered twice were the
    last column, after the route, beyond a 1366-pixel screen at 125 %; and the patient's column,
    as wide as its longest name, took 500 pixels. The alerts come right after the medicine and
    its dose, wrapped when long (an insulin is high-alert and time-critical); a long name is cut,
    whole in its tooltip."""
    from downtime.qt.medication_panel import FLAGS, PATIENT
    from downtime.services import records

    unnamed = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "used_name": "Martin de la Tour-Fontenay-Beauregard", "given_names": "Marie-Hélène Louise",
        "nir": None, "bed": "7", "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin", "dose": 4.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled", "times": "08:00 14:00",
        "start_at": "2026-11-28T07:00+01:00", "controlled": False, "high_alert": True, "time_critical": True},
        patient_id=unnamed)
    window = laptop_window(session_for("nurse", "fr"), 1092, 582)
    window.show_round()
    panel = window.medication
    model, table = panel.model, panel.table
    heads = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert heads[FLAGS - 2:FLAGS + 1] == ["Médicament", "Dose", "Alertes"]
    assert table.columnViewportPosition(FLAGS) + table.columnWidth(FLAGS) <= table.viewport().width()
    assert any(model.text(row, FLAGS) for row in range(model.rowCount()))
    # The insulin's two alerts are whole: on one line, or wrapped on a taller row, never cut.
    insulin = next(row for row in range(model.rowCount()) if "HORAIRE CRITIQUE" in model.text(row, FLAGS))
    alerts = model.text(insulin, FLAGS)
    assert (table.fontMetrics().horizontalAdvance(alerts) < table.columnWidth(FLAGS)
            or table.rowHeight(insulin) >= 2 * table.fontMetrics().lineSpacing())
    longest = max(range(model.rowCount()), key=lambda row: len(model.text(row, PATIENT)))
    name = model.text(longest, PATIENT)
    assert name.startswith("MARTIN DE LA TOUR-FONTENAY-BEAUREGARD")
    assert model.data(model.index(longest, PATIENT), Qt.ItemDataRole.ToolTipRole) == name
    assert table.columnWidth(PATIENT) < table.fontMetrics().horizontalAdvance(name)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_rounds_route_is_in_sight_on_a_laptop_and_a_wider_window_gives_the_name_back(
        qtbot, session_for, medication_ward, admission_values, laptop_window, app_style, lang):
    """One long name on the ward (an unidentified patient's description, a birth name) made the
    patient's column 320 pixels wide and put the route, PO or SC, past the edge of a 1366×768
    screen at 125 %. The name is cut further, never narrower than NAME_LEAST characters, for the
    medicine, its dose, alerts and route to stay in sight; a wider window gives it back."""
    from downtime.qt.medication_panel import NAME_LEAST, PATIENT
    from downtime.services import records

    unnamed = records.save_new(session_for("nurse"), "admission", {
        **admission_values, "unidentified": True, "descriptor": "Unknown man, about 40, found at the station",
        "temporary_name": "INCONNU TRÈFLE", "used_name": None, "birth_name": None, "given_names": None,
        "birth_date": None, "nir": None, "identity_status": "provisional", "bed": "7",
        "arrival_at": "2026-11-27T09:00+01:00"}).patient_id
    records.save_new(session_for("doctor"), "medication_order", {
        "drug": "Insulin", "dose": 4.0, "dose_unit": "units", "route": "SC", "frequency": "scheduled", "times": "08:00 14:00",
        "start_at": "2026-11-28T07:00+01:00", "controlled": False, "high_alert": True, "time_critical": True},
        patient_id=unnamed)
    window = laptop_window(session_for("nurse", lang), 1092, 582)
    window.show_round()
    table = window.medication.table
    route = table.model().columnCount() - 1
    header = table.horizontalHeader()
    QApplication.processEvents()
    assert table.columnViewportPosition(route) + header.sectionSizeHint(route) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    narrowed = table.columnWidth(PATIENT)
    assert narrowed >= NAME_LEAST * table.fontMetrics().averageCharWidth()
    window.resize(1340, 582)
    qtbot.waitUntil(lambda: table.columnWidth(PATIENT) > narrowed)


def test_the_patient_list_shows_allergies_and_resuscitation_first_on_a_laptop(qtbot, session_for, medication_ward,
                                                                              admission_values, laptop_window,
                                                                              listed, app_style):
    """At 1366×768 and 125 % the allergies came after the ward, the date of birth, the sex, a
    410-pixel NEWS2 and the downtime number, cut at the screen's edge, and the resuscitation
    decision beyond it. What keeps a patient safe comes first, whole on screen: the bed, the name,
    the allergies (wrapped when long, never cut), the resuscitation decision, the NEWS2; the
    ward only when the list holds more than one."""
    from downtime.qt.patients_panel import ALLERGIES, NEWS2
    from downtime.services import records

    records.save_new(session_for("nurse"), "admission", {
        **admission_values, "used_name": "Hoarau", "given_names": "Jérôme", "nir": None, "bed": "5",
        "arrival_at": "2026-11-27T09:00+01:00", "allergies": [
            {"substance": "Iodinated contrast", "reaction": "Anaphylaxis", "severity": "severe"},
            {"substance": "Latex", "reaction": "Contact dermatitis", "severity": "mild"}]})
    window = laptop_window(session_for("nurse", "fr"), 1092, 582)
    panel = listed(window.patients)
    model, table = panel.model, panel.table
    header = table.horizontalHeader()
    shown = [model.headerData(header.logicalIndex(place), Qt.Orientation.Horizontal)
             for place in range(header.count()) if not header.isSectionHidden(header.logicalIndex(place))]
    assert shown[:5] == ["Lit", "Nom", "Allergies", "RCP", "NEWS2"]
    resuscitation = model.columns.index("Resuscitation")
    patients = [row for row in range(model.rowCount()) if model.rows[row].patient is not None]
    assert len(patients) == 2
    for row in patients:
        for column in (ALLERGIES, resuscitation):
            cell = table.visualRect(model.index(row, column))
            assert 0 <= cell.left() and cell.right() <= table.viewport().width(), (row, column)
        assert table.rowHeight(row) >= table.sizeHintForRow(row), "the allergies whole, wrapped"
    assert table.visualRect(model.index(patients[0], NEWS2)).left() < table.viewport().width()
    assert "Latex (Contact dermatitis" in " ".join(model.text(row, ALLERGIES) for row in patients)


@pytest.fixture
def rebooking(session_for, admission_values) -> Session:
    """The coordinator's French session: an operation of long words cancelled, to rebook, its
    patient not told yet, and another booked on the same day's list."""
    nurse, coord = session_for("nurse"), session_for("coord", "fr")
    wards.add_ward(session_for("admin"), "3B", "Internal medicine and geriatrics", ["12"])
    listed_on = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    patient = records.save_new(nurse, "admission", {
        **admission_values, "used_name": "Martin de la Tour-Fontenay-Beauregard"}).patient_id
    for start in ("08:00", "10:30"):
        booked = theatre.book(coord, patient, {
            "procedure": "Laparoscopic cholecystectomy with intraoperative cholangiography", "laterality": "right",
            "priority": "elective", "decided_at": "2026-10-01T09:00+01:00", "surgeon": "Dr Roux",
            "anaesthetist": "Dr Klein", "session": listed_on, "planned_start": f"2026-11-28T{start}+01:00",
            "expected_minutes": 120})
    theatre.cancel(coord, booked.record_id, {"cancelled_at": "2026-11-28T07:00+01:00", "reason": "no_ward_bed",
                                             "last_minute": True, "patient_told": "not_yet"})
    return coord


def _text_size(points: int) -> None:
    """The View menu's text size set to `points`."""
    app = QApplication.instance()
    change_text_size(app, -len(TEXT_SIZES))
    change_text_size(app, TEXT_SIZES.index(points))


def test_the_theatre_dialogs_fit_the_screen_at_the_largest_text_in_french(qtbot, rebooking, laptop_window, listed,
                                                                          app_style):
    """At 150 % and 16-point text "Patient told" was 961 pixels wide, Rebook 1,047 and Cancel
    888 on a screen 910 wide: the patient's identity and the operation on one unwrapped line,
    the form's fields beside their long labels. Their lines wrap and their fields go under their
    labels; each opens within the screen, its buttons on it."""
    from downtime.qt.theatre_panel import CancelDialog, RebookDialog, ToldDialog

    coord = rebooking
    _text_size(TEXT_SIZES[-1])
    window = laptop_window(coord, 900, 600)
    window.tabs.setCurrentWidget(window.theatre)
    panel = listed(window.theatre)
    waiting = panel.waiting_model.rows[0].state
    booked_state = next(row[1].state for row in panel.day_model.rows if row[1].state.told_of is None)
    room = window.screen().availableGeometry()
    for dialog in (ToldDialog(coord, waiting, window), RebookDialog(coord, waiting, window),
                   CancelDialog(coord, booked_state, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.minimumSizeHint().width() <= room.width(), type(dialog).__name__
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), type(dialog).__name__
        dialog.close()


def test_the_rebook_dialogs_buttons_stay_on_a_laptop_screen_at_150_percent(qtbot, rebooking, laptop_window, listed,
                                                                          app_style):
    """At 150 % and 16-point text the rebook dialog was taller than a 1366×768 screen (910×445
    pixels for a dialog, less the taskbar and its title bar): Book this slot and Transfer instead
    lay under the taskbar. What it says and asks scrolls; the refusal and the buttons stay in
    sight, and Tab brings each field into view."""
    from downtime.qt.theatre_panel import RebookDialog

    _text_size(16)
    window = laptop_window(rebooking, 900, 600)
    window.tabs.setCurrentWidget(window.theatre)
    panel = listed(window.theatre)
    dialog = RebookDialog(rebooking, panel.waiting_model.rows[0].state, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.minimumSizeHint().width() <= LAPTOP_150.width()
    assert dialog.minimumSizeHint().height() <= LAPTOP_150.height()
    dialog.resize(LAPTOP_150)
    qtbot.waitUntil(lambda: dialog.size() == LAPTOP_150)
    for button in (dialog.book, dialog.transfer):
        assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())), button.text()
    (area,) = dialog.findChildren(QScrollArea)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    reached = _focus_chain(area, qtbot)
    assert {dialog.slot_list, dialog.from_day, dialog.reason, dialog.other_hospital, dialog.told} <= set(reached)


def test_the_demo_sign_in_fits_the_screen(qtbot, ward_db, db_path, clock, app_style):
    """The demo line ("try nurse / PIN 1111 …") did not wrap: the sign-in window was 918 pixels
    wide, over the 910 of a 1366-pixel screen at 150 %."""
    from downtime.qt.i18n import set_language
    from downtime.qt.sign_in import SignInDialog
    from downtime.services.context import Vault

    set_language("fr")
    try:
        dialog = SignInDialog(Vault(db_path, ward_db), clock, "Portable du service 3B", demo=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        room = dialog.screen().availableGeometry()
        assert dialog.demo_hint.isVisible() and "1111" in dialog.demo_hint.text()
        assert dialog.minimumSizeHint().width() <= room.width()
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
    finally:
        set_language("en")


def test_a_dialog_whose_body_scrolls_dropped_while_open_is_freed_whole(qapp):
    """A dialog of no parent whose body scrolls, in a reference cycle (a restyle of its own kept by
    a label's view follower, as the dose dialog's order line has), dropped while open and freed by
    Python's cycle collector: PySide freed the scrolled body a second time, a segmentation fault
    (six Qt test files crashed in 2 runs of 3 once the dose dialog's body scrolled)."""
    import gc
    import weakref

    from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

    from downtime.qt.screen_fit import Scrolled
    from downtime.qt.style import follow_view

    class Held(QDialog):
        def __init__(self) -> None:
            super().__init__()
            body = QWidget()
            form = QFormLayout(body)
            self.boxes = [QLineEdit() for _ in range(4)]
            for number, box in enumerate(self.boxes):
                form.addRow(f"Box {number}", box)
            form.addRow(follow_view(QLabel(), self.say))
            self.area = Scrolled(body)
            QVBoxLayout(self).addWidget(self.area)

        def say(self) -> None:
            """Nothing to restyle: the follower's hold on the dialog is the cycle."""

    for _ in range(3):
        dialog = Held()
        dialog.show()
        dialog.boxes[1].setFocus()
        QApplication.processEvents()
        held = weakref.ref(dialog)
        del dialog
        gc.collect()
        QApplication.processEvents()
        assert held() is None, "freed by the cycle collector"


def _focus_chain(area: QScrollArea, qtbot) -> list[QWidget]:
    """The controls of the scroll area's page as Tab reaches them from its first, each in view
    when it has the focus: its whole rectangle within the area's viewport, or as much of it as
    the viewport holds (a list taller than a short screen's view fills it)."""
    page, viewport = area.widget(), area.viewport()
    first = page.nextInFocusChain()
    while not (page.isAncestorOf(first) and first.isVisible() and first.focusPolicy() & Qt.FocusPolicy.TabFocus):
        first = first.nextInFocusChain()
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    reached: list[QWidget] = []
    while (focused := QApplication.focusWidget()) not in reached and page.isAncestorOf(focused):
        box = QRect(focused.mapTo(viewport, QPoint(0, 0)), focused.size())
        seen = box.intersected(viewport.rect())
        assert (seen.width(), seen.height()) == (min(box.width(), viewport.width()), min(box.height(),
                                                                                          viewport.height())), \
            (type(focused).__name__, focused.accessibleName() or getattr(focused, "text", lambda: "")())
        reached.append(focused)
        for _ in range(4):  # a date box's Tab goes through its day, month and year first
            QTest.keyClick(focused, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is not focused:
                break
    return reached


def test_every_control_of_the_administration_tab_is_in_reach_at_125_percent(qtbot, session_for, laptop_window,
                                                                            answers, app_style):
    """At 1366×768 and 125 % (1,092×582 pixels less the taskbar) the window on the Administration
    tab could be no less than 637 pixels tall: Save the settings and Back up now lay under the
    taskbar. Each section scrolls within the window, and Tab, in the order the controls are read,
    brings each into view."""
    window = laptop_window(session_for("admin", "fr"), LAPTOP_125.width(), LAPTOP_125.height())
    window.tabs.setCurrentWidget(window.admin)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.minimumSizeHint().height() <= LAPTOP_125.height()
    assert window.height() <= LAPTOP_125.height()
    panel = window.admin
    reached: dict[int, list[QWidget]] = {}
    for index in range(panel.sections.count()):
        panel.sections.setCurrentIndex(index)
        area = panel.sections.currentWidget()
        assert isinstance(area, QScrollArea)
        reached[index] = _focus_chain(area, qtbot)
    assert reached[2][0] is panel.label_stock
    assert {panel.save_settings_button, panel.back_up_button} <= set(reached[2])
    assert reached[2].index(panel.keep) < reached[2].index(panel.save_settings_button) < reached[2].index(
        panel.back_up_button), "Tab in the order read"
    assert {panel.change_device_button, panel.laptop_ward_button, panel.load_setup_button} <= set(reached[3])
    assert panel.set_pin_button in reached[0] and panel.add_beds_button in reached[1]


@pytest.mark.parametrize(("staff_id", "tab"), [("coord", "theatre"), ("nurse", "cd_register"), ("admin", "admin")])
def test_the_theatre_controlled_drugs_and_administration_tabs_fit_at_the_largest_text_in_french(
        qtbot, session_for, laptop_window, listed, answers, app_style, staff_id, tab):
    """At the largest text size, in French, the theatre board's title ("Programme opératoire du
    jour (interventions annulées ou déplacées barrées)"), the controlled-drug register's buttons
    and the Administration's long labels and button rows each made their tab wider than a
    1024-pixel screen. They wrap, as the other tabs' do, and no section scrolls sideways."""
    _text_size(TEXT_SIZES[-1])
    window = laptop_window(session_for(staff_id, "fr"), 900, 600)
    page = getattr(window, tab)
    window.tabs.setCurrentWidget(page)
    if hasattr(page, "reader"):
        listed(page)
    assert page.minimumSizeHint().width() <= NARROWEST
    for area in page.findChildren(QScrollArea):
        if area.widget() is not None:
            assert area.widget().minimumSizeHint().width() <= NARROWEST, type(area.parentWidget()).__name__


def test_the_administrations_long_labels_are_whole_at_the_largest_text_in_french(qtbot, session_for, laptop_window,
                                                                                answers, app_style):
    """Wrapped beside their fields, the settings' and the laptop's labels were given the field's
    height and lost their second line ("Planches d’étiquettes dans…"): each stands whole above
    its field."""

    _text_size(TEXT_SIZES[-1])
    window = laptop_window(session_for("admin", "fr"), LAPTOP_125.width(), LAPTOP_125.height())
    window.tabs.setCurrentWidget(window.admin)
    panel = window.admin
    for index in (2, 3):
        panel.sections.setCurrentIndex(index)
        page = panel.sections.currentWidget().widget()
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        labels = [label for label in page.findChildren(QLabel) if label.isVisibleTo(page) and label.wordWrap()]
        assert labels
        for label in labels:
            assert label.height() >= label.heightForWidth(label.width()), label.text()


@pytest.mark.parametrize("points", [TEXT_SIZES[0], TEXT_SIZES[-1]])
def test_no_export_yet_with_the_focus_keeps_the_window_within_a_1024_pixel_screen_in_french(
        qtbot, session_for, medication_ward, laptop_window, answers, app_style, points):
    """A laptop never exported, its window signed into (active, as the nurse's is) and "No export
    yet" reached by Shift+Tab: the label wrote its count beside it on one unwrapped line, and the
    window grew to 1,030 pixels in French, 1,839 at the largest text, its tabs' right-hand side
    past the screen. The count is its description, read by a screen reader."""
    _text_size(points)
    window = laptop_window(session_for("nurse", "fr"), 900, 600)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    label = window.banner.no_export
    for _ in range(len(window.findChildren(QWidget))):
        if QApplication.focusWidget() is label:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert label.hasFocus()
    QApplication.processEvents()
    assert window.banner.minimumSizeHint().width() <= NARROWEST
    assert window.width() <= NARROWEST
    assert "exportez-les" in label.accessibleDescription()


def _in_reach(window, qtbot, page: QWidget) -> list[QWidget]:
    """The controls of a tab Tab reaches, each in view as it does, the window no taller than the screen."""
    window.tabs.setCurrentWidget(page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.minimumSizeHint().height() <= LAPTOP_125.height(), window.tabs.tabText(window.tabs.indexOf(page))
    assert window.height() <= LAPTOP_125.height()
    (area,) = [area for area in page.findChildren(QScrollArea) if area.widget() is not None
               and area.widget().isAncestorOf(page.findChildren(QPushButton)[-1])]
    return _focus_chain(area, qtbot)


def test_at_the_largest_text_every_control_of_a_patients_observations_is_in_reach_at_125_percent(
        qtbot, session_for, medication_ward, laptop_window, select_bed, answers, app_style):
    """At 20 points and 125 % the Observations tab needed 839 pixels of height on a 582-pixel
    screen (the window as tall as its tallest tab, a transfer form's too): Record a new set and
    Print NEWS2 chart lay under the taskbar. Under the patient's identity, which stays in
    sight, the tab scrolls, and Tab brings each control into view."""
    patient, _, _ = medication_ward
    _text_size(TEXT_SIZES[-1])
    window = laptop_window(session_for("nurse", "fr"), LAPTOP_125.width(), LAPTOP_125.height())
    chart = window.open_observations_of(patient)
    select_bed(window, "12")
    (transfer,) = [action for action in window.record_menu.actions() if action.text().startswith("Transfert vers")]
    transfer.trigger()
    reached = _in_reach(window, qtbot, chart)
    assert {button.text() for button in chart.findChildren(QPushButton) if not button.isHidden()} <= {
        getattr(widget, "text", lambda: "")() for widget in reached}
    assert chart.identity.isVisible() and not any(area.widget().isAncestorOf(chart.identity)
                                                  for area in chart.findChildren(QScrollArea) if area.widget())


def test_at_the_largest_text_every_control_of_the_back_entry_tab_is_in_reach_at_125_percent(
        qtbot, session_for, laptop_window, listed, answers, app_style):
    """At 20 points and 125 % the Back-entry tab needed 652 pixels of height on a 582-pixel
    screen: its buttons (Mark entered in EHR…, Settle the hold…) lay under the taskbar."""
    _text_size(TEXT_SIZES[-1])
    window = laptop_window(session_for("records", "fr"), LAPTOP_125.width(), LAPTOP_125.height())
    panel = window.back_entry
    window.tabs.setCurrentWidget(panel)
    listed(panel)
    reached = _in_reach(window, qtbot, panel)
    assert panel.left_only in reached and panel.findChildren(QPushButton)[-1] in reached


def _lines(label) -> int:
    """How many lines of its font the label's height holds."""
    return label.height() // label.fontMetrics().lineSpacing()


def _placeholder_whole(edit) -> bool:
    """Whether the box's hint fits the room its text has, within its frame and margins."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    text = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = text.width() - margins.left() - margins.right() - 4  # QLineEdit's 2 pixels each side
    return edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room


@pytest.mark.parametrize(("lang", "points"), [("en", TEXT_SIZES[0]), ("fr", TEXT_SIZES[-1])])
def test_the_paper_doses_rows_are_readable_on_a_laptop_at_125_percent(qtbot, paper_night, twin, session_for, app_style,
                                                                      lang, points):
    """At the normal text size the medicine column was left what the other columns did not take:
    "Paracetamol 1 g PO" on two lines, morphine with its flags on six, a night's 150 rows as tall;
    the details box cut its hint ("why give…"); the as-required list, as wide as its longest order
    and patient, made the dialog 1,388 pixels wide on a 1,092-pixel screen, Save off its edge. A
    medicine and its dose take a line (two at the largest text), how it is given and its flags go
    under it, smaller; the hint is whole; the dialog and its Save fit the screen."""
    from downtime.qt.i18n import set_language
    from downtime.qt.paper_doses_dialog import PaperDosesDialog

    _, patient, _, _, _ = paper_night
    _text_size(points)
    set_language(lang)
    try:
        dialog = PaperDosesDialog(session_for("nurse", lang), [patient, twin])
        qtbot.addWidget(dialog)
        dialog.add_as_required()
        room = QSize(LAPTOP_125.width(), LAPTOP_125.height() - 40)  # less the dialog's title bar
        assert dialog.minimumSizeHint().width() <= room.width()
        assert dialog.minimumSizeHint().height() <= room.height()
        dialog.resize(room)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.size() == room)
        QApplication.processEvents()
        save = dialog.save_button
        assert dialog.rect().contains(QRect(save.mapTo(dialog, QPoint(0, 0)), save.size()))
        drugs = {row.order.drug for row in dialog.rows}
        assert drugs == {"Paracetamol", "Amoxicillin", "Morphine"}
        names = [label for label in dialog.grid_holder.findChildren(QLabel)
                 if label.isVisible() and label.text().startswith(tuple(drugs))]
        assert len(names) == len(dialog.rows)
        for label in names:
            assert _lines(label) <= (1 if points == TEXT_SIZES[0] else 2), label.text()
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        (morphine,) = [row for row in dialog.rows if row.order.drug == "Morphine"]
        assert morphine.detail.placeholderText() and _placeholder_whole(morphine.detail)
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_wards_paper_doses_fit_a_laptop_at_125_percent_without_scrolling_sideways(qtbot, paper_night, twin,
                                                                                   session_for, app_style, lang):
    """At the normal text size a ward's rows were 1,404 pixels wide (1,499 in French) on a
    1,092-pixel screen, the witness, the reason not given and the details past its edge, to be
    scrolled to on each row: the witness column empty on all but a controlled drug's rows. What
    only some rows ask is asked under the row, shown when its outcome asks it: the rows, with a
    dose not given and a controlled drug given, fit the screen."""
    from PySide6.QtWidgets import QComboBox

    from downtime.qt.i18n import set_language
    from downtime.qt.paper_doses_dialog import GIVEN, NOT_GIVEN, PaperDosesDialog

    _, patient, _, _, _ = paper_night
    _text_size(TEXT_SIZES[0])
    set_language(lang)
    try:
        dialog = PaperDosesDialog(session_for("nurse", lang), [patient, twin])
        qtbot.addWidget(dialog)
        room = QSize(LAPTOP_125.width(), LAPTOP_125.height() - 40)
        dialog.resize(room)
        dialog.show()
        qtbot.waitExposed(dialog)
        first, morphine = dialog.rows[0], dialog.add_as_required()
        assert morphine is not None and morphine.witness is not None
        assert not any(box.isVisible() for box in (first.reason, first.detail, morphine.reason))
        assert morphine.witness.isVisible() and morphine.detail.isVisible()
        first.outcome.setCurrentIndex(NOT_GIVEN)
        assert first.reason.isVisible() and first.detail.isVisible()
        first.reason.setCurrentIndex(first.reason.count() - 1)
        QApplication.processEvents()
        assert dialog.grid_holder.minimumSizeHint().width() <= dialog.scroll.viewport().width()
        assert dialog.scroll.horizontalScrollBar().maximum() == 0
        reason: QComboBox = first.reason
        assert reason.width() >= reason.fontMetrics().horizontalAdvance(reason.currentText()), reason.currentText()
        assert morphine.outcome.currentIndex() == GIVEN
    finally:
        set_language("en")


def test_a_controlled_drugs_dose_fits_a_laptop_at_the_largest_text_in_french(qtbot, session_for, medication_ward,
                                                                           app_style):
    """At 20 points and 125 %, in French, a morphine dose typed in from the paper chart, its
    witness asked, was 888 pixels tall on a 582-pixel screen: Save lay under the taskbar, the
    labels and the paper chart's box were cut. What it says and asks scrolls, Save stays in
    sight, each label is whole, and Tab brings each field into view."""
    from PySide6.QtWidgets import QCheckBox, QLabel

    from downtime.qt.dose_dialog import DoseDialog
    from downtime.qt.i18n import set_language
    from downtime.services import medication

    _, _, morphine = medication_ward
    _text_size(TEXT_SIZES[-1])
    set_language("fr")
    try:
        nurse = session_for("nurse", "fr")
        dialog = DoseDialog(nurse, medication.order(nurse.db, morphine), None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.transcribed.setChecked(True)
        room = dialog.screen().availableGeometry()
        assert dialog.width() <= room.width() and dialog.height() <= room.height()
        assert dialog.minimumSizeHint().height() <= LAPTOP_125.height()
        dialog.resize(LAPTOP_125)
        qtbot.waitUntil(lambda: dialog.size() == LAPTOP_125)
        assert dialog.rect().contains(QRect(dialog.save_button.mapTo(dialog, QPoint(0, 0)), dialog.save_button.size()))
        (area,) = dialog.findChildren(QScrollArea)
        page = area.widget()
        assert page.minimumSizeHint().width() <= area.viewport().width(), "nothing scrolls sideways"
        for said in [*page.findChildren(QLabel), *page.findChildren(QCheckBox)]:
            if not said.isVisibleTo(page):
                continue
            if isinstance(said, QLabel) and said.wordWrap():
                assert said.height() >= said.heightForWidth(said.width()), said.text()
            else:
                assert said.width() >= said.sizeHint().width() and said.height() >= said.sizeHint().height(), said.text()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        reached = _focus_chain(area, qtbot)
        assert {dialog.outcome, dialog.given_at, dialog.dose, dialog.route, dialog.given_for, dialog.site,
                dialog.given_by, dialog.transcribed, dialog.paper_reference, dialog.witness_on_paper} <= set(reached)
    finally:
        set_language("en")


def test_the_mar_opens_with_todays_column_in_sight_on_a_1024_pixel_screen(qtbot, full_ward, listed, laptop_window,
                                                                          answers, app_style):
    """Bed 1's chart on a 1024×768 laptop: its as-required morphine ("… [CONTROLLED DRUG — witness]
    [HIGH-ALERT]") made the medicine column 600 pixels wide at 75 characters, and today, its
    amoxicillin due now, began past the chart's edge, the eye on Thursday's OVERDUE. The medicine
    is cut (wrapped, whole in its tooltip) for the days to stay in sight; a wider window gives it
    back."""
    from downtime.qt.mar_view import MEDICINE, MEDICINE_LEAST

    nurse, _ = full_ward
    window = laptop_window(nurse, 1024, 768)
    panel = listed(window.patients)
    bed_1 = next(row.patient for row in panel.model.rows if row.bed == "1")
    table = window.open_mar_of(bed_1.patient_id).table
    QApplication.processEvents()
    today = table.model().columnCount() - 1
    header = table.horizontalHeader()
    assert table.columnViewportPosition(today) + header.sectionSizeHint(today) <= table.viewport().width(), (
        f"today's column starts at x={table.columnViewportPosition(today)} of a {table.viewport().width()} px chart")
    assert table.horizontalScrollBar().maximum() == 0
    narrowed = table.columnWidth(MEDICINE)
    assert narrowed >= MEDICINE_LEAST * table.fontMetrics().averageCharWidth()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: table.columnWidth(MEDICINE) > narrowed)


def test_a_full_wards_round_keeps_the_route_in_sight_on_a_1024_pixel_screen(full_ward, laptop_window, shown_whole,
                                                                            app_style):
    """The round of a full ward (Co-careldopa 25/100, TIME-CRITICAL, an unidentified patient's
    description) on a 1024×768 laptop: the route (IV, PO, SC) began past the list's edge and the
    alerts ran past it, the name already at its least. The medicine and alerts wrap on taller
    rows; the route, the medicine and the alerts are whole in sight."""
    from downtime.qt.medication_panel import FLAGS, MEDICINE

    nurse, _ = full_ward
    window = laptop_window(nurse, 1024, 768)
    window.show_round()
    QApplication.processEvents()
    table, model = window.medication.table, window.medication.model
    route = model.columnCount() - 1
    header = table.horizontalHeader()
    assert table.columnViewportPosition(route) + header.sectionSizeHint(route) <= table.viewport().width(), (
        f"Route starts at x={table.columnViewportPosition(route)} of a {table.viewport().width()} px list")
    assert table.horizontalScrollBar().maximum() == 0
    assert any(model.text(row, MEDICINE) == "Co-careldopa 25/100" for row in range(model.rowCount()))
    assert all(shown_whole(table, row, column) for row in range(model.rowCount()) for column in (MEDICINE, FLAGS))


def _escalation_tab(full_ward, laptop_window, listed, width: int):
    """The Escalation tab of a full ward's nurse in charge on a laptop `width` pixels wide, read."""
    nurse, _ = full_ward
    window = laptop_window(nurse, width, 768)
    window.tabs.setCurrentWidget(window.escalation)
    panel = listed(window.escalation)
    QApplication.processEvents()
    return panel


@pytest.mark.parametrize("width", [1366, 1024])
def test_what_each_chart_alert_asks_is_read_whole_on_a_full_ward(full_ward, laptop_window, listed, shown_whole,
                                                                 app_style, width):
    """The last list's last column is what each chart asks, the reason its line is there: on a
    1024-pixel laptop 100 pixels ("CHECK …", "BLOOD IN…"), on a 1366-pixel one elided where it
    said "tell the doctor now", while the latest reading kept 288 pixels. It is wrapped onto
    taller rows, the latest reading and the name cut for it (whole in their tooltips)."""
    from downtime.qt.observations_view import ChartAlertModel

    panel = _escalation_tab(full_ward, laptop_window, listed, width)
    table, model = panel.charts_table, panel.charts_model
    assert model.rowCount() > 10
    cut = [model.text(row, ChartAlertModel.ASKS) for row in range(model.rowCount())
           if not shown_whole(table, row, ChartAlertModel.ASKS)]
    assert not cut, f"{len(cut)} of {model.rowCount()} cut in {table.columnWidth(ChartAlertModel.ASKS)} px: {cut[:2]}"
    assert table.horizontalScrollBar().maximum() == 0


def test_the_escalation_lists_who_was_told_and_resuscitation_are_read_whole_at_1024(full_ward, laptop_window, listed,
                                                                                    shown_whole, app_style):
    """On a 1024-pixel laptop the NEWS2 list read "NOT …" and "Registrar Dr …" for who was told
    and "For …" for the resuscitation decision, the name keeping 264 pixels."""
    from downtime.qt.observations_view import EscalationModel

    panel = _escalation_tab(full_ward, laptop_window, listed, 1024)
    table, model = panel.table, panel.model
    assert model.rowCount() >= 3
    cut = [(model.text(row, column), table.columnWidth(column)) for row in range(model.rowCount())
           for column in (EscalationModel.TOLD, EscalationModel.RESUS) if not shown_whole(table, row, column)]
    assert not cut


@pytest.mark.parametrize(("lang", "width"), [("en", 1024), ("fr", 1024), ("en", 1366)])
def test_the_doctors_plan_in_the_resuscitation_column_is_read_whole(full_ward, laptop_window, listed, shown_whole,
                                                                    app_style, lang, width):
    """At 1024 pixels a DNACPR patient's ward-based plan kept its first lines in the
    Resuscitation column, "observations every 4 hours" cut under the row: the list measured its
    rows for the name and who was told, at the column's width before a scroll bar narrowed it."""
    from downtime.qt.observations_view import EscalationModel
    from downtime.services import observations

    nurse, _ = full_ward
    at = nurse.clock()
    listed_ids = [item.patient.patient_id for item in observations.review(nurse.db, nurse.forms, "3B", at).escalations]
    for patient_id, escalation in zip(listed_ids[:3], ("ward_ceiling", "comfort", "ward_ceiling")):
        records.save_new(nurse, "observation_plan", {"decided_at": at.isoformat(), "decided_by": "Dr Benali",
                                                     "escalation": escalation, "frequency": "four_hourly",
                                                     "cpr_reason": "DNACPR on the paper notes"},
                         patient_id=patient_id)
    nurse.lang = lang
    panel = _escalation_tab(full_ward, laptop_window, listed, width)
    table, model = panel.table, panel.model
    assert sum(1 for row in range(model.rowCount()) if " — " in model.text(row, EscalationModel.RESUS)) >= 3
    cut = [(model.text(row, EscalationModel.RESUS), table.columnWidth(EscalationModel.RESUS), table.rowHeight(row))
           for row in range(model.rowCount()) if not shown_whole(table, row, EscalationModel.RESUS)]
    assert not cut


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_overdue_list_says_since_when_whole_on_a_full_ward(full_ward, laptop_window, listed, shown_whole, app_style,
                                                               width):
    """A name with a birth name in brackets made "Observations overdue"'s patient column 700 pixels
    wide, never cut as the lists around it cut theirs: at 1024 pixels the last set, the frequency
    and since when the set was due lay past the edge, at 1366 "28/11 11:00 on …"."""
    from downtime.qt.observations_view import OverdueModel

    panel = _escalation_tab(full_ward, laptop_window, listed, width)
    table, model = panel.overdue_table, panel.overdue_model
    assert model.rowCount() >= 3
    cut = [(model.text(row, column), table.columnWidth(column)) for row in range(model.rowCount())
           for column in range(OverdueModel.PATIENT + 1, model.columnCount()) if not shown_whole(table, row, column)]
    assert not cut
    names = [model.text(row, OverdueModel.PATIENT) for row in range(model.rowCount())]
    longest = max(range(model.rowCount()), key=lambda row: len(names[row]))
    assert model.data(model.index(longest, OverdueModel.PATIENT), Qt.ItemDataRole.ToolTipRole) == names[longest]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_full_wards_patient_list_keeps_the_news2_whole_on_a_1024_pixel_screen(full_ward, laptop_window, listed,
                                                                               shown_whole, app_style, lang):
    """A full ward's list on a 1024×768 laptop: in French the NEWS2 of a patient with no set read
    "Aucun relevé — EN RET", the name keeping its 40 characters. The name (wrapped) gives way,
    the bed, name, allergies, resuscitation decision and NEWS2 whole in sight."""
    from dataclasses import replace

    from downtime.qt.patients_panel import ALLERGIES, NAME, NEWS2

    nurse, _ = full_ward
    panel = listed(laptop_window(replace(nurse, lang=lang), 1024, 768).patients)
    QApplication.processEvents()
    table, model = panel.table, panel.model
    resuscitation = model.columns.index("Resuscitation")
    cut = [model.text(row, column) for row in range(model.rowCount())
           for column in (1, NAME, ALLERGIES, resuscitation, NEWS2) if not shown_whole(table, row, column)]
    assert not cut, cut[:4]
