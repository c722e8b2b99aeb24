from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from downtime.services import records, search
from downtime.storage import migrations


@pytest.fixture
def ward(session_for, admission_values):
    nurse = session_for("nurse")
    people = [("Lefèvre", "Hélène", "1954-03-12", "12"), ("Lefebvre", "Jean", "1960-12-03", "13"),
              ("Dupont", "Élodie", "1990-07-01", "14")]
    saved = {}
    for name, first_names, born, bed in people:
        values = {**admission_values, "birth_name": name, "used_name": "", "given_names": first_names,
                  "birth_date": born, "bed": bed, "ipp": f"80{bed}1234"}
        values.pop("nir")
        saved[name] = records.save_new(nurse, "admission", values)
    return nurse, saved


def _names(nurse, forms, text):
    return [p.display_name.split()[0] for p in search.search(nurse.db, forms, text)]


def test_name_without_accents_or_case_finds_lefevre(ward, forms):
    nurse, _ = ward
    assert _names(nurse, forms, "lefevre") == ["LEFÈVRE"]
    assert _names(nurse, forms, "HELENE") == ["LEFÈVRE"]


def test_partial_name_finds_both(ward, forms):
    nurse, _ = ward
    assert sorted(_names(nurse, forms, "lef")) == ["LEFEBVRE", "LEFÈVRE"]
    assert _names(nurse, forms, "lef jean") == ["LEFEBVRE"]


def test_partial_and_full_date_of_birth(ward, forms):
    nurse, _ = ward
    assert _names(nurse, forms, "12/03") == ["LEFÈVRE"]
    assert _names(nurse, forms, "12/03/1954") == ["LEFÈVRE"]
    assert _names(nurse, forms, "1960") == ["LEFEBVRE"]
    assert _names(nurse, forms, "dupont 1990") == ["DUPONT"]



def test_a_birth_month_and_year_or_a_two_digit_year_finds_the_patient(ward, forms):
    """"03/1954" (the day left off a paper form, or not legible) and "12/03/54" (the year as
    often written by hand) found nobody: they became terms no index line starts with."""
    nurse, _ = ward
    assert _names(nurse, forms, "03/1954") == ["LEFÈVRE"]
    assert _names(nurse, forms, "lef 3-1954") == ["LEFÈVRE"]
    assert _names(nurse, forms, "12/03/54") == ["LEFÈVRE"]
    assert _names(nurse, forms, "3/12/60") == ["LEFEBVRE"]
    assert _names(nurse, forms, "12/1954") == []


def test_a_birth_date_in_iso_order_finds_the_patient(ward, forms):
    """The records office copies dates from the EHR's and the export's files, written
    1954-03-12: it found nobody."""
    nurse, _ = ward
    assert _names(nurse, forms, "1954-03-12") == ["LEFÈVRE"]
    assert _names(nurse, forms, "lefebvre 1960-12-03") == ["LEFEBVRE"]
    assert _names(nurse, forms, "1954-12-03") == []

def test_downtime_number_and_ipp(ward, forms):
    nurse, saved = ward
    number = search.search(nurse.db, forms, "Dupont")[0].downtime_number
    assert _names(nurse, forms, number) == ["DUPONT"]
    assert _names(nurse, forms, number.replace("-", "")) == ["DUPONT"]
    assert _names(nurse, forms, "80141234") == ["DUPONT"]


def test_amended_name_is_found_under_the_new_name(ward, forms):
    nurse, saved = ward
    record = saved["Dupont"]
    records.amend(nurse, record.record_id, {**record.data, "birth_name": "Durand"}, "misheard name")
    assert _names(nurse, forms, "dupont") == []
    assert _names(nurse, forms, "durand") == ["DURAND"]


def test_entered_in_error_patient_is_not_found(ward, forms):
    nurse, saved = ward
    records.mark_entered_in_error(nurse, saved["Dupont"].record_id, "duplicate")
    assert _names(nurse, forms, "dupont") == []


def test_rebuild_gives_the_same_answers(ward, forms):
    nurse, _ = ward
    assert search.rebuild(nurse.db, forms) == 3
    assert sorted(_names(nurse, forms, "lef")) == ["LEFEBVRE", "LEFÈVRE"]


