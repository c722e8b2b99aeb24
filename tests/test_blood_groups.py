"""Which ABO group a unit may be of for a patient's group, against the tables of the BSH
guidelines typed out in full (not derived the way the code derives them): every component,
every patient group and every unit group."""

from itertools import product

import pytest

from downtime.domain.blood_groups import abo, abo_incompatible, requirements_for

GROUPS = [f"{abo_}_{rhd}" for abo_ in ("o", "a", "b", "ab") for rhd in ("neg", "pos")]
RED_CELLS_FOR = {"o": {"o"}, "a": {"a", "o"}, "b": {"b", "o"}, "ab": {"ab", "a", "b", "o"}}
PLASMA_FOR = {"o": {"o", "a", "b", "ab"}, "a": {"a", "ab"}, "b": {"b", "ab"}, "ab": {"ab"}}
HIGH_TITRE_NEGATIVE_PLASMA_FOR = {"o": {"o", "a", "b", "ab"}, "a": {"a", "ab", "b"}, "b": {"b", "ab", "a"},
                                  "ab": {"ab", "a", "b"}}
"""The UK Handbook of Transfusion Medicine's table 2.2 (the BSH's guideline on plasma and
cryoprecipitate, 2018), the units the blood bank issued tested high-titre negative included:
group B for group A, group A for group B, either for group AB; never group O for a patient not
group O."""


@pytest.mark.parametrize(("patient", "unit"), list(product(GROUPS, GROUPS)))
def test_each_component_of_each_group_is_given_to_the_patients_it_suits(patient: str, unit: str) -> None:
    patient_abo, unit_abo = patient.split("_")[0], unit.split("_")[0]
    for high_titre_negative in (False, True):  # of plasma alone
        assert abo_incompatible("red_cells", patient, unit, high_titre_negative=high_titre_negative) is (
            unit_abo not in RED_CELLS_FOR[patient_abo])
    for plasma in ("plasma", "cryo"):
        assert abo_incompatible(plasma, patient, unit) is (unit_abo not in PLASMA_FOR[patient_abo])
        assert abo_incompatible(plasma, patient, unit, high_titre_negative=True) is (
            unit_abo not in HIGH_TITRE_NEGATIVE_PLASMA_FOR[patient_abo])
    assert not abo_incompatible("platelets", patient, unit)  # another ABO group when the bank has none of theirs
    assert not abo_incompatible("other", patient, unit)


@pytest.mark.parametrize("unit", GROUPS)
def test_a_patient_not_grouped_yet_gets_group_o_red_cells_and_group_ab_plasma(unit: str) -> None:
    """Plasma of any group was once accepted here, group O's anti-A and anti-B given to a patient
    who may be group A, B or AB: only group AB plasma suits every patient (BSH), group A only as the
    blood bank issued it high-titre negative (its anti-B low), its choice when it has no AB."""
    assert abo_incompatible("red_cells", "not_known", unit) is not unit.startswith("o_")
    for plasma in ("plasma", "cryo"):
        assert abo_incompatible(plasma, "not_known", unit) is not unit.startswith("ab_")
        assert abo_incompatible(plasma, "not_known", unit, high_titre_negative=True) is (
            unit.split("_")[0] not in ("ab", "a"))
    assert not abo_incompatible("platelets", "not_known", unit)


def test_irradiated_and_cmv_negative_are_the_patients_for_every_unit_but_plasma() -> None:
    prescribed = [["irradiated"], ["washed", "cmv_negative"], []]
    assert requirements_for("red_cells", prescribed) == ["irradiated", "cmv_negative"]
    assert requirements_for("platelets", prescribed) == ["irradiated", "cmv_negative"]
    assert requirements_for("plasma", prescribed) == requirements_for("cryo", prescribed) == []
    assert requirements_for("red_cells", [["washed"]]) == []  # one prescription's, said with it alone


def test_a_groups_code_reads_as_its_abo_letters() -> None:
    assert [abo(group) for group in ("o_neg", "a_pos", "b_neg", "ab_pos")] == ["O", "A", "B", "AB"]
