-- WordPress import of attachments (issue 12): import_source also remembers which attachment
-- (by GUID) each imported media library image came from, so a re-run does not read or add it again.
ALTER TABLE import_source DROP CONSTRAINT import_source_kind_check;
ALTER TABLE import_source ADD CONSTRAINT import_source_kind_check CHECK (kind IN ('story', 'page', 'topic', 'media'));
