"""Blank and filled paper forms, laid out from the same form definition as the screen.

A blank form is for the downtime binder: boxes big enough to write in by hand, every option
as a tick box. A filled form prints a saved record the same way, with its version history, so
records staff read laptop and paper records alike.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from downtime.domain.clock import DATED
from downtime.domain.score_totals import SCORE_TOTALS
from downtime.domain.sepsis import OUTCOMES as SEPSIS_OUTCOMES
from downtime.domain.holds import Settled
from downtime.domain.laptops import Authors, Laptop
from downtime.domain.records import RecordStatus, RecordVersion
from downtime.formspec import Field, FormSpec, Lang
from downtime.formspec.schema import (
    AllOf, AnyOf, ChoiceField, Condition, DateField, DateTimeField, DecimalField, Equals,
    Filled, IntegerField, Meaning, MultiChoiceField, Not, OneOf, RepeatField, Section, StaffRefField,
    YesNoField,
)
from downtime.formspec.values import (NO_LONGER_ON_FORM, answer_text, as_current, format_value, leftover_lines, offered,
                                      shown, standing_for)
from downtime.i18n import message
from downtime.pdf.amendments import MARK as AMENDED_MARK
from downtime.pdf.lines import Lines
from downtime.pdf.page import (
    ALERT, BAND, HINT, RULE, SANS, LinesTable, PageInfo, allergies_beyond_box, allergy_colour, body_height, body_width,
    build_pdf, in_words, style, ward_clock, word,
)
from downtime.pdf.page import allergy_line  # noqa: F401 (read from here by the census, theatre list, labels and CLI)
from downtime.pdf.runs import Run, RunLines
from downtime.services import sepsis
from downtime.services.observations import (ObservationPlan, applies_to, band_text, copied_score, not_applicable_text,
                                             response)
from downtime.services.patients import PatientSummary
from downtime.services.version_changes import changes, changes_text

WRITING_LINE = 9 * mm
COLUMNS = 4
BOX, TICKED = "☐", "☒"
TICK_SIZE, BOX_SIZE = 8.5, 11
GAP = "\u00a0" * 3
"""After an answer, before the next box."""

TEXT: dict[str, dict[Lang, str]] = {
    "required_key": {"en": "* required", "fr": "* obligatoire"},
    "date_hint": {"en": "DD/MM/YYYY", "fr": "JJ/MM/AAAA"},
    "datetime_hint": {"en": "DD/MM/YYYY  HH:MM", "fr": "JJ/MM/AAAA  HH:MM"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
    "if": {"en": "if", "fr": "si"},
    "unless": {"en": "unless", "fr": "sauf si"},
    "if_applicable": {"en": "if applicable", "fr": "si applicable"},
    "filled": {"en": "answered", "fr": "renseigné"},
    "answer": {"en": "{label}: {value}", "fr": "{label} : {value}"},
    "version": {"en": "Version {version} — {status}", "fr": "Version {version} — {status}"},
    "final": {"en": "final", "fr": "définitive"},
    "amended": {"en": "amended", "fr": "modifiée"},
    "entered-in-error": {"en": "ENTERED IN ERROR", "fr": "SAISIE PAR ERREUR"},
    "recorded": {"en": "Recorded by {author} at {recorded} — event time {occurred}",
                 "fr": "Saisi par {author} le {recorded} — heure de l’événement {occurred}"},
    "history": {"en": "Amendment history", "fr": "Historique des modifications"},
    "amended_key": {"en": "{mark} beside an answer: amended since it was first saved; its earlier answers, when, by whom "
                          "and why are in the amendment history.",
                    "fr": "{mark} à côté d’une réponse : modifiée depuis son premier enregistrement ; ses réponses "
                          "antérieures, quand, par qui et pourquoi sont dans l’historique des modifications."},
    "hold_settled": {"en": "hold settled", "fr": "mise en attente levée"},
    "settled_reason": {"en": "Settles {what}. {reason}", "fr": "Lève {what}. {reason}"},
    "history_cols": {"en": "Version|Recorded at|By|Status|Reason|Changed (before → after)",
                     "fr": "Version|Saisie le|Par|Statut|Motif|Modifié (avant → après)"},
    "signature": {"en": "Name and signature of the person completing this form",
                  "fr": "Nom et signature de la personne qui remplit ce formulaire"},
    "signature_filled": {"en": "Checked on paper by (name, signature)",
                         "fr": "Vérifié sur papier par (nom, signature)"},
    "eie_reason": {"en": "Marked entered in error: {reason}", "fr": "Marqué saisie par erreur : {reason}"},
    "allergies_blank": {"en": "ALLERGIES (substance, reaction, severity), or tick:",
                        "fr": "ALLERGIES (substance, réaction, sévérité), ou cocher :"},
    "unknown_blank": {"en": "Not known yet — ask the patient, family or GP",
                      "fr": "Pas encore connues — demander au patient, à la famille ou au médecin traitant"},
    "signed_hint": {"en": "name, signature", "fr": "nom, signature"},
    "news2": {"en": "NEWS2 of these observations", "fr": "NEWS2 de ces constantes"},
    "news2_blank": {"en": "NEWS2 total ______   Clinical risk ______________   (score with the NEWS2 chart's key)",
                    "fr": "Total NEWS2 ______   Risque clinique ______________   (coter avec le barème de la feuille "
                          "NEWS2)"},
    "total": {"en": "{name} total", "fr": "Total {name}"},
    "sepsis_outcome": {"en": "Outcome", "fr": "Conclusion"},
    "sepsis_outcome_blank": {"en": "Outcome (tick one)", "fr": "Conclusion (en cocher une)"},
    "total_blank": {"en": "{name} total ______   (add up each answer's points; what it means: see its help)",
                    "fr": "Total {name} ______   (additionner les points de chaque réponse ; ce qu’il signifie : voir "
                          "l’aide)"},
    "total_blank_key": {"en": "{name} total ______   (add up each answer's points; what it means: see “{field}”)",
                        "fr": "Total {name} ______   (additionner les points de chaque réponse ; ce qu’il signifie : "
                              "voir « {field} »)"},
}


def t(key: str, lang: Lang, **values: Any) -> str:
    return in_words(TEXT, key, lang, **values)


def _p(text: str, **style_args: Any) -> Lines:
    """Fitted to its box as the form is laid out: a long name, drug or answer set smaller
    rather than cut inside a word or run past the box (see lines.fit)."""
    return Lines(text, style(**style_args))


def condition_text(spec: FormSpec, condition: Condition, lang: Lang) -> str:
    """A short note such as "if Unidentified patient: Yes" for a field the blank form shows
    although only some answers need it, naming the field it hangs on as that field's box is titled
    on paper (`Field.line_label`): "if Assessed by the SLT at answered" sent the nurse looking for a
    box titled "SLT assessed at"."""
    match condition:
        case Equals(field=name, equals=value):
            return f"{t('if', lang)} {_answer(spec, name, value, lang)}"
        case OneOf(field=name, in_=values):
            # The question once, then its answers: "if Refuses blood products: Refuses all blood
            # products / Refuses blood, accepts some components", not the question before each.
            return f"{t('if', lang)} " + t("answer", lang, label=spec.field(name).line_label(lang),
                                           value=" / ".join(_value(spec, name, v, lang) for v in values))
        # "unless Not scored answered": the CIWA-Ar's items, asked unless the check says why it has no score.
        case Filled(field=name, filled=False) | Not(not_=Filled(field=name, filled=True)):
            return f"{t('unless', lang)} {spec.field(name).line_label(lang)} {t('filled', lang)}"
        case Filled(field=name):
            return f"{t('if', lang)} {spec.field(name).line_label(lang)} {t('filled', lang)}"
        case Not(not_=Equals(field=name, equals=value)):
            return f"{t('unless', lang)} {_answer(spec, name, value, lang)}"
        case AllOf() | AnyOf() | Not():
            return t("if_applicable", lang)
    return t("if_applicable", lang)


def _answer(spec: FormSpec, name: str, value: Any, lang: Lang) -> str:
    return t("answer", lang, label=spec.field(name).line_label(lang), value=_value(spec, name, value, lang))


def _value(spec: FormSpec, name: str, value: Any, lang: Lang) -> str:
    field = spec.field(name)
    # A multiple choice's condition names one of its codes, which the field's answer holds in a list.
    shown = [value] if isinstance(field, MultiChoiceField) and not isinstance(value, list) else value
    return format_value(field, shown, lang)


HINT_SIZE, HINT_LEADING = 7, 7.6
"""A field's condition and help on a blank form: 7 pt, their lines as close as the 6.5 pt ones
were, so the blank forms keep their pages (the pain assessment its two)."""


def _label(spec: FormSpec, field: Field, lang: Lang, blank: bool, amended: bool = False) -> list[Flowable]:
    """A field's words on paper, blank or filled alike (`Field.line_label`): a printed dose read
    "Given by (if not you)", the screen's words to the nurse typing, where its blank reads "Given by".
    An answer `amended` since the record was first saved is marked where it stands, as the bedside
    charts mark a set: a weight amended from 71.9 to 54 kg read "Weight 54 kg", its old value only
    in the history pages later."""
    mark = (" *" if field.required else "") + (f" {AMENDED_MARK}" if amended else "")
    parts: list[Flowable] = [_p(f"{field.line_label(lang)}{mark}", size=8, bold=True, condensed=True)]
    # At 7 pt, the least a photocopy keeps: the condition in dark grey, the help (a score's
    # thresholds, a safety stop) in black; at 6.5 pt in mid grey a copy of a copy lost them.
    notes = [Run(f"({condition_text(spec, field.relevant, lang)}) ", color=HINT)] if (
        blank and field.relevant is not None) else []
    printed_help = field.blank_help()
    notes += [Run(printed_help.get(lang))] if blank and printed_help is not None else []
    if notes:
        parts.append(RunLines(notes, style(size=HINT_SIZE, condensed=True, leading=HINT_LEADING)))
    return parts


def _ticks(options: list[tuple[str, bool]], width: float) -> RunLines:
    """Boxes and their answers, each answer on one line where it fits the cell (`width`): one
    broken inside itself ("☐ Private" at a line's end, "vehicle" beside the next box) had its
    last word ticked for the next answer. An answer longer than a line breaks at its spaces,
    and a word of it wider than the cell is fitted as any printed word (see runs.fit_runs)."""
    def kept(label: str) -> str:
        whole = stringWidth(f"\u00a0{label}{GAP}", SANS, TICK_SIZE) + stringWidth(BOX, SANS, BOX_SIZE) <= width
        return label.replace(" ", "\u00a0") if whole else label

    runs: list[Run] = []
    for number, (label, chosen) in enumerate(options):
        gap = GAP + " " if number < len(options) - 1 else ""
        runs += [Run(TICKED if chosen else BOX, size=BOX_SIZE), Run(f"\u00a0{kept(label)}{gap}")]
    return RunLines(runs, style(size=TICK_SIZE, leading=13))


def _blank_content(field: Field, lang: Lang, width: float) -> list[Flowable]:
    match field:
        case ChoiceField() | MultiChoiceField():
            return [_ticks([(option.label.get(lang), False) for option in offered(field)], width)]
        case YesNoField():
            return [_ticks([(t("yes", lang), False), (t("no", lang), False)], width)]
        case DateField():
            return [_writing(field.paper.lines, t("date_hint", lang))]
        case DateTimeField():
            return [_writing(field.paper.lines, t("datetime_hint", lang))]
        case IntegerField() | DecimalField():
            return [_writing(field.paper.lines, field.unit or "")]
        case StaffRefField():  # on paper a person is named, and signs, as the screen's PIN signs
            return [_writing(field.paper.lines, t("signed_hint", lang))]
    return [_writing(field.paper.lines, "")]


class _WritingSpace(Flowable):
    """Empty lines to write on, with a faint hint (a date format or a unit) at the right."""

    def __init__(self, lines: int, hint: str):
        super().__init__()
        self.lines, self.hint = lines, hint

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.lines * WRITING_LINE

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(RULE)
        c.setDash(1, 2)
        for line in range(1, self.lines):
            c.line(0, line * WRITING_LINE, self.width, line * WRITING_LINE)
        c.setDash()
        if self.hint:
            c.setFillColor(HINT)
            c.setFont("DT-Sans", 7)
            c.drawRightString(self.width - 1 * mm, 1.5 * mm, self.hint)


def _writing(lines: int, hint: str) -> Flowable:
    return _WritingSpace(lines, hint)


def _filled_content(field: Field, value: Any, lang: Lang, who: Callable[[str], str] | None,
                    refs: Mapping[str, str] | None, width: float, unit: str | None = None,
                    beside: str | None = None) -> list[Flowable]:
    """`beside`: what the answer stands for that the record itself does not say, printed under it
    in red (see `filled_form_pdf`)."""
    match field:
        case ChoiceField():
            answer = standing_for(field, value)
            content = [_ticks(_choices(field, [] if answer is None else [answer], lang), width)]
        case MultiChoiceField():
            content = [_ticks(_choices(field, value or [], lang), width)]
        case YesNoField():
            content = [_ticks([(t("yes", lang), value is True), (t("no", lang), value is False)], width)]
        case _:
            content = [_p(answer_text(field, value, lang, who, refs, unit) or "—", size=10, leading=13)]
    return content + ([_p(beside, size=9, bold=True, color=ALERT)] if beside else [])


def _choices(field: ChoiceField | MultiChoiceField, chosen: list[Any], lang: Lang) -> list[tuple[str, bool]]:
    """The options the form offers, each ticked if chosen, then, ticked, each code chosen that it
    no longer offers, in words (a record kept under an older version: its "Midwife" printed no
    box ticked, a required answer read as not given)."""
    codes = [option.code for option in offered(field)]
    return ([(option.label.get(lang), option.code in chosen) for option in offered(field)]
            + [(format_value(field, code, lang), True) for code in chosen if code not in codes])


def _repeat_table(field: RepeatField, label: list[Flowable], rows: list[dict[str, Any]] | None, lang: Lang,
                  width: float) -> Table:
    """A repeat field as a box of its own, the whole row of the form: its label, its column
    headings, then a line per answer. Its answers may run over pages, each repeating the label
    and headings (held in one box of the grid, twenty long allergies were taller than a page
    and the record did not print). Blank, each line asks each answer as the field alone would:
    a choice's answers as tick boxes (a dose's "Warnings overridden" was an empty box where the
    screen offers its twelve warnings)."""
    header = [_p(sub.label.get(lang) + (" *" if sub.required else ""), size=7.5, bold=True, condensed=True)
              for sub in field.fields]
    column = width / len(field.fields)
    body: list[list[Any]] = []
    if rows is None:
        body = [[_blank_content(sub, lang, column - 12) for sub in field.fields] for _ in range(field.paper.rows)]
    else:
        for row in rows or []:
            body.append([_p(format_value(sub, row.get(sub.id), lang) or "—", size=9) for sub in field.fields])
        if not body:
            body = [["—"] + ["" for _ in field.fields[1:]]]
    table = Table([[label] + ["" for _ in field.fields[1:]], header] + body, colWidths=[column] * len(field.fields),
                  repeatRows=2)
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)),
        ("GRID", (0, 1), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.75, colors.black),
        ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, 0), 2), ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
    ]))
    return table


def _section_band(title: str, width: float) -> Table:
    band = Table([[_p(title, size=10, bold=True, color=colors.white)]], colWidths=[width])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), BAND),
                              ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return band


def _grid(cells: list[tuple[int, list[Flowable]] | Flowable], width: float) -> list[Flowable]:
    """Pack field boxes into rows of the 4-column grid, honouring each field's span; a
    flowable (a repeat field's table) is a row of its own. A row taller than a page (a
    transfer's 20 treatments filled in from the chart) carries on over the next (`LinesTable`):
    reportlab gave up on it, and the handover did not print."""
    rows: list[list[tuple[int, list[Flowable]]] | Flowable] = [[]]
    for cell in cells:
        if isinstance(cell, Flowable):
            rows += [cell, []]
            continue
        span, _ = cell
        if sum(s for s, _ in rows[-1]) + span > COLUMNS:
            rows.append([])
        rows[-1].append(cell)
    tables: list[Flowable] = []
    column = width / COLUMNS
    for row in rows:
        if isinstance(row, Flowable):
            tables.append(row)
            continue
        if not row:
            continue
        spans = [span for span, _ in row]
        spans[-1] += COLUMNS - sum(spans)
        table = LinesTable([[content for _, content in row]], colWidths=[s * column for s in spans])
        table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.75, colors.black),
                                   ("INNERGRID", (0, 0), (-1, -1), 0.75, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        tables.append(table)
    return tables


def _sections(spec: FormSpec, values: dict[str, Any] | None, lang: Lang, width: float,
              who: Callable[[str], str] | None = None, refs: Mapping[str, str] | None = None,
              asked: Mapping[str, bool] | None = None, units: Mapping[str, str] | None = None, *,
              scores_news2: bool, beside: Mapping[str, str] | None = None,
              amended: Collection[str] = frozenset(), plan: ObservationPlan | None = None,
              zone: tzinfo | None = None, version: int | None = None) -> list[list[Flowable]]:
    """Each section with a field to show: its band, then its rows of field boxes (`who`, `refs`,
    `asked`, `units` and `beside`: as `filled_form_pdf`'s, for a field naming a staff member or
    another record, the questions the record's context decides, a number's unit another record
    gives, and what an answer stands for; `scores_news2`: whether a `news2` section is scored,
    not for a child; `amended`: the fields whose answers an amendment changed, marked; `plan`: the
    doctor's observation plan standing, said on the ward's clock, `zone`, see `_news2`; `version`:
    the version of the form the record was first saved under, see values.shown)."""
    blank = values is None
    sections: list[list[Flowable]] = []
    for section in spec.sections:
        cells: list[tuple[int, list[Flowable]] | Flowable] = []
        for field in section.fields:
            if not (field.paper.on_blank if blank else shown(field, values or {}, asked or {}, version)):
                continue
            cell_width = width * field.paper.span / COLUMNS - 12
            label = _label(spec, field, lang, blank, field.id in amended)
            if isinstance(field, RepeatField):
                rows = None if blank else (values or {}).get(field.id) or []
                cells.append(_repeat_table(field, label, rows, lang, width))
                continue
            content = (_blank_content(field, lang, cell_width) if blank
                       else _filled_content(field, (values or {}).get(field.id), lang, who, refs, cell_width,
                                            (units or {}).get(field.id), (beside or {}).get(field.id)))
            cells.append((field.paper.span, label + content))
        if section.news2:
            cells.append((COLUMNS, _news2(section, values, lang, scores_news2, plan, zone)))
        if section.total and cells:  # a FLACC none of whose items was asked (an adult's pain) is no total
            cells.append((COLUMNS, _total(spec, section, values, lang)))
        if section.sepsis:
            cells.append((COLUMNS, _sepsis_outcome(values, lang, width)))
        if cells:
            rows = _grid(cells, width)
            if section.news2 or section.sepsis:  # a score never alone at the top of a page, away from its answers
                rows[-2:] = [KeepTogether(rows[-2:])]
            sections.append([_section_band(section.title.get(lang), width), *rows])
    return sections


def _news2(section: Section, values: dict[str, Any] | None, lang: Lang, scores: bool,
           plan: ObservationPlan | None, zone: tzinfo | None) -> list[Flowable]:
    """A `news2` section's score and the response it asks for, worked out from the answers as
    printed, or the doctor's `plan` that limits escalation instead (`observations.response`: a
    dying patient's printed set read "consider transfer to HDU or ICU"); on a blank form, room to
    write the score by hand; for a child (not `scores`), that NEWS2 does not apply."""
    label = _p(t("news2", lang), size=8, bold=True, condensed=True)
    if values is None:
        return [label, _p(t("news2_blank", lang), size=10, leading=16)]
    if not scores:
        return [label, _p(not_applicable_text(lang), size=10, bold=True, leading=13)]
    news2 = copied_score(section, values)
    if news2 is None:
        return [label, _p("—", size=10, leading=13)]
    return [label, _p(band_text(news2, lang), size=10, bold=True, leading=13),
            _p(response(news2, plan, lang, zone), size=8.5)]


def _total(spec: FormSpec, section: Section, values: dict[str, Any] | None, lang: Lang) -> list[Flowable]:
    """A `total` section's score (domain.score_totals: Braden, the 4AT, MUST) with what it means,
    as the screen shows it while typed; on a blank form, the box to add it up in by hand (the
    paper had none, and a filled record never said the total its export carries), naming the
    question whose help says what it means where the form says which (`Section.total_key`)."""
    score_total = SCORE_TOTALS[str(section.total)]
    if values is None:
        if section.total_key is None:
            return [_p(t("total_blank", lang, name=score_total.name), size=10, leading=16)]
        return [_p(t("total_blank_key", lang, name=score_total.name,
                     field=spec.field(section.total_key).line_label(lang)), size=10, leading=16)]
    label = _p(t("total", lang, name=score_total.name), size=8, bold=True, condensed=True)
    if any(values.get(item) in (None, "") for item in score_total.items):
        return [label, _p("—", size=10, leading=13)]
    return [label, _p(f"{score_total.total(values)} — {score_total.meaning(values, lang)}", size=10, bold=True,
                      leading=13)]


def _sepsis_outcome(values: dict[str, Any] | None, lang: Lang, width: float) -> list[Flowable]:
    """What a sepsis screening found (services.sepsis.found_on_form), as the screen shows it while
    typed; on a blank form, the outcome's boxes to tick, as the paper tool's. A printed screening
    said its answers, never whether they were red flag sepsis."""
    label = _p(t("sepsis_outcome" if values else "sepsis_outcome_blank", lang), size=8, bold=True, condensed=True)
    if values is None:
        return [label, _ticks([(words[lang], False) for words in sepsis.SHORT.values()], width - 12)]
    found = sepsis.found_on_form(values)
    return [label, _p("—" if found is None else SEPSIS_OUTCOMES[found][lang], size=10, bold=True, leading=13)]


SHORT_SECTION_ROWS = 2
"""A section of this many rows or fewer is kept whole on one page when it fits in half of one
(`_short`): the admission's blood products section left its advance decision at the top of the
next page, under no heading."""


def _height(flowables: list[Flowable], info: PageInfo) -> float:
    """The height `flowables` take in a page's body, one under another."""
    return sum(flowable.wrap(body_width(info), body_height(info))[1] for flowable in flowables)


def _short(flowables: list[Flowable], info: PageInfo) -> bool:
    """Whether `flowables` take at most half a page's body: kept whole, a taller block moved to
    the next page left most of this one blank (a filled admission's 16 allergies, two rows, left
    two thirds of a page empty), and one taller than a page was split all the same."""
    return _height(flowables, info) <= body_height(info) / 2


def _laid(part: list[Flowable], info: PageInfo) -> list[Flowable]:
    """A section as it flows: its band never alone at the foot of a page, a short one
    (`SHORT_SECTION_ROWS` rows, `_short`) whole, a gap after it."""
    band, first, *rows = part
    if len(rows) < SHORT_SECTION_ROWS and _short(whole := _unkept(part), info):
        return [KeepTogether(whole), Spacer(1, 3 * mm)]
    return [KeepTogether([band, first]), *rows, Spacer(1, 3 * mm)]


def _signed(parts: list[list[Flowable]], lang: Lang, key: str, info: PageInfo) -> list[Flowable]:
    """The form's sections (and amendment history), then the signature box, kept on one page
    with the last of them, or with its last row if that section is longer than half a page (a
    one-section form moved whole to page 2 left page 1 empty): a box alone at the top of a page
    signed nothing a reader could see, and a transfer's handover ran on to a page holding only
    it. (A KeepTogether within a KeepTogether is always taken to be taller than the page, so the
    last section's band is kept with its first row only here.) The box's title and its space to
    sign are one cell: as two rows, a last section taller than the page split the box between
    them, and the French blank medication administration form's last page held only an
    unlabelled space to sign. A last row that with the box is taller than a page flows on, its
    rows split over pages, for the box to follow its last: kept together, it was moved whole to
    the next page and the box pushed alone on to the one after."""
    width = body_width(info)
    box = Table([[[_p(t(key, lang), size=8, bold=True, condensed=True), Spacer(1, 14 * mm)]]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.75, colors.black)]))
    *before, last = parts
    story = [flowable for part in before for flowable in _laid(part, info)]
    end = [*_unkept(last), Spacer(1, 4 * mm), box]
    if len(last) == 2 or _short(end, info):
        return story + [KeepTogether(end)]
    band, first, *rows, final = last
    tail = [*_unkept([final]), Spacer(1, 4 * mm), box]
    kept = [KeepTogether(tail)] if _height(tail, info) <= body_height(info) else tail
    return story + [KeepTogether([band, first]), *rows, *kept]