def test_rebuild_writes_the_lines_each_save_wrote(ward, forms):
    nurse, saved = ward
    record = saved["Lefebvre"]
    records.amend(nurse, record.record_id, {**record.data, "used_name": "Martin"}, "married name")
    records.mark_entered_in_error(nurse, saved["Dupont"].record_id, "duplicate")

    def lines():
        return list(nurse.db.execute("SELECT rowid, patient_id, names, birth, numbers FROM patient_search ORDER BY rowid"))

    maintained = lines()
    assert len(maintained) == 2
    search.rebuild(nurse.db, forms)
    assert lines() == maintained


@given(st.text(max_size=40))
def test_any_typed_text_is_a_safe_query(text):
    expression = search.match_expression(text)
    assert expression is None or all(part.startswith('"') and part.endswith('"*') for part in expression.split(" "))


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    from downtime.storage import open_database

    return open_database(tmp_path_factory.mktemp("search") / "empty.sqlite")


@given(text=st.text(max_size=40))
def test_any_typed_text_runs_without_error(empty_db, forms, text):
    assert search.search(empty_db, forms, text) == []


def test_migration_rekeys_an_older_search_index_by_patient_rowid(tmp_path):
    """Databases indexed before m007 had free rowids: after it, each patient has one line under
    the rowid of their patients row, holding every name that line had."""
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "old.sqlite")))
    MIGRATIONS.apply(db, stop_before="m007_search_rowids")
    for sequence, patient_id in enumerate(("p1", "p2"), start=1):
        db.execute("INSERT INTO patients VALUES (?, ?, 1, ?, 'dev', 'nurse', '2026-11-28T10:00+01:00')",
                   [patient_id, f"DT-001-0000{sequence}-0", sequence])
    for rowid, patient_id, names in ((50, "p2", "Roux Emile"), (51, "p1", "Martin Helene"), (52, "p1", "Lefevre")):
        db.execute("INSERT INTO patient_search (rowid, patient_id, names, birth, numbers) VALUES (?, ?, ?, '', '')",
                   [rowid, patient_id, names])
    MIGRATIONS.apply(db)
    lines = db.execute("SELECT rowid, patient_id, names FROM patient_search ORDER BY rowid").fetchall()
    patients = dict(db.execute("SELECT patient_id, rowid FROM patients").fetchall())
    assert [(rowid, patient_id) for rowid, patient_id, _ in lines] == [(patients["p1"], "p1"), (patients["p2"], "p2")]
    assert set(lines[0][2].split()) == {"Martin", "Helene", "Lefevre"}


def test_a_downtime_number_typed_with_its_dashes_is_one_term_that_finds_the_patient(ward, forms):
    nurse, _ = ward
    numbers = {p.display_name.split()[0]: p.downtime_number for p in search.search(nurse.db, forms, "dt")}
    dupont = numbers["DUPONT"]
    assert search.match_expression(dupont) == f'"{dupont.replace("-", "").casefold()}"*'
    assert _names(nurse, forms, dupont.lower()) == ["DUPONT"]
    assert sorted(_names(nurse, forms, dupont[:-3])) == sorted(numbers), "a number's start finds all it starts"
    assert _names(nurse, forms, f"dupont {dupont}") == ["DUPONT"]


@given(st.integers(1, 999), st.integers(1, 99_999), st.integers(3, 14))
def test_any_downtime_number_or_its_start_is_one_prefix_term(device, sequence, length):
    from downtime.domain.downtime_number import format_downtime_number

    typed = format_downtime_number(device, sequence)[:length]
    assert search.match_expression(typed) == f'"{typed.replace("-", "").casefold()}"*'


