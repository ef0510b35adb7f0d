-- Unsaved changes of a story past draft, handed to its preview without saving them: one copy
-- per story and user, replaced by the next preview and read only by that user's preview.
CREATE TABLE story_preview_copy (
  story_id   uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  user_id    text NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
  fields     jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (story_id, user_id)
);
