"""The wound chart: each look at a wound with the dressing put on, each wound followed by its
name; infection, a wound grown larger or of a worse category, and a dressing overdue called out;
the handover sheet's line, the escalation list, the letters, the paper chart filled and blank,
and each look in the export as an Observation."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.elapsed import reached
from downtime.domain.wounds import WORSE_CATEGORY, key, next_due, wetter, worse_bed, worse_category
from downtime.services import census, chart_alerts, followed, prefill, printing, records, repositioning, wounds
from downtime.services.errors import PermissionDenied, ServiceError, ValidationFailed
from downtime.sync.export import export
from downtime.sync.fhir_codes import check_codes
from tests.pdf_text import pdf_text
from tests.test_devices import on_version

LOOK = {"assessed_at": "2026-11-28T10:00+01:00", "wound": "Sacrum", "kind": "pressure_ulcer", "category": "2",
        "length_cm": 3.0, "width_cm": 2.0, "depth_cm": 0.5, "bed": "granulating", "exudate": "low",
        "infection": False, "dressing": "Hydrocolloid", "next_in": "2"}
REPORT = ("NEW PRESSURE ULCER (Sacrum, Category {category}, charted 28/11 10:00): tell the nurse in charge and the "
          "tissue viability nurse; report it as an incident")


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1), timezones=st.just(timezone.utc)),
       st.sampled_from((1, 2, 3, 5, 7)), st.integers(-3000, 3000))
def test_a_dressing_is_overdue_exactly_once_its_days_have_passed(assessed, every, minutes):
    due = next_due(assessed, every)
    assert due - assessed == timedelta(days=every)
    assert reached(due, due + timedelta(minutes=minutes)) == (minutes >= 0)
    assert not reached(None, due)


@given(st.text(alphabet=st.sampled_from("aB  éÉ\tx"), max_size=12))
def test_a_wound_is_followed_by_its_name_whatever_its_spacing_or_case(name):
    assert key(name) == key(f"  {name.upper()} ") == key(" ".join(name.split()).lower())


def test_a_category_is_worse_only_when_it_has_gone_further():
    assert worse_category("1", "2") and worse_category("2", "unstageable") and worse_category("deep_tissue", "3")
    assert not worse_category("2", "deep_tissue") and not worse_category("3", "2") and not worse_category("2", "2")
    assert not worse_category(None, "2") and not worse_category("2", None)
    assert sorted(WORSE_CATEGORY, key=WORSE_CATEGORY.get)[:1] == ["1"]


def test_a_bed_is_worse_gone_to_slough_or_necrosis_and_exudate_risen_to_high():
    healthy, dead = ("epithelialising", "granulating", "intact"), ("sloughy", "necrotic")
    assert all(worse_bed(before, now) for before in healthy for now in dead) and worse_bed("sloughy", "necrotic")
    assert not any(worse_bed(before, now) for before in (*healthy, *dead) for now in healthy)
    assert not worse_bed("necrotic", "sloughy") and not worse_bed(None, "necrotic")
    assert not worse_bed("granulating", None)
    assert [before for before in ("none", "low", "moderate", "high", None) if wetter(before, "high")] == [
        "none", "low", "moderate"]
    assert not any(wetter("none", now) for now in ("low", "moderate", None))


def test_a_deeper_necrotic_wetter_wound_is_worse_and_says_each_way(session_for, patient, tmp_path):
    """Granulating, 0.5 cm deep and little exudate at 10:00; necrotic, 2.5 cm deep and high
    exudate at 13:00, its category unstageable (no worse than a 3): not called worse."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "category": "3"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T13:00+01:00", "category": "unstageable",
                                           "depth_cm": 2.5, "bed": "necrotic", "exudate": "high"}, patient_id=patient)
    [latest] = followed.still_open(wounds.chart(nurse.db, patient))
    assert (latest.deeper, latest.bed_worse, latest.wetter, latest.grew, latest.category_worse) == (
        True, True, True, False, False)
    worse = ("WOUND WORSE (Sacrum: depth 0.5 cm on 28/11, 2.5 cm now; Granulating (red) on 28/11, Necrosis (black) "
             "now; exudate low on 28/11, high now): tell the nurse in charge and the tissue viability nurse")
    assert worse in wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [alert.said for alert in found.alerts] == [[REPORT.format(category=3), worse]]
    assert latest.worse(nurse.form("wound_care"), "fr") == (
        "profondeur 0,5 cm le 28/11, 2,5 cm maintenant ; Bourgeonnement (rouge) le 28/11, Nécrose (noire) maintenant ; "
        "exsudat faible le 28/11, abondant maintenant")


