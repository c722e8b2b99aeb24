import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from downtime.domain.news2 import Band
from downtime.services import cd_register, medication, pews, records, staff, theatre
from downtime.services.observations import chart, escalations
from downtime.services.demo import DEMO_ACCOUNTS, build_demo
from downtime.domain.census import StayStatus
from downtime.services.census import in_patients, locations
from downtime.storage import open_database
from downtime.storage.integrity import check_database


def test_demo_ward_is_realistic_and_sound(tmp_path, forms, clock):
    db = open_database(tmp_path / "demo.sqlite")
    summary = build_demo(db, forms, clock)
    patients = in_patients(db, forms, ward="3B")
    assert summary.patients == len(patients) == 25
    assert sum(p.unidentified for p in patients) == 1
    assert sum(bool(p.allergies) for p in patients) >= 5
    assert {p.allergy_status for p in patients} == {"nka", "allergies", "unknown"}
    assert len({p.bed for p in patients}) == 25
    assert any("è" in p.display_name or "é" in p.display_name for p in patients)
    assert check_database(db) is None
    everyone = in_patients(db, forms)
    assert {p.ward for p in everyone} == {"3B", "4A", "ICU", "PED"}
    assert len(everyone) == 39  # the README's "All wards shows the hospital's 39 patients"
    baby = next(p for p in in_patients(db, forms, ward="PED") if "Bronchiolitis" in (p.reason or ""))
    assert pews.asking(pews.chart(db, baby.patient_id), baby.birth_date, forms[pews.FORM], clock(), "en")[0] == (
        "PEWS 9 (8 or more): call the doctor to review the child now")
    statuses = [loc.status for loc in locations(db).values()]
    assert statuses.count(StayStatus.TRANSFERRED_OUT) == 1
    assert statuses.count(StayStatus.DISCHARGED) > 1  # the surgical ward's, and the theatre's planned patients home
    doses = [a for p in patients for a in medication.administrations(db, p.patient_id)]
    assert len(doses) > 100
    assert any(a.outcome.value == "not_given" for a in doses)
    assert any(a.witness == "doctor" for a in doses)
    drugs = {o.drug for p in patients for o in medication.orders(db, p.patient_id, clock.now)}
    assert {"Paracetamol", "Morphine"} <= drugs
    assert 0 < cd_register.cd_balance(db, "3B", "Morphine", "mg") < 200
    states = theatre.bookings(db, forms)
    assert len(states) >= 15
    assert {s.status.value for s in states} == {"booked", "cancelled", "rebooked", "transferred", "done"}
    assert all(s.cancel_reason.value == "information_system" for s in states if s.cancel_reason)
    # Most patients of a new date already rung, one not yet: every one read PATIENT NOT TOLD YET,
    # and a coordinator trying the demo never saw a telling recorded, nor the two apart.
    moved = [s for s in states if s.moved_by is not None]
    told = [s.moved_by.data for s in moved if not s.not_told]
    assert 1 <= sum(s.not_told for s in moved) <= 2 and len(told) > len(moved) / 2
    assert all(data["patient_told"] == "phone"
               and datetime.fromisoformat(data["decided_at"]) <= datetime.fromisoformat(data["told_at"]) <= clock()
               for data in told)
    gynaecological = {"Hysteroscopy", "Laparoscopic ovarian cystectomy"}  # a man's hysteroscopy on the coordinator's list
    assert {s.patient.sex for s in states if s.record.data["procedure"] in gynaecological} == {"female"}
    # The escalation list shows a patient whose doctor was told and one no one recorded telling.
    notes = {bool(item.judged.record.data.get("notes")) for item in escalations(db, forms, "3B", clock())
             if item.judged.news2.band is not Band.LOW}
    assert notes == {True, False}
    for staff_id, _, role, pin in DEMO_ACCOUNTS:
        assert staff.sign_in(db, staff_id, pin, clock).role is role


