"""Until when the EHR's chart holds a loaded order's doses (services.snapshot_time): the earliest
of the load, the snapshot's own time, and the first time the laptop wrote after the load when its
clock was put back since. And an as-required order loaded from the snapshot says, for a day,
that its doses before then are on the EHR's chart, not counted here."""

import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from downtime.domain.medication import DoseState
from downtime.services import census, medication, paper_gap, printing, records, snapshot_time
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportRefused
from tests.test_mar_snapshot import _pages

SNAPSHOT = Path(__file__).parent / "data" / "snapshot"


@pytest.fixture
def snapshot(tmp_path):
    return Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))


def _at(text: str) -> datetime:
    return datetime.fromisoformat(f"2026-{text}+01:00")


def _helene(session):
    return next(row.patient for row in census.census(session.db, session.forms, "3B")
                if row.patient and row.bed == "12")


def _order(session, drug: str):
    return next(found for found in medication.orders(session.db, _helene(session).patient_id, session.clock())
                if found.drug == drug)


def _states(session, drug: str) -> dict[str, DoseState]:
    """The order's doses on 28/11 and 29/11."""
    (row,) = [row for row in medication.mar_grid(session.db, _helene(session).patient_id, date(2026, 11, 28), 2,
                                                 session.clock()) if row.order.drug == drug]
    return {f"{cell.slot:%d %H:%M}": cell.state for cell in row.cells}


def _round(session) -> list[tuple[str, str]]:
    return [(item.order.drug, f"{item.slot:%d %H:%M}")
            for item in medication.round_list(session.db, session.forms, "3B", session.clock())]


def test_a_snapshots_own_time_bounds_the_doses_in_the_ehr(session_for, snapshot, clock):
    """The snapshot's state is of 07:00, the EHR went down at 07:30, it was loaded at 11:00: the
    08:00 paracetamol, due after the EHR went down, is on the laptop's round, not "in the EHR"."""
    clerk = session_for("records")
    clock.now = _at("11-29T11:00")
    import_path(clerk, snapshot)
    paracetamol = _order(clerk, "Paracetamol")
    with clerk.db.atomic():  # as the load writes it, in its transaction (see sync.snapshot)
        snapshot_time.keep(clerk, [paracetamol.record_id], _at("11-29T07:00"))
    clock.now = _at("11-29T11:15")
    nurse = session_for("nurse")
    states = _states(nurse, "Paracetamol")
    assert states["28 20:00"] is DoseState.IN_EHR and states["29 08:00"] is not DoseState.IN_EHR, states
    assert ("Paracetamol", "29 08:00") in _round(nurse)


def test_a_snapshot_order_keeps_the_time_it_was_first_loaded_with(session_for, snapshot, clock):
    clerk = session_for("records")
    clock.now = _at("11-29T11:00")
    import_path(clerk, snapshot)
    found = _order(clerk, "Paracetamol")
    for as_of in ("11-29T07:00", "11-29T10:00"):
        with clerk.db.atomic():
            snapshot_time.keep(clerk, [found.record_id], _at(as_of))
    first = clerk.db.execute("SELECT r.recorded_at, r.device_id FROM records r WHERE r.record_id = ? AND version = 1",
                             [found.record_id]).fetchone()
    loaded = {found.record_id: (datetime.fromisoformat(first[0]), first[1])}
    assert snapshot_time.ehr_until(clerk.db, loaded) == {found.record_id: _at("11-29T07:00")}


def test_a_snapshot_time_later_than_the_load_changes_nothing(session_for, snapshot, clock):
    clerk = session_for("records")
    clock.now = _at("11-29T07:00")
    import_path(clerk, snapshot)
    with clerk.db.atomic():
        snapshot_time.keep(clerk, [_order(clerk, "Paracetamol").record_id], _at("11-29T09:00"))
    clock.now = _at("11-29T10:15")
    states = _states(session_for("nurse"), "Paracetamol")
    assert states["28 20:00"] is DoseState.IN_EHR and states["29 08:00"] is not DoseState.IN_EHR, states


def test_a_snapshot_loaded_with_the_clock_a_day_ahead_hides_no_day_of_doses(session_for, snapshot, clock):
    """IT loads the snapshot with the laptop's date a day ahead ("29/11 10:00"), puts it right and
    signs in again at 10:05 on 28/11 to check the census: the load came before that sign-in. At
    14:30 the 14:00 paracetamol is on the round (it read "in the EHR" all day), the 08:00 one,
    given in the EHR, is not."""
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), snapshot)
    clock.now = _at("11-28T10:05")
    session_for("records")
    clock.now = _at("11-28T14:30")
    nurse = session_for("nurse")
    assert ("Paracetamol", "28 14:00") in _round(nurse)
    assert _states(nurse, "Paracetamol")["28 08:00"] is DoseState.IN_EHR


