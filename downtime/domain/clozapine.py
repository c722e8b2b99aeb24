"""Clozapine after a break (SmPC, BNF; MHRA): more than 48 hours since its last dose, it is
restarted at 12.5 mg once or twice on the first day and built up again, as when first started:
the tolerance to its effects on the heart and the blood pressure is lost within days, and the
usual dose given after a break has caused collapse, a slow heart and stopped breathing. A
patient's doses refused or held two days running, then the usual 200 mg given again, was saved
with nothing said. Pure: the service reads the doses."""

from __future__ import annotations

from datetime import timedelta

from downtime.domain.dose_limits import strengths_mg
from downtime.domain.medication import MASS_IN_MG, TABLET, medicine_name
from downtime.i18n import QT_TRANSLATE_NOOP

CLOZAPINE = medicine_name("clozapine")
"""Clozapine as `medicines_in` reads an order's name ("Clozapine 100 mg", "Clozaril", "Leponex")."""
BREAK = timedelta(hours=48)
"""A time without a dose given after which clozapine is built up again from its start."""
RESTART_MG = 12.5
"""The dose it restarts at, which asks nothing."""
AFTER_A_BREAK = QT_TRANSLATE_NOOP(
    "messages", "{drug}: its last dose given was on {time}, more than 48 hours ago: after such a break clozapine is "
                "restarted at {restart} mg and built up again (its usual dose can cause collapse, a slow heart and "
                "stopped breathing). Tell the prescriber; give it only on their decision, named in the reason.")


def mg_of(amount: float, unit: str, drug: str) -> float | None:
    """A dose's mg: by its unit's weight, or a tablet's one strength its name writes ("Clozapine
    25 mg"); None when not read so."""
    if unit in MASS_IN_MG:
        return amount * MASS_IN_MG[unit]
    strengths = strengths_mg(drug) if unit == TABLET else None
    return amount * strengths[0] if strengths and len(strengths) == 1 else None