def test_the_demo_handover_of_a_patient_whose_allergies_are_not_known_does_not_say_they_were_checked(
        tmp_path, forms, clock, demo_database):
    """MEYER, ventilated, transferred to CHU Sud: his printed handover read "ALLERGIES NON CONNUES
    — interroger le patient" above "Allergies vérifiées et notées sur ce document : ☒ Oui"."""
    import re

    from pypdf import PdfReader

    from downtime.services import printing, records
    from downtime.services.census import patient_for_record
    from downtime.services.context import Session, load_device

    db = demo_database(tmp_path / "demo.sqlite")
    nurse = Session(db, load_device(db), staff.sign_in(db, "nurse", "1111", clock), forms, clock, "fr")
    (handover,) = records.list_current(db, form_id="transfer_out")
    assert patient_for_record(db, forms, handover).allergy_status == "unknown"
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(
        printing.print_record(nurse, handover.record_id, tmp_path / "handover.pdf")).pages))
    assert "ALLERGIES PAS ENCORE CONNUES — demander au patient, à la famille ou au médecin traitant" in text
    assert "interroger le patient" not in text and handover.data["allergies_checked"] is False


def test_demo_is_the_same_every_time(tmp_path, forms, clock, demo_database):
    """Built again at the tests' clock, the demo the other tests copy (built once a worker)."""
    again = open_database(tmp_path / "again.sqlite")
    build_demo(again, forms, clock)
    names = [[(p.display_name, p.bed, p.birth_date) for p in in_patients(db, forms)]
             for db in (demo_database(tmp_path / "copied.sqlite"), again)]
    assert names[0] == names[1]


def test_every_demo_cancellation_is_made_during_the_outage_before_its_operation(tmp_path, forms, clock, demo_database):
    """The outage's batch of cancellations was stamped up to 20 hours before now, some after the
    operation's own start (yesterday's 08:00 cancelled at 02:00 today), which no coordinator
    cancelling a list for the outage does; one cancelled the evening before read last minute, unless
    its patient was admitted by then (the service's rule, `theatre.last_minute_by_rule`)."""
    db = demo_database(tmp_path / "demo.sqlite")
    began = datetime.fromisoformat("2026-11-26T00:00+01:00")  # where the demo's charts start, two days before now
    assert clock() == datetime.fromisoformat("2026-11-28T14:00+01:00")
    cancelled = [s for s in theatre.bookings(db, forms) if s.cancelled_at is not None]
    assert len(cancelled) >= 5
    for state in cancelled:
        assert began <= state.cancelled_at < state.cancelled_start, state.record.data
        assert state.decided_at <= state.cancelled_at <= clock() - timedelta(hours=1)
        assert state.last_minute == (theatre.last_minute_by_rule(
            db, state.patient.patient_id, state.cancelled_start, state.cancelled_at, "information_system",
            clock().tzinfo) is not None)


def test_the_demo_ward_is_signed_by_the_nurse_on_shift_and_its_cancellations_mostly_told(tmp_path, forms, clock, demo_database):
    """One nurse signed every dose and set for three days and nights, and the cancellations were
    told at random: eight PATIENT NOT TOLD YET on a coordinator's board where most were told."""
    db = demo_database(tmp_path / "demo.sqlite")
    doses = [a for p in in_patients(db, forms, ward="3B") for a in medication.administrations(db, p.patient_id)]
    by_day = {a.given_by for a in doses if time(7, 30) <= a.at.astimezone(clock().tzinfo).time() < time(19, 30)}
    by_night = {a.given_by for a in doses if not time(7, 30) <= a.at.astimezone(clock().tzinfo).time() < time(19, 30)}
    assert (by_day, by_night) == ({"nurse"}, {"night"})
    sets = [s for p in in_patients(db, forms, ward="3B") for s in chart(db, p)]
    assert {s.record.author for s in sets} == {"nurse", "night"}
    states = theatre.bookings(db, forms)
    assert 1 <= sum(s.not_told for s in states) <= 2
    told = [s.told_of.data["patient_told"] for s in states if s.status.value == "cancelled"]
    assert told.count("not_yet") == 1 and set(told) == {"in_person", "not_yet"}
    names = {name for _, name, _, _ in DEMO_ACCOUNTS}
    assert not any(p.display_name.split()[1] in " ".join(names) and p.display_name.split()[0].title() in " ".join(names)
                   for p in in_patients(db, forms))


