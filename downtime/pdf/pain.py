"""The pain chart on paper: a line per assessment, oldest first (when, the score on its scale, with
a child's observed items under a FLACC or EVENDOL total, where, what was done, the sedation and
breathing an opioid can lower, when to assess again, notes, who did it, what it asked: breathing
an opioid depresses, pain untreated), then ruled lines to carry on by hand while the laptop is
away; over it when the latest falls due again, and how to score on each scale and when to stop
the opioid, so the same pain is scored alike on paper. The blank chart is the ruled lines alone:
with no column for them, the opioid watch was not asked on paper, nor could be typed from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from downtime.domain.laptops import NOBODY, Authors, Laptop
from downtime.domain.pain import Sign
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.pdf.amendments import NONE, Amendments, charted, footnotes, marked, marks
from downtime.pdf.page import (PageInfo, body_width, build_pdf, carried_on_by_hand, chart_cell, chart_info, in_words,
                               next_due_line)
from downtime.services.pain import Assessed
from downtime.services.patients import PatientSummary

BY_HAND = 10
"""Ruled lines after the last assessment; the blank chart's are a page of them."""
BLANK_LINES = 16
WORDS: dict[str, dict[Lang, str]] = {
    "title": {"en": "Pain assessment chart", "fr": "Feuille d’évaluation de la douleur"},
    "blank_title": {"en": "Pain assessment chart (blank)", "fr": "Feuille d’évaluation de la douleur (vierge)"},
    "headings": {"en": "Date and time|Scale and score|Where|What was done|Sedation 0–3|Breaths /min|Again in|Notes|"
                       "Initials|What it asked",
                 "fr": "Date et heure|Échelle et score|Où|Ce qui a été fait|Sédation 0–3|FR /min|Réévaluer dans|"
                       "Remarques|Visa|Conduite demandée"},
    "scales": {"en": "Scales (write the scale before the score): N, a number the patient says, 0 none to 10 the "
                     "worst imaginable (4 or more: moderate or worse); V, a word: none, mild, moderate, severe; "
                     "Faces, the face a child from about 4 points at, 0, 2, 4, 6, 8 or 10 from the left (4 or more: "
                     "treat); A, Algoplus for an older patient who cannot say, one point each for face, eyes, "
                     "complaints, body, unusual behaviour (2 or more: pain likely).",
               "fr": "Échelles (écrire l’échelle avant le score) : N, un chiffre que dit le patient, de 0 aucune à 10 "
                     "la pire imaginable (4 ou plus : modérée ou plus) ; V, un mot : absente, faible, modérée, "
                     "intense ; Visages, le visage que montre l’enfant dès 4 ans environ, 0, 2, 4, 6, 8 ou 10 de "
                     "gauche à droite (4 ou plus : traiter) ; A, Algoplus pour un patient âgé qui ne peut pas dire, "
                     "un point chacun pour visage, regard, plaintes, corps, comportements inhabituels (2 ou plus : "
                     "douleur probable)."},
    "children": {"en": "A child under 7, or anyone who cannot say: FLACC, face, legs, activity, cry, consolability "
                       "each 0 to 2, out of 10 (1 to 3 mild discomfort, 4 to 6 moderate, 7 to 10 severe: 4 or more, "
                       "treat); or EVENDOL, vocal or verbal expression, facial expression, movements, positions, "
                       "relation with those around each 0 to 3, out of 15 (4 or more: treat). Write each item's "
                       "score under the total.",
                 "fr": "Enfant de moins de 7 ans, ou qui ne peut pas dire : FLACC, visage, jambes, activité, cris, "
                       "consolabilité cotés chacun de 0 à 2, sur 10 (1 à 3 inconfort léger, 4 à 6 douleur modérée, "
                       "7 à 10 douleur sévère : 4 ou plus, traiter) ; ou EVENDOL, expression vocale ou verbale, "
                       "mimique, mouvements, positions, relation avec l’environnement cotés chacun de 0 à 3, sur 15 "
                       "(4 ou plus : traiter). Écrire la cote de chaque item sous le total."},
    "plan": {"en": "Pain moderate or worse: give the analgesia prescribed, or tell the doctor if none is; assess it "
                   "again 30 minutes after an injection, an hour after a tablet.",
             "fr": "Douleur modérée ou plus : donner l’antalgique prescrit, ou prévenir le médecin s’il n’y en a pas ; "
                   "la réévaluer 30 minutes après une injection, une heure après un comprimé."},
    "sedation": {"en": "With an opioid (analgesia given, and at each reassessment after it): sedation 0 awake, 1 drowsy "
                       "at times, easily woken, 2 drowsy most of the time, woken by voice, 3 woken only by touch; "
                       "breathing a minute. Sedation 2 or more, or breathing under 10 a minute (under 20 before 1 year, "
                       "under 15 from 1 to 5 years): stop the opioid, call the doctor, naloxone as prescribed, until a "
                       "later line finds sedation under 2 and breathing at that limit or more. On comfort care (the "
                       "doctor's plan): tell the doctor if you suspect opioid toxicity.",
                 "fr": "Sous opioïde (antalgique donné, et à chaque réévaluation après lui) : sédation 0 éveillé, "
                       "1 somnolent par moments, facilement éveillable, 2 somnolent le plus souvent, éveillable à la "
                       "voix, 3 éveillable au toucher seulement ; FR, la fréquence respiratoire par minute. Sédation "
                       "2 ou plus, ou FR sous 10 par minute (sous 20 avant 1 an, sous 15 de 1 à 5 ans) : arrêter "
                       "l’opioïde, appeler le médecin, naloxone selon la prescription, jusqu’à une ligne suivante "
                       "trouvant une sédation sous 2 et une FR à ce seuil ou plus. En soins de confort (plan du "
                       "médecin) : prévenir le médecin si un surdosage d’opioïde est suspecté."},
}
WIDTHS = (0.07, 0.11, 0.10, 0.13, 0.09, 0.08, 0.09, 0.10, 0.06, 0.17)


