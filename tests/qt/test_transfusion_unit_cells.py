"""The Transfusion tab's unit cell names the special requirements the unit's label shows, and
its bedside check cell the group O platelets' high-titre-negative answer, as the paper record
does: irradiated group O platelets read "O RhD− · Platelets" alone, their answer hidden while
the RhD+ and group A answers were shown."""

from downtime.qt.transfusion_view import UnitsModel
from downtime.services import records, transfusion
from tests.test_transfusion import UNIT


def test_a_units_requirements_and_high_titre_negative_answer_are_in_its_cells(qtbot, session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "blood_transfusion", {**UNIT, "component": "platelets", "unit_group": "o_neg",
                                                  "unit_requirements": ["irradiated"], "abo_card": "not_used",
                                                  "group_o_agreed": True}, patient_id=patient)
    model = UnitsModel(nurse)
    model.set_rows(transfusion.chart(nurse.db, patient))
    _, unit, check, *_ = model.texts(0)
    assert unit == "G0001 26 123456 · O RhD− · Platelets · Irradiated"
    assert check == "patient A RhD−, identity checked, group O HT neg, Paul Martin"