def test_the_demo_register_opens_before_its_first_dose_each_witnessed_by_someone_on_shift(tmp_path, forms, clock, demo_database):
    """The morphine page read "Received +200, 02/12 00:05 — Ward stock at the start of the
    outage" after doses given from 30/11 21:05, every dose witnessed by Dr Karim Benali day and
    night. It opens with the count at the outage's first handover, reads in time order, and each
    dose's witness was on the ward: the ward's doctor by day, the second night nurse by night,
    the other shift's nurse at a handover (half an hour either side of 07:30 and 19:30)."""
    db = demo_database(tmp_path / "demo.sqlite")
    lines = cd_register.cd_lines(db, forms, "3B", "Morphine", "mg")
    times = [line.given_at or line.at for line in lines]
    assert lines[0].kind == "opening" and times == sorted(times) and all(line.when_texts(ZoneInfo("Europe/Paris"))[1] is None for line in lines)

    def handover(at):
        return any(abs(at - datetime.combine(at.date(), shift, at.tzinfo)) <= timedelta(minutes=30)
                   for shift in (time(7, 30), time(19, 30)))

    doses = [line for line in lines if line.kind == "administration"]
    assert len(doses) > 10
    for line in doses:
        day = time(7, 30) <= line.given_at.time() < time(19, 30)
        assert line.author == ("nurse" if day else "night"), line
        assert line.witness == (("night" if day else "nurse") if handover(line.given_at)
                                else "doctor" if day else "night2"), line
    assert {"doctor", "night", "night2"} <= {line.witness for line in doses} <= {"doctor", "nurse", "night", "night2"}


def test_the_demo_gives_morphine_at_night_witnessed_by_the_second_night_nurse(tmp_path, forms, clock, demo_database):
    """With one night nurse and no one to witness her, the demo gave its as-required morphine
    only between 07:00 and 20:00: a patient in pain at night went without. The ward has a second
    nurse at night, who signs a demo account of its own and witnesses the night's doses."""
    db = demo_database(tmp_path / "demo.sqlite")
    assert ("night2", "6666") in {(staff_id, pin) for staff_id, _, _, pin in DEMO_ACCOUNTS}
    night = [line for line in cd_register.cd_lines(db, forms, "3B", "Morphine", "mg") if line.kind == "administration"
             and not time(7, 0) <= line.given_at.astimezone(clock().tzinfo).time() < time(20, 0)]
    assert night and all(line.author == "night" for line in night)
    assert {line.witness for line in night} >= {"night2"} and {line.witness for line in night} <= {"night2", "nurse"}


def test_the_demo_has_a_telephone_order_the_night_took_waiting_for_its_countersignature_and_her_note(
        tmp_path, forms, clock, demo_database):
    """For the chart's flag, the ward's list to countersign and the doctor's Countersign to show."""
    db = demo_database(tmp_path / "demo.sqlite")
    (record,) = [record for record in records.list_current(db, form_id="medication_order")
                 if record.data.get("telephone_order")]
    order = medication.order(db, record.record_id)
    assert order.awaiting_since == clock.now.replace(hour=3) and record.author == "night"
    assert order.prescriber == "Dr Hugo Bernard (on call)"
    (dose,) = [dose for dose in medication.administrations(db, record.patient_id) if dose.order_id == record.record_id]
    assert dose.outcome.value == "given" and dose.at == order.awaiting_since + timedelta(minutes=10)
    (note,) = records.list_current(db, form_id="clinical_note")
    assert note.patient_id == record.patient_id and note.author == "night" and note.data["focus"] == "Nausea and vomiting"
    assert "prescribed by telephone, read back and confirmed; first dose given at 03:10" in note.data["note"]


def test_every_demo_dose_is_written_after_its_order(tmp_path, forms, clock, demo_database):
    """The demo's morphine doses are charted as given, hours ago; their order, written as the
    demo was built, came after them."""
    db = demo_database(tmp_path / "demo.sqlite")
    written = {row["record_id"]: row["recorded_at"] for row in db.query(
        "SELECT record_id, recorded_at FROM records WHERE form_id = 'medication_order' AND version = 1")}
    doses = list(db.query("SELECT data, recorded_at FROM records WHERE form_id = 'medication_administration'"))
    assert doses and all(datetime.fromisoformat(dose["recorded_at"]) >= datetime.fromisoformat(
        written[json.loads(dose["data"])["order"]]) for dose in doses)


