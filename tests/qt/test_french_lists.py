"""French typography of the lists the screens join: " ; " between their parts in French, as
every sentence of the catalogue writes it (they read "…(Rash, modérée); Latex…")."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from downtime.domain.medication import Check
from downtime.qt.i18n import set_language
from downtime.qt.main_window import MainWindow
from downtime.qt.mar_view import MarView
from downtime.services import medication, records, theatre, wards
from downtime.services.context import Session
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.test_observations import CALM, HIGH
from tests.conftest import death_answers

LANGS = pytest.mark.parametrize("lang", ["en", "fr"])
TWO_ALLERGIES = [{"substance": "Iodinated contrast", "reaction": "anaphylaxis", "severity": "severe"},
                 {"substance": "Latex", "reaction": "Rash", "severity": "mild"}]


@pytest.fixture
def speaking(qapp, request):
    """speaking(lang): the interface in `lang` for the test, English again after it."""
    request.addfinalizer(lambda: set_language("en"))
    return set_language


def _window(qtbot, session: Session) -> MainWindow:
    main = MainWindow(session)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


@LANGS
def test_the_patient_list_and_a_charts_strip_list_allergies_with_french_typography(
        qtbot, session_for, admission_values, answers, listed, speaking, lang, listed_in):
    from downtime.qt.patients_panel import ALLERGIES

    speaking(lang)
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    patient = records.save_new(session_for("nurse"), "admission", {**admission_values, "allergies": TWO_ALLERGIES})
    window = _window(qtbot, session_for("nurse", lang))
    window.patients.reload_wards()
    panel = listed(window.patients)
    listed_in(panel.model.text(0, ALLERGIES), lang)
    listed_in(_plain(window.open_mar_of(patient.patient_id).identity.text()), lang)


@LANGS
def test_a_charts_flags_cells_and_tooltips_list_with_french_typography(
        qtbot, session_for, medication_ward, paracetamol, answers, speaking, lang, listed_in):
    """Paracetamol written three times (each also ordered twice), its 14:00 of 27/11 refused then
    given, its as-required given at 09:30 and 18:30, and amoxicillin given over two warnings."""
    patient, amox, _ = medication_ward
    nurse, regular, prn = paracetamol
    for _ in range(2):
        records.save_new(session_for("doctor"), "medication_order", regular.data, patient_id=patient)
    slot = "2026-11-27T14:00+01:00"
    medication.record_dose(nurse, regular.record_id, {"outcome": "not_given", "not_given_reason": "refused",
                                                      "scheduled_for": slot, "given_at": slot})
    medication.record_dose(nurse, regular.record_id, {"outcome": "given", "given_at": "2026-11-27T14:30+01:00",
                                                      "scheduled_for": slot, "dose_given": 1.0, "route": "PO"})
    for at in ("2026-11-27T09:30+01:00", "2026-11-27T18:30+01:00"):
        medication.record_dose(nurse, prn.record_id, {"outcome": "given", "given_at": at, "dose_given": 1.0,
                                                      "given_for": "pain", "route": "PO"})
    medication.record_dose(nurse, amox, {"outcome": "given", "dose_given": 0.5, "route": "IV",
                                         "given_at": "2026-11-27T14:05+01:00", "scheduled_for": slot},
                           overrides={Check.ALLERGY: "tolerated in 2024", Check.DOSE_MISMATCH: "renal function"})
    speaking(lang)
    mar = _window(qtbot, session_for("nurse", lang)).open_mar_of(patient)
    assert isinstance(mar, MarView)
    model, friday = mar.model, 2 + next(n for n, day in enumerate(mar.model.days) if day.day == 27)
    lines = {model.rows[line][0].order.record_id: line for line in range(model.rowCount())
             if model.rows[line][1] in (None, "14:00")}
    listed_in(model.text(lines[regular.record_id], 0), lang)
    listed_in(model.text(lines[regular.record_id], friday), lang)
    listed_in(model.text(lines[prn.record_id], friday), lang)
    listed_in(model.data(model.index(lines[amox], friday), Qt.ItemDataRole.ToolTipRole), lang)


@LANGS
def test_a_records_hold_banner_lists_its_versions_with_french_typography(qtbot, carried, tmp_path, answers, speaking,
                                                                         lang, listed_in):
    """Laptops 1 and 2 each moved the patient to another bed: laptop 2's form names both."""
    from downtime.qt.form_view import FormView

    record_id, _, clerk_1, nurse_2, clerk_2 = carried
    import_export(clerk_2, export(clerk_1, tmp_path / "next").folder)
    speaking(lang)
    french = Session(nurse_2.db, nurse_2.device, nurse_2.user, nurse_2.forms, nurse_2.clock, lang)
    form = FormView(french, french.form("admission"), record=records.current(french.db, record_id))
    qtbot.addWidget(form)
    listed_in(_plain(form.header.text()), lang)