def test_an_nir_typed_with_the_cards_spaces_finds_the_patient(session_for, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", admission_values)  # NIR 254037511302312
    for typed in ("2 54 03 75 113 023 12", "2 54 03 75 113 023", "lefevre 2 54 03 75 113 023 12"):
        assert [p.nir for p in search.search(nurse.db, nurse.forms, typed)] == ["254037511302312"], typed
    assert search.match_expression("1 85 05 2a 123 456 78") == '"185052a12345678"*'
    assert search.match_expression("12 03 1954") == '"12"* "03"* "1954"*', "a date with spaces is not an NIR"


@pytest.mark.parametrize("typed_on_the_form, stored", [("2.54.03.75.113.023.12", "254037511302312"),
                                                        ("2-54-03-75-113-023-12", "254037511302312"),
                                                        ("1 85 05 2a 004 123 56", "185052A00412356")])
def test_an_nir_typed_on_the_form_with_dots_dashes_or_a_small_2a_is_found(session_for, admission_values,
                                                                          typed_on_the_form, stored):
    """The form accepts an NIR with dots, dashes or a lower-case Corsican 2a (its key checked as
    typed); the index kept it as typed, so the NIR read off the card found nobody."""
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "nir": typed_on_the_form})
    spaced = " ".join((stored[0], stored[1:3], stored[3:5], stored[5:7], stored[7:10], stored[10:13], stored[13:]))
    for typed in (stored, spaced, stored.lower()):
        assert [p.nir for p in search.search(nurse.db, nurse.forms, typed)] == [stored], typed


def test_a_withdrawn_readmission_is_not_offered(session_for, admission_values):
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00"})
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T18:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    second = records.save_new(nurse, "admission", {**admission_values, "bed": "5", "used_name": "Mistyped"},
                              patient_id=first.patient_id)
    records.mark_entered_in_error(nurse, second.record_id, "wrong patient readmitted")
    found = search.search(nurse.db, nurse.forms, "lefevre")
    assert [(p.display_name, p.admission_record_id) for p in found] == [
        ("MARTIN Hélène Marie (née LEFÈVRE)", first.record_id)]



def test_a_readmitted_patient_is_found_once_as_they_stand(session_for, admission_values):
    """One line per stay said "2 patient(s) found" for one person, the first stay's line first
    (its old name and allergies; Enter opened that admission), and the command line refused
    the downtime number itself: "matches 2 patients; give the downtime number"."""
    nurse = session_for("nurse")
    first = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-11-27T09:00+01:00",
                                                  "allergy_status": "nka"})
    records.save_new(nurse, "discharge", {"discharged_at": "2026-11-27T18:00+01:00", "destination": "home",
                                          "letter_given": True, "medicines_given": True}, patient_id=first.patient_id)
    second = records.save_new(nurse, "admission", {**admission_values, "bed": "5", "used_name": "Durand"},
                              patient_id=first.patient_id)
    number = search.search(nurse.db, nurse.forms, "durand")[0].downtime_number
    for typed in (number, "lefevre", "martin", "durand"):
        assert [(p.display_name, p.admission_record_id, p.allergies) for p in search.search(
            nurse.db, nurse.forms, typed)] == [("DURAND Hélène Marie (née LEFÈVRE)", second.record_id, ("Penicillin",))], typed

def test_a_name_with_an_apostrophe_is_found_with_or_without_it(session_for, admission_values):
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "O'Connor", "used_name": "D’Almeida"})
    for typed in ("O'Connor", "oconnor", "o’connor", "connor", "dalmeida", "d'alm", "almeida"):
        assert [p.birth_date_in("en") for p in search.search(nurse.db, nurse.forms, typed)] == ["12/03/1954"], typed



@pytest.mark.parametrize("name, typed", [("Straße", "straße"), ("Straße", "strasse"), ("Lecœur", "lecoeur"),
                                         ("Lecœur", "Lecœur"), ("LECOEUR", "lecœur"), ("Sørensen", "sorensen"),
                                         ("Łukaszewicz", "lukasz"), ("Đặng", "dang"), ("Æbelø", "aebelo")])
def test_a_name_with_a_letter_of_its_own_is_found_as_typed_on_a_french_keyboard(session_for, admission_values,
                                                                               name, typed):
    """ß, œ, æ, ø, ł and đ are letters, not accents: the index kept them, so "lecoeur" did not
    find Lecœur nor "sorensen" Sørensen, and "straße", typed exactly, found nobody (the query
    folded it to "strasse")."""
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "birth_name": name, "used_name": ""})
    assert [p.birth_date_in("en") for p in search.search(nurse.db, nurse.forms, typed)] == ["12/03/1954"]


