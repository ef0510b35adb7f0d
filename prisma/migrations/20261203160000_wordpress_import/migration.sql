-- WordPress import (issue 12). import_source remembers which WordPress record each imported
-- story, page and topic came from (per organisation chosen at import), so a re-run updates
-- what it imported before instead of adding it again. path_redirect maps an old site's paths
-- (/2021/05/ny-saluhall/, /?p=123) to the story or page now there; the address is read from
-- the target at redirect time, so a later change of slug keeps the old link working.
CREATE TABLE import_source (
  organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  -- 'story' | 'page' | 'topic'
  kind            text NOT NULL CHECK (kind IN ('story', 'page', 'topic')),
  -- the WordPress GUID of a post or page; 'category:slug' or 'tag:slug' for a term
  source_key      text NOT NULL,
  target_id       uuid NOT NULL,
  imported_at     timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, kind, source_key)
);
CREATE INDEX import_source_target_idx ON import_source (target_id);

CREATE TABLE path_redirect (
  -- an absolute path with its query, as a request asks for it: '/2021/05/ny-saluhall/', '/?p=10'
  path       text PRIMARY KEY CHECK (path LIKE '/%'),
  story_id   uuid REFERENCES story (id) ON DELETE CASCADE,
  page_id    uuid REFERENCES page (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((story_id IS NULL) <> (page_id IS NULL))
);
CREATE INDEX path_redirect_story_idx ON path_redirect (story_id);
CREATE INDEX path_redirect_page_idx ON path_redirect (page_id);
