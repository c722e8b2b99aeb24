"""The benchmark runs and prints every figure (a smoke test: no timing is asserted)."""

import json

from downtime.bench import main


def test_bench_prints_every_figure(capsys):
    assert main(["--scale", "tiny"]) == 0
    first, *table = capsys.readouterr().out.splitlines()
    figures = json.loads(first)
    assert set(figures) == {"scale", "encrypted", "cold_start_s", "save_empty", "snapshot_import", "laptops", "merge_s", "import",
                            "save_loaded",
                            "patients", "search", "census_ward_ms", "mar_grid_ms", "back_entry", "mar_pack",
                            "fhir_export", "gui_peak_mb"}
    assert figures["encrypted"] is True and "encrypted databases" in table[0]
    assert figures["patients"] == 2 * 40 + 10  # two laptops of 40, then 10 saved on the loaded database
    assert figures["import"]["records"] == figures["laptops"]["records"] > 1000
    # one ward's snapshot: 30 patients, 6 orders each, 30 bookings four to a session
    assert figures["snapshot_import"]["records"] == 30 + 30 * 6 + 8 + 30
    assert figures["mar_pack"]["patients"] == 30 and figures["gui_peak_mb"]["main_window"] > 0
    assert figures["back_entry"]["patients"] >= figures["patients"] and figures["back_entry"]["first_page_ms"] > 0
    assert len(table) == 13 and "GUI peak memory" in table[-1]