def _unkept(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables with the rows a score keeps together opened out: reportlab measures a
    KeepTogether only while drawing it (wrapping one before crashed a form whose last section
    scores), and one inside another is always taken to be taller than the page."""
    return [inner for flowable in flowables
            for inner in (flowable._content if isinstance(flowable, KeepTogether) else [flowable])]


def blank_form_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None,
                   printed_at: datetime, device_name: str) -> Path:
    info = PageInfo(title=spec.title.get(lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name,
                    form_number=(spec.id, spec.version), blank=True, patient_box=spec.about_patient,
                    reserved_number=spec.creates_patient, subtitle=spec.notice.get(lang) if spec.notice else None)
    width = body_width(info)
    story = [_p(t("required_key", lang), size=7.5, color=HINT), Spacer(1, 2 * mm)]
    if spec.about_patient and spec.prints_allergies and spec.by_meaning(Meaning.ALLERGY_STATUS) is None:
        story += [_allergies_to_write(lang, width), Spacer(1, 3 * mm)]
    story += _signed(_sections(spec, None, lang, width, scores_news2=True), lang, "signature", info)
    return build_pdf(out, story, info)


def _allergies_to_write(lang: Lang, width: float) -> Table:
    """Where the filled form prints the patient's allergies, the blank one has a box to write
    them in: the transfer to another hospital, the paper that goes with the patient, asked
    "Allergies checked and written on this form" with nowhere on it to write them. (The
    admission asks them in a section of its own.)"""
    box = Table([[_p(t("allergies_blank", lang), size=8, bold=True, condensed=True, color=ALERT)],
                 [_ticks([(word("nka", lang), False), (t("unknown_blank", lang), False)], width - 12)],
                 [_writing(2, "")]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, ALERT)]))
    return box


def _history(spec: FormSpec, history: list[RecordVersion], settled: Sequence[Settled], authors: Authors,
             laptops: Mapping[str, Laptop], lang: Lang, width: float, zone: tzinfo | None) -> list[Flowable]:
    """Each version with the answers it changed from the one before, old and new (on paper the
    old value stays readable under the line through it: a print giving only the reason left the
    doctor who dosed by the old weight unable to see it changed), and each settlement of a hold
    among them by its time: one that kept the version standing wrote none, and its reason (who
    decided) was on no paper. `zone`: the printing's, whose clock each time is on (page.ward_clock)."""
    header = [_p(text, size=7.5, bold=True) for text in t("history_cols", lang).split("|")]
    lines = sorted([*((v.recorded_at, v.version, authors.of(lang, v.author, v.device_id, laptops), t(v.status.value, lang),
                       v.reason or "—", changes_text(changes(spec, before.data, v.data), lang) if before else "")
                      for before, v in zip([None, *history], history)),
                    *((found.at, found.standing_version, found.settler, t("hold_settled", lang),
                       t("settled_reason", lang, what=found.what_in(lang), reason=found.reason), "")
                      for found in settled)],
                   key=lambda line: (line[1], line[0]))
    rows = [[_p(str(version), size=8), _p(ward_clock(at, zone, DATED), size=8), _p(by, size=8),
             _p(status, size=8), _p(reason, size=8), _p(changed or "—", size=8)]
            for at, version, by, status, reason, changed in lines]
    # A reason taller than a page (the app sets it no length) carries on over the next: without
    # it reportlab gave up, and the record did not print.
    table = LinesTable([header] + rows, colWidths=[w * width for w in (0.09, 0.15, 0.14, 0.10, 0.22, 0.30)],
                       repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [_section_band(t("history", lang), width),
            _p(t("amended_key", lang, mark=AMENDED_MARK), size=8), Spacer(1, 1 * mm), table]


def _no_longer_asked(spec: FormSpec, record: RecordVersion, lang: Lang, width: float) -> list[list[Flowable]]:
    """The answers a record kept under an older version of its form holds that this version no
    longer asks, after its sections: printed nowhere, an earlier note's focus read as never written."""
    if not (lines := leftover_lines(spec, record.data, lang)):
        return []
    return [[_section_band(message(lang, NO_LONGER_ON_FORM), width),
             *_grid([(COLUMNS, [_p(line, size=10, leading=13) for line in lines])], width)]]


def filled_form_pdf(spec: FormSpec, record: RecordVersion, patient: PatientSummary | None, out: Path, *,
                    lang: Lang, printed_by: str, printed_at: datetime, device_name: str,
                    history: list[RecordVersion], authors: Authors, laptops: Mapping[str, Laptop],
                    refs: Mapping[str, str] | None = None, settled: Sequence[Settled] = (),
                    asked: Mapping[str, bool] | None = None, units: Mapping[str, str] | None = None,
                    beside: Mapping[str, str] | None = None, plan: ObservationPlan | None = None) -> Path:
    """`patient`: None for a record about no patient (a theatre session), printed as its blank
    form is, without the identification box or allergy line; `authors`: who recorded the record
    and each of its versions (see domain.laptops.Authors; `laptops` names their laptops), and so
    a field naming a staff member (a dose's witness, signed on the laptop of the record's first
    version, `history`'s); `refs`: how each record a field points to reads (a dose's order, see
    medication.reference_texts), printed as its id without; `asked`: the questions the record's
    context decides, printed only when asked (see medication.asked_by_order); `units`: a number's
    unit the record it points to gives (a dose given in its order's unit, records.units_from);
    `beside`: what an answer stands for, by field id, printed under it (the allergies a
    checklist's "Known allergy: Yes" is about, see printing.print_record); `plan`: the doctor's
    observation and escalation plan standing when the record was taken, said in place of a
    score's response when it limits escalation (`_news2`)."""
    withdrawn = record.status is RecordStatus.ENTERED_IN_ERROR
    info = PageInfo(title=spec.title.get(lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, patient=patient,
                    patient_box=patient is not None, allergies=spec.prints_allergies and patient is not None,
                    watermark=t("entered-in-error", lang) if withdrawn else None,
                    form_number=(spec.id, record.form_version),
                    subtitle="\n".join([*([spec.notice.get(lang)] if spec.notice else []),
                                         t("version", lang, version=record.version, status=t(record.status.value, lang))]))
    width = body_width(info)
    story: list[Flowable] = [_p(t("recorded", lang, author=authors.of(lang, record.author, record.device_id, laptops),
                                  recorded=ward_clock(record.recorded_at, printed_at.tzinfo, DATED),
                                  occurred=ward_clock(record.occurred_at, printed_at.tzinfo, DATED)),
                                size=8.5)]
    # The allergy status is each page's identification box's (`PageInfo.allergies`); here only what it had no room for.
    if spec.prints_allergies and patient is not None and (allergies := allergies_beyond_box(patient, lang)) is not None:
        story.append(_p(allergies, size=10, bold=True, color=allergy_colour(patient)))
    if withdrawn:
        story.append(_p(t("eie_reason", lang, reason=record.reason or ""), size=10, bold=True,
                        color=colors.HexColor("#8b0000")))
    story.append(Spacer(1, 2 * mm))
    signed_on = history[0].device_id if history else record.device_id  # its witness's laptop, never amended
    amended = {change.field.id for before, after in zip(history, history[1:])
               for change in changes(spec, before.data, after.data)}
    parts = _sections(spec, as_current(spec, record.data), lang, width, authors.on(lang, signed_on, laptops), refs,
                      asked, units, scores_news2=patient is None or applies_to(patient, record.occurred_at),
                      beside=beside, amended=amended, plan=plan, zone=printed_at.tzinfo,
                      version=(history[0] if history else record).form_version
                      ) + _no_longer_asked(spec, record, lang, width) + (
        [_history(spec, history, settled, authors, laptops, lang, width, printed_at.tzinfo)] if len(history) > 1 or settled else [])
    story += _signed(parts, lang, "signature_filled", info)
    return build_pdf(out, story, info)
