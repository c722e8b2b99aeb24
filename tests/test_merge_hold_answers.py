"""A record on hold is named with the answers its laptops' versions differ in, each laptop's
value, as the back-entry list names it: in the merge's report and manifest, and in the report of
the records office's import of the merge. They named versions, laptops and times alone, and the
clerk could not tell a typo in a comment from another dose."""

import csv
import json

from downtime.cli import main

# The 20:00 dose not given, written otherwise on the two laptops (conftest.reasons_on_hold).
LAPTOP_1 = "version 2 by {nurse}, 28/11/2026 14:10: Reason not given: O — Other (write why); Details: Theatre moved to 21:00"
LAPTOP_2 = "version 2 by {nurse}, 28/11/2026 14:10: Reason not given: W — Held for clinical reason (write why); Details: BP 85/50"


def _on_hold(lines: list[str], dose: str, form: str, nurse_1: str, nurse_2: str) -> bool:
    """Whether `lines` say the dose on hold with each laptop's answers (two versions written the
    same minute by one staff ID come in either order)."""
    start = f"ON HOLD, two laptops disagree from version 2: record {dose} ({form}, patient DT-001-00001-7): "
    said = [line.removeprefix(start).split(" | ") for line in lines if line.startswith(start)]
    return [sorted(parts) for parts in said] == [sorted([f"laptop 1 (no. 001): {LAPTOP_1.format(nurse=nurse_1)}",
                                    f"laptop 2 (no. 002): {LAPTOP_2.format(nurse=nurse_2)}"])]


def test_the_merge_report_and_manifest_say_the_answers_a_holds_versions_differ_in(reasons_on_hold, tmp_path, capsys):
    dose, *_, first, second = reasons_on_hold
    assert main(["merge", str(first), str(second), "--out", str(tmp_path / "merged")]) == 0
    # Each laptop's nurse by the name its export's staff directory gives, as the office's import names them.
    assert _on_hold(capsys.readouterr().out.splitlines(), dose, "Medication administration", "Nurse (nurse, laptop 001)",
                    "Nurse (nurse, laptop 002)")
    manifest = json.loads((tmp_path / "merged" / "manifest.json").read_text(encoding="utf-8"))
    assert _on_hold([hold["why"] for hold in manifest["on_hold"]], dose, "medication_administration",
                    "Nurse (nurse, laptop 001)", "Nurse (nurse, laptop 002)")
    # The merged CSV's lines of the dose name the columns to compare them by.
    with (tmp_path / "merged" / "csv" / "medication_administration.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = {row["on_hold"] for row in csv.DictReader(handle) if row["record_id"] == dose}
    assert cells == {"two laptops disagree from version 2, in the column(s) not_given_reason, not_given_detail: do not "
                     "enter before it is settled"}


def test_the_import_of_the_merge_says_them_naming_each_laptops_nurse(reasons_on_hold, tmp_path, laptop, capsys):
    """At the office, as on its Back-entry tab, another laptop's author is named with its laptop."""
    dose, *_, first, second = reasons_on_hold
    assert main(["merge", str(first), str(second), "--out", str(tmp_path / "merged")]) == 0
    laptop(tmp_path / "office.sqlite", 900)
    capsys.readouterr()
    assert main(["import", str(tmp_path / "merged"), "--db", str(tmp_path / "office.sqlite"), "--user", "records",
                 "--pin", "4444"]) == 0
    assert _on_hold(capsys.readouterr().out.splitlines(), dose, "Medication administration", "Nurse (nurse, laptop 001)",
                    "Nurse (nurse, laptop 002)")
