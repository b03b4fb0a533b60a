-- Schema version 7: the AI share of the frame, and the hash-chained sign-off log.
-- The AI share of the frame: how much of the picture an AI use's output covers, as a whole
-- percentage, where the producer recorded it (NULL: not recorded). A disclosure fact for the evidence pack.
ALTER TABLE ai_use ADD COLUMN frame_share_percent INTEGER CHECK (frame_share_percent IS NULL OR (frame_share_percent BETWEEN 0 AND 100));
-- The sign-off history as a hash chain: one event per sign-off row, in the order they were recorded, each carrying
-- the hash of the one before, so deleting, reordering or editing an earlier event (or adding a sign-off row without
-- its event) shows. Rows are only ever added. The sign-offs already in the file when it reached this version are
-- listed as recorded before the log began.
CREATE TABLE sign_off_event (
    seq         INTEGER PRIMARY KEY,
    sign_off_id TEXT NOT NULL,
    entry       TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE TABLE sign_off_before_log (
    sign_off_id TEXT PRIMARY KEY
);
INSERT INTO sign_off_before_log (sign_off_id) SELECT id FROM sign_off;
CREATE TRIGGER sign_off_event_never_changes BEFORE UPDATE ON sign_off_event
BEGIN
    SELECT RAISE(ABORT, 'the sign-off log is history: an event cannot be changed');
END;
CREATE TRIGGER sign_off_event_never_deleted BEFORE DELETE ON sign_off_event
BEGIN
    SELECT RAISE(ABORT, 'the sign-off log is history: an event cannot be deleted');
END;
CREATE TRIGGER sign_off_before_log_never_changes BEFORE UPDATE ON sign_off_before_log
BEGIN
    SELECT RAISE(ABORT, 'the sign-off log is history: it cannot be changed');
END;
CREATE TRIGGER sign_off_before_log_never_deleted BEFORE DELETE ON sign_off_before_log
BEGIN
    SELECT RAISE(ABORT, 'the sign-off log is history: it cannot be changed');
END;
