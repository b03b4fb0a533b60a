-- The studio register, version 1. Every production's published plan and sign-offs in one PostgreSQL schema.
-- Rows keep the production file's UUIDs. Every plan row carries its production and the role that owns it, and a
-- composite foreign key to (productions.id, owner), so row-level security can say "yours" without a join and a
-- producer cannot hang rows under another producer's production.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clearframe_producer') THEN
        CREATE ROLE clearframe_producer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clearframe_studio') THEN
        CREATE ROLE clearframe_studio NOLOGIN;
    END IF;
END
$$;

CREATE SCHEMA clearframe;
GRANT USAGE ON SCHEMA clearframe TO clearframe_producer, clearframe_studio;

CREATE TABLE clearframe.productions (
    id              uuid PRIMARY KEY,
    owner           name NOT NULL DEFAULT current_user,
    title           text NOT NULL,
    studio          text NOT NULL,
    producer        text NOT NULL,
    format          text NOT NULL,
    shoot_date      date,
    policy_name     text NOT NULL,
    policy_version  text NOT NULL,
    newer_policy    text,               -- the newer built-in version the publishing app knew of, if any
    row_hash        text NOT NULL,
    table_digests   text NOT NULL DEFAULT '',   -- one digest per plan table, so a re-publish skips unchanged tables
    published_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, owner)
);

CREATE TABLE clearframe.policy_versions (
    name            text NOT NULL,
    version         text NOT NULL,
    first_seen      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, version)
);

CREATE TABLE clearframe.scenes (
    id              uuid PRIMARY KEY,
    production_id   uuid NOT NULL,
    owner           name NOT NULL DEFAULT current_user,
    position        int NOT NULL,
    number          text NOT NULL,
    heading         text NOT NULL,
    row_hash        text NOT NULL,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner) ON DELETE CASCADE
);

CREATE TABLE clearframe.shots (
    id              uuid PRIMARY KEY,
    production_id   uuid NOT NULL,
    owner           name NOT NULL DEFAULT current_user,
    scene_id        uuid NOT NULL,
    number          text NOT NULL,
    description     text NOT NULL,
    fingerprint     text NOT NULL,      -- the shot's AI fingerprint: what a sign-off binds to
    row_hash        text NOT NULL,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner) ON DELETE CASCADE
);

CREATE TABLE clearframe.ai_uses (
    id              uuid PRIMARY KEY,
    production_id   uuid NOT NULL,
    owner           name NOT NULL DEFAULT current_user,
    shot_id         uuid NOT NULL,
    technique       text NOT NULL,
    purpose         text NOT NULL,
    tool            text NOT NULL,
    tool_key        text NOT NULL,      -- the tool's name normalised, to match one vendor across productions
    output          text NOT NULL,
    vendor_trains   text NOT NULL,      -- YES, NO or UNKNOWN: may the vendor train on what is uploaded
    performer_ids   uuid[] NOT NULL,
    row_hash        text NOT NULL,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner) ON DELETE CASCADE
);

-- People: the cast, with how many of the production's AI uses make a replica, likeness or voice of them.
CREATE TABLE clearframe.people (
    id              uuid PRIMARY KEY,
    production_id   uuid NOT NULL,
    owner           name NOT NULL DEFAULT current_user,
    name            text NOT NULL,
    name_key        text NOT NULL,      -- rules.Names.normalise(name)
    member_id       text,               -- union or agency id, when known
    character       text NOT NULL,
    likeness_uses   int NOT NULL,
    consents        int NOT NULL,       -- consents on record, not withdrawn
    row_hash        text NOT NULL,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner) ON DELETE CASCADE
);

-- Flags as the publishing app evaluated them under the production's policy: what is open and who must still sign.
CREATE TABLE clearframe.flags (
    id              uuid PRIMARY KEY,
    production_id   uuid NOT NULL,
    owner           name NOT NULL DEFAULT current_user,
    shot_id         uuid NOT NULL,
    ai_use_id       uuid NOT NULL,
    rule_id         text NOT NULL,
    blocking        boolean NOT NULL,
    open            boolean NOT NULL,
    open_roles      text[] NOT NULL,
    studio_open     boolean NOT NULL,   -- the studio AI contact's signature is among the open ones
    fingerprint     text NOT NULL,
    row_hash        text NOT NULL,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner) ON DELETE CASCADE
);

-- Signed replies, byte for byte: the proof behind sign-offs. signed_in_register marks the studio AI contact's.
CREATE TABLE clearframe.replies (
    id                  uuid PRIMARY KEY,
    production_id       uuid NOT NULL,
    owner               name NOT NULL,
    package_id          uuid NOT NULL,
    signer              text NOT NULL,
    department          text NOT NULL,
    roles               text[] NOT NULL,
    key_fingerprint     text NOT NULL,
    bytes               bytea NOT NULL,
    signed_in_register  boolean NOT NULL,
    submitted_by        name NOT NULL DEFAULT current_user,
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner)
);

-- Packages sent and returned, as far as the returned replies show them.
CREATE TABLE clearframe.packages (
    id              uuid PRIMARY KEY,
    production_id   uuid NOT NULL,
    owner           name NOT NULL DEFAULT current_user,
    department      text NOT NULL,
    replies         int NOT NULL,
    last_returned   timestamptz NOT NULL,
    row_hash        text NOT NULL,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner) ON DELETE CASCADE
);