def test_the_demo_records_the_weeks_operations_done_as_they_ended_but_two_of_yesterdays(tmp_path, forms, clock, demo_database):
    """With no operation recorded done, every operation of the demo's week gone by read "booked —
    OUTCOME NOT RECORDED" in red on the board and the printed list. Each is recorded done by the
    coordinator after it ended, once the patient was in; yesterday's last two are left for "Past,
    not recorded" to show. One was done in another theatre than its list's."""
    from downtime.services import records

    db = demo_database(tmp_path / "demo.sqlite")
    done = [s for s in theatre.bookings(db, forms) if s.status.value == "done"]
    assert len(done) >= 5
    for state in done:
        (record,) = [r for r in records.list_current(db, form_id="operation_done")
                     if r.data["booking"] == state.record.record_id]
        assert datetime.fromisoformat(state.patient.admitted_at) < state.start <= state.done_at, state.patient
        assert state.done_at <= state.start + timedelta(minutes=20)
        assert min(state.done_at + timedelta(minutes=state.minutes), clock()) <= record.recorded_at <= clock()
        assert record.author == "coord"
    left = [entry for _, entries in theatre.not_recorded(db, forms, clock()) for entry in entries]
    assert len(left) == 2 and {entry.start.date() for entry in left} == {clock().date() - timedelta(days=1)}
    assert max(entry.start for entry in left) >= max(s.start for s in done if s.start.date() == left[0].start.date())
    elsewhere = [s for s in done if s.done.data["theatre"] != theatre.sessions(db, {s.session_id})[s.session_id].theatre]
    assert len(elsewhere) == 1 and elsewhere[0].done.data["notes"]


def test_the_demo_checklists_answer_known_allergy_as_each_admission_says(tmp_path, forms, demo_database):
    """The demo ticked "Known allergy: Yes" for every patient: GARNIER Élodie's checklist printed
    it under "No known allergies", naming no allergen."""
    from downtime.services import census, records

    db = demo_database(tmp_path / "demo.sqlite")
    answered = {record.patient_id: record.data["allergy_known"]
                for record in records.list_current(db, form_id=theatre.CHECKLIST_FORM)}
    assert answered == {patient_id: bool(census.patient_with_location(db, forms, patient_id).allergies)
                        for patient_id in answered}
    assert set(answered.values()) == {True, False}


@pytest.mark.parametrize("moment", ["2026-12-02T11:20:00+01:00", "2026-12-02T14:38:00+01:00", "2026-12-02T18:00:00+01:00",
                                    "2027-03-28T03:30:00", "2026-10-25T04:37:00", "2026-12-05T23:37:00+00:00"])
def test_the_demo_builds_whatever_the_hour_it_is_built_at(tmp_path, forms, moment):
    """Built late in the morning, the demo gave a morphine dose from an empty cupboard (its
    opening stock all given); built in the evening, it cancelled an operation before the decision
    to operate it; built at 03:30 on the night the clocks go forward (on the laptop's clock, its
    zone's rules), it decided an operation "50 minutes ago" at 02:40, an hour that night has not,
    read as 03:40, in the future: each refused, and `downtime demo`, the README's first command,
    failed. Built at 14:38, an operation begun late ran on into its surgeon's next, in another
    theatre: a clash on yesterday's list, its line no longer "booked — OUTCOME NOT RECORDED". Built
    at 04:37 the night the clocks go back, a dose given in the hour that night repeats (02:30
    winter time) was written "two minutes later" at 02:32 summer time, an hour before it was
    given: "Actual time cannot be in the future". Built at 23:37, a dose of morphine given at
    random 8 minutes before the sickle-cell crisis's 6/10 made its plan to assess again in an hour
    too late after an injection: refused."""
    at = datetime.fromisoformat(moment)
    at = at if at.tzinfo else at.replace(tzinfo=ZoneInfo("Europe/Paris"))  # the laptop's zone's rules
    db = open_database(tmp_path / "demo.sqlite")
    build_demo(db, forms, lambda: at)
    assert cd_register.cd_balance(db, "3B", "Morphine", "mg") >= 0
    assert not [entry.clashes for day in range(-6, 7) for _, entries in theatre.day_list(
        db, forms, at.date() + timedelta(days=day)) for entry in entries if entry.clashes]
    db.close()


