-- WordPress import, continued (issue 12, decision 026).
-- comment.import_key: the WXR comment id a comment was imported from, unique per story, so a
-- re-run of the same export finds the comment it made before and never adds it twice. NULL for
-- readers' own comments (NULLs never collide in a unique index).
ALTER TABLE comment ADD COLUMN import_key text;
CREATE UNIQUE INDEX comment_story_id_import_key_key ON comment (story_id, import_key);

-- import_job: one newsroom import (/admin/import), run in the background of the server process.
-- The page polls it for progress and shows its report when it is done. `heartbeat_at` moves with
-- every batch; a running job whose heartbeat stops (the server was restarted) is shown as
-- interrupted, and a re-run continues without duplicates.
CREATE TABLE import_job (
  id              uuid PRIMARY KEY,
  organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
  actor_id        text,
  file_name       text NOT NULL,
  dry_run         boolean NOT NULL,
  -- 'running' | 'done' | 'failed'
  status          text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  done            integer NOT NULL DEFAULT 0,
  total           integer NOT NULL DEFAULT 0,
  -- the report's Swedish lines, and the error message of a failed job
  lines           jsonb NOT NULL DEFAULT '[]',
  error           text,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  heartbeat_at    timestamptz(3) NOT NULL DEFAULT now(),
  finished_at     timestamptz(3)
);
CREATE INDEX import_job_created_idx ON import_job (created_at DESC);