CREATE TABLE clearframe.signoffs (
    id                  uuid PRIMARY KEY,
    production_id       uuid NOT NULL,
    owner               name NOT NULL,
    shot_id             uuid NOT NULL,
    rule_id             text NOT NULL,
    role                text NOT NULL,
    subject_id          uuid,
    subject_name        text NOT NULL,
    signer              text NOT NULL,
    decision            text NOT NULL,
    note                text NOT NULL,
    signed_at           timestamptz NOT NULL,
    fingerprint         text NOT NULL,
    reply_id            uuid REFERENCES clearframe.replies (id),
    key_fingerprint     text NOT NULL,
    signed_in_register  boolean NOT NULL,
    submitted_by        name NOT NULL DEFAULT current_user,
    FOREIGN KEY (production_id, owner) REFERENCES clearframe.productions (id, owner)
);

-- Indexes for the publish diff (rows of one production) and for the report's questions.
CREATE INDEX scenes_production ON clearframe.scenes (production_id);
CREATE INDEX shots_production ON clearframe.shots (production_id);
CREATE INDEX ai_uses_production ON clearframe.ai_uses (production_id);
CREATE INDEX ai_uses_training ON clearframe.ai_uses (tool_key) WHERE vendor_trains = 'YES';
CREATE INDEX people_production ON clearframe.people (production_id);
CREATE INDEX people_likeness ON clearframe.people (name_key) WHERE likeness_uses > 0;
CREATE INDEX flags_production ON clearframe.flags (production_id);
CREATE INDEX flags_open_blocking ON clearframe.flags (production_id) WHERE open AND blocking;
CREATE INDEX flags_studio_open ON clearframe.flags (production_id) WHERE studio_open;
CREATE INDEX packages_production ON clearframe.packages (production_id);
CREATE INDEX replies_production ON clearframe.replies (production_id);
CREATE INDEX signoffs_production ON clearframe.signoffs (production_id);
CREATE INDEX signoffs_register ON clearframe.signoffs (production_id, shot_id, rule_id) WHERE signed_in_register;

-- Published sign-off history is never changed or removed, by anyone, owner and superuser included.
CREATE FUNCTION clearframe.history_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published sign-off history cannot be changed or deleted (table %)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER replies_kept BEFORE UPDATE OR DELETE ON clearframe.replies FOR EACH ROW EXECUTE FUNCTION clearframe.history_is_kept();
CREATE TRIGGER replies_not_truncated BEFORE TRUNCATE ON clearframe.replies EXECUTE FUNCTION clearframe.history_is_kept();
CREATE TRIGGER signoffs_kept BEFORE UPDATE OR DELETE ON clearframe.signoffs FOR EACH ROW EXECUTE FUNCTION clearframe.history_is_kept();
CREATE TRIGGER signoffs_not_truncated BEFORE TRUNCATE ON clearframe.signoffs EXECUTE FUNCTION clearframe.history_is_kept();

-- Who may do what. Producers: their own productions, whole; studio: read all, and add only the studio AI contact's
-- sign-offs. Nobody is granted UPDATE or DELETE on the history tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON clearframe.productions, clearframe.scenes, clearframe.shots, clearframe.ai_uses,
    clearframe.people, clearframe.flags, clearframe.packages TO clearframe_producer;
GRANT SELECT, INSERT ON clearframe.replies, clearframe.signoffs, clearframe.policy_versions TO clearframe_producer;
GRANT SELECT ON clearframe.productions, clearframe.scenes, clearframe.shots, clearframe.ai_uses, clearframe.people,
    clearframe.flags, clearframe.packages, clearframe.replies, clearframe.signoffs, clearframe.policy_versions
    TO clearframe_studio;
GRANT INSERT ON clearframe.replies, clearframe.signoffs TO clearframe_studio;

ALTER TABLE clearframe.productions ENABLE ROW LEVEL SECURITY;
ALTER TABLE clearframe.productions FORCE ROW LEVEL SECURITY;
CREATE POLICY producer_own ON clearframe.productions TO clearframe_producer
    USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY studio_reads ON clearframe.productions FOR SELECT TO clearframe_studio USING (true);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['scenes', 'shots', 'ai_uses', 'people', 'flags', 'packages'] LOOP
        EXECUTE format('ALTER TABLE clearframe.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE clearframe.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY producer_own ON clearframe.%I TO clearframe_producer '
            || 'USING (owner = current_user) WITH CHECK (owner = current_user)', t);
        EXECUTE format('CREATE POLICY studio_reads ON clearframe.%I FOR SELECT TO clearframe_studio USING (true)', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['replies', 'signoffs'] LOOP
        EXECUTE format('ALTER TABLE clearframe.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE clearframe.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY producer_reads ON clearframe.%I FOR SELECT TO clearframe_producer USING (owner = current_user)', t);
        -- A producer publishes the file's own proven sign-offs, never one that claims to be signed in the register.
        EXECUTE format('CREATE POLICY producer_adds ON clearframe.%I FOR INSERT TO clearframe_producer '
            || 'WITH CHECK (owner = current_user AND submitted_by = current_user AND NOT signed_in_register)', t);
        EXECUTE format('CREATE POLICY studio_reads ON clearframe.%I FOR SELECT TO clearframe_studio USING (true)', t);
    END LOOP;
END
$$;
-- The studio adds only the studio AI contact's decisions, signed in the register, in its own name.
CREATE POLICY studio_signs ON clearframe.replies FOR INSERT TO clearframe_studio
    WITH CHECK (signed_in_register AND submitted_by = current_user AND roles = ARRAY['STUDIO_AI_CONTACT']);
CREATE POLICY studio_signs ON clearframe.signoffs FOR INSERT TO clearframe_studio
    WITH CHECK (signed_in_register AND submitted_by = current_user AND role = 'STUDIO_AI_CONTACT');
