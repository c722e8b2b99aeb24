"""The admission's statement of the medicines taken before admission says it holds up to the
admission: beside a reconciliation's statements of the stay (a line held, stopped or changed), an
`active` list undated read as taken now."""

import json
from datetime import datetime

from downtime.sync.export import export
from tests.test_medicines_reconciliation import USUAL, admitted  # noqa: F401


def test_the_admission_statement_ends_at_the_admission(session_for, admitted, tmp_path):
    bundle = json.loads((export(session_for("records"), tmp_path / "one").folder / "fhir" / "bundle.json").read_text(
        encoding="utf-8"))
    [listed] = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] ==
                "MedicationStatement" and entry["resource"]["medicationCodeableConcept"]["text"] == USUAL]
    assert datetime.fromisoformat(listed["effectivePeriod"]["end"]) == datetime.fromisoformat("2026-11-28T09:00+01:00")
