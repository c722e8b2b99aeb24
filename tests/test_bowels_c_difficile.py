"""A laboratory result finding C. difficile isolates the patient as loose stools do: the bowel
tab, the handover sheet (its line and its Isolation column), the escalation list and the leaving
forms' isolation, until 48 hours without a loose stool and a formed stool after it. The result's
words are read conservatively, in English and French; an amended result is read as it stands,
one entered in error not at all."""

import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st
from pypdf import PdfReader

from downtime.domain.bowels import c_difficile_positive, isolated_since, isolation_ends
from downtime.services import bowels, census, chart_alerts, prefill, printing, records

NAMES = ["C. diff", "C. difficile", "C.difficile", "CDIFF", "Clostridium difficile", "Clostridioides difficile",
         "clostridioides DIFFICILE"]
KINDS = ["toxin", "toxine", "toxin A/B", "PCR", "GDH", "toxine B (PCR)", ""]
FOUND = ["positive", "Positive", "POSITIVE", "detected", "Detected", "positif", "Positif", "détecté", "DÉTECTÉ",
         "détectée", "weakly positive"]
NOT_FOUND = ["negative", "Negative", "not detected", "Not Detected", "négatif", "Négatif", "non détecté",
             "NON DÉTECTÉE", "no C. difficile detected", "absence de toxine"]
NEUTRAL = st.text(alphabet="0123456789 :()-", max_size=8)
RESULT = {"received_at": "2026-11-28T12:00+01:00", "received_by": "paper", "test": "C. difficile toxin",
          "result": "Positive", "flag": "abnormal"}
FORMED = {"opened": "opened", "stool_type": "4"}
ASKED = ("C. DIFFICILE FOUND (C. difficile toxin Positive, received 28/11 12:00): isolate in a side room, gloves and "
         "apron, wash hands with soap and water, until 48 hours without a loose stool and a formed stool")


# Reading the result's words

@given(st.sampled_from(NAMES), st.sampled_from(KINDS), st.sampled_from(FOUND), NEUTRAL, NEUTRAL)
def test_a_result_naming_c_difficile_positive_or_detected_finds_it(name, kind, found, before, after):
    """Whether the test names it ("C. difficile toxin": "Positive") or the result does (a stool
    PCR: "Clostridioides difficile detected"), in any case, with or without accents."""
    assert c_difficile_positive(f"{name} {kind}", f"{before} {found} {after}")
    assert c_difficile_positive("Stool PCR", f"{name} {kind} {before}: {found} {after}")
    assert c_difficile_positive(f"{name} {kind}".upper(), f"{before} {found} {after}".upper())


@given(st.sampled_from(NAMES), st.sampled_from(KINDS), st.sampled_from(NOT_FOUND), NEUTRAL)
def test_a_result_saying_negative_or_not_detected_finds_nothing(name, kind, said, noise):
    assert not c_difficile_positive(f"{name} {kind}", f"{said} {noise}")
    assert not c_difficile_positive("Stool PCR", f"{name} {kind}: {said} {noise}")
    assert not c_difficile_positive("Stool PCR", f"Norovirus detected, {name} {kind}: {said} {noise}")


@given(st.text(alphabet=st.characters(codec="latin-1", exclude_characters="fF")), st.text())
def test_a_result_that_names_no_c_difficile_finds_nothing_and_no_text_breaks_the_reading(test, result):
    """A potassium "positive" or a blood culture "detected" isolates no one for C. difficile (a
    name without an f cannot say "diff"); any text at all is read without an error."""
    assert not c_difficile_positive(test, test)
    c_difficile_positive(result, result)


@pytest.mark.parametrize("test, result, found", [
    ("C. difficile GDH and toxin", "GDH positive, toxin negative", True),  # a possible excretor: isolated
    ("C. difficile GDH and toxin", "Toxin negative. GDH positive.", True),
    ("Clostridioides difficile", "Toxine B : détectée", True),
    ("Coproculture", "Présence de Clostridioides difficile toxinogène : PCR positive", True),
    ("C. difficile toxin", "Indeterminate: repeat the sample", False),
    ("C. difficile toxin", "Not positive", False),
    ("Stool PCR", "Norovirus detected", False),
    ("Blood cultures", "Gram-positive cocci detected", False),
    ("C. difficile toxin", "", False),
])
def test_the_laboratory_words_read_as_a_nurse_reads_them(test, result, found):
    assert c_difficile_positive(test, result) is found


