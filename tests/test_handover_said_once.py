"""Each thing a chart says is said once on a patient's line of the handover sheet. A chart's
line gave its latest entry, then what it asks, and the ask named again what the entry had said:
"Black, tarry (melaena)" twice, the left heel's pressure damage twice, "head injury not
excluded" twice. The entry now leaves to the ask what the ask says."""

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from downtime.services import printing, records, wards
from tests.test_falls import FELL
from tests.test_repositioning import TURN

MELAENA = {"charted_at": "2026-11-28T10:00+01:00", "opened": "opened", "stool_type": "6", "amount": "medium",
           "seen": ["melaena"]}


@pytest.fixture
def charted(session_for, admission_values):
    """Ward 3B's one bed, its patient admitted at 09:00: black tarry stool at 10:00,
    non-blanching redness on the left heel at 12:30, found on the floor at 13:20 on an
    anticoagulant. One line on a page of its own."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["1"])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "bed": "1",
                                                    "arrival_at": "2026-11-28T09:00+01:00"}).patient_id
    records.save_new(nurse, "bowel_chart", MELAENA, patient_id=patient)
    records.save_new(nurse, "repositioning", {**TURN, "skin": "category_1", "skin_where": "left heel"},
                     patient_id=patient)
    records.save_new(nurse, "inpatient_fall", FELL, patient_id=patient)
    return nurse


@pytest.mark.parametrize("lang, once, still", [
    ("en", ["(melaena)", "left heel", "head injury not excluded", "anticoagulant"],
     ["BOWELS: last opened 28/11 10:00 (type 6, Medium); BLOOD IN THE STOOL (Black, tarry (melaena), 28/11 10:00)",
      "skin: Redness that does not blanch (category 1) at 28/11 12:30",
      "PRESSURE DAMAGE (left heel)", "Fell 28/11 13:20 (found on the floor); ON AN ANTICOAGULANT WITH A POSSIBLE HEAD "
      "INJURY", "HEAD INJURY NOT EXCLUDED: start neuro obs"]),
    ("fr", ["(méléna)", "left heel", "traumatisme crânien non exclu", "sous anticoagulant"],
     ["SELLES : dernières selles 28/11 10:00 (type 6, Moyenne) ; SANG DANS LES SELLES (Noires, goudronneuses (méléna)",
      "Chute le 28/11 13:20 (trouvé au sol) ; SOUS ANTICOAGULANT"]),
])
def test_each_thing_a_chart_says_is_said_once_on_the_patients_line(charted, tmp_path, lang, once, still):
    out = printing.print_census(replace(charted, lang=lang), tmp_path / "census.pdf", "3B")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    for phrase in once:
        assert len(re.findall(re.escape(phrase), text, re.IGNORECASE)) == 1, (phrase, text)
    for said in still:
        assert said in text, said