def _guide(lang: Lang) -> list[Flowable]:
    return [chart_cell(f"• {in_words(WORDS, key, lang)}") for key in ("scales", "children", "plan", "sedation")]


def _watched(one: Assessed, name: str) -> Flowable:
    """The sedation or breathing noted, in red when it stops the opioid at the patient's age
    (domain.pain.depressing)."""
    value = one.record.data.get(name)
    stops = name in one.depressing
    return chart_cell("" if value is None else str(value), bold=stops, alert=stops)


def _score(one: Assessed, spec: FormSpec, lang: Lang) -> list[Flowable]:
    """The score on its scale, in red when it matters, over the items a child's total is made of."""
    items = one.items(spec, lang)
    return [chart_cell(one.score(spec, lang), bold=one.matters, alert=one.matters),
            *([chart_cell(items)] if items else [])]


def _table(found: Sequence[Assessed], spec: FormSpec, authors: Authors, laptops: Mapping[str, Laptop], lang: Lang,
           width: float, by_hand: int, at: datetime, amended: Mapping[str, str]) -> Flowable:
    """An amended assessment's time carries its mark (`amended`, pdf.amendments.marks), a line
    typed from the paper chart says so after it (its plan is the paper's)."""
    body: list[list[object]] = [[chart_cell(text, bold=True) for text in in_words(WORDS, "headings", lang).split("|")]]
    for one in found:
        data, record = one.record.data, one.record
        asked = [one.said(sign, spec, at, lang) for sign in one.signs(at) if sign is not Sign.OVERDUE]
        body.append([chart_cell(marked(one.when(lang), one, amended)),
                     _score(one, spec, lang),
                     chart_cell(" ".join((data.get("where") or "").split())),
                     chart_cell(one.what_was_done(spec, lang, watched=False)),
                     _watched(one, "sedation"), _watched(one, "breathing_rate"),
                     chart_cell(format_value(spec.field("reassess_in"), data["reassess_in"], lang)),
                     chart_cell(" ".join((data.get("notes") or "").split())),
                     chart_cell(authors.initials(record.author, record.device_id, laptops)),
                     chart_cell(semicolon(lang).join(asked), bold=True, alert=True)])
    return carried_on_by_hand(body, WIDTHS, width, by_hand, 9 * mm)


def pain_chart_pdf(patient: PatientSummary, found: Sequence[Assessed], spec: FormSpec, out: Path, *,
                   authors: Authors, laptops: Mapping[str, Laptop], lang: Lang, printed_by: str,
                   printed_at: datetime, device_name: str, amended: Amendments = NONE) -> Path:
    """`found`: the patient's standing pain assessments, oldest first; `authors`: who made each
    (initials). The latest's next assessment is said over the chart, overdue or not; under it,
    the amendments of those `amended` (pdf.amendments): a 9/10 treated with morphine, corrected
    to 3/10, read as a 3/10 treated with morphine."""
    info = chart_info(patient, in_words(WORDS, "title", lang), lang=lang, printed_by=printed_by,
                      printed_at=printed_at, device_name=device_name)
    latest = next_due_line(found[-1].next_one(spec, printed_at, lang), found[-1].overdue(printed_at)) if found else []
    lines = charted(((one.record, one.assessed_at) for one in found), amended)
    return build_pdf(out, [*_guide(lang), Spacer(1, 2 * mm), *latest, Spacer(1, 2 * mm),
                           _table(found, spec, authors, laptops, lang, body_width(info), BY_HAND, printed_at,
                                  marks(lines)),
                           *footnotes(lines, spec, lang, body_width(info), zone=printed_at.tzinfo, signed=lambda author, device: authors.initials(author, device, laptops))],
                     info)


def blank_pain_chart_pdf(spec: FormSpec, out: Path, *, lang: Lang, printed_by: str | None, printed_at: datetime,
                         device_name: str) -> Path:
    info = PageInfo(title=in_words(WORDS, "blank_title", lang), lang=lang, printed_by=printed_by,
                    printed_at=printed_at, device_name=device_name, blank=True)
    return build_pdf(out, [*_guide(lang), Spacer(1, 2 * mm),
                           _table([], spec, NOBODY, {}, lang, body_width(info), BLANK_LINES, printed_at, {})], info)
