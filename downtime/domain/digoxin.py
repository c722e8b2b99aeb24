"""Digoxin's pulse before a dose (BNF: bradycardia is the first sign of its toxicity; the ward's
paper MAR prints beside it "check the apical pulse for a full minute before giving: withhold if
under 60 a minute and tell the doctor"). The observations taken on the round often already show
the slow pulse the nurse giving the next dose does not look up: a dose given on a pulse of 48 at
the morning's set was saved with nothing said. Pure: the service reads the set."""

from __future__ import annotations

from downtime.domain.medication import medicine_name
from downtime.i18n import QT_TRANSLATE_NOOP

DIGOXIN = medicine_name("digoxin")
"""Digoxin as `medicines_in` reads an order's name ("Digoxin 62.5 micrograms", "Lanoxin", "Digoxine")."""
HELD_BELOW = 60
"""A pulse (a minute) under which a dose of digoxin is withheld until the doctor decides."""
SLOW_PULSE = QT_TRANSLATE_NOOP(
    "messages", "{drug}: pulse {pulse}/min at {time} on the observations, under {most}: withhold the dose and tell the "
                "doctor (a slow pulse is the first sign of digoxin toxicity). Take the apical pulse for a full minute; "
                "if the doctor says to give it, say so in the reason.")
