-- Schema version 4: the sign-off history can only grow. Before this script runs, Migrations rebuilds sign_off
-- without its ON DELETE CASCADE link to shot (a deleted shot's sign-offs stay as history).
-- These guards live in the file itself, so no program writing through SQLite can change or delete a sign-off.
CREATE TRIGGER sign_off_never_changes BEFORE UPDATE ON sign_off
BEGIN
    SELECT RAISE(ABORT, 'sign-offs are history: a recorded sign-off cannot be changed');
END;
CREATE TRIGGER sign_off_never_deleted BEFORE DELETE ON sign_off
BEGIN
    SELECT RAISE(ABORT, 'sign-offs are history: a recorded sign-off cannot be deleted');
END;
