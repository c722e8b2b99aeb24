"""Settling a hold weighs each laptop's version against the version both started from: the
review found an allergy one laptop added silently dropped when the clerk chose the other's
weight. What a choice drops is said by name before anything is written, a safety-critical
change is dropped only when the clerk confirms it, and versions that changed different answers
are kept together by combining them."""

import pytest

from downtime.services import back_entry, holds, records
from downtime.services.errors import ServiceError
from downtime.storage.audit import verify_chain

DECIDED = "Ward 3B nurse in charge, phone"
PENICILLIN_DROPPED = ("the change on laptop 1 (no. 001) to Allergies: added Penicillin (Anaphylaxis, Severe) will be "
                      "dropped")


def _counts(db):
    return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("records", "hold_settlements", "audit")}


def _weighed(hold):
    return next(version for version in hold.versions if version.data["weight_kg"] == 81)


def _allergic(hold):
    return next(version for version in hold.versions if len(version.data["allergies"]) == 2)


def test_choosing_the_weight_refuses_to_drop_the_penicillin_allergy_unless_confirmed(allergy_and_weight):
    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    chosen = _weighed(hold)
    assert holds.dropped_text(clerk, holds.dropped(clerk, hold, chosen)) == PENICILLIN_DROPPED
    before = _counts(clerk.db)
    with pytest.raises(ServiceError) as refused:
        holds.settle(clerk, hold, chosen, DECIDED)
    assert str(refused.value) == (f"Not settled, as it would drop a safety-critical change: {PENICILLIN_DROPPED}. "
                                  "Settle so only once the ward has said these are to be dropped.")
    assert _counts(clerk.db) == before and back_entry.hold_of(clerk, record) is not None

    kept = holds.settle(clerk, hold, chosen, DECIDED, drop_changes=True)
    assert [row["substance"] for row in kept.data["allergies"]] == ["Codeine"]
    detail = next(clerk.db.query("SELECT detail FROM audit WHERE action = 'hold.settled'"))["detail"]
    assert '"dropped":["allergies"]' in detail.replace(" ", "")


def test_the_weight_a_choice_of_the_allergy_drops_is_said_and_needs_no_confirmation(allergy_and_weight):
    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    chosen = _allergic(hold)
    assert holds.dropped_text(clerk, holds.dropped(clerk, hold, chosen)) == (
        "the change on laptop 2 (no. 002) to Weight: 81 kg will be dropped; the change on laptop 2 (no. 002) to Weight unusual for "
        "the age, confirmed: 81 kg will be dropped")
    kept = holds.settle(clerk, hold, chosen, DECIDED)
    assert (kept.version, kept.data["weight_kg"], len(kept.data["allergies"])) == (3, 61.5, 2)


def test_each_version_is_listed_with_its_changes_since_the_version_both_started_from(allergy_and_weight):
    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    listed = dict(zip((version.device_id for version in hold.versions), holds.choices(clerk, hold)))
    weighed, allergic = listed[_weighed(hold).device_id], listed[_allergic(hold).device_id]
    assert weighed.splitlines()[1:] == ["changed since version 1: Weight: 81 kg; Weight unusual for the age, confirmed: 81 kg", f"choosing it: {PENICILLIN_DROPPED}"]
    assert allergic.splitlines()[1:] == [
        "changed since version 1: Allergies: added Penicillin (Anaphylaxis, Severe)",
        "choosing it: the change on laptop 2 (no. 002) to Weight: 81 kg will be dropped; the change on laptop 2 (no. 002) to Weight "
        "unusual for the age, confirmed: 81 kg will be dropped"]


