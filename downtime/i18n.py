"""One catalogue of French for the whole app: Qt Linguist's `resources/i18n/downtime_fr.ts`.

The Qt interface loads its compiled `.qm` through QTranslator. Messages written outside Qt (the
errors the services raise, the command line) are looked up here in the same `.ts` file, so a
sentence is translated once whichever layer shows it, and Qt stays out of the pure layers.
`QT_TRANSLATE_NOOP` marks such a sentence for pyside6-lupdate, which reads the call by its name."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from downtime.domain.census import StayStatus
from downtime.paths import data_dir, resources_dir

if TYPE_CHECKING:
    from downtime.domain.records import RecordStatus

Lang = Literal["en", "fr"]
LANGUAGES: dict[Lang, str] = {"en": "English", "fr": "Français"}
DAY_NAMES: dict[Lang, tuple[str, ...]] = {"en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                                          "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")}
"""A day's short name by `weekday()`, as the MAR's columns and the handover's THEATRE line print it."""
MESSAGES = "messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks `text` for the catalogue; it is translated where it is shown."""
    return text


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a word of a list (a column heading, a state) for the catalogue's shared context ""."""
    return text


def catalogue_path(lang: Lang) -> Path:
    return resources_dir() / "i18n" / f"downtime_{lang}.ts"


@cache
def _catalogue(lang: Lang) -> dict[tuple[str, str], str]:
    """Read on the first French message, not at start-up: the XML parser is 10 ms of the sign-in
    window's cold start."""
    if lang == "en":
        return {}
    import xml.etree.ElementTree as ElementTree

    found: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(catalogue_path(lang)).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished") \
                    and translation.text:
                found[(name, message.findtext("source", ""))] = translation.text
    return found


def translate(lang: Lang, context: str, text: str) -> str:
    """`text` in `lang`; the English itself when the catalogue has no finished translation."""
    return _catalogue(lang).get((context, text), text)


@dataclass(frozen=True)
class Phrase:
    """Words of a message that are translated with it, such as a booking's status or one of the
    clashes a slot has: `template` is marked in the `messages` context. As text (a log, an
    exception's own words) it is the English."""

    template: str
    values: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.values) if self.values else self.template

    def text(self, lang: Lang) -> str:
        return message(lang, self.template, **self.values)


def decimal_text(value: float, lang: Lang, places: int = 6, signed: bool = False) -> str:
    """No trailing zeros: "18.000 units" is read as eighteen thousand (ISMP, NIMC); a decimal
    comma in French, as a French ward writes 37,4. A stored value has at most its field's places;
    `signed`: a change of stock, "+10" received, "-0,5" given."""
    shown = f"{value:{'+' if signed else ''}.{places}f}"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return shown.replace(".", ",") if lang == "fr" else shown

@dataclass(frozen=True)
class Number:
    """A decimal in a message, written as the message's language writes it: "2,5" in French."""

    value: float

    def __str__(self) -> str:
        return decimal_text(self.value, "en")

    def text(self, lang: Lang) -> str:
        return decimal_text(self.value, lang)


def labelled(label: str, text: str, lang: Lang) -> str:
    """"Label: answer", with French typography's space before the colon ("Poids : 86,8"): the
    records list, the back-entry list and the printed worklist wrote "Poids: 86,8" on a French
    ward, where every translated message writes " : "."""
    return f"{label} : {text}" if lang == "fr" else f"{label}: {text}"


def sentence(text: str) -> str:
    """`text`, said mid-line in lower case ("next due 28/11 14:30", "last opened …"), starting
    with a capital as a line of its own."""
    return text[:1].upper() + text[1:]


def mid_line(label: str) -> str:
    """A label said mid-line: "heart rate" of "Heart rate", "consciousness (AVPU)", an initialism
    kept ("SpO2")."""
    first = label.split(" ", 1)[0]
    return label if any(letter.isupper() for letter in first[1:]) else label[:1].lower() + label[1:]