def test_a_shallower_cleaner_drier_wound_is_not_worse(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "depth_cm": 2.0, "bed": "necrotic", "exudate": "high"},
                     patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T13:00+01:00", "depth_cm": 1.0,
                                           "bed": "sloughy", "exudate": "moderate"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T13:30+01:00", "depth_cm": None},
                     patient_id=patient)  # depth not measured: nothing to compare
    looks = wounds.chart(nurse.db, patient)
    assert [one.deteriorated for one in looks] == [False, False, False]


def test_each_wound_asks_its_own_and_a_larger_one_is_worse(session_for, patient, clock, tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    records.save_new(nurse, "wound_care", {  # a second wound, infected
        **LOOK, "assessed_at": "2026-11-28T10:30+01:00", "wound": "Midline laparotomy", "kind": "surgical",
        "category": None, "depth_cm": None, "bed": "intact", "infection": True, "dressing": "Island dressing",
        "next_in": "1"}, patient_id=patient)
    spec = nurse.form("wound_care")
    looks = wounds.chart(nurse.db, patient)
    assert [one.name for one in followed.still_open(looks)] == ["Midline laparotomy", "Sacrum"]
    assert followed.asking(looks, spec, nurse.clock(), "en") == [
        "SIGNS OF INFECTION (Midline laparotomy): tell the doctor, swab as they say", REPORT.format(category=2)]
    assert followed.coming(looks, nurse.clock()).isoformat() == "2026-11-29T10:30:00+01:00"
    clock.advance(days=2)  # 30/11 14:00: both dressings overdue
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-30T11:00+01:00", "wound": "  sacrum ",
                                           "length_cm": 3.5}, patient_id=patient)
    looks = wounds.chart(nurse.db, patient)
    sacrum = followed.still_open(looks)[1]
    assert sacrum.before is not None and sacrum.grew and not sacrum.category_worse
    assert followed.asking(looks, spec, nurse.clock(), "en") == [
        "SIGNS OF INFECTION (Midline laparotomy): tell the doctor, swab as they say",
        "DRESSING OVERDUE (Midline laparotomy) since 29/11 10:30",
        "WOUND WORSE (sacrum: 3 × 2 cm on 28/11, 3.5 × 2 cm now): tell the nurse in charge and the tissue viability "
        "nurse"]
    said = wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert said == (
        "WOUNDS: Midline laparotomy: Surgical wound, 3 × 2 cm, Skin intact (category 1, closed incision); dressing: "
        "Island dressing (28/11 10:30); SIGNS OF INFECTION (Midline laparotomy): tell the doctor, swab as they say; "
        "DRESSING OVERDUE (Midline laparotomy) since 29/11 10:30 | sacrum: Pressure ulcer, Category 2, 3.5 × 2 × 0.5 "
        "cm, Granulating (red); dressing: Hydrocolloid (30/11 11:00); WOUND WORSE (sacrum: 3 × 2 cm on 28/11, 3.5 × 2 "
        "cm now): tell the nurse in charge and the tissue viability nurse; next dressing 02/12 11:00")
    assert said in pdf_text(printing.print_census(nurse, tmp_path / "census.pdf", "3B"))
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    found = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [(alert.form_id, len(alert.said)) for alert in found.alerts] == [
        ("medication_order", 1), ("vte_assessment", 1), ("wound_care", 2),
        ("wound_care", 1)]  # never assessed for VTE, no medicines taken before admission recorded
    assert found.next_due.isoformat() == "2026-12-02T11:00:00+01:00"  # the sacrum's next dressing: read again then
    french = wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "fr")[patient]
    assert "PLAIES : Midline laparotomy : Plaie chirurgicale" in french
    assert "PLAIE AGGRAVÉE (sacrum : 3 × 2 cm le 28/11" in french


