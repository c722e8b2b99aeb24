"""A French wristband printed before the months were spelt as French writes them ("12-Mar-1954",
now "12-Mars-1954") reads true after the upgrade: it was said "BAND OUT OF DATE" with nothing
amended, each dose then asked an override for it, and the nurses learned to override band
warnings. A date of birth amended since is still said, whatever spelling the band has."""

from downtime.pdf import page
from downtime.services import printing, records, wards

BEFORE = ("Jan", "Fév", "Mar", "Avr", "Mai", "Juin", "Juil", "Aoû", "Sep", "Oct", "Nov", "Déc")
"""The French months as the version before printed them on a band."""


def test_a_french_band_with_the_former_month_spelling_reads_true(session_for, admission_values, monkeypatch,
                                                                 tmp_path):
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse", "fr")
    admission = records.save_new(nurse, "admission", admission_values)
    patient = admission.patient_id
    with monkeypatch.context() as former:
        former.setitem(page.MONTHS, "fr", BEFORE)
        printing.print_wristband(nurse, patient, tmp_path / "band.pdf")
    assert printing.band_out_of_date(nurse, patient) is None
    records.amend(nurse, admission.record_id, {**admission.data, "birth_date": "1954-03-21"}, "date of birth misread")
    assert printing.band_out_of_date(nurse, patient).lines == (("12-Mar-1954   Sexe F", "21-Mars-1954   Sexe F"),)