def test_a_clock_on_time_keeps_the_load_as_the_bound(session_for, snapshot, clock):
    """The laptop used before the load and after it, its clock right: the load bounds the EHR's doses."""
    clock.now = _at("11-29T09:00")
    session_for("nurse")
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), snapshot)
    clock.now = _at("11-29T10:30")
    nurse = session_for("nurse")
    assert _states(nurse, "Paracetamol")["29 08:00"] is DoseState.IN_EHR
    assert ("Paracetamol", "29 08:00") not in _round(nurse)


def _morphine_loaded_at_ten(session_for, snapshot, clock):
    clock.now = _at("11-29T10:00")
    import_path(session_for("records"), snapshot)
    return session_for("nurse")


def test_a_loaded_as_required_order_says_its_doses_before_the_load_are_on_the_ehrs_chart(session_for, snapshot,
                                                                                          clock):
    nurse = _morphine_loaded_at_ten(session_for, snapshot, clock)
    clock.now = _at("11-29T10:15")
    status = medication.as_required_status(nurse, _order(nurse, "Morphine").record_id)
    assert status.ehr_before == _at("11-29T10:00")
    assert (status.last, status.recent, status.next_at) == (None, (), None)  # counted as before


def test_a_day_after_its_load_the_order_says_nothing_of_the_ehr(session_for, snapshot, clock):
    nurse = _morphine_loaded_at_ten(session_for, snapshot, clock)
    morphine = _order(nurse, "Morphine")
    assert medication.as_required_status(nurse, morphine.record_id, _at("11-30T09:59")).ehr_before is not None
    assert medication.as_required_status(nurse, morphine.record_id, _at("11-30T10:00")).ehr_before is None


def test_an_as_required_order_typed_on_the_ward_says_nothing_of_the_ehr(paracetamol, clock):
    nurse, _, prn = paracetamol
    assert medication.as_required_status(nurse, prn.record_id).ehr_before is None


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "When printed: no dose recorded — 0 in 24 h (most 6) — doses before 29/11 10:00 are on the EHR's chart: "
           "check its last print before giving"),
    ("fr", "À l’impression : aucune dose tracée — 0 sur 24 h (max 6) — les doses d’avant le 29/11 10:00 sont dans "
           "le DPI : vérifier sa dernière impression avant d’administrer"),
])
def test_the_printed_chart_says_a_loaded_as_required_orders_doses_are_on_the_ehrs_chart(session_for, snapshot, clock,
                                                                                        tmp_path, lang, said):
    nurse = _morphine_loaded_at_ten(session_for, snapshot, clock)
    clock.now = _at("11-29T10:15")
    pages = _pages(printing.print_mar(replace(nurse, lang=lang), [_helene(nurse).patient_id], tmp_path / "mar.pdf"))
    assert said in " ".join(pages)


def _taken_at(snapshot: Path, text: str) -> None:
    (snapshot / "snapshot.csv").write_text(f"taken_at\n{text}\n", encoding="utf-8")


@pytest.mark.parametrize("taken_at", ["2026-11-28T06:00+01:00", "28/11/2026 06:00"])
def test_a_csv_snapshot_says_its_time_in_snapshot_csv(session_for, snapshot, clock, taken_at):
    """The EHR went down at 06:00 and its 06:00 extract is loaded at 09:00: the 08:00 paracetamol,
    never given as the EHR was down, is on the round (it read "in the EHR (before downtime)", the
    CSV snapshot having no place for its time); the 20:00 of the day before is the EHR's."""
    _taken_at(snapshot, taken_at)
    clock.now = _at("11-28T09:00")
    result = import_path(session_for("records"), snapshot)
    nurse = session_for("nurse")
    states = _states(nurse, "Paracetamol")
    assert states["28 08:00"] is not DoseState.IN_EHR and ("Paracetamol", "28 08:00") in _round(nurse), states
    assert not any("no time of its own" in said.text("en") for said in result.to_check)


