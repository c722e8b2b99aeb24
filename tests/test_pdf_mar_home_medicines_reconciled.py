"""The printed MAR's "Medicines taken before admission" says what the medicines reconciliation
held or stopped, and why (review T1 of 060aa094, #8): the metformin the pharmacist stopped for an
eGFR of 25 was printed plainly among them, on the paper the night nurse works from offline."""

from dataclasses import replace
from datetime import datetime

from pypdf import PdfReader

from downtime.services import printing
from tests.test_medicines_reconciliation import AT, CONTINUED, HELD, STOPPED, USUAL, _reconcile, admitted  # noqa: F401


def _printed(session, patient: str, path) -> str:
    out = printing.print_mar(session, [patient], path, days=2)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)


def test_a_home_medicine_held_or_stopped_at_reconciliation_says_so_on_the_printed_mar(
        session_for, admitted, clock, tmp_path):  # noqa: F811
    patient, _ = admitted
    doctor = session_for("doctor")
    clock.now = datetime.fromisoformat(AT)
    assert "Held or stopped" not in _printed(doctor, patient, tmp_path / "before.pdf")
    _reconcile(doctor, patient, USUAL, [HELD, STOPPED, CONTINUED])
    printed = _printed(doctor, patient, tmp_path / "mar.pdf")
    assert ("Held or stopped at the medicines reconciliation: Apixaban 5 mg bd — held in hospital (Hb 78, melaena; "
            "until after endoscopy); Metformin 1 g bd — stopped in hospital (eGFR 22)") in printed
    assert "Ramipril 10 mg od —" not in printed
    french = _printed(replace(doctor, lang="fr"), patient, tmp_path / "mar-fr.pdf")
    assert ("Suspendu ou arrêté à la conciliation médicamenteuse : Apixaban 5 mg bd — suspendu à l’hôpital "
            "(Hb 78, melaena ; jusqu’à : after endoscopy) ; Metformin 1 g bd — arrêté à l’hôpital (eGFR 22)") in french
