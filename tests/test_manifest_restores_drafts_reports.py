"""The records office's reports say what a laptop's manifest names that no export holds (see
test_manifest_restores_drafts): `downtime merge` prints it, and the import of the laptop's stick
says it too, where the office imports sticks one by one without a merge."""

from downtime.cli import main
from downtime.services import drafts
from downtime.sync.export import export
from downtime.sync.importing import import_path

DOSE = {"order": "order-1", "outcome": "given", "given_at": "28/11/2026 21:58", "dose_given": "1", "route": "IV"}


def _stick(laptop, clock, tmp_path):
    """Laptop 2, its nurse's dose typed at 21:00 and never saved, exported at 21:30."""
    nurse, clerk = laptop(tmp_path / "laptop-2.sqlite", 2)
    clock.now = clock.now.replace(hour=21, minute=0)
    drafts.save_draft(nurse, "dose-1", "medication_administration", DOSE)
    clock.now = clock.now.replace(hour=21, minute=30)
    return export(clerk, tmp_path / "stick").folder


def test_downtime_merge_prints_a_laptops_drafts_never_saved(laptop, clock, tmp_path, capsys):
    stick = _stick(laptop, clock, tmp_path)
    assert main(["merge", str(stick), "--out", str(tmp_path / "merged")]) == 0
    assert (f"UNSAVED DRAFTS: 1 form(s) typed on laptop 2 (no. 002) were still unsaved when it exported at "
            f"{clock():%d/%m/%Y} 21:30, so are in no export: 1 × Medication administration by Nurse (nurse), the last "
            f"typed {clock():%d/%m/%Y} 21:00.") in capsys.readouterr().out


def test_importing_a_laptops_stick_says_its_drafts_never_saved(laptop, clock, tmp_path):
    stick = _stick(laptop, clock, tmp_path)
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    (said,) = import_path(office, stick).not_exported_text("en", {"medication_administration": "Medication administration"})
    assert said.startswith("UNSAVED DRAFTS: 1 form(s) typed on laptop 2 (no. 002) were still unsaved")
