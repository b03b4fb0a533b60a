-- Schema version 1: the production, its departments, cast, scenes, shots and AI uses.
-- Ids are UUID text so that copies of a production made on different machines can be merged row by row.
CREATE TABLE production (
    id                    TEXT PRIMARY KEY,
    title                 TEXT NOT NULL,
    format                TEXT NOT NULL,
    genre                 TEXT NOT NULL,
    studio                TEXT NOT NULL DEFAULT '',
    producer              TEXT NOT NULL DEFAULT '',
    director              TEXT NOT NULL DEFAULT '',
    principal_photography TEXT,
    notes                 TEXT NOT NULL DEFAULT ''
);
CREATE TABLE department (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    head_name TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT '',
    colour    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE cast_member (
    id           TEXT PRIMARY KEY,
    position     INTEGER NOT NULL,
    performer    TEXT NOT NULL,
    character    TEXT NOT NULL DEFAULT '',
    union_member TEXT NOT NULL DEFAULT 'UNKNOWN',
    deceased     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE scene (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    number      TEXT NOT NULL,
    int_ext     TEXT NOT NULL,
    setting     TEXT NOT NULL DEFAULT '',
    time_of_day TEXT NOT NULL DEFAULT '',
    synopsis    TEXT NOT NULL DEFAULT '',
    eighths     INTEGER NOT NULL DEFAULT 0,
    story_day   TEXT NOT NULL DEFAULT '',
    omitted     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE scene_cast (
    scene_id TEXT NOT NULL REFERENCES scene(id) ON DELETE CASCADE,
    cast_id  TEXT NOT NULL REFERENCES cast_member(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (scene_id, cast_id)
);
CREATE TABLE shot (
    id               TEXT PRIMARY KEY,
    scene_id         TEXT NOT NULL REFERENCES scene(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    number           TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    size             TEXT,
    angle            TEXT NOT NULL DEFAULT '',
    movement         TEXT NOT NULL DEFAULT '',
    lens             TEXT NOT NULL DEFAULT '',
    duration_seconds REAL NOT NULL DEFAULT 0,
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX shot_by_scene ON shot(scene_id, position);
CREATE TABLE shot_department (
    shot_id       TEXT NOT NULL REFERENCES shot(id) ON DELETE CASCADE,
    department_id TEXT NOT NULL REFERENCES department(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (shot_id, department_id)
);
-- Kept apart from shot so that loading a production never reads image bytes.
CREATE TABLE shot_image (
    shot_id    TEXT PRIMARY KEY REFERENCES shot(id) ON DELETE CASCADE,
    media_type TEXT NOT NULL,
    bytes      BLOB NOT NULL
);
CREATE TABLE ai_use (
    id            TEXT PRIMARY KEY,
    shot_id       TEXT NOT NULL REFERENCES shot(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    technique     TEXT NOT NULL,
    purpose       TEXT NOT NULL DEFAULT '',
    tool          TEXT NOT NULL DEFAULT '',
    output        TEXT NOT NULL,
    uploads       TEXT NOT NULL DEFAULT '',
    vendor_trains TEXT NOT NULL DEFAULT 'UNKNOWN',
    factors       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ai_use_by_shot ON ai_use(shot_id, position);
CREATE TABLE ai_use_performer (
    ai_use_id TEXT NOT NULL REFERENCES ai_use(id) ON DELETE CASCADE,
    cast_id   TEXT NOT NULL REFERENCES cast_member(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (ai_use_id, cast_id)
);
CREATE TABLE ai_use_department (
    ai_use_id     TEXT NOT NULL REFERENCES ai_use(id) ON DELETE CASCADE,
    department_id TEXT NOT NULL REFERENCES department(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (ai_use_id, department_id)
);