TOXIN_NOT_FOUND = ["toxin negative", "toxin: not detected", "Toxin A/B not detected", "toxine négative",
                   "toxines : négatives", "toxine B (PCR) : non détectée"]
GDH_FOUND = ["GDH positive", "GDH antigen: detected", "GDH : positive", "GDH positif", "antigène GDH : détecté",
             "glutamate dehydrogenase detected", "glutamate déshydrogénase : présence"]
GDH_NOT_FOUND = ["GDH negative", "GDH antigen: not detected", "GDH : négatif", "antigène GDH non détecté",
                 "glutamate dehydrogenase negative"]
TESTS = ["Stool culture", "Coproculture", "Faeces", "C. difficile GDH/toxin", ""]


def _in_either_order(name, toxin, gdh, order, joined):
    """A result naming C. difficile in its toxin's clause, in a laboratory's ways, and its GDH
    (glutamate dehydrogenase, C. difficile's own antigen) in a clause that does not name it again."""
    return [f"{name} {toxin}{joined} {gdh}", f"{gdh}{joined} {name} {toxin}",
            f"{toxin.split()[0]} de {name} : {' '.join(toxin.split()[1:])}{joined} {gdh}",
            f"{name} : {toxin}{joined} {gdh}"][order]


@given(st.sampled_from(NAMES), st.sampled_from(TOXIN_NOT_FOUND), st.sampled_from(GDH_FOUND),
       st.integers(0, 3), st.sampled_from([",", ";", ".", "\n", " ;"]), st.sampled_from(TESTS),
       st.sampled_from([None, "abnormal", "normal"]))
def test_gdh_found_with_the_toxin_not_isolates_whichever_clause_names_c_difficile(name, toxin, gdh, order, joined,
                                                                                 test, flag):
    """GDH positive, toxin negative is a potential excretor of C. difficile (DH/PHE 2012), to
    isolate: "GDH positive, toxin negative" did, "C. diff toxin negative, GDH positive" did not,
    the GDH's clause unread once another named the organism."""
    assert c_difficile_positive(test, _in_either_order(name, toxin, gdh, order, joined), flag)


@given(st.sampled_from(NAMES), st.sampled_from(TOXIN_NOT_FOUND), st.sampled_from(GDH_NOT_FOUND),
       st.integers(0, 3), st.sampled_from([",", ";", ".", "\n"]), st.sampled_from(TESTS),
       st.sampled_from([None, "abnormal", "normal"]))
def test_gdh_and_toxin_both_not_found_isolate_no_one(name, toxin, gdh, order, joined, test, flag):
    assert not c_difficile_positive(test, _in_either_order(name, toxin, gdh, order, joined), flag)


@pytest.mark.parametrize("test, result", [
    ("Stool culture", "C. diff toxin negative, GDH positive"),
    ("Stool culture", "C. difficile toxin: not detected. GDH antigen: detected."),
    ("Coproculture", "C. difficile : toxines négatives, GDH positive"),
    ("Coproculture", "Toxines de C. difficile : négatives ; GDH : positive"),
    ("C. difficile GDH/toxin", "C. difficile toxin negative, GDH positive"),
])
def test_the_reviewers_gdh_positive_toxin_negative_results_isolate(test, result):
    assert c_difficile_positive(test, result, "abnormal") and c_difficile_positive(test, result)


@pytest.mark.parametrize("test, result", [
    ("Stool culture", "C. difficile GDH negative, toxin negative"),
    ("Coproculture", "C. difficile : GDH non détecté, toxine non détectée"),
    ("Stool PCR", "C. difficile not detected, Norovirus detected"),
    ("Stool PCR", "Norovirus detected, C. difficile not detected"),
])
def test_a_plainly_negative_result_beside_a_gdh_clause_isolates_no_one(test, result):
    assert not c_difficile_positive(test, result)


