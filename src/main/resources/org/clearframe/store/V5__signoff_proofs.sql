-- Schema version 5: the evidence behind each sign-off. These tables are history: rows are only ever added.
-- A signed reply exactly as its file was received, kept so a sign-off from it can be proven again at any time.
CREATE TABLE signed_reply (
    id              TEXT PRIMARY KEY,
    bytes           BLOB NOT NULL,
    key_fingerprint TEXT NOT NULL,
    signer          TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);
-- Why a sign-off row is to be believed. REPLY: the stored reply holds exactly this decision, signed by its head.
-- ATTESTED: the producer's own key signed a statement of the sign-off (recorded in the app, or attested later).
-- No foreign key to sign_off: a proof outlives its sign-off row (a shot deleted and brought back by undo).
CREATE TABLE sign_off_proof (
    id              TEXT PRIMARY KEY,
    sign_off_id     TEXT NOT NULL,
    kind            TEXT NOT NULL,
    reply_id        TEXT REFERENCES signed_reply(id),
    basis           TEXT NOT NULL DEFAULT '',
    public_key      TEXT NOT NULL DEFAULT '',
    key_fingerprint TEXT NOT NULL DEFAULT '',
    signature       TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL
);
CREATE INDEX sign_off_proof_by_sign_off ON sign_off_proof(sign_off_id);
-- The sign-offs a file held when it was upgraded to this version: recorded before proofs were kept.
-- Only a label: they count once the producer attests them; a row here proves nothing by itself.
CREATE TABLE sign_off_before_proofs (
    sign_off_id TEXT PRIMARY KEY
);
INSERT INTO sign_off_before_proofs (sign_off_id) SELECT id FROM sign_off;
-- Like the sign-offs themselves, their evidence can only grow.
CREATE TRIGGER signed_reply_never_changes BEFORE UPDATE ON signed_reply
BEGIN
    SELECT RAISE(ABORT, 'signed replies are evidence: a kept reply cannot be changed');
END;
CREATE TRIGGER signed_reply_never_deleted BEFORE DELETE ON signed_reply
BEGIN
    SELECT RAISE(ABORT, 'signed replies are evidence: a kept reply cannot be deleted');
END;
CREATE TRIGGER sign_off_proof_never_changes BEFORE UPDATE ON sign_off_proof
BEGIN
    SELECT RAISE(ABORT, 'proofs are evidence: a recorded proof cannot be changed');
END;
CREATE TRIGGER sign_off_proof_never_deleted BEFORE DELETE ON sign_off_proof
BEGIN
    SELECT RAISE(ABORT, 'proofs are evidence: a recorded proof cannot be deleted');
END;
