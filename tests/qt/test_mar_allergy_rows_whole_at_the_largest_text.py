"""The MAR of penicillin orders an allergy was recorded after, at the largest text on a 125 %
laptop (1092 pixels wide; at that text the window is no less than 615 high) and in the least
size the window takes (990×615 in English, 922×615 in French; a 150 % laptop's 910×405 is less,
the window goes past its screen): the first time row said the whole 190-character
sentence, 225 pixels tall (257 in French) in a chart 154 pixels high, scrolled a row at a time:
the nurse could read neither the row whole nor the rest of it. Each time row now says the short
flag in red, and is no taller than the chart (the whole of what it says in the medicine's
tooltip): with a second penicillin order, each row said "ALSO ORDERED: … ask the prescriber" too,
289 to 481 pixels in the 154. The whole sentence is above the chart, named by its orders (once
for the orders it is the same of), in at most `ALLERGIES_LINES` lines, the rest in its tooltip:
said whole for each of three orders, the block was 384 to 416 pixels and pushed the chart a
screen and more down. Capped at the chart's height, the row's text was cut before "not to be
given", the block's before "ne pas administrer", and "ALSO ORDERED" was seen nowhere: the
instruction comes first, in the flag and the block, the orders named last, and the words
checked are those drawn, cut as the row and the block cut them."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from downtime.qt.mar_view import ALLERGIES_LINES, MarView, lines_cut
from downtime.qt.style import TEXT_SIZES, change_text_size
from downtime.services import records, wards
from tests.test_allergy_reason_and_holds import CO_AMOXICLAV

WHOLE = {"en": ("NOT TO BE GIVEN — ALLERGY RECORDED AFTER THE ORDER: Penicillin (Anaphylaxis, severe): the "
                "prescriber to review the order (amend it with the allergy acknowledged, or stop it)"),
         "fr": ("NE PAS ADMINISTRER — ALLERGIE ENREGISTRÉE APRÈS LA PRESCRIPTION : Penicillin (Anaphylaxis, sévère) : "
                "le prescripteur doit revoir la prescription (la modifier en prenant acte de l’allergie, ou l’arrêter)")}
FLAG = {"en": "NOT TO BE GIVEN — ALLERGY SINCE ORDER: Penicillin (Anaphylaxis, severe)",
        "fr": "NE PAS ADMINISTRER — ALLERGIE DEPUIS LA PRESCRIPTION : Penicillin (Anaphylaxis, sévère)"}
NOT_GIVEN = {"en": "NOT TO BE GIVEN", "fr": "NE PAS ADMINISTRER"}
ALSO = {"en": "ALSO ORDERED", "fr": "AUSSI PRESCRIT"}
ORDERS = [{**CO_AMOXICLAV, "times": "06:00 12:00 18:00 22:00", "start_at": "2026-11-28T06:00+01:00",
           "review_at": "2026-11-30T16:00+01:00"}]
ORDERS += [{**ORDERS[0], "drug": "Piperacillin-tazobactam", "dose": 4.5, "times": "06:00 14:00 22:00"},
           {**ORDERS[0], "drug": "Amoxicillin", "dose": 500, "dose_unit": "mg", "route": "PO",
            "times": "08:00 14:00 20:00"}]
"""A qds co-amoxiclav, and two more penicillins: amoxicillin, the same medicine, adds "ALSO
ORDERED" to its rows and co-amoxiclav's."""


def allergy_after_orders(session_for, admission_values, clock):
    """Ward 3B's patient with the three penicillin orders of 07:30, and a penicillin anaphylaxis
    recorded at 09:00 after them: the admission record."""
    wards.add_ward(session_for("admin"), "3B", "Medicine", [str(n) for n in range(1, 21)])
    clock.now = datetime.fromisoformat("2026-11-28T07:30+01:00")
    nurse = session_for("nurse")
    admission = records.save_new(nurse, "admission", {**admission_values, "allergy_status": "nka", "allergies": [],
                                                      "arrival_at": "2026-11-27T09:00+01:00"})
    for order in ORDERS:
        records.save_new(session_for("doctor"), "medication_order", order, patient_id=admission.patient_id)
    clock.now = datetime.fromisoformat("2026-11-28T09:00+01:00")
    return records.amend(nurse, admission.record_id, {**admission.data, "allergy_status": "allergies", "allergies": [
        {"substance": "Penicillin", "reaction": "Anaphylaxis", "severity": "severe"}]}, "daughter: anaphylaxis")


@pytest.mark.parametrize("size", [(1092, 582), (0, 0)], ids=["laptop_125", "least"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_time_row_is_seen_whole_and_the_allergy_whole_above_the_chart(
        qtbot, laptop_window, session_for, admission_values, clock, app_style, lang, size):
    admission = allergy_after_orders(session_for, admission_values, clock)
    change_text_size(QApplication.instance(), len(TEXT_SIZES))
    reader = session_for("nurse", lang)
    window = laptop_window(reader, *size)
    assert window.width() == max(size[0], window.minimumSizeHint().width())
    view = MarView(reader, admission.patient_id, days=1)
    window.tabs.addTab(view, view.title)
    window.tabs.setCurrentWidget(view)
    qtbot.waitExposed(view)
    QApplication.processEvents()
    model, table = view.model, view.table
    assert model.rowCount() == 10
    for line in range(model.rowCount()):
        shown = model.data(model.index(line, 0), Qt.ItemDataRole.DisplayRole)
        tooltip = model.data(model.index(line, 0), Qt.ItemDataRole.ToolTipRole)
        assert FLAG[lang] in shown and WHOLE[lang] not in shown and WHOLE[lang] in tooltip, shown
        assert model.is_warning(line, 0)
        assert 0 < table.rowHeight(line) <= table.viewport().height(), f"row {line} seen whole"
        drawn = lines_cut(shown, table.font(), table.visualRect(model.index(line, 0)).width() - 8,
                          table.rowHeight(line) // table.fontMetrics().lineSpacing())
        assert NOT_GIVEN[lang] in drawn, f"row {line} drawn: {drawn}"
    said = view.allergies_said
    assert said.isVisible()
    whole = said.toolTip()
    assert whole.count(WHOLE[lang]) == 1, whole  # said once of the three orders
    assert whole.startswith(WHOLE[lang]) and "Piperacillin-tazobactam 4" in whole and "Amoxicillin 500" in whole
    assert said.text().startswith(NOT_GIVEN[lang]) and ALSO[lang] in said.text(), said.text()
    margins = said.contentsMargins()
    more = (ALLERGIES_LINES + 1) * said.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
    assert said.height() < more, f"{said.height()} pixels, {ALLERGIES_LINES + 1} lines are {more}: {said.text()}"
    assert said.text() == whole or "…" in said.text()
