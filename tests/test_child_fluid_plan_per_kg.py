"""A child's fluid restriction or target said per kilogram of their weight (review s66 R1 D7): a
6.1 kg baby's target read "at least 1500 mL in 24 hours", nothing showing it was 246 mL/kg a day,
and a slip of 150 typed 1500 pushed fluid into an infant at every day's close."""

from datetime import date

from downtime.services import census, fluid_balance, records

PLAN = {"decided_at": "2026-11-28T10:00+01:00", "kind": "target", "volume": 500, "decided_by": "Dr Benali"}


def test_a_childs_plan_is_said_per_kg_and_an_adults_is_not(session_for, admit_to_paediatrics, patient):
    doctor = session_for("doctor")
    baby = admit_to_paediatrics("4", "2026-07-20", 6.1, "Lea")
    for who in (baby, patient):
        records.save_new(doctor, "fluid_plan", PLAN, patient_id=who)
    chart = fluid_balance.day_chart(doctor.db, baby, date(2026, 11, 28)).chart

    def judged(who: str, lang: str) -> str:
        kg = fluid_balance.child_kg(doctor.db, doctor.forms, census.patient_with_location(doctor.db, doctor.forms, who),
                                    doctor.clock())
        return fluid_balance.judged_day(doctor.db, who, chart, doctor.clock(), lang, kg).plan

    assert judged(baby, "en") == ("Fluid target: at least 500 mL in 24 hours (Dr Benali, 28/11 10:00) "
                                  "(= 82 mL/kg/day for 6.1 kg): 0 mL in, 500 mL to go")
    assert judged(baby, "fr").startswith("Objectif hydrique : au moins 500 mL en 24 heures (Dr Benali, 28/11 10:00) "
                                         "(= 82 mL/kg/jour pour 6,1 kg)")
    assert judged(patient, "en") == ("Fluid target: at least 500 mL in 24 hours (Dr Benali, 28/11 10:00): 0 mL in, "
                                     "500 mL to go")
