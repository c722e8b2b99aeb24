"""Lines of the home medicines that say the allergy status, a list still to get, or none
(services.home_medicines._read): "No known drug allergies" was read as none and "Allergies: NKDA",
"TBC", "?" or "Unable to obtain" as medicines taken, so the list was "recorded" and never asked,
the letter said none or listed "TBC", and the ward was asked to chart a medicine called "?";
"Not on any" and "Denies" were medicines too (review T4 D5)."""

import pytest

from downtime.services.home_medicines import elsewhere, home_lines, recorded


@pytest.mark.parametrize("line", ["No known drug allergies", "Allergies: NKDA", "No known allergies", "NKA",
                                  "Allergies : aucune", "Pas d'allergie connue"])
def test_the_allergy_status_alone_records_no_list(line):
    assert not recorded(line) and home_lines(line) == [] and elsewhere(line) is None


@pytest.mark.parametrize("line", ["?", "??", "TBC", "TBA", "To be confirmed", "Awaiting", "Pending",
                                  "Pending GP records", "Unable to obtain", "Not obtained", "Not sure", "Unconfirmed",
                                  "Confused - unable to give history", "En attente", "À confirmer",
                                  "Summary care record", "PODs", "Meds in bag"])
def test_a_list_still_to_get_is_asked_for(line):
    assert recorded(line) and home_lines(line) == [] and elsewhere(line) == line


@pytest.mark.parametrize("line", ["Not on any", "Does not take any", "Denies", "Denies any regular medicines",
                                  "Nil", "Nil regular, NKDA", "Nil (confirmed with GP)"])
def test_a_list_saying_none_is_none(line):
    assert recorded(line) and home_lines(line) == [] and elsewhere(line) is None


def test_a_medicine_beside_these_words_stays_a_medicine():
    typed = "Ramipril 5 mg od\nCetirizine 10 mg for allergies\nNo known drug allergies"
    assert [line.text for line in home_lines(typed)] == ["Ramipril 5 mg od", "Cetirizine 10 mg for allergies"]
