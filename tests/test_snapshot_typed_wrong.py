"""A snapshot IT got wrong in ways a spreadsheet or an EHR's extract makes easy: a column pasted
twice, a dose shown with a thousands comma, a partial date of birth, a JSON null. Each is refused
naming the file and line (or the bundle's entry) with nothing written, or read as FHIR means it;
none loads a dose or a number other than the one the EHR holds."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from downtime.formspec.values import ParseError, parse_decimal, parse_integer
from downtime.storage.records import list_current
from downtime.sync.importing import import_path
from downtime.sync.outcome import ImportRefused
from tests.test_snapshot_import import SNAPSHOT, _bundle, _counts, _edit, _written


@pytest.fixture
def clerk(session_for):
    return session_for("records")


@pytest.fixture
def snapshot(tmp_path):
    return Path(shutil.copytree(SNAPSHOT, tmp_path / "snapshot"))


def _refused(clerk, path: Path) -> ImportRefused:
    before = _counts(clerk.db)
    with pytest.raises(ImportRefused) as refused:
        import_path(clerk, path)
    assert _counts(clerk.db) == before
    return refused.value


TWICE = "{path}, line 1: column {column!r} is listed twice (columns {first} and {second})"


def test_a_column_listed_twice_is_refused_naming_both_places(clerk, snapshot, french):
    """The IPP pasted twice, the copy empty: both patients loaded with no IPP, lost from the
    wristband and the back-entry, nothing said."""
    french(TWICE, "{path}, ligne 1 : la colonne {column!r} figure deux fois (colonnes {first} et {second})")
    _edit(snapshot / "patients.csv", ",ipp\n", ",ipp,ipp\n")
    refused = _refused(clerk, snapshot)
    assert refused.text("en") == "patients.csv, line 1: column 'ipp' is listed twice (columns 9 and 10)"
    assert refused.text("fr") == "patients.csv, ligne 1 : la colonne 'ipp' figure deux fois (colonnes 9 et 10)"


def test_a_dose_column_pasted_twice_does_not_change_the_dose(clerk, snapshot):
    """Paracetamol 1 g and morphine 5 mg loaded as 10 g and 50 mg: the last copy won."""
    path = snapshot / "medication_orders.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",dose", lines[1] + ",10", lines[2] + ",50"]) + "\n", encoding="utf-8")
    assert str(_refused(clerk, snapshot)) == ("medication_orders.csv, line 1: column 'dose' is listed twice "
                                              "(columns 4 and 17)")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(p.name for p in SNAPSHOT.glob("*.csv") if p.name != "snapshot.csv")),
       data=st.data())
def test_any_column_listed_twice_is_refused(clerk, tmp_path_factory, name, data):
    folder = Path(shutil.copytree(SNAPSHOT, tmp_path_factory.mktemp("twice") / "snapshot"))
    rows = list(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"))))
    column = data.draw(st.integers(0, len(rows[0]) - 1))
    at = data.draw(st.integers(0, len(rows[0])))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(row[:at] + [row[column]] + row[at:] for row in rows)
    (folder / name).write_text(out.getvalue(), encoding="utf-8")
    first, second = sorted((column + (column >= at), at))
    assert str(_refused(clerk, folder)) == (f"{name}, line 1: column {rows[0][column]!r} is listed twice "
                                            f"(columns {first + 1} and {second + 1})")


HEPARIN = 'RX-3,P001,Heparin,"{dose}",units,SC,scheduled,08:00 20:00,,,,2026-11-25T10:00+01:00,no,yes,Dr Benali,RX-3\n'


@pytest.mark.parametrize("dose, readings", [("5,000", "5000 or 5"), ("1,500", "1500 or 1.5"),
                                            ("2,400,000", "2400000")])
def test_a_dose_with_a_thousands_comma_in_a_comma_separated_file_is_asked_about(clerk, snapshot, dose, readings):
    """"5,000" units of heparin, as an English spreadsheet shows them, loaded as 5 units: the
    comma of a comma-separated file is in a number only where a spreadsheet quoted it for show."""
    path = snapshot / "medication_orders.csv"
    path.write_text(path.read_text(encoding="utf-8") + HEPARIN.format(dose=dose), encoding="utf-8")
    said = str(_refused(clerk, snapshot))
    assert said.startswith(f"medication_orders.csv, line 4, column dose: '{dose}': "), said
    assert f"write {readings}: no thousands separator" in said, said


def _semicolons(folder: Path) -> None:
    """The snapshot as French Excel saves it: semicolons between cells, decimal commas."""
    for path in folder.glob("*.csv"):
        out = io.StringIO()
        csv.writer(out, delimiter=";", lineterminator="\n").writerows(
            csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        path.write_text(out.getvalue(), encoding="utf-8")


def test_a_whole_number_with_a_thousands_comma_in_a_comma_separated_file_is_asked_about(clerk, snapshot):
    """"1,000" as the most doses in 24 h loaded as 1: the comma of a comma-separated file is a
    thousands separator to the spreadsheet that quoted it, in a whole-number column as in a decimal one."""
    _edit(snapshot / "medication_orders.csv", ",4,6,", ',4,"1,000",')
    said = str(_refused(clerk, snapshot))
    assert said.startswith("medication_orders.csv, line 3, column max_doses_24h: '1,000': "), said
    assert "write 1: no thousands separator" in said, said


@pytest.mark.parametrize("parse, text, most, readings", [
    (parse_decimal, "72,500", 400, "72.5"), (parse_decimal, "3,000", 400, "3"),
    (parse_decimal, "5,000", 10000, "5000 or 5"), (parse_decimal, "9,000", 1, "9000"),
    (parse_integer, "1,000", 48, "1"), (parse_integer, "5,000", 10000, "5000 or 5")])
def test_a_comma_files_thousands_comma_is_asked_about_naming_only_the_readings_the_box_takes(parse, text, most,
                                                                                             readings):
    """A weight of "72,500" was asked about as "write 72500 or 72.5" in a box of at most 400 kg.
    Asked still, a comma in a comma-separated file being either, but of the one reading that fits;
    neither fitting, the number as the spreadsheet showed it."""
    options = {"as_written": True} if parse is parse_decimal else {}
    with pytest.raises(ParseError) as asked:
        parse(text, comma_separated=True, least=1, most=most, **options)
    assert asked.value.key == "zeros_after_the_point"
    assert asked.value.limit.text("en") == readings


@pytest.mark.parametrize("dose, read", [("0,5", 0.5), ("1,500", 1.5)])
def test_a_semicolon_files_comma_is_its_decimal_point(clerk, snapshot, dose, read):
    _semicolons(snapshot)
    _edit(snapshot / "medication_orders.csv", ";1;g;", f";{dose};g;")
    import_path(clerk, snapshot)
    doses = {record.data["drug"]: record.data["dose"] for record in list_current(clerk.db, "medication_order")}
    assert doses == {"Paracetamol": read, "Morphine": 5}


def test_a_comma_separated_files_decimal_point_is_read_as_written(clerk, snapshot):
    _edit(snapshot / "medication_orders.csv", ",1,g,", ",1.500,g,")
    import_path(clerk, snapshot)
    doses = {record.data["drug"]: record.data["dose"] for record in list_current(clerk.db, "medication_order")}
    assert doses == {"Paracetamol": 1.5, "Morphine": 5}


@given(number=st.integers(1000, 10**9))
def test_a_number_shown_with_thousands_commas_is_never_read_as_another(number):
    """Whatever an English spreadsheet shows with its commas, a comma-separated file's cell is
    read as that number or asked about, never read as the number before the comma."""
    try:
        read = parse_decimal(f"{number:,}", as_written=True, comma_separated=True)
    except ParseError as problem:
        assert problem.key == "zeros_after_the_point" and problem.limit.grouped == str(number)
    else:
        assert read == number


@given(whole=st.integers(0, 999), fraction=st.integers(0, 999), point=st.sampled_from(".,"))
def test_a_decimal_written_by_another_system_is_read_as_written(whole, fraction, point):
    """A semicolon file's comma and any file's point: "72.000", "1,500" are decimals as written."""
    assert parse_decimal(f"{whole}{point}{fraction:03d}", as_written=True) == float(f"{whole}.{fraction:03d}")


BIRTH_DATE = "Patient.birthDate {born!r} is not a full date (YYYY-MM-DD): the admission needs its day and month"


@pytest.mark.parametrize("born", ["1950", "1950-02"])
def test_a_partial_date_of_birth_is_refused_naming_the_entry(clerk, tmp_path, french, born):
    """A valid FHIR date (the day of birth unknown) stopped the load with a raw ValueError."""
    french(BIRTH_DATE, "Patient.birthDate {born!r} n’est pas une date complète (AAAA-MM-JJ) : l’admission a besoin "
                       "du jour et du mois")
    bundle = _bundle()
    bundle["entry"][0]["resource"]["birthDate"] = born
    refused = _refused(clerk, _written(tmp_path, bundle))
    assert refused.text("en") == (f"bundle entry 1 (Patient 11111111-1111-4111-8111-111111111111): Patient.birthDate "
                                  f"'{born}' is not a full date (YYYY-MM-DD): the admission needs its day and month")
    assert "n’est pas une date complète" in refused.text("fr")


def _set(path: tuple, value: object):
    def damage(bundle: dict) -> None:
        *above, last = path
        node = bundle["entry"]
        for key in above:
            node = node[key]
        node[last] = value
    return damage


NULLS = {
    "given names": ((0, "resource", "name", 0, "given"), None),
    "identifiers": ((0, "resource", "identifier"), None),
    "names": ((0, "resource", "name"), None),
    "telecom": ((0, "resource", "telecom"), None),
    "participants": ((1, "resource", "participant"), None),
    "a participant's individual": ((1, "resource", "participant", 0, "individual"), None),
    "locations": ((1, "resource", "location"), None),
    "a location's codes": ((1, "resource", "location", 0, "physicalType", "coding"), None),
}


@pytest.mark.parametrize("case", sorted(NULLS))
def test_a_json_null_is_read_as_absent(clerk, tmp_path, case):
    """FHIR's JSON has no nulls: one the models let through escaped as a TypeError or an
    AttributeError. Read as absent, it loads, or is refused as missing, naming its entry."""
    path, value = NULLS[case]
    bundle = _bundle()
    _set(path, value)(bundle)
    before = _counts(clerk.db)
    try:
        import_path(clerk, _written(tmp_path, bundle))
    except ImportRefused as refused:
        assert str(refused).startswith("bundle entry "), str(refused)
        assert _counts(clerk.db) == before


NULL_ITEM = "{field} is null: an item of a list is left out or given, never null"
NULL_ITEMS = {
    "a given name": ((0, "resource", "name", 0, "given"), [None, "Élise"],
                     "bundle entry 1 (Patient 11111111-1111-4111-8111-111111111111): Patient.name[0].given[0]"),
    "a time of day": ((3, "resource", "dosageInstruction", 0, "timing", "repeat", "timeOfDay"),
                      ["08:00:00", None, "20:00:00"],
                      ("bundle entry 4 (MedicationRequest 44444444-4444-4444-8444-444444444444): "
                       "MedicationRequest.dosageInstruction[0].timing.repeat.timeOfDay[1]")),
    "a reaction": ((2, "resource", "reaction", 0, "manifestation"), [None],
                   ("bundle entry 3 (AllergyIntolerance 33333333-3333-4333-8333-333333333333): "
                    "AllergyIntolerance.reaction[0].manifestation[0]")),
}


@pytest.mark.parametrize("case", sorted(NULL_ITEMS))
def test_a_null_in_a_list_is_refused_naming_the_entry_and_where(clerk, tmp_path, french, case):
    """Left out, one of the order's three dose times was lost from the MAR, the allergy's only
    reaction from the admission, nothing said: a null item (FHIR's JSON writes one only beside an
    extension saying why it is absent) is no item the ward can leave out."""
    french(NULL_ITEM, "{field} est null : un élément de liste est omis ou renseigné, jamais null")
    path, value, where = NULL_ITEMS[case]
    bundle = _bundle()
    _set(path, value)(bundle)
    refused = _refused(clerk, _written(tmp_path, bundle))
    assert refused.text("en") == where + " is null: an item of a list is left out or given, never null"
    assert refused.text("fr").endswith(" est null : un élément de liste est omis ou renseigné, jamais null")


@pytest.mark.parametrize("entry", [None, {"fullUrl": "urn:uuid:33333333-3333-4333-8333-333333333333"},
                                   {"resource": None}])
def test_an_entry_with_no_resource_is_refused_naming_it(clerk, tmp_path, entry):
    """The patient's only allergy in an entry with no resource, or a null one, or a null entry:
    skipped, the patient loaded with their allergies unknown, nothing said."""
    bundle = _bundle()
    bundle["entry"][2] = entry
    assert str(_refused(clerk, _written(tmp_path, bundle))) == "snapshot.json, entry 3: it has no resource"


@pytest.mark.parametrize("time", [0, 1.5, "08:00:30"])
def test_a_time_of_day_that_is_not_one_is_refused_naming_the_entry(clerk, tmp_path, time):
    """A number escaped as a TypeError; "08:00:30" was cut to 08:00 without a word."""
    bundle = _bundle()
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"]["repeat"]["timeOfDay"] = ["08:00:00", time]
    assert str(_refused(clerk, _written(tmp_path, bundle))) == (
        "bundle entry 4 (MedicationRequest 44444444-4444-4444-8444-444444444444): timing.repeat.timeOfDay "
        f"{time!r} is not a time on the minute (HH:MM:00)")


def test_an_entry_with_no_resource_type_is_refused_naming_it(clerk, tmp_path):
    """It escaped as a KeyError."""
    bundle = _bundle()
    bundle["entry"][2]["resource"] = {}
    assert str(_refused(clerk, _written(tmp_path, bundle))) == "snapshot.json, entry 3: its resource has no resourceType"


def test_a_time_written_twice_in_an_order_is_refused_naming_its_line_in_the_readers_language(clerk, snapshot):
    """"08:00 08:00 14:00 20:00" loaded as written, printed so on the chart, where the ward's
    own order form refuses it. The times' label is the form's in the reader's language: the
    French read « Administration times »."""
    _edit(snapshot / "medication_orders.csv", "08:00 14:00 20:00", "08:00 14:00 20:00 14:00")
    refused = _refused(clerk, snapshot)
    assert refused.text("en") == "medication_orders.csv, line 2: “Administration times”: 14:00 is written twice."
    assert refused.text("fr") == ("medication_orders.csv, ligne 2 : « Heures d’administration » : 14:00 est écrite "
                                  "deux fois.")


def test_a_time_of_day_written_twice_in_a_bundle_is_refused_naming_the_entry(clerk, tmp_path):
    bundle = _bundle()
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"]["repeat"]["timeOfDay"] = ["08:00:00", "08:00:00.000"]
    assert str(_refused(clerk, _written(tmp_path, bundle))) == (
        "bundle entry 4 (MedicationRequest 44444444-4444-4444-8444-444444444444): “Administration times”: 08:00 is "
        "written twice.")


HOURLY_AND_MORE = " ".join(f"{minutes // 60:02d}:{minutes % 60:02d}" for minutes in range(0, 25 * 57, 57))


@pytest.mark.parametrize("times", ["07:00 07:10 07:20", "08:00 08:20 14:00", "00:00 23:45", "06:00 06:15 06:30 06:45",
                                   HOURLY_AND_MORE])
def test_an_ehr_orders_times_closer_than_the_wards_form_allows_load_as_written(clerk, snapshot, times):
    """Mydriatic drops before an operation at 07:00 07:10 07:20, a loading dose every 15 min:
    the prescriber's order as the EHR holds it. Refused by the ward's order form's rule (30 min
    apart, 24 a day at most), one such line refused the whole hospital's snapshot."""
    _edit(snapshot / "medication_orders.csv", "08:00 14:00 20:00", times)
    import_path(clerk, snapshot)
    orders = {record.data["drug"]: record.data.get("times") for record in list_current(clerk.db, "medication_order")}
    assert orders["Paracetamol"] == times


