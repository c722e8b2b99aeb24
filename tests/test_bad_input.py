"""Bad input (issue 7): every field kind of every form, fed hostile values.

Each value goes through the real records service and is either stored and read back exactly, or
refused with a message naming the field (its English label); a crash, a leaked TypeError or
sqlite error, or a value stored differently from what was given is a bug. Ward rules (a move
before the admission, a booking that does not fit its session) may refuse a well-formed value
with their own message; those refusals are allowed only where listed in RULE_REFUSALS.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from downtime.domain.census import leaves_hospital
from downtime.formspec import load_forms
from downtime.formspec.schema import (
    ChoiceField, DateField, DateTimeField, DecimalField, FormSpec, IntegerField, LongTextField, Meaning,
    MultiChoiceField, PatientRefField, RecordRefField, RepeatField, StaffRefField, TextField, YesNoField,
    condition_fields, holds,
)
from downtime.formspec.values import ParseError, parse_text, relevant_values, validate
from downtime.paths import forms_dir
from downtime.services import records
from downtime.services.errors import ServiceError, ValidationFailed
from tests.conftest import death_answers

FORMS: dict[str, FormSpec] = load_forms(forms_dir())
PARIS = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 28, 14, 0, tzinfo=PARIS)  # conftest's FakeClock start
ADMITTED_AT = "2026-11-27T09:00+01:00"
MONDAY = "2026-11-30"

# --- hostile values --------------------------------------------------------------------------

CONTROLS = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\r", "\n", "\t", "\x1b", "\x1b[31m", "\x7f", "\x85",
    "\u202e", "\u202d", "\u202a", "\u202c", "\u2066", "\u2067", "\u2069", "\u200b", "\u200c", "\u200d",
    "\u200e", "\u200f", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", "\U0010ffff",
]
RTL = [
    "مرحبا بالعالم", "محمد بن عبد الله", "שלום עולם", "עִבְרִית", "Lefèvre محمد 12",
    "\u202eerèfeL\u202c", "\u2067يسار\u2069 right", "أحمد\u200d", "ܫܠܡܐ", "ދިވެހި", "١٢٣٤٥", "٠٨:٠٠",
]
ODD_TEXT = RTL + [
    "", " ", "   ", "\t", "\u00a0", "\u3000", "\u200b", "Hélène", "He\u0301le\u0300ne", "ﬁle", "Ω", "Ω", "Å",
    "ß", "İ", "ǅ", "😀👩‍⚕️", "\\", "'; DROP TABLE records; --", '"quoted"', "NULL", "null", "None", "{}", "[]",
    "<b>x</b>", "%s%n", "{label}", "\U0001d54f",
] + [f"a{c}b" for c in CONTROLS]


def text_edges(limit: int) -> list[str]:
    """Odd text, and every length around the field's limit (in code points, not bytes)."""
    return ODD_TEXT + [ch * n for ch in ("a", "é", "م", "😀", "\u0301")
                       for n in sorted({max(limit - 1, 1), limit, limit + 1})] + ["x" * 10_001, "y" * 100_001]


def any_text(limit: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(text_edges(limit)), st.text(),
        st.text(st.characters(categories=["Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Mn"]), max_size=8),
        st.builds(lambda a, c, b: a + c + b, st.text(max_size=8), st.sampled_from(CONTROLS + RTL), st.text(max_size=8)),
    )


OFFSETS = [timezone.utc, PARIS, timezone(timedelta(hours=2)), timezone(timedelta(hours=14)),
           timezone(timedelta(hours=-12)), timezone(timedelta(hours=5, minutes=30)),
           timezone(timedelta(hours=23, minutes=59)), timezone(-timedelta(hours=23, minutes=59))]

WRONG_TYPE_EDGES = [None, True, False, 0, 1, -1, 2**64, 1.5, float("nan"), float("inf"), -0.0, b"x", bytearray(b"x"),
                    [], [None], [[]], ["a"], {}, {"$gt": ""}, ("a",), {"a"}, Decimal("1.5"), Decimal("NaN"),
                    date(2026, 1, 1), NOW, NOW.time(), timedelta(hours=1), object(), type, 1j]
WRONG_TYPES = st.one_of(
    st.sampled_from(WRONG_TYPE_EDGES), st.integers(), st.floats(), st.binary(max_size=4),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    # A signalling NaN is left out: comparing it raises, and no reader of the ward makes one.
    st.decimals(allow_nan=True).filter(lambda d: not d.is_snan()),
)


def integer_edges(field: IntegerField) -> list[Any]:
    near = {b + d for b in (field.min, field.max) if b is not None for d in (-1, 0, 1)}
    numbers = sorted(near | {0, -1, 2**31, 2**53 + 1, 2**63, -2**63, 10**20, -10**20})
    return [*numbers, 10**400, -10**400, *(float(n) for n in numbers[:4]), "5", " 5", "5,0", True]


def decimal_edges(field: DecimalField) -> list[Any]:
    step = 10.0 ** -field.places
    found = {0.0, -0.0, 5e-324, 1.7976931348623157e308, -1.7976931348623157e308, step / 10, 0.1 + 0.2}
    for bound in (b for b in (field.min, field.max) if b is not None):
        found |= {bound, round(bound - step, field.places), round(bound + step, field.places), bound - step / 10,
                  bound + step / 10, math.nextafter(bound, math.inf), math.nextafter(bound, -math.inf)}
    return [*sorted(found), math.inf, -math.inf, math.nan, 10**400, -10**400, 1, 0, True, "72,5", "72.5",
            Decimal("72.5")]


DATE_EDGES = [
    "0001-01-01", "9999-12-31", "1879-12-31", "1880-01-01", "2026-11-28", "2026-11-29", "2024-02-29",
    "2026-02-29", "2026-02-30", "2026-13-01", "0000-01-01", "10000-01-01", "19540312", "1954-W10-5",
    "1954-071", "12/03/1954", "1954-3-12", " 1954-03-12", "1954-03-12 ", "1954-03-12\n", "1954-03-12T00:00",
    "1954-03-12\x00", "١٩٥٤-٠٣-١٢", "１９５４-０３-１２", "-1954-03-12", "", date(1954, 3, 12),
]
DATETIME_EDGES = [
    "0001-01-01T00:00+00:00", "0001-01-01T00:00+01:00", "0001-01-01T00:00-01:00", "0001-01-01T00:00",
    "9999-12-31T23:59+00:00", "9999-12-31T23:59-01:00", "9999-12-31T23:59+01:00", "9999-12-31T23:59",
    "9999-12-31T23:59-23:59", "2026-11-28T14:00+01:00", "2026-11-28T14:01+01:00", "2026-11-28T13:00Z",
    "2026-11-28T13:00:00.000001Z", "2026-11-28 10:30+01:00", "20261128T1030+0100", "2026-11-28T10:30+0100",
    "2026-11-28T10:30:00.123456+01:00", "2026-11-28T10:30:00,5+01:00", "2026-11-28T10:30+01:00:30",
    "2026-11-28T24:00+01:00", "2026-02-30T10:00+01:00", "28/11/2026 10:30", "2026-11-28T10:30+24:00",
    "2026-11-28T10:30+23:59", "2026-11-28T10:30-23:59", "2026-11-28T10:30+99:99", "2100-12-31T23:59+01:00",
    "2101-01-01T00:00+01:00", "3000-01-01T00:00+00:00", "1899-12-31T23:59+00:00", "1900-01-01T00:00+23:59",
    "2026-11-28", "T10:30", "2026-11-28T10:30+01:00\x00", "2026-11-28T10:30+01:00\n", "٢٠٢٦-١١-٢٨T١٠:٣٠+٠١:٠٠",
    "", NOW,
]


def datetime_values() -> st.SearchStrategy[Any]:
    zones = st.sampled_from(OFFSETS)
    recent = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=zones)
    return st.one_of(
        st.sampled_from(DATETIME_EDGES), st.datetimes().map(datetime.isoformat),
        st.datetimes(timezones=zones).map(lambda moment: moment.isoformat(timespec="minutes")),
        recent.map(datetime.isoformat), recent.map(lambda moment: moment.isoformat(timespec="minutes")),
    )


def choice_edges(field: ChoiceField | MultiChoiceField) -> list[Any]:
    codes = [option.code for option in field.options]
    spoilt = [f(code) for code in codes[:2] for f in (str.upper, str.title, lambda c: c + " ", lambda c: " " + c,
                                                      lambda c: c + "\u200b", lambda c: c + "\x00")]
    return codes + spoilt + [[codes[0]], {codes[0]: True}, field.options[0].label.en, ""]


def multi_choice_edges(field: MultiChoiceField) -> list[Any]:
    codes = [option.code for option in field.options]
    return [[], codes, codes + codes, [codes[0], codes[0]], codes[0], (codes[0],), {codes[0]}, [[codes[0]]],
            [codes[0], "nope"], [codes[0], None], [codes[0], 1], [codes[0].upper()], ",".join(codes[:2]), [""]]


YES_NO_EDGES = [True, False, 0, 1, 0.0, "yes", "no", "true", "True", "oui", [True], "1", ""]


def repeat_edges(field: RepeatField, row: dict[str, Any]) -> list[Any]:
    return [[], [row], [row] * field.max_items, [row] * (field.max_items + 1), [row, "not a row"], row, [row, None],
            [{**row, 7: "x"}], [{**row, "extra": "x"}], [{}], [[]], [dict(row) for _ in range(field.min_items)]]


