"""Validation messages in both ward languages; `{label}` is the field's label in that language."""

from dataclasses import dataclass

from downtime.formspec.schema import Lang
from downtime.i18n import decimal_text

MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")}


@dataclass(frozen=True)
class NoSuchDay:
    """A day written as a date should be that its month does not have (31/02/1948): told it was
    not written DD/MM/YYYY, which it was, the person could not see what to change."""

    day: int
    month: int
    year: int

    def text(self, lang: Lang) -> str:
        return f"{self.day} {MONTHS[lang][self.month - 1]} {self.year}"


@dataclass(frozen=True)
class Readings:
    """The two numbers a number written with zeros after its point is read as, the thousand-fold
    (or ten-fold) one first: "5000 or 5", which the person retypes as the one meant. No decimal
    reading: digits that can only be grouped thousands ("2.400.000", "1.500" mL in a box of whole
    mL), told as the one number to write."""

    grouped: str
    decimal: str | None = None

    def text(self, lang: Lang) -> str:
        return self.grouped if self.decimal is None else f"{self.grouped} {OR[lang]} {self.decimal}"


OR: dict[Lang, str] = {"en": "or", "fr": "ou"}

MESSAGES: dict[str, dict[Lang, str]] = {
    "required": {"en": "“{label}” is required.", "fr": "« {label} » est obligatoire."},
    "too_long": {"en": "“{label}” is too long (at most {limit} characters).",
                 "fr": "« {label} » est trop long ({limit} caractères au plus)."},
    "control_chars": {"en": "“{label}” contains invisible control characters.",
                      "fr": "« {label} » contient des caractères de contrôle invisibles."},
    "unprintable": {"en": "“{label}”: {limit} cannot be printed on the paper forms, wristband and labels "
                          "(printed blank or reversed); write it in Latin letters, a name as on the identity "
                          "document's machine-readable lines.",
                    "fr": "« {label} » : {limit} ne peut pas être imprimé sur les formulaires papier, le bracelet "
                          "et les étiquettes (imprimé vide ou à l’envers) ; écrivez-le en lettres latines, un nom "
                          "comme sur les lignes de lecture automatique de la pièce d’identité."},
    "not_integer": {"en": "“{label}” must be a whole number.",
                    "fr": "« {label} » doit être un nombre entier."},
    "not_number": {"en": "“{label}” must be a number.", "fr": "« {label} » doit être un nombre."},
    "zeros_after_the_point": {"en": "“{label}”: write {limit}: no thousands separator.",
                               "fr": "« {label} » : écrivez {limit} : sans séparateur de milliers."},
    "below_min": {"en": "“{label}” must be at least {limit}.",
                  "fr": "« {label} » doit être au moins {limit}."},
    "above_max": {"en": "“{label}” must be at most {limit}.",
                  "fr": "« {label} » doit être au plus {limit}."},
    "too_many_places": {"en": "“{label}” has more than {limit} decimal places.",
                        "fr": "« {label} » a plus de {limit} décimales."},
    "bad_date": {"en": "“{label}”: write the date as DD/MM/YYYY.",
                 "fr": "« {label} » : écrivez la date sous la forme JJ/MM/AAAA."},
    "no_such_date": {"en": "“{label}” is not a date: there is no {limit}.",
                     "fr": "« {label} » n’est pas une date : il n’y a pas de {limit}."},
    "bad_datetime": {"en": "“{label}”: write the date and time as DD/MM/YYYY HH:MM.",
                     "fr": "« {label} » : écrivez la date et l’heure sous la forme JJ/MM/AAAA HH:MM."},
    "no_such_time": {"en": "“{label}”: {limit} is not a time of day (00:00 to 23:59).",
                     "fr": "« {label} » : {limit} n’est pas une heure (00:00 à 23:59)."},
    "year_needed": {"en": "“{label}”: {limit} is near the turn of the year: write the date and time as "
                          "DD/MM/YYYY HH:MM.",
                    "fr": "« {label} » : le {limit} est proche du changement d’année : écrivez la date et l’heure "
                          "sous la forme JJ/MM/AAAA HH:MM."},
    "repeated_time": {"en": "“{label}”: that time happens twice that night, the clocks going back an hour: "
                            "type it with its offset, the first time round or the second ({limit}).",
                      "fr": "« {label} » : cette heure existe deux fois cette nuit-là, l’heure reculant d’une heure : "
                            "tapez-la avec son décalage, premier ou second passage ({limit})."},
    "offset_not_then": {"en": "“{label}”: the ward's clock was on {limit} at that time, not on the offset typed: "
                              "check the time, and type it as the clock read it.",
                        "fr": "« {label} » : l’horloge du service était à {limit} à cette heure-là, pas au décalage "
                              "tapé : vérifiez l’heure, et tapez-la telle que l’horloge l’indiquait."},
    "skipped_time": {"en": "“{label}”: that time did not happen, the clocks going forward an hour that night: "
                           "check the time.",
                     "fr": "« {label} » : cette heure n’a pas existé, l’heure avançant d’une heure cette nuit-là : "
                           "vérifiez l’heure."},
    "future": {"en": "“{label}” cannot be in the future.",
               "fr": "« {label} » ne peut pas être dans le futur."},
    "after_field": {"en": "“{label}” cannot be after “{limit}”.",
                    "fr": "« {label} » ne peut pas être après « {limit} »."},
    "too_old": {"en": "“{label}” is before {limit}.", "fr": "« {label} » est avant {limit}."},
    "too_far": {"en": "“{label}” is after {limit}.", "fr": "« {label} » est après {limit}."},
    "bad_choice": {"en": "“{label}”: choose one of the listed options.",
                   "fr": "« {label} » : choisissez une des options proposées."},
    "bad_yes_no": {"en": "“{label}”: answer yes or no.", "fr": "« {label} » : répondez oui ou non."},
    "too_few_rows": {"en": "“{label}” needs at least {limit} line(s).",
                     "fr": "« {label} » demande au moins {limit} ligne(s)."},
    "too_many_rows": {"en": "“{label}” has more than {limit} lines.",
                      "fr": "« {label} » a plus de {limit} lignes."},
    "bad_nir_length": {"en": "“{label}” must have 15 characters (13 + 2-digit key).",
                       "fr": "« {label} » doit compter 15 caractères (13 + clé à 2 chiffres)."},
    "bad_nir_shape": {"en": "“{label}” is not shaped like a NIR.",
                      "fr": "« {label} » n’a pas la forme d’un NIR."},
    "bad_nir_key": {"en": "“{label}”: the check key does not match; please re-read the card.",
                    "fr": "« {label} » : la clé ne correspond pas ; relisez la carte."},
    "bad_downtime_number": {"en": "“{label}” is not a valid downtime number (DT-ddd-sssss-k, its last digit "
                                  "checking the others): copy it again.",
                            "fr": "« {label} » n’est pas un numéro de procédure dégradée valide (DT-ddd-sssss-k, "
                                  "le dernier chiffre contrôlant les autres) : recopiez-le."},
    "unidentified_validated": {"en": "“{label}”: an unidentified patient's identity cannot be validated; answer "
                                     "Provisional until they are identified.",
                               "fr": "« {label} » : l’identité d’un patient non identifié ne peut pas être validée ; "
                                     "répondez Provisoire jusqu’à son identification."},
    "other_side": {"en": "“{label}” says “{limit}”, and “{side}” is {chosen}: correct whichever is wrong (the "
                         "list prints both).",
                   "fr": "« {label} » dit « {limit} », et « {side} » est {chosen} : corrigez celui qui est faux "
                         "(la liste imprime les deux)."},
    "side_not_chosen": {"en": "“{label}” names a side (“{limit}”), and “{side}” is {chosen}: choose the side under "
                              "“{side}”, where the list prints it in full.",
                        "fr": "« {label} » nomme un côté (« {limit} ») et « {side} » est {chosen} : choisissez le "
                              "côté sous « {side} », où la liste l’imprime en toutes lettres."},
    "unknown_field": {"en": "“{label}” is not a field of this form.",
                      "fr": "« {label} » n’est pas un champ de ce formulaire."},
    "bad_value": {"en": "“{label}” has a value of the wrong type.",
                  "fr": "« {label} » a une valeur d’un type inattendu."},
}


def message(key: str, lang: Lang, label: str, limit: object = None, **more: str) -> str:
    """A decimal limit is written as every decimal is, without trailing zeros and with a French
    ward's decimal comma (downtime.i18n.decimal_text): a temperature "must be at most 45.0"."""
    if isinstance(limit, float):
        limit = decimal_text(limit, lang)
    elif isinstance(limit, (NoSuchDay, Readings)):
        limit = limit.text(lang)
    return MESSAGES[key][lang].format(label=label, limit=limit, **more)
