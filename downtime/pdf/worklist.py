"""The printed back-entry worklist: one block per patient (identity, downtime number, EHR
number once reconciled) with a line per record to enter, in the order to enter them, and boxes
for the EHR reference and the clerk's initials — for offices that tick paper while typing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from downtime.pdf.page import RULE, PageInfo, body_width, build_pdf, style
from downtime.services.back_entry import PatientWork, progress

HEADINGS = ("Step", "When", "What to enter", "Version", "To do", "EHR reference", "Initials")
WIDTHS = (0.12, 0.08, 0.33, 0.06, 0.23, 0.12, 0.06)  # To do holds an amendment's changes


def _cell(text: str, bold: bool = False) -> Paragraph:
    return Paragraph(escape(text), style(size=8, bold=bold, condensed=True, leading=9.5))


def _heading(group: PatientWork) -> Paragraph:
    if group.patient is None:
        return Paragraph("<b>Not about a patient</b> (theatre sessions and other ward records)", style(size=10))
    p = group.patient
    ehr = f" — EHR number <b>{escape(group.ehr_patient_number)}</b>" if group.ehr_patient_number else \
        " — EHR number: ____________"
    return Paragraph(f"<b>{escape(p.display_name)}</b> — born {p.birth_date_text} — "
                     f"<b>{escape(p.downtime_number)}</b>{ehr}", style(size=10))


def _table(group: PatientWork, width: float) -> Table:
    rows = [[_cell(h, bold=True) for h in HEADINGS]]
    for item in group.items:
        entered = item.entered
        rows.append([_cell(item.step_name), _cell(item.record.occurred_at.strftime("%d/%m %H:%M")),
                     _cell(item.label), _cell(str(item.record.version)), _cell(item.to_do, bold=not item.done),
                     _cell(entered.ehr_reference if item.done and entered else ""),
                     _cell(entered.entered_by if item.done and entered else "")])
    table = Table(rows, colWidths=[w * width for w in WIDTHS], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
    ]))
    return table


def _subtitle(work: list[PatientWork], whole: bool) -> str:
    done, total = progress(work)
    if whole:
        return f"{done} of {total} record(s) entered in the EHR — {len(work)} group(s), in the order to enter them"
    names = [group.patient.display_name if group.patient else "records about no patient" for group in work]
    span = f"from {names[0]} to {names[-1]}" if names else "nothing left from the chosen patient on"
    return (f"Part of the list: {len(work)} group(s) {span}, in the order to enter them — "
            f"{done} of their {total} record(s) entered in the EHR")


def worklist_pdf(work: list[PatientWork], out: Path, *, whole: bool, printed_by: str, printed_at: datetime,
                 device_name: str) -> Path:
    info = PageInfo(title="Back-entry worklist", lang="en", printed_by=printed_by, printed_at=printed_at,
                    device_name=device_name, landscape=True, patient_box=False, subtitle=_subtitle(work, whole))
    width = body_width(info)
    story: list[Flowable] = []
    for group in work:
        story += [CondPageBreak(30 * mm), _heading(group), Spacer(1, 2 * mm), _table(group, width),
                  Spacer(1, 5 * mm)]
    return build_pdf(out, story, info)