def edges(field: Any, row: dict[str, Any] | None = None) -> list[Any]:
    """Values of the field's own kind at its limits and in odd spellings, then every wrong kind."""
    match field:
        case TextField() | LongTextField():
            own = text_edges(field.max_length)
        case StaffRefField() | RecordRefField() | PatientRefField():
            own = text_edges(200)
        case IntegerField():
            own = integer_edges(field)
        case DecimalField():
            own = decimal_edges(field)
        case DateField():
            own = DATE_EDGES
        case DateTimeField():
            own = DATETIME_EDGES
        case MultiChoiceField():
            own = multi_choice_edges(field)
        case ChoiceField():
            own = choice_edges(field)
        case YesNoField():
            own = YES_NO_EDGES
        case RepeatField():
            own = repeat_edges(field, row or {})
        case _:
            raise AssertionError(f"no hostile values for {field!r}")
    return own + WRONG_TYPE_EDGES


def hostile(field: Any, row: dict[str, Any] | None = None) -> st.SearchStrategy[Any]:
    """The edges above, and random values of the field's kind and of other kinds."""
    match field:
        case TextField() | LongTextField():
            own = any_text(field.max_length)
        case StaffRefField() | RecordRefField() | PatientRefField():
            own = any_text(200)
        case IntegerField():
            own = st.one_of(st.integers(), st.integers().map(str))
        case DecimalField():
            low = field.min if field.min is not None else -1e6
            high = field.max if field.max is not None else 1e6
            own = st.one_of(st.floats(), st.floats(low, high).map(lambda v: round(v, field.places)),
                            st.floats(low, high), st.integers())
        case DateField():
            own = st.one_of(st.dates().map(date.isoformat), st.dates(date(1870, 1, 1), date(2030, 1, 1)).map(date.isoformat))
        case DateTimeField():
            own = datetime_values()
        case MultiChoiceField():
            codes = st.sampled_from([option.code for option in field.options])
            own = st.one_of(st.lists(codes, max_size=len(field.options) + 2), st.lists(codes, unique=True),
                            st.lists(st.one_of(codes, st.text(max_size=5), st.integers(), st.none()), max_size=4))
        case ChoiceField():
            own = st.one_of(st.sampled_from([option.code for option in field.options]), st.text(max_size=20))
        case YesNoField():
            own = st.booleans()
        case RepeatField():
            own = st.one_of(st.lists(st.just(row), max_size=field.max_items + 2),
                            st.lists(st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3), max_size=3))
        case _:
            raise AssertionError(f"no hostile values for {field!r}")
    return st.one_of(st.sampled_from(edges(field, row)), own, own, WRONG_TYPES)


# --- valid forms to start from ---------------------------------------------------------------

@dataclass(frozen=True)
class Ward:
    sessions: dict[str, Any]
    patient: str
    order: str
    theatre_session: str
    booked: str
    cancelled: str
    past: str
    """Booked on today's list, begun: one that can be recorded done."""
    unit: str
    """A unit of blood started, whose end can be recorded."""
    sample: str
    """A laboratory sample sent for electrolytes and another test, whose result can be recorded."""
    child: str
    """A boy of 6, whose forms for children only (`under_years`) are charted."""


AUTHOR = {"medication_order": "doctor", "blood_order": "doctor", "vte_assessment": "doctor",
          "medicines_reconciliation": "doctor",
          "theatre_session": "coord", "operation_booking": "coord",
          "operation_cancellation": "coord", "operation_rebooking": "coord", "operation_done": "coord"}


def _author(form_id: str, start: dict[str, Any], values: dict[str, Any] | None = None) -> str:
    """Who writes a form's starting values (or `values`, spoiled from them): a telephone order is
    the nurse's who took it; a set on SpO2 scale 2, or readings copied onto it (a sepsis
    screening's, a transfer's), the doctor's, who prescribes it (observations.check_scale_2)."""
    if start.get("telephone_order") is True:
        return "nurse"
    return "doctor" if (values or start).get("spo2_scale") == "scale_2" else AUTHOR.get(form_id, "nurse")


def _booking(session_id: str, start: str, minutes: int) -> dict[str, Any]:
    return {"procedure": "Laparoscopic cholecystectomy", "laterality": "not_applicable", "priority": "elective",
            "decided_at": "2026-10-01T10:00+01:00", "surgeon": "Dr Roux", "anaesthetist": "Dr Klein",
            "session": session_id, "planned_start": f"{MONDAY}T{start}+01:00", "expected_minutes": minutes}


AMOXICILLIN = {"drug": "Amoxicillin", "dose": 1.0, "dose_unit": "g", "route": "IV", "frequency": "scheduled",
               "times": "08:00 14:00 20:00", "start_at": "2026-11-27T10:00+01:00", "review_at": "2026-11-30T10:00+01:00",
               "controlled": False, "high_alert": False, "allergy_reason": "Tolerated amoxicillin since (GP letter)"}


@pytest.fixture
def ward(session_for, admission_values) -> Ward:
    """One admitted patient (no bed, so fuzzed beds never meet an occupant), an order, a theatre
    session with a standing booking and a cancelled one."""
    nurse, doctor, coord = session_for("nurse"), session_for("doctor"), session_for("coord")
    patient = records.save_new(nurse, "admission", {
        **{k: v for k, v in admission_values.items() if k != "bed"}, "arrival_at": ADMITTED_AT}).patient_id
    order = records.save_new(doctor, "medication_order", AMOXICILLIN, patient_id=patient).record_id
    session_id = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery",
        "starts_at": f"{MONDAY}T08:00+01:00", "ends_at": f"{MONDAY}T13:00+01:00"}).record_id
    booked = records.save_new(coord, "operation_booking", _booking(session_id, "08:00", 90), patient).record_id
    cancelled = records.save_new(coord, "operation_booking", {**_booking(session_id, "10:00", 60),
                                                              "procedure": "Inguinal hernia repair"}, patient).record_id
    records.save_new(coord, "operation_cancellation", {
        "booking": cancelled, "cancelled_at": "2026-11-28T09:00+01:00", "reason": "no_ward_bed",
        "last_minute": True, "patient_told": "phone"}, patient_id=patient)
    today = records.save_new(coord, "theatre_session", {
        "theatre": "T1", "specialty": "General surgery",
        "starts_at": "2026-11-28T08:00+01:00", "ends_at": "2026-11-28T13:00+01:00"}).record_id
    past = records.save_new(coord, "operation_booking", {**_booking(today, "08:00", 60), "procedure": "Appendicectomy",
                                                         "planned_start": "2026-11-28T09:00+01:00"}, patient).record_id
    unit = records.save_new(nurse, "blood_transfusion", {
        "component": "red_cells", "unit_number": "F0734 26 118042", "unit_group": "o_pos", "patient_group": "o_pos",
        "use_by": "2026-12-20T23:59+01:00", "identity_checked": True, "abo_card": "compatible",
        "started_at": ADMITTED_AT}, patient_id=patient).record_id
    sample = records.save_new(nurse, "lab_request", {
        "taken_at": ADMITTED_AT, "urgency": "urgent", "tests": ["electrolytes", "other"], "other_tests": "Magnesium"},
        patient_id=patient).record_id
    # A level of enhanced observation standing, which a log entry, a review and a stop need.
    records.save_new(nurse, "enhanced_observation", {
        "kind": "decision", "noted_at": ADMITTED_AT, "decision": "set", "level": "general", "risks": ["falls"],
        "decided_by": "Hélène Lefèvre", "decider_role": "nurse_in_charge", "review_by": "2026-11-28T09:00+01:00",
        "told": "Told her", "supervised": False, "not_free_to_leave": False}, patient_id=patient)
    child = records.save_new(nurse, "admission", {
        **{k: v for k, v in admission_values.items() if k != "bed"}, "given_names": "Adam", "sex": "male",
        "birth_date": "2020-05-10", "nir": None, "identity_status": "provisional", "identity_document": None,
        "weight_kg": 20.5, "height_cm": 115, "arrival_at": ADMITTED_AT}).patient_id
    return Ward({"nurse": nurse, "doctor": doctor, "coord": coord}, patient, order, session_id, booked, cancelled, past,
                unit, sample, child)