def french_de(word: str) -> str:
    """French "de" before a word: "d’" before a vowel ("d’ADAM", "d’ÉMERY", "d’auto-négligence",
    "d’esclavage"), as before a "y" heard as one ("d’YVES"); "de" before a consonant, and before
    an "h", which French names do not say whether to elide ("de HUGO")."""
    letters = unicodedata.normalize("NFD", word).casefold()  # "É" is "E" and its accent
    elided = letters[:1] in tuple("aeiouæœ") or (letters[:1] == "y" and letters[1:2] not in tuple("aeiouy"))
    return f"d’{word}" if elided else f"de {word}"


def semicolon(lang: Lang) -> str:
    """Between the parts of a list or a line: "; ", with French typography's space before it in
    French, as the catalogue's sentences have it (the printed list and the screen read "les
    deux; le service")."""
    return " ; " if lang == "fr" else "; "


@dataclass(frozen=True)
class Listed:
    """Parts of a list in a message whose language is known only where it is said (a warning the
    audit log keeps in English, the nurse reads in French): joined as `semicolon` has it then,
    or by `between` (" " between sentences)."""

    parts: tuple[str | Said, ...]
    """Each said in the reader's language too when it says itself (a `Phrase`)."""
    between: str | None = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: Lang) -> str:
        return (self.between or semicolon(lang)).join(part.text(lang) if isinstance(part, Said) else part
                                                      for part in self.parts)


@runtime_checkable
class Said(Protocol):
    """Words that say themselves in the reader's language: a `Phrase`, a `Number`, a list, a
    user's error, a form field's problem. Placed in a message, they are said in its language (a
    snapshot's refused line carried the bed's refusal and the date's problem in English)."""

    def text(self, lang: Lang) -> str: ...


def message(lang: Lang, text: str, /, **values: object) -> str:
    """A sentence marked in the `messages` context, translated, then its {named} places filled
    (a `Said` among them translated too)."""
    translated = translate(lang, MESSAGES, text)
    if not values:
        return translated
    return translated.format(**{name: value.text(lang) if isinstance(value, Said) else value
                                for name, value in values.items()})


STAY_WORDS = {StayStatus.IN: QT_TRANSLATE_NOOP("messages", "In"),
              StayStatus.DISCHARGED: QT_TRANSLATE_NOOP("messages", "Discharged"),
              StayStatus.DECEASED: QT_TRANSLATE_NOOP("messages", "Deceased"),
              StayStatus.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("messages", "Transferred out")}


def stay_word(stay: StayStatus, lang: Lang) -> str:
    """Where a patient's stay stands, in words: one catalogue entry for the app's patient header
    and list and for `downtime search`, which printed the code ("transferred_out") in French."""
    return message(lang, STAY_WORDS[stay])


# By the statuses' values: the record models (pydantic) stay out of the sign-in window's start.
RECORD_STATUS_WORDS = {"final": QT_TRANSLATE_NOOP("messages", "final"), "amended": QT_TRANSLATE_NOOP("messages", "amended"),
                       "entered-in-error": QT_TRANSLATE_NOOP("messages", "ENTERED IN ERROR")}


def record_status_word(status: RecordStatus, lang: Lang) -> str:
    """A record version's status in words, for the app's form and Records tab and for `downtime
    records`, which printed the code ("final") in French."""
    return message(lang, RECORD_STATUS_WORDS[status.value])


def saved_language() -> Lang:
    """The laptop's language, chosen in the app (View ▸ Language); English until then."""
    try:
        chosen = (data_dir() / "language").read_text(encoding="utf-8").strip()
    except OSError:
        return "en"
    return "fr" if chosen == "fr" else "en"


def save_language(lang: Lang) -> None:
    data_dir().mkdir(parents=True, exist_ok=True)
    (data_dir() / "language").write_text(lang + "\n", encoding="utf-8")
