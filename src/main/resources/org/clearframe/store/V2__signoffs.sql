-- Schema version 2: sign-offs (an append-only history) and the policy in force.
CREATE TABLE sign_off (
    id          TEXT PRIMARY KEY,
    shot_id     TEXT NOT NULL REFERENCES shot(id) ON DELETE CASCADE,
    rule_id     TEXT NOT NULL,
    role        TEXT NOT NULL,
    subject_id  TEXT,
    signer      TEXT NOT NULL DEFAULT '',
    decision    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    signed_at   TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sign_off_by_shot ON sign_off(shot_id, signed_at);
-- One row at most: the studio policy loaded for this production. No row means the built-in default.
CREATE TABLE policy (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    source    TEXT NOT NULL DEFAULT '',
    json      TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);
