-- Search that forgives a missing å, ä or ö ("foretagsklimat" finds "företagsklimat"): a copy of
-- the Swedish configuration that strips accents before the Swedish stemmer, for the stored
-- vectors and the queries alike. Words without accents (asciiword) need no filter.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION swedish_unaccent (COPY = swedish);
ALTER TEXT SEARCH CONFIGURATION swedish_unaccent ALTER MAPPING FOR word, hword, hword_part WITH unaccent, swedish_stem;

DROP INDEX story_search_idx;
ALTER TABLE story DROP COLUMN search;
ALTER TABLE story ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('swedish_unaccent', title), 'A') ||
  setweight(to_tsvector('swedish_unaccent', lead || ' ' || search_names), 'B') ||
  setweight(to_tsvector('swedish_unaccent', doc_text(body)), 'C')
) STORED;
CREATE INDEX story_search_idx ON story USING gin (search);
