"""The order form says on its field why methotrexate written daily, an infusion without its
rate, or an antibiotic without its review date nor stop, is not saved (see
tests/test_orders_review7a.py, tests/test_antimicrobial_review.py)."""

import pytest

from downtime.services import medication


@pytest.mark.parametrize(("values", "field", "said"), [
    ({"drug": "Methotrexate", "dose": 15.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
      "times": "08:00", "high_alert": True},
     "every_days", "⚠ Methotrexate PO is taken once a week, on a set day, never daily"),
    ({"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
      "frequency": "once", "high_alert": False},
     "rate_ml_h", "⚠ “Infusion rate” is required."),
    ({"drug": "Ceftriaxone", "dose": 2.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled", "times": "08:00",
      "high_alert": False},
     "review_at", "⚠ Antibiotic: give its review date in “Review by (antibiotic: at 48-72 h)”, or its course's length "
                  "as its “Stop (leave empty if ongoing)” (Start Smart then Focus).")])
def test_the_prescriber_reads_why_on_the_field_and_nothing_is_saved(order_form_on_bed_12, session_for, medication_ward,
                                                                    answers, values, field, said):
    window, view = order_form_on_bed_12(session_for("doctor"))
    for field_id, value in {**values, "start_at": "2026-11-28T15:00+01:00", "controlled": False}.items():
        view.editors[field_id].set_value(value)
    view.save()
    patient, _, _ = medication_ward
    assert view.record is None and values["drug"] not in {
        order.drug for order in medication.orders(window.session.db, patient, window.session.clock())}
    assert not view.error_labels[field].isHidden() and view.error_labels[field].text().startswith(said)
