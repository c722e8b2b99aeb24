"""A controlled drug supplied to a patient to take home (TTO), as the paper register writes
"supplied to <patient> on discharge": a witnessed line naming the patient that lowers the
page's balance. Without it, the ward's oxycodone went home with the patient and the next
cupboard count was a 14-capsule discrepancy to report to the pharmacist, the supply to a named
patient written nowhere."""

from __future__ import annotations

import csv
import json

import pytest

from downtime.cli import main
from downtime.services import cd_register, printing
from downtime.services.errors import ServiceError
from downtime.storage.records import downtime_numbers
from downtime.sync.cd_register_csv import ENCODING, PATH
from downtime.sync.export import export
from tests.pdf_text import pdf_text

WITNESS = ("doctor", "2222")
OXYCODONE = ("Oxycodone 5 mg capsule", "capsule")
NAME = "MARTIN Hélène Marie (née LEFÈVRE)"


@pytest.fixture
def oxycodone(session_for, medication_ward):
    """Ward 3B's page of oxycodone capsules holding 28; the nurse, the patient and her number."""
    nurse = session_for("nurse")
    patient = medication_ward[0]
    cd_register.cd_receive(nurse, "3B", *OXYCODONE, 28, witness=WITNESS)
    return nurse, patient, downtime_numbers(nurse.db, [patient])[patient]


def _audit_after(db, seq: int) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in db.execute("SELECT actor, action FROM audit WHERE seq > ? ORDER BY seq", [seq])]


def test_a_supply_to_take_home_lowers_the_balance_naming_the_patient_witnessed(oxycodone):
    nurse, patient, number = oxycodone
    before = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    assert cd_register.cd_supply(nurse, "3B", *OXYCODONE, 14, patient, witness=WITNESS, note="7 days") == 14.0
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", *OXYCODONE)[-1]
    assert (line.kind, line.change, line.balance, line.author, line.witness, line.note) == (
        "supply", -14.0, 14.0, "nurse", "doctor", "7 days")
    assert line.patient_text() == f"{number} — {NAME}" and line.record_id is None
    assert _audit_after(nurse.db, before) == [("nurse", "cd.supply"), ("doctor", "witness.confirm")]
    assert not cd_register.cd_count_check(nurse.db, "3B", *OXYCODONE, 14).discrepancy


def test_a_supply_above_the_balance_is_refused_before_the_witness_is_tried(oxycodone):
    nurse, patient, _ = oxycodone
    lines = nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0]
    before = nurse.db.execute("SELECT MAX(seq) FROM audit").fetchone()[0]
    with pytest.raises(ServiceError, match=r"ward 3B holds 28 capsule of Oxycodone 5 mg capsule; 29 capsule cannot "
                                           r"be supplied from it"):
        cd_register.cd_supply(nurse, "3B", *OXYCODONE, 29, patient, witness=("doctor", "9999"))
    with pytest.raises(ServiceError, match="the quantity supplied must be above zero"):
        cd_register.cd_supply(nurse, "3B", *OXYCODONE, 0, patient, witness=WITNESS)
    assert nurse.db.execute("SELECT COUNT(*) FROM cd_register").fetchone()[0] == lines
    assert _audit_after(nurse.db, before) == []  # no wrong PIN of the witness's was tried
    assert cd_register.cd_balance(nurse.db, "3B", *OXYCODONE) == 28.0


def test_a_supply_names_a_patient_of_the_ward_in_hospital_or_discharged_from_it(oxycodone, session_for, send_home):
    """The supply is typed before the discharge or after it, as the paper one is; a patient of
    no ward of this register's, or none, is refused."""
    nurse, patient, number = oxycodone
    assert [found.downtime_number for found in cd_register.cd_supply_patients(nurse.db, nurse.forms, "3b")] == [number]
    assert cd_register.cd_supply_patients(nurse.db, nurse.forms, "4A") == []
    with pytest.raises(ServiceError, match="choose the patient it is supplied to, on ward 4A or discharged from it"):
        cd_register.cd_supply(nurse, "4A", *OXYCODONE, 1, patient, witness=WITNESS)
    with pytest.raises(ServiceError, match="choose the patient it is supplied to, on ward 3B or discharged from it"):
        cd_register.cd_supply(nurse, "3B", *OXYCODONE, 1, "", witness=WITNESS)
    send_home(patient)
    assert [found.downtime_number for found in cd_register.cd_supply_patients(nurse.db, nurse.forms, "3B")] == [number]
    assert cd_register.cd_supply(nurse, "3B", *OXYCODONE, 14, patient, witness=WITNESS) == 14.0


