-- Schema version 10: the producer's attestation checkpoints. Each time a key attests sign-offs, it also signs one
-- checkpoint: the SHA-256 digests of the attestations it adds (covers, 32 bytes each), the checkpoint's place in
-- that key's chain (sequence) and the hash of the one before (previous). A reader verifies the newest checkpoint's
-- signature once and follows the hashes back, instead of verifying every attestation's own signature (see
-- src/docs/security.md). History: rows are only ever added.
CREATE TABLE attestation_checkpoint (
    id          TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    sequence    INTEGER NOT NULL CHECK (sequence > 0),
    previous    TEXT NOT NULL DEFAULT '',
    covers      BLOB NOT NULL,
    signature   TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (public_key, sequence)
);
CREATE TRIGGER attestation_checkpoint_never_changes BEFORE UPDATE ON attestation_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'checkpoints are evidence: a recorded checkpoint cannot be changed');
END;
CREATE TRIGGER attestation_checkpoint_never_deleted BEFORE DELETE ON attestation_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'checkpoints are evidence: a recorded checkpoint cannot be deleted');
END;