@pytest.mark.parametrize("given, loaded", [(["08:00:00", "08:15:00"], "08:00 08:15"),
                                           (["08:00:00.000", "14:00:00.000"], "08:00 14:00"),
                                           (["08:00:00.5", "14:00:00"], None)])
def test_a_time_of_day_is_read_as_fhir_writes_it(clerk, tmp_path, given, loaded):
    """FHIR's time is hh:mm:ss(.sss): "08:00:00.000" refused the whole bundle. A time not on the
    minute is still refused, naming its entry."""
    bundle = _bundle()
    bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"]["repeat"]["timeOfDay"] = given
    if loaded is None:
        assert str(_refused(clerk, _written(tmp_path, bundle))) == (
            "bundle entry 4 (MedicationRequest 44444444-4444-4444-8444-444444444444): timing.repeat.timeOfDay "
            "'08:00:00.5' is not a time on the minute (HH:MM:00)")
        return
    import_path(clerk, _written(tmp_path, bundle))
    assert [record.data.get("times") for record in list_current(clerk.db, "medication_order")] == [loaded]


def test_a_null_among_a_lists_extensions_is_no_item_left_out(clerk, tmp_path):
    """FHIR's JSON writes "_timeOfDay": [null, {…}] for an extension on the second time only: the
    null says the first has none, and both times are there."""
    bundle = _bundle()
    repeat = bundle["entry"][3]["resource"]["dosageInstruction"][0]["timing"]["repeat"]
    repeat["timeOfDay"] = ["08:00:00", "20:00:00"]
    repeat["_timeOfDay"] = [None, {"extension": [{"url": "http://example.org/note", "valueString": "with food"}]}]
    import_path(clerk, _written(tmp_path, bundle))
    (order,) = list_current(clerk.db, "medication_order")
    assert order.data["times"] == "08:00 20:00"