def test_a_worse_category_is_worse_and_a_healed_wound_asks_nothing(session_for, patient):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T12:00+01:00", "category": "3",
                                           "length_cm": 2.0, "bed": "sloughy"}, patient_id=patient)
    spec = nurse.form("wound_care")
    [latest] = followed.still_open(wounds.chart(nurse.db, patient))
    assert latest.worse(spec, "en") == (
        "Category 2 on 28/11, Category 3 now; Granulating (red) on 28/11, Slough (yellow) now") and not latest.grew
    assert latest.worse(spec, "fr") == (
        "Catégorie 2 le 28/11, Catégorie 3 maintenant ; Bourgeonnement (rouge) le 28/11, Fibrine (jaune) maintenant")
    records.save_new(nurse, "wound_care", {"assessed_at": "2026-11-28T13:00+01:00", "wound": "Sacrum",
                                           "kind": "pressure_ulcer", "category": "3", "bed": "healed"},
                     patient_id=patient)
    looks = wounds.chart(nurse.db, patient)
    assert followed.still_open(looks) == [] and followed.asking(looks, spec, nurse.clock(), "en") == []
    assert looks[-1].next_change(spec, nurse.clock(), "en") == "healed" and looks[-1].due_at is None
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en") == {}


def test_a_wound_says_its_size_bed_and_dressing_and_only_those_who_give_care_chart_it(session_for, patient):
    nurse = session_for("nurse")
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "wound_care", {**LOOK, "category": None, "length_cm": None, "dressing": ""},
                         patient_id=patient)
    assert sorted(error.path for error in refused.value.errors) == ["category", "dressing", "length_cm"]
    with pytest.raises(ServiceError, match="this patient is not in hospital at that time"):  # before they came in
        records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T08:00+01:00"}, patient_id=patient)
    with pytest.raises(PermissionDenied):
        records.save_new(session_for("coord"), "wound_care", LOOK, patient_id=patient)


def test_the_paper_chart_says_each_look_and_the_next_and_the_blank_is_one_page(session_for, patient, forms, clock,
                                                                                tmp_path):
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "infection": True, "notes": "Swab sent"}, patient_id=patient)
    text = pdf_text(printing.print_wound_chart(nurse, patient, tmp_path / "wounds.pdf"))
    assert "Wound assessment and dressing chart" in text and "Sacrum: next dressing 30/11 10:00" in text
    assert ("28/11 10:00 Sacrum Pressure ulcer, Category 2 3 × 2 × 0.5 cm Granulating (red), exudate low Yes "
            "Hydrocolloid Swab sent 2 days HL SIGNS OF INFECTION (Sacrum)") in text
    for lang, title in (("en", "Wound assessment and dressing chart (blank)"),
                        ("fr", "Feuille de suivi des plaies et pansements (vierge)")):
        blank = PdfReader(printing.blank(forms, "wounds", tmp_path / f"blank-{lang}.pdf", lang=lang,
                                         printed_by=None, printed_at=nurse.clock(), device_name="3B")).pages
        assert len(blank) == 1 and title in " ".join(blank[0].extract_text().split())


def test_the_export_sends_each_look_as_an_observation_of_the_wound(session_for, patient, tmp_path):
    nurse = session_for("nurse")
    look = records.save_new(nurse, "wound_care", {**LOOK, "notes": "Heels off-loaded"}, patient_id=patient)
    healed = records.save_new(nurse, "wound_care", {"assessed_at": "2026-11-28T12:00+01:00", "wound": "Left heel",
                                                    "kind": "pressure_ulcer", "category": "1", "bed": "healed"},
                              patient_id=patient)
    bundle = json.loads((export(session_for("records"), tmp_path / "export").folder / "fhir" / "bundle.json")
                        .read_text(encoding="utf-8"))
    check_codes(bundle)
    by_id = {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}
    seen = Observation.model_validate(by_id[look.record_id])
    assert (seen.code.text, seen.bodySite.text, seen.category[0].coding[0].code) == (
        "Wound assessment", "Sacrum", "exam")
    assert seen.valueString == "Sacrum: Pressure ulcer, Category 2, 3 × 2 × 0.5 cm, Granulating (red)"
    assert [(part.code.text, part.valueQuantity.value if part.valueQuantity else None) for part in seen.component
            if part.valueQuantity] == [("Length", 3.0), ("Width", 2.0), ("Depth", 0.5)]
    assert [note.text for note in seen.note] == ["Dressing put on: Hydrocolloid", "Next dressing or look in 2 days",
                                                 "Heels off-loaded"]
    assert seen.encounter is not None and seen.effectiveDateTime is not None
    closed = Observation.model_validate(by_id[healed.record_id])
    assert closed.valueString == "Left heel: Pressure ulcer, Category 1, Healed: no more dressing"
    assert closed.note is None