def test_the_demo_escalation_list_asks_what_the_ward_would_not_what_the_demo_forgot(tmp_path, forms, clock, demo_database):
    """The demo's doctor decided drug VTE prophylaxis for nearly every adult and prescribed it for
    none (15 lines "VTE PROPHYLAXIS DECIDED …, NOT ON THE MEDICATION CHART"), assessed no one
    again after admission ("VTE REASSESSMENT DUE"), and gave insulin glargine at random, its
    patients' glucose charted at bedtime alone (10 lines "GLUCOSE CHECK OVERDUE"): the tour's
    alarms were lost among 60 lines. One decision is left to prescribe, the README's example:
    the man with a kidney injury's, the doctor waiting for his creatinine."""
    from downtime.services import chart_alerts

    db = demo_database(tmp_path / "demo.sqlite")
    ward = in_patients(db, forms, ward="3B")
    said = [(alert.patient.reason, line) for alert in chart_alerts.alerts(db, forms, ward, clock(), "en", ward="3B").alerts
            for line in alert.said]
    assert [reason for reason, line in said if "NOT ON THE MEDICATION CHART" in line] == [
        "Dehydration and acute kidney injury."]
    assert not [reason for reason, line in said if "GLUCOSE CHECK OVERDUE" in line or "NO GLUCOSE" in line]
    assert not [reason for reason, line in said if "VTE REASSESSMENT DUE" in line]
    enoxaparin = {p.reason for p in ward for o in medication.orders(db, p.patient_id, clock.now) if o.drug == "Enoxaparin"}
    assert len(enoxaparin) >= 10 and "Found unconscious, head injury." not in enoxaparin


def test_the_demo_escalation_list_asks_of_pain_only_what_the_tour_says(tmp_path, forms, clock, demo_database):
    """The demo gave as-required morphine "for pain 6/10" with no pain ever scored: seven patients
    were on the escalation list, "PAIN REASSESSMENT OVERDUE" since the day before, beside the
    tour's two (the sickle-cell crisis's reassessment overdue, the confused woman's Algoplus 3 with
    nothing done). Each dose has the pain it was given for scored before it and its effect after."""
    from downtime.services import chart_alerts, pain

    db = demo_database(tmp_path / "demo.sqlite")
    ward = in_patients(db, forms, ward="3B")
    said = [(alert.patient.reason, line) for alert in chart_alerts.alerts(db, forms, ward, clock(), "en", ward="3B").alerts
            for line in alert.said if "PAIN" in line]
    assert said == [("Sickle-cell crisis, pain control.", "PAIN REASSESSMENT OVERDUE since 28/11 13:45"),
                    ("Confusion, suspected urinary infection.",
                     "PAIN Algoplus 3/5 NOT TREATED: give the analgesia prescribed, or tell the doctor if none is")]
    given = {p.reason: pain.doses_for_pain(db, p.patient_id) for p in ward
             if not p.reason.startswith(("Sickle-cell", "Confusion"))}  # the tour's own pain charts
    given = {reason: doses for reason, doses in given.items() if doses}
    assert len(given) >= 5
    for patient in ward:
        if patient.reason in given:
            charted = pain.chart(db, patient.patient_id)
            assert [dose for one in charted for dose in one.doses] == given[patient.reason]
            assert all(one.done == {"analgesia"} for one in charted if one.doses), patient.reason


def test_the_demo_gives_insulin_only_to_patients_with_diabetes_their_glucose_charted_as_asked(
        tmp_path, forms, clock, demo_database):
    """Insulin glargine was among the random regular orders: 12 of the 25 (asthma, a GI bleed, an
    appendicectomy…) were on it."""
    from downtime.domain.medication import insulin
    from downtime.services import glucose

    db = demo_database(tmp_path / "demo.sqlite")
    on_insulin = [p for p in in_patients(db, forms) if any(insulin(o.drug) for o in medication.orders(db, p.patient_id, clock.now))]
    assert on_insulin and all("diabet" in (p.reason or "").lower() for p in on_insulin)
    for patient in on_insulin:  # each reading taken by the time the one before asked it, the last's not due yet
        readings = glucose.chart(db, patient.patient_id)
        assert all(later.taken_at <= earlier.due_at for earlier, later in zip(readings, readings[1:])), [
            (one.taken_at, one.due_at) for one in readings]
        assert not readings[-1].overdue(clock())


