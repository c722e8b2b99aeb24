"""Which ABO group a unit of blood may be of for a patient's group, as the British Society for
Haematology's guidelines say it (pre-transfusion compatibility procedures 2012, administration
2017): red cells carry no A or B antigen the patient's plasma has antibodies against, so a
patient whose group is not known yet (an emergency) gets group O; plasma and cryoprecipitate
carry no antibody against the patient's own A or B, so a patient not grouped yet gets group AB
(which suits every patient); platelets of another ABO group are given when the blood bank has
none of the patient's. Plasma and cryoprecipitate of group A or B with an antibody against the
patient's A or B are given only as the blood bank issued them tested high-titre negative (that
antibody low), its choice when it has none of the patient's group nor AB, as the BSH's guideline
on them (2018) and the UK Handbook of Transfusion Medicine (table 2.2) list them: group B for a
patient of group A, group A for one of group B, either for one of group AB, group A for one not
grouped yet; never group O, with both anti-A and anti-B, for a patient not group O (a group A
unit so issued was refused for a known AB or B patient and taken for one not grouped). The RhD
question (a RhD-positive unit for a RhD-negative patient, an emergency's choice the blood bank
makes) and whether the blood bank issued the plasma high-titre negative are the form's to ask,
not rules here. Codes are the forms': "a_pos", "o_neg", …, and "not_known" for the patient.

Also which special requirements are the patient's, whichever prescription said them."""

from __future__ import annotations

from collections.abc import Iterable

RED_CELLS = "red_cells"
PLASMA_COMPONENTS = frozenset({"plasma", "cryo"})
NOT_KNOWN = "not_known"
PATIENT_REQUIREMENTS = ("irradiated", "cmv_negative")
"""Needs of the patient's, not of one prescription's (irradiated against graft-versus-host
disease, CMV negative in a pregnancy): every unit with living white cells in it is to meet them
(red cells, platelets, another cellular component), not plasma nor cryoprecipitate, which are
neither irradiated nor tested for CMV."""
_ANTIGENS = {"o": frozenset(), "a": frozenset("A"), "b": frozenset("B"), "ab": frozenset("AB")}


def abo(group: str) -> str:
    """"A", "O", "AB" of a group's code."""
    return group.split("_")[0].upper()


def _antigens(group: str) -> frozenset[str]:
    return _ANTIGENS[group.split("_")[0]]


def abo_incompatible(component: str, patient_group: str, unit_group: str, *, high_titre_negative: bool = False) -> bool:
    """Whether a unit of `component` and group `unit_group` must not be given to a patient of
    `patient_group` (NOT_KNOWN when the patient has not been grouped yet); `high_titre_negative`:
    the blood bank issued plasma or cryoprecipitate of group A or B so, for this patient."""
    unit = _antigens(unit_group)
    if patient_group == NOT_KNOWN:
        if component == RED_CELLS:
            return bool(unit)
        if component in PLASMA_COMPONENTS:
            return unit != _ANTIGENS["ab"] and not (high_titre_negative and unit == _ANTIGENS["a"])
        return False
    if component == RED_CELLS:
        return not unit <= _antigens(patient_group)
    if component in PLASMA_COMPONENTS:
        return not (_antigens(patient_group) <= unit or (high_titre_negative and len(unit) == 1))
    return False


def requirements_for(component: str, prescribed: Iterable[Iterable[str]]) -> list[str]:
    """The patient's special requirements a unit of `component` is to meet, of the special
    requirements of each of their prescriptions (`prescribed`): none for plasma or
    cryoprecipitate."""
    if component in PLASMA_COMPONENTS:
        return []
    asked = {code for requirements in prescribed for code in requirements}
    return [code for code in PATIENT_REQUIREMENTS if code in asked]


def short(group: str) -> str | None:
    """"A RhD+", "O RhD−" of a group's code, as a narrow column has room for; None for a patient
    not grouped yet (said in words)."""
    if group == NOT_KNOWN:
        return None
    return f"{abo(group)} RhD{'+' if group.endswith('_pos') else '−'}"
