"""An allergy's reaction graded by its words as the clinical criteria grade it (EAACI/WAO
anaphylaxis criteria, BSACI; RCP/BNF): the airway, the breathing, the circulation, a blistering
or mucosal skin reaction are severe, and since an allergy recorded after its order refuses the
dose over one, a local or mild swelling is not (a swelling at the injection site was refused at
night until a prescriber rang), while "SOB", "BP dropped" or "Throat closed up" were only asked
the nurse's reason. The grade chosen decides when it says severe."""

import pytest

from downtime.domain.medication import Check, severe_reaction
from downtime.services import medication
from downtime.services.errors import ServiceError
from tests.test_allergy_reason_and_holds import GIVEN_AT_16
from tests.test_allergy_since_weighed_by_its_reaction import _ordered_then

SEVERE_SAID = [
    "SOB", "Throat closed up", "BP dropped", "Passed out", "Admitted to ICU", "Blistering rash", "Skin peeling",
    "Asthma attack", "Chest tightness", "Tight chest", "Mucosal involvement", "Gêne respiratoire", "Gorge serrée",
    "Chute de tension", "Perte de connaissance", "Transféré en réanimation", "Bulles", "Décollement cutané",
    "Crise d'asthme", "Oppression thoracique", "Angio-oedema", "Mild lip swelling", "Rash and swelling", "Œdème",
    "Local swelling severe", "Swelling at injection site, wheeze", "Local anaesthetic - swelling",
    "Anesthésique local : œdème",
]
NOT_SEVERE_SAID = [
    "Swelling at injection site", "Local swelling", "Mild swelling of the arm", "Swelling (mild)",
    "Œdème au point d'injection", "Gonflement local", "Œdème léger", "Swelling mild", "Rash", "Nausea",
    "No asthma", "Pas de bulles",
]


@pytest.mark.parametrize("reaction", SEVERE_SAID)
def test_the_airway_breathing_circulation_and_a_blistering_skin_are_severe(reaction):
    assert severe_reaction(reaction)


@pytest.mark.parametrize("reaction", NOT_SEVERE_SAID)
def test_a_local_or_mild_swelling_is_not_severe(reaction):
    assert not severe_reaction(reaction)


def test_a_local_swelling_recorded_since_is_weighed_by_the_nurse(session_for, admission_values, clock):
    nurse, _, order = _ordered_then(session_for, admission_values, clock, [
        {"substance": "Penicillin", "reaction": "Swelling at injection site", "severity": "moderate"}])
    with pytest.raises(medication.OverrideNeeded):
        medication.record_dose(nurse, order, dict(GIVEN_AT_16))
    given = medication.record_dose(nurse, order, dict(GIVEN_AT_16), overrides={Check.ALLERGY: "local only, oral now"})
    assert given.data["outcome"] == "given"


@pytest.mark.parametrize("reaction, severity", [("Throat closed up", "moderate"), ("Local swelling", "severe")])
def test_an_airway_reaction_or_a_severe_grade_recorded_since_is_refused(session_for, admission_values, clock,
                                                                        reaction, severity):
    nurse, _, order = _ordered_then(session_for, admission_values, clock, [
        {"substance": "Penicillin", "reaction": reaction, "severity": severity}])
    with pytest.raises(ServiceError) as refused:
        medication.record_dose(nurse, order, dict(GIVEN_AT_16), overrides={Check.ALLERGY: "she is fine"})
    assert not isinstance(refused.value, medication.OverrideNeeded)