def test_a_move_a_transfer_or_a_discharge_starts_with_the_open_wounds(session_for, patient):
    """The receiving team goes on with the dressing: the letter says each wound and its next."""
    nurse = session_for("nurse")
    assert "wounds" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
    records.save_new(nurse, "wound_care", LOOK, patient_id=patient)
    said = ("Sacrum: Pressure ulcer, Category 2, 3 × 2 × 0.5 cm, Granulating (red); dressing: Hydrocolloid "
            "(28/11 10:00); next dressing 30/11 10:00")
    for form_id in ("transfer", "transfer_out", "discharge"):
        assert prefill.first_answers(nurse, nurse.form(form_id), patient)["wounds"] == said, form_id
    assert prefill.first_answers(session_for("nurse", "fr"), nurse.form("discharge"), patient)[
        "wounds"].startswith("Sacrum : Escarre, Catégorie 2, 3 × 2 × 0,5 cm")


def test_broken_skin_on_the_repositioning_chart_starts_a_pressure_ulcer_of_a_category_to_judge(session_for, patient):
    nurse = session_for("nurse")
    turn = {"turned_at": "2026-11-28T12:30+01:00", "position": "back", "skin": "broken", "skin_where": "sacrum",
            "next_in": "2"}
    records.save_new(nurse, "repositioning", turn, patient_id=patient)
    [found] = repositioning.chart(nurse.db, patient)
    spec = nurse.form("wound_care")
    assert wounds.first_look(found, spec) == {"wound": "sacrum", "kind": "pressure_ulcer"}
    records.save_new(nurse, "repositioning", {"turned_at": "2026-11-28T13:00+01:00", "position": "declined",
                                              "next_in": "2", "notes": "In pain"}, patient_id=patient)  # the skin not seen
    assert wounds.first_look(repositioning.chart(nurse.db, patient)[-1], spec) == {"wound": "sacrum",
                                                                            "kind": "pressure_ulcer"}
    records.save_new(nurse, "repositioning", {**turn, "turned_at": "2026-11-28T13:30+01:00", "skin": "blanching"},
                     patient_id=patient)
    assert wounds.first_look(repositioning.chart(nurse.db, patient)[-1], spec) == {}  # no damage: nothing to start from
    long_place = "Sacrum, extending to the left buttock and the natal cleft, over the coccyx"  # the wound's name: 60
    records.save_new(nurse, "repositioning", {**turn, "turned_at": "2026-11-28T13:45+01:00", "skin_where": long_place},
                     patient_id=patient)
    assert wounds.first_look(repositioning.chart(nurse.db, patient)[-1], spec) == {"kind": "pressure_ulcer"}


_LOOK_AT = datetime(2026, 11, 28, 10, tzinfo=timezone.utc)


def _version(number: int, wound: str, hours: int, length: float, width: float, healed: bool):
    from downtime.domain.records import RecordStatus, RecordVersion

    at = _LOOK_AT + timedelta(hours=hours)
    data = ({"assessed_at": at.isoformat(), "wound": wound, "kind": "surgical", "bed": "healed"} if healed else
            {**LOOK, "assessed_at": at.isoformat(), "wound": wound, "kind": "surgical", "category": None,
             "length_cm": length, "width_cm": width})
    return RecordVersion(id=f"v{number}", record_id=f"r{number}", version=1, form_id="wound_care", form_version=1,
                         patient_id="p", status=RecordStatus.FINAL, data=data, reason=None, author="n",
                         device_id="d", occurred_at=at, recorded_at=_LOOK_AT + timedelta(minutes=number))


