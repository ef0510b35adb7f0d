-- The link check (issue 12): every external link in published stories and network pages, where
-- it occurs with its text, and what the last check of its address found. link_occurrence is
-- rebuilt from the documents by the scheduled job; link_check keeps one row per address, so an
-- address used on a hundred pages is fetched once.
CREATE TABLE link_check (
  url           text PRIMARY KEY,
  host          text NOT NULL,
  -- 'ok', 'broken', or null before the first check
  result        text CHECK (result IN ('ok', 'broken')),
  http_status   integer,
  problem       text,
  checked_at    timestamptz(3),
  next_check_at timestamptz(3) NOT NULL DEFAULT now(),
  broken_since  timestamptz(3)
);
CREATE INDEX link_check_due_idx ON link_check (next_check_at);
CREATE INDEX link_check_broken_idx ON link_check (result) WHERE result = 'broken';

CREATE TABLE link_occurrence (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url        text NOT NULL,
  story_id   uuid REFERENCES story (id) ON DELETE CASCADE,
  network_id uuid REFERENCES network (id) ON DELETE CASCADE,
  text       text NOT NULL,
  CHECK ((story_id IS NULL) <> (network_id IS NULL))
);
CREATE INDEX link_occurrence_url_idx ON link_occurrence (url);
CREATE INDEX link_occurrence_story_idx ON link_occurrence (story_id);
CREATE INDEX link_occurrence_network_idx ON link_occurrence (network_id);
