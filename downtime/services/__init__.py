"""Use cases: each checks the user's role, runs in one transaction and writes its audit entry."""
