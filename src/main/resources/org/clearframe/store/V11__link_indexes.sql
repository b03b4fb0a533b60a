-- Schema version 11: indexes on the department and performer side of the link tables. Deleting a department or a
-- cast member cascades through these tables; without an index SQLite scanned each one whole (about 20 ms at 100,000
-- shots, on the FX thread while the window waits), with one it finds the linked rows directly.
CREATE INDEX shot_department_by_department ON shot_department(department_id);
CREATE INDEX ai_use_department_by_department ON ai_use_department(department_id);
CREATE INDEX ai_use_performer_by_cast ON ai_use_performer(cast_id);
CREATE INDEX scene_cast_by_cast ON scene_cast(cast_id);