def _search_lines_migrated(tmp_path, before: str, column: str, lines: dict[int, str]) -> dict[int, str]:
    """Search lines written as the index held them before the migration `before` (only `column`
    filled), as they read once every migration has run."""
    import sqlcipher3
    from sqlite_utils import Database

    from downtime.storage.migrations import MIGRATIONS

    db = Database(sqlcipher3.connect(str(tmp_path / "old.sqlite")))
    MIGRATIONS.apply(db, stop_before=before)
    for rowid, text in lines.items():
        row = {"rowid": rowid, "patient_id": f"p{rowid}", "names": "", "birth": "", "numbers": "", column: text}
        db.execute("INSERT INTO patient_search (rowid, patient_id, names, birth, numbers)"
                   " VALUES (:rowid, :patient_id, :names, :birth, :numbers)", row)
    MIGRATIONS.apply(db)
    return dict(db.execute(f"SELECT rowid, {column} FROM patient_search").fetchall())


def test_migration_indexes_names_again_without_their_apostrophes(tmp_path):
    """Lines indexed before m011 get the rule each save now follows."""
    names = {1: "O'Connor Hélène D’Almeida", 2: "Martin Paul"}
    assert _search_lines_migrated(tmp_path, "m011_search_names_without_apostrophes", "names", names) == {
        rowid: search.with_apostrophes_dropped(text) for rowid, text in names.items()}
    assert search.with_apostrophes_dropped(names[1]) == "O'Connor Hélène D’Almeida OConnor Hélène DAlmeida"


def test_migration_indexes_an_nir_typed_with_dots_as_the_card_reads(tmp_path):
    """Lines indexed before m014 held the NIR as typed on the form."""
    lines = {1: "DT-001-00001-0 DT001000010 80121234 1.85.05.2a.004.123.56", 2: "DT-001-00002-8 DT001000028"}
    assert _search_lines_migrated(tmp_path, "m014_search_nir_as_the_card_reads", "numbers", lines) == {
        1: "DT-001-00001-0 DT001000010 80121234 185052A00412356", 2: lines[2]}


@pytest.mark.parametrize("typed,indexed", [
    ("1.85.05.2a.004.123.56", "185052A00412356"), ("2-55-08-2b-175-123-10", "255082B17512310"),
    ("1.85.05.2a.004.123.57", "1.85.05.2a.004.123.57"), ("1.85.05.2a.004.123", "1.85.05.2a.004.123"),
    ("9.85.05.2a.004.123.56", "9.85.05.2a.004.123.56"), ("DT-001-00001-0", "DT-001-00001-0")])
def test_m014_keeps_its_own_rule_of_a_sound_nir(typed, indexed):
    """m014 runs once on each laptop whenever it is updated: its own copy of the NIR's rules
    (only a sound NIR is written as the card reads it; a wrong key or shape stays as typed),
    never the live `domain.nir`, whose later change would index laptops differently."""
    assert migrations._m014_as_the_card_reads(typed) == indexed


def test_migration_indexes_birth_dates_by_month_and_year_and_short_year(tmp_path):
    """Lines indexed before m015 had the date of birth as DDMMYYYY, YYYYMMDD and YYYY."""
    lines = {1: "12031954 19540312 1954", 2: ""}
    assert _search_lines_migrated(tmp_path, "m015_search_birth_month_year_and_short_year", "birth", lines) == {
        1: search._birth_tokens(date(1954, 3, 12)), 2: ""}


def test_migration_indexes_names_again_with_plain_letters(tmp_path):
    """Lines indexed before m016 get the rule each save now follows."""
    names = {1: "Lecœur Hélène Straße Sørensen ŁUKASZ Đặng Æbelø", 2: "Martin Paul"}
    assert _search_lines_migrated(tmp_path, "m016_search_names_with_plain_letters", "names", names) == {
        rowid: search.with_plain_letters(text) for rowid, text in names.items()}
    assert search.with_plain_letters(names[1]).endswith(" Lecoeur Hélène Strasse Sorensen LUKASZ Dặng AEbelo")


