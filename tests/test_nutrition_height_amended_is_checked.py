"""A screening's height amended is asked about as a new screening's is."""

import pytest

from downtime.services import records
from downtime.services.errors import ValidationFailed
from tests.test_nutrition_weight_checks import SCREEN


def test_a_height_amended_to_a_body_mass_index_hardly_ever_seen_is_asked_about(session_for, patient):
    """158 cm amended to 58, a digit dropped: a BMI of 181.3, refused on a new screening, was saved
    on the amendment, and 58 cm became the stay's height, the one a gentamicin dose's ideal weight
    is worked out from (services.weight.latest_height)."""
    nurse = session_for("nurse")
    saved = records.save_new(nurse, "nutrition_screening", SCREEN, patient_id=patient)
    with pytest.raises(ValidationFailed, match="61 kg for 58 cm is a body mass index of 181.3, hardly ever seen"):
        records.amend(nurse, saved.record_id, {**saved.data, "height_cm": 58}, "Height measured")