def base_variants(form_id: str, ward: Ward | None, admission: dict[str, Any]) -> list[dict[str, Any]]:
    """Complete, valid values of a form; one variant per branch, so every field is asked in one."""
    order, session_id = (ward.order, ward.theatre_session) if ward else ("order-id", "session-id")
    booked, cancelled, past = (ward.booked, ward.cancelled, ward.past) if ward else ("booking-id",) * 3
    unit, sample = (ward.unit, ward.sample) if ward else ("unit-id", "sample-id")
    at = "2026-11-28T12:00+01:00"
    return {
        "admission": [
            {**admission, "birthplace_code": "75056", "ipp": "12345", "encounter_number": "E-1",
             "isolation": "contact", "diet": ["diabetic", "no_pork"], "diet_notes": "Small portions",
             "nok_name": "Paul Lefèvre", "nok_relationship": "Son", "nok_phone": "+33 6 12 34 56 78",
             "nok_is_trusted_person": True},
            {"unidentified": True, "descriptor": "Unknown man, about 40", "temporary_name": "Inconnu Lyon",
             "sex": "male", "identity_status": "provisional", "arrival_at": at, "admission_mode": "emergency",
             "reason": "Found unconscious", "ward": "3B", "admitting_clinician": "Dr Benali",
             "allergy_status": "unknown", "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
             "resuscitation_decided_at": at, "blood_refusal": "some", "blood_accepted": ["platelets"],
             "blood_refusal_details": "Advance decision in the notes"},
        ],
        "medication_order": [
            {**AMOXICILLIN, "form": "injection", "indication": "Pneumonia", "stop_at": "2026-12-04T10:00+01:00",
             "prescriber": "Dr Benali", "ehr_order_id": "RX-1"},
            {"drug": "Morphine", "dose_min": 2.5, "dose": 5.0, "dose_unit": "mg", "route": "SC", "frequency": "prn",
             "prn_indication": "pain score > 4", "min_interval_hours": 4.0, "max_doses_24h": 4,
             "start_at": "2026-11-27T10:00+01:00", "controlled": True, "high_alert": True},
            {"drug": "Chloramphenicol 0.5%", "dose": 1.0, "dose_unit": "drop", "route": "EYE", "side": "left",
             "frequency": "scheduled", "times": "08:00 20:00", "start_at": "2026-11-27T10:00+01:00",
             "controlled": False, "high_alert": False},
            {"drug": "Lactulose", "dose": 15.0, "dose_unit": "mL", "route": "PO", "form": "liquid",
             "strength_mg": 3335.0, "strength_ml": 5.0, "frequency": "scheduled", "times": "08:00",
             "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
            {"drug": "Sodium chloride 0.9%", "dose": 1000.0, "dose_unit": "mL", "route": "IV", "form": "infusion",
             "rate_ml_h": 125.0, "frequency": "scheduled", "times": "08:00 16:00",
             "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False},
            {"drug": "Paracetamol", "dose": 1.0, "dose_unit": "g", "route": "PO", "frequency": "once",
             "start_at": "2026-11-28T03:00+01:00", "controlled": False, "high_alert": False, "telephone_order": True,
             "prescriber": "Dr Benali", "read_back": True, "countersigned": False},
            {"drug": "Donepezil", "dose": 5.0, "dose_unit": "mg", "route": "PO", "frequency": "scheduled",
             "times": "20:00", "start_at": "2026-11-27T10:00+01:00", "controlled": False, "high_alert": False,
             "covert": True, "covert_how": "In yoghurt; tablets crushed", "covert_decided_at": at,
             "covert_decided_by": "Dr Benali, best-interests meeting", "covert_pharmacist": "J. Martin",
             "covert_review_by": "2026-12-05T12:00+01:00"},
        ],
        "missing_patient": [
            {"noticed_at": at, "last_seen_at": at, "last_seen_where": "Day room",
             "description": "Tall, grey hair, blue dressing gown", "how": "wandered",
             "risk_factors": ["lacks_capacity", "time_critical"], "time_critical_treatment": "Insulin glargine",
             "risk": "high", "searched_at": at, "security_told_at": at, "doctor_told_at": at,
             "next_of_kin_told_at": at, "police_told_at": at, "police_reference": "PR-1234", "returned_at": at,
             "returned_where": "Car park", "returned_condition": "Cold, no injury", "reviewed_by": "Dr Benali",
             "reviewed_at": at, "police_told_found_at": at},
            {"noticed_at": at, "last_seen_at": at, "last_seen_where": "Bed 12", "description": "Jeans", "risk": "low"},
        ],
        "falls_risk": [
            {"assessed_at": at, "why": "age_65", "factors": ["previous_falls", "fear", "mobility", "continence",
                                                             "cognition", "night_confusion", "vision", "medicines",
                                                             "footwear", "feet"],
             "walking_aid": "Frame", "mobility_plan": "Physiotherapy", "previous_falls_plan": "Supervise",
             "fear_plan": "Reassure", "continence_plan": "Toileting plan", "cognition_plan": "4AT",
             "vision_plan": "Glasses on", "medicines_plan": "Dr Benali", "feet_plan": "Own shoes",
             "lying_systolic": 150, "lying_diastolic": 80, "standing_1_systolic": 130, "standing_1_diastolic": 76,
             "standing_3_systolic": 116, "standing_3_diastolic": 68, "symptoms": True, "bed_rails": "used",
             "bed_rails_reason": "Asked by the patient", "call_bell": True, "bed_low": True,
             "information_given": True, "other_plan": "Night light", "medicines_reviewed_by": "Dr Benali",
             "medicines_reviewed_at": at,
             "medicines_review_outcome": ["stopped_or_reduced", "fluids", "falls_clinic", "cardiology"],
             "medicines_stopped_which": "Zopiclone"},
            {"assessed_at": at, "why": "higher_risk", "unable_to_stand": True, "lying_systolic": 125,
             "lying_diastolic": 72, "sitting_systolic": 120, "sitting_diastolic": 70, "bed_rails": "not_used", "bed_rails_reason": "Mobile", "call_bell": False,
             "medicines_reviewed_by": "Dr Benali", "medicines_reviewed_at": at, "medicines_review_outcome": ["no_change"],
             "no_change_why": "Drop on symptoms alone, fluids adequate"},
        ],
        "swallow_screen": [
            {"screened_at": at, "screened_by": "Hélène Lefèvre", "reason": "stroke", "alert_upright": True,
             "cough_on_request": True, "controls_saliva": True, "teaspoons": "no_sign", "glass": "sign",
             "signs": ["cough", "wet_voice"], "outcome": "fail", "slt_referral": "made", "slt_referred_at": at,
             "doctor_told_at": at, "slt_assessed_at": at, "slt_outcome": "oral", "food_level": "4",
             "drink_level": "2", "tablets": "crushed", "slt_plan": "Supervised meals, sitting upright"},
            {"screened_at": at, "screened_by": "Hélène Lefèvre", "reason": "new_dysphagia", "alert_upright": True,
             "cough_on_request": True, "controls_saliva": True, "teaspoons": "no_sign", "glass": "no_sign",
             "outcome": "pass_with_advice", "food_level": "6", "drink_level": "1", "tablets": "pharmacist",
             "slt_referral": "not_yet"},
            {"screened_at": at, "screened_by": "Hélène Lefèvre", "reason": "reduced_consciousness",
             "alert_upright": False, "cough_on_request": True, "controls_saliva": True, "outcome": "fail",
             "slt_referral": "not_yet"},
        ],
        "capacity_assessment": [
            {"assessed_at": at, "assessed_by": "Dr Benali", "assessor_role": "doctor", "decision": "treatment",
             "decision_detail": "Hip fracture fixation", "impairment": True, "impairment_what": "Delirium",
             "understands": True, "understands_how": "Told it back", "retains": False, "retains_how": "Forgot",
             "weighs": False, "weighs_how": "Could not weigh it", "communicates": True, "communicates_how": "Said so",
             "steps_taken": "Daughter present, glasses on", "outcome": "lacks", "can_wait": False,
             "consulted": ["family", "lpa", "pharmacist"], "consulted_names": "Daughter", "imca": "not_needed",
             "wishes": "Wants to walk again", "least_restrictive": "Operation; no restraint",
             "decision_made": "Operation in her best interests", "review_by": "2026-12-05T12:00+01:00"},
            {"assessed_at": at, "assessed_by": "Dr Benali", "assessor_role": "nurse", "decision": "other",
             "decision_detail": "Bed rails", "impairment": True, "impairment_what": "Dementia", "understands": False,
             "understands_how": "Could not say why", "retains": False, "retains_how": "Forgot", "weighs": False,
             "weighs_how": "No", "communicates": False, "communicates_how": "No words", "steps_taken": "Pictures",
             "outcome": "lacks", "can_wait": True, "review_by": "2026-12-05T12:00+01:00"},
            {"assessed_at": at, "assessed_by": "Dr Benali", "assessor_role": "ahp", "decision": "discharge",
             "impairment": False, "outcome": "has"},
        ],
        # The times told and referred in a variant of their own: a concern raised later than them
        # is refused on each of them (services.safeguarding.check), not on the time raised.
        "safeguarding_concern": [
            {"raised_at": at, "raised_by": "Hélène Lefèvre", "raiser_role": "nurse", "about": "patient",
             "adult_or_child": "adult", "categories": ["physical", "neglect"], "seen_or_said": "Bruised arms",
             "dependants": True, "dependants_detail": "Grandson, 6: his mother has him", "immediate_danger": True,
             "police_called": True, "actions_taken": "Body map", "consent": "given"},
            {"raised_at": at, "raised_by": "Hélène Lefèvre", "raiser_role": "doctor", "about": "connected_adult",
             "about_name": "Jean Martin, 80", "about_relation": "Husband, she cares for him",
             "adult_or_child": "adult", "categories": ["financial"], "seen_or_said": "“He has no food”",
             "dependants": False, "immediate_danger": True, "police_called": False,
             "no_police_reason": "Neighbour with him, GP visiting", "actions_taken": "Neighbour phoned",
             "consent": "refused", "share_reasons": ["vital_interests"], "team_told_at": at,
             "team_told_who": "M. Petit", "referral_decision": "referred", "referral_at": at,
             "referral_by": "Hélène Lefèvre",
             "referral_ref": "AS123", "police_told_at": at, "police_ref": "P-9", "person_told": "not_told",
             "person_not_told_why": "It would put her at risk"},
            {"raised_at": at, "raised_by": "Hélène Lefèvre", "raiser_role": "nurse", "about": "connected_child",
             "about_name": "Emma Martin, 6", "about_relation": "Granddaughter", "adult_or_child": "child",
             "categories": ["neglect"], "seen_or_said": "Left alone", "child_view": "“Papi is cross”",
             "dependants": False, "immediate_danger": False, "actions_taken": "Neighbour phoned",
             "team_told_at": at, "team_told_who": "M. Petit", "referral_decision": "not_referred",
             "not_referred_why": "Threshold not met: early help offered"},
        ],
        "alcohol_withdrawal": [
            {"checked_at": at, **dict.fromkeys(("nausea", "tremor", "sweats", "anxiety", "agitation", "tactile",
                                                "auditory", "visual", "headache"), "4"), "orientation": "2",
             "seizure": False, "consciousness_falling": False, "dose_given": True, "dose_given_at": at,
             "doctor_told": "Dr Benali", "doctor_told_at": at, "notes": "Chlordiazepoxide 20 mg on the MAR"},
            {"checked_at": at, "unable_to_assess": "drowsy", "seizure": False, "consciousness_falling": True,
             "doctor_told": "Dr Benali", "doctor_told_at": at, "chart_stopped": True, "stopped_by": "Dr Benali"},
        ],
        "enhanced_observation": [
            {"kind": "decision", "noted_at": at, "decision": "set", "level": "intermittent", "interval_minutes": "30",
             "risks": ["falls", "lines"], "decided_by": "Hélène Lefèvre", "decider_role": "registered_nurse",
             "review_by": "2026-11-29T08:00+01:00", "told": "Told her son", "restrictions": ["bed_rails", "medicines"],
             "supervised": True, "not_free_to_leave": True, "lacks_capacity": True, "urgent_granted_at": at,
             "urgent_ends_at": "2026-12-01T12:00+01:00", "urgent_reasons": "Pulls out her lines, cannot weigh why",
             "standard_requested_at": at, "extended_until": "2026-12-08T12:00+01:00", "standard_granted_at": at},
            {"kind": "decision", "noted_at": at, "decision": "changed", "level": "arms_length", "two_staff": True,
             "risks": ["self_harm"], "decided_by": "Dr Benali", "decider_role": "doctor",
             "review_by": "2026-11-28T20:00+01:00", "told": "Told him why", "supervised": False,
             "not_free_to_leave": False},
            {"kind": "decision", "noted_at": at, "decision": "stopped", "decided_by": "Hélène Lefèvre",
             "decider_role": "nurse_in_charge", "told": "Told her", "stopped_reason": "Settled"},
            {"kind": "entry", "noted_at": at, "where": "bed", "state": "settled", "doing": "Lying awake",
             "behaviour": "Calme", "engagement": "Talked",
             "observer": "Aïcha Benali", "handed_to": "Marc Petit"},
        ],
        "medication_administration": [
            {"order": order, "scheduled_for": "2026-11-28T08:00+01:00", "outcome": "given", "given_at": at,
             "dose_given": 1.0, "route": "IV", "site": "Left forearm", "witness": "doctor",
             "overrides": [{"check": "allergy", "reason": "Tolerated before"}]},
            {"order": order, "outcome": "not_given", "given_at": at, "not_given_reason": "other",
             "not_given_detail": "Line tissued"},
            {"order": order, "scheduled_for": "2026-11-28T08:00+01:00", "outcome": "given",
             "given_at": "2026-11-28T08:05+01:00", "dose_given": 1.0, "route": "IV", "transcribed": True,
             "paper_reference": "MAR sheet 2, night 01/12",
             "overrides": [{"check": "allergy", "reason": "Tolerated before"}]},
        ],
        "theatre_session": [{"theatre": "T2", "specialty": "Orthopaedics", "starts_at": f"{MONDAY}T08:00+01:00",
                             "ends_at": f"{MONDAY}T13:00+01:00"}],
        "operation_booking": [{**_booking(session_id, "11:30", 60), "diagnosis": "Gallstones",
                               "notes": "Latex allergy", "ehr_booking_id": "OP-1", "anaesthetic": "general",
                               "asa": "asa3", "day_case": False, "equipment": "Image intensifier",
                               "cancer_pathway": "days_31", "cancer_target": "2026-12-04"}],
        "operation_cancellation": [{"booking": booked, "cancelled_at": "2026-11-28T09:00+01:00",
                                    "reason": "information_system", "last_minute": True, "patient_told": "phone",
                                    "told_by": "Nurse Petit", "notes": "Network down"},
                                   {"booking": booked, "cancelled_at": "2026-11-28T09:00+01:00",
                                    "reason": "patient_declined", "declined": "date", "last_minute": False,
                                    "patient_told": "in_person"}],
        "operation_rebooking": [
            {"booking": cancelled, "outcome": "rebooked", "session": session_id,
             "planned_start": f"{MONDAY}T11:30+01:00", "decided_at": at, "reason": "First free slot"},
            {"booking": cancelled, "outcome": "transferred", "other_hospital": "CHU Sud", "decided_at": at,
             "patient_told": "letter", "told_at": at, "told_by": "Secrétariat Dr Lefèvre"},
        ],
        "operation_done": [{"booking": past, "done_at": "2026-11-28T09:05+01:00", "theatre": "T1",
                            "notes": "Began late"}],
        "clinical_note": [{"written_at": at, "discipline": "nursing", "focus": "Pain",
                           "note": "Pain 7/10 at the wound: morphine 5 mg SC given, 3/10 an hour later.",
                           "written_by": "Hélène Lefèvre"}],
        "fluid_balance": [{"measured_at": at, "route": "in_iv", "volume": 1000, "what": "Sodium chloride 0.9 % bag 1"},
                          {"measured_at": at, "route": "out_urine", "volume": 0}],
        "neuro_observations": [{"taken_at": at, "eyes": "3", "verbal": "4", "motor": "6", "pupil_left_size": 3,
                                "pupil_left_reaction": "brisk", "pupil_right_size": 4, "pupil_right_reaction": "sluggish",
                                "arm_left": "normal", "arm_right": "mild", "leg_left": "normal", "leg_right": "severe",
                                "next_set_in": "30", "notes": "Dr Benali told"},
                               {"taken_at": at, "eyes": "not_testable", "verbal": "not_testable", "motor": "1",
                                "next_set_in": "240"},
                               {"taken_at": at, "eyes": "4", "verbal": "5", "motor": "6", "next_set_in": "stopped",
                                "stopped_by": "Dr Benali", "doctor_told": "Dr Benali", "doctor_told_at": at}],
        "blood_transfusion": [
            {"component": "red_cells", "unit_number": "F0734 26 118057", "unit_group": "o_neg", "patient_group": "o_pos",
             "use_by": "2026-12-20T23:59+01:00", "identity_checked": True, "abo_card": "compatible",
             "second_checker": "Paul Martin", "started_at": at, "notes": "Over 2 hours"},
            {"component": "platelets", "unit_number": "G0001 26 123456", "unit_group": "ab_pos", "patient_group": "not_known",
             "rhd_agreed": True, "identity_checked": True, "use_by": "2026-12-20T23:59+01:00",
             "abo_card": "not_used", "started_at": at},
            {"component": "plasma", "unit_number": "G0001 26 654321", "unit_group": "a_pos", "patient_group": "not_known",
             "group_a_agreed": True, "identity_checked": True, "use_by": "2026-12-20T23:59+01:00", "started_at": at},
            {"component": "platelets", "unit_number": "G0001 26 000042", "unit_group": "o_neg",
             "patient_group": "not_known",
             "group_o_agreed": True, "identity_checked": True, "use_by": "2026-12-20T23:59+01:00", "abo_card": "not_used",
             "started_at": at}],
        "blood_order": [
            {"ordered_at": at, "component": "red_cells", "units": 2, "each_over": "2 hours",
             "requirements": ["irradiated", "cmv_negative"], "indication": "Hb 68 g/L, breathless"},
            {"ordered_at": at, "component": "plasma", "units": 4, "each_over": "30 minutes",
             "indication": "INR 3.1 before surgery"}],
        "transfusion_end": [
            {"unit": unit, "ended_at": at, "outcome": "completed", "volume": 285, "reaction": False},
            {"unit": unit, "ended_at": at, "outcome": "stopped_other", "reaction": True, "signs": ["fever", "other"],
             "doctor_told": True, "doctor_name": "Dr Benali", "doctor_told_at": at, "doctor_acknowledged": True,
             "blood_bank_told": False, "notes": "Line tissued"},
            {"unit": unit, "ended_at": at, "outcome": "stopped_reaction", "volume": 40, "signs": ["breathless"],
             "doctor_told": True, "doctor_name": "Dr Benali", "doctor_told_at": at, "doctor_acknowledged": True,
             "blood_bank_told": True}],
        "fluid_plan": [
            {"decided_at": at, "kind": "restriction", "volume": 1500, "decided_by": "Dr Benali",
             "notes": "Insuffisance cardiaque"},
            {"decided_at": at, "kind": "lifted", "decided_by": "Dr Benali"}],
        "observation_plan": [
            {"decided_at": at, "decided_by": "Dr Benali", "escalation": "comfort", "frequency": "twelve_hourly",
             "discussed_with": "Sa fille", "cpr_reason": "Décision de non-RCP sur le dossier papier",
             "notes": "Soins de confort"}],
        "lab_request": [
            {"taken_at": at, "urgency": "urgent", "tests": ["electrolytes", "other"], "other_tests": "Magnésium",
             "sample_number": "B26-118842", "requested_by": "Dr Benali", "notes": "Garrot < 1 min"},
            {"taken_at": at, "urgency": "routine", "tests": ["blood_cultures"]},
            {"taken_at": at, "urgency": "urgent", "tests": ["fbc", "group_screen"], "taken_by": "Paul Martin",
             "identified_at_bedside": True, "group_sample": "first_sample"},
            {"taken_at": at, "urgency": "urgent", "tests": ["drug_level"], "level_drug": "Gentamicine",
             "level_timing": "trough", "last_dose_at": at},
            {"taken_at": at, "urgency": "urgent", "tests": ["crp"], "outcome": "rejected",
             "rejected_because": "haemolysed", "closed_by": "Mme Roux, biochimie", "closed_at": at}],
        "lab_result": [
            {"received_at": at, "received_by": "telephone", "test": "Potassium", "result": "6.8", "units": "mmol/L",
             "range": "3.5–5.3", "flag": "critical", "sample_taken_at": at, "lab_number": "B26-118842",
             "caller": "Mme Roux, biochimie", "read_back": True, "told": "Dr Benali", "told_at": at,
             "acknowledged": True, "action": "ECG; gluconate de calcium"},
            {"received_at": at, "received_by": "paper", "test": "Blood culture", "result": "No growth at 48 hours",
             "flag": "normal"},
            {"received_at": at, "received_by": "paper", "test": "Magnesium", "result": "0.8", "flag": "normal",
             "request": sample, "gives": ["other"]}],
        "repositioning": [
            {"turned_at": at, "position": "left", "skin": "intact", "next_in": "2", "notes": "Matelas à air"},
            {"turned_at": at, "position": "declined", "skin": "category_1", "skin_where": "Talon gauche", "next_in": "4",
             "notes": "Douleur sacrée"}],
        "wound_care": [
            {"assessed_at": at, "wound": "Sacrum", "kind": "pressure_ulcer", "category": "2", "length_cm": 3.5,
             "width_cm": 2.0, "depth_cm": 0.2, "bed": "granulating", "exudate": "low", "infection": False,
             "dressing": "Hydrocolloïde", "next_in": "3", "notes": "Peau péri-lésionnelle saine"},
            {"assessed_at": at, "wound": "Cicatrice médiane", "kind": "surgical", "bed": "healed"}],
        "device_check": [
            {"checked_at": at, "event": "inserted", "device": "peripheral", "site": "Avant-bras gauche", "size": "20 G",
             "next_in": "8", "notes": "Posé du premier coup"},
            {"checked_at": at, "event": "checked", "device": "urinary", "site": "Urétrale",
             "inserted_at": "2026-11-26T08:00+01:00", "site_state": "clean", "still_needed": True, "next_in": "24"},
            {"checked_at": at, "event": "removed", "device": "midline", "site": "Bras droit", "vip": "2",
             "removed_why": "phlebitis"},
            {"checked_at": at, "event": "checked", "device": "nasogastric", "site": "Narine gauche", "site_state": "clean",
             "position_by": "ph", "ph": 4.5, "mark_cm": 55.0, "still_needed": True, "next_in": "8"},
            {"checked_at": at, "event": "checked", "device": "peripheral", "site": "Avant-bras droit", "vip": "0",
             "still_needed": True, "next_in": "12", "kept_why": "Capital veineux pauvre"}],
        "bowel_chart": [
            {"charted_at": at, "opened": "opened", "stool_type": "6", "amount": "large", "seen": ["blood", "mucus"],
             "doctor_told": "Dr Benali", "doctor_told_at": at, "known_cause": False, "sample_sent": True,
             "notes": "Chambre seule"},
            {"charted_at": at, "opened": "not_opened"}],
        "pain_assessment": [
            {"assessed_at": at, "scale": "numeric", "score_numeric": 7, "where": "Hanche droite, à la mobilisation",
             "action": ["analgesia", "doctor"], "reassess_in": "30", "notes": "Morphine 5 mg SC"},
            {"assessed_at": at, "scale": "algoplus", "score_algoplus": 2, "action": ["non_drug"], "reassess_in": "60"},
            {"assessed_at": at, "scale": "verbal", "score_verbal": "none", "action": ["none_needed"],
             "reassess_in": "720"},
            {"assessed_at": at, "scale": "faces", "score_faces": "6", "action": ["analgesia"], "reassess_in": "60"},
            {"assessed_at": at, "scale": "flacc", "flacc_face": "1", "flacc_legs": "0", "flacc_activity": "2",
             "flacc_cry": "1", "flacc_consolability": "0", "where": "Avant-bras gauche", "action": ["non_drug"],
             "reassess_in": "30"},
            {"assessed_at": at, "scale": "evendol", "evendol_voice": "3", "evendol_face": "2", "evendol_movements": "1",
             "evendol_positions": "0", "evendol_relation": "1", "action": ["doctor"], "reassess_in": "60"}],
        "nutrition_screening": [
            {"screened_at": at, "weight_kg": 58.5, "height_cm": 162, "weight_loss": "over_10", "acute_no_intake": True,
             "notes": "Diététicienne appelée"},
            {"screened_at": at, "weight_kg": 61.0, "height_cm": 158, "weight_loss": "under_5", "acute_no_intake": False,
             "loss_not_scored_pct": 6}],
        "delirium_screening": [
            {"screened_at": at, "alertness": "abnormal", "amt4": "two_or_more", "attention": "untestable",
             "acute_change": "yes", "doctor_told": "Dr Benali", "doctor_told_at": at,
             "notes": "Fille : confuse depuis mardi"},
            {"screened_at": at, "alertness": "normal", "amt4": "no_mistake", "attention": "seven_or_more",
             "acute_change": "not_known"}],
        "inpatient_fall": [
            {"fell_at": at, "witnessed": "found", "last_seen_well_at": at, "where": "toilet", "fracture_signs": "suspected",
             "head_injury": "not_excluded", "lost_consciousness": "not_known", "ct_signs": ["vomited", "seizure"],
             "weak_before": True, "weak_limbs": ["arm_left", "leg_left"], "anticoagulated": True,
             "injuries": "Hématome sourcilier gauche",
             "reviewed_by": "Dr Benali", "reviewed_at": at, "ct_head": "done", "ct_head_at": at,
             "ct_head_result": "Pas de saignement", "family_told": True, "incident_reported": True,
             "incident_reference": "FEI-2026-1142", "notes": "Allait seule aux toilettes"},
            {"fell_at": at, "witnessed": "witnessed", "fracture_signs": "none", "head_injury": "no",
             "anticoagulated": False}],
        "sepsis_screening": [
            {"screened_at": at, "infection": "likely", "source": "urine", "taken_at": at, "respiratory_rate": 26,
             "spo2": 93, "spo2_scale": "scale_1", "on_oxygen": True, "oxygen_flow": 2.0, "systolic_bp": 88,
             "pulse": 124, "temperature": 39.1, "consciousness": "new_confusion", "red_flags": ["lactate", "skin"],
             "oxygen_at": at, "cultures_at": at, "antibiotics_at": at, "fluids_at": at, "lactate_at": at,
             "urine_at": at, "reviewed_by": "Dr Benali", "reviewed_at": at, "notes": "Lactates 4,2 ; réanimation appelée"},
            {"screened_at": at, "infection": "unlikely", "not_needed": ["oxygen", "fluids"]}],
        "weight": [
            {"weighed_at": at, "weight_kg": 61.2, "method": "measured", "notes": "Sans chaussures"},
            {"weighed_at": at, "weight_kg": 60.0, "method": "estimated"}],
        "infusion_rate": [
            {"bag": "dose-id", "changed_at": at, "change": "rate", "rate_ml_h": 83.0, "reason": "APTT ratio 1.4",
             "overrides": [{"check": "wrong_band", "reason": "Band being replaced, identity checked aloud"}]},
            {"bag": "dose-id", "changed_at": at, "change": "stopped"}],
        "infusion_check": [
            {"bag": "dose-id", "checked_at": at, "volume_left_ml": 480.0, "pump_rate_ml_h": 125.0, "site": "red",
             "vip": "2", "line_intact": False, "pump_ok": False, "action": "Resited, pump changed, Dr Benali told"},
            {"bag": "dose-id", "checked_at": at, "volume_left_ml": 12.5, "pump_rate_ml_h": 0.7, "site": "ok",
             "line_intact": True, "pump_ok": True}],
        "vte_assessment": [
            {"assessed_at": at, "mobility": "surgical", "thrombosis_risks": ["over_60", "hip_fracture", "long_surgery"],
             "bleeding_risks": ["neuraxial_next_12h"], "prophylaxis": "mechanical", "mechanical_device": "stockings",
             "notes": "Revoir après la rachianesthésie"},
            {"assessed_at": at, "mobility": "medical_mobile", "prophylaxis": "not_needed"},
            {"assessed_at": at, "mobility": "medical_reduced", "thrombosis_risks": ["cancer"],
             "bleeding_risks": ["low_platelets"], "prophylaxis": "pharmacological",
             "bleeding_reason": "Plaquettes à 70 stables, embolie pulmonaire récente"}],
        "medicines_reconciliation": [
            {"reconciled_at": at, "reconciled_as": "pharmacist", "reconciled_by": "Inès Morel",
             "sources": ["patient", "community_pharmacy"], "home_list": "Apixaban 5 mg bd",
             # The first row, spoiled below, a medicine the pharmacy found that the admission's list
             # left out: spoiled, it leaves no line of the list undecided (reconciliation.check).
             "decisions": [{"medicine": "Amlodipine 5 mg od", "decision": "held", "reason": "BP 92/50",
                            "until": "BP over 110"},
                           {"medicine": "Apixaban", "decision": "continued"}],
             "notes": "Liste confirmée par la pharmacie d’officine"}],
        "braden_assessment": [{"assessed_at": at, "sensory": "3", "moisture": "2", "activity": "1", "mobility": "2",
                               "nutrition": "3", "friction": "1"}],
        "blood_glucose": [{"taken_at": at, "timing": "before_lunch", "reading": "value", "glucose": 3.2,
                           "glucose_unit": "mmol_l", "ketones": 0.4,
                           "action": "150 mL orange juice", "next_in": "60"},
                          {"taken_at": at, "reading": "hi", "next_in": "none"}],
        "surgical_safety_checklist": [
            {"booking": past, "checked_at": at, "led_by": "IBODE Marie Roux", "consent_confirmed": True,
             "site_marked": "yes", "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": True,
             "airway_risk": "equipment_ready", "blood_loss_risk": "no", "team_confirmed": True,
             "antibiotic_prophylaxis": "yes", "imaging_displayed": "not_applicable", "procedure_recorded": True,
             "counts_correct": "not_correct", "specimens_labelled": "yes", "equipment_problems": "Diathermy alarm",
             "notes": "One swab missing: X-ray in theatre, found"},
            {"checked_at": at, "led_by": "Dr Benali", "consent_confirmed": True, "site_marked": "not_applicable",
             "anaesthesia_checked": True, "oximeter_working": True, "allergy_known": False, "airway_risk": "no",
             "blood_loss_risk": "access_planned", "team_confirmed": True, "antibiotic_prophylaxis": "not_applicable"},
        ],
        "transfer": [{"moved_at": at, "to_ward": "ICU", "to_bed": "1", "reason": "Deterioration",
                      "handover_notes": "NEWS 7\nOn oxygen"},
                     {"moved_at": at, "to_ward": "ICU", "to_bed": "2", "reason": "Deterioration",
                      "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
                      "resuscitation_decided_at": at, "isolation": "contact",
                      "current_treatments": "Amoxicillin 1 g IV 8-hourly, last 12:00", "obs_at": at,
                      "resp_rate": 24, "spo2": 93, "spo2_scale": "scale_1", "on_oxygen": True, "oxygen_flow": 2.0,
                      "systolic": 100, "diastolic": 60, "pulse": 110, "temperature": 38.1,
                      "consciousness": "alert"}],
        "discharge": [
            {"discharged_at": at, "destination": "home", "letter_given": True, "medicines_given": True,
             "follow_up": "GP in one week"},
            {"discharged_at": at, "destination": "other", "destination_detail": "Daughter's flat",
             "letter_given": False, "medicines_given": True},
            {"discharged_at": at, "destination": "against_advice", "doctor_told": True, "risks_explained": False,
             "reason_for_stay": "Pneumonia", "decided_by": "Dr Benali", "letter_given": False,
             "medicines_given": False, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
             "resuscitation_decided_at": at},
        ],
        "paediatric_observations": [
            {"taken_at": at, "respiratory_rate": 34, "respiratory_effort": "moderate", "spo2": 93, "oxygen": "low",
             "heart_rate": 135, "systolic_bp": 105, "capillary_refill": "from_3", "temperature": 38.2,
             "consciousness": "voice", "concern": True, "next_in": "30", "notes": "Mère inquiète, interne appelé"},
            {"taken_at": at, "oxygen": "room_air", "concern": False, "next_in": "240"},
        ],
        "observations": [
            {"taken_at": at, "respiratory_rate": 22, "spo2": 95, "spo2_scale": "scale_1", "on_oxygen": True,
             "oxygen_flow": 2.0, "systolic_bp": 105, "diastolic_bp": 70, "pulse": 115, "consciousness": "alert",
             "temperature": 38.3, "notes": "Outreach team called"},
            {"taken_at": at, "spo2_scale": "scale_2", "scale_2_prescribed_by": "Dr Benali",
             "scale_2_prescribed_at": at, "on_oxygen": False},
        ],
        "death": [{**death_answers(at), "verified_by": "Dr Benali", "expected": True, "family_informed": False,
                   "notes": "Peaceful"},
                  {**death_answers(at), "verified_by": "Dr Benali", "expected": False, "family_informed": True,
                   "referred_to_coroner": True, "certificate_done": False, "implanted_device": "present",
                   "implanted_detail": "Pacemaker, left chest", "isolation": "contact"}],
        "transfer_out": [{
            "departed_at": at, "receiving_hospital": "CHU Sud", "receiving_unit": "Réanimation, 01 23 45 67 89",
            "receiving_clinician": "Dr Petit", "transport_mode": "mobile_icu", "escort": "doctor",
            "situation": "Respiratory failure", "background": "COPD", "condition": "unstable",
            "assessment": "Needs ventilation", "recommendation": "Admit to ICU",
            "current_treatments": "Amoxicillin 1 g IV 8-hourly, last 12:00", "devices": ["peripheral_iv", "oxygen"],
            "allergies_checked": True, "resuscitation": "dnacpr", "resuscitation_decided_by": "Dr Benali",
            "resuscitation_decided_at": at, "isolation": "droplet", "obs_at": at,
            "resp_rate": 28, "spo2": 89, "on_oxygen": True,
            "oxygen_flow": 4.0, "systolic": 95, "diastolic": 60, "pulse": 110, "temperature": 38.4, "consciousness": "alert",
            "documents_sent": ["admission_record", "medication_chart"], "handed_over_to": "Dr Petit"}],
    }[form_id]


@dataclass(frozen=True)
class Target:
    """One field to spoil: a top-level field, or a field of the first row of a repeat group."""

    form_id: str
    field: Any
    repeat: RepeatField | None = None

    @property
    def path(self) -> str:
        return f"{self.repeat.id}[1].{self.field.id}" if self.repeat else self.field.id

    def __str__(self) -> str:
        return f"{self.form_id}.{self.path}"


def targets(form_id: str) -> list[Target]:
    found = []
    for field in FORMS[form_id].fields():
        found.append(Target(form_id, field))
        if isinstance(field, RepeatField):
            found.extend(Target(form_id, sub, field) for sub in field.fields)
    return found


ALL_TARGETS = [target for form_id in sorted(FORMS) for target in targets(form_id)]


def test_every_form_and_every_field_kind_is_covered(forms, admission_values):
    """The strategies above know every kind the forms use, and each form's starting values are
    valid in every variant, so a refusal below is caused by the spoiled field alone."""
    assert set(FORMS) == set(forms)
    kinds = {type(target.field) for target in ALL_TARGETS}
    assert kinds == {TextField, LongTextField, IntegerField, DecimalField, DateField, DateTimeField, ChoiceField,
                     MultiChoiceField, YesNoField, RecordRefField, StaffRefField, RepeatField}
    for form_id, spec in FORMS.items():
        for values in base_variants(form_id, None, admission_values):
            assert validate(spec, relevant_values(spec, values), "en", NOW) == [], form_id
        for target in targets(form_id):
            _start(target, admission_values, None)


def _start(target: Target, admission: dict[str, Any], ward: Ward | None) -> dict[str, Any]:
    """The first variant in which the target field is asked (relevant) and present."""
    spec = FORMS[target.form_id]
    weight, confirmed = spec.by_meaning(Meaning.WEIGHT), spec.by_meaning(Meaning.WEIGHT_CONFIRMED)
    for values in base_variants(target.form_id, ward, admission):
        outer = target.repeat or target.field
        if outer.relevant is None or holds(outer.relevant, values):
            if target.repeat is None or values.get(target.repeat.id):
                # The weight confirmed as typed: a newborn's edge date of birth is judged here,
                # not the question an unusual weight for the age asks (tests/test_weight_check.py).
                if weight and confirmed and values.get(weight.id) is not None:
                    return {**values, confirmed.id: values[weight.id]}
                return values
    raise AssertionError(f"no starting values ask {target} in {spec.id}")


def _spoil(target: Target, start: dict[str, Any], value: Any) -> dict[str, Any]:
    if target.repeat is None:
        return {**start, target.field.id: value}
    rows = [dict(row) for row in start[target.repeat.id]]
    rows[0][target.field.id] = value
    return {**start, target.repeat.id: rows}


def _row(target: Target, start: dict[str, Any]) -> dict[str, Any] | None:
    """A valid row of a repeat group, for spoiling the group's list of rows."""
    return start[target.field.id][0] if isinstance(target.field, RepeatField) else None


_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {}


def _strategy(target: Target, start: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Built once per field: building a strategy costs more than drawing from it."""
    if str(target) not in _STRATEGIES:
        _STRATEGIES[str(target)] = hostile(target.field, _row(target, start))
    return _STRATEGIES[str(target)]


# --- what counts as a right answer -----------------------------------------------------------

def same(a: Any, b: Any) -> bool:
    """Equal and of the same JSON type all the way down (True is not 1, 1.0 is not 1, -0.0 is not 0.0)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return math.copysign(1, a) == math.copysign(1, b) and a == b
    return type(a) is type(b) and a == b


# Rules between fields that the form checks in code, not in its conditions: an unidentified
# patient's identity cannot be validated; no stockings after an acute stroke or with a reason
# against them ticked (services.vte.check); a medicine the app knows as a controlled drug, a
# high-alert or a time-critical one ("ketamine", which hypothesis may spell from the code's own
# words) is refused on that box while the order says it is not one (services.medication).
CODED_DEPENDENTS = {"glucose_unit": {"glucose"}, "unidentified": {"identity_status"}, "bleeding_risks": {"mechanical_device"},
                    "against_stockings": {"mechanical_device"}, "drug": {"controlled", "high_alert", "time_critical"},
                    "arrival_at": {"birth_date"},
                    # A reconciliation's list asks a decision of each of its medicines (services.reconciliation).
                    "home_list": {"decisions"},
                    # An antibiotic's review date and stop are weighed from its start (72 hours, 14 days).
                    "start_at": {"review_at", "stop_at"},
                    # A dose in g far above the most whose number is a dose in mg: the unit is the slip ("Did you mean 121 mg?").
                    "dose": {"dose_unit"},
                    # A missing patient's actions and return are refused before they were noticed
                    # missing, and the review and the police told the patient is found before the
                    # return (domain.missing_patient).
                    "noticed_at": {"searched_at", "security_told_at", "doctor_told_at", "next_of_kin_told_at",
                                   "police_told_at", "returned_at"},
                    "returned_at": {"reviewed_at", "police_told_found_at"},
                    # A falls-risk assessment's diastolic must be below its systolic, and a standing
                    # reading is refused with "unable to stand" (services.falls_risk.check).
                    **{f"{pair}_systolic": {f"{pair}_diastolic"} for pair in ("lying", "standing_1", "standing_3",
                                                                               "sitting")},
                    "unable_to_stand": {f"standing_{minutes}_{part}" for minutes in (1, 3)
                                        for part in ("systolic", "diastolic")},
                    # A swallow screen cannot be passed after a No before the water or a sign at the
                    # water, nor its referral, doctor told or SLT's assessment be before it
                    # (services.swallow_screen.check).
                    **dict.fromkeys(("alert_upright", "cough_on_request", "controls_saliva", "teaspoons", "glass"),
                                    {"outcome"}),
                    "screened_at": {"slt_referred_at", "doctor_told_at", "slt_assessed_at"},
                    # A capacity assessment's outcome must be the one its two stages give, and an
                    # IMCA "not needed" needs family, a carer, an attorney or a deputy consulted
                    # (services.capacity.check).
                    **dict.fromkeys(("impairment", "understands", "retains", "weighs", "communicates"), {"outcome"}),
                    "consulted": {"imca"},
                    # An alcohol withdrawal check not scored, or recording consciousness falling, refuses
                    # a symptom-triggered dose, and a dose is refused before its check
                    # (services.alcohol_withdrawal.check).
                    "unable_to_assess": {"dose_given"}, "consciousness_falling": {"dose_given"},
                    "checked_at": {"dose_given_at"},
                    # An enhanced observation's review not before it, a review or a stop of a
                    # level standing at its time; an urgent DoLS authorisation only with the acid
                    # test met and capacity lacking, ending within 7 days, extended within 7 days of
                    # its end once the standard one is requested; none under 18
                    # (services.enhanced_observation.check).
                    "noted_at": {"review_by", "decision", "urgent_granted_at", "standard_requested_at",
                                 "extended_until", "standard_granted_at"},
                    **dict.fromkeys(("supervised", "not_free_to_leave", "lacks_capacity"), {"urgent_granted_at"}),
                    "urgent_granted_at": {"extended_until", "urgent_ends_at"},
                    "urgent_ends_at": {"extended_until"}, "standard_requested_at": {"extended_until"}}


def _dependents(fields: list[Any], name: str) -> set[str]:
    """Fields whose rules look at `name`: changing it may rightly make them required (or refuse
    their answer, as a decision to operate after the planned start it now follows)."""
    return CODED_DEPENDENTS.get(name, set()) | {
        field.id for field in fields for condition in (field.relevant, field.required_when) if condition is not None
        if name in set(condition_fields(condition))} | {
        field.id for field in fields if getattr(field, "not_after", None) == name}


@cache
def _allowed_paths(form_id: str, repeat_id: str | None, field_id: str) -> frozenset[str]:
    """The paths an error may name when only the field (of the first row of `repeat_id`) was
    spoiled; worked out once a field, as each of its thousands of refusals asks."""
    spec = FORMS[form_id]
    if repeat_id is None:
        return frozenset({field_id} | _dependents(list(spec.fields()), field_id))
    prefix = f"{repeat_id}[1]."
    return frozenset({prefix + field_id} | {prefix + name for name in _dependents(spec.field(repeat_id).fields,
                                                                                    field_id)})


def _label_at(spec: FormSpec, path: str) -> str:
    """The English label of the field a path points to (an unknown name labels itself)."""
    head, _, rest = path.partition("[")
    try:
        field = spec.field(head)
    except KeyError:
        return head
    if rest:
        name = rest.split(".", 1)[1]
        return next((sub.label.en for sub in field.fields if sub.id == name), name)
    return field.label.en


def check_refusal(target: Target, errors: list[Any]) -> None:
    """Every error is about the spoiled field (or a field its answer governs), or about a field
    the spoiled field's own refusal points to (a late pain line's "answer Yes to “Typed from the
    paper chart”", marked on that question too), and names it."""
    spec = FORMS[target.form_id]
    allowed = _allowed_paths(target.form_id, target.repeat.id if target.repeat else None, target.field.id)
    outer = (target.repeat or target.field).id
    assert errors, "a refusal without a reason"
    pointed = " ".join(error.message for error in errors if error.path in allowed)
    for error in errors:
        assert error.path in allowed or error.path.startswith(f"{outer}[") or (
            f"“{_label_at(spec, error.path)}”" in pointed), (target, error)
        assert _label_at(spec, error.path) in error.message, (target, error)


# Ward rules that may refuse a value the form itself accepts; the message says why.
_NOT_IN = "not in hospital at that time"
_NO_SLOT = "does not fit in the session|clashes|theatre session is not on the lists"
_SESSION_TAKEN = "already has a session"
_SESSION_HOURS = f"{_SESSION_TAKEN}|End: a session must end after it starts"
RULE_REFUSALS = {
    ("transfer", "moved_at"): _NOT_IN, ("discharge", "discharged_at"): _NOT_IN,
    ("death", "died_at"): _NOT_IN, ("transfer_out", "departed_at"): _NOT_IN,
    ("observations", "taken_at"): f"Date and time taken: this patient is {_NOT_IN}",
    # A child's chart at a time the boy was 16 or more (a date years on) is NEWS2's.
    ("paediatric_observations", "taken_at"): f"Date and time taken: this patient (is {_NOT_IN}|was \\d+ then)",
    ("clinical_note", "written_at"): f"Date and time: this patient is {_NOT_IN}",
    ("medicines_reconciliation", "reconciled_at"): f"Date and time reconciled: this patient is {_NOT_IN}",
    ("fluid_balance", "measured_at"): f"Date and time: this patient is {_NOT_IN}",
    ("neuro_observations", "taken_at"): f"Date and time taken: this patient is {_NOT_IN}",
    ("blood_glucose", "taken_at"): f"Date and time taken: this patient is {_NOT_IN}",
    ("blood_transfusion", "started_at"): f"Started at: this patient is {_NOT_IN}",
    ("transfusion_end", "ended_at"): f"Ended at: this patient is {_NOT_IN}",
    ("blood_order", "ordered_at"): f"Prescribed at: this patient is {_NOT_IN}",
    ("lab_request", "taken_at"): f"Date and time taken: this patient is {_NOT_IN}",
    ("fluid_plan", "decided_at"): f"Decided at: this patient is {_NOT_IN}",
    ("observation_plan", "decided_at"): f"Decided at: this patient is {_NOT_IN}",
    ("repositioning", "turned_at"): f"Date and time: this patient is {_NOT_IN}",
    ("braden_assessment", "assessed_at"): f"Date and time assessed: this patient is {_NOT_IN}",
    ("wound_care", "assessed_at"): f"Date and time: this patient is {_NOT_IN}",
    ("device_check", "checked_at"): f"Date and time: this patient is {_NOT_IN}",
    ("pain_assessment", "assessed_at"): f"Date and time: this patient is {_NOT_IN}",
    ("bowel_chart", "charted_at"): f"Date and time: this patient is {_NOT_IN}",
    ("nutrition_screening", "screened_at"): f"Date and time screened: this patient is {_NOT_IN}",
    ("delirium_screening", "screened_at"): f"Date and time screened: this patient is {_NOT_IN}",
    ("vte_assessment", "assessed_at"): f"Date and time assessed: this patient is {_NOT_IN}",
    ("inpatient_fall", "fell_at"): f"When the patient fell or was found: this patient is {_NOT_IN}",
    ("sepsis_screening", "screened_at"): f"Date and time screened: this patient is {_NOT_IN}",
    ("swallow_screen", "screened_at"): f"Screened at: this patient is {_NOT_IN}",
    ("falls_risk", "assessed_at"): f"Assessed at: this patient is {_NOT_IN}",
    ("capacity_assessment", "assessed_at"): f"Assessed at: this patient is {_NOT_IN}",
    ("alcohol_withdrawal", "checked_at"): f"Date and time checked: this patient is {_NOT_IN}",
    ("enhanced_observation", "noted_at"): f"Date and time: this patient is {_NOT_IN}",
    ("safeguarding_concern", "raised_at"): f"Concern raised at: this patient is {_NOT_IN}",
    ("weight", "weighed_at"): f"Date and time weighed: this patient is {_NOT_IN}",
    ("infusion_rate", "changed_at"): f"Time changed: this patient is {_NOT_IN}",
    ("infusion_check", "checked_at"): f"Time checked: this patient is {_NOT_IN}",
    ("operation_booking", "planned_start"): _NO_SLOT, ("operation_booking", "expected_minutes"): _NO_SLOT,
    ("operation_booking", "session"): _NO_SLOT, ("operation_rebooking", "session"): _NO_SLOT,
    ("operation_rebooking", "planned_start"): _NO_SLOT,
    ("operation_rebooking", "decided_at"): "must come after the cancellation it answers",
    ("operation_rebooking", "told_at"): "Told at: the patient cannot be told before the new date was decided",
    ("operation_cancellation", "told_at"): "Told at: the patient cannot be told of the cancellation before it was "
                                           "decided",
    ("operation_cancellation", "cancelled_at"): "Cancelled at: this is before the decision to operate",
    # A cancellation naming another date than the one standing (operation_cancellation version 3:
    # its start, and the rebooking that placed it).
    ("operation_cancellation", "slot_start"): "^Since this cancellation was opened, the operation has moved",
    ("operation_cancellation", "rebooking"): "^Since this cancellation was opened, the operation has moved",
    ("theatre_session", "theatre"): _SESSION_TAKEN, ("theatre_session", "starts_at"): _SESSION_HOURS,
    ("theatre_session", "ends_at"): _SESSION_HOURS,
    ("operation_cancellation", "booking"): "no standing booking", ("operation_rebooking", "booking"): "no standing booking",
    ("operation_done", "booking"): "no standing booking",
    # Done at in no list of the theatre typed names the time and the theatre's lists (G5).
    ("operation_done", "done_at"): "Done at: this is before the decision to operate|^No list of theatre .* was running at",
    ("medication_order", "start_at"): "“Stop \\(leave empty if ongoing\\)” is before “Start”",
    ("medication_order", "stop_at"): "“Stop \\(leave empty if ongoing\\)” is before “Start”",
    # A doctor signed in writes no telephone order; a nurse's says it was read back, and is not
    # countersigned by her (services.telephone_orders).
    ("medication_order", "telephone_order"): "“Telephone order: taken by a nurse from the prescriber”: you are signed in "
                                             "as a doctor",
    ("medication_order", "read_back"): "“Read back to the prescriber, who confirmed it”: read the order back",
    ("medication_order", "countersigned"): "“Countersigned by a doctor”: only a doctor",
    # Set by "Prescribe again…" alone: any other answer is no order of an earlier stay of the patient's.
    ("medication_order", "continues"): "^no standing medication order .* of this patient$",
    # Amoxicillin above its usual (12 g in 24 h for an adult, domain/dose_limits.py) asks the
    # prescriber why (services.medication.DoseReasonNeeded), naming the medicine and its limit.
    ("medication_order", "dose"): "^Amoxicillin: .*(in one dose|in 24 h)",
    # The saline's rate above twice an adult's maintenance for the patient's 61.5 kg (153.8 mL/h:
    # domain/adult_fluids.py) asks the prescriber why, naming the rate and the maintenance.
    ("medication_order", "rate_ml_h"): "^[0-9.]+ mL/h is [0-9]+ mL a day, above 2 times an adult's routine maintenance "
                                       "for 61.5 kg",
    # The standard patient's penicillin allergy: amoxicillin without the prescriber's reason.
    ("medication_order", "allergy_reason"): "Amoxicillin matches the patient's recorded allergy: Penicillin. .*“Prescribed "
                                             "despite the recorded allergy \\(reason\\)”",
}


# --- the properties ---------------------------------------------------------------------------

def submit(ward: Ward, target: Target, start: dict[str, Any], value: Any) -> tuple[str, str | None]:
    """Save the spoiled form through the records service and judge the outcome; returns it
    with the id of the record saved, if one was."""
    form_id = target.form_id
    spec = FORMS[form_id]
    values = _spoil(target, start, value)
    session = ward.sessions[_author(form_id, start, values)]
    # The patient leaving is the boy: the ward's patient has a unit of blood running, which a
    # discharge, a death or a transfer out is refused for until its end is recorded.
    leaving = spec.movement is not None and leaves_hospital(spec.movement)
    patient = ((ward.child if spec.under_years or leaving else ward.patient)
               if spec.about_patient and not spec.creates_patient else None)
    try:
        # What is judged here is the form and the storage of each value; a dose's own service
        # checks (safety, witness, register) have their tests in test_medication_service.py.
        # An answer only an amendment gives (Section.amending) is given by amending the record,
        # in one transaction with its saving: a refused amendment takes the record back too (an
        # admission left standing took its bed from the next example's).
        # Only those the record keeps: one hidden by its rule (a review's time with no reviewer)
        # is dropped, and an amendment giving nothing else was refused as changing nothing.
        kept = relevant_values(spec, values)
        later = {field.id for section in spec.sections if section.amending for field in section.fields
                 if kept.get(field.id) not in (None, "", [])}
        with session.db.atomic():
            saved = records.save_new(session, form_id, {key: value for key, value in values.items() if key not in later},
                                     patient_id=patient, checked_by_service=form_id in records.CHECKED_BY_THEIR_SERVICE)
            if later:
                saved = records.amend(session, saved.record_id, values, "bad-input test")
    except ValidationFailed as refused:
        check_refusal(target, refused.errors)
        return "refused", None
    except ServiceError as refused:
        rule = RULE_REFUSALS.get((form_id, target.path))
        assert rule and re.search(rule, str(refused)), f"refused without naming the field: {refused}"
        records.checked_values(session, form_id, values)  # only a well-formed value meets a ward rule
        return "ward rule", None
    stored = records.current(session.db, saved.record_id).data
    assert same(stored, relevant_values(spec, values)), f"stored as {stored.get(target.path)!r}"
    return "saved", saved.record_id


class _Undo(Exception):
    """Raised inside a transaction to roll back a judged submission."""


def submit_and_undo(ward: Ward, target: Target, start: dict[str, Any], value: Any) -> str:
    """`submit` inside a transaction that is then rolled back, so the ward is the same for the
    next value (thousands of saved admissions would slow every census check)."""
    try:
        with ward.sessions["nurse"].db.atomic():
            raise _Undo(submit(ward, target, start, value)[0])
    except _Undo as undone:
        return undone.args[0]


def _plain_text(field: Any) -> bool:
    return isinstance(field, (TextField, LongTextField)) and field.meaning is None and not (
        isinstance(field, TextField) and (field.pattern or field.check))


def test_every_edge_value_of_every_field_through_the_service(ward, admission_values):
    """Each field's limits, odd spellings and wrong types, one by one, for every form. A value
    the form refuses never reaches storage, so validating it is enough; a value it accepts is
    saved and read back (for plain text fields, in the first one of each form: the others are
    stored the same way)."""
    problems, outcomes, plain_seen = [], set(), set()
    for target in ALL_TARGETS:
        spec = FORMS[target.form_id]
        start = _start(target, admission_values, ward)
        through_service = not _plain_text(target.field) or target.form_id not in plain_seen
        if _plain_text(target.field):
            plain_seen.add(target.form_id)
        for value in edges(target.field, _row(target, start)):
            try:
                errors = validate(spec, relevant_values(spec, _spoil(target, start, value)), "en", NOW)
                if errors:
                    check_refusal(target, errors)
                elif through_service:
                    outcomes.add((target.field.kind, submit_and_undo(ward, target, start, value)))
            except Exception as exc:  # noqa: BLE001 - every failure is listed, not only the first
                problems.append(f"{target} = {value!r:.60}: {type(exc).__name__}: {str(exc):.200}")
    assert not problems, "\n".join(problems)
    assert {kind for kind, outcome in outcomes if outcome == "saved"} >= {
        "text", "long_text", "integer", "decimal", "date", "datetime", "choice", "multi_choice", "yes_no",
        "record_ref", "staff_ref", "repeat"}


@pytest.mark.parametrize("form_id", sorted(FORMS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_validation_names_the_field_or_accepts(admission_values, form_id, data):
    """Pure validation, many random values: a list of errors naming the field, never an exception.
    60 a form (2,880 a run, each run its own draw): every field's edges are tried one by one
    above (`test_every_edge_value_of_every_field_through_the_service`), and 300 a form took 30 s
    of the suite's processor time, which must keep under its 10 minutes."""
    target = data.draw(st.sampled_from(targets(form_id)), label="field")
    spec = FORMS[form_id]
    start = _start(target, admission_values, None)
    values = _spoil(target, start, data.draw(_strategy(target, start), label=str(target)))
    errors = validate(spec, relevant_values(spec, values), "en", NOW)
    if errors:
        check_refusal(target, errors)


@pytest.mark.parametrize("form_id", sorted(FORMS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_service_stores_exactly_or_refuses_naming_the_field(ward, admission_values, form_id, data):
    """Random values through records.save_new into SQLite and back, committed; a saved record is
    then marked entered in error, so the census and theatre lists are the same for the next value.
    40 a form, each run its own draw (80 took 15 s of the suite's processor time): every field's
    edges go through the service one by one above."""
    target = data.draw(st.sampled_from(targets(form_id)), label="field")
    start = _start(target, admission_values, ward)
    _, saved = submit(ward, target, start, data.draw(_strategy(target, start), label=str(target)))
    if saved is not None:
        records.mark_entered_in_error(ward.sessions[_author(form_id, start)], saved, "bad-input test",
                                      checked_by_service=form_id in records.CHECKED_BY_THEIR_SERVICE)


TYPED = st.one_of(
    st.text(), any_text(60), st.sampled_from([v for v in DATE_EDGES + DATETIME_EDGES if isinstance(v, str)]),
    st.datetimes().map(lambda moment: moment.strftime("%d/%m/%Y %H:%M")),
    st.dates().map(lambda day: day.strftime("%d/%m/%Y")),
    st.sampled_from(["01/01/0001 00:00", "31/12/9999 23:59", "31/12/9999 24:00", "1e400", "9" * 400, "١٢,٥",
                     "−5", "+-5", "0x10", "1_000", "12 345", "12\u202f345", "nan", "inf", "-0", ",5", "5,"]),
)
SIMPLE_FIELDS = [target.field for target in ALL_TARGETS if not isinstance(target.field, RepeatField)]


@settings(max_examples=1500, deadline=None)
@given(field=st.sampled_from(SIMPLE_FIELDS), text=TYPED, zone=st.one_of(st.none(), st.sampled_from(OFFSETS)))
def test_typed_text_parses_or_raises_parse_error(field, text, zone):
    """Whatever is typed into a box gives a value of the field's JSON type, or a ParseError."""
    try:
        value = parse_text(field, text, zone)
    except ParseError:
        return
    expected = {IntegerField: int, DecimalField: float}.get(type(field), str)
    assert value is None or type(value) is expected, (text, value)
    if isinstance(field, DateTimeField) and value is not None:
        assert datetime.fromisoformat(value).tzinfo is not None
    if isinstance(field, DecimalField) and value is not None:
        assert math.isfinite(value)


@pytest.mark.parametrize("form_id, field_id, value", [
    ("admission", "birthplace_code", "١٢٣٤٥"), ("admission", "birthplace_code", "7505６"),
    ("medication_order", "times", "٠٨:٠٠ ١٤:٠٠"), ("admission", "birth_date", "19540312"),
    ("admission", "arrival_at", "20261128T1030+0100"), ("admission", "arrival_at", "2026-11-28T10:30+01:00\x00"),
    ("operation_booking", "planned_start", "9999-12-31T23:59+01:00"), ("admission", "arrival_at", "1899-12-31T23:59+00:00"),
])
def test_values_other_readers_would_misread_are_refused(admission_values, form_id, field_id, value):
    """Python reads these, so each was once stored: digits other than 0-9 in a coded field (sent
    on to the EHR as they are), dates and times in spellings the record model refuses, and times
    so far out that the app's own date arithmetic overflows."""
    spec = FORMS[form_id]
    start = next(values for values in base_variants(form_id, None, admission_values)
                 if spec.field(field_id).relevant is None or holds(spec.field(field_id).relevant, values))
    errors = validate(spec, {**start, field_id: value}, "en", NOW)
    assert [error.path for error in errors] == [field_id]
    assert spec.field(field_id).label.en in errors[0].message
