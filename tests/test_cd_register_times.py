"""The controlled-drug register's times on the ward's clock, on screen (see
tests/qt/test_cd_register_times_view.py), on its printed page and in the export's "when" column:
the night the clocks go back, two lines an hour apart, at 02:30 summer time and 02:30 winter time,
say which 02:30 ("25/10/2026 02:30 +02:00", then "+01:00"), as the app asks them typed. They read
as one minute on a legal register, a double dose of morphine to whoever audits the page."""

import csv
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from downtime.services import cd_register, printing, wards
from downtime.services.cd_register import RegisterLine
from downtime.sync.cd_register_csv import ENCODING, PATH
from downtime.sync.export import export
from tests.pdf_text import pdf_text

PARIS = ZoneInfo("Europe/Paris")
WITNESS = ("doctor", "2222")
TWICE = ["25/10/2026 02:30 +02:00", "25/10/2026 02:30 +01:00"]


@pytest.fixture
def received_twice(session_for, clock):
    """Ward 3B's morphine received at 02:30 summer time, then an hour later at 02:30 winter time;
    returns the nurse's session."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", ["12"])
    nurse = session_for("nurse")
    for fold in (0, 1):
        clock.now = datetime(2026, 10, 25, 2, 30, fold=fold, tzinfo=PARIS)
        cd_register.cd_receive(nurse, "3B", "Morphine", "mg", 10, witness=WITNESS)
    return nurse


def test_two_lines_an_hour_apart_in_the_repeated_hour_say_which_02_30(received_twice):
    lines = cd_register.cd_lines(received_twice.db, received_twice.forms, "3B", "Morphine", "mg")
    assert [line.when_texts(PARIS) for line in lines] == [(TWICE[0], None), (TWICE[1], None)]


def test_the_printed_page_and_the_export_say_which_02_30(received_twice, session_for, tmp_path):
    text = pdf_text(printing.print_cd_page(received_twice, "3B", "Morphine", "mg", tmp_path / "page.pdf"))
    assert all(said in text for said in TWICE)
    folder = export(session_for("records"), tmp_path / "export").folder
    with (folder / PATH).open(encoding=ENCODING, newline="") as handle:
        assert [line["when"] for line in csv.DictReader(handle)] == TWICE


def test_a_dose_stored_on_another_offset_is_dated_on_the_ward_s_clock():
    """A dose written at UTC by a laptop set so, merged here: its line read an hour off (09:00 for
    the 10:00 dose), as did the paper witness's "transcribed at" and a wastage's "dose of"."""
    given = datetime.fromisoformat("2026-11-28T09:00+00:00")
    written = datetime.fromisoformat("2026-10-25T00:30+00:00")  # the first 02:30 on the ward's clock
    dose = RegisterLine(at=given, kind="administration", change=-5, balance=15, author="nurse", witness="doctor",
                        patient="DT-1", note=None, given_at=given, on_paper=True)
    assert dose.when_texts(PARIS) == ("28/11/2026 10:00", None)
    late = RegisterLine(at=written, kind="administration", change=-5, balance=15, author="nurse", witness="doctor",
                        patient="DT-1", note=None, on_paper=True)
    assert late.witness_text({}, "en", PARIS) == "witness on paper: doctor (transcribed by nurse at 25/10 02:30 +02:00)"
    wasted = RegisterLine(at=written, kind="wastage", change=-1, balance=14, author="nurse", witness="doctor",
                          patient="DT-1", note=None, given_at=given)
    assert wasted.entry_times(PARIS) == {"given": "28/11/2026 10:00", "counted": "", "struck_at": ""}


@pytest.mark.parametrize("kind, lang, said", [
    ("withdrawal", "en", "(withdrawn 25/10 02:50 +01:00)"),
    ("withdrawal", "fr", "(annulée 25/10 02:50 +01:00)"),
    ("administration", "en", "(written 25/10 02:50 +01:00)"),
    ("administration", "fr", "(saisie 25/10 02:50 +01:00)"),
])
def test_a_line_written_in_the_repeated_hour_prints_its_time_whole_at_the_page_s_size(tmp_path, kind, lang, said):
    """Morphine given at 23:00 on 24/10, its line written (or withdrawn) at 02:50 winter time: kept
    whole with no break, the words and the offset overflowed the column, the cell shrank to 6 pt
    and the offset was cut "+01:0-" / "0)" on a legal register."""
    from downtime.pdf.cd_register import cd_page_pdf
    from tests.pdf_text import pdf_runs

    at = datetime.fromisoformat
    line = RegisterLine(at=at("2026-10-25T02:50+01:00"), kind=kind, change=5 if kind == "withdrawal" else -5,
                        balance=20, author="nurse", witness="doctor", patient="DT-042-00001-3", note=None,
                        given_at=at("2026-10-24T23:00+02:00"))
    out = cd_page_pdf([line], tmp_path / "cd.pdf", ward="3B", drug="Morphine", unit="mg",
                      names={"nurse": "Hélène Lefèvre", "doctor": "Dr Karim Benali"}, lang=lang,
                      printed_by="Hélène Lefèvre", printed_at=at("2026-10-25T03:10+01:00").astimezone(PARIS),
                      device_name="Laptop 3B-1")
    assert said in pdf_text(out)
    assert {run.size for run in pdf_runs(out) if "23:00" in run.text or said.split()[0] in run.text} == {8}


def test_a_page_printed_in_the_repeated_hour_says_which_time_its_balance_is_at(received_twice, clock, tmp_path):
    """Printed at the second 02:45, the page said "balance 20 mg at 25/10/2026 02:45" and "Printed
    … on 25/10/2026 02:45", whichever 02:45, above lines that say which."""
    clock.now = datetime(2026, 10, 25, 2, 45, fold=1, tzinfo=PARIS)
    text = pdf_text(printing.print_cd_page(received_twice, "3B", "Morphine", "mg", tmp_path / "page.pdf"))
    assert "Ward 3B — balance 20 mg at 25/10/2026 02:45 +01:00" in text
    assert "on 25/10/2026 02:45 +01:00 — " in text
