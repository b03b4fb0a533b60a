-- Schema version 8: the producer's day (issue 15). The shoot calendar, contact details, every package shared and its
-- replies, and the content each sign-off was given for.
-- The shoot calendar: shoot day number to its date, and the dates nobody works (days off).
CREATE TABLE shoot_day (
    day        INTEGER PRIMARY KEY CHECK (day > 0),
    shoot_date TEXT NOT NULL UNIQUE
);
CREATE TABLE day_off (
    off_date TEXT PRIMARY KEY
);
-- The shoot day a scene is scheduled on. No foreign key: a scene deleted and brought back by undo keeps its day.
CREATE TABLE scene_shoot_day (
    scene_id TEXT PRIMARY KEY,
    day      INTEGER NOT NULL CHECK (day > 0)
);
-- The producer's own due date for a shot's signatures, where it overrides the one the policy's lead times give.
CREATE TABLE shot_due_date (
    shot_id TEXT PRIMARY KEY,
    due_on  TEXT NOT NULL
);
-- E-mail and phone of a cast member, and the phone of a department's head (the head's e-mail is department.email).
CREATE TABLE contact (
    owner_id TEXT PRIMARY KEY,
    email    TEXT NOT NULL DEFAULT '',
    phone    TEXT NOT NULL DEFAULT ''
);
-- Every package shared: to whom, when, the file's SHA-256, the shots as they were (their fingerprints) and the
-- signatures it asked for. History: rows are only ever added.
CREATE TABLE shared_package (
    id             TEXT PRIMARY KEY,
    audience_kind  TEXT NOT NULL,
    audience       TEXT NOT NULL,
    performer_id   TEXT,
    representative TEXT NOT NULL DEFAULT '',
    sent_at        TEXT NOT NULL,
    file_name      TEXT NOT NULL DEFAULT '',
    sha256         TEXT NOT NULL
);
CREATE TABLE shared_package_shot (
    package_id  TEXT NOT NULL REFERENCES shared_package(id),
    position    INTEGER NOT NULL,
    shot_id     TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (package_id, shot_id)
);
CREATE TABLE shared_package_signature (
    package_id   TEXT NOT NULL REFERENCES shared_package(id),
    position     INTEGER NOT NULL,
    shot_id      TEXT NOT NULL,
    rule_id      TEXT NOT NULL,
    role         TEXT NOT NULL,
    subject_id   TEXT,
    subject_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (package_id, position)
);
-- A reply imported, linked to the package it answers; answered holds its decisions' slots, one per line.
CREATE TABLE package_reply (
    reply_id    TEXT PRIMARY KEY,
    package_id  TEXT NOT NULL REFERENCES shared_package(id),
    signer      TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    answered    TEXT NOT NULL DEFAULT ''
);
-- What a sign-off was given for: the shot's AI-relevant content, keyed by its fingerprint (the SHA-256 the sign-off
-- carries), so a stale sign-off can say what changed. A reader recomputes the fingerprint and ignores a mismatch.
CREATE TABLE signed_content (
    fingerprint TEXT PRIMARY KEY,
    content     TEXT NOT NULL
);
CREATE TRIGGER shared_package_never_changes BEFORE UPDATE ON shared_package
BEGIN
    SELECT RAISE(ABORT, 'a shared package is history: it cannot be changed');
END;
CREATE TRIGGER shared_package_never_deleted BEFORE DELETE ON shared_package
BEGIN
    SELECT RAISE(ABORT, 'a shared package is history: it cannot be deleted');
END;
CREATE TRIGGER package_reply_never_changes BEFORE UPDATE ON package_reply
BEGIN
    SELECT RAISE(ABORT, 'a linked reply is history: it cannot be changed');
END;
CREATE TRIGGER package_reply_never_deleted BEFORE DELETE ON package_reply
BEGIN
    SELECT RAISE(ABORT, 'a linked reply is history: it cannot be deleted');
END;
CREATE TRIGGER signed_content_never_changes BEFORE UPDATE ON signed_content
BEGIN
    SELECT RAISE(ABORT, 'signed content is evidence: it cannot be changed');
END;
CREATE TRIGGER signed_content_never_deleted BEFORE DELETE ON signed_content
BEGIN
    SELECT RAISE(ABORT, 'signed content is evidence: it cannot be deleted');
END;
CREATE TRIGGER shared_package_shot_never_changes BEFORE UPDATE ON shared_package_shot
BEGIN
    SELECT RAISE(ABORT, 'a shared package is history: it cannot be changed');
END;
CREATE TRIGGER shared_package_shot_never_deleted BEFORE DELETE ON shared_package_shot
BEGIN
    SELECT RAISE(ABORT, 'a shared package is history: it cannot be changed');
END;
CREATE TRIGGER shared_package_signature_never_changes BEFORE UPDATE ON shared_package_signature
BEGIN
    SELECT RAISE(ABORT, 'a shared package is history: it cannot be changed');
END;
CREATE TRIGGER shared_package_signature_never_deleted BEFORE DELETE ON shared_package_signature
BEGIN
    SELECT RAISE(ABORT, 'a shared package is history: it cannot be changed');
END;