def test_a_csv_snapshot_with_no_time_says_its_doses_before_the_load_are_taken_as_the_ehrs(session_for, snapshot,
                                                                                          clock):
    clock.now = _at("11-28T09:00")
    said = [found.text("en") for found in import_path(session_for("records"), snapshot).to_check]
    assert any(text.startswith("This snapshot gives no time of its own") and "snapshot.csv, column taken_at" in text and len(said) == 1
               for text in said), said


def test_the_same_snapshot_loaded_again_with_its_time_puts_the_doses_since_back_on_the_round(session_for, snapshot,
                                                                                            clock):
    clock.now = _at("11-28T09:00")
    import_path(session_for("records"), snapshot)
    assert ("Paracetamol", "28 08:00") not in _round(session_for("nurse"))
    _taken_at(snapshot, "2026-11-28T06:00+01:00")
    clock.now = _at("11-28T09:10")
    again = import_path(session_for("records"), snapshot)
    assert again.added == {} and ("Paracetamol", "28 08:00") in _round(session_for("nurse"))


def test_the_no_time_note_asks_for_a_reload_when_the_extract_was_taken_before_the_load(session_for, snapshot,
                                                                                        clock):
    """The EHR cannot give an extract once down: the case that hides doses is the extract taken,
    then the EHR down, then the load. The note asked for a reload in the other case, so IT did not."""
    clock.now = _at("11-28T09:00")
    result = import_path(session_for("records"), snapshot)
    said = [found.text("en") for found in result.to_check]
    assert any("If the extract was taken before this load (the EHR down in between), load it again with the "
               "extract's time in snapshot.csv, column taken_at" in text for text in said), said
    assert not any("went down before" in text for text in said), said


@pytest.mark.parametrize("written", ["taken_at\n", "taken_at\r\n", "taken_at", "taken_at;;\r\n", "taken_at,,\r\n"])
def test_snapshot_csv_left_as_shipped_gives_no_time_and_loads(session_for, snapshot, clock, written):
    """The template folder, snapshot.csv left with its header alone, refused itself: "one line
    under it"; saved by French Excel (its semicolons, the empty columns beside) likewise."""
    (snapshot / "snapshot.csv").write_text(written, encoding="utf-8")
    clock.now = _at("11-28T09:00")
    result = import_path(session_for("records"), snapshot)
    assert result.added.get("order") and any("no time of its own" in found.text("en") for found in result.to_check)


def test_the_shipped_snapshot_csv_is_its_header_alone(session_for, snapshot, clock):
    shutil.copy(Path(__file__).parents[1] / "resources" / "snapshot" / "snapshot.csv", snapshot / "snapshot.csv")
    clock.now = _at("11-28T09:00")
    assert any("no time of its own" in found.text("en")
               for found in import_path(session_for("records"), snapshot).to_check)


def test_a_snapshot_csv_typed_without_a_line_end_after_its_time_is_read(session_for, snapshot, clock):
    """Typed in Notepad, Enter not pressed after the time: refused whole as "cut short"; the time is
    read whole or refused, so a cut one cannot pass."""
    (snapshot / "snapshot.csv").write_text("taken_at\r\n2026-11-28T06:00+01:00", encoding="utf-8")
    clock.now = _at("11-28T09:00")
    result = import_path(session_for("records"), snapshot)
    assert ("Paracetamol", "28 08:00") in _round(session_for("nurse"))
    assert not any("no time of its own" in found.text("en") for found in result.to_check)


def test_a_snapshot_time_days_before_the_load_is_questioned_with_the_doses_it_brings_back(session_for, snapshot,
                                                                                         clock):
    """One wrong digit (18/11 for 28/11): three days of doses the EHR gave came back on the round as
    not recorded, without a word."""
    _taken_at(snapshot, "2026-11-18T06:00+01:00")
    clock.now = _at("11-28T09:00")
    said = [found.text("en") for found in import_path(session_for("records"), snapshot).to_check]
    back = len([slot for drug, slot in _round(session_for("nurse")) if slot < "28 09:00"])
    assert said == [f"The snapshot says its extract is of 18/11/2026 06:00, more than a day before this load "
                    f"(28/11/2026 09:00): {back} doses of 1 patient(s), due since then, come back on the round as not "
                    "recorded. Is that the extract's time (snapshot.csv, column taken_at; a FHIR bundle's timestamp)? "
                    "If not, check those doses against the EHR's last printed chart."] and back > 3, said


