"""When a venous thromboembolism (VTE) risk assessment is asked for: NICE NG89 (2018) asks that
every person 16 or over admitted to hospital be assessed "as soon as possible after admission or
by the time of the first consultant review", which NHS England's seven-day services standard puts
within 14 hours of admission. The assessment itself is the doctor's judgement of the Department of
Health's tool (forms/vte_assessment.yaml): no score is worked out. Mechanical prophylaxis
(stockings, intermittent pneumatic compression) is the nurses' to put on and check, and is not on
the medication chart."""

from __future__ import annotations

from datetime import timedelta

FIRST_WITHIN = timedelta(hours=14)
ADULTS_FROM_YEARS = 16
MECHANICAL = frozenset({"mechanical", "both"})
"""The decisions that put on stockings or compression, which the handover sheet says."""
WITHOUT_PROPHYLAXIS_FOR_BLEEDING = "contraindicated"
"""The decision the handover sheet says too: no prophylaxis, the bleeding risk outweighing it."""
