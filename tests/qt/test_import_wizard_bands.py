"""The import wizard names the patients whose wristband the import made wrong and prints their
new bands: brought on another laptop's stick, a penicillin anaphylaxis left the band on the
patient reading "No known allergies", and the wizard said only how many versions it added."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from downtime.qt.transfer_dialogs import ImportWizard
from downtime.services import records
from downtime.sync.export import export
from downtime.sync.import_export import import_export


def test_the_import_wizard_names_the_band_an_imported_allergy_made_wrong_and_prints_it(qtbot, tmp_path, laptop,
                                                                                       clock, admission_values,
                                                                                       type_text):
    from pypdf import PdfReader

    from downtime.qt.print_preview import PrintPreview

    values = {**admission_values, "allergy_status": "nka", "allergies": []}
    nurse_1, clerk_1 = laptop(tmp_path / "1.sqlite", 1)
    clerk_2 = laptop(tmp_path / "2.sqlite", 2)[1]
    saved = records.save_new(nurse_1, "admission", values)
    import_export(clerk_2, export(clerk_1, tmp_path / "first").folder)
    clock.advance(minutes=10)
    records.amend(nurse_1, saved.record_id, {**values, "allergy_status": "allergies", "allergies": [
        {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]}, "allergy found")
    folder = export(clerk_1, tmp_path / "second").folder

    wizard = ImportWizard(clerk_2)
    qtbot.addWidget(wizard)
    wizard.show()
    type_text(wizard.source.path, str(folder))
    with qtbot.waitSignal(wizard.run_page.ran, timeout=60_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.run_page
    assert page.succeeded, page.result.text()
    (number,) = [row["downtime_number"] for row in clerk_2.db.query("SELECT downtime_number FROM patients")]
    assert ("Wristband out of date for 1 patient(s): print a new one, put it on the patient and remove the old one — "
            f"{number} MARTIN Hélène Marie (née LEFÈVRE) (allergies changed).") in page.result.text()
    assert page.reprint.isVisible()
    qtbot.mouseClick(page.reprint, Qt.MouseButton.LeftButton)
    (preview,) = wizard.findChildren(PrintPreview)
    text = " ".join(PdfReader(preview.path).pages[0].extract_text().split())
    assert "ALLERGIES: Penicillin (Anaphylaxis, severe)" in text and "No known allergies" not in text