@pytest.fixture
def identified(session_for, admission_values):
    """Admitted unidentified as INCONNU Trèfle, identified since as MARTIN Hélène Marie (née
    LEFÈVRE); and another patient, Trefler, whose own name starts as the temporary one did."""
    nurse = session_for("nurse")
    unknown = {key: value for key, value in admission_values.items()
               if key not in ("birth_name", "used_name", "given_names", "nir", "birth_date", "identity_document")}
    admitted = records.save_new(nurse, "admission", {
        **unknown, "unidentified": True, "temporary_name": "INCONNU Trèfle", "bed": "12",
        "descriptor": "Woman, about 70, found in the street", "identity_status": "provisional"})
    records.amend(nurse, admitted.record_id, {**admission_values, "bed": "12"}, "Identified by her daughter")
    records.save_new(nurse, "admission", {**admission_values, "birth_name": "Trefler", "used_name": "",
                                          "given_names": "Paul", "bed": "13", "nir": ""})
    return nurse


def _found(nurse, text):
    return [(found.patient.display_name, found.formerly) for found in search.find(nurse.db, nurse.forms, text)]


def test_a_patient_found_by_the_temporary_name_they_were_admitted_under_says_it(identified):
    """Searching the name on a sample's label (INCONNU TRÈFLE) listed MARTIN Hélène Marie alone:
    whoever searched could not tell why that line came up. The line found by an earlier name says
    it; one found by the patient's name now, or by their own name, does not."""
    assert _found(identified, "inconnu trefle") == [("MARTIN Hélène Marie (née LEFÈVRE)", "INCONNU TRÈFLE")]
    assert _found(identified, "found in the street") == [("MARTIN Hélène Marie (née LEFÈVRE)", "INCONNU TRÈFLE")]
    assert _found(identified, "martin trefle") == [("MARTIN Hélène Marie (née LEFÈVRE)", "INCONNU TRÈFLE")]
    assert sorted(_found(identified, "tref")) == [("MARTIN Hélène Marie (née LEFÈVRE)", "INCONNU TRÈFLE"),
                                                  ("TREFLER Paul", None)]
    assert _found(identified, "martin") == [("MARTIN Hélène Marie (née LEFÈVRE)", None)]
    assert _found(identified, "lefevre 12/03") == [("MARTIN Hélène Marie (née LEFÈVRE)", None)]


_NOW = ["martin", "helene", "marie", "lefevre", "mar", "hel"]  # her name now: each finds her
_BEFORE = ["inconnu", "trefle", "tref", "street", "woman", "about"]  # her name and description before only


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_NOW + _BEFORE), min_size=1, max_size=4))
def test_the_earlier_name_is_said_exactly_when_a_word_typed_is_found_in_it_alone(identified, words):
    """Any words of her names find her (and search finds the same patients); the temporary name
    is said when one of them is found only in it. (The fixture is only read.)"""
    text = " ".join(words)
    nurse = identified
    found = search.find(nurse.db, nurse.forms, text)
    assert [f.patient for f in found] == search.search(nurse.db, nurse.forms, text)
    said = {f.patient.display_name: f.formerly for f in found}
    assert said.get("MARTIN Hélène Marie (née LEFÈVRE)", "not found") == (
        "INCONNU TRÈFLE" if set(words) & set(_BEFORE) else None), text


def test_the_ehr_bands_barcodes_find_the_patient(session_for, admission_values):
    """Patients admitted before the outage wear the EHR's band, whose barcodes are the IPP and the
    encounter number, typed on the admission as the letter prints them: the IPP typed in groups
    ("800 123 45") and the encounter number found nobody."""
    nurse = session_for("nurse")
    records.save_new(nurse, "admission", {**admission_values, "ipp": "800 123 45", "encounter_number": "224 001 234"})
    for scanned in ("80012345", "224001234", "800 123 45"):
        (found,) = search.find(nurse.db, nurse.forms, scanned)
        assert found.exact and found.patient.ipp == "800 123 45", scanned
    assert [found.exact for found in search.find(nurse.db, nurse.forms, "800123")] == [False]
    assert search.find(nurse.db, nurse.forms, "45") == []


