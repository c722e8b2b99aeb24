"""A death recorded before it was verified is asked of the ward without naming a doctor as its
verifier (review s66 T4 D5): since death form version 5 a registered nurse may verify an expected
death, and a clerk asking "has a doctor verified it?" was told "no, the nurse did" of a death
that stood verified."""

import json

from tests.test_fhir_export import _death_not_verified_yet_exported


def test_the_report_the_manifest_and_the_provenance_ask_whether_it_was_verified(session_for, admission_values, forms,
                                                                               tmp_path):
    death, result = _death_not_verified_yet_exported(session_for, admission_values, tmp_path)
    assert result.notes_in("en", forms)[0] == (
        "1 death(s) in the FHIR bundle were recorded before they were verified (the manifest's ask_the_ward, their "
        "Provenance tagged death-not-verified): ask the ward whether each has been verified before entering the death")
    [asked] = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))["ask_the_ward"]
    assert asked["why"] == ("DEATH NOT VERIFIED YET: recorded before it was verified; enter the death once a later "
                            "version of this record says it is verified")
