"""A patient leaving the hospital with their charts still asking something: the discharge and the
transfer to another hospital ask the nurse before they are saved, the escalation list no longer
reading the charts of a patient who has left."""

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from downtime.qt.prompts import ConfirmDialog, Prompts
from downtime.services import chart_alerts, leaving, records, wards
from tests.conftest import VERIFIED
from tests.test_discharge_medicines import typed_late  # noqa: F401 (a fixture)
from tests.test_infusion_rates import syringe_running  # noqa: F401 (a fixture)
from tests.test_last_offices_care_after_death import PUT_IN

HYPO = {"taken_at": "2026-11-28T13:50+01:00", "reading": "value", "glucose": 3.2, "glucose_unit": "mmol_l",
        "next_in": "240"}


def test_what_the_charts_ask_is_said_of_a_patient_in_hospital_only(session_for, patient):
    nurse = session_for("nurse")
    assert leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "en") is None
    records.save_new(nurse, "blood_glucose", HYPO, patient_id=patient)
    said = leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "fr")
    assert said.startswith("Encore demandé pour ce patient maintenant :\n• HYPOGLYCÉMIE (moins de 4 mmol/L, ")
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-28T13:55+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=patient)
    assert leaving.still_asked(nurse.db, nurse.forms, patient, nurse.clock(), "en") is None


