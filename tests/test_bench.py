"""The benchmark runs and prints every figure (a smoke test: no timing is asserted)."""

import json

from downtime.bench import main


def test_bench_prints_every_figure(capsys):
    assert main(["--scale", "tiny"]) == 0
    first, *table = capsys.readouterr().out.splitlines()
    figures = json.loads(first)
    assert set(figures) == {"scale", "cold_start_s", "save_empty", "load_admissions", "save_loaded", "search",
                            "census_ward_ms", "mar_grid_ms", "fhir_export"}
    assert figures["save_loaded"]["p95_ms"] > 0 and figures["fhir_export"]["records"] > 100
    assert len(table) == 8 and "FHIR export" in table[-1]