def test_combining_keeps_the_allergy_and_the_weight_in_a_new_version_said_so(allergy_and_weight):
    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    assert holds.combined_choice(clerk, hold) == (
        "Keep both changes: a new version combining version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002) at "
        "28/11/2026 14:10; version 2 by Nurse (nurse, laptop 001) on laptop 1 (no. 001) at 28/11/2026 14:15: Weight: 81 kg; Weight unusual for the age, confirmed: 81 kg; "
        "Allergies: added Penicillin (Anaphylaxis, Severe)")
    before = _counts(clerk.db)
    kept = holds.combine(clerk, hold, DECIDED)
    assert (kept.version, kept.author, kept.data["weight_kg"]) == (3, "records", 81)
    assert [row["substance"] for row in kept.data["allergies"]] == ["Codeine", "Penicillin"]
    # As a clerk writes it, what was done, then the versions it was done with, then who decided:
    # "…at 14:15 combined, keeping…" read as if the second version alone was combined.
    versions = ("version 2 by Nurse (nurse, laptop 002) on laptop 2 (no. 002) at 28/11/2026 14:10; version 2 by Nurse "
                "(nurse, laptop 001) on laptop 1 (no. 001) at 28/11/2026 14:15")
    assert kept.reason == ("Settles the hold from version 2 by combining the versions, keeping the changes of each: "
                           f"{versions}. {DECIDED}")
    assert _counts(clerk.db) == {"records": before["records"] + 1, "hold_settlements": 1,
                                 "audit": before["audit"] + 2}
    settlement = next(clerk.db.query("SELECT * FROM hold_settlements"))
    assert (settlement["chosen_id"], settlement["standing_version"]) == (kept.id, 3)
    assert settlement["reason"] == f"Versions combined, keeping the changes of each: {versions}. {DECIDED}"
    assert back_entry.hold_of(clerk, record) is None
    assert records.current(clerk.db, record) == kept
    assert verify_chain(clerk.db) is None


def test_the_patient_after_settling_has_the_allergies_the_settlement_leaves(allergy_and_weight):
    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    assert holds.patient_after(clerk, hold, _weighed(hold).data).allergies == ("Codeine",)
    assert holds.patient_after(clerk, hold, holds.combination(clerk, hold)).allergies == ("Codeine", "Penicillin")


def test_versions_that_changed_the_same_answer_cannot_be_combined(disagreeing, tmp_path, laptop):
    from downtime.sync.import_export import import_export

    record, first, second, *_ = disagreeing
    clerk = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(clerk, first)
    import_export(clerk, second)
    hold = back_entry.hold_of(clerk, record)
    assert holds.combination(clerk, hold) is None and holds.combined_choice(clerk, hold) is None
    before = _counts(clerk.db)
    with pytest.raises(ServiceError, match="cannot be combined: they changed the same answer differently"):
        holds.combine(clerk, hold, DECIDED)
    assert _counts(clerk.db) == before


def test_the_command_line_refuses_to_drop_the_allergy_without_drop_changes_and_combines(allergy_and_weight, capsys):
    from downtime.cli import main

    record, clerk, db = allergy_and_weight
    who = ["--user", "records", "--pin", "4444", "--db", db]
    hold = back_entry.hold_of(clerk, record)
    weighed = str(hold.versions.index(_weighed(hold)) + 1)
    assert main(["worklist", "settle", record, *who]) == 0
    listed = capsys.readouterr().out
    assert f"   choosing it: {PENICILLIN_DROPPED}" in listed and "\n--combine. Keep both changes: " in listed
    before = _counts(clerk.db)
    assert main(["worklist", "settle", record, "--choose", weighed, "--reason", DECIDED, *who]) == 1
    assert capsys.readouterr().err.strip().endswith(
        f"record {record} not settled: choosing {weighed}, {PENICILLIN_DROPPED}. Add --drop-changes only once the "
        "ward has said these are to be dropped; or keep both changes with --combine.")
    assert {table: _counts(clerk.db)[table] for table in ("records", "hold_settlements")} == {
        table: before[table] for table in ("records", "hold_settlements")}, "a sign-in is audited, nothing else"
    assert main(["worklist", "settle", record, "--combine", "--reason", DECIDED, *who]) == 0
    assert f"record {record} settled: version 3 stands, to back-enter" in capsys.readouterr().out
    standing = records.current(clerk.db, record)
    assert (standing.data["weight_kg"], len(standing.data["allergies"])) == (81, 2)


def test_the_command_line_drops_the_allergy_with_drop_changes_and_says_so(allergy_and_weight, capsys):
    from downtime.cli import main

    record, clerk, db = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    weighed = str(hold.versions.index(_weighed(hold)) + 1)
    assert main(["worklist", "settle", record, "--choose", weighed, "--reason", DECIDED, "--drop-changes",
                 "--user", "records", "--pin", "4444", "--db", db]) == 0
    said = capsys.readouterr().out
    assert f"Dropped: {PENICILLIN_DROPPED}" in said and f"record {record} settled" in said
    assert [row["substance"] for row in records.current(clerk.db, record).data["allergies"]] == ["Codeine"]


