"""The field ids and option codes the app's own code reads by name, form by form.

A form is data that hospital IT may edit; the services, the FHIR export and the printed charts
still read some of its answers by id (`data["discipline"]`) and compare some with a code by name
(`SCORED[data["scale"]]`). `forms check` and the app's start accepted a form without them, and the
records office's export then stopped on a KeyError, or the pain chart on a renamed scale. The table
lists each such read with the modules that make it (under downtime/), built by reading the code
for `data["…"]`, `spec.field("…")`, comparisons with a code and tables keyed by code; the tests keep
it in step with the code (tests/test_form_edits_by_it.py). A form of the folder is checked only
when present: a folder of other forms (a test's) reads none of these.

Left out: what the code reads only where it is answered and can do without, as the FHIR export
reads a note's focus (`if data.get("focus")`): a later version may rename it (`formerly`) or
drop it, its older answers still read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from downtime.errors import WHERE
from downtime.formspec.schema import OPTIONED, FormSpec
from downtime.i18n import QT_TRANSLATE_NOOP, Phrase


@dataclass(frozen=True)
class Read:
    """A field the code reads by its id (`by`: the modules reading it), and the codes of its
    options it reads by name, each with the modules reading it."""

    by: tuple[str, ...]
    codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


REQUIRED_BY_CODE: Mapping[str, Mapping[str, Read]] = {
    "admission": {
        "allergies": Read(("sync/snapshot_csv.py",)),
        "blood_accepted": Read(("services/transfusion.py", "sync/fhir_patients.py")),
        "blood_refusal": Read(("services/transfusion.py", "sync/fhir_patients.py"), {
            "all": ("services/transfusion.py",),
            "some": ("services/transfusion.py", "sync/fhir_patients.py"),
        }),
        "blood_refusal_details": Read(("sync/fhir_patients.py",)),
        "diet": Read(("sync/fhir_admission.py",), {
            "nil_by_mouth": ("domain/medication.py",),
            "normal": ("pdf/census.py",),
            "tube_fed": ("domain/medication.py",),
        }),
        "reason": Read(("services/printing.py",)),
        "resuscitation_decided_at": Read(("services/resuscitation.py",)),
        "resuscitation_decided_by": Read(("services/resuscitation.py",)),
        "weight_kg": Read(("services/weight.py",)),
    },
    # The enhanced care chart: a record's kind and time, each decision's level and its DoLS answers,
    # read by the ward's lines, its checks and the Enter's review; the export's values.
    "enhanced_observation": {
        "kind": Read(("services/enhanced_observation.py", "sync/fhir_enhanced_observation.py"), {
            "decision": ("domain/enhanced_observation.py",), "entry": ("domain/enhanced_observation.py",)}),
        "noted_at": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py",
                          "sync/fhir_enhanced_observation.py")),
        "decision": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py",
                          "sync/fhir_enhanced_observation.py"), {
            "set": ("domain/enhanced_observation.py", "services/enhanced_observation.py"),
            "changed": ("domain/enhanced_observation.py",), "reviewed": ("domain/enhanced_observation.py",),
            "stopped": ("domain/enhanced_observation.py",)}),
        "level": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py",
                       "sync/fhir_enhanced_observation.py"), {
            "general": ("domain/enhanced_observation.py",), "intermittent": ("domain/enhanced_observation.py",),
            "eyesight": ("domain/enhanced_observation.py",), "arms_length": ("domain/enhanced_observation.py",)}),
        "interval_minutes": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "two_staff": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "risks": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "decided_by": Read(("domain/enhanced_observation.py",)),
        "review_by": Read(("domain/enhanced_observation.py",)),
        "restrictions": Read(("services/enhanced_observation.py",)),
        "supervised": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "not_free_to_leave": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "lacks_capacity": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "urgent_granted_at": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "standard_requested_at": Read(("domain/enhanced_observation.py",)),
        "extended_until": Read(("domain/enhanced_observation.py", "services/enhanced_observation.py")),
        "standard_granted_at": Read(("domain/enhanced_observation.py",)),
        "where": Read(("sync/fhir_enhanced_observation.py",)),
    },
    "alcohol_withdrawal": {
        "checked_at": Read(("domain/alcohol_withdrawal.py", "services/alcohol_withdrawal.py", "sync/fhir_alcohol_withdrawal.py")),
        "chart_stopped": Read(("domain/alcohol_withdrawal.py", "services/alcohol_withdrawal.py")),
        "consciousness_falling": Read(("domain/alcohol_withdrawal.py",)),
        "doctor_told": Read(("services/alcohol_withdrawal.py",)),
        "doctor_told_at": Read(("domain/doctor_told.py",)),
        "dose_given": Read(("domain/alcohol_withdrawal.py", "services/alcohol_withdrawal.py")),
        "dose_given_at": Read(("services/alcohol_withdrawal.py",)),
        "notes": Read(("sync/fhir_alcohol_withdrawal.py",)),
        "orientation": Read(("domain/alcohol_withdrawal.py",)),
        "seizure": Read(("domain/alcohol_withdrawal.py",)),
        "stopped_by": Read(("services/alcohol_withdrawal.py",)),
        # Why a check was not scored: each reason asks its own (domain.alcohol_withdrawal.NotScored).
        "unable_to_assess": Read(("domain/alcohol_withdrawal.py", "sync/fhir_alcohol_withdrawal.py"), {
            "asleep": ("domain/alcohol_withdrawal.py",), "drowsy": ("domain/alcohol_withdrawal.py",),
            "confused": ("domain/alcohol_withdrawal.py",)}),
        # The CIWA-Ar's items, added up by their ids (domain.alcohol_withdrawal.ITEMS).
        "nausea": Read(("domain/alcohol_withdrawal.py",)),
        "tremor": Read(("domain/alcohol_withdrawal.py",)),
        "sweats": Read(("domain/alcohol_withdrawal.py",)),
        "anxiety": Read(("domain/alcohol_withdrawal.py",)),
        "agitation": Read(("domain/alcohol_withdrawal.py",)),
        "tactile": Read(("domain/alcohol_withdrawal.py",)),
        "auditory": Read(("domain/alcohol_withdrawal.py",)),
        "visual": Read(("domain/alcohol_withdrawal.py",)),
        "headache": Read(("domain/alcohol_withdrawal.py",)),
    },
    "blood_glucose": {
        "glucose": Read(("services/glucose.py",)),
        "ketones_reading": Read(("domain/glucose.py",), {"hi": ("domain/glucose.py",)}),
        "reading": Read(("domain/glucose.py", "sync/fhir_glucose.py"), {
            "hi": ("domain/glucose.py",),
            "lo": ("domain/glucose.py",),
        }),
        "taken_at": Read(("services/glucose.py", "sync/fhir_glucose.py")),
        "timing": Read(("pdf/glucose.py", "sync/fhir_glucose.py")),
    },
    "blood_order": {
        "component": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py"), {
            "cryo": ("sync/fhir_transfusion.py",),
            "other": ("sync/fhir_transfusion.py",),
            "plasma": ("sync/fhir_transfusion.py",),
            "platelets": ("sync/fhir_transfusion.py",),
            "red_cells": ("sync/fhir_transfusion.py",),
        }),
        "each_over": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "indication": Read(("pdf/transfusion.py", "sync/fhir_transfusion.py")),
        "ordered_at": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "requirements": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "units": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
    },
    "blood_transfusion": {
        "abo_card": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "collected_at": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "component": Read(("services/transfusion.py", "sync/fhir_transfusion.py"), {
            "cryo": ("sync/fhir_transfusion.py",),
            "other": ("sync/fhir_transfusion.py",),
            "plasma": ("sync/fhir_transfusion.py",),
            "platelets": ("sync/fhir_transfusion.py",),
            "red_cells": ("sync/fhir_transfusion.py",),
        }),
        "notes": Read(("sync/fhir_transfusion.py",)),
        "order": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "patient_group": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "restart": Read(("services/transfusion.py",)),
        "second_checker": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "started_at": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "unit_group": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "unit_number": Read(("services/transfusion.py",)),
        "unit_requirements": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "use_by": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
    },
    "bowel_chart": {
        "amount": Read(("pdf/bowels.py", "services/bowels.py", "sync/fhir_bowels.py")),
        "charted_at": Read(("services/bowels.py", "sync/fhir_bowels.py")),
        "known_cause": Read(("pdf/bowels.py",)),
        "notes": Read(("sync/fhir_bowels.py",)),
        "opened": Read(("pdf/bowels.py", "services/bowels.py"), {"opened": ("services/bowels.py",)}),
        "sample_sent": Read(("pdf/bowels.py",)),
        "seen": Read(("pdf/bowels.py", "services/bowels.py", "sync/fhir_bowels.py")),
        "stool_type": Read(("pdf/bowels.py", "services/bowels.py", "sync/fhir_bowels.py")),
    },
    "braden_assessment": {
        "assessed_at": Read(("services/repositioning.py", "sync/fhir_skin.py")),
    },
    "clinical_note": {
        "discipline": Read(("pdf/notes.py", "sync/fhir_notes.py"), {"nursing": ("sync/fhir_notes.py",)}),
        "note": Read(("pdf/notes.py", "sync/fhir_notes.py")),
        "written_at": Read(("pdf/notes.py", "sync/fhir_notes.py")),
        "written_by": Read(("pdf/notes.py", "sync/fhir_notes.py")),
    },
    "death": {
        "certificate_done": Read(("services/chart_alerts.py",)),
        "device_dealt_with": Read(("services/chart_alerts.py",)),
        "died_at": Read(("services/chart_alerts.py",)),
        "family_informed": Read(("services/chart_alerts.py",)),
        "implanted_detail": Read(("services/chart_alerts.py",)),
        "implanted_device": Read(("services/chart_alerts.py",), {
            "present": ("services/chart_alerts.py",),
            "unknown": ("services/chart_alerts.py",),
        }),
        # Version 5's verification, required by services.records (`DEATH_FINDINGS`), a nurse
        # verifying an expected death only, not one for the coroner, whose lines stay in.
        "expected": Read(("services/records.py",)),
        "referred_to_coroner": Read(("services/census.py",)),
        "verifier_role": Read(("services/records.py",), {"registered_nurse": ("services/records.py",)}),
        "observed_minutes": Read(("services/records.py",)),
        "no_central_pulse": Read(("services/records.py",)),
        "no_heart_sounds": Read(("services/records.py",)),
        "no_respiration": Read(("services/records.py",)),
        "pupils_fixed": Read(("services/records.py",)),
        "no_response_to_pain": Read(("services/records.py",)),
    },
    "delirium_screening": {
        "acute_change": Read(("domain/delirium.py", "services/delirium.py")),
        "doctor_told": Read(("services/delirium.py", "sync/fhir_delirium.py")),
        "doctor_told_at": Read(("sync/fhir_delirium.py",)),
        "screened_at": Read(("domain/delirium.py", "services/delirium.py", "sync/fhir_delirium.py")),
    },
    "device_check": {
        "checked_at": Read(("services/devices.py", "sync/fhir_devices.py")),
        "device": Read(("services/devices.py", "sync/fhir_devices.py")),
        "event": Read(("pdf/devices.py", "services/devices.py", "sync/fhir_devices.py")),
        "inserted_at": Read(("services/devices.py", "sync/fhir_devices.py")),
        "next_in": Read(("services/devices.py", "sync/fhir_devices.py")),
        "notes": Read(("services/devices.py", "sync/fhir_devices.py")),
        "position_by": Read(("services/devices.py",)),
        "removed_why": Read(("pdf/devices.py", "sync/fhir_devices.py")),
        "site": Read(("services/devices.py", "sync/fhir_devices.py")),
        "site_state": Read(("services/devices.py", "sync/fhir_devices.py")),
        "size": Read(("sync/fhir_devices.py",)),
        "still_needed": Read(("pdf/devices.py", "sync/fhir_devices.py")),
        "vip": Read(("pdf/devices.py", "services/devices.py", "sync/fhir_devices.py")),
    },
    "discharge": {
        "destination": Read(("sync/fhir_patients.py",)),
    },
    "fluid_balance": {
        "measured_at": Read(("services/fluid_balance.py", "sync/fhir_fluids.py")),
        # Version 3's output not measured: each amount's mark on the chart (domain.fluid_balance.AMOUNT_MARKS).
        "not_measured": Read(("services/fluid_balance.py",), {
            "large": ("domain/fluid_balance.py",),
            "medium": ("domain/fluid_balance.py",),
            "small": ("domain/fluid_balance.py",),
        }),
        "route": Read(("services/fluid_balance.py", "sync/fhir_fluids.py")),
        "volume": Read(("services/fluid_balance.py", "sync/fhir_fluids.py")),
        "what": Read(("sync/fhir_fluids.py",)),
    },
    "fluid_plan": {
        "decided_at": Read(("services/fluid_balance.py", "sync/fhir_fluids.py")),
        "decided_by": Read(("services/fluid_balance.py", "sync/fhir_fluids.py")),
        "kind": Read(("services/fluid_balance.py", "sync/fhir_fluids.py"), {
            "lifted": ("services/fluid_balance.py", "sync/fhir_fluids.py"),
            "restriction": ("sync/fhir_fluids.py",),
            "target": ("sync/fhir_fluids.py",),
        }),
        "volume": Read(("services/fluid_balance.py", "sync/fhir_fluids.py")),
    },
    "inpatient_fall": {
        "anticoagulant_after_ct": Read(("services/medication.py", "sync/fhir_falls.py"),
                                       {"continue": ("services/medication.py",)}),
        "anticoagulated": Read(("domain/falls.py",)),
        # Version 3's CT head and version 4's NICE signs: a code renamed silenced the CT head asked.
        "ct_head": Read(("domain/falls.py", "sync/fhir_falls.py"), {
            "done": ("domain/falls.py", "services/medication.py"),
            "not_needed": ("domain/falls.py", "services/falls.py"),
            "requested": ("domain/falls.py",),
        }),
        "ct_head_at": Read(("sync/fhir_falls.py",)),
        "ct_signs": Read(("domain/falls.py", "sync/fhir_falls.py"), {
            "seizure": ("domain/falls.py",),
            "skull_fracture": ("domain/falls.py",),
            "vomited": ("domain/falls.py", "services/falls.py"),
        }),
        "fell_at": Read(("domain/falls.py", "sync/fhir_falls.py")),
        "fracture_signs": Read(("domain/falls.py",), {"suspected": ("domain/falls.py",)}),
        "head_injury": Read(("domain/falls.py",)),
        "lost_consciousness": Read(("domain/falls.py", "services/falls.py", "sync/fhir_falls.py"), {
            "yes": ("domain/falls.py", "services/falls.py"),
        }),
        "reviewed_by": Read(("services/falls.py",)),
        "usual_gcs": Read(("sync/fhir_falls.py",)),
        "weak_before": Read(("domain/falls.py", "services/falls.py", "sync/fhir_falls.py")),
        "witnessed": Read(("domain/falls.py", "services/falls.py"), {
            "found": ("domain/falls.py", "services/falls.py"),
        }),
    },
    "infusion_rate": {
        "bag": Read(("services/infusion_rates.py",)),
        "change": Read(("services/infusion_rates.py",), {
            "paused": ("services/infusion_rates.py",),
            "rate": ("services/infusion_rates.py",),
            "stopped": ("services/infusion_rates.py",),
        }),
        "changed_at": Read(("services/infusion_rates.py",)),
    },
    "infusion_check": {
        "bag": Read(("services/infusion_checks.py",)),
        "checked_at": Read(("services/infusion_checks.py",)),
        "line_intact": Read(("services/infusion_checks.py",)),
        "pump_rate_ml_h": Read(("services/infusion_checks.py",)),
        "pump_ok": Read(("services/infusion_checks.py",)),
        "site": Read(("services/infusion_checks.py",), {
            "ok": ("domain/infusion_check.py",),
            "resited": ("domain/infusion_check.py",),
        }),
        "volume_left_ml": Read(("services/infusion_checks.py",)),
    },
    "lab_request": {
        "closed_at": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "closed_by": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "group_sample": Read(("sync/fhir_lab_results.py",)),
        "last_dose_at": Read(("sync/fhir_lab_results.py",)),
        "level_drug": Read(("sync/fhir_lab_results.py",)),
        "level_timing": Read(("services/lab_results.py", "services/medication.py", "sync/fhir_lab_results.py")),
        "notes": Read(("sync/fhir_lab_results.py",)),
        "outcome": Read(("services/lab_results.py", "sync/fhir_lab_results.py"), {
            "cancelled": ("services/lab_results.py",),
            "lost": ("services/lab_results.py",),
            "rejected": ("services/lab_results.py",),
        }),
        "rejected_because": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "requested_by": Read(("sync/fhir_lab_results.py",)),
        "sample_number": Read(("sync/fhir_lab_results.py",)),
        "taken_at": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "tests": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "urgency": Read(("pdf/lab_results.py", "services/lab_results.py", "sync/fhir_lab_results.py"), {
            "urgent": ("pdf/lab_results.py", "services/lab_results.py", "sync/fhir_lab_results.py"),
        }),
    },
    "lab_result": {
        "acknowledged": Read(("pdf/lab_results.py",)),
        "action": Read(("sync/fhir_lab_results.py",)),
        "caller": Read(("pdf/lab_results.py", "sync/fhir_lab_results.py")),
        "flag": Read(("pdf/lab_results.py", "services/lab_results.py", "sync/fhir_lab_results.py"), {
            "abnormal": ("domain/lab_results.py",),
            "critical": ("domain/lab_results.py", "sync/fhir_lab_results.py"),
            "normal": ("domain/lab_results.py",),
        }),
        "lab_number": Read(("pdf/lab_results.py", "sync/fhir_lab_results.py")),
        "range": Read(("services/lab_results.py",)),
        "received_at": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "received_by": Read(("pdf/lab_results.py", "sync/fhir_lab_results.py"), {
            "paper": ("sync/fhir_lab_results.py",),
            "telephone": ("sync/fhir_lab_results.py",),
        }),
        "request": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "result": Read(("services/bowels.py", "services/lab_results.py")),
        "sample_taken_at": Read(("sync/fhir_lab_results.py",)),
        "test": Read(("services/bowels.py", "services/lab_results.py")),
        "told": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
        "told_at": Read(("services/lab_results.py", "sync/fhir_lab_results.py")),
    },
    "medication_administration": {
        "given_at": Read(("services/cd_register.py", "services/medication.py")),
        "not_given_reason": Read(("services/cd_register.py", "services/medication.py", "sync/fhir_medication.py"), {
            "asleep": ("domain/medication.py",),
            "held": ("domain/medication.py",),
            "nil_by_mouth": ("domain/medication.py",),
            "other": ("domain/medication.py",),
            "patient_away": ("domain/medication.py",),
            "refused": ("domain/medication.py",),
            "unavailable": ("domain/medication.py",),
            "vomited": ("domain/medication.py",),
        }),
        "order": Read(("services/census.py", "services/drafts.py", "services/medication.py",
                       "sync/fhir_medication.py")),
        "outcome": Read(("services/medication.py",), {
            "given": ("domain/medication.py", "sync/import_export.py"),
            "not_given": ("domain/medication.py",),
        }),
        "overrides": Read(("services/medication.py", "sync/fhir_medication.py")),
        "scheduled_for": Read(("services/back_entry.py",)),
        "witness": Read(("sync/fhir_medication.py",)),
    },
    "medication_order": {
        "dose": Read(("services/medication.py",)),
        "dose_unit": Read(("services/medication.py",)),
        "drug": Read(("services/census.py", "services/medication.py")),
        "every_days": Read(("sync/snapshot_fhir.py",)),
        "form": Read(("sync/fhir_medication.py",)),
        "frequency": Read(("services/medication.py",), {
            "once": ("domain/medication.py",),
            "prn": ("domain/medication.py",),
            "scheduled": ("domain/medication.py",),
        }),
        "min_interval_hours": Read(("services/back_entry.py",)),
        "route": Read(("services/medication.py", "sync/fhir_medication.py", "sync/snapshot_fhir.py")),
        "side": Read(("sync/snapshot_fhir.py",)),
        "start_at": Read(("services/medication.py",)),
        "review_at": Read(("services/medication.py",)),
        "stop_at": Read(("services/back_entry.py", "services/medication.py")),
        "times": Read(("services/medication.py", "sync/snapshot.py")),
    },
    # The capacity assessment's time, decision and outcome, its two stages and its review: a field
    # renamed left the ward's LACKS CAPACITY line and the covert order's question without them, or
    # a lack of capacity read where the answers say none.
    "capacity_assessment": {
        "assessed_at": Read(("domain/capacity.py", "sync/fhir_capacity.py")),
        "assessed_by": Read(("domain/capacity.py",)),
        "assessor_role": Read(("domain/capacity.py",)),
        "decision": Read(("domain/capacity.py",), {"medicines": ("domain/capacity.py",),
                                                    "discharge": ("domain/capacity.py",)}),
        "outcome": Read(("domain/capacity.py", "services/capacity.py", "sync/fhir_capacity.py"), {
            "has": ("domain/capacity.py",), "lacks": ("domain/capacity.py",)}),
        "impairment": Read(("domain/capacity.py",)),
        "understands": Read(("domain/capacity.py", "services/capacity.py")),
        "retains": Read(("domain/capacity.py", "services/capacity.py")),
        "weighs": Read(("domain/capacity.py", "services/capacity.py")),
        "communicates": Read(("domain/capacity.py", "services/capacity.py")),
        "can_wait": Read(("domain/capacity.py",)),
        "review_by": Read(("domain/capacity.py",)),
        "imca": Read(("domain/capacity.py", "services/capacity.py"), {"not_needed": ("domain/capacity.py",)}),
        "consulted": Read(("domain/capacity.py", "services/capacity.py"), {
            "family": ("domain/capacity.py",), "carer": ("domain/capacity.py",), "lpa": ("domain/capacity.py",),
            "deputy": ("domain/capacity.py",)}),
    },
    # A safeguarding concern's time, whom it is about, adult or child, its danger and the times,
    # consent and referral it is checked and said by: a field renamed left the handover's and the
    # escalation list's referral line without them, or a referral read as not made.
    "safeguarding_concern": {
        "raised_at": Read(("domain/safeguarding.py", "services/safeguarding.py", "sync/fhir_safeguarding.py")),
        "about": Read(("domain/safeguarding.py", "services/safeguarding.py"), {"patient": ("domain/safeguarding.py",)}),
        "adult_or_child": Read(("domain/safeguarding.py", "services/safeguarding.py", "sync/fhir_safeguarding.py"), {
            "adult": ("domain/safeguarding.py",), "child": ("domain/safeguarding.py",)}),
        "categories": Read(("domain/safeguarding.py", "services/safeguarding.py")),
        "immediate_danger": Read(("domain/safeguarding.py", "services/safeguarding.py")),
        "police_called": Read(("domain/safeguarding.py", "services/safeguarding.py")),
        "no_police_reason": Read(("domain/safeguarding.py", "services/safeguarding.py")),
        "consent": Read(("domain/safeguarding.py", "services/safeguarding.py"), {
            "refused": ("domain/safeguarding.py",), "lacks_capacity": ("domain/safeguarding.py",)}),
        "share_reasons": Read(("domain/safeguarding.py", "services/safeguarding.py")),
        "team_told_at": Read(("domain/safeguarding.py",)),
        "referral_at": Read(("domain/safeguarding.py", "services/safeguarding.py", "sync/fhir_safeguarding.py")),
        "referral_ref": Read(("domain/safeguarding.py", "sync/fhir_safeguarding.py")),
        "police_told_at": Read(("domain/safeguarding.py",)),
    },
    "medicines_reconciliation": {
        "decisions": Read(("services/reconciliation.py",)),
        "home_list": Read(("services/reconciliation.py",)),
        "reconciled_as": Read(("sync/fhir_reconciliation.py",)),
        "sources": Read(("services/reconciliation.py", "sync/fhir_reconciliation.py")),
    },
    # The missing patient's times and risk: a field renamed left the ward's MISSING line, its
    # police call and the Flag's period without their times.
    # The falls-risk assessment's time, readings and review: a field renamed left the postural drop
    # unread (no doctor asked to review the medicines) and the assessment never made.
    "falls_risk": {
        "assessed_at": Read(("services/falls_risk.py", "sync/fhir_falls_risk.py")),
        "lying_systolic": Read(("domain/falls_risk.py", "services/falls_risk.py")),
        "standing_1_systolic": Read(("domain/falls_risk.py", "services/falls_risk.py")),
        "unable_to_stand": Read(("domain/falls_risk.py", "services/falls_risk.py")),
        "bp_not_measured": Read(("domain/falls_risk.py", "services/falls_risk.py")),
        "symptoms": Read(("domain/falls_risk.py",)),
        "medicines_reviewed_by": Read(("services/falls_risk.py",)),
        # The letters' line (falls_risk.handed_on): its factors in words, and when reviewed.
        "factors": Read(("services/falls_risk.py",)),
        "medicines_reviewed_at": Read(("services/falls_risk.py",)),
        "why": Read(("services/falls_risk.py",), {"after_fall": ("services/falls_risk.py",)}),
        # Version 2's decision at the review, with its words, on the letters' line; "No change"
        # refused beside another decision.
        "medicines_review_outcome": Read(("services/falls_risk.py",), {"no_change": ("services/falls_risk.py",)}),
        "medicines_stopped_which": Read(("services/falls_risk.py",)),
        "no_change_why": Read(("services/falls_risk.py",)),
    },
    "missing_patient": {
        "last_seen_at": Read(("domain/missing_patient.py", "sync/fhir_missing.py")),
        "noticed_at": Read(("domain/missing_patient.py", "sync/fhir_missing.py")),
        "returned_at": Read(("domain/missing_patient.py", "sync/fhir_missing.py")),
        "risk": Read(("domain/missing_patient.py", "services/missing_patient.py"), {
            "high": ("domain/missing_patient.py",),
        }),
        "risk_factors": Read(("domain/missing_patient.py", "services/missing_patient.py")),
    },
    # The swallow screen's time and outcome: a field renamed left the FAILED line, the dose's
    # question and the SLT's asks without them.
    "swallow_screen": {
        "screened_at": Read(("domain/swallow_screen.py", "services/swallow_screen.py", "sync/fhir_swallow.py")),
        "outcome": Read(("domain/swallow_screen.py", "services/swallow_screen.py", "sync/fhir_swallow.py"), {
            "pass": ("domain/swallow_screen.py",), "pass_with_advice": ("domain/swallow_screen.py",),
            "fail": ("domain/swallow_screen.py",),
        }),
        "slt_referred_at": Read(("domain/swallow_screen.py",)),
        "doctor_told_at": Read(("domain/swallow_screen.py",)),
        # The SLT's assessment is its own Observation at its time, its outcome the value.
        "slt_assessed_at": Read(("domain/swallow_screen.py", "sync/fhir_swallow.py")),
        # The SLT's plan by mouth ends the nil by mouth; its textures and tablets are its line.
        # Food alone by mouth (version 3) ends it too, the medicines still not by mouth.
        "slt_outcome": Read(("domain/swallow_screen.py", "sync/fhir_swallow.py"),
                            {"oral": ("domain/swallow_screen.py",), "food_only": ("domain/swallow_screen.py",)}),
        "food_level": Read(("services/swallow_screen.py",)),
        "drink_level": Read(("services/swallow_screen.py",)),
        "tablets": Read(("services/swallow_screen.py",)),
        "alert_upright": Read(("domain/swallow_screen.py",)),
        "cough_on_request": Read(("domain/swallow_screen.py",)),
        "controls_saliva": Read(("domain/swallow_screen.py",)),
        "teaspoons": Read(("domain/swallow_screen.py",), {"sign": ("domain/swallow_screen.py",)}),
        "glass": Read(("domain/swallow_screen.py",), {"sign": ("domain/swallow_screen.py",)}),
    },
    "neuro_observations": {
        "doctor_told": Read(("services/neuro.py", "sync/fhir_neuro.py")),
        "doctor_told_at": Read(("services/neuro.py", "sync/fhir_neuro.py")),
        "next_set_in": Read(("services/neuro.py", "sync/fhir_neuro.py")),
        # Version 3's set not done: why, in words (domain.gcs.NOT_DONE_WHY); "away" asks no doctor.
        "not_done": Read(("domain/gcs.py", "services/falls.py", "services/neuro.py", "sync/fhir_neuro.py"), {
            "away": ("domain/gcs.py", "services/neuro.py"),
            "other": ("domain/gcs.py",),
            "refused": ("domain/gcs.py", "sync/fhir_neuro.py"),
        }),
        "notes": Read(("sync/fhir_neuro.py",)),
        "pupil_left_size": Read(("domain/gcs.py",)),
        "pupil_right_size": Read(("domain/gcs.py",)),
        "stopped_by": Read(("pdf/neuro.py", "services/neuro.py", "sync/fhir_neuro.py")),
        "taken_at": Read(("services/neuro.py", "sync/fhir_neuro.py")),
    },
    "nutrition_screening": {
        "acute_no_intake": Read(("domain/nutrition.py", "services/nutrition.py", "sync/fhir_nutrition.py")),
        "height_cm": Read(("domain/nutrition.py", "services/nutrition.py", "sync/fhir_nutrition.py")),
        "notes": Read(("sync/fhir_nutrition.py",)),
        "screened_at": Read(("services/nutrition.py", "sync/fhir_nutrition.py")),
        "weight_kg": Read(("domain/nutrition.py", "services/nutrition.py", "sync/fhir_nutrition.py")),
        "weight_method": Read(("services/weight.py", "sync/fhir_nutrition.py"), {
            "estimated": ("services/weight.py",),
            "measured": ("services/weight.py", "sync/fhir_nutrition.py"),
            "stated": ("services/weight.py",),
        }),
        "weight_loss": Read(("domain/nutrition.py", "services/nutrition.py", "sync/fhir_nutrition.py")),
    },
    "observation_plan": {
        "decided_at": Read(("services/observations.py", "sync/fhir_observation_plan.py")),
        "decided_by": Read(("services/observations.py",)),
        "escalation": Read(("services/observations.py", "sync/fhir_observation_plan.py"), {
            "comfort": ("services/observations.py",),
            "full": ("services/observations.py",),
            "ward_ceiling": ("services/observations.py",),
        }),
        "frequency": Read(("services/observations.py", "sync/fhir_observation_plan.py"), {
            "four_hourly": ("services/observations.py",),
            "hourly": ("services/observations.py",),
            "news2": ("services/observations.py",),
            "twelve_hourly": ("services/observations.py",),
        }),
    },
    "observations": {
        "consciousness": Read(("services/observations.py",), {
            "alert": ("domain/news2.py",),
            "new_confusion": ("domain/news2.py",),
            "pain": ("domain/news2.py",),
            "unresponsive": ("domain/news2.py",),
            "voice": ("domain/news2.py",),
        }),
        "diastolic_bp": Read(("pdf/news2.py",)),
        "notes": Read(("sync/fhir_observations.py",)),
        "on_oxygen": Read(("sync/fhir_observations.py",)),
        "oxygen_flow": Read(("services/observations.py",)),
        "spo2_scale": Read(("sync/fhir_observations.py",), {"scale_2": ("sync/fhir_observations.py",)}),
        "taken_at": Read(("services/observations.py", "services/transfusion.py", "sync/fhir_observations.py")),
    },
    "operation_booking": {
        "anaesthetist": Read(("sync/fhir_theatre.py",)),
        "cancer_pathway": Read(("sync/fhir_theatre.py",)),
        "decided_at": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "diagnosis": Read(("pdf/theatre.py", "sync/fhir_theatre.py")),
        "expected_minutes": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "laterality": Read(("pdf/theatre.py", "services/printing.py", "services/records.py", "services/theatre.py",
                            "sync/fhir_theatre.py"), {
            "not_applicable": ("services/printing.py", "services/theatre.py", "sync/fhir_theatre.py"),
        }),
        "notes": Read(("sync/fhir_theatre.py",)),
        "planned_start": Read(("services/printing.py", "services/theatre.py", "sync/fhir_theatre.py")),
        "priority": Read(("pdf/theatre.py", "services/theatre.py", "sync/fhir_theatre.py", "sync/snapshot_fhir.py"), {
            "elective": ("domain/theatre.py", "sync/fhir_codes.py"),
            "expedited": ("domain/theatre.py", "sync/fhir_codes.py"),
            "immediate_a": ("domain/theatre.py", "sync/fhir_codes.py"),
            "immediate_b": ("domain/theatre.py", "sync/fhir_codes.py"),
            "urgent": ("domain/theatre.py", "sync/fhir_codes.py"),
        }),
        "procedure": Read(("pdf/theatre.py", "services/printing.py", "services/theatre.py", "sync/fhir_theatre.py")),
        "session": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "surgeon": Read(("pdf/theatre.py", "services/theatre.py", "sync/fhir_theatre.py")),
    },
    "operation_cancellation": {
        "booking": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "cancelled_at": Read(("services/theatre.py",)),
        "last_minute": Read(("services/theatre.py",)),
        "notes": Read(("sync/fhir_theatre.py",)),
        "patient_told": Read(("sync/fhir_theatre.py",), {
            "letter": ("sync/fhir_theatre.py",),
        }),
        "reason": Read(("services/printing.py", "services/theatre.py", "sync/fhir_theatre.py"), {
            "administrative_error": ("sync/fhir_codes.py",),
            "anaesthetist_unavailable": ("sync/fhir_codes.py",),
            "did_not_attend": ("sync/fhir_codes.py",),
            "equipment_failure": ("sync/fhir_codes.py",),
            "patient_declined": ("sync/fhir_codes.py",),
            "patient_died": ("sync/fhir_codes.py",),
            "surgeon_unavailable": ("sync/fhir_codes.py",),
            "theatre_staff_unavailable": ("sync/fhir_codes.py",),
        }),
        "told_at": Read(("services/theatre.py", "sync/fhir_theatre.py")),
    },
    "operation_done": {
        "booking": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "done_at": Read(("services/theatre.py",)),
        "notes": Read(("sync/fhir_theatre.py",)),
        "theatre": Read(("services/theatre.py", "sync/fhir_theatre.py")),
    },
    "operation_rebooking": {
        "booking": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "decided_at": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "outcome": Read(("services/theatre.py", "sync/fhir_theatre.py"), {
            "rebooked": ("sync/fhir_theatre.py",),
            "transferred": ("services/theatre.py", "sync/fhir_theatre.py"),
        }),
        "patient_told": Read(("sync/fhir_theatre.py",), {
            "letter": ("sync/fhir_theatre.py",),
        }),
        "planned_start": Read(("services/printing.py", "services/theatre.py", "sync/fhir_theatre.py")),
        "reason": Read(("services/printing.py", "services/theatre.py", "sync/fhir_theatre.py")),
        "session": Read(("services/theatre.py", "sync/fhir_theatre.py")),
        "told_at": Read(("services/theatre.py", "sync/fhir_theatre.py")),
    },
    "paediatric_observations": {
        "concern": Read(("pdf/pews.py",)),
        "consciousness": Read(("services/pews.py", "sync/fhir_pews.py")),
        "next_in": Read(("services/pews.py", "services/records.py")),
        "taken_at": Read(("services/pews.py", "sync/fhir_pews.py")),
    },
    "pain_assessment": {
        "action": Read(("services/pain.py", "sync/fhir_pain.py")),
        "assessed_at": Read(("services/pain.py", "sync/fhir_pain.py")),
        "breathing_rate": Read(("sync/fhir_pain.py",)),
        "evendol_face": Read(("domain/pain.py",)),
        "evendol_movements": Read(("domain/pain.py",)),
        "evendol_positions": Read(("domain/pain.py",)),
        "evendol_relation": Read(("domain/pain.py",)),
        "evendol_voice": Read(("domain/pain.py",)),
        "flacc_activity": Read(("domain/pain.py",)),
        "flacc_consolability": Read(("domain/pain.py",)),
        "flacc_cry": Read(("domain/pain.py",)),
        "flacc_face": Read(("domain/pain.py",)),
        "flacc_legs": Read(("domain/pain.py",)),
        "notes": Read(("sync/fhir_pain.py",)),
        "reassess_in": Read(("pdf/pain.py", "services/pain.py", "sync/fhir_pain.py")),
        "scale": Read(("domain/pain.py", "services/pain.py", "sync/fhir_pain.py"), {
            "algoplus": ("domain/pain.py",),
            "evendol": ("domain/pain.py",),
            "faces": ("domain/pain.py",),
            "flacc": ("domain/pain.py",),
            "numeric": ("domain/pain.py",),
            "verbal": ("domain/pain.py", "services/pain.py"),
        }),
        "score_algoplus": Read(("domain/pain.py",)),
        "score_faces": Read(("domain/pain.py",)),
        "score_numeric": Read(("domain/pain.py",)),
        "score_verbal": Read(("services/pain.py", "sync/fhir_pain.py")),
        "sedation": Read(("sync/fhir_pain.py",)),
        "where": Read(("sync/fhir_pain.py",)),
    },
    "repositioning": {
        "next_in": Read(("pdf/repositioning.py", "services/repositioning.py", "sync/fhir_skin.py")),
        "notes": Read(("services/repositioning.py", "sync/fhir_skin.py")),
        "position": Read(("pdf/repositioning.py", "services/repositioning.py", "sync/fhir_skin.py"), {
            "declined": ("sync/fhir_skin.py",),
        }),
        "skin": Read(("pdf/repositioning.py", "services/repositioning.py", "services/wounds.py"), {
            "category_1": ("services/wounds.py",),
        }),
        "turned_at": Read(("services/repositioning.py", "sync/fhir_skin.py")),
    },
    "sepsis_screening": {
        "antibiotics_at": Read(("services/sepsis.py",)),
        "consciousness": Read(("domain/sepsis.py",)),
        "infection": Read(("domain/sepsis.py", "sync/fhir_sepsis.py")),
        "not_needed": Read(("services/sepsis.py",)),
        "on_oxygen": Read(("sync/fhir_sepsis.py",)),
        "red_flags": Read(("sync/fhir_sepsis.py",)),
        "reviewed_at": Read(("services/sepsis.py",)),
        "reviewed_by": Read(("services/sepsis.py",)),
        "screened_at": Read(("domain/sepsis.py", "services/sepsis.py", "sync/fhir_sepsis.py")),
        "source": Read(("sync/fhir_sepsis.py",)),
        "spo2": Read(("services/sepsis.py", "sync/fhir_sepsis.py")),
        "taken_at": Read(("services/sepsis.py",)),
    },
    "surgical_safety_checklist": {
        "booking": Read(("services/records.py", "services/theatre.py", "sync/fhir_theatre.py")),
        "checked_at": Read(("sync/fhir_checklist.py",)),
        "notes": Read(("services/records.py", "sync/fhir_theatre.py")),
    },
    "theatre_session": {
        "ends_at": Read(("services/theatre.py",)),
        "specialty": Read(("services/theatre.py",)),
        "starts_at": Read(("services/theatre.py",)),
        "theatre": Read(("services/theatre.py", "sync/fhir_theatre.py")),
    },
    "transfer": {
        "reason": Read(("services/printing.py",)),
    },
    "transfusion_end": {
        "ended_at": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "notes": Read(("sync/fhir_transfusion.py",)),
        "outcome": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py"), {
            "completed": ("sync/fhir_transfusion.py",),
        }),
        "signs": Read(("pdf/transfusion.py", "services/transfusion.py", "sync/fhir_transfusion.py")),
        "unit": Read(("services/transfusion.py", "sync/fhir_transfusion.py")),
        "volume": Read(("pdf/transfusion.py", "sync/fhir_transfusion.py")),
    },
    "vte_assessment": {
        "against_stockings": Read(("sync/fhir_vte.py",)),
        "assessed_at": Read(("services/vte.py", "sync/fhir_vte.py")),
        "mobility": Read(("sync/fhir_vte.py",)),
        "notes": Read(("sync/fhir_vte.py",)),
        "prophylaxis": Read(("services/vte.py",)),
    },
    "weight": {
        "method": Read(("services/weight.py",), {
            "estimated": ("services/weight.py",),
            "measured": ("services/weight.py",),
            "stated": ("services/weight.py",),
        }),
        "weighed_at": Read(("services/weight.py", "sync/fhir_nutrition.py", "sync/fhir_weight.py")),
        "weight_kg": Read(("services/weight.py", "sync/fhir_nutrition.py", "sync/fhir_weight.py")),
    },
    "wound_care": {
        "assessed_at": Read(("services/wounds.py",)),
        "bed": Read(("services/wounds.py",)),
        "category": Read(("services/wounds.py",)),
        "dressing": Read(("services/wounds.py", "sync/fhir_skin.py")),
        "exudate": Read(("services/wounds.py",)),
        "infection": Read(("sync/fhir_skin.py",)),
        "kind": Read(("services/wounds.py", "sync/fhir_skin.py")),
        "next_in": Read(("services/wounds.py",)),
        "notes": Read(("services/wounds.py",)),
        "wound": Read(("services/wounds.py", "sync/fhir_skin.py")),
    },
}


def unread_problems(forms: Mapping[str, FormSpec]) -> Iterator[Phrase]:
    """Each field or option the code reads that a form of the folder no longer has (removed, or
    renamed: the code reads the old id)."""
    for form_id, reads in REQUIRED_BY_CODE.items():
        if (spec := forms.get(form_id)) is None:
            continue
        fields = {each.id: each for each in spec.fields()}
        for field_id, read in reads.items():
            def said(template: str, by: tuple[str, ...], /, **values: object) -> Phrase:
                return Phrase(WHERE, {"where": f"{form_id}.yaml", "problem": Phrase(
                    template, {"field": repr(field_id), "by": ", ".join(by), **values})})

            if (found := fields.get(field_id)) is None:
                yield said(QT_TRANSLATE_NOOP("messages", "field {field} is read by the app's code ({by}) and cannot "
                                                         "be removed or renamed"), read.by)
                continue
            offered = {option.code for option in found.options} if isinstance(found, OPTIONED) else set()
            for code, by in read.codes.items():
                if code not in offered:
                    yield said(QT_TRANSLATE_NOOP("messages", "option {code} of field {field} is read by the app's code "
                                                             "({by}) and cannot be removed or renamed"),
                               by, code=repr(code))
