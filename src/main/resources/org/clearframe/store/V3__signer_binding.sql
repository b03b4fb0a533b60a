-- Schema version 3: a person's sign-off binds to the performer's name as signed, not only to the cast row's id,
-- so recasting a part (a new name on the same row) makes the previous performer's consent stale.
-- Rows written before this version recorded only the id. They are bound here to the name the cast row has at
-- the upgrade: an assumption, not evidence (a recast made before the upgrade cannot be seen any more). A row
-- whose performer is no longer in the cast gets no name, and so shows as stale.
ALTER TABLE sign_off ADD COLUMN subject_name TEXT NOT NULL DEFAULT '';
UPDATE sign_off SET subject_name = COALESCE((SELECT performer FROM cast_member WHERE cast_member.id = sign_off.subject_id), '')
    WHERE subject_id IS NOT NULL;