def _sides(record):
    """Length times width, or None once healed."""
    return None if record.data["bed"] == "healed" else record.data["length_cm"] * record.data["width_cm"]


@given(st.lists(st.tuples(st.sampled_from(("Sacrum", " sacrum", "Left heel", "LEFT HEEL ")), st.integers(0, 200),
                          st.floats(0.1, 20), st.floats(0.1, 20), st.booleans()), max_size=12))
def test_each_wound_is_judged_against_its_own_look_before_and_only_its_latest_is_open(looks):
    """However the looks are typed (in any order, the name's case and spacing aside), each is
    compared with the look at the same wound just before it in time, and a wound is open when its
    latest look is not healed."""
    made = wounds.charted([_version(number, *look) for number, look in enumerate(looks)])
    assert [one.assessed_at for one in made] == sorted(one.assessed_at for one in made)
    for index, one in enumerate(made):
        before = [earlier for earlier in made[:index] if earlier.key == one.key]
        assert one.before is (before[-1].record if before else None)
        assert one.grew == (one.before is not None and None not in (_sides(one.before), _sides(one.record))
                            and _sides(one.record) > _sides(one.before))
    latest = {one.key: one for one in made}
    assert [one.key for one in followed.still_open(made)] == sorted(key for key, one in latest.items() if not one.closed)


@pytest.mark.parametrize("allergy, dressing", [
    ("Iodine", "Povidone-iodine (Inadine) dressing"), ("Iode", "Inadine"), ("Iodine", "Iodosorb"),
    ("Chlorhexidine", "Tegaderm CHG"), ("Chlorhexidine", "ChloraPrep then Biopatch")])
def test_a_dressing_the_patients_allergy_matches_asks_the_nurses_reason(session_for, admission_values, allergy,
                                                                          dressing):
    """An Inadine on an iodine anaphylaxis was charted without a word, where the same product
    ordered as a medicine asked the prescriber; kept with the reason, the handover says so."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00",
                                                    "allergies": [{"substance": allergy, "reaction": "Anaphylaxis",
                                                                   "severity": "severe"}]}).patient_id
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "wound_care", {**LOOK, "dressing": dressing}, patient_id=patient)
    [error] = refused.value.errors
    assert error.path == "allergy_reason" and f"{dressing} matches the recorded allergy: {allergy}." in error.message
    records.save_new(nurse, "wound_care", {**LOOK, "dressing": dressing, "allergy_reason": "Only dressing in stock"},
                     patient_id=patient)
    said = wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "used despite the recorded allergy: “Only dressing in stock”" in said, said


def test_a_dressing_no_allergy_matches_asks_nothing(session_for, patient):
    """The standard admission's penicillin allergy says nothing of a hydrocolloid."""
    saved = records.save_new(session_for("nurse"), "wound_care", LOOK, patient_id=patient)
    assert "allergy_reason" not in saved.data


def test_a_wound_of_no_kind_listed_is_named_by_its_first_notes(session_for, patient):
    """"Other (say in the notes)" was handed over as the label; its notes are asked, and its
    first look's name it on the lists (a later look's notes say the skin around it)."""
    nurse = session_for("nurse")
    other = {**LOOK, "kind": "other", "category": None}
    with pytest.raises(ValidationFailed) as refused:
        records.save_new(nurse, "wound_care", other, patient_id=patient)
    assert [error.path for error in refused.value.errors] == ["notes"]
    records.save_new(nurse, "wound_care", {**other, "notes": "Fungating breast lesion"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**other, "assessed_at": "2026-11-28T12:00+01:00",
                                           "notes": "Surrounding skin macerated"}, patient_id=patient)
    assert wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient].startswith(
        "WOUNDS: Sacrum: Other: Fungating breast lesion, 3 × 2 × 0.5 cm")


