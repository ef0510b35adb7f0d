-- The newsroom's editing and safety tables: who created a story, trash, change notes,
-- revisions, an append-only audit log, invite/reset tokens, sign-in attempts for rate
-- limiting, TOTP two-factor (better-auth's twoFactor plugin) and media provenance.

ALTER TABLE story
  ADD COLUMN created_by_id text REFERENCES "user" (id) ON DELETE SET NULL,
  ADD COLUMN deleted_at timestamptz(3);
CREATE INDEX story_created_by_id_idx ON story (created_by_id);
CREATE INDEX story_deleted_at_idx ON story (deleted_at) WHERE deleted_at IS NOT NULL;
-- The newsroom lists stories by last change.
CREATE INDEX story_updated_at_idx ON story (updated_at DESC);

-- "Uppdaterad <date>": the public notes of a real update to a published story.
CREATE TABLE story_change_note (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  story_id   uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  note       text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX story_change_note_story_id_idx ON story_change_note (story_id, created_at DESC);

-- A full snapshot of a story after every save.
CREATE TABLE story_revision (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  story_id      uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  version       integer NOT NULL,
  snapshot      jsonb NOT NULL,
  reason        text NOT NULL,
  created_by_id text REFERENCES "user" (id) ON DELETE SET NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX story_revision_story_id_idx ON story_revision (story_id, created_at DESC);

-- Who did what to which item, and when. Rows can be added, never changed or removed.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  actor_id    text,
  actor_email text,
  action      text NOT NULL,
  entity_type text NOT NULL,
  entity_id   text,
  summary     text NOT NULL,
  ip          text
);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- One-time links to set a password: invites and resets. Only the SHA-256 of the token is kept.
CREATE TYPE account_token_purpose AS ENUM ('INVITE', 'RESET');
CREATE TABLE account_token (
  token_hash    text PRIMARY KEY,
  user_id       text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  purpose       account_token_purpose NOT NULL,
  expires_at    timestamptz(3) NOT NULL,
  used_at       timestamptz(3),
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX account_token_user_id_idx ON account_token (user_id);

-- Sign-in attempts, counted per account and per IP address to stop guessing.
CREATE TABLE sign_in_attempt (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email      text NOT NULL,
  ip         text NOT NULL,
  succeeded  boolean NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempt_email_idx ON sign_in_attempt (email, created_at DESC);
CREATE INDEX sign_in_attempt_ip_idx ON sign_in_attempt (ip, created_at DESC);

-- TOTP two-factor, in the shape better-auth's twoFactor plugin reads.
ALTER TABLE "user" ADD COLUMN two_factor_enabled boolean NOT NULL DEFAULT false;
CREATE TABLE two_factor (
  id                        text PRIMARY KEY,
  secret                    text NOT NULL,
  backup_codes              text NOT NULL,
  user_id                   text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  verified                  boolean NOT NULL DEFAULT true,
  failed_verification_count integer NOT NULL DEFAULT 0,
  locked_until              timestamptz(3)
);
CREATE INDEX two_factor_user_id_idx ON two_factor (user_id);
CREATE INDEX two_factor_secret_idx ON two_factor (secret);

-- Uploaded images: who uploaded them, the original name, and the resized variants.
ALTER TABLE media
  ADD COLUMN uploaded_by_id text REFERENCES "user" (id) ON DELETE SET NULL,
  ADD COLUMN original_name text,
  ADD COLUMN variants jsonb NOT NULL DEFAULT '[]';
ALTER TABLE media ALTER COLUMN alt SET DEFAULT '';