@LANGS
def test_the_back_entry_tab_lists_why_two_numbers_are_one_person_with_french_typography(
        qtbot, tmp_path, laptop, admission_values, answers, speaking, lang, listed_in):
    """One person admitted on two laptops, alike by NIR and by name and birth date."""
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    for number in (1, 2):
        nurse, clerk = laptop(tmp_path / f"{number}.sqlite", number)
        records.save_new(nurse, "admission", {**admission_values, "bed": str(number)})
        import_export(office, export(clerk, tmp_path / f"stick{number}").folder)
    speaking(lang)
    main = _window(qtbot, Session(office.db, office.device, office.user, office.forms, office.clock, lang))
    main.tabs.setCurrentWidget(main.back_entry)
    qtbot.waitUntil(lambda: not main.back_entry.reader.busy, timeout=60_000)
    listed_in(main.back_entry.duplicates.text(), lang)


@LANGS
def test_the_news2_charts_spoken_description_lists_its_sets_with_french_typography(
        qtbot, session_for, admission_values, answers, speaking, lang, listed_in):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T07:00+01:00"}).patient_id
    for values in (CALM, HIGH):
        records.save_new(nurse, "observations", values, patient_id=patient)
    speaking(lang)
    chart = _window(qtbot, session_for("nurse", lang)).open_observations_of(patient)
    listed_in(chart.plot.accessibleDescription(), lang)


@LANGS
def test_the_operations_left_by_death_are_listed_with_french_typography(qtbot, session_for, admission_values, answers,
                                                                        listed, speaking, lang, listed_in):
    """Two operations cancelled, both patients dead: the line under the rescheduling list names both."""
    nurse, coord = session_for("nurse"), session_for("coord")
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery", "starts_at": "2026-11-28T08:00+01:00",
        "ends_at": "2026-11-28T13:00+01:00"}).record_id
    for bed, start in (("1", "08:00"), ("2", "10:00")):
        patient = records.save_new(nurse, "admission", {**admission_values, "bed": bed, "nir": None,
                                                        "given_names": f"Patient {bed}"}).patient_id
        booked = theatre.book(coord, patient, {
            "procedure": "Total hip replacement", "laterality": "right", "priority": "elective",
            "decided_at": "2026-10-01T09:00+01:00", "surgeon": f"Dr {bed}", "anaesthetist": f"Dr A{bed}",
            "session": session_id, "planned_start": f"2026-11-28T{start}+01:00", "expected_minutes": 60})
        theatre.cancel(coord, booked.record_id, {"cancelled_at": "2026-11-28T07:00+01:00", "reason": "no_ward_bed",
                                                 "last_minute": True, "patient_told": "in_person"})
        records.save_new(session_for("doctor"), "death", {**death_answers("2026-11-28T13:00+01:00"), "verified_by": "Dr B",
                                                          "expected": False, "family_informed": True},
                         patient_id=patient)
    speaking(lang)
    window = _window(qtbot, session_for("coord", lang))
    window.tabs.setCurrentWidget(window.theatre)
    panel = listed(window.theatre)
    listed_in(panel.left_by_death.text(), lang)