def test_a_reload_with_a_time_long_before_counts_no_dose_of_an_order_withdrawn_since(session_for, snapshot, clock):
    clock.now = _at("11-28T09:00")
    import_path(session_for("records"), snapshot)
    records.mark_entered_in_error(session_for("doctor"), _order(session_for("nurse"), "Paracetamol").record_id,
                                  "stopped in the EHR before the outage")
    _taken_at(snapshot, "2026-11-18T06:00+01:00")
    clock.now = _at("11-28T09:10")
    said = [found.text("en") for found in import_path(session_for("records"), snapshot).to_check]
    assert [text for text in said if "more than a day before this load" in text and ": 0 doses of 0 patient(s)" in text], said


def test_a_snapshot_time_after_the_load_is_questioned(session_for, snapshot, clock):
    _taken_at(snapshot, "2026-12-28T06:00+01:00")
    clock.now = _at("11-28T09:00")
    said = [found.text("en") for found in import_path(session_for("records"), snapshot).to_check]
    assert said == ["The snapshot says its extract is of 28/12/2026 06:00, after this load (28/11/2026 09:00): the "
                    "time given (snapshot.csv, column taken_at; a FHIR bundle's timestamp) or this laptop's clock is "
                    "wrong. Check both; its orders' doses due before this load read “in the EHR (before downtime)”."], said


def test_a_snapshot_time_of_the_night_before_is_taken_without_a_question(session_for, snapshot, clock):
    _taken_at(snapshot, "2026-11-27T22:00+01:00")
    clock.now = _at("11-28T09:00")
    assert import_path(session_for("records"), snapshot).to_check == ()


def _round_states(session) -> dict[tuple[str, str], DoseState]:
    return {(item.order.drug, f"{item.slot:%d %H:%M}"): item.state
            for item in medication.round_list(session.db, session.forms, "3B", session.clock())}


def test_a_dose_a_later_time_brings_back_reads_check_the_paper_not_overdue(session_for, snapshot, clock):
    """Loaded at 09:00 without its time, the 08:00 paracetamol read "in the EHR" and was checked and
    given on paper, as the import said; the same extract loaded again at 18:00 with its time (06:00)
    put it back on the round plainly OVERDUE: given twice."""
    clock.now = _at("11-28T09:00")
    import_path(session_for("records"), snapshot)
    _taken_at(snapshot, "2026-11-28T06:00+01:00")
    clock.now = _at("11-28T18:00")
    import_path(session_for("records"), snapshot)
    nurse = session_for("nurse")
    (item,) = [item for item in medication.round_list(nurse.db, nurse.forms, "3B", clock())
               if (item.order.drug, f"{item.slot:%d %H:%M}") == ("Paracetamol", "28 08:00")]
    assert item.state is DoseState.CHECK_PAPER and _states(nurse, "Paracetamol")["28 08:00"] is DoseState.CHECK_PAPER
    assert [said.text("en") for said in paper_gap.gap_said([item.on_paper])] == [
        "No dose recorded on this laptop between 06:00 and 09:00: doses given then may be on paper. Enter them first "
        "(at the time they were given) before giving anything due."]


def test_a_dose_due_between_the_extracts_time_and_its_first_load_reads_check_the_paper(session_for, snapshot, clock):
    _taken_at(snapshot, "2026-11-28T06:00+01:00")
    clock.now = _at("11-28T09:00")
    import_path(session_for("records"), snapshot)
    clock.now = _at("11-28T12:00")
    assert _round_states(session_for("nurse"))[("Paracetamol", "28 08:00")] is DoseState.CHECK_PAPER


@pytest.mark.parametrize(("written", "refused"), [
    ("taken_at\n2026-11-28T06:0", "snapshot.csv, line 2, column taken_at: '2026-11-28T06:0'"),
    ("taken_at\n28/11/2026\n", "snapshot.csv, line 2, column taken_at: '28/11/2026'"),
    ("taken_at\n2026-11-28T06:00+01:00\n2026-11-28T07:00+01:00\n", "snapshot.csv: one column, taken_at"),
    ("when\n2026-11-28T06:00+01:00\n", "snapshot.csv: one column, taken_at"),
    ("when\n", "snapshot.csv: one column, taken_at"),
])
def test_a_snapshot_time_that_cannot_be_read_refuses_the_snapshot(session_for, snapshot, written, refused):
    (snapshot / "snapshot.csv").write_text(written, encoding="utf-8")
    with pytest.raises(ImportRefused, match=refused):
        import_path(session_for("records"), snapshot)
