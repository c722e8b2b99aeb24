"""The bounds of the numbers a ward sets or prints, in one module light enough for the command
line's --help to name them before anything else loads (the services that check them take most
of a second to import): each was a bare number in its service, the Administration tab and the
help, free to drift apart, and `pdf mar --days` did not say its range at all."""

MOST_MAR_DAYS = 14
"""The longest MAR chart printed, a fortnight (its days in two blocks of seven)."""

MOST_LABELS = 500
"""The most labels one `pdf labels` prints: a hundred thousand ran for minutes."""

PAPER_NUMBERS = 10
"""The numbers reserved for paper admissions at a time unless asked otherwise: one sheet's
worth for a laptop's afternoon away."""
MOST_PAPER_NUMBERS = 100
"""The most reserved at once: every label printed must be accounted for, and 1000 is a slip for 10."""

DAY_MINUTES = 24 * 60
"""The latest a dose is late or overdue after its time, and the longest between two backups."""

MOST_IDLE_LOCK_MINUTES = 120
"""The longest the app waits untouched before it locks the screen."""

MOST_BACKUPS_KEPT = 1000
