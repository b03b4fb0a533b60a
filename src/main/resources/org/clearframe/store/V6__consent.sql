-- Schema version 6: performer facts and consent as data (issue 11).
-- Performer facts on the cast member: a minor; who negotiated their replica terms (UNION, LAWYER, NEITHER, UNKNOWN).
ALTER TABLE cast_member ADD COLUMN minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cast_member ADD COLUMN representation TEXT NOT NULL DEFAULT 'UNKNOWN';
-- Replica scans of a cast member: ISO dates (notice and scan), and the business reason the 2026 SAG-AFTRA terms ask for.
CREATE TABLE scan (
    id              TEXT PRIMARY KEY,
    cast_id         TEXT NOT NULL REFERENCES cast_member(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    scanned_on      TEXT,
    notice_given_on TEXT,
    business_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scan_by_cast ON scan(cast_id, position);
-- Files attached in the production (the signed consent). Evidence: a kept file never changes.
CREATE TABLE consent_document (
    id          TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL DEFAULT '',
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    attached_at TEXT NOT NULL
);
-- A consent as given. cast_id has no foreign key: a consent outlives a cast row (the row deleted, or recast), and
-- coverage is computed from it, never assumed. Scope lists are comma-separated ids or technique names, so that a
-- deleted scene or shot brought back by undo is in scope again.
CREATE TABLE consent (
    id            TEXT PRIMARY KEY,
    position      INTEGER NOT NULL,
    cast_id       TEXT,
    given_by      TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL,
    production_id TEXT NOT NULL,
    scene_ids     TEXT NOT NULL DEFAULT '',
    shot_ids      TEXT NOT NULL DEFAULT '',
    techniques    TEXT NOT NULL DEFAULT '',
    purpose       TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    given_on      TEXT,
    document_id   TEXT REFERENCES consent_document(id),
    withdrawn_on  TEXT,
    compensation  TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER consent_document_never_changes BEFORE UPDATE ON consent_document
BEGIN
    SELECT RAISE(ABORT, 'attached documents are evidence: a kept file cannot be changed');
END;
-- A withdrawal stands: it can be recorded once and never taken back or redated (a new consent is a new record).
CREATE TRIGGER consent_withdrawal_stands BEFORE UPDATE OF withdrawn_on ON consent
WHEN OLD.withdrawn_on IS NOT NULL AND (NEW.withdrawn_on IS NULL OR NEW.withdrawn_on <> OLD.withdrawn_on)
BEGIN
    SELECT RAISE(ABORT, 'a withdrawn consent stays withdrawn: record a new consent instead');
END;
