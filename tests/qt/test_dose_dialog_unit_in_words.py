"""The dose dialog's "Dose given" box names the order's unit as the order form words it, in the
interface's language: a French nurse read "Dose administrée (tablet)", the unit's stored code."""

from datetime import datetime

import pytest

from downtime.qt.dose_dialog import DoseDialog
from downtime.qt.i18n import set_language
from downtime.services import medication, records

SLOT = datetime.fromisoformat("2026-11-28T14:00+01:00")
CO_CARELDOPA = {"drug": "Co-careldopa 25/100", "dose": 1.0, "dose_unit": "tablet", "route": "PO",
                "frequency": "scheduled", "times": "10:00 14:00 18:00", "start_at": "2026-11-28T09:00+01:00",
                "controlled": False, "high_alert": False, "time_critical": True}


@pytest.mark.parametrize("lang, said", [("en", "Dose given (tablet(s))"), ("fr", "Dose administrée (comprimé(s))")])
def test_the_dose_box_names_its_unit_in_words(qtbot, session_for, medication_ward, clock, lang, said):
    clock.now = datetime.fromisoformat("2026-11-28T13:55+01:00")
    order = records.save_new(session_for("doctor"), "medication_order", CO_CARELDOPA, patient_id=medication_ward[0])
    set_language(lang)
    try:
        nurse = session_for("nurse", lang=lang)
        dialog = DoseDialog(nurse, medication.order(nurse.db, order.record_id), SLOT)
        qtbot.addWidget(dialog)
        assert dialog.dose.accessibleName() == said
    finally:
        set_language("en")