def test_a_discharge_during_a_hypo_asks_before_it_is_saved(window, session_for, admission_values, answers):
    """No leaves the discharge unsaved; Yes saves it. A hypo at 13:50 and a discharge at 14:00
    were saved without a word, and the recheck due at 14:05 went home with the patient."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 13)])
    admitted = records.save_new(window.session, "admission", {**admission_values,
                                                              "arrival_at": "2026-11-28T09:00+01:00"})
    records.save_new(window.session, "blood_glucose", HYPO, patient_id=admitted.patient_id)
    script, asked = answers
    script["confirm"] = [False, True]
    form = window.open_new(window.session.form("discharge"), admitted.patient_id)
    form.editors["discharged_at"].set_value("2026-11-28T14:00+01:00")
    for name, value in (("destination", "home"), ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("confirm", "Still asked of this patient")] and form.record is None
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert len(asked) == 2


def test_a_discharge_typed_late_reads_the_chart_at_the_time_the_patient_left(
        window, session_for, typed_late, typist, monkeypatch):  # noqa: F811 (the fixture)
    """She left at 14:00 and the nurse types it at 22:00: once the time is typed, the medicines
    copied from the chart and the Save prompt name the 12:00 levodopa missed, not the 16:00 and
    20:00 doses due after she had gone (which the letter and the prompt said, "give it now"). A
    box the nurse wrote in herself is kept as she wrote it."""
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or True))
    form = window.open_new(window.session.form("discharge"), typed_late)
    assert "to 28/11 20:00)" in form.editors["medicines_on_discharge"].raw()
    form.editors["pain"].set_value("Pain free at rest, told by the patient")
    form.editors["discharged_at"].edit.setFocus()
    typist("28/11/2026 14:00")
    medicines = form.editors["medicines_on_discharge"].raw()
    assert "no dose recorded in hospital (due 28/11 12:00)" in medicines and "20:00)" not in medicines
    assert form.editors["pain"].raw() == "Pain free at rest, told by the patient"
    for name, value in (("destination", "home"), ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (asked,) = [text for text in said if text.startswith("Still asked of this patient now:")]
    assert "(due 28/11 12:00)" in asked and "28/11 16:00" not in asked and "28/11 20:00" not in asked


def test_a_line_still_in_is_asked_of_as_it_stood_when_the_patient_left(window, session_for, medication_ward, clock,
                                                                       monkeypatch):
    """A cannula put in on 27/11, the patient gone home on 28/11 at 14:00 (a paper discharge),
    typed the next day at 11:15: the prompt counts its days to the discharge, not to the typing."""
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or True))
    patient = medication_ward[0]
    records.save_new(window.session, "device_check", {
        "checked_at": "2026-11-27T10:00+01:00", "event": "inserted", "device": "peripheral", "site": "Left forearm",
        "next_in": "8"}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T11:15+01:00")
    form = window.open_new(window.session.form("discharge"), patient)
    for name, value in (("discharged_at", "2026-11-28T14:00+01:00"), ("destination", "home"), ("letter_given", True),
                        ("medicines_given", True)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    (lines,) = [text for text in said if text.startswith("Still in: ")]
    assert "(day 2)" in lines, lines


def test_a_death_asks_of_the_syringe_driver_still_running(window, syringe_running, monkeypatch):  # noqa: F811 (the fixture)
    """A death was never asked of anything: the morphine syringe driver running at it went
    unsaid, its stop uncharted and what was left in it destroyed by no one. No leaves the death
    unsaved; Yes saves it. The hypo's recheck is not asked of a death. Its closing words are its
    own: the discharge's "the list will no longer show it… the team taking over" was false of a
    bag kept under Left the ward until its stop is charted."""
    _, patient, _ = syringe_running
    records.save_new(window.session, "blood_glucose", {**HYPO, "taken_at": "2026-11-28T12:50+01:00"},
                     patient_id=patient)
    said, answers = [], [False, True]
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append((title, text))
                                                         or answers.pop(0)))
    form = window.open_new(window.session.form("death"), patient)
    for name, value in (("died_at", "2026-11-28T13:00+01:00"), ("verified_at", "2026-11-28T13:00+01:00"),
                        ("verified_by", "Dr B"), ("expected", True), ("referred_to_coroner", False),
                        ("implanted_device", "none"), ("family_informed", True), *VERIFIED.items()):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(said) == 1 and form.record is None
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert said[0] == ("Still asked of this patient", (
        "Still asked of this patient now:\n"
        "• INFUSION RUNNING: Morphine 10 mg SC at 0.7 mL/h, running at 0.7 mL/h since 10:00: record its stop, or take "
        "it down\n"
        "  Morphine is a controlled drug: once it is taken down, destroy what is left in the syringe or bag with a "
        "witness, in the controlled drugs register\n\n"
        "It stays under Left the ward until its stop is charted. Save?"))
    assert patient in chart_alerts.deaths_unfinished(window.session.db)


def test_the_confirm_of_a_long_stay_fits_the_screen_and_its_yes_saves(window_for, session_for, medication_ward,
                                                                      clock):
    """Twenty mildly abnormal results (a long stay's daily bloods) read on the round and never recorded told:
    the confirm listed the twenty a line each, 1,052 pixels high on a 768-pixel screen, its Yes
    and No below the bottom edge, and Enter answered No. They are one line now, and a confirm
    still too tall scrolls its words above its buttons."""
    patient, nurse = medication_ward[0], session_for("nurse")
    for hour in range(10):
        for test, result, units, normal in (("Sodium", "132", "mmol/L", "135–145"), ("Haemoglobin", "108", "g/L",
                                                                                     "115–165")):
            records.save_new(nurse, "lab_result", {
                "received_at": f"2026-11-28T{hour:02d}:00+01:00", "received_by": "telephone", "test": test,
                "result": result, "units": units, "range": normal, "flag": "abnormal", "lab_number": f"B26-{hour}",
                "caller": "Mme Roux, biochemistry", "read_back": True}, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-28T15:30+01:00")
    window = window_for(nurse)  # the confirm itself, not a scripted answer
    form = window.open_new(window.session.form("discharge"), patient)
    for name, value in (("discharged_at", "2026-11-28T15:30+01:00"), ("destination", "home"),
                        ("letter_given", True), ("medicines_given", True)):
        form.editors[name].set_value(value)
    seen: list[tuple[str, bool]] = []

    def answer(tries: int = 100) -> None:
        """Once the question is up (the save reads the charts first), seen and answered with a click
        on Yes: a message box's, or a ConfirmDialog's when its words are taller than the screen."""
        confirm = QApplication.activeModalWidget()
        if not isinstance(confirm, (QMessageBox, ConfirmDialog)):
            if tries:
                QTimer.singleShot(50, lambda: answer(tries - 1))
            return
        yes, words = ((confirm.button(QMessageBox.StandardButton.Yes), confirm.text())
                      if isinstance(confirm, QMessageBox) else (confirm.yes, confirm.words.widget().text()))
        screen = confirm.screen().availableGeometry()
        seen.append((words, screen.contains(yes.mapToGlobal(yes.rect().bottomRight()))
                     and confirm.frameGeometry().height() <= screen.height()))
        QTest.mouseClick(yes, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    [(said, on_screen)] = seen
    assert on_screen
    assert said.count("NO DOCTOR HAS SEEN") == 1
    assert ("• 20 ABNORMAL RESULTS NO DOCTOR HAS SEEN: Sodium 132 mmol/L (135–145), Abnormal, received 28/11 09:00; "
            "Haemoglobin 108 g/L (115–165), Abnormal, received 28/11 09:00; Sodium 132 mmol/L (135–145), Abnormal, "
            "received 28/11 08:00; and 17 more (see Laboratory results): show them to a doctor, and record who and "
            "when") in said


def test_a_confirm_taller_than_the_screen_scrolls_its_words_above_yes_and_no(qtbot):
    """However much a confirm says, its Yes and No stay on the screen, No the default. One that
    fits is asked as a message box."""
    short = ConfirmDialog(None, "Still asked of this patient", "• One line of what is still asked")
    qtbot.addWidget(short)
    assert short.fits
    confirm = ConfirmDialog(None, "Still asked of this patient",
                            "\n".join(f"• Line {number} of what is still asked" for number in range(120)))
    qtbot.addWidget(confirm)
    assert not confirm.fits
    confirm.show()
    screen = confirm.screen().availableGeometry()
    assert confirm.frameGeometry().height() <= screen.height()
    assert screen.contains(confirm.yes.mapToGlobal(confirm.yes.rect().bottomRight()))
    assert confirm.words.verticalScrollBar().maximum() > 0
    QTest.keyClick(confirm, Qt.Key.Key_Return)
    assert confirm.result() == QDialog.DialogCode.Rejected
    # Asked for real, the question is this dialog, and its Yes answers.
    QTimer.singleShot(0, lambda: QTest.mouseClick(QApplication.activeModalWidget().yes, Qt.MouseButton.LeftButton))
    assert Prompts.confirm(None, "Still asked of this patient", confirm.words.widget().text()) is True


def test_a_letter_saved_with_its_blanks_unfilled_is_asked_of(window, session_for, patient, monkeypatch):
    """A CRP awaited: the letter's line ends "followed up by: …" for the nurse to name who acts on
    the result. Saved as it stood, nothing asked, and the GP's copy named no one. Filled in, it is
    not asked of."""
    said: list[str] = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or False))
    records.save_new(window.session, "lab_request", {
        "taken_at": "2026-11-28T11:40+01:00", "urgency": "urgent", "tests": ["crp"], "sample_number": "B26-118842",
        "requested_by": "Dr Martin"}, patient_id=patient)
    form = window.open_new(window.session.form("discharge"), patient)
    for name, value in (("discharged_at", "2026-11-28T14:00+01:00"), ("destination", "home"), ("letter_given", True),
                        ("medicines_given", True),
                        # The medicines taken before admission, recorded nowhere, asked of too: answered here.
                        ("medicines_on_discharge", "None: no medicine taken before admission nor in force")):
        form.editors[name].set_value(value)
    line = ("Result awaited: CRP (Urgent) taken 28/11 11:40, B26-118842: not back (due by 28/11 13:40); the "
            "laboratory will phone ward 3B; followed up by: …")
    assert form.editors["results_awaited"].raw() == line
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is None
    assert (f"• LETTER NOT COMPLETED: Laboratory results awaited or recent (who follows them up): “{line}”: fill in "
            "the “…”") in said[0]
    form.editors["results_awaited"].set_value(line.replace("…", "Dr Lambert, GP, told by phone"))
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(said) == 2 and "LETTER NOT COMPLETED" not in said[1]


def test_a_death_awaiting_verification_asks_its_lines_left_in(window, patient, clock, monkeypatch):
    """Found dead at 03:10, the verifier called: the confirm asked the cannula taken out at last
    offices, the removal the device chart refuses until the death is verified."""
    clock.now = datetime.fromisoformat("2026-11-28T12:00+01:00")
    records.save_new(window.session, "device_check", PUT_IN, patient_id=patient)
    clock.now = datetime.fromisoformat("2026-11-29T03:50+01:00")
    said = []
    monkeypatch.setattr(Prompts, "confirm", staticmethod(lambda parent, title, text: said.append(text) or True))
    form = window.open_new(window.session.form("death"), patient)
    for name, value in (("died_at", "2026-11-29T03:10+01:00"), ("verification_pending", True), ("expected", False),
                        ("referred_to_coroner", False), ("implanted_device", "none"), ("family_informed", False)):
        form.editors[name].set_value(value)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.record is not None, form.summary.text()
    assert "in since 28/11 09:30 (day 2): the death awaits verification: leave it in place until the death is " \
           "verified" in said[0]
