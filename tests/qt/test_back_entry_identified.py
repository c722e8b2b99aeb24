"""The Back-entry tab names the temporary name a patient identified since was admitted under, as
the printed worklist does: the paper forms and laboratory slips the clerk holds read it, and the
tab's patient column named GIRARD alone."""

from downtime.services import records
from tests.conftest import GIRARD, unknown_man


def test_the_patient_column_names_the_temporary_name_he_was_admitted_under(session_for, admission_values, clock,
                                                                          back_entry_tab):
    nurse = session_for("nurse")
    admitted = records.save_new(nurse, "admission", unknown_man(admission_values))
    clock.now = clock.now.replace(day=30, hour=10)
    records.amend(nurse, admitted.record_id, {**admitted.data, **GIRARD}, "Identified by his wife")
    panel = back_entry_tab(session_for("records")).back_entry
    assert {panel.model.text(row, 0) for row in range(panel.model.rowCount())} == {
        "GIRARD Thomas Paul (admitted as UNKNOWN MALE ALPHA until 30/11/2026 10:00)"}
