"""The ward's answers that records are not to be entered, read at a records office's scale: each
answer's lapse is looked up from the answer, never by walking the audit (`LAPSED_SQL`), and a
time is compared as an instant (`_no_longer`)."""

import json
import re
import sqlite3

import pytest

from downtime.services.back_entry import DONE_SQL, LAPSED_SQL, NEWEST_SQL, _no_longer

STANDING = ("SELECT n.* FROM not_entered n JOIN current_records c ON c.record_id = n.record_id"
            f" AND c.version = n.version WHERE {NEWEST_SQL.format('n')} AND NOT {LAPSED_SQL.format('n')}")


@pytest.mark.parametrize("sql", [STANDING, f"SELECT COUNT(*) FROM ({DONE_SQL})",
                                 f"SELECT n.*, {LAPSED_SQL.format('n')} FROM not_entered n WHERE n.record_id = 'x'"],
                         ids=["standing", "done", "decisions"])
def test_an_answers_lapse_is_looked_up_from_the_answer_not_from_every_audit_entry(ward_db, sql):
    """SQLite read an answer given before answers kept what they were asked beside by walking
    every record's audit entry (`audit_entity (entity=?)`) for each answer: 450 answers kept a
    records office's Back-entry tab, its printed worklist and its FHIR export reading for
    minutes (5 minutes on 3 laptops of 1,000 patients), against a fraction of a second."""
    plan = [row[3] for row in ward_db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
    walked = [step for step in plan if re.search(r"\baudit_entity \(entity=\?\)|^SCAN (a|wrote|rewrote|audit)\b", step)]
    assert not walked, "\n".join(plan)


@pytest.mark.parametrize(("then", "now", "changed"), [
    ("2026-11-28T11:43:00+00:00", "2026-11-28T11:43+00:00", False),
    ("2026-11-28T12:43:00+01:00", "2026-11-28T11:43Z", False),
    ("2026-11-28T11:43:00+00:00", "2026-11-28T11:44+00:00", True)])
def test_a_dose_is_the_same_dose_whatever_the_spelling_of_its_time(then, now, changed):
    """A dose exported with its seconds ("11:43:00") and amended on its laptop, its injection site
    only, was stored "11:43": compared as text, the ward's answer about it lapsed and its line
    asked the ward again."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE r (version INTEGER, status TEXT, occurred_at TEXT, data TEXT)")
    for version, at, site in ((1, then, "left arm"), (2, now, "right arm")):
        db.execute("INSERT INTO r VALUES (?, 'final', ?, ?)", (version, at, json.dumps({"site": site, "order": "o1"})))
    (lapsed,) = db.execute(f"SELECT {_no_longer('now', 'was')} FROM r now, r was"
                           " WHERE now.version = 2 AND was.version = 1").fetchone()
    assert bool(lapsed) is changed
