"""The Back-entry tab gives each laptop's sticks and records under its progress: from the
hospital's total alone, a ward whose stick never came was named nowhere."""

from downtime.services import back_entry, records
from downtime.sync.export import export
from downtime.sync.import_export import import_export
from tests.qt.test_data_transfer import _back_entry_tab


def test_the_tab_says_each_laptops_sticks_and_records(qtbot, tmp_path, laptop, clock, admission_values):
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    nurse_2, clerk_2 = laptop(tmp_path / "2.sqlite", 2)
    records.save_new(nurse_1, "admission", admission_values)
    records.save_new(nurse_2, "admission", {**admission_values, "birth_name": "Roux", "nir": "", "bed": "3"})
    office = laptop(tmp_path / "office.sqlite", 900)[1]
    import_export(office, export(clerk_1, tmp_path / "s1").folder)
    import_export(office, export(clerk_2, tmp_path / "s2").folder)
    main, panel = _back_entry_tab(qtbot, office)
    assert panel.laptops.isVisible()
    assert panel.laptops.text().splitlines() == [account.text_in("en") for account in back_entry.by_laptop(office)]
    assert panel.laptops.text().splitlines()[1].startswith("laptop 2 (no. 002): 1 stick(s), the latest exported ")