def test_the_ehr_number_a_patient_is_linked_to_finds_them(tmp_path, laptop, admission_values):
    """The records office links a patient with no IPP to the EHR's number 80099999; the clerk
    holding the EHR's labels of that patient scans one into Find: nobody, until now."""
    from downtime.services import back_entry
    from downtime.services.census import patient_with_location

    nurse, clerk = laptop(tmp_path / "office.sqlite", 900)
    saved = records.save_new(nurse, "admission", {**admission_values, "ward": "3B", "bed": "1", "ipp": None})
    number = patient_with_location(nurse.db, nurse.forms, saved.patient_id).downtime_number
    assert back_entry.link_patient(clerk, number, "800 999 99")
    assert [found.patient.downtime_number for found in search.find(clerk.db, clerk.forms, "80099999")
            if found.exact] == [number]
    lines = list(clerk.db.execute("SELECT numbers FROM patient_search"))
    search.rebuild(clerk.db, clerk.forms)
    assert list(clerk.db.execute("SELECT numbers FROM patient_search")) == lines


def test_the_number_scanned_whole_comes_first_and_alone_is_exact(session_for, admission_values):
    """Mrs Martin's EHR band reads IPP 1234567; Mr Roux's IPP, issued later, is 12345678, and he
    is in the bed before hers. Her band found both, in the list's bed order: his first."""
    nurse = session_for("nurse")
    martin = records.save_new(nurse, "admission", {**admission_values, "ipp": "1234567", "bed": "5"}).patient_id
    roux = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "used_name": "",
                                                 "given_names": "Paul", "nir": None, "birth_date": "1960-01-05",
                                                 "ipp": "12345678", "bed": "4"}).patient_id
    assert [(found.patient.patient_id, found.exact) for found in search.find(nurse.db, nurse.forms, "1234567")] == [
        (martin, True), (roux, False)]
    assert [patient.patient_id for patient in search.identified(nurse.db, nurse.forms, "12345678")] == [roux]
    assert search.identified(nurse.db, nurse.forms, "123456") == []
    assert search.identified(nurse.db, nurse.forms, "12/03/1954") == []


def test_a_withdrawn_admissions_number_says_what_became_of_it(session_for, admission_values, clock):
    """Mrs Martin admitted twice by mistake; the second admission, whose band and sample labels
    were printed, is marked entered in error. Its band scanned found nobody and said nothing."""
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    kept = records.save_new(nurse, "admission", admission_values)
    twice = records.save_new(nurse, "admission", {**admission_values, "bed": "14"})
    kept_number = patient_with_location(nurse.db, nurse.forms, kept.patient_id).downtime_number
    number = patient_with_location(nurse.db, nurse.forms, twice.patient_id).downtime_number
    records.mark_entered_in_error(nurse, twice.record_id, f"admitted twice: she is {kept_number}")
    assert search.find(nurse.db, nurse.forms, number) == []
    withdrawn = nurse.clock()
    assert search.number_status(nurse.db, nurse.forms, number.lower()).text("en") == (
        f"{number}: admission withdrawn {withdrawn:%d/%m %H:%M} by Hélène Lefèvre: “admitted twice: she is {kept_number}”")
    assert search.number_status(nurse.db, nurse.forms, kept_number) is None
    assert search.number_status(nurse.db, nurse.forms, "martin") is None


def test_a_paper_number_not_used_yet_says_so(session_for):
    from downtime.services import paper_numbers

    nurse = session_for("nurse")
    (number,) = paper_numbers.reserve(nurse, 1)
    said = search.number_status(nurse.db, nurse.forms, number).text("en")
    assert said == f"{number}: a paper number reserved {nurse.clock():%d/%m %H:%M} by Hélène Lefèvre, not given to a patient"


def test_a_number_whose_check_digit_fails_says_so_with_the_numbers_it_may_be_misread_from(
        session_for, admission_values):
    """DT-042-00001-8 copied by hand off a form as DT-042-00007-8: "0 patient(s) found", nothing
    said of a number that cannot exist, and the patient was admitted again under a second one.
    The numbers given here one digit or one swap away are named, the others are not."""
    from downtime.services.census import patient_with_location

    nurse = session_for("nurse")
    saved = records.save_new(nurse, "admission", admission_values)
    number = patient_with_location(nurse.db, nurse.forms, saved.patient_id).downtime_number
    misread = number[:-3] + "7" + number[-2:]
    assert search.find(nurse.db, nurse.forms, misread) == []
    assert search.number_status(nurse.db, nurse.forms, misread.lower()).text("en") == (
        f"{misread}: not a valid downtime number (its check digit does not match): re-read it. Read wrong, it may "
        f"be {number}")
    far = "DT-042-00777-1"
    assert search.number_status(nurse.db, nurse.forms, far).text("en") == (
        f"{far}: not a valid downtime number (its check digit does not match): re-read it")
    assert search.number_status(nurse.db, nurse.forms, "DT-042-0001-8") is None


