-- TEMPORARY placeholder on the store branch: the trust branch provides the real V3. Do not merge this file.
SELECT 1;
