"""An import that changes what a patient's wristband says names them, as an amendment on the
ward does: an allergy found on another laptop, or a birth date corrected there, came in on its
stick and the band on the patient went on reading "No known allergies" (or the old birth date),
with no word to anyone on the ward."""

import pytest

from downtime.services import records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from downtime.sync.importing import import_path

PENICILLIN = {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}


def _carried(tmp_path, laptop, admission_values):
    """Laptop 1 admits Mrs Lefèvre (no known allergy); laptop 2, where she moved, imports its
    stick. Returns the admission, laptop 1's nurse and clerk, laptop 2's clerk."""
    values = {**admission_values, "allergy_status": "nka", "allergies": []}
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    clerk_2 = laptop(tmp_path / "2.sqlite", 2)[1]
    saved = records.save_new(nurse_1, "admission", values)
    import_export(clerk_2, export(clerk_1, tmp_path / "first").folder)
    return saved, values, nurse_1, clerk_1, clerk_2


def test_an_allergy_imported_for_a_patient_in_hospital_names_their_band_out_of_date(tmp_path, laptop, clock,
                                                                                   admission_values):
    saved, values, nurse_1, clerk_1, clerk_2 = _carried(tmp_path, laptop, admission_values)
    clock.advance(minutes=10)
    records.amend(nurse_1, saved.record_id, {**values, "allergy_status": "allergies", "allergies": [PENICILLIN]},
                  "allergy found")
    result = import_path(clerk_2, export(clerk_1, tmp_path / "second").folder)
    (band,) = result.bands
    assert (band.patient.patient_id, band.parts, band.labels_too) == (saved.patient_id, ("allergies",), False)
    number = band.patient.downtime_number
    assert result.bands_text("en") == [
        f"Wristband out of date for 1 patient(s): print a new one, put it on the patient and remove the old one — "
        f"{number} MARTIN Hélène Marie (née LEFÈVRE) (allergies changed)."]


def test_a_birth_date_imported_says_the_id_labels_are_wrong_too(tmp_path, laptop, clock, admission_values):
    saved, values, nurse_1, clerk_1, clerk_2 = _carried(tmp_path, laptop, admission_values)
    clock.advance(minutes=10)
    records.amend(nurse_1, saved.record_id, {**values, "birth_date": "1945-03-12", "nir": None}, "1954 misread")
    result = import_path(clerk_2, export(clerk_1, tmp_path / "second").folder)
    (band,) = result.bands
    assert band.parts == ("born",) and band.labels_too
    assert result.bands_text("en")[1] == (
        "Their ID labels read what was too: destroy every one left, in the patient's folder and at the nurses' "
        f"station, and print a new sheet — {band.patient.downtime_number} MARTIN Hélène Marie (née LEFÈVRE).")


@pytest.mark.parametrize(("ward", "named"), [("3B", True), ("5A", False)])
def test_a_ward_laptop_names_the_bands_of_its_own_ward(tmp_path, laptop, clock, admission_values, forms, ward, named):
    """Laptop 2 set up as ward 5A's names no band of a patient in 3B: that ward prints its own."""
    from downtime.services import settings, staff, wards
    from downtime.services.context import Session

    saved, values, nurse_1, clerk_1, clerk_2 = _carried(tmp_path, laptop, admission_values)
    admin = Session(clerk_2.db, clerk_2.device, staff.sign_in(clerk_2.db, "admin", "0000", clock), forms, clock)
    for code in ("3B", "5A"):
        wards.add_ward(admin, code, f"Ward {code}", ["12"])
    settings.set_laptop_ward(admin, ward)
    clock.advance(minutes=10)
    records.amend(nurse_1, saved.record_id, {**values, "allergy_status": "allergies", "allergies": [PENICILLIN]},
                  "allergy found")
    result = import_path(clerk_2, export(clerk_1, tmp_path / "second").folder)
    assert [band.patient.patient_id for band in result.bands] == ([saved.patient_id] if named else [])


def test_an_import_leaving_every_band_as_it_reads_names_nobody(tmp_path, laptop, clock, admission_values):
    saved, _, nurse_1, clerk_1, clerk_2 = _carried(tmp_path, laptop, admission_values)
    clock.advance(minutes=10)
    records.save_new(nurse_1, "observations", {
        "taken_at": "2026-11-28T14:05+01:00", "respiratory_rate": 16, "spo2": 97, "spo2_scale": "scale_1",
        "on_oxygen": False, "systolic_bp": 130, "diastolic_bp": 80, "pulse": 72, "consciousness": "alert",
        "temperature": 37.0}, patient_id=saved.patient_id)
    result = import_path(clerk_2, export(clerk_1, tmp_path / "second").folder)
    assert result.added["records"] == 1
    assert result.bands == () and result.bands_text("en") == []


def test_an_admission_put_on_hold_with_another_allergy_names_the_band_which_says_both(allergy_on_one_laptop,
                                                                                       tmp_path):
    """Laptop 2 amended the weight, laptop 1 added a penicillin anaphylaxis: laptop 1's version
    goes on hold on laptop 2, and laptop 2's band names both versions' allergies from then on."""
    saved, _, clerk_1, _, clerk_2 = allergy_on_one_laptop
    result = import_path(clerk_2, export(clerk_1, tmp_path / "second").folder)
    assert [hold.record_id for hold in result.holds] == [saved.record_id]
    (band,) = result.bands
    assert (band.patient.patient_id, band.parts) == (saved.patient_id, ("allergies",))
    assert "(allergies changed)" in result.bands_text("en")[0]


def test_the_import_command_names_the_bands_to_reprint(tmp_path, laptop, clock, admission_values, capsys):
    from downtime.cli import main

    saved, values, nurse_1, clerk_1, _ = _carried(tmp_path, laptop, admission_values)
    clock.advance(minutes=10)
    records.amend(nurse_1, saved.record_id, {**values, "allergy_status": "allergies", "allergies": [PENICILLIN]},
                  "allergy found")
    folder = export(clerk_1, tmp_path / "second").folder
    capsys.readouterr()
    assert main(["import", str(folder), "--db", str(tmp_path / "2.sqlite"), "--user", "records", "--pin", "4444"]) == 0
    assert (" MARTIN Hélène Marie (née LEFÈVRE) (allergies changed)." in capsys.readouterr().out.splitlines()[-1])