def test_migration_indexes_the_ehr_numbers_whole(session_for, admission_values):
    """Lines indexed before m036 held the IPP as typed (three words for "800 123 45"), and no
    encounter number nor linked EHR number: they get what each save now writes."""
    from downtime.services import back_entry
    from downtime.services.census import patient_with_location

    nurse, clerk = session_for("nurse"), session_for("records")
    records.save_new(nurse, "admission", {**admission_values, "ipp": "800 123 45", "encounter_number": "224 001 234"})
    linked = records.save_new(nurse, "admission", {**admission_values, "birth_name": "Roux", "nir": None,
                                                   "ipp": None, "bed": "3"}).patient_id
    back_entry.link_patient(clerk, patient_with_location(nurse.db, nurse.forms, linked).downtime_number, "80099999")
    now = dict(nurse.db.execute("SELECT patient_id, numbers FROM patient_search"))
    assert {"80012345", "224001234", "80099999"} <= {number for line in now.values() for number in line.split()}
    for patient_id, numbers in now.items():
        before = " ".join(n for n in numbers.replace("80012345", "800 123 45").split() if n not in ("224001234", "80099999"))
        nurse.db.execute("UPDATE patient_search SET numbers = ? WHERE patient_id = ?", [before, patient_id])
    nurse.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm036_search_ehr_numbers_whole'")
    migrations.MIGRATIONS.apply(nurse.db)
    assert dict(nurse.db.execute("SELECT patient_id, numbers FROM patient_search")) == now


def test_a_number_withdrawn_twice_names_the_latest_withdrawal_the_night_the_clocks_go_back(
        patient_on_the_clock, session_for, clock, admission_values):
    """Admitted, withdrawn at 02:50 summer time, admitted again and withdrawn at 02:10 winter time,
    forty minutes later: ordered by the text of their times, "02:50+02:00" came after "02:10+01:00",
    and the band scanned named the first withdrawal and its reason."""
    from zoneinfo import ZoneInfo

    from downtime.services.census import patient_with_location
    from downtime.storage.records import list_current

    paris = ZoneInfo("Europe/Paris")
    patient = patient_on_the_clock(datetime(2026, 10, 25, 2, 40), "2026-10-25T02:30+02:00")
    nurse = session_for("nurse")
    number = patient_with_location(nurse.db, nurse.forms, patient).downtime_number
    [first] = list_current(nurse.db, form_id="admission", patient_id=patient)
    clock.now = datetime(2026, 10, 25, 2, 50, tzinfo=paris)
    records.mark_entered_in_error(nurse, first.record_id, "wrong patient")
    again = records.save_new(nurse, "admission", {**admission_values, "arrival_at": "2026-10-25T02:45+02:00",
                                                  "allergy_status": "nka", "allergies": []}, patient_id=patient)
    clock.now = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=paris)
    records.mark_entered_in_error(nurse, again.record_id, "admitted on the wrong number")
    assert search.number_status(nurse.db, nurse.forms, number).text("en") == (
        f"{number}: admission withdrawn 25/10 02:10 +01:00 by Hélène Lefèvre: “admitted on the wrong number”")


def test_another_laptops_number_told_apart_says_it_is_no_patients_here(session_for):
    """Another laptop's band, its number told apart as its barcode holds it, scanned into Find
    said "0 patient(s) found": nothing of the laptop it names, whose patient it is."""
    from downtime.domain.downtime_number import format_downtime_number

    nurse = session_for("nurse")
    band = format_downtime_number(777, 5).replace("-", "") + "/deadbeef"
    assert search.find(nurse.db, nurse.forms, band) == []
    assert search.number_status(nurse.db, nurse.forms, band).text("en") == (
        f"{format_downtime_number(777, 5)} (laptop deadbeef): no patient's on this laptop: a number the laptop "
        "named gave, whose records are there")
