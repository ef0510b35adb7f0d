-- Pre-moderated comments on stories (issue 11, decision 019). A reader's comment waits as
-- PENDING until an editor of one of the story's organisations approves it (PUBLISHED), rejects
-- it or marks it as spam; rejected and spam comments are deleted after 30 days. The e-mail
-- address is never published. ip_hash is a keyed hash of the client address, kept only to
-- limit submissions per address: equality is all the limit needs, so the address itself is
-- never stored. An organisation may reply once, shown as the organisation.
CREATE TYPE comment_status AS ENUM ('PENDING', 'PUBLISHED', 'REJECTED', 'SPAM');

CREATE TABLE comment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  story_id uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  author_name text NOT NULL,
  author_email text NOT NULL CHECK (author_email = lower(author_email)),
  body text NOT NULL,
  status comment_status NOT NULL DEFAULT 'PENDING',
  ip_hash text NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  moderated_at timestamptz(3),
  moderated_by_id text REFERENCES "user" (id) ON DELETE SET NULL,
  reply_body text,
  reply_organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
  reply_by_id text REFERENCES "user" (id) ON DELETE SET NULL,
  replied_at timestamptz(3)
);

-- The story page's list and count, and the moderation queue.
CREATE INDEX comment_story_status_idx ON comment (story_id, status, created_at);
CREATE INDEX comment_status_created_idx ON comment (status, created_at);
-- Limits per address and per IP, duplicate detection and data requests.
CREATE INDEX comment_author_email_idx ON comment (author_email, created_at);
CREATE INDEX comment_ip_hash_idx ON comment (ip_hash, created_at);

-- Commenting can be closed per story by its editors (it also closes by itself after
-- COMMENTS_CLOSE_AFTER_DAYS from publication, which is computed, not stored).
ALTER TABLE story ADD COLUMN comments_closed boolean NOT NULL DEFAULT false;