# The specialty each in-patient's reason for admission is operated on by, as a surgeon reads it.
_SPECIALTY_FOR = {"Fall at home, hip pain, unable to stand.": "Orthopaedics",
                  "Femoral neck fracture, surgery delayed by the outage.": "Orthopaedics",
                  "Tibial fracture after a motorbike accident.": "Orthopaedics",
                  "Acute appendicitis, theatre tonight.": "General surgery",
                  "Cholecystitis, awaiting cholecystectomy.": "General surgery",
                  "Bowel obstruction, nasogastric tube.": "General surgery",
                  "Abscess drainage.": "General surgery",
                  "Post-operative wound infection.": "General surgery",
                  "Pancreatitis, nil by mouth.": "General surgery",
                  "Anaemia, transfusion planned.": "Gynaecology"}


def test_each_demo_operation_is_one_its_patients_reason_for_admission_calls_for(tmp_path, forms, clock, demo_database):
    """The demo booked its patients at random: the unconscious unidentified man with a head injury
    was on today's orthopaedic list for an elective total hip replacement, the woman of 88 in
    after a fall with hip pain on the ENT list for a tonsillectomy. An in-patient is operated on
    by the specialty their reason for admission calls for, urgently or soon; the lists' elective
    operations are of patients admitted for them, the afternoon before; no child, no unidentified
    patient and no medical patient is on a list."""
    from downtime.domain.age import age_in_years

    db = demo_database(tmp_path / "demo.sqlite")
    states = theatre.bookings(db, forms)
    lists = theatre.sessions(db)
    assert len(states) >= 15
    for state in states:
        patient, data = state.patient, state.record.data
        specialty = lists[str(data["session"])].specialty
        assert not patient.unidentified and age_in_years(patient.birth_date, clock().date()) >= 16, patient.reason
        if patient.reason.startswith("Planned: "):
            assert patient.reason == f"Planned: {data['procedure'].lower()}." and data["priority"] == "elective"
        else:
            assert _SPECIALTY_FOR[patient.reason] == specialty and data["priority"] != "elective", patient.reason
    booked = {state.patient.reason for state in states}
    assert "Fall at home, hip pain, unable to stand." in booked and "Found unconscious, head injury." not in booked


def test_each_demo_admission_says_its_home_medicines_were_last_taken_before_it_was_typed(tmp_path, forms, clock,
                                                                                      demo_database):
    """Admissions typed at their arrival said "last today 08:00" and "last today 12:00" of a
    patient who came in at 05:09 or 00:20, read days later too: each "last" is a date and time
    before the arrival."""
    import re

    db = demo_database(tmp_path / "demo.sqlite")
    said = [(datetime.fromisoformat(record.data["arrival_at"]), line)
            for record in records.list_current(db, form_id="admission") if record.data.get("usual_medicines")
            for line in record.data["usual_medicines"].splitlines() if line != "Nil"]
    assert said
    for arrival, line in said:
        last = re.fullmatch(r".+, last (\d\d)/(\d\d) (\d\d):(\d\d)", line)
        assert last is not None, line
        day, month, hour, minute = (int(part) for part in last.groups())
        taken = arrival.replace(month=month, day=day, hour=hour, minute=minute)
        assert arrival - timedelta(days=1) <= taken <= arrival, (line, arrival)


def test_the_demo_asks_for_the_medicines_taken_before_admission_of_two_patients_at_most_a_ward(
        tmp_path, forms, clock, demo_database):
    """The demo typed a list of home medicines for three patients: "MEDICINES TAKEN BEFORE
    ADMISSION NOT RECORDED" was on 32 of its 39 in-patients (a ventilated patient's, the
    children's), burying the lines that matter. Most admissions say their list, or "Nil"; the line
    still shows somewhere, as the tour would show it."""
    from downtime.services import chart_alerts

    db = demo_database(tmp_path / "demo.sqlite")
    asked = {}
    for ward in ("3B", "4A", "ICU", "PED"):
        patients = in_patients(db, forms, ward=ward)
        asked[ward] = [alert.patient.reason for alert in chart_alerts.alerts(db, forms, patients, clock(), "en",
                                                                             ward=ward).alerts
                       if any("BEFORE ADMISSION NOT RECORDED" in line for line in alert.said)]
    assert all(len(reasons) <= 2 for reasons in asked.values()), asked
    assert 1 <= sum(len(reasons) for reasons in asked.values()) <= 3, asked


