-- Full-text search over stories, trigram suggestions, and redirects for changed slugs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Names that make a story findable but live in other tables (interviewees, quoted people,
-- organisations). Kept up to date by the triggers below, whatever writes the relations.
ALTER TABLE story ADD COLUMN search_names text NOT NULL DEFAULT '';

-- The words of a rich-text document: every text node, joined by spaces (no JSON escapes).
CREATE FUNCTION doc_text(doc jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(t #>> '{}', ' '), '') FROM jsonb_path_query(doc, 'strict $.**.text') AS t
$$;

-- Title > lead and names > body, with the Swedish stemmer.
ALTER TABLE story ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('swedish', title), 'A') ||
  setweight(to_tsvector('swedish', lead || ' ' || search_names), 'B') ||
  setweight(to_tsvector('swedish', doc_text(body)), 'C')
) STORED;
CREATE INDEX story_search_idx ON story USING gin (search);

-- Year archives and sitemaps read published stories by date.
CREATE INDEX story_published_at_idx ON story (published_at DESC, id DESC) WHERE status = 'PUBLISHED';

CREATE FUNCTION story_search_names(p_story uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(' ',
    (SELECT string_agg(p.name, ' ') FROM story_interviewee si JOIN person p ON p.id = si.person_id WHERE si.story_id = p_story),
    (SELECT string_agg(p.name, ' ') FROM story_person sp JOIN person p ON p.id = sp.person_id WHERE sp.story_id = p_story),
    (SELECT string_agg(concat_ws(' ', o.name, o.short_name), ' ') FROM story_organisation so JOIN organisation o ON o.id = so.organisation_id WHERE so.story_id = p_story)
  )
$$;

CREATE FUNCTION story_relation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sid uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.story_id ELSE NEW.story_id END;
BEGIN
  UPDATE story SET search_names = story_search_names(sid) WHERE id = sid;
  RETURN NULL;
END $$;

CREATE TRIGGER story_interviewee_search AFTER INSERT OR DELETE OR UPDATE ON story_interviewee FOR EACH ROW EXECUTE FUNCTION story_relation_changed();
CREATE TRIGGER story_person_search AFTER INSERT OR DELETE OR UPDATE ON story_person FOR EACH ROW EXECUTE FUNCTION story_relation_changed();
CREATE TRIGGER story_organisation_search AFTER INSERT OR DELETE OR UPDATE ON story_organisation FOR EACH ROW EXECUTE FUNCTION story_relation_changed();

CREATE FUNCTION name_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'person' THEN
    UPDATE story SET search_names = story_search_names(id)
    WHERE id IN (SELECT story_id FROM story_interviewee WHERE person_id = NEW.id UNION SELECT story_id FROM story_person WHERE person_id = NEW.id);
  ELSE
    UPDATE story SET search_names = story_search_names(id) WHERE id IN (SELECT story_id FROM story_organisation WHERE organisation_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER person_name_search AFTER UPDATE OF name ON person FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION name_changed();
CREATE TRIGGER organisation_name_search AFTER UPDATE OF name, short_name ON organisation FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name) EXECUTE FUNCTION name_changed();

-- "Menade du …?": trigram indexes over the words a reader may misspell. GiST, because it can
-- hand out the nearest titles and names in order (ORDER BY word <<-> title LIMIT n).
CREATE INDEX story_title_trgm_idx ON story USING gist (title gist_trgm_ops);
CREATE INDEX person_name_trgm_idx ON person USING gist (name gist_trgm_ops);
CREATE INDEX organisation_name_trgm_idx ON organisation USING gist (name gist_trgm_ops);

-- Old slugs keep working: a story's previous slug answers with a permanent redirect.
CREATE TABLE story_redirect (
  old_slug   text PRIMARY KEY,
  story_id   uuid NOT NULL REFERENCES story (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX story_redirect_story_id_idx ON story_redirect (story_id);

-- Whatever changes a published story's slug, the old one keeps leading to it.
CREATE FUNCTION story_slug_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    INSERT INTO story_redirect (old_slug, story_id) VALUES (OLD.slug, NEW.id)
    ON CONFLICT (old_slug) DO UPDATE SET story_id = EXCLUDED.story_id, created_at = now();
  END IF;
  -- A slug taken back by its story is no longer a redirect.
  DELETE FROM story_redirect WHERE old_slug = NEW.slug;
  RETURN NULL;
END $$;
CREATE TRIGGER story_slug_redirect AFTER UPDATE OF slug ON story FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug) EXECUTE FUNCTION story_slug_changed();
