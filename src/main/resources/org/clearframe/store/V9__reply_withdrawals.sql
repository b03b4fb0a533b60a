-- Schema version 9: undo of a reply import. Sign-offs stay history (V4), so undo does not delete them: the producer
-- records a withdrawal of each sign-off the import added, and redo records its reinstatement. A row here is one event
-- for one sign-off; each has its event in the hash-chained sign-off log (V7) under the same seq, whose entry is the
-- statement the producer's key signed. A withdrawn sign-off does not count; a reinstatement lets it count again only
-- when its own proof still holds, and only when it is signed by a key the reader trusts and reverses the very
-- withdrawal event (by hash) that stands for that sign-off. Rows are only ever added.
CREATE TABLE sign_off_withdrawal (
    id            TEXT PRIMARY KEY,
    seq           INTEGER NOT NULL UNIQUE,
    action        TEXT NOT NULL CHECK (action IN ('WITHDRAWN', 'REINSTATED')),
    production_id TEXT NOT NULL,
    reply_id      TEXT NOT NULL,
    sign_off_id   TEXT NOT NULL,
    reverses      TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    by_name       TEXT NOT NULL DEFAULT '',
    public_key    TEXT NOT NULL,
    signature     TEXT NOT NULL
);
CREATE INDEX sign_off_withdrawal_by_sign_off ON sign_off_withdrawal(sign_off_id, seq);
-- Every reader looks for withdrawal events in the log (a row removed from the table leaves its event); this index holds
-- only those, so the search costs nothing in a log of sign-offs alone.
CREATE INDEX sign_off_event_withdrawals ON sign_off_event(seq) WHERE substr(entry, 1, 33) = 'clearframe-sign-off-withdrawal/1;';
CREATE TRIGGER sign_off_withdrawal_never_changes BEFORE UPDATE ON sign_off_withdrawal
BEGIN
    SELECT RAISE(ABORT, 'a withdrawal is history: it cannot be changed (redo records a reinstatement)');
END;
CREATE TRIGGER sign_off_withdrawal_never_deleted BEFORE DELETE ON sign_off_withdrawal
BEGIN
    SELECT RAISE(ABORT, 'a withdrawal is history: it cannot be deleted (redo records a reinstatement)');
END;