@pytest.mark.parametrize("test, result, flag, found", [
    ("C. difficile toxin", "Présence de toxine", None, True),
    ("Coproculture", "Clostridioides difficile isolé", None, True),
    ("C. difficile toxin", "Toxin present", "normal", True),
    ("C. difficile toxin", "Indeterminate: repeat the sample", "abnormal", True),
    ("C. difficile PCR", "Équivoque, à recontrôler", "critical", True),
    ("C. difficile toxin", "Indeterminate: repeat the sample", "normal", False),
    ("C. difficile toxin", "Not detected", "abnormal", False),
    ("Stool PCR", "Norovirus detected", "abnormal", False),
    ("Stool PCR", "Norovirus detected, C. difficile not detected", "abnormal", False),
])
def test_presence_and_the_laboratorys_flag_are_read_too(test, result, flag, found):
    """"Présence de toxine" is how a French laboratory says it found the toxin; a result the
    laboratory flags abnormal ("indeterminate", "équivoque") isolates until a repeat says
    otherwise, unless it says C. difficile is not there."""
    assert c_difficile_positive(test, result, flag) is found


# The isolation it asks for

_START = datetime(2026, 11, 28, 9, tzinfo=timezone.utc)


def _h(hours):
    return _START + timedelta(hours=hours)


def test_a_result_isolates_from_when_it_came_until_48_hours_clear_after_it_and_a_formed_stool():
    assert isolated_since([], [], [], _h(0), [_h(1)]) is None  # not yet received
    assert isolated_since([], [], [], _h(1), [_h(1)]) == _h(1)
    assert isolated_since([], [], [_h(0.5)], _h(60), [_h(1)]) == _h(1)  # the formed stool came before it
    assert isolated_since([], [], [_h(5)], _h(48.9), [_h(1)]) == _h(1)
    assert isolated_since([], [], [_h(5)], _h(49), [_h(1)]) is None
    assert isolated_since([], [_h(10)], [_h(5), _h(20)], _h(57.9), [_h(1)]) == _h(1)  # a loose stool since: 48 h more
    assert isolated_since([], [_h(10)], [_h(5), _h(20)], _h(58), [_h(1)]) is None
    loose = [_h(0), _h(2), _h(3)]  # already isolated for loose stools: from their first
    assert isolated_since(loose, loose, [], _h(4), [_h(3.5)]) == _h(0)
    assert isolation_ends([], [_h(5)], _h(10), [_h(1)]) == _h(49)
    assert isolation_ends([], [], _h(10), [_h(1)]) is None  # no formed stool yet: no end known


@given(st.lists(st.integers(0, 96), max_size=4), st.lists(st.integers(0, 150), max_size=3),
       st.lists(st.integers(0, 96), min_size=1, max_size=2), st.integers(0, 100))
def test_a_patient_stays_isolated_after_a_result_until_the_rule_is_met_after_it(loose, formed, found, after):
    """At any moment after the last result (no loose stool since it), the patient is isolated
    exactly while 48 hours have not gone by since it, or no formed stool is charted after it,
    whatever the loose and formed stools before."""
    last = _h(max(found))
    loose_at, formed_at, found_at = ([_h(hour) for hour in sorted(hours)] for hours in (
        [hour for hour in loose if _h(hour) <= last], formed, found))
    at = last + timedelta(hours=after)
    isolated = isolated_since([], loose_at, formed_at, at, found_at) is not None
    assert isolated == (at - last < timedelta(hours=48) or not any(last < moment <= at for moment in formed_at))


def _result(nurse, patient, **changed):
    return records.save_new(nurse, "lab_result", {**RESULT, **changed}, patient_id=patient)


