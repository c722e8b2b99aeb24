"""A unit stopped and restarted on the paper record and in the export: one line, its stop and
restart in its outcome, initialled; one Procedure from its first start to its last end, its stop
in a note, the volume of both parts; its prescription completed by it once; group O platelets
said labelled high-titre negative."""

import json

from fhir.resources.R4B.procedure import Procedure
from pypdf import PdfReader

from downtime.services import printing, records
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.test_transfusion import END, ORDER, UNIT
from tests.test_transfusion_bedside_rules import _unit
from tests.test_transfusion_restart import MILD, _restart


def _restarted(session_for, patient, clock):
    """A unit of a prescription of one, stopped at 13:20 for a temperature, restarted at 13:50,
    given in full by 15:30."""
    nurse = session_for("nurse")
    order = records.save_new(session_for("doctor"), "blood_order", {**ORDER, "units": 1, "requirements": []},
                             patient_id=patient)
    first = records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id,
                                                          "started_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    records.save_new(nurse, "transfusion_end", {"unit": first.record_id, "ended_at": "2026-11-28T13:20+01:00", **MILD},
                     patient_id=patient)
    restart = records.save_new(nurse, "blood_transfusion", _restart(order=order.record_id, notes="Slower: 90 mL/h"),
                               patient_id=patient)
    clock.advance(hours=2)
    records.save_new(nurse, "transfusion_end", {**END, "unit": restart.record_id, "ended_at": "2026-11-28T15:30+01:00",
                                                "volume": 240}, patient_id=patient)
    return nurse, order, first, restart


def test_the_paper_record_gives_a_unit_restarted_one_line_with_its_stop(session_for, patient, clock, tmp_path):
    nurse, _, _, _ = _restarted(session_for, patient, clock)
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert text.count("G0001 26 123456") == 1
    assert ("interrupted 28/11 13:20: Stopped: a reaction, 40 mL (Temperature 38 °C or more, or up 1 °C), restarted "
            "28/11 13:50 HL Paracetamol; the doctor saw the patient, to restart slower Slower: 90 mL/h Given in full, "
            "240 mL") in text
    assert "Temperature 38 °C or more, or up 1 °C; doctor told: Dr Benali 28/11 13:55; NOT YET: blood bank told" in text


def test_the_export_sends_a_unit_restarted_as_one_procedure_and_its_prescription_completed(session_for, patient, clock,
                                                                                            tmp_path):
    _, order, first, restart = _restarted(session_for, patient, clock)
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    [procedure] = [Procedure.model_validate(resource) for resource in by_id.values()
                   if resource["resourceType"] == "Procedure"]
    assert procedure.id == first.record_id and restart.record_id not in by_id
    assert procedure.status == "completed" and procedure.outcome.text == "Given in full"
    assert (procedure.performedPeriod.start.isoformat(), procedure.performedPeriod.end.isoformat()) == (
        "2026-11-28T13:00:00+01:00", "2026-11-28T15:30:00+01:00")
    assert [one.text for one in procedure.complication] == ["Temperature 38 °C or more, or up 1 °C"]
    assert [note.text for note in procedure.note][1:] == [
        "Slower: 90 mL/h",
        "Interrupted at 2026-11-28T13:20+01:00: Stopped: a reaction, 40 mL given; restarted at 2026-11-28T13:50+01:00",
        "Reaction: doctor told: yes: Dr Benali, 2026-11-28T13:55:00+01:00, acknowledged; reported to the blood bank: "
        "no", "Volume given: 280 mL",
        "Paracetamol; the doctor saw the patient, to restart slower"]
    assert by_id[order.record_id]["status"] == "completed"  # its one unit, given in full once restarted
    targets = [entry["resource"]["target"] for entry in bundle["entry"]
               if entry["resource"]["resourceType"] == "Provenance"
               and {"reference": f"urn:uuid:{first.record_id}"} in entry["resource"]["target"]]
    assert len(targets) == 4  # both starts' and both ends', of the one Procedure


def test_group_o_platelets_labelled_high_titre_negative_are_said_so(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    given = records.save_new(nurse, "blood_transfusion", _unit(1, component="platelets", unit_group="o_neg",
                                                               abo_card="not_used", group_o_agreed=True),
                             patient_id=patient)  # the patient A RhD negative
    text = " ".join(" ".join(page.extract_text().split()) for page in
                    PdfReader(printing.print_transfusion_record(nurse, patient, tmp_path / "t.pdf")).pages)
    assert "group O high-titre negative, or issued so by the blood bank" in text
    bundle = json.loads((export(session_for("records"), tmp_path / "x").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    [procedure] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["id"] == given.record_id]
    assert "Group O platelets labelled high-titre negative, or issued so by the blood bank" in procedure["note"][0][
        "text"]
