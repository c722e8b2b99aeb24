"""The printed census says an empty bed in the Patients tab's word: in French the sheet read
"19 lit(s) libre(s)" and "— libre —" where the tab, its "Show empty beds" and the command line
say "vide"."""

from downtime.i18n import translate
from downtime.services import printing
from tests.pdf_text import pdf_text


def test_the_french_census_says_empty_beds_as_the_patients_tab(session_for, medication_ward, tmp_path):
    tab = translate("fr", "PatientsPanel", "{patients} patient(s), {empty} empty bed(s)").format(patients=1, empty=19)
    text = pdf_text(printing.print_census(session_for("nurse", "fr"), tmp_path / "census.pdf", "3B"))
    assert tab == "1 patient(s), 19 lit(s) vide(s)" and tab in text
    assert text.count("— vide —") == 19 and "libre" not in text