@LANGS
def test_a_records_history_lists_an_answers_rows_with_french_typography(qtbot, session_for, admission_values, answers,
                                                                         speaking, lang, listed_in):
    """A second allergy added to the admission: the history words the allergies before and after."""
    from downtime.qt.form_view import FormView

    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "admission", admission_values)
    records.amend(nurse, saved.record_id, {**admission_values, "allergies": TWO_ALLERGIES}, "second allergy")
    speaking(lang)
    french = session_for("nurse", lang)
    form = FormView(french, french.form("admission"), record=records.current(french.db, saved.record_id))
    qtbot.addWidget(form)
    listed_in(form.history_text(), lang)


@LANGS
def test_the_record_menu_lists_the_forms_in_the_order_of_their_titles(qtbot, session_for, speaking, lang):
    """In the forms' files' order a French nurse's menu ran from "Glycémie capillaire" to
    "Commande de sang"; accents and case aside, as a reader sorts them."""
    from downtime.domain.duplicates import fold

    speaking(lang)
    titles = [action.text() for action in _window(qtbot, session_for("nurse", lang)).record_menu.actions()]
    assert len(titles) >= 20 and titles == sorted(titles, key=fold)
    assert ("Évaluation de la douleur" if lang == "fr" else "Pain assessment") in titles


def test_the_patient_list_sorted_by_name_files_an_accented_name_under_its_letter(
        window_for, session_for, admission_values, listed, qtbot):
    """Sorted by the Patient column's header, ÉVRARD came after ZOLA: the names casefolded, É
    after z. As the back-entry list files them (search.sort_key), among the Es."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from downtime.qt.patients_panel import NAME

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    nurse = session_for("nurse")
    unnamed = {name: value for name, value in admission_values.items() if name != "used_name"}
    for bed, family in (("1", "Zola"), ("2", "Évrard"), ("3", "Dupont"), ("4", "Émery"), ("5", "Fabre")):
        records.save_new(nurse, "admission", {**unnamed, "birth_name": family, "bed": bed, "given_names": "Anne",
                                              "birth_date": f"1960-01-0{bed}"})
    panel = listed(window_for(nurse).patients)
    header = panel.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(NAME) + 5, header.height() // 2))
    assert header.sortIndicatorSection() == NAME and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    model = panel.table.model()
    names = [model.index(row, NAME).data() for row in range(model.rowCount())]
    family = [name.split()[0] for name in names if name and not name.startswith("—")]  # not the empty beds
    assert family == ["DUPONT", "ÉMERY", "ÉVRARD", "FABRE", "ZOLA"], names


def test_the_patient_list_opens_with_an_accented_ward_filed_under_its_letter(window_for, session_for, admission_values,
                                                                              listed):
    """A hospital-wide list opens sorted by ward: RÉA came after RHUMATO, the ward codes
    casefolded, É after z, as ÉVRARD after ZOLA."""
    from downtime.qt.patients_panel import NAME

    admin = session_for("admin")
    for code in ("RHUMATO", "RÉA", "PNEUMO"):
        wards.add_ward(admin, code, code.title(), ["1"])
    nurse = session_for("nurse")
    unnamed = {name: value for name, value in admission_values.items() if name != "used_name"}
    for family, code in (("Zola", "RHUMATO"), ("Abel", "RÉA"), ("Mars", "PNEUMO")):
        records.save_new(nurse, "admission", {**unnamed, "birth_name": family, "ward": code, "bed": "1"})
    panel = listed(window_for(nurse).patients)
    header = panel.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    model = panel.table.model()
    shown = [(model.index(row, 0).data(), model.index(row, NAME).data()) for row in range(model.rowCount())]
    ours = [ward for ward, name in shown if ward in ("RHUMATO", "RÉA", "PNEUMO") and name.startswith(("ZOLA", "ABEL", "MARS"))]
    assert ours == ["PNEUMO", "RÉA", "RHUMATO"], shown
