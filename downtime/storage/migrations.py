"""Numbered schema migrations. Never edit one that has shipped: add the next number."""

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timezone

from sqlite_utils import Database, Migrations

from downtime.storage import audit

MIGRATIONS = Migrations("downtime")

_APPEND_ONLY = ("records", "patients", "audit")


def _append_only(db: Database, table: str) -> None:
    for verb in ("UPDATE", "DELETE"):
        db.execute(f"""
            CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} are append-only: amend, never {verb.lower()}'); END
            """)


@MIGRATIONS(name="m001_initial")
def m001_initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE staff (
            staff_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            pin_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT
        )""")
    db.execute("""
        CREATE TABLE patients (
            patient_id TEXT PRIMARY KEY,
            downtime_number TEXT NOT NULL UNIQUE,
            device_number INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (device_number, sequence)
        )""")
    db.execute("""
        CREATE TABLE records (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            form_id TEXT NOT NULL,
            form_version INTEGER NOT NULL,
            patient_id TEXT REFERENCES patients(patient_id),
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            reason TEXT,
            author TEXT NOT NULL,
            device_id TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (record_id, version)
        )""")
    db.execute("CREATE INDEX records_patient ON records(patient_id, form_id)")
    db.execute("CREATE INDEX records_form ON records(form_id)")
    db.execute("""
        CREATE VIEW current_records AS
        SELECT r.* FROM records r
        WHERE r.version = (SELECT MAX(v.version) FROM records v WHERE v.record_id = r.record_id)
        """)
    db.execute("""
        CREATE TABLE drafts (
            draft_id TEXT PRIMARY KEY,
            form_id TEXT NOT NULL,
            record_id TEXT,
            patient_id TEXT,
            author TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            device_id TEXT,
            action TEXT NOT NULL,
            entity TEXT,
            entity_id TEXT,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX audit_entity ON audit(entity, entity_id)")
    for table in _APPEND_ONLY:
        _append_only(db, table)


@MIGRATIONS(name="m002_wards_and_search")
def m002_wards_and_search(db: Database) -> None:
    """The hospital's wards and beds (for empty beds and bed checks) and the patient search
    index. The index is derived from admission records and can be rebuilt at any time."""
    db.execute("""
        CREATE TABLE wards (
            ward TEXT PRIMARY KEY COLLATE NOCASE,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE beds (
            id TEXT PRIMARY KEY COLLATE NOCASE,
            ward TEXT NOT NULL REFERENCES wards(ward),
            bed TEXT NOT NULL,
            position INTEGER NOT NULL
        )""")
    for table in ("wards", "beds"):
        _append_only(db, table)
    db.execute("""
        CREATE VIRTUAL TABLE patient_search USING fts5(
            patient_id UNINDEXED, names, birth, numbers,
            tokenize = "unicode61 remove_diacritics 2"
        )""")


@MIGRATIONS(name="m003_controlled_drug_register")
def m003_controlled_drug_register(db: Database) -> None:
    """The ward's controlled-drug register: every receipt and use is a line, the balance is
    their sum, and lines are never changed (a correction is another line)."""
    db.execute("""
        CREATE TABLE cd_register (
            id TEXT PRIMARY KEY,
            ward TEXT NOT NULL COLLATE NOCASE,
            drug TEXT NOT NULL COLLATE NOCASE,
            unit TEXT NOT NULL,
            change REAL NOT NULL,
            kind TEXT NOT NULL,
            record_id TEXT,
            note TEXT,
            author TEXT NOT NULL,
            witness TEXT NOT NULL,
            at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX cd_register_stock ON cd_register(ward, drug, unit)")
    _append_only(db, "cd_register")


@MIGRATIONS(name="m004_exports")
def m004_exports(db: Database) -> None:
    """Each export of this laptop, so `--since-last` knows where the previous one stopped."""
    db.execute("""
        CREATE TABLE exports (
            id TEXT PRIMARY KEY,
            exported_at TEXT NOT NULL,
            author TEXT NOT NULL,
            first_rowid INTEGER NOT NULL,
            last_rowid INTEGER NOT NULL,
            folder TEXT NOT NULL
        )""")
    _append_only(db, "exports")


@MIGRATIONS(name="m005_back_entry")
def m005_back_entry(db: Database) -> None:
    """The records office's back-entry: which record version was entered into the hospital
    record, under which reference, and which EHR patient number a downtime number became.
    Lines are never changed: a correction is a later line."""
    db.execute("""
        CREATE TABLE back_entries (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            ehr_reference TEXT NOT NULL,
            entered_by TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            UNIQUE (record_id, version)
        )""")
    db.execute("""
        CREATE TABLE patient_links (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(patient_id),
            ehr_patient_number TEXT NOT NULL,
            linked_by TEXT NOT NULL,
            linked_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX patient_links_patient ON patient_links(patient_id)")
    for table in ("back_entries", "patient_links"):
        _append_only(db, table)


@MIGRATIONS(name="m006_movement_index")
def m006_movement_index(db: Database) -> None:
    """Where each movement record puts its patient, so a ward's census or a bed check reads
    the few patients concerned instead of replaying the whole hospital. Derived from the
    records like the search index: refreshed in each save's transaction and rebuilt by
    `services.census.rebuild_index`. `ward_key`/`bed_key` are the folded forms compared;
    `*_utc` order events as text even across a change of summer time."""
    db.execute("""
        CREATE TABLE movement_index (
            record_id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL,
            movement TEXT NOT NULL,
            standing INTEGER NOT NULL,
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            occurred_utc TEXT NOT NULL,
            recorded_utc TEXT NOT NULL,
            ward TEXT,
            bed TEXT,
            ward_key TEXT NOT NULL,
            bed_key TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX movement_index_patient ON movement_index(patient_id, occurred_utc, recorded_utc)")
    db.execute("CREATE INDEX movement_index_place ON movement_index(ward_key, bed_key)")


@MIGRATIONS(name="m007_search_rowids")
def m007_search_rowids(db: Database) -> None:
    """Give each patient's search line the rowid of their `patients` row, so re-indexing one
    patient deletes by rowid instead of reading the whole index (`patient_id` is not indexed
    in FTS5): at 100,000 patients that was the slowest part of every admission save."""
    db.execute("CREATE TEMP TABLE search_copy AS SELECT patient_id, names, birth, numbers FROM patient_search")
    db.execute("DELETE FROM patient_search")
    db.execute("""
        INSERT INTO patient_search (rowid, patient_id, names, birth, numbers)
        SELECT p.rowid, c.patient_id, group_concat(c.names, ' '), group_concat(c.birth, ' '),
               group_concat(c.numbers, ' ')
        FROM search_copy c JOIN patients p ON p.patient_id = c.patient_id
        GROUP BY c.patient_id""")
    db.execute("DROP TABLE search_copy")


@MIGRATIONS(name="m008_movement_index_covering")
def m008_movement_index_covering(db: Database) -> None:
    """Indexes that answer a census from the index alone: the patients ever placed on a ward,
    and each patient's latest standing movement. Reading the table's rows for these, scattered
    over a month of movements, was most of a ward's census at 100,000 patients. Every query on
    movement_index asks for standing movements, so the first index replaces
    movement_index_patient."""
    db.execute("DROP INDEX movement_index_patient")
    db.execute("CREATE INDEX movement_index_latest"
               " ON movement_index(patient_id, standing, occurred_utc, recorded_utc, movement)")
    db.execute("CREATE INDEX movement_index_ward ON movement_index(ward_key, standing, patient_id)")


@MIGRATIONS(name="m009_audit_by_action")
def m009_audit_by_action(db: Database) -> None:
    """The banner asks for the last backup every minute: without this index the question walks
    back through the audit until it meets one, which after a hospital's import is 1.4 million
    entries (2 s)."""
    db.execute("CREATE INDEX audit_action ON audit(action, seq)")


@MIGRATIONS(name="m010_movement_index_entered_order")
def m010_movement_index_entered_order(db: Database) -> None:
    """Movements of the same minute are ordered by when their record was first typed (its
    version 1), no longer by its latest version: amending an admission's bed had put it after
    a transfer typed the same minute. The columns say so, and the index is emptied so that
    `services.census.ensure_index` rebuilds it with first-typed times when the database opens."""
    db.execute("ALTER TABLE movement_index RENAME COLUMN recorded_at TO entered_at")
    db.execute("ALTER TABLE movement_index RENAME COLUMN recorded_utc TO entered_utc")
    db.execute("DELETE FROM movement_index")


@MIGRATIONS(name="m011_search_names_without_apostrophes")
def m011_search_names_without_apostrophes(db: Database) -> None:
    """Names with an apostrophe are indexed a second time without it, so "oconnor" finds
    O'Connor (the tokenizer cuts at the apostrophe): the lines indexed before get the same
    rule as `services.search.with_apostrophes_dropped`, for ' and ’."""
    dropped = "replace(replace(names, '''', ''), '’', '')"
    db.execute(f"UPDATE patient_search SET names = names || ' ' || {dropped} WHERE names <> {dropped}")


@MIGRATIONS(name="m012_drafts_record_version")
def m012_drafts_record_version(db: Database) -> None:
    """A draft of an amendment keeps the version it started from, so that resuming it after a
    sign-out cannot write over a change someone else made meanwhile."""
    db.execute("ALTER TABLE drafts ADD COLUMN record_version INTEGER")


@MIGRATIONS(name="m013_patient_links_by_ehr_number")
def m013_patient_links_by_ehr_number(db: Database) -> None:
    """Linking an EHR number asks which other patients are linked to it already (one person
    admitted on two laptops, or a number typed on the wrong line): by this index, not by
    reading every link of a hospital's 100,000 patients as back-entry nears its end."""
    db.execute("CREATE INDEX patient_links_ehr ON patient_links(ehr_patient_number)")


_M014_NIR_SHAPE = re.compile(r"^[123478]\d{4}(\d{2}|2A|2B)\d{6}$")


def _m014_as_the_card_reads(term: str) -> str:
    """`domain.nir.normalise_nir` of a term `domain.nir.nir_problem` finds sound, as m014 was
    written with (its shape, and its key with Corsica's 2A/2B read as 19/18); any other term as
    it is. m014's own copy, for the reason m034 keeps one (`_m034_joined_names`)."""
    nir = re.sub(r"[\s.\-]", "", term).upper()
    if len(nir) != 15 or not _M014_NIR_SHAPE.match(nir[:13]) or not nir[13:].isdigit():
        return term
    digits = nir[:5] + {"2A": "19", "2B": "18"}.get(nir[5:7], nir[5:7]) + nir[7:13]
    return nir if 97 - int(digits) % 97 == int(nir[13:]) else term


@MIGRATIONS(name="m014_search_nir_as_the_card_reads")
def m014_search_nir_as_the_card_reads(db: Database) -> None:
    """An NIR typed on the form with dots, dashes or a lower-case Corsican 2a is indexed as the
    card reads it (`services.patients.summarise`), so the number read off the card finds it:
    the lines indexed before get the same."""
    for rowid, numbers in db.execute("SELECT rowid, numbers FROM patient_search").fetchall():
        terms = [_m014_as_the_card_reads(term) for term in numbers.split()]
        if terms != numbers.split():
            db.execute("UPDATE patient_search SET numbers = ? WHERE rowid = ?", [" ".join(terms), rowid])


@MIGRATIONS(name="m015_search_birth_month_year_and_short_year")
def m015_search_birth_month_year_and_short_year(db: Database) -> None:
    """A birth date is also indexed as its month and year (031954) and with a two-digit year
    (120354), so "03/1954" and "12/03/54" find the patient (`services.search._birth_tokens`):
    the lines indexed before get them from their DDMMYYYY token, the one whose ISO order
    (YYYYMMDD) is beside it."""
    for rowid, birth in db.execute("SELECT rowid, birth FROM patient_search WHERE birth <> ''").fetchall():
        tokens = birth.split()
        added = [short for token in tokens if len(token) == 8 and token[4:] + token[2:4] + token[:2] in tokens
                 for short in (token[2:], token[:4] + token[6:])]
        if added:
            db.execute("UPDATE patient_search SET birth = ? WHERE rowid = ?", [" ".join([*tokens, *added]), rowid])


@MIGRATIONS(name="m016_search_names_with_plain_letters")
def m016_search_names_with_plain_letters(db: Database) -> None:
    """Names with a letter the tokenizer keeps (ß, æ, œ, ø, ł, đ, ð, þ, ı) are indexed a second
    time spelled plainly, so "lecoeur" finds Lecœur: the lines indexed before get the same rule
    as `services.search.with_plain_letters`."""
    plain = "names"
    for letter, spelled in (("ß", "ss"), ("ẞ", "SS"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ø", "o"),
                            ("Ø", "O"), ("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D"), ("ð", "d"), ("Ð", "D"),
                            ("þ", "th"), ("Þ", "TH"), ("ı", "i")):
        plain = f"replace({plain}, '{letter}', '{spelled}')"
    db.execute(f"UPDATE patient_search SET names = names || ' ' || {plain} WHERE names <> {plain}")


@MIGRATIONS(name="m017_held_versions")
def m017_held_versions(db: Database) -> None:
    """Record versions on hold: two laptops wrote different versions of one record, and from
    the first that differs neither may stand as the record (see domain.holds). They are kept
    here, whole and append-only, beside the versions in `records`, one row per content
    (`digest`, so importing the same one twice adds nothing): a record is on hold from the
    lowest version it has here."""
    db.execute("""
        CREATE TABLE held_versions (
            digest TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            form_id TEXT NOT NULL,
            form_version INTEGER NOT NULL,
            patient_id TEXT REFERENCES patients(patient_id),
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            reason TEXT,
            author TEXT NOT NULL,
            device_id TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX held_versions_record ON held_versions(record_id, version)")
    _append_only(db, "held_versions")


@MIGRATIONS(name="m018_hold_settlements")
def m018_hold_settlements(db: Database) -> None:
    """How each hold was settled: the ward said which version is right and a records clerk
    chose it (see services.holds). Append-only, one row per settlement; `settled` lists the
    digests of the held versions it settles (JSON), so a version set aside later (another
    laptop's stick) puts the record on hold again. The two views are the one meaning of "on
    hold" that the worklist, its counts and the exports read: the held versions no settlement
    covers, and each record that has any, from its lowest, or from the version its last
    settlement left standing, which a version that came after it is weighed against."""
    db.execute("""
        CREATE TABLE hold_settlements (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            from_version INTEGER NOT NULL,
            settled TEXT NOT NULL,
            chosen_id TEXT NOT NULL,
            chosen_version INTEGER NOT NULL,
            chosen_device_id TEXT NOT NULL,
            standing_version INTEGER NOT NULL,
            reason TEXT NOT NULL,
            settled_by TEXT NOT NULL,
            settled_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX hold_settlements_record ON hold_settlements(record_id)")
    _append_only(db, "hold_settlements")
    db.execute("""
        CREATE VIEW unsettled_versions AS
        SELECT h.* FROM held_versions h WHERE NOT EXISTS (
            SELECT 1 FROM hold_settlements s, json_each(s.settled) j
            WHERE s.record_id = h.record_id AND j.value = h.digest)""")
    db.execute("""
        CREATE VIEW records_on_hold AS
        SELECT u.record_id, MIN(MIN(u.version), COALESCE(
            (SELECT MAX(s.standing_version) FROM hold_settlements s WHERE s.record_id = u.record_id),
            MIN(u.version))) AS from_version
        FROM unsettled_versions u GROUP BY u.record_id""")


@MIGRATIONS(name="m019_laptops")
def m019_laptops(db: Database) -> None:
    """The laptops whose exports were imported here, as each export's manifest named it (a
    merge's, every export it was made of): a record's versions carry only their laptop's device
    id, and the records office (or a ward given another's stick) names that laptop to people by
    the name and number it was set up with (domain.laptops). Append-only, one row per export
    (`id`: the digest of what it says, so importing the same stick twice adds nothing)."""
    db.execute("""
        CREATE TABLE laptops (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            device_number INTEGER,
            device_name TEXT,
            exported_at TEXT,
            imported_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX laptops_device ON laptops(device_id)")
    _append_only(db, "laptops")


@MIGRATIONS(name="m020_settler_names")
def m020_settler_names(db: Database) -> None:
    """The name of the clerk who settled a hold, as their office knew them: a settlement travels
    to other offices, whose staff lists may lack that staff ID or give it to someone else. Empty
    for a settlement made or taken before (its settler is named by the staff list, as it was).
    Each settlement already there gets an audit entry of its row with the new, empty column:
    `verify` compares a row with its last entry, and read with a column more, every settlement
    of a records office's database would have been called altered, the file damaged."""
    db.execute("ALTER TABLE hold_settlements ADD COLUMN settled_by_name TEXT")
    now = datetime.now(timezone.utc)
    for row in list(db.query("SELECT * FROM hold_settlements ORDER BY rowid")):
        audit.append(db, at=now, actor=None, device_id=None, action="migration.settler_names",
                     entity="hold_settlements", entity_id=row["id"], row=row)


@MIGRATIONS(name="m021_shared_device_numbers", transactional=False)
def m021_shared_device_numbers(db: Database) -> None:
    """Two laptops set up with one device number gave one downtime number to two patients; a
    records office told so explicitly (`downtime import --shared-device-number`) keeps both,
    told apart by the laptop's device id, so a number is unique per laptop, no longer in the
    table. SQLite cannot drop a constraint: the table is rebuilt, its rows and rowids (the
    search index's) unchanged, with foreign keys off while the records' references point at
    neither table (the pragma is a no-op inside a transaction, hence a migration of its own)."""
    columns = "patient_id, downtime_number, device_number, sequence, device_id, created_by, created_at"
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            db.execute("""
                CREATE TABLE patients_rebuilt (
                    patient_id TEXT PRIMARY KEY,
                    downtime_number TEXT NOT NULL,
                    device_number INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    device_id TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (downtime_number, device_id),
                    UNIQUE (device_number, sequence, device_id)
                )""")
            db.execute(f"INSERT INTO patients_rebuilt (rowid, {columns}) SELECT rowid, {columns} FROM patients")
            db.execute("DROP TABLE patients")
            db.execute("ALTER TABLE patients_rebuilt RENAME TO patients")
            _append_only(db, "patients")
            if problem := db.execute("PRAGMA foreign_key_check").fetchone():
                raise ValueError(f"m021_shared_device_numbers: a reference left without its row: {tuple(problem)}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")


@MIGRATIONS(name="m022_fhir_sent")
def m022_fhir_sent(db: Database) -> None:
    """What this database's exports put in their FHIR bundles: each resource (by a 64-bit hash
    of its type and conditional-create condition) with a 64-bit hash of its content as last
    sent. A later bundle sends a resource whose content changed since as a conditional update,
    where a conditional create would leave the EHR's copy as it was (an order sent active and
    stopped since by the patient's death). Derived from the exports, like the search and
    movement indexes, so outside the audit chain; two integers a row, the key the rowid, as a
    hospital's export sends nearly three million resources."""
    db.execute("CREATE TABLE fhir_sent (resource INTEGER PRIMARY KEY, content INTEGER NOT NULL)")


@MIGRATIONS(name="m023_settlements_otherwise")
def m023_settlements_otherwise(db: Database) -> None:
    """Another office's settlement of a hold that an import did not take, as it chose another
    version than the settlement that stands here (taken from a third office by an earlier import,
    or made here), while the record is not on hold here: the record may be in the EHR already as
    the first settlement has it, and two wards' words, or two clerks' choices, disagree. Kept,
    append-only, for the back-entry list to say on the record's line until a clerk ticks it off
    after that (`noted_at`, this office's time of the import), having asked the ward: said in the
    import's report alone, it was lost once the report was closed. A version ticked off already
    is ticked off again in `otherwise_checked` (`back_entries` takes a version once)."""
    db.execute("""
        CREATE TABLE settlements_otherwise (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            chosen_id TEXT NOT NULL,
            chosen_version INTEGER NOT NULL,
            chosen_device_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            settled_by TEXT NOT NULL,
            settled_by_name TEXT,
            settled_at TEXT NOT NULL,
            noted_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX settlements_otherwise_record ON settlements_otherwise(record_id)")
    db.execute("""
        CREATE TABLE otherwise_checked (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            ehr_reference TEXT NOT NULL,
            checked_by TEXT NOT NULL,
            checked_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX otherwise_checked_record ON otherwise_checked(record_id)")
    for table in ("settlements_otherwise", "otherwise_checked"):
        _append_only(db, table)


@MIGRATIONS(name="m024_not_entered")
def m024_not_entered(db: Database) -> None:
    """The ward's answer that a record version on the back-entry list is not to be entered in
    the EHR (one dose recorded on two laptops, a dose whose order was withdrawn…): who at the ward
    said it, why, and which clerk wrote it down when. The record itself is not changed; its line
    counts as done until the record is amended. Append-only, as `back_entries` is."""
    db.execute("""
        CREATE TABLE not_entered (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            ward_said TEXT NOT NULL,
            reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (record_id, version)
        )""")
    _append_only(db, "not_entered")


@MIGRATIONS(name="m025_laptop_staff")
def m025_laptop_staff(db: Database) -> None:
    """Each laptop's staff directory as its exports imported here listed it (staff ID, name and
    role; never a PIN): a record version, a hold's, a dose's witness carry only their laptop's
    staff ID, and the records office names that person to the clerk entering them in the EHR
    (domain.laptops.Authors). Append-only: a member's row is added when an export names them
    otherwise than the latest kept (`exported_at`), so importing the same directory again adds
    nothing and someone renamed since goes by the name their laptop's latest export gave them."""
    db.execute("""
        CREATE TABLE laptop_staff (
            id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            staff_id TEXT NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            exported_at TEXT,
            imported_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX laptop_staff_member ON laptop_staff(device_id, staff_id)")
    _append_only(db, "laptop_staff")


@MIGRATIONS(name="m026_laptop_export_ranges")
def m026_laptop_export_ranges(db: Database) -> None:
    """The record versions each laptop's export imported here holds (its manifest's
    records_rowid_range): a records office importing the sticks one by one is told of a
    --since-last stick that never came, from the gap it leaves between two that did, at this
    import and every later one until it comes (sync.missing). Empty for an export imported
    before, which names no range here: importing its stick again keeps its range. Each row
    already there gets an audit entry with the new, empty columns, as in m020."""
    db.execute("ALTER TABLE laptops ADD COLUMN first_rowid INTEGER")
    db.execute("ALTER TABLE laptops ADD COLUMN last_rowid INTEGER")
    now = datetime.now(timezone.utc)
    for row in list(db.query("SELECT * FROM laptops ORDER BY rowid")):
        audit.append(db, at=now, actor=None, device_id=None, action="migration.laptop_export_ranges",
                     entity="laptops", entity_id=row["id"], row=row)


@MIGRATIONS(name="m028_combined_settlements_and_ehr_moves")
def m028_combined_settlements_and_ehr_moves(db: Database) -> None:
    """Two things the back-entry list kept nowhere but in a message or a sentence.

    `hold_settlements.combined`: the versions a settlement kept together ("Keep both changes"),
    as JSON [{"version", "device_id"}…], each laptop's latest; empty for a choice. A combination
    was stored as a choice of the version it wrote ("version 3 … chosen"), and the row could not
    tell it from a choice of the version standing when the two read alike. Each settlement
    already there gets an audit entry of its row with the new, empty column, as in m020.

    `ehr_moves`: a clerk's word that a record entered in the EHR under a patient's earlier EHR
    number was moved there to the number they are linked to now. `ehr_moves_due` is the one
    meaning of a move still to make, which each line and the progress read: a record whose EHR
    file (where it was last moved to since it was last ticked off, else the number linked when
    it was, else the patient's first link) is not the number linked now. Only patients linked
    twice or more are read: the others have nothing to move."""
    db.execute("ALTER TABLE hold_settlements ADD COLUMN combined TEXT")
    now = datetime.now(timezone.utc)
    for row in list(db.query("SELECT * FROM hold_settlements ORDER BY rowid")):
        audit.append(db, at=now, actor=None, device_id=None, action="migration.combined_settlements",
                     entity="hold_settlements", entity_id=row["id"], row=row)
    db.execute("""
        CREATE TABLE ehr_moves (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            from_ehr TEXT NOT NULL,
            to_ehr TEXT NOT NULL,
            moved_by TEXT NOT NULL,
            moved_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX ehr_moves_record ON ehr_moves(record_id)")
    _append_only(db, "ehr_moves")
    # In the order they were written, as the audit log numbers every audited row (`seq`): the
    # laptop's clock may have been put right backwards since, and a fake clock repeats itself.
    written = "(SELECT MIN(a.seq) FROM audit a WHERE a.entity = '{0}' AND a.entity_id = {1}.id)"
    db.execute(f"""
        CREATE VIEW ehr_moves_due AS
        SELECT record_id, patient_id, from_ehr, to_ehr FROM (
            SELECT e.record_id, e.patient_id,
                   COALESCE((SELECT m.to_ehr FROM ehr_moves m WHERE m.record_id = e.record_id
                             AND {written.format("ehr_moves", "m")} > e.seq
                             ORDER BY {written.format("ehr_moves", "m")} DESC LIMIT 1),
                            (SELECT l.ehr_patient_number FROM patient_links l WHERE l.patient_id = e.patient_id
                             AND {written.format("patient_links", "l")} < e.seq
                             ORDER BY {written.format("patient_links", "l")} DESC LIMIT 1),
                            (SELECT l.ehr_patient_number FROM patient_links l WHERE l.patient_id = e.patient_id
                             ORDER BY l.rowid LIMIT 1)) AS from_ehr,
                   (SELECT l.ehr_patient_number FROM patient_links l WHERE l.patient_id = e.patient_id
                    ORDER BY l.rowid DESC LIMIT 1) AS to_ehr
            FROM (SELECT b.record_id, r.patient_id, MAX({written.format("back_entries", "b")}) AS seq
                  FROM (SELECT patient_id FROM patient_links GROUP BY patient_id HAVING COUNT(*) > 1) p
                  JOIN records r ON r.patient_id = p.patient_id
                  JOIN back_entries b ON b.record_id = r.record_id
                  GROUP BY b.record_id, r.patient_id) e)
        WHERE from_ehr != to_ehr""")


@MIGRATIONS(name="m029_records_by_device_and_time")
def m029_records_by_device_and_time(db: Database) -> None:
    """What this laptop wrote and when (services.paper_gap): the banner's last save and the
    stretches it wrote nothing in, read at every window and every chart with a dose overdue. A
    records office holds every laptop's records, and each read went through all of them: 2.5 to
    3.8 s on the hospital's 1.4 million, at each opening of its window."""
    db.execute("CREATE INDEX records_device_recorded ON records(device_id, recorded_at)")


@MIGRATIONS(name="m031_paper_numbers")
def m031_paper_numbers(db: Database) -> None:
    """Downtime numbers this laptop set aside, printed as labels for the binder, for patients
    admitted on paper while it is away (its battery dead, taken to another ward): the wristband
    and forms written then carry the number the patient keeps once the admission is typed in,
    where a number written by guess collided with one the laptop gave someone else. A number is
    used once a patient has it (`patients`); one never used is accounted for by the nurse in
    charge. Append-only: a label printed cannot be taken back."""
    db.execute("""
        CREATE TABLE paper_numbers (
            number TEXT PRIMARY KEY,
            device_number INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            reserved_at TEXT NOT NULL,
            reserved_by TEXT NOT NULL,
            UNIQUE (device_number, sequence)
        )""")
    _append_only(db, "paper_numbers")


@MIGRATIONS(name="m032_audit_by_device_and_time")
def m032_audit_by_device_and_time(db: Database) -> None:
    """When this laptop was used (services.paper_gap): everything it audited, read at every round
    and chart with a dose late, by seeking this laptop's entries by their time at UTC (as text,
    summer and winter times were out of order). Without it each seek went through the whole log,
    which at a records office holds an entry for each of the million records it imported. Those
    imports, and sign-ins refused, are no use of the laptop (services.paper_gap `NOT_USE`) and are
    left out of it: an entry for each imported record made the import pay for one more index."""
    db.execute("CREATE INDEX audit_device_moment ON audit(device_id, strftime('%Y-%m-%dT%H:%M:%f', at))"
               " WHERE action NOT IN ('sign_in.failed', 'sign_in.locked', 'record.import')")


@MIGRATIONS(name="m033_patients_last_moved_in")
def m033_patients_last_moved_in(db: Database) -> None:
    """The patients whose last standing movement brings them in (an admission or a transfer):
    the only ones who can be in hospital now. The census read each of the 5,000 patients ever
    placed on a records office's ward to find them, one seek each: 0.1 to 1 s for its first
    census, the pages not yet read. Derived from movement_index, refreshed with it in each
    write's transaction; the index is emptied so that `services.census.ensure_index` rebuilds
    both when the database opens."""
    db.execute("CREATE TABLE patients_last_moved_in (patient_id TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute("DELETE FROM movement_index")


_M034_PLAIN_LETTERS = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o",
                                     "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                                     "Þ": "TH", "ı": "i"})


def _m034_joined_names(names: Iterable[str]) -> set[str]:
    """`domain.duplicates.joined_names` (with `fold` and `domain.names.PLAIN_LETTERS`) as m034
    was written with: each name of several words, cut at spaces and dashes, folded and written
    as one."""
    many = (name for name in names if len(re.split(r"[\s\-\u2010-\u2015]+", name.strip())) > 1)
    return {"".join(c for c in unicodedata.normalize("NFKD", name.translate(_M034_PLAIN_LETTERS).casefold())
                    if c.isalnum()) for name in many}


@MIGRATIONS(name="m034_search_family_names_joined")
def m034_search_family_names_joined(db: Database) -> None:
    """A family name of several words ("Le Goff", "Martin-Dupont") is indexed a second time
    written as one, so "legoff" finds LE GOFF (the tokenizer cuts at spaces and hyphens): the
    lines indexed before get the same words at their end, as `services.search._columns` writes
    them, from the birth and used names of each patient's standing admissions (the admission
    form's `birth_name` and `used_name`). The joining rule is m034's own copy
    (`_m034_joined_names`): a migration runs once, on each laptop whenever it is updated, and
    must write the same on every one; a later change of `joined_names` is a migration of its own."""
    family: dict[str, set[str]] = defaultdict(set)
    for patient_id, data in db.execute("SELECT patient_id, data FROM current_records"
                                       " WHERE form_id = 'admission' AND status <> 'entered-in-error'"):
        values = json.loads(data)
        family[patient_id].update(_m034_joined_names(str(values.get(key) or "") for key in ("birth_name", "used_name")))
    for rowid, patient_id in db.execute("SELECT rowid, patient_id FROM patient_search").fetchall():
        if family.get(patient_id):
            db.execute("UPDATE patient_search SET names = names || ' ' || ? WHERE rowid = ?",
                       [" ".join(sorted(family[patient_id])), rowid])


@MIGRATIONS(name="m035_snapshot_as_of")
def m035_snapshot_as_of(db: Database) -> None:
    """The time the EHR's snapshot says its state is of (a FHIR Bundle's `timestamp`), for each
    order loaded from it: with the load's time, it says until when the EHR's own chart holds the
    order's doses (see services.snapshot_time). Orders loaded before have none, and read by their
    load as before."""
    db.execute("CREATE TABLE snapshot_as_of (record_id TEXT PRIMARY KEY, as_of TEXT NOT NULL) WITHOUT ROWID")
    _append_only(db, "snapshot_as_of")


@MIGRATIONS(name="m036_search_ehr_numbers_whole")
def m036_search_ehr_numbers_whole(db: Database) -> None:
    """The numbers on the bands and labels the EHR printed are indexed whole, as their barcodes
    hold them (`services.search._terms`): the IPP without the spaces it was typed with ("800 123
    45", three words that the band's 80012345 did not find), the encounter number (never
    indexed) and the EHR number the records office linked the patient to (its latest link). The
    lines indexed before get the same, from each patient's standing admissions (the admission
    form's `ipp` and `encounter_number`) and `patient_links`, with m036's own copy of the rule."""
    ipps: dict[str, list[str]] = defaultdict(list)  # typed in groups of digits
    added: dict[str, list[str]] = defaultdict(list)
    for patient_id, data in db.execute("SELECT patient_id, data FROM current_records"
                                       " WHERE form_id = 'admission' AND status <> 'entered-in-error'"):
        values = json.loads(data)
        for key in ("ipp", "encounter_number"):
            typed = str(values.get(key) or "")
            if key == "ipp" and len(typed.split()) > 1:
                ipps[patient_id].append(typed)
            if "".join(typed.split()):
                added[patient_id].append("".join(typed.split()))
    linked = {patient_id: "".join(number.split()) for patient_id, number in db.execute(
        "SELECT patient_id, ehr_patient_number FROM patient_links ORDER BY rowid").fetchall()}
    for rowid, patient_id, numbers in db.execute("SELECT rowid, patient_id, numbers FROM patient_search").fetchall():
        line = f" {' '.join(numbers.split())} "
        for typed in ipps.get(patient_id, []):  # written whole where it stood
            line = line.replace(f" {' '.join(typed.split())} ", f" {''.join(typed.split())} ")
        whole = list(dict.fromkeys(filter(None, [*line.split(), *added.get(patient_id, []), linked.get(patient_id)])))
        if whole != numbers.split():
            db.execute("UPDATE patient_search SET numbers = ? WHERE rowid = ?", [" ".join(whole), rowid])


@MIGRATIONS(name="m037_snapshot_as_of_audited")
def m037_snapshot_as_of_audited(db: Database) -> None:
    """The snapshot's time of each order loaded from it is written with an audit entry of its row
    from now on (`services.snapshot_time.keep`), so that `verify` names a row deleted or moved
    with plain SQL: the round trusts it, and one deleted put a due dose "in the EHR". Each row
    already there gets its entry, as in m020, unless it has one: run twice, it adds nothing."""
    now = datetime.now(timezone.utc)
    for row in list(db.query("SELECT * FROM snapshot_as_of ORDER BY record_id")):
        if db.execute("SELECT 1 FROM audit WHERE entity = 'snapshot_as_of' AND entity_id = ? LIMIT 1",
                      [row["record_id"]]).fetchone() is None:
            audit.append(db, at=now, actor=None, device_id=None, action="migration.snapshot_as_of_audited",
                         entity="snapshot_as_of", entity_id=row["record_id"], row=row)


@MIGRATIONS(name="m038_pin_to_choose")
def m038_pin_to_choose(db: Database) -> None:
    """`staff.pin_to_choose`: 1 while the account's PIN is one an administrator set
    (services.staff.set_pin), which signs in only for its holder to choose their own: with it, an
    administrator signed in as a nurse on shift, amended her patients' records and witnessed
    controlled drugs, all audited as hers. An account whose PIN was last set so (its newest
    PIN-setting audit entry is `staff.set_pin`) must choose one at its next sign-in too. Each
    account gets an audit entry of its row with the new column, as in m020: `verify` compares a
    row with its last entry."""
    db.execute("ALTER TABLE staff ADD COLUMN pin_to_choose INTEGER NOT NULL DEFAULT 0")
    now = datetime.now(timezone.utc)
    for row in list(db.query("SELECT * FROM staff ORDER BY staff_id")):
        last = db.execute("SELECT action FROM audit WHERE entity = 'staff' AND entity_id = ? AND action IN"
                          " ('staff.add', 'staff.set_pin', 'staff.change_pin') ORDER BY seq DESC LIMIT 1",
                          [row["staff_id"]]).fetchone()
        if last is not None and last[0] == "staff.set_pin":
            db.execute("UPDATE staff SET pin_to_choose = 1 WHERE staff_id = ?", [row["staff_id"]])
            row = {**row, "pin_to_choose": 1}
        audit.append(db, at=now, actor=None, device_id=None, action="migration.pin_to_choose", entity="staff",
                     entity_id=row["staff_id"], row=row)


@MIGRATIONS(name="m039_not_entered_asked_again")
def m039_not_entered_asked_again(db: Database) -> None:
    """The ward's answer that a record is not to be entered may be given again of the same
    version: an answer given beside the other record of one dose lapses once that record is
    withdrawn (services.back_entry.LAPSED_SQL), the line asks the ward again, and its next
    answer was refused as a second row of the version (m024's UNIQUE), the line open for good.
    The newest answer of a record stands. SQLite drops no constraint: the table is made again,
    its rows in their order, append-only as before."""
    db.execute("""
        CREATE TABLE not_entered_again (
            id TEXT PRIMARY KEY,
            record_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            ward_said TEXT NOT NULL,
            reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""")
    db.execute("INSERT INTO not_entered_again SELECT id, record_id, version, ward_said, reason, recorded_by,"
               " recorded_at FROM not_entered ORDER BY rowid")
    db.execute("DROP TABLE not_entered")
    db.execute("ALTER TABLE not_entered_again RENAME TO not_entered")
    db.execute("CREATE INDEX not_entered_record ON not_entered(record_id, version)")
    _append_only(db, "not_entered")


_M040_NO_APOSTROPHE = str.maketrans("", "", "'’")
_M040_NAMES = ("birth_name", "used_name", "given_names", "temporary_name", "descriptor")


def _m040_words(values: dict) -> tuple[list[str], list[str], list[str]]:
    """The words one admission version puts in each column of its patient's index line but the
    downtime and linked EHR numbers (its patient's, on the line already), as
    `services.search._terms` and `_columns` wrote them when m040 was written: its names, again
    without apostrophes and in plain letters (m011, m016), its family names of several words
    written as one (m034's rule); its birth date's tokens (m015); its IPP and encounter number
    whole (m036) and its NIR as the card reads."""
    names = " ".join(str(values.get(key) or "") for key in _M040_NAMES)
    spelled = [*names.split(), *names.translate(_M040_NO_APOSTROPHE).split()]
    joined = sorted(_m034_joined_names(str(values.get(key) or "") for key in ("birth_name", "used_name")))
    born = date.fromisoformat(values["birth_date"]) if values.get("birth_date") else None
    birth = f"{born:%d%m%Y} {born:%Y%m%d} {born:%Y} {born:%m%Y} {born:%d%m%y}" if born else ""
    nir = re.sub(r"[\s.\-]", "", str(values.get("nir") or "")).upper()
    whole = ["".join(str(values.get(key) or "").split()) for key in ("ipp", "encounter_number")]
    return ([*spelled, *(word.translate(_M034_PLAIN_LETTERS) for word in spelled), *joined], birth.split(),
            [number for number in (whole[0], nir, whole[1]) if number])


@MIGRATIONS(name="m040_search_held_admissions")
def m040_search_held_admissions(db: Database) -> None:
    """An admission on hold is indexed by every laptop's version no settlement covers
    (`services.search._held`): an unknown man identified on another laptop was found by neither
    his name nor his IPP until a clerk settled the hold. The lines indexed before get the words
    of those versions (`_m040_words`, m040's own copy of the rule) at their end; without them
    `verify` said the index disagreed with the admissions on every laptop holding such a hold,
    and the first opening rebuilt it with an audit entry read as tampering."""
    added: dict[str, tuple[list[str], list[str], list[str]]] = defaultdict(lambda: ([], [], []))
    for patient_id, data in db.execute("SELECT patient_id, data FROM unsettled_versions"
                                       " WHERE form_id = 'admission' AND status <> 'entered-in-error'"):
        for column, words in zip(added[patient_id], _m040_words(json.loads(data))):
            column.extend(words)
    for rowid, patient_id, *columns in db.execute(
            "SELECT rowid, patient_id, names, birth, numbers FROM patient_search").fetchall():
        if patient_id in added:
            lines = [" ".join(filter(None, (line, *dict.fromkeys(word for word in words if word not in line.split()))))
                     for line, words in zip(columns, added[patient_id])]
            db.execute("UPDATE patient_search SET names = ?, birth = ?, numbers = ? WHERE rowid = ?", [*lines, rowid])


@MIGRATIONS(name="m041_movement_index_place_covering")
def m041_movement_index_place_covering(db: Database) -> None:
    """The beds' index answers from the index alone who was placed in a bed and when
    (services.census.placed_during: the back-entry list's check of a bed held by two patients,
    across laptops): reading the table's row of each of the 170 patients a month's records office
    had placed in a bed, scattered over its movements, was most of that check. It leads with the
    columns of the index it replaces, so every query that read that one reads this one."""
    db.execute("DROP INDEX movement_index_place")
    db.execute("CREATE INDEX movement_index_place"
               " ON movement_index(ward_key, bed_key, standing, occurred_utc, movement, patient_id)")


@MIGRATIONS(name="m042_audit_pins_by_staff")
def m042_audit_pins_by_staff(db: Database) -> None:
    """A staff ID's last PINs (services.staff's lockout count, at every sign-in, unlock and
    witness's PIN) read from an index of the PIN entries alone, by staff ID, newest last: the
    count read every PIN entry of every staff ID by its action, then sorted them (16-64 ms at
    each PIN on a ward laptop's month of 60,000 sign-ins and unlocks). Partial: the other entries, a
    hospital's import's 1.4 million among them, are written as fast as before."""
    db.execute(f"CREATE INDEX audit_pins ON audit(actor) WHERE {audit.PINS_TYPED}")
