"""A pain line typed from the paper chart says so in the export, as a dose typed from paper does:
the records office finds its plan on the paper chart, not at the bedside."""

from fhir.resources.R4B.observation import Observation

from downtime.services import records

LINE = {"assessed_at": "2026-11-28T10:00+01:00", "scale": "numeric", "score_numeric": 5, "action": ["analgesia"],
        "reassess_in": "240"}


def test_a_line_typed_from_the_paper_chart_is_exported_as_such(session_for, patient, exported_resource):
    nurse = session_for("nurse")
    paper = records.save_new(nurse, "pain_assessment", {**LINE, "transcribed": True}, patient_id=patient)
    live = records.save_new(nurse, "pain_assessment", {**LINE, "assessed_at": "2026-11-28T13:30+01:00",
                                                       "reassess_in": "60"}, patient_id=patient)
    assert "Transcribed from the paper chart" in [note.text for note in exported_resource(paper.record_id,
                                                                                          Observation).note]
    assert "Transcribed from the paper chart" not in [note.text for note in exported_resource(live.record_id,
                                                                                              Observation).note]