def test_the_forms_mark_allergies_resuscitation_and_an_orders_dose_route_times_and_stop_safety_critical(forms):
    """What a settlement may drop only once the clerk confirms it: the admission's allergies,
    resuscitation status and refusal of blood products, what an order gives (by which rule, for a variable dose), how, when and
    until when, whether it is given covertly and how, a doctor's ceiling of care (observation_plan's
    escalation), a missing patient's risk (which sets when the police are told), a swallow screen's outcome and the SLT's (which say whether anything is given by mouth), and a
    capacity assessment's decision, outcome and the decision made for the person (on which a medicine is given
    covertly), the level of an enhanced care chart (how closely the patient is watched), and whom a
    safeguarding concern is about, whether adult or child and whether anyone is in immediate danger
    (which set where it is referred and how fast)."""
    critical = {form_id: {field.id for field in spec.fields() if field.safety_critical}
                for form_id, spec in forms.items()}
    assert critical["admission"] == {"allergy_status", "allergies", "resuscitation", "blood_refusal", "blood_accepted"}
    assert critical["medication_order"] == {"drug", "dose_min", "dose", "dose_unit", "strength_mg", "strength_ml",
                                              "route", "side", "rate_ml_h", "dose_rule", "times", "every_days",
                                              "stop_at", "covert", "covert_how"}
    assert critical["observation_plan"] == {"escalation"}
    assert critical["missing_patient"] == {"risk"}
    assert critical["swallow_screen"] == {"outcome", "slt_outcome"}
    assert critical["capacity_assessment"] == {"decision", "outcome", "decision_made"}
    assert critical["enhanced_observation"] == {"level"}
    assert critical["safeguarding_concern"] == {"about", "adult_or_child", "immediate_danger"}
    assert {form_id for form_id, fields in critical.items() if fields} == {"admission", "medication_order",
                                                                           "observation_plan", "missing_patient",
                                                                           "swallow_screen", "capacity_assessment",
                                                                           "enhanced_observation", "safeguarding_concern"}


COMBINED = ("the hold from version 2: version 2 on laptop 2 (no. 002); version 2 on laptop 1 (no. 001) combined into "
            "version 3, which stands")


def test_a_combination_is_said_combined_naming_its_versions_in_history_the_line_the_audit_and_another_office(
        allergy_and_weight, tmp_path, laptop):
    """A combination was stored as a choice of the version it wrote: History said "version 3 on
    laptop 900 (no. 900) chosen" under a reason saying "combined". It says which versions it
    kept together, as a choice says which it took: History, the printed record, the worklist
    line, the audit entry, and another office that imports the settlement."""
    import json
    import re

    from pypdf import PdfReader

    from downtime.services import printing
    from downtime.sync.export import export
    from downtime.sync.import_export import import_export

    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    kept_together = [{"version": version.version, "device_id": version.device_id}
                     for version in (next(v for v in hold.versions if v.device_id == device)
                                     for device in dict.fromkeys(v.device_id for v in hold.versions))]
    holds.combine(clerk, hold, DECIDED)
    [settled] = back_entry.settled_on(clerk, [record])[record]
    assert settled.what_in("en") == COMBINED and "chosen" not in settled.text_in("en")
    assert f": {COMBINED}; reason: " in back_entry.line_of(clerk, record).to_do
    detail = json.loads(next(clerk.db.query("SELECT detail FROM audit WHERE action = 'hold.settled'"))["detail"])
    assert detail["combined"] == kept_together
    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(
        printing.print_record(clerk, record, tmp_path / "record.pdf")).pages).split())
    assert COMBINED in printed
    other = laptop(tmp_path / "office-2.sqlite", 901)[1]
    import_export(other, export(clerk, tmp_path / "office-export").folder)
    [there] = back_entry.settled_on(other, [record])[record]  # its laptops named as that office knows them
    assert re.fullmatch(r"the hold from version 2: version 2 on laptop \S+; version 2 on laptop \S+ combined into "
                        r"version 3, which stands", there.what_in("en"))
    assert verify_chain(clerk.db) is None and verify_chain(other.db) is None


def test_a_choice_is_still_said_as_the_version_chosen(allergy_and_weight):
    record, clerk, _ = allergy_and_weight
    hold = back_entry.hold_of(clerk, record)
    holds.settle(clerk, hold, _allergic(hold), DECIDED)
    [settled] = back_entry.settled_on(clerk, [record])[record]
    assert settled.what_in("en") == "the hold from version 2: version 2 on laptop 1 (no. 001) chosen, version 3 stands"
    detail = next(clerk.db.query("SELECT detail FROM audit WHERE action = 'hold.settled'"))["detail"]
    assert '"combined":[]' in detail.replace(" ", "")