def test_a_positive_result_asks_to_isolate_on_the_tab_the_handover_and_the_escalation_list(session_for, patient,
                                                                                              clock, tmp_path):
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    assert bowels.chart(nurse.db, patient) == bowels.Bowels()
    _result(nurse, patient)
    found = bowels.chart(nurse.db, patient)
    assert len(found) == 0 and bowels.asking(found, spec, nurse.clock(), "en") == [ASKED]
    assert bowels.asking(found, spec, nurse.clock(), "fr") == [
        "C. DIFFICILE RETROUVÉ (C. difficile toxin Positive, reçu le 28/11 12:00) : chambre seule et précautions "
        "contact, gants et tablier, lavage des mains à l’eau et au savon, jusqu’à 48 heures sans selles non "
        "moulées et une selle moulée"]
    assert bowels.handover(nurse.db, nurse.forms, [patient], nurse.clock(), "en")[patient] == (
        f"BOWELS: no bowels opened charted since admission 28/11; {ASKED}")
    in_hospital = census.in_patients(nurse.db, nurse.forms, "3B", nurse.clock())
    alerts = chart_alerts.alerts(nurse.db, nurse.forms, in_hospital, nurse.clock(), "en", ward="3B")
    assert [alert.said for alert in alerts.alerts if alert.form_id == "bowel_chart"] == [[ASKED]]
    for lang, column in (("en", "Enteric (C. difficile found 28/11)"),
                         ("fr", "Contact + savon (C. difficile retrouvé le 28/11)")):
        out = printing.print_census(replace(nurse, lang=lang), tmp_path / f"census-{lang}.pdf", ward="3B")
        assert column in re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(out).pages))
    printed = printing.print_bowel_chart(nurse, patient, tmp_path / "bowels.pdf")
    assert "C. DIFFICILE FOUND (C. difficile toxin Positive, received 28/11 12:00)" in " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(printed).pages)
    # A formed stool after it: the ask ends 48 hours after the result, and the list is read again then.
    records.save_new(nurse, "bowel_chart", {**FORMED, "charted_at": "2026-11-28T13:00+01:00"}, patient_id=patient)
    lines = bowels.chart(nurse.db, patient)
    assert bowels.coming(lines, nurse.clock()).isoformat() == "2026-11-30T12:00:00+01:00"
    clock.now = datetime.fromisoformat("2026-11-30T11:59+01:00")
    assert bowels.asking(lines, spec, nurse.clock(), "en") == [ASKED]
    clock.now = datetime.fromisoformat("2026-11-30T12:00+01:00")
    assert bowels.asking(lines, spec, nurse.clock(), "en") == []
    assert bowels.isolated(nurse.db, [patient], nurse.clock()) == {}


@pytest.mark.parametrize("form_id", ["discharge", "transfer_out", "death"])
def test_a_patient_with_c_difficile_leaves_under_contact_precautions(session_for, patient, form_id):
    nurse = session_for("nurse")
    spec = nurse.form(form_id)
    assert "isolation" not in prefill.first_answers(nurse, spec, patient)
    _result(nurse, patient, test="Coproculture", result="Clostridioides difficile toxine : positif")
    assert prefill.first_answers(nurse, spec, patient)["isolation"] == "contact"
    assert prefill.notes(nurse, spec, patient) == {"isolation": (
        "C. difficile found 28/11 12:00 (Coproculture Clostridioides difficile toxine : positif): the bowel chart "
        "asks to isolate the patient (contact precautions, hands washed with soap and water): tell those taking "
        "over.")}
    assert prefill.notes(replace(nurse, lang="fr"), spec, patient)["isolation"].startswith(
        "C. difficile retrouvé le\u00a028/11 12:00 (Coproculture Clostridioides difficile toxine : positif) : la "
        "feuille des selles demande l’isolement du patient")


def test_a_negative_result_an_amended_one_and_one_entered_in_error_isolate_no_one(session_for, patient):
    nurse = session_for("nurse")
    spec = nurse.form("bowel_chart")
    _result(nurse, patient, result="Not detected")
    assert bowels.isolated(nurse.db, [patient], nurse.clock()) == {}
    assert bowels.asking(bowels.chart(nurse.db, patient), spec, nurse.clock(), "en") == []
    wrong = _result(nurse, patient, received_at="2026-11-28T12:30+01:00")
    assert patient in bowels.isolated(nurse.db, [patient], nurse.clock())
    records.amend(nurse, wrong.record_id, {**RESULT, "received_at": "2026-11-28T12:30+01:00", "result": "Négatif"},
                  "misread on the phone")
    assert bowels.isolated(nurse.db, [patient], nurse.clock()) == {}
    other = _result(nurse, patient, received_at="2026-11-28T13:00+01:00")
    assert patient in bowels.isolated(nurse.db, [patient], nurse.clock())
    records.mark_entered_in_error(nurse, other.record_id, "another patient's result")
    assert bowels.isolated(nurse.db, [patient], nurse.clock()) == {}
    assert "isolation" not in prefill.first_answers(nurse, nurse.form("discharge"), patient)
