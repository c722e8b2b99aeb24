"""A patient's bowel chart: each stool with its Bristol type, or the day's check with none; when
the bowels last opened; what the chart asks of the nurse now (domain.bowels): loose stools that
may be infective, blood in the stool, bowels not opened for three days. Never stored: worked
out from the standing records."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from downtime.domain import elapsed
from downtime.domain.bowels import (BLEEDING, SAMPLE, SIGNS, Sign, bleeding_told, constipated_from, formed, in_a_day,
                                    isolated_since, loose, sample_sent, signs)
from downtime.domain.records import RecordVersion
from downtime.formspec import FormSpec, Lang
from downtime.formspec.values import format_value
from downtime.i18n import semicolon
from downtime.services.bedside import Chart, ordered

FORM = "bowel_chart"
WORDS = {
    "handover": {"en": "BOWELS: {said}", "fr": "SELLES : {said}"},
    "last": {"en": "last opened {time} ({stool})", "fr": "dernières selles {time} ({stool})"},
    "never": {"en": "not opened since the chart began {time}", "fr": "pas de selles depuis le début de la feuille {time}"},
    "loose": {"en": "{count} loose in 24 hours", "fr": "{count} selles non moulées en 24 heures"},
    "sampled": {"en": "stool sample sent {time}", "fr": "selle prélevée {time}"},
    "type": {"en": "type {type}", "fr": "type {type}"},
}


@dataclass(frozen=True)
class Charted:
    """A line of the bowel chart (`record`) and when."""

    record: RecordVersion
    charted_at: datetime

    @property
    def opened(self) -> bool:
        return self.record.data["opened"] == "opened"

    @property
    def loose(self) -> bool:
        """A loose stool with no known cause (the only kind that may be infective)."""
        return self.loose_of_any_cause and not self.record.data.get("known_cause")

    @property
    def loose_of_any_cause(self) -> bool:
        """While the patient is isolated, each keeps them so: a laxative does not end diarrhoea."""
        return self.opened and loose(self.record.data.get("stool_type"))

    @property
    def formed(self) -> bool:
        return self.opened and formed(self.record.data.get("stool_type"))

    @property
    def sampled(self) -> bool:
        return self.record.data.get("sample_sent") is True

    @property
    def bleeding(self) -> frozenset[str]:
        return frozenset(self.record.data.get("seen") or ()) & BLEEDING

    def stool(self, spec: FormSpec, lang: Lang, told: frozenset[str] = frozenset()) -> str:
        """"type 6, Medium, Fresh blood", or "Not opened (the day's check)"; what was seen in it
        that is `told` elsewhere (the blood the chart's ask names) left out."""
        data = self.record.data
        if not self.opened:
            return format_value(spec.field("opened"), data["opened"], lang)
        seen = [code for code in data.get("seen") or () if code not in told]
        return ", ".join(part for part in (
            WORDS["type"][lang].format(type=data["stool_type"]), format_value(spec.field("amount"), data.get("amount"), lang),
            format_value(spec.field("seen"), seen or None, lang)) if part)


def charted(record: RecordVersion) -> Charted:
    return Charted(record, datetime.fromisoformat(record.data["charted_at"]))


# The patient's standing bowel chart, oldest first; and many patients' in one query.
CHART = Chart(FORM, ordered(charted, lambda one: one.charted_at))
chart, charts = CHART.of, CHART.of_each


def _last_opened(lines: Sequence[Charted]) -> Charted | None:
    return next((one for one in reversed(lines) if one.opened), None)


def since(lines: Sequence[Charted]) -> datetime:
    """When the bowels last opened, or the chart's first line when they have not since it began."""
    last = _last_opened(lines)
    return (last or lines[0]).charted_at


def _at(lines: Sequence[Charted], which: Callable[[Charted], bool]) -> list[datetime]:
    return [one.charted_at for one in lines if which(one)]


def _loose_run(lines: Sequence[Charted], at: datetime) -> list[datetime]:
    """The loose stools with no known cause of the 24 hours up to `at`."""
    return in_a_day(_at(lines, lambda one: one.loose), at)


def _bleeding(lines: Sequence[Charted], at: datetime) -> Charted | None:
    """The stool whose blood the chart asks a doctor to see at `at` (`bleeding_told`)."""
    last = _last_opened(lines)
    told = bleeding_told(_at(lines, lambda one: bool(one.bleeding)), last.charted_at if last else None, at)
    return next((one for one in reversed(lines) if one.bleeding and one.charted_at == told), None)


def found_signs(lines: Sequence[Charted], at: datetime) -> list[Sign]:
    return signs(_at(lines, lambda one: one.loose), _bleeding(lines, at) is not None, since(lines), at)


def asking(lines: Sequence[Charted], spec: FormSpec, at: datetime, lang: Lang) -> list[str]:
    """What the chart asks at `at` (nothing for a patient with no line on it)."""
    if not lines:
        return []
    bled, run = _bleeding(lines, at), _loose_run(lines, at)
    start = since(lines)
    return [SIGNS[sign][lang].format(
        count=len(run), first=f"{run[0]:%d/%m %H:%M}" if run else "",
        sample="" if sample_sent(run, _at(lines, lambda one: one.sampled), at) else SAMPLE[lang],
        seen=format_value(spec.field("seen"), sorted(bled.bleeding), lang) if bled else "",
        time=f"{bled.charted_at:%d/%m %H:%M}" if bled else "",
        days=elapsed.between(start, at).days, since=f"{start:%d/%m %H:%M}")
        for sign in found_signs(lines, at)]


def state(lines: Sequence[Charted], spec: FormSpec, at: datetime, lang: Lang) -> str:
    """"last opened 28/11 10:00 (type 6, Medium); 3 loose in 24 hours; stool sample sent 28/11
    11:00": when the bowels last opened and how, loose stools of the last day (unless what they
    ask says so), the latest sample. Blood seen in the last stool is left to what the chart asks
    (`asking`), which names it while it is the last stool: the handover said "Black, tarry
    (melaena)" twice in a line."""
    last = _last_opened(lines)
    run = _loose_run(lines, at)
    sample = next((one for one in reversed(lines) if one.sampled), None)
    return semicolon(lang).join([
        WORDS["last"][lang].format(time=f"{last.charted_at:%d/%m %H:%M}", stool=last.stool(spec, lang, BLEEDING))
        if last
        else WORDS["never"][lang].format(time=f"{lines[0].charted_at:%d/%m %H:%M}"),
        *([WORDS["loose"][lang].format(count=len(run))] if len(run) > 1 and Sign.LOOSE not in found_signs(lines, at)
          else []),
        *([WORDS["sampled"][lang].format(time=f"{sample.charted_at:%d/%m %H:%M}")] if sample else [])])


def coming(lines: Sequence[Charted], at: datetime) -> datetime | None:
    """When bowels not opened become constipation, if not yet at `at`: the chart is read again then."""
    due = constipated_from(since(lines)) if lines else None
    return due if due is not None and not elapsed.reached(due, at) else None


def handover(db: Database, forms: Mapping[str, FormSpec], patient_ids: Collection[str], at: datetime,
             lang: Lang) -> dict[str, str]:
    """What the handover sheet says at `at` of each of these patients' bowels, for those with a
    chart: when they last opened and how, and what the chart asks."""
    spec = forms[FORM]
    return {patient_id: WORDS["handover"][lang].format(said=semicolon(lang).join(
        [state(lines, spec, at, lang), *asking(lines, spec, at, lang)]))
        for patient_id, lines in charts(db, patient_ids).items()}


def isolated(db: Database, patient_ids: Collection[str], at: datetime) -> dict[str, datetime]:
    """Since when each of these patients is to be isolated for loose stools at `at`
    (`isolated_since`: until 48 hours free of loose stools and a formed stool), for those who
    are: the handover sheet's Isolation column gave only the admission's answer, and a patient
    isolated last night for new diarrhoea read as not isolated."""
    return {patient_id: began for patient_id, lines in charts(db, patient_ids).items()
            if (began := isolated_since(_at(lines, lambda one: one.loose),
                                        _at(lines, lambda one: one.loose_of_any_cause),
                                        _at(lines, lambda one: one.formed), at)) is not None}