def test_an_other_wound_named_at_its_first_look_is_dressed_after_without_its_name_and_the_letter_names_it_whole(
        session_for, patient):
    """Each dressing of a wound charted "Other" was refused until its name was typed again in the
    notes ("Dress the chosen wound" carries none), though its first look named it; one of version 2,
    which asked nothing, could not be corrected without; and the letter cut a long name at 80
    characters."""
    nurse = session_for("nurse")
    other = {**LOOK, "kind": "other", "category": None}
    name = ("Fungating breast lesion, left upper outer quadrant, known carcinoma; bleeds on touch, keep the "
            "haemostatic dressing to hand")
    records.save_new(nurse, "wound_care", {**other, "notes": name}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**other, "assessed_at": "2026-11-28T12:00+01:00"}, patient_id=patient)
    assert wounds.handed_on(nurse.db, nurse.forms, patient, nurse.clock(), "en")[0].startswith(
        f"Sacrum: Other: {name}, 3 × 2 × 0.5 cm")
    heel = records.save_new(on_version(nurse, "wound_care", 2), "wound_care", {**other, "wound": "Left heel"},
                            patient_id=patient)
    records.amend(nurse, heel.record_id, {**other, "wound": "Left heel", "assessed_at": "2026-11-28T09:50+01:00"},
                  "time typed wrong")


def test_a_look_typed_on_a_laptop_set_to_utc_reads_on_the_wards_clock(session_for, patient, tmp_path):
    """Dressed at 12:00, typed on a laptop set to UTC (11:00+00:00): the handover read "dressing:
    Hydrocolloid (28/11 11:00); NEW PRESSURE ULCER (…, charted 28/11 12:00)", two times for one look."""
    nurse = session_for("nurse")
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T11:00+00:00"}, patient_id=patient)
    said = wounds.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient]
    assert "dressing: Hydrocolloid (28/11 12:00); NEW PRESSURE ULCER (Sacrum, Category 2, charted 28/11 12:00)" in said
    text = " ".join(pdf_text(printing.print_wound_chart(nurse, patient, tmp_path / "wounds.pdf")).split())
    assert "28/11 12:00" in text and "28/11 11:00" not in text


def test_the_printed_chart_says_a_dressing_used_despite_an_allergy_and_why_a_pressure_ulcer_is_not_one_now(
        session_for, admission_values, clock, tmp_path):
    """An Inadine on an iodine anaphylaxis, kept with the nurse's reason: the handover quoted it,
    the paper wound chart (filed, and worked from while the laptop is away) said "Inadine" alone."""
    from downtime.services import wards

    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    nurse = session_for("nurse")
    patient = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-28T09:00+01:00",
                                                    "allergies": [{"substance": "Iodine", "reaction": "Anaphylaxis",
                                                                   "severity": "severe"}]}).patient_id
    records.save_new(nurse, "wound_care", {**LOOK, "dressing": "Inadine",
                                           "allergy_reason": "Only dressing in stock, TVN agreed"}, patient_id=patient)
    records.save_new(nurse, "wound_care", {**LOOK, "assessed_at": "2026-11-28T12:00+01:00", "kind": "moisture",
                                           "category": None, "reclassified_why": "TVN: incontinence damage"},
                     patient_id=patient)
    text = " ".join(pdf_text(printing.print_wound_chart(nurse, patient, tmp_path / "wounds.pdf")).split())
    assert "used despite the recorded allergy: “Only dressing in stock, TVN agreed”" in text
    assert "Not a pressure ulcer now: TVN: incontinence damage" in text
    assert "Moisture lesion (charted Pressure ulcer, Category 2 on 28/11)" in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_blank_wound_form_stays_one_page_asking_present_on_admission_and_why_not_a_pressure_ulcer_now(
        blank_pages, lang):
    """Version 3's "present on admission" and "why not a pressure ulcer now" boxes pushed the whole
    dressing section and the signature onto a second sheet."""
    [page] = blank_pages("wound_care", lang)
    assert {"en": "Present on admission", "fr": "Présente à l’admission"}[lang] in page
    assert {"en": "a pressure ulcer before, not now: why",
            "fr": "escarre auparavant, plus maintenant : pourquoi"}[lang] in page
