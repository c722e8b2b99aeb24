"""Which ABO group a unit of blood may be of for a patient's group, as the British Society for
Haematology's guidelines say it (pre-transfusion compatibility procedures 2012, administration
2017): red cells carry no A or B antigen the patient's plasma has antibodies against, so a
patient whose group is not known yet (an emergency) gets group O; plasma and cryoprecipitate
carry no antibody against the patient's own A or B (group AB plasma suits every patient);
platelets of another ABO group are given when the blood bank has none of the patient's. The RhD
question (a RhD-positive unit for a RhD-negative patient, an emergency's choice the blood bank
makes) is the form's to ask, not a rule here. Codes are the forms': "a_pos", "o_neg", …, and
"not_known" for the patient."""

from __future__ import annotations

RED_CELLS = "red_cells"
PLASMA_COMPONENTS = frozenset({"plasma", "cryo"})
NOT_KNOWN = "not_known"
_ANTIGENS = {"o": frozenset(), "a": frozenset("A"), "b": frozenset("B"), "ab": frozenset("AB")}


def abo(group: str) -> str:
    """"A", "O", "AB" of a group's code."""
    return group.split("_")[0].upper()


def _antigens(group: str) -> frozenset[str]:
    return _ANTIGENS[group.split("_")[0]]


def abo_incompatible(component: str, patient_group: str, unit_group: str) -> bool:
    """Whether a unit of `component` and group `unit_group` must not be given to a patient of
    `patient_group` (NOT_KNOWN when the patient has not been grouped yet)."""
    unit = _antigens(unit_group)
    if component == RED_CELLS:
        return bool(unit) if patient_group == NOT_KNOWN else not unit <= _antigens(patient_group)
    if component in PLASMA_COMPONENTS and patient_group != NOT_KNOWN:
        return not _antigens(patient_group) <= unit
    return False


def short(group: str) -> str | None:
    """"A RhD+", "O RhD−" of a group's code, as a narrow column has room for; None for a patient
    not grouped yet (said in words)."""
    if group == NOT_KNOWN:
        return None
    return f"{abo(group)} RhD{'+' if group.endswith('_pos') else '−'}"