def test_the_demo_stroke_patient_failed_the_swallow_screen_her_tablets_not_by_mouth(tmp_path, forms, clock,
                                                                                       demo_database):
    """The swallow screen had no demo patient: its FAILED line, the MAR's NOT BY MOUTH and the
    round's were never seen on the tour."""
    from downtime.services import swallow_screen

    db = demo_database(tmp_path / "demo.sqlite")
    stroke = next(p for p in in_patients(db, forms, ward="3B") if p.reason.startswith("Stroke"))
    assert swallow_screen.ward_lines(db, forms, [stroke.patient_id], clock(), "en") == {
        stroke.patient_id: "SWALLOW SCREEN FAILED 11:00 — nil by mouth, no medicines by mouth; SLT referred 11:20"}
    assert medication.nil_by_mouth(db, [stroke.patient_id], clock())[stroke.patient_id].why("PO") is not None


def test_the_demo_built_in_the_morning_gives_the_stroke_patient_nothing_by_mouth_after_her_failed_screen(
        tmp_path, forms, clock):
    """Built at 09:00, the screen at 06:00 came after the demo's doses were charted: her
    paracetamol read "given" at 06:35 beside "NOT BY MOUTH: failed swallow screen 06:00", the
    very dose the screen exists to stop. Her slots by mouth after it read "not given — nil by
    mouth", as a ward charts them; her reason no longer says the screen is pending."""
    from downtime.domain.medication import NotGivenReason, Outcome
    from downtime.services import swallow_screen
    from tests.conftest import FakeClock

    morning = FakeClock(clock.now.replace(hour=9))
    db = open_database(tmp_path / "demo.sqlite")
    build_demo(db, forms, morning)
    stroke = next(p for p in in_patients(db, forms, ward="3B") if p.reason.startswith("Stroke"))
    assert "pending" not in stroke.reason
    screened = swallow_screen.CHART.of(db, stroke.patient_id)[-1].screen.screened_at
    by_mouth = {o.record_id for o in medication.orders(db, stroke.patient_id, morning.now) if o.route == "PO"}
    after = [(a.outcome, a.reason) for a in medication.administrations(db, stroke.patient_id)
             if a.order_id in by_mouth and a.at >= screened]
    assert after and set(after) == {(Outcome.NOT_GIVEN, NotGivenReason.NIL_BY_MOUTH)}, after


def test_each_ciwa_ar_dose_ticked_in_the_demo_is_an_as_required_benzodiazepine_on_the_mar(demo_database, forms,
                                                                                        clock, tmp_path):
    """The chart says a dose was given; the dose itself is the MAR's: the demo's three ticks with
    no order behind them taught a MAR with no chlordiazepoxide on it (a second dose given)."""
    from downtime.domain.alcohol_withdrawal import symptom_triggered
    from downtime.domain.medication import Frequency, Outcome
    from downtime.services import alcohol_withdrawal

    db = demo_database(tmp_path / "demo.sqlite")
    (patient,) = [p for p in in_patients(db, forms) if alcohol_withdrawal.CHART.of(db, p.patient_id)]
    ticked = [datetime.fromisoformat(one.record.data["dose_given_at"])
              for one in alcohol_withdrawal.CHART.of(db, patient.patient_id) if one.record.data.get("dose_given")]
    orders = {o.record_id: o for o in medication.orders(db, patient.patient_id, ticked[0])
              if o.frequency is Frequency.PRN and symptom_triggered(o.drug)}
    given = [a.at for a in medication.administrations(db, patient.patient_id)
             if a.order_id in orders and a.outcome is Outcome.GIVEN]
    assert len(ticked) == 3
    for moment in ticked:
        assert any(abs(at - moment) <= timedelta(minutes=15) for at in given), moment
    (letter,) = alcohol_withdrawal.handed_on(db, patient.patient_id, clock(), "en")
    assert "symptom-triggered doses on the MAR in the last 24 h: Chlordiazepoxide: 3, 60 mg in all" in letter
    assert "not on the MAR" not in letter