def test_a_supply_is_no_dose_to_record_wastage_against(oxycodone):
    """Its line holds the patient where a dose's holds the dose: no wastage is taken from it."""
    nurse, patient, _ = oxycodone
    cd_register.cd_supply(nurse, "3B", *OXYCODONE, 14, patient, witness=WITNESS)
    assert cd_register.taken_from_register(nurse.db, patient) is None
    assert cd_register.wastage_refusal(nurse, patient) is not None
    assert cd_register.cd_doses_to_waste(nurse, "3B", *OXYCODONE).doses == []


def test_the_printed_page_names_the_patient_supplied(oxycodone, tmp_path):
    nurse, patient, number = oxycodone
    cd_register.cd_supply(nurse, "3B", *OXYCODONE, 14, patient, witness=WITNESS)
    text = pdf_text(printing.print_cd_page(nurse, "3B", *OXYCODONE, tmp_path / "page.pdf"))
    assert f"Supplied to {number} to take home" in text and "-14" in text and NAME in text


def test_the_french_printed_page_names_the_patient_supplied(oxycodone, session_for, tmp_path):
    _, patient, number = oxycodone
    infirmiere = session_for("nurse", "fr")
    cd_register.cd_supply(infirmiere, "3B", *OXYCODONE, 14, patient, witness=WITNESS)
    text = pdf_text(printing.print_cd_page(infirmiere, "3B", *OXYCODONE, tmp_path / "page.pdf"))
    assert f"Remis à {number} pour sa sortie" in text


def test_the_export_names_the_patient_supplied(oxycodone, session_for, tmp_path):
    nurse, patient, number = oxycodone
    cd_register.cd_supply(nurse, "3B", *OXYCODONE, 14, patient, witness=WITNESS)
    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / PATH).open(encoding=ENCODING, newline="") as handle:
        supplied = [line for line in csv.DictReader(handle) if line["kind"] == "supply"]
    assert [(line["change"], line["balance"], line["patient"], line["dose_record_id"], line["witness"])
            for line in supplied] == [("-14", "14", f"{number} — {NAME}", "", "Dr Karim Benali (doctor)")]


def test_cd_supply_from_the_command_line(oxycodone, db_path, capsys):
    nurse, _, number = oxycodone
    person = ["--db", str(db_path), "--user", "nurse", "--pin", "1111"]
    command = ["cd", "supply", "--ward", "3B", "--drug", "OXYCODONE 5 mg capsule", "--unit", "capsule",
               "--patient", number, "--witness-user", "doctor", "--witness-pin", "2222", *person]
    capsys.readouterr()
    assert main([*command, "--quantity", "30"]) == 1
    assert "ward 3B holds 28 capsule of Oxycodone 5 mg capsule; 30 capsule cannot be supplied" in \
        capsys.readouterr().err
    assert main([*command, "--quantity", "14", "--note", "TTO 7 days"]) == 0
    assert capsys.readouterr().out == "Oxycodone 5 mg capsule on ward 3B: balance 14 capsule\n"
    line = cd_register.cd_lines(nurse.db, nurse.forms, "3B", *OXYCODONE)[-1]
    assert (line.kind, line.change, line.patient, line.note) == ("supply", -14.0, number, "TTO 7 days")
    assert main(["cd", "balance", "--ward", "3B", "--drug", OXYCODONE[0], "--unit", "capsule", "--json", *person]) == 0
    assert json.loads(capsys.readouterr().out)["balance"] == 14.0
