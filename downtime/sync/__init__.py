"""Getting data off the laptop for back-entry: export (CSV and manifest so far)."""
