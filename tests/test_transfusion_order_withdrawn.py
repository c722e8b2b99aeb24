"""A prescription of blood is not withdrawn while a unit started on it stands: withdrawn, the
unit could no longer be corrected (its prescription "no standing record") and the export based
it on a prescription entered in error. Once the unit is withdrawn, the prescription may be."""

import pytest

from downtime.services import records
from downtime.services.errors import ServiceError
from tests.test_transfusion import UNIT

ORDER = {"ordered_at": "2026-11-28T11:00+01:00", "component": "red_cells", "units": 2, "each_over": "2 hours",
         "indication": "Hb 68"}


def test_a_prescription_with_a_unit_started_on_it_is_not_withdrawn(session_for, patient):
    doctor, nurse = session_for("doctor"), session_for("nurse")
    order = records.save_new(doctor, "blood_order", ORDER, patient_id=patient)
    unit = records.save_new(nurse, "blood_transfusion", {**UNIT, "order": order.record_id}, patient_id=patient)
    with pytest.raises(ServiceError) as refused:
        records.mark_entered_in_error(doctor, order.record_id, "typed twice")
    assert str(refused.value).startswith("Unit(s) G0001 26 123456 were started on this prescription")
    records.amend(nurse, unit.record_id, {**unit.data, "second_checker": "Paul Martin RN"}, "name")
    records.mark_entered_in_error(nurse, unit.record_id, "recorded for the wrong patient")
    records.mark_entered_in_error(doctor, order.record_id, "typed twice")
